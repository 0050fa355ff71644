//! `data/schema.json` and the loader agree: the same files pass, the same files fail, except
//! for the cross-record and calendar rules only the loader can check.
#![cfg(not(target_arch = "wasm32"))]

use entente::error::ErrorKind;
use entente::load::from_json;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("data/schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).expect("data/schema.json is JSON");
    jsonschema::draft202012::new(&schema).expect("data/schema.json is a 2020-12 schema")
}

fn schema_errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn json_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures/json"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Rules that span records, or need a calendar: the schema cannot state them.
fn beyond_the_schema(kind: ErrorKind, message: &str) -> bool {
    matches!(
        kind,
        ErrorKind::DuplicateActor
            | ErrorKind::UnknownActor
            | ErrorKind::SelfTie
            | ErrorKind::DuplicateTie
    ) || message.contains("not a day in the calendar")
        || message.contains("is before the event's date")
        || message.contains("outside the events' dates")
        || message.contains("is already the id of story.steps")
        || message.contains("is after the step's until")
}

#[test]
fn the_shipped_dataset_passes_the_schema() {
    let text = std::fs::read_to_string(root().join("data/pakistan-2021.json")).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(schema_errors(&validator(), &value), Vec::<String>::new());
}

#[test]
fn every_event_of_the_shipped_dataset_has_a_date_and_a_source() {
    let text = std::fs::read_to_string(root().join("data/pakistan-2021.json")).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    let ties = value["ties"].as_array().expect("ties");
    let mut events = 0;
    for (i, tie) in ties.iter().enumerate() {
        for (j, event) in tie["events"].as_array().expect("events").iter().enumerate() {
            events += 1;
            let date = event["date"].as_str().unwrap_or("");
            assert!(
                date.parse::<entente::date::Date>().is_ok(),
                "ties[{i}].events[{j}] has no date"
            );
            let sources = event["sources"].as_array().map_or(0, Vec::len);
            assert!(sources > 0, "ties[{i}].events[{j}] cites no source");
            for s in event["sources"].as_array().unwrap() {
                assert!(s["outlet"].as_str().is_some_and(|o| !o.trim().is_empty()));
                assert!(s["date"]
                    .as_str()
                    .is_some_and(|d| d.parse::<entente::date::Date>().is_ok()));
            }
        }
    }
    assert!(events > 0);
}

#[test]
fn the_loader_and_the_schema_accept_and_refuse_the_same_fixtures() {
    let v = validator();
    let mut compared = 0;
    for path in json_fixtures() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = from_json(&text);
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            let err = loaded.expect_err(&name);
            assert!(
                matches!(err.kind, ErrorKind::Syntax | ErrorKind::Empty),
                "{name}: not JSON, yet the loader says {err}"
            );
            continue;
        };
        let errors = schema_errors(&v, &value);
        match loaded {
            Ok(_) => assert!(
                errors.is_empty(),
                "{name}: loads, but the schema says {errors:?}"
            ),
            Err(e) if beyond_the_schema(e.kind, &e.message) => assert!(
                errors.is_empty(),
                "{name}: only the loader should refuse it ({e}), yet the schema says {errors:?}"
            ),
            Err(e) => assert!(
                !errors.is_empty(),
                "{name}: the loader refuses it ({e}) but the schema accepts it"
            ),
        }
        compared += 1;
    }
    assert!(compared >= 25, "only {compared} fixtures compared");
}

