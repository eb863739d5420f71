//! Report metadata from the text: 索引号, 发布机构, the publication date (公开日期 / 发布日期 /
//! 发布时间, else 生成日期, else the date under the signature), the 统计期限 sentence, the title
//! and its year, and the body's kind from its name.

use std::ops::Range;

use super::skeleton::Skeleton;
use crate::date::Date;
use crate::render::layout::organ_kind_label;
use crate::report::{OrganKind, Period};

#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub year: Option<i32>,
    pub organ: Option<String>,
    pub organ_kind: Option<OrganKind>,
    pub index_no: Option<String>,
    pub period: Option<Period>,
    pub published: Option<Date>,
    /// Byte ranges of the text read as metadata, sorted and merged: the title's line(s) and the
    /// text values of fields (title, 发布机构, 索引号, 机构类别). What is read there is not read as a
    /// section heading too (a body's name holding `一、总体情况` does not start section 一).
    pub spans: Vec<Range<usize>>,
    /// Where the document starts: the first byte of its title, or of a line before the body
    /// naming the report but too long to be its title, whichever comes first. What is printed
    /// before (a site's navigation, the upper lines of a body's name wrapped over lines) holds
    /// no section heading.
    pub document_at: Option<usize>,
}

/// Reads the metadata of normalized `text` (`k` its skeleton).
pub(crate) fn read(text: &str, k: &Skeleton) -> Meta {
    let mut spans = Vec::new();
    // A field's text value, up to the next field on its line.
    let clipped = |names: &[&str]| field(text, names).map(|(_, v)| clip_value(&v));
    let index_no = clipped(&[INDEX_FIELD]);
    // A value of marks alone (`#`, `|`, `——`) names no body: printed under the signature, a
    // name `#` would read as a Markdown heading's mark.
    let organ = clipped(&ORGAN_FIELDS).filter(|v| v.chars().any(char::is_alphanumeric));
    let kind_field = clipped(&[crate::render::layout::ORGAN_KIND_FIELD]);
    // Every value of these fields is metadata (its range is kept), the ones read and the same
    // fields printed again.
    for name in ORGAN_FIELDS.iter().chain([&INDEX_FIELD, &crate::render::layout::ORGAN_KIND_FIELD]) {
        spans.extend(field_values(text, name).map(|(at, v, _)| at..at + clip_value(&v).len()));
    }
    let mut m = Meta { index_no, organ, ..Meta::default() };
    let fields = merged(spans.clone());
    m.title = title(text, &fields).map(|(t, span)| {
        m.document_at = Some(span.start);
        spans.push(span);
        t
    });
    // The title printed again before the body (an HTML page's <title> and <h1>) is the title too.
    if let Some(t) = &m.title {
        let lines = early_lines(text);
        for (i, c) in front(&lines) {
            if c.trim_start_matches(['#', '-', '*', ' ']) == t {
                spans.extend(lines.get(i).map(|(at, l)| *at..at + l.len()));
            }
        }
    }
    let long = names_too_long_for_a_title(text);
    if let Some((line_at, _)) = long.first() {
        m.document_at = Some(m.document_at.map_or(*line_at, |t| t.min(*line_at)));
    }
    spans.extend(long.into_iter().map(|(_, span)| span));
    m.spans = merged(spans);
    m.period = period(k);
    // A year is four digits from 1000 on: `0000年` (a run of zeros in a body's name before the
    // report's name) is no year, and a page prints none before 1000 as four digits.
    let plausible = |y: &i32| (1000..=9999).contains(y);
    m.year = m
        .title
        .as_deref()
        .and_then(crate::check::title_year)
        .filter(plausible)
        .or_else(|| heading_year(text).filter(plausible))
        .or_else(|| m.period.and_then(|p| p.start.or(p.end)).map(Date::year).filter(plausible))
        .or_else(|| narrative_year(text).filter(plausible));
    if m.organ.is_none() {
        m.organ = m.title.as_deref().and_then(organ_from_title);
    }
    m.published = DATE_FIELDS
        .iter()
        .find_map(|name| field(text, &[name]).and_then(|(_, v)| first_date(&v)))
        .or_else(|| signature_date(text, m.organ.as_deref()));
    m.organ_kind = match kind_field {
        Some(v) if v == organ_kind_label(OrganKind::Department) => Some(OrganKind::Department),
        Some(v) if v == organ_kind_label(OrganKind::Government) => Some(OrganKind::Government),
        _ => m.organ.as_deref().or(m.title.as_deref()).and_then(organ_kind),
    };
    m
}

const INDEX_FIELD: &str = "索引号";
const ORGAN_FIELDS: [&str; 3] = ["发布机构", "发文机关", "发布单位"];
const DATE_FIELDS: [&str; 5] = ["公开日期", "发布日期", "发布时间", "成文日期", "生成日期"];

/// The marks a field's own line may start with before its name (`- `, `> `, `| `, `#`). One set
/// for the field reader and for what is no title: when they differed, a line was both.
const FIELD_MARKS: [char; 5] = ['#', '-', '*', '>', '|'];

/// Whether a line (whitespace removed) is a metadata field (`发布机构:…`), which no title is.
/// The marks before the field's name are those `field_values` lets a field's own line start with
/// (`|` too): a title line `|发布机构:…年度报告` read as the title and as a 发布机构 field gave
/// the body's name the title's words, and the next page, printing the title on one line instead
/// of two, a different name.
fn is_field_line(line: &str) -> bool {
    let line = line.trim_start_matches(FIELD_MARKS);
    [INDEX_FIELD, crate::render::layout::ORGAN_KIND_FIELD]
        .iter()
        .chain(ORGAN_FIELDS.iter())
        .chain(DATE_FIELDS.iter())
        .any(|name| line.strip_prefix(name).is_some_and(|rest| rest.starts_with([':', '：'])))
}

