//! The spec's encryptType applied to field values: MD5, SHA256, SM3 digests and 3DES.
//!
//! The slim build (without the `full` feature) keeps SM3 only, so the linker drops MD5,
//! SHA256 and DES.

use mbasu::encrypt::hash_hex;
use mbasu::{EncryptType, Error, HashOptions, HexCase};
use wasm_bindgen::prelude::*;

use crate::boundary::{enter, invalid_argument, throw_on_error, JsResult};
use crate::convert::{bytes, text, OptionsObject};

#[wasm_bindgen(typescript_custom_section)]
const HASH_TS: &'static str = r#"
/** Output form of a digest. */
export interface HashOptions {
  /** Letter case of the hexadecimal digest; default `lower`. */
  hexCase?: "lower" | "upper";
  /** 16 selects the 16-character MD5 (hex characters 8 to 24) some Chinese specs ask for; default 32. */
  md5Length?: 32 | 16;
}
"#;

#[cfg(not(feature = "full"))]
#[wasm_bindgen(typescript_custom_section)]
const SLIM_ENCRYPT_TS: &'static str = r#"
/** Settings of `options.encrypt` in the slim build, which has SM3 only. */
export interface EncryptFieldOptions extends HashOptions {
  encryptType: "sm3";
}
"#;

/// Parses a digest name; the slim build accepts `sm3` only.
fn digest_type(name: &str) -> Result<EncryptType, Error> {
    let encrypt_type = EncryptType::from_name(name)?;
    if cfg!(not(feature = "full")) && encrypt_type != EncryptType::Sm3 {
        return Err(Error::with_detail(
            mbasu::ErrorCode::UnknownEncryptType,
            "精简版只包含 sm3",
            "the slim build contains sm3 only",
        ));
    }
    Ok(encrypt_type)
}

/// The properties of `HashOptions`.
const HASH_OPTION_KEYS: &[&str] = &["hexCase", "md5Length"];

pub(crate) fn read_hash_options(options: &OptionsObject) -> Result<HashOptions, Error> {
    let mut result = HashOptions::default();
    if let Some(index) = options.choice("hexCase", &["lower", "upper"])? {
        result.case = [HexCase::Lower, HexCase::Upper][index];
    }
    match options.integer("md5Length")? {
        None | Some(32) => {}
        Some(16) => result.md5_16 = true,
        Some(_) => {
            return Err(invalid_argument(
                "md5Length 应为 32 或 16",
                "md5Length must be 32 or 16",
            ))
        }
    }
    Ok(result)
}

#[cfg(feature = "full")]
fn digest(encrypt_type: EncryptType, bytes: &[u8], options: HashOptions) -> Result<String, Error> {
    hash_hex(encrypt_type, bytes, options)
}

#[cfg(not(feature = "full"))]
fn digest(_: EncryptType, bytes: &[u8], options: HashOptions) -> Result<String, Error> {
    // The constant lets the optimiser drop the MD5 and SHA256 branches of `hash_hex`.
    hash_hex(EncryptType::Sm3, bytes, options)
}

/// The encryption `validateApplicant` and friends apply to valid values (`options.encrypt`).
#[cfg(feature = "full")]
pub(crate) struct Encryptor(mbasu::FieldEncryptor);

#[cfg(feature = "full")]
impl Encryptor {
    pub(crate) fn read(options: &JsValue) -> Result<Encryptor, Error> {
        triple_des::read_field_encryptor(options, "options.encrypt").map(Encryptor)
    }

    /// The encryptor of a digest or plaintext named `encrypt_type`; None for 3DES, whose key
    /// only `read` takes.
    pub(crate) fn without_key(
        encrypt_type: &str,
        options: HashOptions,
    ) -> Result<Option<Encryptor>, Error> {
        match EncryptType::from_name(encrypt_type)? {
            EncryptType::TripleDes => Ok(None),
            encrypt_type => {
                mbasu::FieldEncryptor::new(encrypt_type, options).map(|e| Some(Encryptor(e)))
            }
        }
    }

    pub(crate) fn encrypt(&self, value: &str) -> Result<String, Error> {
        self.0.encrypt(value)
    }

    /// Appends the encrypted value to `out`.
    pub(crate) fn encrypt_to(&self, value: &str, out: &mut String) -> Result<(), Error> {
        self.0.encrypt_to(value, out)
    }
}

/// The encryption `validateApplicant` and friends apply to valid values; SM3 only here.
#[cfg(not(feature = "full"))]
pub(crate) struct Encryptor(HashOptions);

/// The properties of `EncryptFieldOptions` in the slim build, which has no 3DES properties.
#[cfg(not(feature = "full"))]
const ENCRYPT_FIELD_KEYS: &[&str] = &["encryptType", "hexCase", "md5Length"];

