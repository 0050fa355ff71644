//! The CSV round trip under the fuzzer: a dataset built by `arbitrary`, texts of any characters.

use arbitrary::{Result, Unstructured};
use entente::date::Date;
use entente::export::export;
use entente::load::{self, validate, Format, InputFile};
use entente::model::{Actor, ActorType, Dataset, Event, Figure, Kind, Source, Tie, Tone, FORMAT};

/// Any bytes as a dataset whose texts are any characters a text may hold, kept when it is valid:
/// its CSV export has no cell that starts a formula, and reads back as the same actors and ties
/// (two events in a row on one tie that differ only in their sources read back as one, as
/// `data/README.md` says). A dataset without ties is left out: its events file is a header
/// alone, which the reader refuses as empty. Returns whether the bytes made a dataset to check.
pub fn csv(data: &[u8]) -> bool {
    let Ok(d) = dataset(&mut Unstructured::new(data)) else {
        return false;
    };
    if d.ties.is_empty() || validate(&d).is_err() {
        return false;
    }
    let files = export(&d, Format::Csv).expect("a valid dataset exports");
    for f in &files {
        no_formula(&f.text);
    }
    let names: Vec<String> = files.iter().map(|f| format!("out.{}", f.suffix)).collect();
    let inputs: Vec<InputFile> = files
        .iter()
        .zip(&names)
        .map(|(f, name)| InputFile {
            name,
            text: &f.text,
        })
        .collect();
    let today = "2026-01-01".parse().expect("a date");
    let back = load::import(&inputs, today)
        .unwrap_or_else(|e| panic!("the export of a valid dataset is refused: {e}\n{d:?}"));
    assert_eq!(back.dataset.actors, d.actors, "actors of {d:?}");
    assert_eq!(back.dataset.ties, merged(d.ties), "ties");
    true
}

/// No cell starts with `=`, `+`, `-`, `@`, a tab or a carriage return, but a number.
fn no_formula(text: &str) {
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    for row in reader.records() {
        for cell in row.expect("the export is CSV").iter() {
            let number = cell.parse::<f64>().is_ok() && !cell.contains(char::is_alphabetic);
            assert!(
                number || !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell starts a formula: {cell:?}"
            );
        }
    }
}

/// The ties as CSV gives them back: an event that repeats the one before it but for its sources
/// is that event with more sources.
fn merged(mut ties: Vec<Tie>) -> Vec<Tie> {
    for t in &mut ties {
        let mut events: Vec<Event> = Vec::with_capacity(t.events.len());
        for e in t.events.drain(..) {
            match events.last_mut() {
                Some(p) if same_but_sources(p, &e) => p.sources.extend(e.sources),
                _ => events.push(e),
            }
        }
        t.events = events;
    }
    ties
}

/// Whether two events are one but for their sources: every field compared, so that a field added
/// to `Event` is part of the rule without being listed here (the list once left `end`, then
/// `added`, out).
fn same_but_sources(a: &Event, b: &Event) -> bool {
    let bare = |e: &Event| Event {
        sources: Vec::new(),
        ..e.clone()
    };
    bare(a) == bare(b)
}

/// Any characters but the ASCII controls a text may not hold; never blank.
fn text(u: &mut Unstructured) -> Result<String> {
    let s: String = u.arbitrary()?;
    let mut s: String = s
        .chars()
        .filter(|c| !c.is_ascii_control() || matches!(c, '\t' | '\n' | '\r'))
        .take(40)
        .collect();
    if s.trim().is_empty() {
        s.insert(0, 'x');
    }
    Ok(s)
}

fn date(u: &mut Unstructured) -> Result<Date> {
    let year = u.int_in_range(1800..=2100)?;
    Ok(match u.int_in_range(0..=2u8)? {
        0 => Date::year_only(year),
        _ => Date::ymd(year, u.int_in_range(1..=12)?, u.int_in_range(1..=28)?)
            .unwrap_or(Date::year_only(year)),
    })
}

