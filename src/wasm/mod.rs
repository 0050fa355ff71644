//! The only module that knows about wasm-bindgen: the `Entente` handle the page holds.
//!
//! Submodules of this one may use wasm-bindgen too; nothing outside `src/wasm/` does.
//!
//! The page loads wasm modules built from this crate (`scripts/lib.sh`, `build_web`): the core
//! (feature `core-exports`: the handle, the force layout, the style table, the bytes front door)
//! with the page; the events chart, the ego rings and the map (`chart-exports`: [`chart`],
//! [`geo`]) after the first picture; the importers and exporters (`io-exports`: [`io`]) on first
//! use; the standalone `ForceLayout` (`layout-exports`: [`force`]) in the large-graph worker and
//! for the public API; the editor (`edit-exports`: [`edit`], with the handle and its
//! `applyPatch`) on the first edit. Native builds and the tests have them all.
//!
//! Every entry point returns a `Result` that reaches JavaScript as an `Error` with a message;
//! a failed load leaves the handle exactly as it was.

#[cfg(feature = "layout-exports")]
pub mod force;
#[cfg(feature = "layout-exports")]
mod force_options;
#[cfg(feature = "core-exports")]
mod layouts;

#[cfg(feature = "core-exports")]
use crate::network::Filter;
#[cfg(feature = "core-exports")]
use crate::session::Session;
#[cfg(any(
    feature = "core-exports",
    feature = "chart-exports",
    feature = "io-exports"
))]
use wasm_bindgen::prelude::*;

#[cfg(feature = "chart-exports")]
pub mod chart;
#[cfg(feature = "core-exports")]
mod compare;
#[cfg(feature = "edit-exports")]
pub mod edit;
#[cfg(feature = "io-exports")]
pub mod events;
#[cfg(feature = "core-exports")]
mod explore;
#[cfg(feature = "chart-exports")]
pub mod geo;
#[cfg(feature = "core-exports")]
mod guard;
#[cfg(feature = "io-exports")]
pub mod io;
#[cfg(feature = "core-exports")]
pub use guard::text_from_bytes;

/// An error for JS, its message the error's own.
#[cfg(any(
    feature = "core-exports",
    feature = "chart-exports",
    feature = "io-exports"
))]
fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// The message of a value JS threw: an `Error`'s `message`, a thrown string itself. Not `{:?}`:
/// a `JsValue`'s `Debug` brings wasm-bindgen's whole value printer into the module's glue.
#[cfg(any(feature = "core-exports", feature = "layout-exports"))]
fn thrown_message(thrown: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match (thrown.dyn_ref::<js_sys::Error>(), thrown.as_string()) {
        (Some(error), _) => String::from(error.message()),
        (None, Some(text)) => text,
        (None, None) => String::from("a value that is not an Error"),
    }
}

/// An error for JS, its message prefixed with the method that refused (`tiesOf: ...`).
#[cfg(feature = "core-exports")]
fn js_error_in(method: &'static str) -> impl Fn(crate::session::SessionError) -> JsError {
    move |e| JsError::new(&format!("{method}: {e}"))
}

/// A loaded dataset, what the filter shows of it, and its layout: a [`Session`] for JS.
#[cfg(feature = "core-exports")]
#[wasm_bindgen]
#[derive(Debug)]
pub struct Entente {
    session: Session,
    /// Milliseconds the constructor spent parsing and validating, then indexing (`loadTimes`).
    load_ms: [f64; 2],
}

