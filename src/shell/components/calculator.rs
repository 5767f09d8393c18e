//! The dose calculator view: collects the form's text, renders
//! `core::dose::form::evaluate`'s outcome (field messages, estimate, result
//! card with syringe plan, syringe drawing, show-your-work) and emits
//! `kineret:dose` with the headless API's result object.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::api::plan_result;
use crate::core::dose::form::{
    change_message, evaluate_in, more_must_open, report_inputs, shows_split, slot_delta, visible, CalcState, EstimateMethod,
    FormAction, FormField, FormOutcome, RenalMode, ReportInputs, ScrUnit, WeightUnit,
};
use crate::core::dose::labels::{
    compact_line, daily_dose_line, discard_line, dosing_days_line, full_syringes_line, indication_option, report_head,
    source_lines, summary, syringe_rows, CalcUi,
};
use crate::core::dose::{DosePlan, Indication, RenalSchedule, Severity, Split};
use crate::core::format::{fmt_mg, fmt_ml, fmt_number};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::dose::rules::RENAL_CRCL_BELOW;
use crate::core::renal::{Sex, CG_FACT, SCHWARTZ_FACT, UNITS_FACT};
use crate::core::markup::Markup;
use crate::shell::context::{use_env, LastDose, LastDoseCtx};
use crate::shell::components::raw;
use crate::shell::events::emit;
use crate::shell::services::print::print_alone;
use crate::shell::services::remember;
use crate::core::storage::StorageStatus;
use crate::core::ui::Ui;
use crate::shell::services::clock::BrowserClock;
use crate::core::clock::{local_day, Clock};
use crate::core::date::ymd_iso;

/// The form's state: `core::dose::form::CalcState` (what a press does, the
/// undo slot), behind Yew's reducer.
#[derive(PartialEq, Default)]
struct Form(CalcState);

impl Reducible for Form {
    type Action = FormAction;
    fn reduce(self: Rc<Self>, action: FormAction) -> Rc<Self> {
        let mut state = self.0.clone();
        state.apply(action);
        Rc::new(Form(state))
    }
}

/// DOM ids as static strings (no `format!` per render).
fn field_id(f: FormField) -> &'static str {
    match f {
        FormField::Indication => "kw-calc-indication",
        FormField::Weight => "kw-calc-weight",
        FormField::Dose => "kw-calc-dose",
        FormField::Age => "kw-calc-age",
        FormField::Crcl => "kw-calc-crcl",
        FormField::Sex => "kw-calc-sex",
        FormField::Scr => "kw-calc-scr",
        FormField::Height => "kw-calc-height",
    }
}

fn error_id(f: FormField) -> &'static str {
    match f {
        FormField::Indication => "kw-calc-indication-error",
        FormField::Weight => "kw-calc-weight-error",
        FormField::Dose => "kw-calc-dose-error",
        FormField::Age => "kw-calc-age-error",
        FormField::Crcl => "kw-calc-crcl-error",
        FormField::Sex => "kw-calc-sex-error",
        FormField::Scr => "kw-calc-scr-error",
        FormField::Height => "kw-calc-height-error",
    }
}

/// The text fields, by the id suffix after `kw-calc-`.
const TEXT_FIELDS: [FormField; 6] =
    [FormField::Weight, FormField::Dose, FormField::Age, FormField::Crcl, FormField::Scr, FormField::Height];

/// The action of radio `i` of group `group` (ids `kw-calc-<group>-<i>`).
fn radio_action(group: &str, i: u8) -> Option<FormAction> {
    Some(match (group, i) {
        ("wunit", 0) => FormAction::WeightUnit(WeightUnit::Kg),
        ("wunit", 1) => FormAction::WeightUnit(WeightUnit::Lb),
        ("split", 0) => FormAction::Split(Split::Once),
        ("split", 1) => FormAction::Split(Split::Twice),
        ("renal", 0) => FormAction::Renal(RenalMode::NotKnown),
        ("renal", 1) => FormAction::Renal(RenalMode::Enter),
        ("renal", 2) => FormAction::Renal(RenalMode::Estimate),
        ("renal", 3) => FormAction::Renal(RenalMode::Esrd),
        ("method", 0) => FormAction::Method(EstimateMethod::Adult),
        ("method", 1) => FormAction::Method(EstimateMethod::Child),
        ("sex", 0) => FormAction::Sex(Sex::Female),
        ("sex", 1) => FormAction::Sex(Sex::Male),
        // RENAL-EOD: the label's suggestion, or the prescribed schedule kept.
        ("schedule", 0) => FormAction::RenalSchedule(RenalSchedule::EveryOtherDay),
        ("schedule", 1) => FormAction::RenalSchedule(RenalSchedule::Daily),
        _ => return None,
    })
}

