//! Discourse: agenda items with what was discussed under them, who said what about which
//! process, and the actions agreed.
//!
//! A speaker's turn runs from the sentence that names them to the end of the paragraph (or
//! to the next speaker); a section that opens with a speaker ("3. On behalf of the Secretariat,
//! Anja Gengo shared…") is their turn to its end. Only explicit attribution makes a
//! statement: an unattributed paragraph after someone's turn is nobody's.

use regex::Regex;
use std::collections::BTreeSet;
use std::sync::LazyLock;

use super::people::{is_speaker_rule, is_speech_verb};
use super::lines::LineRegex;
use super::{mentions_in, ActionFacts, AgendaFacts, Extraction, StatementFacts};
use crate::lexicon::EntityKind;
use crate::segment::{self, Layout, Span};

static ACTION_LINE: LazyLock<LineRegex> =
    LazyLock::new(|| LineRegex::with_words(r"(?im)(?:^[ \t]*(?:[-*•][ \t]*)?(?:\d{1,2}[.)][ \t]*)?(?:action(?: item| point)?s?|ap|ai|to[- ]?do|follow[- ]up)[ \t]*[:\-–]|\bas an action:|\baction item:)[ \t]*(\S.*)$", &[":", "-", "–"]));
static PASSIVE_TODO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:[A-Z][^.]*?)\b(?:to be (?:re)?[a-z]+ed)\b").unwrap());
static PLAN_IS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bthe plan is to\b").unwrap());
static WILL_BE_SHARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwill be (?:re)?(?:shared|sent|circulated|distributed|published|uploaded|posted|made available)\b").unwrap()
});
static NEXT_MEETING_WILL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bnext\b.{0,40}?\bmeeting\b.{0,40}?\bwill (?:discuss|review|consider|address|take up|decide)\b").unwrap()
});
static SCHEDULING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:the )?(?:(?:next|following|third|second|fourth|fifth) )(?:\w+ ){0,2}(?:call|meeting)\b").unwrap());
static TIME_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:today|tomorrow|next week|by (?:the )?(?:end|\d)|before (?:the )?\w+)\b").unwrap());
static LINKED: LazyLock<LineRegex> =
    LazyLock::new(|| LineRegex::with_words_ignoring_case(r"(?i)\b(?:closely )?(?:linked|related|connected|tied) (?:to|with)\b", &["linked", "related", "connected", "tied"]));

/// A speaker's turn: who, and the stretch of text their words cover.
struct Turn {
    speaker: usize,
    span: Span,
}

pub fn analyse(text: &str, layout: &Layout, ex: &mut Extraction) {
    let turns = turns(text, layout, ex);
    ex.speakers = {
        let mut s: Vec<usize> = turns.iter().map(|t| t.speaker).collect();
        s.sort_unstable();
        s.dedup();
        s
    };
    ex.agenda = agenda(layout, ex, &turns);
    ex.statements = statements(ex, &turns);
    ex.actions = actions(text, layout, ex);
    ex.related = related(text, ex);
}

