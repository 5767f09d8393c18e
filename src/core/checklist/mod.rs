//! The per-dose preparation checklist: one [`Run`] per dose, driven by a pure
//! reducer ([`reduce`]). Times are UTC epoch milliseconds passed in by the
//! caller (the shell reads them from `core::clock`).

pub mod excursion;
pub mod guard;
pub mod history;
pub mod steps;
pub mod store;
pub mod text;
pub mod timer;

use serde::{Deserialize, Serialize};

use crate::core::facts::Fact;
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::sites::ZoneId;
use crate::messages;

pub use excursion::{Region, Severity, TempUnit};
pub use history::{history_strip, DayCell, DayState, DoseSchedule};
pub use steps::{PrepPlan, Step};
pub use timer::{warm_up_status, WarmUp};

/// What the liquid looked like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inspection {
    /// Clear and colorless to white (a few small translucent-to-white particles are normal; US PI 16).
    ClearOk,
    /// Cloudy, discolored, or many particles / chunks: stop.
    CloudyDiscoloredParticles,
}

crate::wire_enum!(Inspection {
    ClearOk => "clearOk",
    CloudyDiscoloredParticles => "cloudyDiscoloredParticles",
});

/// The inspection rule (PREP-INSPECT; the normal particles: PROD-LOOK).
pub const INSPECTION_FACT: Fact = Fact::PrepInspect;

impl Translate for Inspection {
    crate::text_slots!(Inspection);
    fn en(self) -> &'static str {
        match self {
            Inspection::ClearOk => "Clear and colorless to white (a few small translucent-to-white particles are normal)",
            Inspection::CloudyDiscoloredParticles => "Cloudy, discolored, or with many particles or chunks",
        }
    }

    fn es(self) -> &'static str {
        match self {
            Inspection::ClearOk => "Transparente, de incoloro a blanco (unas pocas partículas pequeñas, de translúcidas a blancas, son normales)",
            Inspection::CloudyDiscoloredParticles => "Turbio, con cambio de color, o con muchas partículas o grumos",
        }
    }
}

/// Why a run was stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    InspectionFailed,
}

crate::wire_enum!(StopReason { InspectionFailed => "inspectionFailed" });

impl StopReason {
    pub fn fact(self) -> Fact {
        match self {
            StopReason::InspectionFailed => INSPECTION_FACT,
        }
    }

    /// The step whose answer stopped the run (the stop is shown under it).
    pub fn step(self) -> Step {
        match self {
            StopReason::InspectionFailed => Step::Inspected,
        }
    }
}

impl Translate for StopReason {
    crate::text_slots!(StopReason);
    fn en(self) -> &'static str {
        match self {
            StopReason::InspectionFailed => "Do not use this syringe. Ask your pharmacist or healthcare provider.",
        }
    }

    fn es(self) -> &'static str {
        match self {
            StopReason::InspectionFailed => "No use esta jeringa precargada. Consulte a su farmacéutico(a) o profesional de la salud.",
        }
    }
}

/// Tick state of one step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepState {
    pub step: Step,
    /// When it was ticked; `None` while unticked.
    pub ticked_ms: Option<i64>,
}

crate::wire_struct!(StepState { step: "step" } default { ticked_ms: "tickedMs" });

/// One preparation run = one dose.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub id: String,
    pub started_ms: i64,
    /// One entry per [`Step`], in [`Step::ALL`] order (see [`Run::normalized`]).
    pub steps: Vec<StepState>,
    /// When "taken out of the fridge" was ticked: the warm-up start.
    pub out_of_fridge_ms: Option<i64>,
    pub inspection: Option<Inspection>,
    /// The user confirmed the syringe is warm before the timer ended.
    pub warm_up_overridden: bool,
    /// Set by [`RunAction::Complete`]: the moment the dose counts as taken.
    pub completed_ms: Option<i64>,
    pub stopped: Option<StopReason>,
    /// mg of the syringe to throw away (from the dose calculator), if known.
    pub discard_mg: Option<f64>,
    /// The user confirmed "another dose anyway" past the double-dose guard
    /// (`guard`; MISSED: never double up on your own).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub extra_dose_confirmed: bool,
    /// The injection site chosen in the checklist; logged in the injection
    /// log when the dose is recorded (one dose, one record).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<ZoneId>,
}

