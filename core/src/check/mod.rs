//! The rule catalog applied to a report: one small function per rule family, findings with
//! stable codes in a deterministic order (family order, then printed row and column order).

mod catalog;
mod cross_year;
mod doc;
mod finding;
mod meta;
mod narrative;
mod rules;
mod table2;
mod table3;
mod table4;

pub use catalog::Code;
pub use finding::{Finding, Location, Severity};
pub(crate) use meta::{names_the_report, report_name_year, title_year};
pub use rules::{FAMILIES, Rules};

use crate::error::Error;
use crate::report::{Format, Report};

/// What every rule family sees: the report, its layout, and last year's report if given.
pub(crate) struct Ctx<'a> {
    pub report: &'a Report,
    /// The layout (stated or inferred); `None` when nothing tells.
    pub format: Option<Format>,
    pub previous: Option<&'a Report>,
}

impl Ctx<'_> {
    /// Whether the table rules apply (not a pre-2019 free-form report).
    pub fn has_tables(&self) -> bool {
        self.format != Some(Format::Pre2019)
    }
}

type Family = fn(&Ctx, &mut Vec<Finding>);

/// The rule families by name, in the order their findings are listed.
const CHECKS: &[(&str, Family)] = &[
    ("doc", doc::check),
    ("meta", meta::check),
    ("table2", table2::check),
    ("table3", table3::check),
    ("table4", table4::check),
    ("narrative", narrative::check),
    ("cross_year", cross_year::check),
];

/// Checks a report (and, with `previous`, its consistency with last year's report).
///
/// Fails only when `previous` is not the report for the year before.
///
/// ```
/// use zfxxgk::{check_report, Report};
/// let report = Report::from_json(r#"{"format": "2021", "year": 2022,
///   "requests": {"received": {"natural_person": 5, "commercial": 0, "research": 0,
///     "social_welfare": 0, "legal_service": 0, "other": 0, "total": 6}}}"#).unwrap();
/// let findings = check_report(&report, None).unwrap();
/// assert!(findings.iter().any(|f| f.code.as_str() == "table3.row_total"));
/// ```
pub fn check_report(report: &Report, previous: Option<&Report>) -> Result<Vec<Finding>, Error> {
    check_report_with(report, previous, &Rules::all())
}

/// [`check_report`] running only the rules selected: the families not selected do not run, and
/// of the families selected by a code, only that code's findings are kept.
///
/// ```
/// use zfxxgk::check::{Rules, check_report_with};
/// let report = zfxxgk::Report::from_json(r#"{"format": "2021", "year": 2022,
///   "requests": {"received": {"natural_person": 5, "commercial": 0, "research": 0,
///     "social_welfare": 0, "legal_service": 0, "other": 0, "total": 6}}}"#)?;
/// let findings = check_report_with(&report, None, &Rules::only(["table3.row_total"])?)?;
/// assert_eq!(findings.iter().map(|f| f.code.as_str()).collect::<Vec<_>>(), ["table3.row_total"]);
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn check_report_with(report: &Report, previous: Option<&Report>, rules: &Rules) -> Result<Vec<Finding>, Error> {
    if let (Some(year), Some(prev_year)) = (report.year, previous.and_then(|p| p.year)) {
        let expected = year.saturating_sub(1);
        if prev_year != expected {
            return Err(Error::PreviousYearMismatch { previous: prev_year, expected });
        }
    }
    let ctx = Ctx { report, format: report.effective_format(), previous };
    let mut findings = Vec::new();
    for (name, family) in CHECKS {
        if rules.runs(name) {
            family(&ctx, &mut findings);
        }
    }
    if !rules.is_all() {
        findings.retain(|f| rules.keeps(f.code));
    }
    Ok(findings)
}

/// Whether any finding is an error (what makes `zfxxgk check` exit 1).
pub fn has_error(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// The pieces joined: the messages of blank cells, built once per blank cell of every report
/// (`format!` cost more than the rule itself).
pub(crate) fn join(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// Adds the values, exactly; `None` if any is absent (a blank cell makes a sum unknowable).
pub(crate) fn sum_all(values: impl IntoIterator<Item = Option<u64>>) -> Option<u128> {
    values.into_iter().try_fold(0u128, |acc, v| v.map(|v| acc + u128::from(v)))
}
