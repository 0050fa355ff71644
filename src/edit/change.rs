//! One reversible change to a dataset: applying a change gives back the change that undoes it.

use crate::date::Date;
use crate::error::{ErrorKind, LoadError};
use crate::load::Touched;
use crate::model::{Actor, Dataset, Event, Tie};
use serde::{Deserialize, Serialize};

/// The smallest edits of a dataset, each holding only what it changes (a record, an index),
/// never a copy of the dataset: an undo log of these scales with the edits, not the data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "camelCase")]
pub enum Change {
    /// Puts `actor` at index `at` of the actors.
    InsertActor { at: usize, actor: Actor },
    /// Takes out the actor at `at`.
    RemoveActor { at: usize },
    /// Puts `actor` in place of the actor at `at`.
    ReplaceActor { at: usize, actor: Actor },
    /// Puts `tie` at index `at` of the ties.
    InsertTie { at: usize, tie: Tie },
    /// Takes out the tie at `at`.
    RemoveTie { at: usize },
    /// Puts `tie` (with its events) in place of the tie at `at`: how the page's core, whose
    /// events are in date order, receives an editor's change to a tie's events.
    ReplaceTie { at: usize, tie: Tie },
    /// Gives the tie at `at` other ends (an actor merged into another).
    SetTieEnds {
        at: usize,
        source: String,
        target: String,
    },
    /// Puts `event` at index `at` of the events of tie `tie`.
    InsertEvent { tie: usize, at: usize, event: Event },
    /// Takes out event `at` of tie `tie`.
    RemoveEvent { tie: usize, at: usize },
    /// Puts `event` in place of event `at` of tie `tie`.
    ReplaceEvent { tie: usize, at: usize, event: Event },
    /// Sets the day the dataset was last edited.
    SetEdited { edited: Option<Date> },
}

/// A change that names a record the dataset does not have (a stale or corrupted log).
fn missing(what: &str, at: usize) -> LoadError {
    LoadError::at(
        ErrorKind::Field,
        format!("{what}[{at}]"),
        format!("the change names {what}[{at}], which the dataset does not have"),
    )
}

fn tie_mut(d: &mut Dataset, at: usize) -> Result<&mut Tie, LoadError> {
    d.ties.get_mut(at).ok_or_else(|| missing("ties", at))
}

impl Change {
    /// Notes in `t` the actors and ties this change touches in `d`, before it is applied:
    /// the records it names by index as they are now, and the ones it brings.
    pub fn note(&self, d: &Dataset, t: &mut Touched) {
        let tie_at = |t: &mut Touched, at: usize| {
            if let Some(x) = d.ties.get(at) {
                t.tie(&x.source, &x.target);
            }
        };
        match self {
            Change::InsertActor { actor, .. } => t.actor(&actor.id),
            Change::RemoveActor { at } => {
                if let Some(a) = d.actors.get(*at) {
                    t.actor(&a.id);
                }
            }
            Change::ReplaceActor { at, actor } => {
                t.actor(&actor.id);
                if let Some(a) = d.actors.get(*at) {
                    t.actor(&a.id);
                }
            }
            Change::InsertTie { tie, .. } => t.tie(&tie.source, &tie.target),
            Change::SetTieEnds { at, source, target } => {
                t.tie(source, target);
                tie_at(t, *at);
            }
            Change::ReplaceTie { at, tie } => {
                t.tie(&tie.source, &tie.target);
                tie_at(t, *at);
            }
            Change::RemoveTie { at }
            | Change::InsertEvent { tie: at, .. }
            | Change::RemoveEvent { tie: at, .. }
            | Change::ReplaceEvent { tie: at, .. } => tie_at(t, *at),
            Change::SetEdited { .. } => {}
        }
    }

