//! Serve: the store as a SPARQL 1.1 Protocol endpoint, with a small HTML page for people.
//!
//! The paths are Oxigraph server's: `/query` (GET or POST; query string, HTML form or
//! `application/sparql-query` body) and `/update`, which is refused with 403 unless the server was
//! started with updates allowed. Answers are content-negotiated from the `Accept` header: SELECT and
//! ASK as SPARQL results (JSON, XML, CSV, TSV), CONSTRUCT and DESCRIBE as RDF (Turtle, N-Triples,
//! N-Quads, JSON-LD, RDF/XML). As in the CLI, the default graph is the union of all graphs unless
//! the request names a dataset.
//!
//! Every query runs under a deadline: a reaper thread cancels its oxigraph [`CancellationToken`],
//! so an expensive query stops evaluating (503) and its worker serves the next request.
//! Request bodies and URLs are capped (413/414), and so is the size of an answer, which is
//! serialised in memory before it is sent so that a failure can still change the status.
//!
//! The HTTP layer is `tiny_http`: a few worker threads pull requests from its queue.
//! [`Server::run`] returns when a shutdown flag is raised (see [`shutdown_on_signals`]), after the
//! requests being answered are finished.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use oxigraph::io::RdfFormat;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, SparqlEvaluator};
use tiny_http::{Header, Method, Request, Response, StatusCode};

use crate::cache::BuildCache;
use crate::store::GraphStore;
use crate::{defaults, vocab};

/// Why the endpoint could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    #[error("cannot listen on {bind}: {source}")]
    Bind {
        bind: String,
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("cannot listen on {bind}: not an IP socket address")]
    NotIp { bind: String },
    #[error("cannot install the SIGINT/SIGTERM handler: {source}")]
    Signal { source: std::io::Error },
}

/// How the endpoint behaves; [`ServeOptions::default`] is what `govgraph serve` uses.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Address to listen on; loopback by default so that nothing is exposed by accident.
    pub bind: String,
    /// Longest time a query may run before it is cancelled.
    pub timeout: Duration,
    /// Largest request body (and URL) accepted, in bytes.
    pub max_body_bytes: usize,
    /// Largest answer sent, in bytes; a bigger one is refused with a message asking for LIMIT.
    pub max_result_bytes: usize,
    /// Send `Access-Control-Allow-Origin: *` and answer CORS preflight requests.
    pub cors: bool,
    /// Accept SPARQL updates at `/update` (the store must then be opened for writing).
    pub allow_update: bool,
    /// Worker threads answering requests.
    pub threads: usize,
}

impl Default for ServeOptions {
    fn default() -> ServeOptions {
        let cpus = std::thread::available_parallelism().map_or(2, usize::from);
        ServeOptions {
            bind: "127.0.0.1:7878".to_owned(),
            timeout: Duration::from_secs(10),
            max_body_bytes: 1 << 20,
            max_result_bytes: 64 << 20,
            cors: false,
            allow_update: false,
            threads: (2 * cpus).max(4),
        }
    }
}

/// A bound, not yet running endpoint.
pub struct Server {
    http: tiny_http::Server,
    store: GraphStore,
    options: ServeOptions,
    address: SocketAddr,
    page: String,
    deadlines: Deadlines,
    /// Query evaluations still running, cancelled ones included.
    evaluations: Arc<AtomicUsize>,
}

