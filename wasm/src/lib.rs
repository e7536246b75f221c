//! The WebAssembly binding of mbasu, for browsers (`wasm-bindgen --target web`) and Node.js
//! (`--target nodejs`).
//!
//! Front ends check an applicant's mobile, ID number and name as they are typed and hash them
//! before anything leaves the page. Every export only converts JavaScript values and calls the
//! core; the rules, messages and error codes are the core's.
//!
//! Conventions of every export:
//! - Names are camelCase; results are plain objects (see the TypeScript types).
//! - Errors are thrown as `MbasuError` with mbasu's numeric `code` and its `name`.
//! - Strings are read as UTF-16 code units, so a lone surrogate is an error (code 3).
//! - A panic is thrown as `MbasuError` code 6, and the next call runs on a fresh instance.
//!
//! Features (both default): `full` adds MD5, SHA256 and 3DES to validation and SM3, and
//! `envelope` adds request envelopes and response interpretation. Without either, the build is
//! the slim one.

mod boundary;
mod convert;
mod encrypt;
#[cfg(feature = "envelope")]
mod envelope;
mod packed;
mod validate;

use wasm_bindgen::prelude::*;

/// The version of the mbasu core in this package.
#[wasm_bindgen]
pub fn version() -> String {
    boundary::enter();
    mbasu::VERSION.into()
}

/// Panics on purpose, so tests can check that a panic arrives as `MbasuError` code 6 and that
/// the following call still works. It has no other use.
#[wasm_bindgen(js_name = testPanic)]
pub fn test_panic() {
    boundary::enter();
    panic!("testPanic was called");
}

/// talc instead of Rust's default dlmalloc: about 3 KB smaller after gzip, with no difference
/// in `bench/bench.mjs` beyond its noise. `WasmDynamicTalc` is for single-threaded WebAssembly
/// only, hence the `atomics` condition.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
