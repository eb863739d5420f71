//! Tables 三 and 四 from normalized text: each row is found by its label (in printed order), its
//! cells are read from the text up to the next label, and digit runs that read several ways are
//! settled by the table's column identities (（七）总计 = the result rows; 勾稽) or left blank
//! with a finding. Nothing is changed to make sums balance.

use std::ops::Range;

use super::cells::{self, Cell, RowRead};
use super::digits::{TABLE3_ROW, TABLE4_ROW};
use super::labels::{TABLE3_LABELS, TABLE4_HEADINGS};
use super::sections::{NoHeadings, SectionTexts};
use super::skeleton::Skeleton;
use crate::report::{
    Key, OTHER_ROWS_2021, RequestColumn, RequestCounts, RequestRow, Requests, ReviewCounts, ReviewGroup,
    ReviewLitigation, SectionKey, review_cells,
};

/// A problem met while reading a table, reported as a parse finding.
#[derive(Debug, Clone)]
pub(crate) enum Issue {
    /// A digit run with several (or no) consistent readings; `cells` of it are left blank.
    Ambiguous { table: Table, row: &'static str, digits: usize, readings: usize, blanked: Vec<&'static str> },
    /// A row printed with fewer cells than the table has.
    TooFew { table: Table, row: &'static str, found: usize, expected: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    Proactive,
    Requests,
    ReviewLitigation,
}

impl Table {
    pub fn key(self) -> &'static str {
        match self {
            Table::Proactive => "proactive",
            Table::Requests => "requests",
            Table::ReviewLitigation => "review_litigation",
        }
    }
}

/// Where a cell was read, in the normalized text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CellAt {
    pub table: Table,
    pub row: &'static str,
    pub column: &'static str,
    pub span: (usize, usize),
}

/// What the table reader found.
#[derive(Debug, Default)]
pub(crate) struct Tables {
    /// Table 二, read by [`super::proactive`].
    pub proactive: Option<crate::report::Proactive>,
    pub requests: Option<Requests>,
    pub review: Option<ReviewLitigation>,
    pub cells: Vec<CellAt>,
    pub issues: Vec<Issue>,
    /// Skeleton offsets where table 三 starts and table 四's heading starts (for section limits).
    pub table3_start: Option<usize>,
    pub table4_start: Option<usize>,
}

/// One row found: its label position in the skeleton and the text region of its cells.
struct Found {
    row: RequestRow,
    label_start: usize,
    core_end: usize,
}

/// Reads tables 三 and 四. Table 四's heading is looked for within `four`: after the last of the
/// section headings before section 四's, before the first of those after it, as the section
/// reader read them; and, as table 三's first row, not in another section's text (`texts`). Its
/// words in section 一's text (a name quoting them, a line of junk opening with them), or in
/// section 六's, are not its heading, which the section reader would not read there either.
pub(crate) fn read(
    text: &str,
    k: &Skeleton,
    front: &NoHeadings<'_>,
    four: Range<usize>,
    texts: &SectionTexts,
) -> Tables {
    let mut out = Tables::default();
    let Some(start) = table3_start(k, texts) else {
        read_table4(text, k, table4_heading(text, k, four, front, texts), &mut out);
        return out;
    };
    out.table3_start = Some(start);
    let t4 = table4_heading(text, k, start.max(four.start)..four.end, front, texts);
    out.table4_start = t4.map(|(s, _)| s);
    let limit = t4.map_or(k.s.len().min(start.saturating_add(20_000)), |(s, _)| s);
    let found = find_rows(k, start, limit);
    read_table3(text, k, &found, limit, &mut out);
    read_table4(text, k, t4, &mut out);
    out
}

/// The first 本年新收 closely followed by 上年结转: table 三's first row, not a mention in prose,
/// nor words in another section's text.
fn table3_start(k: &Skeleton, texts: &SectionTexts) -> Option<usize> {
    let mut from = 0usize;
    let mut tried = 0;
    while tried < 64 {
        let Some(i) = k.find("本年新收", from, k.s.len()) else { break };
        if let Some(end) = texts.past_another(SectionKey::Requests, i) {
            from = end;
            continue;
        }
        if k.find("上年结转", i, i.saturating_add(600)).is_some() {
            return Some(i);
        }
        tried += 1;
        from = i + "本年新收".len();
    }
    // A table printed without its first rows: after its column headers (applicant kinds).
    let at = texts.find(SectionKey::Requests, k, "社会公益组织")?;
    let (end, len) = k.find_any(&["法律服务机构"], at, at.saturating_add(40))?;
    let after = end + len;
    Some(k.find("其他", after, after.saturating_add(16)).map_or(after, |o| o + "其他".len()))
}

