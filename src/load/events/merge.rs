//! An imported dataset added to the one on screen: actors matched by id, ISO code or the
//! country table, events put on the existing tie of their pair, the rest added.

use super::countries::countries;
use crate::load::notice::{plural, Notice, NoticeKind};
use crate::model::{Actor, Dataset, Tie};
use std::collections::HashMap;

/// `current` with `added`'s actors and events: an added actor is the current actor with its id,
/// its ISO code, or a name the country table gives the same country; an added tie's events go on
/// the current tie of that pair. The title, description, provenance and story stay `current`'s.
///
/// Returns the dataset and one notice saying what was matched and what is new.
pub fn add_to(current: &Dataset, added: &Dataset) -> (Dataset, Notice) {
    let mut out = current.clone();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_iso: HashMap<String, usize> = HashMap::new();
    let mut by_country: HashMap<&'static str, usize> = HashMap::new();
    for (i, a) in current.actors.iter().enumerate() {
        by_id.insert(a.id.clone(), i);
        if let Some(iso) = &a.iso3 {
            by_iso.entry(iso.clone()).or_insert(i);
        }
        if let Some(c) = countries()
            .find(&a.name)
            .or_else(|| countries().find(&a.id))
        {
            by_country.entry(c.id()).or_insert(i);
        }
    }
    let mut matched = Vec::new();
    let mut new_actors = Vec::new();
    let mut id_of: HashMap<&str, String> = HashMap::new();
    for a in &added.actors {
        let found = by_id
            .get(&a.id)
            .or_else(|| a.iso3.as_ref().and_then(|iso| by_iso.get(iso)))
            .or_else(|| {
                let c = countries()
                    .find(&a.id)
                    .or_else(|| countries().find(&a.name))?;
                by_country.get(c.id())
            });
        match found {
            Some(&i) => {
                matched.push(current.actors[i].name.clone());
                id_of.insert(&a.id, current.actors[i].id.clone());
            }
            None => {
                new_actors.push(a.name.clone());
                by_id.insert(a.id.clone(), out.actors.len());
                out.actors.push(Actor { ..a.clone() });
                id_of.insert(&a.id, a.id.clone());
            }
        }
    }
    let pair = |a: &str, b: &str| {
        if a < b {
            (a.to_string(), b.to_string())
        } else {
            (b.to_string(), a.to_string())
        }
    };
    let mut ties: HashMap<(String, String), usize> = out
        .ties
        .iter()
        .enumerate()
        .map(|(i, t)| (pair(&t.source, &t.target), i))
        .collect();
    let (mut joined, mut new_ties, mut events) = (0, 0, 0);
    for t in &added.ties {
        let (s, g) = (&id_of[t.source.as_str()], &id_of[t.target.as_str()]);
        if s == g {
            continue;
        }
        events += t.events.len();
        match ties.get(&pair(s, g)) {
            Some(&i) => {
                joined += 1;
                let tie = &mut out.ties[i];
                tie.events.extend(t.events.iter().cloned());
                tie.events.sort_by_key(|e| e.date);
            }
            None => {
                new_ties += 1;
                ties.insert(pair(s, g), out.ties.len());
                out.ties.push(Tie {
                    source: s.clone(),
                    target: g.clone(),
                    events: t.events.clone(),
                });
            }
        }
    }
    let mut message = format!(
        "Added {} from {}, onto {} and {}",
        plural(events, "event", "events"),
        added.title,
        plural(joined, "existing tie", "existing ties"),
        plural(new_ties, "new tie", "new ties"),
    );
    if !matched.is_empty() {
        message += &format!("; matched to actors already shown: {}", matched.join(", "));
    }
    if !new_actors.is_empty() {
        message += &format!("; new actors: {}", new_actors.join(", "));
    }
    (out, Notice::new(NoticeKind::Added, events, message))
}
