//! A flat-arena quadtree over 2-D points, rebuilt every tick for Barnes–Hut and collision.

/// Marks "no point" in `head`/`next`.
pub(crate) const NONE: u32 = u32::MAX;

/// Deeper than this, distinct points share a leaf as if they coincided (f32 runs out of bits).
const MAX_DEPTH: u32 = 24;

/// One square of the tree: 32 bytes, so the fields a Barnes–Hut visit reads share a cache line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell {
    /// Weighted centroid and total weight, filled by [`Quadtree::accumulate`].
    pub cx: f32,
    pub cy: f32,
    pub mass: f32,
    /// Side length and lower corner of the square.
    pub size: f32,
    pub ox: f32,
    pub oy: f32,
    /// Index of the first of four consecutive children; 0 marks a leaf (the root is never a child).
    pub first_child: u32,
    /// First point of a leaf's chain, or `NONE`.
    pub head: u32,
}

/// Cells live in one arena `Vec` addressed by `u32`; a cell's four children are allocated
/// together, always after their parent, so a reverse scan visits children before parents.
/// Every `Vec` keeps its capacity across rebuilds: after warm-up a rebuild allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct Quadtree {
    pub cells: Vec<Cell>,
    /// Per point: the next point in the same leaf, or `NONE`.
    pub next: Vec<u32>,
    /// Points in depth-first leaf order, so neighbours in space are neighbours here.
    pub order: Vec<u32>,
    /// Non-empty leaves in depth-first order.
    pub leaves: Vec<u32>,
    /// Points a leaf holds before it splits (1 unless built with [`Quadtree::build_bucketed`]).
    capacity: usize,
    /// Scratch stack for `collect_order`.
    walk: Vec<u32>,
}

impl Quadtree {
    /// Number of cells (root included) after the last build; 0 when empty.
    pub(crate) fn cell_count(&self) -> usize {
        self.cells.len()
    }

    /// Rebuilds the tree over flat `xy` pairs (`[x0, y0, x1, y1, ..]`, all finite), one
    /// distinct point per leaf as in d3.
    ///
    /// Complexity: O(n · depth).
    pub(crate) fn build(&mut self, xy: &[f32]) {
        self.build_bucketed(xy, 1);
    }

