//! Exported GEXF and GraphML open in an independent reader: NetworkX (Python) reads the
//! shipped dataset's exports with one node per actor and one edge per event.
#![cfg(not(target_arch = "wasm32"))]

use entente::export::export;
use entente::load::{from_json, Format};
use std::path::Path;
use std::process::Command;

#[test]
fn networkx_reads_the_gexf_and_graphml_exports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let d =
        from_json(&std::fs::read_to_string(root.join("data/pakistan-2021.json")).unwrap()).unwrap();
    let dir = root.join("target/networkx");
    std::fs::create_dir_all(&dir).unwrap();
    let mut paths = Vec::new();
    for format in [Format::Gexf, Format::Graphml] {
        let file = export(&d, format).unwrap().remove(0);
        let path = dir.join(format!("pakistan-2021.{}", file.suffix));
        std::fs::write(&path, file.text).unwrap();
        paths.push(path);
    }
    let events: usize = d.ties.iter().map(|t| t.events.len()).sum();
    let out = Command::new("python3")
        .arg(root.join("tests/interop/networkx_reads.py"))
        .args(&paths)
        .arg(d.actors.len().to_string())
        .arg(events.to_string())
        .output()
        .expect("python3 is needed to run NetworkX: install it (scripts/lib.sh does)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.status.success(),
        "NetworkX could not read the exports:\n{said}"
    );
    assert!(
        said.contains(&format!("{} nodes, {events} edges", d.actors.len())),
        "{said}"
    );
}
