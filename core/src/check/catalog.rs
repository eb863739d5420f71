//! The rule catalog: every finding code zfxxgk can emit (report checks and, in the `app.*` family,
//! the replay of an application), with its severity and what it means.
//! Codes are a public API (DOMAIN.md §2): never rename one; add new ones at the end of a family.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::finding::Severity;

macro_rules! catalog {
    ($($variant:ident = $code:literal, $severity:ident, $zh:literal, $en:literal;)+) => {
        /// A finding code.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        #[non_exhaustive]
        pub enum Code { $(#[doc = $code] $variant),+ }

        impl Code {
            /// Every code, in catalog order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The stable code string, e.g. `table3.balance`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),+ }
            }
            /// The severity every finding of this code carries.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity),+ }
            }
            /// What the rule checks, in Chinese.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $zh),+ }
            }
            /// What the rule checks, in English.
            pub fn summary_en(self) -> &'static str {
                match self { $(Code::$variant => $en),+ }
            }
            /// The code for a code string.
            pub fn from_code(s: &str) -> Option<Code> {
                match s { $($code => Some(Code::$variant),)+ _ => None }
            }
        }
    };
}

catalog! {
    Table3RowTotal = "table3.row_total", Error,
        "各列之和应等于总计", "every row: the applicant columns add up to the total";
    Table3HandledTotal = "table3.handled_total", Error,
        "（七）总计应等于各办理结果之和", "every column: total_handled is the sum of the result rows";
    Table3Balance = "table3.balance", Error,
        "勾稽关系：本年新收＋上年结转＝本年度办理结果总计＋结转下年度", "every column: received + carried_in = total_handled + carried_over";
    Table3BlankCell = "table3.blank_cell", Warning,
        "表三单元格空白", "a cell of table 三 printed blank";
    Table3MissingRow = "table3.missing_row", Error,
        "表三缺少本格式的行", "a row of the format is absent from table 三";
    Table3LayoutMixed = "table3.layout_mixed", Warning,
        "表三混用两种格式的行", "table 三 uses a row of the other format";
    Table4GroupTotal = "table4.group_total", Error,
        "表四各组：总计＝结果维持＋结果纠正＋其他结果＋尚未审结", "each group: total = upheld + corrected + other + pending";
    Table4BlankCell = "table4.blank_cell", Warning,
        "表四单元格空白", "a cell of table 四 printed blank";
    Table2Negative = "table2.negative", Error,
        "表二数值为负（仅2019格式“本年增/减”可为负）", "a negative figure in table 二 (only F2019 change may be negative)";
    Table2InForceBelowNet = "table2.in_force_below_net", Error,
        "现行有效件数不应小于本年制发件数减本年废止件数", "F2021: in_force ≥ issued − repealed";
    Table2MissingRow = "table2.missing_row", Warning,
        "表二缺少本格式的行", "a row of the format is absent from table 二";
    MetaPeriodInvalid = "meta.period_invalid", Error,
        "统计期限应为报告年度1月1日至12月31日", "the statistics period is not 1 January – 31 December of the report year";
    MetaPublishedLate = "meta.published_late", Warning,
        "年度报告逾期公布", "published after the legal deadline";
    MetaFormatOutdated = "meta.format_outdated", Warning,
        "报告格式不是该年度适用的格式", "the layout is not the one in force for the year";
    MetaYearMismatch = "meta.year_mismatch", Warning,
        "标题、统计期限与正文的年度不一致", "the years of the title, the period and the text disagree";
    DocSectionMissing = "doc.section_missing", Error,
        "缺少六个部分之一", "one of the six sections is absent";
    DocSectionOrder = "doc.section_order", Warning,
        "各部分顺序或编号有误", "sections out of order or misnumbered";
    DocNotAnnualReport = "doc.not_annual_report", Error,
        "该文件不是政府信息公开工作年度报告", "the document is not an annual report";
    DocPre2019Format = "doc.pre2019_format", Info,
        "2019年以前的报告格式：只检查元数据和正文", "a pre-2019 layout: only metadata and narrative checks apply";
    NarrativeCountMismatch = "narrative.count_mismatch", Warning,
        "正文所述数量与表格不一致", "a count stated in the text differs from the table";
    NarrativeContradiction = "narrative.contradiction", Warning,
        "正文称申请均已办结，但有结转下年度的申请", "the text says all applications were completed while some are carried over";
    NarrativeProblemsEmpty = "narrative.problems_empty", Warning,
        "第五部分（存在的主要问题及改进情况）为空或空泛", "section 五 is empty or a token sentence";
    CrossYearCarryMismatch = "cross_year.carry_mismatch", Error,
        "本年“上年结转”应等于上年“结转下年度”", "this year's carried_in equals last year's carried_over";
    CrossYearInForceMismatch = "cross_year.in_force_mismatch", Warning,
        "现行有效件数应等于上年现行有效件数＋本年制发－本年废止", "in_force = last year's in_force + issued − repealed";
    CrossYearTextDuplicated = "cross_year.text_duplicated", Warning,
        "与上年报告文字几乎相同", "a section nearly identical to last year's";
    AppCorrectionLate = "app.correction_late", Error,
        "补正告知晚于收到申请之日起7个工作日", "R2019: the correction is requested later than 7 working days after receipt";
    AppCorrectionRepeated = "app.correction_repeated", Error,
        "补正未一次性告知", "R2019: a correction requested more than once";
    AppExtensionInvalid = "app.extension_invalid", Error,
        "延长答复期限无效：再次延长、超过最长期限或期限届满后延长", "an extension that is a second one, too long, or after the period ended";
    AppReplyOverdue = "app.reply_overdue", Error,
        "答复逾期", "the reply is later than the reply deadline";
    AppLapseEarly = "app.lapse_early", Warning,
        "补正或缴费期限届满前即视为放弃或未缴费", "deemed abandoned or unpaid before the correction or payment period ended";
    RollupSumMismatch = "rollup.sum_mismatch", Warning,
        "汇总报告的数值不等于各报告之和", "a cell of the summary report differs from the sum over the reports";
    ParseAmbiguousDigits = "parse.ambiguous_digits", Warning,
        "连写的数字可有多种（或没有）符合表内算术的拆分，无法确定的单元格记为空白", "a digit run printed without separators reads several ways (or none) under the table's arithmetic; the undecidable cells are left blank";
    ParseCellsMissing = "parse.cells_missing", Warning,
        "该行印出的单元格少于表格列数，缺失位置不明，整行记为空白", "a row prints fewer cells than the table has columns; which are missing is unknown, so the row is left blank";
    ParseLabelVariant = "parse.label_variant", Info,
        "标签写法与标准不同（异体、错字），已按对应项读取", "a label printed in a variant or misspelt form, read as the standard item";
    ParseTableNotFound = "parse.table_not_found", Warning,
        "未能在正文中找到该表格", "the table could not be found in the text";
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        Code::from_code(&s).ok_or_else(|| serde::de::Error::custom(format_args!("unknown finding code `{s}`")))
    }
}

impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        schemars::json_schema!({"type": "string", "enum": codes})
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
