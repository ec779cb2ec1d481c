//! Queries, maps, dumps, extract and explain, through the binary on the corpus.

use crate::util::Workspace;

fn built() -> Workspace {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "--quiet"]).ok();
    ws
}

#[test]
fn shipped_queries_answer_with_readable_tables() {
    let ws = built();
    let orgs = ws.run(&["query", "orgs-by-attendance"]).ok();
    assert!(orgs.contains("Government of Switzerland"), "{orgs}");
    assert!(orgs.contains("IGF Secretariat"), "{orgs}");
    let connected = ws.run(&["query", "connected-processes"]).ok();
    assert!(connected.contains("Global Digital Compact"), "{connected}");
    assert!(connected.contains("WSIS+20 Review"), "{connected}");
    for name in ["stakeholder-groups", "people-by-attendance", "process-timeline", "who-speaks-about", "actions"] {
        let out = ws.run(&["query", name]).ok();
        assert!(out.lines().count() > 3, "{name} printed too little:\n{out}");
    }
}

#[test]
fn queries_run_from_files_and_inline_in_every_results_format() {
    let ws = built();
    std::fs::write(ws.path("count.rq"), "PREFIX gg: <https://w3id.org/govgraph/ns#>\nSELECT (COUNT(?m) AS ?n) WHERE { ?m a gg:Meeting }").unwrap();
    let csv = ws.run(&["query", "count.rq", "--format", "csv"]).ok();
    assert_eq!(csv.replace("\r\n", "\n"), "n\n5\n");
    let json = ws.run(&["query", "-e", "SELECT ?d WHERE { ?d a <https://w3id.org/govgraph/ns#Document> }", "--format", "json"]).ok();
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["results"]["bindings"].as_array().unwrap().len(), 5);
    let tsv = ws.run(&["query", "-e", "SELECT ?d WHERE { ?d a <https://w3id.org/govgraph/ns#Document> }", "--format", "tsv"]).ok();
    assert!(tsv.starts_with("?d\n"), "{tsv}");
    let bad = ws.run(&["query", "no-such-question"]);
    assert_eq!(bad.code(), 2);
    assert!(bad.stderr().contains("no-such-question"), "{}", bad.stderr());
}

#[test]
fn the_process_map_names_the_main_processes() {
    let ws = built();
    ws.run(&["export", "processes", "-o", "map.dot"]).ok();
    let dot = std::fs::read_to_string(ws.path("map.dot")).unwrap();
    for label in ["Global Digital Compact", "Summit of the Future", "WSIS+20 Review", "IGF Plus"] {
        assert!(dot.contains(label), "{label} missing from the map");
    }
    if which_dot() {
        ws.run(&["export", "processes", "-o", "map.svg"]).ok();
        let svg = std::fs::read_to_string(ws.path("map.svg")).unwrap();
        assert!(svg.contains("<svg") && svg.contains("Global Digital Compact"));
        ws.run(&["export", "actors", "-o", "actors.svg"]).ok();
    }
}

fn which_dot() -> bool {
    std::process::Command::new("dot").arg("-V").output().is_ok()
}

#[test]
fn dumps_parse_back_in_every_format() {
    let ws = built();
    for (format, rdf) in [
        ("nquads", oxigraph::io::RdfFormat::NQuads),
        ("trig", oxigraph::io::RdfFormat::TriG),
        ("turtle", oxigraph::io::RdfFormat::Turtle),
        ("ntriples", oxigraph::io::RdfFormat::NTriples),
        ("jsonld", oxigraph::io::RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() }),
    ] {
        let file = ws.path(&format!("dump.{format}"));
        ws.run(&["dump", "--format", format, "-o", file.to_str().unwrap()]).ok();
        let store = oxigraph::store::Store::new().unwrap();
        store.load_from_reader(rdf, std::fs::File::open(&file).unwrap()).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert!(store.len().unwrap() > 1000, "{format} dump too small");
    }
}

#[test]
fn extract_shows_facts_with_evidence_and_explain_gives_reasons() {
    let ws = Workspace::new();
    let out = ws.run(&["extract", "corpus/000_e82e37b7617ebdf0.txt"]).ok();
    assert!(out.contains("number:     83"), "{out}");
    assert!(out.contains("date:       2024-09-12T05:00:00Z"), "{out}");
    assert!(out.contains("moderator:  Concettina Cassa"), "{out}");
    assert!(out.contains("Jorge Cancio → WSIS+20 Review"), "{out}");
    let json = ws.run(&["extract", "corpus/000_e82e37b7617ebdf0.txt", "--format", "json"]).ok();
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["meeting"]["number"], 83);
    let why = ws.run(&["explain", "Titti", "corpus"]).ok();
    assert!(why.contains("Concettina Cassa") && why.contains("nickname"), "{why}");
    let why = ws.run(&["explain", "Chegetai", "corpus"]).ok();
    assert!(why.contains("Chengetai Masango") && why.contains("one letter"), "{why}");
}

#[test]
fn a_users_corrections_win_over_automatic_resolution() {
    let ws = Workspace::new();
    let why = ws.run(&["explain", "Tracy F. Hachshaw", "corpus"]).ok();
    assert!(why.contains("Tracy F. Hackshaw") && why.contains("one letter apart"), "{why}");
    std::fs::create_dir(ws.path("mydata")).unwrap();
    std::fs::write(
        ws.path("mydata/aliases.ttl"),
        "@prefix gg: <https://w3id.org/govgraph/ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         <https://w3id.org/govgraph/id/person/tracy-f-hackshaw> rdfs:label \"Tracy F. Hackshaw\" ; gg:notSameNameAs \"Tracy F. Hachshaw\" .\n\
         <https://w3id.org/govgraph/id/person/chengetai-masango> rdfs:label \"Chengetai Masango\" ; gg:sameNameAs \"the Secretariat's Chengetai\" .\n",
    )
    .unwrap();
    let why = ws.run(&["explain", "Tracy F. Hachshaw", "corpus", "--data", "mydata"]).ok();
    assert!(why.contains("person/tracy-f-hachshaw") && why.contains("full name written"), "{why}");
}
