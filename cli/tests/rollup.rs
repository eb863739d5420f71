//! `zfxxgk rollup` on real reports of one county-level area and year (平潭 2025).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::path::PathBuf;
use std::process::Output;

use common::zfxxgk;

use serde_json::Value;

fn reports_dir() -> PathBuf {
    std::env::var_os("ZFXXGK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus")))
        .join("dev/reports")
}

/// The corpus files whose names start with these prefixes.
fn files(prefixes: &[&str]) -> Vec<String> {
    let dir = reports_dir();
    let mut all: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus missing at {}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    all.sort();
    prefixes
        .iter()
        .map(|p| {
            let f = all.iter().find(|f| f.file_name().unwrap().to_string_lossy().starts_with(p)).unwrap();
            f.to_string_lossy().into_owned()
        })
        .collect()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

#[test]
fn table_three_is_the_cell_by_cell_sum_of_the_parsed_reports() {
    let inputs = files(&["d12_", "d14_", "d15_", "d16_"]);
    let args: Vec<&str> = std::iter::once("rollup").chain(inputs.iter().map(String::as_str)).collect();
    let o = zfxxgk(&args);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = json(&o);
    assert_eq!(out["reports"], 4);
    assert_eq!(out["sums"]["year"], 2025);
    assert_eq!(out["findings"], Value::Array(vec![]));
    // The expected sums, from each report as `zfxxgk parse` reads it.
    let parsed: Vec<Value> = inputs.iter().map(|f| json(&zfxxgk(&["parse", f]))).collect();
    let sums = out["sums"]["requests"].as_object().unwrap();
    assert!(sums.len() >= 20, "rows: {}", sums.len());
    for (row, cells) in sums {
        for (col, got) in cells.as_object().unwrap() {
            let values: Option<Vec<u64>> = parsed.iter().map(|p| p["requests"][row][col].as_u64()).collect();
            let want = values.map_or(Value::Null, |v| Value::from(v.iter().sum::<u64>()));
            assert_eq!(*got, want, "requests.{row}.{col}");
        }
    }
}

#[test]
fn the_summary_report_is_compared_cell_by_cell() {
    let inputs = files(&["d12_", "d14_", "d22_"]);
    let o = zfxxgk(&["rollup", &inputs[0], &inputs[1], "--summary", &inputs[2]]);
    assert_eq!(o.status.code(), Some(0), "mismatches are warnings");
    let out = json(&o);
    let findings = out["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    let received = findings
        .iter()
        .find(|f| f["location"]["row"] == "received" && f["location"]["column"] == "total")
        .expect("the county prints more applications than two of its bodies");
    assert_eq!(received["code"], "rollup.sum_mismatch");
    assert_eq!(received["severity"], "warning");
    assert_eq!(received["expected"], out["sums"]["requests"]["received"]["total"]);
}

#[test]
fn reports_of_different_years_are_refused_naming_the_file() {
    let inputs = files(&["d12_", "d02_"]);
    let o = zfxxgk(&["rollup", &inputs[0], &inputs[1]]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("rollup.year_mixed: "), "{err}");
    assert!(err.contains("d02_2024"), "{err}");
    assert_eq!(err.lines().count(), 1);
}
