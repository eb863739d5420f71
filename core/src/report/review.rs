//! Table 四 — 行政复议、行政诉讼: three groups of five cells.

use super::keyed::{Key, Keyed, keys};

keys!(
    /// The groups of table 四.
    ReviewGroup, table: "ReviewLitigation", write_nulls: false, {
        Review = "review": "行政复议",
        LitigationDirect = "litigation_direct": "行政诉讼·未经复议直接起诉",
        LitigationAfterReview = "litigation_after_review": "行政诉讼·复议后起诉",
    }
);

keys!(
    /// The columns of each group of table 四.
    ReviewColumn, table: "ReviewCounts", write_nulls: true, {
        Upheld = "upheld": "结果维持",
        Corrected = "corrected": "结果纠正",
        Other = "other": "其他结果",
        Pending = "pending": "尚未审结",
        Total = "total": "总计",
    }
);

impl ReviewColumn {
    /// The four outcome columns that add up to 总计.
    pub const PARTS: [ReviewColumn; 4] =
        [ReviewColumn::Upheld, ReviewColumn::Corrected, ReviewColumn::Other, ReviewColumn::Pending];
}

/// One group's five cells; `None` = printed blank.
pub type ReviewCounts = Keyed<ReviewColumn, u64, 5>;

/// Table 四: present groups only.
pub type ReviewLitigation = Keyed<ReviewGroup, ReviewCounts, 3>;

/// The 15 cells in printed order (group by group), as they are usually printed on one row.
pub fn review_cells() -> impl Iterator<Item = (ReviewGroup, ReviewColumn)> {
    ReviewGroup::ALL.iter().flat_map(|g| ReviewColumn::ALL.iter().map(move |c| (*g, *c)))
}
