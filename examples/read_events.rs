//! Reads an event-data file natively in 4 MiB chunks, as the page's worker does, and prints the
//! rows, the result and the time: `cargo run --release --example read_events -- FILE`.

use entente::load::events::{EventFormat, EventReader, Options};
use std::io::Read;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: read_events FILE");
    let mut file = std::fs::File::open(&path).expect("the file opens");
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut chunk = vec![0u8; 4 << 20];
    let started = Instant::now();
    let n = file.read(&mut chunk).expect("the file reads");
    let format = EventFormat::detect(&chunk[..n]).expect("an event-data format");
    let today = "2026-12-02".parse().expect("a date");
    let mut reader = EventReader::new(format, &path, Options::default(), today);
    reader.push(&chunk[..n]);
    loop {
        let n = file.read(&mut chunk).expect("the file reads");
        if n == 0 {
            break;
        }
        reader.push(&chunk[..n]);
    }
    let read = reader.finish().expect("the file imports");
    let seconds = started.elapsed().as_secs_f64();
    let events: usize = read.dataset.ties.iter().map(|t| t.events.len()).sum();
    println!(
        "{} rows, {} actors, {} ties, {} events in {seconds:.2} s: {:.1} MB/s",
        read.rows,
        read.dataset.actors.len(),
        read.dataset.ties.len(),
        events,
        size as f64 / 1e6 / seconds
    );
}
