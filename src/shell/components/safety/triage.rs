//! Side-effect triage: a text filter over the page's symptom groups, real
//! checkboxes, and the most serious outcome in a polite live region.

use yew::prelude::*;

use crate::shell::components::with_attrs;

use super::{list, raw};
use crate::core::attrs::Region;
use crate::core::i18n::{Lang, Translate};
use crate::core::safety::form::{field, Markup};
use crate::core::safety::form::source_line;
use crate::core::safety::triage::{fold, matches_filter, report_msg, Group, TriageMsg, MEDWATCH_PHONE, MEDWATCH_TEL, REPORT_FACT};
use crate::core::safety::{SafetyForm, Symptom};

const OUTCOME_CLASS: [&str; 4] = [
    r#"<p class="kw-notice kw-danger kw-sf-outcome">"#,
    r#"<p class="kw-notice kw-caution kw-sf-outcome">"#,
    r#"<p class="kw-notice kw-ok kw-sf-outcome">"#,
    r#"<p class="kw-notice kw-sf-outcome">"#,
];

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
        if g == Group::UsuallyNot {
            h.m(r#"<p class="kw-hint">"#).t(t(TriageMsg::BothGroups)).m("</p>");
        }
        let class = if g == Group::Emergency { "kw-sf-group kw-sf-emergency" } else { "kw-sf-group" };
        groups.push(with_attrs(
            html! {
                <fieldset>
                    { raw(&mut h) }
                    <ul class="kw-sf-list">{ list(items) }</ul>
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
