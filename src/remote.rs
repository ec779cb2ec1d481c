//! Remote: the graph in other SPARQL stores.
//!
//! [`push`] copies every named graph of the store to a SPARQL 1.1 Graph Store Protocol endpoint
//! with one `PUT ?graph=<name>` each (replace semantics), and removes with `DELETE` the graphs it
//! sent before that the store no longer has. What was sent is remembered per endpoint in a small
//! JSON state file next to the store (`<store>.push.json`, graph → SHA-256 of its sorted
//! N-Triples), so a second push sends only the graphs that changed.
//! [`query`] runs SPARQL on a remote SPARQL 1.1 Protocol endpoint and returns answers that
//! `query::write` prints like local ones.
//!
//! HTTP is blocking (`ureq`). Connection failures, 5xx, 408 and 429 are retried with exponential
//! backoff; 401 and 403 stop at once with a hint about `--header`.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{GraphNameRef, NamedOrBlankNode, Triple};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsParser};
use oxigraph::sparql::{QueryEvaluationError, QueryResults, QueryTripleIter};
use sha2::{Digest, Sha256};

use crate::store::{GraphStore, StoreError};

/// Why a push or a remote query failed. Every variant names the endpoint.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RemoteError {
    #[error("{url}: refused with HTTP {status} (authentication?); pass credentials with --header 'Authorization: Bearer …': {body}")]
    Auth { url: String, status: u16, body: String },
    #[error("{url}: HTTP {status}: {body}")]
    Http { url: String, status: u16, body: String },
    #[error("{url}: {source} (gave up after {attempts} attempts)")]
    Transport { url: String, attempts: u32, source: Box<ureq::Error> },
    #[error("invalid header `{header}`: expected `Name: value`")]
    Header { header: String },
    #[error("{url}: the answer has an unsupported Content-Type `{content_type}`")]
    ContentType { url: String, content_type: String },
    #[error("{url}: cannot parse the answer: {message}")]
    Parse { url: String, message: String },
    #[error("{path}: push state: {message}")]
    State { path: PathBuf, message: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// How to reach an endpoint.
#[derive(Debug, Clone, Default)]
pub struct Endpoint {
    pub url: String,
    /// Extra request headers as `Name: value` (e.g. `Authorization: Bearer …`).
    pub headers: Vec<String>,
    /// Retries after the first attempt for failures that may pass.
    pub retries: u32,
}

impl Endpoint {
    /// An endpoint at `url` with no extra headers and four retries.
    pub fn new(url: &str) -> Endpoint {
        Endpoint { url: url.to_owned(), headers: Vec::new(), retries: 4 }
    }
}

/// What a push did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PushReport {
    /// Graphs sent, because they are new or changed since the last push to this endpoint.
    pub sent: Vec<String>,
    /// Graphs left alone because the endpoint already has them as they are.
    pub unchanged: usize,
    /// Graphs deleted on the endpoint because the store no longer has them.
    pub deleted: Vec<String>,
}

