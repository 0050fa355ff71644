//! Loading Entente JSON: the good files load, and every bad one is refused with a located message.

use entente::error::ErrorKind;
use entente::load::{from_json, from_json_lean};
use std::path::Path;

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/json")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn minimal_fixture_loads() {
    let d = from_json(&fixture("minimal.json")).unwrap();
    assert_eq!(d.actors.len(), 3);
    assert_eq!(d.ties.len(), 2);
    assert_eq!(d.ties[0].events[1].figures[0].value, 1.5e9);
    let cited = &d.ties[0].events[0].sources[0];
    assert_eq!(
        cited.url.as_deref(),
        Some("https://www.dawn.com/news/example")
    );
    assert_eq!(cited.title.as_deref(), Some("Helicopter delivery extended"));
    assert_eq!(
        cited.quote.as_deref(),
        Some("The delivery was extended by a year.")
    );
    assert_eq!(d.ties[0].events[1].sources[0].url, None);
}

/// A source's url: http or https with a host, nothing else; each refusal names the field.
#[test]
fn a_source_url_is_http_or_https_and_nothing_else() {
    let base = fixture("minimal.json");
    let with = |url: &str| {
        let mut v: serde_json::Value = serde_json::from_str(&base).unwrap();
        v["ties"][1]["events"][0]["sources"][0]["url"] = url.into();
        from_json(&v.to_string())
    };
    for good in [
        "https://www.dawn.com/news/1612345",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/a?b=c#d",
        "https://xn--e1afmkfd.xn--p1ai/\u{e9}",
    ] {
        assert!(with(good).is_ok(), "{good} is refused: {:?}", with(good));
    }
    for (bad, says) in [
        ("javascript:alert(1)", "is not a web address"),
        ("JavaScript:alert(1)", "is not a web address"),
        (" https://example.org", "is not a web address"),
        (
            "data:text/html,<script>alert(1)</script>",
            "is not a web address",
        ),
        ("file:///etc/passwd", "is not a web address"),
        ("//example.org", "is not a web address"),
        ("www.dawn.com", "is not a web address"),
        ("ftp://example.org", "is not a web address"),
        ("https://", "names no host"),
        ("https:///path", "names no host"),
        ("https://exa mple.org", "(it holds U+0020)"),
        ("https://example.org/\u{7}", "(it holds U+0007)"),
        ("https://example.org/\u{3000}", "(it holds U+3000)"),
    ] {
        let err = with(bad).expect_err(bad);
        assert_eq!(err.kind, ErrorKind::Field, "{bad}");
        assert_eq!(err.path, "ties[1].events[0].sources[0].url", "{bad}");
        assert!(err.message.contains(says), "{bad}: {}", err.message);
    }
    let long = format!("https://example.org/{}", "a".repeat(2048));
    let err = with(&long).unwrap_err();
    assert_eq!(err.kind, ErrorKind::TooLarge);
    assert_eq!(
        err.to_string(),
        "ties[1].events[0].sources[0].url: the text is 2068 characters long; the limit is 2048"
    );
}

#[test]
fn the_shipped_dataset_loads() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/pakistan-2021.json"),
    )
    .unwrap();
    let d = from_json(&text).unwrap_or_else(|e| panic!("data/pakistan-2021.json: {e}"));
    assert!(d.actors.iter().any(|a| a.id == "PAK"));
    assert!(d.ties.len() >= 10, "only {} ties", d.ties.len());
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", fixture("minimal.json"));
    assert!(from_json(&text).is_ok());
}