impl Server {
    /// Binds the listening socket; a port of 0 picks a free one (see [`Server::local_addr`]).
    pub fn bind(store: GraphStore, options: ServeOptions) -> Result<Server, ServeError> {
        let http = tiny_http::Server::http(&options.bind).map_err(|source| ServeError::Bind {
            bind: options.bind.clone(),
            source,
        })?;
        let address = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| ServeError::NotIp { bind: options.bind.clone() })?;
        Ok(Server {
            http,
            store,
            options,
            address,
            page: page(),
            deadlines: Deadlines::default(),
            evaluations: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// The address the endpoint listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.address
    }

    /// Answers requests until `shutdown` becomes true, then finishes the requests in progress.
    pub fn run(&self, shutdown: &AtomicBool) {
        std::thread::scope(|scope| {
            for _ in 0..self.options.threads.max(1) {
                scope.spawn(|| {
                    while !shutdown.load(Ordering::Relaxed) {
                        // An accept error concerns one connection; the endpoint keeps serving.
                        if let Ok(Some(request)) = self.http.recv_timeout(Duration::from_millis(100)) {
                            self.handle(request);
                        }
                    }
                });
            }
            scope.spawn(|| {
                while !shutdown.load(Ordering::Relaxed) {
                    self.deadlines.cancel_expired();
                    std::thread::sleep(Duration::from_millis(10));
                }
            });
        });
    }

    fn handle(&self, mut request: Request) {
        let reply = self.reply(&mut request);
        let mut response = Response::from_data(reply.body)
            .with_status_code(StatusCode(reply.status))
            .with_header(header("Content-Type", reply.content_type));
        for (name, value) in reply.headers {
            response.add_header(header(name, &value));
        }
        if self.options.cors {
            response.add_header(header("Access-Control-Allow-Origin", "*"));
        }
        // The client may have gone away; nothing is left to do for it.
        let _ = request.respond(response);
    }

    fn reply(&self, request: &mut Request) -> Reply {
        let url = request.url().to_owned();
        if url.len() > self.options.max_body_bytes {
            return Reply::error(414, format!("the URL is longer than {} bytes; POST the query instead", self.options.max_body_bytes));
        }
        let (path, query_string) = url.split_once('?').unwrap_or((&url, ""));
        let method = request.method().clone();
        match (&method, path) {
            (Method::Options, _) if self.options.cors => Reply {
                status: 204,
                content_type: "text/plain; charset=utf-8",
                headers: vec![
                    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS".to_owned()),
                    ("Access-Control-Allow-Headers", "Content-Type, Accept, Authorization".to_owned()),
                    ("Access-Control-Max-Age", "600".to_owned()),
                ],
                body: Vec::new(),
            },
            (Method::Get | Method::Head, "/") => Reply {
                status: 200,
                content_type: "text/html; charset=utf-8",
                headers: Vec::new(),
                body: self.page.clone().into_bytes(),
            },
            (Method::Get | Method::Post, "/query") => match self.protocol_params(request, query_string, "query", "application/sparql-query") {
                Ok(params) => self.query(request, &params),
                Err(reply) => reply,
            },
            (Method::Get | Method::Post, "/update") => {
                if !self.options.allow_update {
                    return Reply::error(403, "this endpoint is read-only: SPARQL updates are refused (start `govgraph serve --allow-update` to accept them)".to_owned());
                }
                if method != Method::Post {
                    return Reply::error(405, "SPARQL updates must be POSTed".to_owned()).with_header("Allow", "POST");
                }
                match self.protocol_params(request, query_string, "update", "application/sparql-update") {
                    Ok(params) => self.update(&params),
                    Err(reply) => reply,
                }
            }
            (_, "/query" | "/update") => Reply::error(405, format!("{method} is not allowed on {path}")).with_header("Allow", "GET, POST"),
            _ => Reply::error(404, format!("nothing at {path}; the endpoint is /query (and /update), the page is /")),
        }
    }

    /// The protocol's parameters from the URL, a form body or a direct body of `direct_type`.
    fn protocol_params(&self, request: &mut Request, query_string: &str, operation: &str, direct_type: &str) -> Result<Params, Reply> {
        let mut params = Params::parse(query_string.as_bytes());
        if *request.method() != Method::Post {
            return Ok(params);
        }
        let content_type = header_value(request, "Content-Type").unwrap_or_default();
        let media_type = content_type.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        let body = self.read_body(request)?;
        if media_type == "application/x-www-form-urlencoded" {
            params.extend(Params::parse(&body));
        } else if media_type == direct_type {
            let text = String::from_utf8(body).map_err(|_| Reply::error(400, "the request body is not UTF-8".to_owned()))?;
            params.values.push((operation.to_owned(), text));
        } else {
            return Err(Reply::error(
                415,
                format!("unsupported Content-Type `{content_type}`: POST {direct_type} or application/x-www-form-urlencoded"),
            ));
        }
        Ok(params)
    }

    fn read_body(&self, request: &mut Request) -> Result<Vec<u8>, Reply> {
        let limit = self.options.max_body_bytes;
        let too_large = || Reply::error(413, format!("the request body is larger than {limit} bytes (--max-body-bytes)"));
        if request.body_length().is_some_and(|length| length > limit) {
            return Err(too_large());
        }
        let mut body = Vec::new();
        request
            .as_reader()
            .take(limit as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|e| Reply::error(400, format!("cannot read the request body: {e}")))?;
        if body.len() > limit {
            return Err(too_large());
        }
        Ok(body)
    }

    fn query(&self, request: &Request, params: &Params) -> Reply {
        let Some(text) = params.one("query") else {
            return Reply::error(400, "no `query` parameter".to_owned());
        };
        let token = CancellationToken::new();
        let mut prepared = match SparqlEvaluator::new().with_cancellation_token(token.clone()).parse_query(text) {
            Ok(prepared) => prepared,
            Err(e) => return Reply::error(400, format!("SPARQL syntax error: {e}")),
        };
        let default_graphs = params.all("default-graph-uri");
        let named_graphs = params.all("named-graph-uri");
        if default_graphs.is_empty() && named_graphs.is_empty() {
            if prepared.dataset_mut().is_default_dataset() {
                prepared.dataset_mut().set_default_graph_as_union();
            }
        } else {
            let parse = |iris: Vec<&str>| iris.into_iter().map(NamedNode::new).collect::<Result<Vec<_>, _>>();
            match (parse(default_graphs), parse(named_graphs)) {
                (Ok(default), Ok(named)) => {
                    prepared.dataset_mut().set_default_graph(default.into_iter().map(GraphName::from).collect());
                    if !named.is_empty() {
                        prepared.dataset_mut().set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::from).collect());
                    }
                }
                (Err(e), _) | (_, Err(e)) => return Reply::error(400, format!("invalid graph IRI: {e}")),
            }
        }
        let accept = header_value(request, "Accept").unwrap_or_default();
        let limits = Limits { max_result_bytes: self.options.max_result_bytes, timeout: self.options.timeout };
        if self.evaluations.load(Ordering::Relaxed) >= 2 * self.options.threads.max(1) {
            return Reply::error(503, "too many cancelled queries are still stopping; try again shortly".to_owned());
        }
        // The query runs on its own thread so that the client gets its 503 at the deadline even when
        // the evaluation, busy in memory, notices its cancelled token only later.
        let id = self.deadlines.start(Instant::now() + self.options.timeout, token.clone());
        let (sender, receiver) = std::sync::mpsc::sync_channel(1);
        let store = self.store.oxigraph().clone();
        let evaluations = Arc::clone(&self.evaluations);
        evaluations.fetch_add(1, Ordering::Relaxed);
        let spawned = std::thread::Builder::new().name("govgraph-query".to_owned()).spawn(move || {
            let reply = match prepared.on_store(&store).execute() {
                Ok(results) => limits.answer(results, &accept),
                Err(e) => limits.evaluation_failure(&e),
            };
            let _ = sender.send(reply);
            evaluations.fetch_sub(1, Ordering::Relaxed);
        });
        let reply = match spawned {
            Ok(_) => receiver.recv_timeout(self.options.timeout + Duration::from_millis(500)).unwrap_or_else(|_| {
                token.cancel();
                limits.cancelled()
            }),
            Err(e) => {
                self.evaluations.fetch_sub(1, Ordering::Relaxed);
                Reply::error(503, format!("cannot start the query: {e}"))
            }
        };
        self.deadlines.finish(id);
        reply
    }

    fn update(&self, params: &Params) -> Reply {
        let Some(text) = params.one("update") else {
            return Reply::error(400, "no `update` parameter".to_owned());
        };
        let prepared = match SparqlEvaluator::new().parse_update(text) {
            Ok(prepared) => prepared,
            Err(e) => return Reply::error(400, format!("SPARQL syntax error: {e}")),
        };
        // The build cache's record of each graph is given up first (see `cache`): written after,
        // a crash in between would leave the record of graphs the update changed.
        if let Some(path) = self.store.on_disk()
            && let Err(e) = BuildCache::forget_graphs_of(path)
        {
            return Reply::error(500, format!("the update was not applied: cannot mark the build cache of {} as stale ({e})", path.display()));
        }
        match prepared.on_store(self.store.oxigraph()).execute() {
            Ok(()) => Reply { status: 204, content_type: "text/plain; charset=utf-8", headers: Vec::new(), body: Vec::new() },
            Err(e) => Reply::error(500, format!("update failed: {e}")),
        }
    }
}

