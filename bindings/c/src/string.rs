//! Library-owned UTF-8 text: the `mbasu_string` handle and the text kept inside other handles.

use std::sync::OnceLock;

use mbasu::{Error, ErrorCode};
use zeroize::Zeroize;

use crate::error::mbasu_status;
use crate::ffi::{free_handle, handle_ref, length_u32, write_out};
use crate::panic;

/// UTF-8 text followed by one NUL byte that its length does not count, so C can use the
/// pointer either with the length or as a C string.
pub(crate) struct OwnedText {
    /// The text and its terminating NUL.
    bytes: String,
    len: u32,
}

impl OwnedText {
    /// Takes `text`, appending the NUL in place (no copy unless the buffer must grow).
    pub(crate) fn new(mut text: String) -> Result<OwnedText, Error> {
        let len = match length_u32(text.len()) {
            Ok(len) if len < u32::MAX => len,
            _ => {
                text.zeroize();
                return Err(Error::from_code(ErrorCode::InputTooLarge));
            }
        };
        text.push('\0');
        Ok(OwnedText { bytes: text, len })
    }

    /// Copies `text` into a buffer with room for the NUL, so nothing is reallocated.
    pub(crate) fn copy(text: &str) -> Result<OwnedText, Error> {
        let mut bytes = String::with_capacity(text.len() + 1);
        bytes.push_str(text);
        OwnedText::new(bytes)
    }

    /// Overwrites the bytes with zeros, for text that may be a decrypted field.
    pub(crate) fn wipe(&mut self) {
        self.bytes.zeroize();
    }

    /// Copies static text, which is never too long.
    pub(crate) fn from_static(text: &'static str) -> OwnedText {
        let mut bytes = String::with_capacity(text.len() + 1);
        bytes.push_str(text);
        bytes.push('\0');
        OwnedText {
            len: (bytes.len() - 1) as u32,
            bytes,
        }
    }

    /// Returns the text without its NUL.
    pub(crate) fn as_str(&self) -> &str {
        &self.bytes[..self.len as usize]
    }

    /// Returns the pointer to the first byte (NUL-terminated) and the length without the NUL.
    pub(crate) fn parts(&self) -> (*const u8, u32) {
        (self.bytes.as_ptr(), self.len)
    }

    /// Writes the pointer and length to two out-parameters, after checking both.
    ///
    /// # Safety
    ///
    /// `data_out` and `len_out` must each be NULL or valid for one write.
    pub(crate) unsafe fn write_parts(
        &self,
        data_out: *mut *const u8,
        len_out: *mut u32,
    ) -> Result<(), ErrorCode> {
        let (data, len) = self.parts();
        // SAFETY: passed on from the caller.
        unsafe { write_text_parts(data, len, data_out, len_out) }
    }
}

/// Writes a text's pointer and length to two out-parameters, after checking both.
///
/// # Safety
///
/// `data_out` and `len_out` must each be NULL or valid for one write.
pub(crate) unsafe fn write_text_parts(
    data: *const u8,
    len: u32,
    data_out: *mut *const u8,
    len_out: *mut u32,
) -> Result<(), ErrorCode> {
    if data_out.is_null() || len_out.is_null() {
        return Err(ErrorCode::NullPointer);
    }
    // SAFETY: both pointers were checked above; the caller guarantees they are writable.
    unsafe {
        write_out(data_out, data);
        write_out(len_out, len);
    }
    Ok(())
}

/// Returns the NUL-terminated copy of `text` kept in `cell`, making it on first use.
///
/// Handles keep the core's results as they are and make the C view of a text only when an
/// accessor asks for it, so a caller that reads one field pays for one copy.
pub(crate) fn lazy_text<'a>(
    cell: &'a OnceLock<OwnedText>,
    text: &str,
) -> Result<&'a OwnedText, ErrorCode> {
    if let Some(owned) = cell.get() {
        return Ok(owned);
    }
    let owned = OwnedText::copy(text).map_err(|error| error.code())?;
    Ok(cell.get_or_init(|| owned))
}

