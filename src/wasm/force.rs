//! The standalone force layout for JavaScript: `new ForceLayout(nodeCount, edges, positions, options)`.

use crate::layout::quality;
use crate::layout::{multilevel, ForceLayout as Engine, ForceOptions, LayoutError};
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::Deserialize;
use std::fmt;
use wasm_bindgen::prelude::*;

fn layout_error(e: LayoutError) -> JsError {
    JsError::new(&e.to_string())
}

/// The options object of `new ForceLayout(..)`, as JS writes it; any other field is refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", default)]
struct Options {
    seed: Option<Finite>,
    link_distance: Option<Finite>,
    link_strength: Option<Finite>,
    charge: Option<Finite>,
    theta: Option<Finite>,
    gravity: Option<Finite>,
    alpha: Option<Finite>,
    alpha_min: Option<Finite>,
    alpha_decay: Option<Finite>,
    alpha_target: Option<Finite>,
    velocity_decay: Option<Finite>,
    collide_radius: Option<Finite>,
    multilevel: Option<Flag>,
}

/// What JS's `typeof` says of a value that is not the expected one.
fn type_name(unexpected: Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Str(_) | Unexpected::Char(_) => "string",
        Unexpected::Bool(_) => "boolean",
        Unexpected::Float(_) | Unexpected::Signed(_) | Unexpected::Unsigned(_) => "number",
        _ => "object",
    }
}

/// A finite number; anything else is refused with what it is.
#[derive(Debug, Clone, Copy)]
struct Finite(f64);

impl<'de> Deserialize<'de> for Finite {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Finite, D::Error> {
        d.deserialize_any(FiniteVisitor)
    }
}

/// Reads a [`Finite`] from whatever JS gave.
struct FiniteVisitor;

fn not_a_number<E: de::Error>(unexpected: Unexpected<'_>) -> E {
    E::custom(format!("must be a number, got {}", type_name(unexpected)))
}

impl<'de> Visitor<'de> for FiniteVisitor {
    type Value = Finite;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a finite number")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Finite, E> {
        if v.is_finite() {
            Ok(Finite(v))
        } else {
            Err(E::custom(format!("must be a finite number, got {v}")))
        }
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Finite, E> {
        Ok(Finite(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Finite, E> {
        Ok(Finite(v as f64))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Finite, E> {
        Err(not_a_number(Unexpected::Str(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Finite, E> {
        Err(not_a_number(Unexpected::Bool(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Finite, E> {
        Err(not_a_number(Unexpected::Unit))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Finite, A::Error> {
        Err(not_a_number(Unexpected::Seq))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<Finite, A::Error> {
        Err(not_a_number(Unexpected::Map))
    }
}

/// `true` or `false`; anything else is refused.
#[derive(Debug, Clone, Copy)]
struct Flag(bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Flag, D::Error> {
        bool::deserialize(d)
            .map(Flag)
            .map_err(|_| de::Error::custom("must be true or false"))
    }
}

/// serde-wasm-bindgen reads a struct by looking up its known fields only, so
/// `deny_unknown_fields` would never see another one; read as a map instead, every field of the
/// object reaches the struct, and an unknown one is refused.
struct AsMap(serde_wasm_bindgen::Deserializer);

impl<'de> Deserializer<'de> for AsMap {
    type Error = serde_wasm_bindgen::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// A refused options object as an `Error` naming the field: `options.theta must be a number,
/// got string`, `options.chrage is not an option (known: seed, ...)`.
fn options_error(e: serde_path_to_error::Error<serde_wasm_bindgen::Error>) -> JsError {
    let path = e.path().to_string();
    // serde-wasm-bindgen's errors are JS `Error`s; their message is the text.
    let inner = JsValue::from(e.into_inner());
    let inner = match inner.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => format!("{inner:?}"),
    };
    // serde's own message for a field `deny_unknown_fields` refuses:
    // "unknown field `x`, expected one of `seed`, `linkDistance`, ...".
    if let Some(rest) = inner.strip_prefix("unknown field `") {
        let (name, known) = rest.split_once('`').unwrap_or((rest, ""));
        let known = known
            .trim_start_matches(", expected one of ")
            .replace('`', "");
        return JsError::new(&format!("options.{name} is not an option (known: {known})"));
    }
    if path == "." || path.is_empty() {
        JsError::new(&format!("options must be an object: {inner}"))
    } else {
        JsError::new(&format!("options.{path} {inner}"))
    }
}

/// Builds [`ForceOptions`] from a JS object (or `undefined`), naming the first unknown or
/// mistyped field. Also returns `multilevel` (false unless set).
fn parse_options(options: JsValue) -> Result<(ForceOptions, bool), JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok((ForceOptions::default(), false));
    }
    let de = AsMap(serde_wasm_bindgen::Deserializer::from(options));
    let js: Options = serde_path_to_error::deserialize(de).map_err(options_error)?;
    let mut o = ForceOptions::default();
    if let Some(Finite(seed)) = js.seed {
        if !(0.0..=f64::from(u32::MAX)).contains(&seed) || seed.fract() != 0.0 {
            return Err(JsError::new(&format!(
                "options.seed must be an integer from 0 to 4294967295, got {seed}"
            )));
        }
        o.seed = seed as u32;
    }
    for (given, field) in [
        (js.link_distance, &mut o.link_distance),
        (js.charge, &mut o.charge),
        (js.theta, &mut o.theta),
        (js.gravity, &mut o.gravity),
        (js.alpha, &mut o.alpha),
        (js.alpha_min, &mut o.alpha_min),
        (js.alpha_decay, &mut o.alpha_decay),
        (js.alpha_target, &mut o.alpha_target),
        (js.velocity_decay, &mut o.velocity_decay),
        (js.collide_radius, &mut o.collide_radius),
    ] {
        if let Some(Finite(v)) = given {
            *field = v as f32;
        }
    }
    o.link_strength = js.link_strength.map(|Finite(v)| v as f32);
    Ok((o, js.multilevel.is_some_and(|Flag(on)| on)))
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
    /// alphaMin, alphaDecay, alphaTarget, velocityDecay, collideRadius, multilevel}`.
    /// With `multilevel: true` the starting positions come from a coarse-to-fine layout
    /// (given positions are then ignored) and `step` refines them.
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
        let (options, multilevel) = parse_options(options)?;
        let engine = if multilevel {
            multilevel::build(node_count, edges, options)
        } else {
            Engine::new(node_count, edges, positions.as_deref(), options)
        }
        .map_err(layout_error)?;
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

    /// Replaces every position (a `Float32Array` of `2 * nodeCount`), zeroing velocities.
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
