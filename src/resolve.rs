//! Resolve: every document's mentions → entities with stable IRIs, and the reason for each.
//!
//! Resolution is deterministic (the same documents give the same entities, whatever their
//! order) and explainable: every surface form records why it became the entity it did —
//! a curated name, a nickname given in a text, a first name that is unique in its document,
//! a close misspelling of a known name, a user's correction. It indexes names by their
//! first and last words, so it never compares every name with every other.

use rayon::prelude::*;
// FxHash, not std's keyed SipHash: these maps are looked up millions of times per build with
// keys from the documents themselves (no adversary to guard against), and nothing here depends
// on their iteration order.
use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::extract::{Extraction, Strength, Target};
use crate::lexicon::{name_key, EntityKind, Lexicon};

/// One real-world thing: a person, organisation or process.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Entity {
    pub iri: String,
    pub kind: EntityKind,
    /// Canonical display name (`rdfs:label`).
    pub label: String,
    /// Other surface forms seen in documents (`skos:altLabel`).
    pub alt_labels: BTreeSet<String>,
    /// Misspellings seen in documents (`skos:hiddenLabel`).
    pub hidden_labels: BTreeSet<String>,
    /// Stakeholder group, for organisations found by a pattern ("Government of X").
    pub classification: Option<String>,
    /// Known from the curated data (its description lives in the curated graph).
    pub curated: bool,
}

/// Why a surface form resolved as it did.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Resolution {
    pub surface: String,
    pub kind: EntityKind,
    /// The entity's IRI; `None` for candidates that named nobody known.
    pub iri: Option<String>,
    pub reason: String,
    /// File names of the documents it was seen in.
    pub documents: BTreeSet<String>,
}

/// The result of resolving a corpus.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    /// Entities by IRI.
    pub entities: BTreeMap<String, Entity>,
    /// Per document, per mention: the entity IRI (or `None` when dropped), one shared string
    /// per entity (at 10,000 documents, 1.2 million mentions name 3,000 entities).
    pub mention_iris: Vec<Vec<Option<Arc<str>>>>,
    /// One line per (surface form, entity, reason), for `govgraph explain`.
    pub resolutions: Vec<Resolution>,
    /// Per document, the meeting it reports (see [`meetings`]).
    pub meetings: Vec<Option<MeetingRef>>,
}

/// The meeting a document reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRef {
    /// `{base}meeting/<body>/<date>` (see [`meetings`]).
    pub iri: String,
    /// This document's graph states the meeting's label, start and number: one document per
    /// meeting does, so that each stays single-valued.
    pub states_facts: bool,
    /// What this document's agenda items are named, followed by their position: the meeting's
    /// own (`{iri}/item/`) when its agenda is the meeting's, else its own
    /// (`{iri}/doc-<document id>/item/`; see [`meetings`]).
    pub item_base: String,
}

impl Resolved {
    /// The entity a mention of document `doc` resolved to.
    pub fn entity_of(&self, doc: usize, mention: usize) -> Option<&Entity> {
        self.mention_iris.get(doc)?.get(mention)?.as_ref().and_then(|iri| self.entities.get(&**iri))
    }

    /// The meeting document `doc` reports, if any.
    pub fn meeting_of(&self, doc: usize) -> Option<&MeetingRef> {
        self.meetings.get(doc)?.as_ref()
    }

    /// Every resolution whose surface form matches `name` (ignoring case and accents).
    pub fn explain(&self, name: &str) -> Vec<&Resolution> {
        let key = name_key(name);
        self.resolutions.iter().filter(|r| name_key(&r.surface) == key || r.iri.as_ref().is_some_and(|i| self.entities.get(i).is_some_and(|e| name_key(&e.label) == key))).collect()
    }
}

/// Corrections a user states in `data/aliases.ttl`: "X is the same as Y", "X is not Y".
#[derive(Debug, Clone, Default)]
pub struct Corrections {
    /// Surface-form key → canonical name it must resolve to.
    pub same_as: BTreeMap<String, String>,
    /// Pairs of name keys that must never be merged.
    pub distinct: BTreeSet<(String, String)>,
}

