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

/// The API's entry points. Its code (request reading, validation, the dose
/// and kidney rules, serialisation) is reachable only through [`load_api`],
/// so with the `split` feature it is its own module (`kw-api`), fetched on
/// the first call: a page that only shows a view never downloads it unless
/// the view itself uses those rules (docs/SIZE.md).
#[derive(Clone, Copy)]
struct Api {
    calculate_dose: fn(&JsValue) -> JsValue,
    estimate_crcl: fn(&JsValue) -> JsValue,
    estimate_egfr_schwartz: fn(&JsValue) -> JsValue,
}

#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(kw_api, fallible))]
fn load_api() -> Result<Api, crate::shell::split::LoadFailed> {
    Ok(Api {
        calculate_dose: |r| call(r, api::calculate_dose),
        estimate_crcl: |r| call(r, api::estimate_crcl),
        estimate_egfr_schwartz: |r| call(r, api::estimate_egfr_schwartz),
    })
}

/// The API's code and the language pack of the request's language (what
/// core::api reads: `lang`, English for anything else); a rejected promise
/// (never a wrong result) if either cannot be fetched, and the next call
/// tries again.
async fn api(request: &JsValue) -> Result<Api, JsValue> {
    use crate::shell::texts::{install, Pack};
    let lang = if is_plain_object(request) { api::lang_of(&|k| field(request, k)) } else { crate::core::i18n::Lang::En };
    let code = async {
        #[cfg(feature = "split")]
        let api = load_api().await;
        #[cfg(not(feature = "split"))]
        let api = load_api();
        api
    };
    let (code, texts) = crate::shell::split::futures_join(code, install(Pack::Base, lang)).await;
    texts.and(code).map_err(|_| js_sys::Error::new("kineret-widget: the dose rules could not be loaded; check the connection and try again").into())
}

#[wasm_bindgen]
pub async fn calculate_dose(request: JsValue) -> Result<JsValue, JsValue> {
    Ok((api(&request).await?.calculate_dose)(&request))
}

#[wasm_bindgen]
pub async fn estimate_crcl(request: JsValue) -> Result<JsValue, JsValue> {
    Ok((api(&request).await?.estimate_crcl)(&request))
}

#[wasm_bindgen]
pub async fn estimate_egfr_schwartz(request: JsValue) -> Result<JsValue, JsValue> {
    Ok((api(&request).await?.estimate_egfr_schwartz)(&request))
}
