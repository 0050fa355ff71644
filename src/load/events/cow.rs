//! Correlates of War dyadic files: two numeric country columns (`ccode1`/`ccode2`,
//! `statea`/`stateb` or `state1no`/`state2no`) with year or date columns; each dyad a dated tie
//! of the kind the person picks (disputes and wars: conflict, hostile).

use super::sink::{Named, Sink};
use super::sipri::split_csv;
use super::Lines;
use crate::date::Date;
use crate::model::{Event, Source};
use std::collections::{BTreeMap, BTreeSet};

/// The pairs of country columns a COW file may use.
const PAIRS: [(&str, &str); 3] = [
    ("ccode1", "ccode2"),
    ("statea", "stateb"),
    ("state1no", "state2no"),
];

/// Where a date's parts are: year, month and day columns.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct DateColumns {
    year: Option<usize>,
    month: Option<usize>,
    day: Option<usize>,
    /// A `date` column (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
    whole: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
struct Columns {
    a: usize,
    b: usize,
    start: DateColumns,
    end: DateColumns,
    /// The dispute or war number, and what it numbers.
    id: Option<(usize, &'static str)>,
    count: usize,
}

/// The two country columns of a header, if it is a COW dyadic file's.
pub fn pair_columns(cells: &[String]) -> Option<(usize, usize)> {
    let find = |name: &str| {
        cells
            .iter()
            .position(|c| c.trim().eq_ignore_ascii_case(name))
    };
    PAIRS.iter().find_map(|(a, b)| Some((find(a)?, find(b)?)))
}

fn columns(cells: &[String]) -> Option<Columns> {
    let (a, b) = pair_columns(cells)?;
    let find = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| cells.iter().position(|c| c.trim().eq_ignore_ascii_case(n)))
    };
    let start = DateColumns {
        year: find(&["strtyr", "styear", "startyear", "warstrtyr", "year"]),
        month: find(&["strtmnth", "stmon", "stmonth", "warstrtmnth"]),
        day: find(&["strtday", "stday", "warstrtday"]),
        whole: find(&["date", "startdate", "stdate"]),
    };
    let end = DateColumns {
        year: find(&["endyear", "endyr", "warendyr"]),
        month: find(&["endmnth", "endmon", "endmonth", "warendmnth"]),
        day: find(&["endday", "warendday"]),
        whole: find(&["enddate"]),
    };
    let id = find(&["disno", "dispnum", "dispnum3"])
        .map(|i| (i, "Militarized interstate dispute"))
        .or_else(|| find(&["warnum"]).map(|i| (i, "War")));
    Some(Columns {
        a,
        b,
        start,
        end,
        id,
        count: cells.len(),
    })
}

#[derive(Default)]
pub struct Dyads {
    columns: Option<Columns>,
    /// Dyads seen, so that one per direction or per year does not repeat the event.
    seen: BTreeSet<(u32, u32, String, Date, Option<Date>)>,
    /// Rows dated by a year alone and without an id: their years per pair, joined into runs.
    years: BTreeMap<(u32, u32), (usize, BTreeSet<i32>)>,
}

