//! Bindings for exploring: tie hit-testing, evidence per tie, the table of ties, neighbourhoods and events per year.

use super::{js_error_in, to_js, to_js_via_json, Entente};
use crate::chart::describe;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What `eventsPerYear` hands back.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EventsPerYear<'a> {
    first_year: i32,
    counts: &'a [[u32; crate::model::Kind::COUNT]],
    description: String,
}

#[wasm_bindgen]
impl Entente {
    /// The visible tie under the layout point `(x, y)`, as a dataset tie index, or -1.
    /// `spacing` is the distance between a tie's parallel lines and `slop` the reach beyond
    /// them, both in layout units (screen pixels divided by the view scale).
    #[wasm_bindgen(js_name = tieAt)]
    pub fn tie_at(&self, x: f32, y: f32, spacing: f32, slop: f32) -> i32 {
        self.session
            .tie_at(x, y, spacing, slop)
            .map_or(-1, |t| t as i32)
    }

    /// For each visible tie, 1 when the events shown rest on a single report, else 0.
    #[wasm_bindgen(js_name = singleSourced)]
    pub fn single_sourced(&self) -> Vec<u8> {
        let single = self.session.single_sourced();
        single.into_iter().map(u8::from).collect()
    }

    /// One tie as the evidence panel shows it: `{tie, source, sourceName, target, targetName,
    /// kinds, tone, citations, events}`, or `null` when the filter leaves nothing of it.
    #[wasm_bindgen(js_name = tieDetail)]
    pub fn tie_detail(&self, tie: u32) -> Result<JsValue, JsError> {
        match self.session.tie_detail(tie) {
            Ok(Some(d)) => to_js(&d),
            Ok(None) => Ok(JsValue::NULL),
            Err(e) => Err(js_error_in("tieDetail")(e)),
        }
    }

    /// Every visible tie in one call, in the order of `visibleTies()`: `[{tie, source,
    /// sourceName, target, targetName, kinds, tone, events, first, last, citations}]`, `events`
    /// the number of events shown and `first`/`last` the dates of the first and last of them.
    #[wasm_bindgen(js_name = tieTable)]
    pub fn tie_table(&self) -> Result<JsValue, JsError> {
        to_js_via_json(&self.session.tie_table())
    }

    /// Hop distance of every actor from `actor` over the visible ties, up to `max_hops`
    /// (255 beyond).
    pub fn hops(&self, actor: u32, max_hops: u8) -> Result<Vec<u8>, JsError> {
        self.session
            .hops(actor, max_hops)
            .map_err(js_error_in("hops"))
    }

    /// Events per year by kind under the current filter (its date limit aside):
    /// `{firstYear, counts: [[defense, diplomatic, economic, conflict], ...], description}`.
    #[wasm_bindgen(js_name = eventsPerYear)]
    pub fn events_per_year(&self) -> Result<JsValue, JsError> {
        let counts = self.session.events_per_year();
        to_js(&EventsPerYear {
            first_year: counts.first_year,
            counts: &counts.counts,
            description: describe(&counts),
        })
    }
}
