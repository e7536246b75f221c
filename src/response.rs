//! Reading a provider's response and interpreting its one value.

use std::borrow::Cow;

use serde_json::Value;

use crate::config::Config;
use crate::envelope::body_bytes;
use crate::error::{Error, ErrorCode, Result};
use crate::interface::Interface;
use crate::wire::{read_response, read_sealed_body, Scalar, WireBody, WireResponse};

/// `responseCode` of a successful query.
pub const SUCCESS_CODE: &str = "0000";

/// The kind of result the provider returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// A definite result.
    Answered,
    /// `-1`: the provider has no data; asking again will not help.
    NoData,
    /// `-2`: the query failed on the provider's side; a retry can help.
    QueryError,
}

impl Category {
    pub fn name(self) -> &'static str {
        match self {
            Category::Answered => "answered",
            Category::NoData => "no_data",
            Category::QueryError => "query_error",
        }
    }

    /// Whether asking again can give a different result.
    pub fn is_retryable(self) -> bool {
        self == Category::QueryError
    }
}

/// Whether the check passed, from the integrator's point of view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    Pass,
    Fail,
    NoData,
    QueryError,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::Pass => "pass",
            Outcome::Fail => "fail",
            Outcome::NoData => "no_data",
            Outcome::QueryError => "query_error",
        }
    }
}

/// The status of a line, from MBASU004.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LineStatus {
    InUse,
    Suspended,
    Unusable,
    Cancelled,
}

impl LineStatus {
    pub fn name(self) -> &'static str {
        match self {
            LineStatus::InUse => "in_use",
            LineStatus::Suspended => "suspended",
            LineStatus::Unusable => "unusable",
            LineStatus::Cancelled => "cancelled",
        }
    }
}

/// The meaning of a definite result, per interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// MBASU001.
    Match {
        name_matches: bool,
        cert_no_matches: bool,
    },
    /// MBASU010: more than `months_above` and at most `months_at_most` months (no upper bound
    /// for the last band).
    InNetPeriod {
        months_above: u32,
        months_at_most: Option<u32>,
    },
    /// MBASU004.
    Status { status: LineStatus, usable: bool },
    /// No data or query error.
    None,
}

/// The meaning of one value of one interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ValueMeaning {
    pub category: Category,
    pub outcome: Outcome,
    pub detail: Detail,
    pub label_zh: &'static str,
    pub label_en: &'static str,
}

const fn meaning(
    outcome: Outcome,
    detail: Detail,
    label_zh: &'static str,
    label_en: &'static str,
) -> ValueMeaning {
    let category = match outcome {
        Outcome::NoData => Category::NoData,
        Outcome::QueryError => Category::QueryError,
        Outcome::Pass | Outcome::Fail => Category::Answered,
    };
    ValueMeaning {
        category,
        outcome,
        detail,
        label_zh,
        label_en,
    }
}

/// Every value each interface may return, in the spec's order.
pub fn values(interface: Interface) -> &'static [&'static str] {
    match interface {
        Interface::Mbasu001 => &["0", "1", "2", "3", "-1", "-2"],
        Interface::Mbasu010 => &["1", "2", "3", "4", "5", "6", "-1", "-2"],
        Interface::Mbasu004 => &["1", "2", "3", "4", "-1", "-2"],
    }
}

