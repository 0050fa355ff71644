//! Events per year by kind, counted under a filter and drawn as stacked bars with plotters' SVG backend.

use crate::date::Date;
use crate::model::Kind;
use crate::network::{Filter, Network};
use crate::style::{Rgb, Theme};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use serde::Serialize;
use std::fmt;

/// Counts of admitted events for each year from the dataset's first to its last event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YearCounts {
    /// The year of `counts[0]`.
    pub first_year: i32,
    /// One entry per year, counts in [`Kind::ALL`] order.
    pub counts: Vec<[u32; Kind::COUNT]>,
}

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chart: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

/// Counts the events `filter` admits (ignoring its date limit, which the chart marks instead)
/// per year and kind. The years span the whole dataset whatever the filter, so the axis stays put.
///
/// # Complexity
/// O(actors + events).
pub fn events_per_year(network: &Network, filter: &Filter) -> YearCounts {
    let Some((first, last)) = network.date_range() else {
        return YearCounts {
            first_year: 0,
            counts: Vec::new(),
        };
    };
    let all_time = Filter {
        until: None,
        since: None,
        ..filter.clone()
    };
    let mut counts = vec![[0u32; Kind::COUNT]; (last.year() - first.year() + 1) as usize];
    for &t in &network.visible(&all_time).ties {
        for e in network.tie(t).events.iter().filter(|e| all_time.admits(e)) {
            counts[(e.date.year() - first.year()) as usize][e.kind as usize] += 1;
        }
    }
    YearCounts {
        first_year: first.year(),
        counts,
    }
}

/// Where `date` falls on a year axis starting at `first_year`, in years (2021-07-01 is 0.5
/// into 2021).
pub fn year_position(date: Date, first_year: i32) -> f64 {
    let start = Date::year_only(date.year()).ordinal();
    let next = Date::year_only(date.year() + 1).ordinal();
    f64::from(date.year() - first_year) + (date.ordinal() - start) as f64 / (next - start) as f64
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn ink(theme: Theme) -> RGBColor {
    match theme {
        Theme::Light => RGBColor(0x4f, 0x5b, 0x66),
        Theme::Dark => RGBColor(0xb0, 0xba, 0xc3),
    }
}

/// Text of `px` CSS pixels (plotters' SVG backend writes `font-size` as size / 1.24).
fn text(px: f64, colour: RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    ("sans-serif", px * 1.24)
        .into_font()
        .color(&colour)
        .pos(Pos::new(h, v))
}

/// Draws `counts` as one stacked bar per year (kinds bottom to top in [`Kind::ALL`] order),
/// the year under each bar, the total above it, and a vertical line at `marker` (the date the
/// network is shown as of). Only SVG presentation attributes are written, no `style`.
///
/// # Errors
/// A size below 40 × 30 pixels, or a drawing failure.
pub fn render_svg(
    counts: &YearCounts,
    marker: Option<Date>,
    width: u32,
    height: u32,
    theme: Theme,
) -> Result<String, ChartError> {
    render_marked(counts, marker, None, width, height, theme)
}

/// A second date on the chart: A of a window (the span from A to `marker` shaded) or of a
/// comparison (A marked with a dashed line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Since {
    pub date: Date,
    pub shade: bool,
}

