//! A widget mounted through the same `mount` entry the custom element uses,
//! on empty storage, plus DOM query helpers.

use std::time::Duration;

use gloo::timers::future::sleep;
use kineret_widget::shell::embed::{mount, WidgetHandle};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

pub struct Fixture {
    pub host: HtmlElement,
    pub handle: WidgetHandle,
}

/// Yew renders on its scheduler: wait `ms` for it to run.
pub async fn wait(ms: u64) {
    sleep(Duration::from_millis(ms)).await;
}

/// A fresh widget with these attributes, mounted on empty storage, after
/// `settle_ms` for the first render.
pub async fn mount_widget(attrs: &[(&str, &str)], settle_ms: u64) -> Fixture {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        s.clear().unwrap();
    }
    let doc = gloo::utils::document();
    let host: HtmlElement = doc.create_element("div").unwrap().dyn_into().unwrap();
    for (k, v) in attrs {
        host.set_attribute(k, v).unwrap();
    }
    let container = doc.create_element("div").unwrap();
    host.append_child(&container).unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let handle = mount(host.clone(), container);
    wait(settle_ms).await;
    Fixture { host, handle }
}

/// Waits until Yew's scheduler has run everything queued (renders, effects,
/// the reducers they dispatch): after a click, key or input, the DOM shows
/// its result. `yew::scheduler::flush` (yew's `test` feature) resolves when
/// the scheduler's queues are empty, not after a fixed time.
pub async fn rendered() {
    yew::scheduler::flush().await;
}

/// Longest wait on a condition before the test fails.
pub const UNTIL_TIMEOUT_MS: f64 = 5_000.0;

/// Waits until `cond` holds, checking every 5 ms, and fails the test after
/// [`UNTIL_TIMEOUT_MS`] naming `what` it waited for. Use this, not a fixed
/// wait: Yew renders on its scheduler, so how long a render takes depends on
/// the build and the machine.
pub async fn until(what: &str, mut cond: impl FnMut() -> bool) {
    let start = js_sys::Date::now();
    while !cond() {
        if js_sys::Date::now() - start > UNTIL_TIMEOUT_MS {
            panic!("timed out after {UNTIL_TIMEOUT_MS} ms waiting for {what}");
        }
        sleep(Duration::from_millis(5)).await;
    }
}

/// A fresh widget with these attributes on empty storage, once `ready` (a
/// selector the view renders) is in the page.
pub async fn mount_ready(attrs: &[(&str, &str)], ready: &str) -> Fixture {
    let f = mount_widget(attrs, 0).await;
    until(&format!("{ready} to render"), || f.host.query_selector(ready).ok().flatten().is_some()).await;
    f
}

pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

pub fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector).unwrap().and_then(|e| e.text_content()).unwrap_or_default()
}

pub fn present(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

pub fn click(root: &Element, selector: &str) {
    root.query_selector(selector).unwrap().unwrap().unchecked_ref::<HtmlElement>().click();
}

/// Sets an input's or select's value and fires `event` (bubbling), as the
/// components' delegated handlers expect.
pub fn set_value(root: &Element, selector: &str, value: &str, event: &str) {
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
