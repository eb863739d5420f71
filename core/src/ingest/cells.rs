//! One table row's cells from the text printed after its label: explicit cells (`|` separated,
//! from HTML and Markdown tables or one-cell-per-line text), whitespace-separated tokens, or a
//! digit run without separators that is split by the row's arithmetic ([`super::digits`]).

use super::digits::{self, Shape};

/// One cell as read: its value (`None` = printed blank) and where it is in the normalized text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cell {
    pub value: Option<u64>,
    pub span: Option<(usize, usize)>,
}

impl Cell {
    pub const BLANK: Cell = Cell { value: None, span: None };
}

/// What the text after a label says about the row.
#[derive(Debug)]
pub(crate) enum RowRead {
    /// The row's cells, in column order.
    Cells(Vec<Cell>),
    /// A digit run that reads several ways (or none) with the row's arithmetic: the candidate
    /// readings (cell values with spans), possibly empty.
    Ambiguous { candidates: Vec<Vec<Cell>>, digits: usize },
    /// Fewer cells than the table has: the position of the missing ones is unknown.
    TooFew { found: usize },
}

/// A number printed in the region, with its span.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub value: u64,
    pub start: usize,
    pub end: usize,
}

/// The digit tokens of `region` (maximal runs of ASCII digits), with offsets relative to `base`.
/// Runs longer than 18 digits cannot be one cell: they are kept for splitting with value 0.
pub(crate) fn tokens(region: &str, base: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let bytes = region.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        if bytes.get(i).is_some_and(u8::is_ascii_digit) {
            let start = i;
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let value = region.get(start..i).and_then(|t| t.parse::<u64>().ok()).unwrap_or(0);
            out.push(Token { value, start: base + start, end: base + i });
        } else {
            i += 1;
        }
    }
    out
}

/// Reads `region` (the normalized text between a label and the next, starting at `base`) as a
/// row of `shape`.
pub(crate) fn read_row(region: &str, base: usize, shape: Shape) -> RowRead {
    if region.contains('|') {
        // A row printed whole on its line (a `|` after each cell) is read from that line: what
        // follows may hold `|` of its own (junk under the signature). A row printed a cell per
        // line (`0 |` on each) reads on.
        let first = region.split('\n').next().unwrap_or(region);
        let region = if first.matches('|').count() > shape.cells { first } else { region };
        let cells = pipe_cells(region, base);
        return fit(cells, region, base, shape);
    }
    read_tokens(&tokens(region, base), region, base, shape)
}

/// Reads whitespace-separated tokens (or one digit run) as a row of `shape`.
pub(crate) fn read_tokens(toks: &[Token], region: &str, base: usize, shape: Shape) -> RowRead {
    let n = shape.cells;
    if toks.is_empty() {
        return RowRead::Cells(vec![Cell::BLANK; n]);
    }
    let as_cells = |toks: &[Token]| -> Vec<Cell> {
        toks.iter().map(|t| Cell { value: Some(t.value), span: Some((t.start, t.end)) }).collect()
    };
    let holds = |cells: &[Cell]| {
        shape.sums.iter().all(|&(s, t)| {
            let parts: Option<u128> =
                cells.get(s..t).and_then(|p| p.iter().try_fold(0u128, |a, c| c.value.map(|v| a + u128::from(v))));
            parts.is_some() && parts == cells.get(t).and_then(|c| c.value).map(u128::from)
        })
    };
    if toks.len() == n && toks.iter().all(|t| t.end - t.start <= 18) {
        let cells = as_cells(toks);
        if holds(&cells) {
            return RowRead::Cells(cells);
        }
        // Spaces sometimes fall inside cells; a unique consistent re-reading of the same digits
        // is what was printed. Otherwise the tokens stand, mistakes and all.
        if let RowRead::Cells(c) = split_run(toks, region, base, shape) {
            if holds(&c) {
                return RowRead::Cells(c);
            }
        }
        return RowRead::Cells(cells);
    }
    split_run(toks, region, base, shape)
}

