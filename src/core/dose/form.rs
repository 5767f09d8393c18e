//! The calculator form, as pure logic: which fields show, how typed text is
//! read ("12,5" and "12.5"), the renal estimate, and which message goes beside
//! which field. The Yew view only collects strings and renders the outcome, so
//! the form and the headless API share one rule set (`dose::calculate`).

use crate::core::attrs::Region;
use crate::core::dose::{self, field, DoseInput, DosePlan, FieldError, Indication, RenalSchedule, Split, WeightInput};
use crate::core::dose::labels::CalcUi;
use crate::core::i18n::{Lang, Translate};
use crate::core::renal::{self, CgInput, Creatinine, SchwartzInput, Sex};
use crate::core::units::{parse_decimal, MgPerKgPerDay};
use crate::messages;
use serde::Serialize;

use crate::core::storage::Record;

/// A control of the form (also its DOM id suffix and error anchor).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormField {
    Indication,
    Weight,
    Dose,
    Age,
    Crcl,
    Sex,
    Scr,
    Height,
}

impl FormField {
    pub const ALL: [FormField; 8] = [
        FormField::Indication,
        FormField::Weight,
        FormField::Dose,
        FormField::Age,
        FormField::Crcl,
        FormField::Sex,
        FormField::Scr,
        FormField::Height,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FormField::Indication => "indication",
            FormField::Weight => "weight",
            FormField::Dose => "dose",
            FormField::Age => "age",
            FormField::Crcl => "crcl",
            FormField::Sex => "sex",
            FormField::Scr => "scr",
            FormField::Height => "height",
        }
    }

    /// The form control an API/core error field belongs to.
    fn of_api_field(name: &str) -> Option<FormField> {
        Some(match name {
            field::INDICATION => FormField::Indication,
            field::WEIGHT_KG | field::WEIGHT_LB => FormField::Weight,
            field::MG_PER_KG_PER_DAY => FormField::Dose,
            field::AGE => FormField::Age,
            field::CRCL => FormField::Crcl,
            field::SEX => FormField::Sex,
            field::SCR_MG_DL | field::SCR_UMOL_L => FormField::Scr,
            field::HEIGHT => FormField::Height,
            _ => return None,
        })
    }

    /// The calculator's range error for a number field (used for a negative
    /// number, so it reads like the message for 0).
    fn range_error(self) -> Option<dose::ErrorCode> {
        use dose::ErrorCode as E;
        Some(match self {
            FormField::Weight => E::InvalidWeight,
            FormField::Dose => E::InvalidDose,
            FormField::Age => E::InvalidAge,
            FormField::Crcl => E::InvalidCrcl,
            FormField::Scr => E::InvalidCreatinine,
            FormField::Height => E::InvalidHeight,
            FormField::Indication | FormField::Sex => return None,
        })
    }

    /// "Enter the weight" style prompt for a required field still empty.
    pub fn missing(self) -> Missing {
        match self {
            FormField::Indication => Missing::Indication,
            FormField::Weight => Missing::Weight,
            FormField::Dose => Missing::Dose,
            FormField::Age => Missing::Age,
            FormField::Crcl => Missing::Crcl,
            FormField::Sex => Missing::Sex,
            FormField::Scr => Missing::Scr,
            FormField::Height => Missing::Height,
        }
    }
}

messages! {
    /// What the result area asks for while the form is incomplete.
    pub enum Missing {
        Indication => ["choose what Kineret is prescribed for", "elija para qué se ha recetado Kineret"],
        Weight => ["enter the weight", "introduzca el peso"],
        Dose => ["enter the prescribed dose in mg/kg/day", "introduzca la dosis recetada en mg/kg/día"],
        Age => ["enter the age", "introduzca la edad"],
        Crcl => ["enter the creatinine clearance", "introduzca el aclaramiento de creatinina"],
        Sex => ["choose the sex", "elija el sexo"],
        Scr => ["enter the serum creatinine", "introduzca la creatinina sérica"],
        Height => ["enter the height", "introduzca la estatura"],
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum WeightUnit {
    #[default]
    Kg,
    Lb,
}

crate::wire_enum!(WeightUnit { Kg => "kg", Lb => "lb" });

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ScrUnit {
    #[default]
    MgDl,
    UmolL,
}

crate::wire_enum!(ScrUnit { MgDl => "mgDl", UmolL => "umolL" });

/// How kidney function is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum RenalMode {
    /// Normal or not known: no adjustment.
    #[default]
    NotKnown,
    /// CrCl typed in (mL/min).
    Enter,
    /// Estimated here from serum creatinine.
    Estimate,
    /// End-stage renal disease or dialysis.
    Esrd,
}

crate::wire_enum!(RenalMode {
    NotKnown => "notKnown",
    Enter => "enter",
    Estimate => "estimate",
    Esrd => "esrd",
});

/// Adults: Cockcroft–Gault; children: bedside Schwartz (CLINICAL.md renal function).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum EstimateMethod {
    #[default]
    Adult,
    Child,
}

crate::wire_enum!(EstimateMethod { Adult => "adult", Child => "child" });

/// Everything typed or chosen, as raw text where the user types.
#[derive(Clone, Debug, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormInput {
    pub indication: Option<Indication>,
    pub weight: String,
    pub weight_unit: WeightUnit,
    pub dose: String,
    pub split: Split,
    pub age: String,
    pub renal: RenalMode,
    pub crcl: String,
    pub method: EstimateMethod,
    pub sex: Option<Sex>,
    pub scr: String,
    pub scr_unit: ScrUnit,
    pub height: String,
    /// When the kidney rule applies: the schedule chosen (`None`: the
    /// default, RENAL-EOD / RENAL-SPLIT).
    pub renal_schedule: Option<RenalSchedule>,
}

crate::wire_struct!(FormInput {
} default {
    indication: "indication",
    weight: "weight",
    weight_unit: "weightUnit",
    dose: "dose",
    split: "split",
    age: "age",
    renal: "renal",
    crcl: "crcl",
    method: "method",
    sex: "sex",
    scr: "scr",
    scr_unit: "scrUnit",
    height: "height",
    renal_schedule: "renalSchedule",
});

/// With the `remember` attribute the form is saved in this browser, one
/// record; without it nothing is stored (clinic computers are shared).
impl Record for FormInput {
    const COLLECTION: &'static str = "calculator/form";
    fn record_id(&self) -> String {
        "current".into()
    }
}

