//! JNI glue of the Java binding: the native methods of `cn.mbasu.NativeBridge`.
//!
//! The glue converts and calls the core; it contains no validation, crypto or JSON rule of its
//! own. Java strings arrive as UTF-16 code units and are decoded by
//! `mbasu::text::text_from_utf16` ([`strings`]); results return as one packed UTF-16 string
//! ([`packed`]); every method runs inside `catch_unwind`, and errors and panics become
//! `cn.mbasu.MbasuException` with the core's code and name ([`boundary`]).
//!
//! `unsafe` appears only where jni 0.22.4 has no safe wrapper: the raw UTF-16 string
//! functions and the configuration handle.

mod boundary;
mod config;
mod enums;
mod exchange;
mod handle;
mod misc;
mod packed;
mod provider;
mod strings;
mod validation;
