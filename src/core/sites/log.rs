//! The injection log as a pure reducer, plus back-dating and persistence glue.
//!
//! The UI calls `let changes = state.apply(action);` then
//! `persist(&mut repo, &changes)`; an `Err` there means "this change was not
//! saved" (the in-memory state already has it).

use crate::core::clock::{local_day, local_to_utc, Clock, MS_PER_DAY, MS_PER_MINUTE};
use crate::core::date::{days_from_civil, days_in_month, parse_hhmm, parse_iso};
use crate::core::i18n::{Lang, Translate};
use crate::core::storage::{Codec, KvStore, QuarantineNote, Repo, StoreError};

use super::export::{merge, ImportDoc, MergeReport};
use super::rotation::{self, Suggestion, Warning, ZoneStatus};
use super::text::SitesMsg;
use super::{Change, Flag, Injector, LogEntry, SitesSettings, ZoneId, SETTINGS_ID};

/// How far ahead of "now" a time may be (clock skew, slow typing).
pub const FUTURE_TOLERANCE_MS: i64 = 5 * MS_PER_MINUTE;
/// How far back an injection may be back-dated.
pub const MAX_BACKDATE_DAYS: i64 = 366;

/// Deterministic entry id from the injection time and a caller-provided
/// number (a counter or a random u32 from the shell): `"<at_ms>-<nonce hex>"`.
pub fn entry_id(at_ms: i64, nonce: u32) -> String {
    format!("{at_ms}-{nonce:08x}")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Undo {
    /// Just logged: undo removes it again.
    Logged(LogEntry),
    Deleted(LogEntry),
    /// The entry as it was before the edit.
    Edited(LogEntry),
}

#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SitesState {
    /// Newest first (by `at_ms`, then `logged_ms`, then id).
    pub entries: Vec<LogEntry>,
    /// At most one per zone.
    pub flags: Vec<Flag>,
    pub injector: Injector,
    pub undo: Option<Undo>,
    pub last_import: Option<MergeReport>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SitesAction {
    /// Replace everything with what storage holds.
    Loaded {
        entries: Vec<LogEntry>,
        flags: Vec<Flag>,
        injector: Injector,
    },
    /// Like `Loaded`, but keeps the undo slot and the last import report:
    /// sent when storage changed (another instance, another tab, or this
    /// instance's own write echoing back through the change event). The
    /// undo slot goes when an entry held in memory is no longer stored.
    Reload {
        entries: Vec<LogEntry>,
        flags: Vec<Flag>,
        injector: Injector,
    },
    /// Delete every entry and flag and the settings ("delete all my data").
    Clear,
    /// Add an entry (ignored if its id exists, or if it is an arm zone given
    /// by a self-injecting user); it goes to the undo slot.
    Log(LogEntry),
    /// Replace the entry with the same id; the old one goes to the undo slot.
    Edit(LogEntry),
    /// Delete by id; the entry goes to the undo slot.
    Delete(String),
    /// Revert the last Log, Delete or Edit.
    Undo,
    /// Set (or replace) the flag of its zone.
    SetFlag(Flag),
    ClearFlag(ZoneId),
    SetInjector(Injector),
    /// Merge a validated import (see [`super::export::parse_import`]).
    Import(ImportDoc),
    /// Remove flags whose `until_ms` has passed.
    PruneFlags {
        now_ms: i64,
    },
}

fn allowed(e: &LogEntry) -> bool {
    rotation::disabled_reason(e.zone, e.injector).is_none()
}

impl SitesState {
    pub fn sort(&mut self) {
        crate::core::sort::sort_by(&mut self.entries, |a, b| (b.at_ms, b.logged_ms, &b.id) < (a.at_ms, a.logged_ms, &a.id));
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.id == id)
    }

    /// Applies `action` and returns the storage writes it implies.
    pub fn apply(&mut self, action: SitesAction) -> Vec<Change> {
        let mut changes = Vec::new();
        match action {
            SitesAction::Loaded { entries, flags, injector } => {
                *self = SitesState { entries, flags, injector, undo: None, last_import: None };
            }
            SitesAction::Reload { entries, flags, injector } => {
                // An entry memory holds is gone from storage: removed
                // elsewhere (another instance or tab, "Delete all my data";
                // this instance's own writes never remove what memory still
                // holds). Undo would write deleted data back: forget it.
                if self.entries.iter().any(|e| !entries.iter().any(|n| n.id == e.id)) {
                    self.undo = None;
                }
                self.entries = entries;
                self.flags = flags;
                self.injector = injector;
            }
            SitesAction::Clear => {
                changes.extend(self.entries.drain(..).map(|e| Change::DeleteEntry(e.id)));
                changes.extend(self.flags.drain(..).map(|f| Change::DeleteFlag(f.zone)));
                changes.push(Change::DeleteSettings);
                *self = SitesState::default();
            }
            SitesAction::Log(e) => {
                if allowed(&e) && self.index_of(&e.id).is_none() {
                    changes.push(Change::PutEntry(e.clone()));
                    self.entries.push(e.clone());
                    self.undo = Some(Undo::Logged(e));
                }
            }
            SitesAction::Edit(e) => {
                if let (Some(i), true) = (self.index_of(&e.id), allowed(&e)) {
                    if self.entries[i] != e {
                        changes.push(Change::PutEntry(e.clone()));
                        let before = std::mem::replace(&mut self.entries[i], e);
                        self.undo = Some(Undo::Edited(before));
                    }
                }
            }
            SitesAction::Delete(id) => {
                if let Some(i) = self.index_of(&id) {
                    let e = self.entries.remove(i);
                    changes.push(Change::DeleteEntry(id));
                    self.undo = Some(Undo::Deleted(e));
                }
            }
            SitesAction::Undo => match self.undo.take() {
                Some(Undo::Deleted(e) | Undo::Edited(e)) => {
                    match self.index_of(&e.id) {
                        Some(i) => self.entries[i] = e.clone(),
                        None => self.entries.push(e.clone()),
                    }
                    changes.push(Change::PutEntry(e));
                }
                Some(Undo::Logged(e)) => {
                    if let Some(i) = self.index_of(&e.id) {
                        self.entries.remove(i);
                        changes.push(Change::DeleteEntry(e.id));
                    }
                }
                None => {}
            },
            SitesAction::SetFlag(f) => {
                self.flags.retain(|x| x.zone != f.zone);
                self.flags.push(f);
                changes.push(Change::PutFlag(f));
            }
            SitesAction::ClearFlag(zone) => {
                let before = self.flags.len();
                self.flags.retain(|x| x.zone != zone);
                if self.flags.len() != before {
                    changes.push(Change::DeleteFlag(zone));
                }
            }
            SitesAction::SetInjector(injector) => {
                if self.injector != injector {
                    self.injector = injector;
                    changes.push(Change::PutSettings(SitesSettings { injector }));
                }
            }
            SitesAction::Import(doc) => {
                let (report, merged) = merge(&mut self.entries, &mut self.flags, doc);
                self.last_import = Some(report);
                changes = merged;
            }
            SitesAction::PruneFlags { now_ms } => {
                self.flags.retain(|f| {
                    let keep = f.is_active(now_ms);
                    if !keep {
                        changes.push(Change::DeleteFlag(f.zone));
                    }
                    keep
                });
            }
        }
        self.sort();
        changes
    }

    pub fn suggest(&self, clock: &dyn Clock) -> Suggestion {
        rotation::suggest(&self.entries, &self.flags, self.injector, clock)
    }

    pub fn warnings(&self, zone: ZoneId, clock: &dyn Clock) -> Vec<Warning> {
        rotation::warnings(zone, &self.entries, &self.flags, self.injector, clock)
    }

    pub fn zone_statuses(&self, clock: &dyn Clock) -> Vec<ZoneStatus> {
        rotation::zone_statuses(&self.entries, &self.flags, self.injector, clock)
    }
}

