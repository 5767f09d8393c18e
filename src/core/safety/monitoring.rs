//! Neutrophil-count monitoring by region. US (MON-ANC-US): before starting,
//! monthly for the first 3 months, then every 3 months up to 1 year. EU
//! (MON-ANC-EU, to confirm): before starting, monthly for the first 6 months,
//! then every 3 months; the dated rows cover the first year.

use serde::{Deserialize, Serialize};

use crate::core::date::add_months;
use super::course::{Condition, Context};
use crate::core::attrs::Region;
use crate::core::facts::Fact;
use crate::messages;
use crate::core::i18n::{fill, Lang, Translate};

/// Months after the start at which a check is due (besides the baseline), US.
pub const CHECK_MONTHS_US: [u8; 6] = [1, 2, 3, 6, 9, 12];
/// The same in the EU; it holds every US month too, so a record of checks
/// done is read the same in both regions.
pub const CHECK_MONTHS_EU: [u8; 8] = [1, 2, 3, 4, 5, 6, 9, 12];
/// Every month a check can be due, in either region.
pub const CHECK_MONTHS: &[u8] = &CHECK_MONTHS_EU;

/// The region's neutrophil-count schedule: its fact and its months.
pub fn anc_plan(region: Region) -> (Fact, &'static [u8]) {
    match region {
        Region::Us => (Fact::MonAncUs, &CHECK_MONTHS_US),
        Region::Eu => (Fact::MonAncEu, &CHECK_MONTHS_EU),
    }
}

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckRow {
    pub point: CheckPoint,
    /// Local day number the check is due (the baseline: the start day, at the latest).
    pub due_day: i64,
    pub status: CheckStatus,
    /// MON-ANC-US or MON-ANC-EU; the user sees its source.
    pub fact: Fact,
}

