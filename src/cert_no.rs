//! Resident identity card numbers (certType `00`), as GB 11643-1999 defines them.
//!
//! Layout: six digits of region (province, city, county), eight of birth date `YYYYMMDD`,
//! three of sequence (odd for men, even for women), and an ISO 7064 MOD 11-2 check character.

use crate::date::Date;
use crate::error::{Error, ErrorCode, Result};
use crate::text::mask;
use crate::validate::{ChangeKind, Normalized, Options, Problem};

/// The only certType the spec allows: resident identity card.
pub const CERT_TYPE_RESIDENT_ID: &str = "00";

/// ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11 for positions 0..17.
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each weighted sum modulo 11.
const CHECK_CHARACTERS: [u8; 11] = *b"10X98765432";

/// Mainland province-level divisions (GB/T 2260), with names in Chinese and English.
const PROVINCES: &[(&str, &str, &str)] = &[
    ("11", "北京市", "Beijing"),
    ("12", "天津市", "Tianjin"),
    ("13", "河北省", "Hebei"),
    ("14", "山西省", "Shanxi"),
    ("15", "内蒙古自治区", "Inner Mongolia"),
    ("21", "辽宁省", "Liaoning"),
    ("22", "吉林省", "Jilin"),
    ("23", "黑龙江省", "Heilongjiang"),
    ("31", "上海市", "Shanghai"),
    ("32", "江苏省", "Jiangsu"),
    ("33", "浙江省", "Zhejiang"),
    ("34", "安徽省", "Anhui"),
    ("35", "福建省", "Fujian"),
    ("36", "江西省", "Jiangxi"),
    ("37", "山东省", "Shandong"),
    ("41", "河南省", "Henan"),
    ("42", "湖北省", "Hubei"),
    ("43", "湖南省", "Hunan"),
    ("44", "广东省", "Guangdong"),
    ("45", "广西壮族自治区", "Guangxi"),
    ("46", "海南省", "Hainan"),
    ("50", "重庆市", "Chongqing"),
    ("51", "四川省", "Sichuan"),
    ("52", "贵州省", "Guizhou"),
    ("53", "云南省", "Yunnan"),
    ("54", "西藏自治区", "Tibet"),
    ("61", "陕西省", "Shaanxi"),
    ("62", "甘肃省", "Gansu"),
    ("63", "青海省", "Qinghai"),
    ("64", "宁夏回族自治区", "Ningxia"),
    ("65", "新疆维吾尔自治区", "Xinjiang"),
];

/// Region codes outside the mainland: accepted with a warning. 81 and 82 appear on residence
/// permits for Hong Kong and Macao residents, 83 on those for Taiwan residents, and 71 is
/// Taiwan's code in GB/T 2260.
const OUTSIDE_MAINLAND: &[(&str, &str, &str)] = &[
    ("71", "台湾省", "Taiwan"),
    ("81", "香港特别行政区", "Hong Kong"),
    ("82", "澳门特别行政区", "Macao"),
    ("83", "台湾居民", "Taiwan residents"),
];

/// Gender as the sequence digit encodes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub fn name(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Gender::Male => "男",
            Gender::Female => "女",
        }
    }
}

/// Facts derived from a valid ID number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertNoInfo {
    pub birth_date: Date,
    pub gender: Gender,
    /// The first two digits.
    pub province_code: String,
    pub province_zh: &'static str,
    pub province_en: &'static str,
    /// Whether the region code is outside the mainland (71, 81, 82, 83).
    pub outside_mainland: bool,
}

impl CertNoInfo {
    /// The age in whole years on `date`.
    pub fn age_on(&self, date: Date) -> i32 {
        self.birth_date.years_until(date)
    }
}

/// Computes the check character of the first 17 digits; `None` if they are not 17 ASCII digits.
pub fn check_character(first_17: &[u8]) -> Option<char> {
    if first_17.len() != 17 || !first_17.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = first_17
        .iter()
        .zip(WEIGHTS)
        .map(|(digit, weight)| u32::from(digit - b'0') * weight)
        .sum();
    Some(char::from(CHECK_CHARACTERS[(sum % 11) as usize]))
}

