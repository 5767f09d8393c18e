//! Dose history on LOCAL calendar days. A completed run is a dose taken at its
//! `completed_ms`; stopped or unfinished runs do not count.

use serde::{Deserialize, Serialize};

use crate::messages;
use super::Run;
use crate::core::facts::Fact;
use crate::core::i18n::{fill, Lang, Translate};

#[cfg(test)]
const DAY_MS: i64 = 86_400_000;

pub use crate::core::clock::local_day;
use crate::core::clock::Clock;

/// How often doses are due. Everything downstream (the strip, missed days,
/// the checklist's "today is not a dose day") follows the schedule actually
/// chosen (RENAL-EOD), never one guessed from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DoseSchedule {
    Daily,
    /// Due on `anchor_day`, `anchor_day + 2`, … (local day numbers). Without an
    /// anchor, the local day of the first dose taken is used.
    #[serde(rename_all = "camelCase")]
    EveryOtherDay { anchor_day: Option<i64> },
    TwiceDaily,
    /// Two doses on `anchor_day`, `anchor_day + 2`, …: the daily dose split in
    /// two on every other day. No label describes it (RENAL-SPLIT): it exists
    /// only as the prescriber's explicit choice and is shown with a warning.
    /// (Added in the same storage version: older records never hold it.)
    #[serde(rename_all = "camelCase")]
    TwiceEveryOtherDay { anchor_day: Option<i64> },
}

impl DoseSchedule {
    /// The choices offered when the calculator has not given a schedule. The
    /// last one (RENAL-SPLIT) is labelled as the prescriber's choice.
    pub const CHOICES: [DoseSchedule; 4] = [
        DoseSchedule::Daily,
        DoseSchedule::EveryOtherDay { anchor_day: None },
        DoseSchedule::TwiceDaily,
        DoseSchedule::TwiceEveryOtherDay { anchor_day: None },
    ];

    /// The schedule of a dose computed by the calculator, exactly: 1 a day
    /// every day → daily; 1 every 2 days → every other day; 2 a day every day
    /// → twice daily; 2 every 2 days → twice daily every other day (RENAL-EOD,
    /// RENAL-SPLIT; anchored on the first dose taken). An interval other than
    /// 2 counts as every day.
    pub fn from_dose(administrations_per_day: u8, interval_days: u8) -> DoseSchedule {
        match (administrations_per_day >= 2, interval_days == 2) {
            (false, false) => DoseSchedule::Daily,
            (false, true) => DoseSchedule::EveryOtherDay { anchor_day: None },
            (true, false) => DoseSchedule::TwiceDaily,
            (true, true) => DoseSchedule::TwiceEveryOtherDay { anchor_day: None },
        }
    }

    /// Stable id for form controls ("daily", "everyOtherDay", "twiceDaily",
    /// "twiceEveryOtherDay").
    pub fn code(self) -> &'static str {
        match self {
            DoseSchedule::Daily => "daily",
            DoseSchedule::EveryOtherDay { .. } => "everyOtherDay",
            DoseSchedule::TwiceDaily => "twiceDaily",
            DoseSchedule::TwiceEveryOtherDay { .. } => "twiceEveryOtherDay",
        }
    }

    /// Same kind of schedule, whatever the anchor.
    pub fn same_kind(self, other: DoseSchedule) -> bool {
        self.code() == other.code()
    }

    /// Doses due on a due day.
    pub fn per_day(self) -> u32 {
        match self {
            DoseSchedule::TwiceDaily | DoseSchedule::TwiceEveryOtherDay { .. } => 2,
            _ => 1,
        }
    }

    /// Days from one due day to the next (1 or 2).
    pub fn interval_days(self) -> i64 {
        match self {
            DoseSchedule::EveryOtherDay { .. } | DoseSchedule::TwiceEveryOtherDay { .. } => 2,
            _ => 1,
        }
    }

    /// The explicit anchor of an every-other-day schedule, if any.
    pub fn anchor_day(self) -> Option<i64> {
        match self {
            DoseSchedule::EveryOtherDay { anchor_day } | DoseSchedule::TwiceEveryOtherDay { anchor_day } => anchor_day,
            _ => None,
        }
    }

    /// The day due days count from: the explicit anchor, else the first day a
    /// dose was taken (`taken` sorted, as from [`dose_days`]); `None` before
    /// any dose.
    pub fn start_day(self, taken: &[i64]) -> Option<i64> {
        self.anchor_day().or_else(|| taken.first().copied())
    }

    /// Doses due on local `day` when due days count from `start`: `per_day`
    /// on `start`, `start + interval`, …; 0 on every other day and before
    /// `start` (or without one).
    pub fn doses_due(self, day: i64, start: Option<i64>) -> u32 {
        match start {
            Some(s) if day >= s && (day - s).rem_euclid(self.interval_days()) == 0 => self.per_day(),
            _ => 0,
        }
    }

    /// RENAL-SPLIT: no label describes this regimen; the view warns.
    pub fn unlabelled_split(self) -> bool {
        matches!(self, DoseSchedule::TwiceEveryOtherDay { .. })
    }
}

