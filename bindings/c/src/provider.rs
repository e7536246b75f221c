//! The provider side: reading an incoming request, building a response, and checking a
//! provider's response for conformance with the spec.

use mbasu::conformance::{check_response, Exchange, Finding};
use mbasu::provider::{ParsedRequest, ReceivedField};
use mbasu::{build_response, parse_request, ErrorCode, Reply};

use crate::config::mbasu_config;
use crate::enums::{
    encrypt_type_number, field_arg, form_number, interface_arg, interface_number, severity_number,
    MBASU_NO_ENCRYPT_TYPE,
};
use crate::error::{mbasu_error, mbasu_status};
use crate::ffi::{
    bytes_arg, free_handle, handle_ref, invalid_argument, lang_arg, require_out, text_arg,
    write_out,
};
use crate::panic;
use crate::string::OwnedText;

/// An incoming request, parsed and checked: its requestRefId, form, secretId, encryptType,
/// and each field as received and, where it can be recovered, in plaintext. Any number of
/// threads may read it at once; the plaintext is wiped when it is freed.
pub struct mbasu_parsed_request {
    interface: u32,
    form: u32,
    encrypt_type: u32,
    request_ref_id: OwnedText,
    secret_id: Option<OwnedText>,
    fields: Vec<(mbasu::Field, FieldTexts)>,
}

struct FieldTexts {
    wire: OwnedText,
    plaintext: Option<OwnedText>,
}

impl Drop for mbasu_parsed_request {
    fn drop(&mut self) {
        // A field sent in plaintext has its personal value in `wire` too.
        for (_, texts) in &mut self.fields {
            texts.wire.wipe();
            if let Some(plaintext) = &mut texts.plaintext {
                plaintext.wipe();
            }
        }
    }
}

impl mbasu_parsed_request {
    fn new(parsed: ParsedRequest) -> Result<mbasu_parsed_request, mbasu::Error> {
        let texts = |received: ReceivedField| -> Result<FieldTexts, mbasu::Error> {
            Ok(FieldTexts {
                wire: OwnedText::new(received.wire)?,
                plaintext: received.plaintext.map(OwnedText::new).transpose()?,
            })
        };
        let mut fields = vec![
            (mbasu::Field::Mobile, texts(parsed.mobile)?),
            (mbasu::Field::CertNo, texts(parsed.cert_no)?),
        ];
        if let Some(name) = parsed.name {
            fields.push((mbasu::Field::Name, texts(name)?));
        }
        Ok(mbasu_parsed_request {
            interface: interface_number(parsed.interface),
            form: form_number(parsed.form),
            encrypt_type: parsed
                .encrypt_type
                .map_or(MBASU_NO_ENCRYPT_TYPE, encrypt_type_number),
            request_ref_id: OwnedText::new(parsed.request_ref_id)?,
            secret_id: parsed.secret_id.map(OwnedText::new).transpose()?,
            fields,
        })
    }

    fn field(&self, field: u32) -> Result<&FieldTexts, ErrorCode> {
        let field = field_arg(field).map_err(|e| e.code())?;
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, texts)| texts)
            .ok_or(ErrorCode::InvalidArgument)
    }
}

