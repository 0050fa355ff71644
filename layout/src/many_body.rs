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

/// Points per leaf of the tree the charge force walks: a near leaf's points act one by one.
pub(crate) const LEAF_CAPACITY: usize = 8;
/// Points per group: the largest cells of at most this many points each walk the tree once for
/// all their points. Groups larger than the leaves share each walk and each far body among more
/// lanes, while small leaves keep the near field fine (CHANGELOG: the tick against groups that
/// were the 16-point leaves).
pub(crate) const GROUP_SIZE: usize = 64;
/// A cell serves a whole group through one expanded force when (size + group radius) /
/// distance < θ × 0.5: the expansion's error then stays a few per cent of the force.
const EXPANSION_THETA2: f32 = 0.25;

/// Adds every node's charge force to `vel`, approximating a cell by its centroid when
/// size / distance < θ. `tree` must be built over the positions (with the weights) and
/// accumulated. `scratch` is reused between ticks.
///
/// The walk is grouped (Barnes 1990): the points of one group (a cell of at most
/// [`GROUP_SIZE`] points) walk the tree together, and a cell counts as far only when it is far
/// from the group's whole bounding box, so every point gets at least the accuracy of its own
/// walk while the tree is walked once per group. A group's points are one contiguous run of the
/// tree's curve order, so the inner loops read consecutive memory and carry no branch but a
/// select.
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
    let Scratch {
        stack,
        fx,
        fy,
        lanes,
    } = scratch;
    fx.clear();
    fx.resize(n, 0.0);
    fy.clear();
    fy.resize(n, 0.0);
    for &cell in &tree.groups {
        let Cell { start, end, .. } = tree.cells[cell as usize];
        let run = start as usize..end as usize;
        let group = Group::new(
            cell,
            &tree.x[run.clone()],
            &tree.y[run.clone()],
            &tree.w[run.clone()],
            tree.shares_codes(run.clone()),
        );
        lanes.load(group.x, group.y);
        let far = walk(tree, &group, charge.theta2, lanes, rng, stack);
        let [ffx, ffy, jxx, jxy, jyy] = far;
        for (k, (near_x, near_y)) in run.zip(lanes.forces()) {
            // The expanded far field at this point: F − J·o, o its offset from the centre.
            let (ox, oy) = (tree.x[k] - group.cx, tree.y[k] - group.cy);
            fx[k] = near_x + (ffx - (jxx * ox + jxy * oy));
            fy[k] = near_y + (ffy - (jxy * ox + jyy * oy));
        }
    }
    for (k, &i) in tree.order.iter().enumerate() {
        vel[2 * i as usize] += fx[k] * charge.strength_alpha;
        vel[2 * i as usize + 1] += fy[k] * charge.strength_alpha;
    }
}

/// Reused buffers: the stack of cells to open, the forces in curve order and one group's lanes.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    stack: Vec<u32>,
    fx: Vec<f32>,
    fy: Vec<f32>,
    lanes: Lanes,
}

// A group's points are processed four at a time.
use crate::lanes::LANES;
/// Where the padding lanes sit: so far away that their forces stay tiny and finite (they are
/// computed and thrown away), so the loops need no tail.
const PAD: f32 = 1e15;

