//! The printed outputs are what they claim to be: the HTML passes a strict HTML5 parser with no
//! parse error, every header cell has a scope, every table a caption and a consistent grid (row
//! and column spans as published), nothing is loaded from outside; the Markdown renders as
//! tables whose every row has the header's column count; the text prints the official headings
//! and the ` |` cell style.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, parse_document};
use markup5ever_rcdom::{Handle, NodeData, RcDom};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use zfxxgk::report::{Key, SectionKey};
use zfxxgk::{Format, RenderFormat, Report, render_report};

fn examples() -> Vec<(String, Report)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/reports");
    let mut out: Vec<(String, Report)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.display().to_string(), Report::from_json(&std::fs::read_to_string(&p).unwrap()).unwrap()))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    // Blank cells, absent rows and no metadata at all.
    let sparse = r#"{"format": "2019", "year": 2020,
        "proactive": {"regulations": {"made": 1}, "fees": {"change": -2}, "procurement": {"amount": "12.50"}},
        "requests": {"received": {"natural_person": 1, "total": 1}, "other": {"total": null}, "carried_over": {}},
        "review_litigation": {"review": {"upheld": 0}}}"#;
    out.push(("sparse".into(), Report::from_json(sparse).unwrap()));
    out
}

fn elements(node: &Handle, name: &str, out: &mut Vec<Handle>) {
    if let NodeData::Element { name: n, .. } = &node.data {
        if &*n.local == name {
            out.push(node.clone());
        }
    }
    for child in node.children.borrow().iter() {
        elements(child, name, out);
    }
}

fn attr(node: &Handle, name: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => {
            attrs.borrow().iter().find(|a| &*a.name.local == name).map(|a| a.value.to_string())
        }
        _ => None,
    }
}

fn text(node: &Handle) -> String {
    let mut s = String::new();
    if let NodeData::Text { contents } = &node.data {
        s.push_str(&contents.borrow());
    }
    for c in node.children.borrow().iter() {
        s.push_str(&text(c));
    }
    s
}

/// Columns covered by each row of a table, with row spans carried down.
fn row_widths(table: &Handle) -> Vec<usize> {
    let mut rows = Vec::new();
    elements(table, "tr", &mut rows);
    let mut carried: Vec<usize> = Vec::new(); // remaining rows each column is still spanned
    let mut widths = Vec::new();
    for tr in rows {
        let mut next = carried.iter().map(|r| r.saturating_sub(1)).collect::<Vec<_>>();
        let mut col = 0usize;
        let mut width = 0usize;
        let cells: Vec<Handle> = tr
            .children
            .borrow()
            .iter()
            .filter(
                |c| matches!(&c.data, NodeData::Element { name, .. } if &*name.local == "td" || &*name.local == "th"),
            )
            .cloned()
            .collect();
        for cell in cells {
            while carried.get(col).is_some_and(|r| *r > 0) {
                col += 1;
                width += 1;
            }
            let colspan: usize = attr(&cell, "colspan").map_or(1, |v| v.parse().unwrap());
            let rowspan: usize = attr(&cell, "rowspan").map_or(1, |v| v.parse().unwrap());
            for c in col..col + colspan {
                if next.len() <= c {
                    next.resize(c + 1, 0);
                }
                next[c] = rowspan - 1;
            }
            col += colspan;
            width += colspan;
        }
        while carried.get(col).is_some_and(|r| *r > 0) {
            col += 1;
            width += 1;
        }
        widths.push(width);
        carried = next;
    }
    widths
}

#[test]
fn html_is_valid_accessible_printable_and_self_contained() {
    for (name, r) in examples() {
        let page = render_report(&r, RenderFormat::Html);
        let opts = ParseOpts {
            tokenizer: html5ever::tokenizer::TokenizerOpts { exact_errors: true, ..Default::default() },
            tree_builder: html5ever::tree_builder::TreeBuilderOpts { exact_errors: true, ..Default::default() },
        };
        let dom = parse_document(RcDom::default(), opts).from_utf8().read_from(&mut page.as_bytes()).unwrap();
        let errors = dom.errors.borrow();
        assert!(errors.is_empty(), "{name}: HTML parse errors {errors:?}");
        assert!(page.contains("@media print"), "{name}: print CSS");
        for external in ["src=", "href=", "@import", "url("] {
            assert!(!page.contains(external), "{name}: loads {external}");
        }
        let mut ths = Vec::new();
        elements(&dom.document, "th", &mut ths);
        for th in &ths {
            let scope = attr(th, "scope").unwrap_or_else(|| panic!("{name}: th without scope: {}", text(th)));
            assert!(["col", "row", "colgroup", "rowgroup"].contains(&scope.as_str()));
        }
        let mut tables = Vec::new();
        elements(&dom.document, "table", &mut tables);
        let expected_tables = [r.proactive.is_some(), r.requests.is_some(), r.review_litigation.is_some()];
        assert_eq!(tables.len(), expected_tables.iter().filter(|x| **x).count(), "{name}");
        for t in &tables {
            let mut caption = Vec::new();
            elements(t, "caption", &mut caption);
            assert_eq!(caption.len(), 1, "{name}: one caption");
            let widths = row_widths(t);
            assert!(widths.windows(2).all(|w| w[0] == w[1]), "{name}: {}: row widths {widths:?}", text(&caption[0]));
        }
        let mut h2 = Vec::new();
        elements(&dom.document, "h2", &mut h2);
        let format = r.format.unwrap_or(Format::F2021);
        let headings: Vec<String> = h2.iter().map(text).collect();
        let official: Vec<&str> = SectionKey::ALL.iter().map(|k| k.heading(format)).collect();
        assert!(headings.iter().all(|h| official.contains(&h.as_str())), "{name}: {headings:?}");
        assert_eq!(
            attr(
                &{
                    let mut html = Vec::new();
                    elements(&dom.document, "html", &mut html);
                    html.remove(0)
                },
                "lang"
            )
            .as_deref(),
            Some("zh-CN")
        );
    }
}

