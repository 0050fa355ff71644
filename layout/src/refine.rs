//! What a [`ForceLayout`] does once its forces have cooled, when [`enable`] asked for it: sparse
//! stress majorization ([`majorize::refine`]), then a short polish by the same forces with every
//! node anchored to its refined place ([`Refinement::anchor`]), so that the final picture is
//! where the forces and the anchors balance, close to the refined one.
//!
//! A refined picture is not where the forces alone rest: without the polish and the anchors,
//! every later warm run (a drag, an edit) pulled every node back toward the forces' own picture.
//! A free polish (no anchors) ends there itself, and gives back a third to a half of the
//! refinement's gain in stress; the anchors keep it, and keep holding through later warm runs.
//!
//! The page's core module never calls [`enable`], so none of this code is in it; the
//! large-graph worker's module (`ForceLayout` with `refine`) and the native benchmarks do.

use super::force::ForceLayout;
use super::majorize;
use super::quality::{stress, Sampled};

/// Breadth-first sources of the sampled stress that decides whether a refinement is kept.
const SAMPLES: usize = 40;

/// How a layout is refined after it cools; [`Default`] is what the page's worker uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Refinement {
    /// Pivots of the majorization; `None` is [`majorize::pivots_for`] the node count.
    pub pivots: Option<usize>,
    /// Most rounds of the majorization; `None` is [`majorize::rounds_for`] the node count
    /// and pivots. Fewer run when the sampled stress stops falling.
    pub rounds: Option<u32>,
    /// Temperature the polish starts at (0 skips the polish).
    pub polish_alpha: f32,
    /// Ticks the polish takes to cool from `polish_alpha` to the layout's `alpha_min`.
    pub polish_ticks: u32,
    /// Refine at once, from the positions the layout starts from (a multilevel start), instead
    /// of once the forces have cooled it; without a polish the layout then rests there. On the
    /// benchmark's 10,000-node graphs this reaches sfdp's stress in under a tenth of sfdp's
    /// time (README, "Layout benchmark"). Only the start is refined at once: after new edges,
    /// the next cooling is refined (with the same early stop) once the forces cool it.
    pub at_once: bool,
    /// Ties every node to the refined picture ([`ForceLayout::set_anchors`]) by a spring of this
    /// strength for the polish and after it, so that the polished picture rests near the refined
    /// one and a later warm run (a drag, new edges) holds it there; 0: a free polish, which ends
    /// where the forces alone rest, and no anchors.
    pub anchor: f32,
}

impl Default for Refinement {
    fn default() -> Self {
        Self {
            pivots: None,
            rounds: None,
            polish_alpha: POLISH_ALPHA,
            polish_ticks: POLISH_TICKS,
            at_once: false,
            anchor: POLISH_ANCHOR,
        }
    }
}

/// Default temperature of the polish (two thirds of the multilevel start's): warm enough
/// that 250 ticks bring the refined picture to where its forces balance (with the anchors, a
/// later warm run moves the median node less than after the plain layout).
pub const POLISH_ALPHA: f32 = 0.2;
/// Default length of the polish in ticks.
pub const POLISH_TICKS: u32 = 250;
/// Default strength of the anchors that hold the polish near the refined picture. On the
/// benchmark's graphs (README, "Layout benchmark") 0.3 keeps enough of the refinement's gain
/// for the final stress to beat every peer's, 0.2 only just: a free polish (0) gives back a
/// third to a half of the gain. The pull is per unit of distance and of alpha, like a spring
/// to a leaf of strength 0.3 (d3's springs: 1 / the smaller degree of their two ends).
pub const POLISH_ANCHOR: f32 = 0.3;

/// Where the refinement of one cooling stands.
#[derive(Debug, Clone, Default)]
pub(crate) enum Stage {
    /// Not asked for ([`enable`] not called).
    #[default]
    Off,
    /// Waiting for the forces to cool.
    Waiting(Refinement),
    /// Refined; the forces polish it. Keeps the cooled picture before the refinement and its
    /// sampled stress, the alpha decay to give back, and the settings for a later cooling.
    Polishing {
        settings: Refinement,
        before: Vec<f32>,
        before_stress: f64,
        decay: f32,
    },
    /// Done until the edges change ([`ForceLayout::set_edges`] waits again).
    Done(Refinement),
}

impl Stage {
    /// Back to waiting after the edges changed (a filter): the next cooling is refined again.
    /// Returns the alpha decay to give back when a polish was running.
    pub(crate) fn rearm(&mut self) -> Option<f32> {
        let (stage, decay) = match std::mem::take(self) {
            Stage::Off => (Stage::Off, None),
            Stage::Waiting(s) | Stage::Done(s) => (Stage::Waiting(s), None),
            Stage::Polishing {
                settings, decay, ..
            } => (Stage::Waiting(settings), Some(decay)),
        };
        *self = stage;
        decay
    }
}

