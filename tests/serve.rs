//! Issue 5: the SPARQL endpoint (`serve`), pushing to another store (`push`, `query --endpoint`),
//! SHACL validation (`validate`) and dumps read by rdflib.
//!
//! Every server here listens on a free loopback port; nothing leaves the machine.
//! The push test needs the Oxigraph server (`pip install oxigraph`) and validation needs pySHACL
//! and rdflib (`pip install pyshacl rdflib`); `.ci/run` installs them, and their absence fails.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::Workspace;

/// A `govgraph serve` child process on a free loopback port, stopped when dropped.
struct Served {
    child: Child,
    base: String,
}

impl Served {
    fn start(workspace: &Workspace, extra: &[&str]) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_govgraph"))
            .args(["serve", "--bind", "127.0.0.1:0", "--store"])
            .arg(workspace.path("db"))
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("govgraph serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let start = line.find("http://").unwrap_or_else(|| panic!("no address in {line:?}"));
        let base = line[start..].split("/query").next().unwrap().to_owned();
        Served { child, base }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn built() -> Workspace {
    let workspace = Workspace::new();
    workspace.run(&["build", "corpus", "-q"]).ok();
    workspace
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).timeout_global(Some(Duration::from_secs(60))).build().into()
}

/// (status, content type, body) of a response.
fn parts(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> (u16, String, String) {
    let mut response = response.expect("the server answers");
    let status = response.status().as_u16();
    let content_type = response.headers().get("Content-Type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    let body = response.body_mut().with_config().limit(1 << 30).read_to_string().unwrap();
    (status, content_type, body)
}

fn post_form(base: &str, path: &str, name: &str, text: &str, accept: &str) -> (u16, String, String) {
    let body: String = form_urlencoded::Serializer::new(String::new()).append_pair(name, text).finish();
    parts(
        agent()
            .post(&format!("{base}{path}"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", accept)
            .send(body),
    )
}

fn get_query(base: &str, text: &str, accept: &str) -> (u16, String, String) {
    let encoded: String = form_urlencoded::byte_serialize(text.as_bytes()).collect();
    parts(agent().get(&format!("{base}/query?query={encoded}")).header("Accept", accept).call())
}

fn post_direct(base: &str, text: &str, accept: &str) -> (u16, String, String) {
    parts(
        agent()
            .post(&format!("{base}/query"))
            .header("Content-Type", "application/sparql-query")
            .header("Accept", accept)
            .send(text),
    )
}

const COUNT_ALL: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
const CONSTRUCT_MEETINGS: &str =
    "PREFIX gg: <https://w3id.org/govgraph/ns#> CONSTRUCT { ?m a gg:Meeting ; ?p ?o } WHERE { ?m a gg:Meeting ; ?p ?o }";

/// A query whose cost grows with every path step: the timeout must cut it off.
const EXPENSIVE: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:x>|!<urn:x>)* ?b . ?b (<urn:x>|!<urn:x>)* ?c }";
/// A cross product joined by hashing, in memory, where oxigraph notices cancellation late:
/// the client must still get its answer at the deadline.
const EXPENSIVE_IN_MEMORY: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

#[test]
fn serve_answers_select_in_every_results_format_by_get_form_and_direct_post() {
    let workspace = built();
    let served = Served::start(&workspace, &[]);
    let text = govgraph::query::load("orgs-by-attendance").unwrap().text;
    let local_csv = workspace.run(&["query", "orgs-by-attendance", "--format", "csv"]).ok();
    let local_tsv = workspace.run(&["query", "orgs-by-attendance", "--format", "tsv"]).ok();
    for (accept, expected_type) in [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
    ] {
        let answers = [
            get_query(&served.base, &text, accept),
            post_form(&served.base, "/query", "query", &text, accept),
            post_direct(&served.base, &text, accept),
        ];
        for (status, content_type, body) in &answers {
            assert_eq!(*status, 200, "{accept}: {body}");
            assert!(content_type.starts_with(expected_type), "{accept} gave {content_type}");
            assert_eq!(body, &answers[0].2, "GET, form and direct POST agree for {accept}");
        }
        let body = &answers[0].2;
        match expected_type {
            "text/csv" => assert_eq!(body, &local_csv, "the endpoint answers as the CLI does"),
            "text/tab-separated-values" => assert_eq!(body.trim_end(), local_tsv.trim_end()),
            "application/sparql-results+json" => {
                let json: serde_json::Value = serde_json::from_str(body).unwrap();
                assert_eq!(json["results"]["bindings"].as_array().unwrap().len(), local_csv.lines().count() - 1);
            }
            _ => assert!(body.starts_with("<?xml") && body.contains("<sparql"), "{body}"),
        }
    }
    let (status, content_type, body) = get_query(&served.base, "ASK { ?s a <https://w3id.org/govgraph/ns#Meeting> }", "");
    assert_eq!((status, content_type.as_str()), (200, "application/sparql-results+json"));
    assert!(body.contains("true"), "{body}");
    let (status, _, body) = get_query(&served.base, COUNT_ALL, "image/png");
    assert_eq!(status, 406, "{body}");
    assert!(body.contains("text/csv"), "the refusal lists what is possible: {body}");
    let (status, _, body) = get_query(&served.base, "SELECT WHERE {", "");
    assert_eq!(status, 400);
    assert!(body.contains("syntax"), "{body}");
}

#[test]
fn serve_answers_construct_in_every_graph_format() {
    let workspace = built();
    let served = Served::start(&workspace, &[]);
    let mut counts = Vec::new();
    for (accept, format) in [
        ("text/turtle", oxigraph::io::RdfFormat::Turtle),
        ("application/n-triples", oxigraph::io::RdfFormat::NTriples),
        ("application/n-quads", oxigraph::io::RdfFormat::NQuads),
        ("application/ld+json", oxigraph::io::RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() }),
        ("application/rdf+xml", oxigraph::io::RdfFormat::RdfXml),
    ] {
        let (status, content_type, body) = post_form(&served.base, "/query", "query", CONSTRUCT_MEETINGS, accept);
        assert_eq!(status, 200, "{accept}: {body}");
        assert!(content_type.starts_with(accept), "{accept} gave {content_type}");
        let mut n_triples = 0;
        for quad in oxigraph::io::RdfParser::from_format(format).for_slice(body.as_bytes()) {
            quad.unwrap_or_else(|e| panic!("{accept} does not parse: {e}\n{body}"));
            n_triples += 1;
        }
        counts.push(n_triples);
    }
    assert!(counts[0] > 20, "{counts:?}");
    assert!(counts.iter().all(|n| *n == counts[0]), "every format carries the same triples: {counts:?}");
    let (status, _, body) = post_form(&served.base, "/query", "query", CONSTRUCT_MEETINGS, "text/csv");
    assert_eq!(status, 406, "a graph cannot be CSV: {body}");
}

#[test]
fn serve_page_offers_the_shipped_queries() {
    let workspace = built();
    let served = Served::start(&workspace, &["--cors"]);
    let (status, content_type, body) = parts(agent().get(&format!("{}/", served.base)).call());
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"));
    for name in govgraph::query::shipped_names() {
        assert!(body.contains(&format!("\"name\":\"{name}\"")), "{name} is one click away");
    }
    let response = agent().get(&format!("{}/query?query=ASK%7B%7D", served.base)).call().unwrap();
    assert_eq!(response.headers().get("Access-Control-Allow-Origin").unwrap(), "*");
    let (status, _, _) = parts(agent().get(&format!("{}/nothing", served.base)).call());
    assert_eq!(status, 404);
}

#[test]
fn serve_refuses_updates_unless_allowed() {
    let workspace = built();
    let served = Served::start(&workspace, &[]);
    let (_, _, before) = get_query(&served.base, COUNT_ALL, "text/csv");
    let (status, _, body) = post_form(&served.base, "/update", "update", "CLEAR ALL", "");
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("read-only"), "{body}");
    let (status, _, _) = parts(
        agent().post(&format!("{}/update", served.base)).header("Content-Type", "application/sparql-update").send("CLEAR ALL"),
    );
    assert_eq!(status, 403);
    let (_, _, after) = get_query(&served.base, COUNT_ALL, "text/csv");
    assert_eq!(before, after, "the store is untouched");
    drop(served);

    let served = Served::start(&workspace, &["--allow-update"]);
    let (status, _, body) =
        post_form(&served.base, "/update", "update", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "");
    assert_eq!(status, 204, "{body}");
    let (_, _, body) = get_query(&served.base, "ASK { <urn:a> <urn:b> <urn:c> }", "");
    assert!(body.contains("true"), "{body}");
}

#[test]
fn a_build_after_sparql_updates_makes_the_store_mirror_its_inputs_again() {
    let workspace = built();
    let before = workspace.run(&["dump", "--format", "nquads"]).ok();
    let served = Served::start(&workspace, &["--allow-update"]);
    // Every document graph loses its meetings' labels; a graph of the user's own is added.
    let drop_labels = "PREFIX gg: <https://w3id.org/govgraph/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
        DELETE { GRAPH ?g { ?m rdfs:label ?l } } WHERE { GRAPH ?g { ?m a gg:Meeting ; rdfs:label ?l } }";
    let (status, _, body) = post_form(&served.base, "/update", "update", drop_labels, "");
    assert_eq!(status, 204, "{body}");
    let (status, _, body) = post_form(&served.base, "/update", "update", "INSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:b> <urn:c> } }", "");
    assert_eq!(status, 204, "{body}");
    drop(served);

    // The build's record of each graph no longer holds: the graphs are compared with the store
    // and put right, and the user's own graph, which no document made, stays.
    let out = workspace.run(&["build", "corpus", "-q"]).ok();
    assert!(out.starts_with("5 built, 0 skipped, 0 removed"), "{out}");
    let after = workspace.run(&["dump", "--format", "nquads"]).ok();
    let notes = "<urn:a> <urn:b> <urn:c> <urn:notes> .";
    assert!(after.contains(notes), "the user's graph is kept");
    let after: Vec<&str> = after.lines().filter(|l| *l != notes).collect();
    assert_eq!(after, before.lines().collect::<Vec<_>>(), "every document graph is as the build made it");
}

#[test]
fn serve_cuts_off_an_expensive_query_and_keeps_serving() {
    let workspace = built();
    let served = Served::start(&workspace, &["--timeout", "1"]);
    let started = Instant::now();
    let (status, _, body) = get_query(&served.base, EXPENSIVE, "");
    let elapsed = started.elapsed();
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("cancelled after 1 s"), "{body}");
    assert!(elapsed < Duration::from_secs(8), "cut off near the deadline, not after {elapsed:?}");
    let (status, _, body) = get_query(&served.base, COUNT_ALL, "text/csv");
    assert_eq!(status, 200, "the server keeps serving: {body}");
    let started = Instant::now();
    let (status, _, body) = get_query(&served.base, EXPENSIVE_IN_MEMORY, "");
    let elapsed = started.elapsed();
    assert_eq!(status, 503, "{body}");
    assert!(elapsed < Duration::from_secs(8), "answered near the deadline, not after {elapsed:?}");
    // Several expensive queries at once do not stop a cheap one from being answered.
    let base = served.base.clone();
    let runaways: Vec<_> = (0..3).map(|_| {
        let base = base.clone();
        std::thread::spawn(move || get_query(&base, EXPENSIVE, "").0)
    }).collect();
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(get_query(&served.base, COUNT_ALL, "text/csv").0, 200);
    for runaway in runaways {
        assert_eq!(runaway.join().unwrap(), 503);
    }
}

