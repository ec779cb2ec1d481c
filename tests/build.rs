//! Building a store: first build, rebuild, edits, bad input.

use crate::util::Workspace;

fn quads(ws: &Workspace) -> String {
    ws.run(&["dump", "--format", "nquads"]).ok()
}

/// The quad count a build reports ("…; store db: N quads, …"), which a rebuild adds up from the
/// sizes it recorded instead of counting the store.
fn reported_quads(build_output: &str) -> usize {
    let before = build_output.split(" quads").next().unwrap();
    before.rsplit(' ').next().unwrap().parse().unwrap_or_else(|_| panic!("no quad count in {build_output}"))
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
    assert_eq!(reported_quads(&out), dump.lines().count(), "the count covers the new graph, not the removed one");
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

#[test]
fn a_lost_or_damaged_build_cache_only_costs_time() {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    let before = quads(&ws);
    let cache = ws.path("db/govgraph-cache");
    // Damaged extractions: each is read, fails to decode, and the document is extracted again.
    for entry in std::fs::read_dir(cache.join("extract")).unwrap() {
        std::fs::write(entry.unwrap().path(), b"not msgpack").unwrap();
    }
    let out = ws.run(&["build", "corpus", "--quiet"]).ok();
    assert!(out.starts_with("0 built, 5 skipped, 0 removed, 0 failed"), "{out}");
    assert_eq!(before, quads(&ws));
    // No cache at all: every graph is compared with the store, and none has changed.
    std::fs::remove_dir_all(&cache).unwrap();
    let out = ws.run(&["build", "corpus", "--quiet"]).ok();
    assert!(out.starts_with("0 built, 5 skipped, 0 removed, 0 failed"), "{out}");
    assert_eq!(before, quads(&ws));
    // Rewritten with the same content (a new modification time): read again, still skipped.
    let path = ws.path("corpus/004_32427b79369b41ed.txt");
    std::fs::write(&path, std::fs::read(&path).unwrap()).unwrap();
    let out = ws.run(&["build", "corpus", "--quiet"]).ok();
    assert!(out.starts_with("0 built, 5 skipped, 0 removed, 0 failed"), "{out}");
    assert_eq!(before, quads(&ws));
}

#[test]
fn a_nickname_learnt_from_a_new_summary_reaches_an_old_one() {
    let ws = Workspace::new();
    let docs = ws.path("notes");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(docs.join("a.md"), "Working Group call 3\n12 May 2024\n\nZorvan noted that the GDC needs a follow-up.\n").unwrap();
    let first = ws.run(&["build", "notes", "--quiet"]).ok();
    assert!(first.starts_with("1 built"), "{first}");
    assert!(!quads(&ws).contains("Melisande Okafor"), "no full name is known yet");
    // The second summary says who "Zorvan" is; the first summary's graph must change with it.
    std::fs::write(
        docs.join("b.md"),
        "Working Group call 4\n19 May 2024\n\nParticipants:\n- Melisande Okafor (Zorvan), Ministry of Digital Affairs\n\nMs. Okafor noted the WSIS+20 review.\n",
    )
    .unwrap();
    let second = ws.run(&["build", "notes", "--quiet"]).ok();
    assert!(second.starts_with("2 built, 0 skipped"), "{second}");
    let dump = quads(&ws);
    let statement = dump
        .lines()
        .find(|l| l.contains("Zorvan noted that the GDC"))
        .and_then(|l| l.split_whitespace().next())
        .expect("a.md's sentence is a statement")
        .to_owned();
    let speaker = format!("{statement} <https://w3id.org/govgraph/ns#speaker> <https://w3id.org/govgraph/id/person/melisande-okafor>");
    assert!(dump.lines().any(|l| l.starts_with(&speaker)), "the statement of a.md is now Melisande Okafor's:\n{dump}");
    // a.md was unchanged: its graph was rewritten from its cached extraction and its texts,
    // read back from the cache only then; the result is what a fresh build of both gives.
    let fresh = Workspace::new();
    let fresh_docs = fresh.path("notes");
    std::fs::create_dir(&fresh_docs).unwrap();
    for name in ["a.md", "b.md"] {
        std::fs::copy(docs.join(name), fresh_docs.join(name)).unwrap();
    }
    fresh.run(&["build", "notes", "--quiet"]).ok();
    assert_eq!(dump, quads(&fresh), "the rebuild equals a fresh build");
}

#[test]
fn timings_name_each_phase_of_a_fresh_build_and_of_a_rebuild() {
    let ws = Workspace::new();
    let phases = |run: &crate::util::Run| -> Vec<String> {
        run.stderr()
            .lines()
            .map(|line| {
                let (seconds, phase) = line.trim().split_once(" s  ").unwrap_or_else(|| panic!("not a timing: {line}"));
                assert!(seconds.parse::<f64>().is_ok_and(|s| s >= 0.0), "{line}");
                phase.to_owned()
            })
            .collect()
    };
    let fresh = ws.run(&["build", "corpus", "--quiet", "--timings"]);
    assert_eq!(fresh.code(), 0);
    assert_eq!(phases(&fresh), ["read and extract", "resolve", "make quads and bulk-load them", "compact", "save the build cache", "count"]);
    let again = ws.run(&["build", "corpus", "--quiet", "--timings"]);
    assert_eq!(phases(&again), ["read and extract", "resolve", "make the entities graph and fingerprint every graph", "write changed graphs", "remove graphs of documents no longer given", "save the build cache", "count"]);
    assert!(ws.run(&["build", "corpus", "--quiet"]).stderr().is_empty(), "timings only when asked");
}

#[test]
fn a_new_govgraph_build_makes_every_graph_again_and_writes_only_what_changed() {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    // A copy of the binary is another build to the cache (its size and time name it): every
    // extraction is made again, and every graph with it.
    let upgraded = ws.path("govgraph-upgraded");
    std::fs::copy(env!("CARGO_BIN_EXE_govgraph"), &upgraded).unwrap();
    let first = std::fs::read_dir(ws.path("corpus")).unwrap().map(|e| e.unwrap().path()).min().unwrap();
    let mut text = std::fs::read_to_string(&first).unwrap();
    text.push_str("\nOlumide Bakre noted that the WSIS+20 review needs a clear timeline.\n");
    std::fs::write(&first, text).unwrap();
    let rebuilt = ws.run_exe(&upgraded, &["build", "corpus", "--quiet"]).ok();
    assert!(rebuilt.starts_with("1 built, 4 skipped, 1 removed"), "{rebuilt}");
    // The graphs it did not write are exactly those a fresh build makes.
    let fresh = Workspace::new();
    std::fs::copy(&first, fresh.path("corpus").join(first.file_name().unwrap())).unwrap();
    fresh.run(&["build", "corpus", "--quiet"]).ok();
    assert_eq!(quads(&ws), quads(&fresh));
}

#[test]
fn two_documents_of_one_meeting_give_it_one_label_start_and_number_and_hand_them_over() {
    let ws = Workspace::new();
    // A second, short account of the meeting of 2 July 2020 that disagrees on its number and
    // adds a start time: it states the meeting's facts (a time beats none); the corpus's account
    // adds to them. It names nobody, so it changes no other document's graph.
    let original = std::fs::read_to_string(ws.path("corpus/004_32427b79369b41ed.txt")).unwrap();
    assert!(original.contains("The second meeting of the IGF Strengthening and Strategy Working Group was held on July 2nd 2020."));
    let other = "MAG WG - IGF STRENGTHENING AND STRATEGY\n\nThe third meeting of the IGF Strengthening and Strategy Working Group was held on July 2nd 2020 at 14:00 UTC.\n";
    std::fs::write(ws.path("corpus/note.txt"), other).unwrap();
    let facts = || {
        let q = "PREFIX gg: <https://w3id.org/govgraph/ns#> PREFIX schema: <https://schema.org/> \
                 PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
                 SELECT ?label ?start ?number (COUNT(DISTINCT ?doc) AS ?docs) WHERE { \
                 ?m a gg:Meeting ; rdfs:label ?label ; schema:startDate ?start ; prov:wasDerivedFrom ?doc . \
                 OPTIONAL { ?m gg:meetingNumber ?number } FILTER(STRSTARTS(STR(?start), \"2020-07-02\")) } \
                 GROUP BY ?label ?start ?number";
        ws.run(&["query", "-e", q, "--format", "tsv"]).ok().lines().skip(1).map(str::to_owned).collect::<Vec<String>>()
    };
    ws.run(&["build", "corpus", "--quiet"]).ok();
    assert_eq!(
        facts(),
        ["\"WG-Strategy meeting 3 (2020-07-02)\"\t\"2020-07-02T14:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime>\t3\t2"],
        "one label, one start and one number, from the account with a time; both documents derive it"
    );
    // Without that account, the remaining one states its own facts again: its graph is rebuilt
    // though nothing it says changed.
    std::fs::remove_file(ws.path("corpus/note.txt")).unwrap();
    let out = ws.run(&["build", "corpus", "--quiet"]).ok();
    assert!(out.starts_with("1 built, 4 skipped, 1 removed"), "{out}");
    assert_eq!(facts(), ["\"WG-Strategy meeting 2 (2020-07-02)\"\t\"2020-07-02\"^^<http://www.w3.org/2001/XMLSchema#date>\t2\t1"]);
}

#[test]
fn two_accounts_of_one_meeting_share_agenda_items_only_when_they_list_the_same_items() {
    let ws = Workspace::new();
    // (item, its labels) of the meeting of 2 July 2020, whose summary lists five items.
    let items = || {
        let q = "PREFIX schema: <https://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
                 SELECT ?item (GROUP_CONCAT(DISTINCT ?label; SEPARATOR=\" / \") AS ?labels) WHERE { \
                 ?item schema:superEvent ?m ; rdfs:label ?label . FILTER(CONTAINS(STR(?m), \"/2020-07-02\")) } \
                 GROUP BY ?item ORDER BY ?item";
        ws.run(&["query", "-e", q, "--format", "tsv"]).ok().lines().skip(1).map(str::to_owned).collect::<Vec<String>>()
    };
    let meeting = "<https://w3id.org/govgraph/id/meeting/mag-working-group-on-igf-strengthening-and-strategy/2020-07-02";
    ws.run(&["build", "corpus", "--quiet"]).ok();
    let alone = items();
    assert_eq!(alone.len(), 5, "{alone:?}");
    assert!(alone.iter().all(|row| row.starts_with(&format!("{meeting}/item/"))), "{alone:?}");

    // A second account with the same agenda adds to the same five items.
    let header = "MAG WG - IGF STRENGTHENING AND STRATEGY\n\nThe second meeting of the IGF Strengthening and Strategy Working Group was held on July 2nd 2020.\n\n";
    let same = ["Introduction", "Charter approval", "Digital cooperation roadmap: impact on the working group activities.", "Priorities and next steps", "AoB"];
    let account = |titles: &[&str]| {
        let body: String = titles.iter().enumerate().map(|(i, t)| format!("{}. {t}\n\nThe group discussed this item.\n\n", i + 1)).collect();
        format!("{header}{body}")
    };
    std::fs::write(ws.path("corpus/transcript.txt"), account(&same)).unwrap();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    assert_eq!(items(), alone, "the same five items, each with its one label");

    // An account listing other items keeps them apart: no item gets two labels by position.
    std::fs::write(ws.path("corpus/transcript.txt"), account(&["Welcome", "Roadmap for Digital Cooperation"])).unwrap();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    let both = items();
    assert_eq!(both.len(), 7, "{both:?}");
    assert!(both.iter().all(|row| !row.contains(" / ")), "one label per item: {both:?}");
    assert_eq!(both.iter().filter(|row| row.starts_with(&format!("{meeting}/item/"))).count(), 5, "the summary's items stay the meeting's: {both:?}");
    assert!(both.iter().any(|row| row.contains("/doc-") && row.ends_with("\"Welcome\"")), "{both:?}");
}

#[test]
fn rebuilds_remove_the_graphs_of_removed_documents_and_keep_those_of_other_tools() {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    ws.run(&["analyse", "--write"]).ok();
    let analytics = "<https://w3id.org/govgraph/id/graph/analytics> .";
    // The first rebuild lists the store's graphs and finds the analytics graph; the second knows
    // it from the first and only counts them.
    for (left, file) in [(4, "corpus/000_e82e37b7617ebdf0.txt"), (3, "corpus/001_ceaaf67663b75e7d.txt")] {
        std::fs::remove_file(ws.path(file)).unwrap();
        let out = ws.run(&["build", "corpus", "--quiet"]).ok();
        assert!(out.contains(", 1 removed, 0 failed") && out.contains(&format!("{left} documents")), "{out}");
        let dump = quads(&ws);
        assert_eq!(reported_quads(&out), dump.lines().count(), "{out}");
        assert!(dump.lines().any(|l| l.ends_with(analytics)), "the analytics graph stays");
        let graphs: std::collections::BTreeSet<&str> = dump.lines().filter_map(|l| l.rsplit(' ').nth(1)).filter(|g| g.contains("/id/doc/")).collect();
        assert_eq!(graphs.len(), left, "{graphs:?}");
    }
}
