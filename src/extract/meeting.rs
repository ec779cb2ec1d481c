//! The meeting a document reports: body, number, date, UTC start time, moderator, next call.
//!
//! Header facts are read from the intro (title lines and the "The 83rd meeting of … was held
//! on …" paragraph) only, so that "the Second meeting of the WSIS+20 Forum" in an agenda title
//! cannot become this meeting's number. Where the header and the body disagree, the header wins.

use regex::Regex;
use std::sync::LazyLock;

use super::dates::{self, find_dates, find_times, DateTime};
use super::lines::{ascii_bounded, LineRegex};
use super::people::is_honorific;
use super::{MeetingFacts, Mention, Target};
use crate::lexicon::EntityKind;
use crate::segment::{self, Layout, Span};

static NUMBER_AFTER: LazyLock<Regex> =
    LazyLock::new(|| ascii_bounded(r"(?i)\b(?:meeting|call|webinar)\s+(?:no\.?\s*|number\s+|#\s*)?(\d{1,4})\b"));
static NUMBER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_bounded(r"(?i)\b(\d{1,4})(?:st|nd|rd|th)?\s+(?:[a-z-]+\s+){0,2}(?:meeting|call|webinar)\b")
});
static ORDINAL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    ascii_bounded(r"(?i)\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\s+(?:[a-z-]+\s+){0,2}(?:meeting|call|session|webinar)\b")
});
static MEETING_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:meeting|call|session|minutes|summary report|outcome report|chair['’]?s['’]? summary|webinar|consultation|open forum|workshop|roundtable|town hall|was held|took place|taken place|convened)\b").unwrap()
});
static MEETING_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:meeting|call|session) of (?:the )?").unwrap());
static NEXT_MEETING: LazyLock<LineRegex> = LazyLock::new(|| {
    LineRegex::with_words_ignoring_case(
        r"(?i)\bnext (?:\w+ ){0,3}?(?:call|meeting|webinar)\b|\b(?:will|would) (?:next )?(?:meet|reconvene)\b|\b(?:meeting|call) will (?:be held|take place)\b",
        &["next", "will meet", "would meet", "will reconvene", "would reconvene", "will be held", "will take place"],
    )
});
static MODERATED_BY: LazyLock<Regex> = LazyLock::new(|| {
    // "chaired by Ms. X"; "opened by the MAG Chair, Ms. X": opening as the Chair is chairing.
    Regex::new(r"(?i)\b(?:(?:moderated|chaired|co-chaired|facilitated)\s+(?:by|by the)\s+|(?:moderated|chaired|co-chaired|facilitated|opened)\s+(?:[^.]{0,40}?\s)?by\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,3}(?:chair|co-chair|chairperson|moderator)(?:\s+of\s+(?:the\s+)?[\w-]+){0,2},\s+)(?:(?:Mr|Ms|Mrs|Dr|Prof|H\.E)\.?\s+|Ambassador\s+)?$").unwrap()
});

