//! The current view of the network as an SVG document, drawn with plotters' SVG backend: ties, actors, labels, legend and caption.

use crate::model::{ActorType, Kind};
use crate::network::{Network, Visible};
use crate::style::{Rgb, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::fmt;

/// What the page shows, in CSS pixels of the canvas: one entry per actor of the dataset.
#[derive(Debug, Clone, Copy)]
pub struct Picture<'a> {
    pub width: u32,
    pub height: u32,
    /// Screen positions `[x0, y0, x1, y1, ...]`.
    pub positions: &'a [f32],
    /// Drawn radii.
    pub radii: &'a [f32],
    /// Whether each actor is drawn.
    pub shown: &'a [bool],
    /// Lines of text under the legend: provenance, time window, filters.
    pub caption: &'a [String],
}

/// Why a picture could not be exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportError(pub String);

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SVG export: {}", self.0)
    }
}

impl std::error::Error for ExportError {}

/// Space between the parallel lines of a tie with several kinds, as on the canvas.
const LANE: f32 = 3.5;
const LEGEND_HEIGHT: u32 = 58;
const CAPTION_LINE: u32 = 16;
const INK: RGBColor = RGBColor(0x1b, 0x1f, 0x23);
const MUTED: RGBColor = RGBColor(0x4f, 0x5b, 0x66);
/// Longest label, in characters, before it is cut with an ellipsis: room for real names such as
/// "Islamic Military Counter Terrorism Coalition" (44), not for a paragraph.
const LABEL_CHARS: usize = 48;

/// `name` cut to at most `max` characters (code points) with a trailing ellipsis when longer.
fn short_label(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        return name.to_owned();
    }
    let cut: String = name.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn font(px: f64, colour: RGBColor, bold: bool) -> TextStyle<'static> {
    let f = ("sans-serif", px * 1.24).into_font();
    let f = if bold { f.style(FontStyle::Bold) } else { f };
    f.color(&colour).pos(Pos::new(HPos::Left, VPos::Center))
}

fn check(
    network: &Network,
    visible: &Visible,
    single: &[bool],
    p: &Picture,
) -> Result<(), ExportError> {
    let n = network.actor_count();
    let wrong = |what: &str, want: usize, got: usize| {
        Err(ExportError(format!("expected {want} {what}, got {got}")))
    };
    if p.positions.len() != 2 * n {
        return wrong(
            "position coordinates (two per actor)",
            2 * n,
            p.positions.len(),
        );
    }
    if p.radii.len() != n {
        return wrong("radii (one per actor)", n, p.radii.len());
    }
    if p.shown.len() != n {
        return wrong("shown flags (one per actor)", n, p.shown.len());
    }
    if single.len() != visible.ties.len() {
        return wrong(
            "single-source flags (one per visible tie)",
            visible.ties.len(),
            single.len(),
        );
    }
    if p.width < 100 || p.height < 60 || p.width > 20_000 || p.height > 20_000 {
        return Err(ExportError(format!(
            "a {}×{} picture is out of range",
            p.width, p.height
        )));
    }
    if p.positions.iter().chain(p.radii).any(|v| !v.is_finite()) {
        return Err(ExportError(
            "positions and radii must be finite numbers".into(),
        ));
    }
    Ok(())
}

fn shape<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    t: ActorType,
    (x, y): (f32, f32),
    r: f32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let fill = rgb(t.style().fill(Theme::Light)).filled();
    let edge = WHITE.stroke_width(1);
    let pt = |dx: f32, dy: f32| ((x + dx).round() as i32, (y + dy).round() as i32);
    match t {
        ActorType::State => {
            area.draw(&Circle::new(pt(0.0, 0.0), r.round() as i32, fill))?;
            area.draw(&Circle::new(pt(0.0, 0.0), r.round() as i32, edge))
        }
        ActorType::Organization => {
            let c = [pt(-r * 0.88, -r * 0.88), pt(r * 0.88, r * 0.88)];
            area.draw(&Rectangle::new(c, fill))?;
            area.draw(&Rectangle::new(c, edge))
        }
        ActorType::ArmedGroup => {
            let c = vec![
                pt(0.0, -r * 1.15),
                pt(r * 1.05, r * 0.7),
                pt(-r * 1.05, r * 0.7),
            ];
            area.draw(&Polygon::new(c.clone(), fill))?;
            let mut ring = c.clone();
            ring.push(c[0]);
            area.draw(&PathElement::new(ring, edge))
        }
    }
}

fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    kind: Kind,
    a: (f32, f32),
    b: (f32, f32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let style = rgb(kind.style().colour(Theme::Light)).stroke_width(2);
    for [p, q] in dash_segments(a, b, kind.style().dash) {
        let pts = vec![
            (p.0.round() as i32, p.1.round() as i32),
            (q.0.round() as i32, q.1.round() as i32),
        ];
        area.draw(&PathElement::new(pts, style))?;
    }
    Ok(())
}

fn single_source_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    (x, y): (i32, i32),
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    area.draw(&Circle::new((x, y), 4, WHITE.filled()))?;
    area.draw(&Circle::new((x, y), 4, INK.stroke_width(1)))
}

/// Draws the picture: every visible tie between drawn actors (one line per kind, dashed by kind,
/// a hollow ring at the middle of ties resting on a single report), every drawn actor (shape by
/// type) with its label, then a legend and the caption lines under the network.
///
/// # Arguments
/// `single` holds, for each visible tie, whether it rests on a single report (see
/// [`crate::evidence::single_sourced`]).
///
/// # Errors
/// Arrays whose lengths do not match the dataset, sizes out of range, coordinates that are not
/// finite, or a drawing failure; the message names the array or size at fault.
pub fn render(
    network: &Network,
    visible: &Visible,
    single: &[bool],
    p: &Picture,
) -> Result<String, ExportError> {
    check(network, visible, single, p)?;
    let err = |e: DrawingAreaErrorKind<_>| ExportError(e.to_string());
    let total = p.height + LEGEND_HEIGHT + CAPTION_LINE * p.caption.len() as u32 + 8;
    let at = |i: u32| (p.positions[2 * i as usize], p.positions[2 * i as usize + 1]);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (p.width, total)).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        for (k, &tie) in visible.ties.iter().enumerate() {
            let [s, t] = network.ends(tie);
            if !(p.shown[s as usize] && p.shown[t as usize]) {
                continue;
            }
            let (a, b) = (at(s), at(t));
            let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt().max(1e-3);
            let (nx, ny) = (-(b.1 - a.1) / len, (b.0 - a.0) / len);
            let kinds: Vec<Kind> = visible.kinds[k].iter().collect();
            for (j, kind) in kinds.iter().enumerate() {
                let off = (j as f32 - (kinds.len() as f32 - 1.0) / 2.0) * LANE;
                let shift = |q: (f32, f32)| (q.0 + nx * off, q.1 + ny * off);
                line(&root, *kind, shift(a), shift(b)).map_err(err)?;
            }
            if single[k] {
                let mid = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
                single_source_mark(&root, (mid.0.round() as i32, mid.1.round() as i32))
                    .map_err(err)?;
            }
        }
        for i in 0..network.actor_count() as u32 {
            if p.shown[i as usize] {
                let r = p.radii[i as usize].max(3.0);
                shape(&root, network.actor_type(i), at(i), r).map_err(err)?;
            }
        }
        for i in 0..network.actor_count() as u32 {
            if p.shown[i as usize] {
                let (x, y) = at(i);
                let r = p.radii[i as usize].max(3.0);
                let pos = ((x + r + 4.0).round() as i32, y.round() as i32);
                root.draw(&Text::new(
                    short_label(&network.actor(i).name, LABEL_CHARS),
                    pos,
                    font(12.0, INK, true),
                ))
                .map_err(err)?;
            }
        }
        legend(&root, p.height).map_err(err)?;
        let mut y = (p.height + LEGEND_HEIGHT) as i32;
        for line in p.caption {
            root.draw(&Text::new(line.clone(), (12, y), font(11.0, MUTED, false)))
                .map_err(err)?;
            y += CAPTION_LINE as i32;
        }
        root.present().map_err(err)?;
    }
    Ok(svg)
}

fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    top: u32,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let y0 = top as f32;
    root.draw(&PathElement::new(
        vec![(0, top as i32), (i32::MAX / 4, top as i32)],
        RGBColor(0xd0, 0xd4, 0xd9).stroke_width(1),
    ))?;
    let mut x = 12.0f32;
    let row1 = y0 + 16.0;
    for kind in Kind::ALL {
        line(root, kind, (x, row1), (x + 28.0, row1))?;
        let label = kind.style().label;
        root.draw(&Text::new(
            label,
            ((x + 34.0) as i32, row1 as i32),
            font(11.0, INK, false),
        ))?;
        x += 44.0 + 7.0 * label.len() as f32;
    }
    let mut x = 12.0f32;
    let row2 = y0 + 38.0;
    for t in ActorType::ALL {
        shape(root, t, (x + 6.0, row2), 6.0)?;
        let label = t.style().label;
        root.draw(&Text::new(
            label,
            ((x + 18.0) as i32, row2 as i32),
            font(11.0, INK, false),
        ))?;
        x += 30.0 + 7.0 * label.len() as f32;
    }
    single_source_mark(root, ((x + 6.0) as i32, row2 as i32))?;
    root.draw(&Text::new(
        "on a tie: it rests on a single report",
        ((x + 16.0) as i32, row2 as i32),
        font(11.0, INK, false),
    ))?;
    Ok(())
}

/// The segments `[from, to]` of a dashed line from `a` to `b` following `pattern` (drawn,
/// skipped, drawn, ...); the whole segment when `pattern` is empty or not positive.
pub fn dash_segments(a: (f32, f32), b: (f32, f32), pattern: &[f32]) -> Vec<[(f32, f32); 2]> {
    let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
    if pattern.is_empty() || pattern.iter().any(|p| *p <= 0.0) || len == 0.0 {
        return vec![[a, b]];
    }
    let at = |d: f32| (a.0 + (b.0 - a.0) * d / len, a.1 + (b.1 - a.1) * d / len);
    let mut out = Vec::new();
    let (mut d, mut i) = (0.0f32, 0usize);
    while d < len {
        let next = (d + pattern[i % pattern.len()]).min(len);
        if i % 2 == 0 {
            out.push([at(d), at(next)]);
        }
        d = next;
        i += 1;
    }
    out
}

#[cfg(test)]
mod label_tests {
    use super::{dash_segments, short_label};

    #[test]
    fn short_names_are_kept_and_long_ones_end_in_an_ellipsis() {
        assert_eq!(short_label("Pakistan", 28), "Pakistan");
        assert_eq!(short_label("abcdefgh", 8), "abcdefgh");
        assert_eq!(short_label("abcdefghi", 8), "abcdefg…");
        assert_eq!(short_label("Tehrik-i-Taliban Pakistan", 11), "Tehrik-i-T…");
        // Cut between code points, never inside one; a space before the cut is dropped.
        assert_eq!(short_label("ab cdéféééé", 4), "ab…");
        assert_eq!(short_label("日本国際協力銀行", 5), "日本国際…");
    }

    #[test]
    fn dashes_cover_the_drawn_part_of_the_pattern() {
        let segs = dash_segments((0.0, 0.0), (20.0, 0.0), &[7.0, 4.0]);
        assert_eq!(
            segs,
            vec![[(0.0, 0.0), (7.0, 0.0)], [(11.0, 0.0), (18.0, 0.0)]]
        );
        let dash_dot = dash_segments((0.0, 0.0), (0.0, 30.0), &[10.0, 3.0, 2.0, 3.0]);
        assert_eq!(dash_dot.len(), 3);
        assert_eq!(dash_dot[1], [(0.0, 13.0), (0.0, 15.0)]);
        assert_eq!(dash_segments((0.0, 0.0), (5.0, 0.0), &[]).len(), 1);
    }
}
