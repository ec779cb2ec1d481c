//! Organisations and processes in running text: curated names from the lexicon, plus
//! generic patterns for names no curated file knows.

use regex::Regex;
use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use super::lines::LineRegex;
use super::{Mention, Target};
use crate::lexicon::{EntityKind, LexMatch, Lexicon};
use crate::segment::Span;
use crate::vocab;

/// Words before a bare country name that make it a place, not its government:
/// "held in Ethiopia" is a venue, "Ethiopia proposed" is the government acting.
const LOCATIVE: &[&str] =
    &["in", "at", "from", "across", "throughout", "within", "near", "inside", "outside", "around", "visit", "visited", "to"];

/// Head nouns that make an acronym's expansion an organisation.
const ORG_HEADS: &[&str] = &[
    "Commission", "Committee", "Council", "Organization", "Organisation", "Association", "Union", "Agency",
    "Foundation", "Institute", "Office", "Department", "Ministry", "Group", "Panel", "Board", "Network", "Society",
    "Centre", "Center", "Coalition", "Secretariat", "Authority", "Federation", "Bank", "Fund", "Programme",
    "Assembly", "Parliament", "Administration", "Bureau", "University", "Corporation", "Company", "Alliance",
    "Consortium", "Observatory", "Registry", "Partnership",
];

/// Head nouns that make an acronym's expansion (or "the X review") a process.
const PROCESS_HEADS: &[&str] = &[
    "Review", "Process", "Summit", "Agenda", "Compact", "Pact", "Declaration", "Roadmap", "Track", "Dialogue",
    "Initiative", "Plan", "Strategy", "Convention", "Treaty", "Negotiations", "Conference", "Consultation",
    "Consultations", "Forum", "Goals", "Principles", "Guidelines", "Framework",
];

/// Words too generic to name a new process on their own ("the Open Consultation process").
const GENERIC_WORDS: &[&str] = &[
    "The", "Open", "Consultation", "Consultations", "Main", "Session", "Sessions", "Working", "Group", "Meeting",
    "High", "Level", "High-Level", "Annual", "New", "Current", "Next", "Public", "Online", "Virtual", "Global",
    "National", "Regional", "Internet", "Governance", "Digital", "Cooperation", "Policy", "Intersessional",
];

static GOVERNMENT_OF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:Government|Gov\.|Govt\.?) of (?:the )?((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,3})").unwrap());
static POSSESSIVE_GOVERNMENT: LazyLock<LineRegex> =
    LazyLock::new(|| LineRegex::with_words(r"\b((?:[A-Z][\w-]*)(?: [A-Z][\w-]*){0,2})['’]s [Gg]overnment\b", &["Government", "government"]));
static MINISTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(?:Federal|National|State) )?Ministry (?:of|for) (?:the )?[A-Z][\w-]*(?:,? (?:(?:and|of|for|the|&) )*[A-Z][\w-]*)*").unwrap()
});
static PARLIAMENT: LazyLock<LineRegex> =
    LazyLock::new(|| LineRegex::with_words(r"\b(?:Parliament of (?:the )?((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*){0,2})|((?:[A-Z][\w'’-]*)(?: [A-Z][\w'’-]*)?) Parliament\b)", &["Parliament"]));
static ACADEMIC: LazyLock<LineRegex> =
    LazyLock::new(|| LineRegex::with_words(r"\b(?:(?:[A-Z][\w'’-]*) )*(?:University|Institute|College|Academy|School)(?: (?:of|for|on) (?:the )?(?:[A-Z][\w'’-]*)(?: (?:and |of |for |the |do |de )*[A-Z][\w'’-]*)*)?", &["University", "Institute", "College", "Academy", "School"]));
static SUB_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Dynamic Coalition|Policy Network|Best Practice Forum|Working Group|Expert Group|Task Force|Advisory Board|Steering Committee) (?:on|for) (?:the )?[A-Z][\w'’-]*(?:,? (?:(?:and|of|for|the|on|in|&) )*[A-Z][\w'’-]*)*").unwrap()
});
static OFFICE_OF_PERSON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Oo]ffice of ((?:[A-Z][\p{Ll}'’-]+)(?: [A-Z][\p{Ll}'’-]+){1,2})\b").unwrap());
static ACRONYM_DEFINITION: LazyLock<LineRegex> = LazyLock::new(|| {
    LineRegex::with_words(r"((?:[A-Z][\w'’+-]*)(?: (?:(?:of|for|on|and|the|de|des|du|la|le|to|in|&) )*[A-Z][\w'’+.-]*)*) ?\(([A-Z][A-Za-z0-9+&/-]{1,11})\)", &["("])
});
/// "the West Africa IGF Organising Committee", "the APrIGF Multi-Stakeholder Steering Group":
/// a committee named by what it serves, with the remit `SUB_BODY` would read after it
/// ("the Kenya IGF Steering Committee on Youth" is one organisation, not its tail).
static NAMED_COMMITTEE: LazyLock<LineRegex> = LazyLock::new(|| {
    LineRegex::with_words(
        r"\b((?:[A-Z][\w'’+-]*)(?: [A-Z][\w'’+-]*){0,4}) (?:(?:Organi[sz]ing|Steering|Programme|Program|Executive|Coordination|Preparatory|Multistakeholder|Multi-[Ss]takeholder) Committee|(?:Multistakeholder |Multi-[Ss]takeholder )?Steering Group)(?: (?:on|for) (?:the )?[A-Z][\w'’-]*(?:,? (?:(?:and|of|for|the|on|in|&) )*[A-Z][\w'’-]*)*)?\b",
        &["Organising Committee", "Organizing Committee", "Steering Committee", "Programme Committee", "Program Committee", "Executive Committee", "Coordination Committee", "Preparatory Committee", "takeholder Committee", "Steering Group"],
    )
});
/// Words that end the name of a body ("… Communications Commission", "… Internet Foundation").
const BODY_HEADS: &[&str] = &[
    "Commission", "Authority", "Foundation", "Association", "Agency", "Council", "Federation", "Alliance",
    "Consortium", "Corporation", "Bureau", "Observatory", "Registry", "Regulator", "Organisation", "Organization",
];
/// "the Uganda Communications Commission", "the Swedish Internet Foundation": a capitalised name
/// after "the" that ends in a word for a body (`BODY_HEADS`), with its remit ("… for Africa").
static BODY_NAME: LazyLock<LineRegex> = LazyLock::new(|| {
    LineRegex::with_words(
        &format!(
            r"(?-u:\b)the (?:[A-Z][\w'’&-]*)(?: (?:[A-Z][\w'’&-]*|of|for|and|on|&))* (?:{})(?: (?:of|for|on) (?:the )?[A-Z][\w'’-]*(?: (?:(?:of|for|on|in)(?: the)?|and|&) [A-Z][\w'’-]*| [A-Z][\w'’-]*)*)?",
            BODY_HEADS.join("|")
        ),
        BODY_HEADS,
    )
});
/// Heads that open the name of a body in French ("Agence Tunisienne d'Internet", "Ministère de
/// la Communication, des Télécommunications et du Numérique", "Université Cheikh Anta Diop de
/// Dakar"): the head comes first, then capitalised words joined by "de", "du", "des", "et" ….
/// Four heads only: each is one more search of the whole text ("Institut", "Direction" would
/// also send the pattern to every line naming an English institute).
const FRENCH_HEADS: &[&str] = &["Agence", "Autorité", "Ministère", "Université"];
static FRENCH_BODY: LazyLock<LineRegex> = LazyLock::new(|| {
    let joiner = r"(?:de la|de l['’]|des|du|de|d['’]|pour la|pour le|pour les|pour|sur la|sur le|sur les|et de la|et des|et du|et de|et)";
    LineRegex::with_words(
        &format!(r"(?:{})(?:,? {joiner} ?\p{{Lu}}[\w'’-]*| \p{{Lu}}[\w'’-]*)+", FRENCH_HEADS.join("|")),
        FRENCH_HEADS,
    )
});
static THE_X_HEAD: LazyLock<LineRegex> = LazyLock::new(|| {
    LineRegex::with_words(
        r"\bthe ((?:[A-Z][\w+'’-]*)(?: [A-Z][\w+'’-]*){0,4}) (review|process|summit|forum|initiative|dialogue)\b",
        &["review", "process", "summit", "forum", "initiative", "dialogue"],
    )
});

