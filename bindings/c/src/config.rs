//! The configuration: `mbasu_config_builder` collects settings, `mbasu_config` is the immutable
//! result that any number of threads share.

use std::sync::Arc;

use mbasu::config::SequenceRandom;
use mbasu::{
    CipherEncoding, CipherMode, Config, Credentials, EncryptType, EncryptTypeCodes, Error,
    ErrorCode, FieldEncryptor, FixedClock, HashOptions, Mode, Options, TripleDes, TripleDesKey,
};

use crate::enums::{encrypt_type_arg, hex_case_arg, mode_arg};
use crate::error::{mbasu_error, mbasu_status};
use crate::ffi::{
    bytes_arg, free_handle, handle_mut, handle_ref, invalid_argument, optional_text_arg,
    require_out, text_arg, write_out,
};
use crate::panic;
use crate::string::OwnedText;

/// The default encryptType wire codes: `0` plaintext, `1` MD5, `2` SHA256, `3` SM3, `4` 3DES.
const DEFAULT_CODES: [&str; 5] = ["0", "1", "2", "3", "4"];

/// Settings collected before `mbasu_config_builder_build`. Each setter checks its own input,
/// and `mbasu_config_builder_build` checks the combination.
///
/// A builder may be used by one thread at a time. Free it with `mbasu_config_builder_free`.
pub struct mbasu_config_builder {
    codes: [String; 5],
    triple_des_key: Option<TripleDesKey>,
    cipher_mode: CipherMode,
    cipher_encoding: CipherEncoding,
    hash_options: HashOptions,
    credentials: Option<Credentials>,
    request_ref_prefix: Option<String>,
    response_ref_prefix: Option<String>,
    max_body_bytes: Option<u32>,
    validation_mode: Option<Mode>,
    fixed_unix_millis: Option<i64>,
    random_sequence: Option<Vec<u64>>,
    min_birth_year: i32,
}

/// An immutable configuration: the encryptType code table, the 3DES cipher, digest options,
/// credentials, reference id prefixes, the body size limit, and optionally a fixed clock and
/// fixed random digits for tests.
///
/// Build it once with `mbasu_config_builder_build` and share it: every function takes it as
/// `const mbasu_config *`, and any number of threads may use one configuration at once. Free
/// it with `mbasu_config_free` after the last call that uses it has returned.
pub struct mbasu_config {
    pub(crate) core: Config,
    /// The wire codes in `mbasu_encrypt_type` order, NUL-terminated for C.
    wire_codes: [OwnedText; 5],
    /// One encryptor per `mbasu_encrypt_type`; `None` for 3DES without a key.
    encryptors: [Option<FieldEncryptor>; 5],
}

// The header promises that threads may share a configuration.
const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<mbasu_config>();
};

impl mbasu_config {
    /// Validation options in `mode`, with today's date from the configured clock.
    pub(crate) fn options(&self, mode: Mode) -> Options {
        Options {
            mode,
            ..self.core.validation_options()
        }
    }

    /// The encryptor for one encryptType; 3DES without a configured key is `MBASU_STATUS_KEY_MISSING`.
    pub(crate) fn encryptor(&self, encrypt_type: EncryptType) -> Result<&FieldEncryptor, Error> {
        self.encryptors[type_index(encrypt_type)]
            .as_ref()
            .ok_or_else(key_missing)
    }

    pub(crate) fn wire_code(&self, encrypt_type: EncryptType) -> &OwnedText {
        &self.wire_codes[type_index(encrypt_type)]
    }
}

/// The position of an encryptType in `EncryptType::ALL`, which is `mbasu_encrypt_type` order.
fn type_index(encrypt_type: EncryptType) -> usize {
    EncryptType::ALL
        .iter()
        .position(|t| *t == encrypt_type)
        .unwrap_or(0)
}

pub(crate) fn key_missing() -> Error {
    Error::with_detail(
        ErrorCode::KeyMissing,
        "请先用 mbasu_config_builder_set_triple_des_key 设置密钥",
        "set one with mbasu_config_builder_set_triple_des_key",
    )
}

impl mbasu_config_builder {
    fn new() -> mbasu_config_builder {
        mbasu_config_builder {
            codes: DEFAULT_CODES.map(String::from),
            triple_des_key: None,
            cipher_mode: CipherMode::Ecb,
            cipher_encoding: CipherEncoding::Base64,
            hash_options: HashOptions::default(),
            credentials: None,
            request_ref_prefix: None,
            response_ref_prefix: None,
            max_body_bytes: None,
            validation_mode: None,
            fixed_unix_millis: None,
            random_sequence: None,
            min_birth_year: 1900,
        }
    }

