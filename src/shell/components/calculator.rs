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
    evaluate, visible, EstimateMethod, FormField, FormInput, FormOutcome, RenalMode, ScrUnit, WeightUnit,
};
use crate::core::dose::labels::CalcUi;
use crate::core::dose::{titration_steps, DosePlan, Indication, Severity, Split};
use crate::core::format::{fmt_mg, fmt_ml, fmt_number};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::renal::Sex;
use crate::shell::app::{use_env, LastDose, LastDoseCtx};
use crate::shell::events::emit;
use crate::shell::services::storage::shared_repo;

pub enum Action {
    Text(FormField, String),
    Indication(Option<Indication>),
    WeightUnit(WeightUnit),
    Split(Split),
    Renal(RenalMode),
    Method(EstimateMethod),
    Sex(Sex),
    ScrUnit(ScrUnit),
    Load(FormInput),
}

#[derive(PartialEq, Default)]
struct Form(FormInput);

impl Reducible for Form {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut f = self.0.clone();
        match action {
            Action::Text(field, v) => match field {
                FormField::Weight => f.weight = v,
                FormField::Dose => f.dose = v,
                FormField::Age => f.age = v,
                FormField::Crcl => f.crcl = v,
                FormField::Scr => f.scr = v,
                FormField::Height => f.height = v,
                FormField::Indication | FormField::Sex => {}
            },
            Action::Indication(i) => f.indication = i,
            Action::WeightUnit(u) => f.weight_unit = u,
            Action::Split(s) => f.split = s,
            Action::Renal(r) => f.renal = r,
            Action::Method(m) => f.method = m,
            Action::Sex(s) => f.sex = Some(s),
            Action::ScrUnit(u) => f.scr_unit = u,
            Action::Load(input) => f = input,
        }
        Rc::new(Form(f))
    }
}

fn field_id(f: FormField) -> String {
    format!("kw-calc-{}", f.id())
}

fn error_id(f: FormField) -> String {
    format!("kw-calc-{}-error", f.id())
}

fn input_value(e: &InputEvent) -> String {
    e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).map(|i| i.value()).unwrap_or_default()
}

/// A labelled decimal text field (accepts "12,5" and "12.5"), its message
/// linked with aria-describedby.
fn number_field(
    f: FormField,
    label: &str,
    value: &str,
    out: &FormOutcome,
    hint: Option<&str>,
    dispatch: &UseReducerDispatcher<Form>,
) -> Html {
    let error = out.error(f);
    let hint_id = format!("kw-calc-{}-hint", f.id());
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(hint_id.clone());
    }
    if error.is_some() {
        described.push(error_id(f));
    }
    let d = dispatch.clone();
    let oninput = Callback::from(move |e: InputEvent| d.dispatch(Action::Text(f, input_value(&e))));
    html! {
        <div class="kw-field">
            <label for={field_id(f)}>{ label }</label>
            <input id={field_id(f)} type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                value={value.to_string()} {oninput}
                aria-invalid={if error.is_some() { "true" } else { "false" }}
                aria-describedby={if described.is_empty() { None } else { Some(described.join(" ")) }} />
            if let Some(h) = hint { <p class="kw-hint" id={hint_id}>{ h }</p> }
            if let Some(msg) = error { <p class="kw-error" id={error_id(f)}>{ msg }</p> }
        </div>
    }
}

/// A radio group (fieldset + legend) whose options are (label, checked, action).
fn radios(name: &str, legend: &str, options: Vec<(&str, bool, Callback<Event>)>, error: Option<(String, &str)>) -> Html {
    html! {
        <fieldset aria-describedby={error.as_ref().map(|(id, _)| id.clone())}>
            <legend>{ legend }</legend>
            { for options.into_iter().enumerate().map(|(i, (label, checked, onchange))| {
                let id = format!("kw-calc-{name}-{i}");
                html! {
                    <label class="kw-choice" for={id.clone()}>
                        <input type="radio" id={id} name={format!("kw-calc-{name}")} {checked} {onchange} />
                        { label }
                    </label>
                }
            }) }
            if let Some((id, msg)) = error { <p class="kw-error" id={id}>{ msg }</p> }
        </fieldset>
    }
}

