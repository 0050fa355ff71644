//! Native tests of the session the page holds: filter changes, tie hit-testing over the cached edges, hops, the table of ties, and refusals.

use entente::evidence::tie_detail;
use entente::hit::segment_distance;
use entente::model::{ActorType, Kind, KindSet, Tone};
use entente::network::Filter;
use entente::session::{Session, SessionError};
use std::collections::VecDeque;

const DATASET: &str = include_str!("../data/pakistan-2021.json");
const MINIMAL: &str = include_str!("fixtures/json/minimal.json");

fn pakistan() -> Session {
    Session::from_json(DATASET).unwrap()
}

fn kinds(only: &[Kind]) -> Filter {
    Filter {
        kinds: only.iter().copied().collect(),
        ..Filter::default()
    }
}

/// Every actor on a circle of radius 1000, so that hit-testing has known geometry.
fn on_a_circle(s: &mut Session) -> Vec<f32> {
    let n = s.network().actor_count();
    let xy: Vec<f32> = (0..n)
        .flat_map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            [1000.0 * a.cos(), 1000.0 * a.sin()]
        })
        .collect();
    s.set_positions(&xy).unwrap();
    xy
}

fn point(xy: &[f32], a: u32) -> (f32, f32) {
    (xy[2 * a as usize], xy[2 * a as usize + 1])
}

/// Hop distances by a plain breadth-first search over a flat edge list, for comparison.
fn reference_hops(n: usize, edges: &[u32], start: u32, max: u8) -> Vec<u8> {
    let mut dist = vec![u8::MAX; n];
    dist[start as usize] = 0;
    let mut queue = VecDeque::from([start as usize]);
    while let Some(v) = queue.pop_front() {
        if dist[v] == max {
            continue;
        }
        for pair in edges.chunks_exact(2) {
            let (a, b) = (pair[0] as usize, pair[1] as usize);
            for (from, to) in [(a, b), (b, a)] {
                if from == v && dist[to] == u8::MAX {
                    dist[to] = dist[v] + 1;
                    queue.push_back(to);
                }
            }
        }
    }
    dist
}

#[test]
fn a_new_session_shows_everything_centred_on_the_actor_with_most_ties() {
    let s = pakistan();
    let net = s.network();
    assert_eq!(s.visible().ties.len(), net.tie_count());
    let pak = net.find("PAK").unwrap();
    assert_eq!(s.centre(), Some(pak));
    assert_eq!(s.meta().centre, Some(pak));
    assert_eq!(point(s.positions(), pak), (0.0, 0.0));
    assert!(s.is_pinned(pak));
    let edges: Vec<u32> = s.visible().ties.iter().flat_map(|&t| net.ends(t)).collect();
    assert_eq!(s.visible_edges(), edges.as_slice());
}

#[test]
fn a_filter_change_replaces_the_visible_ties_and_their_edges() {
    let mut s = pakistan();
    s.set_filter(kinds(&[Kind::Conflict])).unwrap();
    let net = s.network();
    let v = s.visible();
    assert!(!v.ties.is_empty() && v.ties.len() < net.tie_count());
    for (k, &t) in v.ties.iter().enumerate() {
        assert!(net.tie(t).events.iter().any(|e| e.kind == Kind::Conflict));
        assert_eq!(
            s.visible_edges()[2 * k..2 * k + 2],
            net.ends(t),
            "edge {k} is tie {t}'s"
        );
    }
    assert_eq!(s.visible_edges().len(), 2 * v.ties.len());
    assert_eq!(s.filter(), &kinds(&[Kind::Conflict]));
    // Back to everything: every tie again.
    s.set_filter(Filter::default()).unwrap();
    assert_eq!(s.visible().ties.len(), s.network().tie_count());
}

#[test]
fn tie_hit_testing_follows_the_last_filter() {
    let mut s = pakistan();
    let xy = on_a_circle(&mut s);
    let net = s.network().clone();
    // A tie whose midpoint no other tie passes near.
    let edges = s.visible_edges().to_vec();
    let clear = s.visible().ties.iter().enumerate().find_map(|(k, &t)| {
        let [a, b] = net.ends(t);
        let (pa, pb) = (point(&xy, a), point(&xy, b));
        let mid = ((pa.0 + pb.0) / 2.0, (pa.1 + pb.1) / 2.0);
        let alone = edges.chunks_exact(2).enumerate().all(|(j, e)| {
            j == k || segment_distance(point(&xy, e[0]), point(&xy, e[1]), mid) > 40.0
        });
        alone.then_some((t, mid))
    });
    let (tie, mid) = clear.expect("a tie drawn apart from the others");
    assert_eq!(s.tie_at(mid.0, mid.1, 3.5, 2.0), Some(tie));
    // A filter hiding the tie's kinds hides it from hit-testing too.
    let its_kinds: KindSet = net.tie(tie).events.iter().map(|e| e.kind).collect();
    let others: Vec<Kind> = Kind::ALL
        .into_iter()
        .filter(|k| !its_kinds.contains(*k))
        .collect();
    s.set_filter(kinds(&others)).unwrap();
    assert!(!s.visible().ties.contains(&tie));
    assert_ne!(s.tie_at(mid.0, mid.1, 3.5, 2.0), Some(tie));
    s.set_filter(Filter::default()).unwrap();
    assert_eq!(s.tie_at(mid.0, mid.1, 3.5, 2.0), Some(tie));
}

