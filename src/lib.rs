//! govgraph builds a knowledge graph of internet-governance meeting summaries.
//!
//! Text goes in; an on-disk Oxigraph store, SPARQL answers and Graphviz maps come out.
//! The stages run in one direction, each a module named after what it does:
//!
//! ingest → segment → extract → resolve → rdf → store → query / export
//!
//! [`build::run`] runs the whole pipeline; [`extract::document`] runs extraction on one text in
//! memory. The data model every stage agrees on is `docs/ONTOLOGY.md`.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analyse;
pub mod build;
pub mod cache;
pub mod defaults;
pub mod export;
pub mod extract;
pub mod ingest;
pub mod inspect;
pub mod lexicon;
pub mod query;
pub mod rdf;
pub mod remote;
pub mod report;
pub mod resolve;
pub mod segment;
pub mod serve;
pub mod store;
pub mod validate;
pub mod synth;
pub mod vocab;

pub use build::{BuildOptions, BuildReport};
pub use ingest::{Document, IngestError};
pub use store::{GraphStore, StoreError};
