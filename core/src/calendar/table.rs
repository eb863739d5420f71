//! The working-day table: for every day of the covered years, whether it is a working day, as
//! prefix counts, so that adding and counting working days are two array lookups.

use std::ops::RangeInclusive;

use super::notice::{self, YearNotice};
use crate::date::Date;
use crate::error::Error;

/// A working-day calendar over a contiguous range of years, each with its State Council holiday
/// notice. [`Calendar::default`] is the embedded data (holiday-cn, 2007–2026); newer notices can
/// be loaded with [`Calendar::with_year_json`].
///
/// ```
/// use zfxxgk::{Calendar, Date};
/// let cal = Calendar::default();
/// let d: Date = "2025-01-20".parse()?;
/// assert_eq!(cal.add_working_days(d, 7)?.to_string(), "2025-02-05");
/// assert_eq!(cal.years(), 2007..=2026);
/// # Ok::<(), zfxxgk::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Calendar {
    /// The notices, one per covered year, sorted and contiguous.
    notices: Vec<YearNotice>,
    /// Day number ([`Date::days`]) of 1 January of the first covered year.
    first_day: i32,
    /// `prefix[i]` = working days among the first `i` covered days; one longer than the range.
    prefix: Vec<u32>,
    /// `working[k]` = offset from `first_day` of the (k+1)-th working day.
    working: Vec<u32>,
    /// Days listed by a notice, sorted by offset: (offset, off day?, index into `names`).
    listed: Vec<(u32, bool, u16)>,
    names: Vec<String>,
}

impl Default for Calendar {
    /// The embedded calendar (a copy of [`Calendar::embedded`]).
    fn default() -> Calendar {
        Calendar::embedded().clone()
    }
}

