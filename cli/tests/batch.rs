//! Batches: `check --json` / `--csv` and `parse` over directories give, in input order, what the
//! files give one at a time; the CSV reads back with a real CSV parser.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::zfxxgk;

use serde_json::Value;

fn corpus_reports() -> PathBuf {
    std::env::var_os("ZFXXGK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/corpus")))
        .join("dev/reports")
}

fn sorted_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

fn lines(o: &Output) -> Vec<Value> {
    String::from_utf8(o.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn check_json_over_a_directory_is_each_file_in_order() {
    let dir = corpus_reports();
    let files = sorted_files(&dir);
    assert!(files.len() >= 20);
    let o = zfxxgk(&["check", "--json", &dir.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1), "the corpus has error findings");
    let batch = lines(&o);
    assert_eq!(batch.len(), files.len());
    for (line, file) in batch.iter().zip(&files) {
        assert_eq!(line["file"], file.as_str());
        let one = lines(&zfxxgk(&["check", "--json", file]));
        assert_eq!(one.len(), 1);
        assert_eq!(*line, one[0], "{file}");
    }
}

#[test]
fn parse_over_a_directory_is_each_file_in_order() {
    let dir = corpus_reports();
    let files = sorted_files(&dir);
    let o = zfxxgk(&["parse", &dir.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let batch = lines(&o);
    assert_eq!(batch.len(), files.len());
    for (line, file) in batch.iter().zip(&files) {
        assert_eq!(line["file"], file.as_str());
        let one = zfxxgk(&["parse", file]);
        let report: Value = serde_json::from_slice(&one.stdout).unwrap();
        assert_eq!(line["report"], report, "{file}");
        // The single-file form prints the parse findings on stderr, one per line.
        let on_stderr = String::from_utf8_lossy(&one.stderr).lines().count();
        assert_eq!(line["findings"].as_array().unwrap().len(), on_stderr, "{file}");
    }
}

#[test]
fn parse_of_two_files_is_two_lines_and_an_unreadable_one_exits_2() {
    let files = sorted_files(&corpus_reports());
    let o = zfxxgk(&["parse", &files[0], &files[1]]);
    assert_eq!(lines(&o).len(), 2);
    let o = zfxxgk(&["parse", &files[0], "/nonexistent/report.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn csv_has_one_row_per_finding_and_reads_back() {
    let dir = corpus_reports();
    let json = lines(&zfxxgk(&["check", "--json", &dir.to_string_lossy()]));
    let o = zfxxgk(&["check", "--csv", &dir.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    let mut reader = csv::Reader::from_reader(o.stdout.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        ["file", "code", "severity", "section", "row", "column", "expected", "found", "message", "message_en"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let findings: Vec<(&Value, &Value)> =
        json.iter().flat_map(|l| l["findings"].as_array().unwrap().iter().map(move |f| (&l["file"], f))).collect();
    assert_eq!(rows.len(), findings.len());
    let text = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let mut quoted = 0;
    for (row, (file, f)) in rows.iter().zip(&findings) {
        assert_eq!(row.len(), 10);
        assert_eq!(&row[0], file.as_str().unwrap());
        assert_eq!(&row[1], f["code"].as_str().unwrap());
        assert_eq!(&row[2], f["severity"].as_str().unwrap());
        assert_eq!(row[3], text(&f["location"]["section"]));
        assert_eq!(row[4], text(&f["location"]["row"]));
        assert_eq!(row[5], text(&f["location"]["column"]));
        assert_eq!(row[6], text(&f["expected"]));
        assert_eq!(row[7], text(&f["found"]));
        assert_eq!(&row[8], f["message"].as_str().unwrap());
        assert_eq!(&row[9], f["message_en"].as_str().unwrap());
        quoted += usize::from(row[9].contains(',') || row[9].contains('"'));
    }
    assert!(quoted > 0, "some English messages hold commas or quotes, so quoting is exercised");
}