/// Finds organisation and process mentions outside the `reserved` spans (participant entries
/// already parsed, names of people).
pub fn find(text: &str, lexicon: &Lexicon, reserved: &[Span], known: &BTreeMap<String, Target>) -> (Vec<Mention>, BTreeMap<String, Target>) {
    let free = |start: usize, end: usize| !reserved.iter().any(|r| start < r.end && r.start < end);
    let mut out: Vec<Mention> = Vec::new();

    // Generic patterns first: where one overlaps a curated name it wins only when longer.
    let mut generic: Vec<Mention> = Vec::new();
    let matches: Vec<LexMatch> = lexicon.find_all(text);
    generic_organisations(text, lexicon, &matches, &mut generic);
    // Where generic patterns overlap, the match that starts first, then the longest, wins
    // ("the Kenya IGF Steering Committee on Youth" over its tail "Steering Committee on Youth");
    // equal spans keep the patterns' order.
    generic.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut taken: Vec<Span> = Vec::new();
    for g in &generic {
        let longer = matches
            .iter()
            .filter(|m| m.start < g.span.end && g.span.start < m.end)
            .all(|m| m.end - m.start < g.span.len());
        if longer && free(g.span.start, g.span.end) && !taken.iter().any(|t| t.start < g.span.end && g.span.start < t.end) {
            taken.push(g.span.clone());
            out.push(g.clone());
        }
    }
    for m in &matches {
        if !free(m.start, m.end) || taken.iter().any(|t| t.start < m.end && m.start < t.end) {
            continue;
        }
        let entry = lexicon.entry(m.entry);
        if entry.kind == EntityKind::Person {
            continue;
        }
        if entry.country().is_some_and(|c| text[m.start..m.end].eq_ignore_ascii_case(c)) && is_place(text, m) {
            continue;
        }
        if entry.kind == EntityKind::Organisation
            && let Some(span) = qualified(text, m.start..m.end, lexicon)
        {
            out.push(new_org(text, span.clone(), text[span.clone()].to_owned(), None, "qualified-name"));
            taken.push(span);
            continue;
        }
        out.push(curated(text, m.start, m.end, &entry.iri, entry.kind, "lexicon"));
        nested_of(text, m, lexicon, &mut out);
    }
    let acronyms = acronyms_defined(text, lexicon, &mut out, reserved, known);
    generic_processes(text, lexicon, &mut out, reserved);
    short_forms(text, lexicon, &mut out, reserved);
    bare_secretariats(text, lexicon, &mut out, reserved);
    out.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    (out, acronyms)
}

fn curated(text: &str, start: usize, end: usize, iri: &str, kind: EntityKind, rule: &'static str) -> Mention {
    Mention {
        kind,
        surface: text[start..end].to_owned(),
        span: start..end,
        target: Target::Curated { iri: iri.to_owned() },
        rule,
    }
}

fn new_org(text: &str, span: Span, label: String, classification: Option<&str>, rule: &'static str) -> Mention {
    Mention {
        kind: EntityKind::Organisation,
        surface: text[span.clone()].to_owned(),
        span,
        target: Target::New { label, classification: classification.map(str::to_owned) },
        rule,
    }
}

/// A bare country name used as a place ("held in Ethiopia") or as part of a longer proper
/// name ("Georgia Institute") is not a mention of its government.
fn is_place(text: &str, m: &LexMatch) -> bool {
    let before = text[..m.start].trim_end();
    let prev = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if LOCATIVE.contains(&prev.to_lowercase().as_str()) {
        return true;
    }
    let after = &text[m.end..];
    let next = after.strip_prefix(' ').and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next()).unwrap_or("");
    next.chars().next().is_some_and(char::is_uppercase)
}

/// The curated country that `words` name, as a country ("Uganda") or a demonym ("Ugandan").
fn country_of<'l>(lexicon: &'l Lexicon, words: &str) -> Option<&'l str> {
    let idx = lexicon.lookup(words).filter(|&i| lexicon.entry(i).country().is_some()).or_else(|| lexicon.government_by_demonym(words))?;
    lexicon.entry(idx).country()
}

