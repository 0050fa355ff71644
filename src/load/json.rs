//! Entente JSON: serde with the path of the failing field, then validation; and the core's lean
//! reader, the same rules with errors at their line and column but without the path.

use super::{validate, MAX_INPUT_BYTES};
use crate::error::{ErrorKind, LoadError};
use crate::model::Dataset;

/// Reads and validates an Entente JSON dataset.
///
/// # Errors
/// A [`LoadError`] naming the line and column where the text is not JSON or a field is wrong,
/// and the record path (`ties[4].events[1].kind`); or, for rules that span records (ids,
/// references, duplicates), the path alone.
///
/// # Example
/// ```
/// let text = r#"{"format":"entente/1","title":"t","ties":[],
///     "actors":[{"id":"n0","name":"One","type":"organization","lat":0,"lon":0}]}"#;
/// assert_eq!(entente::load::from_json(text).unwrap().actors[0].id, "n0");
/// ```
pub fn from_json(text: &str) -> Result<Dataset, LoadError> {
    let dataset = parse_json(text)?;
    validate(&dataset)?;
    Ok(dataset)
}

/// Reads and validates Entente JSON as [`from_json`] does, accepting and refusing exactly the
/// same texts, but a field that serde refuses is placed by line and column only, without its
/// record path.
///
/// This is the page core's reader. The path comes from `serde_path_to_error`, which wraps every
/// deserializer of the model in a second copy: about 20 KB of the first page load. The core
/// reads with this; only when it refuses a text does the page ask the importers' module (loaded
/// then) for [`from_json`]'s message.
///
/// # Errors
/// As [`from_json`], with an empty path where serde refused a field.
pub fn from_json_lean(text: &str) -> Result<Dataset, LoadError> {
    let text = before_parse(text)?;
    let de = &mut serde_json::Deserializer::from_str(text);
    let dataset: Dataset = serde::Deserialize::deserialize(&mut *de)
        .map_err(|e: serde_json::Error| serde_error(String::new(), &e))?;
    after_parse(de)?;
    validate(&dataset)?;
    Ok(dataset)
}

/// Reads Entente JSON into a dataset without the rules of [`validate`]: for text this crate
/// has validated before (a dataset the core accepted, handed to the exporters).
///
/// # Errors
/// A [`LoadError`] naming the line and column where the text is not JSON or a field is wrong.
pub fn parse_json(text: &str) -> Result<Dataset, LoadError> {
    let text = before_parse(text)?;
    let de = &mut serde_json::Deserializer::from_str(text);
    let dataset: Dataset = serde_path_to_error::deserialize(&mut *de).map_err(|e| {
        let path = e.path().to_string();
        // serde_path_to_error writes "?" for a segment it could not name (a broken key).
        let path = path.trim_end_matches(".?").trim_end_matches('?');
        let path = if path == "." { "" } else { path };
        serde_error(path.to_string(), &e.into_inner())
    })?;
    after_parse(de)?;
    Ok(dataset)
}

/// The checks before serde: the size limit, a byte order mark, an empty text, a top level that
/// is not an object. Returns the text to parse.
fn before_parse(text: &str) -> Result<&str, LoadError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(super::bytes::too_large(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::at(ErrorKind::Empty, "", "the file is empty"));
    }
    not_an_object(text)?;
    Ok(text)
}

/// Refuses text after the dataset's closing brace.
fn after_parse(
    de: &mut serde_json::Deserializer<serde_json::de::StrRead<'_>>,
) -> Result<(), LoadError> {
    de.end().map_err(|e| {
        LoadError::at(
            ErrorKind::Syntax,
            "",
            "there is more text after the end of the dataset",
        )
        .with_position(e.line(), e.column())
    })
}

/// A serde_json error as a located load error at `path`.
pub(crate) fn serde_error(path: String, inner: &serde_json::Error) -> LoadError {
    let kind = match inner.classify() {
        serde_json::error::Category::Data => classify_data(&inner.to_string()),
        _ => ErrorKind::Syntax,
    };
    LoadError::at(kind, path, plain_message(&inner.to_string()))
        .with_position(inner.line(), inner.column())
}

/// Refuses a top-level value that is not an object (serde would read an array as a record).
fn not_an_object(text: &str) -> Result<(), LoadError> {
    let start = text.len() - text.trim_start().len();
    match text[start..].chars().next() {
        Some('{') | None => Ok(()),
        Some(c) => {
            let before = &text[..start];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(LoadError::at(
                ErrorKind::Syntax,
                "",
                format!("a dataset is one JSON object, {{ ... }}; this file starts with '{c}'"),
            )
            .with_position(line, column))
        }
    }
}

fn classify_data(message: &str) -> ErrorKind {
    if message.contains("not a date") || message.contains("not a day in the calendar") {
        ErrorKind::BadDate
    } else {
        ErrorKind::Field
    }
}

/// serde_json's message without its trailing position, with backticks as quotes and
/// "unknown variant" said the way a person reads it.
fn plain_message(message: &str) -> String {
    let message = message
        .rfind(" at line ")
        .map_or(message, |i| &message[..i]);
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((value, choices)) = rest.split_once("`, expected one of ") {
            return format!("\"{value}\" is not one of {}", choices.replace('`', ""));
        }
        if let Some((value, choice)) = rest.split_once("`, expected ") {
            return format!("\"{value}\" is not {}", choice.replace('`', ""));
        }
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|r| r.strip_suffix('`'))
    {
        return format!("the required field \"{field}\" is missing");
    }
    // A list (or anything else) where a record belongs: name the record as the format does.
    if let Some((found, record)) = message.split_once(", expected struct ") {
        let record = record.to_ascii_lowercase();
        let article = if record.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        return format!("{found}, expected {article} {record} object").replace('`', "\"");
    }
    match message {
        "number out of range" => {
            "the number is too large: beyond ±1.8e308, the largest a 64-bit float holds".into()
        }
        "recursion limit exceeded" => format!(
            "the data is nested more than {} levels deep, the limit",
            super::limits::MAX_NESTING
        ),
        _ => message.replace('`', "\""),
    }
}
