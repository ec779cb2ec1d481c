//! Extract: one document's text + the lexicon → what it says (an [`Extraction`]).
//!
//! Extraction is pure: no I/O, no Oxigraph types, no knowledge of other documents. Every fact
//! carries the span of text it came from and the rule that found it, so `govgraph extract`
//! can show the evidence and resolution can explain itself. It never fails: odd text yields
//! fewer facts and warnings, not errors.
//!
//! The sub-modules follow the order facts are found in:
//! [`names`] (organisations and processes), [`people`] (participants, speakers, names),
//! [`meeting`] (date, time, number, body, moderator, next call) and [`discourse`] (agenda items,
//! statements, action items).

pub mod dates;
mod discourse;
mod lines;
mod meeting;
mod names;
mod people;

use crate::ingest::Document;
use crate::lexicon::{EntityKind, Lexicon};
use crate::segment::{self, Cleaned, Span};
use std::sync::OnceLock;

pub use dates::{Date, DateTime};

/// What a mention refers to, as far as one document can tell.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Target {
    /// A curated entity (lexicon entry IRI).
    Curated { iri: String },
    /// An organisation or process found by a generic pattern, named as the text names it.
    New { label: String, classification: Option<String> },
    /// A person, by the name as written; resolution decides who it is.
    Person { name: PersonName },
}

/// A person's name as written: the name itself and a nickname given beside it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct PersonName {
    /// "Concettina Cassa", "Jorge", "Chegetai".
    pub name: String,
    /// "Titti" in "Concettina Cassa (Titti)".
    pub nickname: Option<String>,
    /// How sure the text is that this is a person: a bare capitalised word is only a candidate,
    /// kept when it resolves to someone known.
    pub strength: Strength,
}

/// How strongly the text marks a name as a person's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// A capitalised word that may be a name.
    Candidate,
    /// A participant entry, a speaker cue, an honorific, "moderated by …".
    Cued,
    /// A surname alone, in capitals after an honorific ("Mr. MASANGO", "Ms. OLIVEIRA SANTOS"):
    /// a person for certain, named by the last words of their full name.
    Surname,
}

/// One reference to an entity in the text.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    pub kind: EntityKind,
    /// The text as written (markdown removed).
    pub surface: String,
    /// Byte span in the cleaned text.
    pub span: Span,
    pub target: Target,
    /// The rule that found it ("lexicon", "participant-list", "speaker-cue", …).
    #[serde(deserialize_with = "rule_name")]
    pub rule: RuleName,
}

/// A participant entry: who, for which organisations, in which roles.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Participant {
    /// Index into [`Extraction::mentions`].
    pub person: usize,
    pub affiliations: Vec<usize>,
    pub roles: Vec<RoleFact>,
    pub span: Span,
    /// Listed as present (participant list, chair line); an apposition in prose
    /// ("Mr. X of the Government of Y") states an affiliation but not attendance.
    pub listed: bool,
}

/// A role as stated ("Co-Chair of the Working Group"), with the body it names, if any.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct RoleFact {
    pub label: String,
    pub organisation: Option<usize>,
}

/// The meeting a document reports.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct MeetingFacts {
    /// The body that met (mention index).
    pub body: Option<usize>,
    pub number: Option<u32>,
    pub date: Option<Date>,
    /// Start time in UTC, when stated.
    pub time_utc: Option<(u8, u8)>,
    pub moderator: Option<usize>,
    pub next_meeting: Option<DateTime>,
    /// Sentences the fields came from.
    pub evidence: Vec<Span>,
}

/// An agenda item with what was discussed under it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct AgendaFacts {
    /// 1-based, in the agenda's order.
    pub position: u32,
    pub title: String,
    /// Process mentions in the title and the matched discussion section(s).
    pub processes: Vec<usize>,
    /// Person mentions of people who spoke under it.
    pub speakers: Vec<usize>,
    /// The discussion section(s) matched to it.
    pub sections: Vec<Span>,
}

/// One (speaker, process, sentence) fact.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct StatementFacts {
    pub speaker: usize,
    pub process: usize,
    /// The sentence, in the cleaned text.
    pub sentence: Span,
    /// Index into [`Extraction::agenda`].
    pub agenda_item: Option<usize>,
}

/// An action agreed in the meeting.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct ActionFacts {
    pub owner: Option<usize>,
    pub text: String,
    pub span: Span,
    #[serde(deserialize_with = "rule_name")]
    pub rule: RuleName,
}

/// The name of an extraction rule. An alias, so that serde's derive does not treat the field as
/// text borrowed from the input (which would tie deserialising to `'static` input).
pub type RuleName = &'static str;

