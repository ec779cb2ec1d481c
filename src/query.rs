//! Query: SPARQL text → answers, for the shipped questions in `queries/*.rq` and the user's own.
//!
//! The same `.rq` text serves the CLI, the tests and the endpoint; this module finds a query by
//! name or path ([`load`]), runs it over the store and writes the results in a chosen format ([`run`]).
//! The table is for people; CSV, TSV and JSON are the W3C SPARQL 1.1 results formats, written by
//! oxigraph's `sparesults` so that other tools can read them.
//!
//! Not built yet, on purpose: running the same text against a remote SPARQL endpoint.
//! It would send the query over HTTP, parse the answer with `QueryResultsParser` and hand it to the
//! same writers; nothing needs it while the store is local.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolutionIter, QueryTripleIter};

use crate::defaults;
use crate::store::GraphStore;
use crate::vocab;

/// Why a question could not be answered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    #[error("SPARQL syntax error: {source}")]
    Syntax {
        source: oxigraph::sparql::SparqlSyntaxError,
    },
    #[error("query evaluation failed: {source}")]
    Evaluation {
        source: oxigraph::sparql::QueryEvaluationError,
    },
    #[error("no shipped query named `{name}` and no such file (shipped: {known})")]
    NotFound { name: String, known: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write the results: {0}")]
    Output(String),
    #[error("cannot write the results: {source}")]
    Write { source: std::io::Error },
    /// Any of the above, for the query called `name` (a shipped name or a file path).
    #[error("query `{name}`: {source}")]
    InQuery {
        name: String,
        source: Box<QueryError>,
    },
}

/// Output format of query results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultsFormat {
    /// Aligned columns for people.
    #[default]
    Table,
    Csv,
    Tsv,
    Json,
}

impl ResultsFormat {
    /// Every format, in the order help texts list them.
    pub const ALL: [ResultsFormat; 4] = [
        ResultsFormat::Table,
        ResultsFormat::Csv,
        ResultsFormat::Tsv,
        ResultsFormat::Json,
    ];

    /// The format called `name` on the command line (`table`, `csv`, `tsv`, `json`; any case).
    pub fn from_name(name: &str) -> Option<ResultsFormat> {
        ResultsFormat::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(name))
    }

    /// The name [`ResultsFormat::from_name`] accepts.
    pub fn name(self) -> &'static str {
        match self {
            ResultsFormat::Table => "table",
            ResultsFormat::Csv => "csv",
            ResultsFormat::Tsv => "tsv",
            ResultsFormat::Json => "json",
        }
    }
}

/// A query ready to run: where it came from and its text.
#[derive(Debug, Clone)]
pub struct NamedQuery {
    pub name: String,
    pub text: String,
}

impl NamedQuery {
    /// Runs the query like [`run`], with errors that name it.
    pub fn run(
        &self,
        store: &GraphStore,
        format: ResultsFormat,
        out: &mut dyn Write,
    ) -> Result<(), QueryError> {
        run(store, &self.text, format, out).map_err(|source| QueryError::InQuery {
            name: self.name.clone(),
            source: Box::new(source),
        })
    }
}

/// The names of the shipped questions, in the order of [`defaults::QUERIES`].
pub fn shipped_names() -> Vec<&'static str> {
    defaults::QUERIES.iter().map(|(name, _)| *name).collect()
}