/// Writes every change, continuing past failures; returns the first error.
pub fn persist<S: KvStore, C: Codec>(repo: &mut Repo<S, C>, changes: &[Change]) -> Result<(), StoreError> {
    let mut first = Ok(());
    for c in changes {
        let r = match c {
            Change::PutEntry(e) => repo.put(e),
            Change::DeleteEntry(id) => repo.delete::<LogEntry>(id),
            Change::PutFlag(f) => repo.put(f),
            Change::DeleteFlag(z) => repo.delete::<Flag>(z.as_str()),
            Change::PutSettings(s) => repo.put(s),
            Change::DeleteSettings => repo.delete::<SitesSettings>(SETTINGS_ID),
        };
        if first.is_ok() {
            first = r;
        }
    }
    first
}

/// Loads the feature's records (entries, flags, settings) into a state;
/// returns what had to be quarantined so the UI can offer it for export.
pub fn load<S: KvStore, C: Codec>(repo: &mut Repo<S, C>) -> (SitesState, Vec<QuarantineNote>) {
    let entries = repo.load_all::<LogEntry>();
    let flags = repo.load_all::<Flag>();
    let settings = repo.load_all::<SitesSettings>();
    let mut quarantined = entries.quarantined;
    quarantined.extend(flags.quarantined);
    quarantined.extend(settings.quarantined);
    let injector = settings.records.first().map(|s| s.injector).unwrap_or_default();
    let mut state = SitesState::default();
    state.apply(SitesAction::Loaded { entries: entries.records, flags: flags.records, injector });
    (state, quarantined)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BackdateError {
    BadDateTime,
    InFuture,
    TooOld,
    /// A flag's end date before today.
    UntilInPast,
}

impl BackdateError {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            BackdateError::BadDateTime => SitesMsg::BadDateTime,
            BackdateError::InFuture => SitesMsg::FutureTime,
            BackdateError::TooOld => SitesMsg::TooOld,
            BackdateError::UntilInPast => SitesMsg::UntilInPast,
        }
        .tr(lang)
    }
}

