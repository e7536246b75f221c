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
    // Longest prefix first, so `1349` wins over `134`; the table is sorted for binary search.
    (3..=5).rev().find_map(|length| {
        let prefix = mobile.get(..length)?;
        let index = SEGMENTS
            .binary_search_by(|(candidate, _, _)| candidate.cmp(&prefix))
            .ok()?;
        let (prefix, kind, operator) = SEGMENTS[index];
        Some(Segment {
            prefix,
            kind,
            operator,
        })
    })
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
            && value[prefix.len()..].bytes().all(|b| b.is_ascii_digit())
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
        let prefix = &value[..3];
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
