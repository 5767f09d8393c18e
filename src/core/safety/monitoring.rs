//! Neutrophil-count monitoring: before starting, monthly for the first 3
//! months, then every 3 months up to 1 year (US PI 5.x, seed).

use serde::{Deserialize, Serialize};

use super::date::add_months;
use crate::messages;
use crate::core::i18n::{fill, Lang, Translate};

/// Source of the schedule.
pub const MONITORING_SOURCE: &str = "US PI 5.x, seed";
/// Months after the start at which a check is due (besides the baseline).
pub const CHECK_MONTHS: [u8; 6] = [1, 2, 3, 6, 9, 12];

/// One check of the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CheckPoint {
    /// Before starting (on or before the start day).
    Baseline,
    /// `n` calendar months after the start.
    Month(u8),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum CheckStatus {
    Done,
    DueToday,
    Overdue,
    Upcoming,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckRow {
    pub point: CheckPoint,
    /// Local day number the check is due (the baseline: the start day, at the latest).
    pub due_day: i64,
    pub status: CheckStatus,
    pub source: &'static str,
}

/// The schedule for a treatment starting on local day `start_day`, seen on
/// local day `today`; `done` lists the checks already done.
pub fn monitoring_schedule(start_day: i64, today: i64, done: &[CheckPoint]) -> Vec<CheckRow> {
    let mut rows = Vec::with_capacity(CHECK_MONTHS.len() + 1);
    for i in 0..=CHECK_MONTHS.len() {
        let (point, due_day) = if i == 0 {
            (CheckPoint::Baseline, start_day)
        } else {
            let m = CHECK_MONTHS[i - 1];
            (CheckPoint::Month(m), add_months(start_day, i32::from(m)))
        };
        let status = if done.contains(&point) {
            CheckStatus::Done
        } else if due_day == today {
            CheckStatus::DueToday
        } else if due_day < today {
            CheckStatus::Overdue
        } else {
            CheckStatus::Upcoming
        };
        rows.push(CheckRow { point, due_day, status, source: MONITORING_SOURCE });
    }
    rows
}

messages! {
    pub enum MonitoringMsg {
        Title => ["Neutrophil count checks", "Controles del recuento de neutrófilos"],
        Baseline => ["Before starting", "Antes de empezar"],
        Month => ["Month {n}", "Mes {n}"],
        Done => ["Done", "Hecho"],
        DueToday => ["Due today", "Toca hoy"],
        Overdue => ["Overdue", "Atrasado"],
        Upcoming => ["Upcoming", "Próximo"],
        EventSummary => ["Neutrophil count blood test", "Análisis de sangre: recuento de neutrófilos"],
        EventDescription => [
            "Kineret: neutrophil count check ({when}). Ask your healthcare provider about the blood test.",
            "Kineret: control del recuento de neutrófilos ({when}). Consulte a su profesional de la salud sobre el análisis de sangre.",
        ],
        Explain => [
            "Kineret can lower the neutrophil count. Your provider checks it before you start, monthly for the first 3 months, then every 3 months for up to 1 year.",
            "Kineret puede bajar el recuento de neutrófilos. Su profesional de la salud lo revisa antes de empezar, cada mes durante los primeros 3 meses y luego cada 3 meses hasta 1 año.",
        ],
    }
}

impl CheckPoint {
    pub fn label(self, lang: Lang) -> String {
        match self {
            CheckPoint::Baseline => MonitoringMsg::Baseline.tr(lang).to_string(),
            CheckPoint::Month(n) => fill(MonitoringMsg::Month.tr(lang), &[("n", &usize::from(n).to_string())]),
        }
    }
}

impl CheckStatus {
    pub fn msg(self) -> MonitoringMsg {
        match self {
            CheckStatus::Done => MonitoringMsg::Done,
            CheckStatus::DueToday => MonitoringMsg::DueToday,
            CheckStatus::Overdue => MonitoringMsg::Overdue,
            CheckStatus::Upcoming => MonitoringMsg::Upcoming,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::safety::date::{civil_from_days, days_from_civil};

    fn dates(rows: &[CheckRow]) -> Vec<(i64, u32, u32)> {
        rows.iter().map(|r| civil_from_days(r.due_day)).collect()
    }

    #[test]
    fn month_end_start_clamps_each_row_from_the_start() {
        let start = days_from_civil(2024, 1, 31);
        let rows = monitoring_schedule(start, start - 10, &[]);
        assert_eq!(
            dates(&rows),
            vec![(2024, 1, 31), (2024, 2, 29), (2024, 3, 31), (2024, 4, 30), (2024, 7, 31), (2024, 10, 31), (2025, 1, 31)]
        );
        assert!(rows.iter().all(|r| r.status == CheckStatus::Upcoming && r.source == MONITORING_SOURCE));
        let rows = monitoring_schedule(days_from_civil(2023, 8, 31), 0, &[]);
        assert_eq!(
            dates(&rows),
            vec![(2023, 8, 31), (2023, 9, 30), (2023, 10, 31), (2023, 11, 30), (2024, 2, 29), (2024, 5, 31), (2024, 8, 31)]
        );
    }

    #[test]
    fn statuses_relative_to_today() {
        let start = days_from_civil(2024, 3, 15);
        let today = days_from_civil(2024, 6, 15); // month 3 is due today
        let rows = monitoring_schedule(start, today, &[CheckPoint::Baseline, CheckPoint::Month(1)]);
        let st: Vec<CheckStatus> = rows.iter().map(|r| r.status).collect();
        assert_eq!(
            st,
            vec![
                CheckStatus::Done,
                CheckStatus::Done,
                CheckStatus::Overdue, // month 2 (May 15)
                CheckStatus::DueToday,
                CheckStatus::Upcoming,
                CheckStatus::Upcoming,
                CheckStatus::Upcoming,
            ]
        );
        assert_eq!(rows[0].point, CheckPoint::Baseline);
        assert_eq!(rows[6].point, CheckPoint::Month(12));
        // Baseline on the start day itself is due today.
        assert_eq!(monitoring_schedule(start, start, &[])[0].status, CheckStatus::DueToday);
    }

    #[test]
    fn labels() {
        assert_eq!(CheckPoint::Month(3).label(Lang::En), "Month 3");
        assert_eq!(CheckPoint::Month(12).label(Lang::Es), "Mes 12");
        assert_eq!(CheckPoint::Baseline.label(Lang::Es), "Antes de empezar");
        assert_eq!(CheckStatus::Overdue.msg().tr(Lang::En), "Overdue");
    }
}
