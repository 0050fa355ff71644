//! Bindings for exploring: tie hit-testing, evidence per tie, neighbourhoods, the events chart and the SVG export.

use super::{to_js, Entente};
use crate::chart::{describe, events_per_year, render_svg};
use crate::evidence::{hops, single_sourced, tie_detail};
use crate::hit;
use crate::style::Theme;
use crate::svg_export::{render, Picture};
use wasm_bindgen::prelude::*;

fn theme(dark: bool) -> Theme {
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}

#[wasm_bindgen]
impl Entente {
    /// The visible tie under the layout point `(x, y)`, as a dataset tie index, or -1.
    /// `spacing` is the distance between a tie's parallel lines and `slop` the reach beyond
    /// them, both in layout units (screen pixels divided by the view scale).
    #[wasm_bindgen(js_name = tieAt)]
    pub fn tie_at(&self, x: f32, y: f32, spacing: f32, slop: f32) -> i32 {
        let edges = super::visible_edges(&self.network, &self.visible);
        let lines: Vec<u8> = self
            .visible
            .kinds
            .iter()
            .map(|k| k.0.count_ones() as u8)
            .collect();
        hit::tie_at(self.layout.positions(), &edges, &lines, x, y, spacing, slop)
            .map_or(-1, |k| self.visible.ties[k as usize] as i32)
    }

    /// For each visible tie, 1 when the events shown rest on a single report, else 0.
    #[wasm_bindgen(js_name = singleSourced)]
    pub fn single_sourced(&self) -> Vec<u8> {
        single_sourced(&self.network, &self.visible, &self.filter)
            .into_iter()
            .map(u8::from)
            .collect()
    }

    /// One tie as the evidence panel shows it: `{tie, source, sourceName, target, targetName,
    /// kinds, tone, citations, events}`, or `null` when the filter leaves nothing of it.
    #[wasm_bindgen(js_name = tieDetail)]
    pub fn tie_detail(&self, tie: u32) -> Result<JsValue, JsError> {
        if tie as usize >= self.network.tie_count() {
            return Err(JsError::new(&format!("tieDetail: no tie has index {tie}")));
        }
        match tie_detail(&self.network, tie, &self.filter) {
            Some(d) => to_js(&d),
            None => Ok(JsValue::NULL),
        }
    }

    /// Hop distance of every actor from `actor` over the visible ties, up to `max_hops`
    /// (255 beyond).
    pub fn hops(&self, actor: u32, max_hops: u8) -> Result<Vec<u8>, JsError> {
        self.check(actor)?;
        let edges = super::visible_edges(&self.network, &self.visible);
        Ok(hops(self.network.actor_count(), &edges, actor, max_hops))
    }

    /// Events per year by kind under the current filter (its date limit aside):
    /// `{firstYear, counts: [[defense, diplomatic, economic, conflict], ...], description}`.
    #[wasm_bindgen(js_name = eventsPerYear)]
    pub fn events_per_year(&self) -> Result<JsValue, JsError> {
        let counts = events_per_year(&self.network, &self.filter);
        to_js(&serde_json::json!({
            "firstYear": counts.first_year,
            "counts": counts.counts,
            "description": describe(&counts),
        }))
    }

    /// The events-per-year chart as an SVG document of `width` × `height` pixels, with the
    /// filter's date limit marked.
    #[wasm_bindgen(js_name = eventsChart)]
    pub fn events_chart(&self, width: u32, height: u32, dark: bool) -> Result<String, JsError> {
        let counts = events_per_year(&self.network, &self.filter);
        render_svg(&counts, self.filter.until, width, height, theme(dark))
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The picture as an SVG document: `positions` (two per actor) and `radii` in CSS pixels of
    /// a `width` × `height` view, `shown` one flag per actor, `caption` lines separated by `\n`.
    #[wasm_bindgen(js_name = exportSvg)]
    pub fn export_svg(
        &self,
        width: u32,
        height: u32,
        positions: &[f32],
        radii: &[f32],
        shown: &[u8],
        caption: &str,
    ) -> Result<String, JsError> {
        let shown: Vec<bool> = shown.iter().map(|s| *s != 0).collect();
        let caption: Vec<String> = caption
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect();
        let single = single_sourced(&self.network, &self.visible, &self.filter);
        let picture = Picture {
            width,
            height,
            positions,
            radii,
            shown: &shown,
            caption: &caption,
        };
        render(&self.network, &self.visible, &single, &picture)
            .map_err(|e| JsError::new(&e.to_string()))
    }
}
