//! Entente CSV: an events file, one row per event, and an optional actors file; rows become
//! ties and events, with located errors and notices for every empty cell filled in.

use super::fields::{self, DefaultDate, Defaults};
use super::graph::stem;
use super::locate::{relocate, Place, Record};
use super::notice::{plural, verb, ImportError, Imported, Notice, NoticeKind};
use super::{validate, Format, InputFile};
use crate::date::Date;
use crate::error::{ErrorKind, LoadError};
use crate::model::{Actor, ActorType, Dataset, Event, Kind, Source, Tie, Tone, FORMAT};
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

/// One CSV file as rows of cells, with each row's line and each known column's position.
struct Table<'a> {
    file: InputFile<'a>,
    columns: HashMap<String, usize>,
    rows: Vec<(usize, ::csv::StringRecord)>,
}

impl Table<'_> {
    /// The trimmed cell of `column` in `row`; `None` when the column is absent or the cell empty.
    fn cell<'r>(&self, row: &'r ::csv::StringRecord, column: &str) -> Option<&'r str> {
        let i = *self.columns.get(column)?;
        row.get(i).filter(|c| !c.is_empty())
    }

    fn error(&self, kind: ErrorKind, line: usize, column: &str, message: String) -> ImportError {
        let at = self.columns.get(column).map_or(1, |i| i + 1);
        ImportError {
            file: self.file.name.to_string(),
            error: LoadError::at(kind, column, message).with_position(line, at),
        }
    }
}

/// The separator: the one of `,`, `;` and tab the header line uses most (commas on a tie).
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(d as char), d == b','))
        .unwrap_or(b',')
}

fn table<'a>(file: InputFile<'a>, notices: &mut Vec<Notice>) -> Result<Table<'a>, ImportError> {
    let fail = |line: usize, kind, message: String| ImportError {
        file: file.name.to_string(),
        error: LoadError::at(kind, "", message).with_position(line, 1),
    };
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(file.text);
    let sep = delimiter(text);
    if sep != b',' {
        let name = if sep == b';' { "semicolons" } else { "tabs" };
        notices.push(Notice::new(
            NoticeKind::Delimiter,
            1,
            format!("{} is read as separated by {name}.", file.name),
        ));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let located = |e: ::csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        let message = match e.kind() {
            ::csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => {
                format!("the row has {len} cells; the header has {expected_len}")
            }
            _ => e.to_string(),
        };
        fail(line, ErrorKind::Syntax, message)
    };
    let headers = reader.headers().map_err(located)?.clone();
    let columns: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_lowercase().replace(' ', "_"), i))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(located)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().any(|c| !c.is_empty()) {
            rows.push((line, record));
        }
    }
    Ok(Table {
        file,
        columns,
        rows,
    })
}

fn check_columns(
    t: &Table<'_>,
    known: &[&str],
    required: &[&str],
    what: &str,
    notices: &mut Vec<Notice>,
) -> Result<(), ImportError> {
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !t.columns.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        let mut has: Vec<(&String, &usize)> = t.columns.iter().collect();
        has.sort_by_key(|(_, i)| **i);
        let has: Vec<&str> = has.iter().map(|(c, _)| c.as_str()).collect();
        return Err(t.error(
            ErrorKind::Field,
            1,
            "",
            format!(
                "{what} needs the columns {}; this file has {}",
                required.join(", "),
                has.join(", ")
            ),
        ));
    }
    let mut unknown: Vec<(&String, &usize)> = t
        .columns
        .iter()
        .filter(|(c, _)| !known.contains(&c.as_str()))
        .collect();
    unknown.sort_by_key(|(_, i)| **i);
    if !unknown.is_empty() {
        let names: Vec<&str> = unknown.iter().map(|(c, _)| c.as_str()).collect();
        notices.push(Notice::new(
            NoticeKind::Ignored,
            names.len(),
            format!(
                "{}: the {} {} {} not read.",
                t.file.name,
                verb(names.len(), "column", "columns"),
                names.join(", "),
                verb(names.len(), "is", "are")
            ),
        ));
    }
    if t.rows.is_empty() {
        return Err(t.error(
            ErrorKind::Empty,
            2,
            "",
            "the file has a header but no rows".into(),
        ));
    }
    Ok(())
}

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

fn actor_row(
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
        actor_type,
        iso3: iso3.map(str::to_string),
        lat,
        lon,
        base: t.cell(row, "base").map(str::to_string),
    })
}

fn date_cell(
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

fn source_row(
    t: &Table<'_>,
    line: usize,
    row: &::csv::StringRecord,
    date: Date,
    d: &mut Defaults,
    default: DefaultDate,
) -> Result<Source, ImportError> {
    let outlet_date = date_cell(t, line, row, "outlet_date")?;
    Ok(match t.cell(row, "outlet") {
        Some(outlet) => Source {
            outlet: outlet.to_string(),
            date: outlet_date.unwrap_or_else(|| {
                d.source_date.add(None);
                date
            }),
        },
        None => {
            d.source.add(None);
            Source {
                outlet: t.file.name.to_string(),
                date: default.date,
            }
        }
    })
}

fn event_row(
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
        kind,
        tone,
        summary,
        figures: figures.unwrap_or_default(),
        people: people.unwrap_or_default(),
        sources: vec![source_row(t, line, row, date, d, default)?],
        note: t.cell(row, "note").map(str::to_string),
    })
}
