//! A flat-arena quadtree over 2-D points, one distinct point per leaf, rebuilt every tick for collision.

/// Marks "no point" in `head`/`next`.
pub(crate) const NONE: u32 = u32::MAX;

/// Deeper than this, distinct points share a leaf as if they coincided (f32 runs out of bits).
const MAX_DEPTH: u32 = 24;

/// One square of the tree.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell {
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
    /// Per point: the next point in the same leaf (coincident with it), or `NONE`.
    pub next: Vec<u32>,
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
        let n = xy.len() / 2;
        self.cells.clear();
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
    }

    fn push_cell(&mut self, ox: f32, oy: f32, size: f32) {
        self.cells.push(Cell {
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
            if (rx == x && ry == y) || depth >= MAX_DEPTH {
                self.next[point as usize] = resident;
                self.cells[cell].head = point;
                return;
            }
            // Push the resident chain (one position: coincident points) one level down as a
            // whole, then keep descending with `point`.
            self.split(cell);
            self.cells[cell].head = NONE;
            let moved_to = self.child_for(cell, rx, ry);
            self.cells[moved_to].head = resident;
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
    fn rebuilding_reuses_the_arena() {
        let xy = points();
        let mut tree = Quadtree::default();
        tree.build(&xy);
        let (cells, capacity) = (tree.cell_count(), tree.cells.capacity());
        tree.build(&xy);
        assert_eq!(tree.cell_count(), cells);
        assert_eq!(tree.cells.capacity(), capacity);
    }

    #[test]
    fn empty_input_builds_an_empty_tree() {
        let mut tree = Quadtree::default();
        tree.build(&[]);
        assert_eq!(tree.cell_count(), 0);
    }
}