/// Splits the digits of all tokens, taken as one run.
fn split_run(toks: &[Token], region: &str, base: usize, shape: Shape) -> RowRead {
    let mut digits: Vec<u8> = Vec::new();
    let mut at: Vec<usize> = Vec::new();
    for t in toks {
        for i in t.start..t.end {
            if let Some(d) = region.as_bytes().get(i - base) {
                digits.push(*d);
                at.push(i);
            }
        }
        if digits.len() > shape.cells * 8 + 1 {
            break;
        }
    }
    if digits.len() < shape.cells {
        return RowRead::TooFew { found: digits.len() };
    }
    let splits = digits::split(&digits, shape);
    let to_cells = |lens: &[u8]| -> Vec<Cell> {
        let values = digits::cut(&digits, lens);
        let mut pos = 0usize;
        lens.iter()
            .zip(values)
            .map(|(l, v)| {
                let start = at.get(pos).copied();
                pos += usize::from(*l);
                let end = at.get(pos.saturating_sub(1)).map(|e| e + 1);
                Cell { value: Some(v), span: start.zip(end) }
            })
            .collect()
    };
    match (splits.consistent.as_slice(), &splits.only) {
        ([one], _) if !splits.truncated => RowRead::Cells(to_cells(one)),
        ([], Some(only)) if !splits.truncated => RowRead::Cells(to_cells(only)),
        (many, _) => RowRead::Ambiguous {
            candidates: if splits.truncated { Vec::new() } else { many.iter().take(64).map(|l| to_cells(l)).collect() },
            digits: digits.len(),
        },
    }
}

/// The explicit cells of a `|`-separated region: the piece before the first `|` is the rest of
/// the label cell; a blank piece is a blank cell; a piece of text is a label fragment; a line
/// break between pipes ends the row once cells were seen.
fn pipe_cells(region: &str, base: usize) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut offset = 0usize;
    let pieces: Vec<&str> = region.split('|').collect();
    let last = pieces.len().saturating_sub(1);
    for (i, piece) in pieces.iter().enumerate() {
        let start = offset;
        offset += piece.len() + 1;
        if i == 0 || i == last {
            continue;
        }
        let t = piece.trim();
        if t.is_empty() {
            if piece.contains('\n') {
                if cells.is_empty() {
                    continue;
                }
                break;
            }
            cells.push(Cell::BLANK);
            continue;
        }
        if t == "-" || t == "/" || t == "—" {
            cells.push(Cell::BLANK);
            continue;
        }
        let toks = tokens(piece, base + start);
        let has_han = t.chars().any(super::normalize::is_han);
        match toks.first() {
            // A label fragment (text only, or text with a numbering such as `1.`).
            _ if has_han && !starts_with_number(t) => {}
            None => {}
            Some(tok) if toks.len() == 1 || !has_han => {
                if toks.len() == 1 {
                    cells.push(Cell { value: Some(tok.value), span: Some((tok.start, tok.end)) });
                } else {
                    // Several numbers in one cell (a thousands separator, or cells merged):
                    // joined digits if separated by commas only, else the first.
                    let joined: Option<u64> = if t.bytes().all(|b| b.is_ascii_digit() || b == b',') {
                        t.replace(',', "").parse().ok()
                    } else {
                        None
                    };
                    let end = toks.last().map_or(tok.end, |l| l.end);
                    cells.push(Cell { value: joined.or(Some(tok.value)), span: Some((tok.start, end)) });
                }
            }
            Some(_) => {}
        }
    }
    cells
}

/// The cells of one `| … |` table line that holds at least one number (a value row, labelled or
/// not), fitted to the row's width.
pub(crate) fn pipe_line(line: &str, base: usize, shape: Shape) -> Option<Vec<Cell>> {
    let cells = pipe_cells(line, base);
    if !cells.iter().any(|c| c.value.is_some()) {
        return None;
    }
    match fit(cells, line, base, shape) {
        RowRead::Cells(c) => Some(c),
        _ => None,
    }
}

/// The value rows of a table region, in printed order, whatever their labels: a `| … |` line
/// with numbers is a row; so is a run of one-cell lines (`0 |`, one cell per line).
pub(crate) fn value_rows(region: &str, base: usize, shape: Shape, max_rows: usize) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    let mut group: Vec<Cell> = Vec::new();
    let mut at = base;
    let close = |group: &mut Vec<Cell>, rows: &mut Vec<Vec<Cell>>| {
        if !group.is_empty() {
            let mut cells = std::mem::take(group);
            cells.truncate(shape.cells.max(1) * 2);
            if cells.len() > shape.cells {
                cells.truncate(shape.cells);
            }
            if cells.len() == shape.cells {
                rows.push(cells);
            }
        }
    };
    for line in region.split_inclusive('\n') {
        let t = line.trim();
        let one_cell =
            t.strip_suffix('|').map(str::trim).filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_digit()));
        match one_cell {
            Some(c) if !c.contains('|') => {
                let start = at + line.find(c).unwrap_or(0);
                let value = c.parse::<u64>().ok();
                group.push(Cell { value, span: value.map(|_| (start, start + c.len())) });
            }
            _ => {
                close(&mut group, &mut rows);
                if t.starts_with('|') {
                    if let Some(cells) = pipe_line(line.trim_end(), at, shape) {
                        rows.push(cells);
                    }
                }
            }
        }
        at += line.len();
        if rows.len() > max_rows {
            break;
        }
    }
    close(&mut group, &mut rows);
    rows
}

