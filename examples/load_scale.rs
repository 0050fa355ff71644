//! Times each step of loading synthetic datasets up to the limits' scale (README, "Security and
//! data"): `cargo run --release --example load_scale`.

#[path = "../tests/scale/mod.rs"]
mod scale;

use entente::layout::{ForceLayout, ForceOptions};
use entente::load::{from_json_bytes, validate};
use entente::network::{Filter, Network};
use std::time::Instant;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    println!("| actors | ties | events | JSON | parse + validate | validate alone | index (validates too) | page load: `Network::from_json` | filter | layout tick |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (actors, ties) in [(1_000, 2_000), (10_000, 20_000), (50_000, 100_000)] {
        let text = scale::json(actors, ties, 2);
        let t = Instant::now();
        let d = from_json_bytes(text.as_bytes()).unwrap();
        let parse = ms(t);
        let t = Instant::now();
        validate(&d).unwrap();
        let again = ms(t);
        let t = Instant::now();
        let net = Network::new(d).unwrap();
        let index = ms(t);
        // What the page's constructor does: parse, validate once, index.
        let t = Instant::now();
        let page = Network::from_json(&text).unwrap();
        let page_load = ms(t);
        assert_eq!(page.actor_count(), net.actor_count());
        let t = Instant::now();
        let visible = net.visible(&Filter::default());
        let filter = ms(t);
        let mut layout =
            ForceLayout::new(actors, &net.edge_list(), None, ForceOptions::default()).unwrap();
        let t = Instant::now();
        layout.step(1);
        let tick = ms(t);
        assert_eq!(visible.ties.len(), ties);
        println!(
            "| {actors} | {ties} | {} | {:.1} MB | {parse:.0} ms | {again:.0} ms | {index:.0} ms | {page_load:.0} ms | {filter:.0} ms | {tick:.0} ms |",
            2 * ties,
            text.len() as f64 / 1e6
        );
    }
}
