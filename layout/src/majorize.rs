//! Sparse stress majorization (Ortmann, Klimenta & Brandes 2016): a drawing refined toward
//! drawn distances proportional to hop distances, from each node's neighbours and a few pivots.

use super::adjacency;
use super::lanes::{self, Quad, LANES};
use super::lcg::Lcg;

/// Rounds of the localized update (Gauss–Seidel over every node).
pub const ROUNDS: u32 = 40;

/// Pivots whose hop distances stand in for all the far pairs: 200 up to 10,000 nodes, then
/// fewer (no fewer than 50) so a round stays about 2 million terms.
#[must_use]
pub fn pivots_for(node_count: usize) -> usize {
    (2_000_000 / node_count.max(1)).clamp(50, 200)
}

/// Moves every unpinned node of `xy` to lower the stress Σ w (|xᵢ − xⱼ| − L·dᵢⱼ)² over the
/// graph's edges (d = 1, w = 1) and each node's terms to up to `pivots` pivots (picked far
/// apart, max–min), a pivot standing for the nodes of its region that are nearer to it than
/// half the distance (weight = that count / d²). L is the unit that best fits the drawing as it
/// is, so the refinement keeps its scale. Nodes unreachable from every pivot keep only their
/// edge terms; isolated nodes stay put. `edges` must be checked.
///
/// Complexity: O(pivots · (n + m)) to set up, O(m + n · pivots) per round; O(n · pivots) memory.
pub fn refine(
    xy: &mut [f32],
    node_count: usize,
    edges: &[u32],
    pinned: &[bool],
    pivots: usize,
    rounds: u32,
    seed: u32,
) {
    if let Some(sparse) = Sparse::new(xy, node_count, edges, pivots, seed) {
        sparse.rounds(xy, pinned, rounds);
    }
}

/// Rounds of a whole refinement: about 40 million terms (a round is one term per edge end
/// and per node and pivot), from [`ROUNDS`] to 200; small graphs keep improving well past 40.
#[must_use]
pub fn rounds_for(node_count: usize, pivots: usize) -> u32 {
    let per_round = (node_count.max(1) * pivots.max(1)) as u64;
    (40_000_000 / per_round).clamp(u64::from(ROUNDS), 200) as u32
}

/// The sparse stress model of one drawing: pivots, each node's terms to them and the unit, set
/// up once so that rounds can be run in slices (and the drawing's true stress checked between
/// them).
///
/// A node's pivot terms are a row of `stride` quads ([`crate::lanes`]), so that a round takes
/// them four at a time (wasm SIMD in the standalone layout module): 8 bytes a term, 16 MB at
/// 10,000 nodes and 200 pivots.
#[derive(Debug)]
pub struct Sparse {
    offsets: Vec<usize>,
    targets: Vec<u32>,
    chosen: Vec<u32>,
    /// Quads in a node's row: the pivots four to a quad, the last padded with empty terms.
    stride: usize,
    /// Per node, the weight of its term to each pivot: 0 where the pivot is unreachable, the
    /// node itself or a neighbour (already an edge term), and in the padding.
    weights: Vec<Quad>,
    /// Per node, the drawn length each pivot term aims at: the unit times the hops (0 where
    /// the weight is).
    lengths: Vec<Quad>,
    /// Each node's index among the pivots, [`NOT_PIVOT`] for the others.
    pivot_of: Vec<u32>,
    unit: f32,
}

/// Added to the length a pivot term divides by (see [`Sparse::rounds`]).
const TINY: f32 = 1e-20;

/// [`Sparse::pivot_of`] of a node that is not a pivot.
const NOT_PIVOT: u32 = u32::MAX;

