//! The history list (newest first) with edit, delete and undo, and the
//! print-only table of the last 30 days (`@media print` in 20-sites.css).

use yew::prelude::*;

use crate::core::clock::Clock;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::sites::text::SitesUi;
use crate::core::sites::{recent_entries, Injector, LogEntry, SitesState, ZoneId};

use super::form::{button, date_time, reactions_and_note, EDIT_IDS};
use super::model::{Draft, Notice, Ui};
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

/// "redness, pain. Note text" (plain text: never parsed as HTML).
fn notes(e: &LogEntry, lang: Lang) -> String {
    let mut out = e.reactions.iter().map(|r| r.tr(lang)).collect::<Vec<_>>().join(", ");
    if !e.note.is_empty() {
        if !out.is_empty() {
            out.push_str(". ");
        }
        out.push_str(&e.note);
    }
    out
}

fn edit_form(lang: Lang, d: &Draft) -> Html {
    html! {
        <div class="kw-edit" data-d="edit" role="group" aria-labelledby="kw-edit-title">
            <h5 id="kw-edit-title" class="kw-legend">{ SitesUi::Edit.tr(lang) }</h5>
            <div class="kw-row">
                <div class="kw-field">
                    <label for="kw-edit-zone">{ SitesUi::SiteLabel.tr(lang) }</label>
                    <select id="kw-edit-zone" name="zone">
                        { for ZoneId::ALL.iter().map(|z| html! {
                            <option value={z.as_str()} selected={d.zone == Some(*z)}>{ z.tr(lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="kw-field">
                    <label for="kw-edit-by">{ SitesUi::GivenByLabel.tr(lang) }</label>
                    <select id="kw-edit-by" name="by">
                        { for Injector::ALL.iter().map(|i| html! {
                            <option value={i.as_str()} selected={d.injector == *i}>{ who(*i, lang) }</option>
                        }) }
                    </select>
                </div>
            </div>
            { date_time(lang, EDIT_IDS, d) }
            { reactions_and_note(lang, EDIT_IDS, d) }
            <div class="kw-row">
                { button("kw-button", "edit-save", SitesUi::Save.tr(lang)) }
                { button("kw-button kw-secondary", "edit-cancel", SitesUi::Cancel.tr(lang)) }
            </div>
        </div>
    }
}

fn row(lang: Lang, e: &LogEntry, edit: Option<&Draft>) -> Html {
    if let Some(d) = edit {
        return html! { <li key={e.id.clone()}>{ edit_form(lang, d) }</li> };
    }
    let when = time_text(e.at_ms, lang, true);
    let zone = e.zone.tr(lang);
    let notes = notes(e, lang);
    html! {
        <li key={e.id.clone()}>
            <p><strong>{ zone }</strong>{ " · " }{ when.clone() }</p>
            <p class="kw-hint">{ fill(SitesUi::GivenBy.tr(lang), &[("who", who(e.injector, lang))]) }</p>
            if !notes.is_empty() { <p class="kw-note">{ notes }</p> }
            <div class="kw-row">
                <button type="button" class="kw-button kw-secondary" data-a="edit" data-v={e.id.clone()}
                    aria-label={format!("{} {zone}, {when}", SitesUi::Edit.tr(lang))}>{ SitesUi::Edit.tr(lang) }</button>
                <button type="button" class="kw-button kw-secondary" data-a="del" data-v={e.id.clone()}
                    aria-label={format!("{} {zone}, {when}", SitesUi::Delete.tr(lang))}>{ SitesUi::Delete.tr(lang) }</button>
            </div>
        </li>
    }
}

pub fn history(lang: Lang, ui: &Ui, s: &SitesState) -> Html {
    let undo = match (&ui.notice, &s.undo) {
        (Some(Notice::Deleted), Some(_)) => Some(SitesUi::Deleted),
        (Some(Notice::Edited), Some(_)) => Some(SitesUi::Edited),
        _ => None,
    };
    let shown = if ui.show_all { s.entries.len() } else { FIRST_ROWS };
    let editing = |e: &LogEntry| ui.edit.as_ref().filter(|(id, _)| *id == e.id).map(|(_, d)| d);
    html! {
        <section class="kw-history" aria-labelledby="kw-history-title">
            <div class="kw-row kw-spread">
                <h4 id="kw-history-title">{ SitesUi::HistoryTitle.tr(lang) }</h4>
                { button("kw-button kw-secondary", "print", SitesUi::PrintButton.tr(lang)) }
            </div>
            if let Some(msg) = undo {
                <div class="kw-notice kw-ok kw-row">
                    <p>{ msg.tr(lang) }</p>
                    { button("kw-button kw-secondary", "undo", SitesUi::Undo.tr(lang)) }
                </div>
            }
            if s.entries.is_empty() {
                <p class="kw-hint">{ SitesUi::HistoryEmpty.tr(lang) }</p>
            } else {
                <ol class="kw-log">
                    { for s.entries.iter().take(shown).map(|e| row(lang, e, editing(e))) }
                </ol>
            }
            if s.entries.len() > shown {
                { button("kw-button kw-secondary", "all",
                    &fill(SitesUi::ShowAll.tr(lang), &[("n", &s.entries.len().to_string())])) }
            }
        </section>
    }
}

/// Hidden on screen; the only part of the view that prints.
pub fn print_view(lang: Lang, s: &SitesState, clock: &dyn Clock) -> Html {
    html! {
        <div class="kw-print">
            <h3>{ SitesUi::PrintTitle.tr(lang) }</h3>
            <table>
                <thead>
                    <tr>
                        <th>{ SitesUi::ColWhen.tr(lang) }</th>
                        <th>{ SitesUi::SiteLabel.tr(lang) }</th>
                        <th>{ SitesUi::GivenByLabel.tr(lang) }</th>
                        <th>{ SitesUi::ColNotes.tr(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for recent_entries(&s.entries, clock).map(|e| html! {
                        <tr>
                            <td>{ time_text(e.at_ms, lang, true) }</td>
                            <td>{ e.zone.tr(lang) }</td>
                            <td>{ who(e.injector, lang) }</td>
                            <td>{ notes(e, lang) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
