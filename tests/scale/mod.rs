//! A synthetic dataset of a given size as Entente JSON text, for the scale test and benchmark.
use std::fmt::Write;

/// `actors` actors in a ring; tie `i` joins actor `i % actors` to the one `1 + i / actors`
/// places on, so every pair is distinct while `ties < actors * (actors - 1) / 2`.
pub fn json(actors: usize, ties: usize, events_per_tie: usize) -> String {
    let mut s = String::from(r#"{"format":"entente/1","title":"scale","actors":["#);
    for i in 0..actors {
        let comma = if i > 0 { "," } else { "" };
        write!(
            s,
            r#"{comma}{{"id":"A{i}","name":"Actor {i}","type":"state","lat":0,"lon":0}}"#
        )
        .unwrap();
    }
    s.push_str(r#"],"ties":["#);
    for i in 0..ties {
        let (a, b) = (i % actors, (i % actors + 1 + i / actors) % actors);
        let comma = if i > 0 { "," } else { "" };
        write!(s, r#"{comma}{{"source":"A{a}","target":"A{b}","events":["#).unwrap();
        for k in 0..events_per_tie {
            let comma = if k > 0 { "," } else { "" };
            write!(s, r#"{comma}{{"date":"2021-0{}","kind":"defense","tone":"cooperative","summary":"s","sources":[{{"outlet":"o","date":"2021"}}]}}"#, 1 + k % 9).unwrap();
        }
        s.push_str("]}");
    }
    s.push_str("]}");
    s
}