impl Sparse {
    /// Sets up the model of `xy` (see [`refine`]); `None` when there is nothing to refine
    /// (under two nodes, no pivots, a short `xy`, or no scale to fit).
    #[must_use]
    pub fn new(
        xy: &[f32],
        node_count: usize,
        edges: &[u32],
        pivots: usize,
        seed: u32,
    ) -> Option<Self> {
        let n = node_count;
        if n < 2 || pivots == 0 || xy.len() < 2 * n {
            return None;
        }
        let (offsets, targets) = adjacency(n, edges);
        let (chosen, hops) = pick_pivots(n, &offsets, &targets, pivots.min(n), seed);
        let k = chosen.len();
        // Each node is owned by its nearest pivot (lowest index on ties).
        let mut within: Vec<Vec<u32>> = vec![Vec::new(); k];
        for row in hops.chunks_exact(k) {
            let near = (0..k).filter(|&p| row[p] != FAR).min_by_key(|&p| row[p]);
            if let Some(p) = near {
                let d = row[p] as usize;
                if within[p].len() <= d {
                    within[p].resize(d + 1, 0);
                }
                within[p][d] += 1;
            }
        }
        for counts in &mut within {
            for d in 1..counts.len() {
                counts[d] += counts[d - 1];
            }
        }
        // A pivot stands for the nodes it owns nearer to it than half the distance.
        let weight = |p: usize, d: u16| {
            if d == FAR || d < 2 {
                return 0.0;
            }
            let counts = &within[p];
            let c = counts[(d as usize / 2).min(counts.len() - 1)];
            c as f32 / (f32::from(d) * f32::from(d))
        };
        let stride = k.div_ceil(LANES);
        let mut weights = Vec::with_capacity(n * stride);
        let mut lengths = Vec::with_capacity(n * stride);
        let (mut w_row, mut d_row) = (vec![0.0; stride * LANES], vec![0.0; stride * LANES]);
        for row in hops.chunks_exact(k) {
            for (p, &d) in row.iter().enumerate() {
                w_row[p] = weight(p, d);
                d_row[p] = if w_row[p] > 0.0 { f32::from(d) } else { 0.0 };
            }
            weights.extend(lanes::packed(&w_row, 0.0));
            lengths.extend(lanes::packed(&d_row, 0.0));
        }
        drop(hops);
        let mut pivot_of = vec![NOT_PIVOT; n];
        for (p, &j) in chosen.iter().enumerate() {
            pivot_of[j as usize] = p as u32;
        }
        let mut sparse = Self {
            offsets,
            targets,
            chosen,
            stride,
            weights,
            lengths,
            pivot_of,
            unit: 0.0,
        };
        let unit = sparse.best_unit(xy);
        if !(unit > 0.0 && unit.is_finite()) {
            return None;
        }
        sparse.unit = unit;
        for d in &mut sparse.lengths {
            *d = lanes::mul(lanes::splat(unit), *d);
        }
        Some(sparse)
    }

