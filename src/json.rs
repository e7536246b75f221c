//! A forward-only JSON reader for response bodies, and a writer for the envelopes.
//!
//! A response is small and read once, so the reader walks the text a single time, borrows every
//! string without an escape, and builds no tree. It accepts exactly the JSON of RFC 8259:
//! the callers decide which members they keep, and everything else is checked and skipped.
//! The writer produces compact JSON byte for byte as serde_json does, members in call order.

use std::borrow::Cow;

use crate::error::{Error, ErrorCode, Result};

/// Containers nested this deep are rejected, so a hostile body cannot exhaust the stack while
/// a value is skipped. At most 127 levels pass, as in serde_json.
const MAX_DEPTH: u32 = 128;

/// The JSON type of the next value, known from its first character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Object,
    Array,
    String,
    Number,
    Bool,
    Null,
}

/// A problem found at a byte offset, before it is placed by line and column.
///
/// It is boxed, so a `JsonResult` is no larger than its value. The reader returns a result for
/// every string and member, and errors are rare.
#[derive(Debug)]
pub(crate) struct JsonError(Box<JsonErrorDetail>);

#[derive(Debug)]
struct JsonErrorDetail {
    code: ErrorCode,
    offset: usize,
    zh: Cow<'static, str>,
    en: Cow<'static, str>,
}

pub(crate) type JsonResult<T> = std::result::Result<T, JsonError>;

