//! A foreign node as an actor and a foreign edge as events: attributes mapped to fields,
//! defaults tallied where the file is silent.

use super::fields::{self, attr, names, DefaultDate, Defaults};
use super::graph::{Edge, File, Node};
use super::notice::ImportError;
use crate::date::Date;
use crate::error::ErrorKind;
use crate::model::{Actor, ActorType, Event, Kind, Source};

/// The actor node `i` stands for.
pub(crate) fn actor(
    n: &Node,
    i: usize,
    d: &mut Defaults,
    file: &File<'_>,
) -> Result<Actor, ImportError> {
    let a = &n.attrs;
    let name = match n
        .label
        .as_deref()
        .filter(|l| !l.trim().is_empty())
        .or(attr(a, names::NAME))
    {
        Some(name) => name.to_string(),
        None => {
            d.name.add(None);
            n.id.clone()
        }
    };
    let iso3 = attr(a, names::ISO3).map(str::to_string);
    let actor_type = fields::actor_type_of(attr(a, names::ACTOR_TYPE), iso3.is_some())
        .unwrap_or_else(|unfit| {
            d.actor_type.add(unfit);
            ActorType::Organization
        });
    let number = |names: &[&str], field: &str| -> Result<Option<f64>, ImportError> {
        attr(a, names)
            .map(|v| {
                v.parse::<f64>().map_err(|_| {
                    file.error(
                        ErrorKind::Field,
                        n.at,
                        format!("nodes[{i}].{field}"),
                        format!("\"{v}\" is not a number"),
                    )
                })
            })
            .transpose()
    };
    let (lat, lon) = match (number(names::LAT, "lat")?, number(names::LON, "lon")?) {
        (Some(lat), Some(lon)) => (lat, lon),
        _ => {
            d.coordinates.add(None);
            (0.0, 0.0)
        }
    };
    Ok(Actor {
        id: n.id.clone(),
        name,
        short: attr(a, names::SHORT).map(str::to_string),
        actor_type,
        iso3,
        lat,
        lon,
        base: attr(a, names::BASE).map(str::to_string),
    })
}

/// The events one edge stands for: one per date (several spells give several events).
pub(crate) fn events(
    e: &Edge,
    j: usize,
    ends: (&str, &str),
    d: &mut Defaults,
    default_date: DefaultDate,
    file: &File<'_>,
) -> Result<Vec<Event>, ImportError> {
    let a = &e.attrs;
    let label = e
        .label
        .as_deref()
        .filter(|l| !l.trim().is_empty())
        .or(attr(a, names::LABEL));
    let candidates = [
        attr(a, &names::KIND[..1]),
        e.kind.as_deref(),
        attr(a, &names::KIND[1..]),
    ];
    let kind = fields::kind_of(candidates, label).unwrap_or_else(|unfit| {
        d.kind.add(unfit);
        fields::DEFAULT_KIND
    });
    // A label that only names a kind says nothing more as a summary.
    let label_is_kind = label.is_some_and(|l| Kind::from_name(l).is_some());
    let tone = fields::tone_of(attr(a, names::TONE)).unwrap_or_else(|unfit| {
        d.tone.add(unfit);
        fields::DEFAULT_TONE
    });
    let bad = |field: &str, message: String| {
        file.error(
            ErrorKind::Field,
            e.at,
            format!("edges[{j}].{field}"),
            message,
        )
    };
    let end_of = |field: &str, v: &str| {
        fields::calendar_date(v).ok_or_else(|| bad(field, format!("\"{v}\" is not a date")))
    };
    let end = attr(a, names::END).map(|v| end_of("end", v)).transpose()?;
    // Each event's date and, for a lasting one, its end.
    let mut dates: Vec<(Date, Option<Date>)> = Vec::new();
    if let Some(v) = attr(a, names::DATE) {
        match fields::calendar_date(v) {
            Some(date) => dates.push((date, end)),
            None => d.date.add(Some(v)),
        }
    } else if !e.times.is_empty() {
        for spell in &e.times {
            if let Some(date) = fields::calendar_date(&spell.start) {
                let spell_end = match &spell.end {
                    Some(v) if end.is_none() => Some(end_of("spells.end", v)?),
                    _ => end,
                };
                dates.push((date, spell_end));
            }
        }
        if dates.is_empty() {
            d.untimed_spells += e.times.len();
            d.date.add(None);
        }
    } else {
        d.date.add(None);
    }
    if dates.is_empty() {
        dates.push((default_date.date, end));
    }
    let summary = match attr(a, names::SUMMARY).or(label.filter(|_| !label_is_kind)) {
        Some(s) => s.to_string(),
        None => {
            d.summary.add(None);
            format!("{} and {}: linked in the imported file.", ends.0, ends.1)
        }
    };
    let listed_sources = match attr(a, names::SOURCES) {
        Some(v) => Some(fields::sources_of(v).map_err(|m| bad("sources", m))?),
        None => None,
    };
    let figures = match attr(a, names::FIGURES) {
        Some(v) => fields::figures_of(v).map_err(|m| bad("figures", m))?,
        None => Vec::new(),
    };
    let people = match attr(a, names::PEOPLE) {
        Some(v) => fields::people_of(v).map_err(|m| bad("people", m))?,
        None => Vec::new(),
    };
    let note = attr(a, names::NOTE).map(str::to_string);
    let assessment = match attr(a, names::ASSESSMENT) {
        Some(v) => fields::assessment_of(v).map_err(|m| bad("assessment", m))?,
        None => false,
    };
    let outlet = attr(a, names::OUTLET);
    let outlet_date = attr(a, names::OUTLET_DATE).and_then(fields::calendar_date);
    if listed_sources.is_none() {
        match (outlet, outlet_date) {
            (None, _) => d.source.add(None),
            (Some(_), None) => d.source_date.add(None),
            _ => {}
        }
    }
    Ok(dates
        .into_iter()
        .map(|(date, end)| Event {
            date,
            end,
            kind,
            tone,
            summary: summary.clone(),
            figures: figures.clone(),
            people: people.clone(),
            sources: listed_sources.clone().unwrap_or_else(|| {
                vec![match outlet {
                    Some(o) => Source::new(o, outlet_date.unwrap_or(date)),
                    None => Source::new(file.name, default_date.date),
                }]
            }),
            note: note.clone(),
            assessment,
        })
        .collect())
}
