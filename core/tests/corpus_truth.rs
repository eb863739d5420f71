//! Real published reports: the hand-checked tables of `../shared/corpus/dev/truth` (values exactly
//! as printed, mistakes kept) are checked as Report JSON. Two independent answers are compared:
//! the findings of `check_report`, and the arithmetic redone here on the plain arrays; and the
//! mistakes the corpus manifest notes by eye must be found.
//!
//! The corpus lives outside the crate; set `ZFXXGK_CORPUS` to its directory, or keep it at
//! `../shared/corpus` beside the workspace. Under CI a missing corpus fails the test.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::corpus_dir;

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_json::{Value, json};

const F2021_ROWS: [&str; 25] = [
    "received",
    "carried_in",
    "granted",
    "partially_granted",
    "denied_state_secret",
    "denied_prohibited",
    "denied_security",
    "denied_third_party",
    "denied_internal",
    "denied_process",
    "denied_enforcement",
    "denied_query",
    "unavailable_not_held",
    "unavailable_needs_creation",
    "unavailable_unclear",
    "rejected_petition",
    "rejected_repeat",
    "rejected_publication",
    "rejected_excessive",
    "rejected_confirmation",
    "other_no_correction",
    "other_fee_unpaid",
    "other_misc",
    "total_handled",
    "carried_over",
];
const COLUMNS: [&str; 7] =
    ["natural_person", "commercial", "research", "social_welfare", "legal_service", "other", "total"];
const GROUPS: [&str; 3] = ["review", "litigation_direct", "litigation_after_review"];
const GROUP_COLUMNS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

/// The rows a truth table of `n` rows holds, in printed order: 25 = the 2021 rows, 23 = the rows
/// with a single （六）其他处理.
fn row_keys(n: usize) -> Vec<&'static str> {
    match n {
        25 => F2021_ROWS.to_vec(),
        23 => {
            let mut rows: Vec<&str> = F2021_ROWS[..20].to_vec();
            rows.extend(["other", "total_handled", "carried_over"]);
            rows
        }
        _ => panic!("a table 三 of {n} rows"),
    }
}

fn truths() -> Vec<(String, Value)> {
    let Some(dir) = corpus_dir() else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir.join("dev/truth")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            (stem, serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap())
        })
        .collect()
}

fn report_of(truth: &Value) -> Value {
    let table3 = truth["table3"].as_object().unwrap();
    let keys = row_keys(table3.len());
    let mut requests = serde_json::Map::new();
    for (key, cells) in keys.iter().zip(table3.values()) {
        let cells = cells.as_array().unwrap();
        let row: serde_json::Map<String, Value> =
            COLUMNS.iter().zip(cells).map(|(c, v)| (c.to_string(), v.clone())).collect();
        requests.insert(key.to_string(), Value::Object(row));
    }
    let t4 = truth["table4"].as_array().unwrap();
    let mut review = serde_json::Map::new();
    for (g, group) in GROUPS.iter().enumerate() {
        let cells: serde_json::Map<String, Value> =
            GROUP_COLUMNS.iter().enumerate().map(|(c, col)| (col.to_string(), t4[g * 5 + c].clone())).collect();
        review.insert(group.to_string(), Value::Object(cells));
    }
    json!({"format": truth["format"], "year": truth["year"], "organ": truth["organ"],
           "requests": requests, "review_litigation": review})
}

type Key = (String, String, String);

/// The table findings redone on plain arrays: (code, row, column).
fn sum(cells: impl Iterator<Item = Option<u64>>) -> Option<u64> {
    let mut total = 0;
    for v in cells {
        total += v?;
    }
    Some(total)
}

