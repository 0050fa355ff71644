//! Export, then import: every format gives back the dataset it was given (CSV has no place for
//! the title, description and provenance), on the shipped dataset and on the fixtures.

use entente::export::export;
use entente::load::{from_json, import, Format, Imported, InputFile, NoticeKind};
use entente::model::Dataset;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn today() -> entente::date::Date {
    "2026-01-01".parse().unwrap()
}

fn datasets() -> Vec<(String, Dataset)> {
    let json = |p: &str| from_json(&std::fs::read_to_string(root().join(p)).unwrap()).unwrap();
    let imported = |paths: &[&str]| {
        let texts: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(root().join(p)).unwrap())
            .collect();
        let files: Vec<InputFile> = paths
            .iter()
            .zip(&texts)
            .map(|(p, t)| InputFile { name: p, text: t })
            .collect();
        import(&files, today()).unwrap().dataset
    };
    vec![
        ("pakistan-2021".into(), json("data/pakistan-2021.json")),
        ("minimal".into(), json("tests/fixtures/json/minimal.json")),
        (
            "lasting".into(),
            json("tests/fixtures/lasting/lasting.json"),
        ),
        (
            "csv pair".into(),
            imported(&[
                "tests/fixtures/csv/pair.events.csv",
                "tests/fixtures/csv/pair.actors.csv",
            ]),
        ),
        (
            "sparse csv".into(),
            imported(&["tests/fixtures/csv/sparse.csv"]),
        ),
        (
            "dated gexf".into(),
            imported(&["tests/fixtures/gexf/dated.gexf"]),
        ),
        (
            "dated graphml".into(),
            imported(&["tests/fixtures/graphml/dated.graphml"]),
        ),
        (
            "les misérables".into(),
            imported(&["../shared/interop/graphology/les_miserables.gexf"]),
        ),
    ]
}

fn round_trip(d: &Dataset, format: Format) -> Imported {
    let files = export(d, format).unwrap();
    let names: Vec<String> = files.iter().map(|f| format!("out.{}", f.suffix)).collect();
    let inputs: Vec<InputFile> = files
        .iter()
        .zip(&names)
        .map(|(f, n)| InputFile {
            name: n,
            text: &f.text,
        })
        .collect();
    import(&inputs, today()).unwrap_or_else(|e| panic!("{format:?}: {e}\n{}", files[0].text))
}

#[test]
fn every_format_gives_back_the_same_dataset() {
    for (name, d) in datasets() {
        for format in Format::ALL {
            let back = round_trip(&d, format);
            assert_eq!(back.format, format);
            if format == Format::Csv {
                assert_eq!(back.dataset.actors, d.actors, "{name} via CSV: actors");
                assert_eq!(back.dataset.ties, d.ties, "{name} via CSV: ties");
                assert_eq!(back.dataset.edited, d.edited, "{name} via CSV: edited");
            } else if format == Format::Json {
                assert_eq!(back.dataset, d, "{name} via {format:?}");
            } else {
                // GEXF and GraphML have no place for the story; the export says so.
                let without_story = Dataset {
                    story: None,
                    ..d.clone()
                };
                assert_eq!(back.dataset, without_story, "{name} via {format:?}");
                assert_eq!(
                    entente::export::notices(&d, format).len(),
                    usize::from(d.story.is_some()),
                    "{name} via {format:?}: the notice that the story is left out"
                );
            }
        }
    }
}

/// The minimal dataset as the editor leaves it: its `edited` day and an event added by hand.
fn edited_dataset() -> Dataset {
    let mut d = from_json(
        &std::fs::read_to_string(root().join("tests/fixtures/json/minimal.json")).unwrap(),
    )
    .unwrap();
    d.edited = Some("2026-12-02".parse().unwrap());
    d.ties[0].events[0].added = Some("2026-11-30".parse().unwrap());
    d
}

#[test]
fn the_edited_day_and_the_added_days_survive_every_format() {
    let d = edited_dataset();
    for format in Format::ALL {
        let back = round_trip(&d, format).dataset;
        assert_eq!(back.edited, d.edited, "{format:?}: edited");
        assert_eq!(back.ties, d.ties, "{format:?}: the events' added days");
    }
    // Never edited: no day appears from nowhere.
    let plain = Dataset {
        edited: None,
        ..d.clone()
    };
    for format in Format::ALL {
        assert_eq!(
            round_trip(&plain, format).dataset.edited,
            None,
            "{format:?}"
        );
    }
}

#[test]
fn the_csv_edited_day_is_on_every_row_and_the_latest_is_read() {
    let d = edited_dataset();
    let files = export(&d, Format::Csv).unwrap();
    let mut reader = ::csv::Reader::from_reader(files[0].text.as_bytes());
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "edited")
        .unwrap();
    let cells: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[column].to_string())
        .collect();
    assert!(!cells.is_empty() && cells.iter().all(|c| c == "2026-12-02"));
    // A row from another copy, edited earlier, and a row with the cell left empty: the latest day wins.
    let events = "source,target,date,summary,outlet,edited\n\
        A,B,2021,One.,Dawn,2025-01-05\n\
        B,C,2021,Two.,Dawn,2026-02\n\
        A,C,2021,Three.,Dawn,\n";
    let back = import(
        &[InputFile {
            name: "e.csv",
            text: events,
        }],
        today(),
    )
    .unwrap();
    assert_eq!(back.dataset.edited, Some("2026-02".parse().unwrap()));
}

