//! Status codes, the `mbasu_error` detail handle and the message tables.
//!
//! `mbasu_status` repeats the core's `ErrorCode` numbers one to one, plus `MBASU_STATUS_OK`
//! (0). The test `status_enum_matches_core` fails when a core code is missing here or differs
//! in number or name, and `header_matches_core` checks the same in `include/mbasu.h`.

use std::sync::OnceLock;

use mbasu::{Error, ErrorCode, Lang};

use crate::ffi::{free_handle, handle_ref, lang_arg, write_out};
use crate::panic;
use crate::string::OwnedText;

/// Status returned by every fallible function: `MBASU_STATUS_OK` (0) or an error code.
///
/// The numbers are the core's stable error codes, grouped in ranges: 1–99 arguments and the
/// binding boundary, 100–199 mobile, 200–299 certType, 300–399 certNo, 400–499 name, 500–599
/// encryptType and encryption, 600–699 envelopes and responses. A released number never
/// changes meaning. Validation problems use the same numbers; codes 150–199, 350–399 and
/// 650–699 are warnings. Functions return it as `uint32_t`, so a newer library may return a
/// number this header does not list.
#[allow(missing_docs)]
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum mbasu_status {
    Ok = 0,
    InvalidArgument = 1,
    InvalidUtf8 = 2,
    LoneSurrogate = 3,
    NullPointer = 4,
    BufferTooSmall = 5,
    Panic = 6,
    ClosedHandle = 7,
    InvalidDate = 8,
    InputTooLarge = 9,
    MobileMissing = 100,
    MobileLength = 101,
    MobileFormat = 102,
    MobileUnknownSegment = 150,
    CertTypeMissing = 200,
    CertTypeUnsupported = 201,
    CertNoMissing = 300,
    CertNoLength = 301,
    CertNoFormat = 302,
    CertNoLowercaseX = 303,
    CertNoCheckDigit = 304,
    CertNoBirthDate = 305,
    CertNoProvince = 306,
    CertNoProvinceOutsideMainland = 350,
    NameMissing = 400,
    NameLength = 401,
    NameFormat = 402,
    NameCharacter = 403,
    NameDotPosition = 404,
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

/// Every status, in numeric order; `mbasu_status::from_code` searches it.
pub(crate) const STATUSES: &[mbasu_status] = {
    use mbasu_status::*;
    &[
        Ok,
        InvalidArgument,
        InvalidUtf8,
        LoneSurrogate,
        NullPointer,
        BufferTooSmall,
        Panic,
        ClosedHandle,
        InvalidDate,
        InputTooLarge,
        MobileMissing,
        MobileLength,
        MobileFormat,
        MobileUnknownSegment,
        CertTypeMissing,
        CertTypeUnsupported,
        CertNoMissing,
        CertNoLength,
        CertNoFormat,
        CertNoLowercaseX,
        CertNoCheckDigit,
        CertNoBirthDate,
        CertNoProvince,
        CertNoProvinceOutsideMainland,
        NameMissing,
        NameLength,
        NameFormat,
        NameCharacter,
        NameDotPosition,
        UnknownEncryptType,
        EncryptTypeNotAllowed,
        KeyLength,
        IvLength,
        InvalidBase64,
        InvalidHex,
        BadPadding,
        CiphertextLength,
        DecryptedNotUtf8,
        InvalidCodeTable,
        KeyMissing,
        IvNotAllowed,
        MalformedJson,
        MissingField,
        UnknownValue,
        ProviderError,
        RequestRefMismatch,
        BodyTooLarge,
        WrongType,
        SignatureMismatch,
        UnknownInterface,
        InvalidRequestRefId,
        InvalidParam,
        HashShape,
        CredentialsMissing,
        ValueNotString,
        ValueTooLong,
        RequestRefNotEchoed,
        Http500ForQueryFailure,
        UnexpectedField,
        HeadResultMismatch,
    ]
};

impl mbasu_status {
    /// Returns the status with the same number as a core code.
    ///
    /// NOTE: a core code added without a status here maps to `InvalidArgument`; the test
    /// `status_enum_matches_core` fails before that can ship.
    pub(crate) fn from_code(code: ErrorCode) -> mbasu_status {
        let number = code.code();
        STATUSES
            .binary_search_by_key(&number, |status| *status as u32)
            .map(|index| STATUSES[index])
            .unwrap_or(mbasu_status::InvalidArgument)
    }
}

/// Name and messages of one status, NUL-terminated for C.
struct StatusText {
    number: u32,
    name: OwnedText,
    message_zh: OwnedText,
    message_en: OwnedText,
}

/// Returns the table behind `mbasu_status_name` and `mbasu_status_message`, built on first use.
fn status_texts() -> &'static [StatusText] {
    static TEXTS: OnceLock<Vec<StatusText>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let ok = StatusText {
            number: 0,
            name: OwnedText::from_static("ok"),
            message_zh: OwnedText::from_static("成功"),
            message_en: OwnedText::from_static("success"),
        };
        let codes = ErrorCode::ALL.iter().map(|code| StatusText {
            number: code.code(),
            name: OwnedText::from_static(code.name()),
            message_zh: OwnedText::from_static(code.description_zh()),
            message_en: OwnedText::from_static(code.description_en()),
        });
        std::iter::once(ok).chain(codes).collect()
    })
}