/// Reads JSON text in one pass.
pub(crate) struct Reader<'a> {
    text: &'a str,
    pos: usize,
    depth: u32,
    // Whether the last byte read was `{` or `[`, where a member or element needs no comma.
    after_open: bool,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        Reader {
            text,
            pos: 0,
            depth: 0,
            after_open: false,
        }
    }

    /// Returns the kind of the next value, after skipping whitespace.
    #[inline]
    pub(crate) fn peek(&mut self) -> JsonResult<Kind> {
        self.skip_whitespace();
        match self.byte() {
            Some(b'{') => Ok(Kind::Object),
            Some(b'[') => Ok(Kind::Array),
            Some(b'"') => Ok(Kind::String),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'n') => Ok(Kind::Null),
            _ => Err(self.unexpected_value()),
        }
    }

    #[cold]
    #[inline(never)]
    fn unexpected_value(&self) -> JsonError {
        match self.byte() {
            Some(_) => self.syntax("此处不应出现该字符", "unexpected character"),
            None => self.unexpected_end(),
        }
    }

    /// Returns a type error at the next value, for a value the caller cannot use.
    #[cold]
    #[inline(never)]
    pub(crate) fn type_error(
        &mut self,
        zh: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> JsonError {
        self.skip_whitespace();
        JsonError(Box::new(JsonErrorDetail {
            code: ErrorCode::WrongType,
            offset: self.pos,
            zh: zh.into(),
            en: en.into(),
        }))
    }

    /// Consumes the `{` of an object. [`Reader::next_member`] then reads its members.
    #[inline]
    pub(crate) fn begin_object(&mut self) -> JsonResult<()> {
        self.skip_whitespace();
        self.expect(b'{')?;
        self.open()
    }

    /// Returns the name of the next member of the current object and places the reader on its
    /// value, or returns `None` after the closing `}`.
    pub(crate) fn next_member(&mut self) -> JsonResult<Option<Cow<'a, str>>> {
        if !self.next_item(b'}')? {
            return Ok(None);
        }
        if !self.eat(b'"') {
            return Err(self.member_name_expected());
        }
        let name = self.string_after_quote()?;
        self.skip_whitespace();
        self.expect(b':')?;
        Ok(Some(name))
    }

    #[cold]
    #[inline(never)]
    fn member_name_expected(&self) -> JsonError {
        self.syntax("此处应为字段名", "expected a member name")
    }

    /// Reads a string value; it borrows from the text unless it contains escapes.
    #[inline]
    pub(crate) fn string(&mut self) -> JsonResult<Cow<'a, str>> {
        self.skip_whitespace();
        self.expect(b'"')?;
        self.string_after_quote()
    }

    /// Reads the rest of a string whose opening quote was just consumed.
    #[inline(always)]
    fn string_after_quote(&mut self) -> JsonResult<Cow<'a, str>> {
        self.after_open = false;
        let start = self.pos;
        let end = start + plain_run(&self.text.as_bytes()[start..]);
        self.pos = end;
        if self.byte() == Some(b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(ascii_bounded(self.text, start, end)));
        }
        self.string_rest(start)
    }

    /// Finishes a string that did not end at its first stop: an escape, a control character or
    /// the end of the text. Kept out of line, so the common case stays small enough to inline.
    #[cold]
    #[inline(never)]
    fn string_rest(&mut self, start: usize) -> JsonResult<Cow<'a, str>> {
        match self.byte() {
            Some(b'\\') => self.escaped_string(start).map(Cow::Owned),
            Some(_) => Err(self.control_character()),
            None => Err(self.unexpected_end()),
        }
    }

    /// Reads a number value and returns its text as written.
    pub(crate) fn number(&mut self) -> JsonResult<&'a str> {
        self.skip_whitespace();
        self.after_open = false;
        let start = self.pos;
        self.eat(b'-');
        match self.byte() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.invalid_number()),
        }
        if self.eat(b'.') {
            self.required_digits()?;
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            self.required_digits()?;
        }
        Ok(ascii_bounded(self.text, start, self.pos))
    }

    /// Checks and skips the next value, whatever its type.
    pub(crate) fn skip_value(&mut self) -> JsonResult<()> {
        match self.peek()? {
            Kind::String => self.string().map(drop),
            Kind::Number => self.number().map(drop),
            Kind::Bool | Kind::Null => self.literal(),
            Kind::Object => {
                self.begin_object()?;
                while self.next_member()?.is_some() {
                    self.skip_value()?;
                }
                Ok(())
            }
            Kind::Array => {
                self.expect(b'[')?;
                self.open()?;
                while self.next_item(b']')? {
                    self.skip_value()?;
                }
                Ok(())
            }
        }
    }

    /// Consumes `true`, `false` or `null`.
    fn literal(&mut self) -> JsonResult<()> {
        self.after_open = false;
        let rest = &self.text.as_bytes()[self.pos..];
        for word in [&b"true"[..], b"false", b"null"] {
            if rest.starts_with(word) {
                self.pos += word.len();
                return Ok(());
            }
        }
        Err(self.syntax("无效的字面量", "invalid literal"))
    }

    /// Moves past the comma before the next member or element, and returns false after the
    /// container's `close` byte.
    #[inline]
    fn next_item(&mut self, close: u8) -> JsonResult<bool> {
        self.skip_whitespace();
        if self.eat(close) {
            self.after_open = false;
            self.depth = self.depth.saturating_sub(1);
            return Ok(false);
        }
        if self.after_open {
            self.after_open = false;
        } else if self.eat(b',') {
            self.skip_whitespace();
        } else {
            return Err(self.comma_expected());
        }
        Ok(true)
    }

    #[cold]
    #[inline(never)]
    fn comma_expected(&self) -> JsonError {
        match self.byte() {
            Some(_) => self.syntax(
                "此处应为逗号或结束括号",
                "expected a comma or a closing bracket",
            ),
            None => self.unexpected_end(),
        }
    }

    #[inline]
    fn open(&mut self) -> JsonResult<()> {
        if self.depth + 1 >= MAX_DEPTH {
            return Err(self.syntax("嵌套层级过深", "nested too deeply"));
        }
        self.depth += 1;
        self.after_open = true;
        Ok(())
    }

    /// Decodes a string from `start` (just after its opening quote), which contains an escape.
    fn escaped_string(&mut self, start: usize) -> JsonResult<String> {
        let mut decoded = String::with_capacity(self.pos - start + 16);
        let mut run_start = start;
        loop {
            let Some(&byte) = self.text.as_bytes().get(self.pos) else {
                return Err(self.unexpected_end());
            };
            match byte {
                b'"' => {
                    decoded.push_str(ascii_bounded(self.text, run_start, self.pos));
                    self.pos += 1;
                    return Ok(decoded);
                }
                b'\\' => {
                    decoded.push_str(ascii_bounded(self.text, run_start, self.pos));
                    self.pos += 1;
                    decoded.push(self.escape()?);
                    run_start = self.pos;
                }
                0x00..=0x1F => return Err(self.control_character()),
                _ => self.pos += 1,
            }
        }
    }

    /// Decodes one escape after its backslash.
    fn escape(&mut self) -> JsonResult<char> {
        let Some(byte) = self.byte() else {
            return Err(self.unexpected_end());
        };
        self.pos += 1;
        let simple = match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => {
                self.pos -= 1;
                return Err(self.syntax("无效的转义字符", "invalid escape"));
            }
        };
        Ok(simple)
    }

    /// Decodes `XXXX` after `\u`, and a low surrogate's escape after a high one.
    fn unicode_escape(&mut self) -> JsonResult<char> {
        let escape_start = self.pos - 2;
        let unit = self.hex4()?;
        let scalar = match unit {
            0xD800..=0xDBFF => {
                if !self.text.as_bytes()[self.pos..].starts_with(b"\\u") {
                    return Err(self.lone_surrogate(escape_start));
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.lone_surrogate(escape_start));
                }
                0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.lone_surrogate(escape_start)),
            _ => u32::from(unit),
        };
        // Surrogates are excluded above, so every remaining value is a scalar value.
        char::from_u32(scalar).ok_or_else(|| self.lone_surrogate(escape_start))
    }

    fn hex4(&mut self) -> JsonResult<u16> {
        let mut unit = 0u16;
        for _ in 0..4 {
            let digit = match self.byte() {
                Some(byte @ b'0'..=b'9') => byte - b'0',
                Some(byte @ b'a'..=b'f') => byte - b'a' + 10,
                Some(byte @ b'A'..=b'F') => byte - b'A' + 10,
                Some(_) => return Err(self.syntax("无效的 \\u 转义", "invalid \\u escape")),
                None => return Err(self.unexpected_end()),
            };
            unit = unit << 4 | u16::from(digit);
            self.pos += 1;
        }
        Ok(unit)
    }

    fn digits(&mut self) {
        while matches!(self.byte(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self) -> JsonResult<()> {
        if !matches!(self.byte(), Some(b'0'..=b'9')) {
            return Err(self.invalid_number());
        }
        self.digits();
        Ok(())
    }

    /// Fails unless only whitespace is left.
    fn finish(&mut self) -> JsonResult<()> {
        self.skip_whitespace();
        if self.pos < self.text.len() {
            return Err(self.syntax(
                "JSON 值之后还有多余内容",
                "trailing characters after the JSON value",
            ));
        }
        Ok(())
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while matches!(self.byte(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    #[inline(always)]
    fn byte(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    #[inline(always)]
    fn eat(&mut self, expected: u8) -> bool {
        let found = self.byte() == Some(expected);
        if found {
            self.pos += 1;
        }
        found
    }

    #[inline(always)]
    fn expect(&mut self, expected: u8) -> JsonResult<()> {
        if self.eat(expected) {
            return Ok(());
        }
        Err(self.expected_error(expected))
    }

    /// Builds the error for a byte other than `expected`, or for the end of the text.
    #[cold]
    #[inline(never)]
    fn expected_error(&self, expected: u8) -> JsonError {
        if self.byte().is_none() {
            return self.unexpected_end();
        }
        let (zh, en) = match expected {
            b'{' => ("此处应为对象", "expected an object"),
            b'[' => ("此处应为数组", "expected an array"),
            b'"' => ("此处应为字符串", "expected a string"),
            _ => ("此处应为冒号", "expected a colon"),
        };
        self.syntax(zh, en)
    }

    #[cold]
    #[inline(never)]
    fn syntax(&self, zh: &'static str, en: &'static str) -> JsonError {
        self.syntax_at(self.pos, zh, en)
    }

    #[cold]
    #[inline(never)]
    fn syntax_at(&self, offset: usize, zh: &'static str, en: &'static str) -> JsonError {
        JsonError(Box::new(JsonErrorDetail {
            code: ErrorCode::MalformedJson,
            offset,
            zh: Cow::Borrowed(zh),
            en: Cow::Borrowed(en),
        }))
    }

    #[cold]
    #[inline(never)]
    fn unexpected_end(&self) -> JsonError {
        self.syntax("JSON 意外结束", "unexpected end of JSON")
    }

    #[cold]
    #[inline(never)]
    fn control_character(&self) -> JsonError {
        self.syntax(
            "字符串中有未转义的控制字符",
            "unescaped control character in a string",
        )
    }

    #[cold]
    #[inline(never)]
    fn invalid_number(&self) -> JsonError {
        self.syntax("无效的数字", "invalid number")
    }

    #[cold]
    #[inline(never)]
    fn lone_surrogate(&self, offset: usize) -> JsonError {
        self.syntax_at(
            offset,
            "\\u 转义是不成对的代理项",
            "a \\u escape is an unpaired surrogate",
        )
    }
}

/// A writer for the members of one JSON object, closed by [`ObjectWriter::end`].
pub(crate) struct ObjectWriter<'o> {
    out: &'o mut String,
    empty: bool,
}

impl<'o> ObjectWriter<'o> {
    /// Opens an object at the end of `out`.
    pub(crate) fn begin(out: &'o mut String) -> Self {
        out.push('{');
        ObjectWriter { out, empty: true }
    }

    /// Writes a string member.
    pub(crate) fn string(&mut self, name: &str, value: &str) -> &mut Self {
        self.name(name);
        push_string(self.out, value);
        self
    }

    /// Writes a string member when there is a value, and nothing otherwise.
    pub(crate) fn optional_string(&mut self, name: &str, value: Option<&str>) -> &mut Self {
        if let Some(value) = value {
            self.string(name, value);
        }
        self
    }

    /// Writes a `null` member.
    pub(crate) fn null(&mut self, name: &str) -> &mut Self {
        self.name(name);
        self.out.push_str("null");
        self
    }

    /// Writes an object member whose members `write` adds.
    pub(crate) fn object(
        &mut self,
        name: &str,
        write: impl FnOnce(&mut ObjectWriter<'_>),
    ) -> &mut Self {
        self.name(name);
        let mut inner = ObjectWriter::begin(self.out);
        write(&mut inner);
        inner.end();
        self
    }

    /// Closes the object.
    pub(crate) fn end(self) {
        self.out.push('}');
    }

    fn name(&mut self, name: &str) {
        if !std::mem::replace(&mut self.empty, false) {
            self.out.push(',');
        }
        push_string(self.out, name);
        self.out.push(':');
    }
}

/// Appends `value` as a JSON string, escaping what RFC 8259 requires and nothing more: quote,
/// backslash and control characters, the short forms where they exist.
pub(crate) fn push_string(out: &mut String, value: &str) {
    out.push('"');
    let bytes = value.as_bytes();
    let mut start = 0;
    loop {
        // The run ends at an ASCII byte or at the end, so both slice ends are char boundaries.
        let run = plain_run(&bytes[start..]);
        out.push_str(ascii_bounded(value, start, start + run));
        start += run;
        let Some(&byte) = bytes.get(start) else {
            break;
        };
        match byte {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x08 => out.push_str("\\b"),
            0x0C => out.push_str("\\f"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xF)]));
            }
        }
        start += 1;
    }
    out.push('"');
}

/// Returns `text[start..end]` for offsets that each sit at an ASCII byte or at the end, which
/// are always character boundaries. `str::get` checks that without the panicking path of
/// `str` indexing, whose formatting code would otherwise be linked into the WebAssembly build.
#[inline(always)]
fn ascii_bounded(text: &str, start: usize, end: usize) -> &str {
    text.get(start..end).unwrap_or_default()
}

/// Returns the length of the leading run of `bytes` that needs no attention inside a string: no
/// quote, backslash or control character. Strings are most of a response, so the run is measured
/// eight bytes at a time, and the last few bytes of the text one at a time.
#[inline]
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH_BITS: u64 = u64::from_le_bytes([0x80; 8]);
    // The high bit of the first byte below `limit` (at most 0x80) is set, and the lowest set
    // bit of the result is exact: the classic "has a zero byte" trick, generalised.
    let below =
        |word: u64, limit: u8| word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGH_BITS;

    let mut run = 0;
    while let Some(word) = bytes.get(run..run + 8) {
        let mut word_bytes = [0u8; 8];
        word_bytes.copy_from_slice(word);
        let word = u64::from_le_bytes(word_bytes);
        let stops = below(word ^ (ONES * u64::from(b'"')), 1)
            | below(word ^ (ONES * u64::from(b'\\')), 1)
            | below(word, 0x20);
        if stops != 0 {
            return run + (stops.trailing_zeros() / 8) as usize;
        }
        run += 8;
    }
    while let Some(&byte) = bytes.get(run) {
        if byte == b'"' || byte == b'\\' || byte < 0x20 {
            break;
        }
        run += 1;
    }
    run
}

