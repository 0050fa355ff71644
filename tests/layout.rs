//! Layout engine: force simulation, ego rings, Equal Earth map and stress, as named cases.

mod graphs;

use entente::layout::ego::radial;
use entente::layout::geo::{equal_earth, geographic, project_lon_lat};
use entente::layout::multilevel;
use entente::layout::quality::stress;
use entente::layout::refine::{self, Refinement};
use entente::layout::{ForceLayout, ForceOptions, LayoutError};

// ---------- graphs ----------

/// A tiny xorshift so test graphs are random but fixed.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: u32) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % u64::from(n)) as u32
    }
}

fn path(n: u32) -> Vec<u32> {
    (1..n).flat_map(|i| [i - 1, i]).collect()
}

fn star(n: u32) -> Vec<u32> {
    (1..n).flat_map(|i| [0, i]).collect()
}

/// Two paths of `n` nodes each, not connected to each other.
fn two_components(n: u32) -> Vec<u32> {
    let mut edges = path(n);
    edges.extend(path(n).iter().map(|v| v + n));
    edges
}

/// A connected random graph: a random tree plus extra random edges (77 nodes and 254 edges
/// is the size of Les Misérables).
fn random_graph(n: u32, m: usize, seed: u64) -> Vec<u32> {
    let mut dice = Dice(seed);
    let mut edges: Vec<u32> = (1..n).flat_map(|i| [dice.below(i), i]).collect();
    while edges.len() < 2 * m {
        let (s, t) = (dice.below(n), dice.below(n));
        if s != t {
            edges.extend([s, t]);
        }
    }
    edges
}

fn grid(side: u32) -> Vec<u32> {
    let mut edges = vec![];
    for r in 0..side {
        for c in 0..side {
            let v = r * side + c;
            if c + 1 < side {
                edges.extend([v, v + 1]);
            }
            if r + 1 < side {
                edges.extend([v, v + side]);
            }
        }
    }
    edges
}

// ---------- helpers ----------

fn settled(node_count: usize, edges: &[u32], options: ForceOptions) -> ForceLayout {
    let mut layout = ForceLayout::new(node_count, edges, None, options).unwrap();
    layout.step(300);
    layout
}

fn seeded(seed: u32) -> ForceOptions {
    ForceOptions {
        seed,
        ..ForceOptions::default()
    }
}

fn all_finite(positions: &[f32]) -> bool {
    positions.iter().all(|v| v.is_finite())
}

/// Stress of `layout`'s drawing of `edges`, from every node.
fn stress_of(layout: &ForceLayout, edges: &[u32]) -> f64 {
    let n = layout.node_count();
    stress(layout.positions(), n, edges, n, 1)
}

/// Runs `ticks` ticks and asserts the drawing ends finite and with lower stress than it began.
fn settles_to_lower_stress(layout: &mut ForceLayout, edges: &[u32], ticks: u32) {
    let before = stress_of(layout, edges);
    layout.step(ticks);
    let after = stress_of(layout, edges);
    assert!(all_finite(layout.positions()));
    assert!(after < before, "stress {before} -> {after}");
}

fn distance(xy: &[f32], i: usize, j: usize) -> f32 {
    (xy[2 * i] - xy[2 * j]).hypot(xy[2 * i + 1] - xy[2 * j + 1])
}

fn min_distance(xy: &[f32]) -> f32 {
    let n = xy.len() / 2;
    let mut best = f32::INFINITY;
    for i in 0..n {
        for j in i + 1..n {
            best = best.min(distance(xy, i, j));
        }
    }
    best
}

fn mean_displacement(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len() / 2;
    (0..n)
        .map(|i| (a[2 * i] - b[2 * i]).hypot(a[2 * i + 1] - b[2 * i + 1]))
        .sum::<f32>()
        / n as f32
}

// ---------- force layout: shapes settle to finite pictures ----------

