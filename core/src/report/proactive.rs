//! Table 二 — 主动公开政府信息情况 (条例第二十条 items). The rows carry the columns of both
//! formats; a report fills those of its layout, and a mixed layout is read as printed.

use schemars::JsonSchema;
use serde::Serialize;

use super::Format;
use super::money::Money;

/// 规章 / (行政)规范性文件: F2021 issued / repealed / in_force; F2019 made / published / total_published.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentCounts {
    /// 本年制发件数 (F2021)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<i64>,
    /// 本年废止件数 (F2021)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repealed: Option<i64>,
    /// 现行有效件数 (F2021)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_force: Option<i64>,
    /// 本年新制作数量 (F2019)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made: Option<i64>,
    /// 本年新公开数量 (F2019)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<i64>,
    /// 对外公开总数量 (F2019)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_published: Option<i64>,
}

/// 行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionCounts {
    /// 本年处理决定数量 (F2021) / 处理决定数量 (F2019)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decisions: Option<i64>,
    /// 上一年项目数量 (F2019)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year: Option<i64>,
    /// 本年增/减 (F2019, signed)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<i64>,
}

/// 行政事业性收费.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeCounts {
    /// 本年收费金额（单位：万元） (F2021)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// 上一年项目数量 (F2019)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year: Option<i64>,
    /// 本年增/减 (F2019, signed)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<i64>,
}

/// 政府集中采购 (F2019).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProcurementCounts {
    /// 采购项目数量
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub projects: Option<i64>,
    /// 采购总金额
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
}

/// Table 二. An absent row is `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Proactive {
    /// 规章
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulations: Option<DocumentCounts>,
    /// 行政规范性文件 (F2021) / 规范性文件 (F2019)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub normative_documents: Option<DocumentCounts>,
    /// 行政许可
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensing: Option<DecisionCounts>,
    /// 其他对外管理服务事项 (F2019)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other_services: Option<DecisionCounts>,
    /// 行政处罚
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub punishment: Option<DecisionCounts>,
    /// 行政强制
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coercion: Option<DecisionCounts>,
    /// 行政事业性收费
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees: Option<FeeCounts>,
    /// 政府集中采购 (F2019)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procurement: Option<ProcurementCounts>,
}

/// The rows of table 二, for naming them in findings and listing those of a format.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ProactiveRow {
    /// 规章
    Regulations,
    /// 行政规范性文件 / 规范性文件
    NormativeDocuments,
    /// 行政许可
    Licensing,
    /// 其他对外管理服务事项 (F2019)
    OtherServices,
    /// 行政处罚
    Punishment,
    /// 行政强制
    Coercion,
    /// 行政事业性收费
    Fees,
    /// 政府集中采购 (F2019)
    Procurement,
}

impl ProactiveRow {
    /// Every row, in printed order.
    pub const ALL: [ProactiveRow; 8] = [
        ProactiveRow::Regulations,
        ProactiveRow::NormativeDocuments,
        ProactiveRow::Licensing,
        ProactiveRow::OtherServices,
        ProactiveRow::Punishment,
        ProactiveRow::Coercion,
        ProactiveRow::Fees,
        ProactiveRow::Procurement,
    ];

