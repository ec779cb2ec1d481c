//! govgraph builds a knowledge graph of internet-governance meeting summaries.
//!
//! Text goes in; an on-disk Oxigraph store, SPARQL answers and Graphviz maps come out.
//! The stages run in one direction, each a module named after what it does:
//!
//! ingest → segment → extract → resolve → rdf → store → query / export
//!
//! The data model every stage agrees on is `docs/ONTOLOGY.md`.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod defaults;
pub mod export;
pub mod ingest;
pub mod query;
pub mod store;
pub mod vocab;

pub use ingest::{Document, IngestError};
pub use store::{GraphStore, StoreError};
