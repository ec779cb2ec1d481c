//! Inspect: human- and machine-readable views of what the pipeline found — the closing summary
//! of a build, `govgraph extract` (one document, with evidence) and `govgraph explain` (why a
//! name became the entity it did). Views are written to a caller's writer; this module never
//! prints on its own.

use oxigraph::io::RdfFormat;
use std::io::{self, Write};
use std::path::Path;

use crate::build::{Analysis, BuildOptions, BuildReport, Progress};
use crate::extract::Extraction;
use crate::lexicon::EntityKind;
use crate::resolve::Resolved;
use crate::{rdf, vocab};

/// Output of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Turtle,
}

/// A terminal progress bar for builds of many documents (hidden for small ones or `--quiet`).
pub struct ProgressBar {
    bar: indicatif::ProgressBar,
}

impl ProgressBar {
    #[must_use]
    pub fn new(quiet: bool) -> ProgressBar {
        let bar = if quiet { indicatif::ProgressBar::hidden() } else { indicatif::ProgressBar::new(0) };
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} extracting [{bar:40}] {pos}/{len} documents ({per_sec}, eta {eta})")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> "),
        );
        ProgressBar { bar }
    }
}

impl Progress for ProgressBar {
    fn start(&self, total: usize) {
        if total < 50 {
            self.bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
        }
        self.bar.set_length(total as u64);
    }
    fn advance(&self, _file: &str) {
        self.bar.inc(1);
    }
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The closing summary of a build.
pub fn build_summary(report: &BuildReport, store: &Path) -> String {
    let c = &report.counts;
    format!(
        "{} built, {} skipped, {} removed, {} failed; store {}: {} quads, {} documents, {} meetings, {} people, {} organisations, {} processes; {:.2} s",
        report.built.len(),
        report.skipped.len(),
        report.removed,
        report.failed.len(),
        store.display(),
        c.quads,
        c.documents,
        c.meetings,
        c.people,
        c.organisations,
        c.processes,
        report.seconds
    )
}

/// Writes what the (single) analysed document yields.
pub fn extraction(analysis: &Analysis, options: &BuildOptions, format: Format, out: &mut dyn Write) -> io::Result<()> {
    for (d, (doc, ex)) in analysis.documents.iter().zip(&analysis.extractions).enumerate() {
        match format {
            Format::Text => text_view(d, ex, &analysis.resolved, out)?,
            Format::Json => {
                let view = JsonView::new(d, ex, &analysis.resolved);
                serde_json::to_writer_pretty(&mut *out, &view)?;
                writeln!(out)?;
            }
            Format::Turtle => {
                let mut quads = rdf::document_quads(&options.base, d, ex, &doc.text, &analysis.resolved, &analysis.lexicon);
                quads.extend(rdf::entity_quads(&options.base, std::slice::from_ref(ex), &single(&analysis.resolved, d)));
                let mut writer = vocab::serializer(RdfFormat::Turtle).for_writer(&mut *out);
                let mut triples: Vec<oxigraph::model::Triple> = quads.into_iter().map(Into::into).collect();
                triples.sort_by_cached_key(ToString::to_string);
                triples.dedup();
                for t in &triples {
                    writer.serialize_triple(t)?;
                }
                writer.finish()?;
            }
        }
    }
    Ok(())
}

/// The resolution restricted to document `d` (for the entities of one extraction).
fn single(resolved: &Resolved, d: usize) -> Resolved {
    let iris: std::collections::BTreeSet<&str> = resolved.mention_iris[d].iter().flatten().map(|iri| &**iri).collect();
    Resolved {
        entities: resolved.entities.iter().filter(|(k, _)| iris.contains(k.as_str())).map(|(k, v)| (k.clone(), v.clone())).collect(),
        mention_iris: vec![resolved.mention_iris[d].clone()],
        resolutions: Vec::new(),
        meetings: vec![resolved.meeting_of(d).cloned()],
    }
}

fn label(resolved: &Resolved, d: usize, m: usize) -> String {
    resolved.entity_of(d, m).map_or_else(|| "?".to_owned(), |e| e.label.clone())
}

fn text_view(d: usize, ex: &Extraction, resolved: &Resolved, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "document {} (doc/{})", ex.file_name, ex.doc_id)?;
    match &ex.meeting {
        Some(m) => {
            writeln!(out, "\nmeeting")?;
            writeln!(out, "  body:       {}", m.body.map_or("-".to_owned(), |b| label(resolved, d, b)))?;
            writeln!(out, "  number:     {}", m.number.map_or("-".to_owned(), |n| n.to_string()))?;
            let date = m.date.map(|date| crate::extract::DateTime { date, time_utc: m.time_utc }.lexical());
            writeln!(out, "  date:       {}", date.unwrap_or_else(|| "-".to_owned()))?;
            writeln!(out, "  moderator:  {}", m.moderator.map_or("-".to_owned(), |p| label(resolved, d, p)))?;
            writeln!(out, "  next:       {}", m.next_meeting.map_or("-".to_owned(), |n| n.lexical()))?;
        }
        None => writeln!(out, "\nno meeting reported")?,
    }
    if !ex.agenda.is_empty() {
        writeln!(out, "\nagenda")?;
        for item in &ex.agenda {
            let procs: Vec<String> = item.processes.iter().map(|&p| label(resolved, d, p)).collect();
            let speakers: Vec<String> = item.speakers.iter().map(|&p| label(resolved, d, p)).collect();
            writeln!(out, "  {}. {}", item.position, item.title)?;
            if !procs.is_empty() {
                writeln!(out, "       processes: {}", procs.join(", "))?;
            }
            if !speakers.is_empty() {
                writeln!(out, "       speakers:  {}", speakers.join(", "))?;
            }
        }
    }
    if !ex.participants.is_empty() {
        writeln!(out, "\nparticipants")?;
        // As in the graph: an entry whose name resolution rejected (a capitalised word that names
        // no one, "Convener of the …") states nothing.
        for p in ex.participants.iter().filter(|p| resolved.entity_of(d, p.person).is_some()) {
            let affs: Vec<String> = p.affiliations.iter().map(|&a| label(resolved, d, a)).collect();
            let roles: Vec<&str> = p.roles.iter().map(|r| r.label.as_str()).collect();
            writeln!(out, "  {:28} {} {}", label(resolved, d, p.person), affs.join("; "), if roles.is_empty() { String::new() } else { format!("[{}]", roles.join("; ")) })?;
        }
    }
    for (kind, title) in [(EntityKind::Person, "people"), (EntityKind::Organisation, "organisations"), (EntityKind::Process, "processes")] {
        writeln!(out, "\n{title}")?;
        let mut rows: Vec<(String, String, &str, String)> = Vec::new();
        for (i, m) in ex.mentions.iter().enumerate().filter(|(_, m)| m.kind == kind) {
            let Some(e) = resolved.entity_of(d, i) else { continue };
            let evidence = ex.text(&ex.sentence_of(&m.span)).split_whitespace().collect::<Vec<_>>().join(" ");
            rows.push((e.label.clone(), m.surface.clone(), m.rule, evidence));
        }
        rows.sort();
        rows.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        for (label, surface, rule, evidence) in rows {
            let shown = if label == surface { label } else { format!("{label} ← \"{surface}\"") };
            writeln!(out, "  {shown} ({rule})\n      “{}”", truncate(&evidence, 140))?;
        }
    }
    if !ex.statements.is_empty() {
        writeln!(out, "\nstatements")?;
        for s in &ex.statements {
            writeln!(out, "  {} → {}\n      “{}”", label(resolved, d, s.speaker), label(resolved, d, s.process), truncate(&ex.text(&s.sentence).split_whitespace().collect::<Vec<_>>().join(" "), 140))?;
        }
    }
    if !ex.actions.is_empty() {
        writeln!(out, "\nactions")?;
        for a in &ex.actions {
            let owner = a.owner.map_or("(no owner)".to_owned(), |o| label(resolved, d, o));
            writeln!(out, "  {owner}: {} ({})", truncate(&a.text.split_whitespace().collect::<Vec<_>>().join(" "), 140), a.rule)?;
        }
    }
    for w in &ex.warnings {
        writeln!(out, "\nwarning: {w}")?;
    }
    Ok(())
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_owned() } else { format!("{}…", s.chars().take(n).collect::<String>()) }
}