/// The form's one event handler (delegated: `oninput` and `onchange` on the
/// `<form>`, not a closure per control). Text fields act on `input`; radios
/// and selects on `change`, as with per-control listeners.
fn form_event(d: &UseReducerDispatcher<Form>, e: &Event, input: bool) {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let id = el.id();
    let Some(name) = id.strip_prefix("kw-calc-") else { return };
    let action = if let Some(select) = el.dyn_ref::<HtmlSelectElement>() {
        if input {
            return;
        }
        let v = select.value();
        match name {
            "indication" => FormAction::Indication(Indication::parse(&v)),
            "scr-unit" => FormAction::ScrUnit(if v == "umol" { ScrUnit::UmolL } else { ScrUnit::MgDl }),
            _ => return,
        }
    } else if let Some(field) = TEXT_FIELDS.into_iter().find(|f| f.id() == name) {
        if !input {
            return;
        }
        FormAction::Text(field, el.unchecked_into::<HtmlInputElement>().value())
    } else {
        let Some((group, i)) = name.rsplit_once('-') else { return };
        match (input, i.parse::<u8>().ok().and_then(|i| radio_action(group, i))) {
            (false, Some(a)) => a,
            _ => return,
        }
    };
    d.dispatch(action);
}

/// A labelled decimal text field (accepts "12,5" and "12.5"), its message
/// linked with aria-describedby. Its input events reach the form's handler.
fn number_field(f: FormField, label: &str, value: &str, out: &FormOutcome, hint: Option<&str>) -> Html {
    let error = out.error(f);
    const HINT_ID: &str = "kw-calc-dose-hint"; // only the dose has a hint
    let described = match (hint.is_some(), error.is_some()) {
        (true, true) => Some(AttrValue::from(format!("{HINT_ID} {}", error_id(f)))),
        (true, false) => Some(AttrValue::Static(HINT_ID)),
        (false, true) => Some(AttrValue::Static(error_id(f))),
        (false, false) => None,
    };
    html! {
        <div class="kw-field">
            <label for={field_id(f)}>{ label }</label>
            <input id={field_id(f)} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                value={value.to_string()}
                aria-invalid={if error.is_some() { "true" } else { "false" }}
                aria-describedby={described} />
            if let Some(h) = hint { <p class="kw-hint" id={HINT_ID}>{ h }</p> }
            if let Some(msg) = error { <p class="kw-error" id={error_id(f)}>{ msg }</p> }
        </div>
    }
}

