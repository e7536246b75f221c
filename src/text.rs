//! Text at the binding boundary, and masking of personal values for messages.

use crate::error::{Error, ErrorCode, Result};

/// Decodes UTF-8 bytes from a binding, rejecting invalid sequences instead of replacing them.
pub fn text_from_utf8(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes).map_err(|error| {
        // Bytes count from 1 in messages, as every position in them does.
        let byte = error.valid_up_to() + 1;
        Error::with_detail(
            ErrorCode::InvalidUtf8,
            &format!("第 {byte} 字节处的序列无效"),
            &format!("invalid sequence at byte {byte}"),
        )
    })
}

/// Decodes UTF-16 code units (Java and JavaScript strings) into UTF-8.
///
/// An unpaired surrogate is an error: Java's `getBytes` would turn it into `?` and JavaScript's
/// `TextEncoder` into U+FFFD, and either would hash to a value nobody can match.
pub fn text_from_utf16(units: &[u16]) -> Result<String> {
    let mut bytes = Vec::with_capacity(units.len() + units.len() / 2);
    decode_utf16(units, &mut bytes)?;
    // Every byte came from an ASCII unit or from `char::encode_utf8`, so the bytes are valid
    // UTF-8. The error branch only keeps the conversion free of a panic.
    String::from_utf8(bytes).map_err(|_| Error::from_code(ErrorCode::InvalidUtf8))
}

/// Decodes UTF-16 code units into UTF-8 inside `buffer`, with the checks and errors of
/// [`text_from_utf16`], so that a binding can keep short arguments off the heap.
///
/// Returns `Ok(None)` when the UTF-8 text is longer than `buffer`; decode with
/// [`text_from_utf16`] then.
pub fn text_from_utf16_in<'a>(units: &[u16], buffer: &'a mut [u8]) -> Result<Option<&'a str>> {
    let mut output = SliceOutput {
        buffer,
        length: 0,
        overflowed: false,
    };
    decode_utf16(units, &mut output)?;
    if output.overflowed {
        return Ok(None);
    }
    let SliceOutput { buffer, length, .. } = output;
    // As in `text_from_utf16`, the bytes are valid UTF-8 by construction.
    std::str::from_utf8(&buffer[..length])
        .map(Some)
        .map_err(|_| Error::from_code(ErrorCode::InvalidUtf8))
}

/// The destination of [`decode_utf16`]: a growing vector or a fixed buffer.
trait Utf8Output {
    fn reserve(&mut self, additional: usize);
    fn extend_ascii(&mut self, units: &[u16]);
    fn push_char(&mut self, character: char);
}

impl Utf8Output for Vec<u8> {
    fn reserve(&mut self, additional: usize) {
        Vec::reserve(self, additional);
    }

    fn extend_ascii(&mut self, units: &[u16]) {
        self.extend(units.iter().map(|&unit| unit as u8));
    }

    fn push_char(&mut self, character: char) {
        let mut buffer = [0u8; 4];
        self.extend_from_slice(character.encode_utf8(&mut buffer).as_bytes());
    }
}

/// A fixed buffer that records, instead of growing, that the text did not fit.
struct SliceOutput<'a> {
    buffer: &'a mut [u8],
    length: usize,
    overflowed: bool,
}

impl SliceOutput<'_> {
    /// Returns the next `count` bytes of the buffer, or `None` after marking an overflow.
    fn take(&mut self, count: usize) -> Option<&mut [u8]> {
        let end = self.length + count;
        if self.overflowed || end > self.buffer.len() {
            self.overflowed = true;
            return None;
        }
        let start = self.length;
        self.length = end;
        Some(&mut self.buffer[start..end])
    }
}

impl Utf8Output for SliceOutput<'_> {
    fn reserve(&mut self, _additional: usize) {}

    fn extend_ascii(&mut self, units: &[u16]) {
        if let Some(target) = self.take(units.len()) {
            for (byte, &unit) in target.iter_mut().zip(units) {
                *byte = unit as u8;
            }
        }
    }

    fn push_char(&mut self, character: char) {
        // Encoding straight into the buffer avoids a copy of variable length per character.
        if let Some(target) = self.take(character.len_utf8()) {
            character.encode_utf8(target);
        }
    }
}

/// Decodes `units` into `output`, rejecting an unpaired surrogate.
fn decode_utf16(units: &[u16], output: &mut impl Utf8Output) -> Result<()> {
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
        output.extend_ascii(&rest[..ascii]);
        characters += ascii;
        rest = &rest[ascii..];

        let end = rest
            .iter()
            .position(|&unit| unit < 0x80)
            .unwrap_or(rest.len());
        // A unit outside ASCII takes at most 3 UTF-8 bytes (a surrogate pair takes 4 for two).
        output.reserve(end * 3);
        // The units up to the next ASCII one are decoded here by hand rather than through
        // `char::decode_utf16`, whose iterator costs more than the short names it mostly decodes.
        let mut run = &rest[..end];
        while let Some((&unit, after)) = run.split_first() {
            let (code, after) = match unit {
                0xD800..=0xDBFF => match after.split_first() {
                    Some((&low @ 0xDC00..=0xDFFF, after)) => {
                        let high = u32::from(unit - 0xD800) << 10;
                        (0x10000 + high + u32::from(low - 0xDC00), after)
                    }
                    _ => return Err(lone_surrogate(characters + 1, unit)),
                },
                0xDC00..=0xDFFF => return Err(lone_surrogate(characters + 1, unit)),
                _ => (u32::from(unit), after),
            };
            // Every code point here is outside the surrogate range and at most 0x10FFFF.
            let character = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
            output.push_char(character);
            characters += 1;
            run = after;
        }
        rest = &rest[end..];
    }
    Ok(())
}

