//! Before-starting questions with sourced outcomes, the TNF-blocker name
//! search and the live-vaccine list. Not a substitute for a clinician.

use yew::prelude::*;

use crate::core::checklist::excursion::Severity;
use crate::core::dose::labels::CalcUi;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::safety::form::SafetyUi;
use crate::core::safety::screen::{live_vaccines, ScreenMsg, TNF_SOURCE};
use crate::core::safety::{search_tnf, Question, SafetyForm};

/// An outcome with its severity label and source.
fn outcome(severity: Severity, text: String, source: &str, lang: Lang) -> Html {
    let (class, label) = match severity {
        Severity::DoNotUse => ("kw-notice kw-danger", CalcUi::SeverityDanger),
        Severity::Caution => ("kw-notice kw-caution", CalcUi::SeverityCaution),
        Severity::Ok => ("kw-notice", CalcUi::SeverityInfo),
    };
    html! {
        <p class={class}>
            <strong>{ label.tr(lang) }</strong>{ text }
            <span class="kw-source">{ " " }{ fill(CalcUi::Source.tr(lang), &[("source", source)]) }</span>
        </p>
    }
}

fn tnf_search(f: &SafetyForm, lang: Lang) -> Html {
    let hits = search_tnf(&f.tnf);
    html! {
        <>
        <div class="kw-field">
            <label for="kw-sf-tnf">{ SafetyUi::TnfSearch.tr(lang) }</label>
            <input type="search" id="kw-sf-tnf" name="tnf" value={f.tnf.clone()} autocomplete="off" spellcheck="false" />
        </div>
        <div aria-live="polite">
            { for hits.iter().map(|h| outcome(Severity::Caution, h.text(lang), TNF_SOURCE, lang)) }
            if hits.is_empty() && f.tnf.trim().len() >= 4 {
                <p class="kw-notice">{ SafetyUi::TnfNone.tr(lang) }</p>
            }
        </div>
        </>
    }
}

pub fn view(f: &SafetyForm, lang: Lang) -> Html {
    html! {
        <section class="kw-card kw-sf-part" aria-labelledby="kw-sf-scr-h">
            <h4 id="kw-sf-scr-h">{ SafetyUi::ScreenHeading.tr(lang) }</h4>
            <p class="kw-notice">{ ScreenMsg::NotAClinician.tr(lang) }</p>
            <p class="kw-hint">{ SafetyUi::ScreenHint.tr(lang) }</p>
            <ul class="kw-sf-list kw-sf-questions">
            { for Question::ALL.iter().enumerate().map(|(i, &q)| {
                let o = q.outcome();
                let yes = f.yes.contains(&q);
                html! {
                    <li>
                        <label class="kw-choice">
                            <input type="checkbox" name="q" value={i.to_string()} checked={yes} />
                            { q.tr(lang) }
                        </label>
                        if q == Question::LiveVaccine {
                            <p class="kw-hint">{ SafetyUi::LiveVaccines.tr(lang) }</p>
                            <ul class="kw-sf-vaccines">{ for live_vaccines(lang).iter().map(|v| html! { <li>{ *v }</li> }) }</ul>
                        }
                        if q == Question::TnfBlocker { { tnf_search(f, lang) } }
                        <div aria-live="polite">
                            if yes { { outcome(o.severity, o.msg.tr(lang).to_string(), o.source, lang) } }
                        </div>
                    </li>
                }
            }) }
            </ul>
        </section>
    }
}
