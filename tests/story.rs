//! The story in the format: the shipped one follows the article with the evidence on its ties,
//! and exports keep it (JSON) or say they leave it out (CSV, GEXF, GraphML).

use entente::export::{export, notices};
use entente::load::{from_json, Format};
use entente::story::Layout;

fn pakistan() -> entente::model::Dataset {
    from_json(include_str!("../data/pakistan-2021.json")).unwrap()
}

#[test]
fn the_shipped_story_has_eight_to_twelve_steps_each_resting_on_cited_reports() {
    let d = pakistan();
    let story = d.story.as_ref().expect("the shipped dataset has a story");
    assert!(
        (8..=12).contains(&story.steps.len()),
        "{} steps",
        story.steps.len()
    );
    let cited: Vec<_> = d
        .ties
        .iter()
        .flat_map(|t| &t.events)
        .flat_map(|e| &e.sources)
        .collect();
    for step in &story.steps {
        assert!(!step.passages.is_empty(), "{}: no passage", step.id);
        assert!(!step.sources.is_empty(), "{}: no source", step.id);
        for s in &step.sources {
            assert!(
                cited.contains(&s),
                "{}: {} {} is cited by no event",
                step.id,
                s.outlet,
                s.date
            );
        }
    }
    let layouts: Vec<_> = story
        .steps
        .iter()
        .filter_map(|s| s.view.as_ref()?.layout)
        .collect();
    for layout in [Layout::Force, Layout::Radial, Layout::Map] {
        assert!(layouts.contains(&layout), "no step shows {layout:?}");
    }
}

#[test]
fn json_keeps_the_story_and_the_other_formats_say_they_leave_it_out() {
    let d = pakistan();
    let json = export(&d, Format::Json).unwrap();
    assert_eq!(from_json(&json[0].text).unwrap().story, d.story);
    assert!(notices(&d, Format::Json).is_empty());
    for format in [Format::Csv, Format::Gexf, Format::Graphml] {
        let said = notices(&d, format);
        assert_eq!(said.len(), 1, "{format:?}");
        assert_eq!(said[0].count, 11);
        assert!(
            said[0].message.contains("is left out")
                && said[0].message.contains(&format.as_str().to_uppercase()),
            "{}",
            said[0].message
        );
    }
    let without = entente::model::Dataset { story: None, ..d };
    assert!(notices(&without, Format::Gexf).is_empty());
}

#[test]
fn a_dataset_without_a_story_still_loads() {
    let text = std::fs::read_to_string("tests/fixtures/json/minimal.json").unwrap();
    assert_eq!(from_json(&text).unwrap().story, None);
}

#[test]
fn assessments_are_marked_and_the_rest_are_events() {
    let d = pakistan();
    let marked: Vec<String> = d
        .ties
        .iter()
        .flat_map(|t| t.events.iter().map(move |e| (t, e)))
        .filter(|(_, e)| e.assessment)
        .map(|(t, e)| format!("{}-{} {}", t.source, t.target, e.date))
        .collect();
    assert_eq!(
        marked,
        [
            "PAK-TTP 2020-07-26",
            "PAK-ISK 2020-07-26",
            "PAK-RUS 2021",
            "USA-AFG 2021"
        ]
    );
}

#[test]
fn the_csv_assessment_column_reads_true_or_false_and_refuses_anything_else() {
    use entente::load::{import, InputFile};
    let today = "2026-01-01".parse().unwrap();
    let read = |cell: &str| {
        let text =
            format!("source,target,date,summary,outlet,assessment\nA,B,2021,A risk.,Dawn,{cell}\n");
        import(
            &[InputFile {
                name: "e.csv",
                text: &text,
            }],
            today,
        )
    };
    for (cell, marked) in [
        ("true", true),
        ("TRUE", true),
        ("", false),
        ("false", false),
    ] {
        let d = read(cell).unwrap().dataset;
        assert_eq!(d.ties[0].events[0].assessment, marked, "{cell:?}");
    }
    let err = read("maybe").unwrap_err().to_string();
    assert!(
        err.contains("e.csv: line 2, column 6: assessment: \"maybe\" is not true or false"),
        "{err}"
    );
}

