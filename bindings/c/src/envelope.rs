//! The client side of the envelopes: building requests, and reading and interpreting
//! responses.

use std::sync::OnceLock;

use mbasu::response::{Detail, Interpretation, ValueMeaning, Warning};
use mbasu::{
    build_request, interpret_http, parse_response_borrowed, BorrowedInterpretation, BuiltRequest,
    ErrorCode, HttpOutcome, Interface, RequestFields, RequestOptions,
};

use crate::config::mbasu_config;
use crate::enums::{
    category_number, encrypt_type_arg, form_arg, interface_arg, interface_number,
    line_status_number, outcome_number, MBASU_MONTHS_UNBOUNDED, MBASU_NO_ENCRYPT_TYPE,
};
use crate::error::{mbasu_error, mbasu_status};
use crate::ffi::{
    bytes_arg, free_handle, handle_ref, lang_arg, length_u32, optional_text_arg, require_out,
    text_arg, write_out,
};
use crate::panic;
use crate::string::{lazy_text, write_text_parts, OwnedText};

/// A request ready to send: POST the body to the provider's base URL followed by the path.
/// Any number of threads may read it at once.
pub struct mbasu_built_request {
    interface: u32,
    /// The body, NUL-terminated in place: every caller reads it.
    body: OwnedText,
    path: String,
    request_ref_id: String,
    path_text: OnceLock<OwnedText>,
    request_ref_id_text: OnceLock<OwnedText>,
}

impl mbasu_built_request {
    fn new(built: BuiltRequest) -> Result<mbasu_built_request, mbasu::Error> {
        Ok(mbasu_built_request {
            interface: interface_number(built.interface),
            body: OwnedText::new(built.body)?,
            path: built.path,
            request_ref_id: built.request_ref_id,
            path_text: OnceLock::new(),
            request_ref_id_text: OnceLock::new(),
        })
    }
}

/// Validates, normalises and encrypts an applicant's fields and serialises the request for
/// `interface_id` (`mbasu_interface`) in `form` (`mbasu_request_form`).
///
/// `mobile` and `cert_no` are required UTF-8. `name` is required for MBASU001 and must be NULL
/// with length 0 for the other interfaces. `encrypt_type` is an `mbasu_encrypt_type`, or
/// `MBASU_NO_ENCRYPT_TYPE` to send no encryptType (the only choice for MBASU004). The fields
/// are validated in the configuration's validation mode (normalising by default) and
/// encrypted with its code table, digest options and 3DES key. `request_ref_id` is optional:
/// NULL with length 0 generates one from the prefix, the clock (China time) and six random
/// digits. The body is compact JSON with `param` keys in the spec's order, byte-for-byte
/// reproducible.
///
/// On success `*request_out` receives a new request, owned by the caller and freed with
/// `mbasu_built_request_free`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_UTF8`, `MBASU_STATUS_INVALID_ARGUMENT` (unknown interface, form or
/// encryptType, or a name for MBASU010/MBASU004), the code of the first invalid field
/// (`MBASU_STATUS_MOBILE_FORMAT`, `MBASU_STATUS_NAME_MISSING`, …; the error's messages list
/// every error of that field), `MBASU_STATUS_ENCRYPT_TYPE_NOT_ALLOWED` (an encryptType for
/// MBASU004), `MBASU_STATUS_KEY_MISSING`, `MBASU_STATUS_CREDENTIALS_MISSING` (signed or sealed
/// without credentials), `MBASU_STATUS_KEY_LENGTH` (sealing needs a 24-byte secretKey),
/// `MBASU_STATUS_INVALID_REQUEST_REF_ID`. Thread safety: callable from any number of threads
/// with one shared configuration.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; each text pointer must be NULL or readable
/// for its length; `request_out` and `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_build_request(
    config: *const mbasu_config,
    interface_id: u32,
    mobile: *const u8,
    mobile_len: u32,
    cert_no: *const u8,
    cert_no_len: u32,
    name: *const u8,
    name_len: u32,
    encrypt_type: u32,
    request_ref_id: *const u8,
    request_ref_id_len: u32,
    form: u32,
    request_out: *mut *mut mbasu_built_request,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees each text pointer is NULL or readable for its length.
        let (mobile, cert_no, name, request_ref_id) = unsafe {
            (
                text_arg(mobile, mobile_len, "mobile")?,
                text_arg(cert_no, cert_no_len, "cert_no")?,
                optional_text_arg(name, name_len, "name")?,
                optional_text_arg(request_ref_id, request_ref_id_len, "request_ref_id")?,
            )
        };
        require_out(request_out, "request_out")?;
        let interface = interface_arg(interface_id)?;
        let encrypt_type = match encrypt_type {
            MBASU_NO_ENCRYPT_TYPE => None,
            number => Some(encrypt_type_arg(number)?),
        };
        let options = RequestOptions {
            encrypt_type,
            request_ref_id,
            form: form_arg(form)?,
        };

        let fields = RequestFields {
            mobile,
            cert_no,
            name,
        };
        let built = build_request(&config.core, interface, &fields, &options)?;
        let request = Box::into_raw(Box::new(mbasu_built_request::new(built)?));
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(request_out, request) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Looks up an interface (`mbasu_interface`) by its code, such as `MBASU001` (ASCII case and
/// surrounding whitespace ignored), as a provider routing on the URL path does.
///
/// On success writes it to `*interface_out`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_UTF8`, `MBASU_STATUS_UNKNOWN_INTERFACE`.
///
/// # Safety
///
/// `code` must be NULL or readable for `code_len` bytes; `interface_out` and `error_out` must
/// each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interface_from_code(
    code: *const u8,
    code_len: u32,
    interface_out: *mut u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `code_len` readable bytes at `code` when not NULL.
        let code = unsafe { text_arg(code, code_len, "code") }?;
        require_out(interface_out, "interface_out")?;
        let interface = mbasu::Interface::from_code(code)?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(interface_out, interface_number(interface)) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Returns the interface (`mbasu_interface`) of a built request; `MBASU_INTERFACE_MBASU001`
/// when `request` is NULL.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_built_request`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_built_request_interface(request: *const mbasu_built_request) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `request` is NULL or live.
        unsafe { handle_ref(request, "request") }.map_or(0, |request| request.interface)
    })
}

