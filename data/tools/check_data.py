#!/usr/bin/env python3
"""Check govgraph's curated data files (data/*.ttl) for the rules in data/README.md.

Usage: python3 data/tools/check_data.py [DIR ...]   (default: the data/ directory above this script)
Needs only pyoxigraph (`python3 -m pip install pyoxigraph`). Exits 1, naming the entity and the label,
when any rule is broken:

  * every entity (an IRI with a label, an organisation or a process) has exactly one rdfs:label;
  * no two entities share a label, altLabel or hiddenLabel after normalisation
    (NFKD, accents dropped, casefolded, every run of characters other than letters, digits and '+'
    turned into one space, stripped);
  * labels are plain literals (no language tag), not empty and not a banned name ("IGF",
    "Internet Governance Forum", "Open Consultation", "MAG Meeting"); aliases (altLabel,
    hiddenLabel) are not a bare year and not a common English word;
  * every org:Organization has an org:classification among the six stakeholder groups;
  * every gg:Process has skos:inScheme ggid:scheme/processes;
  * every dcterms:isPartOf, org:subOrganizationOf and skos:related target is defined in the data.
"""

from __future__ import annotations

import collections
import pathlib
import re
import sys
import unicodedata

import pyoxigraph as ox

GG = "https://w3id.org/govgraph/ns#"
GGID = "https://w3id.org/govgraph/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS = "http://www.w3.org/2004/02/skos/core#"
ALT_LABEL = ox.NamedNode(SKOS + "altLabel")
HIDDEN_LABEL = ox.NamedNode(SKOS + "hiddenLabel")
PREF_LABEL = ox.NamedNode(SKOS + "prefLabel")
IN_SCHEME = ox.NamedNode(SKOS + "inScheme")
RELATED = ox.NamedNode(SKOS + "related")
IS_PART_OF = ox.NamedNode("http://purl.org/dc/terms/isPartOf")
ORG = "http://www.w3.org/ns/org#"
ORGANIZATION = ox.NamedNode(ORG + "Organization")
CLASSIFICATION = ox.NamedNode(ORG + "classification")
SUB_ORG_OF = ox.NamedNode(ORG + "subOrganizationOf")
PROCESS = ox.NamedNode(GG + "Process")
PROCESS_SCHEME = ox.NamedNode(GGID + "scheme/processes")
STAKEHOLDER_GROUPS = {
    ox.NamedNode(GG + name)
    for name in ("Government", "IntergovernmentalOrganisation", "CivilSociety", "PrivateSector", "TechnicalCommunity", "Academia")
}
LABEL_PREDICATES = (RDFS_LABEL, PREF_LABEL, ALT_LABEL, HIDDEN_LABEL)
LINK_PREDICATES = (IS_PART_OF, SUB_ORG_OF, RELATED)

# Names deliberately left ambiguous (the extractor decides from context), never a curated label.
BANNED = {"igf", "internet governance forum", "open consultation", "mag meeting"}
# Everyday words that would match far too much text if used as an alias.
COMMON_WORDS = {
    "agenda", "apple", "board", "committee", "council", "declaration", "forum", "group", "meeting",
    "pact", "panel", "plan", "process", "review", "roadmap", "secretariat", "summit", "track",
    "working group", "wg", "us", "it", "may", "will", "chair",
}


def normalise(label: str) -> str:
    """The form under which two labels count as the same name."""
    decomposed = unicodedata.normalize("NFKD", label)
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = without_accents.casefold()
    spaced = "".join(ch if ch.isalnum() or ch == "+" else " " for ch in folded)
    return re.sub(r"\s+", " ", spaced).strip()


def short(term: ox.NamedNode | ox.BlankNode) -> str:
    value = term.value if isinstance(term, ox.NamedNode) else f"_:{term.value}"
    for prefix, iri in (("ggid:", GGID), ("gg:", GG), ("org:", ORG), ("skos:", SKOS), ("dcterms:", "http://purl.org/dc/terms/")):
        if value.startswith(iri):
            return prefix + value[len(iri):]
    return f"<{value}>"


def load(dirs: list[pathlib.Path]) -> tuple[ox.Store, dict[ox.NamedNode, set[str]], list[str]]:
    """Loads every .ttl of the directories; also returns which file(s) each subject is described in."""
    store = ox.Store()
    files_of: dict[ox.NamedNode, set[str]] = collections.defaultdict(set)
    problems: list[str] = []
    for directory in dirs:
        paths = sorted(directory.glob("*.ttl"))
        if not paths:
            problems.append(f"{directory}: no .ttl files")
        for path in paths:
            try:
                graph = ox.NamedNode(path.resolve().as_uri())
                store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=graph)
            except (SyntaxError, OSError) as error:
                problems.append(f"{path}: cannot load: {error}")
                continue
            for quad in store.quads_for_pattern(None, None, None, graph):
                if isinstance(quad.subject, ox.NamedNode):
                    files_of[quad.subject].add(path.name)
    return store, files_of, problems


