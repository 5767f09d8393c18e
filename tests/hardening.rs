#![cfg(not(target_arch = "wasm32"))]
//! Fault injection and fuzzing of everything that reads untrusted input.
//! Each scenario runs many random cases, measures the data lost (records
//! that were stored, or accepted for storing, and can no longer be found
//! either among the loaded records or in quarantine) and appends one row
//! to `build/hardening-report/native.tsv`, from which README's hardening
//! table is generated (`scripts/hardening-report.mjs`).

use std::cell::{Cell, RefCell};
use std::fs::{create_dir_all, OpenOptions};
use std::io::Write;
use std::rc::Rc;

use kineret_widget::core::api::{self, ApiValue};
use kineret_widget::core::attrs::{parse_or_default, Region, View};
use kineret_widget::core::dose::form::{evaluate, FormInput, RenalMode};
use kineret_widget::core::dose::Indication;
use kineret_widget::core::i18n::Lang;
use kineret_widget::core::storage::{KvStore, StoreError};
use kineret_widget::core::units::{parse_decimal, MAX_MG_PER_KG_PER_DAY};
use proptest::prelude::*;

mod common;
use common::cases::{self, entries, row, two_tabs_over, Rng, Shared};
use common::json::JsonCodec;
use proptest::test_runner::{Config, TestRunner};

/// Appends a row to the report.
fn report(line: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/build/hardening-report");
    if create_dir_all(dir).is_ok() {
        if let Ok(mut f) = OpenOptions::new().create(true).append(true).open(format!("{dir}/native.tsv")) {
            let _ = writeln!(f, "{line}");
        }
    }
}

/// What a scenario measured: cases run, data lost over all of them, and the
/// first case that lost data.
struct Measured {
    cases: u32,
    lost: usize,
    first_loss: Option<String>,
}

