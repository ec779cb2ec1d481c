//! Build: the whole pipeline, from paths to an up-to-date store.
//!
//! Every input is read and extracted (in parallel; extraction is cheap), the corpus is resolved
//! as a whole, and each graph — one per document, plus the curated and entities graphs — is
//! written only when its content changed. The store therefore mirrors its inputs: a document
//! no longer among them loses its graph, and an unchanged one is skipped without a write.

use rayon::prelude::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::extract::{self, Extraction};
use crate::ingest::{self, Document, IngestOptions};
use crate::lexicon::{Lexicon, LexiconError};
use crate::resolve::{self, Corrections, Resolved};
use crate::store::{GraphStore, StoreCounts, StoreError};
use crate::{rdf, vocab};

/// Options of a build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Folders whose `.ttl` files extend (or replace, by file name) the embedded curated data.
    pub data_dirs: Vec<PathBuf>,
    /// The base of resource IRIs (`ggid:`).
    pub base: String,
    /// How input files are read (the size limit).
    pub ingest: IngestOptions,
    /// When `true` (the default) an input that cannot be read is reported and the others are
    /// built; when `false` any failed input stops the build before the store is touched.
    pub keep_going: bool,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            data_dirs: Vec::new(),
            base: vocab::DEFAULT_BASE.to_owned(),
            ingest: IngestOptions::default(),
            keep_going: true,
        }
    }
}

/// Receives progress while a build runs (the binary draws a progress bar with it).
pub trait Progress: Sync {
    fn start(&self, _total: usize) {}
    fn advance(&self, _file: &str) {}
    fn finish(&self) {}
}

/// A progress receiver that ignores everything.
pub struct Silent;
impl Progress for Silent {}

/// What a build did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct BuildReport {
    /// Documents whose graph was written (new or changed).
    pub built: Vec<String>,
    /// Documents whose graph was already up to date.
    pub skipped: Vec<String>,
    /// Graphs of documents no longer among the inputs (or replaced by a new version).
    pub removed: usize,
    /// One line per input that could not be read: the file and the reason.
    pub failed: Vec<String>,
    /// Problems that did not stop a document.
    pub warnings: Vec<String>,
    pub counts: StoreCounts,
    pub seconds: f64,
}

/// Why a build could not run at all (a bad document never stops one).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BuildError {
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One input: a file or folder, or a document already in memory (the embedded corpus).
#[derive(Debug, Clone)]
pub enum Input {
    Path(PathBuf),
    Text(Document),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Text(d) => d.file_name.clone(),
        }
    }
}

/// The embedded corpus (`data/corpus`), as in-memory inputs.
pub fn embedded_corpus() -> Vec<Input> {
    crate::defaults::CORPUS.iter().map(|(name, text)| Input::Text(Document::from_text(name, text))).collect()
}

/// Everything a corpus says, before it is written: for `extract`, `explain` and tests.
pub struct Analysis {
    pub documents: Vec<Document>,
    pub extractions: Vec<Extraction>,
    pub resolved: Resolved,
    pub lexicon: Lexicon,
    pub failed: Vec<String>,
    pub warnings: Vec<String>,
}

/// Reads, extracts and resolves `inputs`, without touching a store.
pub fn analyse(inputs: &[Input], options: &BuildOptions, progress: &dyn Progress) -> Result<Analysis, BuildError> {
    let lexicon = Lexicon::load(&options.data_dirs)?;
    let corrections = corrections(&lexicon);
    let mut failed: Vec<String> = Vec::new();
    let mut sources: Vec<Input> = Vec::new();
    for input in inputs {
        match input {
            Input::Path(path) => {
                let (files, errors) = ingest::collect(std::slice::from_ref(path));
                failed.extend(errors.iter().map(ToString::to_string));
                sources.extend(files.into_iter().map(Input::Path));
            }
            Input::Text(doc) => sources.push(Input::Text(doc.clone())),
        }
    }
    progress.start(sources.len());
    let read: Vec<Result<(Document, Extraction), String>> = sources
        .par_iter()
        .map(|source| {
            let doc = match source {
                Input::Path(path) => ingest::read_with(path, &options.ingest).map_err(|e| e.to_string()),
                Input::Text(doc) => Ok(doc.clone()),
            };
            let result = doc.map(|doc| {
                let ex = extract::document(&doc, &lexicon);
                (doc, ex)
            });
            progress.advance(&source.name());
            result
        })
        .collect();
    progress.finish();
    let mut documents = Vec::new();
    let mut extractions = Vec::new();
    let mut warnings = Vec::new();
    let mut seen_ids = BTreeSet::new();
    for r in read {
        match r {
            Ok((doc, ex)) => {
                if !seen_ids.insert(doc.id().to_owned()) {
                    warnings.push(format!("{}: same content as another input; read once", doc.path.display()));
                    continue;
                }
                warnings.extend(ex.warnings.iter().cloned());
                documents.push(doc);
                extractions.push(ex);
            }
            Err(e) => failed.push(e),
        }
    }
    let resolved = resolve::entities(&extractions, &lexicon, &options.base, &corrections);
    Ok(Analysis { documents, extractions, resolved, lexicon, failed, warnings })
}

