//! Export: store → maps. Each view is a SPARQL question, turned into a petgraph graph,
//! then into DOT with graphviz-rust, then (when Graphviz is installed) into SVG, PNG or PDF.

use std::path::{Path, PathBuf};

use crate::store::GraphStore;

/// Why a map could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error(transparent)]
    Query(#[from] crate::query::QueryError),
    #[error("{path}: cannot write: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("Graphviz failed to render {path}: {message}")]
    Render { path: PathBuf, message: String },
}

/// The maps govgraph draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The process landscape: processes sized by meetings, edges weighted by co-discussion.
    Processes,
    /// Organisations (by stakeholder group) ↔ the processes their people spoke about.
    Actors,
}

/// Options of a map.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Hide edges whose weight is below this.
    pub min_weight: u32,
}

/// What [`write`] produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The file was written in the requested format.
    Written(PathBuf),
    /// Graphviz is missing: the DOT text was written to this path instead.
    DotOnly(PathBuf),
}

/// The DOT text of a view.
pub fn dot(store: &GraphStore, view: View, options: &ExportOptions) -> Result<String, ExportError> {
    let _ = (store, view, options);
    todo!("export::dot")
}

/// Writes a view to `output`; the extension picks the format (`.dot`, `.svg`, `.png`, `.pdf`).
pub fn write(store: &GraphStore, view: View, options: &ExportOptions, output: &Path) -> Result<Outcome, ExportError> {
    let _ = (store, view, options, output);
    todo!("export::write")
}
