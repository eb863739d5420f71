//! Report JSON → Report → findings, through the JSON entry points a portal calls.
//!
//! Properties beyond "no panic": a report that reads also checks (the only check error is a
//! previous-year mismatch, impossible without a previous report), and its own JSON reads back
//! to the same report.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The text entry point sniffs JSON and checks it (what `check_report(str)` does in bindings).
    let _ = zfxxgk::check_text(text, None);
    let Ok(report) = zfxxgk::Report::from_json(text) else { return };
    let findings = zfxxgk::check_report(&report, None);
    assert!(findings.is_ok(), "a report that reads must check: {findings:?}");
    let json = report.to_json();
    let again = zfxxgk::Report::from_json(&json);
    assert_eq!(again.as_ref().ok(), Some(&report), "Report JSON does not read back: {json}");
    // Checked against itself as previous year's report: a year mismatch or findings, never a panic.
    let _ = zfxxgk::check_report(&report, Some(&report));
});
