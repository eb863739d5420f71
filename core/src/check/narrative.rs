//! Narrative rules on the sections' text: counts the text states against the tables, a claim
//! that every application was completed while some are carried over, and an empty section 五.
//! They work on `report.sections`, so they apply to Report JSON as well as to parsed text.
//! Each finding points at the sentence by its character offset in the section's text.

use super::{Code, Ctx, Finding};
use crate::report::{Key, RequestColumn, RequestRow, ReviewColumn, ReviewGroup, SectionKey, Sections};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(sections) = ctx.report.sections.as_ref() else { return };
    problems_empty(sections, out);
    if !ctx.has_tables() {
        return;
    }
    for key in [SectionKey::Overview, SectionKey::Requests, SectionKey::ReviewLitigation] {
        if let Some(text) = sections.get(key) {
            count_mismatch(ctx, key, text, out);
            contradiction(ctx, key, text, out);
        }
    }
}

/// A count the text states: the words that introduce it, whether the clause must speak of
/// 申请 (so 12345-hotline figures are not taken for applications), and the table cell.
struct Statement {
    words: &'static [&'static str],
    needs_application: bool,
    what: Figure,
}

#[derive(Clone, Copy)]
enum Figure {
    Requests(RequestRow),
    Review,
    Litigation,
}

const STATEMENTS: &[Statement] = &[
    Statement {
        words: &["共收到", "收到", "新收", "受理"],
        needs_application: true,
        what: Figure::Requests(RequestRow::Received),
    },
    Statement { words: &["办结"], needs_application: false, what: Figure::Requests(RequestRow::TotalHandled) },
    Statement {
        words: &["结转下年度", "结转至下年", "结转到下年", "结转下一年", "转入下一年", "转入下年"],
        needs_application: false,
        what: Figure::Requests(RequestRow::CarriedOver),
    },
    Statement { words: &["行政复议"], needs_application: false, what: Figure::Review },
    Statement { words: &["行政诉讼"], needs_application: false, what: Figure::Litigation },
];

/// Longest gap (in characters) between the words and the number: `共收到政府信息公开申请58件`.
const MAX_GAP: usize = 16;

fn figure(ctx: &Ctx, what: Figure) -> Option<(u64, &'static str, &'static str)> {
    let r = ctx.report;
    match what {
        Figure::Requests(row) => {
            let v = r.requests.as_ref()?.get(row)?.value(RequestColumn::Total)?;
            Some((v, row.key(), RequestColumn::Total.key()))
        }
        Figure::Review => {
            let v = r.review_litigation.as_ref()?.get(ReviewGroup::Review)?.value(ReviewColumn::Total)?;
            Some((v, ReviewGroup::Review.key(), ReviewColumn::Total.key()))
        }
        Figure::Litigation => {
            let t = r.review_litigation.as_ref()?;
            let a = t.get(ReviewGroup::LitigationDirect)?.value(ReviewColumn::Total)?;
            let b = t.get(ReviewGroup::LitigationAfterReview)?.value(ReviewColumn::Total)?;
            Some((a.checked_add(b)?, "litigation", ReviewColumn::Total.key()))
        }
    }
}

/// Clauses of `text` (split at sentence and clause punctuation) with their byte offsets.
fn clauses(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0usize;
    text.split_inclusive(['。', '；', ';', '，', ',', '\n', '：', ':']).map(move |c| {
        let at = start;
        start += c.len();
        (at, c)
    })
}

/// The first number after `from` in `clause`, followed by a counting word (件 起 宗 个), within
/// `MAX_GAP` characters and before any other digit.
fn stated_count(clause: &str, from: usize) -> Option<u64> {
    let rest = clause.get(from..)?;
    let (i, _) = rest.char_indices().find(|(_, c)| c.is_ascii_digit())?;
    if rest.get(..i)?.chars().count() > MAX_GAP || rest.get(..i)?.contains('%') {
        return None;
    }
    let digits: String = rest.get(i..)?.chars().take_while(char::is_ascii_digit).collect();
    let after = rest.get(i + digits.len()..)?.trim_start();
    if !after.starts_with(['件', '起', '宗', '个']) {
        return None;
    }
    digits.parse().ok()
}

/// The first character of every statement word: other characters cannot start one.
const FIRST_CHARS: [char; 8] = ['共', '收', '新', '受', '办', '结', '转', '行'];

