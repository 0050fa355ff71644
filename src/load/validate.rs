//! The rules every dataset obeys, whatever format it came from; each error names its record.

use crate::error::{ErrorKind, LoadError};
use crate::model::{Actor, ActorType, Dataset, Event, Provenance, Source, Tie, FORMAT};
use std::collections::HashMap;

mod touched;
pub use touched::{validate_touched, Touched};

/// Longest text accepted in any field, in characters (Unicode scalar values, as JSON Schema's
/// `maxLength` counts them).
pub const MAX_TEXT_CHARS: usize = 65_536;

/// Longest short name of an actor, in characters: a label that fits beside a point.
pub const MAX_SHORT_CHARS: usize = 16;

/// Longest event summary, in characters.
pub const MAX_SUMMARY_CHARS: usize = 1_000;

/// Longest source address, in characters.
pub const MAX_URL_CHARS: usize = 2_048;

/// Longest quote from a source, in characters: a short passage, not the whole item.
pub const MAX_QUOTE_CHARS: usize = 1_000;

/// Longest actor id, in characters.
pub const MAX_ID_CHARS: usize = 256;

/// Checks the rules that serde cannot: the [`limits`](super::limits), format version, texts (non-blank, no control
/// characters, length limits), id shape, ranges, unique ids, ties that name known actors,
/// no self-ties, one tie per pair, evidence on every tie.
///
/// `data/schema.json` states the same rules, except the ones that span records (unique ids,
/// known actors, one tie per pair, no self-ties) and calendar checks of dates, which only
/// this function makes.
///
/// # Errors
/// The first broken rule, as a [`LoadError`] whose path names the record and field.
///
/// # Complexity
/// O(actors + ties + events), with hashing of ids.
pub fn validate(d: &Dataset) -> Result<(), LoadError> {
    super::limits::check(d)?;
    header(d)?;
    let ids = actors(&d.actors)?;
    let mut pairs: HashMap<(&str, &str), usize> = HashMap::with_capacity(d.ties.len());
    for (i, t) in d.ties.iter().enumerate() {
        let known = |id: &str| ids.contains_key(id);
        tie(i, t, &known, || pairs.insert(pair(t), i))?;
        for (j, e) in t.events.iter().enumerate() {
            event(&|field: &str| format!("ties[{i}].events[{j}].{field}"), e)?;
        }
    }
    if let Some(story) = &d.story {
        crate::story::validate(story, d, &ids)?;
    }
    Ok(())
}

/// The format version, title, description and provenance.
fn header(d: &Dataset) -> Result<(), LoadError> {
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
    optional_text("description", d.description.as_deref())?;
    if let Some(p) = &d.provenance {
        provenance(p)?;
    }
    Ok(())
}

/// Every actor, each id once; returns the index of each id.
fn actors(list: &[Actor]) -> Result<HashMap<&str, usize>, LoadError> {
    if list.is_empty() {
        return Err(LoadError::at(
            ErrorKind::Empty,
            "actors",
            "a dataset needs at least one actor",
        ));
    }
    let mut ids: HashMap<&str, usize> = HashMap::with_capacity(list.len());
    for (i, a) in list.iter().enumerate() {
        actor_record(i, a, || ids.insert(&a.id, i))?;
    }
    Ok(ids)
}

/// Actor `i`: its texts, then its id not an earlier actor's (`earlier` gives that actor's
/// index), then its place.
fn actor_record(
    i: usize,
    a: &Actor,
    earlier: impl FnOnce() -> Option<usize>,
) -> Result<(), LoadError> {
    let at = |field: &str| format!("actors[{i}].{field}");
    id(&at("id"), &a.id)?;
    text(&at("name"), &a.name)?;
    short(&at("short"), a.short.as_deref())?;
    if let Some(first) = earlier() {
        return Err(LoadError::at(
            ErrorKind::DuplicateActor,
            at("id"),
            format!("\"{}\" is already the id of actors[{first}]", a.id),
        ));
    }
    actor(&at, a)
}