/// The value after `name` and a colon on the same line (`发布机构: X`, `- 索引号:X`), with the
/// byte offset where it starts.
///
/// A field printed on a line of its own (after marks such as `- `, `> `, `| `) wins over one inside
/// a line: a body's name or title holding `<p>发布机构：` is printed on the title line, before the
/// field's own line, and read first it would give the field a value that changes each time it is
/// printed. A field inside a line (crawled pages run several together) is read when no line has
/// one of its own.
fn field(text: &str, names: &[&str]) -> Option<(usize, String)> {
    // One pass over each name's values: the first on a line of its own ends it.
    let mut first = None;
    for name in names {
        for (at, v, own) in field_values(text, name) {
            if own {
                return Some((at, v));
            }
            first = first.or(Some((at, v)));
        }
    }
    first
}

/// The value of every field `name` in `text`, in order (non-empty ones only), with the byte
/// offset where each starts and whether the field's name starts its line (after marks).
fn field_values<'a>(text: &'a str, name: &'a str) -> impl Iterator<Item = (usize, String, bool)> + 'a {
    let mut from = 0usize;
    std::iter::from_fn(move || {
        while let Some(i) = text.get(from..).and_then(|t| t.find(name)) {
            let at = from + i + name.len();
            from = at;
            // A field's name starts its line or follows a space or a mark (several fields on one
            // line of a crawled page); glued to a colon or a word, it is inside another field's
            // value or a name (`发布机构：标题:…`), not a field of its own.
            let before = text.get(..at - name.len()).unwrap_or("");
            if before.chars().next_back().is_some_and(|c| !(c.is_whitespace() || "-*>#|】]）)，,。；;、".contains(c)))
            {
                continue;
            }
            let rest = text.get(at..).unwrap_or("");
            let rest = rest.trim_start_matches([' ', '\t']);
            if let Some(v) = rest.strip_prefix([':', '：']) {
                // A value is at most 80 characters, white space not counted: a title is printed
                // without it, and a `标题` value cut by its spaces would name the document only
                // once printed. No more of its line is read than holds them, so a long line of
                // many fields is read in linear time.
                let line = v.get(..value_end(v)).unwrap_or("");
                let start = text.len() - v.len() + (line.len() - line.trim_start().len());
                let value = line.trim().to_owned();
                // A value that is itself a field (`发布机构：发布机构：…`) is no value.
                if !value.is_empty() && !is_field_line(&field_start(&value)) {
                    return Some((start, value, starts_its_line(before)));
                }
            }
        }
        None
    })
}

/// The start of `value` without white space, far enough to tell whether it is a field (marks, a
/// field's name, a colon): a value may hold long runs of white space, not copied for this.
fn field_start(value: &str) -> String {
    let mut chars = value.chars().filter(|c| !c.is_whitespace()).peekable();
    let mut start = String::new();
    while let Some(c) = chars.next_if(|c| FIELD_MARKS.contains(c)) {
        start.push(c);
    }
    start.extend(chars.take(8));
    start
}

/// Where a field's value in `v` (the text after its colon) ends: at its line's end, or before its
/// 81st character not counting white space. Spaces and tabs are stepped over as bytes: a value
/// may hold long runs of them, and the runs after a field are read again for each field before.
fn value_end(v: &str) -> usize {
    let mut seen = 0usize;
    let mut i = 0usize;
    while let Some(&byte) = v.as_bytes().get(i) {
        match byte {
            b'\n' => return i,
            b' ' | b'\t' => i += 1,
            _ => {
                let Some(c) = v.get(i..).and_then(|rest| rest.chars().next()) else { break };
                if !c.is_whitespace() {
                    seen += 1;
                    if seen > 80 {
                        return i;
                    }
                }
                i += c.len_utf8();
            }
        }
    }
    v.len()
}

/// Whether the text `before` a field's name ends a line, or holds only white space and marks
/// (`- `, `> `, `| `, `#`) after its last line break. At most 16 characters are looked at, so a
/// line of many fields is read in linear time.
fn starts_its_line(before: &str) -> bool {
    for c in before.chars().rev().take(16) {
        if c == '\n' {
            return true;
        }
        if !(c.is_whitespace() || FIELD_MARKS.contains(&c)) {
            return false;
        }
    }
    before.chars().rev().take(17).count() <= 16
}

