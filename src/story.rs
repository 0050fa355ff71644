//! A story: the network walked through step by step, each step a saved view with text beside it.

use crate::date::Date;
use crate::error::{ErrorKind, LoadError};
use crate::model::{ActorType, Dataset, Kind, Source, Tone};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Most steps a story may have.
pub const MAX_STEPS: usize = 1_000;

/// A walk through the dataset: a title and its steps, in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(deserialize_with = "crate::load::records::list")]
    pub steps: Vec<Step>,
}

/// One step: its text, what it rests on, and the view it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the story; the page's permalink is `?story=<id>`.
    pub id: String,
    pub title: String,
    /// Plain text; a blank line separates paragraphs.
    pub body: String,
    /// Where in the source document the step's argument is made, in words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passages: Vec<String>,
    /// The reports the step rests on, cited as the source document cites them.
    #[serde(
        default,
        deserialize_with = "crate::load::records::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sources: Vec<Source>,
    /// None shows everything, fitted.
    #[serde(
        default,
        deserialize_with = "crate::load::records::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub view: Option<StepView>,
}

/// The page's state a step shows (the fields of its serialised state, with names for the
/// filter lists). A field left out shows everything (filters, date) or nothing (focus, pin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepView {
    /// The network as of this date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// How `since` and `until` are read; left out, "as of" `until`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<TimeMode>,
    /// Date A of the modes `between` and `compare` (`until` is date B).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Vec<Kind>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tones: Option<Vec<Tone>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub types: Option<Vec<ActorType>>,
    /// Focus mode on this actor, with `hops` (1 or 2) at full strength.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hops: Option<u8>,
    /// The actor highlighted (pinned, its evidence in the panel).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    /// The tie highlighted, by its two actors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tie: Option<[String; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layout: Option<Layout>,
    /// The actor at the middle of the ego rings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centre: Option<String>,
    /// Fit the view to the picture (or to the focus).
    #[serde(default = "yes")]
    pub fit: bool,
}

fn yes() -> bool {
    true
}

impl Default for StepView {
    fn default() -> StepView {
        StepView {
            until: None,
            mode: None,
            since: None,
            kinds: None,
            tones: None,
            types: None,
            focus: None,
            hops: None,
            actor: None,
            tie: None,
            layout: None,
            centre: None,
            fit: true,
        }
    }
}

/// The page's time modes: the network as of `until`; only the events from `since` to `until`;
/// the network at `until` compared with `since`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeMode {
    Asof,
    Between,
    Compare,
}

impl TimeMode {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeMode::Asof => "asof",
            TimeMode::Between => "between",
            TimeMode::Compare => "compare",
        }
    }
}

/// The page's layouts a step may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    Force,
    Radial,
    Map,
}

/// Checks a story against its dataset: texts, step ids (shape, each once), something each step
/// rests on, actors that exist, a tie that exists, dates within the events' span (`since` not
/// after `until`, and only with a mode that reads it), 1 or 2 hops.
///
/// # Errors
/// The first broken rule, its path naming the step and field (`story.steps[2].view.focus`).
pub fn validate(s: &Story, d: &Dataset, ids: &HashMap<&str, usize>) -> Result<(), LoadError> {
    use crate::load::validate::{id, text};
    text("story.title", &s.title)?;
    if let Some(desc) = &s.description {
        text("story.description", desc)?;
    }
    if s.steps.is_empty() {
        return Err(LoadError::at(
            ErrorKind::Empty,
            "story.steps",
            "a story needs at least one step",
        ));
    }
    if s.steps.len() > MAX_STEPS {
        return Err(LoadError::at(
            ErrorKind::TooLarge,
            "story.steps",
            format!("{} steps; the limit is {MAX_STEPS}", s.steps.len()),
        ));
    }
    let span = span(d);
    // Both ways of every tie, to its index. A map, not a set: the validator's own map of pairs
    // has this type, so the core holds one instantiation of the hash table, not two.
    let pairs: HashMap<(&str, &str), usize> = d
        .ties
        .iter()
        .enumerate()
        .flat_map(|(i, t)| {
            [
                ((t.source.as_str(), t.target.as_str()), i),
                ((t.target.as_str(), t.source.as_str()), i),
            ]
        })
        .collect();
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(s.steps.len());
    for (i, step) in s.steps.iter().enumerate() {
        let at = |field: &str| format!("story.steps[{i}].{field}");
        id(&at("id"), &step.id)?;
        if let Some(first) = seen.insert(&step.id, i) {
            return Err(LoadError::at(
                ErrorKind::Field,
                at("id"),
                format!("\"{}\" is already the id of story.steps[{first}]", step.id),
            ));
        }
        text(&at("title"), &step.title)?;
        text(&at("body"), &step.body)?;
        for (k, p) in step.passages.iter().enumerate() {
            text(&at(&format!("passages[{k}]")), p)?;
        }
        for (k, src) in step.sources.iter().enumerate() {
            crate::load::validate::source(&|f: &str| at(&format!("sources[{k}].{f}")), src)?;
        }
        if step.passages.is_empty() && step.sources.is_empty() {
            return Err(LoadError::at(
                ErrorKind::NoEvidence,
                at("passages"),
                "a step rests on at least one passage or source",
            ));
        }
        if let Some(v) = &step.view {
            view(&at, v, ids, &pairs, span)?;
        }
    }
    Ok(())
}

