//! Edges merged into ties: one tie per pair of actors with one event per edge (or spell), self-loops left out, and the notices of what merging did.

use super::fields::{DefaultDate, Defaults};
use super::graph::{Actors, Edge, File, Graph};
use super::notice::{plural, verb, ImportError, Notice, NoticeKind};
use super::record::events;
use crate::error::ErrorKind;
use crate::model::{Actor, Dataset, Tie};
use std::collections::HashMap;

/// The ties the edges become, which edge each event came from, and what the merging did.
#[derive(Debug)]
pub(crate) struct Ties {
    pub ties: Vec<Tie>,
    /// The tie of each pair of actors (lower index first).
    pairs: HashMap<(usize, usize), usize>,
    /// For each tie, the edge of each of its events.
    pub origins: Vec<Vec<usize>>,
    /// Whether a tie has an edge running against its first one.
    reversed: Vec<bool>,
    /// Ties per actor.
    degree: Vec<usize>,
    self_loops: usize,
    directed: usize,
    merged: usize,
    both_ways: usize,
}

impl Ties {
    pub fn new(actors: usize) -> Ties {
        Ties {
            ties: Vec::new(),
            pairs: HashMap::new(),
            origins: Vec::new(),
            reversed: Vec::new(),
            degree: vec![0; actors],
            self_loops: 0,
            directed: 0,
            merged: 0,
            both_ways: 0,
        }
    }

    /// Edge `j`'s events, added to the tie of its two actors; a self-loop is counted and left out.
    pub fn add_edge(
        &mut self,
        e: &Edge,
        j: usize,
        actors: &Actors<'_>,
        d: &mut Defaults,
        default_date: DefaultDate,
        file: &File<'_>,
    ) -> Result<(), ImportError> {
        let end = |field: &str, id: &str| {
            actors.index.get(id).copied().ok_or_else(|| {
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
            self.self_loops += 1;
            return Ok(());
        }
        self.directed += usize::from(e.directed);
        let actors = &actors.list;
        let names = (actors[s].name.as_str(), actors[t].name.as_str());
        let events = events(e, j, names, d, default_date, file)?;
        let tie = self.tie(s, t, actors);
        if !self.ties[tie].events.is_empty() {
            self.merged += 1;
            if e.directed && self.ties[tie].source != actors[s].id && !self.reversed[tie] {
                self.reversed[tie] = true;
                self.both_ways += 1;
            }
        }
        self.origins[tie].extend(std::iter::repeat_n(j, events.len()));
        self.ties[tie].events.extend(events);
        Ok(())
    }

    /// The tie between actors `s` and `t`, made on first use.
    fn tie(&mut self, s: usize, t: usize, actors: &[Actor]) -> usize {
        if let Some(&tie) = self.pairs.get(&(s.min(t), s.max(t))) {
            return tie;
        }
        self.ties.push(Tie {
            source: actors[s].id.clone(),
            target: actors[t].id.clone(),
            events: Vec::new(),
        });
        self.origins.push(Vec::new());
        self.reversed.push(false);
        self.degree[s] += 1;
        self.degree[t] += 1;
        self.pairs.insert((s.min(t), s.max(t)), self.ties.len() - 1);
        self.ties.len() - 1
    }

    /// What the conversion assumed: the reader's notices, directions, merged edges, self-loops,
    /// defaults, weights and isolated nodes.
    pub fn notices(
        &self,
        g: &Graph,
        dataset: &Dataset,
        d: &Defaults,
        file: &File<'_>,
        default_date: DefaultDate,
    ) -> Vec<Notice> {
        let mut notices = g.notices.clone();
        let (directed, both_ways) = (self.directed, self.both_ways);
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
        let merged = self.merged;
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
        let self_loops = self.self_loops;
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
        let (edges, nodes) = (("edge", "edges"), ("node", "nodes"));
        notices.extend(d.notices(edges, nodes, file.name, default_date));
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
        let isolated = self.degree.iter().filter(|&&k| k == 0).count();
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
        notices
    }
}
