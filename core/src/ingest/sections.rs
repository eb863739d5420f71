//! The six sections: each heading is a Chinese numeral and a separator before the section's
//! words (`五、存在的主要问题及改进情况`). A mention of the words without a numeral (the
//! introduction lists the six parts) is not a heading. The text runs to the next heading; in
//! sections 二 三 四 it stops where the table begins (its caption, note or column headers), the
//! table being read into its own fields. The text is taken as printed (before normalization),
//! as its non-blank lines, trimmed.

use std::ops::Range;

use super::skeleton::Skeleton;
use crate::report::{Headings, SectionKey, Sections};

/// Heading words per section, longest (full heading) first.
const HEADINGS: [(SectionKey, &[&str]); 6] = [
    (SectionKey::Overview, &["总体情况", "概述"]),
    (SectionKey::Proactive, &["主动公开政府信息情况", "主动公开政府信息", "主动公开情况"]),
    (SectionKey::Requests, &["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请"]),
    (
        SectionKey::ReviewLitigation,
        &[
            "政府信息公开行政复议、行政诉讼情况",
            "政府信息公开行政复议,行政诉讼情况",
            "政府信息公开行政复议和行政诉讼情况",
            "政府信息公开行政法复议、行政诉讼情况",
            "行政复议、行政诉讼情况",
            "行政复议和行政诉讼情况",
            "行政复议、行政诉讼",
        ],
    ),
    (
        SectionKey::Problems,
        &[
            "政府信息公开工作存在的主要问题及改进情况",
            "存在的主要问题及改进情况",
            "存在的主要问题及改进措施",
            "存在的主要问题和改进情况",
            "存在的主要问题",
            "存在主要问题",
        ],
    ),
    (SectionKey::OtherMatters, &["其他需要报告的事项", "其他需要报告事项"]),
];

const NUMERALS: &str = "一二三四五六七八九十";

/// Where a section's table begins, in normalized skeleton form: the caption render writes
/// (`表二:`), the item headers and column headers of the published forms.
fn table_markers(key: SectionKey) -> &'static [&'static str] {
    match key {
        SectionKey::Proactive => &["表二:", "第二十条第", "信息内容"],
        SectionKey::Requests => &["表三:", "本列数据的勾稽关系", "本列数据的钩稽关系", "申请人情况"],
        SectionKey::ReviewLitigation => &["表四:", "行政复议行政诉讼", "未经复议直接起诉", "结果维持"],
        _ => &[],
    }
}

pub(crate) struct Found {
    pub sections: Sections,
    pub headings: Headings,
    /// How many headings were found.
    pub count: usize,
    /// Where table 四's heading may stand (skeleton offsets): after the headings of sections 一 to
    /// 三 as read (the start of the last one found), before those of sections 五 and 六 (the
    /// start of the first one found).
    pub four: Range<usize>,
    /// Whether the last section's text runs to the page's end, where the signature stands (not
    /// cut short where its table begins).
    pub last_runs_to_end: bool,
    /// Where each section's text was read.
    pub texts: SectionTexts,
}

/// Where each section's text was read (skeleton offsets: from its heading's end to the next
/// heading, or to where its table begins). No table starts inside the text of another section:
/// words read as a section's text are not read again as another section's table. (Table 二's
/// words in section 一's text, with no heading 二 read, made a table the next printing gives its
/// heading, and the report read back gained section 二.)
#[derive(Default)]
pub(crate) struct SectionTexts(Vec<(SectionKey, Range<usize>)>);

impl SectionTexts {
    /// Where the text of another section than `own` holding skeleton offset `at` ends, if one
    /// holds it: a search skipping that text goes on from there in one step, so that words
    /// quoted there any number of times use up no search's candidate budget.
    pub(crate) fn past_another(&self, own: SectionKey, at: usize) -> Option<usize> {
        self.0.iter().filter(|(key, range)| *key != own && range.contains(&at)).map(|(_, range)| range.end).max()
    }

    /// The first `needle` in `k` that is not in the text of a section other than `own`.
    pub(crate) fn find(&self, own: SectionKey, k: &Skeleton, needle: &str) -> Option<usize> {
        let mut from = 0usize;
        loop {
            let at = k.find(needle, from, k.s.len())?;
            match self.past_another(own, at) {
                None => return Some(at),
                Some(end) => from = end,
            }
        }
    }
}

