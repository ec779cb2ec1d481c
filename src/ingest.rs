//! Ingest: paths → [`Document`]s.
//!
//! This is the only stage that reads input files. It expands folders, decodes bytes into
//! normalised text and fingerprints the content, so that every later stage works on plain
//! `&str` and never touches the file system.

use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use unicode_normalization::UnicodeNormalization;

mod formats;

/// One input document, decoded and normalised.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path it was read from (as given or found while walking a folder).
    pub path: PathBuf,
    /// The file name, kept as `dcterms:identifier`.
    pub file_name: String,
    /// Hex SHA-256 of the raw bytes; its first 16 characters name the document.
    pub sha256: String,
    /// Media type, kept as `dcterms:format`.
    pub media_type: &'static str,
    /// Normalised text: NFC, `\n` line ends, no byte-order mark.
    /// Character offsets in the graph (`gg:charStart`) count Unicode scalar values in this text.
    pub text: String,
    /// Problems that did not stop the document from being read (e.g. invalid UTF-8 replaced).
    pub warnings: Vec<String>,
}

impl Document {
    /// Builds a document from text in memory, as if read from a file called `file_name`.
    ///
    /// ```
    /// let doc = govgraph::Document::from_text("note.txt", "Jorge noted the GDC.\r\n");
    /// assert_eq!(doc.text, "Jorge noted the GDC.\n");
    /// assert_eq!(doc.id().len(), 16);
    /// ```
    #[must_use]
    pub fn from_text(file_name: &str, text: &str) -> Document {
        Document {
            path: PathBuf::from(file_name),
            file_name: file_name.to_owned(),
            sha256: hex_sha256(text.as_bytes()),
            media_type: media_type_of(Path::new(file_name)).unwrap_or("text/plain"),
            text: normalise(text),
            warnings: Vec::new(),
        }
    }

    /// The short content hash that names the document (`ggid:doc/<id>`).
    pub fn id(&self) -> &str {
        &self.sha256[..16]
    }
}

/// Why a path could not become a [`Document`]. Every variant names the file.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    #[error("{path}: cannot read: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: looks like a binary file (it contains NUL bytes), not text")]
    Binary { path: PathBuf },
    #[error("{path}: unsupported format (.{extension}); govgraph reads .txt, .md, .html, .htm, .pdf and .docx")]
    Unsupported { path: PathBuf, extension: String },
    #[error("{path}: no such file or folder")]
    Missing { path: PathBuf },
    #[error("{path}: not a regular file (a {kind}); govgraph reads files and folders only")]
    NotAFile { path: PathBuf, kind: &'static str },
    #[error("{path}: too large ({size} bytes; the limit is {limit} bytes, raise it with --max-size)")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: not a readable {format} file: {reason}")]
    Malformed { path: PathBuf, format: &'static str, reason: String },
    #[error("{path}: the PDF has no text layer (a scanned document?); run OCR on it first, e.g. `ocrmypdf`")]
    NoTextLayer { path: PathBuf },
    #[error("{path}: no text found in the {format} file")]
    NoText { path: PathBuf, format: &'static str },
}

impl IngestError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            IngestError::Io { path, .. }
            | IngestError::Empty { path }
            | IngestError::Binary { path }
            | IngestError::Unsupported { path, .. }
            | IngestError::Missing { path }
            | IngestError::NotAFile { path, .. }
            | IngestError::TooLarge { path, .. }
            | IngestError::Malformed { path, .. }
            | IngestError::NoTextLayer { path }
            | IngestError::NoText { path, .. } => path,
        }
    }
}

/// How ingest reads files.
#[derive(Debug, Clone, Copy)]
pub struct IngestOptions {
    /// Files (and standard input) larger than this many bytes are refused, and so is a DOCX
    /// whose text would unpack to more than this.
    pub max_size: u64,
}

