//! The configuration every fuzz target shares: credentials and a 3DES key, so the sealed and
//! signed paths are reachable.

use mbasu::{CipherEncoding, CipherMode, Config, Credentials, TripleDes, TripleDesKey};

pub fn config() -> Config {
    let credentials = Credentials::from_base64("ORG0001", "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcY")
        .expect("fixed credentials are valid");
    let key = TripleDesKey::new(b"0123456789abcdefghijklmn").expect("fixed key has 24 bytes");
    Config::builder()
        .credentials(credentials)
        .triple_des(TripleDes::new(key, CipherMode::Ecb, CipherEncoding::Base64))
        .build()
}
