//! Lexicon: curated domain data (`data/*.ttl`) → names the extractor can find in text.
//!
//! This is the only reader of domain data. It loads the embedded Turtle files plus any `.ttl`
//! a user adds (`--data DIR`), keeps their quads for the curated graph, and compiles every
//! label of every process and organisation into one Aho-Corasick automaton, so that finding
//! all known names in a document is a single pass over its text.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{NamedNode, Quad, Term};
// FxHash, not std's keyed SipHash: extraction looks names up for every capitalised word, and
// nothing here depends on the maps' iteration order.
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::vocab;

/// The kind of thing an entity is; each kind has its own IRI space and class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organisation,
    Process,
}

impl EntityKind {
    /// The IRI path segment of this kind (`person`, `org`, `process`).
    pub fn segment(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "org",
            EntityKind::Process => "process",
        }
    }
}

/// One curated process or organisation.
#[derive(Debug, Clone)]
pub struct Entry {
    pub iri: String,
    pub kind: EntityKind,
    pub label: String,
    pub alt_labels: Vec<String>,
    pub hidden_labels: Vec<String>,
    /// `org:classification` (stakeholder group), when curated.
    pub classification: Option<String>,
    /// `dcterms:isPartOf` or `org:subOrganizationOf` targets.
    pub parents: Vec<String>,
    /// Which file stated it, for `explain`.
    pub source: String,
}

impl Entry {
    /// A government's country name: "Switzerland" for "Government of Switzerland".
    pub fn country(&self) -> Option<&str> {
        if self.classification.as_deref() != Some(vocab::gg::GOVERNMENT.as_str()) {
            return None;
        }
        let rest = self.label.strip_prefix("Government of ")?;
        Some(rest.strip_prefix("the ").unwrap_or(rest))
    }

    /// Every name of the entry: label, alternative and hidden labels.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.label.as_str())
            .chain(self.alt_labels.iter().map(String::as_str))
            .chain(self.hidden_labels.iter().map(String::as_str))
    }
}

/// Why the curated data could not be loaded. Every variant names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconError {
    #[error("{file}: invalid Turtle: {message}")]
    Syntax { file: String, message: String },
    #[error("{path}: cannot read: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{file}: {name:?} is a label of both {first} and {second}; labels must name one entity")]
    Ambiguous { file: String, name: String, first: String, second: String },
}

/// A known name found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexMatch {
    /// Byte span in the searched text.
    pub start: usize,
    pub end: usize,
    /// Index of the entry (see [`Lexicon::entry`]).
    pub entry: usize,
}

/// Curated names compiled for matching, plus the curated quads themselves.
pub struct Lexicon {
    entries: Vec<Entry>,
    quads: Vec<Quad>,
    by_name: HashMap<String, usize>,
    by_iri: HashMap<String, usize>,
    /// Every name, ASCII-lower-cased, searched in an ASCII-lower-cased copy of the text (the
    /// same byte offsets): one pass finds both kinds of name.
    names: AhoCorasick,
    /// The entry of each pattern.
    pattern_entries: Vec<usize>,
    /// For a single-token name, the case it must also have in the text ("GDC", not "gdc").
    pattern_case: Vec<Option<String>>,
    /// Demonym ("Swiss") → government entry, derived from "<Demonym> Government" labels.
    demonyms: HashMap<String, usize>,
    /// The names (keys) of the stakeholder groups (`gg:CivilSociety`, …): "Civil Society" in
    /// "Ms. X (Civil Society, African Group)" names a group, not an organisation.
    stakeholder_groups: std::collections::HashSet<String>,
    /// Organisations labelled "<Owner> Secretariat" ("IGF Secretariat"), with their owner's
    /// name: what a bare "the Secretariat" may mean.
    secretariats: Vec<(String, usize)>,
}

