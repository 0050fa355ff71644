//! The SIPRI trade register as exported from SIPRI's site: a free-text preamble, then CSV
//! (Latin-1 or UTF-8) whose records may be broken by an unquoted line break; one event per deal.

use super::sink::{Named, Sink};
use super::{EventFormat, Lines};
use crate::date::Date;
use crate::model::{Event, Figure, Source};

/// The register's columns the reader uses, found by the header's names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Columns {
    recipient: usize,
    supplier: usize,
    ordered_year: Option<usize>,
    ordered: Option<usize>,
    designation: Option<usize>,
    description: Option<usize>,
    delivered: Option<usize>,
    delivery_years: Option<usize>,
    comments: Option<usize>,
    tiv_unit: Option<usize>,
    tiv_total: Option<usize>,
    tiv_delivered: Option<usize>,
    count: usize,
}

/// The columns of a header row, if it is the register's (it names Recipient and Supplier).
pub fn header_columns(cells: &[String]) -> Option<Columns> {
    let find = |name: &str| {
        cells
            .iter()
            .position(|c| c.trim().eq_ignore_ascii_case(name))
    };
    Some(Columns {
        recipient: find("Recipient")?,
        supplier: find("Supplier")?,
        ordered_year: find("Year of order"),
        ordered: find("Number ordered"),
        designation: find("Weapon designation"),
        description: find("Weapon description"),
        delivered: find("Number delivered"),
        delivery_years: find("Year(s) of delivery"),
        comments: find("Comments"),
        tiv_unit: find("SIPRI TIV per unit"),
        tiv_total: find("SIPRI TIV for total order"),
        tiv_delivered: find("SIPRI TIV of delivered weapons"),
        count: cells.len(),
    })
}

/// The cells of one CSV line, quotes removed; a quote left open keeps the line break in the
/// last cell's text (the caller joins the next line).
pub fn split_csv(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        let cell = cells.last_mut().expect("one cell at least");
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            _ => cell.push(ch),
        }
    }
    cells
}

/// Whether a line leaves a quote open.
fn open_quote(line: &str) -> bool {
    line.bytes().filter(|&b| b == b'"').count() % 2 == 1
}

#[derive(Default)]
pub struct Register {
    columns: Option<Columns>,
    /// A record broken by a line break: its first line and its text so far.
    pending: Option<(usize, String)>,
}

impl Lines for Register {
    fn line(&mut self, no: usize, line: &str, sink: &mut Sink) {
        let Some(cols) = self.columns else {
            if let Some(day) = generated(line) {
                sink.generated = Some(day);
            }
            self.columns = header_columns(&split_csv(line));
            return;
        };
        let (start, text) = match self.pending.take() {
            Some((start, mut text)) => {
                text.push(' ');
                text.push_str(line);
                (start, text)
            }
            None if line.trim().is_empty() => return,
            None => (no, line.to_string()),
        };
        let cells = split_csv(&text);
        if cells.len() < cols.count || open_quote(&text) {
            self.pending = Some((start, text));
            return;
        }
        sink.row();
        if cells.len() > cols.count {
            return sink.bad(
                start,
                format!("{} cells; the header has {}", cells.len(), cols.count),
            );
        }
        deal(start, &cols, &cells, sink);
    }

    fn end(&mut self, sink: &mut Sink) {
        if let Some((start, _)) = self.pending.take() {
            sink.row();
            sink.bad(start, "the record ends before its last column");
        }
    }
}

