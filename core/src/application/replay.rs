//! Replaying an application's events: the state machine for what may happen, the clock for the
//! deadline, and findings for what happened lawfully but late.

use serde::Serialize;

use super::clock::{Clock, CountFrom, PauseCause, StartCause, Step};
use super::event::{Application, Event, Rules};
use super::transition::{Machine, State};
use crate::calendar::Calendar;
use crate::check::{Code, Finding};
use crate::date::Date;
use crate::error::Error;
use crate::report::RequestRow;

/// Most events accepted for one application. A real application has a handful; the limit keeps
/// a hostile input from making one replay arbitrarily long.
///
/// ```
/// use zfxxgk::application::{Application, Event, MAX_EVENTS};
/// let withdrawn: Event = serde_json::from_str(r#"{"type": "withdrawn", "at": "2025-01-20"}"#).unwrap();
/// let app = Application { id: "big".into(), events: vec![withdrawn; MAX_EVENTS + 1] };
/// assert_eq!(zfxxgk::replay_application(&app).unwrap_err().code(), "app.too_many_events");
/// ```
pub const MAX_EVENTS: usize = 10_000;

/// Working days within which a correction must be requested (R2019 第三十条).
const CORRECTION_NOTICE_DAYS: u32 = 7;
/// Working days the applicant has to pay the fee, from the day after the notice (FEE).
const FEE_PAYMENT_DAYS: u32 = 20;

/// The configurable readings of DOMAIN §3 (the defaults are the stated ones). Examples:
/// [`replay_application_with`], [`CountFrom`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ReplayOptions {
    /// Where day 1 of a period falls (UNCONFIRMED; default: the next working day).
    pub count_from: CountFrom,
    /// Whether the wait for the 信息处理费 counts towards the reply period (UNCONFIRMED;
    /// default: it does not, the clock is paused).
    pub fee_wait_counted: bool,
}

impl Default for ReplayOptions {
    fn default() -> ReplayOptions {
        ReplayOptions { count_from: CountFrom::NextWorkingDay, fee_wait_counted: false }
    }
}

/// Where an application stands after its events: the State JSON of DESIGN.md. Example:
/// [`replay_application`].
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct ApplicationState {
    /// The application's `id`, as given.
    pub id: String,
    /// Where the application stands after its last event.
    pub state: State,
    /// The table-三 result row once closed.
    pub outcome: Option<RequestRow>,
    /// The rule set it is handled under (R2019 or R2007).
    pub rules: Rules,
    /// The reply deadline; `None` while the clock is paused or waits for a correction.
    pub due: Option<Date>,
    /// The steps that explain `due`, in order (start, base period, extensions, pauses, holidays,
    /// due date).
    pub explanation: Vec<Step>,
    /// What was lawful but late, in event order: `app.*` findings located at their event.
    pub findings: Vec<Finding>,
}

impl ApplicationState {
    /// The state in its JSON contract.
    ///
    /// ```
    /// let app = zfxxgk::application::Application::from_json(r#"{"id": "1", "events": [
    ///     {"type": "received", "at": "2025-01-20", "channel": "post", "applicant": "natural_person"}]}"#)?;
    /// let json = zfxxgk::replay_application(&app)?.to_json();
    /// assert!(json.contains(r#""due":"2025-02-21""#));
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        // Every map key is a string: serializing cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether any finding is an error (the CLI's exit status 1).
    ///
    /// ```
    /// let app = zfxxgk::application::Application::from_json(r#"{"id": "1", "events": [
    ///     {"type": "received", "at": "2025-01-20", "channel": "post", "applicant": "natural_person"},
    ///     {"type": "replied", "at": "2025-02-24", "outcome": "granted", "delivery": "post"}]}"#)?;
    /// assert!(zfxxgk::replay_application(&app)?.has_errors());
    /// # Ok::<(), zfxxgk::Error>(())
    /// ```
    pub fn has_errors(&self) -> bool {
        crate::check::has_error(&self.findings)
    }
}

