//! Export: store → maps. Each view is a SPARQL question, turned into a petgraph graph,
//! then into DOT with graphviz-rust, then (when Graphviz is installed) into SVG, PNG or PDF.
//!
//! The three steps stay apart so that each can change alone: `build_graph` is the only place
//! that turns answers into a graph model, `to_dot` the only place that makes drawing decisions,
//! and [`write`] the only place that touches files and processes.
//! Every list is sorted by label, then IRI, so the same store always gives byte-identical DOT:
//! maps can be diffed and reviewed like code.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use graphviz_rust::dot_structures::{
    Attribute, Edge as DotEdge, EdgeTy, Graph, GraphAttributes, Id, Node as DotNode, NodeId, Stmt,
    Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, QuerySolution};
use petgraph::stable_graph::{NodeIndex, StableUnGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use crate::query::QueryError;
use crate::store::GraphStore;
use crate::vocab;

/// Why a map could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error(transparent)]
    Query(#[from] crate::query::QueryError),
    #[error("{path}: cannot write: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("Graphviz failed to render {path}: {message}")]
    Render { path: PathBuf, message: String },
    #[error("{path}: unknown map format; use .dot, .svg, .png or .pdf")]
    UnknownFormat { path: PathBuf },
    #[error("{path}: the timeline is drawn as SVG only; use .svg")]
    SvgOnly { path: PathBuf },
    #[error("{value:?} is not a date; write it as YYYY-MM-DD")]
    InvalidDate { value: String },
    #[error("no meeting matches {id:?}; give its IRI, its date (YYYY-MM-DD) or its number")]
    NoSuchMeeting { id: String },
    #[error("{id:?} matches {} meetings; give one of their IRIs: {}", candidates.len(), candidates.join(", "))]
    AmbiguousMeeting { id: String, candidates: Vec<String> },
    #[error("the meeting view needs a meeting: its IRI, date or number")]
    MeetingNotGiven,
}

/// The maps govgraph draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// The process landscape: processes sized by meetings, edges weighted by co-discussion.
    Processes,
    /// Organisations (by stakeholder group) ↔ the processes their people spoke about.
    Actors,
    /// People linked by the meetings they attended together.
    People,
    /// One meeting ([`ExportOptions::meeting`]): its agenda items, speakers, processes and actions.
    Meeting,
    /// Processes × meetings over time, as an SVG heatmap drawn without Graphviz.
    Timeline,
}

/// A Graphviz layout engine; each is also the name of the program that runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Layered, left to right; the default of both views (see `default_layout`).
    Dot,
    /// Force-directed, with clusters.
    Fdp,
    /// Spring model; draws no cluster boxes, but node colours still show the clusters.
    Neato,
    /// Force-directed for large graphs; draws no cluster boxes either.
    Sfdp,
}

impl Layout {
    /// The engine's name, as Graphviz spells it (`-K` value and program name).
    pub fn name(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
            Layout::Fdp => "fdp",
            Layout::Neato => "neato",
            Layout::Sfdp => "sfdp",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Options of a map.
#[derive(Debug, Clone, Default)]
pub struct ExportOptions {
    /// Hide edges whose weight is below this.
    pub min_weight: u32,
    /// The layout engine; `None` picks the one that reads best for the view.
    pub layout: Option<Layout>,
    /// The Graphviz program to run instead of the layout's own (`fdp`, `dot`, …), which then gets the
    /// layout through `-K`. `None` reads the environment variable `GOVGRAPH_DOT`, and without it
    /// runs the layout's program from `PATH`. Naming a program that does not exist gives
    /// [`Outcome::DotOnly`], the same as a machine without Graphviz.
    pub graphviz: Option<PathBuf>,
    /// Only meetings on or after this date (`YYYY-MM-DD`; processes, people and timeline views).
    pub since: Option<String>,
    /// Only meetings on or before this date (`YYYY-MM-DD`).
    pub until: Option<String>,
    /// People view: hide people who attended fewer meetings than this.
    pub min_meetings: u32,
    /// Meeting view: the meeting's IRI, its date (`YYYY-MM-DD`) or its number.
    pub meeting: Option<String>,
    /// Draw at most this many edges, the strongest; `None` means [`DEFAULT_MAX_EDGES`], `Some(0)`
    /// every edge. Only drawings are cut: `analyse` measures the whole network.
    pub max_edges: Option<usize>,
}

/// How many edges a drawing shows unless told otherwise. At 10,000 summaries the process
/// landscape has 3,000 links among 78 processes: Graphviz's `dot` ran for over nine minutes
/// on it, and nobody could read the result.
pub const DEFAULT_MAX_EDGES: usize = 200;

impl ExportOptions {
    /// Hides edges whose weight is below `min_weight`.
    #[must_use]
    pub fn with_min_weight(mut self, min_weight: u32) -> ExportOptions {
        self.min_weight = min_weight;
        self
    }

    /// Uses `layout` instead of the view's default.
    #[must_use]
    pub fn with_layout(mut self, layout: Layout) -> ExportOptions {
        self.layout = Some(layout);
        self
    }

    /// Keeps only meetings between `since` and `until` (inclusive dates, `YYYY-MM-DD`).
    #[must_use]
    pub fn with_dates(mut self, since: Option<String>, until: Option<String>) -> ExportOptions {
        self.since = since;
        self.until = until;
        self
    }

    /// People view: hides people who attended fewer than `min_meetings` meetings.
    #[must_use]
    pub fn with_min_meetings(mut self, min_meetings: u32) -> ExportOptions {
        self.min_meetings = min_meetings;
        self
    }

    /// Draws at most `max_edges` edges, the strongest (`0`: all of them).
    #[must_use]
    pub fn with_max_edges(mut self, max_edges: usize) -> ExportOptions {
        self.max_edges = Some(max_edges);
        self
    }

    /// Meeting view: the meeting to draw (IRI, date or number).
    #[must_use]
    pub fn with_meeting(mut self, meeting: impl Into<String>) -> ExportOptions {
        self.meeting = Some(meeting.into());
        self
    }

    /// Runs `program` to render instead of looking up the layout's program.
    #[must_use]
    pub fn with_graphviz(mut self, program: impl Into<PathBuf>) -> ExportOptions {
        self.graphviz = Some(program.into());
        self
    }
}

/// What [`write`] produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The file was written in the requested format.
    Written(PathBuf),
    /// Graphviz is missing: the DOT text was written to this path instead.
    DotOnly(PathBuf),
}

/// The environment variable that names the Graphviz program when [`ExportOptions::graphviz`] is unset.
pub const GRAPHVIZ_ENV: &str = "GOVGRAPH_DOT";

/// The DOT text of a view.
///
/// ```
/// use govgraph::GraphStore;
/// use govgraph::export::{self, ExportOptions, View};
///
/// let store = GraphStore::in_memory()?;
/// let dot = export::dot(&store, View::Processes, &ExportOptions::default())?;
/// assert!(dot.starts_with("graph processes {"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn dot(store: &GraphStore, view: View, options: &ExportOptions) -> Result<String, ExportError> {
    Ok(to_dot(&drawn_map(store, view, options)?).print(&mut PrinterContext::default()))
}

/// The map of a view as it is drawn: its strongest edges only (see [`ExportOptions::max_edges`]).
fn drawn_map(store: &GraphStore, view: View, options: &ExportOptions) -> Result<Map, ExportError> {
    let map = map(store, view, options)?;
    to_drawn(store, map, options)
}

/// Cuts a map to its strongest edges and gives those their examples.
fn to_drawn(store: &GraphStore, mut map: Map, options: &ExportOptions) -> Result<Map, ExportError> {
    keep_strongest_edges(&mut map, options.max_edges.unwrap_or(DEFAULT_MAX_EDGES));
    add_examples(store, &mut map, options)?;
    Ok(map)
}

/// The alphabetically first sentence of `{SPEAKER}` about `{PROCESS}` (in `{MEETING}`).
const ACTOR_EXAMPLE: &str = r#"
SELECT (MIN(?sentence) AS ?example) WHERE {
  ?statement gg:speaker <{SPEAKER}> ; gg:about <{PROCESS}> ; prov:value ?sentence .
  {MEETING}
}
"#;

/// The alphabetically first sentence `{A}` or `{B}` said in a meeting both attended (date
/// filter applied).
const PEOPLE_EXAMPLE: &str = r#"
SELECT (MIN(?sentence) AS ?example) WHERE {
  ?meeting schema:attendee <{A}>, <{B}> .
  {DATES}
  ?statement gg:inMeeting ?meeting ; gg:speaker ?speaker ; prov:value ?sentence .
  FILTER (?speaker IN (<{A}>, <{B}>))
}
"#;

/// Gives each drawn edge of the actors and people views its example sentence: one query per
/// edge, after the cut to the strongest edges, so that a view's cost does not grow with the
/// sentences behind all its links. Each query reads a few sentences (one speaker about one
/// process in one meeting; two people in their shared meetings) and keeps the alphabetically
/// first, so the example does not depend on the order the store returns them in.
fn add_examples(store: &GraphStore, map: &mut Map, options: &ExportOptions) -> Result<(), ExportError> {
    let template = match map.view {
        View::Actors => ACTOR_EXAMPLE.to_owned(),
        View::People => PEOPLE_EXAMPLE.replace("{DATES}", &date_filter(options)?),
        View::Processes | View::Meeting | View::Timeline => return Ok(()),
    };
    for e in map.graph.edge_indices().collect::<Vec<_>>() {
        let Some((a, b)) = map.graph.edge_endpoints(e) else { continue };
        let (a, b) = (&map.graph[a], &map.graph[b]);
        let query = if map.view == View::Actors {
            let process = if a.kind == NodeKind::Process { a } else { b };
            let Some((speaker, meeting)) = &map.graph[e].example_from else { continue };
            template
                .replace("{SPEAKER}", speaker)
                .replace("{PROCESS}", &process.iri)
                .replace(
                    "{MEETING}",
                    &meeting.as_ref().map(|m| format!("?statement gg:inMeeting <{m}> .")).unwrap_or_default(),
                )
        } else {
            template.replace("{A}", &a.iri).replace("{B}", &b.iri)
        };
        map.graph[e].example = select(store, &query)?.first().and_then(|row| text(row, "example"));
    }
    Ok(())
}

/// Removes all but the `max` strongest edges (by weight, then meetings, then the map's own
/// order, so the cut is deterministic); `0` keeps all. In the actors and people views a node
/// left without an edge goes too: there a node means something only through its links, and at
/// 10,000 documents the people view would otherwise draw thousands of unlinked boxes (Graphviz
/// took 22 s over them). The process landscape keeps every process discussed.
fn keep_strongest_edges(map: &mut Map, max: usize) {
    let total = map.graph.edge_count();
    if max == 0 || total <= max {
        return;
    }
    let mut ranked: Vec<_> = map.graph.edge_indices().collect();
    ranked.sort_by_key(|&e| {
        let edge = &map.graph[e];
        (std::cmp::Reverse(edge.weight), std::cmp::Reverse(edge.meetings), e.index())
    });
    for &e in &ranked[max..] {
        map.graph.remove_edge(e);
    }
    if matches!(map.view, View::Actors | View::People) {
        remove_isolated(&mut map.graph);
    }
    map.hidden_edges = total - max;
}

/// The model of a graph view (every view but the timeline, which is a table).
fn map(store: &GraphStore, view: View, options: &ExportOptions) -> Result<Map, ExportError> {
    match view {
        View::Processes => processes_map(store, options),
        View::Actors => actors_map(store, options),
        View::People => people_map(store, options),
        View::Meeting => meeting_map(store, options),
        // The timeline has no graph; its DOT text is an empty graph with its name.
        View::Timeline => Ok(Map {
            view,
            layout: Layout::Dot,
            graph: StableUnGraph::default(),
            clusters: BTreeMap::new(),
            hidden_edges: 0,
        }),
    }
}

/// Writes a view to `output`; the extension picks the format (`.dot`, `.svg`, `.png`, `.pdf`).
///
/// Rendered formats pipe the DOT text into Graphviz. When Graphviz is not installed, the DOT text
/// is written next to `output` with the extension `.dot` and the result is [`Outcome::DotOnly`],
/// so that a map is never lost for want of a renderer.
pub fn write(
    store: &GraphStore,
    view: View,
    options: &ExportOptions,
    output: &Path,
) -> Result<Outcome, ExportError> {
    let format = output
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase)
        .filter(|ext| ["dot", "gv", "svg", "png", "pdf"].contains(&ext.as_str()))
        .ok_or_else(|| ExportError::UnknownFormat {
            path: output.to_owned(),
        })?;
    if view == View::Timeline {
        if format != "svg" {
            return Err(ExportError::SvgOnly {
                path: output.to_owned(),
            });
        }
        write_file(output, &timeline_svg(store, options)?)?;
        return Ok(Outcome::Written(output.to_owned()));
    }
    let text = dot(store, view, options)?;
    if format == "dot" || format == "gv" {
        write_file(output, &text)?;
        return Ok(Outcome::Written(output.to_owned()));
    }
    let layout = options.layout.unwrap_or(default_layout(view));
    let program = graphviz_program(options, layout);
    match render(&program, layout, &format, &text, Some(output)).map(|_| ()) {
        Err(RenderFailure::NotInstalled) => {
            let fallback = output.with_extension("dot");
            write_file(&fallback, &text)?;
            Ok(Outcome::DotOnly(fallback))
        }
        Err(RenderFailure::Failed(message)) => Err(ExportError::Render {
            path: output.to_owned(),
            message,
        }),
        Ok(()) => Ok(Outcome::Written(output.to_owned())),
    }
}

