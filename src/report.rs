//! Report: the store as one self-contained HTML page that works offline.
//!
//! [`write`] gathers headline numbers, the maps (inline SVG from [`crate::export::svg`]), the
//! analytics of [`crate::analyse`], organisations and stakeholder groups by attendance, the
//! process timeline, a who-speaks-about-what matrix and the action items, and links every row to
//! its evidence sentences further down the page. CSS and the small zoom script are inline: the
//! page loads nothing from the network and prints on paper (print CSS).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;

use crate::analyse;
use crate::export::{self, ExportError, ExportOptions, Renderer, View, xml};
use crate::query::QueryError;
use crate::store::GraphStore;
use crate::vocab;

/// Why the report could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Query(#[from] QueryError),
    #[error("cannot write the report: {0}")]
    Io(#[from] io::Error),
}

/// What [`write`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportOutcome {
    /// Graphviz was not found: the maps were drawn by the built-in layout.
    pub builtin_layout: bool,
}

/// What the report shows.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// Reaches the maps (Graphviz program, dates, edges drawn) and the analytics, which measure
    /// the whole networks the process and actors maps are drawn from.
    pub maps: ExportOptions,
    /// Rows per table: the largest (or, for tables in date order, the latest) this many; `None`
    /// means [`DEFAULT_MAX_ROWS`], `Some(0)` every row. The page says what it left out.
    pub max_rows: Option<usize>,
}

impl ReportOptions {
    /// Shows at most `max_rows` rows per table (`0`: all of them).
    #[must_use]
    pub fn with_max_rows(mut self, max_rows: usize) -> ReportOptions {
        self.max_rows = Some(max_rows);
        self
    }

    /// The maps use these options.
    #[must_use]
    pub fn with_maps(mut self, maps: ExportOptions) -> ReportOptions {
        self.maps = maps;
        self
    }
}

/// Rows per table by default: a page a reader can scroll and a browser can open at 10,000
/// documents (the full tables are a `govgraph query` away).
pub const DEFAULT_MAX_ROWS: usize = 100;

/// Longest evidence list shown for one row.
const MAX_EVIDENCE: usize = 12;

/// Sentences fetched for one row's evidence, sorted and then cut to [`MAX_EVIDENCE`]: all of them
/// for most rows; for a row resting on thousands, the first this many in the store's index order.
const EVIDENCE_CANDIDATES: usize = 100;

/// One answer row: variable → value (an IRI or a literal's lexical form).
type Row = BTreeMap<String, String>;

fn rows(store: &GraphStore, body: &str) -> Result<Vec<Row>, ReportError> {
    let sparql = format!("{}{body}", vocab::sparql_prefixes());
    let mut out = Vec::new();
    if let QueryResults::Solutions(solutions) = store.query(&sparql)? {
        for solution in solutions {
            let solution = solution.map_err(|source| QueryError::Evaluation { source })?;
            let mut row = Row::new();
            for (var, term) in solution.iter() {
                let value = match term {
                    Term::NamedNode(n) => n.as_str().to_owned(),
                    Term::Literal(l) => l.value().to_owned(),
                    other => other.to_string(),
                };
                row.insert(var.as_str().to_owned(), value);
            }
            out.push(row);
        }
    }
    Ok(out)
}

fn shipped(store: &GraphStore, name: &str) -> Result<Vec<Row>, ReportError> {
    let text = crate::query::load(name)?.text;
    // The shipped files carry their own prefixes; `rows` prepends the same ones again, which SPARQL allows.
    rows(store, &text)
}

fn get<'r>(row: &'r Row, var: &str) -> &'r str {
    row.get(var).map_or("", String::as_str)
}

/// An HTML id for a key (IRIs and labels hold characters ids should not).
fn anchor(prefix: &str, key: &str) -> String {
    let mut id = String::from(prefix);
    id.push('-');
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.ends_with('-') {
            id.push('-');
        }
    }
    id
}

/// Evidence sentences: (sentence, meeting label, date, document file name).
type Evidence = Vec<(String, String, String, String)>;

/// A row's evidence on the page: its title, some sentences, and how many statements it rests on.
struct EvidenceList {
    title: String,
    sentences: Evidence,
    statements: usize,
}