/// Borrows one text of a built request; the exported accessors differ only in `pick`.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_built_request`; `data_out` and `len_out` must each
/// be NULL or valid for one write.
unsafe fn built_request_text(
    request: *const mbasu_built_request,
    pick: impl FnOnce(&mbasu_built_request) -> Result<&OwnedText, ErrorCode>,
    data_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `request` is NULL or live.
        let request = unsafe { handle_ref(request, "request") }.map_err(|e| e.code())?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { pick(request)?.write_parts(data_out, len_out) }
    })
}

/// Borrows the body to POST: compact UTF-8 JSON.
///
/// On success `*body_out` points to NUL-terminated UTF-8 owned by `request`, valid until
/// `mbasu_built_request_free`. Errors: `MBASU_STATUS_NULL_POINTER`.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_built_request`; `body_out` and `len_out` must each
/// be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_built_request_body(
    request: *const mbasu_built_request,
    body_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    // SAFETY: the caller guarantees what `built_request_text` requires.
    unsafe { built_request_text(request, |r| Ok(&r.body), body_out, len_out) }
}

/// Borrows the URL path to append to the provider's base URL, such as `/MBASU001`.
///
/// Ownership and errors as for `mbasu_built_request_body`.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_built_request`; `path_out` and `len_out` must each
/// be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_built_request_path(
    request: *const mbasu_built_request,
    path_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    // SAFETY: the caller guarantees what `built_request_text` requires.
    unsafe {
        built_request_text(
            request,
            |r| lazy_text(&r.path_text, &r.path),
            path_out,
            len_out,
        )
    }
}

/// Borrows the requestRefId sent in the head, given or generated; pass it to
/// `mbasu_parse_response` to check the provider's echo.
///
/// Ownership and errors as for `mbasu_built_request_body`.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_built_request`; `request_ref_id_out` and `len_out`
/// must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_built_request_ref_id(
    request: *const mbasu_built_request,
    request_ref_id_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    // SAFETY: the caller guarantees what `built_request_text` requires.
    unsafe {
        built_request_text(
            request,
            |r| lazy_text(&r.request_ref_id_text, &r.request_ref_id),
            request_ref_id_out,
            len_out,
        )
    }
}

