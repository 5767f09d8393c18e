//! Every user-visible string of the dose and renal calculators, `[en, es]`.
//! Spanish follows the terms table in CLINICAL.md. Numbers are formatted by
//! `core::format` and substituted with `i18n::fill`; no clinical number is
//! written into a template except where the template itself states the rule
//! and a test checks it against the table.

use super::rules::Indication;
use crate::core::i18n::Translate;

/// Error codes shared by the dose, CrCl and eGFR calculators (the API `code`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    InvalidRequest,
    UnknownIndication,
    MissingWeight,
    InvalidWeight,
    MissingDose,
    InvalidDose,
    AboveMaxDose,
    DoseTooSmall,
    InvalidCrcl,
    InvalidSplit,
    InvalidAge,
    InvalidEsrd,
    MissingAge,
    PediatricUseSchwartz,
    MissingSex,
    InvalidSex,
    MissingCreatinine,
    InvalidCreatinine,
    MissingHeight,
    InvalidHeight,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 20] = [
        ErrorCode::InvalidRequest,
        ErrorCode::UnknownIndication,
        ErrorCode::MissingWeight,
        ErrorCode::InvalidWeight,
        ErrorCode::MissingDose,
        ErrorCode::InvalidDose,
        ErrorCode::AboveMaxDose,
        ErrorCode::DoseTooSmall,
        ErrorCode::InvalidCrcl,
        ErrorCode::InvalidSplit,
        ErrorCode::InvalidAge,
        ErrorCode::InvalidEsrd,
        ErrorCode::MissingAge,
        ErrorCode::PediatricUseSchwartz,
        ErrorCode::MissingSex,
        ErrorCode::InvalidSex,
        ErrorCode::MissingCreatinine,
        ErrorCode::InvalidCreatinine,
        ErrorCode::MissingHeight,
        ErrorCode::InvalidHeight,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ErrorCode::InvalidRequest => "invalid_request",
            ErrorCode::UnknownIndication => "unknown_indication",
            ErrorCode::MissingWeight => "missing_weight",
            ErrorCode::InvalidWeight => "invalid_weight",
            ErrorCode::MissingDose => "missing_dose",
            ErrorCode::InvalidDose => "invalid_dose",
            ErrorCode::AboveMaxDose => "above_max_dose",
            ErrorCode::DoseTooSmall => "dose_too_small",
            ErrorCode::InvalidCrcl => "invalid_crcl",
            ErrorCode::InvalidSplit => "invalid_split",
            ErrorCode::InvalidAge => "invalid_age",
            ErrorCode::InvalidEsrd => "invalid_esrd",
            ErrorCode::MissingAge => "missing_age",
            ErrorCode::PediatricUseSchwartz => "pediatric_use_schwartz",
            ErrorCode::MissingSex => "missing_sex",
            ErrorCode::InvalidSex => "invalid_sex",
            ErrorCode::MissingCreatinine => "missing_creatinine",
            ErrorCode::InvalidCreatinine => "invalid_creatinine",
            ErrorCode::MissingHeight => "missing_height",
            ErrorCode::InvalidHeight => "invalid_height",
        }
    }
}

