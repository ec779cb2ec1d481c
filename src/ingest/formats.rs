//! Text out of HTML, PDF and DOCX files.
//!
//! Each decoder turns a document's layout into lines the segmenter already understands:
//! headings become `# ` lines, list items `- ` (or `1. `) lines, paragraphs and table rows one
//! line each, blocks separated by blank lines. None of them panics on hostile input; the PDF
//! decoder, which wraps a third-party crate, is guarded so that a panic in it becomes an error.

use std::io::Read as _;
use std::path::Path;

use super::IngestError;

/// HTML elements whose content is never part of a summary: navigation, scripts, forms, chrome.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select",
    "svg", "iframe", "object", "canvas", "head", "title", "meta", "link",
];

/// HTML elements that start a line of their own.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "body", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "dl",
    "dt", "dd", "figure", "figcaption", "address", "details", "summary", "center", "ul", "ol",
];

/// The text of an HTML page: the `<main>` (or `<article>`, or `<body>`) content, without
/// navigation, scripts and styles, with headings, list items, paragraphs and table rows as lines.
///
/// An IGF web page wraps its summary in site navigation; `<main>` or `<article>`, when the page
/// has one, is where the summary is.
pub fn html(source: &str) -> String {
    let page = scraper::Html::parse_document(source);
    let root = ["main", "article", "body"]
        .iter()
        .filter_map(|name| scraper::Selector::parse(name).ok())
        .find_map(|selector| page.select(&selector).next());
    let mut out = Lines::default();
    match root {
        Some(root) => walk_html(*root, &mut out, &mut Vec::new()),
        None => walk_html(page.tree.root(), &mut out, &mut Vec::new()),
    }
    out.finish()
}

/// Accumulates text into lines, collapsing HTML whitespace the way a browser does.
#[derive(Default)]
struct Lines {
    out: String,
    line: String,
}

impl Lines {
    fn push_text(&mut self, text: &str) {
        for word in text.split_whitespace() {
            if !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            self.line.push_str(word);
        }
        if text.ends_with(char::is_whitespace) && !self.line.is_empty() && !self.line.ends_with(' ') {
            self.line.push(' ');
        }
    }

    fn push_raw(&mut self, text: &str) {
        self.line.push_str(text);
    }

    /// Ends the current line; `blank` leaves an empty line after it (between blocks).
    fn end_line(&mut self, blank: bool) {
        let line = self.line.trim();
        if !line.is_empty() && !is_bare_marker(line) {
            self.out.push_str(line);
            self.out.push('\n');
            if blank {
                self.out.push('\n');
            }
        } else if blank && !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
        self.line.clear();
    }

    fn finish(mut self) -> String {
        self.end_line(false);
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out
    }
}

/// A list or heading marker with nothing after it (an empty `<li>` or `<h2>`).
fn is_bare_marker(line: &str) -> bool {
    line == "-" || line.chars().all(|c| c == '#') || line.strip_suffix('.').is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// What kind of list an `<li>` is in, and its number so far.
enum ListKind {
    Bullets,
    Numbers(usize),
}

fn walk_html(node: ego_tree::NodeRef<'_, scraper::Node>, out: &mut Lines, lists: &mut Vec<ListKind>) {
    for child in node.children() {
        match child.value() {
            scraper::Node::Text(text) => out.push_text(text),
            scraper::Node::Element(element) => {
                let name = element.name();
                if SKIPPED.contains(&name) || element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
                    continue;
                }
                let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                match name {
                    "br" => out.end_line(false),
                    "li" => {
                        out.end_line(false);
                        let depth = lists.len().saturating_sub(1);
                        out.push_raw(&"  ".repeat(depth.min(8)));
                        match lists.last_mut() {
                            Some(ListKind::Numbers(n)) => {
                                *n += 1;
                                out.push_raw(&format!("{n}. "));
                            }
                            _ => out.push_raw("- "),
                        }
                        walk_html(child, out, lists);
                        out.end_line(false);
                    }
                    "ul" | "ol" => {
                        out.end_line(lists.is_empty());
                        lists.push(if name == "ol" { ListKind::Numbers(0) } else { ListKind::Bullets });
                        walk_html(child, out, lists);
                        lists.pop();
                        out.end_line(lists.is_empty());
                    }
                    "tr" => {
                        out.end_line(false);
                        walk_html(child, out, lists);
                        out.end_line(false);
                    }
                    "td" | "th" => {
                        if !out.line.trim().is_empty() {
                            out.push_raw(" | ");
                        }
                        walk_html(child, out, lists);
                    }
                    _ if heading => {
                        out.end_line(true);
                        let level = name[1..].parse::<usize>().unwrap_or(1);
                        out.push_raw(&"#".repeat(level));
                        out.push_raw(" ");
                        walk_html(child, out, lists);
                        out.end_line(true);
                    }
                    _ if BLOCKS.contains(&name) => {
                        out.end_line(lists.is_empty());
                        walk_html(child, out, lists);
                        out.end_line(lists.is_empty());
                    }
                    _ => walk_html(child, out, lists),
                }
            }
            _ => {}
        }
    }
}

/// The text of a PDF's text layer. A PDF with pages but no text (a scan) is its own error,
/// so the user knows to run OCR rather than wonder why nothing was found.
pub fn pdf(path: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    let malformed = |reason: String| IngestError::Malformed { path: path.to_owned(), format: "PDF", reason };
    if !bytes.starts_with(b"%PDF") {
        return Err(malformed("it does not start with %PDF".to_owned()));
    }
    // pdf-extract indexes into the file's own tables and can panic on a damaged file; a panic
    // there must not take the build down with it.
    let extracted = quietly_catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    let text = match extracted {
        Ok(Ok(text)) => text,
        Ok(Err(err)) => return Err(malformed(err.to_string())),
        Err(_) => return Err(malformed("the PDF reader failed on its structure".to_owned())),
    };
    if text.trim().is_empty() {
        return Err(IngestError::NoTextLayer { path: path.to_owned() });
    }
    Ok(tidy_pdf_text(&text))
}

