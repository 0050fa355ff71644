//! The map's inverse projection: a click on the map layout read back as a longitude/latitude.
#![cfg(not(target_arch = "wasm32"))]

use entente::layout::geo::{equal_earth, equal_earth_inverse};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    /// inverse(forward(p)) ≈ p over the whole range, poles and the date line included.
    #[test]
    fn the_inverse_gives_back_every_point(lon in -180.0f64..=180.0, lat in -90.0f64..=90.0) {
        let (x, y) = equal_earth(lon, lat);
        let (lon2, lat2) = equal_earth_inverse(x, y).expect("a projected point is on the map");
        prop_assert!((lat2 - lat).abs() < 1e-7, "lat {lat} came back as {lat2}");
        // At a pole the whole line of the pole is one point: any longitude is right there.
        if lat.abs() < 90.0 - 1e-6 {
            prop_assert!((lon2 - lon).abs() < 1e-6, "lon {lon} came back as {lon2} (lat {lat})");
        }
    }

    /// Any point on the map is the projection of what the inverse gives.
    #[test]
    fn a_point_on_the_map_projects_back_to_itself(fx in -1.0f64..=1.0, fy in -1.0f64..=1.0) {
        let (x_max, y_max) = (equal_earth(180.0, 0.0).0, equal_earth(0.0, 90.0).1.abs());
        let (x, y) = (fx * x_max, fy * y_max);
        if let Some((lon, lat)) = equal_earth_inverse(x, y) {
            let (x2, y2) = equal_earth(lon, lat);
            prop_assert!((x2 - x).abs() < 1e-9 && (y2 - y).abs() < 1e-9, "({x}, {y}) → ({lon}, {lat}) → ({x2}, {y2})");
        }
    }
}

#[test]
fn corners_and_edges() {
    assert_eq!(equal_earth_inverse(0.0, 0.0), Some((0.0, 0.0)));
    let (x, y) = equal_earth(180.0, 0.0);
    let (lon, lat) = equal_earth_inverse(x, y).unwrap();
    assert!((lon - 180.0).abs() < 1e-9 && lat.abs() < 1e-9);
    let (_, y_pole) = equal_earth(0.0, 90.0);
    let (_, lat) = equal_earth_inverse(0.0, y_pole).unwrap();
    assert!((lat - 90.0).abs() < 1e-9, "{lat}");
}

/// A click off the map (beyond the date line's curve, above the poles' line, not a number) is
/// `None`, never a wrapped or clamped place.
#[test]
fn a_click_off_the_map_is_none() {
    let (x_edge, _) = equal_earth(180.0, 0.0);
    assert_eq!(equal_earth_inverse(x_edge * 1.01, 0.0), None);
    let (_, y_pole) = equal_earth(0.0, 90.0);
    assert_eq!(equal_earth_inverse(0.0, y_pole * 1.01), None);
    assert_eq!(equal_earth_inverse(0.0, -y_pole * 1.01), None);
    // The outline curves in towards the poles: beside the map at 60° N is off it.
    let (x60, y60) = equal_earth(180.0, 60.0);
    assert_eq!(equal_earth_inverse(x60 * 1.02, y60), None);
    assert!(equal_earth_inverse(x60 * 0.98, y60).is_some());
    assert_eq!(equal_earth_inverse(f64::NAN, 0.0), None);
    assert_eq!(equal_earth_inverse(0.0, f64::INFINITY), None);
}