/// The IRI-safe slug of a name: lower-case ASCII, `+` as "plus", other runs as `-`.
pub fn slug(name: &str) -> String {
    let key = name_key(&name.replace('+', " plus "));
    let mut out = String::with_capacity(key.len());
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// Resolves the mentions of all documents.
///
/// With `explain`, [`Resolved::resolutions`] records every (surface form, entity, reason) and
/// the documents it came from, for `govgraph explain`; a build, which stores none of it, skips
/// that bookkeeping (a third of the resolution time at 10,000 documents).
pub fn entities(extractions: &[Extraction], lexicon: &Lexicon, base: &str, corrections: &Corrections, explain: bool) -> Resolved {
    let mut resolved = Resolved::default();
    // (surface, IRI, reason) → indices of the documents it was seen in.
    let mut seen: HashMap<(String, String, String), BTreeSet<usize>> = HashMap::default();
    let people = PeopleIndex::build(extractions, corrections);

    // Each document's distinct mentions are resolved on their own, in parallel; their effects
    // on the shared entities are then applied in document order, so the result does not
    // depend on scheduling.
    let per_document: Vec<(Vec<Outcome>, Vec<usize>)> =
        extractions.par_iter().enumerate().map(|(d, ex)| resolve_document(d, ex, lexicon, base, &people)).collect();
    // Entities in order of first appearance, each with its label's key, found by IRI through
    // one hash lookup per outcome; sorted into `resolved.entities` once at the end.
    let mut slots: HashMap<String, usize> = HashMap::default();
    let mut found: Vec<(Entity, String)> = Vec::new();
    let mut shared_iris: Vec<Arc<str>> = Vec::new();
    for (d, (outcomes, index)) in per_document.into_iter().enumerate() {
        let mut outcome_slots: Vec<Option<usize>> = vec![None; outcomes.len()];
        for (o, outcome_slot) in outcomes.iter().zip(&mut outcome_slots) {
            let Some(iri) = &o.iri else {
                if explain {
                    seen.entry((o.surface.to_owned(), String::new(), o.reason.clone())).or_default().insert(d);
                }
                continue;
            };
            let slot = match slots.get(iri) {
                Some(&slot) => {
                    let entity = &mut found[slot].0;
                    if o.fill_classification && entity.classification.is_none() {
                        entity.classification = o.seed.classification().map(str::to_owned);
                    }
                    slot
                }
                None => {
                    slots.insert(iri.clone(), found.len());
                    let entity = o.seed.entity(iri, lexicon);
                    let label_key = name_key(&entity.label);
                    found.push((entity, label_key));
                    shared_iris.push(Arc::from(iri.as_str()));
                    found.len() - 1
                }
            };
            *outcome_slot = Some(slot);
            let (entity, label_key) = &mut found[slot];
            if o.surface_key != *label_key && !o.surface_form.is_empty() {
                let labels = if o.hidden { &mut entity.hidden_labels } else { &mut entity.alt_labels };
                if !labels.contains(&o.surface_form) {
                    labels.insert(o.surface_form.clone());
                }
            }
            if let Some(nick) = &o.nickname
                && !entity.alt_labels.contains(nick)
            {
                entity.alt_labels.insert(nick.clone());
            }
            if explain {
                seen.entry((o.surface.to_owned(), iri.clone(), o.reason.clone())).or_default().insert(d);
            }
        }
        resolved.mention_iris.push(index.into_iter().map(|i| outcome_slots[i].map(|slot| Arc::clone(&shared_iris[slot]))).collect());
    }
    resolved.entities = found.into_iter().map(|(entity, _)| (entity.iri.clone(), entity)).collect();
    // A surface form both alternative and hidden keeps the stronger, alternative, status.
    for entity in resolved.entities.values_mut() {
        let alts = entity.alt_labels.clone();
        entity.hidden_labels.retain(|h| !alts.contains(h));
        let label_key = name_key(&entity.label);
        entity.alt_labels.retain(|a| name_key(a) != label_key);
    }
    let mut seen: Vec<_> = seen.into_iter().collect();
    seen.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    resolved.resolutions = seen
        .into_iter()
        .map(|((surface, iri, reason), documents)| Resolution {
            kind: resolved.entities.get(&iri).map_or(EntityKind::Person, |e| e.kind),
            surface,
            iri: (!iri.is_empty()).then_some(iri),
            reason,
            documents: documents.into_iter().map(|d| extractions[d].file_name.clone()).collect(),
        })
        .collect();
    resolved.meetings = meetings(base, extractions, &resolved);
    resolved
}

/// Which meeting each document reports, and which document states each meeting's
/// single-valued facts.
///
/// A meeting is `{base}meeting/<body>/<yyyy-mm-dd>` (`…/number-<n>` without a date,
/// `…/doc-<id>` without either), so every document about one meeting names one IRI. Such
/// documents may disagree on its number or start time (a summary and a transcript, a corrected
/// version). The one that states the most (a start time, then a number; then the first by file
/// name, which an edit keeps, and by document id) gives the meeting its label, start and
/// number; the others add what may have many values (attendees, agenda items, subjects, their
/// own `prov:wasDerivedFrom`).
///
/// The meeting's agenda is that of the first document in the same order that has one. A
/// document listing the same items (the same titles, compared by [`name_key`], in the same
/// order) adds to the meeting's items; one listing others keeps its items apart, under its own
/// IRIs, so that two accounts never merge different items by their position.
pub fn meetings(base: &str, extractions: &[Extraction], resolved: &Resolved) -> Vec<Option<MeetingRef>> {
    let iris: Vec<Option<String>> = extractions
        .iter()
        .enumerate()
        .map(|(d, ex)| {
            let facts = ex.meeting.as_ref()?;
            let body = facts.body.and_then(|b| resolved.entity_of(d, b));
            let body_slug = body.and_then(|e| e.iri.rsplit('/').next()).unwrap_or("meeting");
            let when = match (facts.date, facts.number) {
                (Some(date), _) => date.to_string(),
                (None, Some(n)) => format!("number-{n}"),
                (None, None) => format!("doc-{}", ex.doc_id),
            };
            Some(format!("{base}meeting/{body_slug}/{when}"))
        })
        .collect();
    // The smallest rank states the meeting.
    let rank = |d: usize| {
        let facts = extractions[d].meeting.as_ref();
        let stated = (facts.is_some_and(|f| f.time_utc.is_some()), facts.is_some_and(|f| f.number.is_some()));
        (std::cmp::Reverse(stated), extractions[d].file_name.as_str(), extractions[d].doc_id.as_str())
    };
    let mut stating: BTreeMap<&str, usize> = BTreeMap::new();
    let mut agenda_from: BTreeMap<&str, usize> = BTreeMap::new();
    for (d, iri) in iris.iter().enumerate() {
        let Some(iri) = iri else { continue };
        stating.entry(iri).and_modify(|best| if rank(d) < rank(*best) { *best = d }).or_insert(d);
        if !extractions[d].agenda.is_empty() {
            agenda_from.entry(iri).and_modify(|best| if rank(d) < rank(*best) { *best = d }).or_insert(d);
        }
    }
    let agenda_key = |d: usize| extractions[d].agenda.iter().map(|item| name_key(&item.title)).collect::<Vec<_>>();
    iris.iter()
        .enumerate()
        .map(|(d, iri)| {
            let iri = iri.as_ref()?;
            let own_agenda = agenda_from.get(iri.as_str()).is_some_and(|&a| a != d && agenda_key(a) != agenda_key(d));
            let item_base = if own_agenda { format!("{iri}/doc-{}/item/", extractions[d].doc_id) } else { format!("{iri}/item/") };
            Some(MeetingRef { iri: iri.clone(), states_facts: stating.get(iri.as_str()) == Some(&d), item_base })
        })
        .collect()
}

/// The IRI of the person named `label`.
fn person_iri(base: &str, label: &str) -> String {
    format!("{base}person/{}", slug(label))
}

/// What one distinct mention of a document resolves to, worked out without shared state.
struct Outcome<'a> {
    /// The words as written (for `explain`).
    surface: &'a str,
    /// The surface as a label, and its name key.
    surface_form: String,
    surface_key: String,
    iri: Option<String>,
    reason: String,
    /// A misspelling, kept as `skos:hiddenLabel`.
    hidden: bool,
    /// How to make the entity, when this mention is the first to name it.
    seed: Seed<'a>,
    /// A pattern-found organisation lends its stakeholder group to an entity that has none.
    fill_classification: bool,
    nickname: Option<String>,
}

