//! Printing results as text in the chosen language, or as stable JSON.

use std::fmt;
use std::io::{self, Write};

use mbasu::{Error, Lang};

/// Writes one line to standard output without panicking when it cannot be written.
macro_rules! outln {
    ($($arg:tt)*) => {
        $crate::output::write_line(format_args!($($arg)*))
    };
}

/// Writes one line to standard output. A closed pipe (`mbasu … | head`) ends the program
/// quietly with status 0; any other write failure is reported on standard error with status 2.
pub fn write_line(line: fmt::Arguments<'_>) {
    let mut stdout = io::stdout().lock();
    let written = stdout
        .write_fmt(line)
        .and_then(|()| stdout.write_all(b"\n"));
    if let Err(error) = written {
        exit_on_write_error(&error);
    }
}

/// Ends the program after standard output failed: quietly for a closed pipe, else with a message.
pub fn exit_on_write_error(error: &io::Error) -> ! {
    if error.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    let (problem_zh, problem_en) = io_problem(error);
    let _ = writeln!(
        io::stderr(),
        "mbasu: 写入标准输出失败：{problem_zh} / writing standard output failed: {problem_en}"
    );
    std::process::exit(2);
}
use serde_json::{json, Value};

pub struct Printer {
    pub lang: Lang,
    pub json: bool,
}

impl Printer {
    pub fn new(lang: Lang, json: bool) -> Printer {
        Printer { lang, json }
    }

    /// Picks the message for the chosen language.
    pub fn pick<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// Prints a fatal error: JSON on standard output with --json, text on standard error.
    pub fn error(&self, error: &Error) {
        if self.json {
            outln!("{}", json!({ "error": error_json(error) }));
        } else {
            let label = self.pick("错误", "error");
            eprintln!(
                "{label} {} ({}): {}",
                error.code().code(),
                error.code().name(),
                error.message(self.lang)
            );
        }
    }

    pub fn print_json(&self, value: &Value) {
        outln!("{value}");
    }
}

/// The stable JSON form of an error: code, name and both messages, plus the provider's
/// responseCode and responseMsg for provider errors.
pub fn error_json(error: &Error) -> Value {
    let mut object = json!({
        "code": error.code().code(),
        "name": error.code().name(),
        "message_zh": error.message_zh(),
        "message_en": error.message_en(),
    });
    if let Some(failure) = error.provider_failure() {
        object["responseCode"] = json!(failure.response_code);
        object["responseMsg"] = json!(failure.response_msg);
    }
    object
}

/// Words an I/O error in Chinese and English. The system's own text is English on most
/// machines, so the common kinds get words of their own and the rest keep the system's text.
pub fn io_problem(error: &io::Error) -> (String, String) {
    let (zh, en) = match error.kind() {
        io::ErrorKind::NotFound => ("文件或目录不存在", "no such file or directory"),
        io::ErrorKind::PermissionDenied => ("没有访问权限", "permission denied"),
        io::ErrorKind::IsADirectory => ("这是目录，不是文件", "it is a directory, not a file"),
        io::ErrorKind::NotADirectory => (
            "路径中有一段不是目录",
            "a part of the path is not a directory",
        ),
        io::ErrorKind::StorageFull => ("磁盘已满", "no space left on the device"),
        io::ErrorKind::ReadOnlyFilesystem => ("文件系统只读", "the file system is read-only"),
        _ => return (format!("系统错误：{error}"), error.to_string()),
    };
    (zh.to_owned(), en.to_owned())
}
