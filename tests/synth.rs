//! Synthetic corpora: deterministic for a seed, and they build cleanly.

use crate::util::Workspace;

fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            (path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_same_seed_writes_identical_files_and_another_seed_does_not() {
    let ws = Workspace::new();
    ws.run(&["synth", "--docs", "30", "--seed", "5", "-o", "a"]).ok();
    ws.run(&["synth", "--docs", "30", "--seed", "5", "-o", "b"]).ok();
    ws.run(&["synth", "--docs", "30", "--seed", "6", "-o", "c"]).ok();
    let (a, b, c) = (files(&ws.path("a")), files(&ws.path("b")), files(&ws.path("c")));
    assert_eq!(a.len(), 30);
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn synthetic_documents_build_without_failures_and_yield_meetings() {
    let ws = Workspace::new();
    ws.run(&["synth", "--docs", "40", "--seed", "2", "-o", "synth"]).ok();
    let out = ws.run(&["build", "synth", "--quiet"]).ok();
    assert!(out.starts_with("40 built, 0 skipped, 0 removed, 0 failed"), "{out}");
    let meetings: usize = out.split(" meetings").next().and_then(|s| s.rsplit(' ').next()).and_then(|n| n.parse().ok()).unwrap();
    assert!(meetings >= 36, "{out}");
    let again = ws.run(&["build", "synth", "--quiet"]).ok();
    assert!(again.starts_with("0 built, 40 skipped"), "a fresh (bulk-loaded) build and a rebuild agree: {again}");
}
