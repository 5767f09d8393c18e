//! The double-dose guard: before a checklist starts and before a dose is
//! recorded, is today's dose already recorded (or is today not a dose day)?
//! Then the view says so ("Today's dose was already recorded at 7:49 AM")
//! and asks for an explicit "Record another dose anyway" (never double up on
//! your own: MISSED). The cadence is the schedule actually chosen (RENAL-EOD):
//! twice daily allows two a day, every other day warns on an off day, twice
//! daily every other day allows two on a due day (RENAL-SPLIT).
//!
//! **One dose, one record.** A dose can be recorded by the checklist (a
//! completed run) and by the injection-site log (an entry's `at_ms`, when the
//! injection was given). Completing the checklist logs its site too, so one
//! dose often has both records. Per local day, the doses taken are the
//! LARGER of the two counts: the checklist and the site log of one dose count
//! once, and a site logged without the checklist still counts as that day's
//! dose (so the history never says "Due today" for it).

use super::history::{merged_dose_days, DoseSchedule};
use super::Run;
use crate::core::clock::{local_day, Clock};
use crate::core::facts::Fact;
use crate::core::i18n::{fill, Lang, Translate};
use crate::messages;

/// "Never double up on your own" (MISSED, EU PL 3).
pub const GUARD_FACT: Fact = Fact::Missed;

/// What the guard says about one more dose today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guard {
    /// Today's due doses are not all recorded yet.
    Clear,
    /// Today's due doses (`count`, at least one) are all recorded; the last
    /// one at `last_ms`.
    AlreadyRecorded { last_ms: i64, count: u32 },
    /// Every other day: today is not a dose day and nothing was taken today.
    NotDoseDay,
}

impl Guard {
    pub fn is_clear(self) -> bool {
        self == Guard::Clear
    }
}

/// The guard for one more dose now, from the checklist's runs, the site
/// log's injection times and the schedule chosen.
pub fn dose_guard(runs: &[Run], logged_ms: &[i64], schedule: DoseSchedule, clock: &dyn Clock) -> Guard {
    let now = clock.now_ms();
    let day_of = |ms: i64| local_day(ms, clock.local_offset_minutes(ms));
    let today = day_of(now);
    let days = merged_dose_days(runs, logged_ms, clock);
    let count = days.iter().filter(|&&d| d == today).count() as u32;
    let due = match schedule.start_day(&days) {
        // The first dose starts the schedule.
        None => schedule.per_day(),
        start => schedule.doses_due(today, start),
    };
    if count > 0 && count >= due {
        let runs_ms = runs.iter().filter(|r| r.stopped.is_none()).filter_map(|r| r.completed_ms);
        let last_ms = runs_ms.chain(logged_ms.iter().copied()).filter(|&ms| day_of(ms) == today).max().unwrap_or(now);
        Guard::AlreadyRecorded { last_ms, count }
    } else if due == 0 {
        Guard::NotDoseDay
    } else {
        Guard::Clear
    }
}

messages! {
    /// The guard's texts. `{time}` is formatted by the shell like the rest of
    /// the view (the browser's Intl, in the widget's language).
    pub enum GuardMsg {
        AlreadyOne => [
            "Today's dose was already recorded at {time}.",
            "La dosis de hoy ya se registró a las {time}.",
        ],
        AlreadyMany => [
            "Today's {n} doses were already recorded, the last at {time}.",
            "Las {n} dosis de hoy ya se registraron; la última, a las {time}.",
        ],
        Advice => [
            "Never take an extra dose on your own: if you are unsure, ask your doctor.",
            "Nunca se administre una dosis adicional por su cuenta: si tiene dudas, consulte a su médico.",
        ],
        StartAnyway => ["Start another dose anyway", "Empezar otra dosis de todos modos"],
        RecordAnyway => ["Record another dose anyway", "Registrar otra dosis de todos modos"],
    }
}

/// The guard's first sentence (`None` when clear). `time` formats an instant.
pub fn guard_text(guard: Guard, schedule: DoseSchedule, lang: Lang, time: &dyn Fn(i64) -> String) -> Option<String> {
    Some(match guard {
        Guard::Clear => return None,
        Guard::AlreadyRecorded { last_ms, count } if count > 1 => {
            fill(GuardMsg::AlreadyMany.tr(lang), &[("n", &count.to_string()), ("time", &time(last_ms))])
        }
        Guard::AlreadyRecorded { last_ms, .. } => fill(GuardMsg::AlreadyOne.tr(lang), &[("time", &time(last_ms))]),
        Guard::NotDoseDay => {
            fill(super::history::HistoryMsg::NotDueToday.tr(lang), &[("schedule", schedule.tr(lang))])
        }
    })
}

