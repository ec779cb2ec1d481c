//! Cache: what the last build of a store read and wrote, so that the next build redoes only
//! what changed.
//!
//! It lives beside the store, in `<store>/govgraph-cache/`, and is never needed for
//! correctness: a missing, stale or unreadable cache only makes a build slower. It holds
//! - `index.json`: per input file its size, modification time and content hash (so an
//!   unchanged file is not even read, as git's index does), and per named graph the
//!   fingerprint of what produced it, a fingerprint of its content and its number of quads
//!   (a graph made again with the same content is not read back; a graph of known size that
//!   only grows is written without being read back, see `GraphStore::sync_graph`);
//! - `extract/<key>.msgpack`: one document and its extraction, keyed by everything the
//!   extraction depends on (content, file name, extractor build, curated data). The extraction
//!   comes first and the texts after it, behind a length, so that a rebuild reads only the
//!   extraction of a document it does not write (resolution needs its mentions, not its text).
//!
//! Invariant: a graph's fingerprint is in the index only while the store holds exactly the
//! graph it describes. The build removes the fingerprints of the graphs it is about to write
//! or remove and saves the index *before* writing or removing them, and records the new ones
//! only after the store has committed; a crash in between leaves graphs without fingerprints, which the next build
//! rewrites. Any other writer of the store (a SPARQL update) forgets every graph's fingerprint
//! before it writes ([`BuildCache::forget_graphs_of`]).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::extract::Extraction;
use crate::ingest::Document;
use crate::segment::Cleaned;

/// The folder, inside a store's folder, that holds its cache.
pub const CACHE_DIR: &str = "govgraph-cache";

/// Raise when the layout of the cache files changes: an index of another version is ignored.
const INDEX_VERSION: u32 = 1;

/// A file as last seen: when its size and modification time are unchanged, so is its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct FileStamp {
    len: u64,
    mtime_ns: u128,
    sha256: String,
}

/// What produced a named graph, what it holds, and its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GraphStamp {
    /// Of the graph's inputs: equal means the graph need not even be made.
    pub fingerprint: String,
    /// Of the graph's quads ([`quads_fingerprint`]): a graph made again (a new govgraph build
    /// invalidates every input fingerprint) and equal to this is not compared with the store.
    /// Empty when unknown (an index written before it was recorded).
    #[serde(default)]
    pub content: String,
    pub quads: usize,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    version: u32,
    /// When this index was last saved (nanoseconds since the epoch): a file modified at or after
    /// the time its stamp was taken may have changed within the clock's resolution.
    saved_ns: u128,
    files: HashMap<PathBuf, FileStamp>,
    graphs: HashMap<String, GraphStamp>,
    /// Graphs the store held at the end of the last build without a stamp (another tool's, such
    /// as `analyse --write`'s): with the stamped ones, every graph the store then held.
    #[serde(default)]
    unstamped: Vec<String>,
}

/// The first part of a cached document: what was extracted from it.
/// An entry file is [`ENTRY_MAGIC`], the head's length (u32, little-endian), the head, the texts.
#[derive(Serialize, Deserialize)]
struct Head {
    warnings: Vec<String>,
    extraction: Extraction,
}

/// The second part of a cached document: its text and cleaned text, read only to write its graph.
#[derive(Serialize, Deserialize)]
struct Texts {
    text: String,
    cleaned: Cleaned,
}

/// Marks an entry file of the current layout; a file without it (an older layout) is a miss.
const ENTRY_MAGIC: &[u8; 4] = b"GGC2";

/// The build cache of one store. Reading never fails (a bad cache is an empty one); writing
/// returns errors, which the build reports as warnings.
pub struct BuildCache {
    dir: Option<PathBuf>,
    index: Index,
    /// When this build started: stamps taken now are trusted from the next build on only for
    /// files last modified before it.
    started_ns: u128,
}

impl BuildCache {
    /// The cache of the store at `store_path`; `None` (a store in memory) caches nothing.
    pub fn open(store_path: Option<&Path>) -> BuildCache {
        let dir = store_path.map(|p| p.join(CACHE_DIR));
        let index = dir
            .as_ref()
            .and_then(|d| std::fs::read(d.join("index.json")).ok())
            .and_then(|bytes| serde_json::from_slice::<Index>(&bytes).ok())
            .filter(|i| i.version == INDEX_VERSION)
            .unwrap_or_default();
        BuildCache { dir, index, started_ns: now_ns() }
    }