/// `spans` sorted and merged where they overlap, for a binary search (a page may print a field
/// many times).
fn merged(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for r in spans {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Whether `at` lies in one of `spans` (sorted and merged).
pub(crate) fn covered(spans: &[Range<usize>], at: usize) -> bool {
    let i = spans.partition_point(|r| r.start <= at);
    i > 0 && spans.get(i - 1).is_some_and(|r| r.contains(&at))
}

/// A field value up to the next field on the same line (crawled pages put several on one line).
fn clip_value(v: &str) -> String {
    v.split(|c: char| c.is_whitespace() || c == '|').next().unwrap_or("").trim().to_owned()
}

/// The first date in `s`: `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or `YYYY年M月D日`.
pub(crate) fn first_date(s: &str) -> Option<Date> {
    dates(s).next().map(|(d, _, _)| d)
}

/// Every date in `s` (whitespace ignored inside the date), with its byte span.
fn dates(s: &str) -> impl Iterator<Item = (Date, usize, usize)> + '_ {
    let b = s.as_bytes();
    let mut i = 0usize;
    std::iter::from_fn(move || {
        while i < b.len() {
            let start = i;
            if let Some((y, after_y)) = number(s, i, 4) {
                if let Some((sep1, after_sep)) = separator(s, after_y) {
                    if let Some((mo, after_m)) = number(s, after_sep, 2) {
                        let sep2 = separator(s, after_m);
                        let same = |a: &str, b: &str| a == b || (a == "年" && b == "月");
                        if let Some((sep2, after_sep2)) = sep2.filter(|(s2, _)| same(sep1, s2)) {
                            let _ = sep2;
                            if let Some((d, after_d)) = number(s, after_sep2, 2) {
                                i = after_d;
                                let ok = u32::try_from(mo).ok().zip(u32::try_from(d).ok());
                                if let Some(date) = ok.and_then(|(mo, d)| Date::new(y as i32, mo, d).ok()) {
                                    return Some((date, start, after_d));
                                }
                                continue;
                            }
                        }
                    }
                }
            }
            i = next_char(s, i);
        }
        None
    })
}

fn next_char(s: &str, i: usize) -> usize {
    s.get(i..).and_then(|r| r.chars().next()).map_or(i + 1, |c| i + c.len_utf8())
}

/// A number of up to `max` digits at `i` (spaces before it skipped); for `max == 4`, exactly 4
/// digits not preceded by a digit.
fn number(s: &str, i: usize, max: usize) -> Option<(i64, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    if max < 4 {
        while b.get(j) == Some(&b' ') {
            j += 1;
        }
    } else if i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let start = j;
    while j < b.len() && b.get(j).is_some_and(u8::is_ascii_digit) && j - start < max {
        j += 1;
    }
    let len = j - start;
    if len == 0 || (max == 4 && len != 4) || b.get(j).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    s.get(start..j)?.parse().ok().map(|n| (n, j))
}

/// A date separator at `i` (spaces around skipped): `年` `月` `-` `/` `.`; `日` is not one.
fn separator(s: &str, i: usize) -> Option<(&'static str, usize)> {
    let rest = s.get(i..)?;
    let trimmed = rest.trim_start_matches(' ');
    let skip = rest.len() - trimmed.len();
    for sep in ["年", "月", "-", "/", "."] {
        if let Some(after) = trimmed.strip_prefix(sep) {
            let after_trim = after.trim_start_matches(' ');
            return Some((sep, i + skip + sep.len() + (after.len() - after_trim.len())));
        }
    }
    None
}

/// The date under the signature: the last date in the closing lines, not one inside the body's
/// name (`organ`, as read) printed at the start of its line. (A name that is a date, `2018-02-20`,
/// is printed as the signature's first line: read as the date, the next page printed a date
/// under it, and the report read back gained a publication date.)
fn signature_date(text: &str, organ: Option<&str>) -> Option<Date> {
    let tail_start = text.len().saturating_sub(400);
    let tail_start = (tail_start..text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    let tail = text.get(tail_start..)?;
    // The dates of a statistics-period sentence near the end (it may start before the tail) are
    // not the signature's.
    let from = (0..=tail_start.saturating_sub(200)).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    let period_at: Vec<usize> = text.get(from..)?.match_indices("统计").map(|(i, _)| from + i).collect();
    dates(tail)
        .filter(|(_, at, end)| {
            // The date under a signature ends its line, apart from the organ's name before it
            // (`示例县人民政府 2026年1月23日`); a date inside a line of prose or a name
            // (`…8072-03-2uuu…`) is not the publication date.
            let line_end = tail.get(*end..).map_or(tail.len(), |t| t.find('\n').map_or(tail.len(), |i| end + i));
            // What stands before is read from the whole text: the tail may start right at a
            // date inside a line, which is not the start of one.
            let before = text.get(..tail_start + at).and_then(|t| t.chars().next_back());
            let alone = before.is_none_or(|c| c == '\n' || c.is_whitespace())
                && tail.get(*end..line_end).is_some_and(|t| t.trim().trim_start_matches('日').trim().is_empty());
            let at = tail_start + at;
            alone && !period_at.iter().any(|p| at > *p && at < p + 200) && !in_name(text, at, organ)
        })
        .last()
        .map(|(d, _, _)| d)
}

/// Whether byte `at` of `text` lies inside the body's name printed at the start of its line.
fn in_name(text: &str, at: usize, organ: Option<&str>) -> bool {
    let Some(organ) = organ.filter(|o| !o.is_empty()) else { return false };
    let line_start = text.get(..at).map_or(0, |t| t.rfind('\n').map_or(0, |i| i + 1));
    let line = text.get(line_start..).unwrap_or("");
    let name_at = line_start + (line.len() - line.trim_start().len());
    line.trim_start().starts_with(organ) && at < name_at + organ.len()
}

/// The year the narrative opens with (`2021年，我镇…`), when neither title nor period states one:
/// the first `YYYY年` in the first 4,000 bytes of section 一 (from its 总体情况 heading; of the text
/// when there is none). Counted from section 一, not from the top of the page, so that how much
/// front matter a page prints does not decide whether the year is found.
fn narrative_year(text: &str) -> Option<i32> {
    let from = text.find("总体情况").unwrap_or(0);
    let end = (0..=text.len().min(from.saturating_add(4000))).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
    let head = text.get(from..end.max(from)).unwrap_or("");
    head.match_indices('年').find_map(|(i, _)| {
        let before = head.get(..i)?.trim_end();
        let digits = before.get(before.len().checked_sub(4)?..)?;
        let prefix_digit = before.len() > 4 && before.as_bytes().get(before.len() - 5).is_some_and(u8::is_ascii_digit);
        // A longer number is no year, except before the report's name (`…42020年政府信息公开…`,
        // a body's name ending in a digit), as in a title.
        let named = head.get(i + '年'.len_utf8()..).is_some_and(crate::check::names_the_report);
        if (prefix_digit && !named) || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse::<i32>().ok().filter(|y| (2000..2100).contains(y))
    })
}

/// The names a title gives the document.
const TITLE_NAMES: [&str; 6] = ["年度报告", "年报", "工作总结", "自评报告", "自查报告", "汇编"];

/// The title: a `标题` field naming the document, else an early line naming it (年度报告 …);
/// with the byte range it was read from.
fn title(text: &str, fields: &[Range<usize>]) -> Option<(String, Range<usize>)> {
    // A field's value names the document as a title line does: `标题:` inside a line of
    // something else (a body's name ending in 标题, followed by a colon) gives no title. And it
    // stands where the title does, before the body: `…标题: …` in section text is prose.
    // Nor does a value holding a `标题:` of its own: printed as the title, it would read back as
    // that field, a shorter title each time.
    // Nor does a value that, printed as the title line, would not read as one: a field's line
    // (`发布机构:…`) or the opening of the body (`一、…`, `本报告…`). Nor a `标题:` inside the value
    // of another field (`发布机构：…四、标题:…`, up to its first space), which is that field's.
    let named = |t: &String| {
        let bare = t.trim_start_matches(['#', '-', '*', '>']);
        TITLE_NAMES.iter().any(|n| t.contains(n))
            && !t.contains("标题:")
            && !t.contains("标题：")
            && !bare.starts_with("一、")
            && !bare.starts_with("本报告")
            && !is_field_line(t)
    };
    // At most the first 64 `标题` fields are tried: a page of one line repeating `标题:` would
    // otherwise have each of its values (80 characters) read and compacted.
    if let Some((at, t, _)) =
        field_values(front_text(text), "标题").take(64).find(|(at, t, _)| !covered(fields, *at) && named(&compact(t)))
    {
        // Marks before it are dropped as before a title line (a Markdown `#`).
        let c = compact(&t);
        let bare = c.trim_start_matches(['#', '-', '*', ' ']);
        let lead = c.len() - bare.len();
        return Some(match heading_after_name(bare).and_then(|cut| Some((bare.get(..cut)?, cut))) {
            Some((title, cut)) => (title.to_owned(), at..at + printed_len(&t, lead + cut)),
            None => (bare.to_owned(), at..at + t.len()),
        });
    }
    let lines = early_lines(text);
    for (i, c) in front(&lines) {
        // The length limit is the title's own: a Markdown `#` before it does not count.
        let t = c.trim_start_matches(['#', '-', '*', ' ']);
        if t.chars().count() <= 80 && TITLE_NAMES.iter().any(|n| t.contains(n)) && !c.starts_with("本报告") {
            let cut = heading_after_name(t);
            let lead = c.len() - t.len();
            let t = cut.and_then(|at| t.get(..at)).unwrap_or(t);
            // The printed text the title was read from: its line(s), up to the cut.
            let span = |from: usize| {
                let end = lines.get(i).map(|(b, l)| b + cut.map_or(l.len(), |_| printed_len(l, lead + t.len())));
                lines.get(from).zip(end).map_or(0..0, |((a, _), end)| *a..end)
            };
            let c = t.to_owned();
            // A title printed on two lines: the body's name above, the rest below.
            let starts_with_year = c.chars().next().is_some_and(|ch| ch.is_ascii_digit());
            if starts_with_year {
                if let Some((_, prev)) = i.checked_sub(1).and_then(|j| lines.get(j)) {
                    let p = compact(prev);
                    // Joined, it is still a title: at most 80 characters (a title printed on one
                    // line is read to no more).
                    let joined = p.chars().count() + c.chars().count();
                    if p.chars().count() <= 30 && joined <= 80 && !p.contains(['。', ',', ':', '，', '.', '-']) {
                        return Some((format!("{p}{c}"), span(i - 1)));
                    }
                }
            }
            return Some((c, span(i)));
        }
    }
    None
}

/// The lines before the body ending in the report's name but too long to be its title (a long
/// body's name before the name, as `heading_year` reads them): what precedes the name there is
/// the body's name, and a heading's words in it (`…二、主动公开` + `政府信息公开工作年度报告`) are
/// no heading. A line going on after the name is not one: a page run together on one line, whose
/// sections may mention a 年报. Words starting the line are not covered either: a page of one
/// line may open with a heading.
///
/// Each with the byte offset of its line.
fn names_too_long_for_a_title(text: &str) -> Vec<(usize, Range<usize>)> {
    let lines = early_lines(text);
    // Lines are compacted only when one, as printed, ends in the name: a page of one long line
    // is not copied again.
    let ends_in_name = |l: &str| {
        let mut tail: Vec<char> = l.chars().rev().filter(|c| !c.is_whitespace()).take(8).collect();
        tail.reverse();
        let tail: String = tail.into_iter().collect();
        TITLE_NAMES.iter().any(|n| tail.ends_with(n))
    };
    if !lines.iter().any(|(_, l)| l.chars().count() > 80 && ends_in_name(l)) {
        return Vec::new();
    }
    front(&lines)
        .filter_map(|(i, c)| {
            let t = c.trim_start_matches(['#', '-', '*', '>']);
            let name = TITLE_NAMES.iter().find(|n| t.ends_with(*n))?;
            if t.chars().count() <= 80 {
                return None;
            }
            let name_at = t.len() - name.len();
            let first = t.chars().next()?.len_utf8();
            let lead = c.len() - t.len();
            let (at, line) = lines.get(i)?;
            Some((*at, at + printed_len(line, lead + first)..at + printed_len(line, lead + name_at)))
        })
        .collect()
}

/// Where a numbered section heading run on after a title (`…年度报告一、总体情况`) ends it. Before
/// the document's name (its last mention) a heading is part of the title: a body's name holding one.
fn heading_after_name(title: &str) -> Option<usize> {
    let name_at = TITLE_NAMES.iter().filter_map(|n| title.rfind(n)).max()?;
    super::sections::heading_in(title, name_at + 1)
}

/// The text before the body — its opening sentence (本报告…) or section 一's heading — within the
/// first 40 non-empty lines: where a title may stand, as `early_lines` and `front` read it.
fn front_text(text: &str) -> &str {
    for (n, (line_at, _, line)) in nonblank_lines(text).enumerate() {
        let c = compact(line);
        let bare = c.trim_start_matches(['#', '-', '*', '>']);
        if n >= 40 || bare.starts_with("一、") || bare.starts_with("本报告") {
            return text.get(..line_at).unwrap_or(text);
        }
    }
    text
}

/// The byte length of the shortest prefix of `line` holding its first `n` bytes of non-white
/// characters (where a prefix of its compacted form ends in the line as printed).
fn printed_len(line: &str, n: usize) -> usize {
    let mut seen = 0;
    for (at, ch) in line.char_indices() {
        if seen >= n {
            return at;
        }
        if !ch.is_whitespace() {
            seen += ch.len_utf8();
        }
    }
    line.len()
}

/// The first 40 non-empty lines, trimmed, each with its byte offset: where a title may stand.
fn early_lines(text: &str) -> Vec<(usize, &str)> {
    nonblank_lines(text).take(40).map(|(_, at, line)| (at, line)).collect()
}

/// The lines holding more than white space, in order: the offset of the line's start, the offset
/// of its first non-white character, and the line trimmed. A run of blank lines is stepped over
/// a byte at a time, not line by line: a page of millions of empty lines before its first word
/// would otherwise cost a search and two trims per line, on each of the readers that look for
/// the first 40.
fn nonblank_lines(text: &str) -> impl Iterator<Item = (usize, usize, &str)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let blank = text.as_bytes().get(at..)?.iter().take_while(|b| b.is_ascii_whitespace()).count();
            let first = at + blank;
            if first >= text.len() {
                at = first;
                return None;
            }
            // The line holding the first byte not stepped over (`at` always starts a line).
            let line_at = text.get(at..first)?.rfind('\n').map_or(at, |i| at + i + 1);
            let end = text.get(first..)?.find('\n').map_or(text.len(), |i| first + i + 1);
            let line = text.get(line_at..end)?;
            at = end;
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                return Some((line_at, line_at + (line.len() - line.trim_start().len()), trimmed));
            }
        }
    })
}

