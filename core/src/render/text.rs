//! Plain text as portals print it: one line per paragraph, table rows as cells each followed by
//! ` |` (the cell style of published page text), group labels only on their first row.

use super::layout::{Document, Table};

/// Writes the document as plain text.
pub fn write(doc: &Document<'_>) -> String {
    let mut out = String::new();
    // A page of text must not start with markup, or it reads as HTML (`<p/>…` as a tag, the
    // lines joined): a title starting with `<` is printed after a heading mark, which the reader
    // drops from a title.
    if doc.title.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').starts_with('<') {
        out.push_str("# ");
    }
    line(&mut out, &doc.title);
    for (name, value) in &doc.fields {
        line(&mut out, &format!("{name}：{value}"));
    }
    line(&mut out, &doc.intro);
    for s in &doc.sections {
        line(&mut out, s.heading);
        for p in &s.paragraphs {
            line(&mut out, p);
        }
        if let Some(t) = &s.table {
            table(&mut out, t);
        }
    }
    for l in &doc.signature {
        line(&mut out, l);
    }
    out
}

fn line(out: &mut String, s: &str) {
    out.push_str(s);
    out.push('\n');
}

fn table(out: &mut String, t: &Table) {
    for row in t.head.iter().chain(&t.body) {
        // A row without a label cell (table 四's figures) opens with `|`, so that a blank first
        // figure is still a cell.
        if row.first().is_some_and(|c| c.header.is_none()) {
            out.push_str("| ");
        }
        let cells: Vec<String> = row.iter().map(|c| format!("{} |", c.text)).collect();
        out.push_str(&cells.join(" "));
        out.push('\n');
    }
}
