//! "The network as of a date" (`Filter::until`) on the shipped dataset, checked against the
//! dataset's own events read as plain JSON.

use entente::date::Date;
use entente::load::from_json;
use entente::network::{Filter, Network};
use serde_json::Value;

const DATASET: &str = include_str!("../data/pakistan-2021.json");

/// A tie as the file lists it: source, target, and its events' (date, tone).
type RawTie = (String, String, Vec<(Date, String)>);

/// Every tie, in file order.
fn raw_ties() -> Vec<RawTie> {
    let v: Value = serde_json::from_str(DATASET).unwrap();
    v["ties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let events = t["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| {
                    (
                        e["date"].as_str().unwrap().parse().unwrap(),
                        e["tone"].as_str().unwrap().to_string(),
                    )
                })
                .collect();
            (
                t["source"].as_str().unwrap().into(),
                t["target"].as_str().unwrap().into(),
                events,
            )
        })
        .collect()
}

fn as_of(n: &Network, until: Option<Date>) -> Vec<u32> {
    n.visible(&Filter {
        until,
        ..Filter::default()
    })
    .ties
}

#[test]
fn a_tie_is_shown_from_its_first_event_on() {
    let n = Network::new(from_json(DATASET).unwrap()).unwrap();
    let ties = raw_ties();
    let mut cuts: Vec<Date> = ties.iter().flat_map(|t| t.2.iter().map(|e| e.0)).collect();
    cuts.sort();
    cuts.dedup();
    assert!(cuts.len() > 10, "the dataset spans many dates");
    for cut in &cuts {
        let want: Vec<u32> = ties
            .iter()
            .enumerate()
            .filter(|(_, t)| t.2.iter().any(|e| e.0 <= *cut))
            .map(|(i, _)| i as u32)
            .collect();
        assert_eq!(as_of(&n, Some(*cut)), want, "as of {cut}");
    }
    let before = Date::year_only(cuts[0].year() - 1);
    assert!(
        as_of(&n, Some(before)).is_empty(),
        "nothing before the first event"
    );
    assert_eq!(
        as_of(&n, cuts.last().copied()).len(),
        ties.len(),
        "everything by the last date"
    );
    assert_eq!(as_of(&n, None).len(), ties.len());
}

#[test]
fn the_network_only_grows_with_time() {
    let n = Network::new(from_json(DATASET).unwrap()).unwrap();
    let mut previous: Vec<u32> = Vec::new();
    for year in 2010..=2022 {
        for month in 1..=12 {
            let now = as_of(&n, Date::ymd(year, month, 1));
            assert!(
                previous.iter().all(|t| now.contains(t)),
                "{year}-{month:02}: a tie vanished"
            );
            previous = now;
        }
    }
}

#[test]
fn a_tie_has_the_tone_of_its_latest_event_as_of_the_date() {
    let n = Network::new(from_json(DATASET).unwrap()).unwrap();
    let ties = raw_ties();
    let mut checked = 0;
    for cut in ["2019", "2020-06", "2021-01-01", "2021-05-05", "2021-07"] {
        let cut: Date = cut.parse().unwrap();
        let v = n.visible(&Filter {
            until: Some(cut),
            ..Filter::default()
        });
        for (k, &t) in v.ties.iter().enumerate() {
            let seen: Vec<&(Date, String)> =
                ties[t as usize].2.iter().filter(|e| e.0 <= cut).collect();
            let latest = seen.iter().map(|e| e.0).max().unwrap();
            let at_latest: Vec<&str> = seen
                .iter()
                .filter(|e| e.0 == latest)
                .map(|e| e.1.as_str())
                .collect();
            if at_latest.len() == 1 {
                assert_eq!(v.tones[k].as_str(), at_latest[0], "tie {t} as of {cut}");
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} tones checked");
}
