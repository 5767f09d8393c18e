//! The browser's clock behind `core::clock::Clock`.

use crate::core::clock::Clock;

#[derive(Clone, Copy, Default, PartialEq)]
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now_ms(&self) -> i64 {
        js_sys::Date::now() as i64
    }

    /// Minutes to add to UTC for local time at that instant (JS gives the
    /// opposite sign), so daylight-saving changes are honoured per instant.
    fn local_offset_minutes(&self, at_ms: i64) -> i32 {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at_ms as f64));
        -(d.get_timezone_offset() as i32)
    }
}