/// Where no heading stands: text read as the title or a field's value, the body's name wherever
/// it is printed, and the signature. (A body's name may hold `一、总体情况`: read as a heading, it
/// would open section 一 in the front matter or under the signature, and every later printing
/// would move more of the page there.) Section headings and table 四's heading both ask it.
pub(crate) struct NoHeadings<'a> {
    text: &'a str,
    /// The ranges read as the title and fields, sorted and merged.
    metadata: &'a [Range<usize>],
    /// The body's name as read, when it holds a heading (only then is it looked for).
    organ: Option<&'a str>,
    /// The signature's line: the last line, or the one before a closing date, starting with the
    /// body's name as read (which stops at the name's first space; the line prints it whole).
    signature: Option<Range<usize>>,
    /// Where the document starts (its title): before it, it has not begun.
    document_at: usize,
}

impl<'a> NoHeadings<'a> {
    pub(crate) fn new(text: &'a str, metadata: &'a [Range<usize>], organ: Option<&'a str>) -> Self {
        // A line where the title or a field was read opens the document: no signature (a short
        // page run together on one line).
        let signature = organ
            .filter(|o| !o.is_empty())
            .and_then(|o| signature_line(text, o))
            .filter(|s| !metadata.iter().any(|m| m.start < s.end && s.start < m.end));
        Self { text, metadata, organ: organ.filter(|o| heading_in(o, 0).is_some()), signature, document_at: 0 }
    }

    /// No heading before `document_at`, where the title, or a line naming the report too long to
    /// be its title, was read. Both are read from the front of the page (before the opening
    /// sentence or a line opening with `一、`): a heading before them stands in what precedes the
    /// document (the upper lines of a body's name wrapped over lines, a site's navigation) and,
    /// read as one, would put the title inside a section's text, where the next printing reads
    /// the title's words as headings.
    pub(crate) fn after(self, document_at: Option<usize>) -> Self {
        Self { document_at: document_at.unwrap_or(0), ..self }
    }

    /// Whether the heading printed at `at..end` (text offsets, `at` its numeral) stands where no
    /// heading does.
    pub(crate) fn holds(&self, at: usize, end: usize) -> bool {
        at < self.document_at
            || super::metadata::covered(self.metadata, at)
            || self.signature.as_ref().is_some_and(|s| s.contains(&at))
            || self.organ.is_some_and(|o| inside(self.text, o, at, end))
    }
}

/// Finds the headings in printed order and cuts the text between them. `original` gives the text
/// of a normalized byte range as printed; no heading is read where `front` holds none.
pub(crate) fn read(
    text: &str,
    k: &Skeleton,
    original: &dyn Fn(usize, usize) -> String,
    front: &NoHeadings<'_>,
) -> Found {
    let mut hits: Vec<(SectionKey, usize, usize, String)> = Vec::new();
    let mut pos = 0usize;
    for (key, words) in HEADINGS {
        let mut from = pos;
        let mut hit = None;
        while let Some((at, len)) = k.find_any(words, from, k.s.len()) {
            if let Some(numeral_start) = numeral_before(k, at) {
                if !front.holds(k.text_pos(numeral_start), k.text_end(at + len)) {
                    hit = Some((numeral_start, at + len));
                    break;
                }
            }
            from = at + len;
        }
        if let Some((start, end)) = hit {
            let printed = k.s.get(start..end).unwrap_or("").to_owned();
            hits.push((key, start, end, printed));
            pos = end;
        }
    }
    let mut sections = Sections::new();
    let mut headings = Headings::new();
    let mut last_runs_to_end = false;
    let mut texts = Vec::with_capacity(hits.len());
    for (i, (key, _, end, printed)) in hits.iter().enumerate() {
        let a = k.text_end(*end);
        let next = hits.get(i + 1).map_or(k.s.len(), |n| n.1);
        let mut b = hits.get(i + 1).map_or(text.len(), |n| k.text_pos(n.1));
        let marker = k.find_any(table_markers(*key), *end, next);
        texts.push((*key, *end..marker.map_or(next, |(at, _)| at)));
        if let Some((at, _)) = marker {
            // From the start of the marker's line: the table's first row.
            let m = k.text_pos(at);
            b = text.get(a..m.max(a)).and_then(|t| t.rfind('\n')).map_or(m, |j| a + j);
        }
        last_runs_to_end = i + 1 == hits.len() && marker.is_none();
        let body = lines(&original(a, b.max(a)));
        sections.insert(*key, body);
        headings.set(*key, Some(printed.clone()));
    }
    let before_four = hits
        .iter()
        .filter(|(key, ..)| matches!(key, SectionKey::Overview | SectionKey::Proactive | SectionKey::Requests))
        .map(|(_, start, ..)| *start)
        .max()
        .unwrap_or(0);
    let after_four = hits
        .iter()
        .filter(|(key, ..)| matches!(key, SectionKey::Problems | SectionKey::OtherMatters))
        .map(|(_, start, ..)| *start)
        .min()
        .unwrap_or(k.s.len());
    Found {
        count: hits.len(),
        sections,
        headings,
        four: before_four..after_four,
        last_runs_to_end,
        texts: SectionTexts(texts),
    }
}

