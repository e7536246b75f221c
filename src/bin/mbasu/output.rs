//! Printing results as text in the chosen language, or as stable JSON.

use mbasu::{Error, Lang};
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
            println!("{}", json!({ "error": error_json(error) }));
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
        println!("{value}");
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
