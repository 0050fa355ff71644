//! Where in a file a record is: byte offsets as lines and columns, and validation errors moved
//! from the dataset's paths (`actors[3].lat`) to the file's own records (`nodes[3].lat`).

use crate::error::LoadError;

/// The 1-based line and column (in characters) of a byte offset in `text`.
///
/// # Complexity
/// O(offset); called once per error.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// A record of a built dataset, as a validation error's path names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Record {
    /// `actors[i]`
    Actor(usize),
    /// `ties[t]`, or `ties[t].events[e]` with `Some(e)`.
    Tie(usize, Option<usize>),
    /// Anything else: the title, the provenance.
    Other,
}

/// Where an error about a record lies in the files: which file, and the error re-pathed and
/// positioned there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    /// Index of the file among the importer's inputs.
    pub file: usize,
    pub line: usize,
    pub column: usize,
    /// The record and field in the file's own terms (`edges[4].kind`, or a CSV column name).
    pub path: String,
}

fn index(s: &str, prefix: &str) -> Option<(usize, usize)> {
    let rest = s.strip_prefix(prefix)?;
    let end = rest.find(']')?;
    Some((rest[..end].parse().ok()?, prefix.len() + end + 1))
}

/// Splits a dataset path into its record and the field within it:
/// `ties[2].events[0].summary` is `(Tie(2, Some(0)), "summary")`.
pub(crate) fn record_of(path: &str) -> (Record, &str) {
    fn field(rest: &str) -> &str {
        rest.strip_prefix('.').unwrap_or(rest)
    }
    if let Some((i, n)) = index(path, "actors[") {
        return (Record::Actor(i), field(&path[n..]));
    }
    if let Some((t, n)) = index(path, "ties[") {
        let rest = &path[n..];
        if let Some((e, m)) = index(rest, ".events[") {
            return (Record::Tie(t, Some(e)), field(&rest[m..]));
        }
        return (Record::Tie(t, None), field(rest));
    }
    (Record::Other, path)
}

/// Moves a validation error to the place `place` gives for its record; errors `place` cannot
/// place stay as they are, in file 0.
pub(crate) fn relocate(
    err: LoadError,
    place: impl Fn(Record, &str) -> Option<Place>,
) -> (usize, LoadError) {
    let (record, field) = record_of(&err.path);
    match place(record, field) {
        Some(p) => (
            p.file,
            LoadError {
                path: p.path,
                line: Some(p.line),
                column: Some(p.column),
                ..err
            },
        ),
        None => (0, err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "ab\nc\u{e9}d\n<x>";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        assert_eq!(line_col(text, text.find('d').unwrap()), (2, 3));
        assert_eq!(line_col(text, text.len()), (3, 4));
    }

    #[test]
    fn paths_split_into_record_and_field() {
        assert_eq!(record_of("actors[3].lat"), (Record::Actor(3), "lat"));
        assert_eq!(
            record_of("ties[2].events[10].sources[0].outlet"),
            (Record::Tie(2, Some(10)), "sources[0].outlet")
        );
        assert_eq!(record_of("ties[7]"), (Record::Tie(7, None), ""));
        assert_eq!(record_of("title"), (Record::Other, "title"));
    }
}
