//! Storage changed or failing under a view, in headless Chromium: a run
//! deleted in another tab is not written back; a failed write of the
//! calculator's remembered inputs is said. One test at a time
//! (`exclusive`): the tests empty and break the page's one storage.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

mod common;

use common::browser::{click, mount_ready, present, set_value, until};

wasm_bindgen_test_configure!(run_in_browser);

thread_local! {
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs the file's tests one at a time (async tests otherwise interleave).
struct Exclusive;

async fn exclusive() -> Exclusive {
    while BUSY.with(|b| b.replace(true)) {
        common::browser::wait(20).await;
    }
    Exclusive
}

impl Drop for Exclusive {
    fn drop(&mut self) {
        BUSY.with(|b| b.set(false));
    }
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// The widget's keys in localStorage under `part`.
fn keys(part: &str) -> Vec<String> {
    let s = storage();
    (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).filter(|k| k.starts_with("kineret-widget/") && k.contains(part)).collect()
}

fn checked(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().unwrap().unchecked_ref::<web_sys::HtmlInputElement>().checked()
}

#[wasm_bindgen_test]
async fn a_checklist_run_deleted_in_another_tab_is_not_written_back() {
    let _one = exclusive().await;
    let mut f = mount_ready(&[("view", "storage")], "#kw-ck-hands").await;
    click(&f.host, "#kw-ck-hands");
    until("the ticked step to be saved", || !keys("/run").is_empty() && checked(&f.host, "#kw-ck-hands")).await;
    let deleted = keys("/run");
    // Another tab deleted all the data: its keys go, this tab gets `storage`.
    for k in keys("") {
        storage().remove_item(&k).unwrap();
    }
    web_sys::window().unwrap().dispatch_event(&web_sys::Event::new("storage").unwrap()).unwrap();
    until("a fresh run", || !checked(&f.host, "#kw-ck-hands")).await;
    // The next tick saves the fresh run, not the deleted one.
    click(&f.host, "#kw-ck-expiry");
    until("the new tick to be saved", || !keys("/run").is_empty()).await;
    assert!(checked(&f.host, "#kw-ck-expiry"));
    assert!(keys("/run").iter().all(|k| !deleted.contains(k)), "written back: {deleted:?}");
    f.handle.destroy();
}

#[wasm_bindgen_test]
async fn the_calculator_says_when_remembered_inputs_could_not_be_saved() {
    let _one = exclusive().await;
    let mut f = mount_ready(&[("view", "calculator"), ("remember", "")], "#kw-calc-indication").await;
    set_value(&f.host, "#kw-calc-indication", "ra", "change");
    until("the dose", || present(&f.host, ".kw-dose")).await;
    assert!(!present(&f.host, ".kw-calc-storage .kw-notice"), "saved: nothing to say");
    // The browser refuses every write from now on.
    js_sys::eval("window.__kwSetItem = Storage.prototype.setItem; Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };").unwrap();
    set_value(&f.host, "#kw-calc-indication", "dira", "change");
    let said = || common::browser::text(&f.host, ".kw-calc-storage");
    until("the failed write to be said", || said().contains("was not saved")).await;
    js_sys::eval("Storage.prototype.setItem = window.__kwSetItem;").unwrap();
    assert_eq!(f.host.query_selector(".kw-calc-storage").unwrap().unwrap().get_attribute("role").as_deref(), Some("status"));
    f.handle.destroy();
}
