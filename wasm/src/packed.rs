//! The packed path of `validateApplicant`. `js/packed.js` writes the applicant and the options
//! as UTF-16 code units into a buffer in WebAssembly memory, and it reads the report back from
//! memory as one string. A call thus crosses the boundary twice instead of about twenty times.
//! Arguments it cannot pack go through the general path.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};

use mbasu::text::text_from_utf16_in;
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
    fn unpack_report(location: u32, length: u32) -> JsValue;
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
const REPORT_UTF16: u16 = 512;

/// The size of the input buffer in code units. Longer arguments take the general path; an
/// applicant as typed into a form needs well under 100.
const INPUT_CAPACITY: usize = 256;

/// The code units before the strings: the flags, `today` in milliseconds as four units and
/// `minBirthYear` as two, least significant first.
const HEADER_UNITS: usize = 7;

/// Whether js/packed.js has this instance's memory. A fresh instance after a panic starts with
/// it false and registers its own memory.
static MEMORY_REGISTERED: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The buffer js/packed.js writes the arguments into. A getter that runs while the
    /// arguments are read may call `validateApplicant` again, which is safe because
    /// js/packed.js writes only after every getter has returned, and nothing borrows the
    /// buffer until `packApplicant` has returned.
    static INPUT: RefCell<[u16; INPUT_CAPACITY]> = const { RefCell::new([0; INPUT_CAPACITY]) };

    /// The report and the encrypted value being written, kept between calls so that a call
    /// allocates nothing for them once they have grown to fit.
    static OUTPUT: RefCell<(ReportText, String)> = const { RefCell::new((ReportText::new(), String::new())) };

    /// The UTF-8 text of the input's strings. A code unit takes at most three bytes of UTF-8,
    /// and the input has at most INPUT_CAPACITY units. It outlives the call so that it is not
    /// zeroed on every call.
    static SCRATCH: RefCell<[u8; 3 * INPUT_CAPACITY]> = const { RefCell::new([0; 3 * INPUT_CAPACITY]) };
}

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
    // The array of u16 is 2-aligned, so the byte address halves into a Uint16Array index.
    let offset = INPUT.with(|input| input.as_ptr() as usize / 2) as u32;
    let written = pack_applicant(applicant, options, offset, INPUT_CAPACITY as u32);
    let written = usize::try_from(written).ok()?;

    SCRATCH.with(|scratch| {
        let mut scratch = scratch.borrow_mut();
        let arguments = INPUT.with(|input| {
            let input = input.borrow();
            decode_arguments(input.get(..written)?, &mut *scratch)
        })?;
        let arguments = match arguments {
            Ok(arguments) => arguments,
            Err(error) => return Some(Err(error)),
        };

        let applicant = &arguments.applicant;
        let report = validate_applicant(applicant, &arguments.options);
        let packed = OUTPUT.with(|output| {
            let (out, encrypted) = &mut *output.borrow_mut();
            out.clear(arguments.utf16_report);
            let encryptor = arguments.encryptor.as_ref();
            write_report(out, encrypted, &report, applicant, encryptor)?;
            let (location, length) = out.location();
            Ok(unpack_report(location, length))
        });
        Some(packed)
    })
}

/// The arguments of a packed call, decoded.
struct Arguments<'a> {
    applicant: Applicant<'a>,
    options: Options,
    encryptor: Option<Encryptor>,
    /// Whether js/packed.js reads the report as UTF-16 code units rather than UTF-8.
    utf16_report: bool,
}