/// The lines of `lines` before the body that are not metadata fields, compacted, with their index.
fn front<'a>(lines: &'a [(usize, &str)]) -> impl Iterator<Item = (usize, String)> + 'a {
    lines
        .iter()
        .map(|(_, l)| compact(l))
        // The title comes before the body: from its opening sentence (`本报告根据…`) or section
        // 一's heading on, a line naming a 年度报告 or 工作总结 is prose (section text quoting one,
        // or the body's name under the signature), not the title.
        .take_while(|c| {
            let bare = c.trim_start_matches(['#', '-', '*', '>']);
            !(bare.starts_with("一、") || bare.starts_with("本报告"))
        })
        .enumerate()
        // A body's name may hold 自评报告 and the like: its field line is not the title.
        .filter(|(_, c)| !is_field_line(c))
}

/// The year of the report's name in a heading too long to be the title
/// (`<a long body's name>2020年政府信息公开工作年度报告`): what is printed there is still the year.
fn heading_year(text: &str) -> Option<i32> {
    front(&early_lines(text)).find_map(|(_, c)| crate::check::report_name_year(&c))
}

/// Whitespace removed (titles and names are CJK; extraction scatters spaces in them).
fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The body's name in a title: what precedes the year (`三封寺镇2022年度…`), as a field holds it
/// (up to a `|`): printed in its 发布机构 line, a name holding `|` would read back shorter, and the
/// rest of the line as text.
fn organ_from_title(title: &str) -> Option<String> {
    let cut = title.find(|c: char| c.is_ascii_digit()).or_else(|| title.find("政府信息公开"))?;
    let name = clip_value(title.get(..cut)?);
    let name = name.trim_matches(['"', '“', '”', ' ']);
    let named = name.chars().any(char::is_alphanumeric);
    (named && name.chars().count() >= 2 && name.chars().count() <= 40).then(|| name.to_owned())
}

