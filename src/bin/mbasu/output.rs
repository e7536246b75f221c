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
    let _ = writeln!(
        io::stderr(),
        "mbasu: 写入标准输出失败 / writing standard output failed: {error}"
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
