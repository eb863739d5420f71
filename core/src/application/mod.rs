//! The 依申请公开 application (DOMAIN §3): its events, the state machine of R2007 and R2019, the
//! reply deadline with its explanation, and findings on lawful-but-late handling.
//!
//! Rules: R2007 for applications received before 2019-05-15, R2019 from then (the `received`
//! event may override). Impossible events are refused with `app.event_refused` naming the event;
//! late ones are recorded as [`Finding`](crate::Finding)s of the catalog's `app.*` codes, located
//! at the event: `app.correction_late`, `app.correction_repeated`, `app.extension_invalid`,
//! `app.reply_overdue`, `app.lapse_early`.
//!
//! Readings where the law is silent, each visible in the transition table or the clock:
//! - under both rule sets the period restarts from the corrected application (the formula of
//!   DOMAIN §3); only R2019 limits the correction notice to 7 working days and to one notice;
//! - R2007 has neither 第三十四条 (agency consultation off the clock) nor 第三十五条 (reasons), so
//!   those events are refused for R2007 applications;
//! - an invalid extension is recorded but extends nothing (a second or late one), or only up to
//!   the maximum (a too long one);
//! - the wait for the 信息处理费 is off the clock (UNCONFIRMED, [`ReplayOptions::fee_wait_counted`]);
//!   day 1 is the working day after the start (UNCONFIRMED, [`ReplayOptions::count_from`]);
//! - the transition table needs no calendar, so year aggregation replays without deadlines.

mod clock;
mod event;
mod replay;
mod transition;

pub use clock::{CountFrom, PauseCause, StartCause, Step};
pub use event::{Applicant, Application, Channel, Delivery, Event, EventType, Outcome, Party, Rules};
pub use replay::{ApplicationState, MAX_EVENTS, Replay, ReplayOptions, replay_application, replay_application_with};
pub use transition::State;

pub(crate) use replay::check_event_count;
pub(crate) use transition::Machine;
