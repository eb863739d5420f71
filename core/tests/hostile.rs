//! Hostile or degenerate input: bounded work and a clear result, never a panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use zfxxgk::report::{RequestColumn, RequestRow};

const HEAD: &str =
    "某局2022年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量";

#[test]
fn a_100000_digit_run_is_undecidable_not_slow() {
    let text = format!("{HEAD}291000030二、上年结转政府信息公开申请数量{}（一）予以公开0000000\n", "1".repeat(100_000));
    let parsed = zfxxgk::parse_report(&text).unwrap();
    let requests = parsed.report.requests.as_ref().unwrap();
    assert_eq!(requests.get(RequestRow::Received).unwrap().value(RequestColumn::Total), Some(30));
    assert_eq!(requests.get(RequestRow::CarriedIn).unwrap().value(RequestColumn::Total), None);
    assert!(parsed.findings.iter().any(|f| f.code.as_str() == "parse.ambiguous_digits"));
}

#[test]
fn a_long_line_and_an_oversized_input() {
    let line = format!("{HEAD}{}", "3 ".repeat(4_000_000));
    let parsed = zfxxgk::parse_report(&line).unwrap();
    assert!(parsed.report.requests.is_none() && !parsed.findings.is_empty());
    let huge = "字".repeat(12 * 1024 * 1024);
    assert_eq!(zfxxgk::parse_report(&huge).unwrap_err().code(), "input.too_large");
}

#[test]
fn odd_inputs_do_not_panic() {
    for text in [
        "",
        "<",
        "<html><table><tr><td colspan=999999>",
        "|||\n---|\n|",
        "一、本年新收",
        "(",
        "鄉(",
        "2022年13月45日",
        "\u{feff}{",
    ] {
        let _ = zfxxgk::parse_report(text);
        let _ = zfxxgk::check_text(text, None);
    }
}
