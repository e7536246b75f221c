//! Standard Base64 (RFC 4648 section 4) with `=` padding, as Java's `Base64.getEncoder()`
//! writes it and `Base64.getDecoder()` reads it.
//!
//! The crate's own codec instead of the `base64` crate: 3DES keys, ciphertext and signatures
//! are short, and the generic engine was about 5 KB of the WebAssembly build.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// The reason a text is not canonical padded Base64. Offsets count bytes of the decoded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// The byte at this offset is no Base64 symbol, or an `=` before the padding.
    Byte(usize),
    /// The text has this many symbols, one more than a multiple of four, which no bytes encode.
    Length(usize),
    /// The last symbol, at this offset, has bits set that encode nothing.
    LastSymbol(usize),
    /// The `=` padding is missing or too long.
    Padding,
}

/// Encodes bytes with padding and without line breaks.
pub(crate) fn encode(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (index, &byte)| {
                group | u32::from(byte) << (16 - 8 * index)
            });
        // A group of n bytes takes n + 1 symbols; padding fills the rest of the four.
        for index in 0..4 {
            if index <= chunk.len() {
                let symbol = (group >> (18 - 6 * index)) & 0x3f;
                text.push(char::from(ALPHABET[symbol as usize]));
            } else {
                text.push('=');
            }
        }
    }
    text
}

/// Decodes canonical padded Base64: every group of four symbols complete, `=` only as the
/// padding of the last group, and no bits set beyond the last byte.
pub(crate) fn decode(text: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let padding = text.iter().rev().take_while(|&&byte| byte == b'=').count();
    let symbols = &text[..text.len() - padding];

    let mut bytes = Vec::with_capacity(symbols.len() / 4 * 3 + 2);
    let mut group = 0u32;
    for (offset, &byte) in symbols.iter().enumerate() {
        let value = symbol_value(byte).ok_or(DecodeError::Byte(offset))?;
        group = group << 6 | u32::from(value);
        if offset % 4 == 3 {
            bytes.extend_from_slice(&group.to_be_bytes()[1..]);
            group = 0;
        }
    }

    let rest = symbols.len() % 4;
    if rest == 1 {
        return Err(DecodeError::Length(symbols.len()));
    }
    if padding != (4 - rest) % 4 {
        return Err(DecodeError::Padding);
    }
    if rest > 0 {
        // Two symbols carry 12 bits for one byte, three carry 18 bits for two bytes.
        let unused_bits = if rest == 2 { 4 } else { 2 };
        if group & ((1 << unused_bits) - 1) != 0 {
            return Err(DecodeError::LastSymbol(symbols.len() - 1));
        }
        let tail = (group >> unused_bits).to_be_bytes();
        bytes.extend_from_slice(&tail[4 - (rest - 1)..]);
    }
    Ok(bytes)
}

fn symbol_value(byte: u8) -> Option<u8> {
    match byte {
        b'A'..=b'Z' => Some(byte - b'A'),
        b'a'..=b'z' => Some(byte - b'a' + 26),
        b'0'..=b'9' => Some(byte - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine as _;

    /// Every text of up to six bytes over symbols that reach each branch, against the
    /// `base64` crate's standard engine, which requires canonical padding.
    #[test]
    fn decode_matches_base64_crate_on_short_texts() {
        let bytes = [b'A', b'B', b'Q', b'g', b'/', b'+', b'=', b'!', b'\n'];
        let mut texts = vec![Vec::new()];
        for _ in 0..6 {
            let longer: Vec<Vec<u8>> = texts
                .iter()
                .flat_map(|text| {
                    bytes.iter().map(move |&byte| {
                        let mut next = text.clone();
                        next.push(byte);
                        next
                    })
                })
                .collect();
            for text in &longer {
                let expected = STANDARD.decode(text).ok();
                assert_eq!(
                    decode(text).ok(),
                    expected,
                    "{:?}",
                    String::from_utf8_lossy(text)
                );
            }
            texts = longer;
        }
    }

    #[test]
    fn encode_matches_base64_crate() {
        for length in 0..70 {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 37 + 11) as u8).collect();
            let text = encode(&bytes);
            assert_eq!(text, STANDARD.encode(&bytes), "{length}");
            assert_eq!(decode(text.as_bytes()), Ok(bytes), "{length}");
        }
    }

    #[test]
    fn decode_errors_name_the_problem() {
        assert_eq!(decode(b"AA!A"), Err(DecodeError::Byte(2)));
        assert_eq!(decode(b"AA=A"), Err(DecodeError::Byte(2)));
        assert_eq!(decode(b"AAAAA"), Err(DecodeError::Length(5)));
        assert_eq!(decode(b"AB=="), Err(DecodeError::LastSymbol(1)));
        assert_eq!(decode(b"AAA"), Err(DecodeError::Padding));
        assert_eq!(decode(b"AA="), Err(DecodeError::Padding));
        assert_eq!(decode(b"AAAA===="), Err(DecodeError::Padding));
        assert_eq!(decode(b""), Ok(Vec::new()));
    }
}
