//! The dose calculator. [`calculate`] is the single entry point used by both
//! the headless API (`core::api`) and the form, so they cannot disagree.
//!
//! Arithmetic is done in integer units after the one multiplication that needs
//! floating point: doses in tenths of a milligram (the daily dose is rounded
//! *down* to 0.1 mg so the 8 mg/kg/day maximum can never be exceeded by
//! rounding), volumes in hundredths of a millilitre.
//!
//! Every step and warning carries its clinical [`Fact`]; the source the user
//! sees is `fact.source_in(region)`.

pub mod form;
pub mod labels;
pub mod rules;
pub mod syringe;
pub mod text;

pub use crate::core::attrs::Region;
pub use crate::core::limits::{error_message, field, ErrorCode, FieldError, AGE_SANITY_MAX_YEARS, CRCL_SANITY_MAX_ML_MIN};
pub use rules::{DoseBasis, DoseRule, Indication, RULES};
pub use text::{Freq, Severity, WarningCode};

use crate::core::facts::Fact;
use crate::core::format::{fmt_kg, fmt_mg, fmt_ml, fmt_number, round_dp};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::units::{Kilograms, MgPerKgPerDay, Milligrams, Millilitres, QuantityError, KG_PER_LB};
use rules::{
    EU_FLOOR_AGE_MONTHS, EU_FLOOR_AGE_YEARS, EU_FLOOR_KG, RENAL_MODERATE_BELOW_EU, SYRINGE_MARKS_FROM_MG, SYRINGE_MG,
    SYRINGE_ML,
};
use text::{Instruction, StepMsg};

/// Dose resolution: the daily dose and each administration are rounded down
/// to this many tenths of a milligram (0.1 mg).
const DOSE_RESOLUTION_MG: f64 = 0.1;

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

/// Once or twice daily (NOMID/DIRA; ignored for the other indications).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Split {
    #[default]
    Once,
    Twice,
}

crate::wire_enum!(Split { Once => "once", Twice => "twice" });

impl Split {
    pub const ALL: [Split; 2] = [Split::Once, Split::Twice];
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

/// The schedule chosen when the kidney rule applies (RENAL-EOD: the label's
/// every-other-day suggestion is to be *considered*; the user may keep the
/// prescribed daily schedule).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenalSchedule {
    /// Keep the prescribed schedule (once or twice daily).
    Daily,
    /// The label's suggestion: the prescribed dose every other day.
    EveryOtherDay,
}

crate::wire_enum!(RenalSchedule { Daily => "daily", EveryOtherDay => "every-other-day" });

impl RenalSchedule {
    pub const ALL: [RenalSchedule; 2] = [RenalSchedule::Daily, RenalSchedule::EveryOtherDay];
    /// "daily" | "every-other-day" (trimmed, ASCII case-insensitive).
    pub fn parse(s: &str) -> Option<RenalSchedule> {
        let t = s.trim();
        RenalSchedule::ALL.into_iter().find(|r| r.code().eq_ignore_ascii_case(t))
    }

    pub fn code(self) -> &'static str {
        match self {
            RenalSchedule::Daily => "daily",
            RenalSchedule::EveryOtherDay => "every-other-day",
        }
    }
}

/// Everything the calculator needs. Raw numbers: [`calculate`] validates them.
/// `weight` is ignored for fixed-dose indications (RA, COVID-19) and
/// `mg_per_kg_per_day` wherever the dose is fixed (also FMF and Still's
/// from 50 kg); when `indication` is `None` they are validated if present.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct DoseInput {
    pub indication: Option<Indication>,
    pub weight: Option<WeightInput>,
    pub mg_per_kg_per_day: Option<f64>,
    pub split: Split,
    pub crcl_ml_min: Option<f64>,
    /// `crcl_ml_min` is a bedside Schwartz eGFR (mL/min/1.73 m²), which the
    /// calculator compares with the CrCl threshold as an approximation
    /// (RENAL-SCHWARTZ); only the wording of the steps changes.
    pub crcl_is_schwartz_egfr: bool,
    pub esrd: bool,
    /// Years; may be fractional (7 months = 0.58).
    pub age_years: Option<f64>,
    /// The schedule chosen when the kidney rule applies; `None` = the
    /// default (every other day, but the prescribed schedule with a
    /// twice-daily split: RENAL-SPLIT). Ignored when the rule does not apply.
    pub renal_schedule: Option<RenalSchedule>,
    /// Whose label: decides the indication list, the sources shown and the
    /// region-only warnings.
    pub region: Region,
}

/// A warning shown with a computed plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    pub code: WarningCode,
    pub severity: Severity,
    pub message: String,
    /// What the user sees: `fact.source_in(region)`.
    pub source: String,
    pub fact: Fact,
}

