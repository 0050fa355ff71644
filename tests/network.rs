//! The graph a dataset becomes, and what filters leave of it.

use entente::load::from_json;
use entente::model::{ActorType, Kind, KindSet, Tone};
use entente::network::{Filter, Network};

fn minimal() -> Network {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/json/minimal.json"
    ))
    .unwrap();
    Network::new(from_json(&text).unwrap()).unwrap()
}

#[test]
fn indexes_actors_and_ties() {
    let n = minimal();
    assert_eq!((n.actor_count(), n.tie_count()), (3, 2));
    let pak = n.find("PAK").unwrap();
    assert_eq!(n.ties_of(pak).len(), 2);
    assert_eq!(n.ties_of(n.find("TUR").unwrap()), &[0]);
    assert_eq!(n.edge_list(), vec![0, 1, 2, 0]);
    assert_eq!(n.find("XXX"), None);
}

#[test]
fn events_are_kept_in_date_order() {
    let n = minimal();
    let dates: Vec<String> = n.tie(0).events.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["2018-07", "2021-03"]);
    let (first, last) = n.date_range().unwrap();
    assert_eq!(
        (first.to_string(), last.to_string()),
        ("2018-07".into(), "2021-05-05".into())
    );
}

#[test]
fn events_of_the_same_date_keep_the_order_they_were_given_in() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/json/minimal.json"
    ))
    .unwrap();
    let mut d = from_json(&text).unwrap();
    let events = &mut d.ties[0].events;
    let (late, early) = (events[0].clone(), events[1].clone());
    let with = |e: &entente::model::Event, summary: &str| {
        let mut e = e.clone();
        e.summary = summary.into();
        e
    };
    // Enough events that an unstable sort (insertion sort only up to 20) would mix equal dates.
    let given: Vec<(bool, String)> = (0..60)
        .map(|i| {
            (
                i % 3 == 0,
                format!("{} {i:02}", if i % 3 == 0 { "early" } else { "late" }),
            )
        })
        .collect();
    *events = given
        .iter()
        .map(|(is_early, s)| with(if *is_early { &early } else { &late }, s))
        .collect();
    let n = Network::new(d).unwrap();
    let order: Vec<&str> = n.tie(0).events.iter().map(|e| e.summary.as_str()).collect();
    let expected: Vec<&str> = (given.iter().filter(|g| g.0))
        .chain(given.iter().filter(|g| !g.0))
        .map(|g| g.1.as_str())
        .collect();
    assert_eq!(order, expected);
}

#[test]
fn events_in_any_order_come_out_as_a_stable_sort_by_date_puts_them() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/json/minimal.json"
    ))
    .unwrap();
    let base = from_json(&text).unwrap();
    let dates = [
        "2018-07",
        "2019",
        "2019-01-01",
        "2020-02",
        "2021-03",
        "2021-03-17",
    ];
    let mut seed: u64 = 7;
    for len in [0usize, 1, 2, 3, 17, 21, 64, 65, 200, 333] {
        let mut d = base.clone();
        let template = d.ties[0].events[0].clone();
        let given: Vec<entente::model::Event> = (0..len)
            .map(|i| {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let mut e = template.clone();
                e.date = dates[(seed >> 33) as usize % dates.len()].parse().unwrap();
                e.summary = format!("event {i}");
                e
            })
            .collect();
        if given.is_empty() {
            continue; // a tie has at least one event
        }
        d.ties[0].events = given.clone();
        let mut expected = given;
        expected.sort_by_key(|e| e.date);
        let n = Network::new(d).unwrap();
        let got: Vec<&str> = n.tie(0).events.iter().map(|e| e.summary.as_str()).collect();
        let want: Vec<&str> = expected.iter().map(|e| e.summary.as_str()).collect();
        assert_eq!(got, want, "{len} events");
    }
}

#[test]
fn the_unfiltered_view_shows_everything_with_the_latest_tone() {
    let n = minimal();
    let v = n.visible(&Filter::default());
    assert_eq!(v.ties, vec![0, 1]);
    assert_eq!(v.degree, vec![2, 1, 1]);
    assert_eq!(v.tones, vec![Tone::Strained, Tone::Hostile]);
    assert_eq!(
        v.kinds,
        vec![
            KindSet::NONE.with(Kind::Defense),
            KindSet::NONE.with(Kind::Conflict)
        ]
    );
}

