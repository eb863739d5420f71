//! Metadata rules: the statistics period, the publication deadline, the layout for the year, and
//! agreement of the years the report states.

use super::{Code, Ctx, Finding};
use crate::date::Date;
use crate::report::{Format, OrganKind};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    period_invalid(ctx, out);
    published_late(ctx, out);
    format_outdated(ctx, out);
    year_mismatch(ctx, out);
}

fn period_invalid(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Some(period) = ctx.report.period else { return };
    // Without a stated year, the period must at least be one whole calendar year.
    let Some(year) = ctx.report.year.or(period.start.map(Date::year)).or(period.end.map(Date::year)) else { return };
    let (Ok(first), Ok(last)) = (Date::new(year, 1, 1), Date::new(year, 12, 31)) else { return };
    let start_ok = period.start.is_none_or(|d| d == first);
    let end_ok = period.end.is_none_or(|d| d == last);
    if start_ok && end_ok {
        return;
    }
    let show = |d: Option<Date>| d.map_or_else(|| "?".to_owned(), |d| d.to_string());
    let found = format!("{}..{}", show(period.start), show(period.end));
    out.push(
        Finding::new(
            Code::MetaPeriodInvalid,
            format!("统计期限为 {} 至 {}，应为 {first} 至 {last}", show(period.start), show(period.end)),
            format!("the statistics period is {found}, expected {first}..{last}"),
        )
        .row("period")
        .numbers(format!("{first}..{last}"), found),
    );
}

/// The last lawful publication day for a report on `year` (R2019 第四十九条, R2007 第三十一条).
/// With the body's kind unknown, the later (government) deadline: only certain lateness is reported.
pub(crate) fn publication_deadline(year: i32, kind: Option<OrganKind>) -> Option<Date> {
    let next = year.checked_add(1)?;
    let date = match (year, kind) {
        (2019.., Some(OrganKind::Department)) => Date::new(next, 1, 31),
        _ => Date::new(next, 3, 31),
    };
    date.ok()
}

fn published_late(ctx: &Ctx, out: &mut Vec<Finding>) {
    let (Some(year), Some(published)) = (ctx.report.year, ctx.report.published) else { return };
    // The kind as stated, else as the body's name shows it.
    let kind = ctx.report.organ_kind.or_else(|| ctx.report.organ.as_deref().and_then(OrganKind::from_organ_name));
    let Some(deadline) = publication_deadline(year, kind) else { return };
    if published > deadline {
        out.push(
            Finding::new(
                Code::MetaPublishedLate,
                format!("{year}年度报告于 {published} 公开，晚于法定期限 {deadline}"),
                format!("the {year} report was published on {published}, after the deadline {deadline}"),
            )
            .row("published")
            .numbers(deadline.to_string(), published.to_string()),
        );
    }
}

fn format_outdated(ctx: &Ctx, out: &mut Vec<Finding>) {
    let (Some(year), Some(format)) = (ctx.report.year, ctx.format) else { return };
    // R2007 prescribed no uniform layout, so any layout is acceptable for 2018 and before.
    if year < 2019 {
        return;
    }
    let expected = Format::in_force_for(year);
    if format != expected {
        out.push(
            Finding::new(
                Code::MetaFormatOutdated,
                format!("{year}年度报告应采用{}格式，实为{}格式", expected.key(), format.key()),
                format!("a {year} report should use the {} layout, this one uses {}", expected.key(), format.key()),
            )
            .row("format")
            .numbers(expected.key(), format.key()),
        );
    }
}

fn year_mismatch(ctx: &Ctx, out: &mut Vec<Finding>) {
    let r = ctx.report;
    let title_year = r.title.as_deref().and_then(title_year);
    // A period that spans two years is already period_invalid; it states no single year.
    let period_year = r.period.and_then(|p| match (p.start, p.end) {
        (Some(s), Some(e)) if s.year() == e.year() => Some(s.year()),
        (Some(d), None) | (None, Some(d)) => Some(d.year()),
        _ => None,
    });
    let stated = [("year", r.year), ("title", title_year), ("period", period_year)];
    let known: Vec<(&str, i32)> = stated.iter().filter_map(|(k, y)| y.map(|y| (*k, y))).collect();
    let Some(&(first_key, first)) = known.first() else { return };
    if let Some(&(key, other)) = known.iter().find(|(_, y)| *y != first) {
        let all: Vec<String> = known.iter().map(|(k, y)| format!("{k}={y}")).collect();
        out.push(
            Finding::new(
                Code::MetaYearMismatch,
                format!("报告所述年度不一致：{}", all.join("，")),
                format!("the report states different years: {}", all.join(", ")),
            )
            .row(key)
            .numbers(format!("{first_key}={first}"), format!("{key}={other}")),
        );
    }
}

