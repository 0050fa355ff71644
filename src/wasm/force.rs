//! The standalone force layout for JavaScript: `new ForceLayout(nodeCount, edges, positions, options)`.

use super::force_options::parse_options;
use crate::layout::refine;
use crate::layout::{multilevel, quality};
use crate::layout::{ForceLayout as Engine, LayoutError};
use wasm_bindgen::prelude::*;

fn layout_error(e: LayoutError) -> JsError {
    JsError::new(&e.to_string())
}

/// Checks a tick count from JS: a whole number from 0 to one million.
fn iterations(n: f64) -> Result<u32, JsError> {
    if (0.0..=1e6).contains(&n) && n.fract() == 0.0 {
        Ok(n as u32)
    } else {
        Err(JsError::new(&format!(
            "step: iterations must be a whole number from 0 to 1000000, got {n}"
        )))
    }
}

/// A force-directed layout usable on its own, beside d3-force (exported to JS as `ForceLayout`).
#[wasm_bindgen(js_name = ForceLayout)]
#[derive(Debug)]
pub struct JsForceLayout {
    engine: Engine,
}

#[wasm_bindgen(js_class = ForceLayout)]
impl JsForceLayout {
    /// `new ForceLayout(nodeCount, edges, positions, options)`: `edges` a `Uint32Array`
    /// `[s0, t0, ..]`, `positions` a `Float32Array` `[x0, y0, ..]` or `undefined` (a seeded
    /// spiral), `options` `{seed, linkDistance, linkStrength, charge, theta, gravity, alpha,
    /// alphaMin, alphaDecay, alphaTarget, velocityDecay, collideRadius, multilevel, refine,
    /// refineAtOnce, polishTicks, polishAnchor}`.
    /// With `multilevel: true` the starting positions come from a coarse-to-fine layout
    /// (given positions are then ignored) and `step` refines them. With `refine` (on with
    /// `multilevel` unless set) the cooled layout is refined by stress majorization and then
    /// polished by the forces for `polishTicks` ticks (250; 0: the lowest stress, but not where
    /// the forces rest), every node anchored to its refined place by a spring of `polishAnchor`
    /// (0.3; 0: a free polish, which ends where the forces alone rest, with a higher stress)
    /// ([`refine::enable`]); the anchors stay for later runs (`anchors()`). With
    /// `refineAtOnce` the starting positions are refined here, before any tick, not once the
    /// forces cool: with `polishTicks: 0` the layout then rests (the quickest way to a low
    /// stress; see README "Layout benchmark").
    #[wasm_bindgen(constructor)]
    pub fn new(
        node_count: f64,
        edges: &[u32],
        positions: Option<Vec<f32>>,
        options: JsValue,
    ) -> Result<JsForceLayout, JsError> {
        if !(node_count.is_finite() && node_count >= 0.0 && node_count.fract() == 0.0) {
            return Err(JsError::new(&format!(
                "nodeCount must be a whole number, got {node_count}"
            )));
        }
        let node_count = node_count.min(usize::MAX as f64) as usize;
        let (options, multilevel, refinement) = parse_options(options)?;
        let mut engine = if multilevel {
            multilevel::build(node_count, edges, options)
        } else {
            Engine::new(node_count, edges, positions.as_deref(), options)
        }
        .map_err(layout_error)?;
        if let Some(settings) = refinement {
            refine::enable(&mut engine, settings);
        }
        Ok(JsForceLayout { engine })
    }

    /// Runs up to `iterations` ticks (stopping early once cooled); true while still moving.
    pub fn step(&mut self, iterations_: f64) -> Result<bool, JsError> {
        Ok(self.engine.step(iterations(iterations_)?))
    }

    /// A copy of the positions, `Float32Array [x0, y0, ..]`.
    pub fn positions(&self) -> Vec<f32> {
        self.engine.positions().to_vec()
    }

    /// Address of the positions in wasm memory, for a zero-copy
    /// `new Float32Array(memory.buffer, ptr, 2 * nodeCount)` (re-made after memory grows).
    #[wasm_bindgen(js_name = positionsPtr)]
    pub fn positions_ptr(&self) -> *const f32 {
        self.engine.positions_ptr()
    }

    /// Replaces every position (a `Float32Array` of `2 * nodeCount`), zeroing velocities; anchors
    /// (`setAnchors`) stay where they were set.
    #[wasm_bindgen(js_name = setPositions)]
    pub fn set_positions(&mut self, positions: &[f32]) -> Result<(), JsError> {
        self.engine.set_positions(positions).map_err(layout_error)
    }

    #[wasm_bindgen(getter, js_name = nodeCount)]
    pub fn node_count(&self) -> usize {
        self.engine.node_count()
    }

    /// The current temperature; the layout is settled once it falls below `alphaMin`.
    pub fn alpha(&self) -> f32 {
        self.engine.alpha()
    }

    /// Sets the temperature (reheat after an edit); it must be a finite number ≥ 0.
    #[wasm_bindgen(js_name = setAlpha)]
    pub fn set_alpha(&mut self, alpha: f64) -> Result<(), JsError> {
        self.engine
            .set_alpha(finite_non_negative("setAlpha", alpha)?);
        Ok(())
    }

