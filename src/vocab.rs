//! IRI constants of the data model (docs/ONTOLOGY.md), in one place.
//!
//! Every other module names terms through these constants instead of string literals,
//! so the vocabulary can be audited here and changed together with the ontology.

use oxigraph::model::NamedNodeRef;

/// Declares `pub const NAME: NamedNodeRef` items under one namespace.
macro_rules! terms {
    ($ns:literal; $($name:ident = $local:literal),* $(,)?) => {
        $(pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));)*
    };
}

/// The project's vocabulary, `gg:`.
pub mod gg {
    use super::*;
    pub const NS: &str = "https://w3id.org/govgraph/ns#";
    terms!("https://w3id.org/govgraph/ns#";
        DOCUMENT = "Document", MEETING = "Meeting", AGENDA_ITEM = "AgendaItem", STATEMENT = "Statement",
        ACTION_ITEM = "ActionItem", PROCESS = "Process",
        SHA256 = "sha256", MEETING_NUMBER = "meetingNumber", MODERATOR = "moderator",
        NEXT_MEETING = "nextMeeting", SPEAKER = "speaker", ABOUT = "about", IN_MEETING = "inMeeting",
        IN_AGENDA_ITEM = "inAgendaItem", CHAR_START = "charStart", CHAR_END = "charEnd", STATED_IN = "statedIn",
        GOVERNMENT = "Government", INTERGOVERNMENTAL = "IntergovernmentalOrganisation",
        CIVIL_SOCIETY = "CivilSociety", PRIVATE_SECTOR = "PrivateSector",
        TECHNICAL_COMMUNITY = "TechnicalCommunity", ACADEMIA = "Academia",
    );
    // Derived measures of `govgraph analyse --write` (graph ggid:graph/analytics).
    terms!("https://w3id.org/govgraph/ns#";
        COMMUNITY = "Community", DEGREE = "degree", WEIGHTED_DEGREE = "weightedDegree",
        BETWEENNESS = "betweenness", COMMUNITY_PROP = "community", BRIDGES_TO = "bridgesTo",
    );
}

pub mod foaf {
    use super::*;
    terms!("http://xmlns.com/foaf/0.1/"; PERSON = "Person", NAME = "name", DOCUMENT = "Document");
}

pub mod org {
    use super::*;
    terms!("http://www.w3.org/ns/org#";
        ORGANIZATION = "Organization", MEMBERSHIP = "Membership", ROLE = "Role", MEMBER = "member",
        ORGANIZATION_PROP = "organization", ROLE_PROP = "role", MEMBER_OF = "memberOf",
        SUB_ORGANIZATION_OF = "subOrganizationOf", CLASSIFICATION = "classification",
    );
}

pub mod schema {
    use super::*;
    terms!("https://schema.org/";
        EVENT = "Event", ACTION = "Action", START_DATE = "startDate", END_DATE = "endDate",
        ORGANIZER = "organizer", ATTENDEE = "attendee", SUB_EVENT = "subEvent", SUPER_EVENT = "superEvent",
        POSITION = "position", MENTIONS = "mentions", AGENT = "agent", DESCRIPTION = "description",
        ACTION_STATUS = "actionStatus", POTENTIAL_ACTION_STATUS = "PotentialActionStatus",
    );
}

pub mod skos {
    use super::*;
    terms!("http://www.w3.org/2004/02/skos/core#";
        CONCEPT = "Concept", CONCEPT_SCHEME = "ConceptScheme", IN_SCHEME = "inScheme",
        PREF_LABEL = "prefLabel", ALT_LABEL = "altLabel", HIDDEN_LABEL = "hiddenLabel",
        DEFINITION = "definition", RELATED = "related",
    );
}

pub mod prov {
    use super::*;
    terms!("http://www.w3.org/ns/prov#"; ENTITY = "Entity", WAS_DERIVED_FROM = "wasDerivedFrom", VALUE = "value");
}

pub mod dcterms {
    use super::*;
    terms!("http://purl.org/dc/terms/";
        TITLE = "title", IDENTIFIER = "identifier", FORMAT = "format", SUBJECT = "subject", IS_PART_OF = "isPartOf",
    );
}

pub mod rdfs {
    pub use oxigraph::model::vocab::rdfs::*;
}

pub mod rdf {
    pub use oxigraph::model::vocab::rdf::*;
}

pub mod xsd {
    pub use oxigraph::model::vocab::xsd::*;
}

/// Prefix declarations for SPARQL text and Turtle output, in the order ONTOLOGY.md lists them.
pub const PREFIXES: &[(&str, &str)] = &[
    ("gg", "https://w3id.org/govgraph/ns#"),
    ("ggid", DEFAULT_BASE),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("org", "http://www.w3.org/ns/org#"),
    ("schema", "https://schema.org/"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("dcterms", "http://purl.org/dc/terms/"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
];

/// The default base of the project's resource IRIs (`ggid:`).
pub const DEFAULT_BASE: &str = "https://w3id.org/govgraph/id/";

/// `PREFIX` lines for every entry of [`PREFIXES`], to prepend to SPARQL text.
pub fn sparql_prefixes() -> String {
    PREFIXES.iter().map(|(p, iri)| format!("PREFIX {p}: <{iri}>\n")).collect()
}

/// An RDF serializer for `format` that writes the vocabulary's prefixes ([`PREFIXES`]).
pub fn serializer(format: oxigraph::io::RdfFormat) -> oxigraph::io::RdfSerializer {
    let mut serializer = oxigraph::io::RdfSerializer::from_format(format);
    for (prefix, iri) in PREFIXES {
        serializer = serializer.with_prefix(*prefix, *iri).expect("the vocabulary's prefixes are valid IRIs");
    }
    serializer
}
