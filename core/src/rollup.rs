//! Roll-up (汇总): tables 二 三 四 of a set of reports — e.g. every department and township of a
//! county — summed cell by cell, and compared with the summary report that should equal them.
//!
//! A blank cell (or an absent row or table) in any report makes the sum of that cell unknown:
//! it is `null`, never a partial sum. Reports of different layouts or years are refused, never
//! converted (a 2019 `other` row has no exact 2021 split).

use serde::Serialize;

use crate::check::{Code, Finding};
use crate::error::Error;
use crate::report::{
    Format, Key, Money, Proactive, ProactiveRow, Report, RequestColumn, RequestCounts, RequestRow, Requests,
    ReviewColumn, ReviewCounts, ReviewGroup, ReviewLitigation, SectionKey,
};

/// The result of [`rollup`]: how many reports were summed, the sums as a Report (format and
/// year set, metadata absent; a row or table printed by at least one report is present), and the `rollup.sum_mismatch`
/// findings against the summary report (empty without one).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rollup {
    /// The number of reports summed.
    pub reports: usize,
    /// The sums, in the Report JSON contract (so they can be checked and measured like a report).
    pub sums: Report,
    /// One `rollup.sum_mismatch` per cell where the summary report differs from the sum.
    pub findings: Vec<Finding>,
}

/// Sums tables 二 三 四 of `reports` cell by cell; with `summary`, lists every cell where the
/// summary report prints a number different from the known sum (`rollup.sum_mismatch`). A cell
/// unknown on either side is not compared (blank cells have their own findings in
/// [`check_report`](crate::check_report)).
///
/// Errors: `rollup.empty` (no reports), `rollup.format_mixed`, `rollup.year_mixed`,
/// `rollup.no_tables` (a pre-2019 report, or one whose layout nothing tells), `input.overflow`.
///
/// ```
/// use zfxxgk::{Report, rollup};
/// let a = Report::from_json(r#"{"format": "2021", "year": 2024, "review_litigation": {"review":
///   {"upheld": 1, "corrected": 1, "other": 0, "pending": 0, "total": 2}}}"#).unwrap();
/// let b = Report::from_json(r#"{"format": "2021", "year": 2024, "review_litigation": {"review":
///   {"upheld": 2, "corrected": 0, "other": 0, "pending": null, "total": 2}}}"#).unwrap();
/// let county = Report::from_json(r#"{"format": "2021", "year": 2024, "review_litigation": {"review":
///   {"upheld": 3, "corrected": 1, "other": 0, "pending": 0, "total": 5}}}"#).unwrap();
/// let r = rollup(&[a, b], Some(&county)).unwrap();
/// let review = r.sums.review_litigation.as_ref().unwrap().get(zfxxgk::report::ReviewGroup::Review).unwrap();
/// assert_eq!(review.value(zfxxgk::report::ReviewColumn::Total), Some(4));
/// assert_eq!(review.value(zfxxgk::report::ReviewColumn::Pending), None); // one report left it blank
/// assert_eq!(r.findings.len(), 1); // the county prints total 5
/// assert_eq!(r.findings[0].code.as_str(), "rollup.sum_mismatch");
/// ```
pub fn rollup(reports: &[Report], summary: Option<&Report>) -> Result<Rollup, Error> {
    let first = reports.first().ok_or(Error::RollupEmpty)?;
    let format = tables_format(first, Some(0))?;
    let mut year = first.year;
    let labelled = reports.iter().enumerate().map(|(i, r)| (Some(i), r));
    for (which, report) in labelled.chain(summary.map(|s| (None, s))) {
        let f = tables_format(report, which)?;
        if f != format {
            return Err(incompatible(
                "rollup.format_mixed",
                which,
                format!("格式为 {}，其他报告为 {}", f.key(), format.key()),
                format!("the layout is {}, the others' is {}", f.key(), format.key()),
            ));
        }
        match (year, report.year) {
            (Some(y), Some(ry)) if y != ry => {
                return Err(incompatible(
                    "rollup.year_mixed",
                    which,
                    format!("报告年度为 {ry}，其他报告为 {y}"),
                    format!("the report is for {ry}, the others for {y}"),
                ));
            }
            (None, Some(ry)) => year = Some(ry),
            _ => {}
        }
    }
    let sums = Report {
        format: Some(format),
        year,
        proactive: sum_proactive(reports, format)?,
        requests: sum_requests(reports, format)?,
        review_litigation: sum_review(reports)?,
        ..Report::default()
    };
    let findings = summary.map(|s| compare(&sums, s, format)).unwrap_or_default();
    Ok(Rollup { reports: reports.len(), sums, findings })
}

