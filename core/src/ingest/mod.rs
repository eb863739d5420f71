//! Published reports → the Report: plain page text, PDF-extracted text, HTML and Markdown, with
//! the parse findings (ambiguous digits, label variants, not an annual report) and the source
//! span of every cell read. The reader records what is printed; it never repairs a report.
//!
//! The steps, each a module: `html` (HTML → text lines, tables as `|` rows), `normalize`
//! (NFKC, traditional → simplified, pinyin, page footers), `markdown` (table headers),
//! `skeleton` (whitespace-free label search), `labels`, `cells` and `digits` (a row's cells),
//! `tables`, `metadata`, `sections`, `classify`.

mod cells;
mod classify;
mod digits;
mod html;
mod labels;
mod markdown;
pub(crate) mod metadata;
mod normalize;
mod proactive;
mod sections;
mod skeleton;
mod tables;

use serde::Serialize;

use crate::check::{Code, Finding, Rules, check_report_with};
use crate::error::Error;
use crate::json::check_size;
use crate::report::{Format, Key, OTHER_ROWS_2021, Report, RequestRow, SectionKey};

/// Most opening tags (elements, comments) accepted in an HTML page: 500,000. The element tree
/// costs about 180 bytes a tag, so a 32 MiB page of bare tags would take gigabytes; a real report
/// page has a few thousand (one with 100,000 table rows of two cells has 300,000). Over the
/// limit: `input.too_many_tags`.
///
/// ```
/// let page = format!("<html>{}", "<b>".repeat(zfxxgk::ingest::MAX_HTML_TAGS));
/// assert_eq!(zfxxgk::parse_report(&page).unwrap_err().code(), "input.too_many_tags");
/// ```
pub const MAX_HTML_TAGS: usize = 500_000;

/// A report read from published text: the report, what reading it found (parse findings), and
/// where each cell came from.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Parsed {
    /// The report as printed (blank cells `None`, nothing repaired).
    pub report: Report,
    /// Parse findings (`parse.*`, `doc.not_annual_report`), in reading order.
    pub findings: Vec<Finding>,
    /// Where each cell was read.
    pub provenance: Provenance,
}

/// Where every cell of tables 二 三 四 was read: a byte span of the input and its line, so that
/// a portal can highlight the printed figure.
///
/// ```
/// let text = "2022年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\
///             一、本年新收政府信息公开申请数量 5 0 0 0 0 0 5\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n";
/// let parsed = zfxxgk::parse_report(text).unwrap();
/// let cell = parsed.provenance.get("requests", "received", "total").unwrap();
/// assert_eq!(&text[cell.start..cell.end], "5");
/// assert_eq!(cell.line, 3);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// One entry per cell read with a value (blank cells have no printed figure).
    pub cells: Vec<CellSource>,
}

/// The source of one cell: `table` is `proactive` (table 二), `requests` (table 三) or
/// `review_litigation` (table 四),
/// `row` and `column` the keys of DOMAIN.md; `start..end` a byte span of the input; `line` 1-based.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellSource {
    /// `proactive` (table 二), `requests` (table 三) or `review_litigation` (table 四).
    pub table: &'static str,
    /// The row key (table 四: the group key).
    pub row: &'static str,
    /// The column key.
    pub column: &'static str,
    /// Byte offset of the figure's first byte in the input.
    pub start: usize,
    /// Byte offset just past the figure.
    pub end: usize,
    /// 1-based line of the input.
    pub line: u32,
}

impl Provenance {
    /// The source of the cell at (`table`, `row`, `column`), if it was read with a value.
    pub fn get(&self, table: &str, row: &str, column: &str) -> Option<&CellSource> {
        self.cells.iter().find(|c| c.table == table && c.row == row && c.column == column)
    }
}

