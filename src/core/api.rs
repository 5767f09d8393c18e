//! The headless JavaScript API contract. The browser shell reads the fields of
//! a JS object into [`ApiValue`]s and serializes the results (camelCase, `None`
//! fields left out). Numbers are never coerced from strings, `null` counts as
//! missing, unknown fields are ignored, and every field error is reported at
//! once. When `ok` is false no numeric result field is present.
//!
//! `calculateDose` request: `indication` ("ra" | "nomid" | "dira" |
//! "covid19" | "caps" | "fmf" | "stills"), `region` ("us" | "eu", default
//! us), `weightKg` | `weightLb` (`weightKg` wins if both), `mgPerKgPerDay`,
//! `split` ("once" | "twice", default once), `crClMlMin`, `esrd` (boolean),
//! `renalSchedule` ("daily" | "every-other-day"; used and checked only when
//! the kidney rule applies, RENAL-EOD), `ageYears` (may be fractional),
//! `lang` ("en" | "es"). README "Headless JS API" is the user's reference.
//!
//! Error codes, by function:
//! - all: `invalid_request` (field "": the argument is not an object).
//! - `calculate_dose`: `unknown_indication`, `missing_weight`,
//!   `invalid_weight`, `missing_dose`, `invalid_dose`, `above_max_dose`,
//!   `dose_too_small` (volume rounds to 0 mL; field "mgPerKgPerDay"),
//!   `invalid_split`, `invalid_crcl`, `invalid_age`, `invalid_esrd`,
//!   `invalid_region`, `invalid_renal_schedule`.
//! - `estimate_crcl` (`ageYears`, `sex`, `weightKg`, `serumCreatinineMgDl` |
//!   `serumCreatinineUmolL`): `missing_age`, `invalid_age`,
//!   `pediatric_use_schwartz` (age < 18), `missing_sex`, `invalid_sex`,
//!   `missing_weight`, `invalid_weight`, `missing_creatinine` (field
//!   "serumCreatinineMgDl"), `invalid_creatinine`.
//! - `estimate_egfr_schwartz` (`heightCm`, `serumCreatinineMgDl` |
//!   `serumCreatinineUmolL`, optional `ageYears`): `missing_height`,
//!   `invalid_height`, `missing_creatinine`, `invalid_creatinine`,
//!   `invalid_age`, `adult_use_cockcroft_gault` (age ≥ 18).
//!
//! Warnings (`calculate_dose`) carry `code`, `severity` ("info" | "caution" |
//! "danger"), `message`, `source` and `factId` (the clinical fact ID); see
//! `dose::WarningCode` for the codes.

use serde::Serialize;

use crate::core::attrs::Region;
use crate::core::dose::{self, field, DoseInput, DosePlan, ErrorCode, FieldError, Indication, RenalSchedule, Split, WeightInput};
use crate::core::i18n::Lang;
use crate::core::renal::{self, CgInput, Creatinine, SchwartzInput, Sex};