#[test]
fn path_settles_to_finite_positions_with_lower_stress() {
    let edges = path(30);
    let mut layout = ForceLayout::new(30, &edges, None, seeded(1)).unwrap();
    settles_to_lower_stress(&mut layout, &edges, 300);
    assert_eq!(layout.positions().len(), 60);
}

#[test]
fn star_settles_with_leaves_near_link_distance_from_the_hub() {
    let layout = settled(20, &star(20), seeded(1));
    let xy = layout.positions();
    assert!(all_finite(xy));
    for leaf in 1..20 {
        let d = distance(xy, 0, leaf);
        assert!((25.0..60.0).contains(&d), "leaf {leaf} at {d}");
    }
}

#[test]
fn two_components_settle_to_finite_positions_with_lower_stress() {
    let edges = two_components(20);
    let mut layout = ForceLayout::new(40, &edges, None, seeded(1)).unwrap();
    settles_to_lower_stress(&mut layout, &edges, 300);
}

#[test]
fn random_graph_the_size_of_les_miserables_settles_to_finite_positions_with_lower_stress() {
    let edges = random_graph(77, 254, 9);
    let mut layout = ForceLayout::new(77, &edges, None, seeded(1)).unwrap();
    let start = stress_of(&layout, &edges);
    assert!(layout.step(100), "should still be moving after 100 ticks");
    settles_to_lower_stress(&mut layout, &edges, 200);
    assert!(stress_of(&layout, &edges) < start);
    assert!(!layout.step(1000), "should have cooled after 1300 ticks");
    assert!(layout.alpha() < ForceOptions::default().alpha_min);
}

#[test]
fn gravity_keeps_two_components_closer_to_the_origin() {
    let edges = two_components(20);
    let extent = |g: f32| {
        let layout = settled(
            40,
            &edges,
            ForceOptions {
                gravity: g,
                ..seeded(1)
            },
        );
        let xy = layout.positions().to_vec();
        (0..40)
            .map(|i| xy[2 * i].hypot(xy[2 * i + 1]))
            .fold(0.0f32, f32::max)
    };
    assert!(extent(0.1) < 0.8 * extent(0.0));
}

// ---------- force layout: determinism ----------

#[test]
fn same_seed_gives_bit_identical_positions() {
    let edges = random_graph(120, 300, 3);
    let a = settled(120, &edges, seeded(42));
    let b = settled(120, &edges, seeded(42));
    let bits = |l: &ForceLayout| {
        l.positions()
            .iter()
            .map(|v| v.to_bits())
            .collect::<Vec<_>>()
    };
    assert_eq!(bits(&a), bits(&b));
}

#[test]
fn different_seeds_give_different_positions() {
    let edges = random_graph(120, 300, 3);
    let a = settled(120, &edges, seeded(1));
    let b = settled(120, &edges, seeded(2));
    assert!(mean_displacement(a.positions(), b.positions()) > 1.0);
}

#[test]
fn coincident_start_positions_are_separated_deterministically() {
    let start = vec![5.0; 2 * 10];
    let run = || {
        let mut l = ForceLayout::new(10, &star(10), Some(&start), seeded(3)).unwrap();
        l.step(300);
        l.positions().to_vec()
    };
    let xy = run();
    assert!(all_finite(&xy));
    assert!(min_distance(&xy) > 1.0);
    assert_eq!(xy, run());
}

// ---------- force layout: overlap and collision ----------

#[test]
fn settled_nodes_do_not_overlap() {
    let layout = settled(77, &random_graph(77, 254, 9), seeded(1));
    assert!(min_distance(layout.positions()) > 2.0);
}

#[test]
fn collision_keeps_discs_apart() {
    let r = 8.0;
    let options = ForceOptions {
        collide_radius: r,
        ..seeded(1)
    };
    let layout = settled(77, &random_graph(77, 254, 9), options);
    let closest = min_distance(layout.positions());
    assert!(closest >= 2.0 * r * 0.9, "closest pair at {closest}");
}

