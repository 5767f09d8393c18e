//! Warnings to know and "if something goes wrong": static, sourced text
//! (rows and their relevance are in `core::safety::warnings`).

use yew::prelude::*;

use super::raw;
use crate::core::i18n::{Lang, Translate};
use crate::core::markup::Markup;
use crate::core::safety::form::{source_line};
use crate::core::safety::warnings::{warnings, Section, WarningMsg};
use crate::core::safety::Context;

/// One card, or nothing when no row of the section applies.
fn part(id: &'static str, heading: WarningMsg, section: Section, ctx: Context, lang: Lang) -> Html {
    let h = &mut Markup::default();
    let mut any = false;
    for r in warnings(section, ctx) {
        if !any {
            h.m(r#"<section class="kw-card kw-sf-part kw-sf-warn" aria-labelledby=""#).m(id).m(r#""><h4 id=""#).m(id).m(r#"">"#);
            h.t(heading.tr(lang)).m(r#"</h4><ul class="kw-sf-list">"#);
            any = true;
        }
        h.m("<li>").t(r.msg.tr(lang)).m(r#" <span class="kw-source">"#).t(&source_line(&[r.fact], ctx.region, lang)).m("</span></li>");
    }
    if !any {
        return Html::default();
    }
    h.m("</ul></section>");
    raw(h)
}

pub fn view(lang: Lang, ctx: Context) -> Html {
    html! {
        <>
            { part("kw-sf-warn-h", WarningMsg::Heading, Section::Watch, ctx, lang) }
            { part("kw-sf-wrong-h", WarningMsg::WrongHeading, Section::Wrong, ctx, lang) }
        </>
    }
}