/// Frees a built request; NULL does nothing.
///
/// # Safety
///
/// `request` must be NULL or a live `mbasu_built_request` from this library, freed only once,
/// not used afterwards and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn mbasu_built_request_free(request: *mut mbasu_built_request) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(request) }
    })
}

/// A provider's response, read and interpreted: the value, its category, outcome and labels,
/// the per-interface detail, the head's reference ids and message, and conformance warnings.
/// Any number of threads may read it at once.
pub struct mbasu_interpretation {
    interface: Interface,
    value: &'static str,
    meaning: ValueMeaning,
    head: HeadTexts,
    /// NUL-terminated copies of a value or label that [`static_text`] lacks, made when an
    /// accessor first reads them. The spec's values and labels are all in that table, so this
    /// stays empty and costs a reading no allocation.
    copies: OnceLock<Box<TextCopies>>,
    warnings: Vec<WarningEntry>,
}

#[derive(Default)]
struct TextCopies {
    value: OnceLock<OwnedText>,
    label_zh: OnceLock<OwnedText>,
    label_en: OnceLock<OwnedText>,
}

struct WarningEntry {
    code: ErrorCode,
    message_zh: OwnedText,
    message_en: OwnedText,
}

/// Head text up to this many bytes, NULs included, is kept inside the handle: the spec's
/// sample head needs 71. Longer text goes to a separate allocation.
const INLINE_HEAD_BYTES: usize = 128;

/// The head's requestRefId, responseRefId and responseMsg, each followed by a NUL, in one
/// buffer: inline up to [`INLINE_HEAD_BYTES`], else one heap allocation for all three.
struct HeadTexts {
    storage: HeadStorage,
    /// Start and length in the storage of each field, in `mbasu_head_field` order; `None` when
    /// the head lacks it.
    spans: [Option<(usize, u32)>; 3],
}

enum HeadStorage {
    Inline([u8; INLINE_HEAD_BYTES]),
    Heap(Vec<u8>),
}

impl HeadTexts {
    #[inline(always)]
    fn new(fields: [Option<&str>; 3]) -> Result<HeadTexts, mbasu::Error> {
        let size: usize = fields.iter().flatten().map(|field| field.len() + 1).sum();
        let mut storage = if size <= INLINE_HEAD_BYTES {
            HeadStorage::Inline([0; INLINE_HEAD_BYTES])
        } else {
            HeadStorage::Heap(vec![0; size])
        };
        let bytes = match &mut storage {
            HeadStorage::Inline(bytes) => &mut bytes[..],
            HeadStorage::Heap(bytes) => &mut bytes[..],
        };

        // The storage starts zeroed, so each field's NUL is already in place after it.
        let mut spans = [None; 3];
        let mut start = 0;
        for (span, field) in spans.iter_mut().zip(fields) {
            if let Some(field) = field {
                bytes[start..start + field.len()].copy_from_slice(field.as_bytes());
                *span = Some((start, length_u32(field.len())?));
                start += field.len() + 1;
            }
        }
        Ok(HeadTexts { storage, spans })
    }

    /// Returns the pointer to field `index` (NUL-terminated) and its length without the NUL.
    fn parts(&self, index: usize) -> Option<(*const u8, u32)> {
        let (start, len) = (*self.spans.get(index)?)?;
        let bytes = match &self.storage {
            HeadStorage::Inline(bytes) => &bytes[..],
            HeadStorage::Heap(bytes) => &bytes[..],
        };
        Some((bytes.get(start..)?.as_ptr(), len))
    }
}

impl mbasu_interpretation {
    #[inline(always)]
    pub(crate) fn new(
        interpretation: &BorrowedInterpretation<'_>,
    ) -> Result<mbasu_interpretation, mbasu::Error> {
        mbasu_interpretation::with_parts(
            interpretation.interface,
            interpretation.value,
            interpretation.meaning,
            [
                interpretation.request_ref_id.as_deref(),
                interpretation.response_ref_id.as_deref(),
                interpretation.response_msg.as_deref(),
            ],
            &interpretation.warnings,
        )
    }

