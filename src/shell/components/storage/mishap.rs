//! Storage status (the fridge range in the user's unit) and the "something
//! went wrong" helper: every outcome comes from `excursion::assess` under the
//! region's profile, with its source.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::attrs::Region;
use crate::core::checklist::excursion::{
    assess, mishap_from_form, profile, storage_text, FormErrors, MishapKind, Outcome, FRIDGE,
};
use crate::core::checklist::text::ChecklistMsg;
use crate::core::checklist::{Severity, TempUnit};
use crate::core::i18n::{fill, Lang, Translate};

/// The helper's form. `result` is set when the user asks (and cleared when
/// an entry changes), so the answer never lags behind what is typed.
#[derive(Clone, Default, PartialEq)]
pub struct Form {
    pub kind: Option<MishapKind>,
    pub hours: String,
    pub temp: String,
    pub earlier: bool,
    pub result: Option<Result<Outcome, FormErrors>>,
}

fn source(lang: Lang, src: &str) -> Html {
    html! { <p class="kw-source">{ fill(ChecklistMsg::Source.tr(lang), &[("source", src)]) }</p> }
}

fn region_line(lang: Lang, region: Region) -> &'static str {
    match region {
        Region::Us => ChecklistMsg::RegionUs.tr(lang),
        Region::Eu => ChecklistMsg::RegionEu.tr(lang),
    }
}

pub fn storage_status(lang: Lang, region: Region, unit: TempUnit) -> Html {
    html! {
        <div class="kw-card kw-st-card">
            <h4>{ ChecklistMsg::StorageTitle.tr(lang) }</h4>
            <p>{ storage_text(lang, unit) }</p>
            <p class="kw-source">
                { fill(ChecklistMsg::Source.tr(lang), &[("source", FRIDGE.source)]) }
                { " · " }{ region_line(lang, region) }
            </p>
        </div>
    }
}

fn outcome_html(lang: Lang, unit: TempUnit, o: &Outcome) -> Html {
    let (class, word) = match o.severity {
        Severity::Ok => ("kw-notice kw-ok", ChecklistMsg::SevOk),
        Severity::Caution => ("kw-notice kw-caution", ChecklistMsg::SevCaution),
        Severity::DoNotUse => ("kw-notice kw-danger", ChecklistMsg::SevDoNotUse),
    };
    let sym = match o.severity {
        Severity::Ok => "✓ ",
        Severity::Caution => "! ",
        Severity::DoNotUse => "✕ ",
    };
    let note = o.note_text(lang, unit).map(|(text, src)| {
        html! { <><p>{ text }</p>{ source(lang, src) }</> }
    });
    html! {
        <div class={class}>
            <strong>{ sym }{ word.tr(lang) }</strong>
            <p>{ o.text(lang, unit) }</p>
            if !o.source.is_empty() { { source(lang, o.source) } }
            { for note }
        </div>
    }
}

/// Text input with its label and, when invalid, its error (aria-describedby).
fn field(
    id: &'static str,
    label: String,
    value: &str,
    error: Option<&'static str>,
    oninput: Callback<InputEvent>,
) -> Html {
    let err_id = if id == "kw-mh-hours" { "kw-mh-hours-err" } else { "kw-mh-temp-err" };
    html! {
        <div class="kw-field">
            <label for={id}>{ label }</label>
            <input type="text" inputmode="decimal" autocomplete="off" {id} value={value.to_string()}
                aria-invalid={error.map(|_| "true")} aria-describedby={error.map(|_| err_id)} {oninput} />
            if let Some(e) = error { <p id={err_id} class="kw-error">{ e }</p> }
        </div>
    }
}

pub fn view(lang: Lang, region: Region, unit: TempUnit, form: UseStateHandle<Form>) -> Html {
    let f = (*form).clone();
    let update = |change: fn(&mut Form, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            change(&mut next, e.target_unchecked_into::<HtmlInputElement>().value());
            next.result = None;
            form.set(next);
        })
    };
    let choose = |kind: MishapKind| {
        let form = form.clone();
        Callback::from(move |_: Event| {
            let mut next = (*form).clone();
            next.kind = Some(kind);
            // Only "left out" needs more answers; the others are decided now.
            next.result = (kind != MishapKind::OutOfFridge)
                .then(|| mishap_from_form(kind, "", "", unit, false).map(|m| assess(m, profile(region))));
            form.set(next);
        })
    };
    let onsubmit = {
        let form = form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut next = (*form).clone();
            if let Some(kind) = next.kind {
                next.result =
                    Some(mishap_from_form(kind, &next.hours, &next.temp, unit, next.earlier).map(|m| assess(m, profile(region))));
            }
            form.set(next);
        })
    };
    let on_earlier = {
        let form = form.clone();
        Callback::from(move |_: Event| {
            let mut next = (*form).clone();
            next.earlier = !next.earlier;
            next.result = None;
            form.set(next);
        })
    };
    let errors = match &f.result {
        Some(Err(e)) => *e,
        _ => FormErrors::default(),
    };
    let out_fields = if f.kind == Some(MishapKind::OutOfFridge) {
        html! {
            <>
                { field("kw-mh-hours", ChecklistMsg::HoursLabel.tr(lang).to_string(), &f.hours,
                    errors.hours.map(|e| e.tr(lang)), update(|f, v| f.hours = v)) }
                { field("kw-mh-temp", fill(ChecklistMsg::TempLabel.tr(lang), &[("unit", unit.symbol())]), &f.temp,
                    errors.temp.map(|e| e.tr(lang)), update(|f, v| f.temp = v)) }
                <div class="kw-ck-row">
                    <input type="checkbox" id="kw-mh-earlier" checked={f.earlier} onchange={on_earlier} />
                    <label for="kw-mh-earlier">{ ChecklistMsg::EarlierLabel.tr(lang) }</label>
                </div>
                <button type="submit" class="kw-button">{ ChecklistMsg::CheckButton.tr(lang) }</button>
            </>
        }
    } else {
        html! {}
    };
    let result = match &f.result {
        Some(Ok(o)) => outcome_html(lang, unit, o),
        _ => html! {},
    };
    html! {
        <form class="kw-mh" aria-labelledby="kw-mh-title" novalidate=true {onsubmit}>
            <h4 id="kw-mh-title">{ ChecklistMsg::MishapTitle.tr(lang) }</h4>
            <p class="kw-hint">{ region_line(lang, region) }</p>
            <fieldset>
                <legend>{ ChecklistMsg::MishapQuestion.tr(lang) }</legend>
                { for MishapKind::ALL.iter().map(|&k| {
                    let id = AttrValue::from(match k {
                        MishapKind::OutOfFridge => "kw-mh-out",
                        MishapKind::Frozen => "kw-mh-frozen",
                        MishapKind::LeftInLight => "kw-mh-light",
                        MishapKind::PastExpiry => "kw-mh-expired",
                        MishapKind::Foamy => "kw-mh-foamy",
                    });
                    html! {
                        <div class="kw-ck-row">
                            <input type="radio" name="kw-mh-kind" id={id.clone()} value={k.code()}
                                checked={f.kind == Some(k)} onchange={choose(k)} />
                            <label for={id}>{ k.tr(lang) }</label>
                        </div>
                    }
                }) }
            </fieldset>
            { out_fields }
            <div class="kw-mh-result" aria-live="polite">{ result }</div>
        </form>
    }
}