/// Who drew an SVG: Graphviz, or govgraph's own simple layout when Graphviz is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renderer {
    Graphviz,
    Builtin,
}

/// A view as SVG text, for embedding (the report). The timeline is always drawn by govgraph;
/// the other views by Graphviz, or by a built-in circular layout when Graphviz is not installed.
pub fn svg(
    store: &GraphStore,
    view: View,
    options: &ExportOptions,
) -> Result<(String, Renderer), ExportError> {
    if view == View::Timeline {
        return Ok((timeline_svg(store, options)?, Renderer::Builtin));
    }
    draw_svg(&drawn_map(store, view, options)?, options)
}

/// Draws a map as SVG: by Graphviz, or by the built-in layout when Graphviz is not installed.
fn draw_svg(map: &Map, options: &ExportOptions) -> Result<(String, Renderer), ExportError> {
    let view = map.view;
    let text = to_dot(map).print(&mut PrinterContext::default());
    let program = graphviz_program(options, map.layout);
    match render(&program, map.layout, "svg", &text, None) {
        Ok(svg) => {
            let start = svg.find("<svg").unwrap_or(0);
            Ok((svg[start..].to_owned(), Renderer::Graphviz))
        }
        Err(RenderFailure::NotInstalled) => Ok((builtin_svg(map), Renderer::Builtin)),
        Err(RenderFailure::Failed(message)) => Err(ExportError::Render {
            path: PathBuf::from(format!("{view:?} map")),
            message,
        }),
    }
}

/// A weighted graph of a view, for analysis: nodes carry (IRI, label, kind name), edges their weight.
pub(crate) fn network(
    store: &GraphStore,
    view: View,
    options: &ExportOptions,
) -> Result<Network, ExportError> {
    Ok(to_network(&map(store, view, options)?))
}