/// UTF-8 text the library allocated for the caller, such as an encrypted field.
///
/// Read it with `mbasu_string_data` and `mbasu_string_len`, and free it with
/// `mbasu_string_free`. The bytes are wiped when it is freed, because it may be a decrypted
/// field.
pub struct mbasu_string {
    text: OwnedText,
}

impl Drop for mbasu_string {
    fn drop(&mut self) {
        self.text.wipe();
    }
}

impl mbasu_string {
    /// Allocates a handle for `text`, to hand to C through an out-parameter.
    pub(crate) fn boxed(text: String) -> Result<*mut mbasu_string, Error> {
        let text = OwnedText::new(text)?;
        Ok(Box::into_raw(Box::new(mbasu_string { text })))
    }
}

/// Returns the bytes of `string`: UTF-8, followed by a NUL byte that `mbasu_string_len` does
/// not count.
///
/// The pointer is owned by `string` and valid until `mbasu_string_free(string)`. Returns NULL
/// when `string` is NULL. Thread safety: any number of threads may read one string at once.
///
/// # Safety
///
/// `string` must be NULL or a live `mbasu_string` from this library.
#[no_mangle]
pub unsafe extern "C" fn mbasu_string_data(string: *const mbasu_string) -> *const u8 {
    panic::value(std::ptr::null(), || {
        // SAFETY: the header requires `string` to be NULL or a live `mbasu_string`.
        match unsafe { handle_ref(string, "string") } {
            Ok(string) => string.text.parts().0,
            Err(_) => std::ptr::null(),
        }
    })
}

/// Returns the length of `string` in bytes, without the terminating NUL; 0 when `string` is
/// NULL.
///
/// Thread safety: any number of threads may read one string at once.
///
/// # Safety
///
/// `string` must be NULL or a live `mbasu_string` from this library.
#[no_mangle]
pub unsafe extern "C" fn mbasu_string_len(string: *const mbasu_string) -> u32 {
    panic::value(0, || {
        // SAFETY: the header requires `string` to be NULL or a live `mbasu_string`.
        match unsafe { handle_ref(string, "string") } {
            Ok(string) => string.text.parts().1,
            Err(_) => 0,
        }
    })
}

/// Copies `string` and a terminating NUL into the caller's buffer `buffer` of `buffer_len`
/// bytes, and writes the length without the NUL to `*len_out`.
///
/// Errors: `MBASU_STATUS_NULL_POINTER` if any pointer is NULL, and
/// `MBASU_STATUS_BUFFER_TOO_SMALL` if `buffer_len` is less than `mbasu_string_len(string) + 1`;
/// on either, nothing is written. Thread safety: any number of threads may read one string.
///
/// # Safety
///
/// `string` must be NULL or a live `mbasu_string`; `buffer` must be NULL or writable for
/// `buffer_len` bytes; `len_out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn mbasu_string_copy(
    string: *const mbasu_string,
    buffer: *mut u8,
    buffer_len: u32,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `string` is NULL or a live `mbasu_string`.
        let string = unsafe { handle_ref(string, "string") }.map_err(|e| e.code())?;
        if buffer.is_null() || len_out.is_null() {
            return Err(ErrorCode::NullPointer);
        }
        let (data, len) = string.text.parts();
        let needed = len as u64 + 1;
        if u64::from(buffer_len) < needed {
            return Err(ErrorCode::BufferTooSmall);
        }
        // SAFETY: `data` points to `len + 1` bytes (the text and its NUL); `buffer` was checked to
        // be non-NULL and the caller guarantees `buffer_len >= len + 1` writable bytes there;
        // the two cannot overlap because `data` belongs to the library.
        unsafe {
            std::ptr::copy_nonoverlapping(data, buffer, needed as usize);
            write_out(len_out, len);
        }
        Ok(())
    })
}

/// Frees a string returned by this library, wiping its bytes; NULL does nothing.
///
/// # Safety
///
/// `string` must be NULL or a live `mbasu_string` from this library, freed only once and not
/// used afterwards, and no other thread may be using it.
#[no_mangle]
pub unsafe extern "C" fn mbasu_string_free(string: *mut mbasu_string) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(string) }
    })
}
