//! Layout quality: normalised stress against graph (hop) distances, for benchmarks and tests.

use std::collections::VecDeque;

use super::adjacency;
use super::lcg::Lcg;

/// Normalised stress of a drawing: how well drawn distances match hop distances.
///
/// From each of `samples` sources (chosen by `seed`; every node when `samples >= node_count`)
/// a breadth-first search gives hop distances `g`; for each reachable pair with drawn distance
/// `d` the stress is `Σ (s·d − g)² / g² / pairs`, where the scale `s = Σ(d/g) / Σ(d²/g²)` that
/// minimises it is computed in closed form, so the result does not depend on the drawing's
/// scale. 0 is perfect; disconnected pairs are skipped.
///
/// # Arguments
/// * `positions` – flat `[x0, y0, ..]`; edges naming missing nodes are ignored.
///
/// # Returns
/// The stress, 0 when there are no connected pairs, or NaN if `positions` holds fewer than
/// `2 * node_count` values.
///
/// # Complexity
/// O(samples · (n + m)) time, O(n + m) memory.
#[must_use]
pub fn stress(
    positions: &[f32],
    node_count: usize,
    edges: &[u32],
    samples: usize,
    seed: u32,
) -> f64 {
    if positions.len() < 2 * node_count {
        return f64::NAN;
    }
    let valid: Vec<u32> = edges
        .chunks_exact(2)
        .filter(|e| (e[0] as usize) < node_count && (e[1] as usize) < node_count)
        .flatten()
        .copied()
        .collect();
    let (offsets, targets) = adjacency(node_count, &valid);

    // A seeded partial Fisher–Yates shuffle picks distinct sources.
    let mut nodes: Vec<usize> = (0..node_count).collect();
    let mut rng = Lcg::new(seed);
    let picks = samples.min(node_count);
    for k in 0..picks {
        let r = k + rng.below(node_count - k);
        nodes.swap(k, r);
    }

    let mut hops = vec![u32::MAX; node_count];
    let mut queue = VecDeque::new();
    // Σ(s·d − g)²/g² = s²·B − 2s·A + pairs with A = Σ d/g and B = Σ d²/g², so the optimal
    // s = A/B leaves pairs − A²/B; only the two sums need keeping.
    let (mut pairs, mut a, mut b) = (0u64, 0.0f64, 0.0f64);
    for &source in &nodes[..picks] {
        hops.fill(u32::MAX);
        hops[source] = 0;
        queue.push_back(source);
        while let Some(v) = queue.pop_front() {
            for &u in &targets[offsets[v]..offsets[v + 1]] {
                let u = u as usize;
                if hops[u] == u32::MAX {
                    hops[u] = hops[v] + 1;
                    queue.push_back(u);
                    let dx = f64::from(positions[2 * u] - positions[2 * source]);
                    let dy = f64::from(positions[2 * u + 1] - positions[2 * source + 1]);
                    // f64 squares of f32 differences cannot overflow: no `hypot` (several
                    // times slower, and most of a sampled stress's time).
                    let ratio = (dx * dx + dy * dy).sqrt() / f64::from(hops[u]);
                    a += ratio;
                    b += ratio * ratio;
                    pairs += 1;
                }
            }
        }
    }
    if pairs == 0 {
        return 0.0;
    }
    let explained = if b > 0.0 { a * a / b } else { 0.0 };
    ((pairs as f64 - explained) / pairs as f64).max(0.0)
}