/// The first year written in a title: four digits (ASCII, full-width or 〇一二…九) before 年,
/// not part of a longer number — unless 年 is followed by the document's name (`…2020年政府信息公开…`):
/// the year of a report's title then, even glued to a body's name that ends in a digit.
pub(crate) fn title_year(title: &str) -> Option<i32> {
    years(title).find(|&(_, alone, named)| alone || named).map(|(y, _, _)| y)
}

/// The year right before the report's name (`…2020年政府信息公开工作年度报告`), wherever it stands.
pub(crate) fn report_name_year(text: &str) -> Option<i32> {
    years(text).find(|&(_, _, named)| named).map(|(y, _, _)| y)
}

/// Every four digits before a 年, in order: the year, whether no digit precedes it, and whether
/// the report's name follows the 年.
///
/// Read in one pass, keeping only the five characters before each one: a page run together on
/// one line is read here whole, and a copy of it per character (its digits, its characters,
/// their offsets) took ten times the page's size.
fn years(text: &str) -> impl Iterator<Item = (i32, bool, bool)> + '_ {
    // The digit value of each of the five characters before the current one, oldest first:
    // `None` before the text's start, `Some(None)` for a character that is no digit.
    let mut before: [Option<Option<u32>>; 5] = [None; 5];
    text.char_indices().filter_map(move |(at, c)| {
        let window = before;
        before.rotate_left(1);
        if let Some(newest) = before.last_mut() {
            *newest = Some(digit(c));
        }
        if c != '年' {
            return None;
        }
        let [first, a, b, c, d] = window;
        let year = [a, b, c, d].into_iter().try_fold(0u32, |acc, x| x.flatten().map(|x| acc * 10 + x))?;
        let alone = first.flatten().is_none();
        let named = text.get(at + '年'.len_utf8()..).is_some_and(names_the_report);
        Some((i32::try_from(year).ok()?, alone, named))
    })
}

/// Whether what follows a year's 年 is the name of an annual disclosure report
/// (`政府信息公开工作年度报告`, `度政府信息公开…`).
pub(crate) fn names_the_report(after: &str) -> bool {
    after.strip_prefix('度').unwrap_or(after).starts_with("政府信息公开")
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// The definition, character by character over the whole text.
    fn years_by_index(text: &str) -> Vec<(i32, bool, bool)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        for p in 4..chars.len() {
            if chars[p].1 != '年' {
                continue;
            }
            let ds: Option<Vec<u32>> = chars[p - 4..p].iter().map(|(_, c)| digit(*c)).collect();
            let Some(ds) = ds else { continue };
            let year = ds.iter().fold(0, |acc, d| acc * 10 + d);
            let alone = p == 4 || digit(chars[p - 5].1).is_none();
            let named = chars.get(p + 1).is_some_and(|(at, _)| names_the_report(&text[*at..]));
            out.push((i32::try_from(year).unwrap(), alone, named));
        }
        out
    }

    #[test]
    fn years_are_every_four_digits_before_a_nian() {
        for text in [
            "",
            "年",
            "123年",
            "2020年",
            "2020年政府信息公开工作年度报告",
            "某局44442020年度政府信息公开工作年度报告",
            "二〇二一年政府信息公开，２０２２年，12020年，2023年2024年",
            "甲2020年乙年2021年度政府信息公开",
            "9999年年1000年",
        ] {
            assert_eq!(years(text).collect::<Vec<_>>(), years_by_index(text), "{text:?}");
        }
        assert_eq!(title_year("某局44442020年度政府信息公开工作年度报告"), Some(2020));
        assert_eq!(title_year("12020年工作"), None);
        assert_eq!(report_name_year("2019年工作，2020年政府信息公开工作年度报告"), Some(2020));
    }
}