/// The region's schedule for a treatment starting on local day `start_day`,
/// seen on local day `today`; `done` lists the checks already done.
pub fn monitoring_schedule(start_day: i64, today: i64, done: &[CheckPoint], region: Region) -> Vec<CheckRow> {
    let (fact, months) = anc_plan(region);
    let mut rows = Vec::with_capacity(months.len() + 1);
    for i in 0..=months.len() {
        let (point, due_day) = if i == 0 {
            (CheckPoint::Baseline, start_day)
        } else {
            let m = months[i - 1];
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
        rows.push(CheckRow { point, due_day, status, fact });
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
        ExplainEu => [
            "Kineret can lower the neutrophil count. Your doctor checks it before you start, monthly for the first 6 months, then every 3 months. The dates below cover the first year; ask your doctor about the checks after that.",
            "Kineret puede bajar el recuento de neutrófilos. Su médico lo revisa antes de empezar, cada mes durante los primeros 6 meses y luego cada 3 meses. Las fechas de abajo cubren el primer año; pregunte a su médico por los controles posteriores.",
        ],
        CapsChecks => [
            "Severe CAPS: your doctor also checks for inflammation of the brain and nerves (including the inner ear: MRI or CT scan, lumbar puncture, hearing tests) and the eyes after the first 3 months, then every 6 months until the effective dose is found.",
            "CAPS grave: su médico también revisa si hay inflamación del sistema nervioso central (incluido el oído interno: resonancia magnética o TAC, punción lumbar, pruebas de audición) y de los ojos después de los primeros 3 meses y luego cada 6 meses hasta encontrar la dosis eficaz.",
        ],
        Hospital => [
            "Kineret for COVID-19 is given in hospital by the care team, so there are no dose reminders, no injection calendar and no blood-test schedule to keep at home.",
            "Kineret para la COVID-19 se administra en el hospital, por el equipo que le atiende: no hay recordatorios de dosis, calendario de inyecciones ni calendario de análisis de sangre que seguir en casa.",
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

/// Severe CAPS: CNS (inner ear included) and eye assessments after the first
/// 3 months, then every 6 months (MON-CAPS-EU), shown when the calculator's
/// indication is CAPS; an EU fact the indication makes relevant anywhere.
pub fn caps_checks(ctx: Context) -> Option<(MonitoringMsg, Fact)> {
    ctx.is(Condition::Caps).then_some((MonitoringMsg::CapsChecks, Fact::MonCapsEu))
}

/// The schedule's explanation in the region.
pub fn explain(region: Region) -> MonitoringMsg {
    match region {
        Region::Us => MonitoringMsg::Explain,
        Region::Eu => MonitoringMsg::ExplainEu,
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
    use crate::core::date::{civil_from_days, days_from_civil};

    fn dates(rows: &[CheckRow]) -> Vec<(i64, u32, u32)> {
        rows.iter().map(|r| civil_from_days(r.due_day)).collect()
    }

    #[test]
    fn month_end_start_clamps_each_row_from_the_start() {
        let start = days_from_civil(2024, 1, 31);
        let rows = monitoring_schedule(start, start - 10, &[], Region::Us);
        assert_eq!(
            dates(&rows),
            vec![(2024, 1, 31), (2024, 2, 29), (2024, 3, 31), (2024, 4, 30), (2024, 7, 31), (2024, 10, 31), (2025, 1, 31)]
        );
        assert!(rows.iter().all(|r| r.status == CheckStatus::Upcoming && r.fact == Fact::MonAncUs));
        let rows = monitoring_schedule(days_from_civil(2023, 8, 31), 0, &[], Region::Us);
        assert_eq!(
            dates(&rows),
            vec![(2023, 8, 31), (2023, 9, 30), (2023, 10, 31), (2023, 11, 30), (2024, 2, 29), (2024, 5, 31), (2024, 8, 31)]
        );
    }

    #[test]
    fn statuses_relative_to_today() {
        let start = days_from_civil(2024, 3, 15);
        let today = days_from_civil(2024, 6, 15); // month 3 is due today
        let rows = monitoring_schedule(start, today, &[CheckPoint::Baseline, CheckPoint::Month(1)], Region::Us);
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
        assert_eq!(monitoring_schedule(start, start, &[], Region::Us)[0].status, CheckStatus::DueToday);
    }

    /// MON-ANC-US: before starting, monthly for 3 months, then every 3 months
    /// up to 1 year. MON-ANC-EU: monthly for the first 6 months, then every 3
    /// months (the rows cover the first year).
    #[test]
    fn the_neutrophil_schedule_follows_the_region() {
        // MON-ANC-US, MON-ANC-EU
        let start = days_from_civil(2024, 1, 15);
        let months = |region| -> Vec<u8> {
            monitoring_schedule(start, start, &[], region).iter().map(|r| r.point.month()).collect()
        };
        assert_eq!(months(Region::Us), vec![0, 1, 2, 3, 6, 9, 12]);
        assert_eq!(months(Region::Eu), vec![0, 1, 2, 3, 4, 5, 6, 9, 12]);
        let eu = monitoring_schedule(start, start, &[], Region::Eu);
        assert!(eu.iter().all(|r| r.fact == Fact::MonAncEu));
        assert_eq!(civil_from_days(eu[5].due_day), (2024, 6, 15));
        assert_eq!(Fact::MonAncEu.source(), "EU SmPC 4.4");
        assert!(MonitoringMsg::ExplainEu.tr(Lang::En).contains("monthly for the first 6 months"));
        assert!(MonitoringMsg::ExplainEu.tr(Lang::Es).contains("recuento de neutrófilos"));
        // Every US month is an EU month: one record of checks done serves both.
        assert!(CHECK_MONTHS_US.iter().all(|m| CHECK_MONTHS.contains(m)));
    }

    #[test]
    fn severe_caps_checks_show_for_caps() {
        // MON-CAPS-EU: after the first 3 months, then every 6 months.
        use crate::core::dose::Indication;
        use crate::core::safety::course::Course;
        let nomid = Context::new(Region::Eu, Some(Course::new(Indication::Nomid, 1, 1, false)));
        assert_eq!(caps_checks(nomid), Some((MonitoringMsg::CapsChecks, Fact::MonCapsEu)));
        let ra = Context::new(Region::Eu, Some(Course::new(Indication::Ra, 1, 1, false)));
        assert_eq!(caps_checks(ra), None);
        assert_eq!(caps_checks(Context::new(Region::Eu, None)), None);
        let t = MonitoringMsg::CapsChecks.tr(Lang::En);
        assert!(t.contains("after the first 3 months, then every 6 months") && t.contains("eyes"));
    }

    #[test]
    fn labels() {
        assert_eq!(CheckPoint::Month(3).label(Lang::En), "Month 3");
        assert_eq!(CheckPoint::Month(12).label(Lang::Es), "Mes 12");
        assert_eq!(CheckPoint::Baseline.label(Lang::Es), "Antes de empezar");
        assert_eq!(CheckStatus::Overdue.msg().tr(Lang::En), "Overdue");
    }
}