fn incompatible(code: &'static str, index: Option<usize>, zh: String, en: String) -> Error {
    let which = index.map_or_else(|| "summary".to_owned(), |i| format!("reports[{i}]"));
    Error::RollupIncompatible { code, which, index, zh, en }
}

/// The layout of a report that has tables; pre-2019 and unknown layouts cannot be summed.
fn tables_format(report: &Report, which: Option<usize>) -> Result<Format, Error> {
    match report.effective_format() {
        Some(f @ (Format::F2021 | Format::F2019)) => Ok(f),
        Some(Format::Pre2019) => Err(incompatible(
            "rollup.no_tables",
            which,
            "2019年以前格式的报告没有统一表格".to_owned(),
            "a pre-2019 report has no uniform tables".to_owned(),
        )),
        None => Err(incompatible(
            "rollup.no_tables",
            which,
            "无法判断报告格式（未注明格式与年度）".to_owned(),
            "the layout cannot be told (neither format nor year is given)".to_owned(),
        )),
    }
}

/// Adds the values exactly; `None` as soon as one is unknown.
fn sum_u64(values: impl IntoIterator<Item = Option<u64>>) -> Result<Option<u64>, Error> {
    let mut acc: u64 = 0;
    for v in values {
        let Some(v) = v else { return Ok(None) };
        acc = acc.checked_add(v).ok_or(Error::Overflow { what: "rollup sum" })?;
    }
    Ok(Some(acc))
}

fn sum_i64(values: impl IntoIterator<Item = Option<i64>>) -> Result<Option<i64>, Error> {
    let mut acc: i64 = 0;
    for v in values {
        let Some(v) = v else { return Ok(None) };
        acc = acc.checked_add(v).ok_or(Error::Overflow { what: "rollup sum" })?;
    }
    Ok(Some(acc))
}

fn sum_requests(reports: &[Report], format: Format) -> Result<Option<Requests>, Error> {
    let mut out = Requests::new();
    for row in RequestRow::of_format(format) {
        if !reports.iter().any(|r| r.requests.as_ref().is_some_and(|t| t.get(row).is_some())) {
            continue;
        }
        let mut counts = RequestCounts::new();
        for col in RequestColumn::ALL {
            let cells =
                reports.iter().map(|r| r.requests.as_ref().and_then(|t| t.get(row)).and_then(|c| c.value(*col)));
            counts.set(*col, sum_u64(cells)?);
        }
        out.set(row, Some(counts));
    }
    Ok((!out.is_empty()).then_some(out))
}

fn sum_review(reports: &[Report]) -> Result<Option<ReviewLitigation>, Error> {
    let mut out = ReviewLitigation::new();
    for group in ReviewGroup::ALL {
        if !reports.iter().any(|r| r.review_litigation.as_ref().is_some_and(|t| t.get(*group).is_some())) {
            continue;
        }
        let mut counts = ReviewCounts::new();
        for col in ReviewColumn::ALL {
            let cells = reports
                .iter()
                .map(|r| r.review_litigation.as_ref().and_then(|t| t.get(*group)).and_then(|c| c.value(*col)));
            counts.set(*col, sum_u64(cells)?);
        }
        out.set(*group, Some(counts));
    }
    Ok((!out.is_empty()).then_some(out))
}

/// A count cell of table 二: its row, column key and how to read and write it.
struct CountCell {
    row: ProactiveRow,
    column: &'static str,
    get: fn(&Proactive) -> Option<i64>,
    set: fn(&mut Proactive, Option<i64>),
}

/// An amount cell of table 二 (exact decimal).
struct AmountCell {
    row: ProactiveRow,
    column: &'static str,
    get: fn(&Proactive) -> Option<&Money>,
    set: fn(&mut Proactive, Option<Money>),
}

macro_rules! count {
    ($row:ident, $field:ident . $col:ident) => {
        CountCell {
            row: ProactiveRow::$row,
            column: stringify!($col),
            get: |p| p.$field.as_ref().and_then(|r| r.$col),
            set: |p, v| p.$field.get_or_insert_with(Default::default).$col = v,
        }
    };
}

