//! Neutrophil-count checks: start date, dated rows with status and a done
//! checkbox, dose-reminder choice and the calendar download.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::core::dose::labels::CalcUi;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::safety::form::SafetyUi;
use crate::core::safety::monitoring::{CheckStatus, MonitoringMsg};
use crate::core::safety::{Reminders, SafetyForm};

const ROW_IDS: [&str; 7] = ["kw-sf-c0", "kw-sf-c1", "kw-sf-c2", "kw-sf-c3", "kw-sf-c4", "kw-sf-c5", "kw-sf-c6"];

/// A local day number as the browser writes dates in `lang` ("Jun 10, 2024").
/// The day is formatted as a UTC date, so every year and time zone works.
fn date_label(day: i64, lang: Lang, options: &JsValue) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(day as f64 * 86_400_000.0));
    date.to_locale_date_string(lang.code(), options).into()
}

fn status_class(s: CheckStatus) -> &'static str {
    match s {
        CheckStatus::Done => "kw-st-done",
        CheckStatus::DueToday => "kw-st-due",
        CheckStatus::Overdue => "kw-st-overdue",
        CheckStatus::Upcoming => "kw-st-upcoming",
    }
}

fn time_field(i: usize, label: SafetyUi, value: &str, lang: Lang) -> Html {
    let (id, name) = if i == 0 { ("kw-sf-t0", "t0") } else { ("kw-sf-t1", "t1") };
    html! {
        <div class="kw-field">
            <label for={id}>{ label.tr(lang) }</label>
            <input type="time" id={id} {name} value={value.to_string()} />
        </div>
    }
}

pub fn view(f: &SafetyForm, lang: Lang, today: i64, calc: Option<Reminders>, onclick: Callback<MouseEvent>) -> Html {
    let t = |m: SafetyUi| m.tr(lang);
    let plan = f.reminder_plan(calc);
    let options = js_sys::JSON::parse(r#"{"dateStyle":"medium","timeZone":"UTC"}"#).unwrap_or(JsValue::UNDEFINED);
    let body = match f.schedule(today) {
        None => Html::default(),
        Some(rows) => html! {
            <>
            <table class="kw-sf-checks">
                <thead><tr>
                    <th scope="col">{ t(SafetyUi::ColCheck) }</th>
                    <th scope="col">{ t(SafetyUi::ColDate) }</th>
                    <th scope="col">{ t(SafetyUi::ColStatus) }</th>
                    <th scope="col" id="kw-sf-col-done">{ t(SafetyUi::ColDone) }</th>
                </tr></thead>
                <tbody>
                { for rows.iter().zip(ROW_IDS).map(|(r, id)| html! {
                    <tr class={status_class(r.status)}>
                        <th scope="row">
                            <span id={id}>{ r.point.label(lang) }</span>
                            <span class="kw-source">{ fill(CalcUi::Source.tr(lang), &[("source", r.source)]) }</span>
                        </th>
                        <td>{ date_label(r.due_day, lang, &options) }</td>
                        <td><span class="kw-sf-badge">{ r.status.msg().tr(lang) }</span></td>
                        <td><input type="checkbox" name="done" value={r.point.month().to_string()}
                            checked={r.status == CheckStatus::Done}
                            aria-labelledby={[id, " kw-sf-col-done"].concat()} /></td>
                    </tr>
                }) }
                </tbody>
            </table>
            <fieldset>
                <legend>{ t(SafetyUi::Reminders) }</legend>
                { for Reminders::ALL.iter().map(|r| html! {
                    <label class="kw-choice">
                        <input type="radio" name="plan" value={r.code()} checked={plan == *r} />
                        { r.label(lang) }
                    </label>
                }) }
                if f.reminders.is_none() && calc.is_some() {
                    <p class="kw-hint">{ t(SafetyUi::FromCalculator) }</p>
                }
                if plan != Reminders::Off {
                    <div class="kw-row">
                        if plan == Reminders::TwiceDaily {
                            { time_field(0, SafetyUi::TimeMorning, &f.times[0], lang) }
                            { time_field(1, SafetyUi::TimeEvening, &f.times[1], lang) }
                        } else {
                            { time_field(0, SafetyUi::Time, &f.times[0], lang) }
                        }
                    </div>
                }
            </fieldset>
            <p class="kw-hint" id="kw-sf-cal-hint">{ t(SafetyUi::CalendarHint) }</p>
            <button type="button" class="kw-button" aria-describedby="kw-sf-cal-hint" {onclick}>{ t(SafetyUi::Calendar) }</button>
            </>
        },
    };
    html! {
        <section class="kw-card kw-sf-part" aria-labelledby="kw-sf-mon-h">
            <h4 id="kw-sf-mon-h">{ MonitoringMsg::Title.tr(lang) }</h4>
            <p class="kw-hint">{ MonitoringMsg::Explain.tr(lang) }</p>
            <div class="kw-field">
                <label for="kw-sf-start">{ t(SafetyUi::Start) }</label>
                <input type="date" id="kw-sf-start" name="start" value={f.saved.start.clone()} aria-describedby="kw-sf-start-hint" />
                <p class="kw-hint" id="kw-sf-start-hint">{ t(SafetyUi::StartHint) }</p>
            </div>
            { body }
            <div role="status">
                if let Some(n) = f.notice {
                    <p class={if n.is_problem() { "kw-notice kw-caution" } else { "kw-notice kw-ok" }}>{ n.text(lang) }</p>
                }
            </div>
        </section>
    }
}