    /// Like [`build`](Self::build), but a leaf holds up to `capacity` points before it splits:
    /// fewer, fuller cells for walks that treat a leaf's points as one group.
    pub(crate) fn build_bucketed(&mut self, xy: &[f32], capacity: usize) {
        let n = xy.len() / 2;
        self.capacity = capacity.max(1);
        self.cells.clear();
        self.order.clear();
        self.leaves.clear();
        self.next.clear();
        self.next.resize(n, NONE);
        if n == 0 {
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
        self.push_cell(x0, y0, if side > 0.0 { side } else { 1.0 });
        for point in 0..n as u32 {
            self.insert(point, xy);
        }
        self.collect_order();
    }

    fn push_cell(&mut self, ox: f32, oy: f32, size: f32) {
        self.cells.push(Cell {
            cx: 0.0,
            cy: 0.0,
            mass: 0.0,
            size,
            ox,
            oy,
            first_child: 0,
            head: NONE,
        });
    }

    /// Allocates the four children of `cell`: quadrant bit 0 = larger x, bit 1 = larger y.
    fn split(&mut self, cell: usize) {
        let first = self.cells.len() as u32;
        let Cell { ox, oy, size, .. } = self.cells[cell];
        let half = size * 0.5;
        for quadrant in 0..4 {
            let dx = if quadrant & 1 == 1 { half } else { 0.0 };
            let dy = if quadrant & 2 == 2 { half } else { 0.0 };
            self.push_cell(ox + dx, oy + dy, half);
        }
        self.cells[cell].first_child = first;
    }

    /// The child of `cell` (which must have children) whose quadrant holds `(x, y)`.
    fn child_for(&self, cell: usize, x: f32, y: f32) -> usize {
        let c = &self.cells[cell];
        let half = c.size * 0.5;
        let right = (x >= c.ox + half) as usize;
        let below = (y >= c.oy + half) as usize;
        c.first_child as usize + right + 2 * below
    }

    fn insert(&mut self, point: u32, xy: &[f32]) {
        let (x, y) = (xy[2 * point as usize], xy[2 * point as usize + 1]);
        let mut cell = 0;
        let mut depth = 0;
        loop {
            if self.cells[cell].first_child != 0 {
                cell = self.child_for(cell, x, y);
                depth += 1;
                continue;
            }
            let resident = self.cells[cell].head;
            if resident == NONE {
                self.cells[cell].head = point;
                return;
            }
            let (rx, ry) = (xy[2 * resident as usize], xy[2 * resident as usize + 1]);
            if (rx == x && ry == y)
                || depth >= MAX_DEPTH
                || self.chain_len(resident) < self.capacity
            {
                self.next[point as usize] = resident;
                self.cells[cell].head = point;
                return;
            }
            // Push the resident chain one level down, then keep descending with `point`.
            self.split(cell);
            self.cells[cell].head = NONE;
            if self.capacity == 1 {
                // One position in the chain (coincident points): it moves as a whole.
                let moved_to = self.child_for(cell, rx, ry);
                self.cells[moved_to].head = resident;
            } else {
                let mut p = resident;
                while p != NONE {
                    let after = self.next[p as usize];
                    let (px, py) = (xy[2 * p as usize], xy[2 * p as usize + 1]);
                    let to = self.child_for(cell, px, py);
                    self.next[p as usize] = self.cells[to].head;
                    self.cells[to].head = p;
                    p = after;
                }
            }
        }
    }

    /// Number of points in the chain starting at `head`.
    fn chain_len(&self, head: u32) -> usize {
        let (mut p, mut k) = (head, 0);
        while p != NONE {
            k += 1;
            p = self.next[p as usize];
        }
        k
    }

    /// Fills `order` and `leaves` by an explicit-stack depth-first walk.
    fn collect_order(&mut self) {
        let mut stack = std::mem::take(&mut self.walk);
        stack.clear();
        stack.push(0);
        while let Some(cell) = stack.pop() {
            let Cell {
                first_child, head, ..
            } = self.cells[cell as usize];
            if first_child != 0 {
                stack.extend((first_child..first_child + 4).rev());
                continue;
            }
            if head != NONE {
                self.leaves.push(cell);
            }
            let mut p = head;
            while p != NONE {
                self.order.push(p);
                p = self.next[p as usize];
            }
        }
        self.walk = stack;
    }

    /// Fills `mass` and the weighted centroid of every cell, children before parents.
    /// `weight(point)` must be finite and non-negative.
    ///
    /// Complexity: O(cells + n).
    pub(crate) fn accumulate(&mut self, xy: &[f32], weight: impl Fn(usize) -> f32) {
        for cell in (0..self.cells.len()).rev() {
            let (mut m, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32);
            let Cell {
                first_child, head, ..
            } = self.cells[cell];
            if first_child != 0 {
                let first = first_child as usize;
                for child in &self.cells[first..first + 4] {
                    m += child.mass;
                    sx += child.mass * child.cx;
                    sy += child.mass * child.cy;
                }
            } else {
                let mut p = head;
                while p != NONE {
                    let w = weight(p as usize);
                    m += w;
                    sx += w * xy[2 * p as usize];
                    sy += w * xy[2 * p as usize + 1];
                    p = self.next[p as usize];
                }
            }
            let c = &mut self.cells[cell];
            if m > 0.0 {
                (c.cx, c.cy) = (sx / m, sy / m);
            } else {
                (c.cx, c.cy) = (c.ox + c.size * 0.5, c.oy + c.size * 0.5);
            }
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

    fn leaf_points(tree: &Quadtree, cell: usize) -> Vec<u32> {
        let mut out = vec![];
        let mut p = tree.cells[cell].head;
        while p != NONE {
            out.push(p);
            p = tree.next[p as usize];
        }
        out
    }

    #[test]
    fn every_point_sits_in_exactly_one_leaf_inside_its_square() {
        let xy = points();
        let mut tree = Quadtree::default();
        tree.build(&xy);
        let mut seen = vec![0; xy.len() / 2];
        for cell in 0..tree.cell_count() {
            let c = tree.cells[cell];
            if c.first_child != 0 {
                assert_eq!(c.head, NONE, "internal cell {cell} holds a point");
                continue;
            }
            for p in leaf_points(&tree, cell) {
                seen[p as usize] += 1;
                let (x, y) = (xy[2 * p as usize], xy[2 * p as usize + 1]);
                assert!(x >= c.ox && x <= c.ox + c.size);
                assert!(y >= c.oy && y <= c.oy + c.size);
            }
        }
        assert!(seen.iter().all(|&s| s == 1), "{seen:?}");
    }

    #[test]
    fn coincident_points_share_a_leaf() {
        let mut tree = Quadtree::default();
        tree.build(&points());
        let shared = (0..tree.cell_count()).any(|c| {
            let mut ps = leaf_points(&tree, c);
            ps.sort();
            ps == [2, 5]
        });
        assert!(shared);
    }

    #[test]
    fn masses_and_centroids_sum_up_to_the_root() {
        let xy = points();
        let weights = [1.0, 2.0, 0.5, 1.0, 0.0, 3.0, 1.5];
        let mut tree = Quadtree::default();
        tree.build(&xy);
        tree.accumulate(&xy, |p| weights[p]);
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
    fn rebuilding_reuses_the_arena() {
        let xy = points();
        let mut tree = Quadtree::default();
        tree.build(&xy);
        let (cells, capacity) = (tree.cell_count(), tree.cells.capacity());
        tree.build(&xy);
        assert_eq!(tree.cell_count(), cells);
        assert_eq!(tree.cells.capacity(), capacity);
        assert_eq!(tree.order.len(), xy.len() / 2);
    }

    #[test]
    fn empty_input_builds_an_empty_tree() {
        let mut tree = Quadtree::default();
        tree.build(&[]);
        tree.accumulate(&[], |_| 1.0);
        assert_eq!(tree.cell_count(), 0);
    }
}
