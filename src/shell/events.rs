//! `CustomEvent`s on the host element: bubbling and composed, so a host page
//! can listen on the element or any ancestor, across the shadow boundary.

use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Dispatches `name` with `detail` on `host`. Failure to build or dispatch the
/// event is logged, never fatal.
pub fn emit<T: Serialize>(host: &HtmlElement, name: &str, detail: &T) {
    let detail = match serde_wasm_bindgen::to_value(detail) {
        Ok(v) => v,
        Err(e) => {
            gloo::console::error!(format!("kineret-widget: could not serialise {name}: {e}"));
            return;
        }
    };
    emit_value(host, name, &detail);
}

pub fn emit_value(host: &HtmlElement, name: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        Ok(ev) => {
            let _ = host.dispatch_event(&ev);
        }
        Err(_) => gloo::console::error!(format!("kineret-widget: could not create event {name}")),
    }
}
