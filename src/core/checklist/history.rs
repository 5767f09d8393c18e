//! Dose history on LOCAL calendar days. A completed run is a dose taken at its
//! `completed_ms`; stopped or unfinished runs do not count.

use serde::{Deserialize, Serialize};

use crate::messages;
use super::Run;
use crate::core::i18n::{fill, Lang, Translate};

#[cfg(test)]
const DAY_MS: i64 = 86_400_000;

pub use crate::core::clock::local_day;
use crate::core::clock::Clock;

/// How often doses are due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DoseSchedule {
    Daily,
    /// Due on `anchor_day`, `anchor_day + 2`, … (local day numbers). Without an
    /// anchor, the local day of the first dose taken is used.
    #[serde(rename_all = "camelCase")]
    EveryOtherDay { anchor_day: Option<i64> },
    TwiceDaily,
}

impl DoseSchedule {
    /// The choices offered when the calculator has not given a schedule.
    pub const CHOICES: [DoseSchedule; 3] =
        [DoseSchedule::Daily, DoseSchedule::EveryOtherDay { anchor_day: None }, DoseSchedule::TwiceDaily];

    /// The schedule of a dose computed by the calculator: 2 administrations a
    /// day → twice daily; an interval of 2 days → every other day (anchored on
    /// the first dose taken); anything else → daily.
    pub fn from_dose(administrations_per_day: u8, interval_days: u8) -> DoseSchedule {
        if administrations_per_day >= 2 {
            DoseSchedule::TwiceDaily
        } else if interval_days == 2 {
            DoseSchedule::EveryOtherDay { anchor_day: None }
        } else {
            DoseSchedule::Daily
        }
    }

    /// Stable id for form controls ("daily", "everyOtherDay", "twiceDaily").
    pub fn code(self) -> &'static str {
        match self {
            DoseSchedule::Daily => "daily",
            DoseSchedule::EveryOtherDay { .. } => "everyOtherDay",
            DoseSchedule::TwiceDaily => "twiceDaily",
        }
    }

    /// Same kind of schedule, whatever the anchor.
    pub fn same_kind(self, other: DoseSchedule) -> bool {
        self.code() == other.code()
    }

    /// Doses due on a due day.
    pub fn per_day(self) -> u32 {
        match self {
            DoseSchedule::TwiceDaily => 2,
            _ => 1,
        }
    }
}

/// What one day of the strip shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DayState {
    /// All due doses taken (or a dose taken on a day it was not due).
    Taken(u32),
    Missed,
    NotDue,
    /// Twice daily: 1 of 2 taken (today too, while the second is pending).
    Partial,
    /// Due today and nothing taken yet.
    TodayPending,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DayCell {
    pub local_day: i64,
    pub state: DayState,
}

/// Local days on which a dose was taken (one entry per dose), sorted.
/// (Insertion keeps it sorted: a few hundred runs at most, and no slice-sort
/// code in the wasm bundle.)
/// Each dose is placed on its own local day with the UTC offset in force at
/// that instant (so a dose taken before a DST change stays on its day).
pub fn dose_days(runs: &[Run], clock: &dyn Clock) -> Vec<i64> {
    let mut d: Vec<i64> = Vec::with_capacity(runs.len());
    for day in runs
        .iter()
        .filter(|r| r.stopped.is_none())
        .filter_map(|r| r.completed_ms)
        .map(|ms| local_day(ms, clock.local_offset_minutes(ms)))
    {
        let at = d.partition_point(|&x| x <= day);
        d.insert(at, day);
    }
    d
}

