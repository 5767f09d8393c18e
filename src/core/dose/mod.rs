//! The dose calculator. [`calculate`] is the single entry point used by both
//! the headless API (`core::api`) and the form, so they cannot disagree.
//!
//! Arithmetic is done in integer units after the one multiplication that needs
//! floating point: doses in tenths of a milligram (the daily dose is rounded
//! *down* to 0.1 mg so the 8 mg/kg/day maximum can never be exceeded by
//! rounding), volumes in hundredths of a millilitre.

pub mod form;
pub mod labels;
pub mod rules;
pub mod text;

pub use rules::{DoseBasis, DoseRule, Indication, RULES};
pub use text::{ErrorCode, Freq, Severity, WarningCode};

use crate::core::format::{fmt_kg, fmt_mg, fmt_ml, fmt_number, round_dp};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::renal;
use crate::core::units::{
    Kilograms, MgPerKgPerDay, Milligrams, Millilitres, QuantityError, MAX_MG_PER_KG_PER_DAY, WEIGHT_SANITY_MAX_KG,
};
use rules::{
    SINGLE_USE_SOURCE, SYRINGE_MARKS_FROM_MG, SYRINGE_MARKS_SOURCE, SYRINGE_MG, SYRINGE_ML, SYRINGE_SOURCE, WEIGHT_FACTOR,
    WEIGHT_SOURCE,
};
use text::{Instruction, StepMsg};

/// Input-sanity bound on an entered creatinine clearance (not a clinical
/// limit): above this the value is taken to be a typing error.
pub const CRCL_SANITY_MAX_ML_MIN: f64 = 1000.0;
/// Input-sanity bound on age in years (not a clinical limit).
pub const AGE_SANITY_MAX_YEARS: f64 = 120.0;
/// Dose resolution: the daily dose and each administration are rounded down
/// to this many tenths of a milligram (0.1 mg).
const DOSE_RESOLUTION_MG: f64 = 0.1;

/// API field names, used as `FieldError::field`.
pub mod field {
    pub const REQUEST: &str = "";
    pub const INDICATION: &str = "indication";
    pub const WEIGHT_KG: &str = "weightKg";
    pub const WEIGHT_LB: &str = "weightLb";
    pub const MG_PER_KG_PER_DAY: &str = "mgPerKgPerDay";
    pub const SPLIT: &str = "split";
    pub const CRCL: &str = "crClMlMin";
    pub const ESRD: &str = "esrd";
    pub const AGE: &str = "ageYears";
    pub const SEX: &str = "sex";
    pub const SCR_MG_DL: &str = "serumCreatinineMgDl";
    pub const SCR_UMOL_L: &str = "serumCreatinineUmolL";
    pub const HEIGHT: &str = "heightCm";
}

/// A weight as entered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WeightInput {
    Kg(f64),
    Lb(f64),
}

impl WeightInput {
    /// The API field this weight came from.
    pub fn field(self) -> &'static str {
        match self {
            WeightInput::Kg(_) => field::WEIGHT_KG,
            WeightInput::Lb(_) => field::WEIGHT_LB,
        }
    }
}

/// Once or twice daily (NOMID/DIRA; ignored for fixed-dose indications).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    #[default]
    Once,
    Twice,
}

impl Split {
    /// "once" | "twice" (trimmed, ASCII case-insensitive).
    pub fn parse(s: &str) -> Option<Split> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("once") {
            Some(Split::Once)
        } else if t.eq_ignore_ascii_case("twice") {
            Some(Split::Twice)
        } else {
            None
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Split::Once => "once",
            Split::Twice => "twice",
        }
    }
}

/// Everything the calculator needs. Raw numbers: [`calculate`] validates them.
/// `weight` and `mg_per_kg_per_day` are ignored for fixed-dose indications
/// (RA, COVID-19); when `indication` is `None` they are validated if present.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct DoseInput {
    pub indication: Option<Indication>,
    pub weight: Option<WeightInput>,
    pub mg_per_kg_per_day: Option<f64>,
    pub split: Split,
    pub crcl_ml_min: Option<f64>,
    /// `crcl_ml_min` is a bedside Schwartz eGFR (mL/min/1.73 m²), which the
    /// calculator uses for children in place of a creatinine clearance
    /// (CLINICAL.md, Renal function); only the wording of the steps changes.
    pub crcl_is_schwartz_egfr: bool,
    pub esrd: bool,
    pub age_years: Option<f64>,
}

/// One refused field: API field name, code, translated message.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    pub field: &'static str,
    pub code: ErrorCode,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &'static str, code: ErrorCode, lang: Lang) -> Self {
        FieldError { field, code, message: error_message(code, lang) }
    }
}

/// The translated message for an error code, with its limits filled in from
/// the constants (so the text can never disagree with the check).
pub fn error_message(code: ErrorCode, lang: Lang) -> String {
    let n = |v: f64| fmt_number(v, 2, lang);
    let t = code.tr(lang);
    match code {
        ErrorCode::InvalidWeight => fill(t, &[("max", &fmt_kg(WEIGHT_SANITY_MAX_KG, lang))]),
        ErrorCode::AboveMaxDose => fill(t, &[("max", &n(MAX_MG_PER_KG_PER_DAY))]),
        ErrorCode::DoseTooSmall => fill(
            t,
            &[("min", &mg_t(min_measurable_tenths(), lang)), ("volume", &fmt_ml(VOLUME_RESOLUTION_ML, lang))],
        ),
        ErrorCode::InvalidCrcl => fill(t, &[("max", &n(CRCL_SANITY_MAX_ML_MIN))]),
        ErrorCode::InvalidAge => fill(t, &[("max", &n(AGE_SANITY_MAX_YEARS))]),
        ErrorCode::PediatricUseSchwartz => fill(t, &[("age", &n(renal::CG_MIN_AGE_YEARS))]),
        ErrorCode::InvalidCreatinine => fill(
            t,
            &[
                ("max", &n(renal::SCR_SANITY_MAX_MG_DL)),
                ("max_umol", &n(renal::SCR_SANITY_MAX_MG_DL * renal::UMOL_L_PER_MG_DL)),
            ],
        ),
        ErrorCode::InvalidHeight => fill(
            t,
            &[("min", &n(renal::HEIGHT_SANITY_MIN_CM)), ("max", &n(renal::HEIGHT_SANITY_MAX_CM))],
        ),
        _ => t.to_string(),
    }
}

/// A warning shown with a computed plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub code: WarningCode,
    pub severity: Severity,
    pub message: String,
    pub source: &'static str,
}

/// One line of "show your work".
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub text: String,
    pub source: &'static str,
}

/// What is drawn from one syringe for one administration.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SyringeDraw {
    pub dose: Milligrams,
    pub volume: Millilitres,
}

