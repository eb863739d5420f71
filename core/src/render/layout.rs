//! The official layout as data, shared by the three writers: the title, the metadata block, the
//! statistics-period sentence, the six sections with their headings, tables 二 三 四 as grids of
//! cells (with the row- and column-spanning header cells of the published forms), and the
//! publication line. Labels come from the report module (row labels, headings), so the layout
//! and the parser read the same words.

use crate::date::Date;
use crate::report::{
    DecisionCounts, DocumentCounts, Format, Key, OrganKind, Proactive, ProactiveRow, Report, RequestColumn,
    RequestGroup, RequestRow, Requests, ReviewColumn, ReviewGroup, ReviewLitigation, SectionKey, review_cells,
};

/// The note printed over table 三 (its 勾稽 relation).
pub const BALANCE_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// Table captions (HTML): each starts with `表二：` … so that a reader can tell the caption from
/// the section's text.
pub const CAPTIONS: [&str; 3] =
    ["表二：主动公开政府信息情况", "表三：收到和处理政府信息公开申请情况", "表四：政府信息公开行政复议、行政诉讼情况"];

/// The sentence naming the layout's basis, as reports open: the format notice (F2021, F2019) or
/// the regulation of 2007 (pre-2019 reports). The parser reads the format from it when the
/// tables do not show one.
pub fn basis(format: Format) -> &'static str {
    match format {
        Format::F2021 => {
            "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。"
        }
        Format::F2019 => {
            "本报告根据《中华人民共和国政府信息公开条例》和《政府信息公开工作年度报告格式》（国办公开办函〔2019〕60号）要求编制。"
        }
        Format::Pre2019 => "本报告根据《中华人民共和国政府信息公开条例》（国务院令第492号）要求编制。",
    }
}

/// The metadata field naming the body's kind (the parser reads it back).
pub const ORGAN_KIND_FIELD: &str = "机构类别";

/// How the body's kind is printed.
pub fn organ_kind_label(kind: OrganKind) -> &'static str {
    match kind {
        OrganKind::Department => "部门",
        OrganKind::Government => "本级政府",
    }
}

/// What a header or label cell is, for `<th scope>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// A column header (`scope="col"` or `colgroup` when spanning).
    Col,
    /// A row label (`scope="row"` or `rowgroup` when spanning rows).
    Row,
}

/// One cell of a grid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The printed text (empty: a blank cell).
    pub text: String,
    /// Columns spanned (≥ 1).
    pub colspan: usize,
    /// Rows spanned (≥ 1).
    pub rowspan: usize,
    /// A header or label cell (`th`), or a value (`td`, `None`).
    pub header: Option<Scope>,
}

impl Cell {
    fn th(text: impl Into<String>, scope: Scope) -> Cell {
        Cell { text: text.into(), colspan: 1, rowspan: 1, header: Some(scope) }
    }
    fn td(text: String) -> Cell {
        Cell { text, colspan: 1, rowspan: 1, header: None }
    }
    fn span(mut self, colspan: usize, rowspan: usize) -> Cell {
        self.colspan = colspan;
        self.rowspan = rowspan;
        self
    }
}

/// A table as printed: header rows, then body rows; `width` columns in all.
#[derive(Clone, Debug)]
pub struct Table {
    /// The caption (HTML).
    pub caption: &'static str,
    /// A note printed just above the table (table 三's 勾稽 relation), if any.
    pub note: Option<&'static str>,
    /// Columns of the grid.
    pub width: usize,
    /// Header rows.
    pub head: Vec<Vec<Cell>>,
    /// Body rows (group labels span rows in their first row only).
    pub body: Vec<Vec<Cell>>,
}

/// One section as printed.
#[derive(Clone, Debug)]
pub struct Section<'a> {
    /// Which section.
    pub key: SectionKey,
    /// The official heading for the report's format.
    pub heading: &'static str,
    /// The paragraphs of its text (lines of the section text), possibly none.
    pub paragraphs: Vec<&'a str>,
    /// Its table (sections 二 三 四).
    pub table: Option<Table>,
}