/// "Parliament of Kenya", "Parliament of the Philippines": the parliament of the curated country
/// that `words` name, as a country or a demonym ("Saudi").
pub(super) fn parliament_of(lexicon: &Lexicon, words: &str) -> Option<String> {
    let idx = lexicon.lookup(words).filter(|&i| lexicon.entry(i).country().is_some()).or_else(|| lexicon.government_by_demonym(words))?;
    let e = lexicon.entry(idx);
    let the = if e.label.starts_with("Government of the ") { "the " } else { "" };
    Some(format!("Parliament of {the}{}", e.country()?))
}

/// The label of a national IGF, or of its secretariat, by its country.
fn national_igf_name(country: &str, secretariat: bool) -> String {
    if secretariat { format!("{country} IGF Secretariat") } else { format!("{country} Internet Governance Forum") }
}

/// Where a curated organisation's name is qualified as a national or local counterpart, the
/// whole name: "the Local Multistakeholder Advisory Group" is a national IGF's, not the MAG,
/// and "the Uganda Youth IGF" and "the Youth IGF Ghana" are a country's. A country qualifies
/// only a name holding "IGF": elsewhere it may be part of the curated body's own name.
fn qualified(text: &str, name: Span, lexicon: &Lexicon) -> Option<Span> {
    const QUALIFIERS: &[&str] = &["Local", "National", "Regional", "Subregional", "Sub-regional"];
    let holds_igf = text[name.clone()].split(|c: char| !c.is_alphanumeric()).any(|w| w == "IGF");
    if let Some(before) = text[..name.start].strip_suffix(' ') {
        let word_start = before.char_indices().rev().find(|&(_, c)| !(c.is_alphanumeric() || c == '-')).map_or(0, |(p, c)| p + c.len_utf8());
        let word = &before[word_start..];
        if QUALIFIERS.contains(&word) || holds_igf && country_of(lexicon, word).is_some() {
            return Some(word_start..name.end);
        }
    }
    // "the Youth IGF Ghana": a country right after an IGF name, of one to three words.
    if !holds_igf || !text[name.end..].starts_with(' ') {
        return None;
    }
    let (_, country) = capitalised_run(text, name.end, false).and_then(|run| country_words(lexicon, text, run, false))?;
    Some(name.start..country.end)
}

/// "President of GA" also refers to the GA: an organisation named after "of" inside an
/// organisation's name is mentioned too.
fn nested_of(text: &str, m: &LexMatch, lexicon: &Lexicon, out: &mut Vec<Mention>) {
    let surface = &text[m.start..m.end];
    let Some(pos) = surface.rfind(" of ") else { return };
    let mut inner_start = m.start + pos + 4;
    if text[inner_start..m.end].starts_with("the ") {
        inner_start += 4;
    }
    if let Some(idx) = lexicon.lookup(&text[inner_start..m.end]) {
        let inner = lexicon.entry(idx);
        if idx != m.entry && inner.kind == EntityKind::Organisation && inner.country().is_none() {
            out.push(curated(text, inner_start, m.end, &inner.iri, inner.kind, "nested-of"));
        }
    }
}

