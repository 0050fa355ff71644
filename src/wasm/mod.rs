//! The only module that knows about wasm-bindgen: the `Entente` handle the page holds.
//!
//! Submodules of this one may use wasm-bindgen too; nothing outside `src/wasm/` does.
//!
//! The page loads two wasm modules built from this crate (`scripts/lib.sh`, `build_web`): the
//! core (feature `core-exports`: the handle, `ForceLayout`, the layouts, the chart, the SVG
//! export, the bytes front door) with the page, and the importers and exporters (feature
//! `io-exports`: [`io`]) on first use. Native builds and the tests have both.
//!
//! Every entry point returns a `Result` that reaches JavaScript as an `Error` with a message;
//! a failed load leaves the handle exactly as it was.

#[cfg(feature = "core-exports")]
pub mod force;
#[cfg(feature = "core-exports")]
mod layouts;

#[cfg(feature = "core-exports")]
use crate::hit;
#[cfg(feature = "core-exports")]
use crate::layout::{ForceLayout, ForceOptions, LayoutError};
#[cfg(feature = "core-exports")]
use crate::model::{ActorType, KindSet, Tone};
#[cfg(feature = "core-exports")]
use crate::network::{Filter, Network, Visible};
use wasm_bindgen::prelude::*;

#[cfg(feature = "core-exports")]
mod explore;
#[cfg(feature = "core-exports")]
mod guard;
#[cfg(feature = "io-exports")]
pub mod io;
#[cfg(feature = "core-exports")]
pub use guard::text_from_bytes;

#[cfg(feature = "core-exports")]
fn layout_error(e: LayoutError) -> JsError {
    JsError::new(&e.to_string())
}

/// A loaded dataset, what the filter shows of it, and its layout.
#[cfg(feature = "core-exports")]
#[wasm_bindgen]
#[derive(Debug)]
pub struct Entente {
    network: Network,
    filter: Filter,
    visible: Visible,
    layout: ForceLayout,
    radii: Vec<f32>,
    centre: Option<u32>,
}

/// Layout settings for the page's network: long springs so labels have room.
#[cfg(feature = "core-exports")]
fn page_options() -> ForceOptions {
    ForceOptions {
        seed: 1,
        link_distance: 90.0,
        charge: -260.0,
        gravity: 0.04,
        collide_radius: 18.0,
        ..ForceOptions::default()
    }
}

/// The actor the picture is centred on: the one with the most ties (first on a tie).
#[cfg(feature = "core-exports")]
fn centre_of(network: &Network) -> Option<u32> {
    (0..network.actor_count() as u32).max_by_key(|&a| (network.ties_of(a).len(), u32::MAX - a))
}

#[cfg(feature = "core-exports")]
fn visible_edges(network: &Network, visible: &Visible) -> Vec<u32> {
    visible.ties.iter().flat_map(|&t| network.ends(t)).collect()
}

