//! Facts derived from an ID number, the 15→18 upgrade, and mobile segments.

use mbasu::cert_no::{info, upgrade_15_to_18, CertNoInfo};
use mbasu::mobile::segment_of;
use mbasu::{Date, Error, ErrorCode};

use crate::config::mbasu_config;
use crate::enums::{gender_number, operator_number, segment_kind_number};
use crate::error::{mbasu_error, mbasu_status};
use crate::ffi::{free_handle, handle_ref, lang_arg, require_out, text_arg, write_out};
use crate::panic;
use crate::string::{mbasu_string, OwnedText};

/// Facts derived from a valid resident identity card number: birth date, gender, province,
/// and age on the configuration's today. Any number of threads may read it at once.
pub struct mbasu_cert_no_info {
    info: CertNoInfo,
    age: i32,
    province_code: OwnedText,
    province_zh: OwnedText,
    province_en: OwnedText,
}

/// Derives birth date, gender and province from an ID number, validated strictly first.
///
/// On success `*info_out` receives a new handle, owned by the caller and freed with
/// `mbasu_cert_no_info_free`. Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_UTF8`,
/// and the code of the number's first problem (such as `MBASU_STATUS_CERT_NO_CHECK_DIGIT`).
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `cert_no` must be NULL or readable for
/// `cert_no_len` bytes; `info_out` and `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_cert_no_info_new(
    config: *const mbasu_config,
    cert_no: *const u8,
    cert_no_len: u32,
    info_out: *mut *mut mbasu_cert_no_info,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees `cert_no_len` readable bytes when not NULL.
        let cert_no = unsafe { text_arg(cert_no, cert_no_len, "cert_no") }?;
        require_out(info_out, "info_out")?;

        let options = config.options(mbasu::Mode::Strict);
        let info = info(cert_no, &options)?;
        let today = options.today.unwrap_or(info.birth_date);
        let handle = mbasu_cert_no_info {
            age: info.age_on(today),
            province_code: OwnedText::copy(&info.province_code)?,
            province_zh: OwnedText::from_static(info.province_zh),
            province_en: OwnedText::from_static(info.province_en),
            info,
        };
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(info_out, Box::into_raw(Box::new(handle))) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Reads the birth date: year, month (1–12) and day (1–31).
///
/// Errors: `MBASU_STATUS_NULL_POINTER`; nothing is written on error.
///
/// # Safety
///
/// `info` must be NULL or a live `mbasu_cert_no_info`; each out-pointer must be NULL or valid
/// for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_cert_no_info_birth_date(
    info: *const mbasu_cert_no_info,
    year_out: *mut i32,
    month_out: *mut u32,
    day_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `info` is NULL or live.
        let info = unsafe { handle_ref(info, "info") }.map_err(|e| e.code())?;
        if year_out.is_null() || month_out.is_null() || day_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let date = info.info.birth_date;
        // SAFETY: all three were checked non-NULL; the caller guarantees they are writable.
        unsafe {
            write_out(year_out, date.year());
            write_out(month_out, u32::from(date.month()));
            write_out(day_out, u32::from(date.day()));
        }
        Ok(())
    })
}

/// Returns the gender (`mbasu_gender`); `MBASU_GENDER_MALE` when `info` is NULL, so check the
/// handle first.
///
/// # Safety
///
/// `info` must be NULL or a live `mbasu_cert_no_info`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_cert_no_info_gender(info: *const mbasu_cert_no_info) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `info` is NULL or live.
        unsafe { handle_ref(info, "info") }.map_or(0, |info| gender_number(info.info.gender))
    })
}

/// Returns 1 when the region code is outside the mainland (71, 81, 82, 83: Taiwan, Hong Kong,
/// Macao), and 0 otherwise or when `info` is NULL.
///
/// # Safety
///
/// `info` must be NULL or a live `mbasu_cert_no_info`.
#[no_mangle]
pub unsafe extern "C" fn mbasu_cert_no_info_outside_mainland(
    info: *const mbasu_cert_no_info,
) -> u32 {
    panic::value(0, || {
        // SAFETY: the caller guarantees `info` is NULL or live.
        unsafe { handle_ref(info, "info") }
            .is_ok_and(|info| info.info.outside_mainland)
            .into()
    })
}

/// Reads the age in whole years on the configuration's today when the handle was created;
/// someone born on 29 February turns a year older on 1 March in common years.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`.
///
/// # Safety
///
/// `info` must be NULL or a live `mbasu_cert_no_info`; `age_out` must be NULL or valid for one
/// write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_cert_no_info_age(
    info: *const mbasu_cert_no_info,
    age_out: *mut i32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `info` is NULL or live.
        let info = unsafe { handle_ref(info, "info") }.map_err(|e| e.code())?;
        if age_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { write_out(age_out, info.age) };
        Ok(())
    })
}