    fn build(&self) -> Result<mbasu_config, Error> {
        let [plaintext, md5, sha256, sm3, triple_des] = &self.codes;
        let codes = EncryptTypeCodes::new(plaintext, md5, sha256, sm3, triple_des)?;
        let [plaintext, md5, sha256, sm3, triple_des] =
            EncryptType::ALL.map(|encrypt_type| OwnedText::copy(codes.code(encrypt_type)));
        let wire_codes = [plaintext?, md5?, sha256?, sm3?, triple_des?];

        let cipher = self
            .triple_des_key
            .clone()
            .map(|key| TripleDes::new(key, self.cipher_mode, self.cipher_encoding));
        let encryptors = EncryptType::ALL.map(|encrypt_type| match (encrypt_type, &cipher) {
            (EncryptType::TripleDes, Some(cipher)) => {
                Some(FieldEncryptor::triple_des(cipher.clone()))
            }
            (EncryptType::TripleDes, None) => None,
            (other, _) => FieldEncryptor::new(other, self.hash_options).ok(),
        });

        let mut core = Config::builder()
            .codes(codes)
            .hash_options(self.hash_options)
            .min_birth_year(self.min_birth_year);
        if let Some(cipher) = cipher {
            core = core.triple_des(cipher);
        }
        if let Some(credentials) = &self.credentials {
            core = core.credentials(credentials.clone());
        }
        if let Some(prefix) = &self.request_ref_prefix {
            core = core.request_ref_prefix(prefix)?;
        }
        if let Some(prefix) = &self.response_ref_prefix {
            core = core.response_ref_prefix(prefix)?;
        }
        if let Some(bytes) = self.max_body_bytes {
            core = core.max_body_bytes(bytes as usize);
        }
        if let Some(mode) = self.validation_mode {
            core = core.validation_mode(mode);
        }
        if let Some(unix_millis) = self.fixed_unix_millis {
            core = core.clock(Arc::new(FixedClock(unix_millis)));
        }
        if let Some(values) = &self.random_sequence {
            core = core.random(Arc::new(SequenceRandom::new(values.clone())));
        }

        Ok(mbasu_config {
            core: core.build(),
            wire_codes,
            encryptors,
        })
    }
}

