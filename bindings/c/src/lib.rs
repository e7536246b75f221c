//! The C ABI of mbasu, built as `libmbasu.a` and `libmbasu.so` with the header
//! `include/mbasu.h`, which cbindgen generates from this crate.
//!
//! The crate only converts: it checks C arguments, calls the `mbasu` core and hands results
//! back as opaque handles. Every rule of validation, encryption and the envelopes stays in
//! the core. The conventions every function follows are written once, in the header's
//! preamble (`cbindgen.toml`). This is the only crate of the project with `unsafe` code, and
//! every `unsafe` block states why it is sound in a `// SAFETY:` comment.

#![allow(non_camel_case_types)]

mod cert_no;
mod config;
mod encrypt;
mod enums;
mod envelope;
mod error;
mod ffi;
mod panic;
mod provider;
mod string;
mod testing;
mod text;
mod validate;

pub use cert_no::*;
pub use config::*;
pub use encrypt::*;
pub use enums::*;
pub use envelope::*;
pub use error::*;
pub use provider::*;
pub use string::*;
pub use testing::*;
pub use text::*;
pub use validate::*;

// The version macros of the header; `tests/header.rs` checks them against Cargo.toml, and the
// header's trailer (cbindgen.toml) builds MBASU_VERSION_STRING from them.

/// Major version of the header; the library's is `mbasu_version()`.
pub const MBASU_VERSION_MAJOR: u32 = 0;
/// Minor version of the header.
pub const MBASU_VERSION_MINOR: u32 = 1;
/// Patch version of the header.
pub const MBASU_VERSION_PATCH: u32 = 0;

/// Returns the library's version as static, NUL-terminated text (`"0.1.0"`), to compare with
/// `MBASU_VERSION_STRING` when the program and the shared library may come from different
/// builds. Never fails and never returns NULL; callable from any thread.
#[no_mangle]
pub extern "C" fn mbasu_version() -> *const std::ffi::c_char {
    const VERSION: &std::ffi::CStr = match std::ffi::CStr::from_bytes_with_nul(
        concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes(),
    ) {
        Ok(version) => version,
        Err(_) => c"unknown",
    };
    VERSION.as_ptr()
}