/// Sends each named graph of `store` that changed since the last push to `endpoint` (a Graph
/// Store Protocol URL such as Oxigraph server's `/store`); `force` sends every graph.
pub fn push(store: &GraphStore, endpoint: &Endpoint, force: bool) -> Result<PushReport, RemoteError> {
    let headers = parse_headers(&endpoint.headers)?;
    let state_path = state_path(store.path());
    let mut state = State::load(&state_path)?;
    let mut report = PushReport::default();
    let mut local = BTreeMap::new();
    for name in store.oxigraph().named_graphs() {
        let name = name.map_err(|source| StoreError::Storage { path: store.path().to_owned(), source })?;
        if let NamedOrBlankNode::NamedNode(node) = name {
            local.insert(node.as_str().to_owned(), node);
        }
    }
    let agent = agent();
    let sent_before = state.endpoints.entry(endpoint.url.clone()).or_default().clone();
    let mut outcome = Ok(());
    for (iri, node) in &local {
        let body = graph_ntriples(store, node.as_ref().into())?;
        let digest = hex(&Sha256::digest(body.as_bytes()));
        if !force && sent_before.get(iri) == Some(&digest) {
            report.unchanged += 1;
            continue;
        }
        let url = graph_url(&endpoint.url, iri);
        let sent = send(endpoint.retries, &url, || {
            let mut request = agent.put(&url).header("Content-Type", "application/n-triples");
            for (name, value) in &headers {
                request = request.header(name.as_str(), value.as_str());
            }
            request.send(body.as_bytes())
        });
        if let Err(e) = sent {
            outcome = Err(e);
            break;
        }
        state.endpoints.entry(endpoint.url.clone()).or_default().insert(iri.clone(), digest);
        report.sent.push(iri.clone());
    }
    if outcome.is_ok() {
        for iri in sent_before.keys().filter(|iri| !local.contains_key(*iri)) {
            let url = graph_url(&endpoint.url, iri);
            let deleted = send(endpoint.retries, &url, || {
                let mut request = agent.delete(&url);
                for (name, value) in &headers {
                    request = request.header(name.as_str(), value.as_str());
                }
                request.call()
            });
            match deleted {
                Ok(_) | Err(RemoteError::Http { status: 404, .. }) => {}
                Err(e) => {
                    outcome = Err(e);
                    break;
                }
            }
            state.endpoints.entry(endpoint.url.clone()).or_default().remove(iri);
            report.deleted.push(iri.clone());
        }
    }
    // What was sent is recorded even when a later graph failed, so a retry resumes.
    state.save(&state_path)?;
    outcome.map(|()| report)
}

/// Runs `sparql` on the SPARQL 1.1 Protocol endpoint `endpoint` (e.g. `http://host/query`).
pub fn query(endpoint: &Endpoint, sparql: &str) -> Result<QueryResults<'static>, RemoteError> {
    let headers = parse_headers(&endpoint.headers)?;
    let agent = agent();
    let url = endpoint.url.clone();
    let mut response = send(endpoint.retries, &url, || {
        let mut request = agent
            .post(&url)
            .header("Content-Type", "application/sparql-query")
            .header("Accept", "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8");
        for (name, value) in &headers {
            request = request.header(name.as_str(), value.as_str());
        }
        request.send(sparql)
    })?;
    let content_type = response
        .headers()
        .get("Content-Type")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(1 << 30)
        .read_to_vec()
        .map_err(|source| RemoteError::Transport { url: url.clone(), attempts: 1, source: Box::new(source) })?;
    let media_type = content_type.split(';').next().unwrap_or("").trim();
    let parse_error = |message: String| RemoteError::Parse { url: url.clone(), message };
    if let Some(format) = QueryResultsFormat::from_media_type(media_type) {
        let parsed = QueryResultsParser::from_format(format)
            .for_reader(Cursor::new(bytes))
            .map_err(|e| parse_error(e.to_string()))?;
        return Ok(parsed.into());
    }
    if let Some(format) = RdfFormat::from_media_type(media_type) {
        let mut triples = Vec::new();
        for quad in RdfParser::from_format(format).for_reader(Cursor::new(bytes)) {
            triples.push(Triple::from(quad.map_err(|e| parse_error(e.to_string()))?));
        }
        let iter = triples.into_iter().map(Ok::<_, QueryEvaluationError>);
        return Ok(QueryResults::Graph(QueryTripleIter::new(iter)));
    }
    Err(RemoteError::ContentType { url, content_type })
}

/// The push state file of the store at `store`: beside it, named after it.
pub fn state_path(store: &Path) -> PathBuf {
    let mut name = store.file_name().map(|n| n.to_os_string()).unwrap_or_else(|| "govgraph.db".into());
    name.push(".push.json");
    store.with_file_name(name)
}

/// Graph → digest of what was last sent, per endpoint URL.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
struct State {
    endpoints: BTreeMap<String, BTreeMap<String, String>>,
}

