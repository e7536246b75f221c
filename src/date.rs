//! Calendar dates in China Standard Time (UTC+8), and the injectable clock.

use std::fmt;

use crate::error::{Error, ErrorCode, Result};

/// China Standard Time's offset from UTC, in milliseconds; China has no daylight saving time.
const CHINA_OFFSET_MILLIS: i64 = 8 * 3_600_000;
const MILLIS_PER_DAY: i64 = 86_400_000;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A date and time of day in China Standard Time, to the millisecond.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChinaDateTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    pub millisecond: u16,
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Creates a date, or `None` when the day does not exist in the Gregorian calendar.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Result<Date> {
        let invalid = || {
            Error::with_detail(
                ErrorCode::InvalidDate,
                "日期应为 YYYY-MM-DD 格式的真实日期",
                "expected a real date in YYYY-MM-DD form",
            )
        };
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(invalid());
        }
        let year = parse_digits(&bytes[0..4]).ok_or_else(invalid)?;
        let month = parse_digits(&bytes[5..7]).ok_or_else(invalid)?;
        let day = parse_digits(&bytes[8..10]).ok_or_else(invalid)?;
        Date::new(year as i32, month as u8, day as u8).ok_or_else(invalid)
    }

    /// Parses the eight digits `YYYYMMDD`; `None` for anything else or a date that does not exist.
    pub fn parse_compact(digits: &[u8]) -> Option<Date> {
        if digits.len() != 8 {
            return None;
        }
        let year = parse_digits(&digits[0..4])?;
        let month = parse_digits(&digits[4..6])?;
        let day = parse_digits(&digits[6..8])?;
        Date::new(year as i32, month as u8, day as u8)
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Counts whole years from `self` (a birth date) to `on`.
    ///
    /// Someone born on 29 February turns a year older on 1 March in common years.
    pub fn years_until(self, on: Date) -> i32 {
        let mut years = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// Converts days since 1970-01-01 into a date (Howard Hinnant's `civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let shifted = days + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u8;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        } as u8;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

fn parse_digits(bytes: &[u8]) -> Option<u32> {
    let mut value = 0u32;
    for &byte in bytes {
        if !byte.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u32::from(byte - b'0');
    }
    Some(value)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl ChinaDateTime {
    /// Converts milliseconds since the Unix epoch into China Standard Time.
    pub fn from_unix_millis(unix_millis: i64) -> ChinaDateTime {
        let local = unix_millis + CHINA_OFFSET_MILLIS;
        let days = local.div_euclid(MILLIS_PER_DAY);
        let millis_of_day = local.rem_euclid(MILLIS_PER_DAY);
        ChinaDateTime {
            date: Date::from_days_since_epoch(days),
            hour: (millis_of_day / 3_600_000) as u8,
            minute: (millis_of_day / 60_000 % 60) as u8,
            second: (millis_of_day / 1000 % 60) as u8,
            millisecond: (millis_of_day % 1000) as u16,
        }
    }

    /// Formats as `yyMMddHHmmssSSS`, the timestamp inside generated reference ids.
    pub fn compact_timestamp(&self) -> String {
        let mut text = String::with_capacity(15);
        self.push_compact_timestamp(&mut text);
        text
    }

    /// Appends `yyMMddHHmmssSSS` to `text`; reference ids are built on every request, and
    /// `format!` with padding costs more than the rest of the id.
    pub fn push_compact_timestamp(&self, text: &mut String) {
        push_digits(text, self.date.year.rem_euclid(100) as u32, 2);
        push_digits(text, u32::from(self.date.month), 2);
        push_digits(text, u32::from(self.date.day), 2);
        push_digits(text, u32::from(self.hour), 2);
        push_digits(text, u32::from(self.minute), 2);
        push_digits(text, u32::from(self.second), 2);
        push_digits(text, u32::from(self.millisecond), 3);
    }
}

/// Appends the last `width` decimal digits of `value`, zero-padded.
pub(crate) fn push_digits(text: &mut String, value: u32, width: u32) {
    for position in (0..width).rev() {
        let digit = value / 10u32.pow(position) % 10;
        text.push(char::from(b'0' + digit as u8));
    }
}

/// A source of the current time, injectable so tests and replays are deterministic.
pub trait Clock: Send + Sync {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    fn now_unix_millis(&self) -> i64;

    /// Today's date in China Standard Time.
    fn today(&self) -> Date {
        ChinaDateTime::from_unix_millis(self.now_unix_millis()).date
    }
}

/// The operating system's clock.
///
/// On `wasm32-unknown-unknown` the standard library has no clock, so the WASM binding passes
/// the browser's `Date.now()` through [`FixedClock`] instead.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_unix_millis(&self) -> i64 {
        system_now_unix_millis()
    }
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
fn system_now_unix_millis() -> i64 {
    use std::time::{SystemTime, UNIX_EPOCH};

    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(elapsed) => elapsed.as_millis() as i64,
        Err(before_epoch) => -(before_epoch.duration().as_millis() as i64),
    }
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
fn system_now_unix_millis() -> i64 {
    // NOTE: no clock on this target; callers there always inject one, and this fallback
    // (2100-01-01) only keeps the birth-date check from rejecting real dates.
    4_102_416_000_000
}

/// A clock that always returns the same instant.
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub i64);

impl FixedClock {
    /// A clock fixed at midnight China time of `date`.
    pub fn at_date(date: Date) -> FixedClock {
        let days = days_since_epoch(date);
        FixedClock(days * MILLIS_PER_DAY - CHINA_OFFSET_MILLIS)
    }
}

impl Clock for FixedClock {
    fn now_unix_millis(&self) -> i64 {
        self.0
    }
}

/// Days from 1970-01-01 to `date` (Howard Hinnant's `days_from_civil`).
pub fn days_since_epoch(date: Date) -> i64 {
    let year = i64::from(date.year) - i64::from(date.month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(date.month);
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(date.day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_days() {
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2023, 4, 31).is_none());
    }

    #[test]
    fn epoch_conversions_round_trip() {
        for days in [-1_000_000, -1, 0, 1, 19_000, 20_791, 2_932_896] {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(days_since_epoch(date), days, "{date}");
        }
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(20_791).to_string(),
            "2026-12-04"
        );
    }

    #[test]
    fn china_time_is_utc_plus_eight() {
        // 2026-12-03T16:00:00Z is midnight on 4 December in Beijing.
        let moment = ChinaDateTime::from_unix_millis(1_796_313_600_000);
        assert_eq!(moment.date.to_string(), "2026-12-04");
        assert_eq!(moment.hour, 0);
        let before = ChinaDateTime::from_unix_millis(1_796_313_599_999);
        assert_eq!(before.date.to_string(), "2026-12-03");
        assert_eq!(before.compact_timestamp(), "261203235959999");
    }

    #[test]
    fn fixed_clock_at_date() {
        let date = Date::new(2026, 12, 4).unwrap();
        assert_eq!(FixedClock::at_date(date).today(), date);
    }

    #[test]
    fn age_counts_birthdays() {
        let birth = Date::new(1990, 6, 15).unwrap();
        assert_eq!(birth.years_until(Date::new(2026, 6, 14).unwrap()), 35);
        assert_eq!(birth.years_until(Date::new(2026, 6, 15).unwrap()), 36);
    }

    #[test]
    fn parse_iso_rejects_bad_dates() {
        assert!(Date::parse_iso("2026-02-30").is_err());
        assert!(Date::parse_iso("2026-2-3").is_err());
        assert_eq!(
            Date::parse_iso("2026-12-04").unwrap(),
            Date::new(2026, 12, 4).unwrap()
        );
    }
}