/// One line of "show your work".
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub text: String,
    pub source: String,
    pub fact: Fact,
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
    pub region: Region,
    /// Weight as used (kg, rounded down to 0.01 kg); when the dose depends on it.
    pub weight: Option<Kilograms>,
    /// Prescribed mg/kg/day; per-kg doses only.
    pub mg_per_kg_per_day: Option<MgPerKgPerDay>,
    /// Dose per dosing day (rounded down to 0.1 mg).
    pub daily_dose: Milligrams,
    pub dose_per_administration: Milligrams,
    /// 1 or 2: the schedule actually chosen.
    pub administrations_per_day: u8,
    /// 1 (daily) or 2 (every other day): the schedule actually chosen.
    pub interval_days: u8,
    pub frequency: Freq,
    /// `Some` when the kidney rule applies (RENAL-EOD): the schedule used.
    pub renal_schedule: Option<RenalSchedule>,
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
/// (PROD-SYR: 100 mg in 0.67 mL). Volumes are shown to 0.01 mL.
pub(crate) fn volume_hundredths(tenths: u32) -> u32 {
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
    let basis = rule.map(|r| r.dose);
    // With no indication the weight and dose are checked if given (any of
    // them might apply).
    let weight_required = basis.is_some_and(DoseBasis::needs_weight);
    let check_weight = basis.is_none_or(DoseBasis::needs_weight);

    let mut weight = None;
    if check_weight {
        match input.weight {
            None if weight_required => errors.push(FieldError::new(field::WEIGHT_KG, ErrorCode::MissingWeight, lang)),
            None => {}
            Some(w) => match validate_weight(w) {
                Ok(kg) => weight = Some(kg),
                Err(_) => errors.push(FieldError::new(w.field(), ErrorCode::InvalidWeight, lang)),
            },
        }
    }
    // The rate: per kg always; FMF/Still's under 50 kg (DOSE-FMF-EU,
    // DOSE-STILL-EU), not asked while the weight is missing or invalid.
    let rate_required = match basis {
        Some(b @ DoseBasis::FixedFromKg { .. }) => weight.is_some_and(|w| b.needs_rate(Some(w.value()))),
        Some(b) => b.needs_rate(None),
        None => false,
    };
    let check_rate = match basis {
        None => true,
        Some(DoseBasis::FixedMg(_)) => false,
        Some(DoseBasis::PerKg { .. }) => true,
        Some(b @ DoseBasis::FixedFromKg { .. }) => b.needs_rate(weight.map(|w| w.value())),
    };
    let mut rate = None;
    if check_rate {
        match input.mg_per_kg_per_day {
            None if rate_required => errors.push(FieldError::new(field::MG_PER_KG_PER_DAY, ErrorCode::MissingDose, lang)),
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

/// The steps and warnings of one plan, each with its fact and the region's
/// part of that fact's source.
struct Work {
    lang: Lang,
    region: Region,
    steps: Vec<Step>,
    warnings: Vec<Warning>,
}

impl Work {
    fn step(&mut self, msg: StepMsg, args: &[(&str, &str)], fact: Fact) {
        self.steps.push(Step { text: fill(msg.tr(self.lang), args), source: fact.source_in(self.region), fact });
    }

    fn warn(&mut self, code: WarningCode, args: &[(&str, &str)], fact: Fact) {
        self.warnings.push(Warning {
            code,
            severity: code.severity(),
            message: fill(code.tr(self.lang), args),
            source: fact.source_in(self.region),
            fact,
        });
    }

    fn n2(&self, v: f64) -> String {
        fmt_number(v, 2, self.lang)
    }

    /// Most severe first, keeping the rule order within a severity (a filter
    /// per level: cheaper in wasm than a generic stable sort).
    fn sorted_warnings(&self) -> Vec<Warning> {
        [Severity::Danger, Severity::Caution, Severity::Info]
            .iter()
            .flat_map(|s| self.warnings.iter().filter(move |w| w.severity == *s).cloned())
            .collect()
    }
}

/// The dose per dosing day and per administration, in tenths of a mg.
struct Amounts {
    daily_t: u32,
    per_t: u32,
    per_day: u8,
    weight: Option<Kilograms>,
    rate: Option<MgPerKgPerDay>,
}

fn plan(
    rule: &'static DoseRule,
    input: &DoseInput,
    weight: Option<Kilograms>,
    rate: Option<MgPerKgPerDay>,
    lang: Lang,
) -> Result<DosePlan, Vec<FieldError>> {
    let ind = rule.indication;
    let region = input.region;
    let mut w = Work { lang, region, steps: Vec::new(), warnings: Vec::new() };

    label_warnings(rule, input, weight, &mut w);
    let a = match (rule.dose, weight, rate) {
        (DoseBasis::FixedMg(mg), _, _) => fixed_dose(rule, mg, &mut w),
        (DoseBasis::FixedFromKg { mg, from_kg, .. }, Some(kg), _) if kg.value() >= from_kg => {
            weight_step(input, kg, &mut w);
            fixed_from_kg_steps(rule, &mut w);
            let t = (mg * 10.0).round().max(0.0) as u32;
            let args = [
                ("kg", fmt_kg(kg.value(), lang)),
                ("from_kg", fmt_kg(from_kg, lang)),
                ("dose", mg_t(t, lang)),
                ("frequency", Freq::OnceDaily.tr(lang).to_string()),
            ];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            w.step(StepMsg::FixedFromKgApplied, &args, ind.dose_fact(region));
            Amounts { daily_t: t, per_t: t, per_day: 1, weight: Some(kg), rate: None }
        }
        (_, Some(kg), Some(r)) => per_kg_dose(rule, input, kg, r, &mut w)?,
        // `calculate` has checked that what the rule needs is there.
        _ => return Err(vec![FieldError::new(field::WEIGHT_KG, ErrorCode::MissingWeight, lang)]),
    };
    indication_notes(rule, &mut w);

    let (interval, renal_schedule) = renal_schedule(rule, input, a.per_day, &mut w);
    let frequency = match (a.per_day, interval > 1) {
        (1, false) => Freq::OnceDaily,
        (_, false) => Freq::TwiceDaily,
        (1, true) => Freq::EveryOtherDay,
        (_, true) => Freq::TwiceDailyEveryOtherDay,
    };
    let freq_s = frequency.tr(lang);
    if renal_schedule.is_some() {
        let fact = if a.per_day > 1 { Fact::RenalSplit } else { rule.renal_fact };
        w.step(StepMsg::ScheduleChosen, &[("frequency", freq_s)], fact);
    }
    let total_doses = course(rule, interval, a.per_day, freq_s, &mut w);

    let volume = Millilitres::from_hundredths(volume_hundredths(a.per_t));
    let per_s = mg_t(a.per_t, lang);
    let vol_s = fmt_ml(volume.value(), lang);
    let (syringes, discard_t) = syringe_plan(a.per_t, &per_s, &vol_s, &mut w);

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

    Ok(DosePlan {
        indication: ind,
        region,
        weight: a.weight,
        mg_per_kg_per_day: a.rate,
        daily_dose: Milligrams::from_tenths(a.daily_t),
        dose_per_administration: Milligrams::from_tenths(a.per_t),
        administrations_per_day: a.per_day,
        interval_days: interval,
        frequency,
        renal_schedule,
        course_days: rule.course_days,
        total_doses,
        volume_per_administration: volume,
        syringes_per_administration: syringes.len() as u32,
        discard_per_administration: Milligrams::from_tenths(discard_t),
        syringes,
        instructions,
        warnings: w.sorted_warnings(),
        steps: w.steps,
    })
}

/// Hospital only (DOSE-COVID-HOSP), the age limits (DOSE-RA-U18,
/// DOSE-COVID-U18), an indication outside the region's label (IND-*), and
/// the EU floor of 8 months and 10 kg (DOSE-EU-FLOOR).
fn label_warnings(rule: &DoseRule, input: &DoseInput, weight: Option<Kilograms>, w: &mut Work) {
    let (ind, region, lang) = (rule.indication, w.region, w.lang);
    if rule.hospital_only {
        w.warn(WarningCode::HospitalOnly, &[], Fact::DoseCovidHosp);
    }
    if let (Some(min), Some(age)) = (rule.min_age_years, input.age_years) {
        if age < min {
            // COVID-19 is never "not approved": not authorized (US EUA) or
            // not recommended (EU).
            let code = match (ind, region) {
                (Indication::Covid19, Region::Us) => WarningCode::NotAuthorizedUnder18,
                (Indication::Covid19, Region::Eu) => WarningCode::NotRecommendedUnder18,
                _ => WarningCode::NotApprovedUnder18,
            };
            w.warn(code, &[("indication", ind.tr(lang)), ("age", &w.n2(min))], rule.age_fact);
        }
    }
    if !ind.in_label(region) {
        let region_s = text::region_name(region).tr(lang);
        w.warn(WarningCode::NotInRegionLabel, &[("indication", ind.tr(lang)), ("region", region_s)], ind.label_fact(region));
    } else if rule.eu_floor && region == Region::Eu {
        let young = input.age_years.is_some_and(|a| a < EU_FLOOR_AGE_YEARS);
        let light = weight.is_some_and(|k| k.value() < EU_FLOOR_KG);
        if young || light {
            w.warn(
                WarningCode::BelowEuMinimum,
                &[
                    ("indication", ind.tr(lang)),
                    ("months", &EU_FLOOR_AGE_MONTHS.to_string()),
                    ("kg", &fmt_kg(EU_FLOOR_KG, lang)),
                ],
                Fact::DoseEuFloor,
            );
        }
    }
}

/// RA, COVID-19: 100 mg once daily, not weight based (DOSE-RA, DOSE-COVID-*).
fn fixed_dose(rule: &DoseRule, mg: f64, w: &mut Work) -> Amounts {
    let (ind, lang) = (rule.indication, w.lang);
    let t = (mg * 10.0).round().max(0.0) as u32;
    let dose = mg_t(t, lang);
    let freq = Freq::OnceDaily.tr(lang);
    let fact = ind.dose_fact(w.region);
    match rule.course_days {
        Some(days) => w.step(
            StepMsg::RuleFixedCourse,
            &[("indication", ind.tr(lang)), ("dose", &dose), ("frequency", freq), ("days", &days.to_string())],
            fact,
        ),
        None => w.step(StepMsg::RuleFixed, &[("indication", ind.tr(lang)), ("dose", &dose), ("frequency", freq)], fact),
    }
    Amounts { daily_t: t, per_t: t, per_day: 1, weight: None, rate: None }
}

/// "Weight: 44 lb × 0.45359237 kg/lb = 19.95 kg" or "Weight used: 20 kg".
fn weight_step(input: &DoseInput, kg: Kilograms, w: &mut Work) {
    let kg_s = fmt_kg(kg.value(), w.lang);
    match input.weight {
        Some(WeightInput::Lb(lb)) => {
            let (lb_s, factor) = (w.n2(lb), fmt_number(KG_PER_LB, 8, w.lang));
            w.step(StepMsg::WeightFromLb, &[("lb", &lb_s), ("factor", &factor), ("kg", &kg_s)], Fact::IsmpFormat)
        }
        _ => w.step(StepMsg::WeightKg, &[("kg", &kg_s)], Fact::IsmpFormat),
    }
}

/// FMF, Still's: the rule, 100 mg from 50 kg, per kg below (DOSE-FMF-EU,
/// DOSE-STILL-EU, "(confirm)" facts: the step shows their source).
fn fixed_from_kg_steps(rule: &DoseRule, w: &mut Work) {
    let DoseBasis::FixedFromKg { mg, from_kg, max_mg_per_kg_per_day } = rule.dose else { return };
    let lang = w.lang;
    let (dose, from, max) = (fmt_mg(mg, lang), fmt_kg(from_kg, lang), w.n2(max_mg_per_kg_per_day));
    w.step(
        StepMsg::RuleFixedFromKg,
        &[
            ("indication", rule.indication.tr(lang)),
            ("from_kg", &from),
            ("dose", &dose),
            ("frequency", Freq::OnceDaily.tr(lang)),
            ("max", &max),
        ],
        rule.indication.dose_fact(w.region),
    );
}

/// Per kg: the rate × the weight, rounded down, within the maximum
/// (DOSE-MAX), once or split twice daily.
fn per_kg_dose(
    rule: &DoseRule,
    input: &DoseInput,
    kg: Kilograms,
    r: MgPerKgPerDay,
    w: &mut Work,
) -> Result<Amounts, Vec<FieldError>> {
    let (ind, lang) = (rule.indication, w.lang);
    let fact = ind.dose_fact(w.region);
    weight_step(input, kg, w);
    let kg_s = fmt_kg(kg.value(), lang);
    let max = match rule.dose {
        DoseBasis::PerKg { max_mg_per_kg_per_day, .. } | DoseBasis::FixedFromKg { max_mg_per_kg_per_day, .. } => {
            max_mg_per_kg_per_day
        }
        DoseBasis::FixedMg(_) => crate::core::units::MAX_MG_PER_KG_PER_DAY,
    };
    let mx = w.n2(max);
    match rule.dose.titration() {
        Some((step_min, step_max)) => {
            let (sm, sx) = (w.n2(step_min), w.n2(step_max));
            w.step(
                StepMsg::RulePerKg,
                &[("indication", ind.tr(lang)), ("step_min", &sm), ("step_max", &sx), ("max", &mx)],
                fact,
            );
        }
        None if matches!(rule.dose, DoseBasis::FixedFromKg { .. }) => fixed_from_kg_steps(rule, w),
        None => w.step(StepMsg::RulePerKgNoSteps, &[("indication", ind.tr(lang)), ("max", &mx)], fact),
    }
    let rate_s = fmt_number(r.value(), 4, lang);
    let exact = r.value() * kg.value();
    let daily_t = daily_tenths(r, kg);
    let daily = mg_t(daily_t, lang);
    let exact_s = fmt_number(exact, 4, lang);
    if exact_s == fmt_number(f64::from(daily_t) / 10.0, 4, lang) {
        w.step(StepMsg::DailyDoseExact, &[("rate", &rate_s), ("kg", &kg_s), ("daily", &daily)], fact);
    } else {
        let exact_mg = format!("{exact_s} mg");
        let resolution = fmt_mg(DOSE_RESOLUTION_MG, lang);
        w.step(
            StepMsg::DailyDoseRoundedDown,
            &[("rate", &rate_s), ("kg", &kg_s), ("exact", &exact_mg), ("resolution", &resolution), ("daily", &daily)],
            fact,
        );
    }
    w.step(StepMsg::CapOk, &[("rate", &rate_s), ("max", &mx)], Fact::DoseMax);
    if let Some((step_min, step_max)) = rule.dose.titration() {
        let q = r.value() / step_min;
        if (q - q.round()).abs() > 1e-9 {
            let (sm, sx) = (w.n2(step_min), w.n2(step_max));
            w.warn(WarningCode::DoseStep, &[("rate", &rate_s), ("step_min", &sm), ("step_max", &sx)], fact);
        }
    }
    let (per_t, per_day) = if input.split == Split::Twice && rule.may_split_twice_daily {
        let per_t = daily_t / 2;
        let resolution = fmt_mg(DOSE_RESOLUTION_MG, lang);
        w.step(
            StepMsg::TwiceDaily,
            &[("daily", &daily), ("dose", &mg_t(per_t, lang)), ("resolution", &resolution)],
            fact,
        );
        (per_t, 2u8)
    } else {
        w.step(StepMsg::OnceDaily, &[("dose", &daily)], fact);
        (daily_t, 1u8)
    };
    // A dose whose volume rounds to 0.00 mL cannot be shown as a volume.
    if volume_hundredths(per_t) == 0 {
        return Err(vec![FieldError::new(field::MG_PER_KG_PER_DAY, ErrorCode::DoseTooSmall, lang)]);
    }
    Ok(Amounts { daily_t, per_t, per_day, weight: Some(kg), rate: Some(r) })
}

/// Notes of the label that go with the dose: the CAPS maintenance ranges and
/// assessment schedule (DOSE-CAPS-EU, MON-CAPS-EU), the COVID-19 criterion of
/// the region (IND-US-COVID; IND-EU-COVID: plasma suPAR ≥ 6 ng/mL).
fn indication_notes(rule: &DoseRule, w: &mut Work) {
    match (rule.indication, w.region) {
        (Indication::Caps, _) => {
            w.step(StepMsg::CapsMaintenance, &[], Fact::DoseCapsEu);
            w.step(StepMsg::CapsMonitoring, &[], Fact::MonCapsEu);
        }
        (Indication::Covid19, Region::Us) => w.step(StepMsg::CovidCriterionUs, &[], Fact::IndUsCovid),
        (Indication::Covid19, Region::Eu) => w.step(StepMsg::CovidCriterionEu, &[], Fact::IndEuCovid),
        _ => {}
    }
}

/// The kidney rule (RENAL-EOD, RENAL-COVID, RENAL-SPLIT, RENAL-MOD-EU): the
/// interval in days and, when the rule applies, the schedule used.
///
/// When CrCl < 30 or ESRD, the label suggests *considering* every other day:
/// that is the default, except with a twice-daily split, where the default
/// is the prescribed twice-daily schedule (no label combines the two); the
/// user's choice (`renal_schedule`) wins either way, with a warning.
fn renal_schedule(rule: &DoseRule, input: &DoseInput, per_day: u8, w: &mut Work) -> (u8, Option<RenalSchedule>) {
    let lang = w.lang;
    let threshold = w.n2(rule.renal_crcl_below_ml_min);
    let below = input.crcl_ml_min.is_some_and(|c| c < rule.renal_crcl_below_ml_min);
    if input.esrd {
        w.step(StepMsg::RenalEsrd, &[], rule.renal_fact);
        w.step(StepMsg::RenalDialysis, &[], Fact::RenalDial);
    } else if let Some(c) = input.crcl_ml_min {
        let crcl = fmt_number(c, 1, lang);
        let (msg, fact) = match (below, input.crcl_is_schwartz_egfr) {
            (true, false) => (StepMsg::RenalBelow, rule.renal_fact),
            (false, false) => (StepMsg::RenalOk, rule.renal_fact),
            (true, true) => (StepMsg::RenalBelowEgfr, Fact::RenalSchwartz),
            (false, true) => (StepMsg::RenalOkEgfr, Fact::RenalSchwartz),
        };
        w.step(msg, &[("crcl", &crcl), ("threshold", &threshold)], fact);
        if w.region == Region::Eu && !below && c < RENAL_MODERATE_BELOW_EU {
            let (from, to) = (threshold.clone(), w.n2(RENAL_MODERATE_BELOW_EU));
            w.warn(WarningCode::RenalModerate, &[("crcl", &crcl), ("from", &from), ("to", &to)], Fact::RenalModEu);
        }
    } else {
        w.step(StepMsg::RenalUnknown, &[("threshold", &threshold)], rule.renal_fact);
    }
    if !(input.esrd || below) {
        return (1, None);
    }
    let twice = per_day > 1;
    let every_other_day = match input.renal_schedule {
        Some(RenalSchedule::EveryOtherDay) => true,
        Some(RenalSchedule::Daily) => false,
        None => !twice,
    };
    let args = [("threshold", threshold.as_str())];
    match (twice, every_other_day, input.renal_schedule) {
        (true, true, _) => w.warn(WarningCode::RenalSplitEveryOtherDay, &[], Fact::RenalSplit),
        (true, false, None) => w.warn(WarningCode::RenalSplitKept, &args, Fact::RenalSplit),
        (_, false, _) => w.warn(WarningCode::RenalDailyKept, &args, rule.renal_fact),
        (false, true, _) => w.warn(WarningCode::RenalEveryOtherDay, &args, rule.renal_fact),
    }
    if every_other_day {
        (rule.renal_interval_days, Some(RenalSchedule::EveryOtherDay))
    } else {
        (1, Some(RenalSchedule::Daily))
    }
}

/// COVID-19: the doses over the fixed number of days (DOSE-COVID-*,
/// RENAL-COVID: 5 doses over 10 days every other day).
fn course(rule: &DoseRule, interval: u8, per_day: u8, freq_s: &str, w: &mut Work) -> Option<u32> {
    let days = rule.course_days?;
    let total = days.div_ceil(u32::from(interval)) * u32::from(per_day);
    // Sentence case; the frequencies start with an ASCII letter in both
    // languages, so no Unicode case tables are needed.
    let mut f = freq_s.to_string();
    if let Some(first) = f.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    let fact = if interval > 1 { rule.renal_fact } else { rule.indication.dose_fact(w.region) };
    w.step(StepMsg::CourseDoses, &[("frequency", &f), ("days", &days.to_string()), ("doses", &total.to_string())], fact);
    Some(total)
}

/// Volume and syringes (PROD-SYR, PROD-SINGLE, DOSE-SEVERAL), and a part
/// under the first mark (PROD-GRAD). Returns the draws and the discard.
fn syringe_plan(per_t: u32, per_s: &str, vol_s: &str, w: &mut Work) -> (Vec<SyringeDraw>, u32) {
    let lang = w.lang;
    let syr_mg_s = fmt_mg(f64::from(SYRINGE_MG), lang);
    w.step(
        StepMsg::Volume,
        &[("dose", per_s), ("syringe_ml", &fmt_ml(SYRINGE_ML, lang)), ("syringe_mg", &syr_mg_s), ("volume", vol_s)],
        Fact::ProdSyr,
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
    w.step(
        StepMsg::Syringes,
        &[("count", &count.to_string()), ("syringe_mg", &syr_mg_s), ("discard", &mg_t(discard_t, lang))],
        Fact::ProdSingle,
    );
    // The amount from a partly used syringe (the last one) may be under the
    // first mark even when the whole dose is not (104 mg = 100 mg + 4 mg).
    if let Some(small) = syringes.iter().map(|s| s.dose).find(|d| d.value() < f64::from(SYRINGE_MARKS_FROM_MG)) {
        let marks = fmt_mg(f64::from(SYRINGE_MARKS_FROM_MG), lang);
        w.warn(WarningCode::BelowSyringeMarks, &[("dose", &fmt_mg(small.value(), lang)), ("marks", &marks)], Fact::ProdGrad);
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
        w.warn(WarningCode::SeveralSyringes, &[("dose", per_s), ("count", &count.to_string()), ("plan", &plan)], Fact::DoseSeveral);
    }
    (syringes, discard_t)
}

/// Titration deltas in mg/kg/day: −1, −0.5, +0.5, +1 (adjust in 0.5–1 mg/kg
/// steps, DOSE-NOMID-US).
pub const TITRATION_DELTAS: [f64; 4] = [-1.0, -0.5, 0.5, 1.0];
pub const TITRATION_FACT: Fact = Fact::DoseNomidUs;
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
        // DOSE-RA-U18: "not an approved use".
        assert_eq!(p.warnings[0].fact, Fact::DoseRaU18);
        assert_eq!(p.warnings[0].source, "US PI 1.1");
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
    fn covid_under_18_is_not_authorized_us_not_recommended_eu_never_not_approved__dose_covid_u18() {
        // DOSE-COVID-U18: not authorized (us) / not recommended (eu).
        let p = ok(&DoseInput { age_years: Some(16.0), ..input(Indication::Covid19) });
        assert_eq!(warning_codes(&p), vec!["hospital_only", "not_authorized_under_18"]);
        assert_eq!(p.warnings[1].fact, Fact::DoseCovidU18);
        assert_eq!(p.warnings[1].source, "EUA");
        assert_eq!(
            p.warnings[1].message,
            "COVID-19: not authorized under 18 years (the emergency use authorization covers adults). Check with the prescriber."
        );
        let eu = ok(&DoseInput { age_years: Some(16.0), region: Region::Eu, ..input(Indication::Covid19) });
        assert_eq!(warning_codes(&eu), vec!["hospital_only", "not_recommended_under_18"]);
        assert_eq!(eu.warnings[1].source, "EU PL 2");
        assert_eq!(eu.warnings[1].message, "COVID-19: not recommended under 18 years. Check with the prescriber.");
        for lang in Lang::ALL {
            for region in [Region::Us, Region::Eu] {
                let i = DoseInput { age_years: Some(10.0), region, ..input(Indication::Covid19) };
                let p = calculate(&i, lang).map_err(|e| format!("{e:?}"));
                for w in p.as_ref().map(|p| p.warnings.clone()).unwrap_or_default() {
                    assert!(!w.message.contains("approved") && !w.message.contains("aprobado"), "{}", w.message);
                }
            }
        }
        // RA in the EU: still "not an approved use" (DOSE-RA-U18).
        let ra = ok(&DoseInput { age_years: Some(12.0), region: Region::Eu, ..input(Indication::Ra) });
        assert_eq!(warning_codes(&ra), vec!["not_approved_under_18"]);
        assert_eq!(ra.warnings[0].source, "EU PL 2");
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
            "US PI 2.2, seed"
        ));
        // DOSE-MAX, PROD-SYR, PROD-SINGLE cite their facts.
        assert!(p.steps.iter().any(|s| s.fact == Fact::DoseMax && s.text.starts_with("2 mg/kg/day is not above")));
        assert!(p.steps.iter().any(|s| s.fact == Fact::ProdSyr && s.text.starts_with("Volume:")));
        assert!(p.steps.iter().any(|s| s.fact == Fact::ProdSingle));
    }

    #[test]
    fn dira_uses_its_own_section__us_pi_2_3() {
        let p = ok(&per_kg(Indication::Dira, 1.0, 25.0));
        assert_eq!(p.daily_dose.value(), 25.0);
        // DOSE-DIRA-US
        assert!(p.steps.iter().any(|s| s.source == "US PI 2.3, seed" && s.fact == Fact::DoseDiraUs));
        let twice = ok(&DoseInput { split: Split::Twice, ..per_kg(Indication::Dira, 1.0, 25.0) });
        assert_eq!(twice.dose_per_administration.value(), 12.5);
        assert!(twice.steps.iter().any(|s| s.fact == Fact::DoseDiraUs && s.text.starts_with("Twice daily")));
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
    fn a_dose_that_rounds_to_0_ml_is_refused_with_honest_wording__prod_grad() {
        // PROD-GRAD: no invented "too small to measure" limit; only a dose whose
        // volume rounds to 0 mL is refused, because it cannot be shown in mL.
        // 0.3 kg × 1 mg/kg/day = 0.3 mg = 0.002 mL.
        assert_eq!(err_codes(&per_kg(Indication::Nomid, 1.0, 0.3)), vec![("mgPerKgPerDay", "dose_too_small")]);
        let e = calculate(&per_kg(Indication::Nomid, 1.0, 0.3), Lang::En).err().unwrap_or_default();
        assert_eq!(
            e[0].message,
            "This dose is too small to show as a volume in mL (under 0.01 mL): check the prescribed mg/kg/day."
        );
        let e = calculate(&per_kg(Indication::Nomid, 1.0, 0.3), Lang::Es).err().unwrap_or_default();
        assert!(!e[0].message.contains("0,8") && e[0].message.contains("0,01 mL"), "{}", e[0].message);
        let p = ok(&per_kg(Indication::Nomid, 1.0, 0.8));
        assert_eq!(p.volume_per_administration.value(), 0.01);
        assert!(p.syringes.iter().all(|s| s.volume.value() > 0.0));
    }

    #[test]
    fn below_the_syringe_marks_is_a_caution__eu_pl_3() {
        let p = ok(&per_kg(Indication::Nomid, 1.5, 10.0));
        assert_eq!(warning_codes(&p), vec!["below_syringe_marks"]);
        assert_eq!(p.warnings[0].severity, Severity::Caution);
        // PROD-GRAD: under the first mark; the method comes from the prescriber or pharmacist.
        assert_eq!(p.warnings[0].fact, Fact::ProdGrad);
        assert_eq!(p.warnings[0].source, "EU SmPC 2, EU PL 3, US PI 2.2");
        assert_eq!(
            p.warnings[0].message,
            "15 mg from a syringe is under its first mark (20 mg): the measuring method comes from the prescriber or pharmacist."
        );
        assert!(warning_codes(&ok(&per_kg(Indication::Nomid, 2.0, 10.0))).is_empty(), "20 mg is on the mark");
        // 8 mg/kg/day × 13 kg = 104 mg = 100 mg + 4 mg: the 4 mg is measured.
        let p = ok(&per_kg(Indication::Dira, 8.0, 13.0));
        assert_eq!(warning_codes(&p), vec!["below_syringe_marks", "several_syringes"]);
        assert!(p.warnings[0].message.starts_with("4 mg from a syringe is under its first mark"), "{}", p.warnings[0].message);
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
        assert!(has_step(&p, "Once daily: the whole daily dose, 160 mg, at one time.", "US PI 2.3, seed"));
        assert_eq!(p.warnings[0].fact, Fact::DoseSeveral);
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
        // RENAL-COVID: 5 doses over 10 days by default.
        assert_eq!(p.warnings[1].fact, Fact::RenalCovid);
        assert_eq!(p.renal_schedule, Some(RenalSchedule::EveryOtherDay));
        assert!(p.steps.iter().any(|s| s.source == "EUA" && s.text.contains("below 30 mL/min")));
        let es = calculate(&DoseInput { esrd: true, ..input(Indication::Covid19) }, Lang::Es).map(|p| p.instructions);
        assert_eq!(es.as_deref(), Ok("100 mg (0,67 mL) debajo de la piel en días alternos durante 10 días (5 dosis)"));
        // Daily if chosen: 10 doses, with the "consider" warning.
        let daily = ok(&DoseInput { crcl_ml_min: Some(20.0), renal_schedule: Some(RenalSchedule::Daily), ..input(Indication::Covid19) });
        assert_eq!((daily.interval_days, daily.total_doses), (1, Some(10)));
        assert_eq!(daily.instructions, "100 mg (0.67 mL) under the skin once daily for 10 days");
        assert_eq!(warning_codes(&daily), vec!["hospital_only", "renal_daily_kept"]);
        assert_eq!(daily.renal_schedule, Some(RenalSchedule::Daily));
    }

    #[test]
    fn dialysis_step_says_how_little_of_a_dose_dialysis_removes() {
        // RENAL-DIAL: shown with end-stage kidney disease / dialysis only.
        let base = DoseInput { indication: Some(Indication::Ra), ..DoseInput::default() };
        let esrd = calculate(&DoseInput { esrd: true, ..base }, Lang::En).unwrap();
        let dial = esrd.steps.iter().find(|s| s.fact == Fact::RenalDial).unwrap();
        assert_eq!(dial.text, "Dialysis removes less than 2.5 % of a dose.");
        assert_eq!(dial.source, "US PI 12.3");
        let es = calculate(&DoseInput { esrd: true, ..base }, Lang::Es).unwrap();
        assert!(es.steps.iter().any(|s| s.text == "La diálisis elimina menos del 2,5 % de una dosis."));
        let plain = calculate(&DoseInput { crcl_ml_min: Some(20.0), ..base }, Lang::En).unwrap();
        assert!(plain.steps.iter().all(|s| s.fact != Fact::RenalDial));
    }

    #[test]
    fn renal_every_other_day_is_the_default_suggestion_below_30_or_esrd__renal_eod() {
        for ind in Indication::ALL {
            let base = if ind.rule().dose.needs_weight() { per_kg(ind, 2.0, 20.0) } else { input(ind) };
            let usual = ok(&base);
            for (crcl, esrd, applies) in [
                (Some(29.9), false, true),
                (Some(30.0), false, false),
                (Some(90.0), false, false),
                (None, true, true),
                (Some(90.0), true, true),
                (None, false, false),
            ] {
                let p = ok(&DoseInput { crcl_ml_min: crcl, esrd, ..base });
                assert_eq!(p.interval_days, if applies { 2 } else { 1 }, "{ind:?} {crcl:?} {esrd}");
                assert_eq!(p.renal_schedule, applies.then_some(RenalSchedule::EveryOtherDay));
                assert_eq!(p.warnings.iter().any(|w| w.code == WarningCode::RenalEveryOtherDay), applies);
                assert_eq!(p.dose_per_administration, usual.dose_per_administration, "dose unchanged");
                let renal_fact = if ind == Indication::Covid19 { Fact::RenalCovid } else { Fact::RenalEod };
                assert!(p.steps.iter().any(|s| s.fact == renal_fact));
                // Ignored when the rule does not apply.
                let chosen = ok(&DoseInput { crcl_ml_min: crcl, esrd, renal_schedule: Some(RenalSchedule::EveryOtherDay), ..base });
                assert_eq!(chosen.interval_days, if applies { 2 } else { 1 });
            }
        }
        let p = ok(&DoseInput { crcl_ml_min: Some(25.0), ..input(Indication::Ra) });
        assert_eq!(p.instructions, "100 mg (0.67 mL) under the skin every other day");
        assert_eq!(p.warnings[0].severity, Severity::Caution);
        assert_eq!(p.warnings[0].fact, Fact::RenalEod);
        assert!(p.warnings[0].message.contains("consider"), "{}", p.warnings[0].message);
        assert!(has_step(
            &p,
            "Creatinine clearance 25 mL/min is below 30 mL/min: the label says to consider every other day, same dose each time.",
            "US PI 2.4"
        ));
        assert!(has_step(&p, "Schedule used: every other day.", "US PI 2.4"));
    }

    #[test]
    fn renal_daily_can_be_kept_with_a_consider_warning__renal_eod() {
        // RENAL-EOD: a suggestion, not an automatic switch.
        let p = ok(&DoseInput { esrd: true, renal_schedule: Some(RenalSchedule::Daily), ..input(Indication::Ra) });
        assert_eq!((p.interval_days, p.administrations_per_day), (1, 1));
        assert_eq!(p.frequency, Freq::OnceDaily);
        assert_eq!(p.instructions, "100 mg (0.67 mL) under the skin once daily");
        assert_eq!(warning_codes(&p), vec!["renal_daily_kept"]);
        assert_eq!(p.warnings[0].fact, Fact::RenalEod);
        assert_eq!(
            p.warnings[0].message,
            "Creatinine clearance below 30 mL/min or end-stage kidney disease / dialysis: consider giving the dose every other day. This plan keeps the prescribed daily schedule, as chosen."
        );
        assert_eq!(p.renal_schedule, Some(RenalSchedule::Daily));
        let es = calculate(&DoseInput { esrd: true, ..input(Indication::Ra) }, Lang::Es).map_err(|e| format!("{e:?}"));
        let es = es.as_ref().map_err(String::as_str).expect("a plan");
        assert!(es.warnings[0].message.contains("enfermedad renal terminal"), "{}", es.warnings[0].message);
        assert!(es.warnings[0].message.contains("en días alternos"), "{}", es.warnings[0].message);
        assert!(es.steps.iter().any(|s| s.text.starts_with("Enfermedad renal terminal / diálisis")));
    }

    #[test]
    fn twice_daily_with_renal_keeps_twice_daily_unless_every_other_day_is_chosen__renal_split() {
        // RENAL-SPLIT: never "twice daily every other day" silently.
        let base = DoseInput { split: Split::Twice, esrd: true, ..per_kg(Indication::Nomid, 4.0, 20.0) };
        let p = ok(&base);
        assert_eq!((p.administrations_per_day, p.interval_days), (2, 1));
        assert_eq!(p.instructions, "40 mg (0.27 mL) under the skin twice daily");
        assert_eq!(warning_codes(&p), vec!["renal_split_kept"]);
        assert_eq!(p.warnings[0].fact, Fact::RenalSplit);
        assert_eq!(p.renal_schedule, Some(RenalSchedule::Daily));
        // Explicit choice: twice daily every other day, with a Danger warning.
        let eod = ok(&DoseInput { renal_schedule: Some(RenalSchedule::EveryOtherDay), ..base });
        assert_eq!((eod.administrations_per_day, eod.interval_days), (2, 2));
        assert_eq!(eod.instructions, "40 mg (0.27 mL) under the skin twice daily, every other day");
        assert_eq!(warning_codes(&eod), vec!["renal_split_every_other_day"]);
        assert_eq!(eod.warnings[0].severity, Severity::Danger);
        assert!(eod.warnings[0].message.contains("no label describes"), "{}", eod.warnings[0].message);
        // Explicit daily with a split: the consider warning.
        let daily = ok(&DoseInput { renal_schedule: Some(RenalSchedule::Daily), ..base });
        assert_eq!((daily.administrations_per_day, daily.interval_days), (2, 1));
        assert_eq!(warning_codes(&daily), vec!["renal_daily_kept"]);
    }

    #[test]
    fn eu_moderate_renal_is_a_caution__renal_mod_eu() {
        // RENAL-MOD-EU (confirm): CrCl 30–59 in the EU.
        let eu = |c: f64| ok(&DoseInput { crcl_ml_min: Some(c), region: Region::Eu, ..input(Indication::Ra) });
        assert_eq!(warning_codes(&eu(45.0)), vec!["renal_moderate"]);
        assert_eq!(eu(45.0).warnings[0].fact, Fact::RenalModEu);
        assert_eq!(eu(45.0).warnings[0].message, "Creatinine clearance 45 mL/min, from 30 and below 60 mL/min: use with caution (EU label).");
        assert_eq!(warning_codes(&eu(30.0)), vec!["renal_moderate"]);
        assert!(warning_codes(&eu(60.0)).is_empty());
        assert_eq!(warning_codes(&eu(29.0)), vec!["renal_every_other_day"]);
        let us = ok(&DoseInput { crcl_ml_min: Some(45.0), ..input(Indication::Ra) });
        assert!(us.warnings.is_empty());
    }

    fn eu(ind: Indication) -> DoseInput {
        DoseInput { region: Region::Eu, ..input(ind) }
    }

    #[test]
    fn fmf_under_50_kg_is_the_prescribed_mg_per_kg_once_daily__dose_fmf_eu() {
        // DOSE-FMF-EU (confirm): < 50 kg by weight; the steps show the source.
        let p = ok(&DoseInput { weight: Some(WeightInput::Kg(30.0)), mg_per_kg_per_day: Some(2.0), ..eu(Indication::Fmf) });
        assert_eq!((p.daily_dose.value(), p.dose_per_administration.value()), (60.0, 60.0));
        assert_eq!(p.instructions, "60 mg (0.4 mL) under the skin once daily");
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        assert!(has_step(
            &p,
            "Familial Mediterranean fever: from 50 kg, a fixed dose of 100 mg once daily; under 50 kg, the prescribed mg/kg/day once daily, maximum 8 mg/kg/day.",
            "EU SmPC 4.2"
        ));
        assert!(p.steps.iter().any(|s| s.fact == Fact::DoseFmfEu && s.text == "Daily dose: 2 mg/kg/day × 30 kg = 60 mg"));
        // Never split, and at most 8 mg/kg/day.
        let twice = ok(&DoseInput { split: Split::Twice, weight: Some(WeightInput::Kg(30.0)), mg_per_kg_per_day: Some(2.0), ..eu(Indication::Fmf) });
        assert_eq!(twice.administrations_per_day, 1);
        assert_eq!(
            err_codes(&DoseInput { weight: Some(WeightInput::Kg(30.0)), mg_per_kg_per_day: Some(8.5), ..eu(Indication::Fmf) }),
            vec![("mgPerKgPerDay", "above_max_dose")]
        );
        // Under 50 kg the dose is required; the weight always.
        assert_eq!(err_codes(&DoseInput { weight: Some(WeightInput::Kg(30.0)), ..eu(Indication::Fmf) }), vec![("mgPerKgPerDay", "missing_dose")]);
        assert_eq!(err_codes(&eu(Indication::Fmf)), vec![("weightKg", "missing_weight")]);
        assert_eq!(err_codes(&DoseInput { mg_per_kg_per_day: Some(2.0), ..eu(Indication::Stills) }), vec![("weightKg", "missing_weight")]);
    }

    #[test]
    fn stills_from_50_kg_is_100_mg_once_daily_whatever_the_rate__dose_still_eu() {
        // DOSE-STILL-EU (confirm): ≥ 50 kg, 100 mg/day.
        for rate in [None, Some(2.0), Some(99.0)] {
            let p = ok(&DoseInput { weight: Some(WeightInput::Kg(60.0)), mg_per_kg_per_day: rate, ..eu(Indication::Stills) });
            assert_eq!(p.dose_per_administration.value(), 100.0);
            assert_eq!(p.mg_per_kg_per_day, None);
            assert_eq!(p.weight.map(Kilograms::value), Some(60.0));
            assert_eq!(p.instructions, "100 mg (0.67 mL) under the skin once daily");
            assert!(has_step(&p, "Weight 60 kg is 50 kg or more: fixed dose of 100 mg once daily, not based on weight.", "EU SmPC 4.2"));
            assert!(p.steps.iter().any(|s| s.fact == Fact::DoseStillEu));
        }
        let p = ok(&DoseInput { weight: Some(WeightInput::Kg(50.0)), ..eu(Indication::Stills) });
        assert_eq!(p.dose_per_administration.value(), 100.0);
        let p = ok(&DoseInput { weight: Some(WeightInput::Kg(49.99)), mg_per_kg_per_day: Some(1.0), ..eu(Indication::Stills) });
        assert_eq!(p.dose_per_administration.value(), 49.9);
    }

    #[test]
    fn caps_is_per_kg_once_daily_with_maintenance_and_assessment_notes__dose_caps_eu_mon_caps_eu() {
        let p = ok(&DoseInput { weight: Some(WeightInput::Kg(20.0)), mg_per_kg_per_day: Some(2.0), split: Split::Twice, ..eu(Indication::Caps) });
        assert_eq!((p.daily_dose.value(), p.administrations_per_day), (40.0, 1));
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
        let caps = p.steps.iter().find(|s| s.fact == Fact::DoseCapsEu && s.text.starts_with("CAPS: start"));
        assert!(caps.is_some_and(|s| s.text.contains("1–2 mg/kg/day") && s.text.contains("3–4 mg/kg/day")), "{:?}", p.steps);
        let mon = p.steps.iter().find(|s| s.fact == Fact::MonCapsEu);
        assert!(mon.is_some_and(|s| s.text.contains("after the first 3 months, then every 6 months")), "{:?}", p.steps);
        assert!(has_step(&p, "CAPS: dose in mg/kg/day, maximum 8 mg/kg/day.", "EU SmPC 4.2"));
        // The EU CAPS row gives no 0.5 mg/kg steps: no dose_step warning.
        let odd = ok(&DoseInput { weight: Some(WeightInput::Kg(20.0)), mg_per_kg_per_day: Some(2.3), ..eu(Indication::Caps) });
        assert!(odd.warnings.is_empty());
        assert_eq!(
            err_codes(&DoseInput { weight: Some(WeightInput::Kg(20.0)), mg_per_kg_per_day: Some(9.0), ..eu(Indication::Caps) }),
            vec![("mgPerKgPerDay", "above_max_dose")]
        );
    }

    #[test]
    fn an_indication_outside_the_region_label_is_computed_with_a_warning__ind_eu_fmf_ind_us_dira() {
        let fmf_us = ok(&DoseInput { region: Region::Us, ..per_kg(Indication::Fmf, 2.0, 30.0) });
        assert_eq!(fmf_us.dose_per_administration.value(), 60.0);
        assert_eq!(warning_codes(&fmf_us), vec!["not_in_region_label"]);
        assert_eq!(fmf_us.warnings[0].fact, Fact::IndEuFmf);
        assert_eq!(
            fmf_us.warnings[0].message,
            "Familial Mediterranean fever is not in the US label: this dose is computed from the prescriber's numbers only. Check with the prescriber."
        );
        let dira_eu = ok(&DoseInput { region: Region::Eu, ..per_kg(Indication::Dira, 2.0, 30.0) });
        assert_eq!(warning_codes(&dira_eu), vec!["not_in_region_label"]);
        assert_eq!(dira_eu.warnings[0].fact, Fact::IndUsDira);
        let es = calculate(&DoseInput { region: Region::Eu, ..per_kg(Indication::Nomid, 2.0, 30.0) }, Lang::Es).map_err(|e| format!("{e:?}"));
        let es = es.as_ref().map_err(String::as_str).expect("a plan");
        assert!(es.warnings[0].message.starts_with("NOMID no figura en la ficha técnica de la UE"), "{}", es.warnings[0].message);
        for ind in Indication::of_region(Region::Eu) {
            let base = if ind.rule().dose.needs_weight() { per_kg(*ind, 2.0, 30.0) } else { input(*ind) };
            assert!(!warning_codes(&ok(&DoseInput { region: Region::Eu, ..base })).contains(&"not_in_region_label"));
        }
    }

    #[test]
    fn eu_floor_is_8_months_and_10_kg__dose_eu_floor() {
        let caps = |age: Option<f64>, kg: f64| DoseInput { age_years: age, ..DoseInput { region: Region::Eu, ..per_kg(Indication::Caps, 2.0, kg) } };
        // 7 months = 0.58 years: below the floor.
        let p = ok(&caps(Some(0.58), 12.0));
        assert_eq!(warning_codes(&p), vec!["below_eu_minimum"]);
        assert_eq!(p.warnings[0].fact, Fact::DoseEuFloor);
        assert_eq!(p.warnings[0].message, "CAPS: the EU label starts from 8 months of age and 10 kg; below that is outside the label. Check with the prescriber.");
        assert_eq!(warning_codes(&ok(&caps(Some(2.0), 9.5)))[0], "below_eu_minimum");
        assert!(warning_codes(&ok(&caps(Some(0.67), 10.0))).is_empty());
        assert!(warning_codes(&ok(&caps(None, 10.0))).is_empty());
        let fmf = DoseInput { age_years: Some(0.5), region: Region::Eu, ..per_kg(Indication::Fmf, 2.0, 9.0) };
        assert_eq!(warning_codes(&ok(&fmf)), vec!["below_eu_minimum", "below_syringe_marks"]);
        // In the US these indications are already "not in the label".
        assert_eq!(warning_codes(&ok(&DoseInput { region: Region::Us, ..fmf })), vec!["not_in_region_label", "below_syringe_marks"]);
    }

    #[test]
    fn fixed_dose_rows_cite_the_region_facts__dose_ra_dose_covid_us_dose_covid_eu() {
        let ra = ok(&eu(Indication::Ra));
        assert!(ra.steps.iter().any(|s| s.fact == Fact::DoseRa && s.source == "EU SmPC 4.2"));
        let covid_eu = ok(&eu(Indication::Covid19));
        assert!(covid_eu.steps.iter().any(|s| s.fact == Fact::DoseCovidEu && s.source == "EU PL 3; EU SmPC 4.2"));
        assert!(covid_eu.steps.iter().any(|s| s.fact == Fact::IndEuCovid && s.text.contains("plasma suPAR ≥ 6 ng/mL")));
        assert_eq!(covid_eu.warnings[0].fact, Fact::DoseCovidHosp);
        let covid_us = ok(&input(Indication::Covid19));
        assert!(covid_us.steps.iter().any(|s| s.fact == Fact::DoseCovidUs && s.source == "EUA"));
        assert!(covid_us.steps.iter().any(|s| s.fact == Fact::IndUsCovid));
        let nomid = ok(&per_kg(Indication::Nomid, 2.0, 10.0));
        assert!(nomid.steps.iter().any(|s| s.fact == Fact::DoseNomidUs));
        assert!(nomid.steps.iter().any(|s| s.fact == Fact::IsmpFormat));
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
        for (ind, region, renal_schedule) in Indication::ALL.iter().flat_map(|i| {
            [Region::Us, Region::Eu].into_iter().flat_map(move |r| {
                [None, Some(RenalSchedule::Daily), Some(RenalSchedule::EveryOtherDay)].map(move |s| (*i, r, s))
            })
        }) {
            for split in [Split::Once, Split::Twice] {
                for (crcl, esrd) in [(None, false), (Some(20.0), false), (Some(45.0), false), (None, true)] {
                    for age in [None, Some(0.5), Some(10.0), Some(40.0)] {
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
                                renal_schedule,
                                region,
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
            "Estimated GFR (bedside Schwartz) 15.1 mL/min/1.73 m², an approximation compared with the 30 mL/min threshold: below it, so the label says to consider every other day, same dose each time.",
            "CKiD"
        ));
        assert!(!p.steps.iter().any(|s| s.text.contains("Creatinine clearance")));
        let p = ok(&DoseInput { crcl_ml_min: Some(90.0), ..child });
        // RENAL-SCHWARTZ: an eGFR, compared with the threshold as an approximation.
        assert!(has_step(&p, "Estimated GFR (bedside Schwartz) 90 mL/min/1.73 m², an approximation compared with the 30 mL/min threshold: 30 or more, no change to the schedule.", "CKiD"));
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
