//! Table 二 (主动公开政府信息情况) from normalized text. The table starts at its first `信息内容`
//! header (followed by a column header of either format), else at its first item header
//! (`第二十条第…项`) followed by a row label; the column headers tell the format's columns (else
//! the report's format does); each row is found by its printed label, in order, and its cells are read up to the
//! next label or item header (`第二十条第…项`). Cells are read as printed: `|` separated (HTML,
//! Markdown, page text) or whitespace separated. A row whose cells cannot be told — fewer
//! figures than columns, more figures, or a digit run that splits several ways (table 二 has no
//! arithmetic to settle it) — is left blank with a finding.

use std::str::FromStr;

use super::sections::SectionTexts;
use super::skeleton::Skeleton;
use super::tables::{CellAt, Issue, Table, Tables};
use crate::report::{
    DecisionCounts, DocumentCounts, FeeCounts, Format, Money, Proactive, ProactiveRow, ProcurementCounts, SectionKey,
};

/// Column headers that only F2021 prints.
const HEADERS_2021: [&str; 4] = ["本年制发件数", "本年废止件数", "本年处理决定数量", "本年收费金额"];
/// Column headers that only F2019 prints.
const HEADERS_2019: [&str; 5] =
    ["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量"];
/// Where table 二 ends: table 三's note, headers, first row, or section 三's heading words.
const ENDS: [&str; 5] = ["本列数据的勾稽", "本列数据的钩稽", "申请人情况", "本年新收", "收到和处理政府信息公开申请"];
/// An item header: the row before it has ended.
const ITEM: [&str; 2] = ["第二十条第", "信息内容"];

/// One printed cell: blank, or the figure as printed.
type Printed<'a> = Option<&'a str>;

/// Reads table 二 into `out.proactive`. It does not start in another section's text (`texts`).
pub(crate) fn read(text: &str, k: &Skeleton, format: Option<Format>, texts: &SectionTexts, out: &mut Tables) {
    let Some((start, format)) = start(k, texts).or_else(|| item_start(k, format, texts)) else { return };
    let end = k.find_any(&ENDS, start, k.s.len()).map_or(k.s.len().min(start.saturating_add(6000)), |(i, _)| i);
    let mut found: Vec<(ProactiveRow, usize, usize)> = Vec::new();
    let mut pos = start;
    for row in ProactiveRow::ALL.iter().copied().filter(|r| r.in_format(format)) {
        let labels: &[&str] = match row {
            ProactiveRow::NormativeDocuments => &["行政规范性文件", "规范性文件"],
            _ => &[row.label(format)],
        };
        if let Some((at, len)) = k.find_any(labels, pos, end) {
            found.push((row, at, at + len));
            pos = at + len;
        }
    }
    // Headers without rows: a table printed empty.
    let mut table = Proactive::default();
    for (i, (row, _, label_end)) in found.iter().enumerate() {
        let next = found.get(i + 1).map_or(end, |n| n.1);
        let stop = k.find_any(&ITEM, *label_end, next).map_or(next, |(j, _)| j);
        let (a, b) = (k.text_end(*label_end), k.text_pos(stop));
        let region = text.get(a..b.max(a)).unwrap_or("");
        let n = columns(*row, format);
        let cells = match cells(region, n) {
            Ok(c) => c,
            Err(Problem::TooFew(found)) => {
                out.issues.push(Issue::TooFew { table: Table::Proactive, row: row.key(), found, expected: n });
                vec![None; n]
            }
            Err(Problem::Ambiguous { digits, readings }) => {
                let blanked = column_keys(*row, format).to_vec();
                out.issues.push(Issue::Ambiguous {
                    table: Table::Proactive,
                    row: row.key(),
                    digits,
                    readings,
                    blanked,
                });
                vec![None; n]
            }
        };
        // Where each figure read was printed (the cells are slices of `text`).
        let base = text.as_ptr() as usize;
        for (cell, column) in cells.iter().zip(column_keys(*row, format)) {
            let Some(printed) = cell else { continue };
            let valid =
                if *column == "amount" { Money::from_str(printed).is_ok() } else { printed.parse::<i64>().is_ok() };
            if valid {
                let start = (printed.as_ptr() as usize).saturating_sub(base);
                out.cells.push(CellAt {
                    table: Table::Proactive,
                    row: row.key(),
                    column,
                    span: (start, start + printed.len()),
                });
            }
        }
        set(&mut table, *row, format, &cells);
    }
    out.proactive = Some(table);
}

