//! Building a store: first build, rebuild, edits, bad input.

use crate::util::Workspace;

fn quads(ws: &Workspace) -> String {
    ws.run(&["dump", "--format", "nquads"]).ok()
}

#[test]
fn first_build_reports_every_document_and_a_rebuild_changes_nothing() {
    let ws = Workspace::new();
    let first = ws.run(&["build", "corpus", "--quiet"]).ok();
    assert!(first.starts_with("5 built, 0 skipped, 0 removed, 0 failed"), "{first}");
    assert!(first.contains("5 documents, 5 meetings"), "{first}");
    let before = quads(&ws);
    let second = ws.run(&["build", "corpus", "--quiet"]).ok();
    assert!(second.starts_with("0 built, 5 skipped, 0 removed, 0 failed"), "{second}");
    assert_eq!(before, quads(&ws), "an unchanged rebuild must leave the store byte-identical");
}

#[test]
fn editing_one_file_rebuilds_that_document_only() {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    let path = ws.path("corpus/004_32427b79369b41ed.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Bill Drake (University of Zurich)", "Bill Drake (University of Geneva)")).unwrap();
    let out = ws.run(&["build", "corpus", "--quiet"]).ok();
    assert!(out.starts_with("1 built, 4 skipped, 1 removed, 0 failed"), "{out}");
    let dump = quads(&ws);
    assert!(dump.contains("University of Geneva"));
    let documents = dump.lines().filter(|l| l.starts_with("<https://w3id.org/govgraph/id/doc/") && l.contains("#type> <https://w3id.org/govgraph/ns#Document>")).count();
    assert_eq!(documents, 5, "the old version's graph is gone");
}

#[test]
fn a_broken_file_is_reported_and_everything_else_still_builds() {
    let ws = Workspace::new();
    std::fs::write(ws.path("corpus/broken.txt"), [0u8, 159, 146, 150]).unwrap();
    std::fs::write(ws.path("corpus/empty.md"), "").unwrap();
    let run = ws.run(&["build", "corpus", "--quiet"]);
    assert_eq!(run.code(), 1, "a failed input makes the exit status non-zero");
    let err = run.stderr();
    assert!(err.contains("broken.txt: looks like a binary file"), "{err}");
    assert!(err.contains("empty.md: the file is empty"), "{err}");
    assert!(run.stdout().starts_with("5 built, 0 skipped, 0 removed, 2 failed"), "{}", run.stdout());
}

#[test]
fn a_file_that_breaks_later_keeps_its_previous_graph() {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    let path = ws.path("corpus/000_e82e37b7617ebdf0.txt");
    std::fs::write(&path, [0u8, 1, 2]).unwrap();
    let run = ws.run(&["build", "corpus", "--quiet"]);
    assert_eq!(run.code(), 1);
    assert!(run.stdout().contains("5 documents"), "{}", run.stdout());
}