/// The default size limit: 64 MiB, far above any meeting summary.
pub const DEFAULT_MAX_SIZE: u64 = 64 * 1024 * 1024;

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { max_size: DEFAULT_MAX_SIZE }
    }
}

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// Expands `inputs` (files and folders, folders walked recursively) into the sorted list of
/// files govgraph reads. Hidden files and files of unknown type inside folders are passed over;
/// a file named explicitly is always returned, so that reading it can report why it fails.
/// `-` (standard input) is passed through.
pub fn collect(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input.as_os_str() == STDIN {
            files.push(input.clone());
        } else if input.is_dir() {
            walk(input, &mut files, &mut errors);
        } else if input.exists() || input.symlink_metadata().is_ok() {
            files.push(input.clone());
        } else {
            errors.push(IngestError::Missing { path: input.clone() });
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<IngestError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => return errors.push(IngestError::Io { path: dir.to_owned(), source }),
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // `file_type` does not follow symbolic links, so a link cycle cannot recurse forever.
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir {
            walk(&path, files, errors);
        } else if media_type_of(&path).is_some() {
            files.push(path);
        }
    }
}

/// Reads and decodes one file with the default options.
pub fn read(path: &Path) -> Result<Document, IngestError> {
    read_with(path, &IngestOptions::default())
}

/// Reads and decodes one file (or standard input, `-`).
///
/// Only regular files are opened: a FIFO, socket or device is refused before it could block,
/// and the size is checked before any byte is read.
pub fn read_with(path: &Path, options: &IngestOptions) -> Result<Document, IngestError> {
    if path.as_os_str() == STDIN {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(options.max_size.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|source| IngestError::Io { path: path.to_owned(), source })?;
        if bytes.len() as u64 > options.max_size {
            return Err(IngestError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: options.max_size });
        }
        let media_type = sniff(&bytes);
        return decode(Path::new("stdin"), media_type, &bytes, options);
    }
    let media_type = media_type_of(path).ok_or_else(|| IngestError::Unsupported {
        path: path.to_owned(),
        extension: path.extension().and_then(|e| e.to_str()).unwrap_or("").to_owned(),
    })?;
    let io = |source| IngestError::Io { path: path.to_owned(), source };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(IngestError::NotAFile { path: path.to_owned(), kind: file_kind(&metadata) });
    }
    if metadata.len() > options.max_size {
        return Err(IngestError::TooLarge { path: path.to_owned(), size: metadata.len(), limit: options.max_size });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(options.max_size.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > options.max_size {
        return Err(IngestError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: options.max_size });
    }
    decode(path, media_type, &bytes, options)
}

/// Decodes the bytes of a file of `media_type` into a [`Document`] named after `path`.
///
/// This is all of ingest that does not touch the file system, so it can be tested (and
/// fuzzed) on bytes in memory. It never panics: a decoder that does is caught and reported
/// as a malformed file.
///
/// ```
/// use govgraph::ingest::{decode, IngestOptions};
/// let html = b"<html><nav>Home | News</nav><h1>MAG meeting</h1><ul><li>GDC</li></ul><script>x()</script></html>";
/// let doc = decode("m.html".as_ref(), "text/html", html, &IngestOptions::default()).unwrap();
/// assert_eq!(doc.text, "# MAG meeting\n\n- GDC\n");
/// assert_eq!(doc.media_type, "text/html");
/// ```
pub fn decode(path: &Path, media_type: &'static str, bytes: &[u8], options: &IngestOptions) -> Result<Document, IngestError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty { path: path.to_owned() });
    }
    let mut warnings = Vec::new();
    let text = match media_type {
        PDF => formats::pdf(path, bytes)?,
        DOCX => formats::docx(path, bytes, options.max_size)?,
        _ => {
            if bytes.contains(&0) {
                return Err(IngestError::Binary { path: path.to_owned() });
            }
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => std::borrow::Cow::Borrowed(text),
                Err(err) => {
                    warnings.push(format!(
                        "{}: not valid UTF-8 (first bad byte at offset {}); undecodable bytes were replaced with U+FFFD",
                        path.display(),
                        err.valid_up_to()
                    ));
                    String::from_utf8_lossy(bytes)
                }
            };
            if media_type == HTML { formats::html(&text) } else { text.into_owned() }
        }
    };
    let text = normalise(&text);
    if text.trim().is_empty() {
        return Err(IngestError::NoText { path: path.to_owned(), format: format_name(media_type) });
    }
    Ok(Document {
        path: path.to_owned(),
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        sha256: hex_sha256(bytes),
        media_type,
        text,
        warnings,
    })
}