/// Parses and checks a request body a provider received for `interface_id` (`mbasu_interface`):
/// standard, signed or sealed.
///
/// With credentials configured, the head must carry the configured secretId and a valid
/// signature, and a sealed `request` is opened with the secretKey. Fields sent in plaintext
/// or 3DES are decrypted and validated strictly; hashed fields are checked for the shape
/// their encryptType implies (length and hex case). Unknown keys are rejected.
///
/// On success `*request_out` receives a new handle, owned by the caller and freed with
/// `mbasu_parsed_request_free`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_ARGUMENT` (unknown interface), `MBASU_STATUS_BODY_TOO_LARGE`,
/// `MBASU_STATUS_MALFORMED_JSON`, `MBASU_STATUS_MISSING_FIELD`, `MBASU_STATUS_WRONG_TYPE`,
/// `MBASU_STATUS_UNEXPECTED_FIELD`, `MBASU_STATUS_INVALID_REQUEST_REF_ID`,
/// `MBASU_STATUS_CREDENTIALS_MISSING`, `MBASU_STATUS_SIGNATURE_MISMATCH`,
/// `MBASU_STATUS_CERT_TYPE_MISSING`, `MBASU_STATUS_CERT_TYPE_UNSUPPORTED`,
/// `MBASU_STATUS_UNKNOWN_ENCRYPT_TYPE`, `MBASU_STATUS_ENCRYPT_TYPE_NOT_ALLOWED`,
/// `MBASU_STATUS_HASH_SHAPE`, the decryption codes, and the code of a field's first
/// validation error. Thread safety: callable from any number of threads with one shared
/// configuration.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `body` must be NULL or readable for
/// `body_len` bytes; `request_out` and `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parse_request(
    config: *const mbasu_config,
    interface_id: u32,
    body: *const u8,
    body_len: u32,
    request_out: *mut *mut mbasu_parsed_request,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees `body_len` readable bytes at `body` when not NULL.
        let body = unsafe { bytes_arg(body, body_len, "body") }?;
        require_out(request_out, "request_out")?;
        let interface = interface_arg(interface_id)?;

        let parsed = parse_request(&config.core, interface, body)?;
        let handle = Box::into_raw(Box::new(mbasu_parsed_request::new(parsed)?));
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(request_out, handle) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Borrows a parsed request for the accessors below.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_parsed_request`.
unsafe fn parsed_ref<'a>(
    request: *const mbasu_parsed_request,
) -> Result<&'a mbasu_parsed_request, ErrorCode> {
    // SAFETY: passed on from the caller.
    unsafe { handle_ref(request, "request") }.map_err(|e| e.code())
}

/// Returns the interface (`mbasu_interface`) the request was parsed for;
/// `MBASU_INTERFACE_MBASU001` when `request` is NULL.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_parsed_request`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parsed_request_interface(
    request: *const mbasu_parsed_request,
) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `request` is NULL or live.
        unsafe { parsed_ref(request) }.map_or(0, |r| r.interface)
    })
}

/// Returns the form (`mbasu_request_form`) the request arrived in;
/// `MBASU_REQUEST_FORM_STANDARD` when `request` is NULL.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_parsed_request`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parsed_request_form(request: *const mbasu_parsed_request) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `request` is NULL or live.
        unsafe { parsed_ref(request) }.map_or(0, |r| r.form)
    })
}

/// Returns the encryptType (`mbasu_encrypt_type`) the request named, or
/// `MBASU_NO_ENCRYPT_TYPE` when it sent none (read as plaintext) or `request` is NULL.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_parsed_request`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parsed_request_encrypt_type(
    request: *const mbasu_parsed_request,
) -> u32 {
    panic::value(MBASU_NO_ENCRYPT_TYPE, || {
        // SAFETY: the caller guarantees `request` is NULL or live.
        unsafe { parsed_ref(request) }.map_or(MBASU_NO_ENCRYPT_TYPE, |r| r.encrypt_type)
    })
}

/// Borrows the request's requestRefId, to echo in the response.
///
/// On success `*request_ref_id_out` points to NUL-terminated UTF-8 owned by `request`, valid
/// until `mbasu_parsed_request_free`. Errors: `MBASU_STATUS_NULL_POINTER`.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_parsed_request`; `request_ref_id_out` and `len_out`
/// must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parsed_request_ref_id(
    request: *const mbasu_parsed_request,
    request_ref_id_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `request` is NULL or live.
        let request = unsafe { parsed_ref(request) }?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe {
            request
                .request_ref_id
                .write_parts(request_ref_id_out, len_out)
        }
    })
}

/// Borrows the head's secretId.
///
/// Ownership as for `mbasu_parsed_request_ref_id`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_MISSING_FIELD` when the head has none.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_parsed_request`; `secret_id_out` and `len_out` must
/// each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parsed_request_secret_id(
    request: *const mbasu_parsed_request,
    secret_id_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `request` is NULL or live.
        let request = unsafe { parsed_ref(request) }?;
        let secret_id = request.secret_id.as_ref().ok_or(ErrorCode::MissingField)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { secret_id.write_parts(secret_id_out, len_out) }
    })
}

