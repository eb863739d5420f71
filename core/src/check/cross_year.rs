//! Rules across two years' reports: carried-over applications, documents in force, and a
//! narrative copied from last year's report.

use super::{Code, Ctx, Finding};
use crate::report::{Format, Key, RequestColumn, RequestRow, SectionKey};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(prev) = ctx.previous else { return };
    text_duplicated(ctx, prev, out);
    if !ctx.has_tables() {
        return;
    }
    carry_mismatch(ctx, prev, out);
    in_force_mismatch(ctx, prev, out);
}

fn carry_mismatch(ctx: &Ctx, prev: &crate::Report, out: &mut Vec<Finding>) {
    let this_in = ctx.report.requests.as_ref().and_then(|r| r.get(RequestRow::CarriedIn));
    let prev_over = prev.requests.as_ref().and_then(|r| r.get(RequestRow::CarriedOver));
    let (Some(this_in), Some(prev_over)) = (this_in, prev_over) else { return };
    for col in RequestColumn::ALL {
        if let (Some(found), Some(expected)) = (this_in.value(*col), prev_over.value(*col)) {
            if found != expected {
                out.push(
                    Finding::new(
                        Code::CrossYearCarryMismatch,
                        format!("“{}”列：本年上年结转 {found} 件，上年报告结转下年度 {expected} 件", col.label()),
                        format!(
                            "column {}: carried_in is {found} but last year's carried_over is {expected}",
                            col.key()
                        ),
                    )
                    .at(SectionKey::Requests)
                    .row(RequestRow::CarriedIn.key())
                    .column(col.key())
                    .numbers(expected, found),
                );
            }
        }
    }
}

fn in_force_mismatch(ctx: &Ctx, prev: &crate::Report, out: &mut Vec<Finding>) {
    if ctx.format != Some(Format::F2021) || prev.effective_format() != Some(Format::F2021) {
        return;
    }
    let (Some(this), Some(last)) = (&ctx.report.proactive, &prev.proactive) else { return };
    for ((row, d), (_, p)) in this.document_rows().into_iter().zip(last.document_rows()) {
        let (Some(d), Some(p)) = (d, p) else { continue };
        if let (Some(last_in_force), Some(issued), Some(repealed), Some(in_force)) =
            (p.in_force, d.issued, d.repealed, d.in_force)
        {
            let expected = i128::from(last_in_force) + i128::from(issued) - i128::from(repealed);
            if i128::from(in_force) != expected {
                out.push(
                    Finding::new(
                        Code::CrossYearInForceMismatch,
                        format!(
                            "表二“{}”：现行有效件数 {in_force}，上年 {last_in_force} ＋ 本年制发 {issued} － 本年废止 {repealed} ＝ {expected}",
                            row.label(Format::F2021)
                        ),
                        format!("table 二, {}: in_force {in_force}, but last year's {last_in_force} + issued {issued} − repealed {repealed} = {expected}", row.key()),
                    )
                    .at(SectionKey::Proactive)
                    .row(row.key())
                    .column("in_force")
                    .numbers(expected, i128::from(in_force)),
                );
            }
        }
    }
}

/// Sections shorter than this (in characters) are too short to call a copy.
const MIN_DUPLICATE_CHARS: usize = 40;
/// Similarity (Dice coefficient of character bigrams) from which two texts are "nearly identical".
const DUPLICATE_SIMILARITY: f64 = 0.9;

fn text_duplicated(ctx: &Ctx, prev: &crate::Report, out: &mut Vec<Finding>) {
    let (Some(this), Some(last)) = (&ctx.report.sections, &prev.sections) else { return };
    for key in [SectionKey::Overview, SectionKey::Problems] {
        let (Some(a), Some(b)) = (this.get(key), last.get(key)) else { continue };
        if a.chars().count() < MIN_DUPLICATE_CHARS || b.chars().count() < MIN_DUPLICATE_CHARS {
            continue;
        }
        let similarity = dice(a, b);
        if similarity >= DUPLICATE_SIMILARITY {
            let percent = (similarity * 100.0).round() as u64;
            out.push(
                Finding::new(
                    Code::CrossYearTextDuplicated,
                    format!("“{}”部分与上年报告相似度 {percent}%，疑似照抄", key.label()),
                    format!("the {} section is {percent}% similar to last year's (copied?)", key.key()),
                )
                .at(key)
                .offset(0)
                .numbers(format!("<{}%", (DUPLICATE_SIMILARITY * 100.0).round() as u64), format!("{percent}%")),
            );
        }
    }
}

/// Dice coefficient of the two texts' character bigrams (as multisets), whitespace ignored.
fn dice(a: &str, b: &str) -> f64 {
    fn bigrams(s: &str) -> Vec<u64> {
        let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
        let mut v: Vec<u64> = chars
            .windows(2)
            .filter_map(|w| match w {
                [a, b] => Some((u64::from(*a as u32) << 32) | u64::from(*b as u32)),
                _ => None,
            })
            .collect();
        v.sort_unstable();
        v
    }
    let (x, y) = (bigrams(a), bigrams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0usize, 0usize, 0usize);
    while let (Some(p), Some(q)) = (x.get(i), y.get(j)) {
        match p.cmp(q) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * common) as f64 / (x.len() + y.len()) as f64
}