impl Lexicon {
    /// Loads the embedded data files, then every `.ttl` in `dirs`; a user file with the name of an
    /// embedded one replaces it.
    pub fn load(dirs: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        let mut files: BTreeMap<String, String> =
            crate::defaults::DATA.iter().map(|(n, t)| ((*n).to_owned(), (*t).to_owned())).collect();
        let mut user: Vec<(String, String)> = Vec::new();
        for dir in dirs {
            let mut found = Vec::new();
            let read = std::fs::read_dir(dir).map_err(|source| LexiconError::Io { path: dir.clone(), source })?;
            for entry in read.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "ttl") {
                    found.push(path);
                }
            }
            found.sort();
            for path in found {
                let text = std::fs::read_to_string(&path)
                    .map_err(|source| LexiconError::Io { path: path.clone(), source })?;
                let name = file_name(&path);
                if let std::collections::btree_map::Entry::Occupied(mut e) = files.entry(name) {
                    e.insert(text);
                } else {
                    user.push((path.display().to_string(), text));
                }
            }
        }
        let mut sources: Vec<(String, String)> = files.into_iter().collect();
        sources.extend(user);
        Lexicon::from_turtle(&sources)
    }

    /// Builds a lexicon from Turtle texts given as (file name, content).
    pub fn from_turtle(sources: &[(String, String)]) -> Result<Lexicon, LexiconError> {
        let mut quads = Vec::new();
        let mut origin: HashMap<String, String> = HashMap::default();
        for (file, text) in sources {
            // Blank nodes get random labels from the parser; they are replaced by skolem IRIs
            // numbered in the order they appear, so the curated graph is the same on every load.
            let stem: String = file.rsplit('/').next().unwrap_or(file).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
            let mut skolem: HashMap<String, NamedNode> = HashMap::default();
            let mut skolemise = |b: &oxigraph::model::BlankNode| -> NamedNode {
                let n = skolem.len();
                skolem
                    .entry(b.as_str().to_owned())
                    .or_insert_with(|| NamedNode::new_unchecked(format!("{}.well-known/genid/{stem}-{n}", crate::vocab::DEFAULT_BASE)))
                    .clone()
            };
            let parser = RdfParser::from_format(RdfFormat::Turtle).for_slice(text.as_bytes());
            for quad in parser {
                let mut quad = quad.map_err(|e| LexiconError::Syntax { file: file.clone(), message: e.to_string() })?;
                if let oxigraph::model::NamedOrBlankNode::BlankNode(b) = &quad.subject {
                    quad.subject = skolemise(b).into();
                }
                if let Term::BlankNode(b) = &quad.object {
                    quad.object = skolemise(b).into();
                }
                origin.entry(quad.subject.to_string()).or_insert_with(|| file.clone());
                quads.push(quad);
            }
        }
        let entries = entries_from(&quads, &origin);
        Lexicon::compile(entries, quads)
    }

    fn compile(entries: Vec<Entry>, quads: Vec<Quad>) -> Result<Lexicon, LexiconError> {
        let mut by_name: HashMap<String, usize> = HashMap::default();
        let mut by_iri = HashMap::default();
        let mut patterns = Vec::new();
        let mut pattern_entries = Vec::new();
        let mut pattern_case = Vec::new();
        let mut demonyms = HashMap::default();
        let mut patterns_seen = std::collections::HashSet::new();
        for (idx, entry) in entries.iter().enumerate() {
            by_iri.insert(entry.iri.clone(), idx);
            for name in entry.names() {
                let key = name_key(name);
                if key.is_empty() {
                    continue;
                }
                if let Some(&other) = by_name.get(&key)
                    && other != idx {
                        return Err(LexiconError::Ambiguous {
                            file: entry.source.clone(),
                            name: name.to_owned(),
                            first: entries[other].iri.clone(),
                            second: entry.iri.clone(),
                        });
                    }
                by_name.insert(key, idx);
                // Variants that differ only in case or punctuation ("NETMundial", "Secretary General")
                // are patterns of their own: single tokens match exactly.
                if !patterns_seen.insert(name.to_owned()) {
                    continue;
                }
                let mut add = |case: Option<String>| {
                    patterns.push(name.to_ascii_lowercase());
                    pattern_entries.push(idx);
                    pattern_case.push(case);
                };
                if is_single_token(name) {
                    add(Some(name.to_owned()));
                    if name.chars().any(|c| c.is_ascii_digit()) && name.to_lowercase() != name {
                        add(Some(name.to_lowercase()));
                    }
                } else {
                    add(None);
                }
                if entry.country().is_some()
                    && let Some(demonym) = name.strip_suffix(" Government")
                        && (is_single_token(demonym) || demonym.split(' ').all(starts_upper)) {
                            demonyms.insert(demonym.to_owned(), idx);
                        }
            }
        }
        // A DFA: with a few thousand names the default (a contiguous NFA) made finding every name
        // in a document several times slower; the DFA costs a few MB and finds the same matches.
        // Its prefilter, on by default, made the search slower on running text (measured).
        let names = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(&patterns)
            .expect("curated names compile into an automaton");
        let groups = [
            vocab::gg::GOVERNMENT,
            vocab::gg::INTERGOVERNMENTAL,
            vocab::gg::CIVIL_SOCIETY,
            vocab::gg::PRIVATE_SECTOR,
            vocab::gg::TECHNICAL_COMMUNITY,
            vocab::gg::ACADEMIA,
        ];
        let label_predicates = [vocab::rdfs::LABEL, vocab::skos::PREF_LABEL, vocab::skos::ALT_LABEL];
        let stakeholder_groups = quads
            .iter()
            .filter(|q| groups.iter().any(|g| q.subject.as_ref() == (*g).into()) && label_predicates.contains(&q.predicate.as_ref()))
            .filter_map(|q| if let Term::Literal(l) = &q.object { Some(name_key(l.value())) } else { None })
            .collect();
        let secretariats = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Organisation)
            .filter_map(|(idx, e)| Some((e.label.strip_suffix(" Secretariat")?.to_owned(), idx)))
            .collect();
        Ok(Lexicon { entries, quads, by_name, by_iri, names, pattern_entries, pattern_case, demonyms, stakeholder_groups, secretariats })
    }

    /// The curated secretariats and the names of what each serves: ("IGF", IGF Secretariat).
    pub fn secretariats(&self) -> &[(String, usize)] {
        &self.secretariats
    }

    /// All curated entries, in a stable order (sorted by IRI).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn entry(&self, idx: usize) -> &Entry {
        &self.entries[idx]
    }

    /// The curated quads, to be stored in the curated graph.
    pub fn quads(&self) -> &[Quad] {
        &self.quads
    }

    /// The entry one of whose names is `name` (compared ignoring case, accents and punctuation).
    pub fn lookup(&self, name: &str) -> Option<usize> {
        self.by_name.get(&name_key(name)).copied()
    }

    /// The entry with this IRI.
    pub fn by_iri(&self, iri: &str) -> Option<usize> {
        self.by_iri.get(iri).copied()
    }

    /// True when `name` names a stakeholder group ("Civil Society", "Private sector").
    pub fn is_stakeholder_group(&self, name: &str) -> bool {
        self.stakeholder_groups.contains(&name_key(name))
    }

    /// The government whose demonym is `word` ("Swiss" → Government of Switzerland).
    pub fn government_by_demonym(&self, word: &str) -> Option<usize> {
        self.demonyms.get(word).copied()
    }

    /// Every known name in `text`, on word boundaries, longest first where names overlap.
    ///
    /// Multi-word names match ignoring ASCII case ("pact for the future"); single tokens match
    /// exactly ("GDC", not "gdc"), so short acronyms do not fire inside ordinary words. An
    /// acronym followed by a plural "s" ("NRIs") still matches. A name may run over a line end.
    pub fn find_all(&self, text: &str) -> Vec<LexMatch> {
        let mut candidates = Vec::new();
        let bytes = text.as_bytes();
        let mut push = |start: usize, mut end: usize, entry: usize, acronym_plural: bool| {
            if !boundary_before(bytes, start) {
                return;
            }
            if acronym_plural && bytes.get(end) == Some(&b's') && boundary_after(bytes, end + 1) {
                end += 1;
            } else if !boundary_after(bytes, end) {
                return;
            }
            candidates.push(LexMatch { start, end, entry });
        };
        let mut folded = bytes.to_ascii_lowercase();
        // A name wrapped onto the next line ("the Global Digital\nCompact", as e-mail wraps
        // it) is still one name; a blank line still parts two.
        for at in memchr::memchr_iter(b'\n', bytes) {
            if bytes.get(at + 1) != Some(&b'\n') && (at == 0 || bytes[at - 1] != b'\n') {
                folded[at] = b' ';
            }
        }
        for m in self.names.find_overlapping_iter(&folded) {
            let pattern = m.pattern().as_usize();
            let entry = self.pattern_entries[pattern];
            match &self.pattern_case[pattern] {
                None => push(m.start(), m.end(), entry, false),
                Some(case) if bytes[m.range()] == *case.as_bytes() => {
                    let acronym = case.len() >= 2 && case.chars().all(|c| c.is_ascii_uppercase());
                    push(m.start(), m.end(), entry, acronym);
                }
                Some(_) => {}
            }
        }
        select_longest(candidates)
    }
}