/// Reads a published report (plain text, PDF-extracted text, HTML or Markdown) into a Report.
///
/// Fails only on input over the limits — the size ([`crate::json::MAX_INPUT_BYTES`],
/// `input.too_large`) and, for HTML, the tag count ([`MAX_HTML_TAGS`], `input.too_many_tags`).
/// Everything else about the document — not an annual report, digits that read several ways, a
/// table not found — is a finding.
///
/// ```
/// let text = "某局2022年度政府信息公开工作年度报告\n发布机构：某局\n\
///   三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量291000030二、上年结转政府信息公开申请数量0000000\n";
/// let parsed = zfxxgk::parse_report(text).unwrap();
/// let received = parsed.report.requests.as_ref().unwrap().get(zfxxgk::report::RequestRow::Received).unwrap();
/// assert_eq!(received.value(zfxxgk::report::RequestColumn::NaturalPerson), Some(29));
/// assert_eq!(received.value(zfxxgk::report::RequestColumn::Total), Some(30));
/// assert_eq!(parsed.report.organ.as_deref(), Some("某局"));
/// ```
pub fn parse_report(text: &str) -> Result<Parsed, Error> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // `base` is the text before normalization (the page text of HTML): sections are taken from
    // it as printed; cells and labels are read from the normalized text.
    let raw = if html::looks_like_html(text) {
        let tags = html::count_tags(text);
        if tags > MAX_HTML_TAGS {
            return Err(Error::TooManyTags { count: tags, limit: MAX_HTML_TAGS });
        }
        Some(html::to_text(text))
    } else {
        None
    };
    let base: &str = raw.as_ref().map_or(text, |r| r.s.as_str());
    let norm = markdown::drop_table_headers(normalize::normalize(base, &|i| i));
    let to_input = |i: usize| raw.as_ref().map_or(norm.source(i), |r| r.source(norm.source(i)));
    let original = |a: usize, b: usize| printed(&norm, base, a, b);
    let k = skeleton::Skeleton::new(&norm.s);
    let meta = metadata::read(&norm.s, &k);
    let front = sections::NoHeadings::new(&norm.s, &meta.spans, meta.organ.as_deref()).after(meta.document_at);
    let found = sections::read(&norm.s, &k, &original, &front);
    let mut tables = tables::read(&norm.s, &k, &front, found.four.clone(), &found.texts);
    let mut findings = Vec::new();

    let not_report = classify::classify(&norm.s, meta.title.as_deref(), found.count, tables.requests.is_some());
    let format = detect_format(&k, &tables, meta.year);
    proactive::read(&norm.s, &k, format, &found.texts, &mut tables);
    let mut found = found;
    sections::drop_signature(&mut found, meta.organ.as_deref());
    let mut report = Report {
        format,
        year: meta.year,
        title: meta.title,
        organ: meta.organ,
        organ_kind: meta.organ_kind,
        index_no: meta.index_no,
        period: meta.period,
        published: meta.published,
        sections: (!found.sections.is_empty()).then_some(found.sections),
        headings: (!found.headings.is_empty()).then_some(found.headings),
        proactive: None,
        requests: None,
        review_litigation: None,
    };
    if let Some(reason) = not_report {
        findings.push(
            Finding::new(
                Code::DocNotAnnualReport,
                format!("该文件不是政府信息公开工作年度报告：{}", reason.zh()),
                format!("the document is not an annual report: {}", reason.en()),
            )
            .numbers("annual_report", reason.key()),
        );
        return Ok(Parsed { report, findings, provenance: Provenance::default() });
    }
    label_variants(&k, &mut findings);
    let line_of = LineIndex::new(text);
    for issue in &tables.issues {
        findings.push(issue_finding(issue));
    }
    if report.format != Some(Format::Pre2019) && report.year.is_none_or(|y| y >= 2019) {
        if tables.requests.is_none() {
            findings.push(not_found(SectionKey::Requests));
        }
        if tables.review.is_none() {
            findings.push(not_found(SectionKey::ReviewLitigation));
        }
    }
    let provenance = Provenance {
        cells: tables
            .cells
            .iter()
            .map(|c| {
                let start = to_input(c.span.0);
                let end = source_char_end(text, to_input(c.span.1.saturating_sub(1)));
                CellSource {
                    table: c.table.key(),
                    row: c.row,
                    column: c.column,
                    start,
                    end: end.max(start),
                    line: line_of.line(start),
                }
            })
            .collect(),
    };
    if report.format != Some(Format::Pre2019) {
        report.proactive = tables.proactive;
        report.requests = tables.requests;
        report.review_litigation = tables.review;
    }
    Ok(Parsed { report, findings, provenance })
}

