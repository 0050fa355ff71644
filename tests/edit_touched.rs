//! The editor's check of only the records an edit touched gives the very answer of the whole
//! validator (the same first error, or none) after any changes to a valid dataset.
#![cfg(not(target_arch = "wasm32"))]

use entente::edit::Change;
use entente::load::{from_json, validate, validate_touched, Touched};
use entente::model::{Dataset, Tie};
use proptest::prelude::*;
use std::path::Path;

fn read(path: &str) -> Dataset {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A change drawn from numbers, named by index into the dataset as it is then: often valid,
/// often breaking one rule (a copied id, an unknown or equal end, a bad field, a lost actor).
#[derive(Debug, Clone)]
enum Pick {
    InsertActor(usize, usize, u8),
    RemoveActor(usize),
    ReplaceActor(usize, usize, u8),
    InsertTie(usize, usize, usize, usize),
    RemoveTie(usize),
    SetTieEnds(usize, usize, usize),
    InsertEvent(usize, usize, usize, u8),
    RemoveEvent(usize, usize),
    ReplaceEvent(usize, usize, usize, u8),
}

fn pick() -> impl Strategy<Value = Pick> {
    let n = || 0usize..64;
    prop_oneof![
        (n(), n(), 0u8..8).prop_map(|(a, b, f)| Pick::InsertActor(a, b, f)),
        n().prop_map(Pick::RemoveActor),
        (n(), n(), 0u8..8).prop_map(|(a, b, f)| Pick::ReplaceActor(a, b, f)),
        (n(), n(), n(), n()).prop_map(|(a, b, c, e)| Pick::InsertTie(a, b, c, e)),
        n().prop_map(Pick::RemoveTie),
        (n(), n(), n()).prop_map(|(a, b, c)| Pick::SetTieEnds(a, b, c)),
        (n(), n(), n(), 0u8..8).prop_map(|(a, b, c, f)| Pick::InsertEvent(a, b, c, f)),
        (n(), n()).prop_map(|(a, b)| Pick::RemoveEvent(a, b)),
        (n(), n(), n(), 0u8..8).prop_map(|(a, b, c, f)| Pick::ReplaceEvent(a, b, c, f)),
    ]
}

/// The id of actor `k` (modulo), a new id, or one no actor has.
fn id_of(d: &Dataset, k: usize) -> String {
    match k % 8 {
        6 => format!("NEW{k}"),
        7 => "nobody".into(),
        _ => d
            .actors
            .get(k.checked_rem(d.actors.len()).unwrap_or(0))
            .map_or_else(|| "nobody".into(), |a| a.id.clone()),
    }
}

fn change_of(d: &Dataset, p: &Pick) -> Option<Change> {
    let na = d.actors.len().max(1);
    let nt = d.ties.len().max(1);
    let actor = |k: usize, flaw: u8| {
        let mut a = d.actors.get(k % na)?.clone();
        match flaw {
            0 => a.id = format!("A{k}"),
            1 => a.lat = 95.0,
            2 => a.name = " ".into(),
            3 => a.id = format!(" A{k}"),
            4 => a.iso3 = Some("pak".into()),
            _ => {} // the same id as an actor there: a duplicate, unless replacing itself
        }
        Some(a)
    };
    let event = |t: usize, j: usize, flaw: u8| {
        let tie = d.ties.get(t % nt)?;
        let mut e = tie.events.get(j.checked_rem(tie.events.len())?)?.clone();
        match flaw {
            0 => e.summary = String::new(),
            1 => e.sources.clear(),
            // An event whose sources an earlier change cleared has no url to spoil.
            2 => {
                if let Some(s) = e.sources.first_mut() {
                    s.url = Some("javascript:alert(1)".into());
                }
            }
            3 => e.end = Some("1900".parse().unwrap()),
            4 => e.people = vec!["X".into(), "X".into()],
            _ => {}
        }
        Some(e)
    };
    Some(match *p {
        Pick::InsertActor(at, k, f) => Change::InsertActor {
            at: at % (na + 1),
            actor: actor(k, f)?,
        },
        Pick::RemoveActor(at) => Change::RemoveActor { at: at % na },
        Pick::ReplaceActor(at, k, f) => Change::ReplaceActor {
            at: at % na,
            actor: actor(k, f)?,
        },
        Pick::InsertTie(at, a, b, e) => Change::InsertTie {
            at: at % (nt + 1),
            tie: Tie {
                source: id_of(d, a),
                target: id_of(d, b),
                events: if e % 5 == 0 {
                    Vec::new()
                } else {
                    vec![event(e, 0, (e % 8) as u8)?]
                },
            },
        },
        Pick::RemoveTie(at) => Change::RemoveTie { at: at % nt },
        Pick::SetTieEnds(at, a, b) => Change::SetTieEnds {
            at: at % nt,
            source: id_of(d, a),
            target: id_of(d, b),
        },
        Pick::InsertEvent(t, at, e, f) => Change::InsertEvent {
            tie: t % nt,
            at: at % (d.ties.get(t % nt)?.events.len() + 1),
            event: event(e, at, f)?,
        },
        Pick::RemoveEvent(t, at) => Change::RemoveEvent {
            tie: t % nt,
            at: at.checked_rem(d.ties.get(t % nt)?.events.len())?,
        },
        Pick::ReplaceEvent(t, at, e, f) => Change::ReplaceEvent {
            tie: t % nt,
            at: at.checked_rem(d.ties.get(t % nt)?.events.len())?,
            event: event(e, at, f)?,
        },
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// One to four changes to a valid dataset (the shipped one, with its story, or the minimal
    /// one): the touched records' check and the whole validator agree, error for error.
    #[test]
    fn checking_the_touched_records_agrees_with_the_whole_validator(
        shipped in any::<bool>(),
        picks in prop::collection::vec(pick(), 1..5),
    ) {
        let mut d = if shipped {
            read("data/pakistan-2021.json")
        } else {
            read("tests/fixtures/json/minimal.json")
        };
        let mut touched = Touched::default();
        for p in &picks {
            let Some(c) = change_of(&d, p) else { continue };
            c.note(&d, &mut touched);
            // A change past the end of a list fails and changes nothing.
            let _ = c.apply(&mut d);
        }
        prop_assert_eq!(validate_touched(&d, &touched), validate(&d), "{:?}", picks);
    }
}

/// The same check over many cases of one kind of flaw: a copied actor id, found at the later
/// of the two actors, naming the earlier, as a file's error reads.
#[test]
fn a_copied_id_is_named_where_the_whole_validator_names_it() {
    let mut d = read("data/pakistan-2021.json");
    let copy = d.actors[2].clone();
    let mut touched = Touched::default();
    let c = Change::InsertActor { at: 0, actor: copy };
    c.note(&d, &mut touched);
    c.apply(&mut d).unwrap();
    let e = validate_touched(&d, &touched).unwrap_err();
    assert_eq!(e, validate(&d).unwrap_err());
    assert_eq!(e.path, "actors[3].id");
    assert!(
        e.message.ends_with("is already the id of actors[0]"),
        "{}",
        e.message
    );
}