/// Builds the error for the unpaired surrogate `unit` at character `position`, counted from 1.
fn lone_surrogate(position: usize, unit: u16) -> Error {
    Error::with_detail(
        ErrorCode::LoneSurrogate,
        &format!("第 {position} 个字符是不成对的代理项 U+{unit:04X}，请检查输入来源"),
        &format!(
            "character {position} is the unpaired surrogate U+{unit:04X}; check where the text came from"
        ),
    )
}

/// The most `*` a masked value shows: an ID number's 11 and a few more. A longer value shows
/// no more, so an error message stays short whatever was pasted into a field.
const MAX_MASK_STARS: usize = 16;

/// Masks a personal value for messages: the first three and last four characters of a long
/// value stay (`138****8000`), a short one keeps only its first character (`张*`). A value of
/// more than 23 characters shows 16 `*`, hiding its length.
pub fn mask(value: &str) -> String {
    let count = value.chars().count();
    let Some(first) = value.chars().next() else {
        return String::new();
    };
    if count >= 11 {
        let last_four = value
            .char_indices()
            .nth(count - 4)
            .and_then(|(index, _)| value.get(index..))
            .unwrap_or_default();
        let mut masked: String = value.chars().take(3).collect();
        masked.extend(std::iter::repeat_n('*', (count - 7).min(MAX_MASK_STARS)));
        masked.push_str(last_four);
        return masked;
    }

    let mut masked = String::new();
    masked.push(first);
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
    fn mask_long_value_caps_stars() {
        let pasted = "1".repeat(5_000_000);
        assert_eq!(mask(&pasted), format!("111{}1111", "*".repeat(16)));
        assert_eq!(mask(&"2".repeat(23)), format!("222{}2222", "*".repeat(16)));
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
    fn utf16_matches_std_decoder() {
        // Every sequence of up to four units from the edges of each UTF-8 width and of the
        // surrogate ranges, decoded here and by the standard library.
        let edges = [
            0x61, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xE000, 0xFFFF,
        ];
        let mut sequences: Vec<Vec<u16>> = vec![Vec::new()];
        for _ in 0..4 {
            sequences = sequences
                .iter()
                .flat_map(|sequence| {
                    edges.iter().map(move |&unit| {
                        let mut longer = sequence.clone();
                        longer.push(unit);
                        longer
                    })
                })
                .collect();
            for units in &sequences {
                let expected = String::from_utf16(units).ok();
                assert_eq!(text_from_utf16(units).ok(), expected, "{units:04X?}");
                let mut buffer = [0u8; 16];
                let in_buffer = text_from_utf16_in(units, &mut buffer).ok().flatten();
                assert_eq!(in_buffer, expected.as_deref(), "{units:04X?}");
            }
        }
    }

    #[test]
    fn utf16_in_buffer_matches_heap() {
        let cases: [&[u16]; 4] = [
            &[],
            &[0x31, 0x33, 0x38],
            &[0x5F20, 0x4E09],
            &[0xD842, 0xDFB7, 0x7530, 0x41],
        ];
        for units in cases {
            let mut buffer = [0u8; 16];
            let decoded = text_from_utf16_in(units, &mut buffer).unwrap();
            assert_eq!(decoded, Some(text_from_utf16(units).unwrap().as_str()));
        }
    }

    #[test]
    fn utf16_in_buffer_too_small() {
        let mut buffer = [0u8; 5];
        assert_eq!(
            text_from_utf16_in(&[0x5F20, 0x4E09], &mut buffer).unwrap(),
            None
        );
        assert_eq!(text_from_utf16_in(&[0x41; 6], &mut buffer).unwrap(), None);
        let mut exact = [0u8; 6];
        assert_eq!(
            text_from_utf16_in(&[0x5F20, 0x4E09], &mut exact).unwrap(),
            Some("张三")
        );
    }

    #[test]
    fn utf16_in_buffer_lone_surrogate_rejected() {
        let mut buffer = [0u8; 16];
        let error = text_from_utf16_in(&[0x5F20, 0xD842], &mut buffer).unwrap_err();
        assert_eq!(error.code(), ErrorCode::LoneSurrogate);
        // The surrogate is reported even when the text would not have fitted.
        let mut small = [0u8; 2];
        let error = text_from_utf16_in(&[0x5F20, 0xD842], &mut small).unwrap_err();
        assert_eq!(error.code(), ErrorCode::LoneSurrogate);
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