/// The last `days` local days, oldest first, ending today. Days before the
/// first dose ever taken (or before the every-other-day anchor) are `NotDue`:
/// the strip does not invent misses from before treatment started. Future days
/// never appear, so they are never marked missed. "Today" is the clock's now.
pub fn history_strip(runs: &[Run], schedule: DoseSchedule, clock: &dyn Clock, days: usize) -> Vec<DayCell> {
    let now_ms = clock.now_ms();
    let today = local_day(now_ms, clock.local_offset_minutes(now_ms));
    let taken = dose_days(runs, clock);
    let first = taken.first().copied();
    let start = match schedule {
        DoseSchedule::EveryOtherDay { anchor_day: Some(a) } => Some(a),
        _ => first,
    };
    let n = days as i64;
    (0..n)
        .map(|i| {
            let day = today - (n - 1 - i);
            let count = taken.iter().filter(|&&d| d == day).count() as u32;
            let due = match (schedule, start) {
                (_, None) => false,
                (_, Some(s)) if day < s => false,
                (DoseSchedule::EveryOtherDay { .. }, Some(s)) => (day - s).rem_euclid(2) == 0,
                _ => true,
            };
            let state = if count >= schedule.per_day() {
                DayState::Taken(count)
            } else if count > 0 {
                DayState::Partial
            } else if day == today && (due || start.is_none()) {
                DayState::TodayPending
            } else if due && day < today {
                DayState::Missed
            } else {
                DayState::NotDue
            };
            DayCell { local_day: day, state }
        })
        .collect()
}

messages! {
    /// Status words for the strip (colour is never the only cue).
    pub enum HistoryMsg {
        Taken => ["Taken", "Administrada"],
        TakenCount => ["Taken ({n} doses)", "Administrada ({n} dosis)"],
        Missed => ["Missed", "Omitida"],
        NotDue => ["Not due", "No corresponde"],
        Partial => ["1 of 2 doses", "1 de 2 dosis"],
        TodayPending => ["Due today", "Pendiente hoy"],
        DayLabel => ["{date}: {symbol} {status}", "{date}: {symbol} {status}"],
        MissedDose => [
            "Missed a dose? Contact your healthcare provider to ask what to do. Never take two doses to make up for a missed one.",
            "¿Olvidó una dosis? Comuníquese con su profesional de la salud para saber qué hacer. Nunca se administre dos dosis para compensar la que olvidó.",
        ],
    }
}

impl Translate for DoseSchedule {
    fn texts(self) -> [&'static str; 2] {
        match self {
            DoseSchedule::Daily => ["Once daily", "Una vez al día"],
            DoseSchedule::EveryOtherDay { .. } => ["Every other day", "Cada dos días (en días alternos)"],
            DoseSchedule::TwiceDaily => ["Twice daily", "Dos veces al día"],
        }
    }
}

/// Whether the strip shows a missed dose (the view then shows
/// [`HistoryMsg::MissedDose`]).
pub fn any_missed(cells: &[DayCell]) -> bool {
    cells.iter().any(|c| c.state == DayState::Missed)
}

/// The missed-dose message has no CLINICAL.md row; it is the issue's wording.
pub const MISSED_DOSE_SOURCE: &str = "general practice, not in the label";