/// Rule names are `&'static str` (the extractor's own literals); one read back from the build
/// cache is interned, so each distinct name is allocated once per process. A visitor sees the
/// name without allocating it: this runs once per mention, millions of times at 10,000 documents.
fn rule_name<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<&'static str, D::Error> {
    struct Interner;
    impl serde::de::Visitor<'_> for Interner {
        type Value = &'static str;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a rule name")
        }
        fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<&'static str, E> {
            static NAMES: std::sync::RwLock<std::collections::BTreeSet<&'static str>> = std::sync::RwLock::new(std::collections::BTreeSet::new());
            if let Some(known) = NAMES.read().unwrap_or_else(std::sync::PoisonError::into_inner).get(name) {
                return Ok(known);
            }
            let mut names = NAMES.write().unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(known) = names.get(name) {
                return Ok(known);
            }
            let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
            names.insert(leaked);
            Ok(leaked)
        }
    }
    deserializer.deserialize_str(Interner)
}

/// Everything found in one document.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Extraction {
    pub file_name: String,
    pub doc_id: String,
    pub sha256: String,
    pub media_type: String,
    pub title: Option<String>,
    pub meeting: Option<MeetingFacts>,
    pub agenda: Vec<AgendaFacts>,
    pub mentions: Vec<Mention>,
    pub participants: Vec<Participant>,
    /// Person mentions shown as speaking (speaker cues and chat), in text order.
    pub speakers: Vec<usize>,
    pub statements: Vec<StatementFacts>,
    pub actions: Vec<ActionFacts>,
    /// Pairs of process mentions an explicit sentence links ("sees WSIS+20 as closely linked to the GDC").
    pub related: Vec<(usize, usize)>,
    pub warnings: Vec<String>,
    #[serde(skip)]
    pub cleaned: Cleaned,
    /// The sentences of every line of `cleaned`, split once on first use: `sentence_of` is
    /// asked for every mention, and splitting a long line each time cost a tenth of extraction.
    #[serde(skip)]
    pub(crate) sentences: OnceLock<Vec<Span>>,
}

impl Extraction {
    /// The text of a span of the cleaned text.
    pub fn text(&self, span: &Span) -> &str {
        &self.cleaned.text[span.clone()]
    }

    /// Character offsets in the document's normalised text of a cleaned-text span.
    pub fn char_offsets(&self, original_text: &str, span: &Span) -> (usize, usize) {
        let start = self.cleaned.original(span.start);
        let end = self.cleaned.original(span.end);
        let start_chars = original_text[..start].chars().count();
        let end_chars = start_chars + original_text[start..end].chars().count();
        (start_chars, end_chars)
    }

    /// The sentence around a span, for evidence.
    pub fn sentence_of(&self, span: &Span) -> Span {
        let text = &self.cleaned.text;
        let start = text[..span.start].rfind(['\n']).map_or(0, |p| p + 1);
        let end = text[span.end..].find('\n').map_or(text.len(), |p| span.end + p);
        if text[span.clone()].contains('\n') {
            // Rare: a span across lines is split with the lines it covers.
            return segment::sentences(text, start..end)
                .into_iter()
                .find(|s| s.start <= span.start && span.end <= s.end)
                .unwrap_or(start..end);
        }
        let sentences = self.sentences.get_or_init(|| {
            let mut out = Vec::new();
            let mut from = 0;
            for line in text.split_inclusive('\n') {
                let to = from + line.strip_suffix('\n').map_or(line.len(), str::len);
                out.extend(segment::sentences(text, from..to));
                from += line.len();
            }
            out
        });
        // Sentences are disjoint and in order: only the last one starting at or before the span
        // can hold it.
        let i = sentences.partition_point(|s| s.start <= span.start);
        i.checked_sub(1)
            .map(|i| sentences[i].clone())
            .filter(|s| span.end <= s.end)
            .unwrap_or(start..end)
    }
}

/// Extracts everything one document says.
///
/// ```
/// use govgraph::{extract, lexicon::Lexicon, Document};
/// let lexicon = Lexicon::load(&[]).unwrap();
/// let doc = Document::from_text("note.md", "The 5th meeting of the MAG was held on 3 March 2022.\n\nJorge Cancio noted the GDC.");
/// let found = extract::document(&doc, &lexicon);
/// assert_eq!(found.meeting.unwrap().number, Some(5));
/// assert_eq!(found.statements.len(), 1);
/// ```
pub fn document(doc: &Document, lexicon: &Lexicon) -> Extraction {
    let cleaned = segment::clean(&doc.text);
    let layout = segment::layout(&cleaned.text);
    let text = cleaned.text.as_str();
    let mut ex = Extraction {
        file_name: doc.file_name.clone(),
        doc_id: doc.id().to_owned(),
        sha256: doc.sha256.clone(),
        media_type: doc.media_type.to_owned(),
        title: title(text),
        meeting: None,
        agenda: Vec::new(),
        mentions: Vec::new(),
        participants: Vec::new(),
        speakers: Vec::new(),
        statements: Vec::new(),
        actions: Vec::new(),
        related: Vec::new(),
        warnings: doc.warnings.clone(),
        cleaned: cleaned.clone(),
        sentences: OnceLock::new(),
    };
    let mut participants = people::participants(text, &layout, lexicon);
    let name_runs = people::name_runs(text);
    people::appositions(text, &layout, lexicon, &name_runs, &mut participants);
    let (mut mentions, acronyms) = names::find(text, lexicon, &participants.reserved, &participants.acronyms);
    // An acronym a participant entry used before the text defined it ("Wei Jie Tan (AIC)" …
    // "the Asia Internet Coalition (AIC)") refers to the definition.
    for m in &mut participants.mentions {
        if let Target::New { label, .. } = &m.target
            && let Some(target) = acronyms.get(label) {
                m.target = target.clone();
            }
    }
    mentions.extend(participants.mentions);
    let people = people::in_prose(text, &layout, lexicon, &name_runs, &mentions);
    mentions.extend(people.mentions);
    mentions.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    ex.mentions = mentions;
    ex.participants = participants
        .entries
        .into_iter()
        .map(|p| p.resolve_indices(&ex.mentions))
        .collect();
    people::of_appositions(text, &mut ex);
    ex.meeting = meeting::facts(text, &layout, &ex.mentions);
    discourse::analyse(text, &layout, &mut ex);
    if ex.meeting.is_none() && (!ex.agenda.is_empty() || !ex.participants.is_empty()) {
        ex.warnings.push(format!("{}: no meeting date or number found; facts are kept without a meeting", doc.file_name));
    }
    ex
}

