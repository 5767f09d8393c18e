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

/// Talc instead of std's dlmalloc: smaller code and a binned free list, so
/// no allocation searches a list that grows over a long session (measured
/// in docs/SIZE.md). wasm32 without threads only, which is this crate's
/// only browser target.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The crate version, shown in the UI and returned by the JS `version()`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