impl Lines for Dyads {
    fn line(&mut self, no: usize, line: &str, sink: &mut Sink) {
        if line.trim().is_empty() {
            return;
        }
        let cells = split_csv(line);
        let Some(cols) = &self.columns else {
            self.columns = columns(&cells);
            return;
        };
        sink.row();
        if cells.len() != cols.count {
            return sink.bad(
                no,
                format!("{} cells; the header has {}", cells.len(), cols.count),
            );
        }
        let code = |i: usize| cells[i].trim().parse::<u32>().ok();
        let (Some(a), Some(b)) = (code(cols.a), code(cols.b)) else {
            let shown = format!("{}, {}", cells[cols.a].trim(), cells[cols.b].trim());
            return sink.bad(no, format!("\"{shown}\" are not COW country codes"));
        };
        let Some(start) = date(&cells, &cols.start) else {
            return sink.bad(no, "no start year");
        };
        let end = date(&cells, &cols.end).filter(|e| e.last_day() >= start);
        let (a, b) = (sink.actor(Named::Cow(a)), sink.actor(Named::Cow(b)));
        let (a, b) = (a.min(b), a.max(b));
        let id = cols.id.map(|(i, what)| (cells[i].trim().to_string(), what));
        let only_year = cols.start.month.is_none() && cols.start.whole.is_none() && end.is_none();
        if id.is_none() && only_year {
            let entry = self.years.entry((a, b)).or_insert((no, BTreeSet::new()));
            entry.1.insert(start.year());
            return;
        }
        let key = (
            a,
            b,
            id.as_ref().map(|i| i.0.clone()).unwrap_or_default(),
            start,
            end,
        );
        if !self.seen.insert(key) {
            return;
        }
        let what = match &id {
            Some((n, what)) => format!("{what} {n}"),
            None => format!("{} tie", sink.single().0.as_str()),
        };
        let event = dyad(sink, no, (a, b), &what, start, end);
        sink.event(a, b, event);
    }

    fn end(&mut self, sink: &mut Sink) {
        for ((a, b), (no, years)) in std::mem::take(&mut self.years) {
            let years: Vec<i32> = years.into_iter().collect();
            let mut i = 0;
            while i < years.len() {
                let mut j = i;
                while j + 1 < years.len() && years[j + 1] == years[j] + 1 {
                    j += 1;
                }
                let (from, to) = (Date::year_only(years[i]), Date::year_only(years[j]));
                let what = format!("{} tie", sink.single().0.as_str());
                let event = dyad(sink, no, (a, b), &what, from, (j > i).then_some(to));
                sink.event(a, b, event);
                i = j + 1;
            }
        }
    }
}

fn dyad(
    sink: &Sink,
    no: usize,
    (a, b): (u32, u32),
    what: &str,
    start: Date,
    end: Option<Date>,
) -> Event {
    let (na, nb) = (&sink.actors[a as usize].name, &sink.actors[b as usize].name);
    let span = match end {
        Some(e) if e != start => format!("{start} to {e}"),
        _ => start.to_string(),
    };
    let (kind, tone) = sink.single();
    let mut what = what.to_string();
    if let Some(first) = what.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    Event {
        date: start,
        end: end.filter(|e| *e != start),
        added: None,
        kind,
        tone,
        summary: format!("{what} between {na} and {nb}, {span}"),
        figures: Vec::new(),
        people: Vec::new(),
        sources: vec![Source {
            title: Some(format!("Correlates of War: {}", sink.name)),
            ..Source::new("Correlates of War", end.unwrap_or(start))
        }],
        note: Some(format!(
            "From {}, line {no} (Correlates of War).",
            sink.name
        )),
        assessment: false,
    }
}

/// A date from year, month and day columns (`-9` and other negatives for unknown), or a date
/// column.
fn date(cells: &[String], cols: &DateColumns) -> Option<Date> {
    if let Some(i) = cols.whole {
        let text = cells[i].trim();
        let text = text.split([' ', 'T']).next().unwrap_or(text);
        if let Ok(d) = text.parse::<Date>() {
            return Some(d);
        }
    }
    let part = |i: Option<usize>| {
        i.and_then(|i| cells[i].trim().parse::<i32>().ok())
            .filter(|v| *v > 0)
    };
    let year = part(cols.year).filter(|y| (1000..=9999).contains(y))?;
    let month = part(cols.month).filter(|m| (1..=12).contains(m));
    let day = part(cols.day);
    Some(match (month, day) {
        (Some(m), Some(d)) => Date::ymd(year, m as u8, d as u8).unwrap_or_else(|| {
            format!("{year:04}-{m:02}")
                .parse()
                .unwrap_or(Date::year_only(year))
        }),
        (Some(m), None) => format!("{year:04}-{m:02}")
            .parse()
            .unwrap_or(Date::year_only(year)),
        _ => Date::year_only(year),
    })
}