/// Builds `inputs` into `store`.
///
/// ```
/// use govgraph::{build, GraphStore};
/// let dir = std::env::temp_dir().join(format!("govgraph-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir).unwrap();
/// std::fs::write(dir.join("m.md"), "Online Meeting 4\n12 May 2024 at 10:00 UTC\n\nJorge Cancio noted the GDC.").unwrap();
/// let store = GraphStore::in_memory().unwrap();
/// let report = build::run(&[build::Input::Path(dir.clone())], &store, &build::BuildOptions::default(), &build::Silent).unwrap();
/// assert_eq!(report.built.len(), 1);
/// assert_eq!(report.counts.meetings, 1);
/// # std::fs::remove_dir_all(dir).unwrap();
/// ```
pub fn run(inputs: &[Input], store: &GraphStore, options: &BuildOptions, progress: &dyn Progress) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let analysis = analyse(inputs, options, progress)?;
    let mut report = BuildReport { failed: analysis.failed.clone(), warnings: analysis.warnings.clone(), ..BuildReport::default() };
    let base = options.base.as_str();
    if !options.keep_going && !report.failed.is_empty() {
        report.warnings.push("the store was left as it was: an input failed and --keep-going=false".to_owned());
        report.counts = store.counts()?;
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }

    if store.is_empty()? {
        load_fresh(&analysis, store, base, &mut report)?;
        report.counts = store.counts()?;
        report.seconds = started.elapsed().as_secs_f64();
        return Ok(report);
    }
    store.sync_graph(rdf::curated_graph(base).as_ref(), &rdf::curated_quads(base, &analysis.lexicon))?;
    store.sync_graph(rdf::entities_graph(base).as_ref(), &rdf::entity_quads(base, &analysis.extractions, &analysis.resolved))?;
    let mut wanted = BTreeSet::new();
    for (d, (doc, ex)) in analysis.documents.iter().zip(&analysis.extractions).enumerate() {
        let graph = rdf::document_iri(base, doc.id());
        wanted.insert(graph.clone());
        let quads = rdf::document_quads(base, d, ex, &doc.text, &analysis.resolved, &analysis.lexicon);
        if store.sync_graph(graph.as_ref(), &quads)? {
            report.built.push(doc.file_name.clone());
        } else {
            report.skipped.push(doc.file_name.clone());
        }
    }
    // Graphs of documents no longer among the inputs go, except those of inputs that failed to
    // read this time: a broken file must not lose what the store had for it.
    let failed_names: BTreeSet<String> = report
        .failed
        .iter()
        .filter_map(|line| line.split(": ").next().and_then(|p| Path::new(p).file_name()).map(|n| n.to_string_lossy().into_owned()))
        .collect();
    for graph in store.document_graphs()? {
        if wanted.contains(&graph) {
            continue;
        }
        let identifier = store.document_identifier(graph.as_ref())?;
        if identifier.is_some_and(|id| failed_names.contains(&id)) {
            continue;
        }
        store.remove_graph(graph.as_ref())?;
        report.removed += 1;
    }
    report.counts = store.counts()?;
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// How many documents' quads are made at once (in parallel) before they go to the bulk loader:
/// enough to keep both cores busy, few enough that memory stays bounded.
const LOAD_CHUNK: usize = 256;

/// A build into an empty store: every graph is new, so nothing is compared and everything goes
/// through the bulk loader, chunk by chunk.
fn load_fresh(analysis: &Analysis, store: &GraphStore, base: &str, report: &mut BuildReport) -> Result<(), BuildError> {
    let fixed = [
        (rdf::curated_graph(base), rdf::curated_quads(base, &analysis.lexicon)),
        (rdf::entities_graph(base), rdf::entity_quads(base, &analysis.extractions, &analysis.resolved)),
    ];
    let n = analysis.documents.len();
    let chunks = (0..n).step_by(LOAD_CHUNK).flat_map(|start| {
        let end = (start + LOAD_CHUNK).min(n);
        let graphs: Vec<(oxigraph::model::NamedNode, Vec<oxigraph::model::Quad>)> = (start..end)
            .into_par_iter()
            .map(|d| {
                let doc = &analysis.documents[d];
                let quads = rdf::document_quads(base, d, &analysis.extractions[d], &doc.text, &analysis.resolved, &analysis.lexicon);
                (rdf::document_iri(base, doc.id()), quads)
            })
            .collect();
        graphs
    });
    store.load_fresh(fixed.into_iter().chain(chunks))?;
    report.built.extend(analysis.documents.iter().map(|doc| doc.file_name.clone()));
    Ok(())
}

/// The user's corrections, read from the curated data (`data/aliases.ttl` or a file of the same
/// name in `--data DIR`): `gg:sameNameAs "X"` makes X a name of the subject, `gg:notSameNameAs "Y"`
/// keeps the full name Y apart from it. The subject's `rdfs:label` is the canonical name.
fn corrections(lexicon: &Lexicon) -> Corrections {
    let mut c = Corrections::default();
    let same = "https://w3id.org/govgraph/ns#sameNameAs";
    let not = "https://w3id.org/govgraph/ns#notSameNameAs";
    for q in lexicon.quads() {
        let p = q.predicate.as_str();
        if p != same && p != not {
            continue;
        }
        let subject_name = lexicon
            .quads()
            .iter()
            .find(|l| l.subject == q.subject && l.predicate.as_ref() == vocab::rdfs::LABEL)
            .and_then(|l| if let oxigraph::model::Term::Literal(lit) = &l.object { Some(lit.value().to_owned()) } else { None });
        let (Some(name), oxigraph::model::Term::Literal(other)) = (subject_name, &q.object) else { continue };
        if p == same {
            c.same_as.insert(crate::lexicon::name_key(other.value()), name);
        } else {
            c.distinct.insert((crate::lexicon::name_key(&name), crate::lexicon::name_key(other.value())));
        }
    }
    c
}