/// Any `f64` bits, folded into `-limit..=limit` (NaN stays NaN, for `validate` to refuse).
fn number(u: &mut Unstructured, limit: f64) -> Result<f64> {
    let v: f64 = u.arbitrary()?;
    Ok(if v.abs() > limit { v % limit } else { v })
}

fn event(u: &mut Unstructured) -> Result<Event> {
    let figures = (0..u.int_in_range(0..=2)?)
        .map(|_| {
            Ok(Figure {
                value: number(u, 1e15)?,
                unit: text(u)?,
                what: if u.arbitrary()? { Some(text(u)?) } else { None },
            })
        })
        .collect::<Result<_>>()?;
    let mut people: Vec<String> = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        let p = text(u)?;
        if !people.contains(&p) {
            people.push(p);
        }
    }
    let sources = (0..u.int_in_range(1..=3)?)
        .map(|_| {
            Ok(Source {
                outlet: text(u)?,
                date: date(u)?,
                url: if u.arbitrary()? {
                    Some(format!("https://{}", text(u)?))
                } else {
                    None
                },
                title: if u.arbitrary()? { Some(text(u)?) } else { None },
                quote: if u.arbitrary()? { Some(text(u)?) } else { None },
            })
        })
        .collect::<Result<_>>()?;
    let start = date(u)?;
    // A lasting event ends on or after its date.
    let end = if u.arbitrary()? {
        Some(date(u)?.max(start))
    } else {
        None
    };
    Ok(Event {
        date: start,
        end,
        kind: *u.choose(&Kind::ALL)?,
        tone: *u.choose(&[Tone::Cooperative, Tone::Strained, Tone::Hostile])?,
        summary: text(u)?,
        figures,
        people,
        sources,
        note: if u.arbitrary()? { Some(text(u)?) } else { None },
        assessment: u.arbitrary()?,
        added: if u.arbitrary()? { Some(date(u)?) } else { None },
    })
}

fn actor(u: &mut Unstructured, i: usize) -> Result<Actor> {
    let id: String = text(u)?.chars().filter(|c| !c.is_control()).collect();
    let actor_type = *u.choose(&[
        ActorType::State,
        ActorType::Organization,
        ActorType::ArmedGroup,
    ])?;
    let state = actor_type == ActorType::State;
    let iso3 = if state && u.arbitrary()? {
        let letters: [u8; 3] = u.arbitrary()?;
        Some(letters.iter().map(|b| char::from(b'A' + b % 26)).collect())
    } else {
        None
    };
    Ok(Actor {
        // Ids have no white space at their ends; the index keeps them apart.
        id: format!("{}#{i}", id.trim_start()),
        name: text(u)?,
        short: if u.arbitrary()? {
            Some(format!(
                "{}{i}",
                u.choose(&["=", "+", "-", "@", "'", " ", "S"])?
            ))
        } else {
            None
        },
        actor_type,
        iso3,
        lat: number(u, 90.0)?,
        lon: number(u, 180.0)?,
        base: if !state && u.arbitrary()? {
            Some(text(u)?)
        } else {
            None
        },
    })
}

/// 1–6 actors, ties on distinct pairs (either way round), 1–3 events each.
fn dataset(u: &mut Unstructured) -> Result<Dataset> {
    let n = u.int_in_range(1..=6usize)?;
    let actors: Vec<Actor> = (0..n).map(|i| actor(u, i)).collect::<Result<_>>()?;
    let mut ties = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            if u.arbitrary()? {
                let (s, t) = if u.arbitrary()? { (b, a) } else { (a, b) };
                let events = (0..u.int_in_range(1..=3)?)
                    .map(|_| event(u))
                    .collect::<Result<_>>()?;
                ties.push(Tie {
                    source: actors[s].id.clone(),
                    target: actors[t].id.clone(),
                    events,
                });
            }
        }
    }
    Ok(Dataset {
        format: FORMAT.into(),
        title: "fuzz".into(),
        description: None,
        provenance: None,
        edited: None,
        actors,
        ties,
        story: None,
    })
}