#[test]
fn a_tie_of_several_kinds_is_hit_across_its_parallel_lines() {
    let mut s = pakistan();
    let xy = on_a_circle(&mut s);
    let net = s.network().clone();
    let edges = s.visible_edges().to_vec();
    // A tie of two kinds or more, apart from the others.
    let (tie, mid, normal, lines) = s
        .visible()
        .ties
        .iter()
        .enumerate()
        .find_map(|(k, &t)| {
            let lines = s.visible().kinds[k].iter().count();
            let [a, b] = net.ends(t);
            let (pa, pb) = (point(&xy, a), point(&xy, b));
            let mid = ((pa.0 + pb.0) / 2.0, (pa.1 + pb.1) / 2.0);
            let len = (pb.0 - pa.0).hypot(pb.1 - pa.1);
            let normal = (-(pb.1 - pa.1) / len, (pb.0 - pa.0) / len);
            let alone = edges.chunks_exact(2).enumerate().all(|(j, e)| {
                j == k || segment_distance(point(&xy, e[0]), point(&xy, e[1]), mid) > 60.0
            });
            (lines >= 2 && alone).then_some((t, mid, normal, lines))
        })
        .expect("a tie of several kinds drawn apart from the others");
    // Its outer line is (lines - 1) / 2 × 10 from the centre line; 1 beyond that is within
    // a slop of 2.
    let off = (lines as f32 - 1.0) / 2.0 * 10.0 + 1.0;
    let p = (mid.0 + normal.0 * off, mid.1 + normal.1 * off);
    assert_eq!(s.tie_at(p.0, p.1, 10.0, 2.0), Some(tie));
    // Shown with one kind only, it is one line, and the same point misses it.
    let first = net.tie(tie).events[0].kind;
    s.set_filter(kinds(&[first])).unwrap();
    assert_eq!(s.tie_at(p.0, p.1, 10.0, 2.0), None);
}

#[test]
fn hops_cross_only_the_visible_ties() {
    let mut s = pakistan();
    let n = s.network().actor_count();
    let tur = s.network().find("TUR").unwrap();
    for filter in [
        Filter::default(),
        kinds(&[Kind::Conflict]),
        kinds(&[Kind::Defense, Kind::Economic]),
    ] {
        s.set_filter(filter.clone()).unwrap();
        for max in [0, 1, 2, 9] {
            assert_eq!(
                s.hops(tur, max).unwrap(),
                reference_hops(n, s.visible_edges(), tur, max),
                "{filter:?}, {max} hops"
            );
        }
    }
    s.set_filter(kinds(&[Kind::Defense])).unwrap();
    let far = s.hops(tur, 9).unwrap();
    assert!(
        far.contains(&u8::MAX),
        "a filter leaves some actor unreached"
    );
    assert_eq!(s.hops(99, 1), Err(SessionError::NoActor(99)));
}

#[test]
fn the_tie_columns_give_the_tie_tables_figures_in_the_order_of_the_visible_ties() {
    let mut s = pakistan();
    for filter in [
        Filter::default(),
        Filter {
            until: Some("2020-12-31".parse().unwrap()),
            ..kinds(&[Kind::Defense, Kind::Diplomatic])
        },
    ] {
        s.set_filter(filter).unwrap();
        let table = s.tie_table();
        let columns = s.tie_columns();
        assert!(!table.is_empty());
        assert_eq!(columns.events.len(), s.visible().ties.len());
        assert_eq!(columns.citations.len(), table.len());
        let dates: Vec<&str> = columns.dates.lines().collect();
        assert_eq!(dates.len(), table.len());
        for (k, row) in table.iter().enumerate() {
            assert_eq!(columns.events[k] as usize, row.events);
            assert_eq!(columns.citations[k] as usize, row.citations);
            assert_eq!(dates[k], format!("{} {}", row.first, row.last));
        }
    }
}

