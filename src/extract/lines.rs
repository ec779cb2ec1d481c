//! Searching a document with a regex whose matches stay within one line, a stretch of lines at
//! a time, with the same matches as a search of the whole text.
//!
//! Why: a pattern with a Unicode `\b` runs on the regex crate's fast DFA only while the text is
//! ASCII; at the first non-ASCII byte (an accent, "→", "’") it gives up and the slower engines
//! search the rest of the text (ten to twenty times slower here). Searching runs of ASCII lines in
//! one go and each line with a non-ASCII character on its own keeps the slow engines to those lines.
//!
//! Same matches: a match never spans a line break, a line break is a non-word character for `\b`,
//! and it ends a line for `(?m)^`/`$`, so a stretch of whole lines sees the same boundaries as the
//! whole text. Only patterns with no other anchors (no plain `^`, `$`, `\A`, `\z`) may be used here.

use regex::{Captures, Regex};
use std::ops::Index;

use crate::segment::Span;

/// Stretches of whole lines: maximal runs of ASCII lines, and each non-ASCII line alone.
fn stretches(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    let mut lines = text.split_inclusive('\n').peekable();
    std::iter::from_fn(move || {
        let first = lines.next()?;
        let from = start;
        start += first.len();
        if first.is_ascii() {
            while let Some(line) = lines.next_if(|l| l.is_ascii()) {
                start += line.len();
            }
        }
        Some(from..start)
    })
}

/// A match, with offsets in the whole text (like [`regex::Match`]).
#[derive(Debug, Clone, Copy)]
pub struct Found<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Found<'t> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> Span {
        self.start..self.end
    }
    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

/// Capture groups, with offsets in the whole text (like [`regex::Captures`]).
pub struct Caps<'t> {
    text: &'t str,
    caps: Captures<'t>,
    offset: usize,
}

impl<'t> Caps<'t> {
    pub fn get(&self, group: usize) -> Option<Found<'t>> {
        self.caps.get(group).map(|m| Found { text: self.text, start: self.offset + m.start(), end: self.offset + m.end() })
    }
}

impl Index<usize> for Caps<'_> {
    type Output = str;
    fn index(&self, group: usize) -> &str {
        &self.caps[group]
    }
}

/// `re.find_iter(text)` for a pattern whose matches stay within a line.
pub fn find_iter<'r, 't>(re: &'r Regex, text: &'t str) -> impl Iterator<Item = Found<'t>> {
    stretches(text).flat_map(move |s| {
        let offset = s.start;
        re.find_iter(&text[s]).map(move |m| Found { text, start: offset + m.start(), end: offset + m.end() })
    })
}

/// `re.captures_iter(text)` for a pattern whose matches stay within a line.
pub fn captures_iter<'r, 't>(re: &'r Regex, text: &'t str) -> impl Iterator<Item = Caps<'t>> {
    stretches(text).flat_map(move |s| {
        let offset = s.start;
        re.captures_iter(&text[s]).map(move |caps| Caps { text, caps, offset })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_cover_the_text_and_isolate_non_ascii_lines() {
        let text = "a\nb\n→ c\nd\ne";
        let got: Vec<&str> = stretches(text).map(|s| &text[s]).collect();
        assert_eq!(got, ["a\nb\n", "→ c\n", "d\ne"]);
        assert_eq!(stretches("").count(), 0);
    }

    #[test]
    fn matches_are_those_of_a_whole_text_search() {
        let re = Regex::new(r"(?im)\b(\w+) linked\b|^x (\S+)$").unwrap();
        let text = "Émile linked it\nx é\n→ Zoë linked\nnot élinked\nx y\nAda linked";
        let whole: Vec<(Span, Option<Span>)> =
            re.captures_iter(text).map(|c| (c.get(0).unwrap().range(), c.get(1).map(|m| m.range()))).collect();
        let pieced: Vec<(Span, Option<Span>)> =
            captures_iter(&re, text).map(|c| (c.get(0).unwrap().range(), c.get(1).map(|m| m.range()))).collect();
        assert_eq!(pieced, whole);
        let found: Vec<Span> = find_iter(&re, text).map(|m| m.range()).collect();
        assert_eq!(found, re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>());
        assert_eq!(found.len(), 5);
    }
}
