//! Graphs shared by the native and the wasm layout tests (`tests/layout.rs`, `tests/wasm_force.rs`).

/// 30 clusters of 12 on a ring (360 nodes): the shape on which d3's forces leave the most stress,
/// so a refinement has the most to gain. The layout crate's own tests (`refine.rs`) build the same.
pub fn clusters() -> Vec<u32> {
    let mut edges = vec![];
    for c in 0..30u32 {
        let base = c * 12;
        for v in 1..12 {
            edges.extend([base, base + v, base + v - 1, base + v]);
        }
        edges.extend([base, ((c + 1) % 30) * 12 + 5]);
    }
    edges
}
