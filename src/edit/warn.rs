//! Warnings, not errors, after an edit: an actor that may already be there (a similar name, the
//! same ISO code), an event that repeats another of its tie (same date, kind and a source).

use super::op::Record;
use crate::model::{Dataset, Event};
use serde::Serialize;

/// Something the person may want to look at: the field of the edited record, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub field: String,
    pub message: String,
}

/// The warnings about `record` in `d`.
///
/// # Complexity
/// O(actors × name length) for an actor, O(events of its tie) for an event.
pub fn warnings(d: &Dataset, record: Record) -> Vec<Warning> {
    match record {
        Record::Actor(i) => actor(d, i),
        Record::Event(t, j) => event(d, t, j),
        Record::None => Vec::new(),
    }
}

fn actor(d: &Dataset, i: usize) -> Vec<Warning> {
    let Some(a) = d.actors.get(i) else {
        return Vec::new();
    };
    let key = folded(&a.name);
    let mut out = Vec::new();
    let mut name = Vec::new(); // one buffer for every other name, folded
    for (k, other) in d.actors.iter().enumerate().filter(|(k, _)| *k != i) {
        let same_code = a.iso3.is_some() && other.iso3 == a.iso3;
        if same_code {
            out.push(Warning {
                field: "iso3".into(),
                message: format!(
                    "{} ({}) has the same ISO code: is it the same actor?",
                    other.name, other.id
                ),
            });
        } else {
            fold_into(&other.name, &mut name);
        }
        if !same_code && similar(&key, &name) {
            out.push(Warning {
                field: "name".into(),
                message: format!(
                    "{} ({}) has a similar name: is it the same actor?",
                    other.name, other.id
                ),
            });
        }
        if out.len() == 3 || k > 200_000 {
            break;
        }
    }
    out
}

fn event(d: &Dataset, t: usize, j: usize) -> Vec<Warning> {
    let Some(e) = d.ties.get(t).and_then(|tie| tie.events.get(j)) else {
        return Vec::new();
    };
    let repeats = |o: &Event| {
        o.date == e.date
            && o.kind == e.kind
            && o.sources.iter().any(|s| {
                e.sources
                    .iter()
                    .any(|x| x.outlet == s.outlet && x.date == s.date)
            })
    };
    d.ties[t]
        .events
        .iter()
        .enumerate()
        .filter(|&(k, o)| k != j && repeats(o))
        .map(|(k, o)| Warning {
            field: "date".into(),
            message: format!(
                "event {k} of this tie has the same date, kind and source: {}",
                o.summary
            ),
        })
        .take(3)
        .collect()
}

/// A name as compared: lower case, letters and digits only.
fn folded(name: &str) -> Vec<char> {
    let mut out = Vec::new();
    fold_into(name, &mut out);
    out
}

/// [`folded`] into a buffer used again.
fn fold_into(name: &str, out: &mut Vec<char>) {
    out.clear();
    out.extend(
        name.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase),
    );
}

/// The same folded name, or (for names of 6 characters or more) at most two edits apart.
fn similar(a: &[char], b: &[char]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let allowed = if a.len().min(b.len()) < 6 { 0 } else { 2 };
    a.len().abs_diff(b.len()) <= allowed && distance(a, b) <= allowed
}

/// Levenshtein distance, one row at a time.
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_one_letter_apart_are_similar() {
        let f = |s: &str| folded(s);
        assert!(similar(&f("Turkey"), &f("Turkiye")));
        assert!(similar(&f("Saudi Arabia"), &f("saudi-arabia")));
        assert!(!similar(&f("Iran"), &f("Iraq")));
        assert!(!similar(&f("China"), &f("Chile")));
        assert_eq!(distance(&f("kitten"), &f("sitting")), 3);
    }
}
