//! The page's other layouts over a session: ego rings, the map, and showing a layout.

use super::{Session, SessionError};
use crate::layout::ego::radial;
use crate::layout::geo::{geographic, project_lon_lat};

impl Session {
    /// Ego layout of the visible ties around actor `centre`: rings `ring_gap` apart by hop
    /// distance, `[x0, y0, ..]` with the centre at the origin.
    ///
    /// # Errors
    /// [`SessionError::Layout`] when `centre` is no actor.
    pub fn radial_positions(&self, centre: u32, ring_gap: f32) -> Result<Vec<f32>, SessionError> {
        let n = self.network.actor_count();
        Ok(radial(n, &self.shown.edges, centre as usize, ring_gap)?)
    }

    /// Map layout: every actor at its lat/lon under Equal Earth × `scale`; the drawn ones
    /// nudged until no two are closer than `min_separation`. `[x0, y0, ..]`.
    pub fn map_positions(&self, scale: f32, min_separation: f32) -> Vec<f32> {
        let lon_lat: Vec<(f64, f64)> = self
            .network
            .dataset()
            .actors
            .iter()
            .map(|a| (a.lon, a.lat))
            .collect();
        map_layout(&lon_lat, &self.shown.actor_shown, scale, min_separation)
    }

    /// Shows `positions` (two per actor) in the layout and stops the motion there; pinned
    /// actors stay pinned at their new place.
    ///
    /// # Errors
    /// [`SessionError::Layout`] for a wrong length.
    pub fn set_positions(&mut self, positions: &[f32]) -> Result<(), SessionError> {
        Ok(self.layout.set_positions(positions)?)
    }

    /// Sets the temperature the layout decays toward: above 0 keeps it moving (while dragging).
    pub fn set_alpha_target(&mut self, target: f32) {
        self.layout.set_alpha_target(target);
    }
}

/// The map layout of [`Session::map_positions`] from plain values: each actor's `(lon, lat)`
/// under Equal Earth × `scale`, those `drawn` nudged until no two are closer than
/// `min_separation`. `[x0, y0, ..]`; an actor beyond `drawn`'s length counts as not drawn.
pub fn map_layout(
    lon_lat: &[(f64, f64)],
    drawn: &[bool],
    scale: f32,
    min_separation: f32,
) -> Vec<f32> {
    let flat: Vec<f32> = lon_lat
        .iter()
        .flat_map(|&(lon, lat)| [lon as f32, lat as f32])
        .collect();
    let mut xy = project_lon_lat(&flat, scale);
    let shown: Vec<usize> = (0..lon_lat.len())
        .filter(|&i| drawn.get(i).copied().unwrap_or(false))
        .collect();
    let coords: Vec<(f64, f64)> = shown.iter().map(|&i| lon_lat[i]).collect();
    let nudged = geographic(&coords, scale, min_separation);
    for (k, &i) in shown.iter().enumerate() {
        xy[2 * i] = nudged[2 * k];
        xy[2 * i + 1] = nudged[2 * k + 1];
    }
    xy
}
