//! The storage codec's small deserializer (`shell::services::jsde`), in
//! headless Chromium: what it accepts and how it reports errors.
#![cfg(target_arch = "wasm32")]

use kineret_widget::core::dose::form::{FormInput, RenalMode, WeightUnit};
use kineret_widget::core::dose::Indication;
use kineret_widget::core::storage::Codec;
use kineret_widget::shell::services::storage::JsonCodec;
use serde::Deserialize;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, Deserialize, PartialEq)]
struct Rec {
    n: u32,
    t: i64,
    x: f64,
    s: String,
    o: Option<String>,
    l: Vec<u8>,
    e: Shape,
}

#[derive(Debug, Deserialize, PartialEq)]
enum Shape {
    Dot,
    Line(u8),
    Box { w: u8 },
}

fn decode<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, String> {
    JsonCodec.decode(json)
}

#[wasm_bindgen_test]
fn round_trips_the_calculator_form() {
    let input = FormInput {
        indication: Some(Indication::Nomid),
        weight: "12,5".into(),
        weight_unit: WeightUnit::Lb,
        renal: RenalMode::Estimate,
        ..FormInput::default()
    };
    let json = JsonCodec.encode(&input).unwrap();
    assert_eq!(decode::<FormInput>(&json), Ok(input));
    // `default` on the struct: missing keys take their defaults; unknown keys are ignored.
    assert_eq!(decode::<FormInput>(r#"{"weight":"3","extra":1}"#).map(|f| f.weight), Ok("3".to_string()));
}

#[wasm_bindgen_test]
fn reads_every_json_shape() {
    let r: Rec = decode(r#"{"n":7,"t":-1709665200000,"x":1.5,"s":"a\"b","o":null,"l":[1,2],"e":"Dot"}"#).unwrap();
    assert_eq!(r, Rec { n: 7, t: -1709665200000, x: 1.5, s: "a\"b".into(), o: None, l: vec![1, 2], e: Shape::Dot });
    let r: Rec = decode(r#"{"n":0,"t":0,"x":2,"s":"","o":"y","l":[],"e":{"Line":3}}"#).unwrap();
    assert_eq!((r.x, r.o.as_deref(), r.e), (2.0, Some("y"), Shape::Line(3)));
    let r: Rec = decode(r#"{"n":0,"t":0,"x":0,"s":"","o":null,"l":[],"e":{"Box":{"w":4}}}"#).unwrap();
    assert_eq!(r.e, Shape::Box { w: 4 });
}

#[wasm_bindgen_test]
fn reports_errors_without_panicking() {
    let err = |json: &str| decode::<Rec>(json).unwrap_err();
    assert_eq!(err(r#"{"n":1.5}"#), "invalid type: floating point, expected u32");
    assert_eq!(err(r#"{"n":-2}"#), "invalid type: floating point `-2.0`, expected u32");
    assert_eq!(err(r#"{"n":"7"}"#), "invalid type: string \"7\", expected u32");
    assert_eq!(err(r#"{"n":300000,"t":0,"x":0,"s":"","o":null,"l":[300],"e":"Dot"}"#), "invalid value: integer `300`, expected u8");
    assert_eq!(err(r#"{"n":1,"t":0,"x":0,"s":"","o":null,"l":[],"e":"Star"}"#), "unknown variant `Star`, expected one of `Dot`, `Line`, `Box`");
    assert_eq!(err(r#"{"n":1,"t":0,"x":0,"s":"","o":null,"l":[],"e":{"Dot":null,"Line":1}}"#), "invalid length 2, expected 1");
    assert_eq!(err(r#"{"t":0}"#), "missing field `n`");
    assert_eq!(err("5"), "invalid type: floating point `5.0`, expected struct Rec");
    assert!(!err("{").is_empty(), "invalid JSON is an error");
}