/// Table 四's section heading (`…行政复议、行政诉讼情况`, numbered as section 四 or heading its
/// line), else — a heading printed without 情况 — the first mention numbered as section 四
/// (`四、政府信息公开行政复议、行政诉讼`) and followed by the table's column headers: a mention in prose (`因政府信息公开引起的行政复议、行政诉讼。`,
/// or a body's name quoting the words) anchors no table, nor do the words where `front` holds no
/// heading (the title, a field's value, the body's name, the signature), nor words in another
/// section's text.
fn table4_heading(
    text: &str,
    k: &Skeleton,
    within: Range<usize>,
    front: &NoHeadings<'_>,
    texts: &SectionTexts,
) -> Option<(usize, usize)> {
    let mut mentions = Vec::new();
    let mut at = within.start;
    let mut tried = 0;
    while tried < 32 {
        let Some((i, len)) = k.find_any(TABLE4_HEADINGS, at, within.end) else { break };
        if let Some(end) = texts.past_another(SectionKey::ReviewLitigation, i) {
            at = end;
            continue;
        }
        tried += 1;
        at = i + len;
        let with_qingkuang = k.s.get(i + len..).is_some_and(|rest| rest.starts_with("情况"));
        let end = i + len + if with_qingkuang { "情况".len() } else { 0 };
        if front.holds(k.text_pos(four_start(k, i)), k.text_end(end)) {
            continue;
        }
        let heading = numbered_four(k, i) || heads_its_line(text, k.text_pos(i));
        if heading && k.s.get(i + len..).is_some_and(|rest| rest.starts_with("情况")) {
            return Some((i, len));
        }
        mentions.push((i, len));
    }
    // Without 情况, the words are a heading only where the table's column headers follow them:
    // numbered words inside a line of something else (a copied field line, junk) anchor nothing
    // the section reader would not read as section 四's heading either.
    mentions.into_iter().find(|(i, len)| {
        numbered_four(k, *i) && k.find_any(&["维持", "纠正", "审结"], i + len, (i + len).saturating_add(300)).is_some()
    })
}

/// Whether the words at text offset `at` head their line: before them on it at most a heading's
/// numeral (`四、`, `（四）`, `4.` — a misnumbered `三、` too) and the heading's own words
/// (`政府信息公开`, `因政府信息公开申请`), not a line of prose or of anything else (junk ending in
/// `…s公开` is not `政府信息公开`).
fn heads_its_line(text: &str, at: usize) -> bool {
    // Read back at most 200 characters: a heading has no longer run before it on its line, and a
    // page of one long line (up to the input limit) must not be scanned again for each mention.
    let mut before: Vec<char> = Vec::new();
    let mut seen = 0;
    for c in text.get(..at).unwrap_or("").chars().rev() {
        if c == '\n' {
            break;
        }
        seen += 1;
        if !c.is_whitespace() {
            before.push(c);
        }
        if before.len() > 24 || seen > 200 {
            return false;
        }
    }
    let before: String = before.into_iter().rev().collect();
    let words = before.trim_start_matches(['#', '*', '-', '>']);
    let words = strip_numeral(words);
    HEADING_WORDS.contains(&words)
}

/// `words` without a heading's numeral before them (`四、`, `（四）`, `(四)`, `四.`, `4、`, `4.`).
fn strip_numeral(words: &str) -> &str {
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    if let Some(rest) = words.strip_prefix(['（', '(']) {
        let rest = rest.trim_start_matches(numeral);
        if let Some(r) = rest.strip_prefix(['）', ')']) {
            return r;
        }
        return words;
    }
    let rest = words.trim_start_matches(numeral);
    if rest.len() < words.len() {
        if let Some(r) = rest.strip_prefix(['、', '.', '．']) {
            return r;
        }
    }
    words
}

/// Where section 四's numeral stands before skeleton offset `i` (as `numbered_four` finds it), else `i`.
fn four_start(k: &Skeleton, i: usize) -> usize {
    let floor = (0..=i.saturating_sub(36)).rev().find(|b| k.s.is_char_boundary(*b)).unwrap_or(0);
    let before = k.s.get(floor..i).unwrap_or("");
    ["四、", "四）", "四)", "四.", "四．"].iter().filter_map(|n| before.rfind(n)).max().map_or(i, |j| floor + j)
}

