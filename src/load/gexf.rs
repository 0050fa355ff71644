//! GEXF 1.0–1.3 (Gephi's format): nodes, edges, declared attributes and their defaults, edge
//! spells and `start` times, read into a [`Graph`] that remembers where each record is.

use super::fields::{calendar_date, Attrs};
use super::graph::{Edge, Graph, Node, Spell};
use super::notice::{plural, verb, Notice, NoticeKind};
use super::xml::{walk, Element, Visit, Xml};
use crate::error::{ErrorKind, LoadError};
use std::collections::BTreeMap;

/// A declared attribute: its title (lower case) and default value.
#[derive(Debug, Clone)]
struct Declared {
    title: String,
    default: Option<String>,
}

/// Declarations of `<attributes class="node">` (0) and `class="edge"` (1).
type Declarations = [BTreeMap<String, Declared>; 2];

const CLASSES: [&str; 2] = ["node", "edge"];

/// Reads a GEXF document.
///
/// # Errors
/// A located [`LoadError`]: XML that is not well-formed, a root other than `<gexf>`, no
/// `<graph>`, a node without an id, an edge without ends, or an `<attvalue>` for an attribute
/// the file does not declare.
pub(crate) fn read_gexf(text: &str) -> Result<Graph, LoadError> {
    let mut xml = Xml::new(text);
    let mut reader = Gexf::default();
    walk(&mut xml, &mut reader)?;
    reader.finish(&xml)
}

/// The graph read so far and where the walk is in it.
#[derive(Debug, Default)]
struct Gexf {
    g: Graph,
    decls: Declarations,
    /// The class of the `<attributes>` open, as an index of [`CLASSES`].
    class: Option<usize>,
    /// The id of the `<attribute>` open.
    declaring: Option<String>,
    /// The nodes open (GEXF nests nodes in nodes).
    open_nodes: Vec<usize>,
    open_edge: Option<usize>,
    directed_default: bool,
    graph_seen: bool,
    node_spells: usize,
}

impl Visit for Gexf {
    const FOLD_CASE: bool = true;

    fn open(&mut self, xml: &mut Xml<'_>, open: &[String], el: Element) -> Result<bool, LoadError> {
        let parent = open.last().map_or("", String::as_str);
        match (parent, el.name.as_str()) {
            ("", "gexf") => {}
            ("", other) => {
                return Err(xml.error(
                    ErrorKind::Field,
                    el.at,
                    "",
                    format!("the root element is <{other}>; a GEXF file starts with <gexf>"),
                ))
            }
            ("gexf", "meta") => self.g.date = el.get("lastmodifieddate").and_then(calendar_date),
            ("meta", field @ ("title" | "description" | "provenance" | "edited")) => {
                let value = xml.text_content()?;
                match field {
                    "title" => self.g.title = Some(value.trim().to_string()),
                    "description" => self.g.description = Some(value.trim().to_string()),
                    "edited" => self.g.edited = Some((value, el.at)),
                    _ => self.g.provenance = Some((value, el.at)),
                }
                return Ok(false);
            }
            ("gexf", "graph") if self.graph_seen => {
                xml.skip()?;
                return Ok(false);
            }
            ("gexf", "graph") => {
                self.graph_seen = true;
                self.g.at = el.at;
                self.directed_default = el.get("defaultedgetype") == Some("directed");
            }
            ("graph", "attributes") => {
                self.class = CLASSES.iter().position(|c| el.get("class") == Some(c));
            }
            ("attributes", "attribute") => self.declare(&el),
            ("attribute", "default") => {
                let value = xml.text_content()?;
                self.set_default(value);
                return Ok(false);
            }
            ("nodes", "node") => self.node(xml, &el)?,
            ("edges", "edge") => self.edge(xml, &el)?,
            ("attvalues", "attvalue") => self.attvalue(xml, grandparent(open), &el)?,
            ("spells", "spell") => match (grandparent(open), self.open_edge) {
                (Some("edge"), Some(j)) => self.g.edges[j].times.extend(spell(&el)),
                _ => self.node_spells += 1,
            },
            _ => {}
        }
        Ok(true)
    }

    fn close(&mut self, name: &str) {
        match name {
            "node" => drop(self.open_nodes.pop()),
            "edge" => self.open_edge = None,
            "attributes" => self.class = None,
            "attribute" => self.declaring = None,
            _ => {}
        }
    }
}

/// The element holding the parent of the element just opened.
fn grandparent(open: &[String]) -> Option<&str> {
    open.iter().rev().nth(1).map(String::as_str)
}

