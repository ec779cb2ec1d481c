//! People: participant entries ("Amrita Choudhury, Group's Co-Chair, CCAOI"), speakers in the
//! discussion ("Jorge noted", "→ Anriette: …", ">> CHENGETAI MASANGO:"), and names marked by
//! other cues ("moderated by X", "Ms. X", "MAG Chair X", "the office of X").
//!
//! No name is known in advance: a person is whoever the text's own cues say is one. A bare
//! capitalised word is kept only as a candidate, for resolution to accept when it names
//! someone known from a stronger cue.

use regex::Regex;
use rustc_hash::FxHashSet as HashSet;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::lines::LineRegex;
use super::{Mention, PersonName, RoleFact, Strength, Target};
use crate::lexicon::{self, EntityKind, Lexicon};
use crate::segment::{Layout, Span};
use crate::vocab;

/// Verbs that report speech: "X noted", "X has underlined", "X walked through".
const SPEECH_VERBS: &[&str] = &[
    "noted", "notes", "shared", "shares", "highlighted", "highlights", "suggested", "suggests", "asked", "asks",
    "said", "says", "raised", "raises", "explained", "explains", "reported", "reports", "mentioned", "mentions",
    "agreed", "agrees", "supported", "supports", "stressed", "stresses", "underlined", "underlines", "underscored",
    "reinforced", "reinforces", "proposed", "proposes", "presented", "presents", "provided", "provides", "walked",
    "answered", "answers", "confirmed", "confirms", "cleared", "touched", "pointed", "made", "believes", "believed",
    "thinks", "thought", "identified", "cautioned", "updated", "updates", "welcomed", "welcomes", "recalled",
    "emphasized", "emphasised", "emphasizes", "emphasises", "observed", "commented", "comments", "remarked", "added",
    "adds", "informed", "briefed", "introduced", "recommended", "recommends", "requested", "requests", "expressed",
    "expresses", "clarified", "responded", "replied", "argued", "argues", "indicated", "acknowledged", "thanked",
    "invited", "urged", "encouraged", "questioned", "wondered", "summarized", "summarised", "concluded", "echoed",
    "outlined", "described", "reminded", "announced", "called", "queried", "let", "was", "is", "opened", "closed", "spoke",
    "talked", "intervened", "insisted", "warned", "feels", "felt", "considered", "considers", "recognized",
    "recognised", "offered", "volunteered", "reiterated", "seconded", "objected", "disagreed", "wanted", "wants",
    "referred", "referenced", "elaborated", "drew", "flagged", "gave", "led", "moderated", "chaired", "stated",
    "states", "affirmed", "commended", "congratulated", "accepted", "recapped", "recaps", "replied", "urges",
    "observes", "describes", "announces", "argues", "presented", "demonstrated", "showed", "cited", "quoted",
    "told", "tells", "advised", "assured", "cautions", "warns", "predicted",
];

/// Words that may stand between a name and its verb: "X has also underlined".
const AUXILIARIES: &[&str] =
    &["also", "further", "then", "has", "had", "have", "briefly", "again", "strongly", "kindly", "additionally", "later", "finally", "both"];

/// Capitalised words that open sentences or name things, never people.
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "For", "Of", "And", "But", "If", "It", "Its", "This", "That", "There",
    "These", "Those", "We", "He", "She", "They", "I", "You", "Our", "His", "Her", "Their", "As", "With", "By",
    "From", "To", "After", "Before", "During", "Also", "Some", "Several", "Most", "All", "Any", "Each", "One",
    "Two", "Three", "Four", "Five", "First", "Second", "Third", "Next", "Last", "New", "Further", "Following",
    "Meeting", "Agenda", "Update", "Updates", "Discussion", "Action", "Actions", "Chat", "Comments", "List",
    "Participants", "Annex", "Summary", "Report", "Online", "Virtual", "Co", "Chair", "Chairs", "Secretariat",
    "Government", "Ministry", "Office", "Group", "Working", "Members", "Member", "Expert", "Experts",
    "Independent", "Former", "Host", "Country", "Consultation", "Consultations", "Open", "Session", "Main",
    "Plan", "Points", "Priorities", "Introduction", "Charter", "Digital", "Cooperation", "Internet", "Governance",
    "Forum", "Someone", "Everyone", "Nobody", "Link", "Questions", "Question", "Mon", "Tue", "Wed", "Thu", "Fri",
    "Sat", "Sun", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "UTC", "GMT",
    "AoB", "AOB", "Dear", "Regards", "Best", "Thanks", "Thank", "Hello", "Hi", "Subject", "Date", "From", "Sent",
    "Cc", "Re", "Fwd", "Note", "Notes", "Minutes", "Decision", "Decisions", "Agreed", "Item", "Items", "Speakers",
    "Speaker", "Moderator", "Rapporteur", "Ambassador", "Minister", "Secretary", "General", "President",
    "Director", "Envoy", "Tech", "Technology", "Panel", "Leadership", "Board", "Council", "Assembly", "Nations",
    "United", "Review", "Process", "Summit", "Track", "Parliamentary", "Policy", "Network", "Networks", "Best",
    "Practice", "Dynamic", "Coalition", "Coalitions", "Youth", "Regional", "National", "Global", "Compact",
    "Pact", "Future", "Roadmap", "Paper", "Options", "Vision", "Strategic", "Strategy", "Strengthening",
    "Document", "Documents", "Survey", "Draft", "Website", "Program", "Programme", "Phase", "Preparatory",
    "Engagement", "Communication", "Communications", "Outreach", "Issue", "Areas", "Area", "Objectives",
    "Responsibilities", "Timeline", "Environment", "Sustainability", "Informal", "Confusion", "Everything",
    "Initial", "Idea", "Unfortunately", "Wording", "Need", "Reflects", "Believes", "Added", "Reinforced",
    "Suggested", "Wanted", "Approve", "Approval", "Participants", "Urge", "Purpose", "Approach", "Paragraph",
    "Proposed", "Activities", "Research", "Recommendation", "Annual", "Intersessional", "Event", "Events",
    "High", "Level", "Advisory", "Multistakeholder", "Stakeholder", "Stakeholders", "Civil", "Society",
    "Private", "Sector", "Technical", "Community", "Academia", "Mr", "Ms", "Mrs", "Dr", "Prof", "Sir", "Madam", "Hon", "Engr",
    "Please", "Yes", "No", "Okay", "OK", "So", "Well", "Now", "Then", "Here", "Today", "Tomorrow", "Yesterday",
    "Why", "What", "When", "Where", "Who", "How", "Which", "While", "Although", "However", "Moreover",
    "Finally", "Overall", "Other", "Others", "Many", "Much", "More", "Less", "Few", "Both", "Either", "Neither",
    "Not", "Only", "Just", "Even", "Still", "Yet", "Already", "Again", "Very", "Really", "Indeed", "Perhaps",
    "Maybe", "Could", "Would", "Should", "Will", "Shall", "Can", "May", "Might", "Must", "Let", "Let's",
    "North", "South", "East", "West", "Africa", "African", "Asia", "Europe", "European", "America", "Americas",
    "Latin", "Caribbean", "Pacific", "Arab", "New York", "Geneva", "NY", "GVA", "Riyadh", "Kyoto", "Addis",
    "Present", "Apologies", "Regrets", "Absent", "Services", "Format", "Time", "Proceedings", "Venue", "Location",
    "Title", "Outcome", "Outcomes", "Objective", "Key", "Takeaways", "Hybrid", "Opening", "Closing", "Afternoon",
    "Morning", "Evening", "Platform", "Welcome", "Regulatory", "Raw", "Copy", "Day", "Days", "Record", "Call",
    "Calls", "Draft", "Zoom", "Webex", "Teams", "Links", "Background", "Context", "Purpose", "Attendance",
    "Several", "Various", "Thanks", "Noted", "Agreed", "Decided", "Members", "Chat", "Q", "AOB", "Any",
    "Attending", "Follow-up", "Follow", "Next", "Steps", "Owner", "Owners", "Deadline", "Due", "Webinar", "Webinars", "Workshop", "Sr", "Sra", "Srta", "Lic", "Ing", "Dra",
    "Moderación", "Moderadora", "Moderador", "Attendees",
    // E-mail header fields and the first person's contractions.
    "Message", "Message-ID", "Message-Id", "Content-Type", "Content-Transfer-Encoding", "MIME-Version", "In-Reply-To",
    "References", "Reply-To", "X-Mailer", "Industry", "Business", "Government", "Governments", "I", "I've", "I’ve", "I'm", "I’m", "I'll", "I’ll", "I'd", "I’d",
];

/// Honorifics and titles that announce a name: "Ms. Lynn St. Amour", "Ambassador X".
pub(super) const HONORIFICS: &[&str] = &[
    "Mr", "Mr.", "Ms", "Ms.", "Mrs", "Mrs.", "Dr", "Dr.", "Prof", "Prof.", "H.E.", "HE", "Ambassador", "Minister",
    "Senator", "Sir", "Dame", "Hon.", "Hon", "Professor", "Engr.", "Engr", "Eng.", "Amb.", "Rev.",
    // French: Monsieur, Madame, Mademoiselle, Professeur(e).
    "M.", "Mme", "Mme.", "Mlle", "Mlle.", "Pr", "Pr.",
    // Spanish and Portuguese: Señor(a), Señorita, Licenciado/a, Ingeniero/a, Doctora, Don/Doña.
    "Sr.", "Sra.", "Srta.", "Lic.", "Ing.", "Dra.", "Dña.",
];

static HONORIFIC_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| HONORIFICS.iter().copied().collect());
/// A word of [`HONORIFICS`] (one hash lookup: names are checked for them word by word).
pub(super) fn is_honorific(word: &str) -> bool {
    HONORIFIC_SET.contains(word)
}

/// Words of a role in a participant entry ("Group's Co-Chair", "Independent Expert").
const ROLE_WORDS: &[&str] = &[
    "chair", "co-chair", "cochair", "vice-chair", "chairman", "chairwoman", "chairperson", "member", "members",
    "expert", "intern", "researcher", "capacity", "advisor", "adviser", "director", "officer", "manager",
    "consultant", "coordinator", "fellow", "professor", "student", "ambassador", "minister", "secretary", "head",
    "lead", "rapporteur", "moderator", "observer", "representative", "facilitator", "co-facilitator", "president",
    "vice-president", "ceo", "cto", "founder", "co-founder", "chief", "counsellor", "counselor", "delegate",
    "envoy", "analyst", "specialist", "engineer", "lawyer", "journalist", "editor", "staff", "volunteer",
    "individual", "independent", "personal", "speaker", "panelist", "panellist", "organizer", "organiser",
    "assistant", "associate", "partner", "trustee", "governor", "commissioner", "ceo,", "executive", "convenor",
    "convener", "lecturer", "deputy", "dean", "rector",
    // French and Spanish titles in entries written in those languages.
    "président", "présidente", "secrétaire", "trésorier", "trésorière", "chargé", "chargée", "représentant",
    "représentante", "directeur", "directrice", "coordinateur", "coordinatrice", "presidente", "presidenta",
    "secretario", "secretaria", "directora", "coordinador", "coordinadora", "oficial", "gerente", "asesor", "asesora",
    "jefe", "jefa", "investigador", "investigadora", "profesor", "profesora",
];

/// Two to four capitalised words, hyphenated ones too ("Mei-Lin Chou", "Jean-Marc Dubois"): a
/// full name where the text's form says it is one (a self-introduction, an e-mail's sender).
const FULL_NAME: &str = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*(?:[ \t]+\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*){1,3}";
/// [`FULL_NAME`] with particles between its words ("Pedro Henrique de Albuquerque Lins"), for the
/// few searches made on one turn's opening only.
const FULL_NAME_WITH_PARTICLES: &str = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*(?:[ \t]+(?:(?:de|da|do|dos|das|del|van|von|der|den|la|le|bin)[ \t]+){0,2}\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*){1,3}";

/// Lower-case words inside a name: "van der" in "Jean-Pierre van der Berg".
pub(super) const PARTICLES: &[&str] =
    &["de", "da", "del", "dela", "della", "di", "du", "van", "von", "der", "den", "ten", "ter", "la", "le", "los", "las", "bin", "al", "el", "dos", "das"];

/// A run of name words: capitalised words, initials, [`PARTICLES`] ("Wout De Natris",
/// "Dino dell'Accio", "Tracy F. Hackshaw", "Lynn St Amour", "Jean-Pierre van der Berg").
/// A word in capitals continues a run but never opens one, except after an honorific: UN
/// records write surnames so ("Ms. Carol ROACH", "Mr. MASANGO"), and a capitalised word opening
/// a run keeps acronyms ("ICANN", "the MAG") from being read as names.
static NAME_RUN_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let particles = PARTICLES.join("|");
    format!(r"\b(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+\p{{Lu}}[\p{{Lu}}'’-]*\p{{Lu}}|\p{{Lu}}[\p{{Ll}}\p{{Lu}}\x{{300}}-\x{{36F}}'’-]*\p{{Ll}}[\p{{Ll}}\x{{300}}-\x{{36F}}'’-]*|\p{{Lu}}\.)(?:[ \t]+(?:(?:{particles})[ \t]+){{0,2}}(?:(?:St|Jr|Sr)\.|\p{{Lu}}[\p{{Ll}}\p{{Lu}}\x{{300}}-\x{{36F}}'’-]*\p{{Ll}}[\p{{Ll}}\x{{300}}-\x{{36F}}'’-]*|\p{{Lu}}\.|(?:dell|d)['’]\p{{Lu}}\p{{Ll}}+|\p{{Lu}}[\p{{Lu}}'’-]*\p{{Lu}}))*")
});
static NAME_RUN: LazyLock<LineRegex> = LazyLock::new(|| LineRegex::new(&NAME_RUN_PATTERN));
/// [`NAME_RUN`] at the start of a participant entry only.
static NAME_RUN_AT_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!("^(?:{})", *NAME_RUN_PATTERN)).unwrap());

/// Every run of name words in `text`: found once per document for the two passes that read them
/// (each search of the whole text was a twentieth of extraction time).
pub fn name_runs(text: &str) -> Vec<Span> {
    NAME_RUN.find_iter(text).map(|m| m.range()).collect()
}
/// A speaker tag of a transcript or chat: ">> CHENGETAI MASANGO:", "→ Anriette:", "Jorge Cancio:",
/// and a chat export's "00:14:05 From Lars Nilsson to Everyone:" or "[10:05] Lars Nilsson:".
static SPEAKER_TAG: LazyLock<LineRegex> = LazyLock::new(|| {
    LineRegex::with_words(
        &[r"(?m)^[ \t]*(?:>>|→|->|-|\*|\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+(?:From[ \t]+)?)?[ \t]*((?:\p{Lu}[\p{L}'’.-]*)(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|den|dell['’]\p{Lu}\p{L}*)){0,4})[ \t]*(?:\([^)\n]{1,60}\))?", TAG_CLOSE].concat(),
        &[":"],
    )
});
/// The end of a speaker tag, after the name and its parenthesis: a chat's recipient
/// (" to Everyone") and the colon before the words.
const TAG_CLOSE: &str = r"(?:[ \t]+to[ \t]+(?:Everyone|All|Host|[Pp]anell?ists)(?:[ \t]*\([^)\n]{1,30}\))?)?[ \t]*:[ \t]+\S";
/// [`SPEAKER_TAG`] as read on the one line of a name with a parenthesis (`appositions`): a
/// bullet of "•", two parentheses, and a dash before a verb also close it, as in a list of
/// interventions ("• Amina Tchoumba-Ndiaye (Civil Society, African Group) (remote) – welcomed …").
/// Kept apart from the whole-text search, which it would make a sixth slower.
static SPEAKER_TAG_LOOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&[r"^[ \t]*(?:>>|→|->|-|\*|•|\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+(?:From[ \t]+)?)?[ \t]*((?:\p{Lu}[\p{L}'’.-]*)(?:[ \t]+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|der|den|bin|dell['’]\p{Lu}\p{L}*)){0,4})[ \t]*(?:\([^)\n]{1,60}\)[ \t]*){0,2}", TAG_CLOSE_LOOSE].concat()).unwrap()
});
const TAG_CLOSE_LOOSE: &str = r"(?:[ \t]+to[ \t]+(?:Everyone|All|Host|[Pp]anell?ists)(?:[ \t]*\([^)\n]{1,30}\))?)?[ \t]*(?::[ \t]+\S|[–—-][ \t]+\p{Ll}\p{Ll}+(?:ed|s)\b)";
static BY_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:moderated|chaired|co-chaired|hosted|facilitated|led|presented|opened|introduced|convened|prepared|compiled|drafted|written|organi[sz]ed|coordinated) (?:by|by the)|with the help of|thanks to|with (?:the )?support (?:of|from))\s+").unwrap()
});
static OFFICE_OF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b[Oo]ffice of\s+").unwrap());
static ROLE_BEFORE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:Chair|Co-Chair|Vice-Chair|Chairman|Chairperson|Director|Secretary-General|Minister|Ambassador|Envoy|Rapporteur|Moderator|Coordinator|Head)\s+|(?:[Oo]ur|[Tt]he|[Tt]heir|[Hh]er|[Hh]is) (?:rapporteur|moderator|facilitator|note-taker|chair|host|coordinator),\s+)").unwrap()
});

