//! The page's ego rings and map in the module fetched after the first picture (feature
//! `chart-exports`): plain values in, positions out, so the core the page starts with has neither.

use super::js_error;
use crate::layout::ego::radial;
use crate::layout::geo::{equal_earth_inverse, project_lon_lat};
use crate::session::map_layout;
use wasm_bindgen::prelude::*;

/// Ego layout of `edges` (`[s0, t0, s1, t1, ..]`, the core's `visibleEdges()`) among
/// `actorCount` actors around actor `centre`: rings `ringGap` apart by hop distance,
/// `Float32Array [x0, y0, ..]` with the centre at the origin. Throws an `Error` naming what is
/// wrong (an edge or the centre beyond the actors).
#[wasm_bindgen(js_name = radialPositions)]
pub fn radial_positions(
    actor_count: usize,
    edges: &[u32],
    centre: u32,
    ring_gap: f32,
) -> Result<Vec<f32>, JsError> {
    radial(actor_count, edges, centre as usize, ring_gap)
        .map_err(|e| js_error(format!("radial layout: {e}")))
}

/// Map layout: every actor at its `[lon0, lat0, ..]` degrees under Equal Earth × `scale`; those
/// with a visible tie (`degrees`, the core's `degrees()`, above 0) nudged until no two are closer
/// than `minSeparation`. `Float32Array [x0, y0, ..]`. Throws an `Error` when the two lists
/// disagree on the number of actors.
#[wasm_bindgen(js_name = mapPositions)]
pub fn map_positions(
    lon_lat: &[f64],
    degrees: &[u32],
    scale: f32,
    min_separation: f32,
) -> Result<Vec<f32>, JsError> {
    if lon_lat.len() != 2 * degrees.len() {
        return Err(js_error(format!(
            "mapPositions: {} coordinates for {} actors (two per actor)",
            lon_lat.len(),
            degrees.len()
        )));
    }
    let places: Vec<(f64, f64)> = lon_lat.chunks_exact(2).map(|p| (p[0], p[1])).collect();
    let drawn: Vec<bool> = degrees.iter().map(|&d| d > 0).collect();
    Ok(map_layout(&places, &drawn, scale, min_separation))
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