    /// The content hash of `path` recorded by an earlier build, when the file's size and
    /// modification time are those recorded and it was not modified while that build ran.
    pub fn known_sha256(&self, path: &Path) -> Option<String> {
        let stamp = self.index.files.get(path)?;
        let meta = std::fs::metadata(path).ok()?;
        let mtime = mtime_ns(&meta)?;
        (meta.is_file() && meta.len() == stamp.len && mtime == stamp.mtime_ns && mtime < self.index.saved_ns).then(|| stamp.sha256.clone())
    }

    /// Records the content hash of a file just read.
    pub fn note_file(&mut self, path: &Path, sha256: &str) {
        if let Ok(meta) = std::fs::metadata(path)
            && let Some(mtime_ns) = mtime_ns(&meta)
        {
            self.index.files.insert(path.to_owned(), FileStamp { len: meta.len(), mtime_ns, sha256: sha256.to_owned() });
        }
    }

    /// Forgets the files not in `keep` (inputs no longer given).
    pub fn retain_files(&mut self, keep: &HashSet<PathBuf>) {
        self.index.files.retain(|p, _| keep.contains(p));
    }

    /// The cached document and extraction under `key`, if any (and readable).
    pub fn extraction(&self, key: &str, path: &Path) -> Option<(Document, Extraction)> {
        let bytes = std::fs::read(self.entry_path(key)?).ok()?;
        let (head, texts) = split_entry(&bytes)?;
        let texts: Texts = rmp_serde::from_slice(texts).ok()?;
        let (mut document, mut extraction) = read_head(head, path)?;
        document.text = texts.text;
        extraction.cleaned = texts.cleaned;
        Some((document, extraction))
    }

    /// Like [`Self::extraction`], but reads only the extraction: the document's text is empty and
    /// its extraction has no cleaned text until [`Self::texts`] fetches them. Most of a large
    /// rebuild's documents are resolved but not written, and their texts are half of each entry.
    pub fn extraction_without_texts(&self, key: &str, path: &Path) -> Option<(Document, Extraction)> {
        use std::io::Read;
        let mut file = std::fs::File::open(self.entry_path(key)?).ok()?;
        let mut header = [0u8; 8];
        file.read_exact(&mut header).ok()?;
        let len = head_len(&header)?;
        if len > file.metadata().ok()?.len() {
            return None;
        }
        let mut head = vec![0u8; usize::try_from(len).ok()?];
        file.read_exact(&mut head).ok()?;
        read_head(&head, path)
    }

    /// The text and cleaned text cached under `key`, for a document read by
    /// [`Self::extraction_without_texts`].
    pub fn texts(&self, key: &str) -> Option<(String, Cleaned)> {
        let bytes = std::fs::read(self.entry_path(key)?).ok()?;
        let (_, texts) = split_entry(&bytes)?;
        let texts: Texts = rmp_serde::from_slice(texts).ok()?;
        Some((texts.text, texts.cleaned))
    }

    /// Deletes the entry under `key` (it proved unreadable), so that the next build extracts again.
    pub fn drop_extraction(&self, key: &str) {
        if let Some(path) = self.entry_path(key) {
            let _ = std::fs::remove_file(path);
        }
    }

    /// Stores a document and its extraction under `key` (written whole, then renamed, so a
    /// crash leaves either the old entry or the new one). Returns whether it was stored: a cache
    /// without a folder (an in-memory store) stores nothing.
    pub fn put_extraction(&self, key: &str, document: &Document, extraction: &Extraction) -> std::io::Result<bool> {
        let Some(path) = self.entry_path(key) else { return Ok(false) };
        let head = Head { warnings: document.warnings.clone(), extraction: Extraction { cleaned: Cleaned::default(), ..extraction.clone() } };
        let head = rmp_serde::to_vec(&head).map_err(std::io::Error::other)?;
        let texts = Texts { text: document.text.clone(), cleaned: extraction.cleaned.clone() };
        let texts = rmp_serde::to_vec(&texts).map_err(std::io::Error::other)?;
        let len = u32::try_from(head.len()).map_err(std::io::Error::other)?;
        let mut bytes = Vec::with_capacity(8 + head.len() + texts.len());
        bytes.extend_from_slice(ENTRY_MAGIC);
        bytes.extend_from_slice(&len.to_le_bytes());
        bytes.extend_from_slice(&head);
        bytes.extend_from_slice(&texts);
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
        write_atomically(&path, &bytes)?;
        Ok(true)
    }