/// The first non-empty line, as the document's title.
fn title(text: &str) -> Option<String> {
    text.lines().map(str::trim).find(|l| l.chars().any(char::is_alphanumeric)).map(|l| l.chars().take(200).collect())
}

/// Index of the mention whose span is exactly `span` and whose kind is `kind`.
fn mention_at(mentions: &[Mention], span: &Span, kind: EntityKind) -> Option<usize> {
    mentions.iter().position(|m| m.span == *span && m.kind == kind)
}

/// Indices of the mentions of `kind` inside `span`, in order. `mentions` are sorted by start, as
/// [`document`] leaves them, so only those starting inside `span` are looked at.
fn mentions_in(mentions: &[Mention], span: &Span, kind: EntityKind) -> Vec<usize> {
    debug_assert!(mentions.is_sorted_by_key(|m| m.span.start));
    let first = mentions.partition_point(|m| m.span.start < span.start);
    mentions[first..]
        .iter()
        .take_while(|m| m.span.start <= span.end)
        .enumerate()
        .filter(|(_, m)| m.kind == kind && m.span.end <= span.end)
        .map(|(i, _)| first + i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line for each line pattern, some with non-ASCII characters (which send the regex crate
    /// off its fast DFA) and some with their words in another case.
    const LINES: &str = "Action: Anja to circulate the draft.\n\
        2. AI - the Secretariat – to share notes\n\
        → Zoë Müller: the Pact for the Future is closely linked to the WSIS+20 review.\n\
        Jorge Cancio (Switzerland): the GDC is RELATED TO the IGF.\n\
        The Parliament of Kenya and the Saudi Parliament met; Kenya's government too, and Perú’s Government.\n\
        Ms. Lucía Benítez of the Universidad de Chile and the University of Zürich spoke; the parliament did not.\n\
        The Asia Internet Coalition (AIC) and the Comité Européen (CEU) joined.\n\
        Participants discussed the Digital Cooperation review and the São Paulo process.\n\
        The next call will be on 12 May.\n\
        The group will meet again in June.\n\
        Ça y est: the meeting will take place online.\n\
        NEXT MEETING: 3 June\n";

    /// The corpus, the style fixtures, synthetic summaries and [`LINES`].
    fn texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["data/corpus", "tests/fixtures/styles"] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"))
                .collect();
            paths.sort();
            out.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
        }
        let lexicon = Lexicon::load(&[]).unwrap();
        let options = crate::synth::SynthOptions { docs: 60, seed: 7 };
        out.extend((0..options.docs).map(|i| crate::synth::document(options, i, &lexicon).1));
        out.push(LINES.to_owned());
        out
    }

    /// Every line pattern of extraction, `with_words` ones included, finds what its regex finds
    /// in the whole text: a word list that misses a way the pattern can match fails here.
    #[test]
    fn line_patterns_match_as_a_search_of_the_whole_text_does() {
        let texts = texts();
        let patterns =
            [names::line_patterns(), people::line_patterns(), discourse::line_patterns(), meeting::line_patterns()].concat();
        assert_eq!(patterns.len(), 11);
        for (name, re) in patterns {
            let groups = re.regex().captures_len();
            let mut found = 0;
            for text in &texts {
                let pieced: Vec<Vec<Option<Span>>> =
                    re.captures_iter(text).map(|c| (0..groups).map(|g| c.get(g).map(|m| m.range())).collect()).collect();
                let whole: Vec<Vec<Option<Span>>> =
                    re.regex().captures_iter(text).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect()).collect();
                assert_eq!(pieced, whole, "{name}");
                found += whole.len();
            }
            assert!(found > 0, "{name} matched nothing, so this test says nothing about it");
        }
    }
}
