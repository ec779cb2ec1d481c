//! RDF: extractions + resolved entities → quads, in the data model of `docs/ONTOLOGY.md`.
//!
//! This is the only module that mints IRIs for meetings, items, statements, actions and
//! memberships, and the only one that knows which property carries which fact. It does no
//! I/O: it returns quads, and `store` decides whether they need writing. No blank nodes are
//! minted, so a graph can be compared with its previous version triple by triple.

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};
use std::collections::BTreeSet;

use crate::extract::Extraction;
use crate::lexicon::{EntityKind, Lexicon};
use crate::resolve::{slug, Resolved};
use crate::vocab::{dcterms, foaf, gg, org, prov, rdf, rdfs, schema, skos, xsd};

/// Where curated knowledge lives.
pub fn curated_graph(base: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}graph/curated"))
}

/// Where entity descriptions merged across documents live.
pub fn entities_graph(base: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}graph/entities"))
}

/// The IRI of a document.
pub fn document_iri(base: &str, doc_id: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}doc/{doc_id}"))
}

/// Collects quads into one graph.
struct Sink {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Sink {
    fn new(graph: &NamedNode) -> Sink {
        Sink { graph: graph.clone().into(), quads: Vec::new() }
    }
    fn add(&mut self, s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: impl Into<Term>) {
        self.quads.push(Quad::new(NamedOrBlankNode::from(s.clone()), p.into_owned(), o.into(), self.graph.clone()));
    }
    fn typed(&mut self, s: &NamedNode, classes: &[oxigraph::model::NamedNodeRef<'_>]) {
        for c in classes {
            self.add(s, rdf::TYPE, c.into_owned());
        }
    }
    fn text(&mut self, s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, value: &str) {
        self.add(s, p, Literal::new_simple_literal(value));
    }
    fn int(&mut self, s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, value: i64) {
        self.add(s, p, Literal::from(value));
    }
}

fn iri(value: &str) -> NamedNode {
    NamedNode::new_unchecked(value)
}

/// The quads of one document's named graph.
pub fn document_quads(
    base: &str,
    doc_index: usize,
    ex: &Extraction,
    original_text: &str,
    resolved: &Resolved,
    lexicon: &Lexicon,
) -> Vec<Quad> {
    let doc = document_iri(base, &ex.doc_id);
    let mut g = Sink::new(&doc);
    let entity = |m: usize| resolved.entity_of(doc_index, m).map(|e| iri(&e.iri));

    g.typed(&doc, &[gg::DOCUMENT, foaf::DOCUMENT, prov::ENTITY]);
    if let Some(title) = &ex.title {
        g.text(&doc, dcterms::TITLE, title);
    }
    g.text(&doc, dcterms::IDENTIFIER, &ex.file_name);
    g.text(&doc, gg::SHA256, &ex.sha256);
    g.text(&doc, dcterms::FORMAT, &ex.media_type);
    let mentioned: BTreeSet<NamedNode> = (0..ex.mentions.len()).filter_map(entity).collect();
    for e in &mentioned {
        g.add(&doc, schema::MENTIONS, e.clone());
    }

    let meeting = ex.meeting.as_ref().zip(resolved.meeting_of(doc_index)).map(|(facts, meeting)| {
        let m = iri(&meeting.iri);
        g.typed(&m, &[gg::MEETING, schema::EVENT]);
        // One document per meeting states its label, start and number (see resolve::meetings).
        if meeting.states_facts {
            let body = facts.body.and_then(|b| resolved.entity_of(doc_index, b));
            let short = body.map_or_else(|| "Meeting".to_owned(), |e| short_name(e, lexicon));
            let label = match (facts.number, facts.date) {
                (Some(n), Some(d)) => format!("{short} meeting {n} ({d})"),
                (Some(n), None) => format!("{short} meeting {n}"),
                (None, Some(d)) => format!("{short} meeting ({d})"),
                (None, None) => format!("{short} meeting"),
            };
            g.text(&m, rdfs::LABEL, &label);
            if let Some(d) = facts.date {
                let dt = crate::extract::DateTime { date: d, time_utc: facts.time_utc };
                g.add(&m, schema::START_DATE, date_literal(&dt));
            }
            if let Some(n) = facts.number {
                g.int(&m, gg::MEETING_NUMBER, i64::from(n));
            }
        }
        if let Some(b) = facts.body.and_then(entity) {
            g.add(&m, schema::ORGANIZER, b);
        }
        if let Some(p) = facts.moderator.and_then(entity) {
            g.add(&m, gg::MODERATOR, p);
        }
        if let Some(next) = &facts.next_meeting {
            g.add(&m, gg::NEXT_MEETING, date_literal(next));
        }
        g.add(&m, prov::WAS_DERIVED_FROM, doc.clone());
        m
    });

    // Attendees: listed participants, the moderator, and everyone recorded as speaking.
    if let (Some(m), Some(facts)) = (&meeting, &ex.meeting) {
        let mut attendees: BTreeSet<NamedNode> = BTreeSet::new();
        attendees.extend(ex.participants.iter().filter(|p| p.listed).filter_map(|p| entity(p.person)));
        attendees.extend(facts.moderator.and_then(entity));
        attendees.extend(ex.speakers.iter().filter_map(|&s| entity(s)));
        attendees.extend(ex.agenda.iter().flat_map(|a| a.speakers.iter().filter_map(|&s| entity(s))));
        for a in attendees {
            g.add(m, schema::ATTENDEE, a);
        }
    }

    // Agenda items.
    let mut item_iris = Vec::new();
    let mut discussed: BTreeSet<NamedNode> = BTreeSet::new();
    // Named by `resolve::meetings`: the meeting's items, or this account's own.
    let item_base = resolved.meeting_of(doc_index).map(|r| r.item_base.as_str());
    for item in &ex.agenda {
        let (Some(m), Some(item_base)) = (&meeting, item_base) else { break };
        let it = iri(&format!("{item_base}{}", item.position));
        g.typed(&it, &[gg::AGENDA_ITEM, schema::EVENT]);
        g.add(&it, schema::SUPER_EVENT, m.clone());
        g.add(m, schema::SUB_EVENT, it.clone());
        g.int(&it, schema::POSITION, i64::from(item.position));
        g.text(&it, rdfs::LABEL, &item.title);
        let processes: BTreeSet<NamedNode> = item.processes.iter().filter_map(|&p| entity(p)).collect();
        for p in processes {
            discussed.insert(p.clone());
            g.add(&it, dcterms::SUBJECT, p);
        }
        let speakers: BTreeSet<NamedNode> = item.speakers.iter().filter_map(|&s| entity(s)).collect();
        for s in speakers {
            g.add(&it, gg::SPEAKER, s);
        }
        item_iris.push(it);
    }
    if let Some(m) = &meeting {
        for p in &discussed {
            g.add(m, dcterms::SUBJECT, p.clone());
        }
    }

    // Statements.
    for (n, st) in ex.statements.iter().enumerate() {
        let (Some(speaker), Some(process)) = (entity(st.speaker), entity(st.process)) else { continue };
        let s = iri(&format!("{base}statement/{}/{}", ex.doc_id, n + 1));
        g.typed(&s, &[gg::STATEMENT, prov::ENTITY]);
        g.add(&s, gg::SPEAKER, speaker);
        g.add(&s, gg::ABOUT, process);
        if let Some(m) = &meeting {
            g.add(&s, gg::IN_MEETING, m.clone());
        }
        if let Some(it) = st.agenda_item.and_then(|i| item_iris.get(i)) {
            g.add(&s, gg::IN_AGENDA_ITEM, it.clone());
        }
        g.text(&s, prov::VALUE, &one_line(ex.text(&st.sentence)));
        let (start, end) = ex.char_offsets(original_text, &st.sentence);
        g.int(&s, gg::CHAR_START, start as i64);
        g.int(&s, gg::CHAR_END, end as i64);
        g.add(&s, prov::WAS_DERIVED_FROM, doc.clone());
    }

    // Action items.
    for (n, action) in ex.actions.iter().enumerate() {
        let a = iri(&format!("{base}action/{}/{}", ex.doc_id, n + 1));
        g.typed(&a, &[gg::ACTION_ITEM, schema::ACTION]);
        if let Some(m) = &meeting {
            g.add(&a, gg::IN_MEETING, m.clone());
        }
        if let Some(owner) = action.owner.and_then(entity) {
            g.add(&a, schema::AGENT, owner);
        }
        g.text(&a, schema::DESCRIPTION, &one_line(&action.text));
        g.add(&a, schema::ACTION_STATUS, schema::POTENTIAL_ACTION_STATUS.into_owned());
        g.add(&a, prov::WAS_DERIVED_FROM, doc.clone());
    }

    // Memberships: one per stated affiliation and per stated role.
    let mut n_membership = 0;
    for p in &ex.participants {
        let Some(person) = entity(p.person) else { continue };
        let mut add = |organisation: Option<NamedNode>, role: Option<&str>, g: &mut Sink| {
            n_membership += 1;
            let ms = iri(&format!("{base}membership/{}/{n_membership}", ex.doc_id));
            g.typed(&ms, &[org::MEMBERSHIP]);
            g.add(&ms, org::MEMBER, person.clone());
            if let Some(o) = organisation {
                g.add(&ms, org::ORGANIZATION_PROP, o);
            }
            if let Some(role) = role {
                let r = iri(&format!("{base}role/{}", slug(role)));
                g.typed(&r, &[org::ROLE]);
                g.text(&r, rdfs::LABEL, role);
                g.add(&ms, org::ROLE_PROP, r);
            }
            if let Some(m) = &meeting {
                g.add(&ms, gg::STATED_IN, m.clone());
            }
        };
        for &a in &p.affiliations {
            add(entity(a), None, &mut g);
        }
        for role in &p.roles {
            add(role.organisation.and_then(entity), Some(&role.label), &mut g);
        }
    }

    // Processes an explicit sentence links.
    for &(a, b) in &ex.related {
        if let (Some(a), Some(b)) = (entity(a), entity(b)) {
            g.add(&a, skos::RELATED, b.clone());
        }
    }
    sorted(g.quads)
}

/// The quads of the entities graph: types, labels, surface forms, affiliations.
pub fn entity_quads(base: &str, extractions: &[Extraction], resolved: &Resolved) -> Vec<Quad> {
    let graph = entities_graph(base);
    let mut g = Sink::new(&graph);
    let scheme = iri(&format!("{base}scheme/processes"));
    for e in resolved.entities.values() {
        let s = iri(&e.iri);
        match e.kind {
            EntityKind::Person => {
                g.typed(&s, &[foaf::PERSON]);
                g.text(&s, foaf::NAME, &e.label);
            }
            EntityKind::Organisation => g.typed(&s, &[org::ORGANIZATION]),
            EntityKind::Process => {
                g.typed(&s, &[gg::PROCESS, skos::CONCEPT]);
                g.add(&s, skos::IN_SCHEME, scheme.clone());
            }
        }
        if !e.curated {
            g.text(&s, rdfs::LABEL, &e.label);
            if let Some(c) = &e.classification {
                g.add(&s, org::CLASSIFICATION, iri(c));
            }
        }
        for a in &e.alt_labels {
            g.text(&s, skos::ALT_LABEL, a);
        }
        for h in &e.hidden_labels {
            g.text(&s, skos::HIDDEN_LABEL, h);
        }
    }
    // org:memberOf: every organisation a person is stated to be affiliated with.
    for (d, ex) in extractions.iter().enumerate() {
        for p in &ex.participants {
            let Some(person) = resolved.entity_of(d, p.person) else { continue };
            for &a in &p.affiliations {
                if let Some(o) = resolved.entity_of(d, a) {
                    g.add(&iri(&person.iri), org::MEMBER_OF, iri(&o.iri));
                }
            }
        }
    }
    sorted(g.quads)
}

/// The curated quads, moved into the curated graph.
pub fn curated_quads(base: &str, lexicon: &Lexicon) -> Vec<Quad> {
    let graph: GraphName = curated_graph(base).into();
    sorted(lexicon.quads().iter().map(|q| Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), graph.clone())).collect())
}

fn sorted(mut quads: Vec<Quad>) -> Vec<Quad> {
    quads.sort_by_cached_key(ToString::to_string);
    quads.dedup();
    quads
}

fn date_literal(dt: &crate::extract::DateTime) -> Literal {
    let datatype = if dt.time_utc.is_some() { xsd::DATE_TIME } else { xsd::DATE };
    Literal::new_typed_literal(dt.lexical(), datatype)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short name for labels: a curated acronym-like alternative ("WG-Strategy"), else the label.
fn short_name(e: &crate::resolve::Entity, lexicon: &Lexicon) -> String {
    let alts: Vec<&String> = lexicon.by_iri(&e.iri).map(|i| lexicon.entry(i).alt_labels.iter().collect()).unwrap_or_default();
    alts.into_iter()
        .filter(|a| a.len() >= 3 && a.len() < e.label.len() && a.chars().next().is_some_and(char::is_uppercase) && a.contains('-'))
        .min_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)))
        .cloned()
        .unwrap_or_else(|| e.label.clone())
}
