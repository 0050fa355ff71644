//! Reading and steering a running [`ForceLayout`]: positions, temperature, pins, edges, sizes.

use std::fmt;

use super::ForceLayout;
use crate::init::clamp_coord;
use crate::refine::Stage;
use crate::springs;
use crate::{check_edges, LayoutError};

impl fmt::Debug for ForceLayout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ForceLayout")
            .field("node_count", &self.node_count())
            .field("springs", &self.springs.len())
            .field("alpha", &self.options.alpha)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

/// Replaces non-finite or negative per-node values by 0 and caps them at the coordinate limit
/// (a disc wider than the whole plane would fling its neighbours to infinity).
fn non_negative(values: &[f32]) -> impl Iterator<Item = f32> + '_ {
    values.iter().map(|&v| {
        if v.is_finite() {
            clamp_coord(v.max(0.0))
        } else {
            0.0
        }
    })
}

impl ForceLayout {
    /// Current positions, flat `[x0, y0, x1, y1, ..]` (`2 * node_count` values).
    pub fn positions(&self) -> &[f32] {
        &self.positions
    }

    /// Address of [`positions`](Self::positions) for a zero-copy `Float32Array` view.
    /// The buffer is never reallocated, so the pointer stays valid for the layout's lifetime
    /// (a view must still be re-made when wasm memory grows).
    pub fn positions_ptr(&self) -> *const f32 {
        self.positions.as_ptr()
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.pinned.len()
    }

    /// Current temperature.
    pub fn alpha(&self) -> f32 {
        self.options.alpha
    }

    /// Sets the temperature, e.g. to reheat after an edit. Non-finite values are ignored.
    pub fn set_alpha(&mut self, alpha: f32) {
        if alpha.is_finite() {
            self.options.alpha = alpha;
        }
    }

    /// Sets the temperature alpha decays toward (keep it above `alpha_min` while dragging,
    /// back to 0 on release). Non-finite values are ignored.
    pub fn set_alpha_target(&mut self, target: f32) {
        if target.is_finite() {
            self.options.alpha_target = target;
        }
    }

    /// Sets how fast alpha approaches its target per tick (d3's `alphaDecay`; 0.0228 takes
    /// 300 ticks from 1 to 0.001). Values outside (0, 1] or non-finite are ignored.
    pub fn set_alpha_decay(&mut self, decay: f32) {
        if decay.is_finite() && decay > 0.0 && decay <= 1.0 {
            self.options.alpha_decay = decay;
        }
    }

    /// Fixes `node` at `(x, y)` (at once and on every tick) until [`unpin`](Self::unpin).
    /// Pinned nodes still push and pull the others. An out-of-range node or a non-finite
    /// coordinate is ignored.
    pub fn pin(&mut self, node: usize, x: f32, y: f32) {
        if node >= self.node_count() || !(x.is_finite() && y.is_finite()) {
            return;
        }
        let (x, y) = (clamp_coord(x), clamp_coord(y));
        self.pinned[node] = true;
        self.fixed[2 * node..2 * node + 2].copy_from_slice(&[x, y]);
        self.positions[2 * node..2 * node + 2].copy_from_slice(&[x, y]);
        self.velocities[2 * node..2 * node + 2].fill(0.0);
    }

    /// Moves every node to `positions` (flat, two values per node) and stops it there: velocities
    /// are zeroed, pinned nodes stay pinned at their new place. Non-finite coordinates keep the
    /// node where it was; all are clamped to ±1e7. Used to show another layout's picture, or
    /// an eased step toward it, in the same buffer. Anchors ([`set_anchors`](Self::set_anchors))
    /// stay where they were set.
    ///
    /// # Errors
    /// [`LayoutError::PositionsLength`] unless there are `2 * node_count` values; the layout is
    /// then unchanged.
    pub fn set_positions(&mut self, positions: &[f32]) -> Result<(), LayoutError> {
        if positions.len() != self.positions.len() {
            return Err(LayoutError::PositionsLength {
                expected: self.positions.len(),
                got: positions.len(),
            });
        }
        for (i, p) in positions.chunks_exact(2).enumerate() {
            if p[0].is_finite() && p[1].is_finite() {
                let xy = [clamp_coord(p[0]), clamp_coord(p[1])];
                self.positions[2 * i..2 * i + 2].copy_from_slice(&xy);
                if self.pinned[i] {
                    self.fixed[2 * i..2 * i + 2].copy_from_slice(&xy);
                }
            }
        }
        self.velocities.fill(0.0);
        Ok(())
    }

    /// Ties every node to a place of its own by a spring of `strength` per unit of distance and
    /// of alpha (d3's `forceX`/`forceY` with a target per node): a later run moves the picture
    /// only as far as the other forces outweigh the pull, so what a change did not touch stays
    /// nearly in place. `targets` (flat, two values per node) are the places, `None` where every
    /// node is now; a non-finite target coordinate is the node's own. A `strength` of 0,
    /// negative or non-finite removes the anchors. Pinned nodes keep their pin.
    ///
    /// # Errors
    /// [`LayoutError::AnchorsLength`] unless `targets` has `2 * node_count` values; the
    /// anchors are then unchanged.
    pub fn set_anchors(
        &mut self,
        targets: Option<&[f32]>,
        strength: f32,
    ) -> Result<(), LayoutError> {
        if let Some(t) = targets {
            if t.len() != self.positions.len() {
                return Err(LayoutError::AnchorsLength {
                    expected: self.positions.len(),
                    got: t.len(),
                });
            }
        }
        if !(strength.is_finite() && strength > 0.0) {
            self.anchors = Vec::new();
            self.anchor_strength = 0.0;
            return Ok(());
        }
        self.anchors.clear();
        self.anchors.extend_from_slice(&self.positions);
        for (a, t) in self.anchors.iter_mut().zip(targets.unwrap_or_default()) {
            if t.is_finite() {
                *a = clamp_coord(*t);
            }
        }
        self.anchor_strength = strength;
        Ok(())
    }

