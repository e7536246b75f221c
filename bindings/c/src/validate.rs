//! Validation: `mbasu_validate_applicant` and the `mbasu_validation` result it returns.

use mbasu::{validate_applicant, Applicant, Error, ErrorCode, Field, Report};

use crate::config::mbasu_config;
use crate::enums::{change_kind_number, field_arg, field_number, mode_arg, severity_number};
use crate::error::{mbasu_error, mbasu_status};
use crate::ffi::{free_handle, handle_ref, lang_arg, optional_text_arg, require_out, write_out};
use crate::panic;
use crate::string::OwnedText;

/// The outcome of validating an applicant: every problem of every field, the corrections
/// normalising mode made, and the canonical value of each field without errors.
///
/// Problems and changes are numbered from 0 in field order (mobile, certNo, name). Text
/// borrowed from it stays valid until `mbasu_validation_free`. Any number of threads may read
/// one result at once.
pub struct mbasu_validation {
    valid: bool,
    problems: Vec<ProblemEntry>,
    changes: Vec<ChangeEntry>,
    fields: Vec<FieldEntry>,
}

struct ProblemEntry {
    field: u32,
    severity: u32,
    code: ErrorCode,
    name: OwnedText,
    message_zh: OwnedText,
    message_en: OwnedText,
}

struct ChangeEntry {
    field: u32,
    kind: u32,
    name: OwnedText,
    message_zh: OwnedText,
    message_en: OwnedText,
}

struct FieldEntry {
    field: Field,
    /// The canonical value, or the code of the field's first error.
    value: Result<OwnedText, ErrorCode>,
}

impl mbasu_validation {
    fn from_report(report: Report) -> Result<mbasu_validation, Error> {
        let valid = report.is_valid();
        let mut problems = Vec::new();
        let mut changes = Vec::new();
        let mut fields = Vec::with_capacity(report.fields.len());

        for field_report in report.fields {
            let first_error = field_report.first_error().map(|p| p.code);
            for problem in field_report.problems {
                problems.push(ProblemEntry {
                    field: field_number(problem.field),
                    severity: severity_number(problem.severity),
                    code: problem.code,
                    name: OwnedText::from_static(problem.code.name()),
                    message_zh: OwnedText::new(problem.message_zh)?,
                    message_en: OwnedText::new(problem.message_en)?,
                });
            }
            for change in field_report.changes {
                changes.push(ChangeEntry {
                    field: field_number(change.field),
                    kind: change_kind_number(change.kind),
                    name: OwnedText::from_static(change.kind.name()),
                    message_zh: OwnedText::new(change.message_zh)?,
                    message_en: OwnedText::new(change.message_en)?,
                });
            }
            let value = match (field_report.value, first_error) {
                (Some(value), _) => Ok(OwnedText::new(value)?),
                (None, code) => Err(code.unwrap_or(ErrorCode::InvalidArgument)),
            };
            fields.push(FieldEntry {
                field: field_report.field,
                value,
            });
        }

        Ok(mbasu_validation {
            valid,
            problems,
            changes,
            fields,
        })
    }
}

