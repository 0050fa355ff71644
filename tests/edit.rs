//! Editing: every op and its undo, refused edits changing nothing, and any sequence of edits
//! undone giving back the JSON export bit for bit.
#![cfg(not(target_arch = "wasm32"))]

use entente::date::Date;
use entente::edit::{Change, CorePatch, Editor, Op, MAX_HISTORY};
use entente::error::ErrorKind;
use entente::load::from_json;
use entente::model::{Actor, ActorType, Dataset, Event, Kind, Source, Tone};
use entente::network::Network;
use proptest::prelude::*;
use std::path::Path;

fn read(path: &str) -> Dataset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn minimal() -> Dataset {
    read("tests/fixtures/json/minimal.json")
}

fn json(d: &Dataset) -> String {
    serde_json::to_string_pretty(d).unwrap()
}

fn today() -> Date {
    "2026-12-02".parse().unwrap()
}

fn actor(id: &str, name: &str) -> Actor {
    Actor {
        id: id.into(),
        name: name.into(),
        short: None,
        actor_type: ActorType::State,
        iso3: Some(id.into()),
        lat: 24.7,
        lon: 46.7,
        base: None,
    }
}

fn event(date: &str, summary: &str) -> Event {
    Event {
        date: date.parse().unwrap(),
        end: None,
        kind: Kind::Economic,
        tone: Tone::Cooperative,
        summary: summary.into(),
        figures: Vec::new(),
        people: Vec::new(),
        sources: vec![Source {
            url: Some("https://www.dawn.com/news/1".into()),
            ..Source::new("Dawn", date.parse().unwrap())
        }],
        note: None,
        assessment: false,
        added: None,
    }
}

/// Applies `op`, checks the dataset changed, undoes it (the JSON export as before, bit for bit)
/// and redoes it (as after). Returns the dataset after the op and the step's name.
fn round_trip(d: Dataset, op: Op) -> (Dataset, String) {
    let before = json(&d);
    let mut e = Editor::new(d);
    let outcome = e
        .apply(op, today())
        .unwrap_or_else(|err| panic!("{}", err.error));
    let after = json(e.dataset());
    assert_ne!(after, before, "{} changed nothing", outcome.name);
    assert_eq!(e.undo().unwrap().as_deref(), Some(outcome.name.as_str()));
    assert_eq!(json(e.dataset()), before, "undo of {}", outcome.name);
    assert_eq!(e.redo().unwrap().as_deref(), Some(outcome.name.as_str()));
    assert_eq!(json(e.dataset()), after, "redo of {}", outcome.name);
    assert_eq!(e.dataset().edited, Some(today()));
    (e.dataset().clone(), outcome.name)
}

#[test]
fn adding_an_actor_and_undoing_it() {
    let (d, name) = round_trip(
        minimal(),
        Op::AddActor {
            actor: actor("SAU", "Saudi Arabia"),
        },
    );
    assert_eq!(name, "added actor Saudi Arabia (SAU)");
    assert_eq!(d.actors[3].id, "SAU");
}

#[test]
fn updating_an_actor_keeps_its_id_and_ties() {
    let mut renamed = minimal().actors[1].clone();
    renamed.name = "Türkiye".into();
    renamed.lat = 39.9;
    let (d, name) = round_trip(
        minimal(),
        Op::UpdateActor {
            id: "TUR".into(),
            actor: renamed,
        },
    );
    assert_eq!(name, "renamed Turkey to Türkiye");
    assert_eq!(
        (d.actors[1].name.as_str(), d.actors[1].lat),
        ("Türkiye", 39.9)
    );
    assert_eq!(d.ties.len(), 2);
}

#[test]
fn removing_an_actor_removes_its_ties() {
    let (d, name) = round_trip(minimal(), Op::RemoveActor { id: "TTP".into() });
    assert_eq!(
        name,
        "deleted actor Tehreek-e-Taliban Pakistan (TTP) and its 1 tie"
    );
    assert_eq!(d.actors.len(), 2);
    assert_eq!(d.ties.len(), 1);
}