// The word lists are checked for every capitalised word of a document: as sets, each check is
// one hash lookup instead of a scan of hundreds of strings.
static NOT_NAME_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| NOT_NAMES.iter().copied().collect());
static SPEECH_VERB_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| SPEECH_VERBS.iter().copied().collect());
static ROLE_WORD_SET: LazyLock<HashSet<&str>> = LazyLock::new(|| ROLE_WORDS.iter().copied().collect());

/// A word of [`NOT_NAMES`].
fn is_not_name(word: &str) -> bool {
    // "Rapporteur's notes": a possessive of a word that is no name is no name either.
    NOT_NAME_SET.contains(word)
        || word.ends_with('s') && word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).is_some_and(|w| NOT_NAME_SET.contains(w))
}

/// A word of [`SPEECH_VERBS`].
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERB_SET.contains(word)
}

/// The participant list, parsed.
pub struct ParticipantsOut {
    pub entries: Vec<PendingParticipant>,
    pub mentions: Vec<Mention>,
    /// Spans other extractors must not read again (names, affiliations, places).
    pub reserved: Vec<Span>,
    /// Acronyms an entry defines for its affiliation ("X from the Collaboration on … (CIPESA)").
    pub acronyms: BTreeMap<String, Target>,
}

/// A participant entry whose mentions are not yet numbered.
pub struct PendingParticipant {
    person: Span,
    affiliations: Vec<Span>,
    roles: Vec<(String, Option<Span>)>,
    span: Span,
    listed: bool,
}

impl PendingParticipant {
    /// Turns spans into indices of the final, sorted mention list.
    pub fn resolve_indices(self, mentions: &[Mention]) -> super::Participant {
        let find = |span: &Span, kind: EntityKind| super::mention_at(mentions, span, kind);
        super::Participant {
            person: find(&self.person, EntityKind::Person).unwrap_or(usize::MAX),
            affiliations: self.affiliations.iter().filter_map(|s| find(s, EntityKind::Organisation)).collect(),
            roles: self
                .roles
                .into_iter()
                .map(|(label, org)| RoleFact { label, organisation: org.and_then(|s| find(&s, EntityKind::Organisation)) })
                .collect(),
            span: self.span,
            listed: self.listed,
        }
    }
}

/// Parses the participant list.
pub fn participants(text: &str, layout: &Layout, lexicon: &Lexicon) -> ParticipantsOut {
    let mut out = ParticipantsOut { entries: Vec::new(), mentions: Vec::new(), reserved: Vec::new(), acronyms: BTreeMap::new() };
    for span in appositions_joined(text, &layout.participants, lexicon) {
        parse_entry(text, span, lexicon, &mut out, false);
    }
    for span in &layout.prose_participants {
        parse_entry(text, span.clone(), lexicon, &mut out, true);
    }
    org_labelled_lists(text, layout, lexicon, &mut out);
    // "Apologies: X, Y": people named, but not present.
    for span in &layout.absent {
        let entry = text[span.clone()].trim_end_matches(['.', ',', ';']);
        if let Some(len) = name_prefix(entry, lexicon) {
            let name_span = span.start..span.start + len;
            out.reserved.push(name_span.clone());
            let nickname = nickname_of(&text[name_span.clone()], &entry[len..], lexicon);
            out.mentions.push(person(text, name_span.clone(), normalise_name(&text[name_span.clone()]), nickname.as_ref().map(|(n, _)| n.clone()), "absent-list"));
            // Their organisations are still stated ("Pieter de Wit (PdW), Forum Standaardisatie").
            let rest = (name_span.end + nickname.map_or(0, |(_, skip)| skip)).min(span.start + entry.len())..span.start + entry.len();
            if !text[rest.clone()].trim_matches(|c: char| c.is_whitespace() || c.is_ascii_punctuation()).is_empty() {
                add_entry(text, name_span, rest, lexicon, &mut out, false, span.clone());
            }
        }
    }
    out
}

/// "Moderator: Mr. Chengetai Masango, Chief, IGF Secretariat": split at its commas, a line's
/// entry is followed by its role and its organisation. An entry that is only a role or a curated
/// organisation, after a comma, belongs to the entry before it; so does an organisation by its
/// form ("Fourah Bay College", "Mali IGF") after a role ("X, Lecturer, Fourah Bay College").
fn appositions_joined(text: &str, entries: &[Span], lexicon: &Lexicon) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut after_role = false;
    for span in entries {
        let words = text[span.clone()].trim_end_matches(['.', ',', ';', ' ']);
        let curated_org = || lexicon.lookup(words).is_some_and(|i| lexicon.entry(i).kind == EntityKind::Organisation);
        let apposition = || is_role(words) || curated_org() || (after_role && super::names::organisation_by_form(words, lexicon));
        match out.last_mut() {
            Some(prev) if text.get(prev.end..span.start).is_some_and(|between| between.trim() == ",") && apposition() => {
                prev.end = span.end;
                after_role = is_role(words);
            }
            _ => {
                out.push(span.clone());
                after_role = false;
            }
        }
    }
    out
}

/// "IGF Secretariat: Wim Degezelle", "Government of Kenya: A, B and C": people listed under
/// a curated organisation's name are present for it. Entries must open with a plausible name,
/// so that an organisation speaking in a transcript ("IGF Secretariat: We will …") lists no one.
fn org_labelled_lists(text: &str, layout: &Layout, lexicon: &Lexicon, out: &mut ParticipantsOut) {
    let listed = |at: usize| layout.participants.iter().chain(&layout.absent).any(|p| p.start <= at && at < p.end);
    let bytes = text.as_bytes();
    // Read at each colon rather than by a regex: colons are common, labels that name an
    // organisation rare, and a label is a short opening of its line.
    for colon in memchr::memchr_iter(b':', bytes) {
        let line_start = memchr::memrchr(b'\n', &bytes[..colon]).map_or(0, |p| p + 1);
        if colon - line_start > 64 || bytes.get(colon + 1) != Some(&b' ') || memchr::memchr(b':', &bytes[line_start..colon]).is_some() {
            continue;
        }
        let label = crate::segment::trim_span(text, line_start..colon);
        let label_text = &text[label.clone()];
        if !label_text.starts_with(|c: char| c.is_uppercase()) || label_text.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let line_end = memchr::memchr(b'\n', &bytes[colon..]).map_or(text.len(), |p| colon + p);
        let list = crate::segment::trim_span(text, colon + 1..line_end);
        if !text[list.clone()].starts_with(|c: char| c.is_uppercase()) || listed(list.start) {
            continue;
        }
        let Some(idx) = lexicon.lookup(label_text).filter(|&i| lexicon.entry(i).kind == EntityKind::Organisation) else { continue };
        let before = out.entries.len();
        for entry in crate::segment::split_inline_list(text, list) {
            parse_entry(text, entry, lexicon, out, true);
        }
        if out.entries.len() == before {
            continue;
        }
        for entry in &mut out.entries[before..] {
            entry.affiliations.push(label.clone());
        }
        out.reserved.push(label.clone());
        out.mentions.push(Mention {
            kind: EntityKind::Organisation,
            surface: label_text.to_owned(),
            span: label,
            target: Target::Curated { iri: lexicon.entry(idx).iri.clone() },
            rule: "list-label",
        });
    }
}

/// "Ms. Lucía Benítez (Derechos Digitales) urged …", "Kenji Watanabe (Government of Japan)":
/// a name with a parenthesis of organisations or roles in running text states an affiliation
/// (not attendance). A single capitalised word in the parenthesis is a nickname instead.
pub fn appositions(text: &str, layout: &Layout, lexicon: &Lexicon, runs: &[Span], out: &mut ParticipantsOut) {
    let in_list = |at: usize| layout.participants.iter().chain(&layout.absent).any(|p| p.start <= at && at < p.end);
    questions_and_answers(text, lexicon, out);
    for m in runs {
        let after = &text[m.end..];
        let Some(inner) = after.strip_prefix(" (").and_then(|a| a.find(')').map(|c| &a[..c])) else { continue };
        if in_list(m.start) || inner.contains('\n') || nickname_of(&text[m.clone()], after, lexicon).is_some() || out.reserved.iter().any(|r| r.start < m.end && m.start < r.end) {
            continue;
        }
        // Leading words that are not names ("On behalf of …", "Ms.").
        let mut start = m.start;
        for w in text[m.clone()].split(' ') {
            if is_not_name(w.trim_end_matches('.')) || is_honorific(w) {
                start += w.len() + 1;
            } else {
                break;
            }
        }
        if start >= m.end {
            continue;
        }
        let name = &text[start..m.end];
        if name.split_whitespace().count() < 2 || !plausible_name(name, lexicon) || inside_proper_name(text, start) {
            continue;
        }
        let rest = m.end + 2..m.end + 2 + inner.len();
        let has_org_or_role = || {
            split_parts(text, rest.clone()).iter().any(|p| {
                let part = &text[p.clone()];
                is_role(part) || lexicon.lookup(part).is_some() || lexicon.is_stakeholder_group(part) || part.split_whitespace().count() >= 2 || is_acronym_of_another(part, name) || is_mixed_case_acronym(part)
            })
        };
        let after_paren = &text[rest.end + 1..];
        // "Aiko Tanaka (Keio University): …", "From Aiko Tanaka (…) to Everyone: …": the tag of
        // a chat or transcript line, whose parenthesis states the speaker's affiliation (or, in a
        // list of interventions, their group and region: "(Youth, Asia-Pacific)").
        static TAG_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(&[r"^(?:[ \t]*\([^)\n]{1,60}\))?", TAG_CLOSE_LOOSE].concat()).unwrap());
        let line_start = text[..start].rfind('\n').map_or(0, |p| p + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |p| start + p);
        let opens_line = || SPEAKER_TAG_LOOSE.captures(&text[line_start..line_end]).is_some_and(|c| line_start + c.get(1).unwrap().start() == start);
        let tag = TAG_END.is_match(after_paren) && opens_line();
        if !tag && !has_org_or_role() {
            continue;
        }
        let rule = if tag {
            "speaker-tag"
        } else if speech_follows(after_paren) {
            "speaker-cue"
        } else if heads_a_list(text, start, rest.end + 1) {
            "speaker-heading"
        } else {
            "apposition"
        };
        let name_span = start..m.end;
        out.reserved.push(name_span.clone());
        out.mentions.push(person(text, name_span.clone(), normalise_name(name), None, rule));
        add_entry(text, name_span.clone(), rest.clone(), lexicon, out, false, name_span.start..rest.end + 1);
    }
}

/// "Lina Al-Sayed (GSMA)": an acronym in parentheses after a name is an organisation, unless it
/// is made of the name's initials ("Asia Internet Coalition (AIC)" defines an acronym).
fn is_acronym_of_another(part: &str, name: &str) -> bool {
    let acronym = (2..=10).contains(&part.len()) && part.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) && part.starts_with(|c: char| c.is_ascii_uppercase());
    let initials: String = name.split([' ', '-']).filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect();
    acronym && !initials.starts_with(part) && !part.starts_with(initials.as_str())
}

/// "KICTANet", "APrIGF": an acronym with lower-case letters, no nickname (three capitals or more).
fn is_mixed_case_acronym(part: &str) -> bool {
    (3..=12).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric()) && part.chars().filter(char::is_ascii_uppercase).count() >= 3
}

/// True when the words before `start` continue a longer capitalised name ("Office for Digital
/// and Emerging Technologies", "Asia Pacific Network Information Centre").
fn inside_proper_name(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let mut words = before.split_whitespace().rev();
    let w1 = words.next().unwrap_or("");
    let w2 = words.next().unwrap_or("");
    let joined = matches!(w1, "of" | "for" | "and" | "on" | "de" | "&") && w2.chars().next().is_some_and(char::is_uppercase);
    // "From Aiko Tanaka (…) to Everyone:": a capitalised preposition opens the name, it is not
    // part of a longer one.
    let capital_run = w1.chars().next().is_some_and(char::is_uppercase)
        && !w1.ends_with(['.', ',', ':', ';'])
        && !is_honorific(w1)
        && !matches!(w1, "From" | "By" | "With");
    joined || capital_run
}

/// "Mr. Yusuf Al-Harbi of the Government of Saudi Arabia": an organisation right after a
/// name, joined by "of", "from", "with", "representing", "speaking for", a role's "at" or "of"
/// ("…, Senior Lecturer at", "…, Head of the IGF Secretariat,") or a speaker's "…, I work for",
/// states an affiliation.
pub fn of_appositions(text: &str, ex: &mut super::Extraction) {
    static OF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:,? (?:of|from)|,? representing| represented|,? speaking (?:for|on behalf of)|, on behalf of| with|(?:,| and) I (?:work|am working) (?:for|at|with)|, I(?:'m| am) (?:with|from)|, (?:an? )?[A-Z][\w-]*(?: (?:[A-Z][\w-]*|of|for|and|on)){0,4} at|,) (?:the )?").unwrap());
    // "…, Head of the IGF Secretariat,", "…, Cabinet Secretary, Ministry of …": a role's "of"
    // or comma.
    static ROLE_OF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^, (?:[A-Z][\w-]* ){0,2}([A-Z][\w-]*)(?: of|,) (?:the )?").unwrap());
    let mut found = Vec::new();
    for (i, m) in ex.mentions.iter().enumerate() {
        if m.kind != EntityKind::Person || ex.participants.iter().any(|p| p.person == i) {
            continue;
        }
        let after = &text[m.span.end..];
        let role_of = after
            .strip_prefix(", ")
            .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_uppercase()))
            .then(|| ROLE_OF.captures(after))
            .flatten()
            .filter(|c| is_post(&c[1]))
            .map(|c| c.get(0).unwrap());
        // The organisation the cue leads to, if one starts right after it.
        let org_after = |cue: regex::Match| {
            let at = m.span.end + cue.end();
            let org = ex.mentions.iter().position(|o| o.kind == EntityKind::Organisation && o.span.start == at)?;
            // After a bare comma the organisation must close the phrase, its acronym aside:
            // "Kenji Watanabe, Government of Japan, for the record", "Jorge Cancio, Swiss Federal
            // Office of Communications (OFCOM), noted", but not "I am Ingrid Solberg, the MAG Chair".
            let bare_comma = cue.as_str().trim().trim_end_matches("the").trim() == ",";
            let rest = &text[ex.mentions[org].span.end..];
            let rest = rest.strip_prefix(" (").and_then(|a| a.find(')').filter(|&c| c <= 12).map(|c| &a[c + 1..])).unwrap_or(rest);
            (!bare_comma || rest.starts_with([',', '.', ';'])).then_some(org)
        };
        let org = role_of.and_then(org_after).or_else(|| OF.find(after).and_then(org_after)).or_else(|| post_before(text, m.span.start, &ex.mentions));
        if let Some(org) = org {
            found.push(super::Participant { person: i, affiliations: vec![org], roles: Vec::new(), span: m.span.start..ex.mentions[org].span.end, listed: false });
        }
    }
    ex.participants.extend(found);
}

