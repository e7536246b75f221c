//! The spec's encryptType: plaintext, MD5, SHA256, SM3 (GB/T 32905) and 3DES, applied to the
//! UTF-8 bytes of a validated field.

use std::fmt;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use des::cipher::block_padding::Pkcs7;
use des::cipher::{BlockModeDecrypt, BlockModeEncrypt, KeyInit, KeyIvInit};
use des::TdesEde3;
use md5::{Digest, Md5};
use sha2::Sha256;
use sm3::Sm3;
use zeroize::{Zeroize, Zeroizing};

use crate::error::{Error, ErrorCode, Result};

/// The protection applied to a field before it is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EncryptType {
    Plaintext,
    Md5,
    Sha256,
    Sm3,
    TripleDes,
}

impl EncryptType {
    pub const ALL: [EncryptType; 5] = [
        EncryptType::Plaintext,
        EncryptType::Md5,
        EncryptType::Sha256,
        EncryptType::Sm3,
        EncryptType::TripleDes,
    ];

    /// The stable lowercase name used by the CLI and bindings.
    pub fn name(self) -> &'static str {
        match self {
            EncryptType::Plaintext => "plaintext",
            EncryptType::Md5 => "md5",
            EncryptType::Sha256 => "sha256",
            EncryptType::Sm3 => "sm3",
            EncryptType::TripleDes => "3des",
        }
    }

    /// Parses a name as [`EncryptType::name`] spells it; case-insensitive.
    pub fn from_name(name: &str) -> Result<EncryptType> {
        EncryptType::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                Error::with_detail(
                    ErrorCode::UnknownEncryptType,
                    "可用的加密方式为 plaintext、md5、sha256、sm3、3des",
                    "expected one of plaintext, md5, sha256, sm3, 3des",
                )
            })
    }

    /// Whether the field is hashed, so the provider must compare digests.
    pub fn is_hash(self) -> bool {
        matches!(
            self,
            EncryptType::Md5 | EncryptType::Sha256 | EncryptType::Sm3
        )
    }
}

/// The `encryptType` codes sent on the wire; the spec lists the methods but not the codes, so
/// each integration may agree its own. The default is `0` plaintext, `1` MD5, `2` SHA256,
/// `3` SM3, `4` 3DES.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncryptTypeCodes {
    codes: [String; 5],
}

impl Default for EncryptTypeCodes {
    fn default() -> Self {
        EncryptTypeCodes {
            codes: ["0", "1", "2", "3", "4"].map(String::from),
        }
    }
}

impl EncryptTypeCodes {
    /// Creates a table; each code must be 1 or 2 printable ASCII characters and all distinct.
    pub fn new(
        plaintext: &str,
        md5: &str,
        sha256: &str,
        sm3: &str,
        triple_des: &str,
    ) -> Result<Self> {
        let codes = [plaintext, md5, sha256, sm3, triple_des];
        for (index, code) in codes.iter().enumerate() {
            let printable = code.bytes().all(|b| b.is_ascii_graphic());
            if !(1..=2).contains(&code.len()) || !printable {
                return Err(Error::with_detail(
                    ErrorCode::InvalidCodeTable,
                    &format!(
                        "{} 的代码必须是 1 到 2 个可见 ASCII 字符",
                        EncryptType::ALL[index].name()
                    ),
                    &format!(
                        "the code for {} must be 1 or 2 printable ASCII characters",
                        EncryptType::ALL[index].name()
                    ),
                ));
            }
            if codes[..index].contains(code) {
                return Err(Error::with_detail(
                    ErrorCode::InvalidCodeTable,
                    &format!("代码 {code} 重复"),
                    &format!("code {code} is used twice"),
                ));
            }
        }
        Ok(EncryptTypeCodes {
            codes: codes.map(String::from),
        })
    }

    /// The wire code of an encryptType.
    pub fn code(&self, encrypt_type: EncryptType) -> &str {
        let index = EncryptType::ALL
            .iter()
            .position(|t| *t == encrypt_type)
            .unwrap_or(0);
        &self.codes[index]
    }

