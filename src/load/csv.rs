//! Entente CSV: an events file, one row per event, and an optional actors file; rows become
//! ties and events, with located errors and notices for every empty cell filled in.

use super::csv_rows::{actor_row, date_cell, event_row, source_row};
use super::csv_table::{check_columns, table, Table};
use super::fields::{DefaultDate, Defaults};
use super::graph::stem;
use super::locate::{relocate, Place, Record};
use super::notice::{plural, verb, ImportError, Imported, Notice, NoticeKind};
use super::{validate, Format, InputFile};
use crate::date::Date;
use crate::error::{ErrorKind, LoadError};
use crate::model::{Actor, ActorType, Dataset, Tie, FORMAT};
use std::collections::HashMap;

/// The columns of an events file, in the order Entente writes them (a source's address, title
/// and quote last, so that the columns before them keep their places). `edited` is the
/// dataset's, not the row's: the day the dataset was last edited in Entente, written on every
/// row (so that sorting or filtering rows keeps it); the latest day given is read.
pub const EVENT_COLUMNS: [&str; 18] = [
    "source",
    "target",
    "date",
    "end",
    "kind",
    "tone",
    "summary",
    "outlet",
    "outlet_date",
    "figures",
    "people",
    "note",
    "assessment",
    "outlet_url",
    "outlet_title",
    "outlet_quote",
    "added",
    "edited",
];

/// The columns of an actors file, in the order Entente writes them.
pub const ACTOR_COLUMNS: [&str; 8] = ["id", "name", "type", "iso3", "lat", "lon", "base", "short"];

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
    let (ev, ac) = read_tables(events, actors, &mut notices)?;
    let default_date = DefaultDate {
        date: today,
        from_file: false,
    };
    let mut rows = Rows::default();
    if let Some(t) = &ac {
        rows.read_actors(t)?;
    }
    rows.read_events(&ev, ac.as_ref(), default_date)?;
    let dataset = Dataset {
        format: FORMAT.to_string(),
        title: title_of(events.name),
        description: None,
        provenance: None,
        edited: rows.edited,
        actors: std::mem::take(&mut rows.actors),
        ties: std::mem::take(&mut rows.ties),
        story: None,
    };
    validate(&dataset).map_err(|err| rows.locate(err, &ev, ac.as_ref()))?;
    notices.extend(rows.notices(events.name, default_date));
    Ok(Imported {
        dataset,
        format: Format::Csv,
        notices,
    })
}

/// The events table and the actors table, their columns checked.
fn read_tables<'a>(
    events: InputFile<'a>,
    actors: Option<InputFile<'a>>,
    notices: &mut Vec<Notice>,
) -> Result<(Table<'a>, Option<Table<'a>>), ImportError> {
    let ev = table(events, notices)?;
    let required = ["source", "target"];
    check_columns(&ev, &EVENT_COLUMNS, &required, "an events file", notices)?;
    let ac = match actors {
        Some(f) => {
            let t = table(f, notices)?;
            check_columns(&t, &ACTOR_COLUMNS, &["id"], "an actors file", notices)?;
            Some(t)
        }
        None => None,
    };
    Ok((ev, ac))
}

/// The actors and ties read from the rows so far, where each came from, and what was assumed.
#[derive(Debug, Default)]
struct Rows {
    defaults: Defaults,
    actors: Vec<Actor>,
    index: HashMap<String, usize>,
    /// Where each actor came from: (file, line); file 1 is the actors file.
    origin: Vec<(usize, usize)>,
    ties: Vec<Tie>,
    /// The tie of each pair of actors (lower index first).
    pairs: HashMap<(usize, usize), usize>,
    /// The line of each event of each tie.
    lines: Vec<Vec<usize>>,
    self_ties: usize,
    /// The latest day of the `edited` column.
    edited: Option<Date>,
}

/// The columns of a source's own cells: two rows that differ only in these are one event with
/// two sources; every other event column makes the event.
const SOURCE_COLUMNS: [&str; 5] = [
    "outlet",
    "outlet_date",
    "outlet_url",
    "outlet_title",
    "outlet_quote",
];

impl Rows {
    /// Every row of the actors file; an id given twice is refused.
    fn read_actors(&mut self, t: &Table<'_>) -> Result<(), ImportError> {
        for (line, row) in &t.rows {
            let a = actor_row(t, *line, row, &mut self.defaults)?;
            if let Some(&first) = self.index.get(&a.id) {
                let message = format!(
                    "\"{}\" is already the id of the actor on line {}",
                    a.id, self.origin[first].1
                );
                return Err(t.error(ErrorKind::DuplicateActor, *line, "id", message));
            }
            self.index.insert(a.id.clone(), self.actors.len());
            self.origin.push((1, *line));
            self.actors.push(a);
        }
        Ok(())
    }

