//! Typed, borrowing views of response bodies, so reading a response costs one pass over the
//! text and no tree of JSON values.

use std::borrow::Cow;

use crate::error::{ErrorCode, Result};
use crate::json::{locate, read_json, JsonResult, Kind, Reader};

/// A JSON value where the spec expects a string: a string, a number (read with a warning) as
/// it was written, or anything else (a type error).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Scalar<'a> {
    Str(Cow<'a, str>),
    Number(Cow<'a, str>),
    Other,
}

/// A response body, read in one pass.
#[derive(Default)]
pub(crate) struct WireResponse<'a> {
    pub head: Option<WireHead<'a>>,
    pub response: Option<WireBody<'a>>,
}

/// The `response` member: the values object, or a sealed Base64 string.
pub(crate) enum WireBody<'a> {
    Values(WireValues<'a>),
    Sealed(Cow<'a, str>),
    Other,
}

/// The response head; a missing member gets its own error from the caller.
#[derive(Default)]
pub(crate) struct WireHead<'a> {
    pub response_ref_id: Option<Cow<'a, str>>,
    pub request_ref_id: Option<Cow<'a, str>>,
    pub response_code: Option<Cow<'a, str>>,
    pub response_msg: Option<Cow<'a, str>>,
}

/// The `response` object of any of the three interfaces; unknown members are skipped.
#[derive(Default)]
pub(crate) struct WireValues<'a> {
    pub is_id_name_match: Option<Scalar<'a>>,
    pub in_net_period: Option<Scalar<'a>>,
    pub mobile_status: Option<Scalar<'a>>,
}

/// Reads a whole response body into `wire`, which starts empty. Syntax errors are
/// malformed_json; a member of a type the spec does not allow, or given twice, is wrong_type.
///
/// The parts are filled in place rather than returned, because the compiler copies these few
/// hundred bytes at every `Result` they pass through.
pub(crate) fn read_response<'a>(body: &'a [u8], wire: &mut WireResponse<'a>) -> Result<()> {
    read_json(body, "", |reader| {
        if reader.peek()? != Kind::Object {
            return Err(reader.type_error("报文应为 JSON 对象", "the body must be a JSON object"));
        }
        reader.begin_object()?;
        let (mut seen_head, mut seen_response) = (false, false);
        while let Some(name) = reader.next_member()? {
            match &*name {
                "head" => {
                    once(reader, &mut seen_head, "head")?;
                    read_head(reader, &mut wire.head)?;
                }
                "response" => {
                    once(reader, &mut seen_response, "response")?;
                    match reader.peek()? {
                        Kind::Null => reader.skip_value()?,
                        _ => read_body(reader, &mut wire.response)?,
                    }
                }
                _ => reader.skip_value()?,
            }
        }
        Ok(())
    })
}

/// Reads the decrypted text of a sealed `response`; `path` names it in messages.
pub(crate) fn read_sealed_body<'a>(text: &'a [u8], path: &str) -> Result<WireBody<'a>> {
    let mut body = None;
    read_json(text, path, |reader| read_body(reader, &mut body))?;
    // read_body sets the body whenever it succeeds.
    Ok(body.unwrap_or(WireBody::Other))
}

/// Reads the `head` object into `out`, or leaves `out` empty for `null`.
fn read_head<'a>(reader: &mut Reader<'a>, out: &mut Option<WireHead<'a>>) -> JsonResult<()> {
    match reader.peek()? {
        Kind::Null => return reader.skip_value(),
        Kind::Object => {}
        _ => return Err(reader.type_error("head 应为对象", "head must be an object")),
    }

    reader.begin_object()?;
    let head = out.insert(WireHead::default());
    // A member given as null leaves its slot empty, so repeats are tracked apart from the slots.
    let mut seen = [false; 4];
    while let Some(name) = reader.next_member()? {
        let (index, slot) = match &*name {
            "responseRefId" => (0, &mut head.response_ref_id),
            "requestRefId" => (1, &mut head.request_ref_id),
            "responseCode" => (2, &mut head.response_code),
            "responseMsg" => (3, &mut head.response_msg),
            _ => {
                reader.skip_value()?;
                continue;
            }
        };
        if std::mem::replace(&mut seen[index], true) {
            return Err(duplicate(reader, &format!("head.{name}")));
        }
        *slot = match reader.peek()? {
            Kind::String => Some(reader.string()?),
            Kind::Null => {
                reader.skip_value()?;
                None
            }
            _ => {
                return Err(reader.type_error(
                    format!("head.{name} 应为字符串"),
                    format!("head.{name} must be a string"),
                ))
            }
        };
    }
    Ok(())
}

