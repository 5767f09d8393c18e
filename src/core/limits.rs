//! The calculators' error codes, field names and input-sanity bounds: a leaf
//! module that the dose calculator (`core::dose`) and the kidney estimates
//! (`core::renal`) both use, so that neither imports the other.

use crate::core::format::{fmt_kg, fmt_ml, fmt_number};
use crate::core::i18n::{fill, Lang, Translate};
use crate::core::units::{MAX_MG_PER_KG_PER_DAY, WEIGHT_SANITY_MAX_KG};

/// Input-sanity bound on an entered creatinine clearance (not a clinical
/// limit): above this the value is taken to be a typing error.
pub const CRCL_SANITY_MAX_ML_MIN: f64 = 1000.0;
/// Input-sanity bound on age in years (not a clinical limit).
pub const AGE_SANITY_MAX_YEARS: f64 = 120.0;
/// Input-sanity bound: serum creatinine above this (mg/dL) is taken as a typo.
pub const SCR_SANITY_MAX_MG_DL: f64 = 20.0;
/// Input-sanity bounds on height (cm).
pub const HEIGHT_SANITY_MIN_CM: f64 = 30.0;
pub const HEIGHT_SANITY_MAX_CM: f64 = 250.0;
/// µmol/L per mg/dL of creatinine (RENAL-UNITS).
pub const UMOL_L_PER_MG_DL: f64 = 88.4;
/// Cockcroft–Gault is for adults; the bedside Schwartz eGFR for children
/// under this age (RENAL-CG, RENAL-SCHWARTZ).
pub const ADULT_AGE_YEARS: f64 = 18.0;
/// Volumes are shown to 0.01 mL (PROD-SYR).
pub const VOLUME_RESOLUTION_ML: f64 = 0.01;

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
    pub const RENAL_SCHEDULE: &str = "renalSchedule";
    pub const REGION: &str = "region";
}

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
    InvalidRenalSchedule,
    InvalidRegion,
    AdultUseCockcroftGault,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 23] = [
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
        ErrorCode::InvalidRenalSchedule,
        ErrorCode::InvalidRegion,
        ErrorCode::AdultUseCockcroftGault,
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
            ErrorCode::InvalidRenalSchedule => "invalid_renal_schedule",
            ErrorCode::InvalidRegion => "invalid_region",
            ErrorCode::AdultUseCockcroftGault => "adult_use_cockcroft_gault",
        }
    }
}

