//! Browser shell: everything that touches yew, web-sys or js-sys.

pub mod api;
pub mod app;
pub mod components;
pub mod context;
pub mod embed;
pub mod events;
pub mod hooks;
pub mod lazy;
pub mod texts;
pub mod markup;
pub mod services;
pub mod split;
pub mod styles;

use wasm_bindgen::prelude::*;

/// Runs once when the wasm module is instantiated: any panic is reported to
/// the console instead of failing silently.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    // A text read before its language pack arrived is a bug in a pack list
    // (shell/texts.rs): say so, where the tests look (console errors).
    crate::core::i18n::on_missing_texts(|table| gloo::console::error!("kineret-widget: texts missing for", table));
}

#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}