crate::wire_struct!(Run {
    id: "id",
    started_ms: "startedMs",
    steps: "steps",
} default {
    out_of_fridge_ms: "outOfFridgeMs",
    inspection: "inspection",
    warm_up_overridden: "warmUpOverridden",
    completed_ms: "completedMs",
    stopped: "stopped",
    discard_mg: "discardMg",
    extra_dose_confirmed: "extraDoseConfirmed",
    site: "site",
});

/// Everything the user can do to a run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RunAction {
    Tick(Step),
    Untick(Step),
    Inspect(Inspection),
    /// "It has already been at room temperature for 30 minutes": ticks
    /// [`Step::LaidFlat`] before the timer ends, which stops the timer
    /// (PREP-WARM).
    OverrideWarmUp,
    /// "Another dose anyway", past the double-dose guard.
    ConfirmExtraDose,
    /// The injection site chosen for this dose.
    ChooseSite(ZoneId),
    Complete,
    /// Throw this run away and start a fresh one (also the "reset").
    NewRun { discard_mg: Option<f64> },
    /// The dose calculator computed (or cleared) the mg to discard while this
    /// run is open. Ignored values: negative or not finite (stored as `None`).
    SetDiscard(Option<f64>),
}

messages! {
    /// Why an action was refused.
    pub enum Refusal {
        RunClosed => [
            "This dose is finished. Start a new one.",
            "Esta dosis ya terminó. Empiece una nueva.",
        ],
        UseInspect => [
            "Choose what the liquid looks like.",
            "Elija cómo se ve el líquido.",
        ],
        InspectFirst => [
            "Inspect the liquid first: the injection can only be ticked after the liquid passed the check.",
            "Primero revise el líquido: la inyección solo se puede marcar después de que el líquido pase la revisión.",
        ],
        OutOfFridgeFirst => [
            "First tick that the syringe was taken out of the refrigerator; the warm-up timer starts then.",
            "Primero marque que sacó la jeringa del refrigerador (nevera); el temporizador empieza entonces.",
        ],
        WarmUpRunning => [
            "The syringe has not been at room temperature for 30 minutes yet. Wait for the timer, or confirm it is already warm.",
            "La jeringa aún no lleva 30 minutos a temperatura ambiente. Espere al temporizador o confirme que ya está a temperatura ambiente.",
        ],
        AlreadyInjected => [
            "The injection is already ticked; earlier preparation steps can no longer change.",
            "La inyección ya está marcada; los pasos de preparación anteriores ya no pueden cambiar.",
        ],
        StepsMissing => [
            "Some steps are not ticked yet.",
            "Aún faltan pasos por marcar.",
        ],

    }
}

impl Run {
    /// A fresh run started at `now_ms`. The id is derived from the start time.
    pub fn new(now_ms: i64, discard_mg: Option<f64>) -> Run {
        Run {
            id: format!("run-{now_ms}"),
            started_ms: now_ms,
            steps: Step::ALL.iter().map(|&step| StepState { step, ticked_ms: None }).collect(),
            out_of_fridge_ms: None,
            inspection: None,
            warm_up_overridden: false,
            completed_ms: None,
            stopped: None,
            discard_mg,
            extra_dose_confirmed: false,
            site: None,
        }
    }

    /// Repairs a run read from storage: exactly one entry per step, in order
    /// (unknown order or missing steps from an older version are fixed).
    pub fn normalized(mut self) -> Run {
        let steps = Step::ALL
            .iter()
            .map(|&step| StepState { step, ticked_ms: self.ticked_ms(step) })
            .collect();
        self.steps = steps;
        self
    }

