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

// Pathological inputs of issue 9: each must end quickly with a clear error or a correct result.
// The outcome is asserted, never the time (timings live in BENCHMARKS.md).

const MIB: usize = 1024 * 1024;

#[test]
fn a_50_mb_single_line_is_too_large_everywhere() {
    let line = "1".repeat(50 * MIB);
    for e in [
        zfxxgk::parse_report(&line).unwrap_err(),
        zfxxgk::check_text(&line, None).unwrap_err(),
        zfxxgk::Report::from_json(&line).unwrap_err(),
        zfxxgk::application::Application::from_json(&line).unwrap_err(),
    ] {
        assert_eq!(e.code(), "input.too_large");
    }
    let json = format!("{{\"title\": \"{}\"}}", "字".repeat(17 * MIB));
    assert_eq!(zfxxgk::check_text(&json, None).unwrap_err().code(), "input.too_large");
}

#[test]
fn a_30_mb_single_line_under_the_limit_is_read() {
    // Under the limit: read to the end, one finding per missing table, nothing invented.
    let line = format!("{HEAD}{}", "一二三 4 ".repeat(5 * MIB / 2));
    assert!(line.len() < zfxxgk::json::MAX_INPUT_BYTES);
    let parsed = zfxxgk::parse_report(&line).unwrap();
    assert_eq!(parsed.report.year, Some(2022));
    assert!(parsed.report.requests.is_none());
    assert!(parsed.findings.iter().any(|f| f.code.as_str() == "parse.table_not_found"));
}

#[test]
fn a_line_of_fields_is_read_in_bounded_work() {
    // A line repeating `标题:`, and fields whose values are long runs of spaces (a value is 80
    // characters without white space): each value is read a bounded number of times.
    let titles = "标题:某 ".repeat(3 * MIB / 12);
    let spaced = format!("发布机构：{}标题:{}", " ".repeat(200), " ".repeat(200)).repeat(3 * MIB / 421);
    for text in [titles, spaced] {
        let parsed = zfxxgk::parse_report(&text).unwrap();
        assert_eq!(parsed.report.title, None);
        assert!(parsed.findings.iter().any(|f| f.code.as_str() == "doc.not_annual_report"));
    }
}

#[test]
fn nesting_100000_deep_is_refused_at_the_first_level_too_many() {
    let n = 100_000;
    let arrays = "[".repeat(n);
    let objects = format!("{}{}", "{\"requests\": ".repeat(n), "}".repeat(n));
    // The contract types refuse a deeper value by its type or key, before descending into it.
    assert_eq!(zfxxgk::Report::from_json(&arrays).unwrap_err().code(), "json.wrong_type");
    assert_eq!(zfxxgk::check_text(&arrays, None).unwrap_err().code(), "json.wrong_type");
    let e = zfxxgk::Report::from_json(&objects).unwrap_err();
    assert_eq!((e.code(), e.path()), ("json.unknown_key", Some("requests.requests")));
    let at = format!(
        "{{\"id\": \"x\", \"events\": [{{\"type\": \"received\", \"at\": {}{}}}]}}",
        "{\"a\":".repeat(n),
        "}".repeat(n)
    );
    let e = zfxxgk::application::Application::from_json(&at).unwrap_err();
    assert_eq!((e.code(), e.path()), ("json.wrong_type", Some("events[0].at")));
    // A value decoded whole stops at the depth limit.
    let e = zfxxgk::json::from_json_str::<serde_json::Value>(&arrays).unwrap_err();
    assert_eq!(e.code(), "json.too_deep");
    let e = zfxxgk::json::from_json_str::<serde_json::Value>(&objects).unwrap_err();
    assert_eq!(e.code(), "json.too_deep");
    // As page text, brackets are just characters.
    let text = format!("{HEAD}{}{}", "(".repeat(n), "（".repeat(n));
    assert!(zfxxgk::parse_report(&text).unwrap().report.requests.is_none());
}

