//! Load errors that say where a dataset is wrong: the line and column, the record and the field.

use std::fmt;

/// What is wrong with a dataset, one variant per rule a loader enforces. Serialized as the
/// variant's name (`"BadDate"`), as the editor's refusals give it to the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum ErrorKind {
    /// The input is empty or only white space.
    Empty,
    /// The input is larger than a stated limit (file size, number of records, text length).
    TooLarge,
    /// The text is not valid in its syntax (JSON, CSV, XML).
    Syntax,
    /// A field has the wrong type, is missing, is unknown, or holds a value outside its choices.
    Field,
    /// The `format` field names a version this build cannot read.
    UnsupportedFormat,
    /// A date is malformed or not in the calendar.
    BadDate,
    /// A required text is empty.
    EmptyText,
    /// A number is outside its range (latitude, longitude, figures).
    OutOfRange,
    /// Two actors share an id.
    DuplicateActor,
    /// A tie names an actor that is not in the dataset.
    UnknownActor,
    /// A tie joins an actor to itself.
    SelfTie,
    /// Two ties join the same pair of actors.
    DuplicateTie,
    /// A tie without events, or an event without sources.
    NoEvidence,
    /// The bytes are not UTF-8 text (another encoding, or a binary file).
    Encoding,
    /// A GEXF or GraphML file uses an attribute or key it does not declare.
    Undeclared,
    /// The file uses a feature the reader does not support (nested GraphML graphs, hyperedges).
    Unsupported,
    /// The file is in none of the formats Entente reads, or files were combined that cannot be.
    UnknownFileType,
}

/// A located load error.
///
/// `path` names the record and field (`ties[4].events[1].kind`); `line` and `column` are set
/// when the error is found while reading the text, 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub kind: ErrorKind,
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl LoadError {
    /// An error about the record and field at `path`.
    pub fn at(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> LoadError {
        LoadError {
            kind,
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// The same error, also located at a line and column of the text.
    pub fn with_position(mut self, line: usize, column: usize) -> LoadError {
        self.line = Some(line);
        self.column = Some(column);
        self
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: ")?,
            (Some(l), None) => write!(f, "line {l}: ")?,
            _ => {}
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    #[test]
    fn a_kind_is_sent_by_its_variant_name() {
        use super::ErrorKind;
        let sent =
            serde_json::to_string(&[ErrorKind::BadDate, ErrorKind::UnknownFileType]).unwrap();
        assert_eq!(sent, r#"["BadDate","UnknownFileType"]"#);
    }
}