impl DayState {
    /// ✓ taken, ✕ missed, – not due, ½ partial, ○ due today.
    pub fn symbol(self) -> &'static str {
        match self {
            DayState::Taken(_) => "✓",
            DayState::Missed => "✕",
            DayState::NotDue => "–",
            DayState::Partial => "½",
            DayState::TodayPending => "○",
        }
    }

    /// The status word(s).
    pub fn status(self, lang: Lang) -> String {
        let m = match self {
            DayState::Taken(n) if n > 1 => {
                return fill(HistoryMsg::TakenCount.tr(lang), &[("n", &n.to_string())]);
            }
            DayState::Taken(_) => HistoryMsg::Taken,
            DayState::Missed => HistoryMsg::Missed,
            DayState::NotDue => HistoryMsg::NotDue,
            DayState::Partial => HistoryMsg::Partial,
            DayState::TodayPending => HistoryMsg::TodayPending,
        };
        m.tr(lang).to_string()
    }

    /// Accessible label: "{date}: ✓ Taken". `date` is formatted by the shell.
    pub fn label(self, date: &str, lang: Lang) -> String {
        fill(
            HistoryMsg::DayLabel.tr(lang),
            &[("date", date), ("symbol", self.symbol()), ("status", &self.status(lang))],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checklist::Run;
    use crate::core::clock::FixedClock;

    /// Central Europe around a spring DST change: UTC+1 before `change_ms`,
    /// UTC+2 from then on; now is `now_ms`.
    struct DstClock {
        now_ms: i64,
        change_ms: i64,
    }

    impl Clock for DstClock {
        fn now_ms(&self) -> i64 {
            self.now_ms
        }
        fn local_offset_minutes(&self, at_ms: i64) -> i32 {
            if at_ms < self.change_ms { 60 } else { 120 }
        }
    }

    const H: i64 = 3_600_000;
    // 2024-06-10T00:00:00Z is day 19884.
    const D0: i64 = 19_884;

    fn dose(ms: i64) -> Run {
        let mut r = Run::new(ms - H, None);
        r.completed_ms = Some(ms);
        r
    }

    fn at(day: i64, hour: i64) -> i64 {
        day * DAY_MS + hour * H
    }

    fn states(cells: &[DayCell]) -> Vec<DayState> {
        cells.iter().map(|c| c.state).collect()
    }

    #[test]
    fn local_day_handles_offsets_and_negatives() {
        assert_eq!(local_day(at(D0, 0), 0), D0);
        assert_eq!(local_day(at(D0, 0) - 1, 0), D0 - 1);
        // 03:00 UTC in New York (UTC-4) is 23:00 the day before.
        assert_eq!(local_day(at(D0, 3), -240), D0 - 1);
        assert_eq!(local_day(at(D0, 4), -240), D0);
        // 22:30 UTC in Madrid summer (UTC+2) is 00:30 the next day.
        assert_eq!(local_day(at(D0, 22) + 30 * 60_000, 120), D0 + 1);
        assert_eq!(local_day(-1, 0), -1);
    }

    #[test]
    fn daily_taken_missed_pending_and_before_start() {
        let runs = [dose(at(D0 - 3, 9)), dose(at(D0 - 1, 9))];
        let cells = history_strip(&runs, DoseSchedule::Daily, &FixedClock::new(at(D0, 8), 0), 6);
        assert_eq!(cells.len(), 6);
        assert_eq!(cells[0].local_day, D0 - 5);
        assert_eq!(cells[5].local_day, D0);
        assert_eq!(
            states(&cells),
            vec![
                DayState::NotDue, // before the first dose
                DayState::NotDue,
                DayState::Taken(1),
                DayState::Missed,
                DayState::Taken(1),
                DayState::TodayPending,
            ]
        );
        let later = history_strip(&[dose(at(D0 - 3, 9)), dose(at(D0, 7))], DoseSchedule::Daily, &FixedClock::new(at(D0, 8), 0), 2);
        assert_eq!(states(&later), vec![DayState::Missed, DayState::Taken(1)]);
    }

    #[test]
    fn local_midnight_edges_with_offset() {
        // UTC-5: a dose at 04:30 UTC on D0 is 23:30 local on D0-1.
        let off = -300;
        let runs = [dose(at(D0, 4) + 30 * 60_000)];
        let now = at(D0, 5) + 30 * 60_000; // 00:30 local on D0
        let cells = history_strip(&runs, DoseSchedule::Daily, &FixedClock::new(now, off), 2);
        assert_eq!(cells[0].local_day, D0 - 1);
        assert_eq!(states(&cells), vec![DayState::Taken(1), DayState::TodayPending]);
        // Same instants read in UTC put the dose on D0 (today).
        let utc = history_strip(&runs, DoseSchedule::Daily, &FixedClock::new(now, 0), 2);
        assert_eq!(states(&utc), vec![DayState::NotDue, DayState::Taken(1)]);
        // UTC+9: 16:00 UTC on D0 is 01:00 on D0+1.
        let east = history_strip(&[dose(at(D0, 10))], DoseSchedule::Daily, &FixedClock::new(at(D0, 16), 540), 2);
        assert_eq!(east[1].local_day, D0 + 1);
        assert_eq!(states(&east), vec![DayState::Taken(1), DayState::TodayPending]);
    }

    #[test]
    fn every_other_day_missed_vs_not_due() {
        // Anchor = first dose day D0-6.
        let runs = [dose(at(D0 - 6, 9)), dose(at(D0 - 4, 9))];
        let cells = history_strip(&runs, DoseSchedule::EveryOtherDay { anchor_day: None }, &FixedClock::new(at(D0, 12), 0), 7);
        assert_eq!(
            states(&cells),
            vec![
                DayState::Taken(1),   // D0-6
                DayState::NotDue,     // D0-5
                DayState::Taken(1),   // D0-4
                DayState::NotDue,     // D0-3
                DayState::Missed,     // D0-2
                DayState::NotDue,     // D0-1
                DayState::TodayPending, // D0
            ]
        );
        // An explicit anchor shifts the due days (D0-5, D0-3, D0-1); today is not due.
        let cells = history_strip(&runs, DoseSchedule::EveryOtherDay { anchor_day: Some(D0 - 5) }, &FixedClock::new(at(D0, 12), 0), 3);
        assert_eq!(states(&cells), vec![DayState::NotDue, DayState::Missed, DayState::NotDue]);
    }

    #[test]
    fn twice_daily_partial() {
        let runs = [
            dose(at(D0 - 2, 8)),
            dose(at(D0 - 2, 20)),
            dose(at(D0 - 1, 8)),
            dose(at(D0, 8)),
        ];
        let cells = history_strip(&runs, DoseSchedule::TwiceDaily, &FixedClock::new(at(D0, 12), 0), 4);
        assert_eq!(
            states(&cells),
            vec![DayState::NotDue, DayState::Taken(2), DayState::Partial, DayState::Partial]
        );
        let none_today = history_strip(&runs[..3], DoseSchedule::TwiceDaily, &FixedClock::new(at(D0, 12), 0), 1);
        assert_eq!(states(&none_today), vec![DayState::TodayPending]);
    }

    #[test]
    fn stopped_and_unfinished_runs_do_not_count_and_empty_history() {
        let mut stopped = dose(at(D0 - 1, 9));
        stopped.stopped = Some(crate::core::checklist::StopReason::InspectionFailed);
        let unfinished = Run::new(at(D0 - 1, 9), None);
        let cells = history_strip(&[stopped, unfinished], DoseSchedule::Daily, &FixedClock::new(at(D0, 9), 0), 30);
        assert_eq!(cells.len(), 30);
        assert!(cells[..29].iter().all(|c| c.state == DayState::NotDue));
        assert_eq!(cells[29].state, DayState::TodayPending);
        assert!(history_strip(&[], DoseSchedule::Daily, &FixedClock::new(0, 0), 0).is_empty());
    }

    #[test]
    fn labels_have_symbol_and_word() {
        assert_eq!(DayState::Taken(1).label("Mon 10 Jun", Lang::En), "Mon 10 Jun: ✓ Taken");
        assert_eq!(DayState::Taken(2).label("x", Lang::En), "x: ✓ Taken (2 doses)");
        assert_eq!(DayState::Missed.label("x", Lang::Es), "x: ✕ Omitida");
        assert_eq!(DayState::NotDue.label("x", Lang::En), "x: – Not due");
        assert_eq!(DayState::Partial.label("x", Lang::En), "x: ½ 1 of 2 doses");
        let m = HistoryMsg::MissedDose.tr(Lang::En);
        assert!(m.contains("healthcare provider") && m.contains("Never take two doses"));
        assert!(HistoryMsg::MissedDose.tr(Lang::Es).contains("profesional de la salud"));
    }

    #[test]
    fn schedule_from_the_calculator_dose() {
        assert_eq!(DoseSchedule::from_dose(1, 1), DoseSchedule::Daily);
        assert_eq!(DoseSchedule::from_dose(2, 1), DoseSchedule::TwiceDaily);
        assert_eq!(DoseSchedule::from_dose(1, 2), DoseSchedule::EveryOtherDay { anchor_day: None });
        assert_eq!(DoseSchedule::from_dose(1, 0), DoseSchedule::Daily);
        assert!(DoseSchedule::EveryOtherDay { anchor_day: Some(3) }.same_kind(DoseSchedule::CHOICES[1]));
        assert!(!DoseSchedule::Daily.same_kind(DoseSchedule::TwiceDaily));
        for s in DoseSchedule::CHOICES {
            let [en, es] = s.texts();
            assert!(!en.is_empty() && en != es);
        }
        assert_eq!(DoseSchedule::TwiceDaily.tr(Lang::Es), "Dos veces al día");
    }

    #[test]
    fn missed_days_are_flagged_for_the_provider_message() {
        let runs = [dose(at(D0 - 3, 9)), dose(at(D0 - 1, 9))];
        let cells = history_strip(&runs, DoseSchedule::Daily, &FixedClock::new(at(D0, 8), 0), 30);
        assert!(any_missed(&cells));
        let every_day = [dose(at(D0 - 1, 9)), dose(at(D0, 7))];
        assert!(!any_missed(&history_strip(&every_day, DoseSchedule::Daily, &FixedClock::new(at(D0, 8), 0), 30)));
        // Every other day: the day between two doses is not a miss.
        let eod = [dose(at(D0 - 2, 9)), dose(at(D0, 7))];
        let cells = history_strip(&eod, DoseSchedule::EveryOtherDay { anchor_day: None }, &FixedClock::new(at(D0, 8), 0), 30);
        assert!(!any_missed(&cells));
        assert_eq!(cells[28].state, DayState::NotDue);
    }

    #[test]
    fn each_dose_keeps_the_offset_of_its_own_instant_across_dst() {
        // Clocks go forward at 01:00 UTC on D0 - 3. Doses at 23:30 local time
        // the two evenings before (22:30 UTC at UTC+1) and every evening after
        // (21:30 UTC at UTC+2). Read with today's UTC+2, the early doses would
        // move to the next day (00:30), leaving D0 - 5 empty and D0 - 4
        // doubled.
        let change = at(D0 - 3, 1);
        let mut runs = vec![dose(at(D0 - 5, 22) + 30 * 60_000), dose(at(D0 - 4, 22) + 30 * 60_000)];
        for d in (D0 - 3)..D0 {
            runs.push(dose(at(d, 21) + 30 * 60_000));
        }
        let clock = DstClock { now_ms: at(D0, 10), change_ms: change };
        assert_eq!(dose_days(&runs, &clock), vec![D0 - 5, D0 - 4, D0 - 3, D0 - 2, D0 - 1]);
        let cells = history_strip(&runs, DoseSchedule::Daily, &clock, 6);
        assert_eq!(cells[0].local_day, D0 - 5);
        assert_eq!(
            states(&cells),
            vec![
                DayState::Taken(1),
                DayState::Taken(1),
                DayState::Taken(1),
                DayState::Taken(1),
                DayState::Taken(1),
                DayState::TodayPending,
            ]
        );
        // The old reading (one offset for all 30 days) gets it wrong.
        let one_offset = FixedClock::new(at(D0, 10), 120);
        assert_ne!(dose_days(&runs, &one_offset), dose_days(&runs, &clock));
    }

    #[test]
    fn dose_days_are_sorted_whatever_the_run_order() {
        let runs = [dose(at(D0, 9)), dose(at(D0 - 5, 9)), dose(at(D0 - 2, 9)), dose(at(D0 - 5, 20))];
        assert_eq!(dose_days(&runs, &FixedClock::new(0, 0)), vec![D0 - 5, D0 - 5, D0 - 2, D0]);
        assert!(dose_days(&[], &FixedClock::new(0, 0)).is_empty());
    }

    #[test]
    fn serde_shape() {
        let s = serde_json::to_string(&DoseSchedule::EveryOtherDay { anchor_day: Some(3) }).unwrap();
        assert_eq!(s, r#"{"everyOtherDay":{"anchorDay":3}}"#);
        let c = DayCell { local_day: 1, state: DayState::TodayPending };
        assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"localDay":1,"state":"todayPending"}"#);
    }
}
