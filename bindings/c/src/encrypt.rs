//! Field encryption with the configuration's encryptType code table, 3DES cipher and digest
//! options.

use crate::config::{key_missing, mbasu_config};
use crate::enums::{encrypt_type_arg, encrypt_type_number};
use crate::error::{mbasu_error, mbasu_status};
use crate::ffi::{handle_ref, require_out, text_arg, write_out};
use crate::panic;
use crate::string::mbasu_string;

/// Applies `encrypt_type` (`mbasu_encrypt_type`) to one field value: plaintext returns the
/// value, MD5, SHA256 and SM3 return hexadecimal digests of its UTF-8 bytes (lowercase and
/// full length unless the configuration sets otherwise), and 3DES returns the ciphertext in
/// the configured mode and encoding.
///
/// Pass the canonical value from `mbasu_validation_value`: the digest of a value that differs
/// by one space or a lowercase `x` never matches the provider's. `value` is `value_len` bytes
/// of UTF-8.
///
/// On success `*encrypted_out` receives a new string, owned by the caller and freed with
/// `mbasu_string_free`. Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_UTF8`,
/// `MBASU_STATUS_INVALID_ARGUMENT` (unknown encryptType), `MBASU_STATUS_KEY_MISSING` (3DES
/// without a configured key). Thread safety: callable from any number of threads with one
/// shared configuration.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `value` must be NULL or readable for
/// `value_len` bytes; `encrypted_out` and `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_encrypt(
    config: *const mbasu_config,
    encrypt_type: u32,
    value: *const u8,
    value_len: u32,
    encrypted_out: *mut *mut mbasu_string,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees `value_len` readable bytes at `value` when not NULL.
        let value = unsafe { text_arg(value, value_len, "value") }?;
        require_out(encrypted_out, "encrypted_out")?;

        let encrypted = config
            .encryptor(encrypt_type_arg(encrypt_type)?)?
            .encrypt(value)?;
        let encrypted = mbasu_string::boxed(encrypted)?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(encrypted_out, encrypted) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Decrypts 3DES ciphertext text with the configured key, mode and encoding, and returns the
/// UTF-8 plaintext. Whitespace and line breaks inside Base64 are ignored, as old Java encoders
/// wrap every 76 characters.
///
/// On success `*plaintext_out` receives a new string, owned by the caller and freed with
/// `mbasu_string_free` (which wipes it). Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_UTF8`, `MBASU_STATUS_KEY_MISSING`, `MBASU_STATUS_INVALID_BASE64`,
/// `MBASU_STATUS_INVALID_HEX`, `MBASU_STATUS_CIPHERTEXT_LENGTH`, `MBASU_STATUS_BAD_PADDING`
/// (usually a wrong key or mode), `MBASU_STATUS_DECRYPTED_NOT_UTF8`. Thread safety: callable
/// from any number of threads with one shared configuration.
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `ciphertext` must be NULL or readable for
/// `ciphertext_len` bytes; `plaintext_out` and `error_out` must each be NULL or valid for one
/// write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_decrypt(
    config: *const mbasu_config,
    ciphertext: *const u8,
    ciphertext_len: u32,
    plaintext_out: *mut *mut mbasu_string,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees `ciphertext_len` readable bytes when not NULL.
        let ciphertext = unsafe { text_arg(ciphertext, ciphertext_len, "ciphertext") }?;
        require_out(plaintext_out, "plaintext_out")?;

        let cipher = config.core.triple_des().ok_or_else(key_missing)?;
        let plaintext = mbasu_string::boxed(cipher.decrypt_text(ciphertext)?)?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(plaintext_out, plaintext) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Borrows the wire code the configuration sends in `encryptType` for `encrypt_type`
/// (`mbasu_encrypt_type`), such as `"3"` for SM3 with the default table.
///
/// On success `*code_out` points to NUL-terminated ASCII owned by `config`, valid until
/// `mbasu_config_free`. Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT`
/// (unknown encryptType).
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `code_out` and `len_out` must each be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_encrypt_type_code(
    config: *const mbasu_config,
    encrypt_type: u32,
    code_out: *mut *const u8,
    len_out: *mut u32,
) -> mbasu_status {
    panic::access(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }.map_err(|e| e.code())?;
        let encrypt_type = encrypt_type_arg(encrypt_type).map_err(|e| e.code())?;
        // SAFETY: the caller guarantees both out-pointers are NULL or writable.
        unsafe {
            config
                .wire_code(encrypt_type)
                .write_parts(code_out, len_out)
        }
    })
}

/// Looks up the encryptType (`mbasu_encrypt_type`) a wire code stands for in the
/// configuration's code table, as a provider does when reading `encryptType`.
///
/// On success writes it to `*encrypt_type_out`. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_UTF8`, `MBASU_STATUS_UNKNOWN_ENCRYPT_TYPE` (a code not in the table).
///
/// # Safety
///
/// `config` must be NULL or a live configuration; `code` must be NULL or readable for
/// `code_len` bytes; `encrypt_type_out` and `error_out` must each be NULL or valid for one
/// write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_encrypt_type_from_code(
    config: *const mbasu_config,
    code: *const u8,
    code_len: u32,
    encrypt_type_out: *mut u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `config` is NULL or a live configuration.
        let config = unsafe { handle_ref(config, "config") }?;
        // SAFETY: the caller guarantees `code_len` readable bytes at `code` when not NULL.
        let code = unsafe { text_arg(code, code_len, "code") }?;
        require_out(encrypt_type_out, "encrypt_type_out")?;
        let encrypt_type = config.core.codes().lookup(code)?;
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(encrypt_type_out, encrypt_type_number(encrypt_type)) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}
