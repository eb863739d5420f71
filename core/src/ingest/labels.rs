//! The printed labels of table 三's rows as they are found in real reports: a distinctive core
//! of each label (the rest varies in punctuation and wording), the row's arabic numbering, and
//! the known misprints and variants, which map to their key and are reported.

use crate::report::RequestRow;

/// How to find one row's label.
pub(crate) struct RowLabel {
    pub row: RequestRow,
    /// The arabic number printed before the label (`2.其他法律…`), glued to the previous row's
    /// digits in flattened text; `None` when the label has none or the core includes it.
    pub number: Option<u8>,
    /// Distinctive parts of the label, any of which identifies the row (whitespace removed,
    /// after normalization: ASCII parentheses and commas).
    pub cores: &'static [&'static str],
}

const fn l(row: RequestRow, number: Option<u8>, cores: &'static [&'static str]) -> RowLabel {
    RowLabel { row, number, cores }
}

/// The rows in printed order: F2019's single （六）其他处理 stands where F2021 prints the group
/// header of its three （六） rows; the reader tells the two apart by what follows.
pub(crate) const TABLE3_LABELS: &[RowLabel] = {
    use RequestRow::*;
    &[
        l(Received, None, &["本年新收"]),
        l(CarriedIn, None, &["上年结转"]),
        l(Granted, None, &["予以公开"]),
        l(PartiallyGranted, None, &["部分公开"]),
        l(DeniedStateSecret, Some(1), &["国家秘密"]),
        l(DeniedProhibited, Some(2), &["禁止公开", "行政止公开", "法规禁止"]),
        l(DeniedSecurity, Some(3), &["三安全一稳定", "危及"]),
        l(DeniedThirdParty, Some(4), &["第三方合法权益", "保护第三方"]),
        l(DeniedInternal, Some(5), &["内部事务"]),
        l(DeniedProcess, Some(6), &["过程性信息"]),
        l(DeniedEnforcement, Some(7), &["行政执法案"]),
        l(DeniedQuery, Some(8), &["行政查询"]),
        l(UnavailableNotHeld, Some(1), &["不掌握"]),
        l(UnavailableNeedsCreation, Some(2), &["另行制作", "没有现成"]),
        l(UnavailableUnclear, Some(3), &["仍不明确", "补正后申请"]),
        l(RejectedPetition, Some(1), &["信访举报", "投诉类申请"]),
        l(RejectedRepeat, Some(2), &["重复申请"]),
        l(RejectedPublication, Some(3), &["公开出版物"]),
        l(RejectedExcessive, Some(4), &["大量反复", "无正当理由大量"]),
        l(RejectedConfirmation, Some(5), &["重新出具", "确认或重"]),
        l(Other, None, &["(六)其他处理"]),
        l(OtherNoCorrection, Some(1), &["逾期不补正"]),
        l(OtherFeeUnpaid, Some(2), &["缴纳费用", "收费通知"]),
        l(OtherMisc, None, &["3.其他", "3、其他", "3,其他", "3．其他"]),
        l(TotalHandled, None, &["(七)总计", "七)总计"]),
        l(CarriedOver, None, &["结转下年度"]),
    ]
};

/// Where table 三 ends and table 四 begins: the section heading (also misprinted 行政法复议).
pub(crate) const TABLE4_HEADINGS: &[&str] = &[
    "行政复议、行政诉讼",
    "行政复议,行政诉讼",
    "行政复议和行政诉讼",
    "行政复议与行政诉讼",
    "行政复议及行政诉讼",
    "行政法复议",
    "行政复议行政诉讼",
];

/// Known variants and misprints of the domain's labels seen in published reports: the printed
/// form, the standard form, and the key it stands for. Each is reported (`parse.label_variant`).
pub(crate) const VARIANTS: &[(&str, &str, &str)] = &[
    ("钩稽", "勾稽", "balance"),
    ("其他法律和行政法规禁止公开", "其他法律行政法规禁止公开", "denied_prohibited"),
    ("其他法律行政止公开", "其他法律行政法规禁止公开", "denied_prohibited"),
    ("不再受理", "不再处理", "other_no_correction"),
    ("行政执法案件", "行政执法案卷", "denied_enforcement"),
    ("先行有效件数", "现行有效件数", "in_force"),
    ("行政法复议", "行政复议", "review"),
    ("本年废纸件数", "本年废止件数", "repealed"),
    ("不子公开", "不予公开", "denied"),
    ("本公开数量", "本年新公开数量", "published"),
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use crate::report::Key;

    #[test]
    fn every_row_has_a_label_once() {
        for row in RequestRow::ALL {
            assert_eq!(TABLE3_LABELS.iter().filter(|l| l.row == *row).count(), 1, "{row:?}");
        }
        // Cores are normalized forms: no full-width parentheses or commas.
        for l in TABLE3_LABELS {
            for c in l.cores {
                assert!(!c.contains(['（', '）', '，']), "{}: {c}", l.row.key());
            }
        }
    }
}