#[test]
fn adding_an_event_makes_a_tie_and_stamps_it_as_added_by_hand() {
    let (d, name) = round_trip(
        minimal(),
        Op::AddEvent {
            source: "TUR".into(),
            target: "TTP".into(),
            event: event("2021-06", "Talks."),
        },
    );
    assert_eq!(name, "added event TUR–TTP 2021-06");
    assert_eq!(d.ties.len(), 3);
    assert_eq!(d.ties[2].events[0].added, Some(today()));
    assert_eq!(d.edited, Some(today()));
    // On a tie that exists, in either order, the event goes at its end.
    let (d, _) = round_trip(
        minimal(),
        Op::AddEvent {
            source: "TUR".into(),
            target: "PAK".into(),
            event: event("2021-06", "Loan."),
        },
    );
    assert_eq!(d.ties.len(), 2);
    assert_eq!(d.ties[0].events[2].summary, "Loan.");
}

#[test]
fn updating_and_removing_events() {
    let (d, name) = round_trip(
        minimal(),
        Op::UpdateEvent {
            source: "PAK".into(),
            target: "TUR".into(),
            index: 1,
            event: event("2018-07", "Helicopter deal signed, in full."),
        },
    );
    assert_eq!(name, "edited event PAK–TUR 2018-07");
    assert_eq!(
        d.ties[0].events[1].summary,
        "Helicopter deal signed, in full."
    );
    let (d, name) = round_trip(
        minimal(),
        Op::RemoveEvent {
            source: "TUR".into(),
            target: "PAK".into(),
            index: 0,
        },
    );
    assert_eq!(name, "deleted event TUR–PAK 2021-03");
    assert_eq!(d.ties[0].events.len(), 1);
    // A tie exists while it has events: removing the last one removes the tie.
    let (d, _) = round_trip(
        minimal(),
        Op::RemoveEvent {
            source: "PAK".into(),
            target: "TTP".into(),
            index: 0,
        },
    );
    assert_eq!(d.ties.len(), 1);
}

#[test]
fn merging_actors_combines_their_ties() {
    let mut d = minimal();
    let mut e = Editor::new(d.clone());
    e.apply(
        Op::AddActor {
            actor: actor("SAU", "Saudi Arabia"),
        },
        today(),
    )
    .unwrap();
    for (a, b) in [("SAU", "PAK"), ("SAU", "TTP")] {
        e.apply(
            Op::AddEvent {
                source: a.into(),
                target: b.into(),
                event: event("2021-05", "Loan."),
            },
            today(),
        )
        .unwrap();
    }
    d.clone_from(e.dataset());
    // SAU into TUR: SAU–PAK joins PAK–TUR (3 events), SAU–TTP becomes TUR–TTP.
    let (merged, name) = round_trip(
        d,
        Op::MergeActors {
            keep: "TUR".into(),
            merge: "SAU".into(),
        },
    );
    assert_eq!(name, "merged Saudi Arabia (SAU) into Turkey (TUR)");
    assert!(merged.actors.iter().all(|a| a.id != "SAU"));
    assert_eq!(merged.ties.len(), 3);
    assert_eq!(merged.ties[0].events.len(), 3);
    assert_eq!(merged.ties[0].events[2].summary, "Loan.");
    assert!(merged
        .ties
        .iter()
        .any(|t| t.source == "TUR" && t.target == "TTP"));
    // The tie between the two merged actors goes (it would join an actor to itself).
    let (merged, _) = round_trip(
        minimal(),
        Op::MergeActors {
            keep: "PAK".into(),
            merge: "TUR".into(),
        },
    );
    assert_eq!(merged.ties.len(), 1);
}