/// A role word for a post held in an organisation ("Head", "Director", "Secretary"), not for
/// chairing or sitting on a body ("Chair", "Member", "Convener"): "Chair of the MAG" is a role
/// in the MAG, not an affiliation with it.
fn is_post(word: &str) -> bool {
    const SEATS: &[&str] = &[
        "chair", "co-chair", "cochair", "vice-chair", "chairman", "chairwoman", "chairperson", "member", "members",
        "convenor", "convener", "facilitator", "co-facilitator", "moderator", "rapporteur", "speaker", "panelist",
        "panellist", "observer", "volunteer", "intern", "individual", "independent", "personal", "capacity", "expert",
        "organizer", "organiser", "fellow", "student", "trustee",
    ];
    let word = word.to_lowercase();
    ROLE_WORD_SET.contains(word.as_str()) && !SEATS.contains(&word.as_str())
}

/// "The Chief of the IGF Secretariat, Mr. Chengetai Masango, …": the organisation of a post
/// named right before the name.
fn post_before(text: &str, name_start: usize, mentions: &[Mention]) -> Option<usize> {
    let mut before = text[..name_start].trim_end();
    while let Some(word) = before.rsplit(char::is_whitespace).next().filter(|w| is_honorific(w)) {
        before = before[..before.len() - word.len()].trim_end();
    }
    let comma = before.strip_suffix(',')?.len();
    let org = mentions.iter().position(|o| o.kind == EntityKind::Organisation && o.span.end == comma)?;
    let lead = text[..mentions[org].span.start].trim_end();
    let lead = lead.strip_suffix("the").map_or(lead, str::trim_end);
    let role = lead.strip_suffix(" of")?.rsplit(char::is_whitespace).next()?;
    is_post(role).then_some(org)
}

/// Reads one participant entry; `in_prose` when it comes from running text, where an entry that
/// does not start with a plausible person's name is an organisation or a crowd, not a person.
fn parse_entry(text: &str, span: Span, lexicon: &Lexicon, out: &mut ParticipantsOut, in_prose: bool) {
    let entry = &text[span.clone()];
    let entry_trimmed = entry.trim_end_matches([',', '.', ';', ' ']);
    let mut offset = 0;
    // Honorifics before the name, one or more ("H.E. Ms. Rania Haddad").
    while let Some(h) = HONORIFICS.iter().find(|h| entry_trimmed[offset..].strip_prefix(**h).is_some_and(|r| r.starts_with(' '))) {
        offset += h.len();
        offset = entry_trimmed.len() - entry_trimmed[offset..].trim_start().len();
    }
    let Some(name_len) = name_prefix(&entry_trimmed[offset..], lexicon) else { return };
    let name_span = span.start + offset..span.start + offset + name_len;
    // In running text "KICTANet", "ICT Action Network" are organisations: a name's words do
    // not open with two capitals.
    let acronym_like = |w: &str| w.chars().take(2).all(char::is_uppercase) && w.chars().count() >= 2;
    if in_prose && (!plausible_name(&text[name_span.clone()], lexicon) || text[name_span.clone()].split_whitespace().any(acronym_like)) {
        return;
    }
    let name = normalise_name(&text[name_span.clone()]);
    out.reserved.push(name_span.clone());
    out.mentions.push(person(text, name_span.clone(), name, None, "participant-list"));
    let mut rest = name_span.end..span.start + entry_trimmed.len();
    // "Mei-Lin Chou (Mei)": a nickname, not an organisation.
    if let Some((nick, skip)) = nickname_of(&text[name_span.clone()], &text[name_span.end..rest.end], lexicon) {
            if let Some(Mention { target: Target::Person { name }, .. }) = out.mentions.last_mut() {
                name.nickname = Some(nick);
            }
            rest.start = (name_span.end + skip).min(rest.end);
        }
    add_entry(text, name_span, rest, lexicon, out, true, span);
}

/// Reads the affiliations, roles and places after a name (separated by commas, dashes,
/// slashes, parentheses) into a participant entry.
fn add_entry(text: &str, name_span: Span, rest: Span, lexicon: &Lexicon, out: &mut ParticipantsOut, listed: bool, span: Span) {
    // "Hon. X, Member of Parliament, Kenya", "Senator X (Philippines)": a legislator's country
    // names the parliament they belong to.
    let legislator = is_legislator(&text[span.start..name_span.start]) || is_legislator(&text[rest.clone()]);
    let mut entry_out = PendingParticipant { person: name_span, affiliations: Vec::new(), roles: Vec::new(), span, listed };
    let mut parts = split_parts(text, rest);
    split_double_roles(text, &mut parts);
    split_joined_orgs(text, &mut parts, lexicon);
    join_listed_subjects(text, &mut parts, lexicon);
    let roles_after: Vec<bool> = (0..parts.len()).map(|k| parts[k + 1..].iter().all(|p| is_role(&text[p.clone()]))).collect();
    let mut seen_org = false;
    for (k, part) in parts.into_iter().enumerate() {
        let words = &text[part.clone()];
        if is_role(words) {
            let mut role_org = lexicon_org_in(text, &part, lexicon);
            let country = role_org.as_ref().and_then(|(_, iri)| lexicon.by_iri(iri)).and_then(|i| lexicon.entry(i).country());
            // "Member of the Chamber of Deputies of Chile": the country's parliament, not its government.
            if let Some(country) = country.filter(|_| is_legislator(words))
                && let Some(label) = super::names::parliament_of(lexicon, country)
                && let Some((org_span, _)) = role_org.take() {
                    entry_out.affiliations.push(org_span.clone());
                    out.mentions.push(Mention {
                        kind: EntityKind::Organisation,
                        surface: text[org_span.clone()].to_owned(),
                        span: org_span,
                        target: Target::New { label, classification: Some(vocab::gg::GOVERNMENT.as_str().to_owned()) },
                        rule: "legislator-country",
                    });
                }
            if let Some((org_span, iri)) = &role_org {
                out.mentions.push(Mention {
                    kind: EntityKind::Organisation,
                    surface: text[org_span.clone()].to_owned(),
                    span: org_span.clone(),
                    target: Target::Curated { iri: iri.clone() },
                    rule: "participant-role",
                });
                // "Minister of Digital Economy … of Jordan", "Head of the IGF Secretariat": a post
                // held in the organisation is an affiliation with it; a seat on it is not, nor
                // an office that is the organisation ("President of the General Assembly").
                if org_span.start > part.start && words.split_whitespace().next().is_some_and(is_post) {
                    entry_out.affiliations.push(org_span.clone());
                }
            }
            out.reserved.push(part.clone());
            // A process named in a role ("IGF 2020 MAG Chair") is still a mention of it.
            for m in lexicon.find_all(words) {
                let e = lexicon.entry(m.entry);
                if e.kind == EntityKind::Process {
                    out.mentions.push(Mention {
                        kind: EntityKind::Process,
                        surface: words[m.start..m.end].to_owned(),
                        span: part.start + m.start..part.start + m.end,
                        target: Target::Curated { iri: e.iri.clone() },
                        rule: "participant-role",
                    });
                }
            }
            entry_out.roles.push((normalise_role(words, lexicon), role_org.map(|(s, _)| s)));
            continue;
        }
        // "(Civil Society, African Group)": a stakeholder group and a region, no organisation;
        // what follows the group is read as what follows an organisation (a place).
        if lexicon.is_stakeholder_group(words) {
            seen_org = true;
            out.reserved.push(part);
            continue;
        }
        if is_place(words, lexicon, seen_org && roles_after[k]) {
            if legislator && let Some(label) = super::names::parliament_of(lexicon, words) {
                entry_out.affiliations.push(part.clone());
                out.mentions.push(Mention {
                    kind: EntityKind::Organisation,
                    surface: words.to_owned(),
                    span: part.clone(),
                    target: Target::New { label, classification: Some(vocab::gg::GOVERNMENT.as_str().to_owned()) },
                    rule: "legislator-country",
                });
            }
            out.reserved.push(part);
            continue;
        }
        // "… for East and Southern Africa (CIPESA)": an acronym of the affiliation before it
        // names the same organisation, here and wherever the text uses it.
        let defined = entry_out.affiliations.last().and_then(|prev| {
            let acronym = words.len() >= 2 && words.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            let m = out.mentions.iter().rev().find(|m| m.span == *prev)?;
            (acronym && super::names::expansion_for(&m.surface, words).is_some_and(|(start, _)| start == 0)).then(|| m.target.clone())
        });
        if let Some(target) = defined {
            out.reserved.push(part.clone());
            out.acronyms.insert(words.to_owned(), target.clone());
            out.mentions.push(Mention { kind: EntityKind::Organisation, surface: words.to_owned(), span: part, target, rule: "participant-acronym" });
            continue;
        }
        if let Some(m) = affiliation(text, part.clone(), lexicon) {
            seen_org = true;
            out.reserved.push(part);
            entry_out.affiliations.push(m.span.clone());
            out.mentions.push(m);
        }
    }
    out.entries.push(entry_out);
}

/// The length of the name at the start of a participant entry.
fn name_prefix(entry: &str, lexicon: &Lexicon) -> Option<usize> {
    let m = NAME_RUN_AT_START.find(entry)?;
    let mut end = m.end();
    // "Nigel Hickson Government of UK": the name stops where an organisation starts.
    let run = &entry[..end];
    let mut cut = end;
    for (pos, _) in run.match_indices(' ') {
        let rest = &entry[pos + 1..];
        let first_word = rest.split_whitespace().next().unwrap_or("");
        let org_starts = lexicon.find_all(rest).first().is_some_and(|m| m.start == 0)
            || ["Government", "Ministry", "University", "Institute", "Office"].contains(&first_word)
            || is_role(first_word);
        if org_starts && pos > 0 {
            cut = pos;
            break;
        }
    }
    end = end.min(cut);
    let name = entry[..end].trim_end_matches(['.', ' ']);
    let words = name.split_whitespace().count();
    if words == 0 || words > 5 || is_not_name(name) || lexicon.lookup(name).is_some() {
        return None;
    }
    Some(name.len())
}

fn split_parts(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let s = &text[span.clone()];
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        let sep = match c {
            ',' | ';' | '(' | ')' | '–' | '—' => true,
            '-' => i > 0 && bytes[i - 1] == b' ' && bytes.get(i + 1) == Some(&b' '),
            '/' => bytes.get(i + 1) == Some(&b' ') || (i > 0 && bytes[i - 1] == b' '),
            '|' => true,
            _ => false,
        };
        if sep {
            push_part(text, span.start + start, span.start + i, &mut out);
            start = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    push_part(text, span.start + start, span.end, &mut out);
    out
}

fn push_part(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

/// "IGF MAG Member Group's Co-Chair" (a missing comma) holds two roles.
fn split_double_roles(text: &str, parts: &mut Vec<Span>) {
    let mut out = Vec::new();
    for part in parts.drain(..) {
        let s = &text[part.clone()];
        let mut cut = None;
        let mut pos = 0;
        let words: Vec<&str> = s.split(' ').collect();
        for (k, w) in words.iter().enumerate() {
            let lw = w.to_lowercase();
            if (lw == "member" || lw == "expert") && k + 1 < words.len() {
                cut = Some(pos + w.len());
                break;
            }
            pos += w.len() + 1;
        }
        match cut {
            Some(c) if is_role(&s[c..]) => {
                out.push(part.start..part.start + c);
                let rest = part.start + c + 1;
                out.push(rest..part.end);
            }
            _ => out.push(part),
        }
    }
    *parts = out;
}

/// "CGI.br and University of …": two organisations joined by "and", when the first is curated
/// and the whole is not a name of its own ("Ministry of Science and Technology" stays whole).
fn split_joined_orgs(text: &str, parts: &mut Vec<Span>, lexicon: &Lexicon) {
    let mut out = Vec::new();
    for part in parts.drain(..) {
        let s = &text[part.clone()];
        match s.find(" and ") {
            Some(pos) if lexicon.lookup(s).is_none() && lexicon.lookup(&s[..pos]).is_some_and(|i| lexicon.entry(i).kind == EntityKind::Organisation) => {
                out.push(part.start..part.start + pos);
                out.push(part.start + pos + 5..part.end);
            }
            _ => out.push(part),
        }
    }
    *parts = out;
}

fn is_role(words: &str) -> bool {
    words
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .any(|w| ROLE_WORD_SET.contains(w.to_lowercase().trim_matches(|c: char| !c.is_alphanumeric() && c != '-')))
}

/// A part naming a place: a country on its own, or a short unknown name closing the entry
/// after an organisation ("CGI.br, Federal University…, Brasil").
/// "Dynamic Coalition on Internet Standards, Security and Safety", "Ministry of ICT, Innovation
/// and Youth Affairs": a name whose subjects run on past a comma is one part, not two. The
/// part after the comma is joined when it is capitalised words with an "and" and no place,
/// and the part before ends in a capitalised subject after "on", "for" or "of".
fn join_listed_subjects(text: &str, parts: &mut Vec<Span>, lexicon: &Lexicon) {
    static SUBJECT_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" (?:on|for|of) (?:the )?\p{Lu}[\w-]*(?: \p{Lu}[\w-]*)*$").unwrap());
    static SUBJECTS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\p{Lu}[\w-]*(?: \p{Lu}[\w-]*)* and (?:the )?\p{Lu}[\w-]*(?: \p{Lu}[\w-]*)*$").unwrap());
    let mut k = 1;
    while k < parts.len() {
        let (a, b) = (&text[parts[k - 1].clone()], &text[parts[k].clone()]);
        let between = &text[parts[k - 1].end..parts[k].start];
        let places = || b.split([' ', '-']).any(|w| lexicon.lookup(w).is_some_and(|i| lexicon.entry(i).country().is_some()));
        // "Ministère de la Communication, des Télécommunications et du Numérique": a part that
        // opens with a French joiner goes on with the name before it.
        let french_tail = ["des ", "du ", "de la ", "de l'", "de l’", "et des ", "et du "].iter().any(|j| b.starts_with(j));
        if between.trim() == "," && (french_tail || b.contains(" and ") && SUBJECTS.is_match(b) && SUBJECT_END.is_match(a) && !places() && lexicon.lookup(b).is_none() && !is_role(b)) {
            parts[k - 1].end = parts[k].end;
            parts.remove(k);
        } else {
            k += 1;
        }
    }
}

fn is_place(words: &str, lexicon: &Lexicon, closing: bool) -> bool {
    if let Some(idx) = lexicon.lookup(words) {
        // A country named on its own ("Brasil", "India") says where, not for whom:
        // governments are written "Government of X" or "X Government".
        let e = lexicon.entry(idx);
        return e.country().is_some() && !words.to_lowercase().contains("government");
    }
    closing && words.split_whitespace().count() <= 2 && !words.chars().any(|c| c.is_ascii_digit())
        && words.chars().filter(|c| c.is_uppercase()).count() <= 2
}

/// A seat in a national legislature: "Member of Parliament", "MP", "Senator", "Member of the
/// National Assembly", "Member of the Storting".
fn is_legislator(words: &str) -> bool {
    static LEGISLATOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:[Mm]ember of (?:the )?(?:Parliament|National Assembly|Senate|House of (?:Representatives|Commons|Lords|Assembly)|Chamber of Deputies|National Congress|Storting|Bundestag|Knesset|Riksdag|Folketing|Sejm|Lok Sabha|Rajya Sabha)|MP|Senator|Parliamentarian)\b").unwrap()
    });
    LEGISLATOR.is_match(words)
}

/// The organisation a participant part names: curated, generic, or new under its own name.
fn affiliation(text: &str, span: Span, lexicon: &Lexicon) -> Option<Mention> {
    let mut words = &text[span.clone()];
    for prefix in ["of the ", "from the ", "at the ", "representing the ", "of ", "from ", "at ", "representing ", "the "] {
        if let Some(rest) = words.strip_prefix(prefix) {
            words = rest;
            break;
        }
    }
    let start = span.end - words.len();
    let span = start..span.end;
    if let Some(idx) = lexicon.lookup(words) {
        let e = lexicon.entry(idx);
        if e.kind == EntityKind::Organisation {
            return Some(Mention {
                kind: EntityKind::Organisation,
                surface: words.to_owned(),
                span,
                target: Target::Curated { iri: e.iri.clone() },
                rule: "participant-affiliation",
            });
        }
    }
    if !words.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    // A government named by its form, a national IGF by its country, else a new organisation
    // under the name written.
    let (label, classification) = if let Some(country) = words.strip_prefix("Government of ") {
        let country = country.trim_start_matches("the ");
        (format!("Government of {country}"), Some(vocab::gg::GOVERNMENT.as_str().to_owned()))
    } else if let Some(label) = super::names::national_igf_label(words, lexicon) {
        (label, None)
    } else {
        (words.to_owned(), None)
    };
    Some(Mention {
        kind: EntityKind::Organisation,
        surface: words.to_owned(),
        span,
        target: Target::New { label, classification },
        rule: "participant-affiliation",
    })
}