fn on<T: 'static>(d: &UseReducerDispatcher<Form>, make: impl Fn() -> Action + 'static) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |_| d.dispatch(make()))
}

/// The 0.67 mL syringe, filled to `ml`, with 0.1 mL graduations. Integer
/// coordinates (no float formatting in the bundle; 1 unit ≈ 0.0025 mL).
fn syringe_svg(ml: f64, label: String) -> Html {
    const X: i32 = 40; // barrel start
    const W: i32 = 268; // barrel width = 0.67 mL
    const END: i32 = X + W;
    let fill = ((ml / 0.67).clamp(0.0, 1.0) * f64::from(W)).round() as i32;
    let tick = |tenths: i32| END - tenths * W * 10 / 67;
    html! {
        <svg class="kw-syringe" viewBox="0 0 360 64" role="img" aria-label={label} focusable="false">
            <rect class="kw-syringe-plunger" x="4" y="26" width={(END - fill - 4).to_string()} height="12" />
            <rect class="kw-syringe-fill" x={(END - fill).to_string()} y="14" width={fill.to_string()} height="24" />
            <rect class="kw-syringe-barrel" x={X.to_string()} y="14" width={W.to_string()} height="24" rx="3" />
            { for (1..=6).map(|i| {
                let x = tick(i).to_string();
                html! { <line class="kw-syringe-tick" x1={x.clone()} x2={x} y1="38" y2="46" /> }
            }) }
            <text x={tick(6).to_string()} y="60" font-size="11" text-anchor="middle">{ "0.6" }</text>
            <text x={tick(1).to_string()} y="60" font-size="11" text-anchor="middle">{ "0.1" }</text>
            <rect class="kw-syringe-hub" x={END.to_string()} y="21" width="14" height="10" />
            <line class="kw-syringe-needle" x1={(END + 14).to_string()} x2="356" y1="26" y2="26" />
        </svg>
    }
}

fn severity_class(s: Severity) -> (&'static str, CalcUi) {
    match s {
        Severity::Danger => ("kw-notice kw-danger", CalcUi::SeverityDanger),
        Severity::Caution => ("kw-notice kw-caution", CalcUi::SeverityCaution),
        Severity::Info => ("kw-notice", CalcUi::SeverityInfo),
    }
}

/// Plain-text summary for the clipboard.
fn summary(plan: &DosePlan, lang: Lang) -> String {
    let mut s = plan.instructions.clone();
    for (i, d) in plan.syringes.iter().enumerate() {
        s.push('\n');
        let n = (i + 1).to_string();
        s.push_str(&fill(
            CalcUi::SyringeRow.tr(lang),
            &[("n", &n), ("ml", &fmt_ml(d.volume.value(), lang)), ("mg", &fmt_mg(d.dose.value(), lang))],
        ));
    }
    for w in &plan.warnings {
        s.push('\n');
        s.push_str(&w.message);
    }
    s
}

