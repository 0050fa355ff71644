//! Times the exploring work the core does per interaction: tie hit-testing, neighbourhoods, the table of ties, the events chart, and comparing two dates.
//!
//! Run with `cargo run --release --example explore_bench`; the README's table comes from it.

#[path = "../tests/scale/mod.rs"]
mod scale;

use entente::chart::{events_per_year, render_svg};
use entente::compare::compare;
use entente::date::Date;
use entente::evidence::{hops, single_sourced};
use entente::hit::tie_at;
use entente::load::from_json;
use entente::model::{Actor, ActorType, Dataset, Event, Kind, Source, Tie, Tone};
use entente::network::{Filter, Network};
use entente::session::Session;
use entente::style::Theme;
use std::hint::black_box;
use std::time::Instant;

/// Mean time of `f` over `runs` runs, in microseconds.
fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> f64 {
    black_box(f());
    let start = Instant::now();
    for _ in 0..runs {
        black_box(f());
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(runs)
}

fn main() {
    let net = Network::new(from_json(include_str!("../data/pakistan-2021.json")).unwrap()).unwrap();
    let filter = Filter::default();
    let visible = net.visible(&filter);
    let n = net.actor_count();
    let positions: Vec<f32> = (0..n)
        .flat_map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            [400.0 + 250.0 * a.cos(), 300.0 + 250.0 * a.sin()]
        })
        .collect();
    let edges = net.edge_list();

    // A synthetic picture of 10,000 actors and 50,000 ties for hit-testing.
    let (big_n, big_m) = (10_000u32, 50_000u32);
    let mut seed = 1u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as u32
    };
    let big_pos: Vec<f32> = (0..2 * big_n)
        .map(|_| (next() % 100_000) as f32 / 10.0)
        .collect();
    let big_edges: Vec<u32> = (0..2 * big_m).map(|_| next() % big_n).collect();
    let lines = vec![2u8; big_m as usize];
    // A network of 10,000 actors and 50,000 ties for neighbourhoods.
    let ring = Network::from_json(&scale::json(big_n as usize, big_m as usize, 1)).unwrap();
    let session = Session::new(net.clone()).unwrap();

    println!("| work | input | mean time |");
    println!("|---|---|---|");
    let row = |what: &str, input: &str, us: f64| println!("| {what} | {input} | {us:.1} µs |");
    row(
        "`tie_at` (one pointer move)",
        "28 ties",
        time(10_000, || {
            tie_at(
                black_box(&positions),
                black_box(&edges),
                &[1; 28],
                black_box(400.0),
                300.0,
                3.5,
                3.0,
            )
        }),
    );
    row(
        "`tie_at` (one pointer move)",
        "50,000 ties",
        time(200, || {
            tie_at(
                black_box(&big_pos),
                black_box(&big_edges),
                &lines,
                black_box(5000.0),
                5000.0,
                3.5,
                3.0,
            )
        }),
    );
    row(
        "`single_sourced` (per filter change)",
        "28 ties, 57 events",
        time(2_000, || single_sourced(&net, &visible, &filter)),
    );
    row(
        "`hops` (focus, 2 hops)",
        "50,000 ties",
        time(200, || hops(&ring, black_box(0), 2, |_| true)),
    );
    row(
        "`tie_table` (the table of ties, per filter change)",
        "28 ties, 57 events",
        time(2_000, || session.tie_table().len()),
    );
    row(
        "events per year + chart SVG (per filter change)",
        "57 events, 480×92 px",
        time(1_000, || {
            render_svg(&events_per_year(&net, &filter), None, 480, 92, Theme::Light).unwrap()
        }),
    );
    let (a, b) = ("2011-12-31".parse().unwrap(), "2021-08-31".parse().unwrap());
    row(
        "`compare` (two dates, per change of either)",
        "28 ties, 57 events",
        time(2_000, || compare(&net, black_box(a), b, &filter)),
    );
    let big = lasting(50_000, 100_000, 2);
    let (a, b) = ("2008-06-30".parse().unwrap(), "2016-01-01".parse().unwrap());
    row(
        "`compare` (two dates, per change of either)",
        "50,000 actors, 100,000 ties, 200,000 events",
        time(20, || compare(&big, black_box(a), b, &filter)),
    );
}

/// A network of `actors` in a ring and `ties` ties with `per_tie` events each, dated over
/// 2000–2023 at every precision, of every tone, a third of them lasting a few years.
fn lasting(actors: usize, ties: usize, per_tie: usize) -> Network {
    let mut seed = 7u64;
    let mut next = move |n: u32| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as u32 % n
    };
    let actors: Vec<Actor> = (0..actors)
        .map(|i| Actor {
            id: format!("A{i}"),
            name: format!("Actor {i}"),
            actor_type: ActorType::State,
            iso3: None,
            lat: 0.0,
            lon: 0.0,
            base: None,
            short: None,
        })
        .collect();
    let n = actors.len();
    let ties = (0..ties)
        .map(|i| {
            let (s, t) = (i % n, (i % n + 1 + i / n) % n);
            let events = (0..per_tie)
                .map(|_| {
                    let year = 2000 + next(24) as i32;
                    let date = match next(3) {
                        0 => Date::year_only(year),
                        _ => Date::ymd(year, 1 + next(12) as u8, 1 + next(28) as u8).unwrap(),
                    };
                    let end = (next(3) == 0).then(|| Date::year_only(year + 1 + next(4) as i32));
                    Event {
                        date,
                        end,
                        kind: Kind::ALL[next(4) as usize],
                        tone: Tone::ALL[next(3) as usize],
                        summary: "s".into(),
                        figures: Vec::new(),
                        people: Vec::new(),
                        sources: vec![Source::new("o", date)],
                        note: None,
                        assessment: false,
                    }
                })
                .collect();
            Tie {
                source: format!("A{s}"),
                target: format!("A{t}"),
                events,
            }
        })
        .collect();
    let d = Dataset {
        format: entente::model::FORMAT.into(),
        title: "lasting".into(),
        description: None,
        provenance: None,
        actors,
        ties,
        story: None,
    };
    Network::new(d).unwrap()
}
