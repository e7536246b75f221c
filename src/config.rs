//! The configuration an integration builds once: code table, keys, credentials, prefixes,
//! clock and randomness. It is immutable after building and safe to share across threads.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use zeroize::Zeroizing;

use crate::date::{Clock, SystemClock};
use crate::encrypt::{decode_base64, EncryptTypeCodes, HashOptions, TripleDes, TripleDesKey};
use crate::error::{Error, ErrorCode, Result};
use crate::validate::{Mode, Options};

pub const DEFAULT_REQUEST_REF_PREFIX: &str = "xwdb_";
pub const DEFAULT_RESPONSE_REF_PREFIX: &str = "TR";
/// Bodies larger than this are rejected before parsing; spec bodies are a few hundred bytes.
pub const DEFAULT_MAX_BODY_BYTES: usize = 64 * 1024;
/// The longest requestRefId or prefix accepted, in bytes.
pub const MAX_REF_ID_BYTES: usize = 64;

/// A source of random numbers for the digits of generated reference ids.
pub trait RandomSource: Send + Sync {
    fn next_u64(&self) -> u64;
}

/// Randomness from the standard library's per-process hash keys, mixed with a counter.
///
/// Reference ids need uniqueness, not secrecy, so this avoids a dependency on an OS entropy
/// crate; inject a [`RandomSource`] for anything stronger or for reproducible tests.
#[derive(Debug, Default)]
pub struct StdRandom {
    counter: AtomicU64,
}

impl RandomSource for StdRandom {
    fn next_u64(&self) -> u64 {
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(self.counter.fetch_add(1, Ordering::Relaxed));
        hasher.finish()
    }
}

/// A random source that returns a fixed sequence, for tests and replays.
#[derive(Debug)]
pub struct SequenceRandom {
    values: Vec<u64>,
    next: AtomicU64,
}

impl SequenceRandom {
    pub fn new(values: Vec<u64>) -> SequenceRandom {
        SequenceRandom {
            values,
            next: AtomicU64::new(0),
        }
    }
}

impl RandomSource for SequenceRandom {
    fn next_u64(&self) -> u64 {
        if self.values.is_empty() {
            return 0;
        }
        let index = self.next.fetch_add(1, Ordering::Relaxed) as usize % self.values.len();
        self.values[index]
    }
}

/// The `secretId` and `secretKey` an integration signs and seals with.
#[derive(Clone)]
pub struct Credentials {
    secret_id: String,
    secret_key: Zeroizing<Vec<u8>>,
}

impl Credentials {
    /// Creates credentials from the secretId and the Base64 secretKey as providers issue them.
    pub fn from_base64(secret_id: &str, secret_key_base64: &str) -> Result<Credentials> {
        let secret_key = Zeroizing::new(decode_base64(secret_key_base64)?);
        Credentials::new(secret_id, &secret_key)
    }

    /// Creates credentials from the secretId and the raw secretKey bytes.
    pub fn new(secret_id: &str, secret_key: &[u8]) -> Result<Credentials> {
        let printable = secret_id.bytes().all(|b| b.is_ascii_graphic());
        if secret_id.is_empty() || secret_id.len() > MAX_REF_ID_BYTES || !printable {
            return Err(Error::with_detail(
                ErrorCode::InvalidArgument,
                "secretId 必须是 1 到 64 个可见 ASCII 字符",
                "secretId must be 1 to 64 printable ASCII characters",
            ));
        }
        if secret_key.is_empty() {
            return Err(Error::with_detail(
                ErrorCode::KeyMissing,
                "secretKey 为空",
                "secretKey is empty",
            ));
        }
        Ok(Credentials {
            secret_id: secret_id.to_owned(),
            secret_key: Zeroizing::new(secret_key.to_vec()),
        })
    }

    pub fn secret_id(&self) -> &str {
        &self.secret_id
    }

    pub(crate) fn secret_key(&self) -> &[u8] {
        &self.secret_key
    }

    /// The 3DES cipher for sealed envelopes: ECB, Base64, keyed by the decoded secretKey.
    pub(crate) fn sealing_cipher(&self) -> Result<TripleDes> {
        let key = TripleDesKey::new(&self.secret_key).map_err(|error| {
            Error::new(
                ErrorCode::KeyLength,
                format!("密封报文需要 24 字节的 secretKey：{}", error.message_zh()),
                format!(
                    "sealed envelopes need a 24-byte secretKey: {}",
                    error.message_en()
                ),
            )
        })?;
        Ok(TripleDes::ecb(key))
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("secret_id", &self.secret_id)
            .field("secret_key", &"<redacted>")
            .finish()
    }
}

/// Everything an integration configures once; cheap to clone and shareable across threads.
#[derive(Clone)]
pub struct Config {
    pub(crate) codes: EncryptTypeCodes,
    pub(crate) hash_options: HashOptions,
    pub(crate) triple_des: Option<TripleDes>,
    pub(crate) credentials: Option<Credentials>,
    pub(crate) request_ref_prefix: String,
    pub(crate) response_ref_prefix: String,
    pub(crate) max_body_bytes: usize,
    pub(crate) validation_mode: Mode,
    pub(crate) min_birth_year: i32,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) random: Arc<dyn RandomSource>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            codes: EncryptTypeCodes::default(),
            hash_options: HashOptions::default(),
            triple_des: None,
            credentials: None,
            request_ref_prefix: DEFAULT_REQUEST_REF_PREFIX.to_owned(),
            response_ref_prefix: DEFAULT_RESPONSE_REF_PREFIX.to_owned(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            validation_mode: Mode::Normalize,
            min_birth_year: 1900,
            clock: Arc::new(SystemClock),
            random: Arc::new(StdRandom::default()),
        }
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("codes", &self.codes)
            .field("hash_options", &self.hash_options)
            .field("triple_des", &self.triple_des)
            .field("credentials", &self.credentials)
            .field("request_ref_prefix", &self.request_ref_prefix)
            .field("response_ref_prefix", &self.response_ref_prefix)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("validation_mode", &self.validation_mode)
            .finish_non_exhaustive()
    }
}

