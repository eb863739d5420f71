//! The reply deadline (DOMAIN §3): `due = add_working_days(start, base + extension + paused)`,
//! kept as the steps that explain it.

use serde::Serialize;

use super::event::{Party, Rules};
use crate::calendar::{Calendar, DayKind};
use crate::date::Date;
use crate::error::Error;

/// Why a period starts.
///
/// ```
/// assert_eq!(serde_json::to_string(&zfxxgk::application::StartCause::Corrected).unwrap(), r#""corrected""#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StartCause {
    /// The application was received (第三十一条).
    Received,
    /// The corrected application was received: the period runs afresh (第三十条).
    Corrected,
}

/// Why the clock is stopped.
///
/// ```
/// use zfxxgk::application::{Party, PauseCause};
/// assert_eq!(PauseCause::of_party(Party::Agency), PauseCause::ConsultationAgency);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseCause {
    /// 征求第三方意见 (第三十二条; not counted, 第三十三条).
    ConsultationThirdParty,
    /// 征求其他机关意见 (第三十四条; not counted).
    ConsultationAgency,
    /// Waiting for the 信息处理费 (UNCONFIRMED: not counted, the default).
    FeeWait,
}

impl PauseCause {
    /// The pause a consultation of `party` causes.
    pub fn of_party(party: Party) -> PauseCause {
        match party {
            Party::ThirdParty => PauseCause::ConsultationThirdParty,
            Party::Agency => PauseCause::ConsultationAgency,
        }
    }
}

/// One step of a due date's explanation, `{"step": …}` in JSON.
///
/// ```
/// use zfxxgk::application::{Rules, Step};
/// let s = Step::Base { working_days: 20, rules: Rules::R2019 };
/// assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"step":"base","working_days":20,"rules":"2019"}"#);
/// ```
#[derive(Clone, PartialEq, Eq, Debug, Serialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Step {
    /// The period starts: day 1 is the first working day after `date`.
    Start {
        /// The start date (receipt, or receipt of the corrected application).
        date: Date,
        /// Why the period starts.
        cause: StartCause,
    },
    /// The reply period of the rules (R2019 第三十三条 20 working days, R2007 第二十四条 15).
    Base {
        /// The period in working days.
        working_days: u32,
        /// The rule set that sets it.
        rules: Rules,
    },
    /// An extension of `days` granted; `counted` are the days that lawfully extend the period
    /// (none for a second or late extension, at most the maximum).
    Extension {
        /// The date of the extension (延长答复期限).
        at: Date,
        /// The working days granted.
        days: u32,
        /// The working days that extend the period.
        counted: u32,
    },
    /// A finished pause: the working days in (`from`, `to`] are not counted.
    Pause {
        /// Why the clock was stopped.
        cause: PauseCause,
        /// The day the pause began.
        from: Date,
        /// The day it ended.
        to: Date,
        /// The working days in (`from`, `to`], added to the period.
        working_days: u32,
    },
    /// A pause still open: the due date is suspended until it ends.
    PauseOpen {
        /// Why the clock is stopped.
        cause: PauseCause,
        /// The day the pause began.
        from: Date,
    },
    /// 补正 requested: the period will run afresh from the corrected application.
    CorrectionRequested {
        /// The date of the correction notice (补正告知).
        at: Date,
        /// The date the correction is due, if the notice states one.
        #[serde(skip_serializing_if = "Option::is_none")]
        due: Option<Date>,
    },
    /// 第三十五条: the agency accepted the reasons and set the deadline `due`.
    DeadlineSet {
        /// The day the reasons were accepted.
        at: Date,
        /// The reply deadline the agency set.
        due: Date,
    },
    /// A day off of the holiday notice on a weekday within the period: one working day later.
    Holiday {
        /// The day off.
        date: Date,
        /// The holiday, as the notice names it (e.g. 春节).
        name: String,
    },
    /// A weekend day worked (调休) within the period: one day earlier.
    MakeUpDay {
        /// The weekend day worked.
        date: Date,
        /// The holiday it makes up for, as the notice names it.
        name: String,
    },
    /// The due date: the end of the `working_days`-th working day after the start.
    Due {
        /// The reply deadline.
        date: Date,
        /// Working days from the start: base, counted extensions and finished pauses.
        working_days: u32,
    },
}

/// Where day 1 of a period falls. DOMAIN §3 marks this UNCONFIRMED and configurable.
///
/// ```
/// use zfxxgk::application::{Application, CountFrom, ReplayOptions};
/// let app = Application::from_json(r#"{"id": "1", "events": [
///     {"type": "received", "at": "2025-01-20", "channel": "post", "applicant": "other"}]}"#)?;
/// let options = ReplayOptions { count_from: CountFrom::StartDay, ..ReplayOptions::default() };
/// let state = zfxxgk::application::replay_application_with(&app, zfxxgk::Calendar::embedded(), options)?;
/// // 2025-01-20 (a Monday) is day 1: one working day earlier than the default 2025-02-21.
/// assert_eq!(state.due.map(|d| d.to_string()).as_deref(), Some("2025-02-20"));
/// # Ok::<(), zfxxgk::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum CountFrom {
    /// Day 1 is the first working day after the start date (the default).
    #[default]
    NextWorkingDay,
    /// The start date itself is day 1 when it is a working day.
    StartDay,
}