#[test]
fn the_tie_table_has_one_row_per_visible_tie_in_their_order() {
    let mut s = pakistan();
    let filter = Filter {
        until: Some("2020-12-31".parse().unwrap()),
        ..kinds(&[Kind::Defense, Kind::Diplomatic])
    };
    s.set_filter(filter.clone()).unwrap();
    let table = s.tie_table();
    let order: Vec<u32> = table.iter().map(|r| r.tie).collect();
    assert_eq!(order, s.visible().ties);
    for row in &table {
        let d = tie_detail(s.network(), row.tie, &filter).unwrap();
        assert_eq!(
            (row.source, row.target, row.source_name, row.target_name),
            (d.source, d.target, d.source_name, d.target_name)
        );
        assert_eq!((&row.kinds, row.tone), (&d.kinds, d.tone));
        assert_eq!(row.events, d.events.len());
        assert_eq!(row.citations, d.citations);
        assert_eq!(row.first, d.events[0].date);
        assert_eq!(row.last, d.events.last().unwrap().date);
        assert!(row.first <= row.last && row.last <= filter.until.unwrap());
        assert!(row.kinds.iter().all(|k| filter.kinds.contains(*k)));
    }
    // What the page reads: the fields of the brief, kinds and tone as their keys.
    let json = serde_json::to_value(&table[0]).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "citations",
            "events",
            "first",
            "kinds",
            "last",
            "source",
            "sourceName",
            "target",
            "targetName",
            "tie",
            "tone"
        ]
    );
    assert!(json["kinds"][0].is_string() && json["tone"].is_string());
    assert!(json["events"].is_u64() && json["first"].is_string());
}

#[test]
fn the_table_and_the_details_agree_with_the_minimal_dataset() {
    let mut s = Session::from_json(MINIMAL).unwrap();
    let table = s.tie_table();
    assert_eq!(table.len(), 2);
    let pak_tur = &table[0];
    assert_eq!((pak_tur.source, pak_tur.target), ("PAK", "TUR"));
    assert_eq!((pak_tur.events, pak_tur.citations), (2, 1));
    assert_eq!(pak_tur.first.to_string(), "2018-07");
    assert_eq!(pak_tur.last.to_string(), "2021-03");
    assert_eq!(pak_tur.tone, Tone::Strained);
    // Without armed groups the TTP tie goes, from the table and from the details.
    s.set_filter(Filter {
        actor_types: ActorType::MASK & !ActorType::ArmedGroup.bit(),
        ..Filter::default()
    })
    .unwrap();
    assert_eq!(s.tie_table().len(), 1);
    assert!(s.tie_detail(1).unwrap().is_none());
    assert_eq!(s.tie_detail(2).unwrap_err(), SessionError::NoTie(2));
    assert!(s.ties_of(2).unwrap().is_empty());
    assert_eq!(s.ties_of(0).unwrap().len(), 1);
}

#[test]
fn wrong_indices_and_values_are_refused_and_change_nothing() {
    let mut s = Session::from_json(MINIMAL).unwrap();
    assert_eq!(s.ties_of(3).unwrap_err(), SessionError::NoActor(3));
    assert_eq!(s.pin(7, 0.0, 0.0), Err(SessionError::NoActor(7)));
    assert_eq!(s.pin(0, f32::NAN, 0.0), Err(SessionError::NotFinite));
    assert_eq!(s.unpin(3), Err(SessionError::NoActor(3)));
    let err = s.set_radii(&[1.0]).unwrap_err();
    assert_eq!(err.to_string(), "expected 3 radii, got 1");
    assert!(matches!(
        s.set_positions(&[0.0; 4]),
        Err(SessionError::Layout(_))
    ));
    assert!(matches!(
        s.radial_positions(3, 50.0),
        Err(SessionError::Layout(_))
    ));
    assert!(!s.is_pinned(99));
    assert!(matches!(
        Session::from_json("{ not json"),
        Err(SessionError::Load(_))
    ));
}

#[test]
fn nodes_are_hit_by_their_radius_and_only_while_drawn() {
    let mut s = Session::from_json(MINIMAL).unwrap();
    s.set_positions(&[0.0, 0.0, 100.0, 0.0, 0.0, 100.0])
        .unwrap();
    s.set_radii(&[10.0, 10.0, f32::NAN]).unwrap();
    assert_eq!(s.node_at(9.0, 0.0, 0.0), Some(0));
    assert_eq!(s.node_at(50.0, 0.0, 0.0), None);
    assert_eq!(
        s.node_at(0.0, 100.0, 1.0),
        Some(2),
        "a NaN radius counts as 0"
    );
    // Conflict hidden: TTP has no visible tie, so it is not drawn and not hit.
    s.set_filter(kinds(&[Kind::Defense])).unwrap();
    assert_eq!(s.node_at(0.0, 100.0, 1.0), None);
    assert_eq!(s.node_at(100.0, 0.0, 0.0), Some(1));
}

#[test]
fn the_map_and_rings_place_every_actor() {
    let s = pakistan();
    let n = s.network().actor_count();
    let map = s.map_positions(100.0, 12.0);
    assert_eq!(map.len(), 2 * n);
    assert!(map.iter().all(|v| v.is_finite()));
    let pak = s.network().find("PAK").unwrap();
    let rings = s.radial_positions(pak, 50.0).unwrap();
    assert_eq!(point(&rings, pak), (0.0, 0.0));
    let hops = s.hops(pak, 9).unwrap();
    for a in 0..n as u32 {
        let (x, y) = point(&rings, a);
        if hops[a as usize] == 1 {
            assert!(
                (x.hypot(y) - 50.0).abs() < 0.01,
                "actor {a} on the first ring"
            );
        }
    }
}