/// Each refused edit: the error's kind, path, field and message, and nothing changed.
#[test]
fn refused_edits_change_nothing_and_say_where() {
    let mut armed = actor("ISK", "IS-K");
    armed.actor_type = ActorType::ArmedGroup;
    let mut far = actor("SAU", "Saudi Arabia");
    far.lat = 91.0;
    let mut blank = actor("SAU", " ");
    blank.iso3 = None;
    let mut ended = event("2021-06", "Talks.");
    ended.end = Some("2021-05".parse().unwrap());
    let mut uncited = event("2021-06", "Talks.");
    uncited.sources.clear();
    let mut script = event("2021-06", "Talks.");
    script.sources[0].url = Some("javascript:alert(1)".into());
    let mut renamed = minimal().actors[0].clone();
    renamed.id = "PK".into();
    let add = |s: &str, t: &str, e: &Event| Op::AddEvent {
        source: s.into(),
        target: t.into(),
        event: e.clone(),
    };
    let cases: Vec<(Op, ErrorKind, &str, Option<&str>, &str)> = vec![
        (
            Op::AddActor { actor: far },
            ErrorKind::OutOfRange,
            "actors[3].lat",
            Some("lat"),
            "91 is outside -90..90",
        ),
        (
            Op::AddActor { actor: blank },
            ErrorKind::EmptyText,
            "actors[3].name",
            Some("name"),
            "must not be empty",
        ),
        (
            Op::AddActor { actor: armed },
            ErrorKind::Field,
            "actors[3].iso3",
            Some("iso3"),
            "only a state has an ISO 3166 code",
        ),
        (
            Op::AddActor {
                actor: actor("PAK", "Again"),
            },
            ErrorKind::DuplicateActor,
            "actors[3].id",
            Some("id"),
            "\"PAK\" is already the id of actors[0]",
        ),
        (
            Op::UpdateActor {
                id: "PAK".into(),
                actor: renamed,
            },
            ErrorKind::Field,
            "actors[0].id",
            Some("id"),
            "an actor's id stays \"PAK\"",
        ),
        (
            Op::UpdateActor {
                id: "XXX".into(),
                actor: actor("XXX", "X"),
            },
            ErrorKind::UnknownActor,
            "id",
            Some("id"),
            "no actor has the id \"XXX\"",
        ),
        (
            add("PAK", "SAU", &event("2021", "x")),
            ErrorKind::UnknownActor,
            "ties[2].target",
            Some("target"),
            "no actor has the id \"SAU\"",
        ),
        (
            add("PAK", "PAK", &event("2021", "x")),
            ErrorKind::SelfTie,
            "ties[2].target",
            Some("target"),
            "joins \"PAK\" to itself",
        ),
        (
            add("PAK", "TUR", &ended),
            ErrorKind::OutOfRange,
            "ties[0].events[2].end",
            Some("end"),
            "2021-05 is before the event's date 2021-06",
        ),
        (
            add("PAK", "TUR", &uncited),
            ErrorKind::NoEvidence,
            "ties[0].events[2].sources",
            Some("sources"),
            "an event needs at least one source",
        ),
        (
            add("PAK", "TUR", &script),
            ErrorKind::Field,
            "ties[0].events[2].sources[0].url",
            Some("sources[0].url"),
            "\"javascript:alert(1)\" is not a web address",
        ),
        (
            Op::RemoveEvent {
                source: "PAK".into(),
                target: "TUR".into(),
                index: 2,
            },
            ErrorKind::Field,
            "index",
            Some("index"),
            "has 2 events; there is no event 2",
        ),
        (
            Op::RemoveEvent {
                source: "TUR".into(),
                target: "TTP".into(),
                index: 0,
            },
            ErrorKind::UnknownActor,
            "target",
            Some("target"),
            "no tie joins \"TUR\" and \"TTP\"",
        ),
        (
            Op::MergeActors {
                keep: "PAK".into(),
                merge: "PAK".into(),
            },
            ErrorKind::SelfTie,
            "merge",
            Some("merge"),
            "cannot be merged into itself",
        ),
        (
            Op::RemoveActor { id: "XXX".into() },
            ErrorKind::UnknownActor,
            "id",
            Some("id"),
            "no actor has the id \"XXX\"",
        ),
    ];
    let mut e = Editor::new(minimal());
    let before = json(e.dataset());
    for (op, kind, path, field, says) in cases {
        let name = format!("{op:?}");
        let err = e.apply(op, today()).expect_err(&name);
        assert_eq!(err.error.kind, kind, "{name}: {}", err.error);
        assert_eq!(err.error.path, path, "{name}");
        assert_eq!(err.field.as_deref(), field, "{name}");
        assert!(
            err.error.message.contains(says),
            "{name}: {}",
            err.error.message
        );
        assert_eq!(json(e.dataset()), before, "{name} changed the dataset");
        assert_eq!(e.steps().0.len(), 0, "{name} made a step");
    }
}

