//! `mbasu batch`: applicants in, one JSON line per request or error out, in constant memory.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use mbasu::{Config, EncryptType, Error, ErrorCode, Interface, RequestFields, RequestOptions};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::commands::{build_config, form_for, resolve_encrypt_type, ConfigArgs};
use crate::input::InputProblem;
use crate::output::{error_json, Printer};

#[derive(Args)]
pub struct BatchArgs {
    /// MBASU001, MBASU010 or MBASU004.
    interface: String,
    /// The input file; `-` reads standard input.
    #[arg(long, default_value = "-")]
    input: PathBuf,
    /// The output file; `-` writes standard output.
    #[arg(long, default_value = "-")]
    output_file: PathBuf,
    /// Input format; by default taken from the file name (.csv or .jsonl), else CSV.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// The encryptType for every request, as a wire code or a name.
    #[arg(long)]
    encrypt_type: Option<String>,
    /// Seal every request (needs --secret-id and --secret-key).
    #[arg(long)]
    sealed: bool,
    #[command(flatten)]
    config: ConfigArgs,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Csv,
    Jsonl,
}

/// One applicant. CSV needs a header row naming the columns; `certNo` may also be spelled
/// `cert_no`, and `requestRefId` is optional (generated when empty).
#[derive(Deserialize)]
struct Row<'a> {
    #[serde(borrow)]
    mobile: Cow<'a, str>,
    #[serde(borrow, rename = "certNo", alias = "cert_no")]
    cert_no: Cow<'a, str>,
    #[serde(borrow, default)]
    name: Option<Cow<'a, str>>,
    #[serde(borrow, default, rename = "requestRefId", alias = "request_ref_id")]
    request_ref_id: Option<Cow<'a, str>>,
}

/// One output line for a built request; borrowed so writing it copies nothing.
struct RequestLine<'a> {
    line: u64,
    request_ref_id: &'a str,
    path: &'a str,
    body: &'a str,
}

impl RequestLine<'_> {
    /// Writes `{"line":…,"requestRefId":…,"path":…,"body":…}` and a newline.
    ///
    /// The requestRefId and path are printable ASCII without quotes or backslashes (the core
    /// checks reference ids), and the core's JSON writer escapes every control character in the
    /// body. So escaping `"` and `\` is all the JSON string form of each needs, and it is done
    /// here in whole runs instead of byte by byte.
    fn write(&self, output: &mut impl Write) -> Result<(), Error> {
        let mut line = Vec::with_capacity(self.body.len() + self.body.len() / 4 + 96);
        line.extend_from_slice(b"{\"line\":");
        line.extend_from_slice(self.line.to_string().as_bytes());
        line.extend_from_slice(b",\"requestRefId\":\"");
        push_escaped(&mut line, self.request_ref_id);
        line.extend_from_slice(b"\",\"path\":\"");
        push_escaped(&mut line, self.path);
        line.extend_from_slice(b"\",\"body\":\"");
        push_escaped(&mut line, self.body);
        line.extend_from_slice(b"\"}\n");

        output.write_all(&line).map_err(|e| match e.kind() {
            io::ErrorKind::BrokenPipe => crate::output::exit_on_write_error(&e),
            _ => write_error(&e),
        })
    }
}

/// Appends `text` with `"` and `\` escaped, for text that contains no control characters.
fn push_escaped(line: &mut Vec<u8>, text: &str) {
    let mut rest = text.as_bytes();
    while let Some(position) = rest.iter().position(|&b| b == b'"' || b == b'\\') {
        line.extend_from_slice(&rest[..position]);
        line.push(b'\\');
        line.push(rest[position]);
        rest = &rest[position + 1..];
    }
    line.extend_from_slice(rest);
}

struct Job {
    config: Config,
    interface: Interface,
    encrypt_type: Option<EncryptType>,
    sealed: bool,
}

impl Job {
    fn request_line(
        &self,
        line: u64,
        row: &Row<'_>,
        output: &mut impl Write,
    ) -> Result<bool, Error> {
        let fields = RequestFields {
            mobile: &row.mobile,
            cert_no: &row.cert_no,
            // One applicant file serves all three interfaces, so a name is dropped for the two
            // that take none instead of failing every line.
            name: row
                .name
                .as_deref()
                .filter(|n| !n.is_empty() && self.interface.requires_name()),
        };
        let options = RequestOptions {
            encrypt_type: self.encrypt_type,
            request_ref_id: row.request_ref_id.as_deref().filter(|r| !r.is_empty()),
            form: form_for(self.sealed, &self.config),
        };
        match mbasu::build_request(&self.config, self.interface, &fields, &options) {
            Ok(built) => {
                let record = RequestLine {
                    line,
                    request_ref_id: &built.request_ref_id,
                    path: &built.path,
                    body: &built.body,
                };
                record.write(output)?;
                Ok(true)
            }
            Err(error) => {
                write_line(
                    output,
                    &json!({ "line": line, "error": error_json(&error) }),
                )?;
                Ok(false)
            }
        }
    }
}

