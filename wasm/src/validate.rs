//! Validation of mobile, ID number and name, and the facts derived from them.

use mbasu::cert_no::{info, upgrade_15_to_18};
use mbasu::mobile::segment_of;
use mbasu::{
    validate_applicant, validate_cert_no, validate_mobile, validate_name, Applicant, Change, Clock,
    Date, ErrorCode, Field, FieldReport, FixedClock, Mode, Options, Problem, Report,
};
use wasm_bindgen::prelude::*;

use crate::boundary::{enter, invalid_argument, throw_on_error, to_js, JsResult};
use crate::convert::{array, static_str, text, OptionsObject};
use crate::encrypt::Encryptor;

#[wasm_bindgen(typescript_custom_section)]
const VALIDATE_TS: &'static str = r#"
/** Settings for validation. */
export interface ValidateOptions {
  /**
   * `strict` (default): the value must already be canonical, and every difference is a problem.
   * `normalize`: spaces, full-width digits, `+86`, a lowercase `x` and look-alike dots are
   * corrected, each correction is listed in `changes`, and the corrected value is validated.
   */
  mode?: "strict" | "normalize";
  /**
   * The date birth dates are checked against: `YYYY-MM-DD`, or a `Date` whose China
   * Standard Time (UTC+8) date is taken. Default: the China date of `Date.now()`.
   */
  today?: string | Date;
  /** The earliest birth year accepted in an ID number; default 1900. */
  minBirthYear?: number;
  /**
   * Encrypts each valid canonical value into `FieldReport.encrypted`, as `encryptField`
   * would; the slim build accepts `{ encryptType: "sm3" }` only.
   */
  encrypt?: EncryptFieldOptions;
}

/** The input fields this package validates, spelled as on the wire. */
export type FieldName = "mobile" | "certNo" | "name";

/** One thing wrong with a field, with messages to show the person filling in the form. */
export interface Problem {
  field: FieldName;
  /** An error blocks the value; a warning (unknown mobile segment, Hong Kong region code) does not. */
  severity: "error" | "warning";
  /** mbasu's stable error code, e.g. 304 for a wrong ID check character. */
  code: number;
  /** The code's snake_case name, e.g. `check_digit`; unique together with `field`. */
  name: string;
  messageZh: string;
  messageEn: string;
}

/** One correction that `normalize` mode made. */
export interface Change {
  field: FieldName;
  /** `trimmed`, `full_width_converted`, `separators_removed`, `country_code_removed`,
   * `check_character_uppercased`, `dot_replaced` or `whitespace_removed`. */
  kind: string;
  messageZh: string;
  messageEn: string;
}

/** The outcome of validating one field. */
export interface FieldReport {
  field: FieldName;
  /** True when no problem is an error. */
  valid: boolean;
  /** The canonical value when `valid`, otherwise null; hash or encrypt this value. */
  value: string | null;
  problems: Problem[];
  /** Corrections made; always empty in `strict` mode. */
  changes: Change[];
  /** With `options.encrypt`: the encrypted `value`, or null when the field is invalid. */
  encrypted?: string | null;
}

/** The fields of one applicant; a field that is undefined or null is not validated. */
export interface Applicant {
  mobile?: string | null;
  certNo?: string | null;
  name?: string | null;
}

/** The outcome of validating an applicant. */
export interface Report {
  valid: boolean;
  /** One report per field given, in the order mobile, certNo, name. */
  fields: FieldReport[];
  /** Every problem of every field, in field order. */
  problems: Problem[];
}

/** Facts derived from a valid ID number. */
export interface CertNoInfo {
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** Age in whole years on `today`. */
  age: number;
  gender: "male" | "female";
  genderZh: string;
  /** The first two digits. */
  provinceCode: string;
  provinceZh: string;
  provinceEn: string;
  /** True for region codes 71, 81, 82 and 83 (Taiwan, Hong Kong, Macao). */
  outsideMainland: boolean;
}

/** The allocation of a mobile number's segment. */
export interface MobileSegment {
  /** The matched prefix, 3 to 5 digits. */
  prefix: string;
  kind: "basic" | "virtual" | "data" | "broadcast" | "satellite";
  kindZh: string;
  kindEn: string;
  operator: "china_mobile" | "china_unicom" | "china_telecom" | "china_broadnet" | "various";
  operatorZh: string;
  operatorEn: string;
}