/// A computed dosing plan.
#[derive(Clone, Debug, PartialEq)]
pub struct DosePlan {
    pub indication: Indication,
    /// Weight as used (kg, rounded to 0.01 kg); weight-based indications only.
    pub weight: Option<Kilograms>,
    /// Prescribed mg/kg/day; weight-based indications only.
    pub mg_per_kg_per_day: Option<MgPerKgPerDay>,
    /// Dose per dosing day (rounded down to 0.1 mg).
    pub daily_dose: Milligrams,
    pub dose_per_administration: Milligrams,
    /// 1 or 2.
    pub administrations_per_day: u8,
    /// 1 (daily) or 2 (every other day).
    pub interval_days: u8,
    pub frequency: Freq,
    /// COVID-19 only.
    pub course_days: Option<u32>,
    /// COVID-19 only.
    pub total_doses: Option<u32>,
    pub volume_per_administration: Millilitres,
    pub syringes_per_administration: u32,
    pub discard_per_administration: Milligrams,
    /// One entry per syringe used for one administration; they sum to the dose.
    pub syringes: Vec<SyringeDraw>,
    /// One sentence, e.g. "20 mg (0.13 mL) under the skin once daily".
    pub instructions: String,
    /// Ordered most severe first.
    pub warnings: Vec<Warning>,
    pub steps: Vec<Step>,
}

/// `rate × weight` in whole tenths of a mg, rounded down, computed in exact
/// integer arithmetic: the rate as the decimal that was typed, taken down to
/// 10⁻⁶ mg/kg/day with a 10⁻⁹ tolerance for binary noise ("2.3" is 2 300 000
/// millionths, not 2 299 999), the weight already taken down to 0.01 kg. So
/// 3 mg/kg/day × 10.1 kg is exactly 30.3 mg, and the result never exceeds the
/// exact product (by more than weight × 10⁻⁹ mg, for a rate typed within 10⁻⁹
/// below a millionth): the 8 mg/kg/day maximum is never crossed by rounding.
fn daily_tenths(rate: MgPerKgPerDay, weight: Kilograms) -> u32 {
    let w100 = (weight.value() * 100.0).round() as u64; // ≤ 30 000
    let r_micro = (rate.value() * 1e6 + 1e-3).floor() as u64; // ≤ 8 000 000
    // rate × weight = r_micro/10⁶ × w100/10² mg → tenths = r_micro·w100 / 10⁷.
    u32::try_from(r_micro * w100 / 10_000_000).unwrap_or(u32::MAX)
}

fn mg_t(tenths: u32, lang: Lang) -> String {
    fmt_mg(f64::from(tenths) / 10.0, lang)
}

/// Hundredths of a mL for a dose in tenths of a mg, rounded half up
/// (the product row: 100 mg in 0.67 mL).
/// Volumes are shown to 0.01 mL.
const VOLUME_RESOLUTION_ML: f64 = 0.01;

/// The smallest dose, in tenths of a mg, whose volume is at least 0.01 mL
/// once rounded (0.8 mg): below it the syringe plan would read "0 mL".
fn min_measurable_tenths() -> u32 {
    (1..=SYRINGE_MG * 10).find(|&t| volume_hundredths(t) > 0).unwrap_or(1)
}

fn volume_hundredths(tenths: u32) -> u32 {
    let ml_h = (SYRINGE_ML * 100.0).round() as u64; // 67
    let mg_t = u64::from(SYRINGE_MG) * 10; // 1000
    ((u64::from(tenths) * ml_h * 2 + mg_t) / (mg_t * 2)) as u32
}

/// The weight as used: taken DOWN to 0.01 kg, so that rate × weight used is
/// never more than rate × the real weight, and the 8 mg/kg/day maximum holds
/// for the real weight too (rounding 9.995 kg up to 10 kg would allow 80 mg,
/// 8.004 mg/kg/day). A weight typed with at most two decimals is used as typed.
fn validate_weight(w: WeightInput) -> Result<Kilograms, QuantityError> {
    let raw = match w {
        WeightInput::Kg(kg) => Kilograms::new(kg)?,
        WeightInput::Lb(lb) => Kilograms::from_pounds(lb)?,
    };
    // Hundredths, with a tolerance of 10⁻⁶ kg so that "20.3" (20.299999…)
    // stays 20.3 kg; that tolerance is far below the 0.1 mg dose resolution.
    let hundredths = (raw.value() * 100.0 + 1e-4).floor();
    Kilograms::new(hundredths / 100.0)
}

/// Computes the plan, or every field error at once.
pub fn calculate(input: &DoseInput, lang: Lang) -> Result<DosePlan, Vec<FieldError>> {
    let mut errors = Vec::new();
    let rule = input.indication.map(Indication::rule);
    if rule.is_none() {
        errors.push(FieldError::new(field::INDICATION, ErrorCode::UnknownIndication, lang));
    }
    let per_kg = rule.map(|r| matches!(r.dose, DoseBasis::PerKg { .. }));
    // Weight and dose apply to weight-based indications; with no indication
    // they are checked if given (any of them might apply).
    let check_per_kg_fields = per_kg != Some(false);
    let required = per_kg == Some(true);

    let mut weight = None;
    let mut rate = None;
    if check_per_kg_fields {
        match input.weight {
            None if required => errors.push(FieldError::new(field::WEIGHT_KG, ErrorCode::MissingWeight, lang)),
            None => {}
            Some(w) => match validate_weight(w) {
                Ok(kg) => weight = Some(kg),
                Err(_) => errors.push(FieldError::new(w.field(), ErrorCode::InvalidWeight, lang)),
            },
        }
        match input.mg_per_kg_per_day {
            None if required => errors.push(FieldError::new(field::MG_PER_KG_PER_DAY, ErrorCode::MissingDose, lang)),
            None => {}
            Some(v) => match MgPerKgPerDay::new(v) {
                Ok(r) => rate = Some(r),
                Err(QuantityError::AboveMax) => {
                    errors.push(FieldError::new(field::MG_PER_KG_PER_DAY, ErrorCode::AboveMaxDose, lang))
                }
                Err(_) => errors.push(FieldError::new(field::MG_PER_KG_PER_DAY, ErrorCode::InvalidDose, lang)),
            },
        }
    }
    if let Some(c) = input.crcl_ml_min {
        if !c.is_finite() || c <= 0.0 || c > CRCL_SANITY_MAX_ML_MIN {
            errors.push(FieldError::new(field::CRCL, ErrorCode::InvalidCrcl, lang));
        }
    }
    if let Some(a) = input.age_years {
        if !(0.0..=AGE_SANITY_MAX_YEARS).contains(&a) {
            errors.push(FieldError::new(field::AGE, ErrorCode::InvalidAge, lang));
        }
    }
    let Some(rule) = rule else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    plan(rule, input, weight, rate, lang)
}

