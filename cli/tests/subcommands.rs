//! The workdays / app / aggregate / fee subcommands: output, exit status and the one-line error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::process::Output;

fn zfxxgk(args: &[&str], stdin: &str) -> Output {
    common::run(args, stdin.as_bytes())
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).trim_end().to_owned()
}

#[test]
fn workdays() {
    let add = zfxxgk(&["workdays", "add", "2025-01-20", "7"], "");
    assert_eq!((add.status.code(), stdout(&add).as_str()), (Some(0), "2025-02-05"));
    let count = zfxxgk(&["workdays", "count", "2025-09-26", "2025-11-27"], "");
    assert_eq!(stdout(&count), "40");
    assert_eq!(stdout(&zfxxgk(&["workdays", "is", "2018-12-29"], "")), "workday");
    assert_eq!(stdout(&zfxxgk(&["workdays", "is", "2025-10-08"], "")), "offday");
    let explained = stdout(&zfxxgk(&["workdays", "add", "2025-01-20", "7", "--explain"], ""));
    assert!(explained.starts_with("2025-02-05\n"), "{explained}");
    assert!(explained.contains("2025-01-26 春节"), "{explained}");
}

#[test]
fn uncovered_year_is_exit_2_with_code_on_one_line() {
    let o = zfxxgk(&["workdays", "add", "2026-12-30", "5"], "");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("calendar.year_not_covered: "), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1);
}

#[test]
fn app_state_and_exit_status() {
    let on_time = r#"{"id": "A", "events": [
        {"type": "received", "at": "2025-01-20", "channel": "post", "applicant": "natural_person"},
        {"type": "replied", "at": "2025-02-21", "outcome": "granted", "delivery": "post"}]}"#;
    let o = zfxxgk(&["app", "-"], on_time);
    assert_eq!(o.status.code(), Some(0));
    let state: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!((state["state"].as_str(), state["due"].as_str()), (Some("closed"), Some("2025-02-21")));

    let late = on_time.replace("2025-02-21", "2025-02-24");
    assert_eq!(zfxxgk(&["app", "-"], &late).status.code(), Some(1));

    let refused = on_time
        .replace(r#""type": "replied""#, r#""type": "fee_paid""#)
        .replace(r#", "outcome": "granted", "delivery": "post""#, "");
    let o = zfxxgk(&["app", "-"], &refused);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("app.event_refused: ") && err.contains("fee_paid"), "{err}");
}

#[test]
fn aggregate_and_fee() {
    let lines = r#"{"id": "1", "events": [{"type": "received", "at": "2020-03-02", "channel": "online", "applicant": "commercial"}, {"type": "fee_notice", "at": "2020-03-03", "amount_yuan": 100}, {"type": "fee_lapsed", "at": "2020-05-06"}]}

{"id": "2", "events": [{"type": "received", "at": "2020-12-30", "channel": "fax", "applicant": "other"}]}
"#;
    let o = zfxxgk(&["aggregate", "--year", "2020", "-"], lines);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let table: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // 2020 uses the 2019 layout: other_fee_unpaid folds into `other`.
    assert_eq!(table["other"]["commercial"], 1);
    assert!(table.get("other_fee_unpaid").is_none());
    assert_eq!(table["carried_over"]["other"], 1);

    let o = zfxxgk(&["aggregate", "--year", "2020", "--format", "2021", "-"], lines);
    let table: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(table["other_fee_unpaid"]["total"], 1);

    let bad = format!("{lines}{{\"id\": \"3\", \"events\": [{{\"type\": \"withdrawn\", \"at\": \"2020-01-01\"}}]}}\n");
    let o = zfxxgk(&["aggregate", "--year", "2020", "-"], &bad);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("app.event_refused: 第 4 行"), "{err}");

    assert_eq!(stdout(&zfxxgk(&["fee", "--items", "40"], "")), "4000");
    assert_eq!(stdout(&zfxxgk(&["fee", "--pages", "250"], "")), "4700");
    assert_eq!(zfxxgk(&["fee", "--items", "1", "--pages", "1"], "").status.code(), Some(2));
}

#[test]
fn render_prints_the_vectors_pages() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for to in ["text", "markdown", "html"] {
        let case: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join(format!("tests/vectors/render_report/demo-2021.{to}.json"))).unwrap(),
        )
        .unwrap();
        let o = zfxxgk(&["render", "--to", to, root.join("examples/reports/demo-2021.json").to_str().unwrap()], "");
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(String::from_utf8(o.stdout).unwrap(), case["expected"].as_str().unwrap(), "{to}");
    }
    let stdin = zfxxgk(&["render", "-"], r#"{"format": "2021", "year": 2023, "organ": "某局"}"#);
    assert!(stdout(&stdin).starts_with("某局2023年政府信息公开工作年度报告\n"));
}

#[test]
fn render_errors_are_exit_2_with_code_on_one_line() {
    // The layout name is refused before the input is read: nothing is written to stdin.
    let o = zfxxgk(&["render", "--to", "pdf", "-"], "");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with("render.unknown_format: "), "{err}");
    assert_eq!(err.lines().count(), 1);
    let o = zfxxgk(&["render", "--to", "html", "-"], r#"{"format": "2021", "yaer": 2022}"#);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("json.unknown_key: -: "));
}