impl Translate for ErrorCode {
    fn texts(self) -> [&'static str; 2] {
        match self {
            ErrorCode::InvalidRequest => ["The request must be an object.", "La solicitud debe ser un objeto."],
            ErrorCode::UnknownIndication => [
                "Choose an indication: rheumatoid arthritis, NOMID, DIRA or COVID-19.",
                "Elija una indicación: artritis reumatoide, NOMID, DIRA o COVID-19.",
            ],
            ErrorCode::MissingWeight => ["Enter the weight.", "Introduzca el peso."],
            ErrorCode::InvalidWeight => [
                "The weight must be a number more than 0 and at most {max}.",
                "El peso debe ser un número mayor que 0 y como máximo {max}.",
            ],
            ErrorCode::MissingDose => [
                "Enter the prescribed dose in mg/kg/day.",
                "Introduzca la dosis prescrita en mg/kg/día.",
            ],
            ErrorCode::InvalidDose => [
                "The dose must be a number more than 0 mg/kg/day.",
                "La dosis debe ser un número mayor que 0 mg/kg/día.",
            ],
            ErrorCode::AboveMaxDose => [
                "The dose is above the maximum of {max} mg/kg/day.",
                "La dosis supera el máximo de {max} mg/kg/día.",
            ],
            ErrorCode::DoseTooSmall => [
                "The calculated dose is less than {min}, too small to measure with the syringe (less than {volume}); check the weight and the dose.",
                "La dosis calculada es menor que {min}, demasiado pequeña para medirla con la jeringa (menos de {volume}); revise el peso y la dosis.",
            ],
            ErrorCode::InvalidCrcl => [
                "Creatinine clearance must be a number more than 0 and at most {max} mL/min.",
                "El aclaramiento de creatinina debe ser un número mayor que 0 y como máximo {max} mL/min.",
            ],
            ErrorCode::InvalidSplit => [
                "Choose once daily or twice daily.",
                "Elija una vez al día o dos veces al día.",
            ],
            ErrorCode::InvalidAge => [
                "The age must be a number from 0 to {max} years.",
                "La edad debe ser un número entre 0 y {max} años.",
            ],
            ErrorCode::InvalidEsrd => [
                "Kidney failure / dialysis must be yes or no.",
                "Insuficiencia renal / diálisis debe ser sí o no.",
            ],
            ErrorCode::MissingAge => ["Enter the age.", "Introduzca la edad."],
            ErrorCode::PediatricUseSchwartz => [
                "Cockcroft–Gault is not valid under {age} years; use the bedside Schwartz eGFR.",
                "Cockcroft–Gault no es válida en menores de {age} años; use la TFGe de Schwartz a pie de cama.",
            ],
            ErrorCode::MissingSex => ["Choose female or male.", "Elija femenino o masculino."],
            ErrorCode::InvalidSex => [
                "Sex must be female or male.",
                "El sexo debe ser femenino o masculino.",
            ],
            ErrorCode::MissingCreatinine => ["Enter the serum creatinine.", "Introduzca la creatinina sérica."],
            ErrorCode::InvalidCreatinine => [
                "Serum creatinine must be a number more than 0 and at most {max} mg/dL ({max_umol} µmol/L).",
                "La creatinina sérica debe ser un número mayor que 0 y como máximo {max} mg/dL ({max_umol} µmol/L).",
            ],
            ErrorCode::MissingHeight => ["Enter the height.", "Introduzca la estatura."],
            ErrorCode::InvalidHeight => [
                "The height must be a number from {min} to {max} cm.",
                "La estatura debe ser un número entre {min} y {max} cm.",
            ],
        }
    }
}

/// How the shell should style a warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Caution,
    Danger,
}

impl Severity {
    /// "info" | "caution" | "danger".
    pub fn code(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Caution => "caution",
            Severity::Danger => "danger",
        }
    }
}

/// Warning codes (the API `code`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WarningCode {
    RenalEveryOtherDay,
    HospitalOnly,
    NotApprovedUnder18,
    DoseStep,
    BelowSyringeMarks,
    SeveralSyringes,
}

impl WarningCode {
    pub const ALL: [WarningCode; 6] = [
        WarningCode::RenalEveryOtherDay,
        WarningCode::HospitalOnly,
        WarningCode::NotApprovedUnder18,
        WarningCode::DoseStep,
        WarningCode::BelowSyringeMarks,
        WarningCode::SeveralSyringes,
    ];

    pub fn code(self) -> &'static str {
        match self {
            WarningCode::RenalEveryOtherDay => "renal_every_other_day",
            WarningCode::HospitalOnly => "hospital_only",
            WarningCode::NotApprovedUnder18 => "not_approved_under_18",
            WarningCode::DoseStep => "dose_step",
            WarningCode::BelowSyringeMarks => "below_syringe_marks",
            WarningCode::SeveralSyringes => "several_syringes",
        }
    }

    /// hospital_only and off-label use are Danger; renal and a dose below the
    /// syringe's marks Caution; dose_step and several syringes Info.
    pub fn severity(self) -> Severity {
        match self {
            WarningCode::HospitalOnly | WarningCode::NotApprovedUnder18 => Severity::Danger,
            WarningCode::RenalEveryOtherDay | WarningCode::BelowSyringeMarks => Severity::Caution,
            WarningCode::DoseStep | WarningCode::SeveralSyringes => Severity::Info,
        }
    }
}

