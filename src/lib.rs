//! Kineret (anakinra) companion widget.
//!
//! `core` is the pure functional core (native `cargo test`); `shell` is the
//! browser shell (Yew components, embed glue, storage and clock adapters) and
//! only exists for `wasm32`.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod shell;

/// The crate version, shown in the UI and returned by the JS `version()`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
