//! The dose history: the last 30 local days as a strip. Each day carries a
//! symbol and a word (never colour alone); dates come from the browser's Intl
//! in the widget's language.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::{input_label, list, raw};
use crate::core::markup::Markup;

use crate::core::attrs::Region;
use crate::core::checklist::history::{any_missed, DayState, HistoryMsg, MISSED_DOSE_FACT, SCHEDULE_FACT, SPLIT_FACT};
use crate::core::checklist::text::ChecklistMsg;
use crate::core::checklist::history::history_strip_with;
use crate::core::checklist::{DoseSchedule, Run};
use crate::core::clock::{Pinned, MS_PER_DAY};
use crate::core::date::civil_from_days;
use crate::core::i18n::{fill, Lang, Translate, source_text};
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

/// Radio ids, in `DoseSchedule::CHOICES` order.
pub const SCHEDULE_IDS: [&str; 4] = ["kw-hi-daily", "kw-hi-eod", "kw-hi-twice", "kw-hi-twice-eod"];

/// "Source: …" for a fact, in the region's labels.
fn fact_source(h: &mut Markup, lang: Lang, region: Region, fact: crate::core::facts::Fact) {
    let src = fact.source_in(region);
    h.m(r#"<p class="kw-source">"#).t(&fill(ChecklistMsg::Source.tr(lang), &[("source", &source_text(&src, lang))])).m("</p>");
}

/// RENAL-SPLIT: twice daily every other day is only the prescriber's choice.
fn split_warning(h: &mut Markup, lang: Lang, region: Region, schedule: DoseSchedule) {
    if schedule.unlabelled_split() {
        h.m(r#"<div class="kw-notice kw-caution kw-hi-split"><p>"#).t(HistoryMsg::SplitWarning.tr(lang)).m("</p>");
        fact_source(h, lang, region, SPLIT_FACT);
        h.m("</div>");
    }
}

fn schedule_part(lang: Lang, region: Region, schedule: DoseSchedule, from_calculator: bool) -> Html {
    let mut h = Markup::default();
    if from_calculator {
        h.m("<p>").t(&fill(ChecklistMsg::ScheduleFromCalc.tr(lang), &[("schedule", schedule.tr(lang))])).m("</p>");
        fact_source(&mut h, lang, region, SCHEDULE_FACT);
        split_warning(&mut h, lang, region, schedule);
        return raw(&mut h);
    }
    h.m("<legend>").t(ChecklistMsg::ScheduleQuestion.tr(lang)).m("</legend>");
    let mut items = vec![raw(&mut h)];
    for (s, id) in DoseSchedule::CHOICES.into_iter().zip(SCHEDULE_IDS) {
        items.push(html! {
            <span class="kw-choice">
                { input_label("radio", "kw-hi-schedule", id, s.code(), schedule.same_kind(s), false, None, s.tr(lang)) }
            </span>
        });
    }
    split_warning(&mut h, lang, region, schedule);
    html! { <><fieldset>{ list(items) }</fieldset>{ raw(&mut h) }</> }
}

/// `logged_ms`: the injection log's doses (one dose, one record: a day whose
/// dose was logged there is never "Due today").
pub fn view(lang: Lang, region: Region, runs: &[Run], logged_ms: &[i64], schedule: DoseSchedule, from_calculator: bool, now: i64) -> Html {
    let cells = history_strip_with(runs, logged_ms, schedule, &Pinned { inner: &BrowserClock, now_ms: now }, DAYS);
    let days = DAYS.to_string();
    let mut h = Markup::default();
    h.m(r#"<h4 id="kw-hi-title">"#).t(&fill(ChecklistMsg::HistoryTitle.tr(lang), &[("days", &days)])).m("</h4>");
    let title = raw(&mut h);
    h.m(r#"<ol class="kw-strip" aria-label=""#).t(&fill(ChecklistMsg::StripLabel.tr(lang), &[("days", &days)])).m(r#"">"#);
    for c in &cells {
        let label = c.state.label(&date_label(c.local_day, lang), lang);
        h.m(r#"<li class=""#).m(state_class(c.state)).m(r#""><span class="kw-day-num" aria-hidden="true">"#);
        h.t(&civil_from_days(c.local_day).2.to_string()).m(r#"</span><span class="kw-day-sym" aria-hidden="true">"#);
        h.t(c.state.symbol());
        if let Some(n) = c.state.visible_count() {
            // The count is visible too, not only in the accessible label.
            h.m(r#"<span class="kw-day-count">"#).t(&n).m("</span>");
        }
        h.m(r#"</span><span class="kw-visually-hidden">"#).t(&label).m("</span></li>");
    }
    h.m(r#"</ol><p class="kw-strip-key"><span class="kw-visually-hidden">"#).t(ChecklistMsg::LegendTitle.tr(lang));
    h.m(": </span>");
    let twice = schedule.per_day() > 1;
    for s in [DayState::Taken(1), DayState::Missed, DayState::NotDue, DayState::TodayPending, DayState::Partial] {
        if matches!(s, DayState::Partial) && !twice {
            break;
        }
        // The colour class only ("kw-day-…"), not the cell box.
        let class = state_class(s).strip_prefix("kw-day ").unwrap_or_default();
        h.m(r#"<span class=""#).m(class).m(r#""><span class="kw-day-sym" aria-hidden="true">"#).t(s.symbol());
        h.m("</span> ").t(&s.status(lang)).m("</span>");
    }
    h.m("</p>");
    if any_missed(&cells) {
        // MISSED (EU PL 3).
        h.m(r#"<div class="kw-notice kw-caution kw-hi-missed"><p>"#).t(HistoryMsg::MissedDose.tr(lang)).m("</p>");
        fact_source(&mut h, lang, region, MISSED_DOSE_FACT);
        h.m("</div>");
    }
    html! {
        <div class="kw-hi">
            { title }
            { schedule_part(lang, region, schedule, from_calculator) }
            { raw(&mut h) }
        </div>
    }
}
