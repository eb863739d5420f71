//! Table 二 rules: negative figures, the F2021 in-force floor, and missing rows.

use super::finding::Value;
use super::{Code, Ctx, Finding};
use crate::report::{Format, ProactiveRow, SectionKey};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(table) = ctx.report.proactive.as_ref() else { return };
    if !ctx.has_tables() {
        return;
    }
    // 本年增/减 (F2019 `change`) is the one signed column.
    for (row, col, v) in table.counts() {
        if v < 0 && col != "change" {
            out.push(negative(ctx, row, col, &v.to_string(), v.into()));
        }
    }
    for (row, col, m) in table.amounts() {
        if m.is_negative() {
            out.push(negative(ctx, row, col, m.as_str(), m.as_str().into()));
        }
    }
    if ctx.format == Some(Format::F2021) {
        for (row, d) in table.document_rows() {
            let Some(d) = d else { continue };
            if let (Some(issued), Some(repealed), Some(in_force)) = (d.issued, d.repealed, d.in_force) {
                let floor = i128::from(issued) - i128::from(repealed);
                if i128::from(in_force) < floor {
                    out.push(
                        Finding::new(
                            Code::Table2InForceBelowNet,
                            format!(
                                "表二“{}”：现行有效件数 {in_force} 小于本年制发 {issued} 减本年废止 {repealed}",
                                row.label(Format::F2021)
                            ),
                            format!(
                                "table 二, {}: in_force {in_force} is below issued {issued} − repealed {repealed}",
                                row.key()
                            ),
                        )
                        .at(SectionKey::Proactive)
                        .row(row.key())
                        .column("in_force")
                        .numbers(floor, i128::from(in_force)),
                    );
                }
            }
        }
    }
    if let Some(format) = ctx.format {
        for row in ProactiveRow::ALL {
            if row.in_format(format) && !row.is_present(table) {
                out.push(
                    Finding::new(
                        Code::Table2MissingRow,
                        format!("表二缺少“{}”行", row.label(format)),
                        format!("table 二 lacks the row {}", row.key()),
                    )
                    .at(SectionKey::Proactive)
                    .row(row.key()),
                );
            }
        }
    }
}

fn negative(ctx: &Ctx, row: ProactiveRow, col: &'static str, value: &str, found: Value) -> Finding {
    Finding::new(
        Code::Table2Negative,
        format!("表二“{}”行“{col}”列为负数 {value}", row.label(ctx.format.unwrap_or(Format::F2021))),
        format!("table 二, row {}, column {col}: negative figure {value}", row.key()),
    )
    .at(SectionKey::Proactive)
    .row(row.key())
    .column(col)
    .numbers(0u64, found)
}