/// How an [`Outcome`] would make its entity. Only the first outcome to name an IRI makes it
/// (a few thousand of the million outcomes at 10,000 documents), so the entity's strings are
/// copied then, not for every outcome.
enum Seed<'a> {
    /// A curated entity: its lexicon entry, or the surface as its label when the IRI has none.
    Curated { entry: Option<usize>, kind: EntityKind, surface: &'a str },
    /// An entity found by a pattern, new to the curated data.
    New { kind: EntityKind, label: &'a str, classification: Option<&'a str> },
    /// A person, by canonical name.
    Person { label: &'a str },
    /// The mention names nothing.
    Nothing,
}

impl Seed<'_> {
    /// The entity, named `iri`, as this seed makes it.
    fn entity(&self, iri: &str, lexicon: &Lexicon) -> Entity {
        let (kind, label, classification, curated) = match *self {
            Seed::Curated { entry: Some(i), kind, .. } => {
                let e = lexicon.entry(i);
                (kind, e.label.clone(), e.classification.clone(), true)
            }
            Seed::Curated { entry: None, kind, surface } => (kind, surface.to_owned(), None, true),
            Seed::New { kind, label, classification } => (kind, label.to_owned(), classification.map(str::to_owned), false),
            Seed::Person { label } => (EntityKind::Person, label.to_owned(), None, false),
            Seed::Nothing => (EntityKind::Person, String::new(), None, false),
        };
        Entity { iri: iri.to_owned(), kind, label, alt_labels: BTreeSet::new(), hidden_labels: BTreeSet::new(), classification, curated }
    }

    /// The stakeholder group it would give (see [`Outcome::fill_classification`]).
    fn classification(&self) -> Option<&str> {
        match self {
            Seed::New { classification, .. } => *classification,
            _ => None,
        }
    }
}

