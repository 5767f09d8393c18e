//! Shared test fixtures (not a test target itself): the browser fixture for
//! the wasm-bindgen-test files, and the serde_json codec double for the
//! native property and hardening tests. Each test file uses a subset.
#![allow(dead_code)]

#[cfg(target_arch = "wasm32")]
pub mod browser;

pub mod cases;

#[cfg(not(target_arch = "wasm32"))]
pub mod json;