/// The kind the reader takes a body to be from its printed name, when the report does not
/// print it (`机构类别`): a township's or a department's name is a department; a name ending in
/// 政府 above township level is a government.
///
/// ```
/// use zfxxgk::OrganKind;
/// assert_eq!(zfxxgk::ingest::organ_kind_of_name("三封寺镇人民政府"), Some(OrganKind::Department));
/// assert_eq!(zfxxgk::ingest::organ_kind_of_name("示例市人民政府"), Some(OrganKind::Government));
/// ```
pub fn organ_kind_of_name(name: &str) -> Option<crate::report::OrganKind> {
    metadata::organ_kind(name)
}

/// Reads a report given as Report JSON or as published text, sniffed from the content: JSON
/// starts with `{` (or `[`, which is JSON but no report: an error, not a page of text).
///
/// ```
/// let json = zfxxgk::read_report(r#"{"format": "2021", "year": 2022}"#).unwrap();
/// assert_eq!(json.report.year, Some(2022));
/// let text = zfxxgk::read_report("某局2022年度政府信息公开工作年度报告").unwrap();
/// assert_eq!(text.report.year, Some(2022));
/// ```
pub fn read_report(text: &str) -> Result<Parsed, Error> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim_start().starts_with(['{', '[']) {
        let report = Report::from_json(body)?;
        return Ok(Parsed { report, findings: Vec::new(), provenance: Provenance::default() });
    }
    parse_report(body)
}

/// Checks a report given as text (published or Report JSON): the parse findings first, then the
/// check findings. A document that is not an annual report gets only its parse findings.
///
/// ```
/// let json = r#"{"format": "2021", "year": 2022, "organ_kind": "department", "published": "2023-02-01"}"#;
/// let findings = zfxxgk::check_text(json, None).unwrap();
/// assert!(findings.iter().any(|f| f.code.as_str() == "meta.published_late"));
/// let findings = zfxxgk::check_text("某镇2022年政务公开工作总结", None).unwrap();
/// assert_eq!(findings[0].code.as_str(), "doc.not_annual_report");
/// ```
pub fn check_text(text: &str, previous: Option<&Report>) -> Result<Vec<Finding>, Error> {
    check_text_with(text, previous, &Rules::all())
}

/// [`check_text`] running only the rules selected (parse findings are the `parse` family, and
/// `doc.not_annual_report` is `doc`'s).
///
/// ```
/// use zfxxgk::check::Rules;
/// let text = "某局2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\
///   一、本年新收政府信息公开申请数量291000031\n";
/// let findings = zfxxgk::check_text_with(text, None, &Rules::only(["table3.row_total"])?)?;
/// assert!(findings.iter().all(|f| f.code.as_str() == "table3.row_total"));
/// # Ok::<(), zfxxgk::Error>(())
/// ```
pub fn check_text_with(text: &str, previous: Option<&Report>, rules: &Rules) -> Result<Vec<Finding>, Error> {
    let parsed = read_report(text)?;
    let mut findings = parsed.findings;
    // Not an annual report: the checks do not apply, whichever are selected.
    let not_a_report = findings.iter().any(|f| f.code == Code::DocNotAnnualReport);
    findings.retain(|f| rules.keeps(f.code));
    if not_a_report {
        return Ok(findings);
    }
    findings.extend(check_report_with(&parsed.report, previous, rules)?);
    Ok(findings)
}

/// The layout from the table headers (table 二's columns), else table 三's （六） rows, else the
/// format notice named, else the pre-2019 indicator table, regulation or year.
fn detect_format(k: &skeleton::Skeleton, tables: &tables::Tables, year: Option<i32>) -> Option<Format> {
    let has = |words: &[&str]| k.find_any(words, 0, k.s.len()).is_some();
    if has(&["本年制发件数", "本年制发", "本年废止件数"]) {
        return Some(Format::F2021);
    }
    if has(&["本年新制作数量", "本年新公开数量", "上一年项目数量", "对外公开总数量"]) {
        return Some(Format::F2019);
    }
    if let Some(req) = &tables.requests {
        if OTHER_ROWS_2021.iter().any(|r| req.get(*r).is_some()) {
            return Some(Format::F2021);
        }
        if req.get(RequestRow::Other).is_some() {
            return Some(Format::F2019);
        }
    }
    // The format notice the report names (render writes it; many reports open with it).
    if has(&["办函〔2021〕30号", "办函[2021]30号", "办函(2021)30号"]) {
        return Some(Format::F2021);
    }
    if has(&["办函〔2019〕60号", "办函[2019]60号", "办函(2019)60号"]) {
        return Some(Format::F2019);
    }
    if tables.requests.is_none()
        && (year.is_some_and(|y| y <= 2018) || has(&["指标名称", "计量单位", "国务院令第492号"]))
    {
        return Some(Format::Pre2019);
    }
    None
}

