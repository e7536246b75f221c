//! Chinese names: Han characters from every plane, `〇`, and the middle dot between parts.

use crate::error::ErrorCode;
use crate::text::mask;
use crate::validate::{ChangeKind, Normalized, Problem};

/// The separator between the parts of a transliterated name, as household registers use it.
pub const MIDDLE_DOT: char = '\u{00B7}';

pub const MIN_LENGTH: usize = 2;
pub const MAX_LENGTH: usize = 40;

/// Dots people type in place of U+00B7; normalising mode replaces each with it.
const LOOK_ALIKE_DOTS: &[char] = &[
    '.',        // FULL STOP
    '\u{0387}', // GREEK ANO TELEIA
    '\u{16EB}', // RUNIC SINGLE PUNCTUATION
    '\u{2022}', // BULLET
    '\u{2027}', // HYPHENATION POINT
    '\u{2219}', // BULLET OPERATOR
    '\u{22C5}', // DOT OPERATOR
    '\u{2E31}', // WORD SEPARATOR MIDDLE DOT
    '\u{30FB}', // KATAKANA MIDDLE DOT
    '\u{A78F}', // LATIN LETTER SINOLOGICAL DOT
    '\u{FF0E}', // FULLWIDTH FULL STOP
    '\u{FF65}', // HALFWIDTH KATAKANA MIDDLE DOT
];

/// Whether a character is a Han ideograph: the unified blocks and Extensions A to I, and the
/// compatibility ideographs, as of Unicode 16.
pub fn is_han(character: char) -> bool {
    matches!(
        character as u32,
        0x3400..=0x4DBF       // Extension A
        | 0x4E00..=0x9FFF     // CJK Unified Ideographs
        | 0xF900..=0xFAFF     // Compatibility Ideographs
        | 0x20000..=0x2A6DF   // Extension B
        | 0x2A700..=0x2B73F   // Extension C
        | 0x2B740..=0x2B81F   // Extension D
        | 0x2B820..=0x2CEAF   // Extension E
        | 0x2CEB0..=0x2EBEF   // Extension F
        | 0x2EBF0..=0x2EE5F   // Extension I
        | 0x2F800..=0x2FA1F   // Compatibility Ideographs Supplement
        | 0x30000..=0x3134F   // Extension G
        | 0x31350..=0x323AF   // Extension H
    )
}

fn is_name_character(character: char) -> bool {
    is_han(character) || character == '〇' || character == MIDDLE_DOT
}

pub(crate) fn normalize(input: &str) -> Normalized {
    let untouched = |c: char| !c.is_whitespace() && !LOOK_ALIKE_DOTS.contains(&c);
    if input.chars().all(untouched) {
        return Normalized {
            value: input.to_owned(),
            changes: Vec::new(),
        };
    }
    let mut changes = Vec::new();

    let trimmed = input.trim();
    if trimmed.len() != input.len() {
        changes.push((ChangeKind::Trimmed, ErrorCode::NameFormat));
    }

    let characters: Vec<char> = trimmed.chars().collect();
    let mut value = String::with_capacity(trimmed.len());
    let mut replaced_dot = false;
    let mut removed_space = false;
    for (index, &character) in characters.iter().enumerate() {
        if LOOK_ALIKE_DOTS.contains(&character) {
            value.push(MIDDLE_DOT);
            replaced_dot = true;
            continue;
        }
        if character.is_whitespace() && joins_name_parts(&characters, index) {
            removed_space = true;
            continue;
        }
        value.push(character);
    }
    if replaced_dot {
        changes.push((ChangeKind::DotReplaced, ErrorCode::NameCharacter));
    }
    if removed_space {
        changes.push((ChangeKind::WhitespaceRemoved, ErrorCode::NameFormat));
    }

    Normalized { value, changes }
}

/// Whether the whitespace at `index` sits between two name characters (Han or dots), so it
/// can go without joining words of another script.
fn joins_name_parts(characters: &[char], index: usize) -> bool {
    let is_part = |c: char| is_name_character(c) || LOOK_ALIKE_DOTS.contains(&c);
    let before = characters[..index]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace());
    let after = characters[index + 1..].iter().find(|c| !c.is_whitespace());
    matches!((before, after), (Some(&b), Some(&a)) if is_part(b) && is_part(a))
}

