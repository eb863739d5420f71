//! Markdown: headings as `##`, paragraphs separated by blank lines, tables as pipe tables whose
//! first grid row is the Markdown header row (spans expanded into blank cells), table 三's
//! 勾稽 note as a paragraph above it.

use super::layout::{Document, Table, grid};

/// Writes the document as Markdown.
pub fn write(doc: &Document<'_>) -> String {
    let mut out = String::new();
    block(&mut out, &format!("# {}", doc.title));
    if !doc.fields.is_empty() {
        let list: Vec<String> = doc.fields.iter().map(|(n, v)| format!("- {n}：{v}")).collect();
        block(&mut out, &list.join("\n"));
    }
    block(&mut out, &doc.intro);
    for s in &doc.sections {
        block(&mut out, &format!("## {}", s.heading));
        for p in &s.paragraphs {
            block(&mut out, p);
        }
        if let Some(t) = &s.table {
            table(&mut out, t);
        }
    }
    if !doc.signature.is_empty() {
        // Two trailing spaces: a hard line break between the body and the date.
        block(&mut out, &doc.signature.join("  \n"));
    }
    out
}

fn block(out: &mut String, s: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(s);
    out.push('\n');
}

fn table(out: &mut String, t: &Table) {
    if let Some(note) = t.note {
        block(out, note);
    }
    let mut rows: Vec<Vec<String>> = grid(&t.head, t.width);
    let body_rows = grid(&t.body, t.width);
    rows.extend(body_rows);
    let mut s = String::new();
    for (i, row) in rows.iter().enumerate() {
        // The note is printed above the table: its header cell stays blank.
        let cells: Vec<&str> = row.iter().map(|c| if t.note == Some(c.as_str()) { "" } else { c.as_str() }).collect();
        s.push_str("| ");
        s.push_str(&cells.join(" | "));
        s.push_str(" |\n");
        if i == 0 {
            s.push('|');
            s.push_str(&"---|".repeat(t.width));
            s.push('\n');
        }
    }
    block(out, s.trim_end());
}