/// A radio group (fieldset + legend): option `i` has id `kw-calc-<name>-<i>`;
/// `checked` is the index of the checked option. Its change events reach the
/// form's handler (`radio_action`).
fn radios(name: &str, legend: &str, labels: &[&str], checked: Option<usize>, error: Option<(&'static str, &str)>) -> Html {
    html! {
        <fieldset aria-describedby={error.map(|(id, _)| id)}>
            <legend>{ legend }</legend>
            { for labels.iter().enumerate().map(|(i, label)| {
                let id = format!("kw-calc-{name}-{i}");
                html! {
                    <label class="kw-choice" for={id.clone()}>
                        <input type="radio" id={id} name={format!("kw-calc-{name}")} checked={checked == Some(i)} />
                        { *label }
                    </label>
                }
            }) }
            if let Some((id, msg)) = error { <p class="kw-error" id={id}>{ msg }</p> }
        </fieldset>
    }
}

/// The estimate's sources: its formula (RENAL-CG, RENAL-SCHWARTZ) and, for a
/// creatinine in µmol/L, the conversion (RENAL-UNITS).
fn estimate_source(method: EstimateMethod, unit: ScrUnit) -> String {
    let formula = if method == EstimateMethod::Adult { CG_FACT } else { SCHWARTZ_FACT };
    match unit {
        ScrUnit::MgDl => formula.source().to_string(),
        ScrUnit::UmolL => format!("{}; {}", formula.source(), UNITS_FACT.source()),
    }
}

fn severity_label(s: Severity) -> CalcUi {
    match s {
        Severity::Danger => CalcUi::SeverityDanger,
        Severity::Caution => CalcUi::SeverityCaution,
        Severity::Info => CalcUi::SeverityInfo,
    }
}

/// Today's date for Copy and Print's header (the browser's clock and offset;
/// the core gets it as a parameter).
fn today() -> String {
    let now = BrowserClock.now_ms();
    ymd_iso(local_day(now, BrowserClock.local_offset_minutes(now)))
}

/// "For prescribers": the titration buttons in four fixed slots (never
/// reflowing: a slot that does not apply is disabled in place), the undo
/// notice below them (announced politely). What a press does is
/// `CalcState::apply(FormAction::Titrate)`: counted from the dose before the
/// first press, so a double click is one step.
fn prescribers(state: &CalcState, slots: [Option<f64>; 4], lang: Lang, dispatch: &UseReducerDispatcher<Form>) -> Html {
    let t = |m: CalcUi| m.tr(lang);
    let undo = {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(FormAction::Undo))
    };
    html! {
        <details class="kw-prescribers">
            <summary>{ t(CalcUi::ForPrescribers) }</summary>
            <p class="kw-hint" id="kw-calc-titration-hint">{ t(CalcUi::Titration) }</p>
            <div class="kw-titration" role="group" aria-labelledby="kw-calc-titration-hint">
                { for slots.iter().enumerate().map(|(i, v)| match *v {
                    Some(v) => {
                        let d = dispatch.clone();
                        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(FormAction::Titrate(i, lang)));
                        let current = state.is_current(v);
                        html! {
                            <button type="button" class="kw-button kw-secondary kw-small"
                                aria-current={current.then_some("true")} {onclick}>
                                { fill(t(CalcUi::UseStep), &[("dose", &fmt_number(v, 2, lang))]) }
                            </button>
                        }
                    }
                    None => html! {
                        <button type="button" class="kw-button kw-secondary kw-small" disabled=true>
                            { fill(t(CalcUi::SlotUnavailable), &[("delta", &slot_delta(i, lang))]) }
                        </button>
                    },
                }) }
            </div>
            <div class="kw-row kw-dose-change">
                <p role="status" aria-live="polite">{ state.undo.as_ref().map(|c| change_message(c, lang)).unwrap_or_default() }</p>
                if state.undo.is_some() {
                    <button type="button" class="kw-button kw-small" onclick={undo}>{ t(CalcUi::Undo) }</button>
                }
            </div>
        </details>
    }
}