/// Finds a query: a shipped name (`connected-processes`), or a path to an `.rq` file.
///
/// A shipped name wins over a file of the same name in the working directory, so that the
/// shipped questions answer the same everywhere. An unknown bare name is reported with the list
/// of shipped names; anything that looks like a path is reported as an unreadable file.
pub fn load(spec: &str) -> Result<NamedQuery, QueryError> {
    if let Some((name, text)) = defaults::QUERIES.iter().find(|(name, _)| *name == spec) {
        return Ok(NamedQuery {
            name: (*name).to_owned(),
            text: (*text).to_owned(),
        });
    }
    let path = Path::new(spec);
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(NamedQuery {
            name: spec.to_owned(),
            text,
        }),
        Err(source) if source.kind() == io::ErrorKind::NotFound && !looks_like_path(spec) => {
            Err(QueryError::NotFound {
                name: spec.to_owned(),
                known: shipped_names().join(", "),
            })
        }
        Err(source) => Err(QueryError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Runs `sparql` over the store and writes its results to `out` in `format`.
///
/// SELECT gives a table or a SPARQL results document; ASK prints `yes`/`no` in a table and
/// `true`/`false` otherwise; CONSTRUCT and DESCRIBE give Turtle in a table and N-Triples otherwise
/// (the SPARQL results formats have no place for triples).
/// JSON and boolean answers end with a newline, which their formats allow, so terminals stay tidy.
pub fn run(
    store: &GraphStore,
    sparql: &str,
    format: ResultsFormat,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    write(store.query(sparql)?, format, out)
}

/// Writes answers obtained elsewhere (a remote endpoint, see `remote::query`) exactly as [`run`] does.
pub fn write(
    results: QueryResults<'_>,
    format: ResultsFormat,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    let mut out = BufWriter::new(out);
    match results {
        QueryResults::Solutions(solutions) => write_solutions(solutions, format, &mut out)?,
        QueryResults::Boolean(value) => write_boolean(value, format, &mut out)?,
        QueryResults::Graph(triples) => write_graph(triples, format, &mut out)?,
    }
    out.flush().map_err(write_error)
}

/// Cells longer than this many characters are cut, with `…` as the last one.
const MAX_CELL_CHARS: usize = 60;

/// Columns of the table are separated by this.
const COLUMN_GAP: &str = "  ";

fn write_solutions(
    solutions: QuerySolutionIter<'_>,
    format: ResultsFormat,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    let Some(results_format) = sparql_results_format(format) else {
        let variables = solutions.variables().to_vec();
        let mut rows = Vec::new();
        for solution in solutions {
            let solution = solution.map_err(|source| QueryError::Evaluation { source })?;
            rows.push(
                variables
                    .iter()
                    .map(|variable| solution.get(variable).cloned())
                    .collect(),
            );
        }
        return write_table(&variables, &rows, out).map_err(write_error);
    };
    let mut serializer = QueryResultsSerializer::from_format(results_format)
        .serialize_solutions_to_writer(&mut *out, solutions.variables().to_vec())
        .map_err(write_error)?;
    for solution in solutions {
        let solution = solution.map_err(|source| QueryError::Evaluation { source })?;
        serializer.serialize(&solution).map_err(write_error)?;
    }
    serializer.finish().map_err(write_error)?;
    if results_format == QueryResultsFormat::Json {
        out.write_all(b"\n").map_err(write_error)?;
    }
    Ok(())
}

fn write_boolean(
    value: bool,
    format: ResultsFormat,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    match sparql_results_format(format) {
        None => writeln!(out, "{}", if value { "yes" } else { "no" }).map_err(write_error),
        Some(results_format) => {
            QueryResultsSerializer::from_format(results_format)
                .serialize_boolean_to_writer(&mut *out, value)
                .map_err(write_error)?;
            out.write_all(b"\n").map_err(write_error)
        }
    }
}

fn write_graph(
    triples: QueryTripleIter<'_>,
    format: ResultsFormat,
    out: &mut dyn Write,
) -> Result<(), QueryError> {
    let mut serializer = if format == ResultsFormat::Table {
        vocab::serializer(RdfFormat::Turtle)
    } else {
        RdfSerializer::from_format(RdfFormat::NTriples)
    }
    .for_writer(out);
    for triple in triples {
        let triple = triple.map_err(|source| QueryError::Evaluation { source })?;
        serializer.serialize_triple(&triple).map_err(write_error)?;
    }
    serializer.finish().map_err(write_error)?;
    Ok(())
}

fn sparql_results_format(format: ResultsFormat) -> Option<QueryResultsFormat> {
    match format {
        ResultsFormat::Table => None,
        ResultsFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultsFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultsFormat::Json => Some(QueryResultsFormat::Json),
    }
}

/// Writes a header row, a separator line, one line per row and a closing row count.
/// Columns whose bound cells are all numbers are right-aligned, so that digits line up.
fn write_table(
    variables: &[Variable],
    rows: &[Vec<Option<Term>>],
    out: &mut dyn Write,
) -> io::Result<()> {
    let header: Vec<String> = variables
        .iter()
        .map(|variable| variable.as_str().to_owned())
        .collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|term| {
                    term.as_ref()
                        .map(|term| truncate(&display(term)))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    let right_aligned: Vec<bool> = (0..variables.len())
        .map(|column_idx| {
            let mut bound = rows
                .iter()
                .filter_map(|row| row[column_idx].as_ref())
                .peekable();
            bound.peek().is_some() && bound.all(is_number)
        })
        .collect();
    let widths: Vec<usize> = (0..variables.len())
        .map(|column_idx| {
            cells
                .iter()
                .map(|row| row[column_idx].chars().count())
                .chain([header[column_idx].chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let write_line = |out: &mut dyn Write, line: &[String]| -> io::Result<()> {
        let padded: Vec<String> = line
            .iter()
            .zip(&widths)
            .zip(&right_aligned)
            .map(|((cell, &width), &right)| {
                if right {
                    format!("{cell:>width$}")
                } else {
                    format!("{cell:<width$}")
                }
            })
            .collect();
        writeln!(out, "{}", padded.join(COLUMN_GAP).trim_end())
    };
    write_line(out, &header)?;
    write_line(
        out,
        &widths
            .iter()
            .map(|&width| "-".repeat(width))
            .collect::<Vec<_>>(),
    )?;
    for row in &cells {
        write_line(out, row)?;
    }
    match rows.len() {
        1 => writeln!(out, "1 row"),
        n_rows => writeln!(out, "{n_rows} rows"),
    }
}

/// A term as a person reads it: a literal's plain value, an IRI shortened with the vocabulary's
/// prefixes (`ggid:person/x`), a blank node as `_:id`. Line breaks and tabs become spaces so that
/// a cell stays on its line.
fn display(term: &Term) -> String {
    let text = match term {
        Term::NamedNode(node) => shorten(node.as_str()),
        Term::Literal(literal) => literal.value().to_owned(),
        #[allow(
            unreachable_patterns,
            reason = "quoted triples exist only with oxigraph's rdf-12 feature"
        )]
        other => other.to_string(),
    };
    text.replace(['\n', '\r', '\t'], " ")
}

/// `prefix:rest` for the longest vocabulary namespace `iri` starts with, else `<iri>`.
fn shorten(iri: &str) -> String {
    vocab::PREFIXES
        .iter()
        .filter_map(|(prefix, namespace)| {
            iri.strip_prefix(namespace)
                .map(|rest| (prefix, namespace.len(), rest))
        })
        .filter(|(_, _, rest)| !rest.is_empty())
        .max_by_key(|(_, namespace_len, _)| *namespace_len)
        .map_or_else(
            || format!("<{iri}>"),
            |(prefix, _, rest)| format!("{prefix}:{rest}"),
        )
}

fn truncate(text: &str) -> String {
    if text.chars().count() <= MAX_CELL_CHARS {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(MAX_CELL_CHARS - 1).collect();
    cut.push('…');
    cut
}

fn is_number(term: &Term) -> bool {
    use vocab::xsd;
    let Term::Literal(literal) = term else {
        return false;
    };
    [
        xsd::INTEGER,
        xsd::DECIMAL,
        xsd::DOUBLE,
        xsd::FLOAT,
        xsd::INT,
        xsd::LONG,
        xsd::SHORT,
        xsd::NON_NEGATIVE_INTEGER,
        xsd::POSITIVE_INTEGER,
        xsd::UNSIGNED_INT,
        xsd::UNSIGNED_LONG,
    ]
    .contains(&literal.datatype())
}

/// A bare word (`conected-processes`) is a mistyped name; a separator or an extension makes it a path.
fn looks_like_path(spec: &str) -> bool {
    spec.contains('/')
        || spec.contains(std::path::MAIN_SEPARATOR)
        || Path::new(spec).extension().is_some()
}

fn write_error(source: io::Error) -> QueryError {
    QueryError::Write { source }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;

    /// Two documents, three meetings; tests/fixtures/query/small.trig derives every number below.
    const FIXTURE: &str = include_str!("../tests/fixtures/query/small.trig");

    fn fixture_store() -> GraphStore {
        GraphStore::in_memory_from(RdfFormat::TriG, FIXTURE).unwrap()
    }

    /// The answer of a shipped query as its header (`a | b`) and one `x | y` line per row,
    /// cells rendered as in the table (plain values, shortened IRIs, empty when unbound).
    fn answer(store: &GraphStore, name: &str) -> (String, Vec<String>) {
        let query = load(name).unwrap();
        let QueryResults::Solutions(solutions) = store.query(&query.text).unwrap() else {
            panic!("{name} is not a SELECT query");
        };
        let variables = solutions.variables().to_vec();
        let header = variables
            .iter()
            .map(Variable::as_str)
            .collect::<Vec<_>>()
            .join(" | ");
        let rows = solutions
            .map(|solution| {
                let solution = solution.unwrap();
                variables
                    .iter()
                    .map(|variable| solution.get(variable).map(display).unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect();
        (header, rows)
    }

    fn check(name: &str, expected_header: &str, expected_rows: &[&str]) {
        let (header, rows) = answer(&fixture_store(), name);
        assert_eq!(header, expected_header, "columns of {name}");
        assert_eq!(rows, expected_rows, "rows of {name}");
    }

    fn output(sparql: &str, format: ResultsFormat) -> String {
        let mut out = Vec::new();
        run(&fixture_store(), sparql, format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn connected_processes_lists_each_pair_once_strongest_first() {
        check(
            "connected-processes",
            "process_a | process_b | agenda_items | meetings | process_a_iri | process_b_iri",
            &[
                "Global Digital Compact | WSIS+20 Review | 2 | 2 | ggid:process/global-digital-compact | ggid:process/wsis-20-review",
                "Global Digital Compact | Summit of the Future | 1 | 1 | ggid:process/global-digital-compact | ggid:process/summit-of-the-future",
                "Summit of the Future | WSIS+20 Review | 1 | 1 | ggid:process/summit-of-the-future | ggid:process/wsis-20-review",
            ],
        );
    }

    #[test]
    fn orgs_by_attendance_prefers_the_membership_stated_in_the_meeting() {
        // Ben is org:memberOf the Internet Society but stated for the Digital Rights Network in M2;
        // Dan's M1 membership states only a role, so his org:memberOf counts there.
        check(
            "orgs-by-attendance",
            "organisation | stakeholder_group | attendances | meetings | people | organisation_iri",
            &[
                "Digital Rights Network | Civil society | 3 | 2 | 2 | ggid:org/digital-rights-network",
                "IGF Secretariat | Intergovernmental organisation | 3 | 3 | 1 | ggid:org/igf-secretariat",
                "Association for Progressive Communications | Civil society | 2 | 2 | 1 | ggid:org/apc",
                "Government of Switzerland | Government | 2 | 2 | 1 | ggid:org/government-of-switzerland",
                "Acme Foundation |  | 1 | 1 | 1 | ggid:org/acme-foundation",
                "Internet Society | Technical community | 1 | 1 | 1 | ggid:org/internet-society",
            ],
        );
    }

    #[test]
    fn stakeholder_groups_count_an_attendance_once_per_group() {
        // Cleo belongs to two civil-society organisations: her two attendances count twice in
        // orgs-by-attendance but once each here (3, not the 5 a sum would give).
        check(
            "stakeholder-groups",
            "stakeholder_group | organisations | attendances | people | stakeholder_group_iri",
            &[
                "Civil society | 2 | 3 | 2 | gg:CivilSociety",
                "Intergovernmental organisation | 1 | 3 | 1 | gg:IntergovernmentalOrganisation",
                "Government | 1 | 2 | 1 | gg:Government",
                "Technical community | 1 | 1 | 1 | gg:TechnicalCommunity",
                " | 1 | 1 | 1 | ",
            ],
        );
    }

    #[test]
    fn people_by_attendance_spans_dates_and_lists_sorted_organisations() {
        // Fay is only mentioned and never attends, so she is absent.
        check(
            "people-by-attendance",
            "person | meetings | first_meeting | last_meeting | organisations | person_iri",
            &[
                "Dan Delta | 3 | 2024-09-12 | 2024-11-20 | IGF Secretariat | ggid:person/dan-delta",
                "Ana Alpha | 2 | 2024-09-12 | 2024-11-20 | Government of Switzerland | ggid:person/ana-alpha",
                "Ben Beta | 2 | 2024-09-12 | 2024-10-03 | Digital Rights Network; Internet Society | ggid:person/ben-beta",
                "Cleo Gamma | 2 | 2024-09-12 | 2024-10-03 | Association for Progressive Communications; Digital Rights Network | ggid:person/cleo-gamma",
                "Eve Epsilon | 1 | 2024-11-20 | 2024-11-20 | Acme Foundation | ggid:person/eve-epsilon",
            ],
        );
    }

    #[test]
    fn process_timeline_orders_dates_of_both_kinds_and_keeps_silent_processes() {
        // M1 has an xsd:dateTime, M2 an xsd:date; M2 lists the GDC as a subject without a statement.
        check(
            "process-timeline",
            "date | meeting | process | statements | meeting_iri | process_iri",
            &[
                "2024-09-12 | WG-Strategy meeting 83 (2024-09-12) | Global Digital Compact | 3 | ggid:meeting/wg-strategy/2024-09-12 | ggid:process/global-digital-compact",
                "2024-09-12 | WG-Strategy meeting 83 (2024-09-12) | Summit of the Future | 1 | ggid:meeting/wg-strategy/2024-09-12 | ggid:process/summit-of-the-future",
                "2024-09-12 | WG-Strategy meeting 83 (2024-09-12) | WSIS+20 Review | 2 | ggid:meeting/wg-strategy/2024-09-12 | ggid:process/wsis-20-review",
                "2024-10-03 | WG-Strategy meeting 84 (2024-10-03) | Global Digital Compact | 0 | ggid:meeting/wg-strategy/2024-10-03 | ggid:process/global-digital-compact",
                "2024-10-03 | WG-Strategy meeting 84 (2024-10-03) | WSIS+20 Review | 2 | ggid:meeting/wg-strategy/2024-10-03 | ggid:process/wsis-20-review",
                "2024-11-20 | MAG meeting 5 (2024-11-20) | Summit of the Future | 2 | ggid:meeting/mag/2024-11-20 | ggid:process/summit-of-the-future",
                "2024-11-20 | MAG meeting 5 (2024-11-20) | WSIS+20 Review | 0 | ggid:meeting/mag/2024-11-20 | ggid:process/wsis-20-review",
            ],
        );
    }

    #[test]
    fn who_speaks_about_counts_statements_and_meetings_per_speaker_and_process() {
        check(
            "who-speaks-about",
            "person | process | statements | meetings | example | person_iri | process_iri",
            &[
                "Ben Beta | WSIS+20 Review | 3 | 2 | Civil society wants a seat in the WSIS+20 talks. | ggid:person/ben-beta | ggid:process/wsis-20-review",
                "Ana Alpha | Global Digital Compact | 1 | 1 | Switzerland supports the Global Digital Compact. | ggid:person/ana-alpha | ggid:process/global-digital-compact",
                "Ana Alpha | Summit of the Future | 1 | 1 | The Pact from the Summit of the Future needs national follow-up. | ggid:person/ana-alpha | ggid:process/summit-of-the-future",
                "Ana Alpha | WSIS+20 Review | 1 | 1 | The WSIS+20 Review is closely linked to the GDC. | ggid:person/ana-alpha | ggid:process/wsis-20-review",
                "Ben Beta | Global Digital Compact | 1 | 1 | The GDC needs a follow-up mechanism. | ggid:person/ben-beta | ggid:process/global-digital-compact",
                "Dan Delta | Global Digital Compact | 1 | 1 | The GDC is annexed to the Pact. | ggid:person/dan-delta | ggid:process/global-digital-compact",
                "Dan Delta | Summit of the Future | 1 | 1 | The Summit of the Future adopted the Pact. | ggid:person/dan-delta | ggid:process/summit-of-the-future",
                "Eve Epsilon | Summit of the Future | 1 | 1 | Foundations can fund Summit of the Future follow-up. | ggid:person/eve-epsilon | ggid:process/summit-of-the-future",
            ],
        );
    }

    #[test]
    fn actions_show_an_empty_owner_when_nobody_is_named() {
        check(
            "actions",
            "date | meeting | owner | description | action_iri",
            &[
                "2024-09-12 | WG-Strategy meeting 83 (2024-09-12) | Dan Delta | Circulate the draft Global Digital Compact input to the mailing list before the next call. | ggid:action/aaaaaaaaaaaaaaaa/1",
                "2024-09-12 | WG-Strategy meeting 83 (2024-09-12) |  | Confirm the date of the next call. | ggid:action/aaaaaaaaaaaaaaaa/2",
                "2024-10-03 | WG-Strategy meeting 84 (2024-10-03) | Ben Beta | Draft the WSIS+20 consultation input. | ggid:action/bbbbbbbbbbbbbbbb/1",
            ],
        );
    }

    #[test]
    fn every_shipped_query_documents_each_of_its_columns_in_its_opening_comment() {
        let store = fixture_store();
        for name in shipped_names() {
            let text = load(name).unwrap().text;
            let comment: String = text
                .lines()
                .take_while(|line| line.starts_with('#'))
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                comment.starts_with(&format!("# {name}:")),
                "{name}.rq opens with `# {name}: <the question>`"
            );
            let mut words = text
                .lines()
                .filter(|line| !line.trim_start().starts_with('#'))
                .flat_map(str::split_whitespace);
            assert!(
                !words.any(|word| word.eq_ignore_ascii_case("GRAPH")),
                "{name}.rq reads the union default graph"
            );
            let (header, _) = answer(&store, name);
            for column in header.split(" | ") {
                assert!(
                    comment.contains(&format!("#   {column} ")),
                    "{name}.rq explains its column {column}"
                );
            }
        }
    }

    #[test]
    fn load_finds_shipped_names_before_files() {
        assert_eq!(
            shipped_names(),
            [
                "connected-processes",
                "orgs-by-attendance",
                "stakeholder-groups",
                "people-by-attendance",
                "process-timeline",
                "who-speaks-about",
                "actions"
            ]
        );
        let query = load("actions").unwrap();
        assert_eq!(query.name, "actions");
        assert_eq!(query.text, include_str!("../queries/actions.rq"));
    }

    #[test]
    fn load_reads_a_query_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("count.rq");
        std::fs::write(&path, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").unwrap();
        let query = load(path.to_str().unwrap()).unwrap();
        assert_eq!(query.name, path.to_str().unwrap());
        assert!(query.text.starts_with("SELECT (COUNT(*)"));
    }

    #[test]
    fn load_reports_an_unknown_name_with_the_shipped_names() {
        let error = load("conected-processes").unwrap_err();
        assert!(matches!(error, QueryError::NotFound { .. }), "{error:?}");
        let message = error.to_string();
        assert!(message.contains("`conected-processes`"), "{message}");
        for name in shipped_names() {
            assert!(message.contains(name), "{message} lists {name}");
        }
    }

    #[test]
    fn load_reports_a_missing_file_by_its_path() {
        let error = load("queries/no-such-question.rq").unwrap_err();
        assert!(matches!(error, QueryError::Io { .. }), "{error:?}");
        assert!(
            error
                .to_string()
                .starts_with("queries/no-such-question.rq: cannot read"),
            "{error}"
        );
    }

    #[test]
    fn errors_of_a_named_query_name_it() {
        let query = NamedQuery {
            name: "broken.rq".to_owned(),
            text: "SELECT ?x WHERE {".to_owned(),
        };
        let error = query
            .run(&fixture_store(), ResultsFormat::Table, &mut Vec::new())
            .unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("query `broken.rq`: SPARQL syntax error"),
            "{error}"
        );
    }

    #[test]
    fn table_aligns_columns_shortens_iris_and_truncates_long_cells() {
        let table = output(include_str!("../queries/actions.rq"), ResultsFormat::Table);
        let lines: Vec<&str> = table.lines().collect();
        let long = "Circulate the draft Global Digital Compact input to the mai…";
        assert_eq!(long.chars().count(), MAX_CELL_CHARS);
        assert_eq!(
            lines,
            [
                "date        meeting                              owner      description                                                   action_iri",
                "----------  -----------------------------------  ---------  ------------------------------------------------------------  ------------------------------",
                &format!(
                    "2024-09-12  WG-Strategy meeting 83 (2024-09-12)  Dan Delta  {long}  ggid:action/aaaaaaaaaaaaaaaa/1"
                ),
                "2024-09-12  WG-Strategy meeting 83 (2024-09-12)             Confirm the date of the next call.                            ggid:action/aaaaaaaaaaaaaaaa/2",
                "2024-10-03  WG-Strategy meeting 84 (2024-10-03)  Ben Beta   Draft the WSIS+20 consultation input.                         ggid:action/bbbbbbbbbbbbbbbb/1",
                "3 rows",
            ]
        );
    }

    #[test]
    fn table_right_aligns_numbers_and_keeps_unknown_iris_whole() {
        let table = output(
            "SELECT ?thing ?n WHERE { VALUES (?thing ?n) { (<http://example.org/x> 7) (<https://w3id.org/govgraph/ns#Meeting> 83) } } ORDER BY ?n",
            ResultsFormat::Table,
        );
        assert_eq!(
            table,
            "thing                    n\n----------------------  --\n<http://example.org/x>   7\ngg:Meeting              83\n2 rows\n"
        );
        let empty = output(
            "SELECT ?nothing WHERE { FILTER(false) }",
            ResultsFormat::Table,
        );
        assert_eq!(empty, "nothing\n-------\n0 rows\n");
    }

    #[test]
    fn csv_and_tsv_follow_the_sparql_results_formats() {
        let sparql = "PREFIX gg: <https://w3id.org/govgraph/ns#> PREFIX schema: <https://schema.org/>
            SELECT ?meeting ?number WHERE { ?meeting a gg:Meeting ; gg:meetingNumber ?number } ORDER BY ?number";
        let csv = output(sparql, ResultsFormat::Csv);
        assert_eq!(
            csv,
            "meeting,number\r\nhttps://w3id.org/govgraph/id/meeting/mag/2024-11-20,5\r\n\
             https://w3id.org/govgraph/id/meeting/wg-strategy/2024-09-12,83\r\n\
             https://w3id.org/govgraph/id/meeting/wg-strategy/2024-10-03,84\r\n"
        );
        let tsv = output(sparql, ResultsFormat::Tsv);
        let mut lines = tsv.lines();
        assert_eq!(lines.next(), Some("?meeting\t?number"));
        assert_eq!(
            lines.next(),
            Some("<https://w3id.org/govgraph/id/meeting/mag/2024-11-20>\t5")
        );
        assert_eq!(lines.count(), 2);
    }

    #[test]
    fn json_follows_the_sparql_results_format_with_unbound_cells_left_out() {
        let json = output(include_str!("../queries/actions.rq"), ResultsFormat::Json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value["head"]["vars"],
            serde_json::json!(["date", "meeting", "owner", "description", "action_iri"])
        );
        let bindings = value["results"]["bindings"].as_array().unwrap();
        assert_eq!(bindings.len(), 3);
        assert_eq!(bindings[0]["owner"]["value"], "Dan Delta");
        assert_eq!(
            bindings[0]["date"]["datatype"],
            "http://www.w3.org/2001/XMLSchema#date"
        );
        assert!(
            bindings[1].get("owner").is_none(),
            "an action without an agent has no owner binding"
        );
        assert_eq!(bindings[2]["action_iri"]["type"], "uri");
    }

    #[test]
    fn ask_answers_yes_or_no_in_a_table_and_true_or_false_elsewhere() {
        let ask = "ASK { ?meeting a <https://w3id.org/govgraph/ns#Meeting> }";
        assert_eq!(output(ask, ResultsFormat::Table), "yes\n");
        assert_eq!(
            output(
                "ASK { ?s a <http://example.org/Nothing> }",
                ResultsFormat::Table
            ),
            "no\n"
        );
        let json: serde_json::Value =
            serde_json::from_str(&output(ask, ResultsFormat::Json)).unwrap();
        assert_eq!(json["boolean"], true);
        assert_eq!(output(ask, ResultsFormat::Csv), "true\n");
    }

    #[test]
    fn construct_gives_turtle_in_a_table_and_n_triples_elsewhere() {
        let construct = "PREFIX gg: <https://w3id.org/govgraph/ns#>
            CONSTRUCT { ?meeting gg:meetingNumber ?number } WHERE { ?meeting gg:meetingNumber 5 ; gg:meetingNumber ?number }";
        let turtle = output(construct, ResultsFormat::Table);
        assert!(
            turtle.contains("@prefix ggid: <https://w3id.org/govgraph/id/> ."),
            "{turtle}"
        );
        assert!(turtle.contains("gg:meetingNumber 5"), "{turtle}");
        assert_eq!(
            output(construct, ResultsFormat::Tsv),
            "<https://w3id.org/govgraph/id/meeting/mag/2024-11-20> <https://w3id.org/govgraph/ns#meetingNumber> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
        );
    }

    #[test]
    fn results_formats_are_found_by_name_in_any_case() {
        for format in ResultsFormat::ALL {
            assert_eq!(ResultsFormat::from_name(format.name()), Some(format));
        }
        assert_eq!(ResultsFormat::from_name("JSON"), Some(ResultsFormat::Json));
        assert_eq!(ResultsFormat::from_name("xml"), None);
    }
}
