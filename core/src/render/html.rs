//! HTML: one self-contained page (no external assets) with inline screen and print CSS, tables
//! with captions, `th scope` headers and the row- and column-spanning group headers of the
//! published forms.

use std::fmt::Write as _;

use super::layout::{Cell, Document, Scope, Table};
use crate::report::Key;

const STYLE: &str = "body{font-family:\"SimSun\",\"Songti SC\",serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.8;color:#000}\
h1{font-size:1.5em;text-align:center}h2{font-size:1.15em;margin-top:1.5em}\
p{text-indent:2em;margin:.4em 0}ul.meta{list-style:none;padding:0;color:#333}\
table{border-collapse:collapse;width:100%;margin:1em 0;font-size:.9em}\
caption{font-weight:bold;margin-bottom:.4em}th,td{border:1px solid #000;padding:.2em .4em}\
td{text-align:center}th[scope=row],th[scope=rowgroup]{text-align:left;font-weight:normal}\
p.note{text-indent:0;font-size:.9em}div.signature{text-align:right;margin-top:2em}div.signature p{text-indent:0;margin:0}\
@media print{body{max-width:none;margin:0;font-size:12pt}table{page-break-inside:auto}tr{page-break-inside:avoid}\
h2{page-break-after:avoid}a{color:#000}}";

/// Writes the document as one HTML page.
pub fn write(doc: &Document<'_>) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(&doc.title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");
    let _ = writeln!(out, "<h1>{}</h1>", esc(&doc.title));
    if !doc.fields.is_empty() {
        out.push_str("<ul class=\"meta\">\n");
        for (name, value) in &doc.fields {
            let _ = writeln!(out, "<li>{}：{}</li>", esc(name), esc(value));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(out, "<p>{}</p>", esc(&doc.intro));
    for s in &doc.sections {
        let _ = writeln!(out, "<section id=\"{}\">\n<h2>{}</h2>", s.key.key(), esc(s.heading));
        for p in &s.paragraphs {
            let _ = writeln!(out, "<p>{}</p>", esc(p));
        }
        if let Some(t) = &s.table {
            table(&mut out, t);
        }
        out.push_str("</section>\n");
    }
    if !doc.signature.is_empty() {
        out.push_str("<div class=\"signature\">\n");
        for l in &doc.signature {
            let _ = writeln!(out, "<p>{}</p>", esc(l));
        }
        out.push_str("</div>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn table(out: &mut String, t: &Table) {
    let _ = writeln!(out, "<table>\n<caption>{}</caption>", esc(t.caption));
    if !t.head.is_empty() {
        out.push_str("<thead>\n");
        for row in &t.head {
            row_html(out, row);
        }
        out.push_str("</thead>\n");
    }
    out.push_str("<tbody>\n");
    for row in &t.body {
        row_html(out, row);
    }
    out.push_str("</tbody>\n</table>\n");
}

fn row_html(out: &mut String, row: &[Cell]) {
    out.push_str("<tr>");
    for c in row {
        let mut attrs = String::new();
        if c.colspan > 1 {
            let _ = write!(attrs, " colspan=\"{}\"", c.colspan);
        }
        if c.rowspan > 1 {
            let _ = write!(attrs, " rowspan=\"{}\"", c.rowspan);
        }
        match c.header {
            Some(scope) => {
                let scope = match scope {
                    Scope::Col if c.colspan > 1 => "colgroup",
                    Scope::Col => "col",
                    Scope::Row if c.rowspan > 1 => "rowgroup",
                    Scope::Row => "row",
                };
                let _ = write!(out, "<th scope=\"{scope}\"{attrs}>{}</th>", esc(&c.text));
            }
            None => {
                let _ = write!(out, "<td{attrs}>{}</td>", esc(&c.text));
            }
        }
    }
    out.push_str("</tr>\n");
}

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