#[cfg(feature = "core-exports")]
#[wasm_bindgen]
impl Entente {
    /// Loads an Entente JSON dataset and lays it out.
    ///
    /// Throws an `Error` whose message names the line, column, record and field at fault.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str) -> Result<Entente, JsError> {
        // Parsed and validated once, then indexed.
        let network = Network::from_json(json).map_err(|e| JsError::new(&e.to_string()))?;
        let filter = Filter::default();
        let visible = network.visible(&filter);
        let edges = visible_edges(&network, &visible);
        let mut layout = ForceLayout::new(network.actor_count(), &edges, None, page_options())
            .map_err(layout_error)?;
        let centre = centre_of(&network);
        if let Some(c) = centre {
            layout.pin(c as usize, 0.0, 0.0);
        }
        let radii = vec![8.0; network.actor_count()];
        let mut entente = Entente {
            network,
            filter,
            visible,
            layout,
            radii,
            centre,
        };
        entente.apply_visibility()?;
        Ok(entente)
    }

    /// Replaces the dataset with another; on error nothing changes.
    pub fn load(&mut self, json: &str) -> Result<(), JsError> {
        *self = Entente::new(json)?;
        Ok(())
    }

    /// Every actor: `[{id, name, type, iso3?, lat, lon, base?}]`.
    pub fn actors(&self) -> Result<JsValue, JsError> {
        to_js(&self.network.dataset().actors)
    }

    /// Title, description, provenance and the date range (`first`, `last`) of the dataset.
    pub fn meta(&self) -> Result<JsValue, JsError> {
        let d = self.network.dataset();
        let range = self.network.date_range();
        to_js(&serde_json::json!({
            "title": d.title,
            "description": d.description,
            "provenance": d.provenance,
            "first": range.map(|r| r.0.to_string()),
            "last": range.map(|r| r.1.to_string()),
            "centre": self.centre,
        }))
    }

    /// The whole dataset as Entente JSON text.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsError> {
        serde_json::to_string_pretty(self.network.dataset())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    #[wasm_bindgen(js_name = actorCount)]
    pub fn actor_count(&self) -> usize {
        self.network.actor_count()
    }

    /// Sets the filter: bit masks of kinds (defense 1, diplomatic 2, economic 4, conflict 8),
    /// tones (cooperative 1, strained 2, hostile 4) and actor types (state 1, organization 2,
    /// armed group 4), and an optional last date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    /// The layout continues from the current positions.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(
        &mut self,
        kinds: u8,
        tones: u8,
        actor_types: u8,
        until: Option<String>,
    ) -> Result<(), JsError> {
        let until = match until.as_deref() {
            None | Some("") => None,
            Some(s) => Some(
                s.parse()
                    .map_err(|e: crate::date::DateError| JsError::new(&e.to_string()))?,
            ),
        };
        self.filter = Filter {
            kinds: KindSet(kinds & KindSet::ALL.0),
            tones: tones & Tone::MASK,
            actor_types: actor_types & ActorType::MASK,
            until,
        };
        self.visible = self.network.visible(&self.filter);
        let edges = visible_edges(&self.network, &self.visible);
        self.layout.set_edges(&edges, 0.3).map_err(layout_error)?;
        self.apply_visibility()
    }

    /// Hidden actors (no visible tie) neither push nor are pushed.
    fn apply_visibility(&mut self) -> Result<(), JsError> {
        let weights: Vec<f32> = self
            .visible
            .degree
            .iter()
            .map(|&d| if d > 0 { 1.0 } else { 0.0 })
            .collect();
        self.layout.set_weights(&weights).map_err(layout_error)
    }

    /// Indices of the visible ties.
    #[wasm_bindgen(js_name = visibleTies)]
    pub fn visible_ties(&self) -> Vec<u32> {
        self.visible.ties.clone()
    }

    /// Endpoints of the visible ties, `[s0, t0, s1, t1, ...]`.
    #[wasm_bindgen(js_name = visibleEdges)]
    pub fn visible_edges(&self) -> Vec<u32> {
        visible_edges(&self.network, &self.visible)
    }

    /// For each visible tie, the kind bits of its shown events.
    #[wasm_bindgen(js_name = visibleKinds)]
    pub fn visible_kinds(&self) -> Vec<u8> {
        self.visible.kinds.iter().map(|k| k.0).collect()
    }

    /// For each visible tie, its tone as of the filter (0 cooperative, 1 strained, 2 hostile).
    #[wasm_bindgen(js_name = visibleTones)]
    pub fn visible_tones(&self) -> Vec<u8> {
        self.visible.tones.iter().map(|t| *t as u8).collect()
    }

    /// For every actor, its number of visible ties.
    pub fn degrees(&self) -> Vec<u32> {
        self.visible.degree.clone()
    }

    /// Advances the layout by up to `iterations` ticks; true while it is still moving.
    pub fn step(&mut self, iterations: u32) -> bool {
        self.layout.step(iterations)
    }

    /// Reheats the layout so it moves again (after a drag, say); `alpha` is kept within 0..=1.
    pub fn reheat(&mut self, alpha: f32) {
        self.layout.set_alpha(alpha.clamp(0.0, 1.0));
    }

    /// Address of the positions `[x0, y0, ...]` in wasm memory; read them through a
    /// `Float32Array` view, re-made after any call that may grow memory.
    #[wasm_bindgen(js_name = positionsPtr)]
    pub fn positions_ptr(&self) -> *const f32 {
        self.layout.positions_ptr()
    }

    #[wasm_bindgen(js_name = positionsLen)]
    pub fn positions_len(&self) -> usize {
        self.layout.positions().len()
    }

    /// Sets drawn node radii in layout units, used by hit-testing and collision.
    #[wasm_bindgen(js_name = setRadii)]
    pub fn set_radii(&mut self, radii: &[f32]) -> Result<(), JsError> {
        if radii.len() != self.network.actor_count() {
            return Err(JsError::new(&format!(
                "setRadii: expected {} radii, got {}",
                self.network.actor_count(),
                radii.len()
            )));
        }
        self.radii = radii
            .iter()
            .map(|r| if r.is_finite() { r.max(0.0) } else { 0.0 })
            .collect();
        self.layout.set_radii(&self.radii).map_err(layout_error)
    }

    /// The visible actor under the layout point `(x, y)`, within `slop`, or -1.
    #[wasm_bindgen(js_name = nodeAt)]
    pub fn node_at(&self, x: f32, y: f32, slop: f32) -> i32 {
        let shown: Vec<bool> = self.visible.degree.iter().map(|&d| d > 0).collect();
        hit::node_at(self.layout.positions(), &self.radii, &shown, x, y, slop)
            .map_or(-1, |i| i as i32)
    }

    /// The ties of an actor as the tooltip lists them:
    /// `[{tie, partner, partnerName, kinds, tone, events: [{date, kind, tone, summary, figures?, people?, sources, note?}]}]`.
    #[wasm_bindgen(js_name = tiesOf)]
    pub fn ties_of(&self, actor: u32) -> Result<JsValue, JsError> {
        if actor as usize >= self.network.actor_count() {
            return Err(JsError::new(&format!("tiesOf: no actor has index {actor}")));
        }
        to_js(&self.network.tie_views(actor, &self.filter))
    }

    /// Index of the actor with this id, or -1.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, id: &str) -> i32 {
        self.network.find(id).map_or(-1, |i| i as i32)
    }

    /// Pins an actor at a layout point (it stays there while the others move).
    pub fn pin(&mut self, actor: u32, x: f32, y: f32) -> Result<(), JsError> {
        self.check(actor)?;
        if x.is_finite() && y.is_finite() {
            self.layout.pin(actor as usize, x, y);
            Ok(())
        } else {
            Err(JsError::new("pin: coordinates must be finite numbers"))
        }
    }

    pub fn unpin(&mut self, actor: u32) -> Result<(), JsError> {
        self.check(actor)?;
        self.layout.unpin(actor as usize);
        Ok(())
    }

    fn check(&self, actor: u32) -> Result<(), JsError> {
        if (actor as usize) < self.network.actor_count() {
            Ok(())
        } else {
            Err(JsError::new(&format!("no actor has index {actor}")))
        }
    }
}

/// How kinds, tones and actor types look, from the one table in Rust (`src/style.rs`):
/// `{kinds: [{key, label, bit, color, darkColor, dash}], tones: [{key, label, bit}],
/// types: [{key, label, bit, shape, fill, darkFill}]}`. The page reads it once at boot.
#[cfg(feature = "core-exports")]
#[wasm_bindgen]
pub fn style() -> Result<JsValue, JsError> {
    to_js(&crate::style::table())
}

fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let s = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&s)
        .map_err(|e| JsError::new(&e.to_string()))
}
