//! The history list (newest first) with edit, delete and undo, and the
//! print-only table of the last 30 days (`@media print` in 20-sites.css).
//!
//! Text is escaped markup (`Markup`); the rows (keyed), buttons and fields
//! stay Yew elements.

use yew::prelude::*;

use crate::shell::components::raw;

use crate::core::clock::Clock;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::markup::Markup;
use crate::core::sites::labels::SitesUi;
use crate::core::sites::{recent_entries, Injector, LogEntry, SitesState, ZoneId};

use super::form::{button, date_time, label, reactions_and_note, value_button, EDIT_IDS};
use super::model::{Action, Draft, Notice, Ui};
use super::time_text;

/// Entries shown before "Show all".
const FIRST_ROWS: usize = 10;

fn who(i: Injector, lang: Lang) -> &'static str {
    match i {
        Injector::SelfInjecting => SitesUi::ByMe,
        Injector::Caregiver => SitesUi::ByCaregiver,
    }
    .tr(lang)
}

/// "redness, pain. Note text", escaped (never parsed as HTML).
fn notes(h: &mut Markup, e: &LogEntry, lang: Lang) {
    let mut sep = "";
    for r in &e.reactions {
        h.m(sep).t(r.tr(lang));
        sep = ", ";
    }
    if !e.note.is_empty() {
        if !sep.is_empty() {
            h.m(". ");
        }
        h.t(&e.note);
    }
}

