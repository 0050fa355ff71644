//! A seeded, deterministic force-directed layout: d3-force's simulation tick in native Rust.

mod controls;

use super::collide::Collide;
use super::init::{clamp_coord, phyllotaxis, sanitise};
use super::lcg::Lcg;
use super::many_body::{self, Charge};
use super::quadtree::Quadtree;
use super::refine::Stage;
use super::springs::{self, Spring};
use super::ztree::ZTree;
use super::{check_edges, check_node_count, LayoutError};

/// Knobs of a [`ForceLayout`]; [`Default`] gives d3-force's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct ForceOptions {
    /// Seeds the initial spiral and every tie-breaking jiggle.
    pub seed: u32,
    /// Rest length of every spring (d3 30).
    pub link_distance: f32,
    /// Spring stiffness; `None` is d3's 1 / min(degree(source), degree(target)).
    pub link_strength: Option<f32>,
    /// Many-body strength per node: negative repels (d3 −30), 0 turns it off.
    pub charge: f32,
    /// Barnes–Hut accuracy: a cell of side `w` at distance `d` is one body when w/d < θ (d3 0.9).
    pub theta: f32,
    /// Pull of every node toward the origin, like d3's `forceX(0)` + `forceY(0)` (default 0: off;
    /// 0.05–0.1 keeps disconnected components together).
    pub gravity: f32,
    /// Current "temperature": it scales every force but collision (d3 1).
    pub alpha: f32,
    /// The simulation is settled once alpha falls below this (d3 0.001).
    pub alpha_min: f32,
    /// Per-tick approach of alpha to `alpha_target` (d3 1 − 0.001^(1/300): 300 ticks to settle).
    pub alpha_decay: f32,
    /// Temperature alpha decays toward; raise it while dragging (d3 0).
    pub alpha_target: f32,
    /// Fraction of velocity lost per tick (d3 0.4).
    pub velocity_decay: f32,
    /// Radius of each node's disc for collision: centres stay ≥ r_i + r_j apart
    /// (2 × this when all radii are equal). 0 turns collision off. See [`ForceLayout::set_radii`].
    /// (The stress refinement after cooling is not an option here but [`crate::refine::enable`],
    /// so that a build that never asks for it does not carry its code.)
    pub collide_radius: f32,
}

impl Default for ForceOptions {
    fn default() -> Self {
        Self {
            seed: 1,
            link_distance: 30.0,
            link_strength: None,
            charge: -30.0,
            theta: 0.9,
            gravity: 0.0,
            alpha: 1.0,
            alpha_min: 0.001,
            alpha_decay: 0.022_762_78,
            alpha_target: 0.0,
            velocity_decay: 0.4,
            collide_radius: 0.0,
        }
    }
}

impl ForceOptions {
    /// Replaces non-finite fields by their defaults and a negative collide radius by 0.
    fn sanitised(mut self) -> Self {
        let d = Self::default();
        for (v, default) in [
            (&mut self.link_distance, d.link_distance),
            (&mut self.charge, d.charge),
            (&mut self.theta, d.theta),
            (&mut self.gravity, d.gravity),
            (&mut self.alpha, d.alpha),
            (&mut self.alpha_min, d.alpha_min),
            (&mut self.alpha_decay, d.alpha_decay),
            (&mut self.alpha_target, d.alpha_target),
            (&mut self.velocity_decay, d.velocity_decay),
            (&mut self.collide_radius, d.collide_radius),
        ] {
            if !v.is_finite() {
                *v = default;
            }
        }
        self.link_strength = self.link_strength.filter(|s| s.is_finite());
        self.collide_radius = self.collide_radius.max(0.0);
        self
    }
}

/// A running force simulation over `node_count` nodes.
///
/// Positions live in one flat `[x0, y0, x1, y1, ..]` buffer that is allocated once and never
/// reallocated, so JavaScript may keep a `Float32Array` view of [`ForceLayout::positions_ptr`].
/// Same inputs and seed give bit-identical positions (only IEEE `+ − × ÷ √` are used per tick).
pub struct ForceLayout {
    options: ForceOptions,
    positions: Vec<f32>,
    velocities: Vec<f32>,
    /// Pinned nodes and their fixed position (flat, like `positions`).
    pinned: Vec<bool>,
    fixed: Vec<f32>,
    springs: Vec<Spring>,
    degree: Vec<u32>,
    weights: Vec<f32>,
    radii: Vec<f32>,
    collide_on: bool,
    tree: Quadtree,
    ztree: ZTree,
    stack: Vec<u32>,
    charge_scratch: many_body::Scratch,
    collide: Collide,
    rng: Lcg,
    /// Where [`set_anchors`](Self::set_anchors) tied each node (flat, like `positions`); empty when off.
    anchors: Vec<f32>,
    /// Pull toward `anchors` per unit of distance and of alpha.
    anchor_strength: f32,
    /// Run by [`step`](Self::step) whenever it finds the layout cooled: the refinement, when
    /// [`crate::refine::enable`] set it (only then is its code reachable).
    after_cooling: Option<fn(&mut ForceLayout)>,
    /// The refinement's progress (`Stage::Off` without it).
    stage: Stage,
}

