//! Two dates compared: which ties appeared, ended, warmed, cooled or intensified between them,
//! with the events that show it, and which actors appeared or are gone.

use crate::date::Date;
use crate::model::{Event, Tone};
use crate::network::{Filter, Network};
use serde::Serialize;

/// What happened to a tie between the two dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Not active at A, active at B.
    Appeared,
    /// Active at A, not at B.
    Ended,
    /// Active at both; the tone of its latest event in force is better at B.
    Warmed,
    /// Active at both; that tone is worse at B.
    Cooled,
    /// Active at both, the tone unchanged, with new events in (A, B].
    Intensified,
    /// Active at both, the same tone, no new event.
    Unchanged,
}

impl Change {
    pub const ALL: [Change; 6] = [
        Change::Appeared,
        Change::Ended,
        Change::Warmed,
        Change::Cooled,
        Change::Intensified,
        Change::Unchanged,
    ];
    /// How many classes there are: the length of [`Comparison::counts`].
    pub const COUNT: usize = Change::ALL.len();

    pub const fn as_str(self) -> &'static str {
        match self {
            Change::Appeared => "appeared",
            Change::Ended => "ended",
            Change::Warmed => "warmed",
            Change::Cooled => "cooled",
            Change::Intensified => "intensified",
            Change::Unchanged => "unchanged",
        }
    }
}

/// How good a tone is for the relationship: cooperative > strained > hostile.
fn warmth(t: Tone) -> u8 {
    match t {
        Tone::Cooperative => 2,
        Tone::Strained => 1,
        Tone::Hostile => 0,
    }
}

/// A tie's state on one date: the events in force then (dated by then, not ended) and the tone
/// of the latest of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TieState {
    pub tone: Tone,
    /// The index (in the tie's date-ordered events) of the latest event in force.
    pub latest: u32,
    /// How many of the tie's events are in force.
    pub in_force: u32,
}

/// One tie's change between the two dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TieChange {
    pub tie: u32,
    pub change: Change,
    /// Its state at A; `None` when not active then.
    pub at_a: Option<TieState>,
    /// Its state at B; `None` when not active then.
    pub at_b: Option<TieState>,
    /// How many of its events (that the filter admits) are dated in (A, B].
    pub new_events: u32,
    /// The events that cause its class, as indices into the tie's date-ordered events, in
    /// date order: those dated in (A, B], and those in force at A that ended before B.
    /// Empty for an unchanged tie.
    pub evidence: Vec<u32>,
}

/// Every tie that is active at A or at B, classified, and the actors that came or went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The earlier date.
    pub a: Date,
    /// The later date.
    pub b: Date,
    /// In dataset order.
    pub ties: Vec<TieChange>,
    /// How many ties fall in each class, in the order of [`Change::ALL`].
    pub counts: [u32; Change::COUNT],
    /// Actors (by index) with an active tie at B and none at A.
    pub actors_appeared: Vec<u32>,
    /// Actors (by index) with an active tie at A and none at B.
    pub actors_gone: Vec<u32>,
}

/// `state` with one more event in force, which is the latest so far (events come in date order).
fn add(state: Option<TieState>, i: usize, e: &Event) -> Option<TieState> {
    Some(TieState {
        tone: e.tone,
        latest: i as u32,
        in_force: state.map_or(0, |s| s.in_force) + 1,
    })
}

/// Compares the network at `a` with the network at `b` under `filter`'s kinds, tones and actor
/// types (its own date is not used). The earlier of the two dates is A.
///
/// A tie is active on a day when one of its admitted events is in force then (dated by then,
/// not ended: [`Event::in_force`](crate::model::Event::in_force)). A tie active at neither date
/// is left out. A tie whose tone changed is warmed or cooled even when it also has new events
/// (`new_events` says how many).
///
/// # Complexity
/// O(actors + events).
pub fn compare(network: &Network, a: Date, b: Date, filter: &Filter) -> Comparison {
    let (a, b) = if b < a { (b, a) } else { (a, b) };
    let n = network.actor_count();
    let mut active_a = vec![false; n];
    let mut active_b = vec![false; n];
    let mut out = Comparison {
        a,
        b,
        ties: Vec::new(),
        counts: [0; Change::COUNT],
        actors_appeared: Vec::new(),
        actors_gone: Vec::new(),
    };
    let shown: Vec<bool> = (0..n as u32)
        .map(|i| filter.admits_actor(network.actor(i)))
        .collect();
    for tie in 0..network.tie_count() as u32 {
        let [s, t] = network.ends(tie);
        if !shown[s as usize] || !shown[t as usize] {
            continue;
        }
        let (mut at_a, mut at_b) = (None, None);
        let mut new_events = 0;
        let mut evidence = Vec::new();
        for (i, e) in network.tie(tie).events.iter().enumerate() {
            if !filter.kinds.contains(e.kind)
                || filter.tones & e.tone.bit() == 0
                || !filter.shows_origin(e)
            {
                continue;
            }
            let (in_a, in_b) = (e.in_force(a), e.in_force(b));
            if in_a {
                at_a = add(at_a, i, e);
            }
            if in_b {
                at_b = add(at_b, i, e);
            }
            let new = a < e.date && e.date <= b;
            new_events += u32::from(new);
            if new || (in_a && !in_b) {
                evidence.push(i as u32);
            }
        }
        if at_a.is_none() && at_b.is_none() {
            continue;
        }
        let change = match (at_a, at_b) {
            (None, _) => Change::Appeared,
            (_, None) => Change::Ended,
            (Some(x), Some(y)) if warmth(y.tone) > warmth(x.tone) => Change::Warmed,
            (Some(x), Some(y)) if warmth(y.tone) < warmth(x.tone) => Change::Cooled,
            _ if new_events > 0 => Change::Intensified,
            _ => Change::Unchanged,
        };
        if change == Change::Unchanged {
            evidence.clear();
        }
        for actor in [s, t] {
            active_a[actor as usize] |= at_a.is_some();
            active_b[actor as usize] |= at_b.is_some();
        }
        out.counts[change as usize] += 1;
        out.ties.push(TieChange {
            tie,
            change,
            at_a,
            at_b,
            new_events,
            evidence,
        });
    }
    for actor in 0..n {
        match (active_a[actor], active_b[actor]) {
            (false, true) => out.actors_appeared.push(actor as u32),
            (true, false) => out.actors_gone.push(actor as u32),
            _ => {}
        }
    }
    out
}

