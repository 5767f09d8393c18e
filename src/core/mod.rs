//! The functional core: clinical rules, rotation, schedules, parsing and
//! formatting. Pure Rust: no yew, web-sys, js-sys or wasm-bindgen here, so it
//! builds and tests natively with `cargo test`.
//!
//! (Several people edit this list: add your line, never rewrite the file.)
pub mod i18n;
pub mod attrs;
pub mod ui;
pub mod units;
pub mod format;
pub mod limits;
pub mod dose;
pub mod storage;
pub mod clock;
pub mod date;
pub mod checklist;
pub mod safety;
pub mod sites;
pub mod renal;
pub mod api;
pub mod sort;
pub mod facts;
pub mod markup;
pub mod wire;