/// A curated organisation named inside a role ("MAG" in "Former IGF MAG member").
fn lexicon_org_in(text: &str, span: &Span, lexicon: &Lexicon) -> Option<(Span, String)> {
    let words = &text[span.clone()];
    let mut pos = 0;
    for w in words.split(' ') {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.len() >= 2 && bare.chars().all(char::is_alphabetic) {
            let upper = bare.to_uppercase();
            let hit = lexicon.lookup(bare).or_else(|| if bare.len() <= 4 { lexicon.lookup(&upper) } else { None });
            if let Some(idx) = hit.filter(|&i| lexicon.entry(i).kind == EntityKind::Organisation) {
                let off = pos + w.find(bare).unwrap_or(0);
                let s = span.start + off..span.start + off + bare.len();
                // Prefer the acronym form ("MAG") when the text wrote it in another case.
                return Some((s, lexicon.entry(idx).iri.clone()));
            }
        }
        pos += w.len() + 1;
    }
    for m in lexicon.find_all(words) {
        let e = lexicon.entry(m.entry);
        if e.kind == EntityKind::Organisation {
            return Some((span.start + m.start..span.start + m.end, e.iri.clone()));
        }
    }
    None
}

/// A role as people write it, in one canonical wording:
/// "Group's Co-Chair" / "WG co-chair" → "Co-Chair of the Working Group",
/// "IGF MAG member" → "MAG Member", "past MAG Member" → "Former MAG Member".
pub fn normalise_role(role: &str, lexicon: &Lexicon) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut of_group = false;
    let mut former = false;
    for w in role.split_whitespace() {
        let lw = w.to_lowercase();
        match lw.as_str() {
            "group's" | "group’s" | "wg" | "wg's" => of_group = true,
            "former" | "past" | "ex" | "ex-" => former = true,
            "igf" if role.to_lowercase().contains("mag") => {}
            _ => {
                let known = lexicon.lookup(w).map(|i| lexicon.entry(i).alt_labels.iter().find(|a| a.eq_ignore_ascii_case(w)).cloned().unwrap_or_else(|| w.to_owned()));
                let word = match known {
                    Some(k) if w.len() <= 5 => k,
                    _ if lw == "mag" => "MAG".to_owned(),
                    _ if ["a", "an", "the", "of", "in", "on", "for", "and"].contains(&lw.as_str()) && !words.is_empty() => lw,
                    _ => title_case(w),
                };
                words.push(word);
            }
        }
    }
    let mut label = words.join(" ");
    // "in a personal capacity" is a phrase, not a title: sentence case.
    if role.trim_start().starts_with(|c: char| c.is_lowercase()) && ["in", "as", "on"].contains(&role.split_whitespace().next().unwrap_or("")) {
        let lower = role.trim().to_lowercase();
        let mut cs = lower.chars();
        label = cs.next().map_or_else(String::new, |f| f.to_uppercase().chain(cs).collect());
    }
    if of_group {
        label = format!("{label} of the Working Group");
    }
    if former {
        label = format!("Former {label}");
    }
    label
}

fn title_case(w: &str) -> String {
    if w.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return w.to_owned();
    }
    w.split('-')
        .map(|p| {
            let mut cs = p.chars();
            cs.next().map_or_else(String::new, |f| f.to_uppercase().chain(cs).collect())
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// "CHENGETAI  MASANGO" → "Chengetai Masango", "AL-FARSI" → "Al-Farsi"; stray spaces and
/// trailing dots go.
pub fn normalise_name(raw: &str) -> String {
    let capitalised = |part: &str| {
        let mut cs = part.chars();
        cs.next().map_or_else(String::new, |f| f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect::<String>())
    };
    // "DIAGNE Aïssatou Sow": a family name in capitals written first goes last.
    let raw_words: Vec<&str> = raw.split_whitespace().collect();
    let is_caps = |w: &str| {
        let w = w.trim_end_matches(['.', ',']);
        w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '-' || c == '\'' || c == '’')
    };
    let lead = raw_words.iter().take_while(|w| is_caps(w)).count();
    let reordered: Vec<&str> = if lead > 0 && lead < raw_words.len() && !raw_words[lead..].iter().any(|w| is_caps(w)) {
        raw_words[lead..].iter().chain(&raw_words[..lead]).copied().collect()
    } else {
        raw_words
    };
    let words: Vec<String> = reordered
        .into_iter()
        .enumerate()
        .map(|(k, w)| {
            // "Jan VAN DEN BERG": a particle in capitals inside a name is written in lower case.
            if k > 0 && w.chars().all(|c| c.is_uppercase()) && PARTICLES.contains(&w.to_lowercase().as_str()) {
                w.to_lowercase()
            } else if w.chars().count() > 2 && w.chars().all(|c| !c.is_lowercase()) {
                w.split('-').map(capitalised).collect::<Vec<_>>().join("-")
            } else {
                w.to_owned()
            }
        })
        .collect();
    let joined = words.join(" ");
    let joined = joined.strip_suffix("'s").or_else(|| joined.strip_suffix("’s")).unwrap_or(&joined);
    joined.trim_end_matches(['.', ',']).to_owned()
}

fn person(text: &str, span: Span, name: String, nickname: Option<String>, rule: &'static str) -> Mention {
    let strength = if rule == "capitalised" { Strength::Candidate } else { Strength::Cued };
    Mention {
        kind: EntityKind::Person,
        surface: text[span.clone()].to_owned(),
        span,
        target: Target::Person { name: PersonName { name, nickname, strength } },
        rule,
    }
}

/// People in running text.
pub struct ProseOut {
    pub mentions: Vec<Mention>,
}

/// Finds people in the text outside the participant list: speaker tags, speaker cues, "by X",
/// honorifics, role titles, "office of X", and capitalised candidates.
pub fn in_prose(text: &str, layout: &Layout, lexicon: &Lexicon, runs: &[Span], known: &[Mention]) -> ProseOut {
    let mut out: Vec<Mention> = Vec::new();
    // The name of each speaker tag's speaker, by where the tag ends.
    let mut tagged_names: Vec<(usize, String)> = Vec::new();
    let in_list = |span: &Span| layout.participants.iter().any(|p| p.start <= span.start && span.end <= p.end);
    // A person may be named inside "the office of X" (an organisation named after them).
    let overlaps_known = |span: &Span, out: &[Mention]| {
        known.iter().chain(out.iter()).any(|m| m.rule != "office-of-person" && m.span.start < span.end && span.start < m.span.end)
    };

    // ">> CHAIR: … My name is Fatou Diop and I will chair …": the chair introduces themself
    // once; every CHAIR tag is then that person.
    static SELF_INTRO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"\b(?:[Mm]y name is|I am|I'm|[Tt]his is)\s+({FULL_NAME})")).unwrap()
    });
    let tags: Vec<Span> = SPEAKER_TAG.captures_iter(text).map(|caps| caps.get(1).unwrap().range()).collect();
    let mut chair: Option<String> = None;
    for tag in &tags {
        if !is_chair_tag(&text[tag.clone()]) {
            continue;
        }
        let line_end = text[tag.end..].find('\n').map_or(text.len(), |p| tag.end + p);
        if let Some(intro) = SELF_INTRO.captures(&text[tag.end..line_end]) {
            let g = intro.get(1).unwrap();
            let span = tag.end + g.start()..tag.end + g.end();
            if plausible_name(g.as_str(), lexicon) {
                chair = Some(g.as_str().to_owned());
                out.push(person(text, span, g.as_str().to_owned(), None, "self-introduction"));
                break;
            }
        }
    }
    // ">> Thank you. My name is Kwame Boateng and …": a transcript turn without a tag, whose
    // speaker introduces themself in its first sentences.
    for line_start in std::iter::once(0).chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|p| p + 1)) {
        let Some(turn) = text[line_start..].strip_prefix(">>") else { continue };
        if tags.iter().any(|t| t.start >= line_start && t.start < line_start + 8 && !is_generic_tag(&text[t.clone()])) {
            continue;
        }
        let mut head_end = (line_start + 2 + turn.find('\n').unwrap_or(turn.len()).min(160)).min(text.len());
        while !text.is_char_boundary(head_end) {
            head_end -= 1;
        }
        let head = &text[line_start..head_end];
        // ">> AUDIENCE: Thank you. Sebastián Ortúzar, from Derechos Digitales, Chile.": a sentence
        // that opens with a name and where the speaker comes from.
        static NAME_FROM: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(&format!(r"[.!?:][ \t]+({FULL_NAME_WITH_PARTICLES})(?:,?[ \t]+(?:from|with|representing)[ \t]+(?:the[ \t]+)?\p{{Lu}}|,[ \t]+[^,.\n]{{2,60}},[ \t]+for the record)")).unwrap()
        });
        // ">> AUDIENCE: Thank you. Makerita Tuilagi-Fonoti, Pacific IGF. A question …": a name,
        // then an organisation, as a sentence of its own.
        static NAME_ORG: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"[.!?:][ \t]+({FULL_NAME_WITH_PARTICLES}),[ \t]+([^,.\n]{{2,60}}(?:\.[a-z]{{2,3}})?)\.")).unwrap());
        let name_org = || NAME_ORG.captures(head).filter(|c| super::names::organisation_by_form(&c[2], lexicon) || lexicon.lookup(&c[2]).is_some());
        if let Some(intro) = SELF_INTRO.captures(head).or_else(|| NAME_FROM.captures(head)).or_else(name_org) {
            let g = intro.get(1).unwrap();
            if plausible_name(g.as_str(), lexicon) {
                out.push(person(text, line_start + g.start()..line_start + g.end(), g.as_str().to_owned(), None, "turn-introduction"));
            }
        }
    }
    // The sender of an e-mail: "From: Lars Henriksen <lars at example.org>".
    static MAIL_FROM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?m)^From:[ \t]*\x22?({FULL_NAME})\x22?[ \t]*[<(\[]")).unwrap()
    });
    for caps in MAIL_FROM.captures_iter(text) {
        let g = caps.get(1).unwrap();
        if plausible_name(g.as_str(), lexicon) {
            out.push(person(text, g.range(), g.as_str().to_owned(), None, "mail-from"));
        }
    }
    // "Chair: Ms. Helena MARKOVIĆ" … "The CHAIR opened the meeting and recalled …": the one
    // person of the one "Chair:" line is who "the Chair" speaking means.
    let chair_line = match layout.chairs.as_slice() {
        [line] => {
            let mut named = known.iter().filter(|m| m.kind == EntityKind::Person && line.start <= m.span.start && m.span.end <= line.end);
            match (named.next(), named.next()) {
                (Some(Mention { target: Target::Person { name }, .. }), None) => Some(name.name.clone()),
                _ => None,
            }
        }
        _ => None,
    };
    // "The Open Consultations were chaired by Carolina Méndez de la Torre, Chair of the MAG":
    // the one person a text says chaired it.
    let chaired_by = || {
        static CHAIRED_BY: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?-u:\b)(?:chaired|presided over|chaired and moderated|opened and chaired) by (?:the [\w-]+(?: [\w-]+)?(?: Chair)?,? )?(?:(?:Mr|Ms|Mrs|Dr|Prof|H\.E\.|Ambassador)\.? )?").unwrap()
        });
        let mut names = CHAIRED_BY.find_iter(text).filter_map(|cue| {
            let run = runs.iter().find(|r| r.start == cue.end())?;
            let name = text[run.clone()].trim_end_matches('.');
            (name.contains(' ') && plausible_name(name, lexicon)).then(|| normalise_name(name))
        });
        let first = names.next()?;
        names.all(|n| n == first).then_some(first)
    };
    if let Some(name) = chair.clone().or(chair_line).or_else(chaired_by) {
        // Found by two substring searches: a pattern over the whole text cost a hundredth of
        // extraction in the documents with a "Chair:" line.
        static FINDERS: LazyLock<[memchr::memmem::Finder; 2]> =
            LazyLock::new(|| [memchr::memmem::Finder::new("he Chair"), memchr::memmem::Finder::new("he CHAIR")]);
        let bytes = text.as_bytes();
        for finder in FINDERS.iter() {
            for at in finder.find_iter(bytes) {
                let start = at + 3;
                let end = start + text[start..].find(|c: char| !c.is_alphabetic()).unwrap_or(text.len() - start);
                let the_opens = at > 0 && matches!(bytes[at - 1], b'T' | b't') && crate::lexicon::boundary_before(bytes, at - 1);
                let word = &text[start..end];
                // "The Chair of the Board said" is another chair.
                let after = &text[end..];
                if the_opens && ["Chair", "CHAIR", "Chairperson", "Chairman", "Chairwoman"].contains(&word) && !after.starts_with(" of ") && speech_follows(after) {
                    out.push(person(text, start..end, name.clone(), None, "chair-reference"));
                }
            }
        }
    }
    // Speaker tags: ">> NAME:", "→ Name:", "Name: text" at the start of a line.
    for span in tags {
        let raw = &text[span.clone()];
        if is_chair_tag(raw) && !in_list(&span) {
            if let Some(name) = &chair {
                out.push(person(text, span, name.clone(), None, "chair-tag"));
            }
            continue;
        }
        // ">> Moderator Chiamaka Eze-Nwosu:", ">> Dr. Rohan Mehta-Iyer:": a role or title opens the tag.
        let (span, moderates) = tag_name(text, span);
        let raw = &text[span.clone()];
        if in_list(&span) || overlaps_known(&span, &out) || is_generic_tag(raw) || !plausible_name(raw, lexicon) {
            continue;
        }
        // "Panellists: A (X), B (Y)": the label of a list, not a speaker.
        let line_end = text[span.end..].find('\n').map_or(text.len(), |p| span.end + p);
        if layout.participants.iter().chain(&layout.absent).any(|p| span.end < p.start && p.start < line_end) {
            continue;
        }
        let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
        let prefix = text[line_start..span.start].trim();
        if prefix.is_empty() && ["From", "To", "Cc", "Date", "Subject", "Sent"].contains(&raw) {
            continue;
        }
        let tagged = prefix.starts_with(">>") || prefix.starts_with('→') || prefix.starts_with("->") || prefix.starts_with(|c: char| c.is_ascii_digit() || c == '[');
        let words = raw.split_whitespace().count();
        // A plain "Word: text" line is a speaker only when it looks like a name.
        if !tagged && (words > 3 || raw.chars().all(|c| !c.is_lowercase())) {
            continue;
        }
        if is_chair_tag(raw) {
            if let Some(name) = &chair {
                out.push(person(text, span, name.clone(), None, "chair-tag"));
            }
            continue;
        }
        tagged_names.push((span.end, lexicon::name_key(&normalise_name(raw))));
        out.push(person(text, span, normalise_name(raw), None, if moderates { "moderator-tag" } else { "speaker-tag" }));
    }
    // ">> KENJI WATANABE: … Kenji Watanabe, Government of Japan, for the record.": a speaker
    // who says their own name in their turn introduces themself.
    let introduces_themself = |span: &Span, name: &str| {
        let turn = tagged_names.partition_point(|(end, _)| *end <= span.start);
        turn > 0 && tagged_names[turn - 1].1 == lexicon::name_key(name) && name.contains(' ')
    };

    // The names the document lists ("May Lin Tan", "Jan Kowalski"): their first word opens a
    // name in the text too, though it is also a month, where the listed name follows or the
    // word stands alone ("Jan to circulate …"; not "In May Chengetai noted").
    let listed: Vec<&str> = known.iter().filter(|m| m.kind == EntityKind::Person && m.rule == "participant-list").map(|m| m.surface.as_str()).collect();
    let listed_first: HashSet<&str> = listed.iter().filter_map(|l| l.split_whitespace().next()).collect();
    // "Katarzyna Nowak-Wiśniewska (KNW)" … "KNW proposed …": initials given beside a name stand
    // for it wherever the text uses them.
    let initials: Vec<&str> = known
        .iter()
        .filter_map(|m| match &m.target {
            Target::Person { name } => name.nickname.as_deref().filter(|n| is_initials(n)),
            _ => None,
        })
        .collect();
    let runs: std::borrow::Cow<[Span]> = if initials.is_empty() {
        std::borrow::Cow::Borrowed(runs)
    } else {
        let bytes = text.as_bytes();
        let mut all = runs.to_vec();
        for tag in &initials {
            all.extend(text.match_indices(tag).map(|(at, _)| at..at + tag.len()).filter(|r| lexicon::boundary_before(bytes, r.start) && lexicon::boundary_after(bytes, r.end)));
        }
        all.sort_by_key(|r| (r.start, r.end));
        all.dedup();
        std::borrow::Cow::Owned(all)
    };
    for m in runs.iter() {
        let mut span = m.clone();
        if in_list(&span) {
            continue;
        }
        // Trim leading words that are not names ("On behalf of the IGF Secretariat Anja Gengo").
        let raw = text[span.clone()].to_owned();
        let words: Vec<&str> = raw.split(' ').collect();
        let mut skip = 0;
        // A listed first word is still a month beside a number ("3 June 2025").
        let run_end = span.end;
        let opens_listed = |start: usize, word: &str| {
            let rest = &text[start..run_end];
            listed_first.contains(word)
                && listed.iter().any(|l| l.split_whitespace().next() == Some(word) && (rest.starts_with(l) || rest == word))
                && !text[..start].trim_end().ends_with(|c: char| c.is_ascii_digit())
                && !text[start + word.len()..].trim_start().starts_with(|c: char| c.is_ascii_digit())
        };
        while skip < words.len() && (is_not_name(words[skip].trim_end_matches('.')) || is_honorific(words[skip])) && !opens_listed(span.start, words[skip]) {
            span.start += words[skip].len() + 1;
            skip += 1;
        }
        if skip == words.len() || span.start >= span.end {
            continue;
        }
        // "… for ICT and National Guidance, said": one word left after a capitalised word that is
        // not a name, inside a phrase that runs on from a lower-case word, ends that phrase.
        let run_prev = text[..m.start].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
        let phrase_tail = skip > 0
            && !is_honorific(words[skip - 1])
            && skip + 1 == words.len()
            && run_prev.starts_with(|c: char| c.is_lowercase());
        if phrase_tail {
            continue;
        }
        // The run ends at a sentence end ("Titti Cassa. The list …") or at a word that is
        // never part of a name; a dot after a short word is an abbreviation ("St.").
        let mut end = span.start;
        for (k, w) in words[skip..].iter().enumerate() {
            let bare = w.trim_end_matches('.');
            if k > 0 && is_not_name(bare) {
                break;
            }
            end += usize::from(k > 0) + w.len();
            if w.ends_with('.') && bare.chars().count() > 2 {
                end -= 1;
                break;
            }
        }
        if k_words_adjusted(&text[span.start..end]) {
            span.end = end;
        }
        if overlaps_known(&span, &out) {
            continue;
        }
        let name = text[span.clone()].trim_end_matches('.').to_owned();
        span.end = span.start + name.len();
        // "Mr. MASANGO": a surname in capitals after an honorific is a name, not an acronym.
        let titled = skip > 0 && is_honorific(words[skip - 1]);
        let listed = is_not_name(words[skip]) && opens_listed(span.start, words[skip]) && lexicon.lookup(&name).is_none();
        let by_initials = initials.contains(&name.as_str());
        if !listed && !by_initials && !plausible_name(&if titled { normalise_name(&name) } else { name.clone() }, lexicon) {
            continue;
        }
        let before = text[..span.start].trim_end();
        let prev_word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let after_honorific = is_honorific(prev_word);
        // The word before an honorific ("It was noted that Mr. X had offered …").
        let prev_word = if after_honorific {
            before[..before.len() - prev_word.len()].trim_end().rsplit(|c: char| c.is_whitespace()).next().unwrap_or("")
        } else {
            prev_word
        };
        let after = &text[span.end..];
        let honorific = titled || after_honorific;
        let nickname = nickname_of(&name, after, lexicon);
        // "It was noted that X had offered …" reports what someone did, not what they said here.
        let speaks = speech_follows(after) && !matches!(prev_word, "the" | "The" | "a" | "an" | "of" | "to" | "with" | "that")
            || quote_attributed(before)
            || relative_speech_follows(after) && name.contains(' ');
        let rule = if speaks {
            Some("speaker-cue")
        } else if attributed(text, &span) {
            Some("attribution")
        } else if absence_follows(after) {
            Some("absent")
        } else if honorific {
            Some("honorific")
        } else if ends_with_cue(&BY_CUE, text, span.start) || coordinated_with(&out, "by-cue", text, span.start) {
            Some("by-cue")
        } else if ends_with_cue(&OFFICE_OF, text, span.start) && name.contains(' ') {
            Some("office-of")
        } else if ends_with_cue(&ROLE_BEFORE_NAME, text, span.start) && name.contains(' ') {
            Some("role-title")
        } else if (will_follows(after) || owner_tag(before, after)) && (in_action_line(text, span.start) || in_action_block(layout, span.start)) {
            Some("action-owner")
        } else if name.contains(' ') && !name.ends_with("'s") && !name.ends_with("’s") && deed_follows(after) {
            Some("doer")
        } else {
            None
        };
        let sentence_start = before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '"', '“']) || prev_word.chars().all(|c| !c.is_alphanumeric());
        let rule = match rule {
            Some(r) => r,
            None if introduces_themself(&span, &normalise_name(&name)) => "own-name-in-turn",
            None if by_initials => "initials",
            // A capitalised word in mid-sentence may be a name: keep it as a candidate.
            None if !sentence_start && !name.contains(['.']) => "capitalised",
            None => continue,
        };
        let mut mention = person(text, span, normalise_name(&name), nickname.map(|(n, _)| n), rule);
        // "Mr. MASANGO", "Ms. OLIVEIRA SANTOS": capitals alone after an honorific are a surname.
        if honorific && !name.chars().any(char::is_lowercase)
            && let Target::Person { name } = &mut mention.target {
                name.strength = Strength::Surname;
            }
        out.push(mention);
    }
    ProseOut { mentions: out }
}