#[cfg(not(feature = "full"))]
impl Encryptor {
    pub(crate) fn read(options: &JsValue) -> Result<Encryptor, Error> {
        let options = OptionsObject::new(options, "options.encrypt", ENCRYPT_FIELD_KEYS)?;
        let Some(name) = options.text("encryptType")? else {
            return Err(invalid_argument(
                "缺少 options.encrypt.encryptType",
                "options.encrypt.encryptType is missing",
            ));
        };
        digest_type(&name)?;
        Ok(Encryptor(read_hash_options(&options)?))
    }

    /// The SM3 encryptor, after checking that `encrypt_type` names SM3; never None here.
    pub(crate) fn without_key(
        encrypt_type: &str,
        options: HashOptions,
    ) -> Result<Option<Encryptor>, Error> {
        digest_type(encrypt_type)?;
        Ok(Some(Encryptor(options)))
    }

    pub(crate) fn encrypt(&self, value: &str) -> Result<String, Error> {
        digest(EncryptType::Sm3, value.as_bytes(), self.0)
    }

    /// Appends the SM3 digest of the value to `out`.
    pub(crate) fn encrypt_to(&self, value: &str, out: &mut String) -> Result<(), Error> {
        mbasu::encrypt::hash_hex_to(EncryptType::Sm3, value.as_bytes(), self.0, out)
    }
}

/// Computes the digest of a string's UTF-8 bytes in hexadecimal, lowercase by default.
///
/// `encryptType` is `md5`, `sha256` or `sm3` (case-insensitive); the slim build has `sm3` only.
/// Hash the `value` of a valid `FieldReport`, never the raw input: the spec hashes the
/// canonical value (`X` upper-case, no spaces).
/// Throws `MbasuError` code 500 for an unknown type, 1 for `plaintext`/`3des` or a malformed
/// argument, 3 for a lone surrogate.
#[wasm_bindgen(js_name = hash)]
pub fn hash_js(
    #[wasm_bindgen(unchecked_param_type = "\"md5\" | \"sha256\" | \"sm3\"")] encrypt_type: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HashOptions")] options: JsValue,
) -> JsResult<String> {
    enter();
    let encrypt_type =
        throw_on_error(text(&encrypt_type, "encryptType").and_then(|name| digest_type(&name)))?;
    let value = throw_on_error(text(&value, "value"))?;
    let options = throw_on_error(
        OptionsObject::new(&options, "options", HASH_OPTION_KEYS)
            .and_then(|o| read_hash_options(&o)),
    )?;
    throw_on_error(digest(encrypt_type, value.as_bytes(), options))
}

/// Computes the digest of raw bytes in hexadecimal; otherwise as `hash`.
#[wasm_bindgen(js_name = hashBytes)]
pub fn hash_bytes_js(
    #[wasm_bindgen(unchecked_param_type = "\"md5\" | \"sha256\" | \"sm3\"")] encrypt_type: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HashOptions")] options: JsValue,
) -> JsResult<String> {
    enter();
    let encrypt_type =
        throw_on_error(text(&encrypt_type, "encryptType").and_then(|name| digest_type(&name)))?;
    let value = throw_on_error(bytes(&value, "value"))?;
    let options = throw_on_error(
        OptionsObject::new(&options, "options", HASH_OPTION_KEYS)
            .and_then(|o| read_hash_options(&o)),
    )?;
    throw_on_error(digest(encrypt_type, &value, options))
}

#[cfg(feature = "envelope")]
pub(crate) use triple_des::{read_cipher, TRIPLE_DES_OPTION_KEYS};

#[cfg(feature = "full")]
mod triple_des {
    use mbasu::encrypt::{decode_base64, decode_hex};
    use mbasu::{
        CipherEncoding, CipherMode, EncryptType, Error, ErrorCode, FieldEncryptor, TripleDes,
        TripleDesKey,
    };
    use wasm_bindgen::prelude::*;
    use zeroize::Zeroizing;

    use super::read_hash_options;
    use crate::boundary::{enter, invalid_argument, throw_on_error, JsResult};
    use crate::convert::{bytes, text, OptionsObject};

