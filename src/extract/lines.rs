//! Regexes whose matches stay within one line, searched a stretch of lines at a time, with the
//! same matches as a search of the whole text.
//!
//! Why: a pattern with a Unicode `\b` runs on the regex crate's fast DFA only while the text is
//! ASCII; at the first non-ASCII byte (an accent, "→", "’") it gives up and the slower engines
//! search the rest of the text (ten to twenty times slower here). So runs of ASCII lines are
//! searched in one go, and each line with a non-ASCII character on its own, after a check with
//! the same pattern without `\b`: it matches wherever the pattern does (an assertion only ever
//! removes matches) and runs on the DFA whatever the text, so lines it rejects are skipped.
//!
//! Same matches: a match never spans a line break, a line break is a non-word character for `\b`,
//! and it ends a line for `(?m)^`/`$`, so a stretch of whole lines sees the same boundaries as the
//! whole text. Only patterns with no other anchors (no plain `^`, `$`, `\A`, `\z`) belong here.

use regex::{Captures, Regex};
use std::ops::Index;

use crate::segment::Span;

/// A regex for matches within one line (see the module documentation).
pub struct LineRegex {
    re: Regex,
    /// The pattern without `\b`: a superset of `re` that runs on the DFA on any text.
    loose: Regex,
}

impl LineRegex {
    /// Compiles `pattern`, which must not contain an escaped backslash before a `b` (`\\b`).
    pub fn new(pattern: &str) -> LineRegex {
        debug_assert!(!pattern.contains(r"\\b"));
        LineRegex { re: Regex::new(pattern).unwrap(), loose: Regex::new(&pattern.replace(r"\b", "")).unwrap() }
    }

    /// The regex itself, for searches of short strings.
    pub fn regex(&self) -> &Regex {
        &self.re
    }

    /// Stretches of whole lines worth searching: maximal runs of ASCII lines, and each
    /// non-ASCII line where the loose pattern matches.
    fn stretches<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Span> + 'a {
        let loose = &self.loose;
        let mut start = 0;
        let mut lines = text.split_inclusive('\n').peekable();
        std::iter::from_fn(move || {
            loop {
                let first = lines.next()?;
                let from = start;
                start += first.len();
                if first.is_ascii() {
                    while let Some(line) = lines.next_if(|l| l.is_ascii()) {
                        start += line.len();
                    }
                } else if !loose.is_match(first) {
                    continue;
                }
                return Some(from..start);
            }
        })
    }

    /// `regex.find_iter(text)`.
    pub fn find_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Found<'a>> {
        self.stretches(text).flat_map(move |s| {
            let offset = s.start;
            self.re.find_iter(&text[s]).map(move |m| Found { text, start: offset + m.start(), end: offset + m.end() })
        })
    }

    /// `regex.captures_iter(text)`.
    pub fn captures_iter<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Caps<'a>> {
        self.stretches(text).flat_map(move |s| {
            let offset = s.start;
            self.re.captures_iter(&text[s]).map(move |caps| Caps { text, caps, offset })
        })
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_join_ascii_lines_and_skip_non_ascii_lines_that_cannot_match() {
        let re = LineRegex::new(r"\bc\b");
        let text = "a\nb\n→ c\n→ d\ne\nf";
        let got: Vec<&str> = re.stretches(text).map(|s| &text[s]).collect();
        assert_eq!(got, ["a\nb\n", "→ c\n", "e\nf"]);
        assert_eq!(re.stretches("").count(), 0);
    }

    #[test]
    fn matches_are_those_of_a_whole_text_search() {
        let pattern = r"(?im)\b(\w+) linked\b|^x (\S+)$";
        let re = Regex::new(pattern).unwrap();
        let lines = LineRegex::new(pattern);
        let text = "Émile linked it\nx é\n→ Zoë linked\nnot élinked\n→ zoélinked\nx y\nAda linked";
        let spans = |c: &Caps| (c.get(0).unwrap().range(), c.get(1).map(|m| m.range()));
        let whole: Vec<(Span, Option<Span>)> =
            re.captures_iter(text).map(|c| (c.get(0).unwrap().range(), c.get(1).map(|m| m.range()))).collect();
        let pieced: Vec<(Span, Option<Span>)> = lines.captures_iter(text).map(|c| spans(&c)).collect();
        assert_eq!(pieced, whole);
        let found: Vec<Span> = lines.find_iter(text).map(|m| m.range()).collect();
        assert_eq!(found, re.find_iter(text).map(|m| m.range()).collect::<Vec<_>>());
        assert_eq!(found.len(), 5);
    }
}