fn oracle(truth: &Value) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    let table3: Vec<Vec<Option<u64>>> = truth["table3"]
        .as_object()
        .unwrap()
        .values()
        .map(|r| r.as_array().unwrap().iter().map(Value::as_u64).collect())
        .collect();
    let keys = row_keys(table3.len());
    let n = table3.len();
    let k = |code: &str, row: &str, col: &str| (code.to_owned(), row.to_owned(), col.to_owned());
    if truth["format"] == "2021" && n == 23 {
        out.insert(k("table3.layout_mixed", "other", ""));
    }
    for (r, cells) in table3.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            if v.is_none() {
                out.insert(k("table3.blank_cell", keys[r], COLUMNS[c]));
            }
        }
        if let (Some(s), Some(t)) = (sum(cells[..6].iter().copied()), cells[6]) {
            if s != t {
                out.insert(k("table3.row_total", keys[r], "total"));
            }
        }
    }
    for c in 0..7 {
        let results = sum(table3[2..n - 2].iter().map(|r| r[c]));
        if let (Some(s), Some(t)) = (results, table3[n - 2][c]) {
            if s != t {
                out.insert(k("table3.handled_total", "total_handled", COLUMNS[c]));
            }
        }
        let inflow = sum([table3[0][c], table3[1][c]].into_iter());
        let outflow = sum([table3[n - 2][c], table3[n - 1][c]].into_iter());
        if let (Some(i), Some(o)) = (inflow, outflow) {
            if i != o {
                out.insert(k("table3.balance", "received", COLUMNS[c]));
            }
        }
    }
    let t4: Vec<Option<u64>> = truth["table4"].as_array().unwrap().iter().map(Value::as_u64).collect();
    for (g, group) in GROUPS.iter().enumerate() {
        for c in 0..5 {
            if t4[g * 5 + c].is_none() {
                out.insert(k("table4.blank_cell", group, GROUP_COLUMNS[c]));
            }
        }
        if let (Some(s), Some(t)) = (sum(t4[g * 5..g * 5 + 4].iter().copied()), t4[g * 5 + 4]) {
            if s != t {
                out.insert(k("table4.group_total", group, "total"));
            }
        }
    }
    out
}

fn findings_of(report: &Value) -> BTreeSet<Key> {
    let report = zfxxgk::Report::from_json(&report.to_string()).unwrap();
    zfxxgk::check_report(&report, None)
        .unwrap()
        .into_iter()
        .filter(|f| f.code.as_str().starts_with("table3.") || f.code.as_str().starts_with("table4."))
        .map(|f| {
            let loc = f.location;
            (
                f.code.as_str().to_owned(),
                loc.row.map(|r| r.into_owned()).unwrap_or_default(),
                if f.code.as_str() == "table3.layout_mixed" {
                    String::new()
                } else {
                    loc.column.map(|c| c.into_owned()).unwrap_or_default()
                },
            )
        })
        .collect()
}

#[test]
fn checks_agree_with_arithmetic_redone_on_every_real_table() {
    let truths = truths();
    for (name, truth) in &truths {
        let expected = oracle(truth);
        let found = findings_of(&report_of(truth));
        assert_eq!(found, expected, "{name}");
    }
}

/// The mistakes the corpus manifest notes by eye, and the reports it calls consistent.
#[test]
fn mistakes_noted_in_the_manifest_are_found() {
    let truths = truths();
    if truths.is_empty() {
        return;
    }
    let codes_of = |prefix: &str| -> BTreeSet<String> {
        let (_, truth) = truths.iter().find(|(n, _)| n.starts_with(prefix)).unwrap();
        findings_of(&report_of(truth)).into_iter().map(|(c, _, _)| c).collect()
    };
    let has = |prefix: &str, code: &str| assert!(codes_of(prefix).contains(code), "{prefix}: {code} not found");
    // d05: 不掌握 has 法律服务机构 1 that neither 新收 nor 总计 counts; results 10 ≠ 总计 9.
    has("d05", "table3.handled_total");
    // d09: 1 + 0 ≠ 1 + 1 (one application counted both as handled and as carried over).
    has("d09", "table3.balance");
    // d12: the 总计 column is 0 in every row.
    has("d12", "table3.row_total");
    // d15: （七）总计 printed all zero; table 四 复议 纠正 1 with total 0.
    has("d15", "table3.handled_total");
    has("d15", "table4.group_total");
    // d26: 复议 and 复议后起诉 totals 0 against 10+1 and 5; a single （六） row in a 2021 report.
    has("d26", "table4.group_total");
    has("d26", "table3.layout_mixed");
    has("d27", "table3.layout_mixed");
    // d10: one cell of 结转下年度 not printed; d23: empty 结转下年度 总计.
    has("d10", "table3.blank_cell");
    has("d23", "table3.blank_cell");
    // Reports the manifest finds consistent: no arithmetic error.
    for prefix in [
        "d01", "d02", "d03", "d04", "d08", "d11", "d13", "d14", "d16", "d17", "d18", "d19", "d20", "d22", "d24", "d25",
        "d27",
    ] {
        let arithmetic: Vec<String> = codes_of(prefix)
            .into_iter()
            .filter(|c| {
                matches!(
                    c.as_str(),
                    "table3.row_total" | "table3.handled_total" | "table3.balance" | "table4.group_total"
                )
            })
            .collect();
        assert!(arithmetic.is_empty(), "{prefix}: unexpected {arithmetic:?}");
    }
}
