//! The spec's encryptType: plaintext, MD5, SHA256, SM3 (GB/T 32905) and 3DES, applied to the
//! UTF-8 bytes of a validated field.

use std::fmt;

use des::cipher::{Block, BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};
use des::TdesEde3;
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, Zeroizing};

use crate::base64::{self, DecodeError};
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
    let digits = hex_digits(case);
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

/// Appends the hexadecimal form of `bytes` to `out`, as [`encode_hex`] returns it.
pub fn encode_hex_to(bytes: &[u8], case: HexCase, out: &mut String) {
    let digits = hex_digits(case);
    out.reserve(bytes.len() * 2);
    // The digits go through a stack buffer and one `push_str` per 32 bytes, because pushing
    // `char`s checks each one's UTF-8 width and this crate forbids writing into the `String`'s
    // bytes directly.
    let mut buffer = [0u8; 64];
    for chunk in bytes.chunks(32) {
        for (pair, &byte) in buffer.chunks_exact_mut(2).zip(chunk) {
            pair[0] = digits[usize::from(byte >> 4)];
            pair[1] = digits[usize::from(byte & 0x0f)];
        }
        let length = chunk.len() * 2;
        // Hex digits are ASCII, so the conversion cannot fail and the `if let` always runs.
        if let Ok(text) = std::str::from_utf8(&buffer[..length]) {
            out.push_str(text);
        }
    }
}

fn hex_digits(case: HexCase) -> &'static [u8; 16] {
    match case {
        HexCase::Lower => b"0123456789abcdef",
        HexCase::Upper => b"0123456789ABCDEF",
    }
}

/// Computes a digest of `bytes` in hexadecimal. `encrypt_type` must be MD5, SHA256 or SM3.
pub fn hash_hex(encrypt_type: EncryptType, bytes: &[u8], options: HashOptions) -> Result<String> {
    let digest = DigestBytes::compute(encrypt_type, bytes, options)?;
    Ok(encode_hex(digest.bytes(), options.case))
}

/// Appends the digest of `bytes` in hexadecimal to `out`, as [`hash_hex`] returns it, so a
/// caller that writes many digests can reuse one buffer. `out` is unchanged on error.
pub fn hash_hex_to(
    encrypt_type: EncryptType,
    bytes: &[u8],
    options: HashOptions,
    out: &mut String,
) -> Result<()> {
    let digest = DigestBytes::compute(encrypt_type, bytes, options)?;
    encode_hex_to(digest.bytes(), options.case, out);
    Ok(())
}

// The `compact-digests` feature swaps the RustCrypto crates' MD5 and SM3 for the smaller
// loop-based ones of `compact_digest`.
#[cfg(feature = "compact-digests")]
use crate::compact_digest::{md5, sm3};

#[cfg(not(feature = "compact-digests"))]
#[inline(always)]
fn md5(bytes: &[u8]) -> md5::digest::Output<md5::Md5> {
    md5::Md5::digest(bytes)
}

#[cfg(not(feature = "compact-digests"))]
#[inline(always)]
fn sm3(bytes: &[u8]) -> sm3::digest::Output<sm3::Sm3> {
    sm3::Sm3::digest(bytes)
}

/// The bytes of a digest as `hash_hex` prints them: all of it, or MD5's middle 8 bytes.
struct DigestBytes {
    bytes: [u8; 32],
    length: usize,
}

impl DigestBytes {
    fn compute(
        encrypt_type: EncryptType,
        bytes: &[u8],
        options: HashOptions,
    ) -> Result<DigestBytes> {
        let mut digest = DigestBytes {
            bytes: [0; 32],
            length: 0,
        };
        let mut keep = |output: &[u8]| {
            digest.bytes[..output.len()].copy_from_slice(output);
            digest.length = output.len();
        };
        match encrypt_type {
            EncryptType::Md5 if options.md5_16 => keep(&md5(bytes)[4..12]),
            EncryptType::Md5 => keep(&md5(bytes)),
            EncryptType::Sha256 => keep(&Sha256::digest(bytes)),
            EncryptType::Sm3 => keep(&sm3(bytes)),
            EncryptType::Plaintext | EncryptType::TripleDes => {
                return Err(Error::with_detail(
                    ErrorCode::InvalidArgument,
                    "只有 md5、sha256、sm3 是摘要算法",
                    "only md5, sha256 and sm3 are digests",
                ))
            }
        }
        Ok(digest)
    }

