//! HTML pages (crawled government pages, Word-generated span soup) → text lines. Table rows
//! become `| cell | cell |` lines, so the table reader sees HTML and Markdown tables alike; a
//! blank cell stays a blank cell (an empty cell spanning k columns is k blank cells).

use super::normalize::Text;

/// Elements a page of HTML (or a fragment of one) may start with.
const START_ELEMENTS: &[&str] = &[
    "html", "head", "body", "meta", "title", "link", "style", "script", "base", "div", "p", "table", "span", "section",
    "article", "main", "header", "footer", "nav", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "center", "font",
    "form", "strong", "br", "pre",
];

/// Elements that mark a document as HTML when one of their tags is found whole and closed.
const ELEMENTS: [&str; 6] = ["html", "head", "body", "div", "table", "p"];

/// Whether `text` is an HTML document (sniffed from its content, not its file name): it starts
/// with markup (a doctype, a comment, a tag), or names `<!doctype html` anywhere, or
/// opens one of `ELEMENTS` anywhere with a whole tag name that it also closes somewhere
/// (`</table>`). A page of text quoting `<head>` or `<<<<headMMMM` in its prose stays text: read
/// as HTML, its lines would be joined. The whole text is looked at, not a window: a page whose
/// `<p>…</p>` stands past a window would read as text, and printed again with shorter front
/// matter as HTML.
///
/// Tags are looked for in the text without its white space as well (`</ p>`, `</p\n>`, `< p>`
/// are tags): printing a page again changes its white space — lines trimmed, a heading read
/// inside a line put on a line of its own, a title read without its spaces — so a tag must not
/// appear or vanish with it. Only a tag with attributes (`<p class="x">`) needs the white space
/// as printed.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let first = text.char_indices().find(|(_, c)| !is_white(*c));
    let bare_start = first.is_some_and(|(at, c)| c == '<' && Bare::after(text, at).starts_markup());
    if bare_start || starts_with_markup(text) {
        return true;
    }
    // One pass over the `<`s, noting a doctype and which elements are opened (a whole tag name,
    // as printed or without white space) and which are closed (without white space).
    let bytes = text.as_bytes();
    let (mut opened, mut closed) = ([false; ELEMENTS.len()], [false; ELEMENTS.len()]);
    for (at, _) in text.match_indices('<') {
        let after = at + 1;
        let bare = Bare::after(text, at);
        if bare.head().starts_with(b"!doctypehtml") {
            return true;
        }
        for ((seen, shut), name) in opened.iter_mut().zip(closed.iter_mut()).zip(ELEMENTS) {
            *seen = *seen
                || bare.opens(name)
                || bytes.get(after..after + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                    && opens(bytes.get(after + name.len()..));
            *shut = *shut || bare.closes(name);
        }
    }
    opened.iter().zip(closed).any(|(o, c)| *o && c)
}

/// White space as the reader takes it, a no-break or ideographic space too.
fn is_white(c: char) -> bool {
    c.is_whitespace() || super::normalize::is_space(c)
}

/// What follows a `<` in the page without its white space: its first characters (ASCII
/// lowercased, any other character as `0xff`), up to the next `<` (no tag name holds one) or the
/// page's end. Read from the page as printed, so no copy of the page is made.
struct Bare {
    head: [u8; 12],
    len: usize,
    /// Whether the page ends after `head` (no `<` and no more characters).
    at_end: bool,
}

impl Bare {
    /// What follows the `<` at byte `at` of `text`.
    fn after(text: &str, at: usize) -> Self {
        let mut bare = Bare { head: [0; 12], len: 0, at_end: true };
        for c in text.get(at + 1..).unwrap_or("").chars().filter(|c| !is_white(*c)) {
            let slot = bare.head.get_mut(bare.len);
            let Some(slot) = slot.filter(|_| c != '<') else {
                bare.at_end = false;
                break;
            };
            *slot = if c.is_ascii() { c.to_ascii_lowercase() as u8 } else { 0xff };
            bare.len += 1;
        }
        bare
    }