/// Resolves the distinct mentions of document `d`: the outcomes in first-mention order, and per
/// mention the index of its outcome. A document repeats its names; a repeat (same words, target
/// and rule) resolves as the first did.
fn resolve_document<'a>(d: usize, ex: &'a Extraction, lexicon: &Lexicon, base: &str, people: &'a PeopleIndex) -> (Vec<Outcome<'a>>, Vec<usize>) {
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut index = Vec::with_capacity(ex.mentions.len());
    let mut done: HashMap<(&Target, &str, &str), usize> = HashMap::default();
    for m in &ex.mentions {
        if let Some(&i) = done.get(&(&m.target, m.surface.as_str(), m.rule)) {
            index.push(i);
            continue;
        }
        let (iri, reason, hidden, seed, fill) = match &m.target {
            Target::Curated { iri } => {
                let idx = lexicon.by_iri(iri);
                let hidden = idx.is_some_and(|i| lexicon.entry(i).hidden_labels.iter().any(|h| name_key(h) == name_key(&m.surface)));
                let why = if m.rule == "lexicon" { "curated name".to_owned() } else { format!("curated entity, found by rule {}", m.rule) };
                (Some(iri.clone()), why, hidden, Seed::Curated { entry: idx, kind: m.kind, surface: &m.surface }, false)
            }
            Target::New { label, classification } => {
                if let Some(idx) = lexicon.lookup(label).filter(|&i| lexicon.entry(i).kind == m.kind) {
                    let seed = Seed::Curated { entry: Some(idx), kind: m.kind, surface: &m.surface };
                    (Some(lexicon.entry(idx).iri.clone()), format!("pattern {} named a curated entity", m.rule), false, seed, false)
                } else {
                    let iri = format!("{base}{}/{}", m.kind.segment(), slug(label));
                    let seed = Seed::New { kind: m.kind, label, classification: classification.as_deref() };
                    (Some(iri), format!("new {} found by rule {}", kind_word(m.kind), m.rule), false, seed, true)
                }
            }
            Target::Person { name } => match people.resolve(d, name) {
                Some((cluster, reason, misspelt)) => {
                    let label = people.clusters[cluster].label.as_str();
                    (Some(person_iri(base, label)), reason, misspelt, Seed::Person { label }, false)
                }
                None if name.strength != Strength::Candidate => {
                    // A name the text marks as a person, with no fuller form known anywhere.
                    let reason = format!("marked as a person by rule {}; no fuller name known", m.rule);
                    (Some(person_iri(base, &name.name)), reason, false, Seed::Person { label: &name.name }, false)
                }
                None => (None, "a capitalised word that names no known person".to_owned(), false, Seed::Nothing, false),
            },
        };
        let surface_form = surface_form(&m.surface, m.kind);
        let nickname = if let Target::Person { name } = &m.target { name.nickname.clone() } else { None };
        done.insert((&m.target, m.surface.as_str(), m.rule), outcomes.len());
        index.push(outcomes.len());
        outcomes.push(Outcome {
            surface: &m.surface,
            surface_key: name_key(&surface_form),
            surface_form,
            iri,
            reason,
            hidden,
            seed,
            fill_classification: fill,
            nickname,
        });
    }
    (outcomes, index)
}

/// Names that are, in some document, the last words of exactly one longer name of that document
/// ("Ortega Rivas" beside "Juan Carlos Ortega Rivas"): there they refer to that person by surname.
/// Short name key → (document, the longer name's key). A name written in a participant list is
/// a full name and has none.
fn surname_references(names: &BTreeMap<String, NameStats>) -> HashMap<String, Vec<(usize, String)>> {
    let mut by_last: HashMap<&str, Vec<&str>> = HashMap::default();
    for key in names.keys() {
        by_last.entry(key.rsplit(' ').next().unwrap_or("")).or_default().push(key);
    }
    let mut out: HashMap<String, Vec<(usize, String)>> = HashMap::default();
    for group in by_last.values().filter(|g| g.len() > 1) {
        for &short in group {
            if names[short].in_list {
                continue;
            }
            let longer: Vec<&str> =
                group.iter().copied().filter(|long| long.len() > short.len() && long.ends_with(short) && long.as_bytes()[long.len() - short.len() - 1] == b' ').collect();
            for &d in &names[short].documents {
                let mut in_doc = longer.iter().filter(|l| names[**l].documents.contains(&d));
                if let (Some(long), None) = (in_doc.next(), in_doc.next()) {
                    out.entry(short.to_owned()).or_default().push((d, (*long).to_owned()));
                }
            }
        }
    }
    out
}

fn kind_word(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
        EntityKind::Process => "process",
    }
}

/// The surface form as a label: names of people keep their spelling; others lose a leading "the".
fn surface_form(surface: &str, kind: EntityKind) -> String {
    let s = surface.split_whitespace().collect::<Vec<_>>().join(" ");
    match kind {
        EntityKind::Person => s,
        _ => s.strip_prefix("the ").unwrap_or(&s).to_owned(),
    }
}

/// A group of full names that name one person.
#[derive(Debug, Clone)]
struct Cluster {
    label: String,
    nicknames: BTreeSet<String>,
    /// File names of the documents that give a nickname beside the full name.
    nickname_sources: BTreeSet<String>,
    first_names: BTreeSet<String>,
    last_names: BTreeSet<String>,
    /// Documents where one of its full names appears.
    documents: BTreeSet<usize>,
    /// Name keys of its full names.
    keys: Vec<String>,
}