/// One deal: supplier to recipient, dated by its order year, ending with its last delivery.
fn deal(no: usize, cols: &Columns, cells: &[String], sink: &mut Sink) {
    let cell = |i: Option<usize>| i.map(|i| cells[i].trim()).filter(|s| !s.is_empty());
    let (Some(recipient), Some(supplier)) = (cell(Some(cols.recipient)), cell(Some(cols.supplier)))
    else {
        return sink.one_sided();
    };
    let Some(ordered_in) = cell(cols.ordered_year).and_then(year) else {
        let shown = cell(cols.ordered_year).unwrap_or("");
        return sink.bad(no, format!("\"{shown}\" is not a year of order"));
    };
    let delivered_in: Vec<i32> = cell(cols.delivery_years)
        .map(|s| s.split([';', ',', '-', ' ']).filter_map(year).collect())
        .unwrap_or_default();
    let last = delivered_in
        .iter()
        .copied()
        .max()
        .filter(|&y| y > ordered_in);
    let ordered = cell(cols.ordered).and_then(number);
    let delivered = cell(cols.delivered).and_then(number);
    let designation = cell(cols.designation).unwrap_or("weapons");
    let description = cell(cols.description);
    let mut figures = Vec::new();
    for (value, unit, what) in [
        (ordered, "units", "ordered"),
        (delivered, "units", "delivered"),
        (
            cell(cols.tiv_unit).and_then(number),
            "SIPRI TIV (millions)",
            "per unit",
        ),
        (
            cell(cols.tiv_total).and_then(number),
            "SIPRI TIV (millions)",
            "total order",
        ),
        (
            cell(cols.tiv_delivered).and_then(number),
            "SIPRI TIV (millions)",
            "delivered weapons",
        ),
    ] {
        if let Some(value) = value {
            figures.push(Figure {
                value,
                unit: unit.into(),
                what: Some(what.into()),
            });
        }
    }
    let (s, r) = (
        sink.actor(Named::Name(supplier)),
        sink.actor(Named::Name(recipient)),
    );
    let names = (
        sink.actors[s as usize].name.clone(),
        sink.actors[r as usize].name.clone(),
    );
    let count = ordered.map(|n| format!("{n} ")).unwrap_or_default();
    let what = match description {
        Some(d) => format!("{designation} ({d})"),
        None => designation.to_string(),
    };
    let mut summary = format!(
        "{} to {}: {count}{what} ordered in {ordered_in}",
        names.0, names.1
    );
    if let (Some(n), false) = (delivered, delivered_in.is_empty()) {
        let span = cell(cols.delivery_years).unwrap_or("");
        summary += &format!("; {n} delivered {span}");
    }
    let (kind, tone) = sink.single();
    let date = Date::year_only(ordered_in);
    let mut note = format!("From {}, line {no} (SIPRI trade register).", sink.name);
    if let Some(c) = cell(cols.comments) {
        note = format!("{c} {note}");
    }
    let event = Event {
        date,
        end: last.map(Date::year_only),
        added: None,
        kind,
        tone,
        summary: summary.chars().take(1000).collect(),
        figures,
        people: Vec::new(),
        sources: vec![Source {
            title: Some(format!("{}: {}", EventFormat::Sipri.label(), sink.name)),
            ..Source::new(
                "SIPRI Arms Transfers Database",
                sink.generated.unwrap_or(sink.today),
            )
        }],
        note: Some(note),
        assessment: false,
    };
    sink.event(s, r, event);
}

/// A year as SIPRI writes it, maybe uncertain: `2006`, `(2006)`, `2006?`.
fn year(s: &str) -> Option<i32> {
    let s = s.trim().trim_matches(['(', ')', '?', ' ']);
    (s.len() == 4).then(|| s.parse().ok()).flatten()
}

/// A number as SIPRI writes it, maybe an estimate: `4`, `(4)`, `12.5`.
fn number(s: &str) -> Option<f64> {
    s.trim()
        .trim_matches(['(', ')', '?', ' '])
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
}

/// The day of a preamble's "Information generated: 17 March 2021".
fn generated(line: &str) -> Option<Date> {
    let rest = line.split_once("generated:")?.1;
    let words: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '"')
        .filter(|w| !w.is_empty())
        .collect();
    let [day, month, year, ..] = words.as_slice() else {
        return None;
    };
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let m = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as u8 + 1;
    Date::ymd(year.parse().ok()?, m, day.parse().ok()?)
}