/// Sections matched to agenda items by title, then by number; without an agenda list each
/// section is an item of its own.
fn agenda(layout: &Layout, ex: &Extraction, turns: &[Turn]) -> Vec<AgendaFacts> {
    let mut items: Vec<AgendaFacts> = if layout.agenda.is_empty() {
        layout
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| AgendaFacts {
                position: i as u32 + 1,
                title: s.title.clone(),
                processes: Vec::new(),
                speakers: Vec::new(),
                sections: vec![s.span.clone()],
            })
            .collect()
    } else {
        let mut items: Vec<AgendaFacts> = layout
            .agenda
            .iter()
            .enumerate()
            .map(|(i, a)| AgendaFacts {
                position: i as u32 + 1,
                title: a.title.clone(),
                processes: mentions_in(&ex.mentions, &a.span, EntityKind::Process),
                speakers: Vec::new(),
                sections: Vec::new(),
            })
            .collect();
        let titles: Vec<BTreeSet<String>> = layout.agenda.iter().map(|a| content_words(&a.title)).collect();
        let mains: Vec<BTreeSet<String>> = layout.agenda.iter().map(|a| content_words(&a.main_title)).collect();
        for section in &layout.sections {
            let words = content_words(&section.title);
            // A section whose heading holds most words of several items' titles covers them all
            // ("On behalf of the IGF Secretariat … the outputs from the Open Consultation …").
            let covered: Vec<usize> = (0..mains.len()).filter(|&i| containment(&mains[i], &words) >= 0.5).collect();
            let scored: Vec<f64> = titles.iter().map(|t| similarity(&words, t)).collect();
            let best = scored.iter().cloned().enumerate().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let by_number = section.number.and_then(|n| layout.agenda.iter().position(|a| a.number == Some(n)));
            let chosen: Vec<usize> = if !covered.is_empty() {
                covered
            } else {
                match best {
                    Some((i, score)) if score >= 0.34 => vec![i],
                    _ => by_number.into_iter().collect(),
                }
            };
            for i in chosen {
                items[i].sections.push(section.span.clone());
            }
        }
        items
    };
    for item in &mut items {
        for span in item.sections.clone() {
            item.processes.extend(mentions_in(&ex.mentions, &span, EntityKind::Process));
            for turn in turns.iter().filter(|t| span.start <= ex.mentions[t.speaker].span.start && ex.mentions[t.speaker].span.end <= span.end) {
                item.speakers.push(turn.speaker);
            }
        }
        dedup_by_target(&mut item.processes, ex);
        dedup_by_target(&mut item.speakers, ex);
    }
    items
}

fn dedup_by_target(idx: &mut Vec<usize>, ex: &Extraction) {
    let mut seen = BTreeSet::new();
    idx.retain(|&i| seen.insert(ex.mentions[i].target.clone()));
}

fn content_words(title: &str) -> BTreeSet<String> {
    const STOP: &[&str] = &["the", "of", "and", "on", "for", "from", "to", "a", "an", "in", "update", "updates", "with", "by", "w", "etc"];
    title
        .split(|c: char| !c.is_alphanumeric() && c != '+')
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
        .map(|w| if w.len() > 4 { w.trim_end_matches('s').to_owned() } else { w })
        .collect()
}

/// The share of `part`'s words found in `whole`.
fn containment(part: &BTreeSet<String>, whole: &BTreeSet<String>) -> f64 {
    if part.is_empty() {
        return 0.0;
    }
    part.intersection(whole).count() as f64 / part.len() as f64
}

fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f64;
    shared / (a.len().min(b.len()) as f64).max(1.0) * (shared / a.len().max(b.len()) as f64).sqrt()
}

