//! Import and export across the wasm boundary, in headless Chromium: files in, Entente JSON
//! and notices out; the loaded dataset out in every format; errors as JS `Error`s.
#![cfg(target_arch = "wasm32")]

use entente::chart::render_svg;
use entente::model::Kind;
use entente::network::{Filter, Network};
use entente::style::Theme;
use entente::wasm::chart::events_chart;
use entente::wasm::io::{check_dataset, export_dataset, export_notices, import_dataset};
use entente::wasm::Entente;
use js_sys::{Array, Error, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EVENTS: &str = include_str!("fixtures/csv/pair.events.csv");
const ACTORS: &str = include_str!("fixtures/csv/pair.actors.csv");
const SPARSE: &str = include_str!("fixtures/csv/sparse.csv");
const BAD_KIND: &str = include_str!("fixtures/csv/bad_kind.csv");
const DATASET: &str = include_str!("../data/pakistan-2021.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[wasm_bindgen_test]
fn a_csv_pair_becomes_entente_json_that_loads() {
    let out = import_dataset(
        strings(&["a.events.csv", "a.actors.csv"]),
        strings(&[EVENTS, ACTORS]),
        "2026-01-01",
    )
    .unwrap();
    assert_eq!(get(&out, "format").as_string().unwrap(), "csv");
    let json = get(&out, "json").as_string().unwrap();
    let e = Entente::new(&json).unwrap();
    assert_eq!(e.actor_count(), 3);
    let notices: Array = get(&out, "notices").dyn_into().unwrap();
    assert_eq!(notices.length(), 0);
}

#[wasm_bindgen_test]
fn notices_cross_with_kind_count_and_message() {
    let out = import_dataset(strings(&["sheet.csv"]), strings(&[SPARSE]), "2026-01-01").unwrap();
    let notices: Array = get(&out, "notices").dyn_into().unwrap();
    let kinds: Vec<String> = notices
        .iter()
        .map(|n| get(&n, "kind").as_string().unwrap())
        .collect();
    assert!(kinds.contains(&"default-date".to_string()), "{kinds:?}");
    let date = notices
        .iter()
        .find(|n| get(n, "kind").as_string().unwrap() == "default-date")
        .unwrap();
    assert_eq!(get(&date, "count").as_f64(), Some(1.0));
    assert!(get(&date, "message")
        .as_string()
        .unwrap()
        .contains("2026-01-01, the day of import"));
}

#[wasm_bindgen_test]
fn a_bad_file_is_an_error_naming_file_line_and_column() {
    let err =
        import_dataset(strings(&["bad.csv"]), strings(&[BAD_KIND]), "2026-01-01").unwrap_err();
    let value = JsValue::from(err);
    let message = String::from(value.dyn_ref::<Error>().expect("a JS Error").message());
    assert_eq!(message, "bad.csv: line 3, column 4: kind: \"militry\" is not one of defense, diplomatic, economic, conflict");
}

#[wasm_bindgen_test]
fn the_core_places_a_refused_field_by_position_and_check_dataset_adds_its_path() {
    let bad = DATASET.replacen("\"kind\": \"", "\"kind\": \"militry", 1);
    let err = Entente::new(&bad).unwrap_err();
    let core = String::from(JsValue::from(err).dyn_ref::<Error>().unwrap().message());
    let full = check_dataset(&bad).expect("the text is refused");
    assert!(core.starts_with("line "), "{core}");
    assert!(!core.contains("ties["), "{core}");
    assert!(full.contains("ties[0].events[0].kind"), "{full}");
    // Both name the same place and the same reason; only the path differs.
    assert_eq!(full.replace("ties[0].events[0].kind: ", ""), core);
    assert_eq!(check_dataset(DATASET), None);
}

#[wasm_bindgen_test]
fn the_loaded_dataset_exports_in_every_format_and_reads_back() {
    let e = Entente::new(DATASET).unwrap();
    for (format, names) in [
        ("json", vec!["p.json"]),
        ("csv", vec!["p.events.csv", "p.actors.csv"]),
        ("gexf", vec!["p.gexf"]),
        ("graphml", vec!["p.graphml"]),
    ] {
        let files: Array = export_dataset(DATASET, format, "p")
            .unwrap()
            .dyn_into()
            .unwrap();
        let got: Vec<String> = files
            .iter()
            .map(|f| get(&f, "name").as_string().unwrap())
            .collect();
        assert_eq!(got, names);
        let texts: Vec<String> = files
            .iter()
            .map(|f| get(&f, "text").as_string().unwrap())
            .collect();
        let back = import_dataset(got, texts, "2026-01-01").unwrap();
        let again = Entente::new(&get(&back, "json").as_string().unwrap()).unwrap();
        assert_eq!(again.actor_count(), e.actor_count(), "{format}");
    }
    let err = export_dataset(DATASET, "pdf", "p").unwrap_err();
    let value = JsValue::from(err);
    assert!(
        String::from(value.dyn_ref::<Error>().unwrap().message()).contains("\"pdf\" is not one of")
    );
    // Text that is not a dataset is refused with the loader's located message.
    let err = export_dataset("{\"format\": 1}", "csv", "p").unwrap_err();
    let message = String::from(JsValue::from(err).dyn_ref::<Error>().unwrap().message());
    assert!(message.starts_with("exportDataset: line 1"), "{message}");
}

#[wasm_bindgen_test]
fn the_story_crosses_and_exports_without_it_say_so() {
    let e = Entente::new(DATASET).unwrap();
    let story = e.story().unwrap();
    let steps: Array = get(&story, "steps").dyn_into().unwrap();
    assert_eq!(steps.length(), 11);
    assert_eq!(get(&steps.get(0), "id").as_string().unwrap(), "withdrawal");
    let json = DATASET;
    let none: Array = export_notices(json, "json").unwrap().dyn_into().unwrap();
    assert_eq!(none.length(), 0);
    let said: Array = export_notices(json, "graphml").unwrap().dyn_into().unwrap();
    assert_eq!(said.length(), 1);
    assert_eq!(
        get(&said.get(0), "kind").as_string().unwrap(),
        "story-left-out"
    );
    let err = export_notices(json, "pdf").unwrap_err();
    let message = String::from(JsValue::from(err).dyn_ref::<Error>().unwrap().message());
    assert!(
        message.contains("exportNotices: \"pdf\" is not one of"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn the_chart_is_drawn_from_the_cores_counts_as_svg_text_or_errors() {
    let e = Entente::new(DATASET).unwrap();
    let per_year = e.events_per_year().unwrap();
    let first_year = get(&per_year, "firstYear").as_f64().unwrap() as i32;
    let years: Array = get(&per_year, "counts").dyn_into().unwrap();
    let flat: Vec<u32> = years
        .iter()
        .flat_map(|y| {
            Array::from(&y)
                .iter()
                .map(|c| c.as_f64().unwrap() as u32)
                .collect::<Vec<_>>()
        })
        .collect();
    let svg = events_chart(
        first_year,
        &flat,
        Kind::COUNT,
        "2021-06",
        400,
        100,
        false,
        "",
        false,
    )
    .unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("<rect") && svg.contains(">\n2021\n</text>"));
    assert!(svg.contains("as of 2021-06") && !svg.contains("style="));
    // The same picture the native chart draws from the same counts.
    let net = Network::from_json(DATASET).unwrap();
    let counts = entente::chart::events_per_year(&net, &Filter::default());
    let marker = Some("2021-06".parse().unwrap());
    assert_eq!(
        svg,
        render_svg(&counts, marker, 400, 100, Theme::Light).unwrap()
    );
    let dark = events_chart(
        first_year,
        &flat,
        Kind::COUNT,
        "",
        400,
        100,
        true,
        "",
        false,
    )
    .unwrap();
    assert_eq!(
        dark,
        render_svg(&counts, None, 400, 100, Theme::Dark).unwrap()
    );

    let message = |r: Result<String, wasm_bindgen::JsError>| {
        let value = JsValue::from(r.unwrap_err());
        String::from(value.dyn_ref::<Error>().unwrap().message())
    };
    let m = message(events_chart(
        2011,
        &flat,
        Kind::COUNT,
        "",
        5,
        5,
        true,
        "",
        false,
    ));
    assert!(m.contains("too small"), "{m}");
    let m = message(events_chart(2011, &flat, 3, "", 400, 100, false, "", false));
    assert!(m.starts_with("eventsChart: kindCount is 3"), "{m}");
    let m = message(events_chart(
        2011,
        &flat[1..],
        Kind::COUNT,
        "",
        400,
        100,
        false,
        "",
        false,
    ));
    assert!(m.contains("per year"), "{m}");
    let m = message(events_chart(
        2011,
        &flat,
        Kind::COUNT,
        "2021-13",
        400,
        100,
        false,
        "",
        false,
    ));
    assert!(m.starts_with("eventsChart: until:"), "{m}");
    let m = message(events_chart(
        0,
        &vec![0; Kind::COUNT * 10_001],
        Kind::COUNT,
        "",
        400,
        100,
        false,
        "",
        false,
    ));
    assert!(m.contains("10001 years"), "{m}");
    // Both dates of a window or a comparison: A marked too, the window shaded.
    let window = events_chart(
        first_year,
        &flat,
        Kind::COUNT,
        "2021-06",
        400,
        100,
        false,
        "2019",
        true,
    )
    .unwrap();
    let a = Some(entente::chart::Since {
        date: "2019".parse().unwrap(),
        shade: true,
    });
    assert_eq!(
        window,
        entente::chart::render_marked(&counts, marker, a, 400, 100, Theme::Light).unwrap()
    );
    assert!(
        window.contains("A 2019") && window.contains("B 2021-06"),
        "{window}"
    );
    let m = message(events_chart(
        2011,
        &flat,
        Kind::COUNT,
        "2021",
        400,
        100,
        false,
        "2021-02-30",
        false,
    ));
    assert!(m.starts_with("eventsChart: since:"), "{m}");
}

/// The editor across the boundary: an op applied and undone, refusals as values (never a
/// panic), bad arguments as JS `Error`s naming what was wrong, and nothing changed by either.
#[wasm_bindgen_test]
fn the_editor_applies_undoes_and_refuses_without_panicking() {
    use entente::wasm::edit::DatasetEditor;
    let message = |e: wasm_bindgen::JsError| {
        String::from(JsValue::from(e).dyn_ref::<Error>().unwrap().message())
    };
    let mut ed = DatasetEditor::new(DATASET, None).unwrap();
    let before = ed.json().unwrap();
    let ok = ed
        .apply(
            r#"{"op": "addEvent", "source": "PAK", "target": "TUR", "event": {"date": "2021-06",
            "kind": "economic", "tone": "cooperative", "summary": "Loan.",
            "sources": [{"outlet": "Dawn", "date": "2021-06-02", "url": "https://www.dawn.com/x"}]}}"#,
            "2026-12-02",
        )
        .unwrap();
    assert_eq!(get(&ok, "ok"), JsValue::TRUE);
    assert_eq!(
        get(&ok, "name").as_string().unwrap(),
        "added event PAK–TUR 2021-06"
    );
    let kept = ed.history_json().unwrap();
    assert_eq!(
        ed.undo().unwrap().as_deref(),
        Some("added event PAK–TUR 2021-06")
    );
    assert_eq!(ed.json().unwrap(), before);
    assert_eq!(ed.undo().unwrap(), None);
    // A history kept beside the edited copy comes back with it.
    let after = DatasetEditor::new(DATASET, Some(kept)).unwrap();
    let names = after.history().unwrap();
    assert_eq!(Array::from(&get(&names, "done")).length(), 1);
    for (op, field, text) in [
        (
            r#"{"op": "removeActor", "id": "NOPE"}"#,
            "id",
            "id: no actor has the id \"NOPE\"",
        ),
        (
            r#"{"op": "addActor", "actor": {"id": "X", "name": "X", "type": "state", "lat": "north", "lon": 0}}"#,
            "lat",
            "",
        ),
        (r#"{"op": "explode"}"#, "", ""),
        ("[1, 2", "", ""),
        (
            r#"{"op": "addEvent", "source": "PAK", "target": "TUR", "event": {"date": "2021-02-30", "kind": "economic", "tone": "cooperative", "summary": "s", "sources": [{"outlet": "o", "date": "2021"}]}}"#,
            "date",
            "event.date: \"2021-02-30\" is not a day in the calendar",
        ),
    ] {
        let out = ed.apply(op, "2026-12-02").unwrap();
        assert_eq!(get(&out, "ok"), JsValue::FALSE, "{op}");
        let error = get(&out, "error");
        assert!(
            !get(&error, "message").as_string().unwrap().is_empty(),
            "{op}"
        );
        if !field.is_empty() {
            assert_eq!(
                get(&error, "field").as_string().as_deref(),
                Some(field),
                "{op}"
            );
        }
        if !text.is_empty() {
            assert_eq!(get(&error, "text").as_string().unwrap(), text, "{op}");
        }
        assert_eq!(ed.json().unwrap(), before, "{op} changed the dataset");
    }
    assert!(message(ed.apply("{}", "tomorrow").unwrap_err()).starts_with("apply: today: "));
    assert!(
        message(DatasetEditor::new(DATASET, Some("{".into())).unwrap_err())
            .starts_with("the kept history: ")
    );
    assert_eq!(
        message(DatasetEditor::new("{}", None).unwrap_err()),
        entente::load::from_json("{}").unwrap_err().to_string()
    );
}

/// The edited dataset's handle (`DatasetEditor.core()`, in the editor's module: the page's core
/// module has no `applyPatch`): made from the editor's dataset after an edit, then following the
/// next edit and its undo by the editor's patch, always the same network as a handle made anew.
#[wasm_bindgen_test]
fn the_editors_handle_shows_the_edit_and_follows_the_next_by_its_patch() {
    use entente::wasm::edit::DatasetEditor;
    let shipped = Entente::new(DATASET).unwrap();
    let mut ed = DatasetEditor::new(DATASET, None).unwrap();
    let added = ed
        .apply(
            r#"{"op": "addActor", "actor": {"id": "NEWCO", "name": "New Co", "type": "organization", "lat": 30, "lon": 70}}"#,
            "2026-12-02",
        )
        .unwrap();
    assert_eq!(get(&added, "ok"), JsValue::TRUE);
    let mut core = ed.core().unwrap();
    assert_eq!(core.actor_count(), shipped.actor_count() + 1);
    assert!(core.index_of("NEWCO") >= 0);
    let removed = ed
        .apply(r#"{"op": "removeActor", "id": "NEWCO"}"#, "2026-12-02")
        .unwrap();
    assert_eq!(get(&removed, "ok"), JsValue::TRUE);
    core.apply_patch(&ed.core_patch().unwrap()).unwrap();
    assert_eq!(core.index_of("NEWCO"), -1);
    assert_eq!(core.actor_count(), shipped.actor_count());
    assert_eq!(
        ed.undo().unwrap().as_deref(),
        Some("deleted actor New Co (NEWCO) and its 0 ties")
    );
    core.apply_patch(&ed.core_patch().unwrap()).unwrap();
    let fresh = ed.core().unwrap();
    assert!(core.index_of("NEWCO") >= 0);
    assert_eq!(core.index_of("NEWCO"), fresh.index_of("NEWCO"));
    assert_eq!(core.actor_count(), fresh.actor_count());
    assert_eq!(core.visible_edges(), fresh.visible_edges());
}
