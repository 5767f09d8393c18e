//! Kidney-function estimates (CLINICAL.md, "Renal function").
//!
//! - Adults: Cockcroft–Gault, `(140 − age) × weight(kg) / (72 × SCr(mg/dL))`,
//!   × 0.85 for female sex; not valid under 18 years.
//! - Children: bedside Schwartz eGFR, `0.413 × height(cm) / SCr(mg/dL)`
//!   (mL/min/1.73 m²).
//! - SCr in µmol/L converts as mg/dL = µmol/L ÷ 88.4.
//!
//! Results are rounded half away from zero to one decimal. The upper and lower
//! limits on age, height and creatinine are input-sanity bounds (catching
//! typing errors), not clinical rules.

use crate::core::limits::field;
use crate::core::limits::{ErrorCode, FieldError, AGE_SANITY_MAX_YEARS};
pub use crate::core::limits::{HEIGHT_SANITY_MAX_CM, HEIGHT_SANITY_MIN_CM, SCR_SANITY_MAX_MG_DL, UMOL_L_PER_MG_DL};
use crate::core::i18n::Lang;
use crate::core::facts::Fact;
use crate::core::units::Kilograms;

/// The Cockcroft–Gault rule, with the actual body weight (RENAL-CG).
pub const CG_FACT: Fact = Fact::RenalCg;
/// The bedside Schwartz eGFR for children, 1–16 years validated (RENAL-SCHWARTZ).
pub const SCHWARTZ_FACT: Fact = Fact::RenalSchwartz;
/// Creatinine µmol/L ÷ 88.4 = mg/dL (RENAL-UNITS).
pub const UNITS_FACT: Fact = Fact::RenalUnits;
/// Bedside Schwartz: a caution under this age (years), RENAL-SCHWARTZ.
pub const SCHWARTZ_CAUTION_UNDER_YEARS: f64 = 1.0;

pub const CG_AGE_FROM: f64 = 140.0;
pub const CG_DIVISOR: f64 = 72.0;
pub const CG_FEMALE_FACTOR: f64 = 0.85;
/// Cockcroft–Gault is not valid under this age (years), nor bedside Schwartz
/// from it (RENAL-CG, RENAL-SCHWARTZ).
pub const CG_MIN_AGE_YEARS: f64 = crate::core::limits::ADULT_AGE_YEARS;
pub const SCHWARTZ_K: f64 = 0.413;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sex {
    Female,
    Male,
}

crate::wire_enum!(Sex { Female => "female", Male => "male" });

impl Sex {
    pub const ALL: [Sex; 2] = [Sex::Female, Sex::Male];

    /// "female" | "male": the API value.
    pub fn code(self) -> &'static str {
        match self {
            Sex::Female => "female",
            Sex::Male => "male",
        }
    }

    /// "female" | "male" (trimmed, ASCII case-insensitive).
    pub fn parse(s: &str) -> Option<Sex> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("female") {
            Some(Sex::Female)
        } else if t.eq_ignore_ascii_case("male") {
            Some(Sex::Male)
        } else {
            None
        }
    }
}

/// Serum creatinine as entered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Creatinine {
    MgDl(f64),
    UmolL(f64),
}

impl Creatinine {
    pub fn field(self) -> &'static str {
        match self {
            Creatinine::MgDl(_) => field::SCR_MG_DL,
            Creatinine::UmolL(_) => field::SCR_UMOL_L,
        }
    }

    /// mg/dL if finite, > 0 and within the sanity bound.
    pub fn checked_mg_dl(self) -> Option<f64> {
        let mg_dl = match self {
            Creatinine::MgDl(v) => v,
            Creatinine::UmolL(v) => v / UMOL_L_PER_MG_DL,
        };
        (mg_dl.is_finite() && mg_dl > 0.0 && mg_dl <= SCR_SANITY_MAX_MG_DL).then_some(mg_dl)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct CgInput {
    pub age_years: Option<f64>,
    pub sex: Option<Sex>,
    pub weight_kg: Option<f64>,
    pub creatinine: Option<Creatinine>,
}

#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct SchwartzInput {
    pub height_cm: Option<f64>,
    pub creatinine: Option<Creatinine>,
    /// Years: from 18 the child formula is refused (RENAL-SCHWARTZ). The form
    /// requires it; the API checks it when given.
    pub age_years: Option<f64>,
}

