//! Core enums as the ordinals of the matching Java enums, and validation options from Java.
//!
//! Each list below is in the declaration order of its Java enum in `cn.mbasu`. The Java test
//! `EnumParityTest` compares every list with the Java constants through [`enum_names`].

use mbasu::cert_no::Gender;
use mbasu::mobile_segments::{Operator, SegmentKind};
use mbasu::{
    Category, ChangeKind, Date, EncryptType, Error, ErrorCode, Field, Interface, LineStatus, Mode,
    Options, Outcome, RequestForm, Severity,
};

pub(crate) const FIELDS: [Field; 6] = [
    Field::Mobile,
    Field::CertType,
    Field::CertNo,
    Field::Name,
    Field::EncryptType,
    Field::Other,
];

pub(crate) const SEVERITIES: [Severity; 2] = [Severity::Error, Severity::Warning];

pub(crate) const CHANGE_KINDS: [ChangeKind; 7] = [
    ChangeKind::Trimmed,
    ChangeKind::FullWidthConverted,
    ChangeKind::SeparatorsRemoved,
    ChangeKind::CountryCodeRemoved,
    ChangeKind::CheckCharacterUppercased,
    ChangeKind::DotReplaced,
    ChangeKind::WhitespaceRemoved,
];

pub(crate) const SEGMENT_KINDS: [SegmentKind; 5] = [
    SegmentKind::Basic,
    SegmentKind::Virtual,
    SegmentKind::Data,
    SegmentKind::Broadcast,
    SegmentKind::Satellite,
];

pub(crate) const OPERATORS: [Operator; 5] = [
    Operator::ChinaMobile,
    Operator::ChinaUnicom,
    Operator::ChinaTelecom,
    Operator::ChinaBroadnet,
    Operator::Various,
];

pub(crate) const GENDERS: [Gender; 2] = [Gender::Male, Gender::Female];

pub(crate) const CATEGORIES: [Category; 3] =
    [Category::Answered, Category::NoData, Category::QueryError];

pub(crate) const OUTCOMES: [Outcome; 4] = [
    Outcome::Pass,
    Outcome::Fail,
    Outcome::NoData,
    Outcome::QueryError,
];

pub(crate) const LINE_STATUSES: [LineStatus; 4] = [
    LineStatus::InUse,
    LineStatus::Suspended,
    LineStatus::Unusable,
    LineStatus::Cancelled,
];

pub(crate) const REQUEST_FORMS: [RequestForm; 3] = [
    RequestForm::Standard,
    RequestForm::Signed,
    RequestForm::Sealed,
];

/// The ordinal of `value` in `all`; the lists above hold every variant the core has.
pub(crate) fn ordinal<T: PartialEq>(all: &[T], value: &T) -> i32 {
    all.iter().position(|v| v == value).map_or(-1, |i| i as i32)
}

/// The core value of a Java ordinal, or error 1 naming the enum.
pub(crate) fn from_ordinal<T: Copy>(all: &[T], ordinal: i32, enum_name: &str) -> Result<T, Error> {
    usize::try_from(ordinal)
        .ok()
        .and_then(|i| all.get(i).copied())
        .ok_or_else(|| {
            Error::with_detail(
                ErrorCode::InvalidArgument,
                &format!("{enum_name} 的序号 {ordinal} 无效"),
                &format!("invalid {enum_name} ordinal {ordinal}"),
            )
        })
}

pub(crate) fn encrypt_type(ordinal: i32) -> Result<EncryptType, Error> {
    from_ordinal(&EncryptType::ALL, ordinal, "EncryptType")
}

pub(crate) fn interface(ordinal: i32) -> Result<Interface, Error> {
    from_ordinal(&Interface::ALL, ordinal, "Interface")
}

/// The core names of one enum's variants, in Java ordinal order, for the parity test.
pub(crate) fn enum_names(which: i32) -> Result<Vec<&'static str>, Error> {
    let names = match which {
        0 => FIELDS.iter().map(|f| f.wire_name()).collect(),
        1 => SEVERITIES.iter().map(|s| s.name()).collect(),
        2 => CHANGE_KINDS.iter().map(|k| k.name()).collect(),
        3 => EncryptType::ALL.iter().map(|t| t.name()).collect(),
        4 => SEGMENT_KINDS.iter().map(|k| k.name()).collect(),
        5 => OPERATORS.iter().map(|o| o.name()).collect(),
        6 => GENDERS.iter().map(|g| g.name()).collect(),
        7 => Interface::ALL.iter().map(|i| i.code()).collect(),
        8 => CATEGORIES.iter().map(|c| c.name()).collect(),
        9 => OUTCOMES.iter().map(|o| o.name()).collect(),
        10 => LINE_STATUSES.iter().map(|s| s.name()).collect(),
        11 => REQUEST_FORMS.iter().map(|f| f.name()).collect(),
        _ => {
            return Err(Error::with_detail(
                ErrorCode::InvalidArgument,
                &format!("没有编号为 {which} 的枚举"),
                &format!("no enum is numbered {which}"),
            ))
        }
    };
    Ok(names)
}

/// Java's marker for "keep the core's earliest birth year" (`ValidationOptions`).
const CORE_DEFAULT_MIN_BIRTH_YEAR: i32 = i32::MIN;

/// Validation options from the Java `ValidationOptions`: mode ordinal (0 strict,
/// 1 normalising), `today` as yyyyMMdd or 0 for the system clock in UTC+8, and the earliest
/// birth year or [`CORE_DEFAULT_MIN_BIRTH_YEAR`].
pub(crate) fn validation_options(
    mode: i32,
    today: i32,
    min_birth_year: i32,
) -> Result<Options, Error> {
    let mode = from_ordinal(&[Mode::Strict, Mode::Normalize], mode, "Mode")?;
    let today = match today {
        0 => None,
        packed => Some(date_from_yyyymmdd(packed)?),
    };
    let defaults = Options::default();
    let min_birth_year = match min_birth_year {
        CORE_DEFAULT_MIN_BIRTH_YEAR => defaults.min_birth_year,
        year => year,
    };
    Ok(Options {
        mode,
        today,
        min_birth_year,
    })
}

/// A date from yyyyMMdd, as Java passes `LocalDate`.
pub(crate) fn date_from_yyyymmdd(packed: i32) -> Result<Date, Error> {
    let year = packed / 10_000;
    let month = u8::try_from(packed / 100 % 100).unwrap_or(0);
    let day = u8::try_from(packed % 100).unwrap_or(0);
    Date::new(year, month, day).ok_or_else(|| {
        Error::with_detail(
            ErrorCode::InvalidDate,
            &format!("{packed} 不是 1 到 9999 年之间的公历日期"),
            &format!("{packed} is not a Gregorian date in the years 1 to 9999"),
        )
    })
}

/// A date as yyyyMMdd for Java.
pub(crate) fn date_to_yyyymmdd(date: Date) -> i32 {
    date.year() * 10_000 + i32::from(date.month()) * 100 + i32::from(date.day())
}
