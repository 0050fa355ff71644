//! The charge force's Barnes–Hut tree: points sorted along a Z-order (Morton) curve, each cell
//! a contiguous run of them, so a leaf's points and their positions sit side by side in memory.

/// Bits per axis of the Morton code: deeper than this, distinct points share a leaf.
const BITS: u32 = 24;
/// Radix-sort digit width and bucket count.
const DIGIT: u32 = 8;
const BUCKETS: usize = 1 << DIGIT;

/// One square of the tree.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Cell {
    /// Weighted centroid and total weight, filled by [`ZTree::accumulate`].
    pub cx: f32,
    pub cy: f32,
    pub mass: f32,
    /// Side length of the square.
    pub size: f32,
    /// Index of the first of four consecutive children; 0 marks a leaf (the root is never a child).
    pub first_child: u32,
    /// The cell's points are `start..end` of the curve order.
    pub start: u32,
    pub end: u32,
}

/// Cells live in one arena addressed by `u32`; a cell's four children are allocated together,
/// always after their parent, so a reverse scan visits children before parents. Every buffer
/// keeps its capacity across rebuilds: after warm-up a rebuild allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct ZTree {
    pub cells: Vec<Cell>,
    /// The groups, in curve order: the largest cells of at most `group` points, and the
    /// leaves of more that no split could part (coincident points). They partition the points,
    /// and each one's points walk the tree together (`many_body.rs`).
    pub groups: Vec<u32>,
    /// Point ids in curve order, and their positions and weights in that order.
    pub order: Vec<u32>,
    pub x: Vec<f32>,
    pub y: Vec<f32>,
    pub w: Vec<f32>,
    keys: Vec<u64>,
    spare_keys: Vec<u64>,
    spare_order: Vec<u32>,
    /// Cells to split: cell, depth, and whether an ancestor is already a group.
    stack: Vec<(u32, u32, bool)>,
}

/// Spreads the bits of `v` to the even bits of the result.
fn spread(v: u32) -> u64 {
    let mut v = u64::from(v);
    v = (v | (v << 16)) & 0x0000_ffff_0000_ffff;
    v = (v | (v << 8)) & 0x00ff_00ff_00ff_00ff;
    v = (v | (v << 4)) & 0x0f0f_0f0f_0f0f_0f0f;
    v = (v | (v << 2)) & 0x3333_3333_3333_3333;
    (v | (v << 1)) & 0x5555_5555_5555_5555
}

impl ZTree {
    /// Rebuilds the tree over flat `xy` pairs (all finite) with one weight per point; a leaf
    /// holds up to `capacity` points unless they share one code (coincident, or closer than
    /// the bounding square's side / 2²⁴). The groups are the largest cells of at most `group`
    /// points (a leaf of more is a group of its own).
    ///
    /// Complexity: O(n) for the codes and the radix sort, O(cells · log capacity) for the splits.
    pub(crate) fn build(&mut self, xy: &[f32], weights: &[f32], capacity: usize, group: usize) {
        let n = xy.len() / 2;
        self.cells.clear();
        self.groups.clear();
        self.order.clear();
        self.keys.clear();
        if n == 0 {
            self.x.clear();
            self.y.clear();
            self.w.clear();
            return;
        }
        let (mut x0, mut y0, mut x1, mut y1) = (xy[0], xy[1], xy[0], xy[1]);
        for p in xy.chunks_exact(2) {
            x0 = x0.min(p[0]);
            x1 = x1.max(p[0]);
            y0 = y0.min(p[1]);
            y1 = y1.max(p[1]);
        }
        let side = (x1 - x0).max(y1 - y0);
        let side = if side > 0.0 { side } else { 1.0 };
        let scale = (1u32 << BITS) as f32 / side;
        let top = (1u32 << BITS) - 1;
        // `as u32` saturates, so the far edge (and rounding past it) lands in the last slot.
        self.keys.extend(xy.chunks_exact(2).map(|p| {
            let qx = (((p[0] - x0) * scale) as u32).min(top);
            let qy = (((p[1] - y0) * scale) as u32).min(top);
            spread(qx) | (spread(qy) << 1)
        }));
        self.order.extend(0..n as u32);
        self.sort();
        self.x.clear();
        self.y.clear();
        self.w.clear();
        for &p in &self.order {
            self.x.push(xy[2 * p as usize]);
            self.y.push(xy[2 * p as usize + 1]);
            self.w.push(weights[p as usize]);
        }
        self.split_all(side, capacity.max(1), group);
    }