#[test]
fn a_kind_filter_removes_ties_without_events_of_the_kept_kinds() {
    let n = minimal();
    let f = Filter {
        kinds: KindSet::ALL.without(Kind::Conflict),
        ..Filter::default()
    };
    let v = n.visible(&f);
    assert_eq!(v.ties, vec![0]);
    assert_eq!(v.degree, vec![1, 1, 0]);
    let f = Filter {
        kinds: KindSet::NONE,
        ..Filter::default()
    };
    assert!(n.visible(&f).ties.is_empty());
}

#[test]
fn a_date_filter_shows_the_network_as_of_that_date() {
    let n = minimal();
    let f = Filter {
        until: Some("2019".parse().unwrap()),
        ..Filter::default()
    };
    let v = n.visible(&f);
    assert_eq!(v.ties, vec![0]);
    assert_eq!(
        v.tones,
        vec![Tone::Cooperative],
        "tone as of 2019 is the 2018 deal's"
    );
}

#[test]
fn tone_and_actor_type_filters() {
    let n = minimal();
    let hostile_hidden = Filter {
        tones: Tone::MASK & !Tone::Hostile.bit(),
        ..Filter::default()
    };
    assert_eq!(n.visible(&hostile_hidden).ties, vec![0]);
    let states_only = Filter {
        actor_types: ActorType::State.bit(),
        ..Filter::default()
    };
    let v = n.visible(&states_only);
    assert_eq!(v.ties, vec![0]);
    assert_eq!(v.shown, vec![true, true, false]);
}

#[test]
fn tie_views_list_partner_kinds_tone_and_admitted_events() {
    let n = minimal();
    let pak = n.find("PAK").unwrap();
    let views = n.tie_views(pak, &Filter::default());
    assert_eq!(views.len(), 2);
    assert_eq!(views[0].partner, "TUR");
    assert_eq!(views[0].partner_name, "Turkey");
    assert_eq!(views[0].events.len(), 2);
    assert_eq!(views[1].kinds, vec![Kind::Conflict]);
    let json = serde_json::to_value(&views[0]).unwrap();
    assert_eq!(json["partnerName"], "Turkey");
    assert_eq!(json["events"][0]["sources"][0]["outlet"], "Dawn");
    assert_eq!(json["events"][0]["date"], "2018-07");
    let only_defense = Filter {
        kinds: KindSet::NONE.with(Kind::Defense),
        ..Filter::default()
    };
    assert_eq!(n.tie_views(pak, &only_defense).len(), 1);
}

#[test]
fn filters_never_add_ties() {
    let n = minimal();
    let all = n.visible(&Filter::default()).ties;
    for mask in 0..16u8 {
        for tones in 0..8u8 {
            let f = Filter {
                kinds: KindSet(mask),
                tones,
                ..Filter::default()
            };
            let v = n.visible(&f).ties;
            assert!(
                v.iter().all(|t| all.contains(t)),
                "mask {mask} tones {tones}"
            );
        }
    }
}

#[test]
fn from_json_is_the_same_network_as_loading_then_indexing() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/json/");
    let text = std::fs::read_to_string(format!("{dir}minimal.json")).unwrap();
    let once = Network::from_json(&text).unwrap();
    let twice = minimal();
    assert_eq!(once.dataset(), twice.dataset());
    assert_eq!(once.edge_list(), twice.edge_list());
    for i in 0..once.actor_count() as u32 {
        assert_eq!(once.ties_of(i), twice.ties_of(i));
    }
    // A bad dataset gets the loader's located message, validation included.
    for bad in ["bad_kind.json", "unknown_actor.json", "self_tie.json"] {
        let text = std::fs::read_to_string(format!("{dir}{bad}")).unwrap();
        let direct = Network::from_json(&text).unwrap_err().to_string();
        assert_eq!(direct, from_json(&text).unwrap_err().to_string(), "{bad}");
    }
}