impl Gexf {
    /// An `<attribute>` of the open `<attributes>` class.
    fn declare(&mut self, el: &Element) {
        if let Some(c) = self.class {
            let id = el.get("id").unwrap_or_default().to_string();
            let title = el.get("title").unwrap_or(&id).trim().to_lowercase();
            let declared = Declared {
                title,
                default: None,
            };
            self.decls[c].insert(id.clone(), declared);
            self.declaring = Some(id);
        }
    }

    /// The `<default>` of the open `<attribute>`.
    fn set_default(&mut self, value: String) {
        if let (Some(c), Some(id)) = (self.class, &self.declaring) {
            if let Some(d) = self.decls[c].get_mut(id) {
                d.default = Some(value);
            }
        }
    }

    fn node(&mut self, xml: &Xml<'_>, el: &Element) -> Result<(), LoadError> {
        let i = self.g.nodes.len();
        let id = xml.required(el, "id", &format!("nodes[{i}]"))?;
        self.g.nodes.push(Node {
            id,
            label: el.get("label").map(str::to_string),
            attrs: Vec::new(),
            at: el.at,
        });
        self.open_nodes.push(i);
        Ok(())
    }

    fn edge(&mut self, xml: &Xml<'_>, el: &Element) -> Result<(), LoadError> {
        let j = self.g.edges.len();
        let record = format!("edges[{j}]");
        let default = if self.directed_default {
            "directed"
        } else {
            "undirected"
        };
        self.g.edges.push(Edge {
            source: xml.required(el, "source", &record)?,
            target: xml.required(el, "target", &record)?,
            directed: el.get("type").unwrap_or(default) == "directed",
            label: el.get("label").map(str::to_string),
            kind: el.get("kind").map(str::to_string),
            attrs: Vec::new(),
            times: spell(el).into_iter().collect(),
            weighted: el.get("weight").is_some(),
            at: el.at,
        });
        self.open_edge = Some(j);
        Ok(())
    }

    /// An `<attvalue>` of the node or edge `owner` names; it must use a declared attribute.
    fn attvalue(
        &mut self,
        xml: &Xml<'_>,
        owner: Option<&str>,
        el: &Element,
    ) -> Result<(), LoadError> {
        let (c, record) = match (owner, self.open_edge, self.open_nodes.last()) {
            (Some("edge"), Some(j), _) => (1, format!("edges[{j}]")),
            (Some("node"), _, Some(i)) => (0, format!("nodes[{i}]")),
            _ => return Ok(()),
        };
        let key = el.get("for").or(el.get("id")).unwrap_or_default();
        let Some(decl) = self.decls[c].get(key) else {
            return Err(xml.error(
                ErrorKind::Undeclared,
                el.at,
                &format!("{record}.attvalues"),
                format!(
                    "\"{key}\" is not declared in <attributes class=\"{}\">",
                    CLASSES[c]
                ),
            ));
        };
        let value = el.get("value").unwrap_or_default().to_string();
        let attrs = match (c, self.open_edge, self.open_nodes.last()) {
            (1, Some(j), _) => &mut self.g.edges[j].attrs,
            (_, _, Some(&i)) => &mut self.g.nodes[i].attrs,
            _ => return Ok(()),
        };
        attrs.push((decl.title.clone(), value));
        Ok(())
    }

    /// The graph, with declared defaults filled in and a notice for node spells.
    fn finish(mut self, xml: &Xml<'_>) -> Result<Graph, LoadError> {
        if !self.graph_seen {
            let message = "the file has no <graph> element".into();
            return Err(xml.error(ErrorKind::Field, 0, "", message));
        }
        for n in &mut self.g.nodes {
            fill_defaults(&mut n.attrs, &self.decls[0]);
        }
        for e in &mut self.g.edges {
            fill_defaults(&mut e.attrs, &self.decls[1]);
        }
        let spells = self.node_spells;
        if spells > 0 {
            self.g.notices.push(Notice::new(
                NoticeKind::Ignored,
                spells,
                format!(
                    "{} of nodes {} not kept: an actor is shown while it has ties, and ties follow their events' dates.",
                    plural(spells, "spell", "spells"),
                    verb(spells, "is", "are")
                ),
            ));
        }
        Ok(self.g)
    }
}

/// Adds the declared default of every attribute a record does not give.
fn fill_defaults(attrs: &mut Attrs, decls: &BTreeMap<String, Declared>) {
    for d in decls.values() {
        if let Some(value) = &d.default {
            if !attrs.iter().any(|(k, _)| *k == d.title) {
                attrs.push((d.title.clone(), value.clone()));
            }
        }
    }
}

/// The start and end of a spell or of a dynamic edge; none without a start.
fn spell(el: &Element) -> Option<Spell> {
    let start = el.get("start").or(el.get("startopen"))?.to_string();
    let end = el.get("end").or(el.get("endopen")).map(str::to_string);
    Some(Spell { start, end })
}
