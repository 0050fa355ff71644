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
        .map_err(|e: serde_json::Error| serde_error(String::new(), &e, text))?;
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
        serde_error(path.to_string(), &e.into_inner(), text)
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

/// A serde_json error in `text` as a located load error at `path`.
pub(crate) fn serde_error(path: String, inner: &serde_json::Error, text: &str) -> LoadError {
    let kind = match inner.classify() {
        serde_json::error::Category::Data => classify_data(&inner.to_string()),
        _ => ErrorKind::Syntax,
    };
    let message = plain_message(&inner.to_string());
    let message = quote_refused_string(&message, text, inner.line(), inner.column());
    LoadError::at(kind, path, message).with_position(inner.line(), inner.column())
}

/// The longest refused string a message quotes whole, in bytes without its quotes.
const MAX_QUOTED: usize = 80;

/// serde's "invalid type: string "…", expected …" with the string as the file writes it, read
/// back from `text` where serde_json stopped (just past its closing quote). serde prints the
/// string with Rust's `Debug`, which the core's size build leaves out (scripts/lib.sh
/// `build_core`: `-Zfmt-debug=none`, 3 KB gzip): there serde's message holds no value at all.
fn quote_refused_string(message: &str, text: &str, line: usize, column: usize) -> String {
    for prefix in ["invalid type: string ", "invalid value: string "] {
        let Some(rest) = message.strip_prefix(prefix) else {
            continue;
        };
        let Some(i) = rest.rfind(", expected ") else {
            break;
        };
        let (printed, expected) = rest.split_at(i);
        let mut out = String::from(prefix);
        match string_literal_before(text, line, column) {
            Some(literal) if literal.len() > MAX_QUOTED + 2 => {
                let mut cut = MAX_QUOTED + 1;
                while !literal.is_char_boundary(cut) {
                    cut -= 1;
                }
                out.push_str(&literal[..cut]);
                out.push_str("…\"");
            }
            Some(literal) => out.push_str(literal),
            // Not read from a text (a record of an edit, read from a JSON value): serde's own.
            None if !printed.is_empty() => break,
            None => {
                out.truncate(prefix.len() - "string ".len());
                out.push_str("a string");
            }
        }
        out.push_str(expected);
        return out;
    }
    message.to_string()
}

/// The JSON string literal, quotes included, whose closing quote is the last byte before
/// `column` (1-based, in bytes, as serde_json counts) of `line`.
fn string_literal_before(text: &str, line: usize, column: usize) -> Option<&str> {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.checked_sub(1)?)
        .map(str::len)
        .sum();
    let end = line_start + column;
    if end < 2 || text.as_bytes().get(end - 1) != Some(&b'"') || !text.is_char_boundary(end) {
        return None;
    }
    // Back to the opening quote: the first quote not escaped by an odd run of backslashes.
    let mut before = end - 1;
    loop {
        let quote = text[..before].rfind('"')?;
        let slashes = text.as_bytes()[..quote]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if slashes % 2 == 0 {
            return Some(&text[quote..end]);
        }
        before = quote;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The message for `text`, refused where a number belongs, as the core words it.
    fn refused(text: &str) -> String {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Point {
            lat: f64,
        }
        let e = serde_json::from_str::<Point>(text).unwrap_err();
        serde_error(String::new(), &e, text).message
    }

    #[test]
    fn a_refused_string_is_quoted_as_the_file_writes_it() {
        assert_eq!(
            refused(r#"{"lat": "33.69"}"#),
            r#"invalid type: string "33.69", expected f64"#
        );
        // Escapes stay as written; an escaped quote does not end the string early.
        assert_eq!(
            refused(r#"{"lat": "a\"b\\"}"#),
            r#"invalid type: string "a\"b\\", expected f64"#
        );
        // Lines before, and a character of two bytes before it on its own line (serde_json's
        // columns count bytes).
        assert_eq!(
            refused("{\n  \"x\": 1,\n  \"é\": 2, \"lat\": \"é\\u00e9\"}"),
            r#"invalid type: string "é\u00e9", expected f64"#
        );
    }

    #[test]
    fn a_long_refused_string_is_cut() {
        let long = "x".repeat(500);
        let message = refused(&format!(r#"{{"lat": "{long}"}}"#));
        let expected = format!(
            r#"invalid type: string "{}…", expected f64"#,
            "x".repeat(80)
        );
        assert_eq!(message, expected);
    }

    #[test]
    fn serde_messages_without_the_value_get_it_from_the_text() {
        // As serde words it in the core's size build, where `{:?}` prints nothing.
        let text = r#"{"lat": "33.69"}"#;
        assert_eq!(
            quote_refused_string("invalid type: string , expected f64", text, 1, 15),
            r#"invalid type: string "33.69", expected f64"#
        );
        // No string ends there: said without the value rather than with an empty one.
        assert_eq!(
            quote_refused_string("invalid type: string , expected f64", text, 1, 3),
            "invalid type: a string, expected f64"
        );
        // A message of another kind is left as it is.
        assert_eq!(
            quote_refused_string("invalid type: integer `3`, expected a string", text, 1, 15),
            "invalid type: integer `3`, expected a string"
        );
        // A value read from JSON values, not a text: serde's own words stay.
        assert_eq!(
            quote_refused_string(r#"invalid type: string "x", expected f64"#, "", 0, 0),
            r#"invalid type: string "x", expected f64"#
        );
    }
}
