//! Store: named graphs of quads ↔ the on-disk Oxigraph store.
//!
//! This is the only module that writes to disk after ingest. It knows nothing about
//! extraction: it receives finished graphs and keeps each one in sync, replacing a graph
//! whole (in one transaction) when its content changed and leaving it untouched otherwise.

use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::vocab;

/// Memory the bulk loader may use for its batches (Oxigraph's default is 2 GB per thread).
/// At 10,000 documents, 512 → 128 lowered a fresh build's peak RSS by about 300 MB at the
/// same build time: the loader writes more, smaller index files, and the compaction that
/// follows takes a second or two longer.
const BULK_LOAD_MEGABYTES: usize = 128;

/// What went wrong with the store. Every variant names the store's folder.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("store {path}: cannot load RDF: {message}")]
    Load { path: PathBuf, message: String },
    #[error("store {path}: cannot open: {source} (is another govgraph process using it?)")]
    Open { path: PathBuf, source: oxigraph::store::StorageError },
    #[error("store {path}: cannot open: in use by another process (its lock is held); wait for that build to finish, or use another --store")]
    Locked { path: PathBuf, source: oxigraph::store::StorageError },
    #[error("store {path}: written by a newer govgraph (store format {found}; this govgraph reads format {supported} and older); upgrade govgraph or rebuild into a new store")]
    NewerFormat { path: PathBuf, found: u32, supported: u32 },
    #[error("store {path}: unreadable format marker {marker}: {reason}")]
    BadMarker { path: PathBuf, marker: PathBuf, reason: String },
    #[error("store {path}: no store here; run `govgraph build` first")]
    Missing { path: PathBuf },
    #[error("store {path}: {source}")]
    Storage { path: PathBuf, source: oxigraph::store::StorageError },
    #[error("store {path}: query failed: {source}")]
    Query { path: PathBuf, source: oxigraph::sparql::QueryEvaluationError },
    #[error("store {path}: cannot write the dump: {source}")]
    Dump { path: PathBuf, source: std::io::Error },
}

/// Headline numbers of a store, for the closing summary of a build.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct StoreCounts {
    pub quads: usize,
    pub documents: usize,
    pub meetings: usize,
    pub people: usize,
    pub organisations: usize,
    pub processes: usize,
}

/// The on-disk store of govgraph: an Oxigraph [`Store`] plus the path it lives at.
pub struct GraphStore {
    store: Store,
    path: PathBuf,
    on_disk: bool,
}

/// The layout version of govgraph's stores. Raise it when a store written by this version
/// could be misread by an older one; an older govgraph then refuses the store instead.
pub const FORMAT_VERSION: u32 = 1;

/// The file beside RocksDB's own that records [`FORMAT_VERSION`]. A file rather than a quad,
/// so that it can be read before RocksDB opens (and takes its lock) and never shows in a dump.
pub const FORMAT_MARKER: &str = "govgraph-format";

impl GraphStore {
    /// Opens (creating when absent) the store at `path` for reading and writing.
    ///
    /// Refuses a store written by a newer govgraph, and names a store whose lock another
    /// process holds. A store without a marker (new, or from before markers) gets one.
    pub fn open(path: &Path) -> Result<GraphStore, StoreError> {
        let found = format_version(path)?;
        let store = Store::open(path).map_err(|source| open_error(path, source))?;
        if found.is_none() {
            let marker = path.join(FORMAT_MARKER);
            std::fs::write(&marker, format!("govgraph store format {FORMAT_VERSION}\n")).map_err(|e| StoreError::BadMarker {
                path: path.to_owned(),
                marker,
                reason: format!("cannot write it: {e}"),
            })?;
        }
        Ok(GraphStore { store, path: path.to_owned(), on_disk: true })
    }

