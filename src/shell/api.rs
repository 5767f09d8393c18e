//! The headless JS API (`calculateDose`, `estimateCrCl`, `estimateEgfrSchwartz`
//! in dist/kineret-widget.js). Reads the request's fields without coercion and
//! hands them to `core::api`; results are plain JSON-compatible objects.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsCast;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::api::{self, ApiValue};

/// A field of the request as the core sees it: strings stay strings, so
/// `"70"` for a number is an error, never coerced. Only the object's own data
/// properties count: a polluted `Object.prototype` on the host page cannot
/// supply fields, and a getter (which could throw or change) is refused.
fn field(request: &JsValue, key: &str) -> ApiValue {
    let Ok(object) = request.clone().dyn_into::<js_sys::Object>() else {
        return ApiValue::Missing;
    };
    let descriptor = match Reflect::get_own_property_descriptor(&object, &JsValue::from_str(key)) {
        Ok(d) if d.is_undefined() => return ApiValue::Missing,
        Ok(d) => d,
        Err(_) => return ApiValue::Other, // a Proxy whose trap throws
    };
    let Ok(descriptor) = descriptor.dyn_into::<js_sys::Object>() else {
        return ApiValue::Other;
    };
    if !js_sys::Object::has_own(&descriptor, &JsValue::from_str("value")) {
        return ApiValue::Other; // accessor property
    }
    let value = Reflect::get(&descriptor, &JsValue::from_str("value")).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() {
        ApiValue::Missing
    } else if value.is_null() {
        ApiValue::Null
    } else if let Some(b) = value.as_bool() {
        ApiValue::Bool(b)
    } else if let Some(n) = value.as_f64() {
        ApiValue::Number(n)
    } else if let Some(s) = value.as_string() {
        ApiValue::Text(s)
    } else {
        ApiValue::Other
    }
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !Array::is_array(v) && !v.is_function()
}

fn to_js<T: Serialize>(result: &T) -> JsValue {
    result
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|e| JsValue::from_str(&format!("kineret-widget: could not serialise the result: {e}")))
}

/// Reads one field of the request.
type Field<'a> = &'a dyn Fn(&str) -> ApiValue;

fn call<T: Serialize>(request: &JsValue, f: fn(bool, Field) -> T) -> JsValue {
    to_js(&f(is_plain_object(request), &|k| field(request, k)))
}

#[wasm_bindgen]
pub fn calculate_dose(request: JsValue) -> JsValue {
    call(&request, api::calculate_dose)
}

#[wasm_bindgen]
pub fn estimate_crcl(request: JsValue) -> JsValue {
    call(&request, api::estimate_crcl)
}

#[wasm_bindgen]
pub fn estimate_egfr_schwartz(request: JsValue) -> JsValue {
    call(&request, api::estimate_egfr_schwartz)
}