fn status_text(status: u32) -> Result<&'static StatusText, ErrorCode> {
    let texts = status_texts();
    texts
        .binary_search_by_key(&status, |text| text.number)
        .map(|index| &texts[index])
        .map_err(|_| ErrorCode::InvalidArgument)
}

/// Looks up the stable snake_case name of a status (`"ok"`, `"check_digit"`, …).
///
/// Names repeat across fields (`"format"` is used by mobile, certNo and name), so a name is
/// unique only together with `mbasu_status_field`. On success `*name_out` points to static,
/// NUL-terminated UTF-8 that is never freed, and `*len_out` is its length without the NUL.
///
/// Errors: `MBASU_STATUS_NULL_POINTER` if an out-pointer is NULL, `MBASU_STATUS_INVALID_ARGUMENT`
/// if `status` is not a known code. Thread safety: callable from any thread.
///
/// # Safety
///
/// `name_out` and `len_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_status_name(
    status: u32,
    name_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        let text = status_text(status)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { text.name.write_parts(name_out, len_out) }
    })
}

/// Looks up the generic message of a status in `lang` (`MBASU_LANG_ZH` or `MBASU_LANG_EN`).
///
/// This is the code's fixed description; an `mbasu_error` carries the specific message of one
/// failure. On success `*message_out` points to static, NUL-terminated UTF-8 that is never
/// freed, and `*len_out` is its length without the NUL.
///
/// Errors: `MBASU_STATUS_NULL_POINTER` if an out-pointer is NULL, `MBASU_STATUS_INVALID_ARGUMENT`
/// if `status` or `lang` is unknown. Thread safety: callable from any thread.
///
/// # Safety
///
/// `message_out` and `len_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_status_message(
    status: u32,
    lang: u32,
    message_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        let text = status_text(status)?;
        let message = match lang_arg(lang)? {
            Lang::Zh => &text.message_zh,
            Lang::En => &text.message_en,
        };
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { message.write_parts(message_out, len_out) }
    })
}

/// Returns the input field a status is about, as an `mbasu_field` number:
/// `MBASU_FIELD_OTHER` for codes that belong to no field, and for unknown numbers.
///
/// Thread safety: callable from any thread.
#[no_mangle]
pub extern "C" fn mbasu_status_field(status: u32) -> u32 {
    panic::value(0, || {
        ErrorCode::from_code(status)
            .map(|code| crate::enums::field_number(code.field()))
            .unwrap_or(0)
    })
}

/// Returns 1 if `status`, reported as a validation problem, is a warning (the value is still
/// accepted) and 0 otherwise.
///
/// Thread safety: callable from any thread.
#[no_mangle]
pub extern "C" fn mbasu_status_is_warning(status: u32) -> u32 {
    panic::value(0, || {
        ErrorCode::from_code(status)
            .is_some_and(ErrorCode::is_warning)
            .into()
    })
}

/// The detail of one failed call: its status and its specific messages in Chinese and English.
///
/// Functions that do work take a last argument `mbasu_error **error_out`; pass NULL to skip
/// the detail. Free with `mbasu_error_free`. Messages never contain a key, and personal
/// values in them are masked (`138****8000`).
pub struct mbasu_error {
    status: mbasu_status,
    message_zh: OwnedText,
    message_en: OwnedText,
    /// The provider's `responseCode` and `responseMsg`, for `MBASU_STATUS_PROVIDER_ERROR`.
    provider: Option<(OwnedText, OwnedText)>,
}

impl mbasu_error {
    pub(crate) fn new(error: &Error) -> mbasu_error {
        let status = mbasu_status::from_code(error.code());
        let text = |message: &str| {
            OwnedText::copy(message)
                .unwrap_or_else(|_| OwnedText::from_static(error.code().description_en()))
        };
        let provider = error
            .provider_failure()
            .map(|failure| (text(&failure.response_code), text(&failure.response_msg)));
        mbasu_error {
            status,
            message_zh: text(error.message_zh()),
            message_en: text(error.message_en()),
            provider,
        }
    }
}

