//! The evidence behind ties: how many distinct reports back a tie, and a tie's record for the evidence panel.

use crate::model::{Event, Kind, KindSet, Tone};
use crate::network::{Filter, Network, Visible};
use serde::Serialize;
use std::collections::HashSet;

/// How many distinct reports (outlet and date) the events cite.
///
/// # Complexity
/// O(sources).
pub fn citations<'a>(events: impl IntoIterator<Item = &'a Event>) -> usize {
    events
        .into_iter()
        .flat_map(|e| &e.sources)
        .map(|s| (s.outlet.as_str(), s.date))
        .collect::<HashSet<_>>()
        .len()
}

/// For each visible tie, whether the events the filter admits rest on a single report.
pub fn single_sourced(network: &Network, visible: &Visible, filter: &Filter) -> Vec<bool> {
    visible
        .ties
        .iter()
        .map(|&t| citations(network.tie(t).events.iter().filter(|e| filter.admits(e))) <= 1)
        .collect()
}

/// One tie as the evidence panel shows it: both actors, and the admitted events in date order.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TieDetail<'a> {
    pub tie: u32,
    pub source: &'a str,
    pub source_name: &'a str,
    pub target: &'a str,
    pub target_name: &'a str,
    pub kinds: Vec<Kind>,
    /// The tone of the latest admitted event.
    pub tone: Tone,
    /// Distinct reports cited by the admitted events.
    pub citations: usize,
    pub events: Vec<&'a Event>,
}

/// The record of tie `tie` under `filter`, or `None` when the tie does not exist or the filter
/// admits none of its events or hides one of its actors.
pub fn tie_detail<'a>(network: &'a Network, tie: u32, filter: &Filter) -> Option<TieDetail<'a>> {
    if tie as usize >= network.tie_count() {
        return None;
    }
    let [s, t] = network.ends(tie);
    let (source, target) = (network.actor(s), network.actor(t));
    if !filter.admits_actor(source) || !filter.admits_actor(target) {
        return None;
    }
    let events = network.admitted_events(tie, filter);
    let tone = events.last()?.tone;
    let kinds: KindSet = events.iter().map(|e| e.kind).collect();
    Some(TieDetail {
        tie,
        source: &source.id,
        source_name: &source.name,
        target: &target.id,
        target_name: &target.name,
        kinds: kinds.iter().collect(),
        tone,
        citations: citations(events.iter().copied()),
        events,
    })
}

/// Hop distances from `start` over the pairs in `edges` (`[s0, t0, s1, t1, ...]`), up to
/// `max_hops`; actors further away (or unreachable) get `u8::MAX`.
///
/// # Complexity
/// O(actors + edges · max_hops).
pub fn hops(actor_count: usize, edges: &[u32], start: u32, max_hops: u8) -> Vec<u8> {
    let mut dist = vec![u8::MAX; actor_count];
    let Some(d) = dist.get_mut(start as usize) else {
        return dist;
    };
    *d = 0;
    for h in 1..=max_hops.min(u8::MAX - 1) {
        let mut changed = false;
        for pair in edges.chunks_exact(2) {
            let (a, b) = (pair[0] as usize, pair[1] as usize);
            if a >= actor_count || b >= actor_count {
                continue;
            }
            for (from, to) in [(a, b), (b, a)] {
                if dist[from] == h - 1 && dist[to] == u8::MAX {
                    dist[to] = h;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    dist
}
