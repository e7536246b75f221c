//! Validation of the three personal fields, strict or normalising, reporting every problem.

use crate::date::{Clock, Date, SystemClock};
use crate::error::{ErrorCode, Field};
use crate::{cert_no, mobile, name};

/// The treatment of a value that is not already canonical.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// The value must already be canonical; every difference is a problem.
    #[default]
    Strict,
    /// Fixable differences (spaces, full-width digits, `x`, look-alike dots) are corrected and
    /// listed as changes; the corrected value is then validated.
    Normalize,
}

/// Settings for one validation call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    pub mode: Mode,
    /// The date birth dates are checked against; `None` reads the system clock in UTC+8.
    pub today: Option<Date>,
    /// The earliest birth year accepted in an ID number.
    pub min_birth_year: i32,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mode: Mode::Strict,
            today: None,
            min_birth_year: 1900,
        }
    }
}

impl Options {
    /// Options in normalising mode, otherwise default.
    pub fn normalizing() -> Options {
        Options {
            mode: Mode::Normalize,
            ..Options::default()
        }
    }

    /// The same options with `today` taken from `clock`.
    pub fn with_clock(self, clock: &dyn Clock) -> Options {
        Options {
            today: Some(clock.today()),
            ..self
        }
    }

    pub(crate) fn resolved_today(&self) -> Date {
        self.today.unwrap_or_else(|| SystemClock.today())
    }
}

/// Whether a problem blocks the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One thing wrong with a field, with messages fit to show the person filling in the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub severity: Severity,
    pub code: ErrorCode,
    pub message_zh: String,
    pub message_en: String,
}

impl Problem {
    pub(crate) fn new(code: ErrorCode, message_zh: String, message_en: String) -> Problem {
        let severity = if code.is_warning() {
            Severity::Warning
        } else {
            Severity::Error
        };
        Problem {
            field: code.field(),
            severity,
            code,
            message_zh,
            message_en,
        }
    }

    /// The stable snake_case name of the problem's code.
    pub fn name(&self) -> &'static str {
        self.code.name()
    }
}

/// The kind of correction normalising mode made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// Whitespace before or after the value was removed.
    Trimmed,
    /// Full-width digits, letters or `＋` became ASCII.
    FullWidthConverted,
    /// Spaces, hyphens or brackets inside a phone number were removed.
    SeparatorsRemoved,
    /// The country code `+86`, `0086` or `86` was removed.
    CountryCodeRemoved,
    /// A lowercase check character `x` became `X`.
    CheckCharacterUppercased,
    /// A look-alike dot became the middle dot U+00B7.
    DotReplaced,
    /// Whitespace inside a name was removed.
    WhitespaceRemoved,
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Trimmed => "trimmed",
            ChangeKind::FullWidthConverted => "full_width_converted",
            ChangeKind::SeparatorsRemoved => "separators_removed",
            ChangeKind::CountryCodeRemoved => "country_code_removed",
            ChangeKind::CheckCharacterUppercased => "check_character_uppercased",
            ChangeKind::DotReplaced => "dot_replaced",
            ChangeKind::WhitespaceRemoved => "whitespace_removed",
        }
    }

    /// Returns the correction the person must make in strict mode, in Chinese.
    fn instruction_zh(self) -> &'static str {
        match self {
            ChangeKind::Trimmed => "请去掉首尾的空格",
            ChangeKind::FullWidthConverted => "请使用半角数字和字母",
            ChangeKind::SeparatorsRemoved => "请去掉号码中的空格、横线或括号",
            ChangeKind::CountryCodeRemoved => "请去掉国家代码 +86，只填 11 位手机号",
            ChangeKind::CheckCharacterUppercased => "末位 x 请改为大写 X",
            ChangeKind::DotReplaced => "姓名中的分隔点请使用间隔号 ·（U+00B7）",
            ChangeKind::WhitespaceRemoved => "请去掉姓名中的空格",
        }
    }

    /// Returns the correction the person must make in strict mode, in English.
    fn instruction_en(self) -> &'static str {
        match self {
            ChangeKind::Trimmed => "remove the spaces before and after it",
            ChangeKind::FullWidthConverted => "use half-width (ASCII) digits and letters",
            ChangeKind::SeparatorsRemoved => {
                "remove the spaces, hyphens or brackets inside the number"
            }
            ChangeKind::CountryCodeRemoved => {
                "remove the country code +86 and enter the 11 digits only"
            }
            ChangeKind::CheckCharacterUppercased => "write the final x as an upper-case X",
            ChangeKind::DotReplaced => "separate name parts with the middle dot · (U+00B7)",
            ChangeKind::WhitespaceRemoved => "remove the spaces inside the name",
        }
    }

    fn message_zh(self) -> &'static str {
        match self {
            ChangeKind::Trimmed => "去掉了首尾空白",
            ChangeKind::FullWidthConverted => "全角字符改为半角",
            ChangeKind::SeparatorsRemoved => "去掉了号码中的空格、横线或括号",
            ChangeKind::CountryCodeRemoved => "去掉了国家代码 +86",
            ChangeKind::CheckCharacterUppercased => "末位 x 改为大写 X",
            ChangeKind::DotReplaced => "形似的点号改为间隔号 ·（U+00B7）",
            ChangeKind::WhitespaceRemoved => "去掉了姓名中的空白",
        }
    }

    fn message_en(self) -> &'static str {
        match self {
            ChangeKind::Trimmed => "removed surrounding whitespace",
            ChangeKind::FullWidthConverted => "converted full-width characters to ASCII",
            ChangeKind::SeparatorsRemoved => {
                "removed spaces, hyphens or brackets inside the number"
            }
            ChangeKind::CountryCodeRemoved => "removed the country code +86",
            ChangeKind::CheckCharacterUppercased => "upper-cased the check character x to X",
            ChangeKind::DotReplaced => "replaced a look-alike dot with the middle dot U+00B7",
            ChangeKind::WhitespaceRemoved => "removed whitespace inside the name",
        }
    }
}

