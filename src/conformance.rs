//! Checks a provider's raw response against the spec and lists every finding.

use serde_json::Value;

use crate::config::Config;
use crate::envelope::parse_json_body;
use crate::error::{ErrorCode, Result};
use crate::interface::Interface;
use crate::response::{interpret_value, open_response, SUCCESS_CODE};
use crate::validate::Severity;

/// One deviation from the spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: ErrorCode,
    pub severity: Severity,
    /// Where in the body, such as `head.responseCode`; empty for the body as a whole.
    pub path: String,
    pub message_zh: String,
    pub message_en: String,
}

/// What a conformance check looks at besides the body.
#[derive(Clone, Copy, Debug, Default)]
pub struct Exchange<'a> {
    /// The HTTP status the provider used, if known.
    pub http_status: Option<u16>,
    /// The request body this response answers, to check the requestRefId echo.
    pub request_body: Option<&'a [u8]>,
}

struct Findings(Vec<Finding>);

impl Findings {
    fn add(&mut self, code: ErrorCode, severity: Severity, path: &str, zh: String, en: String) {
        self.0.push(Finding {
            code,
            severity,
            path: path.to_owned(),
            message_zh: zh,
            message_en: en,
        });
    }

    fn error(&mut self, code: ErrorCode, path: &str, zh: String, en: String) {
        self.add(code, Severity::Error, path, zh, en);
    }

    fn warning(&mut self, code: ErrorCode, path: &str, zh: String, en: String) {
        self.add(code, Severity::Warning, path, zh, en);
    }
}

const HEAD_FIELDS: [&str; 5] = [
    "result",
    "responseRefId",
    "requestRefId",
    "responseCode",
    "responseMsg",
];

/// Lists every way the response deviates from the spec; an empty list means it conforms.
pub fn check_response(
    config: &Config,
    interface: Interface,
    body: &[u8],
    exchange: &Exchange<'_>,
) -> Vec<Finding> {
    let mut findings = Findings(Vec::new());

    let json = match parse_json_body(body, config.max_body_bytes()) {
        Ok(json) => json,
        Err(error) => {
            findings.error(
                error.code(),
                "",
                error.message_zh().to_owned(),
                error.message_en().to_owned(),
            );
            check_http_status(&mut findings, exchange, true);
            return findings.0;
        }
    };

    let head = json.get("head").filter(|h| h.is_object());
    let succeeded = head
        .is_some_and(|head| head.get("responseCode").and_then(Value::as_str) == Some(SUCCESS_CODE));
    let failed = match head {
        Some(head) => check_head(&mut findings, head, exchange),
        None => {
            findings.error(
                ErrorCode::MissingField,
                "head",
                "缺少 head 对象".into(),
                "the head object is missing".into(),
            );
            true
        }
    };
    if let Some(map) = json.as_object() {
        for key in map.keys().filter(|k| *k != "head" && *k != "response") {
            findings.warning(
                ErrorCode::UnexpectedField,
                key,
                format!("规范之外的字段 {key}"),
                format!("{key} is not defined by the spec"),
            );
        }
    }

    // A responseCode of 0000 promises a response value, so the value is checked even when
    // result disagrees with the code. Any other code is a failure reply, which may omit it.
    let query_failed = if succeeded {
        check_response_value(&mut findings, config, interface, json.get("response"))
    } else {
        false
    };
    check_http_status(&mut findings, exchange, failed || query_failed);
    findings.0
}

/// Checks the head; returns whether it reports a failure (result N or a non-0000 code).
fn check_head(findings: &mut Findings, head: &Value, exchange: &Exchange<'_>) -> bool {
    for field in HEAD_FIELDS {
        let path = format!("head.{field}");
        match head.get(field) {
            None | Some(Value::Null) => findings.error(
                ErrorCode::MissingField,
                &path,
                format!("缺少 {path}"),
                format!("{path} is missing"),
            ),
            Some(Value::String(_)) => {}
            Some(_) => findings.error(
                ErrorCode::WrongType,
                &path,
                format!("{path} 应为字符串"),
                format!("{path} must be a string"),
            ),
        }
    }

    let result = head.get("result").and_then(Value::as_str);
    let code = head.get("responseCode").and_then(Value::as_str);
    if let Some(result) = result {
        if result != "Y" && result != "N" {
            findings.error(
                ErrorCode::UnknownValue,
                "head.result",
                "head.result 应为 Y 或 N".into(),
                "head.result must be Y or N".into(),
            );
        }
    }
    let success = code == Some(SUCCESS_CODE);
    if (result == Some("Y") && !success && code.is_some()) || (result == Some("N") && success) {
        findings.error(
            ErrorCode::HeadResultMismatch,
            "head.result",
            "head.result 与 responseCode 不一致：Y 对应 0000".into(),
            "head.result disagrees with responseCode: Y goes with 0000".into(),
        );
    }

    if let Some(request_ref_id) = exchange.request_body.and_then(request_ref_of) {
        match head.get("requestRefId").and_then(Value::as_str) {
            None => findings.error(
                ErrorCode::RequestRefNotEchoed,
                "head.requestRefId",
                "没有回传请求的 requestRefId".into(),
                "the request's requestRefId is not echoed".into(),
            ),
            Some(echoed) if echoed != request_ref_id => findings.error(
                ErrorCode::RequestRefMismatch,
                "head.requestRefId",
                format!("回传的 requestRefId 为 {echoed}，请求为 {request_ref_id}"),
                format!("the echoed requestRefId is {echoed}, the request's is {request_ref_id}"),
            ),
            Some(_) => {}
        }
    }
    !success || result == Some("N")
}

