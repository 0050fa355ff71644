//! The country table (`data/countries.tsv`): names, ISO alpha-3, CAMEO and COW codes and
//! capitals, so that "Pakistan", `PAK` and COW 770 are one actor.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One country of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// ISO 3166-1 alpha-3; empty for a historical COW state with no ISO code.
    pub iso3: &'static str,
    pub cameo: &'static str,
    /// The Correlates of War state number, where the country is a COW state.
    pub cow: Option<u32>,
    /// The COW abbreviation (`PAK`, `UKG`).
    pub cowc: &'static str,
    pub lat: f64,
    pub lon: f64,
    /// The name Entente gives the actor, then the variants it recognises.
    pub names: Vec<&'static str>,
}

impl Country {
    /// The actor id: the ISO code, or the COW abbreviation of a state that has none.
    pub fn id(&self) -> &'static str {
        if self.iso3.is_empty() {
            self.cowc
        } else {
            self.iso3
        }
    }

    pub fn name(&self) -> &'static str {
        self.names[0]
    }
}

/// The table and its indexes.
#[derive(Debug)]
pub struct Countries {
    pub rows: Vec<Country>,
    /// ISO and CAMEO codes, and every name, folded to lower case.
    by_key: HashMap<String, usize>,
    by_cow: HashMap<u32, usize>,
}

const TABLE: &str = include_str!("../../../data/countries.tsv");

/// The table, parsed on first use.
pub fn countries() -> &'static Countries {
    static TABLE_ONCE: OnceLock<Countries> = OnceLock::new();
    TABLE_ONCE.get_or_init(|| Countries::parse(TABLE))
}

impl Countries {
    fn parse(text: &'static str) -> Countries {
        let mut rows = Vec::new();
        for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
            let c: Vec<&'static str> = line.split('\t').collect();
            rows.push(Country {
                iso3: c[0],
                cameo: c[1],
                cow: c[2].parse().ok(),
                cowc: c[3],
                lat: c[4].parse().unwrap_or(0.0),
                lon: c[5].parse().unwrap_or(0.0),
                names: c[6].split('|').collect(),
            });
        }
        let mut by_key = HashMap::new();
        let mut by_cow = HashMap::new();
        for (i, row) in rows.iter().enumerate() {
            // Codes first, so that a code is never taken by another country's name.
            for code in [row.iso3, row.cameo].into_iter().filter(|c| !c.is_empty()) {
                by_key.entry(code.to_lowercase()).or_insert(i);
            }
            if let Some(n) = row.cow {
                by_cow.insert(n, i);
            }
        }
        for (i, row) in rows.iter().enumerate() {
            for name in &row.names {
                by_key.entry(name.to_lowercase()).or_insert(i);
            }
        }
        Countries {
            rows,
            by_key,
            by_cow,
        }
    }

    /// The country with this name, ISO code or CAMEO code, ignoring case and surrounding space.
    pub fn find(&self, key: &str) -> Option<&Country> {
        let key = key.trim();
        let found = self
            .by_key
            .get(key)
            .or_else(|| self.by_key.get(&key.to_lowercase()));
        found.map(|&i| &self.rows[i])
    }

    /// The country with this Correlates of War state number.
    pub fn cow(&self, code: u32) -> Option<&Country> {
        self.by_cow.get(&code).map(|&i| &self.rows[i])
    }
}