/// Every speaker's turns, in text order.
fn turns(text: &str, layout: &Layout, ex: &Extraction) -> Vec<Turn> {
    let mut cues: Vec<usize> = ex
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == EntityKind::Person && is_speaker_rule(m.rule))
        .map(|(i, _)| i)
        .collect();
    cues.sort_by_key(|&i| ex.mentions[i].span.start);
    let mut out: Vec<Turn> = Vec::new();
    let paragraph_of = |at: usize| layout.paragraphs.iter().find(|p| p.start <= at && at < p.end).cloned();
    for (k, &cue) in cues.iter().enumerate() {
        let at = ex.mentions[cue].span.start;
        // "Dr. X (Org)" over a list: the list is theirs.
        if ex.mentions[cue].rule == "speaker-heading" {
            out.push(Turn { speaker: cue, span: at..list_end(text, ex.mentions[cue].span.end) });
            continue;
        }
        let Some(paragraph) = paragraph_of(at) else { continue };
        let sentence_start = segment::sentences(text, paragraph.clone())
            .into_iter()
            .find(|s| s.start <= at && at < s.end)
            .map_or(paragraph.start, |s| s.start);
        // A section that opens with a speaker is their report, to its end.
        let opening = layout.sections.iter().find(|s| s.heading.start <= at && at < s.heading.end);
        let mut end = match opening {
            Some(section) => section.span.end,
            None => paragraph.end,
        };
        // "X and Y agreed that …": coordinated speakers share the sentence.
        let mut after = k + 1;
        while let Some(&next) = cues.get(after)
            && text.get(ex.mentions[cues[after - 1]].span.end..ex.mentions[next].span.start).is_some_and(coordinated)
        {
            after += 1;
        }
        if let Some(&next) = cues.get(after) {
            let next_at = ex.mentions[next].span.start;
            if next_at < end {
                let next_sentence = segment::sentences(text, paragraph_of(next_at).unwrap_or(next_at..next_at + 1))
                    .into_iter()
                    .find(|s| s.start <= next_at && next_at < s.end)
                    .map_or(next_at, |s| s.start);
                end = next_sentence.max(sentence_start + 1).min(end);
                if next_sentence <= sentence_start {
                    end = ex.mentions[next].span.start;
                }
            }
        }
        out.push(Turn { speaker: cue, span: sentence_start..end });
    }
    out.extend(handed_turns(text, ex, &cues));
    // "He noted …" / "On the track, she shared …" in a paragraph nobody is named in continues
    // the previous speaker's turn, from that sentence on.
    let mut extra: Vec<Turn> = Vec::new();
    for paragraph in &layout.paragraphs {
        if out.iter().any(|t| paragraph.start <= t.span.start && t.span.start < paragraph.end) {
            continue;
        }
        for sentence in segment::sentences(text, paragraph.clone()) {
            if !pronoun_speaks(&text[sentence.clone()]) {
                continue;
            }
            let previous = out.iter().chain(extra.iter()).filter(|t| t.span.end <= sentence.start).max_by_key(|t| t.span.end);
            if let Some(prev) = previous {
                let speaker = prev.speaker;
                extra.push(Turn { speaker, span: sentence.start..paragraph.end });
            }
            break;
        }
    }
    out.extend(extra);
    out.sort_by_key(|t| t.span.start);
    out
}

/// ">> MODERATOR: … Over to you, Ambassador Rafael Montero Aguirre.\n\n>> SPEAKER: …": a
/// transcript turn under a tag that names nobody, whose speaker does not introduce themself,
/// is the person the turn before handed the floor to: the last one it names (or, when it names
/// nobody, "Ambassador, briefly, please", the one the turn before that names last).
fn handed_turns(text: &str, ex: &Extraction, cues: &[usize]) -> Vec<Turn> {
    static GENERIC_TURN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^>>[ \t]*(SPEAKER|PANELIST|PANELLIST|Speaker|Panelist|Panellist)[ \t]*:").unwrap());
    if memchr::memmem::find(text.as_bytes(), b">>").is_none() {
        return Vec::new();
    }
    let turn_starts: Vec<usize> = text.match_indices(">>").map(|(at, _)| at).filter(|&at| at == 0 || text.as_bytes()[at - 1] == b'\n').collect();
    let mut out = Vec::new();
    for tag in GENERIC_TURN.find_iter(text) {
        let k = turn_starts.partition_point(|&s| s < tag.start());
        let end = turn_starts.get(k + 1).copied().unwrap_or(text.len());
        // Someone who names themself in the turn is its speaker already.
        if cues.iter().any(|&c| (tag.start()..end).contains(&ex.mentions[c].span.start)) {
            continue;
        }
        let named_in = |span: std::ops::Range<usize>| {
            ex.mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.kind == EntityKind::Person && span.contains(&m.span.start) && !is_speaker_rule(m.rule))
                .map(|(i, _)| i)
                .next_back()
        };
        let handed = (1..=2).filter_map(|back| k.checked_sub(back)).find_map(|j| named_in(turn_starts[j]..turn_starts[j + 1]));
        if let Some(speaker) = handed {
            out.push(Turn { speaker, span: tag.end()..end });
        }
    }
    out
}

