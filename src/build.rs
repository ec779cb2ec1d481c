//! Build: the whole pipeline, from paths to an up-to-date store.
//!
//! Every input is read and extracted (in parallel; extraction is cheap), the corpus is resolved
//! as a whole, and each graph — one per document, plus the curated and entities graphs — is
//! written only when its content changed. The store therefore mirrors its inputs: a document
//! no longer among them loses its graph, and an unchanged one is skipped without a write.

use rayon::prelude::*;
use std::collections::BTreeSet;
use oxigraph::model::NamedNode;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::extract::{self, Extraction};
use crate::ingest::{self, Document, IngestOptions};
use crate::lexicon::{Lexicon, LexiconError};
use crate::resolve::{self, Corrections, Resolved};
use crate::cache::{self, BuildCache, GraphStamp};
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
    /// Seconds spent in each phase, in order (`govgraph build --timings`).
    pub phases: Vec<(&'static str, f64)>,
}

/// Times the phases of a build: each lap is the time since the previous one.
struct Laps {
    last: Instant,
    phases: Vec<(&'static str, f64)>,
}

impl Laps {
    fn new() -> Laps {
        Laps { last: Instant::now(), phases: Vec::new() }
    }

    fn lap(&mut self, phase: &'static str) {
        let now = Instant::now();
        self.phases.push((phase, (now - self.last).as_secs_f64()));
        self.last = now;
    }
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
    /// Per document, the build-cache key of its extraction (see [`extraction_key`]).
    pub keys: Vec<String>,
    /// Per document, whether its text (and its extraction's cleaned text) was left in the build
    /// cache instead of memory: every document a build could cache, since most are only
    /// resolved (a rebuild) or written one chunk at a time (a fresh build).
    pub texts_in_cache: Vec<bool>,
    pub resolved: Resolved,
    pub lexicon: Lexicon,
    pub failed: Vec<String>,
    pub warnings: Vec<String>,
}

/// Reads, extracts and resolves `inputs`, without touching a store.
pub fn analyse(inputs: &[Input], options: &BuildOptions, progress: &dyn Progress) -> Result<Analysis, BuildError> {
    analyse_cached(inputs, options, progress, &mut BuildCache::open(None), true, false, &mut Laps::new())
}

/// Everything an extraction depends on: the content, the file name, the extractor's build and
/// the curated data. Equal keys mean equal extractions.
pub fn extraction_key(document: &Document, lexicon_fingerprint: &str) -> String {
    let id = cache::build_id();
    cache::fingerprint([document.sha256.as_bytes(), document.file_name.as_bytes(), id.as_bytes(), lexicon_fingerprint.as_bytes()])
}

/// [`analyse`], taking unchanged documents' extractions from `cache` and adding new ones to it.
///
/// With `texts_later`, a document's text stays in the cache, or goes there and leaves memory
/// (see [`Analysis::texts_in_cache`]).
fn analyse_cached(inputs: &[Input], options: &BuildOptions, progress: &dyn Progress, cache: &mut BuildCache, explain: bool, texts_later: bool, laps: &mut Laps) -> Result<Analysis, BuildError> {
    let lexicon = Lexicon::load(&options.data_dirs)?;
    let lexicon_fingerprint = cache::quads_fingerprint(&rdf::curated_quads(vocab::DEFAULT_BASE, &lexicon));
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
    let cache_ref = &*cache;
    // Unchanged files first: their extractions are read from thousands of small cache files,
    // and with a cold page cache those reads wait on the disk, not on a core, so more of them
    // are kept in flight than there are cores (at 10,000 documents: 0.9 s of reads on two
    // threads, a third of that on sixteen).
    let recognise = || -> Vec<Option<Read>> {
        sources
            .par_iter()
            .map(|source| {
                let found = read_unchanged(source, &lexicon_fingerprint, cache_ref, texts_later);
                if found.is_some() {
                    progress.advance(&source.name());
                }
                found
            })
            .collect()
    };
    let recognised = match rayon::ThreadPoolBuilder::new().num_threads(CACHE_READERS).build() {
        Ok(pool) => pool.install(recognise),
        Err(_) => recognise(),
    };
    // The rest are read and extracted, which keeps the cores busy.
    let read: Vec<Result<Read, String>> = sources
        .par_iter()
        .zip(recognised)
        .map(|(source, found)| match found {
            Some(read) => Ok(read),
            None => {
                let result = read_one(source, options, &lexicon, &lexicon_fingerprint, cache_ref, texts_later);
                progress.advance(&source.name());
                result
            }
        })
        .collect();
    progress.finish();
    let mut documents = Vec::new();
    let mut extractions = Vec::new();
    let mut keys = Vec::new();
    let mut texts_in_cache = Vec::new();
    let mut warnings = Vec::new();
    let mut seen_ids = BTreeSet::new();
    let mut files = std::collections::HashSet::new();
    for r in read {
        match r {
            Ok(Read { document: doc, extraction: ex, key, file, read, text_in_cache }) => {
                if let Some(file) = file {
                    if read {
                        cache.note_file(&file, &doc.sha256);
                    }
                    files.insert(file);
                }
                if !seen_ids.insert(doc.id().to_owned()) {
                    warnings.push(format!("{}: same content as another input; read once", doc.path.display()));
                    continue;
                }
                warnings.extend(ex.warnings.iter().cloned());
                documents.push(doc);
                extractions.push(ex);
                keys.push(key);
                texts_in_cache.push(text_in_cache);
            }
            Err(e) => failed.push(e),
        }
    }
    cache.retain_files(&files);
    laps.lap("read and extract");
    let resolved = resolve::entities(&extractions, &lexicon, &options.base, &corrections, explain);
    laps.lap("resolve");
    Ok(Analysis { documents, extractions, keys, texts_in_cache, resolved, lexicon, failed, warnings })
}

/// One input, read (or found unchanged) and extracted (or taken from the cache).
struct Read {
    document: Document,
    extraction: Extraction,
    key: String,
    /// The file it came from (not for standard input or text in memory).
    file: Option<PathBuf>,
    /// The file was read (so its stamp is new), not recognised from its stamp.
    read: bool,
    /// Its text was left in the cache (see [`Analysis::texts_in_cache`]).
    text_in_cache: bool,
}

/// How many threads read cached extractions of unchanged files (see [`analyse_cached`]).
const CACHE_READERS: usize = 16;

/// The cached extraction of an unchanged file (same size and time as at the last build), which
/// is then not read at all; `None` when the file is new or changed, or its entry is missing.
fn read_unchanged(source: &Input, lexicon_fingerprint: &str, cache: &BuildCache, texts_later: bool) -> Option<Read> {
    let Input::Path(path) = source else { return None };
    if path.as_os_str() == ingest::STDIN {
        return None;
    }
    let sha256 = cache.known_sha256(path)?;
    let probe = Document { path: path.clone(), file_name: file_name_of(path), sha256, media_type: "", text: String::new(), warnings: Vec::new() };
    let key = extraction_key(&probe, lexicon_fingerprint);
    let (document, extraction) = if texts_later { cache.extraction_without_texts(&key, path) } else { cache.extraction(&key, path) }?;
    Some(Read { document, extraction, key, file: Some(path.clone()), read: false, text_in_cache: texts_later })
}

/// Reads and extracts one input that [`read_unchanged`] did not find (or takes its extraction
/// from the cache when the same content was extracted before under another stamp).
fn read_one(source: &Input, options: &BuildOptions, lexicon: &Lexicon, lexicon_fingerprint: &str, cache: &BuildCache, texts_later: bool) -> Result<Read, String> {
    let file = match source {
        Input::Path(path) if path.as_os_str() != ingest::STDIN => Some(path.clone()),
        _ => None,
    };
    let document = match source {
        Input::Path(path) => ingest::read_with(path, &options.ingest).map_err(|e| e.to_string())?,
        Input::Text(doc) => doc.clone(),
    };
    let key = extraction_key(&document, lexicon_fingerprint);
    let (mut document, mut extraction, stored) = match cache.extraction(&key, &document.path) {
        Some((_, extraction)) => (document, extraction, true),
        None => {
            let extraction = extract::document(&document, lexicon);
            // A cache that cannot be written only makes the next build slower.
            let stored = cache.put_extraction(&key, &document, &extraction).unwrap_or(false);
            (document, extraction, stored)
        }
    };
    // Texts the cache holds need not stay in memory while the corpus is resolved and loaded:
    // at 10,000 documents they are a fifth of what a build holds.
    let text_in_cache = texts_later && stored;
    if text_in_cache {
        document.text = String::new();
        extraction.cleaned = Default::default();
        extraction.sentences = Default::default();
    }
    Ok(Read { document, extraction, key, file, read: true, text_in_cache })
}

/// The file name a document read from `path` records (as [`ingest::read_with`] names it).
fn file_name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// What a document's graph is made from: its extraction (by key), the entities its mentions
/// resolved to, the label of the body that met (which names the meeting), whether it states
/// the meeting's label, start and number (which another document about the same meeting may
/// take over or hand back), and what its agenda items are named (the meeting's, or its own).
/// Equal fingerprints give equal graphs, so a graph whose fingerprint is recorded is not rebuilt.
fn document_fingerprint(base: &str, d: usize, key: &str, ex: &Extraction, resolved: &Resolved) -> String {
    let iris: Vec<&str> = resolved.mention_iris[d].iter().map(|i| i.as_deref().unwrap_or("")).collect();
    let body = ex.meeting.as_ref().and_then(|m| m.body).and_then(|b| resolved.entity_of(d, b)).map_or("", |e| e.label.as_str());
    let meeting = resolved.meeting_of(d);
    let states = if meeting.is_some_and(|m| m.states_facts) { "states the meeting" } else { "" };
    let items = meeting.map_or("", |m| m.item_base.as_str());
    cache::fingerprint([base.as_bytes(), key.as_bytes(), body.as_bytes(), states.as_bytes(), items.as_bytes()].into_iter().chain(iris.iter().map(|i| i.as_bytes())))
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
    let mut laps = Laps::new();
    let mut cache = BuildCache::open(store.on_disk());
    // Texts wait in the build cache until a graph is made from them: a rebuild fetches those of
    // the few documents it writes, a fresh build each in turn as it loads.
    let fresh = store.is_empty()?;
    std::thread::scope(|scope| {
        // A rebuild needs the store's graphs only at its end, to find those of documents no
        // longer given. Finding them reads RocksDB, so it runs while the inputs are read; it is
        // joined before anything is written.
        let known = cache.known_graphs();
        let listing = (!fresh).then(|| scope.spawn(|| graphs_before(store, known)));
        let analysis = analyse_cached(inputs, options, progress, &mut cache, false, true, &mut laps)?;
        let mut report = BuildReport { failed: analysis.failed.clone(), warnings: analysis.warnings.clone(), ..BuildReport::default() };
        if !options.keep_going && !report.failed.is_empty() {
            report.warnings.push("the store was left as it was: an input failed and --keep-going=false".to_owned());
            report.counts = store.counts(None)?;
            report.seconds = started.elapsed().as_secs_f64();
            return Ok(report);
        }
        let quads = match listing {
            None => load_fresh(&analysis, store, options, &mut cache, &mut report, &mut laps)?,
            Some(listing) => {
                let graphs = listing.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                update(&analysis, store, options, &graphs, &mut cache, &mut report, &mut laps)?
            }
        };
        if let Err(e) = cache.save() {
            report.warnings.push(format!("{}: cannot write the build cache ({e}); the next build will redo more work", store.path().display()));
        }
        let keep: std::collections::HashSet<String> = analysis.keys.iter().cloned().collect();
        // Extractions of documents no longer among the inputs go; failed inputs keep theirs.
        if report.failed.is_empty()
            && let Err(e) = cache.retain_extractions(&keep)
        {
            report.warnings.push(format!("{}: cannot clean the build cache: {e}", store.path().display()));
        }
        laps.lap("save the build cache");
        report.counts = store.counts(quads)?;
        laps.lap("count");
        report.phases = laps.phases;
        report.seconds = started.elapsed().as_secs_f64();
        // Freeing millions of small allocations takes a noticeable share of a small rebuild; a
        // process about to exit need not wait for it.
        std::thread::spawn(move || drop(analysis));
        Ok(report)
    })
}

/// The store's named graphs before a rebuild writes. The stamped graphs the cache knows are in
/// the store (`BuildCache::known_graphs`); when the unstamped ones it knows are still there and
/// the store holds no more graphs than these, they are all, found by one count and a lookup per
/// unstamped graph instead of a point read of every graph's name (0.7 s at 10,000 documents
/// with a cold page cache).
fn graphs_before(store: &GraphStore, (stamped, unstamped): (Vec<String>, Vec<String>)) -> Result<Vec<NamedNode>, StoreError> {
    let known: Option<Vec<NamedNode>> = stamped.into_iter().chain(unstamped.iter().cloned()).map(|iri| NamedNode::new(iri).ok()).collect();
    if let Some(known) = known
        && !known.is_empty()
        && store.graph_count()? == known.len()
    {
        let mut still_there = true;
        for graph in &known[known.len() - unstamped.len()..] {
            still_there &= store.holds_graph(graph.as_ref())?;
        }
        if still_there {
            return Ok(known);
        }
    }
    store.graph_names()
}

/// The three kinds of graph a build writes, with what identifies their content.
struct Planned {
    graph: NamedNode,
    fingerprint: String,
}

/// A build into a store that already holds graphs: each graph whose fingerprint the cache
/// records unchanged is skipped without reading it; any other is compared with the store and
/// replaced (in one transaction) when it differs. Returns the store's quad count when every
/// graph's size is known, so that counting need not scan the store.
///
/// `graphs` lists the store's named graphs as they were before the build wrote anything.
fn update(analysis: &Analysis, store: &GraphStore, options: &BuildOptions, graphs: &[NamedNode], cache: &mut BuildCache, report: &mut BuildReport, laps: &mut Laps) -> Result<Option<usize>, BuildError> {
    let base = options.base.as_str();
    let fixed = [
        (rdf::curated_graph(base), rdf::curated_quads(base, &analysis.lexicon)),
        (rdf::entities_graph(base), rdf::entity_quads(base, &analysis.extractions, &analysis.resolved)),
    ];
    let fixed: Vec<(Planned, Vec<oxigraph::model::Quad>)> =
        fixed.into_iter().map(|(graph, quads)| (Planned { fingerprint: cache::quads_fingerprint(&quads), graph }, quads)).collect();
    let documents: Vec<Planned> = (0..analysis.documents.len())
        .into_par_iter()
        .map(|d| Planned {
            graph: rdf::document_iri(base, analysis.documents[d].id()),
            fingerprint: document_fingerprint(base, d, &analysis.keys[d], &analysis.extractions[d], &analysis.resolved),
        })
        .collect();
    laps.lap("make the entities graph and fingerprint every graph");
    let unchanged = |p: &Planned| cache.graph(p.graph.as_str()).is_some_and(|s| s.fingerprint == p.fingerprint);
    let stale: Vec<usize> = (0..documents.len()).filter(|&d| !unchanged(&documents[d])).collect();
    let stale_fixed: Vec<usize> = (0..fixed.len()).filter(|&i| !unchanged(&fixed[i].0)).collect();

    // What the store holds of each stale graph, by the stamps about to be forgotten.
    let held: std::collections::HashMap<usize, String> =
        stale.iter().filter_map(|&d| cache.graph(documents[d].graph.as_str()).map(|s| (d, s.content.clone()))).filter(|(_, c)| !c.is_empty()).collect();
    let held_fixed: Vec<Option<usize>> = fixed.iter().map(|(p, _)| cache.graph(p.graph.as_str()).map(|s| s.quads)).collect();
    // Forget what is about to be written before writing it (see the invariant in `cache`).
    cache.forget_graphs(stale.iter().map(|&d| documents[d].graph.as_str()).chain(stale_fixed.iter().map(|&i| fixed[i].0.graph.as_str())));
    cache.save().map_err(|e| StoreError::Load { path: store.path().to_owned(), message: format!("cannot write the build cache: {e}") })?;

    for &i in &stale_fixed {
        let (planned, quads) = &fixed[i];
        store.sync_graph(planned.graph.as_ref(), quads, held_fixed[i])?;
        cache.record_graph(planned.graph.as_str(), GraphStamp { fingerprint: planned.fingerprint.clone(), content: planned.fingerprint.clone(), quads: quads.len() });
    }
    let stale_set: std::collections::HashSet<usize> = stale.iter().copied().collect();
    for (d, doc) in analysis.documents.iter().enumerate() {
        if !stale_set.contains(&d) {
            report.skipped.push(doc.file_name.clone());
        }
    }
    for chunk in stale.chunks(LOAD_CHUNK) {
        let cache_ref = &*cache;
        // Each stale document's graph and content fingerprint, or the document whose texts failed.
        let made: Vec<Result<MadeGraph, usize>> = chunk
            .par_iter()
            .map(|&d| {
                let quads = document_quads(analysis, cache_ref, base, d)?;
                let content = cache::quads_fingerprint(&quads);
                Ok((d, quads, content))
            })
            .collect();
        let mut graphs = Vec::with_capacity(made.len());
        for m in made {
            match m {
                Ok(graph) => graphs.push(graph),
                Err(d) => texts_lost(analysis, cache, report, d),
            }
        }
        for (d, quads, content) in graphs {
            let planned = &documents[d];
            // Made again but the same as what the store holds (a new govgraph build): no need to
            // read the graph back to see it.
            let held_already = held.get(&d) == Some(&content);
            if !held_already && store.sync_graph(planned.graph.as_ref(), &quads, None)? {
                report.built.push(analysis.documents[d].file_name.clone());
            } else {
                report.skipped.push(analysis.documents[d].file_name.clone());
            }
            cache.record_graph(planned.graph.as_str(), GraphStamp { fingerprint: planned.fingerprint.clone(), content, quads: quads.len() });
        }
    }

    laps.lap("write changed graphs");
    // Graphs of documents no longer among the inputs go, except those of inputs that failed to
    // read this time: a broken file must not lose what the store had for it.
    let wanted: std::collections::HashSet<&str> = documents.iter().map(|p| p.graph.as_str()).collect();
    let failed_names: BTreeSet<String> = report
        .failed
        .iter()
        .filter_map(|line| line.split(": ").next().and_then(|p| Path::new(p).file_name()).map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let fixed_graphs: std::collections::HashSet<&str> = fixed.iter().map(|(p, _)| p.graph.as_str()).collect();
    let mut kept = Vec::new();
    let mut gone = Vec::new();
    for graph in graphs.iter().cloned() {
        if wanted.contains(graph.as_str()) || fixed_graphs.contains(graph.as_str()) || !store.is_document_graph(graph.as_ref())? {
            kept.push(graph);
            continue;
        }
        let identifier = store.document_identifier(graph.as_ref())?;
        if identifier.is_some_and(|id| failed_names.contains(&id)) {
            kept.push(graph);
            continue;
        }
        gone.push(graph);
    }
    if !gone.is_empty() {
        // As for writing: the stamps go, and are saved gone, before the graphs do.
        cache.forget_graphs(gone.iter().map(NamedNode::as_str));
        cache.save().map_err(|e| StoreError::Load { path: store.path().to_owned(), message: format!("cannot write the build cache: {e}") })?;
        for graph in &gone {
            store.remove_graph(graph.as_ref())?;
            report.removed += 1;
        }
    }
    // The store's graphs that no stamp describes, for the next build's `graphs_before`.
    cache.set_unstamped(kept.iter().filter(|graph| cache.graph(graph.as_str()).is_none()).map(|graph| graph.as_str().to_owned()).collect());
    // The list was taken before this build wrote: the graphs it added are not in it.
    let listed: std::collections::HashSet<&str> = graphs.iter().map(NamedNode::as_str).collect();
    kept.extend(documents.iter().map(|p| &p.graph).chain(fixed.iter().map(|(p, _)| &p.graph)).filter(|g| !listed.contains(g.as_str())).cloned());
    // Every graph in the store has a recorded size only when no kept graph lacks one.
    let total = kept.iter().map(|graph| cache.graph(graph.as_str()).map(|stamp| stamp.quads)).sum();
    laps.lap("remove graphs of documents no longer given");
    Ok(total)
}

/// A document's index, its graph's quads and their content fingerprint.
type MadeGraph = (usize, Vec<oxigraph::model::Quad>, String);

/// Document `d`'s graph, from its texts in memory or in `cache`; `Err(d)` when the cache entry
/// can no longer be read back (cut short, removed meanwhile).
fn document_quads(analysis: &Analysis, cache: &BuildCache, base: &str, d: usize) -> Result<Vec<oxigraph::model::Quad>, usize> {
    if analysis.texts_in_cache[d] {
        let (text, cleaned) = cache.texts(&analysis.keys[d]).ok_or(d)?;
        let extraction = Extraction { cleaned, ..analysis.extractions[d].clone() };
        return Ok(rdf::document_quads(base, d, &extraction, &text, &analysis.resolved, &analysis.lexicon));
    }
    let doc = &analysis.documents[d];
    Ok(rdf::document_quads(base, d, &analysis.extractions[d], &doc.text, &analysis.resolved, &analysis.lexicon))
}

/// Reports a document whose cached texts could not be read back, and drops its entry so that
/// the next build extracts the file again; the store keeps whatever graph it had for it.
fn texts_lost(analysis: &Analysis, cache: &BuildCache, report: &mut BuildReport, d: usize) {
    cache.drop_extraction(&analysis.keys[d]);
    report.failed.push(format!(
        "{}: its cached text could not be read back, so its graph was not written (a graph the store had for it is kept); the next build reads the file again",
        analysis.documents[d].path.display()
    ));
}

/// A document graph of a fresh build: its name, its quads and its stamp.
type FreshGraph = (oxigraph::model::NamedNode, Vec<oxigraph::model::Quad>, GraphStamp);

/// How many documents' quads are made at once (in parallel) before they go to the bulk loader:
/// enough to keep both cores busy, few enough that memory stays bounded.
const LOAD_CHUNK: usize = 256;

/// A build into an empty store: every graph is new, so nothing is compared and everything goes
/// through the bulk loader, chunk by chunk. Returns the number of quads written.
fn load_fresh(analysis: &Analysis, store: &GraphStore, options: &BuildOptions, cache: &mut BuildCache, report: &mut BuildReport, laps: &mut Laps) -> Result<Option<usize>, BuildError> {
    let base = options.base.as_str();
    cache.clear_graphs();
    let fixed = [
        (rdf::curated_graph(base), rdf::curated_quads(base, &analysis.lexicon)),
        (rdf::entities_graph(base), rdf::entity_quads(base, &analysis.extractions, &analysis.resolved)),
    ];
    let mut stamps: Vec<(String, GraphStamp)> =
        fixed
            .iter()
            .map(|(g, quads)| {
                let content = cache::quads_fingerprint(quads);
                (g.as_str().to_owned(), GraphStamp { fingerprint: content.clone(), content, quads: quads.len() })
            })
            .collect();
    let n = analysis.documents.len();
    let stamps_cell = std::sync::Mutex::new(Vec::with_capacity(n));
    // Documents whose cached texts could not be read back: not loaded, reported after the load.
    let lost_cell = std::sync::Mutex::new(Vec::new());
    let cache_ref = &*cache;
    let chunks = (0..n).step_by(LOAD_CHUNK).flat_map(|start| {
        let end = (start + LOAD_CHUNK).min(n);
        let made: Vec<Result<FreshGraph, usize>> = (start..end)
            .into_par_iter()
            .map(|d| {
                let quads = document_quads(analysis, cache_ref, base, d)?;
                let fingerprint = document_fingerprint(base, d, &analysis.keys[d], &analysis.extractions[d], &analysis.resolved);
                let stamp = GraphStamp { fingerprint, content: cache::quads_fingerprint(&quads), quads: quads.len() };
                Ok((rdf::document_iri(base, analysis.documents[d].id()), quads, stamp))
            })
            .collect();
        let mut recorded = stamps_cell.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut lost = lost_cell.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        made.into_iter()
            .filter_map(|made| match made {
                Ok((graph, quads, stamp)) => {
                    recorded.push((graph.as_str().to_owned(), stamp));
                    Some((graph, quads))
                }
                Err(d) => {
                    lost.push(d);
                    None
                }
            })
            .collect::<Vec<_>>()
    });
    store.load_fresh(fixed.into_iter().chain(chunks))?;
    laps.lap("make quads and bulk-load them");
    store.optimize()?;
    laps.lap("compact");
    // The load committed: only now may the fingerprints be recorded.
    stamps.extend(stamps_cell.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner));
    let total = stamps.iter().map(|(_, s)| s.quads).sum();
    for (graph, stamp) in stamps {
        cache.record_graph(&graph, stamp);
    }
    let lost: std::collections::HashSet<usize> = lost_cell.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner).into_iter().collect();
    for &d in &lost {
        texts_lost(analysis, cache, report, d);
    }
    report.built.extend((0..n).filter(|d| !lost.contains(d)).map(|d| analysis.documents[d].file_name.clone()));
    Ok(Some(total))
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

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;

