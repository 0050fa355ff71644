//! Hit-testing: which drawn node or tie lies under a point.

/// The node under `(x, y)`: among nodes whose disc (radius `radii[i]` plus `slop`) contains
/// the point, the one whose edge is nearest. Hidden nodes (`shown[i] == false`) are skipped.
///
/// # Arguments
/// `positions` flat `[x0, y0, x1, y1, ...]` and `radii` in the same units as `x`, `y`.
///
/// # Complexity
/// O(n); at 50k nodes that is well under a millisecond, so no index is kept.
pub fn node_at(
    positions: &[f32],
    radii: &[f32],
    shown: &[bool],
    x: f32,
    y: f32,
    slop: f32,
) -> Option<u32> {
    let mut best: Option<(u32, f32)> = None;
    for (i, p) in positions.chunks_exact(2).enumerate() {
        if !shown.get(i).copied().unwrap_or(false) {
            continue;
        }
        let r = radii.get(i).copied().unwrap_or(0.0);
        let d = ((p[0] - x).powi(2) + (p[1] - y).powi(2)).sqrt() - r;
        if d <= slop && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((i as u32, d));
        }
    }
    best.map(|(i, _)| i)
}

/// The tie under `(x, y)`: the nearest tie whose drawn band lies within `slop` of the point.
///
/// A tie with `lines[k]` kinds is drawn as that many parallel lines `spacing` apart, centred
/// on the segment between its actors, so its band reaches `(lines[k] - 1) / 2 * spacing` to
/// either side of the segment.
///
/// # Arguments
/// `positions` flat `[x0, y0, ...]` per actor; `edges` flat `[s0, t0, s1, t1, ...]` actor
/// indices, one pair per drawn tie; `lines` the number of parallel lines of each drawn tie;
/// `spacing` and `slop` in the units of `positions`.
///
/// # Returns
/// The position `k` of the tie in `edges` (its pair is `edges[2k], edges[2k + 1]`), or `None`.
/// Pairs naming an actor outside `positions` are skipped.
///
/// # Complexity
/// O(ties).
pub fn tie_at(
    positions: &[f32],
    edges: &[u32],
    lines: &[u8],
    x: f32,
    y: f32,
    spacing: f32,
    slop: f32,
) -> Option<u32> {
    let point = |i: u32| -> Option<(f32, f32)> {
        let i = i as usize;
        Some((*positions.get(2 * i)?, *positions.get(2 * i + 1)?))
    };
    let mut best: Option<(u32, f32)> = None;
    for (k, pair) in edges.chunks_exact(2).enumerate() {
        let (Some(a), Some(b)) = (point(pair[0]), point(pair[1])) else {
            continue;
        };
        let half = (f32::from(lines.get(k).copied().unwrap_or(1).max(1)) - 1.0) / 2.0 * spacing;
        let d = segment_distance(a, b, (x, y)) - half;
        if d <= slop && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((k as u32, d));
        }
    }
    best.map(|(k, _)| k)
}

/// Distance from `p` to the segment `a`–`b` (to `a` itself when the segment has no length).
pub fn segment_distance(a: (f32, f32), b: (f32, f32), p: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    ((a.0 + t * dx - p.0).powi(2) + (a.1 + t * dy - p.1).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::{node_at, segment_distance, tie_at};

    #[test]
    fn finds_the_node_under_the_point_and_skips_hidden_ones() {
        let pos = [0.0, 0.0, 10.0, 0.0, 100.0, 100.0];
        let radii = [3.0, 6.0, 3.0];
        let shown = [true, true, true];
        assert_eq!(node_at(&pos, &radii, &shown, 1.0, 0.0, 0.0), Some(0));
        // 5 from node 1's centre is inside its radius 6; 5 from node 0 is outside radius 3.
        assert_eq!(node_at(&pos, &radii, &shown, 5.0, 0.0, 0.0), Some(1));
        assert_eq!(node_at(&pos, &radii, &shown, 50.0, 50.0, 0.0), None);
        assert_eq!(node_at(&pos, &radii, &shown, 80.0, 80.0, 100.0), Some(2));
        assert_eq!(
            node_at(&pos, &radii, &[false, true, true], 1.0, 0.0, 0.0),
            None
        );
    }

    #[test]
    fn segment_distance_measures_to_the_nearest_point_of_the_segment() {
        assert_eq!(segment_distance((0.0, 0.0), (10.0, 0.0), (5.0, 3.0)), 3.0);
        assert_eq!(segment_distance((0.0, 0.0), (10.0, 0.0), (13.0, 4.0)), 5.0);
        assert_eq!(segment_distance((2.0, 2.0), (2.0, 2.0), (5.0, 6.0)), 5.0);
    }

    #[test]
    fn finds_the_tie_under_the_point_including_its_parallel_lines() {
        // Actor 0 at the origin, 1 at (100, 0), 2 at (0, 100); ties 0-1 (three kinds) and 0-2.
        let pos = [0.0, 0.0, 100.0, 0.0, 0.0, 100.0];
        let edges = [0, 1, 0, 2];
        let lines = [3, 1];
        assert_eq!(tie_at(&pos, &edges, &lines, 50.0, 0.5, 3.5, 1.0), Some(0));
        // The outer of three lines is 3.5 from the centre: 4 away is on it within slop 1.
        assert_eq!(tie_at(&pos, &edges, &lines, 50.0, 4.0, 3.5, 1.0), Some(0));
        assert_eq!(tie_at(&pos, &edges, &[1, 1], 50.0, 4.0, 3.5, 1.0), None);
        assert_eq!(tie_at(&pos, &edges, &lines, 50.0, 20.0, 3.5, 1.0), None);
        assert_eq!(tie_at(&pos, &edges, &lines, 1.0, 60.0, 3.5, 1.0), Some(1));
        // A generous (touch) slop reaches further.
        assert_eq!(tie_at(&pos, &edges, &lines, 50.0, 14.0, 3.5, 12.0), Some(0));
        // The nearer of two ties wins.
        assert_eq!(tie_at(&pos, &edges, &lines, 3.0, 2.0, 3.5, 10.0), Some(0));
        assert_eq!(tie_at(&pos, &edges, &lines, 2.0, 8.0, 3.5, 10.0), Some(1));
        // A pair naming an unknown actor is skipped, not a panic.
        assert_eq!(tie_at(&pos, &[0, 9], &[1], 0.0, 0.0, 3.5, 1.0), None);
    }
}
