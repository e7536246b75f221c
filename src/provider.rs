//! The provider side: reading an incoming request and building the response.

use std::fmt;

use serde_json::Value;

use crate::cert_no::CERT_TYPE_RESIDENT_ID;
use crate::config::{check_ref_text, Config};
use crate::encrypt::{EncryptType, HexCase};
use crate::envelope::{
    field_wire_names, member, parse_json_body, reject_unknown_keys, report_error, string_member,
    verify_signature, RequestForm,
};
use crate::error::{Error, ErrorCode, Field, Result};
use crate::interface::Interface;
use crate::json::ObjectWriter;
use crate::response::{interpret_value, SUCCESS_CODE};
use crate::text::mask;
use crate::validate::{
    missing_code, validate_cert_no, validate_mobile, validate_name, Mode, Options,
};

/// One field as received: the wire value, and the plaintext when the encryptType allows it.
#[derive(Clone, PartialEq, Eq)]
pub struct ReceivedField {
    /// The value as sent: plaintext, a digest or 3DES ciphertext.
    pub wire: String,
    /// The validated plaintext for plaintext and 3DES; `None` for digests.
    pub plaintext: Option<String>,
}

impl fmt::Debug for ReceivedField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ReceivedField")
            .field("wire", &mask(&self.wire))
            .field("plaintext", &self.plaintext.as_deref().map(mask))
            .finish()
    }
}

/// A request checked against the spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedRequest {
    pub interface: Interface,
    pub request_ref_id: String,
    pub form: RequestForm,
    pub secret_id: Option<String>,
    /// Whether the head signature was checked against configured credentials. A signed request
    /// read without credentials is `false`: nothing vouches for its sender.
    pub signature_verified: bool,
    /// `None` when the request carried no encryptType (plaintext).
    pub encrypt_type: Option<EncryptType>,
    pub mobile: ReceivedField,
    pub cert_no: ReceivedField,
    pub name: Option<ReceivedField>,
}

/// Parses and checks an incoming request body.
///
/// When the configuration has credentials, the request must be signed and the signature is
/// verified in constant time. Plaintext and 3DES fields are decrypted and validated strictly;
/// digests must have the shape their encryptType implies.
pub fn parse_request(config: &Config, interface: Interface, body: &[u8]) -> Result<ParsedRequest> {
    let json = parse_json_body(body, config.max_body_bytes)?;
    reject_unknown_keys(&json, &["head", "request"], "body")?;
    let head = member(&json, "head", "head")?;
    reject_unknown_keys(head, &["requestRefId", "secretId", "signature"], "head")?;

    let request_ref_id = string_member(head, "requestRefId", "head.requestRefId")?;
    check_ref_text(request_ref_id, false)?;
    let secret_id = head.get("secretId").and_then(Value::as_str);
    let signature = head.get("signature").and_then(Value::as_str);
    check_signature(config, request_ref_id, secret_id, signature)?;

    let request = member(&json, "request", "request")?;
    let (form, wrapper) = match request {
        Value::String(sealed) => {
            let plaintext = config.sealing_cipher()?.decrypt_text(sealed)?;
            let opened: Value = serde_json::from_str(&plaintext).map_err(|error| {
                Error::with_detail(
                    ErrorCode::MalformedJson,
                    &format!("解密后的 request 不是 JSON：{error}"),
                    &format!("the decrypted request is not JSON: {error}"),
                )
            })?;
            (RequestForm::Sealed, opened)
        }
        Value::Object(_) if signature.is_some() => (RequestForm::Signed, request.clone()),
        Value::Object(_) => (RequestForm::Standard, request.clone()),
        _ => {
            return Err(Error::with_detail(
                ErrorCode::WrongType,
                "request 应为对象或密封字符串",
                "request must be an object or a sealed string",
            ))
        }
    };
    reject_unknown_keys(&wrapper, &["param"], "request")?;
    let param = member(&wrapper, "param", "request.param")?;
    if !param.is_object() {
        return Err(Error::with_detail(
            ErrorCode::WrongType,
            "param 应为对象",
            "param must be an object",
        ));
    }
    reject_unknown_keys(param, &field_wire_names(interface), "request.param")?;

    let fields = read_param(config, interface, param)?;
    Ok(ParsedRequest {
        interface,
        request_ref_id: request_ref_id.to_owned(),
        form,
        secret_id: secret_id.map(str::to_owned),
        signature_verified: config.credentials().is_some(),
        encrypt_type: fields.encrypt_type,
        mobile: fields.mobile,
        cert_no: fields.cert_no,
        name: fields.name,
    })
}

