//! Text at the binding boundary, and masking of personal values for messages.

use crate::error::{Error, ErrorCode, Result};

/// Decodes UTF-8 bytes from a binding, rejecting invalid sequences instead of replacing them.
pub fn text_from_utf8(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        Error::with_detail(
            ErrorCode::InvalidUtf8,
            &format!("第 {offset} 字节处的序列无效"),
            &format!("invalid sequence at byte {offset}"),
        )
    })
}

/// Decodes UTF-16 code units (Java and JavaScript strings) into UTF-8.
///
/// An unpaired surrogate is an error: Java's `getBytes` would turn it into `?` and JavaScript's
/// `TextEncoder` into U+FFFD, and either would hash to a value nobody can match.
pub fn text_from_utf16(units: &[u16]) -> Result<String> {
    let mut bytes = Vec::with_capacity(units.len() + units.len() / 2);
    // The index of the next character, for the error message.
    let mut characters = 0;
    let mut rest = units;
    while !rest.is_empty() {
        // Runs of ASCII, the bulk of JSON bodies and ID numbers, are copied in one tight loop.
        // Surrogates are never ASCII, so no pair is split at a run boundary.
        let ascii = rest
            .iter()
            .position(|&unit| unit >= 0x80)
            .unwrap_or(rest.len());
        bytes.extend(rest[..ascii].iter().map(|&unit| unit as u8));
        characters += ascii;
        rest = &rest[ascii..];

        let end = rest
            .iter()
            .position(|&unit| unit < 0x80)
            .unwrap_or(rest.len());
        let mut buffer = [0u8; 4];
        for decoded in char::decode_utf16(rest[..end].iter().copied()) {
            match decoded {
                Ok(character) => {
                    bytes.extend_from_slice(character.encode_utf8(&mut buffer).as_bytes())
                }
                Err(error) => return Err(lone_surrogate(characters, error.unpaired_surrogate())),
            }
            characters += 1;
        }
        rest = &rest[end..];
    }
    // Every byte came from an ASCII unit or from `char::encode_utf8`, so this cannot fail.
    String::from_utf8(bytes).map_err(|_| Error::from_code(ErrorCode::InvalidUtf8))
}

fn lone_surrogate(index: usize, unit: u16) -> Error {
    Error::with_detail(
        ErrorCode::LoneSurrogate,
        &format!("第 {index} 个字符是不成对的代理项 U+{unit:04X}，请检查输入来源"),
        &format!(
            "character {index} is the unpaired surrogate U+{unit:04X}; check where the text came from"
        ),
    )
}

/// Masks a personal value for messages: the first three and last four characters of a long
/// value stay (`138****8000`), a short one keeps only its first character (`张*`).
pub fn mask(value: &str) -> String {
    let characters: Vec<char> = value.chars().collect();
    let count = characters.len();

    if count == 0 {
        return String::new();
    }
    if count >= 11 {
        let mut masked: String = characters[..3].iter().collect();
        masked.extend(std::iter::repeat_n('*', count - 7));
        masked.extend(&characters[count - 4..]);
        return masked;
    }

    let mut masked = String::new();
    masked.push(characters[0]);
    masked.extend(std::iter::repeat_n('*', count.saturating_sub(1).max(1)));
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mask_mobile_keeps_three_and_four() {
        assert_eq!(mask("13800138000"), "138****8000");
    }

    #[test]
    fn mask_cert_no() {
        assert_eq!(mask("11010519491231002X"), "110***********002X");
    }

    #[test]
    fn mask_short_values() {
        assert_eq!(mask("张三"), "张*");
        assert_eq!(mask("王"), "王*");
        assert_eq!(mask(""), "");
    }

    #[test]
    fn utf16_lone_surrogate_rejected() {
        let error = text_from_utf16(&[0x5F20, 0xD842]).unwrap_err();
        assert_eq!(error.code(), ErrorCode::LoneSurrogate);
        let error = text_from_utf16(&[0xDFB7, 0x7530]).unwrap_err();
        assert_eq!(error.code(), ErrorCode::LoneSurrogate);
    }

    #[test]
    fn utf16_pair_decodes() {
        assert_eq!(text_from_utf16(&[0xD842, 0xDFB7, 0x7530]).unwrap(), "𠮷田");
    }

    #[test]
    fn utf8_invalid_rejected() {
        assert_eq!(
            text_from_utf8(b"\xff").unwrap_err().code(),
            ErrorCode::InvalidUtf8
        );
        assert_eq!(
            text_from_utf8(b"\xed\xa1\x82").unwrap_err().code(),
            ErrorCode::InvalidUtf8
        );
    }
}
