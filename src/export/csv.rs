//! Entente CSV: the events file (one row per event, one more row per extra source, the dataset's
//! `edited` day on each) and the actors file, in the columns the CSV reader reads; every text
//! cell marked with a leading `'` where a spreadsheet would otherwise read a formula
//! (`load::mark`, data/README.md).

use crate::load::{mark, ACTOR_COLUMNS, EVENT_COLUMNS};
use crate::model::{Dataset, Event};

fn finish(w: ::csv::Writer<Vec<u8>>) -> String {
    // Writing to a Vec cannot fail, and every cell is a Rust string, so the bytes are UTF-8.
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// People as `A; B`, or as a JSON list when a name holds `;` or `|`, starts with `[` or has
/// white space at its ends (which `A; B` loses).
fn people_cell(e: &Event) -> Result<String, serde_json::Error> {
    let plain = e
        .people
        .iter()
        .all(|p| !p.contains([';', '|']) && !p.starts_with('[') && p.trim() == p);
    if plain {
        Ok(e.people.join("; "))
    } else {
        serde_json::to_string(&e.people)
    }
}

/// The events file and the actors file.
pub(crate) fn write_csv(d: &Dataset) -> Result<(String, String), serde_json::Error> {
    let mut events = ::csv::Writer::from_writer(Vec::new());
    let mut rows = vec![EVENT_COLUMNS.map(String::from).to_vec()];
    let edited = d.edited.map(|day| day.to_string()).unwrap_or_default();
    for t in &d.ties {
        for e in &t.events {
            let figures = if e.figures.is_empty() {
                String::new()
            } else {
                serde_json::to_string(&e.figures)?
            };
            let people = people_cell(e)?;
            for s in &e.sources {
                rows.push(vec![
                    mark(&t.source),
                    mark(&t.target),
                    e.date.to_string(),
                    e.end.map(|d| d.to_string()).unwrap_or_default(),
                    e.kind.as_str().to_string(),
                    e.tone.as_str().to_string(),
                    mark(&e.summary),
                    mark(&s.outlet),
                    s.date.to_string(),
                    mark(&figures),
                    mark(&people),
                    mark(e.note.as_deref().unwrap_or_default()),
                    if e.assessment { "true" } else { "" }.to_string(),
                    mark(s.url.as_deref().unwrap_or_default()),
                    mark(s.title.as_deref().unwrap_or_default()),
                    mark(s.quote.as_deref().unwrap_or_default()),
                    e.added.map(|d| d.to_string()).unwrap_or_default(),
                    edited.clone(),
                ]);
            }
        }
    }
    for row in &rows {
        let _ = events.write_record(row);
    }
    let mut actors = ::csv::Writer::from_writer(Vec::new());
    let _ = actors.write_record(ACTOR_COLUMNS);
    for a in &d.actors {
        let _ = actors.write_record([
            mark(&a.id),
            mark(&a.name),
            a.actor_type.as_str().to_string(),
            mark(a.iso3.as_deref().unwrap_or_default()),
            a.lat.to_string(),
            a.lon.to_string(),
            mark(a.base.as_deref().unwrap_or_default()),
            mark(a.short.as_deref().unwrap_or_default()),
        ]);
    }
    Ok((finish(events), finish(actors)))
}