    /// Every row of the events file: an event on the tie of its two actors, or one more
    /// source of the event of the row above when the row repeats it with another outlet.
    fn read_events(
        &mut self,
        ev: &Table<'_>,
        ac: Option<&Table<'_>>,
        default_date: DefaultDate,
    ) -> Result<(), ImportError> {
        let mut previous: Option<(usize, String)> = None;
        for (line, row) in &ev.rows {
            let line = *line;
            let edited = date_cell(ev, line, row, "edited")?;
            self.edited = self.edited.max(edited);
            let s = self.end(ev, ac, line, row, "source")?;
            let t = self.end(ev, ac, line, row, "target")?;
            if s == t {
                self.self_ties += 1;
                continue;
            }
            let tie = self.tie(s, t);
            let same = EVENT_COLUMNS
                .iter()
                .filter(|c| !SOURCE_COLUMNS.contains(c) && **c != "edited")
                .map(|c| ev.cell(row, c).unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\u{1f}");
            if previous
                .as_ref()
                .is_some_and(|(pt, p)| *pt == tie && *p == same)
            {
                let event = self.ties[tie].events.last_mut();
                let date = event.as_ref().map_or(default_date.date, |e| e.date);
                let source = source_row(ev, line, row, date, &mut self.defaults, default_date)?;
                if let Some(e) = event {
                    e.sources.push(source);
                }
                continue;
            }
            let names = (self.actors[s].name.as_str(), self.actors[t].name.as_str());
            let event = event_row(ev, line, row, names, &mut self.defaults, default_date)?;
            self.ties[tie].events.push(event);
            self.lines[tie].push(line);
            previous = Some((tie, same));
        }
        Ok(())
    }

    /// The actor named in `column` of an events row: one of the actors file, or, without
    /// one, a new actor named by its id.
    fn end(
        &mut self,
        ev: &Table<'_>,
        ac: Option<&Table<'_>>,
        line: usize,
        row: &::csv::StringRecord,
        column: &str,
    ) -> Result<usize, ImportError> {
        let id = ev.cell(row, column).ok_or_else(|| {
            let message = "must not be empty".into();
            ev.error(ErrorKind::EmptyText, line, column, message)
        })?;
        if let Some(&i) = self.index.get(id) {
            return Ok(i);
        }
        if let Some(t) = ac {
            return Err(ev.error(
                ErrorKind::UnknownActor,
                line,
                column,
                format!("no actor in {} has the id \"{id}\"", t.file.name),
            ));
        }
        let d = &mut self.defaults;
        d.name.add(None);
        d.actor_type.add(None);
        d.coordinates.add(None);
        self.index.insert(id.to_string(), self.actors.len());
        self.origin.push((0, line));
        self.actors.push(Actor {
            id: id.to_string(),
            name: id.to_string(),
            short: None,
            actor_type: ActorType::Organization,
            iso3: None,
            lat: 0.0,
            lon: 0.0,
            base: None,
        });
        Ok(self.actors.len() - 1)
    }

    /// The tie between actors `s` and `t`, made on first use.
    fn tie(&mut self, s: usize, t: usize) -> usize {
        let (ties, lines, actors) = (&mut self.ties, &mut self.lines, &self.actors);
        *self.pairs.entry((s.min(t), s.max(t))).or_insert_with(|| {
            ties.push(Tie {
                source: actors[s].id.clone(),
                target: actors[t].id.clone(),
                events: Vec::new(),
            });
            lines.push(Vec::new());
            ties.len() - 1
        })
    }

    /// A validation error moved to the file, line and column of the row it is about.
    fn locate(&self, err: LoadError, ev: &Table<'_>, ac: Option<&Table<'_>>) -> ImportError {
        let (file, error) = relocate(err, |record, field| {
            let column = column_of(field);
            let (file, line) = match record {
                Record::Actor(i) => *self.origin.get(i)?,
                Record::Tie(t, e) => (0, *self.lines.get(t)?.get(e.unwrap_or(0))?),
                Record::Other => return None,
            };
            let table = if file == 1 { ac? } else { ev };
            let at = table.columns.get(column).map_or(1, |i| i + 1);
            Some(Place {
                file,
                line,
                column: at,
                path: column.to_string(),
            })
        });
        let table = if file == 1 { ac.unwrap_or(ev) } else { ev };
        ImportError {
            file: table.file.name.to_string(),
            error,
        }
    }

    /// What the import assumed: self-ties left out, and every default taken.
    fn notices(&self, name: &str, default_date: DefaultDate) -> Vec<Notice> {
        let mut notices = Vec::new();
        let n = self.self_ties;
        if n > 0 {
            notices.push(Notice::new(
                NoticeKind::DroppedSelfLoops,
                n,
                format!(
                    "{} {} an actor to itself and {} left out.",
                    plural(n, "row", "rows"),
                    verb(n, "ties", "tie"),
                    verb(n, "was", "were")
                ),
            ));
        }
        let (rows, actors) = (("row", "rows"), ("actor", "actors"));
        notices.extend(self.defaults.notices(rows, actors, name, default_date));
        notices
    }
}

/// The CSV column a dataset field comes from: `sources[0].outlet` is `outlet`, `sources[0].url`
/// is `outlet_url`.
fn column_of(field: &str) -> &str {
    let head = field.split(['.', '[']).next().unwrap_or(field);
    match head {
        "sources" if field.ends_with("date") => "outlet_date",
        "sources" if field.ends_with("url") => "outlet_url",
        "sources" if field.ends_with("title") => "outlet_title",
        "sources" if field.ends_with("quote") => "outlet_quote",
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
