//! Persistence of the checklist through the shared versioned [`Repo`]: one key
//! per run (`checklist/run/<id>`) and one settings record (the dose schedule
//! chosen on this view when the calculator has not given one).

use serde::Serialize;

use super::history::DoseSchedule;
use super::Run;
use crate::core::storage::{Codec, KvStore, Record, Repo, StoreError};

impl Record for Run {
    const COLLECTION: &'static str = "checklist/run";
    fn record_id(&self) -> String {
        self.id.clone()
    }
}

/// Per-user settings of the checklist view (one record, id [`SETTINGS_ID`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistSettings {
    pub schedule: DoseSchedule,
}

crate::wire_struct!(ChecklistSettings { schedule: "schedule" } default {});

pub const SETTINGS_ID: &str = "settings";

impl Record for ChecklistSettings {
    const COLLECTION: &'static str = "checklist/settings";
    fn record_id(&self) -> String {
        SETTINGS_ID.to_string()
    }
}

/// Everything the view reads at start.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Loaded {
    /// Every stored run (normalized), oldest first.
    pub runs: Vec<Run>,
    /// The schedule chosen on this view, if one was saved.
    pub schedule: Option<DoseSchedule>,
    /// Records set aside as unreadable during this load.
    pub quarantined: usize,
    /// The store could not be listed or read.
    pub error: Option<StoreError>,
}

impl Loaded {
    /// The run to continue: the most recently started run that is still open.
    /// `None` when every run is finished (the view then starts a fresh one).
    pub fn current(&self) -> Option<&Run> {
        current_run(&self.runs)
    }
}

/// Most recently started open run (ties: the larger id).
pub fn current_run(runs: &[Run]) -> Option<&Run> {
    runs.iter().filter(|r| !r.is_closed()).max_by(|a, b| (a.started_ms, &a.id).cmp(&(b.started_ms, &b.id)))
}

/// Replaces the run with the same id, or inserts it in start order.
pub fn upsert(runs: &mut Vec<Run>, run: &Run) {
    match runs.iter_mut().find(|r| r.id == run.id) {
        Some(slot) => *slot = run.clone(),
        None => {
            let at = runs.iter().position(|r| (r.started_ms, &r.id) > (run.started_ms, &run.id)).unwrap_or(runs.len());
            runs.insert(at, run.clone());
        }
    }
}

/// Reads runs and settings; unreadable records are quarantined by the repo.
pub fn load<S: KvStore, C: Codec>(repo: &mut Repo<S, C>) -> Loaded {
    let runs = repo.load_all::<Run>();
    let settings = repo.load_all::<ChecklistSettings>();
    let mut list: Vec<Run> = Vec::with_capacity(runs.records.len());
    for run in runs.records {
        upsert(&mut list, &run.normalized()); // ordered insert: no sort code in the bundle
    }
    Loaded {
        runs: list,
        schedule: settings.records.first().map(|s| s.schedule),
        quarantined: runs.quarantined.len() + settings.quarantined.len(),
        error: runs.error.or(settings.error),
    }
}