fn province(code: &str) -> Option<(&'static str, &'static str, bool)> {
    // Byte by byte rather than `==`, which calls memcmp once per entry of the table.
    let key = code.as_bytes();
    let is_code = |candidate: &str| {
        let candidate = candidate.as_bytes();
        candidate.len() == key.len() && candidate.iter().zip(key).all(|(a, b)| a == b)
    };
    let mainland = PROVINCES.iter().find(|(c, _, _)| is_code(c));
    if let Some(&(_, zh, en)) = mainland {
        return Some((zh, en, false));
    }
    OUTSIDE_MAINLAND
        .iter()
        .find(|(c, _, _)| is_code(c))
        .map(|&(_, zh, en)| (zh, en, true))
}

/// Derives birth date, gender and province from an ID number that validates.
pub fn info(cert_no: &str, options: &Options) -> Result<CertNoInfo> {
    let report = crate::validate::validate_cert_no(cert_no, options);
    let canonical = report.value.ok_or_else(|| match report.problems.first() {
        Some(problem) => Error::new(problem.code, &*problem.message_zh, &*problem.message_en),
        None => Error::from_code(ErrorCode::CertNoFormat),
    })?;

    let bytes = canonical.as_bytes();
    let birth_date = Date::parse_compact(&bytes[6..14]).ok_or(ErrorCode::CertNoBirthDate)?;
    let province_code = canonical.get(..2).ok_or(ErrorCode::CertNoProvince)?;
    let (province_zh, province_en, outside_mainland) =
        province(province_code).ok_or(ErrorCode::CertNoProvince)?;
    let gender = if (bytes[16] - b'0') % 2 == 1 {
        Gender::Male
    } else {
        Gender::Female
    };
    Ok(CertNoInfo {
        birth_date,
        gender,
        province_code: province_code.to_owned(),
        province_zh,
        province_en,
        outside_mainland,
    })
}

/// Upgrades a 15-digit first-generation number to 18 characters: the century `19` goes before
/// the two-digit year and a check character is appended. The result is validated as usual.
pub fn upgrade_15_to_18(input: &str, options: &Options) -> Result<String> {
    let trimmed = input.trim();
    let code = if trimmed.chars().count() != 15 {
        Some(ErrorCode::CertNoLength)
    } else if !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        Some(ErrorCode::CertNoFormat)
    } else {
        None
    };
    if let Some(code) = code {
        return Err(Error::new(
            code,
            "只有 15 位纯数字的一代身份证号可以升级为 18 位",
            "only a 15-digit first-generation ID number can be upgraded to 18 characters",
        ));
    }

    // The input is 15 ASCII digits here, so the split succeeds. A checked split keeps str
    // slicing's panic text out of the WebAssembly build.
    let (region, rest) = trimmed.split_at_checked(6).ok_or(ErrorCode::CertNoFormat)?;
    let mut upgraded = String::with_capacity(18);
    upgraded.push_str(region);
    upgraded.push_str("19");
    upgraded.push_str(rest);
    let check = check_character(upgraded.as_bytes()).ok_or(ErrorCode::CertNoFormat)?;
    upgraded.push(check);

    let report = crate::validate::validate_cert_no(&upgraded, options);
    if let Some(problem) = report.first_error() {
        return Err(Error::new(
            problem.code,
            format!("升级后的 18 位号码无效：{}", problem.message_zh),
            format!(
                "the upgraded 18-character number is invalid: {}",
                problem.message_en
            ),
        ));
    }
    Ok(upgraded)
}

pub(crate) fn normalize(input: &str) -> Normalized {
    let canonical_bytes = |b: u8| b.is_ascii_digit() || b == b'X';
    if input.bytes().all(canonical_bytes) {
        return Normalized {
            value: input.to_owned(),
            changes: Vec::new(),
        };
    }
    let mut changes = Vec::new();

    let trimmed = input.trim();
    if trimmed.len() != input.len() {
        changes.push((ChangeKind::Trimmed, ErrorCode::CertNoFormat));
    }

    let mut value = String::with_capacity(18);
    let mut converted = false;
    for character in trimmed.chars() {
        match character {
            '０'..='９' => {
                value.push(char::from(b'0' + (character as u32 - '０' as u32) as u8));
                converted = true;
            }
            'Ｘ' | 'ｘ' => {
                value.push(if character == 'Ｘ' { 'X' } else { 'x' });
                converted = true;
            }
            c => value.push(c),
        }
    }
    if converted {
        changes.push((ChangeKind::FullWidthConverted, ErrorCode::CertNoFormat));
    }

    if value.len() == 18 && value.ends_with('x') {
        value.pop();
        value.push('X');
        changes.push((
            ChangeKind::CheckCharacterUppercased,
            ErrorCode::CertNoLowercaseX,
        ));
    }

    Normalized { value, changes }
}

