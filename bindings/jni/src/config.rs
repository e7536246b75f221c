//! Native methods of `cn.mbasu.MbasuConfig`: create, close, free, and field encryption.
//! Requests, responses and the provider side are in `exchange.rs` and `provider.rs`.

use std::sync::Arc;

use jni::objects::{JByteArray, JClass, JLongArray, JObject, JObjectArray, JString};
use jni::sys::{jboolean, jint, jlong};
use jni::{jni_mangle, Env, EnvUnowned};
use mbasu::config::SequenceRandom;
use mbasu::{
    CipherEncoding, CipherMode, Credentials, EncryptType, EncryptTypeCodes, Error, ErrorCode,
    FieldEncryptor, FixedClock, HashOptions, HexCase, Mode, TripleDes, TripleDesKey,
};
use zeroize::Zeroizing;

use crate::boundary::{GlueResult, ThrowMbasuException};
use crate::enums::{encrypt_type, from_ordinal, ordinal};
use crate::handle::Slot;
use crate::strings::{new_java_string, read_optional_text, read_secret_text, read_text};

/// The native state of one `MbasuConfig`.
pub(crate) struct Config {
    pub(crate) core: mbasu::Config,
    /// Encryptors in `EncryptType::ALL` order; 3DES is `None` without a key.
    encryptors: Vec<Option<FieldEncryptor>>,
}

/// Forms of the 3DES key the Java builder passes (`MbasuConfig.KeyFormat` ordinals).
const KEY_NONE: jint = 0;
const KEY_RAW: jint = 1;
const KEY_TWO_KEY: jint = 2;
const KEY_BASE64: jint = 3;
const KEY_HEX: jint = 4;

/// Java's marker for "keep the core's default" in integer settings.
const CORE_DEFAULT: jint = jint::MIN;

/// Creates a configuration and returns its handle.
///
/// `codes` are the five encryptType wire codes in `EncryptType` order, or `null` for the
/// default table. The key arrives as bytes (`key_format` raw or two-key) or as Base64 or hex
/// text, and `iv` is `null` for ECB. `null` strings, [`CORE_DEFAULT`] integers and a
/// non-positive `max_body_bytes` keep the core's defaults. `random_sequence` and a fixed clock
/// make generated reference ids reproducible.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_create<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    codes: JObjectArray<'local, JString<'local>>,
    hash_upper_case: jboolean,
    md5_short: jboolean,
    key_format: jint,
    key_bytes: JByteArray<'local>,
    key_text: JString<'local>,
    iv: JByteArray<'local>,
    hex_cipher_text: jboolean,
    secret_id: JString<'local>,
    secret_key_base64: JString<'local>,
    request_ref_prefix: JString<'local>,
    response_ref_prefix: JString<'local>,
    max_body_bytes: jlong,
    validation_mode: jint,
    min_birth_year: jint,
    has_fixed_clock: jboolean,
    fixed_clock_millis: jlong,
    random_sequence: JLongArray<'local>,
) -> jlong {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let mut builder = mbasu::Config::builder();

            if !codes.is_null() {
                builder = builder.codes(read_codes(env, &codes)?);
            }
            let hash_options = HashOptions {
                case: if hash_upper_case {
                    HexCase::Upper
                } else {
                    HexCase::Lower
                },
                md5_16: md5_short,
            };
            builder = builder.hash_options(hash_options);

            if let Some(key) = read_key(env, key_format, &key_bytes, &key_text)? {
                let mode = read_mode(env, &iv)?;
                let encoding = if hex_cipher_text {
                    CipherEncoding::Hex
                } else {
                    CipherEncoding::Base64
                };
                builder = builder.triple_des(TripleDes::new(key, mode, encoding));
            }

            if !secret_id.is_null() {
                let id = read_text(env, &secret_id, "secretId")?;
                let key = read_secret_text(env, &secret_key_base64, "secretKey")?;
                builder = builder.credentials(Credentials::from_base64(&id, &key)?);
            }
            if let Some(prefix) = read_optional_text(env, &request_ref_prefix)? {
                builder = builder.request_ref_prefix(&prefix)?;
            }
            if let Some(prefix) = read_optional_text(env, &response_ref_prefix)? {
                builder = builder.response_ref_prefix(&prefix)?;
            }
            if max_body_bytes > 0 {
                builder =
                    builder.max_body_bytes(usize::try_from(max_body_bytes).unwrap_or(usize::MAX));
            }
            if validation_mode != CORE_DEFAULT {
                builder = builder.validation_mode(from_ordinal(
                    &[Mode::Strict, Mode::Normalize],
                    validation_mode,
                    "Mode",
                )?);
            }
            if min_birth_year != CORE_DEFAULT {
                builder = builder.min_birth_year(min_birth_year);
            }
            if has_fixed_clock {
                builder = builder.clock(Arc::new(FixedClock(fixed_clock_millis)));
            }
            if !random_sequence.is_null() {
                let length = random_sequence.len(env)?;
                let mut values = vec![0 as jlong; length];
                random_sequence.get_region(env, 0, &mut values)?;
                let values = values.into_iter().map(|v| v as u64).collect();
                builder = builder.random(Arc::new(SequenceRandom::new(values)));
            }

            let core = builder.build();
            let encryptors = build_encryptors(&core)?;
            Ok(Slot::create(Config { core, encryptors }))
        })
        .resolve::<ThrowMbasuException>()
}