/// One correction normalising mode made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub field: Field,
    pub kind: ChangeKind,
    pub message_zh: String,
    pub message_en: String,
}

/// A value after normalisation, with the changes made and the problem each is in strict mode.
pub(crate) struct Normalized {
    pub value: String,
    pub changes: Vec<(ChangeKind, ErrorCode)>,
}

/// The outcome of validating one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldReport {
    pub field: Field,
    /// The canonical value, present when the field has no error.
    pub value: Option<String>,
    pub problems: Vec<Problem>,
    /// Corrections made; always empty in strict mode.
    pub changes: Vec<Change>,
}

impl FieldReport {
    /// True when no problem is an error; warnings do not block a value.
    pub fn is_valid(&self) -> bool {
        self.problems
            .iter()
            .all(|p| p.severity == Severity::Warning)
    }

    /// The first error, if any.
    pub fn first_error(&self) -> Option<&Problem> {
        self.problems.iter().find(|p| p.severity == Severity::Error)
    }
}

/// The fields of one applicant, as typed; `None` for a field not given.
#[derive(Clone, Copy, Debug, Default)]
pub struct Applicant<'a> {
    pub mobile: Option<&'a str>,
    pub cert_no: Option<&'a str>,
    pub name: Option<&'a str>,
}

/// The outcome of validating several fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub fields: Vec<FieldReport>,
}

impl Report {
    pub fn is_valid(&self) -> bool {
        self.fields.iter().all(FieldReport::is_valid)
    }

    /// Every problem of every field, in field order.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.fields.iter().flat_map(|f| f.problems.iter())
    }

    /// The report of one field, if it was validated.
    pub fn field(&self, field: Field) -> Option<&FieldReport> {
        self.fields.iter().find(|f| f.field == field)
    }
}

/// Validates a mobile number.
pub fn validate_mobile(input: &str, options: &Options) -> FieldReport {
    run_field(
        Field::Mobile,
        input,
        options,
        mobile::normalize,
        |value, problems, _| mobile::check(value, problems),
    )
}

/// Validates a resident identity card number (certType `00`).
pub fn validate_cert_no(input: &str, options: &Options) -> FieldReport {
    run_field(
        Field::CertNo,
        input,
        options,
        cert_no::normalize,
        cert_no::check,
    )
}