/// Interprets a response value; `None` for a value outside the spec's enumeration.
///
/// MBASU010 answers have no pass or fail in the spec, so every band counts as a pass and the
/// integrator's policy reads [`Detail::InNetPeriod`].
pub fn interpret_value(interface: Interface, value: &str) -> Option<ValueMeaning> {
    use Outcome::*;

    let no_data = meaning(NoData, Detail::None, "查无数据", "no data");
    let query_error = meaning(QueryError, Detail::None, "查询异常", "query error");
    let matched = |name_matches, cert_no_matches, zh, en| {
        let outcome = if name_matches && cert_no_matches {
            Pass
        } else {
            Fail
        };
        meaning(
            outcome,
            Detail::Match {
                name_matches,
                cert_no_matches,
            },
            zh,
            en,
        )
    };
    let period = |months_above, months_at_most, zh, en| {
        meaning(
            Pass,
            Detail::InNetPeriod {
                months_above,
                months_at_most,
            },
            zh,
            en,
        )
    };
    let status = |status, zh, en| {
        let usable = status == LineStatus::InUse;
        let outcome = if usable { Pass } else { Fail };
        meaning(outcome, Detail::Status { status, usable }, zh, en)
    };

    let result = match (interface, value) {
        (_, "-1") => no_data,
        (_, "-2") => query_error,
        (Interface::Mbasu001, "0") => matched(
            true,
            true,
            "手机号、证件号、姓名均一致",
            "mobile, ID number and name all match",
        ),
        (Interface::Mbasu001, "1") => matched(
            false,
            true,
            "手机号、证件号一致，姓名不一致",
            "mobile and ID number match, name differs",
        ),
        (Interface::Mbasu001, "2") => matched(
            true,
            false,
            "手机号、姓名一致，证件号不一致",
            "mobile and name match, ID number differs",
        ),
        (Interface::Mbasu001, "3") => {
            matched(false, false, "仅手机号一致", "only the mobile matches")
        }
        (Interface::Mbasu010, "1") => period(
            0,
            Some(1),
            "在网不超过 1 个月",
            "in network for 1 month or less",
        ),
        (Interface::Mbasu010, "2") => period(
            1,
            Some(2),
            "在网 1 至 2 个月",
            "in network for more than 1 and up to 2 months",
        ),
        (Interface::Mbasu010, "3") => period(
            2,
            Some(6),
            "在网 2 至 6 个月",
            "in network for more than 2 and up to 6 months",
        ),
        (Interface::Mbasu010, "4") => period(
            6,
            Some(12),
            "在网 6 至 12 个月",
            "in network for more than 6 and up to 12 months",
        ),
        (Interface::Mbasu010, "5") => period(
            12,
            Some(24),
            "在网 12 至 24 个月",
            "in network for more than 12 and up to 24 months",
        ),
        (Interface::Mbasu010, "6") => period(
            24,
            None,
            "在网超过 24 个月",
            "in network for more than 24 months",
        ),
        (Interface::Mbasu004, "1") => status(LineStatus::InUse, "正常在用", "in use"),
        (Interface::Mbasu004, "2") => status(LineStatus::Suspended, "停机", "suspended"),
        (Interface::Mbasu004, "3") => status(
            LineStatus::Unusable,
            "在网但不可用",
            "in network but unusable",
        ),
        (Interface::Mbasu004, "4") => status(
            LineStatus::Cancelled,
            "不在网（已销号）",
            "not in network (cancelled)",
        ),
        _ => return None,
    };
    Some(result)
}

/// A non-fatal deviation from the spec found while reading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub code: ErrorCode,
    pub message_zh: String,
    pub message_en: String,
}

/// A response read and interpreted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interpretation {
    pub interface: Interface,
    /// The value as the spec spells it, `"0"`, `"-1"` and so on.
    pub value: &'static str,
    pub meaning: ValueMeaning,
    pub request_ref_id: Option<String>,
    pub response_ref_id: Option<String>,
    pub response_msg: Option<String>,
    pub warnings: Vec<Warning>,
}

impl Interpretation {
    pub fn category(&self) -> Category {
        self.meaning.category
    }

    pub fn is_retryable(&self) -> bool {
        self.meaning.category.is_retryable()
    }
}

/// A response read and interpreted, with the head's text borrowed from the body unless it
/// contained escapes. Bindings that copy the text out at once use it to skip three allocations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BorrowedInterpretation<'a> {
    pub interface: Interface,
    /// The value as the spec spells it, `"0"`, `"-1"` and so on.
    pub value: &'static str,
    pub meaning: ValueMeaning,
    pub request_ref_id: Option<Cow<'a, str>>,
    pub response_ref_id: Option<Cow<'a, str>>,
    pub response_msg: Option<Cow<'a, str>>,
    pub warnings: Vec<Warning>,
}