/// Replays `app` on the embedded calendar with the default options.
///
/// ```
/// use zfxxgk::application::{Application, State};
/// let app = Application::from_json(r#"{"id": "2025-001", "events": [
///   {"type": "received", "at": "2025-09-26", "channel": "online", "applicant": "commercial"},
///   {"type": "extended", "at": "2025-10-20", "days": 20},
///   {"type": "replied", "at": "2025-11-28", "outcome": "granted", "delivery": "online"}]}"#)?;
/// let state = zfxxgk::replay_application(&app)?;
/// assert_eq!(state.state, State::Closed);
/// assert_eq!(state.due.map(|d| d.to_string()).as_deref(), Some("2025-11-27"));
/// assert_eq!(state.findings[0].code, zfxxgk::Code::AppReplyOverdue);
///
/// // An impossible event is refused, naming it.
/// let bad = Application::from_json(r#"{"id": "x", "events": [
///   {"type": "received", "at": "2025-09-26", "channel": "online", "applicant": "commercial"},
///   {"type": "fee_paid", "at": "2025-10-20"}]}"#)?;
/// let e = zfxxgk::replay_application(&bad).unwrap_err();
/// assert_eq!(e.code(), "app.event_refused");
/// assert!(e.to_string().contains("fee_paid"));
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn replay_application(app: &Application) -> Result<ApplicationState, Error> {
    replay_application_with(app, Calendar::embedded(), ReplayOptions::default())
}

/// Replays `app` on `calendar` with `options`.
///
/// ```
/// use zfxxgk::application::{Application, ReplayOptions};
/// let app = Application::from_json(r#"{"id": "1", "events": [
///   {"type": "received", "at": "2025-01-20", "channel": "in_person", "applicant": "research"},
///   {"type": "fee_notice", "at": "2025-02-10", "amount_yuan": 300},
///   {"type": "fee_paid", "at": "2025-02-17"}]}"#)?;
/// let paused = zfxxgk::replay_application(&app)?;
/// let counted = ReplayOptions { fee_wait_counted: true, ..ReplayOptions::default() };
/// let counted = zfxxgk::application::replay_application_with(&app, zfxxgk::Calendar::embedded(), counted)?;
/// assert_eq!(paused.due.map(|d| d.to_string()).as_deref(), Some("2025-02-28"));
/// assert_eq!(counted.due.map(|d| d.to_string()).as_deref(), Some("2025-02-21"));
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn replay_application_with(
    app: &Application,
    calendar: &Calendar,
    options: ReplayOptions,
) -> Result<ApplicationState, Error> {
    check_event_count(app)?;
    let mut replay = Replay::new(&app.id, calendar, options);
    for event in &app.events {
        replay.apply(event)?;
    }
    replay.state()
}

/// [`MAX_EVENTS`] and at least one event.
pub(crate) fn check_event_count(app: &Application) -> Result<(), Error> {
    match app.events.len() {
        0 => Err(Error::NoEvents),
        n if n > MAX_EVENTS => Err(Error::TooManyEvents { count: n, limit: MAX_EVENTS }),
        _ => Ok(()),
    }
}

/// An application replayed event by event; a refused event leaves it as it was, so a service can
/// feed events as they happen.
///
/// ```
/// use zfxxgk::application::{Event, Replay, ReplayOptions, State};
/// let mut r = Replay::new("A-7", zfxxgk::Calendar::embedded(), ReplayOptions::default());
/// let received: Event = serde_json::from_str(
///     r#"{"type": "received", "at": "2024-12-30", "channel": "post", "applicant": "legal_service"}"#).unwrap();
/// r.apply(&received)?;
/// let early_end: Event = serde_json::from_str(r#"{"type": "consultation_ended", "at": "2025-01-02"}"#).unwrap();
/// assert!(r.apply(&early_end).is_err());
/// let state = r.state()?;
/// assert_eq!(state.state, State::Received);
/// assert_eq!(state.due.map(|d| d.to_string()).as_deref(), Some("2025-01-27"));
/// # Ok::<(), zfxxgk::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Replay<'c> {
    id: String,
    calendar: &'c Calendar,
    options: ReplayOptions,
    machine: Machine,
    clock: Option<Clock>,
    /// A correction requested and not yet made: (notice date, due date if stated). The clock
    /// waits for the corrected application.
    correction: Option<(Date, Option<Date>)>,
    fee_notice: Option<Date>,
    findings: Vec<Finding>,
    events: usize,
}

