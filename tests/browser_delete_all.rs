//! "Delete all my data" in headless Chromium: nothing deleted stays in the
//! widget's memory. Alone in its file: with other tests' widgets on the page
//! the checklist did not show the calculator's mg to discard (seen, not
//! investigated; see the session report).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;

use common::browser::{all, click, mount_ready, present, rendered, set_value, until};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn delete_all_forgets_the_calculators_last_dose_in_the_other_views() {
    let mut f = mount_ready(&[("view", "all")], ".kw-app").await;
    set_value(&f.host, "#kw-calc-indication", "dira", "change");
    until("the weight-based dose field", || present(&f.host, "#kw-calc-dose")).await;
    set_value(&f.host, "#kw-calc-weight", "20", "input");
    set_value(&f.host, "#kw-calc-dose", "2", "input");
    until("the 40 mg dose", || present(&f.host, ".kw-dose")).await;
    // The dose's effects (the last dose shared with the other views) run
    // after its render, as before a user's next tap (Firefox on a busy
    // machine: a tab clicked between the two unmounted the calculator first).
    rendered().await;
    // The checklist learns the mg to discard from the calculator.
    all(&f.host, "[role=tab]")[2].unchecked_ref::<web_sys::HtmlElement>().click();
    until("the mg to discard", || present(&f.host, ".kw-ck-discard")).await;
    // Mark the mounted view, to see it replaced by a fresh one.
    f.host.query_selector(".kw-panel > *").unwrap().unwrap().set_attribute("data-old", "").unwrap();
    click(&f.host, ".kw-delete-all > button");
    until("the confirmation", || present(&f.host, ".kw-delete-all .kw-row .kw-danger")).await;
    click(&f.host, ".kw-delete-all .kw-row .kw-danger");
    until("the view to start afresh", || {
        present(&f.host, ".kw-panel > *") && !present(&f.host, ".kw-panel > [data-old]") && present(&f.host, ".kw-ck-step")
    })
    .await;
    assert!(!present(&f.host, ".kw-ck-discard"), "the deleted dose's mg to discard is gone");
    f.handle.destroy();
}