pub fn run(args: &BatchArgs, printer: &Printer) -> Result<ExitCode, Error> {
    let interface = Interface::from_code(&args.interface)?;
    let config = build_config(&args.config)?;
    let encrypt_type = args
        .encrypt_type
        .as_deref()
        .map(|t| resolve_encrypt_type(&config, t))
        .transpose()?;
    let job = Job {
        config,
        interface,
        encrypt_type,
        sealed: args.sealed,
    };

    let format = args.format.unwrap_or_else(|| {
        let is_jsonl = args
            .input
            .extension()
            .is_some_and(|e| e == "jsonl" || e == "ndjson");
        if is_jsonl {
            Format::Jsonl
        } else {
            Format::Csv
        }
    });
    let input: Box<dyn Read> = if args.input.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(File::open(&args.input).map_err(|e| io_error(&args.input, &e))?)
    };
    let output: Box<dyn Write> = if args.output_file.as_os_str() == "-" {
        Box::new(io::stdout().lock())
    } else {
        Box::new(File::create(&args.output_file).map_err(|e| io_error(&args.output_file, &e))?)
    };
    let mut output = BufWriter::with_capacity(64 * 1024, output);
    let mut progress = Progress::new(printer);

    let mut counts = Counts::default();
    let mut record_result = |built: bool, counts: &mut Counts| {
        if built {
            counts.built += 1;
        } else {
            counts.failed += 1;
        }
        progress.tick(counts.built + counts.failed);
    };

    // Both formats are read one physical line at a time, so a broken line (not UTF-8, an
    // unclosed quote) fails alone and every line after it is still read and numbered.
    let mut lines = LineReader::new(input);
    match format {
        Format::Csv => {
            let columns = loop {
                match lines.next_line()? {
                    None => break Columns::find(&[], interface)?,
                    Some((_, Ok(""))) => continue,
                    Some((_, Ok(text))) => {
                        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
                        let headers = split_csv_line(text).map_err(|p| header_error(&p))?;
                        break Columns::find(&headers, interface)?;
                    }
                    Some((_, Err(problem))) => return Err(header_error(&problem)),
                }
            };
            while let Some((line, text)) = lines.next_line()? {
                let row = match text {
                    Ok("") => continue,
                    Ok(text) => split_csv_line(text).and_then(|fields| columns.row(&fields)),
                    Err(problem) => Err(problem),
                };
                let built = match row {
                    Ok(row) => job.request_line(line, &row, &mut output)?,
                    Err(problem) => write_input_error(&mut output, line, &problem)?,
                };
                record_result(built, &mut counts);
            }
        }
        Format::Jsonl => {
            while let Some((line, text)) = lines.next_line()? {
                let built = match text {
                    Ok(text) if text.trim().is_empty() => continue,
                    Ok(text) => match serde_json::from_str::<Row<'_>>(text) {
                        Ok(row) => job.request_line(line, &row, &mut output)?,
                        Err(error) => {
                            let problem = InputProblem::from_json(text, &error);
                            write_input_error(&mut output, line, &problem)?
                        }
                    },
                    Err(problem) => write_input_error(&mut output, line, &problem)?,
                };
                record_result(built, &mut counts);
            }
        }
    }
    output.flush().map_err(|e| write_error(&e))?;
    drop(output);
    progress.finish(&counts);
    Ok(if counts.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[derive(Default)]
struct Counts {
    built: u64,
    failed: u64,
}

/// A line count on standard error, redrawn in place, only when standard error is a terminal.
struct Progress {
    enabled: bool,
    zh: bool,
}

impl Progress {
    fn new(printer: &Printer) -> Progress {
        Progress {
            enabled: io::stderr().is_terminal(),
            zh: printer.lang == mbasu::Lang::Zh,
        }
    }

    fn tick(&mut self, done: u64) {
        if self.enabled && done % 1000 == 0 {
            let label = if self.zh { "已处理" } else { "processed" };
            eprint!("\r{label} {done}");
        }
    }

    fn finish(&self, counts: &Counts) {
        if self.enabled {
            eprintln!();
        }
        if self.zh {
            eprintln!(
                "完成：生成 {} 个请求，{} 行出错",
                counts.built, counts.failed
            );
        } else {
            eprintln!(
                "done: requests built: {}, lines failed: {}",
                counts.built, counts.failed
            );
        }
    }
}

/// The positions of the CSV columns, found once from the header row so each line is read by
/// index instead of being matched against the header names again.
struct Columns {
    /// The number of columns in the header row, which every line must have.
    count: usize,
    mobile: usize,
    cert_no: usize,
    name: Option<usize>,
    request_ref_id: Option<usize>,
}

impl Columns {
    /// Finds the columns, rejecting a missing header row or required column before any line is
    /// read, so a bad file fails once instead of once per line.
    fn find(headers: &[Cow<'_, str>], interface: Interface) -> Result<Columns, Error> {
        let position = |names: &[&str]| headers.iter().position(|h| names.contains(&h.trim()));
        let mobile = position(&["mobile"]);
        let cert_no = position(&["certNo", "cert_no"]);
        let name = position(&["name"]);
        let name_missing = name.is_none() && interface.requires_name();
        let (Some(mobile), Some(cert_no), false) = (mobile, cert_no, name_missing) else {
            let mut missing = Vec::new();
            if mobile.is_none() {
                missing.push("mobile");
            }
            if cert_no.is_none() {
                missing.push("certNo");
            }
            if name_missing {
                missing.push("name");
            }
            let list = missing.join(", ");
            return Err(Error::with_detail(
                ErrorCode::InvalidArgument,
                &format!("CSV 第 1 行必须是表头，缺少列 {list}"),
                &format!("the first CSV line must be a header row; missing column {list}"),
            ));
        };
        Ok(Columns {
            count: headers.len(),
            mobile,
            cert_no,
            name,
            request_ref_id: position(&["requestRefId", "request_ref_id"]),
        })
    }

    /// Takes one applicant from the fields of a line, which must be as many as the header's.
    fn row<'r>(&self, fields: &[Cow<'r, str>]) -> Result<Row<'r>, InputProblem> {
        if fields.len() != self.count {
            return Err(InputProblem::FieldCount {
                found: fields.len() as u64,
                expected: self.count as u64,
            });
        }
        // A borrowed field clones for free, and an owned one only holds a doubled quote.
        let field = |index: usize| fields.get(index).cloned().unwrap_or_default();
        Ok(Row {
            mobile: field(self.mobile),
            cert_no: field(self.cert_no),
            name: self.name.map(field),
            request_ref_id: self.request_ref_id.map(field),
        })
    }
}