impl BorrowedInterpretation<'_> {
    /// Copies the borrowed text, so the interpretation outlives the body.
    pub fn into_owned(self) -> Interpretation {
        Interpretation {
            interface: self.interface,
            value: self.value,
            meaning: self.meaning,
            request_ref_id: self.request_ref_id.map(Cow::into_owned),
            response_ref_id: self.response_ref_id.map(Cow::into_owned),
            response_msg: self.response_msg.map(Cow::into_owned),
            warnings: self.warnings,
        }
    }
}

/// Parses a response body, checks its head and interprets the value.
///
/// `expected_request_ref` is the requestRefId that was sent; when given, the echo must match.
/// A sealed `response` string is opened with the configured secretKey.
pub fn parse_response(
    config: &Config,
    interface: Interface,
    body: &[u8],
    expected_request_ref: Option<&str>,
) -> Result<Interpretation> {
    parse_response_borrowed(config, interface, body, expected_request_ref)
        .map(BorrowedInterpretation::into_owned)
}

/// Parses and interprets a response as [`parse_response`] does, borrowing the head's text from
/// `body`.
pub fn parse_response_borrowed<'a>(
    config: &Config,
    interface: Interface,
    body: &'a [u8],
    expected_request_ref: Option<&str>,
) -> Result<BorrowedInterpretation<'a>> {
    let mut wire = WireResponse::default();
    read_response(body_bytes(body, config.max_body_bytes)?, &mut wire)?;
    let head = wire.head.as_mut().ok_or_else(|| missing("head"))?;

    let response_code = head
        .response_code
        .as_deref()
        .ok_or_else(|| missing("head.responseCode"))?;
    let response_msg = head.response_msg.as_deref();
    if response_code != SUCCESS_CODE {
        return Err(Error::provider(response_code, response_msg.unwrap_or("")));
    }

    let request_ref_id = head.request_ref_id.as_deref();
    if let Some(expected) = expected_request_ref {
        if request_ref_id != Some(expected) {
            return Err(Error::with_detail(
                ErrorCode::RequestRefMismatch,
                &format!(
                    "发送 {expected}，收到 {}",
                    request_ref_id.unwrap_or("（无）")
                ),
                &format!(
                    "sent {expected}, received {}",
                    request_ref_id.unwrap_or("(none)")
                ),
            ));
        }
    }

    let response = wire.response.take().ok_or_else(|| missing("response"))?;
    let field = interface.response_field();
    let mut warnings = Vec::new();
    let value = read_value(config, interface, response, &mut warnings)?;

    let canonical = values(interface).iter().find(|v| **v == value);
    let meaning = canonical
        .and_then(|v| interpret_value(interface, v))
        .ok_or_else(|| {
            let shown: String = value.chars().take(8).collect();
            Error::with_detail(
                ErrorCode::UnknownValue,
                &format!(
                    "response.{field} = {shown} 不在 {} 的取值范围内",
                    interface.code()
                ),
                &format!(
                    "response.{field} = {shown} is not a value {} defines",
                    interface.code()
                ),
            )
        })?;

    Ok(BorrowedInterpretation {
        interface,
        value: canonical.copied().unwrap_or_default(),
        meaning,
        request_ref_id: head.request_ref_id.take(),
        response_ref_id: head.response_ref_id.take(),
        response_msg: head.response_msg.take(),
        warnings,
    })
}

/// Reads the interface's value from the `response` member, opening it first when sealed.
fn read_value<'a>(
    config: &Config,
    interface: Interface,
    response: WireBody<'a>,
    warnings: &mut Vec<Warning>,
) -> Result<Cow<'a, str>> {
    let values = match response {
        WireBody::Values(values) => values,
        WireBody::Sealed(sealed) => {
            let opened = config.sealing_cipher()?.decrypt_text(&sealed)?;
            match read_sealed_body(opened.as_bytes(), "response")? {
                WireBody::Values(values) => values.into_owned(),
                _ => return Err(not_an_object()),
            }
        }
        WireBody::Other => return Err(not_an_object()),
    };
    let scalar = match interface {
        Interface::Mbasu001 => values.is_id_name_match,
        Interface::Mbasu010 => values.in_net_period,
        Interface::Mbasu004 => values.mobile_status,
    };

    let path = || format!("response.{}", interface.response_field());
    match scalar {
        None => Err(missing(&path())),
        Some(Scalar::Str(text)) => Ok(text),
        Some(Scalar::Number(number)) => {
            let path = path();
            warnings.push(Warning {
                code: ErrorCode::ValueNotString,
                message_zh: format!("{path} 是数字 {number}，规范要求字符串"),
                message_en: format!("{path} is the number {number}; the spec requires a string"),
            });
            Ok(number)
        }
        Some(Scalar::Other) => Err(wrong_type(&path())),
    }
}

