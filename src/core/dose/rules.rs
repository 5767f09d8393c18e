//! The dosing table: one row per indication, every number with its source
//! (CLINICAL.md, "Dosing by indication", "Product", "Renal function").
//! The calculator reads only this table; nothing clinical is hard-coded in
//! the arithmetic.

use crate::core::units::{KG_PER_LB, KG_PER_LB_SOURCE, MAX_MG_PER_KG_PER_DAY, MAX_MG_PER_KG_PER_DAY_SOURCE};

/// The four labelled uses the calculator knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Indication {
    /// Rheumatoid arthritis.
    Ra,
    /// Neonatal-onset multisystem inflammatory disease (CAPS).
    Nomid,
    /// Deficiency of interleukin-1 receptor antagonist.
    Dira,
    /// COVID-19 under the US Emergency Use Authorization.
    Covid19,
}

impl Indication {
    pub const ALL: [Indication; 4] = [Indication::Ra, Indication::Nomid, Indication::Dira, Indication::Covid19];

    /// The API code: "ra" | "nomid" | "dira" | "covid19".
    pub fn code(self) -> &'static str {
        match self {
            Indication::Ra => "ra",
            Indication::Nomid => "nomid",
            Indication::Dira => "dira",
            Indication::Covid19 => "covid19",
        }
    }

    /// Parses an API code (trimmed, ASCII case-insensitive).
    pub fn parse(s: &str) -> Option<Indication> {
        let t = s.trim();
        Indication::ALL.into_iter().find(|i| i.code().eq_ignore_ascii_case(t))
    }

    /// This indication's row of [`RULES`].
    pub fn rule(self) -> &'static DoseRule {
        match self {
            Indication::Ra => &RULES[0],
            Indication::Nomid => &RULES[1],
            Indication::Dira => &RULES[2],
            Indication::Covid19 => &RULES[3],
        }
    }
}

/// How the dose is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DoseBasis {
    /// The same mg dose whatever the weight.
    FixedMg(f64),
    /// Prescribed in mg/kg/day, at most `max_mg_per_kg_per_day`, adjusted in
    /// steps of `step_min`–`step_max` mg/kg.
    PerKg { max_mg_per_kg_per_day: f64, step_min: f64, step_max: f64 },
}

/// One row of the dosing table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DoseRule {
    pub indication: Indication,
    pub dose: DoseBasis,
    pub dose_source: &'static str,
    /// Whether the daily dose may be split into two administrations.
    pub may_split_twice_daily: bool,
    pub frequency_source: &'static str,
    /// Fixed course length in days (COVID-19 only).
    pub course_days: Option<u32>,
    pub course_source: &'static str,
    /// Below this CrCl (mL/min), or with ESRD/dialysis, dose every
    /// `renal_interval_days` days; dose per administration unchanged.
    pub renal_crcl_below_ml_min: f64,
    pub renal_interval_days: u8,
    pub renal_source: &'static str,
    /// Under this age (years) the use is not approved: warn, still compute.
    pub min_age_years: Option<f64>,
    pub age_source: &'static str,
    /// Hospital use only, no home-injection guidance.
    pub hospital_only: bool,
    pub hospital_source: &'static str,
}

/// Renal threshold, mL/min (CLINICAL.md "Renal function"; US PI 2.4).
const RENAL_CRCL_BELOW: f64 = 30.0;
/// Every other day.
const RENAL_INTERVAL_DAYS: u8 = 2;
/// Adult age, years (RA: "adults ≥ 18 y", US PI 2.1; COVID-19: "adults", EUA).
const ADULT_YEARS: f64 = 18.0;
/// The product's fixed dose, 100 mg.
const FIXED_100_MG: f64 = 100.0;
/// Titration step, 0.5–1 mg/kg (US PI 2.2, 2.3).
const STEP_MIN: f64 = 0.5;
const STEP_MAX: f64 = 1.0;

pub static RULES: [DoseRule; 4] = [
    DoseRule {
        indication: Indication::Ra,
        dose: DoseBasis::FixedMg(FIXED_100_MG),
        dose_source: "US PI 2.1",
        may_split_twice_daily: false,
        frequency_source: "US PI 2.1",
        course_days: None,
        course_source: "US PI 2.1",
        renal_crcl_below_ml_min: RENAL_CRCL_BELOW,
        renal_interval_days: RENAL_INTERVAL_DAYS,
        renal_source: "US PI 2.4",
        min_age_years: Some(ADULT_YEARS),
        age_source: "US PI 2.1",
        hospital_only: false,
        hospital_source: "US PI 2.1",
    },
    DoseRule {
        indication: Indication::Nomid,
        dose: DoseBasis::PerKg { max_mg_per_kg_per_day: MAX_MG_PER_KG_PER_DAY, step_min: STEP_MIN, step_max: STEP_MAX },
        dose_source: MAX_MG_PER_KG_PER_DAY_SOURCE,
        may_split_twice_daily: true,
        frequency_source: "US PI 2.2",
        course_days: None,
        course_source: "US PI 2.2",
        renal_crcl_below_ml_min: RENAL_CRCL_BELOW,
        renal_interval_days: RENAL_INTERVAL_DAYS,
        renal_source: "US PI 2.4",
        min_age_years: None,
        age_source: "US PI 2.2",
        hospital_only: false,
        hospital_source: "US PI 2.2",
    },
    DoseRule {
        indication: Indication::Dira,
        dose: DoseBasis::PerKg { max_mg_per_kg_per_day: MAX_MG_PER_KG_PER_DAY, step_min: STEP_MIN, step_max: STEP_MAX },
        dose_source: "US PI 2.3",
        may_split_twice_daily: true,
        frequency_source: "seed",
        course_days: None,
        course_source: "US PI 2.3",
        renal_crcl_below_ml_min: RENAL_CRCL_BELOW,
        renal_interval_days: RENAL_INTERVAL_DAYS,
        renal_source: "US PI 2.4",
        min_age_years: None,
        age_source: "US PI 2.3",
        hospital_only: false,
        hospital_source: "US PI 2.3",
    },
    DoseRule {
        indication: Indication::Covid19,
        dose: DoseBasis::FixedMg(FIXED_100_MG),
        dose_source: "EUA",
        may_split_twice_daily: false,
        frequency_source: "EUA",
        course_days: Some(10),
        course_source: "EUA",
        renal_crcl_below_ml_min: RENAL_CRCL_BELOW,
        renal_interval_days: RENAL_INTERVAL_DAYS,
        renal_source: "EUA",
        min_age_years: Some(ADULT_YEARS),
        age_source: "EUA",
        hospital_only: true,
        hospital_source: "EUA, seed",
    },
];

