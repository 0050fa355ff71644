//! The map layout: actors at their capital on an Equal Earth projection, nudged apart.

use std::f64::consts::{FRAC_PI_2, FRAC_PI_3};

/// Polynomial coefficients of Šavrič, Patterson & Jenny (2018), "The Equal Earth map projection".
const A1: f64 = 1.340_264;
const A2: f64 = -0.081_106;
const A3: f64 = 0.000_893;
const A4: f64 = 0.003_796;
/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;
/// Relaxation passes of [`geographic`] before it gives up on crowded clusters.
const MAX_PASSES: usize = 200;

/// Projects a longitude/latitude (degrees) with the Equal Earth projection on the unit sphere.
///
/// # Returns
/// `(x, y)` with **y pointing down** (screen convention: north is negative y). x spans about
/// ±2.7066 and y about ±1.3174. Latitudes are clamped to ±90°, longitudes wrapped to ±180°;
/// non-finite input maps to `(0, 0)`.
///
/// # Complexity
/// O(1).
pub fn equal_earth(lon_deg: f64, lat_deg: f64) -> (f64, f64) {
    if !(lon_deg.is_finite() && lat_deg.is_finite()) {
        return (0.0, 0.0);
    }
    let lon = if (-180.0..=180.0).contains(&lon_deg) {
        lon_deg
    } else {
        (lon_deg + 180.0).rem_euclid(360.0) - 180.0
    };
    let lambda = lon.to_radians();
    let phi = lat_deg.to_radians().clamp(-FRAC_PI_2, FRAC_PI_2);
    let theta = (M * phi.sin()).asin();
    let (t2, t6) = (theta * theta, theta.powi(6));
    let x = lambda * theta.cos() / (M * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, -y)
}

/// The longitude/latitude (degrees) that [`equal_earth`] puts at `(x, y)` (y down), or `None`
/// for a point off the map: outside the projection's outline or not a finite number.
///
/// Newton's method on the latitude polynomial (as in the authors' own inverse) finds the
/// parametric latitude θ; the longitude follows from x. The answer is within about 1e-9°
/// of the point projected.
///
/// # Complexity
/// O(1): at most 12 Newton steps.
pub fn equal_earth_inverse(x: f64, y: f64) -> Option<(f64, f64)> {
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    let y = -y;
    let y_max = equal_earth(0.0, 90.0).1.abs();
    // A hair beyond the poles' line still reads as the pole: a click on the outline.
    if y.abs() > y_max * (1.0 + 1e-9) {
        return None;
    }
    let mut theta = y / A1;
    for _ in 0..12 {
        let t2 = theta * theta;
        let t6 = t2 * t2 * t2;
        let f = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2)) - y;
        let df = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
        let step = f / df;
        theta -= step;
        if step.abs() < 1e-12 {
            break;
        }
    }
    let theta = theta.clamp(-FRAC_PI_3, FRAC_PI_3);
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let df = A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2);
    let lat = ((theta.sin() / M).clamp(-1.0, 1.0)).asin().to_degrees();
    let cos = theta.cos();
    let lon = (M * x * df / cos).to_degrees();
    // At the poles every longitude meets; elsewhere a longitude past ±180° is off the outline.
    if lon.abs() > 180.0 * (1.0 + 1e-9) {
        return None;
    }
    Some((lon.clamp(-180.0, 180.0), lat.clamp(-90.0, 90.0)))
}

/// Projects a flat list of longitude/latitude pairs (`[lon0, lat0, lon1, lat1, ..]`, degrees),
/// such as a coastline ring, with [`equal_earth`] × `scale`.
///
/// # Returns
/// Flat `[x0, y0, ..]`, y down, one pair per input pair (a trailing odd value is ignored;
/// non-finite pairs map to the origin, like [`equal_earth`]).
///
/// # Complexity
/// O(n).
pub fn project_lon_lat(lon_lat: &[f32], scale: f32) -> Vec<f32> {
    let scale = if scale.is_finite() {
        f64::from(scale)
    } else {
        1.0
    };
    lon_lat
        .chunks_exact(2)
        .flat_map(|p| {
            let (x, y) = equal_earth(f64::from(p[0]), f64::from(p[1]));
            [(x * scale) as f32, (y * scale) as f32]
        })
        .collect()
}

/// Projects every `(lon, lat)` with [`equal_earth`] × `scale`, then nudges nodes apart until no
/// two centres are closer than `min_separation` (or a pass limit is hit on very crowded input).
///
/// Each pass sweeps the nodes in x order and moves every too-close pair apart symmetrically
/// along the line between them; coincident pairs split along a direction fixed by their indices.
/// Deterministic: the same input always gives the same output.
///
/// # Returns
/// Flat `[x0, y0, ..]`, y down, of length `2 * coords.len()`.
///
/// # Complexity
/// O(passes · (n log n + close pairs)).
pub fn geographic(coords: &[(f64, f64)], scale: f32, min_separation: f32) -> Vec<f32> {
    let scale = if scale.is_finite() {
        f64::from(scale)
    } else {
        1.0
    };
    let mut xy: Vec<f64> = coords
        .iter()
        .flat_map(|&(lon, lat)| {
            let (x, y) = equal_earth(lon, lat);
            [x * scale, y * scale]
        })
        .collect();
    let gap = f64::from(min_separation);
    if gap.is_finite() && gap > 0.0 {
        // Aim a hair beyond the gap so rounding to f32 cannot undo the separation.
        let target = gap * (1.0 + 1e-4);
        let mut order: Vec<usize> = (0..coords.len()).collect();
        for _ in 0..MAX_PASSES {
            if !relax(&mut xy, &mut order, target) {
                break;
            }
        }
    }
    xy.into_iter().map(|v| v as f32).collect()
}

/// One relaxation pass; returns whether any pair was moved.
fn relax(xy: &mut [f64], order: &mut [usize], gap: f64) -> bool {
    order.sort_by(|&a, &b| xy[2 * a].total_cmp(&xy[2 * b]).then(a.cmp(&b)));
    let mut moved = false;
    for a in 0..order.len() {
        for b in a + 1..order.len() {
            let (i, j) = (order[a], order[b]);
            let (mut dx, mut dy) = (xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
            if dx > gap {
                break;
            }
            let mut d = dx.hypot(dy);
            if d >= gap {
                continue;
            }
            if d == 0.0 {
                let turn = 2.399_963_229_728_653 * (i.min(j) * 31 + i.max(j)) as f64;
                (dx, dy, d) = (turn.cos(), turn.sin(), 1.0);
            }
            let push = (gap - d) / d * 0.5;
            xy[2 * i] -= dx * push;
            xy[2 * i + 1] -= dy * push;
            xy[2 * j] += dx * push;
            xy[2 * j + 1] += dy * push;
            moved = true;
        }
    }
    moved
}