    pub(crate) fn from_owned(
        interpretation: &Interpretation,
    ) -> Result<mbasu_interpretation, mbasu::Error> {
        mbasu_interpretation::with_parts(
            interpretation.interface,
            interpretation.value,
            interpretation.meaning,
            [
                interpretation.request_ref_id.as_deref(),
                interpretation.response_ref_id.as_deref(),
                interpretation.response_msg.as_deref(),
            ],
            &interpretation.warnings,
        )
    }

    #[inline(always)]
    fn with_parts(
        interface: Interface,
        value: &'static str,
        meaning: ValueMeaning,
        head: [Option<&str>; 3],
        warnings: &[Warning],
    ) -> Result<mbasu_interpretation, mbasu::Error> {
        let mut entries = Vec::with_capacity(warnings.len());
        for warning in warnings {
            entries.push(WarningEntry {
                code: warning.code,
                message_zh: OwnedText::copy(&warning.message_zh)?,
                message_en: OwnedText::copy(&warning.message_en)?,
            });
        }
        Ok(mbasu_interpretation {
            interface,
            value,
            meaning,
            head: HeadTexts::new(head)?,
            copies: OnceLock::new(),
            warnings: entries,
        })
    }

    /// Returns a NUL-terminated form of `text`, the value or one of its labels: from
    /// [`static_text`] when it is there, else copied once into `cell` of [`TextCopies`].
    fn nul_terminated(
        &self,
        text: &str,
        cell: fn(&TextCopies) -> &OnceLock<OwnedText>,
    ) -> Result<&OwnedText, ErrorCode> {
        if let Some(known) = static_text(text) {
            return Ok(known);
        }
        let copies = self.copies.get_or_init(Box::default);
        lazy_text(cell(copies), text)
    }
}

/// Returns the NUL-terminated copy of a response value or label from a table of every value
/// the spec defines and their labels, built on first use, so reading them allocates nothing.
fn static_text(text: &str) -> Option<&'static OwnedText> {
    static TEXTS: OnceLock<Vec<OwnedText>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        let mut texts: Vec<OwnedText> = Vec::new();
        let mut add = |text: &'static str| {
            if !texts.iter().any(|known| known.as_str() == text) {
                texts.push(OwnedText::from_static(text));
            }
        };
        // Values first, because every reading looks its value up and few read a label.
        for interface in Interface::ALL {
            mbasu::response::values(interface)
                .iter()
                .for_each(|value| add(value));
        }
        for interface in Interface::ALL {
            for value in mbasu::response::values(interface) {
                if let Some(meaning) = mbasu::response::interpret_value(interface, value) {
                    add(meaning.label_zh);
                    add(meaning.label_en);
                }
            }
        }
        texts
    });
    texts.iter().find(|known| known.as_str() == text)
}