fn result_card(
    plan: &DosePlan,
    state: &CalcState,
    inputs: &ReportInputs,
    lang: Lang,
    dispatch: &UseReducerDispatcher<Form>,
    status: &UseStateHandle<Option<CalcUi>>,
) -> Html {
    let t = |m: CalcUi| m.tr(lang);
    let date = today();
    let copy = {
        let text = summary(plan, inputs, &date, lang);
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
                status.set(Some(CalcUi::CopyFailed));
                return;
            };
            let promise = clipboard.write_text(&text);
            wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                status.set(Some(if ok { CalcUi::Copied } else { CalcUi::CopyFailed }));
            });
        })
    };
    let print = Callback::from(move |e: MouseEvent| {
        let from = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        print_alone(from, ".kw-result", CalcUi::PrintTitle.tr(lang), lang.code());
    });
    // Only where the label gives 0.5–1 mg/kg steps (DOSE-NOMID-US, DOSE-DIRA-US).
    let titration = state.titration_slots(plan);

    // Everything but the controls is static markup (docs/SIZE.md rule 15).
    let mut h = Markup::default();
    // The header and inputs, on paper only (Copy carries the same lines).
    h.m(r#"<div class="kw-report-head">"#);
    for line in report_head(plan, inputs, &date, lang) {
        h.m("<p>").t(&line).m("</p>");
    }
    h.m("</div>");
    h.m(r#"<h4 id="kw-calc-result-h">"#).t(t(CalcUi::Result)).m(r#"</h4><p class="kw-dose">"#);
    h.t(&fmt_mg(plan.dose_per_administration.value(), lang)).m(" (");
    h.t(&fmt_ml(plan.volume_per_administration.value(), lang)).m(r#")</p><p class="kw-instructions">"#);
    h.t(&plan.instructions).m("</p><p>").t(&daily_dose_line(plan, lang)).m("</p>");
    if let (Some(doses), Some(days)) = (plan.total_doses, plan.course_days) {
        h.m("<p>").t(&fill(t(CalcUi::Course), &[("doses", &doses.to_string()), ("days", &days.to_string())])).m("</p>");
    }
    if let Some(days) = dosing_days_line(plan, lang) {
        h.m(r#"<p class="kw-dosing-days">"#).t(&days).m("</p>");
    }
    if !plan.warnings.is_empty() {
        h.m(r#"<div class="kw-warnings" role="group" aria-label=""#).t(t(CalcUi::Warnings)).m(r#"">"#);
        for w in &plan.warnings {
            h.m(match w.severity {
                Severity::Danger => r#"<div class="kw-notice kw-danger"><strong>"#,
                Severity::Caution => r#"<div class="kw-notice kw-caution"><strong>"#,
                Severity::Info => r#"<div class="kw-notice"><strong>"#,
            });
            h.t(t(severity_label(w.severity))).m("</strong> ").t(&w.message).m("</div>");
        }
        h.m("</div>");
    }
    h.m("<h4>").t(t(CalcUi::SyringePlan)).m(r#"</h4><ul class="kw-syringe-plan">"#);
    for row in syringe_rows(plan, lang) {
        h.m("<li>").t(&row).m("</li>");
    }
    h.m("</ul><p>").t(&discard_line(plan, lang)).m("</p>");
    if let Some(full) = full_syringes_line(plan, lang) {
        h.m(r#"<p class="kw-hint">"#).t(&full).m("</p>");
    }
    // One picture per syringe: the target to keep, what to push out (PREP-PARTIAL).
    crate::core::dose::syringe::plan_pictures(&mut h, plan, lang);
    let head = raw(&mut h);
    h.m(r#"<ol class="kw-steps">"#);
    for s in &plan.steps {
        h.m("<li>").t(&s.text).m("</li>");
    }
    h.m("</ol>");
    let steps = raw(&mut h);
    // Every line's source, gathered once per card with its fact IDs.
    h.m(r#"<ul class="kw-source-list">"#);
    for line in source_lines(plan, lang) {
        h.m("<li>").t(&line).m("</li>");
    }
    h.m("</ul>");
    let sources = raw(&mut h);
    html! {
        <section class="kw-card kw-result" id="kw-calc-result" tabindex="-1" aria-labelledby="kw-calc-result-h">
            { head }
            if let Some(slots) = titration {
                { prescribers(state, slots, lang, dispatch) }
            }
            <details class="kw-work">
                <summary>{ t(CalcUi::ShowWork) }</summary>
                { steps }
            </details>
            <details class="kw-sources">
                <summary>{ t(CalcUi::Sources) }</summary>
                { sources }
            </details>
            <div class="kw-row kw-actions">
                <button type="button" class="kw-button" onclick={copy}>{ t(CalcUi::Copy) }</button>
                <button type="button" class="kw-button kw-secondary" onclick={print}>{ t(CalcUi::Print) }</button>
            </div>
        </section>
    }
}

/// "66 mg = 0.44 mL": stays in view at the bottom of the widget while the
/// form is filled on a phone (sticky, inside the shadow DOM); its button moves
/// focus to the full result card.
fn compact_summary(plan: &DosePlan, lang: Lang) -> Html {
    let t = |m: CalcUi| m.tr(lang);
    let go = Callback::from(move |e: MouseEvent| {
        let card = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(".kw-calculator").ok().flatten())
            .and_then(|root| root.query_selector("#kw-calc-result").ok().flatten())
            .and_then(|card| card.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(card) = card {
            let _ = card.focus();
            card.scroll_into_view();
        }
    });
    let link = if plan.warnings.is_empty() { CalcUi::FullResult } else { CalcUi::FullResultWarnings };
    html! {
        <div class="kw-compact">
            <strong class="kw-compact-dose">{ compact_line(plan, lang) }</strong>
            <span class="kw-compact-freq">{ plan.frequency.tr(lang) }</span>
            <button type="button" class="kw-button kw-small kw-link" onclick={go}>{ t(link) }</button>
        </div>
    }
}

#[function_component(Calculator)]
pub fn calculator() -> Html {
    let env = use_env();
    let lang = env.lang;
    let form = use_reducer(Form::default);
    let status = use_state(|| None::<CalcUi>);
    // Remembered inputs that could not be saved (`remember` only).
    let save_note = use_state(|| None::<StorageStatus>);
    let more_open = use_state(|| false);
    let last_dose = use_context::<LastDoseCtx>();
    let dispatch = form.dispatcher();
    let t = |m: CalcUi| m.tr(lang);

    // `remember`: load once, then save every change (nothing is stored
    // otherwise). Its code is a module of its own (shell/services/remember.rs):
    // LazyView fetched it with this view where `remember` was on from the
    // start, so the saved inputs are on the first render. A live switch (or
    // `remember` set while the view was loading) fetches it here: until it
    // arrives the form is inert, so nothing typed meanwhile is overwritten
    // by the saved inputs or left unsaved; if it cannot be fetched, the
    // form works without remembering and a notice offers "Try again".
    let remember_here = use_state(|| remember::here().is_some());
    let remember_failed = use_state(|| false);
    let remember_try = use_state(|| 0u32);
    {
        let (here, failed) = (remember_here.clone(), remember_failed.clone());
        use_effect_with((env.remember, *remember_try), move |(on, _)| {
            if *on && !*here {
                failed.set(false);
                wasm_bindgen_futures::spawn_local(async move {
                    match remember::fetch().await {
                        Ok(_) => here.set(true),
                        Err(_) => failed.set(true),
                    }
                });
            }
        });
    }
    let remember_pending = env.remember && !*remember_here && !*remember_failed;
    let remember_broken = env.remember && !*remember_here && *remember_failed;
    let remember_retry = {
        let remember_try = remember_try.clone();
        Callback::from(move |_: MouseEvent| remember_try.set(remember_try.wrapping_add(1)))
    };
    let remembering = env.remember && *remember_here;
    {
        let dispatch = dispatch.clone();
        use_effect_with(remembering, move |on| {
            if *on {
                if let Some(saved) = remember::here().and_then(|r| (r.load)()) {
                    dispatch.dispatch(FormAction::Load(saved));
                }
            }
        });
    }
    {
        // Not in the same pass as a load: when `remember` has just been
        // turned on (or on mount) the form on screen is not yet the saved
        // one, and writing it would overwrite what was saved.
        let seen = use_mut_ref(|| None::<bool>);
        let save_note = save_note.clone();
        use_effect_with((remembering, form.0.input.clone()), move |(on, input)| {
            let just_switched = seen.borrow().is_none_or(|prev| prev != *on);
            *seen.borrow_mut() = Some(*on);
            if *on && !just_switched {
                if let Some(r) = remember::here() {
                    save_note.set((r.save)(input));
                }
            }
        });
    }

    let region = env.region;
    let out = use_memo((form.0.input.clone(), region, lang), |(input, region, lang)| evaluate_in(input, *region, *lang));

    // Tell the host page and the other views about each new valid dose.
    {
        let host = env.host.clone();
        let last_dose = last_dose.clone();
        use_effect_with(out.plan.clone(), move |plan| {
            if let Some(ctx) = last_dose {
                ctx.set(plan.as_ref().map(|p| LastDose {
                    indication: p.indication,
                    dose_mg_per_administration: p.dose_per_administration.value(),
                    volume_ml_per_administration: p.volume_per_administration.value(),
                    discard_mg_per_administration: p.discard_per_administration.value(),
                    syringes_per_administration: p.syringes_per_administration,
                    hospital_only: p.indication.rule().hospital_only,
                    administrations_per_day: p.administrations_per_day,
                    interval_days: p.interval_days,
                }));
            }
            if let (Some(plan), Some(host)) = (plan, host) {
                emit(&host, "kineret:dose", &plan_result(plan.clone()));
            }
        });
    }

    // The compact summary never covers the field being typed in: when it
    // appears, and whenever a field gets focus, a covered field is scrolled
    // above it (the fields' scroll-margin-bottom leaves room for it).
    {
        let host = env.host.clone();
        use_effect_with(out.plan.is_some(), move |shown| {
            if *shown {
                if let Some(host) = host {
                    uncover(&host);
                }
            }
        });
    }
    let onfocusin = {
        let host = env.host.clone();
        Callback::from(move |_: FocusEvent| {
            if let Some(host) = &host {
                uncover(host);
            }
        })
    };
    let state = &form.0;
    let input = &state.input;
    let show = |f: FormField| visible(input, f);
    let oninput = {
        let d = dispatch.clone();
        Callback::from(move |e: InputEvent| form_event(&d, &e, true))
    };
    let onchange = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| form_event(&d, &e, false))
    };
    let ind_error = out.error(FormField::Indication);
    let estimating = input.renal == RenalMode::Estimate;
    let age_label = if estimating { t(CalcUi::AgeRequired) } else { t(CalcUi::Age) };
    // RENAL-CG: Cockcroft–Gault uses the actual body weight.
    let weight_label =
        if estimating && input.method == EstimateMethod::Adult { t(CalcUi::WeightActual) } else { t(CalcUi::Weight) };
    // The indications of the region's label (IND-US-*, IND-EU-*), plus the
    // one chosen if it is not among them (a saved form, another region).
    let mut indications = Indication::of_region(region).to_vec();
    if let Some(i) = input.indication.filter(|i| !i.in_label(region)) {
        indications.push(i);
    }
    // "More (optional)": opens by itself when it holds a value or a message;
    // once open (by the user or by itself) it stays open.
    let must_open = more_must_open(input, &out);
    let on_more_toggle = {
        let more_open = more_open.clone();
        Callback::from(move |e: Event| {
            if let Some(open) = e.target().and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok()).and_then(|v| v.as_bool()) {
                more_open.set(open);
            }
        })
    };
    let inputs = report_inputs(input, &out);
    // RENAL-EOD: the schedule choice shows when the kidney rule applies.
    let renal_choice = out.plan.as_ref().and_then(|p| p.renal_schedule);

    html! {
        <section class="kw-calculator" aria-labelledby="kw-calc-h">
            <h3 id="kw-calc-h">{ t(CalcUi::Heading) }</h3>
            <p class="kw-hint">{ t(CalcUi::Intro) }</p>
            if env.remember { <p class="kw-hint">{ t(CalcUi::Remembered) }</p> }
            <form class="kw-form" novalidate=true inert={remember_pending} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} {oninput} {onchange} {onfocusin}>
                <div class="kw-field">
                    <label for={field_id(FormField::Indication)}>{ t(CalcUi::Indication) }</label>
                    <select id={field_id(FormField::Indication)}
                        aria-describedby={ind_error.map(|_| error_id(FormField::Indication))}>
                        <option value="" selected={input.indication.is_none()}>{ t(CalcUi::ChooseIndication) }</option>
                        { for indications.iter().map(|i| html! {
                            <option value={i.code()} selected={input.indication == Some(*i)}>{ indication_option(*i, region).tr(lang) }</option>
                        }) }
                    </select>
                    if let Some(msg) = ind_error { <p class="kw-error" id={error_id(FormField::Indication)}>{ msg }</p> }
                </div>
                if show(FormField::Weight) {
                    <div class="kw-row">
                        { number_field(FormField::Weight, weight_label, &input.weight, &out, None) }
                        { radios("wunit", t(CalcUi::WeightUnit), &[t(CalcUi::Kg), t(CalcUi::Lb)],
                            Some(input.weight_unit as usize), None) }
                    </div>
                }
                if show(FormField::Dose) {
                    { number_field(FormField::Dose, t(CalcUi::Dose), &input.dose, &out, Some(t(CalcUi::DoseHint))) }
                    if shows_split(input) {
                        { radios("split", t(CalcUi::Split), &[t(CalcUi::Once), t(CalcUi::Twice)],
                            Some(if input.split == Split::Twice { 1 } else { 0 }), None) }
                    }
                }
                <details class="kw-more" open={*more_open || must_open} ontoggle={on_more_toggle}>
                    <summary>{ t(CalcUi::More) }</summary>
                    { number_field(FormField::Age, age_label, &input.age, &out, None) }
                    { radios("renal", t(CalcUi::Kidney),
                        &[t(CalcUi::KidneyNotKnown), t(CalcUi::KidneyEnter), t(CalcUi::KidneyEstimate), t(CalcUi::KidneyEsrd)],
                        Some(input.renal as usize), None) }
                    if show(FormField::Crcl) {
                        { number_field(FormField::Crcl, t(CalcUi::Crcl), &input.crcl, &out, None) }
                    }
                    if input.renal == RenalMode::Estimate {
                        { radios("method", t(CalcUi::Method), &[t(CalcUi::MethodAdult), t(CalcUi::MethodChild)],
                            Some(input.method as usize), None) }
                        if show(FormField::Sex) {
                            { radios("sex", t(CalcUi::Sex), &[t(CalcUi::Female), t(CalcUi::Male)],
                                input.sex.map(|s| if s == Sex::Male { 1 } else { 0 }),
                                out.error(FormField::Sex).map(|m| (error_id(FormField::Sex), m))) }
                        }
                        if show(FormField::Height) {
                            { number_field(FormField::Height, t(CalcUi::Height), &input.height, &out, None) }
                        }
                        <div class="kw-row">
                            { number_field(FormField::Scr, t(CalcUi::Scr), &input.scr, &out, None) }
                            <div class="kw-field">
                                <label for="kw-calc-scr-unit">{ t(CalcUi::ScrUnit) }</label>
                                <select id="kw-calc-scr-unit">
                                    <option value="mgdl" selected={input.scr_unit == ScrUnit::MgDl}>{ "mg/dL" }</option>
                                    <option value="umol" selected={input.scr_unit == ScrUnit::UmolL}>{ "µmol/L" }</option>
                                </select>
                            </div>
                        </div>
                        if let Some(e) = out.estimate {
                            <p class="kw-notice" role="status">{ fill(
                                t(if e.method == EstimateMethod::Adult { CalcUi::EstimateAdult } else { CalcUi::EstimateChild }),
                                &[("value", &fmt_number(e.value, 1, lang)), ("threshold", &fmt_number(RENAL_CRCL_BELOW, 0, lang))],
                            ) }
                            // RENAL-CG / RENAL-SCHWARTZ, and RENAL-UNITS for µmol/L.
                            <span class="kw-source">{ " " }{ fill(t(CalcUi::Source), &[("source", &estimate_source(e.method, input.scr_unit))]) }</span></p>
                            if out.estimate_caution {
                                <p class="kw-notice kw-caution">{ t(CalcUi::SchwartzUnderOne) }</p>
                            }
                        }
                    }
                </details>
                if let Some(chosen) = renal_choice {
                    { radios("schedule", t(CalcUi::Schedule),
                        &[t(CalcUi::ScheduleEveryOtherDay), t(CalcUi::ScheduleKeepDaily)],
                        Some(if chosen == RenalSchedule::EveryOtherDay { 0 } else { 1 }), None) }
                }
            </form>
            if let Some(plan) = &out.plan {
                { compact_summary(plan, lang) }
            }
            <div class="kw-result-area" aria-live="polite">
                if let Some(plan) = &out.plan {
                    { result_card(plan, state, &inputs, lang, &dispatch, &status) }
                } else if !out.errors.is_empty() {
                    <p class="kw-notice kw-caution">{ t(CalcUi::FixErrors) }</p>
                } else {
                    <p class="kw-notice">{ fill(t(CalcUi::ToSeeDose), &[("list", &out.missing.iter().map(|f| f.missing().tr(lang)).collect::<Vec<_>>().join("; "))]) }</p>
                }
            </div>
            <p class="kw-visually-hidden" role="status">{ status.map(|m| m.tr(lang)).unwrap_or("") }</p>
            <div class="kw-calc-storage" role="status">
                if remember_pending {
                    <p class="kw-notice">{ t(CalcUi::RememberLoading) }</p>
                }
                if remember_broken {
                    <div class="kw-notice kw-caution">
                        <p>{ t(CalcUi::RememberFailed) }</p>
                        <button type="button" class="kw-button" onclick={remember_retry}>{ Ui::ViewRetry.tr(lang) }</button>
                    </div>
                }
                if let Some(note) = &*save_note {
                    <p class="kw-notice kw-caution">{ note.message(lang).unwrap_or_default() }</p>
                }
            </div>
        </section>
    }
}

/// Scrolls the focused field above the compact summary when it is under it.
fn uncover(host: &web_sys::HtmlElement) {
    use js_sys::Reflect;
    let Some(root) = host.shadow_root() else { return };
    let (Some(active), Ok(Some(compact))) = (root.active_element(), root.query_selector(".kw-compact")) else { return };
    if active.closest(".kw-form").ok().flatten().is_none() {
        return;
    }
    let edge = |el: &web_sys::Element, side: &str| -> Option<f64> {
        let rect = js_sys::Function::from(Reflect::get(el, &"getBoundingClientRect".into()).ok()?).call0(el).ok()?;
        Reflect::get(&rect, &side.into()).ok()?.as_f64()
    };
    if let (Some(bottom), Some(top)) = (edge(&active, "bottom"), edge(&compact, "top")) {
        if bottom > top {
            active.scroll_into_view_with_bool(false);
        }
    }
}
