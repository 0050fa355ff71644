//! The many-body (charge) force by Barnes–Hut over the quadtree (d3's `manyBody.js`).

use super::lcg::Lcg;
use super::ztree::{Cell, ZTree};

/// d3's `distanceMin`²: closer pairs are treated as this far apart, bounding the force.
/// (d3's `distanceMax` is infinite by default: no cut-off.)
const DISTANCE_MIN2: f32 = 1.0;

/// The per-tick parameters of the charge force.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Charge {
    /// charge × alpha; negative repels.
    pub strength_alpha: f32,
    /// Barnes–Hut θ².
    pub theta2: f32,
}

/// Points per leaf of the tree the charge force walks: a leaf's points share one walk.
pub(crate) const LEAF_CAPACITY: usize = 16;
/// A cell serves a whole group through one expanded force when (size + group radius) /
/// distance < θ × 0.5: the expansion's error then stays a few per cent of the force.
const EXPANSION_THETA2: f32 = 0.25;

/// Adds every node's charge force to `vel`, approximating a cell by its centroid when
/// size / distance < θ. `tree` must be built over the positions (with the weights) and
/// accumulated. `scratch` is reused between ticks.
///
/// The walk is grouped (Barnes 1990): the points of one leaf walk the tree together, and a
/// cell counts as far only when it is far from the leaf's whole bounding box, so every point
/// gets at least the accuracy of its own walk while the tree is walked once per leaf. A leaf's
/// points are one contiguous run of the tree's curve order, so the inner loops read
/// consecutive memory and carry no branch but a select.
///
/// Complexity: O(n log n) for θ > 0.
pub(crate) fn apply(
    tree: &ZTree,
    vel: &mut [f32],
    charge: Charge,
    scratch: &mut Scratch,
    rng: &mut Lcg,
) {
    if tree.cells.is_empty() || tree.cells[0].mass == 0.0 {
        return;
    }
    let n = tree.order.len();
    let Scratch { stack, fx, fy } = scratch;
    fx.clear();
    fx.resize(n, 0.0);
    fy.clear();
    fy.resize(n, 0.0);
    for &leaf in &tree.leaves {
        let Cell { start, end, .. } = tree.cells[leaf as usize];
        let run = start as usize..end as usize;
        let group = Group::new(leaf, &tree.x[run.clone()], &tree.y[run.clone()]);
        let far = walk(
            tree,
            &group,
            charge.theta2,
            &mut fx[run.clone()],
            &mut fy[run.clone()],
            rng,
            stack,
        );
        let [ffx, ffy, jxx, jxy, jyy] = far;
        for k in run {
            // The expanded far field at this point: F − J·o, o its offset from the centre.
            let (ox, oy) = (tree.x[k] - group.cx, tree.y[k] - group.cy);
            fx[k] += ffx - (jxx * ox + jxy * oy);
            fy[k] += ffy - (jxy * ox + jyy * oy);
        }
    }
    for (k, &i) in tree.order.iter().enumerate() {
        vel[2 * i as usize] += fx[k] * charge.strength_alpha;
        vel[2 * i as usize + 1] += fy[k] * charge.strength_alpha;
    }
}

/// Reused buffers: the stack of cells to open and the forces in curve order.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    stack: Vec<u32>,
    fx: Vec<f32>,
    fy: Vec<f32>,
}

/// The points of one leaf: their positions, bounding box, centre and radius.
struct Group<'a> {
    leaf: u32,
    x: &'a [f32],
    y: &'a [f32],
    bbox: [f32; 4],
    /// Centre of the bounding box and the largest distance of a point from it.
    cx: f32,
    cy: f32,
    radius: f32,
}

impl<'a> Group<'a> {
    fn new(leaf: u32, x: &'a [f32], y: &'a [f32]) -> Self {
        let fold = |v: &[f32]| {
            v.iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &a| {
                    (lo.min(a), hi.max(a))
                })
        };
        let ((x0, x1), (y0, y1)) = (fold(x), fold(y));
        Self {
            leaf,
            x,
            y,
            bbox: [x0, y0, x1, y1],
            cx: (x0 + x1) * 0.5,
            cy: (y0 + y1) * 0.5,
            radius: 0.5 * ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).sqrt(),
        }
    }
}

/// One body of mass `w` at (`px`, `py`) acting on every point of the group; the pair is
/// never coincident (bodies from other cells), so the loop has no branch but d3's
/// `distanceMin` select.
#[inline(always)]
fn body(px: f32, py: f32, w: f32, x: &[f32], y: &[f32], fx: &mut [f32], fy: &mut [f32]) {
    for (((&xk, &yk), fxk), fyk) in x.iter().zip(y).zip(fx.iter_mut()).zip(fy.iter_mut()) {
        let (dx, dy) = (px - xk, py - yk);
        let l = dx * dx + dy * dy;
        let l = if l < DISTANCE_MIN2 {
            (DISTANCE_MIN2 * l).sqrt()
        } else {
            l
        };
        let f = w / l;
        *fxk += dx * f;
        *fyk += dy * f;
    }
}