/// Writes `error` (or NULL on success) to `error_out` when the caller asked for it.
///
/// # Safety
///
/// `error_out` must be NULL or valid for one write of a pointer.
pub(crate) unsafe fn store_error(error_out: *mut *mut mbasu_error, error: Option<Error>) {
    if error_out.is_null() {
        return;
    }
    let handle = match error {
        Some(error) => Box::into_raw(Box::new(mbasu_error::new(&error))),
        None => std::ptr::null_mut(),
    };
    // SAFETY: `error_out` is not NULL (checked above), and the caller guarantees it is valid
    // for one write.
    unsafe { write_out(error_out, handle) };
}

/// Returns the status of `error`; `MBASU_STATUS_NULL_POINTER` when `error` is NULL.
///
/// Thread safety: any number of threads may read one error at once.
///
/// # Safety
///
/// `error` must be NULL or a live `mbasu_error`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_error_status(error: *const mbasu_error) -> mbasu_status {
    panic::value(mbasu_status::Panic, || {
        // SAFETY: the caller guarantees `error` is NULL or a live `mbasu_error`.
        match unsafe { handle_ref(error, "error") } {
            Ok(error) => error.status,
            Err(_) => mbasu_status::NullPointer,
        }
    })
}

/// Borrows the specific message of `error` in `lang` (`MBASU_LANG_ZH` or `MBASU_LANG_EN`),
/// for example "3DES key has the wrong length: expected 24 bytes, got 16".
///
/// On success `*message_out` points to NUL-terminated UTF-8 owned by `error`, valid until
/// `mbasu_error_free(error)`, and `*len_out` is its length without the NUL.
///
/// Errors: `MBASU_STATUS_NULL_POINTER` if a pointer is NULL, `MBASU_STATUS_INVALID_ARGUMENT` if
/// `lang` is unknown. Thread safety: any number of threads may read one error at once.
///
/// # Safety
///
/// `error` must be NULL or a live `mbasu_error`; `message_out` and `len_out` must each be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_error_message(
    error: *const mbasu_error,
    lang: u32,
    message_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `error` is NULL or a live `mbasu_error`.
        let error = unsafe { handle_ref(error, "error") }.map_err(|e| e.code())?;
        let message = match lang_arg(lang)? {
            Lang::Zh => &error.message_zh,
            Lang::En => &error.message_en,
        };
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { message.write_parts(message_out, len_out) }
    })
}

/// Borrows the `responseCode` and `responseMsg` a provider returned, for an error whose status
/// is `MBASU_STATUS_PROVIDER_ERROR` because the response's head reported a failure.
///
/// On success the four out-parameters receive NUL-terminated UTF-8 owned by `error`, valid
/// until `mbasu_error_free(error)`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_ARGUMENT` when the error carries no provider failure (any other
/// status, or an HTTP transport failure). Thread safety: any number of threads may read one
/// error at once.
///
/// # Safety
///
/// `error` must be NULL or a live `mbasu_error`; each out-pointer must be NULL or valid for one
/// write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_error_provider_failure(
    error: *const mbasu_error,
    response_code_out: *mut *const u8,
    response_code_len_out: *mut u32,
    response_msg_out: *mut *const u8,
    response_msg_len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `error` is NULL or a live `mbasu_error`.
        let error = unsafe { handle_ref(error, "error") }.map_err(|e| e.code())?;
        if response_msg_out.is_null() || response_msg_len_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let (code, message) = error.provider.as_ref().ok_or(ErrorCode::InvalidArgument)?;
        // SAFETY: the caller guarantees all four out-pointers are NULL or writable; the message
        // pointers were checked, and `write_parts` checks the code pointers before writing.
        unsafe {
            code.write_parts(response_code_out, response_code_len_out)?;
            message.write_parts(response_msg_out, response_msg_len_out)
        }
    })
}

/// Frees an error; NULL does nothing.
///
/// # Safety
///
/// `error` must be NULL or a live `mbasu_error` from this library, freed only once and not
/// used afterwards, and no other thread may be using it.
#[no_mangle]
pub unsafe extern "C" fn mbasu_error_free(error: *mut mbasu_error) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(error) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_enum_matches_core() {
        assert_eq!(STATUSES[0], mbasu_status::Ok);
        assert_eq!(
            STATUSES.len(),
            ErrorCode::ALL.len() + 1,
            "one status per core code, plus Ok"
        );
        for (status, code) in STATUSES[1..].iter().zip(ErrorCode::ALL) {
            assert_eq!(*status as u32, code.code(), "{status:?} vs {code:?}");
            assert_eq!(format!("{status:?}"), format!("{code:?}"));
            assert_eq!(mbasu_status::from_code(*code), *status);
        }
    }

    #[test]
    fn status_texts_cover_every_code() {
        for code in ErrorCode::ALL {
            let text = status_text(code.code()).unwrap();
            assert_eq!(text.name.parts().1 as usize, code.name().len());
        }
        assert!(status_text(0).is_ok());
        assert_eq!(status_text(10).err(), Some(ErrorCode::InvalidArgument));
    }
}
