//! The Python module `zfxxgk._zfxxgk`: the core's functions over the JSON contract. The Python
//! package `zfxxgk` (python/zfxxgk) converts dicts and dates and maps errors; no domain logic here.

mod decode;
mod encode;
mod findings;
mod pipeline;

use pipeline::{Item, Pipeline};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use rayon::prelude::*;
use zfxxgk::{Date, Error, Report};

create_exception!(_zfxxgk, CoreError, PyException, "An error of the core: args are (code, message).");

fn raise(e: &Error) -> PyErr {
    CoreError::new_err((e.code(), e.to_string()))
}

fn to_json<T: serde::Serialize>(value: &T) -> String {
    // The contract's types serialize without failure: every map key is a string.
    serde_json::to_string(value).unwrap_or_default()
}

fn date(text: &str) -> PyResult<Date> {
    text.parse().map_err(|e| raise(&e))
}

fn previous_report(previous: Option<&str>) -> PyResult<Option<Report>> {
    previous.map(|text| zfxxgk::read_report(text).map(|p| p.report)).transpose().map_err(|e| raise(&e))
}

/// One item's result in a batch: (JSON, None, None) or (None, error code, message).
type JsonOutcome = (Option<String>, Option<&'static str>, Option<String>);

fn batch_item(result: Result<String, Error>) -> JsonOutcome {
    match result {
        Ok(json) => (Some(json), None, None),
        Err(e) => (None, Some(e.code()), Some(e.to_string())),
    }
}

/// A published report (text, HTML, Markdown) or Report JSON → `{"report", "findings", "provenance"}` JSON.
#[pyfunction]
fn parse_report_json(py: Python<'_>, text: &str) -> PyResult<String> {
    py.detach(|| zfxxgk::read_report(text)).map(|p| to_json(&p)).map_err(|e| raise(&e))
}

/// `parse_report_json` over many texts, in input order, on every core, without the GIL.
#[pyfunction]
fn parse_many_json(py: Python<'_>, texts: Vec<String>) -> Vec<JsonOutcome> {
    py.detach(|| texts.par_iter().map(|t| batch_item(zfxxgk::read_report(t).map(|p| to_json(&p)))).collect())
}

/// A report for a batch call as JSON text: a str as it is, a dict of plain JSON data written in
/// Rust, anything else through `encode(obj, index)` (the package's Python encoder, which also
/// raises its errors, naming the item).
fn report_text(
    index: usize,
    obj: &Bound<'_, PyAny>,
    encode: &Bound<'_, PyAny>,
    keys: &mut encode::Keys,
) -> PyResult<String> {
    if let Ok(s) = obj.cast::<pyo3::types::PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    if obj.is_exact_instance_of::<pyo3::types::PyDict>() {
        if let Ok(text) = encode::dict_to_json(obj, keys) {
            return Ok(text);
        }
    }
    encode.call1((obj, index))?.extract()
}

/// The JSON text of a dict of plain JSON data, written in Rust; None for anything else, which the
/// package then encodes in Python (with its errors).
#[pyfunction]
fn plain_dict_json(obj: &Bound<'_, PyAny>) -> Option<String> {
    if !obj.is_exact_instance_of::<pyo3::types::PyDict>() {
        return None;
    }
    encode::dict_to_json(obj, &mut encode::Keys::default()).ok()
}

/// Findings of many reports as given (dicts read straight into reports where they are plain data, else
/// converted to text by `report_text`), as Python lists of finding dicts built in Rust (no JSON text
/// in between), in input order, on every core, without the GIL while checking: (the lists, None,
/// None, None), or (None, index, error code, error message) of the first item that cannot be checked. `rules`: the rule families and
/// codes to run (all when None).
#[pyfunction]
#[pyo3(signature = (reports, encode, previous_json=None, rules=None))]
fn check_many_findings(
    py: Python<'_>,
    reports: Vec<Bound<'_, PyAny>>,
    encode: Bound<'_, PyAny>,
    previous_json: Option<&str>,
    rules: Option<Vec<String>>,
) -> PyResult<findings::Outcome> {
    let rules = match rules {
        Some(names) => zfxxgk::Rules::only(names).map_err(|e| raise(&e))?,
        None => zfxxgk::Rules::all(),
    };
    let reads = decode::Reads { texts: rules.reads_texts(), names: rules.runs("meta") };
    let mut pipeline = Pipeline::new(previous_report(previous_json)?, rules);
    let (mut batch, mut keys) = (decode::Batch::default(), encode::Keys::default());
    for (i, r) in reports.iter().enumerate() {
        let item = match r.is_exact_instance_of::<pyo3::types::PyDict>() {
            true => decode::report(r, &mut batch, reads).ok().map(Item::Report),
            false => None,
        };
        let item = match item {
            Some(item) => item,
            None => Item::Text(report_text(i, r, &encode, &mut keys)?),
        };
        pipeline.push(item);
    }
    let results = pipeline.finish(py);
    let outcome = findings::outcome(py, &results);
    pipeline::discard(results);
    outcome
}

/// The JSON Schema of the Report JSON.
#[pyfunction]
fn report_schema_json() -> String {
    to_json(&zfxxgk::report_schema())
}

/// The date `n` working days after `date` (ISO strings).
#[pyfunction]
fn add_working_days(date_iso: &str, n: u32) -> PyResult<String> {
    zfxxgk::add_working_days(date(date_iso)?, n).map(|d| d.to_string()).map_err(|e| raise(&e))
}

/// The number of working days in (start, end].
#[pyfunction]
fn count_working_days(start_iso: &str, end_iso: &str) -> PyResult<u32> {
    zfxxgk::count_working_days(date(start_iso)?, date(end_iso)?).map_err(|e| raise(&e))
}

/// Whether the date is a working day.
#[pyfunction]
fn is_working_day(date_iso: &str) -> PyResult<bool> {
    zfxxgk::is_working_day(date(date_iso)?).map_err(|e| raise(&e))
}

/// An application (JSON) replayed: its state (JSON).
#[pyfunction]
fn replay_application_json(application_json: &str) -> PyResult<String> {
    let app = zfxxgk::application::Application::from_json(application_json).map_err(|e| raise(&e))?;
    zfxxgk::replay_application(&app).map(|s| to_json(&s)).map_err(|e| raise(&e))
}

/// Applications (JSON Lines) → table 三 (JSON) of `year`, in `format` ("2019" / "2021") or the
/// layout in force for the year.
#[pyfunction]
#[pyo3(signature = (applications_jsonl, year, format=None))]
fn aggregate_jsonl(py: Python<'_>, applications_jsonl: &str, year: i32, format: Option<&str>) -> PyResult<String> {
    let format = match format {
        None => None,
        Some(f) => Some(zfxxgk::json::from_json_str::<zfxxgk::Format>(&to_json(&f)).map_err(|e| raise(&e))?),
    };
    py.detach(|| zfxxgk::stats::aggregate_jsonl(applications_jsonl, year, format))
        .map(|r| to_json(&r))
        .map_err(|e| raise(&e))
}

/// Tables 二 三 四 of many reports (Report JSON or published text) summed, compared with the
/// summary report if given: `{"reports", "sums", "findings"}` JSON.
#[pyfunction]
#[pyo3(signature = (reports_json, summary_json=None))]
fn rollup_json(py: Python<'_>, reports_json: Vec<String>, summary_json: Option<&str>) -> PyResult<String> {
    let summary = previous_report(summary_json)?;
    py.detach(|| {
        let reports =
            reports_json.par_iter().map(|t| zfxxgk::read_report(t).map(|p| p.report)).collect::<Result<Vec<_>, _>>()?;
        zfxxgk::rollup(&reports, summary.as_ref())
    })
    .map(|r| to_json(&r))
    .map_err(|e| raise(&e))
}

/// The ratios of a report (Report JSON or published text), JSON.
#[pyfunction]
fn report_metrics_json(report_json: &str) -> PyResult<String> {
    zfxxgk::read_report(report_json).map(|p| to_json(&zfxxgk::report_metrics(&p.report))).map_err(|e| raise(&e))
}

/// 信息处理费 in yuan, by items or by pages (exactly one).
#[pyfunction]
#[pyo3(signature = (items=None, pages=None))]
fn information_fee(items: Option<u64>, pages: Option<u64>) -> PyResult<u64> {
    zfxxgk::information_fee(items, pages).map_err(|e| raise(&e))
}

/// Report JSON → the report printed in the official layout (`to`: text, markdown or html). The
/// layout name is checked first, then the report.
#[pyfunction]
#[pyo3(signature = (report_json, to="text"))]
fn render_report_json(py: Python<'_>, report_json: &str, to: &str) -> PyResult<String> {
    let to: zfxxgk::RenderFormat = to.parse().map_err(|e| raise(&e))?;
    let report = Report::from_json(report_json).map_err(|e| raise(&e))?;
    Ok(py.detach(|| zfxxgk::render_report(&report, to)))
}

#[pymodule]
fn _zfxxgk(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CoreError", m.py().get_type::<CoreError>())?;
    m.add_function(wrap_pyfunction!(check_many_findings, m)?)?;
    m.add_function(wrap_pyfunction!(plain_dict_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_report_json, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(report_schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(add_working_days, m)?)?;
    m.add_function(wrap_pyfunction!(count_working_days, m)?)?;
    m.add_function(wrap_pyfunction!(is_working_day, m)?)?;
    m.add_function(wrap_pyfunction!(replay_application_json, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(information_fee, m)?)?;
    m.add_function(wrap_pyfunction!(render_report_json, m)?)?;
    m.add_function(wrap_pyfunction!(rollup_json, m)?)?;
    m.add_function(wrap_pyfunction!(report_metrics_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
