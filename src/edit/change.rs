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

/// A patch as it crosses to the page's core (`corePatch()` → `applyPatch`): the records the
/// changes bring, as an Entente document, and one step of four numbers per change.
///
/// The undo history and the autosave log keep [`Change`]'s own form, tagged inside each record
/// (`{"change": "insertActor", ...}`), which serde reads only by buffering every record in a
/// generic value first. Read that way, the patch cost the core's wasm module (the first load)
/// about a third of its size. Here the records are read by the same deserializer as a
/// dataset's, which the core has anyway, and the steps are plain numbers:
///
/// | change | step |
/// |---|---|
/// | insert, remove, replace actor | `[0, at, 0, r]`, `[1, at, 0, 0]`, `[2, at, 0, r]`: `r` in `records.actors` |
/// | insert, remove, replace tie | `[3, at, 0, r]`, `[4, at, 0, 0]`, `[5, at, 0, r]`: `r` in `records.ties` |
/// | set a tie's ends | `[6, at, 0, r]`: the ends of `records.ties[r]` |
/// | insert, remove, replace event | `[7, at, tie, r]`, `[8, at, tie, 0]`, `[9, at, tie, r]`: the first event of `records.ties[r]` |
/// | set the day of the last edit | `[10, 0, 0, r]`: `edited[r]` |
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorePatch {
    pub steps: Vec<[u32; 4]>,
    pub records: Dataset,
    pub edited: Vec<Option<Date>>,
}

/// A list index as a step's number (lists are far below `u32::MAX`: the loader's limits).
fn n(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl CorePatch {
    /// The wire form of `changes`.
    pub fn new(changes: &[Change]) -> CorePatch {
        let mut p = CorePatch {
            steps: Vec::with_capacity(changes.len()),
            records: Dataset::default(),
            edited: Vec::new(),
        };
        let carry = |p: &mut CorePatch, source: &str, target: &str, events: Vec<Event>| {
            p.records.ties.push(Tie {
                source: source.into(),
                target: target.into(),
                events,
            });
            n(p.records.ties.len() - 1)
        };
        for c in changes {
            let actor = |p: &mut CorePatch, a: &Actor| {
                p.records.actors.push(a.clone());
                n(p.records.actors.len() - 1)
            };
            let step = match c {
                Change::InsertActor { at, actor: a } => [0, n(*at), 0, actor(&mut p, a)],
                Change::RemoveActor { at } => [1, n(*at), 0, 0],
                Change::ReplaceActor { at, actor: a } => [2, n(*at), 0, actor(&mut p, a)],
                Change::InsertTie { at, tie } => [
                    3,
                    n(*at),
                    0,
                    carry(&mut p, &tie.source, &tie.target, tie.events.clone()),
                ],
                Change::RemoveTie { at } => [4, n(*at), 0, 0],
                Change::ReplaceTie { at, tie } => [
                    5,
                    n(*at),
                    0,
                    carry(&mut p, &tie.source, &tie.target, tie.events.clone()),
                ],
                Change::SetTieEnds { at, source, target } => {
                    [6, n(*at), 0, carry(&mut p, source, target, Vec::new())]
                }
                Change::InsertEvent { tie, at, event } => [
                    7,
                    n(*at),
                    n(*tie),
                    carry(&mut p, "", "", vec![event.clone()]),
                ],
                Change::RemoveEvent { tie, at } => [8, n(*at), n(*tie), 0],
                Change::ReplaceEvent { tie, at, event } => [
                    9,
                    n(*at),
                    n(*tie),
                    carry(&mut p, "", "", vec![event.clone()]),
                ],
                Change::SetEdited { edited } => {
                    p.edited.push(*edited);
                    [10, 0, 0, n(p.edited.len() - 1)]
                }
            };
            p.steps.push(step);
        }
        p
    }

    /// The changes again.
    ///
    /// # Errors
    /// A [`LoadError`] at `steps[i]` for a step of no known kind or naming a record the patch
    /// does not bring.
    pub fn into_changes(self) -> Result<Vec<Change>, LoadError> {
        let mut actors: Vec<Option<Actor>> = self.records.actors.into_iter().map(Some).collect();
        let mut ties: Vec<Option<Tie>> = self.records.ties.into_iter().map(Some).collect();
        let mut changes = Vec::with_capacity(self.steps.len());
        for (i, &[kind, at, tie, r]) in self.steps.iter().enumerate() {
            let bad = |what: &str| {
                LoadError::at(
                    ErrorKind::Field,
                    format!("steps[{i}]"),
                    format!("the patch's step {i} {what}"),
                )
            };
            let (at, t, r) = (at as usize, tie as usize, r as usize);
            let mut actor = || {
                actors
                    .get_mut(r)
                    .and_then(Option::take)
                    .ok_or_else(|| bad("names an actor the patch does not bring"))
            };
            let mut record = || {
                ties.get_mut(r)
                    .and_then(Option::take)
                    .ok_or_else(|| bad("names a tie the patch does not bring"))
            };
            changes.push(match kind {
                0 => Change::InsertActor {
                    at,
                    actor: actor()?,
                },
                1 => Change::RemoveActor { at },
                2 => Change::ReplaceActor {
                    at,
                    actor: actor()?,
                },
                3 => Change::InsertTie { at, tie: record()? },
                4 => Change::RemoveTie { at },
                5 => Change::ReplaceTie { at, tie: record()? },
                6 => {
                    let Tie { source, target, .. } = record()?;
                    Change::SetTieEnds { at, source, target }
                }
                7 | 9 => {
                    let event = record()?
                        .events
                        .into_iter()
                        .next()
                        .ok_or_else(|| bad("brings no event"))?;
                    if kind == 7 {
                        Change::InsertEvent { tie: t, at, event }
                    } else {
                        Change::ReplaceEvent { tie: t, at, event }
                    }
                }
                8 => Change::RemoveEvent { tie: t, at },
                10 => Change::SetEdited {
                    edited: *self
                        .edited
                        .get(r)
                        .ok_or_else(|| bad("names a day the patch does not bring"))?,
                },
                _ => return Err(bad(&format!("is of no known kind ({kind})"))),
            });
        }
        Ok(changes)
    }
}