    /// Opens an existing store at `path` for reading only; several readers may share it.
    pub fn open_read_only(path: &Path) -> Result<GraphStore, StoreError> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Missing { path: path.to_owned() });
        }
        format_version(path)?;
        let store = Store::open_read_only(path).map_err(|source| open_error(path, source))?;
        Ok(GraphStore { store, path: path.to_owned(), on_disk: true })
    }

    /// A store held in memory only, for examples and tests.
    pub fn in_memory() -> Result<GraphStore, StoreError> {
        let path = PathBuf::from("(memory)");
        let store = Store::new().map_err(|source| StoreError::Storage { path: path.clone(), source })?;
        Ok(GraphStore { store, path, on_disk: false })
    }

    /// A store held in memory and filled from RDF text (a TriG fixture, say).
    pub fn in_memory_from(format: RdfFormat, data: &str) -> Result<GraphStore, StoreError> {
        let store = GraphStore::in_memory()?;
        store.store.load_from_slice(format, data).map_err(|e| StoreError::Load { path: store.path.clone(), message: e.to_string() })?;
        Ok(store)
    }

    /// The folder the store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The folder the store lives in, or `None` for a store held in memory.
    pub fn on_disk(&self) -> Option<&Path> {
        self.on_disk.then_some(self.path.as_path())
    }

    /// The underlying Oxigraph store, for callers that need its full API.
    pub fn oxigraph(&self) -> &Store {
        &self.store
    }

    /// Makes the named graph `graph` hold exactly `quads` (whose graph names are ignored).
    ///
    /// Returns `false` without writing when the graph already holds exactly these triples,
    /// so that rebuilding unchanged input touches nothing. Otherwise the old graph is removed and
    /// the new one inserted in a single transaction: a reader or a crash never sees half a graph.
    ///
    /// `held`, when known (the build cache records each graph's size), is how many quads the
    /// graph holds now. When that many of the wanted quads are already there, the graph holds
    /// nothing else, and only the missing ones are written, found by one lookup each instead of
    /// reading the whole graph back (the entities graph after a new summary usually only grows).
    pub fn sync_graph(&self, graph: NamedNodeRef<'_>, quads: &[Quad], held: Option<usize>) -> Result<bool, StoreError> {
        let wanted: HashSet<Quad> = quads
            .iter()
            .map(|q| Quad::new(q.subject.clone(), q.predicate.clone(), q.object.clone(), graph.into_owned()))
            .collect();
        if let Some(held) = held.filter(|&h| h <= wanted.len()) {
            let mut missing = Vec::new();
            for quad in &wanted {
                if !self.store.contains(quad).map_err(|e| self.storage(e))? {
                    missing.push(quad.clone());
                    // Fewer than `held` can now be there: something is to be removed.
                    if wanted.len() - missing.len() < held {
                        break;
                    }
                }
            }
            if wanted.len() - missing.len() == held {
                if missing.is_empty() {
                    return Ok(false);
                }
                let mut transaction = self.store.start_transaction().map_err(|e| self.storage(e))?;
                transaction.extend(&missing);
                transaction.commit().map_err(|e| self.storage(e))?;
                return Ok(true);
            }
        }
        let mut existing = HashSet::with_capacity(wanted.len());
        for quad in self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph))) {
            existing.insert(quad.map_err(|e| self.storage(e))?);
        }
        if existing == wanted {
            return Ok(false);
        }
        // Only the difference is written: a large graph that changed a little (the entities
        // graph after one new document) costs what changed, not its size.
        let mut transaction = self.store.start_transaction().map_err(|e| self.storage(e))?;
        for quad in existing.difference(&wanted) {
            transaction.remove(quad);
        }
        transaction.extend(wanted.difference(&existing));
        transaction.commit().map_err(|e| self.storage(e))?;
        Ok(true)
    }

    /// Whether the store holds no quad at all; a build into an empty store uses [`Self::load_fresh`].
    pub fn is_empty(&self) -> Result<bool, StoreError> {
        self.store.is_empty().map_err(|e| self.storage(e))
    }

    /// Writes graphs into an empty store with Oxigraph's bulk loader, which sorts and writes
    /// index files directly instead of going through transactions: a fresh build costs what a raw
    /// `oxigraph load` costs. Each item is a graph name and its quads (whose graph names are
    /// ignored); items are pulled one at a time, so the caller can produce them lazily. The load
    /// is atomic: nothing is visible until every graph is written.
    pub fn load_fresh(&self, graphs: impl Iterator<Item = (NamedNode, Vec<Quad>)>) -> Result<(), StoreError> {
        let mut loader = self.store.bulk_loader().with_max_memory_size_in_megabytes(BULK_LOAD_MEGABYTES);
        // One call, one stream: the loader writes a set of index files per full batch, so
        // feeding it graph by graph would write thousands of tiny files.
        let quads = graphs.flat_map(|(graph, quads)| {
            let graph = oxigraph::model::GraphName::NamedNode(graph);
            quads.into_iter().map(move |q| Quad::new(q.subject, q.predicate, q.object, graph.clone()))
        });
        loader.load_quads(quads).map_err(|e| self.storage(e))?;
        loader.commit().map_err(|e| self.storage(e))
    }

    /// Compacts the on-disk indexes. After a bulk load RocksDB holds many overlapping files, and
    /// every read looks through all of them: dumping a fresh 10,000-document store took over
    /// 300 s uncompacted, under a minute compacted.
    pub fn optimize(&self) -> Result<(), StoreError> {
        if self.on_disk {
            self.store.optimize().map_err(|e| self.storage(e))?;
        }
        Ok(())
    }

    /// Removes a named graph and everything in it.
    pub fn remove_graph(&self, graph: NamedNodeRef<'_>) -> Result<(), StoreError> {
        self.store.remove_named_graph(graph).map_err(|e| self.storage(e))?;
        Ok(())
    }

    /// Whether `graph` holds a document (its name is the document's IRI, typed `gg:Document`
    /// in it): one lookup, where scanning every document's type quad decodes them all.
    pub fn is_document_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool, StoreError> {
        self.store
            .contains(oxigraph::model::QuadRef::new(graph, vocab::rdf::TYPE, vocab::gg::DOCUMENT, graph))
            .map_err(|e| self.storage(e))
    }

    /// The `dcterms:identifier` (file name) a document graph records for its document.
    pub fn document_identifier(&self, graph: NamedNodeRef<'_>) -> Result<Option<String>, StoreError> {
        for quad in self.store.quads_for_pattern(
            Some(graph.into()),
            Some(vocab::dcterms::IDENTIFIER),
            None,
            Some(graph.into()),
        ) {
            if let oxigraph::model::Term::Literal(lit) = quad.map_err(|e| self.storage(e))?.object {
                return Ok(Some(lit.value().to_owned()));
            }
        }
        Ok(None)
    }

    /// Runs a SPARQL query whose default graph is the union of all graphs.
    pub fn query(&self, sparql: &str) -> Result<QueryResults<'static>, crate::query::QueryError> {
        let mut prepared = SparqlEvaluator::new()
            .parse_query(sparql)
            .map_err(|source| crate::query::QueryError::Syntax { source })?;
        prepared.dataset_mut().set_default_graph_as_union();
        prepared
            .on_store(&self.store)
            .execute()
            .map_err(|source| crate::query::QueryError::Evaluation { source })
    }

    /// The names of all named graphs.
    pub fn graph_names(&self) -> Result<Vec<NamedNode>, StoreError> {
        let mut out = Vec::new();
        for name in self.store.named_graphs() {
            if let NamedOrBlankNode::NamedNode(node) = name.map_err(|e| self.storage(e))? {
                out.push(node);
            }
        }
        Ok(out)
    }

    /// How many named graphs the store holds: a scan of the short list of their ids, where
    /// [`Self::graph_names`] reads every name (a point read each, 0.7 s at 10,000 graphs with a
    /// cold page cache).
    pub fn graph_count(&self) -> Result<usize, StoreError> {
        self.count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g {} }")
    }

    /// Whether the store holds the named graph `graph`.
    pub fn holds_graph(&self, graph: NamedNodeRef<'_>) -> Result<bool, StoreError> {
        self.store.contains_named_graph(graph).map_err(|e| self.storage(e))
    }

    /// The number in the `?n` column of a SPARQL count.
    fn count(&self, sparql: &str) -> Result<usize, StoreError> {
        let query_failed = |source| StoreError::Query { path: self.path.clone(), source };
        let rows = match self.query(sparql) {
            Ok(QueryResults::Solutions(rows)) => rows,
            Ok(_) => return Ok(0),
            Err(crate::query::QueryError::Evaluation { source }) => return Err(query_failed(source)),
            // The query is ours and parses; any other error would be a bug, not bad input.
            Err(other) => return Err(StoreError::Load { path: self.path.clone(), message: other.to_string() }),
        };
        let mut n = 0;
        for row in rows {
            if let Some(oxigraph::model::Term::Literal(count)) = row.map_err(query_failed)?.get("n") {
                n = count.value().parse().unwrap_or(0);
            }
        }
        Ok(n)
    }

    /// Headline numbers: quads, documents, meetings and entities by kind. Counting quads scans
    /// the whole store (seconds at millions of quads), so a caller that knows the number
    /// (a build that recorded every graph's size) passes it as `known_quads`.
    pub fn counts(&self, known_quads: Option<usize>) -> Result<StoreCounts, StoreError> {
        let quads = match known_quads {
            Some(n) => n,
            None => self.store.len().map_err(|e| self.storage(e))?,
        };
        // Counted by SPARQL, which compares terms by their stored ids: decoding every typed
        // subject to count it took a tenth of a one-change rebuild at 10,000 documents.
        let count = |class: NamedNodeRef<'_>| self.count(&format!("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a {class} }} }}"));
        Ok(StoreCounts {
            quads,
            documents: count(vocab::gg::DOCUMENT)?,
            meetings: count(vocab::gg::MEETING)?,
            people: count(vocab::foaf::PERSON)?,
            organisations: count(vocab::org::ORGANIZATION)?,
            processes: count(vocab::gg::PROCESS)?,
        })
    }

    /// Writes every quad of the store to `writer` in `format`. Formats that hold a single
    /// graph (Turtle, N-Triples, JSON-LD, RDF/XML) receive the union of all graphs.
    pub fn dump(&self, format: RdfFormat, writer: impl Write) -> Result<(), StoreError> {
        let mut serializer = vocab::serializer(format).for_writer(writer);
        let dump_err = |source| StoreError::Dump { path: self.path.clone(), source };
        if format.supports_datasets() {
            for quad in self.store.iter() {
                serializer.serialize_quad(&quad.map_err(|e| self.storage(e))?).map_err(dump_err)?;
            }
        } else {
            let mut seen = HashSet::new();
            for quad in self.store.iter() {
                let quad = quad.map_err(|e| self.storage(e))?;
                let triple = oxigraph::model::Triple::from(quad);
                if seen.insert(triple.clone()) {
                    serializer.serialize_triple(&triple).map_err(dump_err)?;
                }
            }
        }
        serializer.finish().map_err(dump_err)?;
        Ok(())
    }

    fn storage(&self, source: oxigraph::store::StorageError) -> StoreError {
        StoreError::Storage { path: self.path.clone(), source }
    }
}