/// "Government of X", "X's government", "Ministry of …", "Parliament of X" / "Saudi Parliament",
/// "University of X" / "X Institute": organisations named by their form.
fn generic_organisations(text: &str, lexicon: &Lexicon, matches: &[LexMatch], out: &mut Vec<Mention>) {
    let government = Some(vocab::gg::GOVERNMENT.as_str());
    for caps in GOVERNMENT_OF.captures_iter(text) {
        let whole = caps.get(0).unwrap();
        // "the Government of Ghana's position": the possessive is not part of the name.
        let country = caps.get(1).unwrap().as_str();
        let country = country.strip_suffix("'s").or_else(|| country.strip_suffix("’s")).unwrap_or(country);
        let whole = whole.start()..caps.get(1).unwrap().start() + country.len();
        if let Some(idx) = lexicon.lookup(country).filter(|&i| lexicon.entry(i).country().is_some()) {
            let e = lexicon.entry(idx);
            out.push(curated(text, whole.start, whole.end, &e.iri, e.kind, "government-of"));
        } else {
            out.push(new_org(text, whole, format!("Government of {country}"), government, "government-of"));
        }
    }
    for caps in POSSESSIVE_GOVERNMENT.captures_iter(text) {
        let whole = caps.get(0).unwrap();
        if let Some(idx) = lexicon.lookup(&caps[1]).filter(|&i| lexicon.entry(i).country().is_some()) {
            let e = lexicon.entry(idx);
            out.push(curated(text, whole.start(), whole.end(), &e.iri, e.kind, "possessive-government"));
        }
    }
    for m in MINISTRY.find_iter(text) {
        // "the Ministry of X and the University of Y" names two bodies.
        let name = m.as_str();
        let cut = ["University", "Ministry", "Government", "Institute", "Office", "Parliament"]
            .iter()
            .filter_map(|head| name[1..].find(&format!(" and the {head}")).or_else(|| name[1..].find(&format!(", the {head}"))).map(|p| p + 1))
            .min()
            .unwrap_or(name.len());
        let span = m.start()..m.start() + cut;
        out.push(new_org(text, span.clone(), text[span].to_owned(), government, "ministry"));
    }
    for caps in PARLIAMENT.captures_iter(text) {
        let whole = caps.get(0).unwrap();
        let named = caps.get(1).or(caps.get(2)).unwrap().as_str();
        if let Some(label) = parliament_of(lexicon, named) {
            out.push(new_org(text, whole.range(), label, government, "parliament"));
        }
    }
    for m in ACADEMIC.find_iter(text) {
        let words = m.as_str().split_whitespace().count();
        if words >= 2 {
            let academia = Some(vocab::gg::ACADEMIA.as_str());
            out.push(new_org(text, m.range(), m.as_str().to_owned(), academia, "academic-name"));
        }
    }
    // "Dynamic Coalition on Accessibility and Disability", "Policy Network on X": a named
    // member of a family of bodies is a body of its own.
    for m in SUB_BODY.find_iter(text) {
        if lexicon.lookup(m.as_str()).is_none() {
            out.push(new_org(text, m.range(), m.as_str().to_owned(), None, "named-body"));
        }
    }
    for caps in NAMED_COMMITTEE.captures_iter(text) {
        let (whole, prefix) = (caps.get(0).unwrap(), caps.get(1).unwrap());
        // A sentence's "The" is not part of the name, and "The Programme Committee" names none.
        let first = prefix.as_str().split(' ').next().unwrap_or("");
        let skip = if ["The", "A", "This", "Our"].contains(&first) { first.len() + 1 } else { 0 };
        let span = whole.start() + skip..whole.end();
        if skip < prefix.as_str().len() && lexicon.lookup(&text[span.clone()]).is_none() {
            out.push(new_org(text, span.clone(), text[span].to_owned(), None, "named-body"));
        }
    }
    national_igfs(text, lexicon, out);
    // No captures and no Unicode `\b`, so that the search stays on the regex crate's DFA: the
    // name is the match after its "the ", and must end a word ("Commission", not "Commissioner").
    for m in BODY_NAME.find_iter(text) {
        if text[m.range().end..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let span = m.range().start + "the ".len()..m.range().end;
        let name = &text[span.clone()];
        let words: Vec<&str> = name.split(' ').collect();
        let head = words.iter().position(|w| BODY_HEADS.contains(w)).unwrap_or(0);
        // "the National Council" names no one body; a curated name inside ("the UN Economic
        // Commission for Africa") is that body, not a new one; a country only qualifies it.
        let generic = words[..head].iter().all(|w| GENERIC_WORDS.contains(w)) && head + 1 == words.len();
        let curated_inside = matches
            .iter()
            .filter(|m| m.start < span.end && span.start < m.end)
            .any(|m| lexicon.entry(m.entry).country().is_none_or(|c| !text[m.start..m.end].eq_ignore_ascii_case(c)));
        if head > 0 && !generic && !curated_inside {
            out.push(new_org(text, span, name.to_owned(), None, "body-name"));
        }
    }
    for m in FRENCH_BODY.find_iter(text) {
        let starts_word = m.start() == 0 || !text[..m.start()].ends_with(char::is_alphanumeric);
        if starts_word && !text[m.end()..].starts_with(char::is_alphanumeric) && lexicon.lookup(m.as_str()).is_none() {
            out.push(new_org(text, m.range(), m.as_str().to_owned(), None, "body-name"));
        }
    }
    for caps in OFFICE_OF_PERSON.captures_iter(text) {
        let whole = caps.get(0).unwrap();
        if lexicon.lookup(&caps[1]).is_none() && lexicon.lookup(whole.as_str()).is_none() {
            let label = format!("Office of {}", &caps[1]);
            out.push(new_org(text, whole.range(), label, None, "office-of-person"));
        }
    }
}

/// "Uganda IGF", "the Kenya Internet Governance Forum", "IGF-USA", "the Nigeria IGF Secretariat":
/// a national IGF (or its secretariat) named by its country, one of the curated governments'.
/// Read around each "IGF" rather than by a regex: nearly every line of a summary holds one.
fn national_igfs(text: &str, lexicon: &Lexicon, out: &mut Vec<Mention>) {
    let bytes = text.as_bytes();
    for name in ["IGF", "Internet Governance Forum"] {
        for at in memchr::memmem::find_iter(bytes, name) {
            let end = at + name.len();
            if !crate::lexicon::boundary_before(bytes, at) || !crate::lexicon::boundary_after(bytes, end) {
                continue;
            }
            if let Some((country, run)) = capitalised_run(text, at, true).and_then(|run| country_words(lexicon, text, run, true)) {
                let secretariat = text[end..].strip_prefix(" Secretariat").is_some_and(|r| !r.starts_with(char::is_alphanumeric));
                let end = if secretariat { end + " Secretariat".len() } else { end };
                out.push(new_org(text, run.start..end, national_igf_name(&country, secretariat), None, "national-igf"));
            } else if let Some((country, run)) = capitalised_run(text, end, false).and_then(|run| country_words(lexicon, text, run, false)) {
                // "the Youth IGF Ghana": a curated name ending in "IGF" before the country is
                // qualified by it (`qualified`), not a national IGF.
                let prev = text[..at].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
                if !prev.is_empty() && lexicon.lookup(&format!("{prev} {name}")).is_some() {
                    continue;
                }
                out.push(new_org(text, at..run.end, national_igf_name(&country, false), None, "national-igf"));
            }
        }
    }
}

/// The label of the national IGF that `name` is as a whole ("Poland IGF", "IGF Mexico", "Kenya
/// IGF Secretariat"), as [`national_igfs`] labels it in running text: a participant's
/// "(Poland IGF)" and a report's "the Poland Internet Governance Forum" are one body.
pub(super) fn national_igf_label(name: &str, lexicon: &Lexicon) -> Option<String> {
    let (name, secretariat) = match name.strip_suffix(" Secretariat") {
        Some(rest) => (rest, true),
        None => (name, false),
    };
    let named = ["IGF", "Internet Governance Forum"].iter().find_map(|forum| {
        name.strip_suffix(forum).and_then(|p| p.strip_suffix(' ')).or_else(|| {
            if secretariat {
                return None;
            }
            name.strip_prefix(forum).and_then(|r| r.strip_prefix([' ', '-']))
        })
    })?;
    Some(national_igf_name(country_of(lexicon, named)?, secretariat))
}

/// True when capitalised `words` name an organisation by their form: a curated organisation, a
/// national IGF, a government, or a name ending in a word for a body or a school ("Fourah Bay
/// College", "Public Utilities Regulatory Authority (PURA)", "CyberSafe Salone" is not).
pub(super) fn organisation_by_form(words: &str, lexicon: &Lexicon) -> bool {
    let words = words.split(" (").next().unwrap_or(words).trim();
    if !words.starts_with(char::is_uppercase) {
        return false;
    }
    if lexicon.lookup(words).is_some_and(|i| lexicon.entry(i).kind == EntityKind::Organisation) || national_igf_label(words, lexicon).is_some() {
        return true;
    }
    words.split_whitespace().any(is_body_word)
}

/// A word that ends the name of a body or a school ("Commission", "College", "IGF"): never a
/// word of a person's name.
pub(super) fn is_body_word(word: &str) -> bool {
    static BODY_WORDS: LazyLock<HashSet<&str>> =
        LazyLock::new(|| ORG_HEADS.iter().chain(BODY_HEADS).chain(&["College", "Academy", "School", "Government", "IGF"])
            // Heads of French and Spanish names of bodies ("Comité Multisectorial", "Comisión Nacional de …").
            .chain(FRENCH_HEADS)
            .chain(&["Conseil", "Observatoire", "Fondation", "Comité", "Comisión", "Ministerio", "Universidad", "Fundación", "Asociación", "Cooperativa", "Consejo", "Instituto", "Agencia", "Secretaría"]).copied().collect());
    BODY_WORDS.contains(word)
}

/// Up to four capitalised words right before `at` (after a space) when `before`, else right
/// after it (after a space or a hyphen: "IGF-USA").
fn capitalised_run(text: &str, at: usize, before: bool) -> Option<Span> {
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'));
    let mut run: Option<Span> = None;
    if before {
        let head = text[..at].strip_suffix(' ')?;
        let mut start = head.len();
        for word in head.rsplit(' ').take(4) {
            if !capitalised(word) {
                break;
            }
            start -= word.len();
            run = Some(start..head.len());
            start = start.saturating_sub(1);
        }
    } else {
        let rest = text[at..].strip_prefix([' ', '-'])?;
        let from = at + 1;
        let mut offset = 0;
        for raw in rest.split(' ').take(3) {
            let word = raw.trim_end_matches(['.', ',', ';', ':', ')']);
            if !capitalised(word) {
                break;
            }
            run = Some(from..from + offset + word.len());
            if word.len() < raw.len() {
                break;
            }
            offset += raw.len() + 1;
        }
    }
    run
}

/// The words of `span` that name a country (a curated government's country or demonym): the
/// longest run ending the span when `last`, else the longest run starting it. Returns the
/// country's curated name and the run's span.
fn country_words(lexicon: &Lexicon, text: &str, span: Span, last: bool) -> Option<(String, Span)> {
    let s = &text[span.clone()];
    let cuts: Vec<usize> = std::iter::once(0).chain(s.match_indices(' ').map(|(i, _)| i + 1)).collect();
    let runs: Vec<Span> = if last {
        cuts.iter().map(|&c| span.start + c..span.end).collect()
    } else {
        std::iter::once(span.clone()).chain(cuts.iter().skip(1).rev().map(|&c| span.start..span.start + c - 1)).collect()
    };
    runs.into_iter().find_map(|run| Some((country_of(lexicon, &text[run.clone()])?.to_owned(), run)))
}

/// "the Commission on Science and Technology for Development (CSTD)": the acronym names what
/// the words before it name, in this document. An expansion the lexicon knows gives the acronym
/// to that entity; an unknown one becomes a new organisation or process by its head noun.
fn acronyms_defined(text: &str, lexicon: &Lexicon, out: &mut Vec<Mention>, reserved: &[Span], known: &BTreeMap<String, Target>) -> BTreeMap<String, Target> {
    let mut defined: BTreeMap<String, Target> = known.clone();
    let mut kinds: BTreeMap<String, EntityKind> = known.keys().map(|k| (k.clone(), EntityKind::Organisation)).collect();
    for caps in ACRONYM_DEFINITION.captures_iter(text) {
        let acronym = caps.get(2).unwrap();
        if out.iter().any(|m| m.span.start < acronym.end() && acronym.start() < m.span.end) {
            if lexicon.lookup(acronym.as_str()).is_none() {
                // "(WG)" inside a curated name: the name already covers it.
            }
            continue;
        }
        let phrase = caps.get(1).unwrap();
        let Some((start, expansion)) = expansion_for(phrase.as_str(), acronym.as_str()) else { continue };
        let exp_start = phrase.start() + start;
        let (target, kind) = if let Some(m) = out.iter().find(|m| m.span.start <= exp_start && phrase.end() <= m.span.end + 1 && phrase.end() >= m.span.end && m.kind != EntityKind::Person) {
            (m.target.clone(), m.kind)
        } else if let Some(idx) = lexicon.lookup(expansion) {
            let e = lexicon.entry(idx);
            (Target::Curated { iri: e.iri.clone() }, e.kind)
        } else if let Some(idx) = lexicon.lookup(acronym.as_str()) {
            let e = lexicon.entry(idx);
            (Target::Curated { iri: e.iri.clone() }, e.kind)
        } else {
            // The head noun: the word before the first preposition ("Global Alliance on …"),
            // else the last word ("Kenya ICT Action Network").
            let words: Vec<&str> = expansion.split_whitespace().collect();
            let head = words
                .iter()
                .position(|w| matches!(*w, "on" | "of" | "for" | "in"))
                .and_then(|p| p.checked_sub(1))
                .map_or(words.last().copied().unwrap_or(""), |p| words[p]);
            let kind = if ORG_HEADS.contains(&head) {
                EntityKind::Organisation
            } else if PROCESS_HEADS.contains(&head) {
                EntityKind::Process
            } else {
                continue;
            };
            let target = Target::New { label: expansion.to_owned(), classification: None };
            out.push(Mention {
                kind,
                surface: expansion.to_owned(),
                span: exp_start..phrase.end(),
                target: target.clone(),
                rule: "acronym-expansion",
            });
            (target, kind)
        };
        defined.insert(acronym.as_str().to_owned(), target);
        kinds.insert(acronym.as_str().to_owned(), kind);
    }
    // Every use of a defined acronym refers to what it was defined as.
    for (acronym, target) in defined.clone() {
        let kind = kinds[&acronym];
        let bytes = text.as_bytes();
        for (pos, _) in text.match_indices(acronym.as_str()) {
            let end = pos + acronym.len();
            if !crate::lexicon::boundary_before(bytes, pos) || !crate::lexicon::boundary_after(bytes, end) {
                continue;
            }
            if out.iter().any(|m| m.span.start < end && pos < m.span.end) || reserved.iter().any(|r| r.start < end && pos < r.end) {
                continue;
            }
            out.push(Mention { kind, surface: acronym.clone(), span: pos..end, target: target.clone(), rule: "acronym-in-text" });
        }
    }
    defined
}

/// The shortest tail of `phrase` whose capital letters spell `acronym` (in order, starting
/// with the first word's initial): "IGF Expert Group Meeting" + "EGM" → "Expert Group Meeting".
pub(super) fn expansion_for<'a>(phrase: &'a str, acronym: &str) -> Option<(usize, &'a str)> {
    expansion_with(phrase, acronym).or_else(|| {
        // A final "S" may stand for a plural ("… Technologies and Environments (GAATES)").
        let shorter = acronym.strip_suffix('S').filter(|_| phrase.ends_with('s'))?;
        expansion_with(phrase, shorter)
    })
}

