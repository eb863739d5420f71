//! Table 四 rules: each group's total, and blank cells. An absent group of a printed table is a
//! group of blank cells.

use super::{Code, Ctx, Finding, join, sum_all};
use crate::report::{Key, ReviewColumn, ReviewGroup, SectionKey};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(table) = ctx.report.review_litigation.as_ref() else { return };
    if !ctx.has_tables() {
        return;
    }
    for group in ReviewGroup::ALL {
        let cell = |col: ReviewColumn| table.get(*group).and_then(|g| g.value(col));
        for col in ReviewColumn::ALL {
            if cell(*col).is_none() {
                out.push(
                    Finding::new(
                        Code::Table4BlankCell,
                        join(&["表四“", group.label(), "”组“", col.label(), "”列空白"]),
                        join(&["table 四, group ", group.key(), ", column ", col.key(), ": the cell is blank"]),
                    )
                    .at(SectionKey::ReviewLitigation)
                    .row(group.key())
                    .column(col.key()),
                );
            }
        }
    }
    for group in ReviewGroup::ALL {
        let cell = |col: ReviewColumn| table.get(*group).and_then(|g| g.value(col));
        let parts = sum_all(ReviewColumn::PARTS.iter().map(|c| cell(*c)));
        if let (Some(sum), Some(total)) = (parts, cell(ReviewColumn::Total)) {
            if sum != u128::from(total) {
                out.push(
                    Finding::new(
                        Code::Table4GroupTotal,
                        format!("表四“{}”：维持、纠正、其他、尚未审结之和为 {sum}，总计为 {total}", group.label()),
                        format!(
                            "table 四, {}: upheld + corrected + other + pending = {sum}, the total says {total}",
                            group.key()
                        ),
                    )
                    .at(SectionKey::ReviewLitigation)
                    .row(group.key())
                    .column(ReviewColumn::Total.key())
                    .numbers(sum, total),
                );
            }
        }
    }
}