/// The table's first `信息内容` header followed by a column header, and the format it shows.
fn start(k: &Skeleton, texts: &SectionTexts) -> Option<(usize, Format)> {
    let mut from = 0usize;
    let mut tried = 0;
    while tried < 32 {
        let at = k.find("信息内容", from, k.s.len())?;
        if let Some(end) = texts.past_another(SectionKey::Proactive, at) {
            from = end;
            continue;
        }
        tried += 1;
        let window = at.saturating_add(160).min(k.s.len());
        let f2021 = k.find_any(&HEADERS_2021, at, window).map(|(i, _)| i);
        let f2019 = k.find_any(&HEADERS_2019, at, window).map(|(i, _)| i);
        match (f2021, f2019) {
            (Some(a), Some(b)) => return Some((at, if a <= b { Format::F2021 } else { Format::F2019 })),
            (Some(_), None) => return Some((at, Format::F2021)),
            (None, Some(_)) => return Some((at, Format::F2019)),
            (None, None) => from = at + "信息内容".len(),
        }
    }
    None
}

/// Without column headers (Markdown tables lose their header row): the first item header
/// (`第二十条第`) closely followed by a row label, read in the report's format.
fn item_start(k: &Skeleton, format: Option<Format>, texts: &SectionTexts) -> Option<(usize, Format)> {
    let format = format.filter(|f| *f != Format::Pre2019)?;
    let at = texts.find(SectionKey::Proactive, k, "第二十条第")?;
    let window = at.saturating_add(120).min(k.s.len());
    k.find_any(&["规章", "规范性文件", "行政许可"], at, window)?;
    Some((at, format))
}

/// How many cells a row has in the format.
fn columns(row: ProactiveRow, format: Format) -> usize {
    match (row, format) {
        (ProactiveRow::Regulations | ProactiveRow::NormativeDocuments, _) => 3,
        (ProactiveRow::Fees | ProactiveRow::Procurement, Format::F2019) => 2,
        (_, Format::F2019) => 3,
        _ => 1,
    }
}