fn check_signature(
    config: &Config,
    request_ref_id: &str,
    secret_id: Option<&str>,
    signature: Option<&str>,
) -> Result<()> {
    let Some(credentials) = config.credentials() else {
        return Ok(());
    };
    let (Some(secret_id), Some(signature)) = (secret_id, signature) else {
        return Err(Error::with_detail(
            ErrorCode::CredentialsMissing,
            "请求头缺少 secretId 或 signature",
            "the request head lacks secretId or signature",
        ));
    };
    if secret_id != credentials.secret_id() {
        return Err(Error::with_detail(
            ErrorCode::SignatureMismatch,
            "secretId 与配置不一致",
            "secretId differs from the configured one",
        ));
    }
    verify_signature(credentials, request_ref_id, signature)
}

struct ReadFields {
    encrypt_type: Option<EncryptType>,
    mobile: ReceivedField,
    cert_no: ReceivedField,
    name: Option<ReceivedField>,
}

fn read_param(config: &Config, interface: Interface, param: &Value) -> Result<ReadFields> {
    let cert_type = string_member(param, "certType", "param.certType").map_err(|error| {
        if error.code() == ErrorCode::MissingField {
            Error::from_code(ErrorCode::CertTypeMissing)
        } else {
            error
        }
    })?;
    if cert_type != CERT_TYPE_RESIDENT_ID {
        return Err(Error::from_code(ErrorCode::CertTypeUnsupported));
    }

    let encrypt_type = match param.get("encryptType") {
        None | Some(Value::Null) => None,
        Some(_) if !interface.accepts_encrypt_type() => {
            return Err(Error::with_detail(
                ErrorCode::EncryptTypeNotAllowed,
                &format!("{} 的入参不含 encryptType", interface.code()),
                &format!("{} takes no encryptType", interface.code()),
            ))
        }
        Some(_) => Some(config.codes.lookup(string_member(
            param,
            "encryptType",
            "param.encryptType",
        )?)?),
    };

    let options = Options {
        mode: Mode::Strict,
        ..config.validation_options()
    };
    let reader = FieldReader {
        config,
        encrypt_type: encrypt_type.unwrap_or(EncryptType::Plaintext),
        options,
    };
    let mobile = reader.read(param, Field::Mobile)?;
    let cert_no = reader.read(param, Field::CertNo)?;
    let name = if interface.requires_name() {
        Some(reader.read(param, Field::Name)?)
    } else {
        None
    };
    Ok(ReadFields {
        encrypt_type,
        mobile,
        cert_no,
        name,
    })
}

struct FieldReader<'a> {
    config: &'a Config,
    encrypt_type: EncryptType,
    options: Options,
}

impl FieldReader<'_> {
    fn read(&self, param: &Value, field: Field) -> Result<ReceivedField> {
        let key = field.wire_name();
        let wire = string_member(param, key, &format!("param.{key}")).map_err(|error| {
            if error.code() == ErrorCode::MissingField {
                Error::from_code(missing_code(field))
            } else {
                error
            }
        })?;

        let plaintext = match self.encrypt_type {
            EncryptType::Plaintext => Some(wire.to_owned()),
            EncryptType::TripleDes => {
                let cipher = self.config.triple_des().ok_or(ErrorCode::KeyMissing)?;
                Some(cipher.decrypt_text(wire)?)
            }
            digest => {
                self.check_digest_shape(digest, wire, field)?;
                None
            }
        };

        if let Some(value) = &plaintext {
            let report = match field {
                Field::Mobile => validate_mobile(value, &self.options),
                Field::CertNo => validate_cert_no(value, &self.options),
                _ => validate_name(value, &self.options),
            };
            if let Some(error) = report_error(&report) {
                return Err(error);
            }
        }
        Ok(ReceivedField {
            wire: wire.to_owned(),
            plaintext,
        })
    }

    fn check_digest_shape(&self, digest: EncryptType, wire: &str, field: Field) -> Result<()> {
        let options = self.config.hash_options();
        let length = match digest {
            EncryptType::Md5 if options.md5_16 => 16,
            EncryptType::Md5 => 32,
            _ => 64,
        };
        let case_ok = |b: u8| match options.case {
            HexCase::Lower => b.is_ascii_digit() || (b'a'..=b'f').contains(&b),
            HexCase::Upper => b.is_ascii_digit() || (b'A'..=b'F').contains(&b),
        };
        if wire.len() != length || !wire.bytes().all(case_ok) {
            let case = if options.case == HexCase::Lower {
                "lowercase"
            } else {
                "upper-case"
            };
            let case_zh = if options.case == HexCase::Lower {
                "小写"
            } else {
                "大写"
            };
            return Err(Error::with_detail(
                ErrorCode::HashShape,
                &format!(
                    "{} 在 encryptType {} 下应为 {length} 位{case_zh}十六进制，实际 {} 个字符",
                    field.wire_name(),
                    digest.name(),
                    wire.chars().count()
                ),
                &format!(
                    "{} under encryptType {} must be {length} {case} hex digits, got {} characters",
                    field.wire_name(),
                    digest.name(),
                    wire.chars().count()
                ),
            ));
        }
        Ok(())
    }
}

