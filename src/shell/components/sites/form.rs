//! The panel of the chosen zone: warnings, the log form (with the "log
//! anyway" step) and the avoid-flag form. Also the fields the edit form shares.
//!
//! Every field is named; one delegated `input` handler (sites.rs) updates
//! the matching draft by name inside the nearest `data-d` container. Text
//! (headings, labels, legends, warnings, errors) is escaped markup
//! (`Markup`); fields and buttons are Yew elements.

use yew::prelude::*;

use crate::shell::components::raw;
use crate::shell::components::with_attrs;

use crate::core::clock::Clock;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::markup::Markup;
use crate::core::sites::rotation::{active_flag, Severity};
use crate::core::sites::labels::SitesUi;
use crate::core::sites::{FlagReason, Reaction, SitesState, Undo, ZoneId};

use super::model::{Action, DoseOffer, Draft, FieldErr, Notice, Ui};
use super::time_text;

/// Element ids of one form: date, time, their error, note.
pub type Ids = [&'static str; 4];
pub const LOG_IDS: Ids = ["kw-log-date", "kw-log-time", "kw-log-err", "kw-log-note"];
pub const EDIT_IDS: Ids = ["kw-edit-date", "kw-edit-time", "kw-edit-err", "kw-edit-note"];

/// `<p class="kw-error" id=…>` for an error, linked from its inputs.
pub fn error(h: &mut Markup, id: &'static str, err: Option<FieldErr>, lang: Lang) -> Html {
    match err {
        Some(e) => {
            h.m(r#"<p class="kw-error" id=""#).m(id).m(r#"">"#).t(&e.message(lang)).m("</p>");
            raw(h)
        }
        None => Html::default(),
    }
}

/// `<legend>text</legend>` as markup.
fn legend(h: &mut Markup, text: &str) -> Html {
    h.m("<legend>").t(text).m("</legend>");
    raw(h)
}

/// A date or time field, marked invalid and linked to `err` (an error's id).
fn field_input(ty: &'static str, id: &'static str, name: &'static str, value: &str, err: Option<&'static str>) -> Html {
    html! {
        <input type={ty} {id} {name} value={value.to_string()} aria-invalid={err.map(|_| "true")} aria-describedby={err} />
    }
}

pub fn date_time(lang: Lang, ids: Ids, d: &Draft) -> Html {
    let invalid = d.error.is_some_and(|e| matches!(e, FieldErr::Time(_)));
    let described = invalid.then_some(ids[2]);
    let mut h = Markup::default();
    html! {
        <>
            <div class="kw-row">
                <div class="kw-field">
                    { label(&mut h, ids[0], SitesUi::Date.tr(lang)) }
                    { field_input("date", ids[0], "date", &d.date, described) }
                </div>
                <div class="kw-field">
                    { label(&mut h, ids[1], SitesUi::Time.tr(lang)) }
                    { field_input("time", ids[1], "time", &d.time, described) }
                </div>
            </div>
            { error(&mut h, ids[2], d.error, lang) }
        </>
    }
}

pub fn reactions_and_note(lang: Lang, ids: Ids, d: &Draft) -> Html {
    let mut h = Markup::default();
    let mut items = vec![legend(&mut h, SitesUi::ReactionsLegend.tr(lang))];
    for r in Reaction::ALL {
        items.push(choice("checkbox", "react", r.as_str(), d.reactions.contains(&r), r.tr(lang)));
    }
    html! {
        <>
            <fieldset>{ items }</fieldset>
            <div class="kw-field">
                { label(&mut h, ids[3], SitesUi::NoteLabel.tr(lang)) }
                <textarea id={ids[3]} name="note" rows="2" maxlength="500" value={d.note.clone()} />
            </div>
        </>
    }
}

/// `<label class="kw-choice"><input type=ty name value checked>label</label>`.
pub fn choice(ty: &'static str, name: &'static str, value: &'static str, checked: bool, label: &str) -> Html {
    html! {
        <label class="kw-choice">
            <input type={ty} {name} {value} {checked} />{ label.to_string() }
        </label>
    }
}

pub fn button(class: &'static str, action: Action, label: &str) -> Html {
    with_attrs(
        html! { <button>{ label.to_string() }</button> },
        &["type", "class", "data-a"],
        &[Some(AttrValue::Static("button")), Some(AttrValue::Static(class)), Some(AttrValue::Static(action.code()))],
    )
}

/// A secondary button with a `data-v` value (and an accessible name).
pub fn value_button(action: Action, value: AttrValue, label: &str, aria: Option<AttrValue>) -> Html {
    with_attrs(
        html! { <button>{ label.to_string() }</button> },
        &["type", "class", "data-a", "data-v", "aria-label"],
        &[
            Some(AttrValue::Static("button")),
            Some(AttrValue::Static("kw-button kw-secondary")),
            Some(AttrValue::Static(action.code())),
            Some(value),
            aria,
        ],
    )
}

/// `<label for=id>text</label>` as markup.
pub fn label(h: &mut Markup, id: &'static str, text: &str) -> Html {
    h.m(r#"<label for=""#).m(id).m(r#"">"#).t(text).m("</label>");
    raw(h)
}

fn log_form(lang: Lang, ui: &Ui) -> Html {
    let d = &ui.log;
    let mut h = Markup::default();
    let when = legend(&mut h, SitesUi::WhenLegend.tr(lang));
    let action = if ui.confirm {
        h.m(r#"<p id="kw-confirm-q"><strong>"#).t(SitesUi::ConfirmLog.tr(lang)).m("</strong></p>");
        html! {
            <div class="kw-notice kw-caution kw-confirm" role="group" aria-labelledby="kw-confirm-q">
                { raw(&mut h) }
                <div class="kw-row">
                    { button("kw-button", Action::LogYes, SitesUi::LogAnyway.tr(lang)) }
                    { button("kw-button kw-secondary", Action::LogNo, SitesUi::Cancel.tr(lang)) }
                </div>
            </div>
        }
    } else {
        button("kw-button", Action::Log, SitesUi::LogButton.tr(lang))
    };
    html! {
        <div data-d="log">
            <fieldset>
                { when }
                { choice("radio", "when", "now", !d.earlier, SitesUi::WhenNow.tr(lang)) }
                { choice("radio", "when", "earlier", d.earlier, SitesUi::WhenEarlier.tr(lang)) }
                if d.earlier { { date_time(lang, LOG_IDS, d) } }
            </fieldset>
            { reactions_and_note(lang, LOG_IDS, d) }
            { action }
        </div>
    }
}

fn flag_form(lang: Lang, ui: &Ui, s: &SitesState, zone: ZoneId, now: i64) -> Html {
    let mut h = Markup::default();
    if let Some(f) = active_flag(&s.flags, zone, now) {
        let text = match f.until_ms {
            // The flag ends at midnight after the chosen day: show that day.
            Some(until) => fill(
                SitesUi::FlaggedUntil.tr(lang),
                &[("reason", f.reason.tr(lang)), ("date", &time_text(until - 1, lang, false))],
            ),
            None => fill(SitesUi::FlaggedOpen.tr(lang), &[("reason", f.reason.tr(lang))]),
        };
        h.m("<p>").t(&text).m("</p>");
        return html! {
            <div class="kw-flag">
                { raw(&mut h) }
                { value_button(Action::Unflag, AttrValue::Static(zone.as_str()), SitesUi::ClearFlag.tr(lang), None) }
            </div>
        };
    }
    let err = ui.flag_error.is_some();
    let mut reasons = Vec::with_capacity(FlagReason::ALL.len());
    for r in FlagReason::ALL {
        reasons.push(html! { <option value={r.as_str()} selected={r == ui.flag_reason}>{ r.tr(lang) }</option> });
    }
    html! {
        <fieldset class="kw-flag" data-d="flag">
            { legend(&mut h, SitesUi::FlagTitle.tr(lang)) }
            <div class="kw-row">
                <div class="kw-field">
                    { label(&mut h, "kw-flag-reason", SitesUi::FlagReasonLabel.tr(lang)) }
                    <select id="kw-flag-reason" name="freason">{ reasons }</select>
                </div>
                <div class="kw-field">
                    { label(&mut h, "kw-flag-until", SitesUi::FlagUntilLabel.tr(lang)) }
                    { field_input("date", "kw-flag-until", "funtil", &ui.flag_until, err.then_some("kw-flag-err")) }
                </div>
            </div>
            { error(&mut h, "kw-flag-err", ui.flag_error, lang) }
            { button("kw-button kw-secondary", Action::Flag, SitesUi::FlagButton.tr(lang)) }
        </fieldset>
    }
}

/// "Logged: …" with Undo, after logging until another notice replaces it.
/// Focused after logging (not the button: a second Enter does nothing).
fn logged(lang: Lang, ui: &Ui, s: &SitesState) -> Html {
    let (Some(Notice::Logged), Some(Undo::Logged(e))) = (&ui.notice, &s.undo) else {
        return Html::default();
    };
    let mut h = Markup::default();
    h.m("<p><strong>").t(&super::logged_text(e.zone, e.at_ms, lang)).m("</strong></p>");
    let logged = raw(&mut h);
    // One dose, one record: offer the dose history too (core::sites::dose).
    let dose = match ui.dose {
        DoseOffer::None => Html::default(),
        DoseOffer::Offer(_) => button("kw-button", Action::Dose, SitesUi::DoseOffer.tr(lang)),
        DoseOffer::Recorded | DoseOffer::Already | DoseOffer::NotSaved(_) => {
            let (msg, class) = match ui.dose {
                DoseOffer::Recorded => (SitesUi::DoseRecorded, "kw-dose-done"),
                DoseOffer::Already => (SitesUi::DoseAlready, "kw-dose-done"),
                _ => (SitesUi::DoseNotSaved, "kw-dose-done kw-error"),
            };
            h.m(r#"<p id="kw-dose-msg" tabindex="-1" class=""#).m(class).m(r#"">"#).t(msg.tr(lang)).m("</p>");
            let p = raw(&mut h);
            if let DoseOffer::NotSaved(_) = ui.dose {
                html! { <>{ p }{ button("kw-button", Action::Dose, SitesUi::DoseOffer.tr(lang)) }</> }
            } else {
                p
            }
        }
    };
    html! {
        <div class="kw-notice kw-ok kw-logged" id="kw-logged" tabindex="-1">
            <div class="kw-row">
                { logged }
                { button("kw-button kw-secondary", Action::Undo, SitesUi::Undo.tr(lang)) }
            </div>
            { dose }
        </div>
    }
}

/// The panel for the selected zone (or a hint to choose one).
pub fn detail(lang: Lang, ui: &Ui, s: &SitesState, clock: &dyn Clock) -> Html {
    let mut h = Markup::default();
    let done = logged(lang, ui, s);
    let Some(zone) = ui.selected else {
        h.m(r#"<p class="kw-hint">"#).t(SitesUi::ChooseFirst.tr(lang)).m("</p>");
        return html! { <div class="kw-detail">{ done }{ raw(&mut h) }</div> };
    };
    let warnings = s.warnings(zone, clock);
    let blocked = warnings.iter().any(|w| w.severity() == Severity::Disallowed);
    h.m("<h4>").t(&fill(SitesUi::LogTitle.tr(lang), &[("zone", zone.tr(lang))])).m(r#"</h4><p class="kw-hint">"#);
    h.t(zone.zone().area.tr(lang)).m("</p>");
    for w in &warnings {
        let class = match w.severity() {
            Severity::Info => "kw-notice",
            Severity::Confirm => "kw-notice kw-caution",
            Severity::Disallowed => "kw-notice kw-danger",
        };
        h.m(r#"<div class=""#).m(class).m(r#""><p>"#).t(&w.text(lang)).m("</p></div>");
    }
    html! {
        <div class="kw-detail">
            { done }
            { raw(&mut h) }
            if !blocked {
                { log_form(lang, ui) }
                { flag_form(lang, ui, s, zone, clock.now_ms()) }
            }
        </div>
    }
}