/// The end of the list that starts on the line after `at`: its items, and the lines that
/// continue them (indented), up to the first line of anything else.
fn list_end(text: &str, at: usize) -> usize {
    let mut end = text[at..].find('\n').map_or(text.len(), |p| at + p + 1);
    for line in text[end..].split_inclusive('\n') {
        let is_item = line.trim_start().starts_with(['-', '•', '*', '–']) || line.starts_with([' ', '\t']) && !line.trim().is_empty();
        if !is_item && !line.trim().is_empty() {
            break;
        }
        end += line.len();
    }
    end
}

/// What stands between two coordinated speakers: "and", a comma, either with the second
/// one's honorific ("Ms. A, Mr. B", "Ms. A and Mr. van B").
fn coordinated(between: &str) -> bool {
    if between.len() > 40 {
        return false;
    }
    let mut words: Vec<&str> = between.split_whitespace().collect();
    while words.last().is_some_and(|w| super::people::is_honorific(w) || super::people::PARTICLES.contains(w)) {
        words.pop();
    }
    matches!(words.join(" ").as_str(), "and" | "," | ", and")
}

/// "He cautioned …", "…, she shared that …": a pronoun as the subject of a speech verb.
fn pronoun_speaks(sentence: &str) -> bool {
    static PRONOUN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|, )(?:[Hh]e|[Ss]he)\s+(?:(?:also|further|then|has|had)\s+)*([a-z]+)").unwrap());
    PRONOUN.captures_iter(sentence).any(|c| is_speech_verb(&c[1]))
}

fn statements(ex: &Extraction, turns: &[Turn]) -> Vec<StatementFacts> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for turn in turns {
        for p in mentions_in(&ex.mentions, &turn.span, EntityKind::Process) {
            let sentence = ex.sentence_of(&ex.mentions[p].span);
            let speaker_key = ex.mentions[turn.speaker].target.clone();
            if !seen.insert((speaker_key, ex.mentions[p].target.clone(), sentence.start)) {
                continue;
            }
            let agenda_item = ex.agenda.iter().position(|a| a.sections.iter().any(|s| s.start <= sentence.start && sentence.start < s.end));
            out.push(StatementFacts { speaker: turn.speaker, process: p, sentence, agenda_item });
        }
    }
    out
}

