//! Side-effect triage: a text filter over the page's symptom groups, real
//! checkboxes, and the most serious outcome in a polite live region.

use yew::prelude::*;

use crate::shell::components::with_attrs;

use super::{list, raw};
use crate::core::attrs::Region;
use crate::core::i18n::{Lang, Translate};
use crate::core::markup::Markup;
use crate::core::safety::form::{field};
use crate::core::safety::form::source_line;
use crate::core::i18n::fill;
use crate::core::safety::triage::{
    emergency_banner, emergency_number, fold, group_answer, matches_filter, report_msg, Group, Triage, TriageMsg,
    EMERGENCY_NUMBER_SOURCE, MEDWATCH_PHONE, MEDWATCH_TEL, REPORT_FACT,
};
use crate::core::safety::{SafetyForm, Symptom};

const OUTCOME_CLASS: [&str; 4] = [
    r#"<p class="kw-notice kw-danger kw-sf-outcome">"#,
    r#"<p class="kw-notice kw-caution kw-sf-outcome">"#,
    r#"<p class="kw-notice kw-ok kw-sf-outcome">"#,
    r#"<p class="kw-notice kw-sf-outcome">"#,
];

/// "Call 911" (US) / "Call 112" (EU) as a phone link with its source:
/// general emergency-number practice, not a label fact.
fn call_link(h: &mut Markup, lang: Lang, region: Region) {
    let (number, tel) = emergency_number(region);
    h.m(r#"<a class="kw-sf-call" href=""#).m(tel).m(r#"">"#);
    h.t(&fill(TriageMsg::CallEmergency.tr(lang), &[("number", number)])).m("</a>");
    h.m(r#" <span class="kw-source">"#);
    h.t(&fill(crate::core::dose::labels::CalcUi::Source.tr(lang), &[("source", &crate::core::i18n::source_text(EMERGENCY_NUMBER_SOURCE, lang))]));
    h.m("</span>");
}

/// An answer (headline and text) as a notice of its level.
fn answer(h: &mut Markup, level: Triage, lang: Lang, class: &'static str) {
    h.m(r#"<div class=""#).m(class).m(" ").m(["kw-danger", "kw-caution", "kw-ok", ""][level as usize]).m(r#""><p>"#);
    if let Some(head) = level.headline() {
        h.m("<strong>").t(head.tr(lang)).m("</strong> ");
    }
    h.t(level.msg().tr(lang)).m("</p>");
}

/// The emergency banner at the top of the view (SE-EMERG, WARN-ALLERGY):
/// the answer in short and a tap-to-call link; it stays in sight (sticky).
pub fn banner(f: &SafetyForm, lang: Lang, region: Region) -> Html {
    if !emergency_banner(&f.symptoms) {
        return Html::default();
    }
    let mut h = Markup::default();
    h.m(r#"<div class="kw-notice kw-danger kw-sf-banner" role="region" aria-label=""#);
    h.t(TriageMsg::BannerLabel.tr(lang)).m(r#""><p><strong>"#).t(TriageMsg::GroupEmergency.tr(lang)).m("</strong> ");
    call_link(&mut h, lang, region);
    h.m("</p></div>");
    raw(&mut h)
}

pub fn view(f: &SafetyForm, lang: Lang, region: Region) -> Html {
    let t = |m: TriageMsg| m.tr(lang);
    let mut h = Markup::default();
    let query = fold(&f.filter);
    let mut any = false;
    let mut groups = Vec::with_capacity(Group::ALL.len());
    for g in Group::ALL {
        let mut shown = false;
        let mut items = Vec::new();
        for (i, s) in Symptom::ALL.iter().enumerate() {
            if s.group() != g {
                continue;
            }
            let label = s.tr(lang);
            let hit = matches_filter(label, &query);
            shown |= hit;
            items.push(html! {
                <li hidden={!hit}>
                    <label class="kw-choice">
                        <input type="checkbox" name={field::SYMPTOM} value={i.to_string()} checked={f.symptoms.contains(s)} />
                        { label }
                    </label>
                </li>
            });
        }
        any |= shown;
        h.m("<legend>").t(g.heading().tr(lang)).m(r#"</legend><p class="kw-source">"#);
        h.t(&source_line(g.facts(), region, lang)).m("</p>");
        let class = if g == Group::Emergency { "kw-sf-group kw-sf-emergency" } else { "kw-sf-group" };
        let legend = raw(&mut h);
        // The answer right under the group the user ticked in.
        let mut a = Markup::default();
        if let Some(level) = group_answer(g, &f.symptoms) {
            answer(&mut a, level, lang, "kw-notice kw-sf-answer");
            if level == Triage::Emergency {
                a.m(r#"<p class="kw-sf-callrow">"#);
                call_link(&mut a, lang, region);
                a.m("</p>");
            }
            a.m("</div>");
        }
        groups.push(with_attrs(
            html! {
                <fieldset>
                    { legend }
                    <ul class="kw-sf-list">{ list(items) }</ul>
                    { raw(&mut a) }
                </fieldset>
            },
            &["class", "hidden"],
            &[Some(AttrValue::Static(class)), (!shown).then_some(AttrValue::Static(""))],
        ));
    }
    h.m(r#"<h4 id="kw-sf-tri-h">"#).t(t(TriageMsg::Heading)).m(r#"</h4><p class="kw-notice">"#);
    h.t(t(TriageMsg::Disclaimer)).m(r#"</p><label class="kw-sf-label" for="kw-sf-filter">"#);
    h.t(t(TriageMsg::Filter)).m("</label>");
    let head = raw(&mut h);
    if !any {
        h.m(r#"<p class="kw-hint">"#).t(t(TriageMsg::NoMatch)).m("</p>");
    }
    let result = f.triage();
    h.m(OUTCOME_CLASS[result as usize]);
    if let Some(head) = result.headline() {
        h.m("<strong>").t(t(head)).m("</strong>");
    }
    h.t(result.msg().tr(lang)).m("</p>");
    let outcome = raw(&mut h);
    h.m(r#"<p class="kw-sf-report">"#);
    let report = t(report_msg(region));
    match report.split_once('{') {
        // US: the FDA MedWatch number as a phone link.
        Some((before, rest)) => {
            h.t(before).m(r#"<a href=""#).m(MEDWATCH_TEL).m(r#"">"#).t(MEDWATCH_PHONE).m("</a>");
            h.t(rest.split_once('}').map_or("", |(_, a)| a));
        }
        None => {
            h.t(report);
        }
    }
    // SE-REPORT.
    h.m(r#" <span class="kw-source">"#).t(&source_line(&[REPORT_FACT], region, lang)).m("</span></p>");
    html! {
        <section class="kw-card kw-sf-part" aria-labelledby="kw-sf-tri-h">
            { head }
            <input type="search" id="kw-sf-filter" name={field::FILTER} value={f.filter.clone()} autocomplete="off" />
            { list(groups) }
            <div class="kw-sf-result" aria-live="polite">{ outcome }</div>
            { raw(&mut h) }
        </section>
    }
}