/// Parses a response body for `interface_id` (`mbasu_interface`), checks its head and
/// interprets its one value.
///
/// `body` is `body_len` bytes as received; a UTF-8 byte-order mark and surrounding
/// whitespace are tolerated. `response` may be an object or a sealed Base64 string, opened
/// with the configured secretKey. `expected_request_ref_id` is optional: when given (not NULL
/// with length 0), the head's requestRefId must equal it. A value sent as a JSON number is
/// read, with a `MBASU_STATUS_VALUE_NOT_STRING` warning. The values -1 (no data) and -2 (query
/// error) are answers, not errors: check `mbasu_interpretation_category`.
///
/// On success `*interpretation_out` receives a new handle, owned by the caller and freed with
/// `mbasu_interpretation_free`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_UTF8` (the expected requestRefId), `MBASU_STATUS_INVALID_ARGUMENT`
/// (unknown interface), `MBASU_STATUS_BODY_TOO_LARGE`, `MBASU_STATUS_MALFORMED_JSON` (also a
/// body that is not UTF-8, or an HTML error page), `MBASU_STATUS_MISSING_FIELD`,
/// `MBASU_STATUS_WRONG_TYPE`, `MBASU_STATUS_PROVIDER_ERROR` (a responseCode other than 0000;
/// read it with `mbasu_error_provider_failure`), `MBASU_STATUS_REQUEST_REF_MISMATCH`,
/// `MBASU_STATUS_UNKNOWN_VALUE`, and for sealed responses `MBASU_STATUS_CREDENTIALS_MISSING`
/// and the decryption codes. Thread safety: callable from any number of threads with one
/// shared configuration.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `body` and `expected_request_ref_id` must be
/// NULL or readable for their lengths; `interpretation_out` and `error_out` must each be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_parse_response(
    config: *const mbasu_config,
    interface_id: u32,
    body: *const u8,
    body_len: u32,
    expected_request_ref_id: *const u8,
    expected_request_ref_id_len: u32,
    interpretation_out: *mut *mut mbasu_interpretation,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees each pointer is NULL or readable for its length.
        let (body, expected) = unsafe {
            (
                bytes_arg(body, body_len, "body")?,
                optional_text_arg(
                    expected_request_ref_id,
                    expected_request_ref_id_len,
                    "expected_request_ref_id",
                )?,
            )
        };
        require_out(interpretation_out, "interpretation_out")?;
        let interface = interface_arg(interface_id)?;

        let interpretation = parse_response_borrowed(&config.core, interface, body, expected)?;
        let handle = Box::into_raw(Box::new(mbasu_interpretation::new(&interpretation)?));
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(interpretation_out, handle) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Borrows an interpretation for the accessors below.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`.
unsafe fn interpretation_ref<'a>(
    interpretation: *const mbasu_interpretation,
) -> Result<&'a mbasu_interpretation, ErrorCode> {
    // SAFETY: passed on from the caller.
    unsafe { handle_ref(interpretation, "interpretation") }.map_err(|e| e.code())
}

/// Returns the interface (`mbasu_interface`) the response was read for;
/// `MBASU_INTERFACE_MBASU001` when `interpretation` is NULL.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_interface(
    interpretation: *const mbasu_interpretation,
) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        unsafe { interpretation_ref(interpretation) }.map_or(0, |i| interface_number(i.interface))
    })
}

/// Returns the category (`mbasu_category`); `MBASU_CATEGORY_QUERY_ERROR` when
/// `interpretation` is NULL.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_category(
    interpretation: *const mbasu_interpretation,
) -> u32 {
    let fallback = crate::enums::mbasu_category::QueryError as u32;
    panic::value(fallback, || {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        unsafe { interpretation_ref(interpretation) }
            .map_or(fallback, |i| category_number(i.meaning.category))
    })
}

/// Returns the outcome (`mbasu_outcome`); `MBASU_OUTCOME_QUERY_ERROR` when `interpretation`
/// is NULL.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_outcome(
    interpretation: *const mbasu_interpretation,
) -> u32 {
    let fallback = crate::enums::mbasu_outcome::QueryError as u32;
    panic::value(fallback, || {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        unsafe { interpretation_ref(interpretation) }
            .map_or(fallback, |i| outcome_number(i.meaning.outcome))
    })
}

/// Returns 1 when asking again can give a different result (the value was -2, a query error),
/// and 0 otherwise or when `interpretation` is NULL.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_is_retryable(
    interpretation: *const mbasu_interpretation,
) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        unsafe { interpretation_ref(interpretation) }
            .is_ok_and(|i| i.meaning.category.is_retryable())
            .into()
    })
}

/// Borrows the value as the spec spells it (`"0"`, `"-1"`, …), also when it arrived as a
/// JSON number.
///
/// On success `*value_out` points to NUL-terminated UTF-8 owned by `interpretation`, valid
/// until `mbasu_interpretation_free`. Errors: `MBASU_STATUS_NULL_POINTER`.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`; `value_out` and `len_out`
/// must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_value(
    interpretation: *const mbasu_interpretation,
    value_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        let interpretation = unsafe { interpretation_ref(interpretation) }?;
        let value = interpretation.nul_terminated(interpretation.value, |c| &c.value)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { value.write_parts(value_out, len_out) }
    })
}