/// Asks `layout` to refine itself each time it first cools (and again after
/// [`ForceLayout::set_edges`]): majorization, kept only if its sampled stress is lower, then
/// `settings.polish_ticks` ticks of the same forces from `settings.polish_alpha`; if the polished
/// picture's sampled stress is not below the unrefined one's, the unrefined picture comes back.
/// With `settings.at_once`, the first refinement runs here, on the positions the layout has now.
/// Pinned nodes stay where they are pinned throughout.
pub fn enable(layout: &mut ForceLayout, settings: Refinement) {
    if settings.at_once {
        layout.set_after_cooling(after_cooling, Stage::Off);
        start(layout, settings);
    } else {
        layout.set_after_cooling(after_cooling, Stage::Waiting(settings));
    }
}

/// Called by [`ForceLayout::step`] whenever the layout is found cooled.
fn after_cooling(layout: &mut ForceLayout) {
    match layout.take_stage() {
        Stage::Waiting(settings) => start(layout, settings),
        Stage::Polishing {
            settings,
            before,
            before_stress,
            decay,
        } => {
            layout.set_alpha_decay(decay);
            if sampled(layout, layout.positions()) >= before_stress {
                layout.restore(&before);
                anchor(layout, &settings);
            }
            layout.put_stage(Stage::Done(settings));
        }
        other => layout.put_stage(other),
    }
}

/// Sampled stress of `xy` over the layout's springs.
fn sampled(layout: &ForceLayout, xy: &[f32]) -> f64 {
    let edges = layout.spring_edges();
    stress(xy, layout.node_count(), &edges, SAMPLES, layout.seed())
}

/// Anchors every node where it is now, when `settings` asks for anchors.
fn anchor(layout: &mut ForceLayout, settings: &Refinement) {
    if settings.anchor > 0.0 {
        // No targets given: nothing to check, nothing to fail.
        let _ = layout.set_anchors(None, settings.anchor);
    }
}

/// Rounds between two checks of the drawing's sampled stress.
const SLICE: u32 = 5;
/// Refining at once ([`Refinement::at_once`]), the rounds stop after the first slice whose
/// sampled stress falls by less than this fraction (or rises): on the benchmark's clustered
/// 10,000-node graph the next 30 rounds would lower it by a further 3 % at three times the cost.
const AT_ONCE_GAIN: f64 = 0.02;

