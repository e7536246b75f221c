//! Request envelopes and response interpretation, for front ends that talk to the provider
//! through their own proxy (feature `envelope`).

use std::sync::Arc;

use mbasu::config::RandomSource;
use mbasu::response::{Detail, Warning};
use mbasu::{
    build_request, interpret_http, parse_response, Config, Credentials, EncryptType,
    EncryptTypeCodes, Error, FixedClock, HttpOutcome, Interface, Interpretation, Mode,
    RequestFields, RequestForm, RequestOptions,
};
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

use crate::boundary::{enter, invalid_argument, throw_on_error, to_js, JsResult};
use crate::convert::{array, bytes, static_str, text, OptionsObject};
use crate::encrypt::{read_cipher, read_hash_options, TRIPLE_DES_OPTION_KEYS};

#[wasm_bindgen(typescript_custom_section)]
const ENVELOPE_TS: &'static str = r#"
/** The interface codes of the spec. */
export type InterfaceCode = "MBASU001" | "MBASU010" | "MBASU004";

/** The `encryptType` code sent for each method; the spec does not fix them. */
export interface EncryptTypeCodes {
  plaintext: string;
  md5: string;
  sha256: string;
  sm3: string;
  "3des": string;
}

/** Settings an integration configures once; every property is optional. */
export interface ClientOptions {
  /** Default: `0` plaintext, `1` MD5, `2` SHA256, `3` SM3, `4` 3DES. */
  encryptTypeCodes?: EncryptTypeCodes;
  /** Letter case of digests sent; default `lower`. */
  hexCase?: "lower" | "upper";
  /** 16 sends the 16-character MD5; default 32. */
  md5Length?: 32 | 16;
  /** The 3DES key for fields sent with encryptType `3des`. */
  tripleDes?: TripleDesOptions;
  /** Credentials for signed and sealed envelopes: the secretId and the Base64 secretKey. */
  secretId?: string;
  secretKeyBase64?: string;
  /** Prefix of generated requestRefIds; default `xwdb_`. */
  requestRefPrefix?: string;
  /** Validation of the fields of built requests; default `normalize`. */
  mode?: "strict" | "normalize";
  /** The earliest birth year accepted in an ID number; default 1900. */
  minBirthYear?: number;
  /** Largest response body accepted, in bytes; default 65536. */
  maxBodyBytes?: number;
  /** The current time for requestRefIds and birth-date checks; default `Date.now()`. */
  now?: Date | number;
}

/** The applicant's fields as entered; they are validated (and normalised by default) first. */
export interface RequestFields {
  mobile: string;
  certNo: string;
  /** Required by MBASU001, rejected by the others. */
  name?: string;
}

/** Settings of one request, on top of the client settings. */
export interface RequestOptions extends ClientOptions {
  /** The protection of the fields; when absent, no encryptType is sent. MBASU004 takes none. */
  encryptType?: EncryptType;
  /** The caller's requestRefId; by default one is generated (prefix, time, six digits). */
  requestRefId?: string;
  /** `standard` (default), `signed` (secretId and signature in the head) or `sealed`. */
  form?: "standard" | "signed" | "sealed";
}

/** A request ready to send: POST `body` to the provider's base URL followed by `path`. */
export interface BuiltRequest {
  interface: InterfaceCode;
  /** `/MBASU001` and so on. */
  path: string;
  requestRefId: string;
  /** Compact UTF-8 JSON. */
  body: string;
}

/** Settings for reading a response, on top of the client settings. */
export interface ResponseOptions extends ClientOptions {
  /** The requestRefId that was sent; when given, the echo must match. */
  expectedRequestRefId?: string;
}

/** The meaning of a definite value for its interface; null for no data and query errors. */
export type ResponseDetail =
  | { kind: "match"; nameMatches: boolean; certNoMatches: boolean }
  | { kind: "in_net_period"; monthsAbove: number; monthsAtMost: number | null }
  | { kind: "status"; status: "in_use" | "suspended" | "unusable" | "cancelled"; usable: boolean }
  | null;

