//! What a reader gathered, made a dataset: aggregated groups into events, ties with fewer rows
//! than the minimum left out, the actors of the ties kept, the provenance with the mapping, and
//! the notices; or the refusal when too many rows are bad or nothing is left.

use super::aggregate::{Group, Key};
use super::mapping::{Mapping, CAMEO_ROOTS};
use super::sink::Sink;
use super::{EventFormat, ImportedEvents};
use crate::error::{ErrorKind, LoadError};
use crate::load::notice::{plural, verb, ImportError, Notice, NoticeKind};
use crate::model::{Actor, ActorType, Dataset, Event, Figure, Provenance, Source, Tie, FORMAT};
use std::collections::BTreeMap;

impl Sink {
    pub fn finish(mut self, format: EventFormat) -> Result<ImportedEvents, ImportError> {
        let refuse = |error: LoadError| ImportError {
            file: self.name.clone(),
            error,
        };
        let listed = || {
            self.first_bad
                .iter()
                .map(|(l, why)| format!("line {l}: {why}"))
                .collect::<Vec<_>>()
                .join("; ")
        };
        if self.bad > 0 && self.bad * 100 > self.rows {
            let message = format!(
                "{} of {} could not be read, more than 1%: {}",
                self.bad,
                plural(self.rows as usize, "row", "rows"),
                listed()
            );
            let mut error = LoadError::at(ErrorKind::Syntax, "", message);
            error.line = self.first_bad.first().map(|(l, _)| *l);
            return Err(refuse(error));
        }
        let rows_in = self.aggregates.rows();
        let groups = std::mem::take(&mut self.aggregates).into_sorted();
        let mut per_pair: BTreeMap<(u32, u32), Vec<Event>> = BTreeMap::new();
        let mut counts: BTreeMap<(u32, u32), u64> = BTreeMap::new();
        for (key, group) in &groups {
            *counts.entry((key.a, key.b)).or_default() += group.count;
        }
        let min = self.options.min_count.max(1);
        let mut few = 0usize;
        for (key, group) in groups {
            if counts[&(key.a, key.b)] < min {
                few += 1;
                continue;
            }
            let event = grouped(&self, format, &key, &group);
            per_pair.entry((key.a, key.b)).or_default().push(event);
        }
        for (a, b, event) in self.events.iter().cloned() {
            per_pair.entry((a, b)).or_default().push(event);
        }
        let few_ties = counts.values().filter(|&&n| n < min).count();
        if per_pair.is_empty() {
            let message = format!(
                "nothing is left of {}: {} could not be read, {} name no actor on one side, {} name one actor on both, {} fall outside the restriction{}",
                plural(self.rows as usize, "row", "rows"),
                self.bad,
                self.one_sided,
                self.self_pairs,
                self.outside,
                if few_ties > 0 {
                    format!(", and {} have fewer than {min} rows", plural(few_ties, "tie", "ties"))
                } else {
                    String::new()
                }
            );
            return Err(refuse(LoadError::at(ErrorKind::Empty, "", message)));
        }
        let mut used: Vec<bool> = vec![false; self.actors.len()];
        let mut ties = Vec::with_capacity(per_pair.len());
        let mut event_count = 0;
        for ((a, b), mut events) in per_pair {
            used[a as usize] = true;
            used[b as usize] = true;
            events.sort_by_key(|e| e.date);
            event_count += events.len();
            ties.push(Tie {
                source: self.actors[a as usize].id.clone(),
                target: self.actors[b as usize].id.clone(),
                events,
            });
        }
        let mut unknown = Vec::new();
        let actors: Vec<Actor> = self
            .actors
            .iter()
            .zip(&used)
            .filter(|(_, &u)| u)
            .map(|(s, _)| {
                if s.place.is_none() {
                    unknown.push(s.name.clone());
                }
                let (lat, lon) = s.place.unwrap_or((0.0, 0.0));
                Actor {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    short: None,
                    actor_type: ActorType::State,
                    iso3: s.iso3.clone(),
                    lat,
                    lon,
                    base: None,
                }
            })
            .collect();
        let mut notices = Vec::new();
        if self.bad > 0 {
            notices.push(Notice::new(
                NoticeKind::BadRows,
                self.bad as usize,
                format!(
                    "{} of {} could not be read and {} skipped: {}",
                    self.bad,
                    plural(self.rows as usize, "row", "rows"),
                    verb(self.bad as usize, "was", "were"),
                    listed()
                ),
            ));
        }
        if !unknown.is_empty() {
            notices.push(Notice::new(
                NoticeKind::UnknownActors,
                unknown.len(),
                format!(
                    "{} not in the country table became {}, placed at latitude 0, longitude 0: {}",
                    plural(unknown.len(), "name", "names"),
                    verb(unknown.len(), "an actor of its own", "actors of their own"),
                    unknown.join(", ")
                ),
            ));
        }
        if self.one_sided > 0 {
            notices.push(Notice::new(
                NoticeKind::OneSided,
                self.one_sided as usize,
                format!(
                    "{} no actor on one side and {} left out",
                    plural(self.one_sided as usize, "row names", "rows name"),
                    verb(self.one_sided as usize, "was", "were")
                ),
            ));
        }
        if self.self_pairs > 0 {
            notices.push(Notice::new(
                NoticeKind::DroppedSelfLoops,
                self.self_pairs as usize,
                format!(
                    "{} the same actor on both sides and {} left out",
                    plural(self.self_pairs as usize, "row names", "rows name"),
                    verb(self.self_pairs as usize, "was", "were")
                ),
            ));
        }
        if self.outside > 0 || few > 0 {
            let mut parts = Vec::new();
            if self.outside > 0 {
                parts.push(format!(
                    "{} outside the chosen actors or dates",
                    plural(self.outside as usize, "row", "rows")
                ));
            }
            if few_ties > 0 {
                parts.push(format!(
                    "{} with fewer than {min} rows",
                    plural(few_ties, "tie", "ties")
                ));
            }
            notices.push(Notice::new(
                NoticeKind::Restricted,
                self.outside as usize + few_ties,
                format!("Left out by the restriction: {}", parts.join(" and ")),
            ));
        }
        let coded = matches!(
            format,
            EventFormat::Gdelt1 | EventFormat::Gdelt2 | EventFormat::Icews
        );
        let mapping = &self.options.mapping;
        let (rules, said) = if coded {
            let tone = match mapping.tone_by {
                super::ToneBy::Quadclass if format == EventFormat::Icews => {
                    "tones from the QuadClass of the CAMEO root"
                }
                super::ToneBy::Quadclass => "tones from QuadClass",
                super::ToneBy::Goldstein => "tones from the Goldstein score",
            };
            (
                mapping.cameo_rules(),
                format!(
                    "Kinds come from the CAMEO codes and {tone}, by the mapping kept in the dataset's provenance; {} became {} per pair, {} kind and tone, with the row count and mean Goldstein score as figures",
                    plural(rows_in as usize, "row", "rows"),
                    plural(event_count, "event", "events"),
                    period_word(self.options.period)
                ),
            )
        } else {
            let (what, kt) = if format == EventFormat::Sipri {
                ("SIPRI deal", mapping.sipri)
            } else {
                ("COW dyad", mapping.cow)
            };
            (
                Mapping::single_rule(what, kt),
                format!(
                    "Every {what} is a {} {} event, by the mapping kept in the dataset's provenance",
                    kt.tone.as_str(),
                    kt.kind.as_str()
                ),
            )
        };
        notices.push(Notice::new(NoticeKind::Mapped, event_count, said));
        let dataset = Dataset {
            edited: None,
            format: FORMAT.to_string(),
            title: format!("{}: {}", format.label(), self.name),
            description: Some(format!(
                "Read from {} ({}): {} on {}.",
                self.name,
                format.label(),
                plural(event_count, "event", "events"),
                plural(ties.len(), "tie", "ties")
            )),
            provenance: Some(Provenance {
                title: self.name.clone(),
                publication: publication(format).to_string(),
                volume: None,
                issue: None,
                year: None,
                via: None,
                mapping: rules,
            }),
            actors,
            ties,
            story: None,
        };
        Ok(ImportedEvents {
            dataset,
            format,
            notices,
            rows: self.rows,
        })
    }
}