/// The charge on four lanes ([`crate::lanes`]): wasm SIMD where the module is built with
/// `simd128`, a plain array elsewhere. Both do the same IEEE operations in the same order, so
/// they give the same bits.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod quad {
    pub use crate::lanes::{array, quad, Quad};
    use core::arch::wasm32::{
        f32x4_add, f32x4_div, f32x4_eq, f32x4_lt, f32x4_mul, f32x4_splat, f32x4_sqrt, f32x4_sub,
        v128_andnot, v128_bitselect,
    };

    /// [`super::body`] on four lanes; with `APART`, a lane at the body's very place (the body
    /// itself, in its own group) gets nothing.
    #[inline(always)]
    pub fn body<const APART: bool>(
        p: [f32; 3],
        min2: f32,
        x: Quad,
        y: Quad,
        fx: &mut Quad,
        fy: &mut Quad,
    ) {
        let dx = f32x4_sub(f32x4_splat(p[0]), x);
        let dy = f32x4_sub(f32x4_splat(p[1]), y);
        let min2 = f32x4_splat(min2);
        let l = f32x4_add(f32x4_mul(dx, dx), f32x4_mul(dy, dy));
        let at = f32x4_eq(l, f32x4_splat(0.0));
        let l = v128_bitselect(f32x4_sqrt(f32x4_mul(min2, l)), l, f32x4_lt(l, min2));
        let f = f32x4_div(f32x4_splat(p[2]), l);
        let f = if APART { v128_andnot(f, at) } else { f };
        *fx = f32x4_add(*fx, f32x4_mul(dx, f));
        *fy = f32x4_add(*fy, f32x4_mul(dy, f));
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod quad {
    pub use crate::lanes::{array, quad, Quad};

    /// [`super::body`] on four lanes; with `APART`, a lane at the body's very place (the body
    /// itself, in its own group) gets nothing.
    #[inline(always)]
    pub fn body<const APART: bool>(
        p: [f32; 3],
        min2: f32,
        x: Quad,
        y: Quad,
        fx: &mut Quad,
        fy: &mut Quad,
    ) {
        for k in 0..4 {
            let (dx, dy) = (p[0] - x[k], p[1] - y[k]);
            let l = dx * dx + dy * dy;
            let at = APART && l == 0.0;
            let l = if l < min2 { (min2 * l).sqrt() } else { l };
            let f = if at { 0.0 } else { p[2] / l };
            fx[k] += dx * f;
            fy[k] += dy * f;
        }
    }
}

use quad::Quad;

/// One group's points packed four to a [`Quad`] (the last padded with far points), the forces
/// that bodies outside the group put on them, and those from the group's own points.
#[derive(Debug, Default)]
struct Lanes {
    x: Vec<Quad>,
    y: Vec<Quad>,
    fx: Vec<Quad>,
    fy: Vec<Quad>,
    own_fx: Vec<f32>,
    own_fy: Vec<f32>,
}

impl Lanes {
    fn load(&mut self, x: &[f32], y: &[f32]) {
        let quads = x.len().div_ceil(LANES);
        self.x.clear();
        self.x.extend(crate::lanes::packed(x, PAD));
        self.y.clear();
        self.y.extend(crate::lanes::packed(y, PAD));
        let zero = quad::quad([0.0; 4]);
        for buf in [&mut self.fx, &mut self.fy] {
            buf.clear();
            buf.resize(quads, zero);
        }
        for buf in [&mut self.own_fx, &mut self.own_fy] {
            buf.clear();
            buf.resize(x.len(), 0.0);
        }
    }

    /// The force on each of the group's points: the lanes' sum and the group's own.
    fn forces(&self) -> impl Iterator<Item = (f32, f32)> + '_ {
        let fx = self.fx.iter().flat_map(|&q| quad::array(q));
        let fy = self.fy.iter().flat_map(|&q| quad::array(q));
        fx.zip(fy)
            .zip(self.own_fx.iter().zip(&self.own_fy))
            .map(|((fx, fy), (ox, oy))| (fx + ox, fy + oy))
    }
}

/// The points of one group: its cell, their positions, bounding box, centre and radius.
struct Group<'a> {
    cell: u32,
    x: &'a [f32],
    y: &'a [f32],
    w: &'a [f32],
    bbox: [f32; 4],
    /// Centre of the bounding box and the largest distance of a point from it.
    cx: f32,
    cy: f32,
    radius: f32,
    /// Whether two of its points may coincide (they share a curve code).
    coincident: bool,
}

impl<'a> Group<'a> {
    fn new(cell: u32, x: &'a [f32], y: &'a [f32], w: &'a [f32], coincident: bool) -> Self {
        let fold = |v: &[f32]| {
            v.iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &a| {
                    (lo.min(a), hi.max(a))
                })
        };
        let ((x0, x1), (y0, y1)) = (fold(x), fold(y));
        Self {
            cell,
            x,
            y,
            w,
            bbox: [x0, y0, x1, y1],
            cx: (x0 + x1) * 0.5,
            cy: (y0 + y1) * 0.5,
            radius: 0.5 * ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).sqrt(),
            coincident,
        }
    }
}

/// One body of mass `w` at (`px`, `py`) acting on every lane of the group, with d3's
/// `distanceMin` select as the loop's only branch. A body from another cell is never at a
/// lane's place; one of the group itself (`APART`) is at its own lane's, which gets nothing.
#[inline(always)]
fn body<const APART: bool>(px: f32, py: f32, w: f32, lanes: &mut Lanes) {
    let Lanes { x, y, fx, fy, .. } = lanes;
    for (((&xq, &yq), fxq), fyq) in x.iter().zip(y.iter()).zip(fx.iter_mut()).zip(fy.iter_mut()) {
        quad::body::<APART>([px, py, w], DISTANCE_MIN2, xq, yq, fxq, fyq);
    }
}

