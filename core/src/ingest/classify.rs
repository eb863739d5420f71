//! Is this document an annual report at all? A 工作总结, a 自评报告, a compilation of several
//! documents or an empty page is not, whatever it says about disclosure. Decided from the title
//! (the body of a real report may well mention 工作总结), then from the report's structure.

/// Why a document is not an annual report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NotReport {
    Empty,
    Compilation,
    SelfAssessment,
    WorkSummary,
    NoStructure,
}

impl NotReport {
    pub fn key(self) -> &'static str {
        match self {
            NotReport::Empty => "empty",
            NotReport::Compilation => "compilation",
            NotReport::SelfAssessment => "self_assessment",
            NotReport::WorkSummary => "work_summary",
            NotReport::NoStructure => "no_report_structure",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            NotReport::Empty => "页面几乎没有正文（不足60个汉字）",
            NotReport::Compilation => "多篇文件的汇编",
            NotReport::SelfAssessment => "自评（自查）报告",
            NotReport::WorkSummary => "工作总结",
            NotReport::NoStructure => "既无年度报告标题，也无年度报告的各部分和表格",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            NotReport::Empty => "the page has almost no text (fewer than 60 Han characters)",
            NotReport::Compilation => "a compilation of several documents",
            NotReport::SelfAssessment => "a self-assessment report",
            NotReport::WorkSummary => "a work summary",
            NotReport::NoStructure => "neither an annual report's title nor its sections and tables",
        }
    }
}

/// Fewer Han characters than this is an empty page (a real report has thousands).
const MIN_HAN: usize = 60;

/// Classifies a document from its title (or opening text), the number of section headings
/// found and whether a table 三 was found.
pub(crate) fn classify(text: &str, title: Option<&str>, headings: usize, has_table: bool) -> Option<NotReport> {
    let han = text.chars().filter(|c| super::normalize::is_han(*c)).take(MIN_HAN).count();
    if han < MIN_HAN {
        return Some(NotReport::Empty);
    }
    let opening: String = text.chars().take(300).collect();
    let name = title.unwrap_or(&opening);
    if name.contains("汇编") || name.contains("合集") || (name.contains("篇") && name.contains('(')) {
        return Some(NotReport::Compilation);
    }
    if name.contains("自评报告") || name.contains("自查报告") || name.contains("自评") {
        return Some(NotReport::SelfAssessment);
    }
    let annual_title = name.contains("年度报告") || name.contains("年报") || name.contains("年度工作报告");
    if name.contains("工作总结") && !annual_title {
        return Some(NotReport::WorkSummary);
    }
    if !annual_title && headings < 3 && !has_table {
        return Some(NotReport::NoStructure);
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn kinds_of_documents() {
        let body = "政府信息公开".repeat(20);
        assert_eq!(classify("", None, 0, false), Some(NotReport::Empty));
        assert_eq!(
            classify(&body, Some("2022年乡镇政务公开工作总结汇编(14篇)"), 0, false),
            Some(NotReport::Compilation)
        );
        assert_eq!(
            classify(&body, Some("乡镇2020年政务公开示范点建设自评报告"), 6, false),
            Some(NotReport::SelfAssessment)
        );
        assert_eq!(classify(&body, Some("某局2022年政务公开工作总结"), 2, false), Some(NotReport::WorkSummary));
        assert_eq!(classify(&body, Some("某局2022年度政府信息公开工作年度报告"), 0, false), None);
        assert_eq!(classify(&body, None, 6, true), None);
        assert_eq!(classify(&body, None, 0, false), Some(NotReport::NoStructure));
    }
}
