//! The crate's one error type and its stable numeric codes.
//!
//! Codes are grouped by area in ranges of one hundred and never change meaning once released:
//! a retired code stays reserved. Every binding (C, WASM, JNI, uniffi) exposes the same numbers.

use std::fmt;

/// Stable numeric code for every error and validation problem the library reports.
///
/// The number and the [`ErrorCode::name`] are part of the public contract of every binding.
/// Names repeat across fields (`format` exists for mobile, certNo and name), so a name is unique
/// together with its [`ErrorCode::field`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u32)]
#[non_exhaustive]
pub enum ErrorCode {
    // 1..=99: arguments and the binding boundary.
    InvalidArgument = 1,
    InvalidUtf8 = 2,
    LoneSurrogate = 3,
    NullPointer = 4,
    BufferTooSmall = 5,
    Panic = 6,
    ClosedHandle = 7,
    InvalidDate = 8,
    InputTooLarge = 9,

    // 100..=199: mobile.
    MobileMissing = 100,
    MobileLength = 101,
    MobileFormat = 102,
    MobileUnknownSegment = 150,

    // 200..=299: certType.
    CertTypeMissing = 200,
    CertTypeUnsupported = 201,

    // 300..=399: certNo (resident identity card number).
    CertNoMissing = 300,
    CertNoLength = 301,
    CertNoFormat = 302,
    CertNoLowercaseX = 303,
    CertNoCheckDigit = 304,
    CertNoBirthDate = 305,
    CertNoProvince = 306,
    CertNoProvinceOutsideMainland = 350,

    // 400..=499: name.
    NameMissing = 400,
    NameLength = 401,
    NameFormat = 402,
    NameCharacter = 403,
    NameDotPosition = 404,

    // 500..=599: encryptType and field encryption.
    UnknownEncryptType = 500,
    EncryptTypeNotAllowed = 501,
    KeyLength = 502,
    IvLength = 503,
    InvalidBase64 = 504,
    InvalidHex = 505,
    BadPadding = 506,
    CiphertextLength = 507,
    DecryptedNotUtf8 = 508,
    InvalidCodeTable = 509,
    KeyMissing = 510,
    IvNotAllowed = 511,

    // 600..=699: envelopes, responses and the provider side.
    MalformedJson = 600,
    MissingField = 601,
    UnknownValue = 602,
    ProviderError = 603,
    RequestRefMismatch = 604,
    BodyTooLarge = 605,
    WrongType = 606,
    SignatureMismatch = 607,
    UnknownInterface = 608,
    InvalidRequestRefId = 609,
    InvalidParam = 610,
    HashShape = 611,
    CredentialsMissing = 612,
    ValueNotString = 650,
    ValueTooLong = 651,
    RequestRefNotEchoed = 652,
    Http500ForQueryFailure = 653,
    UnexpectedField = 654,
    HeadResultMismatch = 655,
}

/// The input field an error or problem is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Mobile,
    CertType,
    CertNo,
    Name,
    EncryptType,
    Other,
}

impl Field {
    /// The field's name as the interface spec spells it on the wire.
    pub fn wire_name(self) -> &'static str {
        match self {
            Field::Mobile => "mobile",
            Field::CertType => "certType",
            Field::CertNo => "certNo",
            Field::Name => "name",
            Field::EncryptType => "encryptType",
            Field::Other => "",
        }
    }

    /// The field's label in Chinese, for messages.
    pub fn label_zh(self) -> &'static str {
        match self {
            Field::Mobile => "手机号",
            Field::CertType => "证件类型",
            Field::CertNo => "身份证号",
            Field::Name => "姓名",
            Field::EncryptType => "加密方式",
            Field::Other => "参数",
        }
    }

    /// The field's label in English, for messages.
    pub fn label_en(self) -> &'static str {
        match self {
            Field::Mobile => "mobile number",
            Field::CertType => "certificate type",
            Field::CertNo => "ID number",
            Field::Name => "name",
            Field::EncryptType => "encryptType",
            Field::Other => "parameter",
        }
    }
}