/// Validates the fields of one applicant, reporting every problem at once.
///
/// `mode` is `MBASU_MODE_STRICT` or `MBASU_MODE_NORMALIZE`. Each field is `*_len` bytes of
/// UTF-8; a NULL pointer with length 0 means the field was not given and is skipped, while a
/// non-NULL pointer with length 0 is an empty field (a `missing` problem). Birth dates are
/// checked against today from the configuration's clock. Problems in the input are not
/// errors of the call: the call succeeds and the result lists them.
///
/// On success `*validation_out` receives a new result, owned by the caller and freed with
/// `mbasu_validation_free`. Errors: `MBASU_STATUS_NULL_POINTER` (config, validation_out, or a
/// NULL field with a non-zero length), `MBASU_STATUS_INVALID_UTF8`,
/// `MBASU_STATUS_INVALID_ARGUMENT` (unknown mode). Thread safety: callable from any number of
/// threads with one shared configuration.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; each field pointer must be NULL or readable
/// for its length; `validation_out` and `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validate_applicant(
    config: *const mbasu_config,
    mode: u32,
    mobile: *const u8,
    mobile_len: u32,
    cert_no: *const u8,
    cert_no_len: u32,
    name: *const u8,
    name_len: u32,
    validation_out: *mut *mut mbasu_validation,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        require_out(validation_out, "validation_out")?;
        let options = config.options(mode_arg(mode)?);
        // SAFETY: the caller guarantees each field is NULL or readable for its length.
        let applicant = unsafe {
            Applicant {
                mobile: optional_text_arg(mobile, mobile_len, "mobile")?,
                cert_no: optional_text_arg(cert_no, cert_no_len, "cert_no")?,
                name: optional_text_arg(name, name_len, "name")?,
            }
        };

        let report = validate_applicant(&applicant, &options);
        let validation = Box::into_raw(Box::new(mbasu_validation::from_report(report)?));
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(validation_out, validation) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Borrows a validation result for the accessors below, mapping NULL to its status.
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`.
unsafe fn validation_ref<'a>(
    validation: *const mbasu_validation,
) -> Result<&'a mbasu_validation, ErrorCode> {
    // SAFETY: passed on from the caller.
    unsafe { handle_ref(validation, "validation") }.map_err(|e| e.code())
}

/// Returns 1 when no problem of `validation` is an error (warnings do not block a value), and
/// 0 otherwise or when `validation` is NULL.
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_is_valid(validation: *const mbasu_validation) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        unsafe { validation_ref(validation) }
            .is_ok_and(|v| v.valid)
            .into()
    })
}

/// Returns the number of problems, errors and warnings together; 0 when `validation` is NULL.
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_problem_count(
    validation: *const mbasu_validation,
) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        unsafe { validation_ref(validation) }.map_or(0, |v| v.problems.len() as u32)
    })
}

/// Reads problem `index`: its field (`mbasu_field`), severity (`mbasu_severity`) and code (an
/// `mbasu_status` number such as `MBASU_STATUS_CERT_NO_CHECK_DIGIT`).
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` if `index` is not less
/// than `mbasu_validation_problem_count`. Nothing is written on error.
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`; each out-pointer must be NULL or
/// valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_problem(
    validation: *const mbasu_validation,
    index: u32,
    field_out: *mut u32,
    severity_out: *mut u32,
    code_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        let validation = unsafe { validation_ref(validation) }?;
        if field_out.is_null() || severity_out.is_null() || code_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let problem = validation
            .problems
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        // SAFETY: all three out-pointers were checked non-NULL; the caller guarantees they are
        // writable.
        unsafe {
            write_out(field_out, problem.field);
            write_out(severity_out, problem.severity);
            write_out(code_out, problem.code.code());
        }
        Ok(())
    })
}

/// Borrows the stable snake_case name of problem `index` (`"check_digit"`, `"format"`, …),
/// unique together with the problem's field.
///
/// On success `*name_out` points to NUL-terminated UTF-8 owned by `validation` and `*len_out`
/// is its length without the NUL. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_ARGUMENT` (index out of range).
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`; `name_out` and `len_out` must each
/// be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_problem_name(
    validation: *const mbasu_validation,
    index: u32,
    name_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        let validation = unsafe { validation_ref(validation) }?;
        let problem = validation
            .problems
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { problem.name.write_parts(name_out, len_out) }
    })
}

/// Borrows the message of problem `index` in `lang`, fit to show the person filling in the
/// form; personal values in it are masked.
///
/// On success `*message_out` points to NUL-terminated UTF-8 owned by `validation` and
/// `*len_out` is its length without the NUL. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_ARGUMENT` (index out of range or unknown `lang`).
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`; `message_out` and `len_out` must
/// each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_problem_message(
    validation: *const mbasu_validation,
    index: u32,
    lang: u32,
    message_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        let validation = unsafe { validation_ref(validation) }?;
        let problem = validation
            .problems
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        let message = match lang_arg(lang)? {
            mbasu::Lang::Zh => &problem.message_zh,
            mbasu::Lang::En => &problem.message_en,
        };
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { message.write_parts(message_out, len_out) }
    })
}

/// Returns the number of corrections normalising mode made; always 0 in strict mode and when
/// `validation` is NULL.
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_change_count(validation: *const mbasu_validation) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        unsafe { validation_ref(validation) }.map_or(0, |v| v.changes.len() as u32)
    })
}

/// Reads change `index`: its field (`mbasu_field`) and kind (`mbasu_change_kind`).
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (index out of range).
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`; each out-pointer must be NULL or
/// valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_change(
    validation: *const mbasu_validation,
    index: u32,
    field_out: *mut u32,
    kind_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        let validation = unsafe { validation_ref(validation) }?;
        if field_out.is_null() || kind_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let change = validation
            .changes
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        // SAFETY: both out-pointers were checked non-NULL; the caller guarantees they are
        // writable.
        unsafe {
            write_out(field_out, change.field);
            write_out(kind_out, change.kind);
        }
        Ok(())
    })
}