    /// Looks up the encryptType a wire code stands for.
    pub fn lookup(&self, code: &str) -> Result<EncryptType> {
        self.codes
            .iter()
            .position(|c| c == code)
            .map(|index| EncryptType::ALL[index])
            .ok_or_else(|| {
                let known = self.codes.join("、");
                Error::with_detail(
                    ErrorCode::UnknownEncryptType,
                    &format!("代码 {code} 不在代码表中（{known}）"),
                    &format!(
                        "code {code} is not in the code table ({})",
                        self.codes.join(", ")
                    ),
                )
            })
    }
}

/// Letter case of hexadecimal digests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum HexCase {
    #[default]
    Lower,
    Upper,
}

/// Output format of hexadecimal digests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HashOptions {
    pub case: HexCase,
    /// Print MD5 as the 16-character form (hex characters 8 to 24) some Chinese specs ask for.
    pub md5_16: bool,
}

/// Encodes bytes as hexadecimal through a lookup table.
///
/// `hex::encode` collects `char`s one at a time, which costs as much as the SM3 of a short field.
pub fn encode_hex(bytes: &[u8], case: HexCase) -> String {
    let digits: &[u8; 16] = match case {
        HexCase::Lower => b"0123456789abcdef",
        HexCase::Upper => b"0123456789ABCDEF",
    };
    // Extending reserved capacity skips zeroing the buffer first. Pushing `char`s into a
    // `String` would be slower, because each push checks the character's UTF-8 width.
    let mut text = Vec::with_capacity(bytes.len() * 2);
    text.extend(bytes.iter().flat_map(|&byte| {
        [
            digits[usize::from(byte >> 4)],
            digits[usize::from(byte & 0x0f)],
        ]
    }));
    String::from_utf8(text).unwrap_or_default()
}

/// Computes a digest of `bytes` in hexadecimal. `encrypt_type` must be MD5, SHA256 or SM3.
pub fn hash_hex(encrypt_type: EncryptType, bytes: &[u8], options: HashOptions) -> Result<String> {
    let case = options.case;
    let text = match encrypt_type {
        EncryptType::Md5 => {
            let digest = Md5::digest(bytes);
            if options.md5_16 {
                encode_hex(&digest[4..12], case)
            } else {
                encode_hex(&digest, case)
            }
        }
        EncryptType::Sha256 => encode_hex(&Sha256::digest(bytes), case),
        EncryptType::Sm3 => encode_hex(&Sm3::digest(bytes), case),
        EncryptType::Plaintext | EncryptType::TripleDes => {
            return Err(Error::with_detail(
                ErrorCode::InvalidArgument,
                "只有 md5、sha256、sm3 是摘要算法",
                "only md5, sha256 and sm3 are digests",
            ))
        }
    };
    Ok(text)
}

/// A 3DES (DESede, three-key EDE) key of 24 bytes, wiped from memory on drop.
///
/// Degenerate and parity-less keys are accepted, as Java's SunJCE accepts them.
#[derive(Clone)]
pub struct TripleDesKey {
    bytes: Zeroizing<[u8; 24]>,
}

impl TripleDesKey {
    /// Creates a key from exactly 24 bytes (K1‖K2‖K3); any other length is an error, never
    /// padded or truncated.
    pub fn new(bytes: &[u8]) -> Result<TripleDesKey> {
        let array: [u8; 24] = bytes.try_into().map_err(|_| {
            let length = bytes.len();
            let hint_zh = if length == 16 {
                "；16 字节的双倍长密钥需显式选择 K1K2K1 形式"
            } else {
                ""
            };
            let hint_en = if length == 16 {
                "; a 16-byte double-length key needs the explicit K1K2K1 form"
            } else {
                ""
            };
            Error::with_detail(
                ErrorCode::KeyLength,
                &format!("需要 24 字节，实际为 {length} 字节{hint_zh}"),
                &format!("expected 24 bytes, got {length}{hint_en}"),
            )
        })?;
        Ok(TripleDesKey {
            bytes: Zeroizing::new(array),
        })
    }

