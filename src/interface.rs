//! The three interfaces of the spec and the request fields each takes.

use std::fmt;

use crate::error::{Error, ErrorCode, Field, Result};

/// One of the spec's interfaces; the code travels in the URL path (`{base}/MBASU001`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Interface {
    /// MBASU001: whether mobile, certNo and name belong together (手机三要素核验).
    Mbasu001,
    /// MBASU010: how long the number has been in the network (手机在网时长核查).
    Mbasu010,
    /// MBASU004: the line's status (手机状态核查); it takes no encryptType.
    Mbasu004,
}

impl Interface {
    pub const ALL: [Interface; 3] = [
        Interface::Mbasu001,
        Interface::Mbasu010,
        Interface::Mbasu004,
    ];

    /// The interface code as the spec spells it.
    pub fn code(self) -> &'static str {
        match self {
            Interface::Mbasu001 => "MBASU001",
            Interface::Mbasu010 => "MBASU010",
            Interface::Mbasu004 => "MBASU004",
        }
    }

    /// Parses an interface code; case-insensitive.
    pub fn from_code(code: &str) -> Result<Interface> {
        Interface::ALL
            .into_iter()
            .find(|i| i.code().eq_ignore_ascii_case(code.trim()))
            .ok_or_else(|| {
                Error::with_detail(
                    ErrorCode::UnknownInterface,
                    "可用的接口为 MBASU001、MBASU010、MBASU004",
                    "expected MBASU001, MBASU010 or MBASU004",
                )
            })
    }

    /// The URL path segment to append to the provider's base URL.
    pub fn path(self) -> &'static str {
        match self {
            Interface::Mbasu001 => "/MBASU001",
            Interface::Mbasu010 => "/MBASU010",
            Interface::Mbasu004 => "/MBASU004",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Interface::Mbasu001 => "手机三要素核验",
            Interface::Mbasu010 => "手机在网时长核查",
            Interface::Mbasu004 => "手机状态核查",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Interface::Mbasu001 => "mobile, ID number and name match",
            Interface::Mbasu010 => "time in network",
            Interface::Mbasu004 => "line status",
        }
    }

    /// Whether the request carries `name`.
    pub fn requires_name(self) -> bool {
        self == Interface::Mbasu001
    }

    /// Whether the request may carry `encryptType`.
    pub fn accepts_encrypt_type(self) -> bool {
        self != Interface::Mbasu004
    }

    /// The request fields in the spec's order.
    pub fn request_fields(self) -> &'static [Field] {
        match self {
            Interface::Mbasu001 => &[
                Field::Mobile,
                Field::CertType,
                Field::CertNo,
                Field::Name,
                Field::EncryptType,
            ],
            Interface::Mbasu010 => &[
                Field::Mobile,
                Field::CertType,
                Field::CertNo,
                Field::EncryptType,
            ],
            Interface::Mbasu004 => &[Field::Mobile, Field::CertType, Field::CertNo],
        }
    }

    /// The one field the response carries.
    pub fn response_field(self) -> &'static str {
        match self {
            Interface::Mbasu001 => "isIdNameMatch",
            Interface::Mbasu010 => "inNetPeriod",
            Interface::Mbasu004 => "mobileStatus",
        }
    }
}

impl fmt::Display for Interface {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