/// The whole document.
#[derive(Clone, Debug)]
pub struct Document<'a> {
    /// The title line.
    pub title: String,
    /// Metadata fields (name, value), printed `name：value`.
    pub fields: Vec<(&'static str, String)>,
    /// The opening paragraph: the basis sentence, then the statistics-period sentence.
    pub intro: String,
    /// The sections present, or carrying a table, in the official order.
    pub sections: Vec<Section<'a>>,
    /// The publication line: the body, then the date, at the end.
    pub signature: Vec<String>,
}

/// A date as printed in prose: `2024年2月5日`.
pub fn chinese_date(d: Date) -> String {
    format!("{:04}年{}月{}日", d.year(), d.month(), d.day())
}

/// The layout a report is printed in: its stated format, else the one its tables show or its
/// year has, else 2021.
pub fn layout_format(r: &Report) -> Format {
    r.effective_format().unwrap_or(Format::F2021)
}

/// Lays out a report.
pub fn document(r: &Report) -> Document<'_> {
    let format = layout_format(r);
    let title = r.title.clone().unwrap_or_else(|| {
        let organ = r.organ.as_deref().unwrap_or("");
        match r.year {
            Some(y) => format!("{organ}{y}年政府信息公开工作年度报告"),
            None => format!("{organ}政府信息公开工作年度报告"),
        }
    });
    let mut fields = Vec::new();
    if let Some(v) = &r.index_no {
        fields.push(("索引号", v.clone()));
    }
    if let Some(v) = &r.organ {
        fields.push(("发布机构", v.clone()));
    }
    if let Some(k) = r.organ_kind {
        fields.push((ORGAN_KIND_FIELD, organ_kind_label(k).to_owned()));
    }
    if let Some(d) = r.published {
        fields.push(("公开日期", d.to_string()));
    }
    let period = r.period.map(|p| {
        let side = |d: Option<Date>| d.map(chinese_date).unwrap_or_default();
        format!("本报告中所列数据的统计期限自{}起至{}止。", side(p.start), side(p.end))
    });
    let tables = format != Format::Pre2019;
    let mut sections = Vec::new();
    for key in SectionKey::ALL {
        let text = r.sections.as_ref().and_then(|s| s.get(*key));
        let table = match key {
            SectionKey::Proactive if tables => r.proactive.as_ref().map(|p| proactive_table(p, format)),
            SectionKey::Requests if tables => r.requests.as_ref().map(|q| requests_table(q, format)),
            SectionKey::ReviewLitigation if tables => r.review_litigation.as_ref().map(review_table),
            _ => None,
        };
        if text.is_none() && table.is_none() {
            continue;
        }
        let paragraphs = text.map(|t| t.lines().map(str::trim).filter(|l| !l.is_empty()).collect()).unwrap_or_default();
        sections.push(Section { key: *key, heading: key.heading(format), paragraphs, table });
    }
    let mut signature = Vec::new();
    if let Some(o) = &r.organ {
        signature.push(o.clone());
    }
    if let Some(d) = r.published {
        signature.push(chinese_date(d));
    }
    let intro = format!("{}{}", basis(format), period.unwrap_or_default());
    Document { title, fields, intro, sections, signature }
}

