//! Starting positions: d3's phyllotaxis spiral with seeded slots, and sanitising caller input.

use super::lcg::Lcg;

/// d3's `initialRadius`: spacing of the spiral.
const INITIAL_RADIUS: f64 = 10.0;
/// cos and sin of d3's `initialAngle` = π(3 − √5), as literals so no platform `sin`/`cos` is
/// involved and positions are bit-identical natively and in wasm.
const COS_GOLDEN: f64 = -0.737_368_878_078_319_7;
const SIN_GOLDEN: f64 = 0.675_490_294_261_523_8;
/// Coordinates are clamped to ±this, so squared distances stay finite in `f32`.
pub(crate) const COORD_LIMIT: f32 = 1e7;
/// Coordinates nearer 0 than this are 0: the square of a difference of two such tiny
/// coordinates underflows `f32` to 0, and a force divided by it becomes infinite.
pub(crate) const COORD_FLUSH: f32 = 1e-6;

/// The spiral with node `i` at slot `perm[i]`, where `perm` is a seeded shuffle.
///
/// Returns flat `[x0, y0, ..]` of length `2 * node_count`. Complexity: O(n).
pub(crate) fn phyllotaxis(node_count: usize, seed: u32) -> Vec<f32> {
    let mut slots: Vec<usize> = (0..node_count).collect();
    let mut rng = Lcg::new(seed);
    for i in (1..node_count).rev() {
        slots.swap(i, rng.below(i + 1));
    }
    let mut spiral = Vec::with_capacity(2 * node_count);
    let (mut cos, mut sin) = (1.0f64, 0.0f64);
    for k in 0..node_count {
        let radius = INITIAL_RADIUS * (0.5 + k as f64).sqrt();
        spiral.push((radius * cos) as f32);
        spiral.push((radius * sin) as f32);
        (cos, sin) = (
            cos * COS_GOLDEN - sin * SIN_GOLDEN,
            cos * SIN_GOLDEN + sin * COS_GOLDEN,
        );
    }
    let mut xy = vec![0.0; 2 * node_count];
    for (node, &slot) in slots.iter().enumerate() {
        xy[2 * node] = spiral[2 * slot];
        xy[2 * node + 1] = spiral[2 * slot + 1];
    }
    xy
}

/// Caller positions made safe: a node with a non-finite coordinate gets its spiral slot,
/// everything is clamped to ±[`COORD_LIMIT`].
pub(crate) fn sanitise(positions: &[f32], seed: u32) -> Vec<f32> {
    let node_count = positions.len() / 2;
    let fallback = if positions.iter().all(|v| v.is_finite()) {
        Vec::new()
    } else {
        phyllotaxis(node_count, seed)
    };
    let mut xy = positions.to_vec();
    for (i, p) in xy.chunks_exact_mut(2).enumerate() {
        if !(p[0].is_finite() && p[1].is_finite()) {
            p.copy_from_slice(&fallback[2 * i..2 * i + 2]);
        }
        p[0] = clamp_coord(p[0]);
        p[1] = clamp_coord(p[1]);
    }
    xy
}

/// Clamps one finite coordinate to ±[`COORD_LIMIT`], and sets one nearer 0 than
/// [`COORD_FLUSH`] to 0.
pub(crate) fn clamp_coord(v: f32) -> f32 {
    if v.abs() < COORD_FLUSH {
        0.0
    } else {
        v.clamp(-COORD_LIMIT, COORD_LIMIT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spiral_slots_follow_the_golden_angle() {
        let xy = phyllotaxis(50, 1);
        let mut radii: Vec<f64> = xy
            .chunks_exact(2)
            .map(|p| f64::from(p[0]).hypot(f64::from(p[1])))
            .collect();
        radii.sort_by(f64::total_cmp);
        for (k, r) in radii.iter().enumerate() {
            assert!(
                (r - 10.0 * (0.5 + k as f64).sqrt()).abs() < 1e-3,
                "slot {k}"
            );
        }
        let (cg, sg) = (
            2.399_963_229_728_653f64.cos(),
            2.399_963_229_728_653f64.sin(),
        );
        assert!((cg - COS_GOLDEN).abs() < 1e-15 && (sg - SIN_GOLDEN).abs() < 1e-15);
    }

    #[test]
    fn seeds_shuffle_slots() {
        assert_eq!(phyllotaxis(20, 4), phyllotaxis(20, 4));
        assert_ne!(phyllotaxis(20, 4), phyllotaxis(20, 5));
    }

    #[test]
    fn non_finite_and_huge_coordinates_are_replaced() {
        let xy = sanitise(&[f32::NAN, 1.0, 2.0, 3.0, 1e30, f32::NEG_INFINITY], 0);
        assert!(xy.iter().all(|v| v.is_finite() && v.abs() <= COORD_LIMIT));
        assert_eq!(&xy[2..4], &[2.0, 3.0]);
    }
}