/// Meetings (label and date) and documents (file name), to place an evidence sentence.
struct Places {
    meetings: HashMap<String, (String, String)>,
    files: HashMap<String, String>,
}

const PLACES: &str = r#"
SELECT ?node ?label ?start ?file WHERE {
  { ?node a gg:Meeting . OPTIONAL { ?node rdfs:label ?label } OPTIONAL { ?node schema:startDate ?start } }
  UNION { ?node a gg:Document ; dcterms:identifier ?file }
}
"#;

impl Places {
    fn load(store: &GraphStore) -> Result<Places, ReportError> {
        let mut places = Places {
            meetings: HashMap::new(),
            files: HashMap::new(),
        };
        for row in rows(store, PLACES)? {
            let node = get(&row, "node").to_owned();
            if row.contains_key("file") {
                places.files.insert(node, get(&row, "file").to_owned());
            } else {
                let date = get(&row, "start").chars().take(10).collect();
                places
                    .meetings
                    .insert(node, (get(&row, "label").to_owned(), date));
            }
        }
        Ok(places)
    }

    /// The sentences of the statements `pattern` binds to `?statement`, in order and without
    /// repeats (one sentence about two processes is two statements).
    fn evidence(&self, store: &GraphStore, pattern: &str) -> Result<Evidence, ReportError> {
        let query = format!(
            "SELECT ?sentence ?meeting ?doc WHERE {{ {pattern} ?statement prov:value ?sentence . \
             OPTIONAL {{ ?statement gg:inMeeting ?meeting }} OPTIONAL {{ ?statement prov:wasDerivedFrom ?doc }} }} \
             LIMIT {EVIDENCE_CANDIDATES}"
        );
        let mut sentences: Evidence = rows(store, &query)?
            .iter()
            .map(|row| {
                let (label, date) = self
                    .meetings
                    .get(get(row, "meeting"))
                    .cloned()
                    .unwrap_or_default();
                let file = self.files.get(get(row, "doc")).cloned().unwrap_or_default();
                (get(row, "sentence").to_owned(), label, date, file)
            })
            .collect();
        sentences.sort();
        sentences.dedup();
        Ok(sentences)
    }
}

/// Statements per speaker and process: the matrix, and each organisation's count of statements.
const SPEAKS: &str = r#"
SELECT ?speaker ?process (COUNT(DISTINCT ?statement) AS ?statements) WHERE {
  { SELECT ?statement ?speaker WHERE { ?statement gg:speaker ?speaker } }
  { SELECT ?statement ?process WHERE { ?statement gg:about ?process } }
}
GROUP BY ?speaker ?process
"#;

/// Labels of people and processes.
const LABELS: &str = r#"
SELECT ?node ?label WHERE {
  { ?node a foaf:Person } UNION { ?node a gg:Process }
  ?node rdfs:label ?label
}
"#;

/// The table's note when `shown` of `total` rows are on the page; empty when all are.
fn cut_note(shown: usize, total: usize, which: &str, query: &str) -> String {
    if shown >= total {
        return String::new();
    }
    format!(
        "<p class=\"note\">Showing the {which} {shown} of {total} rows (<code>--max-rows</code>); \
         <code>govgraph query {query}</code> lists them all.</p>\n"
    )
}

const ACTIONS: &str = r#"
SELECT ?action ?description ?ownerLabel ?owner ?meetingLabel ?date ?file WHERE {
  ?action a gg:ActionItem .
  OPTIONAL { ?action schema:description ?description }
  OPTIONAL { ?action schema:agent ?owner . OPTIONAL { ?owner rdfs:label ?ownerLabel } }
  OPTIONAL { ?action gg:inMeeting ?meeting .
             OPTIONAL { ?meeting rdfs:label ?meetingLabel }
             OPTIONAL { ?meeting schema:startDate ?date } }
  OPTIONAL { ?action prov:wasDerivedFrom ?doc . ?doc dcterms:identifier ?file }
}
ORDER BY ?date ?meetingLabel ?description ?action
"#;

