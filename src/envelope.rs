//! Request envelopes: standard, signed and sealed, byte-for-byte reproducible.
//!
//! Standard: `{"head":{"requestRefId":…},"request":{"param":{…}}}`, compact, `param` keys in the
//! spec's order. Signed adds `secretId` and `signature` to the head. Sealed replaces `request`
//! with the string Base64(3DES-ECB(`{"param":{…}}`)) keyed by the decoded secretKey.

use std::fmt;

use serde_json::Value;
use subtle::ConstantTimeEq;

use crate::cert_no::CERT_TYPE_RESIDENT_ID;
use crate::config::{check_ref_text, Config, Credentials};
use crate::encrypt::{EncryptType, FieldEncryptor};
use crate::error::{Error, ErrorCode, Field, Result};
use crate::interface::Interface;
use crate::json::ObjectWriter;
use crate::text::mask;
use crate::validate::{validate_cert_no, validate_mobile, validate_name, FieldReport};

/// The shape of a request body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RequestForm {
    /// Head with requestRefId only, `param` in the clear (fields encrypted per encryptType).
    Standard,
    /// Standard plus `secretId` and the HMAC-SHA1 `signature` in the head.
    Signed,
    /// Signed head, and `request` sealed with 3DES under the secretKey.
    Sealed,
}

impl RequestForm {
    pub fn name(self) -> &'static str {
        match self {
            RequestForm::Standard => "standard",
            RequestForm::Signed => "signed",
            RequestForm::Sealed => "sealed",
        }
    }
}

/// The applicant's fields as entered; they are validated (and normalised, by default) first.
#[derive(Clone, Copy, Default)]
pub struct RequestFields<'a> {
    pub mobile: &'a str,
    pub cert_no: &'a str,
    /// Required by MBASU001, rejected by the others.
    pub name: Option<&'a str>,
}

impl fmt::Debug for RequestFields<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestFields")
            .field("mobile", &mask(self.mobile))
            .field("cert_no", &mask(self.cert_no))
            .field("name", &self.name.map(mask))
            .finish()
    }
}

/// Per-request choices.
#[derive(Clone, Copy, Debug)]
pub struct RequestOptions<'a> {
    /// `None` sends no encryptType (plaintext); MBASU004 accepts only `None`.
    pub encrypt_type: Option<EncryptType>,
    /// The caller's requestRefId; `None` generates one.
    pub request_ref_id: Option<&'a str>,
    pub form: RequestForm,
}

impl Default for RequestOptions<'_> {
    fn default() -> Self {
        RequestOptions {
            encrypt_type: None,
            request_ref_id: None,
            form: RequestForm::Standard,
        }
    }
}

/// A request ready to send: POST `body` to `{base}{path}`.
#[derive(Clone, PartialEq, Eq)]
pub struct BuiltRequest {
    pub interface: Interface,
    /// The URL path, `/MBASU001` and so on.
    pub path: String,
    pub request_ref_id: String,
    /// Compact UTF-8 JSON.
    pub body: String,
}

impl fmt::Debug for BuiltRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BuiltRequest")
            .field("interface", &self.interface)
            .field("path", &self.path)
            .field("request_ref_id", &self.request_ref_id)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

/// The `param` object, written in the spec's member order.
pub(crate) struct Param<'a> {
    pub mobile: &'a str,
    pub cert_type: &'a str,
    pub cert_no: &'a str,
    pub name: Option<&'a str>,
    pub encrypt_type: Option<&'a str>,
}

impl Param<'_> {
    /// Writes the member `"param":{…}` into `object`.
    fn write_member(&self, object: &mut ObjectWriter<'_>) {
        object.object("param", |param| {
            param
                .string("mobile", self.mobile)
                .string("certType", self.cert_type)
                .string("certNo", self.cert_no)
                .optional_string("name", self.name)
                .optional_string("encryptType", self.encrypt_type);
        });
    }
}

/// Computes the head signature: Base64(HMAC-SHA1(secretKey, `requestRefId=<id>&secretId=<id>`)).
pub fn sign(credentials: &Credentials, request_ref_id: &str) -> String {
    crate::base64::encode(&signature_mac(credentials, request_ref_id))
}

/// Verifies a head signature in constant time.
pub fn verify_signature(
    credentials: &Credentials,
    request_ref_id: &str,
    signature: &str,
) -> Result<()> {
    let mismatch = || {
        Error::with_detail(
            ErrorCode::SignatureMismatch,
            "请检查 secretId、secretKey 和 requestRefId",
            "check secretId, secretKey and requestRefId",
        )
    };
    let expected = crate::base64::decode(signature.trim().as_bytes()).map_err(|_| mismatch())?;
    // `ct_eq` on slices of different lengths is false.
    let computed = signature_mac(credentials, request_ref_id);
    if bool::from(expected.as_slice().ct_eq(&computed)) {
        Ok(())
    } else {
        Err(mismatch())
    }
}

