//! The per-dose checklist: one labelled checkbox per step (radios for the
//! inspection), each with its source, and the run's outcome below.

use yew::prelude::*;

use super::model::Model;
use super::warmup::{self, Notify};
use crate::core::checklist::text::{fmt_num, ChecklistMsg};
use crate::core::checklist::timer::WarmUpMsg;
use crate::core::checklist::{stop_text, Inspection, Run, RunAction, Step};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::sites::Suggestion;

/// Id of the one refusal message (there is at most one at a time).
const ERR_ID: &str = "kw-ck-err";

pub struct Ctx<'a> {
    pub lang: Lang,
    pub model: &'a Model,
    pub now: i64,
    pub act: Callback<(RunAction, Option<Step>)>,
    pub notify: UseStateHandle<Notify>,
    pub suggestion: Suggestion,
}

fn source(lang: Lang, src: &str) -> Html {
    html! { <p class="kw-source">{ fill(ChecklistMsg::Source.tr(lang), &[("source", src)]) }</p> }
}

/// The refusal shown next to `target`, and the `aria-describedby` value for it.
fn refusal_for(c: &Ctx, target: Option<Step>) -> (Html, Option<AttrValue>) {
    match c.model.refusal {
        Some((t, r)) if t == target => (
            html! { <p id={ERR_ID} class="kw-error" role="alert">{ r.tr(c.lang) }</p> },
            Some(AttrValue::Static(ERR_ID)),
        ),
        _ => (html! {}, None),
    }
}

fn extra(c: &Ctx, step: Step) -> Html {
    let lang = c.lang;
    let run = &c.model.run;
    match step {
        Step::LaidFlat => html! {
            <>
                <p class="kw-hint">{ WarmUpMsg::Instruction.text(lang) }</p>
                { warmup::view(lang, run, c.now, &c.act, &c.notify) }
            </>
        },
        Step::SiteChosen => {
            let text = match c.suggestion {
                Suggestion::Zone { zone, .. } => fill(
                    ChecklistMsg::SiteSuggested.tr(lang),
                    &[("zone", zone.tr(lang)), ("reason", &c.suggestion.reason(lang))],
                ),
                Suggestion::NoneAvailable => c.suggestion.reason(lang),
            };
            html! { <p class="kw-ck-info">{ text }</p> }
        }
        Step::RemainderDiscarded => match run.discard_mg {
            Some(mg) if mg > 0.0 => html! {
                <p class="kw-ck-info kw-ck-discard">
                    { fill(ChecklistMsg::DiscardMg.tr(lang), &[("mg", &fmt_num(mg))]) }
                </p>
            },
            Some(_) => html! { <p class="kw-ck-info">{ ChecklistMsg::DiscardNone.tr(lang) }</p> },
            None => html! {},
        },
        _ => html! {},
    }
}

fn inspection(c: &Ctx, closed: bool) -> Html {
    let lang = c.lang;
    let run = &c.model.run;
    let (err, described) = refusal_for(c, Some(Step::Inspected));
    let radio = |choice: Inspection, code: &'static str| {
        let id = if code == "ok" { "kw-ck-insp-ok" } else { "kw-ck-insp-bad" };
        let onchange = c.act.reform(move |_| (RunAction::Inspect(choice), Some(Step::Inspected)));
        html! {
            <div class="kw-ck-row">
                <input type="radio" name="kw-ck-inspect" {id} value={code}
                    checked={run.inspection == Some(choice)} disabled={closed}
                    aria-describedby={described.clone()} {onchange} />
                <label for={id}>{ choice.tr(lang) }</label>
            </div>
        }
    };
    let state = if run.is_ticked(Step::Inspected) { "kw-ck-step kw-ck-done" } else { "kw-ck-step" };
    html! {
        <li class={state}>
            <fieldset class="kw-ck-inspect">
                <legend>{ Step::Inspected.label(lang) }{ ": " }{ ChecklistMsg::InspectQuestion.tr(lang) }</legend>
                { radio(Inspection::ClearOk, "ok") }
                { radio(Inspection::CloudyDiscoloredParticles, "bad") }
            </fieldset>
            { err }
            { source(lang, Step::Inspected.source()) }
        </li>
    }
}

fn step_item(c: &Ctx, step: Step, closed: bool) -> Html {
    if step == Step::Inspected {
        return inspection(c, closed);
    }
    let lang = c.lang;
    let ticked = c.model.run.is_ticked(step);
    let id = AttrValue::from(ID[step.index()]);
    let (err, described) = refusal_for(c, Some(step));
    let onchange = c.act.reform(move |_| {
        let action = if ticked { RunAction::Untick(step) } else { RunAction::Tick(step) };
        (action, Some(step))
    });
    html! {
        <li class={if ticked { "kw-ck-step kw-ck-done" } else { "kw-ck-step" }}>
            <div class="kw-ck-row">
                <input type="checkbox" id={id.clone()} checked={ticked} disabled={closed}
                    aria-describedby={described} {onchange} />
                <label for={id}>{ step.label(lang) }</label>
            </div>
            { err }
            { source(lang, step.source()) }
            { extra(c, step) }
        </li>
    }
}

const ID: [&str; 9] = [
    "kw-ck-expiry",
    "kw-ck-out",
    "kw-ck-flat",
    "kw-ck-inspect",
    "kw-ck-hands",
    "kw-ck-site",
    "kw-ck-injected",
    "kw-ck-sharps",
    "kw-ck-discard",
];

fn outcome(c: &Ctx, run: &Run) -> Html {
    let lang = c.lang;
    let new_run = {
        let discard = run.discard_mg;
        let onclick = c.act.reform(move |_| (RunAction::NewRun { discard_mg: discard }, None));
        html! {
            <button type="button" class="kw-button" {onclick}>{ ChecklistMsg::NewRun.tr(lang) }</button>
        }
    };
    if run.completed_ms.is_some() {
        return html! {
            <>
                <p class="kw-notice kw-ok kw-ck-complete" role="status">
                    <strong>{ "✓ " }{ ChecklistMsg::Completed.tr(lang) }</strong>
                </p>
                { new_run }
            </>
        };
    }
    if let Some(reason) = run.stopped {
        let (title, text, src) = stop_text(reason, lang);
        return html! {
            <>
                <div class="kw-notice kw-danger kw-ck-stop" role="alert">
                    <strong>{ "✕ " }{ title }</strong>
                    <p>{ text }</p>
                    { source(lang, src) }
                </div>
                { new_run }
            </>
        };
    }
    let (err, described) = refusal_for(c, None);
    let onclick = c.act.reform(|_| (RunAction::Complete, None));
    html! {
        <>
            { err }
            <button type="button" class="kw-button" aria-describedby={described} {onclick}>
                { ChecklistMsg::CompleteButton.tr(lang) }
            </button>
        </>
    }
}

pub fn view(c: &Ctx) -> Html {
    let run = &c.model.run;
    let closed = run.is_closed();
    html! {
        <div class="kw-ck">
            <h4 id="kw-ck-title">{ ChecklistMsg::Title.tr(c.lang) }</h4>
            <ol class="kw-ck-steps" aria-labelledby="kw-ck-title">
                { for Step::ALL.iter().map(|&s| step_item(c, s, closed)) }
            </ol>
            <div class="kw-ck-end">{ outcome(c, run) }</div>
        </div>
    }
}