/// Borrows `field` (`MBASU_FIELD_MOBILE`, `_CERT_NO` or `_NAME`) as it arrived on the wire:
/// plaintext, a digest or 3DES ciphertext, per the request's encryptType.
///
/// Ownership as for `mbasu_parsed_request_ref_id`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_ARGUMENT` (a field the interface does not carry).
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_parsed_request`; `wire_out` and `len_out` must each
/// be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parsed_request_wire(
    request: *const mbasu_parsed_request,
    field: u32,
    wire_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `request` is NULL or live.
        let texts = unsafe { parsed_ref(request) }?.field(field)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { texts.wire.write_parts(wire_out, len_out) }
    })
}

/// Borrows the plaintext of `field`, available when it was sent in plaintext or with 3DES and
/// already validated strictly. A hashed field has no plaintext: compare its wire value with
/// the digest of the value on record instead.
///
/// Ownership as for `mbasu_parsed_request_ref_id`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_ARGUMENT` (a field the interface does not carry),
/// `MBASU_STATUS_HASH_SHAPE` when the field was hashed.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_parsed_request`; `plaintext_out` and `len_out` must
/// each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parsed_request_plaintext(
    request: *const mbasu_parsed_request,
    field: u32,
    plaintext_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `request` is NULL or live.
        let texts = unsafe { parsed_ref(request) }?.field(field)?;
        let plaintext = texts.plaintext.as_ref().ok_or(ErrorCode::HashShape)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { plaintext.write_parts(plaintext_out, len_out) }
    })
}

/// Frees a parsed request, wiping the plaintext it holds; NULL does nothing.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_parsed_request` from this library, freed only once,
/// not used afterwards and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parsed_request_free(request: *mut mbasu_parsed_request) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(request) }
    })
}

/// A response body ready to return, with the responseRefId generated for it. Any number of
/// threads may read it at once.
pub struct mbasu_built_response {
    response_ref_id: OwnedText,
    body: OwnedText,
}

/// Builds a successful response for `interface_id` (`mbasu_interface`) that answers
/// `request_ref_id` with `value`, one of the interface's values as the spec spells it
/// (`"0"`–`"3"`, `"-1"`, `"-2"` for MBASU001, and so on). `sealed` is 1 to seal `response`
/// with the configured secretKey and 0 to send it as an object. The responseRefId is
/// generated from the configured prefix (default `TR`), the clock and random digits.
///
/// On success `*response_out` receives a new handle, owned by the caller and freed with
/// `mbasu_built_response_free`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_UTF8`, `MBASU_STATUS_INVALID_ARGUMENT` (unknown interface, or `sealed`
/// other than 0 or 1), `MBASU_STATUS_INVALID_REQUEST_REF_ID`, `MBASU_STATUS_UNKNOWN_VALUE`,
/// `MBASU_STATUS_CREDENTIALS_MISSING` and `MBASU_STATUS_KEY_LENGTH` (sealing). Thread safety:
/// callable from any number of threads with one shared configuration.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `request_ref_id` and `value` must be NULL or
/// readable for their lengths; `response_out` and `error_out` must each be NULL or valid for
/// one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_build_response(
    config: *const mbasu_config,
    interface_id: u32,
    request_ref_id: *const u8,
    request_ref_id_len: u32,
    value: *const u8,
    value_len: u32,
    sealed: u32,
    response_out: *mut *mut mbasu_built_response,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees each pointer is NULL or readable for its length.
        let (request_ref_id, value) = unsafe {
            (
                text_arg(request_ref_id, request_ref_id_len, "request_ref_id")?,
                text_arg(value, value_len, "value")?,
            )
        };
        let sealed = match sealed {
            0 => false,
            1 => true,
            other => return Err(invalid_argument("sealed", other, "0 or 1")),
        };
        // SAFETY: the caller guarantees `config` and `response_out` as documented.
        unsafe {
            respond(
                config,
                interface_id,
                request_ref_id,
                Reply::Value(value),
                sealed,
                response_out,
            )
        }
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Builds a failure response for `interface_id` (`mbasu_interface`): `head.result` `N`, the
/// given `responseCode` and `responseMsg`, and `response` null. Use it for failures of the
/// request itself (a bad signature, missing parameters); a query that found no data is the
/// value `"-1"` of `mbasu_build_response`.
///
/// Ownership as for `mbasu_build_response`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_UTF8`, `MBASU_STATUS_INVALID_ARGUMENT` (unknown interface, or a
/// responseCode that is empty or `0000`), `MBASU_STATUS_INVALID_REQUEST_REF_ID`.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; the text pointers must be NULL or readable
/// for their lengths; `response_out` and `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_build_failure_response(
    config: *const mbasu_config,
    interface_id: u32,
    request_ref_id: *const u8,
    request_ref_id_len: u32,
    response_code: *const u8,
    response_code_len: u32,
    response_msg: *const u8,
    response_msg_len: u32,
    response_out: *mut *mut mbasu_built_response,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees each pointer is NULL or readable for its length.
        let (request_ref_id, response_code, response_msg) = unsafe {
            (
                text_arg(request_ref_id, request_ref_id_len, "request_ref_id")?,
                text_arg(response_code, response_code_len, "response_code")?,
                text_arg(response_msg, response_msg_len, "response_msg")?,
            )
        };
        let reply = Reply::Failure {
            response_code,
            response_msg,
        };
        // SAFETY: the caller guarantees `config` and `response_out` as documented.
        unsafe {
            respond(
                config,
                interface_id,
                request_ref_id,
                reply,
                false,
                response_out,
            )
        }
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Builds a response and writes the handle; shared by the two exported builders.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `response_out` must be NULL or valid for one
/// write.
unsafe fn respond(
    config: *const mbasu_config,
    interface_id: u32,
    request_ref_id: &str,
    reply: Reply<'_>,
    sealed: bool,
    response_out: *mut *mut mbasu_built_response,
) -> Result<(), mbasu::Error> {
    // SAFETY: the caller guarantees `config` is NULL or a live configuration.
    let config = unsafe { handle_ref(config, "config") }?;
    require_out(response_out, "response_out")?;
    let interface = interface_arg(interface_id)?;

    let built = build_response(&config.core, interface, request_ref_id, reply, sealed)?;
    let handle = mbasu_built_response {
        response_ref_id: OwnedText::new(built.response_ref_id)?,
        body: OwnedText::new(built.body)?,
    };
    // SAFETY: checked non-NULL above; the caller guarantees it is writable.
    unsafe { write_out(response_out, Box::into_raw(Box::new(handle))) };
    Ok(())
}