/// For each statement, its earliest word in `clause` (byte offset, word); at one offset the
/// word listed first. One pass over the clause instead of one substring search per word:
/// callgrind showed those searches as half the instructions of checking a report.
fn earliest_words(clause: &str) -> [Option<(usize, &'static str)>; STATEMENTS.len()] {
    let mut out = [None; STATEMENTS.len()];
    for (i, c) in clause.char_indices() {
        if !FIRST_CHARS.contains(&c) {
            continue;
        }
        let Some(rest) = clause.get(i..) else { continue };
        for (st, slot) in STATEMENTS.iter().zip(out.iter_mut()) {
            if slot.is_none() {
                *slot = st.words.iter().find(|w| rest.starts_with(**w)).map(|w| (i, *w));
            }
        }
    }
    out
}

fn count_mismatch(ctx: &Ctx, key: SectionKey, text: &str, out: &mut Vec<Finding>) {
    for (at, clause) in clauses(text) {
        // A stated count is digits: most clauses have none, and skipping them saves a substring
        // search per statement word (the bulk of checking a report with long sections).
        if !clause.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let earliest = earliest_words(clause);
        for (st, first) in STATEMENTS.iter().zip(earliest) {
            let Some((pos, word)) = first else { continue };
            // 上年结转 is carried_in, not carried_over; 复议后起诉 counts are litigation.
            if matches!(st.what, Figure::Requests(RequestRow::Received)) && clause.contains("上年结转") {
                continue;
            }
            if st.needs_application && !clause.contains("申请") {
                continue;
            }
            let Some(found) = stated_count(clause, pos + word.len()) else { continue };
            let Some((expected, row, column)) = figure(ctx, st.what) else { continue };
            if found != expected {
                let offset = char_offset(text, at + pos);
                out.push(
                    Finding::new(
                        Code::NarrativeCountMismatch,
                        format!("“{}”部分称“{}”{found}件，表格为 {expected}", key.label(), word),
                        format!("the {} section states {found} after \"{word}\", the table says {expected}", key.key()),
                    )
                    .at(key)
                    .row(row)
                    .column(column)
                    .offset(offset)
                    .numbers(expected, found),
                );
            }
            break;
        }
    }
}

/// Words saying every application was completed.
const ALL_DONE: &[&str] = &["办结", "办理完成", "办理完毕", "处理完毕"];
const ALL: &[&str] = &["均已", "均按", "全部", "所有", "均在", "全数"];

fn contradiction(ctx: &Ctx, key: SectionKey, text: &str, out: &mut Vec<Finding>) {
    let carried = ctx
        .report
        .requests
        .as_ref()
        .and_then(|r| r.get(RequestRow::CarriedOver))
        .and_then(|c| c.value(RequestColumn::Total));
    let Some(carried) = carried.filter(|c| *c > 0) else { return };
    let mut start = 0usize;
    for sentence in text.split_inclusive(['。', '；', ';', '\n']) {
        let at = start;
        start += sentence.len();
        // `contains` (unlike `find`) has a vectorized path for short needles.
        if !sentence.contains("申请") || sentence.contains("结转") || sentence.contains("除") {
            continue;
        }
        let done = ALL_DONE.iter().filter_map(|w| sentence.find(w)).min();
        let all = ALL.iter().filter_map(|w| sentence.find(w)).min();
        if let (Some(d), Some(a)) = (done, all) {
            if a < d {
                out.push(
                    Finding::new(
                        Code::NarrativeContradiction,
                        format!("“{}”部分称申请均已办结，但表三结转下年度 {carried} 件", key.label()),
                        format!(
                            "the {} section says all applications were completed, but {carried} are carried over",
                            key.key()
                        ),
                    )
                    .at(key)
                    .row(RequestRow::CarriedOver.key())
                    .column(RequestColumn::Total.key())
                    .offset(char_offset(text, at + a))
                    .numbers(0u64, carried),
                );
                return;
            }
        }
    }
}

/// Fewer meaningful characters than this in section 五 is a token sentence.
const MIN_PROBLEMS_CHARS: usize = 12;

fn problems_empty(sections: &Sections, out: &mut Vec<Finding>) {
    let Some(text) = sections.get(SectionKey::Problems) else { return };
    // Counting stops at the threshold: sections 五 run to thousands of characters.
    let meaningful = text.chars().filter(|c| c.is_alphanumeric()).take(MIN_PROBLEMS_CHARS).count();
    if meaningful < MIN_PROBLEMS_CHARS {
        out.push(
            Finding::new(
                Code::NarrativeProblemsEmpty,
                format!(
                    "第五部分（存在的主要问题及改进情况）为空或空泛：“{}”",
                    crate::report::keyed::clip(text.trim())
                ),
                format!(
                    "section 五 (problems) is empty or a token sentence: \"{}\"",
                    crate::report::keyed::clip(text.trim())
                ),
            )
            .at(SectionKey::Problems)
            .offset(0),
        );
    }
}

/// The character offset of byte `byte` in `text`.
pub(super) fn char_offset(text: &str, byte: usize) -> u32 {
    let n = text.get(..byte).map_or(0, |t| t.chars().count());
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod earliest_tests {
    use super::{FIRST_CHARS, STATEMENTS, earliest_words};

    #[test]
    fn every_word_starts_with_a_listed_character() {
        for w in STATEMENTS.iter().flat_map(|s| s.words) {
            assert!(w.chars().next().is_some_and(|c| FIRST_CHARS.contains(&c)), "{w}");
        }
    }

    #[test]
    fn earliest_words_agree_with_searching_each_word() {
        let clause = "本年度新收、共收到政府信息公开申请58件，办结56件，结转下年度2件，行政诉讼1件，行政复议0件";
        for (st, got) in STATEMENTS.iter().zip(earliest_words(clause)) {
            let want = st.words.iter().filter_map(|w| clause.find(w).map(|p| (p, *w))).min_by_key(|(p, _)| *p);
            assert_eq!(got, want, "{:?}", st.words);
        }
    }
}
