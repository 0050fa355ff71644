//! The ego layout: one actor at the centre, the others on rings by hop distance.

use std::f64::consts::TAU;

use super::{adjacency, check_edges, check_node_count, LayoutError};

/// Places `centre` at the origin and every other node on ring `k` (radius `k * ring_gap`),
/// where `k` is its hop distance from `centre`. Rings are ordered by barycentre: a node sits
/// near the mean angle of its neighbours on the ring inside, which keeps children under their
/// parents and reduces crossings. Unreachable nodes share one extra outer ring.
///
/// # Arguments
/// * `edges` – flat `[s0, t0, ..]`, read as undirected; self-loops are ignored.
/// * `ring_gap` – distance between rings; a non-finite or non-positive gap is taken as 1.
///
/// # Returns
/// Flat `[x0, y0, ..]` of length `2 * node_count`.
///
/// # Errors
/// [`LayoutError::TooManyNodes`], [`LayoutError::OddEdgeList`],
/// [`LayoutError::EdgeOutOfRange`], or [`LayoutError::CentreOutOfRange`] (also for an empty graph).
///
/// # Complexity
/// O(n log n + m).
pub fn radial(
    node_count: usize,
    edges: &[u32],
    centre: usize,
    ring_gap: f32,
) -> Result<Vec<f32>, LayoutError> {
    check_node_count(node_count)?;
    check_edges(node_count, edges)?;
    if centre >= node_count {
        return Err(LayoutError::CentreOutOfRange { centre, node_count });
    }
    let gap = if ring_gap.is_finite() && ring_gap > 0.0 {
        f64::from(ring_gap)
    } else {
        1.0
    };
    let (offsets, targets) = adjacency(node_count, edges);
    let neighbours = |v: usize| {
        targets[offsets[v]..offsets[v + 1]]
            .iter()
            .map(|&u| u as usize)
    };

    // Hop distances, and the nodes of each ring in breadth-first order.
    let mut depth = vec![usize::MAX; node_count];
    depth[centre] = 0;
    let mut rings: Vec<Vec<usize>> = vec![vec![centre]];
    while let Some(outer) = rings.last().filter(|ring| !ring.is_empty()) {
        let next: Vec<usize> = outer
            .iter()
            .flat_map(|&v| neighbours(v))
            .filter(|&u| {
                let fresh = depth[u] == usize::MAX;
                if fresh {
                    depth[u] = rings.len();
                }
                fresh
            })
            .collect();
        rings.push(next);
    }
    rings.pop();
    let unreachable: Vec<usize> = (0..node_count)
        .filter(|&v| depth[v] == usize::MAX)
        .collect();

    let mut angle = vec![0.0f64; node_count];
    let mut xy = vec![0.0f32; 2 * node_count];
    for (k, ring) in rings.iter().enumerate().skip(1) {
        let wanted: Vec<f64> = if k == 1 {
            (0..ring.len())
                .map(|j| TAU * j as f64 / ring.len() as f64)
                .collect()
        } else {
            ring.iter()
                .map(|&v| {
                    let (s, c) = neighbours(v)
                        .filter(|&u| depth[u] + 1 == k)
                        .fold((0.0, 0.0), |(s, c), u| {
                            (s + angle[u].sin(), c + angle[u].cos())
                        });
                    s.atan2(c)
                })
                .collect()
        };
        place_ring(ring, &wanted, k as f64 * gap, &mut angle, &mut xy);
    }
    let outer: Vec<f64> = (0..unreachable.len())
        .map(|j| TAU * j as f64 / unreachable.len() as f64)
        .collect();
    place_ring(
        &unreachable,
        &outer,
        rings.len() as f64 * gap,
        &mut angle,
        &mut xy,
    );
    Ok(xy)
}

/// Spreads `ring` evenly at `radius`, in the order of their `wanted` angles, rotated so the
/// slots match the wanted angles best (the circular mean of the differences).
fn place_ring(ring: &[usize], wanted: &[f64], radius: f64, angle: &mut [f64], xy: &mut [f32]) {
    let m = ring.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]).then(ring[a].cmp(&ring[b])));
    let slot = |j: usize| TAU * j as f64 / m as f64;
    let (s, c) = order
        .iter()
        .enumerate()
        .fold((0.0, 0.0), |(s, c), (j, &o)| {
            let d = wanted[o] - slot(j);
            (s + d.sin(), c + d.cos())
        });
    let offset = if s == 0.0 && c == 0.0 {
        0.0
    } else {
        s.atan2(c)
    };
    for (j, &o) in order.iter().enumerate() {
        let (v, theta) = (ring[o], offset + slot(j));
        angle[v] = theta;
        xy[2 * v] = (radius * theta.cos()) as f32;
        xy[2 * v + 1] = (radius * theta.sin()) as f32;
    }
}
