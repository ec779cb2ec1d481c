//! Segment: a document's text → its layout (header, agenda, discussion sections, participant
//! list, paragraphs and sentences), as byte spans.
//!
//! Summaries differ in wording but share a skeleton: a header naming the meeting, an agenda
//! list, numbered discussion sections, a participant list. Finding that skeleton first lets
//! each extractor look only where its facts live (the meeting number in the header, not in
//! an agenda title that mentions "the second meeting of" something else).
//!
//! Segmentation never fails: text without any recognisable structure is one big section.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// A byte range in the cleaned text.
pub type Span = Range<usize>;

/// Markdown-free text plus the way back to offsets in the original text.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Cleaned {
    pub text: String,
    map: OffsetMap,
}

impl Cleaned {
    /// The original byte offset of a cleaned byte offset (offsets past the end clamp to it).
    pub fn original(&self, offset: usize) -> usize {
        self.map.get(offset.min(self.text.len()))
    }
}

/// Cleaned byte offset → original byte offset, stored as the points where the two stop moving
/// together: cleaning drops a few markup bytes per line, so this holds a handful of anchors per
/// document instead of one word per byte (which, at 10,000 documents, was 600 MB).
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
struct OffsetMap {
    /// `(cleaned, original)`, ascending: cleaned offset `c` maps to `original + (c - cleaned)` of
    /// the last anchor with `cleaned <= c`.
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Records that cleaned offset `cleaned` (pushed in ascending order) comes from `original`.
    fn push(&mut self, cleaned: usize, original: usize) {
        let follows = self.anchors.last().is_some_and(|&(c, o)| o + (cleaned - c) == original);
        if !follows {
            self.anchors.push((cleaned, original));
        }
    }

    fn get(&self, cleaned: usize) -> usize {
        let i = self.anchors.partition_point(|&(c, _)| c <= cleaned);
        match i.checked_sub(1).map(|i| self.anchors[i]) {
            Some((c, o)) => o + (cleaned - c),
            None => cleaned,
        }
    }
}

/// Removes Markdown markup that splits names: `[Our Common Agenda](#)`, `**bold**`, `## `.
///
/// Sample: `Roadmap for [Digital Cooperation](#)` reads `Roadmap for Digital Cooperation`, so the
/// curated name matches across the link.
pub fn clean(text: &str) -> Cleaned {
    let mut out = String::with_capacity(text.len());
    let mut map = OffsetMap::default();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let c = bytes[i];
        // Text without markup bytes is copied a run at a time (the runs end at ASCII bytes,
        // so on character boundaries).
        if !is_markup_byte(c) {
            let end = bytes[i..].iter().position(|&b| is_markup_byte(b)).map_or(bytes.len(), |p| i + p);
            map.push(out.len(), i);
            out.push_str(&text[i..end]);
            line_start = false;
            i = end;
            continue;
        }
        // Heading hashes at the start of a line.
        if line_start && c == b'#' {
            let mut j = i;
            while j < bytes.len() && bytes[j] == b'#' {
                j += 1;
            }
            while j < bytes.len() && bytes[j] == b' ' {
                j += 1;
            }
            i = j;
            line_start = false;
            continue;
        }
        // An e-mail's quote marks ("> ", "> > ") open the lines of the message it replies to,
        // often the minutes themselves. A transcript's ">>" tag is kept.
        if line_start && c == b'>' && matches!(bytes.get(i + 1), None | Some(b' ' | b'\n')) {
            i += 1 + usize::from(bytes.get(i + 1) == Some(&b' '));
            continue;
        }
        // "@Lucía", "+Kwame": a shared document's mention of a person, not part of the name.
        // ("WSIS+20" and "name@example.org" keep theirs: a letter or digit stands before.)
        if matches!(c, b'@' | b'+')
            && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            && (i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'(' | b',' | b'['))
        {
            i += 1;
            continue;
        }
        // A `*` opening a line and followed by a space is a bullet, not emphasis.
        let bullet = c == b'*' && bytes.get(i + 1) == Some(&b' ') && text[..i].rsplit('\n').next().is_some_and(|l| l.trim().is_empty());
        line_start = c == b'\n';
        // Link target: `](...)` on one line is dropped whole; the `[` that opened it is dropped below.
        if c == b']' && bytes.get(i + 1) == Some(&b'(')
            && let Some(close) = rest_of_line(text, i + 2).find(')') {
                i += 3 + close;
                continue;
            }
        if c == b'[' && rest_of_line(text, i + 1).contains("](") {
            i += 1;
            continue;
        }
        if (c == b'*' && !bullet) || (c == b'_' && bytes.get(i + 1) == Some(&b'_')) || c == b'\\' {
            i += 1;
            continue;
        }
        // A markup byte kept as text (ASCII, so one byte is one character).
        map.push(out.len(), i);
        out.push(char::from(c));
        i += 1;
    }
    map.push(out.len(), text.len());
    Cleaned { text: out, map }
}

/// Bytes where Markdown markup or a line may start; all other bytes are copied as they are.
fn is_markup_byte(b: u8) -> bool {
    matches!(b, b'#' | b'*' | b'[' | b']' | b'_' | b'\\' | b'\n' | b'>' | b'@' | b'+')
}

/// The text from `from` to the end of its line.
fn rest_of_line(text: &str, from: usize) -> &str {
    let rest = &text[from..];
    &rest[..rest.find('\n').unwrap_or(rest.len())]
}

/// What kind of list marker opens a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// `1.` or `1)` (with `)` noted: such items are sub-points, not section headings).
    Number { n: u32, paren: bool },
    /// `a.` or `a)`.
    Letter,
    /// `-`, `*`, `•`, `→`.
    Bullet,
}

