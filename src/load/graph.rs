//! A graph as GEXF and GraphML files hold it (nodes, edges, attributes) and how it becomes an
//! Entente dataset: parallel edges merge into one tie, self-loops go, defaults are noticed.

use super::fields::{self, Attrs, DefaultDate, Defaults};
use super::locate::{line_col, relocate, Place, Record};
use super::notice::{plural, verb, ImportError, Imported, Notice, NoticeKind};
use super::record::{actor, events};
use super::{validate, Format};
use crate::date::Date;
use crate::error::{ErrorKind, LoadError};
use crate::model::{Dataset, Provenance, Tie, FORMAT};
use std::collections::HashMap;

/// A node as read: its id, label, attributes and the byte offset of its element.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub id: String,
    pub label: Option<String>,
    pub attrs: Attrs,
    pub at: usize,
}

/// An edge as read. `times` are the starts of its spells (or its `start` attribute).
#[derive(Debug, Clone)]
pub(crate) struct Edge {
    pub source: String,
    pub target: String,
    pub directed: bool,
    pub label: Option<String>,
    /// GEXF 1.3's `kind` attribute of `<edge>`.
    pub kind: Option<String>,
    pub attrs: Attrs,
    pub times: Vec<String>,
    /// Whether the file gives the edge a weight (which Entente does not keep).
    pub weighted: bool,
    pub at: usize,
}

/// A whole graph as read, with the notices its reader already has.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    pub title: Option<String>,
    pub description: Option<String>,
    /// Entente's provenance as JSON, and where it is in the file.
    pub provenance: Option<(String, usize)>,
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
        actors.push(actor(n, i, &mut d, &file)?);
    }
    let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
    let mut ties: Vec<Tie> = Vec::new();
    let mut origins: Vec<Vec<usize>> = Vec::new();
    // Whether a tie has an edge running against its first one.
    let mut reversed: Vec<bool> = Vec::new();
    let (mut self_loops, mut directed, mut merged, mut both_ways) = (0, 0, 0, 0);
    let mut degree = vec![0usize; actors.len()];
    for (j, e) in g.edges.iter().enumerate() {
        let end = |field: &str, id: &str| {
            index.get(id).copied().ok_or_else(|| {
                file.error(
                    ErrorKind::UnknownActor,
                    e.at,
                    format!("edges[{j}].{field}"),
                    format!("no node has the id \"{id}\""),
                )
            })
        };
        let (s, t) = (end("source", &e.source)?, end("target", &e.target)?);
        if s == t {
            self_loops += 1;
            continue;
        }
        directed += usize::from(e.directed);
        let events = events(
            e,
            j,
            (&actors[s].name, &actors[t].name),
            &mut d,
            default_date,
            &file,
        )?;
        let key = (s.min(t), s.max(t));
        let tie = *pairs.entry(key).or_insert_with(|| {
            ties.push(Tie {
                source: actors[s].id.clone(),
                target: actors[t].id.clone(),
                events: Vec::new(),
            });
            origins.push(Vec::new());
            reversed.push(false);
            degree[s] += 1;
            degree[t] += 1;
            ties.len() - 1
        });
        if !ties[tie].events.is_empty() {
            merged += 1;
            if e.directed && ties[tie].source != actors[s].id && !reversed[tie] {
                reversed[tie] = true;
                both_ways += 1;
            }
        }
        origins[tie].extend(std::iter::repeat_n(j, events.len()));
        ties[tie].events.extend(events);
    }
    let provenance = match &g.provenance {
        Some((json, at)) => Some(serde_json::from_str::<Provenance>(json).map_err(|e| {
            file.error(
                ErrorKind::Field,
                *at,
                "provenance".into(),
                format!("not an Entente provenance: {}", fields::plain(&e)),
            )
        })?),
        None => None,
    };
    let dataset = Dataset {
        format: FORMAT.to_string(),
        title: g
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| stem(file.name).to_string()),
        description: g.description.clone().filter(|t| !t.trim().is_empty()),
        provenance,
        actors,
        ties,
    };
    validate(&dataset).map_err(|err| {
        let (_, error) = relocate(err, |record, field| {
            place(&g, &origins, record, field, file.text)
        });
        ImportError {
            file: file.name.to_string(),
            error,
        }
    })?;
    let mut notices = g.notices;
    let link = ("edge", "edges");
    if directed > 0 {
        let mut m = format!(
            "{} {} a direction (source → target); Entente ties have none, so each pair of actors is one tie",
            plural(directed, "edge", "edges"),
            verb(directed, "has", "have")
        );
        if both_ways > 0 {
            m += &format!(
                " ({} linked both ways became single ties)",
                plural(both_ways, "pair", "pairs")
            );
        }
        notices.push(Notice::new(NoticeKind::Directed, directed, m + "."));
    }
    if merged > 0 {
        let several = dataset.ties.iter().filter(|t| t.events.len() > 1).count();
        notices.push(Notice::new(
            NoticeKind::MergedEdges,
            merged,
            format!(
                "{} {} a pair already joined: each pair is one tie with one event per edge ({} {} several events).",
                plural(merged, "edge", "edges"),
                verb(merged, "joins", "join"),
                plural(several, "tie", "ties"),
                verb(several, "holds", "hold")
            ),
        ));
    }
    if self_loops > 0 {
        notices.push(Notice::new(
            NoticeKind::DroppedSelfLoops,
            self_loops,
            format!(
                "{} from a node to itself {} left out: an actor has no tie with itself.",
                plural(self_loops, "edge", "edges"),
                verb(self_loops, "was", "were")
            ),
        ));
    }
    notices.extend(d.notices(link, ("node", "nodes"), file.name, default_date));
    let weighted = g.edges.iter().filter(|e| e.weighted).count();
    if weighted > 0 {
        notices.push(Notice::new(
            NoticeKind::Ignored,
            weighted,
            format!(
                "{} {} a weight, which is not kept: a tie's weight in Entente is its events.",
                plural(weighted, "edge", "edges"),
                verb(weighted, "has", "have")
            ),
        ));
    }
    let isolated = degree.iter().filter(|&&k| k == 0).count();
    if isolated > 0 {
        notices.push(Notice::new(
            NoticeKind::IsolatedActors,
            isolated,
            format!(
                "{} {} no edges: kept in the dataset but not drawn.",
                plural(isolated, "node", "nodes"),
                verb(isolated, "has", "have")
            ),
        ));
    }
    Ok(Imported {
        dataset,
        format: file.format,
        notices,
    })
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
