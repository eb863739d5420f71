//! The report schema: metadata, the six sections and tables 二 三 四, in both official formats
//! (F2019, F2021). The serde form is the Report JSON contract of DESIGN.md.

pub(crate) mod keyed;
mod money;
pub(crate) mod object;
mod proactive;
mod requests;
mod review;
mod sections;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;

pub use keyed::{Key, Keyed};
pub use money::Money;
pub use proactive::{DecisionCounts, DocumentCounts, FeeCounts, Proactive, ProactiveRow, ProcurementCounts};
pub use requests::{OTHER_ROWS_2021, RequestColumn, RequestCounts, RequestGroup, RequestRow, Requests};
pub use review::{ReviewColumn, ReviewCounts, ReviewGroup, ReviewLitigation, review_cells};
pub use sections::{Headings, SectionKey, Sections};

/// The report layout: 国办公开办函〔2021〕30号, 〔2019〕60号, or the pre-2019 free form (R2007).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, JsonSchema)]
pub enum Format {
    /// 国办公开办函〔2021〕30号: reports for 2021 onward.
    #[serde(rename = "2021")]
    F2021,
    /// 国办公开办函〔2019〕60号: reports for 2019 and 2020.
    #[serde(rename = "2019")]
    F2019,
    /// Reports for 2018 and earlier (R2007 第三十二条): no uniform tables.
    #[serde(rename = "pre2019")]
    Pre2019,
}

impl Format {
    /// The JSON value: `"2021"`, `"2019"` or `"pre2019"`.
    pub fn key(self) -> &'static str {
        match self {
            Format::F2021 => "2021",
            Format::F2019 => "2019",
            Format::Pre2019 => "pre2019",
        }
    }

    /// The layout in force for reports on `year`: F2021 from 2021, F2019 for 2019–2020.
    pub fn in_force_for(year: i32) -> Format {
        match year {
            ..=2018 => Format::Pre2019,
            2019 | 2020 => Format::F2019,
            _ => Format::F2021,
        }
    }
}

/// The issuing body's kind: a department (including 乡镇 / 街道 / 片区) or a local government's own
/// summary report. It sets the publication deadline.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganKind {
    /// A government department, including 乡镇 / 街道 / 片区 level bodies: deadline 31 January.
    Department,
    /// A local government's own summary report: deadline 31 March.
    Government,
}

impl OrganKind {
    /// The kind a body's name shows, when it shows one: a 人民政府 above township level is a
    /// government; a department, an office, or a township-level body (乡 / 镇 / 街道 / 片区) is a
    /// department. Other names (管委会, …) tell nothing.
    ///
    /// ```
    /// use zfxxgk::OrganKind;
    /// assert_eq!(OrganKind::from_organ_name("沭阳县人民政府"), Some(OrganKind::Government));
    /// assert_eq!(OrganKind::from_organ_name("三封寺镇人民政府"), Some(OrganKind::Department));
    /// assert_eq!(OrganKind::from_organ_name("上海市人民政府办公厅"), Some(OrganKind::Department));
    /// assert_eq!(OrganKind::from_organ_name("示例县自然资源局"), Some(OrganKind::Department));
    /// assert_eq!(OrganKind::from_organ_name("示例区管委会"), None);
    /// ```
    pub fn from_organ_name(name: &str) -> Option<OrganKind> {
        const TOWNSHIP: [&str; 5] = ["乡", "镇", "街道", "片区", "苏木"];
        const DEPARTMENT_ENDINGS: [&str; 22] = [
            "局",
            "委员会",
            "委",
            "办公室",
            "办公厅",
            "办",
            "厅",
            "中心",
            "所",
            "院",
            "署",
            "部",
            "处",
            "站",
            "队",
            "乡",
            "镇",
            "街道",
            "街道办事处",
            "片区管理局",
            "馆",
            "室",
        ];
        let name = name.trim();
        if let Some(place) = name.strip_suffix("人民政府").or_else(|| name.strip_suffix("政府")) {
            if place.is_empty() {
                return None;
            }
            let township = TOWNSHIP.iter().any(|t| place.ends_with(t));
            return Some(if township { OrganKind::Department } else { OrganKind::Government });
        }
        DEPARTMENT_ENDINGS.iter().any(|e| name.ends_with(e)).then_some(OrganKind::Department)
    }
}

/// 统计期限, as stated.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// The first day stated.
    #[serde(default)]
    pub start: Option<Date>,
    /// The last day stated.
    #[serde(default)]
    pub end: Option<Date>,
}

/// One 政府信息公开工作年度报告. Unknown metadata is `None`; a blank cell is `None`.
///
/// ```
/// let r = zfxxgk::Report::from_json(r#"{"format": "2021", "year": 2022}"#).unwrap();
/// assert_eq!(r.year, Some(2022));
/// let e = zfxxgk::Report::from_json(r#"{"format": "2021", "yaer": 2022}"#).unwrap_err();
/// assert_eq!(e.code(), "json.unknown_key");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "政府信息公开工作年度报告 / Government information disclosure annual report")]
pub struct Report {
    /// 格式 / the layout: "2021", "2019" or "pre2019"
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// 报告年度 / the year reported on
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// 标题 / the printed title
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// 发布机构 / the issuing body
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organ: Option<String>,
    /// 机构类别 / department or government
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organ_kind: Option<OrganKind>,
    /// 索引号 / index number
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index_no: Option<String>,
    /// 统计期限 / statistics period
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// 公开日期 / publication date
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Date>,
    /// 正文各部分 / section texts in printed order
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sections: Option<Sections>,
    /// 各部分标题（如印刷）/ section headings as printed
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headings: Option<Headings>,
    /// 表二 主动公开 / table 二
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proactive: Option<Proactive>,
    /// 表三 依申请公开 / table 三
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requests: Option<Requests>,
    /// 表四 行政复议、行政诉讼 / table 四
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_litigation: Option<ReviewLitigation>,
}

object::strict_object!(Period { start, end });
object::strict_object!(Report {
    format,
    year,
    title,
    organ,
    organ_kind,
    index_no,
    period,
    published,
    sections,
    headings,
    proactive,
    requests,
    review_litigation
});

impl Report {
    /// The layout: as stated, else inferred from the tables' rows, else the one in force for the
    /// year. `None` when nothing tells.
    pub fn effective_format(&self) -> Option<Format> {
        if self.format.is_some() {
            return self.format;
        }
        if let Some(req) = &self.requests {
            let has_2021 = OTHER_ROWS_2021.iter().any(|r| req.get(*r).is_some());
            let has_2019 = req.get(RequestRow::Other).is_some();
            match (has_2021, has_2019) {
                (true, false) => return Some(Format::F2021),
                (false, true) => return Some(Format::F2019),
                _ => {}
            }
        }
        self.year.map(Format::in_force_for)
    }
}

impl Report {
    /// Reads a report from the Report JSON contract. Unknown keys, wrong types, negative or
    /// out-of-range counts, invalid dates and amounts are errors naming the JSON path.
    pub fn from_json(text: &str) -> Result<Report, crate::Error> {
        crate::json::from_json_str(text)
    }

    /// The report in the Report JSON contract.
    pub fn to_json(&self) -> String {
        // Serializing these types cannot fail: every map key is a string.
        serde_json::to_string(self).unwrap_or_default()
    }
}
