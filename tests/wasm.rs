//! The wasm boundary in headless Chromium: what crosses it, and errors arriving as JS `Error`s.
#![cfg(target_arch = "wasm32")]

use entente::model::{ActorType, Kind, KindSet, Tone};
use entente::wasm::{style, Entente};
use js_sys::{Array, Error, Reflect, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MINIMAL: &str = include_str!("fixtures/json/minimal.json");
const BAD_KIND: &str = include_str!("fixtures/json/bad_kind.json");
const DUPLICATE_ACTOR: &str = include_str!("fixtures/json/duplicate_actor.json");
const DATASET: &str = include_str!("../data/pakistan-2021.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn message_of(err: wasm_bindgen::JsError) -> String {
    let value = JsValue::from(err);
    let error: &Error = value.dyn_ref().expect("a JS Error object");
    String::from(error.message())
}

#[wasm_bindgen_test]
fn actors_cross_as_plain_objects() {
    let e = Entente::new(MINIMAL).unwrap();
    let actors: Array = e.actors().unwrap().dyn_into().unwrap();
    assert_eq!(actors.length(), 3);
    let first = actors.get(0);
    assert_eq!(get(&first, "id").as_string().unwrap(), "PAK");
    assert_eq!(get(&first, "type").as_string().unwrap(), "state");
    assert_eq!(get(&first, "lat").as_f64().unwrap(), 33.69);
    assert_eq!(
        get(&actors.get(2), "type").as_string().unwrap(),
        "armed-group"
    );
}

#[wasm_bindgen_test]
fn ties_cross_with_their_dated_cited_events() {
    let e = Entente::new(MINIMAL).unwrap();
    let ties: Array = e.ties_of(0).unwrap().dyn_into().unwrap();
    assert_eq!(ties.length(), 2);
    let turkey = ties.get(0);
    assert_eq!(get(&turkey, "partnerName").as_string().unwrap(), "Turkey");
    let events: Array = get(&turkey, "events").dyn_into().unwrap();
    let first = events.get(0);
    assert_eq!(get(&first, "date").as_string().unwrap(), "2018-07");
    let sources: Array = get(&first, "sources").dyn_into().unwrap();
    assert_eq!(get(&sources.get(0), "outlet").as_string().unwrap(), "Dawn");
}

#[wasm_bindgen_test]
fn positions_are_finite_and_the_centre_is_pinned_at_the_origin() {
    let mut e = Entente::new(DATASET).unwrap();
    e.step(50);
    let centre = e.index_of("PAK");
    assert!(centre >= 0);
    let len = e.positions_len();
    assert_eq!(len, 2 * e.actor_count());
    let mem: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    let view = js_sys::Float32Array::new_with_byte_offset_and_length(
        &mem.buffer(),
        e.positions_ptr() as u32,
        len as u32,
    );
    let pos = view.to_vec();
    assert!(pos.iter().all(|v| v.is_finite()));
    assert_eq!(
        (pos[2 * centre as usize], pos[2 * centre as usize + 1]),
        (0.0, 0.0)
    );
}

#[wasm_bindgen_test]
fn a_bad_dataset_is_a_js_error_naming_line_and_reason_and_a_broken_rule_its_record() {
    // A field serde refuses: line, column and reason; the record path is the io module's
    // `checkDataset` (tests/wasm_io.rs), which the page asks then.
    let msg = message_of(Entente::new(BAD_KIND).unwrap_err());
    assert_eq!(
        msg,
        "line 49, column 27: \"militry\" is not one of defense, diplomatic, economic, conflict"
    );
    // A rule of validation names its record, as before.
    let msg = message_of(Entente::new(DUPLICATE_ACTOR).unwrap_err());
    assert!(
        msg.ends_with("actors[3].id: \"PAK\" is already the id of actors[0]"),
        "{msg}"
    );
}

#[wasm_bindgen_test]
fn the_style_table_crosses_as_plain_objects_in_the_models_order() {
    let table = style().unwrap();
    let kinds: Array = get(&table, "kinds").dyn_into().unwrap();
    assert_eq!(kinds.length() as usize, Kind::COUNT);
    for (k, kind) in Kind::ALL.iter().enumerate() {
        let row = kinds.get(k as u32);
        assert_eq!(get(&row, "key").as_string().unwrap(), kind.as_str());
        assert_eq!(get(&row, "bit").as_f64().unwrap(), f64::from(kind.bit()));
        assert_eq!(
            get(&row, "darkColor").as_string().unwrap(),
            kind.style().dark.to_string()
        );
        let dash: Array = get(&row, "dash").dyn_into().unwrap();
        assert_eq!(dash.length() as usize, kind.style().dash.len());
    }
    let types: Array = get(&table, "types").dyn_into().unwrap();
    assert_eq!(get(&types.get(2), "shape").as_string().unwrap(), "triangle");
    assert_eq!(
        get(&types.get(2), "darkFill").as_string().unwrap(),
        "#f08a5d"
    );
    let tones: Array = get(&table, "tones").dyn_into().unwrap();
    assert_eq!(get(&tones.get(1), "label").as_string().unwrap(), "Strained");
    assert_eq!(get(&tones.get(2), "bit").as_f64().unwrap(), 4.0);
}

#[wasm_bindgen_test]
fn a_failed_load_keeps_the_dataset_it_had() {
    let mut e = Entente::new(MINIMAL).unwrap();
    let msg = message_of(e.load("{ not json").unwrap_err());
    assert!(msg.starts_with("line 1, column 3"), "{msg}");
    assert_eq!(e.actor_count(), 3);
    assert_eq!(e.index_of("TUR"), 1);
}

#[wasm_bindgen_test]
fn filters_cross_as_bit_masks_and_bad_dates_are_errors() {
    let mut e = Entente::new(MINIMAL).unwrap();
    assert_eq!(e.visible_ties(), vec![0, 1]);
    let no_conflict = KindSet::ALL.without(Kind::Conflict).0;
    e.set_filter(no_conflict, Tone::MASK, ActorType::MASK, None, None, None)
        .unwrap();
    assert_eq!(e.visible_ties(), vec![0]);
    assert_eq!(e.visible_kinds(), vec![1]);
    assert_eq!(e.degrees(), vec![1, 1, 0]);
    let msg = message_of(
        e.set_filter(
            KindSet::ALL.0,
            Tone::MASK,
            ActorType::MASK,
            Some("2021-02-30".into()),
            None,
            None,
        )
        .unwrap_err(),
    );
    assert!(msg.contains("not a day in the calendar"), "{msg}");
    assert_eq!(
        e.visible_ties(),
        vec![0],
        "a refused filter changes nothing"
    );
}

#[wasm_bindgen_test]
fn out_of_range_indices_are_errors_not_panics() {
    let mut e = Entente::new(MINIMAL).unwrap();
    assert!(message_of(e.ties_of(99).unwrap_err()).contains("99"));
    assert!(message_of(e.pin(7, 0.0, 0.0).unwrap_err()).contains("7"));
    assert!(message_of(e.pin(0, f32::NAN, 0.0).unwrap_err()).contains("finite"));
    assert!(message_of(e.set_radii(&[1.0]).unwrap_err()).contains("expected 3"));
    assert_eq!(e.index_of("nope"), -1);
}

#[wasm_bindgen_test]
fn exploring_bindings_cross_ties_evidence_and_neighbourhoods() {
    let mut e = Entente::new(DATASET).unwrap();
    e.step(300);
    let pak = e.index_of("PAK") as u32;
    let tur = e.index_of("TUR") as u32;
    // A point on the Pakistan–Turkey segment finds that tie.
    let mem: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    let pos = js_sys::Float32Array::new_with_byte_offset_and_length(
        &mem.buffer(),
        e.positions_ptr() as u32,
        e.positions_len() as u32,
    )
    .to_vec();
    let (px, py) = (pos[2 * pak as usize], pos[2 * pak as usize + 1]);
    let (tx, ty) = (pos[2 * tur as usize], pos[2 * tur as usize + 1]);
    let tie = e.tie_at(px + (tx - px) * 0.6, py + (ty - py) * 0.6, 3.5, 0.5);
    assert!(tie >= 0);
    let detail = e.tie_detail(tie as u32).unwrap();
    let names = [
        get(&detail, "sourceName").as_string().unwrap(),
        get(&detail, "targetName").as_string().unwrap(),
    ];
    assert!(names.contains(&"Turkey".to_string()), "{names:?}");
    assert!(get(&detail, "citations").as_f64().unwrap() >= 1.0);
    assert_eq!(e.single_sourced().len(), e.visible_ties().len());
    let hops = e.hops(tur, 1).unwrap();
    assert_eq!(hops[tur as usize], 0);
    assert_eq!(hops[pak as usize], 1);
    // A filter that hides the tie's events leaves no detail: null, not an error.
    e.set_filter(0, Tone::MASK, ActorType::MASK, None, None, None)
        .unwrap();
    assert!(e.tie_detail(tie as u32).unwrap().is_null());
    assert!(message_of(e.tie_detail(9999).unwrap_err()).contains("9999"));
    assert!(message_of(e.hops(9999, 1).unwrap_err()).contains("9999"));
}

#[wasm_bindgen_test]
fn the_tie_table_crosses_as_columns_in_the_order_of_the_visible_ties() {
    let mut e = Entente::new(MINIMAL).unwrap();
    let columns = e.tie_columns().unwrap();
    let events: Uint32Array = get(&columns, "events").dyn_into().unwrap();
    let citations: Uint32Array = get(&columns, "citations").dyn_into().unwrap();
    let dates = get(&columns, "dates").as_string().unwrap();
    assert_eq!(events.length(), 2);
    assert_eq!(citations.length(), 2);
    assert_eq!(events.get_index(0), 2);
    assert_eq!(dates.lines().next(), Some("2018-07 2021-03"));
    let no_conflict = KindSet::ALL.without(Kind::Conflict).0;
    e.set_filter(no_conflict, Tone::MASK, ActorType::MASK, None, None, None)
        .unwrap();
    let events: Uint32Array = get(&e.tie_columns().unwrap(), "events").dyn_into().unwrap();
    assert_eq!(events.length() as usize, e.visible_ties().len());
}

#[wasm_bindgen_test]
fn events_per_year_cross_as_counts_per_kind_and_a_description() {
    let e = Entente::new(DATASET).unwrap();
    let counts = e.events_per_year().unwrap();
    assert_eq!(get(&counts, "firstYear").as_f64().unwrap(), 2011.0);
    let years: Array = get(&counts, "counts").dyn_into().unwrap();
    let first: Array = years.get(0).dyn_into().unwrap();
    assert_eq!(first.length() as usize, Kind::COUNT);
    let description = get(&counts, "description").as_string().unwrap();
    assert!(
        description.starts_with("Events per year by kind. 2011:"),
        "{description}"
    );
}

#[wasm_bindgen_test]
fn a_comparison_crosses_as_a_plain_object_and_a_bad_date_is_an_error() {
    let mut e = Entente::new(DATASET).unwrap();
    let c = e.compare("2021-06-30", "2020-12-31").unwrap();
    assert_eq!(get(&c, "a").as_string().unwrap(), "2020-12-31");
    let summary = get(&c, "summary").as_string().unwrap();
    assert!(
        summary.starts_with("Between 2020-12-31 and 2021-06-30: 8 ties appeared, 6 intensified"),
        "{summary}"
    );
    let ties: Array = get(&c, "ties").dyn_into().unwrap();
    assert_eq!(ties.length(), 28);
    assert_eq!(
        get(&ties.get(0), "change").as_string().unwrap(),
        "intensified"
    );
    let msg = message_of(e.compare("2021", "2021-02-30").unwrap_err());
    assert_eq!(
        msg,
        "compare: b: \"2021-02-30\" is not a day in the calendar"
    );
    // A window: only the events dated from since to until.
    e.set_filter(
        15,
        7,
        7,
        Some("2021-05-31".into()),
        Some("2021-04-01".into()),
        None,
    )
    .unwrap();
    assert_eq!(e.visible_ties().len(), 5);
}

#[wasm_bindgen_test]
fn the_ego_rings_and_the_map_come_from_plain_values_and_refuse_bad_ones_with_an_error() {
    use entente::wasm::geo::{map_positions, radial_positions};
    let e = Entente::new(DATASET).unwrap();
    let n = e.actor_count();
    let edges = e.visible_edges();
    let centre = e.index_of("PAK") as u32;
    let rings = radial_positions(n, &edges, centre, 50.0).unwrap();
    assert_eq!(rings.len(), 2 * n);
    assert_eq!(
        (rings[2 * centre as usize], rings[2 * centre as usize + 1]),
        (0.0, 0.0)
    );
    let beyond = message_of(radial_positions(n, &[0, n as u32], 0, 50.0).unwrap_err());
    assert!(beyond.starts_with("radial layout: "), "{beyond}");
    let no_centre = message_of(radial_positions(n, &edges, n as u32, 50.0).unwrap_err());
    assert!(no_centre.starts_with("radial layout: "), "{no_centre}");

    let actors: Array = e.actors().unwrap().dyn_into().unwrap();
    let lon_lat: Vec<f64> = actors
        .iter()
        .flat_map(|a| {
            [
                get(&a, "lon").as_f64().unwrap(),
                get(&a, "lat").as_f64().unwrap(),
            ]
        })
        .collect();
    let map = map_positions(&lon_lat, &e.degrees(), 320.0, 34.0).unwrap();
    assert_eq!(map.len(), 2 * n);
    let (pak, usa) = (e.index_of("PAK") as usize, e.index_of("USA") as usize);
    assert!(map[2 * usa] < map[2 * pak], "Washington west of Islamabad");
    let short = message_of(map_positions(&lon_lat[2..], &e.degrees(), 320.0, 34.0).unwrap_err());
    assert!(short.contains("two per actor"), "{short}");
}
