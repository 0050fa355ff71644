//! `compare(a, b, filter)`: every class of change, worked out by hand on the shipped dataset and
//! on a fixture made to hold each class and edge case.

use entente::compare::{compare, Change, Comparison};
use entente::date::Date;
use entente::load::from_json;
use entente::model::{ActorType, Kind, KindSet, Tone};
use entente::network::{Filter, Network};

fn net(text: &str) -> Network {
    Network::new(from_json(text).unwrap()).unwrap()
}

fn shipped() -> Network {
    net(include_str!("../data/pakistan-2021.json"))
}

fn fixture() -> Network {
    net(include_str!("fixtures/lasting/compare.json"))
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

/// Each classified tie as `source-target class new-events [evidence]`.
fn rows(n: &Network, c: &Comparison) -> Vec<String> {
    c.ties
        .iter()
        .map(|t| {
            let tie = n.tie(t.tie);
            format!(
                "{}-{} {} {} {:?}",
                tie.source,
                tie.target,
                t.change.as_str(),
                t.new_events,
                t.evidence
            )
        })
        .collect()
}

/// The ties of one class, as `source-target`.
fn of(n: &Network, c: &Comparison, change: Change) -> Vec<String> {
    c.ties
        .iter()
        .filter(|t| t.change == change)
        .map(|t| format!("{}-{}", n.tie(t.tie).source, n.tie(t.tie).target))
        .collect()
}

fn ids(n: &Network, actors: &[u32]) -> Vec<String> {
    actors.iter().map(|&a| n.actor(a).id.clone()).collect()
}

#[test]
fn from_the_2011_nadir_to_the_withdrawal_26_ties_appeared_and_2_intensified() {
    let n = shipped();
    let c = compare(&n, day("2011-12-31"), day("2021-08-31"), &Filter::default());
    // Only Pakistan–U.S. (2011, strained) and Pakistan–Russia (2011, cooperative) were there.
    assert_eq!(c.counts, [26, 0, 0, 0, 2, 0]);
    assert_eq!(of(&n, &c, Change::Intensified), ["PAK-USA", "PAK-RUS"]);
    let usa = &c.ties[2];
    assert_eq!(usa.new_events, 2, "2021-06-19 and 2021-07-01");
    assert_eq!(usa.evidence, [1, 2]);
    assert_eq!(
        (usa.at_a.unwrap().tone, usa.at_b.unwrap().tone),
        (Tone::Strained, Tone::Strained)
    );
    assert_eq!(
        c.ties[3].new_events, 4,
        "Russia: 2016, 2021 (the backing the article expects), 2021-04-07, 2021-04-08"
    );
    assert_eq!(c.ties.len(), 28);
    assert_eq!(c.actors_appeared.len(), 18, "all but PAK, USA and RUS");
    assert!(c.actors_gone.is_empty());
    assert_eq!(
        c.summary(),
        "Between 2011-12-31 and 2021-08-31: 26 ties appeared, 2 intensified; 18 actors appeared."
    );
}

#[test]
fn the_first_half_of_2021_on_the_shipped_dataset() {
    let n = shipped();
    let c = compare(&n, day("2020-12-31"), day("2021-06-30"), &Filter::default());
    assert_eq!(
        of(&n, &c, Change::Appeared),
        ["PAK-TJK", "PAK-AFG", "PAK-QAT", "PAK-CHN", "USA-AFG", "NATO-AFG", "AFG-TJK", "TUR-USA"]
    );
    assert_eq!(
        of(&n, &c, Change::Intensified),
        ["PAK-TTP", "PAK-USA", "PAK-RUS", "PAK-SAU", "PAK-TUR", "PAK-AZE"]
    );
    assert_eq!(c.counts, [8, 0, 0, 0, 6, 14]);
    // Pakistan–U.S.: 2021-06-19 is between, 2021-07-01 is after B.
    assert_eq!(c.ties[2].new_events, 1);
    // Pakistan–Tajikistan appeared with its five events (three on 2021-03-31, two in 2021-06).
    assert_eq!(c.ties[4].evidence, [0, 1, 2, 3, 4]);
    assert!(c.ties[4].at_a.is_none());
    assert_eq!(c.ties[4].at_b.unwrap().in_force, 5);
    assert_eq!(ids(&n, &c.actors_appeared), ["NATO", "AFG", "TJK", "CHN"]);
    // Unchanged ties carry no evidence.
    assert!(c
        .ties
        .iter()
        .filter(|t| t.change == Change::Unchanged)
        .all(|t| t.evidence.is_empty() && t.new_events == 0));
}

#[test]
fn an_event_exactly_at_a_is_old_and_exactly_at_b_is_new() {
    let n = shipped();
    // Three Pakistan–Tajikistan events fall on 2021-03-31.
    let at_b = compare(&n, day("2021-01-01"), day("2021-03-31"), &Filter::default());
    let tjk = at_b.ties.iter().find(|t| t.tie == 4).unwrap();
    assert_eq!((tjk.change, tjk.new_events), (Change::Appeared, 3));
    let at_a = compare(&n, day("2021-03-31"), day("2021-06-30"), &Filter::default());
    let tjk = at_a.ties.iter().find(|t| t.tie == 4).unwrap();
    assert_eq!((tjk.change, tjk.new_events), (Change::Intensified, 2));
    assert_eq!(tjk.evidence, [3, 4], "only the two 2021-06 events");
    let afg = at_a.ties.iter().find(|t| t.tie == 5).unwrap();
    assert_eq!(afg.change, Change::Unchanged, "its one event is at A");
}

#[test]
fn a_year_or_month_counts_from_its_first_day_against_a_day() {
    let n = shipped();
    let f = Filter::default();
    // Pakistan–China is dated "2021" only.
    let china = |a: &str, b: &str| {
        compare(&n, day(a), day(b), &f)
            .ties
            .iter()
            .find(|t| t.tie == 15)
            .map(|t| t.change)
    };
    assert_eq!(china("2020-12-31", "2021-01-01"), Some(Change::Appeared));
    assert_eq!(china("2021-01-01", "2021-12-31"), Some(Change::Unchanged));
    assert_eq!(china("2019-01-01", "2020-12-31"), None);
    // Pakistan–Azerbaijan's 2021-06 event is new from 2021-06-01 on, not before.
    let aze = |b: &str| {
        let c = compare(&n, day("2021-01-01"), day(b), &f);
        let t = c.ties.iter().find(|t| t.tie == 13).unwrap();
        (t.change, t.new_events)
    };
    assert_eq!(aze("2021-05-31"), (Change::Unchanged, 0));
    assert_eq!(aze("2021-06-01"), (Change::Intensified, 1));
    assert_eq!(aze("2021-06-15"), (Change::Intensified, 1));
}

#[test]
fn every_class_on_the_fixture() {
    let n = fixture();
    let c = compare(&n, day("2013-01-01"), day("2016-01-01"), &Filter::default());
    assert_eq!(
        rows(&n, &c),
        [
            "A-B ended 0 [0]",
            "A-C warmed 1 [1]",
            "B-C cooled 2 [1, 2]",
            "C-D appeared 1 [1]",
            "E-A unchanged 0 []",
            "A-F cooled 0 [1]",
            "F-G ended 0 [0]",
            "G-B intensified 1 [1]",
            "H-E ended 0 [0]",
        ]
    );
    assert_eq!(c.counts, [1, 3, 1, 2, 1, 1]);
    assert_eq!(ids(&n, &c.actors_appeared), ["D"]);
    assert_eq!(ids(&n, &c.actors_gone), ["H"]);
    assert_eq!(
        c.summary(),
        "Between 2013-01-01 and 2016-01-01: 1 tie appeared, 3 ended, 1 warmed, 2 cooled, \
         1 intensified, 1 unchanged; 1 actor appeared, 1 actor gone."
    );
}

#[test]
fn a_tie_that_cooled_and_intensified_is_cooled_with_its_new_events() {
    let n = fixture();
    let c = compare(&n, day("2013-01-01"), day("2016-01-01"), &Filter::default());
    let bc = &c.ties[2];
    assert_eq!(bc.change, Change::Cooled);
    assert_eq!(bc.new_events, 2);
    assert_eq!(bc.at_a.unwrap().tone, Tone::Cooperative);
    assert_eq!(bc.at_b.unwrap().tone, Tone::Hostile);
    assert_eq!(bc.at_b.unwrap().latest, 2);
}

#[test]
fn an_end_before_a_neither_counts_at_a_nor_shows_as_evidence() {
    let n = fixture();
    let c = compare(&n, day("2013-01-01"), day("2016-01-01"), &Filter::default());
    // C-D's aid ended in 2011: the tie appeared with its 2015 event alone.
    let cd = &c.ties[3];
    assert!(cd.at_a.is_none());
    assert_eq!(cd.evidence, [1]);
    // D-E's only event ended in 2012-06: active at neither date, left out.
    assert!(c.ties.iter().all(|t| t.tie != 4));
    // A tone can change by an end alone: A-F's truce ended in 2014-06.
    let af = &c.ties[5];
    assert_eq!((af.change, af.new_events), (Change::Cooled, 0));
    assert_eq!(af.at_a.unwrap().tone, Tone::Cooperative);
    assert_eq!(af.at_b.unwrap().tone, Tone::Hostile);
}

#[test]
fn an_end_is_in_force_through_its_last_day() {
    let n = fixture();
    let f = Filter::default();
    // A-B's alliance ends "2014": still there on 2014-12-31, gone on 2015-01-01.
    let ab = |b: &str| compare(&n, day("2013-01-01"), day(b), &f).ties[0].change;
    assert_eq!(ab("2014-12-31"), Change::Unchanged);
    assert_eq!(ab("2015-01-01"), Change::Ended);
}

#[test]
fn the_dates_may_come_in_either_order() {
    let n = fixture();
    let f = Filter::default();
    assert_eq!(
        compare(&n, day("2016-01-01"), day("2013-01-01"), &f),
        compare(&n, day("2013-01-01"), day("2016-01-01"), &f)
    );
    let same = compare(&n, day("2013-01-01"), day("2013-01-01"), &f);
    assert!(same.ties.iter().all(|t| t.change == Change::Unchanged));
}

#[test]
fn the_filters_apply_to_the_comparison() {
    let n = fixture();
    let (a, b) = (day("2013-01-01"), day("2016-01-01"));
    let no_conflict = Filter {
        kinds: KindSet::ALL.without(Kind::Conflict),
        ..Filter::default()
    };
    let c = compare(&n, a, b, &no_conflict);
    assert_eq!(
        rows(&n, &c),
        [
            "A-B ended 0 [0]",
            "A-C warmed 1 [1]",
            "B-C cooled 1 [1]",
            "C-D appeared 1 [1]",
            "E-A unchanged 0 []",
            "A-F ended 0 [1]",
            "H-E ended 0 [0]",
        ]
    );
    assert_eq!(ids(&n, &c.actors_gone), ["F", "H"]);
    let no_armed_groups = Filter {
        actor_types: ActorType::MASK & !ActorType::ArmedGroup.bit(),
        ..Filter::default()
    };
    let c = compare(&n, a, b, &no_armed_groups);
    assert_eq!(c.ties.len(), 6);
    assert!(c.ties.iter().all(|t| n.tie(t.tie).source != "F"));
    let no_hostile = Filter {
        tones: Tone::MASK & !Tone::Hostile.bit(),
        ..Filter::default()
    };
    let c = compare(&n, a, b, &no_hostile);
    assert_eq!(
        c.ties[2].change,
        Change::Cooled,
        "B-C: cooperative to strained"
    );
    assert_eq!(c.ties[2].at_b.unwrap().tone, Tone::Strained);
}

#[test]
fn the_classes_match_the_network_as_of_each_date() {
    let n = shipped();
    let dates = [
        "2011-06",
        "2016-12-31",
        "2019-02-11",
        "2020-08",
        "2021-03-31",
        "2021-07-01",
    ];
    for a in dates {
        for b in dates {
            let (a, b) = (day(a), day(b));
            let c = compare(&n, a, b, &Filter::default());
            let at = |d: Date| {
                n.visible(&Filter {
                    until: Some(d),
                    ..Filter::default()
                })
            };
            let (va, vb) = (at(a.min(b)), at(a.max(b)));
            for t in &c.ties {
                let shown_a = va.ties.binary_search(&t.tie).ok();
                let shown_b = vb.ties.binary_search(&t.tie).ok();
                assert_eq!(
                    t.at_a.map(|s| s.tone),
                    shown_a.map(|i| va.tones[i]),
                    "{a} {b}"
                );
                assert_eq!(
                    t.at_b.map(|s| s.tone),
                    shown_b.map(|i| vb.tones[i]),
                    "{a} {b}"
                );
            }
            let listed = c.ties.len();
            let either = (0..n.tie_count() as u32)
                .filter(|t| va.ties.contains(t) || vb.ties.contains(t))
                .count();
            assert_eq!(listed, either, "{a} {b}");
        }
    }
}

#[test]
fn the_page_view_names_actors_and_carries_the_evidence_events() {
    let n = fixture();
    let c = compare(&n, day("2013-01-01"), day("2016-01-01"), &Filter::default());
    let v = c.view(&n);
    assert_eq!(v.summary, c.summary());
    assert_eq!(v.actors_appeared, ["D"]);
    assert_eq!(v.actors_gone, ["H"]);
    let bc = &v.ties[2];
    assert_eq!((bc.source, bc.target_name), ("B", "Gamma"));
    assert_eq!(
        (bc.tone_a, bc.tone_b),
        (Some(Tone::Cooperative), Some(Tone::Hostile))
    );
    let summaries: Vec<&str> = bc.evidence.iter().map(|e| e.summary.as_str()).collect();
    assert_eq!(
        summaries,
        ["Tariffs.", "A border clash: cooled and intensified."]
    );
    let json = serde_json::to_value(&v).unwrap();
    assert_eq!(json["ties"][0]["change"], "ended");
    assert_eq!(json["ties"][0]["toneB"], serde_json::Value::Null);
    assert_eq!(json["counts"][3], serde_json::json!(["cooled", 2]));
    assert_eq!(json["a"], "2013-01-01");
}
