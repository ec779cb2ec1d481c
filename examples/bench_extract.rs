//! Extraction speed on one core: reads every `.txt`/`.md` under a folder, then extracts each
//! document in a single-threaded loop and prints MB/s (used by `bench/run.sh`).
//!
//! ```sh
//! cargo run --release --example bench_extract -- DIR [--digest]
//! ```
//!
//! `--digest` also prints a SHA-256 of every extraction (as JSON, in file order), so that a change
//! made for speed can be shown to leave the output unchanged.

use govgraph::{extract, ingest, lexicon::Lexicon};
use sha2::{Digest, Sha256};
use std::time::Instant;

/// The allocator the `govgraph` binary uses, so that this measures what a build does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    let dir = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: bench_extract DIR [--digest]"))?;
    let digest = std::env::args().nth(2).is_some_and(|a| a == "--digest");
    let lexicon = Lexicon::load(&[])?;
    let (files, _errors) = ingest::collect(&[dir.into()]);
    let documents: Vec<ingest::Document> = files.iter().filter_map(|f| ingest::read(f).ok()).collect();
    let bytes: usize = documents.iter().map(|d| d.text.len()).sum();
    // The first document also compiles the patterns, once per process: timed on its own, so
    // that the rate below is the steady one of a build over many documents.
    let warm_up = Instant::now();
    if let Some(first) = documents.first() {
        extract::document(first, &lexicon);
    }
    println!("warm-up: the first document, patterns compiled, in {} ms", warm_up.elapsed().as_millis());
    let started = Instant::now();
    let mut mentions = 0;
    for doc in &documents {
        mentions += extract::document(doc, &lexicon).mentions.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "extract: {} documents, {:.1} MB in {:.2} s on one core: {:.1} MB/s, {:.0} documents/s ({mentions} mentions)",
        documents.len(),
        bytes as f64 / 1e6,
        seconds,
        bytes as f64 / 1e6 / seconds,
        documents.len() as f64 / seconds
    );
    if digest {
        let mut hasher = Sha256::new();
        for doc in &documents {
            hasher.update(serde_json::to_vec(&extract::document(doc, &lexicon))?);
        }
        println!("digest: {:x}", hasher.finalize());
    }
    Ok(())
}
