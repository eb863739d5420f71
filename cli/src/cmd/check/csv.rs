//! Findings as CSV (RFC 4180): one row per finding, for spreadsheets. A field is quoted when it
//! holds a comma, a quote or a line break; quotes inside are doubled.

use zfxxgk::Finding;

/// The column names, in order.
const COLUMNS: [&str; 10] =
    ["file", "code", "severity", "section", "row", "column", "expected", "found", "message", "message_en"];

/// The header line.
pub fn header() -> String {
    COLUMNS.join(",")
}

/// One finding of `file` as a CSV line (without the line break).
pub fn row(file: &str, f: &Finding) -> String {
    let number = |v: &Option<serde_json::Value>| match v {
        None | Some(serde_json::Value::Null) => String::new(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let fields = [
        file.to_owned(),
        f.code.as_str().to_owned(),
        f.severity.as_str().to_owned(),
        f.location.section.map(|s| s.to_string()).unwrap_or_default(),
        f.location.row.as_deref().unwrap_or_default().to_owned(),
        f.location.column.as_deref().unwrap_or_default().to_owned(),
        number(&f.expected),
        number(&f.found),
        f.message.clone(),
        f.message_en.clone(),
    ];
    fields.iter().map(|s| quote(s)).collect::<Vec<_>>().join(",")
}

fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}