fn label_variants(k: &skeleton::Skeleton, findings: &mut Vec<Finding>) {
    for (printed, standard, key) in labels::VARIANTS {
        if k.find(printed, 0, k.s.len()).is_some() {
            findings.push(
                Finding::new(
                    Code::ParseLabelVariant,
                    format!("印作“{printed}”，按“{standard}”读取"),
                    format!("printed \"{printed}\", read as \"{standard}\" ({key})"),
                )
                .row(*key)
                .numbers(*standard, *printed),
            );
        }
    }
}

fn not_found(section: SectionKey) -> Finding {
    Finding::new(
        Code::ParseTableNotFound,
        format!("未找到“{}”的表格", section.label()),
        format!("the table of section {} was not found", section.key()),
    )
    .at(section)
}

fn issue_finding(issue: &tables::Issue) -> Finding {
    match issue {
        tables::Issue::Ambiguous { table, row, digits, readings, blanked } => Finding::new(
            Code::ParseAmbiguousDigits,
            format!(
                "{row}行连写的 {digits} 位数字有 {readings} 种符合表内算术的拆分，无法确定的单元格（{}）记为空白",
                blanked.join("、")
            ),
            format!(
                "row {row}: the run of {digits} digits has {readings} readings consistent with the table's arithmetic; undecidable cells ({}) left blank",
                blanked.join(", ")
            ),
        )
        .at(section_of(*table))
        .row(*row)
        .numbers(1u64, *readings as u64),
        tables::Issue::TooFew { table, row, found, expected } => Finding::new(
            Code::ParseCellsMissing,
            format!("{row}行只印出 {found} 个数字，应有 {expected} 个单元格，整行记为空白"),
            format!("row {row} prints {found} digits for {expected} cells; the row is left blank"),
        )
        .at(section_of(*table))
        .row(*row)
        .numbers(*expected as u64, *found as u64),
    }
}

fn section_of(table: tables::Table) -> SectionKey {
    match table {
        tables::Table::Proactive => SectionKey::Proactive,
        tables::Table::Requests => SectionKey::Requests,
        tables::Table::ReviewLitigation => SectionKey::ReviewLitigation,
    }
}

/// The text of the normalized range `a..b` as printed in `base`: each normalized character is
/// replaced by the character it came from (full-width punctuation and traditional characters
/// stay as printed); what normalization dropped (page footers) stays dropped.
fn printed(norm: &normalize::Text, base: &str, a: usize, b: usize) -> String {
    let Some(range) = norm.s.get(a..b) else { return String::new() };
    // The printed text is about as long as the normalized one (a full-width `，` printed for a
    // normalized `,` grows it, and the string grows with it): reserving twice the range doubled
    // the peak memory of a page run together on one line.
    let mut out = String::with_capacity(range.len());
    let mut last: Option<usize> = None;
    for (i, c) in range.char_indices() {
        // Line breaks are the normalized text's own (a dropped line keeps its break).
        if c == '\n' {
            out.push(c);
            last = None;
            continue;
        }
        let src = norm.source(a + i);
        if last == Some(src) {
            continue;
        }
        last = Some(src);
        match base.get(src..).and_then(|r| r.chars().next()) {
            Some(o) if o != '\n' => out.push(o),
            _ => out.push(c),
        }
    }
    out
}

/// The end of the printed character at input byte `at`: a whole UTF-8 character (a full-width
/// `１` is 3 bytes, read as one digit), or a whole character reference (`&#49;`) in HTML.
fn source_char_end(text: &str, at: usize) -> usize {
    let Some(rest) = text.get(at..) else {
        // Not a character's first byte (no mapping gives one; kept safe anyway): the next boundary.
        return (at..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
    };
    if rest.starts_with('&') {
        if let Some(len) = html::entity_len(rest) {
            return at + len;
        }
    }
    at + rest.chars().next().map_or(0, char::len_utf8)
}

/// Byte offset → 1-based line number of the original input.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.bytes().enumerate().filter(|(_, b)| *b == b'\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }
    fn line(&self, offset: usize) -> u32 {
        u32::try_from(self.starts.partition_point(|s| *s <= offset)).unwrap_or(u32::MAX)
    }
}