/// Reads the age in whole years on the date `year`-`month`-`day`.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_DATE` (a day that does not
/// exist in the Gregorian calendar, or a year outside 1–9999).
///
/// # Safety
///
/// `info` must be NULL or a live `mbasu_cert_no_info`; `age_out` must be NULL or valid for one
/// write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_cert_no_info_age_on(
    info: *const mbasu_cert_no_info,
    year: i32,
    month: u32,
    day: u32,
    age_out: *mut i32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `info` is NULL or live.
        let info = unsafe { handle_ref(info, "info") }.map_err(|e| e.code())?;
        if age_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let month = u8::try_from(month).map_err(|_| ErrorCode::InvalidDate)?;
        let day = u8::try_from(day).map_err(|_| ErrorCode::InvalidDate)?;
        let date = Date::new(year, month, day).ok_or(ErrorCode::InvalidDate)?;
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { write_out(age_out, info.info.age_on(date)) };
        Ok(())
    })
}

/// Borrows the province: its two-digit code and its name in `lang`.
///
/// Writes the two-digit code to `*code_out`/`*code_len_out` and the province's name in `lang`
/// to `*name_out`/`*name_len_out`, all NUL-terminated UTF-8 owned by `info`.
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (unknown `lang`).
///
/// # Safety
///
/// `info` must be NULL or a live `mbasu_cert_no_info`; each out-pointer must be NULL or valid
/// for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_cert_no_info_province(
    info: *const mbasu_cert_no_info,
    lang: u32,
    code_out: *mut *const u8,
    code_len_out: *mut u32,
    name_out: *mut *const u8,
    name_len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `info` is NULL or live.
        let info = unsafe { handle_ref(info, "info") }.map_err(|e| e.code())?;
        let name = match lang_arg(lang)? {
            mbasu::Lang::Zh => &info.province_zh,
            mbasu::Lang::En => &info.province_en,
        };
        if name_out.is_null() || name_len_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        // SAFETY: the caller guarantees all four out-pointers are NULL or writable; the name
        // pointers were checked, and `write_parts` checks the code pointers before writing.
        unsafe {
            info.province_code.write_parts(code_out, code_len_out)?;
            name.write_parts(name_out, name_len_out)
        }
    })
}

/// Frees an ID number info handle; NULL does nothing.
///
/// # Safety
///
/// `info` must be NULL or a live `mbasu_cert_no_info` from this library, freed only once, not
/// used afterwards and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn mbasu_cert_no_info_free(info: *mut mbasu_cert_no_info) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(info) }
    })
}

/// Upgrades a 15-digit first-generation ID number to 18 characters (the century `19` before
/// the two-digit year, and the check character appended). The result is validated as usual,
/// against the configuration's today.
///
/// On success `*upgraded_out` receives a new string, owned by the caller and freed with
/// `mbasu_string_free`. Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_UTF8`,
/// `MBASU_STATUS_CERT_NO_LENGTH` (not 15 digits), and the code of the upgraded number's first
/// problem.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `cert_no` must be NULL or readable for
/// `cert_no_len` bytes; `upgraded_out` and `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_cert_no_upgrade(
    config: *const mbasu_config,
    cert_no: *const u8,
    cert_no_len: u32,
    upgraded_out: *mut *mut mbasu_string,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees `cert_no_len` readable bytes when not NULL.
        let cert_no = unsafe { text_arg(cert_no, cert_no_len, "cert_no") }?;
        require_out(upgraded_out, "upgraded_out")?;
        let upgraded = upgrade_15_to_18(cert_no, &config.options(mbasu::Mode::Strict))?;
        let upgraded = mbasu_string::boxed(upgraded)?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(upgraded_out, upgraded) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Looks up the allocation of a canonical 11-digit mobile number's segment, from the core's
/// table of allocated segments.
///
/// On success writes the segment kind (`mbasu_segment_kind`) and operator (`mbasu_operator`).
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_UTF8`,
/// `MBASU_STATUS_MOBILE_UNKNOWN_SEGMENT` when the prefix is not in the table (a warning during
/// validation, since new segments keep being allocated).
///
/// # Safety
///
/// `mobile` must be NULL or readable for `mobile_len` bytes; each out-pointer must be NULL or
/// valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_mobile_segment(
    mobile: *const u8,
    mobile_len: u32,
    kind_out: *mut u32,
    operator_out: *mut u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `mobile_len` readable bytes when not NULL.
        let mobile = unsafe { text_arg(mobile, mobile_len, "mobile") }?;
        require_out(kind_out, "kind_out")?;
        require_out(operator_out, "operator_out")?;
        let segment =
            segment_of(mobile).ok_or_else(|| Error::from_code(ErrorCode::MobileUnknownSegment))?;
        // SAFETY: both checked non-NULL above; the caller guarantees they are writable.
        unsafe {
            write_out(kind_out, segment_kind_number(segment.kind));
            write_out(operator_out, operator_number(segment.operator));
        }
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}