#[test]
fn json_at_the_depth_limit_is_read() {
    let depth = zfxxgk::json::MAX_JSON_DEPTH;
    let nested = |k: usize| format!("{}{}", "[".repeat(k), "]".repeat(k));
    assert!(zfxxgk::json::from_json_str::<serde_json::Value>(&nested(depth)).is_ok());
    let e = zfxxgk::json::from_json_str::<serde_json::Value>(&nested(depth + 1)).unwrap_err();
    assert_eq!(e.code(), "json.too_deep");
    assert!(e.to_string().contains("127"), "{e}");
}

#[test]
fn nul_bytes_and_control_characters() {
    let text = format!("{HEAD}\0\0 5 0 0 0 0 0 5\0\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n\u{1}\u{7f}");
    let parsed = zfxxgk::parse_report(&text).unwrap();
    let requests = parsed.report.requests.as_ref().unwrap();
    assert_eq!(requests.get(RequestRow::Received).unwrap().value(RequestColumn::Total), Some(5));
    let nul = "\0".repeat(MIB);
    assert!(zfxxgk::parse_report(&nul).is_ok());
    // A raw NUL inside a JSON string is a syntax error; an escaped one is a character.
    assert_eq!(zfxxgk::Report::from_json("{\"title\": \"a\0b\"}").unwrap_err().code(), "json.syntax");
    let escaped = zfxxgk::Report::from_json(r#"{"title": "a\u0000b"}"#).unwrap();
    assert_eq!(escaped.title.as_deref(), Some("a\0b"));
    assert!(zfxxgk::check_report(&escaped, None).is_ok());
}

#[test]
fn deeply_nested_html_is_read_to_its_text() {
    let n = 100_000;
    for (open, close) in [("<div>", "</div>"), ("<table><tr><td>", "</td></tr></table>"), ("<b><i>", "")] {
        let html = format!(
            "<html><body>{}某局2022年度政府信息公开工作年度报告{}</body></html>",
            open.repeat(n),
            close.repeat(n)
        );
        let parsed = zfxxgk::parse_report(&html).unwrap();
        assert!(parsed.findings.iter().all(|f| f.code.as_str() != "internal"), "{open}");
    }
    // Unclosed tags by the hundred thousand.
    let html = format!("<html>{}", "<td colspan=99999999999999999999><p".repeat(n));
    assert!(zfxxgk::parse_report(&html).is_ok());
}

#[test]
fn a_hundred_thousand_table_rows() {
    let n = 100_000;
    let md = format!("{HEAD}\n|a|b|c|\n|---|---|---|\n{}", "| 1 | 2 | 3 |\n".repeat(n));
    assert!(zfxxgk::parse_report(&md).unwrap().report.requests.is_none());
    let html =
        format!("<html><body><p>{HEAD}</p><table>{}</table></body></html>", "<tr><td>1</td><td>2</td></tr>".repeat(n));
    assert!(zfxxgk::parse_report(&html).unwrap().report.requests.is_none());
    // The label row repeated: the table's other rows are still missing.
    let rows = format!("{HEAD} 5 0 0 0 0 0 5\n{}", "一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n".repeat(n));
    let parsed = zfxxgk::parse_report(&rows).unwrap();
    assert!(parsed.report.requests.is_none());
    assert!(parsed.findings.iter().any(|f| f.code.as_str() == "parse.table_not_found"));
}

#[test]
fn a_million_short_lines_and_long_digit_runs_in_cells() {
    let lines = format!("{HEAD}\n{}", "1\n".repeat(1_000_000));
    assert!(zfxxgk::parse_report(&lines).is_ok());
    let digits = "9".repeat(100_000);
    let md = format!("{HEAD} | {digits} | {digits} | 0 | 0 | 0 | 0 | {digits} |\n");
    let parsed = zfxxgk::parse_report(&md).unwrap();
    assert!(
        parsed
            .report
            .requests
            .as_ref()
            .and_then(|r| r.get(RequestRow::Received))
            .is_none_or(|r| r.value(RequestColumn::Total).is_none())
    );
}

#[test]
fn many_events_are_refused_up_front() {
    let event = r#"{"type": "withdrawn", "at": "2025-01-20"}"#;
    let many =
        format!("{{\"id\": \"x\", \"events\": [{}]}}", vec![event; zfxxgk::application::MAX_EVENTS + 1].join(","));
    let app = zfxxgk::application::Application::from_json(&many).unwrap();
    assert_eq!(zfxxgk::replay_application(&app).unwrap_err().code(), "app.too_many_events");
    let none = zfxxgk::application::Application::from_json(r#"{"id": "x", "events": []}"#).unwrap();
    assert_eq!(zfxxgk::replay_application(&none).unwrap_err().code(), "app.no_events");
}

#[test]
fn a_negative_year_out_of_range_is_out_of_range_not_negative() {
    // The year is signed: a huge negative year is out of its range; a negative count is negative.
    let e = zfxxgk::Report::from_json(r#"{"year": -1099511627776}"#).unwrap_err();
    assert_eq!((e.code(), e.path()), ("json.out_of_range", Some("year")));
    let e = zfxxgk::Report::from_json(r#"{"requests": {"received": {"total": -1}}}"#).unwrap_err();
    assert_eq!(e.code(), "json.negative");
}

#[test]
fn an_html_page_of_bare_tags_is_refused_before_its_tree_is_built() {
    // 10 million tags would take gigabytes as an element tree.
    let page = format!("<html><body>{}", "<b>".repeat(10_000_000));
    let e = zfxxgk::parse_report(&page).unwrap_err();
    assert_eq!(e.code(), "input.too_many_tags");
    assert!(e.to_string().contains("500000"), "{e}");
    assert_eq!(zfxxgk::check_text(&page, None).unwrap_err().code(), "input.too_many_tags");
    // At the limit the page is read; `<` in text is no tag.
    let limit = zfxxgk::ingest::MAX_HTML_TAGS;
    let page = format!("<html>{}{}", "<i>".repeat(limit - 1), "< 3 <= 4 ".repeat(1000));
    assert!(zfxxgk::parse_report(&page).is_ok());
}

/// Regression (fuzz/regressions/parse_text-fullwidth-digit-span): a cell printed in full-width
/// digits, or as an HTML character reference, gave a provenance span ending inside a character.
#[test]
fn provenance_spans_cover_whole_characters() {
    let rows = "\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n";
    let text = format!("{HEAD} １２ 0 0 0 0 0 １２{rows}");
    let html = format!(
        "<html><body><p>{HEAD}</p><table><tr><td>一、本年新收政府信息公开申请数量</td><td>&#49;２</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>&#x31;&#50;</td></tr><tr><td>二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>"
    );
    for (input, natural, total) in [(text.as_str(), "１２", "１２"), (html.as_str(), "&#49;２", "&#x31;&#50;")] {
        let parsed = zfxxgk::parse_report(input).unwrap();
        let received = parsed.report.requests.as_ref().and_then(|r| r.get(RequestRow::Received)).unwrap();
        assert_eq!(received.value(RequestColumn::Total), Some(12));
        for cell in &parsed.provenance.cells {
            assert!(input.get(cell.start..cell.end).is_some(), "{cell:?} in {input}");
        }
        let span = |column| {
            let c = parsed.provenance.get("requests", "received", column).unwrap();
            &input[c.start..c.end]
        };
        assert_eq!((span("natural_person"), span("total")), (natural, total));
    }
    let crash =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/regressions/parse_text-fullwidth-digit-span"))
            .unwrap();
    let crash = String::from_utf8(crash).unwrap();
    let parsed = zfxxgk::parse_report(&crash).unwrap();
    assert!(parsed.provenance.cells.iter().all(|c| crash.get(c.start..c.end).is_some()));
}

/// Regression (fuzz/regressions/parse_text-html-text-node-inside-a-character): after a malformed
/// `<!doctype` the HTML tokenizer starts the next text node inside a character; decoding it
/// lossily shifted the provenance of every later cell by a few bytes, off character boundaries.
#[test]
fn provenance_after_a_text_node_that_starts_inside_a_character() {
    let page = "桇题<!doctype html实验区社会事业局年政府信息公开工作年度报告发布本年新收政府信息公开申请数量上年结转政府信息公开申请数量0000000三本年度办理结果";
    let parsed = zfxxgk::parse_report(page).unwrap();
    assert!(!parsed.provenance.cells.is_empty());
    for cell in &parsed.provenance.cells {
        assert_eq!(page.get(cell.start..cell.end), Some("0"), "{cell:?}");
    }
    let crash = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fuzz/regressions/parse_text-html-text-node-inside-a-character"
    ))
    .unwrap();
    let crash = String::from_utf8(crash).unwrap();
    let parsed = zfxxgk::parse_report(&crash).unwrap();
    let received = parsed.provenance.get("requests", "received", "total").unwrap();
    assert_eq!(crash.get(received.start..received.end), Some("2"));
    assert!(parsed.provenance.cells.iter().all(|c| crash.get(c.start..c.end).is_some()));
}

/// Regression (fuzz/regressions/parse_text-footer-on-the-first-line): a page footer (`- 1 -`) as
/// the very first line was cut back to an empty text that kept its offset marks; the next
/// character's offset arithmetic underflowed (a panic with overflow checks, wrong spans without).
#[test]
fn a_page_footer_on_the_first_line() {
    let crash =
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../fuzz/regressions/parse_text-footer-on-the-first-line"))
            .unwrap();
    assert_eq!(crash, b"- 1-<p >td<");
    assert!(zfxxgk::parse_report(std::str::from_utf8(&crash).unwrap()).is_ok());
    // In plain text, with full-width digits in the footer (so the offsets shift) and a table after.
    let text = format!("－ １ －\n{HEAD} 5 0 0 0 0 0 5\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n");
    let parsed = zfxxgk::parse_report(&text).unwrap();
    let total = parsed.provenance.get("requests", "received", "total").unwrap();
    assert_eq!(&text[total.start..total.end], "5");
    assert_eq!(total.line, 4);
    assert!(parsed.provenance.cells.iter().all(|c| text.get(c.start..c.end).is_some()));
}

#[test]
fn an_escaped_lone_surrogate_is_not_utf8_at_its_path() {
    for (json, path) in [
        (r#"{"title": "a\ud800"}"#, "title"),
        (r#"{"title": "a\udcff b"}"#, "title"),
        (r#"{"title": "\uD83Dx"}"#, "title"),
        ("{\"year\": 2022,\n \"title\":\n \"\\ud800\\u0041\"}", "title"),
        ("{\"title\": \"\\ud800\\n\"}", "title"),
        (r#"{"title": "\ud800\x"}"#, "title"),
        (r#"{"sections": {"overview": "x\udbff"}}"#, "sections.overview"),
    ] {
        let e = zfxxgk::Report::from_json(json).unwrap_err();
        assert_eq!((e.code(), e.path()), ("input.not_utf8", Some(path)), "{json}: {e}");
        assert!(e.to_string().contains("代理字符"), "{e}");
        assert_eq!(zfxxgk::check_text(json, None).unwrap_err().code(), "input.not_utf8", "{json}");
    }
    // A surrogate pair is one character; a cut escape is a syntax error.
    assert_eq!(zfxxgk::Report::from_json(r#"{"title": "\ud83d\ude00"}"#).unwrap().title.as_deref(), Some("😀"));
    for cut in [r#"{"title": "\u12"}"#, r#"{"title": "\ud8"}"#, r#"{"title": "\ud800\u12"}"#] {
        assert_eq!(zfxxgk::Report::from_json(cut).unwrap_err().code(), "json.syntax", "{cut}");
    }
}

#[test]
fn many_fields_holding_headings_are_read_in_linear_time() {
    // Every value of a metadata field is kept out of the section headings. A page of 300,000
    // such fields, on one line or on many, must not compare every heading with every field
    // (the outcome is asserted, never the time: a quadratic reading would not finish).
    let n = 300_000;
    for page in [
        format!("{HEAD}{}", "发布机构：一、总体情况 ".repeat(n)),
        format!("{HEAD}{}", "发布机构：一、总体情况\n".repeat(n)),
        format!("{HEAD}{}", "索引号：1 一、总体情况 ".repeat(n)),
    ] {
        let parsed = zfxxgk::parse_report(&page).unwrap();
        let overview = parsed.report.sections.as_ref().and_then(|s| s.get(zfxxgk::report::SectionKey::Overview));
        assert!(overview.is_none_or(|t| !t.starts_with("一、")), "{}", &page[..200]);
    }
}
