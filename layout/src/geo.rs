//! The map layout: actors at their capital on an Equal Earth projection, nudged apart.

use std::f64::consts::{FRAC_PI_2, FRAC_PI_3};

/// Polynomial coefficients of Šavrič, Patterson & Jenny (2018), "The Equal Earth map projection".
const A1: f64 = 1.340_264;
const A2: f64 = -0.081_106;
const A3: f64 = 0.000_893;
const A4: f64 = 0.003_796;
/// √3 / 2.
const M: f64 = 0.866_025_403_784_438_6;
/// The golden angle, π (3 − √5): the turn between neighbours of a sunflower spiral, and the
/// direction in which a coincident pair splits.
const GOLDEN_ANGLE: f64 = 2.399_963_229_728_653;
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
/// two centres are closer than `min_separation`, or a pass or work limit is hit on input too
/// crowded for the separation (thousands of actors on one capital, or more actors than the
/// world has room for at that separation).
///
/// Nodes on one point first spread on a sunflower spiral around it. Then each pass puts the nodes
/// in a grid of cells `min_separation` wide and moves every too-close pair of neighbouring cells
/// apart symmetrically along the line between them; coincident pairs split along a direction
/// fixed by their indices. Deterministic: the same input always gives the same output.
///
/// # Returns
/// Flat `[x0, y0, ..]`, y down, of length `2 * coords.len()`.
///
/// # Complexity
/// O(passes · (n log n + pairs in neighbouring cells)), at most 200 passes and 4 million pairs
/// looked at in all.
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
        fan_out(&mut xy, target);
        let mut grid = Grid::default();
        let mut checks = 0u64;
        for _ in 0..MAX_PASSES {
            if !relax(&mut xy, &mut grid, target, &mut checks) || checks >= MAX_CHECKS {
                break;
            }
        }
    }
    xy.into_iter().map(|v| v as f32).collect()
}

/// Nodes on one point (the actors of one country, all at its capital) spread on a sunflower
/// spiral around it, about `gap` apart, the first (by index) left on the point: relaxing them from
/// one point would look at every pair of them, pass after pass.
fn fan_out(xy: &mut [f64], gap: f64) {
    // By point (each coordinate as an integer in the order of `f64::total_cmp`), then index: the
    // grid's own sort, one sort in the module.
    let key = |v: f64| {
        let bits = v.to_bits() as i64;
        bits ^ (((bits >> 63) as u64) >> 1) as i64
    };
    let mut points: Vec<(i64, i64, usize)> = (0..xy.len() / 2)
        .map(|i| (key(xy[2 * i]), key(xy[2 * i + 1]), i))
        .collect();
    points.sort_unstable();
    let order: Vec<usize> = points.into_iter().map(|(_, _, i)| i).collect();
    // Vogel's spiral: radius step · √k gives each node an area of π · step², neighbours about
    // 1.8 · step apart; the relaxation evens out the rest.
    let step = gap / 1.5;
    let mut start = 0;
    for k in 1..=order.len() {
        let a = order[start];
        let (cx, cy) = (xy[2 * a], xy[2 * a + 1]);
        if k < order.len() && (xy[2 * order[k]], xy[2 * order[k] + 1]) == (cx, cy) {
            continue;
        }
        for (m, &i) in order[start..k].iter().enumerate().skip(1) {
            let r = step * (m as f64).sqrt();
            let turn = GOLDEN_ANGLE * m as f64;
            xy[2 * i] = cx + r * turn.cos();
            xy[2 * i + 1] = cy + r * turn.sin();
        }
        start = k;
    }
}

/// Pairs of nodes [`geographic`] looks at in all its passes, at most: about 150 ms in wasm on
/// this project's 2-core machine, however crowded the input.
const MAX_CHECKS: u64 = 4_000_000;

/// The nodes by grid cell: `order` sorted by cell, and each cell's run of it (by cell).
#[derive(Debug, Default)]
struct Grid {
    order: Vec<(i64, i64, usize)>,
    runs: Vec<(i64, i64, usize, usize)>,
}