/// Validates a Chinese name.
pub fn validate_name(input: &str, options: &Options) -> FieldReport {
    run_field(
        Field::Name,
        input,
        options,
        name::normalize,
        |value, problems, _| name::check(value, problems),
    )
}

/// Validates every field the applicant has.
pub fn validate_applicant(applicant: &Applicant<'_>, options: &Options) -> Report {
    let mut fields = Vec::with_capacity(3);
    if let Some(value) = applicant.mobile {
        fields.push(validate_mobile(value, options));
    }
    if let Some(value) = applicant.cert_no {
        fields.push(validate_cert_no(value, options));
    }
    if let Some(value) = applicant.name {
        fields.push(validate_name(value, options));
    }
    Report { fields }
}

/// The missing-value code of a field.
pub(crate) fn missing_code(field: Field) -> ErrorCode {
    match field {
        Field::Mobile => ErrorCode::MobileMissing,
        Field::CertNo => ErrorCode::CertNoMissing,
        Field::Name => ErrorCode::NameMissing,
        _ => ErrorCode::InvalidArgument,
    }
}

/// Runs the steps every field shares. Both steps are function pointers, and WebAssembly builds
/// never inline the function, so one copy serves the three fields there. Three copies made the
/// module about 3 KB larger. Native builds always inline it, so that the compiler can inline
/// the steps too, which keeps `benches/envelopes.rs` as fast as with three generic copies.
#[cfg_attr(target_family = "wasm", inline(never))]
#[cfg_attr(not(target_family = "wasm"), inline(always))]
fn run_field(
    field: Field,
    input: &str,
    options: &Options,
    normalize: fn(&str) -> Normalized,
    check: fn(&str, &mut Vec<Problem>, &Options),
) -> FieldReport {
    let mut problems = Vec::new();

    if input.trim().is_empty() {
        let code = missing_code(field);
        problems.push(Problem::new(
            code,
            format!("请填写{}", field.label_zh()),
            format!("enter the {}", field.label_en()),
        ));
        return FieldReport {
            field,
            value: None,
            problems,
            changes: Vec::new(),
        };
    }

    let normalized = normalize(input);
    let mut changes = Vec::new();
    match options.mode {
        Mode::Strict => {
            for &(kind, code) in &normalized.changes {
                push_unique(&mut problems, non_canonical_problem(field, kind, code));
            }
        }
        Mode::Normalize => {
            for &(kind, _) in &normalized.changes {
                changes.push(Change {
                    field,
                    kind,
                    message_zh: format!("{}：{}", field.label_zh(), kind.message_zh()),
                    message_en: format!("{}: {}", field.label_en(), kind.message_en()),
                });
            }
        }
    }

    let mut value_problems = Vec::new();
    check(&normalized.value, &mut value_problems, options);
    for problem in value_problems {
        push_unique(&mut problems, problem);
    }

    let is_valid = problems.iter().all(|p| p.severity == Severity::Warning);
    let value = match (is_valid, options.mode) {
        (true, Mode::Normalize) => Some(normalized.value),
        // A valid value in strict mode is usually its normalised form, whose string is reused
        // instead of copying the input again.
        (true, Mode::Strict) if normalized.value == input => Some(normalized.value),
        (true, Mode::Strict) => Some(input.to_owned()),
        (false, _) => None,
    };
    FieldReport {
        field,
        value,
        problems,
        changes,
    }
}

fn non_canonical_problem(field: Field, kind: ChangeKind, code: ErrorCode) -> Problem {
    Problem::new(
        code,
        format!(
            "{}不是规范格式：{}，或改用规范化模式校验",
            field.label_zh(),
            kind.instruction_zh()
        ),
        format!(
            "the {} is not canonical: {}, or validate in normalising mode",
            field.label_en(),
            kind.instruction_en()
        ),
    )
}

/// Adds a problem unless one with the same code is already listed.
pub(crate) fn push_unique(problems: &mut Vec<Problem>, problem: Problem) {
    if !problems.iter().any(|p| p.code == problem.code) {
        problems.push(problem);
    }
}