/// What the provider answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reply<'a> {
    /// A value of the interface's enumeration: `"0"`, `"6"`, `"-1"` and so on.
    Value(&'a str),
    /// A failure below the query level: `result` `N` with this responseCode and message.
    Failure {
        response_code: &'a str,
        response_msg: &'a str,
    },
}

impl Reply<'static> {
    /// `-1`: no data.
    pub fn no_data() -> Reply<'static> {
        Reply::Value("-1")
    }

    /// `-2`: the query failed, which the spec requires instead of HTTP 500.
    pub fn query_error() -> Reply<'static> {
        Reply::Value("-2")
    }
}

/// A response ready to send with HTTP 200.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BuiltResponse {
    pub response_ref_id: String,
    pub body: String,
}

/// Builds a response envelope; `sealed` encrypts the `response` object under the secretKey.
pub fn build_response(
    config: &Config,
    interface: Interface,
    request_ref_id: &str,
    reply: Reply<'_>,
    sealed: bool,
) -> Result<BuiltResponse> {
    check_ref_text(request_ref_id, false)?;
    let response_ref_id = config.new_response_ref_id();

    let (value, result, response_code, response_msg) = match reply {
        Reply::Value(value) => {
            let meaning = interpret_value(interface, value).ok_or_else(|| {
                Error::with_detail(
                    ErrorCode::UnknownValue,
                    &format!(
                        "{} 不是 {} 的取值",
                        value.chars().take(8).collect::<String>(),
                        interface.code()
                    ),
                    &format!(
                        "{} is not a value of {}",
                        value.chars().take(8).collect::<String>(),
                        interface.code()
                    ),
                )
            })?;
            let message = match meaning.category {
                crate::response::Category::Answered => "查询成功",
                _ => meaning.label_zh,
            };
            (Some(value), "Y", SUCCESS_CODE, message)
        }
        Reply::Failure {
            response_code,
            response_msg,
        } => {
            if response_code == SUCCESS_CODE || response_code.is_empty() {
                return Err(Error::with_detail(
                    ErrorCode::InvalidArgument,
                    "失败应答的 responseCode 不能是 0000 或空",
                    "a failure's responseCode must not be 0000 or empty",
                ));
            }
            (None, "N", response_code, response_msg)
        }
    };

    let field = interface.response_field();
    let sealed = match value {
        Some(value) if sealed => {
            let mut plaintext = String::with_capacity(32);
            let mut object = ObjectWriter::begin(&mut plaintext);
            object.string(field, value);
            object.end();
            Some(config.sealing_cipher()?.encrypt_text(&plaintext))
        }
        _ => None,
    };

    let mut body = String::with_capacity(256 + sealed.as_ref().map_or(0, String::len));
    let mut envelope = ObjectWriter::begin(&mut body);
    envelope.object("head", |head| {
        head.string("result", result)
            .string("responseRefId", &response_ref_id)
            .string("requestRefId", request_ref_id)
            .string("responseCode", response_code)
            .string("responseMsg", response_msg);
    });
    match (value, &sealed) {
        (_, Some(sealed)) => envelope.string("response", sealed),
        (Some(value), None) => envelope.object("response", |response| {
            response.string(field, value);
        }),
        (None, None) => envelope.null("response"),
    };
    envelope.end();
    Ok(BuiltResponse {
        response_ref_id,
        body,
    })
}
