//! Findings about an application's handling: lawful-but-late events, recorded and reported. Same
//! JSON shape as report findings (`code`, `severity`, `message`, `message_en`, `location`,
//! `expected`, `found`); the location names the event.

use serde::Serialize;
use serde_json::Value;

use super::event::EventType;

/// How serious a finding is.
///
/// ```
/// assert_eq!(serde_json::to_string(&zfxxgk::application::Severity::Warning).unwrap(), r#""warning""#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// The event a finding is about: its index in `events` and its type.
///
/// ```
/// use zfxxgk::application::{EventLocation, EventType};
/// let l = EventLocation { event: 3, event_type: EventType::Replied };
/// assert_eq!(serde_json::to_string(&l).unwrap(), r#"{"event":3,"type":"replied"}"#);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct EventLocation {
    pub event: usize,
    #[serde(rename = "type")]
    pub event_type: EventType,
}

/// One finding.
///
/// ```
/// use zfxxgk::application::{Finding, Severity};
/// let f = Finding::new("app.reply_overdue", Severity::Error, "答复逾期".into(), "reply overdue".into());
/// assert_eq!(serde_json::to_value(&f).unwrap()["severity"], "error");
/// ```
#[derive(Clone, PartialEq, Debug, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    /// 中文说明.
    pub message: String,
    pub message_en: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<EventLocation>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<Value>,
}

impl Finding {
    /// A finding without location or numbers (see the type's example).
    pub fn new(code: &'static str, severity: Severity, message: String, message_en: String) -> Finding {
        Finding { code, severity, message, message_en, location: None, expected: None, found: None }
    }

    /// The same finding, located at an event.
    ///
    /// ```
    /// use zfxxgk::application::{EventType, Finding, Severity};
    /// let f = Finding::new("app.reply_overdue", Severity::Error, "答复逾期".into(), "reply overdue".into())
    ///     .at_event(2, EventType::Replied);
    /// assert_eq!(f.location.map(|l| l.event), Some(2));
    /// ```
    pub fn at_event(mut self, event: usize, event_type: EventType) -> Finding {
        self.location = Some(EventLocation { event, event_type });
        self
    }

    /// The same finding, with the values expected and found.
    ///
    /// ```
    /// use zfxxgk::application::{Finding, Severity};
    /// let f = Finding::new("app.extension_invalid", Severity::Error, "超过".into(), "too long".into()).values(20, 25);
    /// assert_eq!(f.found, Some(serde_json::json!(25)));
    /// ```
    pub fn values(mut self, expected: impl Into<Value>, found: impl Into<Value>) -> Finding {
        self.expected = Some(expected.into());
        self.found = Some(found.into());
        self
    }
}
