//! Function arguments as the language bindings receive them — JSON values — decoded with the
//! contract's error codes and the argument's name as the JSON path, so that a JavaScript `NaN`, a
//! negative count or `null` where a number belongs gets the same typed error in every binding.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::date::Date;
use crate::error::Error;
use crate::render::RenderFormat;
use crate::report::Report;

/// Decodes the argument `name` into `T`; an error names `name` (and the path inside it).
///
/// ```
/// use serde_json::json;
/// let n: u32 = zfxxgk::argument::decode("n", json!(20))?;
/// assert_eq!(n, 20);
/// let e = zfxxgk::argument::decode::<u32>("n", json!(-1)).unwrap_err();
/// assert_eq!((e.code(), e.path()), ("json.negative", Some("n")));
/// // JavaScript's NaN has no JSON form and arrives as null.
/// let e = zfxxgk::argument::decode::<u32>("n", json!(null)).unwrap_err();
/// assert_eq!(e.code(), "json.wrong_type");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn decode<T: DeserializeOwned>(name: &str, value: Value) -> Result<T, Error> {
    if let Value::String(s) = &value {
        crate::json::check_size(s.len())?;
    }
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let inner = e.path().to_string();
        let path =
            if inner.is_empty() || inner == "." || inner == "?" { name.to_owned() } else { format!("{name}.{inner}") };
        crate::json::classify(&path, e.inner())
    })
}

/// A date argument: an ISO `YYYY-MM-DD` string (`input.invalid_date` otherwise), or a wrong type.
///
/// ```
/// use serde_json::json;
/// let d = zfxxgk::argument::date("date", json!("2025-01-20"))?;
/// assert_eq!(d.to_string(), "2025-01-20");
/// assert_eq!(zfxxgk::argument::date("date", json!("2025-02-30")).unwrap_err().code(), "input.invalid_date");
/// assert_eq!(zfxxgk::argument::date("date", json!(20250120)).unwrap_err().code(), "json.wrong_type");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn date(name: &str, value: Value) -> Result<Date, Error> {
    match value {
        Value::String(s) => s.parse(),
        other => decode(name, other),
    }
}

/// The text of a document argument: a string is the document itself (published text or JSON
/// text); any other value is the document as data, written out as JSON text.
///
/// ```
/// use serde_json::json;
/// assert_eq!(zfxxgk::argument::document(json!("年度报告")), "年度报告");
/// assert_eq!(zfxxgk::argument::document(json!({"year": 2022})), r#"{"year":2022}"#);
/// ```
pub fn document(value: Value) -> String {
    match value {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

/// The error for an argument that has no JSON form at all (a function, a symbol, a BigInt).
///
/// ```
/// let e = zfxxgk::argument::not_json("report");
/// assert_eq!((e.code(), e.path()), ("json.wrong_type", Some("report")));
/// ```
pub fn not_json(name: &str) -> Error {
    Error::JsonContract {
        code: "json.wrong_type",
        path: name.to_owned(),
        zh: "类型错误：不是 JSON 值".to_owned(),
        en: "invalid type: not a JSON value".to_owned(),
    }
}

/// Any contract value as JSON data (the contract's types serialize without failure).
pub fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A JSON Lines argument: a string is the text itself; an array is written out one JSON value per
/// line; anything else is `json.wrong_type` naming the argument.
///
/// ```
/// use serde_json::json;
/// let text = zfxxgk::argument::json_lines("applications", json!([{"id": "1"}, {"id": "2"}]))?;
/// assert_eq!(text, "{\"id\":\"1\"}\n{\"id\":\"2\"}");
/// let e = zfxxgk::argument::json_lines("applications", json!(7)).unwrap_err();
/// assert_eq!((e.code(), e.path()), ("json.wrong_type", Some("applications")));
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn json_lines(name: &str, value: Value) -> Result<String, Error> {
    match value {
        Value::String(s) => Ok(s),
        Value::Array(items) => Ok(items.iter().map(Value::to_string).collect::<Vec<_>>().join("\n")),
        other => decode::<Vec<Value>>(name, other).map(|_| String::new()),
    }
}

/// A report argument: a string is published text or Report JSON text (read as `zfxxgk parse`
/// reads a file); any other value is Report JSON data. Errors name the argument.
///
/// ```
/// use serde_json::json;
/// let r = zfxxgk::argument::report("report", json!({"format": "2021", "year": 2024}))?;
/// assert_eq!(r.year, Some(2024));
/// let e = zfxxgk::argument::report("report", json!({"requests": {"received": {"total": -1}}})).unwrap_err();
/// assert_eq!(e.code(), "json.negative");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn report(name: &str, value: Value) -> Result<Report, Error> {
    match value {
        Value::String(text) => crate::read_report(&text).map(|p| p.report),
        Value::Object(_) => Report::from_json(&value.to_string()),
        other => decode::<Report>(name, other),
    }
}

/// A list of report arguments (see [`report`]); anything but an array is `json.wrong_type`.
///
/// ```
/// use serde_json::json;
/// let rs = zfxxgk::argument::reports("reports", json!([{"format": "2021"}, {"format": "2021"}]))?;
/// assert_eq!(rs.len(), 2);
/// assert_eq!(zfxxgk::argument::reports("reports", json!(7)).unwrap_err().code(), "json.wrong_type");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn reports(name: &str, value: Value) -> Result<Vec<Report>, Error> {
    match value {
        Value::Array(items) => items.into_iter().enumerate().map(|(i, v)| report(&format!("{name}[{i}]"), v)).collect(),
        other => decode::<Vec<Value>>(name, other).map(|_| Vec::new()),
    }
}

/// An output layout argument for [`crate::render_report`]: `"text"` (also when absent),
/// `"markdown"` or `"html"`; another string is `render.unknown_format`.
///
/// ```
/// use serde_json::json;
/// assert_eq!(zfxxgk::argument::render_format("to", json!(null))?, zfxxgk::RenderFormat::Text);
/// assert_eq!(zfxxgk::argument::render_format("to", json!("pdf")).unwrap_err().code(), "render.unknown_format");
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn render_format(name: &str, value: Value) -> Result<RenderFormat, Error> {
    match value {
        Value::Null => Ok(RenderFormat::Text),
        other => decode::<String>(name, other)?.parse(),
    }
}

/// The basis of the 信息处理费 as an options object `{items}` or `{pages}` (see
/// [`crate::information_fee`], which requires exactly one).
#[derive(Clone, Copy, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeeBasis {
    /// 按件: the number of items.
    #[serde(default)]
    pub items: Option<u64>,
    /// 按量: the number of pages.
    #[serde(default)]
    pub pages: Option<u64>,
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_paths_are_named_after_the_argument() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Fee {
            items: Option<u64>,
        }
        let e = decode::<Fee>("options", json!({"items": 1.5})).unwrap_err();
        assert_eq!((e.code(), e.path()), ("json.wrong_type", Some("options.items")));
        let e = decode::<Fee>("options", json!({"lines": 1})).unwrap_err();
        assert_eq!((e.code(), e.path()), ("json.unknown_key", Some("options.lines")));
    }

    #[test]
    fn huge_numbers_and_strings_are_refused_with_codes() {
        assert_eq!(decode::<u32>("n", json!(1e20)).unwrap_err().code(), "json.out_of_range");
        assert_eq!(decode::<u32>("n", json!(5_000_000_000u64)).unwrap_err().code(), "json.out_of_range");
        let big = "x".repeat(crate::json::MAX_INPUT_BYTES + 1);
        assert_eq!(decode::<String>("text", Value::String(big)).unwrap_err().code(), "input.too_large");
    }
}
