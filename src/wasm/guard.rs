//! The boundary's safety net: a readable panic message in debug builds, and the bytes front
//! door that every file and download passes before it becomes text.

use wasm_bindgen::prelude::*;

/// Runs once when the module is instantiated. In debug builds a Rust panic (a bug: entry points
/// return errors instead) logs its message and location to the console, not just
/// "unreachable executed".
#[wasm_bindgen(start)]
pub fn start() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
}

/// The text of a dataset file given as bytes (`new Uint8Array(await response.arrayBuffer())`):
/// checked to be within the size limit and UTF-8, without its UTF-8 byte order mark.
///
/// Throws an `Error` naming the limit, the encoding (UTF-16, UTF-32), or the line, column,
/// byte and offset where the bytes stop being UTF-8.
#[wasm_bindgen(js_name = textFromBytes)]
pub fn text_from_bytes(bytes: &[u8]) -> Result<String, JsError> {
    crate::load::text_from_bytes(bytes)
        .map(str::to_owned)
        .map_err(|e| JsError::new(&e.to_string()))
}