    /// Runs `rounds` rounds of the localized update (Gauss–Seidel over every unpinned node).
    pub fn rounds(&self, xy: &mut [f32], pinned: &[bool], rounds: u32) {
        let (n, stride, unit) = (self.offsets.len() - 1, self.stride, self.unit);
        // The pivots' places, kept current as they move: scalars, and quads to read.
        let place = |axis: usize| {
            let mut v: Vec<f32> = self
                .chosen
                .iter()
                .map(|&j| xy[2 * j as usize + axis])
                .collect();
            v.resize(stride * LANES, 0.0);
            v
        };
        let (mut px, mut py) = (place(0), place(1));
        let mut pxq: Vec<Quad> = lanes::packed(&px, 0.0).collect();
        let mut pyq: Vec<Quad> = lanes::packed(&py, 0.0).collect();
        let zero = lanes::splat(0.0);
        // Added to each length divided by: a node on its pivot (dx = dy = 0, where the pull does
        // not matter) is not divided by zero, without a branch per lane; any length above
        // about 1e-13 is unchanged by it.
        let tiny = lanes::splat(TINY);
        for _ in 0..rounds {
            for i in 0..n {
                if pinned.get(i).copied().unwrap_or(false) {
                    continue;
                }
                let (xi, yi) = (xy[2 * i], xy[2 * i + 1]);
                // Pivot terms, four at a time: w (xⱼ + (xᵢ − xⱼ) · L·d / |xᵢ − xⱼ|).
                let (x4, y4) = (lanes::splat(xi), lanes::splat(yi));
                let (mut sx4, mut sy4, mut sw4) = (zero, zero, zero);
                let row = i * stride..(i + 1) * stride;
                let terms = self.weights[row.clone()].iter().zip(&self.lengths[row]);
                for ((&w, &length), (&xj, &yj)) in terms.zip(pxq.iter().zip(&pyq)) {
                    let (dx, dy) = (lanes::sub(x4, xj), lanes::sub(y4, yj));
                    let len = lanes::sqrt(lanes::add(lanes::mul(dx, dx), lanes::mul(dy, dy)));
                    let pull = lanes::div(length, lanes::add(len, tiny));
                    sx4 = lanes::add(sx4, lanes::mul(w, lanes::add(xj, lanes::mul(dx, pull))));
                    sy4 = lanes::add(sy4, lanes::mul(w, lanes::add(yj, lanes::mul(dy, pull))));
                    sw4 = lanes::add(sw4, w);
                }
                let (mut sx, mut sy) = (lanes::total(sx4), lanes::total(sy4));
                let mut sw = lanes::total(sw4);
                // Edge terms: weight 1, one hop.
                for &j in &self.targets[self.offsets[i]..self.offsets[i + 1]] {
                    let (xj, yj) = (xy[2 * j as usize], xy[2 * j as usize + 1]);
                    let (dx, dy) = (xi - xj, yi - yj);
                    let len = (dx * dx + dy * dy).sqrt();
                    let pull = if len > 0.0 { unit / len } else { 0.0 };
                    sx += xj + dx * pull;
                    sy += yj + dy * pull;
                    sw += 1.0;
                }
                let (x, y) = (sx / sw, sy / sw);
                if sw > 0.0 && x.is_finite() && y.is_finite() {
                    xy[2 * i] = x;
                    xy[2 * i + 1] = y;
                    let p = self.pivot_of[i] as usize;
                    if p != NOT_PIVOT as usize {
                        // Its quad again from the scalars (no allocation: this is per node).
                        let (q, c) = (p / LANES, p / LANES * LANES);
                        (px[p], py[p]) = (x, y);
                        pxq[q] = lanes::quad([px[c], px[c + 1], px[c + 2], px[c + 3]]);
                        pyq[q] = lanes::quad([py[c], py[c + 1], py[c + 2], py[c + 3]]);
                    }
                }
            }
        }
    }

    /// The length of one hop that best fits the drawing: argmin over L of Σ w (|x| − L·d)².
    /// Called while [`Sparse::lengths`] still holds the hops.
    fn best_unit(&self, xy: &[f32]) -> f32 {
        let (mut num, mut den) = (0.0f64, 0.0f64);
        // f64 squares of f32 differences cannot overflow: no `hypot`, several times slower.
        let len = |i: usize, j: usize| {
            let (dx, dy) = (
                f64::from(xy[2 * i] - xy[2 * j]),
                f64::from(xy[2 * i + 1] - xy[2 * j + 1]),
            );
            (dx * dx + dy * dy).sqrt()
        };
        for i in 0..self.offsets.len() - 1 {
            for &j in &self.targets[self.offsets[i]..self.offsets[i + 1]] {
                num += len(i, j as usize);
                den += 1.0;
            }
            let row = i * self.stride..(i + 1) * self.stride;
            let terms = self.weights[row.clone()].iter().zip(&self.lengths[row]);
            for (q, (&w, &d)) in terms.enumerate() {
                for (l, (w, d)) in lanes::array(w).into_iter().zip(lanes::array(d)).enumerate() {
                    if w > 0.0 {
                        let (w, d) = (f64::from(w), f64::from(d));
                        num += w * d * len(i, self.chosen[q * LANES + l] as usize);
                        den += w * d * d;
                    }
                }
            }
        }
        (num / den) as f32
    }
}

