//! Build a store from the embedded corpus in a temporary folder and run a shipped query.
//!
//!     cargo run --release --example build_and_query [QUERY-NAME]

use govgraph::build::{self, BuildOptions};
use govgraph::query::{self, ResultsFormat};
use govgraph::GraphStore;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let name = std::env::args().nth(1).unwrap_or_else(|| "connected-processes".to_owned());
    let dir = std::env::temp_dir().join(format!("govgraph-example-{}", std::process::id()));
    let store = GraphStore::open(&dir)?;
    let report = build::run(&build::embedded_corpus(), &store, &BuildOptions::default(), &build::Silent)?;
    eprintln!("{}", govgraph::inspect::build_summary(&report, &dir));
    let q = query::load(&name)?;
    query::run(&store, &q.text, ResultsFormat::Table, &mut std::io::stdout().lock())?;
    drop(store);
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