/// A network for analysis: nodes are (IRI, label, kind name), edges carry their weight.
pub(crate) type Network = petgraph::graph::UnGraph<(String, String, &'static str), u32>;

fn to_network(map: &Map) -> Network {
    map.graph
        .map(
            |_, node| (node.iri.clone(), node.label.clone(), node.kind.name()),
            |_, edge| edge.weight,
        )
        .into()
}

/// A view drawn as SVG (as [`svg`]) and its whole network (as analysis sees it, before the
/// drawing's edge cap), from one reading of the store: the report draws and measures a view.
pub(crate) fn svg_and_network(
    store: &GraphStore,
    view: View,
    options: &ExportOptions,
) -> Result<(String, Renderer, Network), ExportError> {
    let map = map(store, view, options)?;
    let network = to_network(&map);
    let (svg, renderer) = draw_svg(&to_drawn(store, map, options)?, options)?;
    Ok((svg, renderer, network))
}

fn graphviz_program(options: &ExportOptions, layout: Layout) -> PathBuf {
    options
        .graphviz
        .clone()
        .or_else(|| {
            std::env::var_os(GRAPHVIZ_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(|| PathBuf::from(layout.name()))
}

/// A node of a map: a process, an organisation, a person, a meeting, an agenda item or an action.
#[derive(Debug, Clone)]
struct MapNode {
    iri: String,
    label: String,
    kind: NodeKind,
    /// What makes the node big: meetings (process landscape) or statements (actors view).
    count: u32,
    /// The IRI of the top-level process whose cluster holds the node (process landscape).
    cluster: Option<String>,
    /// The stakeholder group of an organisation (actors view).
    group: Option<Stakeholder>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeKind {
    Process,
    Organisation,
    Person,
    Meeting,
    AgendaItem,
    Action,
}

impl NodeKind {
    fn name(self) -> &'static str {
        match self {
            NodeKind::Process => "process",
            NodeKind::Organisation => "organisation",
            NodeKind::Person => "person",
            NodeKind::Meeting => "meeting",
            NodeKind::AgendaItem => "agenda item",
            NodeKind::Action => "action",
        }
    }
}

/// An undirected edge: agenda items discussing both processes, or statements by an organisation's people.
#[derive(Debug, Clone, PartialEq, Eq)]
struct MapEdge {
    weight: u32,
    meetings: u32,
    /// A sentence that shows what the link is about, when the store holds one.
    example: Option<String>,
    /// Where a drawn edge's example is looked up when the map is drawn (actors view): the first
    /// speaker and meeting (by IRI) behind the link, so that the example is the same whatever
    /// order the store returns statements in, and cheap to find.
    example_from: Option<(String, Option<String>)>,
    /// What the link means, when the view's usual wording does not fit (meeting view).
    relation: Option<String>,
}

/// An edge as the answers give it: endpoints by IRI.
#[derive(Debug, Clone)]
struct EdgeRow {
    a: String,
    b: String,
    edge: MapEdge,
}

/// The in-memory model of a view: what to draw, before any drawing decision.
#[derive(Debug)]
struct Map {
    view: View,
    layout: Layout,
    graph: StableUnGraph<MapNode, MapEdge>,
    /// Cluster head IRI → the cluster's label.
    clusters: BTreeMap<String, String>,
    /// Edges left out of the drawing by [`ExportOptions::max_edges`] (the map says so).
    hidden_edges: usize,
}

/// The stakeholder groups of ONTOLOGY.md, in the order the legend lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stakeholder {
    Government,
    Intergovernmental,
    CivilSociety,
    PrivateSector,
    TechnicalCommunity,
    Academia,
    Unknown,
}

impl Stakeholder {
    fn from_iri(iri: Option<&str>) -> Stakeholder {
        use vocab::gg;
        match iri {
            Some(iri) if iri == gg::GOVERNMENT.as_str() => Stakeholder::Government,
            Some(iri) if iri == gg::INTERGOVERNMENTAL.as_str() => Stakeholder::Intergovernmental,
            Some(iri) if iri == gg::CIVIL_SOCIETY.as_str() => Stakeholder::CivilSociety,
            Some(iri) if iri == gg::PRIVATE_SECTOR.as_str() => Stakeholder::PrivateSector,
            Some(iri) if iri == gg::TECHNICAL_COMMUNITY.as_str() => Stakeholder::TechnicalCommunity,
            Some(iri) if iri == gg::ACADEMIA.as_str() => Stakeholder::Academia,
            _ => Stakeholder::Unknown,
        }
    }

    fn label(self) -> &'static str {
        match self {
            Stakeholder::Government => "Government",
            Stakeholder::Intergovernmental => "Intergovernmental organisation",
            Stakeholder::CivilSociety => "Civil society",
            Stakeholder::PrivateSector => "Private sector",
            Stakeholder::TechnicalCommunity => "Technical community",
            Stakeholder::Academia => "Academia",
            Stakeholder::Unknown => "Group not known",
        }
    }

    /// Paul Tol's "light" scheme: distinct under the common colour-vision deficiencies and
    /// light enough for black text.
    fn colour(self) -> &'static str {
        match self {
            Stakeholder::Government => "#77AADD",
            Stakeholder::Intergovernmental => "#EE8866",
            Stakeholder::CivilSociety => "#44BB99",
            Stakeholder::PrivateSector => "#EEDD88",
            Stakeholder::TechnicalCommunity => "#FFAABB",
            Stakeholder::Academia => "#BBCC33",
            Stakeholder::Unknown => "#DDDDDD",
        }
    }
}

/// Fills of the process clusters, in cluster order: Paul Tol's "light" scheme again.
const CLUSTER_COLOURS: &[&str] = &[
    "#77AADD", "#EE8866", "#44BB99", "#EEDD88", "#FFAABB", "#99DDFF", "#BBCC33", "#AAAA00",
];
/// The fill of a process outside every cluster, and of processes in the actors view.
const NEUTRAL_FILL: &str = "#EEEEEE";
const FONT: &str = "Helvetica,Arial,sans-serif";
const INK: &str = "#333333";
const EDGE_COLOUR: &str = "#66666699";
/// Longest example sentence shown in a tooltip, in characters.
const MAX_EXAMPLE_CHARS: usize = 200;

/// `dot` for both views. Only `dot` and `fdp` draw clusters (Graphviz 2.43 `neato` and `sfdp` drop
/// them), and on a landscape of 25 processes and 70 links `dot` gave a compact picture with tidy
/// cluster boxes and routed edges, where `fdp` spread the nodes over wide empty space and ran edges
/// through other clusters' boxes. For the bipartite actors view `dot` puts organisations and
/// processes in two columns.
///
/// The people view is a dense co-attendance network without a natural direction: `neato`
/// (stress majorisation) spreads it evenly, where `dot` drew a tall ladder of edges. The meeting
/// view reads left to right under `dot`: meeting → agenda items → speakers and processes.
fn default_layout(view: View) -> Layout {
    match view {
        View::Processes | View::Actors | View::Meeting | View::Timeline => Layout::Dot,
        View::People => Layout::Neato,
    }
}

/// A SPARQL filter that keeps `?meeting` between the options' dates (nothing without dates).
fn date_filter(options: &ExportOptions) -> Result<String, ExportError> {
    let mut filter = String::new();
    for (date, op) in [(&options.since, ">="), (&options.until, "<=")] {
        let Some(date) = date else { continue };
        let valid = date.len() == 10
            && date.char_indices().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if !valid {
            return Err(ExportError::InvalidDate {
                value: date.clone(),
            });
        }
        if filter.is_empty() {
            filter.push_str("?meeting schema:startDate ?filterStart .\n");
        }
        filter.push_str(&format!(
            "FILTER (SUBSTR(STR(?filterStart), 1, 10) {op} \"{date}\")\n"
        ));
    }
    Ok(filter)
}

/// Processes discussed in a meeting, directly or under one of its agenda items.
/// Meetings are counted before labels are joined, and each pattern sits in its own sub-SELECT
/// (ARCHITECTURE.md, `query`): 14 s → 1.2 s at 10,000 summaries, the same rows.
const PROCESS_NODES: &str = r#"
SELECT ?process (MIN(?l) AS ?label) (MIN(?counted) AS ?meetings) WHERE {
  { SELECT ?process (COUNT(DISTINCT ?meeting) AS ?counted) WHERE {
      {
        { SELECT ?meeting WHERE { ?meeting a gg:Meeting } }
        { SELECT ?meeting ?process WHERE { ?meeting dcterms:subject ?process } }
      } UNION {
        { SELECT ?item WHERE { ?item a gg:AgendaItem } }
        { SELECT ?item ?process WHERE { ?item dcterms:subject ?process } }
        { SELECT ?item ?meeting WHERE { ?item schema:superEvent|^schema:subEvent ?meeting } }
      }
      {DATES}
    }
    GROUP BY ?process
  }
  OPTIONAL { ?process rdfs:label ?l }
}
GROUP BY ?process
"#;

/// The processes each agenda item discusses, with its meeting. The pairs are formed in Rust
/// ([`process_edges`]): asked of SPARQL, the pairs joined with their statements took 50 s at
/// 10,000 summaries (1.5 million pair rows, each looking its statements up); these two flat
/// questions take a few seconds and give the same edges.
const ITEM_PROCESSES: &str = r#"
SELECT ?item ?process ?meeting
WHERE {
  { SELECT ?item WHERE { ?item a gg:AgendaItem } }
  { SELECT ?item ?process WHERE { ?item dcterms:subject ?process } }
  {MEETING}
}
"#;

/// Per agenda item and process, the alphabetically first sentence of a statement about it.
const ITEM_EXAMPLES: &str = r#"
SELECT ?item ?about (MIN(?sentence) AS ?example)
WHERE {
  { SELECT ?statement ?item WHERE { ?statement gg:inAgendaItem ?item } }
  { SELECT ?statement ?about WHERE { ?statement gg:about ?about } }
  { SELECT ?statement ?sentence WHERE { ?statement prov:value ?sentence } }
}
GROUP BY ?item ?about
"#;

/// The process hierarchy (GDC → Pact for the Future → Summit of the Future).
const PROCESS_PARENTS: &str = r#"
SELECT ?child ?parent (MIN(?l) AS ?parentLabel) WHERE {
  ?child dcterms:isPartOf ?parent .
  OPTIONAL { ?parent rdfs:label ?l }
}
GROUP BY ?child ?parent
"#;

/// Statements per (speaker, process, meeting): the actors view adds them up by organisation.
/// Each pattern sits in its own sub-SELECT (hashed, not seeked per row; ARCHITECTURE.md, `query`).
const SPEAKER_PROCESS_MEETINGS: &str = r#"
SELECT ?speaker ?process ?meeting (COUNT(DISTINCT ?statement) AS ?statements) WHERE {
  { SELECT ?statement ?speaker WHERE { ?statement gg:speaker ?speaker } }
  { SELECT ?statement ?process WHERE { ?statement gg:about ?process } }
  OPTIONAL { SELECT ?statement ?meeting WHERE { ?statement gg:inMeeting ?meeting } }
}
GROUP BY ?speaker ?process ?meeting
"#;

/// Who belongs to which organisation: through `org:memberOf` or an `org:Membership` stated in
/// any meeting. The report asks it too, for each organisation's evidence.
pub(crate) const MEMBERSHIPS: &str = r#"
SELECT DISTINCT ?person ?org WHERE {
  { SELECT ?person ?org WHERE { ?person org:memberOf ?org } }
  UNION {
    { SELECT ?membership ?person WHERE { ?membership org:member ?person } }
    { SELECT ?membership ?org WHERE { ?membership org:organization ?org } }
  }
}
"#;

/// Labels of organisations and processes, and organisations' stakeholder groups.
const ACTOR_NODES: &str = r#"
SELECT ?node (MIN(?l) AS ?label) (MIN(?class) AS ?group) WHERE {
  { ?node a org:Organization } UNION { ?node a gg:Process }
  OPTIONAL { ?node rdfs:label ?l }
  OPTIONAL { ?node org:classification ?class }
}
GROUP BY ?node
"#;

/// The process landscape: every process discussed in a meeting, linked to the processes
/// discussed under the same agenda items, clustered by top-level parent process.
fn processes_map(store: &GraphStore, options: &ExportOptions) -> Result<Map, ExportError> {
    let mut parents: BTreeMap<String, String> = BTreeMap::new();
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    for row in select(store, PROCESS_PARENTS)? {
        let (Some(child), Some(parent)) = (iri(&row, "child"), iri(&row, "parent")) else {
            continue;
        };
        if let Some(label) = text(&row, "parentLabel") {
            labels.insert(parent.clone(), label);
        }
        // Several parents: keep the smallest IRI, so the answer does not depend on store order.
        parents
            .entry(child)
            .and_modify(|p| *p = p.clone().min(parent.clone()))
            .or_insert(parent);
    }
    let heads: BTreeSet<&String> = parents.values().collect();

    let mut nodes = Vec::new();
    let dates = date_filter(options)?;
    // In a sub-SELECT, hashed rather than looked up per item: 14.6 s → 3.9 s at 10,000 summaries.
    let item_meeting = "SELECT ?item ?meeting WHERE { ?item schema:superEvent|^schema:subEvent ?meeting }";
    let meeting_pattern = if dates.is_empty() {
        format!("OPTIONAL {{ {item_meeting} }}")
    } else {
        format!("{{ {item_meeting} }}\n{dates}")
    };
    for row in select(store, &PROCESS_NODES.replace("{DATES}", &dates))? {
        let Some(process) = iri(&row, "process") else {
            continue;
        };
        let root = top_level(&process, &parents);
        let cluster = (root != process || heads.contains(&process)).then_some(root);
        nodes.push(MapNode {
            label: text(&row, "label").unwrap_or_else(|| iri_tail(&process)),
            iri: process,
            kind: NodeKind::Process,
            count: number(&row, "meetings"),
            cluster,
            group: None,
        });
    }
    // A cluster is worth a box only when it holds more than its own head.
    let mut members: BTreeMap<&str, usize> = BTreeMap::new();
    for node in &nodes {
        if let Some(head) = &node.cluster
            && *head != node.iri
        {
            *members.entry(head.as_str()).or_default() += 1;
        }
    }
    let clusters: BTreeMap<String, String> = members
        .keys()
        .map(|head| {
            (
                head.to_string(),
                labels.get(*head).cloned().unwrap_or_else(|| iri_tail(head)),
            )
        })
        .collect();
    for node in &mut nodes {
        node.cluster = node
            .cluster
            .take()
            .filter(|head| clusters.contains_key(head));
    }

    let edges = process_edges(store, &meeting_pattern)?;
    Ok(Map {
        view: View::Processes,
        layout: options.layout.unwrap_or(default_layout(View::Processes)),
        graph: build_graph(nodes, edges, options.min_weight, true),
        clusters,
        hidden_edges: 0,
    })
}

/// Two processes are linked by the agenda items that discuss both (ONTOLOGY.md, "Derived, not
/// stored"): the weight counts those items, `meetings` the distinct meetings they belong to, and
/// the example is the alphabetically first sentence about either process under any of them.
fn process_edges(store: &GraphStore, meeting_pattern: &str) -> Result<Vec<EdgeRow>, ExportError> {
    // Item → (its processes, its meetings); sets, so that each pair counts an item once.
    let mut items: BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> = BTreeMap::new();
    for row in select(store, &ITEM_PROCESSES.replace("{MEETING}", meeting_pattern))? {
        let (Some(item), Some(process)) = (iri(&row, "item"), iri(&row, "process")) else {
            continue;
        };
        let (processes, meetings) = items.entry(item).or_default();
        processes.insert(process);
        meetings.extend(iri(&row, "meeting"));
    }
    // Item → process → its first sentence.
    let mut examples: HashMap<String, HashMap<String, String>> = HashMap::new();
    for row in select(store, ITEM_EXAMPLES)? {
        if let (Some(item), Some(about), Some(example)) = (iri(&row, "item"), iri(&row, "about"), text(&row, "example")) {
            examples.entry(item).or_default().insert(about, example);
        }
    }
    // (a, b) with a < b as strings → (items, meetings, example).
    type Link<'s> = (u32, BTreeSet<&'s str>, Option<&'s str>);
    let mut pairs: BTreeMap<(&str, &str), Link<'_>> = BTreeMap::new();
    for (item, (processes, meetings)) in &items {
        for a in processes {
            for b in processes.range::<String, _>((std::ops::Bound::Excluded(a), std::ops::Bound::Unbounded)) {
                let (count, seen, example) = pairs.entry((a.as_str(), b.as_str())).or_default();
                *count += 1;
                seen.extend(meetings.iter().map(String::as_str));
                let sentences = examples.get(item);
                for sentence in [a, b].into_iter().filter_map(|about| sentences?.get(about)) {
                    if example.is_none_or(|e| sentence.as_str() < e) {
                        *example = Some(sentence.as_str());
                    }
                }
            }
        }
    }
    Ok(pairs
        .into_iter()
        .map(|((a, b), (count, meetings, example))| EdgeRow {
            a: a.to_owned(),
            b: b.to_owned(),
            edge: MapEdge {
                weight: count,
                meetings: u32::try_from(meetings.len()).unwrap_or(u32::MAX),
                example: example.map(str::to_owned),
                relation: None,
                example_from: None,
            },
        })
        .collect())
}

/// The actors view: organisations ↔ processes their people spoke about. Nodes left without an
/// edge after `min_weight` are dropped, since here a node only means something through its links.
fn actors_map(store: &GraphStore, options: &ExportOptions) -> Result<Map, ExportError> {
    /// Statements, their meetings, and the first (speaker, meeting) behind a link.
    type Link = (u32, BTreeSet<String>, Option<(String, Option<String>)>);
    let mut orgs_of: HashMap<String, BTreeSet<String>> = HashMap::new();
    for row in select(store, MEMBERSHIPS)? {
        if let (Some(person), Some(org)) = (iri(&row, "person"), iri(&row, "org")) {
            orgs_of.entry(person).or_default().insert(org);
        }
    }
    // (organisation, process) → statements and the meetings they were made in. A statement has
    // one speaker, so adding up speakers counts each statement once per organisation.
    let mut links: BTreeMap<(String, String), Link> = BTreeMap::new();
    // Statements about each process by speakers with a known organisation (each counted once,
    // however many organisations the speaker has).
    let mut process_totals: HashMap<String, u32> = HashMap::new();
    // The example comes from statements with a meeting first, then by meeting and speaker IRI.
    let rank = |(speaker, meeting): &(String, Option<String>)| (meeting.is_none(), meeting.clone(), speaker.clone());
    for row in select(store, SPEAKER_PROCESS_MEETINGS)? {
        let (Some(speaker), Some(process)) = (iri(&row, "speaker"), iri(&row, "process")) else {
            continue;
        };
        let Some(orgs) = orgs_of.get(&speaker) else { continue };
        let statements = number(&row, "statements");
        *process_totals.entry(process.clone()).or_default() += statements;
        let meeting = iri(&row, "meeting");
        let from = (speaker.clone(), meeting.clone());
        for org in orgs {
            let link = links.entry((org.clone(), process.clone())).or_default();
            link.0 += statements;
            link.1.extend(meeting.clone());
            if link.2.as_ref().is_none_or(|first| rank(&from) < rank(first)) {
                link.2 = Some(from.clone());
            }
        }
    }
    let mut described: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
    for row in select(store, ACTOR_NODES)? {
        if let Some(node) = iri(&row, "node") {
            described.insert(node, (text(&row, "label"), iri(&row, "group")));
        }
    }
    let node = |iri: &str, kind: NodeKind| {
        let (label, group) = described.get(iri).cloned().unwrap_or_default();
        MapNode {
            label: label.unwrap_or_else(|| iri_tail(iri)),
            iri: iri.to_owned(),
            kind,
            count: 0,
            cluster: None,
            group: (kind == NodeKind::Organisation).then(|| Stakeholder::from_iri(group.as_deref())),
        }
    };
    let mut orgs: BTreeMap<String, MapNode> = BTreeMap::new();
    let mut processes: BTreeMap<String, MapNode> = BTreeMap::new();
    let mut edges = Vec::new();
    for ((org, process), (statements, meetings, example_from)) in links {
        // A statement is about one process, so an organisation's edges add up without double counting.
        orgs.entry(org.clone())
            .or_insert_with(|| node(&org, NodeKind::Organisation))
            .count += statements;
        processes.entry(process.clone()).or_insert_with(|| MapNode {
            count: process_totals.get(&process).copied().unwrap_or(0),
            ..node(&process, NodeKind::Process)
        });
        edges.push(EdgeRow {
            a: org,
            b: process,
            edge: MapEdge {
                weight: statements,
                meetings: meetings.len() as u32,
                example: None,
                relation: None,
                example_from,
            },
        });
    }
    let nodes = orgs.into_values().chain(processes.into_values()).collect();
    Ok(Map {
        view: View::Actors,
        layout: options.layout.unwrap_or(default_layout(View::Actors)),
        graph: build_graph(nodes, edges, options.min_weight, false),
        clusters: BTreeMap::new(),
        hidden_edges: 0,
    })
}

/// Who attended which meeting (date filter applied).
const ATTENDANCE: &str = r#"
SELECT ?meeting ?person WHERE {
  { SELECT ?meeting WHERE { ?meeting a gg:Meeting . {DATES} } }
  { SELECT ?meeting ?person WHERE { ?meeting schema:attendee ?person } }
}
"#;

/// People's labels, with a stakeholder group when one of their organisations has one.
const PEOPLE_NODES: &str = r#"
SELECT ?person (MIN(?l) AS ?label) (MIN(?class) AS ?group) WHERE {
  ?person a foaf:Person .
  OPTIONAL { ?person rdfs:label ?l }
  OPTIONAL { ?person org:memberOf ?org . ?org org:classification ?class }
}
GROUP BY ?person
"#;

/// The co-attendance network: people sized by meetings attended, linked by meetings shared.
/// The pairs are counted here from the flat attendance list, not by a self-join in SPARQL.
fn people_map(store: &GraphStore, options: &ExportOptions) -> Result<Map, ExportError> {
    let dates = date_filter(options)?;
    let mut attendees: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for row in select(store, &ATTENDANCE.replace("{DATES}", &dates))? {
        if let (Some(meeting), Some(person)) = (iri(&row, "meeting"), iri(&row, "person")) {
            attendees.entry(meeting).or_default().insert(person);
        }
    }
    let mut meetings_of: BTreeMap<&str, u32> = BTreeMap::new();
    let mut pairs: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    for people in attendees.values() {
        // A set iterates in order, so `a < b` in every pair, as in the DOT text.
        for (i, a) in people.iter().enumerate() {
            *meetings_of.entry(a).or_default() += 1;
            for b in people.iter().skip(i + 1) {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut described: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
    for row in select(store, PEOPLE_NODES)? {
        if let Some(person) = iri(&row, "person") {
            described.insert(person, (text(&row, "label"), iri(&row, "group")));
        }
    }
    let nodes = meetings_of
        .iter()
        .filter(|(_, count)| **count >= options.min_meetings)
        .map(|(person, &count)| {
            let (label, group) = described.get(*person).cloned().unwrap_or_default();
            MapNode {
                label: label.unwrap_or_else(|| iri_tail(person)),
                iri: (*person).to_owned(),
                kind: NodeKind::Person,
                count,
                cluster: None,
                group: Some(Stakeholder::from_iri(group.as_deref())),
            }
        })
        .collect();
    let edges = pairs
        .into_iter()
        .map(|((a, b), meetings)| EdgeRow {
            a: a.to_owned(),
            b: b.to_owned(),
            edge: MapEdge {
                weight: meetings,
                meetings,
                example: None,
                relation: None,
                example_from: None,
            },
        })
        .collect();
    Ok(Map {
        view: View::People,
        layout: options.layout.unwrap_or(default_layout(View::People)),
        graph: build_graph(nodes, edges, options.min_weight, true),
        clusters: BTreeMap::new(),
        hidden_edges: 0,
    })
}

/// A SPARQL string literal holding `text`.
fn sparql_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The meeting an ID names: its IRI, its date (`YYYY-MM-DD`) or its number.
pub fn find_meeting(store: &GraphStore, id: &str) -> Result<String, ExportError> {
    let literal = sparql_string(id);
    let sparql = format!(
        r#"SELECT DISTINCT ?meeting WHERE {{
  ?meeting a gg:Meeting .
  OPTIONAL {{ ?meeting schema:startDate ?start }}
  OPTIONAL {{ ?meeting gg:meetingNumber ?number }}
  FILTER (STR(?meeting) = {literal} || SUBSTR(STR(?start), 1, 10) = {literal} || STR(?number) = {literal})
}} ORDER BY ?meeting"#
    );
    let found: Vec<String> = select(store, &sparql)?
        .iter()
        .filter_map(|row| iri(row, "meeting"))
        .collect();
    match found.as_slice() {
        [] => Err(ExportError::NoSuchMeeting { id: id.to_owned() }),
        [one] => Ok(one.clone()),
        _ => Err(ExportError::AmbiguousMeeting {
            id: id.to_owned(),
            candidates: found,
        }),
    }
}

/// Everything one meeting links to, as (from, to, kind of `to`, label of `to`, weight, example,
/// relation) rows: agenda items, the processes and speakers under each, processes discussed
/// outside any item, and actions with their owners.
const MEETING_LINKS: &str = r#"
SELECT ?from ?to ?kind (MIN(?l) AS ?label) (COUNT(DISTINCT ?statement) AS ?statements)
       (MIN(?sentence) AS ?example) (MIN(?pos) AS ?position) WHERE {
  {
    BIND (<MEETING> AS ?from)
    ?to schema:superEvent|^schema:subEvent <MEETING> .
    BIND ("item" AS ?kind)
    OPTIONAL { ?to rdfs:label ?l }
    OPTIONAL { ?to schema:position ?pos }
  } UNION {
    ?from schema:superEvent|^schema:subEvent <MEETING> ; dcterms:subject ?to .
    BIND ("process" AS ?kind)
    OPTIONAL { ?to rdfs:label ?l }
    OPTIONAL { ?statement gg:inAgendaItem ?from ; gg:about ?to ; prov:value ?sentence }
  } UNION {
    ?from schema:superEvent|^schema:subEvent <MEETING> ; gg:speaker ?to .
    BIND ("person" AS ?kind)
    OPTIONAL { ?to rdfs:label ?l }
    OPTIONAL { ?statement gg:inAgendaItem ?from ; gg:speaker ?to ; prov:value ?sentence }
  } UNION {
    BIND (<MEETING> AS ?from)
    <MEETING> dcterms:subject ?to .
    FILTER NOT EXISTS { ?anyItem schema:superEvent|^schema:subEvent <MEETING> ; dcterms:subject ?to }
    BIND ("process" AS ?kind)
    OPTIONAL { ?to rdfs:label ?l }
    OPTIONAL { ?statement gg:inMeeting <MEETING> ; gg:about ?to ; prov:value ?sentence }
  } UNION {
    BIND (<MEETING> AS ?from)
    ?to a gg:ActionItem ; gg:inMeeting <MEETING> .
    BIND ("action" AS ?kind)
    OPTIONAL { ?to schema:description ?l }
  } UNION {
    ?from a gg:ActionItem ; gg:inMeeting <MEETING> ; schema:agent ?to .
    BIND ("owner" AS ?kind)
    OPTIONAL { ?to rdfs:label ?l }
  }
}
GROUP BY ?from ?to ?kind
"#;

/// One meeting: the meeting, its agenda items, the processes and speakers under each item,
/// and its actions with their owners.
fn meeting_map(store: &GraphStore, options: &ExportOptions) -> Result<Map, ExportError> {
    let id = options
        .meeting
        .as_deref()
        .ok_or(ExportError::MeetingNotGiven)?;
    let meeting = find_meeting(store, id)?;
    let label_query = format!("SELECT (MIN(?l) AS ?label) WHERE {{ <{meeting}> rdfs:label ?l }}");
    let meeting_label = select(store, &label_query)?
        .first()
        .and_then(|row| text(row, "label"))
        .unwrap_or_else(|| iri_tail(&meeting));
    let mut nodes: BTreeMap<String, MapNode> = BTreeMap::new();
    nodes.insert(
        meeting.clone(),
        MapNode {
            iri: meeting.clone(),
            label: meeting_label,
            kind: NodeKind::Meeting,
            count: 0,
            cluster: None,
            group: None,
        },
    );
    let mut edges = Vec::new();
    for row in select(store, &MEETING_LINKS.replace("MEETING", &meeting))? {
        let (Some(from), Some(to), Some(kind)) =
            (iri(&row, "from"), iri(&row, "to"), text(&row, "kind"))
        else {
            continue;
        };
        let statements = number(&row, "statements");
        let label = text(&row, "label").unwrap_or_else(|| iri_tail(&to));
        let (node_kind, label, relation) = match kind.as_str() {
            "item" => {
                let position = text(&row, "position").unwrap_or_default();
                let label = if position.is_empty() {
                    label
                } else {
                    format!("{position}. {label}")
                };
                (
                    NodeKind::AgendaItem,
                    label,
                    format!("agenda item {position}"),
                )
            }
            "process" => (
                NodeKind::Process,
                label,
                format!("discussed; {}", plural(statements, "statement")),
            ),
            "person" => (
                NodeKind::Person,
                label,
                format!("spoke; {}", plural(statements, "statement")),
            ),
            "action" => (NodeKind::Action, shorten(&label, 60), "action".to_owned()),
            _ => (NodeKind::Person, label, "is to act".to_owned()),
        };
        nodes.entry(to.clone()).or_insert_with(|| MapNode {
            iri: to.clone(),
            label,
            kind: node_kind,
            count: 0,
            cluster: None,
            group: None,
        });
        edges.push(EdgeRow {
            a: from,
            b: to,
            edge: MapEdge {
                weight: statements.max(1),
                meetings: 1,
                example: text(&row, "example"),
                relation: Some(relation),
                example_from: None,
            },
        });
    }
    Ok(Map {
        view: View::Meeting,
        layout: options.layout.unwrap_or(default_layout(View::Meeting)),
        graph: build_graph(nodes.into_values().collect(), edges, 0, true),
        clusters: BTreeMap::new(),
        hidden_edges: 0,
    })
}

/// Processes × meetings: the statements about the process in the meeting. Each pattern of the
/// large join sits in its own sub-SELECT (hashed, not seeked per row; ARCHITECTURE.md, `query`).
const TIMELINE_CELLS: &str = r#"
SELECT ?meeting ?process (COALESCE(?counted, 0) AS ?statements) WHERE {
  { SELECT DISTINCT ?meeting ?process WHERE { ?meeting a gg:Meeting ; dcterms:subject ?process . {DATES} } }
  OPTIONAL {
    SELECT ?meeting ?process (COUNT(DISTINCT ?statement) AS ?counted) WHERE {
      { SELECT ?statement ?process WHERE { ?statement gg:about ?process } }
      { SELECT ?statement ?meeting WHERE { ?statement gg:inMeeting ?meeting } }
    }
    GROUP BY ?meeting ?process
  }
}
"#;

/// Every meeting's label and start, and every process's label (the first when there are more).
const TIMELINE_LABELS: &str = r#"
SELECT ?node ?label ?start WHERE {
  { ?node a gg:Meeting . OPTIONAL { ?node rdfs:label ?label } OPTIONAL { ?node schema:startDate ?start } }
  UNION { ?node a gg:Process ; rdfs:label ?label }
}
"#;

/// The alphabetically first sentence about process `{PROCESS}` in meeting `{MEETING}`: asked
/// per drawn cell, so that a few sentences are read instead of every one in the store.
const TIMELINE_EXAMPLE: &str = r#"
SELECT (MIN(?sentence) AS ?example) WHERE {
  ?statement gg:inMeeting <{MEETING}> ; gg:about <{PROCESS}> ; prov:value ?sentence .
}
"#;

/// Most columns the timeline draws: more meetings than this are grouped by month, and more
/// months than this by year, so that twenty years of meetings stay one readable picture.
const MAX_TIMELINE_COLUMNS: usize = 60;

/// The timeline as an SVG heatmap: one row per process (most discussed first), one column per
/// meeting in date order, or per month or year when there are more than
/// [`MAX_TIMELINE_COLUMNS`] meetings; a cell's darkness is the number of statements, a pale cell
/// means the process was on the agenda without an attributed sentence.
pub fn timeline_svg(store: &GraphStore, options: &ExportOptions) -> Result<String, ExportError> {
    /// A column: one meeting, or the meetings of one month or year.
    struct Column {
        label: String,
        /// The meeting's IRI when the column is one meeting.
        link: Option<String>,
        meetings: u32,
    }
    #[derive(Default)]
    struct Cell {
        statements: u32,
        meetings: u32,
        /// The column's latest meeting with a statement about the process, for the example.
        latest: Option<(String, String)>,
    }
    let dates = date_filter(options)?;
    let mut labels: BTreeMap<String, String> = BTreeMap::new();
    let mut starts: BTreeMap<String, String> = BTreeMap::new();
    for row in select(store, TIMELINE_LABELS)? {
        let Some(node) = iri(&row, "node") else { continue };
        if let Some(label) = text(&row, "label") {
            insert_min(&mut labels, node.clone(), label);
        }
        if let Some(start) = text(&row, "start") {
            insert_min(&mut starts, node, start.chars().take(10).collect());
        }
    }
    let label_of = |node: &str| labels.get(node).cloned().unwrap_or_else(|| iri_tail(node));
    let date_of = |meeting: &str| starts.get(meeting).cloned().unwrap_or_default();
    // (meeting, process, statements)
    let found: Vec<(String, String, u32)> = select(store, &TIMELINE_CELLS.replace("{DATES}", &dates))?
        .iter()
        .filter_map(|row| Some((iri(row, "meeting")?, iri(row, "process")?, number(row, "statements"))))
        .collect();
    let meetings: BTreeSet<(String, &str)> = found.iter().map(|(m, _, _)| (date_of(m), m.as_str())).collect();
    // The finest grouping that fits: by meeting, by month (YYYY-MM) or by year (YYYY).
    let months: BTreeSet<&str> = meetings.iter().map(|(d, _)| d.get(..7).unwrap_or(d)).collect();
    let grouping = if meetings.len() <= MAX_TIMELINE_COLUMNS {
        None
    } else if months.len() <= MAX_TIMELINE_COLUMNS {
        Some(7)
    } else {
        Some(4)
    };
    // Column keys sort by date; a meeting's key also holds its IRI.
    let column_of = |date: &str, meeting: &str| match grouping {
        None => (date.to_owned(), meeting.to_owned()),
        Some(chars) => (date.get(..chars).unwrap_or(date).to_owned(), String::new()),
    };
    let mut columns: BTreeMap<(String, String), Column> = BTreeMap::new();
    for (date, meeting) in &meetings {
        let column = columns.entry(column_of(date, meeting)).or_insert_with(|| Column {
            label: match grouping {
                None => label_of(meeting),
                Some(_) if date.is_empty() => "no date".to_owned(),
                Some(chars) => date.get(..chars).unwrap_or(date).to_owned(),
            },
            link: grouping.is_none().then(|| (*meeting).to_owned()),
            meetings: 0,
        });
        column.meetings += 1;
    }
    let mut processes: BTreeMap<&str, (String, u32, u32)> = BTreeMap::new();
    let mut cells: BTreeMap<(&str, (String, String)), Cell> = BTreeMap::new();
    for (meeting, process, statements) in &found {
        let date = date_of(meeting);
        let entry = processes
            .entry(process)
            .or_insert_with(|| (label_of(process), 0, 0));
        entry.1 += 1;
        entry.2 += statements;
        let cell = cells.entry((process, column_of(&date, meeting))).or_default();
        cell.statements += statements;
        cell.meetings += 1;
        if *statements > 0 && cell.latest.as_ref().is_none_or(|(d, m)| (d, m) < (&date, meeting)) {
            cell.latest = Some((date, meeting.clone()));
        }
    }
    let mut rows: Vec<(&&str, &(String, u32, u32))> = processes.iter().collect();
    rows.sort_by(|(a_iri, a), (b_iri, b)| (b.1, b.2, &a.0, a_iri).cmp(&(a.1, a.2, &b.0, b_iri)));
    let max = cells
        .values()
        .map(|c| c.statements)
        .max()
        .unwrap_or(0)
        .max(1);
    let (left, top, cell_w, cell_h) = (240.0, 150.0, 44.0, 26.0);
    let width = (left + cell_w * columns.len() as f64 + 120.0).max(820.0);
    let height = top + cell_h * rows.len() as f64 + 60.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
         class=\"timeline\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" \
         font-family=\"{FONT}\" font-size=\"12\">\n<title>Process timeline</title>\n\
         <text x=\"10\" y=\"20\" font-size=\"16\" fill=\"{INK}\">Process timeline: statements per process and {}</text>\n",
        match grouping {
            None => "meeting",
            Some(7) => "month",
            Some(_) => "year",
        }
    );
    for (column, ((date, _), info)) in columns.iter().enumerate() {
        let x = left + cell_w * column as f64 + cell_w / 2.0;
        let text = format!(
            "<text transform=\"translate({x:.1},{:.1}) rotate(-55)\" fill=\"{INK}\"><title>{}\n{}</title>{}</text>",
            top - 8.0,
            xml(&info.label),
            match &info.link {
                Some(meeting) => xml(if date.is_empty() { "no date" } else { date }) + "\n" + &xml(meeting),
                None => plural(info.meetings, "meeting"),
            },
            xml(&info.label),
        );
        svg.push_str(&match &info.link {
            Some(meeting) => format!("<a xlink:href=\"{0}\" href=\"{0}\">{text}</a>\n", xml(meeting)),
            None => format!("{text}\n"),
        });
    }
    for (line, (process, (label, _, total))) in rows.iter().enumerate() {
        let y = top + cell_h * line as f64;
        svg.push_str(&format!(
            "<a xlink:href=\"{}\" href=\"{0}\"><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"{INK}\">\
             <title>{} ({})\n{0}</title>{}</text></a>\n",
            xml(process),
            left - 8.0,
            y + cell_h * 0.68,
            xml(label),
            plural(*total, "statement"),
            xml(&shorten(label, 32)),
        ));
        for (column, (key, info)) in columns.iter().enumerate() {
            let Some(cell) = cells.get(&(**process, key.clone())) else {
                continue;
            };
            let x = left + cell_w * column as f64;
            let share = f64::from(cell.statements) / f64::from(max);
            // From pale blue (on the agenda, no statement) to dark blue (the busiest cell).
            let lightness = 92.0 - 62.0 * share.sqrt();
            let mut tooltip = format!(
                "{label} in {}: {}",
                info.label,
                plural(cell.statements, "statement")
            );
            if info.link.is_none() {
                tooltip.push_str(&format!(" in {}", plural(cell.meetings, "meeting")));
            }
            if let Some((_, meeting)) = &cell.latest {
                let query = TIMELINE_EXAMPLE
                    .replace("{MEETING}", meeting)
                    .replace("{PROCESS}", process);
                if let Some(example) = select(store, &query)?.first().and_then(|row| text(row, "example")) {
                    tooltip.push_str(&format!("\ne.g. “{}”", shorten(&example, MAX_EXAMPLE_CHARS)));
                }
            }
            let ink = if lightness < 55.0 { "white" } else { INK };
            svg.push_str(&format!(
                "<g class=\"cell\"><title>{}</title><rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"3\" \
                 fill=\"hsl(210,65%,{lightness:.0}%)\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{ink}\">{}</text></g>\n",
                xml(&tooltip),
                x + 1.0,
                y + 1.0,
                cell_w - 2.0,
                cell_h - 2.0,
                x + cell_w / 2.0,
                y + cell_h * 0.68,
                cell.statements,
            ));
        }
    }
    svg.push_str(&format!(
        "<text x=\"10\" y=\"{:.1}\" fill=\"#555555\">Rows: processes, most meetings first. Columns: {} by date.</text>\n\
         <text x=\"10\" y=\"{:.1}\" fill=\"#555555\">Number and shade: statements; a pale cell: on the agenda, no sentence attributed.</text>\n</svg>\n",
        height - 34.0,
        match grouping {
            None => "meetings".to_owned(),
            Some(chars) => format!(
                "{} of {}",
                if chars == 7 { "months" } else { "years" },
                plural(meetings.len() as u32, "meeting")
            ),
        },
        height - 18.0,
    ));
    Ok(svg)
}

/// A simple drawing for machines without Graphviz: nodes on a circle (largest first), straight
/// edges, the same tooltips and links as the Graphviz drawing.
fn builtin_svg(map: &Map) -> String {
    let graph = &map.graph;
    let mut order: Vec<NodeIndex> = graph.node_indices().collect();
    order.sort_by_key(|&n| std::cmp::Reverse(graph[n].count));
    let count = order.len().max(1) as f64;
    let radius = (count * 15.0).max(160.0);
    let size = 2.0 * radius + 360.0;
    let centre = size / 2.0;
    let position: BTreeMap<NodeIndex, (f64, f64)> = order
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let angle = std::f64::consts::TAU * i as f64 / count - std::f64::consts::FRAC_PI_2;
            (
                n,
                (centre + radius * angle.cos(), centre + radius * angle.sin()),
            )
        })
        .collect();
    let max_weight = graph.edge_weights().map(|e| e.weight).max().unwrap_or(1);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{size:.0}\" \
         height=\"{size:.0}\" viewBox=\"0 0 {size:.0} {size:.0}\" font-family=\"{FONT}\" font-size=\"12\">\n"
    );
    for edge in graph.edge_references() {
        let ((x1, y1), (x2, y2)) = (position[&edge.source()], position[&edge.target()]);
        let weight = edge.weight();
        let mut tooltip = format!(
            "{} — {}: {}",
            graph[edge.source()].label,
            graph[edge.target()].label,
            edge_what(map.view, weight)
        );
        if let Some(example) = &weight.example {
            tooltip.push_str(&format!("\ne.g. “{}”", shorten(example, MAX_EXAMPLE_CHARS)));
        }
        svg.push_str(&format!(
            "<g class=\"edge\"><title>{}</title><line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" \
             stroke=\"#66666699\" stroke-width=\"{:.1}\"/></g>\n",
            xml(&tooltip),
            scale(weight.weight, max_weight, 1.0, 7.0)
        ));
    }
    for &n in &order {
        let node = &graph[n];
        let (x, y) = position[&n];
        let fill = node.group.map_or(NEUTRAL_FILL, Stakeholder::colour);
        let width = 7.0 * node.label.chars().count().min(40) as f64 + 16.0;
        svg.push_str(&format!(
            "<a xlink:href=\"{}\" href=\"{0}\"><g class=\"node\"><title>{}\n{0}</title>\
             <rect x=\"{:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"22\" rx=\"6\" fill=\"{fill}\" stroke=\"#555555\"/>\
             <text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{INK}\">{}</text></g></a>\n",
            xml(&node.iri),
            xml(&node.label),
            x - width / 2.0,
            y - 11.0,
            y + 4.0,
            xml(&shorten(&node.label, 40)),
        ));
    }
    svg.push_str("</svg>\n");
    svg
}