impl Translate for WarningCode {
    fn texts(self) -> [&'static str; 2] {
        match self {
            WarningCode::RenalEveryOtherDay => [
                "Creatinine clearance below {threshold} mL/min or kidney failure / dialysis: consider giving the dose every other day.",
                "Aclaramiento de creatinina menor de {threshold} mL/min o insuficiencia renal / diálisis: considere administrar la dosis cada dos días.",
            ],
            WarningCode::HospitalOnly => [
                "COVID-19: for use in the hospital only, given by healthcare providers. Not for home injection.",
                "COVID-19: solo para uso en el hospital, administrado por profesionales de la salud. No es para inyección en casa.",
            ],
            WarningCode::NotApprovedUnder18 => [
                "{indication}: not an approved use under {age} years. Check with the prescriber.",
                "{indication}: no es un uso aprobado en menores de {age} años. Consulte con el profesional que lo recetó.",
            ],
            WarningCode::BelowSyringeMarks => [
                "Measuring {dose} from a syringe: this is below its lowest mark ({marks}); the EU syringe is graduated from {marks} to {full}. Ask the provider or pharmacist how to measure it before giving the dose.",
                "Medir {dose} con una jeringa: está por debajo de su marca más baja ({marks}); la jeringa de la UE está graduada de {marks} a {full}. Pregunte al profesional de la salud o al farmacéutico(a) cómo medirlo antes de administrar la dosis.",
            ],
            WarningCode::SeveralSyringes => [
                "Each dose of {dose} needs {count} syringes: {plan}.",
                "Cada dosis de {dose} necesita {count} jeringas: {plan}.",
            ],
            WarningCode::DoseStep => [
                "{rate} mg/kg/day is not a multiple of {step_min} mg/kg; the dose is adjusted in {step_min}–{step_max} mg/kg steps.",
                "{rate} mg/kg/día no es múltiplo de {step_min} mg/kg; la dosis se ajusta en pasos de {step_min}–{step_max} mg/kg.",
            ],
        }
    }
}

impl Translate for Indication {
    fn texts(self) -> [&'static str; 2] {
        match self {
            Indication::Ra => ["Rheumatoid arthritis", "Artritis reumatoide"],
            Indication::Nomid => ["NOMID", "NOMID"],
            Indication::Dira => ["DIRA", "DIRA"],
            Indication::Covid19 => ["COVID-19", "COVID-19"],
        }
    }
}

/// Frequencies, always spelled out (ISMP: never qd, BID, QOD).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Freq {
    OnceDaily,
    TwiceDaily,
    EveryOtherDay,
    TwiceDailyEveryOtherDay,
}

impl Freq {
    pub const ALL: [Freq; 4] = [Freq::OnceDaily, Freq::TwiceDaily, Freq::EveryOtherDay, Freq::TwiceDailyEveryOtherDay];
}

impl Translate for Freq {
    fn texts(self) -> [&'static str; 2] {
        match self {
            Freq::OnceDaily => ["once daily", "una vez al día"],
            Freq::TwiceDaily => ["twice daily", "dos veces al día"],
            Freq::EveryOtherDay => ["every other day", "cada dos días"],
            Freq::TwiceDailyEveryOtherDay => ["twice daily, every other day", "dos veces al día, cada dos días"],
        }
    }
}

/// The one-sentence instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Instruction {
    Plain,
    Course,
    CourseWithDoses,
}

impl Instruction {
    pub const ALL: [Instruction; 3] = [Instruction::Plain, Instruction::Course, Instruction::CourseWithDoses];
}

impl Translate for Instruction {
    fn texts(self) -> [&'static str; 2] {
        match self {
            Instruction::Plain => ["{dose} ({volume}) under the skin {frequency}", "{dose} ({volume}) debajo de la piel {frequency}"],
            Instruction::Course => [
                "{dose} ({volume}) under the skin {frequency} for {days} days",
                "{dose} ({volume}) debajo de la piel {frequency} durante {days} días",
            ],
            Instruction::CourseWithDoses => [
                "{dose} ({volume}) under the skin {frequency} for {days} days ({doses} doses)",
                "{dose} ({volume}) debajo de la piel {frequency} durante {days} días ({doses} dosis)",
            ],
        }
    }
}

/// "Show your work" steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepMsg {
    WeightFromLb,
    WeightKg,
    RuleFixed,
    RuleFixedCourse,
    RulePerKg,
    DailyDoseExact,
    DailyDoseRoundedDown,
    CapOk,
    OnceDaily,
    TwiceDaily,
    RenalBelow,
    RenalEsrd,
    RenalOk,
    RenalBelowEgfr,
    RenalOkEgfr,
    RenalUnknown,
    CourseDoses,
    Volume,
    Syringes,
}

