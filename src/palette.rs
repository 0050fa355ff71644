//! The colours and dash patterns of kinds and actor types, for pictures drawn in Rust (they match `www/kinds.js`).

use crate::model::{ActorType, Kind};

/// An RGB colour.
pub type Rgb = (u8, u8, u8);

/// Colours for one background: light (the page's light theme and exported pictures) or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// The colour of a kind's lines and bars.
pub fn kind_colour(kind: Kind, theme: Theme) -> Rgb {
    match (theme, kind) {
        (Theme::Light, Kind::Defense) => (0x00, 0x63, 0xa6),
        (Theme::Light, Kind::Diplomatic) => (0x00, 0x7a, 0x56),
        (Theme::Light, Kind::Economic) => (0xb3, 0x5c, 0x00),
        (Theme::Light, Kind::Conflict) => (0xc0, 0x16, 0x2b),
        (Theme::Dark, Kind::Defense) => (0x5a, 0xa9, 0xe6),
        (Theme::Dark, Kind::Diplomatic) => (0x3c, 0xc0, 0x8e),
        (Theme::Dark, Kind::Economic) => (0xf0, 0xa0, 0x4b),
        (Theme::Dark, Kind::Conflict) => (0xff, 0x6b, 0x7a),
    }
}

/// A kind's dash pattern in pixels, drawn and skipped in turn; empty for a solid line.
pub fn kind_dash(kind: Kind) -> &'static [f32] {
    match kind {
        Kind::Defense => &[],
        Kind::Diplomatic => &[7.0, 4.0],
        Kind::Economic => &[2.0, 3.0],
        Kind::Conflict => &[10.0, 3.0, 2.0, 3.0],
    }
}

/// The label people read for a kind.
pub fn kind_label(kind: Kind) -> &'static str {
    match kind {
        Kind::Defense => "Defense",
        Kind::Diplomatic => "Diplomatic",
        Kind::Economic => "Economic",
        Kind::Conflict => "Conflict",
    }
}

/// The fill of an actor type's shape on a light background.
pub fn actor_fill(t: ActorType) -> Rgb {
    match t {
        ActorType::State => (0x37, 0x47, 0x4f),
        ActorType::Organization => (0x6a, 0x3d, 0x9a),
        ActorType::ArmedGroup => (0x8c, 0x2d, 0x04),
    }
}

/// The label people read for an actor type.
pub fn actor_label(t: ActorType) -> &'static str {
    match t {
        ActorType::State => "State",
        ActorType::Organization => "Organization",
        ActorType::ArmedGroup => "Armed group",
    }
}

/// `#rrggbb`, as CSS and `www/kinds.js` write it.
pub fn hex(c: Rgb) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
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
mod tests {
    use super::*;

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

    #[test]
    fn the_colours_are_those_the_page_draws_with() {
        let kinds_js = include_str!("../www/kinds.js");
        for kind in Kind::ALL {
            for theme in [Theme::Light, Theme::Dark] {
                let c = hex(kind_colour(kind, theme));
                assert!(
                    kinds_js.contains(&c),
                    "{c} for {kind:?} is not in www/kinds.js"
                );
            }
        }
        for t in [
            ActorType::State,
            ActorType::Organization,
            ActorType::ArmedGroup,
        ] {
            let c = hex(actor_fill(t));
            assert!(
                kinds_js.contains(&c),
                "{c} for {t:?} is not in www/kinds.js"
            );
        }
    }
}
