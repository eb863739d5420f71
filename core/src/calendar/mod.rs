//! Working days (工作日, DOMAIN §4): Monday–Friday, except the days off and the worked weekend
//! days (调休) of the State Council's yearly holiday notice. Embedded data: 2007–2026.
//!
//! Counting convention (DOMAIN §3, UNCONFIRMED in law, the stated default): day 1 is the first
//! working day after the start date and a period of N days ends at the end of day N, so
//! [`add_working_days`] and [`count_working_days`] (working days in (start, end]) are inverse.
//! A date or a result outside the covered years is the error `calendar.year_not_covered`, never
//! a weekday guess; load newer notices with [`Calendar::with_year_json`].
//!
//! The embedded table `holidays_data.rs` is generated from holiday-cn
//! (<https://github.com/NateScarlet/holiday-cn>, MIT License, Copyright (c) 2019 NateScarlet; see
//! `holiday-cn-LICENSE`) by `generate.rs`. The 2026 data can only change if the 2027 notice lists
//! late-December 2026 days; load 2027.json when it is published.

mod explain;
mod holidays_data;
mod notice;
mod table;

use std::sync::OnceLock;

pub use explain::{DayKind, ExplainedDay, Explanation};
pub use table::Calendar;

use crate::date::Date;
use crate::error::Error;

impl Calendar {
    /// The calendar built from the embedded holiday data, built once on first use.
    ///
    /// ```
    /// assert_eq!(zfxxgk::Calendar::embedded().years(), 2007..=2026);
    /// ```
    pub fn embedded() -> &'static Calendar {
        static EMBEDDED: OnceLock<Calendar> = OnceLock::new();
        EMBEDDED.get_or_init(|| Calendar::from_notices(notice::embedded()))
    }
}

/// [`Calendar::add_working_days`] on the embedded calendar.
///
/// ```
/// let d = zfxxgk::add_working_days("2019-05-15".parse()?, 20)?;
/// assert_eq!(d.to_string(), "2019-06-13");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn add_working_days(date: Date, n: u32) -> Result<Date, Error> {
    Calendar::embedded().add_working_days(date, n)
}

/// [`Calendar::count_working_days`] on the embedded calendar: working days in (start, end].
///
/// ```
/// let n = zfxxgk::count_working_days("2020-01-20".parse()?, "2020-02-25".parse()?)?;
/// assert_eq!(n, 20);
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn count_working_days(start: Date, end: Date) -> Result<u32, Error> {
    Calendar::embedded().count_working_days(start, end)
}

/// [`Calendar::is_working_day`] on the embedded calendar.
///
/// ```
/// assert!(zfxxgk::is_working_day("2018-12-29".parse()?)?); // a Saturday worked for 元旦
/// assert_eq!(zfxxgk::is_working_day("2027-01-04".parse()?).unwrap_err().code(), "calendar.year_not_covered");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn is_working_day(date: Date) -> Result<bool, Error> {
    Calendar::embedded().is_working_day(date)
}