/** A non-fatal deviation from the spec found while reading a response. */
export interface ResponseWarning {
  code: number;
  name: string;
  messageZh: string;
  messageEn: string;
}

/** A response read and interpreted. */
export interface Interpretation {
  interface: InterfaceCode;
  /** The value as the spec spells it: `"0"`, `"-1"` and so on. */
  value: string;
  /** `no_data` is -1 (asking again will not help), `query_error` is -2 (a retry can help). */
  category: "answered" | "no_data" | "query_error";
  outcome: "pass" | "fail" | "no_data" | "query_error";
  retryable: boolean;
  labelZh: string;
  labelEn: string;
  detail: ResponseDetail;
  requestRefId: string | null;
  responseRefId: string | null;
  responseMsg: string | null;
  warnings: ResponseWarning[];
}

/** The classification of an HTTP exchange, which says whether to retry. */
export type HttpOutcome =
  | { kind: "answered"; interpretation: Interpretation }
  | { kind: "provider_error"; error: MbasuError }
  | { kind: "transport_failure"; status: number; retryable: boolean; error: MbasuError }
  | { kind: "invalid_response"; error: MbasuError };
"#;

#[wasm_bindgen(module = "/js/objects.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeBuiltRequest)]
    fn make_built_request(
        interface: JsValue,
        path: &str,
        request_ref_id: &str,
        body: &str,
    ) -> JsValue;

    #[wasm_bindgen(js_name = makeInterpretation)]
    #[allow(clippy::too_many_arguments)]
    fn make_interpretation(
        interface: JsValue,
        value: JsValue,
        category: JsValue,
        outcome: JsValue,
        retryable: bool,
        label_zh: JsValue,
        label_en: JsValue,
        detail: JsValue,
        request_ref_id: Option<&str>,
        response_ref_id: Option<&str>,
        response_msg: Option<&str>,
        warnings: JsValue,
    ) -> JsValue;

    #[wasm_bindgen(js_name = makeMatchDetail)]
    fn make_match_detail(name_matches: bool, cert_no_matches: bool) -> JsValue;

    #[wasm_bindgen(js_name = makeInNetPeriodDetail)]
    fn make_in_net_period_detail(months_above: u32, months_at_most: Option<u32>) -> JsValue;

    #[wasm_bindgen(js_name = makeStatusDetail)]
    fn make_status_detail(status: JsValue, usable: bool) -> JsValue;

    #[wasm_bindgen(js_name = makeWarning)]
    fn make_warning(code: u32, name: JsValue, zh: &str, en: &str) -> JsValue;

    #[wasm_bindgen(js_name = makeHttpOutcome)]
    fn make_http_outcome(
        kind: JsValue,
        interpretation: JsValue,
        status: Option<u16>,
        retryable: Option<bool>,
        error: JsValue,
    ) -> JsValue;
}

/// Reference-id digits from `Math.random()`: the core needs uniqueness, not secrecy, and
/// wasm32-unknown-unknown has no entropy source of its own.
struct MathRandom;

