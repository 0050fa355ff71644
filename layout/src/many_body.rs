//! The many-body (charge) force by Barnes–Hut over the quadtree (d3's `manyBody.js`).

use super::lcg::Lcg;
use super::quadtree::{Cell, Quadtree, NONE};

/// d3's `distanceMin`²: closer pairs are treated as this far apart, bounding the force.
const DISTANCE_MIN2: f32 = 1.0;
/// d3's `distanceMax`²: no cut-off by default.
const DISTANCE_MAX2: f32 = f32::INFINITY;

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
/// size / distance < θ. `tree` must be built (with [`Quadtree::build_bucketed`]) and
/// accumulated over `xy` with `weights`. `scratch` is reused between ticks.
///
/// The walk is grouped (Barnes 1990): the points of one leaf walk the tree together, and a
/// cell counts as far only when it is far from the leaf's whole bounding box, so every point
/// gets at least the accuracy of its own walk while the tree is walked once per leaf.
///
/// Complexity: O(n log n) for θ > 0.
pub(crate) fn apply(
    tree: &Quadtree,
    xy: &[f32],
    weights: &[f32],
    vel: &mut [f32],
    charge: Charge,
    scratch: &mut Scratch,
    rng: &mut Lcg,
) {
    if tree.cells.is_empty() || tree.cells[0].mass == 0.0 {
        return;
    }
    for &leaf in &tree.leaves {
        let group = &mut scratch.group;
        group.gather(tree, leaf, xy);
        walk(
            tree,
            xy,
            weights,
            charge.theta2,
            group,
            rng,
            &mut scratch.stack,
        );
        let [fx, fy, jxx, jxy, jyy] = group.far;
        for (k, &i) in group.ids.iter().enumerate() {
            let i = i as usize;
            // The expanded far field at this point: F − J·o, o its offset from the centre.
            let (ox, oy) = (group.x[k] - group.cx, group.y[k] - group.cy);
            let far_x = fx - (jxx * ox + jxy * oy);
            let far_y = fy - (jxy * ox + jyy * oy);
            vel[2 * i] += (group.fx[k] + far_x) * charge.strength_alpha;
            vel[2 * i + 1] += (group.fy[k] + far_y) * charge.strength_alpha;
        }
    }
}

/// Reused buffers: the stack of cells to open and the current group of targets.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    stack: Vec<u32>,
    group: Group,
}

/// The points of one leaf: ids, positions, bounding box and the forces summed so far.
#[derive(Debug, Default)]
struct Group {
    ids: Vec<u32>,
    x: Vec<f32>,
    y: Vec<f32>,
    fx: Vec<f32>,
    fy: Vec<f32>,
    bbox: [f32; 4],
    /// Centre of the bounding box and the largest distance of a point from it.
    cx: f32,
    cy: f32,
    radius: f32,
    /// The expanded far field at the centre: force (x, y) and its gradient (xx, xy, yy).
    far: [f32; 5],
}

impl Group {
    fn gather(&mut self, tree: &Quadtree, leaf: u32, xy: &[f32]) {
        let g = self;
        g.ids.clear();
        g.x.clear();
        g.y.clear();
        let mut p = tree.cells[leaf as usize].head;
        while p != NONE {
            g.ids.push(p);
            g.x.push(xy[2 * p as usize]);
            g.y.push(xy[2 * p as usize + 1]);
            p = tree.next[p as usize];
        }
        g.fx.clear();
        g.fx.resize(g.ids.len(), 0.0);
        g.fy.clear();
        g.fy.resize(g.ids.len(), 0.0);
        let fold = |v: &[f32]| {
            v.iter()
                .fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), &a| {
                    (lo.min(a), hi.max(a))
                })
        };
        let ((x0, x1), (y0, y1)) = (fold(&g.x), fold(&g.y));
        g.bbox = [x0, y0, x1, y1];
        (g.cx, g.cy) = ((x0 + x1) * 0.5, (y0 + y1) * 0.5);
        g.radius = 0.5 * ((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0)).sqrt();
        g.far = [0.0; 5];
    }
}

/// One group's walk from the root.
fn walk(
    tree: &Quadtree,
    xy: &[f32],
    weights: &[f32],
    theta2: f32,
    g: &mut Group,
    rng: &mut Lcg,
    stack: &mut Vec<u32>,
) {
    let [bx0, by0, bx1, by1] = g.bbox;
    stack.clear();
    stack.push(0);
    while let Some(cell) = stack.pop() {
        let Cell {
            cx,
            cy,
            mass,
            size,
            first_child,
            head,
            ..
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
            g.far[0] += ux * f;
            g.far[1] += uy * f;
            let k = 2.0 * f * inv;
            g.far[2] += f - k * ux * ux;
            g.far[3] -= k * ux * uy;
            g.far[4] += f - k * uy * uy;
            continue;
        }
        // Step 1b: far from the whole group's box — the cell acts as one body on each point.
        let gx = (bx0 - cx).max(cx - bx1).max(0.0);
        let gy = (by0 - cy).max(cy - by1).max(0.0);
        if size * size < theta2 * (gx * gx + gy * gy) {
            for k in 0..g.x.len() {
                let (dx, dy) = (cx - g.x[k], cy - g.y[k]);
                let mut l = dx * dx + dy * dy;
                if l < DISTANCE_MAX2 {
                    if l < DISTANCE_MIN2 {
                        l = (DISTANCE_MIN2 * l).sqrt();
                    }
                    let f = mass / l;
                    g.fx[k] += dx * f;
                    g.fy[k] += dy * f;
                }
            }
            continue;
        }
        // Step 2: too close — open it.
        if first_child != 0 {
            stack.extend(first_child..first_child + 4);
            continue;
        }
        // Step 3: a near leaf (or the group's own) — its points act one by one.
        let mut p = head;
        while p != NONE {
            let (px, py, w) = (
                xy[2 * p as usize],
                xy[2 * p as usize + 1],
                weights[p as usize],
            );
            for k in 0..g.x.len() {
                if g.ids[k] == p {
                    continue;
                }
                let (mut dx, mut dy) = (px - g.x[k], py - g.y[k]);
                let mut l = dx * dx + dy * dy;
                if l == 0.0 {
                    // Coincident points: a tiny seeded nudge decides which way they part.
                    (dx, dy) = (rng.jiggle(), rng.jiggle());
                    l = dx * dx + dy * dy;
                }
                if l >= DISTANCE_MAX2 {
                    continue;
                }
                if l < DISTANCE_MIN2 {
                    l = (DISTANCE_MIN2 * l).sqrt();
                }
                let f = w / l;
                g.fx[k] += dx * f;
                g.fy[k] += dy * f;
            }
            p = tree.next[p as usize];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forces(xy: &[f32], theta: f32) -> Vec<f32> {
        let weights = vec![1.0; xy.len() / 2];
        let mut tree = Quadtree::default();
        tree.build_bucketed(xy, LEAF_CAPACITY);
        tree.accumulate(xy, |p| weights[p]);
        let mut vel = vec![0.0; xy.len()];
        let mut stack = Scratch::default();
        let charge = Charge {
            strength_alpha: -30.0,
            theta2: theta * theta,
        };
        apply(
            &tree,
            xy,
            &weights,
            &mut vel,
            charge,
            &mut stack,
            &mut Lcg::new(1),
        );
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