/// Keeps the longest of overlapping matches, scanning left to right.
pub fn select_longest(mut candidates: Vec<LexMatch>) -> Vec<LexMatch> {
    candidates.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)).then(a.entry.cmp(&b.entry)));
    let mut out: Vec<LexMatch> = Vec::new();
    for c in candidates {
        if out.last().is_some_and(|last| c.start < last.end) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The normal form names are compared in: NFKD without accents, case-folded, punctuation as
/// single spaces, `+` kept ("WSIS+20" ≠ "WSIS 20").
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    // ASCII is its own NFKD form and has no combining marks: the same rule, without the
    // decomposition, which was most of the cost of resolving a large corpus.
    if name.is_ascii() {
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() || b == b'+' {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                space = true;
            }
        }
        return out;
    }
    unicode_key(name)
}

/// [`name_key`] for any text: NFKD, combining marks dropped, lower case, words joined by spaces.
fn unicode_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if c.is_alphanumeric() || c == '+' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// True for a byte position that a name may start at: the text start or after a non-word character.
pub fn boundary_before(bytes: &[u8], start: usize) -> bool {
    start == 0 || !is_word_byte(bytes[start - 1])
}

/// True for a byte position a name may end at: the text end or before a non-word character.
pub fn boundary_after(bytes: &[u8], end: usize) -> bool {
    end >= bytes.len() || !is_word_byte(bytes[end])
}

