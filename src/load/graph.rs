//! A graph as GEXF and GraphML files hold it (nodes, edges, attributes) and how it becomes an
//! Entente dataset: parallel edges merge into one tie, self-loops go, defaults are noticed.

use super::fields::{self, Attrs, DefaultDate, Defaults};
use super::locate::{line_col, relocate, Place, Record};
use super::merge::Ties;
use super::notice::{ImportError, Imported, Notice};
use super::record::actor;
use super::{validate, Format};
use crate::date::Date;
use crate::error::{ErrorKind, LoadError};
use crate::model::{Actor, Dataset, Provenance, FORMAT};
use std::collections::HashMap;

/// A node as read: its id, label, attributes and the byte offset of its element.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub id: String,
    pub label: Option<String>,
    pub attrs: Attrs,
    pub at: usize,
}

/// An edge as read. `times` are its spells (or its `start` and `end` attributes).
#[derive(Debug, Clone)]
pub(crate) struct Edge {
    pub source: String,
    pub target: String,
    pub directed: bool,
    pub label: Option<String>,
    /// GEXF 1.3's `kind` attribute of `<edge>`.
    pub kind: Option<String>,
    pub attrs: Attrs,
    pub times: Vec<Spell>,
    /// Whether the file gives the edge a weight (which Entente does not keep).
    pub weighted: bool,
    pub at: usize,
}

/// A GEXF spell (or a dynamic edge's own times): its `start` and, where given, its `end`.
#[derive(Debug, Clone)]
pub(crate) struct Spell {
    pub start: String,
    pub end: Option<String>,
}

/// A whole graph as read, with the notices its reader already has.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    pub title: Option<String>,
    pub description: Option<String>,
    /// Entente's provenance as JSON, and where it is in the file.
    pub provenance: Option<(String, usize)>,
    /// The day the dataset was last edited in Entente (its `edited`), and where it is in the file.
    pub edited: Option<(String, usize)>,
    /// The file's own date (GEXF `lastmodifieddate`).
    pub date: Option<Date>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Byte offset of the `<graph>` element.
    pub at: usize,
    pub notices: Vec<Notice>,
}

/// What the conversion needs to know about the file.
#[derive(Debug, Clone, Copy)]
pub(crate) struct File<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub format: Format,
    pub today: Date,
}

impl File<'_> {
    /// A located error in this file.
    pub(crate) fn error(
        &self,
        kind: ErrorKind,
        at: usize,
        path: String,
        message: String,
    ) -> ImportError {
        let (line, column) = line_col(self.text, at);
        ImportError {
            file: self.name.to_string(),
            error: LoadError::at(kind, path, message).with_position(line, column),
        }
    }
}

/// The file name without its extension, as a title of last resort.
pub(crate) fn stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

/// Builds the dataset a graph stands for.
///
/// # Errors
/// An empty graph, duplicate node ids, edges naming unknown nodes, malformed Entente
/// attributes (`sources`, `figures`, `people`, provenance), or a rule of [`validate`] the
/// result breaks, each located at its node or edge in the file.
///
/// # Complexity
/// O(nodes + edges), with hashing of ids.
pub(crate) fn into_dataset(g: Graph, file: File<'_>) -> Result<Imported, ImportError> {
    if g.nodes.is_empty() {
        return Err(file.error(
            ErrorKind::Empty,
            g.at,
            "graph".into(),
            "the graph has no nodes: there is nothing to draw".into(),
        ));
    }
    let default_date = DefaultDate {
        date: g.date.unwrap_or(file.today),
        from_file: g.date.is_some(),
    };
    let mut d = Defaults::default();
    let actors = nodes_into_actors(&g, &file, &mut d)?;
    let mut ties = Ties::new(actors.list.len());
    for (j, e) in g.edges.iter().enumerate() {
        ties.add_edge(e, j, &actors, &mut d, default_date, &file)?;
    }
    let dataset = Dataset {
        format: FORMAT.to_string(),
        title: g
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| stem(file.name).to_string()),
        description: g.description.clone().filter(|t| !t.trim().is_empty()),
        provenance: provenance(&g, &file)?,
        edited: edited(&g, &file)?,
        actors: actors.list,
        ties: std::mem::take(&mut ties.ties),
        story: None,
    };
    validate(&dataset).map_err(|err| {
        let (_, error) = relocate(err, |record, field| {
            place(&g, &ties.origins, record, field, file.text)
        });
        ImportError {
            file: file.name.to_string(),
            error,
        }
    })?;
    let notices = ties.notices(&g, &dataset, &d, &file, default_date);
    Ok(Imported {
        dataset,
        format: file.format,
        notices,
    })
}

/// The nodes as actors, and the index of each node id.
#[derive(Debug)]
pub(crate) struct Actors<'g> {
    pub list: Vec<Actor>,
    pub index: HashMap<&'g str, usize>,
}

/// Every node as an actor; an id given twice is refused.
fn nodes_into_actors<'g>(
    g: &'g Graph,
    file: &File<'_>,
    d: &mut Defaults,
) -> Result<Actors<'g>, ImportError> {
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(g.nodes.len());
    let mut actors = Vec::with_capacity(g.nodes.len());
    for (i, n) in g.nodes.iter().enumerate() {
        if let Some(first) = index.insert(&n.id, i) {
            return Err(file.error(
                ErrorKind::DuplicateActor,
                n.at,
                format!("nodes[{i}].id"),
                format!("\"{}\" is already the id of nodes[{first}]", n.id),
            ));
        }
        actors.push(actor(n, i, d, file)?);
    }
    Ok(Actors {
        list: actors,
        index,
    })
}

/// The Entente provenance a file carries (as JSON), read.
fn provenance(g: &Graph, file: &File<'_>) -> Result<Option<Provenance>, ImportError> {
    let Some((json, at)) = &g.provenance else {
        return Ok(None);
    };
    serde_json::from_str::<Provenance>(json)
        .map(Some)
        .map_err(|e| {
            file.error(
                ErrorKind::Field,
                *at,
                "provenance".into(),
                format!("not an Entente provenance: {}", fields::plain(&e)),
            )
        })
}

/// The graph's `edited` day: a day of the calendar, or an error at its place in the file.
fn edited(g: &Graph, file: &File<'_>) -> Result<Option<Date>, ImportError> {
    let Some((text, at)) = &g.edited else {
        return Ok(None);
    };
    text.trim()
        .parse::<Date>()
        .map(Some)
        .map_err(|e| file.error(ErrorKind::BadDate, *at, "edited".into(), e.to_string()))
}

fn place(
    g: &Graph,
    origins: &[Vec<usize>],
    record: Record,
    field: &str,
    text: &str,
) -> Option<Place> {
    let (what, i, at) = match record {
        Record::Actor(i) => ("nodes", i, g.nodes.get(i)?.at),
        Record::Tie(t, e) => {
            let j = *origins.get(t)?.get(e.unwrap_or(0))?;
            ("edges", j, g.edges[j].at)
        }
        Record::Other => return None,
    };
    let (line, column) = line_col(text, at);
    let sep = if field.is_empty() { "" } else { "." };
    Some(Place {
        file: 0,
        line,
        column,
        path: format!("{what}[{i}]{sep}{field}"),
    })
}
