//! Mobile numbers: 11 ASCII digits, `1` then `3`–`9`, labelled by segment.

use crate::error::ErrorCode;
use crate::mobile_segments::{Operator, SegmentKind, SEGMENTS};
use crate::text::mask;
use crate::validate::{ChangeKind, Normalized, Problem};

/// The allocation of a number's segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The matched prefix, 3 to 5 digits.
    pub prefix: &'static str,
    pub kind: SegmentKind,
    pub operator: Operator,
}

/// Looks up the segment of a canonical 11-digit number; `None` when it is not in the table.
pub fn segment_of(mobile: &str) -> Option<Segment> {
    // Longest prefix first, so `1349` wins over `134`. Every request looks up its segment, so
    // one binary search over the numeric keys below finds the greatest key up to the number's
    // own, and a short walk down finds the longest prefix among them.
    let digits = mobile.as_bytes();
    let length = digits
        .iter()
        .take(MAX_PREFIX_DIGITS)
        .take_while(|byte| byte.is_ascii_digit())
        .count();
    if length < 3 {
        return None;
    }
    let key = prefix_key(digits.get(..length)?)?;
    // The keys of the number's prefixes of five (or fewer), four and three digits: each shorter
    // prefix has the trailing digit slots of the key set to zero.
    let prefixes = [key, key - key % 11, key - key % 121];
    // Every key from the three-digit prefix's up to the number's own starts with the same three
    // digits, so the walk passes only entries of one three-digit segment.
    let end = SEGMENT_KEYS.partition_point(|&candidate| candidate <= key);
    let index = SEGMENT_KEYS[..end]
        .iter()
        .rposition(|candidate| prefixes.contains(candidate) || *candidate < prefixes[2])
        .filter(|&index| prefixes.contains(&SEGMENT_KEYS[index]))?;
    let (prefix, kind, operator) = SEGMENTS[index];
    Some(Segment {
        prefix,
        kind,
        operator,
    })
}

/// The longest prefix in the segment table, in digits.
const MAX_PREFIX_DIGITS: usize = 5;

/// The prefixes of `SEGMENTS` as [`prefix_key`] values, in the table's order.
const SEGMENT_KEYS: [u32; SEGMENTS.len()] = segment_keys();

const fn segment_keys() -> [u32; SEGMENTS.len()] {
    let mut keys = [0; SEGMENTS.len()];
    let mut index = 0;
    while index < SEGMENTS.len() {
        keys[index] = match prefix_key(SEGMENTS[index].0.as_bytes()) {
            Some(key) => key,
            None => panic!("a segment prefix must have 1 to 5 ASCII digits"),
        };
        index += 1;
    }
    keys
}

/// Encodes up to five ASCII digits as a number that sorts as the text does: each digit `d`
/// becomes `d + 1` in base 11, and each digit a shorter prefix lacks becomes 0, so
/// `134` < `1340` < `1349` < `135`. Returns `None` for longer text or a byte that is no digit.
const fn prefix_key(prefix: &[u8]) -> Option<u32> {
    if prefix.len() > MAX_PREFIX_DIGITS {
        return None;
    }
    let mut key = 0;
    let mut position = 0;
    while position < MAX_PREFIX_DIGITS {
        let digit = if position < prefix.len() {
            let byte = prefix[position];
            if !byte.is_ascii_digit() {
                return None;
            }
            (byte - b'0') as u32 + 1
        } else {
            0
        };
        key = key * 11 + digit;
        position += 1;
    }
    Some(key)
}

/// Whether a character is a separator people type inside phone numbers.
fn is_separator(character: char) -> bool {
    character.is_whitespace() || matches!(character, '-' | '－' | '(' | ')' | '（' | '）' | '.')
}

