//! GEXF 1.0–1.3 (Gephi's format): nodes, edges, declared attributes and their defaults, edge
//! spells and `start` times, read into a [`Graph`] that remembers where each record is.

use super::fields::{calendar_date, Attrs};
use super::graph::{Edge, Graph, Node};
use super::notice::{plural, verb, Notice, NoticeKind};
use super::xml::{Element, Step, Xml};
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
    let mut g = Graph::default();
    let mut decls: Declarations = Default::default();
    let mut stack: Vec<String> = Vec::new();
    let mut class: Option<usize> = None;
    let mut declaring: Option<String> = None;
    let mut open_nodes: Vec<usize> = Vec::new();
    let mut open_edge: Option<usize> = None;
    let mut directed_default = false;
    let mut graph_seen = false;
    let mut node_spells = 0;
    loop {
        let el = match xml.next()? {
            Step::Open(el) => el,
            Step::Close => {
                match stack.pop().as_deref() {
                    Some("node") => drop(open_nodes.pop()),
                    Some("edge") => open_edge = None,
                    Some("attributes") => class = None,
                    Some("attribute") => declaring = None,
                    _ => {}
                }
                continue;
            }
            Step::Text(_) => continue,
            Step::End => break,
        };
        let parent = stack.last().map_or("", String::as_str);
        // GEXF 1.1 files write some names capitalized (`<Title>`, `<Creator>`).
        let name = el.name.to_ascii_lowercase();
        match (parent, name.as_str()) {
            ("", "gexf") => {}
            ("", other) => {
                return Err(xml.error(
                    ErrorKind::Field,
                    el.at,
                    "",
                    format!("the root element is <{other}>; a GEXF file starts with <gexf>"),
                ))
            }
            ("gexf", "meta") => g.date = el.get("lastmodifieddate").and_then(calendar_date),
            ("meta", field @ ("title" | "description" | "provenance")) => {
                let at = el.at;
                let value = xml.text_content()?;
                match field {
                    "title" => g.title = Some(value.trim().to_string()),
                    "description" => g.description = Some(value.trim().to_string()),
                    _ => g.provenance = Some((value, at)),
                }
                continue;
            }
            ("gexf", "graph") if graph_seen => {
                xml.skip()?;
                continue;
            }
            ("gexf", "graph") => {
                graph_seen = true;
                g.at = el.at;
                directed_default = el.get("defaultedgetype") == Some("directed");
            }
            ("graph", "attributes") => {
                class = CLASSES.iter().position(|c| el.get("class") == Some(c));
            }
            ("attributes", "attribute") => {
                if let Some(c) = class {
                    let id = el.get("id").unwrap_or_default().to_string();
                    let title = el.get("title").unwrap_or(&id).trim().to_lowercase();
                    decls[c].insert(
                        id.clone(),
                        Declared {
                            title,
                            default: None,
                        },
                    );
                    declaring = Some(id);
                }
            }
            ("attribute", "default") => {
                let value = xml.text_content()?;
                if let (Some(c), Some(id)) = (class, &declaring) {
                    if let Some(d) = decls[c].get_mut(id) {
                        d.default = Some(value);
                    }
                }
                continue;
            }
            ("nodes", "node") => {
                let i = g.nodes.len();
                let id = xml.required(&el, "id", &format!("nodes[{i}]"))?;
                g.nodes.push(Node {
                    id,
                    label: el.get("label").map(str::to_string),
                    attrs: Vec::new(),
                    at: el.at,
                });
                open_nodes.push(i);
            }
            ("edges", "edge") => {
                let j = g.edges.len();
                let record = format!("edges[{j}]");
                let kind = el.get("type").unwrap_or(if directed_default {
                    "directed"
                } else {
                    "undirected"
                });
                g.edges.push(Edge {
                    source: xml.required(&el, "source", &record)?,
                    target: xml.required(&el, "target", &record)?,
                    directed: kind == "directed",
                    label: el.get("label").map(str::to_string),
                    kind: el.get("kind").map(str::to_string),
                    attrs: Vec::new(),
                    times: start(&el).into_iter().collect(),
                    weighted: el.get("weight").is_some(),
                    at: el.at,
                });
                open_edge = Some(j);
            }
            ("attvalues", "attvalue") => {
                let owner = stack.iter().rev().nth(1).map(String::as_str);
                let (c, record) = match (owner, open_edge, open_nodes.last()) {
                    (Some("edge"), Some(j), _) => (1, format!("edges[{j}]")),
                    (Some("node"), _, Some(i)) => (0, format!("nodes[{i}]")),
                    _ => (2, String::new()),
                };
                if c < 2 {
                    let key = el.get("for").or(el.get("id")).unwrap_or_default();
                    let Some(decl) = decls[c].get(key) else {
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
                    let attrs = if c == 1 {
                        &mut g.edges[open_edge.unwrap_or_default()].attrs
                    } else {
                        &mut g.nodes[*open_nodes.last().unwrap_or(&0)].attrs
                    };
                    attrs.push((decl.title.clone(), value));
                }
            }
            ("spells", "spell") => match (stack.iter().rev().nth(1).map(String::as_str), open_edge)
            {
                (Some("edge"), Some(j)) => g.edges[j].times.extend(start(&el)),
                _ => node_spells += 1,
            },
            _ => {}
        }
        stack.push(name);
    }
    if !graph_seen {
        return Err(xml.error(
            ErrorKind::Field,
            0,
            "",
            "the file has no <graph> element".into(),
        ));
    }
    for n in &mut g.nodes {
        fill_defaults(&mut n.attrs, &decls[0]);
    }
    for e in &mut g.edges {
        fill_defaults(&mut e.attrs, &decls[1]);
    }
    if node_spells > 0 {
        g.notices.push(Notice::new(
            NoticeKind::Ignored,
            node_spells,
            format!(
                "{} of nodes {} not kept: an actor is shown while it has ties, and ties follow their events' dates.",
                plural(node_spells, "spell", "spells"),
                verb(node_spells, "is", "are")
            ),
        ));
    }
    Ok(g)
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

/// The start of a spell or of a dynamic edge.
fn start(el: &Element) -> Option<String> {
    el.get("start").or(el.get("startopen")).map(str::to_string)
}
