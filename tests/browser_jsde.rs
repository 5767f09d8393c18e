//! The storage codec's small deserializer (`shell::services::jsde`), in
//! headless Chromium: what it accepts and how it reports errors.
#![cfg(target_arch = "wasm32")]

use kineret_widget::core::dose::form::{FormInput, RenalMode, WeightUnit};
use kineret_widget::core::dose::Indication;
use kineret_widget::core::storage::Codec;
use kineret_widget::shell::services::storage::JsonCodec;
use serde::Deserialize;
use wasm_bindgen_test::*;

mod common;

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

// --- differential: jsde against serde_wasm_bindgen --------------------------
//
// `jsde` replaced `serde_wasm_bindgen::from_value` for size and follows it
// for JSON values. Here the same `JSON.parse`d values, valid stored records
// and damaged ones (a field replaced by a hostile value, removed, or an
// unknown one added), are decoded by both into every stored type: both must
// accept with equal values, or both refuse, except where jsde is stricter on
// purpose. The intended differences are asserted by name below
// (`intended_differences_*`).

mod differential {
    use std::fmt::Debug;

    use js_sys::{Array, Object, Reflect, JSON};
    use kineret_widget::core::checklist::store::ChecklistSettings;
    use kineret_widget::core::checklist::{DoseSchedule, Inspection, Run};
    use kineret_widget::core::dose::form::{FormInput, RenalMode, WeightUnit};
    use kineret_widget::core::dose::{Indication, RenalSchedule};
    use kineret_widget::core::safety::form::MonitoringRecord;
    use kineret_widget::core::sites::download::export_json;
    use kineret_widget::core::sites::{
        parse_import, Flag, FlagReason, ImportError, Injector, LogEntry, SitesSettings, ZoneId,
    };
    use kineret_widget::core::storage::{record_key, Codec, KvStore, MemoryStore, Record, Repo};
    use kineret_widget::shell::services::jsde;
    use kineret_widget::shell::services::storage::JsonCodec;
    use serde::de::DeserializeOwned;
    use serde::Serialize;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_test::*;

    use super::common::cases::{entry, Rng, NOW};

    /// `JSON.parse(text)`.
    pub fn parse(text: &str) -> JsValue {
        JSON::parse(text).unwrap()
    }

    /// Both decoders' results, errors as text.
    pub fn both<T: DeserializeOwned>(v: &JsValue) -> (Result<T, String>, Result<T, String>) {
        let ours = jsde::from_value::<T>(v.clone()).map_err(|e| e.0);
        let reference = serde_wasm_bindgen::from_value::<T>(v.clone()).map_err(|e| e.to_string());
        (ours, reference)
    }

    /// Values that break decoders: integers past 2^53 (already rounded by
    /// `JSON.parse`), fractions, -0, huge, every JSON type, enum shapes,
    /// nesting 100 levels deep. (Deeper is `deep_nesting_*` below: the
    /// reference decoder formats a refused value with `Debug`, which recurses
    /// in JS and throws past a few thousand levels.)
    fn hostile(rng: &mut Rng) -> JsValue {
        const TEXTS: [&str; 30] = [
            "9007199254740993", "9007199254740992", "9007199254740991", "-9007199254740993", "1e21", "1e400",
            "0.5", "-0", "-1", "4294967296", "256", "0", "\"\"", "\"x\"", "\"redness\"", "\"thigh-left\"",
            "\"Daily\"", "null", "true", "false", "[]", "{}", "[1,2]", "[\"redness\",\"redness\"]",
            "{\"a\":1}", "{\"EveryOtherDay\":{\"anchorDay\":3}}", "{\"Daily\":null,\"TwiceDaily\":null}",
            "{\"EveryOtherDay\":{\"anchorDay\":1e300}}", "\"\\ud800\"", "{\"__proto__\":{\"x\":1}}",
        ];
        match rng.below(12) {
            0 => parse(&format!("{}1{}", "[".repeat(100), "]".repeat(100))),
            1 => parse(&format!("{}1{}", "{\"a\":".repeat(100), "}".repeat(100))),
            _ => parse(rng.pick(&TEXTS)),
        }
    }

    /// Own keys (objects) or indices (arrays) of `v`.
    fn keys(v: &JsValue) -> Vec<JsValue> {
        if Array::is_array(v) {
            (0..Array::from(v).length()).map(JsValue::from).collect()
        } else if v.is_object() {
            Object::keys(v.unchecked_ref::<Object>()).iter().collect()
        } else {
            Vec::new()
        }
    }

