//! Analyse: network measures of the maps, computed with petgraph.
//!
//! Two networks are analysed: the co-discussion network of processes (the `processes` map: two
//! processes are linked by the agenda items that discuss both) and the organisation–process
//! network (the `actors` map). For each node: degree, weighted degree and betweenness
//! centrality; for each network: communities found by deterministic Louvain local moving, and
//! the bridges, the edges that join two communities.
//!
//! The algorithms ([`degrees`], [`betweenness`], [`communities`], [`bridges`]) take any petgraph
//! undirected graph with `u32` edge weights, so they can be tested on small hand-built graphs.
//! [`to_quads`] states the results in the derived graph `ggid:graph/analytics` with the
//! `gg:degree`, `gg:weightedDegree`, `gg:betweenness`, `gg:community` and `gg:bridgesTo`
//! terms of `docs/ONTOLOGY.md` ("Derived").

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::io::{self, Write};

use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

use crate::export::{self, ExportError, ExportOptions, View};
use crate::store::{GraphStore, StoreError};
use crate::vocab::{gg, rdf, rdfs};

/// Why an analysis could not be made or stored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AnalyseError {
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The measures of one node.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeScore {
    pub iri: String,
    pub label: String,
    /// "process" or "organisation".
    pub kind: &'static str,
    /// Number of neighbours.
    pub degree: usize,
    /// Sum of the weights of its edges.
    pub weighted_degree: u32,
    /// Share of shortest paths between other nodes that pass through it, normalised to 0..=1.
    pub betweenness: f64,
    /// Index into [`Network::communities`].
    pub community: usize,
}

/// An edge that joins two communities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bridge {
    pub a: String,
    pub b: String,
    pub weight: u32,
}

/// The analysis of one network.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// "processes" (co-discussion) or "actors" (organisation–process).
    pub name: &'static str,
    /// Nodes, most central (betweenness, then weighted degree) first.
    pub nodes: Vec<NodeScore>,
    /// Communities as lists of IRIs, largest first.
    pub communities: Vec<Vec<String>>,
    pub bridges: Vec<Bridge>,
}

/// Both networks.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub networks: Vec<Network>,
}

/// The graph that holds the stored measures.
pub fn analytics_graph(base: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{base}graph/analytics"))
}

/// Analyses the co-discussion network of processes and the organisation–process network.
pub fn run(store: &GraphStore) -> Result<Analysis, AnalyseError> {
    let options = ExportOptions::default();
    let mut networks = Vec::new();
    for (name, view) in [("processes", View::Processes), ("actors", View::Actors)] {
        let graph = export::network(store, view, &options)?;
        networks.push(analyse_graph(name, &graph));
    }
    Ok(Analysis { networks })
}

