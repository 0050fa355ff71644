//! Native timing of the layout engine on the benchmark graphs written by `bench/graphs.mjs`.
//!
//! `cargo run --release --example bench_native -- target/bench/graphs` prints one JSON object
//! per graph and engine variant (`entente-native`, `-refined`, `-multilevel`, `-multilevel-unpolished`,
//! `-multilevel-at-once`) on stdout.

use std::time::Instant;

use entente::layout::quality::stress;
use entente::layout::refine::{self, Refinement};
use entente::layout::{multilevel, ForceLayout, ForceOptions};
use serde_json::{json, Value};

/// Ticks timed for the ms/iteration figure.
const TIMED_TICKS: u32 = 50;
/// Stress is sampled from this many BFS sources, the same for every engine.
pub const STRESS_SAMPLES: usize = 300;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench/graphs".into());
    let names: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(format!("{dir}/index.json"))?)?;
    for name in names {
        let graph: Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{name}.json"))?)?;
        let n = graph["nodeCount"].as_u64().ok_or("nodeCount")? as usize;
        let edges: Vec<u32> = numbers(&graph["edges"]).map(|v| v as u32).collect();
        let start: Vec<f32> = numbers(&graph["positions"]).map(|v| v as f32).collect();

        // ms per tick, warm (the first tick sizes the buffers); the best of three fresh runs,
        // since the machine is shared.
        let mut per_tick = f64::INFINITY;
        for _ in 0..3 {
            let mut layout = ForceLayout::new(n, &edges, Some(&start), ForceOptions::default())?;
            layout.step(1);
            let t = Instant::now();
            layout.step(TIMED_TICKS);
            per_tick = per_tick.min(t.elapsed().as_secs_f64() * 1e3 / f64::from(TIMED_TICKS));
        }

        // Full runs until each cools: d3's 300 ticks from the shared start, the same with the
        // stress refinement (and its polish), and the multilevel start plus 80 ticks, refined
        // and polished as in the page's worker, and refined without the polish.
        let unpolished = Refinement {
            polish_ticks: 0,
            ..Refinement::default()
        };
        let at_once = Refinement {
            polish_ticks: 0,
            at_once: true,
            ..Refinement::default()
        };
        let runs: [(&str, bool, Option<Refinement>); 5] = [
            ("entente-native", false, None),
            ("entente-native-refined", false, Some(Refinement::default())),
            (
                "entente-native-multilevel",
                true,
                Some(Refinement::default()),
            ),
            (
                "entente-native-multilevel-unpolished",
                true,
                Some(unpolished),
            ),
            ("entente-native-multilevel-at-once", true, Some(at_once)),
        ];
        for (engine, coarse, refinement) in runs {
            // Refined at once, the layout rests before its first tick: no time per tick.
            let untimed = refinement.as_ref().is_some_and(|r| r.at_once);
            let t = Instant::now();
            let options = ForceOptions::default();
            let mut layout = if coarse {
                multilevel::build(n, &edges, options)?
            } else {
                ForceLayout::new(n, &edges, Some(&start), options)?
            };
            if let Some(settings) = refinement {
                refine::enable(&mut layout, settings);
            }
            let mut ticks = 0;
            while layout.step(1) {
                ticks += 1;
            }
            let total = t.elapsed().as_secs_f64() * 1e3;
            let s = stress(layout.positions(), n, &edges, STRESS_SAMPLES, 7);
            let tick = if untimed { f64::NAN } else { per_tick };
            report(&name, engine, tick, ticks + 1, total, s);
        }
    }
    Ok(())
}

fn numbers(v: &Value) -> impl Iterator<Item = f64> + '_ {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|x| x.as_f64().unwrap_or(f64::NAN))
}

fn report(graph: &str, engine: &str, per_tick: f64, ticks: u32, total: f64, stress: f64) {
    println!(
        "{}",
        json!({"graph": graph, "engine": engine, "msPerIteration": per_tick,
               "iterations": ticks, "totalMs": total, "stress": stress})
    );
}