thread_local! {
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// `catch_unwind` without the panic message: the caught panic is reported as an
/// `IngestError`, so the default hook's message and backtrace on standard error would only
/// be noise (and the library does not print). The hook is wrapped once, and stays silent only
/// on the thread running `f`, only while it runs; every other panic is reported as before.
fn quietly_catch_unwind<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    static WRAP_HOOK: std::sync::Once = std::sync::Once::new();
    WRAP_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(std::cell::Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|quiet| quiet.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|quiet| quiet.set(false));
    result
}

/// pdf-extract marks page breaks with form feeds and leaves runs of blank lines; lines stay as
/// the PDF laid them out.
fn tidy_pdf_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.split(['\n', '\u{c}']) {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if blank > 0 && !out.is_empty() {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The text of a Word document: `word/document.xml`, one line per paragraph, list paragraphs
/// prefixed with `- `, tabs kept, blank lines between paragraphs that are not list items.
pub fn docx(path: &Path, bytes: &[u8], max_size: u64) -> Result<String, IngestError> {
    let malformed = |reason: String| IngestError::Malformed { path: path.to_owned(), format: "DOCX", reason };
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| malformed(e.to_string()))?;
    let mut xml = Vec::new();
    {
        let entry = archive
            .by_name("word/document.xml")
            .map_err(|_| malformed("no word/document.xml inside (is it a Word document?)".to_owned()))?;
        // A small archive can unpack to gigabytes (a "zip bomb"): read no more than the limit.
        entry.take(max_size.saturating_add(1)).read_to_end(&mut xml).map_err(|e| malformed(e.to_string()))?;
    }
    if xml.len() as u64 > max_size {
        return Err(IngestError::TooLarge { path: path.to_owned(), size: xml.len() as u64, limit: max_size });
    }
    docx_text(&xml).map_err(malformed)
}

/// Walks WordprocessingML: `w:p` paragraphs, `w:t` text, `w:tab`, `w:br`, `w:numPr` (list).
fn docx_text(xml: &[u8]) -> Result<String, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    let mut is_list = false;
    let mut is_heading = false;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(|e| format!("bad XML in word/document.xml: {e}"))?;
        match event {
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"w:p" => {
                paragraph.clear();
                is_list = false;
                is_heading = false;
                // `<w:p/>`: an empty paragraph, a blank line.
            }
            Event::Start(e) => match e.name().as_ref() {
                b"w:t" => in_text = true,
                b"w:numPr" => is_list = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:tab" => paragraph.push('\t'),
                b"w:br" | b"w:cr" => paragraph.push('\n'),
                b"w:numPr" => is_list = true,
                b"w:pStyle" => {
                    let style = e
                        .try_get_attribute("w:val")
                        .ok()
                        .flatten()
                        .map(|a| String::from_utf8_lossy(&a.value).to_ascii_lowercase())
                        .unwrap_or_default();
                    is_list |= style.contains("list");
                    is_heading |= style.starts_with("heading") || style == "title";
                }
                _ => {}
            },
            Event::Text(t) if in_text => {
                let text = t.unescape().map_err(|e| format!("bad XML in word/document.xml: {e}"))?;
                paragraph.push_str(&text);
            }
            Event::CData(t) if in_text => paragraph.push_str(&String::from_utf8_lossy(&t)),
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    let line = paragraph.trim();
                    if is_list && !line.is_empty() {
                        out.push_str("- ");
                        out.push_str(line);
                        out.push('\n');
                    } else {
                        if !out.is_empty() && !out.ends_with("\n\n") {
                            out.push('\n');
                        }
                        if is_heading && !line.is_empty() {
                            out.push_str("# ");
                        }
                        out.push_str(line);
                        if !line.is_empty() {
                            out.push_str("\n\n");
                        }
                    }
                    paragraph.clear();
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_headings_lists_paragraphs_and_drops_chrome() {
        let page = "<html><head><title>IGF</title><style>p{}</style></head><body>\
            <nav><ul><li>Home</li><li>About</li></ul></nav>\
            <main><h2>MAG Meeting 3</h2><p>Held on <b>12 May</b> 2024.</p>\
            <ol><li>Opening</li><li>GDC <i>update</i></li></ol><script>track()</script>\
            <table><tr><td>Jane Doe</td><td>ISOC</td></tr></table></main>\
            <footer>Contact us</footer></body></html>";
        assert_eq!(html(page), "## MAG Meeting 3\n\nHeld on 12 May 2024.\n\n1. Opening\n2. GDC update\n\nJane Doe | ISOC\n");
    }

    #[test]
    fn docx_paragraphs_and_list_items_become_lines() {
        let xml = br#"<w:document xmlns:w="x"><w:body>
            <w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Summary</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">Chair: </w:t></w:r><w:r><w:t>A &amp; B</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>first</w:t></w:r></w:p>
            <w:p><w:pPr><w:numPr/></w:pPr><w:r><w:t>second</w:t></w:r></w:p>
            <w:p/></w:body></w:document>"#;
        assert_eq!(docx_text(xml).unwrap(), "# Summary\n\nChair: A & B\n\n- first\n- second\n");
    }

    #[test]
    fn damaged_containers_are_errors_not_panics() {
        let path = Path::new("x");
        assert!(pdf(path, b"%PDF-1.4 garbage").is_err());
        assert!(docx(path, b"PK\x03\x04garbage", 1000).is_err());
        assert!(docx_text(b"<w:p><w:t>a</w:x>").is_err());
    }
}