const HTML: &str = "text/html";
const PDF: &str = "application/pdf";
const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// The media type govgraph assigns to a path, or `None` when it does not read that kind of file.
fn media_type_of(path: &Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some("text/plain"),
        "md" | "markdown" => Some("text/markdown"),
        "html" | "htm" => Some(HTML),
        "pdf" => Some(PDF),
        "docx" => Some(DOCX),
        _ => None,
    }
}

/// The `&'static` form of a media type this module assigns (for documents read back from the
/// build cache); anything else reads as plain text.
pub fn media_type_named(name: &str) -> &'static str {
    [HTML, PDF, DOCX, "text/markdown"].into_iter().find(|m| *m == name).unwrap_or("text/plain")
}

/// The media type of standard input, guessed from its first bytes.
fn sniff(bytes: &[u8]) -> &'static str {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).map_or(&[][..], |i| &bytes[i..]);
    let head = String::from_utf8_lossy(&start[..start.len().min(512)]).to_ascii_lowercase();
    if start.starts_with(b"%PDF") {
        PDF
    } else if start.starts_with(b"PK\x03\x04") {
        DOCX
    } else if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") {
        HTML
    } else {
        "text/plain"
    }
}

fn format_name(media_type: &str) -> &'static str {
    match media_type {
        HTML => "HTML",
        PDF => "PDF",
        DOCX => "DOCX",
        _ => "text",
    }
}

fn file_kind(metadata: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = metadata.file_type();
        if t.is_fifo() {
            return "FIFO";
        }
        if t.is_socket() {
            return "socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "device";
        }
    }
    if metadata.is_dir() { "folder" } else { "special file" }
}

/// NFC, `\n` line ends, no BOM: the text every offset in the graph refers to.
fn normalise(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // Most summaries are NFC already; the quick check says so without composing every
    // character (about a tenth of reading and extracting a document).
    if text.is_ascii() || unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        return text;
    }
    text.nfc().collect()
}

fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_line_ends_bom_and_composition() {
        let doc = Document::from_text("a.md", "\u{feff}Kleinwa\u{308}chter\r\nnoted\rit");
        assert_eq!(doc.text, "Kleinwächter\nnoted\nit");
        assert_eq!(doc.media_type, "text/markdown");
    }

    #[test]
    fn rejects_empty_binary_and_unknown_files() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "  \n").unwrap();
        assert!(matches!(read(&empty), Err(IngestError::Empty { .. })));
        let binary = dir.path().join("blob.txt");
        std::fs::write(&binary, [b'a', 0, 1, 2]).unwrap();
        let err = read(&binary).unwrap_err();
        assert!(err.to_string().contains("blob.txt"), "{err}");
        let csv = dir.path().join("x.csv");
        std::fs::write(&csv, "a,b").unwrap();
        assert!(matches!(read(&csv), Err(IngestError::Unsupported { .. })));
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.txt");
        std::fs::write(&path, b"Kleinw\xe4chter noted").unwrap();
        let doc = read(&path).unwrap();
        assert_eq!(doc.text, "Kleinw\u{fffd}chter noted");
        assert!(doc.warnings[0].contains("latin1.txt"));
    }

    #[test]
    fn folders_are_walked_sorted_skipping_hidden_and_unknown_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in ["b.txt", "a.md", ".hidden.txt", "notes.csv", "sub/c.txt"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let (files, errors) = collect(&[dir.path().to_owned(), dir.path().join("missing.txt")]);
        let names: Vec<_> = files.iter().map(|p| p.strip_prefix(dir.path()).unwrap().to_owned()).collect();
        assert_eq!(names, [PathBuf::from("a.md"), "b.txt".into(), "sub/c.txt".into()]);
        assert!(matches!(errors[..], [IngestError::Missing { .. }]));
    }
}