impl Config {
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder {
            config: Config::default(),
        }
    }

    pub fn codes(&self) -> &EncryptTypeCodes {
        &self.codes
    }

    pub fn hash_options(&self) -> HashOptions {
        self.hash_options
    }

    pub fn credentials(&self) -> Option<&Credentials> {
        self.credentials.as_ref()
    }

    pub fn triple_des(&self) -> Option<&TripleDes> {
        self.triple_des.as_ref()
    }

    pub fn max_body_bytes(&self) -> usize {
        self.max_body_bytes
    }

    /// Validation options with today's date read from the configured clock.
    pub fn validation_options(&self) -> Options {
        Options {
            mode: self.validation_mode,
            today: Some(self.clock.today()),
            min_birth_year: self.min_birth_year,
        }
    }

    /// Generates a reference id: prefix, `yyMMddHHmmssSSS` in China time, six random digits.
    pub fn generate_ref_id(&self, prefix: &str) -> String {
        let now = crate::date::ChinaDateTime::from_unix_millis(self.clock.now_unix_millis());
        let digits = (self.random.next_u64() % 1_000_000) as u32;

        let mut id = String::with_capacity(prefix.len() + 21);
        id.push_str(prefix);
        now.push_compact_timestamp(&mut id);
        crate::date::push_digits(&mut id, digits, 6);
        id
    }

    pub(crate) fn new_request_ref_id(&self) -> String {
        self.generate_ref_id(&self.request_ref_prefix)
    }

    pub(crate) fn new_response_ref_id(&self) -> String {
        self.generate_ref_id(&self.response_ref_prefix)
    }

    pub(crate) fn sealing_cipher(&self) -> Result<TripleDes> {
        self.credentials
            .as_ref()
            .ok_or_else(|| {
                Error::with_detail(
                    ErrorCode::CredentialsMissing,
                    "密封报文需要配置 secretKey",
                    "sealed envelopes need a configured secretKey",
                )
            })?
            .sealing_cipher()
    }
}

/// Builds a [`Config`]; every setter validates its input.
#[derive(Debug)]
pub struct ConfigBuilder {
    config: Config,
}

impl ConfigBuilder {
    pub fn codes(mut self, codes: EncryptTypeCodes) -> Self {
        self.config.codes = codes;
        self
    }

    pub fn hash_options(mut self, options: HashOptions) -> Self {
        self.config.hash_options = options;
        self
    }

    /// The 3DES cipher for fields sent with encryptType 3DES.
    pub fn triple_des(mut self, cipher: TripleDes) -> Self {
        self.config.triple_des = Some(cipher);
        self
    }

    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.config.credentials = Some(credentials);
        self
    }

    pub fn request_ref_prefix(mut self, prefix: &str) -> Result<Self> {
        check_prefix(prefix)?;
        self.config.request_ref_prefix = prefix.to_owned();
        Ok(self)
    }

    pub fn response_ref_prefix(mut self, prefix: &str) -> Result<Self> {
        check_prefix(prefix)?;
        self.config.response_ref_prefix = prefix.to_owned();
        Ok(self)
    }

    /// The largest body accepted, in bytes.
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.config.max_body_bytes = bytes;
        self
    }

    /// Strict or normalising validation of the fields of built requests; normalising by default.
    pub fn validation_mode(mut self, mode: Mode) -> Self {
        self.config.validation_mode = mode;
        self
    }

    pub fn min_birth_year(mut self, year: i32) -> Self {
        self.config.min_birth_year = year;
        self
    }

    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.config.clock = clock;
        self
    }

    pub fn random(mut self, random: Arc<dyn RandomSource>) -> Self {
        self.config.random = random;
        self
    }

    pub fn build(self) -> Config {
        self.config
    }
}

/// Checks a reference id or prefix: printable ASCII without quotes or backslashes, so it
/// survives every transport unescaped.
pub(crate) fn check_ref_text(text: &str, allow_empty: bool) -> Result<()> {
    let allowed = |b: u8| b.is_ascii_graphic() && b != b'"' && b != b'\\';
    if (!allow_empty && text.is_empty())
        || text.len() > MAX_REF_ID_BYTES
        || !text.bytes().all(allowed)
    {
        return Err(Error::with_detail(
            ErrorCode::InvalidRequestRefId,
            "必须是 1 到 64 个可见 ASCII 字符，不含引号和反斜杠",
            "it must be 1 to 64 printable ASCII characters without quotes or backslashes",
        ));
    }
    Ok(())
}

fn check_prefix(prefix: &str) -> Result<()> {
    check_ref_text(prefix, true)?;
    if prefix.len() > MAX_REF_ID_BYTES - 21 {
        return Err(Error::with_detail(
            ErrorCode::InvalidRequestRefId,
            "前缀最长 43 个字符",
            "a prefix has at most 43 characters",
        ));
    }
    Ok(())
}
