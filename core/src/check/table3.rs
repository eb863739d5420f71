//! Table 三 rules: layout, missing rows, blank cells, row totals, the handled total and the
//! 勾稽 balance. Blank cells make a sum unknowable, so a sum with a blank is not checked (the blank
//! itself is reported).

use super::{Code, Ctx, Finding, join, sum_all};
use crate::report::{Format, Key, OTHER_ROWS_2021, RequestColumn, RequestRow, Requests, SectionKey};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(req) = ctx.report.requests.as_ref() else { return };
    if !ctx.has_tables() {
        return;
    }
    let six = SixthGroup::of(req, ctx.format);
    layout_mixed(ctx.format, &six, out);
    missing_row(ctx.format, req, &six, out);
    blank_cell(req, out);
    row_total(req, out);
    handled_total(req, &six, out);
    balance(req, out);
}

/// Which rows stand for （六）其他处理 in this table: the format's own, or — in a mixed layout —
/// the other format's as printed.
struct SixthGroup {
    rows: &'static [RequestRow],
    /// Rows printed from the other format (a mixed layout).
    foreign: Vec<RequestRow>,
}

const OTHER_ROW_2019: [RequestRow; 1] = [RequestRow::Other];

impl SixthGroup {
    fn of(req: &Requests, format: Option<Format>) -> SixthGroup {
        let printed_2021: Vec<RequestRow> = OTHER_ROWS_2021.iter().copied().filter(|r| req.get(*r).is_some()).collect();
        let printed_2019 = req.get(RequestRow::Other).is_some();
        match format {
            Some(Format::F2019) => {
                if !printed_2019 && !printed_2021.is_empty() {
                    SixthGroup { rows: &OTHER_ROWS_2021, foreign: printed_2021 }
                } else {
                    SixthGroup { rows: &OTHER_ROW_2019, foreign: printed_2021 }
                }
            }
            Some(Format::F2021) => {
                let foreign = if printed_2019 { vec![RequestRow::Other] } else { Vec::new() };
                if printed_2019 && printed_2021.is_empty() {
                    SixthGroup { rows: &OTHER_ROW_2019, foreign }
                } else {
                    SixthGroup { rows: &OTHER_ROWS_2021, foreign }
                }
            }
            // Unknown layout: whichever is printed, the 2021 rows when both or neither are.
            _ if printed_2019 && printed_2021.is_empty() => SixthGroup { rows: &OTHER_ROW_2019, foreign: Vec::new() },
            _ => SixthGroup { rows: &OTHER_ROWS_2021, foreign: Vec::new() },
        }
    }

    /// The result rows whose sum is （七）总计.
    fn result_rows(&self) -> impl Iterator<Item = RequestRow> + '_ {
        RequestRow::ALL
            .iter()
            .copied()
            .filter(|r| r.is_result() && *r != RequestRow::Other && !OTHER_ROWS_2021.contains(r))
            .chain(self.rows.iter().copied())
    }
}

fn layout_mixed(format: Option<Format>, six: &SixthGroup, out: &mut Vec<Finding>) {
    let (Some(format), Some(first)) = (format, six.foreign.first()) else { return };
    let keys: Vec<&str> = six.foreign.iter().map(|r| r.key()).collect();
    let labels: Vec<&str> = six.foreign.iter().map(|r| r.label()).collect();
    out.push(
        Finding::new(
            Code::Table3LayoutMixed,
            format!("表三为{}格式，却印有另一格式的“（六）其他处理”行：{}", format.key(), labels.join("、")),
            format!(
                "table 三 is in the {} layout but prints the other layout's （六） row(s): {}",
                format.key(),
                keys.join(", ")
            ),
        )
        .at(SectionKey::Requests)
        .row(first.key())
        .numbers(format.key(), keys.join(",")),
    );
}