/// The renal estimate shown beside the panel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub method: EstimateMethod,
    /// mL/min (Cockcroft–Gault) or mL/min/1.73 m² (Schwartz), one decimal.
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct FormOutcome {
    /// One message per field at most, in form order.
    pub errors: Vec<(FormField, String)>,
    /// Required fields still empty (not errors: the user has not got there yet).
    pub missing: Vec<FormField>,
    pub estimate: Option<Estimate>,
    /// A bedside Schwartz estimate under 1 year: shown with a caution
    /// (RENAL-SCHWARTZ).
    pub estimate_caution: bool,
    /// Only when every input is valid and complete: never a number on bad input.
    pub plan: Option<DosePlan>,
}

impl FormOutcome {
    pub fn error(&self, f: FormField) -> Option<&str> {
        self.errors.iter().find(|(g, _)| *g == f).map(|(_, m)| m.as_str())
    }
}

/// The dose depends on the weight (per kg; FMF and Still's: fixed from 50 kg).
fn needs_weight(ind: Option<Indication>) -> bool {
    ind.is_some_and(|i| i.rule().dose.needs_weight())
}

/// The weight typed, in kg, if it reads as a number.
fn typed_kg(input: &FormInput) -> Option<f64> {
    parse_decimal(&input.weight).ok().map(|w| match input.weight_unit {
        WeightUnit::Kg => w,
        WeightUnit::Lb => w * crate::core::units::KG_PER_LB,
    })
}

/// A prescribed mg/kg/day is asked for: per kg, and FMF/Still's unless the
/// weight typed is 50 kg or more (DOSE-FMF-EU, DOSE-STILL-EU).
fn needs_rate(input: &FormInput) -> bool {
    input.indication.is_some_and(|i| i.rule().dose.needs_rate(typed_kg(input)))
}

/// The once/twice daily choice shows only where the label allows a split
/// (DOSE-NOMID-US, DOSE-DIRA-US).
pub fn shows_split(input: &FormInput) -> bool {
    input.indication.is_some_and(|i| i.rule().may_split_twice_daily)
}

/// Which controls the form shows for this input.
pub fn visible(input: &FormInput, f: FormField) -> bool {
    let estimating = input.renal == RenalMode::Estimate;
    let adult_est = estimating && input.method == EstimateMethod::Adult;
    match f {
        FormField::Indication | FormField::Age => true,
        FormField::Weight => needs_weight(input.indication) || adult_est,
        FormField::Dose => needs_rate(input),
        FormField::Crcl => input.renal == RenalMode::Enter,
        FormField::Sex => adult_est,
        FormField::Scr => estimating,
        FormField::Height => estimating && input.method == EstimateMethod::Child,
    }
}

fn required(input: &FormInput, f: FormField) -> bool {
    match f {
        // Both estimates need the age: Cockcroft–Gault from 18 (RENAL-CG),
        // bedside Schwartz under 18 (RENAL-SCHWARTZ).
        FormField::Age => input.renal == RenalMode::Estimate,
        _ => visible(input, f),
    }
}

struct Reader<'a> {
    input: &'a FormInput,
    lang: Lang,
    out: FormOutcome,
}

impl Reader<'_> {
    fn push_error(&mut self, f: FormField, message: String) {
        if self.out.error(f).is_none() {
            self.out.errors.push((f, message));
        }
    }

    /// A number from a visible text field; empty is `None` (and "missing" when required).
    fn number(&mut self, f: FormField, text: &str) -> Option<f64> {
        if !visible(self.input, f) {
            return None;
        }
        match parse_decimal(text) {
            Ok(v) => Some(v),
            Err(crate::core::units::NumberError::Empty) => {
                if required(self.input, f) {
                    self.out.missing.push(f);
                }
                None
            }
            // A negative number gets the field's own range message, the same
            // one 0 gets from the calculator ("The weight must be a number
            // more than 0 and at most 300 kg.").
            Err(crate::core::units::NumberError::Negative) if f.range_error().is_some() => {
                if let Some(code) = f.range_error() {
                    self.push_error(f, dose::error_message(code, self.lang));
                }
                None
            }
            Err(e) => {
                self.push_error(f, e.tr(self.lang).to_string());
                None
            }
        }
    }

    fn core_errors(&mut self, errors: Vec<FieldError>) {
        for e in errors {
            match FormField::of_api_field(e.field) {
                // "missing" codes are reported as prompts, not errors.
                Some(f) if !self.out.missing.contains(&f) && self.out.error(f).is_none() => {
                    self.push_error(f, e.message)
                }
                _ => {}
            }
        }
    }
}

/// Reads the whole form with the US label (see [`evaluate_in`]).
pub fn evaluate(input: &FormInput, lang: Lang) -> FormOutcome {
    evaluate_in(input, Region::Us, lang)
}