/// What a query's evaluation thread needs to know of the options.
#[derive(Clone, Copy)]
struct Limits {
    max_result_bytes: usize,
    timeout: Duration,
}

impl Limits {
    fn answer(self, results: QueryResults<'_>, accept: &str) -> Reply {
        let mut out = Limited::new(self.max_result_bytes);
        let outcome = match results {
            QueryResults::Solutions(solutions) => {
                let Some(format) = negotiate_results(accept) else {
                    return not_acceptable(accept, RESULTS_TYPES);
                };
                let content_type = format.media_type();
                serialize_solutions(solutions, format, &mut out).map(|()| content_type)
            }
            QueryResults::Boolean(value) => {
                let Some(format) = negotiate_results(accept) else {
                    return not_acceptable(accept, RESULTS_TYPES);
                };
                QueryResultsSerializer::from_format(format)
                    .serialize_boolean_to_writer(&mut out, value)
                    .map(|_| format.media_type())
                    .map_err(Failure::Io)
            }
            QueryResults::Graph(triples) => {
                let Some(format) = negotiate_graph(accept) else {
                    return not_acceptable(accept, GRAPH_TYPES);
                };
                serialize_triples(triples, format, &mut out).map(|()| format.media_type())
            }
        };
        match outcome {
            Ok(content_type) => Reply {
                status: 200,
                content_type,
                headers: vec![("Vary", "Accept".to_owned())],
                body: out.buffer,
            },
            Err(_) if out.exceeded => Reply::error(
                500,
                format!("the answer is larger than {} bytes (--max-result-bytes); add a LIMIT", self.max_result_bytes),
            ),
            Err(Failure::Evaluation(e)) => self.evaluation_failure(&e),
            Err(Failure::Io(e)) => Reply::error(500, format!("cannot write the answer: {e}")),
        }
    }

