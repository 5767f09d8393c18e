//! Before-starting questions with sourced outcomes, the TNF-blocker name
//! search and the live-vaccine list. Not a substitute for a clinician.

use yew::prelude::*;

use super::{list, raw};
use crate::core::checklist::excursion::Severity;
use crate::core::dose::labels::CalcUi;
use crate::core::i18n::{Lang, Translate};
use crate::core::attrs::Region;
use crate::core::facts::Fact;
use crate::core::markup::Markup;
use crate::core::safety::form::{field, source_line, SafetyUi};
use crate::core::safety::screen::{live_vaccines, ScreenMsg, TNF_FACT};
use crate::core::safety::{search_tnf, Question, SafetyForm};

/// An outcome with its severity label and its fact's source.
fn outcome(h: &mut Markup, severity: Severity, text: &str, fact: Fact, region: Region, lang: Lang) {
    let (class, label) = if severity == Severity::DoNotUse {
        (r#"<p class="kw-notice kw-danger"><strong>"#, CalcUi::SeverityDanger)
    } else {
        (r#"<p class="kw-notice kw-caution"><strong>"#, CalcUi::SeverityCaution)
    };
    h.m(class).t(label.tr(lang)).m("</strong>").t(text).m(r#" <span class="kw-source">"#);
    h.t(&source_line(&[fact], region, lang)).m("</span></p>");
}

pub fn view(f: &SafetyForm, lang: Lang, region: Region) -> Html {
    let t = |m: SafetyUi| m.tr(lang);
    let mut h = Markup::default();
    let mut items = Vec::with_capacity(Question::ALL.len());
    for (i, &q) in Question::ALL.iter().enumerate() {
        // Not asked in this region (CI-NEUTRO-EU in the US).
        let Some(o) = q.outcome(region) else {
            continue;
        };
        let vaccines = q == Question::LiveVaccine;
        let tnf = q == Question::TnfBlocker;
        if vaccines {
            h.m(r#"<p class="kw-hint">"#).t(t(SafetyUi::LiveVaccines)).m(r#"</p><ul class="kw-sf-vaccines">"#);
            for v in live_vaccines(lang) {
                h.m("<li>").t(v).m("</li>");
            }
            h.m("</ul>");
        }
        if tnf {
            h.m(r#"<label class="kw-sf-label" for="kw-sf-tnf">"#).t(t(SafetyUi::TnfSearch)).m("</label>");
        }
        let extra = raw(&mut h);
        if tnf {
            let hits = search_tnf(&f.tnf);
            for hit in &hits {
                outcome(&mut h, Severity::Caution, &hit.text(lang), TNF_FACT, region, lang);
            }
            if hits.is_empty() && f.tnf.trim().len() >= 4 {
                h.m(r#"<p class="kw-notice">"#).t(t(SafetyUi::TnfNone)).m("</p>");
            }
        }
        let hits = raw(&mut h);
        let yes = f.yes.contains(&q);
        if yes {
            outcome(&mut h, o.severity, o.msg.tr(lang), o.fact, region, lang);
        }
        items.push(html! {
            <li>
                <label class="kw-choice">
                    <input type="checkbox" name={field::QUESTION} value={i.to_string()} checked={yes} />
                    { q.tr(lang) }
                </label>
                { extra }
                if tnf {
                    <input type="search" id="kw-sf-tnf" name={field::TNF} value={f.tnf.clone()} autocomplete="off" spellcheck="false" />
                    <div aria-live="polite">{ hits }</div>
                }
                <div aria-live="polite">{ raw(&mut h) }</div>
            </li>
        });
    }
    h.m(r#"<h4 id="kw-sf-scr-h">"#).t(t(SafetyUi::ScreenHeading)).m(r#"</h4><p class="kw-notice">"#);
    h.t(ScreenMsg::NotAClinician.tr(lang)).m(r#"</p><p class="kw-hint">"#).t(t(SafetyUi::ScreenHint)).m("</p>");
    html! {
        <section class="kw-card kw-sf-part" aria-labelledby="kw-sf-scr-h">
            { raw(&mut h) }
            <ul class="kw-sf-list kw-sf-questions">{ list(items) }</ul>
        </section>
    }
}