fn publication(format: EventFormat) -> &'static str {
    match format {
        EventFormat::Gdelt1 | EventFormat::Gdelt2 => "The GDELT Project",
        EventFormat::Icews => "Integrated Crisis Early Warning System (ICEWS)",
        EventFormat::Sipri => "SIPRI Arms Transfers Database",
        EventFormat::Cow => "Correlates of War Project",
    }
}

fn period_word(p: super::Period) -> &'static str {
    match p {
        super::Period::Day => "day,",
        super::Period::Month => "month,",
        super::Period::Year => "year,",
    }
}

/// One group's event: its count and mean Goldstein score as figures, up to five sources.
fn grouped(sink: &Sink, format: EventFormat, key: &Key, g: &Group) -> Event {
    let (a, b) = (&sink.actors[key.a as usize], &sink.actors[key.b as usize]);
    let label = format.label();
    // Each source names the dataset it came through, which the evidence panel shows.
    let from = format!("{label}: {}", sink.name);
    let rows = plural(
        g.count as usize,
        &format!("{label} event"),
        &format!("{label} events"),
    );
    let mut summary = format!("{rows} between {} and {}", a.name, b.name);
    if let Some(root) = g.main_root() {
        let most = if g.roots[usize::from(root) - 1] as u64 == g.count {
            ""
        } else {
            "mostly "
        };
        summary += &format!(
            ": {most}{} (CAMEO {root:02})",
            CAMEO_ROOTS[usize::from(root) - 1]
        );
    }
    let mut figures = vec![Figure {
        value: g.count as f64,
        unit: "rows".into(),
        what: Some(format!("{label} rows")),
    }];
    if let Some(mean) = g.mean_goldstein() {
        figures.push(Figure {
            value: (mean * 100.0).round() / 100.0,
            unit: "Goldstein".into(),
            what: Some("mean Goldstein score".into()),
        });
    }
    let mut sources: Vec<Source> = g
        .sources
        .iter()
        .map(|c| Source {
            url: c
                .url
                .clone()
                .filter(|u| crate::load::validate::url("", u).is_ok()),
            title: Some(from.clone()),
            ..Source::new(c.outlet.clone(), c.day)
        })
        .collect();
    if sources.is_empty() {
        sources.push(Source {
            title: Some(from),
            ..Source::new(label, key.when)
        });
    }
    Event {
        date: key.when,
        end: None,
        added: None,
        kind: key.kind,
        tone: key.tone,
        summary,
        figures,
        people: Vec::new(),
        sources,
        note: Some(format!("From {} ({label}), aggregated.", sink.name)),
        assessment: false,
    }
}