    fn head(&self) -> &[u8] {
        self.head.get(..self.len).unwrap_or(&[])
    }

    /// `<name>`.
    fn opens(&self, name: &str) -> bool {
        self.head().strip_prefix(name.as_bytes()).is_some_and(|rest| rest.first() == Some(&b'>'))
    }

    /// `</name>`.
    fn closes(&self, name: &str) -> bool {
        self.head()
            .strip_prefix(b"/")
            .and_then(|h| h.strip_prefix(name.as_bytes()))
            .is_some_and(|rest| rest.first() == Some(&b'>'))
    }

    /// `<!doctype`, `<!--`, `<?xml`, or the whole name of one of `START_ELEMENTS` ending at `>`,
    /// `/>` or the page's end.
    fn starts_markup(&self) -> bool {
        let head = self.head();
        if [&b"!doctype"[..], b"!--", b"?xml"].iter().any(|p| head.starts_with(p)) {
            return true;
        }
        let name = head.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let (name, rest) = head.split_at(name);
        let ends = match rest {
            [] => self.at_end,
            [b'>', ..] | [b'/', b'>', ..] => true,
            _ => false,
        };
        ends && START_ELEMENTS.iter().any(|e| e.as_bytes() == name)
    }
}

/// Whether `text` starts with markup: `<!doctype`, `<!--`, `<?xml`, or the whole name of an HTML
/// element (`<div>`, `<p class=…>`; not `<A<<<` or `<llMM>`).
fn starts_with_markup(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let Some(rest) = start.strip_prefix('<') else { return false };
    let name = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let element = rest.get(..name).is_some_and(|n| START_ELEMENTS.iter().any(|e| e.eq_ignore_ascii_case(n)));
    let opens = |p: &str| rest.as_bytes().get(..p.len()).is_some_and(|b| b.eq_ignore_ascii_case(p.as_bytes()));
    opens("!doctype") || opens("!--") || opens("?xml") || (element && name_ends(rest.as_bytes().get(name..)))
}

/// Whether a tag whose name ends where `after` starts opens an element: it ends at `>` (see
/// `tag_end`), not at `/>` — `<P/>` closed at once opens no element for a `</p>` to close (a text
/// page holding both is text).
fn opens(after: Option<&[u8]>) -> bool {
    tag_end(after).is_some_and(|end| end == 0 || after.and_then(|a| a.get(end - 1)) != Some(&b'/'))
}

/// Where a tag whose name ends where `after` starts ends (the offset of its `>` in `after`): at
/// once, or after white space and attributes, at the next `<`, `>` or line break if that is a
/// `>`. Not within a number of bytes, nor at the text's end, nor on another line: printing a page
/// again changes its white space (lines trimmed) and where its lines break (a section heading
/// read inside a line is printed on a line of its own), and `<P  # …</p>` must not become a tag
/// once its lines are shorter. (An HTML page has tags with attributes on one line; this only
/// decides whether a page is HTML.) White space is what the reader takes for it, a no-break or
/// ideographic space too.
fn tag_end(after: Option<&[u8]>) -> Option<usize> {
    let rest = after?;
    if rest.first() == Some(&b'>') {
        return Some(0);
    }
    // The first character, decoded from at most 4 bytes (a window, not the whole rest).
    let head = rest.get(..rest.len().min(4)).unwrap_or(rest);
    let first = head.utf8_chunks().next().and_then(|c| c.valid().chars().next())?;
    if !(first == ' ' || first == '\t' || super::normalize::is_space(first)) {
        return None;
    }
    rest.iter().position(|b| matches!(b, b'<' | b'>' | b'\n' | b'\r')).filter(|end| rest.get(*end) == Some(&b'>'))
}

/// Whether a tag name ends where `after` starts: at `>`, white space, `/>` or the text's end (a
/// text page starting `<P/<<<` names no `<p>`).
fn name_ends(after: Option<&[u8]>) -> bool {
    match after {
        None | Some([]) => true,
        Some([b'>' | b' ' | b'\t' | b'\r' | b'\n', ..]) | Some([b'/', b'>', ..]) => true,
        Some(_) => false,
    }
}

