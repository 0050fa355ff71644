//! Reading datasets: each format's reader builds a [`Dataset`](crate::model::Dataset), then one
//! validator checks it.

mod bytes;
mod csv;
mod csv_rows;
mod csv_table;
mod defaults;
pub mod events;
mod fields;
mod gexf;
mod graph;
mod graphml;
mod import;
pub(crate) mod json;
pub mod limits;
mod locate;
mod merge;
mod notice;
mod record;
pub(crate) mod records;
pub(crate) mod validate;
mod xml;

pub use self::csv::{ACTOR_COLUMNS, EVENT_COLUMNS};
pub use bytes::{from_json_bytes, text_from_bytes};
pub(crate) use csv_table::mark;
pub use import::{import, Format, InputFile};
pub use json::{from_json, from_json_lean, parse_json};
pub use notice::{ImportError, Imported, Notice, NoticeKind};
pub use validate::{
    validate, validate_touched, Touched, MAX_ID_CHARS, MAX_QUOTE_CHARS, MAX_SHORT_CHARS,
    MAX_SUMMARY_CHARS, MAX_TEXT_CHARS, MAX_URL_CHARS,
};

/// Inputs larger than this are refused before parsing.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;