    /// When `step` was ticked, if it is.
    pub fn ticked_ms(&self, step: Step) -> Option<i64> {
        self.steps.iter().find(|s| s.step == step).and_then(|s| s.ticked_ms)
    }

    pub fn is_ticked(&self, step: Step) -> bool {
        self.ticked_ms(step).is_some()
    }

    /// Whether `step` is part of this dose: the partial-dose step only when
    /// the (last) syringe is not used whole (PREP-PARTIAL).
    pub fn applies(&self, step: Step) -> bool {
        step != Step::PartialPrepared || PrepPlan { syringes: 1, discard_mg: self.discard_mg }.partial()
    }

    /// Steps that apply and are not ticked yet, in order.
    pub fn missing_steps(&self) -> Vec<Step> {
        Step::ALL.iter().copied().filter(|&s| self.applies(s) && !self.is_ticked(s)).collect()
    }

    /// Any step ticked: the checklist has started.
    pub fn started(&self) -> bool {
        self.steps.iter().any(|s| s.ticked_ms.is_some())
    }

    /// Completed or stopped: no more changes except [`RunAction::NewRun`].
    pub fn is_closed(&self) -> bool {
        self.completed_ms.is_some() || self.stopped.is_some()
    }

    /// The step that stopped the run, if it was stopped.
    pub fn stopped_at(&self) -> Option<Step> {
        self.stopped.map(StopReason::step)
    }

    /// A step after the one that stopped the run: it no longer applies to
    /// this syringe (until a new dose is started).
    pub fn not_applicable(&self, step: Step) -> bool {
        self.stopped_at().is_some_and(|at| step.index() > at.index())
    }

    /// Warm-up state, if the syringe is out of the fridge.
    pub fn warm_up(&self, now_ms: i64) -> Option<WarmUp> {
        self.out_of_fridge_ms.map(|out| warm_up_status(out, now_ms))
    }

    fn set(&mut self, step: Step, ticked_ms: Option<i64>) {
        match self.steps.iter_mut().find(|s| s.step == step) {
            Some(s) => s.ticked_ms = ticked_ms,
            None => self.steps.push(StepState { step, ticked_ms }),
        }
    }
}

/// Why the dose cannot be recorded yet, naming the first missing step and
/// its number as shown (steps that do not apply are not numbered); `None`
/// when nothing is missing.
pub fn missing_step_text(run: &Run, plan: PrepPlan, lang: Lang) -> Option<(Step, String)> {
    let step = *run.missing_steps().first()?;
    let n = Step::ALL.iter().filter(|&&s| run.applies(s) && s.index() <= step.index()).count();
    let label = step.label_for(lang, plan);
    Some((step, fill(text::ChecklistMsg::StepMissing.tr(lang), &[("n", &n.to_string()), ("step", &label)])))
}