/// One group's walk from the root; returns the expanded far field at the group's centre:
/// force (x, y) and its gradient (xx, xy, yy).
fn walk(
    tree: &ZTree,
    g: &Group,
    theta2: f32,
    fx: &mut [f32],
    fy: &mut [f32],
    rng: &mut Lcg,
    stack: &mut Vec<u32>,
) -> [f32; 5] {
    let [bx0, by0, bx1, by1] = g.bbox;
    let mut far = [0.0f32; 5];
    stack.clear();
    stack.push(0);
    while let Some(cell) = stack.pop() {
        let Cell {
            cx,
            cy,
            mass,
            size,
            first_child,
            start,
            end,
        } = tree.cells[cell as usize];
        if mass == 0.0 {
            continue;
        }
        let (ux, uy) = (cx - g.cx, cy - g.cy);
        let lc = ux * ux + uy * uy;
        // Step 1a: far even against the group's extent — one force and its gradient at the
        // group's centre serve every point (first-order expansion, O(1) per cell).
        let reach = size + g.radius;
        if reach * reach < EXPANSION_THETA2 * theta2 * lc && lc >= DISTANCE_MIN2 {
            let inv = 1.0 / lc;
            let f = mass * inv;
            far[0] += ux * f;
            far[1] += uy * f;
            let k = 2.0 * f * inv;
            far[2] += f - k * ux * ux;
            far[3] -= k * ux * uy;
            far[4] += f - k * uy * uy;
            continue;
        }
        // Step 1b: far from the whole group's box — the cell acts as one body on each point.
        let gx = (bx0 - cx).max(cx - bx1).max(0.0);
        let gy = (by0 - cy).max(cy - by1).max(0.0);
        if size * size < theta2 * (gx * gx + gy * gy) {
            body(cx, cy, mass, g.x, g.y, fx, fy);
            continue;
        }
        // Step 2: too close — open it.
        if first_child != 0 {
            stack.extend(first_child..first_child + 4);
            continue;
        }
        // Step 3: a near leaf — its points act one by one; the group's own leaf pair by pair.
        if cell == g.leaf {
            own_leaf(tree, start as usize, fx, fy, rng);
            continue;
        }
        for p in start as usize..end as usize {
            body(tree.x[p], tree.y[p], tree.w[p], g.x, g.y, fx, fy);
        }
    }
    far
}

/// The forces between the points of one leaf (run `start..`), each pair from both sides;
/// coincident points get a tiny seeded nudge that decides which way they part.
fn own_leaf(tree: &ZTree, start: usize, fx: &mut [f32], fy: &mut [f32], rng: &mut Lcg) {
    for j in 0..fx.len() {
        let (px, py, w) = (tree.x[start + j], tree.y[start + j], tree.w[start + j]);
        for k in 0..fx.len() {
            if k == j {
                continue;
            }
            let (mut dx, mut dy) = (px - tree.x[start + k], py - tree.y[start + k]);
            let mut l = dx * dx + dy * dy;
            if l == 0.0 {
                (dx, dy) = (rng.jiggle(), rng.jiggle());
                l = dx * dx + dy * dy;
            }
            if l < DISTANCE_MIN2 {
                l = (DISTANCE_MIN2 * l).sqrt();
            }
            let f = w / l;
            fx[k] += dx * f;
            fy[k] += dy * f;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forces(xy: &[f32], theta: f32) -> Vec<f32> {
        let weights = vec![1.0; xy.len() / 2];
        let mut tree = ZTree::default();
        tree.build(xy, &weights, LEAF_CAPACITY);
        tree.accumulate();
        let mut vel = vec![0.0; xy.len()];
        let mut scratch = Scratch::default();
        let charge = Charge {
            strength_alpha: -30.0,
            theta2: theta * theta,
        };
        apply(&tree, &mut vel, charge, &mut scratch, &mut Lcg::new(1));
        vel
    }

    #[test]
    fn two_bodies_repel_along_their_axis() {
        let vel = forces(&[0.0, 0.0, 10.0, 0.0], 0.9);
        assert!(vel[0] < 0.0 && vel[2] > 0.0);
        assert!((vel[0] + 3.0).abs() < 1e-6, "{vel:?}"); // -30 · 10 / 10²
        assert_eq!(vel[1], 0.0);
    }

    #[test]
    fn barnes_hut_stays_close_to_the_exact_sum() {
        let xy: Vec<f32> = (0..400).map(|k| ((k * 7919) % 613) as f32 * 0.37).collect();
        let (exact, approx) = (forces(&xy, 0.0), forces(&xy, 0.9));
        let norm: f32 = exact.iter().map(|v| v * v).sum::<f32>().sqrt();
        let err: f32 = exact
            .iter()
            .zip(&approx)
            .map(|(a, b)| (a - b) * (a - b))
            .sum::<f32>()
            .sqrt();
        assert!(err / norm < 0.05, "relative error {}", err / norm);
    }

    #[test]
    fn coincident_bodies_are_jiggled_apart() {
        let vel = forces(&[3.0, 3.0, 3.0, 3.0], 0.9);
        assert!(vel.iter().all(|v| v.is_finite()));
        assert!(vel.iter().any(|&v| v != 0.0));
    }
}
