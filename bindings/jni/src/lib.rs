//! JNI glue of the Java binding: the native methods of `cn.mbasu.NativeBridge`.
//!
//! The glue converts and calls the core; it contains no validation, crypto or JSON rule of its
//! own. Java strings arrive as UTF-16 code units and are decoded by the core's UTF-16 decoder
//! in `mbasu::text` ([`strings`]). Results return as one packed UTF-16 string or UTF-8
//! `byte[]` ([`packed`]). Every method runs inside `catch_unwind`, and errors and panics become
//! `cn.mbasu.MbasuException` with the core's code and name ([`boundary`]).
//!
//! `unsafe` appears where jni 0.22.4 has no safe wrapper (the raw UTF-16 string and byte array
//! functions, the configuration handle, and the memory of a direct buffer whose address Java
//! passes in) and in one unchecked UTF-8 conversion of text that `strings::TextBuffer` has
//! already decoded.

mod boundary;
mod config;
mod enums;
mod exchange;
mod handle;
mod misc;
mod packed;
mod provider;
mod scratch;
mod strings;
mod validation;
