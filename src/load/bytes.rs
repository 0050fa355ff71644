//! The front door for datasets that arrive as bytes: size, encoding and byte order mark first.

use super::MAX_INPUT_BYTES;
use crate::error::{ErrorKind, LoadError};
use crate::model::Dataset;

/// Byte order marks of encodings Entente does not read, longest first (UTF-32 LE starts like UTF-16 LE).
const FOREIGN_MARKS: [(&[u8], &str); 4] = [
    (&[0xFF, 0xFE, 0x00, 0x00], "UTF-32"),
    (&[0x00, 0x00, 0xFE, 0xFF], "UTF-32"),
    (&[0xFF, 0xFE], "UTF-16"),
    (&[0xFE, 0xFF], "UTF-16"),
];

/// Checks that `bytes` are a dataset's text: within [`MAX_INPUT_BYTES`], UTF-8, and without a
/// UTF-16 or UTF-32 byte order mark. Returns the text without its UTF-8 byte order mark.
///
/// Every reader of bytes (files, `fetch`, drag and drop) goes through here before parsing.
///
/// # Errors
/// [`ErrorKind::TooLarge`] naming the limit, or [`ErrorKind::Encoding`] naming the encoding, or
/// the line, column, byte value and offset of the first byte that is not UTF-8.
///
/// # Complexity
/// O(bytes): one UTF-8 check, and a line count up to the bad byte on error.
///
/// # Example
/// ```
/// let err = entente::load::text_from_bytes(b"{\n  \"title\": \"Caf\xE9\"").unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "line 2, column 16: the file is not UTF-8 (byte 0xE9 at offset 17); save it as UTF-8"
/// );
/// ```
pub fn text_from_bytes(bytes: &[u8]) -> Result<&str, LoadError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len()));
    }
    if let Some((_, name)) = FOREIGN_MARKS.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(LoadError::at(
            ErrorKind::Encoding,
            "",
            format!("the file is {name} (it starts with a {name} byte order mark); {name} is not supported, save it as UTF-8"),
        ));
    }
    let (skipped, bytes) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    if bytes.len() >= 2 && bytes[..4.min(bytes.len())].contains(&0) {
        return Err(LoadError::at(
            ErrorKind::Encoding,
            "",
            "the file starts with NUL bytes, as UTF-16 or UTF-32 text without a byte order mark does; only UTF-8 is supported, save it as UTF-8",
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // The prefix is valid UTF-8, so this cannot fail; an empty prefix is the safe fallback.
        let good = std::str::from_utf8(good).unwrap_or_default();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
        let offset = skipped + e.valid_up_to();
        LoadError::at(
            ErrorKind::Encoding,
            "",
            format!(
                "the file is not UTF-8 (byte 0x{byte:02X} at offset {offset}); save it as UTF-8"
            ),
        )
        .with_position(line, column)
    })
}

/// Reads and validates an Entente JSON dataset from bytes: [`text_from_bytes`], then
/// [`from_json`](super::from_json).
///
/// # Errors
/// As [`text_from_bytes`] and [`from_json`](super::from_json).
pub fn from_json_bytes(bytes: &[u8]) -> Result<Dataset, LoadError> {
    super::from_json(text_from_bytes(bytes)?)
}

/// The error for input above [`MAX_INPUT_BYTES`].
pub(super) fn too_large(len: usize) -> LoadError {
    LoadError::at(
        ErrorKind::TooLarge,
        "",
        format!(
            "the file is {len} bytes; the limit is {MAX_INPUT_BYTES} bytes ({} MiB)",
            MAX_INPUT_BYTES >> 20
        ),
    )
}
