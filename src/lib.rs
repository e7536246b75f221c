//! mbasu: the no-network core for the MBASU001 (mobile, ID number and name match), MBASU010
//! (time in network) and MBASU004 (line status) mobile verification interfaces.
//!
//! It validates and normalises the fields, applies the spec's `encryptType` (plaintext, MD5,
//! SHA256, SM3, 3DES), and reports every problem with a stable [`ErrorCode`] and messages in
//! Chinese and English. It does no I/O and keeps no global state.

#![forbid(unsafe_code)]

mod base64;
pub mod cert_no;
#[cfg(any(feature = "compact-digests", test))]
mod compact_digest;
pub mod config;
pub mod conformance;
pub mod date;
pub mod encrypt;
pub mod envelope;
pub mod error;
pub mod interface;
mod json;
pub mod mobile;
pub mod mobile_segments;
pub mod name;
pub mod provider;
pub mod response;
pub mod text;
pub mod validate;
mod wire;

pub use config::{Config, ConfigBuilder, Credentials, RandomSource};
pub use date::{Clock, Date, FixedClock, SystemClock};
pub use encrypt::{
    CipherEncoding, CipherMode, EncryptType, EncryptTypeCodes, FieldEncryptor, HashOptions,
    HexCase, TripleDes, TripleDesKey,
};
pub use envelope::{build_request, BuiltRequest, RequestFields, RequestForm, RequestOptions};
pub use error::{Error, ErrorCode, Field, Lang, Result};
pub use interface::Interface;
pub use provider::{build_response, parse_request, BuiltResponse, ParsedRequest, Reply};
pub use response::{
    interpret_http, parse_response, parse_response_borrowed, BorrowedInterpretation, Category,
    Detail, HttpOutcome, Interpretation, LineStatus, Outcome,
};
pub use validate::{
    validate_applicant, validate_cert_no, validate_mobile, validate_name, Applicant, Change,
    ChangeKind, FieldReport, Mode, Options, Problem, Report, Severity,
};

/// The crate version, for bindings that report it.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