/// [`Calendar::explain_working_days`] on the embedded calendar.
///
/// ```
/// let x = zfxxgk::explain_working_days("2025-09-26".parse()?, 20)?;
/// assert_eq!(x.due.to_string(), "2025-10-30");
/// assert!(x.skipped.iter().any(|d| d.date.to_string() == "2025-10-08"));
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn explain_working_days(start: Date, n: u32) -> Result<Explanation, Error> {
    Calendar::embedded().explain_working_days(start, n)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn embedded_notices_decode_completely_and_are_contiguous() {
        let notices = notice::embedded();
        let listed: usize = holidays_data::YEARS.iter().map(|(_, days)| days.len()).sum();
        assert_eq!(notices.iter().map(|n| n.days.len()).sum::<usize>(), listed);
        let years: Vec<i32> = notices.iter().map(|n| n.year).collect();
        let first = years.first().copied().unwrap();
        assert_eq!(years, (first..first + years.len() as i32).collect::<Vec<_>>());
    }

    #[test]
    fn late_december_day_filed_in_next_year_counts() {
        // 2018-12-29 is a Saturday worked for 元旦 2019, listed in 2019.json.
        assert_eq!(Calendar::embedded().day_kind(d("2018-12-29")).unwrap(), DayKind::MakeUpDay { name: "元旦".into() });
    }

    #[test]
    fn first_and_last_covered_days_and_beyond() {
        let cal = Calendar::embedded();
        assert!(cal.is_working_day(d("2007-01-01")).is_ok());
        assert!(cal.is_working_day(d("2026-12-31")).is_ok());
        for out in ["2006-12-31", "2027-01-01"] {
            let e = cal.is_working_day(d(out)).unwrap_err();
            assert_eq!(e.code(), "calendar.year_not_covered");
        }
        // The result runs off the end: an error naming the first uncovered year.
        let e = cal.add_working_days(d("2026-12-30"), 3).unwrap_err();
        assert_eq!(e, Error::YearNotCovered { year: 2027, first: 2007, last: 2026 });
        assert_eq!(cal.add_working_days(d("2026-12-30"), u32::MAX).unwrap_err().code(), "calendar.year_not_covered");
    }

    #[test]
    fn count_rejects_reversed_range() {
        assert_eq!(count_working_days(d("2025-02-01"), d("2025-01-01")).unwrap_err().code(), "calendar.range_reversed");
        assert_eq!(count_working_days(d("2025-02-01"), d("2025-02-01")).unwrap(), 0);
    }

    #[test]
    fn loading_a_year_extends_or_replaces_and_rejects_gaps() {
        let y2027 = r#"{"$schema": "s", "$id": "i", "year": 2027, "papers": ["p"], "days": [
            {"name": "元旦", "date": "2026-12-27", "isOffDay": false},
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
        let cal = Calendar::default().with_year_json(y2027).unwrap();
        // A Sunday of 2026 made a working day by the 2027 notice.
        assert!(cal.is_working_day(d("2026-12-27")).unwrap());
        assert!(!Calendar::embedded().is_working_day(d("2026-12-27")).unwrap());
        assert_eq!(cal.add_working_days(d("2026-12-30"), 3).unwrap(), d("2027-01-05"));

        let gap = y2027.replace("2027", "2029").replace("2026-12-27", "2029-01-02");
        assert_eq!(Calendar::default().with_year_json(&gap).unwrap_err().code(), "calendar.data_invalid");

        // Replacing 2025 with a notice that lists nothing but 元旦 removes 春节.
        let y2025 =
            r#"{"year": 2025, "papers": ["p"], "days": [{"name": "元旦", "date": "2025-01-01", "isOffDay": true}]}"#;
        let cal = Calendar::default().with_year_json(y2025).unwrap();
        assert_eq!(cal.years(), 2007..=2026);
        assert!(cal.is_working_day(d("2025-01-28")).unwrap());
        assert!(!cal.is_working_day(d("2025-01-26")).unwrap());

        let stray =
            r#"{"year": 2027, "papers": ["p"], "days": [{"name": "x", "date": "2025-01-01", "isOffDay": true}]}"#;
        assert_eq!(Calendar::default().with_year_json(stray).unwrap_err().code(), "calendar.data_invalid");
        let unknown = r#"{"year": 2027, "papers": [], "days": [], "extra": 1}"#;
        assert_eq!(Calendar::default().with_year_json(unknown).unwrap_err().code(), "json.unknown_key");
    }

    #[test]
    fn explanation_names_holidays_and_make_up_days() {
        let x = explain_working_days(d("2025-09-26"), 20).unwrap();
        assert_eq!(x.due, d("2025-10-30"));
        let holidays: Vec<String> = x
            .skipped
            .iter()
            .filter(|s| matches!(s.kind, DayKind::Holiday { .. }))
            .map(|s| s.date.to_string())
            .collect();
        assert_eq!(holidays.first().map(String::as_str), Some("2025-10-01"));
        assert_eq!(holidays.last().map(String::as_str), Some("2025-10-08"));
        let make_up: Vec<String> = x.make_up_days.iter().map(|s| s.date.to_string()).collect();
        assert_eq!(make_up, ["2025-09-28", "2025-10-11"]);
        // Every day in (start, due] is either counted, skipped, or a make-up day that counted.
        let span = (x.due.days() - x.start.days()) as usize;
        let ordinary = span - x.skipped.len() - x.make_up_days.len();
        assert_eq!(ordinary + x.make_up_days.len(), 20);
    }
}
