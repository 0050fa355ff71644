//! The comparison of two dates for the page: `compare(a, b)` under the current filter's kinds, tones and actor types.

use super::{js_error, to_js, Entente};
use crate::compare::compare;
use crate::date::Date;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Entente {
    /// The ties active at `a` or at `b` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in either order),
    /// each classified: `{a, b, summary, counts: [[class, n]], ties: [{tie, source, sourceName,
    /// target, targetName, change, toneA, toneB, newEvents, evidence: [event]}], actorsAppeared,
    /// actorsGone}`. A date that is not one is an `Error` naming it.
    pub fn compare(&self, a: &str, b: &str) -> Result<JsValue, JsError> {
        let date = |which: &str, s: &str| {
            s.parse::<Date>()
                .map_err(|e| js_error(format!("compare: {which}: {e}")))
        };
        let (a, b) = (date("a", a)?, date("b", b)?);
        let network = self.session.network();
        to_js(&compare(network, a, b, self.session.filter()).view(network))
    }
}
