//! How a foreign graph's attributes become actor and event fields, and the tally of every
//! default taken where a file is silent (turned into notices at the end of an import).

use super::notice::{plural, verb, Notice, NoticeKind};
use crate::date::Date;
use crate::model::{ActorType, Figure, Kind, Source, Tone};
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
    pub const KIND: &[&str] = &["kind", "type"];
    pub const TONE: &[&str] = &["tone"];
    pub const DATE: &[&str] = &["date"];
    pub const SUMMARY: &[&str] = &["summary"];
    pub const LABEL: &[&str] = &["label"];
    pub const SOURCES: &[&str] = &["sources"];
    pub const OUTLET: &[&str] = &["outlet"];
    pub const OUTLET_DATE: &[&str] = &["outlet_date"];
    pub const FIGURES: &[&str] = &["figures"];
    pub const PEOPLE: &[&str] = &["people"];
    pub const NOTE: &[&str] = &["note"];
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

/// The defaults a reader applies where the file is silent.
pub(crate) const DEFAULT_KIND: Kind = Kind::Diplomatic;
pub(crate) const DEFAULT_TONE: Tone = Tone::Cooperative;

/// A count of records that took a default, with one value that did not fit, as an example.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tally {
    pub count: usize,
    pub example: Option<String>,
}

impl Tally {
    pub fn add(&mut self, unfit: Option<&str>) {
        self.count += 1;
        if self.example.is_none() {
            self.example = unfit.map(str::to_string);
        }
    }

    fn example(&self) -> String {
        self.example
            .as_ref()
            .map_or(String::new(), |e| format!(" (for example \"{e}\")"))
    }
}

/// Every default an import took, counted; `record` names what the file calls a link
/// ("edge", "row") for the messages.
#[derive(Debug, Default, Clone)]
pub(crate) struct Defaults {
    pub kind: Tally,
    pub tone: Tally,
    pub date: Tally,
    pub untimed_spells: usize,
    pub source: Tally,
    pub source_date: Tally,
    pub summary: Tally,
    pub name: Tally,
    pub actor_type: Tally,
    pub coordinates: Tally,
}

/// Where the default date comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DefaultDate {
    pub date: Date,
    /// True when it is the file's own date, false for the day of import.
    pub from_file: bool,
}

impl Defaults {
    /// Notices for every default taken, in a fixed order.
    /// `links` and `nodes` name a file's records in the singular and plural
    /// (`("edge", "edges")`, `("node", "nodes")`).
    pub fn notices(
        &self,
        links: (&str, &str),
        nodes: (&str, &str),
        file: &str,
        date: DefaultDate,
    ) -> Vec<Notice> {
        let n = |t: &Tally| plural(t.count, links.0, links.1);
        let nodes = |t: &Tally| plural(t.count, nodes.0, nodes.1);
        let mut out = Vec::new();
        let mut push = |kind, t: &Tally, message: String| {
            if t.count > 0 {
                out.push(Notice::new(kind, t.count, message));
            }
        };
        let kinds = Kind::ALL.map(Kind::as_str).join(", ");
        push(
            NoticeKind::DefaultKind,
            &self.kind,
            format!(
                "{} {} no Entente kind ({kinds}){}: {} events are {}.",
                n(&self.kind),
                verb(self.kind.count, "has", "have"),
                self.kind.example(),
                verb(self.kind.count, "its", "their"),
                DEFAULT_KIND.as_str()
            ),
        );
        let tones = Tone::ALL.map(Tone::as_str).join(", ");
        push(
            NoticeKind::DefaultTone,
            &self.tone,
            format!(
                "{} {} no tone ({tones}){}: {} events are {}.",
                n(&self.tone),
                verb(self.tone.count, "has", "have"),
                self.tone.example(),
                verb(self.tone.count, "its", "their"),
                DEFAULT_TONE.as_str()
            ),
        );
        let whence = if date.from_file {
            "the file's own date"
        } else {
            "the day of import"
        };
        let spells = if self.untimed_spells > 0 {
            format!(
                " ({} {} times that are not calendar dates)",
                plural(self.untimed_spells, "spell", "spells"),
                verb(self.untimed_spells, "gives", "give")
            )
        } else {
            String::new()
        };
        push(
            NoticeKind::DefaultDate,
            &self.date,
            format!(
                "{} {} no date{spells}{}: {} events are dated {}, {whence}.",
                n(&self.date),
                verb(self.date.count, "has", "have"),
                self.date.example(),
                verb(self.date.count, "its", "their"),
                date.date
            ),
        );
        push(
            NoticeKind::DefaultSource,
            &self.source,
            format!(
                "{} {} no source: {} events cite the file \"{file}\" ({}).",
                n(&self.source),
                verb(self.source.count, "cites", "cite"),
                verb(self.source.count, "its", "their"),
                date.date
            ),
        );
        push(
            NoticeKind::DefaultSource,
            &self.source_date,
            format!(
                "{} {} an outlet without its date: the source takes the event's date.",
                n(&self.source_date),
                verb(self.source_date.count, "names", "name")
            ),
        );
        push(
            NoticeKind::DefaultSummary,
            &self.summary,
            format!(
                "{} {} no summary: {} events say which two actors the file links.",
                n(&self.summary),
                verb(self.summary.count, "has", "have"),
                verb(self.summary.count, "its", "their")
            ),
        );
        push(
            NoticeKind::DefaultName,
            &self.name,
            format!(
                "{} {} no name or label: the id is the name.",
                nodes(&self.name),
                verb(self.name.count, "has", "have")
            ),
        );
        push(
            NoticeKind::DefaultActorType,
            &self.actor_type,
            format!(
                "{} {} no actor type (state, organization, armed-group){}: shown as organizations, or as states where an iso3 code is given.",
                nodes(&self.actor_type),
                verb(self.actor_type.count, "has", "have"),
                self.actor_type.example()
            ),
        );
        push(
            NoticeKind::NoCoordinates,
            &self.coordinates,
            format!(
                "{} {} no coordinates (lat, lon): placed at 0, 0, so a geographic layout cannot place them.",
                nodes(&self.coordinates),
                verb(self.coordinates.count, "has", "have")
            ),
        );
        out
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