/// Reads the whole form for the widget's region. Pure: the same input always
/// gives the same outcome.
pub fn evaluate_in(input: &FormInput, region: Region, lang: Lang) -> FormOutcome {
    let mut r = Reader { input, lang, out: FormOutcome::default() };
    if input.indication.is_none() {
        r.out.missing.push(FormField::Indication);
    }
    let weight = r.number(FormField::Weight, &input.weight);
    let dose = r.number(FormField::Dose, &input.dose);
    let age = r.number(FormField::Age, &input.age);
    let crcl_typed = r.number(FormField::Crcl, &input.crcl);
    let scr = r.number(FormField::Scr, &input.scr);
    let height = r.number(FormField::Height, &input.height);
    if visible(input, FormField::Sex) && input.sex.is_none() {
        r.out.missing.push(FormField::Sex);
    }

    // The renal estimate, when every input it needs is there.
    let creatinine = scr.map(|v| match input.scr_unit {
        ScrUnit::MgDl => Creatinine::MgDl(v),
        ScrUnit::UmolL => Creatinine::UmolL(v),
    });
    let mut crcl = crcl_typed;
    if input.renal == RenalMode::Estimate {
        let estimate = match input.method {
            EstimateMethod::Adult if age.is_some() && input.sex.is_some() && weight.is_some() && scr.is_some() => {
                let kg = weight.map(|w| match input.weight_unit {
                    WeightUnit::Kg => w,
                    WeightUnit::Lb => w * crate::core::units::KG_PER_LB,
                });
                Some(renal::cockcroft_gault(&CgInput { age_years: age, sex: input.sex, weight_kg: kg, creatinine }, lang))
            }
            EstimateMethod::Child if height.is_some() && scr.is_some() && age.is_some() => {
                Some(renal::bedside_schwartz(&SchwartzInput { height_cm: height, creatinine, age_years: age }, lang))
            }
            _ => None,
        };
        match estimate {
            // An estimate no kidney can give (creatinine typed in the wrong
            // unit, or a slip like 0.01): the creatinine field says so, and
            // neither the estimate nor a dose is shown.
            Some(Ok(value)) if value > dose::CRCL_SANITY_MAX_ML_MIN => {
                let max = crate::core::format::fmt_number(dose::CRCL_SANITY_MAX_ML_MIN, 0, lang);
                let msg = match input.method {
                    EstimateMethod::Adult => CalcUi::EstimateImpossible,
                    EstimateMethod::Child => CalcUi::EstimateImpossibleEgfr,
                };
                r.push_error(FormField::Scr, crate::core::i18n::fill(msg.tr(lang), &[("max", &max)]));
            }
            Some(Ok(value)) => {
                r.out.estimate = Some(Estimate { method: input.method, value });
                r.out.estimate_caution = input.method == EstimateMethod::Child && renal::schwartz_caution(age);
                crcl = Some(value);
            }
            Some(Err(errors)) => r.core_errors(errors),
            None => {}
        }
    }

    let dose_input = DoseInput {
        indication: input.indication,
        weight: if needs_weight(input.indication) {
            weight.map(|w| match input.weight_unit {
                WeightUnit::Kg => WeightInput::Kg(w),
                WeightUnit::Lb => WeightInput::Lb(w),
            })
        } else {
            None
        },
        mg_per_kg_per_day: dose,
        split: input.split,
        crcl_ml_min: crcl,
        crcl_is_schwartz_egfr: input.renal == RenalMode::Estimate && input.method == EstimateMethod::Child && r.out.estimate.is_some(),
        esrd: input.renal == RenalMode::Esrd,
        age_years: age,
        renal_schedule: input.renal_schedule,
        region,
    };
    match dose::calculate(&dose_input, lang) {
        Ok(mut plan) if r.out.errors.is_empty() && r.out.missing.is_empty() => {
            // Show-your-work: the estimate's formula, before the kidney steps.
            if let Some(step) = r.out.estimate.as_ref().and_then(|e| estimate_formula(input, e, region, lang)) {
                let at = plan.steps.iter().position(|s| s.fact.id().starts_with("RENAL-")).unwrap_or(plan.steps.len());
                plan.steps.insert(at, step);
            }
            r.out.plan = Some(plan)
        }
        Ok(_) => {}
        Err(errors) => r.core_errors(errors),
    }
    // Form order, so messages read top to bottom.
    crate::core::sort::sort_by(&mut r.out.errors, |(a, _), (b, _)| {
        let pos = |f: &FormField| FormField::ALL.iter().position(|g| g == f);
        pos(a) < pos(b)
    });
    r.out
}

// ---------------------------------------------------------------------------
// The form's state changes (the Yew view dispatches these; no logic there).

/// One change of the form, as the view dispatches it.
#[derive(Clone, Debug, PartialEq)]
pub enum FormAction {
    Text(FormField, String),
    Indication(Option<Indication>),
    WeightUnit(WeightUnit),
    Split(Split),
    Renal(RenalMode),
    Method(EstimateMethod),
    Sex(Sex),
    ScrUnit(ScrUnit),
    RenalSchedule(RenalSchedule),
    /// A titration button ("For prescribers"), by its slot (0..4), the
    /// dose written in the language's decimal separator.
    Titrate(usize, Lang),
    /// Undo the last titration change.
    Undo,
    Load(FormInput),
}

/// A dose change made by a titration button. Numbers, not text: the notice
/// is formatted when rendered, so a live `lang` change re-renders it with
/// the new language's decimal separator.
#[derive(Clone, Debug, PartialEq)]
pub struct DoseChange {
    /// The dose field as typed before the change: Undo restores it as is.
    pub before: String,
    /// mg/kg/day before (`None`: the text was no number) and after.
    pub from: Option<f64>,
    pub to: f64,
}

/// The calculator's whole state: what is typed, and the titration buttons'
/// base and undo slot (never stored with `remember`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CalcState {
    pub input: FormInput,
    /// The dose the titration slots count from: the dose as it was before the
    /// first titration press; `None`: the dose field. Pressing a button does
    /// not move the others (fixed slots, same labels), so a double click or
    /// Enter pressed twice sets the same value twice: exactly one step.
    titration_base: Option<String>,
    /// The last titration change, for "Dose changed 3 → 2 mg/kg/day · Undo".
    pub undo: Option<DoseChange>,
}

impl CalcState {
    pub fn new(input: FormInput) -> Self {
        CalcState { input, ..CalcState::default() }
    }

    /// The prescribed rate the titration slots count from.
    fn titration_base(&self) -> Option<MgPerKgPerDay> {
        let text = self.titration_base.as_deref().unwrap_or(&self.input.dose);
        parse_decimal(text).ok().and_then(|v| MgPerKgPerDay::new(v).ok())
    }

    /// The four titration buttons, in fixed positions: −1, −0.5, +0.5, +1
    /// mg/kg/day from the base (DOSE-NOMID-US, DOSE-DIRA-US: 0.5–1 mg/kg
    /// steps); `None` where that step is not possible (≤ 0 or above the
    /// maximum, DOSE-MAX): the button stays in its place, disabled. Only for
    /// a plan whose label gives titration steps.
    pub fn titration_slots(&self, plan: &DosePlan) -> Option<[Option<f64>; 4]> {
        plan.indication.rule().dose.titration()?;
        plan.mg_per_kg_per_day?;
        self.titration_base().map(dose::titration_steps)
    }

    /// The slot showing the current dose (marked as current, not disabled:
    /// a second press of it changes nothing).
    pub fn is_current(&self, value: f64) -> bool {
        parse_decimal(&self.input.dose).ok().is_some_and(|d| (d - value).abs() < 1e-9)
    }

    pub fn apply(&mut self, action: FormAction) {
        let f = &mut self.input;
        match action {
            FormAction::Text(field, v) => match field {
                FormField::Weight => f.weight = v,
                FormField::Dose => {
                    // Typing a dose starts over: the slots count from it.
                    f.dose = v;
                    self.titration_base = None;
                    self.undo = None;
                }
                FormField::Age => f.age = v,
                FormField::Crcl => f.crcl = v,
                FormField::Scr => f.scr = v,
                FormField::Height => f.height = v,
                FormField::Indication | FormField::Sex => {}
            },
            FormAction::Indication(i) => {
                if f.indication != i {
                    self.titration_base = None;
                    self.undo = None;
                }
                f.indication = i;
            }
            FormAction::WeightUnit(u) => f.weight_unit = u,
            FormAction::Split(s) => f.split = s,
            FormAction::Renal(r) => f.renal = r,
            FormAction::Method(m) => f.method = m,
            FormAction::Sex(s) => f.sex = Some(s),
            FormAction::ScrUnit(u) => f.scr_unit = u,
            FormAction::RenalSchedule(r) => f.renal_schedule = Some(r),
            FormAction::Titrate(slot, lang) => {
                let Some(to) = self.titration_base().map(dose::titration_steps).and_then(|s| s.get(slot).copied().flatten()) else {
                    return;
                };
                // The same value again (a double click): nothing changes, and
                // Undo still goes back to the dose before the first press.
                if self.is_current(to) {
                    return;
                }
                if self.titration_base.is_none() {
                    self.titration_base = Some(self.input.dose.clone());
                }
                let before = std::mem::replace(&mut self.input.dose, crate::core::format::fmt_number(to, 2, lang));
                let from = parse_decimal(&before).ok();
                self.undo = Some(DoseChange { before, from, to });
            }
            FormAction::Undo => {
                if let Some(change) = self.undo.take() {
                    self.input.dose = change.before;
                }
            }
            FormAction::Load(input) => *self = CalcState::new(input),
        }
    }
}

