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
//!
//! A pattern every match of which contains one of a few words ("Parliament", "University", …)
//! can say so ([`LineRegex::with_words`]): a search for the words (`memchr::memmem`, several
//! GB/s) then picks the only lines worth searching, and most of a document is never given to the
//! regex at all.

use memchr::memmem::Finder;
use regex::{Captures, Regex};
use std::ops::Index;

use crate::segment::Span;

/// Compiles `pattern` with ASCII word boundaries, for patterns whose words are ASCII (dates,
/// times, meeting numbers). An ASCII `\b` runs on the fast DFA whatever the text, so such a
/// pattern needs no [`LineRegex`]: on the summaries' intros, twice as fast as with Unicode `\b`.
/// The two differ only beside a non-ASCII letter or digit ("é12 May" holds a date for it).
pub fn ascii_bounded(pattern: &str) -> Regex {
    debug_assert!(!pattern.contains(r"\\b"));
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).unwrap()
}

/// A regex for matches within one line (see the module documentation).
pub struct LineRegex {
    re: Regex,
    /// How the lines worth searching are picked.
    picker: Picker,
}

enum Picker {
    /// Runs of ASCII lines, and each non-ASCII line where `loose` (the pattern without `\b`: a
    /// superset of it that runs on the DFA on any text) matches.
    AsciiRuns { loose: Regex },
    /// The lines holding one of the words every match contains.
    Words(Words),
}

/// The words of [`LineRegex::with_words`], and whether they are found in an ASCII-lower-cased
/// copy of the text.
struct Words {
    finders: Vec<Finder<'static>>,
    lower_case: bool,
}

impl Words {
    /// One `memmem` search per word: each skips ahead on the word's rarest bytes. (One
    /// aho-corasick automaton for all the words was up to ten times slower on running text:
    /// its prefilter stopped at every "re", "co", "ti" that might start "related", …)
    fn new(words: &[&str], lower_case: bool) -> Words {
        Words { finders: words.iter().map(|w| Finder::new(w).into_owned()).collect(), lower_case }
    }
}

impl LineRegex {
    /// Compiles `pattern`, which must not contain an escaped backslash before a `b` (`\\b`).
    pub fn new(pattern: &str) -> LineRegex {
        debug_assert!(!pattern.contains(r"\\b"));
        let loose = Regex::new(&pattern.replace(r"\b", "")).unwrap();
        LineRegex { re: Regex::new(pattern).unwrap(), picker: Picker::AsciiRuns { loose } }
    }

    /// Compiles `pattern`, every match of which contains one of `words` as written: only the
    /// lines holding one are searched.
    pub fn with_words(pattern: &str, words: &[&str]) -> LineRegex {
        LineRegex { re: Regex::new(pattern).unwrap(), picker: Picker::Words(Words::new(words, false)) }
    }

    /// Like [`LineRegex::with_words`] for a `(?i)` pattern: the lower-case `words` are looked for
    /// in an ASCII-lower-cased copy of the text. (A match that holds a word only through a
    /// non-ASCII case variant, such as the Kelvin sign for "k", is not found.)
    pub fn with_words_ignoring_case(pattern: &str, words: &[&str]) -> LineRegex {
        debug_assert!(words.iter().all(|w| w.to_ascii_lowercase() == *w));
        LineRegex { re: Regex::new(pattern).unwrap(), picker: Picker::Words(Words::new(words, true)) }
    }

    /// The regex itself, for searches of short strings.
    pub fn regex(&self) -> &Regex {
        &self.re
    }

    /// Stretches of whole lines worth searching: each line holding one of the words, if the
    /// pattern has them; otherwise maximal runs of ASCII lines, and each non-ASCII line where the
    /// loose pattern matches.
    fn stretches<'a>(&'a self, text: &'a str) -> Box<dyn Iterator<Item = Span> + 'a> {
        match &self.picker {
            Picker::Words(words) => Box::new(lines_holding(words, text).into_iter()),
            Picker::AsciiRuns { loose } => Box::new(ascii_runs(loose, text)),
        }
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

/// Maximal runs of ASCII lines, and each non-ASCII line where `loose` matches.
fn ascii_runs<'a>(loose: &'a Regex, text: &'a str) -> impl Iterator<Item = Span> + 'a {
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

/// Each line (with its line break) that holds one of `words`, once, in text order.
fn lines_holding(words: &Words, text: &str) -> Vec<Span> {
    let lower;
    let hay = if words.lower_case {
        lower = text.to_ascii_lowercase();
        lower.as_str()
    } else {
        text
    };
    let mut hits: Vec<Span> = Vec::new();
    for finder in &words.finders {
        let len = finder.needle().len();
        hits.extend(finder.find_iter(hay.as_bytes()).map(|at| at..at + len));
    }
    hits.sort_unstable_by_key(|h| h.start);
    let bytes = text.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    for hit in hits {
        if out.last().is_some_and(|l| hit.start < l.end) {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..hit.start]).map_or(0, |p| p + 1);
        let end = memchr::memchr(b'\n', &bytes[hit.end..]).map_or(text.len(), |p| hit.end + p + 1);
        out.push(start..end);
    }
    out
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

    #[test]
    fn words_pick_the_lines_to_search_and_the_matches_stay_those_of_a_whole_text_search() {
        let pattern = r"(?i)\b(\w+) (?:linked|tied) to\b";
        let re = Regex::new(pattern).unwrap();
        let lines = LineRegex::with_words_ignoring_case(pattern, &["linked", "tied"]);
        let text = "Émile LINKED to it\nnothing here\n→ Zoë tied to x, Ada linked to y\nlinked\nnot élinked to\nlast tied to";
        let got: Vec<&str> = lines.stretches(text).map(|s| &text[s]).collect();
        assert_eq!(got, ["Émile LINKED to it\n", "→ Zoë tied to x, Ada linked to y\n", "linked\n", "not élinked to\n", "last tied to"]);
        let whole: Vec<Span> = re.find_iter(text).map(|m| m.range()).collect();
        let pieced: Vec<Span> = lines.find_iter(text).map(|m| m.range()).collect();
        assert_eq!(pieced, whole);
        assert_eq!(pieced.len(), 4);
        let groups: Vec<Option<Span>> = lines.captures_iter(text).map(|c| c.get(1).map(|g| g.range())).collect();
        assert_eq!(groups, re.captures_iter(text).map(|c| c.get(1).map(|g| g.range())).collect::<Vec<_>>());
        // Exact words: a line holding the word only in another case is not searched.
        let exact = LineRegex::with_words(r"\bParliament\b", &["Parliament"]);
        let text = "the parliament\nthe Parliament of Kenya\n";
        assert_eq!(exact.stretches(text).map(|s| &text[s]).collect::<Vec<_>>(), ["the Parliament of Kenya\n"]);
        assert_eq!(exact.find_iter(text).count(), 1);
    }
}