    /// A deep copy of `record` with one thing changed, at the top or one or
    /// two levels down.
    fn damaged(rng: &mut Rng, record: &JsValue) -> JsValue {
        let root = parse(&String::from(JSON::stringify(record).unwrap()));
        if !root.is_object() || rng.chance(20) {
            return hostile(rng);
        }
        let mut target = root.clone();
        for _ in 0..2 {
            let ks = keys(&target);
            if ks.is_empty() || rng.chance(2) {
                break;
            }
            let next = Reflect::get(&target, &rng.pick(&ks)).unwrap();
            if !next.is_object() {
                break;
            }
            target = next;
        }
        let ks = keys(&target);
        match rng.below(6) {
            0 if !ks.is_empty() => {
                Reflect::delete_property(target.unchecked_ref::<Object>(), &rng.pick(&ks)).unwrap();
            }
            1 => {
                Reflect::set(&target, &JsValue::from_str("unknownKey"), &hostile(rng)).unwrap();
            }
            _ if !ks.is_empty() => {
                Reflect::set(&target, &rng.pick(&ks), &hostile(rng)).unwrap();
            }
            _ => return hostile(rng),
        }
        root
    }

    /// `cases` damaged copies of the samples; returns the disagreements.
    fn differ<T: Serialize + DeserializeOwned + PartialEq + Debug>(
        name: &str,
        samples: &[T],
        rng: &mut Rng,
        cases: u32,
    ) -> Vec<String> {
        let mut out = Vec::new();
        for (i, s) in samples.iter().enumerate() {
            let v = parse(&JsonCodec.encode(s).unwrap());
            match both::<T>(&v) {
                (Ok(a), Ok(b)) if a == *s && b == *s => {}
                other => out.push(format!("{name} sample {i} does not round-trip: {other:?}")),
            }
        }
        for case in 0..cases {
            let v = damaged(rng, &parse(&JsonCodec.encode(&samples[case as usize % samples.len()]).unwrap()));
            let agree = match both::<T>(&v) {
                (Ok(a), Ok(b)) => a == b,
                (Err(_), Err(_)) => true,
                // Intended: an array where a struct belongs is refused
                // (`intended_differences_an_array_is_not_a_struct`).
                (Err(e), Ok(_)) => e.starts_with("invalid type: sequence, expected struct"),
                (Ok(_), Err(_)) => false,
            };
            if !agree {
                let shown = JSON::stringify(&v).map(String::from).unwrap_or_default();
                let shown: String = shown.chars().take(300).collect();
                out.push(format!("{name}: {shown}: {:?}", both::<T>(&v)));
            }
        }
        out
    }

    fn runs(rng: &mut Rng) -> Vec<Run> {
        (0..4)
            .map(|i| {
                let mut r = Run::new(1_709_640_000_000 - rng.below(1_000_000_000) as i64, [None, Some(0.5)][i % 2]);
                if i > 1 {
                    r.out_of_fridge_ms = Some(r.started_ms + 60_000);
                    r.inspection = Some([Inspection::ClearOk, Inspection::CloudyDiscoloredParticles][i % 2]);
                    r.site = Some(ZoneId::ALL[i]);
                    r.extra_dose_confirmed = i == 3;
                }
                r
            })
            .collect()
    }

    #[wasm_bindgen_test]
    fn jsde_and_serde_wasm_bindgen_agree_on_every_stored_type() {
        let rng = &mut Rng::new(14);
        let entries: Vec<LogEntry> = (0..8).map(|_| entry(rng)).collect();
        let flags = vec![
            Flag { zone: ZoneId::ALL[0], reason: FlagReason::ALL[0], until_ms: None },
            Flag { zone: ZoneId::ALL[3], reason: FlagReason::ALL[6], until_ms: Some(1_709_640_000_000) },
        ];
        let settings = vec![SitesSettings { injector: Injector::Caregiver }, SitesSettings::default()];
        let schedules = [
            DoseSchedule::Daily,
            DoseSchedule::EveryOtherDay { anchor_day: None },
            DoseSchedule::EveryOtherDay { anchor_day: Some(19_787) },
            DoseSchedule::TwiceDaily,
        ];
        let checklist: Vec<ChecklistSettings> = schedules.into_iter().map(|schedule| ChecklistSettings { schedule }).collect();
        let forms = vec![
            FormInput::default(),
            FormInput {
                indication: Some(Indication::Nomid),
                weight: "12,5".into(),
                weight_unit: WeightUnit::Lb,
                renal: RenalMode::Estimate,
                renal_schedule: Some(RenalSchedule::EveryOtherDay),
                ..FormInput::default()
            },
        ];
        let monitoring = vec![MonitoringRecord::default(), MonitoringRecord("2024-03-05".into())];
        let runs = runs(rng);
        let mut out = Vec::new();
        out.extend(differ("LogEntry", &entries, rng, 1_000));
        out.extend(differ("Flag", &flags, rng, 300));
        out.extend(differ("SitesSettings", &settings, rng, 200));
        out.extend(differ("ChecklistSettings", &checklist, rng, 300));
        out.extend(differ("Run", &runs, rng, 1_000));
        out.extend(differ("FormInput", &forms, rng, 1_000));
        out.extend(differ("MonitoringRecord", &monitoring, rng, 200));
        assert!(out.is_empty(), "{} disagreements:\n{}", out.len(), out.join("\n"));
    }