fn plan(
    rule: &'static DoseRule,
    input: &DoseInput,
    weight: Option<Kilograms>,
    rate: Option<MgPerKgPerDay>,
    lang: Lang,
) -> Result<DosePlan, Vec<FieldError>> {
    let ind = rule.indication;
    let n2 = |v: f64| fmt_number(v, 2, lang);
    let mut steps: Vec<Step> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let mut step = |msg: StepMsg, args: &[(&str, &str)], source: &'static str| {
        steps.push(Step { text: fill(msg.tr(lang), args), source });
    };
    let mut warn = |code: WarningCode, args: &[(&str, &str)], source: &'static str| {
        warnings.push(Warning { code, severity: code.severity(), message: fill(code.tr(lang), args), source });
    };

    if rule.hospital_only {
        warn(WarningCode::HospitalOnly, &[], rule.hospital_source);
    }
    if let (Some(min), Some(age)) = (rule.min_age_years, input.age_years) {
        if age < min {
            warn(
                WarningCode::NotApprovedUnder18,
                &[("indication", ind.tr(lang)), ("age", &n2(min))],
                rule.age_source,
            );
        }
    }

    // Dose per dosing day and per administration, in tenths of a mg.
    let (daily_t, per_t, per_day, used_weight, used_rate) = match rule.dose {
        DoseBasis::FixedMg(mg) => {
            let t = (mg * 10.0).round().max(0.0) as u32;
            let dose = mg_t(t, lang);
            let freq = Freq::OnceDaily.tr(lang);
            match rule.course_days {
                Some(days) => step(
                    StepMsg::RuleFixedCourse,
                    &[("indication", ind.tr(lang)), ("dose", &dose), ("frequency", freq), ("days", &days.to_string())],
                    rule.dose_source,
                ),
                None => step(
                    StepMsg::RuleFixed,
                    &[("indication", ind.tr(lang)), ("dose", &dose), ("frequency", freq)],
                    rule.dose_source,
                ),
            }
            (t, t, 1u8, None, None)
        }
        DoseBasis::PerKg { max_mg_per_kg_per_day, step_min, step_max } => {
            // `calculate` has checked both are present for weight-based rules.
            let (Some(w), Some(r)) = (weight, rate) else {
                return Err(vec![FieldError::new(field::WEIGHT_KG, ErrorCode::MissingWeight, lang)]);
            };
            let kg = fmt_kg(w.value(), lang);
            match input.weight {
                Some(WeightInput::Lb(lb)) => step(
                    StepMsg::WeightFromLb,
                    &[("lb", &n2(lb)), ("factor", &fmt_number(WEIGHT_FACTOR, 8, lang)), ("kg", &kg)],
                    WEIGHT_SOURCE,
                ),
                _ => step(StepMsg::WeightKg, &[("kg", &kg)], WEIGHT_SOURCE),
            }
            let (sm, sx, mx) = (n2(step_min), n2(step_max), n2(max_mg_per_kg_per_day));
            step(
                StepMsg::RulePerKg,
                &[("indication", ind.tr(lang)), ("step_min", &sm), ("step_max", &sx), ("max", &mx)],
                rule.dose_source,
            );
            let rate_s = fmt_number(r.value(), 4, lang);
            let exact = r.value() * w.value();
            let daily_t = daily_tenths(r, w);
            let daily = mg_t(daily_t, lang);
            let exact_s = fmt_number(exact, 4, lang);
            if exact_s == fmt_number(f64::from(daily_t) / 10.0, 4, lang) {
                step(StepMsg::DailyDoseExact, &[("rate", &rate_s), ("kg", &kg), ("daily", &daily)], rule.dose_source);
            } else {
                let exact_mg = format!("{exact_s} mg");
                step(
                    StepMsg::DailyDoseRoundedDown,
                    &[
                        ("rate", &rate_s),
                        ("kg", &kg),
                        ("exact", &exact_mg),
                        ("resolution", &fmt_mg(DOSE_RESOLUTION_MG, lang)),
                        ("daily", &daily),
                    ],
                    rule.dose_source,
                );
            }
            step(StepMsg::CapOk, &[("rate", &rate_s), ("max", &mx)], rule.dose_source);
            let q = r.value() / step_min;
            if (q - q.round()).abs() > 1e-9 {
                warn(WarningCode::DoseStep, &[("rate", &rate_s), ("step_min", &sm), ("step_max", &sx)], rule.dose_source);
            }
            let (per_t, per_day) = if input.split == Split::Twice && rule.may_split_twice_daily {
                let per_t = daily_t / 2;
                step(
                    StepMsg::TwiceDaily,
                    &[
                        ("daily", &daily),
                        ("dose", &mg_t(per_t, lang)),
                        ("resolution", &fmt_mg(DOSE_RESOLUTION_MG, lang)),
                    ],
                    rule.frequency_source,
                );
                (per_t, 2u8)
            } else {
                step(StepMsg::OnceDaily, &[("dose", &daily)], rule.frequency_source);
                (daily_t, 1u8)
            };
            // A dose whose volume rounds to 0.00 mL cannot be measured (or shown).
            if volume_hundredths(per_t) == 0 {
                return Err(vec![FieldError::new(field::MG_PER_KG_PER_DAY, ErrorCode::DoseTooSmall, lang)]);
            }
            (daily_t, per_t, per_day, Some(w), Some(r))
        }
    };

    // Renal: CrCl below the threshold, or ESRD/dialysis → every other day.
    let threshold = n2(rule.renal_crcl_below_ml_min);
    let below = input.crcl_ml_min.is_some_and(|c| c < rule.renal_crcl_below_ml_min);
    let interval: u8 = if input.esrd || below { rule.renal_interval_days } else { 1 };
    if input.esrd {
        step(StepMsg::RenalEsrd, &[], rule.renal_source);
    } else if let Some(c) = input.crcl_ml_min {
        let crcl = fmt_number(c, 1, lang);
        let msg = match (below, input.crcl_is_schwartz_egfr) {
            (true, false) => StepMsg::RenalBelow,
            (false, false) => StepMsg::RenalOk,
            (true, true) => StepMsg::RenalBelowEgfr,
            (false, true) => StepMsg::RenalOkEgfr,
        };
        step(msg, &[("crcl", &crcl), ("threshold", &threshold)], rule.renal_source);
    } else {
        step(StepMsg::RenalUnknown, &[("threshold", &threshold)], rule.renal_source);
    }
    if interval > 1 {
        warn(WarningCode::RenalEveryOtherDay, &[("threshold", &threshold)], rule.renal_source);
    }
    let frequency = match (per_day, interval > 1) {
        (1, false) => Freq::OnceDaily,
        (_, false) => Freq::TwiceDaily,
        (1, true) => Freq::EveryOtherDay,
        (_, true) => Freq::TwiceDailyEveryOtherDay,
    };
    let freq_s = frequency.tr(lang);

    // Course (COVID-19): doses over the fixed number of days.
    let total_doses = rule.course_days.map(|d| d.div_ceil(u32::from(interval)) * u32::from(per_day));
    if let (Some(days), Some(total)) = (rule.course_days, total_doses) {
        // Sentence case; the frequencies start with an ASCII letter in both
        // languages, so no Unicode case tables are needed.
        let mut f = freq_s.to_string();
        if let Some(first) = f.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        step(
            StepMsg::CourseDoses,
            &[("frequency", &f), ("days", &days.to_string()), ("doses", &total.to_string())],
            rule.course_source,
        );
    }

    // Volume and syringes (100 mg / 0.67 mL single-use syringes).
    let per_s = mg_t(per_t, lang);
    let vol_h = volume_hundredths(per_t);
    let volume = Millilitres::from_hundredths(vol_h);
    let vol_s = fmt_ml(volume.value(), lang);
    let syr_mg_s = fmt_mg(f64::from(SYRINGE_MG), lang);
    step(
        StepMsg::Volume,
        &[("dose", &per_s), ("syringe_ml", &fmt_ml(SYRINGE_ML, lang)), ("syringe_mg", &syr_mg_s), ("volume", &vol_s)],
        SYRINGE_SOURCE,
    );
    let full_t = SYRINGE_MG * 10;
    let count = per_t.div_ceil(full_t).max(1);
    let discard_t = count * full_t - per_t;
    let mut syringes = Vec::with_capacity(count as usize);
    let mut left = per_t;
    for _ in 0..count {
        let take = left.min(full_t);
        left -= take;
        syringes.push(SyringeDraw {
            dose: Milligrams::from_tenths(take),
            volume: Millilitres::from_hundredths(volume_hundredths(take)),
        });
    }
    step(
        StepMsg::Syringes,
        &[("count", &count.to_string()), ("syringe_mg", &syr_mg_s), ("discard", &mg_t(discard_t, lang))],
        SINGLE_USE_SOURCE,
    );
    // The amount measured from a partly used syringe (the last one) may be
    // under the lowest mark even when the whole dose is not (104 mg = 100 mg
    // + 4 mg).
    if let Some(small) = syringes.iter().map(|s| s.dose).find(|d| d.value() < f64::from(SYRINGE_MARKS_FROM_MG)) {
        warn(
            WarningCode::BelowSyringeMarks,
            &[
                ("dose", &fmt_mg(small.value(), lang)),
                ("marks", &fmt_mg(f64::from(SYRINGE_MARKS_FROM_MG), lang)),
                ("full", &syr_mg_s),
            ],
            SYRINGE_MARKS_SOURCE,
        );
    }
    if count > 1 {
        let mut plan = String::new();
        for (i, d) in syringes.iter().enumerate() {
            if i > 0 {
                plan.push_str(" + ");
            }
            plan.push_str(&fmt_mg(d.dose.value(), lang));
            plan.push_str(" (");
            plan.push_str(&fmt_ml(d.volume.value(), lang));
            plan.push(')');
        }
        warn(
            WarningCode::SeveralSyringes,
            &[("dose", &per_s), ("count", &count.to_string()), ("plan", &plan)],
            SINGLE_USE_SOURCE,
        );
    }

    let instruction = match (rule.course_days, interval > 1) {
        (None, _) => Instruction::Plain,
        (Some(_), false) => Instruction::Course,
        (Some(_), true) => Instruction::CourseWithDoses,
    };
    let days_s = rule.course_days.map(|d| d.to_string()).unwrap_or_default();
    let doses_s = total_doses.map(|d| d.to_string()).unwrap_or_default();
    let instructions = fill(
        instruction.tr(lang),
        &[("dose", &per_s), ("volume", &vol_s), ("frequency", freq_s), ("days", &days_s), ("doses", &doses_s)],
    );

    // Most severe first, keeping the rule order within a severity (a filter
    // per level: cheaper in wasm than a generic stable sort).
    let warnings: Vec<Warning> = [Severity::Danger, Severity::Caution, Severity::Info]
        .iter()
        .flat_map(|s| warnings.iter().filter(move |w| w.severity == *s).cloned())
        .collect();
    Ok(DosePlan {
        indication: ind,
        weight: used_weight,
        mg_per_kg_per_day: used_rate,
        daily_dose: Milligrams::from_tenths(daily_t),
        dose_per_administration: Milligrams::from_tenths(per_t),
        administrations_per_day: per_day,
        interval_days: interval,
        frequency,
        course_days: rule.course_days,
        total_doses,
        volume_per_administration: volume,
        syringes_per_administration: count,
        discard_per_administration: Milligrams::from_tenths(discard_t),
        syringes,
        instructions,
        warnings,
        steps,
    })
}