/// The meeting facts, or `None` when the document reports no meeting (a mailing-list post).
pub fn facts(text: &str, layout: &Layout, mentions: &[Mention]) -> Option<MeetingFacts> {
    let mut intro = intro_span(text, layout);
    let mut dated = find_dates(text, &intro);
    if dated.is_empty() {
        intro.end = title_block_end(text, intro.end);
        dated = find_dates(text, &intro);
    }
    let intro_text = &text[intro.clone()];
    let mut facts = MeetingFacts { number: number(intro_text), ..MeetingFacts::default() };
    // "Next call: 19 March 2025, 15:00 UTC" dates the next meeting, not this one.
    let next_lines: Vec<Span> = NEXT_MEETING
        .find_iter(intro_text)
        .map(|cue| intro.start + cue.start()..intro.start + intro_text[cue.end()..].find('\n').map_or(intro_text.len(), |p| cue.end() + p))
        .collect();
    let about_next = |at: usize| next_lines.iter().any(|l| l.start <= at && at < l.end);
    let mut found = dated;
    // "Date: Thu, 13 Mar 2025 08:47:10 +0000" (a message inside a digest) is when a post was
    // sent, not when the meeting met.
    static SENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^(?:date|sent):.*\d:\d\d:\d\d(?:\s*[+-]\d{4})?").unwrap());
    let sent_at = |at: usize| {
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |p| at + p);
        let line = &text[line_start..line_end];
        line.get(..5).is_some_and(|head| head.eq_ignore_ascii_case("date:") || head.eq_ignore_ascii_case("sent:")) && SENT.is_match(line)
    };
    found.retain(|d| !about_next(d.span.0) && !sent_at(d.span.0));
    // Minutes sent by e-mail may date the meeting only in their subject ("Minutes - NRIs call,
    // 10 March 2025") or as "today's call", the day the post was sent.
    if found.is_empty() {
        static TODAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\btoday(?:['’]s)?\b").unwrap());
        found = subject_line(text).map(|s| find_dates(text, &s)).unwrap_or_default();
        if found.is_empty() && TODAY.is_match(intro_text) {
            found = date_line(text).map(|s| find_dates(text, &s)).unwrap_or_default();
        }
    }
    let full = found.iter().find(|d| d.year.is_some());
    let year_hint = full.and_then(|d| d.year).or_else(|| standalone_year(intro_text));
    let first = found.first();
    let date = match (full, first) {
        (Some(f), _) => f.complete(None, false),
        (None, Some(p)) => year_hint.and_then(|y| dates::valid(y, p.month, p.day)),
        _ => None,
    };
    facts.date = date;
    let mut times = find_times(text, &intro);
    times.retain(|t| !about_next(t.span.0));
    // A time written in UTC beats one converted from another zone ("10:00 CET (09:00 UTC)").
    if let Some(time) = times.iter().find(|t| t.stated_utc).or(times.first()) {
        facts.time_utc = Some((time.hour, time.minute));
        if let Some(d) = facts.date {
            facts.date = Some(dates::shift(d, time.day_shift));
        }
        facts.evidence.push(time.span.0..time.span.1);
    }
    if facts.number.is_none() && facts.date.is_none() {
        return None;
    }
    if facts.number.is_none() && !MEETING_WORDS.is_match(intro_text) {
        return None;
    }
    // The subject line of minutes sent by e-mail names the body that met as well as a header
    // does ("Subject: Minutes of the NRIs coordination call"), when the text names none.
    facts.body = body(text, &intro, mentions).or_else(|| subject_line(text).and_then(|subject| body(text, &subject, mentions)));
    facts.moderator = moderator(text, layout, mentions);
    facts.next_meeting = next_meeting(text, facts.date);
    Some(facts)
}

/// The header region; a document without structure uses its first 1,500 bytes. The header
/// of an e-mail (From:, Date:, Subject: …) is left out: its date is when the post was sent.
fn intro_span(text: &str, layout: &Layout) -> Span {
    let start = mail_header_end(text);
    if layout.intro.len() >= 20 && layout.intro.end > start + 20 {
        return start..layout.intro.end;
    }
    let mut end = text.len().min(start + 1500);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    start..end
}

/// "MINUTES\nThursday 10 July 2025, 13:00 UTC": the heading that ends the header may carry the
/// meeting's date on the short lines right under it (at most two, up to a blank line).
fn title_block_end(text: &str, intro_end: usize) -> usize {
    let mut lines = text[intro_end..].split_inclusive('\n');
    let Some(heading) = lines.next() else { return intro_end };
    let mut end = intro_end + heading.len();
    // "1. INTRODUCTION" / "The 10th edition … took place on 12 and 13 November 2024": a report's
    // introduction dates the meeting in its first paragraph.
    static OPENING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s*(?:\d+\.?\s*)?(?:introduction|background|overview)\s*:?\s*$").unwrap());
    if OPENING.is_match(heading) {
        let rest = &text[end..];
        let start = rest.len() - rest.trim_start().len();
        return end + rest[start..].find("\n\n").map_or(rest.len(), |p| start + p);
    }
    for line in lines.take(2) {
        if line.trim().is_empty() || line.len() > 100 {
            break;
        }
        end += line.len();
    }
    end
}

static MAIL_HEADER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:from|to|cc|bcc|date|sent|subject|reply-to|message-id)\s*:").unwrap());