/// Actions: explicit "Action:" lines and action sections when the document has them,
/// otherwise sentences that assign or schedule work.
fn actions(text: &str, layout: &Layout, ex: &Extraction) -> Vec<ActionFacts> {
    let mut out = Vec::new();
    for caps in ACTION_LINE.captures_iter(text) {
        let body = caps.get(1).unwrap();
        let span = body.range();
        let owners = owners_in(text, ex, &span);
        match owners.first() {
            Some(_) => {
                for owner in owners {
                    out.push(ActionFacts { owner: Some(owner), text: body.as_str().trim().to_owned(), span: span.clone(), rule: "action-line" });
                }
            }
            None => out.push(ActionFacts { owner: owner_at_start(text, ex, &span), text: body.as_str().trim().to_owned(), span, rule: "action-line" }),
        }
    }
    for span in &layout.action_items {
        // A shared document's checkbox is no part of the action ("[ ] Tarek - redraft …").
        let item = text[span.clone()].trim();
        let item = ["[ ]", "[x]", "[X]", "☐", "☑"].iter().find_map(|b| item.strip_prefix(b)).map_or(item, str::trim_start);
        if SCHEDULING.is_match(item) || ACTION_LINE.regex().is_match(item) {
            continue;
        }
        let owners = owners_in(text, ex, span);
        if owners.is_empty() {
            out.push(ActionFacts { owner: None, text: item.to_owned(), span: span.clone(), rule: "action-section" });
        }
        for owner in owners {
            out.push(ActionFacts { owner: Some(owner), text: item.to_owned(), span: span.clone(), rule: "action-section" });
        }
    }
    if !out.is_empty() {
        return out;
    }
    let participant_spans = &layout.participants;
    for paragraph in &layout.paragraphs {
        if participant_spans.iter().any(|p| p.start <= paragraph.start && paragraph.start < p.end) {
            continue;
        }
        for sentence in segment::sentences(text, paragraph.clone()) {
            let s = &text[sentence.clone()];
            let rule = if PLAN_IS.is_match(s) {
                Some("plan")
            } else if WILL_BE_SHARED.is_match(s) && TIME_WORD.is_match(s) || WILL_BE_SHARED.is_match(s) && super::dates::find_dates(text, &sentence).len() == 1 {
                Some("will-be-shared")
            } else if NEXT_MEETING_WILL.is_match(s) {
                Some("next-meeting-will")
            } else if PASSIVE_TODO.is_match(s) && !state_of_being_before_to_be(s) {
                Some("to-be-done")
            } else {
                None
            };
            if let Some(rule) = rule {
                out.push(ActionFacts { owner: None, text: s.to_owned(), span: sentence.clone(), rule });
                continue;
            }
            // "so Bruna and Chris can present it tomorrow": one action per named owner.
            if TIME_WORD.is_match(s) {
                for p in mentions_in(&ex.mentions, &sentence, EntityKind::Person) {
                    let after = &text[ex.mentions[p].span.end..sentence.end];
                    let mut next = after.split_whitespace();
                    let w1 = next.next().unwrap_or("");
                    let w2 = next.next().unwrap_or("");
                    let modal = |w: &str| matches!(w, "will" | "can" | "to" | "shall" | "should");
                    let and_then_modal = w1 == "and" && {
                        let rest: Vec<&str> = after.split_whitespace().collect();
                        rest.iter().skip(2).take(2).any(|w| modal(w))
                    };
                    if modal(w1) || and_then_modal || (w1 == "and" && modal(w2)) {
                        out.push(ActionFacts { owner: Some(p), text: s.to_owned(), span: sentence.clone(), rule: "owner-will" });
                    }
                }
            }
        }
    }
    out
}

/// "it is still to be defined" reports a state; "The document to be reshared" assigns work.
fn state_of_being_before_to_be(sentence: &str) -> bool {
    let Some(pos) = sentence.find(" to be ") else { return false };
    let before: Vec<&str> = sentence[..pos].split_whitespace().rev().take(3).collect();
    before.iter().any(|w| matches!(w.to_lowercase().as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "remains" | "remain" | "seems" | "appears" | "has" | "have"))
}

/// The person an action line opens with ("Chris will clean up …").
fn owner_at_start(text: &str, ex: &Extraction, span: &Span) -> Option<usize> {
    let persons = mentions_in(&ex.mentions, span, EntityKind::Person);
    persons.into_iter().find(|&p| text[span.start..ex.mentions[p].span.start].trim().is_empty())
}

