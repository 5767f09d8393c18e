//! The dosing table: one row per indication, every rule with its clinical
//! fact ([`Fact`], CLINICAL.md v2 IDs). The user-visible source is derived
//! from the fact (`Fact::source_in(region)`), never typed by hand here.
//! The calculator reads only this table; nothing clinical is hard-coded in
//! the arithmetic.

use crate::core::attrs::Region;
use crate::core::facts::Fact;
use crate::core::units::MAX_MG_PER_KG_PER_DAY;

/// The labelled uses the calculator knows (US and EU labels).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Indication {
    /// Rheumatoid arthritis (IND-US-RA, IND-EU-RA).
    Ra,
    /// Neonatal-onset multisystem inflammatory disease (IND-US-NOMID).
    Nomid,
    /// Deficiency of interleukin-1 receptor antagonist (IND-US-DIRA).
    Dira,
    /// COVID-19: US Emergency Use Authorization (IND-US-COVID) or EU label
    /// (IND-EU-COVID).
    Covid19,
    /// CAPS: NOMID/CINCA, Muckle-Wells, FCAS (IND-EU-CAPS).
    Caps,
    /// Familial Mediterranean fever (IND-EU-FMF).
    Fmf,
    /// Still's disease: SJIA and AOSD (IND-EU-STILL).
    Stills,
}

crate::wire_enum!(Indication {
    Ra => "ra",
    Nomid => "nomid",
    Dira => "dira",
    Covid19 => "covid19",
    Caps => "caps",
    Fmf => "fmf",
    Stills => "stills",
});

/// The indications of the US label, in the order the form lists them (IND-US-*).
pub const US_INDICATIONS: [Indication; 4] = [Indication::Ra, Indication::Nomid, Indication::Dira, Indication::Covid19];
/// The indications of the EU label (IND-EU-*).
pub const EU_INDICATIONS: [Indication; 5] =
    [Indication::Ra, Indication::Caps, Indication::Fmf, Indication::Stills, Indication::Covid19];

impl Indication {
    pub const ALL: [Indication; 7] = [
        Indication::Ra,
        Indication::Nomid,
        Indication::Dira,
        Indication::Covid19,
        Indication::Caps,
        Indication::Fmf,
        Indication::Stills,
    ];

    /// The API code: "ra" | "nomid" | "dira" | "covid19" | "caps" | "fmf" | "stills".
    pub fn code(self) -> &'static str {
        match self {
            Indication::Ra => "ra",
            Indication::Nomid => "nomid",
            Indication::Dira => "dira",
            Indication::Covid19 => "covid19",
            Indication::Caps => "caps",
            Indication::Fmf => "fmf",
            Indication::Stills => "stills",
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
            Indication::Caps => &RULES[4],
            Indication::Fmf => &RULES[5],
            Indication::Stills => &RULES[6],
        }
    }

    /// The region's list of labelled indications (IND-US-*, IND-EU-*).
    pub fn of_region(region: Region) -> &'static [Indication] {
        match region {
            Region::Us => &US_INDICATIONS,
            Region::Eu => &EU_INDICATIONS,
        }
    }

    /// Whether the region's label has this indication.
    pub fn in_label(self, region: Region) -> bool {
        Indication::of_region(region).contains(&self)
    }

    /// The indication fact: the region's own row when the label has it, else
    /// the row of the label that does (e.g. FMF in the US cites IND-EU-FMF).
    pub fn label_fact(self, region: Region) -> Fact {
        match (self, region) {
            (Indication::Ra, Region::Us) => Fact::IndUsRa,
            (Indication::Ra, Region::Eu) => Fact::IndEuRa,
            (Indication::Covid19, Region::Us) => Fact::IndUsCovid,
            (Indication::Covid19, Region::Eu) => Fact::IndEuCovid,
            (Indication::Nomid, _) => Fact::IndUsNomid,
            (Indication::Dira, _) => Fact::IndUsDira,
            (Indication::Caps, _) => Fact::IndEuCaps,
            (Indication::Fmf, _) => Fact::IndEuFmf,
            (Indication::Stills, _) => Fact::IndEuStill,
        }
    }

    /// The dosing fact of this indication in this region.
    pub fn dose_fact(self, region: Region) -> Fact {
        match (self, region) {
            (Indication::Ra, _) => Fact::DoseRa,
            (Indication::Nomid, _) => Fact::DoseNomidUs,
            (Indication::Dira, _) => Fact::DoseDiraUs,
            (Indication::Covid19, Region::Us) => Fact::DoseCovidUs,
            (Indication::Covid19, Region::Eu) => Fact::DoseCovidEu,
            (Indication::Caps, _) => Fact::DoseCapsEu,
            (Indication::Fmf, _) => Fact::DoseFmfEu,
            (Indication::Stills, _) => Fact::DoseStillEu,
        }
    }
}

