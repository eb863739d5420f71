//! Table 二 read from real published reports. The corpus has no truth file for table 二: the
//! values below were read by hand from each file (the lines are quoted in the comments).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::corpus_dir;
use serde_json::{Value, json};

fn proactive(relative: &str) -> (Value, Vec<String>) {
    let path = corpus_dir().map(|d| d.join(relative));
    let Some(path) = path else { return (Value::Null, Vec::new()) };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let parsed = zfxxgk::parse_report(&text).unwrap();
    let findings = parsed.findings.iter().map(|f| format!("{} {:?}", f.code.as_str(), f.location.row)).collect();
    (serde_json::to_value(&parsed.report.proactive).unwrap(), findings)
}

#[test]
fn space_separated_2021() {
    // 规章 0 0 0 行政规范性文件 4 0 16 … 行政许可 0 … 行政处罚 0 行政强制 0 … 行政事业性收费 0
    let (p, _) = proactive("dev/reports/d01_2022_pingtan-transport-construction-bureau_space-separated.txt");
    if p.is_null() && corpus_dir().is_none() {
        return;
    }
    assert_eq!(
        p,
        json!({
            "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
            "normative_documents": {"issued": 4, "repealed": 0, "in_force": 16},
            "licensing": {"decisions": 0}, "punishment": {"decisions": 0}, "coercion": {"decisions": 0},
            "fees": {"amount": "0"}
        })
    );
}

#[test]
fn markdown_tables_2021() {
    // | 行政规范性文件 | 6 | 1 | 32 | … | 行政许可 | 517645 | … | 行政处罚 | 693957 | | 行政强制 | 2154 |
    // | 行政事业性收费 | 4068.208 |
    let (p, _) = proactive("dev/reports/d22_2025_shuyang-county-gov_markdown-ocr.txt");
    if corpus_dir().is_none() {
        return;
    }
    assert_eq!(
        p,
        json!({
            "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
            "normative_documents": {"issued": 6, "repealed": 1, "in_force": 32},
            "licensing": {"decisions": 517645}, "punishment": {"decisions": 693957},
            "coercion": {"decisions": 2154}, "fees": {"amount": "4068.208"}
        })
    );
}

#[test]
fn one_cell_per_line_2019() {
    // 规章 | 0 | 0 | 0 | … 规范性文件40 | 40 | 35 | 140 | … 行政许可 | 0 | 0 | 0 | (every 2019 row)
    let (p, _) = proactive("seeds/000_347c7a72aefe92c2.txt");
    if corpus_dir().is_none() {
        return;
    }
    assert_eq!(p["regulations"], json!({"made": 0, "published": 0, "total_published": 0}));
    assert_eq!(p["normative_documents"], json!({"made": 40, "published": 35, "total_published": 140}));
    for row in ["licensing", "other_services", "punishment", "coercion"] {
        assert_eq!(p[row], json!({"decisions": 0, "last_year": 0, "change": 0}), "{row}");
    }
    assert_eq!(p["fees"], json!({"last_year": 0, "change": 0}));
}

#[test]
fn flattened_digit_runs() {
    // 规章000行政规范性文件3123第二十条第（五）项…行政许可0…行政处罚0行政强制0…行政事业性收费0
    let (p, findings) = proactive("dev/reports/d02_2024_pingtan-transport-construction-bureau_flattened.txt");
    if corpus_dir().is_none() {
        return;
    }
    assert_eq!(p["regulations"], json!({"issued": 0, "repealed": 0, "in_force": 0}));
    // `3123` for three cells reads 3|1|23, 3|12|3 or 31|2|3: left blank, reported.
    assert_eq!(p["normative_documents"], json!({}));
    assert!(findings.contains(&"parse.ambiguous_digits Some(\"normative_documents\")".to_owned()), "{findings:?}");
    assert_eq!(p["licensing"], json!({"decisions": 0}));
    assert_eq!(p["fees"], json!({"amount": "0"}));
}

#[test]
fn provenance_points_at_the_printed_figure() {
    let Some(dir) = corpus_dir() else { return };
    let text = std::fs::read_to_string(dir.join("dev/reports/d22_2025_shuyang-county-gov_markdown-ocr.txt")).unwrap();
    let parsed = zfxxgk::parse_report(&text).unwrap();
    let fee = parsed.provenance.get("proactive", "fees", "amount").unwrap();
    assert_eq!(&text[fee.start..fee.end], "4068.208");
    let licensing = parsed.provenance.get("proactive", "licensing", "decisions").unwrap();
    assert_eq!(&text[licensing.start..licensing.end], "517645");
    assert_eq!(text.lines().nth(licensing.line as usize - 1).unwrap(), "| 行政许可 | 517645 |");
}
