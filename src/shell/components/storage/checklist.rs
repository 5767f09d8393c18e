//! The per-dose checklist: one labelled checkbox per step (radios for the
//! inspection), each with its source, and the run's outcome below. The
//! controls' events reach the view's one delegated handler (`super::handle`)
//! by their ids; text is escaped markup (`Markup`).

use yew::prelude::*;

use super::model::Model;
use super::{input_label, list, raw, source, warmup};
use crate::core::checklist::text::ChecklistMsg;
use crate::core::checklist::timer::WarmUpMsg;
use crate::core::attrs::Region;
use crate::core::facts::join_sources;
use crate::core::checklist::guard::{guard_facts, guard_text, needs_confirmation, Guard, GuardMsg};
use crate::core::checklist::steps::discard_note;
use crate::core::checklist::{missing_step_text, stop_text, DoseSchedule, Inspection, PrepPlan, Refusal, Run, Step};
use crate::core::dose::syringe::{open_row, partial_picture};
use crate::core::i18n::{fill, source_text, Lang, Translate};
use crate::core::markup::Markup;
use crate::core::sites::rotation::disabled_reason;
use crate::core::sites::{Suggestion, ZoneId};
use crate::shell::components::classed;

/// Id of the one refusal message (there is at most one at a time).
const ERR_ID: &str = "kw-ck-err";

/// Checkbox ids, in `Step::ALL` order ("kw-ck-inspect" is not used: the
/// inspection is a pair of radios, `kw-ck-insp-ok` and `kw-ck-insp-bad`).
pub const ID: [&str; 10] = [
    "kw-ck-expiry",
    "kw-ck-out",
    "kw-ck-flat",
    "kw-ck-inspect",
    "kw-ck-hands",
    "kw-ck-site",
    "kw-ck-partial",
    "kw-ck-injected",
    "kw-ck-sharps",
    "kw-ck-discard",
];

/// Button ids (handled by `super::handle`).
pub const NEW_RUN: &str = "kw-ck-new";
/// The stop box (focused when a step's answer stops the run).
pub const STOP_ID: &str = "kw-ck-stop";
pub const STOP_SELECTOR: &str = "#kw-ck-stop";
pub const COMPLETE: &str = "kw-ck-record";
/// "Record another dose anyway" (past the double-dose guard).
pub const RECORD_ANYWAY: &str = "kw-ck-record-anyway";
/// "Start another dose anyway" (the guard before the checklist starts).
pub const START_ANYWAY: &str = "kw-ck-start-anyway";
/// The site picker.
pub const ZONE_ID: &str = "kw-ck-zone";

/// The control to focus for `step` (the inspection is a pair of radios).
pub fn focus_selector(step: Step) -> String {
    let id = if step == Step::Inspected { "kw-ck-insp-ok" } else { ID[step.index()] };
    format!("#{id}")
}

pub struct Ctx<'a> {
    pub lang: Lang,
    pub region: Region,
    pub model: &'a Model,
    pub now: i64,
    /// Syringe count from the calculator's last dose (PREP-COUNT); the
    /// partial amount comes from the run's mg to discard.
    pub syringes: u32,
    /// The double-dose guard for one more dose now.
    pub guard: Guard,
    pub schedule: DoseSchedule,
    /// The site the picker shows: the run's choice, else the suggestion.
    pub site: Option<ZoneId>,
    /// Formats a time of day like the rest of the view.
    pub time: &'a dyn Fn(i64) -> String,
}

impl Ctx<'_> {
    fn plan(&self) -> PrepPlan {
        PrepPlan { syringes: self.syringes, discard_mg: self.model.run.discard_mg }
    }
}