fn expansion_with<'a>(phrase: &'a str, acronym: &str) -> Option<(usize, &'a str)> {
    let letters: Vec<char> = acronym.chars().filter(char::is_ascii_uppercase).collect();
    if letters.len() < 2 {
        return None;
    }
    let starts: Vec<usize> = std::iter::once(0).chain(phrase.match_indices(' ').map(|(i, _)| i + 1)).collect();
    for &start in starts.iter().rev() {
        let tail = &phrase[start..];
        if !tail.starts_with(letters[0]) {
            continue;
        }
        let capitals: Vec<char> = tail.chars().filter(char::is_ascii_uppercase).collect();
        let mut it = capitals.iter();
        if letters.iter().all(|l| it.any(|c| c == l)) && tail.split_whitespace().count() >= 2 {
            return Some((start, tail));
        }
    }
    None
}

/// "the Riyadh Dialogue process": a named review, process, summit, forum or initiative that no
/// curated file knows becomes a new process under the name written.
fn generic_processes(text: &str, lexicon: &Lexicon, out: &mut Vec<Mention>, reserved: &[Span]) {
    for caps in THE_X_HEAD.captures_iter(text) {
        let name = caps.get(1).unwrap();
        let whole = name.start()..caps.get(2).unwrap().end();
        if out.iter().any(|m| m.span.start < whole.end && whole.start < m.span.end)
            || reserved.iter().any(|r| r.start < whole.end && whole.start < r.end)
        {
            continue;
        }
        if name.as_str().split_whitespace().all(|w| GENERIC_WORDS.contains(&w)) || lexicon.lookup(name.as_str()).is_some() {
            continue;
        }
        let head = &caps[2];
        let mut head_title = head.to_owned();
        head_title[..1].make_ascii_uppercase();
        let label = format!("{} {}", name.as_str(), head_title);
        if lexicon.lookup(&label).is_some() {
            continue;
        }
        out.push(Mention {
            kind: EntityKind::Process,
            surface: text[whole.clone()].to_owned(),
            span: whole,
            target: Target::New { label, classification: None },
            rule: "named-process",
        });
    }
}