fn result_card(plan: &DosePlan, lang: Lang, dispatch: &UseReducerDispatcher<Form>, status: &UseStateHandle<Option<CalcUi>>) -> Html {
    let t = |m: CalcUi| m.tr(lang);
    let dose = fmt_mg(plan.dose_per_administration.value(), lang);
    let ml = fmt_ml(plan.volume_per_administration.value(), lang);
    let last = plan.syringes.last().copied();
    let full = plan.syringes.len().saturating_sub(1);
    let copy = {
        let text = summary(plan, lang);
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
    let print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let titration = plan.mg_per_kg_per_day.map(titration_steps);
    html! {
        <section class="kw-card kw-result" aria-labelledby="kw-calc-result-h">
            <h4 id="kw-calc-result-h">{ t(CalcUi::Result) }</h4>
            <p class="kw-dose">{ format!("{dose} ({ml})") }</p>
            <p class="kw-instructions">{ &plan.instructions }</p>
            <p>{ fill(t(CalcUi::DailyDose), &[("dose", &fmt_mg(plan.daily_dose.value(), lang))]) }</p>
            if let (Some(doses), Some(days)) = (plan.total_doses, plan.course_days) {
                <p>{ fill(t(CalcUi::Course), &[("doses", &doses.to_string()), ("days", &days.to_string())]) }</p>
            }
            if !plan.warnings.is_empty() {
                <div class="kw-warnings" aria-label={t(CalcUi::Warnings)} role="group">
                    { for plan.warnings.iter().map(|w| {
                        let (class, label) = severity_class(w.severity);
                        html! {
                            <div class={class}>
                                <strong>{ t(label) }</strong>{ " " }{ &w.message }
                                <span class="kw-source">{ " " }{ fill(t(CalcUi::Source), &[("source", w.source)]) }</span>
                            </div>
                        }
                    }) }
                </div>
            }
            <h4>{ t(CalcUi::SyringePlan) }</h4>
            <ul class="kw-syringe-plan">
                { for plan.syringes.iter().enumerate().map(|(i, d)| {
                    let n = (i + 1).to_string();
                    html! { <li>{ fill(t(CalcUi::SyringeRow), &[("n", &n), ("ml", &fmt_ml(d.volume.value(), lang)), ("mg", &fmt_mg(d.dose.value(), lang))]) }</li> }
                }) }
            </ul>
            <p>{ if plan.discard_per_administration.value() > 0.0 {
                fill(t(CalcUi::Discard), &[("mg", &fmt_mg(plan.discard_per_administration.value(), lang))])
            } else { t(CalcUi::NoDiscard).to_string() } }</p>
            if full > 0 { <p class="kw-hint">{ fill(t(CalcUi::FullSyringes), &[("n", &full.to_string())]) }</p> }
            if let Some(d) = last {
                { syringe_svg(d.volume.value(), fill(t(CalcUi::SyringeDrawing), &[("ml", &fmt_ml(d.volume.value(), lang))])) }
            }
            if let Some(steps) = titration {
                <div class="kw-titration" role="group" aria-label={t(CalcUi::Titration)}>
                    <p class="kw-hint">{ t(CalcUi::Titration) }</p>
                    { for steps.iter().flatten().map(|v| {
                        let v = *v;
                        let text = fmt_number(v, 2, lang);
                        let d = dispatch.clone();
                        let onclick = Callback::from(move |_: MouseEvent| d.dispatch(Action::Text(FormField::Dose, fmt_number(v, 2, lang))));
                        html! { <button type="button" class="kw-button kw-secondary kw-small" {onclick}>{ fill(t(CalcUi::UseStep), &[("dose", &text)]) }</button> }
                    }) }
                </div>
            }
            <details class="kw-work">
                <summary>{ t(CalcUi::ShowWork) }</summary>
                <ol class="kw-steps">
                    { for plan.steps.iter().map(|s| html! {
                        <li>{ &s.text }<span class="kw-source">{ " — " }{ fill(t(CalcUi::Source), &[("source", s.source)]) }</span></li>
                    }) }
                </ol>
            </details>
            <div class="kw-row kw-actions">
                <button type="button" class="kw-button" onclick={copy}>{ t(CalcUi::Copy) }</button>
                <button type="button" class="kw-button kw-secondary" onclick={print}>{ t(CalcUi::Print) }</button>
            </div>
        </section>
    }
}

#[function_component(Calculator)]
pub fn calculator() -> Html {
    let env = use_env();
    let lang = env.lang;
    let form = use_reducer(Form::default);
    let status = use_state(|| None::<CalcUi>);
    let last_dose = use_context::<LastDoseCtx>();
    let dispatch = form.dispatcher();
    let t = |m: CalcUi| m.tr(lang);

    // `remember`: load once, then save every change (nothing is stored otherwise).
    {
        let dispatch = dispatch.clone();
        use_effect_with(env.remember, move |remember| {
            if *remember {
                let report = shared_repo().borrow_mut().load_all::<FormInput>();
                if let Some(saved) = report.records.into_iter().next() {
                    dispatch.dispatch(Action::Load(saved));
                }
            }
        });
    }
    {
        use_effect_with((env.remember, form.0.clone()), |(remember, input)| {
            if *remember {
                let _ = shared_repo().borrow_mut().put(input);
            }
        });
    }

    let out = use_memo((form.0.clone(), lang), |(input, lang)| evaluate(input, *lang));

    // Tell the host page and the other views about each new valid dose.
    {
        let host = env.host.clone();
        let last_dose = last_dose.clone();
        use_effect_with(out.plan.clone(), move |plan| {
            if let Some(ctx) = last_dose {
                ctx.set(plan.as_ref().map(|p| LastDose {
                    discard_mg_per_administration: p.discard_per_administration.value(),
                    administrations_per_day: p.administrations_per_day,
                    interval_days: p.interval_days,
                }));
            }
            if let (Some(plan), Some(host)) = (plan, host) {
                emit(&host, "kineret:dose", &plan_result(plan.clone()));
            }
        });
    }

    let input = &form.0;
    let show = |f: FormField| visible(input, f);
    let on_indication = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let v = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default();
            d.dispatch(Action::Indication(Indication::parse(&v)));
        })
    };
    let on_scr_unit = {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            let v = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()).map(|s| s.value()).unwrap_or_default();
            d.dispatch(Action::ScrUnit(if v == "umol" { ScrUnit::UmolL } else { ScrUnit::MgDl }));
        })
    };
    let ind_error = out.error(FormField::Indication);
    let age_label = if matches!(input.renal, RenalMode::Estimate) && input.method == EstimateMethod::Adult {
        t(CalcUi::AgeRequired)
    } else {
        t(CalcUi::Age)
    };

    html! {
        <section class="kw-calculator" aria-labelledby="kw-calc-h">
            <h3 id="kw-calc-h">{ t(CalcUi::Heading) }</h3>
            <p class="kw-hint">{ t(CalcUi::Intro) }</p>
            if env.remember { <p class="kw-hint">{ t(CalcUi::Remembered) }</p> }
            <form class="kw-form" novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="kw-field">
                    <label for={field_id(FormField::Indication)}>{ t(CalcUi::Indication) }</label>
                    <select id={field_id(FormField::Indication)} onchange={on_indication}
                        aria-describedby={ind_error.map(|_| error_id(FormField::Indication))}>
                        <option value="" selected={input.indication.is_none()}>{ t(CalcUi::ChooseIndication) }</option>
                        { for Indication::ALL.iter().map(|i| html! {
                            <option value={i.code()} selected={input.indication == Some(*i)}>{ i.tr(lang) }</option>
                        }) }
                    </select>
                    if let Some(msg) = ind_error { <p class="kw-error" id={error_id(FormField::Indication)}>{ msg }</p> }
                </div>
                if show(FormField::Weight) {
                    <div class="kw-row">
                        { number_field(FormField::Weight, t(CalcUi::Weight), &input.weight, &out, None, &dispatch) }
                        { radios("wunit", t(CalcUi::WeightUnit), vec![
                            (t(CalcUi::Kg), input.weight_unit == WeightUnit::Kg, on(&dispatch, || Action::WeightUnit(WeightUnit::Kg))),
                            (t(CalcUi::Lb), input.weight_unit == WeightUnit::Lb, on(&dispatch, || Action::WeightUnit(WeightUnit::Lb))),
                        ], None) }
                    </div>
                }
                if show(FormField::Dose) {
                    { number_field(FormField::Dose, t(CalcUi::Dose), &input.dose, &out, Some(t(CalcUi::DoseHint)), &dispatch) }
                    { radios("split", t(CalcUi::Split), vec![
                        (t(CalcUi::Once), input.split == Split::Once, on(&dispatch, || Action::Split(Split::Once))),
                        (t(CalcUi::Twice), input.split == Split::Twice, on(&dispatch, || Action::Split(Split::Twice))),
                    ], None) }
                }
                { number_field(FormField::Age, age_label, &input.age, &out, None, &dispatch) }
                { radios("renal", t(CalcUi::Kidney), vec![
                    (t(CalcUi::KidneyNotKnown), input.renal == RenalMode::NotKnown, on(&dispatch, || Action::Renal(RenalMode::NotKnown))),
                    (t(CalcUi::KidneyEnter), input.renal == RenalMode::Enter, on(&dispatch, || Action::Renal(RenalMode::Enter))),
                    (t(CalcUi::KidneyEstimate), input.renal == RenalMode::Estimate, on(&dispatch, || Action::Renal(RenalMode::Estimate))),
                    (t(CalcUi::KidneyEsrd), input.renal == RenalMode::Esrd, on(&dispatch, || Action::Renal(RenalMode::Esrd))),
                ], None) }
                if show(FormField::Crcl) {
                    { number_field(FormField::Crcl, t(CalcUi::Crcl), &input.crcl, &out, None, &dispatch) }
                }
                if input.renal == RenalMode::Estimate {
                    { radios("method", t(CalcUi::Method), vec![
                        (t(CalcUi::MethodAdult), input.method == EstimateMethod::Adult, on(&dispatch, || Action::Method(EstimateMethod::Adult))),
                        (t(CalcUi::MethodChild), input.method == EstimateMethod::Child, on(&dispatch, || Action::Method(EstimateMethod::Child))),
                    ], None) }
                    if show(FormField::Sex) {
                        { radios("sex", t(CalcUi::Sex), vec![
                            (t(CalcUi::Female), input.sex == Some(Sex::Female), on(&dispatch, || Action::Sex(Sex::Female))),
                            (t(CalcUi::Male), input.sex == Some(Sex::Male), on(&dispatch, || Action::Sex(Sex::Male))),
                        ], out.error(FormField::Sex).map(|m| (error_id(FormField::Sex), m))) }
                    }
                    if show(FormField::Height) {
                        { number_field(FormField::Height, t(CalcUi::Height), &input.height, &out, None, &dispatch) }
                    }
                    <div class="kw-row">
                        { number_field(FormField::Scr, t(CalcUi::Scr), &input.scr, &out, None, &dispatch) }
                        <div class="kw-field">
                            <label for="kw-calc-scr-unit">{ t(CalcUi::ScrUnit) }</label>
                            <select id="kw-calc-scr-unit" onchange={on_scr_unit}>
                                <option value="mgdl" selected={input.scr_unit == ScrUnit::MgDl}>{ "mg/dL" }</option>
                                <option value="umol" selected={input.scr_unit == ScrUnit::UmolL}>{ "µmol/L" }</option>
                            </select>
                        </div>
                    </div>
                    if let Some(e) = out.estimate {
                        <p class="kw-notice" role="status">{ fill(
                            t(if e.method == EstimateMethod::Adult { CalcUi::EstimateAdult } else { CalcUi::EstimateChild }),
                            &[("value", &fmt_number(e.value, 1, lang))],
                        ) }</p>
                    }
                }
            </form>
            <div class="kw-result-area" aria-live="polite">
                if let Some(plan) = &out.plan {
                    { result_card(plan, lang, &dispatch, &status) }
                } else if !out.errors.is_empty() {
                    <p class="kw-notice kw-caution">{ t(CalcUi::FixErrors) }</p>
                } else {
                    <p class="kw-notice">{ fill(t(CalcUi::ToSeeDose), &[("list", &out.missing.iter().map(|f| f.missing().tr(lang)).collect::<Vec<_>>().join("; "))]) }</p>
                }
            </div>
            <p class="kw-visually-hidden" role="status">{ status.map(|m| m.tr(lang)).unwrap_or("") }</p>
        </section>
    }
}