impl Translate for ErrorCode {
    crate::text_slots!(ErrorCode);
    fn en(self) -> &'static str {
        match self {
            ErrorCode::InvalidRequest => "The request must be an object.",
            ErrorCode::UnknownIndication => "Choose an indication: rheumatoid arthritis, NOMID, DIRA, CAPS, familial Mediterranean fever, Still's disease or COVID-19.",
            ErrorCode::MissingWeight => "Enter the weight.",
            ErrorCode::InvalidWeight => "The weight must be a number more than 0 and at most {max}.",
            ErrorCode::MissingDose => "Enter the prescribed dose in mg/kg/day.",
            ErrorCode::InvalidDose => "The dose must be a number more than 0 mg/kg/day.",
            ErrorCode::AboveMaxDose => "The dose is above the maximum of {max} mg/kg/day.",
            ErrorCode::DoseTooSmall => "This dose is too small to show as a volume in mL (under {volume}): check the prescribed mg/kg/day.",
            ErrorCode::InvalidCrcl => "Creatinine clearance must be a number more than 0 and at most {max} mL/min.",
            ErrorCode::InvalidSplit => "Choose once daily or twice daily.",
            ErrorCode::InvalidAge => "The age must be a number from 0 to {max} years.",
            ErrorCode::InvalidEsrd => "End-stage kidney disease / dialysis must be yes or no.",
            ErrorCode::MissingAge => "Enter the age.",
            ErrorCode::PediatricUseSchwartz => "Cockcroft–Gault is not valid under {age} years; use the bedside Schwartz eGFR.",
            ErrorCode::MissingSex => "Choose female or male.",
            ErrorCode::InvalidSex => "Sex must be female or male.",
            ErrorCode::MissingCreatinine => "Enter the serum creatinine.",
            ErrorCode::InvalidCreatinine => "Serum creatinine must be a number more than 0 and at most {max} mg/dL ({max_umol} µmol/L).",
            ErrorCode::MissingHeight => "Enter the height.",
            ErrorCode::InvalidHeight => "The height must be a number from {min} to {max} cm.",
            ErrorCode::InvalidRenalSchedule => "The schedule must be \"daily\" or \"every-other-day\".",
            ErrorCode::InvalidRegion => "The region must be \"us\" or \"eu\".",
            ErrorCode::AdultUseCockcroftGault => "The bedside Schwartz eGFR is for children: from {age} years, use Cockcroft–Gault.",
        }
    }

    fn es(self) -> &'static str {
        match self {
            ErrorCode::InvalidRequest => "La solicitud debe ser un objeto.",
            ErrorCode::UnknownIndication => "Elija una indicación: artritis reumatoide, NOMID, DIRA, CAPS, fiebre mediterránea familiar, enfermedad de Still o COVID-19.",
            ErrorCode::MissingWeight => "Introduzca el peso.",
            ErrorCode::InvalidWeight => "El peso debe ser un número mayor que 0 y como máximo {max}.",
            ErrorCode::MissingDose => "Introduzca la dosis prescrita en mg/kg/día.",
            ErrorCode::InvalidDose => "La dosis debe ser un número mayor que 0 mg/kg/día.",
            ErrorCode::AboveMaxDose => "La dosis supera el máximo de {max} mg/kg/día.",
            ErrorCode::DoseTooSmall => "Esta dosis es demasiado pequeña para mostrarla como volumen en mL (menos de {volume}): revise la dosis recetada en mg/kg/día.",
            ErrorCode::InvalidCrcl => "El aclaramiento de creatinina debe ser un número mayor que 0 y como máximo {max} mL/min.",
            ErrorCode::InvalidSplit => "Elija una vez al día o dos veces al día.",
            ErrorCode::InvalidAge => "La edad debe ser un número entre 0 y {max} años.",
            ErrorCode::InvalidEsrd => "Enfermedad renal terminal / diálisis debe ser sí o no.",
            ErrorCode::MissingAge => "Introduzca la edad.",
            ErrorCode::PediatricUseSchwartz => "Cockcroft–Gault no es válida en menores de {age} años; use la TFGe de Schwartz a pie de cama.",
            ErrorCode::MissingSex => "Elija femenino o masculino.",
            ErrorCode::InvalidSex => "El sexo debe ser femenino o masculino.",
            ErrorCode::MissingCreatinine => "Introduzca la creatinina sérica.",
            ErrorCode::InvalidCreatinine => "La creatinina sérica debe ser un número mayor que 0 y como máximo {max} mg/dL ({max_umol} µmol/L).",
            ErrorCode::MissingHeight => "Introduzca la estatura.",
            ErrorCode::InvalidHeight => "La estatura debe ser un número entre {min} y {max} cm.",
            ErrorCode::InvalidRenalSchedule => "La pauta debe ser \"daily\" (diaria) o \"every-other-day\" (en días alternos).",
            ErrorCode::InvalidRegion => "La región debe ser \"us\" o \"eu\".",
            ErrorCode::AdultUseCockcroftGault => "La TFGe de Schwartz a pie de cama es para niños: a partir de {age} años, use Cockcroft–Gault.",
        }
    }
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
        ErrorCode::DoseTooSmall => fill(t, &[("volume", &fmt_ml(VOLUME_RESOLUTION_ML, lang))]),
        ErrorCode::InvalidCrcl => fill(t, &[("max", &n(CRCL_SANITY_MAX_ML_MIN))]),
        ErrorCode::InvalidAge => fill(t, &[("max", &n(AGE_SANITY_MAX_YEARS))]),
        ErrorCode::PediatricUseSchwartz | ErrorCode::AdultUseCockcroftGault => {
            fill(t, &[("age", &n(ADULT_AGE_YEARS))])
        }
        ErrorCode::InvalidCreatinine => fill(
            t,
            &[("max", &n(SCR_SANITY_MAX_MG_DL)), ("max_umol", &n(SCR_SANITY_MAX_MG_DL * UMOL_L_PER_MG_DL))],
        ),
        ErrorCode::InvalidHeight => fill(t, &[("min", &n(HEIGHT_SANITY_MIN_CM)), ("max", &n(HEIGHT_SANITY_MAX_CM))]),
        _ => t.to_string(),
    }
}
