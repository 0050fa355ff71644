//! Event data as it comes from its source: GDELT 1.0 and 2.0, ICEWS, the SIPRI trade register
//! and Correlates of War dyadic files, read a chunk at a time, restricted while reading,
//! aggregated and matched to countries through the country table.

mod aggregate;
mod countries;
mod cow;
mod dataset;
mod gdelt;
mod mapping;
mod merge;
mod sink;
mod sipri;

pub use aggregate::Period;
pub use countries::{countries, Countries, Country};
pub use mapping::{quad_class_of_root, CameoKind, KindTone, Mapping, ToneBy, CAMEO_ROOTS};
pub use merge::add_to;

use super::notice::{ImportError, Notice};
use crate::date::Date;
use crate::error::{ErrorKind, LoadError};
use crate::model::Dataset;
use serde::{Deserialize, Serialize};
use sink::Sink;

/// An event-data format, recognised from the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventFormat {
    /// GDELT 1.0 events: tab-separated, no header, 57 or 58 columns (58 with `SOURCEURL`).
    Gdelt1,
    /// GDELT 2.0 event exports: tab-separated, no header, 61 columns.
    Gdelt2,
    /// ICEWS event files: tab-separated with a header, `NA` for missing values.
    Icews,
    /// The SIPRI trade register as exported: CSV after a preamble, Latin-1 or UTF-8.
    Sipri,
    /// A Correlates of War dyadic file (`ccode1`/`ccode2`, `statea`/`stateb` or
    /// `state1no`/`state2no`, with year or date columns).
    Cow,
}

impl EventFormat {
    /// The name people know the format by.
    pub fn label(self) -> &'static str {
        match self {
            EventFormat::Gdelt1 => "GDELT 1.0",
            EventFormat::Gdelt2 => "GDELT 2.0",
            EventFormat::Icews => "ICEWS",
            EventFormat::Sipri => "SIPRI trade register",
            EventFormat::Cow => "Correlates of War",
        }
    }

    /// The format of a file from its first bytes (64 KiB are plenty), or `None` when it is none
    /// of these.
    pub fn detect(head: &[u8]) -> Option<EventFormat> {
        let text = String::from_utf8_lossy(&head[..head.len().min(1 << 16)]);
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let first = lines.next()?.trim_start_matches('\u{feff}');
        if first.contains('\t') {
            let cells: Vec<&str> = first.split('\t').collect();
            let numeric = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            if cells.len() >= 2 && numeric(cells[0]) && numeric(cells[1]) && cells[1].len() == 8 {
                return match cells.len() {
                    57 | 58 => Some(EventFormat::Gdelt1),
                    61 => Some(EventFormat::Gdelt2),
                    _ => None,
                };
            }
            if cells.contains(&"Event ID") && cells.contains(&"CAMEO Code") {
                return Some(EventFormat::Icews);
            }
        }
        if cow::pair_columns(&sipri::split_csv(first)).is_some() {
            return Some(EventFormat::Cow);
        }
        let head: Vec<&str> = text.lines().take(40).collect();
        if head
            .iter()
            .any(|l| sipri::header_columns(&sipri::split_csv(l)).is_some())
        {
            return Some(EventFormat::Sipri);
        }
        None
    }
}

/// What to read and how: the mapping, the period events are grouped by, and the restriction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Options {
    pub mapping: Mapping,
    pub period: Period,
    /// Keep only pairs that include one of these actors (names or codes); empty keeps all.
    pub actors: Vec<String>,
    /// Keep only events from this date on...
    pub from: Option<Date>,
    /// ...and up to this date (its whole period).
    pub until: Option<Date>,
    /// Keep only ties with at least this many rows behind them.
    pub min_count: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            mapping: Mapping::default(),
            period: Period::Month,
            actors: Vec::new(),
            from: None,
            until: None,
            min_count: 1,
        }
    }
}

/// A dataset read from event data, and what the reader assumed to build it.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedEvents {
    pub dataset: Dataset,
    pub format: EventFormat,
    pub notices: Vec<Notice>,
    /// Rows (records) read, good and bad.
    pub rows: u64,
}

