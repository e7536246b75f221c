//! Problems that keep a `mbasu batch` input line from being read as an applicant.
//!
//! The CSV and JSON parsers word their errors in English only, and for the parser's own types.
//! These problems name the line's own columns and fields instead, so a batch's error lines read
//! the same in zh-CN and English whatever went wrong.

use std::fmt;

use mbasu::{Error, ErrorCode};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::error::Category;
use serde_json::Value;

/// An input line that is not an applicant.
#[derive(Debug, PartialEq, Eq)]
pub enum InputProblem {
    /// The line's bytes stop being UTF-8 at this byte, counted from 1.
    NotUtf8 {
        byte: usize,
    },
    /// A CSV line has `found` fields where the header row has `expected`.
    FieldCount {
        found: u64,
        expected: u64,
    },
    /// JSON syntax breaks at this character, counted from 1.
    JsonSyntax {
        column: usize,
    },
    /// The line ends inside a JSON value.
    JsonIncomplete,
    /// The line is JSON but not an object.
    NotAnObject,
    MissingField(&'static str),
    /// The field is there, but not a string (nor null, where null is allowed).
    NotAString(&'static str),
    /// The field is given more than once, under its name or its alias.
    RepeatedField(&'static str),
    /// A quoted CSV field, counted from 1, has no closing quote on its line, or text after it.
    UnclosedQuote {
        column: u64,
    },
}

impl InputProblem {
    /// Words the problem as an `invalid_argument` error about one input line.
    pub fn to_error(&self) -> Error {
        let (zh, en) = self.describe();
        Error::with_detail(
            ErrorCode::InvalidArgument,
            &format!("输入行无效，{zh}"),
            &format!("invalid input line, {en}"),
        )
    }

    /// Words the problem alone, in Chinese and in English.
    pub fn describe(&self) -> (String, String) {
        match self {
            InputProblem::NotUtf8 { byte } => (
                format!("从第 {byte} 字节起不是有效的 UTF-8{SAVE_AS_UTF8_ZH}"),
                format!("not valid UTF-8 from byte {byte}{SAVE_AS_UTF8_EN}"),
            ),
            InputProblem::UnclosedQuote { column } => (
                format!("第 {column} 列的引号没有闭合，或闭合引号后还有字符"),
                format!("the quotes of column {column} are not closed, or text follows the closing quote"),
            ),
            InputProblem::FieldCount { found, expected } => (
                format!("该行有 {found} 列，表头有 {expected} 列"),
                format!("column count {found} differs from the header row's {expected}"),
            ),
            InputProblem::JsonSyntax { column } => (
                format!("第 {column} 个字符处 JSON 语法错误"),
                format!("JSON syntax error at character {column}"),
            ),
            InputProblem::JsonIncomplete => (
                "JSON 在行尾处不完整".to_owned(),
                "the line ends before its JSON value is complete".to_owned(),
            ),
            InputProblem::NotAnObject => (
                "每行应为一个 JSON 对象".to_owned(),
                "each line must be a JSON object".to_owned(),
            ),
            InputProblem::MissingField(field) => (
                format!("缺少字段 {field}"),
                format!("missing field {field}"),
            ),
            InputProblem::NotAString(field) => (
                format!("字段 {field} 应为字符串"),
                format!("field {field} must be a string"),
            ),
            InputProblem::RepeatedField(field) => (
                format!("字段 {field} 出现了不止一次"),
                format!("field {field} is given more than once"),
            ),
        }
    }

    /// Describes why serde_json could not read `text` as an applicant row. Runs only for a line
    /// that already failed, so it may read the line a second time.
    pub fn from_json(text: &str, error: &serde_json::Error) -> InputProblem {
        match error.classify() {
            Category::Eof => InputProblem::JsonIncomplete,
            // serde_json places an error found after the line's newline at line 2, column 0,
            // which is one past the line's last character.
            Category::Syntax | Category::Io if error.line() > 1 => InputProblem::JsonSyntax {
                column: text.trim_end_matches(['\n', '\r']).chars().count() + 1,
            },
            Category::Syntax | Category::Io => InputProblem::JsonSyntax {
                column: character_column(text, error.column()),
            },
            // A type error can come before a syntax error further on, which the second reading
            // then finds.
            Category::Data => match serde_json::from_str::<Members>(text) {
                Ok(members) => members.first_problem().unwrap_or(InputProblem::NotAnObject),
                Err(error) if error.classify() == Category::Data => InputProblem::NotAnObject,
                Err(error) => InputProblem::from_json(text, &error),
            },
        }
    }
}

/// The hint after a UTF-8 error: spreadsheet programs on Chinese Windows save CSV as GBK.
const SAVE_AS_UTF8_ZH: &str = "，请将文件另存为 UTF-8 编码";
const SAVE_AS_UTF8_EN: &str = "; save the file as UTF-8";

/// The fields of a JSON row: the name in messages, every spelling accepted, and whether the
/// field may be left out or be null.
const ROW_FIELDS: [(&str, &[&str], bool); 4] = [
    ("mobile", &["mobile"], false),
    ("certNo", &["certNo", "cert_no"], false),
    ("name", &["name"], true),
    ("requestRefId", &["requestRefId", "request_ref_id"], true),
];

/// Every member of a JSON object in order, repeats included, which `serde_json::Value` would
/// collapse.
struct Members(Vec<(String, Value)>);

impl Members {
    fn first_problem(&self) -> Option<InputProblem> {
        for (field, spellings, optional) in ROW_FIELDS {
            let mut values = self
                .0
                .iter()
                .filter(|(key, _)| spellings.contains(&key.as_str()))
                .map(|(_, value)| value);
            let problem = match (values.next(), values.next()) {
                (None, _) if optional => None,
                (None, _) => Some(InputProblem::MissingField(field)),
                (Some(_), Some(_)) => Some(InputProblem::RepeatedField(field)),
                (Some(Value::String(_)), None) => None,
                (Some(Value::Null), None) if optional => None,
                (Some(_), None) => Some(InputProblem::NotAString(field)),
            };
            if problem.is_some() {
                return problem;
            }
        }
        None
    }
}

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Members, D::Error> {
        struct MembersVisitor;

        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members;

            fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
                formatter.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, Value>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }

        deserializer.deserialize_map(MembersVisitor)
    }
}

/// Converts serde_json's column, which counts bytes, into characters, so a Chinese name before
/// the error does not push the position three times as far.
fn character_column(text: &str, byte_column: usize) -> usize {
    let before = byte_column.saturating_sub(1);
    let boundary = (0..=before.min(text.len()))
        .rev()
        .find(|&index| text.is_char_boundary(index))
        .unwrap_or(0);
    text[..boundary].chars().count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem_of(line: &str) -> InputProblem {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Row {
            mobile: String,
            #[serde(rename = "certNo", alias = "cert_no")]
            cert_no: String,
            #[serde(default)]
            name: Option<String>,
            #[serde(default, rename = "requestRefId", alias = "request_ref_id")]
            request_ref_id: Option<String>,
        }
        let error = serde_json::from_str::<Row>(line)
            .err()
            .expect("the line must fail");
        InputProblem::from_json(line, &error)
    }

    #[test]
    fn names_the_field_at_fault() {
        assert_eq!(
            problem_of(r#"{"certNo":"11010519491231002X"}"#),
            InputProblem::MissingField("mobile")
        );
        assert_eq!(
            problem_of(r#"{"mobile":13800138000,"certNo":"11010519491231002X"}"#),
            InputProblem::NotAString("mobile")
        );
        assert_eq!(
            problem_of(r#"{"mobile":"13800138000","certNo":"1","cert_no":"2"}"#),
            InputProblem::RepeatedField("certNo")
        );
        assert_eq!(
            problem_of(r#"{"mobile":"13800138000","certNo":"1","name":7}"#),
            InputProblem::NotAString("name")
        );
        assert_eq!(problem_of("[1,2]"), InputProblem::NotAnObject);
        assert_eq!(problem_of(r#""13800138000""#), InputProblem::NotAnObject);
    }

    #[test]
    fn places_syntax_errors_in_characters() {
        assert_eq!(
            problem_of(r#"{"name":"张三" "mobile":"1"}"#),
            InputProblem::JsonSyntax { column: 14 }
        );
        assert_eq!(problem_of(r#"{"mobile":"1""#), InputProblem::JsonIncomplete);
        assert_eq!(
            problem_of(r#"{"mobile": 1 2}"#),
            InputProblem::JsonSyntax { column: 14 }
        );
        assert_eq!(
            problem_of("{\"mobile\":\"1\"\n"),
            InputProblem::JsonIncomplete
        );
    }

    #[test]
    fn words_every_problem_in_both_languages() {
        let error = InputProblem::RepeatedField("certNo").to_error();
        assert_eq!(error.code(), ErrorCode::InvalidArgument);
        assert!(error.message_zh().contains("字段 certNo 出现了不止一次"));
        assert!(error
            .message_en()
            .contains("field certNo is given more than once"));
        let error = InputProblem::FieldCount {
            found: 2,
            expected: 3,
        }
        .to_error();
        assert!(error.message_zh().contains("该行有 2 列，表头有 3 列"));
        assert!(!error.message_zh().contains("found"));
    }
}