    fn evaluation_failure(self, error: &QueryEvaluationError) -> Reply {
        if matches!(error, QueryEvaluationError::Cancelled) {
            Reply::error(503, format!("the query was cancelled after {} s (--timeout)", self.timeout.as_secs_f64()))
        } else {
            Reply::error(500, format!("query evaluation failed: {error}"))
        }
    }

    fn cancelled(self) -> Reply {
        self.evaluation_failure(&QueryEvaluationError::Cancelled)
    }
}

/// Raised by SIGINT or SIGTERM once [`shutdown_on_signals`] has been called.
static SIGNALLED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_signal(_signal: libc::c_int) {
    SIGNALLED.store(true, Ordering::SeqCst);
}

/// Makes SIGINT and SIGTERM raise the returned flag, for [`Server::run`], instead of killing the process.
pub fn shutdown_on_signals() -> Result<&'static AtomicBool, ServeError> {
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let handler = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SAFETY: the handler only stores into an atomic, which is async-signal-safe.
        let previous = unsafe { libc::signal(signal, handler) };
        if previous == libc::SIG_ERR {
            return Err(ServeError::Signal { source: std::io::Error::last_os_error() });
        }
    }
    Ok(&SIGNALLED)
}

/// Media types of SELECT and ASK answers, the first being the default.
const RESULTS_TYPES: &[(&str, QueryResultsFormat)] = &[
    ("application/sparql-results+json", QueryResultsFormat::Json),
    ("application/json", QueryResultsFormat::Json),
    ("application/sparql-results+xml", QueryResultsFormat::Xml),
    ("application/xml", QueryResultsFormat::Xml),
    ("text/xml", QueryResultsFormat::Xml),
    ("text/csv", QueryResultsFormat::Csv),
    ("text/tab-separated-values", QueryResultsFormat::Tsv),
];

