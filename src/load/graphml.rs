//! GraphML (yEd, Cytoscape, NetworkX, igraph): declared `<key>`s and their defaults, nodes,
//! edges and `<data>`, read into a [`Graph`] that remembers where each record is.

use super::fields::Attrs;
use super::graph::{Edge, Graph, Node};
use super::notice::{plural, Notice, NoticeKind};
use super::xml::{walk, Element, Visit, Xml};
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
    let mut reader = GraphMl::default();
    walk(&mut xml, &mut reader)?;
    reader.finish(&xml)
}

/// The graph read so far and where the walk is in it.
#[derive(Debug, Default)]
struct GraphMl {
    g: Graph,
    keys: BTreeMap<String, Key>,
    /// The id of the `<key>` open.
    declaring: Option<String>,
    /// Whose `<data>` the walk would meet now; `None` before the first graph.
    owner: Option<Owner>,
    /// GraphML's default: edges are directed unless the graph says otherwise.
    undirected_default: bool,
    graphs: usize,
}

impl Visit for GraphMl {
    fn open(&mut self, xml: &mut Xml<'_>, open: &[String], el: Element) -> Result<bool, LoadError> {
        let parent = open.last().map_or("", String::as_str);
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
            ("graphml", "key") => self.key(&el),
            ("key", "default") => {
                let value = xml.text_content()?;
                let declaring = self.declaring.as_ref();
                if let Some(k) = declaring.and_then(|id| self.keys.get_mut(id)) {
                    k.default = Some(value);
                }
                return Ok(false);
            }
            ("graphml", "graph") => {
                self.graphs += 1;
                if self.graphs > 1 {
                    xml.skip()?;
                    return Ok(false);
                }
                self.g.at = el.at;
                self.undirected_default = el.get("edgedefault") == Some("undirected");
                self.owner = Some(Owner::Graph);
            }
            ("node", "graph") => {
                return Err(xml.error(
                    ErrorKind::Unsupported,
                    el.at,
                    &format!("nodes[{}]", self.g.nodes.len().saturating_sub(1)),
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
                let i = self.g.nodes.len();
                self.g.nodes.push(Node {
                    id: xml.required(&el, "id", &format!("nodes[{i}]"))?,
                    label: None,
                    attrs: Vec::new(),
                    at: el.at,
                });
                self.owner = Some(Owner::Node(i));
            }
            ("graph", "edge") => self.edge(xml, &el)?,
            ("graph" | "node" | "edge", "data") => {
                self.data(xml, &el)?;
                return Ok(false);
            }
            _ => {}
        }
        Ok(true)
    }

    fn close(&mut self, name: &str) {
        match name {
            "node" | "edge" => self.owner = Some(Owner::Graph),
            "key" => self.declaring = None,
            _ => {}
        }
    }
}

impl GraphMl {
    /// A `<key>`: what it is for, its name and, later, its default.
    fn key(&mut self, el: &Element) {
        let id = el.get("id").unwrap_or_default().to_string();
        let key = Key {
            domain: el.get("for").unwrap_or("all").to_string(),
            name: el.get("attr.name").unwrap_or(&id).trim().to_lowercase(),
            default: None,
        };
        self.keys.insert(id.clone(), key);
        self.declaring = Some(id);
    }

    fn edge(&mut self, xml: &Xml<'_>, el: &Element) -> Result<(), LoadError> {
        let j = self.g.edges.len();
        let record = format!("edges[{j}]");
        let directed = match el.get("directed") {
            Some(d) => d == "true",
            None => !self.undirected_default,
        };
        self.g.edges.push(Edge {
            source: xml.required(el, "source", &record)?,
            target: xml.required(el, "target", &record)?,
            directed,
            label: None,
            kind: None,
            attrs: Vec::new(),
            times: Vec::new(),
            weighted: false,
            at: el.at,
        });
        self.owner = Some(Owner::Edge(j));
        Ok(())
    }

    /// A `<data>` of the graph, node or edge open, read whole; its key must be declared for
    /// that kind of element.
    fn data(&mut self, xml: &mut Xml<'_>, el: &Element) -> Result<(), LoadError> {
        let Some(owner) = self.owner else {
            return xml.skip();
        };
        let (domain, record) = match owner {
            Owner::Graph => ("graph", "graph".to_string()),
            Owner::Node(i) => ("node", format!("nodes[{i}]")),
            Owner::Edge(j) => ("edge", format!("edges[{j}]")),
        };
        let id = el.get("key").unwrap_or_default();
        let name = match self.keys.get(id) {
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
        let value = xml.text_content()?;
        match owner {
            Owner::Graph => graph_data(&mut self.g, &name, value, el.at),
            Owner::Node(i) => self.g.nodes[i].attrs.push((name, value)),
            Owner::Edge(j) => {
                self.g.edges[j].weighted |= name == "weight";
                self.g.edges[j].attrs.push((name, value));
            }
        }
        Ok(())
    }

    /// The graph, with the keys' defaults filled in and a notice for graphs left out.
    fn finish(mut self, xml: &Xml<'_>) -> Result<Graph, LoadError> {
        if self.graphs == 0 {
            let message = "the file has no <graph> element".into();
            return Err(xml.error(ErrorKind::Field, 0, "", message));
        }
        for n in &mut self.g.nodes {
            fill_defaults(&mut n.attrs, &self.keys, "node");
        }
        for e in &mut self.g.edges {
            fill_defaults(&mut e.attrs, &self.keys, "edge");
        }
        let graphs = self.graphs;
        if graphs > 1 {
            self.g.notices.push(Notice::new(
                NoticeKind::Ignored,
                graphs - 1,
                format!(
                    "The file holds {graphs} graphs; only the first is read ({} left out).",
                    plural(graphs - 1, "graph", "graphs")
                ),
            ));
        }
        Ok(self.g)
    }
}

/// Graph-level data Entente writes: title, description, provenance, the `edited` day.
fn graph_data(g: &mut Graph, name: &str, value: String, at: usize) {
    match name {
        "title" => g.title = Some(value.trim().to_string()),
        "description" => g.description = Some(value.trim().to_string()),
        "provenance" => g.provenance = Some((value, at)),
        "edited" => g.edited = Some((value, at)),
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