/// UTC ms of local time `hour:minute`, `days_ago` local days before today
/// ("yesterday 8 pm" = `backdate(clock, 1, 20, 0)`). Rejects times more than
/// [`FUTURE_TOLERANCE_MS`] ahead and more than [`MAX_BACKDATE_DAYS`] back.
pub fn backdate(clock: &dyn Clock, days_ago: u32, hour: u32, minute: u32) -> Result<i64, BackdateError> {
    let now = clock.now_ms();
    let today = local_day(now, clock.local_offset_minutes(now));
    at_local_day(clock, today - days_ago as i64, hour, minute)
}

/// Same, from a local calendar date (e.g. an `<input type=date>` value).
pub fn at_local(
    clock: &dyn Clock,
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
) -> Result<i64, BackdateError> {
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(BackdateError::BadDateTime);
    }
    at_local_day(clock, days_from_civil(year, month, day), hour, minute)
}

/// Parses `YYYY-MM-DD` and `HH:MM` (the values of HTML date and time inputs;
/// seconds, if the time input shows them, are ignored).
pub fn parse_local(clock: &dyn Clock, date: &str, time: &str) -> Result<i64, BackdateError> {
    match (parse_iso(date.trim()), parse_hhmm(time.trim())) {
        (Some(day), Some((h, m))) => at_local_day(clock, day, h.into(), m.into()),
        _ => Err(BackdateError::BadDateTime),
    }
}

/// End of a flag chosen with an `<input type=date>`: the flag holds through
/// that local date (until the next local midnight). Empty = until cleared
/// (`Ok(None)`); a date before today is `UntilInPast`.
pub fn flag_until(clock: &dyn Clock, date: &str) -> Result<Option<i64>, BackdateError> {
    if date.trim().is_empty() {
        return Ok(None);
    }
    let day = parse_iso(date.trim()).ok_or(BackdateError::BadDateTime)?;
    let now = clock.now_ms();
    if day < local_day(now, clock.local_offset_minutes(now)) {
        return Err(BackdateError::UntilInPast);
    }
    Ok(Some(local_to_utc(clock, day + 1, 0)))
}