    /// Creates a key from a 16-byte double-length key K1‖K2, expanded to K1‖K2‖K1.
    pub fn from_two_key(bytes: &[u8]) -> Result<TripleDesKey> {
        if bytes.len() != 16 {
            let length = bytes.len();
            return Err(Error::with_detail(
                ErrorCode::KeyLength,
                &format!("双倍长密钥需要 16 字节，实际为 {length} 字节"),
                &format!("a double-length key has 16 bytes, got {length}"),
            ));
        }
        let mut expanded = Zeroizing::new([0u8; 24]);
        expanded[..16].copy_from_slice(bytes);
        expanded[16..].copy_from_slice(&bytes[..8]);
        Ok(TripleDesKey { bytes: expanded })
    }

    /// Creates a key from Base64 text (whitespace ignored) that decodes to 24 bytes.
    pub fn from_base64(text: &str) -> Result<TripleDesKey> {
        let decoded = Zeroizing::new(decode_base64(text)?);
        TripleDesKey::new(&decoded)
    }

    /// Creates a key from 48 hexadecimal digits.
    pub fn from_hex(text: &str) -> Result<TripleDesKey> {
        let decoded = Zeroizing::new(decode_hex(text)?);
        TripleDesKey::new(&decoded)
    }

    fn cipher_key(&self) -> &[u8; 24] {
        &self.bytes
    }
}

impl fmt::Debug for TripleDesKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TripleDesKey(<redacted>)")
    }
}

/// The block mode of 3DES.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum CipherMode {
    /// ECB, Java's `DESede/ECB/PKCS5Padding` and SunJCE's default for `DESede`.
    #[default]
    Ecb,
    /// CBC with an explicit 8-byte IV; there is no default IV.
    Cbc { iv: [u8; 8] },
}

impl fmt::Debug for CipherMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CipherMode::Ecb => f.write_str("Ecb"),
            CipherMode::Cbc { .. } => f.write_str("Cbc { iv: <redacted> }"),
        }
    }
}

/// Text encoding of ciphertext.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum CipherEncoding {
    /// Standard Base64 with padding and without line breaks.
    #[default]
    Base64,
    /// Lowercase hexadecimal.
    Hex,
}

/// 3DES with PKCS#7 padding (Java's PKCS5Padding), in a chosen mode and text encoding.
#[derive(Clone, Debug)]
pub struct TripleDes {
    key: TripleDesKey,
    mode: CipherMode,
    encoding: CipherEncoding,
}

impl TripleDes {
    pub fn new(key: TripleDesKey, mode: CipherMode, encoding: CipherEncoding) -> TripleDes {
        TripleDes {
            key,
            mode,
            encoding,
        }
    }

    /// ECB with Base64 output, the contract's default.
    pub fn ecb(key: TripleDesKey) -> TripleDes {
        TripleDes::new(key, CipherMode::Ecb, CipherEncoding::Base64)
    }

    pub fn mode(&self) -> CipherMode {
        self.mode
    }

    pub fn encoding(&self) -> CipherEncoding {
        self.encoding
    }

    /// Encrypts bytes into raw ciphertext.
    pub fn encrypt_bytes(&self, plaintext: &[u8]) -> Vec<u8> {
        let key = self.key.cipher_key().into();
        match self.mode {
            CipherMode::Ecb => {
                ecb::Encryptor::<TdesEde3>::new(key).encrypt_padded_vec::<Pkcs7>(plaintext)
            }
            CipherMode::Cbc { iv } => cbc::Encryptor::<TdesEde3>::new(key, &iv.into())
                .encrypt_padded_vec::<Pkcs7>(plaintext),
        }
    }