/// The end of an e-mail header block at the top of a text (0 when there is none).
pub fn mail_header_end(text: &str) -> usize {
    let mut end = 0;
    let mut headers = 0;
    for line in text.split_inclusive('\n') {
        let l = line.trim();
        if MAIL_HEADER.is_match(l) {
            headers += 1;
            end += line.len();
        } else if l.is_empty() && headers == 0 {
            end += line.len();
        } else {
            break;
        }
    }
    if headers >= 2 { end } else { 0 }
}

/// The "Subject:" line of an e-mail header at the top of the text, without its label.
fn subject_line(text: &str) -> Option<Span> {
    header_line(text, "subject:")
}

/// The "Date:" line of an e-mail header at the top of the text, without its label.
fn date_line(text: &str) -> Option<Span> {
    header_line(text, "date:")
}

/// The header line with `label` (lower case, with its colon), without the label.
fn header_line(text: &str, label: &str) -> Option<Span> {
    let header = &text[..mail_header_end(text)];
    let mut at = 0;
    for line in header.split_inclusive('\n') {
        if line.get(..label.len()).is_some_and(|l| l.eq_ignore_ascii_case(label)) {
            return Some(at + label.len()..at + line.trim_end().len());
        }
        at += line.len();
    }
    None
}

/// "Online Meeting 68", "The 83rd virtual meeting", "The second meeting": the first in the text.
fn number(intro: &str) -> Option<u32> {
    let mut best: Option<(usize, u32)> = None;
    let mut consider = |pos: usize, n: Option<u32>| {
        if let Some(n) = n.filter(|&n| n > 0 && n < 2000)
            && best.is_none_or(|(p, _)| pos < p) {
                best = Some((pos, n));
            }
    };
    for caps in NUMBER_AFTER.captures_iter(intro) {
        let g = caps.get(1).unwrap();
        // "meeting 2024" is a year, and "call 4 August" a date.
        let after = intro[g.end()..].trim_start();
        let is_date = after.split_whitespace().next().is_some_and(|w| dates::find_dates(&format!("1 {w}"), &(0..w.len() + 2)).len() == 1);
        if g.as_str().len() < 4 && !is_date {
            consider(g.start(), g.as_str().parse().ok());
        }
    }
    for caps in NUMBER_BEFORE.captures_iter(intro) {
        let g = caps.get(1).unwrap();
        // "the WSIS+20 High-Level Meeting" names a process, not this meeting's number.
        if g.as_str().len() < 4 && !intro[..g.start()].ends_with('+') {
            consider(g.start(), g.as_str().parse().ok());
        }
    }
    for caps in ORDINAL_WORD.captures_iter(intro) {
        let g = caps.get(1).unwrap();
        consider(g.start(), ordinal(&g.as_str().to_lowercase()));
    }
    best.map(|(_, n)| n)
}

fn ordinal(word: &str) -> Option<u32> {
    const WORDS: [&str; 20] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth",
    ];
    WORDS.iter().position(|w| *w == word).map(|i| i as u32 + 1)
}

fn standalone_year(intro: &str) -> Option<i32> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| ascii_bounded(r"\b((?:19|20)\d{2})\b"));
    YEAR.captures(intro).and_then(|c| c[1].parse().ok())
}