/** One entry of mbasu's error code table. */
export interface ErrorCodeInfo {
  code: number;
  name: string;
  /** The input field the code belongs to, or null. */
  field: string | null;
  /** Whether the code, as a validation problem, is a warning. */
  warning: boolean;
  descriptionZh: string;
  descriptionEn: string;
}
"#;

/// Validation options as read from JavaScript, with the encryption of valid values if asked.
pub(crate) struct Settings {
    pub options: Options,
    pub encryptor: Option<Encryptor>,
}

/// The properties of `ValidateOptions`.
const VALIDATE_OPTION_KEYS: &[&str] = &["mode", "today", "minBirthYear", "encrypt"];

/// The properties of `Applicant`.
const APPLICANT_KEYS: &[&str] = &["mobile", "certNo", "name"];

/// Reads validation options; `today` defaults to the China date of `Date.now()`.
pub(crate) fn read_settings(value: &JsValue) -> Result<Settings, mbasu::Error> {
    let options = OptionsObject::new(value, "options", VALIDATE_OPTION_KEYS)?;
    let mut result = Options::default();

    if let Some(index) = options.choice("mode", &["strict", "normalize"])? {
        result.mode = [Mode::Strict, Mode::Normalize][index];
    }
    if let Some(year) = options.integer("minBirthYear")? {
        result.min_birth_year = year;
    }

    let today = options.get("today")?;
    result.today = Some(if today.is_undefined() || today.is_null() {
        // wasm32-unknown-unknown has no system clock, so the core gets JavaScript's.
        FixedClock(js_sys::Date::now() as i64).today()
    } else {
        read_today(&today)?
    });

    let encrypt = options.get("encrypt")?;
    let encryptor = if encrypt.is_undefined() || encrypt.is_null() {
        None
    } else {
        Some(Encryptor::read(&encrypt)?)
    };
    Ok(Settings {
        options: result,
        encryptor,
    })
}

/// Reads validation options, ignoring `encrypt`.
pub(crate) fn read_options(value: &JsValue) -> Result<Options, mbasu::Error> {
    read_settings(value).map(|settings| settings.options)
}

fn read_today(value: &JsValue) -> Result<Date, mbasu::Error> {
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        let millis = date.get_time();
        if !millis.is_finite() {
            return Err(mbasu::Error::with_detail(
                ErrorCode::InvalidDate,
                "options.today 是无效的 Date",
                "options.today is an invalid Date",
            ));
        }
        return Ok(FixedClock(millis as i64).today());
    }
    if value.is_string() {
        return Date::parse_iso(&text(value, "options.today")?);
    }
    Err(invalid_argument(
        "options.today 应为 YYYY-MM-DD 字符串或 Date",
        "options.today must be a YYYY-MM-DD string or a Date",
    ))
}

#[wasm_bindgen(module = "/js/objects.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeProblem)]
    fn make_problem(
        field: JsValue,
        severity: JsValue,
        code: u32,
        name: JsValue,
        zh: &str,
        en: &str,
    ) -> JsValue;

    #[wasm_bindgen(js_name = makeChange)]
    fn make_change(field: JsValue, kind: JsValue, zh: &str, en: &str) -> JsValue;

    #[wasm_bindgen(js_name = makeFieldReport)]
    fn make_field_report(
        field: JsValue,
        valid: bool,
        value: JsValue,
        problems: JsValue,
        changes: JsValue,
        encrypted: JsValue,
    ) -> JsValue;

    #[wasm_bindgen(js_name = makeReport)]
    fn make_report(valid: bool, fields: JsValue, problems: JsValue) -> JsValue;

    #[wasm_bindgen(js_name = makeCertNoInfo)]
    #[allow(clippy::too_many_arguments)]
    fn make_cert_no_info(
        birth_date: &str,
        age: i32,
        gender: &str,
        gender_zh: &str,
        province_code: &str,
        province_zh: &str,
        province_en: &str,
        outside_mainland: bool,
    ) -> JsValue;

    #[wasm_bindgen(js_name = makeMobileSegment)]
    fn make_mobile_segment(
        prefix: &str,
        kind: &str,
        kind_zh: &str,
        kind_en: &str,
        operator: &str,
        operator_zh: &str,
        operator_en: &str,
    ) -> JsValue;

    #[wasm_bindgen(js_name = makeErrorCodeInfo)]
    fn make_error_code_info(
        code: u32,
        name: &str,
        field: Option<&str>,
        warning: bool,
        zh: &str,
        en: &str,
    ) -> JsValue;
}