/// Splits one CSV line into its fields, as RFC 4180 does for a line without line breaks inside
/// quotes. A field of an applicant never contains a line break, so a quote left open is an error
/// of this line instead of swallowing the lines after it.
fn split_csv_line(line: &str) -> Result<Vec<Cow<'_, str>>, InputProblem> {
    let mut fields = Vec::with_capacity(4);
    let mut rest = line;
    loop {
        let column = fields.len() as u64 + 1;
        let Some(quoted) = rest.strip_prefix('"') else {
            match rest.find(',') {
                Some(comma) => {
                    fields.push(Cow::Borrowed(&rest[..comma]));
                    rest = &rest[comma + 1..];
                    continue;
                }
                None => {
                    fields.push(Cow::Borrowed(rest));
                    return Ok(fields);
                }
            }
        };

        // A quoted field ends at a quote that is not doubled. It is borrowed from the line
        // unless it contains a doubled quote, which stands for one quote.
        let mut field = Cow::Borrowed("");
        let mut tail = quoted;
        loop {
            let end = tail
                .find('"')
                .ok_or(InputProblem::UnclosedQuote { column })?;
            let (segment, after) = (&tail[..end], &tail[end + 1..]);
            if let Some(next) = after.strip_prefix('"') {
                let owned = field.to_mut();
                owned.push_str(segment);
                owned.push('"');
                tail = next;
                continue;
            }
            match &mut field {
                Cow::Borrowed(_) => field = Cow::Borrowed(segment),
                Cow::Owned(owned) => owned.push_str(segment),
            }
            tail = after;
            break;
        }
        fields.push(field);
        rest = match tail.strip_prefix(',') {
            Some(next) => next,
            None if tail.is_empty() => return Ok(fields),
            None => return Err(InputProblem::UnclosedQuote { column }),
        };
    }
}

/// A line's number, counted from 1, and its text or the problem that keeps it from being text.
type NumberedLine<'a> = (u64, Result<&'a str, InputProblem>);

/// Reads the input one line at a time into a reused buffer, numbering lines from 1.
struct LineReader<R> {
    input: BufReader<R>,
    bytes: Vec<u8>,
    line: u64,
}