    #[wasm_bindgen(typescript_custom_section)]
    const TRIPLE_DES_TS: &'static str = r#"
/**
 * A 3DES (DESede) key and mode. Give the key in exactly one form. Every call parses the key
 * afresh, and the decoded key is wiped from WebAssembly memory when the call returns.
 *
 * The key must be 24 bytes (K1‖K2‖K3), as Java's SunJCE requires; a 16-byte key is accepted
 * only with `twoKey: true`, which expands it to K1‖K2‖K1. No key is ever padded or truncated.
 */
export interface TripleDesOptions {
  keyBase64?: string;
  keyHex?: string;
  keyBytes?: Uint8Array;
  twoKey?: boolean;
  /** `ecb` (default, Java's `DESede/ECB/PKCS5Padding`) or `cbc`, which needs an 8-byte IV. */
  mode?: "ecb" | "cbc";
  ivHex?: string;
  ivBytes?: Uint8Array;
  /** Text form of ciphertext: standard Base64 with padding (default) or lowercase hex. */
  encoding?: "base64" | "hex";
}

/** The encryptType names, as `encryptField` takes them. */
export type EncryptType = "plaintext" | "md5" | "sha256" | "sm3" | "3des";

/** Settings of `encryptField`; the 3DES settings apply to `3des` only. */
export interface EncryptFieldOptions extends HashOptions, TripleDesOptions {
  encryptType: EncryptType;
}
"#;

    /// The properties of `TripleDesOptions`.
    pub(crate) const TRIPLE_DES_OPTION_KEYS: &[&str] = &[
        "keyBase64",
        "keyHex",
        "keyBytes",
        "twoKey",
        "mode",
        "ivHex",
        "ivBytes",
        "encoding",
    ];

    /// The properties of `EncryptFieldOptions`: its own, then those of `HashOptions` and
    /// `TripleDesOptions`.
    const ENCRYPT_FIELD_KEYS: &[&str] = &[
        "encryptType",
        "hexCase",
        "md5Length",
        "keyBase64",
        "keyHex",
        "keyBytes",
        "twoKey",
        "mode",
        "ivHex",
        "ivBytes",
        "encoding",
    ];

    fn read_key(options: &OptionsObject) -> Result<TripleDesKey, Error> {
        let base64 = options.text("keyBase64")?;
        let hex = options.text("keyHex")?;
        let raw = options.bytes("keyBytes")?;
        let given = [base64.is_some(), hex.is_some(), raw.is_some()];
        let key_bytes = Zeroizing::new(match (base64, hex, raw) {
            _ if given.iter().filter(|g| **g).count() > 1 => {
                return Err(invalid_argument(
                    "keyBase64、keyHex、keyBytes 只能给出一个",
                    "give only one of keyBase64, keyHex and keyBytes",
                ))
            }
            (Some(text), _, _) => decode_base64(&Zeroizing::new(text))?,
            (_, Some(text), _) => decode_hex(&Zeroizing::new(text))?,
            (_, _, Some(raw)) => raw,
            (None, None, None) => return Err(Error::from_code(ErrorCode::KeyMissing)),
        });
        if options.boolean("twoKey")?.unwrap_or(false) {
            TripleDesKey::from_two_key(&key_bytes)
        } else {
            TripleDesKey::new(&key_bytes)
        }
    }

    fn read_mode(options: &OptionsObject) -> Result<CipherMode, Error> {
        let iv = match (options.text("ivHex")?, options.bytes("ivBytes")?) {
            (Some(_), Some(_)) => {
                return Err(invalid_argument(
                    "ivHex、ivBytes 只能给出一个",
                    "give only one of ivHex and ivBytes",
                ))
            }
            (Some(text), None) => Some(decode_hex(&text)?),
            (None, raw) => raw,
        };
        let cbc = options.choice("mode", &["ecb", "cbc"])? == Some(1);

        match (cbc, iv) {
            (false, None) => Ok(CipherMode::Ecb),
            (false, Some(_)) => Err(Error::from_code(ErrorCode::IvNotAllowed)),
            (true, None) => Err(Error::with_detail(
                ErrorCode::IvLength,
                "CBC 模式需要 ivHex 或 ivBytes",
                "CBC mode needs ivHex or ivBytes",
            )),
            (true, Some(iv)) => {
                let length = iv.len();
                let iv: [u8; 8] = iv.try_into().map_err(|_| {
                    Error::with_detail(
                        ErrorCode::IvLength,
                        &format!("实际为 {length} 字节"),
                        &format!("got {length} bytes"),
                    )
                })?;
                Ok(CipherMode::Cbc { iv })
            }
        }
    }

    pub(crate) fn read_cipher(options: &OptionsObject) -> Result<TripleDes, Error> {
        let key = read_key(options)?;
        let mode = read_mode(options)?;
        let encoding = match options.choice("encoding", &["base64", "hex"])? {
            Some(1) => CipherEncoding::Hex,
            _ => CipherEncoding::Base64,
        };
        Ok(TripleDes::new(key, mode, encoding))
    }

    fn read_cipher_options(options: &JsValue) -> Result<TripleDes, Error> {
        read_cipher(&OptionsObject::new(
            options,
            "options",
            TRIPLE_DES_OPTION_KEYS,
        )?)
    }

