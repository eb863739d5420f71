//! Runs the conformance vectors `tests/vectors/<function>/*.json` (see tests/vectors/README.md):
//! each file is one `{"input", "expected"}` case or a list of them; `expected` is the result's
//! JSON, or `{"error": "<code>"}`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use zfxxgk::application::Application;
use zfxxgk::{Date, Error, Format};

fn vectors_dir(function: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors").join(function)
}

/// Every case of a function's vectors: (file and position, input, expected).
fn cases(function: &str) -> Vec<(String, Value, Value)> {
    let dir = vectors_dir(function);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let list = match value {
            Value::Array(list) => list,
            one => vec![one],
        };
        for (i, mut case) in list.into_iter().enumerate() {
            let input = case.get_mut("input").map(Value::take).unwrap_or_else(|| panic!("{name}[{i}]: no input"));
            let expected =
                case.get_mut("expected").map(Value::take).unwrap_or_else(|| panic!("{name}[{i}]: no expected"));
            out.push((format!("{name}[{i}]"), input, expected));
        }
    }
    assert!(!out.is_empty(), "no vectors for {function}");
    out
}

/// The result as the vectors write it.
fn outcome<T: serde::Serialize>(result: Result<T, Error>) -> Value {
    match result {
        Ok(v) => serde_json::to_value(v).unwrap(),
        Err(e) => json!({ "error": e.code() }),
    }
}

fn date(v: &Value, key: &str) -> Result<Date, Error> {
    v[key].as_str().unwrap_or_default().parse()
}

fn run(function: &str, f: impl Fn(&Value) -> Value) {
    let mut failures = Vec::new();
    let all = cases(function);
    for (name, input, expected) in &all {
        let got = f(input);
        if got != *expected {
            failures.push(format!("{function}/{name}:\n  expected {expected}\n  got      {got}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), all.len(), failures.join("\n"));
}

#[test]
fn add_working_days() {
    run("add_working_days", |i| {
        outcome(date(i, "date").and_then(|d| zfxxgk::add_working_days(d, i["n"].as_u64().unwrap() as u32)))
    });
}

#[test]
fn count_working_days() {
    run("count_working_days", |i| {
        outcome(date(i, "start").and_then(|s| zfxxgk::count_working_days(s, date(i, "end")?)))
    });
}

#[test]
fn is_working_day() {
    run("is_working_day", |i| outcome(date(i, "date").and_then(zfxxgk::is_working_day)));
}

#[test]
fn information_fee() {
    run("information_fee", |i| outcome(zfxxgk::information_fee(i["items"].as_u64(), i["pages"].as_u64())));
}

#[test]
fn replay_application() {
    run("replay_application", |i| {
        outcome(Application::from_json(&i.to_string()).and_then(|app| zfxxgk::replay_application(&app)))
    });
}

#[test]
fn aggregate() {
    run("aggregate", |i| {
        let format = match i["format"].as_str() {
            Some("2019") => Some(Format::F2019),
            Some("2021") => Some(Format::F2021),
            _ => None,
        };
        let year = i["year"].as_i64().unwrap() as i32;
        let lines: Vec<String> = i["applications"].as_array().unwrap().iter().map(Value::to_string).collect();
        outcome(zfxxgk::stats::aggregate_jsonl(&lines.join("\n"), year, format))
    });
}

#[test]
fn render_report() {
    // `to` is checked first, then the report (so a bad layout name fails the same way everywhere).
    run("render_report", |i| {
        let to = i["to"].as_str().unwrap_or_default().parse::<zfxxgk::RenderFormat>();
        let page = to
            .and_then(|to| zfxxgk::Report::from_json(&i["report"].to_string()).map(|r| zfxxgk::render_report(&r, to)));
        outcome(page)
    });
}
/// A Report from a vector's JSON (contract errors become the outcome).
fn report(v: &Value) -> Result<zfxxgk::Report, Error> {
    zfxxgk::Report::from_json(&v.to_string())
}

/// Findings as the vectors write them: without the message texts, which may be reworded.
fn without_messages(mut v: Value) -> Value {
    if let Some(findings) = v.get_mut("findings").and_then(Value::as_array_mut) {
        for f in findings {
            if let Some(f) = f.as_object_mut() {
                f.remove("message");
                f.remove("message_en");
            }
        }
    }
    v
}

#[test]
fn rollup() {
    run("rollup", |i| {
        let reports: Result<Vec<_>, Error> = i["reports"].as_array().unwrap().iter().map(report).collect();
        let summary = match &i["summary"] {
            Value::Null => Ok(None),
            s => report(s).map(Some),
        };
        without_messages(outcome(reports.and_then(|rs| summary.and_then(|s| zfxxgk::rollup(&rs, s.as_ref())))))
    });
}

#[test]
fn report_metrics() {
    run("report_metrics", |i| outcome(report(&i["report"]).map(|r| zfxxgk::report_metrics(&r))));
}
