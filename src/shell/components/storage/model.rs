//! The view's state: a thin `Reducible` around the core's `checklist::reduce`.
//! Side effects (saving, the DOM event) run in effects keyed on `rev`.

use std::rc::Rc;

use yew::Reducible;

use crate::core::checklist::store::{upsert, Loaded};
use crate::core::checklist::{reduce, DoseSchedule, Refusal, Run, RunAction, Step};

#[derive(Clone, PartialEq)]
pub struct Model {
    /// The run on screen.
    pub run: Run,
    /// Every run known (stored ones plus `run`): the dose history.
    pub runs: Vec<Run>,
    /// Why the last action was refused, and next to which step (`None`: the
    /// "record this dose" button).
    pub refusal: Option<(Option<Step>, Refusal)>,
    /// Grows with every accepted change of `run`: the save effect's key.
    pub rev: u32,
    /// The run a `NewRun` replaced (deleted from storage if still open).
    pub replaced: Option<Run>,
    /// The last change completed the run: emit `kineret:dose-prepared` once.
    pub completed_now: bool,
    /// The schedule chosen on this view (used when the calculator gave none).
    pub schedule: Option<DoseSchedule>,
}

pub enum Msg {
    /// A user action at `now_ms`; a refusal is shown next to the step.
    Act(RunAction, i64, Option<Step>),
    /// Stored data changed (another instance or tab, or our own save).
    Loaded(Loaded),
    /// The user chose a schedule (saved by the caller).
    Schedule(DoseSchedule),
}

impl Model {
    /// At mount: continue the latest open run, else a fresh (unsaved) one.
    pub fn start(loaded: Loaded, now_ms: i64, discard_mg: Option<f64>) -> Model {
        let run = loaded.current().cloned().unwrap_or_else(|| Run::new(now_ms, discard_mg));
        let mut runs = loaded.runs;
        upsert(&mut runs, &run);
        Model { run, runs, refusal: None, rev: 0, replaced: None, completed_now: false, schedule: loaded.schedule }
    }
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        match msg {
            Msg::Act(action, now, target) => match reduce(&self.run, action, now) {
                Ok(run) => {
                    let replaced = matches!(action, RunAction::NewRun { .. }).then(|| self.run.clone());
                    let completed_now = run.completed_ms.is_some() && self.run.completed_ms.is_none();
                    let mut runs = self.runs.clone();
                    upsert(&mut runs, &run);
                    let rev = self.rev.wrapping_add(1);
                    Rc::new(Model { run, runs, refusal: None, rev, replaced, completed_now, schedule: self.schedule })
                }
                Err(e) => {
                    let mut m = (*self).clone();
                    m.refusal = Some((target, e));
                    m.completed_now = false;
                    Rc::new(m)
                }
            },
            Msg::Loaded(loaded) => {
                let stored_self = loaded.runs.iter().find(|r| r.id == self.run.id);
                let run = match (loaded.current(), stored_self) {
                    // Another tab started a newer dose: follow it.
                    (Some(c), _) if c.started_ms > self.run.started_ms => c.clone(),
                    // Ours, as stored (possibly changed in another tab).
                    (_, Some(s)) => s.clone(),
                    // Not stored (fresh, or its write failed): keep it in memory.
                    _ => self.run.clone(),
                };
                let mut runs = loaded.runs;
                upsert(&mut runs, &run);
                let schedule = loaded.schedule.or(self.schedule);
                if run == self.run && runs == self.runs && schedule == self.schedule {
                    return self;
                }
                let refusal = if run == self.run { self.refusal } else { None };
                Rc::new(Model { run, runs, refusal, rev: self.rev, replaced: None, completed_now: false, schedule })
            }
            Msg::Schedule(s) => {
                let mut m = (*self).clone();
                m.schedule = Some(s);
                m.completed_now = false;
                Rc::new(m)
            }
        }
    }
}