    /// Encrypts the UTF-8 bytes of `plaintext` with 3DES (PKCS#7 padding, Java's PKCS5Padding)
    /// and encodes the ciphertext.
    ///
    /// Throws `MbasuError` code 510 without a key, 502 for a key of the wrong length, 503/511
    /// for a missing, wrong or unexpected IV, 504/505 for a key in bad Base64 or hex.
    #[wasm_bindgen(js_name = tripleDesEncrypt)]
    pub fn triple_des_encrypt(
        #[wasm_bindgen(unchecked_param_type = "string")] plaintext: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TripleDesOptions")] options: JsValue,
    ) -> JsResult<String> {
        enter();
        let cipher = throw_on_error(read_cipher_options(&options))?;
        let plaintext = throw_on_error(text(&plaintext, "plaintext"))?;
        Ok(cipher.encrypt_text(&plaintext))
    }

    /// Decodes and decrypts 3DES ciphertext text back into a string; Base64 may contain
    /// line breaks, as old Java encoders wrap every 76 characters.
    ///
    /// Throws the key errors of `tripleDesEncrypt`, and `MbasuError` code 504/505 for bad
    /// ciphertext encoding, 507 for a wrong length, 506 for bad padding (usually a wrong key or
    /// mode), 508 when the plaintext is not UTF-8.
    #[wasm_bindgen(js_name = tripleDesDecrypt)]
    pub fn triple_des_decrypt(
        #[wasm_bindgen(unchecked_param_type = "string")] ciphertext: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TripleDesOptions")] options: JsValue,
    ) -> JsResult<String> {
        enter();
        let cipher = throw_on_error(read_cipher_options(&options))?;
        let ciphertext = throw_on_error(text(&ciphertext, "ciphertext"))?;
        throw_on_error(cipher.decrypt_text(&ciphertext))
    }

    /// Encrypts raw bytes into raw 3DES ciphertext; `encoding` is ignored.
    #[wasm_bindgen(js_name = tripleDesEncryptBytes)]
    pub fn triple_des_encrypt_bytes(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] plaintext: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TripleDesOptions")] options: JsValue,
    ) -> JsResult<Vec<u8>> {
        enter();
        let cipher = throw_on_error(read_cipher_options(&options))?;
        let plaintext = throw_on_error(bytes(&plaintext, "plaintext"))?;
        Ok(cipher.encrypt_bytes(&plaintext))
    }

    /// Decrypts raw 3DES ciphertext, checking the padding; `encoding` is ignored.
    #[wasm_bindgen(js_name = tripleDesDecryptBytes)]
    pub fn triple_des_decrypt_bytes(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] ciphertext: JsValue,
        #[wasm_bindgen(unchecked_param_type = "TripleDesOptions")] options: JsValue,
    ) -> JsResult<Vec<u8>> {
        enter();
        let cipher = throw_on_error(read_cipher_options(&options))?;
        let ciphertext = throw_on_error(bytes(&ciphertext, "ciphertext"))?;
        throw_on_error(cipher.decrypt_bytes(&ciphertext))
    }

    /// Reads the `EncryptFieldOptions` argument named `argument`.
    pub(crate) fn read_field_encryptor(
        options: &JsValue,
        argument: &'static str,
    ) -> Result<FieldEncryptor, Error> {
        let options = OptionsObject::new(options, argument, ENCRYPT_FIELD_KEYS)?;
        let Some(name) = options.text("encryptType")? else {
            return Err(invalid_argument(
                &format!("缺少 {argument}.encryptType"),
                &format!("{argument}.encryptType is missing"),
            ));
        };
        let encrypt_type = EncryptType::from_name(&name)?;
        if encrypt_type == EncryptType::TripleDes {
            Ok(FieldEncryptor::triple_des(read_cipher(&options)?))
        } else {
            FieldEncryptor::new(encrypt_type, read_hash_options(&options)?)
        }
    }

    /// Applies one encryptType to a field value, producing what goes on the wire: the value
    /// unchanged for `plaintext`, a hex digest, or 3DES ciphertext.
    ///
    /// Pass the `value` of a valid `FieldReport`: the spec encrypts the canonical value.
    /// Throws `MbasuError` code 500 for an unknown `encryptType`, the key errors of
    /// `tripleDesEncrypt` for `3des`, 3 for a lone surrogate.
    #[wasm_bindgen(js_name = encryptField)]
    pub fn encrypt_field(
        #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "EncryptFieldOptions")] options: JsValue,
    ) -> JsResult<String> {
        enter();
        let encryptor = throw_on_error(read_field_encryptor(&options, "options"))?;
        let value = throw_on_error(text(&value, "value"))?;
        throw_on_error(encryptor.encrypt(&value))
    }
}