/// `department` for 乡镇 / 街道 / 片区 bodies and government departments; `government` for a
/// local 人民政府's own report.
pub(crate) fn organ_kind(name: &str) -> Option<OrganKind> {
    let name = name.split(|c: char| c.is_ascii_digit()).next().unwrap_or(name);
    if name.is_empty() {
        return None;
    }
    let township = ["镇", "乡", "街道", "片区", "办事处"];
    let local = name.rsplit("政府").next().unwrap_or("");
    if name.contains("政府") && local.is_empty() {
        // The name ends with 政府: a town's 人民政府 is still a township-level body.
        let before = name.trim_end_matches("人民政府").trim_end_matches("政府");
        if township.iter().any(|t| before.ends_with(t)) {
            return Some(OrganKind::Department);
        }
        return Some(OrganKind::Government);
    }
    Some(OrganKind::Department)
}

/// The 统计期限 sentence: the two dates after 统计期限 (the second may omit its year).
fn period(k: &Skeleton) -> Option<Period> {
    // A page may name 统计时间 before its statement of the period — in a body's name in the
    // title, say. The statement in the printed form (自…起至…止) wins wherever it stands; else
    // the first mention that reads as a period.
    let windows = period_windows(k);
    windows.iter().find_map(|w| period_from_to(w)).or_else(|| windows.iter().find_map(|w| loose_period(w)))
}

/// The 150 bytes after each mention of the statistics period (the first 16 mentions: a page
/// naming it more often says nothing more about it).
fn period_windows(k: &Skeleton) -> Vec<&str> {
    const NEEDLES: [&str; 5] = ["统计期限", "统计时限", "统计期间", "数据统计时间", "统计时间"];
    let mut windows = Vec::new();
    let mut from = 0;
    while windows.len() < 16 {
        let Some((at, len)) = k.find_any(&NEEDLES, from, k.s.len()) else { break };
        let start = at + len;
        let end = (start + 150).min(k.s.len());
        let end = (end..k.s.len()).find(|i| k.s.is_char_boundary(*i)).unwrap_or(k.s.len());
        if let Some(w) = k.s.get(start..end) {
            windows.push(w);
        }
        from = start;
    }
    windows
}

/// `2025年1月1日至2025年12月31日`, `2025年1月1日至12月31日`, …: two dates, the second
/// perhaps without its year, which must then follow the first directly.
fn loose_period(window: &str) -> Option<Period> {
    let mut found: Vec<(Date, usize, usize)> = dates(window).take(2).collect();
    if found.len() < 2 {
        let (start, _, after) = *found.first()?;
        let rest = window.get(after..)?;
        let rest = rest.trim_start_matches(['日', '起', '至', '到', '-', '~']);
        // Only a month and day right after the first date are its end (not whatever digits
        // come later in the line: a body's name holding 统计时间 and a date read as a period).
        if !rest.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
            return None;
        }
        let md: String = format!("{}年{}", start.year(), rest);
        let (d, at, _) = dates(&md).next()?;
        if at != 0 {
            return None;
        }
        found.push((d, 0, 0));
    }
    let start = found.first().map(|d| d.0);
    let end = found.get(1).map(|d| d.0);
    Some(Period { start, end })
}