/// The first and last meeting dates. Apart from [`COUNTS`]: its other branches leave the date
/// unbound, which left Oxigraph's MIN unbound and the page without its date range. As text, so
/// that `xsd:date` and `xsd:dateTime` starts sort together.
const DATES: &str = r#"
SELECT (MIN(?date) AS ?first) (MAX(?date) AS ?last) WHERE {
  ?meeting a gg:Meeting ; schema:startDate ?start .
  BIND (SUBSTR(STR(?start), 1, 10) AS ?date)
}
"#;

const COUNTS: &str = r#"
SELECT
  (COUNT(DISTINCT ?meeting) AS ?meetings) (COUNT(DISTINCT ?document) AS ?documents)
  (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?organisation) AS ?organisations)
  (COUNT(DISTINCT ?process) AS ?processes) (COUNT(DISTINCT ?statement) AS ?statements)
  (COUNT(DISTINCT ?action) AS ?actions)
WHERE {
  { ?meeting a gg:Meeting }
  UNION { ?document a gg:Document }
  UNION { ?m schema:attendee ?person }
  UNION { ?m2 schema:attendee ?p2 . ?p2 org:memberOf ?organisation }
  UNION { ?m3 dcterms:subject ?process . ?m3 a gg:Meeting }
  UNION { ?statement a gg:Statement }
  UNION { ?action a gg:ActionItem }
}
"#;