/// A reader fed a file a chunk at a time: memory grows with the aggregates, not the file.
///
/// # Example
/// ```
/// use entente::load::events::{EventFormat, EventReader, Options};
/// let text = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\n\
///             1\t2021-06-02\tPakistan\tNA\tPakistan\tConsult\t040\t1.0\tChina\tNA\tChina\t7\t1\tDawn\n";
/// let mut reader = EventReader::new(EventFormat::Icews, "icews.tab", Options::default(), "2026-01-01".parse().unwrap());
/// reader.push(text.as_bytes());
/// let read = reader.finish().unwrap();
/// assert_eq!(read.dataset.ties[0].events[0].sources[0].outlet, "Dawn");
/// ```
pub struct EventReader {
    format: EventFormat,
    carry: Vec<u8>,
    line: usize,
    lines: Box<dyn Lines>,
    sink: Sink,
}

impl std::fmt::Debug for EventReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventReader")
            .field("format", &self.format)
            .field("line", &self.line)
            .field("rows", &self.sink.rows)
            .finish()
    }
}

/// A format's reader of one physical line at a time.
trait Lines {
    /// Reads line `no` (without its line break), recording rows, events and bad rows in `sink`.
    fn line(&mut self, no: usize, line: &str, sink: &mut Sink);
    /// Reads line `no` as bytes: as UTF-8, or else as Latin-1 (SIPRI's exports), where each
    /// byte is its code point. A reader may read the bytes itself, faster.
    fn raw(&mut self, no: usize, raw: &[u8], sink: &mut Sink) {
        match std::str::from_utf8(raw) {
            Ok(text) => self.line(no, text, sink),
            Err(_) => self.line(no, &latin1(raw), sink),
        }
    }
    /// The end of the file: a record still open is a bad row.
    fn end(&mut self, sink: &mut Sink);
}

impl EventReader {
    /// A reader of a file of `format` named `name` (for messages and provenance). `today`
    /// dates sources where a file gives no date of its own.
    pub fn new(format: EventFormat, name: &str, options: Options, today: Date) -> EventReader {
        let lines: Box<dyn Lines> = match format {
            EventFormat::Gdelt1 | EventFormat::Gdelt2 | EventFormat::Icews => {
                Box::new(gdelt::Tabbed::new(format))
            }
            EventFormat::Sipri => Box::new(sipri::Register::default()),
            EventFormat::Cow => Box::new(cow::Dyads::default()),
        };
        EventReader {
            format,
            carry: Vec::new(),
            line: 0,
            lines,
            sink: Sink::new(format, name, options, today),
        }
    }

    /// Reads the next bytes of the file; a line cut by the chunk's end waits for the next one.
    pub fn push(&mut self, bytes: &[u8]) {
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', bytes) {
            if self.carry.is_empty() {
                self.feed(&bytes[start..end]);
            } else {
                let mut line = std::mem::take(&mut self.carry);
                line.extend_from_slice(&bytes[start..end]);
                self.feed(&line);
            }
            start = end + 1;
        }
        self.carry.extend_from_slice(&bytes[start..]);
    }

    /// Rows read so far, good and bad.
    pub fn rows(&self) -> u64 {
        self.sink.rows
    }

    /// The dataset, or the refusal when more than 1% of rows are bad or nothing is left.
    ///
    /// # Errors
    /// An [`ImportError`] naming the file and the first bad lines.
    pub fn finish(mut self) -> Result<ImportedEvents, ImportError> {
        if !self.carry.is_empty() {
            let line = std::mem::take(&mut self.carry);
            self.feed(&line);
        }
        self.lines.end(&mut self.sink);
        self.sink.finish(self.format)
    }

    fn feed(&mut self, raw: &[u8]) {
        self.line += 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let raw = if self.line == 1 {
            raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw)
        } else {
            raw
        };
        self.lines.raw(self.line, raw, &mut self.sink);
    }
}

/// Bytes that are not UTF-8 read as Latin-1: each byte is its code point.
fn latin1(raw: &[u8]) -> String {
    raw.iter().map(|&b| char::from(b)).collect()
}

/// Reads a whole file of a recognised event format.
///
/// # Errors
/// An [`ImportError`] when the format is not recognised, more than 1% of rows are bad, or
/// nothing is left.
pub fn read_events(
    name: &str,
    bytes: &[u8],
    options: Options,
    today: Date,
) -> Result<ImportedEvents, ImportError> {
    let format = EventFormat::detect(bytes).ok_or_else(|| ImportError {
        file: name.to_string(),
        error: LoadError::at(
            ErrorKind::UnknownFileType,
            "",
            "this is not GDELT, ICEWS, SIPRI or Correlates of War event data",
        ),
    })?;
    let mut reader = EventReader::new(format, name, options, today);
    reader.push(bytes);
    reader.finish()
}
