//! Times importing every file of the interop corpus (`../shared/interop/graphology/`), then
//! synthetic GEXF and CSV files of growing size (to show the cost grows linearly), then
//! exporting: prints Markdown tables. `cargo run --release --example import_timing`

use entente::export::export;
use entente::load::{import, Format, InputFile};
use std::fmt::Write;
use std::time::{Duration, Instant};

/// The median of five runs of `f`.
fn median<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let start = Instant::now();
        last = Some(f());
        times.push(start.elapsed());
    }
    times.sort();
    (times[2], last.unwrap())
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// A GEXF graph of `n` nodes and `4n` edges from a small linear congruential generator.
fn synthetic_gexf(n: usize) -> String {
    let mut s = String::from("<?xml version=\"1.0\"?>\n<gexf version=\"1.3\">\n<graph defaultedgetype=\"undirected\">\n<nodes>\n");
    for i in 0..n {
        let _ = writeln!(s, "<node id=\"n{i}\" label=\"Node {i}\"/>");
    }
    s.push_str("</nodes>\n<edges>\n");
    let mut x: u64 = 1;
    for j in 0..4 * n {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let (a, b) = ((x >> 33) as usize % n, (x >> 13) as usize % n);
        let _ = writeln!(s, "<edge id=\"{j}\" source=\"n{a}\" target=\"n{b}\"/>");
    }
    s.push_str("</edges>\n</graph>\n</gexf>\n");
    s
}

fn main() {
    let today = "2026-01-01".parse().unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/interop/graphology");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "gexf" || x == "graphml"))
        .collect();
    files.sort();
    println!("| corpus file | bytes | result | import (median of 5) |");
    println!("|---|---:|---|---:|");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let (time, result) = median(|| {
            import(
                &[InputFile {
                    name: &name,
                    text: &text,
                }],
                today,
            )
        });
        let outcome = match result {
            Ok(i) => format!(
                "{} actors, {} ties, {} events",
                i.dataset.actors.len(),
                i.dataset.ties.len(),
                i.dataset.ties.iter().map(|t| t.events.len()).sum::<usize>()
            ),
            Err(e) => format!("refused: {}", e.error),
        };
        println!("| {name} | {} | {outcome} | {} |", text.len(), ms(time));
    }

    println!("\n| synthetic GEXF | bytes | import | per edge | CSV of it | import |");
    println!("|---|---:|---:|---:|---:|---:|");
    for n in [2_500, 10_000, 40_000] {
        let text = synthetic_gexf(n);
        let (time, result) = median(|| {
            import(
                &[InputFile {
                    name: "s.gexf",
                    text: &text,
                }],
                today,
            )
        });
        let d = result.unwrap().dataset;
        let csv = export(&d, Format::Csv).unwrap();
        let (events, actors) = (&csv[0].text, &csv[1].text);
        let (csv_time, _) = median(|| {
            import(
                &[
                    InputFile {
                        name: "s.events.csv",
                        text: events,
                    },
                    InputFile {
                        name: "s.actors.csv",
                        text: actors,
                    },
                ],
                today,
            )
            .unwrap()
        });
        println!(
            "| {n} nodes, {} edges | {} | {} | {:.2} µs | {} | {} |",
            4 * n,
            text.len(),
            ms(time),
            time.as_secs_f64() * 1e6 / (4 * n) as f64,
            events.len() + actors.len(),
            ms(csv_time)
        );
    }

    let pakistan = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/pakistan-2021.json"),
    )
    .unwrap();
    let yeast = std::fs::read_to_string(dir.join("yeast.gexf")).unwrap();
    let datasets = [
        (
            "pakistan-2021",
            entente::load::from_json(&pakistan).unwrap(),
        ),
        (
            "yeast",
            import(
                &[InputFile {
                    name: "yeast.gexf",
                    text: &yeast,
                }],
                today,
            )
            .unwrap()
            .dataset,
        ),
    ];
    println!("\n| export (median of 5) | JSON | CSV | GEXF | GraphML |");
    println!("|---|---:|---:|---:|---:|");
    for (name, d) in &datasets {
        let cells: Vec<String> = Format::ALL
            .iter()
            .map(|f| ms(median(|| export(d, *f).unwrap()).0))
            .collect();
        println!("| {name} | {} |", cells.join(" | "));
    }
}