/// "“…,” said X": a quotation closes, then a speech verb, then the name (`before` is the
/// text up to the name, trimmed). The journalistic order of "X said".
fn quote_attributed(before: &str) -> bool {
    let Some((rest, verb)) = before.rsplit_once(char::is_whitespace) else { return false };
    is_speech_verb(verb) && rest.trim_end().ends_with(['"', '”'])
}

/// "X, Minister of Communications, Innovation and Digital Economy, who stressed …": an
/// apposition too long for [`predicate`], closed by a relative clause of speech. Taken only
/// after a full name: the clause may belong to the apposition's last word ("Economy").
fn relative_speech_follows(after: &str) -> bool {
    if !after.starts_with(", ") {
        return false;
    }
    let window = &after[..after.char_indices().nth(150).map_or(after.len(), |(i, _)| i)];
    let clause_end = window.find(['.', ';', '"', '“', '(']).unwrap_or(window.len());
    window[..clause_end].find(", who ").is_some_and(|at| {
        let mut words = window[at + 6..].split_whitespace();
        words.find(|w| !AUXILIARIES.contains(w)).is_some_and(|w| is_speech_verb(w.trim_end_matches(',')))
    })
}

/// True when a cue ("moderated by ", "office of ") ends right at `at`. Only a short window
/// before `at` is searched, so looking back costs the same wherever the name stands.
fn ends_with_cue(cue: &Regex, text: &str, at: usize) -> bool {
    let mut start = at.saturating_sub(48);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    cue.find_iter(&text[start..at]).last().is_some_and(|c| start + c.end() == at)
}

/// The trimmed run still holds a word.
fn k_words_adjusted(run: &str) -> bool {
    run.chars().any(char::is_alphabetic)
}

/// A name that is not a known organisation or process, nor an ordinary capitalised word.
fn plausible_name(name: &str, lexicon: &Lexicon) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 5 || lexicon.lookup(name).is_some() {
        return false;
    }
    if words.iter().any(|w| is_not_name(w.trim_end_matches(['.', ',']))) || words.len() >= 2 && words.iter().any(|w| super::names::is_body_word(w)) {
        return false;
    }
    if words.iter().all(|w| w.chars().all(|c| !c.is_lowercase())) && words.len() == 1 {
        return false; // a lone acronym
    }
    if words.len() == 1 && ROLE_WORD_SET.contains(words[0].to_lowercase().as_str()) {
        return false; // "Head" in "X, Head of the IGF Secretariat, presented"
    }
    if words.len() == 1 && lexicon.government_by_demonym(words[0]).is_some() {
        return false; // "Swedish" in "the Swedish Ambassador"
    }
    // A name made only of curated words ("Secretariat", "Ethiopian") is not a person.
    !words.iter().any(|w| lexicon.lookup(w).is_some_and(|i| lexicon.entry(i).kind != EntityKind::Person) && w.len() > 2)
        || words.len() >= 2 && !words.iter().all(|w| lexicon.lookup(w).is_some())
}

/// The nickname written right after a name, unless it is a curated name: "Concettina Cassa
/// (Titti)", but not "Josh Kallmer (Microsoft)".
fn nickname_of(name: &str, after: &str, lexicon: &Lexicon) -> Option<(String, usize)> {
    nickname_after(after).or_else(|| initials_after(name, after)).filter(|(nick, _)| lexicon.lookup(nick).is_none())
}

/// "Katarzyna Nowak-Wiśniewska (KNW)", "Pieter de Wit (PdW)", "Samuel Chen (SCh)": the name's
/// initials in parentheses, which minutes then use for the person.
fn initials_after(name: &str, after: &str) -> Option<(String, usize)> {
    let rest = after.strip_prefix(" (")?;
    let close = rest.find(')')?;
    let tag = &rest[..close];
    is_initials(tag).then_some(())?;
    // The tag's capitals are initials of the name's words, in order, the first and last included.
    let caps: Vec<char> = tag.chars().filter(|c| c.is_uppercase()).collect();
    let initials: Vec<char> =
        name.split(|c: char| c.is_whitespace() || c == '-').filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
    let mut words = initials.iter();
    let spelt = initials.first() == caps.first() && initials.last() == caps.last() && caps.iter().all(|c| words.any(|i| i == c));
    spelt.then(|| (tag.to_owned(), close + 3))
}

/// Two to five letters, opening with a capital, with at least two capitals: "KNW", "PdW".
fn is_initials(tag: &str) -> bool {
    (2..=5).contains(&tag.chars().count())
        && tag.chars().all(char::is_alphabetic)
        && tag.starts_with(char::is_uppercase)
        && tag.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// What looks like a nickname right after a name: one capitalised word in parentheses.
fn nickname_after(after: &str) -> Option<(String, usize)> {
    let rest = after.strip_prefix(" (")?;
    let close = rest.find(')')?;
    let inner = &rest[..close];
    let single = !inner.contains(' ') && inner.chars().next().is_some_and(char::is_uppercase) && inner.chars().skip(1).all(char::is_lowercase) && inner.len() >= 3;
    single.then(|| (inner.to_owned(), close + 3))
}

/// The text after a name once a nickname and up to two appositions are skipped: where the
/// name's verb stands.
fn predicate(after: &str) -> &str {
    static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?: \([^)\n]{1,120}\)| of (?:the )?(?:[A-Z][\w.'’-]*)(?:,? (?:of |for |and |on |the )*[A-Z][\w.'’-]*)*|, (?:the |a )?[^,.\n]{1,80},| and \p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3})").unwrap()
    });
    let mut rest = after;
    if let Some((_, skip)) = nickname_after(rest) {
        rest = &rest[skip..];
    }
    // "X (Org) urged", "X of the IGF Secretariat confirmed", "X, a youth participant, asked",
    // "X of the Kenya ICT Action Network (KICTANet) stressed", "X and Y have agreed".
    for _ in 0..2 {
        if let Some(m) = APPOSITION.find(rest) {
            rest = &rest[m.end()..];
        }
    }
    rest
}

/// "X was unable to attend", "X, who chairs the group, sent apologies": named, but absent.
fn absence_follows(after: &str) -> bool {
    is_absence(predicate(after))
}

/// The predicate (see [`predicate`]) says its subject did not attend.
fn is_absence(predicate: &str) -> bool {
    static ABSENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:(?:was|were) (?:unable|not able) to (?:attend|join|participate|be present|make it|connect)|(?:could|did) not (?:attend|join|participate|make it|connect)|(?:was|were) (?:absent|excused)|sent (?:(?:her|his|their) )?(?:apologies|regrets))\b").unwrap()
    });
    ABSENT.is_match(predicate)
}

/// True when a speech verb follows, possibly after auxiliaries or a nickname in parentheses.
pub fn speech_follows(after: &str) -> bool {
    let rest = predicate(after);
    if is_absence(rest) {
        return false;
    }
    let mut words = rest.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
    for _ in 0..4 {
        let Some(w) = words.next() else { return false };
        let lw = w.to_lowercase();
        if AUXILIARIES.contains(&lw.as_str()) {
            continue;
        }
        if lw == "was" || lw == "is" {
            return words.next().is_some_and(|n| matches!(n, "supportive" | "concerned" | "of" | "keen" | "in" | "against" | "pleased" | "happy" | "unable" | "invited"));
        }
        if lw == "made" {
            return words.next().is_some_and(|n| matches!(n, "a" | "the" | "an" | "some" | "several"));
        }
        if lw == "let" {
            return words.next().is_some_and(|n| n == "me" || n == "us");
        }
        return is_speech_verb(&lw);
    }
    false
}

/// "Olga Sandoval prepared a guide": a full name right before a verb in the past tense is
/// someone who did something. Only full names: a single capitalised word before a verb is as
/// often a place or a body ("Geneva hosted").
fn deed_follows(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else { return false };
    let word = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    word.len() >= 5 && word.ends_with("ed") && word.chars().all(|c| c.is_ascii_lowercase()) && !matches!(word, "based" | "related" | "entitled" | "titled" | "dated")
}

/// "… with the help of Amara Okonkwo and José Ramírez Ortega": a name joined by "and" to the
/// person just found by `rule` shares the cue.
fn coordinated_with(out: &[Mention], rule: &str, text: &str, start: usize) -> bool {
    out.last().is_some_and(|m| m.rule == rule && text.get(m.span.end..start) == Some(" and "))
}

/// "X will send": only counted where the line is an action line.
fn will_follows(after: &str) -> bool {
    let words: Vec<&str> = after.split_whitespace().take(6).collect();
    // "X and Y to draft …": skip the other doers.
    let mut k = 0;
    if words.first() == Some(&"and") {
        k = 1;
        while k < words.len() && (words[k].chars().next().is_some_and(char::is_uppercase)) {
            k += 1;
        }
    }
    matches!(words.get(k), Some(&"will") | Some(&"to") | Some(&"shall"))
        // "- [ ] Camille Rousseau-Diop - circulate v3", "Tarek: redraft section 3", "A + B - propose …".
        || [" - ", " – ", ": ", " + "].iter().any(|sep| after.starts_with(sep))
}