/// "Dose changed 3 → 2 mg/kg/day" for the undo notice.
pub fn change_message(change: &DoseChange, lang: Lang) -> String {
    let show = |v: f64| crate::core::format::fmt_number(v, 4, lang);
    let from = change.from.map_or_else(|| change.before.clone(), show);
    crate::core::i18n::fill(CalcUi::DoseChanged.tr(lang), &[("from", &from), ("to", &show(change.to))])
}

/// "−1", "+0.5": a titration slot's step, for a disabled slot's label.
pub fn slot_delta(slot: usize, lang: Lang) -> String {
    let d = dose::TITRATION_DELTAS.get(slot).copied().unwrap_or(0.0);
    let sign = if d < 0.0 { "−" } else { "+" };
    format!("{sign}{}", crate::core::format::fmt_number(d.abs(), 2, lang))
}

/// "More (optional)" (age, kidney function) opens by itself when it holds a
/// value or a field message, so nothing typed or wrong is ever hidden.
pub fn more_must_open(input: &FormInput, out: &FormOutcome) -> bool {
    !input.age.trim().is_empty()
        || input.renal != RenalMode::NotKnown
        || [FormField::Age, FormField::Crcl, FormField::Sex, FormField::Scr, FormField::Height]
            .iter()
            .any(|f| out.error(*f).is_some() || out.missing.contains(f))
}

/// The optional fields (age, kidney function) sit under "More (optional)"
/// unless an estimate is being made, which needs the age (RENAL-CG,
/// RENAL-SCHWARTZ). The indication never needs them for the dose itself
/// (RA and COVID-19 use the age only for the under-18 warning).
pub fn age_required(input: &FormInput) -> bool {
    required(input, FormField::Age)
}

/// The report's inputs are defined with the report's text (`labels`).
pub use super::labels::{KidneyBasis, ReportInputs};

pub fn report_inputs(input: &FormInput, out: &FormOutcome) -> ReportInputs {
    let kidney = match (input.renal, out.estimate) {
        (RenalMode::Esrd, _) => KidneyBasis::Esrd,
        (RenalMode::Enter, _) => parse_decimal(&input.crcl).map(KidneyBasis::Entered).unwrap_or(KidneyBasis::NotGiven),
        (RenalMode::Estimate, Some(e)) if e.method == EstimateMethod::Adult => KidneyBasis::CockcroftGault(e.value),
        (RenalMode::Estimate, Some(e)) => KidneyBasis::Schwartz(e.value),
        _ => KidneyBasis::NotGiven,
    };
    let used = out.plan.as_ref().and_then(|p| p.weight).map(|w| w.value());
    let typed = if visible(input, FormField::Weight) { typed_kg(input).map(|w| (w * 100.0 + 1e-4).floor() / 100.0) } else { None };
    ReportInputs { weight_kg: used.or(typed), kidney }
}

/// The creatinine as the formula uses it: "1.8 mg/dL" or "(159 µmol/L ÷ 88.4)".
fn scr_text(input: &FormInput, scr: f64, lang: Lang) -> String {
    use crate::core::format::fmt_number;
    match input.scr_unit {
        ScrUnit::MgDl => format!("{} mg/dL", fmt_number(scr, 4, lang)),
        ScrUnit::UmolL => format!("({} µmol/L ÷ {})", fmt_number(scr, 4, lang), fmt_number(renal::UMOL_L_PER_MG_DL, 2, lang)),
    }
}

