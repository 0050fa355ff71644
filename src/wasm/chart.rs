//! The events chart for the page, the third wasm module (feature `chart-exports`), fetched after
//! the first picture: the core's events per year drawn as an SVG chart, so plotters stays out of
//! the core and out of the importers.

use super::js_error;
use crate::chart::{render_marked, Since, YearCounts};
use crate::model::Kind;
use crate::style::Theme;
use wasm_bindgen::prelude::*;

/// The most years a chart draws: more than the calendar a date can name (0000–9999).
const MAX_CHART_YEARS: usize = 10_000;

/// The events-per-year chart as an SVG document of `width` × `height` pixels: one stacked bar
/// per year from `firstYear`, `countsFlat` holding `kindCount` counts per year (the core's
/// `eventsPerYear().counts`, flattened), kinds in the order of `style().kinds`; `until`
/// (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or empty) is marked with a line; `since` (a date, or empty)
/// marks A as well, the window from A to `until` shaded when `shade`. Only presentation
/// attributes are written, no `style`. Throws an `Error` naming what is wrong.
#[wasm_bindgen(js_name = eventsChart)]
// Plain values across the boundary, one per argument, rather than an object to deserialise.
#[allow(clippy::too_many_arguments)]
pub fn events_chart(
    first_year: i32,
    counts_flat: &[u32],
    kind_count: usize,
    until: &str,
    width: u32,
    height: u32,
    dark: bool,
    since: &str,
    shade: bool,
) -> Result<String, JsError> {
    let fail = |message: String| JsError::new(&format!("eventsChart: {message}"));
    if kind_count != Kind::COUNT {
        return Err(fail(format!(
            "kindCount is {kind_count}; the style table has {} kinds",
            Kind::COUNT
        )));
    }
    if counts_flat.len() % Kind::COUNT != 0 {
        return Err(fail(format!(
            "{} counts are not {} per year",
            counts_flat.len(),
            Kind::COUNT
        )));
    }
    let years = counts_flat.len() / Kind::COUNT;
    if years > MAX_CHART_YEARS {
        return Err(fail(format!(
            "{years} years are more than {MAX_CHART_YEARS}"
        )));
    }
    let marker = match until.trim() {
        "" => None,
        date => Some(date.parse().map_err(|e| fail(format!("until: {e}")))?),
    };
    let since = match since.trim() {
        "" => None,
        date => Some(Since {
            date: date.parse().map_err(|e| fail(format!("since: {e}")))?,
            shade,
        }),
    };
    let counts = YearCounts {
        first_year,
        counts: counts_flat
            .chunks_exact(Kind::COUNT)
            .map(|year| std::array::from_fn(|k| year[k]))
            .collect(),
    };
    let theme = if dark { Theme::Dark } else { Theme::Light };
    render_marked(&counts, marker, since, width, height, theme).map_err(js_error)
}