/// Borrows the value's label in `lang`, such as "mobile, ID number and name all match".
///
/// Ownership as for `mbasu_interpretation_value`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_ARGUMENT` (unknown `lang`).
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`; `label_out` and `len_out`
/// must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_label(
    interpretation: *const mbasu_interpretation,
    lang: u32,
    label_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        let interpretation = unsafe { interpretation_ref(interpretation) }?;
        let meaning = &interpretation.meaning;
        let label = match lang_arg(lang)? {
            mbasu::Lang::Zh => interpretation.nul_terminated(meaning.label_zh, |c| &c.label_zh)?,
            mbasu::Lang::En => interpretation.nul_terminated(meaning.label_en, |c| &c.label_en)?,
        };
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { label.write_parts(label_out, len_out) }
    })
}

/// Reads the MBASU001 detail: whether the name and the ID number match the mobile's owner
/// (each 1 or 0).
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` when the response is
/// not an MBASU001 answer (another interface, or -1 / -2).
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`; each out-pointer must be
/// NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_match(
    interpretation: *const mbasu_interpretation,
    name_matches_out: *mut u32,
    cert_no_matches_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        let interpretation = unsafe { interpretation_ref(interpretation) }?;
        if name_matches_out.is_null() || cert_no_matches_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let Detail::Match {
            name_matches,
            cert_no_matches,
        } = interpretation.meaning.detail
        else {
            return Err(ErrorCode::InvalidArgument);
        };
        // SAFETY: both checked non-NULL; the caller guarantees they are writable.
        unsafe {
            write_out(name_matches_out, u32::from(name_matches));
            write_out(cert_no_matches_out, u32::from(cert_no_matches));
        }
        Ok(())
    })
}

/// Reads the MBASU010 detail: the number has been in the network for more than
/// `*months_above_out` and at most `*months_at_most_out` months (`MBASU_MONTHS_UNBOUNDED` for
/// the last band, more than 24 months).
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` when the response is
/// not an MBASU010 answer.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`; each out-pointer must be
/// NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_in_net_period(
    interpretation: *const mbasu_interpretation,
    months_above_out: *mut u32,
    months_at_most_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        let interpretation = unsafe { interpretation_ref(interpretation) }?;
        if months_above_out.is_null() || months_at_most_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let Detail::InNetPeriod {
            months_above,
            months_at_most,
        } = interpretation.meaning.detail
        else {
            return Err(ErrorCode::InvalidArgument);
        };
        // SAFETY: both checked non-NULL; the caller guarantees they are writable.
        unsafe {
            write_out(months_above_out, months_above);
            write_out(
                months_at_most_out,
                months_at_most.unwrap_or(MBASU_MONTHS_UNBOUNDED),
            );
        }
        Ok(())
    })
}

/// Reads the MBASU004 detail: the line status (`mbasu_line_status`) and whether the line is
/// usable (1 or 0).
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` when the response is
/// not an MBASU004 answer.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`; each out-pointer must be
/// NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_line_status(
    interpretation: *const mbasu_interpretation,
    status_out: *mut u32,
    usable_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        let interpretation = unsafe { interpretation_ref(interpretation) }?;
        if status_out.is_null() || usable_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let Detail::Status { status, usable } = interpretation.meaning.detail else {
            return Err(ErrorCode::InvalidArgument);
        };
        // SAFETY: both checked non-NULL; the caller guarantees they are writable.
        unsafe {
            write_out(status_out, line_status_number(status));
            write_out(usable_out, u32::from(usable));
        }
        Ok(())
    })
}

/// Optional string field of a response head, read by `mbasu_interpretation_head`.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_head_field {
    /// `head.requestRefId`, the echo of the request's id.
    RequestRefId = 0,
    /// `head.responseRefId`, the provider's id of the response.
    ResponseRefId = 1,
    /// `head.responseMsg`, the provider's message.
    ResponseMsg = 2,
}

/// Borrows a string field of the response's head (`mbasu_head_field`).
///
/// On success `*text_out` points to NUL-terminated UTF-8 owned by `interpretation`.
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (unknown head field),
/// `MBASU_STATUS_MISSING_FIELD` when the head lacks that field or it is not a string.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`; `text_out` and `len_out`
/// must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_head(
    interpretation: *const mbasu_interpretation,
    head_field: u32,
    text_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        let interpretation = unsafe { interpretation_ref(interpretation) }?;
        if head_field > 2 {
            return Err(ErrorCode::InvalidArgument);
        }
        let (data, len) = interpretation
            .head
            .parts(head_field as usize)
            .ok_or(ErrorCode::MissingField)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { write_text_parts(data, len, text_out, len_out) }
    })
}

