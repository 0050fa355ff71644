//! The validator's rules applied to only the records an edit touched: the same first error as
//! [`validate`](super::validate) on a dataset that was valid before the edit.

use super::{actor_record, event, header, pair, tie};
use crate::error::{ErrorKind, LoadError};
use crate::model::Dataset;
use std::collections::HashMap;

/// What an edit touched: the ids of actors added, removed or replaced (before and after), and
/// the pairs of ties added, removed, given other ends or other events (each as either order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Touched {
    pub actors: Vec<String>,
    pub ties: Vec<(String, String)>,
}

impl Touched {
    pub fn actor(&mut self, id: &str) {
        if !self.actors.iter().any(|a| a == id) {
            self.actors.push(id.to_string());
        }
    }

    pub fn tie(&mut self, a: &str, b: &str) {
        let (a, b) = if a < b { (a, b) } else { (b, a) };
        if !self.ties.iter().any(|(x, y)| x == a && y == b) {
            self.ties.push((a.to_string(), b.to_string()));
        }
    }

    fn has_actor(&self, id: &str) -> bool {
        self.actors.iter().any(|a| a == id)
    }

    fn has_tie(&self, key: (&str, &str)) -> bool {
        self.ties.iter().any(|(a, b)| a == key.0 && b == key.1)
    }
}

/// Checks `d`, valid before an edit that touched `t`, by the records the edit could have made
/// invalid: every actor with a touched id, every tie of a touched pair (with its events) or
/// with a touched actor at an end, the dataset's counts and header, and its story.
///
/// # Errors
/// The first broken rule, the very error [`validate`](super::validate) gives (same path, same
/// words), since the records are checked in its order and the others cannot have changed.
///
/// # Complexity
/// O(actors + ties) comparisons of ids, without allocation, plus the touched records' rules;
/// a story is checked whole.
pub fn validate_touched(d: &Dataset, t: &Touched) -> Result<(), LoadError> {
    crate::load::limits::totals(d)?;
    for (i, tie) in d.ties.iter().enumerate() {
        if t.has_tie(pair(tie)) {
            crate::load::limits::per_event(i, tie)?;
        }
    }
    header(d)?;
    if d.actors.is_empty() {
        return Err(LoadError::at(
            ErrorKind::Empty,
            "actors",
            "a dataset needs at least one actor",
        ));
    }
    // The ids a touched tie could name, and whether an actor has each.
    let mut present: Vec<(&str, bool)> = Vec::new();
    for id in t
        .actors
        .iter()
        .chain(t.ties.iter().flat_map(|(a, b)| [a, b]))
    {
        if !present.iter().any(|(p, _)| p == id) {
            present.push((id, false));
        }
    }
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, a) in d.actors.iter().enumerate() {
        if let Some(p) = present.iter_mut().find(|(p, _)| *p == a.id) {
            p.1 = true;
        }
        if t.has_actor(&a.id) {
            actor_record(i, a, || {
                let earlier = first.get(a.id.as_str()).copied();
                first.entry(&a.id).or_insert(i);
                earlier
            })?;
        }
    }
    // An id no edit touched was an actor's before and still is.
    let known = |id: &str| present.iter().find(|(p, _)| *p == id).is_none_or(|p| p.1);
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::new();
    for (i, x) in d.ties.iter().enumerate() {
        let key = pair(x);
        let own = t.has_tie(key);
        if !own && !t.has_actor(&x.source) && !t.has_actor(&x.target) {
            continue;
        }
        tie(i, x, &known, || {
            let earlier = pairs.get(&key).copied();
            pairs.entry(key).or_insert(i);
            earlier
        })?;
        if own {
            for (j, e) in x.events.iter().enumerate() {
                event(&|field: &str| format!("ties[{i}].events[{j}].{field}"), e)?;
            }
        }
    }
    if let Some(story) = &d.story {
        let ids: HashMap<&str, usize> = d
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        crate::story::validate(story, d, &ids)?;
    }
    Ok(())
}
