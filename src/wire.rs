//! Typed, borrowing views of response bodies, so reading a response costs one pass over the
//! text and no tree of JSON values.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{Error, ErrorCode, Result};

/// A JSON value where the spec expects a string: a string, a number (read with a warning),
/// or anything else (a type error).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Scalar<'a> {
    Str(Cow<'a, str>),
    Number(String),
    Other,
}

impl<'de: 'a, 'a> Deserialize<'de> for Scalar<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor(PhantomData))
    }
}

struct ScalarVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for ScalarVisitor<'a> {
    type Value = Scalar<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Borrowed(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(value.to_owned())))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
        Ok(Scalar::Str(Cow::Owned(value)))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
        Ok(Scalar::Number(value.to_string()))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scalar::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar::Other)
    }
}

/// A response body, read in one pass.
#[derive(Deserialize)]
pub(crate) struct WireResponse<'a> {
    #[serde(borrow, default)]
    pub head: Option<WireHead<'a>>,
    #[serde(borrow, default)]
    pub response: Option<WireBody<'a>>,
}

/// The `response` member: the values object, or a sealed Base64 string.
pub(crate) enum WireBody<'a> {
    Values(WireValues<'a>),
    Sealed(Cow<'a, str>),
    Other,
}

impl<'de: 'a, 'a> Deserialize<'de> for WireBody<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(BodyVisitor(PhantomData))
    }
}

struct BodyVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for BodyVisitor<'a> {
    type Value = WireBody<'a>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an object or a sealed string")
    }

    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<Self::Value, E> {
        Ok(WireBody::Sealed(Cow::Borrowed(value)))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
        Ok(WireBody::Sealed(Cow::Owned(value.to_owned())))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut values = WireValues::default();
        while let Some(key) = map.next_key::<ValueKey>()? {
            let slot = match key {
                ValueKey::IsIdNameMatch => &mut values.is_id_name_match,
                ValueKey::InNetPeriod => &mut values.in_net_period,
                ValueKey::MobileStatus => &mut values.mobile_status,
                ValueKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(WireBody::Values(values))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(WireBody::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(WireBody::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(WireBody::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(WireBody::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(WireBody::Other)
    }
}

/// The response head; every member is optional so a missing one gets its own error, and a
/// member of the wrong JSON type fails the parse as wrong_type.
#[derive(Deserialize, Default)]
pub(crate) struct WireHead<'a> {
    #[serde(borrow, default, rename = "responseRefId")]
    pub response_ref_id: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "requestRefId")]
    pub request_ref_id: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "responseCode")]
    pub response_code: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "responseMsg")]
    pub response_msg: Option<Cow<'a, str>>,
}

/// The member names of a `response` object, matched without allocating.
#[derive(Deserialize)]
#[serde(field_identifier)]
enum ValueKey {
    #[serde(rename = "isIdNameMatch")]
    IsIdNameMatch,
    #[serde(rename = "inNetPeriod")]
    InNetPeriod,
    #[serde(rename = "mobileStatus")]
    MobileStatus,
    #[serde(other)]
    Other,
}

/// The `response` object of any of the three interfaces; unknown members are skipped.
#[derive(Default)]
pub(crate) struct WireValues<'a> {
    pub is_id_name_match: Option<Scalar<'a>>,
    pub in_net_period: Option<Scalar<'a>>,
    pub mobile_status: Option<Scalar<'a>>,
}

/// Parses `text` as `T`, mapping syntax errors to malformed_json and type errors to wrong_type.
///
/// `path` names the part of the body in messages, and is empty for the whole body.
pub(crate) fn from_json<'a, T: Deserialize<'a>>(text: &'a [u8], path: &str) -> Result<T> {
    serde_json::from_slice(text).map_err(|error| {
        let code = match error.classify() {
            serde_json::error::Category::Data => ErrorCode::WrongType,
            _ => ErrorCode::MalformedJson,
        };
        let looks_like_html = text.trim_ascii_start().starts_with(b"<");
        let (hint_zh, hint_en) = if looks_like_html {
            (
                "，内容像是 HTML 错误页，请检查网关或 HTTP 状态",
                "; it looks like an HTML error page, so check the gateway and HTTP status",
            )
        } else {
            ("", "")
        };
        let (prefix_zh, prefix_en) = if path.is_empty() {
            (String::new(), String::new())
        } else {
            (format!("{path}："), format!("{path}: "))
        };
        let (line, column) = (error.line(), error.column());
        Error::with_detail(
            code,
            &format!("{prefix_zh}第 {line} 行第 {column} 列：{error}{hint_zh}"),
            &format!("{prefix_en}line {line} column {column}: {error}{hint_en}"),
        )
    })
}

impl Scalar<'_> {
    /// Copies borrowed text so the value outlives the buffer it was read from.
    pub(crate) fn into_owned(self) -> Scalar<'static> {
        match self {
            Scalar::Str(text) => Scalar::Str(Cow::Owned(text.into_owned())),
            Scalar::Number(number) => Scalar::Number(number),
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
