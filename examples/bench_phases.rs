//! Where a build's time goes, phase by phase (used to profile rebuilds; see BENCHMARKS.md).
//!
//! ```sh
//! cargo run --release --example bench_phases -- DIR [STORE]
//! ```
use govgraph::{build, ingest, rdf, resolve, GraphStore};
use rayon::prelude::*;
use std::time::Instant;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or_else(|| anyhow::anyhow!("usage: bench_phases DIR [STORE]"))?;
    let store = args.next();
    let t = Instant::now();
    let lexicon = govgraph::lexicon::Lexicon::load(&[])?;
    println!("lexicon: {:.2} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let (files, _) = ingest::collect(&[dir.into()]);
    let docs: Vec<ingest::Document> = files.par_iter().filter_map(|f| ingest::read(f).ok()).collect();
    println!("read {} documents: {:.2} s", docs.len(), t.elapsed().as_secs_f64());
    let t = Instant::now();
    let ex: Vec<_> = docs.par_iter().map(|d| govgraph::extract::document(d, &lexicon)).collect();
    println!("extract (parallel): {:.2} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let json: usize = ex.iter().map(|e| serde_json::to_vec(e).unwrap().len()).sum();
    println!("extractions as JSON: {} MB ({:.2} s)", json / 1_000_000, t.elapsed().as_secs_f64());
    let t = Instant::now();
    let resolved = resolve::entities(&ex, &lexicon, govgraph::vocab::DEFAULT_BASE, &Default::default(), false);
    println!("resolve: {:.2} s ({} entities)", t.elapsed().as_secs_f64(), resolved.entities.len());
    let base = govgraph::vocab::DEFAULT_BASE;
    let t = Instant::now();
    let n: usize = (0..docs.len()).into_par_iter().map(|d| rdf::document_quads(base, d, &ex[d], &docs[d].text, &resolved, &lexicon).len()).sum();
    println!("document quads (parallel): {n} in {:.2} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let eq = rdf::entity_quads(base, &ex, &resolved);
    println!("entity quads: {} in {:.2} s", eq.len(), t.elapsed().as_secs_f64());
    if let Some(path) = store {
        let t = Instant::now();
        let s = GraphStore::open(std::path::Path::new(&path))?;
        println!("open: {:.2} s", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let c = s.counts(None)?;
        println!("counts: {:.2} s ({} quads)", t.elapsed().as_secs_f64(), c.quads);
        let t = Instant::now();
        let g = s.graph_names()?;
        println!("graph_names: {} in {:.2} s", g.len(), t.elapsed().as_secs_f64());
        let t = Instant::now();
        s.sync_graph(rdf::entities_graph(base).as_ref(), &eq, None)?;
        println!("sync entities graph: {:.2} s", t.elapsed().as_secs_f64());
        let t = Instant::now();
        for d in 0..100 {
            let q = rdf::document_quads(base, d, &ex[d], &docs[d].text, &resolved, &lexicon);
            s.sync_graph(rdf::document_iri(base, docs[d].id()).as_ref(), &q, None)?;
        }
        println!("sync 100 document graphs: {:.2} s", t.elapsed().as_secs_f64());
    }
    let _ = build::Silent;
    Ok(())
}