/// Decodes the packed input, with its strings in `scratch`. Returns None for input that
/// js/packed.js does not write, so that the general path reads the arguments. Otherwise
/// returns the arguments or the error of the general path, whose order of checks is the
/// fields' text, `today`, `encrypt`.
fn decode_arguments<'a>(
    units: &[u16],
    scratch: &'a mut [u8],
) -> Option<Result<Arguments<'a>, mbasu::Error>> {
    let header = units.get(..HEADER_UNITS)?;
    let flags = header[0];
    let unit = |index: usize| u32::from(header[index]);
    let mut input = PackedInput {
        units: &units[HEADER_UNITS..],
    };
    let today = input.next_units()?;
    let encrypt_type = input.next_units()?;
    let fields = [
        input.next_units()?,
        input.next_units()?,
        input.next_units()?,
    ];

    let mut scratch = scratch;
    let mut decode = |units: &[u16]| -> Option<Result<&'a str, mbasu::Error>> {
        let (buffer, rest) = std::mem::take(&mut scratch).split_at_mut_checked(3 * units.len())?;
        scratch = rest;
        text_from_utf16_in(units, buffer).transpose()
    };
    let mut field = |bit: u16, units: &[u16]| -> Option<Result<Option<&'a str>, mbasu::Error>> {
        if flags & bit == 0 {
            return Some(Ok(None));
        }
        Some(decode(units)?.map(Some))
    };
    let mobile = field(HAS_MOBILE, fields[0])?;
    let cert_no = field(HAS_CERT_NO, fields[1])?;
    let name = field(HAS_NAME, fields[2])?;
    let applicant = match (mobile, cert_no, name) {
        (Ok(mobile), Ok(cert_no), Ok(name)) => Applicant {
            mobile,
            cert_no,
            name,
        },
        (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => return Some(Err(error)),
    };

    let mut options = Options::default();
    if flags & NORMALIZE != 0 {
        options.mode = Mode::Normalize;
    }
    if flags & HAS_MIN_BIRTH_YEAR != 0 {
        options.min_birth_year = (unit(5) | unit(6) << 16) as i32;
    }
    let today = if flags & TODAY_MILLIS != 0 {
        let low = i64::from(unit(1) | unit(2) << 16);
        let high = i64::from((unit(3) | unit(4) << 16) as i32);
        Ok(FixedClock(high << 32 | low).today())
    } else {
        decode(today)?.and_then(Date::parse_iso)
    };
    match today {
        Ok(today) => options.today = Some(today),
        Err(error) => return Some(Err(error)),
    }

    let encryptor = if flags & HAS_ENCRYPT != 0 {
        let hash_options = HashOptions {
            case: if flags & UPPER_CASE != 0 {
                HexCase::Upper
            } else {
                HexCase::Lower
            },
            md5_16: flags & MD5_16 != 0,
        };
        let encryptor =
            decode(encrypt_type)?.and_then(|name| Encryptor::without_key(name, hash_options));
        match encryptor {
            Ok(Some(encryptor)) => Some(encryptor),
            // js/packed.js leaves 3DES to the general path, which reads the key.
            Ok(None) => return None,
            Err(error) => return Some(Err(error)),
        }
    } else {
        None
    };
    Some(Ok(Arguments {
        applicant,
        options,
        encryptor,
        utf16_report: flags & REPORT_UTF16 != 0,
    }))
}

/// Writes the report in the form `unpackReport` in js/packed.js reads; `encrypted` is a buffer
/// for each encrypted value.
fn write_report(
    out: &mut ReportText,
    encrypted: &mut String,
    report: &Report,
    applicant: &Applicant,
    encryptor: Option<&Encryptor>,
) -> Result<(), mbasu::Error> {
    out.numbers(&[u32::from(report.is_valid()), report.fields.len() as u32]);
    for field in &report.fields {
        write_field(out, encrypted, field, applicant, encryptor)?;
    }
    Ok(())
}

/// The report as js/packed.js reads it: UTF-16 code units on Node.js, whose Buffer turns them
/// into a string fastest, and UTF-8 elsewhere, because browsers' TextDecoder decodes UTF-8
/// faster than UTF-16 (Chromium 2 times for ASCII). Either way a string is its length in UTF-16
/// code units, then its text.
pub(crate) struct ReportText {
    utf16: bool,
    units: Vec<u16>,
    text: String,
}

impl ReportText {
    const fn new() -> ReportText {
        ReportText {
            utf16: false,
            units: Vec::new(),
            text: String::new(),
        }
    }