/// One group's walk from the root; returns the expanded far field at the group's centre:
/// force (x, y) and its gradient (xx, xy, yy).
fn walk(
    tree: &ZTree,
    g: &Group,
    theta2: f32,
    lanes: &mut Lanes,
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
            body::<false>(cx, cy, mass, lanes);
            continue;
        }
        // Step 2: the group's own cell — its points act on each other pair by pair, on the
        // lanes unless two of them may coincide.
        if cell == g.cell {
            if g.coincident {
                own_group(g, lanes, rng);
            } else {
                for p in start as usize..end as usize {
                    body::<true>(tree.x[p], tree.y[p], tree.w[p], lanes);
                }
            }
            continue;
        }
        // Step 3: too close — open it.
        if first_child != 0 {
            stack.extend(first_child..first_child + 4);
            continue;
        }
        // Step 4: a near leaf — its points act one by one.
        for p in start as usize..end as usize {
            body::<false>(tree.x[p], tree.y[p], tree.w[p], lanes);
        }
    }
    far
}

/// The forces between the points of one group that may hold coincident points, each pair from
/// both sides; coincident points get a tiny seeded nudge that decides which way they part.
fn own_group(g: &Group, lanes: &mut Lanes, rng: &mut Lcg) {
    let (x, y, w) = (g.x, g.y, g.w);
    for j in 0..x.len() {
        let (px, py, wj) = (x[j], y[j], w[j]);
        for k in 0..x.len() {
            if k == j {
                continue;
            }
            let (mut dx, mut dy) = (px - x[k], py - y[k]);
            let mut l = dx * dx + dy * dy;
            if l == 0.0 {
                (dx, dy) = (rng.jiggle(), rng.jiggle());
                l = dx * dx + dy * dy;
            }
            if l < DISTANCE_MIN2 {
                l = (DISTANCE_MIN2 * l).sqrt();
            }
            let f = wj / l;
            lanes.own_fx[k] += dx * f;
            lanes.own_fy[k] += dy * f;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forces(xy: &[f32], theta: f32) -> Vec<f32> {
        let weights = vec![1.0; xy.len() / 2];
        let mut tree = ZTree::default();
        tree.build(xy, &weights, LEAF_CAPACITY, GROUP_SIZE);
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
    fn every_point_of_a_ragged_group_gets_the_exact_sum_at_theta_zero() {
        // 37 points: groups of sizes that are no multiple of four, so padded lanes exist; their
        // far padding must add nothing measurable.
        let xy: Vec<f32> = (0..74).map(|k| ((k * 389) % 97) as f32 * 1.3).collect();
        let vel = forces(&xy, 0.0);
        for i in 0..37 {
            let (mut ex, mut ey) = (0.0f64, 0.0f64);
            for j in (0..37).filter(|&j| j != i) {
                let (dx, dy) = (
                    f64::from(xy[2 * j] - xy[2 * i]),
                    f64::from(xy[2 * j + 1] - xy[2 * i + 1]),
                );
                let l = (dx * dx + dy * dy).max(0.0);
                let l = if l < 1.0 { l.sqrt() } else { l };
                ex += dx / l;
                ey += dy / l;
            }
            // vel = −30 × Σ (pⱼ − pᵢ) / l, so the point is pushed away
            let (gx, gy) = (f64::from(vel[2 * i]), f64::from(vel[2 * i + 1]));
            let scale = 30.0 * (ex * ex + ey * ey).sqrt().max(1.0);
            assert!(
                (gx + 30.0 * ex).abs() < 1e-4 * scale && (gy + 30.0 * ey).abs() < 1e-4 * scale,
                "point {i}: {gx}, {gy} against {}, {}",
                -30.0 * ex,
                -30.0 * ey
            );
        }
    }

    #[test]
    fn coincident_bodies_are_jiggled_apart() {
        let vel = forces(&[3.0, 3.0, 3.0, 3.0], 0.9);
        assert!(vel.iter().all(|v| v.is_finite()));
        assert!(vel.iter().any(|&v| v != 0.0));
    }
}
