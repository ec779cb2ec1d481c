//! Real inputs (HTML, PDF, DOCX, standard input) and hostile ones, through the binary:
//! each bad input gets one line naming it, the others build, the store keeps what it had.

use crate::util::Workspace;
use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inputs").join(name)
}

fn dump(ws: &Workspace) -> String {
    ws.run(&["dump", "--format", "nquads"]).ok()
}

/// The quads of document graphs only (`ggid:doc/…` as graph name), sorted.
fn document_quads(dump: &str) -> BTreeSet<String> {
    dump.lines().filter(|l| graph_of(l).starts_with("<https://w3id.org/govgraph/id/doc/")).map(str::to_owned).collect()
}

fn graph_of(line: &str) -> &str {
    let line = line.trim_end().trim_end_matches('.').trim_end();
    line.rsplit_once(' ').map_or("", |(_, g)| g)
}

/// A small summary of its own for document `n`, unlike any other `n`.
fn summary(n: usize) -> String {
    const FIRST: [&str; 10] = ["Amara", "Bruno", "Chiara", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas"];
    const LAST: [&str; 10] = ["Okafor", "Lindgren", "Moreau", "Petrov", "Yilmaz", "Haddad", "Novak", "Tanaka", "Costa", "Weber"];
    const ORGS: [&str; 4] = ["ICANN", "Internet Society", "IGF Secretariat", "Government of Brazil"];
    let chair = format!("{} {}", FIRST[n % 10], LAST[(n / 10) % 10]);
    let other = format!("{} {}", FIRST[(n + 3) % 10], LAST[(n / 7 + 1) % 10]);
    format!(
        "Online Meeting {n}\n{} March 2024 at 10:00 UTC\n\nSummary Report\n\nThe meeting was chaired by {chair} ({}).\n\nDiscussion\n\n{other} ({}) noted the WSIS+20 review and the Global Digital Compact.\n{chair} asked the IGF Secretariat to circulate note {n}.\n",
        1 + n % 28,
        ORGS[n % 4],
        ORGS[(n + 1) % 4],
    )
}

#[test]
fn html_pdf_docx_and_text_build_with_their_media_types_and_without_page_chrome() {
    let ws = Workspace::new();
    std::fs::create_dir(ws.path("formats")).unwrap();
    for name in ["summary.html", "summary.pdf", "summary.docx"] {
        std::fs::copy(fixture(name), ws.path("formats").join(name)).unwrap();
    }
    std::fs::write(ws.path("formats/summary.htm"), std::fs::read_to_string(fixture("summary.html")).unwrap().replace("Meeting 7", "Meeting 8")).unwrap();
    let out = ws.run(&["build", "formats", "--quiet"]).ok();
    assert!(out.starts_with("4 built, 0 skipped, 0 removed, 0 failed"), "{out}");
    assert!(out.contains("4 documents, 1 meetings"), "the same meeting (same date) in four files: {out}");
    let dump = dump(&ws);
    for media_type in ["text/html", "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"] {
        assert!(dump.contains(&format!("<http://purl.org/dc/terms/format> \"{media_type}\"")), "no document of type {media_type}");
    }
    for name in ["summary.html", "summary.htm", "summary.pdf", "summary.docx"] {
        assert!(dump.contains(&format!("<http://purl.org/dc/terms/identifier> \"{name}\"")), "{name} is not in the store");
    }
    assert!(dump.contains("Tomas Berger"), "a person from the summary text");
    assert!(dump.contains("Maria Lindqvist"), "a person from the summary text");
    for chrome in ["Nigel Navigation", "Fiona Footer", "Sam Script", "Jane Tracker"] {
        assert!(!dump.contains(chrome), "{chrome} comes from navigation, footer or scripts and must be dropped");
    }
    // The structure survives every format: each yields the same meeting, agenda and participants.
    let facts = |name: &str| {
        let out = ws.run(&["extract", &format!("formats/{name}")]).ok();
        out.split_once('\n').unwrap().1.split("\npeople\n").next().unwrap().to_owned()
    };
    let html = facts("summary.html");
    assert!(html.contains("number:     7") && html.contains("date:       2025-03-03T14:00:00Z"), "{html}");
    assert!(html.contains("1. Welcome\n  2. WSIS+20 review"), "{html}");
    assert!(html.contains("Maria Lindqvist              Internet Society"), "{html}");
    assert_eq!(facts("summary.pdf"), html);
    assert_eq!(facts("summary.docx"), html);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let ws = Workspace::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_govgraph"))
        .args(["build", "-", "--quiet", "--store"])
        .arg(ws.path("db"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(summary(1).as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.starts_with("1 built"), "{stdout}");
    assert!(dump(&ws).contains("<http://purl.org/dc/terms/identifier> \"stdin\""));
}

#[test]
fn every_bad_input_gets_one_line_and_keeps_its_previous_graph() {
    let ws = Workspace::new();
    let dir = ws.path("corpus");
    // First, good versions of every file that is about to go bad.
    let names = ["binary.txt", "empty.md", "huge.txt", "fifo.txt", "dangling.txt"];
    for (n, name) in names.iter().enumerate() {
        std::fs::write(dir.join(name), summary(100 + n)).unwrap();
    }
    std::fs::copy(fixture("summary.pdf"), dir.join("scan.pdf")).unwrap();
    std::fs::copy(fixture("summary.docx"), dir.join("broken.docx")).unwrap();
    std::fs::copy(fixture("summary.html"), dir.join("page.html")).unwrap();
    let first = ws.run(&["build", "corpus", "--quiet"]).ok();
    assert!(first.starts_with("13 built"), "{first}");
    let before = document_quads(&dump(&ws));

    // Then break them, one way each, and add files that are odd but readable.
    std::fs::write(dir.join("binary.txt"), b"\x7fELF\x02\x01\x01\x00\x00\x00binary").unwrap();
    std::fs::write(dir.join("empty.md"), "").unwrap();
    std::fs::File::options().write(true).open(dir.join("huge.txt")).unwrap().set_len(100 * 1024 * 1024).unwrap();
    std::fs::remove_file(dir.join("fifo.txt")).unwrap();
    assert!(Command::new("mkfifo").arg(dir.join("fifo.txt")).status().unwrap().success());
    std::fs::remove_file(dir.join("dangling.txt")).unwrap();
    std::os::unix::fs::symlink(ws.path("nowhere/gone.txt"), dir.join("dangling.txt")).unwrap();
    std::fs::copy(fixture("scanned.pdf"), dir.join("scan.pdf")).unwrap();
    std::fs::write(dir.join("broken.docx"), b"PK\x03\x04 this is not really a zip archive").unwrap();
    std::fs::write(dir.join("latin1.txt"), b"Online Meeting 9\n4 May 2024\n\nRen\xe9 M\xfcller (ICANN) noted the WSIS+20 review.\n").unwrap();
    std::fs::write(dir.join("notes.txt"), "Loose notes.\n\nKarin Sandvik (Internet Society) noted the Global Digital Compact.\n").unwrap();

    let run = ws.run(&["build", "corpus", "--quiet"]);
    assert_eq!(run.code(), 1, "failed inputs make the exit status 1\n{}", run.stderr());
    let err = run.stderr();
    let expected = [
        "binary.txt: looks like a binary file",
        "empty.md: the file is empty",
        "huge.txt: too large (104857600 bytes; the limit is 67108864 bytes, raise it with --max-size)",
        "fifo.txt: not a regular file (a FIFO)",
        "dangling.txt: cannot read: No such file or directory",
        "scan.pdf: the PDF has no text layer (a scanned document?); run OCR on it first",
        "broken.docx: not a readable DOCX file",
    ];
    for message in expected {
        let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("govgraph: error: ") && l.contains(message)).collect();
        assert_eq!(lines.len(), 1, "one error line containing {message:?}:\n{err}");
    }
    assert!(err.contains("latin1.txt: not valid UTF-8 (first bad byte at offset"), "{err}");
    assert!(err.contains("notes.txt: no meeting date or number found; facts are kept without a meeting"), "{err}");
    assert_eq!(err.lines().filter(|l| l.starts_with("govgraph: error: ")).count(), expected.len(), "{err}");
    let out = run.stdout();
    assert!(out.contains(" 7 failed;"), "{out}");
    assert!(out.contains("15 documents"), "13 kept or rebuilt, plus latin1.txt and notes.txt: {out}");

    let after_dump = dump(&ws);
    let after = document_quads(&after_dump);
    let lost: Vec<_> = before.difference(&after).collect();
    assert!(lost.is_empty(), "every document graph from before is still there, failed ones included; lost {} quads, e.g. {:?}", lost.len(), lost.first());
    assert!(after_dump.contains("Karin Sandvik"), "mentions in a file without a meeting are kept");
    assert!(after_dump.contains("Ren\u{fffd} M\u{fffd}ller") || after_dump.contains("latin1.txt"), "the non-UTF-8 file is built");
}

#[test]
fn max_size_is_configurable() {
    let ws = Workspace::new();
    std::fs::write(ws.path("corpus/big.txt"), summary(1).repeat(100)).unwrap();
    let run = ws.run(&["build", "corpus", "--quiet", "--max-size", "16K"]);
    assert_eq!(run.code(), 1);
    assert!(run.stderr().contains("big.txt: too large ("), "{}", run.stderr());
    assert!(run.stderr().contains("the limit is 16384 bytes"), "{}", run.stderr());
    assert!(run.stdout().contains("5 documents"), "{}", run.stdout());
    let bad = ws.run(&["build", "corpus", "--quiet", "--max-size", "lots"]);
    assert_eq!(bad.code(), 2, "{}", bad.stderr());
}

#[test]
fn keep_going_false_leaves_the_store_untouched_when_an_input_fails() {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    let before = dump(&ws);
    std::fs::write(ws.path("corpus/new.txt"), summary(3)).unwrap();
    std::fs::write(ws.path("corpus/empty.txt"), "").unwrap();
    let run = ws.run(&["build", "corpus", "--quiet", "--keep-going=false"]);
    assert_eq!(run.code(), 1);
    assert!(run.stderr().contains("empty.txt: the file is empty"), "{}", run.stderr());
    assert!(run.stderr().contains("the store was left as it was"), "{}", run.stderr());
    assert_eq!(before, dump(&ws), "nothing was written");
    let run = ws.run(&["build", "corpus", "--quiet", "--keep-going"]);
    assert_eq!(run.code(), 1);
    assert!(run.stdout().starts_with("1 built"), "{}", run.stdout());
}

#[test]
fn a_store_locked_by_another_process_is_named_as_such() {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    let store = govgraph::GraphStore::open(&ws.path("db")).unwrap();
    let run = ws.run(&["build", "corpus", "--quiet"]);
    drop(store);
    assert_eq!(run.code(), 2);
    let err = run.stderr();
    assert!(err.contains("db: cannot open: in use by another process"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_store_from_a_newer_govgraph_is_refused_and_left_alone() {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    let marker = ws.path("db").join(govgraph::store::FORMAT_MARKER);
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), format!("govgraph store format {}\n", govgraph::store::FORMAT_VERSION));
    std::fs::write(&marker, "govgraph store format 99\n").unwrap();
    for args in [&["build", "corpus", "--quiet"][..], &["dump"], &["query", "actions"]] {
        let run = ws.run(args);
        assert_eq!(run.code(), 2, "{args:?}");
        assert!(run.stderr().contains("written by a newer govgraph (store format 99; this govgraph reads format 1 and older)"), "{}", run.stderr());
    }
    assert_eq!(std::fs::read_to_string(&marker).unwrap(), "govgraph store format 99\n");
}

/// A folder of `n` generated summaries in nested sub-folders.
fn many(ws: &Workspace, name: &str, n: usize) {
    for i in 0..n {
        let dir = ws.path(&format!("{name}/{:02}/{:02}", i / 100, (i / 10) % 10));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("s{i:05}.txt")), summary(i)).unwrap();
    }
}

const N_MANY: usize = 2000;

#[test]
fn a_build_killed_mid_run_leaves_a_store_the_next_build_completes() {
    // The reference: a clean build of the same documents, which also shows that a folder of
    // thousands of files builds.
    let clean = Workspace::new();
    many(&clean, "docs", N_MANY);
    let started = Instant::now();
    let out = clean.run(&["build", "docs", "--quiet"]).ok();
    let clean_time = started.elapsed();
    assert!(out.starts_with(&format!("{N_MANY} built, 0 skipped, 0 removed, 0 failed")), "{out}");
    let reference = dump(&clean);

    // The same documents, killed with SIGKILL at several points of a build: during reading and
    // extraction, and while graphs are being written. After each kill the store must open.
    let ws = Workspace::new();
    many(&ws, "docs", N_MANY);
    let mut partial = Vec::new();
    for fraction in [0.4, 0.6, 0.8] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_govgraph"))
            .args(["build", "docs", "--quiet", "--store"])
            .arg(ws.path("db"))
            .current_dir(ws.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(clean_time.mul_f64(fraction));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        if ws.path("db/CURRENT").exists() {
            let documents = ws.run(&["query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/govgraph/ns#Document> }", "--format", "csv"]);
            partial.push(documents.ok().replace("\r\n", " ").trim().to_owned());
        }
    }
    eprintln!("documents in the store after each kill: {partial:?} (clean build took {clean_time:?})");
    let out = ws.run(&["build", "docs", "--quiet"]).ok();
    assert!(out.contains(&format!("{N_MANY} documents")), "{out}");
    assert_eq!(dump(&ws), reference, "after the kills, one more build gives exactly the clean build's store");
    let again = ws.run(&["build", "docs", "--quiet"]).ok();
    assert!(again.starts_with(&format!("0 built, {N_MANY} skipped")), "{again}");
}