/// Measures one graph whose nodes are (IRI, label, kind).
pub fn analyse_graph(
    name: &'static str,
    graph: &UnGraph<(String, String, &'static str), u32>,
) -> Network {
    let degree = degrees(graph);
    let between = betweenness(graph);
    let community_of = communities(graph);
    let mut members: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for n in graph.node_indices() {
        members
            .entry(community_of[n.index()])
            .or_default()
            .push(graph[n].0.clone());
    }
    // Communities numbered by size, then by their first IRI, so the numbering is stable.
    let mut ordered: Vec<(usize, Vec<String>)> = members.into_iter().collect();
    ordered.sort_by(|(_, a), (_, b)| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let renumber: BTreeMap<usize, usize> = ordered
        .iter()
        .enumerate()
        .map(|(new, (old, _))| (*old, new))
        .collect();
    let mut nodes: Vec<NodeScore> = graph
        .node_indices()
        .map(|n| NodeScore {
            iri: graph[n].0.clone(),
            label: graph[n].1.clone(),
            kind: graph[n].2,
            degree: degree[n.index()].0,
            weighted_degree: degree[n.index()].1,
            betweenness: between[n.index()],
            community: renumber[&community_of[n.index()]],
        })
        .collect();
    nodes.sort_by(|a, b| {
        b.betweenness
            .total_cmp(&a.betweenness)
            .then(b.weighted_degree.cmp(&a.weighted_degree))
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.iri.cmp(&b.iri))
    });
    let mut bridge_list: Vec<Bridge> = bridges(graph, &community_of)
        .into_iter()
        .map(|(a, b, weight)| Bridge {
            a: graph[a].0.clone(),
            b: graph[b].0.clone(),
            weight,
        })
        .collect();
    bridge_list.sort_by(|x, y| {
        y.weight
            .cmp(&x.weight)
            .then_with(|| (&x.a, &x.b).cmp(&(&y.a, &y.b)))
    });
    Network {
        name,
        nodes,
        communities: ordered.into_iter().map(|(_, m)| m).collect(),
        bridges: bridge_list,
    }
}

/// (degree, weighted degree) of every node, by node index.
pub fn degrees<N>(graph: &UnGraph<N, u32>) -> Vec<(usize, u32)> {
    graph
        .node_indices()
        .map(|n| {
            let neighbours: BTreeSet<NodeIndex> = graph.neighbors(n).filter(|&m| m != n).collect();
            let weight = graph.edges(n).map(|e| *e.weight()).sum();
            (neighbours.len(), weight)
        })
        .collect()
}

/// Betweenness centrality of every node (Brandes' algorithm, unweighted shortest paths),
/// normalised by the number of pairs of other nodes, (n−1)(n−2)/2, so that 1 means every
/// shortest path passes through the node.
pub fn betweenness<N>(graph: &UnGraph<N, u32>) -> Vec<f64> {
    let n = graph.node_count();
    let mut centrality = vec![0.0; n];
    for s in graph.node_indices() {
        let mut stack = Vec::new();
        let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut paths = vec![0.0_f64; n];
        let mut distance = vec![-1_i64; n];
        paths[s.index()] = 1.0;
        distance[s.index()] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            let neighbours: BTreeSet<NodeIndex> = graph.neighbors(v).collect();
            for w in neighbours {
                if distance[w.index()] < 0 {
                    distance[w.index()] = distance[v.index()] + 1;
                    queue.push_back(w);
                }
                if distance[w.index()] == distance[v.index()] + 1 {
                    paths[w.index()] += paths[v.index()];
                    predecessors[w.index()].push(v.index());
                }
            }
        }
        let mut dependency = vec![0.0; n];
        while let Some(w) = stack.pop() {
            for &v in &predecessors[w.index()] {
                dependency[v] += paths[v] / paths[w.index()] * (1.0 + dependency[w.index()]);
            }
            if w != s {
                centrality[w.index()] += dependency[w.index()];
            }
        }
    }
    // Each pair was counted from both ends.
    let pairs = if n > 2 {
        ((n - 1) * (n - 2)) as f64
    } else {
        1.0
    };
    centrality.iter().map(|c| c / pairs).collect()
}