fn missing_row(format: Option<Format>, req: &Requests, six: &SixthGroup, out: &mut Vec<Finding>) {
    let Some(format) = format else { return };
    for row in RequestRow::of_format(format) {
        let replaced = !six.foreign.is_empty()
            && !six.rows.contains(&row)
            && (row == RequestRow::Other || OTHER_ROWS_2021.contains(&row));
        if req.get(row).is_none() && !replaced {
            out.push(
                Finding::new(
                    Code::Table3MissingRow,
                    format!("表三缺少“{}”行", row.label()),
                    format!("table 三 lacks the row {}", row.key()),
                )
                .at(SectionKey::Requests)
                .row(row.key()),
            );
        }
    }
}

fn blank_cell(req: &Requests, out: &mut Vec<Finding>) {
    for (row, cells) in req.iter() {
        for col in RequestColumn::ALL {
            if cells.get(*col).is_none() {
                out.push(
                    Finding::new(
                        Code::Table3BlankCell,
                        join(&["表三“", row.label(), "”行“", col.label(), "”列空白"]),
                        join(&["table 三, row ", row.key(), ", column ", col.key(), ": the cell is blank"]),
                    )
                    .at(SectionKey::Requests)
                    .row(row.key())
                    .column(col.key()),
                );
            }
        }
    }
}

fn row_total(req: &Requests, out: &mut Vec<Finding>) {
    for (row, cells) in req.iter() {
        let parts = sum_all(RequestColumn::APPLICANTS.iter().map(|c| cells.value(*c)));
        if let (Some(sum), Some(total)) = (parts, cells.value(RequestColumn::Total)) {
            if sum != u128::from(total) {
                out.push(
                    Finding::new(
                        Code::Table3RowTotal,
                        format!("表三“{}”行：各类申请人之和为 {sum}，总计列为 {total}", row.label()),
                        format!(
                            "table 三, row {}: the applicant columns add up to {sum}, the total says {total}",
                            row.key()
                        ),
                    )
                    .at(SectionKey::Requests)
                    .row(row.key())
                    .column(RequestColumn::Total.key())
                    .numbers(sum, total),
                );
            }
        }
    }
}

fn handled_total(req: &Requests, six: &SixthGroup, out: &mut Vec<Finding>) {
    let Some(handled) = req.get(RequestRow::TotalHandled) else { return };
    for col in RequestColumn::ALL {
        let parts = sum_all(six.result_rows().map(|r| req.get(r).and_then(|cells| cells.value(*col))));
        if let (Some(sum), Some(total)) = (parts, handled.value(*col)) {
            if sum != u128::from(total) {
                out.push(
                    Finding::new(
                        Code::Table3HandledTotal,
                        format!("表三“{}”列：各办理结果之和为 {sum}，（七）总计为 {total}", col.label()),
                        format!(
                            "table 三, column {}: the result rows add up to {sum}, total_handled says {total}",
                            col.key()
                        ),
                    )
                    .at(SectionKey::Requests)
                    .row(RequestRow::TotalHandled.key())
                    .column(col.key())
                    .numbers(sum, total),
                );
            }
        }
    }
}

fn balance(req: &Requests, out: &mut Vec<Finding>) {
    let cell = |row: RequestRow, col: RequestColumn| req.get(row).and_then(|c| c.value(col));
    for col in RequestColumn::ALL {
        let inflow = sum_all([cell(RequestRow::Received, *col), cell(RequestRow::CarriedIn, *col)]);
        let outflow = sum_all([cell(RequestRow::TotalHandled, *col), cell(RequestRow::CarriedOver, *col)]);
        if let (Some(inflow), Some(outflow)) = (inflow, outflow) {
            if inflow != outflow {
                out.push(
                    Finding::new(
                        Code::Table3Balance,
                        format!(
                            "表三“{}”列勾稽关系不成立：本年新收＋上年结转＝{inflow}，办理结果总计＋结转下年度＝{outflow}",
                            col.label()
                        ),
                        format!(
                            "table 三, column {}: received + carried_in = {inflow} but total_handled + carried_over = {outflow}",
                            col.key()
                        ),
                    )
                    .at(SectionKey::Requests)
                    .row(RequestRow::Received.key())
                    .column(col.key())
                    .numbers(outflow, inflow),
                );
            }
        }
    }
}