/// Computes HMAC-SHA1(secretKey, `requestRefId=<id>&secretId=<id>`), with the `hmac` and
/// `sha1` crates or, with the `compact-digests` feature, the loop-based SHA-1.
fn signature_mac(credentials: &Credentials, request_ref_id: &str) -> [u8; 20] {
    let message: [&[u8]; 4] = [
        b"requestRefId=",
        request_ref_id.as_bytes(),
        b"&secretId=",
        credentials.secret_id().as_bytes(),
    ];

    #[cfg(feature = "compact-digests")]
    let mac = crate::compact_digest::hmac_sha1(credentials.secret_key(), &message);

    #[cfg(not(feature = "compact-digests"))]
    let mac = {
        use hmac::{Hmac, KeyInit, Mac};

        // RFC 2104 hashes a key longer than the block and pads a shorter one, so the crate's
        // HMAC takes keys of any length and returns no error here.
        let mut mac = <Hmac<sha1::Sha1> as KeyInit>::new_from_slice(credentials.secret_key())
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
        for part in message {
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    };

    mac
}

/// Converts the first error of a field report into an [`Error`] that lists every error.
pub(crate) fn report_error(report: &FieldReport) -> Option<Error> {
    let errors: Vec<_> = report
        .problems
        .iter()
        .filter(|p| p.severity == crate::validate::Severity::Error)
        .collect();
    let first = errors.first()?;
    let zh: Vec<&str> = errors.iter().map(|p| p.message_zh.as_str()).collect();
    let en: Vec<&str> = errors.iter().map(|p| p.message_en.as_str()).collect();
    Some(Error::new(first.code, zh.join("；"), en.join("; ")))
}

fn validated(report: FieldReport) -> Result<String> {
    if let Some(error) = report_error(&report) {
        return Err(error);
    }
    report
        .value
        .ok_or_else(|| Error::from_code(ErrorCode::InvalidParam))
}

/// Validates, normalises and encrypts the fields, then serialises the request.
pub fn build_request(
    config: &Config,
    interface: Interface,
    fields: &RequestFields<'_>,
    options: &RequestOptions<'_>,
) -> Result<BuiltRequest> {
    if options.encrypt_type.is_some() && !interface.accepts_encrypt_type() {
        return Err(Error::with_detail(
            ErrorCode::EncryptTypeNotAllowed,
            &format!(
                "{} 的入参不含 encryptType，请去掉加密方式",
                interface.code()
            ),
            &format!(
                "{} takes no encryptType; send the fields without one",
                interface.code()
            ),
        ));
    }
    let name_input = match (interface.requires_name(), fields.name) {
        (true, None) => {
            return Err(Error::with_detail(
                ErrorCode::NameMissing,
                &format!("{} 需要姓名", interface.code()),
                &format!("{} needs the name", interface.code()),
            ))
        }
        (false, Some(_)) => {
            return Err(Error::with_detail(
                ErrorCode::InvalidArgument,
                &format!("{} 的入参不含姓名", interface.code()),
                &format!("{} takes no name", interface.code()),
            ))
        }
        (_, name) => name,
    };

    let validation = config.validation_options();
    let mobile = validated(validate_mobile(fields.mobile, &validation))?;
    let cert_no = validated(validate_cert_no(fields.cert_no, &validation))?;
    let name = match name_input {
        Some(value) => Some(validated(validate_name(value, &validation))?),
        None => None,
    };

    let request_ref_id = match options.request_ref_id {
        Some(id) => {
            check_ref_text(id, false)?;
            id.to_owned()
        }
        None => config.new_request_ref_id(),
    };

    let encrypt_type = options.encrypt_type.unwrap_or(EncryptType::Plaintext);
    let encryptor = field_encryptor(config, encrypt_type)?;
    let mobile = encryptor.encrypt(&mobile)?;
    let cert_no = encryptor.encrypt(&cert_no)?;
    let name = name.map(|n| encryptor.encrypt(&n)).transpose()?;

    let param = Param {
        mobile: &mobile,
        cert_type: CERT_TYPE_RESIDENT_ID,
        cert_no: &cert_no,
        name: name.as_deref(),
        encrypt_type: options.encrypt_type.map(|t| config.codes.code(t)),
    };
    let body = serialize_request(config, &request_ref_id, &param, options.form)?;

    Ok(BuiltRequest {
        interface,
        path: interface.path().to_owned(),
        request_ref_id,
        body,
    })
}

pub(crate) fn field_encryptor(
    config: &Config,
    encrypt_type: EncryptType,
) -> Result<FieldEncryptor> {
    if encrypt_type == EncryptType::TripleDes {
        let cipher = config.triple_des.clone().ok_or_else(|| {
            Error::with_detail(
                ErrorCode::KeyMissing,
                "encryptType 为 3DES 时需要在配置中提供 3DES 密钥",
                "encryptType 3DES needs a 3DES key in the configuration",
            )
        })?;
        return Ok(FieldEncryptor::triple_des(cipher));
    }
    FieldEncryptor::new(encrypt_type, config.hash_options)
}

fn serialize_request(
    config: &Config,
    request_ref_id: &str,
    param: &Param<'_>,
    form: RequestForm,
) -> Result<String> {
    let credentials = match form {
        RequestForm::Standard => None,
        RequestForm::Signed | RequestForm::Sealed => {
            Some(config.credentials.as_ref().ok_or_else(|| {
                Error::with_detail(
                    ErrorCode::CredentialsMissing,
                    "签名或密封报文需要配置 secretId 和 secretKey",
                    "signed and sealed requests need secretId and secretKey in the configuration",
                )
            })?)
        }
    };
    let signature = credentials.map(|c| sign(c, request_ref_id));

    // Keys, quotes and punctuation of the longest form add under 200 bytes to the values, so
    // the buffers are sized once and never grow.
    let values = param.mobile.len() + param.cert_no.len() + param.name.map_or(0, str::len);
    let capacity = values + request_ref_id.len() + 200;
    let sealed = match form {
        RequestForm::Sealed => {
            let mut plaintext = String::with_capacity(capacity);
            let mut wrapper = ObjectWriter::begin(&mut plaintext);
            param.write_member(&mut wrapper);
            wrapper.end();
            Some(config.sealing_cipher()?.encrypt_text(&plaintext))
        }
        RequestForm::Standard | RequestForm::Signed => None,
    };

    let mut body = String::with_capacity(capacity + sealed.as_ref().map_or(0, String::len));
    let mut envelope = ObjectWriter::begin(&mut body);
    envelope.object("head", |head| {
        head.string("requestRefId", request_ref_id)
            .optional_string("secretId", credentials.map(Credentials::secret_id))
            .optional_string("signature", signature.as_deref());
    });
    match &sealed {
        Some(sealed) => envelope.string("request", sealed),
        None => envelope.object("request", |request| param.write_member(request)),
    };
    envelope.end();
    Ok(body)
}

/// Checks a body's size and returns it without a leading UTF-8 byte-order mark or surrounding
/// whitespace. The JSON reader validates the UTF-8.
pub(crate) fn body_bytes(body: &[u8], max_bytes: usize) -> Result<&[u8]> {
    if body.len() > max_bytes {
        // Callers may stop reading one byte past the limit, so the exact size is not known.
        return Err(Error::with_detail(
            ErrorCode::BodyTooLarge,
            &format!("报文超过上限 {max_bytes} 字节"),
            &format!("the body exceeds the limit of {max_bytes} bytes"),
        ));
    }
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    Ok(body.trim_ascii())
}

/// Reads a body as a JSON tree, for the paths that need every member (requests, conformance).
pub(crate) fn parse_json_body(body: &[u8], max_bytes: usize) -> Result<Value> {
    crate::wire::parse_tree(body_bytes(body, max_bytes)?)
}

/// Returns the member `key` of a JSON object, or a missing_field error naming `path`.
pub(crate) fn member<'v>(object: &'v Value, key: &str, path: &str) -> Result<&'v Value> {
    match object.get(key) {
        Some(Value::Null) | None => Err(Error::with_detail(
            ErrorCode::MissingField,
            &format!("缺少 {path}"),
            &format!("{path} is missing"),
        )),
        Some(value) => Ok(value),
    }
}

/// Returns the string member `key`, or a missing_field / wrong_type error naming `path`.
pub(crate) fn string_member<'v>(object: &'v Value, key: &str, path: &str) -> Result<&'v str> {
    member(object, key, path)?.as_str().ok_or_else(|| {
        Error::with_detail(
            ErrorCode::WrongType,
            &format!("{path} 应为字符串"),
            &format!("{path} must be a string"),
        )
    })
}

/// Checks that an object has only the given keys.
pub(crate) fn reject_unknown_keys(object: &Value, allowed: &[&str], path: &str) -> Result<()> {
    if let Some(map) = object.as_object() {
        if let Some(key) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            let shown: String = key.chars().take(32).collect();
            return Err(Error::with_detail(
                ErrorCode::UnexpectedField,
                &format!("{path} 含有规范之外的字段 {shown}"),
                &format!("{path} contains the field {shown}, which the spec does not define"),
            ));
        }
    }
    Ok(())
}

pub(crate) fn field_wire_names(interface: Interface) -> Vec<&'static str> {
    interface
        .request_fields()
        .iter()
        .map(|f: &Field| f.wire_name())
        .collect()
}
