//! Property tests of the core's invariants over generated datasets and graphs: export and
//! import round-trip, filters only ever remove, tooltip views agree with what is drawn, and
//! layouts stay finite and deterministic whatever they are fed.
#![cfg(not(target_arch = "wasm32"))]

use entente::date::Date;
use entente::layout::{ForceLayout, ForceOptions};
use entente::load::from_json;
use entente::model::{
    Actor, ActorType, Dataset, Event, Figure, Kind, KindSet, Provenance, Source, Tie, Tone, FORMAT,
};
use entente::network::{Filter, Network};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn text() -> impl Strategy<Value = String> {
    // Anything printable, markup included; prefixed so it is never blank.
    "\\PC{0,12}".prop_map(|s| format!("x{s}"))
}

fn date() -> impl Strategy<Value = Date> {
    (1900i32..2100, 0u8..=12, 1u8..=28).prop_map(|(y, m, d)| match m {
        0 => Date::year_only(y),
        m if d % 3 == 0 => format!("{y:04}-{m:02}").parse().unwrap(),
        m => Date::ymd(y, m, d).unwrap(),
    })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop::sample::select(Kind::ALL.to_vec())
}

fn tone() -> impl Strategy<Value = Tone> {
    prop::sample::select(vec![Tone::Cooperative, Tone::Strained, Tone::Hostile])
}

fn event() -> impl Strategy<Value = Event> {
    (
        date(),
        kind(),
        tone(),
        text(),
        prop::collection::vec((-1e15f64..1e15, text(), prop::option::of(text())), 0..2),
        prop::collection::vec(text(), 0..2),
        prop::collection::vec((text(), date()), 1..3),
        (prop::option::of(text()), prop::option::of(date())),
    )
        .prop_map(
            |(date, kind, tone, summary, figures, people, sources, (note, end))| Event {
                date,
                // A lasting event ends on or after its date.
                end: end.map(|e| e.max(date)),
                kind,
                tone,
                summary,
                figures: figures
                    .into_iter()
                    .map(|(value, unit, what)| Figure { value, unit, what })
                    .collect(),
                // Each person is listed once.
                people: people.into_iter().fold(Vec::new(), |mut once, p| {
                    if !once.contains(&p) {
                        once.push(p);
                    }
                    once
                }),
                sources: sources
                    .into_iter()
                    .map(|(outlet, date)| Source::new(outlet, date))
                    .collect(),
                note,
                assessment: false,
                added: None,
            },
        )
}

/// A valid dataset: 1–10 actors with distinct ids, ties on distinct pairs, 1–4 events each.
fn dataset() -> impl Strategy<Value = Dataset> {
    (1usize..10)
        .prop_flat_map(|n| {
            let actors = prop::collection::vec(
                (
                    text(),
                    prop::sample::select(vec![
                        ActorType::State,
                        ActorType::Organization,
                        ActorType::ArmedGroup,
                    ]),
                    -90f64..=90.0,
                    -180f64..=180.0,
                    prop::option::of(text()),
                ),
                n,
            );
            let pairs: Vec<(usize, usize)> = (0..n)
                .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
                .collect();
            let ties =
                prop::sample::subsequence(pairs.clone(), 0..=pairs.len()).prop_flat_map(|chosen| {
                    chosen
                        .into_iter()
                        .map(|(a, b)| {
                            (
                                Just((a, b)),
                                any::<bool>(),
                                prop::collection::vec(event(), 1..4),
                            )
                        })
                        .collect::<Vec<_>>()
                });
            let provenance =
                prop::option::of((text(), text(), 1900i32..2100, prop::option::of(1u32..400)));
            (actors, ties, text(), prop::option::of(text()), provenance)
        })
        .prop_map(|(actors, ties, title, description, provenance)| Dataset {
            format: FORMAT.into(),
            title,
            description,
            provenance: provenance.map(|(title, publication, year, volume)| Provenance {
                title,
                publication,
                volume,
                issue: None,
                year: Some(year),
                via: None,
                mapping: Vec::new(),
            }),
            edited: None,
            actors: actors
                .into_iter()
                .enumerate()
                .map(|(i, (name, actor_type, lat, lon, base))| Actor {
                    id: format!("{i}<{name}>"),
                    short: (i % 2 == 1).then(|| format!("S{i}")),
                    name,
                    actor_type,
                    iso3: None,
                    lat,
                    lon,
                    // Only organizations and armed groups have a base (a state's point is its capital).
                    base: base.filter(|_| actor_type != ActorType::State),
                })
                .collect(),
            ties: ties
                .into_iter()
                .map(|((a, b), flip, events)| {
                    let (s, t) = if flip { (b, a) } else { (a, b) };
                    Tie {
                        source: s.to_string(),
                        target: t.to_string(),
                        events,
                    }
                })
                .collect(),
            story: None,
        })
        .prop_map(|mut d| {
            // Tie ends name actors by index above; point them at the actors' real ids.
            let ids: Vec<String> = d.actors.iter().map(|a| a.id.clone()).collect();
            for t in &mut d.ties {
                t.source = ids[t.source.parse::<usize>().unwrap()].clone();
                t.target = ids[t.target.parse::<usize>().unwrap()].clone();
            }
            d
        })
}

/// Any kind, tone and actor-type masks (every bit of a `u8`), and a cut-off or none.
fn masks() -> impl Strategy<Value = (u8, u8, u8, Option<Date>)> {
    (
        any::<u8>(),
        any::<u8>(),
        any::<u8>(),
        prop::option::of(date()),
    )
}

fn filter() -> impl Strategy<Value = Filter> {
    masks().prop_map(|(kinds, tones, actor_types, until)| {
        Filter::from_masks(kinds, tones, actor_types, until)
    })
}