/// Whether today is a dose day under `schedule` (always, before a first dose
/// without an anchor: the first dose starts the schedule).
pub fn due_today(runs: &[Run], schedule: DoseSchedule, clock: &dyn Clock) -> bool {
    due_today_with(runs, &[], schedule, clock)
}

/// [`due_today`] counting the injection log's doses too (`logged_ms`: one
/// dose, one record; see [`merged_dose_days`]).
pub fn due_today_with(runs: &[Run], logged_ms: &[i64], schedule: DoseSchedule, clock: &dyn Clock) -> bool {
    let now_ms = clock.now_ms();
    let today = local_day(now_ms, clock.local_offset_minutes(now_ms));
    let taken = merged_dose_days(runs, logged_ms, clock);
    match schedule.start_day(&taken) {
        None => true,
        start => schedule.doses_due(today, start) > 0,
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

/// Local days of the site log's injections (`at_ms`), sorted, one per entry.
fn logged_days(logged_ms: &[i64], clock: &dyn Clock) -> Vec<i64> {
    let mut d: Vec<i64> = Vec::with_capacity(logged_ms.len());
    for &ms in logged_ms {
        let day = local_day(ms, clock.local_offset_minutes(ms));
        let at = d.partition_point(|&x| x <= day);
        d.insert(at, day);
    }
    d
}

/// One dose, one record: the local days on which a dose was taken (one entry
/// per dose, sorted), counting per day the larger of the completed runs and
/// the injection-log entries (`logged_ms`).
pub fn merged_dose_days(runs: &[Run], logged_ms: &[i64], clock: &dyn Clock) -> Vec<i64> {
    let a = dose_days(runs, clock);
    let b = logged_days(logged_ms, clock);
    let mut out = Vec::with_capacity(a.len().max(b.len()));
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let day = match (a.get(i), b.get(j)) {
            (Some(&x), Some(&y)) => x.min(y),
            (Some(&x), None) => x,
            (None, Some(&y)) => y,
            (None, None) => break,
        };
        let (mut na, mut nb) = (0, 0);
        while a.get(i) == Some(&day) {
            na += 1;
            i += 1;
        }
        while b.get(j) == Some(&day) {
            nb += 1;
            j += 1;
        }
        for _ in 0..na.max(nb) {
            out.push(day);
        }
    }
    out
}

/// The last `days` local days, oldest first, ending today. Days before the
/// first dose ever taken (or before the every-other-day anchor) are `NotDue`:
/// the strip does not invent misses from before treatment started. Future days
/// never appear, so they are never marked missed. "Today" is the clock's now.
pub fn history_strip(runs: &[Run], schedule: DoseSchedule, clock: &dyn Clock, days: usize) -> Vec<DayCell> {
    history_strip_with(runs, &[], schedule, clock, days)
}

/// [`history_strip`] counting the injection log's doses too (`logged_ms`,
/// when each injection was given): a day whose dose was logged, by the
/// checklist or by the site log, is never "Due today" (one dose, one record;
/// see [`merged_dose_days`]).
pub fn history_strip_with(runs: &[Run], logged_ms: &[i64], schedule: DoseSchedule, clock: &dyn Clock, days: usize) -> Vec<DayCell> {
    let now_ms = clock.now_ms();
    let today = local_day(now_ms, clock.local_offset_minutes(now_ms));
    let taken = merged_dose_days(runs, logged_ms, clock);
    let start = schedule.start_day(&taken);
    let n = days as i64;
    (0..n)
        .map(|i| {
            let day = today - (n - 1 - i);
            let count = taken.iter().filter(|&&d| d == day).count() as u32;
            let due = schedule.doses_due(day, start);
            let state = if count > 0 && (due == 0 || count >= due) {
                // All due doses taken, or a dose on a day it was not due.
                DayState::Taken(count)
            } else if count > 0 {
                DayState::Partial
            } else if day == today && (due > 0 || start.is_none()) {
                DayState::TodayPending
            } else if due > 0 && day < today {
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
            "Missed a dose? Contact your doctor to discuss when to take the next one. Never take a double dose on your own to make up for it.",
            "¿Olvidó una dosis? Comuníquese con su médico para hablar de cuándo administrarse la siguiente. Nunca se administre una dosis doble por su cuenta para compensarla.",
        ],
        SplitWarning => [
            "Twice daily, every other day is not described in the product labels: follow it only because your prescriber chose it, and ask them if in doubt.",
            "Dos veces al día, en días alternos no se describe en la información del producto: sígalo solo porque su médico lo indicó y consúltele si tiene dudas.",
        ],
        NotDueToday => [
            "Today is not a dose day in your schedule ({schedule}).",
            "Hoy no es día de dosis según su frecuencia ({schedule}).",
        ],
    }
}

impl Translate for DoseSchedule {
    crate::text_slots!(DoseSchedule);
    fn en(self) -> &'static str {
        match self {
            DoseSchedule::Daily => "Once daily",
            DoseSchedule::EveryOtherDay { .. } => "Every other day",
            DoseSchedule::TwiceDaily => "Twice daily",
            DoseSchedule::TwiceEveryOtherDay { .. } => "Twice daily, every other day (only if your prescriber chose it)",
        }
    }

    fn es(self) -> &'static str {
        match self {
            DoseSchedule::Daily => "Una vez al día",
            DoseSchedule::EveryOtherDay { .. } => "En días alternos",
            DoseSchedule::TwiceDaily => "Dos veces al día",
            DoseSchedule::TwiceEveryOtherDay { .. } => "Dos veces al día, en días alternos (solo si su médico lo indicó)",
        }
    }
}