/// A serialisable copy of an extraction with entity labels and IRIs resolved.
#[derive(serde::Serialize)]
struct JsonView {
    file: String,
    document: String,
    meeting: Option<serde_json::Value>,
    agenda: Vec<serde_json::Value>,
    participants: Vec<serde_json::Value>,
    mentions: Vec<serde_json::Value>,
    statements: Vec<serde_json::Value>,
    actions: Vec<serde_json::Value>,
}

impl JsonView {
    fn new(d: usize, ex: &Extraction, resolved: &Resolved) -> JsonView {
        let ent = |m: usize| resolved.entity_of(d, m).map(|e| serde_json::json!({"iri": e.iri, "label": e.label}));
        JsonView {
            file: ex.file_name.clone(),
            document: ex.doc_id.clone(),
            meeting: ex.meeting.as_ref().map(|m| {
                serde_json::json!({
                    "body": m.body.and_then(ent),
                    "number": m.number,
                    "date": m.date.map(|date| crate::extract::DateTime { date, time_utc: m.time_utc }.lexical()),
                    "moderator": m.moderator.and_then(ent),
                    "next_meeting": m.next_meeting.map(|n| n.lexical()),
                })
            }),
            agenda: ex
                .agenda
                .iter()
                .map(|a| serde_json::json!({"position": a.position, "title": a.title, "processes": a.processes.iter().filter_map(|&p| ent(p)).collect::<Vec<_>>(), "speakers": a.speakers.iter().filter_map(|&p| ent(p)).collect::<Vec<_>>()}))
                .collect(),
            participants: ex
                .participants
                .iter()
                .filter(|p| ent(p.person).is_some())
                .map(|p| serde_json::json!({"person": ent(p.person), "affiliations": p.affiliations.iter().filter_map(|&a| ent(a)).collect::<Vec<_>>(), "roles": p.roles.iter().map(|r| r.label.clone()).collect::<Vec<_>>()}))
                .collect(),
            mentions: ex
                .mentions
                .iter()
                .enumerate()
                .filter_map(|(i, m)| ent(i).map(|e| serde_json::json!({"kind": m.kind, "surface": m.surface, "entity": e, "rule": m.rule, "evidence": ex.text(&ex.sentence_of(&m.span))})))
                .collect(),
            statements: ex
                .statements
                .iter()
                .map(|s| serde_json::json!({"speaker": ent(s.speaker), "process": ent(s.process), "sentence": ex.text(&s.sentence)}))
                .collect(),
            actions: ex.actions.iter().map(|a| serde_json::json!({"owner": a.owner.and_then(ent), "text": a.text, "rule": a.rule})).collect(),
        }
    }
}

/// Writes why `name` resolves as it does; `false` when the name was never seen.
pub fn explain(analysis: &Analysis, name: &str, out: &mut dyn Write) -> io::Result<bool> {
    let hits = analysis.resolved.explain(name);
    let curated = analysis.lexicon.lookup(name).map(|i| analysis.lexicon.entry(i));
    if hits.is_empty() && curated.is_none() {
        writeln!(out, "\"{name}\" was not seen in any document and is not a curated name")?;
        return Ok(false);
    }
    if let Some(e) = curated {
        writeln!(out, "\"{name}\" is a curated name of {} <{}> (from {})", e.label, e.iri, e.source)?;
    }
    for r in hits {
        match &r.iri {
            Some(iri) => {
                let label = analysis.resolved.entities.get(iri).map_or("", |e| e.label.as_str());
                writeln!(out, "\"{}\" → {label} <{iri}>\n    because: {}\n    seen in: {}", r.surface, r.reason, r.documents.iter().cloned().collect::<Vec<_>>().join(", "))?;
            }
            None => writeln!(out, "\"{}\" → nobody\n    because: {}\n    seen in: {}", r.surface, r.reason, r.documents.iter().cloned().collect::<Vec<_>>().join(", "))?,
        }
    }
    Ok(true)
}
