//! "Also record today's dose" after logging an injection site: the dose goes
//! into the checklist's dose history exactly as a completed checklist run
//! does (`checklist::Run` with `completed_ms`, saved by
//! `checklist::store::save_run`), so the storage view's history, missed days
//! and reminders count it. No step of the checklist is ticked: the record
//! says only that the dose was taken, when the injection was logged.

use crate::core::checklist::history::{dose_days, local_day, DoseSchedule};
use crate::core::checklist::Run;
use crate::core::clock::Clock;

/// Offer to record the dose of an injection given at `at_ms`: only when it
/// was given today (local day) and today's doses are not all recorded yet
/// (`schedule.per_day()`: one, or two when twice daily).
pub fn offer_dose(at_ms: i64, runs: &[Run], schedule: DoseSchedule, clock: &dyn Clock) -> bool {
    let now = clock.now_ms();
    let today = local_day(now, clock.local_offset_minutes(now));
    if local_day(at_ms, clock.local_offset_minutes(at_ms)) != today {
        return false;
    }
    let taken = dose_days(runs, clock).iter().filter(|&&d| d == today).count() as u32;
    taken < schedule.per_day()
}

/// The dose record: a run started and completed when the injection was
/// given, with nothing to discard (the calculator's amount is not known here).
pub fn dose_run(at_ms: i64) -> Run {
    let mut run = Run::new(at_ms, None);
    run.completed_ms = Some(at_ms);
    run
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checklist::history::{history_strip, DayState};
    use crate::core::checklist::store::{load, save_run};
    use crate::core::clock::{FixedClock, MS_PER_DAY};
    use crate::core::storage::test_support::JsonCodec;
    use crate::core::storage::{FaultyStore, MemoryStore, Repo};

    // 2024-03-05T12:00Z
    const NOW: i64 = 1_709_640_000_000;

    #[test]
    fn a_site_logged_today_offers_the_dose_once_and_records_it_in_the_dose_history() {
        let clock = FixedClock::new(NOW, 0);
        let mut repo = Repo::new(FaultyStore::with_data(MemoryStore::new()), JsonCodec);
        let runs = load(&mut repo).runs;
        assert!(offer_dose(NOW - 60_000, &runs, DoseSchedule::Daily, &clock));
        // Back-dated to yesterday: not today's dose.
        assert!(!offer_dose(NOW - MS_PER_DAY, &runs, DoseSchedule::Daily, &clock));
        // Recorded through the checklist's own store: the storage view's
        // history shows today as taken.
        let run = dose_run(NOW - 60_000);
        assert!(save_run(&mut repo, &run, None).is_ok());
        let runs = load(&mut repo).runs;
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].completed_ms, Some(NOW - 60_000));
        let strip = history_strip(&runs, DoseSchedule::Daily, &clock, 1);
        assert_eq!(strip[0].state, DayState::Taken(1));
        // Once recorded, no second offer; twice daily allows a second dose.
        assert!(!offer_dose(NOW, &runs, DoseSchedule::Daily, &clock));
        assert!(offer_dose(NOW, &runs, DoseSchedule::TwiceDaily, &clock));
    }

    #[test]
    fn the_dose_counts_on_the_local_day_it_was_given() {
        // UTC-5: 2024-03-05 00:30 local is 05:30Z; now is 12:00Z (07:00 local).
        let clock = FixedClock::new(NOW, -300);
        let at = NOW - (6 * 60 + 30) * 60_000;
        assert!(offer_dose(at, &[], DoseSchedule::Daily, &clock));
        // 23:30 local the day before: not today.
        assert!(!offer_dose(at - 60 * 60_000, &[], DoseSchedule::Daily, &clock));
    }
}
