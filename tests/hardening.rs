#![cfg(not(target_arch = "wasm32"))]
//! Fault injection and fuzzing of everything that reads untrusted input.
//! Each scenario runs many random cases, measures the data lost (records
//! that were stored, or accepted for storing, and can no longer be found
//! either among the loaded records or in quarantine) and appends one row
//! to `build/hardening-report/native.tsv`, from which README's hardening
//! table is generated (`scripts/hardening-report.mjs`).

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::fs::{create_dir_all, OpenOptions};
use std::io::Write;
use std::rc::Rc;

use kineret_widget::core::api::{self, ApiValue};
use kineret_widget::core::attrs::{parse_or_default, Region, View};
use kineret_widget::core::dose::form::{evaluate, FormInput, RenalMode};
use kineret_widget::core::dose::Indication;
use kineret_widget::core::i18n::Lang;
use kineret_widget::core::sites::{export_json, parse_import, Injector, LogEntry, Reaction, ZoneId};
use kineret_widget::core::storage::{
    record_key, FaultyStore, KvStore, MemoryStore, Record, Repo, StorageStatus, StoreError, QUARANTINE_PREFIX,
};
use kineret_widget::core::units::{parse_decimal, MAX_MG_PER_KG_PER_DAY};
use proptest::prelude::*;

mod common;
use common::json::JsonCodec;
use proptest::test_runner::{Config, TestRunner};


const NOW: i64 = 1_709_640_000_000; // 2024-03-05T12:00Z

/// Appends `kind, what, cases, lost` to the report.
fn report(kind: &str, what: &str, cases: u32, lost: usize) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/build/hardening-report");
    if create_dir_all(dir).is_ok() {
        if let Ok(mut f) = OpenOptions::new().create(true).append(true).open(format!("{dir}/native.tsv")) {
            let _ = writeln!(f, "{kind}\t{what}\t{cases}\t{lost}");
        }
    }
}

/// Runs `cases` random cases of `strategy`; each returns the data it lost.
/// Fails the test on any loss or failed property, then writes the row.
fn scenario<S: Strategy>(
    kind: &str,
    what: &str,
    cases: u32,
    strategy: S,
    check: impl Fn(S::Value) -> Result<usize, TestCaseError>,
) {
    let mut runner = TestRunner::new(Config { cases, failure_persistence: None, ..Config::default() });
    let ran = RefCell::new(0u32);
    let lost = RefCell::new(0usize);
    let result = runner.run(&strategy, |v| {
        *ran.borrow_mut() += 1;
        let l = check(v)?;
        *lost.borrow_mut() += l;
        prop_assert_eq!(l, 0, "data lost");
        Ok(())
    });
    if let Err(e) = result {
        panic!("{what}: {e}");
    }
    report(kind, what, ran.into_inner(), lost.into_inner());
}

fn entry() -> impl Strategy<Value = LogEntry> {
    (prop::sample::select(ZoneId::ALL.to_vec()), 0..400i64, any::<u32>(), "[a-zA-Z <>&\"',;=+-]{0,40}").prop_map(
        |(zone, hours_ago, nonce, note)| {
            let at = NOW - hours_ago * 3_600_000;
            LogEntry::new(zone, at, at, Injector::Caregiver, vec![Reaction::Redness], &note, nonce)
        },
    )
}

fn entries() -> impl Strategy<Value = Vec<LogEntry>> {
    prop::collection::vec(entry(), 1..12).prop_map(|mut v| {
        let mut seen = BTreeSet::new();
        v.retain(|e| seen.insert(e.id.clone()));
        v
    })
}

fn ids(v: &[LogEntry]) -> BTreeSet<String> {
    v.iter().map(|e| e.id.clone()).collect()
}

/// Records of `wanted` that are neither loaded nor quarantined.
fn lost_after_load<S: KvStore>(repo: &mut Repo<S, JsonCodec>, wanted: &BTreeSet<String>) -> usize {
    let report = repo.load_all::<LogEntry>();
    let loaded = ids(&report.records);
    let quarantined: BTreeSet<String> = repo
        .quarantined_items()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(k, _)| k.rsplit('/').next().map(str::to_string))
        .collect();
    wanted.iter().filter(|id| !loaded.contains(*id) && !quarantined.contains(*id)).count()
}

fn seeded(v: &[LogEntry]) -> MemoryStore {
    let mut repo = Repo::new(MemoryStore::new(), JsonCodec);
    for e in v {
        repo.put(e).unwrap();
    }
    repo.store().clone()
}

#[test]
fn storage_unavailable_keeps_working_in_memory() {
    scenario("storage fault", "storage unavailable (sandboxed iframe, blocked by settings)", 300, entries(), |v| {
        let mut repo = Repo::new(FaultyStore::unavailable(), JsonCodec);
        for e in &v {
            prop_assert!(repo.put(e).is_ok(), "writes go to memory");
        }
        prop_assert_eq!(repo.status(), StorageStatus::MemoryOnly);
        Ok(lost_after_load(&mut repo, &ids(&v)))
    });
}