    /// Least-significant-digit radix sort of `keys` (48 bits) carrying `order`; a digit that
    /// every key shares is skipped.
    fn sort(&mut self) {
        let n = self.keys.len();
        self.spare_keys.clear();
        self.spare_keys.resize(n, 0);
        self.spare_order.clear();
        self.spare_order.resize(n, 0);
        for pass in 0..(2 * BITS).div_ceil(DIGIT) {
            let shift = pass * DIGIT;
            let digit = |k: u64| (k >> shift) as usize & (BUCKETS - 1);
            let mut count = [0usize; BUCKETS];
            for &k in &self.keys {
                count[digit(k)] += 1;
            }
            if count[digit(self.keys[0])] == n {
                continue;
            }
            let mut sum = 0;
            for c in &mut count {
                (*c, sum) = (sum, sum + *c);
            }
            for (&k, &p) in self.keys.iter().zip(&self.order) {
                let slot = &mut count[digit(k)];
                self.spare_keys[*slot] = k;
                self.spare_order[*slot] = p;
                *slot += 1;
            }
            std::mem::swap(&mut self.keys, &mut self.spare_keys);
            std::mem::swap(&mut self.order, &mut self.spare_order);
        }
    }

    /// Splits the root's run into cells, depth first, children in curve order, and notes the
    /// groups on the way down.
    fn split_all(&mut self, side: f32, capacity: usize, group: usize) {
        let n = self.keys.len() as u32;
        self.cells.push(Cell {
            size: side,
            end: n,
            ..Cell::default()
        });
        self.stack.clear();
        self.stack.push((0, 0, false));
        while let Some((cell, depth, in_group)) = self.stack.pop() {
            let Cell {
                start, end, size, ..
            } = self.cells[cell as usize];
            let (s, e) = (start as usize, end as usize);
            if e == s {
                continue;
            }
            let leaf = e - s <= capacity || depth == BITS || self.keys[s] == self.keys[e - 1];
            let is_group = !in_group && (leaf || e - s <= group);
            if is_group {
                self.groups.push(cell);
            }
            if leaf {
                continue;
            }
            let shift = 2 * (BITS - 1 - depth);
            let run = &self.keys[s..e];
            let mut bounds = [start; 5];
            for q in 1..4u64 {
                bounds[q as usize] = start + run.partition_point(|&k| (k >> shift) & 3 < q) as u32;
            }
            bounds[4] = end;
            let first = self.cells.len() as u32;
            for q in 0..4 {
                self.cells.push(Cell {
                    size: size * 0.5,
                    start: bounds[q],
                    end: bounds[q + 1],
                    ..Cell::default()
                });
            }
            self.cells[cell as usize].first_child = first;
            for q in (0..4).rev() {
                self.stack
                    .push((first + q, depth + 1, in_group || is_group));
            }
        }
    }

    /// Whether two of the points `run` of the curve order share a code: only then may two of
    /// them coincide.
    pub(crate) fn shares_codes(&self, run: std::ops::Range<usize>) -> bool {
        self.keys[run].windows(2).any(|k| k[0] == k[1])
    }