/// The people an action item names as doers: "Anriette will send …", "Ms. Lopez and
/// Mr. Asante will lead …", "Fatou Diop to circulate …".
fn owners_in(text: &str, ex: &Extraction, span: &Span) -> Vec<usize> {
    let persons = mentions_in(&ex.mentions, span, EntityKind::Person);
    let labelled = labelled_owners(text, ex, &persons, span);
    if !labelled.is_empty() {
        return labelled;
    }
    for (k, &p) in persons.iter().enumerate() {
        let after_raw = &text[ex.mentions[p].span.end..span.end];
        let after = after_raw.trim_start();
        // "[ ] Camille Rousseau-Diop - circulate v3 (due 12 June)": a name opening the item, then
        // a dash or colon, is its owner.
        let opens_item = matches!(text[span.start..ex.mentions[persons[0]].span.start].trim(), "" | "[ ]" | "[x]" | "[X]" | "☐" | "☑" | "✓");
        let dash_owner = opens_item && [" - ", " – ", ": "].iter().any(|sep| after_raw.starts_with(sep));
        if after.starts_with("will ") || after.starts_with("to ") || after.starts_with("shall ") || after.starts_with("would ") || dash_owner {
            // Walk back over "X and Y" / "X, Y and" to collect every named doer.
            let mut owners = vec![p];
            let mut j = k;
            while j > 0 {
                let between = text[ex.mentions[persons[j - 1]].span.end..ex.mentions[persons[j]].span.start].trim();
                let joined = between.trim_end_matches(|c: char| c.is_alphabetic() || c == '.').trim();
                if matches!(between, "and" | "," | "&" | "+") || between.ends_with(" and Mr.") || between.ends_with(" and Ms.") || joined == "and" || joined == "," {
                    owners.insert(0, persons[j - 1]);
                    j -= 1;
                } else {
                    break;
                }
            }
            return owners;
        }
    }
    Vec::new()
}

/// Owners an item names by a label or a tag: "… Owner: Ms. X.", "Owners: A and B.", "… [Bilal]",
/// "… [de la Fuente] [Hoang]". Only the names right after the label, joined by "and" or
/// commas (honorifics between them), are owners.
fn labelled_owners(text: &str, ex: &Extraction, persons: &[usize], span: &Span) -> Vec<usize> {
    let tagged: Vec<usize> = persons
        .iter()
        .copied()
        .filter(|&p| text[..ex.mentions[p].span.start].ends_with('[') && text[ex.mentions[p].span.end..].starts_with(']'))
        .collect();
    if !tagged.is_empty() {
        return tagged;
    }
    static OWNER_LABEL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"\b{}\s*", super::people::OWNER_LABEL)).unwrap());
    let Some(label) = OWNER_LABEL.find(&text[span.clone()]) else { return Vec::new() };
    let mut from = span.start + label.end();
    let mut owners = Vec::new();
    for &p in persons {
        let m = &ex.mentions[p];
        if m.span.start < from {
            continue;
        }
        let joined = text[from..m.span.start]
            .split_whitespace()
            .all(|w| matches!(w, "and" | "," | "&" | "the") || super::people::PARTICLES.contains(&w) || super::people::is_honorific(w.trim_start_matches(',')));
        if !joined {
            break;
        }
        owners.push(p);
        from = m.span.end;
        let rest = &text[from..span.end];
        let next = rest.trim_start_matches([' ', ',']);
        if !(next.starts_with("and ") || next.starts_with("& ") || rest.starts_with(',')) {
            break;
        }
    }
    owners
}

/// "sees WSIS+20 as closely linked to the GDC": processes an explicit sentence links.
fn related(text: &str, ex: &Extraction) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for cue in LINKED.find_iter(text) {
        let sentence = ex.sentence_of(&(cue.start()..cue.end()));
        let procs = mentions_in(&ex.mentions, &sentence, EntityKind::Process);
        let before: Vec<usize> = procs.iter().copied().filter(|&p| ex.mentions[p].span.end <= cue.start()).collect();
        let after: Vec<usize> = procs.iter().copied().filter(|&p| ex.mentions[p].span.start >= cue.end()).collect();
        if let Some(&a) = before.last() {
            for &b in &after {
                if ex.mentions[a].target != ex.mentions[b].target && seen.insert((ex.mentions[a].target.clone(), ex.mentions[b].target.clone())) {
                    out.push((a, b));
                }
            }
        }
    }
    out
}

/// This module's line patterns, for the check that each matches as a whole-text search does
/// (`extract::tests`).
#[cfg(test)]
pub(super) fn line_patterns() -> Vec<(&'static str, &'static LineRegex)> {
    vec![("ACTION_LINE", &*ACTION_LINE), ("LINKED", &*LINKED)]
}
