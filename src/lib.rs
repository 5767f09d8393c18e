//! Kineret (anakinra) companion widget.
//!
//! `core` is the pure functional core (native `cargo test`); `shell` is the
//! browser shell (Yew components, embed glue, storage and clock adapters) and
//! only exists for `wasm32`.

pub mod core;

// The split points need wasm-split-cli on a wasm32 module (docs/SIZE.md);
// natively every text would read as empty.
#[cfg(all(feature = "split", not(target_arch = "wasm32")))]
compile_error!("the `split` feature is for the shipped wasm32 build only (make dist)");

#[cfg(target_arch = "wasm32")]
pub mod shell;

/// The crate version, shown in the UI and returned by the JS `version()`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