impl Calendar {
    /// Builds the tables from contiguous, sorted notices. Days a notice lists outside the covered
    /// years (a late-December day of a year without its own notice) are ignored.
    pub(crate) fn from_notices(notices: Vec<YearNotice>) -> Calendar {
        let first_year = notices.first().map_or(1970, |n| n.year);
        let last_year = notices.last().map_or(first_year - 1, |n| n.year);
        let first_day = Date::first_of_year(first_year).map_or(0, Date::days);
        let end_day = Date::first_of_year(last_year + 1).map_or(first_day, Date::days);
        let len = usize::try_from(end_day - first_day).unwrap_or(0);

        // Later notices win on a day listed twice: a correction is published after what it
        // corrects.
        let mut names: Vec<String> = Vec::new();
        let mut listed_by_day: Vec<Option<(bool, u16)>> = vec![None; len];
        for n in &notices {
            for d in &n.days {
                let Some(slot) = offset(first_day, len, d.date).and_then(|i| listed_by_day.get_mut(i)) else {
                    continue;
                };
                let name = match names.iter().position(|x| *x == d.name) {
                    Some(i) => i,
                    None => {
                        names.push(d.name.clone());
                        names.len() - 1
                    }
                };
                *slot = Some((d.off, u16::try_from(name).unwrap_or(u16::MAX)));
            }
        }

        let mut prefix = Vec::with_capacity(len + 1);
        let mut working = Vec::with_capacity(len);
        let mut listed = Vec::new();
        let mut count: u32 = 0;
        prefix.push(0);
        for (i, entry) in listed_by_day.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            let weekday = Date::from_days(first_day.saturating_add_unsigned(i)).weekday();
            let is_working = match entry {
                Some((off, name)) => {
                    listed.push((i, *off, *name));
                    !off
                }
                None => weekday < 5,
            };
            if is_working {
                working.push(i);
                count = count.saturating_add(1);
            }
            prefix.push(count);
        }
        Calendar { notices, first_day, prefix, working, listed, names }
    }

    /// Years with a holiday notice; dates outside are errors (`calendar.year_not_covered`).
    ///
    /// ```
    /// assert_eq!(zfxxgk::Calendar::embedded().years(), 2007..=2026);
    /// ```
    pub fn years(&self) -> RangeInclusive<i32> {
        let first = self.notices.first().map_or(0, |n| n.year);
        let last = self.notices.last().map_or(-1, |n| n.year);
        first..=last
    }

    /// Adds (or replaces) one year from a holiday-cn `YYYY.json` file. The year must be covered
    /// already (replacement) or adjacent to the covered years, so that coverage stays contiguous:
    /// a gap would be a year without data. Late-December days the file lists for the year before
    /// take effect when that year is covered.
    ///
    /// ```
    /// let json = r#"{"year": 2027, "papers": ["https://example.invalid/notice"], "days": [
    ///     {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    /// let cal = zfxxgk::Calendar::default().with_year_json(json)?;
    /// assert_eq!(cal.years(), 2007..=2027);
    /// assert!(!cal.is_working_day("2027-01-01".parse()?)?);
    /// assert!(cal.is_working_day("2027-01-04".parse()?)?);
    /// // An empty placeholder file is refused, never taken as "no holidays".
    /// let empty = r#"{"year": 2028, "papers": [], "days": []}"#;
    /// assert_eq!(cal.with_year_json(empty).unwrap_err().code(), "calendar.data_invalid");
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn with_year_json(self, json: &str) -> Result<Calendar, Error> {
        self.with_notice(notice::from_holiday_cn_json(json)?)
    }

    fn with_notice(self, notice: YearNotice) -> Result<Calendar, Error> {
        let years = self.years();
        let mut notices = self.notices;
        let year = notice.year;
        let adjacent =
            notices.is_empty() || year == years.end().saturating_add(1) || year == years.start().saturating_sub(1);
        if years.contains(&year) {
            notices.retain(|n| n.year != year);
        } else if !adjacent {
            return Err(Error::HolidayData {
                zh: format!("{year} 年与已覆盖的 {}–{} 年不相邻", years.start(), years.end()),
                en: format!("{year} is not adjacent to the covered years {}–{}", years.start(), years.end()),
            });
        }
        notices.push(notice);
        notices.sort_by_key(|n| n.year);
        Ok(Calendar::from_notices(notices))
    }

    /// The offset of `date` from the first covered day, or `calendar.year_not_covered`.
    pub(super) fn offset_of(&self, date: Date) -> Result<usize, Error> {
        offset(self.first_day, self.working_len(), date).ok_or_else(|| self.not_covered(date.year()))
    }

    fn working_len(&self) -> usize {
        self.prefix.len().saturating_sub(1)
    }

    pub(super) fn not_covered(&self, year: i32) -> Error {
        let years = self.years();
        Error::YearNotCovered { year, first: *years.start(), last: *years.end() }
    }

    pub(super) fn date_at(&self, offset: u32) -> Date {
        Date::from_days(self.first_day.saturating_add_unsigned(offset))
    }

    /// Whether `date` is a working day (工作日).
    ///
    /// ```
    /// let cal = zfxxgk::Calendar::embedded();
    /// assert!(!cal.is_working_day("2025-01-28".parse()?)?); // 春节
    /// assert!(cal.is_working_day("2025-01-26".parse()?)?); // a Sunday worked (调休)
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn is_working_day(&self, date: Date) -> Result<bool, Error> {
        let i = self.offset_of(date)?;
        Ok(self.prefix.get(i + 1) > self.prefix.get(i))
    }

    /// The date `n` working days after `date`: day 1 is the first working day after `date`, and
    /// the result is the last of the `n` days (DOMAIN §4). `n == 0` gives `date` itself.
    /// Constant time: two table lookups.
    ///
    /// ```
    /// let cal = zfxxgk::Calendar::embedded();
    /// let due = cal.add_working_days("2024-12-30".parse()?, 20)?;
    /// assert_eq!(due.to_string(), "2025-01-27");
    /// let e = cal.add_working_days("2026-12-30".parse()?, 5).unwrap_err();
    /// assert_eq!(e.code(), "calendar.year_not_covered");
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn add_working_days(&self, date: Date, n: u32) -> Result<Date, Error> {
        let i = self.offset_of(date)?;
        if n == 0 {
            return Ok(date);
        }
        // Working days up to and including `date`, plus n, is the rank of the result.
        let before = self.prefix.get(i + 1).copied().unwrap_or(0);
        let rank = u64::from(before) + u64::from(n) - 1;
        match usize::try_from(rank).ok().and_then(|k| self.working.get(k)) {
            Some(&day) => Ok(self.date_at(day)),
            None => Err(self.not_covered(self.years().end().saturating_add(1))),
        }
    }

    /// The number of working days in (`start`, `end`]: `count(d, add(d, n)) == n`.
    /// An `end` before `start` is `calendar.range_reversed`.
    ///
    /// ```
    /// let cal = zfxxgk::Calendar::embedded();
    /// assert_eq!(cal.count_working_days("2025-09-26".parse()?, "2025-10-30".parse()?)?, 20);
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn count_working_days(&self, start: Date, end: Date) -> Result<u32, Error> {
        if end < start {
            return Err(Error::RangeReversed { start, end });
        }
        let i = self.offset_of(start)?;
        let j = self.offset_of(end)?;
        let at = |k: usize| self.prefix.get(k + 1).copied().unwrap_or(0);
        Ok(at(j).saturating_sub(at(i)))
    }

    /// The notice entry for a date, if any: (off day?, holiday name).
    pub(super) fn listed(&self, offset: u32) -> Option<(bool, &str)> {
        let k = self.listed.binary_search_by_key(&offset, |(o, _, _)| *o).ok()?;
        let (_, off, name) = self.listed.get(k)?;
        Some((*off, self.names.get(usize::from(*name)).map_or("", String::as_str)))
    }
}

fn offset(first_day: i32, len: usize, date: Date) -> Option<usize> {
    let i = usize::try_from(date.days().checked_sub(first_day)?).ok()?;
    (i < len).then_some(i)
}