macro_rules! amount {
    ($row:ident, $field:ident . $col:ident) => {
        AmountCell {
            row: ProactiveRow::$row,
            column: stringify!($col),
            get: |p| p.$field.as_ref().and_then(|r| r.$col.as_ref()),
            set: |p, v| p.$field.get_or_insert_with(Default::default).$col = v,
        }
    };
}

/// Table 二's count cells in F2021, in printed order.
const COUNTS_2021: &[CountCell] = &[
    count!(Regulations, regulations.issued),
    count!(Regulations, regulations.repealed),
    count!(Regulations, regulations.in_force),
    count!(NormativeDocuments, normative_documents.issued),
    count!(NormativeDocuments, normative_documents.repealed),
    count!(NormativeDocuments, normative_documents.in_force),
    count!(Licensing, licensing.decisions),
    count!(Punishment, punishment.decisions),
    count!(Coercion, coercion.decisions),
];

const AMOUNTS_2021: &[AmountCell] = &[amount!(Fees, fees.amount)];

/// Table 二's count cells in F2019, in printed order.
const COUNTS_2019: &[CountCell] = &[
    count!(Regulations, regulations.made),
    count!(Regulations, regulations.published),
    count!(Regulations, regulations.total_published),
    count!(NormativeDocuments, normative_documents.made),
    count!(NormativeDocuments, normative_documents.published),
    count!(NormativeDocuments, normative_documents.total_published),
    count!(Licensing, licensing.last_year),
    count!(Licensing, licensing.change),
    count!(Licensing, licensing.decisions),
    count!(OtherServices, other_services.last_year),
    count!(OtherServices, other_services.change),
    count!(OtherServices, other_services.decisions),
    count!(Punishment, punishment.last_year),
    count!(Punishment, punishment.change),
    count!(Punishment, punishment.decisions),
    count!(Coercion, coercion.last_year),
    count!(Coercion, coercion.change),
    count!(Coercion, coercion.decisions),
    count!(Fees, fees.last_year),
    count!(Fees, fees.change),
    count!(Procurement, procurement.projects),
];

const AMOUNTS_2019: &[AmountCell] = &[amount!(Procurement, procurement.amount)];

fn proactive_cells(format: Format) -> (&'static [CountCell], &'static [AmountCell]) {
    match format {
        Format::F2019 => (COUNTS_2019, AMOUNTS_2019),
        _ => (COUNTS_2021, AMOUNTS_2021),
    }
}

fn sum_proactive(reports: &[Report], format: Format) -> Result<Option<Proactive>, Error> {
    let (counts, amounts) = proactive_cells(format);
    let mut out = Proactive::default();
    let printed = |row: ProactiveRow| reports.iter().any(|r| table(r).is_some_and(|p| row.is_present(p)));
    fn table(r: &Report) -> Option<&Proactive> {
        r.proactive.as_ref()
    }
    for cell in counts.iter().filter(|c| printed(c.row)) {
        let sum = sum_i64(reports.iter().map(|r| table(r).and_then(cell.get)))?;
        (cell.set)(&mut out, sum);
    }
    for cell in amounts.iter().filter(|c| printed(c.row)) {
        let sum = sum_money(reports.iter().map(|r| table(r).and_then(cell.get)))?;
        (cell.set)(&mut out, sum);
    }
    Ok((out != Proactive::default()).then_some(out))
}

/// An amount as (mantissa, scale) brought to `scale` digits after the point.
fn rescale(m: &Money, scale: u32) -> Result<i128, Error> {
    let (mantissa, own) = m.parts();
    10i128
        .checked_pow(scale.saturating_sub(own))
        .and_then(|f| mantissa.checked_mul(f))
        .ok_or(Error::Overflow { what: "rollup amount" })
}

/// Adds amounts exactly, keeping the most decimals any of them prints; `None` if one is unknown.
fn sum_money<'a>(values: impl Iterator<Item = Option<&'a Money>> + Clone) -> Result<Option<Money>, Error> {
    let mut scale = 0;
    for v in values.clone() {
        let Some(m) = v else { return Ok(None) };
        scale = scale.max(m.parts().1);
    }
    let mut acc: i128 = 0;
    for m in values.flatten() {
        acc = acc.checked_add(rescale(m, scale)?).ok_or(Error::Overflow { what: "rollup amount" })?;
    }
    money(acc, scale).map(Some)
}