#[test]
fn table_three_groups_span_their_rows() {
    let all = examples();
    let r = &all.iter().find(|(n, _)| n.ends_with("demo-2021.json")).unwrap().1; // every F2021 row
    let page = render_report(r, RenderFormat::Html);
    assert!(page.contains(r#"<th scope="rowgroup" rowspan="21">三、本年度办理结果</th>"#), "{page}");
    assert!(page.contains(r#"<th scope="rowgroup" rowspan="8">（三）不予公开</th>"#));
    assert!(page.contains(r#"<th scope="rowgroup" rowspan="3">（六）其他处理</th>"#));
    assert!(page.contains(r#"<th scope="colgroup" colspan="5">法人或其他组织</th>"#));
}

#[test]
fn markdown_renders_as_tables_with_even_rows() {
    for (name, r) in examples() {
        let md = render_report(&r, RenderFormat::Markdown);
        let mut tables = 0usize;
        let mut columns = 0usize;
        let mut cells = 0usize;
        let mut headings = Vec::new();
        let mut in_heading = false;
        for event in Parser::new_ext(&md, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::Table(align)) => {
                    tables += 1;
                    columns = align.len();
                }
                Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
                Event::Start(Tag::TableCell) => cells += 1,
                Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                    assert_eq!(cells, columns, "{name}: a row of {cells} cells in a table of {columns}")
                }
                Event::Start(Tag::Heading { level: pulldown_cmark::HeadingLevel::H2, .. }) => in_heading = true,
                Event::End(TagEnd::Heading(_)) => in_heading = false,
                Event::Text(t) if in_heading => headings.push(t.to_string()),
                _ => {}
            }
        }
        let expected = [r.proactive.is_some(), r.requests.is_some(), r.review_litigation.is_some()];
        assert_eq!(tables, expected.iter().filter(|x| **x).count(), "{name}");
        let format = r.format.unwrap_or(Format::F2021);
        for h in &headings {
            assert!(SectionKey::ALL.iter().any(|k| k.heading(format) == h), "{name}: heading {h}");
        }
    }
}

#[test]
fn text_prints_cells_in_the_published_style() {
    let all = examples();
    let r = &all.iter().find(|(n, _)| n.ends_with("demo-2021.json")).unwrap().1;
    let text = render_report(r, RenderFormat::Text);
    assert!(text.contains("\n规章 | 0 | 0 | 0 |\n"));
    assert!(text.contains("\n行政事业性收费 | 126.35 |\n"));
    assert!(text.contains("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"));
    assert!(text.contains("本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"));
    assert!(text.ends_with("云溪县自然资源局\n2024年2月5日\n"));
    // Blank cells are printed blank, never 0.
    let sparse = &all.last().unwrap().1;
    let text = render_report(sparse, RenderFormat::Text);
    assert!(text.contains("\n规章 | 1 |  |  |\n"), "{text}");
    assert!(text.contains("\n行政事业性收费 |  | -2 |\n"), "{text}");
    assert!(text.contains("\n| 0 |  |  |  |  |  |  |  |  |  |  |  |  |  |  |\n"), "{text}");
}

#[test]
fn every_printed_figure_has_its_source() {
    let all = examples();
    let r = &all.iter().find(|(n, _)| n.ends_with("demo-2021.json")).unwrap().1;
    for to in RenderFormat::ALL {
        let page = render_report(r, to);
        let parsed = zfxxgk::parse_report(&page).unwrap();
        let fee = parsed.provenance.get("proactive", "fees", "amount").unwrap();
        assert_eq!(&page[fee.start..fee.end], "126.35", "{to:?}");
        let received = parsed.provenance.get("requests", "received", "total").unwrap();
        assert_eq!(&page[received.start..received.end], "51", "{to:?}");
        // Every figure printed has its source.
        let p = r.proactive.as_ref().unwrap();
        let requests: usize = r.requests.as_ref().unwrap().iter().map(|(_, c)| c.iter().count()).sum();
        let review: usize = r.review_litigation.as_ref().unwrap().iter().map(|(_, c)| c.iter().count()).sum();
        let figures = p.counts().len() + p.amounts().len() + requests + review;
        assert_eq!(parsed.provenance.cells.len(), figures, "{to:?}");
    }
}

#[test]
fn unknown_layout_is_a_stable_error() {
    let e = "pdf".parse::<RenderFormat>().unwrap_err();
    assert_eq!(e.code(), "render.unknown_format");
    for to in RenderFormat::ALL {
        assert_eq!(to.key().parse::<RenderFormat>().unwrap(), to);
    }
    let _ = Key::key(SectionKey::Overview);
}