/// Letters, digits, `+` and any non-ASCII byte (part of a letter) belong to words.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'_' || b >= 0x80
}

fn is_single_token(name: &str) -> bool {
    !name.contains(' ')
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Collects processes and organisations with their names and relations from curated quads.
fn entries_from(quads: &[Quad], origin: &HashMap<String, String>) -> Vec<Entry> {
    let mut kinds: BTreeMap<String, EntityKind> = BTreeMap::new();
    for q in quads {
        if q.predicate.as_ref() == vocab::rdf::TYPE
            && let (Some(s), Term::NamedNode(class)) = (subject_iri(q), &q.object) {
                if class.as_ref() == vocab::gg::PROCESS {
                    kinds.insert(s, EntityKind::Process);
                } else if class.as_ref() == vocab::org::ORGANIZATION {
                    kinds.entry(s).or_insert(EntityKind::Organisation);
                } else if class.as_ref() == vocab::foaf::PERSON {
                    kinds.entry(s).or_insert(EntityKind::Person);
                }
            }
    }
    let mut entries: BTreeMap<String, Entry> = kinds
        .iter()
        .map(|(iri, kind)| {
            let entry = Entry {
                iri: iri.clone(),
                kind: *kind,
                label: String::new(),
                alt_labels: Vec::new(),
                hidden_labels: Vec::new(),
                classification: None,
                parents: Vec::new(),
                source: origin.get(&format!("<{iri}>")).cloned().unwrap_or_default(),
            };
            (iri.clone(), entry)
        })
        .collect();
    for q in quads {
        let Some(s) = subject_iri(q) else { continue };
        let Some(entry) = entries.get_mut(&s) else { continue };
        let p = q.predicate.as_ref();
        match &q.object {
            Term::Literal(lit) => {
                let value = lit.value().to_owned();
                if p == vocab::rdfs::LABEL || p == vocab::skos::PREF_LABEL {
                    if entry.label.is_empty() {
                        entry.label = value;
                    } else if entry.label != value {
                        entry.alt_labels.push(value);
                    }
                } else if p == vocab::skos::ALT_LABEL || p == vocab::foaf::NAME {
                    entry.alt_labels.push(value);
                } else if p == vocab::skos::HIDDEN_LABEL {
                    entry.hidden_labels.push(value);
                }
            }
            Term::NamedNode(o) => {
                if p == vocab::org::CLASSIFICATION {
                    entry.classification = Some(o.as_str().to_owned());
                } else if p == vocab::dcterms::IS_PART_OF || p == vocab::org::SUB_ORGANIZATION_OF {
                    entry.parents.push(o.as_str().to_owned());
                }
            }
            _ => {}
        }
    }
    entries
        .into_values()
        .filter(|e| !e.label.is_empty())
        .map(|mut e| {
            e.alt_labels.sort();
            e.alt_labels.dedup();
            e.hidden_labels.sort();
            e.hidden_labels.dedup();
            e
        })
        .collect()
}

fn subject_iri(q: &Quad) -> Option<String> {
    match &q.subject {
        oxigraph::model::NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// The IRI of a curated entity as an Oxigraph node.
pub fn node(iri: &str) -> NamedNode {
    NamedNode::new_unchecked(iri)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TTL: &str = r#"
@prefix gg: <https://w3id.org/govgraph/ns#> . @prefix org: <http://www.w3.org/ns/org#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ggid: <https://w3id.org/govgraph/id/> .
ggid:process\/gdc a gg:Process ; rdfs:label "Global Digital Compact" ; skos:altLabel "GDC" .
ggid:process\/pact a gg:Process ; rdfs:label "Pact for the Future" .
ggid:process\/wsis a gg:Process ; rdfs:label "World Summit on the Information Society" ; skos:altLabel "WSIS" .
ggid:process\/wsis20 a gg:Process ; rdfs:label "WSIS+20 Review" ; skos:altLabel "WSIS+20" .
ggid:org\/nri a org:Organization ; rdfs:label "National and Regional IGF Initiatives" ; skos:altLabel "NRI" .
ggid:org\/ch a org:Organization ; rdfs:label "Government of Switzerland" ; skos:altLabel "Switzerland", "Swiss Government" ;
    org:classification gg:Government .
"#;

    fn lexicon() -> Lexicon {
        Lexicon::from_turtle(&[("t.ttl".into(), TTL.into())]).unwrap()
    }

    fn found(text: &str) -> Vec<String> {
        let lex = lexicon();
        lex.find_all(text)
            .iter()
            .map(|m| format!("{}={}", &text[m.start..m.end], lex.entry(m.entry).label))
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn ascii_names_get_the_same_key_as_the_unicode_rule(name in "[ -~]{0,40}") {
            proptest::prop_assert_eq!(name_key(&name), unicode_key(&name));
        }
    }

    #[test]
    fn finds_names_on_word_boundaries_longest_first() {
        assert_eq!(
            found("The GDC and the pact for the future; WSIS+20 and wsis+20, not WSIS+ or GDCX or gdc."),
            [
                "GDC=Global Digital Compact",
                "pact for the future=Pact for the Future",
                "WSIS+20=WSIS+20 Review",
                "wsis+20=WSIS+20 Review",
            ]
        );
        assert_eq!(found("NRIs and NRI, but not NRIS"), ["NRIs=National and Regional IGF Initiatives", "NRI=National and Regional IGF Initiatives"]);
        // A name wrapped at a line end is one name; a blank line parts two.
        assert_eq!(found("the Global Digital\nCompact; the Pact for\n\nthe Future"), ["Global Digital\nCompact=Global Digital Compact"]);
    }

    #[test]
    fn governments_expose_country_and_demonym() {
        let lex = lexicon();
        let ch = lex.lookup("swiss government").unwrap();
        assert_eq!(lex.entry(ch).country(), Some("Switzerland"));
        assert_eq!(lex.government_by_demonym("Swiss"), Some(ch));
    }

    #[test]
    fn a_name_shared_by_two_entities_is_an_error_naming_both() {
        let ttl = format!("{TTL}\n<https://w3id.org/govgraph/id/process/other> a gg:Process ; rdfs:label \"Other\" ; skos:altLabel \"gdc\" .");
        let err = Lexicon::from_turtle(&[("x.ttl".into(), ttl)]).err().unwrap();
        assert!(err.to_string().contains("process/other"), "{err}");
    }

    #[test]
    fn syntax_errors_name_the_file() {
        let err = Lexicon::from_turtle(&[("bad.ttl".into(), "this is not turtle".into())]).err().unwrap();
        assert!(err.to_string().starts_with("bad.ttl: invalid Turtle"), "{err}");
    }
}