/// Reads the `response` member into `out`: an object of values, a sealed string, or another
/// type.
fn read_body<'a>(reader: &mut Reader<'a>, out: &mut Option<WireBody<'a>>) -> JsonResult<()> {
    match reader.peek()? {
        Kind::Object => {}
        Kind::String => {
            *out = Some(WireBody::Sealed(reader.string()?));
            return Ok(());
        }
        _ => {
            reader.skip_value()?;
            *out = Some(WireBody::Other);
            return Ok(());
        }
    }

    reader.begin_object()?;
    let mut values = WireValues::default();
    while let Some(name) = reader.next_member()? {
        let slot = match &*name {
            "isIdNameMatch" => &mut values.is_id_name_match,
            "inNetPeriod" => &mut values.in_net_period,
            "mobileStatus" => &mut values.mobile_status,
            _ => {
                reader.skip_value()?;
                continue;
            }
        };
        if slot.is_some() {
            return Err(duplicate(reader, &format!("response.{name}")));
        }
        *slot = Some(match reader.peek()? {
            Kind::String => Scalar::Str(reader.string()?),
            Kind::Number => Scalar::Number(Cow::Borrowed(reader.number()?)),
            _ => {
                reader.skip_value()?;
                Scalar::Other
            }
        });
    }
    *out = Some(WireBody::Values(values));
    Ok(())
}

/// Records that the member `name` was read, failing when it was read before.
fn once(reader: &mut Reader<'_>, seen: &mut bool, name: &str) -> JsonResult<()> {
    if std::mem::replace(seen, true) {
        return Err(duplicate(reader, name));
    }
    Ok(())
}

/// Rejects a member given twice, because which one counts would be a guess.
fn duplicate(reader: &mut Reader<'_>, path: &str) -> crate::json::JsonError {
    reader.type_error(
        format!("{path} 出现了两次"),
        format!("{path} appears twice"),
    )
}

/// Parses `text` into a tree of JSON values, for the paths that need every member (requests,
/// conformance). Every error is malformed_json.
pub(crate) fn parse_tree(text: &[u8]) -> Result<serde_json::Value> {
    serde_json::from_slice(text).map_err(|error| {
        // The reader words syntax errors in both languages, so its message is used when it finds
        // the error too. serde's English text remains for what only serde rejects.
        if let Err(described) = read_json(text, "", Reader::skip_value) {
            return described;
        }
        // What only serde rejects is a number beyond the range of f64, because the reader keeps
        // numbers as text. Any other difference keeps serde's text beside a Chinese summary.
        let detail = error.to_string();
        let (reason_zh, reason_en) = if detail.starts_with("number out of range") {
            ("数字超出范围".to_owned(), "number out of range".to_owned())
        } else {
            (format!("JSON 无法解析（{detail}）"), detail)
        };
        locate(
            ErrorCode::MalformedJson,
            text,
            "",
            error.line(),
            error.column(),
            &reason_zh,
            &reason_en,
        )
    })
}

impl Scalar<'_> {
    /// Copies borrowed text so the value outlives the buffer it was read from.
    pub(crate) fn into_owned(self) -> Scalar<'static> {
        match self {
            Scalar::Str(text) => Scalar::Str(Cow::Owned(text.into_owned())),
            Scalar::Number(number) => Scalar::Number(Cow::Owned(number.into_owned())),
            Scalar::Other => Scalar::Other,
        }
    }
}

impl WireValues<'_> {
    /// Copies borrowed text so the values outlive the buffer they were read from.
    pub(crate) fn into_owned(self) -> WireValues<'static> {
        WireValues {
            is_id_name_match: self.is_id_name_match.map(Scalar::into_owned),
            in_net_period: self.in_net_period.map(Scalar::into_owned),
            mobile_status: self.mobile_status.map(Scalar::into_owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_member_repeated_after_null_is_rejected() {
        let body = br#"{"head":{"responseMsg":null,"responseMsg":"x"}}"#;
        let error = read_response(body, &mut WireResponse::default())
            .err()
            .unwrap();
        assert_eq!(error.code(), ErrorCode::WrongType);
        assert!(error
            .message_en()
            .contains("head.responseMsg appears twice"));
    }

    #[test]
    fn tree_errors_are_worded_in_both_languages() {
        let error = parse_tree(br#"{"x":1e400}"#).unwrap_err();
        assert_eq!(error.code(), ErrorCode::MalformedJson);
        assert!(
            error.message_zh().contains("数字超出范围"),
            "{}",
            error.message_zh()
        );
        assert!(error.message_en().contains("number out of range"));

        let error = parse_tree(br#"{"x":}"#).unwrap_err();
        assert!(
            error.message_zh().contains("此处不应出现该字符"),
            "{}",
            error.message_zh()
        );
    }
}