/// "the Pact" after "Pact for the Future": a process already named in the document may be
/// referred to by its head noun alone, when no other process mentioned shares that head.
fn short_forms(text: &str, lexicon: &Lexicon, out: &mut Vec<Mention>, reserved: &[Span]) {
    const TOO_GENERIC: &[&str] = &[
        "meeting", "process", "review", "event", "forum", "track", "session", "consultation", "summit", "panel",
        "group", "report", "paper", "agenda", "goals", "dialogue", "conference", "initiative", "plan",
    ];
    let mut heads: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    let mut first_seen: BTreeMap<String, usize> = BTreeMap::new();
    for m in out.iter().filter(|m| m.kind == EntityKind::Process) {
        let Target::Curated { iri } = &m.target else { continue };
        let Some(idx) = lexicon.by_iri(iri) else { continue };
        let label = &lexicon.entry(idx).label;
        let words: Vec<&str> = label.split_whitespace().collect();
        let head = words
            .iter()
            .position(|w| matches!(*w, "for" | "of" | "on" | "in"))
            .and_then(|p| p.checked_sub(1))
            .map_or(words.last().copied(), |p| words.get(p).copied())
            .unwrap_or("")
            .to_lowercase();
        if head.len() < 4 || TOO_GENERIC.contains(&head.as_str()) {
            continue;
        }
        heads.entry(head.clone()).or_default().insert(iri.clone());
        let seen = first_seen.entry(head).or_insert(m.span.end);
        *seen = (*seen).min(m.span.end);
    }
    // ASCII lower-casing keeps byte offsets valid in `text` (Unicode lower-casing may not).
    let lower = text.to_ascii_lowercase();
    for (head, iris) in heads {
        if iris.len() != 1 {
            continue;
        }
        let iri = iris.into_iter().next().unwrap_or_default();
        let needle = format!("the {head}");
        for pos in memchr::memmem::find_iter(lower.as_bytes(), needle.as_bytes()) {
            let start = pos + 4;
            let end = start + head.len();
            if start < first_seen[&head] || !crate::lexicon::boundary_before(text.as_bytes(), pos) || !crate::lexicon::boundary_after(text.as_bytes(), end) {
                continue;
            }
            if out.iter().any(|m| m.span.start < end && start < m.span.end) || reserved.iter().any(|r| r.start < end && start < r.end) {
                continue;
            }
            out.push(curated(text, start, end, &iri, EntityKind::Process, "short-form"));
        }
    }
}

