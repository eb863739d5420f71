//! The 依申请公开 application (DOMAIN §3): its events, the state machine of R2007 and R2019, the
//! reply deadline with its explanation, and findings on lawful-but-late handling.
//!
//! Rules: R2007 for applications received before 2019-05-15, R2019 from then (the `received`
//! event may override). Impossible events are refused with `app.event_refused` naming the event;
//! late ones are recorded and produce findings: `app.correction_late`, `app.correction_repeated`,
//! `app.extension_invalid`, `app.reply_overdue`, `app.lapse_early`.

mod clock;
mod event;
mod finding;
mod replay;
mod transition;

pub use clock::{CountFrom, PauseCause, StartCause, Step};
pub use event::{Applicant, Application, Channel, Delivery, Event, EventType, Outcome, Party, Rules};
pub use finding::{EventLocation, Finding, Severity};
pub use replay::{ApplicationState, MAX_EVENTS, Replay, ReplayOptions, replay_application, replay_application_with};
pub use transition::State;

pub(crate) use replay::check_event_count;
pub(crate) use transition::Machine;
