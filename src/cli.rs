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
        /// Files or folders (walked recursively), or `-` for standard input; .txt, .md, .html, .htm, .pdf and .docx are read.
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
        /// Refuse input files larger than this (bytes, or with a K, M or G suffix).
        #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
        max_size: u64,
        /// Build the other inputs when one cannot be read (the default; the exit status is 1).
        /// `--keep-going=false` leaves the store untouched if any input fails.
        #[arg(long, value_name = "BOOL", default_value_t = true, num_args = 0..=1, default_missing_value = "true", action = clap::ArgAction::Set)]
        keep_going: bool,
        /// Print the time each phase took (read and extract, resolve, write, …) to standard error.
        #[arg(long)]
        timings: bool,
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
        /// Ask this SPARQL 1.1 endpoint (e.g. http://host:7878/query) instead of the store.
        #[arg(long, value_name = "URL")]
        endpoint: Option<String>,
        /// An HTTP header for --endpoint, as 'Name: value'; repeatable.
        #[arg(long = "header", value_name = "HEADER", requires = "endpoint")]
        headers: Vec<String>,
    },
    /// Draw a map: `processes` (the process landscape), `actors` (organisations ↔ processes),
    /// `people` (co-attendance), `meeting ID` (one meeting) or `timeline` (SVG heatmap).
    Export {
        #[arg(value_enum)]
        view: ViewArg,
        /// For `meeting`: the meeting's IRI, its date (YYYY-MM-DD) or its number.
        id: Option<String>,
        /// Output file; the extension picks the format (.svg, .png, .pdf, .dot).
        #[arg(short, long, default_value = "map.svg")]
        output: PathBuf,
        /// Hide edges whose weight is below this.
        #[arg(long, default_value_t = 1)]
        min_weight: u32,
        /// Draw at most this many edges, the strongest (0: all) [default: 200]
        #[arg(long, value_name = "N")]
        max_edges: Option<usize>,
        /// Only meetings on or after this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        /// Only meetings on or before this date (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        /// For `people`: hide people who attended fewer meetings than this.
        #[arg(long, default_value_t = 1)]
        min_meetings: u32,
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
    /// Serve the store as a SPARQL 1.1 Protocol endpoint (/query, /update) with a query page at /.
    Serve {
        #[command(flatten)]
        store: StoreArg,
        /// Address to listen on; loopback unless told otherwise (port 0 picks a free one).
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        /// Seconds a query may run before it is cancelled (HTTP 503).
        #[arg(long, default_value_t = 10.0)]
        timeout: f64,
        /// Largest request body or URL accepted, in bytes (HTTP 413/414 beyond).
        #[arg(long, default_value_t = 1 << 20)]
        max_body_bytes: usize,
        /// Largest answer sent, in bytes.
        #[arg(long, default_value_t = 64 << 20)]
        max_result_bytes: usize,
        /// Allow cross-origin requests from any web page (CORS).
        #[arg(long)]
        cors: bool,
        /// Accept SPARQL updates at /update (refused with 403 otherwise); opens the store for writing.
        #[arg(long)]
        allow_update: bool,
        /// Worker threads (default: twice the CPUs, at least 4).
        #[arg(long)]
        threads: Option<usize>,
    },
    /// Send each named graph that changed since the last push to a SPARQL 1.1 Graph Store endpoint.
    Push {
        /// The Graph Store Protocol URL (Oxigraph server: http://host:port/store).
        #[arg(long, value_name = "URL")]
        endpoint: String,
        /// An HTTP header, as 'Name: value' (e.g. 'Authorization: Bearer …'); repeatable.
        #[arg(long = "header", value_name = "HEADER")]
        headers: Vec<String>,
        /// Send every graph, even those the endpoint should already have.
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Check the graph against the SHACL shapes of the data model (runs pySHACL).
    Validate {
        /// An RDF file to check instead of the store.
        #[arg(long, value_name = "FILE")]
        input: Option<PathBuf>,
        /// A shapes file instead of the shipped data/shapes.ttl.
        #[arg(long, value_name = "FILE")]
        shapes: Option<PathBuf>,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Network analytics: centrality, communities and bridges of processes and organisations.
    Analyse {
        /// Also store the measures in the named graph ggid:graph/analytics.
        #[arg(long)]
        write: bool,
        /// Base IRI of the project's resources.
        #[arg(long, default_value = govgraph::vocab::DEFAULT_BASE)]
        base: String,
        #[command(flatten)]
        store: StoreArg,
    },
    /// Write one self-contained, offline HTML report: numbers, maps, tables and their evidence.
    Report {
        /// Output file.
        #[arg(short, long, default_value = "report.html")]
        output: PathBuf,
        /// Rows per table: the largest, or the latest in date order (0: all) [default: 100]
        #[arg(long, value_name = "N")]
        max_rows: Option<usize>,
        #[command(flatten)]
        store: StoreArg,
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
    People,
    Meeting,
    Timeline,
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

/// `1048576`, `512K`, `64M`, `1G` → bytes.
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    };
    let unit: u64 = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        other => return Err(format!("unknown size unit {other:?}; use K, M or G")),
    };
    let number: u64 = digits.parse().map_err(|_| format!("not a size: {text:?}"))?;
    number.checked_mul(unit).ok_or_else(|| format!("size too large: {text:?}"))
}
