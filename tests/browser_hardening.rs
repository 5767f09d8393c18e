//! The storage and import hardening cases (tests/common/cases.rs) in
//! headless Chromium, through exactly the codec that ships: the shell's
//! `JsonCodec` (`JSON.parse` + `jsde`), which the widget's storage and the
//! import use. The stores are the core's test doubles, not `LocalStore`:
//! the in-memory `MemoryStore` and `FaultyStore` (failing or unavailable
//! storage), so the codec meets corrupt and failing data on demand. The
//! native run (tests/hardening.rs) tries the same seeded cases with
//! serde_json; this one reports what the shipped decoder did.
//!
//! A wasm test cannot write files: each scenario prints one line
//! `kw-hardening<TAB>kind<TAB>what<TAB>cases<TAB>lost` to the console, which
//! `make test-wasm` shows (`--nocapture`) and `make test` tees into
//! build/test-logs/wasm.log, where scripts/hardening-report.mjs reads it.
//!
//! Then a differential test: the same `JSON.parse`d values decoded by `jsde`
//! and by `serde_wasm_bindgen::from_value` (which `jsde` replaced for size
//! and follows for JSON values) into the stored types.
#![cfg(target_arch = "wasm32")]

use kineret_widget::shell::services::storage::JsonCodec;
use wasm_bindgen_test::*;

mod common;
use common::cases::{self, row, Rng};

wasm_bindgen_test_configure!(run_in_browser);

/// Marks the machine-readable report lines in the test log.
const MARK: &str = "kw-hardening";

#[wasm_bindgen_test]
fn storage_and_import_cases_through_the_shipped_codec() {
    let mut failures = Vec::new();
    let mut lost_in_all = 0;
    for (kind, what, n, check) in cases::scenarios::<JsonCodec>() {
        let mut lost = 0;
        for seed in 0..u64::from(n) {
            match check(JsonCodec, &mut Rng::new(seed)) {
                Ok(l) => lost += l,
                Err(e) => failures.push(format!("{what}, seed {seed}: {e}")),
            }
        }
        lost_in_all += lost;
        console_log!("{MARK}\t{}", row(kind, what, n, lost));
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(lost_in_all, 0, "data lost");
}