/// Media types of CONSTRUCT and DESCRIBE answers, the first being the default.
const GRAPH_TYPES: &[(&str, RdfFormat)] = &[
    ("text/turtle", RdfFormat::Turtle),
    ("application/n-triples", RdfFormat::NTriples),
    ("text/plain", RdfFormat::NTriples),
    ("application/n-quads", RdfFormat::NQuads),
    ("application/ld+json", RdfFormat::JsonLd { profile: oxigraph::io::JsonLdProfileSet::empty() }),
    ("application/rdf+xml", RdfFormat::RdfXml),
];

fn negotiate_results(accept: &str) -> Option<QueryResultsFormat> {
    negotiate(accept, RESULTS_TYPES)
}

fn negotiate_graph(accept: &str) -> Option<RdfFormat> {
    negotiate(accept, GRAPH_TYPES)
}

/// The supported type the `Accept` header likes best (ties go to the header's order);
/// no header, `*/*` or a matching `type/*` gives the first supported type.
fn negotiate<F: Copy>(accept: &str, supported: &[(&str, F)]) -> Option<F> {
    if accept.trim().is_empty() {
        return supported.first().map(|(_, format)| *format);
    }
    let mut ranges: Vec<(f32, String)> = accept
        .split(',')
        .filter_map(|range| {
            let mut parts = range.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.trim().parse::<f32>().ok()))
                .next()
                .unwrap_or(1.0);
            (!media.is_empty() && quality > 0.0).then_some((quality, media))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, media) in ranges {
        if media == "*/*" {
            return supported.first().map(|(_, format)| *format);
        }
        if let Some(prefix) = media.strip_suffix("/*") {
            if let Some((_, format)) = supported.iter().find(|(name, _)| name.split('/').next() == Some(prefix)) {
                return Some(*format);
            }
            continue;
        }
        if let Some((_, format)) = supported.iter().find(|(name, _)| *name == media) {
            return Some(*format);
        }
    }
    None
}

fn not_acceptable<F>(accept: &str, supported: &[(&str, F)]) -> Reply {
    let names: Vec<&str> = supported.iter().map(|(name, _)| *name).collect();
    Reply::error(406, format!("no supported type in `Accept: {accept}`; this answer can be one of: {}", names.join(", ")))
}

enum Failure {
    Evaluation(QueryEvaluationError),
    Io(std::io::Error),
}

fn serialize_solutions(
    solutions: oxigraph::sparql::QuerySolutionIter<'_>,
    format: QueryResultsFormat,
    out: &mut Limited,
) -> Result<(), Failure> {
    let mut serializer = QueryResultsSerializer::from_format(format)
        .serialize_solutions_to_writer(out, solutions.variables().to_vec())
        .map_err(Failure::Io)?;
    for solution in solutions {
        serializer.serialize(&solution.map_err(Failure::Evaluation)?).map_err(Failure::Io)?;
    }
    serializer.finish().map_err(Failure::Io)?;
    Ok(())
}

fn serialize_triples(triples: oxigraph::sparql::QueryTripleIter<'_>, format: RdfFormat, out: &mut Limited) -> Result<(), Failure> {
    let mut serializer = vocab::serializer(format).for_writer(out);
    for triple in triples {
        serializer.serialize_triple(&triple.map_err(Failure::Evaluation)?).map_err(Failure::Io)?;
    }
    serializer.finish().map_err(Failure::Io)?;
    Ok(())
}