#[test]
fn per_node_radii_keep_big_discs_apart() {
    let mut layout = ForceLayout::new(30, &star(30), None, seeded(1)).unwrap();
    let radii: Vec<f32> = (0..30)
        .map(|i| if i % 2 == 0 { 12.0 } else { 3.0 })
        .collect();
    layout.set_radii(&radii).unwrap();
    layout.step(300);
    let xy = layout.positions();
    for i in 0..30 {
        for j in i + 1..30 {
            let need = (radii[i] + radii[j]) * 0.9;
            assert!(distance(xy, i, j) >= need, "{i} and {j} overlap");
        }
    }
}

// ---------- force layout: interaction ----------

#[test]
fn pinned_node_stays_exactly_put_while_others_move() {
    let mut layout = ForceLayout::new(20, &star(20), None, seeded(1)).unwrap();
    let before = layout.positions().to_vec();
    layout.pin(0, 50.0, -25.0);
    assert!(layout.is_pinned(0) && !layout.is_pinned(1) && !layout.is_pinned(99));
    layout.step(50);
    let xy = layout.positions();
    assert_eq!((xy[0], xy[1]), (50.0, -25.0));
    assert!(mean_displacement(&before[2..], &xy[2..]) > 1.0);
    layout.unpin(0);
    layout.set_alpha(0.5);
    layout.step(50);
    assert!(!layout.is_pinned(0));
    assert_ne!(
        (layout.positions()[0], layout.positions()[1]),
        (50.0, -25.0)
    );
}

#[test]
fn pin_ignores_missing_nodes_and_non_finite_coordinates() {
    let mut layout = ForceLayout::new(3, &path(3), None, seeded(1)).unwrap();
    layout.pin(7, 1.0, 1.0);
    layout.pin(1, f32::NAN, 0.0);
    assert!(!layout.is_pinned(1) && !layout.is_pinned(7));
    layout.step(10);
    assert!(all_finite(layout.positions()));
}

#[test]
fn warm_start_moves_nodes_far_less_than_a_fresh_layout() {
    let edges = random_graph(200, 400, 5);
    let mut layout = settled(200, &edges, seeded(1));
    let before = layout.positions().to_vec();
    let subset: Vec<u32> = edges.chunks(2).step_by(2).flatten().copied().collect();
    layout.set_edges(&subset, 0.1).unwrap();
    assert_eq!(layout.alpha(), 0.1);
    layout.step(300);
    let warm = mean_displacement(&before, layout.positions());
    let fresh = settled(200, &subset, seeded(2));
    let cold = mean_displacement(&before, fresh.positions());
    assert!(warm < 0.3 * cold, "warm {warm} vs fresh {cold}");
}

#[test]
fn raising_alpha_target_wakes_a_cooled_layout() {
    let mut layout = settled(10, &path(10), seeded(1));
    assert!(!layout.step(1000), "should have cooled");
    let cooled = layout.alpha();
    layout.set_alpha_target(0.3);
    assert!(layout.step(1));
    assert!(layout.alpha() > cooled);
    layout.set_alpha_target(0.0);
    assert!(
        !layout.step(1000),
        "should cool again once the target drops"
    );
}

#[test]
fn zero_weight_node_is_pushed_but_does_not_push() {
    let start = [0.0, 0.0, 10.0, 0.0];
    let mut layout = ForceLayout::new(2, &[], Some(&start), seeded(1)).unwrap();
    layout.set_weights(&[1.0, 0.0]).unwrap();
    layout.step(10);
    let xy = layout.positions();
    assert_eq!((xy[0], xy[1]), (0.0, 0.0));
    assert!(xy[2] > 10.0);
}

#[test]
fn positions_buffer_is_never_reallocated() {
    let mut layout = ForceLayout::new(50, &path(50), None, seeded(1)).unwrap();
    let ptr = layout.positions_ptr();
    layout.step(20);
    layout.set_edges(&star(50), 1.0).unwrap();
    layout.set_radii(&[4.0; 50]).unwrap();
    layout.step(20);
    assert_eq!(layout.positions_ptr(), ptr);
    assert_eq!(layout.positions().as_ptr(), ptr);
}