    /// Fills `mass` and the weighted centroid of every cell, children before parents.
    /// Weights must be finite and non-negative.
    ///
    /// Complexity: O(cells + n).
    pub(crate) fn accumulate(&mut self) {
        for cell in (0..self.cells.len()).rev() {
            let (mut m, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32);
            let Cell {
                first_child,
                start,
                end,
                ..
            } = self.cells[cell];
            if first_child != 0 {
                let first = first_child as usize;
                for child in &self.cells[first..first + 4] {
                    m += child.mass;
                    sx += child.mass * child.cx;
                    sy += child.mass * child.cy;
                }
            } else {
                for k in start as usize..end as usize {
                    m += self.w[k];
                    sx += self.w[k] * self.x[k];
                    sy += self.w[k] * self.y[k];
                }
            }
            let c = &mut self.cells[cell];
            (c.cx, c.cy) = if m > 0.0 {
                (sx / m, sy / m)
            } else {
                (0.0, 0.0)
            };
            c.mass = m;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points() -> Vec<f32> {
        // includes a coincident pair (points 2 and 5) and a near-coincident pair (3, 4)
        vec![
            0.0, 0.0, 10.0, 3.0, -4.0, 7.0, 5.0, 5.0, 5.0, 5.000_001, -4.0, 7.0, 9.0, -8.0,
        ]
    }

    fn built(xy: &[f32], weights: &[f32], capacity: usize, group: usize) -> ZTree {
        let mut tree = ZTree::default();
        tree.build(xy, weights, capacity, group);
        tree.accumulate();
        tree
    }

    /// The non-empty leaves, in curve order.
    fn leaves(tree: &ZTree) -> Vec<u32> {
        let mut leaves: Vec<u32> = (0..tree.cells.len() as u32)
            .filter(|&c| {
                let c = tree.cells[c as usize];
                c.first_child == 0 && c.end > c.start
            })
            .collect();
        leaves.sort_by_key(|&c| tree.cells[c as usize].start);
        leaves
    }

    #[test]
    fn leaves_partition_the_points_in_curve_order() {
        let xy: Vec<f32> = (0..600).map(|k| ((k * 7919) % 613) as f32 * 0.37).collect();
        let tree = built(&xy, &[1.0; 300], 4, 16);
        let mut seen = vec![0; 300];
        let mut next = 0;
        for leaf in leaves(&tree) {
            let c = tree.cells[leaf as usize];
            assert_eq!(c.first_child, 0);
            assert_eq!(c.start, next, "leaves are consecutive runs");
            assert!(
                c.end - c.start <= 4
                    || tree.keys[c.start as usize] == tree.keys[c.end as usize - 1]
            );
            next = c.end;
            for k in c.start..c.end {
                seen[tree.order[k as usize] as usize] += 1;
                let p = tree.order[k as usize] as usize;
                assert_eq!(
                    (tree.x[k as usize], tree.y[k as usize]),
                    (xy[2 * p], xy[2 * p + 1])
                );
            }
        }
        assert_eq!(next, 300);
        assert!(seen.iter().all(|&s| s == 1));
        assert!(
            tree.keys.windows(2).all(|k| k[0] <= k[1]),
            "sorted along the curve"
        );
    }

    #[test]
    fn groups_are_the_largest_cells_of_at_most_the_group_size() {
        let xy: Vec<f32> = (0..2000)
            .map(|k| ((k * 7919) % 613) as f32 * 0.37)
            .collect();
        for (capacity, group) in [(4, 16), (8, 32), (16, 16), (2, 5)] {
            let tree = built(&xy, &[1.0; 1000], capacity, group);
            // From the root down: a cell is a group, or holds more than `group` points and is
            // split; every group is met once, in curve order, and they cover every point.
            let (mut found, mut next, mut stack) = (Vec::new(), 0, vec![0u32]);
            while let Some(cell) = stack.pop() {
                let c = tree.cells[cell as usize];
                if c.end == c.start {
                    continue;
                }
                if found.len() < tree.groups.len() && tree.groups[found.len()] == cell {
                    assert_eq!(c.start, next, "groups are consecutive runs");
                    assert!(
                        c.end - c.start <= group as u32 || c.first_child == 0,
                        "a group of more points is an unsplittable leaf"
                    );
                    next = c.end;
                    found.push(cell);
                    continue;
                }
                assert!(
                    c.end - c.start > group as u32 && c.first_child != 0,
                    "cell {cell}"
                );
                stack.extend((c.first_child..c.first_child + 4).rev());
            }
            assert_eq!(found, tree.groups);
            assert_eq!(next, 1000);
        }
    }

    #[test]
    fn a_leafs_points_lie_close_together() {
        // 16 points in each of four far corners: no leaf mixes two corners.
        let xy: Vec<f32> = (0..64)
            .flat_map(|i| {
                let (cx, cy) = ((i % 2) as f32 * 1000.0, ((i / 2) % 2) as f32 * 1000.0);
                [cx + (i / 4) as f32, cy + (i / 4) as f32 * 0.5]
            })
            .collect();
        let tree = built(&xy, &[1.0; 64], 16, 16);
        for &leaf in &tree.groups {
            let c = tree.cells[leaf as usize];
            let (s, e) = (c.start as usize, c.end as usize);
            let spread = |v: &[f32]| {
                v.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b))
                    - v.iter().fold(f32::INFINITY, |a, &b| a.min(b))
            };
            assert!(spread(&tree.x[s..e]) < 100.0 && spread(&tree.y[s..e]) < 100.0);
        }
    }

