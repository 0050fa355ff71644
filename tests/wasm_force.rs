//! The standalone `ForceLayout` class in headless Chromium: options, steps, pins, bad input as JS `Error`s.
#![cfg(target_arch = "wasm32")]

mod graphs;

use entente::wasm::force::{layout_stress, JsForceLayout};
use js_sys::{Error, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn message_of(err: wasm_bindgen::JsError) -> String {
    let value = JsValue::from(err);
    let error: &Error = value.dyn_ref().expect("a JS Error object");
    String::from(error.message())
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

/// A ring of `n` nodes with one chord per ten.
fn ring(n: u32) -> Vec<u32> {
    let mut e: Vec<u32> = (0..n).flat_map(|i| [i, (i + 1) % n]).collect();
    e.extend((0..n).step_by(10).flat_map(|i| [i, (i + n / 2) % n]));
    e
}

#[wasm_bindgen_test]
fn same_seed_gives_identical_positions_and_another_seed_differs() {
    let run = |seed: f64| {
        let o = options(&[("seed", seed.into()), ("charge", (-40.0).into())]);
        let mut l = JsForceLayout::new(200.0, &ring(200), None, o).unwrap();
        l.step(120.0).unwrap();
        l.positions()
    };
    let a = run(3.0);
    assert!(a.iter().all(|v| v.is_finite()));
    assert_eq!(a, run(3.0));
    assert_ne!(a, run(4.0));
}

#[wasm_bindgen_test]
fn steps_lower_stress_and_cool_down() {
    let edges = ring(300);
    let mut l = JsForceLayout::new(300.0, &edges, None, JsValue::UNDEFINED).unwrap();
    let before = layout_stress(&l.positions(), 300, &edges, 50, 1).unwrap();
    let moving = l.step(1000.0).unwrap();
    let after = layout_stress(&l.positions(), 300, &edges, 50, 1).unwrap();
    assert!(!moving, "cooled after d3's 300 ticks");
    assert!(l.alpha() < 0.001);
    assert!(after < before * 0.7, "stress {before} -> {after}");
}

#[wasm_bindgen_test]
fn multilevel_start_gives_a_finite_layout_of_every_node() {
    let edges = ring(2000);
    let o = options(&[("multilevel", true.into())]);
    let mut l = JsForceLayout::new(2000.0, &edges, None, o).unwrap();
    assert_eq!(l.node_count(), 2000);
    assert!(l.alpha() <= 0.3 + 1e-6);
    l.step(100.0).unwrap();
    assert!(l.positions().iter().all(|v| v.is_finite()));
    let s = layout_stress(&l.positions(), 2000, &edges, 50, 1).unwrap();
    assert!(s < 0.5, "stress {s}");
    // Lower than the seeded spiral a plain layout starts from.
    let spiral = JsForceLayout::new(2000.0, &edges, None, JsValue::UNDEFINED).unwrap();
    let start = layout_stress(&spiral.positions(), 2000, &edges, 50, 1).unwrap();
    assert!(s < start, "stress {start} -> {s}");
}

#[wasm_bindgen_test]
fn a_pinned_node_stays_put_and_unpinning_frees_it() {
    let mut l = JsForceLayout::new(50.0, &ring(50), None, JsValue::UNDEFINED).unwrap();
    l.pin(7, 123.0, -45.0).unwrap();
    l.step(50.0).unwrap();
    let p = l.positions();
    assert_eq!((p[14], p[15]), (123.0, -45.0));
    assert!(l.is_pinned(7));
    l.unpin(7).unwrap();
    l.set_alpha(1.0).unwrap();
    l.step(50.0).unwrap();
    assert!(!l.is_pinned(7));
    assert_ne!(l.positions()[14], 123.0);
}

#[wasm_bindgen_test]
fn warm_start_keeps_positions_when_edges_change() {
    let mut l = JsForceLayout::new(100.0, &ring(100), None, JsValue::UNDEFINED).unwrap();
    l.step(300.0).unwrap();
    let before = l.positions();
    l.set_edges(&ring(100)[..180], 0.1).unwrap();
    l.step(5.0).unwrap();
    let after = l.positions();
    let moved: f32 = before
        .iter()
        .zip(&after)
        .map(|(a, b)| (a - b).abs())
        .sum::<f32>()
        / 200.0;
    assert!(moved < 5.0, "mean move {moved}");
}

#[wasm_bindgen_test]
fn bad_input_is_a_js_error_with_a_message() {
    let err = |r: Result<JsForceLayout, wasm_bindgen::JsError>| message_of(r.unwrap_err());
    let none = || JsValue::UNDEFINED;
    let msg = err(JsForceLayout::new(3.0, &[0, 1, 1, 5], None, none()));
    assert_eq!(
        msg,
        "edge 1: node 5 is out of range (the graph has 3 nodes)"
    );
    let msg = err(JsForceLayout::new(3.0, &[0, 1, 2], None, none()));
    assert!(msg.contains("odd length 3"), "{msg}");
    let msg = err(JsForceLayout::new(3.0, &[], Some(vec![0.0; 5]), none()));
    assert!(msg.contains("expected 6 values"), "{msg}");
    let msg = err(JsForceLayout::new(f64::NAN, &[], None, none()));
    assert!(msg.contains("nodeCount"), "{msg}");
    let msg = err(JsForceLayout::new(
        3.0,
        &[],
        None,
        options(&[("charge", f64::NAN.into())]),
    ));
    assert_eq!(msg, "options.charge must be a finite number, got NaN");
    let msg = err(JsForceLayout::new(
        3.0,
        &[],
        None,
        options(&[("strength", 1.0.into())]),
    ));
    assert!(
        msg.starts_with("options.strength is not an option (known: seed, linkDistance,"),
        "{msg}"
    );
    assert!(
        msg.ends_with("multilevel, refine, refineAtOnce, polishTicks, polishAnchor)"),
        "{msg}"
    );
    let msg = err(JsForceLayout::new(
        3.0,
        &[],
        None,
        options(&[("theta", "fast".into())]),
    ));
    assert_eq!(msg, "options.theta must be a number, got string");
    let bad = |pairs: &[(&str, JsValue)]| err(JsForceLayout::new(3.0, &[], None, options(pairs)));
    assert_eq!(
        bad(&[("gravity", js_sys::Array::new().into())]),
        "options.gravity must be a number, got object"
    );
    assert_eq!(
        bad(&[("alphaMin", true.into())]),
        "options.alphaMin must be a number, got boolean"
    );
    assert_eq!(
        bad(&[("collideRadius", f64::INFINITY.into())]),
        "options.collideRadius must be a finite number, got inf"
    );
    assert_eq!(
        bad(&[("polishTicks", 2.5.into())]),
        "options.polishTicks must be a whole number from 0 to 10000, got 2.5"
    );
    assert_eq!(
        bad(&[("polishAnchor", (-0.5).into())]),
        "options.polishAnchor must be a number from 0 to 1000000, got -0.5"
    );
    assert_eq!(
        bad(&[("multilevel", "yes".into())]),
        "options.multilevel must be true or false"
    );
    assert_eq!(
        bad(&[("refineAtOnce", 1.0.into())]),
        "options.refineAtOnce must be true or false"
    );
    assert_eq!(
        bad(&[("seed", 1.5.into())]),
        "options.seed must be an integer from 0 to 4294967295, got 1.5"
    );
    // Correct fields before a wrong one do not hide it.
    assert_eq!(
        bad(&[("seed", 2.0.into()), ("Charge", (-30.0).into())])
            .split(" (")
            .next()
            .unwrap(),
        "options.Charge is not an option"
    );
    let msg = err(JsForceLayout::new(3.0, &[], None, 5.into()));
    assert!(msg.starts_with("options must be an object"), "{msg}");
    // Every known field is read (a wrong value in each names it).
    for name in [
        "seed",
        "linkDistance",
        "linkStrength",
        "charge",
        "theta",
        "gravity",
        "alpha",
        "alphaMin",
        "alphaDecay",
        "alphaTarget",
        "velocityDecay",
        "collideRadius",
    ] {
        assert_eq!(
            bad(&[(name, "x".into())]),
            format!("options.{name} must be a number, got string")
        );
    }

    let mut l = JsForceLayout::new(3.0, &[0, 1], None, none()).unwrap();
    assert!(message_of(l.pin(3, 0.0, 0.0).unwrap_err()).contains("node 3 is out of range"));
    assert!(message_of(l.pin(0, f64::INFINITY, 0.0).unwrap_err()).contains("finite"));
    assert!(message_of(l.step(-1.0).unwrap_err()).contains("whole number"));
    assert!(message_of(l.set_edges(&[0, 9], 0.5).unwrap_err()).contains("node 9"));
    assert!(message_of(l.set_radii(&[1.0]).unwrap_err()).contains("radii"));
    assert!(message_of(layout_stress(&[0.0], 3, &[], 1, 1).unwrap_err()).contains("positions"));
}

#[wasm_bindgen_test]
fn empty_single_self_loop_duplicate_and_non_finite_inputs_stay_finite() {
    let mut empty = JsForceLayout::new(0.0, &[], None, JsValue::UNDEFINED).unwrap();
    assert_eq!((empty.node_count(), empty.positions()), (0, vec![]));
    // An empty graph still runs its clock: warm after 10 ticks, cooled after 300 more.
    assert!(empty.step(10.0).unwrap(), "still moving after 10 ticks");
    assert!(empty.alpha() < 1.0);
    assert!(!empty.step(1000.0).unwrap(), "cooled");
    assert!(empty.positions().is_empty());
    let mut one = JsForceLayout::new(1.0, &[0, 0], None, JsValue::UNDEFINED).unwrap();
    one.step(10.0).unwrap();
    assert!(one.positions().iter().all(|v| v.is_finite()));
    let start = vec![f32::NAN, 0.0, f32::INFINITY, 1.0, 0.0, 0.0, 0.0, 0.0];
    let edges = [0, 1, 0, 1, 1, 1, 2, 3];
    let mut l = JsForceLayout::new(4.0, &edges, Some(start), JsValue::UNDEFINED).unwrap();
    let before = layout_stress(&l.positions(), 4, &edges, 4, 1).unwrap();
    l.step(300.0).unwrap();
    assert!(l.positions().iter().all(|v| v.is_finite()));
    let after = layout_stress(&l.positions(), 4, &edges, 4, 1).unwrap();
    assert!(after < before, "stress {before} -> {after}");
}

#[wasm_bindgen_test]
fn refined_at_once_the_multilevel_start_rests_with_less_stress() {
    let edges = graphs::clusters();
    let start = JsForceLayout::new(
        360.0,
        &edges,
        None,
        options(&[("multilevel", true.into()), ("refine", false.into())]),
    )
    .unwrap();
    let mut quick = JsForceLayout::new(
        360.0,
        &edges,
        None,
        options(&[
            ("multilevel", true.into()),
            ("refineAtOnce", true.into()),
            ("polishTicks", 0.0.into()),
        ]),
    )
    .unwrap();
    let before = layout_stress(&start.positions(), 360, &edges, 360, 1).unwrap();
    let refined = quick.positions();
    let after = layout_stress(&refined, 360, &edges, 360, 1).unwrap();
    assert!(after < 0.9 * before, "stress {before} -> {after}");
    assert!(!quick.step(10.0).unwrap(), "at rest once refined");
    assert_eq!(quick.positions(), refined);
}

#[wasm_bindgen_test]
fn anchors_hold_a_warm_run_and_bad_anchors_are_refused_with_the_layout_unchanged() {
    let edges = ring(120);
    let mut cooled = JsForceLayout::new(120.0, &edges, None, JsValue::UNDEFINED).unwrap();
    while cooled.step(50.0).unwrap() {}
    let start = cooled.positions();
    // The same picture run warm, with and without anchors where each node is.
    let warm = |anchor: f64| {
        let o = options(&[("alpha", 0.3.into())]);
        let mut l = JsForceLayout::new(120.0, &edges, Some(start.clone()), o).unwrap();
        l.pin(0, (start[0] + 200.0).into(), start[1].into())
            .unwrap();
        if anchor > 0.0 {
            l.set_anchors(None, anchor).unwrap();
            // Anchored where each node was given, the pinned one where its pin put it.
            let mut want = start.clone();
            want[0] = (f64::from(start[0]) + 200.0) as f32;
            assert_eq!(l.anchors(), want);
            assert_eq!(l.anchor_strength(), anchor as f32);
        }
        while l.step(50.0).unwrap() {}
        let p = l.positions();
        // How far the node opposite the pulled one went.
        (p[120] - start[120]).hypot(p[121] - start[121])
    };
    let (free, held) = (warm(0.0), warm(1.0));
    assert!(
        held < 0.5 * free,
        "the far node moved {free} free, {held} anchored"
    );

    let mut l = JsForceLayout::new(120.0, &edges, Some(start.clone()), JsValue::UNDEFINED).unwrap();
    l.set_anchors(None, 0.5).unwrap();
    let msg = message_of(l.set_anchors(Some(vec![0.0; 7]), 0.5).unwrap_err());
    assert_eq!(msg, "anchors: expected 240 values (x,y per node), got 7");
    let msg = message_of(l.set_anchors(None, f64::NAN).unwrap_err());
    assert_eq!(msg, "setAnchors: expected a finite number ≥ 0, got NaN");
    assert_eq!(l.anchors(), start, "unchanged by a refused call");
    // Targets given, NaN where the node's own place stays; strength 0 removes them.
    let mut targets = vec![f32::NAN; 240];
    targets[0] = 5.0;
    targets[1] = -5.0;
    l.set_anchors(Some(targets), 0.5).unwrap();
    assert_eq!(&l.anchors()[..4], &[5.0, -5.0, start[2], start[3]]);
    l.set_anchors(None, 0.0).unwrap();
    assert!(l.anchors().is_empty());
    assert_eq!(l.anchor_strength(), 0.0);
}

#[wasm_bindgen_test]
fn the_refinement_anchors_the_layout_to_its_refined_picture_unless_polish_anchor_is_0() {
    let edges = graphs::clusters();
    let run = |pairs: &[(&str, JsValue)]| {
        let mut l = JsForceLayout::new(360.0, &edges, None, options(pairs)).unwrap();
        while l.step(50.0).unwrap() {}
        l
    };
    let anchored = run(&[("multilevel", true.into())]);
    assert_eq!(anchored.anchor_strength(), 0.3);
    assert_eq!(anchored.anchors().len(), 720);
    let free = run(&[("multilevel", true.into()), ("polishAnchor", 0.0.into())]);
    assert_eq!(free.anchor_strength(), 0.0);
    assert!(free.anchors().is_empty());
    let (a, f) = (
        layout_stress(&anchored.positions(), 360, &edges, 360, 1).unwrap(),
        layout_stress(&free.positions(), 360, &edges, 360, 1).unwrap(),
    );
    assert!(a < f, "stress {a} anchored, {f} with a free polish");
}