// ---------- force layout: awkward input ----------

#[test]
fn empty_graph_steps_without_panicking() {
    let mut layout = ForceLayout::new(0, &[], None, ForceOptions::default()).unwrap();
    layout.step(300);
    assert!(layout.positions().is_empty());
    assert_eq!(layout.node_count(), 0);
}

#[test]
fn single_node_stays_finite_and_gravity_draws_it_in() {
    let options = ForceOptions {
        gravity: 0.1,
        ..seeded(1)
    };
    let mut layout = ForceLayout::new(1, &[], None, options).unwrap();
    let from_origin = |l: &ForceLayout| l.positions()[0].hypot(l.positions()[1]);
    let start = from_origin(&layout);
    layout.step(300);
    assert!(all_finite(layout.positions()));
    assert_eq!(layout.positions().len(), 2);
    assert!(
        from_origin(&layout) < start,
        "{start} -> {}",
        from_origin(&layout)
    );
}

#[test]
fn self_loops_are_ignored_by_springs() {
    let with_loops: Vec<u32> = path(10).into_iter().chain([3, 3, 0, 0]).collect();
    let a = settled(10, &with_loops, seeded(1));
    let b = settled(10, &path(10), seeded(1));
    assert!(all_finite(a.positions()));
    assert_eq!(a.positions(), b.positions());
}

#[test]
fn duplicate_edges_stay_finite_with_lower_stress() {
    let edges = [0, 1, 0, 1, 1, 0, 1, 2, 1, 2];
    let mut layout = ForceLayout::new(3, &edges, None, seeded(1)).unwrap();
    settles_to_lower_stress(&mut layout, &edges, 300);
    assert!(min_distance(layout.positions()) > 1.0);
}

#[test]
fn edge_naming_a_missing_node_is_rejected_with_its_index() {
    let err = ForceLayout::new(3, &[0, 1, 1, 2, 2, 5], None, seeded(1)).unwrap_err();
    let want = LayoutError::EdgeOutOfRange {
        edge: 2,
        node: 5,
        node_count: 3,
    };
    assert_eq!(err, want);
    assert!(err.to_string().contains("edge 2"), "{err}");
}

#[test]
fn odd_edge_list_is_rejected() {
    let err = ForceLayout::new(3, &[0, 1, 2], None, seeded(1)).unwrap_err();
    assert_eq!(err, LayoutError::OddEdgeList(3));
}

#[test]
fn positions_of_the_wrong_length_are_rejected() {
    let err = ForceLayout::new(3, &[], Some(&[0.0; 5]), seeded(1)).unwrap_err();
    assert_eq!(
        err,
        LayoutError::PositionsLength {
            expected: 6,
            got: 5
        }
    );
}

#[test]
fn too_many_nodes_are_rejected() {
    let err = ForceLayout::new(usize::MAX, &[], None, seeded(1)).unwrap_err();
    assert!(matches!(err, LayoutError::TooManyNodes { .. }), "{err}");
}

#[test]
fn non_finite_initial_positions_become_finite() {
    let start = [
        f32::NAN,
        0.0,
        f32::INFINITY,
        1.0,
        3.0,
        f32::NEG_INFINITY,
        1e30,
        2.0,
    ];
    let edges = path(4);
    let mut layout = ForceLayout::new(4, &edges, Some(&start), seeded(1)).unwrap();
    assert!(all_finite(layout.positions()));
    settles_to_lower_stress(&mut layout, &edges, 300);
}

#[test]
fn bad_edge_update_leaves_the_layout_unchanged() {
    let mut layout = ForceLayout::new(4, &path(4), None, seeded(1)).unwrap();
    let err = layout.set_edges(&[0, 9], 1.0).unwrap_err();
    assert_eq!(
        err,
        LayoutError::EdgeOutOfRange {
            edge: 0,
            node: 9,
            node_count: 4
        }
    );
    let fresh = settled(4, &path(4), seeded(1));
    layout.step(300);
    assert_eq!(layout.positions(), fresh.positions());
}