/// The byte range of the signature's line: the last non-empty line, or the one before a closing
/// date, when it `signs` for `organ`.
fn signature_line(text: &str, organ: &str) -> Option<Range<usize>> {
    let mut end = text.trim_end().len();
    for _ in 0..2 {
        let start = text.get(..end)?.rfind('\n').map_or(0, |i| i + 1);
        let line = text.get(start..end)?.trim();
        if signs(line, organ) {
            return Some(start..end);
        }
        if !is_date_line(line) {
            return None;
        }
        end = text.get(..start)?.trim_end().len();
    }
    None
}

/// Whether `line` is the signature's: it starts with the body's name as read (which stops at the
/// name's first space; the line prints it whole). A page run together on one line starts with the
/// body's name too: a line of more than 3 KB holding more than one section heading is that.
fn signs(line: &str, organ: &str) -> bool {
    // A Markdown `#` before it is no part of the line, unless the name starts with one.
    (line.starts_with(organ) || line.trim_start_matches(['#', ' ']).starts_with(organ))
        && (line.len() <= 3 * 1024 || heading_in(line, 0).and_then(|at| heading_in(line, at + 1)).is_none())
}

/// A line holding a date and nothing else (the date under the signature).
fn is_date_line(line: &str) -> bool {
    // The characters first: they rule out any other line at its first letter, where looking for
    // a date reads the whole line (a page run together on one line).
    line.chars().all(|c| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '-' | '.' | '/' | ' '))
        && super::metadata::first_date(line).is_some()
}

/// Takes the publication line (the body's name, the date) off the end of the last section:
/// it closes the document, not the section. Only where the section's text runs to the page's
/// end: a section whose table follows its text is closed by the table, and the signature comes
/// after the table (its text's last line, starting with the body's name, is text, and taken off
/// it would shorten the text by a line on each page printed).
pub(crate) fn drop_signature(found: &mut Found, organ: Option<&str>) {
    if !found.last_runs_to_end {
        return;
    }
    // The text is cut in place, not split into lines and joined again: a page run together on
    // one line makes it as long as the page. Its lines are `lines`' (trimmed, none blank, joined
    // by one line break), so the lines kept end one byte before the first line taken off.
    let Some((_, text)) = found.sections.iter().last() else { return };
    let mut end = text.len();
    // One line of each at most: the name's and the date's. A short name (`t`) begins many lines;
    // taking a second would take off one line of text more on each page printed.
    let (mut dated, mut signed_once) = (false, false);
    for _ in 0..2 {
        let Some(kept) = text.get(..end).filter(|k| !k.is_empty()) else { break };
        let start = kept.rfind('\n').map_or(0, |i| i + 1);
        let last = kept.get(start..).unwrap_or("").trim();
        // The section's text is as printed; the name was read from the normalized text.
        let signed =
            || organ.is_some_and(|o| !o.is_empty() && signs(super::normalize::normalize(last, &|i| i).s.trim(), o));
        if !dated && is_date_line(last) {
            dated = true;
        } else if !signed_once && signed() {
            signed_once = true;
        } else {
            break;
        }
        end = start.saturating_sub(1);
    }
    found.sections.truncate_last(end);
}

/// The non-blank lines, trimmed, joined by line breaks; a Markdown heading's `#` marks left at
/// the end (the next heading's) are not text.
fn lines(s: &str) -> String {
    let kept: Vec<&str> = s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.chars().all(|c| c == '#')).collect();
    kept.join("\n")
}

