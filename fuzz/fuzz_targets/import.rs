//! Any bytes as one file for the importers (CSV, GEXF, GraphML or JSON, chosen by the first
//! byte): a located message, or a dataset that validates and round-trips.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
#[allow(dead_code)]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::import(data));