#[test]
fn per_node_arrays_of_the_wrong_length_name_their_field() {
    let mut layout = ForceLayout::new(4, &[], None, seeded(1)).unwrap();
    let err = layout.set_radii(&[1.0; 3]).unwrap_err();
    assert_eq!(
        err,
        LayoutError::LengthMismatch {
            field: "radii",
            expected: 4,
            got: 3
        }
    );
    let err = layout.set_weights(&[1.0; 5]).unwrap_err();
    assert!(err.to_string().starts_with("weights:"), "{err}");
}

// ---------- quality ----------

#[test]
fn stress_on_a_grid_decreases_versus_a_random_start() {
    let edges = grid(12);
    let mut dice = Dice(11);
    let start: Vec<f32> = (0..2 * 144).map(|_| dice.below(400) as f32).collect();
    let before = stress(&start, 144, &edges, 144, 1);
    let mut layout = ForceLayout::new(144, &edges, Some(&start), seeded(1)).unwrap();
    layout.step(300);
    let after = stress(layout.positions(), 144, &edges, 144, 1);
    assert!(after < 0.5 * before, "stress {before} -> {after}");
}

#[test]
fn stress_of_a_path_drawn_on_a_line_is_zero_at_any_scale() {
    let line: Vec<f32> = (0..10).flat_map(|i| [i as f32 * 7.0, 3.0]).collect();
    assert!(stress(&line, 10, &path(10), 10, 1) < 1e-12);
    let folded: Vec<f32> = (0..10).flat_map(|i| [(i % 2) as f32, 0.0]).collect();
    assert!(stress(&folded, 10, &path(10), 10, 1) > 0.3);
}

#[test]
fn stress_skips_disconnected_pairs_and_short_positions() {
    let xy = [0.0, 0.0, 1.0, 0.0, 500.0, 500.0, 501.0, 500.0];
    assert!(stress(&xy, 4, &[0, 1, 2, 3], 4, 1) < 1e-12);
    assert_eq!(stress(&xy, 4, &[], 4, 1), 0.0);
    assert!(stress(&xy[..6], 4, &[0, 1], 4, 1).is_nan());
}

// ---------- ego rings ----------

#[test]
fn radial_puts_each_hop_on_its_ring_and_strangers_outside() {
    // 0 - 1, 2 ; 1 - 3, 4 ; 2 - 5 ; node 6 unreachable
    let edges = [0, 1, 0, 2, 1, 3, 1, 4, 2, 5];
    let xy = radial(7, &edges, 0, 50.0).unwrap();
    let r = |v: usize| xy[2 * v].hypot(xy[2 * v + 1]);
    assert_eq!((xy[0], xy[1]), (0.0, 0.0));
    for (v, ring) in [(1, 1.0), (2, 1.0), (3, 2.0), (4, 2.0), (5, 2.0), (6, 3.0)] {
        assert!(
            (r(v) - 50.0 * ring).abs() < 1e-3,
            "node {v} at radius {}",
            r(v)
        );
    }
}

#[test]
fn radial_keeps_children_next_to_their_parent() {
    // hub 0 with four children, each with three grandchildren
    let mut edges = vec![];
    for c in 1..=4u32 {
        edges.extend([0, c]);
        for g in 0..3 {
            edges.extend([c, 5 + (c - 1) * 3 + g]);
        }
    }
    let xy = radial(17, &edges, 0, 1.0).unwrap();
    let angle = |v: usize| xy[2 * v + 1].atan2(xy[2 * v]);
    let gap = |a: f32, b: f32| (a - b).sin().atan2((a - b).cos()).abs();
    for c in 1..=4usize {
        for g in 0..3 {
            let grandchild = 5 + (c - 1) * 3 + g;
            let nearest = (1..=4).min_by(|&a, &b| {
                gap(angle(grandchild), angle(a)).total_cmp(&gap(angle(grandchild), angle(b)))
            });
            assert_eq!(
                nearest,
                Some(c),
                "grandchild {grandchild} strays from parent {c}"
            );
        }
    }
}

