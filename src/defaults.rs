//! The embedded defaults: curated data, shipped queries and the corpus, compiled into the binary
//! so that govgraph works from any directory. User files extend them through `--data DIR`.

/// Curated Turtle files shipped in `data/`, as (file name, content).
pub const DATA: &[(&str, &str)] = &[
    ("ontology.ttl", include_str!("../data/ontology.ttl")),
    ("processes.ttl", include_str!("../data/processes.ttl")),
    ("organisations.ttl", include_str!("../data/organisations.ttl")),
    ("governments.ttl", include_str!("../data/governments.ttl")),
    ("aliases.ttl", include_str!("../data/aliases.ttl")),
];

/// Shipped questions in `queries/`, as (name, SPARQL text).
pub const QUERIES: &[(&str, &str)] = &[
    ("connected-processes", include_str!("../queries/connected-processes.rq")),
    ("orgs-by-attendance", include_str!("../queries/orgs-by-attendance.rq")),
    ("stakeholder-groups", include_str!("../queries/stakeholder-groups.rq")),
    ("people-by-attendance", include_str!("../queries/people-by-attendance.rq")),
    ("process-timeline", include_str!("../queries/process-timeline.rq")),
    ("who-speaks-about", include_str!("../queries/who-speaks-about.rq")),
    ("actions", include_str!("../queries/actions.rq")),
];

/// The five summaries of `data/corpus`, the default input of `govgraph build`.
pub const CORPUS: &[(&str, &str)] = &[
    ("000_e82e37b7617ebdf0.txt", include_str!("../data/corpus/000_e82e37b7617ebdf0.txt")),
    ("001_ceaaf67663b75e7d.txt", include_str!("../data/corpus/001_ceaaf67663b75e7d.txt")),
    ("002_b1b9358156c5305c.txt", include_str!("../data/corpus/002_b1b9358156c5305c.txt")),
    ("003_d2900facdc37693b.txt", include_str!("../data/corpus/003_d2900facdc37693b.txt")),
    ("004_32427b79369b41ed.txt", include_str!("../data/corpus/004_32427b79369b41ed.txt")),
];