pub(crate) fn check(value: &str, problems: &mut Vec<Problem>, options: &Options) {
    let masked = || mask(value);
    let length = value.chars().count();

    if length != 18 {
        let hint_zh = if length == 15 {
            "，一代 15 位号码需先升级为 18 位"
        } else {
            ""
        };
        let hint_en = if length == 15 {
            "; upgrade a 15-digit first-generation number to 18 characters first"
        } else {
            ""
        };
        problems.push(Problem::new(
            ErrorCode::CertNoLength,
            format!("身份证号应为 18 位，当前为 {length} 位{hint_zh}"),
            format!("an ID number has 18 characters, this one has {length}{hint_en}"),
        ));
        return;
    }

    let bytes = value.as_bytes();
    let digits_ok = bytes[..17].iter().all(u8::is_ascii_digit);
    let last_ok = bytes.len() == 18 && (bytes[17].is_ascii_digit() || bytes[17] == b'X');
    if !digits_ok || !last_ok {
        let masked = masked();
        problems.push(Problem::new(
            ErrorCode::CertNoFormat,
            format!("身份证号 {masked} 格式不正确：前 17 位必须是数字，末位是数字或大写 X"),
            format!(
                "ID number {masked} is malformed: the first 17 characters must be digits and the last a digit or an upper-case X"
            ),
        ));
        return;
    }

    check_province(value, problems);
    check_birth_date(value, problems, options);

    let expected = check_character(&bytes[..17]);
    if expected != Some(char::from(bytes[17])) {
        let masked = masked();
        problems.push(Problem::new(
            ErrorCode::CertNoCheckDigit,
            format!("身份证号 {masked} 校验位不正确，请核对每一位数字"),
            format!("the check character of ID number {masked} is wrong; check every digit"),
        ));
    }
}

fn check_province(value: &str, problems: &mut Vec<Problem>) {
    let code = value.get(..2).unwrap_or(value);
    match province(code) {
        Some((_, _, false)) => {}
        Some((zh, en, true)) => problems.push(Problem::new(
            ErrorCode::CertNoProvinceOutsideMainland,
            format!("身份证号地区代码 {code}（{zh}）不属于大陆省份，请确认证件类型"),
            format!("region code {code} ({en}) is outside the mainland; confirm the document type"),
        )),
        None => problems.push(Problem::new(
            ErrorCode::CertNoProvince,
            format!("身份证号前两位 {code} 不是有效的省份代码"),
            format!("the first two digits {code} are not a valid province code"),
        )),
    }
}

fn check_birth_date(value: &str, problems: &mut Vec<Problem>, options: &Options) {
    let digits = &value.as_bytes()[6..14];
    let birth = Date::parse_compact(digits);
    let today = options.resolved_today();
    let min_year = options.min_birth_year;

    let reason = match birth {
        None => Some((
            "出生日期不是真实的日期".to_owned(),
            "the birth date does not exist".to_owned(),
        )),
        Some(date) if date > today => Some((
            format!("出生日期晚于今天（{today}）"),
            format!("the birth date is after today ({today})"),
        )),
        Some(date) if date.year() < min_year => Some((
            format!("出生年份早于 {min_year} 年"),
            format!("the birth year is before {min_year}"),
        )),
        Some(_) => None,
    };
    if let Some((zh, en)) = reason {
        problems.push(Problem::new(
            ErrorCode::CertNoBirthDate,
            format!("身份证号中的{zh}，请核对第 7–14 位"),
            format!("in the ID number, {en}; check characters 7 to 14"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_character_known_values() {
        assert_eq!(check_character(b"11010519491231002"), Some('X'));
        assert_eq!(check_character(b"44030519900101123"), Some('X'));
        assert_eq!(check_character(b"1101051949123100"), None);
    }
}