/// Borrows the response body to return: compact UTF-8 JSON.
///
/// On success `*body_out` points to NUL-terminated UTF-8 owned by `response`, valid until
/// `mbasu_built_response_free`. Errors: `MBASU_STATUS_NULL_POINTER`.
///
/// # Safety
///
/// `response` must be NULL or a live `mbasu_built_response`; `body_out` and `len_out` must
/// each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_built_response_body(
    response: *const mbasu_built_response,
    body_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `response` is NULL or live.
        let response = unsafe { handle_ref(response, "response") }.map_err(|e| e.code())?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { response.body.write_parts(body_out, len_out) }
    })
}

/// Borrows the responseRefId generated for the response.
///
/// Ownership and errors as for `mbasu_built_response_body`.
///
/// # Safety
///
/// `response` must be NULL or a live `mbasu_built_response`; `response_ref_id_out` and
/// `len_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_built_response_ref_id(
    response: *const mbasu_built_response,
    response_ref_id_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `response` is NULL or live.
        let response = unsafe { handle_ref(response, "response") }.map_err(|e| e.code())?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe {
            response
                .response_ref_id
                .write_parts(response_ref_id_out, len_out)
        }
    })
}

/// Frees a built response; NULL does nothing.
///
/// # Safety
///
/// `response` must be NULL or a live `mbasu_built_response` from this library, freed only
/// once, not used afterwards and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn mbasu_built_response_free(response: *mut mbasu_built_response) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(response) }
    })
}

/// Every conformance finding about one provider response, in the order found. Any number of
/// threads may read it at once.
pub struct mbasu_findings {
    findings: Vec<FindingEntry>,
}

struct FindingEntry {
    code: ErrorCode,
    severity: u32,
    path: OwnedText,
    message_zh: OwnedText,
    message_en: OwnedText,
}

impl FindingEntry {
    fn new(finding: Finding) -> Result<FindingEntry, mbasu::Error> {
        Ok(FindingEntry {
            code: finding.code,
            severity: severity_number(finding.severity),
            path: OwnedText::new(finding.path)?,
            message_zh: OwnedText::new(finding.message_zh)?,
            message_en: OwnedText::new(finding.message_en)?,
        })
    }
}

