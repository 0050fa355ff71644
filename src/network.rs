//! The loaded dataset as a compact graph: actor indices, tie endpoints, adjacency, and the
//! view of it that a filter selects.

use crate::date::Date;
use crate::error::LoadError;
use crate::load::validate;
use crate::model::{Actor, ActorType, Dataset, Event, Kind, KindSet, Tie, Tone};
use crate::origin;
use serde::Serialize;
use std::collections::HashMap;

/// Which events count: by kind, tone, actor type, source dataset, and up to which date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub kinds: KindSet,
    /// [`Tone::bit`] set for each tone shown.
    pub tones: u8,
    /// [`ActorType::bit`] set for each actor type shown.
    pub actor_types: u8,
    /// Only events in force on this date (dated by then, not ended before it: the network
    /// "as of" the date); `None` for all.
    pub until: Option<Date>,
    /// With a date, the filter is a window instead: only events dated in `[since, until]`
    /// (lasting or not; `until` `None` for no upper bound). `None`: as of `until`.
    pub since: Option<Date>,
    /// The source datasets hidden ([`origin::of`]; "" is the dataset's own events).
    pub hidden: Vec<String>,
}

impl Default for Filter {
    fn default() -> Filter {
        Filter {
            kinds: KindSet::ALL,
            tones: Tone::MASK,
            actor_types: ActorType::MASK,
            until: None,
            since: None,
            hidden: Vec::new(),
        }
    }
}

impl Filter {
    /// Whether one event passes the kind, tone and date parts of the filter.
    pub fn admits(&self, e: &Event) -> bool {
        self.kinds.contains(e.kind)
            && self.tones & e.tone.bit() != 0
            && match self.since {
                Some(s) => s <= e.date && self.until.is_none_or(|u| e.date <= u),
                None => self.until.is_none_or(|u| e.in_force(u)),
            }
            && self.shows_origin(e)
    }

    /// Whether the event's source dataset is not hidden.
    pub fn shows_origin(&self, e: &Event) -> bool {
        self.hidden.is_empty() || !self.hidden.iter().any(|h| h == origin::of(e))
    }

    /// The filter of the page's masks, each cut to the bits of known kinds, tones and types.
    pub fn from_masks(kinds: u8, tones: u8, actor_types: u8, until: Option<Date>) -> Filter {
        Filter {
            kinds: KindSet(kinds & KindSet::ALL.0),
            tones: tones & Tone::MASK,
            actor_types: actor_types & ActorType::MASK,
            until,
            since: None,
            hidden: Vec::new(),
        }
    }

    /// The same filter as a window: events dated in `[since, until]`.
    pub fn between(self, since: Option<Date>) -> Filter {
        Filter { since, ..self }
    }

    /// The same filter with the source datasets `hidden` hidden.
    pub fn hiding(self, hidden: Vec<String>) -> Filter {
        Filter { hidden, ..self }
    }

    /// Whether an actor's type passes the filter.
    pub fn admits_actor(&self, a: &Actor) -> bool {
        self.actor_types & a.actor_type.bit() != 0
    }
}

/// A validated dataset with its graph structure.
///
/// Events on each tie are kept in date order.
#[derive(Debug, Clone)]
pub struct Network {
    dataset: Dataset,
    ends: Vec<[u32; 2]>,
    index: HashMap<String, u32>,
    /// CSR adjacency: ties of actor `a` are `adj_ties[adj_start[a]..adj_start[a + 1]]`.
    adj_start: Vec<u32>,
    adj_ties: Vec<u32>,
}

/// What a filter leaves on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Visible {
    /// Visible ties, by index, in dataset order.
    pub ties: Vec<u32>,
    /// For each visible tie: the kinds of its admitted events.
    pub kinds: Vec<KindSet>,
    /// For each visible tie: the tone of its latest admitted event.
    pub tones: Vec<Tone>,
    /// For every actor: how many visible ties it has.
    pub degree: Vec<u32>,
    /// For every actor: whether its type passes the filter.
    pub shown: Vec<bool>,
}