/// Each bad fixture: the error kind, the record path, a piece of the message, and the line
/// where the reader stopped (for errors found while reading the text).
const BAD: &[(&str, ErrorKind, &str, &str, Option<usize>)] = &[
    (
        "story_unknown_actor.json",
        ErrorKind::UnknownActor,
        "story.steps[1].view.focus",
        "no actor has the id \"IND\"",
        None,
    ),
    (
        "story_unknown_tie.json",
        ErrorKind::UnknownActor,
        "story.steps[0].view.tie",
        "no tie joins \"TUR\" and \"TTP\"",
        None,
    ),
    (
        "story_date_outside.json",
        ErrorKind::OutOfRange,
        "story.steps[1].view.until",
        "2022 is outside the events' dates, 2018-07 to 2021-05-05",
        None,
    ),
    (
        "story_compare_without_since.json",
        ErrorKind::Field,
        "story.steps[1].view.since",
        "the mode compare needs since, its date A",
        None,
    ),
    (
        "story_since_after_until.json",
        ErrorKind::OutOfRange,
        "story.steps[1].view.since",
        "2021-05-05 is after the step's until, 2021-03",
        None,
    ),
    (
        "story_since_in_asof.json",
        ErrorKind::Field,
        "story.steps[1].view.since",
        "a date A belongs to the modes between and compare",
        None,
    ),
    (
        "story_duplicate_step.json",
        ErrorKind::Field,
        "story.steps[1].id",
        "\"one\" is already the id of story.steps[0]",
        None,
    ),
    (
        "story_rests_on_nothing.json",
        ErrorKind::NoEvidence,
        "story.steps[0].passages",
        "a step rests on at least one passage or source",
        None,
    ),
    (
        "story_bad_hops.json",
        ErrorKind::OutOfRange,
        "story.steps[0].view.hops",
        "3 is outside 1..2",
        None,
    ),
    (
        "story_no_steps.json",
        ErrorKind::Empty,
        "story.steps",
        "a story needs at least one step",
        None,
    ),
    (
        "empty.json",
        ErrorKind::Empty,
        "",
        "the file is empty",
        None,
    ),
    (
        "syntax_error.json",
        ErrorKind::Syntax,
        "actors[0]",
        "expected",
        Some(5),
    ),
    (
        "truncated.json",
        ErrorKind::Syntax,
        "actors[0].name",
        "EOF",
        Some(1),
    ),
    (
        "bad_kind.json",
        ErrorKind::Field,
        "ties[0].events[1].kind",
        "\"militry\" is not one of defense, diplomatic, economic, conflict",
        Some(49),
    ),
    (
        "bad_tone.json",
        ErrorKind::Field,
        "ties[1].events[0].tone",
        "\"angry\" is not one of",
        None,
    ),
    (
        "bad_actor_type.json",
        ErrorKind::Field,
        "actors[2].type",
        "\"militia\" is not one of state, organization, armed-group",
        None,
    ),
    (
        "bad_date_shape.json",
        ErrorKind::BadDate,
        "ties[1].events[0].date",
        "expected YYYY, YYYY-MM or YYYY-MM-DD",
        None,
    ),
    (
        "impossible_date.json",
        ErrorKind::BadDate,
        "ties[0].events[0].date",
        "\"2021-02-30\" is not a day in the calendar",
        None,
    ),
    (
        "end_before_date.json",
        ErrorKind::OutOfRange,
        "ties[0].events[1].end",
        "2018-06 is before the event's date 2018-07",
        None,
    ),
    (
        "missing_summary.json",
        ErrorKind::Field,
        "ties[0].events[0]",
        "the required field \"summary\" is missing",
        None,
    ),
    (
        "unknown_field.json",
        ErrorKind::Field,
        "actors[1].capital",
        "unknown field \"capital\"",
        None,
    ),
    (
        "wrong_type.json",
        ErrorKind::Field,
        "actors[0].lat",
        "invalid type: string \"33.69\", expected f64",
        None,
    ),
    (
        "unsupported_format.json",
        ErrorKind::UnsupportedFormat,
        "format",
        "\"entente/9\"",
        None,
    ),
    (
        "empty_name.json",
        ErrorKind::EmptyText,
        "actors[1].name",
        "must not be empty",
        None,
    ),
    (
        "lat_out_of_range.json",
        ErrorKind::OutOfRange,
        "actors[1].lat",
        "139.93 is outside -90..90",
        None,
    ),
    (
        "duplicate_actor.json",
        ErrorKind::DuplicateActor,
        "actors[3].id",
        "\"PAK\" is already the id of actors[0]",
        None,
    ),
    (
        "unknown_actor.json",
        ErrorKind::UnknownActor,
        "ties[1].target",
        "no actor has the id \"PKA\"",
        None,
    ),
    (
        "self_tie.json",
        ErrorKind::SelfTie,
        "ties[1].target",
        "joins \"PAK\" to itself",
        None,
    ),
    (
        "duplicate_tie.json",
        ErrorKind::DuplicateTie,
        "ties[2]",
        "ties[0] already joins \"PAK\" and \"TUR\"",
        None,
    ),
    (
        "no_events.json",
        ErrorKind::NoEvidence,
        "ties[1].events",
        "at least one event",
        None,
    ),
    (
        "no_sources.json",
        ErrorKind::NoEvidence,
        "ties[1].events[0].sources",
        "at least one source",
        None,
    ),
    (
        "bad_iso3.json",
        ErrorKind::Field,
        "actors[0].iso3",
        "\"pk\" is not a three-letter ISO 3166 code",
        None,
    ),
    (
        "no_actors.json",
        ErrorKind::Empty,
        "actors",
        "at least one actor",
        None,
    ),
    (
        "id_with_space.json",
        ErrorKind::Field,
        "actors[1].id",
        "does not begin or end with white space",
        None,
    ),
    (
        "id_with_control.json",
        ErrorKind::Field,
        "actors[0].id",
        "no control characters (it holds U+0007)",
        None,
    ),
    (
        "summary_too_long.json",
        ErrorKind::TooLarge,
        "ties[1].events[0].summary",
        "1008 characters long; the limit is 1000",
        None,
    ),
    (
        "source_url_javascript.json",
        ErrorKind::Field,
        "ties[0].events[0].sources[0].url",
        "\"javascript:alert(document.domain)\" is not a web address: a source's url begins with http:// or https://",
        None,
    ),
    (
        "source_quote_too_long.json",
        ErrorKind::TooLarge,
        "ties[0].events[0].sources[0].quote",
        "1001 characters long; the limit is 1000",
        None,
    ),
    (
        "control_in_text.json",
        ErrorKind::Field,
        "ties[0].events[0].summary",
        "control character U+0000",
        None,
    ),
    (
        "blank_note.json",
        ErrorKind::EmptyText,
        "ties[0].events[0].note",
        "must not be empty",
        None,
    ),
    (
        "duplicate_person.json",
        ErrorKind::Field,
        "ties[1].events[0].people[1]",
        "\"Noor Wali Mehsud\" is already listed",
        None,
    ),
    (
        "iso3_on_armed_group.json",
        ErrorKind::Field,
        "actors[2].iso3",
        "only a state has an ISO 3166 code",
        None,
    ),
    (
        "base_on_state.json",
        ErrorKind::Field,
        "actors[0].base",
        "a state has no base",
        None,
    ),
    (
        "short_too_long.json",
        ErrorKind::TooLarge,
        "actors[2].short",
        "20 characters long; the limit is 16",
        None,
    ),
    (
        "short_on_two_lines.json",
        ErrorKind::Field,
        "actors[1].short",
        "a short name is one line, without tabs",
        None,
    ),
    (
        "year_out_of_range.json",
        ErrorKind::OutOfRange,
        "provenance.year",
        "21 is outside 1000..9999",
        None,
    ),
];