/// Writes the report to `out`.
///
/// Each table shows at most [`ReportOptions::max_rows`] rows, and each row's evidence is fetched
/// for that row alone (a bounded query), so that the page and the time to make it stay bounded
/// however many statements the store holds.
pub fn write(
    store: &GraphStore,
    options: &ReportOptions,
    out: &mut impl Write,
) -> Result<ReportOutcome, ReportError> {
    let mut html = String::new();
    let mut evidence: BTreeMap<String, EvidenceList> = BTreeMap::new();
    let max_rows = match options.max_rows.unwrap_or(DEFAULT_MAX_ROWS) {
        0 => usize::MAX,
        n => n,
    };
    let places = Places::load(store)?;

    // Statements per (speaker, process), and the labels of both.
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    for row in rows(store, LABELS)? {
        export::insert_min(&mut labels, get(&row, "node").to_owned(), get(&row, "label").to_owned());
    }
    let label_of = |iri: &str| labels.get(iri).cloned().unwrap_or_else(|| export::iri_tail(iri));
    let mut cells: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut spoken: HashMap<String, usize> = HashMap::new();
    for row in rows(store, SPEAKS)? {
        let n: u32 = get(&row, "statements").parse().unwrap_or(0);
        *spoken.entry(get(&row, "speaker").to_owned()).or_default() += n as usize;
        cells.insert(
            (get(&row, "speaker").to_owned(), get(&row, "process").to_owned()),
            n,
        );
    }
    let mut members: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // The same rule of membership as the actors map, asked in the same words.
    for row in rows(store, export::MEMBERSHIPS)? {
        members
            .entry(get(&row, "org").to_owned())
            .or_default()
            .insert(get(&row, "person").to_owned());
    }

    // Headline numbers.
    let counts = rows(store, COUNTS)?.into_iter().next().unwrap_or_default();
    let dates = rows(store, DATES)?.into_iter().next().unwrap_or_default();
    let (first, last) = (get(&dates, "first").to_owned(), get(&dates, "last").to_owned());
    let _ = write!(
        html,
        "<header><h1>Internet-governance meetings: what the summaries say</h1>\
         <p class=\"lede\">Built by govgraph from {} meeting summaries{}. Every row links to the sentences it rests on.</p>\
         <ul class=\"headline\">",
        get(&counts, "documents"),
        if first.is_empty() {
            String::new()
        } else {
            format!(", {first} to {last}")
        }
    );
    for (key, label) in [
        ("meetings", "meetings"),
        ("people", "people present"),
        ("organisations", "organisations"),
        ("processes", "processes discussed"),
        ("statements", "statements"),
        ("actions", "action items"),
    ] {
        let _ = write!(html, "<li><b>{}</b> {label}</li>", xml(get(&counts, key)));
    }
    html.push_str(
        "</ul>\n<nav><a href=\"#maps\">Maps</a> · <a href=\"#analytics\">Analytics</a> · \
        <a href=\"#organisations\">Organisations</a> · <a href=\"#timeline\">Timeline</a> · \
        <a href=\"#speakers\">Who speaks about what</a> · <a href=\"#actions\">Actions</a> · \
        <a href=\"#evidence\">Evidence</a></nav></header>\n",
    );

    // Maps.
    let mut builtin = false;
    let mut maps = String::new();
    let mut analysis = Vec::new();
    for (view, title, note) in [
        (
            View::Processes,
            "Process landscape",
            "Processes discussed under the same agenda items. Hover a line for its weight and an example sentence.",
        ),
        (
            View::Actors,
            "Who speaks about which process",
            "Organisations (coloured by stakeholder group) and the processes their people spoke about.",
        ),
        (
            View::People,
            "Who meets whom",
            "People present at two meetings or more, linked when they attended at least two meetings together.",
        ),
    ] {
        // The full co-attendance network is a hairball; the report shows the regulars.
        let view_options = if view == View::People {
            options.maps.clone().with_min_meetings(2).with_min_weight(2)
        } else {
            options.maps.clone()
        };
        // The two networks the analytics measure are read once, for the map and the measures.
        let svg = match view {
            View::Processes | View::Actors => {
                let (svg, renderer, network) = export::svg_and_network(store, view, &view_options)?;
                let name = if view == View::Processes { "processes" } else { "actors" };
                analysis.push(analyse::analyse_graph(name, &network));
                builtin |= renderer == Renderer::Builtin;
                svg
            }
            _ => {
                let (svg, renderer) = export::svg(store, view, &view_options)?;
                builtin |= renderer == Renderer::Builtin;
                svg
            }
        };
        let _ = writeln!(
            maps,
            "<figure class=\"map\" id=\"map-{}\"><figcaption><b>{title}</b> — {note} \
             <span class=\"zoom no-print\"><button data-zoom=\"1.25\">+</button><button data-zoom=\"0.8\">−</button>\
             <button data-zoom=\"0\">reset</button></span></figcaption><div class=\"canvas\">{svg}</div></figure>",
            format!("{view:?}").to_lowercase()
        );
    }
    html.push_str("<section id=\"maps\"><h2>Maps</h2>\n");
    if builtin {
        html.push_str("<p class=\"notice\">Graphviz is not installed: these maps use govgraph's built-in circular layout.</p>\n");
    }
    html.push_str(
        "<p class=\"hint no-print\">Scroll to zoom, drag to move; nodes link to their IRIs.</p>\n",
    );
    html.push_str(&maps);
    html.push_str("</section>\n");

    // Analytics.
    html.push_str("<section id=\"analytics\"><h2>Analytics</h2>\n<p>Betweenness: the share of shortest paths between other nodes that pass through a node. Communities: Louvain local moving, deterministic. Bridges: links between communities.</p>\n");
    for network in &analysis {
        let title = if network.name == "processes" {
            "Processes (co-discussion network)"
        } else {
            "Organisations and processes (who speaks about what)"
        };
        let _ = write!(
            html,
            "<h3>{title}</h3><table><thead><tr><th>node</th><th>kind</th><th class=\"n\">degree</th>\
             <th class=\"n\">weighted</th><th class=\"n\">betweenness</th><th class=\"n\">community</th></tr></thead><tbody>"
        );
        for node in network.nodes.iter().take(15) {
            let _ = write!(
                html,
                "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.3}</td><td class=\"n\">{}</td></tr>",
                xml(&node.iri),
                xml(&node.label),
                node.kind,
                node.degree,
                node.weighted_degree,
                node.betweenness,
                node.community + 1
            );
        }
        html.push_str("</tbody></table>\n");
        let label = |iri: &str| {
            network
                .nodes
                .iter()
                .find(|n| n.iri == iri)
                .map_or(iri.to_owned(), |n| n.label.clone())
        };
        html.push_str("<ul class=\"communities\">");
        for (number, community) in network.communities.iter().enumerate() {
            let names: Vec<String> = community.iter().map(|m| xml(&label(m))).collect();
            let _ = write!(
                html,
                "<li><b>Community {}</b>: {}</li>",
                number + 1,
                names.join(", ")
            );
        }
        for bridge in network.bridges.iter().take(10) {
            let _ = write!(
                html,
                "<li>Bridge: {} — {} (weight {})</li>",
                xml(&label(&bridge.a)),
                xml(&label(&bridge.b)),
                bridge.weight
            );
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</section>\n");

    // Organisations and stakeholder groups.
    html.push_str("<section id=\"organisations\"><h2>Organisations by attendance</h2>\n<table><thead><tr><th>organisation</th><th>stakeholder group</th>\
        <th class=\"n\">attendances</th><th class=\"n\">meetings</th><th class=\"n\">people</th><th>evidence</th></tr></thead><tbody>\n");
    let organisations = shipped(store, "orgs-by-attendance")?;
    for row in organisations.iter().take(max_rows) {
        let org = get(row, "organisation_iri");
        let id = anchor("ev-org", org);
        let people = members.get(org);
        let n: usize = people
            .into_iter()
            .flatten()
            .map(|person| spoken.get(person).copied().unwrap_or(0))
            .sum();
        let sentences = if n == 0 {
            Evidence::new()
        } else {
            let speakers: Vec<String> = people
                .into_iter()
                .flatten()
                .filter(|person| spoken.contains_key(*person))
                .map(|person| format!("<{person}>"))
                .collect();
            places.evidence(
                store,
                &format!("VALUES ?speaker {{ {} }} ?statement gg:speaker ?speaker .", speakers.join(" ")),
            )?
        };
        evidence.insert(
            id.clone(),
            EvidenceList {
                title: format!("Statements by people of {}", get(row, "organisation")),
                sentences,
                statements: n,
            },
        );
        let _ = writeln!(
            html,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td><a href=\"#{id}\">{}</a></td></tr>",
            xml(org),
            xml(get(row, "organisation")),
            xml(get(row, "stakeholder_group")),
            xml(get(row, "attendances")),
            xml(get(row, "meetings")),
            xml(get(row, "people")),
            plural(n, "statement")
        );
    }
    html.push_str("</tbody></table>\n");
    html.push_str(&cut_note(
        organisations.len().min(max_rows),
        organisations.len(),
        "largest",
        "orgs-by-attendance",
    ));
    html.push_str("<h3>Stakeholder groups</h3><table><thead><tr><th>stakeholder group</th><th class=\"n\">organisations</th>\
        <th class=\"n\">attendances</th><th class=\"n\">people</th><th>evidence</th></tr></thead><tbody>\n");
    for row in shipped(store, "stakeholder-groups")? {
        let group = get(&row, "stakeholder_group");
        let group = if group.is_empty() {
            "Group not known"
        } else {
            group
        };
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td><a href=\"#organisations\">organisations above</a></td></tr>",
            xml(group),
            xml(get(&row, "organisations")),
            xml(get(&row, "attendances")),
            xml(get(&row, "people"))
        );
    }
    html.push_str("</tbody></table></section>\n");

    // Timeline.
    let (timeline, _) = export::svg(store, View::Timeline, &options.maps)?;
    let _ = write!(
        html,
        "<section id=\"timeline\"><h2>Process timeline</h2><figure class=\"map\" id=\"map-timeline\"><figcaption>Statements per process and meeting; hover a cell for an example sentence. \
         <span class=\"zoom no-print\"><button data-zoom=\"1.25\">+</button><button data-zoom=\"0.8\">−</button><button data-zoom=\"0\">reset</button></span></figcaption>\
         <div class=\"canvas\">{timeline}</div></figure>\n<table><thead><tr><th>date</th><th>meeting</th><th>process</th><th class=\"n\">statements</th><th>evidence</th></tr></thead><tbody>\n"
    );
    // In date order: the latest rows are the ones kept.
    let timeline_rows = shipped(store, "process-timeline")?;
    let kept = timeline_rows.len().min(max_rows);
    for row in &timeline_rows[timeline_rows.len() - kept..] {
        let (meeting, process) = (get(row, "meeting_iri"), get(row, "process_iri"));
        let id = anchor("ev-tl", &format!("{meeting} {process}"));
        let n: usize = get(row, "statements").parse().unwrap_or(0);
        let link = if n == 0 {
            "on the agenda".to_owned()
        } else {
            let sentences = places.evidence(
                store,
                &format!("?statement gg:inMeeting <{meeting}> ; gg:about <{process}> ."),
            )?;
            evidence.insert(
                id.clone(),
                EvidenceList {
                    title: format!("{} in {}", get(row, "process"), get(row, "meeting")),
                    sentences,
                    statements: n,
                },
            );
            format!("<a href=\"#{id}\">{}</a>", plural(n, "statement"))
        };
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td><a href=\"{}\">{}</a></td><td><a href=\"{}\">{}</a></td><td class=\"n\">{}</td><td>{link}</td></tr>",
            xml(get(row, "date")),
            xml(meeting),
            xml(get(row, "meeting")),
            xml(process),
            xml(get(row, "process")),
            xml(get(row, "statements"))
        );
    }
    html.push_str("</tbody></table>\n");
    html.push_str(&cut_note(kept, timeline_rows.len(), "latest", "process-timeline"));
    html.push_str("</section>\n");

    // Who speaks about what: a matrix of speakers × processes, the most vocal speakers first.
    let mut people: BTreeMap<&str, u32> = BTreeMap::new();
    let mut processes: BTreeMap<&str, u32> = BTreeMap::new();
    for ((person, process), &n) in &cells {
        *people.entry(person).or_default() += n;
        *processes.entry(process).or_default() += n;
    }
    let mut people: Vec<(&str, String, u32)> = people
        .into_iter()
        .map(|(iri, n)| (iri, label_of(iri), n))
        .collect();
    people.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)).then_with(|| a.0.cmp(b.0)));
    let all_speakers = people.len();
    people.truncate(max_rows);
    // The columns: every process one of the speakers shown spoke about, the most spoken of first.
    let mut processes: Vec<(&str, String, u32)> = processes
        .into_iter()
        .filter(|(process, _)| {
            people
                .iter()
                .any(|(person, _, _)| cells.contains_key(&((*person).to_owned(), (*process).to_owned())))
        })
        .map(|(iri, n)| (iri, label_of(iri), n))
        .collect();
    processes.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)).then_with(|| a.0.cmp(b.0)));
    let max = cells.values().copied().max().unwrap_or(1).max(1);
    html.push_str("<section id=\"speakers\"><h2>Who speaks about what</h2><p>Statements per speaker and process; click a number for the sentences.</p>\n");
    html.push_str(&cut_note(people.len(), all_speakers, "most vocal", "who-speaks-about"));
    html.push_str("<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>speaker</th>");
    for (iri, label, _) in &processes {
        let _ = write!(
            html,
            "<th class=\"rot\"><a href=\"{}\" title=\"{1}\">{1}</a></th>",
            xml(iri),
            xml(label)
        );
    }
    html.push_str("<th class=\"n\">total</th></tr></thead><tbody>\n");
    for (person, name, total) in &people {
        let _ = write!(
            html,
            "<tr><th><a href=\"{}\">{}</a></th>",
            xml(person),
            xml(name)
        );
        for (process, process_label, _) in &processes {
            match cells.get(&((*person).to_owned(), (*process).to_owned())) {
                Some(&n) => {
                    let id = anchor("ev-sp", &format!("{person} {process}"));
                    let sentences = places.evidence(
                        store,
                        &format!("?statement gg:speaker <{person}> ; gg:about <{process}> ."),
                    )?;
                    evidence.insert(
                        id.clone(),
                        EvidenceList {
                            title: format!("{name} on {process_label}"),
                            sentences,
                            statements: n as usize,
                        },
                    );
                    let shade = 92.0 - 55.0 * (f64::from(n) / f64::from(max)).sqrt();
                    let ink = if shade < 55.0 { "#fff" } else { "#222" };
                    let _ = write!(
                        html,
                        "<td class=\"n\" style=\"background:hsl(210,65%,{shade:.0}%)\"><a style=\"color:{ink}\" href=\"#{id}\" title=\"{}: {}\">{n}</a></td>",
                        xml(name),
                        xml(process_label)
                    );
                }
                None => html.push_str("<td></td>"),
            }
        }
        let _ = writeln!(html, "<td class=\"n\">{total}</td></tr>");
    }
    html.push_str("</tbody></table></div></section>\n");

    // Actions.
    html.push_str("<section id=\"actions\"><h2>Action items</h2><table><thead><tr><th>date</th><th>meeting</th><th>owner</th><th>action</th><th>evidence</th></tr></thead><tbody>\n");
    // In date order: the latest rows are the ones kept. An action is one row, however many
    // labels its meeting has (two summaries of one meeting may name it differently).
    let mut seen = BTreeSet::new();
    let actions: Vec<Row> = rows(store, ACTIONS)?
        .into_iter()
        .filter(|row| seen.insert(get(row, "action").to_owned()))
        .collect();
    let kept = actions.len().min(max_rows);
    for row in &actions[actions.len() - kept..] {
        let id = anchor("ev-act", get(row, "action"));
        let date: String = get(row, "date").chars().take(10).collect();
        let owner = if get(row, "owner").is_empty() {
            "<span class=\"muted\">not named</span>".to_owned()
        } else {
            format!(
                "<a href=\"{}\">{}</a>",
                xml(get(row, "owner")),
                xml(get(row, "ownerLabel"))
            )
        };
        evidence.insert(
            id.clone(),
            EvidenceList {
                title: "Action item".to_owned(),
                sentences: vec![(
                    get(row, "description").to_owned(),
                    get(row, "meetingLabel").to_owned(),
                    date.clone(),
                    get(row, "file").to_owned(),
                )],
                statements: 1,
            },
        );
        let _ = writeln!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{owner}</td><td>{}</td><td><a href=\"#{id}\">source</a></td></tr>",
            xml(&date),
            xml(get(row, "meetingLabel")),
            xml(get(row, "description"))
        );
    }
    html.push_str("</tbody></table>\n");
    html.push_str(&cut_note(kept, actions.len(), "latest", "actions"));
    html.push_str("</section>\n");

    // Evidence.
    html.push_str("<section id=\"evidence\"><h2>Evidence</h2><p>The sentences each row rests on, with their meeting and source file.</p>\n");
    for (id, list) in &evidence {
        let EvidenceList {
            title,
            sentences,
            statements,
        } = list;
        let _ = write!(
            html,
            "<div class=\"ev\" id=\"{id}\"><h4>{}</h4><ol>",
            xml(title)
        );
        for (sentence, meeting, date, file) in sentences.iter().take(MAX_EVIDENCE) {
            let _ = write!(
                html,
                "<li>“{}” <span class=\"muted\">— {} {} · {}</span></li>",
                xml(sentence),
                xml(meeting),
                xml(date),
                xml(file)
            );
        }
        if sentences.is_empty() {
            html.push_str("<li class=\"muted\">No sentence is attributed.</li>");
        }
        let shown = sentences.len().min(MAX_EVIDENCE);
        if *statements > shown {
            let _ = write!(
                html,
                "<li class=\"muted\">{} shown of {}</li>",
                plural(shown, "sentence"),
                plural(*statements, "statement")
            );
        }
        html.push_str("</ol></div>\n");
    }
    html.push_str("</section>\n");

    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>govgraph report</title><style>{CSS}</style></head><body>\n{html}\
         <footer>Made by govgraph. Offline: this page loads nothing from the network.</footer>\
         <script>{SCRIPT}</script></body></html>\n"
    )?;
    Ok(ReportOutcome {
        builtin_layout: builtin,
    })
}

