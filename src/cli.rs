//! The command line, as clap derive structs. Their doc comments are the `--help` text.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// govgraph: a knowledge graph of internet-governance meeting summaries.
///
/// Reads summaries (text or Markdown), extracts meetings, people, organisations, processes,
/// statements and actions, stores them in an on-disk Oxigraph store, answers SPARQL and draws
/// process-landscape maps with Graphviz.
#[derive(Debug, Parser)]
#[command(name = "govgraph", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Where the store lives.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArg {
    /// The on-disk store (a folder; created by `build`).
    #[arg(long, default_value = "govgraph.db", global = true)]
    pub store: PathBuf,
}

/// Where curated data comes from.
#[derive(Debug, Clone, clap::Args)]
pub struct DataArg {
    /// A folder of extra curated Turtle files (`*.ttl`); a file named like an embedded one replaces it.
    #[arg(long = "data", value_name = "DIR")]
    pub data: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build (or bring up to date) the store from summaries; default input: data/corpus.
    Build {
        /// Files or folders (walked recursively); .txt and .md are read.
        paths: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
        #[command(flatten)]
        data: DataArg,
        /// Base IRI of the project's resources.
        #[arg(long, default_value = govgraph::vocab::DEFAULT_BASE)]
        base: String,
        /// No progress bar.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Answer a shipped question by name, a query file, or inline SPARQL (`-e`).
    Query {
        /// A shipped query name (e.g. connected-processes) or a path to a .rq file.
        query: Option<String>,
        /// Inline SPARQL text.
        #[arg(short = 'e', long = "expr", conflicts_with = "query")]
        expr: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ResultsFormatArg::Table)]
        format: ResultsFormatArg,
        /// List the shipped queries.
        #[arg(long)]
        list: bool,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Draw a map: `processes` (the process landscape) or `actors` (organisations ↔ processes).
    Export {
        #[arg(value_enum)]
        view: ViewArg,
        /// Output file; the extension picks the format (.svg, .png, .pdf, .dot).
        #[arg(short, long, default_value = "map.svg")]
        output: PathBuf,
        /// Hide edges whose weight is below this.
        #[arg(long, default_value_t = 1)]
        min_weight: u32,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Write the whole graph (all named graphs) in an RDF format.
    Dump {
        #[arg(long, value_enum, default_value_t = DumpFormat::Nquads)]
        format: DumpFormat,
        /// Output file (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Show what one document yields (no store needed), with the evidence for each fact.
    Extract {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Text)]
        format: ExtractFormat,
        #[command(flatten)]
        data: DataArg,
    },
    /// Tell which entity a name resolves to and why, with the documents it was seen in.
    Explain {
        name: String,
        /// The corpus to resolve in (default: data/corpus).
        paths: Vec<PathBuf>,
        #[command(flatten)]
        data: DataArg,
    },
    /// Write synthetic summaries (invented people, curated organisations and processes) for benchmarks.
    Synth {
        /// How many documents.
        #[arg(long, default_value_t = 1000)]
        docs: usize,
        /// The seed: the same seed gives the same files.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The folder to write them to.
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ResultsFormatArg {
    Table,
    Csv,
    Tsv,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ViewArg {
    Processes,
    Actors,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum DumpFormat {
    Nquads,
    Trig,
    Turtle,
    Ntriples,
    Jsonld,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Text,
    Json,
    Turtle,
}