/// How the dose is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DoseBasis {
    /// The same mg dose whatever the weight.
    FixedMg(f64),
    /// Prescribed in mg/kg/day, at most `max_mg_per_kg_per_day`; where the
    /// label gives them, adjusted in `steps` of (min, max) mg/kg
    /// (DOSE-NOMID-US, DOSE-DIRA-US; the EU CAPS row gives none).
    PerKg { max_mg_per_kg_per_day: f64, steps: Option<(f64, f64)> },
    /// FMF, Still's (EU): `mg` once daily from `from_kg`; below it the
    /// prescribed mg/kg/day, at most `max_mg_per_kg_per_day`.
    FixedFromKg { mg: f64, from_kg: f64, max_mg_per_kg_per_day: f64 },
}

impl DoseBasis {
    /// The titration steps (min, max) mg/kg the label gives, if any.
    pub fn titration(self) -> Option<(f64, f64)> {
        match self {
            DoseBasis::PerKg { steps, .. } => steps,
            _ => None,
        }
    }

    /// Whether the weight is needed (per kg, or to choose fixed vs per kg).
    pub fn needs_weight(self) -> bool {
        !matches!(self, DoseBasis::FixedMg(_))
    }

    /// Whether a prescribed mg/kg/day is needed for this weight (kg, or
    /// `None` when not known yet).
    pub fn needs_rate(self, kg: Option<f64>) -> bool {
        match self {
            DoseBasis::FixedMg(_) => false,
            DoseBasis::PerKg { .. } => true,
            DoseBasis::FixedFromKg { from_kg, .. } => kg.is_none_or(|k| k < from_kg),
        }
    }
}

/// One row of the dosing table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DoseRule {
    pub indication: Indication,
    pub dose: DoseBasis,
    /// Whether the daily dose may be split into two administrations
    /// (DOSE-NOMID-US, DOSE-DIRA-US).
    pub may_split_twice_daily: bool,
    /// Fixed course length in days (COVID-19 only).
    pub course_days: Option<u32>,
    /// Below this CrCl (mL/min), or with ESRD/dialysis, the label suggests
    /// considering every `renal_interval_days` days; the dose per
    /// administration is unchanged (RENAL-EOD, RENAL-COVID).
    pub renal_crcl_below_ml_min: f64,
    pub renal_interval_days: u8,
    pub renal_fact: Fact,
    /// Under this age (years) the use is outside the label: warn, still
    /// compute (DOSE-RA-U18, DOSE-COVID-U18).
    pub min_age_years: Option<f64>,
    pub age_fact: Fact,
    /// Hospital use only, no home-injection guidance (DOSE-COVID-HOSP).
    pub hospital_only: bool,
    /// The EU floor, 8 months and 10 kg, applies (DOSE-EU-FLOOR).
    pub eu_floor: bool,
}

/// Renal threshold, mL/min (RENAL-EOD).
pub const RENAL_CRCL_BELOW: f64 = 30.0;
/// EU: CrCl from 30 up to (not including) 60 mL/min: use with caution (RENAL-MOD-EU).
pub const RENAL_MODERATE_BELOW_EU: f64 = 60.0;
/// Every other day.
const RENAL_INTERVAL_DAYS: u8 = 2;
/// Adult age, years (DOSE-RA-U18, DOSE-COVID-U18).
const ADULT_YEARS: f64 = 18.0;
/// The product's fixed dose, 100 mg (DOSE-RA, DOSE-COVID-*, DOSE-FMF-EU, DOSE-STILL-EU).
const FIXED_100_MG: f64 = 100.0;
/// FMF and Still's: 100 mg/day from 50 kg (DOSE-FMF-EU, DOSE-STILL-EU).
pub const FIXED_FROM_KG: f64 = 50.0;
/// Titration step, 0.5–1 mg/kg (DOSE-NOMID-US, DOSE-DIRA-US).
const STEP_MIN: f64 = 0.5;
const STEP_MAX: f64 = 1.0;
/// DOSE-EU-FLOOR: 8 months (0.67 year) and 10 kg.
pub const EU_FLOOR_AGE_MONTHS: u32 = 8;
pub const EU_FLOOR_AGE_YEARS: f64 = 0.67;
pub const EU_FLOOR_KG: f64 = 10.0;