/// An actor's place, and its ISO code or base as its type allows.
fn actor(at: &dyn Fn(&str) -> String, a: &Actor) -> Result<(), LoadError> {
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
        if a.actor_type != ActorType::State {
            return Err(LoadError::at(
                ErrorKind::Field,
                at("iso3"),
                format!(
                    "only a state has an ISO 3166 code; this actor is of type {}",
                    a.actor_type.as_str()
                ),
            ));
        }
    }
    if let Some(base) = &a.base {
        text(&at("base"), base)?;
        if a.actor_type == ActorType::State {
            return Err(LoadError::at(
                ErrorKind::Field,
                at("base"),
                "a state has no base: its map point (lat, lon) is its capital",
            ));
        }
    }
    Ok(())
}

/// A tie's pair of actors, the smaller id first.
fn pair(t: &Tie) -> (&str, &str) {
    if t.source < t.target {
        (t.source.as_str(), t.target.as_str())
    } else {
        (t.target.as_str(), t.source.as_str())
    }
}

/// Tie `i`: two known actors, not the same, a pair no earlier tie joins (`earlier` gives that
/// tie's index), and some events.
fn tie(
    i: usize,
    t: &Tie,
    known: &dyn Fn(&str) -> bool,
    earlier: impl FnOnce() -> Option<usize>,
) -> Result<(), LoadError> {
    for (field, id) in [("source", &t.source), ("target", &t.target)] {
        if !known(id.as_str()) {
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
    let key = pair(t);
    if let Some(first) = earlier() {
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
    Ok(())
}

/// An event's texts, its sources (at least one), figures and people (each once).
fn event(at: &dyn Fn(&str) -> String, e: &Event) -> Result<(), LoadError> {
    text(&at("summary"), &e.summary)?;
    limit(&at("summary"), &e.summary, MAX_SUMMARY_CHARS)?;
    optional_text(&at("note"), e.note.as_deref())?;
    end(at, e)?;
    if e.sources.is_empty() {
        return Err(LoadError::at(
            ErrorKind::NoEvidence,
            at("sources"),
            "an event needs at least one source",
        ));
    }
    for (k, s) in e.sources.iter().enumerate() {
        source(&|field: &str| at(&format!("sources[{k}].{field}")), s)?;
    }
    for (k, f) in e.figures.iter().enumerate() {
        range(&at(&format!("figures[{k}].value")), f.value, -1e15, 1e15)?;
        text(&at(&format!("figures[{k}].unit")), &f.unit)?;
        optional_text(&at(&format!("figures[{k}].what")), f.what.as_deref())?;
    }
    // A map like the actors' ids, not a set: one instantiation of the hash table fewer.
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(e.people.len());
    for (k, p) in e.people.iter().enumerate() {
        text(&at(&format!("people[{k}]")), p)?;
        if seen.insert(p.as_str(), k).is_some() {
            return Err(LoadError::at(
                ErrorKind::Field,
                at(&format!("people[{k}]")),
                format!("\"{p}\" is already listed"),
            ));
        }
    }
    Ok(())
}

/// A source: its outlet, and its address, title and quote when given.
pub(crate) fn source(at: &dyn Fn(&str) -> String, s: &Source) -> Result<(), LoadError> {
    text(&at("outlet"), &s.outlet)?;
    if let Some(u) = &s.url {
        url(&at("url"), u)?;
    }
    optional_text(&at("title"), s.title.as_deref())?;
    if let Some(q) = &s.quote {
        text(&at("quote"), q)?;
        limit(&at("quote"), q, MAX_QUOTE_CHARS)?;
    }
    Ok(())
}

/// A web address: `http://` or `https://` (any case), a host, then no white space or control
/// characters; at most [`MAX_URL_CHARS`]. Anything else (`javascript:`, `data:`, a bare name)
/// could run or fetch something when followed.
pub(crate) fn url(path: &str, value: &str) -> Result<(), LoadError> {
    limit(path, value, MAX_URL_CHARS)?;
    let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &value[8..]
    } else if lower.starts_with("http://") {
        &value[7..]
    } else {
        return Err(LoadError::at(
            ErrorKind::Field,
            path,
            format!(
                "\"{}\" is not a web address: a source's url begins with http:// or https://",
                shown(value)
            ),
        ));
    };
    if rest.is_empty() || rest.starts_with('/') {
        return Err(LoadError::at(
            ErrorKind::Field,
            path,
            format!("\"{}\" names no host after the scheme", shown(value)),
        ));
    }
    if let Some(c) = value.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(LoadError::at(
            ErrorKind::Field,
            path,
            format!(
                "a url holds no white space or control characters (it holds U+{:04X})",
                c as u32
            ),
        ));
    }
    Ok(())
}

/// A value quoted in a message: at most 60 characters of it.
fn shown(value: &str) -> String {
    match value.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &value[..i]),
        None => value.to_string(),
    }
}

