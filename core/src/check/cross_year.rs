//! Rules across two years' reports: carried-over applications and documents in force.

use super::{Code, Ctx, Finding};
use crate::report::{Format, Key, RequestColumn, RequestRow, SectionKey};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(prev) = ctx.previous else { return };
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
