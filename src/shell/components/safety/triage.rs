//! Side-effect triage: a text filter over the page's symptom groups, real
//! checkboxes, and the most serious outcome in a polite live region.

use yew::prelude::*;

use crate::core::i18n::{Lang, Translate};
use crate::core::safety::triage::{fold, matches_filter, Group, TriageMsg, MEDWATCH_PHONE, MEDWATCH_TEL};
use crate::core::safety::{SafetyForm, Symptom, Triage};

fn outcome_class(t: Triage) -> &'static str {
    match t {
        Triage::Emergency => "kw-notice kw-danger kw-sf-outcome",
        Triage::CallDoctorToday => "kw-notice kw-caution kw-sf-outcome",
        Triage::UsuallyGoesAway => "kw-notice kw-ok kw-sf-outcome",
        Triage::NothingSelected => "kw-notice kw-sf-outcome",
    }
}

pub fn view(f: &SafetyForm, lang: Lang) -> Html {
    let t = |m: TriageMsg| m.tr(lang);
    let query = fold(&f.filter);
    let mut any = false;
    let groups: Html = Group::ALL
        .iter()
        .map(|&g| {
            let mut shown = false;
            let items: Html = Symptom::ALL
                .iter()
                .enumerate()
                .filter(|(_, s)| s.group() == g)
                .map(|(i, s)| {
                    let label = s.tr(lang);
                    let hit = matches_filter(label, &query);
                    shown |= hit;
                    html! {
                        <li hidden={!hit}>
                            <label class="kw-choice">
                                <input type="checkbox" name="sym" value={i.to_string()} checked={f.symptoms.contains(s)} />
                                { label }
                            </label>
                        </li>
                    }
                })
                .collect();
            any |= shown;
            html! {
                <fieldset hidden={!shown} class={if g == Group::Emergency { "kw-sf-group kw-sf-emergency" } else { "kw-sf-group" }}>
                    <legend>{ g.heading().tr(lang) }</legend>
                    <ul class="kw-sf-list">{ items }</ul>
                </fieldset>
            }
        })
        .collect();
    let result = f.triage();
    let medwatch = t(TriageMsg::MedWatch);
    let (before, after) = medwatch.split_once("{phone}").unwrap_or((medwatch, ""));
    html! {
        <section class="kw-card kw-sf-part" aria-labelledby="kw-sf-tri-h">
            <h4 id="kw-sf-tri-h">{ t(TriageMsg::Heading) }</h4>
            <p class="kw-notice">{ t(TriageMsg::Disclaimer) }</p>
            <div class="kw-field">
                <label for="kw-sf-filter">{ t(TriageMsg::Filter) }</label>
                <input type="search" id="kw-sf-filter" name="filter" value={f.filter.clone()} autocomplete="off" />
            </div>
            { groups }
            if !any { <p class="kw-hint">{ t(TriageMsg::NoMatch) }</p> }
            <div class="kw-sf-result" aria-live="polite">
                <p class={outcome_class(result)}>
                    if let Some(h) = result.headline() { <strong>{ t(h) }</strong> }
                    { result.msg().tr(lang) }
                </p>
            </div>
            <p>{ before }<a href={MEDWATCH_TEL}>{ MEDWATCH_PHONE }</a>{ after }</p>
        </section>
    }
}
