//! The command line as users run it: exit codes, output shapes, bad input, and every
//! check_report vector through `zfxxgk check --json`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::zfxxgk;

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn demo(name: &str) -> String {
    root().join("examples/reports").join(name).to_string_lossy().into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn demo_with_planted_mistakes_exits_1() {
    let o = zfxxgk(&["check", &demo("demo-2021.json")]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    for code in
        ["table3.row_total", "table3.handled_total", "table3.balance", "table4.group_total", "meta.published_late"]
    {
        assert!(out.contains(code), "{code} missing from:\n{out}");
    }
    let o = zfxxgk(&["check", &demo("demo-2019.json")]);
    assert_eq!(o.status.code(), Some(1));
    for code in ["meta.period_invalid", "doc.section_missing", "table3.handled_total"] {
        assert!(stdout(&o).contains(code), "{code}");
    }
}

#[test]
fn clean_report_exits_0_and_previous_year_is_compared() {
    let o = zfxxgk(&["check", &demo("demo-2021-previous.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = zfxxgk(&["check", "--json", "--previous", &demo("demo-2021-previous.json"), &demo("demo-2021.json")]);
    assert_eq!(o.status.code(), Some(1));
    let line: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let codes: Vec<&str> = line["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"cross_year.carry_mismatch"), "{codes:?}");
}

#[test]
fn a_previous_report_of_the_wrong_year_cannot_run() {
    let o = zfxxgk(&["check", "--previous", &demo("demo-2019.json"), &demo("demo-2021.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("input.previous_year_mismatch"), "{}", stderr(&o));
}

#[test]
fn a_directory_is_walked_in_order_with_one_json_line_per_file() {
    let o = zfxxgk(&["check", "--json", &root().join("examples/reports").to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str::<Value>(l).unwrap()).collect();
    let files: Vec<String> = lines.iter().map(|l| l["file"].as_str().unwrap().to_owned()).collect();
    assert_eq!(files.len(), 4, "{files:?}");
    // The rendered page of demo-2021 checks exactly like its JSON: it reads back to the same report.
    let findings =
        |name: &str| lines.iter().find(|l| l["file"].as_str().unwrap().ends_with(name)).unwrap()["findings"].clone();
    assert_eq!(findings("demo-2021.html"), findings("demo-2021.json"));
    assert!(!findings("demo-2021.json").as_array().unwrap().is_empty());
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(stderr(&o).is_empty(), "no progress bar when stderr is not a terminal: {}", stderr(&o));
}

#[test]
fn schema_is_printed() {
    let o = zfxxgk(&["schema"]);
    assert_eq!(o.status.code(), Some(0));
    let schema: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(schema["properties"]["requests"]["anyOf"][0]["$ref"], "#/$defs/Requests");
}

/// Bad input: exit 2, one line on stderr naming the file and the JSON path, nothing on stdout.
#[test]
fn bad_input_is_one_line_naming_file_and_path() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, &str, &str)] = &[
        ("malformed.json", r#"{"year": 2022,"#, "json.syntax", "$"),
        ("type.json", r#"{"year": "2022"}"#, "json.wrong_type", "year"),
        ("negative.json", r#"{"requests": {"received": {"total": -3}}}"#, "json.negative", "requests.received.total"),
        (
            "huge.json",
            r#"{"review_litigation": {"review": {"total": 99999999999999999999}}}"#,
            "json.out_of_range",
            "review_litigation.review.total",
        ),
        (
            "unknown.json",
            r#"{"requests": {"received": {"natural": 1}}}"#,
            "json.unknown_key",
            "requests.received.natural",
        ),
        ("date.json", r#"{"period": {"start": "2022-1-1"}}"#, "json.invalid_value", "period.start"),
    ];
    for (name, text, code, path) in cases {
        let file = dir.path().join(name);
        std::fs::write(&file, text).unwrap();
        let o = zfxxgk(&["check", &file.to_string_lossy()]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(o.stdout.is_empty(), "{name}: no partial result");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{name}: {err}");
        assert!(err.starts_with(&format!("{code}: ")), "{name}: the line starts with the code: {err}");
        assert!(err.contains(name) && err.contains(path), "{name}: {err}");
    }
}

#[test]
fn invalid_utf8_missing_files_and_oversized_files_cannot_run() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("latin1.json");
    std::fs::write(&bad, b"{\"organ\": \"\xb9\xab\xbf\xaa\"}").unwrap();
    let o = zfxxgk(&["check", &bad.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("input.not_utf8"), "{}", stderr(&o));

    let o = zfxxgk(&["check", &dir.path().join("nope.json").to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));

    // One byte over the documented 32 MiB limit, refused before decoding.
    let big = dir.path().join("big.json");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(32 * 1024 * 1024 + 1).unwrap();
    let o = zfxxgk(&["check", &big.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("input.too_large"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(zfxxgk(&["check"]).status.code(), Some(2));
    assert_eq!(zfxxgk(&["frobnicate"]).status.code(), Some(2));
}

/// Every check_report vector, through the command line.
#[test]
fn every_check_report_vector_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let vectors = root().join("tests/vectors/check_report");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&vectors).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names {
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let input = &case["input"];
        let report_file = dir.path().join("report.json");
        let text = match &input["report_json"] {
            Value::String(s) => s.clone(),
            _ => input["report"].to_string(),
        };
        std::fs::write(&report_file, text).unwrap();
        let mut args = vec!["check".to_owned(), "--json".to_owned()];
        if !input["previous"].is_null() {
            let prev = dir.path().join("previous.json");
            std::fs::write(&prev, input["previous"].to_string()).unwrap();
            args.extend(["--previous".to_owned(), prev.to_string_lossy().into_owned()]);
        }
        if let Some(rules) = input["rules"].as_array() {
            let names: Vec<&str> = rules.iter().map(|r| r.as_str().unwrap()).collect();
            args.push(format!("--rules={}", names.join(",")));
        }
        args.push(report_file.to_string_lossy().into_owned());
        let o = Command::new(env!("CARGO_BIN_EXE_zfxxgk")).args(&args).output().unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let expected = &case["expected"];
        if let Some(code) = expected["error"].as_str() {
            assert_eq!(o.status.code(), Some(2), "{name}");
            assert!(stderr(&o).contains(code), "{name}: {}", stderr(&o));
            continue;
        }
        let line: Value =
            serde_json::from_str(stdout(&o).trim()).unwrap_or_else(|e| panic!("{name}: {e}: {}", stderr(&o)));
        let mut got = line["findings"].clone();
        for f in got.as_array_mut().unwrap() {
            let f = f.as_object_mut().unwrap();
            f.remove("message");
            f.remove("message_en");
        }
        assert_eq!(&got, expected, "{name}");
        let any_error = got.as_array().unwrap().iter().any(|f| f["severity"] == "error");
        assert_eq!(o.status.code(), Some(if any_error { 1 } else { 0 }), "{name}");
    }
}

/// A short published report as page text: cells run together, a period that ends before it starts.
const PAGE_TEXT: &str = "示例镇2022年度政府信息公开工作年度报告\n公开日期:2023-02-01\n\
本报告所列数据统计期限为自2022年1月1日至2021年12月31日。\n一、总体情况 本年度共收到政府信息公开申请30件。\n\
三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量291000030二、上年结转政府信息公开申请数量0000000\n";

#[test]
fn parse_prints_the_report_json_and_findings_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.txt");
    std::fs::write(&path, PAGE_TEXT).unwrap();
    let o = zfxxgk(&["parse", &path.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0));
    let report: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(report["requests"]["received"]["natural_person"], 29);
    assert_eq!(report["requests"]["received"]["commercial"], 1);
    assert_eq!(report["published"], "2023-02-01");
    let o = zfxxgk(&["parse", "--provenance", &path.to_string_lossy()]);
    let out: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let cell = out["provenance"]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["row"] == "received" && c["column"] == "total")
        .unwrap();
    let (start, end) = (cell["start"].as_u64().unwrap() as usize, cell["end"].as_u64().unwrap() as usize);
    assert_eq!(&PAGE_TEXT[start..end], "30");
}

#[test]
fn check_reads_published_text_in_directories() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), PAGE_TEXT).unwrap();
    std::fs::write(dir.path().join("b.md"), "某镇2022年政务公开工作总结\n").unwrap();
    std::fs::write(dir.path().join("ignored.csv"), "x").unwrap();
    let o = zfxxgk(&["check", "--json", &dir.path().to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    let codes = |v: &Value| -> Vec<String> {
        v["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_owned()).collect()
    };
    assert!(codes(&lines[0]).contains(&"meta.period_invalid".to_owned()), "{:?}", codes(&lines[0]));
    assert_eq!(codes(&lines[1]), ["doc.not_annual_report"]);
}
