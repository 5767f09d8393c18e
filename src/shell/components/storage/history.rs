//! The dose history: the last 30 local days as a strip. Each day carries a
//! symbol and a word (never colour alone); dates come from the browser's Intl
//! in the widget's language.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::core::checklist::history::{any_missed, DayState, HistoryMsg, MISSED_DOSE_SOURCE};
use crate::core::checklist::text::ChecklistMsg;
use crate::core::checklist::{history_strip, DoseSchedule, Run};
use crate::core::clock::{civil_from_days, Clock, MS_PER_DAY};
use crate::core::i18n::{fill, Lang, Translate};
use crate::shell::services::clock::BrowserClock;

pub const DAYS: usize = 30;

/// "Mon, Jun 10" in `lang`, for a local day number (formatted at noon UTC in
/// UTC, so the calendar date never shifts with the time zone).
fn date_label(day: i64, lang: Lang) -> String {
    let opts = js_sys::Object::new();
    for (k, v) in [("timeZone", "UTC"), ("weekday", "short"), ("month", "short"), ("day", "numeric")] {
        let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    let date = js_sys::Date::new(&JsValue::from_f64((day * MS_PER_DAY + MS_PER_DAY / 2) as f64));
    date.to_locale_date_string(lang.code(), &opts).into()
}

fn state_class(s: DayState) -> &'static str {
    match s {
        DayState::Taken(_) => "kw-day kw-day-taken",
        DayState::Missed => "kw-day kw-day-missed",
        DayState::NotDue => "kw-day kw-day-notdue",
        DayState::Partial => "kw-day kw-day-partial",
        DayState::TodayPending => "kw-day kw-day-today",
    }
}

fn schedule_part(lang: Lang, schedule: DoseSchedule, from_calculator: bool, on: &Callback<DoseSchedule>) -> Html {
    if from_calculator {
        return html! {
            <p>{ fill(ChecklistMsg::ScheduleFromCalc.tr(lang), &[("schedule", schedule.tr(lang))]) }</p>
        };
    }
    html! {
        <fieldset>
            <legend>{ ChecklistMsg::ScheduleQuestion.tr(lang) }</legend>
            { for DoseSchedule::CHOICES.iter().map(|&s| {
                let id = AttrValue::from(match s {
                    DoseSchedule::Daily => "kw-hi-daily",
                    DoseSchedule::EveryOtherDay { .. } => "kw-hi-eod",
                    DoseSchedule::TwiceDaily => "kw-hi-twice",
                });
                let onchange = on.reform(move |_| s);
                html! {
                    <span class="kw-choice">
                        <input type="radio" name="kw-hi-schedule" id={id.clone()} value={s.code()}
                            checked={schedule.same_kind(s)} {onchange} />
                        <label for={id}>{ s.tr(lang) }</label>
                    </span>
                }
            }) }
        </fieldset>
    }
}

pub fn view(
    lang: Lang,
    runs: &[Run],
    schedule: DoseSchedule,
    from_calculator: bool,
    now: i64,
    on_schedule: Callback<DoseSchedule>,
) -> Html {
    let offset = BrowserClock.local_offset_minutes(now);
    let cells = history_strip(runs, schedule, now, offset, DAYS);
    let days = DAYS.to_string();
    let legend = [DayState::Taken(1), DayState::Missed, DayState::NotDue, DayState::TodayPending]
        .into_iter()
        .chain(if schedule == DoseSchedule::TwiceDaily { Some(DayState::Partial) } else { None });
    html! {
        <div class="kw-hi">
            <h4 id="kw-hi-title">{ fill(ChecklistMsg::HistoryTitle.tr(lang), &[("days", &days)]) }</h4>
            { schedule_part(lang, schedule, from_calculator, &on_schedule) }
            <ol class="kw-strip" aria-label={fill(ChecklistMsg::StripLabel.tr(lang), &[("days", &days)])}>
                { for cells.iter().map(|c| {
                    let label = c.state.label(&date_label(c.local_day, lang), lang);
                    html! {
                        <li class={state_class(c.state)}>
                            <span class="kw-day-num" aria-hidden="true">{ civil_from_days(c.local_day).2 }</span>
                            <span class="kw-day-sym" aria-hidden="true">{ c.state.symbol() }</span>
                            <span class="kw-visually-hidden">{ label }</span>
                        </li>
                    }
                }) }
            </ol>
            <p class="kw-strip-key">
                <span class="kw-visually-hidden">{ ChecklistMsg::LegendTitle.tr(lang) }{ ": " }</span>
                { for legend.map(|s| html! {
                    // The colour class only ("kw-day-…"), not the cell box.
                    <span class={&state_class(s)["kw-day ".len()..]}>
                        <span class="kw-day-sym" aria-hidden="true">{ s.symbol() }</span>{ " " }{ s.status(lang) }
                    </span>
                }) }
            </p>
            if any_missed(&cells) {
                <div class="kw-notice kw-caution">
                    <p>{ HistoryMsg::MissedDose.tr(lang) }</p>
                    <p class="kw-source">{ fill(ChecklistMsg::Source.tr(lang), &[("source", MISSED_DOSE_SOURCE)]) }</p>
                </div>
            }
        </div>
    }
}