/// What an edge's weight counts, in words.
fn edge_what(view: View, edge: &MapEdge) -> String {
    if let Some(relation) = &edge.relation {
        return relation.clone();
    }
    match view {
        View::Processes => format!(
            "{} in {}",
            plural(edge.weight, "agenda item"),
            plural(edge.meetings, "meeting")
        ),
        View::Actors => format!(
            "{} in {}",
            plural(edge.weight, "statement"),
            plural(edge.meetings, "meeting")
        ),
        View::People | View::Meeting | View::Timeline => {
            format!("{} together", plural(edge.weight, "meeting"))
        }
    }
}

/// Text escaped for XML content and attribute values.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Turns answer rows into the map's graph: the one place where nodes and edges are ordered
/// (by label, then IRI) and where `min_weight` hides edges. Insertion order is what [`to_dot`]
/// prints, which is what makes the output deterministic.
fn build_graph(
    mut nodes: Vec<MapNode>,
    mut edges: Vec<EdgeRow>,
    min_weight: u32,
    keep_isolated: bool,
) -> StableUnGraph<MapNode, MapEdge> {
    nodes.sort_by(|x, y| (&x.label, &x.iri).cmp(&(&y.label, &y.iri)));
    let mut graph = StableUnGraph::with_capacity(nodes.len(), edges.len());
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for node in nodes {
        let iri = node.iri.clone();
        index.insert(iri, graph.add_node(node));
    }
    edges.retain(|row| row.edge.weight >= min_weight && row.edge.weight > 0);
    let mut placed: Vec<(NodeIndex, NodeIndex, MapEdge)> = edges
        .into_iter()
        .filter_map(|row| Some((*index.get(&row.a)?, *index.get(&row.b)?, row.edge)))
        .map(|(a, b, edge)| {
            // The first endpoint is the one a reader looks for first: the organisation in the
            // actors view (it also puts organisations on the left in `dot`), else the earlier label.
            let a_first = match (graph[a].kind, graph[b].kind) {
                (NodeKind::Organisation, NodeKind::Process) => true,
                (NodeKind::Process, NodeKind::Organisation) => false,
                _ => a.index() <= b.index(),
            };
            if a_first { (a, b, edge) } else { (b, a, edge) }
        })
        .collect();
    placed.sort_by_key(|(a, b, _)| (a.index(), b.index()));
    for (a, b, edge) in placed {
        graph.add_edge(a, b, edge);
    }
    if !keep_isolated {
        remove_isolated(&mut graph);
    }
    graph
}

