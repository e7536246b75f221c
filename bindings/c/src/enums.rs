//! The numbered constants C passes and receives as `uint32_t`, and their conversions to the
//! core's types.
//!
//! Arguments are taken as `uint32_t`, never as the enum type, because a C caller can pass any
//! number and an out-of-range value in a Rust enum would be undefined behaviour. An unknown
//! number is `MBASU_STATUS_INVALID_ARGUMENT`.

use mbasu::cert_no::Gender;
use mbasu::mobile_segments::{Operator, SegmentKind};
use mbasu::{ChangeKind, EncryptType, Error, Field, HexCase, Mode, Severity};

use crate::ffi::invalid_argument;

/// Language of a message.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_lang {
    /// Simplified Chinese (zh-CN).
    Zh = 0,
    /// English.
    En = 1,
}

/// The input a problem, change or value is about.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_field {
    /// No input field: argument, encryption and envelope codes.
    Other = 0,
    /// `mobile`.
    Mobile = 1,
    /// `certType`.
    CertType = 2,
    /// `certNo`, the resident identity card number.
    CertNo = 3,
    /// `name`.
    Name = 4,
    /// `encryptType`.
    EncryptType = 5,
}

/// Whether a validation problem blocks the value.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_severity {
    /// The value is rejected.
    Error = 0,
    /// The value is accepted, but is suspicious (an unknown mobile segment, for example).
    Warning = 1,
}

/// Validation mode: whether a value must already be canonical.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_mode {
    /// The value must already be canonical; every difference is a problem.
    Strict = 0,
    /// Fixable differences (spaces, full-width digits, `x`, look-alike dots) are corrected and
    /// listed as changes, and the corrected value is validated.
    Normalize = 1,
}

/// Protection method of a field (encryptType). These numbers identify the method in this
/// API, and the codes sent on the wire come from the configuration's code table.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_encrypt_type {
    /// The value as it is.
    Plaintext = 0,
    /// MD5, hexadecimal.
    Md5 = 1,
    /// SHA-256, hexadecimal.
    Sha256 = 2,
    /// SM3 (GB/T 32905), hexadecimal.
    Sm3 = 3,
    /// 3DES with the configuration's key, mode and encoding.
    TripleDes = 4,
}

/// The correction normalising mode made.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_change_kind {
    /// Whitespace before or after the value was removed.
    Trimmed = 0,
    /// Full-width digits, letters or `＋` became ASCII.
    FullWidthConverted = 1,
    /// Spaces, hyphens or brackets inside a phone number were removed.
    SeparatorsRemoved = 2,
    /// The country code `+86`, `0086` or `86` was removed.
    CountryCodeRemoved = 3,
    /// A lowercase check character `x` became `X`.
    CheckCharacterUppercased = 4,
    /// A look-alike dot became the middle dot U+00B7.
    DotReplaced = 5,
    /// Whitespace inside a name was removed.
    WhitespaceRemoved = 6,
}

/// Encoding of the key bytes given to `mbasu_config_builder_set_triple_des_key`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_key_format {
    /// Exactly 24 raw bytes, K1‖K2‖K3.
    Raw = 0,
    /// Exactly 16 raw bytes K1‖K2, expanded to K1‖K2‖K1 (an explicit opt-in).
    RawTwoKey = 1,
    /// Base64 text of 24 bytes; whitespace is ignored.
    Base64 = 2,
    /// 48 hexadecimal digits of either case.
    Hex = 3,
}

/// Block mode of 3DES.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_cipher_mode {
    /// ECB, Java's `DESede/ECB/PKCS5Padding`; takes no IV.
    Ecb = 0,
    /// CBC with an explicit 8-byte IV.
    Cbc = 1,
}

/// Text encoding of 3DES ciphertext.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_cipher_encoding {
    /// Standard Base64 with padding and without line breaks.
    Base64 = 0,
    /// Lowercase hexadecimal.
    Hex = 1,
}

/// Letter case of hexadecimal digests.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_hex_case {
    /// Lowercase, the default.
    Lower = 0,
    /// Uppercase.
    Upper = 1,
}

/// Gender as the ID number's sequence digit encodes it.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_gender {
    /// Odd sequence digit.
    Male = 0,
    /// Even sequence digit.
    Female = 1,
}

/// Allocation kind of a mobile segment.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_segment_kind {
    /// A basic operator's ordinary mobile numbers.
    Basic = 0,
    /// Virtual operators.
    Virtual = 1,
    /// Data-only cards.
    Data = 2,
    /// China Broadnet.
    Broadcast = 3,
    /// Satellite phones.
    Satellite = 4,
}

/// The operator a mobile segment is allocated to.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_operator {
    /// China Mobile.
    ChinaMobile = 0,
    /// China Unicom.
    ChinaUnicom = 1,
    /// China Telecom.
    ChinaTelecom = 2,
    /// China Broadnet.
    ChinaBroadnet = 3,
    /// Shared by several operators, such as the virtual-operator segments.
    Various = 4,
}