fn plural(n: usize, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

const CSS: &str = r#"
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#222;max-width:1200px;margin:0 auto;padding:0 1.2rem 3rem}
h1{font-size:1.7rem;margin:1.2rem 0 .3rem}h2{border-bottom:2px solid #77AADD;padding-bottom:.2rem;margin-top:2.2rem}
.lede{color:#444}.note{color:#555;font-size:.9rem}.headline{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;padding:0}
.headline li{background:#F1F6FB;border:1px solid #D4E3F2;border-radius:8px;padding:.5rem .9rem}
.headline b{display:block;font-size:1.6rem;color:#1F5A94}
nav{margin:.6rem 0;font-size:.95rem}a{color:#1F5A94;text-decoration:none}a:hover{text-decoration:underline}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1.2rem;font-size:.9rem}
th,td{border-bottom:1px solid #E3E3E3;padding:.25rem .45rem;text-align:left;vertical-align:top}
thead th{background:#F5F5F5;position:sticky;top:0}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.matrix td{text-align:center;min-width:2rem}.matrix th.rot{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;max-height:14rem}
.scroll{overflow:auto;max-height:80vh}
figure.map{margin:1rem 0;border:1px solid #DDD;border-radius:8px;padding:.4rem}
figcaption{font-size:.9rem;color:#444;padding:.2rem .3rem}
.canvas{overflow:hidden;height:min(70vh,760px);cursor:grab;background:#FFF}.canvas svg{width:100%;height:100%}
.zoom{float:right}.zoom button{margin-left:.2rem;min-width:2rem}
.notice{background:#FFF4D6;border:1px solid #EEDD88;padding:.4rem .7rem;border-radius:6px}
.hint,.muted{color:#777;font-size:.85rem}.ev{margin:.4rem 0 .8rem}.ev h4{margin:.3rem 0}.ev ol{margin:.2rem 0}
.ev:target{background:#FFF8DC;outline:2px solid #EEDD88}
footer{margin-top:3rem;color:#888;font-size:.8rem}
@media print{.no-print,nav,.hint{display:none}body{max-width:none;font-size:10pt}
 .canvas{height:auto;overflow:visible}.canvas svg{height:auto;max-height:24cm}.scroll{overflow:visible;max-height:none}
 figure.map,tr,.ev{break-inside:avoid}h2{break-after:avoid}thead th{position:static}a{color:#000}}
"#;

/// Zoom (wheel, buttons) and pan (drag) for every map, by rewriting the SVG's viewBox.
const SCRIPT: &str = r#"
(function () {
  document.querySelectorAll('figure.map').forEach(function (figure) {
    var svg = figure.querySelector('.canvas svg');
    if (!svg) { return; }
    var box = svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width
      ? [svg.viewBox.baseVal.x, svg.viewBox.baseVal.y, svg.viewBox.baseVal.width, svg.viewBox.baseVal.height]
      : [0, 0, svg.getBBox().width || 1000, svg.getBBox().height || 800];
    var home = box.slice();
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    function show() { svg.setAttribute('viewBox', box.join(' ')); }
    function zoom(factor, fx, fy) {
      if (factor === 0) { box = home.slice(); show(); return; }
      var w = box[2] / factor, h = box[3] / factor;
      box = [box[0] + (box[2] - w) * fx, box[1] + (box[3] - h) * fy, w, h];
      show();
    }
    figure.querySelectorAll('button[data-zoom]').forEach(function (button) {
      button.addEventListener('click', function () { zoom(parseFloat(button.dataset.zoom), 0.5, 0.5); });
    });
    svg.addEventListener('wheel', function (event) {
      event.preventDefault();
      var rect = svg.getBoundingClientRect();
      zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15,
        (event.clientX - rect.left) / rect.width, (event.clientY - rect.top) / rect.height);
    }, { passive: false });
    var drag = null;
    svg.addEventListener('mousedown', function (event) { drag = [event.clientX, event.clientY, box[0], box[1]]; });
    window.addEventListener('mouseup', function () { drag = null; });
    window.addEventListener('mousemove', function (event) {
      if (!drag) { return; }
      var rect = svg.getBoundingClientRect();
      var scale = Math.max(box[2] / rect.width, box[3] / rect.height);
      box[0] = drag[2] - (event.clientX - drag[0]) * scale;
      box[1] = drag[3] - (event.clientY - drag[1]) * scale;
      show();
    });
    document.body.dataset.mapsReady = String(document.querySelectorAll('figure.map svg').length);
  });
})();
"#;
