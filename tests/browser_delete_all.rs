//! "Delete all my data" in headless Chromium: nothing deleted stays in the
//! widget's memory. Alone in its file: with other tests' widgets on the page
//! the checklist did not show the calculator's mg to discard (seen, not
//! investigated; see the session report).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

mod common;

use common::browser::{all, mount_ready, until};

wasm_bindgen_test_configure!(run_in_browser);

fn present(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector).unwrap().unwrap().unchecked_ref::<web_sys::HtmlElement>().click();
}

/// Sets an input's or select's value and fires `event`.
fn set_value(root: &Element, selector: &str, value: &str, event: &str) {
    let el = root.query_selector(selector).unwrap().unwrap();
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        select.set_value(value);
    }
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(event, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn delete_all_forgets_the_calculators_last_dose_in_the_other_views() {
    let mut f = mount_ready(&[("view", "all")], ".kw-app").await;
    set_value(&f.host, "#kw-calc-indication", "dira", "change");
    until("the weight-based dose field", || present(&f.host, "#kw-calc-dose")).await;
    set_value(&f.host, "#kw-calc-weight", "20", "input");
    set_value(&f.host, "#kw-calc-dose", "2", "input");
    until("the 40 mg dose", || present(&f.host, ".kw-dose")).await;
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
