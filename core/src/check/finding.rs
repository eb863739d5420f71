//! A finding: what a rule says about a report, in the Finding JSON contract.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::catalog::Code;
use crate::report::SectionKey;

/// How serious a finding is. Only `error` findings make `zfxxgk check` exit 1.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Where in the report a finding points. Fields are present where they apply.
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
    /// Character offset (0-based, in Unicode scalar values) in the section's text, for findings
    /// about a sentence of the narrative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
}

/// One finding. `expected` and `found` hold the numbers (or dates, as strings) involved.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// 中文说明
    pub message: String,
    /// English message
    pub message_en: String,
    pub location: Location,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<serde_json::Value>,
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

    pub fn at(mut self, section: SectionKey) -> Finding {
        self.location.section = Some(section);
        self
    }

    pub fn row(mut self, row: impl Into<Cow<'static, str>>) -> Finding {
        self.location.row = Some(row.into());
        self
    }

    pub fn column(mut self, column: impl Into<Cow<'static, str>>) -> Finding {
        self.location.column = Some(column.into());
        self
    }

    pub fn line(mut self, line: u32) -> Finding {
        self.location.line = Some(line);
        self
    }

    pub fn offset(mut self, offset: u32) -> Finding {
        self.location.offset = Some(offset);
        self
    }

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