    fn bytes(&self) -> &[u8] {
        &self.bytes[..self.length]
    }
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
    //
    // ECB and CBC are written out here rather than taken from the `ecb` and `cbc` crates,
    // whose four generic encryptors and decryptors were about 4 KB of the WebAssembly build.
    pub fn encrypt_bytes(&self, plaintext: &[u8]) -> Vec<u8> {
        let cipher = TdesEde3::new(self.key.cipher_key().into());
        // PKCS#7: 1 to 8 bytes, each the count of bytes added.
        let padding = 8 - plaintext.len() % 8;
        let mut data = Vec::with_capacity(plaintext.len() + padding);
        data.extend_from_slice(plaintext);
        data.resize(plaintext.len() + padding, padding as u8);

        let mut chained = self.mode.chain_start();
        for chunk in data.chunks_exact_mut(8) {
            let mut block = Block::<TdesEde3>::default();
            block.copy_from_slice(chunk);
            if let Some(previous) = &chained {
                xor_block(&mut block, previous);
            }
            cipher.encrypt_block(&mut block);
            chunk.copy_from_slice(&block);
            if let Some(previous) = &mut chained {
                previous.copy_from_slice(&block);
            }
        }
        data
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
        let cipher = TdesEde3::new(self.key.cipher_key().into());
        let mut data = ciphertext.to_vec();
        let mut chained = self.mode.chain_start();
        for chunk in data.chunks_exact_mut(8) {
            let mut block = Block::<TdesEde3>::default();
            block.copy_from_slice(chunk);
            cipher.decrypt_block(&mut block);
            if let Some(previous) = &mut chained {
                xor_block(&mut block, previous);
                previous.copy_from_slice(chunk);
            }
            chunk.copy_from_slice(&block);
        }

        // The last byte counts the padding bytes, 1 to 8, and each of them is that count.
        let padding = data.last().copied().unwrap_or(0);
        let length = data.len().checked_sub(usize::from(padding));
        let padded = (1..=8).contains(&padding)
            && length.is_some_and(|length| data[length..].iter().all(|&byte| byte == padding));
        match length {
            Some(length) if padded => {
                data.truncate(length);
                Ok(data)
            }
            _ => {
                data.zeroize();
                Err(Error::from_code(ErrorCode::BadPadding))
            }
        }
    }