/// Whether section 四's numeral (`四、` `（四）` `四.`) stands just before skeleton offset `i`,
/// with at most the words of the heading (`政府信息公开`, `因政府信息公开申请`) between — as the
/// section reader reads section 四's heading: `四、政캜信息公开…` (junk between) is no heading.
fn numbered_four(k: &Skeleton, i: usize) -> bool {
    let floor = (0..=i.saturating_sub(36)).rev().find(|b| k.s.is_char_boundary(*b)).unwrap_or(0);
    let before = k.s.get(floor..i).unwrap_or("");
    ["四、", "四）", "四)", "四.", "四．"]
        .iter()
        .any(|n| before.rfind(n).is_some_and(|j| HEADING_WORDS.contains(&before.get(j + n.len()..).unwrap_or("x"))))
}

/// What may stand between table 四's numeral and its words (`四、政府信息公开行政复议…`).
const HEADING_WORDS: [&str; 4] = ["", "政府信息公开", "因政府信息公开", "因政府信息公开申请"];

/// Finds each row's label in printed order. A label is accepted only if no later row's label
/// comes before it (a missing row must not make the search jump over the rows that follow).
fn find_rows(k: &Skeleton, start: usize, limit: usize) -> Vec<Found> {
    let mut found = Vec::new();
    let mut pos = start;
    for (i, label) in TABLE3_LABELS.iter().enumerate() {
        let Some((at, len)) = k.find_any(label.cores, pos, limit) else { continue };
        let jumped = TABLE3_LABELS
            .iter()
            .skip(i + 1)
            .take(3)
            .any(|next| k.find_any(next.cores, pos, at).is_some_and(|(j, _)| j < at));
        if jumped {
            continue;
        }
        let label_start = numbering_start(k, at, label.number, pos);
        found.push(Found { row: label.row, label_start, core_end: at + len });
        pos = at + len;
    }
    found
}

/// The label's start moved back over its arabic numbering (`2.` `2、` `2,`), which flattened text
/// glues to the previous row's digits. The core may sit inside the label (`其他法律行政法规禁止公开`
/// is found by `法规禁止`): the words before it, up to the numbering, belong to the label.
fn numbering_start(k: &Skeleton, at: usize, number: Option<u8>, floor: usize) -> usize {
    let Some(n) = number else { return at };
    let Some(before) = k.s.get(floor..at) else { return at };
    let is_sep = |c: char| matches!(c, '.' | '、' | ',' | '．');
    // Back over the label's words (at most a label's length).
    let mut words = before.len();
    for (i, c) in before.char_indices().rev().take(40) {
        if c.is_ascii_digit() || is_sep(c) {
            break;
        }
        words = i;
    }
    let Some(before) = before.get(..words) else { return at };
    let Some(rest) = before.strip_suffix(is_sep) else { return at };
    match rest.strip_suffix(n.to_string().as_str()) {
        Some(r) => floor + r.len(),
        None => at,
    }
}

