//! Hostile input through the command line: every pathological file ends with exit status 2 and
//! one `code: input: message` line, or with a correct result — never a crash or a hang.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use std::process::Output;

use common::run;

const HEAD: &str =
    "某局2022年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量";

/// Writes `bytes` to a file named `name` in a fresh directory and runs `zfxxgk <sub> FILE`.
fn run_file(sub: &[&str], name: &str, bytes: &[u8]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut args = sub.to_vec();
    let p = path.to_str().unwrap();
    args.push(p);
    run(&args, b"")
}

/// Exit status 2 and the error code at the start of the one stderr line.
fn assert_error(o: &Output, code: &str) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.starts_with(&format!("{code}: ")), "{err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn a_50_mb_single_line_is_too_large() {
    let line = vec![b'1'; 50 * 1024 * 1024];
    assert_error(&run_file(&["check"], "line.txt", &line), "input.too_large");
    assert_error(&run_file(&["parse"], "line.txt", &line), "input.too_large");
    assert_error(&run_file(&["app"], "line.json", &line), "input.too_large");
    assert_error(&run_file(&["aggregate", "--year", "2025"], "line.jsonl", &line), "input.too_large");
    assert_error(&run(&["app", "-"], &line), "input.too_large");
}

#[test]
fn invalid_utf8_is_not_utf8() {
    let mut bytes = HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(b" 5 0 \xff\xfe 0\n");
    assert_error(&run_file(&["parse"], "bad.txt", &bytes), "input.not_utf8");
    assert_error(&run_file(&["app"], "bad.json", b"{\"id\": \"\xc3\x28\"}"), "input.not_utf8");
    let jsonl = b"\n{\"id\": \"\xe4\xb8\"}\n";
    let o = run_file(&["aggregate", "--year", "2025"], "bad.jsonl", jsonl);
    assert_error(&o, "input.not_utf8");
    assert!(String::from_utf8_lossy(&o.stderr).contains("第 2 行 / line 2"), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn nul_bytes_are_text_or_a_syntax_error() {
    let text = format!("{HEAD}\0 5 0 0 0 0 0 5\0\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n");
    let o = run_file(&["parse"], "nul.txt", text.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"received\""));
    assert_error(&run_file(&["check"], "nul.json", b"{\"title\": \"a\0b\"}"), "json.syntax");
}

#[test]
fn deep_nesting() {
    let n = 100_000;
    let arrays = "[".repeat(n);
    assert_error(&run_file(&["check"], "deep.json", arrays.as_bytes()), "json.wrong_type");
    let objects = format!("{}{}", "{\"requests\": ".repeat(n), "}".repeat(n));
    assert_error(&run_file(&["check"], "deep.json", objects.as_bytes()), "json.unknown_key");
    let events = format!("{{\"id\": \"x\", \"events\": {}{}}}", "[".repeat(n), "]".repeat(n));
    assert_error(&run_file(&["app"], "deep.json", events.as_bytes()), "json.syntax");
    let html = format!(
        "<html><body>{}{HEAD}{}</body></html>",
        "<div><table><tr><td>".repeat(n),
        "</td></tr></table></div>".repeat(n)
    );
    let o = run_file(&["parse"], "deep.html", html.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn an_html_page_of_bare_tags_is_too_many_tags() {
    let page = format!("<html><body>{}", "<b>".repeat(10_000_000));
    assert_error(&run_file(&["parse"], "tags.html", page.as_bytes()), "input.too_many_tags");
    assert_error(&run_file(&["check"], "tags.html", page.as_bytes()), "input.too_many_tags");
    let rows = format!("<html><body><p>{HEAD}</p><table>{}</table>", "<tr><td>1</td><td>2</td></tr>".repeat(100_000));
    let o = run_file(&["parse"], "rows.html", rows.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn long_runs_and_many_rows() {
    let digits =
        format!("{HEAD}291000030二、上年结转政府信息公开申请数量{}（一）予以公开0000000\n", "1".repeat(100_000));
    let o = run_file(&["check", "--json"], "digits.txt", digits.as_bytes());
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("parse.ambiguous_digits"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let rows = format!("{HEAD}\n|a|b|\n|---|---|\n{}", "| 1 | 2 |\n".repeat(100_000));
    let o = run_file(&["parse"], "rows.md", rows.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let event = r#"{"type": "withdrawn", "at": "2025-01-20"}"#;
    let many = format!("{{\"id\": \"x\", \"events\": [{}]}}", vec![event; 10_001].join(","));
    assert_error(&run_file(&["app"], "many.json", many.as_bytes()), "app.too_many_events");
}

#[cfg(unix)]
#[test]
fn a_directory_with_symlink_loops_is_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let demo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/reports/demo-2021-previous.json");
    std::fs::copy(&demo, dir.path().join("a.json")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    // Two links back to the top: following them would visit 2^n paths.
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/up1")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/up2.json")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("a.json"), dir.path().join("sub/b.json")).unwrap();
    let o = run(&["check", "--json", dir.path().to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    // a.json and the symlinked file sub/b.json, once each.
    assert_eq!(out.lines().count(), 2, "{out}");
}