/// Borrows the stable snake_case name of change `index` (`"trimmed"`, `"dot_replaced"`, …).
///
/// On success `*name_out` points to NUL-terminated UTF-8 owned by `validation`.
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (index out of range).
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`; `name_out` and `len_out` must each
/// be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_change_name(
    validation: *const mbasu_validation,
    index: u32,
    name_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        let validation = unsafe { validation_ref(validation) }?;
        let change = validation
            .changes
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { change.name.write_parts(name_out, len_out) }
    })
}

/// Borrows the message describing change `index` in `lang`.
///
/// On success `*message_out` points to NUL-terminated UTF-8 owned by `validation`.
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (index out of range or
/// unknown `lang`).
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`; `message_out` and `len_out` must
/// each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_change_message(
    validation: *const mbasu_validation,
    index: u32,
    lang: u32,
    message_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        let validation = unsafe { validation_ref(validation) }?;
        let change = validation
            .changes
            .get(index as usize)
            .ok_or(ErrorCode::InvalidArgument)?;
        let message = match lang_arg(lang)? {
            mbasu::Lang::Zh => &change.message_zh,
            mbasu::Lang::En => &change.message_en,
        };
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { message.write_parts(message_out, len_out) }
    })
}

/// Borrows the canonical value of `field` (`MBASU_FIELD_MOBILE`, `_CERT_NO` or `_NAME`): the
/// input itself in strict mode, the corrected value in normalising mode. This is the value to
/// encrypt and send.
///
/// On success `*value_out` points to NUL-terminated UTF-8 owned by `validation` and
/// `*len_out` is its length without the NUL. When the field has an error, returns that
/// error's code (the first one, such as `MBASU_STATUS_MOBILE_FORMAT`) and writes nothing.
/// Other errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (a field that was
/// not validated).
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation`; `value_out` and `len_out` must each
/// be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_value(
    validation: *const mbasu_validation,
    field: u32,
    value_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `validation` is NULL or live.
        let validation = unsafe { validation_ref(validation) }?;
        let field = field_arg(field).map_err(|e| e.code())?;
        let entry = validation
            .fields
            .iter()
            .find(|entry| entry.field == field)
            .ok_or(ErrorCode::InvalidArgument)?;
        let value = entry.value.as_ref().map_err(|code| *code)?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe { value.write_parts(value_out, len_out) }
    })
}

/// Frees a validation result and the text borrowed from it; NULL does nothing.
///
/// # Safety
///
/// `validation` must be NULL or a live `mbasu_validation` from this library, freed only once,
/// not used afterwards and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn mbasu_validation_free(validation: *mut mbasu_validation) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(validation) }
    })
}