    /// Decrypts raw ciphertext, checking the padding.
    pub fn decrypt_bytes(&self, ciphertext: &[u8]) -> Result<Vec<u8>> {
        if ciphertext.is_empty() || ciphertext.len() % 8 != 0 {
            let length = ciphertext.len();
            return Err(Error::with_detail(
                ErrorCode::CiphertextLength,
                &format!("密文为 {length} 字节"),
                &format!("the ciphertext has {length} bytes"),
            ));
        }
        let key = self.key.cipher_key().into();
        let decrypted = match self.mode {
            CipherMode::Ecb => {
                ecb::Decryptor::<TdesEde3>::new(key).decrypt_padded_vec::<Pkcs7>(ciphertext)
            }
            CipherMode::Cbc { iv } => cbc::Decryptor::<TdesEde3>::new(key, &iv.into())
                .decrypt_padded_vec::<Pkcs7>(ciphertext),
        };
        decrypted.map_err(|_| Error::from_code(ErrorCode::BadPadding))
    }

    /// Encrypts the UTF-8 bytes of `text` and encodes the ciphertext.
    pub fn encrypt_text(&self, text: &str) -> String {
        let ciphertext = self.encrypt_bytes(text.as_bytes());
        match self.encoding {
            CipherEncoding::Base64 => BASE64.encode(ciphertext),
            CipherEncoding::Hex => encode_hex(&ciphertext, HexCase::Lower),
        }
    }

    /// Decodes and decrypts ciphertext text back into UTF-8 text. Base64 may contain
    /// whitespace and line breaks, as old Java encoders wrap every 76 characters.
    pub fn decrypt_text(&self, encoded: &str) -> Result<String> {
        let ciphertext = match self.encoding {
            CipherEncoding::Base64 => decode_base64(encoded)?,
            CipherEncoding::Hex => decode_hex(encoded)?,
        };
        let mut plaintext = self.decrypt_bytes(&ciphertext)?;
        match String::from_utf8(std::mem::take(&mut plaintext)) {
            Ok(text) => Ok(text),
            Err(error) => {
                error.into_bytes().zeroize();
                Err(Error::from_code(ErrorCode::DecryptedNotUtf8))
            }
        }
    }
}

/// Decodes standard Base64 with padding, ignoring ASCII whitespace anywhere in it.
pub fn decode_base64(text: &str) -> Result<Vec<u8>> {
    let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    BASE64.decode(&compact).map_err(|error| {
        use base64::DecodeError;

        // Positions count from 1 the characters left after whitespace is removed.
        let (zh, en) = match error {
            DecodeError::InvalidByte(offset, _) => (
                format!("第 {} 个字符不是 Base64 字符", offset + 1),
                format!("character {} is not a Base64 character", offset + 1),
            ),
            DecodeError::InvalidLength(length) => (
                format!("长度 {length} 不是合法的 Base64 长度"),
                format!("a length of {length} is not valid Base64"),
            ),
            DecodeError::InvalidLastSymbol { offset, .. } => (
                format!("第 {} 个字符（最后一个）无效", offset + 1),
                format!("the last character, number {}, is invalid", offset + 1),
            ),
            DecodeError::InvalidPadding => (
                "填充 = 不正确".to_owned(),
                "the = padding is wrong".to_owned(),
            ),
        };
        Error::with_detail(
            ErrorCode::InvalidBase64,
            &format!("{zh}，需要带 = 填充的标准 Base64"),
            &format!("{en}; expected standard Base64 with '=' padding"),
        )
    })
}

/// Encodes bytes as standard Base64 with padding and no line breaks.
pub fn encode_base64(bytes: &[u8]) -> String {
    BASE64.encode(bytes)
}

/// Decodes hexadecimal text of either case, ignoring ASCII whitespace.
pub fn decode_hex(text: &str) -> Result<Vec<u8>> {
    let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    hex::decode(compact).map_err(|error| {
        let (zh, en) = match error {
            hex::FromHexError::InvalidHexCharacter { index, .. } => (
                format!("第 {} 个字符不是十六进制数字", index + 1),
                format!("character {} is not a hexadecimal digit", index + 1),
            ),
            hex::FromHexError::OddLength | hex::FromHexError::InvalidStringLength => (
                "十六进制数字的个数必须是偶数".to_owned(),
                "a hexadecimal string needs an even number of digits".to_owned(),
            ),
        };
        Error::with_detail(ErrorCode::InvalidHex, &zh, &en)
    })
}