/// "The Secretariat will circulate …", "the secretariat has asked", "Secretariat to publish …":
/// a secretariat named by its head word alone is the one the document names in full ("the
/// Uganda IGF Secretariat"), else the one curated secretariat of something the document names
/// ("IGF Secretariat" where the text names the IGF). Where either is not one, it is nobody.
fn bare_secretariats(text: &str, lexicon: &Lexicon, out: &mut Vec<Mention>, reserved: &[Span]) {
    const HEAD: &str = " Secretariat";
    let bytes = text.as_bytes();
    let overlaps = |s: &Span, t: &Span| s.start < t.end && t.start < s.end;
    static FINDER: LazyLock<memchr::memmem::Finder> = LazyLock::new(|| memchr::memmem::Finder::new("ecretariat"));
    let bare: Vec<Span> = FINDER
        .find_iter(bytes)
        .filter_map(|at| {
            let (start, end) = (at.checked_sub(1)?, at + 10);
            // An ASCII "S" first: `start` is then a character boundary to cut the text at.
            let word = matches!(bytes[start], b'S' | b's') && crate::lexicon::boundary_before(bytes, start) && crate::lexicon::boundary_after(bytes, end);
            if !word {
                return None;
            }
            // After "the", or opening its line (an action item); "Secretariat of …" is a full name.
            let before = text[..start].trim_end_matches([' ', '\t']);
            let after_the = before.strip_suffix("the").or_else(|| before.strip_suffix("The")).is_some_and(|b| crate::lexicon::boundary_before(bytes, b.len()));
            let opens_line = before.is_empty() || before.ends_with(['\n', '-', '*', '•', ':']);
            ((after_the || opens_line) && !text[end..].starts_with(" of ")).then_some(start..end)
        })
        .filter(|s| !out.iter().any(|m| overlaps(&m.span, s)) && !reserved.iter().any(|r| overlaps(r, s)))
        .collect();
    if bare.is_empty() {
        return;
    }
    let is_secretariat = |m: &Mention| match &m.target {
        Target::Curated { iri } => lexicon.by_iri(iri).is_some_and(|i| lexicon.entry(i).label.ends_with(HEAD)),
        Target::New { label, .. } => label.ends_with(HEAD),
        Target::Person { .. } => false,
    };
    let mut named: Vec<Target> = out.iter().filter(|m| m.kind == EntityKind::Organisation && is_secretariat(m)).map(|m| m.target.clone()).collect();
    named.sort();
    named.dedup();
    if named.is_empty() {
        named = lexicon
            .secretariats()
            .iter()
            .filter(|(owner, _)| memchr::memmem::find_iter(bytes, owner.as_bytes()).any(|p| crate::lexicon::boundary_before(bytes, p) && crate::lexicon::boundary_after(bytes, p + owner.len())))
            .map(|&(_, idx)| Target::Curated { iri: lexicon.entry(idx).iri.clone() })
            .collect();
    }
    let [target] = named.as_slice() else { return };
    for span in bare {
        out.push(Mention { kind: EntityKind::Organisation, surface: text[span.clone()].to_owned(), span, target: target.clone(), rule: "bare-secretariat" });
    }
}

