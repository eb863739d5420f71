//! The npm package `zfxxgk-wasm`: the core's library functions under their camelCase names,
//! compiled to WebAssembly for browsers and Node. Arguments arrive as JS values, become JSON
//! values and are decoded by [`zfxxgk::argument`] (so `NaN`, a negative count or `null` get the
//! contract's error codes); results leave as plain JS objects (`JSON.parse` of the contract
//! JSON); errors are thrown as `Error`s whose `code` is the core's stable code. No domain logic.
//!
//! Adding a function: one `#[wasm_bindgen]` function of a few lines, its TypeScript signature in
//! `types/api.d.ts`, and its vectors run by `test/vectors.test.js`.

use wasm_bindgen::prelude::*;
use zfxxgk::{Error, Report, argument};

mod convert;

use convert::{arg, decode, document, is_string, js_json, thrown};

/// Installs the panic hook: a panic (a bug — input never reaches one) is thrown as an `Error`
/// with code `internal.panic` instead of leaving a trapped, unusable module.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("内部错误 / internal error: {info}");
        wasm_bindgen::throw_val(convert::js_error("internal.panic", &message))
    }));
}

/// Panics on purpose, to test that the panic hook turns a panic into an `Error` and that the
/// module keeps working after it. Not part of the API.
#[wasm_bindgen(js_name = "__panicForTests")]
#[allow(clippy::panic, reason = "the point of this function is to panic")]
pub fn panic_for_tests() {
    panic!("panic requested by __panicForTests");
}

/// A published report (page text, PDF text, HTML, Markdown) or Report JSON text → the report.
#[wasm_bindgen(js_name = "parseReport", skip_typescript)]
pub fn parse_report(text: JsValue) -> Result<JsValue, JsValue> {
    let text: String = decode("text", &text)?;
    js_json(zfxxgk::read_report(&text).map(|p| p.report))
}

/// The findings of a report (Report object, its JSON text, or published text), with last year's.
#[wasm_bindgen(js_name = "checkReport", skip_typescript)]
pub fn check_report(report: JsValue, previous: JsValue) -> Result<JsValue, JsValue> {
    let previous =
        if previous.is_null() || previous.is_undefined() { None } else { Some(report_arg("previous", &previous)?) };
    if is_string(&report) {
        let text: String = decode("report", &report)?;
        js_json(zfxxgk::check_text(&text, previous.as_ref()))
    } else {
        js_json(zfxxgk::check_report(&report_arg("report", &report)?, previous.as_ref()))
    }
}

fn report_arg(name: &str, value: &JsValue) -> Result<Report, JsValue> {
    let report = if is_string(value) {
        zfxxgk::read_report(&decode::<String>(name, value)?).map(|p| p.report)
    } else {
        Report::from_json(&document(name, value)?)
    };
    report.map_err(|e| thrown(&e))
}

/// The JSON Schema of the Report JSON.
#[wasm_bindgen(js_name = "reportSchema", skip_typescript)]
pub fn report_schema() -> Result<JsValue, JsValue> {
    js_json(Ok(zfxxgk::report_schema()))
}

/// The date `n` working days after `date` (ISO strings).
#[wasm_bindgen(js_name = "addWorkingDays", skip_typescript)]
pub fn add_working_days(date: JsValue, n: JsValue) -> Result<String, JsValue> {
    let (d, n) = (convert::date("date", &date)?, decode::<u32>("n", &n)?);
    zfxxgk::add_working_days(d, n).map(|d| d.to_string()).map_err(|e| thrown(&e))
}

/// The number of working days in (start, end].
#[wasm_bindgen(js_name = "countWorkingDays", skip_typescript)]
pub fn count_working_days(start: JsValue, end: JsValue) -> Result<u32, JsValue> {
    let (s, e) = (convert::date("start", &start)?, convert::date("end", &end)?);
    zfxxgk::count_working_days(s, e).map_err(|e| thrown(&e))
}

/// Whether `date` is a working day.
#[wasm_bindgen(js_name = "isWorkingDay", skip_typescript)]
pub fn is_working_day(date: JsValue) -> Result<bool, JsValue> {
    zfxxgk::is_working_day(convert::date("date", &date)?).map_err(|e| thrown(&e))
}

/// `addWorkingDays` with the skipped days and 调休 make-up days.
#[wasm_bindgen(js_name = "explainWorkingDays", skip_typescript)]
pub fn explain_working_days(date: JsValue, n: JsValue) -> Result<JsValue, JsValue> {
    let (d, n) = (convert::date("date", &date)?, decode::<u32>("n", &n)?);
    js_json(zfxxgk::explain_working_days(d, n))
}

/// One application's events replayed: its state.
#[wasm_bindgen(js_name = "replayApplication", skip_typescript)]
pub fn replay_application(application: JsValue) -> Result<JsValue, JsValue> {
    let text = document("application", &application)?;
    let app = zfxxgk::application::Application::from_json(&text).map_err(|e| thrown(&e))?;
    js_json(zfxxgk::replay_application(&app))
}

/// Applications (array or JSON Lines) → table 三 of `year`.
#[wasm_bindgen(js_name = "aggregate", skip_typescript)]
pub fn aggregate(applications: JsValue, year: JsValue, format: JsValue) -> Result<JsValue, JsValue> {
    let lines = argument::json_lines("applications", arg("applications", &applications)?).map_err(|e| thrown(&e))?;
    let year: i32 = decode("year", &year)?;
    let format: Option<zfxxgk::Format> = decode("format", &format)?;
    js_json(zfxxgk::stats::aggregate_jsonl(&lines, year, format))
}

/// 信息处理费 in yuan: `{items}` or `{pages}`.
#[wasm_bindgen(js_name = "informationFee", skip_typescript)]
pub fn information_fee(basis: JsValue) -> Result<f64, JsValue> {
    let basis: argument::FeeBasis = decode("basis", &basis)?;
    // Fees are far below 2^53 yuan: the JS number is exact.
    zfxxgk::information_fee(basis.items, basis.pages).map(|y| y as f64).map_err(|e: Error| thrown(&e))
}