/// The format version recorded in the store at `path`, or `None` when there is no marker;
/// an error when the store is newer than this govgraph.
fn format_version(path: &Path) -> Result<Option<u32>, StoreError> {
    let marker = path.join(FORMAT_MARKER);
    let text = match std::fs::read_to_string(&marker) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(StoreError::BadMarker { path: path.to_owned(), marker, reason: e.to_string() }),
    };
    let found = text
        .trim()
        .strip_prefix("govgraph store format ")
        .and_then(|v| v.parse::<u32>().ok())
        .ok_or_else(|| StoreError::BadMarker {
            path: path.to_owned(),
            marker: marker.clone(),
            reason: format!("expected `govgraph store format <N>`, found {:?}", text.trim()),
        })?;
    if found > FORMAT_VERSION {
        return Err(StoreError::NewerFormat { path: path.to_owned(), found, supported: FORMAT_VERSION });
    }
    Ok(Some(found))
}

/// RocksDB reports a held lock as an I/O error mentioning its `LOCK` file.
fn open_error(path: &Path, source: oxigraph::store::StorageError) -> StoreError {
    let message = source.to_string();
    if message.contains("LOCK") || message.contains("lock") {
        StoreError::Locked { path: path.to_owned(), source }
    } else {
        StoreError::Open { path: path.to_owned(), source }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    fn quad(n: u32) -> Quad {
        let s = NamedNode::new_unchecked(format!("http://example.org/s{n}"));
        Quad::new(s, vocab::rdfs::LABEL, Literal::from(format!("label {n}")), oxigraph::model::GraphName::DefaultGraph)
    }

    fn graph_quads(store: &GraphStore, graph: NamedNodeRef<'_>) -> Vec<String> {
        let mut out: Vec<String> =
            store.store.quads_for_pattern(None, None, None, Some(graph.into())).map(|q| q.unwrap().to_string()).collect();
        out.sort();
        out
    }

    #[test]
    fn a_graph_of_known_size_is_grown_or_replaced_exactly() {
        let graph = NamedNode::new_unchecked("http://example.org/g");
        let store = GraphStore::in_memory().unwrap();
        let reference = GraphStore::in_memory().unwrap();
        let check = |quads: &[Quad]| {
            reference.sync_graph(graph.as_ref(), quads, None).unwrap();
            assert_eq!(graph_quads(&store, graph.as_ref()), graph_quads(&reference, graph.as_ref()));
        };
        assert!(store.sync_graph(graph.as_ref(), &[quad(1), quad(2)], None).unwrap());
        // Known to hold 2, both wanted again, plus one: only the new one is written.
        assert!(store.sync_graph(graph.as_ref(), &[quad(1), quad(2), quad(3)], Some(2)).unwrap());
        check(&[quad(1), quad(2), quad(3)]);
        // The same quads again: nothing to write.
        assert!(!store.sync_graph(graph.as_ref(), &[quad(3), quad(1), quad(2)], Some(3)).unwrap());
        // One quad gone: two of the wanted are there but the graph holds three, so it is read
        // back and the one no longer wanted is removed.
        assert!(store.sync_graph(graph.as_ref(), &[quad(1), quad(3), quad(4)], Some(3)).unwrap());
        check(&[quad(1), quad(3), quad(4)]);
        // A wrong size (more than the graph holds) also falls back to reading the graph.
        assert!(store.sync_graph(graph.as_ref(), &[quad(5)], Some(7)).unwrap());
        check(&[quad(5)]);
    }
}
