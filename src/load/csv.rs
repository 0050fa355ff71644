//! Entente CSV: an events file, one row per event, and an optional actors file; rows become
//! ties and events, with located errors and notices for every empty cell filled in.

use super::csv_rows::{actor_row, event_row, source_row};
use super::csv_table::{check_columns, table};
use super::fields::{DefaultDate, Defaults};
use super::graph::stem;
use super::locate::{relocate, Place, Record};
use super::notice::{plural, verb, ImportError, Imported, Notice, NoticeKind};
use super::{validate, Format, InputFile};
use crate::date::Date;
use crate::error::ErrorKind;
use crate::model::{Actor, ActorType, Dataset, Tie, FORMAT};
use std::collections::HashMap;

/// The columns of an events file, in the order Entente writes them.
pub const EVENT_COLUMNS: [&str; 11] = [
    "source",
    "target",
    "date",
    "kind",
    "tone",
    "summary",
    "outlet",
    "outlet_date",
    "figures",
    "people",
    "note",
];

/// The columns of an actors file, in the order Entente writes them.
pub const ACTOR_COLUMNS: [&str; 7] = ["id", "name", "type", "iso3", "lat", "lon", "base"];

/// Reads an events file and, if given, an actors file.
///
/// # Errors
/// An [`ImportError`] naming the file, line and column: a malformed CSV, a missing `source`
/// or `target` column, an invalid date, kind, tone, actor type or number, an unknown or
/// duplicate actor id, or a rule of [`validate`] the result breaks.
///
/// # Complexity
/// O(rows), with hashing of ids.
pub(crate) fn read_csv(
    events: InputFile<'_>,
    actors: Option<InputFile<'_>>,
    today: Date,
) -> Result<Imported, ImportError> {
    let mut notices = Vec::new();
    let ev = table(events, &mut notices)?;
    check_columns(
        &ev,
        &EVENT_COLUMNS,
        &["source", "target"],
        "an events file",
        &mut notices,
    )?;
    let ac = match actors {
        Some(f) => {
            let t = table(f, &mut notices)?;
            check_columns(&t, &ACTOR_COLUMNS, &["id"], "an actors file", &mut notices)?;
            Some(t)
        }
        None => None,
    };
    let mut d = Defaults::default();
    let default_date = DefaultDate {
        date: today,
        from_file: false,
    };
    // Where each actor came from: (file, line); file 1 is the actors file.
    let mut origin: Vec<(usize, usize)> = Vec::new();
    let mut list: Vec<Actor> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    if let Some(t) = &ac {
        for (line, row) in &t.rows {
            let a = actor_row(t, *line, row, &mut d)?;
            if let Some(&first) = index.get(&a.id) {
                let message = format!(
                    "\"{}\" is already the id of the actor on line {}",
                    a.id, origin[first].1
                );
                return Err(t.error(ErrorKind::DuplicateActor, *line, "id", message));
            }
            index.insert(a.id.clone(), list.len());
            origin.push((1, *line));
            list.push(a);
        }
    }
    let mut ties: Vec<Tie> = Vec::new();
    let mut rows_of: Vec<Vec<usize>> = Vec::new();
    let mut pairs: HashMap<(usize, usize), usize> = HashMap::new();
    let mut self_ties = 0;
    let mut previous: Option<(usize, String)> = None;
    for (line, row) in &ev.rows {
        let line = *line;
        let mut end = |column: &str| -> Result<usize, ImportError> {
            let id = ev.cell(row, column).ok_or_else(|| {
                ev.error(
                    ErrorKind::EmptyText,
                    line,
                    column,
                    "must not be empty".into(),
                )
            })?;
            if let Some(&i) = index.get(id) {
                return Ok(i);
            }
            if let Some(t) = &ac {
                return Err(ev.error(
                    ErrorKind::UnknownActor,
                    line,
                    column,
                    format!("no actor in {} has the id \"{id}\"", t.file.name),
                ));
            }
            d.name.add(None);
            d.actor_type.add(None);
            d.coordinates.add(None);
            index.insert(id.to_string(), list.len());
            origin.push((0, line));
            list.push(Actor {
                id: id.to_string(),
                name: id.to_string(),
                actor_type: ActorType::Organization,
                iso3: None,
                lat: 0.0,
                lon: 0.0,
                base: None,
            });
            Ok(list.len() - 1)
        };
        let (s, t) = (end("source")?, end("target")?);
        if s == t {
            self_ties += 1;
            continue;
        }
        let key = (s.min(t), s.max(t));
        let tie = *pairs.entry(key).or_insert_with(|| {
            ties.push(Tie {
                source: list[s].id.clone(),
                target: list[t].id.clone(),
                events: Vec::new(),
            });
            rows_of.push(Vec::new());
            ties.len() - 1
        });
        // A row that repeats the previous row's event with another outlet adds a source to it.
        let same: String = [
            "source", "target", "date", "kind", "tone", "summary", "figures", "people", "note",
        ]
        .map(|c| ev.cell(row, c).unwrap_or(""))
        .join("\u{1f}");
        if previous
            .as_ref()
            .is_some_and(|(pt, p)| *pt == tie && *p == same)
        {
            let date = ties[tie].events.last().map(|e| e.date).unwrap_or(today);
            let source = source_row(&ev, line, row, date, &mut d, default_date)?;
            if let Some(e) = ties[tie].events.last_mut() {
                e.sources.push(source);
            }
            continue;
        }
        let event = event_row(
            &ev,
            line,
            row,
            (&list[s].name, &list[t].name),
            &mut d,
            default_date,
        )?;
        ties[tie].events.push(event);
        rows_of[tie].push(line);
        previous = Some((tie, same));
    }
    let dataset = Dataset {
        format: FORMAT.to_string(),
        title: title_of(events.name),
        description: None,
        provenance: None,
        actors: list,
        ties,
    };
    validate(&dataset).map_err(|err| {
        let (file, error) = relocate(err, |record, field| {
            let column = column_of(field);
            let (file, line) = match record {
                Record::Actor(i) => *origin.get(i)?,
                Record::Tie(t, e) => (0, *rows_of.get(t)?.get(e.unwrap_or(0))?),
                Record::Other => return None,
            };
            let table = if file == 1 { ac.as_ref()? } else { &ev };
            let at = table.columns.get(column).map_or(1, |i| i + 1);
            Some(Place {
                file,
                line,
                column: at,
                path: column.to_string(),
            })
        });
        let name = if file == 1 {
            ac.as_ref().map_or(events.name, |t| t.file.name)
        } else {
            events.name
        };
        ImportError {
            file: name.to_string(),
            error,
        }
    })?;
    if self_ties > 0 {
        notices.push(Notice::new(
            NoticeKind::DroppedSelfLoops,
            self_ties,
            format!(
                "{} {} an actor to itself and {} left out.",
                plural(self_ties, "row", "rows"),
                verb(self_ties, "ties", "tie"),
                verb(self_ties, "was", "were")
            ),
        ));
    }
    notices.extend(d.notices(
        ("row", "rows"),
        ("actor", "actors"),
        events.name,
        default_date,
    ));
    Ok(Imported {
        dataset,
        format: Format::Csv,
        notices,
    })
}

/// The CSV column a dataset field comes from: `sources[0].outlet` is `outlet`.
fn column_of(field: &str) -> &str {
    let head = field.split(['.', '[']).next().unwrap_or(field);
    match head {
        "sources" if field.ends_with("date") => "outlet_date",
        "sources" => "outlet",
        other => other,
    }
}

/// The title of a CSV import: the events file's name without `.csv` and an `events` suffix.
fn title_of(name: &str) -> String {
    let stem = stem(name);
    let stem = ["-events", "_events", ".events", " events"]
        .iter()
        .fold(stem, |s, suffix| s.strip_suffix(suffix).unwrap_or(s));
    if stem.trim().is_empty() {
        "Imported events".to_string()
    } else {
        stem.to_string()
    }
}