/// One line of the cleaned text.
#[derive(Debug, Clone)]
pub struct Line {
    pub span: Span,
    /// Leading spaces.
    pub indent: usize,
    /// Markers in order (`- 1)` has a bullet then a number).
    pub markers: Vec<Marker>,
    /// Where the content starts after indentation and markers.
    pub content: Span,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }
    pub fn is_item(&self) -> bool {
        !self.markers.is_empty()
    }
    /// The number of a numbered item (`1.`, `- 1)`).
    pub fn number(&self) -> Option<u32> {
        self.markers.iter().find_map(|m| match m {
            Marker::Number { n, .. } => Some(*n),
            _ => None,
        })
    }
    /// A top-level `N.` line: the shape of a discussion section heading.
    fn is_section_number(&self) -> bool {
        self.indent == 0 && matches!(self.markers.as_slice(), [Marker::Number { paren: false, .. }])
    }
}

/// An item of the agenda list.
#[derive(Debug, Clone)]
pub struct AgendaEntry {
    pub number: Option<u32>,
    /// The item's title, sub-items joined ("…issues: a. Leadership Panel, b. …").
    pub title: String,
    /// The title without its sub-items.
    pub main_title: String,
    pub span: Span,
}

/// A discussion section: a numbered or headed stretch of the summary.
#[derive(Debug, Clone)]
pub struct Section {
    pub number: Option<u32>,
    /// The heading line's text (for a long numbered paragraph, its first words).
    pub title: String,
    /// The heading line.
    pub heading: Span,
    /// Heading and body together.
    pub span: Span,
    /// The section lists action items ("Next steps", "Action items").
    pub is_actions: bool,
}

/// The skeleton of one document.
#[derive(Debug, Clone)]
pub struct Layout {
    pub lines: Vec<Line>,
    /// From the start to the agenda, discussion or first section: title, date, "The 83rd meeting…".
    pub intro: Span,
    pub agenda: Vec<AgendaEntry>,
    pub sections: Vec<Section>,
    /// One span per participant entry, markers stripped.
    pub participants: Vec<Span>,
    /// Entries of a list of participants in running text ("Among the participants were X (Org)
    /// and Y."): unlike [`Layout::participants`], an entry may be an organisation or a crowd
    /// ("representatives of …"), which the reader tells apart.
    pub prose_participants: Vec<Span>,
    /// Entries of "Chair:" / "Moderator:" lines (also participants).
    pub chairs: Vec<Span>,
    /// Entries of "Apologies:" / "Regrets:" / "Absent:" lines: named, but not present.
    pub absent: Vec<Span>,
    /// Items listed under an "Action items" / "Next steps" heading.
    pub action_items: Vec<Span>,
    /// Paragraphs of running text (blank-line separated; a blank line before a lowercase
    /// continuation does not end one).
    pub paragraphs: Vec<Span>,
}

static AGENDA_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:annex\s+\w+\s*[:.\-–]?\s*)?(?:meeting\s+)?agenda\s*:?$").unwrap());
static PARTICIPANTS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:annex\s+\w+\s*[:.\-–]?\s*)?(?:list of participants|participants list|participants|attendees|attendance|present|also present|in attendance|speakers|panell?ists|guests?|observers?)(?:\s*\([^)]{1,60}\))?\s*:?$").unwrap()
});
static INLINE_PARTICIPANTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:participants|attendees|attending|present|in attendance|speakers|panell?ists|panélistes|intervenants|rapporteurs?|notes|note[- ]?takers?|minutes)(?:\s*\(\d{1,3}\))?\s*:\s*(\S.*)$").unwrap()
});
static PROSE_PARTICIPANTS: LazyLock<Regex> = LazyLock::new(|| {
    // An ASCII `\b` (its words are ASCII) keeps the search on the regex crate's DFA on any line.
    Regex::new(r"(?-u:\b)(?:(?:[Pp]articipants|[Aa]ttendees|[Pp]anell?ists|[Ss]peakers|[Tt]hose (?:present|attending)) (?:were|included|comprised)|(?:was|were) (?:also )?attended by|(?:[Pp]resent|[Aa]ttending) were|(?:[Mm]embers|[Dd]elegates) (?:present|attending)(?: in person| online| (?:in|at) (?:the )?[A-Z][\w-]*)? were)\s+").unwrap()
});
static CHAIR_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:chair|chairs|co-chairs?|chaired by|chairperson|moderator|moderators|moderated by|online moderat(?:or|ion)|facilitators?|co-facilitators?|host|hosted by|modérat(?:eur|rice)s?|moderaci[oó]n|moderador(?:a|es)?)\s*:\s*(\S.*)$").unwrap()
});
static ABSENT_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:apologies|regrets|absent|excused|unable to attend)\s*:\s*(\S.*)$").unwrap());
static ABSENT_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:apologies|regrets|absent|excused|unable to attend)(?:\s+received)?\s*:?$").unwrap());
static CHAT_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:comments from the chat|chat|chat comments|from the chat|comments in the chat)\s*:?$").unwrap()
});
static DISCUSSION_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:discussions?|points discussed|summary of (?:the )?discussions?|discussion summary|meeting notes|minutes|notes)\s*:?$").unwrap()
});
static ANNEX_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^annex\s+[\w]+\s*:?$").unwrap());
static ACTIONS_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:priorities|decisions|summary|conclusions|recommendations|outcomes|agreements) and )?(?:next steps|action items?|actions?|action points|follow[- ]ups?(?: actions)?|to[- ]dos?)\s*:?$").unwrap()
});
/// "Recommendations": a list of what should be done, by whom it says. Its items are no agenda
/// items; those in an action's form ("KICTANet to share …") are actions.
static RECOMMENDATIONS_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:key |main )?recommendations\s*:?$").unwrap());
static OWNER_TO_DO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[Tt]he\s+)?\p{Lu}[\w’'.-]*(?:\s+[\w’'.-]+){0,5}?\s+to\s+\p{Ll}+\b").unwrap());
static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(\d{1,3})([.)])(?:\s+|$)|([a-zA-Z])([.)])\s+|([-*•→–])\s+)").unwrap());