/// Marks an unreachable pivot in the hop table.
const FAR: u16 = u16::MAX;

/// Max–min pivots: the first seeded, each next the node farthest from all chosen so far
/// (an unreached node first, so every component gets one). Returns them and the hop table,
/// node by node (`hops[i * pivots + p]`, [`FAR`] when unreachable or farther than 65,534).
fn pick_pivots(
    n: usize,
    offsets: &[usize],
    targets: &[u32],
    k: usize,
    seed: u32,
) -> (Vec<u32>, Vec<u16>) {
    // Each search writes its pivot's distances as one contiguous row (`by_pivot`); the table
    // the rounds read, one row per node, is that transposed in blocks at the end. (Written in
    // place, a stride of `k` per node, the setup took about as long as 10 rounds at 10,000
    // nodes.) The loop stops early only once every node is a pivot, so `k` stays the stride.
    let mut chosen = Vec::with_capacity(k);
    let mut by_pivot = vec![FAR; n * k];
    let mut row = vec![u32::MAX; n];
    let mut nearest = vec![u32::MAX; n];
    // One slot more than nodes: a neighbour already reached is written past the queue's end
    // and not counted, so that the search has no branch on whether it was reached (which the
    // processor cannot predict, and which took most of the search's time).
    let mut queue = vec![0u32; n + 1];
    let mut next = Lcg::new(seed).below(n);
    for p in 0..k {
        chosen.push(next as u32);
        row.fill(u32::MAX);
        row[next] = 0;
        queue[0] = next as u32;
        let (mut head, mut tail) = (0, 1);
        while head < tail {
            let v = queue[head] as usize;
            head += 1;
            let hop = row[v] + 1;
            for &u in &targets[offsets[v]..offsets[v + 1]] {
                let fresh = row[u as usize] == u32::MAX;
                row[u as usize] = if fresh { hop } else { row[u as usize] };
                queue[tail] = u;
                tail += usize::from(fresh);
            }
        }
        let out = &mut by_pivot[p * n..(p + 1) * n];
        for ((o, near), &d) in out.iter_mut().zip(&mut nearest).zip(&row) {
            *near = (*near).min(d);
            *o = u16::try_from(d).unwrap_or(FAR);
        }
        // u32::MAX (unreached) wins the max, so a new component gets the next pivot.
        match (0..n).max_by_key(|&v| (nearest[v], std::cmp::Reverse(v))) {
            Some(v) if nearest[v] > 0 => next = v,
            _ => break,
        }
    }
    (chosen, transpose(&by_pivot, k, n))
}