fn edit_form(lang: Lang, d: &Draft) -> Html {
    let mut h = Markup::default();
    h.m(r#"<h5 id="kw-edit-title" class="kw-legend">"#).t(SitesUi::Edit.tr(lang)).m("</h5>");
    let title = raw(&mut h);
    let mut zones = Vec::with_capacity(ZoneId::ALL.len());
    for z in ZoneId::ALL {
        zones.push(html! { <option value={z.as_str()} selected={d.zone == Some(z)}>{ z.tr(lang) }</option> });
    }
    let mut by = Vec::with_capacity(Injector::ALL.len());
    for i in Injector::ALL {
        by.push(html! { <option value={i.as_str()} selected={d.injector == i}>{ who(i, lang) }</option> });
    }
    html! {
        <div class="kw-edit" data-d="edit" role="group" aria-labelledby="kw-edit-title">
            { title }
            <div class="kw-row">
                <div class="kw-field">
                    { label(&mut h, "kw-edit-zone", SitesUi::SiteLabel.tr(lang)) }
                    <select id="kw-edit-zone" name="zone">{ zones }</select>
                </div>
                <div class="kw-field">
                    { label(&mut h, "kw-edit-by", SitesUi::GivenByLabel.tr(lang)) }
                    <select id="kw-edit-by" name="by">{ by }</select>
                </div>
            </div>
            { date_time(lang, EDIT_IDS, d) }
            { reactions_and_note(lang, EDIT_IDS, d) }
            <div class="kw-row">
                { button("kw-button", Action::EditSave, SitesUi::Save.tr(lang)) }
                { button("kw-button kw-secondary", Action::EditCancel, SitesUi::Cancel.tr(lang)) }
            </div>
        </div>
    }
}

fn row(lang: Lang, e: &LogEntry, edit: Option<&Draft>) -> Html {
    let body = if let Some(d) = edit {
        edit_form(lang, d)
    } else {
        let when = time_text(e.at_ms, lang, true);
        let zone = e.zone.tr(lang);
        let mut h = Markup::default();
        h.m("<p><strong>").t(zone).m("</strong> · ").t(&when).m(r#"</p><p class="kw-hint">"#);
        h.t(&fill(SitesUi::GivenBy.tr(lang), &[("who", who(e.injector, lang))])).m("</p>");
        if !e.reactions.is_empty() || !e.note.is_empty() {
            h.m(r#"<p class="kw-note">"#);
            notes(&mut h, e, lang);
            h.m("</p>");
        }
        let (edit, delete) = (SitesUi::Edit.tr(lang), SitesUi::Delete.tr(lang));
        html! {
            <>
                { raw(&mut h) }
                <div class="kw-row">
                    // Named "Edit Left thigh, <when>".
                    { value_button(Action::Edit, e.id.clone().into(), edit, Some(format!("{edit} {zone}, {when}").into())) }
                    { value_button(Action::Delete, e.id.clone().into(), delete, Some(format!("{delete} {zone}, {when}").into())) }
                </div>
            </>
        }
    };
    html! { <li key={e.id.clone()}>{ body }</li> }
}

pub fn history(lang: Lang, ui: &Ui, s: &SitesState) -> Html {
    let undo = match (&ui.notice, &s.undo) {
        (Some(Notice::Deleted), Some(_)) => Some(SitesUi::Deleted),
        (Some(Notice::Edited), Some(_)) => Some(SitesUi::Edited),
        _ => None,
    };
    let shown = if ui.show_all { s.entries.len() } else { FIRST_ROWS };
    let mut h = Markup::default();
    h.m(r#"<h4 id="kw-history-title">"#).t(SitesUi::HistoryTitle.tr(lang)).m("</h4>");
    let title = raw(&mut h);
    let undo = undo.map(|msg| {
        h.m("<p>").t(msg.tr(lang)).m("</p>");
        raw(&mut h)
    });
    let list = if s.entries.is_empty() {
        h.m(r#"<p class="kw-hint">"#).t(SitesUi::HistoryEmpty.tr(lang)).m("</p>");
        raw(&mut h)
    } else {
        // A loop, not an `html!` `for` over an iterator.
        let mut rows = Vec::with_capacity(s.entries.len().min(shown));
        for e in s.entries.iter().take(shown) {
            rows.push(row(lang, e, ui.edit.as_ref().filter(|(id, _)| *id == e.id).map(|(_, d)| d)));
        }
        html! { <ol class="kw-log">{ rows }</ol> }
    };
    html! {
        <section class="kw-history" aria-labelledby="kw-history-title">
            <div class="kw-row kw-spread">
                { title }
                { button("kw-button kw-secondary", Action::Print, SitesUi::PrintButton.tr(lang)) }
            </div>
            if let Some(msg) = undo {
                <div class="kw-notice kw-ok kw-row">
                    { msg }
                    { button("kw-button kw-secondary", Action::Undo, SitesUi::Undo.tr(lang)) }
                </div>
            }
            { list }
            if s.entries.len() > shown {
                { button("kw-button kw-secondary", Action::ShowAll,
                    &fill(SitesUi::ShowAll.tr(lang), &[("n", &s.entries.len().to_string())])) }
            }
        </section>
    }
}

/// Hidden on screen; the only part of the view that prints (text only).
pub fn print_view(lang: Lang, s: &SitesState, clock: &dyn Clock) -> Html {
    let mut h = Markup::default();
    // A title, the dates covered, and who injected in words (the column).
    let range = fill(
        SitesUi::PrintRange.tr(lang),
        &[
            ("from", &time_text(crate::core::sites::log::print_from(clock), lang, false)),
            ("to", &time_text(clock.now_ms(), lang, false)),
        ],
    );
    h.m(r#"<div class="kw-print"><h3>"#).t(SitesUi::PrintTitle.tr(lang)).m("</h3><p>").t(&range);
    h.m("</p><table><thead><tr>");
    for col in [SitesUi::ColWhen, SitesUi::SiteLabel, SitesUi::GivenByLabel, SitesUi::ColNotes] {
        h.m("<th>").t(col.tr(lang)).m("</th>");
    }
    h.m("</tr></thead><tbody>");
    for e in recent_entries(&s.entries, clock) {
        h.m("<tr><td>").t(&time_text(e.at_ms, lang, true)).m("</td><td>").t(e.zone.tr(lang)).m("</td><td>");
        h.t(who(e.injector, lang)).m("</td><td>");
        notes(&mut h, e, lang);
        h.m("</td></tr>");
    }
    h.m("</tbody></table></div>");
    raw(&mut h)
}