    /// Deletes the cached extractions whose keys are not in `keep`.
    pub fn retain_extractions(&self, keep: &HashSet<String>) -> std::io::Result<()> {
        let Some(dir) = self.dir.as_ref().map(|d| d.join("extract")) else { return Ok(()) };
        let Ok(entries) = std::fs::read_dir(&dir) else { return Ok(()) };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let key = name.strip_suffix(".msgpack").unwrap_or(&name);
            if !keep.contains(key) {
                std::fs::remove_file(entry.path())?;
            }
        }
        Ok(())
    }

    /// What the index says produced the graph `iri`.
    pub fn graph(&self, iri: &str) -> Option<&GraphStamp> {
        self.index.graphs.get(iri)
    }

    /// Every graph the index knows, with its stamp.
    pub fn graphs(&self) -> impl Iterator<Item = (&String, &GraphStamp)> {
        self.index.graphs.iter()
    }

    /// Forgets the stamps of graphs about to be written (then [`Self::save`] before writing).
    pub fn forget_graphs<'a>(&mut self, iris: impl IntoIterator<Item = &'a str>) {
        for iri in iris {
            self.index.graphs.remove(iri);
        }
    }

    /// Records the stamp of a graph the store has committed.
    pub fn record_graph(&mut self, iri: &str, stamp: GraphStamp) {
        self.index.graphs.insert(iri.to_owned(), stamp);
    }

    /// Forgets everything about graphs (the store was emptied or rebuilt from scratch).
    pub fn clear_graphs(&mut self) {
        self.index.graphs.clear();
        self.index.unstamped.clear();
    }

    /// The graphs the store holds by this index: those stamped with quads (by the invariant
    /// above), then those the last build saw there without a stamp (which another tool may have
    /// removed since). The store may hold more.
    pub fn known_graphs(&self) -> (Vec<String>, Vec<String>) {
        let stamped = self.index.graphs.iter().filter(|(_, stamp)| stamp.quads > 0).map(|(iri, _)| iri.clone()).collect();
        (stamped, self.index.unstamped.clone())
    }

    /// Records the graphs the store holds without a stamp, as a build ends.
    pub fn set_unstamped(&mut self, iris: Vec<String>) {
        self.index.unstamped = iris;
    }

    /// Forgets the stamps of every graph of the store at `store_path`, before something other
    /// than a build writes it (a SPARQL update): such a write may make any stamp untrue, so the
    /// next build compares every graph with the store. The files' stamps are kept, as old as
    /// they were.
    pub fn forget_graphs_of(store_path: &Path) -> std::io::Result<()> {
        let mut cache = BuildCache::open(Some(store_path));
        if cache.index.graphs.is_empty() && cache.index.unstamped.is_empty() {
            return Ok(());
        }
        cache.clear_graphs();
        cache.started_ns = cache.index.saved_ns;
        cache.save()
    }

    /// Writes the index (atomically).
    pub fn save(&mut self) -> std::io::Result<()> {
        let Some(dir) = &self.dir else { return Ok(()) };
        std::fs::create_dir_all(dir)?;
        self.index.version = INDEX_VERSION;
        self.index.saved_ns = self.started_ns;
        let bytes = serde_json::to_vec(&self.index).map_err(std::io::Error::other)?;
        write_atomically(&dir.join("index.json"), &bytes)
    }

    fn entry_path(&self, key: &str) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join("extract").join(format!("{key}.msgpack")))
    }
}

/// The head's length, from an entry's first eight bytes; `None` for another layout.
fn head_len(header: &[u8; 8]) -> Option<u64> {
    let (magic, len) = header.split_at(4);
    (magic == ENTRY_MAGIC).then(|| u64::from(u32::from_le_bytes([len[0], len[1], len[2], len[3]])))
}