def objects(store: ox.Store, subject, predicate) -> list:
    return [quad.object for quad in store.quads_for_pattern(subject, predicate, None, None)]


def check(store: ox.Store, files_of: dict[ox.NamedNode, set[str]]) -> list[str]:
    problems: list[str] = []
    entities = {
        quad.subject
        for predicate in LABEL_PREDICATES
        for quad in store.quads_for_pattern(None, predicate, None, None)
        if isinstance(quad.subject, ox.NamedNode)
    }
    entities |= {quad.subject for quad in store.quads_for_pattern(None, RDF_TYPE, ORGANIZATION, None)}
    entities |= {quad.subject for quad in store.quads_for_pattern(None, RDF_TYPE, PROCESS, None)}

    def where(entity) -> str:
        return f"{short(entity)} ({', '.join(sorted(files_of.get(entity, ()))) or '?'})"

    owner: dict[str, tuple[ox.NamedNode, str]] = {}
    for entity in sorted(entities, key=lambda term: term.value):
        labels = {literal.value for literal in objects(store, entity, RDFS_LABEL)}
        if len(labels) != 1:
            problems.append(f"{where(entity)}: {len(labels)} rdfs:label values {sorted(labels)}, expected exactly 1")
        for predicate in LABEL_PREDICATES:
            for literal in objects(store, entity, predicate):
                if not isinstance(literal, ox.Literal):
                    problems.append(f"{where(entity)}: {short(predicate)} {literal} is not a literal")
                    continue
                name = literal.value
                if literal.language:
                    problems.append(f"{where(entity)}: label \"{name}\"@{literal.language} has a language tag; use plain literals")
                if name != name.strip() or "  " in name:
                    problems.append(f"{where(entity)}: label \"{name}\" has stray whitespace")
                key = normalise(name)
                if not key:
                    problems.append(f"{where(entity)}: empty label \"{name}\"")
                    continue
                if key in BANNED:
                    problems.append(f"{where(entity)}: label \"{name}\" is deliberately ambiguous and must not be curated")
                if predicate in (ALT_LABEL, HIDDEN_LABEL) and (re.fullmatch(r"\d{4}", key) or key in COMMON_WORDS):
                    problems.append(f"{where(entity)}: alias \"{name}\" is a bare year or a common English word")
                if key in owner and owner[key][0] != entity:
                    other, other_name = owner[key]
                    problems.append(
                        f"label collision \"{name}\" on {where(entity)} with \"{other_name}\" on {where(other)}"
                    )
                owner.setdefault(key, (entity, name))

    for quad in store.quads_for_pattern(None, RDF_TYPE, ORGANIZATION, None):
        groups = objects(store, quad.subject, CLASSIFICATION)
        if not groups:
            problems.append(f"{where(quad.subject)}: organisation without org:classification")
        for group in groups:
            if group not in STAKEHOLDER_GROUPS:
                problems.append(f"{where(quad.subject)}: org:classification {group} is not a stakeholder group")

    for quad in store.quads_for_pattern(None, RDF_TYPE, PROCESS, None):
        if PROCESS_SCHEME not in objects(store, quad.subject, IN_SCHEME):
            problems.append(f"{where(quad.subject)}: process without skos:inScheme ggid:scheme/processes")

    defined = {quad.subject for quad in store.quads_for_pattern(None, RDF_TYPE, None, None)} | entities
    for predicate in LINK_PREDICATES:
        for quad in store.quads_for_pattern(None, predicate, None, None):
            if quad.object not in defined:
                problems.append(f"{where(quad.subject)}: {short(predicate)} target {short(quad.object)} is not defined")
            if quad.object == quad.subject:
                problems.append(f"{where(quad.subject)}: {short(predicate)} points to itself")
    return problems


def main(argv: list[str]) -> int:
    dirs = [pathlib.Path(arg) for arg in argv] or [pathlib.Path(__file__).resolve().parent.parent]
    store, files_of, problems = load(dirs)
    problems += check(store, files_of)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    n_orgs = sum(1 for _ in store.quads_for_pattern(None, RDF_TYPE, ORGANIZATION, None))
    n_processes = sum(1 for _ in store.quads_for_pattern(None, RDF_TYPE, PROCESS, None))
    print(f"ok: {len(store)} triples, {n_orgs} organisations, {n_processes} processes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
