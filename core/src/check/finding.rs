//! A finding: what a rule says about a report or an application's handling, in the Finding JSON
//! contract. One type for both; the location says where it points.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::catalog::Code;
use crate::report::SectionKey;

/// How serious a finding is. Only `error` findings make `zfxxgk check` exit 1.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The report is wrong: `zfxxgk check` exits 1.
    Error,
    /// Probably wrong, or incomplete.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Where a finding points: a place in the report (`section`, `row`, `column`, `line`) or an
/// event of an application (`event`, `type`). Fields are present where they apply.
///
/// ```
/// use zfxxgk::check::Location;
/// let at_event = Location { event: Some(3), event_type: Some("replied".into()), ..Location::default() };
/// assert_eq!(serde_json::to_string(&at_event).unwrap(), r#"{"event":3,"type":"replied"}"#);
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// The section key (`requests` for table 三 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<SectionKey>,
    /// The row key (table 三 row, table 四 group, table 二 row) or metadata field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<Cow<'static, str>>,
    /// The column key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<Cow<'static, str>>,
    /// 1-based line of the source text, when the finding comes from reading text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 0-based index of the application event in `events`, for a finding about an application.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<usize>,
    /// That event's JSON `type` (`replied`, `extended` …).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub event_type: Option<Cow<'static, str>>,
    /// Character offset (0-based, in Unicode scalar values) in the section's text, for findings
    /// about a sentence of the narrative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
}

/// One finding. `expected` and `found` hold the numbers (or dates, as strings) involved.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The stable rule code.
    pub code: Code,
    /// The code's severity.
    pub severity: Severity,
    /// 中文说明
    pub message: String,
    /// English message
    pub message_en: String,
    /// Where the finding points.
    pub location: Location,
    /// What the rule expected there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<serde_json::Value>,
    /// What the report prints.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<serde_json::Value>,
}

impl Finding {
    /// A finding of `code` with its catalog severity.
    pub fn new(code: Code, message: String, message_en: String) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            message,
            message_en,
            location: Location::default(),
            expected: None,
            found: None,
        }
    }

    /// Points the finding at a section.
    pub fn at(mut self, section: SectionKey) -> Finding {
        self.location.section = Some(section);
        self
    }

    /// Points the finding at a row (or metadata field).
    pub fn row(mut self, row: impl Into<Cow<'static, str>>) -> Finding {
        self.location.row = Some(row.into());
        self
    }

    /// Points the finding at a column.
    pub fn column(mut self, column: impl Into<Cow<'static, str>>) -> Finding {
        self.location.column = Some(column.into());
        self
    }

    /// Points the finding at an application event: its 0-based index in `events` and its type.
    ///
    /// ```
    /// use zfxxgk::{Code, Finding};
    /// let f = Finding::new(Code::AppReplyOverdue, "答复逾期".into(), "reply overdue".into())
    ///     .event(2, "replied")
    ///     .numbers("2025-02-21", "2025-02-24");
    /// assert_eq!(
    ///     serde_json::to_value(&f).unwrap()["location"],
    ///     serde_json::json!({"event": 2, "type": "replied"})
    /// );
    /// ```
    pub fn event(mut self, index: usize, event_type: impl Into<Cow<'static, str>>) -> Finding {
        self.location.event = Some(index);
        self.location.event_type = Some(event_type.into());
        self
    }

    /// Points the finding at a 1-based line of the source text.
    pub fn line(mut self, line: u32) -> Finding {
        self.location.line = Some(line);
        self
    }

    /// Points the finding at a character offset in the section's text.
    pub fn offset(mut self, offset: u32) -> Finding {
        self.location.offset = Some(offset);
        self
    }

    /// Records the expected and the found value.
    pub fn numbers(mut self, expected: impl Into<Value>, found: impl Into<Value>) -> Finding {
        self.expected = Some(expected.into().0);
        self.found = Some(found.into().0);
        self
    }
}

/// A number or text for `expected` / `found`; wide sums stay exact.
pub struct Value(serde_json::Value);

impl From<u128> for Value {
    fn from(n: u128) -> Value {
        Value(match u64::try_from(n) {
            Ok(n) => serde_json::Value::from(n),
            Err(_) => serde_json::Value::from(n.to_string()),
        })
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value(serde_json::Value::from(n))
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value(serde_json::Value::from(n))
    }
}

impl From<i128> for Value {
    fn from(n: i128) -> Value {
        Value(match i64::try_from(n) {
            Ok(n) => serde_json::Value::from(n),
            Err(_) => serde_json::Value::from(n.to_string()),
        })
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value(serde_json::Value::from(n))
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value(serde_json::Value::from(s))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value(serde_json::Value::from(s))
    }
}

impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Value {
        Value(v)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn an_event_finding_reads_back_as_written() {
        let f = Finding::new(Code::AppLapseEarly, "期限未届满".into(), "before the due date".into())
            .event(4, "fee_lapsed")
            .numbers("2025-03-10", "2025-03-07");
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.contains(r#""severity":"warning""#));
        assert!(json.contains(r#""location":{"event":4,"type":"fee_lapsed"}"#));
        assert_eq!(serde_json::from_str::<Finding>(&json).unwrap(), f);
    }
}
