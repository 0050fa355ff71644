//! Any bytes as an Entente JSON file: a located error or a dataset that round-trips and lays out.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
#[allow(dead_code)]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::json(data));