/// `table` (`rows` rows of `cols`) as `cols` rows of `rows`, in square blocks that stay in cache.
fn transpose(table: &[u16], rows: usize, cols: usize) -> Vec<u16> {
    const BLOCK: usize = 64;
    let mut out = vec![0; table.len()];
    for r0 in (0..rows).step_by(BLOCK) {
        for c0 in (0..cols).step_by(BLOCK) {
            for r in r0..(r0 + BLOCK).min(rows) {
                for c in c0..(c0 + BLOCK).min(cols) {
                    out[c * rows + r] = table[r * cols + c];
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::stress;

    /// A 12 × 12 grid and a drawing of it scrambled by a seeded shuffle.
    fn grid() -> (Vec<u32>, Vec<f32>) {
        let side = 12u32;
        let mut edges = vec![];
        for r in 0..side {
            for c in 0..side {
                let v = r * side + c;
                if c + 1 < side {
                    edges.extend([v, v + 1]);
                }
                if r + 1 < side {
                    edges.extend([v, v + side]);
                }
            }
        }
        let mut rng = Lcg::new(5);
        let xy = (0..2 * side * side)
            .map(|_| rng.next_f64() as f32 * 100.0)
            .collect();
        (edges, xy)
    }

    #[test]
    fn a_scrambled_grid_is_drawn_with_far_lower_stress() {
        let (edges, mut xy) = grid();
        let before = stress(&xy, 144, &edges, 144, 1);
        refine(&mut xy, 144, &edges, &[], 20, ROUNDS, 1);
        let after = stress(&xy, 144, &edges, 144, 1);
        assert!(xy.iter().all(|v| v.is_finite()));
        assert!(after < 0.2 * before, "stress {before} -> {after}");
        assert!(
            after < 0.1,
            "a grid is drawn close to exactly from any start: {after}"
        );
    }

    #[test]
    fn pinned_nodes_stay_and_the_rest_still_improve() {
        let (edges, mut xy) = grid();
        let start = xy.clone();
        let pinned: Vec<bool> = (0..144).map(|v| v % 10 == 0).collect();
        let before = stress(&xy, 144, &edges, 144, 1);
        refine(&mut xy, 144, &edges, &pinned, 20, ROUNDS, 1);
        for v in (0..144).filter(|v| v % 10 == 0) {
            assert_eq!((xy[2 * v], xy[2 * v + 1]), (start[2 * v], start[2 * v + 1]));
        }
        assert!(stress(&xy, 144, &edges, 144, 1) < 0.5 * before);
    }

    #[test]
    fn components_get_their_own_pivots_and_isolated_nodes_stay_put() {
        // two paths of 20 and an isolated node 40
        let edges: Vec<u32> = (0..19)
            .flat_map(|i| [i, i + 1])
            .chain((20..39).flat_map(|i| [i, i + 1]))
            .collect();
        let mut rng = Lcg::new(9);
        let mut xy: Vec<f32> = (0..82).map(|_| rng.next_f64() as f32 * 50.0).collect();
        let lone = (xy[80], xy[81]);
        let (offsets, targets) = adjacency(41, &edges);
        let (chosen, _) = pick_pivots(41, &offsets, &targets, 3, 1);
        let sides: Vec<u32> = chosen.iter().map(|&p| p.min(40) / 20).collect();
        assert!(
            sides.contains(&0) && sides.contains(&1) && sides.contains(&2),
            "{chosen:?}"
        );
        let before = stress(&xy, 41, &edges, 41, 1);
        refine(&mut xy, 41, &edges, &[], 6, ROUNDS, 1);
        assert_eq!((xy[80], xy[81]), lone);
        assert!(xy.iter().all(|v| v.is_finite()));
        assert!(stress(&xy, 41, &edges, 41, 1) < 0.2 * before);
    }

    #[test]
    fn rounds_in_slices_are_the_same_rounds() {
        let (edges, start) = grid();
        let mut whole = start.clone();
        refine(&mut whole, 144, &edges, &[], 20, 10, 1);
        let mut sliced = start.clone();
        let sparse = Sparse::new(&sliced, 144, &edges, 20, 1).unwrap();
        sparse.rounds(&mut sliced, &[], 5);
        sparse.rounds(&mut sliced, &[], 5);
        assert_eq!(whole, sliced);
        assert!(Sparse::new(&start[..10], 144, &edges, 20, 1).is_none());
    }

    #[test]
    fn rounds_follow_a_budget_of_terms() {
        assert_eq!(rounds_for(77, 77), 200);
        assert_eq!(rounds_for(1000, 200), 200);
        assert_eq!(rounds_for(4000, 200), 50);
        assert_eq!(rounds_for(10_000, 200), ROUNDS);
        assert_eq!(rounds_for(50_000, 50), ROUNDS);
    }

    #[test]
    fn pivots_shrink_with_size_within_bounds() {
        assert_eq!(pivots_for(1000), 200);
        assert_eq!(pivots_for(20_000), 100);
        assert_eq!(pivots_for(1_000_000), 50);
        assert_eq!(pivots_for(0), 200);
    }
}
