//! What an import assumed where the file was silent, and the result an import hands back.

use super::Format;
use crate::error::LoadError;
use crate::model::Dataset;
use serde::Serialize;
use std::fmt;

/// Which assumption a [`Notice`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// Edges or rows without an Entente kind got the default kind.
    DefaultKind,
    /// Edges or rows without a tone got the default tone.
    DefaultTone,
    /// Edges or rows without a date got the default date.
    DefaultDate,
    /// Edges or rows without a source cite the imported file.
    DefaultSource,
    /// Edges or rows without a summary got one naming the two actors.
    DefaultSummary,
    /// Nodes without a label are named by their id.
    DefaultName,
    /// Nodes without an actor type got the default type.
    DefaultActorType,
    /// Nodes without coordinates are placed at latitude 0, longitude 0.
    NoCoordinates,
    /// The file's edges have a direction, which Entente ties do not.
    Directed,
    /// Several edges between one pair became one tie with several events.
    MergedEdges,
    /// Edges from a node to itself were left out.
    DroppedSelfLoops,
    /// Nodes without edges are kept but not drawn.
    IsolatedActors,
    /// Columns, attributes or elements the importer does not use.
    Ignored,
    /// The CSV file is separated by something other than commas.
    Delimiter,
    /// An export in a format without a place for the story left it out.
    StoryLeftOut,
    /// Event-data rows that could not be read were skipped (with the first lines by number).
    BadRows,
    /// Names the country table does not know became actors of their own.
    UnknownActors,
    /// Event-data rows that name no actor on one side were left out.
    OneSided,
    /// Rows or ties left out by the chosen actors, dates or minimum count.
    Restricted,
    /// Kinds and tones came from the import's mapping (kept in the provenance).
    Mapped,
    /// An imported dataset was added to the one on screen.
    Added,
}

/// One assumption an import made, with how many records it touched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub kind: NoticeKind,
    /// How many records (edges, rows, nodes) the assumption applies to.
    pub count: usize,
    /// The assumption in words, for the person who imported the file.
    pub message: String,
}

impl Notice {
    pub(crate) fn new(kind: NoticeKind, count: usize, message: impl Into<String>) -> Notice {
        Notice {
            kind,
            count,
            message: message.into(),
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A dataset read from a file, and what the reader assumed to build it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub dataset: Dataset,
    pub format: Format,
    pub notices: Vec<Notice>,
}

/// A failed import: the file at fault and the located error in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The name of the file the error is in.
    pub file: String,
    pub error: LoadError,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.error)
    }
}

impl std::error::Error for ImportError {}

/// "1 edge" or "3 edges".
pub(crate) fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// The verb that agrees with `count`: `verb(1, "has", "have")` is "has".
pub(crate) fn verb<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}