/// Returns the number of conformance warnings (deviations from the spec that did not stop
/// the reading, such as a value sent as a number); 0 when `interpretation` is NULL.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_warning_count(
    interpretation: *const mbasu_interpretation,
) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        unsafe { interpretation_ref(interpretation) }.map_or(0, |i| i.warnings.len() as u32)
    })
}

/// Reads the code (an `mbasu_status` number, such as `MBASU_STATUS_VALUE_NOT_STRING`) of
/// warning `index`.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (index out of range).
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`; `code_out` must be NULL or
/// valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_warning(
    interpretation: *const mbasu_interpretation,
    index: u32,
    code_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        let interpretation = unsafe { interpretation_ref(interpretation) }?;
        if code_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let warning = interpretation
            .warnings
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { write_out(code_out, warning.code.code()) };
        Ok(())
    })
}

/// Borrows the message of warning `index` in `lang`.
///
/// On success `*message_out` points to NUL-terminated UTF-8 owned by `interpretation`.
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (index out of range or
/// unknown `lang`).
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation`; `message_out` and `len_out`
/// must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_warning_message(
    interpretation: *const mbasu_interpretation,
    index: u32,
    lang: u32,
    message_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `interpretation` is NULL or live.
        let interpretation = unsafe { interpretation_ref(interpretation) }?;
        let warning = interpretation
            .warnings
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        let message = match lang_arg(lang)? {
            mbasu::Lang::Zh => &warning.message_zh,
            mbasu::Lang::En => &warning.message_en,
        };
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { message.write_parts(message_out, len_out) }
    })
}

/// Frees an interpretation; NULL does nothing.
///
/// # Safety
///
/// `interpretation` must be NULL or a live `mbasu_interpretation` from this library, freed
/// only once, not used afterwards and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpretation_free(interpretation: *mut mbasu_interpretation) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(interpretation) }
    })
}

/// The classification of one HTTP exchange: its kind, whether to retry, and either the
/// interpretation (answered) or the error (every other kind). Any number of threads may read
/// it at once.
pub struct mbasu_http_outcome {
    kind: u32,
    retryable: bool,
    interpretation: Option<Box<mbasu_interpretation>>,
    error: Option<Box<mbasu_error>>,
}

/// Classifies an HTTP exchange with the provider from its status code and body, for the
/// caller's retry policy. A non-2xx status whose body is still a spec response (some
/// providers answer -2 with HTTP 500, which the spec forbids) is read as that response.
///
/// Arguments as for `mbasu_parse_response`, plus `http_status`. The classification itself is
/// the result, so a provider error or transport failure is a successful call: on success
/// `*outcome_out` receives a new handle, owned by the caller and freed with
/// `mbasu_http_outcome_free`. Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_UTF8`
/// (the expected requestRefId), `MBASU_STATUS_INVALID_ARGUMENT` (unknown interface, or
/// `http_status` above 999). Thread safety: callable from any number of threads with one
/// shared configuration.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `body` and `expected_request_ref_id` must be
/// NULL or readable for their lengths; `outcome_out` and `error_out` must each be NULL or valid
/// for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_interpret_http(
    config: *const mbasu_config,
    interface_id: u32,
    http_status: u32,
    body: *const u8,
    body_len: u32,
    expected_request_ref_id: *const u8,
    expected_request_ref_id_len: u32,
    outcome_out: *mut *mut mbasu_http_outcome,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees each pointer is NULL or readable for its length.
        let (body, expected) = unsafe {
            (
                bytes_arg(body, body_len, "body")?,
                optional_text_arg(
                    expected_request_ref_id,
                    expected_request_ref_id_len,
                    "expected_request_ref_id",
                )?,
            )
        };
        require_out(outcome_out, "outcome_out")?;
        let interface = interface_arg(interface_id)?;
        let status = u16::try_from(http_status)
            .ok()
            .filter(|status| *status <= 999)
            .ok_or_else(|| {
                crate::ffi::invalid_argument(
                    "http_status",
                    http_status,
                    "an HTTP status code (0 to 999)",
                )
            })?;

        let outcome = match interpret_http(&config.core, interface, status, body, expected) {
            HttpOutcome::Answered(interpretation) => {
                let retryable = interpretation.is_retryable();
                mbasu_http_outcome {
                    kind: crate::enums::mbasu_http_kind::Answered as u32,
                    retryable,
                    interpretation: Some(Box::new(mbasu_interpretation::from_owned(
                        &interpretation,
                    )?)),
                    error: None,
                }
            }
            HttpOutcome::ProviderError(error) => {
                failed(crate::enums::mbasu_http_kind::ProviderError, false, &error)
            }
            HttpOutcome::TransportFailure {
                retryable, error, ..
            } => failed(
                crate::enums::mbasu_http_kind::TransportFailure,
                retryable,
                &error,
            ),
            HttpOutcome::InvalidResponse(error) => failed(
                crate::enums::mbasu_http_kind::InvalidResponse,
                false,
                &error,
            ),
        };
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(outcome_out, Box::into_raw(Box::new(outcome))) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

