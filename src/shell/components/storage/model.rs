//! The view's state: a thin `Reducible` around the core's `checklist::reduce`,
//! plus the view's other state (storage notice, notification choice, the
//! mishap form, the site suggestion) so the view has one reducer (docs/SIZE.md
//! rule 9). Side effects (saving, the DOM event) run in effects keyed on `rev`.

use std::rc::Rc;

use yew::Reducible;

use super::mishap;
use crate::core::checklist::store::{upsert, Loaded};
use crate::core::checklist::{reduce, DoseSchedule, Refusal, Run, RunAction, Step};
use crate::core::sites::{Injector, Suggestion};
use crate::core::storage::StorageStatus;

/// What the view reads of the injection-site log: the suggestion, the
/// injections' times (one dose, one record: the history and the double-dose
/// guard count them) and who injects (the site picker's zones).
#[derive(Clone, PartialEq)]
pub struct SiteLog {
    pub suggestion: Suggestion,
    pub logged_ms: Vec<i64>,
    pub injector: Injector,
}

/// Browser-notification state for this view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notify {
    /// No `Notification` in this browser: the button is not shown.
    Unsupported,
    /// Not asked yet (or granted earlier but not chosen for this view).
    Idle,
    /// The user asked for it and the browser allows it.
    On,
    /// The user or the browser refused.
    Blocked,
}

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
    /// What to tell the user about storage (memory only, last write failed).
    pub notice: Option<StorageStatus>,
    /// Browser-notification state.
    pub notify: Notify,
    /// The "something went wrong" helper.
    pub mishap: mishap::Form,
    /// The site log (read on data changes).
    pub sites: SiteLog,
    /// `run` was found in storage at the last load: if a later load no
    /// longer has it, it was deleted elsewhere ("Delete all my data" in
    /// another tab) and is not written back by the next tick.
    pub stored: bool,
}

pub enum Msg {
    /// A user action at `now_ms`; a refusal is shown next to the step.
    Act(RunAction, i64, Option<Step>),
    /// A step's checkbox changed: tick it if it is not ticked, else untick.
    Toggle(Step, i64),
    /// "Start a new dose" (keeps the run's mg to discard).
    NewRun(i64),
    /// Stored data changed (another instance or tab, or our own save), at `now_ms`.
    Loaded(Loaded, SiteLog, i64),
    /// The user chose a schedule (saved by the caller).
    Schedule(DoseSchedule),
    Notice(Option<StorageStatus>),
    /// The run with this id was saved.
    Saved(String),
    Notify(Notify),
    Mishap(mishap::Change),
}

impl Model {
    /// At mount: continue the latest open run, else a fresh (unsaved) one.
    pub fn start(loaded: Loaded, now_ms: i64, discard_mg: Option<f64>, notice: Option<StorageStatus>, notify: Notify, sites: SiteLog) -> Model {
        let stored = loaded.current().is_some();
        let run = loaded.current().cloned().unwrap_or_else(|| Run::new(now_ms, discard_mg));
        let mut runs = loaded.runs;
        upsert(&mut runs, &run);
        Model {
            run,
            runs,
            refusal: None,
            rev: 0,
            replaced: None,
            completed_now: false,
            schedule: loaded.schedule,
            notice,
            notify,
            mishap: mishap::Form::default(),
            sites,
            stored,
        }
    }
}

impl Reducible for Model {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let (action, now, target) = match msg {
            Msg::Act(a, now, t) => (a, now, t),
            Msg::Toggle(step, now) => {
                let a = if self.run.is_ticked(step) { RunAction::Untick(step) } else { RunAction::Tick(step) };
                (a, now, Some(step))
            }
            Msg::NewRun(now) => (RunAction::NewRun { discard_mg: self.run.discard_mg }, now, None),
            Msg::Loaded(loaded, sites, now) => {
                let stored_self = loaded.runs.iter().find(|r| r.id == self.run.id);
                let (run, stored) = match (loaded.current(), stored_self) {
                    // Another tab started a newer dose: follow it.
                    (Some(c), _) if c.started_ms > self.run.started_ms => (c.clone(), true),
                    // Ours, as stored (possibly changed in another tab).
                    (_, Some(s)) => (s.clone(), true),
                    // Stored before, gone now: deleted elsewhere. Start
                    // afresh rather than write it back with the next tick.
                    (None, None) if self.stored => (Run::new(now, self.run.discard_mg), false),
                    // Not stored (fresh, or its write failed): keep it in memory.
                    _ => (self.run.clone(), self.stored),
                };
                let mut runs = loaded.runs;
                upsert(&mut runs, &run);
                let schedule = loaded.schedule.or(self.schedule);
                if run == self.run && runs == self.runs && schedule == self.schedule && sites == self.sites && stored == self.stored {
                    return self;
                }
                let mut m = (*self).clone();
                if run != self.run {
                    m.refusal = None;
                }
                m.run = run;
                m.runs = runs;
                m.replaced = None;
                m.completed_now = false;
                m.schedule = schedule;
                m.sites = sites;
                m.stored = stored;
                return Rc::new(m);
            }
            other => {
                let mut m = (*self).clone();
                m.completed_now = false;
                match other {
                    Msg::Schedule(s) => m.schedule = Some(s),
                    Msg::Notice(n) => m.notice = n,
                    Msg::Saved(id) => m.stored |= id == m.run.id,
                    Msg::Notify(n) => m.notify = n,
                    Msg::Mishap(c) => m.mishap.apply(c),
                    _ => {}
                }
                return Rc::new(m);
            }
        };
        let mut m = (*self).clone();
        match reduce(&self.run, action, now) {
            Ok(run) => {
                m.replaced = matches!(action, RunAction::NewRun { .. }).then(|| self.run.clone());
                m.stored = self.stored && run.id == self.run.id;
                m.completed_now = run.completed_ms.is_some() && self.run.completed_ms.is_none();
                upsert(&mut m.runs, &run);
                m.run = run;
                m.refusal = None;
                m.rev = self.rev.wrapping_add(1);
            }
            Err(e) => {
                m.refusal = Some((target, e));
                m.completed_now = false;
            }
        }
        Rc::new(m)
    }
}