const PER_KG: DoseBasis =
    DoseBasis::PerKg { max_mg_per_kg_per_day: MAX_MG_PER_KG_PER_DAY, steps: Some((STEP_MIN, STEP_MAX)) };
const PER_KG_CAPS: DoseBasis = DoseBasis::PerKg { max_mg_per_kg_per_day: MAX_MG_PER_KG_PER_DAY, steps: None };
const FIXED_FROM_50_KG: DoseBasis =
    DoseBasis::FixedFromKg { mg: FIXED_100_MG, from_kg: FIXED_FROM_KG, max_mg_per_kg_per_day: MAX_MG_PER_KG_PER_DAY };

const fn row(indication: Indication, dose: DoseBasis, split: bool) -> DoseRule {
    DoseRule {
        indication,
        dose,
        may_split_twice_daily: split,
        course_days: None,
        renal_crcl_below_ml_min: RENAL_CRCL_BELOW,
        renal_interval_days: RENAL_INTERVAL_DAYS,
        renal_fact: Fact::RenalEod,
        min_age_years: None,
        age_fact: Fact::DoseRaU18,
        hospital_only: false,
        eu_floor: false,
    }
}

pub static RULES: [DoseRule; 7] = [
    DoseRule { min_age_years: Some(ADULT_YEARS), age_fact: Fact::DoseRaU18, ..row(Indication::Ra, DoseBasis::FixedMg(FIXED_100_MG), false) },
    row(Indication::Nomid, PER_KG, true),
    row(Indication::Dira, PER_KG, true),
    DoseRule {
        course_days: Some(10),
        renal_fact: Fact::RenalCovid,
        min_age_years: Some(ADULT_YEARS),
        age_fact: Fact::DoseCovidU18,
        hospital_only: true,
        ..row(Indication::Covid19, DoseBasis::FixedMg(FIXED_100_MG), false)
    },
    DoseRule { eu_floor: true, ..row(Indication::Caps, PER_KG_CAPS, false) },
    DoseRule { eu_floor: true, ..row(Indication::Fmf, FIXED_FROM_50_KG, false) },
    DoseRule { eu_floor: true, ..row(Indication::Stills, FIXED_FROM_50_KG, false) },
];