fn failed(
    kind: crate::enums::mbasu_http_kind,
    retryable: bool,
    error: &mbasu::Error,
) -> mbasu_http_outcome {
    mbasu_http_outcome {
        kind: kind as u32,
        retryable,
        interpretation: None,
        error: Some(Box::new(mbasu_error::new(error))),
    }
}

/// Returns the kind (`mbasu_http_kind`); `MBASU_HTTP_KIND_INVALID_RESPONSE`
/// when `outcome` is NULL.
///
/// # Safety
///
/// `outcome` must be NULL or a live `mbasu_http_outcome`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_http_outcome_kind(outcome: *const mbasu_http_outcome) -> u32 {
    let fallback = crate::enums::mbasu_http_kind::InvalidResponse as u32;
    panic::value(fallback, || {
        // SAFETY: the caller guarantees `outcome` is NULL or live.
        unsafe { handle_ref(outcome, "outcome") }.map_or(fallback, |o| o.kind)
    })
}

/// Returns 1 when sending the request again may help (a transport failure with status 5xx,
/// 408 or 429, or an answer of -2), and 0 otherwise or when `outcome` is NULL.
///
/// # Safety
///
/// `outcome` must be NULL or a live `mbasu_http_outcome`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_http_outcome_is_retryable(
    outcome: *const mbasu_http_outcome,
) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `outcome` is NULL or live.
        unsafe { handle_ref(outcome, "outcome") }
            .is_ok_and(|o| o.retryable)
            .into()
    })
}

/// Borrows the interpretation of an answered exchange: a handle owned by `outcome`, valid
/// until `mbasu_http_outcome_free`, that the caller must not free. Returns NULL for the other
/// kinds and when `outcome` is NULL.
///
/// # Safety
///
/// `outcome` must be NULL or a live `mbasu_http_outcome`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_http_outcome_interpretation(
    outcome: *const mbasu_http_outcome,
) -> *const mbasu_interpretation {
    panic::value(std::ptr::null(), || {
        // SAFETY: the caller guarantees `outcome` is NULL or live.
        let Ok(outcome) = (unsafe { handle_ref(outcome, "outcome") }) else {
            return std::ptr::null();
        };
        outcome
            .interpretation
            .as_deref()
            .map_or(std::ptr::null(), |i| i as *const _)
    })
}

/// Borrows the error of an exchange that was not answered: a handle owned by `outcome`, valid
/// until `mbasu_http_outcome_free`, that the caller must not free. A provider error carries
/// the provider's code and message (`mbasu_error_provider_failure`). Returns NULL for an
/// answered exchange and when `outcome` is NULL.
///
/// # Safety
///
/// `outcome` must be NULL or a live `mbasu_http_outcome`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_http_outcome_error(
    outcome: *const mbasu_http_outcome,
) -> *const mbasu_error {
    panic::value(std::ptr::null(), || {
        // SAFETY: the caller guarantees `outcome` is NULL or live.
        let Ok(outcome) = (unsafe { handle_ref(outcome, "outcome") }) else {
            return std::ptr::null();
        };
        outcome
            .error
            .as_deref()
            .map_or(std::ptr::null(), |e| e as *const _)
    })
}

/// Frees an HTTP outcome and the interpretation or error it owns; NULL does nothing.
///
/// # Safety
///
/// `outcome` must be NULL or a live `mbasu_http_outcome` from this library, freed only once,
/// not used afterwards (nor the handles borrowed from it) and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn mbasu_http_outcome_free(outcome: *mut mbasu_http_outcome) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(outcome) }
    })
}