fn request_ref_of(request_body: &[u8]) -> Option<String> {
    let json: Value = serde_json::from_slice(request_body).ok()?;
    json.get("head")?
        .get("requestRefId")?
        .as_str()
        .map(str::to_owned)
}

/// Checks the response value; returns whether it reports a query failure (-1 or -2).
fn check_response_value(
    findings: &mut Findings,
    config: &Config,
    interface: Interface,
    response: Option<&Value>,
) -> bool {
    let response = match response {
        None | Some(Value::Null) => {
            findings.error(
                ErrorCode::MissingField,
                "response",
                "缺少 response".into(),
                "response is missing".into(),
            );
            return false;
        }
        Some(response) => response,
    };
    let opened: Result<Value> = open_response(config, response);
    let object = match opened {
        Ok(object) => object,
        Err(error) => {
            findings.error(
                error.code(),
                "response",
                error.message_zh().to_owned(),
                error.message_en().to_owned(),
            );
            return false;
        }
    };

    let field = interface.response_field();
    let path = format!("response.{field}");
    if let Some(map) = object.as_object() {
        for key in map.keys().filter(|k| *k != field) {
            findings.warning(
                ErrorCode::UnexpectedField,
                &format!("response.{key}"),
                format!("response 含有规范之外的字段 {key}"),
                format!(
                    "response contains {key}, which {} does not define",
                    interface.code()
                ),
            );
        }
    }
    let value = match object.get(field) {
        None | Some(Value::Null) => {
            findings.error(
                ErrorCode::MissingField,
                &path,
                format!("缺少 {path}"),
                format!("{path} is missing"),
            );
            return false;
        }
        Some(Value::String(text)) => text.clone(),
        Some(Value::Number(number)) => {
            findings.warning(
                ErrorCode::ValueNotString,
                &path,
                format!("{path} 是数字，规范要求字符串"),
                format!("{path} is a number; the spec requires a string"),
            );
            number.to_string()
        }
        Some(_) => {
            findings.error(
                ErrorCode::WrongType,
                &path,
                format!("{path} 应为字符串"),
                format!("{path} must be a string"),
            );
            return false;
        }
    };

    if value.chars().count() > 2 {
        findings.error(
            ErrorCode::ValueTooLong,
            &path,
            format!("{path} 超过 2 个字符"),
            format!("{path} is longer than 2 characters"),
        );
    }
    match interpret_value(interface, &value) {
        Some(meaning) => meaning.category != crate::response::Category::Answered,
        None => {
            let shown: String = value.chars().take(8).collect();
            findings.error(
                ErrorCode::UnknownValue,
                &path,
                format!("{path} = {shown} 不在规范的取值中"),
                format!("{path} = {shown} is not a value the spec defines"),
            );
            false
        }
    }
}

fn check_http_status(findings: &mut Findings, exchange: &Exchange<'_>, query_failed: bool) {
    match exchange.http_status {
        Some(500) => findings.error(
            ErrorCode::Http500ForQueryFailure,
            "",
            "规范要求查询失败时返回 -2 或 -1，而不是 HTTP 500".into(),
            "the spec requires -2 or -1 for a failed query, not HTTP 500".into(),
        ),
        Some(status) if !(200..300).contains(&status) && query_failed => findings.warning(
            ErrorCode::Http500ForQueryFailure,
            "",
            format!("查询失败时使用了 HTTP {status}，规范要求用 -1 或 -2 回答"),
            format!("HTTP {status} was used for a failed query; the spec asks for -1 or -2"),
        ),
        _ => {}
    }
}