/// The first and last event dates (by their earliest day), if there are events.
fn span(d: &Dataset) -> Option<(Date, Date)> {
    let mut dates = d.ties.iter().flat_map(|t| t.events.iter().map(|e| e.date));
    let first = dates.next()?;
    Some(dates.fold((first, first), |(lo, hi), x| {
        (
            if x.ordinal() < lo.ordinal() { x } else { lo },
            if x.ordinal() > hi.ordinal() { x } else { hi },
        )
    }))
}

fn view(
    at: &dyn Fn(&str) -> String,
    v: &StepView,
    ids: &HashMap<&str, usize>,
    pairs: &HashMap<(&str, &str), usize>,
    span: Option<(Date, Date)>,
) -> Result<(), LoadError> {
    let known = |field: &str, actor: &str| {
        if ids.contains_key(actor) {
            Ok(())
        } else {
            Err(LoadError::at(
                ErrorKind::UnknownActor,
                at(&format!("view.{field}")),
                format!("no actor has the id \"{actor}\""),
            ))
        }
    };
    for (field, actor) in [
        ("focus", &v.focus),
        ("actor", &v.actor),
        ("centre", &v.centre),
    ] {
        if let Some(actor) = actor {
            known(field, actor)?;
        }
    }
    if let Some([a, b]) = &v.tie {
        known("tie[0]", a)?;
        known("tie[1]", b)?;
        if !pairs.contains_key(&(a.as_str(), b.as_str())) {
            return Err(LoadError::at(
                ErrorKind::UnknownActor,
                at("view.tie"),
                format!("no tie joins \"{a}\" and \"{b}\""),
            ));
        }
    }
    if let Some(h) = v.hops.filter(|h| !(1..=2).contains(h)) {
        return Err(LoadError::at(
            ErrorKind::OutOfRange,
            at("view.hops"),
            format!("{h} is outside 1..2"),
        ));
    }
    let mode = v.mode.unwrap_or(TimeMode::Asof);
    match (mode, v.since, v.until) {
        (TimeMode::Asof, Some(_), _) => {
            return Err(LoadError::at(
                ErrorKind::Field,
                at("view.since"),
                "a date A belongs to the modes between and compare; this step's mode is asof",
            ))
        }
        (TimeMode::Asof, None, _) | (_, Some(_), Some(_)) => {}
        (m, None, _) => {
            return Err(LoadError::at(
                ErrorKind::Field,
                at("view.since"),
                format!("the mode {} needs since, its date A", m.as_str()),
            ))
        }
        (m, Some(_), None) => {
            return Err(LoadError::at(
                ErrorKind::Field,
                at("view.until"),
                format!("the mode {} needs until, its date B", m.as_str()),
            ))
        }
    }
    for (field, date) in [("since", v.since), ("until", v.until)] {
        let Some(date) = date else { continue };
        let outside = match span {
            Some((first, last)) => (date.ordinal() < first.ordinal()
                || date.ordinal() > last.ordinal())
            .then(|| format!("{date} is outside the events' dates, {first} to {last}")),
            None => Some(format!("{date}: the dataset has no events")),
        };
        if let Some(message) = outside {
            return Err(LoadError::at(
                ErrorKind::OutOfRange,
                at(&format!("view.{field}")),
                message,
            ));
        }
    }
    if let (Some(since), Some(until)) = (v.since, v.until) {
        if since.ordinal() > until.ordinal() {
            return Err(LoadError::at(
                ErrorKind::OutOfRange,
                at("view.since"),
                format!("{since} is after the step's until, {until}"),
            ));
        }
    }
    Ok(())
}
