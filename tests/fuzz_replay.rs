//! The fuzz targets' invariants, natively and on the stable toolchain: every saved fuzz finding
//! (`fuzz/regressions/`), every fixture and dataset of every format, and seeded random inputs.
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use std::path::{Path, PathBuf};

fn files(dirs: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.is_file() && !path.ends_with(".gitkeep") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// d3's LCG, so the "random" inputs are the same on every run.
fn random_inputs(count: usize, max_len: usize) -> impl Iterator<Item = Vec<u8>> {
    let mut state: u32 = 1;
    let mut next = move || {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        state
    };
    (0..count).map(move |_| {
        let len = next() as usize % max_len;
        (0..len).map(|_| (next() >> 24) as u8).collect()
    })
}

#[test]
fn json_findings_fixtures_and_datasets_hold() {
    let all = files(&[
        "fuzz/regressions/json",
        "tests/fixtures/json",
        "tests/fixtures/hostile",
        "data",
    ]);
    assert!(all.len() > 60, "only {} files", all.len());
    for path in all {
        let bytes = std::fs::read(&path).unwrap();
        let run = std::panic::catch_unwind(|| invariants::json(&bytes));
        assert!(run.is_ok(), "{} breaks an invariant", path.display());
    }
}

#[test]
fn import_findings_and_fixtures_hold() {
    let all = files(&[
        "fuzz/regressions/import",
        "tests/fixtures/csv",
        "tests/fixtures/gexf",
        "tests/fixtures/graphml",
    ]);
    assert!(all.len() > 20, "only {} files", all.len());
    for path in all {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let run = std::panic::catch_unwind(|| {
            if path.starts_with(Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")) {
                invariants::import(&bytes);
            } else {
                invariants::imported(&name, &bytes);
            }
        });
        assert!(run.is_ok(), "{} breaks an invariant", path.display());
    }
}

#[test]
fn seeded_random_imports_hold() {
    for bytes in random_inputs(300, 300) {
        invariants::import(&bytes);
    }
}

#[test]
fn layout_findings_hold() {
    for path in files(&["fuzz/regressions/layout"]) {
        let bytes = std::fs::read(&path).unwrap();
        let run = std::panic::catch_unwind(|| invariants::layout(&bytes));
        assert!(run.is_ok(), "{} breaks an invariant", path.display());
    }
}

#[test]
fn seeded_random_layout_sessions_hold() {
    for (i, bytes) in random_inputs(300, 600).enumerate() {
        let run = std::panic::catch_unwind(|| invariants::layout(&bytes));
        assert!(
            run.is_ok(),
            "random session {i} breaks an invariant: {bytes:?}"
        );
    }
}

#[test]
fn seeded_random_json_bytes_hold() {
    for bytes in random_inputs(300, 300) {
        invariants::json(&bytes);
    }
}

#[test]
fn csv_round_trip_findings_hold() {
    for path in files(&["fuzz/regressions/csv"]) {
        let bytes = std::fs::read(&path).unwrap();
        let run = std::panic::catch_unwind(|| invariants::csv(&bytes));
        assert!(run.is_ok(), "{} breaks an invariant", path.display());
    }
}

#[test]
fn seeded_random_datasets_round_trip_through_csv() {
    let checked = random_inputs(300, 2000)
        .filter(|bytes| invariants::csv(bytes))
        .count();
    // Most random bytes make a valid dataset; the rest are refused by `validate` and skipped.
    assert!(
        checked >= 100,
        "only {checked} of 300 inputs made a valid dataset"
    );
}