/// The body that met: the organisation in "meeting of (the) X", else the first organisation
/// named in the header.
fn body(text: &str, intro: &Span, mentions: &[Mention]) -> Option<usize> {
    let orgs: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityKind::Organisation && intro.start <= m.span.start && m.span.end <= intro.end)
        .filter(|(_, m)| !matches!(&m.target, Target::Curated { iri } if iri.contains("/government-of-")))
        .map(|(i, _)| i)
        .collect();
    for cue in MEETING_OF.find_iter(&text[intro.clone()]) {
        let at = intro.start + cue.end();
        if let Some(&i) = orgs.iter().find(|&&i| mentions[i].span.start == at) {
            return Some(i);
        }
    }
    // "MAG Meeting", "NRIs Virtual Meeting", "PNMA MWG call": an organisation named right
    // before the word for the meeting.
    static BODY_MEETING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?: [A-Z]{2,6})?(?: (?:[Vv]irtual|[Oo]nline|[Cc]oordination|[Mm]onthly|VIRTUAL|ONLINE))? (?:[Mm]eeting|[Cc]all|MEETING|CALL)\b").unwrap()
    });
    if let Some(&i) = orgs.iter().find(|&&i| BODY_MEETING.is_match(&text[mentions[i].span.end..])) {
        return Some(i);
    }
    // "The MAG Working Group on Workshop Processes met online on 29 January", "The Youth IGF
    // Ghana was opened by …", "Kenya IGF 2024: report": the subject of "met", or a body's edition.
    static BODY_MET: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^ (?:met|convened|reconvened|was (?:held|convened|opened|organi[sz]ed)|(?:19|20)\d\d\b)").unwrap());
    if let Some(&i) = orgs.iter().find(|&&i| BODY_MET.is_match(&text[mentions[i].span.end..])) {
        return Some(i);
    }
    // A title line that names an organisation and little else ("MAG Working Group on …",
    // "Dynamic Coalition on … (DCAD)") names the body that met.
    orgs.into_iter().find(|&i| {
        let m = &mentions[i];
        let line_start = text[..m.span.start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[m.span.end..].find('\n').map_or(text.len(), |p| m.span.end + p);
        let line = &text[line_start..line_end];
        let rest: String = line.replace(&text[m.span.clone()], "");
        let rest_letters = rest.chars().filter(|c| c.is_alphabetic()).count();
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        letters > 0 && rest_letters * 3 <= letters && !rest.contains(" by ")
    })
}

/// "moderated by X", "X moderated the meeting", "chaired by X".
fn moderator(text: &str, layout: &Layout, mentions: &[Mention]) -> Option<usize> {
    for (i, m) in mentions.iter().enumerate() {
        if m.kind != EntityKind::Person {
            continue;
        }
        // "Chair: X", "Chair: Ms. X", ">> CHAIR: My name is X". A line naming two or more
        // ("Facilitators: A and B", "Co-chairs: A, B") does not say which of them moderated.
        let alone_on_its_line = |c: &Span| {
            let on_line = |o: &&Span| !text[o.start.min(c.start)..o.end.max(c.end)].contains('\n');
            layout.chairs.iter().filter(on_line).count() == 1
        };
        let opens_entry = |c: &Span| {
            c.start <= m.span.start && m.span.start < c.end && text[c.start..m.span.start].split_whitespace().all(is_honorific) && alone_on_its_line(c)
        };
        if matches!(m.rule, "self-introduction" | "moderator-tag") || layout.chairs.iter().any(opens_entry) {
            return Some(i);
        }
        // A short window before the name: the cue ends right where the name starts.
        let mut from = m.span.start.saturating_sub(100);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let before = &text[from..m.span.start];
        if let Some(cue) = MODERATED_BY.find(before)
            && !names_a_part(&before[..cue.start()])
        {
            return Some(i);
        }
        let after = text[m.span.end..].trim_start();
        let after = after.strip_prefix('(').and_then(|a| a.find(')').map(|p| a[p + 1..].trim_start())).unwrap_or(after);
        // "The MAG Chair, Ms. X, chaired the day": past the closing comma of an apposition.
        let after = after.strip_prefix(", ").unwrap_or(after);
        if ["moderated the", "chaired the", "moderated this", "chaired this", "opened and chaired", "moderated and", "opened the meeting", "opened the call"].iter().any(|p| after.starts_with(p)) {
            return Some(i);
        }
    }
    None
}