/// An in-memory writer that refuses to grow beyond a limit.
struct Limited {
    buffer: Vec<u8>,
    limit: usize,
    exceeded: bool,
}

impl Limited {
    fn new(limit: usize) -> Limited {
        Limited { buffer: Vec::new(), limit, exceeded: false }
    }
}

impl Write for Limited {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.buffer.len() + bytes.len() > self.limit {
            self.exceeded = true;
            return Err(std::io::Error::other("answer size limit reached"));
        }
        self.buffer.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The cancellation tokens of running queries and when each must stop.
#[derive(Default)]
struct Deadlines {
    next_id: AtomicU64,
    running: Mutex<HashMap<u64, (Instant, CancellationToken)>>,
}

impl Deadlines {
    fn start(&self, deadline: Instant, token: CancellationToken) -> u64 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        self.running.lock().unwrap_or_else(|e| e.into_inner()).insert(id, (deadline, token));
        id
    }
    fn finish(&self, id: u64) {
        self.running.lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
    }
    fn cancel_expired(&self) {
        let now = Instant::now();
        self.running.lock().unwrap_or_else(|e| e.into_inner()).retain(|_, (deadline, token)| {
            if *deadline <= now {
                token.cancel();
                false
            } else {
                true
            }
        });
    }
}

/// Protocol parameters in their order, decoded from `application/x-www-form-urlencoded`.
#[derive(Default)]
struct Params {
    values: Vec<(String, String)>,
}

impl Params {
    fn parse(encoded: &[u8]) -> Params {
        Params { values: form_urlencoded::parse(encoded).into_owned().collect() }
    }
    fn extend(&mut self, other: Params) {
        self.values.extend(other.values);
    }
    fn one(&self, name: &str) -> Option<&str> {
        self.values.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }
    fn all(&self, name: &str) -> Vec<&str> {
        self.values.iter().filter(|(key, _)| key == name).map(|(_, value)| value.as_str()).collect()
    }
}

/// What to send back: a status, a body and its type, and extra headers.
struct Reply {
    status: u16,
    content_type: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn error(status: u16, message: String) -> Reply {
        Reply { status, content_type: "text/plain; charset=utf-8", headers: Vec::new(), body: format!("{message}\n").into_bytes() }
    }
    fn with_header(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.to_owned()));
        self
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("header names and values are ASCII")
}

fn header_value(request: &Request, name: &str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str().to_owned())
}

/// The HTML page with the shipped queries filled in as a JSON array.
fn page() -> String {
    let queries: Vec<serde_json::Value> = defaults::QUERIES
        .iter()
        .map(|(name, text)| serde_json::json!({ "name": name, "text": text }))
        .collect();
    let json = serde_json::to_string(&queries).expect("strings serialise").replace("</", "<\\/");
    include_str!("serve.html").replace("/*SHIPPED_QUERIES*/[]", &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_quality_then_order_and_wildcards() {
        assert_eq!(negotiate_results(""), Some(QueryResultsFormat::Json));
        assert_eq!(negotiate_results("text/csv"), Some(QueryResultsFormat::Csv));
        assert_eq!(negotiate_results("text/csv;q=0.5, application/sparql-results+xml"), Some(QueryResultsFormat::Xml));
        assert_eq!(negotiate_results("text/*"), Some(QueryResultsFormat::Xml));
        assert_eq!(negotiate_results("image/png"), None);
        assert_eq!(negotiate_graph("*/*"), Some(RdfFormat::Turtle));
        assert_eq!(negotiate_graph("application/n-quads, */*;q=0.1"), Some(RdfFormat::NQuads));
        assert_eq!(negotiate_graph("application/sparql-results+json"), None);
    }

    #[test]
    fn the_page_carries_every_shipped_query() {
        let page = page();
        for (name, _) in defaults::QUERIES {
            assert!(page.contains(&format!("\"name\":\"{name}\"")), "{name} missing from the page");
        }
        assert!(!page.contains("SHIPPED_QUERIES"));
    }
}