/// Removes the nodes left without an edge (views where a node means something only through its links).
fn remove_isolated(graph: &mut StableUnGraph<MapNode, MapEdge>) {
    let isolated: Vec<NodeIndex> = graph.node_indices().filter(|&n| graph.neighbors(n).next().is_none()).collect();
    for node in isolated {
        graph.remove_node(node);
    }
}

/// Turns a map into a DOT tree: every drawing decision (sizes, colours, clusters, legend) lives here.
fn to_dot(map: &Map) -> Graph {
    let graph = &map.graph;
    let max_count = graph.node_weights().map(|n| n.count).max().unwrap_or(1);
    let max_weight = graph.edge_weights().map(|e| e.weight).max().unwrap_or(1);
    let (name, title, key) = match map.view {
        View::Processes => (
            "processes",
            "Process landscape",
            "Box size: meetings discussing the process. Line width: agenda items discussing both.",
        ),
        View::Actors => (
            "actors",
            "Who speaks about which process",
            "Box size: statements. Line width: statements by the organisation's people about the process.",
        ),
        View::People => (
            "people",
            "Who meets whom",
            "Box size: meetings attended. Line width: meetings attended together. Colour: stakeholder group.",
        ),
        View::Meeting => (
            "meeting",
            "One meeting",
            "Agenda items, the processes and speakers under each, and the actions agreed.",
        ),
        View::Timeline => ("timeline", "Process timeline", ""),
    };
    let title = match (
        map.view,
        map.graph
            .node_weights()
            .find(|n| n.kind == NodeKind::Meeting),
    ) {
        (View::Meeting, Some(meeting)) => meeting.label.as_str(),
        _ => title,
    };
    let cut = if map.hidden_edges > 0 {
        let shown = graph.edge_count();
        format!("\nShowing the {shown} strongest of {} links (--max-edges).", shown + map.hidden_edges)
    } else {
        String::new()
    };
    let mut graph_attrs = vec![
        quoted("layout", map.layout.name()),
        quoted("label", &format!("{title}\n{key}{cut}")),
        plain("labelloc", "t"),
        quoted("fontname", FONT),
        plain("fontsize", "18"),
        quoted("fontcolor", INK),
        quoted("bgcolor", "white"),
        plain("pad", "0.3"),
        plain("outputorder", "edgesfirst"),
        plain("splines", "true"),
    ];
    match map.layout {
        Layout::Dot => {
            // Columns: in the actors view organisations left, processes right, with room for the fan of edges.
            let (ranksep, nodesep) = match map.view {
                View::Processes | View::People | View::Timeline => ("0.9", "0.3"),
                View::Actors => ("1.6", "0.15"),
                View::Meeting => ("1.2", "0.12"),
            };
            graph_attrs.push(plain("rankdir", "LR"));
            // Graphviz's newer ranking, which handles clusters as a whole: with the old one, `dot`
            // failed on the 10,000-summary landscape ("trouble in init_rank").
            graph_attrs.push(plain("newrank", "true"));
            graph_attrs.push(plain("ranksep", ranksep));
            graph_attrs.push(plain("nodesep", nodesep));
        }
        Layout::Fdp | Layout::Neato | Layout::Sfdp => {
            graph_attrs.push(plain("overlap", "false"));
            graph_attrs.push(quoted("sep", "+12"));
            graph_attrs.push(plain("K", "0.6"));
        }
    }
    let mut stmts: Vec<Stmt> = vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph_attrs)),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            quoted("fontname", FONT),
            quoted("fontcolor", INK),
            plain("shape", "box"),
            quoted("style", "rounded,filled"),
            quoted("color", "#555555"),
            plain("penwidth", "0.8"),
            quoted("margin", "0.15,0.06"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            quoted("fontname", FONT),
            plain("fontsize", "9"),
            quoted("fontcolor", "#555555"),
            quoted("color", EDGE_COLOUR),
        ])),
    ];

    let unit = match map.view {
        View::Processes | View::People | View::Meeting | View::Timeline => "meeting",
        View::Actors => "statement",
    };
    let node_stmt = |node: &MapNode, fill: &str| -> Stmt {
        let (label, tooltip) = if map.view == View::Meeting {
            (
                node.label.clone(),
                format!("{}: {}\n{}", node.kind.name(), node.label, node.iri),
            )
        } else {
            let counted = plural(node.count, unit);
            (
                format!("{}\n({counted})", node.label),
                format!("{} ({counted})\n{}", node.label, node.iri),
            )
        };
        let mut attributes = vec![
            quoted("label", &label),
            plain(
                "fontsize",
                &format!("{:.1}", scale(node.count, max_count, 11.0, 24.0)),
            ),
            quoted("fillcolor", fill),
            quoted("tooltip", &tooltip),
            quoted("URL", &node.iri),
            quoted("target", "_top"),
        ];
        match node.kind {
            NodeKind::Meeting => {
                attributes.push(plain("penwidth", "2"));
                attributes.push(plain("fontsize", "16"));
            }
            NodeKind::AgendaItem => attributes.push(plain("shape", "note")),
            NodeKind::Person if map.view == View::Meeting => {
                attributes.push(plain("shape", "ellipse"));
            }
            NodeKind::Action => attributes.push(quoted("style", "filled")),
            _ => {}
        }
        Stmt::Node(DotNode::new(NodeId(quoted_id(&node.iri), None), attributes))
    };

    // Process clusters, ordered by label; a node in no cluster sits at the top level.
    let mut cluster_order: Vec<(&String, &String)> = map.clusters.iter().collect();
    cluster_order
        .sort_by(|(a_iri, a_label), (b_iri, b_label)| (a_label, a_iri).cmp(&(b_label, b_iri)));
    for (n, (head, label)) in cluster_order.iter().enumerate() {
        let fill = CLUSTER_COLOURS[n % CLUSTER_COLOURS.len()];
        let mut cluster_stmts = vec![
            Stmt::Attribute(quoted("label", label)),
            Stmt::Attribute(quoted("tooltip", &format!("{label}\n{head}"))),
            Stmt::Attribute(quoted("URL", head)),
            Stmt::Attribute(quoted("style", "rounded,filled")),
            Stmt::Attribute(quoted("fillcolor", "#F7F7F7")),
            Stmt::Attribute(quoted("color", "#AAAAAA")),
            Stmt::Attribute(plain("fontsize", "14")),
            Stmt::Attribute(plain("margin", "12")),
        ];
        for node in graph
            .node_weights()
            .filter(|node| node.cluster.as_ref() == Some(*head))
        {
            cluster_stmts.push(node_stmt(node, fill));
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: quoted_id(&format!("cluster_{head}")),
            stmts: cluster_stmts,
        }));
    }
    for node in graph.node_weights().filter(|node| node.cluster.is_none()) {
        let fill = match node.kind {
            NodeKind::Meeting => "#FFFFFF",
            NodeKind::AgendaItem => "#F7F7F7",
            NodeKind::Action => "#EEDD88",
            NodeKind::Person if map.view == View::Meeting => "#99DDFF",
            _ => node.group.map_or(NEUTRAL_FILL, Stakeholder::colour),
        };
        stmts.push(node_stmt(node, fill));
    }

    // The legend lists the stakeholder groups that appear, in a fixed order.
    let groups: BTreeSet<Stakeholder> =
        graph.node_weights().filter_map(|node| node.group).collect();
    if !groups.is_empty() && map.layout != Layout::Dot {
        // Force-directed layouts scatter a cluster's nodes: the legend is one table instead.
        let mut rows = String::new();
        for group in &groups {
            rows.push_str(&format!(
                "<TR><TD BGCOLOR=\"{}\" WIDTH=\"14\"></TD><TD ALIGN=\"LEFT\">{}</TD></TR>",
                group.colour(),
                group.label()
            ));
        }
        stmts.push(Stmt::Node(DotNode::new(
            NodeId(quoted_id("legend:groups"), None),
            vec![
                Attribute(
                    Id::Plain("label".to_owned()),
                    Id::Html(format!(
                        "<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"2\" COLOR=\"#AAAAAA\"><TR><TD COLSPAN=\"2\">Stakeholder group</TD></TR>{rows}</TABLE>>"
                    )),
                ),
                plain("shape", "plaintext"),
                quoted("style", ""),
                plain("fontsize", "11"),
                quoted("tooltip", "Stakeholder group"),
            ],
        )));
    } else if !groups.is_empty() {
        let mut legend = vec![
            Stmt::Attribute(quoted("label", "Stakeholder group")),
            Stmt::Attribute(quoted("style", "rounded")),
            Stmt::Attribute(quoted("color", "#AAAAAA")),
            Stmt::Attribute(plain("fontsize", "12")),
        ];
        for group in &groups {
            legend.push(Stmt::Node(DotNode::new(
                NodeId(quoted_id(&format!("legend:{group:?}")), None),
                vec![
                    quoted("label", group.label()),
                    plain("fontsize", "10"),
                    plain("height", "0.2"),
                    quoted("margin", "0.08,0.02"),
                    quoted("fillcolor", group.colour()),
                    quoted("tooltip", group.label()),
                ],
            )));
        }
        stmts.push(Stmt::Subgraph(Subgraph {
            id: quoted_id("cluster_legend"),
            stmts: legend,
        }));
    }

    for edge in graph.edge_references() {
        let (a, b) = (&graph[edge.source()], &graph[edge.target()]);
        let weight = edge.weight();
        let mut tooltip = format!("{} — {}\n{}", a.label, b.label, edge_what(map.view, weight));
        if let Some(example) = &weight.example {
            tooltip.push_str(&format!("\ne.g. “{}”", shorten(example, MAX_EXAMPLE_CHARS)));
        }
        let mut attributes = vec![
            plain(
                "penwidth",
                &format!("{:.1}", scale(weight.weight, max_weight, 1.0, 7.0)),
            ),
            plain("weight", &weight.weight.to_string()),
            quoted("tooltip", &tooltip),
        ];
        // A "1" on every thin line is noise on a busy map; the tooltip still says it.
        if weight.weight >= 2 {
            attributes.push(quoted("label", &weight.weight.to_string()));
            attributes.push(quoted("labeltooltip", &tooltip));
        }
        stmts.push(Stmt::Edge(DotEdge {
            ty: EdgeTy::Pair(
                Vertex::N(NodeId(quoted_id(&a.iri), None)),
                Vertex::N(NodeId(quoted_id(&b.iri), None)),
            ),
            attributes,
        }));
    }
    Graph::Graph {
        id: Id::Plain(name.to_string()),
        strict: false,
        stmts,
    }
}

