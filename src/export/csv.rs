//! Entente CSV: the events file (one row per event, one more row per extra source) and the
//! actors file, in the columns the CSV reader reads.

use crate::load::{ACTOR_COLUMNS, EVENT_COLUMNS};
use crate::model::{Dataset, Event};

fn finish(w: ::csv::Writer<Vec<u8>>) -> String {
    // Writing to a Vec cannot fail, and every cell is a Rust string, so the bytes are UTF-8.
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// People as `A; B`, or as a JSON list when a name holds `;` or `|` or starts with `[`.
fn people_cell(e: &Event) -> Result<String, serde_json::Error> {
    let plain = e
        .people
        .iter()
        .all(|p| !p.contains([';', '|']) && !p.starts_with('['));
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
                    t.source.clone(),
                    t.target.clone(),
                    e.date.to_string(),
                    e.kind.as_str().to_string(),
                    e.tone.as_str().to_string(),
                    e.summary.clone(),
                    s.outlet.clone(),
                    s.date.to_string(),
                    figures.clone(),
                    people.clone(),
                    e.note.clone().unwrap_or_default(),
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
            a.id.clone(),
            a.name.clone(),
            a.actor_type.as_str().to_string(),
            a.iso3.clone().unwrap_or_default(),
            a.lat.to_string(),
            a.lon.to_string(),
            a.base.clone().unwrap_or_default(),
        ]);
    }
    Ok((finish(events), finish(actors)))
}
