//! Table 三 — 收到和处理政府信息公开申请情况: rows × applicant columns, in both formats.

use super::Format;
use super::keyed::{Key, Keyed, keys};

keys!(
    /// The columns of table 三: the applicant kinds, then 总计.
    RequestColumn, table: "RequestCounts", write_nulls: true, {
        NaturalPerson = "natural_person": "自然人",
        Commercial = "commercial": "商业企业",
        Research = "research": "科研机构",
        SocialWelfare = "social_welfare": "社会公益组织",
        LegalService = "legal_service": "法律服务机构",
        Other = "other": "其他",
        Total = "total": "总计",
    }
);

impl RequestColumn {
    /// The six applicant kinds (every column but 总计).
    pub const APPLICANTS: [RequestColumn; 6] = [
        RequestColumn::NaturalPerson,
        RequestColumn::Commercial,
        RequestColumn::Research,
        RequestColumn::SocialWelfare,
        RequestColumn::LegalService,
        RequestColumn::Other,
    ];
}

keys!(
    /// The data rows of table 三, in printed order (F2021's three （六） rows, then F2019's single one).
    RequestRow, table: "Requests", write_nulls: false, {
        Received = "received": "一、本年新收政府信息公开申请数量",
        CarriedIn = "carried_in": "二、上年结转政府信息公开申请数量",
        Granted = "granted": "（一）予以公开",
        PartiallyGranted = "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        DeniedStateSecret = "denied_state_secret": "1.属于国家秘密",
        DeniedProhibited = "denied_prohibited": "2.其他法律行政法规禁止公开",
        DeniedSecurity = "denied_security": "3.危及“三安全一稳定”",
        DeniedThirdParty = "denied_third_party": "4.保护第三方合法权益",
        DeniedInternal = "denied_internal": "5.属于三类内部事务信息",
        DeniedProcess = "denied_process": "6.属于四类过程性信息",
        DeniedEnforcement = "denied_enforcement": "7.属于行政执法案卷",
        DeniedQuery = "denied_query": "8.属于行政查询事项",
        UnavailableNotHeld = "unavailable_not_held": "1.本机关不掌握相关政府信息",
        UnavailableNeedsCreation = "unavailable_needs_creation": "2.没有现成信息需要另行制作",
        UnavailableUnclear = "unavailable_unclear": "3.补正后申请内容仍不明确",
        RejectedPetition = "rejected_petition": "1.信访举报投诉类申请",
        RejectedRepeat = "rejected_repeat": "2.重复申请",
        RejectedPublication = "rejected_publication": "3.要求提供公开出版物",
        RejectedExcessive = "rejected_excessive": "4.无正当理由大量反复申请",
        RejectedConfirmation = "rejected_confirmation": "5.要求行政机关确认或重新出具已获取信息",
        OtherNoCorrection = "other_no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        OtherFeeUnpaid = "other_fee_unpaid": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        OtherMisc = "other_misc": "3.其他",
        Other = "other": "（六）其他处理",
        TotalHandled = "total_handled": "（七）总计",
        CarriedOver = "carried_over": "四、结转下年度继续办理",
    }
);

/// The group header a row is printed under (row-spanning, not a subtotal row).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RequestGroup {
    /// 三、本年度办理结果
    Results,
    /// （三）不予公开
    Denied,
    /// （四）无法提供
    Unavailable,
    /// （五）不予处理
    Rejected,
    /// （六）其他处理 (F2021, with three rows)
    OtherHandling,
}

impl RequestGroup {
    /// The printed group header.
    pub fn label(self) -> &'static str {
        match self {
            RequestGroup::Results => "三、本年度办理结果",
            RequestGroup::Denied => "（三）不予公开",
            RequestGroup::Unavailable => "（四）无法提供",
            RequestGroup::Rejected => "（五）不予处理",
            RequestGroup::OtherHandling => "（六）其他处理",
        }
    }
}

/// F2021's three （六） rows, which F2019 prints as the single row `other`.
pub const OTHER_ROWS_2021: [RequestRow; 3] =
    [RequestRow::OtherNoCorrection, RequestRow::OtherFeeUnpaid, RequestRow::OtherMisc];

impl RequestRow {
    /// Whether the row is a result (an outcome of handling: granted … other_misc / other).
    pub fn is_result(self) -> bool {
        let i = self.index();
        i >= RequestRow::Granted.index() && i <= RequestRow::Other.index()
    }

    /// Whether the row belongs to the given format's table (pre2019 has no table 三).
    pub fn in_format(self, format: Format) -> bool {
        match format {
            Format::F2021 => self != RequestRow::Other,
            Format::F2019 => !OTHER_ROWS_2021.contains(&self),
            Format::Pre2019 => false,
        }
    }

    /// The row's group headers, outermost first.
    pub fn groups(self) -> &'static [RequestGroup] {
        use RequestGroup::*;
        use RequestRow::*;
        match self {
            Received | CarriedIn | TotalHandled | CarriedOver => &[],
            Granted | PartiallyGranted | Other => &[Results],
            DeniedStateSecret | DeniedProhibited | DeniedSecurity | DeniedThirdParty | DeniedInternal
            | DeniedProcess | DeniedEnforcement | DeniedQuery => &[Results, Denied],
            UnavailableNotHeld | UnavailableNeedsCreation | UnavailableUnclear => &[Results, Unavailable],
            RejectedPetition | RejectedRepeat | RejectedPublication | RejectedExcessive | RejectedConfirmation => {
                &[Results, Rejected]
            }
            OtherNoCorrection | OtherFeeUnpaid | OtherMisc => &[Results, OtherHandling],
        }
    }

    /// The rows of a format, in printed order.
    pub fn of_format(format: Format) -> impl Iterator<Item = RequestRow> {
        RequestRow::ALL.iter().copied().filter(move |r| r.in_format(format))
    }
}

/// One row of table 三: a count per column; `None` = printed blank.
pub type RequestCounts = Keyed<RequestColumn, u64, 7>;

/// Table 三: present rows only; an absent row is `None`.
pub type Requests = Keyed<RequestRow, RequestCounts, 26>;

impl RequestCounts {
    /// A row with every cell filled: the six applicant counts and their total.
    ///
    /// ```
    /// use zfxxgk::report::{RequestCounts, RequestColumn};
    /// let row = RequestCounts::from_applicants([3, 1, 0, 0, 0, 0]);
    /// assert_eq!(row.value(RequestColumn::Total), Some(4));
    /// ```
    pub fn from_applicants(counts: [u64; 6]) -> RequestCounts {
        let mut row = RequestCounts::new();
        let mut total: u64 = 0;
        for (col, n) in RequestColumn::APPLICANTS.iter().zip(counts) {
            row.set(*col, Some(n));
            total = total.saturating_add(n);
        }
        row.set(RequestColumn::Total, Some(total));
        row
    }
}