    /// Encrypts the UTF-8 bytes of `text` and encodes the ciphertext.
    pub fn encrypt_text(&self, text: &str) -> String {
        let ciphertext = self.encrypt_bytes(text.as_bytes());
        match self.encoding {
            CipherEncoding::Base64 => base64::encode(&ciphertext),
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

impl CipherMode {
    /// Returns the block CBC chains the first block with (its IV), or `None` for ECB.
    fn chain_start(self) -> Option<[u8; 8]> {
        match self {
            CipherMode::Ecb => None,
            CipherMode::Cbc { iv } => Some(iv),
        }
    }
}

fn xor_block(block: &mut [u8], other: &[u8; 8]) {
    for (byte, other) in block.iter_mut().zip(other) {
        *byte ^= other;
    }
}

/// Decodes standard Base64 with padding, ignoring ASCII whitespace anywhere in it.
pub fn decode_base64(text: &str) -> Result<Vec<u8>> {
    let compact: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    base64::decode(&compact).map_err(|error| {
        // Positions count from 1 the characters left after whitespace is removed.
        let (zh, en) = match error {
            DecodeError::Byte(offset) => (
                format!("第 {} 个字符不是 Base64 字符", offset + 1),
                format!("character {} is not a Base64 character", offset + 1),
            ),
            DecodeError::Length(length) => (
                format!("长度 {length} 不是合法的 Base64 长度"),
                format!("a length of {length} is not valid Base64"),
            ),
            DecodeError::LastSymbol(offset) => (
                format!("第 {} 个字符（最后一个）无效", offset + 1),
                format!("the last character, number {}, is invalid", offset + 1),
            ),
            DecodeError::Padding => (
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
    base64::encode(bytes)
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

    /// Appends what [`FieldEncryptor::encrypt`] returns to `out`, without allocating for a
    /// digest or plaintext once `out` has the capacity. `out` is unchanged on error.
    pub fn encrypt_to(&self, value: &str, out: &mut String) -> Result<()> {
        match (self.encrypt_type, &self.triple_des) {
            (EncryptType::Plaintext, _) => out.push_str(value),
            (EncryptType::TripleDes, Some(cipher)) => out.push_str(&cipher.encrypt_text(value)),
            (EncryptType::TripleDes, None) => return Err(Error::from_code(ErrorCode::KeyMissing)),
            (digest, _) => hash_hex_to(digest, value.as_bytes(), self.hash_options, out)?,
        }
        Ok(())
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
    #[test]
    fn encrypt_to_appends_what_encrypt_returns() {
        let upper = HashOptions {
            case: HexCase::Upper,
            md5_16: true,
        };
        let cipher = TripleDes::ecb(TripleDesKey::new(&[5u8; 24]).unwrap());
        let encryptors = [
            FieldEncryptor::new(EncryptType::Plaintext, HashOptions::default()).unwrap(),
            FieldEncryptor::new(EncryptType::Md5, upper).unwrap(),
            FieldEncryptor::new(EncryptType::Sha256, HashOptions::default()).unwrap(),
            FieldEncryptor::new(EncryptType::Sm3, upper).unwrap(),
            FieldEncryptor::triple_des(cipher),
        ];
        for encryptor in &encryptors {
            let mut out = String::from("prefix:");
            encryptor.encrypt_to("张三13800138000", &mut out).unwrap();
            let expected = encryptor.encrypt("张三13800138000").unwrap();
            assert_eq!(
                out,
                format!("prefix:{expected}"),
                "{:?}",
                encryptor.encrypt_type()
            );
        }
    }

    #[test]
    fn encode_hex_to_covers_long_input() {
        let bytes: Vec<u8> = (0..=255).collect();
        let mut out = String::new();
        encode_hex_to(&bytes, HexCase::Lower, &mut out);
        assert_eq!(out, hex::encode(&bytes));
        assert_eq!(
            encode_hex(&bytes, HexCase::Upper),
            hex::encode_upper(&bytes)
        );
    }

    #[test]
    fn hash_hex_to_leaves_output_on_error() {
        let mut out = String::from("kept");
        let error = hash_hex_to(
            EncryptType::Plaintext,
            b"x",
            HashOptions::default(),
            &mut out,
        )
        .unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidArgument);
        assert_eq!(out, "kept");
    }
    #[test]
    fn decrypt_rejects_bad_padding() {
        let key = TripleDesKey::new(&[9u8; 24]).unwrap();
        for mode in [CipherMode::Ecb, CipherMode::Cbc { iv: [4; 8] }] {
            let cipher = TripleDes::new(key.clone(), mode, CipherEncoding::Base64);
            // The first block of a ciphertext is its plaintext block without the padding
            // block, in ECB and in CBC alike.
            let plaintexts: [[u8; 8]; 4] = [
                [1, 2, 3, 4, 5, 6, 7, 0],
                [1, 2, 3, 4, 5, 6, 7, 9],
                [1, 2, 3, 4, 5, 6, 2, 3],
                [8; 8],
            ];
            for plaintext in plaintexts {
                let first_block = &cipher.encrypt_bytes(&plaintext)[..8];
                let result = cipher.decrypt_bytes(first_block);
                if plaintext == [8; 8] {
                    assert_eq!(result.unwrap(), Vec::<u8>::new(), "{mode:?}");
                } else {
                    let error = result.unwrap_err();
                    assert_eq!(
                        error.code(),
                        ErrorCode::BadPadding,
                        "{mode:?} {plaintext:?}"
                    );
                }
            }
            let round_trip = cipher.decrypt_bytes(&cipher.encrypt_bytes(b"13800138000"));
            assert_eq!(round_trip.unwrap(), b"13800138000", "{mode:?}");
        }
    }
}