impl<'c> Replay<'c> {
    /// An application with no event yet (see the type's example).
    pub fn new(id: &str, calendar: &'c Calendar, options: ReplayOptions) -> Replay<'c> {
        Replay {
            id: id.to_owned(),
            calendar,
            options,
            machine: Machine::new(),
            clock: None,
            correction: None,
            fee_notice: None,
            findings: Vec::new(),
            events: 0,
        }
    }

    /// Applies the next event, or refuses it (`app.event_refused`) and changes nothing. A date
    /// outside the calendar is `calendar.year_not_covered`, also changing nothing.
    pub fn apply(&mut self, event: &Event) -> Result<(), Error> {
        let index = self.events;
        if index >= MAX_EVENTS {
            return Err(Error::TooManyEvents { count: index.saturating_add(1), limit: MAX_EVENTS });
        }
        let effect = self.machine.check(index, event)?;
        let mut next = self.machine;
        next.apply(event, effect);

        // Every fallible step (calendar arithmetic) runs on copies; `self` changes at the end.
        let cal = self.calendar;
        let mut clock = self.clock.clone();
        let mut correction = self.correction;
        let mut fee_notice = self.fee_notice;
        let mut found: Vec<Finding> = Vec::new();
        let kind = event.event_type();
        let finding = |code, zh: String, en: String| Finding::new(code, zh, en).event(index, kind.key());

        match (event, clock.as_mut()) {
            (Event::Received { at, .. }, _) => {
                clock = Some(Clock::start(*at, StartCause::Received, next.rules, self.options.count_from));
            }
            (Event::CorrectionRequested { at, due }, _) => {
                if next.rules == Rules::R2019 {
                    if let Some(received) = next.received {
                        let limit = cal.add_working_days(received, CORRECTION_NOTICE_DAYS)?;
                        if *at > limit {
                            found.push(
                                finding(
                                    Code::AppCorrectionLate,
                                    format!("补正告知晚于收到申请之日起 7 个工作日（应不晚于 {limit}，实为 {at}）"),
                                    format!("correction requested later than 7 working days after receipt (due by {limit}, made {at})"),
                                )
                                .numbers(limit.to_string(), at.to_string()),
                            );
                        }
                    }
                    if self.machine.correction_notices > 0 {
                        found.push(finding(
                            Code::AppCorrectionRepeated,
                            "补正应一次性告知，本申请已告知过补正".into(),
                            "a correction must be requested once only; this is a further request".into(),
                        ));
                    }
                }
                correction = Some((*at, *due));
            }
            (Event::Corrected { at }, _) => {
                let restarted = Clock::start(*at, StartCause::Corrected, next.rules, self.options.count_from);
                clock = Some(restarted);
                correction = None;
            }
            (Event::CorrectionLapsed { at }, _) => {
                if let Some((_, Some(due))) = correction {
                    if *at <= due {
                        found.push(
                            finding(
                                Code::AppLapseEarly,
                                format!("补正期限 {due} 未届满即视为放弃"),
                                format!("deemed abandoned before the correction due date {due}"),
                            )
                            .numbers(due.to_string(), at.to_string()),
                        );
                    }
                }
            }
            // Several consultations at once are one pause, from the first start to the last end.
            (Event::ConsultationStarted { at, party }, Some(c)) => c.open_pause(PauseCause::of_party(*party), *at),
            (Event::ConsultationEnded { at }, Some(c)) if next.open_consultations == 0 => c.close_pause(*at, cal)?,
            (Event::Extended { at, days }, Some(c)) => {
                let days = days.get();
                let max = next.rules.max_extension_days();
                let due = c.due_if_resumed(*at, cal)?;
                let second = c.extensions_granted > 0;
                let late = *at > due;
                let invalid = |zh: String, en: String| finding(Code::AppExtensionInvalid, zh, en);
                if second {
                    found.push(
                        invalid(
                            "答复期限只能延长一次，本次延长无效".into(),
                            "the reply period may be extended once only; this extension is void".into(),
                        )
                        .numbers(1u32, c.extensions_granted.saturating_add(1)),
                    );
                }
                if days > max {
                    found.push(
                        invalid(
                            format!("延长 {days} 个工作日，超过最长 {max} 个工作日"),
                            format!("extended by {days} working days, more than the maximum of {max}"),
                        )
                        .numbers(max, days),
                    );
                }
                if late {
                    found.push(
                        invalid(
                            format!("答复期限已于 {due} 届满，不能再延长"),
                            format!("the reply period ended on {due}; it can no longer be extended"),
                        )
                        .numbers(due.to_string(), at.to_string()),
                    );
                }
                let counted = if second || late { 0 } else { days.min(max) };
                c.extend(*at, days, counted)?;
            }
            (Event::FeeNotice { at, .. }, Some(c)) => {
                fee_notice = Some(*at);
                if !self.options.fee_wait_counted {
                    c.open_pause(PauseCause::FeeWait, *at);
                }
            }
            (Event::FeePaid { at }, Some(c)) => c.close_pause(*at, cal)?,
            (Event::FeeLapsed { at }, _) => {
                if let Some(notice) = fee_notice {
                    let limit = cal.add_working_days(notice, FEE_PAYMENT_DAYS)?;
                    if *at <= limit {
                        found.push(
                            finding(
                                Code::AppLapseEarly,
                                format!("缴费期限 {limit}（通知次日起 20 个工作日）未届满即视为未缴费"),
                                format!("deemed unpaid before the payment period ended on {limit} (20 working days after the notice)"),
                            )
                            .numbers(limit.to_string(), at.to_string()),
                        );
                    }
                }
            }
            (Event::ReasonsAccepted { at, due }, Some(c)) => c.set_deadline(*at, *due),
            (Event::Replied { at, .. }, Some(c)) => {
                if let Some(due) = c.due(cal)? {
                    if *at > due {
                        found.push(
                            finding(
                                Code::AppReplyOverdue,
                                format!("答复逾期：期限为 {due}，答复于 {at}"),
                                format!("reply overdue: due {due}, replied {at}"),
                            )
                            .numbers(due.to_string(), at.to_string()),
                        );
                    }
                }
            }
            _ => {}
        }

        self.machine = next;
        self.clock = clock;
        self.correction = correction;
        self.fee_notice = fee_notice;
        self.findings.append(&mut found);
        self.events = index.saturating_add(1);
        Ok(())
    }

    /// The current state with its due date and explanation.
    pub fn state(&self) -> Result<ApplicationState, Error> {
        let state = self.machine.state.ok_or(Error::NoEvents)?;
        let (due, explanation) = match (&self.clock, self.correction) {
            (Some(clock), None) => clock.explain(self.calendar)?,
            (Some(clock), Some((at, due))) => {
                // The period waits for the corrected application, which will start it afresh.
                let mut steps = clock.steps().to_vec();
                steps.push(Step::CorrectionRequested { at, due });
                (None, steps)
            }
            (None, _) => (None, Vec::new()),
        };
        Ok(ApplicationState {
            id: self.id.clone(),
            state,
            outcome: self.machine.outcome.map(|o| o.row()),
            rules: self.machine.rules,
            due,
            explanation,
            findings: self.findings.clone(),
        })
    }
}