pub(crate) fn check(value: &str, problems: &mut Vec<Problem>) {
    let masked = || mask(value);
    let length = value.chars().count();

    if !(MIN_LENGTH..=MAX_LENGTH).contains(&length) {
        problems.push(Problem::new(
            ErrorCode::NameLength,
            format!("姓名应为 {MIN_LENGTH} 到 {MAX_LENGTH} 个字，当前为 {length} 个字"),
            format!("a name has {MIN_LENGTH} to {MAX_LENGTH} characters, this one has {length}"),
        ));
    }

    if let Some(bad) = value.chars().find(|&c| !is_name_character(c)) {
        let (zh, en) = describe_character(bad);
        let masked = masked();
        problems.push(Problem::new(
            ErrorCode::NameCharacter,
            format!("姓名 {masked} 含有{zh}，只能使用汉字、〇和间隔号 ·"),
            format!(
                "name {masked} contains {en}; use Han characters, 〇 and the middle dot · only"
            ),
        ));
    }

    let starts_or_ends = value.starts_with(MIDDLE_DOT) || value.ends_with(MIDDLE_DOT);
    // A byte search instead of `str::contains`, whose substring searcher is 1.6 KB of
    // WebAssembly.
    let double_dot = "\u{00B7}\u{00B7}".as_bytes();
    let doubled = value
        .as_bytes()
        .windows(double_dot.len())
        .any(|window| window == double_dot);
    if starts_or_ends || doubled {
        let masked = masked();
        problems.push(Problem::new(
            ErrorCode::NameDotPosition,
            format!("姓名 {masked} 中的间隔号 · 只能出现在两个字之间，且不能连用"),
            format!("in name {masked}, the middle dot · must stand between two characters and not twice in a row"),
        ));
    }
}

/// Describes a disallowed character by class, never by value, because the name is personal.
///
/// Classes are decided by code-point ranges rather than Unicode property tables, which would add
/// several kilobytes to the WebAssembly build for a message.
fn describe_character(character: char) -> (&'static str, &'static str) {
    let code = character as u32;
    let is_digit = character.is_ascii_digit() || ('０'..='９').contains(&character);
    let is_letter = character.is_ascii_alphabetic()
        || matches!(code, 0x00C0..=0x024F | 0x0370..=0x052F | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A)
        || matches!(code, 0x3040..=0x30FF | 0xAC00..=0xD7AF);

    if is_digit {
        ("数字", "a digit")
    } else if character.is_whitespace() {
        ("空白", "whitespace")
    } else if character.is_control() {
        ("控制字符", "a control character")
    } else if is_letter {
        ("拉丁字母或其他文字", "a Latin or other non-Han letter")
    } else if code >= 0x1F000 {
        ("表情符号或其他符号", "an emoji or other symbol")
    } else {
        ("标点或其他符号", "punctuation or another symbol")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_planes() {
        assert!(is_han('𠮷'));
        assert!(is_han('䮌'));
        assert!(!is_han('〇'));
        assert!(!is_han('A'));
    }

    #[test]
    fn character_classes_in_messages() {
        assert_eq!(describe_character('3').1, "a digit");
        assert_eq!(describe_character('３').1, "a digit");
        assert_eq!(describe_character('Z').1, "a Latin or other non-Han letter");
        assert_eq!(
            describe_character('ア').1,
            "a Latin or other non-Han letter"
        );
        assert_eq!(describe_character('😀').1, "an emoji or other symbol");
        assert_eq!(describe_character('!').1, "punctuation or another symbol");
        assert_eq!(describe_character('\u{7}').1, "a control character");
    }

    #[test]
    fn whitespace_between_latin_words_stays() {
        assert_eq!(normalize("Zhang San").value, "Zhang San");
        assert_eq!(normalize("张 三").value, "张三");
        assert_eq!(normalize("阿依古丽 • 买买提").value, "阿依古丽·买买提");
    }
}
