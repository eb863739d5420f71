//! The npm package `zfxxgk` (a native addon): the core's library functions under their camelCase
//! names. Arguments arrive as JSON values and are decoded by [`zfxxgk::argument`] (so `NaN`, a
//! negative count or `null` get the contract's error codes); results leave as JSON values; errors
//! are thrown as `Error`s whose `code` is the core's stable code. No domain logic here.
//!
//! Adding a function: one `#[napi]` function of a few lines, its TypeScript signature in
//! `ts_args_type` / `ts_return_type`, and its vectors run by `test/vectors.test.js`.

use napi::bindgen_prelude::{Function, JsObjectValue, Object};
use napi::{Env, JsValue, Result, Unknown, ValueType};
use napi_derive::napi;
use serde_json::Value;
use zfxxgk::{Error, argument};

/// A thrown JS `Error`: `code` is the core's stable code, the message is bilingual.
type Thrown = napi::Error<Code>;
/// The error code's type: the core's codes are `&'static str`.
type Code = &'static str;

fn thrown(e: &Error) -> Thrown {
    napi::Error::new(e.code(), e.to_string())
}

/// A JS argument as a JSON value. Strings, numbers, booleans, `null` and `undefined` (= `null`)
/// are read directly; objects and arrays go through `JSON.stringify`, so they have exactly their
/// JSON meaning (`NaN` is `null`, `toJSON` is honoured) and a cycle or a value with no JSON form
/// is the error `json.wrong_type` naming the argument, never a crash.
fn arg(env: &Env, name: &str, value: Unknown<'_>) -> Result<Value, Code> {
    match value.get_type().map_err(|_| not_json(name))? {
        ValueType::Object => match stringify(env, name, value)? {
            Some(text) => zfxxgk::json::from_json_str(&text).map_err(|e| thrown(&e)),
            None => Ok(Value::Null),
        },
        ValueType::String => {
            let text: Value = env.from_js_value(value).map_err(|_| not_json(name))?;
            // The conversion writes U+FFFD for a lone surrogate: only a string holding one (or a
            // real U+FFFD) is looked at again, so the common call pays nothing.
            if text.as_str().is_some_and(|s| s.contains('\u{FFFD}')) {
                well_formed(env, name, &value)?;
            }
            Ok(text)
        }
        ValueType::Null | ValueType::Undefined | ValueType::Boolean | ValueType::Number => {
            env.from_js_value(value).map_err(|_| not_json(name))
        }
        _ => Err(not_json(name)),
    }
}

