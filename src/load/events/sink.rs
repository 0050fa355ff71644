//! Where every reader puts what it reads: actors matched through the country table, rows kept
//! or left out by the restriction, aggregated rows, whole events, and the bad rows' tally.

use super::aggregate::{Aggregates, FxMap, Key, Row};
use super::countries::countries;
use super::{EventFormat, Options};
use crate::date::Date;
use crate::model::{Event, Kind, Tone};
use std::collections::HashSet;

/// How a reader names an actor.
#[derive(Debug, Clone, Copy)]
pub enum Named<'a> {
    /// A name or an ISO or CAMEO code.
    Name(&'a str),
    /// A Correlates of War state number.
    Cow(u32),
}

/// An actor as read: its id, name, ISO code and capital, or only the name it was given.
#[derive(Debug, Clone, PartialEq)]
pub struct Seen {
    pub id: String,
    pub name: String,
    pub iso3: Option<String>,
    pub place: Option<(f64, f64)>,
    pub chosen: bool,
}

/// At most this many bad rows are listed by line.
pub const LISTED: usize = 5;

pub struct Sink {
    pub format: EventFormat,
    pub name: String,
    pub options: Options,
    pub today: Date,
    pub actors: Vec<Seen>,
    ids: FxMap<String, u32>,
    /// Names as written, resolved once.
    resolved: FxMap<String, u32>,
    chosen: HashSet<String>,
    pub aggregates: Aggregates,
    /// Whole events (SIPRI deals, COW ties) between two actors.
    pub events: Vec<(u32, u32, Event)>,
    /// Records read, good and bad.
    pub rows: u64,
    pub bad: u64,
    pub first_bad: Vec<(usize, String)>,
    pub one_sided: u64,
    pub self_pairs: u64,
    pub outside: u64,
    /// The day the file says it was made (SIPRI's "Information generated"), its sources' date.
    pub generated: Option<Date>,
    /// The kind of each CAMEO code met, looked up once.
    kinds: FxMap<String, Option<Kind>>,
    /// The last day met and its period: rows come mostly in date order.
    period: Option<(Date, Date)>,
}

impl Sink {
    pub fn new(format: EventFormat, name: &str, options: Options, today: Date) -> Sink {
        let chosen = options
            .actors
            .iter()
            .filter(|a| !a.trim().is_empty())
            .map(|a| match countries().find(a) {
                Some(c) => c.id().to_string(),
                None => a.trim().to_string(),
            })
            .collect();
        Sink {
            format,
            name: name.to_string(),
            options,
            today,
            actors: Vec::new(),
            ids: FxMap::default(),
            resolved: FxMap::default(),
            chosen,
            aggregates: Aggregates::default(),
            events: Vec::new(),
            rows: 0,
            bad: 0,
            first_bad: Vec::new(),
            one_sided: 0,
            self_pairs: 0,
            outside: 0,
            generated: None,
            kinds: FxMap::default(),
            period: None,
        }
    }

    /// A row (record) starts.
    pub fn row(&mut self) {
        self.rows += 1;
    }

    /// The row on line `line` cannot be read, for `why`.
    pub fn bad(&mut self, line: usize, why: impl Into<String>) {
        self.bad += 1;
        if self.first_bad.len() < LISTED {
            self.first_bad.push((line, why.into()));
        }
    }

    /// A row that does not name an actor on both sides.
    pub fn one_sided(&mut self) {
        self.one_sided += 1;
    }

    /// The actor a row names, matched through the country table; a name the table does not
    /// know becomes an actor of its own.
    pub fn actor(&mut self, named: Named<'_>) -> u32 {
        if let Named::Name(n) = named {
            if let Some(&i) = self.resolved.get(n.trim()) {
                return i;
            }
        }
        let raw = match named {
            Named::Name(n) => n.trim().to_string(),
            Named::Cow(n) => format!("COW {n}"),
        };
        if let Some(&i) = self.resolved.get(&raw) {
            return i;
        }
        let country = match named {
            Named::Name(n) => countries().find(n),
            Named::Cow(n) => countries().cow(n),
        };
        let seen = match country {
            Some(c) => Seen {
                id: c.id().to_string(),
                name: c.name().to_string(),
                iso3: (!c.iso3.is_empty()).then(|| c.iso3.to_string()),
                place: Some((c.lat, c.lon)),
                chosen: false,
            },
            None => Seen {
                id: raw.clone(),
                name: raw.clone(),
                iso3: None,
                place: None,
                chosen: false,
            },
        };
        let i = match self.ids.get(&seen.id) {
            Some(&i) => i,
            None => {
                let i = self.actors.len() as u32;
                let chosen = self.chosen.contains(&seen.id) || self.chosen.contains(&raw);
                self.ids.insert(seen.id.clone(), i);
                self.actors.push(Seen { chosen, ..seen });
                i
            }
        };
        self.resolved.insert(raw, i);
        i
    }

    /// Whether a row between `a` and `b` from `from` to `to` passes the restriction; counts it
    /// where it does not.
    pub fn keeps(&mut self, a: u32, b: u32, from: Date, to: Date) -> bool {
        if a == b {
            self.self_pairs += 1;
            return false;
        }
        let o = &self.options;
        let chosen = self.chosen.is_empty()
            || self.actors[a as usize].chosen
            || self.actors[b as usize].chosen;
        let after = o.from.is_none_or(|f| f <= to.last_day());
        let before = o.until.is_none_or(|u| from <= u.last_day());
        if chosen && after && before {
            true
        } else {
            self.outside += 1;
            false
        }
    }

    /// A CAMEO-coded row (GDELT, ICEWS) on line `line`: its kind and tone from the mapping,
    /// restricted and aggregated.
    #[allow(clippy::too_many_arguments)]
    pub fn coded(
        &mut self,
        line: usize,
        (a, b): (u32, u32),
        day: Date,
        code: &str,
        quad: Option<u8>,
        goldstein: Option<f64>,
        (url, outlet): (Option<&str>, Option<&str>),
    ) {
        let kind = match self.kinds.get(code) {
            Some(&kind) => kind,
            None => {
                let kind = self.options.mapping.kind_of(code);
                self.kinds.insert(code.to_string(), kind);
                kind
            }
        };
        let Some(kind) = kind else {
            return self.bad(
                line,
                format!("the CAMEO code \"{code}\" is not in the mapping"),
            );
        };
        let Some(tone) = self.options.mapping.tone_of(quad, goldstein) else {
            return self.bad(line, "no QuadClass or Goldstein score for the tone");
        };
        if !self.keeps(a, b, day, day) {
            return;
        }
        let root = code.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
        let (a, b) = (a.min(b), a.max(b));
        let when = match self.period {
            Some((d, when)) if d == day => when,
            _ => {
                let when = self.options.period.of(day);
                self.period = Some((day, when));
                when
            }
        };
        self.aggregates.add(Row {
            key: Key {
                a,
                b,
                when,
                kind,
                tone,
            },
            root,
            goldstein,
            day,
            url,
            outlet,
        });
    }

    /// A whole event between `a` and `b` (a SIPRI deal, a COW tie), restricted.
    pub fn event(&mut self, a: u32, b: u32, event: Event) {
        let to = event.end.unwrap_or(event.date);
        if self.keeps(a, b, event.date, to) {
            self.events.push((a.min(b), a.max(b), event));
        }
    }

    /// The kind and tone the mapping gives every record of this format.
    pub fn single(&self) -> (Kind, Tone) {
        let kt = match self.format {
            EventFormat::Sipri => self.options.mapping.sipri,
            _ => self.options.mapping.cow,
        };
        (kt.kind, kt.tone)
    }
}
