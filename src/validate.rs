//! Validate: the graph against the SHACL shapes of the data model (`data/shapes.ttl`).
//!
//! No Rust SHACL validator is mature and small enough to embed (the candidates pull a second RDF
//! stack), so validation runs pySHACL (`pip install pyshacl`) as `python3 -m pyshacl` on the union
//! of all graphs, dumped to a temporary N-Triples file. The shapes are embedded in the binary;
//! another shapes file can be given instead.

use std::path::{Path, PathBuf};
use std::process::Command;

use oxigraph::io::RdfFormat;

use crate::store::{GraphStore, StoreError};

/// The shapes of the data model, as shipped in `data/shapes.ttl`.
pub const SHAPES: &str = include_str!("../data/shapes.ttl");

/// Why validation could not run (a non-conforming graph is not an error: see [`Report`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ValidateError {
    #[error("pySHACL is not installed for `{python}` ({reason}); install it with `pip install pyshacl`")]
    Missing { python: String, reason: String },
    #[error("pySHACL failed on {data} (exit status {status}): {stderr}")]
    Failed { data: PathBuf, status: i32, stderr: String },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// pySHACL's verdict and its human-readable report.
#[derive(Debug, Clone)]
pub struct Report {
    pub conforms: bool,
    pub text: String,
}

/// What to validate and against what.
#[derive(Debug, Clone, Default)]
pub struct ValidateOptions {
    /// A shapes file instead of the embedded shapes.
    pub shapes: Option<PathBuf>,
    /// The Python interpreter (default `python3`).
    pub python: Option<String>,
}

/// Validates the union of all graphs of `store`.
pub fn store(store: &GraphStore, options: &ValidateOptions) -> Result<Report, ValidateError> {
    let scratch = Scratch::new()?;
    let data = scratch.path.join("graph.nt");
    let file = std::fs::File::create(&data).map_err(|source| ValidateError::Io { path: data.clone(), source })?;
    store.dump(RdfFormat::NTriples, std::io::BufWriter::new(file))?;
    run_pyshacl(&data, &scratch, options)
}

/// Validates an RDF file (its format guessed by pySHACL from the extension).
pub fn file(data: &Path, options: &ValidateOptions) -> Result<Report, ValidateError> {
    let scratch = Scratch::new()?;
    run_pyshacl(data, &scratch, options)
}

fn run_pyshacl(data: &Path, scratch: &Scratch, options: &ValidateOptions) -> Result<Report, ValidateError> {
    let python = options.python.clone().unwrap_or_else(|| "python3".to_owned());
    let shapes = match &options.shapes {
        Some(path) => path.clone(),
        None => {
            let path = scratch.path.join("shapes.ttl");
            std::fs::write(&path, SHAPES).map_err(|source| ValidateError::Io { path: path.clone(), source })?;
            path
        }
    };
    let probe = Command::new(&python).args(["-c", "import pyshacl"]).output();
    match probe {
        Err(e) => return Err(ValidateError::Missing { python, reason: e.to_string() }),
        Ok(output) if !output.status.success() => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let reason = stderr.lines().last().unwrap_or("import failed").to_owned();
            return Err(ValidateError::Missing { python, reason });
        }
        Ok(_) => {}
    }
    let output = Command::new(&python)
        .args(["-m", "pyshacl", "-f", "human", "-sf", "turtle", "-s"])
        .arg(&shapes)
        .arg(data)
        .output()
        .map_err(|source| ValidateError::Io { path: PathBuf::from(&python), source })?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    // pySHACL exits 0 when the graph conforms, 1 when it does not, and higher on errors.
    match output.status.code() {
        Some(0) => Ok(Report { conforms: true, text }),
        Some(1) => Ok(Report { conforms: false, text }),
        status => Err(ValidateError::Failed {
            data: data.to_owned(),
            status: status.unwrap_or(-1),
            stderr: String::from_utf8_lossy(&output.stderr).trim().chars().take(2000).collect(),
        }),
    }
}

/// A private temporary folder, removed when dropped.
struct Scratch {
    path: PathBuf,
}

impl Scratch {
    fn new() -> Result<Scratch, ValidateError> {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!("govgraph-validate-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&path).map_err(|source| ValidateError::Io { path: path.clone(), source })?;
        Ok(Scratch { path })
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