/// Why Graphviz did not produce the file.
enum RenderFailure {
    /// The program is not installed (or not where [`ExportOptions::graphviz`] says).
    NotInstalled,
    Failed(String),
}

/// Pipes `text` into `program -K<layout> -T<format> -o <output>`.
fn render(
    program: &Path,
    layout: Layout,
    format: &str,
    text: &str,
    output: Option<&Path>,
) -> Result<String, RenderFailure> {
    let mut command = Command::new(program);
    command
        .arg(format!("-K{layout}"))
        .arg(format!("-T{format}"));
    if format == "png" {
        // Graphviz's 72 dpi default gives blurry text on today's screens.
        command.arg("-Gdpi=144");
    }
    if let Some(output) = output {
        command.arg("-o").arg(output);
    }
    let mut child = match command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(RenderFailure::NotInstalled);
        }
        Err(e) => {
            return Err(RenderFailure::Failed(format!(
                "cannot run {}: {e}",
                program.display()
            )));
        }
    };
    // Feed stdin from another thread so a chatty stderr can never block the pipe.
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = text.to_owned();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let result = child.wait_with_output();
    let fed = feeder
        .join()
        .unwrap_or_else(|_| Err(std::io::Error::other("writer thread panicked")));
    let result = result
        .map_err(|e| RenderFailure::Failed(format!("{} did not finish: {e}", program.display())))?;
    let stderr = String::from_utf8_lossy(&result.stderr).trim().to_string();
    if !result.status.success() {
        let detail = if stderr.is_empty() {
            result.status.to_string()
        } else {
            stderr
        };
        return Err(RenderFailure::Failed(format!(
            "{} {}",
            program.display(),
            detail
        )));
    }
    fed.map_err(|e| {
        RenderFailure::Failed(format!("cannot send the map to {}: {e}", program.display()))
    })?;
    Ok(String::from_utf8_lossy(&result.stdout).into_owned())
}

fn write_file(path: &Path, text: &str) -> Result<(), ExportError> {
    std::fs::write(path, text).map_err(|source| ExportError::Io {
        path: path.to_owned(),
        source,
    })
}

/// Runs a SELECT query (the vocabulary's prefixes prepended) and collects its rows.
fn select(store: &GraphStore, body: &str) -> Result<Vec<QuerySolution>, ExportError> {
    let sparql = format!("{}{body}", vocab::sparql_prefixes());
    match store.query(&sparql)? {
        QueryResults::Solutions(solutions) => solutions
            .map(|row| row.map_err(|source| ExportError::Query(QueryError::Evaluation { source })))
            .collect(),
        QueryResults::Boolean(_) | QueryResults::Graph(_) => Ok(Vec::new()),
    }
}

fn iri(row: &QuerySolution, var: &str) -> Option<String> {
    match row.get(var) {
        Some(Term::NamedNode(node)) => Some(node.as_str().to_owned()),
        _ => None,
    }
}

fn text(row: &QuerySolution, var: &str) -> Option<String> {
    match row.get(var) {
        Some(Term::Literal(literal)) => Some(literal.value().to_owned()),
        _ => None,
    }
}

fn number(row: &QuerySolution, var: &str) -> u32 {
    text(row, var).and_then(|v| v.parse().ok()).unwrap_or(0)
}

/// The top of `process`'s `dcterms:isPartOf` chain; a cycle stops where it closes.
fn top_level(process: &str, parents: &BTreeMap<String, String>) -> String {
    let mut seen = BTreeSet::new();
    let mut current = process;
    while let Some(parent) = parents.get(current) {
        if !seen.insert(current) {
            break;
        }
        current = parent;
    }
    current.to_owned()
}

/// Keeps the smallest value seen for `key`: of two labels, the same one whatever order the
/// store returns them in.
pub(crate) fn insert_min<K: Ord>(map: &mut BTreeMap<K, String>, key: K, value: String) {
    match map.entry(key) {
        std::collections::btree_map::Entry::Vacant(entry) => {
            entry.insert(value);
        }
        std::collections::btree_map::Entry::Occupied(mut entry) => {
            if value < *entry.get() {
                entry.insert(value);
            }
        }
    }
}

/// A readable stand-in for a missing label: the IRI's last path segment.
pub(crate) fn iri_tail(iri: &str) -> String {
    iri.trim_end_matches('/')
        .rsplit(['/', '#'])
        .next()
        .unwrap_or(iri)
        .to_owned()
}

/// Maps `value` in 1..=max onto min..=max_out by square root, so that one busy node does not
/// dwarf all the others while the order stays visible.
fn scale(value: u32, max: u32, min_out: f64, max_out: f64) -> f64 {
    if max <= 1 {
        return min_out;
    }
    let share = (f64::from(value.saturating_sub(1)) / f64::from(max - 1)).clamp(0.0, 1.0);
    min_out + (max_out - min_out) * share.sqrt()
}

fn plural(n: u32, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

fn shorten(text: &str, max_chars: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text,
    }
}

/// A DOT double-quoted string. Backslashes are doubled so that no text from the store can start a
/// Graphviz escape (`\N`, `\G`); a line break becomes DOT's centred `\n`.
fn quoted_id(text: &str) -> Id {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

fn quoted(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_owned()), quoted_id(value))
}

