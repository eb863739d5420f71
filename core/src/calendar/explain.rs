//! Why a day is or is not a working day, and why a due date falls where it does: the weekends,
//! named holidays and make-up days (调休) between the start and the result.

use serde::Serialize;

use super::table::Calendar;
use crate::date::Date;
use crate::error::Error;

/// What kind of day a date is, and the notice that made it so.
///
/// ```
/// use zfxxgk::calendar::DayKind;
/// let k = DayKind::Holiday { name: "春节".into() };
/// assert_eq!(serde_json::to_string(&k).unwrap(), r#"{"kind":"holiday","name":"春节"}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayKind {
    /// An ordinary Monday–Friday working day.
    Workday,
    /// An ordinary Saturday or Sunday.
    Weekend,
    /// A day off listed in the holiday notice (it may fall on a weekend too), e.g. 春节.
    Holiday {
        /// The holiday, as the notice names it.
        name: String,
    },
    /// A weekend day that the holiday notice makes a working day (调休), named after its holiday.
    MakeUpDay {
        /// The holiday it makes up for, as the notice names it.
        name: String,
    },
}

impl DayKind {
    /// Whether this kind of day is a working day.
    ///
    /// ```
    /// use zfxxgk::calendar::DayKind;
    /// assert!(DayKind::MakeUpDay { name: "春节".into() }.is_working());
    /// assert!(!DayKind::Weekend.is_working());
    /// ```
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Workday | DayKind::MakeUpDay { .. })
    }
}

/// A date with its [`DayKind`].
///
/// ```
/// let x = zfxxgk::explain_working_days("2025-01-24".parse()?, 1)?;
/// let day = &x.skipped[0];
/// assert_eq!(serde_json::to_string(day).unwrap(), r#"{"date":"2025-01-25","kind":"weekend"}"#);
/// # Ok::<(), zfxxgk::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExplainedDay {
    /// The day.
    pub date: Date,
    /// What kind of day it is (flattened into the object: `kind` and `name`).
    #[serde(flatten)]
    pub kind: DayKind,
}

/// How `due = add_working_days(start, working_days)` came about: every day in (start, due] that
/// was skipped (weekend or holiday), and every weekend day that counted because it was worked.
///
/// ```
/// let x = zfxxgk::explain_working_days("2024-12-30".parse()?, 20)?;
/// assert_eq!(x.due.to_string(), "2025-01-27");
/// assert_eq!(x.skipped.iter().filter(|d| !matches!(d.kind, zfxxgk::calendar::DayKind::Weekend)).count(), 1); // 元旦
/// # Ok::<(), zfxxgk::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// The start date; day 1 is the first working day after it.
    pub start: Date,
    /// The number of working days added.
    pub working_days: u32,
    /// The result: the last of the `working_days` working days.
    pub due: Date,
    /// Days in (start, due] that are not working days, in date order.
    pub skipped: Vec<ExplainedDay>,
    /// Weekend days in (start, due] that are working days (调休), in date order.
    pub make_up_days: Vec<ExplainedDay>,
}

impl Calendar {
    /// The kind of `date`: workday, weekend, named holiday or make-up day.
    ///
    /// ```
    /// use zfxxgk::calendar::DayKind;
    /// let cal = zfxxgk::Calendar::embedded();
    /// assert_eq!(cal.day_kind("2025-10-01".parse()?)?, DayKind::Holiday { name: "国庆节、中秋节".into() });
    /// assert_eq!(cal.day_kind("2025-09-28".parse()?)?, DayKind::MakeUpDay { name: "国庆节、中秋节".into() });
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn day_kind(&self, date: Date) -> Result<DayKind, Error> {
        let offset = u32::try_from(self.offset_of(date)?).map_err(|_| self.not_covered(date.year()))?;
        Ok(self.kind_at(offset, date))
    }

    fn kind_at(&self, offset: u32, date: Date) -> DayKind {
        let weekend = date.weekday() >= 5;
        match self.listed(offset) {
            Some((true, name)) => DayKind::Holiday { name: name.to_owned() },
            // A listed working day on a weekday (the data has a few) is an ordinary working day.
            Some((false, name)) if weekend => DayKind::MakeUpDay { name: name.to_owned() },
            _ if weekend => DayKind::Weekend,
            _ => DayKind::Workday,
        }
    }

    /// [`Calendar::add_working_days`] with its explanation.
    ///
    /// ```
    /// let cal = zfxxgk::Calendar::embedded();
    /// let x = cal.explain_working_days("2025-01-20".parse()?, 7)?;
    /// assert_eq!(x.due.to_string(), "2025-02-05");
    /// // 2025-01-26 (a Sunday) was worked for 春节.
    /// assert_eq!(x.make_up_days.len(), 1);
    /// assert_eq!(x.make_up_days[0].date.to_string(), "2025-01-26");
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn explain_working_days(&self, start: Date, working_days: u32) -> Result<Explanation, Error> {
        let due = self.add_working_days(start, working_days)?;
        let mut skipped = Vec::new();
        let mut make_up_days = Vec::new();
        let from = self.offset_of(start)?;
        let to = self.offset_of(due)?;
        // Bounded by the covered range (a few thousand days); explanations are not on the hot path.
        for offset in from.saturating_add(1)..=to {
            let Ok(offset) = u32::try_from(offset) else { break };
            let date = self.date_at(offset);
            let kind = self.kind_at(offset, date);
            match kind {
                DayKind::Workday => {}
                DayKind::MakeUpDay { .. } => make_up_days.push(ExplainedDay { date, kind }),
                DayKind::Weekend | DayKind::Holiday { .. } => skipped.push(ExplainedDay { date, kind }),
            }
        }
        Ok(Explanation { start, working_days, due, skipped, make_up_days })
    }
}