#[cfg(feature = "core-exports")]
#[wasm_bindgen]
extern "C" {
    /// The page's clock, for `loadTimes` (the open benchmark's phases).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

#[cfg(feature = "core-exports")]
#[wasm_bindgen]
impl Entente {
    /// Loads an Entente JSON dataset and lays it out.
    ///
    /// Throws an `Error` whose message names the line and column at fault, and the record and
    /// field for the rules of validation. Where serde refuses a field (a wrong type, an unknown
    /// kind), the message has no record path: the page then asks the io module's
    /// `checkDataset` for the whole message, so the core carries one copy of the deserializers.
    ///
    /// The text is validated here even when the io module's `importDataset` made it (and
    /// validated it, placing any error in the foreign file): the core cannot tell where a string
    /// from JS comes from, and the same constructor reads Entente JSON files, `?data=` and kept
    /// datasets, so the core's one entry checks everything that crosses into it.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str) -> Result<Entente, JsError> {
        let start = performance_now();
        let dataset = crate::load::from_json_lean(json).map_err(js_error)?;
        let parsed = performance_now();
        let network = crate::network::Network::from_valid(dataset);
        let session = Session::new(network).map_err(js_error)?;
        let load_ms = [parsed - start, performance_now() - parsed];
        Ok(Entente { session, load_ms })
    }

    /// As the constructor, from the file's bytes: checked as `textFromBytes` checks them (size
    /// limit, UTF-8, byte order mark) and read without a JS string in between, which a 20 MB
    /// dataset would decode and encode again. Throws what `textFromBytes` or the constructor
    /// throws.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> Result<Entente, JsError> {
        let text = crate::load::text_from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        Entente::new(text)
    }

    /// What the constructor took, in milliseconds: `[parse and validate, index and lay out]`.
    #[wasm_bindgen(js_name = loadTimes)]
    pub fn load_times(&self) -> Vec<f64> {
        self.load_ms.to_vec()
    }

    /// Replaces the dataset with another; on error nothing changes.
    pub fn load(&mut self, json: &str) -> Result<(), JsError> {
        *self = Entente::new(json)?;
        Ok(())
    }

    /// Applies an edit made in the importers' module (`DatasetEditor.corePatch()`'s text, a
    /// [`crate::edit::CorePatch`]), checked by the validator's rules on the records it touches, without reading the
    /// whole dataset again; the layout starts anew (the page gives the warm start). On error
    /// nothing changes.
    ///
    /// Only in the editor's module (`edit-exports`): an edited dataset's handle is that module's
    /// (`DatasetEditor.core()`), so the page's core module, the first load, does without it.
    #[cfg(feature = "edit-exports")]
    #[wasm_bindgen(js_name = applyPatch)]
    pub fn apply_patch(&mut self, patch: &str) -> Result<(), JsError> {
        let patch: crate::edit::CorePatch =
            serde_json::from_str(patch).map_err(|e| JsError::new(&format!("applyPatch: {e}")))?;
        let patch = patch
            .into_changes()
            .map_err(|e| JsError::new(&format!("applyPatch: {e}")))?;
        self.session
            .apply_patch(patch)
            .map_err(js_error_in("applyPatch"))
    }

    /// Every actor: `[{id, name, short?, type, iso3?, lat, lon, base?}]`.
    pub fn actors(&self) -> Result<JsValue, JsError> {
        to_js_via_json(&self.session.network().dataset().actors)
    }

    /// Title, description, provenance, the date range (`first`, `last`) and the centre actor.
    pub fn meta(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.meta())
    }

    /// The dataset's story, `{title, description?, steps: [{id, title, body, passages, sources,
    /// view}]}`, or `null` when it has none.
    pub fn story(&self) -> Result<JsValue, JsError> {
        to_js(&self.session.network().dataset().story)
    }

    #[wasm_bindgen(js_name = actorCount)]
    pub fn actor_count(&self) -> usize {
        self.session.network().actor_count()
    }

    /// Sets the filter: bit masks of kinds, tones and actor types (the bits of `style()`), an
    /// optional last date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the network as of then) and an
    /// optional first date (then only the events dated from `since` to `until`), and the names of
    /// the source datasets hidden (`sourceDatasets`). The layout continues from the current
    /// positions.
    #[wasm_bindgen(js_name = setFilter)]
    pub fn set_filter(
        &mut self,
        kinds: u8,
        tones: u8,
        actor_types: u8,
        until: Option<String>,
        since: Option<String>,
        hidden: Option<Vec<String>>,
    ) -> Result<(), JsError> {
        let date = |d: Option<String>| match d.as_deref() {
            None | Some("") => Ok(None),
            Some(s) => s.parse().map(Some).map_err(js_error),
        };
        let filter = Filter::from_masks(kinds, tones, actor_types, date(until)?)
            .between(date(since)?)
            .hiding(hidden.unwrap_or_default());
        self.session.set_filter(filter).map_err(js_error)
    }

    /// The source datasets of the events, `[{name, events}]`: the dataset's own events (name "")
    /// first, then each file an event reader added ("SIPRI trade register: transfers.csv").
    #[wasm_bindgen(js_name = sourceDatasets)]
    pub fn source_datasets(&self) -> Result<JsValue, JsError> {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            name: &'a str,
            events: usize,
        }
        let rows: Vec<Row> = self
            .session
            .network()
            .source_datasets()
            .into_iter()
            .map(|(name, events)| Row { name, events })
            .collect();
        to_js(&rows)
    }

    /// Indices of the visible ties.
    #[wasm_bindgen(js_name = visibleTies)]
    pub fn visible_ties(&self) -> Vec<u32> {
        self.session.visible().ties.clone()
    }

    /// Endpoints of the visible ties, `[s0, t0, s1, t1, ...]`.
    #[wasm_bindgen(js_name = visibleEdges)]
    pub fn visible_edges(&self) -> Vec<u32> {
        self.session.visible_edges().to_vec()
    }

    /// For each visible tie, the kind bits of its shown events.
    #[wasm_bindgen(js_name = visibleKinds)]
    pub fn visible_kinds(&self) -> Vec<u8> {
        self.session.visible().kinds.iter().map(|k| k.0).collect()
    }

    /// For each visible tie, its tone as of the filter (0 cooperative, 1 strained, 2 hostile).
    #[wasm_bindgen(js_name = visibleTones)]
    pub fn visible_tones(&self) -> Vec<u8> {
        self.session
            .visible()
            .tones
            .iter()
            .map(|t| *t as u8)
            .collect()
    }

    /// For every actor, its number of visible ties.
    pub fn degrees(&self) -> Vec<u32> {
        self.session.visible().degree.clone()
    }

    /// Advances the layout by up to `iterations` ticks; true while it is still moving.
    pub fn step(&mut self, iterations: u32) -> bool {
        self.session.step(iterations)
    }

    /// Reheats the layout so it moves again (after a drag, say); `alpha` is kept within 0..=1.
    pub fn reheat(&mut self, alpha: f32) {
        self.session.reheat(alpha);
    }

    /// Address of the positions `[x0, y0, ...]` in wasm memory; read them through a
    /// `Float32Array` view, re-made after any call that may grow memory.
    #[wasm_bindgen(js_name = positionsPtr)]
    pub fn positions_ptr(&self) -> *const f32 {
        self.session.positions_ptr()
    }

    #[wasm_bindgen(js_name = positionsLen)]
    pub fn positions_len(&self) -> usize {
        self.session.positions().len()
    }

    /// Sets drawn node radii in layout units, used by hit-testing and collision.
    #[wasm_bindgen(js_name = setRadii)]
    pub fn set_radii(&mut self, radii: &[f32]) -> Result<(), JsError> {
        self.session
            .set_radii(radii)
            .map_err(js_error_in("setRadii"))
    }

    /// The visible actor under the layout point `(x, y)`, within `slop`, or -1.
    #[wasm_bindgen(js_name = nodeAt)]
    pub fn node_at(&self, x: f32, y: f32, slop: f32) -> i32 {
        self.session.node_at(x, y, slop).map_or(-1, |i| i as i32)
    }

    /// The ties of an actor as the tooltip lists them:
    /// `[{tie, partner, partnerName, kinds, tone, events: [{date, end?, kind, tone, summary, figures?, people?, sources, note?}]}]`.
    #[wasm_bindgen(js_name = tiesOf)]
    pub fn ties_of(&self, actor: u32) -> Result<JsValue, JsError> {
        to_js(&self.session.ties_of(actor).map_err(js_error_in("tiesOf"))?)
    }

    /// Index of the actor with this id, or -1.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, id: &str) -> i32 {
        self.session.network().find(id).map_or(-1, |i| i as i32)
    }

    /// Pins an actor at a layout point (it stays there while the others move).
    pub fn pin(&mut self, actor: u32, x: f32, y: f32) -> Result<(), JsError> {
        self.session.pin(actor, x, y).map_err(js_error_in("pin"))
    }

    pub fn unpin(&mut self, actor: u32) -> Result<(), JsError> {
        self.session.unpin(actor).map_err(js_error_in("unpin"))
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

/// The same value as [`to_js`], made by `JSON.parse` of serde_json's text: for large results (50,000
/// actors, 75,000 rows) one parse in JS is several times faster than setting each field across the
/// boundary.
#[cfg(feature = "core-exports")]
fn to_js_via_json<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(js_error)?;
    js_sys::JSON::parse(&text).map_err(|e| JsError::new(&thrown_message(&e)))
}

/// A value for JS. The core makes it by `JSON.parse` of serde_json's text, as [`to_js_via_json`]
/// (the same values for the page's types): serde-wasm-bindgen's serializer would be a second one
/// in the first load (measured: see the README's page weight).
#[cfg(feature = "core-exports")]
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    to_js_via_json(value)
}

#[cfg(all(feature = "io-exports", not(feature = "core-exports")))]
fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let s = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&s).map_err(js_error)
}