    /// The store's quads as sorted N-Quads lines (stores differ in the order they list them).
    fn dump(store: &GraphStore) -> Vec<String> {
        let mut out = Vec::new();
        store.dump(RdfFormat::NQuads, &mut out).unwrap();
        let mut lines: Vec<String> = String::from_utf8(out).unwrap().lines().map(str::to_owned).collect();
        lines.sort();
        lines
    }

    /// An on-disk store's build lets go of each text once the cache holds it and reads it back
    /// to make the graph; an in-memory store (no cache folder) keeps texts in memory. Both must
    /// write the same quads, and a text the cache lost is reported, not loaded half-made.
    #[test]
    fn a_fresh_build_from_texts_in_the_cache_equals_one_from_texts_in_memory() {
        let inputs = embedded_corpus();
        let options = BuildOptions::default();
        let memory = GraphStore::in_memory().unwrap();
        let in_memory = run(&inputs, &memory, &options, &Silent).unwrap();
        assert_eq!(in_memory.built.len(), inputs.len());

        let dir = tempfile::tempdir().unwrap();
        let disk = GraphStore::open(&dir.path().join("db")).unwrap();
        let analysis = analyse_cached(&inputs, &options, &Silent, &mut BuildCache::open(disk.on_disk()), false, true, &mut Laps::new()).unwrap();
        assert!(analysis.texts_in_cache.iter().all(|&t| t), "every text went to the cache");
        assert!(analysis.documents.iter().all(|d| d.text.is_empty()), "and left memory");
        let on_disk = run(&inputs, &disk, &options, &Silent).unwrap();
        assert_eq!(on_disk.built.len(), inputs.len());
        let (expected, got) = (dump(&memory), dump(&disk));
        assert!(expected == got, "{} quads from memory, {} from the cache", expected.len(), got.len());

        // The texts of one document vanish between extraction and loading: that document is
        // reported by file name and left out; the others load.
        let dir = tempfile::tempdir().unwrap();
        let store = GraphStore::open(&dir.path().join("db")).unwrap();
        let mut cache = BuildCache::open(store.on_disk());
        let analysis = analyse_cached(&inputs, &options, &Silent, &mut cache, false, true, &mut Laps::new()).unwrap();
        let lost = analysis.documents[0].file_name.clone();
        cache.drop_extraction(&analysis.keys[0]);
        let mut report = BuildReport::default();
        load_fresh(&analysis, &store, &options, &mut cache, &mut report, &mut Laps::new()).unwrap();
        assert_eq!(report.built.len(), inputs.len() - 1);
        assert!(!report.built.contains(&lost));
        assert!(report.failed.len() == 1 && report.failed[0].contains(&lost), "{:?}", report.failed);
        assert!(!store.is_document_graph(rdf::document_iri(vocab::DEFAULT_BASE, analysis.documents[0].id()).as_ref()).unwrap());
    }
}