/// The decimal text of mantissa × 10^-scale.
fn money(mantissa: i128, scale: u32) -> Result<Money, Error> {
    let digits = mantissa.unsigned_abs().to_string();
    let width = scale as usize + 1;
    let digits = format!("{digits:0>width$}");
    let (int, frac) = digits.split_at(digits.len() - scale as usize);
    let sign = if mantissa < 0 { "-" } else { "" };
    let text = if scale == 0 { format!("{sign}{int}") } else { format!("{sign}{int}.{frac}") };
    text.parse()
}

/// Whether two amounts are the same number (`12.5` = `12.50`).
fn same_amount(a: &Money, b: &Money) -> bool {
    let scale = a.parts().1.max(b.parts().1);
    matches!((rescale(a, scale), rescale(b, scale)), (Ok(x), Ok(y)) if x == y)
}

fn mismatch(
    section: SectionKey,
    row: &'static str,
    column: &'static str,
    label: &str,
    sum: impl std::fmt::Display,
    found: impl std::fmt::Display,
) -> Finding {
    Finding::new(
        Code::RollupSumMismatch,
        format!("汇总报告{label}为 {found}，各报告之和为 {sum}"),
        format!("the summary report's {section}.{row}.{column} is {found}, the sum over the reports is {sum}"),
    )
    .at(section)
    .row(row)
    .column(column)
}

/// Every cell where the summary prints a number and it differs from the known sum, in table
/// order (二, 三, 四), rows and columns in printed order.
fn compare(sums: &Report, summary: &Report, format: Format) -> Vec<Finding> {
    let mut out = Vec::new();
    let (counts, amounts) = proactive_cells(format);
    let empty = Proactive::default();
    let (sum2, sum_p) = (sums.proactive.as_ref().unwrap_or(&empty), summary.proactive.as_ref());
    for cell in counts {
        if let (Some(s), Some(f)) = ((cell.get)(sum2), sum_p.and_then(cell.get)) {
            if s != f {
                let label = format!("表二“{}”行 {} 列", cell.row.label(format), cell.column);
                out.push(mismatch(SectionKey::Proactive, cell.row.key(), cell.column, &label, s, f).numbers(s, f));
            }
        }
    }
    for cell in amounts {
        if let (Some(s), Some(f)) = ((cell.get)(sum2), sum_p.and_then(cell.get)) {
            if !same_amount(s, f) {
                let label = format!("表二“{}”行 {} 列", cell.row.label(format), cell.column);
                out.push(
                    mismatch(SectionKey::Proactive, cell.row.key(), cell.column, &label, s, f)
                        .numbers(s.to_string(), f.to_string()),
                );
            }
        }
    }
    for row in RequestRow::of_format(format) {
        for col in RequestColumn::ALL {
            let cell = |r: &Report| r.requests.as_ref().and_then(|t| t.get(row)).and_then(|c| c.value(*col));
            if let (Some(s), Some(f)) = (cell(sums), cell(summary)) {
                if s != f {
                    let label = format!("表三“{}”行“{}”列", row.label(), col.label());
                    out.push(mismatch(SectionKey::Requests, row.key(), col.key(), &label, s, f).numbers(s, f));
                }
            }
        }
    }
    for group in ReviewGroup::ALL {
        for col in ReviewColumn::ALL {
            let cell =
                |r: &Report| r.review_litigation.as_ref().and_then(|t| t.get(*group)).and_then(|c| c.value(*col));
            if let (Some(s), Some(f)) = (cell(sums), cell(summary)) {
                if s != f {
                    let label = format!("表四“{}”组“{}”列", group.label(), col.label());
                    out.push(
                        mismatch(SectionKey::ReviewLitigation, group.key(), col.key(), &label, s, f).numbers(s, f),
                    );
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn amounts_add_exactly_at_the_widest_scale() {
        let m = |s: &str| s.parse::<Money>().unwrap();
        let (a, b, c) = (m("0.1"), m("0.25"), m("-3"));
        let sum = sum_money([Some(&a), Some(&b), Some(&c)].into_iter()).unwrap().unwrap();
        assert_eq!(sum.to_string(), "-2.65");
        assert_eq!(money(5, 3).unwrap().to_string(), "0.005");
        assert!(same_amount(&m("12.5"), &m("12.50")));
        assert!(!same_amount(&m("12.5"), &m("12.05")));
        assert_eq!(sum_money([Some(&a), None].into_iter()).unwrap(), None);
    }

    #[test]
    fn overflowing_counts_are_an_error_not_a_wrap() {
        assert_eq!(sum_u64([Some(u64::MAX), Some(1)]).unwrap_err().code(), "input.overflow");
    }
}
