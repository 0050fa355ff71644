//! Event data for the page (in the io module, feature `io-exports`): the format of a file's first
//! bytes, the default mapping, a reader fed chunk by chunk from a worker, and adding a dataset
//! to the one on screen.

use super::to_js;
use crate::load::events::{add_to, EventFormat, EventReader, Options};
use crate::load::{parse_json, Notice};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The event-data format of a file from its first bytes (`gdelt1`, `gdelt2`, `icews`, `sipri`,
/// `cow`), or `undefined`.
#[wasm_bindgen(js_name = detectEvents)]
pub fn detect_events(head: &[u8]) -> Option<String> {
    EventFormat::detect(head).map(|f| {
        serde_json::to_value(f)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    })
}

/// The default import options (mapping, period, restriction) as an object, for the dialog.
#[wasm_bindgen(js_name = eventOptions)]
pub fn event_options() -> Result<JsValue, JsError> {
    to_js(&Options::default())
}

/// What `finish` and `addDataset` hand back.
#[derive(Serialize)]
struct Read<'a> {
    json: String,
    format: &'static str,
    notices: &'a [Notice],
    rows: u64,
}

/// A file of event data read chunk by chunk (`push`), then made a dataset (`finish`).
#[wasm_bindgen]
#[derive(Debug)]
pub struct EventImport {
    reader: Option<EventReader>,
}

#[wasm_bindgen]
impl EventImport {
    /// A reader of a file of `format` named `name`, with `options` as JSON text (the object of
    /// `eventOptions`, changed), `today` as `YYYY-MM-DD`. Throws an `Error` naming the bad option.
    #[wasm_bindgen(constructor)]
    pub fn new(
        format: &str,
        name: &str,
        options: &str,
        today: &str,
    ) -> Result<EventImport, JsError> {
        let format: EventFormat = serde_json::from_value(serde_json::Value::String(format.into()))
            .map_err(|_| {
                JsError::new(&format!("EventImport: \"{format}\" is not an event format"))
            })?;
        let options: Options = serde_json::from_str(options)
            .map_err(|e| JsError::new(&format!("EventImport: options: {e}")))?;
        let today = today.parse().map_err(|e: crate::date::DateError| {
            JsError::new(&format!("EventImport: today: {e}"))
        })?;
        Ok(EventImport {
            reader: Some(EventReader::new(format, name, options, today)),
        })
    }

    /// Reads the next bytes of the file.
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), JsError> {
        self.reader
            .as_mut()
            .ok_or_else(|| JsError::new("EventImport: already finished"))?
            .push(bytes);
        Ok(())
    }

    /// Rows read so far.
    pub fn rows(&self) -> f64 {
        self.reader.as_ref().map_or(0.0, |r| r.rows() as f64)
    }

    /// `{json, format, notices, rows}`; throws an `Error` naming the file and its bad lines.
    pub fn finish(&mut self) -> Result<JsValue, JsError> {
        let reader = self
            .reader
            .take()
            .ok_or_else(|| JsError::new("EventImport: already finished"))?;
        let read = reader.finish().map_err(|e| JsError::new(&e.to_string()))?;
        let json =
            serde_json::to_string(&read.dataset).map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&Read {
            json,
            format: read.format.label(),
            notices: &read.notices,
            rows: read.rows,
        })
    }
}

/// The dataset `current` (Entente JSON on screen) with `added`'s actors and events, matched
/// through the country table: `{json, format, notices, rows}`.
#[wasm_bindgen(js_name = addDataset)]
pub fn add_dataset(current: &str, added: &str) -> Result<JsValue, JsError> {
    let current = parse_json(current).map_err(|e| JsError::new(&format!("addDataset: {e}")))?;
    let added = parse_json(added).map_err(|e| JsError::new(&format!("addDataset: {e}")))?;
    let (merged, notice) = add_to(&current, &added);
    let json = serde_json::to_string(&merged).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Read {
        json,
        format: "json",
        notices: &[notice],
        rows: 0,
    })
}
