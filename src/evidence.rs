//! The evidence behind ties: how many distinct reports back a tie, and a tie's record for the evidence panel.

use crate::date::Date;
use crate::model::{Event, Kind, Tone};
use crate::network::{Filter, Network, Visible};
use serde::Serialize;
use std::collections::VecDeque;

/// How many distinct reports (outlet and date) the events cite.
///
/// # Complexity
/// O(sources).
pub fn citations<'a>(events: impl IntoIterator<Item = &'a Event>) -> usize {
    citations_in(events, &mut Vec::new())
}

/// As [`citations`], with `scratch` for the reports (cleared first), so that a loop over many
/// ties allocates once: most ties cite a handful of reports, which a sort counts faster than a
/// hash set.
///
/// # Complexity
/// O(s log s) for s sources.
pub fn citations_in<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    scratch: &mut Vec<(&'a str, Date)>,
) -> usize {
    scratch.clear();
    scratch.extend(
        events
            .into_iter()
            .flat_map(|e| &e.sources)
            .map(|s| (s.outlet.as_str(), s.date)),
    );
    scratch.sort_unstable();
    scratch.dedup();
    scratch.len()
}

/// For each visible tie, whether the events the filter admits rest on a single report.
pub fn single_sourced(network: &Network, visible: &Visible, filter: &Filter) -> Vec<bool> {
    let mut scratch = Vec::new();
    visible
        .ties
        .iter()
        .map(|&t| {
            let events = network.tie(t).events.iter().filter(|e| filter.admits(e));
            citations_in(events, &mut scratch) <= 1
        })
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

/// The record of tie `tie` under `filter`: its view from its source actor, with the target as
/// the partner; `None` when the tie does not exist or the filter admits none of its events or
/// hides one of its actors.
pub fn tie_detail<'a>(network: &'a Network, tie: u32, filter: &Filter) -> Option<TieDetail<'a>> {
    let [source, _] = network.ends_of(tie)?;
    let view = network.tie_view(tie, source, filter)?;
    let source = network.actor(source);
    Some(TieDetail {
        tie,
        source: &source.id,
        source_name: &source.name,
        target: view.partner,
        target_name: view.partner_name,
        kinds: view.kinds,
        tone: view.tone,
        citations: citations(view.events.iter().copied()),
        events: view.events,
    })
}

/// One row of the table of ties shown: a tie's record with its events counted, not listed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TieRow<'a> {
    pub tie: u32,
    pub source: &'a str,
    pub source_name: &'a str,
    pub target: &'a str,
    pub target_name: &'a str,
    pub kinds: Vec<Kind>,
    pub tone: Tone,
    /// How many events the filter admits.
    pub events: usize,
    /// The date of the first and of the last admitted event.
    pub first: Date,
    pub last: Date,
    pub citations: usize,
}

impl<'a> TieRow<'a> {
    /// The row of a tie's record; `None` for a record without events, which
    /// [`tie_detail`] never gives.
    pub fn of(d: TieDetail<'a>) -> Option<TieRow<'a>> {
        let (first, last) = (d.events.first()?.date, d.events.last()?.date);
        Some(TieRow {
            tie: d.tie,
            source: d.source,
            source_name: d.source_name,
            target: d.target,
            target_name: d.target_name,
            kinds: d.kinds,
            tone: d.tone,
            events: d.events.len(),
            first,
            last,
            citations: d.citations,
        })
    }
}

/// Hop distances from `start` over the ties for which `through` holds, up to `max_hops`, by a
/// breadth-first search over the network's adjacency; actors further away (or unreachable)
/// get `u8::MAX`, and every actor does when `start` is not one.
///
/// # Complexity
/// O(actors + ties reached).
pub fn hops(network: &Network, start: u32, max_hops: u8, through: impl Fn(u32) -> bool) -> Vec<u8> {
    let mut dist = vec![u8::MAX; network.actor_count()];
    let Some(d) = dist.get_mut(start as usize) else {
        return dist;
    };
    *d = 0;
    let max_hops = max_hops.min(u8::MAX - 1);
    let mut queue = VecDeque::from([start]);
    while let Some(actor) = queue.pop_front() {
        let next = dist[actor as usize] + 1;
        if next > max_hops {
            continue;
        }
        for &tie in network.ties_of(actor).iter().filter(|&&t| through(t)) {
            let [s, t] = network.ends(tie);
            let other = if s == actor { t } else { s };
            if dist[other as usize] == u8::MAX {
                dist[other as usize] = next;
                queue.push_back(other);
            }
        }
    }
    dist
}