#[test]
fn the_shipped_story_keeps_its_actors() {
    let d = read("data/pakistan-2021.json");
    let before = json(&d);
    let mut e = Editor::new(d);
    let err = e
        .apply(Op::RemoveActor { id: "TUR".into() }, today())
        .unwrap_err();
    assert!(err.error.path.starts_with("story.steps["), "{}", err.error);
    assert_eq!(json(e.dataset()), before);
}

#[test]
fn an_op_in_json_is_refused_at_its_field_with_a_files_words() {
    let op = r#"{"op": "addEvent", "source": "PAK", "target": "TUR", "event": {"date": "2021-13",
        "kind": "economic", "tone": "cooperative", "summary": "x",
        "sources": [{"outlet": "Dawn", "date": "2021"}]}}"#;
    let err = Op::from_json(op).unwrap_err();
    assert_eq!(err.kind, ErrorKind::BadDate);
    assert_eq!(err.path, "event.date");
    // The same words as a file with that date.
    let file = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/json/minimal.json"),
    )
    .unwrap()
    .replacen("\"2018-07\"", "\"2021-13\"", 1);
    assert_eq!(from_json(&file).unwrap_err().message, err.message);
    assert!(Op::from_json(&op.replace("2021-13", "2021-12")).is_ok());
}

#[test]
fn the_history_keeps_its_last_steps_by_name() {
    let mut e = Editor::new(minimal());
    for k in 0..MAX_HISTORY + 10 {
        let mut a = minimal().actors[1].clone();
        a.lat = k as f64 / 100.0;
        e.apply(
            Op::UpdateActor {
                id: "TUR".into(),
                actor: a,
            },
            today(),
        )
        .unwrap();
    }
    assert_eq!(e.steps().0.len(), MAX_HISTORY);
    assert_eq!(e.steps().0[0].name, "edited actor Turkey (TUR)");
    // A step holds what it changed, not a copy of the dataset.
    assert!(e.steps().0.iter().all(|s| s.changes.len() == 2));
    assert!(matches!(
        e.steps().0[0].changes[0],
        Change::ReplaceActor { at: 1, .. }
    ));
}

#[test]
fn a_damaged_history_is_refused_and_changes_nothing() {
    let mut e = Editor::new(minimal());
    e.apply(Op::RemoveActor { id: "TTP".into() }, today())
        .unwrap();
    let (undo, redo) = e.steps();
    let mut undo = undo.to_vec();
    undo[0].changes.push(Change::RemoveTie { at: 99 });
    let mut e = Editor::with_history(e.dataset().clone(), undo, redo.to_vec());
    let before = json(e.dataset());
    let err = e.undo().unwrap_err();
    assert_eq!(err.path, "ties[99]");
    assert_eq!(json(e.dataset()), before);
    assert_eq!(e.steps().0.len(), 1);
}

/// An edit chosen by numbers, read against the dataset as it is when it is applied.
#[derive(Debug, Clone)]
enum Pick {
    AddActor(u16, bool),
    UpdateActor(usize, i16),
    RemoveActor(usize),
    Merge(usize, usize),
    AddEvent(usize, usize, u8, bool),
    UpdateEvent(usize, usize, u8),
    RemoveEvent(usize, usize),
}

fn pick() -> impl Strategy<Value = Pick> {
    prop_oneof![
        (any::<u16>(), any::<bool>()).prop_map(|(n, ok)| Pick::AddActor(n, ok)),
        (any::<usize>(), any::<i16>()).prop_map(|(a, lat)| Pick::UpdateActor(a, lat)),
        any::<usize>().prop_map(Pick::RemoveActor),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Pick::Merge(a, b)),
        (any::<usize>(), any::<usize>(), 1u8..=13, any::<bool>())
            .prop_map(|(a, b, m, url)| Pick::AddEvent(a, b, m, url)),
        (any::<usize>(), any::<usize>(), 1u8..=12).prop_map(|(t, e, m)| Pick::UpdateEvent(t, e, m)),
        (any::<usize>(), any::<usize>()).prop_map(|(t, e)| Pick::RemoveEvent(t, e)),
    ]
}

