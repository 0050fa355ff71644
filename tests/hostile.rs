//! Hostile and broken input: every fixture in `tests/hostile.json` is refused with its located
//! message, the limits name themselves, and a dataset at the limits' scale loads.

use entente::error::ErrorKind;
use entente::layout::{ForceLayout, ForceOptions};
use entente::load::limits::{MAX_ACTORS, MAX_EVENTS, MAX_PER_EVENT, MAX_TIES};
use entente::load::{from_json, from_json_bytes, validate, MAX_INPUT_BYTES};
use entente::model::{Actor, ActorType, Dataset, Event, Kind, Source, Tie, Tone, FORMAT};
use entente::network::{Filter, Network};
use serde::Deserialize;

mod scale;
use std::path::{Path, PathBuf};

/// One row of the catalogue: which fixture, the kind of error, and the whole message shown.
#[derive(Debug, Deserialize)]
struct Case {
    group: String,
    file: String,
    kind: String,
    shows: String,
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

fn catalogue() -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn bytes(file: &str) -> Vec<u8> {
    let path = dir().join(file);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_hostile_fixture_is_refused_with_its_located_message() {
    let cases = catalogue();
    assert!(cases.len() >= 30, "only {} cases", cases.len());
    for case in &cases {
        let err = from_json_bytes(&bytes(&case.file)).expect_err(&case.file);
        assert_eq!(format!("{:?}", err.kind), case.kind, "{}: {err}", case.file);
        assert_eq!(err.to_string(), case.shows, "{}", case.file);
        // Every message names a place, except those about the whole file.
        let whole_file =
            matches!(err.kind, ErrorKind::Empty | ErrorKind::Encoding) && err.line.is_none();
        assert!(
            whole_file || err.line.is_some() || !err.path.is_empty(),
            "{}: {err} names no place",
            case.file
        );
    }
}

#[test]
fn the_catalogue_covers_every_group_of_bad_input() {
    let cases = catalogue();
    for group in [
        "syntax",
        "type",
        "unknown",
        "reference",
        "duplicate",
        "date",
        "encoding",
        "empty",
        "number",
        "nesting",
        "limit",
    ] {
        assert!(cases.iter().any(|c| c.group == group), "no {group} case");
    }
}

#[test]
fn every_fixture_on_disk_is_in_the_catalogue() {
    let cases = catalogue();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name != "utf8_bom.json" && name != "xss.json" && name != "odd_ids.json" {
            assert!(
                cases.iter().any(|c| c.file == name),
                "{name} is not in tests/hostile.json"
            );
        }
    }
}

#[test]
fn text_that_is_utf8_reads_the_same_from_bytes_and_from_text() {
    for case in catalogue().iter().filter(|c| c.kind != "Encoding") {
        let raw = bytes(&case.file);
        if let Ok(text) = std::str::from_utf8(&raw) {
            let from_text = from_json(text).expect_err(&case.file);
            assert_eq!(
                from_text,
                from_json_bytes(&raw).unwrap_err(),
                "{}",
                case.file
            );
        }
    }
}

#[test]
fn a_utf8_byte_order_mark_is_skipped() {
    let with_bom = from_json_bytes(&bytes("utf8_bom.json")).unwrap();
    let plain = std::fs::read(dir().join("../json/minimal.json")).unwrap();
    assert_eq!(with_bom, from_json_bytes(&plain).unwrap());
}

#[test]
fn the_byte_offset_counts_a_skipped_byte_order_mark() {
    let err = from_json_bytes(b"\xEF\xBB\xBF{\"title\": \"\xFF\"}").unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1, column 12: the file is not UTF-8 (byte 0xFF at offset 14); save it as UTF-8"
    );
}

#[test]
fn oversized_bytes_are_refused_before_reading_them() {
    let big = vec![b' '; MAX_INPUT_BYTES + 1];
    let err = from_json_bytes(&big).unwrap_err();
    assert_eq!(err.kind, ErrorKind::TooLarge);
    assert!(
        err.message.contains("the limit is 33554432 bytes (32 MiB)"),
        "{err}"
    );
}

fn actor(i: usize) -> Actor {
    Actor {
        id: format!("A{i}"),
        name: format!("Actor {i}"),
        short: None,
        actor_type: ActorType::State,
        iso3: None,
        lat: 0.0,
        lon: 0.0,
        base: None,
    }
}