/// Titration deltas in mg/kg/day: −1, −0.5, +0.5, +1 (adjust in 0.5–1 mg/kg
/// steps, US PI 2.2).
pub const TITRATION_DELTAS: [f64; 4] = [-1.0, -0.5, 0.5, 1.0];
pub const TITRATION_SOURCE: &str = "US PI 2.2";

/// The doses one titration step away: `[current − 1, current − 0.5,
/// current + 0.5, current + 1]` mg/kg/day; `None` where that would be ≤ 0 or
/// above the 8 mg/kg/day maximum.
pub fn titration_steps(current: MgPerKgPerDay) -> [Option<f64>; 4] {
    TITRATION_DELTAS.map(|d| {
        let v = round_dp(current.value() + d, 6);
        MgPerKgPerDay::new(v).ok().map(MgPerKgPerDay::value)
    })
}


#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;

    fn input(ind: Indication) -> DoseInput {
        DoseInput { indication: Some(ind), ..DoseInput::default() }
    }

    fn per_kg(ind: Indication, rate: f64, kg: f64) -> DoseInput {
        DoseInput { weight: Some(WeightInput::Kg(kg)), mg_per_kg_per_day: Some(rate), ..input(ind) }
    }

    fn ok(i: &DoseInput) -> DosePlan {
        match calculate(i, Lang::En) {
            Ok(p) => p,
            Err(e) => panic!("expected a plan for {i:?}, got {e:?}"),
        }
    }

    fn err_codes(i: &DoseInput) -> Vec<(&'static str, &'static str)> {
        match calculate(i, Lang::En) {
            Ok(p) => panic!("expected errors for {i:?}, got {p:?}"),
            Err(e) => e.iter().map(|e| (e.field, e.code.code())).collect(),
        }
    }

    fn warning_codes(p: &DosePlan) -> Vec<&'static str> {
        p.warnings.iter().map(|w| w.code.code()).collect()
    }

    fn has_step(p: &DosePlan, text: &str, source: &str) -> bool {
        p.steps.iter().any(|s| s.text == text && s.source == source)
    }

    #[test]
    fn ra_is_100mg_daily_whatever_weight__us_pi_2_1() {
        for weight in [None, Some(WeightInput::Kg(5.0)), Some(WeightInput::Kg(150.0)), Some(WeightInput::Kg(f64::NAN))] {
            let p = ok(&DoseInput { weight, mg_per_kg_per_day: Some(99.0), ..input(Indication::Ra) });
            assert_eq!(p.daily_dose.value(), 100.0);
            assert_eq!(p.dose_per_administration.value(), 100.0);
            assert_eq!(p.administrations_per_day, 1);
            assert_eq!(p.interval_days, 1);
            assert_eq!(p.volume_per_administration.value(), 0.67);
            assert_eq!(p.syringes_per_administration, 1);
            assert_eq!(p.discard_per_administration.value(), 0.0);
            assert_eq!(p.weight, None, "weight is not used for RA");
            assert_eq!(p.course_days, None);
            assert_eq!(p.total_doses, None);
            assert_eq!(p.instructions, "100 mg (0.67 mL) under the skin once daily");
            assert!(p.warnings.is_empty());
            assert!(has_step(
                &p,
                "Rheumatoid arthritis: fixed dose of 100 mg once daily, not based on weight.",
                "US PI 2.1"
            ));
        }
    }

    #[test]
    fn ra_split_twice_is_ignored__us_pi_2_1() {
        let p = ok(&DoseInput { split: Split::Twice, ..input(Indication::Ra) });
        assert_eq!(p.administrations_per_day, 1);
        assert_eq!(p.dose_per_administration.value(), 100.0);
    }

    #[test]
    fn ra_under_18_warns_not_approved_but_computes__us_pi_2_1() {
        let p = ok(&DoseInput { age_years: Some(17.5), ..input(Indication::Ra) });
        assert_eq!(warning_codes(&p), vec!["not_approved_under_18"]);
        assert_eq!(p.warnings[0].severity, Severity::Danger);
        assert_eq!(p.warnings[0].source, "US PI 2.1");
        assert_eq!(
            p.warnings[0].message,
            "Rheumatoid arthritis: not an approved use under 18 years. Check with the prescriber."
        );
        assert_eq!(p.daily_dose.value(), 100.0);
        let adult = ok(&DoseInput { age_years: Some(18.0), ..input(Indication::Ra) });
        assert!(adult.warnings.is_empty());
    }

    #[test]
    fn nomid_children_no_age_warning__us_pi_2_2() {
        let p = ok(&DoseInput { age_years: Some(2.0), ..per_kg(Indication::Nomid, 2.0, 12.0) });
        assert!(p.warnings.is_empty());
    }

    #[test]
    fn covid_under_18_warns_adults_only__eua() {
        let p = ok(&DoseInput { age_years: Some(16.0), ..input(Indication::Covid19) });
        assert_eq!(warning_codes(&p), vec!["hospital_only", "not_approved_under_18"]);
        assert_eq!(p.warnings[1].source, "EUA");
    }

    #[test]
    fn nomid_daily_dose_is_mg_per_kg_times_kg__us_pi_2_2() {
        let p = ok(&per_kg(Indication::Nomid, 2.0, 10.0));
        assert_eq!(p.daily_dose.value(), 20.0);
        assert_eq!(p.dose_per_administration.value(), 20.0);
        assert_eq!(p.volume_per_administration.value(), 0.13);
        assert_eq!(p.syringes_per_administration, 1);
        assert_eq!(p.discard_per_administration.value(), 80.0);
        assert_eq!(p.weight.map(Kilograms::value), Some(10.0));
        assert_eq!(p.instructions, "20 mg (0.13 mL) under the skin once daily");
        assert!(has_step(&p, "Daily dose: 2 mg/kg/day × 10 kg = 20 mg", "US PI 2.2"));
        assert!(has_step(&p, "2 mg/kg/day is not above the maximum of 8 mg/kg/day.", "US PI 2.2"));
        assert!(has_step(&p, "Volume: 20 mg × 0.67 mL / 100 mg = 0.13 mL", "US PI 3, 16"));
        assert!(has_step(
            &p,
            "Prefilled syringes per dose: 1 (single use, 100 mg each); discard 80 mg.",
            "US PI 2.2"
        ));
    }

    #[test]
    fn dira_uses_its_own_section__us_pi_2_3() {
        let p = ok(&per_kg(Indication::Dira, 1.0, 25.0));
        assert_eq!(p.daily_dose.value(), 25.0);
        assert!(p.steps.iter().any(|s| s.source == "US PI 2.3"));
        let twice = ok(&DoseInput { split: Split::Twice, ..per_kg(Indication::Dira, 1.0, 25.0) });
        assert_eq!(twice.dose_per_administration.value(), 12.5);
        assert!(twice.steps.iter().any(|s| s.source == "seed" && s.text.starts_with("Twice daily")));
    }

    #[test]
    fn twice_daily_is_half_the_daily_dose__us_pi_2_2() {
        let p = ok(&DoseInput { split: Split::Twice, ..per_kg(Indication::Nomid, 4.0, 20.0) });
        assert_eq!(p.daily_dose.value(), 80.0);
        assert_eq!(p.dose_per_administration.value(), 40.0);
        assert_eq!(p.administrations_per_day, 2);
        assert_eq!(p.volume_per_administration.value(), 0.27);
        assert_eq!(p.instructions, "40 mg (0.27 mL) under the skin twice daily");
        assert!(has_step(&p, "Twice daily: 80 mg ÷ 2 = 40 mg each time (rounded down to 0.1 mg).", "US PI 2.2"));
    }

    #[test]
    fn twice_daily_halves_round_down__us_pi_2_2() {
        // 3 × 10.1 = 30.3 mg/day → 15.15 → 15.1 mg per injection (sum 30.2 ≤ 30.3).
        let p = ok(&DoseInput { split: Split::Twice, ..per_kg(Indication::Nomid, 3.0, 10.1) });
        assert_eq!(p.daily_dose.value(), 30.3);
        assert_eq!(p.dose_per_administration.value(), 15.1);
    }

    #[test]
    fn daily_dose_rounds_down_never_above_cap__us_pi_2_2() {
        // 8 × 19.96 = 159.68 → 159.6 mg.
        let p = ok(&per_kg(Indication::Nomid, 8.0, 19.96));
        assert_eq!(p.daily_dose.value(), 159.6);
        assert!(has_step(
            &p,
            "Daily dose: 8 mg/kg/day × 19.96 kg = 159.68 mg, rounded down to 0.1 mg: 159.6 mg",
            "US PI 2.2"
        ));
        // Binary noise must not lose 0.1 mg: 2 × 5.05 = 10.1 exactly.
        assert_eq!(ok(&per_kg(Indication::Nomid, 2.0, 5.05)).daily_dose.value(), 10.1);
        assert_eq!(ok(&per_kg(Indication::Nomid, 8.0, 300.0)).daily_dose.value(), 2400.0);
    }

    #[test]
    fn weight_is_taken_down_so_the_maximum_holds_for_the_real_weight__us_pi_2_2() {
        // 9.995 kg rounded to nearest would be 10 kg → 80 mg = 8.004 mg/kg/day.
        let p = ok(&per_kg(Indication::Nomid, 8.0, 9.995));
        assert_eq!(p.weight.map(Kilograms::value), Some(9.99));
        assert_eq!(p.daily_dose.value(), 79.9);
        assert!(p.daily_dose.value() <= 8.0 * 9.995);
        let lb = ok(&DoseInput { weight: Some(WeightInput::Lb(22.046)), ..per_kg(Indication::Dira, 8.0, 1.0) });
        assert!(lb.daily_dose.value() <= 8.0 * 22.046 * 0.453_592_37, "{}", lb.daily_dose.value());
        // Typed two-decimal weights are used as typed (no binary-noise loss).
        assert_eq!(ok(&per_kg(Indication::Nomid, 1.0, 20.3)).weight.map(Kilograms::value), Some(20.3));
    }

    #[test]
    fn weight_in_pounds_is_converted_and_shown__ismp() {
        let p = ok(&DoseInput { weight: Some(WeightInput::Lb(44.0)), ..per_kg(Indication::Nomid, 8.0, 1.0) });
        // 44 lb = 19.958… kg, used as 19.95 kg (down, never up).
        assert_eq!(p.weight.map(Kilograms::value), Some(19.95));
        assert!(has_step(&p, "Weight: 44 lb × 0.45359237 kg/lb = 19.95 kg (rounded down to 0.01 kg)", "ISMP"));
        assert_eq!(p.daily_dose.value(), 159.6);
        // 159.6 mg → 2 syringes: 100 mg/0.67 mL + 59.6 mg/0.4 mL; 40.4 mg discarded.
        assert_eq!(p.syringes_per_administration, 2);
        assert_eq!(p.volume_per_administration.value(), 1.07);
        assert_eq!(p.discard_per_administration.value(), 40.4);
        let plan: Vec<(f64, f64)> = p.syringes.iter().map(|s| (s.dose.value(), s.volume.value())).collect();
        assert_eq!(plan, vec![(100.0, 0.67), (59.6, 0.4)]);
    }

    #[test]
    fn syringe_plan_above_100_mg__us_pi_2_2() {
        let p = ok(&per_kg(Indication::Nomid, 5.0, 50.0));
        assert_eq!(p.dose_per_administration.value(), 250.0);
        assert_eq!(p.syringes_per_administration, 3);
        assert_eq!(p.discard_per_administration.value(), 50.0);
        let plan: Vec<(f64, f64)> = p.syringes.iter().map(|s| (s.dose.value(), s.volume.value())).collect();
        assert_eq!(plan, vec![(100.0, 0.67), (100.0, 0.67), (50.0, 0.34)]);
        assert_eq!(p.volume_per_administration.value(), 1.68); // 250 × 0.0067 = 1.675 → 1.68
        // Exactly 200 mg: two full syringes, nothing discarded.
        let p = ok(&per_kg(Indication::Nomid, 4.0, 50.0));
        assert_eq!((p.syringes_per_administration, p.discard_per_administration.value()), (2, 0.0));
    }

    #[test]
    fn above_8_mg_per_kg_per_day_is_refused__us_pi_2_2() {
        assert_eq!(err_codes(&per_kg(Indication::Nomid, 8.5, 20.0)), vec![("mgPerKgPerDay", "above_max_dose")]);
        assert_eq!(err_codes(&per_kg(Indication::Dira, 8.01, 20.0)), vec![("mgPerKgPerDay", "above_max_dose")]);
        let e = calculate(&per_kg(Indication::Nomid, 9.0, 20.0), Lang::Es).err().unwrap_or_default();
        assert_eq!(e[0].message, "La dosis supera el máximo de 8 mg/kg/día.");
        assert!(calculate(&per_kg(Indication::Nomid, 8.0, 20.0), Lang::En).is_ok());
    }

    #[test]
    fn invalid_dose_codes__us_pi_2_2() {
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(err_codes(&per_kg(Indication::Nomid, bad, 20.0)), vec![("mgPerKgPerDay", "invalid_dose")]);
        }
    }

    #[test]
    fn dose_step_warning_when_not_a_half_multiple__us_pi_2_2() {
        let p = ok(&per_kg(Indication::Nomid, 2.3, 10.0));
        assert_eq!(warning_codes(&p), vec!["dose_step"]);
        assert_eq!(p.warnings[0].severity, Severity::Info);
        assert_eq!(p.warnings[0].source, "US PI 2.2");
        assert_eq!(
            p.warnings[0].message,
            "2.3 mg/kg/day is not a multiple of 0.5 mg/kg; the dose is adjusted in 0.5–1 mg/kg steps."
        );
        for good in [0.5, 1.0, 1.5, 7.5, 8.0] {
            assert!(!warning_codes(&ok(&per_kg(Indication::Nomid, good, 10.0))).contains(&"dose_step"), "{good}");
        }
    }

    #[test]
    fn a_dose_that_rounds_to_0_ml_is_refused__us_pi_3_16() {
        // 0.3 kg × 1 mg/kg/day = 0.3 mg = 0.002 mL: nothing to measure or show.
        assert_eq!(err_codes(&per_kg(Indication::Nomid, 1.0, 0.3)), vec![("mgPerKgPerDay", "dose_too_small")]);
        let e = calculate(&per_kg(Indication::Nomid, 1.0, 0.3), Lang::En).err().unwrap_or_default();
        assert_eq!(
            e[0].message,
            "The calculated dose is less than 0.8 mg, too small to measure with the syringe (less than 0.01 mL); check the weight and the dose."
        );
        // 0.8 mg is the smallest dose with a volume (0.01 mL).
        assert_eq!(min_measurable_tenths(), 8);
        let p = ok(&per_kg(Indication::Nomid, 1.0, 0.8));
        assert_eq!(p.volume_per_administration.value(), 0.01);
        assert!(p.syringes.iter().all(|s| s.volume.value() > 0.0));
    }

    #[test]
    fn below_the_syringe_marks_is_a_caution__eu_pl_3() {
        let p = ok(&per_kg(Indication::Nomid, 1.5, 10.0));
        assert_eq!(warning_codes(&p), vec!["below_syringe_marks"]);
        assert_eq!(p.warnings[0].severity, Severity::Caution);
        assert_eq!(p.warnings[0].source, "EU PL 3, US PI 2.2");
        assert!(p.warnings[0].message.starts_with("Measuring 15 mg from a syringe: this is below its lowest mark (20 mg)"), "{}", p.warnings[0].message);
        assert!(warning_codes(&ok(&per_kg(Indication::Nomid, 2.0, 10.0))).is_empty(), "20 mg is on the mark");
        // 8 mg/kg/day × 13 kg = 104 mg = 100 mg + 4 mg: the 4 mg is measured.
        let p = ok(&per_kg(Indication::Dira, 8.0, 13.0));
        assert_eq!(warning_codes(&p), vec!["below_syringe_marks", "several_syringes"]);
        assert!(p.warnings[0].message.starts_with("Measuring 4 mg from a syringe"), "{}", p.warnings[0].message);
        // 120 mg = 100 mg + 20 mg: on the mark.
        assert_eq!(warning_codes(&ok(&per_kg(Indication::Dira, 8.0, 15.0))), vec!["several_syringes"]);
        assert!(warning_codes(&ok(&input(Indication::Ra))).is_empty());
    }

    #[test]
    fn several_syringes_are_spelled_out__us_pi_2_2() {
        let p = ok(&per_kg(Indication::Dira, 8.0, 20.0));
        assert_eq!(p.syringes_per_administration, 2);
        assert_eq!(warning_codes(&p), vec!["several_syringes"]);
        assert_eq!(
            p.warnings[0].message,
            "Each dose of 160 mg needs 2 syringes: 100 mg (0.67 mL) + 60 mg (0.4 mL)."
        );
        assert!(has_step(&p, "Once daily: the whole daily dose, 160 mg, at one time.", "seed"));
    }

    #[test]
    fn weight_based_needs_weight_and_dose__us_pi_2_2() {
        assert_eq!(
            err_codes(&input(Indication::Nomid)),
            vec![("weightKg", "missing_weight"), ("mgPerKgPerDay", "missing_dose")]
        );
        for bad in [0.0, -3.0, 300.01, f64::NAN] {
            assert_eq!(err_codes(&per_kg(Indication::Dira, 2.0, bad)), vec![("weightKg", "invalid_weight")]);
        }
        let lb = DoseInput { weight: Some(WeightInput::Lb(700.0)), ..per_kg(Indication::Nomid, 2.0, 1.0) };
        assert_eq!(err_codes(&lb), vec![("weightLb", "invalid_weight")]);
        // 0.004 kg rounds to 0 kg: refused, never a 0 kg plan.
        assert_eq!(err_codes(&per_kg(Indication::Nomid, 2.0, 0.004)), vec![("weightKg", "invalid_weight")]);
    }

    #[test]
    fn computed_dose_under_0_1_mg_is_refused() {
        assert_eq!(err_codes(&per_kg(Indication::Nomid, 0.5, 0.1)), vec![("mgPerKgPerDay", "dose_too_small")]);
        // 0.1 mg/day split twice → 0 mg per injection.
        let twice = DoseInput { split: Split::Twice, ..per_kg(Indication::Nomid, 0.5, 0.2) };
        assert_eq!(err_codes(&twice), vec![("mgPerKgPerDay", "dose_too_small")]);
    }

    #[test]
    fn unknown_indication_reports_all_errors_at_once() {
        let i = DoseInput {
            indication: None,
            weight: Some(WeightInput::Lb(-1.0)),
            mg_per_kg_per_day: Some(9.0),
            crcl_ml_min: Some(0.0),
            crcl_is_schwartz_egfr: false,
            age_years: Some(121.0),
            ..DoseInput::default()
        };
        assert_eq!(
            err_codes(&i),
            vec![
                ("indication", "unknown_indication"),
                ("weightLb", "invalid_weight"),
                ("mgPerKgPerDay", "above_max_dose"),
                ("crClMlMin", "invalid_crcl"),
                ("ageYears", "invalid_age"),
            ]
        );
        assert_eq!(err_codes(&DoseInput::default()), vec![("indication", "unknown_indication")]);
    }

    #[test]
    fn invalid_crcl_and_age_codes() {
        for bad in [0.0, -5.0, f64::NAN, f64::INFINITY, 1000.1] {
            let i = DoseInput { crcl_ml_min: Some(bad), ..input(Indication::Ra) };
            assert_eq!(err_codes(&i), vec![("crClMlMin", "invalid_crcl")]);
        }
        for bad in [-0.1, 120.1, f64::NAN] {
            let i = DoseInput { age_years: Some(bad), ..input(Indication::Ra) };
            assert_eq!(err_codes(&i), vec![("ageYears", "invalid_age")]);
        }
        assert!(calculate(&DoseInput { age_years: Some(0.0), ..per_kg(Indication::Nomid, 1.0, 4.0) }, Lang::En).is_ok());
    }

    #[test]
    fn covid_is_100mg_daily_for_10_days_hospital_only__eua() {
        let p = ok(&DoseInput { weight: Some(WeightInput::Kg(-1.0)), ..input(Indication::Covid19) });
        assert_eq!(p.dose_per_administration.value(), 100.0);
        assert_eq!(p.course_days, Some(10));
        assert_eq!(p.total_doses, Some(10));
        assert_eq!(p.interval_days, 1);
        assert_eq!(p.instructions, "100 mg (0.67 mL) under the skin once daily for 10 days");
        assert_eq!(warning_codes(&p), vec!["hospital_only"]);
        assert_eq!(p.warnings[0].severity, Severity::Danger);
        assert!(has_step(&p, "Once daily for 10 days: 10 doses in total.", "EUA"));
    }

    #[test]
    fn covid_renal_is_5_doses_over_10_days__eua() {
        let p = ok(&DoseInput { crcl_ml_min: Some(20.0), ..input(Indication::Covid19) });
        assert_eq!(p.interval_days, 2);
        assert_eq!(p.total_doses, Some(5));
        assert_eq!(p.course_days, Some(10));
        assert_eq!(p.instructions, "100 mg (0.67 mL) under the skin every other day for 10 days (5 doses)");
        assert_eq!(warning_codes(&p), vec!["hospital_only", "renal_every_other_day"]);
        assert!(p.steps.iter().any(|s| s.source == "EUA" && s.text.contains("below 30 mL/min")));
        let es = calculate(&DoseInput { esrd: true, ..input(Indication::Covid19) }, Lang::Es).map(|p| p.instructions);
        assert_eq!(es.as_deref(), Ok("100 mg (0,67 mL) debajo de la piel cada dos días durante 10 días (5 dosis)"));
    }

    #[test]
    fn renal_every_other_day_below_30_or_esrd__us_pi_2_4() {
        for ind in Indication::ALL {
            let base = if ind.rule().course_days.is_some() || ind == Indication::Ra {
                input(ind)
            } else {
                per_kg(ind, 2.0, 20.0)
            };
            let usual = ok(&base);
            for (crcl, esrd, every_other) in [
                (Some(29.9), false, true),
                (Some(30.0), false, false),
                (Some(90.0), false, false),
                (None, true, true),
                (Some(90.0), true, true),
                (None, false, false),
            ] {
                let p = ok(&DoseInput { crcl_ml_min: crcl, esrd, ..base });
                assert_eq!(p.interval_days, if every_other { 2 } else { 1 }, "{ind:?} {crcl:?} {esrd}");
                assert_eq!(p.warnings.iter().any(|w| w.code == WarningCode::RenalEveryOtherDay), every_other);
                assert_eq!(p.dose_per_administration, usual.dose_per_administration, "dose unchanged");
                let renal_src = if ind == Indication::Covid19 { "EUA" } else { "US PI 2.4" };
                assert!(p.steps.iter().any(|s| s.source == renal_src));
            }
        }
        let p = ok(&DoseInput { crcl_ml_min: Some(25.0), ..input(Indication::Ra) });
        assert_eq!(p.instructions, "100 mg (0.67 mL) under the skin every other day");
        assert_eq!(p.warnings[0].severity, Severity::Caution);
        assert!(has_step(
            &p,
            "Creatinine clearance 25 mL/min is below 30 mL/min: every other day, same dose each time.",
            "US PI 2.4"
        ));
    }

    #[test]
    fn twice_daily_with_renal_is_twice_daily_every_other_day__us_pi_2_4() {
        let p = ok(&DoseInput { split: Split::Twice, esrd: true, ..per_kg(Indication::Nomid, 4.0, 20.0) });
        assert_eq!((p.administrations_per_day, p.interval_days), (2, 2));
        assert_eq!(p.instructions, "40 mg (0.27 mL) under the skin twice daily, every other day");
    }

    #[test]
    fn spanish_instruction_uses_terms_table() {
        let p = calculate(&per_kg(Indication::Nomid, 2.0, 10.0), Lang::Es).map(|p| p.instructions);
        assert_eq!(p.as_deref(), Ok("20 mg (0,13 mL) debajo de la piel una vez al día"));
        let p = calculate(&DoseInput { split: Split::Twice, ..per_kg(Indication::Nomid, 4.0, 20.0) }, Lang::Es)
            .map(|p| p.instructions);
        assert_eq!(p.as_deref(), Ok("40 mg (0,27 mL) debajo de la piel dos veces al día"));
    }

    #[test]
    fn no_placeholder_left_in_any_output() {
        let mut inputs = Vec::new();
        for ind in Indication::ALL {
            for split in [Split::Once, Split::Twice] {
                for (crcl, esrd) in [(None, false), (Some(20.0), false), (Some(60.0), false), (None, true)] {
                    for age in [None, Some(10.0), Some(40.0)] {
                        for weight in [WeightInput::Kg(19.96), WeightInput::Lb(44.0), WeightInput::Kg(5.0), WeightInput::Kg(60.0)] {
                            inputs.push(DoseInput {
                                indication: Some(ind),
                                weight: Some(weight),
                                mg_per_kg_per_day: Some(2.3),
                                split,
                                crcl_ml_min: crcl,
                                crcl_is_schwartz_egfr: false,
                                esrd,
                                age_years: age,
                            });
                        }
                    }
                }
            }
        }
        let clean = |s: &str| !s.contains('{') && !s.contains('}') && !s.is_empty();
        let mut warnings_seen = std::collections::HashSet::new();
        for lang in Lang::ALL {
            for i in &inputs {
                let p = match calculate(i, lang) {
                    Ok(p) => p,
                    Err(e) => panic!("{i:?}: {e:?}"),
                };
                assert!(clean(&p.instructions), "{}", p.instructions);
                for s in &p.steps {
                    assert!(clean(&s.text) && !s.source.is_empty(), "{s:?}");
                }
                for w in &p.warnings {
                    assert!(clean(&w.message) && !w.source.is_empty(), "{w:?}");
                    warnings_seen.insert(w.code);
                }
            }
            for code in ErrorCode::ALL {
                let m = error_message(code, lang);
                assert!(clean(&m), "{code:?}: {m}");
            }
        }
        assert_eq!(warnings_seen.len(), WarningCode::ALL.len(), "every warning exercised");
    }

    #[test]
    fn a_schwartz_egfr_is_named_as_such_in_the_steps__us_pi_2_4() {
        let child = DoseInput { crcl_ml_min: Some(15.1), crcl_is_schwartz_egfr: true, ..per_kg(Indication::Nomid, 2.0, 20.0) };
        let p = ok(&child);
        assert_eq!(p.interval_days, 2);
        assert!(has_step(
            &p,
            "Estimated GFR (bedside Schwartz) 15.1 mL/min/1.73 m² is below 30: every other day, same dose each time.",
            "US PI 2.4"
        ));
        assert!(!p.steps.iter().any(|s| s.text.contains("Creatinine clearance")));
        let p = ok(&DoseInput { crcl_ml_min: Some(90.0), ..child });
        assert!(has_step(&p, "Estimated GFR (bedside Schwartz) 90 mL/min/1.73 m² is 30 or more: no change to the schedule.", "US PI 2.4"));
    }

    #[test]
    fn every_step_type_is_reachable_and_filled() {
        let mut seen = std::collections::HashSet::new();
        for lang in Lang::ALL {
            for i in [
                DoseInput { weight: Some(WeightInput::Lb(44.0)), ..per_kg(Indication::Nomid, 8.0, 1.0) },
                DoseInput { split: Split::Twice, crcl_ml_min: Some(10.0), ..per_kg(Indication::Dira, 2.0, 20.0) },
                DoseInput { crcl_ml_min: Some(80.0), ..input(Indication::Ra) },
                DoseInput { esrd: true, ..input(Indication::Covid19) },
            ] {
                let p = ok(&i);
                let _ = lang;
                for s in p.steps {
                    seen.insert(s.text.split(':').next().unwrap_or("").to_string());
                }
            }
        }
        assert!(seen.len() >= 8, "{seen:?}");
    }

    #[test]
    fn titration_steps_half_and_one__us_pi_2_2() {
        let t = |v: f64| titration_steps(MgPerKgPerDay::new(v).unwrap());
        assert_eq!(t(2.0), [Some(1.0), Some(1.5), Some(2.5), Some(3.0)]);
        assert_eq!(t(1.0), [None, Some(0.5), Some(1.5), Some(2.0)]);
        assert_eq!(t(0.5), [None, None, Some(1.0), Some(1.5)]);
        assert_eq!(t(7.5), [Some(6.5), Some(7.0), Some(8.0), None]);
        assert_eq!(t(8.0), [Some(7.0), Some(7.5), None, None]);
        assert_eq!(t(2.3), [Some(1.3), Some(1.8), Some(2.8), Some(3.3)]);
        assert_eq!(TITRATION_SOURCE, "US PI 2.2");
    }

    #[test]
    fn split_parse() {
        assert_eq!(Split::parse("twice"), Some(Split::Twice));
        assert_eq!(Split::parse(" Once"), Some(Split::Once));
        assert_eq!(Split::parse("bid"), None);
    }
}