fn read_table3(text: &str, k: &Skeleton, found: &[Found], limit: usize, out: &mut Tables) {
    let mut reads: Vec<(RequestRow, RowRead)> = Vec::new();
    let mut empty_run: Vec<RequestRow> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let next = found.get(i + 1);
        let end = next.map_or(limit, |n| n.label_start);
        let (a, b) = (k.text_end(f.core_end), k.text_pos(end));
        let region = text.get(a..b.max(a)).unwrap_or("");
        // F2021 prints （六）其他处理 as the group header of its three rows: no cells of its own.
        if f.row == RequestRow::Other
            && next.is_some_and(|n| OTHER_ROWS_2021.contains(&n.row))
            && cells::tokens(region, a).is_empty()
        {
            continue;
        }
        let toks = if region.contains('|') { Vec::new() } else { cells::tokens(region, a) };
        // Column-major extraction (every label first, then the numbers column by column): the
        // rows with nothing after their label, then one region holding 7 numbers per row.
        if !empty_run.is_empty() && toks.len() == 7 * (empty_run.len() + 1) {
            let mut rows = std::mem::take(&mut empty_run);
            rows.push(f.row);
            let n = rows.len();
            reads.retain(|(r, _)| !rows.contains(r));
            let order = column_order(&toks, n);
            for (ri, row) in rows.iter().enumerate() {
                let cells = order
                    .iter()
                    .map(|c| {
                        toks.get(c * n + ri)
                            .map_or(Cell::BLANK, |t| Cell { value: Some(t.value), span: Some((t.start, t.end)) })
                    })
                    .collect();
                reads.push((*row, RowRead::Cells(cells)));
            }
            continue;
        }
        let read = cells::read_row(region, a, TABLE3_ROW);
        if toks.is_empty() && !region.contains('|') {
            empty_run.push(f.row);
        } else {
            empty_run.clear();
        }
        reads.push((f.row, read));
    }
    // Every label with its cells on its own line: the rows are read where they are printed.
    let labelled = found.iter().enumerate().all(|(i, f)| {
        let next = found.get(i + 1);
        // F2021's （六）其他处理 group header has no cells of its own.
        if f.row == RequestRow::Other && next.is_some_and(|n| OTHER_ROWS_2021.contains(&n.row)) {
            return true;
        }
        let end = next.map_or(limit, |n| n.label_start);
        let (a, b) = (k.text_end(f.core_end), k.text_pos(end));
        let region = text.get(a..b.max(a)).unwrap_or("");
        region.split('\n').next().is_some_and(|l| l.matches('|').count() >= 7)
    });
    if labelled {
        // Nothing torn apart: no need to take value rows in printed order.
    } else if let Some(seq) = value_rows_in_order(text, k, found, limit, &reads) {
        reads = seq;
    }
    if reads.is_empty() {
        // The column headers without rows: a table printed empty.
        out.requests = Some(Requests::new());
        return;
    }
    let mut rows: Vec<(RequestRow, Vec<Cell>)> = Vec::new();
    let mut ambiguous: Vec<(usize, Vec<Vec<Cell>>, usize)> = Vec::new();
    for (row, read) in reads {
        match read {
            RowRead::Cells(c) => rows.push((row, c)),
            RowRead::TooFew { found } => {
                out.issues.push(Issue::TooFew { table: Table::Requests, row: row.key(), found, expected: 7 });
                rows.push((row, vec![Cell::BLANK; 7]));
            }
            RowRead::Ambiguous { candidates, digits } => {
                ambiguous.push((rows.len(), candidates, digits));
                rows.push((row, vec![Cell::BLANK; 7]));
            }
        }
    }
    resolve(&mut rows, ambiguous, out);
    let mut req = Requests::new();
    for (row, cells) in &rows {
        let mut counts = RequestCounts::new();
        for (col, cell) in RequestColumn::ALL.iter().zip(cells) {
            counts.set(*col, cell.value);
            if let (Some(span), Some(_)) = (cell.span, cell.value) {
                out.cells.push(CellAt { table: Table::Requests, row: row.key(), column: col.key(), span });
            }
        }
        req.set(*row, Some(counts));
    }
    out.requests = Some(req);
}

/// Rows whose labels are torn away from their numbers (PDF text turned into Markdown: the value
/// rows are tables of their own, labels loose lines around them). When the table's `|` value rows
/// are exactly as many as a format's rows, and reading by labels left rows without values, the
/// value rows are taken in printed order.
fn value_rows_in_order(
    text: &str,
    k: &Skeleton,
    found: &[Found],
    limit: usize,
    reads: &[(RequestRow, RowRead)],
) -> Option<Vec<(RequestRow, RowRead)>> {
    let first = found.first()?;
    let (a, b) = (k.text_pos(first.label_start), k.text_pos(limit));
    // From the start of the first label's line, so that its row is a whole `| … |` line.
    let a = text.get(..a).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let region = text.get(a..b.max(a))?;
    if !region.contains('|') {
        return None;
    }
    let complete = reads
        .iter()
        .filter(|(_, r)| matches!(r, RowRead::Cells(c) if c.iter().filter(|x| x.value.is_some()).count() >= 6))
        .count();
    let rows = cells::value_rows(region, a, TABLE3_ROW, 26);
    let format_rows: Vec<RequestRow> = match rows.len() {
        25 => RequestRow::ALL.iter().copied().filter(|r| *r != RequestRow::Other).collect(),
        23 => RequestRow::ALL.iter().copied().filter(|r| !OTHER_ROWS_2021.contains(r)).collect(),
        _ => return None,
    };
    if complete >= rows.len() {
        return None;
    }
    Some(format_rows.into_iter().zip(rows).map(|(r, c)| (r, RowRead::Cells(c))).collect())
}