    #[test]
    fn coincident_points_share_a_leaf_past_the_capacity() {
        let xy: Vec<f32> = [3.0f32, 4.0].repeat(20);
        let tree = built(&xy, &[1.0; 20], 4, 8);
        assert_eq!(leaves(&tree).len(), 1);
        assert_eq!(
            tree.groups,
            leaves(&tree),
            "a group of its own, past the group size"
        );
        let c = tree.cells[tree.groups[0] as usize];
        assert_eq!(c.end - c.start, 20);
        let tree = built(&points(), &[1.0; 7], 1, 1);
        let shared = leaves(&tree).into_iter().any(|l| {
            let c = tree.cells[l as usize];
            let mut ps: Vec<u32> = tree.order[c.start as usize..c.end as usize].to_vec();
            ps.sort();
            ps == [2, 5]
        });
        assert!(shared);
    }

    #[test]
    fn masses_and_centroids_sum_up_to_the_root() {
        let xy = points();
        let weights = [1.0, 2.0, 0.5, 1.0, 0.0, 3.0, 1.5];
        let tree = built(&xy, &weights, 1, 1);
        let total: f32 = weights.iter().sum();
        let wx: f32 = (0..7).map(|p| weights[p] * xy[2 * p]).sum::<f32>() / total;
        let wy: f32 = (0..7).map(|p| weights[p] * xy[2 * p + 1]).sum::<f32>() / total;
        let root = tree.cells[0];
        assert!((root.mass - total).abs() < 1e-5);
        assert!((root.cx - wx).abs() < 1e-4 && (root.cy - wy).abs() < 1e-4);
        for (i, cell) in tree.cells.iter().enumerate() {
            let first = cell.first_child as usize;
            if first != 0 {
                let sum: f32 = tree.cells[first..first + 4].iter().map(|c| c.mass).sum();
                assert!((cell.mass - sum).abs() < 1e-5, "cell {i}");
            }
        }
    }

    #[test]
    fn rebuilding_reuses_every_buffer() {
        let xy: Vec<f32> = (0..600).map(|k| ((k * 7919) % 613) as f32 * 0.37).collect();
        let mut tree = ZTree::default();
        tree.build(&xy, &[1.0; 300], 8, 32);
        let capacities = (
            tree.cells.capacity(),
            tree.keys.capacity(),
            tree.x.capacity(),
        );
        let cells = tree.cells.len();
        tree.build(&xy, &[1.0; 300], 8, 32);
        assert_eq!(tree.cells.len(), cells);
        assert_eq!(
            (
                tree.cells.capacity(),
                tree.keys.capacity(),
                tree.x.capacity()
            ),
            capacities
        );
    }

    #[test]
    fn empty_input_builds_an_empty_tree() {
        let tree = built(&[], &[], 8, 32);
        assert!(tree.cells.is_empty() && tree.groups.is_empty());
    }
}