#[test]
fn radial_rejects_a_missing_centre() {
    let err = radial(3, &[0, 1], 3, 10.0).unwrap_err();
    assert_eq!(
        err,
        LayoutError::CentreOutOfRange {
            centre: 3,
            node_count: 3
        }
    );
    assert!(radial(0, &[], 0, 10.0).is_err());
    assert!(matches!(
        radial(2, &[0, 4], 0, 1.0),
        Err(LayoutError::EdgeOutOfRange { .. })
    ));
}

// ---------- map ----------

#[test]
fn equal_earth_maps_the_origin_to_the_origin() {
    assert_eq!(equal_earth(0.0, 0.0), (0.0, 0.0));
}

#[test]
fn equal_earth_is_symmetric_and_y_points_down() {
    let (x, y) = equal_earth(40.0, 30.0);
    assert_eq!(equal_earth(-40.0, 30.0), (-x, y));
    assert_eq!(equal_earth(40.0, -30.0), (x, -y));
    assert!(
        x > 0.0 && y < 0.0,
        "north should be up on screen (negative y)"
    );
}

#[test]
fn equal_earth_matches_reference_values() {
    // d3-geo's geoEqualEarthRaw evaluated at these points; the frame is π/(M·A1) ≈ 2.70663
    // wide per side and ≈ 1.31736 high per side (the paper's 2.05:1 aspect ratio).
    let close = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9;
    assert!(close(equal_earth(180.0, 0.0), (2.706_629_983_696_075, 0.0)));
    assert!(close(
        equal_earth(0.0, 90.0),
        (0.0, -1.317_362_759_157_413_3)
    ));
    assert!(close(
        equal_earth(10.0, 45.0),
        (0.128_872_722_123_753_74, -0.860_231_085_522_010_2)
    ));
    assert!(close(
        equal_earth(-74.0, 40.7),
        (-0.981_862_090_157_624_4, -0.786_841_444_199_297_2)
    ));
    assert!(close(equal_earth(400.0, 10.0), equal_earth(40.0, 10.0)));
}

#[test]
fn geographic_honours_the_minimum_separation() {
    // Paris three times, Brussels, Amsterdam, and far-away Tokyo
    let cities = [
        (2.35, 48.86),
        (2.35, 48.86),
        (2.35, 48.86),
        (4.35, 50.85),
        (4.90, 52.37),
        (139.69, 35.69),
    ];
    let xy = geographic(&cities, 100.0, 12.0);
    assert_eq!(xy.len(), 12);
    assert!(
        min_distance(&xy) >= 12.0 * 0.999,
        "closest {}",
        min_distance(&xy)
    );
    let (tx, ty) = equal_earth(139.69, 35.69);
    assert_eq!((xy[10], xy[11]), ((tx * 100.0) as f32, (ty * 100.0) as f32));
    assert_eq!(xy, geographic(&cities, 100.0, 12.0));
}

/// `n` seeded places spread over the inhabited latitudes.
fn random_places(n: usize, seed: u64) -> Vec<(f64, f64)> {
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|_| (next() * 340.0 - 170.0, next() * 140.0 - 70.0))
        .collect()
}

#[test]
fn geographic_separates_thousands_of_places_where_there_is_room() {
    // 2,000 places over a world about 540 × 260 units: room for a gap of 3.
    let places = random_places(2_000, 5);
    let xy = geographic(&places, 100.0, 3.0);
    assert_eq!(xy.len(), 4_000);
    assert!(
        min_distance(&xy) >= 3.0 * 0.999,
        "closest {}",
        min_distance(&xy)
    );
    // Only the crowded ones moved, and not far.
    let projected: Vec<f32> = project_lon_lat(
        &places
            .iter()
            .flat_map(|&(lon, lat)| [lon as f32, lat as f32])
            .collect::<Vec<_>>(),
        100.0,
    );
    assert!(mean_displacement(&xy, &projected) < 3.0);
    assert_eq!(xy, geographic(&places, 100.0, 3.0));
}

