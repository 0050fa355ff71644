//! The collision force: overlapping discs push apart (d3's `collide.js`, strength 1).

use super::lcg::Lcg;
use super::quadtree::{Cell, Quadtree, NONE};

/// Scratch kept between ticks so collision allocates nothing after warm-up.
#[derive(Debug, Default)]
pub(crate) struct Collide {
    /// Predicted positions `x + v` the tree is built over.
    predicted: Vec<f32>,
    /// Per cell: the largest radius of a disc inside it.
    reach: Vec<f32>,
}

impl Collide {
    /// Pushes apart every pair of discs whose predicted positions overlap, each pair once
    /// (from its lower index), splitting the push by relative area like d3.
    /// `radii` has one entry per node; `tree` and `stack` are reused scratch.
    ///
    /// Complexity: about O(n log n) when discs are small against the layout.
    pub(crate) fn apply(
        &mut self,
        tree: &mut Quadtree,
        xy: &[f32],
        vel: &mut [f32],
        radii: &[f32],
        stack: &mut Vec<u32>,
        rng: &mut Lcg,
    ) {
        self.predicted.clear();
        self.predicted
            .extend(xy.iter().zip(vel.iter()).map(|(x, v)| x + v));
        tree.build(&self.predicted);
        self.prepare(tree, radii);
        for i in 0..radii.len() {
            let ri = radii[i];
            let (xi, yi) = (self.predicted[2 * i], self.predicted[2 * i + 1]);
            stack.clear();
            if tree.cell_count() > 0 {
                stack.push(0);
            }
            while let Some(cell) = stack.pop() {
                let cell = cell as usize;
                let Cell {
                    ox: x0,
                    oy: y0,
                    size: side,
                    first_child: first,
                    head,
                    ..
                } = tree.cells[cell];
                if first != 0 {
                    let r = ri + self.reach[cell];
                    let outside =
                        x0 > xi + r || x0 + side < xi - r || y0 > yi + r || y0 + side < yi - r;
                    if !outside {
                        let reach = &self.reach;
                        stack.extend((first..first + 4).filter(|&c| reach[c as usize] >= 0.0));
                    }
                    continue;
                }
                let mut j = head;
                while j != NONE {
                    if j as usize > i {
                        push_apart(i, j as usize, xi, yi, xy, vel, radii, rng);
                    }
                    j = tree.next[j as usize];
                }
            }
        }
    }

    /// Fills `reach`, children before parents; empty cells get −∞ so they are never opened.
    fn prepare(&mut self, tree: &Quadtree, radii: &[f32]) {
        self.reach.clear();
        self.reach.resize(tree.cell_count(), f32::NEG_INFINITY);
        for cell in (0..tree.cell_count()).rev() {
            let Cell {
                first_child, head, ..
            } = tree.cells[cell];
            let first = first_child as usize;
            let mut reach = f32::NEG_INFINITY;
            if first != 0 {
                for c in first..first + 4 {
                    reach = reach.max(self.reach[c]);
                }
            } else {
                let mut p = head;
                while p != NONE {
                    reach = reach.max(radii[p as usize]);
                    p = tree.next[p as usize];
                }
            }
            self.reach[cell] = reach;
        }
    }
}

/// Resolves one overlapping pair `(i, j)`, `i` seen at its predicted `(xi, yi)`.
#[allow(clippy::too_many_arguments)]
fn push_apart(
    i: usize,
    j: usize,
    xi: f32,
    yi: f32,
    xy: &[f32],
    vel: &mut [f32],
    radii: &[f32],
    rng: &mut Lcg,
) {
    let (ri, rj) = (radii[i], radii[j]);
    let r = ri + rj;
    let mut dx = xi - xy[2 * j] - vel[2 * j];
    let mut dy = yi - xy[2 * j + 1] - vel[2 * j + 1];
    let mut l = dx * dx + dy * dy;
    if l >= r * r {
        return;
    }
    if dx == 0.0 {
        dx = rng.jiggle();
        l += dx * dx;
    }
    if dy == 0.0 {
        dy = rng.jiggle();
        l += dy * dy;
    }
    let l = l.sqrt();
    let k = (r - l) / l;
    let (px, py) = (dx * k, dy * k);
    let (ri2, rj2) = (ri * ri, rj * rj);
    let share = rj2 / (ri2 + rj2);
    vel[2 * i] += px * share;
    vel[2 * i + 1] += py * share;
    vel[2 * j] -= px * (1.0 - share);
    vel[2 * j + 1] -= py * (1.0 - share);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_discs_are_pushed_to_touch() {
        let xy = [0.0, 0.0, 4.0, 0.0, 100.0, 100.0];
        let mut vel = [0.0; 6];
        let mut collide = Collide::default();
        let (mut tree, mut stack) = (Quadtree::default(), vec![]);
        let radii = [5.0, 5.0, 5.0];
        collide.apply(
            &mut tree,
            &xy,
            &mut vel,
            &radii,
            &mut stack,
            &mut Lcg::new(1),
        );
        // equal radii: each moves half of the 6-unit overlap (y only jiggles); the far disc is
        // untouched
        let want = [-3.0, 0.0, 3.0, 0.0, 0.0, 0.0];
        assert!(
            vel.iter().zip(want).all(|(v, w)| (v - w).abs() < 1e-5),
            "{vel:?}"
        );
        assert_eq!(&vel[4..], &[0.0, 0.0]);
    }

    #[test]
    fn discs_that_already_clear_each_other_stay_still() {
        let xy = [0.0, 0.0, 11.0, 0.0];
        let mut vel = [0.0; 4];
        let (mut tree, mut stack) = (Quadtree::default(), vec![]);
        let mut collide = Collide::default();
        collide.apply(
            &mut tree,
            &xy,
            &mut vel,
            &[5.0, 5.0],
            &mut stack,
            &mut Lcg::new(1),
        );
        assert_eq!(vel, [0.0; 4]);
    }
}