/// The product: single-dose prefilled syringe, 100 mg in 0.67 mL.
pub const SYRINGE_MG: u32 = 100;
pub const SYRINGE_ML: f64 = 0.67;
pub const SYRINGE_SOURCE: &str = "US PI 3, 16";
/// Volume per mg, 0.67 mL / 100 mg = 0.0067 mL/mg (derived from the product row).
pub const ML_PER_MG: f64 = 0.0067;
/// The lowest mark on the syringe: the EU syringe is graduated from 20 mg to
/// 100 mg; the US leaflet says to ask the provider how to measure a partial
/// dose (CLINICAL.md, "doses below 100 mg").
pub const SYRINGE_MARKS_FROM_MG: u32 = 20;
pub const SYRINGE_MARKS_SOURCE: &str = "EU PL 3, US PI 2.2";
/// One new syringe for every dose; the rest is thrown away.
pub const SINGLE_USE_SOURCE: &str = "US PI 2.2";
/// Subcutaneous only ("under the skin").
pub const ROUTE_SOURCE: &str = "US PI";
/// lb → kg conversion.
pub const WEIGHT_FACTOR: f64 = KG_PER_LB;
pub const WEIGHT_SOURCE: &str = KG_PER_LB_SOURCE;

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;

    #[test]
    fn table_rows_are_in_indication_order_and_sourced() {
        for ind in Indication::ALL {
            let r = ind.rule();
            assert_eq!(r.indication, ind);
            for s in [
                r.dose_source,
                r.frequency_source,
                r.course_source,
                r.renal_source,
                r.age_source,
                r.hospital_source,
            ] {
                assert!(!s.is_empty(), "{ind:?} has an empty source");
            }
        }
    }

    #[test]
    fn ra_row__us_pi_2_1_and_2_4() {
        let r = Indication::Ra.rule();
        assert_eq!(r.dose, DoseBasis::FixedMg(100.0));
        assert_eq!(r.dose_source, "US PI 2.1");
        assert!(!r.may_split_twice_daily);
        assert_eq!(r.min_age_years, Some(18.0));
        assert_eq!(r.renal_source, "US PI 2.4");
    }

    #[test]
    fn nomid_and_dira_rows__us_pi_2_2_2_3() {
        for (ind, src) in [(Indication::Nomid, "US PI 2.2"), (Indication::Dira, "US PI 2.3")] {
            let r = ind.rule();
            assert_eq!(r.dose, DoseBasis::PerKg { max_mg_per_kg_per_day: 8.0, step_min: 0.5, step_max: 1.0 });
            assert_eq!(r.dose_source, src);
            assert!(r.may_split_twice_daily);
            assert_eq!(r.min_age_years, None);
        }
        assert_eq!(Indication::Dira.rule().frequency_source, "seed");
    }

    #[test]
    fn covid_row__eua() {
        let r = Indication::Covid19.rule();
        assert_eq!(r.dose, DoseBasis::FixedMg(100.0));
        assert_eq!(r.course_days, Some(10));
        assert!(r.hospital_only);
        assert_eq!(r.renal_source, "EUA");
    }

    #[test]
    fn renal_rule_same_for_all__us_pi_2_4() {
        for ind in Indication::ALL {
            assert_eq!(ind.rule().renal_crcl_below_ml_min, 30.0);
            assert_eq!(ind.rule().renal_interval_days, 2);
        }
    }

    #[test]
    fn product_constants__us_pi_3_16() {
        assert_eq!(SYRINGE_MG, 100);
        assert_eq!(SYRINGE_ML, 0.67);
        assert!((ML_PER_MG - SYRINGE_ML / f64::from(SYRINGE_MG)).abs() < 1e-15);
    }

    #[test]
    fn indication_codes_round_trip() {
        for ind in Indication::ALL {
            assert_eq!(Indication::parse(ind.code()), Some(ind));
        }
        assert_eq!(Indication::parse(" RA "), Some(Indication::Ra));
        assert_eq!(Indication::parse("covid"), None);
        assert_eq!(Indication::parse(""), None);
    }
}