fn starts_with_number(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && !t.as_bytes().get(digits).copied().is_some_and(|b| matches!(b, b'.' | b',') || b >= 0x80)
}

/// Fits explicit cells to the row's width; a single cell holding a digit run is split.
fn fit(mut cells: Vec<Cell>, region: &str, base: usize, shape: Shape) -> RowRead {
    let n = shape.cells;
    while cells.len() > n && cells.last().is_some_and(|c| c.value.is_none()) {
        cells.pop();
    }
    while cells.len() > n && cells.first().is_some_and(|c| c.value.is_none()) {
        cells.remove(0);
    }
    if cells.len() == n {
        return RowRead::Cells(cells);
    }
    if cells.is_empty() {
        return RowRead::Cells(vec![Cell::BLANK; n]);
    }
    let filled: Vec<Cell> = cells.iter().copied().filter(|c| c.value.is_some()).collect();
    if filled.len() == 1 || cells.len() < n {
        // One or a few cells holding runs of digits: split them as one run.
        let toks: Vec<Token> = filled
            .iter()
            .filter_map(|c| c.span)
            .flat_map(|(s, e)| tokens(region.get(s - base..e - base).unwrap_or(""), s))
            .collect();
        let digits: usize = toks.iter().map(|t| t.end - t.start).sum();
        if digits >= n && toks.len() < n {
            return read_tokens(&toks, region, base, shape);
        }
        return RowRead::TooFew { found: cells.len() };
    }
    // More cells than columns: keep the row as printed up to the table's width.
    cells.truncate(n);
    RowRead::Cells(cells)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::ingest::digits::{TABLE3_ROW, TABLE4_ROW};

    fn values(r: &RowRead) -> Vec<Option<u64>> {
        match r {
            RowRead::Cells(c) => c.iter().map(|c| c.value).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn a_row_whole_on_its_line_ends_there() {
        // Regression (fuzz/regressions/render_roundtrip-table3-row-from-junk-in-a-name): the junk
        // under the signature held `|` and digits, which were read as more cells of the row above;
        // then its blank cells were dropped from the front, and the values moved left.
        let region = " |  |  |  |  |  |  | 0 |\n示例镇62660}#a(<<|<<<<llMM1e400　70<<|<<1\n";
        let blank = None;
        assert_eq!(values(&read_row(region, 0, TABLE3_ROW)), vec![blank, blank, blank, blank, blank, blank, Some(0)]);
        // A row printed a cell per line reads on.
        let vertical = " |\n1 |\n2 |\n0 |\n0 |\n0 |\n0 |\n3 |\n";
        assert_eq!(values(&read_row(vertical, 0, TABLE3_ROW)), [1, 2, 0, 0, 0, 0, 3].map(Some).to_vec());
    }

    #[test]
    fn shapes() {
        let v = |s: &str| values(&read_row(s, 0, TABLE3_ROW));
        let seven = |a: [u64; 7]| a.iter().map(|x| Some(*x)).collect::<Vec<_>>();
        assert_eq!(v("5800000 58 "), seven([58, 0, 0, 0, 0, 0, 58]));
        assert_eq!(v(" 11 0 0 0 0 0 11 "), seven([11, 0, 0, 0, 0, 0, 11]));
        assert_eq!(v("20 0 0 0 02"), seven([2, 0, 0, 0, 0, 0, 2]));
        assert_eq!(v("2000000"), seven([2, 0, 0, 0, 0, 0, 0]));
        assert_eq!(v(" | 26 |  |  |  |  |  | 26 |\n| 二、"), {
            let mut r = vec![None; 7];
            r[0] = Some(26);
            r[6] = Some(26);
            r
        });
        assert_eq!(v(" |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n||\n"), seven([0; 7]));
        assert_eq!(v(""), vec![None; 7]);
        assert!(matches!(read_row("000000", 0, TABLE3_ROW), RowRead::TooFew { found: 6 }));
        assert!(matches!(read_row("11101011033", 0, TABLE3_ROW), RowRead::Ambiguous { .. }));
        let t4 = values(&read_row("01 0 1 20 0 0 0 0 0 0 0 00", 0, TABLE4_ROW));
        assert_eq!(t4.iter().flatten().copied().collect::<Vec<_>>(), vec![0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }
}