pub(crate) fn normalize(input: &str) -> Normalized {
    if input.bytes().all(|b| b.is_ascii_digit()) && input.len() != 13 && input.len() != 15 {
        return Normalized {
            value: input.to_owned(),
            changes: Vec::new(),
        };
    }
    let mut changes = Vec::new();

    let trimmed = input.trim();
    if trimmed.len() != input.len() {
        changes.push((ChangeKind::Trimmed, ErrorCode::MobileFormat));
    }

    let mut value = String::with_capacity(trimmed.len());
    let mut converted = false;
    let mut separated = false;
    for character in trimmed.chars() {
        match character {
            '０'..='９' => {
                value.push(char::from(b'0' + (character as u32 - '０' as u32) as u8));
                converted = true;
            }
            '＋' => {
                value.push('+');
                converted = true;
            }
            c if is_separator(c) => separated = true,
            c => value.push(c),
        }
    }
    if converted {
        changes.push((ChangeKind::FullWidthConverted, ErrorCode::MobileFormat));
    }
    if separated {
        changes.push((ChangeKind::SeparatorsRemoved, ErrorCode::MobileFormat));
    }

    let all_digits_after = |prefix: &str| {
        value.len() == prefix.len() + 11
            && value.starts_with(prefix)
            && value.as_bytes()[prefix.len()..]
                .iter()
                .all(u8::is_ascii_digit)
    };
    let country_code = ["+86", "0086", "86"]
        .into_iter()
        .find(|p| all_digits_after(p));
    if let Some(prefix) = country_code {
        value.drain(..prefix.len());
        changes.push((ChangeKind::CountryCodeRemoved, ErrorCode::MobileFormat));
    }

    Normalized { value, changes }
}

pub(crate) fn check(value: &str, problems: &mut Vec<Problem>) {
    let masked = || mask(value);

    if !value.bytes().all(|b| b.is_ascii_digit()) {
        let masked = masked();
        problems.push(Problem::new(
            ErrorCode::MobileFormat,
            format!("手机号 {masked} 只能包含数字，请检查后重新填写"),
            format!("mobile number {masked} must contain digits only; check and enter it again"),
        ));
        return;
    }

    if value.len() != 11 {
        let length = value.len();
        problems.push(Problem::new(
            ErrorCode::MobileLength,
            format!("手机号应为 11 位，当前为 {length} 位"),
            format!("a mobile number has 11 digits, this one has {length}"),
        ));
        return;
    }

    let second = value.as_bytes()[1];
    if value.as_bytes()[0] != b'1' || !(b'3'..=b'9').contains(&second) {
        let masked = masked();
        problems.push(Problem::new(
            ErrorCode::MobileFormat,
            format!("手机号 {masked} 不是中国大陆手机号，应以 13–19 开头"),
            format!("mobile number {masked} is not a mainland mobile number; it must start with 13 to 19"),
        ));
        return;
    }

    if segment_of(value).is_none() {
        // `get` rather than indexing, here and in cert_no.rs: the value is ASCII digits by now,
        // and a str index would bring the panic formatting of char boundaries into WebAssembly.
        let prefix = value.get(..3).unwrap_or(value);
        problems.push(Problem::new(
            ErrorCode::MobileUnknownSegment,
            format!("号段 {prefix} 不在已知号段表中，请确认号码无误"),
            format!(
                "segment {prefix} is not in the known segment table; confirm the number is right"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segment_table_is_sorted() {
        assert!(SEGMENTS.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn segment_keys_keep_table_order() {
        assert!(SEGMENT_KEYS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(prefix_key(b"134") < prefix_key(b"1340"));
        assert!(prefix_key(b"1349") < prefix_key(b"135"));
        assert_eq!(prefix_key(b"13a"), None);
        assert_eq!(prefix_key(b"134567"), None);
    }

    #[test]
    fn segment_lookup_matches_longest_text_prefix() {
        // Every 5-digit start from 13000 to 19999, against a plain scan of the table.
        for start in 13_000..20_000 {
            let mobile = format!("{start}123456");
            let expected = SEGMENTS
                .iter()
                .filter(|(prefix, _, _)| mobile.starts_with(prefix))
                .max_by_key(|(prefix, _, _)| prefix.len())
                .map(|(prefix, _, _)| *prefix);
            assert_eq!(
                segment_of(&mobile).map(|segment| segment.prefix),
                expected,
                "{mobile}"
            );
        }
    }

    #[test]
    fn segment_of_rejects_non_digits() {
        assert!(segment_of("13a00138000").is_none());
        assert!(segment_of("1").is_none());
        assert!(segment_of("").is_none());
    }

    #[test]
    fn longest_prefix_wins() {
        assert_eq!(
            segment_of("13491234567").unwrap().kind,
            SegmentKind::Satellite
        );
        assert_eq!(segment_of("13412345678").unwrap().kind, SegmentKind::Basic);
        assert_eq!(
            segment_of("17400123456").unwrap().kind,
            SegmentKind::Satellite
        );
        assert!(segment_of("17410123456").is_none());
    }

    #[test]
    fn country_code_needs_eleven_digits_after() {
        assert_eq!(normalize("8613800138000").value, "13800138000");
        assert_eq!(normalize("86138001380").value, "86138001380");
        assert_eq!(normalize("+86 138-0013-8000").value, "13800138000");
    }
}