/// An entry's head and texts, or `None` when it is of another layout or cut short.
fn split_entry(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let header: &[u8; 8] = bytes.get(..8)?.try_into().ok()?;
    let len = usize::try_from(head_len(header)?).ok()?;
    let rest = &bytes[8..];
    (len <= rest.len()).then(|| rest.split_at(len))
}

/// The document (without its text) and extraction (without its cleaned text) of an entry's head.
fn read_head(head: &[u8], path: &Path) -> Option<(Document, Extraction)> {
    let head: Head = rmp_serde::from_slice(head).ok()?;
    let extraction = head.extraction;
    let document = Document {
        path: path.to_owned(),
        file_name: extraction.file_name.clone(),
        sha256: extraction.sha256.clone(),
        media_type: crate::ingest::media_type_named(&extraction.media_type),
        text: String::new(),
        warnings: head.warnings,
    };
    Some((document, extraction))
}

/// A hex SHA-256 over `parts`, each followed by a separator byte so that ("ab","c") and
/// ("a","bc") differ.
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update(part);
        hasher.update([0u8]);
    }
    hex(&hasher.finalize())
}

/// A fingerprint of a graph's content: SHA-256 over its quads in the order given, fed through
/// their derived `Hash`, so that no quad is formatted as text (formatting the 7 million quads of
/// 10,000 documents costs seconds; hashing them, a fraction). Only ever compared with
/// fingerprints made by this same function.
pub fn quads_fingerprint(quads: &[oxigraph::model::Quad]) -> String {
    use std::hash::Hash;
    /// A `Hasher` that feeds SHA-256; its 64-bit `finish` is never used.
    struct Sha(Sha256);
    impl std::hash::Hasher for Sha {
        fn write(&mut self, bytes: &[u8]) {
            self.0.update(bytes);
        }
        fn finish(&self) -> u64 {
            0
        }
    }
    let mut hasher = Sha(Sha256::new());
    quads.hash(&mut hasher);
    hex(&hasher.0.finalize())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Identifies the running govgraph build: its version and its executable's size and time, so
/// that a rebuilt extractor never reuses extractions made by an older one.
pub fn build_id() -> String {
    static ID: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    ID.get_or_init(|| {
        let exe = std::env::current_exe().ok().and_then(|p| std::fs::metadata(p).ok());
        let (len, mtime) = exe.map_or((0, 0), |m| (m.len(), mtime_ns(&m).unwrap_or(0)));
        format!("{}-{len}-{mtime}", env!("CARGO_PKG_VERSION"))
    })
    .clone()
}

fn mtime_ns(meta: &std::fs::Metadata) -> Option<u128> {
    Some(meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos())
}

fn now_ns() -> u128 {
    std::time::SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_nanos())
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cached_extraction_reads_back_as_it_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let cache = BuildCache::open(Some(dir.path()));
        let lexicon = crate::lexicon::Lexicon::load(&[]).unwrap();
        let doc = Document::from_text("m.md", "# Working Group\nOnline Meeting 4\n12 May 2024 at 10:00 UTC\n\nConcettina Cassa (Titti) noted the **GDC**.");
        let ex = crate::extract::document(&doc, &lexicon);
        cache.put_extraction("k", &doc, &ex).unwrap();
        let (doc2, ex2) = cache.extraction("k", Path::new("m.md")).unwrap();
        assert_eq!(doc2.text, doc.text);
        assert_eq!(doc2.media_type, doc.media_type);
        assert_eq!(serde_json::to_value(&ex2).unwrap(), serde_json::to_value(&ex).unwrap());
        assert_eq!(ex2.cleaned.text, ex.cleaned.text);
        assert_eq!(ex2.char_offsets(&doc.text, &(0..ex.cleaned.text.len())), ex.char_offsets(&doc.text, &(0..ex.cleaned.text.len())));
        assert!(cache.extraction("other", Path::new("m.md")).is_none());

        // The head alone, then the texts: together the same document and extraction.
        let (doc3, ex3) = cache.extraction_without_texts("k", Path::new("m.md")).unwrap();
        assert!(doc3.text.is_empty() && ex3.cleaned.text.is_empty());
        assert_eq!(serde_json::to_value(&ex3).unwrap(), serde_json::to_value(&ex).unwrap());
        let (text, cleaned) = cache.texts("k").unwrap();
        assert_eq!(text, doc.text);
        assert_eq!(cleaned.text, ex.cleaned.text);
    }

    #[test]
    fn an_entry_cut_short_or_of_another_layout_is_a_miss_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let cache = BuildCache::open(Some(dir.path()));
        let lexicon = crate::lexicon::Lexicon::load(&[]).unwrap();
        let doc = Document::from_text("m.md", "Online Meeting 4\n12 May 2024\n\nJorge Cancio noted the GDC.");
        cache.put_extraction("k", &doc, &crate::extract::document(&doc, &lexicon)).unwrap();
        let path = cache.entry_path("k").unwrap();
        let whole = std::fs::read(&path).unwrap();
        // Cut inside the texts: the head still reads, the texts do not.
        std::fs::write(&path, &whole[..whole.len() - 3]).unwrap();
        assert!(cache.extraction_without_texts("k", Path::new("m.md")).is_some());
        assert!(cache.texts("k").is_none());
        assert!(cache.extraction("k", Path::new("m.md")).is_none());
        // Cut inside the header, a length beyond the file, and an older layout (no magic).
        let mut too_long = whole.clone();
        too_long[4..8].copy_from_slice(&u32::MAX.to_le_bytes());
        for bytes in [&whole[..6], &too_long[..], &whole[8..]] {
            std::fs::write(&path, bytes).unwrap();
            assert!(cache.extraction_without_texts("k", Path::new("m.md")).is_none());
            assert!(cache.extraction("k", Path::new("m.md")).is_none());
        }
        cache.drop_extraction("k");
        assert!(!path.exists());
    }

    #[test]
    fn a_file_is_trusted_only_while_its_size_and_time_are_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "one").unwrap();
        let mut cache = BuildCache::open(Some(&dir.path().join("store")));
        cache.note_file(&file, "sha-one");
        // Not trusted within the build that took the stamp (the file may change in the same tick).
        assert_eq!(cache.known_sha256(&file), None);
        std::thread::sleep(std::time::Duration::from_millis(20));
        let mut later = BuildCache { started_ns: now_ns(), ..cache };
        later.save().unwrap();
        let reopened = BuildCache::open(Some(&dir.path().join("store")));
        assert_eq!(reopened.known_sha256(&file).as_deref(), Some("sha-one"));
        std::fs::write(&file, "three").unwrap();
        assert_eq!(reopened.known_sha256(&file), None);
    }

    #[test]
    fn a_content_fingerprint_changes_with_any_quad_and_with_their_order() {
        use oxigraph::model::{Literal, NamedNode, Quad};
        let quad = |o: &str| Quad::new(NamedNode::new_unchecked("http://s"), NamedNode::new_unchecked("http://p"), Literal::from(o), NamedNode::new_unchecked("http://g"));
        let (a, b) = (quad("a"), quad("b"));
        assert_eq!(quads_fingerprint(&[a.clone(), b.clone()]), quads_fingerprint(&[a.clone(), b.clone()]));
        assert_ne!(quads_fingerprint(&[a.clone(), b.clone()]), quads_fingerprint(&[b.clone(), a.clone()]));
        assert_ne!(quads_fingerprint(std::slice::from_ref(&a)), quads_fingerprint(&[a.clone(), a.clone()]));
        assert_ne!(quads_fingerprint(&[quad("ab")]), quads_fingerprint(&[quad("a")]));
        assert_ne!(quads_fingerprint(std::slice::from_ref(&a)), quads_fingerprint(&[Quad::new(a.subject.clone(), a.predicate.clone(), NamedNode::new_unchecked("http://a"), a.graph_name.clone())]));
    }

    #[test]
    fn fingerprints_separate_their_parts() {
        assert_ne!(fingerprint([&b"ab"[..], b"c"]), fingerprint([&b"a"[..], b"bc"]));
        assert_eq!(fingerprint([&b"a"[..]]).len(), 64);
    }
}
