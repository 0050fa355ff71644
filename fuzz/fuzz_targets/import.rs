//! Any bytes as one file for the importers (CSV, GEXF, GraphML, or JSON, chosen by the first
//! byte through the file name): a message, or a dataset that validates and round-trips.
//!
//! Written against `entente::load::{import, InputFile}` (the importers' entry point); it is built
//! once that entry point is on the branch and the `import` [[bin]] in `fuzz/Cargo.toml` is
//! uncommented.
#![no_main]

use entente::load::{from_json, import, text_from_bytes, validate, InputFile};

const NAMES: [&str; 6] = [
    "ties.csv",
    "actors.csv",
    "network.gexf",
    "network.graphml",
    "dataset.json",
    "unnamed",
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let Ok(text) = text_from_bytes(rest) else {
        return;
    };
    let today = "2026-01-01".parse().expect("a date");
    match import(&[InputFile { name, text }], today) {
        Err(e) => assert!(!e.to_string().is_empty(), "an import error without a message"),
        Ok(imported) => {
            validate(&imported.dataset).expect("an imported dataset is valid");
            let json = serde_json::to_string(&imported.dataset).expect("it serialises");
            assert_eq!(from_json(&json).as_ref(), Ok(&imported.dataset), "round trip");
        }
    }
});