fn problem_to_js(problem: &Problem) -> JsValue {
    make_problem(
        static_str(problem.field.wire_name()),
        static_str(problem.severity.name()),
        problem.code.code(),
        static_str(problem.name()),
        &problem.message_zh,
        &problem.message_en,
    )
}

fn change_to_js(change: &Change) -> JsValue {
    make_change(
        static_str(change.field.wire_name()),
        static_str(change.kind.name()),
        &change.message_zh,
        &change.message_en,
    )
}

/// Converts a field report; `input` is the string validated, reused as `value` when equal so
/// the canonical value is not copied back into JavaScript. With an encryptor, the report gets
/// `encrypted`: the encrypted value, or null when the field is invalid.
fn field_report_to_js(
    report: &FieldReport,
    input: Option<&(String, JsValue)>,
    encryptor: Option<&Encryptor>,
) -> Result<JsValue, mbasu::Error> {
    let value = match (&report.value, input) {
        (None, _) => JsValue::NULL,
        (Some(value), Some((text, original))) if value == text => original.clone(),
        (Some(value), _) => JsValue::from_str(value),
    };
    let encrypted = match (encryptor, &report.value) {
        (None, _) => JsValue::UNDEFINED,
        (Some(_), None) => JsValue::NULL,
        (Some(encryptor), Some(value)) => JsValue::from_str(&encryptor.encrypt(value)?),
    };
    Ok(make_field_report(
        static_str(report.field.wire_name()),
        report.is_valid(),
        value,
        array(&report.problems, problem_to_js),
        array(&report.changes, change_to_js),
        encrypted,
    ))
}

fn text_of(input: &Option<(String, JsValue)>) -> Option<&str> {
    input.as_ref().map(|(text, _)| text.as_str())
}

fn validate_one(
    value: JsValue,
    options: &JsValue,
    validate: fn(&str, &Options) -> FieldReport,
) -> JsResult<JsValue> {
    enter();
    let input = (throw_on_error(text(&value, "value"))?, value);
    let settings = throw_on_error(read_settings(options))?;
    let report = validate(&input.0, &settings.options);
    throw_on_error(field_report_to_js(
        &report,
        Some(&input),
        settings.encryptor.as_ref(),
    ))
}