    /// Where each node is anchored (flat, like [`positions`](Self::positions)); empty without
    /// anchors.
    pub fn anchors(&self) -> &[f32] {
        &self.anchors
    }

    /// The anchors' strength (0 without anchors).
    pub fn anchor_strength(&self) -> f32 {
        self.anchor_strength
    }

    /// Releases a pinned node; out-of-range nodes are ignored.
    pub fn unpin(&mut self, node: usize) {
        if let Some(p) = self.pinned.get_mut(node) {
            *p = false;
        }
    }

    /// Whether `node` is pinned (`false` when out of range).
    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// Replaces the edge set (e.g. a filter changed), keeping positions and velocities
    /// (a warm start), and reheats to `alpha` (ignored if non-finite).
    ///
    /// # Errors
    /// [`LayoutError::OddEdgeList`] or [`LayoutError::EdgeOutOfRange`]; the layout is then
    /// unchanged.
    ///
    /// # Complexity
    /// O(n + m), reusing the spring buffer.
    pub fn set_edges(&mut self, edges: &[u32], alpha: f32) -> Result<(), LayoutError> {
        let node_count = self.node_count();
        check_edges(node_count, edges)?;
        let strength = self.options.link_strength;
        springs::rebuild(
            &mut self.springs,
            &mut self.degree,
            node_count,
            edges,
            strength,
        );
        if let Some(decay) = self.stage.rearm() {
            self.options.alpha_decay = decay;
        }
        self.set_alpha(alpha);
        Ok(())
    }

    /// Sets each node's collision radius (its drawn size), overriding `collide_radius`.
    /// Negative or non-finite radii count as 0; all zero turns collision off.
    ///
    /// # Errors
    /// [`LayoutError::LengthMismatch`] (field `radii`) unless there is one radius per node.
    pub fn set_radii(&mut self, radii: &[f32]) -> Result<(), LayoutError> {
        self.check_len("radii", radii.len())?;
        self.radii.clear();
        self.radii.extend(non_negative(radii));
        self.collide_on = self.radii.iter().any(|&r| r > 0.0) && self.node_count() > 1;
        Ok(())
    }

    /// Sets each node's charge multiplier: 0 for a hidden node, so it no longer pushes the
    /// others (it is still pushed, and its springs follow the edge set). Negative or
    /// non-finite weights count as 0.
    ///
    /// # Errors
    /// [`LayoutError::LengthMismatch`] (field `weights`) unless there is one weight per node.
    pub fn set_weights(&mut self, weights: &[f32]) -> Result<(), LayoutError> {
        self.check_len("weights", weights.len())?;
        self.weights.clear();
        self.weights.extend(non_negative(weights));
        Ok(())
    }

    fn check_len(&self, field: &'static str, got: usize) -> Result<(), LayoutError> {
        let expected = self.node_count();
        if got != expected {
            return Err(LayoutError::LengthMismatch {
                field,
                expected,
                got,
            });
        }
        Ok(())
    }
}

/// What [`crate::refine`] reads and sets; not public, so the page's core cannot reach it.
impl ForceLayout {
    pub(crate) fn set_after_cooling(&mut self, hook: fn(&mut ForceLayout), stage: Stage) {
        self.after_cooling = Some(hook);
        self.stage = stage;
    }

    pub(crate) fn take_stage(&mut self) -> Stage {
        std::mem::take(&mut self.stage)
    }

    pub(crate) fn put_stage(&mut self, stage: Stage) {
        self.stage = stage;
    }

    #[cfg(test)]
    pub(crate) fn stage(&self) -> &Stage {
        &self.stage
    }

    /// The springs as a flat edge list (self-loops are already gone).
    pub(crate) fn spring_edges(&self) -> Vec<u32> {
        self.springs
            .iter()
            .flat_map(|s| [s.source, s.target])
            .collect()
    }

    pub(crate) fn pinned(&self) -> &[bool] {
        &self.pinned
    }

    pub(crate) fn seed(&self) -> u32 {
        self.options.seed
    }

    pub(crate) fn alpha_decay(&self) -> f32 {
        self.options.alpha_decay
    }

    pub(crate) fn alpha_min(&self) -> f32 {
        self.options.alpha_min
    }

    /// Moves every unpinned node to `xy` (checked finite by the caller's construction) and
    /// stops every node; pinned nodes stay at their pin.
    pub(crate) fn restore(&mut self, xy: &[f32]) {
        for (i, p) in xy.chunks_exact(2).enumerate() {
            if !self.pinned[i] {
                self.positions[2 * i..2 * i + 2].copy_from_slice(p);
            }
        }
        self.velocities.fill(0.0);
    }
}