#[test]
fn geographic_stops_on_input_with_no_room_for_the_separation() {
    // 5,000 actors on one capital, and 20,000 over a world with no room for the gap (the map's
    // own scale and separation): each gives up after its work limit instead of running for
    // minutes, with finite, repeatable positions that have moved apart.
    let capital = vec![(73.05, 33.68); 5_000];
    let xy = geographic(&capital, 320.0, 34.0);
    assert_eq!(xy.len(), 10_000);
    assert!(xy.iter().all(|v| v.is_finite()));
    let spread = xy
        .chunks_exact(2)
        .map(|p| (p[0] - xy[0]).hypot(p[1] - xy[1]))
        .fold(0.0f32, f32::max);
    assert!(spread > 340.0, "spread {spread}");
    assert_eq!(xy, geographic(&capital, 320.0, 34.0));
    let crowded = random_places(20_000, 9);
    let xy = geographic(&crowded, 320.0, 34.0);
    assert_eq!(xy.len(), 40_000);
    assert!(xy.iter().all(|v| v.is_finite()));
}

// ---------- timing ----------

/// `cargo test --release --test layout -- --ignored --nocapture ten_thousand`
#[test]
#[ignore]
fn ten_thousand_node_random_graph_timing() {
    let edges = random_graph(10_000, 20_000, 7);
    let mut layout = ForceLayout::new(10_000, &edges, None, seeded(1)).unwrap();
    let start = std::time::Instant::now();
    layout.step(300);
    let elapsed = start.elapsed();
    println!(
        "300 ticks, 10k nodes / 20k edges: {elapsed:?} ({:?}/tick)",
        elapsed / 300
    );
    assert!(all_finite(layout.positions()));
}

#[test]
#[ignore]
fn fifty_thousand_node_random_graph_timing() {
    let edges = random_graph(50_000, 100_000, 7);
    let mut layout = ForceLayout::new(50_000, &edges, None, seeded(1)).unwrap();
    let start = std::time::Instant::now();
    layout.step(100);
    let elapsed = start.elapsed();
    println!(
        "100 ticks, 50k nodes / 100k edges: {elapsed:?} ({:?}/tick)",
        elapsed / 100
    );
}

// ---------- multilevel, set_positions, coastline projection ----------

#[test]
fn multilevel_start_is_deterministic_finite_and_already_cool() {
    let edges = random_graph(3000, 6000, 11);
    let build = || {
        let mut layout = multilevel::build(3000, &edges, seeded(4)).unwrap();
        assert!(layout.alpha() <= multilevel::REFINE_ALPHA);
        layout.step(500);
        layout.positions().to_vec()
    };
    let a = build();
    assert!(all_finite(&a));
    assert_eq!(a, build(), "same seed, same picture");
}

#[test]
fn multilevel_lays_out_a_grid_with_lower_stress_than_a_plain_run_of_the_same_ticks() {
    let edges = grid(40);
    let mut plain = ForceLayout::new(1600, &edges, None, seeded(1)).unwrap();
    plain.step(80);
    let mut multi = multilevel::build(1600, &edges, seeded(1)).unwrap();
    multi.step(80);
    let (p, m) = (
        stress(plain.positions(), 1600, &edges, 100, 1),
        stress(multi.positions(), 1600, &edges, 100, 1),
    );
    assert!(m < p, "multilevel {m} vs plain {p}");
}