/// A JS value as the shell saw it.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiValue {
    /// The property is absent (`undefined`).
    Missing,
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    /// Object, array, function, symbol, bigint…
    Other,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiError {
    pub field: &'static str,
    pub code: &'static str,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiWarning {
    pub code: &'static str,
    pub message: String,
    pub severity: &'static str,
    pub source: String,
    /// The clinical fact ID, e.g. "RENAL-EOD".
    pub fact_id: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiStep {
    pub text: String,
    pub source: String,
    pub fact_id: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ApiSyringe {
    pub mg: f64,
    pub ml: f64,
}

#[derive(Clone, Debug, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DoseResult {
    pub ok: bool,
    pub errors: Vec<ApiError>,
    pub warnings: Vec<ApiWarning>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub daily_dose_mg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dose_mg_per_administration: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub administrations_per_day: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interval_days: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub course_days: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_doses: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume_ml_per_administration: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub syringes_per_administration: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discard_mg_per_administration: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub syringes: Option<Vec<ApiSyringe>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight_kg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instructions: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub steps: Option<Vec<ApiStep>>,
    /// "us" | "eu" (on a computed plan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<&'static str>,
    /// "daily" | "every-other-day": only when the kidney rule applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renal_schedule: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CrClResult {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cr_cl_ml_min: Option<f64>,
    /// Always "cockcroft-gault".
    pub method: &'static str,
    pub errors: Vec<ApiError>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EgfrResult {
    pub ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub egfr: Option<f64>,
    /// Always "bedside-schwartz".
    pub method: &'static str,
    pub errors: Vec<ApiError>,
}

pub const METHOD_CG: &str = "cockcroft-gault";
pub const METHOD_SCHWARTZ: &str = "bedside-schwartz";

fn api_errors(errors: Vec<FieldError>) -> Vec<ApiError> {
    errors.into_iter().map(|e| ApiError { field: e.field, code: e.code.code(), message: e.message }).collect()
}

/// A number field: `None` when missing/null; `Some(NaN)` for a value of the
/// wrong type, so the typed checks report it as invalid with the right field.
fn number(v: ApiValue) -> Option<f64> {
    match v {
        ApiValue::Missing | ApiValue::Null => None,
        ApiValue::Number(n) => Some(n),
        ApiValue::Bool(_) | ApiValue::Text(_) | ApiValue::Other => Some(f64::NAN),
    }
}

fn present(v: &ApiValue) -> bool {
    !matches!(v, ApiValue::Missing | ApiValue::Null)
}

pub fn lang_of(get: &dyn Fn(&str) -> ApiValue) -> Lang {
    match get("lang") {
        ApiValue::Text(s) => Lang::parse(&s).unwrap_or_default(),
        _ => Lang::En,
    }
}

fn creatinine(get: &dyn Fn(&str) -> ApiValue) -> Option<Creatinine> {
    let mg = get(field::SCR_MG_DL);
    if present(&mg) {
        return number(mg).map(Creatinine::MgDl);
    }
    number(get(field::SCR_UMOL_L)).map(Creatinine::UmolL)
}

/// `calculateDose(request)`.
pub fn calculate_dose(is_object: bool, get: &dyn Fn(&str) -> ApiValue) -> DoseResult {
    if !is_object {
        return DoseResult {
            errors: api_errors(vec![FieldError::new(field::REQUEST, ErrorCode::InvalidRequest, Lang::En)]),
            ..DoseResult::default()
        };
    }
    let lang = lang_of(get);
    let mut extra = Vec::new();
    let indication = match get(field::INDICATION) {
        ApiValue::Text(s) => Indication::parse(&s),
        _ => None,
    };
    let kg = get(field::WEIGHT_KG);
    let weight = if present(&kg) {
        number(kg).map(WeightInput::Kg)
    } else {
        number(get(field::WEIGHT_LB)).map(WeightInput::Lb)
    };
    let split = match get(field::SPLIT) {
        ApiValue::Missing | ApiValue::Null => Split::Once,
        ApiValue::Text(s) => Split::parse(&s).unwrap_or_else(|| {
            extra.push(FieldError::new(field::SPLIT, ErrorCode::InvalidSplit, lang));
            Split::Once
        }),
        _ => {
            extra.push(FieldError::new(field::SPLIT, ErrorCode::InvalidSplit, lang));
            Split::Once
        }
    };
    // Used, and checked, only when the kidney rule applies (RENAL-EOD).
    let (renal_schedule, bad_schedule) = match get(field::RENAL_SCHEDULE) {
        ApiValue::Missing | ApiValue::Null => (None, false),
        ApiValue::Text(s) if RenalSchedule::parse(&s).is_some() => (RenalSchedule::parse(&s), false),
        _ => (None, true),
    };
    let region = match get(field::REGION) {
        ApiValue::Missing | ApiValue::Null => Region::Us,
        ApiValue::Text(s) if Region::parse(&s).is_some() => Region::parse(&s).unwrap_or_default(),
        _ => {
            extra.push(FieldError::new(field::REGION, ErrorCode::InvalidRegion, lang));
            Region::Us
        }
    };
    let esrd = match get(field::ESRD) {
        ApiValue::Missing | ApiValue::Null => false,
        ApiValue::Bool(b) => b,
        _ => {
            extra.push(FieldError::new(field::ESRD, ErrorCode::InvalidEsrd, lang));
            false
        }
    };
    let crcl = number(get(field::CRCL));
    let kidney_rule = esrd || crcl.is_some_and(|c| c.is_finite() && c > 0.0 && c < dose::rules::RENAL_CRCL_BELOW);
    if bad_schedule && kidney_rule {
        extra.push(FieldError::new(field::RENAL_SCHEDULE, ErrorCode::InvalidRenalSchedule, lang));
    }
    let input = DoseInput {
        indication,
        weight,
        mg_per_kg_per_day: number(get(field::MG_PER_KG_PER_DAY)),
        split,
        crcl_ml_min: crcl,
        crcl_is_schwartz_egfr: false,
        esrd,
        age_years: number(get(field::AGE)),
        renal_schedule,
        region,
    };
    let result = dose::calculate(&input, lang);
    let plan = match result {
        Ok(plan) if extra.is_empty() => plan,
        Ok(_) => return DoseResult { errors: api_errors(extra), ..DoseResult::default() },
        Err(mut errors) => {
            errors.extend(extra);
            return DoseResult { errors: api_errors(errors), ..DoseResult::default() };
        }
    };
    plan_result(plan)
}

/// The API shape of a computed plan: what `calculateDose` returns and what the
/// calculator view sends in its `kineret:dose` event.
pub fn plan_result(plan: DosePlan) -> DoseResult {
    DoseResult {
        ok: true,
        errors: Vec::new(),
        warnings: plan
            .warnings
            .into_iter()
            .map(|w| ApiWarning {
                code: w.code.code(),
                message: w.message,
                severity: w.severity.code(),
                source: w.source,
                fact_id: w.fact.id(),
            })
            .collect(),
        daily_dose_mg: Some(plan.daily_dose.value()),
        dose_mg_per_administration: Some(plan.dose_per_administration.value()),
        administrations_per_day: Some(plan.administrations_per_day),
        interval_days: Some(plan.interval_days),
        course_days: plan.course_days,
        total_doses: plan.total_doses,
        volume_ml_per_administration: Some(plan.volume_per_administration.value()),
        syringes_per_administration: Some(plan.syringes_per_administration),
        discard_mg_per_administration: Some(plan.discard_per_administration.value()),
        syringes: Some(plan.syringes.iter().map(|s| ApiSyringe { mg: s.dose.value(), ml: s.volume.value() }).collect()),
        weight_kg: plan.weight.map(|w| w.value()),
        instructions: Some(plan.instructions),
        steps: Some(plan.steps.into_iter().map(|s| ApiStep { text: s.text, source: s.source, fact_id: s.fact.id() }).collect()),
        region: Some(plan.region.code()),
        renal_schedule: plan.renal_schedule.map(RenalSchedule::code),
    }
}

/// `estimateCrCl(request)`: Cockcroft–Gault.
pub fn estimate_crcl(is_object: bool, get: &dyn Fn(&str) -> ApiValue) -> CrClResult {
    let fail = |errors| CrClResult { ok: false, cr_cl_ml_min: None, method: METHOD_CG, errors };
    if !is_object {
        return fail(api_errors(vec![FieldError::new(field::REQUEST, ErrorCode::InvalidRequest, Lang::En)]));
    }
    let lang = lang_of(get);
    let mut extra = Vec::new();
    let sex = match get(field::SEX) {
        ApiValue::Missing | ApiValue::Null => None,
        ApiValue::Text(s) if Sex::parse(&s).is_some() => Sex::parse(&s),
        _ => {
            extra.push(FieldError::new(field::SEX, ErrorCode::InvalidSex, lang));
            // Any value keeps the typed check from also reporting it missing.
            Some(Sex::Male)
        }
    };
    let input = CgInput {
        age_years: number(get(field::AGE)),
        sex,
        weight_kg: number(get(field::WEIGHT_KG)),
        creatinine: creatinine(get),
    };
    match renal::cockcroft_gault(&input, lang) {
        Ok(v) if extra.is_empty() => CrClResult { ok: true, cr_cl_ml_min: Some(v), method: METHOD_CG, errors: Vec::new() },
        Ok(_) => fail(api_errors(extra)),
        Err(mut errors) => {
            // Keep the request's field order: sex comes after age.
            let at = errors.iter().take_while(|e| e.field == field::AGE).count();
            for (i, e) in extra.into_iter().enumerate() {
                errors.insert(at + i, e);
            }
            fail(api_errors(errors))
        }
    }
}

/// `estimateEgfrSchwartz(request)`: bedside Schwartz.
pub fn estimate_egfr_schwartz(is_object: bool, get: &dyn Fn(&str) -> ApiValue) -> EgfrResult {
    let fail = |errors| EgfrResult { ok: false, egfr: None, method: METHOD_SCHWARTZ, errors };
    if !is_object {
        return fail(api_errors(vec![FieldError::new(field::REQUEST, ErrorCode::InvalidRequest, Lang::En)]));
    }
    let lang = lang_of(get);
    let input = SchwartzInput {
        height_cm: number(get(field::HEIGHT)),
        creatinine: creatinine(get),
        age_years: number(get(field::AGE)),
    };
    match renal::bedside_schwartz(&input, lang) {
        Ok(v) => EgfrResult { ok: true, egfr: Some(v), method: METHOD_SCHWARTZ, errors: Vec::new() },
        Err(errors) => fail(api_errors(errors)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(non_snake_case)]
    use super::*;
    use std::collections::HashMap;

    /// Minimal serializer that records the top-level struct keys serde emits
    /// (no serde_json in this crate): checks camelCase names and that `None`
    /// fields are skipped.
    mod keys {
        use serde::ser::{self, Impossible, Serialize};
        use std::fmt;

        #[derive(Debug)]
        pub struct E;
        impl fmt::Display for E {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("unsupported")
            }
        }
        impl std::error::Error for E {}
        impl ser::Error for E {
            fn custom<T: fmt::Display>(_: T) -> Self {
                E
            }
        }

        pub struct Keys(pub Vec<&'static str>);
        impl ser::SerializeStruct for Keys {
            type Ok = Vec<&'static str>;
            type Error = E;
            fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, _: &T) -> Result<(), E> {
                self.0.push(key);
                Ok(())
            }
            fn end(self) -> Result<Self::Ok, E> {
                Ok(self.0)
            }
        }

        pub struct S;
        type R = Result<Vec<&'static str>, E>;
        type I = Impossible<Vec<&'static str>, E>;
        impl ser::Serializer for S {
            type Ok = Vec<&'static str>;
            type Error = E;
            type SerializeSeq = I;
            type SerializeTuple = I;
            type SerializeTupleStruct = I;
            type SerializeTupleVariant = I;
            type SerializeMap = I;
            type SerializeStruct = Keys;
            type SerializeStructVariant = I;
            fn serialize_struct(self, _: &'static str, _: usize) -> Result<Keys, E> {
                Ok(Keys(Vec::new()))
            }
            fn serialize_bool(self, _: bool) -> R { Err(E) }
            fn serialize_i8(self, _: i8) -> R { Err(E) }
            fn serialize_i16(self, _: i16) -> R { Err(E) }
            fn serialize_i32(self, _: i32) -> R { Err(E) }
            fn serialize_i64(self, _: i64) -> R { Err(E) }
            fn serialize_u8(self, _: u8) -> R { Err(E) }
            fn serialize_u16(self, _: u16) -> R { Err(E) }
            fn serialize_u32(self, _: u32) -> R { Err(E) }
            fn serialize_u64(self, _: u64) -> R { Err(E) }
            fn serialize_f32(self, _: f32) -> R { Err(E) }
            fn serialize_f64(self, _: f64) -> R { Err(E) }
            fn serialize_char(self, _: char) -> R { Err(E) }
            fn serialize_str(self, _: &str) -> R { Err(E) }
            fn serialize_bytes(self, _: &[u8]) -> R { Err(E) }
            fn serialize_none(self) -> R { Err(E) }
            fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> R { Err(E) }
            fn serialize_unit(self) -> R { Err(E) }
            fn serialize_unit_struct(self, _: &'static str) -> R { Err(E) }
            fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R { Err(E) }
            fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _: &'static str, _: &T) -> R { Err(E) }
            fn serialize_newtype_variant<T: ?Sized + Serialize>(self, _: &'static str, _: u32, _: &'static str, _: &T) -> R { Err(E) }
            fn serialize_seq(self, _: Option<usize>) -> Result<I, E> { Err(E) }
            fn serialize_tuple(self, _: usize) -> Result<I, E> { Err(E) }
            fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<I, E> { Err(E) }
            fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<I, E> { Err(E) }
            fn serialize_map(self, _: Option<usize>) -> Result<I, E> { Err(E) }
            fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<I, E> { Err(E) }
        }
    }

    fn keys_of<T: Serialize>(v: &T) -> Vec<&'static str> {
        v.serialize(keys::S).unwrap_or_default()
    }

    const NUMERIC_KEYS: [&str; 11] = [
        "dailyDoseMg",
        "doseMgPerAdministration",
        "administrationsPerDay",
        "intervalDays",
        "courseDays",
        "totalDoses",
        "volumeMlPerAdministration",
        "syringesPerAdministration",
        "discardMgPerAdministration",
        "syringes",
        "weightKg",
    ];

    fn req(pairs: &[(&str, ApiValue)]) -> impl Fn(&str) -> ApiValue {
        let map: HashMap<String, ApiValue> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        move |k: &str| map.get(k).cloned().unwrap_or(ApiValue::Missing)
    }

    fn text(s: &str) -> ApiValue {
        ApiValue::Text(s.to_string())
    }

    fn dose(pairs: &[(&str, ApiValue)]) -> DoseResult {
        calculate_dose(true, &req(pairs))
    }

    fn codes(r: &DoseResult) -> Vec<(&'static str, &'static str)> {
        r.errors.iter().map(|e| (e.field, e.code)).collect()
    }

    fn assert_no_numbers(r: &DoseResult) {
        assert!(!r.ok);
        let k = keys_of(r);
        for n in NUMERIC_KEYS.iter().chain(["instructions", "steps"].iter()) {
            assert!(!k.contains(n), "{n} present on an error result: {k:?}");
        }
        assert_eq!(k, vec!["ok", "errors", "warnings"]);
    }

    #[test]
    fn not_an_object_is_invalid_request() {
        let r = calculate_dose(false, &|_: &str| ApiValue::Missing);
        assert_eq!(codes(&r), vec![("", "invalid_request")]);
        assert_no_numbers(&r);
        let c = estimate_crcl(false, &|_: &str| ApiValue::Missing);
        assert_eq!((c.ok, c.errors[0].code, c.errors[0].field, c.method), (false, "invalid_request", "", "cockcroft-gault"));
        assert_eq!(keys_of(&c), vec!["ok", "method", "errors"]);
        let e = estimate_egfr_schwartz(false, &|_: &str| ApiValue::Missing);
        assert_eq!((e.ok, e.errors[0].code, e.method), (false, "invalid_request", "bedside-schwartz"));
    }

    #[test]
    fn ok_result_has_camel_case_fields__us_pi_2_2() {
        let r = dose(&[
            ("indication", text("nomid")),
            ("weightLb", ApiValue::Number(44.0)),
            ("mgPerKgPerDay", ApiValue::Number(8.0)),
            ("split", text("twice")),
        ]);
        assert!(r.ok, "{:?}", r.errors);
        assert_eq!(r.weight_kg, Some(19.95));
        assert_eq!(r.daily_dose_mg, Some(159.6));
        assert_eq!(r.dose_mg_per_administration, Some(79.8));
        assert_eq!(r.administrations_per_day, Some(2));
        assert_eq!(r.interval_days, Some(1));
        assert_eq!(r.volume_ml_per_administration, Some(0.53)); // 79.8 × 0.0067 = 0.53466
        assert_eq!(r.syringes_per_administration, Some(1));
        assert_eq!(r.discard_mg_per_administration, Some(20.2));
        assert_eq!(r.syringes, Some(vec![ApiSyringe { mg: 79.8, ml: 0.53 }]));
        assert_eq!(r.instructions.as_deref(), Some("79.8 mg (0.53 mL) under the skin twice daily"));
        assert_eq!(
            keys_of(&r),
            vec![
                "ok",
                "errors",
                "warnings",
                "dailyDoseMg",
                "doseMgPerAdministration",
                "administrationsPerDay",
                "intervalDays",
                "volumeMlPerAdministration",
                "syringesPerAdministration",
                "discardMgPerAdministration",
                "syringes",
                "weightKg",
                "instructions",
                "steps",
                "region",
            ]
        );
        assert_eq!(r.region, Some("us"));
        assert_eq!(keys_of(&r.syringes.clone().unwrap_or_default()[0]), vec!["mg", "ml"]);
        let steps = r.steps.unwrap_or_default();
        assert_eq!(keys_of(&steps[0]), vec!["text", "source", "factId"]);
        assert_eq!(steps[0].fact_id, "ISMP-FORMAT");
        assert_eq!(steps[0].source, "ISMP");
    }

    #[test]
    fn covid_result_has_course__eua() {
        let r = dose(&[("indication", text("covid19")), ("esrd", ApiValue::Bool(true))]);
        assert!(r.ok);
        assert_eq!((r.course_days, r.total_doses, r.interval_days), (Some(10), Some(5), Some(2)));
        assert!(keys_of(&r).contains(&"courseDays") && keys_of(&r).contains(&"totalDoses"));
        assert!(!keys_of(&r).contains(&"weightKg"));
        let w: Vec<(&str, &str)> = r.warnings.iter().map(|w| (w.code, w.severity)).collect();
        assert_eq!(w, vec![("hospital_only", "danger"), ("renal_every_other_day", "caution")]);
        assert_eq!(keys_of(&r.warnings[0]), vec!["code", "message", "severity", "source", "factId"]);
        // DOSE-COVID-HOSP, RENAL-COVID: the fact ID next to the source.
        assert_eq!((r.warnings[0].fact_id, r.warnings[1].fact_id), ("DOSE-COVID-HOSP", "RENAL-COVID"));
        assert_eq!(r.renal_schedule, Some("every-other-day"));
    }

    #[test]
    fn ra_ignores_weight_and_needs_none__us_pi_2_1() {
        let r = dose(&[("indication", text("ra")), ("weightKg", text("heavy"))]);
        assert!(r.ok);
        assert_eq!(r.daily_dose_mg, Some(100.0));
        assert_eq!(r.weight_kg, None);
        assert!(r.course_days.is_none() && r.total_doses.is_none());
        let r = dose(&[("indication", text("ra")), ("ageYears", ApiValue::Number(12.0))]);
        assert!(r.ok);
        assert_eq!(r.warnings[0].code, "not_approved_under_18");
        assert_eq!(r.warnings[0].severity, "danger");
    }

    #[test]
    fn strings_are_never_coerced_to_numbers() {
        let r = dose(&[
            ("indication", text("nomid")),
            ("weightKg", text("70")),
            ("mgPerKgPerDay", text("2")),
            ("crClMlMin", text("50")),
            ("ageYears", text("30")),
        ]);
        assert_eq!(
            codes(&r),
            vec![
                ("weightKg", "invalid_weight"),
                ("mgPerKgPerDay", "invalid_dose"),
                ("crClMlMin", "invalid_crcl"),
                ("ageYears", "invalid_age"),
            ]
        );
        assert_no_numbers(&r);
        let r = dose(&[("indication", text("nomid")), ("weightKg", ApiValue::Bool(true)), ("mgPerKgPerDay", ApiValue::Other)]);
        assert_eq!(codes(&r), vec![("weightKg", "invalid_weight"), ("mgPerKgPerDay", "invalid_dose")]);
    }

    #[test]
    fn null_counts_as_missing() {
        let r = dose(&[
            ("indication", text("dira")),
            ("weightKg", ApiValue::Null),
            ("mgPerKgPerDay", ApiValue::Null),
            ("split", ApiValue::Null),
            ("crClMlMin", ApiValue::Null),
            ("esrd", ApiValue::Null),
            ("ageYears", ApiValue::Null),
        ]);
        assert_eq!(codes(&r), vec![("weightKg", "missing_weight"), ("mgPerKgPerDay", "missing_dose")]);
        let r = dose(&[("indication", ApiValue::Null)]);
        assert_eq!(codes(&r), vec![("indication", "unknown_indication")]);
        // A null weightKg falls back to weightLb.
        let r = dose(&[
            ("indication", text("dira")),
            ("weightKg", ApiValue::Null),
            ("weightLb", ApiValue::Number(44.0)),
            ("mgPerKgPerDay", ApiValue::Number(1.0)),
        ]);
        assert_eq!(r.weight_kg, Some(19.95));
    }

    #[test]
    fn weight_kg_preferred_over_lb() {
        let r = dose(&[
            ("indication", text("nomid")),
            ("weightKg", ApiValue::Number(10.0)),
            ("weightLb", ApiValue::Number(44.0)),
            ("mgPerKgPerDay", ApiValue::Number(2.0)),
        ]);
        assert_eq!((r.weight_kg, r.daily_dose_mg), (Some(10.0), Some(20.0)));
        let r = dose(&[
            ("indication", text("nomid")),
            ("weightKg", ApiValue::Number(-1.0)),
            ("weightLb", ApiValue::Number(44.0)),
            ("mgPerKgPerDay", ApiValue::Number(2.0)),
        ]);
        assert_eq!(codes(&r), vec![("weightKg", "invalid_weight")]);
        let r = dose(&[("indication", text("nomid")), ("weightLb", ApiValue::Number(0.0)), ("mgPerKgPerDay", ApiValue::Number(2.0))]);
        assert_eq!(codes(&r), vec![("weightLb", "invalid_weight")]);
    }

    #[test]
    fn all_errors_at_once() {
        let r = dose(&[
            ("indication", text("gout")),
            ("weightKg", ApiValue::Number(301.0)),
            ("mgPerKgPerDay", ApiValue::Number(10.0)),
            ("split", text("thrice")),
            ("crClMlMin", ApiValue::Number(-1.0)),
            ("esrd", text("yes")),
            ("ageYears", ApiValue::Number(150.0)),
        ]);
        assert_eq!(
            codes(&r),
            vec![
                ("indication", "unknown_indication"),
                ("weightKg", "invalid_weight"),
                ("mgPerKgPerDay", "above_max_dose"),
                ("crClMlMin", "invalid_crcl"),
                ("ageYears", "invalid_age"),
                ("split", "invalid_split"),
                ("esrd", "invalid_esrd"),
            ]
        );
        assert_no_numbers(&r);
        for e in &r.errors {
            assert!(!e.message.is_empty() && !e.message.contains('{'), "{e:?}");
        }
    }

    #[test]
    fn split_and_esrd_type_errors_alone_still_block_the_result() {
        let r = dose(&[("indication", text("ra")), ("split", ApiValue::Number(2.0))]);
        assert_eq!(codes(&r), vec![("split", "invalid_split")]);
        assert_no_numbers(&r);
        let r = dose(&[("indication", text("ra")), ("esrd", ApiValue::Number(1.0))]);
        assert_eq!(codes(&r), vec![("esrd", "invalid_esrd")]);
        assert_no_numbers(&r);
    }

    #[test]
    fn dose_error_codes_through_the_api__us_pi_2_2() {
        let base = |v: ApiValue| dose(&[("indication", text("nomid")), ("weightKg", ApiValue::Number(20.0)), ("mgPerKgPerDay", v)]);
        assert_eq!(codes(&base(ApiValue::Number(8.5))), vec![("mgPerKgPerDay", "above_max_dose")]);
        assert_eq!(codes(&base(ApiValue::Number(0.0))), vec![("mgPerKgPerDay", "invalid_dose")]);
        assert_eq!(codes(&base(ApiValue::Number(f64::NAN))), vec![("mgPerKgPerDay", "invalid_dose")]);
        assert_eq!(codes(&base(ApiValue::Missing)), vec![("mgPerKgPerDay", "missing_dose")]);
        let r = base(ApiValue::Number(2.25));
        assert!(r.ok);
        assert_eq!((r.warnings[0].code, r.warnings[0].severity), ("dose_step", "info"));
        let r = dose(&[("indication", text("nomid")), ("weightKg", ApiValue::Number(0.1)), ("mgPerKgPerDay", ApiValue::Number(0.5))]);
        assert_eq!(codes(&r), vec![("mgPerKgPerDay", "dose_too_small")]);
    }

    #[test]
    fn lang_selects_spanish_and_unknown_falls_back_to_english() {
        let r = dose(&[("indication", text("ra")), ("lang", text("es"))]);
        assert_eq!(r.instructions.as_deref(), Some("100 mg (0,67 mL) debajo de la piel una vez al día"));
        let r = dose(&[("indication", text("ra")), ("lang", text("fr"))]);
        assert_eq!(r.instructions.as_deref(), Some("100 mg (0.67 mL) under the skin once daily"));
        let r = dose(&[("indication", text("ra")), ("lang", ApiValue::Number(1.0))]);
        assert!(r.ok);
        let r = dose(&[("indication", text("x")), ("lang", text("es"))]);
        assert_eq!(
            r.errors[0].message,
            "Elija una indicación: artritis reumatoide, NOMID, DIRA, CAPS, fiebre mediterránea familiar, enfermedad de Still o COVID-19."
        );
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let r = dose(&[("indication", text("ra")), ("foo", ApiValue::Other), ("weightkg", text("x"))]);
        assert!(r.ok);
    }

    #[test]
    fn renal_flag_through_the_api__us_pi_2_4() {
        let r = dose(&[("indication", text("ra")), ("crClMlMin", ApiValue::Number(29.0))]);
        assert_eq!(r.interval_days, Some(2));
        assert_eq!(r.instructions.as_deref(), Some("100 mg (0.67 mL) under the skin every other day"));
        let r = dose(&[("indication", text("ra")), ("crClMlMin", ApiValue::Number(30.0)), ("esrd", ApiValue::Bool(false))]);
        assert_eq!(r.interval_days, Some(1));
    }

    #[test]
    fn renal_schedule_through_the_api__renal_eod_renal_split() {
        let ra = |extra: &[(&str, ApiValue)]| {
            let mut pairs = vec![("indication", text("ra")), ("crClMlMin", ApiValue::Number(20.0))];
            pairs.extend(extra.iter().cloned());
            dose(&pairs)
        };
        // RENAL-EOD: every other day by default, echoed; daily if chosen.
        let r = ra(&[]);
        assert_eq!((r.interval_days, r.renal_schedule), (Some(2), Some("every-other-day")));
        assert_eq!(r.warnings[0].fact_id, "RENAL-EOD");
        let r = ra(&[("renalSchedule", text("daily"))]);
        assert_eq!((r.interval_days, r.renal_schedule, r.administrations_per_day), (Some(1), Some("daily"), Some(1)));
        assert_eq!(r.warnings[0].code, "renal_daily_kept");
        let r = ra(&[("renalSchedule", text("Every-Other-Day"))]);
        assert_eq!(r.interval_days, Some(2));
        for bad in [text("qod"), ApiValue::Number(2.0), ApiValue::Bool(true)] {
            let r = ra(&[("renalSchedule", bad)]);
            assert_eq!(codes(&r), vec![("renalSchedule", "invalid_renal_schedule")]);
            assert_no_numbers(&r);
        }
        // Ignored, with no error and no echo, when the kidney rule does not apply.
        let r = dose(&[("indication", text("ra")), ("crClMlMin", ApiValue::Number(80.0)), ("renalSchedule", text("nonsense"))]);
        assert!(r.ok && r.renal_schedule.is_none() && !keys_of(&r).contains(&"renalSchedule"));
        let r = dose(&[("indication", text("ra")), ("renalSchedule", text("every-other-day"))]);
        assert_eq!((r.interval_days, r.renal_schedule), (Some(1), None));
        // RENAL-SPLIT: twice daily + ESRD keeps twice daily unless chosen.
        let split = |extra: &[(&str, ApiValue)]| {
            let mut pairs = vec![
                ("indication", text("nomid")),
                ("weightKg", ApiValue::Number(20.0)),
                ("mgPerKgPerDay", ApiValue::Number(4.0)),
                ("split", text("twice")),
                ("esrd", ApiValue::Bool(true)),
            ];
            pairs.extend(extra.iter().cloned());
            dose(&pairs)
        };
        let r = split(&[]);
        assert_eq!((r.administrations_per_day, r.interval_days, r.renal_schedule), (Some(2), Some(1), Some("daily")));
        assert_eq!((r.warnings[0].code, r.warnings[0].fact_id), ("renal_split_kept", "RENAL-SPLIT"));
        let r = split(&[("renalSchedule", text("every-other-day"))]);
        assert_eq!((r.administrations_per_day, r.interval_days), (Some(2), Some(2)));
        assert_eq!((r.warnings[0].code, r.warnings[0].severity), ("renal_split_every_other_day", "danger"));
    }

    #[test]
    fn region_and_eu_indications_through_the_api__ind_eu_fmf_dose_fmf_eu() {
        let r = dose(&[
            ("indication", text("fmf")),
            ("region", text("eu")),
            ("weightKg", ApiValue::Number(30.0)),
            ("mgPerKgPerDay", ApiValue::Number(2.0)),
        ]);
        assert!(r.ok, "{:?}", r.errors);
        assert_eq!((r.dose_mg_per_administration, r.region), (Some(60.0), Some("eu")));
        assert!(r.warnings.is_empty());
        let r = dose(&[("indication", text("stills")), ("region", text("EU")), ("weightKg", ApiValue::Number(60.0))]);
        assert_eq!(r.dose_mg_per_administration, Some(100.0));
        let r = dose(&[("indication", text("stills")), ("region", text("eu")), ("weightKg", ApiValue::Number(40.0))]);
        assert_eq!(codes(&r), vec![("mgPerKgPerDay", "missing_dose")]);
        // FMF in the US: computed, with the warning and its fact.
        let r = dose(&[("indication", text("fmf")), ("weightKg", ApiValue::Number(30.0)), ("mgPerKgPerDay", ApiValue::Number(2.0))]);
        assert_eq!((r.warnings[0].code, r.warnings[0].fact_id), ("not_in_region_label", "IND-EU-FMF"));
        // Fractional ageYears: 7 months = 0.58 (DOSE-EU-FLOOR).
        let r = dose(&[
            ("indication", text("caps")),
            ("region", text("eu")),
            ("ageYears", ApiValue::Number(0.58)),
            ("weightKg", ApiValue::Number(12.0)),
            ("mgPerKgPerDay", ApiValue::Number(2.0)),
        ]);
        assert_eq!((r.warnings[0].code, r.warnings[0].fact_id), ("below_eu_minimum", "DOSE-EU-FLOOR"));
        for bad in [text("uk"), ApiValue::Number(1.0), ApiValue::Bool(false)] {
            let r = dose(&[("indication", text("ra")), ("region", bad)]);
            assert_eq!(codes(&r), vec![("region", "invalid_region")]);
            assert_no_numbers(&r);
        }
        let r = dose(&[("indication", text("ra")), ("region", ApiValue::Null)]);
        assert_eq!(r.region, Some("us"));
    }

    #[test]
    fn estimate_crcl_api__us_pi_2_4() {
        let c = estimate_crcl(
            true,
            &req(&[
                ("ageYears", ApiValue::Number(60.0)),
                ("sex", text("male")),
                ("weightKg", ApiValue::Number(72.0)),
                ("serumCreatinineMgDl", ApiValue::Number(1.0)),
            ]),
        );
        assert_eq!((c.ok, c.cr_cl_ml_min, c.method), (true, Some(80.0), "cockcroft-gault"));
        assert_eq!(keys_of(&c), vec!["ok", "crClMlMin", "method", "errors"]);
        let c = estimate_crcl(
            true,
            &req(&[
                ("ageYears", ApiValue::Number(60.0)),
                ("sex", text("female")),
                ("weightKg", ApiValue::Number(72.0)),
                ("serumCreatinineUmolL", ApiValue::Number(88.4)),
            ]),
        );
        assert_eq!(c.cr_cl_ml_min, Some(68.0));
        let c = estimate_crcl(
            true,
            &req(&[
                ("ageYears", ApiValue::Number(12.0)),
                ("sex", text("female")),
                ("weightKg", ApiValue::Number(40.0)),
                ("serumCreatinineMgDl", ApiValue::Number(0.5)),
            ]),
        );
        assert_eq!(c.errors.iter().map(|e| e.code).collect::<Vec<_>>(), vec!["pediatric_use_schwartz"]);
        assert_eq!(c.cr_cl_ml_min, None);
    }

    #[test]
    fn estimate_crcl_all_errors_and_no_coercion() {
        let c = estimate_crcl(
            true,
            &req(&[
                ("ageYears", text("60")),
                ("sex", text("other")),
                ("weightKg", ApiValue::Null),
                ("serumCreatinineMgDl", ApiValue::Number(0.0)),
            ]),
        );
        let got: Vec<(&str, &str)> = c.errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(
            got,
            vec![
                ("ageYears", "invalid_age"),
                ("sex", "invalid_sex"),
                ("weightKg", "missing_weight"),
                ("serumCreatinineMgDl", "invalid_creatinine"),
            ]
        );
        assert_eq!(keys_of(&c), vec!["ok", "method", "errors"]);
        let c = estimate_crcl(true, &req(&[]));
        let got: Vec<&str> = c.errors.iter().map(|e| e.code).collect();
        assert_eq!(got, vec!["missing_age", "missing_sex", "missing_weight", "missing_creatinine"]);
        let c = estimate_crcl(
            true,
            &req(&[
                ("ageYears", ApiValue::Number(60.0)),
                ("sex", ApiValue::Bool(true)),
                ("weightKg", ApiValue::Number(72.0)),
                ("serumCreatinineMgDl", ApiValue::Number(1.0)),
            ]),
        );
        assert_eq!((c.ok, c.errors[0].code, c.cr_cl_ml_min), (false, "invalid_sex", None));
    }

    #[test]
    fn estimate_egfr_schwartz_api() {
        let e = estimate_egfr_schwartz(
            true,
            &req(&[("heightCm", ApiValue::Number(100.0)), ("serumCreatinineMgDl", ApiValue::Number(0.5))]),
        );
        assert_eq!((e.ok, e.egfr, e.method), (true, Some(82.6), "bedside-schwartz"));
        assert_eq!(keys_of(&e), vec!["ok", "egfr", "method", "errors"]);
        let e = estimate_egfr_schwartz(
            true,
            &req(&[("heightCm", text("100")), ("serumCreatinineUmolL", ApiValue::Number(-1.0))]),
        );
        let got: Vec<(&str, &str)> = e.errors.iter().map(|e| (e.field, e.code)).collect();
        assert_eq!(got, vec![("heightCm", "invalid_height"), ("serumCreatinineUmolL", "invalid_creatinine")]);
        assert_eq!(keys_of(&e), vec!["ok", "method", "errors"]);
        // RENAL-SCHWARTZ: an adult age is refused when given.
        let e = estimate_egfr_schwartz(
            true,
            &req(&[("heightCm", ApiValue::Number(170.0)), ("serumCreatinineMgDl", ApiValue::Number(0.9)), ("ageYears", ApiValue::Number(18.0))]),
        );
        assert_eq!((e.ok, e.errors[0].field, e.errors[0].code), (false, "ageYears", "adult_use_cockcroft_gault"));
        let e = estimate_egfr_schwartz(
            true,
            &req(&[("heightCm", ApiValue::Number(100.0)), ("serumCreatinineMgDl", ApiValue::Number(0.5)), ("ageYears", ApiValue::Number(4.5))]),
        );
        assert_eq!(e.egfr, Some(82.6));
    }
}