/// This module's line patterns, for the check that each matches as a whole-text search does
/// (`extract::tests`).
#[cfg(test)]
pub(super) fn line_patterns() -> Vec<(&'static str, &'static LineRegex)> {
    vec![("POSSESSIVE_GOVERNMENT", &*POSSESSIVE_GOVERNMENT), ("PARLIAMENT", &*PARLIAMENT), ("ACADEMIC", &*ACADEMIC), ("ACRONYM_DEFINITION", &*ACRONYM_DEFINITION), ("NAMED_COMMITTEE", &*NAMED_COMMITTEE), ("THE_X_HEAD", &*THE_X_HEAD)]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TTL: &str = r#"
@prefix gg: <https://w3id.org/govgraph/ns#> . @prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ggid: <https://w3id.org/govgraph/id/> .
ggid:process\/pact a gg:Process ; rdfs:label "Pact for the Future" .
ggid:process\/rdc a gg:Process ; rdfs:label "Roadmap for Digital Cooperation" .
ggid:org\/pga a org:Organization ; rdfs:label "President of the General Assembly" ; skos:altLabel "President of GA" .
ggid:org\/unga a org:Organization ; rdfs:label "United Nations General Assembly" ; skos:altLabel "GA", "UNGA" .
ggid:org\/eth a org:Organization ; rdfs:label "Government of Ethiopia" ; skos:altLabel "Ethiopia", "Ethiopian Government" ;
   org:classification gg:Government .
ggid:org\/sa a org:Organization ; rdfs:label "Government of Saudi Arabia" ; skos:altLabel "Saudi Arabia", "Saudi Government" ;
   org:classification gg:Government .
ggid:org\/mag a org:Organization ; rdfs:label "Multistakeholder Advisory Group" ; skos:altLabel "MAG" .
ggid:org\/yigf a org:Organization ; rdfs:label "Youth Internet Governance Forum" ; skos:altLabel "Youth IGF" .
ggid:org\/eca a org:Organization ; rdfs:label "Economic Commission for Africa" .
ggid:org\/igfs a org:Organization ; rdfs:label "IGF Secretariat" .
ggid:org\/wsis a org:Organization ; rdfs:label "WSIS Secretariat" .
"#;

    #[test]
    fn a_bare_secretariat_is_the_one_the_document_names() {
        // Named in full elsewhere in the document (here by the national-IGF pattern).
        check(
            "The Ethiopia IGF Secretariat met. The Secretariat will circulate the notes.\n- Secretariat to publish them.",
            &["Ethiopia IGF Secretariat => new:Ethiopia IGF Secretariat (national-igf)", "Secretariat => new:Ethiopia IGF Secretariat (bare-secretariat)", "Secretariat => new:Ethiopia IGF Secretariat (bare-secretariat)"],
        );
        // Not named: the one curated secretariat of something the text names.
        check("The IGF programme is ready; the secretariat has asked for comments.", &["secretariat => IGF Secretariat (bare-secretariat)"]);
        // Two candidates, a secretariat inside another name, or "Secretariat of …": nobody.
        check("The IGF and WSIS calendars: the Secretariat will merge them.", &[]);
        check("The MAG Secretariat met.", &["MAG => Multistakeholder Advisory Group (lexicon)"]);
        // A letter of two bytes before "ecretariat" (found by the fuzz test).
        check("The IGF and the Ŝecretariat.", &[]);
    }

    /// `surface => label (rule)` for every mention, sorted by position.
    fn check(text: &str, expected: &[&str]) {
        let lexicon = Lexicon::from_turtle(&[("t.ttl".into(), TTL.into())]).unwrap();
        let got: Vec<String> = find(text, &lexicon, &[], &BTreeMap::new())
            .0
            .iter()
            .map(|m| {
                let label = match &m.target {
                    Target::Curated { iri } => lexicon.entry(lexicon.by_iri(iri).unwrap()).label.clone(),
                    Target::New { label, .. } => format!("new:{label}"),
                    Target::Person { name } => name.name.clone(),
                };
                format!("{} => {} ({})", m.surface, label, m.rule)
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_national_igf_is_named_by_its_country() {
        check(
            "The 2024 Ethiopia IGF, hosted by the Ethiopian Internet Governance Forum Secretariat, fed into IGF-Saudi Arabia and the Riyadh IGF.",
            &[
                "Ethiopia IGF => new:Ethiopia Internet Governance Forum (national-igf)",
                "Ethiopian Internet Governance Forum Secretariat => new:Ethiopia IGF Secretariat (national-igf)",
                "IGF-Saudi Arabia => new:Saudi Arabia Internet Governance Forum (national-igf)",
            ],
        );
    }

    #[test]
    fn a_capitalised_name_ending_in_a_word_for_a_body_is_an_organisation() {
        check(
            "A Director at the Ethiopian Communications Authority spoke, as did the National Council, the UN Economic Commission for Africa and the Global Commission on the Stability of Cyberspace.",
            &[
                "Ethiopian Communications Authority => new:Ethiopian Communications Authority (body-name)",
                "Economic Commission for Africa => Economic Commission for Africa (lexicon)",
                "Global Commission on the Stability of Cyberspace => new:Global Commission on the Stability of Cyberspace (body-name)",
            ],
        );
    }

    #[test]
    fn a_national_counterpart_of_a_curated_body_is_another_body() {
        check(
            "The Local Multistakeholder Advisory Group met the MAG, the Ethiopia Youth IGF, the Youth IGF Saudi Arabia and the Youth IGF.",
            &[
                "Local Multistakeholder Advisory Group => new:Local Multistakeholder Advisory Group (qualified-name)",
                "MAG => Multistakeholder Advisory Group (lexicon)",
                "Ethiopia Youth IGF => new:Ethiopia Youth IGF (qualified-name)",
                "Youth IGF Saudi Arabia => new:Youth IGF Saudi Arabia (qualified-name)",
                "Youth IGF => Youth Internet Governance Forum (lexicon)",
            ],
        );
    }

    #[test]
    fn committees_named_by_what_they_serve_are_organisations() {
        check(
            "The West Africa IGF Organising Committee met. The Programme Committee agreed, as did the EuroDIG Multi-Stakeholder Steering Group and the Kenya IGF Steering Committee on Youth.",
            &[
                "West Africa IGF Organising Committee => new:West Africa IGF Organising Committee (named-body)",
                "EuroDIG Multi-Stakeholder Steering Group => new:EuroDIG Multi-Stakeholder Steering Group (named-body)",
                "Kenya IGF Steering Committee on Youth => new:Kenya IGF Steering Committee on Youth (named-body)",
            ],
        );
    }

    #[test]
    fn nested_organisations_and_defined_acronyms() {
        check(
            "It went to the President of GA (PGA) and now is with the PGA.",
            &[
                "President of GA => President of the General Assembly (lexicon)",
                "GA => United Nations General Assembly (nested-of)",
                "PGA => President of the General Assembly (acronym-in-text)",
                "PGA => President of the General Assembly (acronym-in-text)",
            ],
        );
    }

    #[test]
    fn unknown_expansions_become_entities_by_head_noun() {
        check(
            "The Internet Society Foundation (ISF) and the Riyadh Dialogue Initiative (RDI) met; ISF agreed.",
            &[
                "Internet Society Foundation => new:Internet Society Foundation (acronym-expansion)",
                "ISF => new:Internet Society Foundation (acronym-in-text)",
                "Riyadh Dialogue Initiative => new:Riyadh Dialogue Initiative (acronym-expansion)",
                "RDI => new:Riyadh Dialogue Initiative (acronym-in-text)",
                "ISF => new:Internet Society Foundation (acronym-in-text)",
            ],
        );
    }

    #[test]
    fn an_acronym_may_end_in_a_plural_s() {
        check(
            "The Global Alliance on Accessible Technologies and Environments (GAATES) wrote.",
            &[
                "Global Alliance on Accessible Technologies and Environments => new:Global Alliance on Accessible Technologies and Environments (acronym-expansion)",
                "GAATES => new:Global Alliance on Accessible Technologies and Environments (acronym-in-text)",
            ],
        );
    }

    #[test]
    fn text_whose_lower_case_is_longer_does_not_break_offsets() {
        // "İ" lower-cases to two characters: offsets found in a lower-cased copy must still fit.
        check(
            "İİİİ The pact for the future. İstanbul: the Pact is near.",
            &["pact for the future => Pact for the Future (lexicon)", "Pact => Pact for the Future (short-form)"],
        );
    }

    #[test]
    fn countries_act_as_governments_but_not_as_places() {
        check(
            "Ethiopia proposed dates for the meeting in Ethiopia; the Saudi Parliament was renewed.",
            &["Ethiopia => Government of Ethiopia (lexicon)", "Saudi Parliament => new:Parliament of Saudi Arabia (parliament)"],
        );
    }

    #[test]
    fn bodies_named_in_french_open_with_their_head() {
        check(
            "Aïcha Ben Salah, director general of the Agence Tunisienne d'Internet, and the Ministère de la Communication, des Télécommunications et du Numérique met at the Université Cheikh Anta Diop de Dakar. Agenced Foo is no body.",
            &[
                "Agence Tunisienne d'Internet => new:Agence Tunisienne d'Internet (body-name)",
                "Ministère de la Communication, des Télécommunications et du Numérique => new:Ministère de la Communication, des Télécommunications et du Numérique (body-name)",
                "Université Cheikh Anta Diop de Dakar => new:Université Cheikh Anta Diop de Dakar (body-name)",
            ],
        );
    }

    #[test]
    fn generic_forms_of_governments_ministries_and_universities() {
        check(
            "Kenya's government, the Government of Ruritania, the Ministry of Digital Affairs and the University of Aarhus.",
            &[
                "Government of Ruritania => new:Government of Ruritania (government-of)",
                "Ministry of Digital Affairs => new:Ministry of Digital Affairs (ministry)",
                "University of Aarhus => new:University of Aarhus (academic-name)",
            ],
        );
    }

    #[test]
    fn a_process_named_once_may_be_called_by_its_head_noun() {
        check(
            "The pact for the future is near. The structure of the Pact is a concern; the roadmap too.",
            &["pact for the future => Pact for the Future (lexicon)", "Pact => Pact for the Future (short-form)"],
        );
    }
}
