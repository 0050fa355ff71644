//! CSV files as tables: the separator, the header's columns, rows with their lines, the text
//! mark that keeps a cell from being a spreadsheet formula, and errors located by line and column.

use super::notice::{verb, ImportError, Notice, NoticeKind};
use super::InputFile;
use crate::error::{ErrorKind, LoadError};
use std::collections::HashMap;

/// The columns that hold free text (ids, names, summaries, outlets, figures, people, notes,
/// a source's address, title and quote). The others hold numbers (`lat`, `lon`), dates or fixed
/// words, and are never marked.
pub(crate) const TEXT_COLUMNS: [&str; 15] = [
    "source",
    "target",
    "summary",
    "outlet",
    "figures",
    "people",
    "note",
    "id",
    "name",
    "iso3",
    "base",
    "short",
    "outlet_url",
    "outlet_title",
    "outlet_quote",
];

/// Whether a text is written with a leading `'`: it starts with a character that makes a
/// spreadsheet read a formula (`=`, `+`, `-`, `@`, tab, carriage return), with `'` itself, or
/// starts or ends with white space (which a reader trims from cells without the mark).
pub(crate) fn needs_mark(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace)
}

/// A text as a text column's cell: with a leading `'` where [`needs_mark`] says so.
pub(crate) fn mark(text: &str) -> String {
    if needs_mark(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One CSV file as rows of cells, with each row's line and each known column's position.
pub(crate) struct Table<'a> {
    pub file: InputFile<'a>,
    pub columns: HashMap<String, usize>,
    pub rows: Vec<(usize, ::csv::StringRecord)>,
}

impl Table<'_> {
    /// The cell of `column` in `row`, trimmed; in a [text column](TEXT_COLUMNS), a cell that
    /// starts with `'` is instead everything after that one `'`, as it is. `None` when the
    /// column is absent or the cell empty.
    pub fn cell<'r>(&self, row: &'r ::csv::StringRecord, column: &str) -> Option<&'r str> {
        let raw = row.get(*self.columns.get(column)?)?.trim_start();
        let value = match raw.strip_prefix('\'') {
            Some(text) if TEXT_COLUMNS.contains(&column) => text,
            _ => raw.trim_end(),
        };
        (!value.is_empty()).then_some(value)
    }

    pub fn error(
        &self,
        kind: ErrorKind,
        line: usize,
        column: &str,
        message: String,
    ) -> ImportError {
        let at = self.columns.get(column).map_or(1, |i| i + 1);
        ImportError {
            file: self.file.name.to_string(),
            error: LoadError::at(kind, column, message).with_position(line, at),
        }
    }
}

/// The separator: the one of `,`, `;` and tab the header line uses most (commas on a tie).
fn delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let count = |c: char| header.matches(c).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&d| (count(d as char), d == b','))
        .unwrap_or(b',')
}

/// Reads a CSV file into a table; a separator other than commas is noticed.
pub(crate) fn table<'a>(
    file: InputFile<'a>,
    notices: &mut Vec<Notice>,
) -> Result<Table<'a>, ImportError> {
    let fail = |line: usize, kind, message: String| ImportError {
        file: file.name.to_string(),
        error: LoadError::at(kind, "", message).with_position(line, 1),
    };
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(file.text);
    let sep = delimiter(text);
    if sep != b',' {
        let name = if sep == b';' { "semicolons" } else { "tabs" };
        notices.push(Notice::new(
            NoticeKind::Delimiter,
            1,
            format!("{} is read as separated by {name}.", file.name),
        ));
    }
    // Cells are trimmed in `Table::cell`, where a marked text keeps its white space.
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let located = |e: ::csv::Error| {
        let line = e.position().map_or(1, |p| p.line() as usize);
        let message = match e.kind() {
            ::csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => {
                format!("the row has {len} cells; the header has {expected_len}")
            }
            _ => e.to_string(),
        };
        fail(line, ErrorKind::Syntax, message)
    };
    let headers = reader.headers().map_err(located)?.clone();
    let columns: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_lowercase().replace(' ', "_"), i))
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(located)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().any(|c| !c.trim().is_empty()) {
            rows.push((line, record));
        }
    }
    Ok(Table {
        file,
        columns,
        rows,
    })
}

/// Checks the required columns are there and there are rows; unknown columns are noticed.
pub(crate) fn check_columns(
    t: &Table<'_>,
    known: &[&str],
    required: &[&str],
    what: &str,
    notices: &mut Vec<Notice>,
) -> Result<(), ImportError> {
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !t.columns.contains_key(*c))
        .collect();
    if !missing.is_empty() {
        let mut has: Vec<(&String, &usize)> = t.columns.iter().collect();
        has.sort_by_key(|(_, i)| **i);
        let has: Vec<&str> = has.iter().map(|(c, _)| c.as_str()).collect();
        return Err(t.error(
            ErrorKind::Field,
            1,
            "",
            format!(
                "{what} needs the columns {}; this file has {}",
                required.join(", "),
                has.join(", ")
            ),
        ));
    }
    let mut unknown: Vec<(&String, &usize)> = t
        .columns
        .iter()
        .filter(|(c, _)| !known.contains(&c.as_str()))
        .collect();
    unknown.sort_by_key(|(_, i)| **i);
    if !unknown.is_empty() {
        let names: Vec<&str> = unknown.iter().map(|(c, _)| c.as_str()).collect();
        notices.push(Notice::new(
            NoticeKind::Ignored,
            names.len(),
            format!(
                "{}: the {} {} {} not read.",
                t.file.name,
                verb(names.len(), "column", "columns"),
                names.join(", "),
                verb(names.len(), "is", "are")
            ),
        ));
    }
    if t.rows.is_empty() {
        return Err(t.error(
            ErrorKind::Empty,
            2,
            "",
            "the file has a header but no rows".into(),
        ));
    }
    Ok(())
}
