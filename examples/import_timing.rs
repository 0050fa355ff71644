//! Times importing every file of the interop corpus (`../shared/interop/graphology/`) and
//! prints a Markdown table: `cargo run --release --example import_timing`.

use entente::load::{import, InputFile};
use std::time::Instant;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/interop/graphology");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "gexf" || x == "graphml"))
        .collect();
    files.sort();
    let today = "2026-01-01".parse().unwrap();
    println!("| file | bytes | result | median of 5 |");
    println!("|---|---:|---|---:|");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut times = Vec::new();
        let mut outcome = String::new();
        for _ in 0..5 {
            let start = Instant::now();
            let result = import(
                &[InputFile {
                    name: &name,
                    text: &text,
                }],
                today,
            );
            times.push(start.elapsed());
            outcome = match result {
                Ok(i) => format!(
                    "{} actors, {} ties, {} events",
                    i.dataset.actors.len(),
                    i.dataset.ties.len(),
                    i.dataset.ties.iter().map(|t| t.events.len()).sum::<usize>()
                ),
                Err(e) => format!("refused: {e}"),
            };
        }
        times.sort();
        println!(
            "| {name} | {} | {outcome} | {:.2} ms |",
            text.len(),
            times[2].as_secs_f64() * 1e3
        );
    }
}
