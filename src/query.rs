//! Query: SPARQL text → answers, for the shipped questions in `queries/*.rq` and the user's own.
//!
//! The same `.rq` text serves the CLI, the tests and the endpoint; this module finds a query by
//! name, path or inline text, runs it over the store and writes the results in a chosen format.

use std::io::Write;
use std::path::PathBuf;

use crate::store::GraphStore;

/// Why a question could not be answered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    #[error("SPARQL syntax error: {source}")]
    Syntax { source: oxigraph::sparql::SparqlSyntaxError },
    #[error("query evaluation failed: {source}")]
    Evaluation { source: oxigraph::sparql::QueryEvaluationError },
    #[error("no shipped query named `{name}` and no such file (shipped: {known})")]
    NotFound { name: String, known: String },
    #[error("{path}: cannot read: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot write the results: {0}")]
    Output(String),
}

/// Output format of query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultsFormat {
    /// Aligned columns for people.
    #[default]
    Table,
    Csv,
    Tsv,
    Json,
}

/// A query ready to run: where it came from and its text.
#[derive(Debug, Clone)]
pub struct NamedQuery {
    pub name: String,
    pub text: String,
}

/// Finds a query: a shipped name (`connected-processes`), or a path to an `.rq` file.
pub fn load(spec: &str) -> Result<NamedQuery, QueryError> {
    let _ = spec;
    todo!("query::load")
}

/// Runs `sparql` over the store and writes its results to `out` in `format`.
pub fn run(store: &GraphStore, sparql: &str, format: ResultsFormat, out: &mut dyn Write) -> Result<(), QueryError> {
    let _ = (store, sparql, format, out);
    todo!("query::run")
}