/// `自 X 起至 Y 止` with each side a full date or printed blank (the form render writes).
fn period_from_to(window: &str) -> Option<Period> {
    let rest = window.strip_prefix('为').unwrap_or(window).strip_prefix('自')?;
    let (start, rest) = rest.split_once("起至")?;
    let (end, _) = rest.split_once('止')?;
    let side = |s: &str| -> Option<Option<Date>> {
        if s.is_empty() {
            return Some(None);
        }
        let (d, a, b) = dates(s).next()?;
        (a == 0 && s.get(b..) == Some("日")).then_some(Some(d))
    };
    Some(Period { start: side(start)?, end: side(end)? })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn title_text(text: &str) -> Option<String> {
        read(text, &Skeleton::new(text)).title
    }

    #[test]
    fn period_as_rendered() {
        let k = Skeleton::new("本报告中所列数据的统计期限自起至2023年12月31日止。");
        let p = period(&k).unwrap();
        assert_eq!((p.start, p.end.map(|d| d.to_string())), (None, Some("2023-12-31".into())));
        let k = Skeleton::new("统计期限自2022年1月1日起至2022年12月31日止");
        assert_eq!(period(&k).unwrap().start.map(|d| d.to_string()), Some("2022-01-01".into()));
    }

    #[test]
    fn the_title_is_looked_for_before_the_opening_sentence() {
        let page = "示例县政府信息公开工作年度报告\n本报告根据条例编制。\n示例县自评报告工作组\n";
        assert_eq!(title_text(page).as_deref(), Some("示例县政府信息公开工作年度报告"));
        assert_eq!(title_text("本报告根据条例编制。\n示例县自评报告工作组\n"), None);
    }

    #[test]
    fn a_field_name_glued_to_other_text_is_no_field() {
        // Found by a structured probe of render_roundtrip: a body's name `标题:标题:发布机构：` printed
        // in the title line gave a 发布机构 field (and a 标题 field) inside the title.
        let text = "标题:标题:发布机构：2023年政府信息公开工作年度报告\n发布机构：某局\n";
        assert_eq!(field(text, &ORGAN_FIELDS).map(|(_, v)| v).as_deref(), Some("某局"));
        assert_eq!(title_text(text).as_deref(), Some("标题:标题:发布机构：2023年政府信息公开工作年度报告"));
        // Several fields on one line of a crawled page, after spaces or marks, are still fields.
        let crawled = "索引号：A-1 发布机构：某局|发布日期：2023-01-20\n";
        assert_eq!(field(crawled, &ORGAN_FIELDS).map(|(_, v)| clip_value(&v)).as_deref(), Some("某局"));
        assert!(field(crawled, &["发布日期"]).is_some());
        // A value that is itself a field is no value: the next field is read.
        let text = "# 发布机构：发布机构：\n发布机构：某局\n";
        assert_eq!(field(text, &ORGAN_FIELDS).map(|(_, v)| v).as_deref(), Some("某局"));
        // A field on a line of its own wins over one inside a line before it (a title line holding
        // `<p>发布机构：`, fuzz/regressions/render_roundtrip-field-after-a-tag-in-a-long-name); one
        // inside a line is read when no line has one of its own.
        let text = "某某<p>发布机构：某处2023年政府信息公开工作年度报告\n- 发布机构：某局\n";
        assert_eq!(field(text, &ORGAN_FIELDS).map(|(_, v)| v).as_deref(), Some("某局"));
        let text = "某某<p>发布机构：某局 2023年政府信息公开工作年度报告\n";
        assert_eq!(field(text, &ORGAN_FIELDS).map(|(_, v)| clip_value(&v)).as_deref(), Some("某局"));
    }

    #[test]
    fn a_title_field_reads_as_a_title_line_would() {
        // Printed as the title line, these would be a field's line and the opening of section 一:
        // they are no title; the line holding them is, as printed.
        for value in ["发布机构:某局2020年政府信息公开工作年度报告", "一、总体情况某局2020年政府信息公开工作年度报告"]
        {
            let page = format!("标题：{value}\n发布机构：某局\n本报告根据条例编制。\n");
            assert_eq!(title_text(&page), Some(format!("标题：{value}")), "{value}");
        }
    }

    #[test]
    fn a_field_line_is_no_title() {
        assert_eq!(title_text("发布机构：某局自评报告工作组\n"), None);
        assert_eq!(
            title_text("- 发布机构:某局自评报告工作组\n某局2022年政府信息公开工作年度报告\n").as_deref(),
            Some("某局2022年政府信息公开工作年度报告")
        );
        assert_eq!(title_text("某局发布机构年度报告\n").as_deref(), Some("某局发布机构年度报告"));
        // Regression (fuzz/regressions/render_roundtrip-a-field-line-after-a-bar-as-the-title): a
        // line that is a 发布机构 field after a `|` is a field line, not the title as well.
        let page = "|发布机构:某局2022年政府信息公开工作年度报告\n发布机构：某局\n";
        assert_eq!(title_text(page), None);
        assert_eq!(
            title_text("| 发布机构：某局 |\n某局2022年政府信息公开工作年度报告\n").as_deref(),
            Some("某局2022年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn a_title_field_names_the_document() {
        assert_eq!(
            title_text("标题：某局2022年政府信息公开工作年度报告\n").as_deref(),
            Some("某局2022年政府信息公开工作年度报告")
        );
        assert_eq!(title_text("示例县标题     :    `      (((((\n"), None);
        assert_eq!(
            title_text("标题:(((((\n某局2022年政府信息公开工作年度报告\n").as_deref(),
            Some("某局2022年政府信息公开工作年度报告")
        );
        // Regression (fuzz/regressions/render_roundtrip-a-title-field-cut-by-its-spaces): its 80
        // characters are counted without white space, as the title is printed. Cut by its
        // spaces, the value did not name the document, and the whole line was the title; printed
        // without the spaces, the field was the title, and the line's start was lost.
        let spaced = format!("x、标题:某局{}2022年政府信息公开工作年度报告\n", " ".repeat(90));
        assert_eq!(title_text(&spaced).as_deref(), Some("某局2022年政府信息公开工作年度报告"));
        assert_eq!(title_text(&compact(&spaced)).as_deref(), Some("某局2022年政府信息公开工作年度报告"));
        let long = format!("标题:{}年度报告\n", "某".repeat(77));
        assert_eq!(title_text(&long), None);
    }

    #[test]
    fn a_title_field_stands_before_the_body() {
        let page = "某局2017年政府信息公开工作年度报告\n发布机构：某局\n一、总体情况\n示例县标题：某年报\n";
        assert_eq!(title_text(page).as_deref(), Some("某局2017年政府信息公开工作年度报告"));
        let page = "标题：某局2017年政府信息公开工作年度报告\n本报告根据条例编制。\n标题：某年报\n";
        assert_eq!(title_text(page).as_deref(), Some("某局2017年政府信息公开工作年度报告"));
        assert_eq!(front_text("标题：甲\n\n本报告根据…\n一、总体情况\n"), "标题：甲\n\n");
    }

    /// The non-blank lines as splitting the text line by line gives them, whatever white space
    /// the blank lines hold (ASCII runs are stepped over in bulk, others line by line).
    #[test]
    fn nonblank_lines_are_the_lines_with_a_word() {
        fn by_line(text: &str) -> Vec<(usize, usize, &str)> {
            let mut at = 0;
            let mut out = Vec::new();
            for line in text.split_inclusive('\n') {
                if !line.trim().is_empty() {
                    out.push((at, at + line.len() - line.trim_start().len(), line.trim()));
                }
                at += line.len();
            }
            out
        }
        for text in [
            "",
            "\n\n\n",
            "甲",
            "\n\n  甲 \n乙",
            "\r\n\r\n 甲\r\n\r\n",
            "\u{3000}\n\u{3000}甲\n \u{3000} \n\t乙\t\n",
            "\u{b}\n\u{b}甲\u{b}\n\u{c}\n丙",
            " \n \n \n一、总体情况\n\n\n",
            "甲\n\n\n",
        ] {
            assert_eq!(nonblank_lines(text).collect::<Vec<_>>(), by_line(text), "{text:?}");
        }
        // The 41st non-empty line ends the text before the body, after any number of blank ones.
        let page = format!("{}{}", "行\n\n\n".repeat(40), "标题：某局2017年政府信息公开工作年度报告\n");
        assert_eq!(front_text(&page).len(), "行\n\n\n".len() * 40);
    }

    #[test]
    fn a_year_is_from_1000_on() {
        // Regression (fuzz/regressions/render_roundtrip-zeros-before-the-report-name): a name
        // ending in `0000年` printed before the report's name gave the year 0.
        let year = |text: &str| read(text, &Skeleton::new(text)).year;
        assert_eq!(year("某局00000000年政府信息公开工作年度报告\n"), None);
        assert_eq!(year("某局0999年政府信息公开工作年度报告\n"), None);
        assert_eq!(
            year("某局00000000年政府信息公开工作年度报告\n统计期限自2020年1月1日起至2020年12月31日止"),
            Some(2020)
        );
        assert_eq!(year("某局2020年政府信息公开工作年度报告\n"), Some(2020));
    }

    #[test]
    fn a_name_of_marks_alone_is_no_name() {
        // Regression (fuzz/regressions/render_roundtrip-name-of-marks-alone): `发布机构：#|` gave the
        // name `#`, whose signature line a Markdown page reads as a heading's mark.
        let organ = |text: &str| read(text, &Skeleton::new(text)).organ;
        assert_eq!(organ("发布机构：#|\n"), None);
        assert_eq!(organ("发布机构：——\n"), None);
        assert_eq!(organ("|*2019年政府信息公开工作年度报告\n"), None);
        assert_eq!(organ("发布机构：#某局\n").as_deref(), Some("#某局"));
        assert_eq!(organ("某局2019年政府信息公开工作年度报告\n").as_deref(), Some("某局"));
    }

    #[test]
    fn a_name_from_the_title_is_what_its_field_would_hold() {
        // Regression (fuzz/regressions/render_roundtrip-bar-in-a-name-from-the-title): a name taken
        // from the title held `|`; printed in its 发布机构 line, it read back up to the `|`, and the
        // rest of the line, `三、总体情况`, as section 一's heading.
        let organ = |text: &str| read(text, &Skeleton::new(text)).organ;
        assert_eq!(organ("某局|三、总体情况2019年政府信息公开工作年度报告\n").as_deref(), Some("某局"));
        assert_eq!(organ("发布机构：某局|三、总体情况\n").as_deref(), Some("某局"));
    }

    #[test]
    fn a_title_field_inside_another_fields_value_is_that_value() {
        // Regression (fuzz/regressions/render_roundtrip-title-field-inside-a-name-field): a body's
        // name `…四、标题:政府信息公开工作年度报告` printed in its 发布机构 line gave a 标题 field.
        let text = "某局2023年政府信息公开工作年度报告\n发布机构：某局四、标题:政府信息公开工作年度报告\n";
        assert_eq!(title_text(text).as_deref(), Some("某局2023年政府信息公开工作年度报告"));
        // After the value (a space ends it), a 标题 field is one (fields run together on a line).
        let text = "发布机构：某局 标题:某局2023年政府信息公开工作年度报告\n";
        assert_eq!(title_text(text).as_deref(), Some("某局2023年政府信息公开工作年度报告"));
    }

    #[test]
    fn a_title_field_holds_no_field_of_its_own() {
        // Each `标题:` would peel off the one before. A `标题` glued to a body's name (示例县标题) is no
        // field at all: the line is the title.
        let page = "示例县标题 : `示例县标题:`**2017年政府信息公开工作年度报告\n本报告根据条例编制。\n";
        assert_eq!(title_text(page).as_deref(), Some("示例县标题:`示例县标题:`**2017年政府信息公开工作年度报告"));
        let page = "标题 : ` 标题 : `**2017年政府信息公开工作年度报告\n本报告根据条例编制。\n";
        assert_eq!(title_text(page).as_deref(), Some("`**2017年政府信息公开工作年度报告"));
        assert_eq!(
            title_text("`**2017年政府信息公开工作年度报告\n").as_deref(),
            Some("`**2017年政府信息公开工作年度报告")
        );
    }

    #[test]
    fn a_title_on_two_lines_is_at_most_80_characters_too() {
        let two = |name: &str| title_text(&format!("{name}\n2022年{}政府信息公开工作年度报告\n", "某".repeat(50)));
        assert_eq!(two("示例县交通运输局").map(|t| t.chars().count()), Some(8 + 5 + 50 + 12));
        // 20 + 67 > 80: the second line alone.
        assert_eq!(two(&"示".repeat(20)).map(|t| t.chars().count()), Some(67));
    }

    #[test]
    fn a_markdown_heading_mark_does_not_count_in_the_title_length() {
        let name = "某".repeat(63);
        let page = format!("# {name}2017年政府信息公开工作年度报告\n");
        assert_eq!(title_text(&page).map(|t| t.chars().count()), Some(80));
        assert_eq!(title_text(&format!("# 某{name}2017年政府信息公开工作年度报告\n")), None);
    }

    #[test]
    fn the_narrative_year_is_looked_for_in_section_1() {
        let front = "某局政府信息公开工作年度报告\n".to_owned() + &"发布机构：某局\n".repeat(400);
        assert_eq!(narrative_year(&format!("{front}一、总体情况\n2022年，我局认真落实条例。")), Some(2022));
        assert_eq!(narrative_year("2021年，我镇认真落实条例。"), Some(2021));
        assert_eq!(narrative_year(&format!("一、总体情况\n{}2022年", "我局".repeat(1000))), None);
    }

    #[test]
    fn a_year_glued_to_a_name_ending_in_a_digit_is_read_before_the_report_name() {
        use crate::check::title_year;
        assert_eq!(title_year("某局第4号2020年政府信息公开工作年度报告"), Some(2020));
        assert_eq!(title_year("某局44442020年度政府信息公开工作年度报告"), Some(2020));
        assert_eq!(title_year("某局第一二〇二〇年政府信息公开工作年度报告"), Some(2020));
        // Not before the report's name: a longer number is no year.
        assert_eq!(title_year("某局编号12020年报"), None);
        assert_eq!(narrative_year("某局44442020年政府信息公开工作年度报告"), Some(2020));
        assert_eq!(narrative_year("共收到44442020年度申请"), None);
    }

    #[test]
    fn a_heading_too_long_for_a_title_still_gives_the_year() {
        let name = "某".repeat(70);
        let text = format!("{name}2018年政府信息公开工作年度报告\n发布机构：{name}\n一、总体情况\n我局推进政务公开。");
        assert_eq!(title_text(&text), None);
        assert_eq!(heading_year(&text), Some(2018));
        // Only the year before the report's name, and only before the body.
        assert_eq!(heading_year(&format!("{name}2017年度工作要点及2018年工作年度报告")), None);
        assert_eq!(heading_year("一、总体情况\n某局2018年政府信息公开工作年度报告"), None);
    }

    #[test]
    fn the_signature_date_is_a_line_of_its_own() {
        let d = |t: &str| signature_date(t, Some("示例县人民政府")).map(|d| d.to_string());
        assert_eq!(d("……改进。\n示例县人民政府\n2026年1月23日\n"), Some("2026-01-23".into()));
        assert_eq!(d("……改进。\n示例县人民政府\n  2026-01-23  "), Some("2026-01-23".into()));
        assert_eq!(d("……改进。\n示例县人民政府　2026年1月23日\n"), Some("2026-01-23".into()));
        assert_eq!(d("……改进。\n示例县8072-03-2人民政府\n"), None);
        assert_eq!(d("……改进。\n示例县人民政府8072-03-02\n"), None);
        assert_eq!(d("于2026年1月23日完成。\n示例县人民政府"), None);
        // The last 400 bytes starting right at a date inside a line: not the start of a line.
        let t = format!("某局2018-03-20\n{}A级评定。\n某局", "改进。".repeat(41));
        let at = t.len() - 400;
        assert_eq!(t.get(at..at + 10), Some("2018-03-20"));
        assert_eq!(d(&t), None);
        // A name that is a date, printed as the signature's first line, is the name
        // (fuzz/regressions/render_roundtrip-a-name-that-is-a-date).
        let named = |t: &str| signature_date(t, Some("2018-02-20")).map(|d| d.to_string());
        assert_eq!(named("……改进。\n2018-02-20\n"), None);
        assert_eq!(named("……改进。\n  2018-02-20\n2018年2月21日\n"), Some("2018-02-21".into()));
        assert_eq!(named("……改进。\n2018-02-20 2018年2月21日\n"), Some("2018-02-21".into()));
    }

    #[test]
    fn dates_in_all_forms() {
        assert_eq!(first_date("2023-02-01 20:18").map(|d| d.to_string()), Some("2023-02-01".into()));
        assert_eq!(first_date("于2019年2月14日").map(|d| d.to_string()), Some("2019-02-14".into()));
        assert_eq!(first_date("2023 年 1 月 1 日").map(|d| d.to_string()), Some("2023-01-01".into()));
        assert_eq!(first_date("编号12345-6-7"), None);
    }

    #[test]
    fn a_name_holding_statistics_time_is_not_the_period() {
        let p =
            |t: &str| period(&Skeleton::new(t)).map(|p| (p.start.map(|d| d.to_string()), p.end.map(|d| d.to_string())));
        // A date and later digits in a name are not a period.
        assert_eq!(p("某局据统计时间YY8072-03-2~uu37((((3-F20政府信息公开工作年度报告"), None);
        // The printed statement wins over a mention before it.
        let page =
            "某局据统计时间2018-01-01至2018-12-31报告\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。";
        assert_eq!(p(page), Some((Some("2023-01-01".into()), Some("2023-12-31".into()))));
        // A later mention is read when the first says nothing.
        assert_eq!(
            p("统计时间说明见后。\n数据统计时间：2024年1月1日至12月31日"),
            Some((Some("2024-01-01".into()), Some("2024-12-31".into())))
        );
    }

    #[test]
    fn period_sentence() {
        let k = Skeleton::new("本报告所列数据统计期限为自2022年1月1日至2021年12月31日。");
        let p = period(&k).map(|p| (p.start.map(|d| d.to_string()), p.end.map(|d| d.to_string())));
        assert_eq!(p, Some((Some("2022-01-01".into()), Some("2021-12-31".into()))));
        let k = Skeleton::new("统计期限为 2025\n年 1 月 1 日至 12 月 31 日。");
        let p = period(&k).map(|p| p.end.map(|d| d.to_string()));
        assert_eq!(p, Some(Some("2025-12-31".into())));
    }

    #[test]
    fn kinds() {
        assert_eq!(organ_kind("三封寺镇"), Some(OrganKind::Department));
        assert_eq!(organ_kind("新开镇人民政府"), Some(OrganKind::Department));
        assert_eq!(organ_kind("淮安市人民政府"), Some(OrganKind::Government));
        assert_eq!(organ_kind("上海市人民政府办公厅"), Some(OrganKind::Department));
        assert_eq!(organ_kind("平潭综合实验区君山片区管理局"), Some(OrganKind::Department));
    }
}
