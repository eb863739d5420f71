//! Report → the official layout: plain text (the ` |` cell style of published pages), Markdown
//! and HTML. One layout (`layout`: cells with their spans) feeds three small writers, so the
//! outputs print the same headings, labels and cells, and [`crate::parse_report`] reads each of
//! them back to the same report (docs/decisions.md lists what a printed page cannot carry).

mod html;
pub(crate) mod layout;
mod markdown;
mod text;

use std::str::FromStr;

use crate::error::Error;
use crate::report::Report;

/// The output layouts of [`render_report`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RenderFormat {
    /// Plain text, table cells each followed by ` |`.
    Text,
    /// Markdown with pipe tables.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

impl RenderFormat {
    /// Every layout, in documentation order.
    pub const ALL: [RenderFormat; 3] = [RenderFormat::Text, RenderFormat::Markdown, RenderFormat::Html];

    /// The name used in the CLI and the bindings: `text`, `markdown`, `html`.
    pub fn key(self) -> &'static str {
        match self {
            RenderFormat::Text => "text",
            RenderFormat::Markdown => "markdown",
            RenderFormat::Html => "html",
        }
    }
}

impl FromStr for RenderFormat {
    type Err = Error;
    /// `text`, `markdown` or `html`; anything else is `render.unknown_format`.
    fn from_str(s: &str) -> Result<RenderFormat, Error> {
        RenderFormat::ALL
            .iter()
            .copied()
            .find(|f| f.key() == s)
            .ok_or_else(|| Error::UnknownRenderFormat { given: s.chars().take(40).collect() })
    }
}

/// Prints a report in the official layout of its format: title, metadata, the statistics-period
/// sentence, the six sections under their official headings with tables 二 三 四 (blank cells for
/// nulls), and the issuing body and date at the end.
///
/// ```
/// use zfxxgk::render::{RenderFormat, render_report};
/// let report = zfxxgk::Report::from_json(r#"{"format": "2021", "year": 2023, "organ": "某局",
///     "sections": {"overview": "本年度工作正常开展。"}}"#).unwrap();
/// let text = render_report(&report, RenderFormat::Text);
/// assert!(text.starts_with("某局2023年政府信息公开工作年度报告\n"));
/// assert!(text.contains("一、总体情况\n本年度工作正常开展。\n"));
/// // What is printed reads back to the same report.
/// let back = zfxxgk::parse_report(&text).unwrap().report;
/// assert_eq!(back.sections, report.sections);
/// assert_eq!(back.organ, report.organ);
/// ```
pub fn render_report(report: &Report, to: RenderFormat) -> String {
    let doc = layout::document(report);
    match to {
        RenderFormat::Text => text::write(&doc),
        RenderFormat::Markdown => markdown::write(&doc),
        RenderFormat::Html => html::write(&doc),
    }
}
