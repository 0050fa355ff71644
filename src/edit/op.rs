//! The edits a person makes (add, update, remove, merge actors; add, update, remove events),
//! each planned as [`Change`]s on the live dataset.

use super::change::{roll_back, Change};
use crate::date::Date;
use crate::error::{ErrorKind, LoadError};
use crate::load::Touched;
use crate::model::{Actor, Dataset, Event, Tie};
use serde::{Deserialize, Serialize};

/// One edit, as the page and `window.entente.edit` ask for it. Actors are named by id; an
/// event by the ids of its tie's two actors (either order) and its place in that tie's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "camelCase")]
pub enum Op {
    AddActor {
        actor: Actor,
    },
    /// Everything of the actor `id` but its id, which stays.
    UpdateActor {
        id: String,
        actor: Actor,
    },
    /// The actor and every tie it has.
    RemoveActor {
        id: String,
    },
    /// `merge`'s ties become `keep`'s (events of a pair both had go on one tie; the events
    /// between the two go), then `merge` is removed.
    MergeActors {
        keep: String,
        merge: String,
    },
    /// An event on the tie of `source` and `target`, made when they have none.
    AddEvent {
        source: String,
        target: String,
        event: Event,
    },
    UpdateEvent {
        source: String,
        target: String,
        index: usize,
        event: Event,
    },
    /// The event; the tie too when it was its last.
    RemoveEvent {
        source: String,
        target: String,
        index: usize,
    },
}

/// The record an edit is about, so that a validator's path can be read as a field of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    Actor(usize),
    Event(usize, usize),
    None,
}

impl Record {
    /// `path` as a field of this record (`actors[4].lat` → `lat`), when it is about it.
    pub fn field(self, path: &str) -> Option<&str> {
        let prefix = match self {
            Record::Actor(i) => format!("actors[{i}]."),
            Record::Event(t, j) => {
                let event = format!("ties[{t}].events[{j}].");
                if let Some(f) = path.strip_prefix(&event) {
                    return Some(f);
                }
                format!("ties[{t}].")
            }
            Record::None => return None,
        };
        path.strip_prefix(&prefix)
    }
}

/// Changes applied one by one, with what undoes them.
pub(crate) struct Builder<'d> {
    pub d: &'d mut Dataset,
    undo: Vec<Change>,
    /// The records the changes so far touched: what the validator checks again.
    pub touched: Touched,
    /// The changes so far as the page's core applies them: a change to a tie's events as the
    /// whole tie after it (the core keeps events in date order, so indices of events differ).
    pub patch: Vec<Change>,
}

impl<'d> Builder<'d> {
    pub fn new(d: &'d mut Dataset) -> Builder<'d> {
        Builder {
            d,
            undo: Vec::new(),
            touched: Touched::default(),
            patch: Vec::new(),
        }
    }

    pub fn push(&mut self, c: Change) -> Result<(), LoadError> {
        c.note(self.d, &mut self.touched);
        let tie = match &c {
            Change::InsertEvent { tie, .. }
            | Change::RemoveEvent { tie, .. }
            | Change::ReplaceEvent { tie, .. } => Some(*tie),
            _ => {
                self.patch.push(c.clone());
                None
            }
        };
        let inverse = c.apply(self.d)?;
        if let Some(at) = tie {
            let tie = self.d.ties[at].clone();
            self.patch.push(Change::ReplaceTie { at, tie });
        }
        self.undo.push(inverse);
        Ok(())
    }

    /// Puts the dataset back as it was before the first change.
    pub fn abort(self) {
        roll_back(self.d, self.undo);
    }

    /// What undoes every change, in the order to apply it.
    pub fn finish(mut self) -> Vec<Change> {
        self.undo.reverse();
        self.undo
    }
}

fn no_actor(field: &str, id: &str) -> LoadError {
    LoadError::at(
        ErrorKind::UnknownActor,
        field,
        format!("no actor has the id \"{id}\""),
    )
}

fn actor_index(d: &Dataset, field: &str, id: &str) -> Result<usize, LoadError> {
    d.actors
        .iter()
        .position(|a| a.id == id)
        .ok_or_else(|| no_actor(field, id))
}

/// The tie joining `a` and `b`, in either order.
pub(crate) fn tie_index(d: &Dataset, a: &str, b: &str) -> Option<usize> {
    d.ties
        .iter()
        .position(|t| (t.source == a && t.target == b) || (t.source == b && t.target == a))
}

fn no_tie(a: &str, b: &str) -> LoadError {
    LoadError::at(
        ErrorKind::UnknownActor,
        "target",
        format!("no tie joins \"{a}\" and \"{b}\""),
    )
}

/// The tie of `a` and `b` and its event `index`.
fn event_at<'d>(
    d: &'d Dataset,
    a: &str,
    b: &str,
    index: usize,
) -> Result<(usize, &'d Event), LoadError> {
    let t = tie_index(d, a, b).ok_or_else(|| no_tie(a, b))?;
    let events = &d.ties[t].events;
    let e = events.get(index).ok_or_else(|| {
        LoadError::at(
            ErrorKind::Field,
            "index",
            format!(
                "the tie of \"{a}\" and \"{b}\" has {} events; there is no event {index}",
                events.len()
            ),
        )
    })?;
    Ok((t, e))
}