fn event() -> Event {
    Event {
        date: "2021-01-01".parse().unwrap(),
        end: None,
        kind: Kind::Defense,
        tone: Tone::Cooperative,
        summary: "s".into(),
        figures: Vec::new(),
        people: Vec::new(),
        sources: vec![Source::new("o", "2021".parse().unwrap())],
        note: None,
        assessment: false,
    }
}

fn dataset(actors: usize, ties: Vec<Tie>) -> Dataset {
    Dataset {
        format: FORMAT.into(),
        title: "limits".into(),
        description: None,
        provenance: None,
        actors: (0..actors).map(actor).collect(),
        ties,
        story: None,
    }
}

fn tie(s: usize, t: usize, events: Vec<Event>) -> Tie {
    Tie {
        source: format!("A{s}"),
        target: format!("A{t}"),
        events,
    }
}

#[test]
fn each_count_limit_is_named_when_crossed() {
    let err = validate(&dataset(MAX_ACTORS + 1, Vec::new())).unwrap_err();
    assert_eq!(
        (err.kind, err.path.as_str()),
        (ErrorKind::TooLarge, "actors")
    );
    assert_eq!(
        err.message,
        format!(
            "there are {} actors; the limit is {MAX_ACTORS} actors",
            MAX_ACTORS + 1
        )
    );

    let ties = (0..=MAX_TIES).map(|_| tie(0, 1, vec![event()])).collect();
    let err = validate(&dataset(2, ties)).unwrap_err();
    assert_eq!(err.path, "ties");
    assert!(
        err.message
            .ends_with(&format!("the limit is {MAX_TIES} ties")),
        "{err}"
    );

    let err = validate(&dataset(2, vec![tie(0, 1, vec![event(); MAX_EVENTS + 1])])).unwrap_err();
    assert!(
        err.message
            .ends_with(&format!("the limit is {MAX_EVENTS} events in all")),
        "{err}"
    );

    let mut crowded = event();
    crowded.people = vec!["p".into(); MAX_PER_EVENT + 1];
    let err = validate(&dataset(2, vec![tie(0, 1, vec![event(), crowded])])).unwrap_err();
    assert_eq!(err.path, "ties[0].events[1].people");
    assert!(
        err.message
            .ends_with(&format!("the limit is {MAX_PER_EVENT} people")),
        "{err}"
    );
}

#[test]
fn the_limits_themselves_are_accepted() {
    let mut full = event();
    full.sources = vec![full.sources[0].clone(); MAX_PER_EVENT];
    full.people = (0..MAX_PER_EVENT).map(|i| format!("p{i}")).collect();
    validate(&dataset(MAX_ACTORS, vec![tie(0, 1, vec![full])])).unwrap();
}

/// 50,000 actors, 100,000 ties and 200,000 events as JSON text (about 31 MB): loading,
/// indexing, filtering, the tooltip view of every actor and a layout tick all finish. Nothing
/// here is timed; an algorithm quadratic in the input would not finish in any sensible time.
#[test]
fn a_dataset_at_the_limits_scale_loads_filters_and_lays_out() {
    let text = scale::json(50_000, 100_000, 2);
    assert!(text.len() < MAX_INPUT_BYTES, "{} bytes", text.len());
    let network = Network::new(from_json(&text).unwrap()).unwrap();
    assert_eq!(
        (network.actor_count(), network.tie_count()),
        (50_000, 100_000)
    );
    let filter = Filter {
        until: Some("2021-06".parse().unwrap()),
        ..Filter::default()
    };
    let visible = network.visible(&filter);
    assert_eq!(visible.ties.len(), 100_000);
    let listed: usize = (0..50_000)
        .map(|a| network.tie_views(a, &filter).len())
        .sum();
    assert_eq!(listed, 2 * 100_000, "each tie is listed from both ends");
    let mut layout = ForceLayout::new(
        network.actor_count(),
        &network.edge_list(),
        None,
        ForceOptions::default(),
    )
    .unwrap();
    layout.step(1);
    assert!(layout.positions().iter().all(|v| v.is_finite()));
}

#[test]
fn markup_and_odd_ids_are_data_like_any_other() {
    let xss = from_json_bytes(&bytes("xss.json")).unwrap();
    assert!(xss.title.starts_with("<img src=x onerror="));
    assert_eq!(xss.actors[1].id, xss.actors[1].name);
    let odd = from_json_bytes(&bytes("odd_ids.json")).unwrap();
    let net = Network::new(odd).unwrap();
    assert_eq!(net.find("__proto__"), Some(0));
    assert_eq!(net.ties_of(0).len(), 3);
}