/// "Q (Mateus Albuquerque Vieira, CGI.br): …" / "A (Obi-Kamara): …": the tags of a Q&A name
/// who asked and who answered, with the asker's organisation.
fn questions_and_answers(text: &str, lexicon: &Lexicon, out: &mut ParticipantsOut) {
    static QA_TAG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?m)^[ \t]*(?:[-*•][ \t]*)?(?:Q|A|Question|Answer|Reply|Response)\d{0,2}[ \t]*\(([^,()\n]{2,60})(?:,[ \t]*([^()\n]{2,80}))?\)[ \t]*:").unwrap()
    });
    if memchr::memmem::find(text.as_bytes(), b"):").is_none() {
        return;
    }
    for caps in QA_TAG.captures_iter(text) {
        let g = caps.get(1).unwrap();
        let mut start = g.start();
        for w in g.as_str().split(' ') {
            if is_honorific(w) {
                start += w.len() + 1;
            } else {
                break;
            }
        }
        let name = text[start..g.end()].trim_end();
        let one_word = !name.contains(' ');
        // A surname alone ("A (Hoang)") stands for the one person the text names so in full.
        let named = plausible_name(name, lexicon) || one_word && name.starts_with(char::is_uppercase);
        // "A (de la Fuente)": a name may open with a particle, never with anything else.
        let opens_well = name.starts_with(char::is_uppercase) || name.starts_with(char::is_lowercase) && !one_word;
        if !named || !opens_well {
            continue;
        }
        let name_span = start..start + name.len();
        out.reserved.push(name_span.clone());
        out.mentions.push(person(text, name_span.clone(), normalise_name(name), None, "speaker-tag"));
        if let Some(org) = caps.get(2) {
            add_entry(text, name_span.clone(), org.range(), lexicon, out, false, name_span.start..org.end());
        }
    }
}

/// "Dr. Nnenna Obi-Kamara (Paradigm Initiative)" alone on its line, over a list: the list is
/// what that person said.
fn heads_a_list(text: &str, name_start: usize, entry_end: usize) -> bool {
    let line_start = text[..name_start].rfind('\n').map_or(0, |p| p + 1);
    if !text[line_start..name_start].split_whitespace().all(is_honorific) {
        return false;
    }
    let entry_end = entry_end.min(text.len());
    let line_end = text[entry_end..].find('\n').map_or(text.len(), |p| entry_end + p);
    if !text[entry_end..line_end].trim().is_empty() {
        return false;
    }
    text[line_end..].lines().find(|l| !l.trim().is_empty()).is_some_and(|l| l.trim_start().starts_with(['-', '•', '*', '–']))
}

/// "Several members (Ms. Quispe Huamán, Mr. Al-Harthy) stressed …", "… were cited as a
/// yardstick (Mr. van Rooyen).": a parenthesis holding only people, each with an honorific,
/// attributes the sentence to them.
fn attributed(text: &str, span: &Span) -> bool {
    static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
        let one = r"(?:Mr|Ms|Mrs|Dr|Prof|Amb|H\.E\.|Ambassador|Hon)\.? [^,();\n]{2,40}?";
        Regex::new(&format!(r"^{one}(?:(?:, | and |, and ){one})*$")).unwrap()
    });
    // The parenthesis opens at most a few names before: look back a bounded stretch of the line.
    let mut window = span.start.saturating_sub(160);
    while !text.is_char_boundary(window) {
        window -= 1;
    }
    let line_start = text[window..span.start].rfind('\n').map_or(window, |p| window + p + 1);
    let Some(open) = text[line_start..span.start].rfind('(').map(|p| line_start + p) else { return false };
    if text[open..span.start].contains(')') {
        return false;
    }
    let line_end = text[span.end..].find('\n').map_or(text.len(), |p| span.end + p);
    let Some(close) = text[span.end..line_end].find(')').map(|p| span.end + p) else { return false };
    ATTRIBUTION.is_match(&text[open + 1..close])
}

/// The label that names an action item's owner ("Owner:", "Owners:", "Lead:", "Action by:"),
/// read here for the person and in `discourse` for the item.
pub(super) const OWNER_LABEL: &str = r"(?:[Oo]wners?|OWNERS?|[Ll]ead|[Rr]esponsible|[Aa]ssigned to|[Aa]ction by)\s*:";

/// "… report back [Bilal]", "Owner: Ms. Dörflinger.": a name in brackets or after an owner
/// label names whoever owns the item.
fn owner_tag(before: &str, after: &str) -> bool {
    static LABEL: LazyLock<Regex> = LazyLock::new(|| Regex::new(&format!(r"\b{OWNER_LABEL}(?:\s+(?:Mr|Ms|Mrs|Dr|Prof|Engr)\.?)?$")).unwrap());
    if before.ends_with('[') {
        return after.starts_with(']');
    }
    // Only the end of `before` can hold the label: read its last few words, not the whole text.
    let mut from = before.len().saturating_sub(40);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    before[from..].contains(':') && LABEL.is_match(&before[from..])
}

fn in_action_line(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    let line = text[line_start..at].trim_start_matches([' ', '-', '*', '•']).to_lowercase();
    line.starts_with("action") || line.starts_with("ap:") || line.starts_with("ai:") || line.starts_with("to do") || line.starts_with("todo") || line.contains("action:")
}

fn in_action_block(layout: &Layout, at: usize) -> bool {
    layout.action_items.iter().any(|s| s.start <= at && at < s.end)
}

/// True when the words after a person mention make it a speaker (for statements and attendance).
pub fn is_speaker_rule(rule: &str) -> bool {
    matches!(rule, "speaker-cue" | "speaker-tag" | "moderator-tag" | "chair-tag" | "chair-reference" | "turn-introduction" | "attribution" | "speaker-heading")
}

/// The name in a speaker tag after the titles and roles that open it, and whether a role says
/// the speaker moderates the meeting (">> Moderator X:", not ">> Online Moderator X:").
fn tag_name(text: &str, span: Span) -> (Span, bool) {
    const TAG_ROLES: &[&str] =
        &["moderator", "co-moderator", "chair", "co-chair", "facilitator", "online", "onsite", "on-site", "remote", "rapporteur", "panelist", "panellist", "speaker", "host"];
    let mut start = span.start;
    let mut lead: Vec<String> = Vec::new();
    while let Some((word, rest)) = text[start..span.end].split_once(' ') {
        let lower = word.to_lowercase();
        if !(is_honorific(word) || TAG_ROLES.contains(&lower.as_str())) || rest.trim().is_empty() {
            break;
        }
        lead.push(lower);
        start = span.end - rest.trim_start().len();
    }
    let moderates = lead.iter().any(|w| matches!(w.as_str(), "moderator" | "co-moderator" | "chair" | "co-chair" | "facilitator"))
        && !lead.iter().any(|w| matches!(w.as_str(), "online" | "onsite" | "on-site" | "remote"));
    (start..span.end, moderates)
}

fn is_chair_tag(tag: &str) -> bool {
    ["chair", "co-chair", "moderator", "facilitator", "the chair"].contains(&tag.to_lowercase().as_str())
}

/// A transcript's tag for someone it does not name (">> PARTICIPANT:", ">> AUDIENCE MEMBER:"):
/// no person, and the turn is whoever introduces themself in it.
fn is_generic_tag(tag: &str) -> bool {
    const TAGS: &[&str] = &[
        "participant", "speaker", "audience", "audience member", "floor", "unidentified speaker", "unknown speaker",
        "interpreter", "captioner", "online participant", "remote participant", "question", "answer", "voice",
        "male speaker", "female speaker", "panelist", "panellist", "attendee", "delegate", "representative",
    ];
    TAGS.contains(&tag.to_lowercase().as_str())
}