/// The order of the column blocks of a column-major table: extractors may emit the 总计 column
/// before the last applicant column. The 总计 block is the one that, row by row, is the sum of the
/// others; 自然人 is always the first block. If no single block is, the printed order stands.
fn column_order(toks: &[cells::Token], n: usize) -> [usize; 7] {
    const PRINTED: [usize; 7] = [0, 1, 2, 3, 4, 5, 6];
    let block = |c: usize, r: usize| toks.get(c * n + r).map_or(0u128, |t| u128::from(t.value));
    let is_total =
        |t: usize| (0..n).all(|r| (0..7).filter(|c| *c != t).map(|c| block(c, r)).sum::<u128>() == block(t, r));
    if is_total(6) {
        return PRINTED;
    }
    let totals: Vec<usize> = (1..6).filter(|t| is_total(*t)).collect();
    match totals.as_slice() {
        [t] => {
            let mut order: Vec<usize> = (0..7).filter(|c| c != t).collect();
            order.push(*t);
            order.try_into().unwrap_or(PRINTED)
        }
        _ => PRINTED,
    }
}

/// Settles rows whose digits read several ways by the column identities of the whole table:
/// the one combination of readings under which every computable identity holds is taken;
/// otherwise the cells the readings disagree on stay blank, with a finding.
fn resolve(rows: &mut [(RequestRow, Vec<Cell>)], ambiguous: Vec<(usize, Vec<Vec<Cell>>, usize)>, out: &mut Tables) {
    if ambiguous.is_empty() {
        return;
    }
    const MAX_COMBINATIONS: usize = 4096;
    let combos = ambiguous.iter().try_fold(1usize, |acc, (_, c, _)| acc.checked_mul(c.len().max(1)));
    let mut chosen: Option<Vec<usize>> = None;
    if let Some(total) = combos.filter(|t| *t <= MAX_COMBINATIONS && ambiguous.iter().all(|(_, c, _)| !c.is_empty())) {
        let mut hits = 0usize;
        for mut code in 0..total {
            let mut pick = Vec::with_capacity(ambiguous.len());
            for (idx, cands, _) in &ambiguous {
                let j = code % cands.len();
                code /= cands.len();
                pick.push(j);
                if let (Some(slot), Some(c)) = (rows.get_mut(*idx), cands.get(j)) {
                    slot.1.clone_from(c);
                }
            }
            if identities_hold(rows) {
                hits += 1;
                chosen = Some(pick);
            }
        }
        if hits != 1 {
            chosen = None;
        }
    }
    for (n, (idx, cands, digits)) in ambiguous.iter().enumerate() {
        let Some(slot) = rows.get_mut(*idx) else { continue };
        if let Some(c) = chosen.as_ref().and_then(|p| p.get(n)).and_then(|j| cands.get(*j)) {
            slot.1.clone_from(c);
            continue;
        }
        // Keep the cells every reading agrees on; blank the others.
        let mut blanked = Vec::new();
        let merged: Vec<Cell> = (0..7)
            .map(|col| {
                let first = cands.first().and_then(|c| c.get(col)).copied();
                let agree =
                    !cands.is_empty() && cands.iter().all(|c| c.get(col).map(|x| x.value) == first.map(|x| x.value));
                match first {
                    Some(cell) if agree => cell,
                    _ => {
                        if let Some(k) = RequestColumn::ALL.get(col) {
                            blanked.push(k.key());
                        }
                        Cell::BLANK
                    }
                }
            })
            .collect();
        slot.1 = merged;
        out.issues.push(Issue::Ambiguous {
            table: Table::Requests,
            row: slot.0.key(),
            digits: *digits,
            readings: cands.len(),
            blanked,
        });
    }
}

/// Whether every computable column identity holds: （七）总计 = the result rows; 勾稽.
fn identities_hold(rows: &[(RequestRow, Vec<Cell>)]) -> bool {
    let cell = |row: RequestRow, col: usize| rows.iter().find(|(r, _)| *r == row).and_then(|(_, c)| c.get(col)?.value);
    let has_2019 = rows.iter().any(|(r, _)| *r == RequestRow::Other);
    for col in 0..7 {
        let results: Option<u128> = rows
            .iter()
            .filter(|(r, _)| {
                r.is_result() && (if has_2019 { !OTHER_ROWS_2021.contains(r) } else { *r != RequestRow::Other })
            })
            .try_fold(0u128, |acc, (_, c)| c.get(col)?.value.map(|v| acc + u128::from(v)));
        let handled = cell(RequestRow::TotalHandled, col);
        if let (Some(sum), Some(h)) = (results, handled) {
            if sum != u128::from(h) {
                return false;
            }
        }
        let inflow = cell(RequestRow::Received, col)
            .zip(cell(RequestRow::CarriedIn, col))
            .map(|(a, b)| u128::from(a) + u128::from(b));
        let outflow = handled.zip(cell(RequestRow::CarriedOver, col)).map(|(a, b)| u128::from(a) + u128::from(b));
        if let (Some(i), Some(o)) = (inflow, outflow) {
            if i != o {
                return false;
            }
        }
    }
    true
}

