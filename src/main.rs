//! The `govgraph` binary: parses the command line, calls one library function per
//! subcommand, prints, and maps the outcome to an exit status.

mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{Cli, Command, DumpFormat, ExtractFormat, ResultsFormatArg, ViewArg};
use govgraph::build::{self, BuildOptions, Input};
use govgraph::{export, inspect, query, remote, serve, validate, GraphStore};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc, not the system allocator: query evaluation, extraction and the build cache's
/// decoding make millions of short-lived allocations, and glibc's malloc and free were a quarter
/// of a query's profile (see BENCHMARKS.md). It is linked with its `override` feature, so that
/// RocksDB's C++ allocates from it too: with two allocators in one process, a failed store open
/// freed memory through the wrong one and crashed (the test
/// `a_store_locked_by_another_process_is_named_as_such` caught it). A library user keeps their
/// own choice.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(err) => {
            if err.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)) {
                return ExitCode::SUCCESS;
            }
            eprintln!("govgraph: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// No paths: `data/corpus` when present here, else the copy embedded in the binary.
fn inputs(paths: Vec<PathBuf>) -> Vec<Input> {
    if !paths.is_empty() {
        return paths.into_iter().map(Input::Path).collect();
    }
    let local = PathBuf::from("data/corpus");
    if local.is_dir() { vec![Input::Path(local)] } else { build::embedded_corpus() }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match cli.command {
        Command::Build { paths, store, data, base, quiet, max_size, keep_going, timings } => {
            let db = GraphStore::open(&store.store)?;
            let ingest = govgraph::ingest::IngestOptions { max_size };
            let options = BuildOptions { data_dirs: data.data, base, ingest, keep_going };
            let bar = inspect::ProgressBar::new(quiet);
            let report = build::run(&inputs(paths), &db, &options, &bar)?;
            for line in report.failed.iter() {
                eprintln!("govgraph: error: {line}");
            }
            for line in report.warnings.iter() {
                eprintln!("govgraph: warning: {line}");
            }
            if timings {
                for (phase, seconds) in &report.phases {
                    eprintln!("{seconds:8.2} s  {phase}");
                }
            }
            writeln!(out, "{}", inspect::build_summary(&report, &store.store))?;
            return Ok(if report.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) });
        }
        Command::Query { query: name, expr, format, list, store, endpoint, headers } => {
            if list {
                for (name, text) in govgraph::defaults::QUERIES {
                    writeln!(out, "{name:24} {}", text.lines().next().unwrap_or("").trim_start_matches('#').trim())?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            let sparql = match (name, expr) {
                (_, Some(text)) => text,
                (Some(spec), None) => query::load(&spec)?.text,
                (None, None) => anyhow::bail!("name a query (see `govgraph query --list`) or give SPARQL with -e"),
            };
            let format = match format {
                ResultsFormatArg::Table => query::ResultsFormat::Table,
                ResultsFormatArg::Csv => query::ResultsFormat::Csv,
                ResultsFormatArg::Tsv => query::ResultsFormat::Tsv,
                ResultsFormatArg::Json => query::ResultsFormat::Json,
            };
            if let Some(url) = endpoint {
                let endpoint = remote::Endpoint { headers, ..remote::Endpoint::new(&url) };
                query::write(remote::query(&endpoint, &sparql)?, format, &mut out)?;
                return Ok(ExitCode::SUCCESS);
            }
            let db = GraphStore::open_read_only(&store.store)?;
            query::run(&db, &sparql, format, &mut out)?;
        }
        Command::Export { view, id, output, min_weight, max_edges, since, until, min_meetings, store } => {
            let db = GraphStore::open_read_only(&store.store)?;
            let view = match view {
                ViewArg::Processes => export::View::Processes,
                ViewArg::Actors => export::View::Actors,
                ViewArg::People => export::View::People,
                ViewArg::Meeting => export::View::Meeting,
                ViewArg::Timeline => export::View::Timeline,
            };
            let options = export::ExportOptions { min_weight, max_edges, since, until, min_meetings, meeting: id, ..Default::default() };
            match export::write(&db, view, &options, &output)? {
                export::Outcome::Written(path) => writeln!(out, "wrote {}", path.display())?,
                export::Outcome::DotOnly(path) => {
                    eprintln!("govgraph: Graphviz `dot` not found; wrote the DOT source to {} (install graphviz to render it)", path.display());
                }
            }
        }
        Command::Dump { format, output, store } => {
            let db = GraphStore::open_read_only(&store.store)?;
            let format = match format {
                DumpFormat::Nquads => oxigraph::io::RdfFormat::NQuads,
                DumpFormat::Trig => oxigraph::io::RdfFormat::TriG,
                DumpFormat::Turtle => oxigraph::io::RdfFormat::Turtle,
                DumpFormat::Ntriples => oxigraph::io::RdfFormat::NTriples,
                DumpFormat::Jsonld => oxigraph::io::RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() },
            };
            match output {
                Some(path) => {
                    let file = std::fs::File::create(&path).with_context(|| format!("{}: cannot create", path.display()))?;
                    db.dump(format, std::io::BufWriter::new(file))?;
                }
                None => db.dump(format, &mut out)?,
            }
        }
        Command::Extract { file, format, data } => {
            let options = BuildOptions { data_dirs: data.data, ..BuildOptions::default() };
            let analysis = build::analyse(&[Input::Path(file.clone())], &options, &build::Silent)?;
            if let Some(reason) = analysis.failed.first() {
                anyhow::bail!("{reason}");
            }
            let format = match format {
                ExtractFormat::Text => inspect::Format::Text,
                ExtractFormat::Json => inspect::Format::Json,
                ExtractFormat::Turtle => inspect::Format::Turtle,
            };
            inspect::extraction(&analysis, &options, format, &mut out)?;
        }
        Command::Explain { name, paths, data } => {
            let options = BuildOptions { data_dirs: data.data, ..BuildOptions::default() };
            let analysis = build::analyse(&inputs(paths), &options, &build::Silent)?;
            if !inspect::explain(&analysis, &name, &mut out)? {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Serve { store, bind, timeout, max_body_bytes, max_result_bytes, cors, allow_update, threads } => {
            let db = if allow_update { GraphStore::open(&store.store)? } else { GraphStore::open_read_only(&store.store)? };
            let defaults = serve::ServeOptions::default();
            let timeout = std::time::Duration::try_from_secs_f64(timeout).context("--timeout must be a positive number of seconds")?;
            let threads = threads.unwrap_or(defaults.threads);
            let options = serve::ServeOptions { bind, timeout, max_body_bytes, max_result_bytes, cors, allow_update, threads };
            let shutdown = serve::shutdown_on_signals()?;
            let server = serve::Server::bind(db, options)?;
            writeln!(out, "govgraph: SPARQL endpoint at http://{}/query, page at /; Ctrl-C stops", server.local_addr())?;
            out.flush()?;
            server.run(shutdown);
            writeln!(out, "govgraph: stopped")?;
        }
        Command::Push { endpoint, headers, force, store } => {
            let db = GraphStore::open_read_only(&store.store)?;
            let target = remote::Endpoint { headers, ..remote::Endpoint::new(&endpoint) };
            let report = remote::push(&db, &target, force)?;
            writeln!(out, "{} graphs sent, {} unchanged, {} deleted at {endpoint}", report.sent.len(), report.unchanged, report.deleted.len())?;
        }
        Command::Validate { input, shapes, store } => {
            let options = validate::ValidateOptions { shapes, python: None };
            let report = match input {
                Some(file) => validate::file(&file, &options)?,
                None => validate::store(&GraphStore::open_read_only(&store.store)?, &options)?,
            };
            write!(out, "{}", report.text)?;
            if !report.conforms {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Analyse { write, base, store } => {
            let db = if write { GraphStore::open(&store.store)? } else { GraphStore::open_read_only(&store.store)? };
            let analysis = govgraph::analyse::run(&db)?;
            govgraph::analyse::write_text(&analysis, &mut out)?;
            if write {
                let changed = govgraph::analyse::write(&db, &analysis, &base)?;
                writeln!(out, "{} {}graph/analytics", if changed { "wrote" } else { "unchanged:" }, base)?;
            }
        }
        Command::Report { output, max_rows, store } => {
            let db = GraphStore::open_read_only(&store.store)?;
            let mut html = Vec::new();
            let options = govgraph::report::ReportOptions { max_rows, ..Default::default() };
            let outcome = govgraph::report::write(&db, &options, &mut html)?;
            std::fs::write(&output, html).with_context(|| format!("{}: cannot write", output.display()))?;
            if outcome.builtin_layout {
                eprintln!("govgraph: Graphviz `dot` not found; the report's maps use the built-in layout (install graphviz for better maps)");
            }
            writeln!(out, "wrote {}", output.display())?;
        }
        Command::Synth { docs, seed, output } => {
            let lexicon = govgraph::lexicon::Lexicon::load(&[])?;
            let bytes = govgraph::synth::write_corpus(&output, govgraph::synth::SynthOptions { docs, seed }, &lexicon)
                .with_context(|| format!("{}: cannot write", output.display()))?;
            writeln!(out, "wrote {docs} documents ({:.1} MB) to {}", bytes as f64 / 1e6, output.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