/// The running deadline of one period.
#[derive(Clone, Debug)]
pub(crate) struct Clock {
    /// Working days are counted from the day after `anchor`.
    anchor: Date,
    /// Working days to add: base + counted extensions + finished pauses.
    days: u32,
    pub extensions_granted: u32,
    open_pause: Option<(PauseCause, Date)>,
    steps: Vec<Step>,
}

fn too_many() -> Error {
    Error::Overflow { what: "期限工作日数 / working days of the period" }
}

impl Clock {
    /// A period of the rules' reply days starting at `date`.
    pub fn start(date: Date, cause: StartCause, rules: Rules, count_from: CountFrom) -> Clock {
        let anchor = match count_from {
            CountFrom::NextWorkingDay => date,
            CountFrom::StartDay => Date::from_days(date.days().saturating_sub(1)),
        };
        let working_days = rules.reply_days();
        Clock {
            anchor,
            days: working_days,
            extensions_granted: 0,
            open_pause: None,
            steps: vec![Step::Start { date, cause }, Step::Base { working_days, rules }],
        }
    }

    /// 第三十五条: the agency's deadline replaces the computed one; later pauses and extensions
    /// move it on from there.
    pub fn set_deadline(&mut self, at: Date, due: Date) {
        self.anchor = due;
        self.days = 0;
        self.open_pause = None;
        self.steps = vec![Step::DeadlineSet { at, due }];
    }

    /// The due date, `None` while a pause is open.
    pub fn due(&self, calendar: &Calendar) -> Result<Option<Date>, Error> {
        match self.open_pause {
            Some(_) => Ok(None),
            None => calendar.add_working_days(self.anchor, self.days).map(Some),
        }
    }

    /// The due date if an open pause ended at `at` (the due date itself when none is open).
    pub fn due_if_resumed(&self, at: Date, calendar: &Calendar) -> Result<Date, Error> {
        let paused = match self.open_pause {
            Some((_, from)) if at > from => calendar.count_working_days(from, at)?,
            _ => 0,
        };
        calendar.add_working_days(self.anchor, self.days.checked_add(paused).ok_or_else(too_many)?)
    }

    /// The steps so far (start, base, extensions, finished pauses).
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// Records an extension of `days` granted at `at`, of which `counted` extend the period.
    pub fn extend(&mut self, at: Date, days: u32, counted: u32) -> Result<(), Error> {
        self.days = self.days.checked_add(counted).ok_or_else(too_many)?;
        self.extensions_granted = self.extensions_granted.saturating_add(1);
        self.steps.push(Step::Extension { at, days, counted });
        Ok(())
    }

    /// Opens a pause at `at`, unless one is open already (it then goes on).
    pub fn open_pause(&mut self, cause: PauseCause, at: Date) {
        if self.open_pause.is_none() {
            self.open_pause = Some((cause, at));
        }
    }

    /// Ends the open pause at `at`: its working days (from, at] are added.
    pub fn close_pause(&mut self, at: Date, calendar: &Calendar) -> Result<(), Error> {
        let Some((cause, from)) = self.open_pause else { return Ok(()) };
        let working_days = calendar.count_working_days(from, at)?;
        self.days = self.days.checked_add(working_days).ok_or_else(too_many)?;
        self.open_pause = None;
        self.steps.push(Step::Pause { cause, from, to: at, working_days });
        Ok(())
    }

    /// The due date (`None` while paused) and the steps that explain it, ending with the
    /// holidays and make-up days within the period and the due date.
    pub fn explain(&self, calendar: &Calendar) -> Result<(Option<Date>, Vec<Step>), Error> {
        let mut steps = self.steps.clone();
        if let Some((cause, from)) = self.open_pause {
            steps.push(Step::PauseOpen { cause, from });
            return Ok((None, steps));
        }
        let x = calendar.explain_working_days(self.anchor, self.days)?;
        // Holidays on a weekend did not move the date; weekends are not listed one by one.
        let mut moved: Vec<(Date, Step)> = Vec::new();
        for d in x.skipped.into_iter().chain(x.make_up_days) {
            match d.kind {
                DayKind::Holiday { name } if d.date.weekday() < 5 => {
                    moved.push((d.date, Step::Holiday { date: d.date, name }))
                }
                DayKind::MakeUpDay { name } => moved.push((d.date, Step::MakeUpDay { date: d.date, name })),
                _ => {}
            }
        }
        moved.sort_by_key(|(date, _)| *date);
        steps.extend(moved.into_iter().map(|(_, s)| s));
        steps.push(Step::Due { date: x.due, working_days: self.days });
        Ok((Some(x.due), steps))
    }
}