impl ErrorCode {
    /// Every code, in numeric order; bindings and tests iterate it.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::InvalidArgument,
        ErrorCode::InvalidUtf8,
        ErrorCode::LoneSurrogate,
        ErrorCode::NullPointer,
        ErrorCode::BufferTooSmall,
        ErrorCode::Panic,
        ErrorCode::ClosedHandle,
        ErrorCode::InvalidDate,
        ErrorCode::InputTooLarge,
        ErrorCode::MobileMissing,
        ErrorCode::MobileLength,
        ErrorCode::MobileFormat,
        ErrorCode::MobileUnknownSegment,
        ErrorCode::CertTypeMissing,
        ErrorCode::CertTypeUnsupported,
        ErrorCode::CertNoMissing,
        ErrorCode::CertNoLength,
        ErrorCode::CertNoFormat,
        ErrorCode::CertNoLowercaseX,
        ErrorCode::CertNoCheckDigit,
        ErrorCode::CertNoBirthDate,
        ErrorCode::CertNoProvince,
        ErrorCode::CertNoProvinceOutsideMainland,
        ErrorCode::NameMissing,
        ErrorCode::NameLength,
        ErrorCode::NameFormat,
        ErrorCode::NameCharacter,
        ErrorCode::NameDotPosition,
        ErrorCode::UnknownEncryptType,
        ErrorCode::EncryptTypeNotAllowed,
        ErrorCode::KeyLength,
        ErrorCode::IvLength,
        ErrorCode::InvalidBase64,
        ErrorCode::InvalidHex,
        ErrorCode::BadPadding,
        ErrorCode::CiphertextLength,
        ErrorCode::DecryptedNotUtf8,
        ErrorCode::InvalidCodeTable,
        ErrorCode::KeyMissing,
        ErrorCode::IvNotAllowed,
        ErrorCode::MalformedJson,
        ErrorCode::MissingField,
        ErrorCode::UnknownValue,
        ErrorCode::ProviderError,
        ErrorCode::RequestRefMismatch,
        ErrorCode::BodyTooLarge,
        ErrorCode::WrongType,
        ErrorCode::SignatureMismatch,
        ErrorCode::UnknownInterface,
        ErrorCode::InvalidRequestRefId,
        ErrorCode::InvalidParam,
        ErrorCode::HashShape,
        ErrorCode::CredentialsMissing,
        ErrorCode::ValueNotString,
        ErrorCode::ValueTooLong,
        ErrorCode::RequestRefNotEchoed,
        ErrorCode::Http500ForQueryFailure,
        ErrorCode::UnexpectedField,
        ErrorCode::HeadResultMismatch,
    ];

    /// The stable numeric code.
    pub fn code(self) -> u32 {
        self as u32
    }

    /// Looks a code up by its number.
    pub fn from_code(code: u32) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.code() == code)
    }

    /// The stable snake_case name; unique together with [`ErrorCode::field`].
    pub fn name(self) -> &'static str {
        use ErrorCode::*;
        match self {
            InvalidArgument => "invalid_argument",
            InvalidUtf8 => "invalid_utf8",
            LoneSurrogate => "lone_surrogate",
            NullPointer => "null_pointer",
            BufferTooSmall => "buffer_too_small",
            Panic => "panic",
            ClosedHandle => "closed_handle",
            InvalidDate => "invalid_date",
            InputTooLarge => "input_too_large",
            MobileMissing | CertTypeMissing | CertNoMissing | NameMissing => "missing",
            MobileLength | CertNoLength | NameLength => "length",
            MobileFormat | CertNoFormat | NameFormat => "format",
            MobileUnknownSegment => "unknown_segment",
            CertTypeUnsupported => "unsupported",
            CertNoLowercaseX => "lowercase_x",
            CertNoCheckDigit => "check_digit",
            CertNoBirthDate => "birth_date",
            CertNoProvince => "province",
            CertNoProvinceOutsideMainland => "province_outside_mainland",
            NameCharacter => "character",
            NameDotPosition => "dot_position",
            UnknownEncryptType => "unknown_encrypt_type",
            EncryptTypeNotAllowed => "encrypt_type_not_allowed",
            KeyLength => "key_length",
            IvLength => "iv_length",
            InvalidBase64 => "invalid_base64",
            InvalidHex => "invalid_hex",
            BadPadding => "bad_padding",
            CiphertextLength => "ciphertext_length",
            DecryptedNotUtf8 => "decrypted_not_utf8",
            InvalidCodeTable => "invalid_code_table",
            KeyMissing => "key_missing",
            IvNotAllowed => "iv_not_allowed",
            MalformedJson => "malformed_json",
            MissingField => "missing_field",
            UnknownValue => "unknown_value",
            ProviderError => "provider_error",
            RequestRefMismatch => "request_ref_mismatch",
            BodyTooLarge => "body_too_large",
            WrongType => "wrong_type",
            SignatureMismatch => "signature_mismatch",
            UnknownInterface => "unknown_interface",
            InvalidRequestRefId => "invalid_request_ref_id",
            InvalidParam => "invalid_param",
            HashShape => "hash_shape",
            CredentialsMissing => "credentials_missing",
            ValueNotString => "value_not_string",
            ValueTooLong => "value_too_long",
            RequestRefNotEchoed => "request_ref_not_echoed",
            Http500ForQueryFailure => "http_500_for_query_failure",
            UnexpectedField => "unexpected_field",
            HeadResultMismatch => "head_result_mismatch",
        }
    }

    /// The input field a validation code belongs to; [`Field::Other`] for the rest.
    pub fn field(self) -> Field {
        match self.code() {
            100..=199 => Field::Mobile,
            200..=299 => Field::CertType,
            300..=399 => Field::CertNo,
            400..=499 => Field::Name,
            _ => Field::Other,
        }
    }

    /// Whether this code is reported as a warning rather than an error: an unknown mobile
    /// segment, a region code outside the mainland, a value sent as a JSON number, and a field
    /// the spec does not define.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            ErrorCode::MobileUnknownSegment
                | ErrorCode::CertNoProvinceOutsideMainland
                | ErrorCode::ValueNotString
                | ErrorCode::UnexpectedField
        )
    }

    /// A generic Chinese description of the code, used when no specific message exists.
    pub fn description_zh(self) -> &'static str {
        use ErrorCode::*;
        match self {
            InvalidArgument => "参数无效",
            InvalidUtf8 => "文本不是有效的 UTF-8",
            LoneSurrogate => "文本含有不成对的 UTF-16 代理项",
            NullPointer => "必填指针为空",
            BufferTooSmall => "输出缓冲区太小",
            Panic => "库内部发生意外错误",
            ClosedHandle => "配置已关闭",
            InvalidDate => "日期无效",
            InputTooLarge => "输入过大",
            MobileMissing => "缺少手机号",
            MobileLength => "手机号长度不是 11 位",
            MobileFormat => "手机号格式不正确",
            MobileUnknownSegment => "手机号段不在已知号段表中",
            CertTypeMissing => "缺少证件类型",
            CertTypeUnsupported => "证件类型不受支持，只支持 00（居民身份证）",
            CertNoMissing => "缺少身份证号",
            CertNoLength => "身份证号长度不是 18 位",
            CertNoFormat => "身份证号格式不正确",
            CertNoLowercaseX => "身份证号末位 x 必须大写",
            CertNoCheckDigit => "身份证号校验位不正确",
            CertNoBirthDate => "身份证号中的出生日期无效",
            CertNoProvince => "身份证号中的省份代码无效",
            CertNoProvinceOutsideMainland => "身份证号的地区代码属于港澳台",
            NameMissing => "缺少姓名",
            NameLength => "姓名长度不在 2 到 40 个字之间",
            NameFormat => "姓名格式不正确",
            NameCharacter => "姓名含有不允许的字符",
            NameDotPosition => "姓名中间点位置不正确",
            UnknownEncryptType => "加密方式代码未知",
            EncryptTypeNotAllowed => "该接口不接受加密方式",
            KeyLength => "3DES 密钥长度不正确",
            IvLength => "CBC 初始向量必须是 8 字节",
            InvalidBase64 => "Base64 文本无效",
            InvalidHex => "十六进制文本无效",
            BadPadding => "解密失败：填充无效，密钥或模式可能不对",
            CiphertextLength => "密文长度不是 8 字节的整数倍",
            DecryptedNotUtf8 => "解密结果不是有效的 UTF-8 文本",
            InvalidCodeTable => "加密方式代码表无效",
            KeyMissing => "缺少 3DES 密钥",
            IvNotAllowed => "ECB 模式不使用初始向量",
            MalformedJson => "报文不是有效的 JSON",
            MissingField => "报文缺少必填字段",
            UnknownValue => "返回值不在规范的枚举中",
            ProviderError => "服务商返回错误",
            RequestRefMismatch => "返回的 requestRefId 与请求不一致",
            BodyTooLarge => "报文超过大小上限",
            WrongType => "报文字段类型不正确",
            SignatureMismatch => "签名校验失败",
            UnknownInterface => "接口编号未知",
            InvalidRequestRefId => "requestRefId 无效",
            InvalidParam => "请求参数校验失败",
            HashShape => "加密字段的形式与加密方式不符",
            CredentialsMissing => "缺少 secretId 或 secretKey",
            ValueNotString => "返回值应为字符串",
            ValueTooLong => "返回值超过 2 个字符",
            RequestRefNotEchoed => "返回报文没有回传 requestRefId",
            Http500ForQueryFailure => "查询失败时使用了 HTTP 500",
            UnexpectedField => "报文含有规范之外的字段",
            HeadResultMismatch => "head.result 与 responseCode 不一致",
        }
    }

    /// A generic English description of the code, used when no specific message exists.
    pub fn description_en(self) -> &'static str {
        use ErrorCode::*;
        match self {
            InvalidArgument => "invalid argument",
            InvalidUtf8 => "text is not valid UTF-8",
            LoneSurrogate => "text contains an unpaired UTF-16 surrogate",
            NullPointer => "a required pointer is NULL",
            BufferTooSmall => "the output buffer is too small",
            Panic => "unexpected internal error in the library",
            ClosedHandle => "the configuration has been closed",
            InvalidDate => "invalid date",
            InputTooLarge => "input is too large",
            MobileMissing => "mobile number is missing",
            MobileLength => "mobile number is not 11 digits long",
            MobileFormat => "mobile number has an invalid format",
            MobileUnknownSegment => "mobile number segment is not in the known segment table",
            CertTypeMissing => "certType is missing",
            CertTypeUnsupported => "certType is not supported; only 00 (resident identity card) is",
            CertNoMissing => "ID number is missing",
            CertNoLength => "ID number is not 18 characters long",
            CertNoFormat => "ID number has an invalid format",
            CertNoLowercaseX => "the check character x of the ID number must be upper-case",
            CertNoCheckDigit => "ID number check character is wrong",
            CertNoBirthDate => "birth date in the ID number is invalid",
            CertNoProvince => "province code in the ID number is invalid",
            CertNoProvinceOutsideMainland => {
                "ID number region code belongs to Hong Kong, Macao or Taiwan"
            }
            NameMissing => "name is missing",
            NameLength => "name is not between 2 and 40 characters long",
            NameFormat => "name has an invalid format",
            NameCharacter => "name contains a character that is not allowed",
            NameDotPosition => "middle dot in the name is misplaced",
            UnknownEncryptType => "unknown encryptType code",
            EncryptTypeNotAllowed => "this interface takes no encryptType",
            KeyLength => "3DES key has the wrong length",
            IvLength => "CBC initialisation vector must be 8 bytes",
            InvalidBase64 => "invalid Base64 text",
            InvalidHex => "invalid hexadecimal text",
            BadPadding => {
                "decryption failed: invalid padding, so the key or mode is probably wrong"
            }
            CiphertextLength => "ciphertext length is not a multiple of 8 bytes",
            DecryptedNotUtf8 => "decrypted bytes are not valid UTF-8 text",
            InvalidCodeTable => "invalid encryptType code table",
            KeyMissing => "3DES key is missing",
            IvNotAllowed => "ECB mode takes no initialisation vector",
            MalformedJson => "body is not valid JSON",
            MissingField => "a required field is missing",
            UnknownValue => "value is not one of the spec's enumerated values",
            ProviderError => "the provider returned an error",
            RequestRefMismatch => "the echoed requestRefId differs from the one sent",
            BodyTooLarge => "body exceeds the size limit",
            WrongType => "a field has the wrong JSON type",
            SignatureMismatch => "signature verification failed",
            UnknownInterface => "unknown interface code",
            InvalidRequestRefId => "invalid requestRefId",
            InvalidParam => "request parameters failed validation",
            HashShape => "an encrypted field does not have the shape its encryptType implies",
            CredentialsMissing => "secretId or secretKey is missing",
            ValueNotString => "value should be a JSON string",
            ValueTooLong => "value is longer than 2 characters",
            RequestRefNotEchoed => "the response does not echo requestRefId",
            Http500ForQueryFailure => "HTTP 500 was used for a query failure",
            UnexpectedField => "body contains a field the spec does not define",
            HeadResultMismatch => "head.result disagrees with responseCode",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.code())
    }
}