/// The item headers of table 二 (条例第二十条第…项) with the column headers under each.
fn proactive_groups(format: Format) -> Vec<(&'static str, &'static [&'static str], &'static [ProactiveRow])> {
    use ProactiveRow::*;
    match format {
        Format::F2019 => vec![
            (
                "第二十条第（一）项",
                &["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                &[Regulations, NormativeDocuments],
            ),
            ("第二十条第（五）项", &["上一年项目数量", "本年增/减", "处理决定数量"], &[Licensing, OtherServices]),
            ("第二十条第（六）项", &["上一年项目数量", "本年增/减", "处理决定数量"], &[Punishment, Coercion]),
            ("第二十条第（八）项", &["上一年项目数量", "本年增/减"], &[Fees]),
            ("第二十条第（九）项", &["采购项目数量", "采购总金额"], &[Procurement]),
        ],
        _ => vec![
            (
                "第二十条第（一）项",
                &["本年制发件数", "本年废止件数", "现行有效件数"],
                &[Regulations, NormativeDocuments],
            ),
            ("第二十条第（五）项", &["本年处理决定数量"], &[Licensing]),
            ("第二十条第（六）项", &["本年处理决定数量"], &[Punishment, Coercion]),
            ("第二十条第（八）项", &["本年收费金额（单位：万元）"], &[Fees]),
        ],
    }
}

/// The printed cells of one table 二 row in the format (`None` when the row is absent).
pub fn proactive_values(p: &Proactive, row: ProactiveRow, format: Format) -> Option<Vec<String>> {
    let s = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let docs = |d: &DocumentCounts| match format {
        Format::F2019 => vec![s(d.made), s(d.published), s(d.total_published)],
        _ => vec![s(d.issued), s(d.repealed), s(d.in_force)],
    };
    let decisions = |d: &DecisionCounts| match format {
        Format::F2019 => vec![s(d.last_year), s(d.change), s(d.decisions)],
        _ => vec![s(d.decisions)],
    };
    Some(match row {
        ProactiveRow::Regulations => docs(p.regulations.as_ref()?),
        ProactiveRow::NormativeDocuments => docs(p.normative_documents.as_ref()?),
        ProactiveRow::Licensing => decisions(p.licensing.as_ref()?),
        ProactiveRow::OtherServices => decisions(p.other_services.as_ref()?),
        ProactiveRow::Punishment => decisions(p.punishment.as_ref()?),
        ProactiveRow::Coercion => decisions(p.coercion.as_ref()?),
        ProactiveRow::Fees => {
            let f = p.fees.as_ref()?;
            match format {
                Format::F2019 => vec![s(f.last_year), s(f.change)],
                _ => vec![f.amount.as_ref().map(ToString::to_string).unwrap_or_default()],
            }
        }
        ProactiveRow::Procurement => {
            let q = p.procurement.as_ref()?;
            vec![s(q.projects), q.amount.as_ref().map(ToString::to_string).unwrap_or_default()]
        }
    })
}

fn proactive_table(p: &Proactive, format: Format) -> Table {
    const WIDTH: usize = 4;
    let mut body = Vec::new();
    // A table without rows is printed as its headers.
    let empty = ProactiveRow::ALL.iter().all(|r| !r.is_present(p));
    for (item, columns, rows) in proactive_groups(format) {
        let present: Vec<(ProactiveRow, Vec<String>)> =
            rows.iter().filter_map(|r| proactive_values(p, *r, format).map(|v| (*r, v))).collect();
        if present.is_empty() && !empty {
            continue;
        }
        body.push(vec![Cell::th(item, Scope::Col).span(WIDTH, 1)]);
        let mut head = vec![Cell::th("信息内容", Scope::Col)];
        let last = columns.len().saturating_sub(1);
        for (i, c) in columns.iter().enumerate() {
            let span = if i == last { WIDTH - columns.len() } else { 1 };
            head.push(Cell::th(*c, Scope::Col).span(span, 1));
        }
        body.push(head);
        for (row, values) in present {
            let mut cells = vec![Cell::th(row.label(format), Scope::Row)];
            let last = values.len().saturating_sub(1);
            for (i, v) in values.into_iter().enumerate() {
                let span = if i == last { WIDTH - columns.len() } else { 1 };
                cells.push(Cell::td(v).span(span, 1));
            }
            body.push(cells);
        }
    }
    Table { caption: CAPTIONS[0], note: None, width: WIDTH, head: Vec::new(), body }
}

fn requests_table(q: &Requests, format: Format) -> Table {
    const LABELS: usize = 3;
    let head = vec![
        vec![Cell::th(BALANCE_NOTE, Scope::Col).span(LABELS, 3), Cell::th("申请人情况", Scope::Col).span(7, 1)],
        vec![
            Cell::th(RequestColumn::NaturalPerson.label(), Scope::Col).span(1, 2),
            Cell::th("法人或其他组织", Scope::Col).span(5, 1),
            Cell::th(RequestColumn::Total.label(), Scope::Col).span(1, 2),
        ],
        RequestColumn::APPLICANTS.iter().skip(1).map(|c| Cell::th(c.label(), Scope::Col)).collect(),
    ];
    let rows: Vec<RequestRow> = RequestRow::of_format(format).filter(|r| q.get(*r).is_some()).collect();
    let mut body = Vec::new();
    let mut open: Vec<RequestGroup> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let groups = row.groups();
        let mut cells = Vec::new();
        for (depth, g) in groups.iter().enumerate() {
            if open.get(depth) == Some(g) {
                continue;
            }
            open.truncate(depth);
            open.push(*g);
            let span = rows.iter().skip(i).take_while(|r| r.groups().get(depth) == Some(g)).count();
            cells.push(Cell::th(g.label(), Scope::Row).span(1, span));
        }
        if groups.is_empty() {
            open.clear();
        }
        // A row label takes the label columns its groups leave.
        let label_span = LABELS - groups.len();
        let label = if *row == RequestRow::Other { "（六）其他处理" } else { row.label() };
        cells.push(Cell::th(label, Scope::Row).span(label_span, 1));
        if let Some(counts) = q.get(*row) {
            for col in RequestColumn::ALL {
                cells.push(Cell::td(counts.value(*col).map(|v| v.to_string()).unwrap_or_default()));
            }
        }
        body.push(cells);
    }
    Table { caption: CAPTIONS[1], note: Some(BALANCE_NOTE), width: LABELS + 7, head, body }
}

fn review_table(t: &ReviewLitigation) -> Table {
    let parts = || ReviewColumn::ALL.iter().map(|c| Cell::th(c.label(), Scope::Col));
    let head = vec![
        vec![
            Cell::th(ReviewGroup::Review.label(), Scope::Col).span(5, 1),
            Cell::th("行政诉讼", Scope::Col).span(10, 1),
        ],
        parts()
            .map(|c| c.span(1, 2))
            .chain([Cell::th("未经复议直接起诉", Scope::Col).span(5, 1), Cell::th("复议后起诉", Scope::Col).span(5, 1)])
            .collect(),
        parts().chain(parts()).collect(),
    ];
    let body = vec![
        review_cells()
            .map(|(g, c)| Cell::td(t.get(g).and_then(|x| x.value(c)).map(|v| v.to_string()).unwrap_or_default()))
            .collect(),
    ];
    Table { caption: CAPTIONS[2], note: None, width: 15, head, body }
}

/// The grid of a table with spans expanded: every row `width` texts, a spanned position blank.
pub fn grid(rows: &[Vec<Cell>], width: usize) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<Option<String>>> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        while out.len() <= r {
            out.push(vec![None; width]);
        }
        let mut col = 0usize;
        for cell in row {
            while out.get(r).and_then(|x| x.get(col)).is_some_and(Option::is_some) {
                col += 1;
            }
            for dr in 0..cell.rowspan.max(1) {
                while out.len() <= r + dr {
                    out.push(vec![None; width]);
                }
                // A row label spanning label columns stands in the last of them, next to its
                // figures: the blank columns before it are the group columns.
                let text_at = if cell.header == Some(Scope::Row) { cell.colspan.max(1) - 1 } else { 0 };
                for dc in 0..cell.colspan.max(1) {
                    let text = if dr == 0 && dc == text_at { cell.text.clone() } else { String::new() };
                    if let Some(slot) = out.get_mut(r + dr).and_then(|x| x.get_mut(col + dc)) {
                        *slot = Some(text);
                    }
                }
            }
            col += cell.colspan.max(1);
        }
    }
    out.into_iter().map(|row| row.into_iter().map(Option::unwrap_or_default).collect()).collect()
}