    /// Duplicate keys: `JSON.parse` keeps the last, before any decoder runs,
    /// so both decoders (and the shipped codec) read the last one. (serde_json,
    /// used by the native tests, refuses with "duplicate field".)
    #[wasm_bindgen_test]
    fn intended_differences_duplicate_keys_last_wins() {
        let text = r#"{"id":"a1","zone":"thigh-left","atMs":1,"loggedMs":1,"injector":"caregiver","reactions":[],"note":"first","note":"last","id":"b2"}"#;
        let v = parse(text);
        let (ours, reference) = both::<LogEntry>(&v);
        let ours = ours.unwrap();
        assert_eq!((ours.id.as_str(), ours.note.as_str()), ("b2", "last"));
        assert_eq!(reference, Ok(ours.clone()));
        assert_eq!(JsonCodec.decode::<LogEntry>(text), Ok(ours));
    }

    /// Integers above 2^53 are rounded by `JSON.parse` before any decoder
    /// sees them: both refuse a rounded (unsafe) integer with a clean error,
    /// never a nearby value; 2^53 - 1 reads exactly. Encoding refuses them
    /// too, so such a time is never stored rounded.
    #[wasm_bindgen_test]
    fn intended_differences_integers_past_2_pow_53_are_refused() {
        let at = |n: &str| {
            format!(r#"{{"id":"a1","zone":"thigh-left","atMs":{n},"loggedMs":1,"injector":"caregiver","reactions":[],"note":""}}"#)
        };
        for n in ["9007199254740992", "9007199254740993", "-9007199254740993", "18446744073709551616", "1e21"] {
            let (ours, reference) = both::<LogEntry>(&parse(&at(n)));
            assert_eq!(ours, Err("invalid type: floating point, expected i64".to_string()), "{n}");
            assert!(reference.is_err(), "{n}: {reference:?}");
            assert!(JsonCodec.decode::<LogEntry>(&at(n)).is_err());
        }
        for (n, exact) in [("9007199254740991", 9_007_199_254_740_991i64), ("-9007199254740991", -9_007_199_254_740_991)] {
            let (ours, reference) = both::<LogEntry>(&parse(&at(n)));
            assert_eq!(ours.as_ref().map(|e| e.at_ms), Ok(exact));
            assert_eq!(reference, ours);
        }
        let mut e = entry(&mut Rng::new(1));
        e.at_ms = (1 << 53) + 1;
        assert!(JsonCodec.encode(&e).is_err(), "an unsafe integer must not be stored rounded");
    }

    /// Deep nesting: `JSON.parse` accepts any depth; jsde refuses past
    /// `MAX_DEPTH` (128, serde_json's limit) with an error instead of running
    /// the wasm stack out, even for recursive types and serde's buffered
    /// untagged enums. The stored types are not recursive, so 100 000 levels
    /// in any of their fields is a plain type error. (serde_wasm_bindgen has
    /// no limit and formats a refused value with `Debug`, which recurses in
    /// JS: on 10 000 levels it throws "Maximum call stack size exceeded",
    /// which is why the differential test stops at 100.)
    #[wasm_bindgen_test]
    fn intended_differences_deep_nesting_is_a_clean_error() {
        #[derive(Debug, serde::Deserialize)]
        struct Nest(#[allow(dead_code)] Vec<Nest>);
        #[derive(Debug, serde::Deserialize)]
        #[serde(untagged)]
        enum Any {
            #[allow(dead_code)]
            N(f64),
            #[allow(dead_code)]
            L(Vec<Any>),
        }
        let arrays = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        let max = jsde::MAX_DEPTH as usize;
        assert!(jsde::from_value::<Nest>(parse(&arrays(max))).is_ok());
        let deeper = jsde::from_value::<Nest>(parse(&arrays(max + 1))).unwrap_err().0;
        assert_eq!(deeper, "recursion limit exceeded");
        assert!(jsde::from_value::<Any>(parse(&arrays(max))).is_ok());
        assert!(jsde::from_value::<Any>(parse(&arrays(100_000))).is_err());
        assert!(jsde::from_value::<Nest>(parse(&arrays(100_000))).is_err());
        let objects = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
        for deep in [arrays(100_000), objects] {
            for field in ["id", "zone", "atMs", "reactions", "note", "unknownKey"] {
                let text = format!(
                    r#"{{"id":"a1","zone":"thigh-left","atMs":1,"loggedMs":1,"injector":"caregiver","reactions":[],"note":"","{field}":{deep}}}"#
                );
                let decoded = JsonCodec.decode::<LogEntry>(&text);
                assert_eq!(decoded.is_ok(), field == "unknownKey", "{field}: {decoded:?}");
            }
            assert!(JsonCodec.decode::<Run>(&deep).is_err());
            assert!(JsonCodec.decode::<ChecklistSettings>(&format!(r#"{{"schedule":{deep}}}"#)).is_err());
        }
    }

    /// Unknown keys: jsde reads a struct from all of the object's keys, as
    /// serde_json does, so `#[serde(deny_unknown_fields)]` (the import file's
    /// types) refuses them in the browser as in the native tests, and other
    /// types skip them. serde_wasm_bindgen reads only the declared fields and
    /// accepted them: an import file with an extra key used to be accepted in
    /// the browser and refused by the native tests.
    #[wasm_bindgen_test]
    fn intended_differences_unknown_keys_refused_where_the_type_denies_them() {
        #[derive(Debug, PartialEq, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Strict {
            a: u8,
        }
        let (ours, reference) = both::<Strict>(&parse(r#"{"a":1,"b":2}"#));
        assert_eq!(ours, Err("unknown field `b`, expected `a`".to_string()));
        assert_eq!(reference, Ok(Strict { a: 1 }));
        assert_eq!(both::<Strict>(&parse(r#"{"a":1}"#)), (Ok(Strict { a: 1 }), Ok(Strict { a: 1 })));

        let e = entry(&mut Rng::new(2));
        let text = export_json(&JsonCodec, std::slice::from_ref(&e), &[]).unwrap();
        assert_eq!(parse_import(&JsonCodec, &text, NOW).map(|d| d.entries), Ok(vec![e.clone()]));
        let top = text.replacen('{', "{\"extra\":1,", 1);
        let inner = text.replacen("\"id\":", "\"extra\":1,\"id\":", 1);
        assert_ne!(inner, text);
        for damaged in [top, inner] {
            assert!(matches!(parse_import(&JsonCodec, &damaged, NOW), Err(ImportError::NotValid(_))), "{damaged}");
        }
        // A stored record with a key from a newer version still loads.
        let stored = JsonCodec.encode(&e).unwrap().replacen('{', "{\"extra\":1,", 1);
        assert_eq!(JsonCodec.decode::<LogEntry>(&stored), Ok(e));
    }

    /// An array where a struct belongs: serde_wasm_bindgen (and jsde before)
    /// read it as an object without the declared fields, so `[1,2]` stored
    /// as the calculator form loaded as an empty form and the corrupt record
    /// was lost instead of quarantined. jsde refuses it; the repository then
    /// quarantines it byte for byte.
    #[wasm_bindgen_test]
    fn intended_differences_an_array_is_not_a_struct() {
        for text in ["[]", "[1,2]"] {
            let (ours, reference) = both::<FormInput>(&parse(text));
            assert_eq!(ours, Err("invalid type: sequence, expected struct FormInput".to_string()));
            assert_eq!(reference, Ok(FormInput::default()));
        }
        let (ours, reference) = both::<ChecklistSettings>(&parse(r#"{"schedule":{"everyOtherDay":[]}}"#));
        assert!(ours.is_err());
        assert_eq!(reference.map(|c| c.schedule), Ok(DoseSchedule::EveryOtherDay { anchor_day: None }));
        let mut repo = Repo::new(MemoryStore::new(), JsonCodec);
        let key = record_key(FormInput::COLLECTION, "current");
        repo.store_mut().set(&key, r#"{"v":1,"data":[1,2]}"#).unwrap();
        let report = repo.load_all::<FormInput>();
        assert!(report.records.is_empty());
        let quarantined = repo.quarantined_items().unwrap();
        assert_eq!(quarantined.len(), 1);
        assert_eq!(quarantined[0].1, r#"{"v":1,"data":[1,2]}"#);
    }
}