/// The facts behind the guard: never double up (MISSED); the schedule
/// chosen (RENAL-EOD), or the split schedule (RENAL-SPLIT).
pub fn guard_facts(schedule: DoseSchedule) -> [Fact; 2] {
    let s = if schedule.unlabelled_split() { Fact::RenalSplit } else { Fact::RenalEod };
    [GUARD_FACT, s]
}

/// Whether the guard stands between the user and `run` (not yet confirmed
/// with "another dose anyway").
pub fn needs_confirmation(guard: Guard, run: &Run) -> bool {
    !guard.is_clear() && !run.extra_dose_confirmed && !run.is_closed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clock::FixedClock;

    const H: i64 = 3_600_000;
    const DAY: i64 = 86_400_000;
    const D0: i64 = 19_884;

    fn at(day: i64, hour: i64) -> i64 {
        day * DAY + hour * H
    }

    fn dose(ms: i64) -> Run {
        let mut r = Run::new(ms - H, None);
        r.completed_ms = Some(ms);
        r
    }

    fn clock(day: i64, hour: i64) -> FixedClock {
        FixedClock::new(at(day, hour), 0)
    }

    #[test]
    fn once_daily_a_second_dose_today_needs_confirmation() {
        // MISSED: never double up on your own.
        let morning = at(D0, 7) + 49 * 60_000;
        let runs = [dose(morning)];
        let g = dose_guard(&runs, &[], DoseSchedule::Daily, &clock(D0, 21));
        assert_eq!(g, Guard::AlreadyRecorded { last_ms: morning, count: 1 });
        assert_eq!(GUARD_FACT, Fact::Missed);
        let t = guard_text(g, DoseSchedule::Daily, Lang::En, &|_| "7:49 AM".to_string());
        assert_eq!(t.as_deref(), Some("Today's dose was already recorded at 7:49 AM."));
        let t = guard_text(g, DoseSchedule::Daily, Lang::Es, &|_| "7:49".to_string());
        assert_eq!(t.as_deref(), Some("La dosis de hoy ya se registró a las 7:49."));
        // Yesterday's dose does not stand in the way of today's.
        assert_eq!(dose_guard(&runs, &[], DoseSchedule::Daily, &clock(D0 + 1, 7)), Guard::Clear);
        // Nothing yet: clear.
        assert_eq!(dose_guard(&[], &[], DoseSchedule::Daily, &clock(D0, 7)), Guard::Clear);
        // A stopped or unfinished run is no dose.
        let mut stopped = dose(at(D0, 7));
        stopped.stopped = Some(super::super::StopReason::InspectionFailed);
        assert_eq!(dose_guard(&[stopped, Run::new(at(D0, 8), None)], &[], DoseSchedule::Daily, &clock(D0, 9)), Guard::Clear);
    }

    #[test]
    fn twice_daily_allows_two_a_day() {
        // RENAL-EOD: the cadence is the schedule chosen.
        let s = DoseSchedule::TwiceDaily;
        let one = [dose(at(D0, 8))];
        assert_eq!(dose_guard(&one, &[], s, &clock(D0, 20)), Guard::Clear);
        let two = [dose(at(D0, 8)), dose(at(D0, 20))];
        let g = dose_guard(&two, &[], s, &clock(D0, 21));
        assert_eq!(g, Guard::AlreadyRecorded { last_ms: at(D0, 20), count: 2 });
        let t = guard_text(g, s, Lang::En, &|ms| if ms == at(D0, 20) { "8:00 PM".into() } else { "?".into() });
        assert_eq!(t.as_deref(), Some("Today's 2 doses were already recorded, the last at 8:00 PM."));
        assert!(guard_text(g, s, Lang::Es, &|_| "20:00".into()).is_some_and(|t| t.contains("Las 2 dosis de hoy")));
    }

    #[test]
    fn every_other_day_warns_on_an_off_day() {
        // RENAL-EOD: due on the first dose's day, then every 2 days.
        let s = DoseSchedule::EveryOtherDay { anchor_day: None };
        let runs = [dose(at(D0 - 1, 8))];
        assert_eq!(dose_guard(&runs, &[], s, &clock(D0, 8)), Guard::NotDoseDay);
        let t = guard_text(Guard::NotDoseDay, s, Lang::En, &|_| String::new());
        assert_eq!(t.as_deref(), Some("Today is not a dose day in your schedule (Every other day)."));
        assert_eq!(dose_guard(&runs, &[], s, &clock(D0 + 1, 8)), Guard::Clear);
        // A due day with its dose taken: already recorded.
        let taken = [dose(at(D0 - 1, 8)), dose(at(D0 + 1, 8))];
        assert!(matches!(dose_guard(&taken, &[], s, &clock(D0 + 1, 20)), Guard::AlreadyRecorded { count: 1, .. }));
        // An explicit anchor before any dose.
        let anchored = DoseSchedule::EveryOtherDay { anchor_day: Some(D0) };
        assert_eq!(dose_guard(&[], &[], anchored, &clock(D0 + 1, 8)), Guard::NotDoseDay);
        assert_eq!(dose_guard(&[], &[], anchored, &clock(D0 + 2, 8)), Guard::Clear);
        assert_eq!(guard_facts(s), [Fact::Missed, Fact::RenalEod]);
    }

    #[test]
    fn twice_daily_every_other_day_allows_two_on_a_due_day() {
        // RENAL-SPLIT: only the prescriber's choice; two on a due day, none between.
        let s = DoseSchedule::TwiceEveryOtherDay { anchor_day: None };
        let first = [dose(at(D0, 8))];
        assert_eq!(dose_guard(&first, &[], s, &clock(D0, 20)), Guard::Clear);
        let both = [dose(at(D0, 8)), dose(at(D0, 20))];
        assert!(matches!(dose_guard(&both, &[], s, &clock(D0, 21)), Guard::AlreadyRecorded { count: 2, .. }));
        assert_eq!(dose_guard(&both, &[], s, &clock(D0 + 1, 8)), Guard::NotDoseDay);
        assert_eq!(dose_guard(&both, &[], s, &clock(D0 + 2, 8)), Guard::Clear);
        assert_eq!(guard_facts(s), [Fact::Missed, Fact::RenalSplit]);
    }

    #[test]
    fn one_dose_one_record_the_site_log_counts_and_never_twice() {
        // A checklist completion also logs its site: the two records of one
        // dose count once; a site logged alone is the day's dose.
        let c = clock(D0, 21);
        let run = [dose(at(D0, 8))];
        assert_eq!(merged_dose_days(&run, &[at(D0, 8)], &c), vec![D0]);
        assert_eq!(merged_dose_days(&[], &[at(D0, 8)], &c), vec![D0]);
        assert_eq!(merged_dose_days(&run, &[at(D0 - 1, 8), at(D0, 8)], &c), vec![D0 - 1, D0]);
        // Twice daily, one by checklist, both sites logged: two doses.
        assert_eq!(merged_dose_days(&run, &[at(D0, 8), at(D0, 20)], &c), vec![D0, D0]);
        assert_eq!(merged_dose_days(&[], &[at(D0, 20), at(D0 - 3, 8), at(D0, 8)], &c), vec![D0 - 3, D0, D0]);
        // The guard sees a site logged without the checklist.
        let g = dose_guard(&[], &[at(D0, 7)], DoseSchedule::Daily, &c);
        assert_eq!(g, Guard::AlreadyRecorded { last_ms: at(D0, 7), count: 1 });
        // Local days: a log at 23:30 local (UTC-5) belongs to that day.
        let ny = FixedClock::new(at(D0, 12), -300);
        assert_eq!(merged_dose_days(&[], &[at(D0, 4) + 30 * 60_000], &ny), vec![D0 - 1]);
    }

    #[test]
    fn confirmation_is_needed_only_while_the_guard_stands() {
        let mut run = Run::new(at(D0, 20), None);
        let g = Guard::AlreadyRecorded { last_ms: at(D0, 8), count: 1 };
        assert!(needs_confirmation(g, &run));
        assert!(needs_confirmation(Guard::NotDoseDay, &run));
        assert!(!needs_confirmation(Guard::Clear, &run));
        run = super::super::reduce(&run, super::super::RunAction::ConfirmExtraDose, at(D0, 20)).unwrap();
        assert!(run.extra_dose_confirmed);
        assert!(!needs_confirmation(g, &run));
        for m in GuardMsg::ALL {
            let [en, es] = m.texts();
            assert_ne!(en, es);
            assert_eq!(crate::core::i18n::placeholders(en), crate::core::i18n::placeholders(es));
        }
    }
}
