//! Markdown tables: the header row and the `|---|` rule under it are column titles, not data
//! (OCR output titles columns `数据1 …`, whose digits must not be read as cells). Both lines are
//! blanked, unless the "header" holds numbers (then it is a data row); data rows stay
//! `| cell | cell |` lines like HTML rows.

use super::normalize::Text;

/// Whether `line` is a Markdown table rule such as `|---|:--:|`.
fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.contains("---") && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// Whether a row has a cell that is a plain number: such a "header" is really a data row (PDF
/// converters make the first data row the header).
fn has_number_cell(line: &str) -> bool {
    line.split('|').any(|c| {
        let c = c.trim();
        !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit() || b == b',')
    })
}

/// Blanks each table rule and the header row above it (keeping the line breaks).
pub(crate) fn drop_table_headers(text: Text) -> Text {
    if !text.s.contains("---") {
        return text;
    }
    let lines: Vec<(usize, &str)> = {
        let mut at = 0usize;
        text.s
            .split_inclusive('\n')
            .map(|l| {
                let start = at;
                at += l.len();
                (start, l)
            })
            .collect()
    };
    let mut drop = vec![false; lines.len()];
    for (i, (_, line)) in lines.iter().enumerate() {
        if is_rule(line) {
            if let Some(d) = drop.get_mut(i) {
                *d = true;
            }
            // The header is the nearest non-empty line above, if it is a table row.
            if let Some(h) = (0..i).rev().find(|j| lines.get(*j).is_some_and(|(_, l)| !l.trim().is_empty())) {
                if lines.get(h).is_some_and(|(_, l)| l.trim_start().starts_with('|') && !has_number_cell(l)) {
                    if let Some(d) = drop.get_mut(h) {
                        *d = true;
                    }
                }
            }
        }
    }
    let mut out = Text::with_capacity(text.s.len());
    for ((start, line), dropped) in lines.iter().zip(drop) {
        if dropped {
            if line.ends_with('\n') {
                out.push('\n', text.source(*start));
            }
        } else {
            super::normalize::copy(&mut out, &text, *start, line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn header_and_rule_are_blanked() {
        let mut t = Text::default();
        for (i, c) in "### 一\n| 类别 | 数据1 |\n|---|---|\n| 本年新收 | 5 |\n".char_indices() {
            t.push(c, i);
        }
        let out = drop_table_headers(t);
        assert_eq!(out.s, "### 一\n\n\n| 本年新收 | 5 |\n");
        assert_eq!(out.source(out.s.find("| 本年新收").unwrap_or(0)), "### 一\n| 类别 | 数据1 |\n|---|---|\n".len());
    }
}