pub(crate) fn mode_arg(mode: u32) -> Result<Mode, Error> {
    match mode {
        0 => Ok(Mode::Strict),
        1 => Ok(Mode::Normalize),
        _ => Err(invalid_argument(
            "mode",
            mode,
            "MBASU_MODE_STRICT or MBASU_MODE_NORMALIZE",
        )),
    }
}

pub(crate) fn encrypt_type_arg(encrypt_type: u32) -> Result<EncryptType, Error> {
    EncryptType::ALL
        .get(encrypt_type as usize)
        .copied()
        .ok_or_else(|| {
            invalid_argument(
                "encrypt_type",
                encrypt_type,
                "an mbasu_encrypt_type (0 to 4)",
            )
        })
}

pub(crate) fn encrypt_type_number(encrypt_type: EncryptType) -> u32 {
    match encrypt_type {
        EncryptType::Plaintext => mbasu_encrypt_type::Plaintext as u32,
        EncryptType::Md5 => mbasu_encrypt_type::Md5 as u32,
        EncryptType::Sha256 => mbasu_encrypt_type::Sha256 as u32,
        EncryptType::Sm3 => mbasu_encrypt_type::Sm3 as u32,
        EncryptType::TripleDes => mbasu_encrypt_type::TripleDes as u32,
    }
}

pub(crate) fn field_number(field: Field) -> u32 {
    let number = match field {
        Field::Mobile => mbasu_field::Mobile,
        Field::CertType => mbasu_field::CertType,
        Field::CertNo => mbasu_field::CertNo,
        Field::Name => mbasu_field::Name,
        Field::EncryptType => mbasu_field::EncryptType,
        Field::Other => mbasu_field::Other,
    };
    number as u32
}

pub(crate) fn field_arg(field: u32) -> Result<Field, Error> {
    [
        Field::Other,
        Field::Mobile,
        Field::CertType,
        Field::CertNo,
        Field::Name,
        Field::EncryptType,
    ]
    .get(field as usize)
    .copied()
    .ok_or_else(|| invalid_argument("field", field, "an mbasu_field (0 to 5)"))
}

pub(crate) fn severity_number(severity: Severity) -> u32 {
    match severity {
        Severity::Error => mbasu_severity::Error as u32,
        Severity::Warning => mbasu_severity::Warning as u32,
    }
}

pub(crate) fn change_kind_number(kind: ChangeKind) -> u32 {
    let number = match kind {
        ChangeKind::Trimmed => mbasu_change_kind::Trimmed,
        ChangeKind::FullWidthConverted => mbasu_change_kind::FullWidthConverted,
        ChangeKind::SeparatorsRemoved => mbasu_change_kind::SeparatorsRemoved,
        ChangeKind::CountryCodeRemoved => mbasu_change_kind::CountryCodeRemoved,
        ChangeKind::CheckCharacterUppercased => mbasu_change_kind::CheckCharacterUppercased,
        ChangeKind::DotReplaced => mbasu_change_kind::DotReplaced,
        ChangeKind::WhitespaceRemoved => mbasu_change_kind::WhitespaceRemoved,
    };
    number as u32
}

pub(crate) fn hex_case_arg(hex_case: u32) -> Result<HexCase, Error> {
    match hex_case {
        0 => Ok(HexCase::Lower),
        1 => Ok(HexCase::Upper),
        _ => Err(invalid_argument(
            "hex_case",
            hex_case,
            "MBASU_HEX_CASE_LOWER or MBASU_HEX_CASE_UPPER",
        )),
    }
}

pub(crate) fn gender_number(gender: Gender) -> u32 {
    match gender {
        Gender::Male => mbasu_gender::Male as u32,
        Gender::Female => mbasu_gender::Female as u32,
    }
}

pub(crate) fn segment_kind_number(kind: SegmentKind) -> u32 {
    let number = match kind {
        SegmentKind::Basic => mbasu_segment_kind::Basic,
        SegmentKind::Virtual => mbasu_segment_kind::Virtual,
        SegmentKind::Data => mbasu_segment_kind::Data,
        SegmentKind::Broadcast => mbasu_segment_kind::Broadcast,
        SegmentKind::Satellite => mbasu_segment_kind::Satellite,
    };
    number as u32
}

pub(crate) fn operator_number(operator: Operator) -> u32 {
    let number = match operator {
        Operator::ChinaMobile => mbasu_operator::ChinaMobile,
        Operator::ChinaUnicom => mbasu_operator::ChinaUnicom,
        Operator::ChinaTelecom => mbasu_operator::ChinaTelecom,
        Operator::ChinaBroadnet => mbasu_operator::ChinaBroadnet,
        Operator::Various => mbasu_operator::Various,
    };
    number as u32
}

/// One of the spec's interfaces; the code travels in the URL path (`{base}/MBASU001`).
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_interface {
    /// MBASU001: whether mobile, certNo and name belong together.
    Mbasu001 = 0,
    /// MBASU010: how long the number has been in the network.
    Mbasu010 = 1,
    /// MBASU004: the line's status; it takes no encryptType.
    Mbasu004 = 2,
}