    /// Applies the change to `d` and returns the change that undoes it.
    ///
    /// # Errors
    /// A [`LoadError`] when an index is past the end of its list; `d` is then unchanged.
    ///
    /// # Complexity
    /// O(1) for replacements, O(n) for an insertion or removal in a list of n records.
    pub fn apply(self, d: &mut Dataset) -> Result<Change, LoadError> {
        Ok(match self {
            Change::InsertActor { at, actor } => {
                if at > d.actors.len() {
                    return Err(missing("actors", at));
                }
                d.actors.insert(at, actor);
                Change::RemoveActor { at }
            }
            Change::RemoveActor { at } => {
                if at >= d.actors.len() {
                    return Err(missing("actors", at));
                }
                let actor = d.actors.remove(at);
                Change::InsertActor { at, actor }
            }
            Change::ReplaceActor { at, actor } => {
                let slot = d.actors.get_mut(at).ok_or_else(|| missing("actors", at))?;
                let actor = std::mem::replace(slot, actor);
                Change::ReplaceActor { at, actor }
            }
            Change::InsertTie { at, tie } => {
                if at > d.ties.len() {
                    return Err(missing("ties", at));
                }
                d.ties.insert(at, tie);
                Change::RemoveTie { at }
            }
            Change::RemoveTie { at } => {
                if at >= d.ties.len() {
                    return Err(missing("ties", at));
                }
                let tie = d.ties.remove(at);
                Change::InsertTie { at, tie }
            }
            Change::ReplaceTie { at, tie } => {
                let tie = std::mem::replace(tie_mut(d, at)?, tie);
                Change::ReplaceTie { at, tie }
            }
            Change::SetTieEnds { at, source, target } => {
                let t = tie_mut(d, at)?;
                let source = std::mem::replace(&mut t.source, source);
                let target = std::mem::replace(&mut t.target, target);
                Change::SetTieEnds { at, source, target }
            }
            Change::InsertEvent { tie, at, event } => {
                let t = tie_mut(d, tie)?;
                if at > t.events.len() {
                    return Err(missing(&format!("ties[{tie}].events"), at));
                }
                t.events.insert(at, event);
                Change::RemoveEvent { tie, at }
            }
            Change::RemoveEvent { tie, at } => {
                let t = tie_mut(d, tie)?;
                if at >= t.events.len() {
                    return Err(missing(&format!("ties[{tie}].events"), at));
                }
                let event = t.events.remove(at);
                Change::InsertEvent { tie, at, event }
            }
            Change::ReplaceEvent { tie, at, event } => {
                let t = tie_mut(d, tie)?;
                let slot = t
                    .events
                    .get_mut(at)
                    .ok_or_else(|| missing(&format!("ties[{tie}].events"), at))?;
                let event = std::mem::replace(slot, event);
                Change::ReplaceEvent { tie, at, event }
            }
            Change::SetEdited { edited } => Change::SetEdited {
                edited: std::mem::replace(&mut d.edited, edited),
            },
        })
    }
}

/// Applies `changes` in order and returns the changes that undo them, in the order to apply
/// them. When one fails, those already applied are undone and `d` is as it was.
///
/// # Errors
/// The first change's [`LoadError`] that names a record `d` does not have.
pub fn apply_all(d: &mut Dataset, changes: Vec<Change>) -> Result<Vec<Change>, LoadError> {
    let mut undo = Vec::with_capacity(changes.len());
    for c in changes {
        match c.apply(d) {
            Ok(inverse) => undo.push(inverse),
            Err(e) => {
                roll_back(d, undo);
                return Err(e);
            }
        }
    }
    undo.reverse();
    Ok(undo)
}

/// Applies the inverses gathered so far (last first), which cannot fail: each one undoes a
/// change that has just succeeded on the same lists.
pub(crate) fn roll_back(d: &mut Dataset, mut undo: Vec<Change>) {
    while let Some(c) = undo.pop() {
        let _ = c.apply(d);
    }
}

/// The form in which a patch crosses to the page's core (`corePatch()` → `applyPatch`): each
/// change externally tagged, `{"insertActor": {"at": 3, "actor": {...}}}`.
///
/// The undo history and the autosave log keep [`Change`]'s own form, tagged inside the record
/// (`{"change": "insertActor", ...}`). serde can read that form only by buffering each record
/// in a generic value first, since the tag may come after the fields; that buffering code was
/// about a third of the core's wasm module. This form is read field by field. The two forms are
/// one enum: serde's `remote` derive checks at compile time that this mirror has every variant
/// of [`Change`] with the same fields.
#[derive(Serialize, Deserialize)]
#[serde(remote = "Change", rename_all = "camelCase")]
enum WireChange {
    InsertActor {
        at: usize,
        actor: Actor,
    },
    RemoveActor {
        at: usize,
    },
    ReplaceActor {
        at: usize,
        actor: Actor,
    },
    InsertTie {
        at: usize,
        tie: Tie,
    },
    RemoveTie {
        at: usize,
    },
    ReplaceTie {
        at: usize,
        tie: Tie,
    },
    SetTieEnds {
        at: usize,
        source: String,
        target: String,
    },
    InsertEvent {
        tie: usize,
        at: usize,
        event: Event,
    },
    RemoveEvent {
        tie: usize,
        at: usize,
    },
    ReplaceEvent {
        tie: usize,
        at: usize,
        event: Event,
    },
    SetEdited {
        edited: Option<Date>,
    },
}

/// A patch in the wire form of [`WireChange`], as JSON text.
///
/// # Errors
/// serde_json's error, which the records' plain fields do not give.
pub fn patch_to_wire(changes: &[Change]) -> Result<String, serde_json::Error> {
    #[derive(Serialize)]
    struct Out<'a>(#[serde(serialize_with = "out")] &'a Change);
    fn out<S: serde::Serializer>(c: &&Change, s: S) -> Result<S::Ok, S::Error> {
        WireChange::serialize(c, s)
    }
    let out: Vec<Out> = changes.iter().map(Out).collect();
    serde_json::to_string(&out)
}

/// Reads a patch in the wire form of [`WireChange`].
///
/// # Errors
/// serde_json's error for a text that is not such a list, with its line and column.
pub fn patch_from_wire(text: &str) -> Result<Vec<Change>, serde_json::Error> {
    #[derive(Deserialize)]
    struct In(#[serde(with = "WireChange")] Change);
    let changes: Vec<In> = serde_json::from_str(text)?;
    Ok(changes.into_iter().map(|In(c)| c).collect())
}
