//! Layouts: where each actor is drawn (seeded force simulation, ego rings, world map).
//!
//! Everything here is plain Rust over flat `f32` buffers (`[x0, y0, x1, y1, ..]`); `wasm.rs`
//! exposes it to JavaScript, which reads positions as a `Float32Array` view.

mod collide;
pub mod ego;
pub mod force;
pub mod geo;
mod init;
mod lanes;
mod lcg;
pub mod majorize;
mod many_body;
pub mod multilevel;
mod quadtree;
pub mod quality;
pub mod refine;
mod springs;
mod ztree;

pub use force::{ForceLayout, ForceOptions};

use std::fmt;

/// Largest graph a layout accepts: node indices and tree handles must fit comfortably in `u32`.
pub const MAX_NODES: usize = 1 << 24;

/// Why a layout could not be built from its input.
#[derive(Debug, Clone, PartialEq)]
pub enum LayoutError {
    /// Edge number `edge` (pair `[2*edge, 2*edge+1]` of the flat list) names `node`,
    /// which is not below `node_count`.
    EdgeOutOfRange {
        edge: usize,
        node: u32,
        node_count: usize,
    },
    /// The flat edge list has this odd length, so its last source has no target.
    OddEdgeList(usize),
    /// The flat position list has `got` values instead of `expected` (two per node).
    PositionsLength { expected: usize, got: usize },
    /// The flat list of anchor targets has `got` values instead of `expected` (two per node).
    AnchorsLength { expected: usize, got: usize },
    /// More nodes (`got`) than the layouts accept (`limit`).
    TooManyNodes { limit: usize, got: usize },
    /// A per-node array (`field`, e.g. `"radii"`) has `got` values instead of `expected`.
    LengthMismatch {
        field: &'static str,
        expected: usize,
        got: usize,
    },
    /// The ego layout's `centre` is not a node of a graph with `node_count` nodes.
    CentreOutOfRange { centre: usize, node_count: usize },
}

impl fmt::Display for LayoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::EdgeOutOfRange {
                edge,
                node,
                node_count,
            } => write!(
                f,
                "edge {edge}: node {node} is out of range (the graph has {node_count} nodes)"
            ),
            Self::OddEdgeList(len) => write!(
                f,
                "edges: flat list has odd length {len}; expected source,target pairs"
            ),
            Self::PositionsLength { expected, got } => write!(
                f,
                "positions: expected {expected} values (x,y per node), got {got}"
            ),
            Self::AnchorsLength { expected, got } => write!(
                f,
                "anchors: expected {expected} values (x,y per node), got {got}"
            ),
            Self::TooManyNodes { limit, got } => {
                write!(f, "node_count: {got} nodes exceeds the limit of {limit}")
            }
            Self::LengthMismatch {
                field,
                expected,
                got,
            } => {
                write!(
                    f,
                    "{field}: expected {expected} values (one per node), got {got}"
                )
            }
            Self::CentreOutOfRange { centre, node_count } => write!(
                f,
                "centre: node {centre} is out of range (the graph has {node_count} nodes)"
            ),
        }
    }
}

impl std::error::Error for LayoutError {}

/// Checks a flat edge list against `node_count`; shared by every layout taking edges.
///
/// # Errors
/// [`LayoutError::OddEdgeList`] or the first [`LayoutError::EdgeOutOfRange`].
pub(crate) fn check_edges(node_count: usize, edges: &[u32]) -> Result<(), LayoutError> {
    if edges.len() % 2 != 0 {
        return Err(LayoutError::OddEdgeList(edges.len()));
    }
    match edges.iter().position(|&v| v as usize >= node_count) {
        Some(i) => Err(LayoutError::EdgeOutOfRange {
            edge: i / 2,
            node: edges[i],
            node_count,
        }),
        None => Ok(()),
    }
}

/// Rejects graphs above [`MAX_NODES`].
pub(crate) fn check_node_count(node_count: usize) -> Result<(), LayoutError> {
    if node_count > MAX_NODES {
        return Err(LayoutError::TooManyNodes {
            limit: MAX_NODES,
            got: node_count,
        });
    }
    Ok(())
}

/// Undirected adjacency in compressed rows: neighbours of `v` are `targets[offsets[v]..offsets[v+1]]`.
/// Self-loops are dropped; edges must already be checked.
pub(crate) fn adjacency(node_count: usize, edges: &[u32]) -> (Vec<usize>, Vec<u32>) {
    let mut offsets = vec![0usize; node_count + 1];
    for e in edges.chunks_exact(2).filter(|e| e[0] != e[1]) {
        offsets[e[0] as usize + 1] += 1;
        offsets[e[1] as usize + 1] += 1;
    }
    for v in 0..node_count {
        offsets[v + 1] += offsets[v];
    }
    let mut fill = offsets.clone();
    let mut targets = vec![0u32; offsets[node_count]];
    for e in edges.chunks_exact(2).filter(|e| e[0] != e[1]) {
        let (s, t) = (e[0] as usize, e[1] as usize);
        targets[fill[s]] = e[1];
        fill[s] += 1;
        targets[fill[t]] = e[0];
        fill[t] += 1;
    }
    (offsets, targets)
}
