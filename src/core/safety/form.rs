//! The safety view's state, its one input handler and the calendar file. The
//! shell forwards every `input` event of the view as (control name, value,
//! checked) to [`SafetyForm::apply`] and renders what this module computes.

use serde::{Deserialize, Serialize};

use super::course::Context;
use super::reminders::Reminders;
use crate::core::date::{parse_digits, parse_hhmm, parse_iso};
use super::ics::{dose_reminder_events, monitoring_events, to_ics};
use super::monitoring::{monitoring_schedule, CheckPoint, CheckRow, CHECK_MONTHS};
use super::screen::Question;
use super::triage::{triage, Symptom, Triage};
use crate::core::facts::Fact;
use crate::core::attrs::Region;
use crate::core::dose::labels::CalcUi;
use crate::core::i18n::{fill, source_text, Lang, Translate};
use crate::core::storage::{Record, StorageMsg, StoreError};
use crate::messages;

pub const CALENDAR_FILE: &str = "kineret-safety.ics";
pub const CALENDAR_MIME: &str = "text/calendar;charset=utf-8";
/// Right-hand side of every event UID: the same check keeps the same UID, so
/// importing the file again updates events instead of duplicating them.
pub const UID_DOMAIN: &str = "kineret-widget";
/// Default reminder times (morning, evening), as `<input type="time">` values.
pub const DEFAULT_TIMES: [&str; 2] = ["08:00", "20:00"];

/// The `name` of each control of the view, as [`SafetyForm::apply`] reads it
/// (one letter each: they are matched on every input event).
pub mod field {
    pub const START: &str = "s";
    pub const DONE: &str = "d";
    pub const PLAN: &str = "p";
    pub const TIME_MORNING: &str = "t";
    pub const TIME_EVENING: &str = "u";
    pub const FILTER: &str = "f";
    pub const SYMPTOM: &str = "y";
    pub const QUESTION: &str = "q";
    pub const TNF: &str = "n";
}

/// Kept in the browser as one record, a plain string: the start date as the
/// date field reported it, then the checks done as months after the start
/// (0 = before starting), space-separated: `"2024-03-10 0 1"`. One string
/// keeps the stored shape (and the code that reads it) small.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MonitoringRecord(pub String);

impl Record for MonitoringRecord {
    const COLLECTION: &'static str = "safety/monitoring";
    fn record_id(&self) -> String {
        "current".into()
    }
}

impl CheckPoint {
    /// Months after the start (0 = before starting): the done checkbox's value.
    pub fn month(self) -> u8 {
        match self {
            CheckPoint::Baseline => 0,
            CheckPoint::Month(m) => m,
        }
    }
}

impl Reminders {
    pub fn label(self, lang: Lang) -> &'static str {
        self.msg().map_or(SafetyUi::NoReminders.tr(lang), |m| m.tr(lang))
    }
}

/// A non-blocking message under the schedule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    Storage(StorageMsg),
    Downloaded,
    DownloadFailed,
}

impl Notice {
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Notice::Storage(m) => m.tr(lang),
            Notice::Downloaded => SafetyUi::Downloaded.tr(lang),
            Notice::DownloadFailed => SafetyUi::DownloadFailed.tr(lang),
        }
    }

    pub fn is_problem(self) -> bool {
        self != Notice::Downloaded
    }
}

