//! The boundary under hostile input, in headless Chromium: bytes that are not UTF-8, deep
//! nesting on wasm's small stack, extreme numbers; each an `Error`, and the handle keeps working.
#![cfg(target_arch = "wasm32")]

use entente::wasm::io::check_dataset;
use entente::wasm::{text_from_bytes, Entente};
use js_sys::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MINIMAL: &str = include_str!("fixtures/json/minimal.json");

fn message_of(err: wasm_bindgen::JsError) -> String {
    let value = JsValue::from(err);
    let error: &Error = value.dyn_ref().expect("a JS Error object");
    String::from(error.message())
}

/// What the page does with a fetched file: bytes to text, then text to a dataset; a text the
/// core refuses is worded by the io module's `checkDataset`, with its record path, as `main.js`
/// does.
fn load_bytes(bytes: &[u8]) -> Result<Entente, String> {
    let text = text_from_bytes(bytes).map_err(message_of)?;
    Entente::new(&text).map_err(|e| check_dataset(&text).unwrap_or_else(|| message_of(e)))
}

#[wasm_bindgen_test]
fn bytes_that_are_not_utf8_are_an_error_naming_line_column_and_byte() {
    let msg = load_bytes(include_bytes!("fixtures/hostile/latin1.json")).unwrap_err();
    assert_eq!(
        msg,
        "line 7, column 116: the file is not UTF-8 (byte 0xE9 at offset 379); save it as UTF-8"
    );
    let msg = load_bytes(include_bytes!("fixtures/hostile/utf16le_bom.json")).unwrap_err();
    assert!(msg.contains("UTF-16 is not supported"), "{msg}");
    let ok = load_bytes(include_bytes!("fixtures/hostile/utf8_bom.json")).unwrap();
    assert_eq!(ok.actor_count(), 3);
}

#[wasm_bindgen_test]
fn the_catalogue_reads_the_same_in_wasm_as_natively() {
    let catalogue: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("hostile.json")).unwrap();
    let shows = |file: &str| {
        catalogue
            .iter()
            .find(|c| c["file"] == file)
            .and_then(|c| c["shows"].as_str())
            .unwrap()
            .to_string()
    };
    for (file, bytes) in [
        (
            "deep_arrays.json",
            &include_bytes!("fixtures/hostile/deep_arrays.json")[..],
        ),
        (
            "deep_in_field.json",
            include_bytes!("fixtures/hostile/deep_in_field.json"),
        ),
        (
            "deep_objects.json",
            include_bytes!("fixtures/hostile/deep_objects.json"),
        ),
        (
            "lat_1e400.json",
            include_bytes!("fixtures/hostile/lat_1e400.json"),
        ),
        (
            "trailing_garbage.json",
            include_bytes!("fixtures/hostile/trailing_garbage.json"),
        ),
        (
            "long_note.json",
            include_bytes!("fixtures/hostile/long_note.json"),
        ),
        (
            "binary.json",
            include_bytes!("fixtures/hostile/binary.json"),
        ),
    ] {
        assert_eq!(load_bytes(bytes).unwrap_err(), shows(file), "{file}");
    }
}

#[wasm_bindgen_test]
fn extreme_numbers_from_javascript_keep_positions_finite() {
    let mut e = Entente::new(MINIMAL).unwrap();
    e.set_radii(&[f32::MAX, f32::NAN, -1.0]).unwrap();
    e.reheat(f32::INFINITY);
    e.reheat(1e30);
    e.step(20);
    e.set_radii(&[1e30, 1e-40, 3.0]).unwrap();
    e.step(20);
    let mem: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    let view = js_sys::Float32Array::new_with_byte_offset_and_length(
        &mem.buffer(),
        e.positions_ptr() as u32,
        e.positions_len() as u32,
    );
    assert!(
        view.to_vec().iter().all(|v| v.is_finite()),
        "{:?}",
        view.to_vec()
    );
    assert_eq!(e.node_at(f32::NAN, f32::INFINITY, f32::NAN), -1);
}

#[wasm_bindgen_test]
fn after_every_refusal_the_handle_answers_as_before() {
    let mut e = Entente::new(MINIMAL).unwrap();
    let before = js_sys::JSON::stringify(&e.ties_of(0).unwrap()).unwrap();
    let refusals = [
        e.set_filter(15, 7, 7, Some("2021-13".into()), None, None)
            .map(|_| ()),
        e.set_filter(15, 7, 7, Some("<script>".into()), None, None)
            .map(|_| ()),
        e.ties_of(u32::MAX).map(|_| ()),
        e.pin(u32::MAX, 0.0, 0.0),
        e.unpin(3),
        e.set_radii(&[]),
        e.load(""),
        e.load("[]"),
    ];
    for r in refusals {
        assert!(!message_of(r.unwrap_err()).is_empty());
    }
    assert_eq!(e.actor_count(), 3);
    assert_eq!(
        js_sys::JSON::stringify(&e.ties_of(0).unwrap()).unwrap(),
        before
    );
    assert_eq!(e.visible_ties(), vec![0, 1]);
}