#[test]
fn texts_at_the_edges_of_the_rules_get_the_same_answer() {
    let v = validator();
    let base: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/fixtures/json/minimal.json")).unwrap(),
    )
    .unwrap();
    let ids = [
        "n0",
        "Myriel",
        "5.0",
        "a b",
        "\u{e9}t\u{e9}",
        "x",
        " x",
        "x ",
        "x\u{a0}",
        "\u{3000}x",
        "a\tb",
        "a\u{85}b",
        "a\u{7f}",
        "",
    ];
    let long = "x".repeat(257);
    for id in ids.iter().copied().chain([long.as_str()]) {
        let mut d = base.clone();
        d["actors"][0]["id"] = Value::from(id);
        d["ties"][0]["source"] = Value::from(id);
        d["ties"][1]["target"] = Value::from(id);
        let loader = from_json(&d.to_string()).is_ok();
        let schema = v.is_valid(&d);
        assert_eq!(
            loader, schema,
            "id {id:?}: loader {loader}, schema {schema}"
        );
    }
    let texts = [
        "ok",
        " padded ",
        "\u{3000}",
        "\u{a0}",
        "line\nbreak",
        "tab\tstop",
        "bell\u{7}",
        "del\u{7f}",
    ];
    for text in texts {
        let mut d = base.clone();
        d["actors"][0]["name"] = Value::from(text);
        let loader = from_json(&d.to_string()).is_ok();
        let schema = v.is_valid(&d);
        assert_eq!(
            loader, schema,
            "name {text:?}: loader {loader}, schema {schema}"
        );
    }
    let urls = [
        "https://example.org",
        "HTTP://x",
        "javascript:alert(1)",
        "https://",
        "https:///x",
        "https://a b",
        "https://a\u{a0}",
        "https://a\u{85}",
        "https://a\u{3000}",
        "https://a\u{7}",
        "https://a/\u{e9}",
    ];
    let long = format!("https://{}", "a".repeat(2040));
    for url in urls.iter().copied().chain([long.as_str(), &long[1..]]) {
        let mut d = base.clone();
        d["ties"][1]["events"][0]["sources"][0]["url"] = Value::from(url);
        let loader = from_json(&d.to_string()).is_ok();
        let schema = v.is_valid(&d);
        assert_eq!(
            loader, schema,
            "url {url:?}: loader {loader}, schema {schema}"
        );
    }
    for (n, ok) in [(1000, true), (1001, false)] {
        let mut d = base.clone();
        d["ties"][0]["events"][0]["summary"] = Value::from("\u{e9}".repeat(n));
        assert_eq!(from_json(&d.to_string()).is_ok(), ok, "summary of {n}");
        assert_eq!(v.is_valid(&d), ok, "summary of {n}");
    }
}

#[test]
fn what_the_importers_build_passes_the_schema() {
    let v = validator();
    let corpus = root().join("../shared/interop/graphology");
    let mut inputs: Vec<Vec<PathBuf>> = vec![
        vec![
            root().join("tests/fixtures/csv/pair.events.csv"),
            root().join("tests/fixtures/csv/pair.actors.csv"),
        ],
        vec![root().join("tests/fixtures/csv/sparse.csv")],
        vec![root().join("tests/fixtures/gexf/dated.gexf")],
        vec![root().join("tests/fixtures/graphml/dated.graphml")],
    ];
    for entry in std::fs::read_dir(&corpus).expect("the interop corpus beside the repository") {
        inputs.push(vec![entry.unwrap().path()]);
    }
    let mut checked = 0;
    for paths in inputs {
        if !paths[0]
            .extension()
            .is_some_and(|x| ["csv", "gexf", "graphml"].contains(&x.to_str().unwrap()))
        {
            continue;
        }
        let texts: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        let names: Vec<String> = paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        let files: Vec<entente::load::InputFile> = names
            .iter()
            .zip(&texts)
            .map(|(name, text)| entente::load::InputFile { name, text })
            .collect();
        let Ok(imported) = entente::load::import(&files, "2026-01-01".parse().unwrap()) else {
            continue;
        };
        let value = serde_json::to_value(&imported.dataset).unwrap();
        assert_eq!(schema_errors(&v, &value), Vec::<String>::new(), "{names:?}");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} imports checked");
}

#[test]
fn what_the_event_data_readers_build_passes_the_schema() {
    let v = validator();
    let dir = root().join("tests/fixtures/events");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let options = entente::load::events::Options::default();
        let read = entente::load::events::read_events(
            &name,
            &bytes,
            options,
            "2026-01-01".parse().unwrap(),
        )
        .unwrap();
        let value = serde_json::to_value(&read.dataset).unwrap();
        assert!(
            value["provenance"]["mapping"]
                .as_array()
                .is_some_and(|m| !m.is_empty()),
            "{name}"
        );
        assert_eq!(schema_errors(&v, &value), Vec::<String>::new(), "{name}");
        checked += 1;
    }
    assert_eq!(checked, 7);
}
