//! The `govgraph` binary: parses the command line, calls one library function per
//! subcommand, prints, and maps the outcome to an exit status.

mod cli;

use anyhow::{Context, Result};
use clap::Parser;
use cli::{Cli, Command, DumpFormat, ExtractFormat, ResultsFormatArg, ViewArg};
use govgraph::build::{self, BuildOptions, Input};
use govgraph::{export, inspect, query, GraphStore};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

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
        Command::Build { paths, store, data, base, quiet } => {
            let db = GraphStore::open(&store.store)?;
            let options = BuildOptions { data_dirs: data.data, base };
            let bar = inspect::ProgressBar::new(quiet);
            let report = build::run(&inputs(paths), &db, &options, &bar)?;
            for line in report.failed.iter() {
                eprintln!("govgraph: error: {line}");
            }
            for line in report.warnings.iter() {
                eprintln!("govgraph: warning: {line}");
            }
            writeln!(out, "{}", inspect::build_summary(&report, &store.store))?;
            return Ok(if report.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) });
        }
        Command::Query { query: name, expr, format, list, store } => {
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
            let db = GraphStore::open_read_only(&store.store)?;
            let format = match format {
                ResultsFormatArg::Table => query::ResultsFormat::Table,
                ResultsFormatArg::Csv => query::ResultsFormat::Csv,
                ResultsFormatArg::Tsv => query::ResultsFormat::Tsv,
                ResultsFormatArg::Json => query::ResultsFormat::Json,
            };
            query::run(&db, &sparql, format, &mut out)?;
        }
        Command::Export { view, output, min_weight, store } => {
            let db = GraphStore::open_read_only(&store.store)?;
            let view = match view {
                ViewArg::Processes => export::View::Processes,
                ViewArg::Actors => export::View::Actors,
            };
            let options = export::ExportOptions { min_weight, ..Default::default() };
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
        Command::Synth { docs, seed, output } => {
            let lexicon = govgraph::lexicon::Lexicon::load(&[])?;
            let bytes = govgraph::synth::write_corpus(&output, govgraph::synth::SynthOptions { docs, seed }, &lexicon)
                .with_context(|| format!("{}: cannot write", output.display()))?;
            writeln!(out, "wrote {docs} documents ({:.1} MB) to {}", bytes as f64 / 1e6, output.display())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
