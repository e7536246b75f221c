//! Conversions of C arguments: pointers, lengths, UTF-8 text, enum numbers and out-parameters.
//!
//! Every helper that reads a raw pointer is `unsafe` and states what the caller must
//! guarantee. The exported functions pass those guarantees on to C in the header.

use mbasu::text::text_from_utf8;
use mbasu::{Error, ErrorCode, Lang};

/// Creates the error for a NULL pointer, naming the argument.
pub(crate) fn null_pointer(argument: &str) -> Error {
    Error::with_detail(
        ErrorCode::NullPointer,
        &format!("参数 {argument} 为 NULL"),
        &format!("argument {argument} is NULL"),
    )
}

/// Creates the error for an argument outside its allowed values.
pub(crate) fn invalid_argument(argument: &str, value: u32, expected: &str) -> Error {
    Error::with_detail(
        ErrorCode::InvalidArgument,
        &format!("参数 {argument} 的值 {value} 无效，应为 {expected}"),
        &format!("argument {argument} is {value}, expected {expected}"),
    )
}

/// Checks that an out-parameter is not NULL, before any work is done.
pub(crate) fn require_out<T>(out: *mut T, argument: &str) -> Result<(), Error> {
    if out.is_null() {
        return Err(null_pointer(argument));
    }
    Ok(())
}

/// Writes an out-parameter.
///
/// # Safety
///
/// `out` must be NULL or valid for a write of `T`, as every out-parameter in the header is.
pub(crate) unsafe fn write_out<T>(out: *mut T, value: T) {
    if !out.is_null() {
        // SAFETY: `out` is not NULL, and the caller guarantees it is valid for writes.
        unsafe { out.write(value) };
    }
}

/// Borrows a buffer of `len` bytes; NULL is an error even when `len` is 0.
///
/// # Safety
///
/// When `data` is not NULL it must point to `len` readable bytes that stay unchanged for `'a`.
pub(crate) unsafe fn bytes_arg<'a>(
    data: *const u8,
    len: u32,
    argument: &str,
) -> Result<&'a [u8], Error> {
    if data.is_null() {
        return Err(null_pointer(argument));
    }
    // SAFETY: `data` is not NULL and the caller guarantees `len` readable bytes at it for 'a.
    Ok(unsafe { std::slice::from_raw_parts(data, len as usize) })
}

/// Borrows `len` bytes of UTF-8 text; invalid UTF-8 is `MBASU_STATUS_INVALID_UTF8`.
///
/// # Safety
///
/// As for [`bytes_arg`].
pub(crate) unsafe fn text_arg<'a>(
    data: *const u8,
    len: u32,
    argument: &str,
) -> Result<&'a str, Error> {
    // SAFETY: the caller's guarantee is passed on unchanged.
    let bytes = unsafe { bytes_arg(data, len, argument) }?;
    text_from_utf8(bytes)
}

/// Borrows optional UTF-8 text: NULL with length 0 is `None`, NULL with any other length is
/// an error.
///
/// # Safety
///
/// As for [`bytes_arg`].
pub(crate) unsafe fn optional_text_arg<'a>(
    data: *const u8,
    len: u32,
    argument: &str,
) -> Result<Option<&'a str>, Error> {
    if data.is_null() && len == 0 {
        return Ok(None);
    }
    // SAFETY: the caller's guarantee is passed on unchanged.
    unsafe { text_arg(data, len, argument) }.map(Some)
}

/// Borrows a handle the caller owns.
///
/// # Safety
///
/// `handle` must be NULL or a live handle of type `T` returned by this library, not freed
/// and not being mutated for `'a`.
pub(crate) unsafe fn handle_ref<'a, T>(handle: *const T, argument: &str) -> Result<&'a T, Error> {
    // SAFETY: the caller guarantees `handle` is NULL or a live, unaliased-for-writes `T`.
    unsafe { handle.as_ref() }.ok_or_else(|| null_pointer(argument))
}

/// Borrows a handle mutably.
///
/// # Safety
///
/// `handle` must be NULL or a live handle of type `T` returned by this library that no other
/// thread uses for `'a`.
pub(crate) unsafe fn handle_mut<'a, T>(handle: *mut T, argument: &str) -> Result<&'a mut T, Error> {
    // SAFETY: the caller guarantees `handle` is NULL or a live `T` used by no one else.
    unsafe { handle.as_mut() }.ok_or_else(|| null_pointer(argument))
}

/// Frees a handle allocated with `Box::into_raw`; NULL does nothing.
///
/// # Safety
///
/// `handle` must be NULL or a live handle of type `T` returned by this library, freed only
/// once and not used afterwards.
pub(crate) unsafe fn free_handle<T>(handle: *mut T) {
    if !handle.is_null() {
        // SAFETY: the caller guarantees the pointer came from `Box::into_raw` and is freed once.
        drop(unsafe { Box::from_raw(handle) });
    }
}

/// Converts a language number (`mbasu_lang`) into the core's [`Lang`].
pub(crate) fn lang_arg(lang: u32) -> Result<Lang, ErrorCode> {
    match lang {
        0 => Ok(Lang::Zh),
        1 => Ok(Lang::En),
        _ => Err(ErrorCode::InvalidArgument),
    }
}

/// Converts a length to the `uint32_t` the ABI uses; longer output is `MBASU_STATUS_INPUT_TOO_LARGE`.
pub(crate) fn length_u32(len: usize) -> Result<u32, Error> {
    u32::try_from(len).map_err(|_| {
        Error::with_detail(
            ErrorCode::InputTooLarge,
            "输出超过 4 GiB",
            "the output exceeds 4 GiB, the largest length a uint32_t can state",
        )
    })
}