/// A tie as seen from one of its actors, with the admitted events; what a tooltip lists.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TieView<'a> {
    pub tie: u32,
    pub partner: &'a str,
    pub partner_name: &'a str,
    pub kinds: Vec<Kind>,
    pub tone: Tone,
    pub events: Vec<&'a Event>,
}

impl Network {
    /// Validates `dataset` and indexes it.
    ///
    /// # Errors
    /// The first rule the dataset breaks (see [`validate`]).
    pub fn new(dataset: Dataset) -> Result<Network, LoadError> {
        validate(&dataset)?;
        Ok(Network::from_valid(dataset))
    }

    /// Parses, validates (once) and indexes an Entente JSON dataset: what the page does on load.
    ///
    /// # Errors
    /// The located error of [`crate::load::from_json`].
    pub fn from_json(text: &str) -> Result<Network, LoadError> {
        Ok(Network::from_valid(crate::load::from_json(text)?))
    }

    /// Indexes a dataset that a loader of this crate has already validated (`load::from_json`
    /// and the importers validate before they return), so that it is not validated twice.
    pub(crate) fn from_valid(mut dataset: Dataset) -> Network {
        let index: HashMap<String, u32> = dataset
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i as u32))
            .collect();
        for t in &mut dataset.ties {
            t.events.sort_by_key(|e| e.date);
        }
        let ends: Vec<[u32; 2]> = dataset
            .ties
            .iter()
            .map(|t| [index[&t.source], index[&t.target]])
            .collect();
        let n = dataset.actors.len();
        let mut adj_start = vec![0u32; n + 1];
        for [s, t] in &ends {
            adj_start[*s as usize + 1] += 1;
            adj_start[*t as usize + 1] += 1;
        }
        for i in 0..n {
            adj_start[i + 1] += adj_start[i];
        }
        let mut fill = adj_start.clone();
        let mut adj_ties = vec![0u32; ends.len() * 2];
        for (i, [s, t]) in ends.iter().enumerate() {
            for a in [*s, *t] {
                adj_ties[fill[a as usize] as usize] = i as u32;
                fill[a as usize] += 1;
            }
        }
        Network {
            dataset,
            ends,
            index,
            adj_start,
            adj_ties,
        }
    }

    /// Applies an editor's patch ([`crate::edit::Editor::patch`]), checked by the validator's
    /// rules on the records it touches, and indexes the dataset again: an edit without reading
    /// the whole dataset again.
    ///
    /// # Errors
    /// The change or the rule that refused; nothing changes then.
    pub fn apply_patch(&mut self, patch: Vec<crate::edit::Change>) -> Result<(), LoadError> {
        crate::edit::apply_checked(&mut self.dataset, patch)?;
        let dataset = std::mem::replace(&mut self.dataset, Network::empty().dataset);
        *self = Network::from_valid(dataset);
        Ok(())
    }

    /// A network of no actors: a placeholder while a network is rebuilt, never shown.
    pub(crate) fn empty() -> Network {
        Network::from_valid(Dataset::default())
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn actor_count(&self) -> usize {
        self.dataset.actors.len()
    }

    pub fn tie_count(&self) -> usize {
        self.ends.len()
    }

    pub fn actor(&self, i: u32) -> &Actor {
        &self.dataset.actors[i as usize]
    }

    pub fn tie(&self, i: u32) -> &Tie {
        &self.dataset.ties[i as usize]
    }

    /// The actor indices a tie joins, as `[source, target]`.
    pub fn ends(&self, tie: u32) -> [u32; 2] {
        self.ends[tie as usize]
    }

    /// The actor indices of tie `tie`, or `None` when there is no such tie.
    pub fn ends_of(&self, tie: u32) -> Option<[u32; 2]> {
        self.ends.get(tie as usize).copied()
    }

    /// The index of the actor with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// The ties of an actor, in dataset order.
    pub fn ties_of(&self, actor: u32) -> &[u32] {
        let a = actor as usize;
        &self.adj_ties[self.adj_start[a] as usize..self.adj_start[a + 1] as usize]
    }

    /// The earliest and latest event dates, or `None` without events.
    pub fn date_range(&self) -> Option<(Date, Date)> {
        let mut dates = self
            .dataset
            .ties
            .iter()
            .flat_map(|t| &t.events)
            .map(|e| e.date);
        let first = dates.next()?;
        Some(dates.fold((first, first), |(lo, hi), d| (lo.min(d), hi.max(d))))
    }

    /// The flat endpoint list `[s0, t0, s1, t1, ...]` of every tie, for layouts.
    pub fn edge_list(&self) -> Vec<u32> {
        self.ends.iter().flatten().copied().collect()
    }

    /// What `filter` leaves on screen.
    ///
    /// # Complexity
    /// O(actors + events).
    pub fn visible(&self, filter: &Filter) -> Visible {
        let shown: Vec<bool> = self
            .dataset
            .actors
            .iter()
            .map(|a| filter.admits_actor(a))
            .collect();
        let mut v = Visible {
            ties: Vec::new(),
            kinds: Vec::new(),
            tones: Vec::new(),
            degree: vec![0; self.actor_count()],
            shown,
        };
        for (i, (t, [s, e])) in self.dataset.ties.iter().zip(&self.ends).enumerate() {
            if !(v.shown[*s as usize] && v.shown[*e as usize]) {
                continue;
            }
            let mut kinds = KindSet::NONE;
            let mut tone = None;
            for ev in t.events.iter().filter(|ev| filter.admits(ev)) {
                kinds = kinds.with(ev.kind);
                tone = Some(ev.tone);
            }
            if let Some(tone) = tone {
                v.ties.push(i as u32);
                v.kinds.push(kinds);
                v.tones.push(tone);
                v.degree[*s as usize] += 1;
                v.degree[*e as usize] += 1;
            }
        }
        v
    }

    /// The ties of `actor` that `filter` leaves, each with its admitted events.
    pub fn tie_views(&self, actor: u32, filter: &Filter) -> Vec<TieView<'_>> {
        self.ties_of(actor)
            .iter()
            .filter_map(|&tie| self.tie_view(tie, actor, filter))
            .collect()
    }

    /// Tie `tie` as seen from its actor `from`, with the events `filter` admits; `None` when
    /// `from` is not one of its actors, the filter hides either actor or admits no event.
    pub fn tie_view(&self, tie: u32, from: u32, filter: &Filter) -> Option<TieView<'_>> {
        let [s, t] = self.ends_of(tie)?;
        let partner = match from {
            _ if from == s => t,
            _ if from == t => s,
            _ => return None,
        };
        let partner = self.actor(partner);
        if !filter.admits_actor(self.actor(from)) || !filter.admits_actor(partner) {
            return None;
        }
        let events = self.admitted_events(tie, filter);
        let tone = events.last()?.tone;
        let kinds: KindSet = events.iter().map(|e| e.kind).collect();
        Some(TieView {
            tie,
            partner: &partner.id,
            partner_name: &partner.name,
            kinds: kinds.iter().collect(),
            tone,
            events,
        })
    }

    /// The events of `tie` that `filter` admits, in date order.
    pub fn admitted_events(&self, tie: u32, filter: &Filter) -> Vec<&Event> {
        self.tie(tie)
            .events
            .iter()
            .filter(|e| filter.admits(e))
            .collect()
    }

    /// Each source dataset of the events with its number of events, the dataset's own ("")
    /// first; see [`origin::count`].
    pub fn source_datasets(&self) -> Vec<(&str, usize)> {
        origin::count(self.dataset.ties.iter().flat_map(|t| &t.events))
    }

    /// Whether an actor is of a type the filter shows.
    pub fn actor_type(&self, actor: u32) -> ActorType {
        self.actor(actor).actor_type
    }
}
