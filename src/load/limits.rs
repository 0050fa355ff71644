//! How much one dataset may hold: counts of records and depth of nesting.
//!
//! The limits keep a hostile or mistaken file from exhausting the page's memory or freezing it;
//! each error names the limit so a person knows what to cut.

use crate::error::{ErrorKind, LoadError};
use crate::model::{Dataset, Tie};

/// Most actors in one dataset.
pub const MAX_ACTORS: usize = 50_000;
/// Most ties in one dataset.
pub const MAX_TIES: usize = 200_000;
/// Most events in one dataset, over all ties.
pub const MAX_EVENTS: usize = 500_000;
/// Most sources, people or figures on one event.
pub const MAX_PER_EVENT: usize = 1_000;
/// Deepest nesting of JSON arrays and objects: serde_json's own recursion limit. Entente JSON
/// nests five levels deep, so a deeper file is refused at the first value of the wrong type,
/// before this limit is reached.
pub const MAX_NESTING: usize = 128;

/// Checks the counts of records: actors, ties, events in all, and the sources, people and
/// figures of each event. (The length of every text is a rule of
/// [`validate`](super::validate).)
///
/// # Errors
/// [`ErrorKind::TooLarge`], with the record path and a message naming the limit.
///
/// # Complexity
/// O(ties + events); nothing is allocated unless there is an error.
pub fn check(d: &Dataset) -> Result<(), LoadError> {
    totals(d)?;
    for (i, t) in d.ties.iter().enumerate() {
        per_event(i, t)?;
    }
    Ok(())
}

/// The counts of the whole dataset: actors, ties, events in all. O(ties).
pub(crate) fn totals(d: &Dataset) -> Result<(), LoadError> {
    count("actors", d.actors.len(), MAX_ACTORS, "actors")?;
    count("ties", d.ties.len(), MAX_TIES, "ties")?;
    let events: usize = d.ties.iter().map(|t| t.events.len()).sum();
    count("ties", events, MAX_EVENTS, "events in all")
}

/// The sources, people and figures of each event of tie `i`.
pub(crate) fn per_event(i: usize, t: &Tie) -> Result<(), LoadError> {
    for (j, e) in t.events.iter().enumerate() {
        for (field, n) in [
            ("sources", e.sources.len()),
            ("people", e.people.len()),
            ("figures", e.figures.len()),
        ] {
            if n > MAX_PER_EVENT {
                let path = format!("ties[{i}].events[{j}].{field}");
                count(&path, n, MAX_PER_EVENT, field)?;
            }
        }
    }
    Ok(())
}

fn count(path: &str, n: usize, limit: usize, what: &str) -> Result<(), LoadError> {
    if n <= limit {
        return Ok(());
    }
    Err(LoadError::at(
        ErrorKind::TooLarge,
        path,
        format!("there are {n} {what}; the limit is {limit} {what}"),
    ))
}
