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
    let mut walk = Walk::new(node_count, edges);
    let mut sums = Sums::default();
    for source in sources(node_count, samples, seed) {
        walk.from(source, |u, hop| sums.add(positions, source, u, hop));
    }
    sums.stress()
}

/// The pairs of a sampled [`stress`] (sources, nodes reached and hop distances), found once,
/// for a drawing that changes while its graph does not: [`Sampled::stress`] then costs no
/// search. Gives the same value as [`stress`] with the same arguments, to the bit.
///
/// # Complexity
/// O(samples · (n + m)) to build; O(pairs) memory (12 bytes a pair) and time per stress.
#[derive(Debug)]
pub struct Sampled {
    node_count: usize,
    /// Per pair: the source, the node reached and its hops, in the searches' order.
    pairs: Vec<(u32, u32, u32)>,
}

impl Sampled {
    /// The pairs of [`stress`]`(_, node_count, edges, samples, seed)`.
    #[must_use]
    pub fn new(node_count: usize, edges: &[u32], samples: usize, seed: u32) -> Self {
        let mut walk = Walk::new(node_count, edges);
        let mut pairs = Vec::new();
        for source in sources(node_count, samples, seed) {
            walk.from(source, |u, hop| pairs.push((source as u32, u as u32, hop)));
        }
        Self { node_count, pairs }
    }

    /// The sampled stress of `positions` (as [`stress`]: NaN when they are too few).
    #[must_use]
    pub fn stress(&self, positions: &[f32]) -> f64 {
        if positions.len() < 2 * self.node_count {
            return f64::NAN;
        }
        let mut sums = Sums::default();
        for &(source, u, hop) in &self.pairs {
            sums.add(positions, source as usize, u as usize, hop);
        }
        sums.stress()
    }
}

/// `samples` distinct nodes (every node when `samples >= node_count`) by a seeded partial
/// Fisher–Yates shuffle.
fn sources(node_count: usize, samples: usize, seed: u32) -> Vec<usize> {
    let mut nodes: Vec<usize> = (0..node_count).collect();
    let mut rng = Lcg::new(seed);
    let picks = samples.min(node_count);
    for k in 0..picks {
        let r = k + rng.below(node_count - k);
        nodes.swap(k, r);
    }
    nodes.truncate(picks);
    nodes
}

/// Breadth-first searches over a graph's valid edges (those naming missing nodes dropped),
/// with their buffers reused from search to search.
struct Walk {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    hops: Vec<u32>,
    queue: VecDeque<usize>,
}

impl Walk {
    fn new(node_count: usize, edges: &[u32]) -> Self {
        let valid: Vec<u32> = edges
            .chunks_exact(2)
            .filter(|e| (e[0] as usize) < node_count && (e[1] as usize) < node_count)
            .flatten()
            .copied()
            .collect();
        let (offsets, targets) = adjacency(node_count, &valid);
        Self {
            offsets,
            targets,
            hops: vec![u32::MAX; node_count],
            queue: VecDeque::new(),
        }
    }

    /// Calls `reached(node, hops)` for each node reachable from `source`, itself excepted, in
    /// the search's order.
    fn from(&mut self, source: usize, mut reached: impl FnMut(usize, u32)) {
        self.hops.fill(u32::MAX);
        self.hops[source] = 0;
        self.queue.push_back(source);
        while let Some(v) = self.queue.pop_front() {
            for &u in &self.targets[self.offsets[v]..self.offsets[v + 1]] {
                let u = u as usize;
                if self.hops[u] == u32::MAX {
                    self.hops[u] = self.hops[v] + 1;
                    self.queue.push_back(u);
                    reached(u, self.hops[u]);
                }
            }
        }
    }
}

/// Σ(s·d − g)²/g² = s²·B − 2s·A + pairs with A = Σ d/g and B = Σ d²/g², so the optimal
/// s = A/B leaves pairs − A²/B; only the two sums need keeping.
#[derive(Default)]
struct Sums {
    pairs: u64,
    a: f64,
    b: f64,
}

impl Sums {
    fn add(&mut self, positions: &[f32], source: usize, u: usize, hop: u32) {
        let dx = f64::from(positions[2 * u] - positions[2 * source]);
        let dy = f64::from(positions[2 * u + 1] - positions[2 * source + 1]);
        // f64 squares of f32 differences cannot overflow: no `hypot` (several times slower,
        // and most of a sampled stress's time).
        let ratio = (dx * dx + dy * dy).sqrt() / f64::from(hop);
        self.a += ratio;
        self.b += ratio * ratio;
        self.pairs += 1;
    }

    fn stress(&self) -> f64 {
        if self.pairs == 0 {
            return 0.0;
        }
        let explained = if self.b > 0.0 {
            self.a * self.a / self.b
        } else {
            0.0
        };
        ((self.pairs as f64 - explained) / self.pairs as f64).max(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sampled_pairs_give_the_same_stress_to_the_bit() {
        // A ring of 30 with a chord, an isolated node 30, and an edge to a missing node.
        let mut edges: Vec<u32> = (0..30).flat_map(|i| [i, (i + 1) % 30]).collect();
        edges.extend([0, 15, 3, 99]);
        let mut rng = Lcg::new(4);
        let xy: Vec<f32> = (0..62).map(|_| rng.next_f64() as f32 * 100.0).collect();
        for samples in [1, 7, 31, 100] {
            let sampled = Sampled::new(31, &edges, samples, 9);
            let once = stress(&xy, 31, &edges, samples, 9);
            assert!(once > 0.0 && once < 1.0, "{once}");
            assert_eq!(sampled.stress(&xy).to_bits(), once.to_bits());
        }
        let sampled = Sampled::new(31, &edges, 31, 9);
        assert!(sampled.stress(&xy[..61]).is_nan());
        // A drawing at the hop distances along a straight path is perfect.
        let path: Vec<u32> = (0..9).flat_map(|i| [i, i + 1]).collect();
        let line: Vec<f32> = (0..10).flat_map(|i| [i as f32 * 3.0, 5.0]).collect();
        assert!(Sampled::new(10, &path, 10, 1).stress(&line) < 1e-12);
        assert_eq!(Sampled::new(3, &[], 3, 1).stress(&[0.0; 6]), 0.0);
    }
}