impl Comparison {
    /// The comparison in one line: "Between 2011-12-31 and 2021-08-31: 26 ties appeared, 2
    /// intensified; 18 actors appeared." Classes without ties are left out.
    pub fn summary(&self) -> String {
        let ties: Vec<String> = Change::ALL
            .iter()
            .zip(self.counts)
            .filter(|(_, n)| *n > 0)
            .enumerate()
            .map(|(i, (c, n))| {
                let noun = match (i, n) {
                    (0, 1) => " tie",
                    (0, _) => " ties",
                    _ => "",
                };
                format!("{n}{noun} {}", c.as_str())
            })
            .collect();
        let mut line = format!("Between {} and {}: ", self.a, self.b);
        if ties.is_empty() {
            line.push_str("no tie is active at either date");
        } else {
            line.push_str(&ties.join(", "));
        }
        let actors: Vec<String> = [
            (self.actors_appeared.len(), "appeared"),
            (self.actors_gone.len(), "gone"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| {
            let noun = if *n == 1 { "actor" } else { "actors" };
            format!("{n} {noun} {what}")
        })
        .collect();
        if !actors.is_empty() {
            line.push_str("; ");
            line.push_str(&actors.join(", "));
        }
        line.push('.');
        line
    }
}

/// One tie's change as the page shows it (tooltip, table, API): both actors, the class, the
/// tone at each date (`None`: not active), and the evidence events themselves.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeRow<'a> {
    pub tie: u32,
    pub source: &'a str,
    pub source_name: &'a str,
    pub target: &'a str,
    pub target_name: &'a str,
    pub change: Change,
    pub tone_a: Option<Tone>,
    pub tone_b: Option<Tone>,
    pub new_events: u32,
    pub evidence: Vec<&'a Event>,
}

/// The whole comparison as the page receives it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComparisonView<'a> {
    pub a: Date,
    pub b: Date,
    pub summary: String,
    /// Class name → number of ties, every class listed.
    pub counts: Vec<(Change, u32)>,
    pub ties: Vec<ChangeRow<'a>>,
    /// Actor ids.
    pub actors_appeared: Vec<&'a str>,
    pub actors_gone: Vec<&'a str>,
}

impl Comparison {
    /// This comparison with ids, names and the evidence events, for the page.
    pub fn view<'a>(&self, network: &'a Network) -> ComparisonView<'a> {
        let id = |a: &u32| network.actor(*a).id.as_str();
        ComparisonView {
            a: self.a,
            b: self.b,
            summary: self.summary(),
            counts: Change::ALL.into_iter().zip(self.counts).collect(),
            ties: self
                .ties
                .iter()
                .map(|c| {
                    let [s, t] = network.ends(c.tie);
                    let (s, t) = (network.actor(s), network.actor(t));
                    let events = &network.tie(c.tie).events;
                    ChangeRow {
                        tie: c.tie,
                        source: &s.id,
                        source_name: &s.name,
                        target: &t.id,
                        target_name: &t.name,
                        change: c.change,
                        tone_a: c.at_a.map(|x| x.tone),
                        tone_b: c.at_b.map(|x| x.tone),
                        new_events: c.new_events,
                        evidence: c.evidence.iter().map(|&i| &events[i as usize]).collect(),
                    }
                })
                .collect(),
            actors_appeared: self.actors_appeared.iter().map(id).collect(),
            actors_gone: self.actors_gone.iter().map(id).collect(),
        }
    }
}