fn check_creatinine(c: Option<Creatinine>, lang: Lang, errors: &mut Vec<FieldError>) -> Option<f64> {
    match c {
        None => {
            errors.push(FieldError::new(field::SCR_MG_DL, ErrorCode::MissingCreatinine, lang));
            None
        }
        Some(c) => {
            let v = c.checked_mg_dl();
            if v.is_none() {
                errors.push(FieldError::new(c.field(), ErrorCode::InvalidCreatinine, lang));
            }
            v
        }
    }
}

/// Creatinine clearance (mL/min), Cockcroft–Gault, one decimal; every field
/// error at once. Under 18 years → `pediatric_use_schwartz`.
pub fn cockcroft_gault(input: &CgInput, lang: Lang) -> Result<f64, Vec<FieldError>> {
    let mut errors = Vec::new();
    let age = match input.age_years {
        None => {
            errors.push(FieldError::new(field::AGE, ErrorCode::MissingAge, lang));
            None
        }
        Some(a) if !(0.0..=AGE_SANITY_MAX_YEARS).contains(&a) => {
            errors.push(FieldError::new(field::AGE, ErrorCode::InvalidAge, lang));
            None
        }
        Some(a) if a < CG_MIN_AGE_YEARS => {
            errors.push(FieldError::new(field::AGE, ErrorCode::PediatricUseSchwartz, lang));
            None
        }
        Some(a) => Some(a),
    };
    if input.sex.is_none() {
        errors.push(FieldError::new(field::SEX, ErrorCode::MissingSex, lang));
    }
    let weight = match input.weight_kg {
        None => {
            errors.push(FieldError::new(field::WEIGHT_KG, ErrorCode::MissingWeight, lang));
            None
        }
        Some(w) => {
            let k = Kilograms::new(w).ok();
            if k.is_none() {
                errors.push(FieldError::new(field::WEIGHT_KG, ErrorCode::InvalidWeight, lang));
            }
            k
        }
    };
    let scr = check_creatinine(input.creatinine, lang, &mut errors);
    match (age, input.sex, weight, scr) {
        (Some(age), Some(sex), Some(w), Some(scr)) if errors.is_empty() => {
            let mut crcl = (CG_AGE_FROM - age) * w.value() / (CG_DIVISOR * scr);
            if sex == Sex::Female {
                crcl *= CG_FEMALE_FACTOR;
            }
            Ok(down_to_tenth(crcl))
        }
        _ => Err(errors),
    }
}

/// One decimal, taken DOWN: the value shown is the value compared with the
/// < 30 mL/min threshold (US PI 2.4), and rounding can never lift a clearance
/// of 29.96 to "30.0" and skip the every-other-day schedule. The 10⁻⁹
/// tolerance only absorbs binary noise (79.99999999999999 stays 80).
fn down_to_tenth(x: f64) -> f64 {
    (x * 10.0 + 1e-9).floor() / 10.0
}

/// Bedside Schwartz eGFR (mL/min/1.73 m²), one decimal (taken down). An age
/// of 18 or more is refused with `adult_use_cockcroft_gault` (RENAL-SCHWARTZ).
pub fn bedside_schwartz(input: &SchwartzInput, lang: Lang) -> Result<f64, Vec<FieldError>> {
    let mut errors = Vec::new();
    match input.age_years {
        Some(a) if !(0.0..=AGE_SANITY_MAX_YEARS).contains(&a) => {
            errors.push(FieldError::new(field::AGE, ErrorCode::InvalidAge, lang))
        }
        Some(a) if a >= CG_MIN_AGE_YEARS => {
            errors.push(FieldError::new(field::AGE, ErrorCode::AdultUseCockcroftGault, lang))
        }
        _ => {}
    }
    let height = match input.height_cm {
        None => {
            errors.push(FieldError::new(field::HEIGHT, ErrorCode::MissingHeight, lang));
            None
        }
        Some(h) if h.is_finite() && (HEIGHT_SANITY_MIN_CM..=HEIGHT_SANITY_MAX_CM).contains(&h) => Some(h),
        Some(_) => {
            errors.push(FieldError::new(field::HEIGHT, ErrorCode::InvalidHeight, lang));
            None
        }
    };
    let scr = check_creatinine(input.creatinine, lang, &mut errors);
    match (height, scr) {
        (Some(h), Some(scr)) if errors.is_empty() => Ok(down_to_tenth(SCHWARTZ_K * h / scr)),
        _ => Err(errors),
    }
}