impl ForceLayout {
    /// Builds a simulation, ready to [`step`](Self::step).
    ///
    /// # Arguments
    /// * `edges` – flat `[s0, t0, s1, t1, ..]` node indices; self-loops are ignored, duplicates
    ///   count twice (as in d3).
    /// * `positions` – flat `[x0, y0, ..]`, or `None` for d3's phyllotaxis spiral with slots
    ///   shuffled by `options.seed`. Non-finite coordinates get their spiral slot; all are
    ///   clamped to ±1e7.
    ///
    /// # Errors
    /// [`LayoutError::TooManyNodes`], [`LayoutError::OddEdgeList`],
    /// [`LayoutError::EdgeOutOfRange`] (naming the edge), [`LayoutError::PositionsLength`].
    ///
    /// # Complexity
    /// O(n + m).
    pub fn new(
        node_count: usize,
        edges: &[u32],
        positions: Option<&[f32]>,
        options: ForceOptions,
    ) -> Result<Self, LayoutError> {
        check_node_count(node_count)?;
        check_edges(node_count, edges)?;
        let options = options.sanitised();
        let positions = match positions {
            Some(p) if p.len() != 2 * node_count => {
                return Err(LayoutError::PositionsLength {
                    expected: 2 * node_count,
                    got: p.len(),
                })
            }
            Some(p) => sanitise(p, options.seed),
            None => phyllotaxis(node_count, options.seed),
        };
        let mut layout = Self {
            positions,
            velocities: vec![0.0; 2 * node_count],
            pinned: vec![false; node_count],
            fixed: vec![0.0; 2 * node_count],
            springs: Vec::new(),
            degree: Vec::new(),
            weights: vec![1.0; node_count],
            radii: vec![options.collide_radius; node_count],
            collide_on: options.collide_radius > 0.0 && node_count > 1,
            tree: Quadtree::default(),
            ztree: ZTree::default(),
            stack: Vec::new(),
            charge_scratch: many_body::Scratch::default(),
            collide: Collide::default(),
            rng: Lcg::new(options.seed),
            anchors: Vec::new(),
            anchor_strength: 0.0,
            after_cooling: None,
            stage: Stage::Off,
            options,
        };
        let strength = layout.options.link_strength;
        springs::rebuild(
            &mut layout.springs,
            &mut layout.degree,
            node_count,
            edges,
            strength,
        );
        Ok(layout)
    }

    /// Runs up to `iterations` ticks, stopping early once the layout has cooled: alpha below
    /// `alpha_min` with no `alpha_target` above it (a raised target, as while dragging, keeps
    /// it running and heats it back up).
    ///
    /// Returns `true` while the layout is still moving.
    ///
    /// # Complexity
    /// O(n log n + m) per tick; no allocation after the first tick.
    pub fn step(&mut self, iterations: u32) -> bool {
        for _ in 0..iterations {
            if !self.is_moving() {
                break;
            }
            self.tick();
        }
        if !self.is_moving() {
            if let Some(after_cooling) = self.after_cooling {
                after_cooling(self);
            }
        }
        self.is_moving()
    }

    fn is_moving(&self) -> bool {
        let o = &self.options;
        o.alpha >= o.alpha_min || o.alpha_target >= o.alpha_min
    }

    /// One d3 tick: cool, add every force to the velocities, then move.
    fn tick(&mut self) {
        let o = &mut self.options;
        o.alpha += (o.alpha_target - o.alpha) * o.alpha_decay;
        let alpha = o.alpha;
        let (xy, vel) = (&self.positions, &mut self.velocities);

        springs::apply(
            &self.springs,
            xy,
            vel,
            o.link_distance,
            alpha,
            &mut self.rng,
        );

        if o.charge != 0.0 {
            self.ztree.build(
                xy,
                &self.weights,
                many_body::LEAF_CAPACITY,
                many_body::GROUP_SIZE,
            );
            self.ztree.accumulate();
            let charge = Charge {
                strength_alpha: o.charge * alpha,
                theta2: o.theta * o.theta,
            };
            many_body::apply(
                &self.ztree,
                vel,
                charge,
                &mut self.charge_scratch,
                &mut self.rng,
            );
        }

        if o.gravity != 0.0 {
            let pull = o.gravity * alpha;
            for (v, x) in vel.iter_mut().zip(xy) {
                *v -= x * pull;
            }
        }

        if !self.anchors.is_empty() {
            let pull = self.anchor_strength * alpha;
            for ((v, x), a) in vel.iter_mut().zip(xy).zip(&self.anchors) {
                *v += (a - x) * pull;
            }
        }

        if self.collide_on {
            let (tree, stack) = (&mut self.tree, &mut self.stack);
            self.collide
                .apply(tree, xy, vel, &self.radii, stack, &mut self.rng);
        }

        let keep = 1.0 - o.velocity_decay;
        for (i, pinned) in self.pinned.iter().enumerate() {
            for k in 2 * i..2 * i + 2 {
                if *pinned {
                    self.positions[k] = self.fixed[k];
                    self.velocities[k] = 0.0;
                } else {
                    // A force that overflowed on pathological input (a radius or coordinate at
                    // the limits, a distance whose square underflows) stops the node instead of
                    // turning the whole layout into NaN.
                    let v = self.velocities[k] * keep;
                    self.velocities[k] = if v.is_finite() { v } else { 0.0 };
                    self.positions[k] = clamp_coord(self.positions[k] + self.velocities[k]);
                }
            }
        }
    }
}
