//! Any bytes as a force-layout session (graph, positions, pins, ticks): never a panic or a NaN.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
#[allow(dead_code)]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::layout(data));
