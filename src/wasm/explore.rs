//! Bindings for exploring: tie hit-testing, evidence per tie, the table of ties, neighbourhoods and events per year.

use super::{js_error_in, to_js, Entente};
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

    /// The table of ties in columns, in the order of `visibleTies()` (whose actors, kinds and
    /// tones the page has): `{events: Uint32Array, citations: Uint32Array, dates: string}`,
    /// `dates` one line per tie, `first last`. One call and three values for the whole table.
    #[wasm_bindgen(js_name = tieColumns)]
    pub fn tie_columns(&self) -> Result<JsValue, JsError> {
        let c = self.session.tie_columns();
        let out = js_sys::Object::new();
        let set = |key: &str, value: &JsValue| {
            js_sys::Reflect::set(&out, &JsValue::from_str(key), value).map(|_| ())
        };
        set("events", &js_sys::Uint32Array::from(&c.events[..]).into())
            .and_then(|()| {
                set(
                    "citations",
                    &js_sys::Uint32Array::from(&c.citations[..]).into(),
                )
            })
            .and_then(|()| set("dates", &JsValue::from_str(&c.dates)))
            .map_err(|e| JsError::new(&format!("tieColumns: {}", super::thrown_message(&e))))?;
        Ok(out.into())
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