/// The figures of a region: `-?digits(.digits)?` runs.
fn figures(region: &str) -> Vec<&str> {
    let b = region.as_bytes();
    let mut out = Vec::new();
    let mut i = 0usize;
    while i < b.len() {
        let neg = b.get(i) == Some(&b'-') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if neg || b.get(i).is_some_and(u8::is_ascii_digit) {
            let s = i;
            i += usize::from(neg);
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            if let Some(f) = region.get(s..i) {
                out.push(f);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Why a row's cells cannot be told.
enum Problem {
    /// Fewer figures than cells.
    TooFew(usize),
    /// A digit run longer than the cells (several splits; table 二 has no arithmetic to settle
    /// them), or more figures than cells (which belong to the row is unknown).
    Ambiguous { digits: usize, readings: usize },
}

/// The column keys of a row in the format, in printed order.
fn column_keys(row: ProactiveRow, format: Format) -> &'static [&'static str] {
    match (row, format) {
        (ProactiveRow::Regulations | ProactiveRow::NormativeDocuments, Format::F2019) => {
            &["made", "published", "total_published"]
        }
        (ProactiveRow::Regulations | ProactiveRow::NormativeDocuments, _) => &["issued", "repealed", "in_force"],
        (ProactiveRow::Fees, Format::F2019) => &["last_year", "change"],
        (ProactiveRow::Fees, _) => &["amount"],
        (ProactiveRow::Procurement, _) => &["projects", "amount"],
        (_, Format::F2019) => &["last_year", "change", "decisions"],
        _ => &["decisions"],
    }
}

/// Ways to cut a run of `len` digits into `n` non-empty cells: C(len-1, n-1).
fn splits(len: usize, n: usize) -> usize {
    let (top, k) = (len.saturating_sub(1), n.saturating_sub(1));
    (0..k).fold(1usize, |acc, i| acc.saturating_mul(top - i) / (i + 1))
}

/// The row's `n` cells as printed, or why they cannot be told.
fn cells(region: &str, n: usize) -> Result<Vec<Printed<'_>>, Problem> {
    if region.contains('|') {
        let pieces: Vec<&str> = region.split('|').collect();
        let last = pieces.len().saturating_sub(1);
        let mut cells: Vec<Printed<'_>> = Vec::new();
        for piece in pieces.iter().take(last).skip(1) {
            let t = piece.trim();
            if t.is_empty() {
                if piece.contains('\n') {
                    if cells.is_empty() {
                        continue;
                    }
                    break;
                }
                cells.push(None);
            } else if matches!(t, "-" | "/" | "—" | "－") {
                cells.push(None);
            } else if figures(t).first().is_some_and(|f| f.len() == t.len()) {
                cells.push(Some(t));
            } else if !cells.is_empty() {
                // Words after the figures: the next header or label.
                break;
            }
        }
        cells.resize(n, None);
        return Ok(cells);
    }
    let f = figures(region);
    if f.len() == n {
        return Ok(f.into_iter().map(Some).collect());
    }
    if f.is_empty() {
        return Ok(vec![None; n]);
    }
    let digits: usize = f.iter().map(|x| x.bytes().filter(u8::is_ascii_digit).count()).sum();
    if f.len() > n {
        return Err(Problem::Ambiguous { digits, readings: f.len() - n + 1 });
    }
    // Flattened text prints cells run together (`规章000`): one digit each is the one reading.
    if let [run] = f.as_slice() {
        if run.bytes().all(|b| b.is_ascii_digit()) && run.len() >= n {
            if run.len() == n {
                return Ok((0..n).map(|i| run.get(i..=i)).collect());
            }
            return Err(Problem::Ambiguous { digits, readings: splits(run.len(), n) });
        }
    }
    Err(Problem::TooFew(f.len()))
}

fn int(p: Option<&Printed<'_>>) -> Option<i64> {
    p.copied().flatten().and_then(|s| s.parse().ok())
}

fn money(p: Option<&Printed<'_>>) -> Option<Money> {
    p.copied().flatten().and_then(|s| Money::from_str(s).ok())
}

fn set(t: &mut Proactive, row: ProactiveRow, format: Format, c: &[Printed<'_>]) {
    let docs = || match format {
        Format::F2019 => DocumentCounts {
            made: int(c.first()),
            published: int(c.get(1)),
            total_published: int(c.get(2)),
            ..Default::default()
        },
        _ => DocumentCounts {
            issued: int(c.first()),
            repealed: int(c.get(1)),
            in_force: int(c.get(2)),
            ..Default::default()
        },
    };
    let decisions = || match format {
        Format::F2019 => DecisionCounts { last_year: int(c.first()), change: int(c.get(1)), decisions: int(c.get(2)) },
        _ => DecisionCounts { decisions: int(c.first()), ..Default::default() },
    };
    match row {
        ProactiveRow::Regulations => t.regulations = Some(docs()),
        ProactiveRow::NormativeDocuments => t.normative_documents = Some(docs()),
        ProactiveRow::Licensing => t.licensing = Some(decisions()),
        ProactiveRow::OtherServices => t.other_services = Some(decisions()),
        ProactiveRow::Punishment => t.punishment = Some(decisions()),
        ProactiveRow::Coercion => t.coercion = Some(decisions()),
        ProactiveRow::Fees => {
            t.fees = Some(match format {
                Format::F2019 => FeeCounts { last_year: int(c.first()), change: int(c.get(1)), amount: None },
                _ => FeeCounts { amount: money(c.first()), ..Default::default() },
            })
        }
        ProactiveRow::Procurement => {
            t.procurement = Some(ProcurementCounts { projects: int(c.first()), amount: money(c.get(1)) })
        }
    }
}