/// All full names of the corpus, clustered, with indexes for single-word references.
struct PeopleIndex {
    clusters: Vec<Cluster>,
    /// Full-name key → (cluster, reason the name joined it, misspelling?).
    by_full: HashMap<String, (usize, String, bool)>,
    /// Name key of a nickname, first name or last name → clusters that carry it, ascending.
    by_nickname: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
    by_last: HashMap<String, Vec<usize>>,
    /// A first name or nickname key, and each of its one-letter-deleted variants → clusters.
    by_variant: HashMap<String, Vec<usize>>,
    /// Names that are, in a document, the last words of one longer name there (see
    /// [`surname_references`]): name key → (document, the longer name's key).
    surnames: HashMap<String, Vec<(usize, String)>>,
    corrections: Corrections,
}

#[derive(Debug, Clone, Default)]
struct NameStats {
    display: BTreeMap<String, usize>,
    in_list: bool,
    documents: BTreeSet<usize>,
    nicknames: BTreeSet<String>,
    nickname_docs: BTreeSet<String>,
    /// Participant-list entries it appears in: (document, entry index).
    list_entries: BTreeSet<(usize, usize)>,
}

impl PeopleIndex {
    fn build(extractions: &[Extraction], corrections: &Corrections) -> PeopleIndex {
        let mut names: BTreeMap<String, NameStats> = BTreeMap::new();
        for (d, ex) in extractions.iter().enumerate() {
            for (i, m) in ex.mentions.iter().enumerate() {
                let Target::Person { name } = &m.target else { continue };
                if name.strength != Strength::Cued || name.name.split_whitespace().count() < 2 {
                    continue;
                }
                let display = corrections.same_as.get(&name_key(&name.name)).cloned().unwrap_or_else(|| name.name.clone());
                let stats = names.entry(name_key(&display)).or_default();
                *stats.display.entry(display).or_default() += 1;
                stats.documents.insert(d);
                if let Some(nick) = &name.nickname {
                    stats.nicknames.insert(nick.clone());
                    stats.nickname_docs.insert(ex.file_name.clone());
                }
                if m.rule == "participant-list" {
                    stats.in_list = true;
                    stats.list_entries.insert((d, i));
                }
            }
        }
        let surnames = surname_references(&names);
        for (short, uses) in &surnames {
            if names[short].documents.len() == uses.len() {
                names.remove(short);
            }
        }
        let keys: Vec<String> = names.keys().cloned().collect();
        let mut uf = UnionFind::new(keys.len());
        let mut reasons: Vec<Option<(String, bool)>> = vec![None; keys.len()];
        let tokens: Vec<Vec<String>> = keys.iter().map(|k| k.split(' ').map(str::to_owned).collect()).collect();
        let mut by_last: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut by_first: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, t) in tokens.iter().enumerate() {
            by_last.entry(t.last().map_or("", String::as_str)).or_default().push(i);
            by_first.entry(t.first().map_or("", String::as_str)).or_default().push(i);
        }
        let docs_together = |a: usize, b: usize| -> bool {
            // Two names in the same participant list are two people.
            let da: BTreeSet<usize> = names[&keys[a]].list_entries.iter().map(|e| e.0).collect();
            names[&keys[b]].list_entries.iter().any(|e| da.contains(&e.0))
        };
        let distinct = |a: usize, b: usize| {
            corrections.distinct.contains(&(keys[a].clone(), keys[b].clone())) || corrections.distinct.contains(&(keys[b].clone(), keys[a].clone()))
        };
        // Same last name: nickname as first name, a dropped middle name, a misspelt first name.
        for group in by_last.values() {
            for (x, &a) in group.iter().enumerate() {
                for &b in &group[x + 1..] {
                    if docs_together(a, b) || distinct(a, b) {
                        continue;
                    }
                    let (ta, tb) = (&tokens[a], &tokens[b]);
                    let nick_a: BTreeSet<String> = names[&keys[a]].nicknames.iter().map(|n| name_key(n)).collect();
                    let nick_b: BTreeSet<String> = names[&keys[b]].nicknames.iter().map(|n| name_key(n)).collect();
                    let reason = if ta.len() == 2 && nick_b.contains(&ta[0]) || tb.len() == 2 && nick_a.contains(&tb[0]) {
                        Some(("nickname given in a text with the same last name".to_owned(), false))
                    } else if ta[0] == tb[0] && (is_subsequence(ta, tb) || is_subsequence(tb, ta)) {
                        Some(("same first and last name; a middle name dropped".to_owned(), false))
                    } else if ta.len() == tb.len() && ta[..ta.len() - 1].iter().zip(tb).filter(|(x, y)| x != y).count() == 1 && close(&ta[0], &tb[0]) {
                        Some(("same last name and a first name one letter apart".to_owned(), true))
                    } else {
                        None
                    };
                    if let Some(r) = reason {
                        uf.union(a, b);
                        reasons[a].get_or_insert(r.clone());
                        reasons[b].get_or_insert(r);
                    }
                }
            }
        }
        // Same first name and a last name one letter apart: a misspelling.
        for group in by_first.values() {
            for (x, &a) in group.iter().enumerate() {
                for &b in &group[x + 1..] {
                    let (ta, tb) = (&tokens[a], &tokens[b]);
                    if ta.len() != tb.len() || docs_together(a, b) || distinct(a, b) {
                        continue;
                    }
                    let differing: Vec<usize> = (0..ta.len()).filter(|&k| ta[k] != tb[k]).collect();
                    if differing.len() == 1 && differing[0] == ta.len() - 1 && close(&ta[differing[0]], &tb[differing[0]]) {
                        uf.union(a, b);
                        let r = ("same first name and a last name one letter apart".to_owned(), true);
                        reasons[a].get_or_insert(r.clone());
                        reasons[b].get_or_insert(r);
                    }
                }
            }
        }
        // Clusters in a stable order (by their smallest key).
        let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..keys.len() {
            members.entry(uf.find(i)).or_default().push(i);
        }
        let mut groups: Vec<Vec<usize>> = members.into_values().collect();
        groups.sort();
        let mut clusters = Vec::new();
        let mut by_full = HashMap::default();
        for group in groups {
            // Canonical: most frequent form, then a participant-list form, then the longest,
            // then alphabetical.
            let mut forms: Vec<(usize, bool, usize, String)> = Vec::new();
            let mut nicknames = BTreeSet::new();
            let mut nickname_sources = BTreeSet::new();
            let mut documents = BTreeSet::new();
            for &i in &group {
                let stats = &names[&keys[i]];
                let total: usize = stats.display.values().sum();
                let display = stats.display.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(d, _)| d.clone()).unwrap_or_default();
                forms.push((total, stats.in_list, display.split_whitespace().count(), display));
                nicknames.extend(stats.nicknames.iter().cloned());
                nickname_sources.extend(stats.nickname_docs.iter().cloned());
                documents.extend(stats.documents.iter().copied());
            }
            forms.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)).then(a.3.cmp(&b.3)));
            let label = forms[0].3.clone();
            let cluster = clusters.len();
            let mut first_names = BTreeSet::new();
            let mut last_names = BTreeSet::new();
            for &i in &group {
                first_names.insert(tokens[i][0].clone());
                last_names.insert(tokens[i].last().cloned().unwrap_or_default());
                let (why, misspelt) = match &reasons[i] {
                    Some((r, m)) if name_key(&keys[i]) != name_key(&label) => (r.clone(), *m),
                    _ => ("full name written in a document".to_owned(), false),
                };
                by_full.insert(keys[i].clone(), (cluster, why, misspelt));
            }
            let keys = group.iter().map(|&i| keys[i].clone()).collect();
            clusters.push(Cluster { label, nicknames, nickname_sources, first_names, last_names, documents, keys });
        }
        // Single words are looked up by key, not by scanning every cluster.
        let mut by_nickname: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        let mut by_last: HashMap<String, Vec<usize>> = HashMap::default();
        for (c, cluster) in clusters.iter().enumerate() {
            let nicknames: BTreeSet<String> = cluster.nicknames.iter().map(|n| name_key(n)).collect();
            for n in nicknames {
                by_nickname.entry(n).or_default().push(c);
            }
            for f in &cluster.first_names {
                by_first.entry(f.clone()).or_default().push(c);
            }
            for l in &cluster.last_names {
                by_last.entry(l.clone()).or_default().push(c);
            }
        }
        // Misspelt first names are found through their one-letter-deleted variants (two words one
        // edit apart always share one), never by comparing with every cluster.
        let mut by_variant: HashMap<String, Vec<usize>> = HashMap::default();
        for (c, cluster) in clusters.iter().enumerate() {
            let keys: BTreeSet<String> = cluster.first_names.iter().cloned().chain(cluster.nicknames.iter().map(|n| name_key(n))).collect();
            for key in keys {
                for variant in one_deleted(&key).into_iter().chain(std::iter::once(key)) {
                    by_variant.entry(variant).or_default().push(c);
                }
            }
        }
        PeopleIndex { clusters, by_full, by_nickname, by_first, by_last, by_variant, surnames, corrections: corrections.clone() }
    }

    /// The cluster a name in document `doc` refers to, why, and whether it is a misspelling.
    fn resolve(&self, doc: usize, name: &crate::extract::PersonName) -> Option<(usize, String, bool)> {
        let key = name_key(self.corrections.same_as.get(&name_key(&name.name)).map_or(&name.name, |s| s));
        // "Mr. Ortega Rivas" beside "Mr. Juan Carlos Ortega Rivas": that person, in this document.
        if let Some((_, full)) = self.surnames.get(&key).and_then(|uses| uses.iter().find(|(d, _)| *d == doc))
            && let Some((c, _, _)) = self.by_full.get(full) {
                return Some((*c, "surname of exactly one person named in this document".to_owned(), false));
            }
        if let Some((c, why, misspelt)) = self.by_full.get(&key) {
            return Some((*c, why.clone(), *misspelt));
        }
        if name.strength == Strength::Surname {
            return self.surname(doc, &key, true);
        }
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() == 1 {
            return self.single(doc, &key);
        }
        // "Mr. Ortega Rivas", "Hon. Solberg-Haugen": the last words of one full name of the document.
        if let Some(hit) = self.surname(doc, &key, false) {
            return Some(hit);
        }
        // "Olumide Bakre": a known first name with a last name one letter off.
        let (first, last) = (words[0], words[words.len() - 1]);
        let near: Vec<usize> = self
            .by_first
            .get(first)
            .map(|cs| cs.iter().copied().filter(|&c| self.clusters[c].last_names.iter().any(|l| close(l, last))).collect())
            .unwrap_or_default();
        if near.len() == 1 {
            return Some((near[0], "same first name and a last name one letter from a known person's".to_owned(), true));
        }
        None
    }

    /// "Mr. MASANGO", "Ms. OLIVEIRA SANTOS": the last words of exactly one full name known in
    /// the document, else (when `corpus` allows) in the corpus. Never a first name.
    fn surname(&self, doc: usize, key: &str, corpus: bool) -> Option<(usize, String, bool)> {
        let last = key.rsplit(' ').next()?;
        let ends_so = |c: &usize| self.clusters[*c].keys.iter().any(|k| k.len() > key.len() && k.ends_with(key) && k.as_bytes()[k.len() - key.len() - 1] == b' ');
        let hits: Vec<usize> = self.by_last.get(last).map(|cs| cs.iter().copied().filter(ends_so).collect()).unwrap_or_default();
        let in_doc: Vec<usize> = hits.iter().copied().filter(|&c| self.clusters[c].documents.contains(&doc)).collect();
        match (in_doc.as_slice(), hits.as_slice()) {
            ([c], _) => Some((*c, "surname of exactly one person named in this document".to_owned(), false)),
            ([], [c]) if corpus => Some((*c, "surname of exactly one person in the corpus".to_owned(), false)),
            _ => None,
        }
    }

    /// "Jorge", "Titti", "Chegetai": a nickname, a first name unique in the document or the
    /// corpus, or a close misspelling of one.
    fn single(&self, doc: usize, word: &str) -> Option<(usize, String, bool)> {
        let unique = |hits: Vec<usize>| if hits.len() == 1 { Some(hits[0]) } else { None };
        let nick: Vec<usize> = self.by_nickname.get(word).cloned().unwrap_or_default();
        if let Some(c) = unique(nick) {
            let cluster = &self.clusters[c];
            let sources = cluster.nickname_sources.iter().cloned().collect::<Vec<_>>().join(", ");
            return Some((c, format!("nickname given beside \"{}\" in {sources}", cluster.label), false));
        }
        let in_doc = |c: &usize| self.clusters[*c].documents.contains(&doc);
        let first: Vec<usize> = self.by_first.get(word).cloned().unwrap_or_default();
        if let Some(c) = unique(first.iter().copied().filter(in_doc).collect()) {
            return Some((c, "first name of exactly one person named in this document".to_owned(), false));
        }
        // "Mr. Villanueva reported": a last name, unique among the people of the document.
        let last: Vec<usize> = self.by_last.get(word).map(|cs| cs.iter().copied().filter(in_doc).collect()).unwrap_or_default();
        if first.iter().all(|c| !in_doc(c))
            && let Some(c) = unique(last) {
                return Some((c, "last name of exactly one person named in this document".to_owned(), false));
            }
        if let Some(c) = unique(first.clone()) {
            return Some((c, "first name of exactly one person in the corpus".to_owned(), false));
        }
        if word.chars().count() >= 5 && first.is_empty() {
            let mut near: Vec<usize> = one_deleted(word)
                .iter()
                .chain(std::iter::once(&word.to_owned()))
                .filter_map(|variant| self.by_variant.get(variant))
                .flatten()
                .copied()
                .filter(|&c| self.clusters[c].first_names.iter().chain(self.clusters[c].nicknames.iter()).any(|f| close(&name_key(f), word)))
                .collect();
            near.sort_unstable();
            near.dedup();
            if let Some(c) = unique(near.iter().copied().filter(in_doc).collect()).or_else(|| unique(near)) {
                return Some((c, "one letter from the first name of exactly one known person".to_owned(), true));
            }
        }
        None
    }
}