#[test]
fn serve_rejects_oversized_requests_and_answers() {
    let workspace = built();
    let served = Served::start(&workspace, &["--max-body-bytes", "1000", "--max-result-bytes", "2000"]);
    let padding = format!("{COUNT_ALL} # {}", "x".repeat(1500));
    let (status, _, body) = post_direct(&served.base, &padding, "");
    assert_eq!(status, 413, "{body}");
    assert!(body.contains("--max-body-bytes"), "{body}");
    let (status, _, body) = get_query(&served.base, &padding, "");
    assert_eq!(status, 414, "{body}");
    // A body announced as huge is refused before it is read.
    let address = served.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "POST /query HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/sparql-query\r\nContent-Length: 1000000000\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    let (status, _, body) = get_query(&served.base, "SELECT * WHERE { ?s ?p ?o }", "");
    assert_eq!(status, 500, "{body}");
    assert!(body.contains("--max-result-bytes"), "{body}");
    assert_eq!(get_query(&served.base, COUNT_ALL, "").0, 200, "still serving");
}

#[test]
fn serve_stops_cleanly_on_sigterm() {
    let workspace = built();
    let mut served = Served::start(&workspace, &[]);
    assert_eq!(get_query(&served.base, COUNT_ALL, "").0, 200);
    let pid = served.child.id() as libc::pid_t;
    // SAFETY: signalling our own child process.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            assert!(status.success(), "a graceful stop exits 0, not {status}");
            break;
        }
        assert!(Instant::now() < deadline, "still running 10 s after SIGTERM");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The Oxigraph server from `pip install oxigraph`, on a free loopback port, stopped when dropped.