impl RandomSource for MathRandom {
    fn next_u64(&self) -> u64 {
        // 2^53: every integer below it is exact in an f64.
        (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
    }
}

/// Expands to a key list of an options type that extends `ClientOptions`: the type's own
/// properties, given as arguments, then those of `ClientOptions`.
macro_rules! with_client_option_keys {
    ($($own:literal),*) => {
        &[
            $($own,)*
            "encryptTypeCodes",
            "hexCase",
            "md5Length",
            "tripleDes",
            "secretId",
            "secretKeyBase64",
            "requestRefPrefix",
            "mode",
            "minBirthYear",
            "maxBodyBytes",
            "now",
        ]
    };
}

/// The properties of `RequestOptions`.
const REQUEST_OPTION_KEYS: &[&str] =
    with_client_option_keys!("encryptType", "requestRefId", "form");

/// The properties of `ResponseOptions`.
const RESPONSE_OPTION_KEYS: &[&str] = with_client_option_keys!("expectedRequestRefId");

/// The properties of `EncryptTypeCodes`, in the order `EncryptTypeCodes::new` takes them.
const ENCRYPT_TYPE_CODE_KEYS: &[&str] = &["plaintext", "md5", "sha256", "sm3", "3des"];

/// The properties of `RequestFields`.
const REQUEST_FIELD_KEYS: &[&str] = &["mobile", "certNo", "name"];

fn read_codes(options: &OptionsObject) -> Result<Option<EncryptTypeCodes>, Error> {
    let value = options.get("encryptTypeCodes")?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let codes = OptionsObject::new(&value, "options.encryptTypeCodes", ENCRYPT_TYPE_CODE_KEYS)?;
    let mut table = Vec::with_capacity(5);
    for &key in ENCRYPT_TYPE_CODE_KEYS {
        match codes.text(key)? {
            Some(code) => table.push(code),
            None => {
                return Err(invalid_argument(
                    &format!("缺少 options.encryptTypeCodes.{key}"),
                    &format!("options.encryptTypeCodes.{key} is missing"),
                ))
            }
        }
    }
    EncryptTypeCodes::new(&table[0], &table[1], &table[2], &table[3], &table[4]).map(Some)
}

fn read_now(options: &OptionsObject) -> Result<i64, Error> {
    let value = options.get("now")?;
    let millis = if value.is_undefined() || value.is_null() {
        js_sys::Date::now()
    } else if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        date.get_time()
    } else {
        value.as_f64().unwrap_or(f64::NAN)
    };
    if !millis.is_finite() {
        return Err(Error::with_detail(
            mbasu::ErrorCode::InvalidDate,
            "options.now 应为有效的 Date 或毫秒数",
            "options.now must be a valid Date or a number of milliseconds",
        ));
    }
    Ok(millis as i64)
}

/// Builds the core's configuration from the client settings of `options`.
fn read_config(options: &OptionsObject) -> Result<Config, Error> {
    let mut builder = Config::builder()
        .clock(Arc::new(FixedClock(read_now(options)?)))
        .random(Arc::new(MathRandom))
        .hash_options(read_hash_options(options)?);

    if let Some(codes) = read_codes(options)? {
        builder = builder.codes(codes);
    }
    let triple_des = options.get("tripleDes")?;
    if !triple_des.is_undefined() && !triple_des.is_null() {
        builder = builder.triple_des(read_cipher(&OptionsObject::new(
            &triple_des,
            "options.tripleDes",
            TRIPLE_DES_OPTION_KEYS,
        )?)?);
    }
    match (options.text("secretId")?, options.text("secretKeyBase64")?) {
        (Some(id), Some(key)) => {
            builder = builder.credentials(Credentials::from_base64(&id, &Zeroizing::new(key))?)
        }
        (None, None) => {}
        _ => {
            return Err(invalid_argument(
                "secretId 和 secretKeyBase64 需要同时给出",
                "give both secretId and secretKeyBase64, or neither",
            ))
        }
    }
    if let Some(prefix) = options.text("requestRefPrefix")? {
        builder = builder.request_ref_prefix(&prefix)?;
    }
    if let Some(index) = options.choice("mode", &["strict", "normalize"])? {
        builder = builder.validation_mode([Mode::Strict, Mode::Normalize][index]);
    }
    if let Some(year) = options.integer("minBirthYear")? {
        builder = builder.min_birth_year(year);
    }
    if let Some(limit) = options.integer("maxBodyBytes")? {
        let limit = usize::try_from(limit).map_err(|_| {
            invalid_argument(
                "maxBodyBytes 不能为负数",
                "maxBodyBytes must not be negative",
            )
        })?;
        builder = builder.max_body_bytes(limit);
    }
    Ok(builder.build())
}

