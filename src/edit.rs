//! Editing a dataset with undo and redo: each edit checked by the loader's validator, kept as a
//! log of reversible changes.

mod change;
mod op;
mod warn;

pub use change::{apply_all, Change, CorePatch};
pub use op::{Op, Record};
pub use warn::{warnings, Warning};

use crate::date::Date;
use crate::error::LoadError;
use crate::load::validate_touched;
use crate::model::{Dataset, Event};
use serde::{Deserialize, Serialize};

/// How many steps the history keeps; the oldest go first.
pub const MAX_HISTORY: usize = 500;

/// Applies `changes` to `d`, a valid dataset, if it stays valid (the validator's rules on the
/// records they touch). Returns the changes that undo them and the patch for the page's core
/// ([`Editor::patch`]).
///
/// # Errors
/// The first change that names a record `d` lacks, or the first broken rule; `d` is then
/// unchanged.
pub fn apply_checked(
    d: &mut Dataset,
    changes: Vec<Change>,
) -> Result<(Vec<Change>, Vec<Change>), LoadError> {
    let mut b = op::Builder::new(d);
    for c in changes {
        if let Err(e) = b.push(c) {
            b.abort();
            return Err(e);
        }
    }
    if let Err(e) = validate_touched(b.d, &b.touched) {
        b.abort();
        return Err(e);
    }
    let patch = std::mem::take(&mut b.patch);
    Ok((b.finish(), patch))
}

/// One step of the history: its name ("added event PAK–TUR 2021-06") and the changes that
/// take it back (or, on the redo list, do it again), in the order to apply them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub name: String,
    pub changes: Vec<Change>,
}

/// An edit the validator refused: the error as a file's would read, and the field of the
/// edited record it is about (`date`, `sources[0].url`), when it is about one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError {
    pub error: LoadError,
    pub field: Option<String>,
}

/// What an accepted edit did: the step's name and the warnings it raises (likely duplicates).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    pub name: String,
    pub warnings: Vec<Warning>,
}

/// A dataset being edited, with its undo and redo lists.
#[derive(Debug, Clone)]
pub struct Editor {
    dataset: Dataset,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The last edit, undo or redo as the page's core applies it (see [`Editor::patch`]).
    patch: Vec<Change>,
}

impl Editor {
    /// Starts editing a valid dataset, with an empty history.
    pub fn new(dataset: Dataset) -> Editor {
        Editor::with_history(dataset, Vec::new(), Vec::new())
    }

    /// Goes on editing a dataset with the history kept beside it (oldest step first).
    pub fn with_history(dataset: Dataset, undo: Vec<Step>, redo: Vec<Step>) -> Editor {
        Editor {
            dataset,
            undo,
            redo,
            patch: Vec::new(),
        }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The steps that can be undone and redone, oldest first and next-to-redo last.
    pub fn steps(&self) -> (&[Step], &[Step]) {
        (&self.undo, &self.redo)
    }

    /// Applies `op`, stamped with `today`, if the dataset stays valid; clears the redo list.
    ///
    /// # Errors
    /// The validator's first error (or the op's own: an unknown id, tie or index), with the
    /// field of the edited record; the dataset is then unchanged.
    ///
    /// # Complexity
    /// The op's changes plus the validator's rules on the records they touch: a scan of the
    /// ids, O(actors + ties), without allocation.
    pub fn apply(&mut self, op: Op, today: Date) -> Result<Outcome, EditError> {
        let mut b = op::Builder::new(&mut self.dataset);
        let planned = b.push(Change::SetEdited {
            edited: Some(today),
        });
        let planned = planned.and_then(|()| op.plan(&mut b, today));
        let (name, record) = match planned {
            Ok(p) => p,
            Err(error) => {
                b.abort();
                let field = Some(error.path.rsplit('.').next().unwrap_or("").to_string())
                    .filter(|f| !f.is_empty() && !f.contains('['));
                return Err(EditError { error, field });
            }
        };
        if let Err(error) = validate_touched(b.d, &b.touched) {
            b.abort();
            let field = record.field(&error.path).map(str::to_string);
            return Err(EditError { error, field });
        }
        self.patch = std::mem::take(&mut b.patch);
        let changes = b.finish();
        let warnings = warnings(&self.dataset, record);
        self.push_undo(Step {
            name: name.clone(),
            changes,
        });
        self.redo.clear();
        Ok(Outcome { name, warnings })
    }

    fn push_undo(&mut self, step: Step) {
        if self.undo.len() == MAX_HISTORY {
            self.undo.remove(0);
        }
        self.undo.push(step);
    }

    /// Takes back the last step; returns its name, or `None` when there is none.
    ///
    /// # Errors
    /// A [`LoadError`] when the kept history no longer fits the dataset (a damaged store); the
    /// dataset and both lists are then unchanged.
    pub fn undo(&mut self) -> Result<Option<String>, LoadError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        match self.replay(&step) {
            Ok(changes) => {
                let name = step.name.clone();
                self.redo.push(Step {
                    name: step.name,
                    changes,
                });
                Ok(Some(name))
            }
            Err(e) => {
                self.undo.push(step);
                Err(e)
            }
        }
    }

    /// Does again the last step undone; returns its name, or `None` when there is none.
    ///
    /// # Errors
    /// As [`Editor::undo`].
    pub fn redo(&mut self) -> Result<Option<String>, LoadError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        match self.replay(&step) {
            Ok(changes) => {
                let name = step.name.clone();
                self.push_undo(Step {
                    name: step.name,
                    changes,
                });
                Ok(Some(name))
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        }
    }

    /// A step's changes applied, and the dataset checked; undone again if either fails.
    fn replay(&mut self, step: &Step) -> Result<Vec<Change>, LoadError> {
        let (back, patch) = apply_checked(&mut self.dataset, step.changes.clone())?;
        self.patch = patch;
        Ok(back)
    }

    /// Applies changes kept after the history was (an autosave's log of the last edits),
    /// checked as an edit is; the history is unchanged.
    ///
    /// # Errors
    /// As [`Editor::undo`]; the dataset is then unchanged.
    pub fn catch_up(&mut self, changes: Vec<Change>) -> Result<(), LoadError> {
        self.patch = apply_checked(&mut self.dataset, changes)?.1;
        Ok(())
    }

    /// The last edit, undo or redo (or catch-up) as changes for a copy of the dataset whose
    /// events are in date order, as the page's core keeps them: see [`Change::ReplaceTie`].
    pub fn patch(&self) -> &[Change] {
        &self.patch
    }

    /// The events of the tie of `a` and `b` (either order) in the dataset's order: the index
    /// an event is updated or removed by. Empty when no tie joins them.
    pub fn events_of(&self, a: &str, b: &str) -> &[Event] {
        op::tie_index(&self.dataset, a, b).map_or(&[], |t| &self.dataset.ties[t].events)
    }
}