/// A lasting event's `end`: not before its `date`, each standing for its whole period, so
/// `2021-06-03` may end in `2021` or `2021-06` but not in `2021-05`.
fn end(at: &dyn Fn(&str) -> String, e: &Event) -> Result<(), LoadError> {
    match e.end {
        Some(end) if end.last_day() < e.date => Err(LoadError::at(
            ErrorKind::OutOfRange,
            at("end"),
            format!("{end} is before the event's date {}", e.date),
        )),
        _ => Ok(()),
    }
}

fn provenance(p: &Provenance) -> Result<(), LoadError> {
    text("provenance.title", &p.title)?;
    text("provenance.publication", &p.publication)?;
    optional_text("provenance.via", p.via.as_deref())?;
    for (field, value) in [("volume", p.volume), ("issue", p.issue)] {
        if value == Some(0) {
            return Err(LoadError::at(
                ErrorKind::OutOfRange,
                format!("provenance.{field}"),
                "0 is outside 1..",
            ));
        }
    }
    if let Some(year) = p.year.filter(|y| !(1000..=9999).contains(y)) {
        return Err(LoadError::at(
            ErrorKind::OutOfRange,
            "provenance.year",
            format!("{year} is outside 1000..9999"),
        ));
    }
    Ok(())
}

/// An actor id: 1 to [`MAX_ID_CHARS`] characters, no control characters, no white space at
/// either end.
pub(crate) fn id(path: &str, value: &str) -> Result<(), LoadError> {
    if value.is_empty() {
        return Err(LoadError::at(
            ErrorKind::EmptyText,
            path,
            "must not be empty",
        ));
    }
    limit(path, value, MAX_ID_CHARS)?;
    if let Some(c) = value.chars().find(|c| c.is_control()) {
        return Err(LoadError::at(
            ErrorKind::Field,
            path,
            format!(
                "an id has no control characters (it holds U+{:04X})",
                c as u32
            ),
        ));
    }
    if value.starts_with(char::is_whitespace) || value.ends_with(char::is_whitespace) {
        return Err(LoadError::at(
            ErrorKind::Field,
            path,
            format!("\"{value}\": an id does not begin or end with white space"),
        ));
    }
    Ok(())
}

/// A text: not blank, at most [`MAX_TEXT_CHARS`], no control characters but tab and line
/// breaks.
pub(crate) fn text(path: &str, value: &str) -> Result<(), LoadError> {
    if value.trim().is_empty() {
        return Err(LoadError::at(
            ErrorKind::EmptyText,
            path,
            "must not be empty",
        ));
    }
    limit(path, value, MAX_TEXT_CHARS)?;
    if let Some(c) = value
        .chars()
        .find(|c| c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(LoadError::at(
            ErrorKind::Field,
            path,
            format!(
                "the text holds the control character U+{:04X}; only tab and line breaks are allowed",
                c as u32
            ),
        ));
    }
    Ok(())
}

/// A short name: a text of at most [`MAX_SHORT_CHARS`] characters on one line.
fn short(path: &str, value: Option<&str>) -> Result<(), LoadError> {
    let Some(value) = value else { return Ok(()) };
    text(path, value)?;
    limit(path, value, MAX_SHORT_CHARS)?;
    if value.contains(['\t', '\n', '\r']) {
        return Err(LoadError::at(
            ErrorKind::Field,
            path,
            "a short name is one line, without tabs",
        ));
    }
    Ok(())
}

fn optional_text(path: &str, value: Option<&str>) -> Result<(), LoadError> {
    value.map_or(Ok(()), |v| text(path, v))
}

fn limit(path: &str, value: &str, max: usize) -> Result<(), LoadError> {
    // Counting is only needed when the bytes could exceed the limit.
    if value.len() > max {
        let chars = value.chars().count();
        if chars > max {
            return Err(LoadError::at(
                ErrorKind::TooLarge,
                path,
                format!("the text is {chars} characters long; the limit is {max}"),
            ));
        }
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
