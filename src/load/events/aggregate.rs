//! Rows grouped per pair, period, kind and tone into one event's worth: the row count, the
//! Goldstein sum, the CAMEO roots seen and up to five sources.

use crate::date::Date;
use crate::model::{Kind, Tone};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The period rows are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    Month,
    Year,
}

impl Period {
    /// The period `day` falls in, as a date of that precision.
    pub fn of(self, day: Date) -> Date {
        match (self, day.month()) {
            (Period::Day, _) | (Period::Month, None) => day,
            (Period::Month, Some(m)) => Date::year_month(day.year(), m).unwrap_or(day),
            (Period::Year, _) => Date::year_only(day.year()),
        }
    }
}

/// What a group is keyed by; `a < b`, so a pair is one key whichever side a row names first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub a: u32,
    pub b: u32,
    pub when: Date,
    pub kind: Kind,
    pub tone: Tone,
}

/// A source kept for a group: the outlet, the report's address where the row gives one, and
/// the day of the first row that cites it.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub outlet: String,
    pub url: Option<String>,
    pub day: Date,
}

/// The rows of one key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Group {
    pub count: u64,
    pub goldstein_sum: f64,
    pub goldstein_rows: u64,
    /// Rows per CAMEO root, 01–20 at 0–19.
    pub roots: [u32; 20],
    pub sources: Vec<Cited>,
}

/// At most this many sources per event.
pub const MAX_SOURCES: usize = 5;

impl Group {
    /// The CAMEO root most of the rows have (the lowest on a tie), 1–20.
    pub fn main_root(&self) -> Option<u8> {
        let (i, n) = self
            .roots
            .iter()
            .enumerate()
            .max_by_key(|(i, n)| (**n, std::cmp::Reverse(*i)))?;
        (*n > 0).then_some(i as u8 + 1)
    }

    pub fn mean_goldstein(&self) -> Option<f64> {
        (self.goldstein_rows > 0).then(|| self.goldstein_sum / self.goldstein_rows as f64)
    }
}

/// One row to add.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    pub key: Key,
    pub root: u8,
    pub goldstein: Option<f64>,
    pub day: Date,
    /// The report's address (GDELT's `SOURCEURL`).
    pub url: Option<&'a str>,
    /// The outlet, where the row names it (ICEWS's `Publisher`).
    pub outlet: Option<&'a str>,
}

/// FxHash's multiply-and-rotate: much cheaper than the default SipHash for the readers' small
/// keys (codes, names, group keys), read once per row.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map hashed with [`Fx`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// Every group, keyed.
#[derive(Debug, Default)]
pub struct Aggregates {
    groups: FxMap<Key, Group>,
    rows: u64,
}

impl Aggregates {
    pub fn add(&mut self, row: Row<'_>) {
        self.rows += 1;
        let g = self.groups.entry(row.key).or_default();
        g.count += 1;
        if let Some(v) = row.goldstein {
            g.goldstein_sum += v;
            g.goldstein_rows += 1;
        }
        if (1..=20).contains(&row.root) {
            g.roots[usize::from(row.root) - 1] += 1;
        }
        if g.sources.len() < MAX_SOURCES {
            let outlet = row.url.and_then(outlet_of).or(row.outlet);
            if let Some(outlet) = outlet.filter(|o| !o.trim().is_empty()) {
                let seen = g.sources.iter().any(|s| match row.url {
                    Some(u) => s.url.as_deref() == Some(u),
                    None => s.outlet == outlet,
                });
                if !seen {
                    g.sources.push(Cited {
                        outlet: outlet.trim().to_string(),
                        url: row.url.map(str::to_string),
                        day: row.day,
                    });
                }
            }
        }
    }

    /// Rows added.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    /// The groups, ordered by pair, date, kind and tone.
    pub fn into_sorted(self) -> Vec<(Key, Group)> {
        let mut all: Vec<(Key, Group)> = self.groups.into_iter().collect();
        all.sort_by_key(|x| x.0);
        all
    }
}

/// The outlet of a report's address: its host without `www.` (`https://www.dawn.com/news/1`
/// is `dawn.com`); `None` for what is not an http(s) address.
pub fn outlet_of(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}
