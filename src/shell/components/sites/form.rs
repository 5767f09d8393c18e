//! The panel of the chosen zone: warnings, the log form (with the "log
//! anyway" step) and the avoid-flag form. Also the fields the edit form shares.
//!
//! Every field is named; one delegated `input` handler (sites.rs) updates
//! the matching draft by name inside the nearest `data-d` container.

use yew::prelude::*;

use crate::shell::components::safety::raw;
use crate::shell::components::{classed, with_attrs};

use crate::core::clock::Clock;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::safety::form::Markup;
use crate::core::sites::rotation::{active_flag, Severity};
use crate::core::sites::text::SitesUi;
use crate::core::sites::{FlagReason, Reaction, SitesState, ZoneId};

use super::model::{Draft, FieldErr, Ui};
use super::time_text;

/// Element ids of one form: date, time, their error, note.
pub type Ids = [&'static str; 4];
pub const LOG_IDS: Ids = ["kw-log-date", "kw-log-time", "kw-log-err", "kw-log-note"];
pub const EDIT_IDS: Ids = ["kw-edit-date", "kw-edit-time", "kw-edit-err", "kw-edit-note"];

/// `<p class="kw-error" id=…>` for an error, linked from its inputs.
pub fn error(id: &'static str, err: Option<FieldErr>, lang: Lang) -> Html {
    match err {
        Some(e) => html! { <p class="kw-error" id={id}>{ e.message(lang) }</p> },
        None => Html::default(),
    }
}

pub fn date_time(lang: Lang, ids: Ids, d: &Draft) -> Html {
    let invalid = d.error.is_some_and(|e| matches!(e, FieldErr::Time(_)));
    let described = invalid.then_some(ids[2]);
    let invalid = invalid.then_some("true");
    html! {
        <>
            <div class="kw-row">
                <div class="kw-field">
                    <label for={ids[0]}>{ SitesUi::Date.tr(lang) }</label>
                    <input type="date" id={ids[0]} name="date" value={d.date.clone()}
                        aria-invalid={invalid} aria-describedby={described} />
                </div>
                <div class="kw-field">
                    <label for={ids[1]}>{ SitesUi::Time.tr(lang) }</label>
                    <input type="time" id={ids[1]} name="time" value={d.time.clone()}
                        aria-invalid={invalid} aria-describedby={described} />
                </div>
            </div>
            { error(ids[2], d.error, lang) }
        </>
    }
}

pub fn reactions_and_note(lang: Lang, ids: Ids, d: &Draft) -> Html {
    html! {
        <>
            <fieldset>
                <legend>{ SitesUi::ReactionsLegend.tr(lang) }</legend>
                { for Reaction::ALL.iter().map(|r| html! {
                    <label class="kw-choice">
                        <input type="checkbox" name="react" value={r.as_str()} checked={d.reactions.contains(r)} />
                        { r.tr(lang) }
                    </label>
                }) }
            </fieldset>
            <div class="kw-field">
                <label for={ids[3]}>{ SitesUi::NoteLabel.tr(lang) }</label>
                <textarea id={ids[3]} name="note" rows="2" maxlength="500" value={d.note.clone()} />
            </div>
        </>
    }
}

pub fn radio(name: &'static str, value: &'static str, checked: bool, label: &str) -> Html {
    html! {
        <label class="kw-choice">
            <input type="radio" {name} {value} {checked} />{ label.to_string() }
        </label>
    }
}

pub fn button(class: &'static str, action: &'static str, label: &str) -> Html {
    with_attrs(
        html! { <button>{ label.to_string() }</button> },
        &["type", "class", "data-a"],
        &[Some(AttrValue::Static("button")), Some(AttrValue::Static(class)), Some(AttrValue::Static(action))],
    )
}

/// A secondary button with a `data-v` value (and an accessible name).
pub fn value_button(action: &'static str, value: AttrValue, label: &str, aria: Option<AttrValue>) -> Html {
    with_attrs(
        html! { <button>{ label.to_string() }</button> },
        &["type", "class", "data-a", "data-v", "aria-label"],
        &[
            Some(AttrValue::Static("button")),
            Some(AttrValue::Static("kw-button kw-secondary")),
            Some(AttrValue::Static(action)),
            Some(value),
            aria,
        ],
    )
}

/// `<label for=id>text</label>` as markup.
pub fn label(h: &mut Markup, id: &str, text: &str) -> Html {
    h.m(r#"<label for=""#).m(id).m(r#"">"#).t(text).m("</label>");
    raw(h)
}

fn log_form(lang: Lang, ui: &Ui) -> Html {
    let d = &ui.log;
    html! {
        <div data-d="log">
            <fieldset>
                <legend>{ SitesUi::WhenLegend.tr(lang) }</legend>
                { radio("when", "now", !d.earlier, SitesUi::WhenNow.tr(lang)) }
                { radio("when", "earlier", d.earlier, SitesUi::WhenEarlier.tr(lang)) }
                if d.earlier { { date_time(lang, LOG_IDS, d) } }
            </fieldset>
            { reactions_and_note(lang, LOG_IDS, d) }
            if ui.confirm {
                <div class="kw-notice kw-caution kw-confirm" role="group" aria-labelledby="kw-confirm-q">
                    <p id="kw-confirm-q"><strong>{ SitesUi::ConfirmLog.tr(lang) }</strong></p>
                    <div class="kw-row">
                        { button("kw-button", "log-yes", SitesUi::LogAnyway.tr(lang)) }
                        { button("kw-button kw-secondary", "log-no", SitesUi::Cancel.tr(lang)) }
                    </div>
                </div>
            } else {
                { button("kw-button", "log", SitesUi::LogButton.tr(lang)) }
            }
        </div>
    }
}

fn flag_form(lang: Lang, ui: &Ui, s: &SitesState, zone: ZoneId, now: i64) -> Html {
    if let Some(f) = active_flag(&s.flags, zone, now) {
        let text = match f.until_ms {
            // The flag ends at midnight after the chosen day: show that day.
            Some(until) => fill(
                SitesUi::FlaggedUntil.tr(lang),
                &[("reason", f.reason.tr(lang)), ("date", &time_text(until - 1, lang, false))],
            ),
            None => fill(SitesUi::FlaggedOpen.tr(lang), &[("reason", f.reason.tr(lang))]),
        };
        return html! {
            <div class="kw-flag">
                <p>{ text }</p>
                { value_button("unflag", AttrValue::Static(zone.as_str()), SitesUi::ClearFlag.tr(lang), None) }
            </div>
        };
    }
    let err = ui.flag_error.is_some();
    html! {
        <fieldset class="kw-flag" data-d="flag">
            <legend>{ SitesUi::FlagTitle.tr(lang) }</legend>
            <div class="kw-row">
                <div class="kw-field">
                    <label for="kw-flag-reason">{ SitesUi::FlagReasonLabel.tr(lang) }</label>
                    <select id="kw-flag-reason" name="freason">
                        { for FlagReason::ALL.iter().map(|r| html! {
                            <option value={r.as_str()} selected={*r == ui.flag_reason}>{ r.tr(lang) }</option>
                        }) }
                    </select>
                </div>
                <div class="kw-field">
                    <label for="kw-flag-until">{ SitesUi::FlagUntilLabel.tr(lang) }</label>
                    <input type="date" id="kw-flag-until" name="funtil" value={ui.flag_until.clone()}
                        aria-invalid={err.then_some("true")} aria-describedby={err.then_some("kw-flag-err")} />
                </div>
            </div>
            { error("kw-flag-err", ui.flag_error, lang) }
            { button("kw-button kw-secondary", "flag", SitesUi::FlagButton.tr(lang)) }
        </fieldset>
    }
}

/// The panel for the selected zone (or a hint to choose one).
pub fn detail(lang: Lang, ui: &Ui, s: &SitesState, clock: &dyn Clock) -> Html {
    let Some(zone) = ui.selected else {
        return html! { <div class="kw-detail"><p class="kw-hint">{ SitesUi::ChooseFirst.tr(lang) }</p></div> };
    };
    let warnings = s.warnings(zone, clock);
    let blocked = warnings.iter().any(|w| w.severity() == Severity::Disallowed);
    html! {
        <div class="kw-detail">
            <h4>{ fill(SitesUi::LogTitle.tr(lang), &[("zone", zone.tr(lang))]) }</h4>
            <p class="kw-hint">{ zone.zone().area.tr(lang) }</p>
            { for warnings.iter().map(|w| {
                let class = match w.severity() {
                    Severity::Info => "kw-notice",
                    Severity::Confirm => "kw-notice kw-caution",
                    Severity::Disallowed => "kw-notice kw-danger",
                };
                classed(class, html! { <div><p>{ w.text(lang) }</p></div> })
            }) }
            if !blocked {
                { log_form(lang, ui) }
                { flag_form(lang, ui, s, zone, clock.now_ms()) }
            }
        </div>
    }
}