/// The product: single-dose prefilled syringe, 100 mg in 0.67 mL (PROD-SYR).
pub const SYRINGE_MG: u32 = 100;
pub const SYRINGE_ML: f64 = 0.67;
/// Volume per mg, 0.67 mL / 100 mg = 0.0067 mL/mg (derived from the product row).
pub const ML_PER_MG: f64 = 0.0067;
/// The first mark on the (EU, graduated) syringe, 20 mg (PROD-GRAD).
pub const SYRINGE_MARKS_FROM_MG: u32 = 20;

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;

    #[test]
    fn table_rows_are_in_indication_order() {
        for ind in Indication::ALL {
            assert_eq!(ind.rule().indication, ind);
        }
    }

    #[test]
    fn ra_row__dose_ra_and_dose_ra_u18() {
        let r = Indication::Ra.rule();
        assert_eq!(r.dose, DoseBasis::FixedMg(100.0));
        assert!(!r.may_split_twice_daily);
        assert_eq!(r.min_age_years, Some(18.0));
        assert_eq!(r.age_fact, Fact::DoseRaU18);
        assert_eq!(Indication::Ra.dose_fact(Region::Us), Fact::DoseRa);
        assert_eq!(r.renal_fact, Fact::RenalEod);
    }

    #[test]
    fn nomid_and_dira_rows__dose_nomid_us_dose_dira_us() {
        for (ind, fact) in [(Indication::Nomid, Fact::DoseNomidUs), (Indication::Dira, Fact::DoseDiraUs)] {
            let r = ind.rule();
            assert_eq!(r.dose, DoseBasis::PerKg { max_mg_per_kg_per_day: 8.0, steps: Some((0.5, 1.0)) });
            assert_eq!(ind.dose_fact(Region::Eu), fact);
            assert!(r.may_split_twice_daily);
            assert_eq!(r.min_age_years, None);
        }
    }

    #[test]
    fn covid_row__dose_covid_us_eu_renal_covid() {
        let r = Indication::Covid19.rule();
        assert_eq!(r.dose, DoseBasis::FixedMg(100.0));
        assert_eq!(r.course_days, Some(10));
        assert!(r.hospital_only); // DOSE-COVID-HOSP
        assert_eq!(r.renal_fact, Fact::RenalCovid);
        assert_eq!(r.age_fact, Fact::DoseCovidU18);
        assert_eq!(Indication::Covid19.dose_fact(Region::Us), Fact::DoseCovidUs);
        assert_eq!(Indication::Covid19.dose_fact(Region::Eu), Fact::DoseCovidEu);
    }

    #[test]
    fn eu_rows__dose_caps_eu_dose_fmf_eu_dose_still_eu_dose_eu_floor() {
        let caps = Indication::Caps.rule();
        assert_eq!(caps.dose, DoseBasis::PerKg { max_mg_per_kg_per_day: 8.0, steps: None });
        assert!(!caps.may_split_twice_daily && caps.eu_floor);
        for ind in [Indication::Fmf, Indication::Stills] {
            let r = ind.rule();
            assert_eq!(r.dose, DoseBasis::FixedFromKg { mg: 100.0, from_kg: 50.0, max_mg_per_kg_per_day: 8.0 });
            assert!(!r.may_split_twice_daily && r.eu_floor);
            assert!(r.dose.needs_rate(Some(49.99)) && !r.dose.needs_rate(Some(50.0)) && r.dose.needs_rate(None));
        }
        assert_eq!(Indication::Fmf.dose_fact(Region::Eu), Fact::DoseFmfEu);
        assert_eq!(Indication::Stills.dose_fact(Region::Eu), Fact::DoseStillEu);
        assert_eq!(Indication::Caps.dose_fact(Region::Eu), Fact::DoseCapsEu);
        assert_eq!((EU_FLOOR_AGE_YEARS, EU_FLOOR_KG), (0.67, 10.0));
    }

    #[test]
    fn indications_by_region__ind_us_and_ind_eu() {
        // IND-US-RA, IND-US-NOMID, IND-US-DIRA, IND-US-COVID
        assert_eq!(Indication::of_region(Region::Us), &[Indication::Ra, Indication::Nomid, Indication::Dira, Indication::Covid19]);
        // IND-EU-RA, IND-EU-CAPS, IND-EU-FMF, IND-EU-STILL, IND-EU-COVID
        assert_eq!(
            Indication::of_region(Region::Eu),
            &[Indication::Ra, Indication::Caps, Indication::Fmf, Indication::Stills, Indication::Covid19]
        );
        assert!(!Indication::Fmf.in_label(Region::Us) && !Indication::Dira.in_label(Region::Eu));
        assert_eq!(Indication::Covid19.label_fact(Region::Eu), Fact::IndEuCovid);
        assert_eq!(Indication::Covid19.label_fact(Region::Us), Fact::IndUsCovid);
        assert_eq!(Indication::Ra.label_fact(Region::Eu), Fact::IndEuRa);
        assert_eq!(Indication::Ra.label_fact(Region::Us), Fact::IndUsRa);
        assert_eq!(Indication::Fmf.label_fact(Region::Us), Fact::IndEuFmf);
        assert_eq!(Indication::Stills.label_fact(Region::Us), Fact::IndEuStill);
        assert_eq!(Indication::Caps.label_fact(Region::Us), Fact::IndEuCaps);
        assert_eq!(Indication::Nomid.label_fact(Region::Eu), Fact::IndUsNomid);
        assert_eq!(Indication::Dira.label_fact(Region::Eu), Fact::IndUsDira);
    }

    #[test]
    fn renal_rule_same_for_all__renal_eod() {
        for ind in Indication::ALL {
            assert_eq!(ind.rule().renal_crcl_below_ml_min, 30.0);
            assert_eq!(ind.rule().renal_interval_days, 2);
        }
    }

    #[test]
    fn product_constants__prod_syr() {
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
        assert_eq!(Indication::parse("FMF"), Some(Indication::Fmf));
        assert_eq!(Indication::parse("stills"), Some(Indication::Stills));
        assert_eq!(Indication::parse("covid"), None);
        assert_eq!(Indication::parse(""), None);
    }
}
