//! Showing the page's other layouts on the `Entente` handle (the ego rings and the map are
//! computed by the module fetched after the first picture, `geo`).

use super::{js_error_in, Entente};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Entente {
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
