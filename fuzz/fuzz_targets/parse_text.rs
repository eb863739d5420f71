//! Published text (plain, PDF-extracted, HTML, Markdown) → Report, and → findings.
//!
//! Properties beyond "no panic": the only parse error is the size limit, and every cell's
//! provenance is a span of the input on character boundaries, on the line it names.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let parsed = match zfxxgk::parse_report(text) {
        Ok(p) => p,
        Err(e) => panic!("parse_report failed under the size limit: {e}"),
    };
    // parse_report reads past a leading byte-order mark; spans are offsets of what follows it.
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    for cell in &parsed.provenance.cells {
        assert!(cell.start <= cell.end && cell.end <= body.len(), "span out of the input: {cell:?}");
        assert!(body.get(cell.start..cell.end).is_some(), "span not on char boundaries: {cell:?}");
        let line = body.get(..cell.start).map_or(0, |b| b.matches('\n').count() + 1);
        assert_eq!(line, cell.line as usize, "wrong line: {cell:?}");
    }
    let findings = zfxxgk::check_text(text, None);
    assert!(findings.is_ok() || text.trim_start_matches('\u{feff}').trim_start().starts_with(['{', '[']));
});
