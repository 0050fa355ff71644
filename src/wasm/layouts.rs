//! The page's other layouts on the `Entente` handle: ego rings, the map, and showing them.

use super::{visible_edges, Entente};
use crate::layout::ego::radial;
use crate::layout::geo::{geographic, project_lon_lat};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Entente {
    /// Ego layout of the visible ties around actor `centre`: rings `ringGap` apart by hop
    /// distance, `Float32Array [x0, y0, ..]` with the centre at the origin.
    #[wasm_bindgen(js_name = radialPositions)]
    pub fn radial_positions(&self, centre: u32, ring_gap: f32) -> Result<Vec<f32>, JsError> {
        let edges = visible_edges(&self.network, &self.visible);
        radial(
            self.network.actor_count(),
            &edges,
            centre as usize,
            ring_gap,
        )
        .map_err(|e| JsError::new(&format!("radial layout: {e}")))
    }

    /// Map layout: every actor at its lat/lon under Equal Earth × `scale`; the visible ones
    /// nudged until no two are closer than `minSeparation`. `Float32Array [x0, y0, ..]`.
    #[wasm_bindgen(js_name = mapPositions)]
    pub fn map_positions(&self, scale: f32, min_separation: f32) -> Vec<f32> {
        let actors = &self.network.dataset().actors;
        let mut xy: Vec<f32> = actors
            .iter()
            .flat_map(|a| [a.lon as f32, a.lat as f32])
            .collect();
        xy = project_lon_lat(&xy, scale);
        let shown: Vec<usize> = (0..actors.len())
            .filter(|&i| self.visible.degree[i] > 0)
            .collect();
        let coords: Vec<(f64, f64)> = shown
            .iter()
            .map(|&i| (actors[i].lon, actors[i].lat))
            .collect();
        let nudged = geographic(&coords, scale, min_separation);
        for (k, &i) in shown.iter().enumerate() {
            xy[2 * i] = nudged[2 * k];
            xy[2 * i + 1] = nudged[2 * k + 1];
        }
        xy
    }

    /// Shows `positions` (`Float32Array`, two per actor) in the layout's buffer and stops the
    /// motion there; pinned actors stay pinned at their new place.
    #[wasm_bindgen(js_name = setPositions)]
    pub fn set_positions(&mut self, positions: &[f32]) -> Result<(), JsError> {
        self.layout
            .set_positions(positions)
            .map_err(|e| JsError::new(&format!("setPositions: {e}")))
    }

    /// Sets the temperature the layout decays toward: above 0 keeps it moving (while dragging).
    #[wasm_bindgen(js_name = setAlphaTarget)]
    pub fn set_alpha_target(&mut self, target: f32) {
        self.layout.set_alpha_target(target);
    }

    /// Whether actor `actor` is pinned in the force layout.
    #[wasm_bindgen(js_name = isPinned)]
    pub fn is_pinned(&self, actor: u32) -> bool {
        self.layout.is_pinned(actor as usize)
    }
}

/// Projects flat `[lon0, lat0, ..]` degrees (a coastline ring) with Equal Earth × `scale`,
/// y down: `Float32Array [x0, y0, ..]`.
#[wasm_bindgen(js_name = projectLonLat)]
pub fn project(lon_lat: &[f32], scale: f32) -> Vec<f32> {
    project_lon_lat(lon_lat, scale)
}