/// This module's line patterns, for the check that each matches as a whole-text search does
/// (`extract::tests`).
#[cfg(test)]
pub(super) fn line_patterns() -> Vec<(&'static str, &'static LineRegex)> {
    vec![("NAME_RUN", &*NAME_RUN), ("SPEAKER_TAG", &*SPEAKER_TAG)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn lexicon() -> Lexicon {
        Lexicon::load(&[]).unwrap()
    }

    /// `name | affiliations | roles` for each participant entry.
    fn check_entries(text: &str, expected: &[&str]) {
        let lexicon = lexicon();
        let layout = crate::segment::layout(text);
        let parsed = participants(text, &layout, &lexicon);
        let mentions = parsed.mentions.clone();
        let got: Vec<String> = parsed
            .entries
            .into_iter()
            .map(|p| {
                let p = p.resolve_indices(&mentions);
                let affs: Vec<&str> = p.affiliations.iter().map(|&i| mentions[i].surface.as_str()).collect();
                let roles: Vec<&str> = p.roles.iter().map(|r| r.label.as_str()).collect();
                format!("{} | {} | {}", mentions[p.person].surface, affs.join("; "), roles.join("; "))
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn participant_entries_in_several_styles() {
        check_entries(
            "List of participants\n\n1. Amrita Choudhury, Group's Co-Chair, CCAOI\n2. Bruna Santos, IGF MAG Member Group's Co-Chair\n3. Nigel Hickson Government of UK\n4. Flavio Wagner, CGI.br/ Federal University of Rio Grande do Sul, Brasil, past MAG Member\n- 5) Jody Pandey (Georgia Institute Electronic, India)\n6. Antoine Vergne – Mission Publiques\n7. Ms. Dino dell'Accio\n",
            &[
                "Amrita Choudhury | CCAOI | Co-Chair of the Working Group",
                "Bruna Santos |  | MAG Member; Co-Chair of the Working Group",
                "Nigel Hickson | Government of UK | ",
                "Flavio Wagner | CGI.br; Federal University of Rio Grande do Sul | Former MAG Member",
                "Jody Pandey | Georgia Institute Electronic | ",
                "Antoine Vergne | Mission Publiques | ",
                "Dino dell'Accio |  | ",
            ],
        );
        // A label line's entry followed by its role and organisation, split at the commas.
        check_entries(
            "Session 2\nModerator: Mr. Chengetai Masango, Chief, IGF Secretariat\nRapporteur: Ms. Ana Lima, ICANN\nPresent: Bo Li, Ada Roe\n",
            &["Chengetai Masango | IGF Secretariat | Chief", "Ana Lima | ICANN | ", "Bo Li |  | ", "Ada Roe |  | "],
        );
    }

    fn check_prose(text: &str, expected: &[&str]) {
        let lexicon = lexicon();
        let layout = crate::segment::layout(text);
        let known = super::super::names::find(text, &lexicon, &[], &Default::default()).0;
        let mut found = in_prose(text, &layout, &lexicon, &name_runs(text), &known).mentions;
        found.sort_by_key(|m| m.span.start);
        let got: Vec<String> = found
            .iter()
            .map(|m| match &m.target {
                Target::Person { name } => format!("{} ({}){}", name.name, m.rule, name.nickname.as_ref().map(|n| format!(" aka {n}")).unwrap_or_default()),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn speakers_are_found_by_their_verbs_and_tags() {
        check_prose(
            "The meeting was moderated by Concettina Cassa (Titti). In terms of the SOF, Celine shared news. Ana Neves has underlined it; the Swedish Ambassador mentioned a report.\n\n→ Anriette: I agree with Wolfgang.\n>> CHENGETAI MASANGO: Thank you.",
            &[
                "Concettina Cassa (by-cue) aka Titti",
                "Celine (speaker-cue)",
                "Ana Neves (speaker-cue)",
                "Anriette (speaker-tag)",
                "Wolfgang (capitalised)",
                "Chengetai Masango (speaker-tag)",
            ],
        );
    }

    #[test]
    fn a_relative_clause_of_speech_after_a_long_apposition_marks_a_speaker() {
        check_prose(
            "Remarks came from Mrs. Bosun Tijani, Minister of Communications, Innovation and Digital Economy, who stressed the GDC. On Monday, Ada Obi met Ben Eze, who noted it.",
            &["Bosun Tijani (speaker-cue)", "Innovation (capitalised)", "Ada Obi (capitalised)", "Ben Eze (speaker-cue)"],
        );
    }

    #[test]
    fn the_label_of_a_list_is_no_speaker() {
        check_prose("Panellists: Emeka Obi (Paradigm Initiative), Zainab Musa (Google).\nEmeka Obi: We agree.", &["Emeka Obi (speaker-tag)"]);
    }

    #[test]
    fn honorifics_role_titles_and_offices_mark_names() {
        check_prose(
            "Ms. Lynn St. Amour moderated as Chair. It was chaired by the new MAG Chair Paul Mitchell. Staff from the office of Fabrizio Hochschild attended.",
            &["Lynn St. Amour (speaker-cue)", "Paul Mitchell (role-title)", "Fabrizio Hochschild (office-of)"],
        );
        check_prose(
            "Mr. Arnaud Lefevre, Head of the IGF Secretariat, presented the programme.",
            &["Arnaud Lefevre (speaker-cue)"],
        );
    }

    #[test]
    fn shared_document_notes_with_mentions_cells_and_checkboxes() {
        let text = "WG call notes\nCall #14 | Thu 5 June 2025 | 13:00 UTC\nChair: @Lucía Fernández Ortega | Notes: @Camille Rousseau-Diop\n\nAttendees: @Lucía Fernández Ortega, @Camille Rousseau-Diop, @Joon-ho Park, @Tarek El-Sayed (ISOC)\n\n## Action items\n- [ ] @Camille Rousseau-Diop - circulate v3 (due 12 June)\n- [ ] @Joon-ho Park + @Tarek - propose speakers\n- [x] @Lucía: send the paper\n- [ ] ??? - reach out to +Grace Mwangi\n";
        let ex = extracted(text);
        let meeting = ex.meeting.as_ref().unwrap();
        assert_eq!(meeting.moderator.map(|m| ex.mentions[m].surface.as_str()), Some("Lucía Fernández Ortega"));
        let actions: Vec<String> = ex.actions.iter().map(|a| format!("{}: {}", a.owner.map_or("-", |o| ex.mentions[o].surface.as_str()), a.text)).collect();
        assert_eq!(
            actions,
            [
                "Camille Rousseau-Diop: Camille Rousseau-Diop - circulate v3 (due 12 June)",
                "Joon-ho Park: Joon-ho Park + Tarek - propose speakers",
                "Tarek: Joon-ho Park + Tarek - propose speakers",
                "Lucía: Lucía: send the paper",
                "-: ??? - reach out to Grace Mwangi",
            ]
        );
        // The header line's next cell is no affiliation of the chair.
        assert!(affiliations(text).iter().all(|a| !a.contains("Notes")), "{:?}", affiliations(text));
    }

    #[test]
    fn roles_in_tags_and_names_that_open_a_turn() {
        let text = "IGF 2025 Open Forum, 24 June 2025, 11:00 to 12:00 CEST\n\n[00:00:05]\n>> Moderator Amina Yusuf: Welcome. The GDC is our topic.\n>> Online Moderator Lena Hoffmann: A question online.\n>> Dr. Rohan Mehta-Iyer: NETmundial+10 matters.\n>> AUDIENCE: Thank you. Sebastián Ortúzar, from Derechos Digitales, Chile. What of the WSIS+20 review?\n";
        let ex = extracted(text);
        let said: Vec<String> = ex.statements.iter().map(|s| format!("{} → {}", ex.mentions[s.speaker].surface, ex.mentions[s.process].surface)).collect();
        assert_eq!(said, ["Amina Yusuf → GDC", "Rohan Mehta-Iyer → NETmundial+10", "Sebastián Ortúzar → WSIS+20 review"]);
        let speakers: Vec<&str> = ex.speakers.iter().map(|&s| ex.mentions[s].surface.as_str()).collect();
        assert!(speakers.contains(&"Lena Hoffmann"), "{speakers:?}");
        // The moderator's tag names the meeting's moderator; the online moderator's does not.
        let meeting = ex.meeting.as_ref().unwrap();
        assert_eq!(meeting.moderator.map(|m| ex.mentions[m].surface.as_str()), Some("Amina Yusuf"));
        assert_eq!(meeting.time_utc, Some((9, 0)));
    }

    #[test]
    fn a_generic_transcript_tag_names_nobody_and_ends_the_turn_before_it() {
        let text = "MAG call, 9 April 2025\n\n>> JEAN-PIERRE VAN DER BERG: We support the Global Digital Compact.\n>> PARTICIPANT: Can you hear me? This is Naledi Khumalo from the South African Government. We want NETmundial+10 on the agenda.\n>> AUDIENCE MEMBER: The WSIS+20 review matters.\n";
        let ex = extracted(text);
        let said: Vec<String> = ex.statements.iter().map(|s| format!("{} → {}", ex.mentions[s.speaker].surface, ex.mentions[s.process].surface)).collect();
        // The last turn names nobody: its statement has no speaker, so there is none.
        assert_eq!(said, ["JEAN-PIERRE VAN DER BERG → Global Digital Compact", "Naledi Khumalo → NETmundial+10"]);
        assert_eq!(affiliations(text), ["Naledi Khumalo | South African Government"]);
    }

    #[test]
    fn a_month_that_opens_a_listed_name_is_a_first_name() {
        let text = "WG call, 3 June 2025\n\nPresent: Jan Kowalski, May Lin Tan, June Okafor\n\nMay Lin Tan asked about IGF 2025. In May Chengetai Masango noted the GDC.\n\nAction: Jan to circulate the survey.\n";
        let ex = extracted(text);
        let people: Vec<(&str, &str)> = ex
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.rule != "participant-list")
            .map(|m| (m.surface.as_str(), m.rule))
            .collect();
        // "3 June 2025" stays a date; "In May" stays a month, since nobody listed is called May X.
        assert_eq!(people, [("May Lin Tan", "speaker-cue"), ("Chengetai Masango", "speaker-cue"), ("Jan", "action-owner")]);
    }

    #[test]
    fn what_someone_did_or_helped_with_marks_them_as_a_person() {
        check_prose(
            "The guide, compiled with the help of Amara Okonkwo and José Ramírez Ortega, is online. Last year Olga Sandoval prepared a guide. Geneva hosted it. We read Olumide Bakre's revised diagram and a Policy Network revised text.",
            &["Amara Okonkwo (by-cue)", "José Ramírez Ortega (by-cue)", "Olga Sandoval (doer)", "Olumide Bakre (capitalised)"],
        );
    }

    #[test]
    fn journalistic_and_mailing_list_cues_mark_speakers_and_absentees() {
        check_prose(
            "\u{201c}Scores should reward that,\u{201d} said Kwabena Boateng, who took part. Tomás Villanueva of the IGF Secretariat told participants the call opens soon. Rahul Banerjee and Siosaia Fifita have kindly agreed to hold the pen. Nadia Rahimi, who coordinates the evaluation, was unable to attend. Jean-Marc Dubois sent his apologies.",
            &[
                "Kwabena Boateng (speaker-cue)",
                "Tomás Villanueva (speaker-cue)",
                "Rahul Banerjee (speaker-cue)",
                "Siosaia Fifita (speaker-cue)",
                "Nadia Rahimi (absent)",
                "Jean-Marc Dubois (absent)",
            ],
        );
    }

    #[test]
    fn a_speaker_naming_themself_in_their_turn_is_found_there() {
        check_prose(
            ">> KENJI WATANABE: Thank you, Chair. Kenji Watanabe, Government of Japan, for the record. Last year Olga Ruiz wrote the guide.",
            &["Kenji Watanabe (speaker-tag)", "Kenji Watanabe (own-name-in-turn)", "Olga Ruiz (capitalised)"],
        );
    }

    #[test]
    fn participants_listed_in_running_text_are_people_and_organisations_are_not() {
        check_entries(
            "The call was attended by representatives of the Government of Kenya, KICTANet and the Internet Society. Among the dozen participants were Sipho Ndlovu (Government of South Africa), Mei-Lin Chou and Lina Al-Sayed (GSMA).",
            &["Sipho Ndlovu | Government of South Africa | ", "Mei-Lin Chou |  | ", "Lina Al-Sayed | GSMA | "],
        );
    }

    #[test]
    fn an_acronym_in_parentheses_is_an_affiliation_unless_it_abbreviates_the_name() {
        assert!(is_acronym_of_another("GSMA", "Lina Al-Sayed"));
        assert!(!is_acronym_of_another("AIC", "Asia Internet Coalition"));
        assert!(!is_acronym_of_another("Mei", "Mei-Lin Chou"));
    }

    #[test]
    fn speakers_state_their_affiliations_in_several_ways() {
        let text = "IGF 2024 Workshop 5\n17 December 2024, 09:30 UTC\n\n>> AHMED AL-FARSI: My name is Ahmed Al-Farsi, I work for Smart Africa.\n\n>> ROSA MENDES: This is Rosa Mendes with Access Now speaking.\n\nKenji Sato of the Internet Society noted the GDC.\n";
        assert_eq!(affiliations(text), ["Ahmed Al-Farsi | Smart Africa", "Kenji Sato | Internet Society", "Rosa Mendes | Access Now"]);
    }

    /// The whole extraction of `text`, with the embedded data.
    #[test]
    fn entries_parted_by_semicolons_keep_their_titles_and_organisations() {
        check_entries(
            "Session 1\nModerator: Mr Ibrahim Sorie Koroma, Lecturer, Fourah Bay College\nPanelists: Hon Fatmata Kamara-Sesay, Deputy Minister, Ministry of Communications, Technology and Innovation; Engr. Babatunde Olaniyan, Director, Nigerian Communications Commission; Dr Oumou Touré, Senior Lecturer, University of Bamako\n",
            &[
                "Ibrahim Sorie Koroma | Fourah Bay College | Lecturer",
                "Fatmata Kamara-Sesay | Ministry of Communications, Technology and Innovation | Deputy Minister",
                "Babatunde Olaniyan | Nigerian Communications Commission | Director",
                "Oumou Touré | University of Bamako | Senior Lecturer",
            ],
        );
    }

    #[test]
    fn a_list_of_interventions_names_its_speakers() {
        let ex = extracted(
            "Open Consultations, 17 February 2026, meeting summary\n\nInterventions:\n\n• Amina Tchoumba-Ndiaye (Civil Society, African Group) – welcomed the Global Digital Compact.\n• Matthias Obermüller (Private Sector, WEOG) (remote) – asked about NETmundial+10.\n• Government of Japan: supported the Hiroshima AI Process.\n",
        );
        let speakers: Vec<&str> = ex.speakers.iter().map(|&s| ex.mentions[s].surface.as_str()).collect();
        assert_eq!(speakers, ["Amina Tchoumba-Ndiaye", "Matthias Obermüller"]);
        let said: Vec<(&str, &str)> = ex.statements.iter().map(|s| (ex.mentions[s.speaker].surface.as_str(), ex.mentions[s.process].surface.as_str())).collect();
        assert_eq!(said, [("Amina Tchoumba-Ndiaye", "Global Digital Compact"), ("Matthias Obermüller", "NETmundial+10")]);
    }

    #[test]
    fn the_chair_is_whoever_the_text_says_chaired_it() {
        let text = "The meeting on 3 March 2026 was chaired by Carolina Méndez de la Torre, Chair of the MAG. The Chair recalled the WSIS+20 review.\n";
        let ex = extracted(text);
        let chair = ex.mentions.iter().find(|m| m.rule == "chair-reference").expect("the Chair is a person");
        assert!(matches!(&chair.target, Target::Person { name } if name.name == "Carolina Méndez de la Torre"));
        // Two chairs named: "the Chair" is neither.
        let two = extracted("Session 1 was chaired by Ana Lima. Session 2 was chaired by Bo Roe. The Chair recalled the WSIS+20 review.\n");
        assert!(two.mentions.iter().all(|m| m.rule != "chair-reference"));
    }

    #[test]
    fn owners_named_by_a_label_or_a_tag_own_their_items() {
        let ex = extracted(
            "NRI call, 3 March 2025, minutes\n\nAction points\n- Circulate the draft input. Owner: Ms Aïssatou Ndiaye Sarr (ECOWAS Commission). Deadline: 6 June 2025.\n- Convene a workshop. Owners: Engr. Babatunde Olaniyan and Mr Romuald Souza. Deadline: Q3.\n- Launch the call for hosts. Owner: Organising Committee.\n- Share the mapping when ready [Nnenna Obi]\n",
        );
        let owners: Vec<String> = ex
            .actions
            .iter()
            .map(|a| a.owner.map_or("-".to_owned(), |o| match &ex.mentions[o].target { Target::Person { name } => name.name.clone(), _ => unreachable!() }))
            .collect();
        assert_eq!(owners, ["Aïssatou Ndiaye Sarr", "Babatunde Olaniyan", "Romuald Souza", "-", "Nnenna Obi"]);
        assert!(!ex.mentions.iter().any(|m| matches!(m.surface.as_str(), "Owner" | "Owners" | "Deadline")));
    }

    #[test]
    fn a_chair_s_summary_attributes_views_in_parentheses() {
        let ex = extracted(
            "MAG retreat, Geneva, 25 February 2026\nCHAIR'S SUMMARY\n\nParticipation\n\nMembers present in Geneva were Ms. Ana Quispe Huamán (Government of Peru) and Mr. Hendrik van Rooyen (Internet Society).\n\n1. The IGF after WSIS+20\n\n- Several members (Ms. Quispe Huamán, Mr. van Rooyen) stressed that the WSIS+20 outcome should show.\n- NETmundial+10 was cited as a yardstick (Mr. van Rooyen).\n- Members thanked the host (Cyber Cafe Association of India).\n\nOutcomes and follow-up\n\nThe following follow-up was agreed:\n  a) Prepare a note. Owners: Ms. Quispe Huamán and Mr. van Rooyen.\n",
        );
        // Surnames after honorifics resolve to the listed full names.
        let resolved = resolved(&ex);
        let name = |i: usize| label(&resolved, i);
        let listed: BTreeSet<String> = ex.participants.iter().filter(|p| p.listed).map(|p| name(p.person)).collect();
        assert_eq!(listed, BTreeSet::from(["Ana Quispe Huamán".to_owned(), "Hendrik van Rooyen".to_owned()]));
        let said: BTreeSet<(String, &str)> = ex.statements.iter().map(|s| (name(s.speaker), ex.mentions[s.process].surface.as_str())).collect();
        assert_eq!(
            said,
            BTreeSet::from([
                ("Ana Quispe Huamán".to_owned(), "WSIS+20"),
                ("Hendrik van Rooyen".to_owned(), "WSIS+20"),
                ("Hendrik van Rooyen".to_owned(), "NETmundial+10"),
            ])
        );
        let owners: Vec<String> = ex.actions.iter().filter_map(|a| a.owner.map(name)).collect();
        assert_eq!(owners, ["Ana Quispe Huamán", "Hendrik van Rooyen"]);
    }

    #[test]
    fn webinar_notes_with_speaker_headings_and_a_q_and_a() {
        let text = "PNAI\nRapporteur's notes, third PNAI webinar of 2025\nDate: 16 October 2025, 12:00 UTC\n\nDr. Nnenna Obi-Kamara (Paradigm Initiative)\n- The commitments in the Global Digital Compact are a floor.\n- Warned about NETmundial+10.\n\nQ&A\n\nQ (Tevita Fifita, Government of Tonga): Will the WSIS+20 review take remote inputs?\nA (Obi-Kamara): Suggested a link with the Pact for the Future.\n\nFollow-ups\n- Share the mapping when ready [Obi-Kamara]\n\nNext webinar: 20 November 2025, 13:00 UTC.\n";
        let ex = extracted(text);
        let resolved = resolved(&ex);
        let name = |i: usize| label(&resolved, i);
        let said: BTreeSet<(String, &str)> = ex.statements.iter().map(|s| (name(s.speaker), ex.mentions[s.process].surface.as_str())).collect();
        assert_eq!(
            said,
            BTreeSet::from([
                ("Nnenna Obi-Kamara".to_owned(), "Global Digital Compact"),
                ("Nnenna Obi-Kamara".to_owned(), "NETmundial+10"),
                ("Tevita Fifita".to_owned(), "WSIS+20 review"),
                ("Nnenna Obi-Kamara".to_owned(), "Pact for the Future"),
            ])
        );
        let affiliated: Vec<(String, String)> = ex.participants.iter().flat_map(|p| p.affiliations.iter().map(move |&a| (p.person, a))).map(|(p, a)| (name(p), name(a))).collect();
        assert!(affiliated.contains(&("Tevita Fifita".to_owned(), "Government of Tonga".to_owned())), "{affiliated:?}");
        assert_eq!(ex.actions.iter().filter_map(|a| a.owner.map(name)).collect::<Vec<_>>(), ["Nnenna Obi-Kamara"]);
        let meeting = ex.meeting.as_ref().expect("a webinar is a meeting");
        assert_eq!((meeting.number, meeting.next_meeting.as_ref().map(|n| n.date.to_string())), (Some(3), Some("2025-11-20".to_owned())));
        assert!(!ex.mentions.iter().any(|m| m.kind == EntityKind::Person && m.surface.starts_with("Rapporteur")));
    }

    #[test]
    fn minutes_inside_a_mailing_list_digest() {
        let text = "Message: 1\nDate: Thu, 13 Mar 2025 08:47:10 +0000\nFrom: lm at example.org (Lindiwe Mthembu)\nSubject: Minutes - WG call, 12 March\nMessage-ID: <a81f at example.org>\nContent-Type: text/plain; charset=\"utf-8\"\n\nWG call - Wednesday 12 March 2025, 13:00 UTC\n\nPresent: Ana Quispe (Fundación InternetBolivia.org),\nMaarten van Hoff (ISOC), Thu Pham (APC),\nSiosaia Fifita (Pacific IGF)\nNotes: Lindiwe Mthembu (IGF Secretariat)\n\nMaarten said I've no objection to the Global Digital Compact text.\n";
        let ex = extracted(text);
        let meeting = ex.meeting.as_ref().expect("the minutes report a meeting");
        assert_eq!(meeting.date.map(|d| d.to_string()).as_deref(), Some("2025-03-12"));
        let name = |i: usize| match &ex.mentions[i].target { Target::Person { name } => name.name.clone(), _ => unreachable!() };
        let listed: Vec<String> = ex.participants.iter().filter(|p| p.listed).map(|p| name(p.person)).collect();
        assert_eq!(listed, ["Ana Quispe", "Maarten van Hoff", "Thu Pham", "Siosaia Fifita", "Lindiwe Mthembu"]);
        let people: BTreeSet<String> = ex.mentions.iter().filter(|m| m.kind == EntityKind::Person).map(|m| m.surface.clone()).collect();
        assert!(!people.iter().any(|p| ["Message", "Message-ID", "Content-Type", "I've"].contains(&p.as_str())), "{people:?}");
    }

    #[test]
    fn a_turn_under_a_tag_naming_nobody_is_whoever_was_handed_the_floor() {
        let text = "IGF 2025 MAIN SESSION\n25 June 2025, 12:30 UTC\n\n>> MODERATOR: Welcome. My name is Solveig Brekke and I will moderate. Over to you, Ambassador Rafael Montero Aguirre of the Government of Chile.\n\n>> SPEAKER: Thank you. The WSIS+20 review should not reopen the Tunis Agenda.\n\n>> AUDIENCE: Thank you. Makerita Tuilagi-Fonoti, Pacific IGF. A question for Dr. Nkechi Obi-Whyte.\n\n>> SPEAKER: Thank you. The Global Digital Compact promised participation.\n\n>> ELIF SAHIN-MOLLER: Industry was at NETmundial+10. Our rapporteur, Kwabena Ofori-Atta, will draft the messages.\n";
        let ex = extracted(text);
        let said: BTreeSet<(&str, &str)> = ex.statements.iter().map(|s| (ex.mentions[s.speaker].surface.as_str(), ex.mentions[s.process].surface.as_str())).collect();
        assert_eq!(
            said,
            BTreeSet::from([
                ("Rafael Montero Aguirre", "WSIS+20 review"),
                ("Rafael Montero Aguirre", "Tunis Agenda"),
                ("Nkechi Obi-Whyte", "Global Digital Compact"),
                ("ELIF SAHIN-MOLLER", "NETmundial+10"),
            ])
        );
        let people: BTreeSet<&str> = ex.mentions.iter().filter(|m| m.kind == EntityKind::Person).map(|m| m.surface.as_str()).collect();
        assert!(people.contains("Makerita Tuilagi-Fonoti") && people.contains("Kwabena Ofori-Atta") && !people.contains("Industry"), "{people:?}");
    }

    /// The entities one extraction's mentions resolve to, and the label of mention `i`'s.
    fn resolved(ex: &crate::extract::Extraction) -> crate::resolve::Resolved {
        crate::resolve::entities(std::slice::from_ref(ex), &lexicon(), "https://example.org/", &Default::default(), false)
    }
    fn label(resolved: &crate::resolve::Resolved, mention: usize) -> String {
        resolved.entity_of(0, mention).map(|e| e.label.clone()).unwrap_or_default()
    }
    fn extracted(text: &str) -> crate::extract::Extraction {
        crate::extract::document(&crate::ingest::Document::from_text("t.txt", text), &lexicon())
    }

    /// Each participant as "name | affiliations", sorted.
    fn affiliations(text: &str) -> Vec<String> {
        let ex = extracted(text);
        let mut got: Vec<String> = ex
            .participants
            .iter()
            .map(|p| format!("{} | {}", ex.mentions[p.person].surface, p.affiliations.iter().map(|&o| ex.mentions[o].surface.as_str()).collect::<Vec<_>>().join("; ")))
            .collect();
        got.sort();
        got
    }

    #[test]
    fn initials_given_beside_a_listed_name_stand_for_that_person() {
        let text = "Working group minutes\nThursday 10 July 2025, 13:00 UTC\n\nPresent:\n- Katarzyna Nowak-Wiśniewska (KNW), NASK\n- Pieter de Wit (PdW), Cloudflare\n- Samuel Chen (SCh), ICANN\n\nApologies:\n- Oluwaseun Adébáyọ̀ (OA), Nigerian Communications Commission\n\nDiscussion\nKNW proposed an input to the WSIS+20 review. SCh noted the GDC.\nAction: PdW to circulate the list.\nAction: OA to send data.\n";
        let ex = extracted(text);
        let said: Vec<String> = ex.statements.iter().map(|s| format!("{} → {}", ex.mentions[s.speaker].surface, ex.mentions[s.process].surface)).collect();
        assert_eq!(said, ["KNW → WSIS+20 review", "SCh → GDC"]);
        let initials: Vec<(&str, Option<&str>)> = ex
            .mentions
            .iter()
            .filter_map(|m| match &m.target {
                Target::Person { name } if m.rule == "participant-list" || m.rule == "absent-list" => Some((name.name.as_str(), name.nickname.as_deref())),
                _ => None,
            })
            .collect();
        // The combining mark of "Adébáyọ̀" belongs to the name, so its initials follow it.
        assert_eq!(
            initials,
            [("Katarzyna Nowak-Wiśniewska", Some("KNW")), ("Pieter de Wit", Some("PdW")), ("Samuel Chen", Some("SCh")), ("Oluwaseun Adébáyọ̀", Some("OA"))]
        );
        let owners: Vec<&str> = ex.actions.iter().filter_map(|a| Some(ex.mentions[a.owner?].surface.as_str())).collect();
        assert_eq!(owners, ["PdW", "OA"]);
        // Initials are no organisation; the absent keep their organisations (not attendance).
        assert!(ex.mentions.iter().all(|m| m.kind != EntityKind::Organisation || !["KNW", "PdW", "SCh", "OA"].contains(&m.surface.as_str())));
        assert!(affiliations(text).contains(&"Oluwaseun Adébáyọ̀ | Nigerian Communications Commission".to_owned()));
        assert!(ex.participants.iter().any(|p| !p.listed && ex.mentions[p.person].surface == "Oluwaseun Adébáyọ̀"));
        // A name's initials must spell it: "(UN)" after "Ana Lima" is no nickname.
        assert_eq!(initials_after("Ana Lima", " (AL), x").map(|n| n.0), Some("AL".to_owned()));
        assert_eq!(initials_after("Ana Lima", " (UN)"), None);
        assert_eq!(initials_after("Ana Lima", " (ALIMA)"), None);
    }

    #[test]
    fn a_legislator_s_country_names_their_parliament_and_a_post_its_organisation() {
        check_entries(
            "Speakers:\n- Hon. Wanjiru Kamau, Member of Parliament, Kenya\n- Senator Maria dela Cruz (Philippines)\n- Hon. Luis Ruiz, Member of the Chamber of Deputies of Chile\n- Ms. Rania Haddad, Minister of Digital Economy of Jordan\n- Mr. Bo Li, Member of the MAG, Kenya\n",
            &[
                "Wanjiru Kamau | Kenya | Member of Parliament",
                "Maria dela Cruz | Philippines | ",
                "Luis Ruiz | Chile | Member of the Chamber of Deputies of Chile",
                "Rania Haddad | Jordan | Minister of Digital Economy of Jordan",
                // A seat on a body is no legislature, and a country alone says where.
                "Bo Li |  | Member of the MAG",
            ],
        );
        let ex = extracted("Speakers:\n- Hon. Wanjiru Kamau, Member of Parliament, Kenya\n- Hon. Luis Ruiz, Member of the Chamber of Deputies of Chile\n");
        let labels: Vec<&str> = ex.mentions.iter().filter_map(|m| match &m.target { Target::New { label, .. } if m.rule == "legislator-country" => Some(label.as_str()), _ => None }).collect();
        assert_eq!(labels, ["Parliament of Kenya", "Parliament of Chile"]);
    }

    #[test]
    fn several_honorifics_may_open_an_entry() {
        check_entries(
            "Speakers:\n- H.E. Ms. Rania Haddad, Minister, Government of Jordan\n- Hon. Dr. Ana Lima, ICANN\n- Senator Maria Teresa dela Cruz-Villanueva (Philippines)\n",
            &["Rania Haddad | Government of Jordan | Minister", "Ana Lima | ICANN | ", "Maria Teresa dela Cruz-Villanueva | Philippines | "],
        );
    }

    #[test]
    fn a_role_at_an_organisation_states_an_affiliation() {
        let text = "Forum, 9 September 2025\n\nDr. Peter Okello, Senior Lecturer at Makerere University, presented the GDC. Ms. Ana Lima, Head of Policy at the Internet Society, agreed.\n";
        assert_eq!(affiliations(text), ["Ana Lima | Internet Society", "Peter Okello | Makerere University"]);
    }

    #[test]
    fn an_acronym_after_an_entry_s_affiliation_names_it_everywhere() {
        let text = "Forum, 9 September 2025\n\nSpeakers: Ada Obi (Unwanted Witness) and Mr. Dan Mugisha from the Collaboration on International ICT Policy for East and Southern Africa (CIPESA).\n\nNext steps\n- CIPESA to host a webinar.\n";
        assert_eq!(affiliations(text), ["Ada Obi | Unwanted Witness", "Dan Mugisha | Collaboration on International ICT Policy for East and Southern Africa"]);
        let ex = extracted(text);
        let later = ex.mentions.iter().rfind(|m| m.surface == "CIPESA").unwrap();
        assert!(matches!(&later.target, Target::New { label, .. } if label.starts_with("Collaboration on")), "{later:?}");
    }

    #[test]
    fn a_chat_export_s_lines_are_speaker_tags_with_affiliations() {
        let text = "BPF call, 4 February 2025\n\n00:14:05 From Lars Nilsson to Everyone: Happy to help.\n00:21:40 From Aiko Tanaka (Keio University) to Everyone: Could we look at the GDC?\n[10:05] Raj Patel: Agreed.\n";
        let ex = extracted(text);
        let mut speakers: Vec<String> = ex.mentions.iter().filter(|m| is_speaker_rule(m.rule)).map(|m| m.surface.clone()).collect();
        speakers.sort();
        assert_eq!(speakers, ["Aiko Tanaka", "Lars Nilsson", "Raj Patel"]);
        assert_eq!(affiliations(text), ["Aiko Tanaka | Keio University"]);
        // One capitalised word in parentheses is a nickname, unless the data names it.
        assert_eq!(affiliations("BPF call, 5 March 2025\n\n- Josh Kallmer (Microsoft): the GDC matters.\n"), ["Josh Kallmer | Microsoft"]);
    }

    #[test]
    fn people_listed_under_an_organisation_s_name_are_its_members() {
        let text = "BPF call, 4 February 2025\n\nIGF Secretariat: Wim Degezelle and Ana Lima\n\n>> IGF Secretariat: We will publish the report.\n";
        assert_eq!(affiliations(text), ["Ana Lima | IGF Secretariat", "Wim Degezelle | IGF Secretariat"]);
    }

    #[test]
    fn an_untagged_transcript_turn_belongs_to_who_introduces_themself() {
        let text = "MAG MEETING, 12 MARCH 2025\n\n>> THE CHAIR: I am Ingrid Solberg, the MAG Chair. Please go ahead.\n\n>> Thank you. My name is Kwame Boateng and I work for the Ghana Domain Name Registry. I support the GDC.\n";
        let ex = extracted(text);
        let speakers: Vec<&str> = ex.statements.iter().map(|s| ex.mentions[s.speaker].surface.as_str()).collect();
        assert_eq!(speakers, ["Kwame Boateng"]);
        assert_eq!(ex.meeting.and_then(|m| m.moderator).map(|i| ex.mentions[i].surface.as_str()), Some("Ingrid Solberg"));
        // A role after a bare comma is no affiliation ("…, the MAG Chair").
        assert_eq!(affiliations(text), ["Kwame Boateng | Ghana Domain Name Registry"]);
    }

    #[test]
    fn speaking_for_an_organisation_states_an_affiliation_and_a_stakeholder_group_none() {
        let text = "Open Consultations, 3 February 2026\n\n1. Ms. Amina Diallo (Civil Society, African Group) called for travel support.\n2. Ms. Sofia Lindgren, speaking for the European Union, supported the GDC.\n";
        assert_eq!(affiliations(text), ["Amina Diallo | ", "Sofia Lindgren | European Union"]);
        let ex = extracted(text);
        assert!(ex.mentions.iter().any(|m| m.surface == "Amina Diallo" && is_speaker_rule(m.rule)), "\"called for\" reports speech");
    }

    #[test]
    fn a_national_igf_in_a_list_is_named_as_in_running_text() {
        let text = "NRIs call, 10 March 2025\n\nAttendees:\n- Anna Kowalska (Poland IGF)\n- Carlos Mendoza (IGF Mexico)\n\nAI: Carlos Mendoza to share the report.\n";
        let ex = extracted(text);
        let mut labels: Vec<String> = ex.mentions.iter().filter_map(|m| match &m.target {
            Target::New { label, .. } if m.kind == EntityKind::Organisation => Some(label.clone()),
            _ => None,
        }).collect();
        labels.sort();
        assert_eq!(labels, ["Mexico Internet Governance Forum", "Poland Internet Governance Forum"]);
        assert!(ex.actions.iter().any(|a| a.owner.is_some_and(|o| ex.mentions[o].surface == "Carlos Mendoza")), "an \"AI:\" line names its owner");
    }

    #[test]
    fn names_keep_their_particles() {
        check_prose("Jean-Pierre van der Berg noted it. Ana de la Cruz stressed it.", &["Jean-Pierre van der Berg (speaker-cue)", "Ana de la Cruz (speaker-cue)"]);
    }

    #[test]
    fn the_last_word_of_a_capitalised_phrase_is_no_speaker() {
        check_prose("Hon. Joyce Namutebi, State Minister for ICT and National Guidance, said that the GDC matters.", &["Joyce Namutebi (speaker-cue)", "State (capitalised)"]);
    }

    #[test]
    fn names_in_capitals_are_written_as_names() {
        assert_eq!(normalise_name("CHENGETAI  MASANGO"), "Chengetai Masango");
        assert_eq!(normalise_name("AHMED AL-FARSI"), "Ahmed Al-Farsi");
        assert_eq!(normalise_name("JEAN-MARC DUBOIS."), "Jean-Marc Dubois");
        assert_eq!(normalise_name("Jan VAN DEN BERG"), "Jan van den Berg");
        assert_eq!(normalise_name("Wout DE NATRIS"), "Wout de Natris");
        // A family name in capitals written first (French and UN lists) goes last.
        assert_eq!(normalise_name("DIAGNE Aïssatou Sow"), "Aïssatou Sow Diagne");
        assert_eq!(normalise_name("MASANGO Chengetai"), "Chengetai Masango");
    }

    #[test]
    fn surnames_in_capitals_belong_to_the_name_and_alone_after_an_honorific_are_a_surname() {
        let text = "Summary record, 18 June 2025\n\n1. Ms. Carol ROACH (Internet Society) opened the meeting. Mr. Pieter VAN DEN BERG noted the GDC. Mr. MASANGO said that the IGF would help. The ICANN CEO spoke.\n";
        let ex = extracted(text);
        let people: Vec<(String, Strength, &str)> = ex
            .mentions
            .iter()
            .filter_map(|m| match &m.target {
                Target::Person { name } => Some((name.name.clone(), name.strength, m.rule)),
                _ => None,
            })
            .collect();
        assert_eq!(
            people,
            [
                ("Carol Roach".to_owned(), Strength::Cued, "speaker-cue"),
                ("Pieter van den Berg".to_owned(), Strength::Cued, "speaker-cue"),
                ("Masango".to_owned(), Strength::Surname, "speaker-cue"),
            ]
        );
        assert_eq!(affiliations(text), ["Carol ROACH | Internet Society"]);
    }

    #[test]
    fn a_role_of_an_organisation_and_an_organisation_with_its_acronym_state_affiliations() {
        let text = "Forum, 9 September 2025\n\nMr. Arnaud Lefevre, Head of the IGF Secretariat, presented the GDC. Mr. Jorge Cancio, Swiss Federal Office of Communications (OFCOM), noted it. Ms. Ana Lima, Chair of the Board, agreed.\n";
        assert_eq!(affiliations(text), ["Arnaud Lefevre | IGF Secretariat", "Jorge Cancio | Swiss Federal Office of Communications"]);
        let text = "Forum, 9 September 2025\n\nHon. Eliud Owalo, Cabinet Secretary, Ministry of ICT, underlined the GDC. It was moderated by Ms. Grace Githaiga (KICTANet) of the Kenya ICT Action Network (KICTANet).\n";
        assert_eq!(affiliations(text), ["Eliud Owalo | Ministry of ICT", "Grace Githaiga | KICTANet"]);
        // A post named before the name states it too; a seat on a body ("Chair", "Convener") is a role.
        let text = "Forum, 9 September 2025\n\nThe Chief of the IGF Secretariat, Mr. Chengetai Masango, presented the GDC. The Chair of the MAG, Ms. Carol Roach, noted it. Dr. Ngozi Eze, Convener of the Internet Society, agreed.\n";
        assert_eq!(affiliations(text), ["Chengetai Masango | IGF Secretariat"]);
    }

    #[test]
    fn a_name_whose_subjects_run_past_a_comma_is_one_affiliation() {
        let text = "Forum, 9 September 2025\n\nMr. Wout de Natris (Dynamic Coalition on Internet Standards, Security and Safety) asked. Ms. Ana Lima (Ministry of ICT, Innovation and Youth Affairs) agreed. Mr. Bo Li (University of Nairobi, Kenya and Uganda) agreed.\n";
        assert_eq!(
            affiliations(text),
            ["Ana Lima | Ministry of ICT, Innovation and Youth Affairs", "Bo Li | University of Nairobi", "Wout de Natris | Dynamic Coalition on Internet Standards, Security and Safety"]
        );
    }

    #[test]
    fn the_chair_speaking_is_the_one_person_of_the_chair_line() {
        let text = "MAG meeting, 18 June 2025\n\nChair: Ms. Helena MARKOVIĆ\n\n1. The CHAIR opened the meeting and recalled the WSIS+20 review.\n2. The Chair of the Board said nothing.\n";
        let ex = extracted(text);
        let chair: Vec<(&str, &str)> = ex.mentions.iter().filter(|m| m.rule == "chair-reference").map(|m| (m.surface.as_str(), match &m.target {
            Target::Person { name } => name.name.as_str(),
            _ => "",
        })).collect();
        assert_eq!(chair, [("CHAIR", "Helena Marković")]);
        assert_eq!(ex.meeting.as_ref().and_then(|m| m.moderator).map(|i| ex.mentions[i].surface.as_str()), Some("Helena MARKOVIĆ"));
        // Two chairs: "the Chair" is neither.
        let two = extracted("MAG meeting, 18 June 2025\n\nChair: Helena Marković\nCo-Chair: Paul Mitchell\n\n1. The Chair opened the meeting.\n");
        assert!(two.mentions.iter().all(|m| m.rule != "chair-reference"));
    }

    #[test]
    fn roles_are_normalised() {
        let lexicon = lexicon();
        assert_eq!(normalise_role("Group's Co-Chair", &lexicon), "Co-Chair of the Working Group");
        assert_eq!(normalise_role("former IGF MAG member", &lexicon), "Former MAG Member");
        assert_eq!(normalise_role("Mag Member", &lexicon), "MAG Member");
        assert_eq!(normalise_role("in a personal capacity", &lexicon), "In a personal capacity");
    }
}