/// Whether the strip shows a missed dose (the view then shows
/// [`HistoryMsg::MissedDose`]).
pub fn any_missed(cells: &[DayCell]) -> bool {
    cells.iter().any(|c| c.state == DayState::Missed)
}

/// The missed-dose message: MISSED (EU PL 3).
pub const MISSED_DOSE_FACT: Fact = Fact::Missed;
/// The twice-daily every-other-day warning (RENAL-SPLIT).
pub const SPLIT_FACT: Fact = Fact::RenalSplit;
/// The schedule actually chosen drives the history and the checklist (RENAL-EOD).
pub const SCHEDULE_FACT: Fact = Fact::RenalEod;

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

    /// The count shown in the day's cell, next to the symbol, when more than
    /// one dose was taken that day ("×2"): visible, not only to screen readers.
    pub fn visible_count(self) -> Option<String> {
        match self {
            DayState::Taken(n) if n > 1 => Some(format!("×{n}")),
            _ => None,
        }
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
    fn a_day_logged_only_in_the_site_log_is_taken_not_due() {
        // One dose, one record: the site log's injection today is today's dose.
        let c = FixedClock::new(at(D0, 20), 0);
        let cells = history_strip_with(&[], &[at(D0, 8)], DoseSchedule::Daily, &c, 2);
        assert_eq!(states(&cells), vec![DayState::NotDue, DayState::Taken(1)]);
        assert!(!due_today_with(&[dose(at(D0 - 1, 8))], &[at(D0, 8)], DoseSchedule::EveryOtherDay { anchor_day: None }, &c));
        // The checklist and the site log of the same dose count once.
        let cells = history_strip_with(&[dose(at(D0, 8))], &[at(D0, 8)], DoseSchedule::Daily, &c, 1);
        assert_eq!(states(&cells), vec![DayState::Taken(1)]);
        // Twice daily: two logged sites, two doses, a visible count (RENAL-EOD: the schedule chosen).
        let cells = history_strip_with(&[dose(at(D0, 8))], &[at(D0, 8), at(D0, 19)], DoseSchedule::TwiceDaily, &c, 1);
        assert_eq!(states(&cells), vec![DayState::Taken(2)]);
        assert_eq!(cells[0].state.visible_count().as_deref(), Some("×2"));
        assert_eq!(DayState::Taken(1).visible_count(), None);
        assert_eq!(DayState::Partial.visible_count(), None);
    }

    #[test]
    fn labels_have_symbol_and_word() {
        assert_eq!(DayState::Taken(1).label("Mon 10 Jun", Lang::En), "Mon 10 Jun: ✓ Taken");
        assert_eq!(DayState::Taken(2).label("x", Lang::En), "x: ✓ Taken (2 doses)");
        assert_eq!(DayState::Missed.label("x", Lang::Es), "x: ✕ Omitida");
        assert_eq!(DayState::NotDue.label("x", Lang::En), "x: – Not due");
        assert_eq!(DayState::Partial.label("x", Lang::En), "x: ½ 1 of 2 doses");
        let m = HistoryMsg::MissedDose.tr(Lang::En);
        // MISSED (EU PL 3): contact the doctor about the next one; never double up.
        assert!(m.contains("Contact your doctor") && m.contains("when to take the next one") && m.contains("Never take a double dose"));
        assert!(HistoryMsg::MissedDose.tr(Lang::Es).contains("su médico"));
        assert_eq!(MISSED_DOSE_FACT, Fact::Missed);
        assert_eq!(MISSED_DOSE_FACT.source(), "EU PL 3");
    }

    #[test]
    fn schedule_from_the_calculator_dose() {
        assert_eq!(DoseSchedule::from_dose(1, 1), DoseSchedule::Daily);
        assert_eq!(DoseSchedule::from_dose(2, 1), DoseSchedule::TwiceDaily);
        assert_eq!(DoseSchedule::from_dose(1, 2), DoseSchedule::EveryOtherDay { anchor_day: None });
        assert_eq!(DoseSchedule::from_dose(1, 0), DoseSchedule::Daily);
        // RENAL-EOD, RENAL-SPLIT: twice daily every other day stays every
        // other day (it was mapped to twice EVERY day).
        assert_eq!(DoseSchedule::from_dose(2, 2), DoseSchedule::TwiceEveryOtherDay { anchor_day: None });
        assert_eq!(DoseSchedule::from_dose(2, 2).per_day(), 2);
        assert_eq!(DoseSchedule::from_dose(2, 2).interval_days(), 2);
        assert!(DoseSchedule::from_dose(2, 2).unlabelled_split());
        assert!(!DoseSchedule::from_dose(2, 1).unlabelled_split());
        assert_eq!(SPLIT_FACT, Fact::RenalSplit);
        assert_eq!(SCHEDULE_FACT, Fact::RenalEod);
        assert!(DoseSchedule::EveryOtherDay { anchor_day: Some(3) }.same_kind(DoseSchedule::CHOICES[1]));
        assert!(DoseSchedule::TwiceEveryOtherDay { anchor_day: Some(3) }.same_kind(DoseSchedule::CHOICES[3]));
        assert!(!DoseSchedule::Daily.same_kind(DoseSchedule::TwiceDaily));
        for s in DoseSchedule::CHOICES {
            let [en, es] = s.texts();
            assert!(!en.is_empty() && en != es);
        }
        assert_eq!(DoseSchedule::TwiceDaily.tr(Lang::Es), "Dos veces al día");
        // Spanish glossary: "en días alternos".
        assert_eq!(DoseSchedule::EveryOtherDay { anchor_day: None }.tr(Lang::Es), "En días alternos");
        assert!(DoseSchedule::TwiceEveryOtherDay { anchor_day: None }.tr(Lang::Es).contains("en días alternos"));
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
    fn twice_every_other_day_reminds_only_every_other_day() {
        // RENAL-EOD, RENAL-SPLIT: two doses on D0-4 (the anchor), one on D0-2.
        let runs = [dose(at(D0 - 4, 8)), dose(at(D0 - 4, 20)), dose(at(D0 - 2, 8))];
        let s = DoseSchedule::from_dose(2, 2);
        let cells = history_strip(&runs, s, &FixedClock::new(at(D0, 12), 0), 5);
        assert_eq!(
            states(&cells),
            vec![
                DayState::Taken(2),     // D0-4
                DayState::NotDue,       // D0-3: not a dose day (was "missed")
                DayState::Partial,      // D0-2: 1 of 2
                DayState::NotDue,       // D0-1
                DayState::TodayPending, // D0
            ]
        );
        assert!(!any_missed(&cells));
        // Nothing on D0-2: a missed dose day; tomorrow is not a dose day.
        let cells = history_strip(&runs[..2], s, &FixedClock::new(at(D0 - 1, 12), 0), 4);
        assert_eq!(states(&cells), vec![DayState::Taken(2), DayState::NotDue, DayState::Missed, DayState::NotDue]);
        assert!(!due_today(&runs[..2], s, &FixedClock::new(at(D0 - 1, 12), 0)));
        assert!(due_today(&runs[..2], s, &FixedClock::new(at(D0, 12), 0)));
        assert!(due_today(&[], s, &FixedClock::new(at(D0, 12), 0)));
        // An explicit anchor.
        let anchored = DoseSchedule::TwiceEveryOtherDay { anchor_day: Some(D0 - 1) };
        assert_eq!(anchored.doses_due(D0 - 1, anchored.start_day(&[])), 2);
        assert_eq!(anchored.doses_due(D0, anchored.start_day(&[])), 0);
        assert_eq!(anchored.doses_due(D0 - 3, anchored.start_day(&[])), 0, "before the anchor");
    }

    #[test]
    fn old_stored_schedules_still_load_and_the_new_one_round_trips() {
        for (json, s) in [
            (r#""daily""#, DoseSchedule::Daily),
            (r#""twiceDaily""#, DoseSchedule::TwiceDaily),
            (r#"{"everyOtherDay":{"anchorDay":null}}"#, DoseSchedule::EveryOtherDay { anchor_day: None }),
            (r#"{"everyOtherDay":{"anchorDay":7}}"#, DoseSchedule::EveryOtherDay { anchor_day: Some(7) }),
        ] {
            assert_eq!(serde_json::from_str::<DoseSchedule>(json).unwrap(), s);
        }
        let s = DoseSchedule::TwiceEveryOtherDay { anchor_day: Some(4) };
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, r#"{"twiceEveryOtherDay":{"anchorDay":4}}"#);
        assert_eq!(serde_json::from_str::<DoseSchedule>(&json).unwrap(), s);
    }

    #[test]
    fn serde_shape() {
        let s = serde_json::to_string(&DoseSchedule::EveryOtherDay { anchor_day: Some(3) }).unwrap();
        assert_eq!(s, r#"{"everyOtherDay":{"anchorDay":3}}"#);
        let c = DayCell { local_day: 1, state: DayState::TodayPending };
        assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"localDay":1,"state":"todayPending"}"#);
    }
}