fn read_codes(
    env: &mut Env<'_>,
    codes: &JObjectArray<'_, JString<'_>>,
) -> GlueResult<EncryptTypeCodes> {
    let mut table: Vec<String> = Vec::with_capacity(EncryptType::ALL.len());
    for (index, encrypt_type) in EncryptType::ALL.iter().enumerate() {
        let code = codes.get_element(env, index)?;
        table.push(read_text(
            env,
            &code,
            &format!("{} code", encrypt_type.name()),
        )?);
    }
    Ok(EncryptTypeCodes::new(
        &table[0], &table[1], &table[2], &table[3], &table[4],
    )?)
}

fn build_encryptors(core: &mbasu::Config) -> GlueResult<Vec<Option<FieldEncryptor>>> {
    let mut encryptors = Vec::with_capacity(EncryptType::ALL.len());
    for encrypt_type in EncryptType::ALL {
        let encryptor = match (encrypt_type, core.triple_des()) {
            (EncryptType::TripleDes, Some(cipher)) => {
                Some(FieldEncryptor::triple_des(cipher.clone()))
            }
            (EncryptType::TripleDes, None) => None,
            (other, _) => Some(FieldEncryptor::new(other, core.hash_options())?),
        };
        encryptors.push(encryptor);
    }
    Ok(encryptors)
}

fn read_key(
    env: &Env<'_>,
    key_format: jint,
    key_bytes: &JByteArray<'_>,
    key_text: &JString<'_>,
) -> GlueResult<Option<TripleDesKey>> {
    let key = match key_format {
        KEY_NONE => return Ok(None),
        KEY_RAW => TripleDesKey::new(&read_secret_bytes(env, key_bytes, "key")?)?,
        KEY_TWO_KEY => TripleDesKey::from_two_key(&read_secret_bytes(env, key_bytes, "key")?)?,
        KEY_BASE64 => TripleDesKey::from_base64(&read_secret_text(env, key_text, "key")?)?,
        KEY_HEX => TripleDesKey::from_hex(&read_secret_text(env, key_text, "key")?)?,
        other => {
            return Err(Error::with_detail(
                ErrorCode::InvalidArgument,
                &format!("密钥格式 {other} 无效"),
                &format!("invalid key format {other}"),
            )
            .into())
        }
    };
    Ok(Some(key))
}

fn read_mode(env: &Env<'_>, iv: &JByteArray<'_>) -> GlueResult<CipherMode> {
    if iv.is_null() {
        return Ok(CipherMode::Ecb);
    }
    let bytes = env.convert_byte_array(iv)?;
    let iv: [u8; 8] = bytes.as_slice().try_into().map_err(|_| {
        Error::with_detail(
            ErrorCode::IvLength,
            &format!("实际为 {} 字节", bytes.len()),
            &format!("got {} bytes", bytes.len()),
        )
    })?;
    Ok(CipherMode::Cbc { iv })
}

fn read_secret_bytes(
    env: &Env<'_>,
    array: &JByteArray<'_>,
    argument: &str,
) -> GlueResult<Zeroizing<Vec<u8>>> {
    if array.is_null() {
        return Err(crate::boundary::null_argument(argument));
    }
    Ok(Zeroizing::new(env.convert_byte_array(array)?))
}

