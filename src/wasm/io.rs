//! Import and export for the page, the second wasm module (feature `io-exports`), loaded on first
//! use: files of any format Entente reads become Entente JSON with the notices of what was
//! assumed; a dataset's Entente JSON is written in any format.

use super::to_js;
use crate::export::{export, notices};
use crate::load::{from_json, import, parse_json, Format, InputFile};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What `importDataset` hands back.
#[derive(Debug, Serialize)]
struct Imported<'a> {
    json: String,
    format: Format,
    notices: &'a [crate::load::Notice],
}

/// A written file for the page to download.
#[derive(Debug, Serialize)]
struct Download {
    name: String,
    mime: &'static str,
    text: String,
}

/// Reads one file (Entente JSON, CSV, GEXF, GraphML), or an events CSV with an actors CSV,
/// given as parallel arrays of names and texts. `today` (`YYYY-MM-DD`) dates the events of
/// files that give no date of any kind.
///
/// Returns `{json, format, notices: [{kind, count, message}]}`, `json` being Entente JSON for
/// `new Entente(json)`. Throws an `Error` whose message names the file, line, column, record
/// and field at fault.
#[wasm_bindgen(js_name = importDataset)]
pub fn import_dataset(
    names: Vec<String>,
    texts: Vec<String>,
    today: &str,
) -> Result<JsValue, JsError> {
    if names.len() != texts.len() {
        return Err(JsError::new(&format!(
            "importDataset: {} names but {} texts",
            names.len(),
            texts.len()
        )));
    }
    let today = today
        .parse()
        .map_err(|e: crate::date::DateError| JsError::new(&format!("importDataset: today: {e}")))?;
    let files: Vec<InputFile> = names
        .iter()
        .zip(&texts)
        .map(|(name, text)| InputFile { name, text })
        .collect();
    let imported = import(&files, today).map_err(|e| JsError::new(&e.to_string()))?;
    let json =
        serde_json::to_string(&imported.dataset).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Imported {
        json,
        format: imported.format,
        notices: &imported.notices,
    })
}

/// Why an Entente JSON text is refused, in full: the message of the core's constructor with the
/// record path of a field serde refused, which the core's lean reader leaves out. `undefined`
/// when the text is a valid dataset.
#[wasm_bindgen(js_name = checkDataset)]
pub fn check_dataset(json: &str) -> Option<String> {
    from_json(json).err().map(|e| e.to_string())
}

/// The dataset `json` (Entente JSON that the core accepted) written as `format` (`json`,
/// `csv`, `gexf`, `graphml`): `[{name, mime, text}]`, one file (two for CSV: events, then actors),
/// each named `base.suffix` (`pakistan-2021.events.csv`). Throws an `Error` naming what is wrong.
///
/// The text is parsed but not validated again: it is the text of the dataset on screen, which
/// the core validated when it was loaded, and the exporters write any dataset serde reads (no
/// rule of `validate` guards them from a panic), so a second validation would only cost time. Imports are the other way
/// round: the core validates the JSON `importDataset` made, because the core reads whatever
/// text JS hands it.
#[wasm_bindgen(js_name = exportDataset)]
pub fn export_dataset(json: &str, format: &str, base: &str) -> Result<JsValue, JsError> {
    let format = Format::from_name(format).ok_or_else(|| {
        JsError::new(&format!(
            "exportDataset: \"{format}\" is not one of json, csv, gexf, graphml"
        ))
    })?;
    let dataset = parse_json(json).map_err(|e| JsError::new(&format!("exportDataset: {e}")))?;
    let files = export(&dataset, format).map_err(|e| JsError::new(&e.to_string()))?;
    let downloads: Vec<Download> = files
        .into_iter()
        .map(|f| Download {
            name: format!("{base}.{}", f.suffix),
            mime: f.mime,
            text: f.text,
        })
        .collect();
    to_js(&downloads)
}

/// What exporting the dataset `json` as `format` leaves out: `[{kind, count, message}]`, empty
/// when nothing is (a story in CSV, GEXF or GraphML is). Throws an `Error` naming what is wrong.
#[wasm_bindgen(js_name = exportNotices)]
pub fn export_notices(json: &str, format: &str) -> Result<JsValue, JsError> {
    let format = Format::from_name(format).ok_or_else(|| {
        JsError::new(&format!(
            "exportNotices: \"{format}\" is not one of json, csv, gexf, graphml"
        ))
    })?;
    let dataset = parse_json(json).map_err(|e| JsError::new(&format!("exportNotices: {e}")))?;
    to_js(&notices(&dataset, format))
}