fn read_interface(value: &JsValue) -> Result<Interface, Error> {
    Interface::from_code(&text(value, "interfaceCode")?)
}

fn read_body(value: &JsValue) -> Result<Vec<u8>, Error> {
    if value.is_string() {
        return Ok(text(value, "body")?.into_bytes());
    }
    bytes(value, "body").map_err(|_| {
        invalid_argument(
            "body 应为字符串或 Uint8Array",
            "body must be a string or a Uint8Array",
        )
    })
}

fn build(interface: &JsValue, fields: &JsValue, options: &JsValue) -> Result<JsValue, Error> {
    let interface = read_interface(interface)?;
    if fields.is_undefined() || fields.is_null() {
        return Err(invalid_argument(
            "fields 应为对象",
            "fields must be an object",
        ));
    }
    let fields = OptionsObject::new(fields, "fields", REQUEST_FIELD_KEYS)?;
    let mobile = fields.text("mobile")?.unwrap_or_default();
    let cert_no = fields.text("certNo")?.unwrap_or_default();
    let name = fields.text("name")?;

    let options = OptionsObject::new(options, "options", REQUEST_OPTION_KEYS)?;
    let config = read_config(&options)?;
    let encrypt_type = match options.text("encryptType")? {
        Some(name) => Some(EncryptType::from_name(&name)?),
        None => None,
    };
    let request_ref_id = options.text("requestRefId")?;
    let form = match options.choice("form", &["standard", "signed", "sealed"])? {
        Some(1) => RequestForm::Signed,
        Some(2) => RequestForm::Sealed,
        _ => RequestForm::Standard,
    };

    let request = RequestFields {
        mobile: &mobile,
        cert_no: &cert_no,
        name: name.as_deref(),
    };
    let request_options = RequestOptions {
        encrypt_type,
        request_ref_id: request_ref_id.as_deref(),
        form,
    };
    let built = build_request(&config, interface, &request, &request_options)?;
    Ok(make_built_request(
        static_str(built.interface.code()),
        &built.path,
        &built.request_ref_id,
        &built.body,
    ))
}

/// Validates, normalises and encrypts the fields, then serialises the request envelope:
/// compact JSON with `param` keys in the spec's order, byte-for-byte reproducible.
///
/// Throws `MbasuError` with the first field error's code (100–499, every field error in the
/// message), 501 when MBASU004 is given an encryptType, 510/612 for a missing key or
/// credentials, 609 for a bad requestRefId, 608 for an unknown interface code.
#[wasm_bindgen(js_name = buildRequest, unchecked_return_type = "BuiltRequest")]
pub fn build_request_js(
    #[wasm_bindgen(unchecked_param_type = "InterfaceCode")] interface_code: JsValue,
    #[wasm_bindgen(unchecked_param_type = "RequestFields")] fields: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RequestOptions")] options: JsValue,
) -> JsResult<JsValue> {
    enter();
    throw_on_error(build(&interface_code, &fields, &options))
}

fn detail_to_js(detail: Detail) -> JsValue {
    match detail {
        Detail::Match {
            name_matches,
            cert_no_matches,
        } => make_match_detail(name_matches, cert_no_matches),
        Detail::InNetPeriod {
            months_above,
            months_at_most,
        } => make_in_net_period_detail(months_above, months_at_most),
        Detail::Status { status, usable } => make_status_detail(static_str(status.name()), usable),
        Detail::None => JsValue::NULL,
    }
}

fn warning_to_js(warning: &Warning) -> JsValue {
    make_warning(
        warning.code.code(),
        static_str(warning.code.name()),
        &warning.message_zh,
        &warning.message_en,
    )
}