fn op_of(d: &Dataset, p: &Pick) -> Op {
    let id = |k: usize| d.actors[k % d.actors.len()].id.clone();
    let tie = |t: usize| &d.ties[t % d.ties.len().max(1)];
    let mut e = event("2021-06", "Edited by the property test.");
    match *p {
        Pick::AddActor(n, ok) => Op::AddActor {
            actor: Actor {
                lat: if ok { 10.0 } else { 100.0 },
                ..actor(&format!("N{n}"), &format!("New {n}"))
            },
        },
        Pick::UpdateActor(a, lat) => {
            let mut next = d.actors[a % d.actors.len()].clone();
            next.lat = f64::from(lat) / 300.0;
            Op::UpdateActor {
                id: next.id.clone(),
                actor: next,
            }
        }
        Pick::RemoveActor(a) => Op::RemoveActor { id: id(a) },
        Pick::Merge(a, b) => Op::MergeActors {
            keep: id(a),
            merge: id(b),
        },
        Pick::AddEvent(a, b, m, url) => {
            // Month 13 cannot be made: the end before the date is the refused edit instead.
            if m == 13 {
                e.end = Some("2020".parse().unwrap());
            } else {
                e.date = Date::ymd(2021, m, 1).unwrap();
            }
            if !url {
                e.sources[0].url = Some("data:text/html,x".into());
            }
            Op::AddEvent {
                source: id(a),
                target: id(b),
                event: e,
            }
        }
        Pick::UpdateEvent(t, j, m) if !d.ties.is_empty() => {
            let t = tie(t);
            e.date = Date::ymd(2020, m, 2).unwrap();
            Op::UpdateEvent {
                source: t.source.clone(),
                target: t.target.clone(),
                index: j % (t.events.len() + 1),
                event: e,
            }
        }
        Pick::RemoveEvent(t, j) if !d.ties.is_empty() => {
            let t = tie(t);
            Op::RemoveEvent {
                source: t.target.clone(),
                target: t.source.clone(),
                index: j % (t.events.len() + 1),
            }
        }
        _ => Op::RemoveActor {
            id: "no such actor".into(),
        },
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any sequence of edits, then as many undos as were accepted: the JSON export is the
    /// original's, bit for bit; as many redos give the edited one; a refused edit changes nothing.
    #[test]
    fn any_edits_undone_give_back_the_original(
        shipped in any::<bool>(),
        picks in prop::collection::vec(pick(), 1..24),
    ) {
        let d = if shipped { read("data/pakistan-2021.json") } else { minimal() };
        let original = json(&d);
        let mut e = Editor::new(d);
        let mut accepted = 0;
        for p in &picks {
            let before = json(e.dataset());
            let op = op_of(e.dataset(), p);
            match e.apply(op, today()) {
                Ok(_) => accepted += 1,
                Err(_) => prop_assert_eq!(json(e.dataset()), before, "refused {:?}", p),
            }
        }
        let edited = json(e.dataset());
        for _ in 0..accepted {
            prop_assert!(e.undo().unwrap().is_some());
        }
        prop_assert_eq!(e.undo().unwrap(), None);
        prop_assert_eq!(json(e.dataset()), original);
        for _ in 0..accepted {
            prop_assert!(e.redo().unwrap().is_some());
        }
        prop_assert_eq!(json(e.dataset()), edited.clone());
        // What the editor makes loads again as the same dataset.
        prop_assert_eq!(json(&from_json(&edited).unwrap()), edited);
    }

    /// The page's core, its events in date order, follows every edit, undo and redo by the
    /// editor's patch alone, sent in the wire form the page sends (`corePatch` → `applyPatch`):
    /// it holds what reading the editor's whole dataset again gives.
    #[test]
    fn the_cores_copy_follows_by_patches(
        shipped in any::<bool>(),
        picks in prop::collection::vec((pick(), 0u8..4), 1..16),
    ) {
        let d = if shipped { read("data/pakistan-2021.json") } else { minimal() };
        let mut core = Network::from_json(&json(&d)).unwrap();
        let mut e = Editor::new(d);
        for (p, then) in &picks {
            let op = op_of(e.dataset(), p);
            let moved = match then {
                0 => e.undo().unwrap().is_some(),
                1 => e.redo().unwrap().is_some(),
                _ => e.apply(op, today()).is_ok(),
            };
            if moved {
                let wire = serde_json::to_string(&CorePatch::new(e.patch())).unwrap();
                let wire: CorePatch = serde_json::from_str(&wire).unwrap();
                let patch = wire.into_changes().unwrap();
                prop_assert_eq!(&patch[..], e.patch());
                core.apply_patch(patch).unwrap();
            }
            let whole = Network::from_json(&json(e.dataset())).unwrap();
            prop_assert_eq!(core.dataset(), whole.dataset(), "after {:?}", p);
        }
    }
}

#[test]
fn likely_duplicates_are_warnings_not_errors() {
    let mut e = Editor::new(minimal());
    let mut again = actor("TRK", "Turkiye");
    again.iso3 = Some("TUR".into());
    let outcome = e.apply(Op::AddActor { actor: again }, today()).unwrap();
    let fields: Vec<&str> = outcome.warnings.iter().map(|w| w.field.as_str()).collect();
    assert_eq!(fields, ["iso3"]);
    assert_eq!(
        outcome.warnings[0].message,
        "Turkey (TUR) has the same ISO code: is it the same actor?"
    );
    let outcome = e
        .apply(
            Op::AddActor {
                actor: Actor {
                    iso3: None,
                    actor_type: ActorType::Organization,
                    ..actor("PK2", "pakistan.")
                },
            },
            today(),
        )
        .unwrap();
    assert_eq!(
        outcome.warnings[0].message,
        "Pakistan (PAK) has a similar name: is it the same actor?"
    );
    let outcome = e
        .apply(
            Op::AddActor {
                actor: Actor {
                    iso3: None,
                    ..actor("IRQ", "Iraq")
                },
            },
            today(),
        )
        .unwrap();
    assert!(outcome.warnings.is_empty(), "{:?}", outcome.warnings);
    // The same date, kind and source on the same tie: a warning naming the event it repeats.
    let twice = |e: &mut Editor| {
        e.apply(
            Op::AddEvent {
                source: "PAK".into(),
                target: "TTP".into(),
                event: event("2021-06", "Talks."),
            },
            today(),
        )
        .unwrap()
    };
    assert!(twice(&mut e).warnings.is_empty());
    let outcome = twice(&mut e);
    assert_eq!(outcome.warnings.len(), 1);
    assert_eq!(outcome.warnings[0].field, "date");
    assert_eq!(
        outcome.warnings[0].message,
        "event 1 of this tie has the same date, kind and source: Talks."
    );
}

/// The patch's wire form: the records as a document, a step of numbers per change; a step that
/// names what the patch does not bring is refused at its place.
#[test]
fn the_wire_form_of_a_patch() {
    let event = read("data/pakistan-2021.json").ties[0].events[0].clone();
    let patch = vec![
        Change::RemoveEvent { tie: 2, at: 0 },
        Change::SetTieEnds {
            at: 1,
            source: "PAK".into(),
            target: "TUR".into(),
        },
        Change::ReplaceEvent {
            tie: 4,
            at: 1,
            event: event.clone(),
        },
        Change::InsertActor {
            at: 0,
            actor: actor("TRK", "Turkiye"),
        },
        Change::SetEdited { edited: None },
    ];
    let wire = CorePatch::new(&patch);
    assert_eq!(
        wire.steps,
        [
            [8, 0, 2, 0],
            [6, 1, 0, 0],
            [9, 1, 4, 1],
            [0, 0, 0, 0],
            [10, 0, 0, 0]
        ]
    );
    assert_eq!(wire.records.ties[0].source, "PAK");
    assert_eq!(wire.records.ties[1].events, [event]);
    assert_eq!(wire.records.actors[0].id, "TRK");
    let text = serde_json::to_string(&wire).unwrap();
    let back: CorePatch = serde_json::from_str(&text).unwrap();
    assert_eq!(back.into_changes().unwrap(), patch);

    let mut bad = wire.clone();
    bad.steps[2][3] = 7;
    let err = bad.into_changes().unwrap_err();
    assert_eq!(err.path, "steps[2]");
    assert_eq!(
        err.message,
        "the patch's step 2 names a tie the patch does not bring"
    );
    let mut bad = wire.clone();
    bad.steps[1][0] = 11;
    assert_eq!(
        bad.into_changes().unwrap_err().message,
        "the patch's step 1 is of no known kind (11)"
    );
    let mut bad = wire;
    bad.steps.push([0, 0, 0, 0]);
    assert_eq!(
        bad.into_changes().unwrap_err().message,
        "the patch's step 5 names an actor the patch does not bring"
    );
}