/// The code and message a provider returned in `head`, carried by [`ErrorCode::ProviderError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderFailure {
    pub response_code: String,
    pub response_msg: String,
}

/// The crate's error: a stable code with a message in Chinese and in English.
///
/// Messages never contain a key, and personal values in them are masked (`138****8000`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    message_zh: String,
    message_en: String,
    provider: Option<ProviderFailure>,
}

impl Error {
    /// Creates an error with specific messages.
    pub fn new(
        code: ErrorCode,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Self {
        Error {
            code,
            message_zh: message_zh.into(),
            message_en: message_en.into(),
            provider: None,
        }
    }

    /// Creates an error whose messages are the code's generic descriptions.
    pub fn from_code(code: ErrorCode) -> Self {
        Error::new(code, code.description_zh(), code.description_en())
    }

    /// Creates an error whose messages are the code's description followed by a detail.
    pub fn with_detail(code: ErrorCode, detail_zh: &str, detail_en: &str) -> Self {
        Error::new(
            code,
            format!("{}：{}", code.description_zh(), detail_zh),
            format!("{}: {}", code.description_en(), detail_en),
        )
    }

    /// Creates the error for a provider's non-success `responseCode`.
    pub fn provider(response_code: &str, response_msg: &str) -> Self {
        let mut error = Error::new(
            ErrorCode::ProviderError,
            format!("服务商返回错误 {response_code}：{response_msg}"),
            format!("the provider returned error {response_code}: {response_msg}"),
        );
        error.provider = Some(ProviderFailure {
            response_code: response_code.to_owned(),
            response_msg: response_msg.to_owned(),
        });
        error
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    pub fn message_zh(&self) -> &str {
        &self.message_zh
    }

    pub fn message_en(&self) -> &str {
        &self.message_en
    }

    /// The message in the given language: `Lang::Zh` or `Lang::En`.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.message_zh,
            Lang::En => &self.message_en,
        }
    }

