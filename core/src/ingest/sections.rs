//! The six sections: each heading is a Chinese numeral and a separator before the section's
//! words (`五、存在的主要问题及改进情况`). A mention of the words without a numeral (the
//! introduction lists the six parts) is not a heading. The text runs to the next heading.

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

pub(crate) struct Found {
    pub sections: Sections,
    pub headings: Headings,
    /// Skeleton offsets of each found heading (start), for telling a table's extent.
    pub count: usize,
}

/// Finds the headings in printed order and cuts the text between them.
pub(crate) fn read(text: &str, k: &Skeleton) -> Found {
    let mut hits: Vec<(SectionKey, usize, usize, String)> = Vec::new();
    let mut pos = 0usize;
    for (key, words) in HEADINGS {
        let mut from = pos;
        let mut hit = None;
        while let Some((at, len)) = k.find_any(words, from, k.s.len()) {
            if let Some(numeral_start) = numeral_before(k, at) {
                hit = Some((numeral_start, at + len));
                break;
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
    for (i, (key, _, end, printed)) in hits.iter().enumerate() {
        let a = k.text_end(*end);
        let b = hits.get(i + 1).map_or(text.len(), |n| k.text_pos(n.1));
        let body = text.get(a..b.max(a)).unwrap_or("").trim();
        sections.insert(*key, body);
        headings.set(*key, Some(printed.clone()));
    }
    Found { count: hits.len(), sections, headings }
}

/// The start of `一、` / `一.` / `(一)` just before `at`, if there is one.
fn numeral_before(k: &Skeleton, at: usize) -> Option<usize> {
    let before = k.s.get(..at)?;
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
        let f = read(text, &k);
        assert_eq!(f.sections.get(SectionKey::Overview), Some("本年做了工作。"));
        assert_eq!(f.sections.get(SectionKey::Problems), Some("无。"));
        assert_eq!(f.headings.get(SectionKey::Problems).map(String::as_str), Some("五、存在的主要问题及改进情况"));
        assert_eq!(f.count, 3);
    }
}