/// The ties of actor `id`, highest index first (so removing one keeps the others' indices).
fn ties_of(d: &Dataset, id: &str) -> Vec<usize> {
    let mut list: Vec<usize> = (0..d.ties.len())
        .filter(|&t| d.ties[t].source == id || d.ties[t].target == id)
        .collect();
    list.reverse();
    list
}

/// A pair and a date as a history names an event: `PAK–TUR 2021-06`.
fn event_name(a: &str, b: &str, date: Date) -> String {
    format!("{a}–{b} {date}")
}

impl Op {
    /// An op from its JSON text (`{"op": "addEvent", "source": …}`), as the page sends it.
    ///
    /// # Errors
    /// The field serde refused, with the same words as a file's error (a date not in the
    /// calendar, a kind that is not one) and its path in the op (`event.date`).
    pub fn from_json(text: &str) -> Result<Op, LoadError> {
        let located = |path: String, e: &serde_json::Error| {
            // The line and column of the op's text say nothing about a form's field.
            let mut error = crate::load::json::serde_error(path, e, text);
            (error.line, error.column) = (None, None);
            error
        };
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| located(String::new(), &e))?;
        // A tagged enum reads its fields from a buffer that loses their path: the record an
        // op carries is read again on its own to name the field.
        let record = |key: &str, value: &serde_json::Value| -> Option<LoadError> {
            let inner = value.get(key)?;
            let result: Result<serde_json::Value, _> = match key {
                "actor" => {
                    serde_path_to_error::deserialize::<_, Actor>(inner).map(|_| inner.clone())
                }
                _ => serde_path_to_error::deserialize::<_, Event>(inner).map(|_| inner.clone()),
            };
            result
                .err()
                .map(|e| located(format!("{key}.{}", e.path()), e.inner()))
        };
        serde_json::from_value(value.clone()).map_err(|e| {
            record("actor", &value)
                .or_else(|| record("event", &value))
                .unwrap_or_else(|| located(String::new(), &e))
        })
    }

    /// Applies the edit's changes through `b`; returns the step's name and the record it is
    /// about. `today` stamps an added or changed event.
    ///
    /// # Errors
    /// A [`LoadError`] for an id, tie or index that does not exist; the caller aborts `b`.
    pub(crate) fn plan(
        self,
        b: &mut Builder<'_>,
        today: Date,
    ) -> Result<(String, Record), LoadError> {
        match self {
            Op::AddActor { actor } => {
                let at = b.d.actors.len();
                let name = format!("added actor {} ({})", actor.name, actor.id);
                b.push(Change::InsertActor { at, actor })?;
                Ok((name, Record::Actor(at)))
            }
            Op::UpdateActor { id, actor } => {
                let at = actor_index(b.d, "id", &id)?;
                if actor.id != id {
                    return Err(LoadError::at(
                        ErrorKind::Field,
                        format!("actors[{at}].id"),
                        format!("an actor's id stays \"{id}\"; add a new actor for another id"),
                    ));
                }
                let name = if actor.name != b.d.actors[at].name {
                    format!("renamed {} to {}", b.d.actors[at].name, actor.name)
                } else {
                    format!("edited actor {} ({id})", actor.name)
                };
                b.push(Change::ReplaceActor { at, actor })?;
                Ok((name, Record::Actor(at)))
            }
            Op::RemoveActor { id } => {
                let at = actor_index(b.d, "id", &id)?;
                let ties = ties_of(b.d, &id);
                let name = format!(
                    "deleted actor {} ({id}) and its {} tie{}",
                    b.d.actors[at].name,
                    ties.len(),
                    if ties.len() == 1 { "" } else { "s" }
                );
                for t in ties {
                    b.push(Change::RemoveTie { at: t })?;
                }
                b.push(Change::RemoveActor { at })?;
                Ok((name, Record::None))
            }
            Op::MergeActors { keep, merge } => merge_actors(b, &keep, &merge),
            Op::AddEvent {
                source,
                target,
                mut event,
            } => {
                event.added = Some(today);
                let name = format!("added event {}", event_name(&source, &target, event.date));
                match tie_index(b.d, &source, &target) {
                    Some(t) => {
                        let at = b.d.ties[t].events.len();
                        b.push(Change::InsertEvent { tie: t, at, event })?;
                        Ok((name, Record::Event(t, at)))
                    }
                    None => {
                        let at = b.d.ties.len();
                        let tie = Tie {
                            source,
                            target,
                            events: vec![event],
                        };
                        b.push(Change::InsertTie { at, tie })?;
                        Ok((name, Record::Event(at, 0)))
                    }
                }
            }
            Op::UpdateEvent {
                source,
                target,
                index,
                mut event,
            } => {
                let (t, _) = event_at(b.d, &source, &target, index)?;
                event.added = Some(today);
                let name = format!("edited event {}", event_name(&source, &target, event.date));
                b.push(Change::ReplaceEvent {
                    tie: t,
                    at: index,
                    event,
                })?;
                Ok((name, Record::Event(t, index)))
            }
            Op::RemoveEvent {
                source,
                target,
                index,
            } => {
                let (t, e) = event_at(b.d, &source, &target, index)?;
                let name = format!("deleted event {}", event_name(&source, &target, e.date));
                if b.d.ties[t].events.len() == 1 {
                    b.push(Change::RemoveTie { at: t })?;
                } else {
                    b.push(Change::RemoveEvent { tie: t, at: index })?;
                }
                Ok((name, Record::None))
            }
        }
    }
}