#[test]
fn quota_exceeded_loses_at_most_the_failed_change_and_reports_it() {
    scenario("storage fault", "quota exceeded on write", 300, (entries(), entry()), |(v, extra)| {
        let mut store = FaultyStore::with_data(seeded(&v));
        store.set_error = Some(StoreError::QuotaExceeded);
        store.set_fail_count = 1;
        let mut repo = Repo::new(store, JsonCodec);
        let write = repo.put(&extra);
        prop_assert_eq!(write, Err(StoreError::QuotaExceeded), "the failed change is reported to the user");
        prop_assert!(matches!(repo.status(), StorageStatus::LastWriteFailed(_)));
        // Everything saved before is intact; the next write works again.
        let lost = lost_after_load(&mut repo, &ids(&v));
        prop_assert!(repo.put(&extra).is_ok());
        Ok(lost)
    });
}

#[test]
fn corrupt_json_is_quarantined_byte_for_byte() {
    let garbage = prop::sample::select(vec!["{", "null", "[]", "{\"v\":1}", "{\"v\":1,\"data\":{}}", "\u{0}\u{1}", "{\"v\":\"x\"}", ""]);
    scenario("storage fault", "corrupt JSON in stored records", 300, (entries(), garbage, 0usize..12), |(v, junk, n)| {
        let mut store = seeded(&v);
        let victim = v[n % v.len()].clone();
        let key = record_key(LogEntry::COLLECTION, &victim.id);
        store.set(&key, junk).unwrap();
        let mut repo = Repo::new(store, JsonCodec);
        let lost = lost_after_load(&mut repo, &ids(&v));
        let q = repo.quarantined_items().unwrap_or_default();
        prop_assert!(q.iter().any(|(k, raw)| k.starts_with(QUARANTINE_PREFIX) && raw == junk), "kept as it was");
        Ok(lost)
    });
}

#[test]
fn newer_schema_data_is_quarantined_not_dropped() {
    scenario("storage fault", "data written by a newer schema version", 300, (entries(), 2u32..50), |(v, version)| {
        let mut store = seeded(&v);
        let victim = &v[0];
        let key = record_key(LogEntry::COLLECTION, &victim.id);
        let raw = store.get(&key).unwrap().unwrap().replacen("\"v\":1", &format!("\"v\":{version}"), 1);
        store.set(&key, &raw).unwrap();
        let mut repo = Repo::new(store, JsonCodec);
        let report = repo.load_all::<LogEntry>();
        prop_assert!(!ids(&report.records).contains(&victim.id), "not read with the old schema");
        Ok(lost_after_load(&mut repo, &ids(&v)))
    });
}

#[test]
fn older_version_data_is_migrated() {
    let legacy = (prop::sample::select(vec!["left-thigh", "right-thigh", "left-abdomen", "right-buttock"]), 0..1000i64);
    scenario("storage fault", "data from an older version (v0, unversioned)", 300, legacy, |(site, hours)| {
        let mut store = MemoryStore::new();
        let id = format!("legacy{hours}");
        let raw = format!(r#"{{"id":"{id}","site":"{site}","time":{},"note":"old"}}"#, NOW - hours * 3_600_000);
        store.set(&record_key(LogEntry::COLLECTION, &id), &raw).unwrap();
        let mut repo = Repo::new(store, JsonCodec);
        let report = repo.load_all::<LogEntry>();
        prop_assert_eq!(report.records.len(), 1, "migrated: {:?}", report.quarantined);
        Ok(lost_after_load(&mut repo, &[id].into_iter().collect()))
    });
}

/// Two repositories over one store: two tabs (or two instances) writing at once.
#[derive(Clone)]
struct Shared(Rc<RefCell<MemoryStore>>);

impl KvStore for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.borrow().keys()
    }
}

#[test]
fn two_tabs_writing_at_once_lose_nothing() {
    scenario("storage fault", "two tabs / two instances writing at once", 300, (entries(), entries()), |(a, b)| {
        let store = Shared(Rc::default());
        let mut tab1 = Repo::new(store.clone(), JsonCodec);
        let mut tab2 = Repo::new(store.clone(), JsonCodec);
        for pair in a.iter().zip(b.iter().chain(std::iter::repeat(&b[0]))) {
            tab1.put(pair.0).unwrap();
            tab2.put(pair.1).unwrap();
        }
        for e in b.iter().skip(a.len()) {
            tab2.put(e).unwrap();
        }
        let mut all = ids(&a);
        all.extend(ids(&b));
        Ok(lost_after_load(&mut tab1, &all))
    });
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
fn import_file_parser_accepts_no_garbage() {
    let valid = || entries().prop_map(|v| export_json(&JsonCodec, &v, &[]).unwrap_or_default());
    let mutated = (valid(), any::<prop::sample::Index>(), any::<char>()).prop_map(|(s, i, c)| {
        let mut chars: Vec<char> = s.chars().collect();
        if !chars.is_empty() {
            let at = i.index(chars.len());
            chars[at] = c;
        }
        chars.into_iter().collect::<String>()
    });
    let text = prop_oneof![
        any::<String>(),
        valid(),
        mutated,
        Just("{\"format\":\"kineret-widget-sites\",\"version\":1}".to_string())
    ];
    scenario("bad input", "import files: random text, damaged and valid exports", 5_000, text, |s: String| {
        if let Ok(doc) = parse_import(&JsonCodec, &s, NOW) {
            for e in &doc.entries {
                prop_assert!(e.at_ms <= NOW + 86_400_000, "future entry accepted");
                prop_assert!(e.note.chars().count() <= 500);
            }
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