/// Checks a provider's response body for conformance with the spec, for `interface_id`
/// (`mbasu_interface`), and lists every finding instead of stopping at the first.
///
/// `http_status` is the status the provider used, or 0 when unknown. `request_body` is
/// optional (NULL with length 0): the request the response answers, to check the
/// requestRefId echo. A response without findings conforms; findings of severity
/// `MBASU_SEVERITY_WARNING` are tolerated by `mbasu_parse_response`.
///
/// On success `*findings_out` receives a new handle, owned by the caller and freed with
/// `mbasu_findings_free`. Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT`
/// (unknown interface, or `http_status` above 999). Problems of the body are findings, not
/// errors. Thread safety: callable from any number of threads with one shared configuration.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `body` and `request_body` must be NULL or
/// readable for their lengths; `findings_out` and `error_out` must each be NULL or valid for
/// one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_check_response(
    config: *const mbasu_config,
    interface_id: u32,
    body: *const u8,
    body_len: u32,
    http_status: u32,
    request_body: *const u8,
    request_body_len: u32,
    findings_out: *mut *mut mbasu_findings,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees `body_len` readable bytes at `body` when not NULL.
        let body = unsafe { bytes_arg(body, body_len, "body") }?;
        let request_body = if request_body.is_null() && request_body_len == 0 {
            None
        } else {
            // SAFETY: the caller guarantees `request_body_len` readable bytes when not NULL.
            Some(unsafe { bytes_arg(request_body, request_body_len, "request_body") }?)
        };
        require_out(findings_out, "findings_out")?;
        let interface = interface_arg(interface_id)?;
        let http_status = match http_status {
            0 => None,
            status @ 1..=999 => Some(status as u16),
            other => {
                return Err(invalid_argument(
                    "http_status",
                    other,
                    "0 (unknown) or an HTTP status code",
                ))
            }
        };

        let exchange = Exchange {
            http_status,
            request_body,
        };
        let findings = check_response(&config.core, interface, body, &exchange)
            .into_iter()
            .map(FindingEntry::new)
            .collect::<Result<Vec<_>, _>>()?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe {
            write_out(
                findings_out,
                Box::into_raw(Box::new(mbasu_findings { findings })),
            )
        };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Returns the number of findings; 0 when `findings` is NULL.
///
/// # Safety
///
/// `findings` must be NULL or a live `mbasu_findings`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_findings_count(findings: *const mbasu_findings) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `findings` is NULL or live.
        unsafe { handle_ref(findings, "findings") }.map_or(0, |f| f.findings.len() as u32)
    })
}

/// Reads finding `index`: its code (an `mbasu_status` number) and severity
/// (`mbasu_severity`).
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (index out of range).
///
/// # Safety
///
/// `findings` must be NULL or a live `mbasu_findings`; each out-pointer must be NULL or valid
/// for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_findings_get(
    findings: *const mbasu_findings,
    index: u32,
    code_out: *mut u32,
    severity_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `findings` is NULL or live.
        let findings = unsafe { handle_ref(findings, "findings") }.map_err(|e| e.code())?;
        if code_out.is_null() || severity_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let finding = findings
            .findings
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        // SAFETY: both checked non-NULL; the caller guarantees they are writable.
        unsafe {
            write_out(code_out, finding.code.code());
            write_out(severity_out, finding.severity);
        }
        Ok(())
    })
}

/// Borrows where finding `index` is in the body, such as `head.responseCode`; empty for the
/// body as a whole.
///
/// On success `*path_out` points to NUL-terminated UTF-8 owned by `findings`.
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (index out of range).
///
/// # Safety
///
/// `findings` must be NULL or a live `mbasu_findings`; `path_out` and `len_out` must each be
/// NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_findings_path(
    findings: *const mbasu_findings,
    index: u32,
    path_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `findings` is NULL or live.
        let findings = unsafe { handle_ref(findings, "findings") }.map_err(|e| e.code())?;
        let finding = findings
            .findings
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { finding.path.write_parts(path_out, len_out) }
    })
}

/// Borrows the message of finding `index` in `lang`.
///
/// On success `*message_out` points to NUL-terminated UTF-8 owned by `findings`.
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (index out of range or
/// unknown `lang`).
///
/// # Safety
///
/// `findings` must be NULL or a live `mbasu_findings`; `message_out` and `len_out` must each be
/// NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_findings_message(
    findings: *const mbasu_findings,
    index: u32,
    lang: u32,
    message_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `findings` is NULL or live.
        let findings = unsafe { handle_ref(findings, "findings") }.map_err(|e| e.code())?;
        let finding = findings
            .findings
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        let message = match lang_arg(lang)? {
            mbasu::Lang::Zh => &finding.message_zh,
            mbasu::Lang::En => &finding.message_en,
        };
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { message.write_parts(message_out, len_out) }
    })
}

/// Frees a findings list; NULL does nothing.
///
/// # Safety
///
/// `findings` must be NULL or a live `mbasu_findings` from this library, freed only once, not
/// used afterwards and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn mbasu_findings_free(findings: *mut mbasu_findings) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(findings) }
    })
}