fn interpretation_to_js(interpretation: &Interpretation) -> JsValue {
    let meaning = &interpretation.meaning;
    make_interpretation(
        static_str(interpretation.interface.code()),
        static_str(interpretation.value),
        static_str(meaning.category.name()),
        static_str(meaning.outcome.name()),
        interpretation.is_retryable(),
        static_str(meaning.label_zh),
        static_str(meaning.label_en),
        detail_to_js(meaning.detail),
        interpretation.request_ref_id.as_deref(),
        interpretation.response_ref_id.as_deref(),
        interpretation.response_msg.as_deref(),
        array(&interpretation.warnings, warning_to_js),
    )
}

/// Parses a response body (a string or UTF-8 bytes), checks its head and interprets the value.
/// A sealed `response` string is opened with `secretKeyBase64`.
///
/// Throws `MbasuError` code 603 for a non-success responseCode, with `responseCode` and
/// `responseMsg` set. Other codes: 600 for a body that is not JSON, 601/606 for a missing or
/// mistyped field, 602 for a value outside the spec, 604 when the echoed requestRefId differs,
/// 605 for a body over `maxBodyBytes`.
#[wasm_bindgen(js_name = parseResponse, unchecked_return_type = "Interpretation")]
pub fn parse_response_js(
    #[wasm_bindgen(unchecked_param_type = "InterfaceCode")] interface_code: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] body: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ResponseOptions")] options: JsValue,
) -> JsResult<JsValue> {
    enter();
    let interface = throw_on_error(read_interface(&interface_code))?;
    let body = throw_on_error(read_body(&body))?;
    let options = throw_on_error(OptionsObject::new(
        &options,
        "options",
        RESPONSE_OPTION_KEYS,
    ))?;
    let config = throw_on_error(read_config(&options))?;
    let expected = throw_on_error(options.text("expectedRequestRefId"))?;
    let interpretation = throw_on_error(parse_response(
        &config,
        interface,
        &body,
        expected.as_deref(),
    ))?;
    Ok(interpretation_to_js(&interpretation))
}

/// Classifies an HTTP exchange: a spec response (possibly -1 or -2), a provider error, a transport
/// failure (retryable for 5xx, 408 and 429) or a 2xx body that breaks the spec. A non-2xx
/// status whose body is still a spec response is read as that response.
///
/// Throws `MbasuError` only for malformed arguments; the outcomes carry their errors.
#[wasm_bindgen(js_name = interpretHttp, unchecked_return_type = "HttpOutcome")]
pub fn interpret_http_js(
    #[wasm_bindgen(unchecked_param_type = "InterfaceCode")] interface_code: JsValue,
    status: u16,
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] body: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ResponseOptions")] options: JsValue,
) -> JsResult<JsValue> {
    enter();
    let interface = throw_on_error(read_interface(&interface_code))?;
    let body = throw_on_error(read_body(&body))?;
    let options = throw_on_error(OptionsObject::new(
        &options,
        "options",
        RESPONSE_OPTION_KEYS,
    ))?;
    let config = throw_on_error(read_config(&options))?;
    let expected = throw_on_error(options.text("expectedRequestRefId"))?;

    let outcome = match interpret_http(&config, interface, status, &body, expected.as_deref()) {
        HttpOutcome::Answered(interpretation) => make_http_outcome(
            static_str("answered"),
            interpretation_to_js(&interpretation),
            None,
            None,
            JsValue::NULL,
        ),
        HttpOutcome::ProviderError(error) => make_http_outcome(
            static_str("provider_error"),
            JsValue::NULL,
            None,
            None,
            to_js(&error),
        ),
        HttpOutcome::TransportFailure {
            status,
            retryable,
            error,
        } => make_http_outcome(
            static_str("transport_failure"),
            JsValue::NULL,
            Some(status),
            Some(retryable),
            to_js(&error),
        ),
        HttpOutcome::InvalidResponse(error) => make_http_outcome(
            static_str("invalid_response"),
            JsValue::NULL,
            None,
            None,
            to_js(&error),
        ),
    };
    Ok(outcome)
}
