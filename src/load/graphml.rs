//! GraphML (yEd, Cytoscape, NetworkX, igraph): declared `<key>`s and their defaults, nodes,
//! edges and `<data>`, read into a [`Graph`] that remembers where each record is.

use super::fields::Attrs;
use super::graph::{Edge, Graph, Node};
use super::notice::{plural, Notice, NoticeKind};
use super::xml::{Step, Xml};
use crate::error::{ErrorKind, LoadError};
use std::collections::BTreeMap;

/// A declared key: what it is for (`node`, `edge`, `graph`, `all`), its name (lower case) and
/// default value.
#[derive(Debug, Clone)]
struct Key {
    domain: String,
    name: String,
    default: Option<String>,
}

/// Where a `<data>` sits, which says which keys it may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Graph,
    Node(usize),
    Edge(usize),
}

/// Reads a GraphML document; only its first top-level graph.
///
/// # Errors
/// A located [`LoadError`]: XML that is not well-formed, a root other than `<graphml>`, no
/// `<graph>`, a node without an id, an edge without ends, `<data>` with a key the file does
/// not declare (or declares for another kind of element), nested graphs and hyperedges.
pub(crate) fn read_graphml(text: &str) -> Result<Graph, LoadError> {
    let mut xml = Xml::new(text);
    let mut g = Graph::default();
    let mut keys: BTreeMap<String, Key> = BTreeMap::new();
    let mut stack: Vec<String> = Vec::new();
    let mut declaring: Option<String> = None;
    let mut owner: Option<Owner> = None;
    let mut directed_default = true;
    let mut graphs = 0;
    loop {
        let el = match xml.next()? {
            Step::Open(el) => el,
            Step::Close => {
                match stack.pop().as_deref() {
                    Some("node" | "edge") => owner = Some(Owner::Graph),
                    Some("key") => declaring = None,
                    _ => {}
                }
                continue;
            }
            Step::Text(_) => continue,
            Step::End => break,
        };
        let parent = stack.last().map_or("", String::as_str);
        match (parent, el.name.as_str()) {
            ("", "graphml") => {}
            ("", other) => {
                return Err(xml.error(
                    ErrorKind::Field,
                    el.at,
                    "",
                    format!("the root element is <{other}>; a GraphML file starts with <graphml>"),
                ))
            }
            ("graphml", "key") => {
                let id = el.get("id").unwrap_or_default().to_string();
                let name = el.get("attr.name").unwrap_or(&id).trim().to_lowercase();
                let domain = el.get("for").unwrap_or("all").to_string();
                keys.insert(
                    id.clone(),
                    Key {
                        domain,
                        name,
                        default: None,
                    },
                );
                declaring = Some(id);
            }
            ("key", "default") => {
                let value = xml.text_content()?;
                if let Some(k) = declaring.as_ref().and_then(|id| keys.get_mut(id)) {
                    k.default = Some(value);
                }
                continue;
            }
            ("graphml", "graph") => {
                graphs += 1;
                if graphs > 1 {
                    xml.skip()?;
                    continue;
                }
                g.at = el.at;
                directed_default = el.get("edgedefault") != Some("undirected");
                owner = Some(Owner::Graph);
            }
            ("node", "graph") => {
                return Err(xml.error(
                    ErrorKind::Unsupported,
                    el.at,
                    &format!("nodes[{}]", g.nodes.len() - 1),
                    "a graph nested inside a node is not supported; flatten it first".into(),
                ))
            }
            ("graph", "hyperedge") => {
                return Err(xml.error(
                    ErrorKind::Unsupported,
                    el.at,
                    "",
                    "hyperedges (edges joining more than two nodes) are not supported".into(),
                ))
            }
            ("graph", "node") => {
                let i = g.nodes.len();
                g.nodes.push(Node {
                    id: xml.required(&el, "id", &format!("nodes[{i}]"))?,
                    label: None,
                    attrs: Vec::new(),
                    at: el.at,
                });
                owner = Some(Owner::Node(i));
            }
            ("graph", "edge") => {
                let j = g.edges.len();
                let record = format!("edges[{j}]");
                let directed = match el.get("directed") {
                    Some(d) => d == "true",
                    None => directed_default,
                };
                g.edges.push(Edge {
                    source: xml.required(&el, "source", &record)?,
                    target: xml.required(&el, "target", &record)?,
                    directed,
                    label: None,
                    kind: None,
                    attrs: Vec::new(),
                    times: Vec::new(),
                    weighted: false,
                    at: el.at,
                });
                owner = Some(Owner::Edge(j));
            }
            ("graph" | "node" | "edge", "data") => {
                let Some(owner) = owner else {
                    xml.skip()?;
                    continue;
                };
                let (domain, record) = match owner {
                    Owner::Graph => ("graph", "graph".to_string()),
                    Owner::Node(i) => ("node", format!("nodes[{i}]")),
                    Owner::Edge(j) => ("edge", format!("edges[{j}]")),
                };
                let id = el.get("key").unwrap_or_default();
                let name = match keys.get(id) {
                    Some(k) if k.domain == domain || k.domain == "all" => k.name.clone(),
                    found => {
                        let why = found.map_or(String::from("no <key> declares it"), |k| {
                            format!("its <key> is for {}, not {domain}", k.domain)
                        });
                        return Err(xml.error(
                            ErrorKind::Undeclared,
                            el.at,
                            &format!("{record}.data"),
                            format!("<data key=\"{id}\">: {why}"),
                        ));
                    }
                };
                let at = el.at;
                let value = xml.text_content()?;
                match owner {
                    Owner::Graph => graph_data(&mut g, &name, value, at),
                    Owner::Node(i) => g.nodes[i].attrs.push((name, value)),
                    Owner::Edge(j) => {
                        g.edges[j].weighted |= name == "weight";
                        g.edges[j].attrs.push((name, value));
                    }
                }
                continue;
            }
            _ => {}
        }
        stack.push(el.name);
    }
    if graphs == 0 {
        return Err(xml.error(
            ErrorKind::Field,
            0,
            "",
            "the file has no <graph> element".into(),
        ));
    }
    for n in &mut g.nodes {
        fill_defaults(&mut n.attrs, &keys, "node");
    }
    for e in &mut g.edges {
        fill_defaults(&mut e.attrs, &keys, "edge");
    }
    if graphs > 1 {
        g.notices.push(Notice::new(
            NoticeKind::Ignored,
            graphs - 1,
            format!(
                "The file holds {graphs} graphs; only the first is read ({} left out).",
                plural(graphs - 1, "graph", "graphs")
            ),
        ));
    }
    Ok(g)
}

/// Graph-level data Entente writes: title, description, provenance.
fn graph_data(g: &mut Graph, name: &str, value: String, at: usize) {
    match name {
        "title" => g.title = Some(value.trim().to_string()),
        "description" => g.description = Some(value.trim().to_string()),
        "provenance" => g.provenance = Some((value, at)),
        _ => {}
    }
}

/// Adds the default of every key for `domain` a record does not give.
fn fill_defaults(attrs: &mut Attrs, keys: &BTreeMap<String, Key>, domain: &str) {
    for k in keys
        .values()
        .filter(|k| k.domain == domain || k.domain == "all")
    {
        if let Some(value) = &k.default {
            if !attrs.iter().any(|(name, _)| *name == k.name) {
                attrs.push((k.name.clone(), value.clone()));
            }
        }
    }
}
