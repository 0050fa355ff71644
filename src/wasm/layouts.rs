//! The page's other layouts on the `Entente` handle: ego rings, the map, and showing them.

use super::{js_error_in, Entente};
use crate::layout::geo::{equal_earth_inverse, project_lon_lat};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Entente {
    /// Ego layout of the visible ties around actor `centre`: rings `ringGap` apart by hop
    /// distance, `Float32Array [x0, y0, ..]` with the centre at the origin.
    #[wasm_bindgen(js_name = radialPositions)]
    pub fn radial_positions(&self, centre: u32, ring_gap: f32) -> Result<Vec<f32>, JsError> {
        self.session
            .radial_positions(centre, ring_gap)
            .map_err(js_error_in("radial layout"))
    }

    /// Map layout: every actor at its lat/lon under Equal Earth × `scale`; the visible ones
    /// nudged until no two are closer than `minSeparation`. `Float32Array [x0, y0, ..]`.
    #[wasm_bindgen(js_name = mapPositions)]
    pub fn map_positions(&self, scale: f32, min_separation: f32) -> Vec<f32> {
        self.session.map_positions(scale, min_separation)
    }

    /// Shows `positions` (`Float32Array`, two per actor) in the layout's buffer and stops the
    /// motion there; pinned actors stay pinned at their new place.
    #[wasm_bindgen(js_name = setPositions)]
    pub fn set_positions(&mut self, positions: &[f32]) -> Result<(), JsError> {
        self.session
            .set_positions(positions)
            .map_err(js_error_in("setPositions"))
    }

    /// Sets the temperature the layout decays toward: above 0 keeps it moving (while dragging).
    #[wasm_bindgen(js_name = setAlphaTarget)]
    pub fn set_alpha_target(&mut self, target: f32) {
        self.session.set_alpha_target(target);
    }

    /// Whether actor `actor` is pinned in the force layout.
    #[wasm_bindgen(js_name = isPinned)]
    pub fn is_pinned(&self, actor: u32) -> bool {
        self.session.is_pinned(actor)
    }
}

/// Projects flat `[lon0, lat0, ..]` degrees (a coastline ring) with Equal Earth × `scale`,
/// y down: `Float32Array [x0, y0, ..]`.
#[wasm_bindgen(js_name = projectLonLat)]
pub fn project(lon_lat: &[f32], scale: f32) -> Vec<f32> {
    project_lon_lat(lon_lat, scale)
}

/// The longitude and latitude (degrees) at `(x, y)` of the map layout drawn at `scale`, y down:
/// `[lon, lat]`, or `undefined` for a point off the map (or a scale that is not positive).
#[wasm_bindgen(js_name = unprojectLonLat)]
pub fn unproject(x: f64, y: f64, scale: f64) -> Option<Vec<f64>> {
    if !(scale.is_finite() && scale > 0.0) {
        return None;
    }
    equal_earth_inverse(x / scale, y / scale).map(|(lon, lat)| vec![lon, lat])
}
