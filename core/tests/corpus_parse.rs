//! The text reader against real published reports: every file of `corpus/dev/reports` with a
//! truth file is parsed and its tables 三 and 四 compared cell by cell with the hand-checked truth
//! (blank = null). Per-file cell accuracy is printed; the suite fails below 99% overall. The
//! seeds (`corpus/seeds`) must give the findings DOMAIN.md §2 expects.
//!
//! Run: `cargo test -p zfxxgk --test corpus_parse -- --nocapture`. The corpus is
//! `$ZFXXGK_CORPUS` or `../shared/corpus`; under CI a missing corpus fails the test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::corpus_dir;

use std::path::PathBuf;

use serde_json::Value;
use zfxxgk::report::{Key, RequestColumn, RequestRow, ReviewColumn, ReviewGroup};

/// The table 三 rows a truth table of `n` rows holds, in printed order (25: F2021; 23: one
/// （六）其他处理 row).
fn row_keys(n: usize) -> Vec<RequestRow> {
    RequestRow::ALL
        .iter()
        .copied()
        .filter(|r| if n == 23 { !zfxxgk::report::OTHER_ROWS_2021.contains(r) } else { *r != RequestRow::Other })
        .collect()
}

struct Score {
    file: String,
    shape: String,
    right: usize,
    total: usize,
    wrong: Vec<String>,
}

fn score(stem: &str, text: &str, truth: &Value) -> Score {
    let parsed = zfxxgk::parse_report(text).unwrap();
    let report = &parsed.report;
    let mut s = Score {
        file: stem.to_owned(),
        shape: stem.rsplit('_').next().unwrap_or("").to_owned(),
        right: 0,
        total: 0,
        wrong: Vec::new(),
    };
    let table3 = truth["table3"].as_object().unwrap();
    for (row, (label, cells)) in row_keys(table3.len()).iter().zip(table3) {
        for (col, want) in RequestColumn::ALL.iter().zip(cells.as_array().unwrap()) {
            let got = report.requests.as_ref().and_then(|r| r.get(*row)).and_then(|c| c.value(*col));
            s.total += 1;
            if got == want.as_u64() {
                s.right += 1;
            } else {
                s.wrong.push(format!("{} ({label}).{}: got {got:?}, want {want}", row.key(), col.key()));
            }
        }
    }
    let t4 = truth["table4"].as_array().unwrap();
    let cells = ReviewGroup::ALL.iter().flat_map(|g| ReviewColumn::ALL.iter().map(move |c| (*g, *c)));
    for ((group, col), want) in cells.zip(t4) {
        let got = report.review_litigation.as_ref().and_then(|t| t.get(group)).and_then(|c| c.value(col));
        s.total += 1;
        if got == want.as_u64() {
            s.right += 1;
        } else {
            s.wrong.push(format!("{}.{}: got {got:?}, want {want}", group.key(), col.key()));
        }
    }
    s
}

#[test]
fn dev_corpus_cell_accuracy() {
    let Some(dir) = corpus_dir() else { return };
    let mut truths: Vec<PathBuf> =
        std::fs::read_dir(dir.join("dev/truth")).unwrap().map(|e| e.unwrap().path()).collect();
    truths.sort();
    let mut scores = Vec::new();
    for path in &truths {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let truth: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let report = std::fs::read_dir(dir.join("dev/reports"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_stem().is_some_and(|s| s.to_string_lossy() == stem))
            .unwrap_or_else(|| panic!("no report for truth {stem}"));
        let text = std::fs::read_to_string(&report).unwrap();
        scores.push(score(&stem, &text, &truth));
    }
    assert!(!scores.is_empty(), "no truth files");
    println!("| file | shape | cells right | accuracy |");
    println!("|---|---|---|---|");
    for s in &scores {
        println!(
            "| {} | {} | {}/{} | {:.1}% |",
            s.file,
            s.shape,
            s.right,
            s.total,
            100.0 * s.right as f64 / s.total as f64
        );
    }
    let mut shapes: Vec<&str> = scores.iter().map(|s| s.shape.as_str()).collect();
    shapes.sort_unstable();
    shapes.dedup();
    println!();
    println!("| shape | files | cells right | accuracy |");
    println!("|---|---|---|---|");
    for shape in shapes {
        let of: Vec<&Score> = scores.iter().filter(|s| s.shape == shape).collect();
        let (r, t) = of.iter().fold((0, 0), |(r, t), s| (r + s.right, t + s.total));
        println!("| {shape} | {} | {r}/{t} | {:.1}% |", of.len(), 100.0 * r as f64 / t as f64);
    }
    let (right, total) = scores.iter().fold((0, 0), |(r, t), s| (r + s.right, t + s.total));
    let overall = right as f64 / total as f64;
    println!("\noverall: {right}/{total} = {:.2}%", 100.0 * overall);
    for s in &scores {
        for w in s.wrong.iter().take(8) {
            println!("  {}: {w}", s.file);
        }
    }
    assert!(overall >= 0.99, "overall cell accuracy {:.2}% is below 99%", 100.0 * overall);
}

fn seed(dir: &std::path::Path, prefix: &str) -> String {
    let path = std::fs::read_dir(dir.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)))
        .unwrap_or_else(|| panic!("seed {prefix} missing"));
    std::fs::read_to_string(path).unwrap()
}

fn codes(text: &str) -> Vec<(String, String)> {
    zfxxgk::check_text(text, None)
        .unwrap()
        .into_iter()
        .map(|f| (f.code.as_str().to_owned(), f.severity.as_str().to_owned()))
        .collect()
}

#[test]
fn seeds_give_the_expected_findings() {
    let Some(dir) = corpus_dir() else { return };
    let has = |c: &[(String, String)], code: &str| c.iter().any(|(k, _)| k == code);
    let errors =
        |c: &[(String, String)]| c.iter().filter(|(_, s)| s == "error").map(|(k, _)| k.clone()).collect::<Vec<_>>();

    let s000 = seed(&dir, "000");
    let c = codes(&s000);
    for code in ["meta.period_invalid", "meta.published_late", "meta.format_outdated"] {
        assert!(has(&c, code), "000 lacks {code}: {c:?}");
    }
    assert!(
        !c.iter().any(|(k, _)| k.starts_with("table3.") && k != "table3.blank_cell" && k != "table3.layout_mixed"),
        "000: {c:?}"
    );
    let parsed = zfxxgk::parse_report(&s000).unwrap();
    assert_eq!(parsed.report.published.map(|d| d.to_string()).as_deref(), Some("2023-02-01"));

    let s001 = seed(&dir, "001");
    let c = codes(&s001);
    assert!(has(&c, "doc.pre2019_format"), "001: {c:?}");
    assert!(!has(&c, "meta.published_late"), "001: {c:?}");
    let parsed = zfxxgk::parse_report(&s001).unwrap();
    assert_eq!(parsed.report.year, Some(2018));
    assert_eq!(parsed.report.published.map(|d| d.to_string()).as_deref(), Some("2019-02-14"));

    for prefix in ["002", "003"] {
        let c = codes(&seed(&dir, prefix));
        assert!(has(&c, "doc.not_annual_report"), "{prefix}: {c:?}");
    }

    let c = codes(&seed(&dir, "004"));
    assert!(errors(&c).is_empty(), "004 has errors: {c:?}");
    assert!(!has(&c, "doc.not_annual_report"));
}