/// Reads `body` with `read`, which must consume exactly one JSON value, and places any problem
/// by line and column. `path` names the part of the body in messages, empty for the whole body.
pub(crate) fn read_json<'a, T>(
    body: &'a [u8],
    path: &str,
    read: impl FnOnce(&mut Reader<'a>) -> JsonResult<T>,
) -> Result<T> {
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(error) => {
            let valid = &body[..error.valid_up_to()];
            // The prefix is valid UTF-8 by definition of valid_up_to.
            let prefix = std::str::from_utf8(valid).unwrap_or_default();
            return Err(located_error(
                ErrorCode::MalformedJson,
                body,
                prefix,
                path,
                ("不是有效的 UTF-8", "invalid UTF-8"),
            ));
        }
    };

    let mut reader = Reader::new(text);
    let outcome = read(&mut reader).and_then(|value| {
        reader.finish()?;
        Ok(value)
    });
    outcome.map_err(|JsonError(error)| {
        let before = text.get(..error.offset).unwrap_or(text);
        located_error(error.code, body, before, path, (&error.zh, &error.en))
    })
}

/// Builds the error for a problem found after the text `before`, naming its line and column
/// (both from 1, columns in characters) and hinting at an HTML error page where one shows.
pub(crate) fn located_error(
    code: ErrorCode,
    body: &[u8],
    before: &str,
    path: &str,
    (reason_zh, reason_en): (&str, &str),
) -> Error {
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let column = ascii_bounded(before, line_start, before.len())
        .chars()
        .count()
        + 1;
    locate(code, body, path, line, column, reason_zh, reason_en)
}