#[test]
fn a_bad_edited_day_is_refused_at_its_place_in_every_format() {
    let d = edited_dataset();
    for format in [Format::Csv, Format::Gexf, Format::Graphml] {
        let files = export(&d, format).unwrap();
        let text = files[0].text.replace("2026-12-02", "2026-13-45");
        let name = format!("bad.{}", files[0].suffix);
        let err = import(
            &[InputFile {
                name: &name,
                text: &text,
            }],
            today(),
        )
        .unwrap_err();
        assert_eq!(err.file, name, "{format:?}");
        assert_eq!(
            err.error.kind,
            entente::error::ErrorKind::BadDate,
            "{format:?}: {err}"
        );
        assert!(err.error.path.ends_with("edited"), "{format:?}: {err}");
        assert!(
            err.error.message.contains("2026-13-45"),
            "{format:?}: {err}"
        );
        let line = err.error.line.expect("a line");
        let at = text.lines().nth(line - 1).unwrap();
        assert!(
            at.contains("2026-13-45"),
            "{format:?}: line {line} is {at:?}"
        );
    }
}

#[test]
fn reading_back_an_export_assumes_nothing() {
    for (name, d) in datasets() {
        for format in Format::ALL {
            let back = round_trip(&d, format);
            let assumed: Vec<&str> = back
                .notices
                .iter()
                .filter(|n| n.kind != NoticeKind::MergedEdges)
                .map(|n| n.message.as_str())
                .collect();
            assert!(assumed.is_empty(), "{name} via {format:?}: {assumed:?}");
        }
    }
}

#[test]
fn texts_with_markup_quotes_and_line_breaks_survive_every_format() {
    let mut d = from_json(
        &std::fs::read_to_string(root().join("tests/fixtures/json/minimal.json")).unwrap(),
    )
    .unwrap();
    let e = &mut d.ties[0].events[0];
    e.summary = "A \"deal\" <signed> & sealed,\n\tthen; delayed | twice\r\nagain".into();
    e.note = Some("Line one.\nLine two, with a comma; a semicolon.".into());
    e.people = vec![
        "Recep Tayyip Erdoğan".into(),
        "Someone; with a semicolon".into(),
    ];
    d.actors[0].name = "Pakistan, Islamic Republic of".into();
    d.title = "Quotes \" & <angles>".into();
    for format in [Format::Json, Format::Gexf, Format::Graphml] {
        assert_eq!(round_trip(&d, format).dataset, d, "{format:?}");
    }
    let csv = round_trip(&d, Format::Csv).dataset;
    assert_eq!((csv.actors, csv.ties), (d.actors, d.ties), "CSV");
}

#[test]
fn the_csv_export_has_the_documented_columns() {
    let d = &datasets()[0].1;
    let files = export(d, Format::Csv).unwrap();
    let events = files.iter().find(|f| f.suffix == "events.csv").unwrap();
    let actors = files.iter().find(|f| f.suffix == "actors.csv").unwrap();
    assert_eq!(
        events.text.lines().next().unwrap(),
        entente::load::EVENT_COLUMNS.join(",")
    );
    assert_eq!(
        actors.text.lines().next().unwrap(),
        entente::load::ACTOR_COLUMNS.join(",")
    );
    let rows = ::csv::Reader::from_reader(events.text.as_bytes())
        .records()
        .count();
    let sources: usize = d
        .ties
        .iter()
        .flat_map(|t| &t.events)
        .map(|e| e.sources.len())
        .sum();
    assert_eq!(rows, sources, "one row per event and source");
}

/// The io module's export reads the core's JSON without validating it again, so the exporters
/// must write whatever serde reads: unknown actors, no events, no sources, blank texts.
#[test]
fn the_exporters_write_a_dataset_that_breaks_every_rule_without_panicking() {
    let text = r#"{"format":"entente/0","title":" ","actors":[
        {"id":"","name":"","type":"state","lat":999,"lon":-999,"base":"x"},
        {"id":"","name":"twice","type":"armed-group","lat":0,"lon":0,"iso3":"abcd"}],
      "ties":[{"source":"nobody","target":"nobody","events":[]},
        {"source":"","target":"gone","events":[{"date":"2021","kind":"defense",
          "tone":"hostile","summary":"","sources":[]}]}]}"#;
    let dataset = entente::load::parse_json(text).unwrap();
    assert!(entente::load::validate(&dataset).is_err());
    for format in Format::ALL {
        let files = export(&dataset, format).unwrap();
        assert!(!files.is_empty() && files.iter().all(|f| !f.text.is_empty()));
    }
}