/// Refuses a string holding a lone surrogate (`input.not_utf8`, as Python refuses its `str`):
/// N-API's UTF-8 conversion would replace it with U+FFFD, a repair of the input. Called only for a
/// string whose conversion holds U+FFFD.
fn well_formed(env: &Env, name: &str, value: &Unknown<'_>) -> Result<(), Code> {
    let text = value.coerce_to_string().map_err(|_| not_json(name))?;
    // `String.prototype.isWellFormed` (Node 20+) answers without a copy, at once for a
    // one-byte string; without it (Node 18) the UTF-16 units are read.
    let check: Option<Function<'_, (), bool>> = env
        .get_global()
        .and_then(|g| g.get_named_property::<Object<'_>>("String"))
        .and_then(|s| s.get_named_property::<Object<'_>>("prototype"))
        .and_then(|p| p.get_named_property::<Function<'_, (), bool>>("isWellFormed"))
        .ok();
    if let Some(Ok(true)) = check.map(|f| f.apply(text, ())) {
        return Ok(());
    }
    let units = text.into_utf16().map_err(|_| not_json(name))?;
    let mut index = 0;
    for c in char::decode_utf16(units.iter().copied()) {
        match c {
            Ok(c) => index += c.len_utf16(),
            Err(_) => return Err(thrown(&Error::LoneSurrogate { index })),
        }
    }
    Ok(())
}

/// A document argument as text: a string is the document; anything else its JSON text.
fn document(env: &Env, name: &str, value: Unknown<'_>) -> Result<String, Code> {
    match value.get_type().map_err(|_| not_json(name))? {
        ValueType::Object => Ok(stringify(env, name, value)?.unwrap_or_else(|| "null".to_owned())),
        _ => Ok(argument::document(arg(env, name, value)?)),
    }
}

/// `JSON.stringify(value)`: `None` when it gives `undefined`.
fn stringify(env: &Env, name: &str, value: Unknown<'_>) -> Result<Option<String>, Code> {
    let json: Object<'_> = env.get_global().and_then(|g| g.get_named_property("JSON")).map_err(|_| not_json(name))?;
    let f: Function<'_, Unknown<'_>, Unknown<'_>> = json.get_named_property("stringify").map_err(|_| not_json(name))?;
    let out = f.call(value).map_err(|_| not_json(name))?;
    match out.get_type().map_err(|_| not_json(name))? {
        ValueType::String => env.from_js_value::<String, _>(out).map(Some).map_err(|_| not_json(name)),
        _ => Ok(None),
    }
}

/// Runs a function body, turning a panic (a bug: input never reaches one) into an `Error` with
/// code `internal.panic` instead of aborting the Node process.
fn guard<T>(body: impl FnOnce() -> Result<T, Code>) -> Result<T, Code> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or_else(|panic| {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(napi::Error::new("internal.panic", format!("内部错误 / internal error: {detail}")))
    })
}

/// Panics on purpose, to test that a panic becomes an `Error` and the addon keeps working. Not
/// part of the API.
#[napi(js_name = "__panicForTests")]
#[allow(clippy::panic, reason = "the point of this function is to panic")]
pub fn panic_for_tests() -> Result<(), Code> {
    guard(|| panic!("panic requested by __panicForTests"))
}

fn not_json(name: &str) -> Thrown {
    thrown(&argument::not_json(name))
}

fn decode<T: serde::de::DeserializeOwned>(env: &Env, name: &str, value: Unknown<'_>) -> Result<T, Code> {
    argument::decode(name, arg(env, name, value)?).map_err(|e| thrown(&e))
}

fn date(env: &Env, name: &str, value: Unknown<'_>) -> Result<zfxxgk::Date, Code> {
    argument::date(name, arg(env, name, value)?).map_err(|e| thrown(&e))
}

fn json<T: serde::Serialize>(result: std::result::Result<T, Error>) -> Result<Value, Code> {
    result.map(|v| argument::to_value(&v)).map_err(|e| thrown(&e))
}

/// A published report (page text, PDF text, HTML, Markdown) or Report JSON text → the report,
/// as printed (blank cells null, nothing repaired). Its parse findings come with `checkReport(text)`.
#[napi(ts_args_type = "text: string", ts_return_type = "Report")]
pub fn parse_report(env: Env, text: Unknown<'_>) -> Result<Value, Code> {
    guard(|| {
        let text: String = decode(&env, "text", text)?;
        json(zfxxgk::read_report(&text).map(|p| p.report))
    })
}

/// The findings of a report — a Report object, its JSON text, or the published text (then parsed
/// first, its parse findings first) — with last year's report for the cross-year rules. `rules`
/// selects the rules run: families (`"table3"`) or codes (`"table3.balance"`); all when absent.
#[napi(
    ts_args_type = "report: Report | string, previous?: Report | string | null, rules?: string[] | null",
    ts_return_type = "Finding[]"
)]
pub fn check_report(env: Env, report: Unknown<'_>, previous: Unknown<'_>, rules: Unknown<'_>) -> Result<Value, Code> {
    guard(|| {
        let previous = match previous.get_type() {
            Ok(ValueType::Null | ValueType::Undefined) => None,
            _ => Some(report_arg(&env, "previous", previous)?),
        };
        let rules = match rules.get_type() {
            Ok(ValueType::Null | ValueType::Undefined) => zfxxgk::Rules::all(),
            _ => zfxxgk::Rules::only(decode::<Vec<String>>(&env, "rules", rules)?).map_err(|e| thrown(&e))?,
        };
        let findings = if let Ok(ValueType::String) = report.get_type() {
            zfxxgk::check_text_with(&decode::<String>(&env, "report", report)?, previous.as_ref(), &rules)
        } else {
            zfxxgk::check_report_with(&report_arg(&env, "report", report)?, previous.as_ref(), &rules)
        };
        json(findings)
    })
}

/// A report argument: published text or Report JSON text (a string), or a Report object.
fn report_arg(env: &Env, name: &str, value: Unknown<'_>) -> Result<zfxxgk::Report, Code> {
    let report = if let Ok(ValueType::String) = value.get_type() {
        zfxxgk::read_report(&decode::<String>(env, name, value)?).map(|p| p.report)
    } else {
        zfxxgk::Report::from_json(&document(env, name, value)?)
    };
    report.map_err(|e| thrown(&e))
}

/// The JSON Schema of the Report JSON.
#[napi(ts_return_type = "Record<string, unknown>")]
pub fn report_schema() -> Value {
    argument::to_value(&zfxxgk::report_schema())
}

/// The date `n` working days after `date` (day 1 = the first working day after it), ISO strings.
#[napi(ts_args_type = "date: string, n: number", ts_return_type = "string")]
pub fn add_working_days(env: Env, date_: Unknown<'_>, n: Unknown<'_>) -> Result<String, Code> {
    guard(|| {
        let (d, n) = (date(&env, "date", date_)?, decode::<u32>(&env, "n", n)?);
        zfxxgk::add_working_days(d, n).map(|d| d.to_string()).map_err(|e| thrown(&e))
    })
}

/// The number of working days in (start, end].
#[napi(ts_args_type = "start: string, end: string", ts_return_type = "number")]
pub fn count_working_days(env: Env, start: Unknown<'_>, end: Unknown<'_>) -> Result<u32, Code> {
    guard(|| {
        let (s, e) = (date(&env, "start", start)?, date(&env, "end", end)?);
        zfxxgk::count_working_days(s, e).map_err(|e| thrown(&e))
    })
}