impl State {
    fn load(path: &Path) -> Result<State, RemoteError> {
        match std::fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| RemoteError::State { path: path.to_owned(), message: e.to_string() }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(State::default()),
            Err(e) => Err(RemoteError::State { path: path.to_owned(), message: e.to_string() }),
        }
    }
    fn save(&self, path: &Path) -> Result<(), RemoteError> {
        let text = serde_json::to_string_pretty(self).expect("the state serialises");
        std::fs::write(path, text + "\n").map_err(|e| RemoteError::State { path: path.to_owned(), message: e.to_string() })
    }
}

/// The triples of one graph as sorted N-Triples: the same graph always gives the same bytes.
fn graph_ntriples(store: &GraphStore, graph: GraphNameRef<'_>) -> Result<String, RemoteError> {
    let mut lines = Vec::new();
    for quad in store.oxigraph().quads_for_pattern(None, None, None, Some(graph)) {
        let quad = quad.map_err(|source| StoreError::Storage { path: store.path().to_owned(), source })?;
        lines.push(format!("{} .\n", Triple::from(quad)));
    }
    lines.sort();
    Ok(lines.concat())
}

fn graph_url(endpoint: &str, graph: &str) -> String {
    let encoded: String = form_urlencoded::byte_serialize(graph.as_bytes()).collect();
    let separator = if endpoint.contains('?') { '&' } else { '?' };
    format!("{endpoint}{separator}graph={encoded}")
}

fn parse_headers(headers: &[String]) -> Result<Vec<(String, String)>, RemoteError> {
    headers
        .iter()
        .map(|header| match header.split_once(':') {
            Some((name, value)) if !name.trim().is_empty() => Ok((name.trim().to_owned(), value.trim().to_owned())),
            _ => Err(RemoteError::Header { header: header.clone() }),
        })
        .collect()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(120)))
        .http_status_as_error(false)
        .build()
        .into()
}

/// Sends a request built by `attempt`, retrying failures that may pass, and turns an HTTP error
/// status into a [`RemoteError`] carrying the start of the answer's body.
fn send(
    retries: u32,
    url: &str,
    mut attempt: impl FnMut() -> Result<ureq::http::Response<ureq::Body>, ureq::Error>,
) -> Result<ureq::http::Response<ureq::Body>, RemoteError> {
    let mut delay = Duration::from_millis(250);
    let mut n_attempts = 0;
    loop {
        n_attempts += 1;
        let last = n_attempts > retries;
        match attempt() {
            Ok(response) if response.status().is_success() => return Ok(response),
            Ok(mut response) => {
                let status = response.status().as_u16();
                let retryable = status >= 500 || status == 408 || status == 429;
                if !retryable || last {
                    let body = response.body_mut().read_to_string().unwrap_or_default();
                    let body: String = body.trim().chars().take(300).collect();
                    return Err(if status == 401 || status == 403 {
                        RemoteError::Auth { url: url.to_owned(), status, body }
                    } else {
                        RemoteError::Http { url: url.to_owned(), status, body }
                    });
                }
            }
            Err(source) if last => {
                return Err(RemoteError::Transport { url: url.to_owned(), attempts: n_attempts, source: Box::new(source) });
            }
            Err(_) => {}
        }
        std::thread::sleep(delay);
        delay *= 2;
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_urls_encode_the_graph_name() {
        assert_eq!(
            graph_url("http://h/store", "https://w3id.org/govgraph/id/doc/ab"),
            "http://h/store?graph=https%3A%2F%2Fw3id.org%2Fgovgraph%2Fid%2Fdoc%2Fab"
        );
        assert_eq!(graph_url("http://h/gsp?x=1", "urn:a"), "http://h/gsp?x=1&graph=urn%3Aa");
    }

    #[test]
    fn headers_need_a_name_and_a_colon() {
        assert_eq!(parse_headers(&["Authorization: Bearer x".into()]).unwrap(), vec![("Authorization".into(), "Bearer x".into())]);
        assert!(parse_headers(&["Bearer x".into()]).is_err());
    }

    #[test]
    fn the_state_file_sits_beside_the_store() {
        assert_eq!(state_path(Path::new("/tmp/x/govgraph.db")), PathBuf::from("/tmp/x/govgraph.db.push.json"));
    }
}