#[test]
fn multilevel_rejects_bad_edges_and_handles_tiny_and_edgeless_graphs() {
    assert!(matches!(
        multilevel::build(3, &[0, 7], ForceOptions::default()),
        Err(LayoutError::EdgeOutOfRange { node: 7, .. })
    ));
    for n in [0usize, 1, 500] {
        let mut layout = multilevel::build(n, &[], ForceOptions::default()).unwrap();
        layout.step(20);
        assert!(all_finite(layout.positions()));
        assert_eq!(layout.node_count(), n);
    }
    // Tiny graphs with edges: the refinement lowers the stress of the coarse start.
    // (Two nodes have no stress to lower: any distance between them is right.)
    for n in [3u32, 5, 8] {
        let edges = path(n);
        let mut layout = multilevel::build(n as usize, &edges, seeded(2)).unwrap();
        layout.set_alpha(1.0);
        let before = stress_of(&layout, &edges);
        layout.step(300);
        let after = stress_of(&layout, &edges);
        assert!(all_finite(layout.positions()));
        assert!(after < before, "{n} nodes: stress {before} -> {after}");
    }
}

#[test]
fn set_positions_shows_a_picture_keeps_pins_and_rejects_a_wrong_length() {
    let mut layout = ForceLayout::new(3, &path(3), None, seeded(1)).unwrap();
    layout.pin(1, 5.0, 5.0);
    layout
        .set_positions(&[1.0, 2.0, 30.0, 40.0, f32::NAN, 6.0])
        .unwrap();
    let p = layout.positions().to_vec();
    assert_eq!(&p[..4], &[1.0, 2.0, 30.0, 40.0]);
    assert!(
        p[4].is_finite(),
        "a NaN coordinate keeps the node where it was"
    );
    layout.step(20);
    assert_eq!(
        &layout.positions()[2..4],
        &[30.0, 40.0],
        "the pin moved with it"
    );
    assert!(matches!(
        layout.set_positions(&[0.0; 5]),
        Err(LayoutError::PositionsLength {
            expected: 6,
            got: 5
        })
    ));
    assert_eq!(&layout.positions()[2..4], &[30.0, 40.0]);
}

#[test]
fn coastline_rings_project_like_single_points() {
    let ring = [73.05f32, 33.68, -77.04, 38.91, 0.0, 0.0];
    let xy = project_lon_lat(&ring, 100.0);
    assert_eq!(xy.len(), 6);
    for k in 0..3 {
        let (x, y) = equal_earth(f64::from(ring[2 * k]), f64::from(ring[2 * k + 1]));
        assert!((f64::from(xy[2 * k]) - 100.0 * x).abs() < 1e-3);
        assert!((f64::from(xy[2 * k + 1]) - 100.0 * y).abs() < 1e-3);
    }
}

#[test]
fn refine_lowers_the_stress_of_a_settled_layout_and_keeps_pins() {
    let edges = graphs::clusters();
    let plain = settled(360, &edges, seeded(3));
    let mut refined = ForceLayout::new(360, &edges, None, seeded(3)).unwrap();
    refine::enable(&mut refined, Refinement::default());
    refined.pin(7, 40.0, -20.0);
    while refined.step(50) {}
    let (a, b) = (stress_of(&plain, &edges), stress_of(&refined, &edges));
    assert!(all_finite(refined.positions()));
    assert!(
        b < 0.9 * a,
        "stress {a} without the refinement, {b} with it"
    );
    assert_eq!(&refined.positions()[14..16], &[40.0, -20.0]);
}

/// `cargo test --release --test layout -- --ignored --nocapture map_spreading`
#[test]
#[ignore]
fn map_spreading_timing() {
    for (name, places) in [
        ("5,000 random", random_places(5_000, 3)),
        ("50,000 random", random_places(50_000, 3)),
        ("2,000 on one capital", vec![(73.05, 33.68); 2_000]),
    ] {
        let start = std::time::Instant::now();
        let xy = geographic(&places, 320.0, 34.0);
        println!("{name}: {:?}", start.elapsed());
        assert!(xy.iter().all(|v| v.is_finite()));
    }
}