fn not_an_object() -> Error {
    Error::with_detail(
        ErrorCode::WrongType,
        "response 应为对象或密封字符串",
        "response must be an object or a sealed string",
    )
}

fn missing(path: &str) -> Error {
    Error::with_detail(
        ErrorCode::MissingField,
        &format!("缺少 {path}"),
        &format!("{path} is missing"),
    )
}

fn wrong_type(path: &str) -> Error {
    Error::with_detail(
        ErrorCode::WrongType,
        &format!("{path} 应为字符串"),
        &format!("{path} must be a string"),
    )
}

/// Returns the `response` object, decrypting it first when it is a sealed string.
pub(crate) fn open_response(config: &Config, response: &Value) -> Result<Value> {
    match response {
        Value::Object(_) => Ok(response.clone()),
        Value::String(sealed) => {
            let plaintext = config.sealing_cipher()?.decrypt_text(sealed)?;
            let opened: Value = serde_json::from_str(&plaintext).map_err(|error| {
                Error::with_detail(
                    ErrorCode::MalformedJson,
                    &format!("解密后的 response 不是 JSON：{error}"),
                    &format!("the decrypted response is not JSON: {error}"),
                )
            })?;
            if !opened.is_object() {
                return Err(Error::with_detail(
                    ErrorCode::WrongType,
                    "response 应为对象",
                    "response must be an object",
                ));
            }
            Ok(opened)
        }
        _ => Err(Error::with_detail(
            ErrorCode::WrongType,
            "response 应为对象或密封字符串",
            "response must be an object or a sealed string",
        )),
    }
}

/// The classification of an HTTP exchange, which decides whether to retry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HttpOutcome {
    /// The provider answered per the spec (the value may still be -1 or -2).
    Answered(Interpretation),
    /// The provider returned a non-success responseCode; not retried automatically.
    ProviderError(Error),
    /// The exchange failed below the spec's level; `retryable` for 5xx, 408 and 429.
    TransportFailure {
        status: u16,
        retryable: bool,
        error: Error,
    },
    /// A 2xx whose body breaks the spec; retrying rarely helps, so report it.
    InvalidResponse(Error),
}

/// Classifies an HTTP status and body. A non-2xx status whose body is still a spec response
/// (some providers answer -2 with HTTP 500, which the spec forbids) is read as that response.
pub fn interpret_http(
    config: &Config,
    interface: Interface,
    status: u16,
    body: &[u8],
    expected_request_ref: Option<&str>,
) -> HttpOutcome {
    let parsed = parse_response(config, interface, body, expected_request_ref);
    let success = (200..300).contains(&status);

    match parsed {
        Ok(interpretation) => HttpOutcome::Answered(interpretation),
        Err(error) if error.code() == ErrorCode::ProviderError => HttpOutcome::ProviderError(error),
        Err(error) if success => HttpOutcome::InvalidResponse(error),
        Err(_) => {
            let retryable = status >= 500 || status == 408 || status == 429;
            let error = Error::new(
                ErrorCode::ProviderError,
                format!(
                    "HTTP {status}：传输失败{}",
                    if retryable {
                        "，可以重试"
                    } else {
                        "，请检查请求"
                    }
                ),
                format!(
                    "HTTP {status}: transport failure{}",
                    if retryable {
                        "; a retry may help"
                    } else {
                        "; check the request"
                    }
                ),
            );
            HttpOutcome::TransportFailure {
                status,
                retryable,
                error,
            }
        }
    }
}
