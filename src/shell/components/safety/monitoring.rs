//! Neutrophil-count checks: start date, dated rows with status and a done
//! checkbox, dose-reminder choice and the calendar download.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::shell::components::classed;

use super::{list, raw};
use crate::core::i18n::{Lang, Translate};
use crate::core::attrs::Region;
use crate::core::markup::Markup;
use crate::core::safety::form::{field, source_line, SafetyUi};
use crate::core::facts::Fact;
use crate::core::safety::monitoring::{caps_checks, explain, CheckStatus, MonitoringMsg};
use crate::core::safety::{Context, Reminders, SafetyForm};

const STATUS_CLASS: [&str; 4] = ["kw-st-done", "kw-st-due", "kw-st-overdue", "kw-st-upcoming"];

fn rows(f: &SafetyForm, lang: Lang, today: i64, ctx: Context, onclick: Callback<MouseEvent>) -> Html {
    let calc = ctx.plan();
    let Some(rows) = f.schedule(today, ctx) else {
        return Html::default();
    };
    let t = |m: SafetyUi| m.tr(lang);
    let mut h = Markup::default();
    // Dates as the browser writes them in the widget's language; each day
    // number is formatted as a UTC date, so every year and time zone works.
    let options = js_sys::JSON::parse(r#"{"dateStyle":"medium","timeZone":"UTC"}"#).unwrap_or(JsValue::UNDEFINED);
    let mut items = Vec::with_capacity(rows.len());
    for r in &rows {
        let date = js_sys::Date::new(&JsValue::from_f64(r.due_day as f64 * 86_400_000.0));
        let date = String::from(date.to_locale_date_string(lang.code(), &options));
        h.m("<span><b>").t(&r.point.label(lang)).m("</b> ").t(&date).m(r#" <span class="kw-sf-badge">"#);
        h.t(r.status.msg().tr(lang)).m("</span></span>");
        let when = raw(&mut h);
        h.m(r#"<span class="kw-source">"#).t(&source_line(&[r.fact], ctx.region, lang)).m("</span>");
        items.push(classed(
            STATUS_CLASS[r.status as usize],
            html! {
                <li>
                    <label class="kw-choice">
                        <input type="checkbox" name={field::DONE} value={usize::from(r.point.month()).to_string()}
                            checked={r.status == CheckStatus::Done} />
                        { when }
                    </label>
                    { raw(&mut h) }
                </li>
            },
        ));
    }
    let plan = f.reminder_plan(calc);
    let mut radios = Vec::with_capacity(Reminders::ALL.len());
    for r in Reminders::choices(calc, plan) {
        radios.push(html! {
            <label class="kw-choice">
                <input type="radio" name={field::PLAN} value={r.code()} checked={plan == r} />
                { r.label(lang) }
            </label>
        });
    }
    let twice = plan.twice();
    let mut legend = Markup::default();
    legend.m("<legend>").t(t(SafetyUi::Checks)).m("</legend>");
    h.m("<legend>").t(t(SafetyUi::Reminders)).m("</legend>");
    let reminders_legend = raw(&mut h);
    if f.reminders.is_none() && calc.is_some() {
        h.m(r#"<p class="kw-hint">"#).t(t(SafetyUi::FromCalculator)).m("</p>");
    }
    if let Some(fact) = plan.warning() {
        // RENAL-SPLIT: the split every-other-day schedule is in neither label.
        h.m(r#"<p class="kw-notice kw-caution">"#).t(t(SafetyUi::SplitWarning)).m(r#" <span class="kw-source">"#);
        h.t(&source_line(&[fact], ctx.region, lang)).m("</span></p>");
    }
    if plan != Reminders::Off {
        h.m(r#"<label class="kw-sf-label" for="kw-sf-t0">"#);
        h.t(t(if twice { SafetyUi::TimeMorning } else { SafetyUi::Time })).m("</label>");
    }
    let t0_label = raw(&mut h);
    h.m(r#"<label class="kw-sf-label" for="kw-sf-t1">"#).t(t(SafetyUi::TimeEvening)).m("</label>");
    let t1_label = raw(&mut h);
    h.m(r#"<p class="kw-hint" id="kw-sf-cal-hint">"#).t(t(SafetyUi::CalendarHint)).m("</p>");
    html! {
        <>
        <fieldset class="kw-sf-checks">
            { raw(&mut legend) }
            <ul class="kw-sf-list">{ list(items) }</ul>
        </fieldset>
        <fieldset>
            { reminders_legend }
            { list(radios) }
            { t0_label }
            if plan != Reminders::Off {
                <input type="time" id="kw-sf-t0" name={field::TIME_MORNING} value={f.times[0].clone()} />
            }
            if twice {
                { t1_label }
                <input type="time" id="kw-sf-t1" name={field::TIME_EVENING} value={f.times[1].clone()} />
            }
        </fieldset>
        { raw(&mut h) }
        <button type="button" class="kw-button" aria-describedby="kw-sf-cal-hint" {onclick}>{ t(SafetyUi::Calendar) }</button>
        </>
    }
}

/// A sourced note.
fn note(h: &mut Markup, class: &'static str, text: &str, fact: Fact, region: Region, lang: Lang) {
    h.m(r#"<p class=""#).m(class).m(r#"">"#).t(text).m(r#" <span class="kw-source">"#);
    h.t(&source_line(&[fact], region, lang)).m("</span></p>");
}

pub fn view(f: &SafetyForm, lang: Lang, today: i64, ctx: Context, onclick: Callback<MouseEvent>) -> Html {
    let mut h = Markup::default();
    h.m(r#"<h4 id="kw-sf-mon-h">"#).t(MonitoringMsg::Title.tr(lang)).m("</h4>");
    if ctx.hospital_only() {
        // DOSE-COVID-HOSP: no reminders, injection calendar or blood-test schedule.
        note(&mut h, "kw-notice kw-sf-hospital", MonitoringMsg::Hospital.tr(lang), Fact::DoseCovidHosp, ctx.region, lang);
        return html! {
            <section class="kw-card kw-sf-part" aria-labelledby="kw-sf-mon-h">{ raw(&mut h) }</section>
        };
    }
    h.m(r#"<p class="kw-hint">"#).t(explain(ctx.region).tr(lang)).m("</p>");
    if let Some((msg, fact)) = caps_checks(ctx) {
        // MON-CAPS-EU: CNS, inner-ear and eye assessments in severe CAPS.
        note(&mut h, "kw-hint kw-sf-caps", msg.tr(lang), fact, ctx.region, lang);
    }
    h.m(r#"<label class="kw-sf-label" for="kw-sf-start">"#).t(SafetyUi::Start.tr(lang)).m("</label>");
    let head = raw(&mut h);
    h.m(r#"<p class="kw-hint" id="kw-sf-start-hint">"#).t(SafetyUi::StartHint.tr(lang)).m("</p>");
    let hint = raw(&mut h);
    if let Some(n) = f.notice {
        h.m(if n.is_problem() { r#"<p class="kw-notice kw-caution">"# } else { r#"<p class="kw-notice kw-ok">"# });
        h.t(n.text(lang)).m("</p>");
    }
    html! {
        <section class="kw-card kw-sf-part" aria-labelledby="kw-sf-mon-h">
            { head }
            <input type="date" id="kw-sf-start" name={field::START} value={f.start.clone()} aria-describedby="kw-sf-start-hint" />
            { hint }
            { rows(f, lang, today, ctx, onclick) }
            <div role="status">{ raw(&mut h) }</div>
        </section>
    }
}