/// Validates a mobile number: 11 digits, `1` then `3`–`9`. An unknown segment is only a warning.
///
/// Throws `MbasuError` when `value` is not a string (code 1) or contains a lone surrogate
/// (code 3), or when `options` is malformed (code 1, or 8 for a bad `today`).
#[wasm_bindgen(js_name = validateMobile, unchecked_return_type = "FieldReport")]
pub fn validate_mobile_js(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsResult<JsValue> {
    validate_one(value, &options, validate_mobile)
}

/// Validates a resident identity card number (certType `00`): 18 characters, region, birth
/// date not after `today`, and the GB 11643-1999 check character.
///
/// Throws `MbasuError` as `validateMobile` does.
#[wasm_bindgen(js_name = validateCertNo, unchecked_return_type = "FieldReport")]
pub fn validate_cert_no_js(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsResult<JsValue> {
    validate_one(value, &options, validate_cert_no)
}

/// Validates a Chinese name: 2 to 40 Han characters from every plane, `〇`, and the middle dot
/// `·` (U+00B7) between parts.
///
/// Throws `MbasuError` as `validateMobile` does.
#[wasm_bindgen(js_name = validateName, unchecked_return_type = "FieldReport")]
pub fn validate_name_js(
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsResult<JsValue> {
    validate_one(value, &options, validate_name)
}

/// Validates every field the applicant has and returns every problem at once.
///
/// Throws `MbasuError` when `applicant` is not an object or a field is neither a string nor
/// undefined/null (code 1), or a field contains a lone surrogate (code 3).
#[wasm_bindgen(js_name = validateApplicant, unchecked_return_type = "Report")]
pub fn validate_applicant_js(
    #[wasm_bindgen(unchecked_param_type = "Applicant")] applicant: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsValue {
    // The report is returned as it is and an error is thrown from here, instead of returning a
    // `Result`, because wasm-bindgen 0.2.130's glue for a `Result` allocates an array and makes
    // two more calls into the module on every call. Nothing is left to drop when it throws.
    enter();
    let result = match crate::packed::validate_packed(&applicant, &options) {
        Some(result) => throw_on_error(result),
        None => validate_applicant_general(applicant, &options),
    };
    match result {
        Ok(report) => report,
        Err(error) => wasm_bindgen::throw_val(error),
    }
}

/// Validates an applicant whose arguments the packed path does not take.
fn validate_applicant_general(applicant: JsValue, options: &JsValue) -> JsResult<JsValue> {
    if applicant.is_undefined() || applicant.is_null() {
        return Err(to_js(&invalid_argument(
            "applicant 应为对象",
            "applicant must be an object",
        )));
    }
    let fields = throw_on_error(OptionsObject::new(&applicant, "applicant", APPLICANT_KEYS))?;
    let mobile = throw_on_error(fields.text_with_value("mobile"))?;
    let cert_no = throw_on_error(fields.text_with_value("certNo"))?;
    let name = throw_on_error(fields.text_with_value("name"))?;
    let settings = throw_on_error(read_settings(options))?;

    let applicant = Applicant {
        mobile: text_of(&mobile),
        cert_no: text_of(&cert_no),
        name: text_of(&name),
    };
    let report: Report = validate_applicant(&applicant, &settings.options);

    let input_of = |field: Field| match field {
        Field::Mobile => mobile.as_ref(),
        Field::CertNo => cert_no.as_ref(),
        Field::Name => name.as_ref(),
        _ => None,
    };
    let fields = js_sys::Array::new();
    for field in &report.fields {
        let encryptor = settings.encryptor.as_ref();
        fields.push(&throw_on_error(field_report_to_js(
            field,
            input_of(field.field),
            encryptor,
        ))?);
    }
    Ok(make_report(
        report.is_valid(),
        fields.into(),
        array(report.problems(), problem_to_js),
    ))
}

/// Derives birth date, age on `today`, gender and province from a valid ID number.
///
/// Throws `MbasuError` with the first validation error's code when the number is not valid
/// in the given mode.
#[wasm_bindgen(js_name = certNoInfo, unchecked_return_type = "CertNoInfo")]
pub fn cert_no_info_js(
    #[wasm_bindgen(unchecked_param_type = "string")] cert_no: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsResult<JsValue> {
    enter();
    let cert_no = throw_on_error(text(&cert_no, "certNo"))?;
    let options = throw_on_error(read_options(&options))?;
    let facts = throw_on_error(info(&cert_no, &options))?;
    let today = options.today.unwrap_or(facts.birth_date);

    Ok(make_cert_no_info(
        &facts.birth_date.to_string(),
        facts.age_on(today),
        facts.gender.name(),
        facts.gender.label_zh(),
        &facts.province_code,
        facts.province_zh,
        facts.province_en,
        facts.outside_mainland,
    ))
}

/// Upgrades a 15-digit first-generation ID number to 18 characters and validates the result.
///
/// Throws `MbasuError` code 301 (`length`) unless the input is 15 digits, or the code of the
/// upgraded number's first error.
#[wasm_bindgen(js_name = upgradeCertNo)]
pub fn upgrade_cert_no_js(
    #[wasm_bindgen(unchecked_param_type = "string")] cert_no: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ValidateOptions")] options: JsValue,
) -> JsResult<String> {
    enter();
    let cert_no = throw_on_error(text(&cert_no, "certNo"))?;
    let options = throw_on_error(read_options(&options))?;
    throw_on_error(upgrade_15_to_18(&cert_no, &options))
}

/// Looks up the segment of a canonical 11-digit mobile number (the `value` of a valid report);
/// null when the segment is not in the table.
#[wasm_bindgen(js_name = mobileSegment, unchecked_return_type = "MobileSegment | null")]
pub fn mobile_segment_js(
    #[wasm_bindgen(unchecked_param_type = "string")] mobile: JsValue,
) -> JsResult<JsValue> {
    enter();
    let mobile = throw_on_error(text(&mobile, "mobile"))?;
    let Some(segment) = segment_of(&mobile) else {
        return Ok(JsValue::NULL);
    };
    Ok(make_mobile_segment(
        segment.prefix,
        segment.kind.name(),
        segment.kind.label_zh(),
        segment.kind.label_en(),
        segment.operator.name(),
        segment.operator.label_zh(),
        segment.operator.label_en(),
    ))
}

/// Lists mbasu's error codes in numeric order, with their names and descriptions.
#[wasm_bindgen(js_name = errorCodes, unchecked_return_type = "ErrorCodeInfo[]")]
pub fn error_codes_js() -> JsValue {
    enter();
    array(ErrorCode::ALL, |code| {
        let field = code.field().wire_name();
        make_error_code_info(
            code.code(),
            code.name(),
            (!field.is_empty()).then_some(field),
            code.is_warning(),
            code.description_zh(),
            code.description_en(),
        )
    })
}
