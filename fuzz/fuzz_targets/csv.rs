//! Any bytes as a dataset built by `arbitrary`: kept when valid, its CSV export has no cell that
//! starts a formula and reads back as the same dataset.
#![no_main]

#[path = "../../tests/invariants/mod.rs"]
#[allow(dead_code)]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    invariants::csv(data);
});