fn start(layout: &mut ForceLayout, settings: Refinement) {
    let n = layout.node_count();
    let edges = layout.spring_edges();
    let before = layout.positions().to_vec();
    // The searches of the sampled stress once, for every check of this refinement.
    let sampler = Sampled::new(n, &edges, SAMPLES, layout.seed());
    let before_stress = sampler.stress(&before);
    let pivots = settings.pivots.unwrap_or_else(|| majorize::pivots_for(n));
    let rounds = settings
        .rounds
        .unwrap_or_else(|| majorize::rounds_for(n, pivots));
    let Some(sparse) = majorize::Sparse::new(&before, n, &edges, pivots, layout.seed()) else {
        layout.put_stage(Stage::Done(settings));
        return;
    };
    // The pivots' model is not the stress itself: on some graphs (preferential attachment)
    // the drawing's true stress is lowest after a few rounds and rises after. So the rounds
    // run in slices, the best drawing is kept, and two slices without a gain end it. Refining
    // at once, for speed, the first slice that gains less than `AT_ONCE_GAIN` ends it.
    let (mut xy, mut best, mut best_stress) = (before.clone(), None, before_stress);
    let (mut done, mut worse) = (0, 0);
    let patience = if settings.at_once { 1 } else { 2 };
    while done < rounds && worse < patience {
        let slice = SLICE.min(rounds - done);
        sparse.rounds(&mut xy, layout.pinned(), slice);
        done += slice;
        let s = sampler.stress(&xy);
        if s < best_stress {
            let enough = settings.at_once && s > best_stress * (1.0 - AT_ONCE_GAIN);
            (best, best_stress, worse) = (Some(xy.clone()), s, 0);
            if enough {
                break;
            }
        } else {
            worse += 1;
        }
    }
    let Some(xy) = best else {
        layout.put_stage(Stage::Done(settings));
        return;
    };
    layout.restore(&xy);
    anchor(layout, &settings);
    if settings.polish_alpha <= 0.0 || settings.polish_ticks == 0 {
        if settings.at_once {
            // Refined before the forces ran: they would pull it back toward their own picture.
            layout.set_alpha(0.0);
        }
        layout.put_stage(Stage::Done(settings));
        return;
    }
    let decay = layout.alpha_decay();
    let alpha = settings.polish_alpha;
    let polish_decay = 1.0 - (layout.alpha_min() / alpha).powf(1.0 / settings.polish_ticks as f32);
    if polish_decay > 0.0 && polish_decay <= 1.0 {
        layout.set_alpha(alpha);
        layout.set_alpha_decay(polish_decay);
        layout.put_stage(Stage::Polishing {
            settings,
            before,
            before_stress,
            decay,
        });
    } else {
        // A polish temperature at or below alpha_min: nothing to run.
        layout.put_stage(Stage::Done(settings));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::force::ForceOptions;

    /// 30 clusters of 12 on a ring: the forces leave much stress on it.
    fn clusters() -> Vec<u32> {
        let mut edges = vec![];
        for c in 0..30u32 {
            let base = c * 12;
            for v in 1..12 {
                edges.extend([base, base + v]);
                edges.extend([base + v - 1, base + v]);
            }
            edges.extend([base, ((c + 1) % 30) * 12 + 5]);
        }
        edges
    }

    /// The page's forces (`src/session.rs`), under which a refined picture is furthest from
    /// where they rest.
    fn page() -> ForceOptions {
        ForceOptions {
            link_distance: 90.0,
            charge: -260.0,
            gravity: 0.04,
            ..ForceOptions::default()
        }
    }

    fn cooled(settings: Option<Refinement>) -> ForceLayout {
        let mut layout = ForceLayout::new(360, &clusters(), None, page()).unwrap();
        if let Some(s) = settings {
            enable(&mut layout, s);
        }
        while layout.step(50) {}
        layout
    }

    fn stress_of(layout: &ForceLayout) -> f64 {
        stress(layout.positions(), 360, &clusters(), 360, 1)
    }

    /// Median distance the nodes move in a warm run of the same forces (an edit's: alpha
    /// 0.05, d3's decay), as a fraction of the picture's width. The warm run carries the
    /// layout's anchors, as the page's worker does across an edit.
    fn warm_move(layout: &ForceLayout) -> f32 {
        let start = layout.positions().to_vec();
        let options = ForceOptions {
            alpha: 0.05,
            ..page()
        };
        let mut warm = ForceLayout::new(360, &clusters(), Some(&start), options).unwrap();
        warm.set_anchors(
            Some(layout.anchors()).filter(|a| !a.is_empty()),
            layout.anchor_strength(),
        )
        .unwrap();
        while warm.step(50) {}
        median_move(&start, warm.positions())
    }

    /// Median distance the nodes move when the layout itself is warmed as for a drag (alpha
    /// 0.1, the page's worker), as a fraction of the picture's width.
    fn reheated_move(mut layout: ForceLayout) -> f32 {
        let start = layout.positions().to_vec();
        layout.set_alpha(0.1);
        while layout.step(50) {}
        median_move(&start, layout.positions())
    }

    fn median_move(start: &[f32], end: &[f32]) -> f32 {
        let mut moved: Vec<f32> = start
            .chunks_exact(2)
            .zip(end.chunks_exact(2))
            .map(|(a, b)| (a[0] - b[0]).hypot(a[1] - b[1]))
            .collect();
        moved.sort_by(f32::total_cmp);
        let xs = start.iter().step_by(2);
        let width =
            xs.clone().copied().fold(f32::MIN, f32::max) - xs.copied().fold(f32::MAX, f32::min);
        moved[moved.len() / 2] / width
    }

    #[test]
    fn the_polish_ends_at_rest_and_the_anchors_keep_more_of_the_refinement() {
        let plain = cooled(None);
        let bare = cooled(Some(Refinement {
            polish_ticks: 0,
            anchor: 0.0,
            ..Refinement::default()
        }));
        let free = cooled(Some(Refinement {
            anchor: 0.0,
            ..Refinement::default()
        }));
        let anchored = cooled(Some(Refinement::default()));
        assert!(free.anchors().is_empty());
        assert_eq!(anchored.anchor_strength(), POLISH_ANCHOR);
        let (p, b) = (stress_of(&plain), stress_of(&bare));
        let (q, a) = (stress_of(&free), stress_of(&anchored));
        // The refinement alone lowers the stress most; a free polish gives some of it back,
        // an anchored one less.
        assert!(b < 0.8 * p, "stress: plain {p}, refined {b}");
        assert!(
            q < p - 0.5 * (p - b),
            "stress: plain {p}, refined {b}, polished {q}"
        );
        assert!(a < q, "stress: free polish {q}, anchored {a}");
        // Without the polish the forces, run again, move the refined picture far; after a free
        // one, about as little as the plain layout; anchored, less still, carried to a new
        // layout (an edit) or warmed in place (a drag).
        let (mp, mb) = (warm_move(&plain), warm_move(&bare));
        let (mq, ma) = (warm_move(&free), warm_move(&anchored));
        assert!(mq < 0.5 * mb, "warm run moves: refined {mb}, polished {mq}");
        assert!(mq < 2.0 * mp, "warm run moves: plain {mp}, polished {mq}");
        assert!(
            ma < 0.25 * mq,
            "warm run moves: free polish {mq}, anchored {ma}"
        );
        let (rq, ra) = (reheated_move(free), reheated_move(anchored));
        assert!(ra < 0.25 * rq, "reheated: free polish {rq}, anchored {ra}");
    }

    #[test]
    fn the_polish_gives_back_the_alpha_decay_and_pins_hold() {
        let mut layout = ForceLayout::new(360, &clusters(), None, ForceOptions::default()).unwrap();
        layout.set_alpha_decay(0.05);
        enable(&mut layout, Refinement::default());
        layout.pin(7, 40.0, -20.0);
        while layout.step(1) {
            if matches!(layout.stage(), Stage::Polishing { .. }) {
                assert!(
                    layout.alpha_decay() != 0.05,
                    "the polish runs on its own schedule"
                );
            }
        }
        assert!(matches!(layout.stage(), Stage::Done(_)));
        assert_eq!(layout.alpha_decay(), 0.05);
        assert_eq!(&layout.positions()[14..16], &[40.0, -20.0]);
        // New edges during a polish: the decay comes back and the next cooling refines again.
        let mut layout = ForceLayout::new(360, &clusters(), None, ForceOptions::default()).unwrap();
        enable(&mut layout, Refinement::default());
        while !matches!(layout.stage(), Stage::Polishing { .. }) {
            assert!(layout.step(1) || matches!(layout.stage(), Stage::Polishing { .. }));
        }
        layout.set_edges(&clusters(), 0.3).unwrap();
        assert_eq!(layout.alpha_decay(), ForceOptions::default().alpha_decay);
        assert!(matches!(layout.stage(), Stage::Waiting(_)));
    }

    #[test]
    fn refined_at_once_the_multilevel_start_rests_with_less_stress_and_pins_hold() {
        let edges = clusters();
        let start = crate::multilevel::build(360, &edges, ForceOptions::default()).unwrap();
        let before = stress(start.positions(), 360, &edges, 360, 1);
        let mut layout = crate::multilevel::build(360, &edges, ForceOptions::default()).unwrap();
        layout.pin(7, 40.0, -20.0);
        let at_once = Refinement {
            polish_ticks: 0,
            at_once: true,
            ..Refinement::default()
        };
        enable(&mut layout, at_once.clone());
        // Refined before any tick, and at rest: no tick moves it.
        assert!(matches!(layout.stage(), Stage::Done(_)));
        let refined = layout.positions().to_vec();
        assert!(!layout.step(10), "at rest after the refinement");
        assert_eq!(layout.positions(), &refined[..]);
        let after = stress(&refined, 360, &edges, 360, 1);
        assert!(
            after < 0.9 * before,
            "stress {before} at the start, {after} refined"
        );
        assert_eq!(&refined[14..16], &[40.0, -20.0]);
        // With a polish, the forces take over from the refined picture and cool.
        let mut polished = crate::multilevel::build(360, &edges, ForceOptions::default()).unwrap();
        enable(
            &mut polished,
            Refinement {
                polish_ticks: 100,
                ..at_once
            },
        );
        assert!(matches!(polished.stage(), Stage::Polishing { .. }));
        let mut ticks = 0;
        while polished.step(1) {
            ticks += 1;
        }
        assert!((90..=110).contains(&ticks), "{ticks} ticks of polish");
        assert!(matches!(polished.stage(), Stage::Done(_)));
    }

    #[test]
    fn a_drawing_the_refinement_cannot_improve_is_left_as_the_forces_made_it() {
        // A path: the forces draw it nearly straight, already close to zero stress.
        let edges: Vec<u32> = (0..19).flat_map(|i| [i, i + 1]).collect();
        let mut plain = ForceLayout::new(20, &edges, None, ForceOptions::default()).unwrap();
        while plain.step(50) {}
        let mut refined = ForceLayout::new(20, &edges, None, ForceOptions::default()).unwrap();
        enable(&mut refined, Refinement::default());
        while refined.step(50) {}
        let (p, r) = (
            stress(plain.positions(), 20, &edges, 20, 1),
            stress(refined.positions(), 20, &edges, 20, 1),
        );
        assert!(r <= p, "stress {p} plain, {r} refined");
        assert!(refined.positions().iter().all(|v| v.is_finite()));
    }
}
