//! One CSV row as an actor, an event or a source: cells parsed, defaults tallied, errors
//! located by line and column.

use super::csv_table::Table;
use super::fields::{self, DefaultDate, Defaults};
use super::notice::ImportError;
use crate::date::Date;
use crate::error::ErrorKind;
use crate::model::{Actor, ActorType, Event, Kind, Source, Tone};

/// An actors-file row as an actor.
pub(crate) fn actor_row(
    t: &Table<'_>,
    line: usize,
    row: &::csv::StringRecord,
    d: &mut Defaults,
) -> Result<Actor, ImportError> {
    let id = t
        .cell(row, "id")
        .ok_or_else(|| t.error(ErrorKind::EmptyText, line, "id", "must not be empty".into()))?;
    let name = t.cell(row, "name").unwrap_or_else(|| {
        d.name.add(None);
        id
    });
    let iso3 = t.cell(row, "iso3");
    let actor_type = match t.cell(row, "type") {
        Some(v) => ActorType::from_name(v).ok_or_else(|| {
            let choices = ActorType::ALL.map(ActorType::as_str).join(", ");
            t.error(
                ErrorKind::Field,
                line,
                "type",
                format!("\"{v}\" is not one of {choices}"),
            )
        })?,
        None => fields::actor_type_of(None, iso3.is_some()).unwrap_or_else(|_| {
            d.actor_type.add(None);
            ActorType::Organization
        }),
    };
    let number = |column: &str| -> Result<Option<f64>, ImportError> {
        t.cell(row, column)
            .map(|v| {
                v.parse::<f64>().map_err(|_| {
                    t.error(
                        ErrorKind::Field,
                        line,
                        column,
                        format!("\"{v}\" is not a number"),
                    )
                })
            })
            .transpose()
    };
    let (lat, lon) = match (number("lat")?, number("lon")?) {
        (Some(lat), Some(lon)) => (lat, lon),
        _ => {
            d.coordinates.add(None);
            (0.0, 0.0)
        }
    };
    Ok(Actor {
        id: id.to_string(),
        name: name.to_string(),
        short: t.cell(row, "short").map(str::to_string),
        actor_type,
        iso3: iso3.map(str::to_string),
        lat,
        lon,
        base: t.cell(row, "base").map(str::to_string),
    })
}

/// A date cell: its date, `None` when empty, or an error at its line and column.
pub(crate) fn date_cell(
    t: &Table<'_>,
    line: usize,
    row: &::csv::StringRecord,
    column: &str,
) -> Result<Option<Date>, ImportError> {
    t.cell(row, column)
        .map(|v| {
            v.parse::<Date>()
                .map_err(|e| t.error(ErrorKind::BadDate, line, column, e.to_string()))
        })
        .transpose()
}

/// The source an events-file row cites; `date` is its event's.
pub(crate) fn source_row(
    t: &Table<'_>,
    line: usize,
    row: &::csv::StringRecord,
    date: Date,
    d: &mut Defaults,
    default: DefaultDate,
) -> Result<Source, ImportError> {
    let outlet_date = date_cell(t, line, row, "outlet_date")?;
    let mut source = match t.cell(row, "outlet") {
        Some(outlet) => Source::new(
            outlet,
            outlet_date.unwrap_or_else(|| {
                d.source_date.add(None);
                date
            }),
        ),
        None => {
            d.source.add(None);
            Source::new(t.file.name, default.date)
        }
    };
    source.url = t.cell(row, "outlet_url").map(str::to_string);
    source.title = t.cell(row, "outlet_title").map(str::to_string);
    source.quote = t.cell(row, "outlet_quote").map(str::to_string);
    Ok(source)
}

/// An events-file row as an event.
pub(crate) fn event_row(
    t: &Table<'_>,
    line: usize,
    row: &::csv::StringRecord,
    ends: (&str, &str),
    d: &mut Defaults,
    default: DefaultDate,
) -> Result<Event, ImportError> {
    let date = date_cell(t, line, row, "date")?.unwrap_or_else(|| {
        d.date.add(None);
        default.date
    });
    let kind = match t.cell(row, "kind") {
        Some(v) => Kind::from_name(v).ok_or_else(|| {
            t.error(
                ErrorKind::Field,
                line,
                "kind",
                format!(
                    "\"{v}\" is not one of {}",
                    Kind::ALL.map(Kind::as_str).join(", ")
                ),
            )
        })?,
        None => {
            d.kind.add(None);
            fields::DEFAULT_KIND
        }
    };
    let tone = match t.cell(row, "tone") {
        Some(v) => Tone::from_name(v).ok_or_else(|| {
            t.error(
                ErrorKind::Field,
                line,
                "tone",
                format!(
                    "\"{v}\" is not one of {}",
                    Tone::ALL.map(Tone::as_str).join(", ")
                ),
            )
        })?,
        None => {
            d.tone.add(None);
            fields::DEFAULT_TONE
        }
    };
    let summary = t
        .cell(row, "summary")
        .map(str::to_string)
        .unwrap_or_else(|| {
            d.summary.add(None);
            format!("{} and {}: linked in the imported file.", ends.0, ends.1)
        });
    let bad = |column: &str, message: String| t.error(ErrorKind::Field, line, column, message);
    let figures = t
        .cell(row, "figures")
        .map(fields::figures_of)
        .transpose()
        .map_err(|m| bad("figures", m))?;
    let people = t
        .cell(row, "people")
        .map(fields::people_of)
        .transpose()
        .map_err(|m| bad("people", m))?;
    Ok(Event {
        date,
        end: date_cell(t, line, row, "end")?,
        kind,
        tone,
        summary,
        figures: figures.unwrap_or_default(),
        people: people.unwrap_or_default(),
        sources: vec![source_row(t, line, row, date, d, default)?],
        note: t.cell(row, "note").map(str::to_string),
        assessment: t
            .cell(row, "assessment")
            .map(fields::assessment_of)
            .transpose()
            .map_err(|m| bad("assessment", m))?
            .unwrap_or(false),
        added: date_cell(t, line, row, "added")?,
    })
}