/// An attribute whose value is a DOT keyword or number, which needs no quotes.
fn plain(key: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(key.to_owned()), Id::Plain(value.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::{RdfFormat, RdfParser};
    use oxigraph::model::Quad;
    use std::collections::HashMap;

    const FIXTURE: &str = include_str!("../tests/fixtures/export/landscape.trig");
    const ID: &str = "https://w3id.org/govgraph/id/";

    fn fixture_store() -> GraphStore {
        GraphStore::in_memory_from(RdfFormat::TriG, FIXTURE).unwrap()
    }

    fn process(slug: &str) -> String {
        format!("{ID}process/{slug}")
    }

    fn org(slug: &str) -> String {
        format!("{ID}org/{slug}")
    }

    /// A node of the printed DOT, read back with graphviz-rust's parser: its attributes
    /// (unquoted) and the label of the cluster it sits in.
    #[derive(Debug)]
    struct Drawn {
        attrs: HashMap<String, String>,
        cluster: Option<String>,
    }

    /// Edge attributes by (first, second) endpoint id.
    type DrawnEdges = BTreeMap<(String, String), HashMap<String, String>>;

    /// Parses DOT text back into nodes (by id) and edges (endpoints → attributes); parsing also
    /// proves that the printed text is valid DOT.
    fn read_dot(text: &str) -> (BTreeMap<String, Drawn>, DrawnEdges) {
        fn unquote(id: &Id) -> String {
            match id {
                Id::Escaped(s) => s[1..s.len() - 1]
                    .replace("\\\"", "\"")
                    .replace("\\\\", "\\"),
                Id::Plain(s) | Id::Html(s) | Id::Anonymous(s) => s.clone(),
            }
        }
        fn attrs(list: &[Attribute]) -> HashMap<String, String> {
            list.iter()
                .map(|Attribute(k, v)| (unquote(k), unquote(v)))
                .collect()
        }
        fn walk(
            stmts: &[Stmt],
            cluster: Option<String>,
            nodes: &mut BTreeMap<String, Drawn>,
            edges: &mut DrawnEdges,
        ) {
            for stmt in stmts {
                match stmt {
                    Stmt::Node(node) => {
                        let drawn = Drawn {
                            attrs: attrs(&node.attributes),
                            cluster: cluster.clone(),
                        };
                        nodes.insert(unquote(&node.id.0), drawn);
                    }
                    Stmt::Edge(DotEdge {
                        ty: EdgeTy::Pair(Vertex::N(a), Vertex::N(b)),
                        attributes,
                    }) => {
                        edges.insert((unquote(&a.0), unquote(&b.0)), attrs(attributes));
                    }
                    Stmt::Subgraph(sub) => {
                        let label = sub.stmts.iter().find_map(|s| match s {
                            Stmt::Attribute(Attribute(k, v)) if unquote(k) == "label" => {
                                Some(unquote(v))
                            }
                            _ => None,
                        });
                        walk(&sub.stmts, label, nodes, edges);
                    }
                    _ => {}
                }
            }
        }
        let graph = graphviz_rust::parse(text).expect("the printed DOT parses");
        let Graph::Graph { stmts, .. } = graph else {
            panic!("an undirected graph")
        };
        let (mut nodes, mut edges) = (BTreeMap::new(), BTreeMap::new());
        walk(&stmts, None, &mut nodes, &mut edges);
        (nodes, edges)
    }

    fn edge_between<'m>(map: &'m Map, a: &str, b: &str) -> Option<&'m MapEdge> {
        map.graph.edge_references().find_map(|e| {
            let ends = (
                map.graph[e.source()].iri.as_str(),
                map.graph[e.target()].iri.as_str(),
            );
            (ends == (a, b) || ends == (b, a)).then_some(e.weight())
        })
    }

    fn fontsize(nodes: &BTreeMap<String, Drawn>, iri: &str) -> f64 {
        nodes[iri].attrs["fontsize"].parse().unwrap()
    }

    #[test]
    fn landscape_holds_the_processes_discussed_in_meetings() {
        let map = processes_map(&fixture_store(), &ExportOptions::default()).unwrap();
        let counts: BTreeMap<&str, u32> = map
            .graph
            .node_weights()
            .map(|n| (n.label.as_str(), n.count))
            .collect();
        // Pact for the Future and the Roadmap are curated but never discussed: no node.
        let expected = BTreeMap::from([
            ("Global Digital Compact", 5),
            ("IGF Mandate Renewal", 3),
            ("IGF Parliamentary Track", 1),
            ("IGF Plus", 1),
            ("IGF Strategic Vision", 2),
            ("NETmundial+10", 1),
            ("Our Common Agenda", 1),
            ("Summit of the Future", 3),
            ("WSIS+20 Review", 4),
        ]);
        assert_eq!(counts, expected);
    }

    #[test]
    fn landscape_edges_count_shared_agenda_items_and_their_meetings() {
        let map = processes_map(&fixture_store(), &ExportOptions::default()).unwrap();
        assert_eq!(map.graph.edge_count(), 8);
        let gdc = process("global-digital-compact");
        // Two items of one meeting discuss both: 4 items, but 3 meetings.
        let gdc_wsis = edge_between(&map, &gdc, &process("wsis-20-review")).unwrap();
        assert_eq!((gdc_wsis.weight, gdc_wsis.meetings), (4, 3));
        let gdc_sof = edge_between(&map, &gdc, &process("summit-of-the-future")).unwrap();
        assert_eq!((gdc_sof.weight, gdc_sof.meetings), (3, 3));
        // The example is the first sentence about either process under any of the pair's items.
        assert_eq!(gdc_sof.example.as_deref(), Some("Business will send a delegation to the Summit of the Future."));
        let vision_plus =
            edge_between(&map, &process("igf-strategic-vision"), &process("igf-plus")).unwrap();
        assert_eq!(vision_plus.weight, 1);
        assert_eq!(
            vision_plus.example.as_deref(),
            Some("Ideas from IGF Plus may return in the strategic vision.")
        );
        // Discussed in one meeting but never under the same item: no edge.
        assert!(
            edge_between(
                &map,
                &process("summit-of-the-future"),
                &process("wsis-20-review")
            )
            .is_none()
        );
    }

    #[test]
    fn edge_example_is_a_statement_about_either_process_in_a_shared_item() {
        let map = processes_map(&fixture_store(), &ExportOptions::default()).unwrap();
        let edge = edge_between(
            &map,
            &process("global-digital-compact"),
            &process("our-common-agenda"),
        )
        .unwrap();
        let example = edge.example.as_deref().unwrap();
        assert!(
            [
                "Implementing the GDC will need the private sector at the table.",
                "Our Common Agenda frames all of this."
            ]
            .contains(&example),
            "{example}"
        );
    }

    #[test]
    fn min_weight_hides_weaker_edges_but_keeps_every_discussed_process() {
        let store = fixture_store();
        let options = ExportOptions::default().with_min_weight(2);
        let map = processes_map(&store, &options).unwrap();
        assert_eq!(map.graph.node_count(), 9);
        let mut weights: Vec<u32> = map.graph.edge_weights().map(|e| e.weight).collect();
        weights.sort();
        assert_eq!(weights, [2, 3, 4]);
        let (_, edges) = read_dot(&dot(&store, View::Processes, &options).unwrap());
        assert_eq!(edges.len(), 3);
        assert!(
            edges
                .values()
                .all(|attrs| attrs["weight"].parse::<u32>().unwrap() >= 2)
        );
    }

    #[test]
    fn node_size_and_label_grow_with_meetings() {
        let (nodes, _) =
            read_dot(&dot(&fixture_store(), View::Processes, &ExportOptions::default()).unwrap());
        let size = |slug: &str| fontsize(&nodes, &process(slug));
        assert!(size("global-digital-compact") > size("wsis-20-review"));
        assert!(size("wsis-20-review") > size("summit-of-the-future"));
        assert_eq!(size("summit-of-the-future"), size("igf-mandate-renewal"));
        assert!(size("igf-mandate-renewal") > size("igf-strategic-vision"));
        assert!(size("igf-strategic-vision") > size("netmundial-10"));
        assert_eq!(
            nodes[&process("global-digital-compact")].attrs["label"],
            "Global Digital Compact\\n(5 meetings)"
        );
        assert_eq!(
            nodes[&process("netmundial-10")].attrs["label"],
            "NETmundial+10\\n(1 meeting)"
        );
    }

    #[test]
    fn edge_width_grows_with_weight() {
        let (_, edges) =
            read_dot(&dot(&fixture_store(), View::Processes, &ExportOptions::default()).unwrap());
        let width = |weight: &str| -> f64 {
            edges.values().find(|a| a["weight"] == weight).unwrap()["penwidth"]
                .parse()
                .unwrap()
        };
        assert!(width("4") > width("3") && width("3") > width("2") && width("2") > width("1"));
    }

    #[test]
    fn clusters_follow_is_part_of_to_the_top_level_process() {
        let (nodes, _) =
            read_dot(&dot(&fixture_store(), View::Processes, &ExportOptions::default()).unwrap());
        let cluster = |slug: &str| nodes[&process(slug)].cluster.clone();
        // GDC → Pact for the Future → Summit of the Future, although the Pact itself is never discussed.
        assert_eq!(
            cluster("global-digital-compact").as_deref(),
            Some("Summit of the Future")
        );
        assert_eq!(
            cluster("summit-of-the-future").as_deref(),
            Some("Summit of the Future")
        );
        assert!(!nodes.contains_key(&process("pact-for-the-future")));
        assert_eq!(
            cluster("igf-mandate-renewal").as_deref(),
            Some("WSIS+20 Review")
        );
        assert_eq!(cluster("wsis-20-review").as_deref(), Some("WSIS+20 Review"));
        // The head of a cluster need not be discussed to name it.
        assert_eq!(
            cluster("igf-plus").as_deref(),
            Some("Roadmap for Digital Cooperation")
        );
        assert_eq!(cluster("our-common-agenda"), None);
        assert_eq!(cluster("netmundial-10"), None);
    }

    #[test]
    fn since_and_until_keep_the_meetings_between_the_dates() {
        let store = fixture_store();
        let all = processes_map(&store, &ExportOptions::default()).unwrap();
        let options = ExportOptions::default()
            .with_dates(Some("2024-07-01".into()), Some("2024-09-30".into()));
        let some = processes_map(&store, &options).unwrap();
        let total = |map: &Map| map.graph.node_weights().map(|n| n.count).sum::<u32>();
        assert!(total(&some) < total(&all));
        // A dateTime and a date on the edges of the range both count.
        let early = ExportOptions::default().with_dates(None, Some("2024-06-13".into()));
        let map = processes_map(&store, &early).unwrap();
        assert!(map.graph.node_count() > 0);
        let bad = ExportOptions::default().with_dates(Some("June".into()), None);
        assert!(matches!(
            processes_map(&store, &bad),
            Err(ExportError::InvalidDate { .. })
        ));
    }

    #[test]
    fn people_are_linked_by_shared_meetings_and_filtered_by_attendance() {
        let store = fixture_store();
        let map = people_map(&store, &ExportOptions::default()).unwrap();
        let amina = format!("{ID}person/amina-diallo");
        let jonas = format!("{ID}person/jonas-berg");
        let count = |map: &Map, iri: &str| {
            map.graph
                .node_weights()
                .find(|n| n.iri == iri)
                .map(|n| n.count)
        };
        assert_eq!(count(&map, &amina), Some(4));
        assert_eq!(
            edge_between(&map, &amina, &jonas).map(|e| e.weight),
            Some(3)
        );
        let regulars = people_map(&store, &ExportOptions::default().with_min_meetings(4)).unwrap();
        assert!(regulars.graph.node_weights().all(|n| n.count >= 4));
        assert_eq!(count(&regulars, &jonas), None);
    }

    #[test]
    fn a_meeting_is_found_by_iri_date_or_number() {
        let store = fixture_store();
        let iri = format!("{ID}meeting/wg-strategy/2024-06-13");
        assert_eq!(find_meeting(&store, &iri).unwrap(), iri);
        assert_eq!(find_meeting(&store, "2024-06-13").unwrap(), iri);
        assert!(matches!(
            find_meeting(&store, "1999-01-01"),
            Err(ExportError::NoSuchMeeting { .. })
        ));
        assert!(find_meeting(&store, "\" } DROP ALL {").is_err());
        let map =
            meeting_map(&store, &ExportOptions::default().with_meeting("2024-06-13")).unwrap();
        let kinds: BTreeSet<&str> = map.graph.node_weights().map(|n| n.kind.name()).collect();
        assert!(
            kinds.contains("agenda item") && kinds.contains("person") && kinds.contains("process")
        );
        let item = format!("{iri}/item/1");
        let amina = format!("{ID}person/amina-diallo");
        assert!(edge_between(&map, &item, &amina).is_some());
        assert!(edge_between(&map, &iri, &item).is_some());
    }

    #[test]
    fn timeline_is_an_svg_heatmap_with_a_tooltip_on_every_cell() {
        let svg = timeline_svg(&fixture_store(), &ExportOptions::default()).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("2024-06-13") && svg.contains("Global Digital Compact"));
        let cells = svg.matches("<g class=\"cell\"><title>").count();
        assert!(cells > 5, "{cells}");
        assert!(svg.contains("e.g. “"));
        let dir = tempfile::tempdir().unwrap();
        let png = dir.path().join("timeline.png");
        assert!(matches!(
            write(
                &fixture_store(),
                View::Timeline,
                &ExportOptions::default(),
                &png
            ),
            Err(ExportError::SvgOnly { .. })
        ));
    }

    #[test]
    fn a_timeline_of_many_meetings_groups_them_by_month_then_by_year() {
        // A meeting on each date, each discussing the GDC with one statement ("Sentence n.").
        let store_of = |dates: &[String]| {
            let mut trig = String::from(
                "@prefix gg: <https://w3id.org/govgraph/ns#> . @prefix schema: <https://schema.org/> .\n\
                 @prefix dcterms: <http://purl.org/dc/terms/> . @prefix prov: <http://www.w3.org/ns/prov#> .\n\
                 @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n",
            );
            for (n, date) in dates.iter().enumerate() {
                trig.push_str(&format!(
                    "<{ID}meeting/m/{date}> a gg:Meeting ; schema:startDate \"{date}\"^^xsd:date ; \
                     dcterms:subject <{ID}process/gdc> .\n\
                     <{ID}statement/{n}> a gg:Statement ; gg:inMeeting <{ID}meeting/m/{date}> ; \
                     gg:about <{ID}process/gdc> ; prov:value \"Sentence {n}.\" .\n"
                ));
            }
            GraphStore::in_memory_from(RdfFormat::TriG, &trig).unwrap()
        };
        // The n-th month from January 2020, as (year, month).
        let month = |n: usize| (2020 + n / 12, n % 12 + 1);
        let columns = |svg: &str| svg.matches("rotate(-55)").count();
        // Up to 60 meetings: one column each, linked to the meeting.
        let sixty: Vec<String> = (0..60)
            .map(|n| format!("2020-{:02}-{:02}", n / 5 + 1, n % 5 + 1))
            .collect();
        let svg = timeline_svg(&store_of(&sixty), &ExportOptions::default()).unwrap();
        assert!(svg.contains("statements per process and meeting"));
        assert_eq!(columns(&svg), 60);
        // 61 meetings over 15 months: a column per month, its cell counting them all.
        let mut more: Vec<String> = (0..60)
            .map(|n| {
                let (y, m) = month(n / 4);
                format!("{y}-{m:02}-{:02}", n % 4 + 1)
            })
            .collect();
        more.push("2020-01-20".to_owned());
        let svg = timeline_svg(&store_of(&more), &ExportOptions::default()).unwrap();
        assert!(svg.contains("statements per process and month"), "{svg}");
        assert_eq!(columns(&svg), 15);
        assert!(svg.contains("in 2020-01: 5 statements in 5 meetings"), "{svg}");
        assert!(svg.contains("Columns: months of 61 meetings by date."));
        // 100 monthly meetings span 100 months: a column per year, 2020 to 2028.
        let monthly: Vec<String> = (0..100)
            .map(|n| {
                let (y, m) = month(n);
                format!("{y}-{m:02}-10")
            })
            .collect();
        let svg = timeline_svg(&store_of(&monthly), &ExportOptions::default()).unwrap();
        assert!(svg.contains("statements per process and year"));
        assert_eq!(columns(&svg), 9);
        // The example comes from the cell's latest meeting.
        assert!(svg.contains("in 2020: 12 statements in 12 meetings\ne.g. “Sentence 11.”"), "{svg}");
    }

    #[test]
    fn builtin_layout_draws_every_node_and_edge_with_tooltips() {
        let store = fixture_store();
        let options = ExportOptions::default().with_graphviz("/no/such/graphviz");
        let (svg, renderer) = svg(&store, View::Processes, &options).unwrap();
        assert_eq!(renderer, Renderer::Builtin);
        let map = processes_map(&store, &ExportOptions::default()).unwrap();
        assert_eq!(
            svg.matches("<g class=\"node\">").count(),
            map.graph.node_count()
        );
        assert_eq!(
            svg.matches("<g class=\"edge\"><title>").count(),
            map.graph.edge_count()
        );
    }

    #[test]
    fn top_level_survives_a_cycle() {
        let parents = BTreeMap::from([
            ("a".to_owned(), "b".to_owned()),
            ("b".to_owned(), "a".to_owned()),
        ]);
        assert!(["a", "b"].contains(&top_level("a", &parents).as_str()));
    }

    #[test]
    fn every_node_has_a_tooltip_and_its_iri_as_url() {
        let store = fixture_store();
        for view in [View::Processes, View::Actors, View::People, View::Meeting] {
            let options = ExportOptions::default().with_meeting("2024-06-13");
            let (nodes, edges) = read_dot(&dot(&store, view, &options).unwrap());
            for (id, node) in nodes.iter().filter(|(id, _)| !id.starts_with("legend:")) {
                assert_eq!(node.attrs.get("URL"), Some(id), "{view:?} {id}");
                assert!(node.attrs["tooltip"].contains(id.as_str()), "{view:?} {id}");
            }
            assert!(edges.values().all(|attrs| attrs.contains_key("tooltip")));
        }
    }

    #[test]
    fn output_does_not_depend_on_store_order() {
        let first = fixture_store();
        let mut quads: Vec<Quad> = RdfParser::from_format(RdfFormat::TriG)
            .for_slice(FIXTURE)
            .collect::<Result<_, _>>()
            .unwrap();
        quads.reverse();
        let second = GraphStore::in_memory().unwrap();
        for quad in &quads {
            second.oxigraph().insert(quad).unwrap();
        }
        for view in [View::Processes, View::Actors, View::People] {
            let options = ExportOptions::default();
            let text = dot(&first, view, &options).unwrap();
            assert_eq!(text, dot(&first, view, &options).unwrap());
            assert_eq!(text, dot(&second, view, &options).unwrap());
        }
        let options = ExportOptions::default();
        assert_eq!(timeline_svg(&first, &options).unwrap(), timeline_svg(&second, &options).unwrap());
    }

    #[test]
    fn actors_link_organisations_to_processes_by_statements() {
        let map = actors_map(&fixture_store(), &ExportOptions::default()).unwrap();
        let switzerland = org("government-of-switzerland");
        let gdc = process("global-digital-compact");
        assert_eq!(
            edge_between(&map, &switzerland, &gdc).map(|e| (e.weight, e.meetings)),
            Some((3, 3))
        );
        assert_eq!(
            edge_between(&map, &switzerland, &process("wsis-20-review")).map(|e| e.weight),
            Some(1)
        );
        // Affiliation through an org:Membership stated in a meeting, not org:memberOf.
        assert_eq!(
            edge_between(&map, &org("internet-society"), &gdc).map(|e| e.weight),
            Some(1)
        );
        // Only a speaker without an organisation spoke about Our Common Agenda.
        assert!(
            map.graph
                .node_weights()
                .all(|n| n.iri != process("our-common-agenda"))
        );
        let counts: BTreeMap<&str, u32> = map
            .graph
            .node_weights()
            .map(|n| (n.iri.as_str(), n.count))
            .collect();
        assert_eq!(counts[switzerland.as_str()], 4);
        assert_eq!(counts[gdc.as_str()], 6);
    }

    #[test]
    fn a_drawing_keeps_the_strongest_edges_says_so_and_analysis_keeps_all() {
        let store = fixture_store();
        let full = processes_map(&store, &ExportOptions::default()).unwrap();
        assert_eq!(full.graph.edge_count(), 8);
        let options = ExportOptions::default().with_max_edges(2);
        let drawn = drawn_map(&store, View::Processes, &options).unwrap();
        assert_eq!((drawn.graph.edge_count(), drawn.hidden_edges), (2, 6));
        // The two kept are the two heaviest (4 and 3 shared agenda items), every process stays.
        let mut weights: Vec<u32> = drawn.graph.edge_weights().map(|e| e.weight).collect();
        weights.sort_unstable();
        assert_eq!(weights, [3, 4]);
        assert_eq!(drawn.graph.node_count(), full.graph.node_count());
        let text = dot(&store, View::Processes, &options).unwrap();
        assert!(text.contains("Showing the 2 strongest of 8 links (--max-edges)."), "{text}");
        // Under the cap (the default here) nothing is cut and nothing is said.
        let text = dot(&store, View::Processes, &ExportOptions::default()).unwrap();
        assert!(!text.contains("strongest of"));
        // Analysis measures the whole network whatever a drawing shows.
        assert_eq!(network(&store, View::Processes, &options).unwrap().edge_count(), 8);
        // In the actors view an organisation left without an edge goes with it.
        let actors = drawn_map(&store, View::Actors, &ExportOptions::default().with_max_edges(1)).unwrap();
        assert_eq!((actors.graph.edge_count(), actors.graph.node_count()), (1, 2));
        // So does a person in the people view, which keeps unlinked people only when nothing is cut.
        let people = drawn_map(&store, View::People, &ExportOptions::default().with_max_edges(1)).unwrap();
        assert_eq!((people.graph.edge_count(), people.graph.node_count()), (1, 2));
        assert!(people_map(&store, &ExportOptions::default()).unwrap().graph.node_count() > 2);
    }

    #[test]
    fn actors_min_weight_drops_organisations_left_without_links() {
        let map = actors_map(
            &fixture_store(),
            &ExportOptions::default().with_min_weight(2),
        )
        .unwrap();
        let mut linked: Vec<&str> = map.graph.node_weights().map(|n| n.label.as_str()).collect();
        linked.sort();
        assert_eq!(
            linked,
            [
                "Association for Progressive Communications",
                "Global Digital Compact",
                "Government of Switzerland",
                "WSIS+20 Review"
            ]
        );
    }

    #[test]
    fn organisations_are_coloured_by_stakeholder_group_with_a_legend() {
        let (nodes, edges) =
            read_dot(&dot(&fixture_store(), View::Actors, &ExportOptions::default()).unwrap());
        assert_eq!(
            nodes[&org("government-of-switzerland")].attrs["fillcolor"],
            Stakeholder::Government.colour()
        );
        assert_eq!(
            nodes[&org("apc")].attrs["fillcolor"],
            Stakeholder::CivilSociety.colour()
        );
        assert_eq!(
            nodes[&org("igf-secretariat")].attrs["fillcolor"],
            Stakeholder::Unknown.colour()
        );
        let legend: Vec<&str> = nodes
            .values()
            .filter(|n| n.cluster.as_deref() == Some("Stakeholder group"))
            .map(|n| n.attrs["label"].as_str())
            .collect();
        assert_eq!(legend.len(), 7, "{legend:?}");
        assert!(legend.contains(&"Government") && legend.contains(&"Group not known"));
        // Organisations come first on every edge, which keeps them in the left column under `dot`.
        assert!(
            edges
                .keys()
                .all(|(a, b)| a.contains("/org/") && b.contains("/process/"))
        );
    }

    #[test]
    fn quotes_and_backslashes_from_the_store_stay_inside_their_string() {
        let store = fixture_store();
        let text = dot(&store, View::Actors, &ExportOptions::default()).unwrap();
        let (_, edges) = read_dot(&text);
        let itu_gdc = &edges[&(org("itu"), process("global-digital-compact"))];
        assert!(itu_gdc["tooltip"].contains(r#"He said "rev.3 keeps the IGF paragraph""#));
        assert_eq!(
            quoted_id("a\\N \"b\"\nc"),
            Id::Escaped(r#""a\\N \"b\"\nc""#.to_owned())
        );
    }

    #[test]
    fn dot_output_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("landscape.dot");
        let store = fixture_store();
        let outcome = write(&store, View::Processes, &ExportOptions::default(), &path).unwrap();
        assert_eq!(outcome, Outcome::Written(path.clone()));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            dot(&store, View::Processes, &ExportOptions::default()).unwrap()
        );
    }

    #[test]
    fn svg_rendering_shows_the_process_labels() {
        let dir = tempfile::tempdir().unwrap();
        let store = fixture_store();
        for view in [View::Processes, View::Actors] {
            let path = dir.path().join(format!("{view:?}.svg"));
            let outcome = write(&store, view, &ExportOptions::default(), &path).unwrap();
            assert_eq!(
                outcome,
                Outcome::Written(path.clone()),
                "Graphviz must be installed for this test"
            );
            let svg = std::fs::read_to_string(&path).unwrap();
            assert!(svg.contains("<svg"));
            for label in [
                "Global Digital Compact",
                "WSIS+20 Review",
                "IGF Mandate Renewal",
            ] {
                assert!(svg.contains(label), "{view:?} misses {label}");
            }
            assert!(svg.contains(&format!(
                "xlink:href=\"{}\"",
                process("global-digital-compact")
            )));
        }
    }

    #[test]
    fn missing_graphviz_falls_back_to_dot_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("landscape.svg");
        let options = ExportOptions::default().with_graphviz(dir.path().join("no-such-graphviz"));
        let outcome = write(&fixture_store(), View::Processes, &options, &path).unwrap();
        let fallback = dir.path().join("landscape.dot");
        assert_eq!(outcome, Outcome::DotOnly(fallback.clone()));
        assert!(!path.exists());
        assert!(
            std::fs::read_to_string(fallback)
                .unwrap()
                .starts_with("graph processes {")
        );
    }

    #[test]
    fn failures_name_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = fixture_store();
        let options = ExportOptions::default();
        let unknown = dir.path().join("landscape.jpeg");
        let err = write(&store, View::Processes, &options, &unknown).unwrap_err();
        assert!(matches!(err, ExportError::UnknownFormat { .. }));
        assert!(err.to_string().contains("landscape.jpeg"), "{err}");
        let unwritable = dir.path().join("missing-folder").join("landscape.svg");
        let err = write(&store, View::Processes, &options, &unwritable).unwrap_err();
        assert!(matches!(err, ExportError::Render { .. }), "{err}");
        assert!(err.to_string().contains("missing-folder"), "{err}");
    }
}