/// The shipped dataset with `view` as the view of its step 2 (`story.steps[2]`).
fn with_view(
    view: serde_json::Value,
) -> Result<entente::model::Dataset, entente::error::LoadError> {
    let mut d: serde_json::Value =
        serde_json::from_str(include_str!("../data/pakistan-2021.json")).unwrap();
    d["story"]["steps"][2]["view"] = view;
    from_json(&d.to_string())
}

#[test]
fn a_step_may_hold_a_comparison_or_a_window_and_json_keeps_it() {
    use entente::story::TimeMode;
    for (mode, want) in [
        ("compare", TimeMode::Compare),
        ("between", TimeMode::Between),
    ] {
        let d = with_view(serde_json::json!({"mode": mode, "since": "2011", "until": "2021-04"}))
            .unwrap_or_else(|e| panic!("{mode}: {e}"));
        let view = d.story.as_ref().unwrap().steps[2].view.clone().unwrap();
        assert_eq!(view.mode, Some(want));
        assert_eq!(view.since.map(|s| s.to_string()).as_deref(), Some("2011"));
        let json = export(&d, Format::Json).unwrap();
        assert_eq!(from_json(&json[0].text).unwrap().story, d.story, "{mode}");
    }
    // The same date for A and B, and "asof" named outright, are accepted.
    assert!(
        with_view(serde_json::json!({"mode": "between", "since": "2020", "until": "2020"})).is_ok()
    );
    assert!(with_view(serde_json::json!({"mode": "asof", "until": "2020"})).is_ok());
}

#[test]
fn a_steps_time_mode_is_refused_without_its_dates_or_with_dates_out_of_place() {
    use entente::error::ErrorKind;
    let cases = [
        (
            serde_json::json!({"mode": "compare", "until": "2021"}),
            ErrorKind::Field,
            "story.steps[2].view.since",
            "the mode compare needs since, its date A",
        ),
        (
            serde_json::json!({"mode": "between", "since": "2011"}),
            ErrorKind::Field,
            "story.steps[2].view.until",
            "the mode between needs until, its date B",
        ),
        (
            serde_json::json!({"since": "2011", "until": "2021"}),
            ErrorKind::Field,
            "story.steps[2].view.since",
            "a date A belongs to the modes between and compare; this step's mode is asof",
        ),
        (
            serde_json::json!({"mode": "asof", "since": "2011"}),
            ErrorKind::Field,
            "story.steps[2].view.since",
            "this step's mode is asof",
        ),
        (
            serde_json::json!({"mode": "compare", "since": "2021-05", "until": "2020-12-31"}),
            ErrorKind::OutOfRange,
            "story.steps[2].view.since",
            "2021-05 is after the step's until, 2020-12-31",
        ),
        (
            serde_json::json!({"mode": "compare", "since": "2010-06", "until": "2021"}),
            ErrorKind::OutOfRange,
            "story.steps[2].view.since",
            "2010-06 is outside the events' dates, 2011 to 2021-07-01",
        ),
        (
            serde_json::json!({"mode": "compare", "since": "2011", "until": "2022"}),
            ErrorKind::OutOfRange,
            "story.steps[2].view.until",
            "2022 is outside the events' dates",
        ),
        (
            serde_json::json!({"mode": "window", "since": "2011", "until": "2021"}),
            ErrorKind::Field,
            "story.steps[2].view.mode",
            "\"window\" is not one of asof, between, compare",
        ),
    ];
    for (view, kind, path, message) in cases {
        let err = with_view(view.clone()).expect_err(&view.to_string());
        assert_eq!(err.kind, kind, "{view}: {err}");
        assert!(err.path.starts_with(path), "{view}: {err}");
        assert!(err.message.contains(message), "{view}: {err}");
    }
}

#[test]
fn the_lasting_fixtures_story_holds_a_window_and_a_comparison() {
    use entente::story::TimeMode;
    // The fixture the end-to-end tests step through (tests/e2e/story-compare.test.mjs).
    let d = from_json(include_str!("fixtures/lasting/story.json")).unwrap();
    let steps = &d.story.as_ref().unwrap().steps;
    let modes: Vec<_> = steps
        .iter()
        .map(|s| s.view.as_ref().and_then(|v| v.mode))
        .collect();
    assert_eq!(
        modes,
        [Some(TimeMode::Between), Some(TimeMode::Compare), None]
    );
}