/// A line of exactly 15 `|`-separated cells, each blank or a figure: table 四's row as HTML,
/// Markdown and page text print it (`| 0 | 1 | … |` or `0 | 1 | … |`), blank cells kept.
fn fifteen_cell_line(region: &str, base: usize) -> Option<Vec<Cell>> {
    let mut at = base;
    for line in region.split_inclusive('\n') {
        let start = at;
        at += line.len();
        if line.matches('|').count() < 15 {
            continue;
        }
        let mut pieces: Vec<(usize, &str)> = line
            .split('|')
            .scan(start, |pos, p| {
                let s = *pos;
                *pos += p.len() + 1;
                Some((s, p))
            })
            .collect();
        if pieces.last().is_some_and(|(_, p)| p.trim().is_empty()) {
            pieces.pop();
        }
        if pieces.len() == 16 && pieces.first().is_some_and(|(_, p)| p.trim().is_empty()) {
            pieces.remove(0);
        }
        if pieces.len() != 15 {
            continue;
        }
        let cells: Option<Vec<Cell>> = pieces
            .iter()
            .map(|(s, p)| {
                let t = p.trim();
                if t.is_empty() {
                    return Some(Cell::BLANK);
                }
                if t.len() > 18 || !t.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let off = s + (p.len() - p.trim_start().len());
                Some(Cell { value: t.parse().ok(), span: Some((off, off + t.len())) })
            })
            .collect();
        if let Some(c) =
            cells.filter(|c| c.iter().any(|x| x.value.is_some()) || line.contains("| |") || line.contains("|  |"))
        {
            return Some(c);
        }
    }
    None
}

