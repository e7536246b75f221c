//! Text arriving as UTF-16, as Java and JavaScript strings are.

use mbasu::text::text_from_utf16;

use crate::error::{mbasu_error, mbasu_status};
use crate::ffi::{null_pointer, require_out, write_out};
use crate::panic;
use crate::string::mbasu_string;

/// Converts `units_len` UTF-16 code units to UTF-8, rejecting an unpaired surrogate.
///
/// Java callers should pass a string's `char` values through this function rather than
/// `String.getBytes(UTF_8)`, which silently turns an unpaired surrogate into `?` and so
/// produces a digest nobody can match. On success `*utf8_out` receives a new string, owned by
/// the caller and freed with `mbasu_string_free`.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_LONE_SURROGATE`.
///
/// # Safety
///
/// `units` must be NULL or readable for `units_len` 16-bit units, aligned to 2 bytes;
/// `utf8_out` and `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_utf16_to_utf8(
    units: *const u16,
    units_len: u32,
    utf8_out: *mut *mut mbasu_string,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        if units.is_null() {
            return Err(null_pointer("units"));
        }
        require_out(utf8_out, "utf8_out")?;
        // SAFETY: `units` is not NULL, and the caller guarantees `units_len` aligned, readable
        // code units there.
        let units = unsafe { std::slice::from_raw_parts(units, units_len as usize) };
        let text = mbasu_string::boxed(text_from_utf16(units)?)?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(utf8_out, text) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}