/// The card's one "Sources" toggle: every source once, with the fact IDs
/// citing it (instead of a source line after every step).
fn sources(h: &mut Markup, lang: Lang, facts: impl Iterator<Item = crate::core::facts::Fact>) {
    h.m(r#"<details class="kw-sources"><summary>"#).t(crate::core::dose::labels::CalcUi::Sources.tr(lang));
    h.m(r#"</summary><ul class="kw-source-list">"#);
    for (src, ids) in crate::core::facts::source_groups(facts, None) {
        h.m("<li>").t(&source_text(&src, lang)).t(" (").t(&ids.join(", ")).m(")</li>");
    }
    h.m("</ul></details>");
}

/// The refusal shown next to `target`, and the `aria-describedby` value for it.
fn refusal_for(c: &Ctx, target: Option<Step>) -> (Html, Option<AttrValue>) {
    match c.model.refusal {
        Some((t, r)) if t == target => {
            let mut h = Markup::default();
            h.m(r#"<p id="kw-ck-err" class="kw-error" role="alert">"#).t(r.tr(c.lang)).m("</p>");
            (raw(&mut h), Some(AttrValue::Static(ERR_ID)))
        }
        _ => (html! {}, None),
    }
}

/// The text under a step (its source is in the card's one "Sources" list).
fn extra(h: &mut Markup, c: &Ctx, step: Step) {
    let lang = c.lang;
    if let Some(hint) = step.hint(lang) {
        h.m(r#"<p class="kw-hint">"#).t(hint).m("</p>");
    }
    let text = match step {
        Step::PartialPrepared => {
            // PREP-PARTIAL: the syringe being prepared, target and push-out marked.
            open_row(h, lang);
            partial_picture(h, c.syringes, c.model.run.discard_mg, lang);
            h.m("</div>");
            return;
        }
        Step::LaidFlat => {
            h.m(r#"<p class="kw-hint">"#).t(&WarmUpMsg::Instruction.text(lang)).m("</p>");
            return;
        }
        Step::SiteChosen => match c.suggestion() {
            s @ Suggestion::Zone { zone, .. } => {
                fill(ChecklistMsg::SiteSuggested.tr(lang), &[("zone", zone.tr(lang)), ("reason", &s.reason(lang))])
            }
            s @ Suggestion::NoneAvailable => s.reason(lang),
        },
        Step::RemainderDiscarded => match (discard_note(c.plan(), lang), c.model.run.discard_mg) {
            (Some(note), Some(mg)) if mg > 0.0 => {
                h.m(r#"<p class="kw-ck-info kw-ck-discard">"#).t(&note).m("</p>");
                return;
            }
            (Some(note), _) => note,
            (None, _) => return,
        },
        _ => return,
    };
    h.m(r#"<p class="kw-ck-info">"#).t(&text).m("</p>");
}

impl Ctx<'_> {
    fn suggestion(&self) -> Suggestion {
        self.model.sites.suggestion
    }
}

fn step_class(run: &Run, step: Step) -> &'static str {
    if run.not_applicable(step) {
        "kw-ck-step kw-ck-na"
    } else if run.stopped_at() == Some(step) {
        "kw-ck-step kw-ck-stopped"
    } else if run.is_ticked(step) {
        "kw-ck-step kw-ck-done"
    } else {
        "kw-ck-step"
    }
}

/// The stop box, right under the step that caused it, with "Start a new
/// dose". `role=alert` announces it; `tabindex=-1` lets the handler move
/// focus to it (the control that was used is disabled by the stop).
fn stop_box(h: &mut Markup, lang: Lang, region: Region, run: &Run) -> Html {
    let Some(reason) = run.stopped else { return html! {} };
    let (title, text, src) = stop_text(reason, lang, region);
    h.m(r#"<strong>✕ "#).t(title).m("</strong><p>").t(text).m("</p>");
    source(h, lang, &src);
    html! {
        <div id={STOP_ID} class="kw-notice kw-danger kw-ck-stop" role="alert" tabindex="-1">
            { raw(h) }
            <button type="button" class="kw-button" id={NEW_RUN}>{ ChecklistMsg::NewRun.tr(lang) }</button>
        </div>
    }
}

fn inspection(c: &Ctx, closed: bool) -> Html {
    let lang = c.lang;
    let run = &c.model.run;
    let (err, described) = refusal_for(c, Some(Step::Inspected));
    let mut h = Markup::default();
    h.m("<legend>").t(&Step::Inspected.label_for(lang, c.plan())).t(": ").t(ChecklistMsg::InspectQuestion.tr(lang)).m("</legend>");
    let legend = raw(&mut h);
    let mut radios = vec![legend];
    for (choice, id, code) in
        [(Inspection::ClearOk, "kw-ck-insp-ok", "ok"), (Inspection::CloudyDiscoloredParticles, "kw-ck-insp-bad", "bad")]
    {
        radios.push(html! {
            <div class="kw-ck-row">
                { input_label("radio", "kw-ck-inspect", id, code, run.inspection == Some(choice), closed, described.clone(), choice.tr(lang)) }
            </div>
        });
    }
    if let Some(hint) = Step::Inspected.hint(lang) {
        h.m(r#"<p class="kw-hint">"#).t(hint).m("</p>");
    }
    let src = raw(&mut h);
    let stop = if run.stopped_at() == Some(Step::Inspected) { stop_box(&mut h, lang, c.region, run) } else { html! {} };
    classed(
        step_class(run, Step::Inspected),
        html! {
            <li>
                <fieldset class="kw-ck-inspect">{ list(radios) }</fieldset>
                { err }
                { src }
                { stop }
            </li>
        },
    )
}

fn step_item(c: &Ctx, step: Step, closed: bool) -> Html {
    if step == Step::Inspected {
        return inspection(c, closed);
    }
    let lang = c.lang;
    let run = &c.model.run;
    if !run.applies(step) {
        return html! {};
    }
    let ticked = run.is_ticked(step);
    let (err, described) = refusal_for(c, Some(step));
    let mut h = Markup::default();
    match run.stopped_at().filter(|_| run.not_applicable(step)) {
        Some(at) => {
            let n = (at.index() + 1).to_string();
            h.m(r#"<p class="kw-hint">"#).t(&fill(ChecklistMsg::NotApplicable.tr(lang), &[("step", &n)])).m("</p>");
        }
        None => extra(&mut h, c, step),
    }
    let warm = match step {
        Step::LaidFlat => warmup::view(lang, run, c.now, c.model.notify),
        Step::SiteChosen => site_picker(c, closed),
        _ => html! {},
    };
    classed(
        step_class(run, step),
        html! {
            <li>
                <div class="kw-ck-row">
                    { input_label("checkbox", "", ID[step.index()], "", ticked, closed, described, &step.label_for(lang, c.plan())) }
                </div>
                { err }
                { raw(&mut h) }
                { warm }
            </li>
        },
    )
}

/// The injection site of this dose (one dose, one record: it is logged in the
/// injection log when the dose is recorded); the zones of the site log
/// (SITE-ZONES) the injector may use, the suggestion (SITE-ROTATE) first chosen.
fn site_picker(c: &Ctx, closed: bool) -> Html {
    let lang = c.lang;
    let injector = c.model.sites.injector;
    let options: Vec<Html> = ZoneId::ALL
        .into_iter()
        .filter(|&z| disabled_reason(z, injector).is_none())
        .map(|z| html! { <option value={z.as_str()} selected={c.site == Some(z)}>{ z.tr(lang) }</option> })
        .collect();
    html! {
        <div class="kw-field kw-ck-zone">
            <label for={ZONE_ID}>{ ChecklistMsg::ZoneLabel.tr(lang) }</label>
            <select id={ZONE_ID} disabled={closed}>{ list(options) }</select>
        </div>
    }
}

/// The double-dose guard's box with its one way on (`button`: start or record
/// another dose anyway).
fn guard_box(c: &Ctx, button: &'static str) -> Html {
    let lang = c.lang;
    let Some(text) = guard_text(c.guard, c.schedule, lang, c.time) else { return html! {} };
    let mut h = Markup::default();
    h.m(r#"<p><strong>! "#).t(&text).m("</strong></p><p>").t(GuardMsg::Advice.tr(lang)).m("</p>");
    source(&mut h, lang, &join_sources(&guard_facts(c.schedule), Some(c.region)));
    let label = if button == START_ANYWAY { GuardMsg::StartAnyway } else { GuardMsg::RecordAnyway };
    html! {
        <div class="kw-notice kw-caution kw-ck-guard">
            { raw(&mut h) }
            <button type="button" class="kw-button kw-secondary" id={button}>{ label.tr(lang) }</button>
        </div>
    }
}

fn outcome(c: &Ctx, run: &Run) -> Html {
    let lang = c.lang;
    let mut h = Markup::default();
    if run.completed_ms.is_some() {
        h.m(r#"<p class="kw-notice kw-ok kw-ck-complete" role="status"><strong>✓ "#);
        h.t(ChecklistMsg::Completed.tr(lang)).m("</strong></p>");
    } else if run.stopped.is_some() {
        // Shown under the step that stopped the run (`stop_box`).
        return html! {};
    } else {
        let (err, described) = match c.model.refusal {
            // Name the first missing step (the handler moves focus to it).
            Some((None, Refusal::StepsMissing)) => match missing_step_text(run, c.plan(), lang) {
                Some((_, text)) => {
                    h.m(r#"<p id="kw-ck-err" class="kw-error" role="alert">"#).t(&text).m("</p>");
                    (raw(&mut h), Some(AttrValue::Static(ERR_ID)))
                }
                None => refusal_for(c, None),
            },
            _ => refusal_for(c, None),
        };
        if needs_confirmation(c.guard, run) {
            // Recording another dose today needs an explicit confirmation.
            return html! { <>{ err }{ guard_box(c, RECORD_ANYWAY) }</> };
        }
        return html! {
            <>
                { err }
                <button type="button" class="kw-button" id={COMPLETE} aria-describedby={described}>
                    { ChecklistMsg::CompleteButton.tr(lang) }
                </button>
            </>
        };
    }
    html! {
        <>
            { raw(&mut h) }
            <button type="button" class="kw-button" id={NEW_RUN}>{ ChecklistMsg::NewRun.tr(lang) }</button>
        </>
    }
}

pub fn view(c: &Ctx) -> Html {
    let run = &c.model.run;
    let closed = run.is_closed();
    let mut items = Vec::with_capacity(Step::ALL.len());
    for s in Step::ALL {
        items.push(step_item(c, s, closed));
    }
    let mut h = Markup::default();
    h.m(r#"<h4 id="kw-ck-title" tabindex="-1">"#).t(ChecklistMsg::Title.tr(c.lang)).m("</h4>");
    if needs_confirmation(c.guard, run) && !run.started() {
        // Before the checklist starts: the guard, and the steps only after
        // "Start another dose anyway".
        return html! {
            <div class="kw-ck">
                { raw(&mut h) }
                { guard_box(c, START_ANYWAY) }
            </div>
        };
    }
    let title = raw(&mut h);
    sources(&mut h, c.lang, Step::ALL.iter().filter(|s| run.applies(**s)).flat_map(|s| s.facts().iter().copied()));
    let sources = raw(&mut h);
    html! {
        <div class="kw-ck">
            { title }
            <ol class="kw-ck-steps" aria-labelledby="kw-ck-title">{ list(items) }</ol>
            { sources }
            <div class="kw-ck-end">{ outcome(c, run) }</div>
        </div>
    }
}