/// Finds the skeleton of a cleaned text.
pub fn layout(text: &str) -> Layout {
    let lines = split_lines(text);
    let mut agenda = Vec::new();
    let mut participants = Vec::new();
    let mut prose_participants = Vec::new();
    let mut chairs = Vec::new();
    let mut absent = Vec::new();
    let mut action_items = Vec::new();
    // Lines consumed by the agenda or the participant list.
    let mut taken = vec![false; lines.len()];
    // Lines that end the section above them (participant list, annex, agenda heading).
    let mut stops = vec![false; lines.len()];
    let mut discussion_start = None;

    let mut i = 0;
    while i < lines.len() {
        let content = &text[lines[i].content.clone()];
        if lines[i].markers.is_empty() && AGENDA_HEADING.is_match(content) {
            stops[i] = true;
            taken[i] = true;
            let end = list_block(&lines, text, i + 1, &mut taken);
            agenda = agenda_entries(&lines, text, i + 1, end);
            i = end;
            continue;
        }
        if lines[i].markers.is_empty() && PARTICIPANTS_HEADING.is_match(content) {
            stops[i] = true;
            taken[i] = true;
            let end = list_block(&lines, text, i + 1, &mut taken);
            let rows: Vec<&Line> = lines[i + 1..end].iter().filter(|l| !l.is_blank()).collect();
            for (k, line) in rows.iter().enumerate() {
                let content = &text[line.content.clone()];
                // A Markdown table: skip its header (the row above the |---| rule) and the rule.
                if content.starts_with('|') {
                    let is_rule = content.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
                    let is_header = rows.get(k + 1).is_some_and(|n| text[n.content.clone()].chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')));
                    if is_rule || is_header {
                        continue;
                    }
                    let inner = content.trim_matches(|c| c == '|' || c == ' ');
                    let start = line.content.start + content.find(inner).unwrap_or(0);
                    participants.push(start..start + inner.len());
                    continue;
                }
                // "Name | Stakeholder group | Organisation": a table's header row, not a person.
                let first_cell = content.split('|').next().unwrap_or("").trim().to_lowercase();
                if content.contains('|') && ["name", "full name", "names", "participant", "speaker", "person"].contains(&first_cell.as_str()) {
                    continue;
                }
                participants.push(trim_span(text, line.content.clone()));
            }
            i = end;
            continue;
        }
        // "Apologies:" over a list: named, not present.
        if lines[i].markers.is_empty() && content.len() <= 32 && ABSENT_HEADING.is_match(content) {
            stops[i] = true;
            taken[i] = true;
            let end = list_block(&lines, text, i + 1, &mut taken);
            absent.extend(lines[i + 1..end].iter().filter(|l| !l.is_blank()).map(|l| trim_span(text, l.content.clone())));
            i = end;
            continue;
        }
        // A label may also open a later sentence of the line: "The session was moderated by X
        // (Internet Society). Online moderation: Hannah Weber." Only a whole line is consumed.
        for (k, segment) in label_segments(text, lines[i].content.clone()).into_iter().enumerate() {
            let content = &text[segment.clone()];
            let base = segment.start;
            if let Some(caps) = INLINE_PARTICIPANTS.captures(content) {
                let list = caps.get(1).unwrap();
                participants.extend(split_inline_list(text, base + list.start()..base + list.end()));
                taken[i] |= k == 0;
                // "Present: A (X),\nB (Y), C (Z)": a list that ends its line with a comma goes on.
                let mut j = i;
                while k == 0 && text[lines[j].content.clone()].trim_end().ends_with(',') && j + 1 < lines.len() && !lines[j + 1].is_blank() && lines[j + 1].markers.is_empty() {
                    j += 1;
                    participants.extend(split_inline_list(text, lines[j].content.clone()));
                    taken[j] = true;
                }
            }
            if let Some(caps) = CHAIR_LINE.captures(content) {
                let list = caps.get(1).unwrap();
                let entries = split_inline_list(text, base + list.start()..base + list.end());
                chairs.extend(entries.iter().cloned());
                participants.extend(entries);
                taken[i] |= k == 0;
            }
            if let Some(caps) = ABSENT_LINE.captures(content) {
                let list = caps.get(1).unwrap();
                absent.extend(split_inline_list(text, base + list.start()..base + list.end()));
                taken[i] |= k == 0;
            }
        }
        // A plain heading ("Key takeaways", "Call to action") ends the section above it;
        // a chat heading does not: the chat belongs to the section it follows.
        if lines[i].markers.is_empty()
            && looks_like_heading(&lines, text, i)
            && !CHAT_HEADING.is_match(content)
            && !DISCUSSION_HEADING.is_match(content)
        {
            stops[i] = true;
        }
        if lines[i].markers.is_empty() && ACTIONS_TITLE.is_match(content.trim_end_matches(':')) {
            let mut j = i + 1;
            // "Outcomes and follow-up\n\nThe MAG agreed … The following was agreed:\n a) …": a
            // line that announces the items may come before them.
            let mut items = 0;
            let announces = |j: usize| text[lines[j].content.clone()].trim_end().ends_with(':');
            while j < lines.len() && (lines[j].is_blank() || lines[j].is_item() || items == 0 && announces(j)) {
                if lines[j].is_item() {
                    items += 1;
                    action_items.push(lines[j].content.clone());
                    // An action is not an agenda item: its number starts no section.
                    taken[j] = true;
                }
                j += 1;
            }
        }
        if lines[i].markers.is_empty() && RECOMMENDATIONS_TITLE.is_match(content) {
            let mut j = i + 1;
            while j < lines.len() && (lines[j].is_blank() || lines[j].is_item()) {
                if lines[j].is_item() {
                    taken[j] = true;
                    if OWNER_TO_DO.is_match(&text[lines[j].content.clone()]) {
                        action_items.push(lines[j].content.clone());
                    }
                }
                j += 1;
            }
        }
        if lines[i].markers.is_empty() && (ANNEX_HEADING.is_match(content)) {
            stops[i] = true;
        }
        if lines[i].markers.is_empty() && DISCUSSION_HEADING.is_match(content) && discussion_start.is_none() {
            discussion_start = Some(i);
        }
        i += 1;
    }

    // One search of the whole text, not one per line: most lines hold no such list.
    for cue in PROSE_PARTICIPANTS.find_iter(text) {
        let i = lines.partition_point(|l| l.span.end <= cue.start());
        if i == lines.len() || taken[i] {
            continue;
        }
        if let Some(sentence) = sentences(text, lines[i].content.clone()).into_iter().find(|s| s.start <= cue.end() && cue.end() < s.end) {
            let list = trim_span(text, cue.end()..sentence.end);
            let list = list.start..list.start + text[list.clone()].trim_end_matches('.').len();
            prose_participants.extend(split_list(text, list, AndSplits::Always));
        }
    }
    let sections = sections(&lines, text, &taken, &stops);
    let intro_end_line = [
        agenda_line(&lines, text),
        discussion_start,
        sections.first().map(|s| line_index(&lines, s.heading.start)),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(lines.len());
    let intro = 0..lines.get(intro_end_line).map_or(text.len(), |l| l.span.start);
    for section in sections.iter().filter(|s| s.is_actions) {
        for line in lines.iter().filter(|l| section.span.start < l.span.start && l.span.end <= section.span.end && l.is_item()) {
            action_items.push(line.content.clone());
        }
    }
    action_items.sort_by_key(|s| s.start);
    action_items.dedup();
    let paragraphs = paragraphs(&lines, text);
    Layout { lines, intro, agenda, sections, participants, prose_participants, chairs, absent, action_items, paragraphs }
}

fn line_index(lines: &[Line], offset: usize) -> usize {
    lines.partition_point(|l| l.span.end < offset)
}

fn agenda_line(lines: &[Line], text: &str) -> Option<usize> {
    lines.iter().position(|l| l.markers.is_empty() && AGENDA_HEADING.is_match(&text[l.content.clone()]))
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.trim_end_matches('\n').len();
        let raw = &text[start..end];
        let indent = raw.len() - raw.trim_start().len();
        let mut pos = start + indent;
        let mut markers = Vec::new();
        while let Some(caps) = MARKER.captures(&text[pos..end]) {
            let whole = caps.get(0).unwrap();
            let marker = if let Some(n) = caps.get(1) {
                Marker::Number { n: n.as_str().parse().unwrap_or(0), paren: &caps[2] == ")" }
            } else if caps.get(3).is_some() {
                // "A. Smith" is a name, not a lettered item: only lower-case letters or a
                // letter followed by `)` count.
                let letter = &caps[3];
                if &caps[4] == "." && letter.chars().all(char::is_uppercase) {
                    break;
                }
                Marker::Letter
            } else {
                Marker::Bullet
            };
            markers.push(marker);
            pos += whole.len();
            if markers.len() > 3 {
                break;
            }
        }
        let content_end = start + raw.trim_end().len();
        lines.push(Line { span: start..end, indent, markers, content: pos.min(content_end)..content_end });
        start += piece.len();
    }
    lines
}

/// The end (exclusive line index) of a list that starts at `from`: list items and their
/// continuation lines, blank lines between them allowed.
fn list_block(lines: &[Line], text: &str, from: usize, taken: &mut [bool]) -> usize {
    let mut end = from;
    let mut i = from;
    let mut seen_item = false;
    let mut plain_list = false;
    // The first item's (innermost) marker and indent: "1. Opening" after a list of "- " entries
    // starts the discussion, not another entry; "- 5)" among "4." entries is one more.
    let mut first: Option<(std::mem::Discriminant<Marker>, usize)> = None;
    while i < lines.len() {
        let line = &lines[i];
        if line.is_blank() {
            i += 1;
            continue;
        }
        if let Some(marker) = line.markers.last() {
            let kind = std::mem::discriminant(marker);
            match first {
                None => first = Some((kind, line.indent)),
                Some((k, indent)) if k != kind && line.indent <= indent => break,
                _ => {}
            }
        }
        let content = &text[line.content.clone()];
        let plain_entry = !line.is_item() && (looks_like_entry(content) || content.starts_with('|'));
        if line.is_item() || (plain_entry && (!seen_item || plain_list)) {
            if !line.is_item() {
                plain_list = true;
            }
            seen_item = true;
            taken[i] = true;
            i += 1;
            end = i;
            continue;
        }
        break;
    }
    end
}

/// A short line standing alone between blank lines (or at a block's start), capitalised and
/// without sentence punctuation: "Key takeaways", "Call to action", "Afternoon - MAG segment".
fn looks_like_heading(lines: &[Line], text: &str, i: usize) -> bool {
    let content = text[lines[i].content.clone()].trim();
    let blank_before = i == 0 || lines[i - 1].is_blank();
    // Words are counted last and only up to nine: a paragraph's line can be long.
    blank_before
        && content.chars().next().is_some_and(char::is_uppercase)
        && !content.ends_with(['.', ',', ';', '?', '!'])
        && !content.contains(": ")
        && (1..=8).contains(&content.split_whitespace().take(9).count())
}

/// A short line without sentence punctuation: a list entry written without a marker.
fn looks_like_entry(content: &str) -> bool {
    let words = content.split_whitespace().take(17).count();
    (1..=16).contains(&words)
        && !content.trim_end().ends_with(['.', ':', '?', '!'])
        && !AGENDA_HEADING.is_match(content)
        && !PARTICIPANTS_HEADING.is_match(content)
        && !DISCUSSION_HEADING.is_match(content)
        && !ANNEX_HEADING.is_match(content)
}

fn agenda_entries(lines: &[Line], text: &str, from: usize, to: usize) -> Vec<AgendaEntry> {
    let mut out: Vec<AgendaEntry> = Vec::new();
    let mut base_indent = None;
    for line in &lines[from..to] {
        if line.is_blank() {
            continue;
        }
        let content = text[line.content.clone()].trim();
        let indent = *base_indent.get_or_insert(line.indent);
        let sub = line.indent > indent || matches!(line.markers.last(), Some(Marker::Letter));
        if sub
            && let Some(last) = out.last_mut() {
                let raw = text[line.span.clone()].trim();
                let raw = raw.trim_start_matches(['-', '*', '•', ' ']);
                let sep = if last.title.ends_with(':') || !last.title.contains(':') { " " } else { ", " };
                last.title = format!("{}{}{}", last.title, sep, raw);
                last.span.end = line.span.end;
                continue;
            }
        out.push(AgendaEntry { number: line.number(), title: content.to_owned(), main_title: content.to_owned(), span: line.content.clone() });
    }
    // Entries without numbers are numbered by their order.
    for (idx, entry) in out.iter_mut().enumerate() {
        if entry.number.is_none() {
            entry.number = Some(idx as u32 + 1);
        }
    }
    out
}

fn sections(lines: &[Line], text: &str, taken: &[bool], stops: &[bool]) -> Vec<Section> {
    let mut heads: Vec<usize> = (0..lines.len()).filter(|&i| !taken[i] && lines[i].is_section_number()).collect();
    // Numbers must rise: "1." lines inside a section's own sub-list do not start sections
    // unless the sequence restarts after a block.
    heads.dedup();
    let mut out = Vec::new();
    for (k, &h) in heads.iter().enumerate() {
        let next = heads.get(k + 1).copied().unwrap_or(lines.len());
        let stop = (h + 1..next).find(|&i| stops[i] || (taken[i] && !taken[h])).unwrap_or(next);
        let end = if stop < lines.len() { lines[stop].span.start } else { text.len() };
        let line = &lines[h];
        let content = text[line.content.clone()].trim();
        let title = section_title(content);
        let is_actions = ACTIONS_TITLE.is_match(&title);
        out.push(Section {
            number: line.number(),
            title,
            heading: line.content.clone(),
            span: line.span.start..end.max(line.span.end),
            is_actions,
        });
    }
    out
}

/// The heading text; a numbered paragraph ("1. Plan of activities … has been presented with …")
/// keeps its first sentence, or less (a clause, at most 120 bytes).
fn section_title(content: &str) -> String {
    // The first sentence, as the sentence splitter sees it ("Ms. Okoye" does not end one).
    // Only the start is read: a title is at most 120 bytes (see below), and a long paragraph's
    // sentences are not worth splitting for it.
    let mut head = content.len().min(128);
    while !content.is_char_boundary(head) {
        head -= 1;
    }
    let sentence_end = sentences(content, 0..head).first().map_or(head, |s| s.end);
    // "AOB. Mei noted …": a short first sentence is the title.
    let first = content[..sentence_end].trim().trim_end_matches('.');
    if sentence_end < content.trim_end().len() && first.split_whitespace().count() <= 6 {
        return first.trim().to_owned();
    }
    if content.split_whitespace().take(15).count() <= 14 {
        return content.trim_end_matches(':').trim().to_owned();
    }
    // Else the first sentence, or less: up to a ";", ":" or "(".
    let cut = content.find([';', ':', '(']).unwrap_or(content.len()).min(sentence_end).min(120);
    let mut end = cut;
    while !content.is_char_boundary(end) {
        end -= 1;
    }
    // A title cut at its length limit ends at the last whole word.
    if end == 120 && content[end..].starts_with(|c: char| c.is_alphanumeric()) {
        end = content[..end].rfind(' ').unwrap_or(end);
    }
    content[..end].trim().trim_end_matches('.').to_owned()
}

fn paragraphs(lines: &[Line], text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut current: Option<Span> = None;
    let mut pending_blank = false;
    for line in lines {
        if line.is_blank() {
            pending_blank = true;
            continue;
        }
        let content = &text[line.content.clone()];
        // A transcript's turn (">> NAME: …") is a paragraph of its own.
        let continues = current.is_some()
            && (!pending_blank || content.chars().next().is_some_and(char::is_lowercase))
            && !line.is_item()
            && !content.starts_with(">>");
        match (&mut current, continues) {
            (Some(span), true) => span.end = line.span.end,
            _ => {
                if let Some(span) = current.take() {
                    out.push(span);
                }
                current = Some(line.span.start..line.span.end);
            }
        }
        pending_blank = false;
    }
    out.extend(current);
    out
}

/// `span` without the white space at its ends.
pub fn trim_span(text: &str, span: Span) -> Span {
    let s = &text[span.clone()];
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    start..end.max(start)
}

/// Splits "A (X), B (Y) and C" into entries, keeping parentheses together.
pub fn split_inline_list(text: &str, span: Span) -> Vec<Span> {
    split_list(text, span, AndSplits::AfterEntry)
}

/// Where a list's "and" separates two entries.
#[derive(Clone, Copy, PartialEq)]
enum AndSplits {
    /// Everywhere outside parentheses: a list in running text, whose entries are checked after.
    Always,
    /// Only after a parenthesis or an entry that is still a bare name ("A (X) and B", "A, B and
    /// C"), so that a labelled list keeps "Dr. X of the Ministry of ICT and Innovation" whole.
    AfterEntry,
}

/// Splits entries at commas and semicolons outside parentheses, and at "and" as `and` allows
/// ("A (X), B and C (Y, Z)", "A, B, and C").
fn split_list(text: &str, span: Span, and: AndSplits) -> Vec<Span> {
    let bare_name = |entry: &str| {
        let words: Vec<&str> = entry.split_whitespace().collect();
        (1..=5).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
    };
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = span.start;
    let s = &text[span.clone()];
    // "Dr X, Director General, Authority; Mr Y, Lecturer, College": a list whose entries are
    // parted by semicolons keeps each entry's commas inside it.
    let by_semicolons = semicolon_list(s);
    for (i, c) in s.char_indices() {
        let at = span.start + i;
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' | ';' if depth <= 0 && (c == ';' || !by_semicolons) => {
                out.push(trim_span(text, start..at));
                start = at + 1;
            }
            ' ' if depth <= 0
                && s[i..].starts_with(" and ")
                && (and == AndSplits::Always || text[start..at].ends_with(')') || bare_name(&text[start..at])) =>
            {
                out.push(trim_span(text, start..at));
                start = at + " and".len();
            }
            _ => {}
        }
    }
    out.push(trim_span(text, start..span.end));
    {
        // ", and C": the comma ended B, so "and C" is left.
        for entry in &mut out {
            if text[entry.clone()].starts_with("and ") {
                *entry = trim_span(text, entry.start + 3..entry.end);
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// True when semicolons outside parentheses part entries that each hold a comma of their own
/// ("Dr X, Director, Authority; Mr Y, Lecturer, College"), not "A (X, Y), B; C".
fn semicolon_list(s: &str) -> bool {
    if memchr::memchr(b';', s.as_bytes()).is_none() {
        return false;
    }
    let mut depth = 0i32;
    let mut commas = vec![0usize];
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => commas.push(0),
            ',' if depth <= 0 => *commas.last_mut().unwrap() += 1,
            _ => {}
        }
    }
    commas.len() >= 2 && commas.iter().all(|&n| n > 0)
}

/// The spans where a "Label: entries" may start in a line: the whole line, and each later
/// sentence of it with a colon among its first words.
fn label_segments(text: &str, line: Span) -> Vec<Span> {
    let mut out = vec![line.clone()];
    let bytes = text[line.clone()].as_bytes();
    // Only a colon after a sentence's end can open a later label; and a label is a few words.
    if memchr::memrchr(b':', bytes).is_some_and(|colon| memchr::memmem::find(&bytes[..colon], b". ").is_some()) {
        let colon_soon = |s: &Span| text[s.clone()].bytes().take(40).any(|b| b == b':');
        out.extend(sentences(text, line.clone()).into_iter().skip(1).map(|s| trim_span(text, s)).filter(colon_soon));
    }
    // "Chair: Lucía Fernández Ortega | Notes: Camille Rousseau-Diop": cells of a header line.
    if memchr::memchr(b'|', bytes).is_some() && memchr::memmem::find(bytes, b" | ").is_some() {
        let mut start = line.start;
        for (at, _) in text[line.clone()].match_indices(" | ") {
            out.push(trim_span(text, start..line.start + at));
            start = line.start + at + 3;
        }
        out.push(trim_span(text, start..line.end));
        out[0] = out[1].clone();
        out.remove(1);
    }
    out
}


/// Splits a span of text into sentences (byte spans), guarding abbreviations and initials.
///
/// Sample: "Ms. St. Amour noted it. Jorge agreed." → two sentences.
pub fn sentences(text: &str, span: Span) -> Vec<Span> {
    let s = &text[span.clone()];
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Only terminators and line breaks can end a sentence: jump between them with `memchr`
    // (a byte-by-byte loop was a tenth of extraction time).
    let mut stops = memchr::memchr3_iter(b'.', b'?', b'!', bytes).peekable();
    let mut breaks = memchr::memchr_iter(b'\n', bytes).peekable();
    loop {
        let i = match (stops.peek(), breaks.peek()) {
            (Some(&stop), Some(&br)) if br < stop => breaks.next(),
            (Some(_), _) => stops.next(),
            (None, _) => breaks.next(),
        };
        let Some(i) = i else { break };
        let line_break = bytes[i] == b'\n' && i + 1 < bytes.len() && is_list_start(&s[i + 1..]);
        if line_break || (bytes[i] != b'\n' && sentence_ends(s, i)) {
            let end = if line_break { i } else { i + 1 };
            push_trimmed(text, span.start + start, span.start + end, &mut out);
            start = end;
        }
    }
    push_trimmed(text, span.start + start, span.end, &mut out);
    out
}

fn is_list_start(rest: &str) -> bool {
    let t = rest.trim_start_matches(' ');
    MARKER.is_match(t) || t.starts_with("→")
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let span = trim_span(text, start..end);
    if text[span.clone()].chars().any(char::is_alphanumeric) {
        out.push(span);
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "par", "para", "e.g", "i.e", "etc", "vs", "al", "jr", "sr",
    "h.e", "u.s", "u.k", "u.n", "rev", "art", "fig", "inc", "ltd", "co", "approx", "ca", "amb", "hon",
];

fn sentence_ends(s: &str, i: usize) -> bool {
    let bytes = s.as_bytes();
    let next = s[i + 1..].chars().next();
    // The terminator must be followed by white space (or the end) …
    match next {
        None => return true,
        Some(c) if !c.is_whitespace() && c != '"' && c != '\'' && c != '”' && c != ')' => return false,
        _ => {}
    }
    if bytes[i] != b'.' {
        return true;
    }
    // … and a dot must not close an abbreviation or an initial ("Tracy F. Hackshaw").
    let before = &s[..i];
    // Step over the separator by its own width: white space such as U+2002 is three bytes.
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(')
        .map_or(0, |(p, c)| p + c.len_utf8());
    let word = &before[word_start..];
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false;
    }
    // Compared without lower-casing a copy: the only character that lower-cases into ASCII is
    // the Kelvin sign (into "k", in no abbreviation), so this is `word.to_lowercase()` in the list.
    if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return false;
    }
    // The next word should start a sentence: upper case, digit, quote or list marker.
    let rest = s[i + 1..].trim_start();
    match rest.chars().next() {
        None => true,
        Some(c) => !c.is_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guests_and_apologies_under_their_own_headings() {
        let text = "Present:\n- Ana Lima (AL), ICANN\nGuest:\n- Bo Li, ITU\nApologies:\n- Pieter de Wit, Forum Standaardisatie\n\n1. Welcome\nAL opened the call.\n";
        let layout = layout(text);
        let of = |spans: &[Span]| spans.iter().map(|s| text[s.clone()].to_owned()).collect::<Vec<_>>();
        let of_table = |text: &str| super::layout(text).participants.iter().map(|s| text[s.clone()].to_owned()).collect::<Vec<_>>();
        assert_eq!(of(&layout.participants), ["Ana Lima (AL), ICANN", "Bo Li, ITU"]);
        assert_eq!(of(&layout.absent), ["Pieter de Wit, Forum Standaardisatie"]);
        assert_eq!(layout.sections.first().map(|s| s.title.as_str()), Some("Welcome"));
        // A plain-text table under a heading with a remark: its header row names nobody.
        let table = "Participants (as registered in Zoom)\n\nName | Stakeholder group | Organisation\nAna Lima | Civil society | ICANN\nBo Li | Government | ITU\n";
        assert_eq!(of_table(table), ["Ana Lima | Civil society | ICANN", "Bo Li | Government | ITU"]);
    }

    #[test]
    fn cleaning_drops_quote_marks_but_keeps_transcript_tags() {
        let text = "On Mon, Ana wrote:\n> Minutes\n>\n> > - Bo Li to share the Global Digital\n> Compact notes.\n>> BO LI: Thank you.\na > b\n";
        let cleaned = clean(text);
        assert_eq!(cleaned.text, "On Mon, Ana wrote:\nMinutes\n\n- Bo Li to share the Global Digital\nCompact notes.\n>> BO LI: Thank you.\na > b\n");
        // A shared document's mentions lose their sign; an address and "WSIS+20" keep theirs.
        assert_eq!(clean("Attendees: @Ana Lima, +Bo Li (@ICANN), ana@Example.org, WSIS+20").text, "Attendees: Ana Lima, Bo Li (ICANN), ana@Example.org, WSIS+20");
        let at = cleaned.text.find("Compact").unwrap();
        assert_eq!(&text[cleaned.original(at)..cleaned.original(at) + 7], "Compact");
    }

    #[test]
    fn cleaning_drops_markdown_and_maps_offsets_back() {
        let text = "## **Agenda**\nRoadmap for [Digital Cooperation](#) report";
        let cleaned = clean(text);
        assert_eq!(cleaned.text, "Agenda\nRoadmap for Digital Cooperation report");
        let at = cleaned.text.find("Digital").unwrap();
        assert_eq!(&text[cleaned.original(at)..cleaned.original(at) + 7], "Digital");
        let end = cleaned.text.len();
        assert_eq!(cleaned.original(end), text.len());
    }

    #[test]
    fn every_cleaned_character_maps_to_the_same_character() {
        let text = "# Título **bold** and __x__ [link é](http://a) \\ end ü\n* bullet [no close\n";
        let cleaned = clean(text);
        for (i, c) in cleaned.text.char_indices() {
            assert_eq!(text[cleaned.original(i)..].chars().next(), Some(c), "offset {i}");
        }
        assert_eq!(cleaned.original(cleaned.text.len() + 5), text.len());
    }

    #[test]
    fn a_numbered_paragraph_is_titled_by_its_first_sentence_whatever_its_abbreviations() {
        assert_eq!(section_title("AOB. Mei noted the date."), "AOB");
        assert_eq!(section_title("Ms. Okoye noted that the MAG would return to the question on Day 2 of the meeting."), "Ms. Okoye noted that the MAG would return to the question on Day 2 of the meeting");
        let long = format!("Mr. Arnaud Lefevre presented {} and more", "the draft programme ".repeat(8));
        let title = section_title(&long);
        assert!(title.len() <= 120 && long.starts_with(&title) && long[title.len()..].starts_with(' '), "cut inside a word: {title}");
    }

    #[test]
    fn finds_participants_listed_in_prose_and_labels_after_a_sentence() {
        let text = "The session was moderated by Ana Neves (Portugal). Online moderation: Hannah Weber.\n\nParticipants included Bob Roe (ISOC), Carla Diaz, and Dan Wu. The chair thanked them.\n";
        let layout = layout(text);
        let chairs: Vec<_> = layout.chairs.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(chairs, ["Hannah Weber."]);
        let listed: Vec<_> = layout.prose_participants.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(listed, ["Bob Roe (ISOC)", "Carla Diaz", "Dan Wu"]);
        assert!(layout.paragraphs.iter().any(|p| text[p.clone()].starts_with("The session")), "a line with a later label stays prose");
    }

    #[test]
    fn finds_agenda_sections_and_participants() {
        let text = "Working Group X\nOnline Meeting 7\n\nAgenda\n\n1. GDC update\n2. Secretariat update:\n  - a. Leadership Panel\n  - b. EGM\n3. AoB\n\nDiscussion\n\n1. GDC update\n\nAda noted the GDC.\n\n- 1) a sub point\n\n3. AoB\n\nNothing.\n\nList of participants\n\n1. Ada Lovelace, ACME\n\n2. Bob Roe (Gov)\n";
        let layout = layout(text);
        let titles: Vec<_> = layout.agenda.iter().map(|a| (a.number, a.title.as_str())).collect();
        assert_eq!(
            titles,
            [(Some(1), "GDC update"), (Some(2), "Secretariat update: a. Leadership Panel, b. EGM"), (Some(3), "AoB")]
        );
        let sections: Vec<_> = layout.sections.iter().map(|s| (s.number, s.title.as_str())).collect();
        assert_eq!(sections, [(Some(1), "GDC update"), (Some(3), "AoB")]);
        assert!(text[layout.sections[0].span.clone()].contains("a sub point"));
        assert!(!text[layout.sections[1].span.clone()].contains("Ada Lovelace"));
        let people: Vec<_> = layout.participants.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(people, ["Ada Lovelace, ACME", "Bob Roe (Gov)"]);
        assert!(text[layout.intro.clone()].contains("Online Meeting 7"));
        assert!(!text[layout.intro.clone()].contains("GDC"));
    }

    #[test]
    fn inline_participant_lists_are_split_outside_parentheses() {
        let text = "Participants: Ada Lovelace (ACME, Chair), Bob Roe; Cy Doe\n";
        let layout = layout(text);
        let people: Vec<_> = layout.participants.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(people, ["Ada Lovelace (ACME, Chair)", "Bob Roe", "Cy Doe"]);
    }

    #[test]
    fn a_labelled_list_splits_at_and_only_between_entries() {
        let text = "Speakers: Ada Lovelace (ACME), Bob Roe and Mr. Cy Doe from the Ministry of ICT and Innovation.\nApologies: Di Poe and Ed Moe\n";
        let layout = layout(text);
        let people: Vec<_> = layout.participants.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(people, ["Ada Lovelace (ACME)", "Bob Roe", "Mr. Cy Doe from the Ministry of ICT and Innovation."]);
        let absent: Vec<_> = layout.absent.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(absent, ["Di Poe", "Ed Moe"]);
    }

    /// The action items and the section titles of `text`'s layout.
    fn actions_and_sections(text: &str) -> (Vec<&str>, Vec<String>) {
        let layout = layout(text);
        (layout.action_items.iter().map(|s| &text[s.clone()]).collect(), layout.sections.iter().map(|s| s.title.clone()).collect())
    }

    #[test]
    fn numbered_follow_up_items_are_actions_not_agenda_items() {
        let text = "Uganda IGF 2025\n\n1. Opening\n\nAda Lovelace opened.\n\nRecommendations and follow-up\n1. The Secretariat to compile the notes.\n2. Bob Roe to organise a call.\n";
        let (actions, sections) = actions_and_sections(text);
        assert_eq!(actions, ["The Secretariat to compile the notes.", "Bob Roe to organise a call."]);
        assert_eq!(sections, ["Opening"]);
    }

    #[test]
    fn recommendations_are_no_agenda_items_and_those_with_an_owner_to_act_are_actions() {
        let text = "Kenya IGF 2024\n\n1. Opening\n\nAda Lovelace opened.\n\nRecommendations\n1. KICTANet to share the report with the East Africa IGF.\n2. The organising committee to start preparations in May.\n3. Governments should support the NRIs.\n";
        let (actions, sections) = actions_and_sections(text);
        assert_eq!(actions, ["KICTANet to share the report with the East Africa IGF.", "The organising committee to start preparations in May."]);
        assert_eq!(sections, ["Opening"]);
    }

    #[test]
    fn a_blank_line_before_a_lowercase_continuation_keeps_the_paragraph() {
        let text = "Jorge noted the system is efficient enough\n\nto address issues. He agreed.\n\nNew paragraph.";
        let layout = layout(text);
        assert_eq!(layout.paragraphs.len(), 2);
    }

    #[test]
    fn multi_byte_spaces_before_a_dot_do_not_break_sentence_splitting() {
        let text = "He agreed\u{3000}X. Then\u{3000}left.";
        assert_eq!(sentences(text, 0..text.len()).len(), 1, "an initial after a wide space does not end a sentence");
    }

    #[test]
    fn sentences_respect_initials_and_abbreviations() {
        let text = "Ms. Lynn St. Amour and Tracy F. Hackshaw noted it. Jorge agreed. The GDC (e.g. Rev. 4) passed.";
        let spans = sentences(text, 0..text.len());
        let got: Vec<_> = spans.iter().map(|s| &text[s.clone()]).collect();
        assert_eq!(
            got,
            ["Ms. Lynn St. Amour and Tracy F. Hackshaw noted it.", "Jorge agreed.", "The GDC (e.g. Rev. 4) passed."]
        );
    }
}