/// `merge`'s ties moved to `keep`: a pair `keep` already has gets the events, another tie
/// gets `keep` as its end, a tie between the two goes; then `merge` goes.
fn merge_actors(
    b: &mut Builder<'_>,
    keep: &str,
    merge: &str,
) -> Result<(String, Record), LoadError> {
    let kept = actor_index(b.d, "keep", keep)?;
    let gone = actor_index(b.d, "merge", merge)?;
    if kept == gone {
        return Err(LoadError::at(
            ErrorKind::SelfTie,
            "merge",
            format!("\"{merge}\" cannot be merged into itself"),
        ));
    }
    let name = format!(
        "merged {} ({merge}) into {} ({keep})",
        b.d.actors[gone].name, b.d.actors[kept].name
    );
    for t in ties_of(b.d, merge) {
        let tie = &b.d.ties[t];
        let partner = if tie.source == merge {
            tie.target.clone()
        } else {
            tie.source.clone()
        };
        if partner == keep {
            b.push(Change::RemoveTie { at: t })?;
        } else if let Some(into) = tie_index(b.d, keep, &partner) {
            let events = b.d.ties[t].events.clone();
            let start = b.d.ties[into].events.len();
            for (k, event) in events.into_iter().enumerate() {
                b.push(Change::InsertEvent {
                    tie: into,
                    at: start + k,
                    event,
                })?;
            }
            b.push(Change::RemoveTie { at: t })?;
        } else {
            let swap = |id: &str| {
                if id == merge {
                    keep.to_string()
                } else {
                    id.to_string()
                }
            };
            let (source, target) = (swap(&tie.source), swap(&tie.target));
            b.push(Change::SetTieEnds {
                at: t,
                source,
                target,
            })?;
        }
    }
    let gone = actor_index(b.d, "merge", merge)?;
    b.push(Change::RemoveActor { at: gone })?;
    let kept = actor_index(b.d, "keep", keep)?;
    Ok((name, Record::Actor(kept)))
}