/// A filter that shows at least what `f` shows: more bits, the same (or no) cut-off. A later
/// cut-off is not wider: a lasting event may have ended by then.
fn wider(f: Filter) -> impl Strategy<Value = Filter> {
    masks().prop_map(move |(k, t, a, until)| Filter {
        kinds: KindSet(f.kinds.0 | k & KindSet::ALL.0),
        tones: f.tones | t & Tone::MASK,
        actor_types: f.actor_types | a & ActorType::MASK,
        until: until.and(f.until),
        since: None,
        hidden: Vec::new(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn export_then_import_gives_the_same_dataset(d in dataset()) {
        let text = serde_json::to_string(&d).unwrap();
        prop_assert_eq!(&from_json(&text).unwrap(), &d);
        let pretty = serde_json::to_string_pretty(&d).unwrap();
        prop_assert_eq!(&from_json(&pretty).unwrap(), &d);
    }

    #[test]
    fn a_wider_filter_never_shows_fewer_ties(
        (d, narrow, wide) in dataset().prop_flat_map(|d| (Just(d), filter()))
            .prop_flat_map(|(d, f)| (Just(d), Just(f.clone()), wider(f)))
    ) {
        let net = Network::new(d).unwrap();
        let all: BTreeSet<u32> = (0..net.tie_count() as u32).collect();
        let everything = net.visible(&Filter::default());
        prop_assert_eq!(everything.ties.iter().copied().collect::<BTreeSet<_>>(), all.clone());
        let n: BTreeSet<u32> = net.visible(&narrow).ties.into_iter().collect();
        let w: BTreeSet<u32> = net.visible(&wide).ties.into_iter().collect();
        prop_assert!(n.is_subset(&w), "{:?} shows {:?}, wider {:?} shows {:?}", narrow, n, wide, w);
        prop_assert!(w.is_subset(&all));
    }

    #[test]
    fn tooltip_views_agree_with_the_visible_ties(
        (d, f) in dataset().prop_flat_map(|d| (Just(d), filter()))
    ) {
        let net = Network::new(d).unwrap();
        let v = net.visible(&f);
        prop_assert_eq!(v.ties.len(), v.kinds.len());
        prop_assert_eq!(v.ties.len(), v.tones.len());
        for a in 0..net.actor_count() as u32 {
            let views = net.tie_views(a, &f);
            prop_assert_eq!(views.len() as u32, v.degree[a as usize]);
            for view in &views {
                let k = v.ties.iter().position(|&t| t == view.tie);
                prop_assert!(k.is_some(), "tie {} listed for actor {} but not drawn", view.tie, a);
                let k = k.unwrap();
                prop_assert!(net.ends(view.tie).contains(&a));
                prop_assert_eq!(view.kinds.iter().copied().collect::<KindSet>(), v.kinds[k]);
                prop_assert_eq!(view.tone, v.tones[k]);
                prop_assert!(view.events.iter().all(|e| f.admits(e)));
                prop_assert!(!view.events.is_empty());
            }
            let drawn = v.ties.iter().filter(|&&t| net.ends(t).contains(&a)).count();
            prop_assert_eq!(drawn, views.len());
        }
    }
}

/// A graph as a layout sees it: node count, a flat edge list (self-loops and repeats allowed),
/// starting positions that may be absent, non-finite or huge, and pins (some out of range).
type Graph = (usize, Vec<u32>, Option<Vec<f32>>, Vec<(usize, f32, f32)>);

fn graph() -> impl Strategy<Value = Graph> {
    (1usize..40).prop_flat_map(|n| {
        let coord = prop_oneof![
            4 => -1e3f32..1e3,
            1 => Just(f32::NAN),
            1 => Just(f32::INFINITY),
            1 => Just(-3e38f32),
            1 => Just(0.0f32),
        ];
        (
            Just(n),
            prop::collection::vec(0..n as u32, 0..(4 * n)).prop_map(|mut e| {
                e.truncate(e.len() / 2 * 2);
                e
            }),
            prop::option::of(prop::collection::vec(coord, 2 * n)),
            prop::collection::vec((0..n + 2, -1e4f32..1e4, -1e4f32..1e4), 0..3),
        )
    })
}

fn options() -> impl Strategy<Value = ForceOptions> {
    (
        any::<u32>(),
        1f32..200.0,
        -500f32..0.0,
        0f32..0.2,
        0f32..30.0,
    )
        .prop_map(
            |(seed, link_distance, charge, gravity, collide_radius)| ForceOptions {
                seed,
                link_distance,
                charge,
                gravity,
                collide_radius,
                ..ForceOptions::default()
            },
        )
}

fn run((n, edges, positions, pins): &Graph, options: &ForceOptions) -> Vec<f32> {
    let mut layout = ForceLayout::new(*n, edges, positions.as_deref(), options.clone()).unwrap();
    for &(node, x, y) in pins {
        layout.pin(node, x, y);
    }
    layout.step(40);
    let half = &edges[..edges.len() / 4 * 2];
    layout.set_edges(half, 0.5).unwrap();
    layout.step(40);
    layout.positions().to_vec()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn layouts_stay_finite_and_repeat_exactly_for_a_seed(g in graph(), o in options()) {
        let first = run(&g, &o);
        prop_assert_eq!(first.len(), 2 * g.0);
        prop_assert!(first.iter().all(|v| v.is_finite()), "{:?}", first);
        let second = run(&g, &o);
        prop_assert_eq!(
            first.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            second.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
        for &(node, x, y) in &g.3 {
            if node < g.0 && g.3.iter().rev().find(|p| p.0 == node) == Some(&(node, x, y)) {
                prop_assert_eq!((first[2 * node], first[2 * node + 1]), (x, y));
            }
        }
    }
}
