//! How a foreign graph's attributes become actor and event fields, and the tally of every
//! default taken where a file is silent (turned into notices at the end of an import).

use crate::date::Date;
use crate::model::{ActorType, Figure, Kind, Source, Tone};

pub(crate) use super::defaults::{DefaultDate, Defaults, DEFAULT_KIND, DEFAULT_TONE};
use std::str::FromStr;

/// Attributes of a node or edge: lower-case names (GEXF titles, GraphML `attr.name`) and
/// values, in file order.
pub(crate) type Attrs = Vec<(String, String)>;

/// The first non-blank value among `names`, in the order of `names`.
pub(crate) fn attr<'a>(attrs: &'a Attrs, names: &[&str]) -> Option<&'a str> {
    names.iter().find_map(|n| {
        attrs
            .iter()
            .find(|(k, v)| k == n && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    })
}

/// Attribute names read for each field, in order of preference.
pub(crate) mod names {
    pub const NAME: &[&str] = &["name", "label"];
    pub const ACTOR_TYPE: &[&str] = &["type", "actor_type", "actor type"];
    pub const ISO3: &[&str] = &["iso3"];
    pub const LAT: &[&str] = &["lat", "latitude"];
    pub const LON: &[&str] = &["lon", "lng", "long", "longitude"];
    pub const BASE: &[&str] = &["base"];
    pub const SHORT: &[&str] = &["short", "short_name", "abbreviation"];
    pub const KIND: &[&str] = &["kind", "type"];
    pub const TONE: &[&str] = &["tone"];
    pub const DATE: &[&str] = &["date"];
    pub const END: &[&str] = &["end"];
    pub const SUMMARY: &[&str] = &["summary"];
    pub const LABEL: &[&str] = &["label"];
    pub const SOURCES: &[&str] = &["sources"];
    pub const OUTLET: &[&str] = &["outlet"];
    pub const OUTLET_DATE: &[&str] = &["outlet_date"];
    pub const FIGURES: &[&str] = &["figures"];
    pub const PEOPLE: &[&str] = &["people"];
    pub const NOTE: &[&str] = &["note"];
    pub const ASSESSMENT: &[&str] = &["assessment"];
    pub const ADDED: &[&str] = &["added"];
}

/// A calendar date from `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date-time that starts with a
/// day (`2009-03-20T10:00:00`, `2010-05-29+01:27`).
pub(crate) fn calendar_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = Date::from_str(s) {
        return Some(d);
    }
    let (day, rest) = (s.get(..10)?, &s[10..]);
    if rest.starts_with(['T', ' ', '+', 'Z', '-']) {
        Date::from_str(day).ok()
    } else {
        None
    }
}

/// The kind from the first candidate value that names one, else from the label; without
/// one, the first candidate value (not the label) that did not fit.
pub(crate) fn kind_of<'a>(
    candidates: impl IntoIterator<Item = Option<&'a str>>,
    label: Option<&str>,
) -> Result<Kind, Option<&'a str>> {
    let mut unfit = None;
    for value in candidates.into_iter().flatten() {
        match Kind::from_name(value) {
            Some(k) => return Ok(k),
            None => unfit = unfit.or(Some(value)),
        }
    }
    label.and_then(Kind::from_name).ok_or(unfit)
}

/// The tone a value names.
pub(crate) fn tone_of(value: Option<&str>) -> Result<Tone, Option<&str>> {
    value.map_or(Err(None), |v| Tone::from_name(v).ok_or(Some(v)))
}

/// The actor type a value names; without one, a state when an ISO code is given.
pub(crate) fn actor_type_of(value: Option<&str>, iso3: bool) -> Result<ActorType, Option<&str>> {
    match value.map(|v| (v, ActorType::from_name(v))) {
        Some((_, Some(t))) => Ok(t),
        Some((v, None)) => Err(Some(v)),
        None if iso3 => Ok(ActorType::State),
        None => Err(None),
    }
}

/// People from a JSON list (`["A", "B"]`) or a list separated by `|` or `;`.
pub(crate) fn people_of(value: &str) -> Result<Vec<String>, String> {
    if value.trim_start().starts_with('[') {
        return serde_json::from_str(value)
            .map_err(|e| format!("not a JSON list of names: {}", plain(&e)));
    }
    Ok(value
        .split(['|', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect())
}

/// A serde_json message with quotes a person reads.
pub(crate) fn plain(e: &serde_json::Error) -> String {
    e.to_string().replace('`', "\"")
}

/// Sources from a JSON list of `{"outlet", "date"}`.
pub(crate) fn sources_of(value: &str) -> Result<Vec<Source>, String> {
    serde_json::from_str(value)
        .map_err(|e| format!("not a JSON list of {{\"outlet\", \"date\"}}: {}", plain(&e)))
}

/// Figures from a JSON list of `{"value", "unit", "what"}`.
pub(crate) fn figures_of(value: &str) -> Result<Vec<Figure>, String> {
    serde_json::from_str(value).map_err(|e| {
        format!(
            "not a JSON list of {{\"value\", \"unit\", \"what\"}}: {}",
            plain(&e)
        )
    })
}

/// An event's `assessment` flag: `true` or `false` (any case; `1`, `0`, `yes`, `no` too).
pub(crate) fn assessment_of(value: &str) -> Result<bool, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" | "" => Ok(false),
        _ => Err(format!("\"{value}\" is not true or false")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_from_days_months_years_and_date_times() {
        for (s, want) in [
            ("2021", Some("2021")),
            ("2021-06", Some("2021-06")),
            ("2010-05-29+01:27", Some("2010-05-29")),
            ("2009-03-20T10:00:00Z", Some("2009-03-20")),
            ("02-05-2014", None),
            ("3.5", None),
            ("2021-02-30", None),
        ] {
            assert_eq!(
                calendar_date(s).map(|d| d.to_string()).as_deref(),
                want,
                "{s}"
            );
        }
    }

    #[test]
    fn the_first_candidate_that_names_a_kind_wins() {
        assert_eq!(
            kind_of([Some("likes"), Some("Defence")], None),
            Ok(Kind::Defense)
        );
        assert_eq!(
            kind_of([None, Some("likes")], Some("Fine edge")),
            Err(Some("likes"))
        );
        assert_eq!(kind_of([None, None], Some("conflict")), Ok(Kind::Conflict));
        assert_eq!(kind_of([None, None], Some("Fine edge")), Err(None));
    }

    #[test]
    fn people_come_as_json_or_separated_lists() {
        assert_eq!(people_of("[\"A; B\", \"C\"]").unwrap(), ["A; B", "C"]);
        assert_eq!(people_of("A | B;C").unwrap(), ["A", "B", "C"]);
        assert!(people_of("[\"A\"").is_err());
    }
}
