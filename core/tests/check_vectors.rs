//! Runs the conformance vectors of `tests/vectors/check_report/` (shape in tests/vectors/README.md):
//! the same files every binding runs.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};

use serde_json::Value;
use zfxxgk::{Report, Rules, check_report_with};

fn vector_dir(function: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors").join(function)
}

fn vectors(function: &str) -> Vec<(String, Value)> {
    let dir = vector_dir(function);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vectors in {}", dir.display());
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let body = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            (name, body)
        })
        .collect()
}

/// A finding as the vectors state it: everything but the human-readable messages.
fn comparable(findings: &[zfxxgk::Finding]) -> Value {
    let mut v = serde_json::to_value(findings).unwrap();
    for f in v.as_array_mut().unwrap() {
        let obj = f.as_object_mut().unwrap();
        assert!(obj.remove("message").is_some_and(|m| !m.as_str().unwrap().is_empty()));
        assert!(obj.remove("message_en").is_some_and(|m| !m.as_str().unwrap().is_empty()));
    }
    v
}

fn run_check(input: &Value) -> Result<Vec<zfxxgk::Finding>, zfxxgk::Error> {
    let text = match (&input["report_json"], &input["report"]) {
        (Value::String(s), _) => s.clone(),
        (_, report) => report.to_string(),
    };
    let report = Report::from_json(&text)?;
    let previous = match &input["previous"] {
        Value::Null => None,
        p => Some(Report::from_json(&p.to_string())?),
    };
    let rules = match &input["rules"] {
        Value::Null => Rules::all(),
        Value::Array(names) => Rules::only(names.iter().map(|n| n.as_str().unwrap()))?,
        other => panic!("rules: {other}"),
    };
    check_report_with(&report, previous.as_ref(), &rules)
}

#[test]
fn check_report_vectors() {
    let mut failures = Vec::new();
    let cases = vectors("check_report");
    for (name, case) in &cases {
        let result = run_check(&case["input"]);
        let expected = &case["expected"];
        let ok = match (&result, expected) {
            (Ok(findings), Value::Array(_)) => {
                let got = comparable(findings);
                if got != *expected {
                    failures.push(format!("{name}: expected {expected}\n   got {got}"));
                }
                true
            }
            (Err(e), Value::Object(err)) => {
                if err["error"] != e.code() {
                    failures.push(format!("{name}: expected error {}, got {} ({e})", err["error"], e.code()));
                }
                if let Some(path) = err.get("path").and_then(Value::as_str) {
                    if e.path() != Some(path) || !e.to_string().contains(path) {
                        failures.push(format!("{name}: expected path {path}, got {:?} ({e})", e.path()));
                    }
                }
                true
            }
            _ => false,
        };
        if !ok {
            failures.push(format!("{name}: expected {expected}, got {result:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} vectors failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Every rule this crate can decide from Report JSON has a vector where it fires and one where
/// it does not.
#[test]
fn every_rule_has_a_firing_and_a_silent_vector() {
    let cases = vectors("check_report");
    let from_json_rules = zfxxgk::Code::ALL.iter().filter(|c| {
        let code = c.as_str();
        // `app.*` findings come from replaying an application (tests/vectors/replay_application);
        // reading published text decides `parse.*` and `doc.not_annual_report`, not Report JSON;
        // `rollup.*` compares a summary with a set of reports (tests/vectors/rollup).
        !code.starts_with("app.")
            && !code.starts_with("parse.")
            && !code.starts_with("rollup.")
            && code != "doc.not_annual_report"
    });
    for code in from_json_rules {
        let code = code.as_str();
        let fires =
            cases.iter().any(|(_, c)| c["expected"].as_array().is_some_and(|fs| fs.iter().any(|f| f["code"] == code)));
        let silent = cases.iter().any(|(name, c)| {
            name.starts_with(code) && c["expected"].as_array().is_some_and(|fs| fs.iter().all(|f| f["code"] != code))
        });
        assert!(fires, "no vector where {code} fires");
        assert!(silent, "no vector named {code}.* where it stays silent");
    }
}