/// Applies one encryptType to field values, producing what goes on the wire.
#[derive(Clone, Debug)]
pub struct FieldEncryptor {
    encrypt_type: EncryptType,
    hash_options: HashOptions,
    triple_des: Option<TripleDes>,
}

impl FieldEncryptor {
    /// An encryptor for a digest or plaintext; 3DES needs [`FieldEncryptor::triple_des`].
    pub fn new(encrypt_type: EncryptType, hash_options: HashOptions) -> Result<FieldEncryptor> {
        if encrypt_type == EncryptType::TripleDes {
            return Err(Error::from_code(ErrorCode::KeyMissing));
        }
        Ok(FieldEncryptor {
            encrypt_type,
            hash_options,
            triple_des: None,
        })
    }

    /// An encryptor for 3DES with the given cipher.
    pub fn triple_des(cipher: TripleDes) -> FieldEncryptor {
        FieldEncryptor {
            encrypt_type: EncryptType::TripleDes,
            hash_options: HashOptions::default(),
            triple_des: Some(cipher),
        }
    }

    pub fn encrypt_type(&self) -> EncryptType {
        self.encrypt_type
    }

    /// Encrypts one field value (already validated and normalised).
    pub fn encrypt(&self, value: &str) -> Result<String> {
        match (self.encrypt_type, &self.triple_des) {
            (EncryptType::Plaintext, _) => Ok(value.to_owned()),
            (EncryptType::TripleDes, Some(cipher)) => Ok(cipher.encrypt_text(value)),
            (EncryptType::TripleDes, None) => Err(Error::from_code(ErrorCode::KeyMissing)),
            (digest, _) => hash_hex(digest, value.as_bytes(), self.hash_options),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_debug_is_redacted() {
        let key = TripleDesKey::new(&[7u8; 24]).unwrap();
        assert_eq!(format!("{key:?}"), "TripleDesKey(<redacted>)");
        let cipher = TripleDes::new(key, CipherMode::Cbc { iv: [1; 8] }, CipherEncoding::Hex);
        assert!(!format!("{cipher:?}").contains('7'));
    }

    #[test]
    fn key_lengths_rejected() {
        for length in [0, 8, 16, 23, 25, 32] {
            let error = TripleDesKey::new(&vec![1u8; length]).unwrap_err();
            assert_eq!(error.code(), ErrorCode::KeyLength, "{length}");
        }
    }

    #[test]
    fn code_table_rejects_duplicates_and_lengths() {
        assert!(EncryptTypeCodes::new("0", "1", "2", "3", "1").is_err());
        assert!(EncryptTypeCodes::new("", "1", "2", "3", "4").is_err());
        assert!(EncryptTypeCodes::new("000", "1", "2", "3", "4").is_err());
        let table = EncryptTypeCodes::new("00", "01", "02", "03", "04").unwrap();
        assert_eq!(table.lookup("03").unwrap(), EncryptType::Sm3);
        assert_eq!(table.code(EncryptType::TripleDes), "04");
        assert_eq!(
            table.lookup("3").unwrap_err().code(),
            ErrorCode::UnknownEncryptType
        );
    }

    #[test]
    fn decrypt_rejects_wrong_lengths() {
        let cipher = TripleDes::ecb(TripleDesKey::new(&[3u8; 24]).unwrap());
        assert_eq!(
            cipher.decrypt_bytes(&[]).unwrap_err().code(),
            ErrorCode::CiphertextLength
        );
        assert_eq!(
            cipher.decrypt_bytes(&[0; 7]).unwrap_err().code(),
            ErrorCode::CiphertextLength
        );
    }
}
