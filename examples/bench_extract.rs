//! Extraction speed on one core: reads every `.txt`/`.md` under a folder, then extracts each
//! document in a single-threaded loop and prints MB/s (used by `bench/run.sh`).
//!
//! ```sh
//! cargo run --release --example bench_extract -- DIR [--digest] [--passes N]
//! ```
//!
//! The documents are extracted `--passes` times (3 by default); the median pass is the figure.
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
    let dir = std::env::args().nth(1).ok_or_else(|| anyhow::anyhow!("usage: bench_extract DIR [--digest] [--passes N]"))?;
    let args: Vec<String> = std::env::args().skip(2).collect();
    let digest = args.iter().any(|a| a == "--digest");
    let passes: usize = match args.iter().position(|a| a == "--passes") {
        Some(i) => args.get(i + 1).and_then(|n| n.parse().ok()).filter(|&n| n > 0).ok_or_else(|| anyhow::anyhow!("--passes takes a number above 0"))?,
        None => 3,
    };
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
    // Several passes over the documents: one pass over 1,000 documents takes under half a
    // second, which this kind of machine's noise moves by a tenth. The median is the figure.
    let mut rates = Vec::new();
    let mut mentions = 0;
    let mut seconds = Vec::new();
    for pass in 1..=passes {
        let started = Instant::now();
        mentions = 0;
        for doc in &documents {
            mentions += extract::document(doc, &lexicon).mentions.len();
        }
        let s = started.elapsed().as_secs_f64();
        println!("extract, pass {pass}: {:.2} s, {:.1} MB/s", s, bytes as f64 / 1e6 / s);
        seconds.push(s);
        rates.push(bytes as f64 / 1e6 / s);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let first = rates[0];
    let best = rates.iter().copied().fold(f64::MIN, f64::max);
    let (rate, s) = (median(&mut rates), median(&mut seconds));
    println!(
        "extract: {} documents, {:.1} MB on one core, median of {passes} passes: {rate:.1} MB/s, {:.0} documents/s (first pass {first:.1} MB/s, best {best:.1}; {mentions} mentions)",
        documents.len(),
        bytes as f64 / 1e6,
        documents.len() as f64 / s,
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