/// A bedside Schwartz estimate under 1 year: outside the ages the equation
/// was validated for (1–16 y); shown with a caution (RENAL-SCHWARTZ).
pub fn schwartz_caution(age_years: Option<f64>) -> bool {
    age_years.is_some_and(|a| a < SCHWARTZ_CAUTION_UNDER_YEARS)
}

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;

    fn codes(r: Result<f64, Vec<FieldError>>) -> Vec<(&'static str, &'static str)> {
        r.err().unwrap_or_default().iter().map(|e| (e.field, e.code.code())).collect()
    }

    fn cg(age: f64, sex: Sex, kg: f64, scr: Creatinine) -> Result<f64, Vec<FieldError>> {
        cockcroft_gault(
            &CgInput { age_years: Some(age), sex: Some(sex), weight_kg: Some(kg), creatinine: Some(scr) },
            Lang::En,
        )
    }

    #[test]
    fn cockcroft_gault_male__us_pi_2_4() {
        assert_eq!(cg(60.0, Sex::Male, 72.0, Creatinine::MgDl(1.0)), Ok(80.0));
        // (140 − 40) × 80 / (72 × 1.2) = 92.59… → 92.5 (taken down)
        assert_eq!(cg(40.0, Sex::Male, 80.0, Creatinine::MgDl(1.2)), Ok(92.5));
    }

    #[test]
    fn estimate_is_taken_down_so_it_never_crosses_the_threshold__us_pi_2_4() {
        // (140 − 50) × 59.92 / (72 × 2.5) = 29.96 mL/min: shown and used as 29.9.
        assert_eq!(cg(50.0, Sex::Male, 59.92, Creatinine::MgDl(2.5)), Ok(29.9));
        assert_eq!(down_to_tenth(29.999_999), 29.9);
        assert_eq!(down_to_tenth(79.999_999_999_999_99), 80.0);
    }

    #[test]
    fn cockcroft_gault_female_times_0_85__us_pi_2_4() {
        assert_eq!(cg(60.0, Sex::Female, 72.0, Creatinine::MgDl(1.0)), Ok(68.0));
    }

    #[test]
    fn creatinine_umol_per_l_divides_by_88_4__renal_units() {
        // RENAL-UNITS
        // 88.4 µmol/L = 1.0 mg/dL.
        assert_eq!(cg(60.0, Sex::Male, 72.0, Creatinine::UmolL(88.4)), Ok(80.0));
        // 176.8 µmol/L = 2.0 mg/dL → 40.
        assert_eq!(cg(60.0, Sex::Male, 72.0, Creatinine::UmolL(176.8)), Ok(40.0));
    }

    #[test]
    fn cockcroft_gault_under_18_is_pediatric_use_schwartz() {
        assert_eq!(codes(cg(17.9, Sex::Male, 50.0, Creatinine::MgDl(0.8))), vec![("ageYears", "pediatric_use_schwartz")]);
        assert!(cg(18.0, Sex::Male, 50.0, Creatinine::MgDl(0.8)).is_ok());
    }

    #[test]
    fn cockcroft_gault_reports_all_errors_at_once() {
        let r = cockcroft_gault(&CgInput::default(), Lang::En);
        assert_eq!(
            codes(r),
            vec![
                ("ageYears", "missing_age"),
                ("sex", "missing_sex"),
                ("weightKg", "missing_weight"),
                ("serumCreatinineMgDl", "missing_creatinine"),
            ]
        );
        let r = cg(121.0, Sex::Male, 0.0, Creatinine::UmolL(-5.0));
        assert_eq!(
            codes(r),
            vec![("ageYears", "invalid_age"), ("weightKg", "invalid_weight"), ("serumCreatinineUmolL", "invalid_creatinine")]
        );
    }

    #[test]
    fn creatinine_sanity_bounds() {
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, 20.01] {
            assert_eq!(codes(cg(60.0, Sex::Male, 72.0, Creatinine::MgDl(bad))), vec![("serumCreatinineMgDl", "invalid_creatinine")]);
        }
        assert!(cg(60.0, Sex::Male, 72.0, Creatinine::MgDl(20.0)).is_ok());
        // 1768 µmol/L = 20 mg/dL; above is refused.
        assert_eq!(codes(cg(60.0, Sex::Male, 72.0, Creatinine::UmolL(1800.0))), vec![("serumCreatinineUmolL", "invalid_creatinine")]);
    }

    #[test]
    fn bedside_schwartz_formula() {
        let r = bedside_schwartz(
            &SchwartzInput { height_cm: Some(100.0), creatinine: Some(Creatinine::MgDl(0.5)), age_years: None },
            Lang::En,
        );
        assert_eq!(r, Ok(82.6)); // 0.413 × 100 / 0.5
        let r = bedside_schwartz(
            &SchwartzInput { height_cm: Some(120.0), creatinine: Some(Creatinine::UmolL(44.2)), age_years: None },
            Lang::En,
        );
        assert_eq!(r, Ok(99.1)); // 0.413 × 120 / 0.5 = 99.12
    }

    #[test]
    fn bedside_schwartz_refuses_adults_and_flags_under_one_year__renal_schwartz() {
        // RENAL-SCHWARTZ: ≥ 18 refused (use Cockcroft–Gault, RENAL-CG).
        let child = |age: f64| SchwartzInput { height_cm: Some(100.0), creatinine: Some(Creatinine::MgDl(0.5)), age_years: Some(age) };
        assert_eq!(codes(bedside_schwartz(&child(18.0), Lang::En)), vec![("ageYears", "adult_use_cockcroft_gault")]);
        assert_eq!(codes(bedside_schwartz(&child(121.0), Lang::En)), vec![("ageYears", "invalid_age")]);
        assert_eq!(bedside_schwartz(&child(17.9), Lang::En), Ok(82.6));
        let e = bedside_schwartz(&child(30.0), Lang::En).err().unwrap_or_default();
        assert_eq!(e[0].message, "The bedside Schwartz eGFR is for children: from 18 years, use Cockcroft–Gault.");
        assert!(schwartz_caution(Some(0.5)) && !schwartz_caution(Some(1.0)) && !schwartz_caution(None));
        assert_eq!((CG_FACT, SCHWARTZ_FACT, UNITS_FACT), (Fact::RenalCg, Fact::RenalSchwartz, Fact::RenalUnits));
        assert_eq!(CG_FACT.source(), "US PI 2.4");
    }

    #[test]
    fn bedside_schwartz_errors() {
        assert_eq!(
            codes(bedside_schwartz(&SchwartzInput::default(), Lang::En)),
            vec![("heightCm", "missing_height"), ("serumCreatinineMgDl", "missing_creatinine")]
        );
        for h in [29.9, 250.1, f64::NAN, -100.0] {
            let r = bedside_schwartz(
                &SchwartzInput { height_cm: Some(h), creatinine: Some(Creatinine::MgDl(0.5)), age_years: None },
                Lang::En,
            );
            assert_eq!(codes(r), vec![("heightCm", "invalid_height")]);
        }
    }

    #[test]
    fn sex_parse() {
        assert_eq!(Sex::parse("female"), Some(Sex::Female));
        assert_eq!(Sex::parse(" Male "), Some(Sex::Male));
        assert_eq!(Sex::parse("f"), None);
    }

    #[test]
    fn messages_translated_and_filled() {
        let e = cg(10.0, Sex::Male, 30.0, Creatinine::MgDl(0.5)).err().unwrap_or_default();
        assert_eq!(e[0].message, "Cockcroft–Gault is not valid under 18 years; use the bedside Schwartz eGFR.");
        let e = cockcroft_gault(
            &CgInput { age_years: Some(10.0), sex: Some(Sex::Male), weight_kg: Some(30.0), creatinine: Some(Creatinine::MgDl(0.5)) },
            Lang::Es,
        )
        .err()
        .unwrap_or_default();
        assert!(e[0].message.contains("menores de 18 años"), "{}", e[0].message);
    }
}
