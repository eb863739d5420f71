//! A calendar date (proleptic Gregorian), serialized as `YYYY-MM-DD`.
//! Own type rather than a date crate: the core needs only validation, ordering and day numbers.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

/// A valid calendar date between years 1 and 9999.
///
/// ```
/// use zfxxgk::Date;
/// let d: Date = "2025-01-20".parse().unwrap();
/// assert_eq!(d.to_string(), "2025-01-20");
/// assert_eq!(Date::from_days(d.days() + 12).to_string(), "2025-02-01");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, checking that it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, Error> {
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
            return Err(Error::InvalidDate { text: format!("{year:04}-{month:02}-{day:02}") });
        }
        let month = month as u8;
        if day == 0 || day > u32::from(days_in_month(year, month)) {
            return Err(Error::InvalidDate { text: format!("{year:04}-{month:02}-{day:02}") });
        }
        Ok(Date { year, month, day: day as u8 })
    }

    /// 1 January of `year`.
    pub fn first_of_year(year: i32) -> Result<Date, Error> {
        Date::new(year, 1, 1)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u32 {
        u32::from(self.month)
    }
    /// The day of the month, 1–31.
    pub fn day(self) -> u32 {
        u32::from(self.day)
    }

    /// Days since 1970-01-01 (negative before). Used for day arithmetic and table lookups.
    pub fn days(self) -> i32 {
        // Howard Hinnant's days_from_civil.
        let y = if self.month <= 2 { self.year - 1 } else { self.year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i32::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i32::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01. Saturates at the supported range.
    pub fn from_days(days: i32) -> Date {
        let z = days.clamp(-719_162, 2_932_896) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i32::from(month <= 2);
        Date { year, month, day }
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as u32
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for Date {
    type Err = Error;

    /// Strict ISO `YYYY-MM-DD`: exactly ten ASCII characters.
    fn from_str(s: &str) -> Result<Date, Error> {
        let invalid = || Error::InvalidDate { text: s.chars().take(40).collect() };
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return Err(invalid());
        }
        let num = |range: std::ops::Range<usize>| -> Result<u32, Error> {
            let part = s.get(range).ok_or_else(invalid)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(invalid());
            }
            part.parse::<u32>().map_err(|_| invalid())
        };
        let year = num(0..4)? as i32;
        Date::new(year, num(5..7)?, num(8..10)?).map_err(|_| invalid())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        crate::from_str_serde::deserialize(d, "a date string YYYY-MM-DD")
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "日期 YYYY-MM-DD / a date YYYY-MM-DD"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_over_centuries() {
        let start = Date::new(1900, 1, 1).map(Date::days).unwrap_or(0);
        let mut prev: Option<Date> = None;
        for n in start..start + 200 * 366 {
            let d = Date::from_days(n);
            assert_eq!(d.days(), n);
            if let Some(p) = prev {
                assert!(p < d);
            }
            prev = Some(d);
        }
    }

    #[test]
    fn parses_strictly() {
        assert!("2024-02-29".parse::<Date>().is_ok());
        for bad in ["2023-02-29", "2023-2-01", "2023-13-01", "20230101", "2023-01-1x", "２０２３-01-01", ""] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }

    #[test]
    fn weekday_known() {
        assert_eq!("2025-01-20".parse::<Date>().map(Date::weekday).ok(), Some(0));
        assert_eq!("2026-11-21".parse::<Date>().map(Date::weekday).ok(), Some(5));
    }
}