    /// The provider's `responseCode` and `responseMsg`, for [`ErrorCode::ProviderError`].
    pub fn provider_failure(&self) -> Option<&ProviderFailure> {
        self.provider.as_ref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{} {}]",
            self.message_en,
            self.code.code(),
            self.code.name()
        )
    }
}

impl std::error::Error for Error {}

impl From<ErrorCode> for Error {
    fn from(code: ErrorCode) -> Self {
        Error::from_code(code)
    }
}

/// The language of a user-facing message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese (zh-CN), the default for the first users.
    #[default]
    Zh,
    En,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_ordered() {
        let numbers: Vec<u32> = ErrorCode::ALL.iter().map(|c| c.code()).collect();
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(numbers, sorted);
    }

    #[test]
    fn field_and_name_pairs_are_unique() {
        let mut pairs: Vec<(u32, &str)> = ErrorCode::ALL
            .iter()
            .map(|c| (c.code() / 100, c.name()))
            .collect();
        let count = pairs.len();
        pairs.sort_unstable();
        pairs.dedup();
        assert_eq!(pairs.len(), count);
    }

    #[test]
    fn from_code_round_trips() {
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_code(code.code()), Some(*code));
        }
        assert_eq!(ErrorCode::from_code(0), None);
        assert_eq!(ErrorCode::from_code(99_999), None);
    }
}