impl StepMsg {
    pub const ALL: [StepMsg; 19] = [
        StepMsg::WeightFromLb,
        StepMsg::WeightKg,
        StepMsg::RuleFixed,
        StepMsg::RuleFixedCourse,
        StepMsg::RulePerKg,
        StepMsg::DailyDoseExact,
        StepMsg::DailyDoseRoundedDown,
        StepMsg::CapOk,
        StepMsg::OnceDaily,
        StepMsg::TwiceDaily,
        StepMsg::RenalBelow,
        StepMsg::RenalEsrd,
        StepMsg::RenalOk,
        StepMsg::RenalBelowEgfr,
        StepMsg::RenalOkEgfr,
        StepMsg::RenalUnknown,
        StepMsg::CourseDoses,
        StepMsg::Volume,
        StepMsg::Syringes,
    ];
}

impl Translate for StepMsg {
    fn texts(self) -> [&'static str; 2] {
        match self {
            StepMsg::WeightFromLb => [
                "Weight: {lb} lb × {factor} kg/lb = {kg} (rounded down to 0.01 kg)",
                "Peso: {lb} lb × {factor} kg/lb = {kg} (redondeado a la baja a 0,01 kg)",
            ],
            StepMsg::WeightKg => ["Weight used: {kg} (rounded down to 0.01 kg)", "Peso utilizado: {kg} (redondeado a la baja a 0,01 kg)"],
            StepMsg::RuleFixed => [
                "{indication}: fixed dose of {dose} {frequency}, not based on weight.",
                "{indication}: dosis fija de {dose} {frequency}, no basada en el peso.",
            ],
            StepMsg::RuleFixedCourse => [
                "{indication}: fixed dose of {dose} {frequency} for {days} days, not based on weight.",
                "{indication}: dosis fija de {dose} {frequency} durante {days} días, no basada en el peso.",
            ],
            StepMsg::RulePerKg => [
                "{indication}: dose in mg/kg/day, adjusted in {step_min}–{step_max} mg/kg steps, maximum {max} mg/kg/day.",
                "{indication}: dosis en mg/kg/día, ajustada en pasos de {step_min}–{step_max} mg/kg, máximo {max} mg/kg/día.",
            ],
            StepMsg::DailyDoseExact => [
                "Daily dose: {rate} mg/kg/day × {kg} = {daily}",
                "Dosis diaria: {rate} mg/kg/día × {kg} = {daily}",
            ],
            StepMsg::DailyDoseRoundedDown => [
                "Daily dose: {rate} mg/kg/day × {kg} = {exact}, rounded down to {resolution}: {daily}",
                "Dosis diaria: {rate} mg/kg/día × {kg} = {exact}, redondeada hacia abajo a {resolution}: {daily}",
            ],
            StepMsg::CapOk => [
                "{rate} mg/kg/day is not above the maximum of {max} mg/kg/day.",
                "{rate} mg/kg/día no supera el máximo de {max} mg/kg/día.",
            ],
            StepMsg::OnceDaily => [
                "Once daily: the whole daily dose, {dose}, at one time.",
                "Una vez al día: toda la dosis diaria, {dose}, de una sola vez.",
            ],
            StepMsg::TwiceDaily => [
                "Twice daily: {daily} ÷ 2 = {dose} each time (rounded down to {resolution}).",
                "Dos veces al día: {daily} ÷ 2 = {dose} cada vez (redondeada hacia abajo a {resolution}).",
            ],
            StepMsg::RenalBelow => [
                "Creatinine clearance {crcl} mL/min is below {threshold} mL/min: every other day, same dose each time.",
                "Aclaramiento de creatinina de {crcl} mL/min, menor de {threshold} mL/min: cada dos días, misma dosis cada vez.",
            ],
            StepMsg::RenalEsrd => [
                "Kidney failure / dialysis: every other day, same dose each time.",
                "Insuficiencia renal / diálisis: cada dos días, misma dosis cada vez.",
            ],
            StepMsg::RenalOk => [
                "Creatinine clearance {crcl} mL/min is {threshold} mL/min or more: no change to the schedule.",
                "Aclaramiento de creatinina de {crcl} mL/min, de {threshold} mL/min o más: sin cambios en la pauta.",
            ],
            StepMsg::RenalBelowEgfr => [
                "Estimated GFR (bedside Schwartz) {crcl} mL/min/1.73 m² is below {threshold}: every other day, same dose each time.",
                "FG estimado (Schwartz a pie de cama) de {crcl} mL/min/1,73 m², menor de {threshold}: cada dos días, misma dosis cada vez.",
            ],
            StepMsg::RenalOkEgfr => [
                "Estimated GFR (bedside Schwartz) {crcl} mL/min/1.73 m² is {threshold} or more: no change to the schedule.",
                "FG estimado (Schwartz a pie de cama) de {crcl} mL/min/1,73 m², de {threshold} o más: sin cambios en la pauta.",
            ],
            StepMsg::RenalUnknown => [
                "No creatinine clearance or dialysis entered: usual schedule. Below {threshold} mL/min or with dialysis, the dose is given every other day.",
                "No se indicó aclaramiento de creatinina ni diálisis: pauta habitual. Con menos de {threshold} mL/min o con diálisis, la dosis se da cada dos días.",
            ],
            StepMsg::CourseDoses => [
                "{frequency} for {days} days: {doses} doses in total.",
                "{frequency} durante {days} días: {doses} dosis en total.",
            ],
            StepMsg::Volume => [
                "Volume: {dose} × {syringe_ml} / {syringe_mg} = {volume}",
                "Volumen: {dose} × {syringe_ml} / {syringe_mg} = {volume}",
            ],
            StepMsg::Syringes => [
                "Prefilled syringes per dose: {count} (single use, {syringe_mg} each); discard {discard}.",
                "Jeringas precargadas por dosis: {count} (de un solo uso, {syringe_mg} cada una); deseche {discard}.",
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;
    use crate::core::units::NumberError;

    /// The `{placeholder}` names of a template, sorted and deduplicated.
    pub(crate) fn placeholders(t: &str) -> Vec<&str> {
        let mut out = crate::core::i18n::placeholders(t);
        out.dedup();
        out
    }

    fn same_placeholders<T: Translate + std::fmt::Debug>(all: &[T]) {
        for &v in all {
            let [en, es] = v.texts();
            assert!(!en.is_empty() && !es.is_empty(), "{v:?} has an empty text");
            assert_ne!(en, es, "{v:?}: Spanish text is a copy of the English one");
            assert_eq!(placeholders(en), placeholders(es), "{v:?}: en/es placeholders differ");
        }
    }

    #[test]
    fn every_template_has_same_placeholders_in_en_and_es() {
        same_placeholders(&ErrorCode::ALL);
        same_placeholders(&WarningCode::ALL);
        same_placeholders(&Freq::ALL);
        same_placeholders(&Instruction::ALL);
        same_placeholders(&StepMsg::ALL);
        same_placeholders(&NumberError::ALL);
        for ind in Indication::ALL {
            let [en, es] = ind.texts();
            assert!(placeholders(en).is_empty() && placeholders(es).is_empty());
        }
    }

    #[test]
    fn frequencies_spelled_out__ismp() {
        for f in Freq::ALL {
            for t in f.texts() {
                let lower = t.to_ascii_lowercase();
                for abbr in ["qd", "bid", "qod", "q.d", "b.i.d", "tid"] {
                    assert!(!lower.split(|c: char| !c.is_ascii_alphanumeric() && c != '.').any(|w| w == abbr), "{t}");
                }
            }
        }
        assert_eq!(Freq::EveryOtherDay.texts(), ["every other day", "cada dos días"]);
    }

    #[test]
    fn codes_are_unique_snake_case() {
        let mut codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
        codes.extend(WarningCode::ALL.iter().map(|c| c.code()));
        for c in &codes {
            assert!(c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit()), "{c}");
        }
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n);
    }

    #[test]
    fn warning_severities() {
        assert_eq!(WarningCode::HospitalOnly.severity(), Severity::Danger);
        assert_eq!(WarningCode::NotApprovedUnder18.severity(), Severity::Danger);
        assert_eq!(WarningCode::RenalEveryOtherDay.severity(), Severity::Caution);
        assert_eq!(WarningCode::DoseStep.severity(), Severity::Info);
        assert_eq!(Severity::Caution.code(), "caution");
    }
}