struct OxigraphServer {
    child: Child,
    base: String,
    _dir: tempfile::TempDir,
}

impl OxigraphServer {
    fn start() -> OxigraphServer {
        let which = Command::new("which").arg("oxigraph").output().expect("`which` runs");
        assert!(
            which.status.success(),
            "the `oxigraph` server is not on PATH; install it with `pip install oxigraph` (.ci/run does)"
        );
        let program = String::from_utf8(which.stdout).unwrap().trim().to_owned();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = tempfile::tempdir().unwrap();
        let child = Command::new(&program)
            .args(["serve", "--union-default-graph", "--bind", &format!("127.0.0.1:{port}"), "--location"])
            .arg(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
        let server = OxigraphServer { child, base: format!("http://127.0.0.1:{port}"), _dir: dir };
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "the Oxigraph server did not listen on {port} within 60 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }
}

impl Drop for OxigraphServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Lines of a CSV answer with the header first and the rows sorted (engines may break ties apart).
fn rows(csv: &str) -> Vec<String> {
    let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
    if lines.len() > 1 {
        lines[1..].sort();
    }
    lines
}

#[test]
fn push_round_trip_through_the_oxigraph_server_gives_the_same_answers() {
    let workspace = built();
    let oxigraph = OxigraphServer::start();
    let store_endpoint = format!("{}/store", oxigraph.base);
    let first = workspace.run(&["push", "--endpoint", &store_endpoint, "--store", workspace.path("db").to_str().unwrap()]).ok();
    let n_graphs: usize = first.split_whitespace().next().unwrap().parse().unwrap();
    assert!(n_graphs >= 7, "the documents, entities and curated graphs: {first}");
    assert!(first.contains("0 unchanged"), "{first}");
    let second = workspace.run(&["push", "--endpoint", &store_endpoint, "--store", workspace.path("db").to_str().unwrap()]).ok();
    assert!(second.starts_with(&format!("0 graphs sent, {n_graphs} unchanged")), "only changed graphs are sent: {second}");
    assert!(workspace.path("db.push.json").is_file(), "the state sits beside the store");

    let query_endpoint = format!("{}/query", oxigraph.base);
    for name in govgraph::query::shipped_names() {
        let local = workspace.run(&["query", name, "--format", "csv"]).ok();
        let remote = workspace.run(&["query", name, "--format", "csv", "--endpoint", &query_endpoint]).ok();
        assert!(local.lines().count() > 1, "{name} has answers");
        assert_eq!(rows(&remote), rows(&local), "{name} answers the same remotely");
    }
    // Our own endpoint answers the same too.
    let served = Served::start(&workspace, &[]);
    let ours = workspace.run(&["query", "connected-processes", "--format", "csv", "--endpoint", &format!("{}/query", served.base)]).ok();
    assert_eq!(ours, workspace.run(&["query", "connected-processes", "--format", "csv"]).ok());

    let failed = workspace.run(&["push", "--force", "--endpoint", &format!("{}/nowhere", oxigraph.base), "--store", workspace.path("db").to_str().unwrap()]);
    assert_eq!(failed.code(), 2);
    assert!(failed.stderr().contains("HTTP 404"), "{}", failed.stderr());
}

#[test]
fn validate_says_the_corpus_conforms_and_a_broken_graph_does_not() {
    let workspace = built();
    let run = workspace.run(&["validate", "--store", workspace.path("db").to_str().unwrap()]);
    assert_eq!(run.code(), 0, "{}{}", run.stdout(), run.stderr());
    assert!(run.stdout().contains("Conforms: True"), "{}", run.stdout());

    let dump = workspace.run(&["dump", "--format", "ntriples"]).ok();
    let broken: String = dump
        .lines()
        .filter(|line| !line.contains("<https://schema.org/startDate>") && !line.contains("#speaker>"))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(workspace.path("broken.nt"), broken).unwrap();
    let run = workspace.run(&["validate", "--input", "broken.nt"]);
    assert_eq!(run.code(), 1, "{}{}", run.stdout(), run.stderr());
    assert!(run.stdout().contains("Conforms: False"), "{}", run.stdout());
    assert!(run.stdout().contains("startDate") && run.stdout().contains("speaker"), "{}", run.stdout());
}

#[test]
fn every_dump_format_parses_in_rdflib() {
    let workspace = built();
    for (format, rdflib_format, dataset) in [
        ("nquads", "nquads", true),
        ("trig", "trig", true),
        ("turtle", "turtle", false),
        ("ntriples", "nt", false),
        ("jsonld", "json-ld", true),
    ] {
        let file = workspace.path(&format!("dump.{format}"));
        workspace.run(&["dump", "--format", format, "-o", file.to_str().unwrap()]).ok();
        let kind = if dataset { "Dataset" } else { "Graph" };
        let script = format!(
            "import rdflib, sys\ng = rdflib.{kind}()\ng.parse(sys.argv[1], format='{rdflib_format}')\nprint(len(g) if '{kind}' == 'Graph' else sum(len(c) for c in g.graphs()))"
        );
        let output = Command::new("python3").args(["-c", &script]).arg(&file).output().expect("python3 runs");
        assert!(
            output.status.success(),
            "rdflib cannot read the {format} dump (install it with `pip install rdflib`): {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let n: usize = String::from_utf8_lossy(&output.stdout).trim().parse().unwrap();
        assert!(n > 1000, "{format}: {n} triples");
    }
}

#[test]
fn push_reports_a_refused_login_with_a_hint_and_sends_the_header() {
    let workspace = built();
    // A stand-in endpoint that refuses every request with 401 and records what it was sent.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    let recorder = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut seen = Vec::new();
        let mut chunk = [0u8; 65536];
        while let Ok(n) = stream.read(&mut chunk) {
            seen.extend_from_slice(&chunk[..n]);
            if n == 0 || seen.windows(4).any(|w| w == b"\r\n\r\n") {
                break;
            }
        }
        let body = "login required";
        let _ = write!(stream, "HTTP/1.1 401 Unauthorized\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        String::from_utf8_lossy(&seen).into_owned()
    });
    let run = workspace.run(&[
        "push",
        "--endpoint",
        &format!("http://{address}/store"),
        "--header",
        "Authorization: Bearer secret-token",
        "--store",
        workspace.path("db").to_str().unwrap(),
    ]);
    let request = recorder.join().unwrap();
    assert_eq!(run.code(), 2);
    assert!(run.stderr().contains("HTTP 401") && run.stderr().contains("--header"), "{}", run.stderr());
    assert!(request.starts_with("PUT /store?graph="), "{request}");
    assert!(request.contains("authorization: Bearer secret-token") || request.contains("Authorization: Bearer secret-token"), "{request}");
}