impl<R: Read> LineReader<R> {
    fn new(input: R) -> Self {
        LineReader {
            input: BufReader::with_capacity(64 * 1024, input),
            bytes: Vec::new(),
            line: 0,
        }
    }

    /// Returns the next line's number and its text without the line ending, or the problem
    /// that keeps it from being text. Returns `None` at the end of the input, and an error
    /// when the input cannot be read at all.
    fn next_line(&mut self) -> Result<Option<NumberedLine<'_>>, Error> {
        self.bytes.clear();
        let read = self
            .input
            .read_until(b'\n', &mut self.bytes)
            .map_err(|e| read_error(&e))?;
        if read == 0 {
            return Ok(None);
        }
        self.line += 1;

        let mut content = &self.bytes[..];
        content = content.strip_suffix(b"\n").unwrap_or(content);
        content = content.strip_suffix(b"\r").unwrap_or(content);
        let text = std::str::from_utf8(content).map_err(|error| InputProblem::NotUtf8 {
            byte: error.valid_up_to() + 1,
        });
        Ok(Some((self.line, text)))
    }
}

fn write_line(output: &mut impl Write, value: &impl Serialize) -> Result<(), Error> {
    serde_json::to_writer(&mut *output, value).map_err(|e| {
        let e = io::Error::from(e);
        match e.kind() {
            io::ErrorKind::BrokenPipe => crate::output::exit_on_write_error(&e),
            _ => write_error(&e),
        }
    })?;
    output.write_all(b"\n").map_err(|e| match e.kind() {
        io::ErrorKind::BrokenPipe => crate::output::exit_on_write_error(&e),
        _ => write_error(&e),
    })
}

/// Writes the error line for an input line that could not be read; returns `false`, the
/// "not built" result.
fn write_input_error(
    output: &mut impl Write,
    line: u64,
    problem: &InputProblem,
) -> Result<bool, Error> {
    let error = error_json(&problem.to_error());
    write_line(output, &json!({ "line": line, "error": error }))?;
    Ok(false)
}

fn io_error(path: &std::path::Path, error: &io::Error) -> Error {
    let (problem_zh, problem_en) = crate::output::io_problem(error);
    Error::with_detail(
        ErrorCode::InvalidArgument,
        &format!("无法打开 {}：{problem_zh}", path.display()),
        &format!("cannot open {}: {problem_en}", path.display()),
    )
}

/// Builds the error for a header row that cannot be read, which stops the batch before its
/// first line.
fn header_error(problem: &InputProblem) -> Error {
    let (zh, en) = problem.describe();
    Error::with_detail(
        ErrorCode::InvalidArgument,
        &format!("无法读取 CSV 表头行，{zh}"),
        &format!("the CSV header row cannot be read, {en}"),
    )
}

/// Builds the error for input that cannot be read at all. `detail` is the operating system's
/// wording, which comes in English only.
fn read_error(error: &io::Error) -> Error {
    let (problem_zh, problem_en) = crate::output::io_problem(error);
    Error::with_detail(
        ErrorCode::InvalidArgument,
        &format!("读取输入失败：{problem_zh}"),
        &format!("reading the input failed: {problem_en}"),
    )
}

fn write_error(error: &io::Error) -> Error {
    let (problem_zh, problem_en) = crate::output::io_problem(error);
    Error::with_detail(
        ErrorCode::InvalidArgument,
        &format!("写入失败：{problem_zh}"),
        &format!("write failed: {problem_en}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(line: &str) -> Vec<String> {
        let split = split_csv_line(line).expect("the line must split");
        split.into_iter().map(Cow::into_owned).collect()
    }

    #[test]
    fn csv_line_splits_plain_and_quoted_fields() {
        assert_eq!(fields("a,b,c"), ["a", "b", "c"]);
        assert_eq!(fields("a,,"), ["a", "", ""]);
        assert_eq!(fields(""), [""]);
        assert_eq!(fields(r#""张,三",b"#), ["张,三", "b"]);
        assert_eq!(fields(r#""say ""hi""","""""#), [r#"say "hi""#, r#"""#]);
        assert_eq!(fields(r#"a"b,c"#), [r#"a"b"#, "c"]);
    }

    #[test]
    fn csv_line_rejects_open_quotes() {
        assert_eq!(
            split_csv_line(r#"13800138000,"110105"#).unwrap_err(),
            InputProblem::UnclosedQuote { column: 2 }
        );
        assert_eq!(
            split_csv_line(r#""a"b,c"#).unwrap_err(),
            InputProblem::UnclosedQuote { column: 1 }
        );
    }
}