/// Saves `run`. When `replaced` is an open run the user abandoned for a new
/// one (a reset), it is deleted: unfinished runs never count as doses, and
/// keeping them would only fill the storage. Closed runs are the history and
/// are kept. Returns the first failure; the caller keeps working in memory.
pub fn save_run<S: KvStore, C: Codec>(repo: &mut Repo<S, C>, run: &Run, replaced: Option<&Run>) -> Result<(), StoreError> {
    let mut result = Ok(());
    if let Some(old) = replaced.filter(|o| o.id != run.id && !o.is_closed()) {
        result = repo.delete::<Run>(&old.id);
    }
    let put = repo.put(run);
    result.and(put)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checklist::{reduce, Inspection, RunAction, Step};
    use crate::core::storage::test_support::JsonCodec;
    use crate::core::storage::{FaultyStore, MemoryStore, StorageStatus};

    const T0: i64 = 1_718_000_000_000;
    const MIN: i64 = 60_000;

    fn repo() -> Repo<FaultyStore, JsonCodec> {
        Repo::new(FaultyStore::with_data(MemoryStore::new()), JsonCodec)
    }

    fn ticked(run: &Run, step: Step, at: i64) -> Run {
        reduce(run, RunAction::Tick(step), at).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn runs_persist_one_key_per_run_and_reload() {
        let mut repo = repo();
        let a = ticked(&Run::new(T0, None), Step::OutOfFridge, T0 + MIN);
        let b = ticked(&Run::new(T0 + 90 * MIN, Some(40.0)), Step::ExpiryChecked, T0 + 91 * MIN);
        assert_eq!(save_run(&mut repo, &a, None), Ok(()));
        assert_eq!(save_run(&mut repo, &b, None), Ok(()));
        let keys: Vec<_> = repo.store().inner.map.keys().cloned().collect();
        assert_eq!(
            keys,
            [format!("kineret-widget/v1/checklist/run/run-{T0}"), format!("kineret-widget/v1/checklist/run/run-{}", T0 + 90 * MIN)]
        );
        let loaded = load(&mut repo);
        assert_eq!(loaded.runs, vec![a.clone(), b.clone()]);
        // Start order, not key order: a shorter id sorts later as a string.
        let early = Run::new(999, None);
        save_run(&mut repo, &early, None).ok();
        assert_eq!(load(&mut repo).runs.first().map(|r| r.id.as_str()), Some("run-999"));
        assert_eq!(loaded.current(), Some(&b));
        assert_eq!(loaded.schedule, None);
        assert_eq!(loaded.quarantined, 0);
        // The warm-up start survives the round trip: the timer resumes.
        assert_eq!(loaded.runs[0].out_of_fridge_ms, Some(T0 + MIN));
    }

    #[test]
    fn current_is_the_latest_open_run() {
        let open_old = Run::new(T0, None);
        let mut done = Run::new(T0 + MIN, None);
        done.completed_ms = Some(T0 + 40 * MIN);
        assert_eq!(current_run(&[open_old.clone(), done.clone()]), Some(&open_old));
        assert_eq!(current_run(&[done.clone()]), None);
        let stopped = reduce(&Run::new(T0 + 2 * MIN, None), RunAction::Inspect(Inspection::CloudyDiscoloredParticles), T0 + 3 * MIN);
        assert_eq!(stopped.map(|s| current_run(&[s]).cloned()), Ok(None));
        assert_eq!(current_run(&[]), None);
    }

    #[test]
    fn upsert_replaces_by_id_and_keeps_order() {
        let a = Run::new(T0, None);
        let b = Run::new(T0 + MIN, None);
        let mut runs = vec![b.clone()];
        upsert(&mut runs, &a);
        assert_eq!(runs, vec![a.clone(), b.clone()]);
        let a2 = ticked(&a, Step::HandsWashed, T0 + 2 * MIN);
        upsert(&mut runs, &a2);
        assert_eq!(runs, vec![a2, b]);
    }

    #[test]
    fn a_reset_deletes_the_abandoned_open_run_but_keeps_history() {
        let mut repo = repo();
        let open = ticked(&Run::new(T0, None), Step::ExpiryChecked, T0);
        save_run(&mut repo, &open, None).ok();
        let fresh = Run::new(T0 + MIN, None);
        assert_eq!(save_run(&mut repo, &fresh, Some(&open)), Ok(()));
        assert_eq!(load(&mut repo).runs, vec![fresh.clone()]);
        // A completed run stays when the next one starts.
        let mut done = fresh.clone();
        done.completed_ms = Some(T0 + 2 * MIN);
        save_run(&mut repo, &done, None).ok();
        let next = Run::new(T0 + 3 * MIN, None);
        save_run(&mut repo, &next, Some(&done)).ok();
        assert_eq!(load(&mut repo).runs, vec![done, next]);
    }

    #[test]
    fn failed_write_is_reported_and_loses_only_that_change() {
        let mut repo = repo();
        repo.store_mut().set_error = Some(StoreError::QuotaExceeded);
        repo.store_mut().set_fail_count = 1;
        let r = Run::new(T0, None);
        assert_eq!(save_run(&mut repo, &r, None), Err(StoreError::QuotaExceeded));
        assert_eq!(repo.status(), StorageStatus::LastWriteFailed(StoreError::QuotaExceeded));
        assert!(load(&mut repo).runs.is_empty());
        assert_eq!(save_run(&mut repo, &r, None), Ok(()));
        assert_eq!(load(&mut repo).runs, vec![r]);
    }

    #[test]
    fn settings_round_trip_and_corrupt_run_is_quarantined() {
        let mut repo = repo();
        let s = ChecklistSettings { schedule: DoseSchedule::EveryOtherDay { anchor_day: None } };
        repo.put(&s).ok();
        repo.store_mut().inner.map.insert("kineret-widget/v1/checklist/run/run-1".into(), "{not json".into());
        let loaded = load(&mut repo);
        assert_eq!(loaded.schedule, Some(s.schedule));
        assert_eq!(loaded.quarantined, 1);
        assert!(loaded.runs.is_empty());
        assert!(repo.store().inner.map.contains_key("kineret-widget/v1/checklist/settings/settings"));
    }

    #[test]
    fn unavailable_storage_keeps_working_in_memory() {
        let mut repo = Repo::new(FaultyStore::unavailable(), JsonCodec);
        let r = Run::new(T0, None);
        assert_eq!(save_run(&mut repo, &r, None), Ok(()));
        assert_eq!(load(&mut repo).runs, vec![r]);
        assert_eq!(repo.status(), StorageStatus::MemoryOnly);
    }
}