/// Runs `cases` random cases of `strategy`. A broken property fails at once
/// (proptest shrinks it); lost data does not stop the run: it is counted, so
/// the row states how much was lost and in how many cases.
fn measure<S: Strategy>(
    what: &str,
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<usize, TestCaseError>,
) -> Measured
where
    S::Value: std::fmt::Debug + Clone,
{
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let ran = Cell::new(0u32);
    let lost = Cell::new(0usize);
    let first_loss = RefCell::new(None);
    let result = runner.run(&strategy, |v| {
        ran.set(ran.get() + 1);
        let l = check(v.clone())?;
        lost.set(lost.get() + l);
        if l > 0 && first_loss.borrow().is_none() {
            *first_loss.borrow_mut() = Some(format!("{v:?}"));
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{what}: {e}");
    }
    Measured { cases: ran.get(), lost: lost.get(), first_loss: first_loss.into_inner() }
}

/// Measures, writes the row (loss included), then fails on any loss.
fn scenario<S: Strategy>(
    kind: &str,
    what: &str,
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<usize, TestCaseError>,
) where
    S::Value: std::fmt::Debug + Clone,
{
    let m = measure(what, cases, strategy, check);
    report(&row(kind, what, m.cases, m.lost));
    assert_eq!(m.lost, 0, "{what}: data lost, first in {:?}", m.first_loss);
}

/// One of the shared storage/import scenarios (tests/common/cases.rs) over
/// the serde_json codec, one proptest-drawn seed per case.
fn shared(what: &str) {
    let found = cases::scenarios::<JsonCodec>().into_iter().find(|s| s.1 == what);
    let Some((kind, what, n, check)) = found else { panic!("no scenario {what:?}") };
    scenario(kind, what, n, any::<u64>(), |seed| check(JsonCodec, &mut Rng::new(seed)).map_err(TestCaseError::fail));
}

#[test]
fn storage_unavailable_keeps_working_in_memory() {
    shared("storage unavailable (sandboxed iframe, blocked by settings)");
}

#[test]
fn quota_exceeded_loses_at_most_the_failed_change_and_reports_it() {
    shared("quota exceeded on write");
}

#[test]
fn corrupt_json_is_quarantined_byte_for_byte() {
    shared("corrupt JSON in stored records");
}

#[test]
fn newer_schema_data_is_quarantined_not_dropped() {
    shared("data written by a newer schema version");
}

#[test]
fn older_version_data_is_migrated() {
    shared("data from an older version (v0, unversioned)");
}

#[test]
fn two_tabs_writing_at_once_lose_nothing() {
    shared("two tabs / two instances writing at once");
}

#[test]
fn import_file_parser_accepts_no_garbage() {
    shared("import files: random text, damaged and valid exports");
}

#[test]
fn every_shared_scenario_has_a_native_test() {
    let src = include_str!("hardening.rs");
    for (_, what, _, _) in cases::scenarios::<JsonCodec>() {
        assert!(src.contains(&format!("shared(\"{what}\")")), "{what} never runs natively");
    }
}

/// A store that silently drops every second write (says Ok, keeps nothing):
/// the kind of bug the "data lost" column exists to show.
#[derive(Clone, Default)]
struct LossyStore {
    inner: Shared,
    writes: Rc<Cell<u32>>,
}

impl KvStore for LossyStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writes.set(self.writes.get() + 1);
        if self.writes.get() % 2 == 0 {
            return Ok(());
        }
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

/// The "data lost" column can show a loss: the measurement every row uses,
/// run over a deliberately lossy store, counts the dropped records and the
/// row it would write says so; over the real (shared memory) store it counts
/// none. Not written to the report: README's table holds real runs only.
#[test]
fn data_lost_column_shows_a_lossy_store() {
    let what = "two tabs / two instances writing at once";
    let strategy = (any::<u64>(), any::<u64>());
    let pair = |(x, y): (u64, u64)| (entries(&mut Rng::new(x)), entries(&mut Rng::new(y)));
    let lossy = measure(what, 50, strategy, |seeds| {
        let (a, b) = pair(seeds);
        two_tabs_over(LossyStore::default(), JsonCodec, &a, &b).map_err(TestCaseError::fail)
    });
    assert!(lossy.lost >= 50, "every case writes at least 2 records, so drops at least 1: {}", lossy.lost);
    assert!(lossy.first_loss.is_some());
    let line = row("storage fault", what, lossy.cases, lossy.lost);
    assert!(line.ends_with(&format!("\t50\t{}", lossy.lost)) && !line.ends_with("\t0"), "{line}");
    let real = measure(what, 50, strategy, |seeds| {
        let (a, b) = pair(seeds);
        two_tabs_over(Shared::default(), JsonCodec, &a, &b).map_err(TestCaseError::fail)
    });
    assert_eq!((real.cases, real.lost, real.first_loss), (50, 0, None));
}

#[test]
fn number_fields_never_half_read_anything() {
    let inputs = prop_oneof![
        any::<String>(),
        "[0-9 .,+-eEa-z]{0,12}",
        "[0-9]{1,4}[.,][0-9]{1,3} ?(kg|lb|mg|mL)",
        Just("NaN".to_string()),
        Just("Infinity".to_string()),
        Just("1e400".to_string()),
        "[0-9]{25,40}",
    ];
    scenario("bad input", "number fields: any text (NaN, Infinity, negatives, units, huge)", 20_000, inputs, |s| {
        if let Ok(v) = parse_decimal(&s) {
            prop_assert!(v.is_finite() && v >= 0.0, "{s:?} -> {v}");
            prop_assert!(s.trim().chars().all(|c| c.is_ascii_digit() || c == '.' || c == ','), "{s:?} accepted");
        }
        Ok(0)
    });
}

#[test]
fn calculator_form_never_shows_a_number_for_bad_input() {
    let text = prop_oneof!["[0-9]{0,3}([.,][0-9]{0,2})?", any::<String>(), "-?[0-9]{1,6}"];
    let form = (prop::sample::select(Indication::ALL.to_vec()), text.clone(), text.clone(), text.clone(), text);
    scenario("bad input", "calculator form: any text in every field", 5_000, form, |(ind, weight, dose, age, crcl)| {
        let input = FormInput {
            indication: Some(ind),
            weight: weight.clone(),
            dose: dose.clone(),
            age,
            crcl,
            renal: RenalMode::Enter,
            ..FormInput::default()
        };
        let out = evaluate(&input, Lang::En);
        if let Some(plan) = out.plan {
            prop_assert!(out.errors.is_empty() && out.missing.is_empty());
            if let (Some(w), Some(r)) = (plan.weight, plan.mg_per_kg_per_day) {
                prop_assert!(r.value() <= MAX_MG_PER_KG_PER_DAY);
                prop_assert!(plan.daily_dose.value() <= MAX_MG_PER_KG_PER_DAY * w.value() + 1e-9);
            }
        }
        Ok(0)
    });
}

fn api_value() -> impl Strategy<Value = ApiValue> {
    prop_oneof![
        Just(ApiValue::Missing),
        Just(ApiValue::Null),
        any::<bool>().prop_map(ApiValue::Bool),
        any::<f64>().prop_map(ApiValue::Number),
        (-10.0f64..400.0).prop_map(ApiValue::Number),
        prop::sample::select(vec![f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 1e308]).prop_map(ApiValue::Number),
        prop_oneof![any::<String>(), prop::sample::select(vec!["ra".to_string(), "nomid".into(), "dira".into(), "covid19".into(), "twice".into(), "70".into()]).boxed()].prop_map(ApiValue::Text),
        Just(ApiValue::Other),
    ]
}

#[test]
fn js_api_request_parser_accepts_no_garbage() {
    const KEYS: [&str; 9] =
        ["indication", "weightKg", "weightLb", "mgPerKgPerDay", "split", "crClMlMin", "esrd", "ageYears", "lang"];
    let request = (any::<bool>(), prop::collection::vec(api_value(), KEYS.len()));
    scenario("bad input", "JS API requests: any value in every field", 20_000, request, |(is_object, values)| {
        let get = |k: &str| KEYS.iter().position(|x| *x == k).map(|i| values[i].clone()).unwrap_or(ApiValue::Missing);
        let r = api::calculate_dose(is_object, &get);
        prop_assert_eq!(r.ok, r.errors.is_empty());
        if r.ok {
            let per_kg = matches!(get("indication"), ApiValue::Text(ref s) if s == "nomid" || s == "dira");
            if per_kg {
                let rate = match get("mgPerKgPerDay") {
                    ApiValue::Number(n) => n,
                    other => return Err(TestCaseError::fail(format!("ok with rate {other:?}"))),
                };
                prop_assert!(rate > 0.0 && rate <= MAX_MG_PER_KG_PER_DAY);
                let w = r.weight_kg.unwrap_or(f64::NAN);
                prop_assert!(r.daily_dose_mg.unwrap_or(f64::NAN) <= MAX_MG_PER_KG_PER_DAY * w + 1e-9);
            }
            for n in [r.daily_dose_mg, r.volume_ml_per_administration, r.discard_mg_per_administration].into_iter().flatten() {
                prop_assert!(n.is_finite() && n >= 0.0);
            }
        } else {
            prop_assert!(r.daily_dose_mg.is_none() && r.instructions.is_none() && r.volume_ml_per_administration.is_none());
        }
        Ok(0)
    });
}

#[test]
fn attribute_values_fall_back_safely() {
    scenario("bad input", "element attributes (lang, view, region): any text incl. markup", 5_000, any::<String>(), |s| {
        let lang = parse_or_default(Some(&s), Lang::parse);
        let view = parse_or_default(Some(&s), View::parse);
        let region = parse_or_default(Some(&s), Region::parse);
        prop_assert!(lang.rejected || Lang::parse(&s) == Some(lang.value));
        prop_assert!(view.rejected || View::parse(&s) == Some(view.value));
        prop_assert!(region.rejected || Region::parse(&s) == Some(region.value));
        Ok(0)
    });
}