impl Grid {
    fn build(&mut self, xy: &[f64], cell: f64) {
        // Saturating float-to-int casts: a node far off the map still has a cell.
        let cell_of = |i: usize| {
            let cx = (xy[2 * i] / cell).floor() as i64;
            let cy = (xy[2 * i + 1] / cell).floor() as i64;
            (cx, cy, i)
        };
        if self.order.len() == xy.len() / 2 {
            // After a pass most nodes are still in their cell: the last order, nearly sorted,
            // sorts quickly.
            for entry in &mut self.order {
                *entry = cell_of(entry.2);
            }
        } else {
            self.order.clear();
            self.order.extend((0..xy.len() / 2).map(cell_of));
        }
        self.order.sort_unstable();
        self.runs.clear();
        let mut start = 0;
        for k in 1..=self.order.len() {
            let (cx, cy, _) = self.order[start];
            if k == self.order.len() || (self.order[k].0, self.order[k].1) != (cx, cy) {
                self.runs.push((cx, cy, start, k));
                start = k;
            }
        }
    }

    /// The run of `order` in cell (cx, cy), if any node is there.
    fn run(&self, cx: i64, cy: i64) -> Option<(usize, usize)> {
        let k = self.runs.partition_point(|&(x, y, _, _)| (x, y) < (cx, cy));
        match self.runs.get(k) {
            Some(&(x, y, from, to)) if (x, y) == (cx, cy) => Some((from, to)),
            _ => None,
        }
    }
}

/// The neighbouring cells a cell's nodes are checked against (itself and the four after it), so
/// that each pair of neighbouring cells is looked at once.
const FORWARD: [(i64, i64); 4] = [(1, -1), (1, 0), (1, 1), (0, 1)];

/// One relaxation pass; returns whether any pair was moved. Counts the pairs looked at in
/// `checks` and stops once it reaches [`MAX_CHECKS`].
fn relax(xy: &mut [f64], grid: &mut Grid, gap: f64, checks: &mut u64) -> bool {
    grid.build(xy, gap);
    let mut moved = false;
    for r in 0..grid.runs.len() {
        let (cx, cy, from, to) = grid.runs[r];
        // The cells after this one that hold nodes, looked up once for the cell's nodes.
        let next = FORWARD.map(|(dx, dy)| grid.run(cx + dx, cy + dy));
        for a in from..to {
            let i = grid.order[a].2;
            for &(_, _, j) in &grid.order[a + 1..to] {
                moved |= separate(xy, i, j, gap);
            }
            *checks += (to - a - 1) as u64;
            for &(f, t) in next.iter().flatten() {
                for &(_, _, j) in &grid.order[f..t] {
                    moved |= separate(xy, i, j, gap);
                }
                *checks += (t - f) as u64;
            }
        }
        if *checks >= MAX_CHECKS {
            break;
        }
    }
    moved
}

/// Moves nodes `i` and `j` apart, each by half of what they lack of `gap`; false when they
/// already stand `gap` apart.
fn separate(xy: &mut [f64], i: usize, j: usize, gap: f64) -> bool {
    let (mut dx, mut dy) = (xy[2 * j] - xy[2 * i], xy[2 * j + 1] - xy[2 * i + 1]);
    let d2 = dx * dx + dy * dy;
    if d2 >= gap * gap {
        return false;
    }
    let mut d = d2.sqrt();
    if d == 0.0 {
        let turn = GOLDEN_ANGLE * (i.min(j) * 31 + i.max(j)) as f64;
        (dx, dy, d) = (turn.cos(), turn.sin(), 1.0);
    }
    let push = (gap - d) / d * 0.5;
    xy[2 * i] -= dx * push;
    xy[2 * i + 1] -= dy * push;
    xy[2 * j] += dx * push;
    xy[2 * j + 1] += dy * push;
    true
}