    /// Empties the report and selects its encoding.
    fn clear(&mut self, utf16: bool) {
        self.utf16 = utf16;
        self.units.clear();
        self.text.clear();
    }

    /// Returns where the report is for `unpackReport`: the index of its first code unit and
    /// their count for UTF-16, the address of its first byte and their count for UTF-8.
    fn location(&self) -> (u32, u32) {
        if self.utf16 {
            // Vec<u16> is 2-aligned, so the byte address halves into a Uint16Array index.
            (
                (self.units.as_ptr() as usize / 2) as u32,
                self.units.len() as u32,
            )
        } else {
            (self.text.as_ptr() as usize as u32, self.text.len() as u32)
        }
    }

    /// Writes numbers below 0xD000, each as one code unit or character. Counts and error codes
    /// are far below it, and no number is then a surrogate, which TextDecoder would replace.
    /// The numbers come in slices because a call per number cost 4% of `bench/bench.mjs`.
    fn numbers(&mut self, values: &[u32]) {
        if self.utf16 {
            self.units
                .extend(values.iter().map(|&value| value.min(0xCFFF) as u16));
        } else {
            for &value in values {
                self.text
                    .push(char::from_u32(value.min(0xCFFF)).unwrap_or('\0'));
            }
        }
    }

    /// Writes the length of `value` in UTF-16 code units as two numbers (base 0xD000), then
    /// `value`.
    fn string(&mut self, value: &str) {
        let ascii = value.is_ascii();
        let length = if ascii {
            value.len()
        } else {
            value.chars().map(char::len_utf16).sum()
        } as u32;
        self.numbers(&[length / 0xD000, length % 0xD000]);
        if !self.utf16 {
            self.text.push_str(value);
        } else if ascii {
            self.units.extend(value.bytes().map(u16::from));
        } else {
            self.units.extend(value.encode_utf16());
        }
    }
}

/// Writes one field report. It starts with six numbers: its index in js/packed.js's FIELD_NAMES
/// (3 for any other field, whose name follows), validity, value kind, encrypted kind, problem
/// count and change count. The value and the encrypted value follow when their kind is 2, then
/// the problems and the changes. A value kind is 0 for null, 1 for the input string and 2 for a
/// string that follows. An encrypted kind is 0 for null, 1 for no encryption requested and 2
/// for a string that follows.
fn write_field(
    out: &mut ReportText,
    encrypted: &mut String,
    report: &FieldReport,
    applicant: &Applicant,
    encryptor: Option<&Encryptor>,
) -> Result<(), mbasu::Error> {
    let (index, input) = match report.field {
        mbasu::Field::Mobile => (0, applicant.mobile),
        mbasu::Field::CertNo => (1, applicant.cert_no),
        mbasu::Field::Name => (2, applicant.name),
        _ => (3, None),
    };
    let value_kind = match &report.value {
        None => 0,
        Some(value) if Some(value.as_str()) == input => 1,
        Some(_) => 2,
    };
    let encrypted_kind = match (encryptor, &report.value) {
        (None, _) => 1,
        (Some(_), None) => 0,
        (Some(encryptor), Some(value)) => {
            encrypted.clear();
            encryptor.encrypt_to(value, encrypted)?;
            2
        }
    };
    out.numbers(&[
        index,
        u32::from(report.is_valid()),
        value_kind,
        encrypted_kind,
        report.problems.len() as u32,
        report.changes.len() as u32,
    ]);
    if index == 3 {
        out.string(report.field.wire_name());
    }
    if let (2, Some(value)) = (value_kind, &report.value) {
        out.string(value);
    }
    if encrypted_kind == 2 {
        out.string(encrypted);
    }

    for problem in &report.problems {
        out.string(problem.field.wire_name());
        out.string(problem.severity.name());
        out.numbers(&[problem.code.code()]);
        out.string(problem.name());
        out.string(&problem.message_zh);
        out.string(&problem.message_en);
    }
    for change in &report.changes {
        out.string(change.field.wire_name());
        out.string(change.kind.name());
        out.string(&change.message_zh);
        out.string(&change.message_en);
    }
    Ok(())
}