    /// Sets the temperature alpha decays toward (raise it while dragging, 0 on release).
    #[wasm_bindgen(js_name = setAlphaTarget)]
    pub fn set_alpha_target(&mut self, target: f64) -> Result<(), JsError> {
        self.engine
            .set_alpha_target(finite_non_negative("setAlphaTarget", target)?);
        Ok(())
    }

    /// Sets the per-tick decay of alpha (d3's `alphaDecay`), a number in (0, 1].
    #[wasm_bindgen(js_name = setAlphaDecay)]
    pub fn set_alpha_decay(&mut self, decay: f64) -> Result<(), JsError> {
        if !(decay.is_finite() && decay > 0.0 && decay <= 1.0) {
            return Err(JsError::new(&format!(
                "setAlphaDecay: expected a number in (0, 1], got {decay}"
            )));
        }
        self.engine.set_alpha_decay(decay as f32);
        Ok(())
    }

    /// Fixes `node` at `(x, y)` until `unpin(node)`.
    pub fn pin(&mut self, node: u32, x: f64, y: f64) -> Result<(), JsError> {
        self.check(node, "pin")?;
        if !(x.is_finite() && y.is_finite()) {
            return Err(JsError::new(&format!(
                "pin: coordinates must be finite numbers, got ({x}, {y})"
            )));
        }
        self.engine.pin(node as usize, x as f32, y as f32);
        Ok(())
    }

    pub fn unpin(&mut self, node: u32) -> Result<(), JsError> {
        self.check(node, "unpin")?;
        self.engine.unpin(node as usize);
        Ok(())
    }

    #[wasm_bindgen(js_name = isPinned)]
    pub fn is_pinned(&self, node: u32) -> bool {
        self.engine.is_pinned(node as usize)
    }

    /// Replaces the edges (a warm start: positions are kept) and reheats to `alpha`.
    #[wasm_bindgen(js_name = setEdges)]
    pub fn set_edges(&mut self, edges: &[u32], alpha: f64) -> Result<(), JsError> {
        let alpha = finite_non_negative("setEdges", alpha)?;
        self.engine.set_edges(edges, alpha).map_err(layout_error)
    }

    /// Ties every node to a place by a spring of `strength` (per unit of distance and of alpha,
    /// as d3's `forceX`/`forceY`): `targets` a `Float32Array` `[x0, y0, ..]` of `2 * nodeCount`
    /// (a `NaN` coordinate: where the node is now), or `undefined` for where every node is now.
    /// A later run then moves what a change did not touch only as far as the other forces
    /// outweigh the pull. `strength` 0 removes the anchors.
    #[wasm_bindgen(js_name = setAnchors)]
    pub fn set_anchors(&mut self, targets: Option<Vec<f32>>, strength: f64) -> Result<(), JsError> {
        let strength = finite_non_negative("setAnchors", strength)?;
        self.engine
            .set_anchors(targets.as_deref(), strength)
            .map_err(layout_error)
    }

    /// A copy of where each node is anchored, `Float32Array [x0, y0, ..]`; empty without
    /// anchors (the refinement sets them to the refined picture; see `polishAnchor`).
    pub fn anchors(&self) -> Vec<f32> {
        self.engine.anchors().to_vec()
    }

    /// The anchors' strength, 0 without anchors.
    #[wasm_bindgen(js_name = anchorStrength)]
    pub fn anchor_strength(&self) -> f32 {
        self.engine.anchor_strength()
    }

    /// Per-node collision radii (`Float32Array`, one per node).
    #[wasm_bindgen(js_name = setRadii)]
    pub fn set_radii(&mut self, radii: &[f32]) -> Result<(), JsError> {
        self.engine.set_radii(radii).map_err(layout_error)
    }

    /// Per-node charge multipliers (`Float32Array`, one per node; 0 for a node that must not push).
    #[wasm_bindgen(js_name = setWeights)]
    pub fn set_weights(&mut self, weights: &[f32]) -> Result<(), JsError> {
        self.engine.set_weights(weights).map_err(layout_error)
    }

    fn check(&self, node: u32, call: &str) -> Result<(), JsError> {
        if (node as usize) < self.engine.node_count() {
            Ok(())
        } else {
            Err(JsError::new(&format!(
                "{call}: node {node} is out of range (the graph has {} nodes)",
                self.engine.node_count()
            )))
        }
    }
}

fn finite_non_negative(call: &str, v: f64) -> Result<f32, JsError> {
    if v.is_finite() && v >= 0.0 {
        Ok(v as f32)
    } else {
        Err(JsError::new(&format!(
            "{call}: expected a finite number ≥ 0, got {v}"
        )))
    }
}

/// Normalised stress of a drawing against hop distances (see the Rust `quality::stress`):
/// `layoutStress(positions, nodeCount, edges, samples, seed)`. Throws on a short `positions`.
#[wasm_bindgen(js_name = layoutStress)]
pub fn layout_stress(
    positions: &[f32],
    node_count: usize,
    edges: &[u32],
    samples: usize,
    seed: u32,
) -> Result<f64, JsError> {
    if positions.len() < 2 * node_count {
        return Err(JsError::new(&format!(
            "layoutStress: positions has {} values, expected {}",
            positions.len(),
            2 * node_count
        )));
    }
    Ok(quality::stress(positions, node_count, edges, samples, seed))
}