/// Empties the configuration; later calls raise error 7.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_close<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    _owner: JObject<'local>,
) {
    unowned_env
        .with_env(|_env| -> GlueResult<_> {
            // SAFETY: `handle` comes from `config_create`, and `_owner` is the MbasuConfig that
            // owns it, kept reachable by this call, so `config_free` has not run and cannot
            // run until this call returns.
            let slot = unsafe { Slot::<Config>::borrow(handle)? };
            slot.close();
            Ok(())
        })
        .resolve::<ThrowMbasuException>()
}

/// Frees the configuration's native memory.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_free<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
) {
    unowned_env
        .with_env(|_env| -> GlueResult<_> {
            // SAFETY: Java calls this once per handle, from the reference-queue thread, after
            // the owning MbasuConfig became phantom reachable; no call can use the handle then.
            unsafe { Slot::<Config>::free(handle) };
            Ok(())
        })
        .resolve::<ThrowMbasuException>()
}

/// Runs `body` on the open configuration behind `handle`.
///
/// `owner` must be the `MbasuConfig` that owns `handle`, passed as an argument of the current
/// native call.
pub(crate) fn with_config<T>(
    handle: jlong,
    _owner: &JObject<'_>,
    body: impl FnOnce(&Config) -> GlueResult<T>,
) -> GlueResult<T> {
    // SAFETY: `handle` comes from `config_create` and the owning MbasuConfig is an argument
    // of the current native call, which keeps it reachable, so `config_free` cannot run
    // before this borrow ends.
    let slot = unsafe { Slot::<Config>::borrow(handle)? };
    let config = slot.read()?;
    body(&config)
}

/// Encrypts one field value with the configuration's hash options or 3DES key.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_encrypt<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    encrypt_type_ordinal: jint,
    value: JString<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let encrypt_type = encrypt_type(encrypt_type_ordinal)?;
            let value = read_text(env, &value, "value")?;
            let encrypted = with_config(handle, &owner, |config| {
                let index = ordinal(&EncryptType::ALL, &encrypt_type) as usize;
                match &config.encryptors[index] {
                    Some(encryptor) => Ok(encryptor.encrypt(&value)?),
                    None => Err(key_missing().into()),
                }
            })?;
            new_java_string(env, &encrypted)
        })
        .resolve::<ThrowMbasuException>()
}

/// Decrypts 3DES ciphertext text with the configuration's key, mode and encoding.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_decrypt<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    ciphertext: JString<'local>,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let ciphertext = read_text(env, &ciphertext, "ciphertext")?;
            let plaintext = with_config(handle, &owner, |config| match config.core.triple_des() {
                Some(cipher) => Ok(Zeroizing::new(cipher.decrypt_text(&ciphertext)?)),
                None => Err(key_missing().into()),
            })?;
            new_java_string(env, &plaintext)
        })
        .resolve::<ThrowMbasuException>()
}

/// Looks up the wire code of an encryptType in the configuration's code table.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_encrypt_type_code<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    encrypt_type_ordinal: jint,
) -> JString<'local> {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let encrypt_type = encrypt_type(encrypt_type_ordinal)?;
            let code = with_config(handle, &owner, |config| {
                Ok(config.core.codes().code(encrypt_type).to_owned())
            })?;
            new_java_string(env, &code)
        })
        .resolve::<ThrowMbasuException>()
}

/// Looks up the `EncryptType` ordinal of a wire code in the configuration's code table.
#[jni_mangle("cn.mbasu.NativeBridge")]
pub fn config_lookup_encrypt_type<'local>(
    mut unowned_env: EnvUnowned<'local>,
    _class: JClass<'local>,
    handle: jlong,
    owner: JObject<'local>,
    code: JString<'local>,
) -> jint {
    unowned_env
        .with_env(|env| -> GlueResult<_> {
            let code = read_text(env, &code, "code")?;
            with_config(handle, &owner, |config| {
                let encrypt_type = config.core.codes().lookup(&code)?;
                Ok(ordinal(&EncryptType::ALL, &encrypt_type))
            })
        })
        .resolve::<ThrowMbasuException>()
}

fn key_missing() -> Error {
    Error::with_detail(
        ErrorCode::KeyMissing,
        "这个 MbasuConfig 没有设置 3DES 密钥，请在 Builder 中设置",
        "this MbasuConfig has no 3DES key; set one on its Builder",
    )
}