/// Table 四: the numbers between its heading and section 五, read as one 15-cell row. Where the
/// table's caption (`表四:`) or its first header row (`行政复议 | 行政诉讼`) follows text of the
/// section's own, the numbers are read from there: the text before it is the section's (as the
/// section reader cuts it), and its digits are no cells. (Not from the column headers below:
/// Markdown loses a table's header rows, and a report printing 行政复议 as a table of its own
/// above `行政诉讼（未经复议直接起诉）` has its first row before them.)
fn read_table4(text: &str, k: &Skeleton, heading: Option<(usize, usize)>, out: &mut Tables) {
    let Some((at, len)) = heading else { return };
    let after_heading = at + len;
    let end = k
        // Section 五's heading ends it, or section 六's when a report has no section 五.
        .find_any(&["存在的主要问题", "存在主要问题", "主要问题及改进", "其他需要报告的事项"], after_heading, k.s.len())
        .map(|(i, _)| i);
    let from = k
        .find_any(&["表四:", "行政复议行政诉讼"], after_heading, end.unwrap_or(k.s.len()))
        .map_or(after_heading, |(i, _)| i);
    // Without section 五 or 六, 3,000 bytes of the table: not cutting a number short (`55` of
    // `556`, a different cell on a page where the table stands later).
    let end = end.unwrap_or_else(|| {
        let mut e = k.s.len().min(from.saturating_add(3000));
        while k.s.as_bytes().get(e).is_some_and(u8::is_ascii_digit) {
            e += 1;
        }
        e
    });
    let (a, b) = (k.text_end(from), k.text_pos(end));
    let mut region = text.get(a..b.max(a)).unwrap_or("");
    // Section 五's own numeral ("五、") is not a cell.
    if let Some(r) = region.trim_end().strip_suffix("五、") {
        region = r;
    }
    // No column header (结果维持, 尚未审结 …) and no table row (Markdown headers are blanked
    // before this): the section has prose, not the table.
    if k.find_any(&["维持", "纠正", "审结"], from, end).is_none() && !region.contains('|') {
        return;
    }
    let read = if let Some(cells) = fifteen_cell_line(region, a) {
        RowRead::Cells(cells)
    } else if cells::tokens(region, a).is_empty() {
        // The heading without a table: nothing printed, nothing read.
        return;
    } else if region.contains('|') {
        let toks: Vec<cells::Token> = region
            .split('|')
            .scan(a, |at, piece| {
                let start = *at;
                *at += piece.len() + 1;
                Some((start, piece))
            })
            .filter(|(_, p)| {
                let t = p.trim();
                !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
            })
            .flat_map(|(start, p)| cells::tokens(p, start))
            .collect();
        cells::read_tokens(&toks, region, a, TABLE4_ROW)
    } else {
        cells::read_tokens(&cells::tokens(region, a), region, a, TABLE4_ROW)
    };
    let cells: Vec<Cell> = match read {
        RowRead::Cells(c) => c,
        RowRead::TooFew { found } => {
            if found == 0 {
                return;
            }
            out.issues.push(Issue::TooFew { table: Table::ReviewLitigation, row: "review", found, expected: 15 });
            vec![Cell::BLANK; 15]
        }
        RowRead::Ambiguous { candidates, digits } => {
            let mut blanked = Vec::new();
            let merged = (0..15)
                .map(|i| {
                    let first = candidates.first().and_then(|c| c.get(i)).copied();
                    let agree = !candidates.is_empty()
                        && candidates.iter().all(|c| c.get(i).map(|x| x.value) == first.map(|x| x.value));
                    match first {
                        Some(c) if agree => c,
                        _ => {
                            if let Some((g, col)) = review_cells().nth(i) {
                                let _ = g;
                                blanked.push(col.key());
                            }
                            Cell::BLANK
                        }
                    }
                })
                .collect();
            out.issues.push(Issue::Ambiguous {
                table: Table::ReviewLitigation,
                row: "review_litigation",
                digits,
                readings: candidates.len(),
                blanked,
            });
            merged
        }
    };
    let mut table = ReviewLitigation::new();
    for group in ReviewGroup::ALL {
        table.set(*group, Some(ReviewCounts::new()));
    }
    for ((group, col), cell) in review_cells().zip(&cells) {
        if let Some(g) = table.get_mut(group) {
            g.set(col, cell.value);
        }
        if let (Some(span), Some(_)) = (cell.span, cell.value) {
            out.cells.push(CellAt { table: Table::ReviewLitigation, row: group.key(), column: col.key(), span });
        }
    }
    out.review = Some(table);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::report::ReviewColumn;

    #[test]
    fn table4_is_anchored_on_its_heading_not_on_a_mention() {
        let at = |t: &str| {
            let k = Skeleton::new(t);
            table4_heading(t, &k, 0..k.s.len(), &NoHeadings::new(t, &[], None), &SectionTexts::default())
                .map(|(i, _)| k.s.get(..i).unwrap().chars().count())
        };
        // The heading with 情况, wherever a mention stands before it.
        assert_eq!(at("因行政复议、行政诉讼。\n四、政府信息公开行政复议、行政诉讼情况"), Some(19));
        // Without 情况: a numbered heading, not a mention in prose or in a name.
        assert_eq!(at("四、政府信息公开行政复议与行政诉讼\n结果维持"), Some(8));
        assert_eq!(at("（四）行政复议、行政诉讼\n| 行政复议 | 行政诉讼 |\n|---|---|\n| 结果维持 |"), Some(3));
        // Numbered but followed by no column header: words inside a line, not the table's heading
        // (fuzz/regressions/render_roundtrip-table4-words-numbered-inside-a-copied-field).
        assert_eq!(at("发布机构：某|||四、政府信息公开行政复议、行政诉讼情儵4444|||uu\n"), None);
        assert_eq!(at("本年度因政府信息公开引起的行政复议、行政诉讼0件。"), None);
        assert_eq!(at("uuu行政|||u摿府信息公开行政法复议、行政uuu"), None);
        // With 情况 but inside a line of something else (a body's name quoting the heading).
        assert_eq!(at("0e10M<<<<ki政府信息公开行政法复议、行政复议、行政诉讼情况 0e10"), None);
        assert_eq!(at("表格\n政府信息公开行政复议、行政诉讼情况\n"), Some(8));
        // At the head of its line: a numeral (a misnumbered one too) and the heading's own words
        // before it, not junk ending in the same characters.
        assert_eq!(at("表格\n三、政府信息公开行政复议、行政诉讼情况\n"), Some(10));
        assert_eq!(at("表格\n## （4）因政府信息公开申请行政复议、行政诉讼情况\n"), Some(16));
        assert_eq!(at("<t\n27591032s公开行政复议,行政诉讼情况163951\n"), None);
        assert_eq!(at("<t\n某局政府信息公开行政复议、行政诉讼情况\n"), None);
        // Numbered, with junk between the numeral and the words
        // (fuzz/regressions/render_roundtrip-table4-numeral-before-junk).
        assert_eq!(at("6|||四、政캜信息公开行政复议、行政诉讼情况|||\n结果维持"), None);
        assert_eq!(at("6|||四、因政府信息公开申请行政复议、行政诉讼情况|||\n结果维持"), Some(12));
    }

    #[test]
    fn table4_heading_stands_between_the_sections_around_it() {
        // Regression (fuzz/regressions/render_roundtrip-table4-heading-in-section-one): the words
        // with 情况 in section 一's text, before section 二's heading, are not table 四's heading.
        let row = "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 |";
        // Long enough to be read as a report (an empty page is not one).
        let work = "本年做了政府信息公开工作。".repeat(10);
        let quoted = format!(
            "某局2022年政府信息公开工作年度报告\n一、总体情况\n{work}\n见四、政府信息公开行政复议、行政诉讼情况\n{row}\n二、主动公开政府信息情况\n主动公开。\n"
        );
        assert_eq!(crate::parse_report(&quoted).unwrap().report.review_litigation, None);
        let real = format!(
            "某局2022年政府信息公开工作年度报告\n一、总体情况\n{work}\n二、主动公开政府信息情况\n主动公开。\n四、政府信息公开行政复议、行政诉讼情况\n{row}\n"
        );
        assert!(crate::parse_report(&real).unwrap().report.review_litigation.is_some());
        // Nor after section 六's heading (fuzz/regressions/render_roundtrip-table4-heading-in-section-six):
        // junk opening a line of section 六 with the words, `|` and a digit after them.
        let late = format!(
            "某局2022年政府信息公开工作年度报告\n一、总体情况\n{work}\n六、其他需要报告的事项\n行政复议、行政诉讼情况 (\n|||5|||\n"
        );
        assert_eq!(crate::parse_report(&late).unwrap().report.review_litigation, None);
    }

    #[test]
    fn table4_is_read_when_its_window_ends_inside_a_character() {
        // No section 五: table 四 is read from the 3,000 bytes after its heading, a skeleton
        // offset that falls inside a character for one of three alignments. The row is read
        // all the same (the window's end stands for the character's end).
        for pad in ["", "x", "xx"] {
            let text = format!(
                "四、政府信息公开行政复议、行政诉讼情况\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 |\n{pad}{}",
                "汉".repeat(1200)
            );
            let k = Skeleton::new(&text);
            let mut out = Tables::default();
            read_table4(
                &text,
                &k,
                table4_heading(&text, &k, 0..k.s.len(), &NoHeadings::new(&text, &[], None), &SectionTexts::default()),
                &mut out,
            );
            let upheld =
                out.review.and_then(|t| t.get(ReviewGroup::Review).and_then(|g| g.get(ReviewColumn::Upheld).copied()));
            assert_eq!(upheld, Some(1), "pad {pad:?}");
        }
    }
    /// Table 四 read from `text` alone, its last cell (复议后起诉, 总计).
    fn table4_last_cell(text: &str) -> Option<u64> {
        let k = Skeleton::new(text);
        let mut out = Tables::default();
        read_table4(
            text,
            &k,
            table4_heading(text, &k, 0..k.s.len(), &NoHeadings::new(text, &[], None), &SectionTexts::default()),
            &mut out,
        );
        out.review
            .and_then(|t| t.get(ReviewGroup::LitigationAfterReview).and_then(|g| g.get(ReviewColumn::Total).copied()))
    }

    #[test]
    fn table4_is_read_from_its_caption_after_the_sections_text() {
        // Regression (fuzz/regressions/render_roundtrip-table4-cells-in-the-text-above-it): digits
        // between `|` in the section's text above the table were read as cells with the table's
        // own, another reading once the table was printed under the text.
        let header = "| 行政复议 | 行政诉讼 |\n| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |";
        let row = "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 |";
        for caption in ["表四：政府信息公开行政复议、行政诉讼情况\n", ""] {
            let junk = "| 8 ".repeat(15);
            let text = format!("四、政府信息公开行政复议、行政诉讼情况\n说明：\n{junk}|\n{caption}{header}\n{row}\n");
            assert_eq!(table4_last_cell(&text), Some(15), "{text}");
        }
    }

    #[test]
    fn table4_window_does_not_cut_a_number() {
        // No section 五: 3,000 bytes of the table are read. Its end falling inside the last
        // number (after `55555` of `55555556`) read a different cell than a page printing the
        // table elsewhere.
        let text = format!(
            "四、政府信息公开行政复议、行政诉讼情况\n{}\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 55555556 |\n",
            "汉".repeat(992)
        );
        assert_eq!(table4_last_cell(&text), Some(55_555_556));
    }
}
