//! The packed path of `validateApplicant`: `js/packed.js` sends the applicant and the options
//! as one string and builds the report from one string, so a call crosses the boundary twice
//! instead of about twenty times. Arguments it cannot pack go through the general path.

use mbasu::{
    validate_applicant, Applicant, Clock, Date, FieldReport, FixedClock, HashOptions, HexCase,
    Mode, Options, Report,
};
use wasm_bindgen::prelude::*;

use crate::encrypt::Encryptor;

#[wasm_bindgen(module = "/js/packed.js")]
extern "C" {
    #[wasm_bindgen(js_name = packApplicant)]
    fn pack_applicant(applicant: &JsValue, options: &JsValue) -> Option<String>;

    #[wasm_bindgen(js_name = unpackReport)]
    fn unpack_report(packed: &str) -> JsValue;
}

const SEPARATOR: char = '\0';

// The bits of the first part; js/packed.js writes the same values.
const HAS_MOBILE: u32 = 1;
const HAS_CERT_NO: u32 = 2;
const HAS_NAME: u32 = 4;
const NORMALIZE: u32 = 8;
const TODAY_MILLIS: u32 = 16;
const HAS_MIN_BIRTH_YEAR: u32 = 32;
const HAS_ENCRYPT: u32 = 64;
const UPPER_CASE: u32 = 128;
const MD5_16: u32 = 256;

/// Validates the applicant through the packed path. Returns None when the arguments need the
/// general path; returns the same report or error as the general path otherwise.
pub(crate) fn validate_packed(
    applicant: &JsValue,
    options: &JsValue,
) -> Option<Result<JsValue, mbasu::Error>> {
    let packed = pack_applicant(applicant, options)?;
    let mut split = packed.splitn(7, SEPARATOR);
    let mut parts = [""; 7];
    for part in &mut parts {
        *part = split.next()?;
    }
    let [flags, today, min_birth_year, encrypt_type, mobile, cert_no, name] = parts;
    let flags: u32 = flags.parse().ok()?;
    let field = |bit: u32, text| (flags & bit != 0).then_some(text);

    let mut options = Options::default();
    if flags & NORMALIZE != 0 {
        options.mode = Mode::Normalize;
    }
    if flags & HAS_MIN_BIRTH_YEAR != 0 {
        options.min_birth_year = min_birth_year.parse().ok()?;
    }
    // The general path checks `today` before `encrypt`, so its errors come first here too.
    let today = if flags & TODAY_MILLIS != 0 {
        FixedClock(today.parse::<i64>().ok()?).today()
    } else {
        match Date::parse_iso(today) {
            Ok(date) => date,
            Err(error) => return Some(Err(error)),
        }
    };
    options.today = Some(today);

    let encryptor = if flags & HAS_ENCRYPT != 0 {
        let hash_options = HashOptions {
            case: if flags & UPPER_CASE != 0 {
                HexCase::Upper
            } else {
                HexCase::Lower
            },
            md5_16: flags & MD5_16 != 0,
        };
        match Encryptor::without_key(encrypt_type, hash_options) {
            Ok(Some(encryptor)) => Some(encryptor),
            Ok(None) => return None,
            Err(error) => return Some(Err(error)),
        }
    } else {
        None
    };

    let applicant = Applicant {
        mobile: field(HAS_MOBILE, mobile),
        cert_no: field(HAS_CERT_NO, cert_no),
        name: field(HAS_NAME, name),
    };
    let report = validate_applicant(&applicant, &options);
    Some(write_report(&report, &applicant, encryptor.as_ref()).map(|text| unpack_report(&text)))
}

/// Writes the report in the form `unpackReport` in js/packed.js reads.
fn write_report(
    report: &Report,
    applicant: &Applicant,
    encryptor: Option<&Encryptor>,
) -> Result<String, mbasu::Error> {
    let mut out = String::with_capacity(512);
    number(&mut out, u32::from(report.is_valid()));
    number(&mut out, report.fields.len() as u32);
    for field in &report.fields {
        write_field(&mut out, field, applicant, encryptor)?;
    }
    Ok(out)
}

/// Writes a number below 0xD000 as the one character with that code.
fn number(out: &mut String, value: u32) {
    // Field counts, problem counts and error codes are far below 0xD000.
    if value < 0x80 {
        // SAFETY: an ASCII byte is a whole UTF-8 character.
        unsafe { out.as_mut_vec().push(value as u8) };
    } else {
        out.push(char::from_u32(value.min(0xCFFF)).unwrap_or('\0'));
    }
}

fn utf16_length(value: &str) -> usize {
    if value.is_ascii() {
        value.len()
    } else {
        value.chars().map(char::len_utf16).sum()
    }
}

/// Writes the UTF-16 length of `value` in two characters (base 0xD000), then `value`.
fn text(out: &mut String, value: &str) {
    let length = utf16_length(value) as u32;
    number(out, length / 0xD000);
    number(out, length % 0xD000);
    out.push_str(value);
}

fn write_field(
    out: &mut String,
    report: &FieldReport,
    applicant: &Applicant,
    encryptor: Option<&Encryptor>,
) -> Result<(), mbasu::Error> {
    text(out, report.field.wire_name());
    number(out, u32::from(report.is_valid()));

    let input = match report.field {
        mbasu::Field::Mobile => applicant.mobile,
        mbasu::Field::CertNo => applicant.cert_no,
        mbasu::Field::Name => applicant.name,
        _ => None,
    };
    match &report.value {
        None => number(out, 0),
        Some(value) if Some(value.as_str()) == input => number(out, 1),
        Some(value) => {
            number(out, 2);
            text(out, value);
        }
    }
    match (encryptor, &report.value) {
        (None, _) => number(out, 1),
        (Some(_), None) => number(out, 0),
        (Some(encryptor), Some(value)) => {
            number(out, 2);
            text(out, &encryptor.encrypt(value)?);
        }
    }

    number(out, report.problems.len() as u32);
    for problem in &report.problems {
        text(out, problem.field.wire_name());
        text(out, problem.severity.name());
        number(out, problem.code.code());
        text(out, problem.name());
        text(out, &problem.message_zh);
        text(out, &problem.message_en);
    }
    number(out, report.changes.len() as u32);
    for change in &report.changes {
        text(out, change.field.wire_name());
        text(out, change.kind.name());
        text(out, &change.message_zh);
        text(out, &change.message_en);
    }
    Ok(())
}
