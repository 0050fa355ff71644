//! The rules every dataset obeys, whatever format it came from; each error names its record.

use crate::error::{ErrorKind, LoadError};
use crate::model::{Dataset, FORMAT};
use std::collections::HashMap;

/// Longest text accepted in any field, in bytes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// Checks the rules that serde cannot: the [`limits`](super::limits), format version, non-empty texts, ranges, unique ids,
/// ties that name known actors, no self-ties, one tie per pair, evidence on every tie.
///
/// # Errors
/// The first broken rule, as a [`LoadError`] whose path names the record and field.
///
/// # Complexity
/// O(actors + ties + events), with hashing of ids.
pub fn validate(d: &Dataset) -> Result<(), LoadError> {
    super::limits::check(d)?;
    if d.format != FORMAT {
        return Err(LoadError::at(
            ErrorKind::UnsupportedFormat,
            "format",
            format!(
                "\"{}\" is not a format this version reads (it reads \"{FORMAT}\")",
                d.format
            ),
        ));
    }
    text("title", &d.title)?;
    let mut ids: HashMap<&str, usize> = HashMap::with_capacity(d.actors.len());
    for (i, a) in d.actors.iter().enumerate() {
        let at = |field: &str| format!("actors[{i}].{field}");
        text(&at("id"), &a.id)?;
        text(&at("name"), &a.name)?;
        if let Some(first) = ids.insert(&a.id, i) {
            return Err(LoadError::at(
                ErrorKind::DuplicateActor,
                at("id"),
                format!("\"{}\" is already the id of actors[{first}]", a.id),
            ));
        }
        range(&at("lat"), a.lat, -90.0, 90.0)?;
        range(&at("lon"), a.lon, -180.0, 180.0)?;
        if let Some(iso) = &a.iso3 {
            if iso.len() != 3 || !iso.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(LoadError::at(
                    ErrorKind::Field,
                    at("iso3"),
                    format!("\"{iso}\" is not a three-letter ISO 3166 code in capitals"),
                ));
            }
        }
    }
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::with_capacity(d.ties.len());
    for (i, t) in d.ties.iter().enumerate() {
        for (field, id) in [("source", &t.source), ("target", &t.target)] {
            if !ids.contains_key(id.as_str()) {
                return Err(LoadError::at(
                    ErrorKind::UnknownActor,
                    format!("ties[{i}].{field}"),
                    format!("no actor has the id \"{id}\""),
                ));
            }
        }
        if t.source == t.target {
            return Err(LoadError::at(
                ErrorKind::SelfTie,
                format!("ties[{i}].target"),
                format!("the tie joins \"{}\" to itself", t.source),
            ));
        }
        let key = if t.source < t.target {
            (t.source.as_str(), t.target.as_str())
        } else {
            (t.target.as_str(), t.source.as_str())
        };
        if let Some(first) = pairs.insert(key, i) {
            return Err(LoadError::at(
                ErrorKind::DuplicateTie,
                format!("ties[{i}]"),
                format!(
                    "ties[{first}] already joins \"{}\" and \"{}\"; put all their events on one tie",
                    key.0, key.1
                ),
            ));
        }
        if t.events.is_empty() {
            return Err(LoadError::at(
                ErrorKind::NoEvidence,
                format!("ties[{i}].events"),
                "a tie needs at least one event",
            ));
        }
        for (j, e) in t.events.iter().enumerate() {
            let at = |field: &str| format!("ties[{i}].events[{j}].{field}");
            text(&at("summary"), &e.summary)?;
            if e.sources.is_empty() {
                return Err(LoadError::at(
                    ErrorKind::NoEvidence,
                    at("sources"),
                    "an event needs at least one source",
                ));
            }
            for (k, s) in e.sources.iter().enumerate() {
                text(&at(&format!("sources[{k}].outlet")), &s.outlet)?;
            }
            for (k, f) in e.figures.iter().enumerate() {
                range(&at(&format!("figures[{k}].value")), f.value, -1e15, 1e15)?;
                text(&at(&format!("figures[{k}].unit")), &f.unit)?;
            }
            for (k, p) in e.people.iter().enumerate() {
                text(&at(&format!("people[{k}]")), p)?;
            }
        }
    }
    Ok(())
}

fn text(path: &str, value: &str) -> Result<(), LoadError> {
    if value.trim().is_empty() {
        return Err(LoadError::at(
            ErrorKind::EmptyText,
            path,
            "must not be empty",
        ));
    }
    if value.len() > MAX_TEXT_BYTES {
        return Err(LoadError::at(
            ErrorKind::TooLarge,
            path,
            format!(
                "the text is {} bytes; the limit is {MAX_TEXT_BYTES} bytes",
                value.len()
            ),
        ));
    }
    Ok(())
}

fn range(path: &str, value: f64, min: f64, max: f64) -> Result<(), LoadError> {
    if value.is_finite() && (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(LoadError::at(
            ErrorKind::OutOfRange,
            path,
            format!(
                "{} is outside {}..{}",
                number(value),
                number(min),
                number(max)
            ),
        ))
    }
}

/// A number as a person reads it: plain when short, in scientific notation when huge.
fn number(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e9 {
        v.to_string()
    } else {
        format!("{v:e}")
    }
}