/// Whether an occurrence of `name` in `text` holds the heading `at..heading_end`, and the heading
/// is not alone on its line: a line holding only the heading (a Markdown `#` mark aside) is a
/// heading, even when the body's name is the same words (`二、主动公开政府信息情况`); a line holding
/// only the name, as under the signature, is not, when the name holds more than the heading.
fn inside(text: &str, name: &str, at: usize, heading_end: usize) -> bool {
    if alone_on_its_line(text, at, heading_end) {
        return false;
    }
    let from = (0..=at.saturating_sub(name.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    let to = (at.saturating_add(name.len()).min(text.len())..=text.len())
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(text.len());
    let Some(window) = text.get(from..to) else { return false };
    window.match_indices(name).any(|(i, _)| {
        let (start, end) = (from + i, from + i + name.len());
        start <= at && heading_end <= end
    })
}

/// Whether `text[start..end]` is alone on its line, apart from white space and `#` marks (looked
/// for within 16 bytes on either side).
fn alone_on_its_line(text: &str, start: usize, end: usize) -> bool {
    let before =
        (start.saturating_sub(16)..=start).find(|i| text.is_char_boundary(*i)).and_then(|i| text.get(i..start));
    let after = (end..=end.saturating_add(16).min(text.len()))
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .and_then(|i| text.get(end..i));
    let pad = |c: char| c == '#' || (c.is_whitespace() && c != '\n');
    let opens = before.is_some_and(|b| {
        let b = b.trim_end_matches(pad);
        b.ends_with('\n') || (b.is_empty() && start <= 16 && text.get(..start).is_some_and(|t| t.chars().all(pad)))
    });
    let closes = after.is_some_and(|a| {
        let a = a.trim_start_matches(pad);
        a.starts_with('\n') || (a.is_empty() && text.get(end..).is_some_and(|t| t.chars().all(pad)))
    });
    opens && closes
}

/// Where the first numbered section heading (`一、总体情况`, `(五)存在的主要问题`) starting at or
/// after byte `from` starts in a short line (a title candidate, a name), if one does.
pub(crate) fn heading_in(line: &str, from: usize) -> Option<usize> {
    HEADINGS
        .iter()
        .flat_map(|(_, words)| words.iter())
        .flat_map(|w| line.match_indices(w).map(|(at, _)| at))
        .filter_map(|at| numeral_start(line.get(..at)?))
        .filter(|start| *start >= from)
        .min()
}

/// The start of `一、` / `一.` / `(一)` just before `at`, if there is one.
fn numeral_before(k: &Skeleton, at: usize) -> Option<usize> {
    numeral_start(k.s.get(..at)?)
}

/// The start of `一、` / `一.` / `(一)` at the end of `before`, if it ends so.
fn numeral_start(before: &str) -> Option<usize> {
    let mut chars = before.char_indices().rev();
    let (i, sep) = chars.next()?;
    if matches!(sep, '、' | '.' | ',' | '．') {
        let (j, n) = chars.next()?;
        return NUMERALS.contains(n).then_some(j);
    }
    if sep == ')' {
        let (_, n) = chars.next()?;
        let (j, open) = chars.next()?;
        return (NUMERALS.contains(n) && open == '(').then_some(j);
    }
    let _ = i;
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn headings_need_a_numeral() {
        let text = "报告包括总体情况、存在的主要问题。一、总体情况 本年做了工作。五、存在的主要问题及改进情况 无。六、其他需要报告的事项 无。";
        let k = Skeleton::new(text);
        let f = read(text, &k, &|a, b| text.get(a..b).unwrap_or("").to_owned(), &NoHeadings::new(text, &[], None));
        assert_eq!(f.sections.get(SectionKey::Overview), Some("本年做了工作。"));
        assert_eq!(f.sections.get(SectionKey::Problems), Some("无。"));
        assert_eq!(f.headings.get(SectionKey::Problems).map(String::as_str), Some("五、存在的主要问题及改进情况"));
        assert_eq!(f.count, 3);
    }

    #[test]
    fn the_signature_is_one_line_of_the_name_and_one_of_the_date() {
        // Regression (fuzz/regressions/render_roundtrip-short-name-beginning-two-closing-lines):
        // a body's name read as `t` begins the signature and the line of text above it too.
        for (text, kept) in [
            ("正文\nttMM年\nt", "正文\nttMM年"),
            ("正文\nttMM年\nt\n2024年1月2日", "正文\nttMM年"),
            ("正文\n2024年1月2日\n2024年1月3日", "正文\n2024年1月2日"),
            ("正文\nt\n2024年1月2日", "正文"),
        ] {
            let mut sections = Sections::default();
            sections.insert(SectionKey::Overview, text.to_owned());
            let mut found = Found {
                sections,
                headings: Headings::new(),
                count: 1,
                four: 0..0,
                last_runs_to_end: true,
                texts: SectionTexts::default(),
            };
            drop_signature(&mut found, Some("t"));
            assert_eq!(found.sections.get(SectionKey::Overview), Some(kept), "{text}");
        }
    }

    #[test]
    fn the_signature_is_not_taken_off_a_section_its_table_closes() {
        // Regression (fuzz/regressions/render_roundtrip-name-line-above-a-table): section 四's text,
        // cut short where its table begins, ended in a line starting with the body's name; taken
        // for the signature (printed after the table), each page lost one more line of the text.
        let row = "| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 |";
        let work = "本年做了政府信息公开工作。".repeat(10);
        let page = format!(
            "某局2022年政府信息公开工作年度报告\n发布机构：某局\n一、总体情况\n{work}\n四、政府信息公开行政复议、行政诉讼情况\n正文。\n某局另有说明。\n表四：\n{row}\n某局\n"
        );
        let sections = crate::parse_report(&page).unwrap().report.sections.unwrap();
        assert_eq!(sections.get(SectionKey::ReviewLitigation), Some("正文。\n某局另有说明。"));
        // Where the last section's text runs to the page's end, the signature is taken off it.
        let page = format!(
            "某局2022年政府信息公开工作年度报告\n发布机构：某局\n一、总体情况\n{work}\n六、其他需要报告的事项\n无。\n某局\n"
        );
        let sections = crate::parse_report(&page).unwrap().report.sections.unwrap();
        assert_eq!(sections.get(SectionKey::OtherMatters), Some("无。"));
    }

    #[test]
    fn no_heading_stands_before_the_title() {
        // Regression (fuzz/regressions/render_roundtrip-requests-heading-cut-in-a-title): a body's
        // name wrapped over lines, printed in the title, holds a heading above the title's line.
        // Read there, section 一 held the title, whose words read as headings once printed as
        // section text.
        for (page, title) in [
            (
                "某局一、总体情况甲\n乙2022年政府信息公开工作年度报告\n发布机构：某局\n一、总体情况\n本年做了工作。",
                "乙2022年政府信息公开工作年度报告",
            ),
            // A site's navigation or a list of contents above the title is not the document either.
            (
                "首页 > 一、总体情况 二、主动公开政府信息情况\n某局2022年政府信息公开工作年度报告\n一、总体情况\n本年做了工作。",
                "某局2022年政府信息公开工作年度报告",
            ),
        ] {
            let parsed = crate::parse_report(page).unwrap().report;
            assert_eq!(parsed.title.as_deref(), Some(title), "{page}");
            assert_eq!(parsed.sections.unwrap().get(SectionKey::Overview), Some("本年做了工作。"), "{page}");
        }
        // Nor before a line naming the report but too long to be its title, where no title is
        // read (fuzz/regressions/render_roundtrip-requests-heading-before-a-long-name).
        let page =
            format!("某局一、总体情况甲\n<乙{}政府信息公开工作年度报告\n一、总体情况\n本年做了工作。", "某".repeat(80));
        let parsed = crate::parse_report(&page).unwrap().report;
        assert_eq!(parsed.title, None);
        assert_eq!(parsed.sections.unwrap().get(SectionKey::Overview), Some("本年做了工作。"));
        // Where no title is read, a heading anywhere opens its section.
        let page = "某局\n一、总体情况\n本年做了工作。";
        let sections = crate::parse_report(page).unwrap().report.sections.unwrap();
        assert_eq!(sections.get(SectionKey::Overview), Some("本年做了工作。"));
    }

    #[test]
    fn no_heading_stands_inside_the_title_or_a_field_value() {
        // Regression (fuzz/regressions/render_roundtrip-heading-inside-the-title and
        // render_roundtrip-heading-inside-a-field-value).
        for page in [
            "某局一、总体情况2022年政府信息公开工作年度报告\n一、总体情况\n本年做了工作。",
            "<title>某局一、总体情况2022年政府信息公开工作年度报告</title><h1>某局一、总体情况2022年政府信息公开工作年度报告</h1><h2>一、总体情况</h2><p>本年做了工作。</p>",
            "标题：某局一、总体情况2022年政府信息公开工作年度报告\n一、总体情况\n本年做了工作。",
            "某局2022年政府信息公开工作年度报告\n发布机构：###某局一、总体情况//\n一、总体情况\n本年做了工作。",
        ] {
            let parsed = crate::parse_report(page).unwrap();
            let sections = parsed.report.sections.unwrap();
            assert_eq!(sections.get(SectionKey::Overview), Some("本年做了工作。"), "{page}");
        }
        // Where no title or field holds it, a heading inside a line still opens its section (text
        // run together: `…年度报告 一、总体情况 本年…`).
        let run_together = "某局2022年政府信息公开工作年度报告发布机构：某局 一、总体情况 本年做了工作。";
        let sections = crate::parse_report(run_together).unwrap().report.sections.unwrap();
        assert_eq!(sections.get(SectionKey::Overview), Some("本年做了工作。"));
        // Nor does the body's name, wherever it is printed (fuzz/regressions/…-heading-inside-the-name).
        let page =
            "一、总体情况某某2017年政府信息公开工作年度报告\n发布机构：一、总体情况某某\n一、总体情况\n本年做了工作。";
        let sections = crate::parse_report(page).unwrap().report.sections.unwrap();
        assert_eq!(sections.get(SectionKey::Overview), Some("本年做了工作。"));
        // Under the signature, a name holding more than a heading is a name
        // (fuzz/regressions/render_roundtrip-heading-inside-the-signature).
        let page = "某局2022年政府信息公开工作年度报告\n发布机构：某一、总体情况局\n本报告根据条例编制。\n二、主动公开政府信息情况\n主动公开。\n某一、总体情况局\n";
        let parsed = crate::parse_report(page).unwrap().report;
        assert_eq!(parsed.sections.unwrap().get(SectionKey::Proactive), Some("主动公开。"));
        // A page run together on one line starts with the body's name too: it is no signature.
        let body = "本年做了工作。".repeat(200);
        let page = format!(
            "某局2022年政府信息公开工作年度报告 发布机构：某局 一、总体情况 {body} 二、主动公开政府信息情况 主动公开。"
        );
        let sections = crate::parse_report(&page).unwrap().report.sections.unwrap();
        assert_eq!(sections.get(SectionKey::Proactive), Some("主动公开。"));
        // A line holding only the heading is one, even when the body's name is the same words or
        // begins them.
        for organ in ["二、主动公开政府信息情况", "二、主动公开政府信息"] {
            let page = format!(
                "{organ}2022年政府信息公开工作年度报告\n发布机构：{organ}\n一、总体情况\n本年。\n二、主动公开政府信息情况\n主动公开。\n{organ}\n"
            );
            let sections = crate::parse_report(&page).unwrap().report.sections.unwrap();
            assert_eq!(sections.get(SectionKey::Proactive), Some("主动公开。"), "{organ}");
        }
        // After the document's name, a heading ends the title line's title, or a 标题 field's.
        for page in [
            "某局2022年政府信息公开工作年度报告 一、总体情况\n本年做了工作。",
            "标题：某局2022年政府信息公开工作年度报告 一、总体情况\n本年做了工作。",
        ] {
            let parsed = crate::parse_report(page).unwrap().report;
            assert_eq!(parsed.title.as_deref(), Some("某局2022年政府信息公开工作年度报告"), "{page}");
            assert_eq!(parsed.sections.unwrap().get(SectionKey::Overview), Some("本年做了工作。"), "{page}");
        }
        // Before its last mention, a heading is part of the title
        // (fuzz/regressions/render_roundtrip-heading-between-two-report-names).
        let title = "年度报告某五、存在的主要问题及改进情况某2017年政府信息公开工作年度报告";
        let parsed = crate::parse_report(&format!("{title}\n一、总体情况\n本年做了工作。")).unwrap().report;
        assert_eq!(parsed.title.as_deref(), Some(title));
        assert_eq!(parsed.year, Some(2017));
        // A line ending in the report's name but too long to be the title: what precedes the name
        // is the body's name, and holds no heading
        // (fuzz/regressions/render_roundtrip-heading-in-a-name-too-long-for-a-title).
        let organ = format!("{}二、主动公开", "某".repeat(75));
        let page = format!(
            "{organ}政府信息公开工作年度报告\n发布机构：{organ}\n本报告根据条例编制。\n二、主动公开政府信息情况\n主动公开。"
        );
        let parsed = crate::parse_report(&page).unwrap().report;
        assert_eq!(parsed.title, None);
        assert_eq!(parsed.sections.unwrap().get(SectionKey::Proactive), Some("主动公开。"));
        // The name printed with a space inside still ends the line.
        let spaced = page.replacen("年度报告", "年度 报告", 1);
        let sections = crate::parse_report(&spaced).unwrap().report.sections.unwrap();
        assert_eq!(sections.get(SectionKey::Proactive), Some("主动公开。"), "{spaced}");
        // A line going on after the name is not such a line: a page run together on one line, whose
        // sections mention a 年报, keeps its headings.
        let page =
            format!("根据条例编制。一、总体情况 {} 年报指南 二、主动公开政府信息情况 主动公开。", "本年。".repeat(30));
        let sections = crate::parse_report(&page).unwrap().report.sections.unwrap();
        assert!(sections.get(SectionKey::Overview).is_some_and(|t| t.starts_with("本年。")), "{page}");
    }

    #[test]
    fn no_table_starts_in_another_sections_text() {
        // Regression (fuzz/regressions/render_roundtrip-table2-words-in-section-one): table 二's
        // words in section 一's text, with no heading 二, are section 一's text, not table 二.
        let work = "本年做了政府信息公开工作。".repeat(10);
        let two = "第二十条第（九）项 | 信息内容 | 采购项目数量 | 采购总金额 | 政府集中采购 | | 12.50 |";
        let three = "本年新收政府信息公开申请数量 | 1 | 上年结转政府信息公开申请数量 | 0 |";
        // Nor table 四's heading words opening a line of section 一's text
        // (fuzz/regressions/render_roundtrip-table4-words-opening-a-line-of-section-one).
        let four = "行政复议、行政诉讼情况\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 |";
        let page = |between: &str| {
            format!(
                "某局2019年政府信息公开工作年度报告\n一、总体情况\n{work}\n{between}\n五、存在的主要问题及改进情况\n无。\n"
            )
        };
        for words in [two, three, four] {
            let read = crate::parse_report(&page(words)).unwrap().report;
            assert_eq!((read.proactive, read.requests, read.review_litigation), (None, None, None), "{words}");
            let overview = read.sections.unwrap().get(SectionKey::Overview).unwrap().to_owned();
            assert!(overview.ends_with(words), "{overview}");
        }
        // Under their own headings, the same words are the tables.
        let own = page(&format!(
            "二、主动公开政府信息情况\n{two}\n三、收到和处理政府信息公开申请情况\n{three}\n四、政府信息公开{four}"
        ));
        let read = crate::parse_report(&own).unwrap().report;
        assert!(read.proactive.is_some() && read.requests.is_some() && read.review_litigation.is_some(), "{own}");
    }

    #[test]
    fn words_quoted_in_another_sections_text_use_up_no_search() {
        // Table 二's header, table 三's first row and table 四's heading quoted in section 一's
        // text more often than each search tries candidates: the tables under their own
        // headings are still found (a skipped section's text is passed in one step).
        let quoted = "信息内容 本年新收 上年结转 行政复议、行政诉讼情况。\n".repeat(80);
        let page = format!(
            "某局2019年政府信息公开工作年度报告\n一、总体情况\n{quoted}\
             二、主动公开政府信息情况\n第二十条第（九）项 | 信息内容 | 采购项目数量 | 采购总金额 | 政府集中采购 | | 12.50 |\n\
             三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量 | 1 | 上年结转政府信息公开申请数量 | 0 |\n\
             四、政府信息公开行政复议、行政诉讼情况\n| 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12 | 13 | 14 | 15 |\n\
             五、存在的主要问题及改进情况\n无。\n"
        );
        let read = crate::parse_report(&page).unwrap().report;
        assert!(read.proactive.is_some(), "table 二");
        assert!(read.requests.is_some(), "table 三");
        assert!(read.review_litigation.is_some(), "table 四");
        assert!(read.sections.unwrap().get(SectionKey::Overview).unwrap().starts_with("信息内容 本年新收"));
    }
}