/// Whether `date` is a working day (weekends, holidays and 调休 make-up days considered).
#[napi(ts_args_type = "date: string", ts_return_type = "boolean")]
pub fn is_working_day(env: Env, date_: Unknown<'_>) -> Result<bool, Code> {
    guard(|| zfxxgk::is_working_day(date(&env, "date", date_)?).map_err(|e| thrown(&e)))
}

/// `addWorkingDays` with its explanation: every skipped day (weekend, holiday) and every 调休
/// make-up day worked in (start, due].
#[napi(ts_args_type = "date: string, n: number", ts_return_type = "Explanation")]
pub fn explain_working_days(env: Env, date_: Unknown<'_>, n: Unknown<'_>) -> Result<Value, Code> {
    guard(|| {
        let (d, n) = (date(&env, "date", date_)?, decode::<u32>(&env, "n", n)?);
        json(zfxxgk::explain_working_days(d, n))
    })
}

/// One application's events replayed: its state, due date, explanation and findings. An event
/// that cannot happen throws `app.event_refused`.
#[napi(ts_args_type = "application: Application | string", ts_return_type = "ApplicationState")]
pub fn replay_application(env: Env, application: Unknown<'_>) -> Result<Value, Code> {
    guard(|| {
        let text = document(&env, "application", application)?;
        let app = zfxxgk::application::Application::from_json(&text).map_err(|e| thrown(&e))?;
        json(zfxxgk::replay_application(&app))
    })
}

/// Applications (an array, or JSON Lines text) → the table 三 `requests` object of `year`, in
/// `format` ("2019" / "2021") or the layout in force for the year.
#[napi(
    ts_args_type = "applications: Application[] | string, year: number, format?: '2019' | '2021' | null",
    ts_return_type = "Requests"
)]
pub fn aggregate(env: Env, applications: Unknown<'_>, year: Unknown<'_>, format: Unknown<'_>) -> Result<Value, Code> {
    guard(|| {
        let lines =
            argument::json_lines("applications", arg(&env, "applications", applications)?).map_err(|e| thrown(&e))?;
        let year: i32 = decode(&env, "year", year)?;
        let format: Option<zfxxgk::Format> = decode(&env, "format", format)?;
        json(zfxxgk::stats::aggregate_jsonl(&lines, year, format))
    })
}

/// 信息处理费 in yuan, by items (按件) or by pages (按量): exactly one of `{items}` / `{pages}`.
#[napi(ts_args_type = "basis: { items?: number | null; pages?: number | null }", ts_return_type = "number")]
pub fn information_fee(env: Env, basis: Unknown<'_>) -> Result<f64, Code> {
    guard(|| {
        let basis: argument::FeeBasis = decode(&env, "basis", basis)?;
        // Fees are far below 2^53 yuan: the JS number is exact.
        zfxxgk::information_fee(basis.items, basis.pages).map(|y| y as f64).map_err(|e| thrown(&e))
    })
}

/// A report (Report object, its JSON text, or published text) printed in the official layout of
/// its format: `"text"` (the ` |` cell style of published pages, the default), `"markdown"` or
/// `"html"` (one self-contained page). `parseReport` reads the page back to the same report.
#[napi(ts_args_type = "report: Report | string, to?: 'text' | 'markdown' | 'html' | null", ts_return_type = "string")]
pub fn render_report(env: Env, report: Unknown<'_>, to: Unknown<'_>) -> Result<String, Code> {
    guard(|| {
        let to = argument::render_format("to", arg(&env, "to", to)?).map_err(|e| thrown(&e))?;
        let report = argument::report("report", arg(&env, "report", report)?).map_err(|e| thrown(&e))?;
        Ok(zfxxgk::render_report(&report, to))
    })
}

/// Tables 二 三 四 of many reports (objects, JSON or published texts) summed cell by cell, and the
/// cells where the summary report (if given) differs: `{reports, sums, findings}`.
#[napi(ts_args_type = "reports: (Report | string)[], summary?: Report | string | null", ts_return_type = "Rollup")]
pub fn rollup(env: Env, reports: Unknown<'_>, summary: Unknown<'_>) -> Result<Value, Code> {
    guard(|| {
        let reports = argument::reports("reports", arg(&env, "reports", reports)?).map_err(|e| thrown(&e))?;
        let summary = match arg(&env, "summary", summary)? {
            Value::Null => None,
            s => Some(argument::report("summary", s).map_err(|e| thrown(&e))?),
        };
        json(zfxxgk::rollup(&reports, summary.as_ref()))
    })
}

/// The ratios analysts quote (disclosure rate, not-held, carried-over, review and litigation
/// correction shares); `null` where a cell is blank or the denominator is 0.
#[napi(ts_args_type = "report: Report | string", ts_return_type = "Metrics")]
pub fn report_metrics(env: Env, report: Unknown<'_>) -> Result<Value, Code> {
    guard(|| {
        let report = argument::report("report", arg(&env, "report", report)?).map_err(|e| thrown(&e))?;
        json(Ok(zfxxgk::report_metrics(&report)))
    })
}