/// Damerau-Levenshtein distance of at most one, for words long enough to bear it.
fn close(a: &str, b: &str) -> bool {
    a != b && a.chars().count() >= 4 && b.chars().count() >= 4 && strsim::damerau_levenshtein(a, b) <= 1
}

/// `word` with one character left out, at each position: two words at most one insertion,
/// deletion, substitution or adjacent swap apart share `word` or one of these.
fn one_deleted(word: &str) -> Vec<String> {
    word.char_indices().map(|(i, c)| format!("{}{}", &word[..i], &word[i + c.len_utf8()..])).collect()
}

/// True when `short` is `long` with some middle words left out.
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    if short.len() >= long.len() || short.first() != long.first() || short.last() != long.last() {
        return false;
    }
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect() }
    }
    fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.parent[root] != root {
            root = self.parent[root];
        }
        let mut x = x;
        while self.parent[x] != root {
            let next = self.parent[x];
            self.parent[x] = root;
            x = next;
        }
        root
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index is the root, so clusters do not depend on union order.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    /// (surface form, label of the entity it resolved to or "-", reason) for each person mention.
    fn people(texts: &[&str]) -> Vec<(String, String, String)> {
        let lexicon = Lexicon::load(&[]).unwrap();
        let extractions: Vec<Extraction> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| crate::extract::document(&crate::ingest::Document::from_text(&format!("{i}.txt"), t), &lexicon))
            .collect();
        let resolved = entities(&extractions, &lexicon, "https://example.org/", &Corrections::default(), true);
        let mut out: Vec<(String, String, String)> = resolved
            .resolutions
            .iter()
            .filter(|r| r.kind == EntityKind::Person)
            .map(|r| (r.surface.clone(), r.iri.as_ref().map_or("-".to_owned(), |i| resolved.entities[i].label.clone()), r.reason.clone()))
            .collect();
        out.sort();
        out
    }

    #[test]
    fn a_surname_alone_names_the_one_person_whose_full_name_ends_with_it() {
        let got = people(&[
            "Meeting, 18 June 2025\n\nPresent: Ms. Beatriz OLIVEIRA SANTOS (Internet Society), Mr. Luis SANTOS, Ms. Masango PHIRI\n\n1. Ms. OLIVEIRA SANTOS said the GDC matters. Mr. SANTOS agreed. Mr. MASANGO noted it.\n",
            "Meeting, 19 June 2025\n\nMr. Chengetai Masango opened the meeting.\n",
        ]);
        let of = |surface: &str| got.iter().find(|g| g.0 == surface).map(|g| (g.1.as_str(), g.2.as_str()));
        // A surname of several words, unique in its document.
        assert_eq!(of("OLIVEIRA SANTOS"), Some(("Beatriz Oliveira Santos", "surname of exactly one person named in this document")));
        // "SANTOS" ends two full names here: it joins neither.
        assert_eq!(of("SANTOS").map(|o| o.0), Some("Santos"));
        // Never a first name: Masango Phiri is not "Mr. MASANGO"; the one Masango known elsewhere is.
        assert_eq!(of("MASANGO"), Some(("Chengetai Masango", "surname of exactly one person in the corpus")));
    }

    #[test]
    fn the_last_words_of_a_full_name_in_the_same_document_name_that_person() {
        let got = people(&[
            "Meeting, 24 June 2025\n\nSpeakers:\n- Mr. Juan Carlos Ortega Rivas, UN DESA\n- Hon. Ingrid Solberg-Haugen, Norway\n\n1. Mr. Ortega Rivas noted the GDC. Hon. Solberg-Haugen agreed.\n",
            "Meeting, 25 June 2025\n\nMr. Ortega Rivas noted the WSIS+20 review.\n",
        ]);
        let of = |surface: &str| got.iter().filter(|g| g.0 == surface).map(|g| (g.1.as_str(), g.2.as_str())).collect::<Vec<_>>();
        let same_doc = "surname of exactly one person named in this document";
        // Two words, and one hyphenated word: neither is a person of its own here.
        assert!(of("Ortega Rivas").contains(&("Juan Carlos Ortega Rivas", same_doc)), "{got:?}");
        assert_eq!(of("Solberg-Haugen"), vec![("Ingrid Solberg-Haugen", same_doc)]);
        // In a document without the full name, the same words stay a name of their own.
        assert!(of("Ortega Rivas").iter().any(|o| o.0 == "Ortega Rivas"), "{got:?}");
    }

    fn variants(word: &str) -> BTreeSet<String> {
        one_deleted(word).into_iter().chain(std::iter::once(word.to_owned())).collect()
    }

    proptest::proptest! {
        /// The misspelling index finds every pair `close` accepts.
        #[test]
        fn words_one_edit_apart_share_a_deleted_variant(word in "[a-zé]{4,10}", edit in 0usize..4, at in 0usize..10, letter in "[a-zé]") {
            let chars: Vec<char> = word.chars().collect();
            let at = at % chars.len();
            let letter = letter.chars().next().unwrap();
            let mut other = chars.clone();
            match edit {
                0 => other[at] = letter,
                1 => other.insert(at, letter),
                2 => { other.remove(at); }
                _ => if at + 1 < other.len() { other.swap(at, at + 1) },
            }
            let other: String = other.into_iter().collect();
            if close(&word, &other) {
                proptest::prop_assert!(!variants(&word).is_disjoint(&variants(&other)), "{} / {}", word, other);
            }
        }
    }
}