/// The shape of a request body.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_request_form {
    /// `head` with requestRefId only, and `param` in the clear (fields encrypted per
    /// encryptType).
    Standard = 0,
    /// Standard plus `secretId` and the HMAC-SHA1 `signature` in the head.
    Signed = 1,
    /// Signed head, and `request` sealed with 3DES under the secretKey.
    Sealed = 2,
}

/// Category of the provider's result.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_category {
    /// A definite result.
    Answered = 0,
    /// `-1`: the provider has no data; asking again will not help.
    NoData = 1,
    /// `-2`: the query failed on the provider's side; a retry can help.
    QueryError = 2,
}

/// Whether the check passed, from the integrator's point of view. Every MBASU010 band counts
/// as a pass; the policy reads `mbasu_interpretation_in_net_period`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_outcome {
    /// The check passed.
    Pass = 0,
    /// The check failed.
    Fail = 1,
    /// The provider has no data.
    NoData = 2,
    /// The query failed on the provider's side.
    QueryError = 3,
}

/// The status of a line, from MBASU004.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_line_status {
    /// `1`: in use.
    InUse = 0,
    /// `2`: suspended.
    Suspended = 1,
    /// `3`: in the network but unusable.
    Unusable = 2,
    /// `4`: not in the network (cancelled).
    Cancelled = 3,
}

/// Classification of an HTTP exchange by `mbasu_interpret_http`, for the caller's retry policy.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_http_kind {
    /// The provider answered per the spec (the value may still be `-1` or `-2`).
    Answered = 0,
    /// The provider returned a non-success responseCode; do not retry automatically.
    ProviderError = 1,
    /// The exchange failed below the spec's level; retryable for 5xx, 408 and 429.
    TransportFailure = 2,
    /// A 2xx response whose body breaks the spec; retrying rarely helps.
    InvalidResponse = 3,
}

/// `encrypt_type` value of `mbasu_build_request` for a request without `encryptType`, which
/// the provider reads as plaintext; MBASU004 accepts only this. Also what
/// `mbasu_parsed_request_encrypt_type` returns for a request without one.
pub const MBASU_NO_ENCRYPT_TYPE: u32 = 0xFFFF_FFFF;

/// `months_at_most` of the last MBASU010 band (more than 24 months), which has no upper bound.
pub const MBASU_MONTHS_UNBOUNDED: u32 = 0xFFFF_FFFF;

pub(crate) fn interface_arg(interface: u32) -> Result<mbasu::Interface, Error> {
    mbasu::Interface::ALL
        .get(interface as usize)
        .copied()
        .ok_or_else(|| invalid_argument("interface", interface, "an mbasu_interface (0 to 2)"))
}

pub(crate) fn interface_number(interface: mbasu::Interface) -> u32 {
    let number = match interface {
        mbasu::Interface::Mbasu001 => mbasu_interface::Mbasu001,
        mbasu::Interface::Mbasu010 => mbasu_interface::Mbasu010,
        mbasu::Interface::Mbasu004 => mbasu_interface::Mbasu004,
    };
    number as u32
}

pub(crate) fn form_arg(form: u32) -> Result<mbasu::RequestForm, Error> {
    match form {
        0 => Ok(mbasu::RequestForm::Standard),
        1 => Ok(mbasu::RequestForm::Signed),
        2 => Ok(mbasu::RequestForm::Sealed),
        _ => Err(invalid_argument(
            "form",
            form,
            "an mbasu_request_form (0 to 2)",
        )),
    }
}

pub(crate) fn form_number(form: mbasu::RequestForm) -> u32 {
    let number = match form {
        mbasu::RequestForm::Standard => mbasu_request_form::Standard,
        mbasu::RequestForm::Signed => mbasu_request_form::Signed,
        mbasu::RequestForm::Sealed => mbasu_request_form::Sealed,
    };
    number as u32
}

pub(crate) fn category_number(category: mbasu::Category) -> u32 {
    let number = match category {
        mbasu::Category::Answered => mbasu_category::Answered,
        mbasu::Category::NoData => mbasu_category::NoData,
        mbasu::Category::QueryError => mbasu_category::QueryError,
    };
    number as u32
}

pub(crate) fn outcome_number(outcome: mbasu::Outcome) -> u32 {
    let number = match outcome {
        mbasu::Outcome::Pass => mbasu_outcome::Pass,
        mbasu::Outcome::Fail => mbasu_outcome::Fail,
        mbasu::Outcome::NoData => mbasu_outcome::NoData,
        mbasu::Outcome::QueryError => mbasu_outcome::QueryError,
    };
    number as u32
}

pub(crate) fn line_status_number(status: mbasu::LineStatus) -> u32 {
    let number = match status {
        mbasu::LineStatus::InUse => mbasu_line_status::InUse,
        mbasu::LineStatus::Suspended => mbasu_line_status::Suspended,
        mbasu::LineStatus::Unusable => mbasu_line_status::Unusable,
        mbasu::LineStatus::Cancelled => mbasu_line_status::Cancelled,
    };
    number as u32
}
