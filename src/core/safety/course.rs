//! What the safety view knows of the treatment: the widget's region and, once
//! the calculator has computed a dose, its schedule, its indication and
//! whether it is given in hospital only. The shell builds a [`Context`] from
//! the calculator's `LastDose` (read-only); every rule reads it here.

use super::reminders::Reminders;
use crate::core::attrs::{Region};
use crate::core::dose::Indication;

/// The condition treated, as far as the safety view's rules need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    Ra,
    /// CAPS, any subtype (US: NOMID; EU: NOMID/CINCA, MWS, FCAS).
    Caps,
    Dira,
    Covid,
    /// Familial Mediterranean fever (EU).
    Fmf,
    /// Still's disease: SJIA and AOSD (EU).
    Stills,
}

impl Condition {
    /// The calculator's indication as a condition (the one place that maps
    /// indications).
    pub fn of(indication: Indication) -> Condition {
        match indication {
            Indication::Ra => Condition::Ra,
            // NOMID is the severe form of CAPS (IND-US-NOMID, MON-CAPS-EU).
            Indication::Nomid => Condition::Caps,
            Indication::Dira => Condition::Dira,
            Indication::Covid19 => Condition::Covid,
            Indication::Caps => Condition::Caps,
            Indication::Fmf => Condition::Fmf,
            Indication::Stills => Condition::Stills,
        }
    }
}

/// The calculator's last dose, as the safety view uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Course {
    pub condition: Condition,
    /// The schedule actually chosen (RENAL-EOD).
    pub plan: Reminders,
    /// COVID-19: given in hospital, no home guidance (DOSE-COVID-HOSP).
    pub hospital_only: bool,
}

impl Course {
    pub fn new(indication: Indication, administrations_per_day: u8, interval_days: u8, hospital_only: bool) -> Course {
        Course {
            condition: Condition::of(indication),
            plan: Reminders::from_dose(administrations_per_day, interval_days),
            hospital_only,
        }
    }
}

/// Region and, when the calculator has computed a dose, the course.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Context {
    pub region: Region,
    pub course: Option<Course>,
}

impl Context {
    pub fn new(region: Region, course: Option<Course>) -> Context {
        Context { region, course }
    }

    /// Hospital use only (DOSE-COVID-HOSP): no injection reminders, no
    /// calendar of injections and no blood-test schedule at home.
    pub fn hospital_only(self) -> bool {
        self.course.is_some_and(|c| c.hospital_only)
    }

    /// The calculator's schedule for the reminders; none in hospital.
    pub fn plan(self) -> Option<Reminders> {
        self.course.filter(|c| !c.hospital_only).map(|c| c.plan)
    }

    /// Whether the calculator's indication is `c`.
    pub fn is(self, c: Condition) -> bool {
        self.course.is_some_and(|k| k.condition == c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_from_the_calculator() {
        let none = Context::new(Region::Eu, None);
        assert!(!none.hospital_only() && none.plan().is_none() && !none.is(Condition::Caps));
        let nomid = Context::new(Region::Us, Some(Course::new(Indication::Nomid, 2, 2, false)));
        assert_eq!(nomid.plan(), Some(Reminders::TwiceEveryOtherDay));
        assert!(nomid.is(Condition::Caps));
        // DOSE-COVID-HOSP: no reminders from a hospital-only dose.
        let covid = Context::new(Region::Us, Some(Course::new(Indication::Covid19, 1, 1, true)));
        assert!(covid.hospital_only());
        assert_eq!(covid.plan(), None);
        assert!(covid.is(Condition::Covid));
    }
}