#[test]
fn every_bad_fixture_is_refused_with_its_place_and_reason() {
    for (file, kind, path, message, line) in BAD {
        let err = from_json(&fixture(file)).expect_err(file);
        assert_eq!(err.kind, *kind, "{file}: {err}");
        assert_eq!(err.path, *path, "{file}: {err}");
        assert!(
            err.message.contains(message),
            "{file}: {err:?} lacks {message:?}"
        );
        if let Some(line) = line {
            assert_eq!(err.line, Some(*line), "{file}: {err}");
        }
        let shown = err.to_string();
        assert!(
            shown.contains(path),
            "{file}: the message {shown:?} must name {path:?}"
        );
    }
}

#[test]
fn every_bad_fixture_on_disk_is_in_the_table() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/json");
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name != "minimal.json" && name != "formulas.json" {
            assert!(
                BAD.iter().any(|b| b.0 == name),
                "{name} has no expected error"
            );
        }
    }
}

#[test]
fn the_message_reads_as_place_then_reason() {
    let err = from_json(&fixture("bad_kind.json")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 49, column 27: ties[0].events[1].kind: \"militry\" is not one of defense, diplomatic, economic, conflict"
    );
}

#[test]
fn oversized_input_is_refused_naming_the_limit() {
    let big = " ".repeat(entente::load::MAX_INPUT_BYTES + 1);
    let err = from_json(&big).unwrap_err();
    assert_eq!(err.kind, ErrorKind::TooLarge);
    assert!(err.message.contains("32 MiB"), "{err}");
}

/// The core's lean reader accepts and refuses exactly what the located one does, with the same
/// kind, line, column and reason; only the record path of a field serde refused is left out.
#[test]
fn the_lean_reader_agrees_with_the_located_one_on_every_fixture() {
    let mut texts: Vec<(String, String)> = Vec::new();
    for dir in ["tests/fixtures/json", "tests/fixtures/hostile"] {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(root).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let bytes = std::fs::read(&path).unwrap();
                if let Ok(text) = String::from_utf8(bytes) {
                    texts.push((path.display().to_string(), text));
                }
            }
        }
    }
    texts.push((
        "shipped".into(),
        fixture("../../../data/pakistan-2021.json"),
    ));
    assert!(texts.len() > 30, "{} texts", texts.len());
    let mut refused_by_serde = 0;
    for (name, text) in &texts {
        match (from_json(text), from_json_lean(text)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}"),
            (Err(a), Err(b)) => {
                assert_eq!(
                    (a.kind, a.line, a.column),
                    (b.kind, b.line, b.column),
                    "{name}"
                );
                assert_eq!(a.message, b.message, "{name}");
                if b.path.is_empty() && !a.path.is_empty() {
                    refused_by_serde += 1;
                } else {
                    assert_eq!(a.path, b.path, "{name}");
                }
            }
            (a, b) => panic!("{name}: located {a:?}, lean {b:?}"),
        }
    }
    assert!(
        refused_by_serde > 3,
        "{refused_by_serde} fixtures refused by serde"
    );
}
