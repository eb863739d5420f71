//! The ratios analysts quote from a report's tables 三 and 四. Each is `None` (JSON `null`) when
//! a cell it needs is blank or absent, or its denominator is 0: never a guess, never a division
//! by zero. Figures come from the `total` column (table 三) and the groups' cells (table 四) as
//! printed; run [`check_report`](crate::check_report) to know whether those add up.

use serde::Serialize;

use crate::report::{Report, RequestColumn, RequestRow, ReviewColumn, ReviewGroup};

/// The ratios of one report (or of a [`rollup`](crate::rollup)'s sums), each in [0, 1] for a
/// consistent table, or `None`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// 公开率: (granted + partially_granted) / total_handled.
    pub disclosure_rate: Option<f64>,
    /// 不掌握占比: unavailable_not_held / total_handled.
    pub not_held_share: Option<f64>,
    /// 结转占比: carried_over / (received + carried_in), the share of the year's workload left open.
    pub carried_over_share: Option<f64>,
    /// 行政复议纠错占比: review corrected / review total (pending cases included in the total).
    pub review_correction_share: Option<f64>,
    /// 行政诉讼纠错占比: corrected / total over both litigation groups (direct and after review).
    pub litigation_correction_share: Option<f64>,
}

/// The ratios of `report`.
///
/// ```
/// use zfxxgk::{Report, report_metrics};
/// let r = Report::from_json(r#"{"format": "2021", "year": 2024, "requests": {
///   "granted": {"natural_person": 3, "commercial": 0, "research": 0, "social_welfare": 0, "legal_service": 0, "other": 0, "total": 3},
///   "total_handled": {"natural_person": 4, "commercial": 0, "research": 0, "social_welfare": 0, "legal_service": 0, "other": 0, "total": 4}}}"#).unwrap();
/// let m = report_metrics(&r);
/// assert_eq!(m.disclosure_rate, None); // partially_granted is absent
/// assert_eq!(m.not_held_share, None);
/// assert_eq!(report_metrics(&Report::default()), zfxxgk::Metrics::default());
/// ```
pub fn report_metrics(report: &Report) -> Metrics {
    let req =
        |row: RequestRow| report.requests.as_ref().and_then(|t| t.get(row)).and_then(|c| c.value(RequestColumn::Total));
    let rev = |group: ReviewGroup, col: ReviewColumn| {
        report.review_litigation.as_ref().and_then(|t| t.get(group)).and_then(|c| c.value(col))
    };
    let add = |a: Option<u64>, b: Option<u64>| Some(u128::from(a?) + u128::from(b?));
    let handled = req(RequestRow::TotalHandled).map(u128::from);
    let litigation = |col| add(rev(ReviewGroup::LitigationDirect, col), rev(ReviewGroup::LitigationAfterReview, col));
    Metrics {
        disclosure_rate: ratio(add(req(RequestRow::Granted), req(RequestRow::PartiallyGranted)), handled),
        not_held_share: ratio(req(RequestRow::UnavailableNotHeld).map(u128::from), handled),
        carried_over_share: ratio(
            req(RequestRow::CarriedOver).map(u128::from),
            add(req(RequestRow::Received), req(RequestRow::CarriedIn)),
        ),
        review_correction_share: ratio(
            rev(ReviewGroup::Review, ReviewColumn::Corrected).map(u128::from),
            rev(ReviewGroup::Review, ReviewColumn::Total).map(u128::from),
        ),
        litigation_correction_share: ratio(litigation(ReviewColumn::Corrected), litigation(ReviewColumn::Total)),
    }
}

/// numerator / denominator as the nearest f64 (correctly rounded: both are below 2^53 in any
/// real table), `None` when either is unknown or the denominator is 0.
fn ratio(numerator: Option<u128>, denominator: Option<u128>) -> Option<f64> {
    let (n, d) = (numerator?, denominator?);
    if d == 0 {
        return None;
    }
    // Counts above 2^53 lose precision in f64; the quotient is then still within an ulp or two.
    #[allow(clippy::cast_precision_loss)]
    Some(n as f64 / d as f64)
}