/// The pure reducer: the next state of `run` after `action` at `now_ms`, or
/// why the action is refused (the run is then unchanged).
pub fn reduce(run: &Run, action: RunAction, now_ms: i64) -> Result<Run, Refusal> {
    if let RunAction::NewRun { discard_mg } = action {
        return Ok(Run::new(now_ms, discard_mg));
    }
    if run.is_closed() {
        return Err(Refusal::RunClosed);
    }
    let mut r = run.clone().normalized();
    let injected = r.is_ticked(Step::Injected);
    match action {
        RunAction::NewRun { .. } => {}
        RunAction::Tick(step) => {
            if r.is_ticked(step) {
                return Ok(r); // keep the first tick time
            }
            match step {
                Step::Inspected => return Err(Refusal::UseInspect),
                Step::OutOfFridge => r.out_of_fridge_ms = Some(now_ms),
                Step::LaidFlat => {
                    let out = r.out_of_fridge_ms.ok_or(Refusal::OutOfFridgeFirst)?;
                    if !r.warm_up_overridden && warm_up_status(out, now_ms) != WarmUp::Done {
                        return Err(Refusal::WarmUpRunning);
                    }
                }
                Step::Injected if r.inspection != Some(Inspection::ClearOk) => {
                    return Err(Refusal::InspectFirst);
                }
                _ => {}
            }
            r.set(step, Some(now_ms));
        }
        RunAction::Untick(step) => {
            let before_injection = matches!(step, Step::OutOfFridge | Step::LaidFlat | Step::Inspected | Step::PartialPrepared);
            if injected && before_injection {
                return Err(Refusal::AlreadyInjected);
            }
            match step {
                Step::OutOfFridge => {
                    // The timer restarts from scratch, so "laid flat" goes too.
                    r.out_of_fridge_ms = None;
                    r.warm_up_overridden = false;
                    r.set(Step::LaidFlat, None);
                }
                Step::Inspected => r.inspection = None,
                _ => {}
            }
            r.set(step, None);
        }
        RunAction::Inspect(result) => {
            if injected {
                return Err(Refusal::AlreadyInjected);
            }
            r.inspection = Some(result);
            r.set(Step::Inspected, Some(now_ms));
            if result == Inspection::CloudyDiscoloredParticles {
                r.stopped = Some(StopReason::InspectionFailed);
            }
        }
        RunAction::OverrideWarmUp => {
            if r.out_of_fridge_ms.is_none() {
                return Err(Refusal::OutOfFridgeFirst);
            }
            r.warm_up_overridden = true;
            if !r.is_ticked(Step::LaidFlat) {
                r.set(Step::LaidFlat, Some(now_ms));
            }
        }
        RunAction::ConfirmExtraDose => r.extra_dose_confirmed = true,
        RunAction::ChooseSite(zone) => r.site = Some(zone),
        RunAction::SetDiscard(mg) => {
            r.discard_mg = mg.filter(|m| m.is_finite() && *m >= 0.0);
        }
        RunAction::Complete => {
            if !r.missing_steps().is_empty() {
                return Err(Refusal::StepsMissing);
            }
            r.completed_ms = Some(now_ms);
        }
    }
    Ok(r)
}

/// What the storage view shows for the calculator's last dose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewParts {
    /// The home checklist, warm-up timer, mishap helper, dose history and
    /// reminders.
    pub home_guidance: bool,
    /// The storage card (refrigerator rules): useful to the pharmacy too.
    pub storage_card: bool,
    /// The note that replaces the home guidance, and its fact.
    pub hospital_note: Option<Fact>,
}

/// DOSE-COVID-HOSP: COVID-19 is hospital use only, so no home guidance;
/// every other dose (or none yet) gets all of it.
pub fn view_parts(hospital_only: bool) -> ViewParts {
    ViewParts {
        home_guidance: !hospital_only,
        storage_card: true,
        hospital_note: hospital_only.then_some(Fact::DoseCovidHosp),
    }
}

/// Name of the DOM event emitted when a run completes.
pub const DOSE_PREPARED_EVENT: &str = "kineret:dose-prepared";

/// Payload of [`DOSE_PREPARED_EVENT`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DosePrepared {
    pub run_id: String,
    pub completed_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discard_mg: Option<f64>,
}

impl DosePrepared {
    /// The payload for a completed run; `None` if it is not completed.
    pub fn from_run(run: &Run) -> Option<DosePrepared> {
        Some(DosePrepared {
            run_id: run.id.clone(),
            completed_ms: run.completed_ms?,
            discard_mg: run.discard_mg,
        })
    }
}

/// Title of the stop box plus the outcome text and its source in `region`.
pub fn stop_text(reason: StopReason, lang: Lang, region: Region) -> (&'static str, &'static str, String) {
    (text::ChecklistMsg::StoppedTitle.tr(lang), reason.tr(lang), reason.fact().source_in(region))
}

#[cfg(test)]
mod tests;