/// How many local days the print view covers (today and the 29 before).
pub const PRINT_DAYS: i64 = 30;

/// Entries of the last [`PRINT_DAYS`] local calendar days, newest first
/// (`entries` must already be sorted newest first, as in [`SitesState`]).
pub fn recent_entries<'a>(entries: &'a [LogEntry], clock: &dyn Clock) -> impl Iterator<Item = &'a LogEntry> + 'a {
    let from = print_from(clock);
    entries.iter().filter(move |e| e.at_ms >= from)
}

/// The first instant the printed log covers: local midnight starting the
/// [`PRINT_DAYS`]-day window that ends now (the printed range is this to now).
pub fn print_from(clock: &dyn Clock) -> i64 {
    let now = clock.now_ms();
    let today = local_day(now, clock.local_offset_minutes(now));
    local_to_utc(clock, today - (PRINT_DAYS - 1), 0)
}

fn at_local_day(clock: &dyn Clock, day: i64, hour: u32, minute: u32) -> Result<i64, BackdateError> {
    if hour > 23 || minute > 59 {
        return Err(BackdateError::BadDateTime);
    }
    let at = local_to_utc(clock, day, hour * 60 + minute);
    let now = clock.now_ms();
    if at > now + FUTURE_TOLERANCE_MS {
        Err(BackdateError::InFuture)
    } else if at < now - MAX_BACKDATE_DAYS * MS_PER_DAY {
        Err(BackdateError::TooOld)
    } else {
        Ok(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clock::{input_values, FixedClock};
    use crate::core::sites::{FlagReason, Reaction};
    use crate::core::storage::test_support::JsonCodec;
    use crate::core::storage::{FaultyStore, MemoryStore, StorageStatus};

    // 2024-03-05T12:00Z
    const NOW: i64 = 1_709_640_000_000;

    fn entry(zone: ZoneId, at_ms: i64, nonce: u32) -> LogEntry {
        LogEntry::new(zone, at_ms, NOW, Injector::SelfInjecting, vec![], "", nonce)
    }

    #[test]
    fn log_edit_delete_undo() {
        let mut s = SitesState::default();
        let a = entry(ZoneId::ThighLeft, NOW - 2 * MS_PER_DAY, 1);
        let b = entry(ZoneId::AbdomenRight, NOW - MS_PER_DAY, 2);
        assert_eq!(s.apply(SitesAction::Log(a.clone())), vec![Change::PutEntry(a.clone())]);
        assert_eq!(s.apply(SitesAction::Log(b.clone())).len(), 1);
        assert!(s.apply(SitesAction::Log(a.clone())).is_empty(), "duplicate id ignored");
        assert_eq!(s.entries, vec![b.clone(), a.clone()], "newest first");
        assert_eq!(s.undo, Some(Undo::Logged(b.clone())), "the last log can be undone");

        let edited = LogEntry { note: "sore".into(), reactions: vec![Reaction::Pain], ..a.clone() };
        assert_eq!(s.apply(SitesAction::Edit(edited.clone())), vec![Change::PutEntry(edited.clone())]);
        assert_eq!(s.undo, Some(Undo::Edited(a.clone())));
        assert_eq!(s.apply(SitesAction::Undo), vec![Change::PutEntry(a.clone())]);
        assert_eq!(s.entries, vec![b.clone(), a.clone()]);
        assert!(s.apply(SitesAction::Undo).is_empty(), "undo slot consumed");

        assert_eq!(s.apply(SitesAction::Delete(b.id.clone())), vec![Change::DeleteEntry(b.id.clone())]);
        assert_eq!(s.entries, vec![a.clone()]);
        assert_eq!(s.apply(SitesAction::Undo), vec![Change::PutEntry(b.clone())]);
        assert_eq!(s.entries, vec![b, a]);
        assert!(s.apply(SitesAction::Delete("nope".into())).is_empty());
    }

    #[test]
    fn undo_a_log_removes_only_that_entry() {
        let mut s = SitesState::default();
        let a = entry(ZoneId::ThighLeft, NOW - MS_PER_DAY, 1);
        let b = LogEntry { note: "x".into(), ..entry(ZoneId::ThighRight, NOW, 2) };
        s.apply(SitesAction::Log(a.clone()));
        s.apply(SitesAction::Log(b.clone()));
        assert_eq!(s.apply(SitesAction::Undo), vec![Change::DeleteEntry(b.id.clone())]);
        assert_eq!(s.entries, vec![a.clone()], "the earlier entry stays");
        assert_eq!(s.undo, None);
        assert!(s.apply(SitesAction::Undo).is_empty(), "undo slot consumed");
        // Gone meanwhile (another tab deleted it): nothing to write.
        s.apply(SitesAction::Log(b.clone()));
        s.apply(SitesAction::Reload { entries: vec![a.clone()], flags: vec![], injector: Injector::SelfInjecting });
        assert!(s.apply(SitesAction::Undo).is_empty());
        assert_eq!(s.entries, vec![a.clone()]);
        // A refused log (arm, self-injecting) does not touch the slot.
        s.apply(SitesAction::Delete(a.id.clone()));
        assert!(s.apply(SitesAction::Log(entry(ZoneId::ArmLeft, NOW, 3))).is_empty());
        assert_eq!(s.undo, Some(Undo::Deleted(a)));
    }

    #[test]
    fn arm_entry_needs_a_caregiver() {
        let mut s = SitesState::default();
        let arm = entry(ZoneId::ArmLeft, NOW, 1);
        assert!(s.apply(SitesAction::Log(arm.clone())).is_empty());
        let arm = LogEntry { injector: Injector::Caregiver, ..arm };
        assert_eq!(s.apply(SitesAction::Log(arm)).len(), 1);
    }

    #[test]
    fn flags_and_injector() {
        let mut s = SitesState::default();
        let f = Flag { zone: ZoneId::ThighLeft, reason: FlagReason::Red, until_ms: Some(NOW) };
        s.apply(SitesAction::SetFlag(f));
        s.apply(SitesAction::SetFlag(Flag { reason: FlagReason::Hard, ..f }));
        assert_eq!(s.flags.len(), 1);
        assert_eq!(s.apply(SitesAction::PruneFlags { now_ms: NOW - 1 }), vec![]);
        assert_eq!(s.apply(SitesAction::PruneFlags { now_ms: NOW }), vec![Change::DeleteFlag(ZoneId::ThighLeft)]);
        assert!(s.apply(SitesAction::ClearFlag(ZoneId::ThighLeft)).is_empty());
        assert_eq!(
            s.apply(SitesAction::SetInjector(Injector::Caregiver)),
            vec![Change::PutSettings(SitesSettings { injector: Injector::Caregiver })]
        );
        assert!(s.apply(SitesAction::SetInjector(Injector::Caregiver)).is_empty());
    }

    #[test]
    fn persist_and_load_round_trip_and_report_failures() {
        let mut repo = Repo::new(FaultyStore::with_data(MemoryStore::new()), JsonCodec);
        let mut s = SitesState::default();
        let mut all = Vec::new();
        all.extend(s.apply(SitesAction::SetInjector(Injector::Caregiver)));
        all.extend(s.apply(SitesAction::Log(entry(ZoneId::ThighLeft, NOW - 1000, 1))));
        all.extend(s.apply(SitesAction::SetFlag(Flag {
            zone: ZoneId::ArmLeft,
            reason: FlagReason::Scar,
            until_ms: None,
        })));
        assert_eq!(persist(&mut repo, &all), Ok(()));
        let (loaded, quarantined) = load(&mut repo);
        assert!(quarantined.is_empty());
        assert_eq!(loaded, SitesState { undo: None, last_import: None, ..s.clone() });

        repo.store_mut().set_error = Some(StoreError::QuotaExceeded);
        let c = s.apply(SitesAction::Log(entry(ZoneId::ButtockLeft, NOW - 500, 2)));
        assert_eq!(persist(&mut repo, &c), Err(StoreError::QuotaExceeded));
        assert_eq!(repo.status(), StorageStatus::LastWriteFailed(StoreError::QuotaExceeded));
        assert_eq!(s.entries.len(), 2, "kept in memory");
        assert_eq!(load(&mut repo).0.entries.len(), 1, "only that change was lost");
    }

    #[test]
    fn backdating_yesterday_8pm_with_offset() {
        // 2024-03-05 12:00Z = 07:00 in New York (UTC-5).
        let clock = FixedClock::new(NOW, -300);
        // Yesterday 20:00 local = 2024-03-04 20:00 EST = 2024-03-05 01:00Z.
        assert_eq!(backdate(&clock, 1, 20, 0), Ok(1_709_600_400_000));
        assert_eq!(parse_local(&clock, "2024-03-04", "20:00"), Ok(1_709_600_400_000));
        assert_eq!(at_local(&clock, 2024, 3, 4, 20, 0), Ok(1_709_600_400_000));
        // Today 07:04 is within the tolerance, 08:00 is in the future.
        assert!(backdate(&clock, 0, 7, 4).is_ok());
        assert_eq!(backdate(&clock, 0, 8, 0), Err(BackdateError::InFuture));
        assert_eq!(backdate(&clock, 400, 8, 0), Err(BackdateError::TooOld));
        assert_eq!(backdate(&clock, 1, 24, 0), Err(BackdateError::BadDateTime));
        assert_eq!(at_local(&clock, 2023, 2, 29, 8, 0), Err(BackdateError::BadDateTime));
        for (d, t) in [
            ("2024-3-04", "20:00"),
            ("2024-03-04", "2000"),
            ("", ""),
            ("2024-03-04-1", "20:00"),
            ("2024-03-04", "+1:00"),
        ] {
            assert_eq!(parse_local(&clock, d, t), Err(BackdateError::BadDateTime), "{d} {t}");
        }
        assert_eq!(BackdateError::InFuture.message(Lang::Es), "Esa hora está en el futuro.");
        // Berlin (UTC+1): yesterday 20:00 local = 2024-03-04 19:00Z.
        clock.set_offset(60);
        assert_eq!(backdate(&clock, 1, 20, 0), Ok(1_709_578_800_000));
    }

    #[test]
    fn reload_keeps_undo_and_import_report_but_loaded_does_not() {
        let mut s = SitesState::default();
        let a = entry(ZoneId::ThighLeft, NOW - 2 * MS_PER_DAY, 1);
        let b = entry(ZoneId::AbdomenRight, NOW - MS_PER_DAY, 2);
        s.apply(SitesAction::Log(a.clone()));
        s.apply(SitesAction::Log(b.clone()));
        s.apply(SitesAction::Delete(a.id.clone()));
        // Another tab added an entry; storage now holds b and c (unsorted).
        let c = entry(ZoneId::ButtockLeft, NOW - 1000, 3);
        let reload =
            SitesAction::Reload { entries: vec![b.clone(), c.clone()], flags: vec![], injector: Injector::Caregiver };
        assert!(s.apply(reload).is_empty(), "a reload writes nothing");
        assert_eq!(s.entries, vec![c.clone(), b.clone()], "sorted");
        assert_eq!(s.injector, Injector::Caregiver);
        assert_eq!(s.undo, Some(Undo::Deleted(a.clone())), "the user can still undo");
        assert_eq!(s.apply(SitesAction::Undo), vec![Change::PutEntry(a.clone())]);
        s.apply(SitesAction::Delete(a.id.clone()));
        s.apply(SitesAction::Loaded { entries: vec![], flags: vec![], injector: Injector::SelfInjecting });
        assert_eq!(s.undo, None);
    }

    #[test]
    fn an_external_reload_to_an_empty_log_drops_the_undo_slot() {
        let mut s = SitesState::default();
        let a = entry(ZoneId::ThighLeft, NOW - 2 * MS_PER_DAY, 1);
        let b = entry(ZoneId::AbdomenRight, NOW - MS_PER_DAY, 2);
        s.apply(SitesAction::Log(a.clone()));
        s.apply(SitesAction::Log(b.clone()));
        s.apply(SitesAction::Delete(a.id.clone()));
        // This instance's own write echoing back removes nothing: kept.
        s.apply(SitesAction::Reload { entries: vec![b.clone()], flags: vec![], injector: Injector::SelfInjecting });
        assert_eq!(s.undo, Some(Undo::Deleted(a.clone())));
        // Another tab deleted all the data: nothing to undo into.
        assert!(s.apply(SitesAction::Reload { entries: vec![], flags: vec![], injector: Injector::SelfInjecting }).is_empty());
        assert_eq!(s.undo, None, "undo would write a deleted entry back");
        assert!(s.apply(SitesAction::Undo).is_empty(), "nothing is written back");
        assert!(s.entries.is_empty());
        // Likewise when another instance deleted one entry this one holds.
        s.apply(SitesAction::Log(a.clone()));
        s.apply(SitesAction::Log(b.clone()));
        s.apply(SitesAction::Edit(LogEntry { note: "n".into(), ..b.clone() }));
        s.apply(SitesAction::Reload { entries: vec![a.clone()], flags: vec![], injector: Injector::SelfInjecting });
        assert_eq!(s.undo, None);
    }

    #[test]
    fn clear_deletes_everything_from_storage() {
        let mut repo = Repo::new(FaultyStore::with_data(MemoryStore::new()), JsonCodec);
        // Another feature's record must survive.
        repo.store_mut().inner.map.insert("kineret-widget/v1/checklist/x/1".into(), "{}".into());
        let mut s = SitesState::default();
        let mut all = s.apply(SitesAction::SetInjector(Injector::Caregiver));
        all.extend(s.apply(SitesAction::Log(entry(ZoneId::ThighLeft, NOW - 1000, 1))));
        all.extend(s.apply(SitesAction::Log(entry(ZoneId::ThighRight, NOW - 2000, 2))));
        all.extend(s.apply(SitesAction::SetFlag(Flag {
            zone: ZoneId::ArmLeft,
            reason: FlagReason::Scar,
            until_ms: None,
        })));
        assert_eq!(persist(&mut repo, &all), Ok(()));
        assert_eq!(repo.store().inner.map.len(), 5);
        let changes = s.apply(SitesAction::Clear);
        assert_eq!(changes.len(), 4);
        assert_eq!(changes.last(), Some(&Change::DeleteSettings));
        assert_eq!(s, SitesState::default());
        assert_eq!(persist(&mut repo, &changes), Ok(()));
        assert_eq!(repo.store().inner.map.keys().collect::<Vec<_>>(), vec!["kineret-widget/v1/checklist/x/1"]);
        assert_eq!(load(&mut repo).0, SitesState::default());
    }

    #[test]
    fn revised_entry_keeps_id_and_logged_time() {
        let a = LogEntry::new(ZoneId::ThighLeft, NOW - 5000, NOW, Injector::SelfInjecting, vec![], "", 7);
        let b = a.revised(
            ZoneId::ArmRight,
            NOW - 9000,
            Injector::Caregiver,
            vec![Reaction::Pain, Reaction::Redness],
            "  sore ",
        );
        assert_eq!((b.id.as_str(), b.logged_ms, b.at_ms), (a.id.as_str(), NOW, NOW - 9000));
        assert_eq!(b.reactions, vec![Reaction::Redness, Reaction::Pain]);
        assert_eq!(b.note, "sore");
        let mut s = SitesState::default();
        s.apply(SitesAction::Log(a.clone()));
        assert_eq!(s.apply(SitesAction::Edit(b.clone())), vec![Change::PutEntry(b.clone())]);
        assert_eq!(s.entries, vec![b]);
    }

    #[test]
    fn flag_until_is_the_end_of_the_chosen_local_day() {
        // 2024-03-05 07:00 in New York (UTC-5).
        let clock = FixedClock::new(NOW, -300);
        assert_eq!(flag_until(&clock, ""), Ok(None));
        assert_eq!(flag_until(&clock, " "), Ok(None));
        // Through 2024-03-06 local = until 2024-03-07 00:00 EST = 05:00Z.
        assert_eq!(flag_until(&clock, "2024-03-06"), Ok(Some(1_709_787_600_000)));
        // Today is allowed (until tonight's midnight), yesterday is not.
        assert_eq!(flag_until(&clock, "2024-03-05"), Ok(Some(1_709_701_200_000)));
        assert_eq!(flag_until(&clock, "2024-03-04"), Err(BackdateError::UntilInPast));
        assert_eq!(flag_until(&clock, "2024-02-30"), Err(BackdateError::BadDateTime));
        assert_eq!(flag_until(&clock, "tomorrow"), Err(BackdateError::BadDateTime));
        assert_eq!(BackdateError::UntilInPast.message(Lang::En), "Choose today or a later date.");
        let f = Flag {
            zone: ZoneId::ThighLeft,
            reason: FlagReason::Red,
            until_ms: flag_until(&clock, "2024-03-05").ok().flatten(),
        };
        assert!(f.is_active(NOW));
        assert!(!f.is_active(1_709_701_200_000));
    }

    #[test]
    fn input_values_show_local_date_and_time() {
        // 2024-03-05T12:00Z is 07:00 in New York and 13:00 in Berlin.
        assert_eq!(input_values(&FixedClock::new(0, -300), NOW), ("2024-03-05".into(), "07:00".into()));
        assert_eq!(
            input_values(&FixedClock::new(0, 60), NOW - 13 * 3_600_000 - 60_000),
            ("2024-03-04".into(), "23:59".into())
        );
        // Round trip through the parser.
        let clock = FixedClock::new(NOW, 330);
        let at = NOW - 3 * MS_PER_DAY - 17 * MS_PER_MINUTE;
        let (d, t) = input_values(&clock, at);
        assert_eq!(parse_local(&clock, &d, &t), Ok(at));
    }

    #[test]
    fn print_view_covers_thirty_local_days() {
        let clock = FixedClock::new(NOW, 0);
        let mut s = SitesState::default();
        for (i, days) in [0, 29, 30, 45].into_iter().enumerate() {
            // Noon of each day; day 29 at 00:00 exactly is the first included instant.
            let at = if days == 29 { NOW - 12 * 3_600_000 - 29 * MS_PER_DAY } else { NOW - days * MS_PER_DAY };
            s.apply(SitesAction::Log(entry(ZoneId::ThighLeft, at, i as u32)));
        }
        let got: Vec<u32> =
            recent_entries(&s.entries, &clock).map(|e| (NOW - e.at_ms).div_euclid(MS_PER_DAY) as u32).collect();
        assert_eq!(got, vec![0, 29]);
        // The printed range starts at that first included instant.
        assert_eq!(print_from(&clock), NOW - 12 * 3_600_000 - 29 * MS_PER_DAY);
    }

    #[test]
    fn entry_ids_are_deterministic() {
        assert_eq!(entry_id(1_709_640_000_000, 0xab), "1709640000000-000000ab");
        assert_eq!(entry_id(1, 1), entry_id(1, 1));
        assert_ne!(entry_id(1, 1), entry_id(1, 2));
    }
}
