//! Document rules: the six sections present and in order, and the pre-2019 layout.
//! Section rules run only when the report says which sections it has (`sections` given).

use super::{Code, Ctx, Finding};
use crate::report::{Format, Key, SectionKey};

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    if ctx.format == Some(Format::Pre2019) {
        out.push(Finding::new(
            Code::DocPre2019Format,
            "2019年以前的报告格式（条例2007年版），只检查元数据和正文".to_owned(),
            "a pre-2019 report (R2007 layout): only metadata and narrative checks apply".to_owned(),
        ));
        // R2007 prescribed other sections; the six-section rules do not apply.
        return;
    }
    section_missing(ctx, out);
    section_order(ctx, out);
}

/// A section is present when its text is given, or, for 二 三 四, when its table is.
fn is_present(ctx: &Ctx, key: SectionKey) -> bool {
    let r = ctx.report;
    r.sections.as_ref().is_some_and(|s| s.contains(key))
        || match key {
            SectionKey::Proactive => r.proactive.is_some(),
            SectionKey::Requests => r.requests.is_some(),
            SectionKey::ReviewLitigation => r.review_litigation.is_some(),
            _ => false,
        }
}

fn section_missing(ctx: &Ctx, out: &mut Vec<Finding>) {
    if ctx.report.sections.is_none() {
        return;
    }
    let format = ctx.format.unwrap_or(Format::F2021);
    for key in SectionKey::ALL {
        if !is_present(ctx, *key) {
            out.push(
                Finding::new(
                    Code::DocSectionMissing,
                    format!("缺少“{}”部分", key.heading(format)),
                    format!("the section {} is absent", key.key()),
                )
                .at(*key),
            );
        }
    }
}

fn section_order(ctx: &Ctx, out: &mut Vec<Finding>) {
    if let Some(sections) = &ctx.report.sections {
        let printed: Vec<SectionKey> = sections.iter().map(|(k, _)| k).collect();
        if let Some(pos) = printed.windows(2).position(|w| matches!(w, [a, b] if a.index() > b.index())) {
            let found: Vec<&str> = printed.iter().map(|k| k.key()).collect();
            let mut expected = printed.clone();
            expected.sort();
            let expected: Vec<&str> = expected.iter().map(|k| k.key()).collect();
            let moved = printed.get(pos + 1).copied().unwrap_or(SectionKey::Overview);
            out.push(
                Finding::new(
                    Code::DocSectionOrder,
                    format!(
                        "各部分顺序有误：“{}”出现在“{}”之后",
                        moved.label(),
                        printed.get(pos).map_or("", |k| k.label())
                    ),
                    format!(
                        "sections out of order: {} comes after {}",
                        moved.key(),
                        printed.get(pos).map_or("", |k| k.key())
                    ),
                )
                .at(moved)
                .numbers(expected.join(","), found.join(",")),
            );
        }
    }
    if let Some(headings) = &ctx.report.headings {
        for (key, heading) in headings.iter() {
            let numeral = heading.trim_start().chars().next();
            let is_numeral = numeral.is_some_and(|c| "一二三四五六七八九十".contains(c));
            if is_numeral && numeral != Some(key.numeral()) {
                out.push(
                    Finding::new(
                        Code::DocSectionOrder,
                        format!("“{}”部分编号有误：印为“{}”，应为“{}、”", key.label(), heading.trim(), key.numeral()),
                        format!(
                            "section {} is misnumbered: printed \"{}\", expected \"{}、\"",
                            key.key(),
                            heading.trim(),
                            key.numeral()
                        ),
                    )
                    .at(key)
                    .numbers(key.numeral().to_string(), numeral.map(String::from).unwrap_or_default()),
                );
            }
        }
    }
}