/// Counts the opening tags of `text`: each `<` opening an element, a comment or a declaration —
/// what becomes a node of the tree (closing tags do not). One pass over the bytes, before any
/// tree is built.
pub(crate) fn count_tags(text: &str) -> usize {
    let b = text.as_bytes();
    b.windows(2)
        .filter(|w| w.first() == Some(&b'<') && w.get(1).is_some_and(|c| c.is_ascii_alphabetic() || *c == b'!'))
        .count()
}

/// Deepest element nesting followed; deeper content is still read as text by its ancestors'
/// raw children up to here. Keeps hostile nesting from growing the work stack without bound.
const MAX_DEPTH: usize = 512;

enum Work {
    Enter(tl::NodeHandle, usize),
    /// Closing a cell: the output length when it opened, and its colspan.
    CellEnd(usize, usize),
    Newline,
}

/// The text of an HTML document, with each output byte's offset in `input`.
pub(crate) fn to_text(input: &str) -> Text {
    let mut out = Text::with_capacity(input.len() / 2);
    let Ok(dom) = tl::parse(input, tl::ParserOptions::default()) else {
        for (i, c) in input.char_indices() {
            out.push(c, i);
        }
        return out;
    };
    let parser = dom.parser();
    let base = input.as_ptr() as usize;
    let mut stack: Vec<Work> = dom.children().iter().rev().map(|h| Work::Enter(*h, 0)).collect();
    let mut in_cell = 0usize;
    while let Some(work) = stack.pop() {
        match work {
            Work::Newline => newline(&mut out, in_cell),
            Work::CellEnd(start, colspan) => {
                in_cell = in_cell.saturating_sub(1);
                let empty = out.s.get(start..).is_none_or(|t| t.trim().is_empty());
                let at = out.last_source();
                // An empty cell spanning k columns is k blank cells; a filled one is one value.
                let n = if empty { colspan.clamp(1, 64) } else { 1 };
                for k in 0..n {
                    if k > 0 {
                        out.push(' ', at);
                    }
                    out.push(' ', at);
                    out.push('|', at);
                }
            }
            Work::Enter(handle, depth) => {
                let Some(node) = handle.get(parser) else { continue };
                match node {
                    tl::Node::Raw(bytes) => {
                        let mut at =
                            bytes.as_bytes_borrowed().map_or(0, |b| (b.as_ptr() as usize).saturating_sub(base));
                        // tl splits bytes, not characters: after a malformed declaration a text
                        // node can start inside a character. Decoding run by run keeps every valid
                        // character at its true offset (a lossy decode would shift all that follow).
                        for chunk in bytes.as_bytes().utf8_chunks() {
                            push_decoded(&mut out, chunk.valid(), at);
                            at += chunk.valid().len();
                            if !chunk.invalid().is_empty() {
                                push_collapsed(&mut out, char::REPLACEMENT_CHARACTER, at);
                                at += chunk.invalid().len();
                            }
                        }
                    }
                    tl::Node::Comment(_) => {}
                    tl::Node::Tag(tag) => {
                        let name = tag.name().as_utf8_str().to_ascii_lowercase();
                        if matches!(name.as_str(), "script" | "style" | "noscript" | "template" | "svg" | "xml") {
                            continue;
                        }
                        let (tag_start, _) = tag.boundaries(parser);
                        let block = is_block(&name);
                        match name.as_str() {
                            "tr" => {
                                out.push('\n', tag_start);
                                out.push('|', tag_start);
                                stack.push(Work::Newline);
                            }
                            "td" | "th" => {
                                let colspan = tag
                                    .attributes()
                                    .get("colspan")
                                    .flatten()
                                    .and_then(|v| v.as_utf8_str().trim().parse::<usize>().ok())
                                    .unwrap_or(1);
                                stack.push(Work::CellEnd(out.s.len(), colspan));
                                in_cell += 1;
                            }
                            "br" => newline(&mut out, in_cell),
                            _ if block => {
                                newline(&mut out, in_cell);
                                stack.push(Work::Newline);
                            }
                            _ => {}
                        }
                        if depth < MAX_DEPTH {
                            let children: Vec<tl::NodeHandle> = tag.children().top().iter().copied().collect();
                            for child in children.into_iter().rev() {
                                stack.push(Work::Enter(child, depth + 1));
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "tbody"
            | "thead"
            | "section"
            | "article"
            | "title"
            | "header"
            | "footer"
            | "dd"
            | "dt"
    )
}

/// A line break, or a space inside a table cell (a cell is one line of the row).
fn newline(out: &mut Text, in_cell: usize) {
    let at = out.last_source();
    if in_cell > 0 {
        if !out.s.ends_with(' ') {
            out.push(' ', at);
        }
    } else if !out.s.ends_with('\n') {
        out.push('\n', at);
    }
}

/// Appends raw HTML text with entities decoded and whitespace collapsed.
fn push_decoded(out: &mut Text, raw: &str, offset: usize) {
    let mut chars = raw.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = offset + i;
        if c == '&' {
            let rest = raw.get(i..).unwrap_or("");
            if let Some((decoded, len)) = entity(rest) {
                push_collapsed(out, decoded, at);
                while chars.peek().is_some_and(|(j, _)| *j < i + len) {
                    chars.next();
                }
                continue;
            }
        }
        push_collapsed(out, c, at);
    }
}

fn push_collapsed(out: &mut Text, c: char, at: usize) {
    if c.is_whitespace() && c != '\u{a0}' && c != '\u{3000}' {
        if !out.s.ends_with([' ', '\n']) && !out.s.is_empty() {
            out.push(' ', at);
        }
    } else {
        out.push(c, at);
    }
}

/// The length in bytes of the character reference at the start of `s`, if it is one.
pub(crate) fn entity_len(s: &str) -> Option<usize> {
    entity(s).map(|(_, len)| len)
}

/// The character of an entity at the start of `s` (`&nbsp;`, `&#20013;`, `&#x4e2d;` …) and its length.
fn entity(s: &str) -> Option<(char, usize)> {
    // Within the first 12 bytes, on character boundaries (CJK text may follow a short entity).
    let end = s.char_indices().take_while(|(i, _)| *i < 12).find(|(_, c)| *c == ';')?.0;
    let name = s.get(1..end)?;
    let c = match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "middot" => '·',
        "hellip" => '…',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse::<u32>().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn entities_before_chinese_text() {
        assert_eq!(entity("&lt;重点领域"), Some(('<', 4)));
        assert_eq!(entity("&amp;回应"), Some(('&', 5)));
        assert_eq!(entity("&重点领域;"), None);
    }

    #[test]
    fn a_page_is_html_when_a_tag_is_whole() {
        let html = [
            "<!DOCTYPE html><p>一</p>",
            "\u{feff}  <html",
            "<!-- saved --> 正文",
            "<div class=\"x\">一</div>",
            "<P>一</P>",
            "正文<table>\n<tr><td>1</td></tr></table>",
            "标题\n<!doctype html>",
            "<pre>一</pre>",
            "<br/>一",
            "正文<p>一</p  >",
            // White space as the reader reads it, a no-break or ideographic space too: a title
            // read without its spaces would hold `</table>`
            // (fuzz/regressions/render_roundtrip-no-break-space-in-a-closing-tag).
            "正文<table>一</table\u{a0}>",
            "正文<table>一</table\u{3000}>",
            // A tag is a tag without its white space too: a title read without its spaces holds
            // `</p>` where the page printed `</ p>`
            // (fuzz/regressions/render_roundtrip-space-inside-a-closing-tag).
            "正文<p>一</ p>",
            "正文<p>一</p\n>",
            "正文<p\n>一</p>",
            "正文< table>一</table>",
            "< p>一",
            "<\n!doctype html>",
        ];
        for page in html {
            assert!(looks_like_html(page), "{page}");
        }
        // However long its attributes.
        assert!(looks_like_html(&format!("正文<div style=\"{}\">一</div>", " ".repeat(300))));
        let text = [
            "=2017年<<<<<headMMMM",
            "见<Paragraph>说明",
            "正文<pre>一</pre>",
            "a<tablet",
            "《条例》<divers",
            "<<<<<head",
            "正文M<<<<<head>>>>>>>：未闭合",
            "正文<p>一</pp>",
            "<A<<<<Ļ<<<<政府信息公开工作年度报告",
            "<llMM>0<<<<2017年政府信息公开工作年度报告",
            "<!llMMuuuu  3-r0 2017年政府信息公开工作年度报告",
            "<?llMM",
            "<<<<head>",
            "<P/<<<<<<B===t2017年政府信息公开工作年度报告",
            "#<P/ a<<<<<.B t===",
            "51-<P/>((/tMM</p>2017年政府信息公开工作年度报告",
            "正文<p />一</p>",
            // The tag ends at the next `<` or `>`: `</p>` closes no tag of its own
            // (fuzz/regressions/render_roundtrip-closing-tag-ending-an-open-one).
            "正文<P  # 甲 </p>乙",
            // A closing tag ends at `>` too: `</table` at a line's end, before a heading, closes
            // nothing (fuzz/regressions/render_roundtrip-closing-tag-at-a-lines-end).
            "正文<table>一</table\n四、政府信息公开行政复议、行政诉讼情况",
            "正文<p>一</p",
            // Nor across lines of something else
            // (fuzz/regressions/render_roundtrip-closing-tag-across-a-heading).
            "正文<table>一</table\n四、政府信息公开行政复议、行政诉讼情况\n>",
            // Attributes need their white space: `<pa>` is no `<p a>`.
            "正文<p\na>一</p>",
        ];
        for page in text {
            assert!(!looks_like_html(page), "{page}");
        }
        // A name is judged by the byte after it, wherever it stands.
        let cut = format!("{}<head", "x".repeat(4096 - 5));
        assert!(!looks_like_html(&format!("{cut}i3709</head>")));
        assert!(looks_like_html(&format!("{cut}></head>")));
        // An element opened and closed anywhere counts, not only in a window at the start: where
        // it stands on a page depends on the front matter printed before it. So does a doctype.
        let late = format!("xx{}<head></head>", "一".repeat(2000));
        assert!(looks_like_html(&late));
        assert!(looks_like_html(&format!("正文\n{}\n<!DOCTYPE html>", "一".repeat(5000))));
        assert!(looks_like_html(&format!("正文\n{}\n<! doctype\nhtml>", "一".repeat(5000))));
        assert!(!looks_like_html(&format!("正文\n{}\n<!doctype htm", "一".repeat(5000))));
        assert!(looks_like_html(&format!("正文\n{}\n<p>一</p>", "一".repeat(5000))));
        assert!(!looks_like_html(&format!("正文\n{}\n<p>一</pp>", "一".repeat(5000))));
    }

    #[test]
    fn table_rows_become_pipe_lines() {
        let html = "<html><body><p>标题&nbsp;一</p><table><tr><td colspan=\"2\">一、本年新收</td><td><span>2</span></td><td><o:p> </o:p></td><td colspan=\"2\"></td></tr></table></body></html>";
        assert!(looks_like_html(html));
        let t = to_text(html);
        assert!(t.s.contains("标题\u{a0}一"), "{}", t.s);
        let row = t.s.lines().find(|l| l.contains("本年新收")).unwrap_or("");
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        // The label, the value, the blank cell, and the blank two-column cell as two blanks.
        assert_eq!(cells, ["", "一、本年新收", "2", "", "", "", ""], "{row}");
        let two = t.s.find('2').unwrap_or(0);
        assert_eq!(html.get(t.source(two)..t.source(two) + 1), Some("2"));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let html = format!("<html>{}x{}</html>", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let t = to_text(&html);
        assert!(t.s.len() < 1_000_000);
    }
}