/// Builds the error for a problem at `line` and `column` of `body`.
pub(crate) fn locate(
    code: ErrorCode,
    body: &[u8],
    path: &str,
    line: usize,
    column: usize,
    reason_zh: &str,
    reason_en: &str,
) -> Error {
    let looks_like_html = body.trim_ascii_start().starts_with(b"<");
    let (hint_zh, hint_en) = if looks_like_html {
        (
            "，内容像是 HTML 错误页，请检查网关或 HTTP 状态",
            "; it looks like an HTML error page, so check the gateway and HTTP status",
        )
    } else {
        ("", "")
    };
    let (prefix_zh, prefix_en) = if path.is_empty() {
        (String::new(), String::new())
    } else {
        (format!("{path}："), format!("{path}: "))
    };
    Error::with_detail(
        code,
        &format!("{prefix_zh}第 {line} 行第 {column} 列：{reason_zh}{hint_zh}"),
        &format!("{prefix_en}line {line} column {column}: {reason_en}{hint_en}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads one value of any type and returns a compact description of it, to compare the
    /// reader with what the text means.
    fn describe(reader: &mut Reader<'_>) -> JsonResult<String> {
        Ok(match reader.peek()? {
            Kind::String => format!("s:{}", reader.string()?),
            Kind::Number => format!("n:{}", reader.number()?),
            Kind::Bool | Kind::Null => {
                reader.skip_value()?;
                "literal".to_owned()
            }
            Kind::Object => {
                reader.begin_object()?;
                let mut members = Vec::new();
                while let Some(name) = reader.next_member()? {
                    members.push(format!("{name}={}", describe(reader)?));
                }
                format!("{{{}}}", members.join(","))
            }
            Kind::Array => {
                reader.skip_value()?;
                "array".to_owned()
            }
        })
    }

    fn read(text: &str) -> Result<String> {
        read_json(text.as_bytes(), "", describe)
    }

    #[test]
    fn reads_members_strings_and_numbers() {
        assert_eq!(
            read(r#" { "a" : "x" , "b":-12.5e+3, "c":{"d":[1,[2,{}],"]"]}, "e":true } "#).unwrap(),
            "{a=s:x,b=n:-12.5e+3,c={d=array},e=literal}"
        );
        assert_eq!(read("{}").unwrap(), "{}");
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        assert_eq!(
            read(r#"{"\u0068ead":"\"\\\/\b\f\n\r\t\u00e9\uD842\uDFB7"}"#).unwrap(),
            "{head=s:\"\\/\u{8}\u{c}\n\r\té\u{20BB7}}"
        );
    }

    #[test]
    fn rejects_what_rfc_8259_rejects() {
        let malformed = [
            "",
            "{",
            r#"{"a"}"#,
            r#"{"a":}"#,
            r#"{"a":1,}"#,
            r#"{,"a":1}"#,
            r#"{"a":1 "b":2}"#,
            r#"{"a":[1,]}"#,
            r#"{"a":01}"#,
            r#"{"a":1.}"#,
            r#"{"a":.5}"#,
            r#"{"a":1e}"#,
            r#"{"a":-}"#,
            r#"{"a":+1}"#,
            r#"{"a":tru}"#,
            r#"{"a":"\x"}"#,
            r#"{"a":"\u12"}"#,
            r#"{"a":"\uD800"}"#,
            r#"{"a":"\uDC00"}"#,
            r#"{"a":"\uD800\u0041"}"#,
            "{\"a\":\"tab\there\"}",
            r#"{"a":"open}"#,
            r#"{} {}"#,
            "{'a':1}",
        ];
        for text in malformed {
            let error = read(text).unwrap_err();
            assert_eq!(error.code(), ErrorCode::MalformedJson, "{text:?}");
        }
    }

    #[test]
    fn rejects_invalid_utf8_and_deep_nesting() {
        let error = read_json(b"{\"a\":\"\xff\"}", "", describe).unwrap_err();
        assert_eq!(error.code(), ErrorCode::MalformedJson);
        assert!(
            error.message_en().contains("line 1 column 7"),
            "{}",
            error.message_en()
        );

        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let error = read(&format!(r#"{{"a":{deep}}}"#)).unwrap_err();
        assert!(error.message_en().contains("nested too deeply"));
        let shallow = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(read(&format!(r#"{{"a":{shallow}}}"#)).is_ok());

        // The object counts as a level: 127 levels pass and 128 fail, as in serde_json.
        for (arrays, accepted) in [(126, true), (127, false)] {
            let text = format!(r#"{{"a":{}{}}}"#, "[".repeat(arrays), "]".repeat(arrays));
            let serde = serde_json::from_str::<serde_json::Value>(&text).is_ok();
            assert_eq!(read(&text).is_ok(), accepted, "{arrays} arrays");
            assert_eq!(serde, accepted, "{arrays} arrays, serde_json");
        }
    }

    #[test]
    fn places_errors_by_line_and_character_column() {
        let error = read("{\n  \"名\": x}").unwrap_err();
        assert!(
            error.message_en().contains("line 2 column 8"),
            "{}",
            error.message_en()
        );
        assert!(
            error.message_zh().contains("第 2 行第 8 列"),
            "{}",
            error.message_zh()
        );

        let error = read("<html>502</html>").unwrap_err();
        assert!(error.message_en().contains("HTML error page"));
    }

    /// Describes serde_json's tree in the format of [`describe`].
    fn describe_serde(value: &serde_json::Value) -> String {
        use serde_json::Value;
        match value {
            Value::String(text) => format!("s:{text}"),
            Value::Number(number) => format!("n:{number}"),
            Value::Bool(_) | Value::Null => "literal".to_owned(),
            Value::Array(_) => "array".to_owned(),
            Value::Object(members) => {
                let members: Vec<String> = members
                    .iter()
                    .map(|(name, value)| format!("{name}={}", describe_serde(value)))
                    .collect();
                format!("{{{}}}", members.join(","))
            }
        }
    }

    mod differential {
        use proptest::prelude::*;

        use super::*;

        /// Pieces of JSON, valid and not, that random sequences are built from.
        const PIECES: &[&str] = &[
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\n",
            "\"a\"",
            "\"b\"",
            "\"\\u00e9\"",
            "\"\\uD842\\uDFB7\"",
            "\"\\uD800\"",
            "\"\\uDC00x\"",
            "\"\\q\"",
            "\"\t\"",
            "\"",
            "\\",
            "1",
            "-0",
            "0.5",
            "1.5e+3",
            "2E-2",
            "01",
            "1.",
            "-",
            "true",
            "false",
            "null",
            "nul",
            "\"名\"",
            "x",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(4000))]

            /// The reader accepts exactly what serde_json accepts, on random token sequences
            /// that start with an object.
            #[test]
            fn accepts_what_serde_json_accepts(
                indices in proptest::collection::vec(0..PIECES.len(), 0..24)
            ) {
                let text: String = std::iter::once("{")
                    .chain(indices.iter().map(|&index| PIECES[index]))
                    .collect();
                let ours = read(&text).is_ok();
                let serde = serde_json::from_str::<serde_json::Value>(&text).is_ok();
                prop_assert_eq!(ours, serde, "{:?}", text);
            }

            /// The eight-byte scan stops at the first byte that needs attention.
            #[test]
            fn plain_run_matches_a_byte_loop(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
                let first_stop = bytes
                    .iter()
                    .position(|&byte| byte == b'"' || byte == b'\\' || byte < 0x20)
                    .unwrap_or(bytes.len());
                prop_assert_eq!(plain_run(&bytes), first_stop);
            }

            /// Strings are written exactly as serde_json writes them.
            #[test]
            fn writes_strings_as_serde_json_does(value in "(\\PC|[\\x00-\\x1f\"\\\\])*") {
                let mut ours = String::new();
                push_string(&mut ours, &value);
                prop_assert_eq!(ours, serde_json::to_string(&value).unwrap());
            }

            /// On valid objects, the reader decodes the same names, strings and numbers.
            #[test]
            fn reads_what_serde_json_reads(
                members in proptest::collection::vec(
                    ("\\PC{0,6}", prop_oneof![
                        "\\PC{0,8}".prop_map(serde_json::Value::from),
                        any::<i64>().prop_map(serde_json::Value::from),
                        any::<bool>().prop_map(serde_json::Value::from),
                    ]),
                    0..6,
                )
            ) {
                // serde_json keeps the last of repeated names; the object is built the same way.
                let object: serde_json::Map<String, serde_json::Value> =
                    members.into_iter().collect();
                let value = serde_json::Value::Object(object);
                let text = serde_json::to_string(&value).unwrap();
                prop_assert_eq!(read(&text).unwrap(), describe_serde(&value));
            }
        }
    }
}
