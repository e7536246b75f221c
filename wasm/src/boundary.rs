//! The boundary between JavaScript and the core: errors become `MbasuError`, panics become an
//! `MbasuError` with code 6 and a fresh instance.
//!
//! `wasm32-unknown-unknown` builds with `panic = "abort"` on stable Rust, so `catch_unwind`
//! cannot stop a panic. Instead the panic hook schedules the replacement of the instance before
//! the next call (`schedule_reinit`, wasm-bindgen 0.2.130) and throws the error into
//! JavaScript itself. The throw leaves the current instance without running destructors, which
//! is safe only because that instance is never called again.

use std::sync::Once;

use mbasu::{Error, ErrorCode};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/mbasu-error.js")]
extern "C" {
    /// The error class of every exception this package throws. Its TypeScript declaration is
    /// the custom section below: wasm-bindgen 0.2.130 types a re-exported import as `unknown`.
    #[wasm_bindgen(reexport, extends = js_sys::Error)]
    pub type MbasuError;

    #[wasm_bindgen(constructor)]
    #[allow(clippy::too_many_arguments)]
    fn new(
        message: &str,
        code: u32,
        name: &str,
        field: Option<&str>,
        message_zh: &str,
        message_en: &str,
        response_code: Option<&str>,
        response_msg: Option<&str>,
    ) -> MbasuError;
}

#[wasm_bindgen(typescript_custom_section)]
const MBASU_ERROR_TS: &'static str = r#"
/**
 * The error every function of this package throws.
 *
 * `code` and `name` are mbasu's stable error code and its snake_case name (3 and
 * `lone_surrogate`, 6 and `panic`), the same numbers as in every other binding of mbasu.
 * A name repeats across fields (`format`), so it is unique together with `field`.
 */
export class MbasuError extends Error {
  readonly code: number;
  readonly name: string;
  /** The input field the error is about (`mobile`, `certNo`, `name`, ...), or null. */
  readonly field: string | null;
  readonly messageZh: string;
  readonly messageEn: string;
  /** For code 603 (`provider_error`): the provider's responseCode, otherwise null. */
  readonly responseCode: string | null;
  /** For code 603 (`provider_error`): the provider's responseMsg, otherwise null. */
  readonly responseMsg: string | null;
}
"#;

static PANIC_HOOK: Once = Once::new();

/// Installs the panic hook in this instance; every export calls it first.
///
/// A fresh instance after a panic starts with fresh statics, so the hook is installed again.
pub fn enter() {
    PANIC_HOOK.call_once(|| std::panic::set_hook(Box::new(|_| throw_panic())));
}

fn throw_panic() -> ! {
    // The panic message is not passed on, because it could quote a personal value.
    wasm_bindgen::handler::schedule_reinit();
    wasm_bindgen::throw_val(to_js(&Error::from_code(ErrorCode::Panic)))
}

/// Converts a core error into the `MbasuError` to throw.
pub fn to_js(error: &Error) -> JsValue {
    let code = error.code();
    let wire_name = code.field().wire_name();
    let field = (!wire_name.is_empty()).then_some(wire_name);
    let provider = error.provider_failure();
    MbasuError::new(
        &error.to_string(),
        code.code(),
        code.name(),
        field,
        error.message_zh(),
        error.message_en(),
        provider.map(|failure| failure.response_code.as_str()),
        provider.map(|failure| failure.response_msg.as_str()),
    )
    .into()
}

/// The result type of every export: an error is thrown as `MbasuError`.
pub type JsResult<T> = Result<T, JsValue>;

/// Converts a core result into an export's result.
pub fn throw_on_error<T>(result: mbasu::Result<T>) -> JsResult<T> {
    result.map_err(|error| to_js(&error))
}

/// Creates the error for an argument of the wrong type or form.
pub fn invalid_argument(detail_zh: &str, detail_en: &str) -> Error {
    Error::with_detail(ErrorCode::InvalidArgument, detail_zh, detail_en)
}