/// Community of every node, by node index: Louvain's local moving phase on the weighted graph,
/// visiting nodes in index order and breaking ties by the smaller community, so the same graph
/// always gives the same communities. Communities are labelled by the smallest node index in them.
pub fn communities<N>(graph: &UnGraph<N, u32>) -> Vec<usize> {
    let n = graph.node_count();
    let mut community: Vec<usize> = (0..n).collect();
    let weight_of = |node: NodeIndex| -> f64 {
        graph
            .edges(node)
            .map(|e| f64::from(*e.weight()) * if e.source() == e.target() { 2.0 } else { 1.0 })
            .sum()
    };
    let strength: Vec<f64> = graph.node_indices().map(weight_of).collect();
    let total: f64 = strength.iter().sum();
    if total == 0.0 {
        return community;
    }
    let mut community_strength = strength.clone();
    for _round in 0..100 {
        let mut moved = false;
        for node in graph.node_indices() {
            let i = node.index();
            let own = community[i];
            let mut links: BTreeMap<usize, f64> = BTreeMap::new();
            for edge in graph.edges(node) {
                let other = if edge.source() == node {
                    edge.target()
                } else {
                    edge.source()
                };
                if other != node {
                    *links.entry(community[other.index()]).or_default() +=
                        f64::from(*edge.weight());
                }
            }
            community_strength[own] -= strength[i];
            // Modularity gain of joining c: links_to_c − strength_i × strength_c / total.
            let gain =
                |c: usize, links_to: f64| links_to - strength[i] * community_strength[c] / total;
            let mut best = (own, gain(own, links.get(&own).copied().unwrap_or(0.0)));
            for (&c, &links_to) in &links {
                let g = gain(c, links_to);
                if g > best.1 + 1e-12 || ((g - best.1).abs() <= 1e-12 && c < best.0) {
                    best = (c, g);
                }
            }
            community_strength[best.0] += strength[i];
            if best.0 != own {
                community[i] = best.0;
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    // Relabel each community by its smallest member.
    let mut smallest: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, &c) in community.iter().enumerate() {
        smallest.entry(c).or_insert(i);
    }
    community.iter().map(|c| smallest[c]).collect()
}

/// The edges whose ends are in different communities, with their weights.
pub fn bridges<N>(
    graph: &UnGraph<N, u32>,
    community: &[usize],
) -> Vec<(NodeIndex, NodeIndex, u32)> {
    graph
        .edge_references()
        .filter(|e| community[e.source().index()] != community[e.target().index()])
        .map(|e| (e.source(), e.target(), *e.weight()))
        .collect()
}

/// The analysis as quads of `ggid:graph/analytics` (see `docs/ONTOLOGY.md`, "Derived").
/// Processes take their measures from the co-discussion network, organisations from the
/// organisation–process network.
pub fn to_quads(analysis: &Analysis, base: &str) -> Vec<Quad> {
    let graph = GraphName::NamedNode(analytics_graph(base));
    let mut quads = Vec::new();
    let mut add =
        |s: &NamedNode, p: oxigraph::model::NamedNodeRef<'_>, o: oxigraph::model::Term| {
            quads.push(Quad::new(s.clone(), p.into_owned(), o, graph.clone()));
        };
    for network in &analysis.networks {
        let wanted = match network.name {
            "processes" => "process",
            _ => "organisation",
        };
        for (number, members) in network.communities.iter().enumerate() {
            let community = NamedNode::new_unchecked(format!(
                "{base}community/{}/{}",
                network.name,
                number + 1
            ));
            add(&community, rdf::TYPE, gg::COMMUNITY.into_owned().into());
            let labels: Vec<&str> = network
                .nodes
                .iter()
                .filter(|n| members.contains(&n.iri))
                .take(3)
                .map(|n| n.label.as_str())
                .collect();
            add(
                &community,
                rdfs::LABEL,
                Literal::new_simple_literal(format!(
                    "{} community {}: {}",
                    network.name,
                    number + 1,
                    labels.join(", ")
                ))
                .into(),
            );
        }
        for node in network.nodes.iter().filter(|n| n.kind == wanted) {
            let subject = NamedNode::new_unchecked(&node.iri);
            add(
                &subject,
                gg::DEGREE,
                Literal::from(node.degree as i64).into(),
            );
            add(
                &subject,
                gg::WEIGHTED_DEGREE,
                Literal::from(i64::from(node.weighted_degree)).into(),
            );
            add(
                &subject,
                gg::BETWEENNESS,
                Literal::from((node.betweenness * 1e6).round() / 1e6).into(),
            );
            let community = NamedNode::new_unchecked(format!(
                "{base}community/{}/{}",
                network.name,
                node.community + 1
            ));
            add(&subject, gg::COMMUNITY_PROP, community.into());
        }
        for bridge in &network.bridges {
            let (a, b) = (
                NamedNode::new_unchecked(&bridge.a),
                NamedNode::new_unchecked(&bridge.b),
            );
            add(&a, gg::BRIDGES_TO, b.clone().into());
            add(&b, gg::BRIDGES_TO, a.into());
        }
    }
    quads.sort_by_key(|q| q.to_string());
    quads.dedup();
    quads
}

/// Stores the analysis in `ggid:graph/analytics`; true when the graph changed.
pub fn write(store: &GraphStore, analysis: &Analysis, base: &str) -> Result<bool, AnalyseError> {
    Ok(store.sync_graph(analytics_graph(base).as_ref(), &to_quads(analysis, base), None)?)
}

/// The analysis as text for people: per network, the most central nodes, the communities and the bridges.
pub fn write_text(analysis: &Analysis, out: &mut impl Write) -> io::Result<()> {
    for network in &analysis.networks {
        let title = match network.name {
            "processes" => "Processes discussed together (co-discussion network)",
            _ => {
                "Organisations and the processes their people spoke about (organisation–process network)"
            }
        };
        writeln!(out, "{title}")?;
        writeln!(
            out,
            "  {:<48} {:>6} {:>8} {:>11} {:>9}",
            "node", "degree", "weighted", "betweenness", "community"
        )?;
        for node in &network.nodes {
            writeln!(
                out,
                "  {:<48} {:>6} {:>8} {:>11.3} {:>9}",
                truncate(&node.label, 48),
                node.degree,
                node.weighted_degree,
                node.betweenness,
                node.community + 1
            )?;
        }
        let label = |iri: &str| {
            network
                .nodes
                .iter()
                .find(|n| n.iri == iri)
                .map_or(iri.to_owned(), |n| n.label.clone())
        };
        writeln!(out, "  communities:")?;
        for (number, members) in network.communities.iter().enumerate() {
            let names: Vec<String> = members.iter().map(|m| label(m)).collect();
            writeln!(out, "    {}: {}", number + 1, names.join(", "))?;
        }
        writeln!(out, "  bridges between communities:")?;
        if network.bridges.is_empty() {
            writeln!(out, "    none")?;
        }
        for bridge in &network.bridges {
            writeln!(
                out,
                "    {} — {} (weight {})",
                label(&bridge.a),
                label(&bridge.b),
                bridge.weight
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max - 1).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two triangles {0,1,2} and {3,4,5} joined by the edge 2–3.
    fn two_triangles() -> UnGraph<(String, String, &'static str), u32> {
        let mut graph = UnGraph::new_undirected();
        let nodes: Vec<NodeIndex> = (0..6)
            .map(|i| graph.add_node((format!("urn:n{i}"), format!("n{i}"), "process")))
            .collect();
        for (a, b) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)] {
            graph.add_edge(nodes[a], nodes[b], 1);
        }
        graph
    }

    #[test]
    fn betweenness_of_a_path_and_of_two_triangles() {
        let mut path = UnGraph::<(), u32>::new_undirected();
        let (a, b, c) = (path.add_node(()), path.add_node(()), path.add_node(()));
        path.add_edge(a, b, 1);
        path.add_edge(b, c, 1);
        assert_eq!(betweenness(&path), [0.0, 1.0, 0.0]);
        // 2 and 3 each lie on 6 of the 10 pairs of other nodes.
        let scores = betweenness(&two_triangles());
        let expected = [0.0, 0.0, 0.6, 0.6, 0.0, 0.0];
        for (got, want) in scores.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{scores:?}");
        }
    }

    #[test]
    fn betweenness_splits_between_equal_paths() {
        // A square 0–1–2–3–0: 1 and 3 each carry half of the pair (0, 2).
        let mut square = UnGraph::<(), u32>::new_undirected();
        let n: Vec<NodeIndex> = (0..4).map(|_| square.add_node(())).collect();
        for (a, b) in [(0, 1), (1, 2), (2, 3), (3, 0)] {
            square.add_edge(n[a], n[b], 1);
        }
        let scores = betweenness(&square);
        for score in scores {
            assert!((score - 0.5 / 3.0).abs() < 1e-9);
        }
    }

    #[test]
    fn degrees_count_neighbours_and_weights() {
        let mut graph = two_triangles();
        let e = graph
            .find_edge(NodeIndex::new(2), NodeIndex::new(3))
            .unwrap();
        graph[e] = 5;
        let degree = degrees(&graph);
        assert_eq!(degree[2], (3, 7));
        assert_eq!(degree[0], (2, 2));
    }

    #[test]
    fn two_triangles_are_two_communities_joined_by_one_bridge() {
        let graph = two_triangles();
        let community = communities(&graph);
        assert_eq!(community, [0, 0, 0, 3, 3, 3]);
        let found = bridges(&graph, &community);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0.index(), found[0].1.index()), (2, 3));
        let network = analyse_graph("processes", &graph);
        assert_eq!(network.communities.len(), 2);
        assert_eq!(
            network.bridges,
            [Bridge {
                a: "urn:n2".into(),
                b: "urn:n3".into(),
                weight: 1
            }]
        );
        assert_eq!(network.nodes[0].label, "n2");
    }

    #[test]
    fn communities_do_not_depend_on_edge_order() {
        let graph = two_triangles();
        let mut reversed = UnGraph::new_undirected();
        for n in graph.node_indices() {
            reversed.add_node(graph[n].clone());
        }
        let mut edges: Vec<_> = graph
            .edge_references()
            .map(|e| (e.source(), e.target()))
            .collect();
        edges.reverse();
        for (a, b) in edges {
            reversed.add_edge(b, a, 1);
        }
        assert_eq!(communities(&graph), communities(&reversed));
    }

    #[test]
    fn quads_state_measures_of_processes_in_the_analytics_graph() {
        let analysis = Analysis {
            networks: vec![analyse_graph("processes", &two_triangles())],
        };
        let quads = to_quads(&analysis, "urn:base/");
        let text: Vec<String> = quads.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .all(|q| q.ends_with("<urn:base/graph/analytics>"))
        );
        assert!(
            text.iter()
                .any(|q| q
                    .starts_with("<urn:n2> <https://w3id.org/govgraph/ns#betweenness> \"0.6\"")),
            "{text:#?}"
        );
        assert!(
            text.iter().any(
                |q| q.starts_with("<urn:n2> <https://w3id.org/govgraph/ns#bridgesTo> <urn:n3>")
            )
        );
        assert_eq!(
            text.iter().filter(|q| q.contains("ns#community> ")).count(),
            6
        );
    }
}