/// True when the words before "was moderated by" name a part of the meeting, whose moderator
/// is not the meeting's: "The opening session", "Session 2", "the closing panel" (but "The
/// session", "This panel": a session report's own session).
fn names_a_part(before_cue: &str) -> bool {
    static PART: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b([\w-]+) (?:session|panel|segment)|\b[Ss]ession \d+|\b[Pp]anel \d+)(?: was| is| will be)?\s*$").unwrap()
    });
    PART.captures(before_cue).is_some_and(|c| c.get(1).is_none_or(|w| !matches!(w.as_str(), "The" | "the" | "This" | "this" | "Our" | "our" | "a" | "A")))
}

/// The announced next call: a day-and-month date in a sentence about the next call or meeting.
fn next_meeting(text: &str, meeting_date: Option<dates::Date>) -> Option<DateTime> {
    for cue in NEXT_MEETING.find_iter(text) {
        let line_start = text[..cue.start()].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[cue.end()..].find('\n').map_or(text.len(), |p| cue.end() + p);
        let sentence = segment::sentences(text, line_start..line_end)
            .into_iter()
            .find(|s| s.start <= cue.start() && cue.end() <= s.end)?;
        // "## Next meeting" as a heading: the date is on the following line.
        let heading_only = text[line_start..line_end].trim().trim_end_matches(':').len() <= cue.end() - line_start + 2;
        let tail_end = if heading_only { text[line_end..].trim_start().find('\n').map_or(text.len(), |p| text.len() - text[line_end..].trim_start().len() + p) } else { sentence.end };
        let tail = cue.end()..tail_end.max(sentence.end);
        let Some(date) = find_dates(text, &tail).into_iter().next() else { continue };
        let Some(mut day) = date.complete(meeting_date, true) else { continue };
        let time = find_times(text, &tail).into_iter().next();
        if let Some(t) = time {
            day = dates::shift(day, t.day_shift);
        }
        return Some(DateTime { date: day, time_utc: time.map(|t| (t.hour, t.minute)) });
    }
    None
}