/// Show-your-work: the estimate's formula with its inputs (RENAL-CG,
/// RENAL-SCHWARTZ), and that the value is rounded DOWN to 0.1 on purpose
/// (`renal::down_to_tenth`: never lifted over the 30 mL/min threshold).
pub fn estimate_formula(input: &FormInput, estimate: &Estimate, region: Region, lang: Lang) -> Option<dose::Step> {
    use crate::core::format::fmt_number;
    use crate::core::i18n::fill;
    let scr = parse_decimal(&input.scr).ok()?;
    let scr = scr_text(input, scr, lang);
    let value = fmt_number(estimate.value, 1, lang);
    let threshold = fmt_number(dose::rules::RENAL_CRCL_BELOW, 0, lang);
    let (text, fact) = match estimate.method {
        EstimateMethod::Adult => {
            let age = fmt_number(parse_decimal(&input.age).ok()?, 2, lang);
            let w = parse_decimal(&input.weight).ok()?;
            let weight = match input.weight_unit {
                WeightUnit::Kg => format!("{} kg", fmt_number(w, 2, lang)),
                WeightUnit::Lb => format!(
                    "({} lb × {} kg/lb)",
                    fmt_number(w, 2, lang),
                    fmt_number(crate::core::units::KG_PER_LB, 8, lang)
                ),
            };
            let msg = if input.sex == Some(Sex::Female) { CalcUi::CgFormulaFemale } else { CalcUi::CgFormulaMale };
            let text = fill(
                msg.tr(lang),
                &[
                    ("from", &fmt_number(renal::CG_AGE_FROM, 0, lang)),
                    ("age", &age),
                    ("weight", &weight),
                    ("divisor", &fmt_number(renal::CG_DIVISOR, 0, lang)),
                    ("scr", &scr),
                    ("factor", &fmt_number(renal::CG_FEMALE_FACTOR, 2, lang)),
                    ("value", &value),
                    ("threshold", &threshold),
                ],
            );
            (text, renal::CG_FACT)
        }
        EstimateMethod::Child => {
            let height = fmt_number(parse_decimal(&input.height).ok()?, 1, lang);
            let text = fill(
                CalcUi::SchwartzFormula.tr(lang),
                &[
                    ("k", &fmt_number(renal::SCHWARTZ_K, 3, lang)),
                    ("height", &height),
                    ("scr", &scr),
                    ("value", &value),
                    ("threshold", &threshold),
                ],
            );
            (text, renal::SCHWARTZ_FACT)
        }
    };
    Some(dose::Step { text, source: fact.source_in(region), fact })
}

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;
    use crate::core::facts::Fact;

    fn nomid(weight: &str, dose: &str) -> FormInput {
        FormInput {
            indication: Some(Indication::Nomid),
            weight: weight.into(),
            dose: dose.into(),
            ..FormInput::default()
        }
    }

    #[test]
    fn empty_form_asks_for_the_indication_and_shows_no_number() {
        let out = evaluate(&FormInput::default(), Lang::En);
        assert_eq!(out.missing, vec![FormField::Indication]);
        assert!(out.errors.is_empty());
        assert!(out.plan.is_none());
    }

    #[test]
    fn ra_needs_nothing_else__us_pi_2_1() {
        let input = FormInput { indication: Some(Indication::Ra), ..FormInput::default() };
        let out = evaluate(&input, Lang::En);
        assert!(!visible(&input, FormField::Weight) && !visible(&input, FormField::Dose));
        let plan = out.plan.expect("RA gives a plan with no other input");
        assert_eq!(plan.dose_per_administration.value(), 100.0);
    }

    #[test]
    fn an_impossible_estimate_is_an_error_on_the_creatinine_and_no_number() {
        let input = FormInput {
            indication: Some(Indication::Ra),
            renal: RenalMode::Estimate,
            method: EstimateMethod::Adult,
            age: "50".into(),
            weight: "60".into(),
            sex: Some(Sex::Male),
            scr: "0,01".into(),
            ..FormInput::default()
        };
        let out = evaluate(&input, Lang::En);
        assert!(out.plan.is_none() && out.estimate.is_none());
        assert_eq!(
            out.error(FormField::Scr),
            Some("This creatinine gives an estimate above 1000 mL/min, which is not possible: check the value and its unit.")
        );
        // Every error is on a field the form shows.
        assert!(out.errors.iter().all(|(f, _)| visible(&input, *f)), "{:?}", out.errors);
        // A plausible creatinine gives the estimate and the dose.
        let ok = evaluate(&FormInput { scr: "1".into(), ..input.clone() }, Lang::En);
        assert!(ok.plan.is_some() && ok.estimate.is_some());
        // A child's bedside Schwartz eGFR is named with its own unit.
        let child = FormInput {
            indication: Some(Indication::Nomid),
            dose: "2".into(),
            method: EstimateMethod::Child,
            height: "110".into(),
            scr: "0,01".into(),
            age: "8".into(),
            ..input
        };
        let out = evaluate(&child, Lang::En);
        assert!(out.plan.is_none() && out.estimate.is_none());
        assert!(out.error(FormField::Scr).is_some_and(|m| m.contains("eGFR above 1000 mL/min/1.73 m²")), "{:?}", out.errors);
    }

    #[test]
    fn a_negative_number_gets_the_same_message_as_zero() {
        let neg = evaluate(&nomid("-5", "2"), Lang::En);
        let zero = evaluate(&nomid("0", "2"), Lang::En);
        assert!(neg.plan.is_none() && zero.plan.is_none());
        assert_eq!(neg.error(FormField::Weight), zero.error(FormField::Weight));
        assert!(neg.error(FormField::Weight).is_some_and(|m| m.starts_with("The weight must be a number more than 0")));
        let dose = evaluate(&nomid("20", "-1"), Lang::Es);
        assert!(dose.error(FormField::Dose).is_some_and(|m| m.starts_with("La dosis debe ser un número mayor que 0")), "{:?}", dose.errors);
    }

    #[test]
    fn decimal_comma_is_read_like_a_point() {
        let a = evaluate(&nomid("12,5", "2"), Lang::En).plan.expect("comma accepted");
        let b = evaluate(&nomid("12.5", "2"), Lang::En).plan.expect("point accepted");
        assert_eq!(a.daily_dose, b.daily_dose);
        assert_eq!(a.daily_dose.value(), 25.0);
    }

    #[test]
    fn text_with_units_is_refused_beside_its_field_and_no_plan() {
        let out = evaluate(&nomid("20 kg", "2"), Lang::En);
        assert!(out.plan.is_none());
        assert!(out.error(FormField::Weight).is_some_and(|m| m.contains("number")));
        assert!(out.error(FormField::Dose).is_none());
    }

    #[test]
    fn above_eight_mg_per_kg_is_an_error_on_the_dose_field__us_pi_2_2() {
        let out = evaluate(&nomid("20", "8.5"), Lang::En);
        assert!(out.plan.is_none());
        assert!(out.error(FormField::Dose).is_some_and(|m| m.contains('8')), "{:?}", out.errors);
    }

    #[test]
    fn empty_required_fields_are_missing_not_errors() {
        let out = evaluate(&nomid("", ""), Lang::En);
        assert_eq!(out.missing, vec![FormField::Weight, FormField::Dose]);
        assert!(out.errors.is_empty(), "{:?}", out.errors);
        assert!(out.plan.is_none());
    }

    #[test]
    fn negative_and_absurd_weights_are_errors() {
        assert!(evaluate(&nomid("-3", "2"), Lang::En).error(FormField::Weight).is_some());
        assert!(evaluate(&nomid("400", "2"), Lang::En).error(FormField::Weight).is_some());
    }

    #[test]
    fn pounds_are_converted_before_the_dose__ismp() {
        let mut input = nomid("44", "2");
        input.weight_unit = WeightUnit::Lb;
        let plan = evaluate(&input, Lang::En).plan.expect("valid");
        assert_eq!(plan.weight.map(|w| w.value()), Some(19.95));
    }

    #[test]
    fn entered_crcl_below_30_gives_every_other_day__us_pi_2_4() {
        let mut input = FormInput { indication: Some(Indication::Ra), renal: RenalMode::Enter, ..FormInput::default() };
        assert_eq!(evaluate(&input, Lang::En).missing, vec![FormField::Crcl]);
        input.crcl = "25".into();
        assert_eq!(evaluate(&input, Lang::En).plan.map(|p| p.interval_days), Some(2));
        input.crcl = "30".into();
        assert_eq!(evaluate(&input, Lang::En).plan.map(|p| p.interval_days), Some(1));
    }

    #[test]
    fn esrd_gives_every_other_day_with_no_number_needed__us_pi_2_4() {
        let input = FormInput { indication: Some(Indication::Covid19), renal: RenalMode::Esrd, ..FormInput::default() };
        let plan = evaluate(&input, Lang::En).plan.expect("valid");
        assert_eq!((plan.interval_days, plan.total_doses), (2, Some(5)));
    }

    #[test]
    fn adult_estimate_feeds_the_dose__cockcroft_gault() {
        let mut input = FormInput {
            indication: Some(Indication::Ra),
            renal: RenalMode::Estimate,
            age: "80".into(),
            weight: "50".into(),
            sex: Some(Sex::Female),
            scr: "2.5".into(),
            ..FormInput::default()
        };
        // (140 − 80) × 50 / (72 × 2.5) × 0.85 = 14.17 → 14.1 mL/min → every other day.
        let out = evaluate(&input, Lang::En);
        assert_eq!(out.estimate.map(|e| e.value), Some(14.1));
        assert_eq!(out.plan.map(|p| p.interval_days), Some(2));
        input.scr = "0.8".into(); // 44.3 mL/min → daily
        assert_eq!(evaluate(&input, Lang::En).plan.map(|p| p.interval_days), Some(1));
    }

    #[test]
    fn adult_estimate_needs_age_sex_weight_and_creatinine() {
        let input = FormInput { indication: Some(Indication::Ra), renal: RenalMode::Estimate, ..FormInput::default() };
        let out = evaluate(&input, Lang::En);
        assert_eq!(out.missing, vec![FormField::Weight, FormField::Age, FormField::Scr, FormField::Sex]);
        assert!(out.plan.is_none());
    }

    /// A 6-year-old, 20 kg, 110 cm, SCr 88.4 µmol/L (1 mg/dL), NOMID 2 mg/kg/day.
    fn schwartz_child() -> FormInput {
        FormInput {
            indication: Some(Indication::Nomid),
            weight: "20".into(),
            dose: "2".into(),
            renal: RenalMode::Estimate,
            method: EstimateMethod::Child,
            height: "110".into(),
            scr: "88.4".into(),
            scr_unit: ScrUnit::UmolL,
            age: "6".into(),
            ..FormInput::default()
        }
    }

    #[test]
    fn child_estimate_uses_schwartz_and_umol_per_litre() {
        let input = schwartz_child();
        // 0.413 × 110 / 1.0 = 45.4
        let out = evaluate(&input, Lang::En);
        assert_eq!(out.estimate.map(|e| e.value), Some(45.4));
        let steps: Vec<String> = out.plan.map(|p| p.steps.into_iter().map(|s| s.text).collect()).unwrap_or_default();
        assert!(steps.iter().any(|s| s.starts_with("Estimated GFR (bedside Schwartz) 45.4 mL/min/1.73 m²")), "{steps:?}");
        assert!(!steps.iter().any(|s| s.contains("Creatinine clearance")), "{steps:?}");
    }

    #[test]
    fn schwartz_needs_the_age_refuses_adults_and_cautions_under_one__renal_schwartz() {
        let child = FormInput {
            indication: Some(Indication::Nomid),
            weight: "8".into(),
            dose: "2".into(),
            renal: RenalMode::Estimate,
            method: EstimateMethod::Child,
            height: "70".into(),
            scr: "0.4".into(),
            ..FormInput::default()
        };
        // RENAL-SCHWARTZ: age required.
        let out = evaluate(&child, Lang::En);
        assert_eq!(out.missing, vec![FormField::Age]);
        assert!(out.plan.is_none() && out.estimate.is_none());
        // 18 or more: refused beside the age, pointing to Cockcroft–Gault.
        let out = evaluate(&FormInput { age: "18".into(), ..child.clone() }, Lang::En);
        assert!(out.plan.is_none());
        assert!(out.error(FormField::Age).is_some_and(|m| m.contains("Cockcroft–Gault")), "{:?}", out.errors);
        // Under 1 year (7 months = 0.58): the estimate with a caution.
        let out = evaluate(&FormInput { age: "0,58".into(), ..child.clone() }, Lang::En);
        assert_eq!(out.estimate.map(|e| e.value), Some(72.2)); // 0.413 × 70 / 0.4 = 72.275
        assert!(out.estimate_caution && out.plan.is_some());
        let out = evaluate(&FormInput { age: "4".into(), ..child }, Lang::En);
        assert!(!out.estimate_caution && out.plan.is_some());
    }

    #[test]
    fn eu_form_asks_fmf_dose_only_under_50_kg__dose_fmf_eu() {
        let fmf = FormInput { indication: Some(Indication::Fmf), weight: "30".into(), ..FormInput::default() };
        assert!(visible(&fmf, FormField::Dose) && !shows_split(&fmf));
        assert_eq!(evaluate_in(&fmf, Region::Eu, Lang::En).missing, vec![FormField::Dose]);
        let heavy = FormInput { weight: "60".into(), ..fmf.clone() };
        assert!(!visible(&heavy, FormField::Dose));
        let plan = evaluate_in(&heavy, Region::Eu, Lang::En).plan.expect("100 mg from 50 kg");
        assert_eq!(plan.dose_per_administration.value(), 100.0);
        // 60 kg typed in pounds (132.3 lb) is also 50 kg or more.
        let lb = FormInput { weight: "132,3".into(), weight_unit: WeightUnit::Lb, ..fmf.clone() };
        assert!(!visible(&lb, FormField::Dose));
        let plan = evaluate_in(&FormInput { dose: "2".into(), ..fmf }, Region::Eu, Lang::En).plan.expect("per kg");
        assert_eq!((plan.dose_per_administration.value(), plan.region), (60.0, Region::Eu));
        assert!(plan.warnings.is_empty());
    }

    #[test]
    fn the_chosen_renal_schedule_reaches_the_plan__renal_eod() {
        let ra = FormInput { indication: Some(Indication::Ra), renal: RenalMode::Esrd, ..FormInput::default() };
        assert_eq!(evaluate(&ra, Lang::En).plan.map(|p| (p.interval_days, p.renal_schedule)), Some((2, Some(RenalSchedule::EveryOtherDay))));
        let daily = FormInput { renal_schedule: Some(RenalSchedule::Daily), ..ra };
        assert_eq!(evaluate(&daily, Lang::En).plan.map(|p| (p.interval_days, p.renal_schedule)), Some((1, Some(RenalSchedule::Daily))));
    }

    #[test]
    fn cockcroft_gault_under_18_points_to_schwartz() {
        let input = FormInput {
            indication: Some(Indication::Nomid),
            weight: "30".into(),
            dose: "2".into(),
            renal: RenalMode::Estimate,
            age: "10".into(),
            sex: Some(Sex::Male),
            scr: "0.5".into(),
            ..FormInput::default()
        };
        let out = evaluate(&input, Lang::En);
        assert!(out.plan.is_none());
        assert!(out.error(FormField::Age).is_some_and(|m| m.contains("Schwartz")), "{:?}", out.errors);
    }

    #[test]
    fn messages_follow_the_language() {
        let out = evaluate(&nomid("abc", "2"), Lang::Es);
        assert!(out.error(FormField::Weight).is_some_and(|m| m.contains("número")));
    }

    fn child_66mg() -> FormInput {
        // A 22 kg child on 3 mg/kg/day: 66 mg (0.44 mL).
        nomid("22", "3")
    }

    #[test]
    fn a_titration_press_twice_is_one_step_and_undo_restores__dose_nomid_us() {
        // DOSE-NOMID-US: adjust in 0.5–1 mg/kg steps; DOSE-MAX: never above 8.
        let mut st = CalcState::new(child_66mg());
        let plan = evaluate(&st.input, Lang::En).plan.expect("a plan");
        let slots = st.titration_slots(&plan).expect("NOMID has titration steps");
        assert_eq!(slots, [Some(2.0), Some(2.5), Some(3.5), Some(4.0)]);
        for slot in 0..4 {
            let mut s = st.clone();
            // A double click (or Enter twice): two presses of the same slot.
            s.apply(FormAction::Titrate(slot, Lang::En));
            let once = s.input.dose.clone();
            s.apply(FormAction::Titrate(slot, Lang::En));
            assert_eq!(s.input.dose, once, "slot {slot}: exactly one step");
            assert_eq!(parse_decimal(&s.input.dose).ok(), slots[slot]);
            // The buttons keep their places and labels after the press.
            let plan = evaluate(&s.input, Lang::En).plan.expect("a plan");
            assert_eq!(s.titration_slots(&plan), Some(slots), "slot {slot}: no reflow");
            assert!(s.is_current(slots[slot].unwrap_or_default()));
            let change = s.undo.clone().expect("an undo slot");
            assert_eq!((change.before.as_str(), change.from), ("3", Some(3.0)));
            s.apply(FormAction::Undo);
            assert_eq!(s.input.dose, "3");
            assert!(s.undo.is_none());
        }
        st.apply(FormAction::Titrate(0, Lang::En));
        assert_eq!(change_message(st.undo.as_ref().expect("undo"), Lang::En), "Dose changed 3 → 2 mg/kg/day");
        // A second, different press: from the value before it; Undo goes back one change.
        st.apply(FormAction::Titrate(3, Lang::Es));
        assert_eq!(st.input.dose, "4");
        assert_eq!(change_message(st.undo.as_ref().expect("undo"), Lang::Es), "Dosis cambiada 2 → 4 mg/kg/día");
        st.apply(FormAction::Undo);
        assert_eq!(st.input.dose, "2");
        // Typing a dose starts over: the slots count from it, no undo.
        st.apply(FormAction::Text(FormField::Dose, "2,5".into()));
        assert!(st.undo.is_none());
        let plan = evaluate(&st.input, Lang::En).plan.expect("a plan");
        assert_eq!(st.titration_slots(&plan), Some([Some(1.5), Some(2.0), Some(3.0), Some(3.5)]));
        // Spanish writes the comma.
        st.apply(FormAction::Titrate(1, Lang::Es));
        st.apply(FormAction::Titrate(2, Lang::Es));
        assert_eq!(st.input.dose, "3");
        st.apply(FormAction::Text(FormField::Dose, "2,5".into()));
        st.apply(FormAction::Titrate(2, Lang::Es));
        assert_eq!(st.input.dose, "3");
    }

    #[test]
    fn the_dose_change_notice_follows_a_live_lang_change() {
        let mut st = CalcState::new(nomid("22", "2,5"));
        st.apply(FormAction::Titrate(2, Lang::Es));
        let change = st.undo.clone().expect("an undo slot");
        assert_eq!((change.from, change.to), (Some(2.5), 3.0), "numbers, not text");
        assert_eq!(change_message(&change, Lang::Es), "Dosis cambiada 2,5 → 3 mg/kg/día");
        // The language changes while the notice is shown: same change, English numbers.
        assert_eq!(change_message(&change, Lang::En), "Dose changed 2.5 → 3 mg/kg/day");
        st.apply(FormAction::Undo);
        assert_eq!(st.input.dose, "2,5", "undo restores the text as typed");
    }

    #[test]
    fn titration_slots_that_do_not_apply_stay_in_place_disabled__dose_max() {
        // DOSE-MAX: 7.5 + 1 would pass 8 mg/kg/day; 0.5 − 1 would be ≤ 0.
        let st = CalcState::new(nomid("20", "7.5"));
        let plan = evaluate(&st.input, Lang::En).plan.expect("a plan");
        assert_eq!(st.titration_slots(&plan), Some([Some(6.5), Some(7.0), Some(8.0), None]));
        let mut pressed = st.clone();
        pressed.apply(FormAction::Titrate(3, Lang::En));
        assert_eq!(pressed, st, "a disabled slot changes nothing");
        let low = CalcState::new(nomid("20", "0.5"));
        let plan = evaluate(&low.input, Lang::En).plan.expect("a plan");
        assert_eq!(low.titration_slots(&plan), Some([None, None, Some(1.0), Some(1.5)]));
        assert_eq!(slot_delta(0, Lang::En), "−1");
        assert_eq!(slot_delta(2, Lang::Es), "+0,5");
        // RA has no titration (DOSE-RA).
        let ra = CalcState::new(FormInput { indication: Some(Indication::Ra), ..FormInput::default() });
        let plan = evaluate(&ra.input, Lang::En).plan.expect("a plan");
        assert_eq!(ra.titration_slots(&plan), None);
    }

    #[test]
    fn more_optional_opens_by_itself_with_a_value_or_a_message() {
        let ra = FormInput { indication: Some(Indication::Ra), ..FormInput::default() };
        assert!(!more_must_open(&ra, &evaluate(&ra, Lang::En)));
        let aged = FormInput { age: "16".into(), ..ra.clone() };
        assert!(more_must_open(&aged, &evaluate(&aged, Lang::En)));
        let bad = FormInput { age: "abc".into(), ..ra.clone() };
        assert!(evaluate(&bad, Lang::En).error(FormField::Age).is_some());
        assert!(more_must_open(&bad, &evaluate(&bad, Lang::En)));
        let esrd = FormInput { renal: RenalMode::Esrd, ..ra.clone() };
        assert!(more_must_open(&esrd, &evaluate(&esrd, Lang::En)));
        // RENAL-SCHWARTZ: the age is required when the child estimate is chosen.
        let child = FormInput { renal: RenalMode::Estimate, method: EstimateMethod::Child, ..ra };
        assert!(age_required(&child));
    }

    #[test]
    fn show_your_work_gives_the_cockcroft_gault_formula_rounded_down__renal_cg() {
        // RENAL-CG: female, 72 y, 60 kg, SCr 1.8 mg/dL = 26.76 → 26.7 (taken down).
        let input = FormInput {
            indication: Some(Indication::Ra),
            renal: RenalMode::Estimate,
            age: "72".into(),
            weight: "60".into(),
            sex: Some(Sex::Female),
            scr: "1.8".into(),
            ..FormInput::default()
        };
        let out = evaluate(&input, Lang::En);
        let steps: Vec<&str> = out.plan.as_ref().map(|p| p.steps.iter().map(|s| s.text.as_str()).collect()).unwrap_or_default();
        let cg = "Cockcroft–Gault: (140 − 72) × 60 kg / (72 × 1.8 mg/dL) × 0.85 = 26.7 mL/min, rounded down to 0.1 mL/min on purpose (a clearance just under 30 mL/min is never shown as 30)";
        assert!(steps.contains(&cg), "{steps:?}");
        // Before the kidney step it feeds.
        let at = steps.iter().position(|s| *s == cg).unwrap_or(usize::MAX);
        assert!(steps[at + 1].starts_with("Creatinine clearance 26.7 mL/min is below 30"), "{steps:?}");
        let plan = out.plan.as_ref().expect("a plan");
        assert_eq!(plan.steps[at].fact, Fact::RenalCg);
        assert_eq!(plan.steps[at].source, "US PI 2.4");
        // Male, pounds, µmol/L (RENAL-UNITS), in Spanish.
        let es = FormInput { sex: Some(Sex::Male), weight: "132".into(), weight_unit: WeightUnit::Lb, scr: "159".into(), scr_unit: ScrUnit::UmolL, ..input };
        let out = evaluate(&es, Lang::Es);
        let e = out.estimate.expect("an estimate");
        let step = estimate_formula(&es, &e, Region::Us, Lang::Es).expect("a step");
        assert!(
            step.text.starts_with("Cockcroft–Gault: (140 − 72) × (132 lb × 0,45359237 kg/lb) / (72 × (159 µmol/L ÷ 88,4)) = "),
            "{}",
            step.text
        );
        assert!(step.text.contains("redondeado hacia abajo a 0,1 mL/min a propósito"), "{}", step.text);
    }

    #[test]
    fn show_your_work_gives_the_bedside_schwartz_formula__renal_schwartz() {
        // RENAL-SCHWARTZ: 0.413 × 110 / 1 = 45.43 → 45.4; RENAL-UNITS: 88.4 µmol/L = 1 mg/dL.
        let input = schwartz_child();
        let plan = evaluate(&input, Lang::En).plan.expect("a plan");
        let step = plan.steps.iter().find(|s| s.fact == Fact::RenalSchwartz && s.text.starts_with("Bedside Schwartz:"));
        assert_eq!(
            step.map(|s| s.text.as_str()),
            Some("Bedside Schwartz: 0.413 × 110 cm / (88.4 µmol/L ÷ 88.4) = 45.4 mL/min/1.73 m², rounded down to 0.1 on purpose (an estimate just under 30 is never shown as 30)")
        );
    }

    #[test]
    fn copy_text_has_header_inputs_and_the_course_days__dose_covid_us_renal_covid() {
        use crate::core::dose::labels::{compact_line, report_head, source_lines, summary};
        // DOSE-COVID-US: 10 days daily; RENAL-COVID: every other day, days 1, 3, 5, 7, 9.
        let covid = FormInput { indication: Some(Indication::Covid19), renal: RenalMode::Esrd, ..FormInput::default() };
        let out = evaluate(&covid, Lang::En);
        let plan = out.plan.as_ref().expect("a plan");
        let inputs = report_inputs(&covid, &out);
        assert_eq!(
            report_head(plan, &inputs, "2026-11-30", Lang::En),
            vec![
                "Kineret · COVID-19 · 2026-11-30",
                "Kidney function: end-stage kidney disease or dialysis",
                "Dosing days: days 1, 3, 5, 7, 9",
            ]
        );
        let daily = FormInput { renal: RenalMode::Enter, crcl: "45".into(), ..covid };
        let out = evaluate(&daily, Lang::Es);
        let plan = out.plan.as_ref().expect("a plan");
        let text = summary(plan, &report_inputs(&daily, &out), "2026-11-30", Lang::Es);
        assert!(text.starts_with(
            "Kineret · COVID-19 · 2026-11-30\nAclaramiento de creatinina: 45 mL/min (introducido)\nDías de administración: días 1–10\n"
        ), "{text}");
        // The weight used and a Cockcroft–Gault clearance.
        let cg = FormInput {
            indication: Some(Indication::Nomid),
            weight: "60".into(),
            dose: "2".into(),
            renal: RenalMode::Estimate,
            age: "72".into(),
            sex: Some(Sex::Female),
            scr: "1.8".into(),
            ..FormInput::default()
        };
        let out = evaluate(&cg, Lang::En);
        let plan = out.plan.as_ref().expect("a plan");
        let text = summary(plan, &report_inputs(&cg, &out), "2026-11-30", Lang::En);
        assert!(text.starts_with("Kineret · NOMID · 2026-11-30\nWeight: 60 kg\nCreatinine clearance: 26.7 mL/min (Cockcroft–Gault)\n"), "{text}");
        // RENAL-EOD: 26.7 mL/min defaults to every other day: a dosing-day total.
        assert!(text.contains("Total on each dosing day (every other day): 120 mg (2 mg/kg/day × 60 kg)"), "{text}");
        // Bedside Schwartz and not given.
        let kid = FormInput { renal: RenalMode::Estimate, method: EstimateMethod::Child, height: "110".into(), scr: "1".into(), age: "6".into(), weight: "20".into(), ..cg };
        let out = evaluate(&kid, Lang::En);
        assert_eq!(report_inputs(&kid, &out).kidney, KidneyBasis::Schwartz(45.4));
        let plain = child_66mg();
        let out = evaluate(&plain, Lang::En);
        let plan = out.plan.as_ref().expect("a plan");
        let head = report_head(plan, &report_inputs(&plain, &out), "2026-11-30", Lang::Es);
        assert_eq!(head[1..], ["Peso: 22 kg".to_string(), "Función renal: normal o desconocida (sin aclaramiento de creatinina)".to_string()]);
        // PROD-GRAD: the compact summary, mg first.
        assert_eq!(compact_line(plan, Lang::En), "66 mg = 0.44 mL");
        assert_eq!(compact_line(plan, Lang::Es), "66 mg = 0,44 mL");
        // Sources gathered once, with their fact IDs (DOSE-NOMID-US, DOSE-MAX).
        let sources = source_lines(plan, Lang::En);
        assert!(sources.iter().any(|l| l.starts_with("US PI 2.2 (") && l.contains("DOSE-NOMID-US") && l.contains("DOSE-MAX")), "{sources:?}");
        let mut shown: Vec<&str> = sources.iter().map(|l| l.split(" (").next().unwrap_or("")).collect();
        let n = shown.len();
        shown.sort_unstable();
        shown.dedup();
        assert_eq!(shown.len(), n, "each source once: {sources:?}");
    }
}