    /// The JSON key.
    pub fn key(self) -> &'static str {
        match self {
            ProactiveRow::Regulations => "regulations",
            ProactiveRow::NormativeDocuments => "normative_documents",
            ProactiveRow::Licensing => "licensing",
            ProactiveRow::OtherServices => "other_services",
            ProactiveRow::Punishment => "punishment",
            ProactiveRow::Coercion => "coercion",
            ProactiveRow::Fees => "fees",
            ProactiveRow::Procurement => "procurement",
        }
    }

    /// The printed label in the given format.
    pub fn label(self, format: Format) -> &'static str {
        match (self, format) {
            (ProactiveRow::Regulations, _) => "规章",
            (ProactiveRow::NormativeDocuments, Format::F2019) => "规范性文件",
            (ProactiveRow::NormativeDocuments, _) => "行政规范性文件",
            (ProactiveRow::Licensing, _) => "行政许可",
            (ProactiveRow::OtherServices, _) => "其他对外管理服务事项",
            (ProactiveRow::Punishment, _) => "行政处罚",
            (ProactiveRow::Coercion, _) => "行政强制",
            (ProactiveRow::Fees, _) => "行政事业性收费",
            (ProactiveRow::Procurement, _) => "政府集中采购",
        }
    }

    /// Whether the format's table 二 has this row.
    pub fn in_format(self, format: Format) -> bool {
        match format {
            Format::F2021 => !matches!(self, ProactiveRow::OtherServices | ProactiveRow::Procurement),
            Format::F2019 => true,
            Format::Pre2019 => false,
        }
    }

    /// Whether the row is present in `proactive`.
    pub fn is_present(self, p: &Proactive) -> bool {
        match self {
            ProactiveRow::Regulations => p.regulations.is_some(),
            ProactiveRow::NormativeDocuments => p.normative_documents.is_some(),
            ProactiveRow::Licensing => p.licensing.is_some(),
            ProactiveRow::OtherServices => p.other_services.is_some(),
            ProactiveRow::Punishment => p.punishment.is_some(),
            ProactiveRow::Coercion => p.coercion.is_some(),
            ProactiveRow::Fees => p.fees.is_some(),
            ProactiveRow::Procurement => p.procurement.is_some(),
        }
    }
}

impl Proactive {
    /// The two document rows with their keys (for the F2021 in-force rules).
    pub fn document_rows(&self) -> [(ProactiveRow, Option<&DocumentCounts>); 2] {
        [
            (ProactiveRow::Regulations, self.regulations.as_ref()),
            (ProactiveRow::NormativeDocuments, self.normative_documents.as_ref()),
        ]
    }

    /// Every count cell that is printed, as (row, column key, value).
    pub fn counts(&self) -> Vec<(ProactiveRow, &'static str, i64)> {
        let mut out = Vec::new();
        let mut push = |row, col, v: Option<i64>| {
            if let Some(v) = v {
                out.push((row, col, v));
            }
        };
        for (row, d) in self.document_rows() {
            if let Some(d) = d {
                push(row, "issued", d.issued);
                push(row, "repealed", d.repealed);
                push(row, "in_force", d.in_force);
                push(row, "made", d.made);
                push(row, "published", d.published);
                push(row, "total_published", d.total_published);
            }
        }
        for (row, d) in [
            (ProactiveRow::Licensing, &self.licensing),
            (ProactiveRow::OtherServices, &self.other_services),
            (ProactiveRow::Punishment, &self.punishment),
            (ProactiveRow::Coercion, &self.coercion),
        ] {
            if let Some(d) = d {
                push(row, "decisions", d.decisions);
                push(row, "last_year", d.last_year);
                push(row, "change", d.change);
            }
        }
        if let Some(f) = &self.fees {
            push(ProactiveRow::Fees, "last_year", f.last_year);
            push(ProactiveRow::Fees, "change", f.change);
        }
        if let Some(p) = &self.procurement {
            push(ProactiveRow::Procurement, "projects", p.projects);
        }
        out
    }

    /// Every printed amount, as (row, column key, amount).
    pub fn amounts(&self) -> Vec<(ProactiveRow, &'static str, &Money)> {
        let mut out = Vec::new();
        if let Some(m) = self.fees.as_ref().and_then(|f| f.amount.as_ref()) {
            out.push((ProactiveRow::Fees, "amount", m));
        }
        if let Some(m) = self.procurement.as_ref().and_then(|p| p.amount.as_ref()) {
            out.push((ProactiveRow::Procurement, "amount", m));
        }
        out
    }
}

super::object::strict_object!(DocumentCounts { issued, repealed, in_force, made, published, total_published });
super::object::strict_object!(DecisionCounts { decisions, last_year, change });
super::object::strict_object!(FeeCounts { amount, last_year, change });
super::object::strict_object!(ProcurementCounts { projects, amount });
super::object::strict_object!(Proactive {
    regulations,
    normative_documents,
    licensing,
    other_services,
    punishment,
    coercion,
    fees,
    procurement
});