/// This module's line patterns, for the check that each matches as a whole-text search does
/// (`extract::tests`).
#[cfg(test)]
pub(super) fn line_patterns() -> Vec<(&'static str, &'static LineRegex)> {
    vec![("NEXT_MEETING", &*NEXT_MEETING)]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole extraction of `text`, with the embedded data.
    fn extracted(text: &str) -> crate::extract::Extraction {
        let lexicon = crate::lexicon::Lexicon::load(&[]).unwrap();
        crate::extract::document(&crate::ingest::Document::from_text("t.txt", text), &lexicon)
    }

    fn meeting(text: &str) -> Option<MeetingFacts> {
        let layout = crate::segment::layout(text);
        facts(text, &layout, &[])
    }

    #[test]
    fn a_heading_that_opens_the_minutes_may_carry_the_date_under_it() {
        let text = "Dynamic Coalition on Internet Standards, Security and Safety (IS3C)\nWorking Group 3 - Procurement\n\nMINUTES\nThursday 10 July 2025, 13:00-14:00 UTC (online)\n\nKNW welcomed participants. The next meeting is on 14 August 2025.\n";
        let m = meeting(text).expect("a meeting");
        assert_eq!((m.date.map(|d| d.to_string()), m.time_utc, m.number), (Some("2025-07-10".to_owned()), Some((13, 0)), None));
        // A report's introduction dates the meeting in its first paragraph.
        let report = "FORUM DU SÉNÉGAL\nANNUAL REPORT 2024\n\n1. INTRODUCTION\n\nThe 10th edition of the forum has taken place the 12 and 13 November 2024 in Dakar.\n\n2. SESSIONS\nOn 3 March 2025 we met again.\n";
        assert_eq!(meeting(report).and_then(|m| m.date).map(|d| d.to_string()), Some("2024-11-12".to_owned()));
        // Prose under the heading is not the header: its date does not date the meeting.
        assert!(meeting("Dynamic Coalition on Internet Standards, Security and Safety\n\nMINUTES\nKNW welcomed everyone and recalled the call of 12 June 2025 and many other things that were said by the members of the group.\n").is_none());
    }

    #[test]
    fn the_body_that_met_is_the_subject_of_met() {
        let ex = extracted("NEWSLETTER - FEBRUARY 2025\n\nGroup agrees new criteria\n\nThe MAG Working Group on Workshop Processes met online on 29 January 2025, with the Internet Society. The hour-long call started at 16:00 UTC.\n");
        let body = ex.meeting.and_then(|m| m.body).map(|i| ex.mentions[i].surface.clone());
        assert_eq!(body.as_deref(), Some("MAG Working Group on Workshop Processes"));
        // A body's edition in a title ("Kenya IGF 2024"), and "was opened".
        for text in ["Kenya IGF 2024: report\n\nThe forum was held in Nairobi on 12 September 2024.\n", "Summary report, 14 August 2025\n\nThe Youth IGF Ghana was opened by Ms. Abena Mensah.\n"] {
            let ex = extracted(text);
            assert!(ex.meeting.as_ref().and_then(|m| m.body).is_some(), "{text}");
        }
    }

    #[test]
    fn a_session_s_moderator_is_not_the_meeting_s() {
        let moderator = |text: &str| {
            let ex = extracted(text);
            ex.meeting.and_then(|m| m.moderator).map(|i| ex.mentions[i].surface.clone())
        };
        assert_eq!(moderator("Uganda IGF, 9 September 2025\n\nThe opening session was moderated by Ms. Grace Nakato.\n"), None);
        assert_eq!(moderator("Uganda IGF, 9 September 2025\n\nSession 2 was moderated by Ms. Grace Nakato.\n"), None);
        assert_eq!(moderator("IGF 2024 Workshop 5, 9 September 2025\n\nThe session was moderated by Ms. Grace Nakato.\n").as_deref(), Some("Grace Nakato"));
    }

    #[test]
    fn open_consultations_opened_by_the_chair_who_announce_the_next_meeting() {
        let text = "IGF 2026 First Open Consultations and MAG Meeting\nSummary, 3 February 2026\n\nThe Open Consultations were opened at 10:00 CET (09:00 UTC) by the Chair of the MAG, Mr. Diego Castro, who recalled the mandate.\n\nThe Chair announced that the MAG would meet on 4 and 5 February 2026.\n";
        let ex = extracted(text);
        let facts = ex.meeting.unwrap();
        assert_eq!(facts.moderator.map(|i| ex.mentions[i].surface.as_str()), Some("Diego Castro"));
        assert_eq!(facts.next_meeting.map(|n| (n.date.month, n.date.day)), Some((2, 4)));
    }

    #[test]
    fn e_mailed_minutes_are_dated_by_their_subject_or_as_today_s() {
        let date = |text: &str| {
            let ex = extracted(text);
            ex.meeting.and_then(|m| m.date).map(|d| (d.year, d.month, d.day))
        };
        let header = "From: Anja Weiss <anja at example.org>\nDate: Mon, 10 Mar 2025 16:05:12 +0000\n";
        assert_eq!(date(&format!("{header}Subject: Minutes - NRIs call, 3 March 2025\n\nThe minutes of the NRIs call.\n")), Some((2025, 3, 3)));
        assert_eq!(date(&format!("{header}Subject: Minutes\n\nThe minutes of today's NRIs call (14:00 UTC).\n")), Some((2025, 3, 10)));
        assert_eq!(date(&format!("{header}Subject: Minutes\n\nThe minutes of the NRIs call.\n")), None);
    }

    #[test]
    fn the_chair_who_opened_the_meeting_moderated_it() {
        let text = "MAG Meeting\nSummary of Day 1, 18 February 2025\n\n1. The meeting was opened by the MAG Chair, Ms. Carol Okoye, who welcomed new members.\n2. The session was opened by Minister Ana Lima.\n";
        let ex = extracted(text);
        let moderator = ex.meeting.and_then(|m| m.moderator).map(|i| ex.mentions[i].surface.clone());
        assert_eq!(moderator.as_deref(), Some("Carol Okoye"));
        let text = "MAG Meeting\nSummary of Day 1, 18 February 2025\n\nThe session was opened by Minister Ana Lima, who welcomed everyone.\n";
        let ex = extracted(text);
        assert_eq!(ex.meeting.and_then(|m| m.moderator), None, "opening remarks alone are not chairing");
    }

    #[test]
    fn minutes_sent_by_e_mail_name_their_body_in_the_subject() {
        let text = "Subject: [NRIs] Minutes of the NRIs coordination call\nFrom: Ana Costa <ana at example.org>\n\nDear all,\n\nThe call was held on 12 June 2024 at 15:00 UTC.\n\nKwame suggested a joint session.\n";
        let ex = extracted(text);
        let meeting = ex.meeting.unwrap();
        assert_eq!(meeting.date.map(|d| d.to_string()).as_deref(), Some("2024-06-12"));
        assert_eq!(meeting.body.map(|i| ex.mentions[i].surface.as_str()), Some("NRIs"));
    }

    #[test]
    fn header_facts_in_several_styles() {
        let m = meeting("WG X\nOnline Meeting 68 14 December 2023 at 14:00 UTC\n\nAgenda\n1. Update from Second meeting of Y").unwrap();
        assert_eq!((m.number, m.date.map(|d| d.to_string()), m.time_utc), (Some(68), Some("2023-12-14".into()), Some((14, 0))));
        let m = meeting("WG X\n12 September 2024 at 5 :00 UTC\n\nThe 83rd virtual meeting was held on 12 September 5:00 UTC.").unwrap();
        assert_eq!((m.number, m.date.map(|d| d.to_string()), m.time_utc), (Some(83), Some("2024-09-12".into()), Some((5, 0))));
        let m = meeting("IGF 2020\n\nThe second meeting of the Group was held on July 2nd 2020.\n").unwrap();
        assert_eq!((m.number, m.date.map(|d| d.to_string()), m.time_utc), (Some(2), Some("2020-07-02".into()), None));
        let m = meeting("Online Meeting 33\n3 March 2022 at 1 p.m. UTC\n\nThe meeting was held on 3 March 2022 at 2 p.m. UTC.").unwrap();
        assert_eq!(m.time_utc, Some((13, 0)), "the header wins over the body");
    }

    #[test]
    fn a_line_naming_several_chairs_names_no_moderator() {
        let moderator = |text: &str| {
            let ex = extracted(text);
            ex.meeting.and_then(|m| m.moderator).map(|i| ex.mentions[i].surface.clone())
        };
        assert_eq!(moderator("BPF call, 4 February 2025\n\nChair: Ana Lima (ISOC)\n\nWe met.\n").as_deref(), Some("Ana Lima"));
        assert_eq!(moderator("BPF call, 4 February 2025\n\nFacilitators: Ana Lima (ISOC) and Bo Li (APC)\n\nWe met.\n"), None);
        assert_eq!(moderator("BPF call, 4 February 2025\n\nCo-chairs: Ana Lima, Bo Li\n\nWe met.\n"), None);
    }

    #[test]
    fn the_next_meeting_s_date_and_time_never_date_this_one() {
        let m = meeting("Notes of yesterday's BPF call (5 March, 15:00 UTC).\n\nNext call: 19 March 2025, 16:00 UTC.\n").unwrap();
        assert_eq!(m.date, dates::valid(2025, 3, 5));
        assert_eq!(m.time_utc, Some((15, 0)));
        assert_eq!(m.next_meeting.unwrap().lexical(), "2025-03-19T16:00:00Z");
    }

    #[test]
    fn next_meeting_completes_the_year_forward() {
        let m = meeting("Meeting 9\n14 December 2023 at 14:00 UTC\n\nAgenda\n1. AoB\n\nThe next call will be on 11 January at 13:00 UTC.").unwrap();
        assert_eq!(m.next_meeting.unwrap().lexical(), "2024-01-11T13:00:00Z");
        let m = meeting("Meeting 9\n21 July 2022\n\nAgenda\n1. AoB\n\nNext call will take place in the third week of July.").unwrap();
        assert!(m.next_meeting.is_none());
    }

    #[test]
    fn a_post_without_meeting_words_has_no_meeting() {
        assert!(meeting("Dear all,\nplease find the GDC text attached, dated 12 September 2024.\nBest").is_none());
    }
}
