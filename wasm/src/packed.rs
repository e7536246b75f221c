//! The packed path of `validateApplicant`. `js/packed.js` writes the applicant and the options
//! as UTF-16 code units into a buffer in WebAssembly memory, and it builds the report from one
//! string. A call thus crosses the boundary twice instead of about twenty times. Arguments it
//! cannot pack go through the general path.

use std::sync::atomic::{AtomicBool, Ordering};

use mbasu::text::text_from_utf16;
use mbasu::{
    validate_applicant, Applicant, Clock, Date, FieldReport, FixedClock, HashOptions, HexCase,
    Mode, Options, Report,
};
use wasm_bindgen::prelude::*;

use crate::encrypt::Encryptor;

#[wasm_bindgen(module = "/js/packed.js")]
extern "C" {
    #[wasm_bindgen(js_name = setMemory)]
    fn set_memory(memory: JsValue);

    #[wasm_bindgen(js_name = packApplicant)]
    fn pack_applicant(applicant: &JsValue, options: &JsValue, offset: u32, capacity: u32) -> i32;

    #[wasm_bindgen(js_name = unpackReport)]
    fn unpack_report(packed: &str) -> JsValue;
}

// The bits of the first code unit; js/packed.js writes the same values.
const HAS_MOBILE: u16 = 1;
const HAS_CERT_NO: u16 = 2;
const HAS_NAME: u16 = 4;
const NORMALIZE: u16 = 8;
const TODAY_MILLIS: u16 = 16;
const HAS_MIN_BIRTH_YEAR: u16 = 32;
const HAS_ENCRYPT: u16 = 64;
const UPPER_CASE: u16 = 128;
const MD5_16: u16 = 256;
const TODAY_NOW: u16 = 512;

/// The size of the input buffer in code units. Longer arguments take the general path; an
/// applicant as typed into a form needs well under 100.
const INPUT_CAPACITY: usize = 256;

/// Whether js/packed.js has this instance's memory. A fresh instance after a panic starts with
/// it false and registers its own memory.
static MEMORY_REGISTERED: AtomicBool = AtomicBool::new(false);

/// Reads the strings `packApplicant` wrote: each is its length in code units, then the units.
struct PackedInput<'a> {
    units: &'a [u16],
}

impl<'a> PackedInput<'a> {
    /// Returns the next string's code units, or None when the input is shorter than its length.
    fn next_units(&mut self) -> Option<&'a [u16]> {
        let (&length, rest) = self.units.split_first()?;
        let length = usize::from(length);
        if rest.len() < length {
            return None;
        }
        let (text, rest) = rest.split_at(length);
        self.units = rest;
        Some(text)
    }
}

/// Validates the applicant through the packed path. Returns None when the arguments need the
/// general path; returns the same report or error as the general path otherwise.
pub(crate) fn validate_packed(
    applicant: &JsValue,
    options: &JsValue,
) -> Option<Result<JsValue, mbasu::Error>> {
    if !MEMORY_REGISTERED.swap(true, Ordering::Relaxed) {
        set_memory(wasm_bindgen::memory());
    }
    let buffer = vec![0u16; INPUT_CAPACITY];
    // Vec<u16> is 2-aligned, so the byte address halves into a Uint16Array index.
    let offset = (buffer.as_ptr() as usize / 2) as u32;
    let written = pack_applicant(applicant, options, offset, INPUT_CAPACITY as u32);
    let written = usize::try_from(written).ok()?;
    validate_units(buffer.get(..written)?)
}

/// Decodes the packed input and validates. Returns None for input that js/packed.js does not
/// write, so that the general path reads the arguments. Otherwise returns the report or the
/// error of the general path, whose order of checks is the fields' text, `today`, `encrypt`.
fn validate_units(units: &[u16]) -> Option<Result<JsValue, mbasu::Error>> {
    let (&flags, rest) = units.split_first()?;
    let mut input = PackedInput { units: rest };
    let today = input.next_units()?;
    let min_birth_year = input.next_units()?;
    let encrypt_type = input.next_units()?;
    let fields = [
        input.next_units()?,
        input.next_units()?,
        input.next_units()?,
    ];

    let min_birth_year = if flags & HAS_MIN_BIRTH_YEAR != 0 {
        Some(parse_number(min_birth_year)?)
    } else {
        None
    };
    let today_millis = if flags & TODAY_MILLIS != 0 {
        Some(parse_number(today)?)
    } else {
        None
    };

    let field = |bit: u16, units: &[u16]| {
        if flags & bit == 0 {
            return Ok(None);
        }
        text_from_utf16(units).map(Some)
    };
    let texts = field(HAS_MOBILE, fields[0]).and_then(|mobile| {
        let cert_no = field(HAS_CERT_NO, fields[1])?;
        let name = field(HAS_NAME, fields[2])?;
        Ok([mobile, cert_no, name])
    });
    let [mobile, cert_no, name] = match texts {
        Ok(texts) => texts,
        Err(error) => return Some(Err(error)),
    };
    let applicant = Applicant {
        mobile: mobile.as_deref(),
        cert_no: cert_no.as_deref(),
        name: name.as_deref(),
    };

    let mut options = Options::default();
    if flags & NORMALIZE != 0 {
        options.mode = Mode::Normalize;
    }
    if let Some(year) = min_birth_year {
        options.min_birth_year = year;
    }
    let today = match today_millis {
        Some(millis) => FixedClock(millis).today(),
        // wasm32-unknown-unknown has no system clock, so the core gets JavaScript's.
        None if flags & TODAY_NOW != 0 => FixedClock(js_sys::Date::now() as i64).today(),
        None => match text_from_utf16(today).and_then(|today| Date::parse_iso(&today)) {
            Ok(date) => date,
            Err(error) => return Some(Err(error)),
        },
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
        let encryptor = text_from_utf16(encrypt_type)
            .and_then(|name| Encryptor::without_key(&name, hash_options));
        match encryptor {
            Ok(Some(encryptor)) => Some(encryptor),
            // js/packed.js leaves 3DES to the general path, which reads the key.
            Ok(None) => return None,
            Err(error) => return Some(Err(error)),
        }
    } else {
        None
    };

    let report = validate_applicant(&applicant, &options);
    Some(write_report(&report, &applicant, encryptor.as_ref()).map(|text| unpack_report(&text)))
}

/// Parses a number that js/packed.js wrote with `String(number)`.
fn parse_number<T: std::str::FromStr>(units: &[u16]) -> Option<T> {
    text_from_utf16(units).ok()?.parse().ok()
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