/// What to tell the user after saving: a failed write, or that nothing
/// outlives the page (storage unavailable, working in memory).
pub fn storage_notice(result: Result<(), StoreError>, memory_only: bool) -> Option<Notice> {
    match result {
        Err(StoreError::QuotaExceeded) => Some(Notice::Storage(StorageMsg::WriteFailedQuota)),
        Err(_) => Some(Notice::Storage(StorageMsg::WriteFailedOther)),
        Ok(()) if memory_only => Some(Notice::Storage(StorageMsg::MemoryOnly)),
        Ok(()) => None,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SafetyForm {
    /// Treatment start as the date field reported it (saved).
    pub start: String,
    /// Checks done, as months after the start, 0 = before starting (saved).
    pub done: Vec<u8>,
    /// Chosen in the view; `None` follows the calculator's last dose.
    pub reminders: Option<Reminders>,
    /// Reminder times as the time fields reported them (morning, evening).
    pub times: [String; 2],
    pub filter: String,
    pub symptoms: Vec<Symptom>,
    /// Screen questions answered "yes".
    pub yes: Vec<Question>,
    pub tnf: String,
    pub notice: Option<Notice>,
}

impl Default for SafetyForm {
    fn default() -> Self {
        SafetyForm {
            start: String::new(),
            done: Vec::new(),
            reminders: None,
            times: [String::from(DEFAULT_TIMES[0]), String::from(DEFAULT_TIMES[1])],
            filter: String::new(),
            symptoms: Vec::new(),
            yes: Vec::new(),
            tnf: String::new(),
            notice: None,
        }
    }
}

/// Adds or removes `x`; whether the list changed.
fn set_member<T: PartialEq>(list: &mut Vec<T>, x: T, on: bool) -> bool {
    let at = list.iter().position(|y| *y == x);
    match (at, on) {
        (None, true) => list.push(x),
        (Some(i), false) => {
            list.swap_remove(i);
        }
        _ => return false,
    }
    true
}

impl SafetyForm {
    /// One `input` event of the view: the control's `name`, `value` and
    /// `checked`. Returns whether the saved part changed (the shell saves it).
    /// Unknown names and out-of-range values change nothing.
    pub fn apply(&mut self, name: &str, value: &str, checked: bool) -> bool {
        let index = parse_digits(value).map_or(usize::MAX, |n| n as usize);
        match name {
            field::START if self.start != value => {
                self.start = value.into();
                return true;
            }
            field::DONE if index == 0 || CHECK_MONTHS.iter().any(|m| usize::from(*m) == index) => {
                return set_member(&mut self.done, index as u8, checked);
            }
            field::PLAN => {
                for r in Reminders::ALL {
                    if r.code() == value {
                        self.reminders = Some(r);
                    }
                }
            }
            field::TIME_MORNING => self.times[0] = value.into(),
            field::TIME_EVENING => self.times[1] = value.into(),
            field::FILTER => self.filter = value.into(),
            field::SYMPTOM => {
                if let Some(&s) = Symptom::ALL.get(index) {
                    set_member(&mut self.symptoms, s, checked);
                }
            }
            field::QUESTION => {
                if let Some(&q) = Question::ALL.get(index) {
                    set_member(&mut self.yes, q, checked);
                }
            }
            field::TNF => self.tnf = value.into(),
            _ => {}
        }
        false
    }

    /// The saved part as its record.
    pub fn record(&self) -> MonitoringRecord {
        let mut s = self.start.clone();
        for m in &self.done {
            s.push(' ');
            s.push_str(&usize::from(*m).to_string());
        }
        MonitoringRecord(s)
    }

    /// Restores the saved part; unreadable months are skipped.
    pub fn load(&mut self, record: &MonitoringRecord) {
        let mut parts = record.0.split(' ');
        self.start = parts.next().unwrap_or("").into();
        self.done.clear();
        for p in parts {
            self.apply(field::DONE, p, true);
        }
    }

    pub fn start_day(&self) -> Option<i64> {
        parse_iso(&self.start)
    }

    /// The region's dated checks seen on local day `today`; `None` without a
    /// start date, and in hospital (DOSE-COVID-HOSP: no blood-test schedule
    /// at home).
    pub fn schedule(&self, today: i64, ctx: Context) -> Option<Vec<CheckRow>> {
        if ctx.hospital_only() {
            return None;
        }
        let done: Vec<CheckPoint> = self
            .done
            .iter()
            .map(|&m| if m == 0 { CheckPoint::Baseline } else { CheckPoint::Month(m) })
            .collect();
        self.start_day().map(|start| monitoring_schedule(start, today, &done, ctx.region))
    }

    /// The reminders to write: the user's choice, else the calculator's
    /// schedule, else none.
    pub fn reminder_plan(&self, calculator: Option<Reminders>) -> Reminders {
        self.reminders.or(calculator).unwrap_or(Reminders::Off)
    }

    pub fn triage(&self) -> Triage {
        triage(&self.symptoms)
    }

    /// The calendar file: an all-day event per check not done yet, plus dose
    /// reminders from the start day (or today, if that is later). `None`
    /// without a start date, and in hospital (DOSE-COVID-HOSP: no calendar of
    /// injections or blood tests). An unreadable time falls back to the default.
    pub fn calendar(&self, today: i64, now_ms: i64, plan: Reminders, ctx: Context, lang: Lang) -> Option<String> {
        let start = self.start_day()?;
        let rows = self.schedule(today, ctx)?;
        let mut events = monitoring_events(&rows, lang);
        if plan != Reminders::Off {
            let time = |i: usize| parse_hhmm(&self.times[i]).or(parse_hhmm(DEFAULT_TIMES[i])).unwrap_or((8, 0));
            events.extend(dose_reminder_events(plan, start.max(today), [time(0), time(1)], lang));
        }
        Some(to_ics(&events, now_ms, UID_DOMAIN))
    }
}

messages! {
    pub enum SafetyUi {
        Intro => [
            "Blood-test dates, what to do about side effects, and questions to go through before starting.",
            "Fechas de los análisis de sangre, qué hacer ante efectos secundarios y preguntas para repasar antes de empezar.",
        ],
        Start => ["Treatment start date", "Fecha de inicio del tratamiento"],
        StartHint => [
            "The day of the first dose. Enter it to see the date of each check.",
            "El día de la primera dosis. Escríbalo para ver la fecha de cada control.",
        ],
        Checks => [
            "The checks: tick each one when it is done",
            "Los controles: marque cada uno cuando esté hecho",
        ],
        Reminders => ["Dose reminders in the calendar file", "Recordatorios de dosis en el archivo de calendario"],
        NoReminders => ["No dose reminders", "Sin recordatorios de dosis"],
        FromCalculator => ["Preselected from the dose calculator.", "Preseleccionado desde la calculadora de dosis."],
        SplitWarning => [
            "Neither label describes twice-daily doses every other day: keep to this schedule only as your prescriber wrote it.",
            "Ninguna ficha técnica describe dosis dos veces al día en días alternos: siga este horario solo tal como lo indicó su médico.",
        ],
        Time => ["Reminder time", "Hora del recordatorio"],
        TimeMorning => ["Morning dose time", "Hora de la dosis de la mañana"],
        TimeEvening => ["Evening dose time", "Hora de la dosis de la noche"],
        Calendar => ["Add to calendar (.ics)", "Añadir al calendario (.ics)"],
        CalendarHint => [
            "Downloads a file with the checks not done yet, for your calendar app.",
            "Descarga un archivo con los controles aún no hechos, para su aplicación de calendario.",
        ],
        Downloaded => ["Calendar file downloaded.", "Archivo de calendario descargado."],
        DownloadFailed => [
            "The calendar file could not be created in this browser.",
            "No se pudo crear el archivo de calendario en este navegador.",
        ],
        ScreenHeading => ["Before starting Kineret", "Antes de empezar Kineret"],
        ScreenHint => ["Tick each question you would answer yes to.", "Marque cada pregunta a la que respondería que sí."],
        TnfSearch => [
            "Check a medicine by name (brand or generic)",
            "Compruebe un medicamento por su nombre (marca o genérico)",
        ],
        TnfNone => [
            "No TNF blocker in this list has that name. If you are not sure about a medicine, ask your pharmacist.",
            "Ningún bloqueador del TNF de esta lista tiene ese nombre. Si no está seguro(a) de un medicamento, pregunte a su farmacéutico(a).",
        ],
        LiveVaccines => [
            "Common live (attenuated) vaccines, viral and bacterial:",
            "Vacunas vivas (atenuadas) comunes, víricas y bacterianas:",
        ],
    }
}

/// "Source: …" for the facts behind a row, in the region's labels
/// ([`Fact::source_in`]), each label group once, the seed page named.
pub fn source_line(facts: &[Fact], region: Region, lang: Lang) -> String {
    let joined = crate::core::facts::join_sources(facts, Some(region));
    fill(CalcUi::Source.tr(lang), &[("source", &source_text(&joined, lang))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::clock::{local_day, FixedClock, Clock};
    use crate::core::i18n::placeholders;
    use crate::core::date::days_from_civil;
    use crate::core::safety::ics::parse::{events, get, unfold};
    use crate::core::safety::monitoring::{CheckStatus, MonitoringMsg};
    use crate::core::storage::test_support::JsonCodec;
    use crate::core::storage::{FaultyStore, MemoryStore, Repo};

    const US: Context = Context { region: crate::core::attrs::Region::Us, course: None };

    /// 2024-06-10T12:00Z, UTC+2: local day 2024-06-10.
    fn clock() -> FixedClock {
        FixedClock::new(1_718_020_800_000, 120)
    }

    fn today(c: &FixedClock) -> i64 {
        local_day(c.now_ms(), c.local_offset_minutes(c.now_ms()))
    }

    #[test]
    fn start_date_and_done_checks_drive_the_schedule() {
        let c = clock();
        let t = today(&c);
        assert_eq!(t, days_from_civil(2024, 6, 10));
        let mut f = SafetyForm::default();
        assert_eq!(f.schedule(t, US), None);
        assert!(f.apply(field::START, "2024-03-10", false));
        assert!(!f.apply(field::START, "2024-03-10", false), "same value: nothing to save");
        assert!(f.apply(field::DONE, "0", true));
        assert!(!f.apply(field::DONE, "0", true));
        assert!(!f.apply(field::DONE, "7", true), "month 7 is not a check in either region");
        assert!(!f.apply(field::DONE, "x", true));
        assert_eq!(f.done, vec![0]);
        let st: Vec<CheckStatus> = f.schedule(t, US).unwrap().iter().map(|r| r.status).collect();
        use CheckStatus::*;
        // Apr 10, May 10 overdue; Jun 10 due today; Sep, Dec, Mar upcoming.
        assert_eq!(st, vec![Done, Overdue, Overdue, DueToday, Upcoming, Upcoming, Upcoming]);
        assert!(f.apply(field::DONE, "1", true) && f.apply(field::DONE, "2", true));
        assert!(f.apply(field::DONE, "1", false));
        assert_eq!(f.done, vec![0, 2]);
        let rows = f.schedule(t, US).unwrap();
        assert_eq!(rows[1].status, Overdue);
        assert_eq!(rows[2].status, Done);
        assert!(rows.iter().enumerate().all(|(i, r)| r.point.month() == [0, 1, 2, 3, 6, 9, 12][i]));
        // MON-ANC-EU: months 4 and 5 are checks too (kept in the same record).
        assert!(f.apply(field::DONE, "5", true));
        let eu = Context { region: crate::core::attrs::Region::Eu, course: None };
        let rows = f.schedule(t, eu).unwrap();
        assert_eq!(rows.len(), 9);
        assert_eq!(rows[5].status, Done);
        assert!(f.apply(field::DONE, "5", false));
        // A half-typed or impossible date clears the table but is kept as typed.
        assert!(f.apply(field::START, "2024-02-30", false));
        assert_eq!(f.schedule(t, US), None);
        assert_eq!(f.start, "2024-02-30");
    }

    #[test]
    fn triage_screen_and_text_fields() {
        let mut f = SafetyForm::default();
        assert_eq!(f.triage(), Triage::NothingSelected);
        let idx = |s: Symptom| Symptom::ALL.iter().position(|x| *x == s).unwrap().to_string();
        assert!(!f.apply(field::SYMPTOM, &idx(Symptom::InjectionSiteReaction), true));
        assert_eq!(f.triage(), Triage::UsuallyGoesAway);
        f.apply(field::SYMPTOM, &idx(Symptom::FeverChills), true);
        assert_eq!(f.triage(), Triage::CallDoctorToday);
        f.apply(field::SYMPTOM, &idx(Symptom::TroubleBreathing), true);
        assert_eq!(f.triage(), Triage::Emergency);
        f.apply(field::SYMPTOM, &idx(Symptom::TroubleBreathing), false);
        assert_eq!(f.triage(), Triage::CallDoctorToday);
        f.apply(field::SYMPTOM, "999", true);
        assert_eq!(f.symptoms.len(), 2);
        f.apply(field::QUESTION, "1", true);
        f.apply(field::QUESTION, "0", true);
        f.apply(field::QUESTION, "1", false);
        assert_eq!(f.yes, vec![Question::Allergy]);
        f.apply(field::FILTER, "fiebre", false);
        f.apply(field::TNF, "Humira", false);
        f.apply(field::TIME_EVENING, "21:15", false);
        f.apply("bogus", "1", true);
        assert_eq!((f.filter.as_str(), f.tnf.as_str(), f.times[1].as_str()), ("fiebre", "Humira", "21:15"));
    }

    #[test]
    fn reminder_plan_follows_the_calculator_until_chosen() {
        let mut f = SafetyForm::default();
        assert_eq!(f.reminder_plan(None), Reminders::Off);
        assert_eq!(Reminders::from_dose(2, 1), Reminders::TwiceDaily);
        assert_eq!(Reminders::from_dose(1, 2), Reminders::EveryOtherDay);
        assert_eq!(Reminders::from_dose(1, 1), Reminders::Daily);
        // RENAL-SPLIT: not silently twice every day.
        assert_eq!(Reminders::from_dose(2, 2), Reminders::TwiceEveryOtherDay);
        assert_eq!(Reminders::from_dose(3, 1), Reminders::Off);
        assert_eq!(f.reminder_plan(Some(Reminders::EveryOtherDay)), Reminders::EveryOtherDay);
        f.apply(field::PLAN, "off", true);
        assert_eq!(f.reminder_plan(Some(Reminders::EveryOtherDay)), Reminders::Off);
        f.apply(field::PLAN, "nonsense", true);
        assert_eq!(f.reminders, Some(Reminders::Off));
        for r in Reminders::ALL {
            f.apply(field::PLAN, r.code(), true);
            assert_eq!(f.reminder_plan(None), r);
            // RENAL-SPLIT: twice daily every other day maps to the checklist's own schedule.
            assert_eq!(r.schedule().is_none(), r == Reminders::Off);
            if let Some(s) = r.schedule() {
                assert_eq!(Reminders::from_dose(s.per_day() as u8, s.interval_days() as u8), r);
            }
        }
        assert_eq!(Reminders::EveryOtherDay.label(Lang::Es), "En días alternos");
    }

    #[test]
    fn calendar_file_parses_back_with_checks_and_reminders() {
        let c = clock();
        let t = today(&c);
        let mut f = SafetyForm::default();
        assert_eq!(f.calendar(t, c.now_ms(), Reminders::Daily, US, Lang::En), None);
        f.apply(field::START, "2024-03-10", false);
        f.apply(field::DONE, "0", true);
        f.apply(field::TIME_MORNING, "07:45", false);
        f.apply(field::TIME_EVENING, "bad", false);
        let ics = f.calendar(t, c.now_ms(), Reminders::TwiceDaily, US, Lang::En).unwrap();
        assert!(ics.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        let ev = events(&ics);
        assert_eq!(ev.len(), 6 + 2);
        let starts: Vec<&str> = ev.iter().map(|e| get(e, "DTSTART").unwrap().2.as_str()).collect();
        assert_eq!(
            starts,
            vec!["20240410", "20240510", "20240610", "20240910", "20241210", "20250310", "20240610T074500", "20240610T200000"]
        );
        assert_eq!(get(&ev[0], "DTSTAMP").unwrap().2, "20240610T120000Z");
        assert!(get(&ev[0], "UID").unwrap().2.ends_with("@kineret-widget"));
        assert!(ev[6..].iter().all(|e| get(e, "RRULE").unwrap().2 == "FREQ=DAILY"));
        // Reminders start on the start day when it is in the future.
        f.apply(field::START, "2024-07-01", false);
        let ics = f.calendar(t, c.now_ms(), Reminders::EveryOtherDay, US, Lang::Es).unwrap();
        let ev = events(&ics);
        assert_eq!(ev.len(), 6 + 1);
        let last = ev.last().unwrap();
        assert_eq!(get(last, "DTSTART").unwrap().2, "20240701T074500");
        assert_eq!(get(last, "RRULE").unwrap().2, "FREQ=DAILY;INTERVAL=2");
        assert!(unfold(&ics).contains("SUMMARY:Dosis de Kineret"));
        assert_eq!(events(&f.calendar(t, 0, Reminders::Off, US, Lang::En).unwrap()).len(), 6);
    }

    /// MON-ANC-EU: the calendar's blood tests follow the region (monthly for
    /// the first 6 months), with the EU source in each description.
    #[test]
    fn eu_calendar_has_monthly_blood_tests_for_six_months() {
        // MON-ANC-EU (EU), MON-ANC-US (US)
        use crate::core::attrs::Region;
        let c = clock();
        let t = today(&c);
        let mut f = SafetyForm::default();
        f.apply(field::START, "2024-07-01", false);
        let eu = Context { region: Region::Eu, course: None };
        let ev = events(&f.calendar(t, c.now_ms(), Reminders::Off, eu, Lang::En).unwrap());
        let starts: Vec<&str> = ev.iter().map(|e| get(e, "DTSTART").unwrap().2.as_str()).collect();
        assert_eq!(
            starts,
            vec!["20240701", "20240801", "20240901", "20241001", "20241101", "20241201", "20250101", "20250401", "20250701"]
        );
        assert!(get(&ev[1], "DESCRIPTION").unwrap().2.ends_with("(EU SmPC 4.4)"));
        let us = events(&f.calendar(t, c.now_ms(), Reminders::Off, US, Lang::En).unwrap());
        assert_eq!(us.len(), 7);
        assert!(get(&us[1], "DESCRIPTION").unwrap().2.ends_with("(US PI 5.x)"));
    }

    /// DOSE-COVID-HOSP: a hospital-only (COVID-19) dose gives no injection
    /// reminders, no calendar file and no blood-test schedule.
    #[test]
    fn hospital_only_dose_has_no_reminders_calendar_or_blood_tests() {
        // DOSE-COVID-HOSP
        use crate::core::attrs::Region;
        use crate::core::dose::Indication;
        use crate::core::safety::course::Course;
        let c = clock();
        let t = today(&c);
        let mut f = SafetyForm::default();
        f.apply(field::START, "2024-06-01", false);
        let covid = Context { region: Region::Us, course: Some(Course::new(Indication::Covid19, 1, 1, true)) };
        assert_eq!(f.reminder_plan(covid.plan()), Reminders::Off);
        assert_eq!(f.schedule(t, covid), None);
        assert_eq!(f.calendar(t, c.now_ms(), Reminders::Daily, covid, Lang::En), None);
        let ra = Context { region: Region::Us, course: Some(Course::new(Indication::Ra, 1, 1, false)) };
        assert_eq!(f.reminder_plan(ra.plan()), Reminders::Daily);
        assert!(f.schedule(t, ra).is_some());
        assert!(MonitoringMsg::Hospital.tr(Lang::En).contains("given in hospital"));
    }

    /// RENAL-EOD, RENAL-SPLIT: the calculator's twice-daily every-other-day
    /// dose gives two reminders repeating every other day, labelled so, and
    /// is offered only as that explicit choice, with its warning.
    #[test]
    fn split_every_other_day_dose_is_reminded_every_other_day() {
        // RENAL-EOD, RENAL-SPLIT
        let c = clock();
        let t = today(&c);
        let calc = Some(Reminders::from_dose(2, 2));
        let mut f = SafetyForm::default();
        f.apply(field::START, "2024-06-10", false);
        let plan = f.reminder_plan(calc);
        assert_eq!(plan, Reminders::TwiceEveryOtherDay);
        assert!(plan.twice());
        let ev = events(&f.calendar(t, c.now_ms(), plan, US, Lang::En).unwrap());
        let reminders: Vec<_> = ev.iter().filter(|e| get(e, "RRULE").is_some()).collect();
        assert_eq!(reminders.len(), 2);
        assert!(reminders.iter().all(|e| get(e, "RRULE").unwrap().2 == "FREQ=DAILY;INTERVAL=2"));
        assert_eq!(plan.label(Lang::En), "Twice daily, every other day");
        assert_eq!(plan.label(Lang::Es), "Dos veces al día, en días alternos");
        assert_eq!(plan.warning(), Some(Fact::RenalSplit));
        assert_eq!(Reminders::Daily.warning(), None);
        // Offered only when it is the prescriber's schedule (or chosen).
        assert!(!Reminders::choices(None, Reminders::Off).any(|r| r == Reminders::TwiceEveryOtherDay));
        assert!(Reminders::choices(calc, plan).any(|r| r == Reminders::TwiceEveryOtherDay));
        assert_eq!(Reminders::choices(None, Reminders::Daily).count(), 4);
        f.apply(field::PLAN, "twice-eod", true);
        assert_eq!(f.reminders, Some(Reminders::TwiceEveryOtherDay));
    }

    #[test]
    fn the_record_round_trips_and_write_failures_become_notices() {
        let mut repo = Repo::new(MemoryStore::new(), JsonCodec);
        let mut f = SafetyForm::default();
        f.apply(field::START, "2024-03-10", false);
        f.apply(field::DONE, "0", true);
        f.apply(field::DONE, "3", true);
        let rec = f.record();
        assert_eq!(rec.0, "2024-03-10 0 3");
        repo.put(&rec).unwrap();
        assert_eq!(
            repo.store().map.get("kineret-widget/v1/safety/monitoring/current").map(String::as_str),
            Some(r#"{"v":1,"data":"2024-03-10 0 3"}"#)
        );
        let loaded = repo.load_all::<MonitoringRecord>().records;
        assert_eq!(loaded, vec![rec.clone()]);
        let mut g = SafetyForm::default();
        g.load(&loaded[0]);
        assert_eq!((g.start.as_str(), g.done.as_slice()), ("2024-03-10", &[0u8, 3][..]));
        // Junk in a stored record is skipped, never a panic.
        g.load(&MonitoringRecord(" 7 x 12 12 -1".into()));
        assert_eq!((g.start.as_str(), g.done.as_slice()), ("", &[12u8][..]));
        g.load(&MonitoringRecord::default());
        assert!(g.start.is_empty() && g.done.is_empty());
        let mut full = Repo::new(
            FaultyStore { set_error: Some(StoreError::QuotaExceeded), ..FaultyStore::default() },
            JsonCodec,
        );
        let r = full.put(&rec);
        assert_eq!(storage_notice(r, full.is_memory_only()), Some(Notice::Storage(StorageMsg::WriteFailedQuota)));
        let mut gone = Repo::new(FaultyStore::unavailable(), JsonCodec);
        let r = gone.put(&rec);
        assert_eq!(storage_notice(r, gone.is_memory_only()), Some(Notice::Storage(StorageMsg::MemoryOnly)));
        assert_eq!(storage_notice(Ok(()), false), None);
        assert_eq!(storage_notice(Err(StoreError::Other("x".into())), false), Some(Notice::Storage(StorageMsg::WriteFailedOther)));
        assert!(Notice::DownloadFailed.is_problem() && !Notice::Downloaded.is_problem());
        assert_eq!(Notice::Downloaded.text(Lang::Es), "Archivo de calendario descargado.");
    }

    #[test]
    fn source_lines_keep_the_region_s_labels_once() {
        // SE-EMERG + WARN-ALLERGY in the US: the seed page and US PI 5.3.
        let us = source_line(&[Fact::SeEmerg, Fact::WarnAllergy], Region::Us, Lang::En);
        assert_eq!(us, "Source: Kineret drug page; US PI 5.3");
        let eu = source_line(&[Fact::SeEmerg, Fact::WarnAllergy], Region::Eu, Lang::En);
        assert_eq!(eu, "Source: Kineret drug page; EU PL 4");
        assert_eq!(source_line(&[Fact::MonAncEu], Region::Eu, Lang::En), "Source: EU SmPC 4.4");
    }

    #[test]
    fn every_safety_string_is_translated_with_the_same_placeholders() {
        use crate::core::safety::monitoring::MonitoringMsg;
        use crate::core::safety::screen::ScreenMsg;
        use crate::core::safety::triage::TriageMsg;
        let mut all: Vec<[&str; 2]> = Vec::new();
        all.extend(SafetyUi::ALL.iter().map(|m| m.texts()));
        all.extend(TriageMsg::ALL.iter().map(|m| m.texts()));
        all.extend(Symptom::ALL.iter().map(|m| m.texts()));
        all.extend(ScreenMsg::ALL.iter().map(|m| m.texts()));
        all.extend(Question::ALL.iter().map(|m| m.texts()));
        all.extend(MonitoringMsg::ALL.iter().map(|m| m.texts()));
        all.extend(crate::core::safety::ics::ReminderMsg::ALL.iter().map(|m| m.texts()));
        all.extend(crate::core::safety::warnings::WarningMsg::ALL.iter().map(|m| m.texts()));
        all.extend(crate::core::safety::screen::LIVE_VACCINES);
        // The CLINICAL.md Spanish terms: never "de virus vivos" (BCG and oral
        // typhoid are bacterial: WARN-LIVEVAX), never "cada dos días" for
        // every other day (RENAL-EOD), never "lugar de inyección".
        for [_, es] in &all {
            let l = es.to_lowercase();
            for bad in ["virus vivos", "cada dos días", "lugar de inyección", "insuficiencia renal"] {
                assert!(!l.contains(bad), "{es}");
            }
            if l.contains("neutrófilos") {
                assert!(l.contains("recuento de neutrófilos"), "{es}");
            }
        }
        let es_all: Vec<&str> = all.iter().map(|t| t[1]).collect();
        for term in ["vacuna viva (atenuada)", "en días alternos", "recuento de neutrófilos", "enfermedad de still", "zona de inyección"] {
            assert!(es_all.iter().any(|t| t.to_lowercase().contains(term)), "{term}");
        }
        for [en, es] in all {
            assert!(!en.trim().is_empty() && !es.trim().is_empty());
            assert_eq!(placeholders(en), placeholders(es), "{en}");
            if !en.starts_with("BCG") {
                assert_ne!(en, es);
            }
        }
    }
}