/// [`render_svg`] with, when `since` is given, both dates marked: `A <date>` and `B <date>`
/// labels, and the window between them shaded for [`Since::shade`].
///
/// # Errors
/// As [`render_svg`].
pub fn render_marked(
    counts: &YearCounts,
    marker: Option<Date>,
    since: Option<Since>,
    width: u32,
    height: u32,
    theme: Theme,
) -> Result<String, ChartError> {
    if width < 40 || height < 30 {
        return Err(ChartError(format!("{width}×{height} is too small to draw")));
    }
    let err = |e: DrawingAreaErrorKind<_>| ChartError(e.to_string());
    let years = counts.counts.len().max(1);
    let max = counts
        .counts
        .iter()
        .map(|c| c.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        // The top margin holds the bar totals and, above them, the "as of" label, so that the
        // two never meet.
        let (left, right, top, bottom) = (6, 6, 26, 18);
        let chart = ChartBuilder::on(&root)
            .margin_left(left)
            .margin_right(right)
            .margin_top(top)
            .margin_bottom(bottom)
            .build_cartesian_2d(0f64..years as f64, 0f64..f64::from(max))
            .map_err(err)?;
        let area = chart.plotting_area();
        let ink = ink(theme);
        area.draw(&PathElement::new(
            vec![(0.0, 0.0), (years as f64, 0.0)],
            ink.stroke_width(1),
        ))
        .map_err(err)?;
        let mut together = false;
        if let (Some(s), Some(b)) = (since, marker) {
            let x = |d: Date| year_position(d, counts.first_year).clamp(0.0, years as f64);
            let (xa, xb) = (x(s.date), x(b));
            if s.shade {
                area.draw(&Rectangle::new(
                    [(xa, 0.0), (xb, f64::from(max))],
                    ink.mix(0.12).filled(),
                ))
                .map_err(err)?;
            }
            let (px, _) = chart.backend_coord(&(xa, f64::from(max)));
            let (_, py0) = chart.backend_coord(&(xa, 0.0));
            // Two dates too close for two labels share B's.
            together = chart.backend_coord(&(xb, 0.0)).0 - px < 80;
            let mut y = 12;
            while y < py0 {
                let end = (y + 4).min(py0);
                root.draw(&PathElement::new(
                    vec![(px, y), (px, end)],
                    ink.stroke_width(2),
                ))
                .map_err(err)?;
                y += 7;
            }
            let (anchor, dx) = if px > 90 {
                (HPos::Right, -4)
            } else {
                (HPos::Left, 4)
            };
            if !together {
                root.draw(&Text::new(
                    format!("A {}", s.date),
                    (px + dx, 1),
                    text(10.0, ink, anchor, VPos::Top),
                ))
                .map_err(err)?;
            }
        }
        // The "as of" line's x in pixels, so that a total it would cross moves beside it.
        let marker_x = marker.map(|date| {
            let x = year_position(date, counts.first_year).clamp(0.0, years as f64);
            chart.backend_coord(&(x, 0.0)).0
        });
        // Label every year while they fit, else every n-th.
        let every = ((years as f64 * 34.0) / f64::from(width)).ceil().max(1.0) as usize;
        for (i, year) in counts.counts.iter().enumerate() {
            let (x0, x1) = (i as f64 + 0.14, i as f64 + 0.86);
            let mut base = 0u32;
            for kind in Kind::ALL {
                let n = year[kind as usize];
                if n == 0 {
                    continue;
                }
                let fill = rgb(kind.style().colour(theme)).filled();
                area.draw(&Rectangle::new(
                    [(x0, f64::from(base)), (x1, f64::from(base + n))],
                    fill,
                ))
                .map_err(err)?;
                base += n;
            }
            let mid = chart.backend_coord(&(i as f64 + 0.5, 0.0));
            if i % every == 0 || i + 1 == years {
                let label = (counts.first_year + i as i32).to_string();
                root.draw(&Text::new(
                    label,
                    (mid.0, mid.1 + 4),
                    text(11.0, ink, HPos::Center, VPos::Top),
                ))
                .map_err(err)?;
            }
            if base > 0 {
                let top_of_bar = chart.backend_coord(&(i as f64 + 0.5, f64::from(base)));
                let total = base.to_string();
                let (x, anchor) = total_position(top_of_bar.0, total.len(), marker_x, width);
                root.draw(&Text::new(
                    total,
                    (x, top_of_bar.1 - 2),
                    text(10.0, ink, anchor, VPos::Bottom),
                ))
                .map_err(err)?;
            }
        }
        if let Some(date) = marker {
            let x = year_position(date, counts.first_year).clamp(0.0, years as f64);
            let (px, _) = chart.backend_coord(&(x, f64::from(max)));
            let (_, py0) = chart.backend_coord(&(x, 0.0));
            root.draw(&PathElement::new(
                vec![(px, 12), (px, py0)],
                ink.stroke_width(2),
            ))
            .map_err(err)?;
            let (anchor, dx) = if px > width as i32 / 2 {
                (HPos::Right, -4)
            } else {
                (HPos::Left, 4)
            };
            let label = match since {
                Some(s) if together => format!("A {} – B {date}", s.date),
                Some(_) => format!("B {date}"),
                None => format!("as of {date}"),
            };
            let (anchor, dx) = match since {
                Some(_) if px + 90 < width as i32 => (HPos::Left, 4),
                _ => (anchor, dx),
            };
            root.draw(&Text::new(
                label,
                (px + dx, 1),
                text(10.0, ink, anchor, VPos::Top),
            ))
            .map_err(err)?;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

/// Half the width, in pixels, of a bar total of `digits` digits at 10 px, with a little room.
fn total_half_width(digits: usize) -> i32 {
    3 * digits as i32 + 3
}

/// Where a bar total centred at `centre` is drawn: centred, or, when the "as of" line at
/// `marker_x` would cross it, beside the line (right of it if it fits, else left).
fn total_position(centre: i32, digits: usize, marker_x: Option<i32>, width: u32) -> (i32, HPos) {
    let half = total_half_width(digits);
    match marker_x {
        Some(m) if (m - centre).abs() <= half => {
            if m + 4 + 2 * half <= width as i32 {
                (m + 4, HPos::Left)
            } else {
                (m - 4, HPos::Right)
            }
        }
        _ => (centre, HPos::Center),
    }
}

/// A sentence describing the counts, for the chart's accessible name.
pub fn describe(counts: &YearCounts) -> String {
    let years: Vec<String> = counts
        .counts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.iter().sum::<u32>() > 0)
        .map(|(i, c)| {
            let parts: Vec<String> = Kind::ALL
                .iter()
                .filter(|k| c[**k as usize] > 0)
                .map(|k| {
                    format!(
                        "{} {}",
                        c[*k as usize],
                        k.style().label.to_ascii_lowercase()
                    )
                })
                .collect();
            format!("{}: {}", counts.first_year + i as i32, parts.join(", "))
        })
        .collect();
    if years.is_empty() {
        "Events per year: none shown".to_string()
    } else {
        format!("Events per year by kind. {}.", years.join("; "))
    }
}
