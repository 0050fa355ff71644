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

/// Adds every node's charge force to `vel`, approximating a cell by its centroid when
/// size / distance < θ. `tree` must be built and accumulated over `xy` with `weights`.
/// `stack` is reused scratch. Targets are visited in the tree's spatial order, so consecutive
/// walks touch the same cells.
///
/// Complexity: O(n log n) for θ > 0.
pub(crate) fn apply(
    tree: &Quadtree,
    xy: &[f32],
    weights: &[f32],
    vel: &mut [f32],
    charge: Charge,
    stack: &mut Vec<u32>,
    rng: &mut Lcg,
) {
    if tree.cells.is_empty() || tree.cells[0].mass == 0.0 {
        return;
    }
    for &i in &tree.order {
        let i = i as usize;
        let mut probe = Probe {
            target: i,
            x: xy[2 * i],
            y: xy[2 * i + 1],
            fx: 0.0,
            fy: 0.0,
            theta2: charge.theta2,
        };
        stack.clear();
        if probe.visit(tree, weights, 0, rng) {
            stack.push(0);
        }
        // Every stacked cell is open: look at its children right here, stacking only those
        // that must be opened in turn.
        while let Some(cell) = stack.pop() {
            let first = tree.cells[cell as usize].first_child;
            for child in first..first + 4 {
                if probe.visit(tree, weights, child, rng) {
                    stack.push(child);
                }
            }
        }
        vel[2 * i] += probe.fx * charge.strength_alpha;
        vel[2 * i + 1] += probe.fy * charge.strength_alpha;
    }
}

/// One target node's walk: where it is and the force summed so far.
struct Probe {
    target: usize,
    x: f32,
    y: f32,
    fx: f32,
    fy: f32,
    theta2: f32,
}

impl Probe {
    /// Takes `cell`'s pull into account; returns `true` when the cell must be opened instead.
    #[inline(always)]
    fn visit(&mut self, tree: &Quadtree, weights: &[f32], cell: u32, rng: &mut Lcg) -> bool {
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
            return false;
        }
        let mut dx = cx - self.x;
        let mut dy = cy - self.y;
        let mut l = dx * dx + dy * dy;

        // Step 1: far enough — the whole cell acts as one body at its centroid.
        if size * size < self.theta2 * l {
            if l < DISTANCE_MAX2 {
                if l < DISTANCE_MIN2 {
                    l = (DISTANCE_MIN2 * l).sqrt();
                }
                let k = mass / l;
                self.fx += dx * k;
                self.fy += dy * k;
            }
            return false;
        }

        // Step 2: too close — open the cell.
        if first_child != 0 {
            return true;
        }
        if l >= DISTANCE_MAX2 {
            return false;
        }

        // Step 3: a leaf — its points act one by one, except the target itself.
        if head as usize != self.target || tree.next[head as usize] != NONE {
            if dx == 0.0 {
                dx = rng.jiggle();
                l += dx * dx;
            }
            if dy == 0.0 {
                dy = rng.jiggle();
                l += dy * dy;
            }
            if l < DISTANCE_MIN2 {
                l = (DISTANCE_MIN2 * l).sqrt();
            }
        }
        let mut p = head;
        while p != NONE {
            if p as usize != self.target {
                let k = weights[p as usize] / l;
                self.fx += dx * k;
                self.fy += dy * k;
            }
            p = tree.next[p as usize];
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forces(xy: &[f32], theta: f32) -> Vec<f32> {
        let weights = vec![1.0; xy.len() / 2];
        let mut tree = Quadtree::default();
        tree.build(xy);
        tree.accumulate(xy, |p| weights[p]);
        let mut vel = vec![0.0; xy.len()];
        let mut stack = vec![];
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