/// Creates a builder with the defaults: wire codes `0`–`4`, no 3DES key, ECB with Base64
/// output, lowercase full-length digests, no credentials, reference id prefixes `xwdb_` and
/// `TR`, bodies up to 65536 bytes, normalising validation in `mbasu_build_request`, birth
/// years from 1900, and the system clock and random source.
///
/// On success `*builder_out` receives a new builder, owned by the caller and freed with
/// `mbasu_config_builder_free`. Errors: `MBASU_STATUS_NULL_POINTER` if `builder_out` is NULL.
///
/// # Safety
///
/// `builder_out` and `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_new(
    builder_out: *mut *mut mbasu_config_builder,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        require_out(builder_out, "builder_out")?;
        let builder = Box::into_raw(Box::new(mbasu_config_builder::new()));
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(builder_out, builder) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets the wire code of one encryptType (`mbasu_encrypt_type`), for integrations whose
/// provider numbers the methods differently from the default `0`–`4`.
///
/// `code` is `code_len` bytes of UTF-8. Each code must be 1 or 2 printable ASCII characters
/// and the five codes must differ; `mbasu_config_builder_build` checks both and reports
/// `MBASU_STATUS_INVALID_CODE_TABLE`. Errors here: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_UTF8`, `MBASU_STATUS_INVALID_ARGUMENT` for an unknown encryptType.
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `code` must be NULL or
/// readable for `code_len` bytes; `error_out` must be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_encrypt_type_code(
    builder: *mut mbasu_config_builder,
    encrypt_type: u32,
    code: *const u8,
    code_len: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        // SAFETY: the caller guarantees `code_len` readable bytes at `code` when not NULL.
        let code = unsafe { text_arg(code, code_len, "code") }?;
        let encrypt_type = encrypt_type_arg(encrypt_type)?;
        let index = EncryptType::ALL
            .iter()
            .position(|t| *t == encrypt_type)
            .unwrap_or(0);
        builder.codes[index] = code.to_owned();
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets the 3DES key for fields sent with encryptType 3DES, replacing any earlier key.
///
/// `key_format` (`mbasu_key_format`) states how the `key_len` bytes at `key` encode it: 24 raw
/// bytes, 16 raw bytes expanded to K1‖K2‖K1, Base64 text or hexadecimal text. A key of any
/// other length is rejected, never padded or truncated. The builder keeps a copy, wiped when
/// the builder is freed; the caller may wipe its own buffer after the call.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` for an unknown format,
/// `MBASU_STATUS_KEY_LENGTH`, `MBASU_STATUS_INVALID_BASE64`, `MBASU_STATUS_INVALID_HEX`,
/// `MBASU_STATUS_INVALID_UTF8` (text formats). On error the builder is unchanged.
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `key` must be NULL or
/// readable for `key_len` bytes; `error_out` must be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_triple_des_key(
    builder: *mut mbasu_config_builder,
    key: *const u8,
    key_len: u32,
    key_format: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        // SAFETY: the caller guarantees `key_len` readable bytes at `key` when not NULL.
        let bytes = unsafe { bytes_arg(key, key_len, "key") }?;
        let key = match key_format {
            0 => TripleDesKey::new(bytes)?,
            1 => TripleDesKey::from_two_key(bytes)?,
            2 => TripleDesKey::from_base64(mbasu::text::text_from_utf8(bytes)?)?,
            3 => TripleDesKey::from_hex(mbasu::text::text_from_utf8(bytes)?)?,
            other => {
                return Err(invalid_argument(
                    "key_format",
                    other,
                    "an mbasu_key_format (0 to 3)",
                ))
            }
        };
        builder.triple_des_key = Some(key);
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets the 3DES block mode (`mbasu_cipher_mode`) and, for CBC, its IV.
///
/// ECB takes no IV: pass NULL and 0. CBC needs exactly 8 bytes at `iv`; there is no default
/// IV. Errors: `MBASU_STATUS_NULL_POINTER` (builder, or a CBC IV), `MBASU_STATUS_IV_LENGTH`,
/// `MBASU_STATUS_IV_NOT_ALLOWED` (an IV with ECB), `MBASU_STATUS_INVALID_ARGUMENT` (unknown
/// mode). On error the builder is unchanged.
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `iv` must be NULL or
/// readable for `iv_len` bytes; `error_out` must be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_cipher_mode(
    builder: *mut mbasu_config_builder,
    cipher_mode: u32,
    iv: *const u8,
    iv_len: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        let mode = match cipher_mode {
            0 if iv.is_null() && iv_len == 0 => CipherMode::Ecb,
            0 => return Err(Error::from_code(ErrorCode::IvNotAllowed)),
            1 => {
                // SAFETY: the caller guarantees `iv_len` readable bytes at `iv` when not NULL.
                let iv = unsafe { bytes_arg(iv, iv_len, "iv") }?;
                let iv: [u8; 8] = iv.try_into().map_err(|_| {
                    Error::with_detail(
                        ErrorCode::IvLength,
                        &format!("实际为 {} 字节", iv.len()),
                        &format!("got {} bytes", iv.len()),
                    )
                })?;
                CipherMode::Cbc { iv }
            }
            other => {
                return Err(invalid_argument(
                    "cipher_mode",
                    other,
                    "MBASU_CIPHER_MODE_ECB or MBASU_CIPHER_MODE_CBC",
                ))
            }
        };
        builder.cipher_mode = mode;
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets the text encoding of 3DES ciphertext (`mbasu_cipher_encoding`): Base64 (the default)
/// or lowercase hexadecimal.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (unknown encoding).
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `error_out` must be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_cipher_encoding(
    builder: *mut mbasu_config_builder,
    cipher_encoding: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        builder.cipher_encoding = match cipher_encoding {
            0 => CipherEncoding::Base64,
            1 => CipherEncoding::Hex,
            other => {
                return Err(invalid_argument(
                    "cipher_encoding",
                    other,
                    "MBASU_CIPHER_ENCODING_BASE64 or MBASU_CIPHER_ENCODING_HEX",
                ))
            }
        };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets how digests are printed: `hex_case` (`mbasu_hex_case`) and `md5_16`, which is 1 for
/// the 16-character MD5 (hex characters 8 to 24) some Chinese specs ask for and 0 for the
/// full 32 characters.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (unknown case, or
/// `md5_16` other than 0 or 1).
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `error_out` must be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_hash_options(
    builder: *mut mbasu_config_builder,
    hex_case: u32,
    md5_16: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        let case = hex_case_arg(hex_case)?;
        let md5_16 = match md5_16 {
            0 => false,
            1 => true,
            other => return Err(invalid_argument("md5_16", other, "0 or 1")),
        };
        builder.hash_options = HashOptions { case, md5_16 };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets the `secretId` and the Base64 `secretKey` the provider issued, used to sign and seal
/// envelopes and to check the signature of incoming requests. The builder keeps a copy of the
/// decoded key, wiped when it is freed. Sealing needs a key of 24 bytes; signing takes any
/// length.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_UTF8`,
/// `MBASU_STATUS_INVALID_BASE64`, `MBASU_STATUS_INVALID_ARGUMENT` (a secretId that is not 1 to
/// 64 printable ASCII characters), `MBASU_STATUS_KEY_MISSING` (an empty secretKey). On error
/// the builder is unchanged.
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `secret_id` and
/// `secret_key_base64` must be NULL or readable for their lengths; `error_out` must be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_credentials(
    builder: *mut mbasu_config_builder,
    secret_id: *const u8,
    secret_id_len: u32,
    secret_key_base64: *const u8,
    secret_key_base64_len: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        // SAFETY: the caller guarantees each pointer is NULL or readable for its length.
        let secret_id = unsafe { text_arg(secret_id, secret_id_len, "secret_id") }?;
        // SAFETY: as above.
        let secret_key = unsafe {
            text_arg(
                secret_key_base64,
                secret_key_base64_len,
                "secret_key_base64",
            )
        }?;
        builder.credentials = Some(Credentials::from_base64(secret_id, secret_key)?);
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets the prefix of generated requestRefIds (default `xwdb_`); NULL and 0 restore the
/// default.
///
/// Errors: `MBASU_STATUS_NULL_POINTER` (builder, or NULL prefix with a non-zero length),
/// `MBASU_STATUS_INVALID_UTF8`, `MBASU_STATUS_INVALID_REQUEST_REF_ID` (more than 64 bytes, or
/// characters other than printable ASCII without quotes and backslashes).
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `prefix` must be NULL or
/// readable for `prefix_len` bytes; `error_out` must be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_request_ref_id_prefix(
    builder: *mut mbasu_config_builder,
    prefix: *const u8,
    prefix_len: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        // SAFETY: the caller guarantees `prefix_len` readable bytes at `prefix` when not NULL.
        let prefix = unsafe { optional_text_arg(prefix, prefix_len, "prefix") }?;
        if let Some(prefix) = prefix {
            Config::builder().request_ref_prefix(prefix)?;
        }
        builder.request_ref_prefix = prefix.map(str::to_owned);
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets the prefix of responseRefIds that `mbasu_build_response` generates (default `TR`);
/// NULL and 0 restore the default.
///
/// Errors: as for `mbasu_config_builder_set_request_ref_id_prefix`.
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `prefix` must be NULL or
/// readable for `prefix_len` bytes; `error_out` must be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_response_ref_id_prefix(
    builder: *mut mbasu_config_builder,
    prefix: *const u8,
    prefix_len: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        // SAFETY: the caller guarantees `prefix_len` readable bytes at `prefix` when not NULL.
        let prefix = unsafe { optional_text_arg(prefix, prefix_len, "prefix") }?;
        if let Some(prefix) = prefix {
            Config::builder().response_ref_prefix(prefix)?;
        }
        builder.response_ref_prefix = prefix.map(str::to_owned);
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets the largest request or response body accepted, in bytes (default 65536); larger
/// bodies are rejected with `MBASU_STATUS_BODY_TOO_LARGE` before they are parsed.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`.
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `error_out` must be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_max_body_bytes(
    builder: *mut mbasu_config_builder,
    max_body_bytes: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        builder.max_body_bytes = Some(max_body_bytes);
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets how `mbasu_build_request` validates the applicant's fields (`mbasu_mode`): normalising
/// by default, so `+86 138 0013 8000` is sent as `13800138000`; strict rejects any value that
/// is not already canonical. `mbasu_validate_applicant` takes its mode per call instead.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_ARGUMENT` (unknown mode).
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `error_out` must be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_validation_mode(
    builder: *mut mbasu_config_builder,
    mode: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        builder.validation_mode = Some(mode_arg(mode)?);
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// FOR TESTS AND REPLAYS: replaces the random source of generated reference ids with the
/// `count` values at `values`, used in turn and then from the start again; each id takes the
/// next value modulo 1000000 as its six random digits. With one configuration shared by
/// several threads, the order in which threads draw values is not defined.
///
/// The builder copies the values. Errors: `MBASU_STATUS_NULL_POINTER`,
/// `MBASU_STATUS_INVALID_ARGUMENT` (`count` is 0).
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `values` must be NULL or
/// readable for `count` aligned `uint64_t` values; `error_out` must be NULL or valid for one
/// write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_random_sequence(
    builder: *mut mbasu_config_builder,
    values: *const u64,
    count: u32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        if values.is_null() {
            return Err(crate::ffi::null_pointer("values"));
        }
        if count == 0 {
            return Err(invalid_argument("count", count, "at least 1"));
        }
        // SAFETY: `values` is not NULL and the caller guarantees `count` aligned, readable
        // values there.
        let values = unsafe { std::slice::from_raw_parts(values, count as usize) };
        builder.random_sequence = Some(values.to_vec());
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Fixes the clock at `unix_millis` (milliseconds since 1970-01-01T00:00:00Z), for tests and
/// replays: "today" for birth-date checks, in China time (UTC+8), and the timestamp of
/// generated reference ids come from it. Without this call the system clock is read at each
/// use.
///
/// Errors: `MBASU_STATUS_NULL_POINTER`.
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `error_out` must be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_fixed_time(
    builder: *mut mbasu_config_builder,
    unix_millis: i64,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        builder.fixed_unix_millis = Some(unix_millis);
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Sets the earliest birth year accepted in an ID number (default 1900).
///
/// Errors: `MBASU_STATUS_NULL_POINTER`.
///
/// # Safety
///
/// `builder` must be NULL or a live builder used by no other thread; `error_out` must be NULL
/// or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_set_min_birth_year(
    builder: *mut mbasu_config_builder,
    year: i32,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live, unshared builder.
        let builder = unsafe { handle_mut(builder, "builder") }?;
        builder.min_birth_year = year;
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Builds an immutable configuration from the builder's settings. The builder is not
/// consumed: it may be changed and built again, and must still be freed.
///
/// On success `*config_out` receives a new configuration, owned by the caller and freed with
/// `mbasu_config_free`. Errors: `MBASU_STATUS_NULL_POINTER`, `MBASU_STATUS_INVALID_CODE_TABLE`
/// (a wire code that is empty, longer than 2 characters, not printable ASCII, or repeated).
///
/// # Safety
///
/// `builder` must be NULL or a live builder that no thread is changing; `config_out` and
/// `error_out` must each be NULL or valid for one write.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_build(
    builder: *const mbasu_config_builder,
    config_out: *mut *mut mbasu_config,
    error_out: *mut *mut mbasu_error,
) -> mbasu_status {
    let outcome = panic::run(|| {
        // SAFETY: the caller guarantees `builder` is NULL or a live builder nobody is changing.
        let builder = unsafe { handle_ref(builder, "builder") }?;
        require_out(config_out, "config_out")?;
        let config = Box::into_raw(Box::new(builder.build()?));
        // SAFETY: checked non-NULL above; the caller guarantees it is writable.
        unsafe { write_out(config_out, config) };
        Ok(())
    });
    // SAFETY: the caller guarantees `error_out` is NULL or valid for one write.
    unsafe { panic::report(outcome, error_out) }
}

/// Frees a builder, wiping the key and credentials it holds; NULL does nothing.
///
/// # Safety
///
/// `builder` must be NULL or a live builder from this library, freed only once, not used
/// afterwards and not in use by another thread.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_builder_free(builder: *mut mbasu_config_builder) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(builder) }
    })
}

/// Frees a configuration, wiping its keys; NULL does nothing.
///
/// # Safety
///
/// `config` must be NULL or a live configuration from this library, freed only once, after
/// every call that uses it (on any thread) has returned, and not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn mbasu_config_free(config: *mut mbasu_config) {
    panic::value((), || {
        // SAFETY: the caller's guarantee is exactly `free_handle`'s contract.
        unsafe { free_handle(config) }
    })
}
