//! Multilevel force layout (as in sfdp / FM³): coarsen by matching, lay out the coarsest
//! graph, then prolong level by level, refining each with a short, cool force run.

use super::force::{ForceLayout, ForceOptions};
use super::lcg::Lcg;
use super::{adjacency, check_edges, check_node_count, LayoutError};

/// Coarsening stops once a level has at most this many nodes.
const COARSEST: usize = 64;
/// …or once a level shrinks by less than this fraction (mostly isolated nodes left).
const MIN_SHRINK: f64 = 0.9;
/// Temperature the finest level starts refining at: low enough to keep the coarse shape.
pub const REFINE_ALPHA: f32 = 0.3;
/// Ticks the finest level takes to cool from [`REFINE_ALPHA`] to `alpha_min`.
const FINAL_TICKS: f32 = 80.0;
/// Ticks spent refining each intermediate level.
const LEVEL_TICKS: u32 = 40;

/// One coarse graph and how the finer one maps onto it.
#[derive(Debug)]
struct Level {
    /// For each node of the finer level, its node here.
    parent: Vec<u32>,
    node_count: usize,
    edges: Vec<u32>,
    /// Number of original nodes each node stands for.
    mass: Vec<f32>,
}

/// Builds a [`ForceLayout`] over the original graph whose starting positions come from the
/// coarse levels, cooled to [`REFINE_ALPHA`] (or `options.alpha` if lower): [`ForceLayout::step`]
/// then refines it. Small graphs (≤ 64 nodes) get a plain layout.
///
/// # Errors
/// As [`ForceLayout::new`].
///
/// # Complexity
/// About O((n log n + m) · LEVEL_TICKS · 2) for the levels, which shrink geometrically.
pub fn build(
    node_count: usize,
    edges: &[u32],
    options: ForceOptions,
) -> Result<ForceLayout, LayoutError> {
    check_node_count(node_count)?;
    check_edges(node_count, edges)?;
    let levels = coarsen(node_count, edges, options.seed);
    if levels.is_empty() {
        return ForceLayout::new(node_count, edges, None, options);
    }
    let mut rng = Lcg::new(options.seed ^ 0x9e37_79b9);
    let scale = |n: usize| (node_count as f32 / n as f32).sqrt();

    // The coarsest level: a full run from the spiral, springs stretched to its scale.
    let last = levels.last().expect("non-empty");
    let mut layout = level_layout(last, None, &options, scale(last.node_count), 1.0)?;
    layout.step(300);
    let mut xy = layout.positions().to_vec();

    // Walk back up: each finer node starts at its coarse node, slightly spread, then refines.
    for k in (0..levels.len()).rev() {
        let spread = options.link_distance * 0.25 * scale(levels[k].parent.len());
        let fine = prolong(&levels[k].parent, &xy, spread, &mut rng);
        if k == 0 {
            let mut refined = options.clone();
            refined.alpha = options.alpha.min(REFINE_ALPHA);
            refined.alpha_decay = 1.0 - (options.alpha_min / refined.alpha).powf(1.0 / FINAL_TICKS);
            return ForceLayout::new(node_count, edges, Some(&fine), refined);
        }
        let finer = &levels[k - 1];
        let mut layout = level_layout(finer, Some(&fine), &options, scale(finer.node_count), 0.5)?;
        layout.step(LEVEL_TICKS);
        xy = layout.positions().to_vec();
    }
    unreachable!("the loop returns at level 0")
}

/// A cool, quickly decaying layout of one coarse level, heavier nodes pushing harder.
fn level_layout(
    level: &Level,
    start: Option<&[f32]>,
    options: &ForceOptions,
    scale: f32,
    alpha: f32,
) -> Result<ForceLayout, LayoutError> {
    let ticks = if start.is_some() { LEVEL_TICKS } else { 300 };
    let level_options = ForceOptions {
        link_distance: options.link_distance * scale,
        alpha,
        alpha_decay: 1.0 - (options.alpha_min / alpha).powf(1.0 / ticks as f32),
        alpha_target: 0.0,
        collide_radius: 0.0,
        ..options.clone()
    };
    let mut layout = ForceLayout::new(level.node_count, &level.edges, start, level_options)?;
    layout.set_weights(&level.mass)?;
    Ok(layout)
}

/// Fine positions: each node at its parent's place plus a seeded offset within `spread`.
fn prolong(parent: &[u32], coarse: &[f32], spread: f32, rng: &mut Lcg) -> Vec<f32> {
    let mut xy = Vec::with_capacity(2 * parent.len());
    for &p in parent {
        let dx = (rng.next_f64() as f32 - 0.5) * spread;
        let dy = (rng.next_f64() as f32 - 0.5) * spread;
        xy.push(coarse[2 * p as usize] + dx);
        xy.push(coarse[2 * p as usize + 1] + dy);
    }
    xy
}

/// The levels from the second (first coarse) to the coarsest; empty when the graph is small.
fn coarsen(node_count: usize, edges: &[u32], seed: u32) -> Vec<Level> {
    let mut levels: Vec<Level> = Vec::new();
    let mut rng = Lcg::new(seed);
    let (mut n, mut e, mut mass) = (node_count, edges.to_vec(), vec![1.0f32; node_count]);
    while n > COARSEST {
        let level = coarsen_once(n, &e, &mass, &mut rng);
        if level.node_count as f64 > MIN_SHRINK * n as f64 {
            break;
        }
        (n, e, mass) = (level.node_count, level.edges.clone(), level.mass.clone());
        levels.push(level);
    }
    levels
}

/// One coarsening step: a matching that pairs each node with its lightest unmatched
/// neighbour (visiting nodes in a seeded order), then every node left unmatched joins
/// its lightest neighbouring group. Coarse edges are deduplicated.
fn coarsen_once(n: usize, edges: &[u32], mass: &[f32], rng: &mut Lcg) -> Level {
    const FREE: u32 = u32::MAX;
    let (offsets, targets) = adjacency(n, edges);
    let neighbours = |v: usize| {
        targets[offsets[v]..offsets[v + 1]]
            .iter()
            .map(|&u| u as usize)
    };
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut parent = vec![FREE; n];
    let mut group_mass: Vec<f32> = Vec::with_capacity(n / 2 + 1);
    for &v in &order {
        if parent[v] != FREE {
            continue;
        }
        let partner = neighbours(v)
            .filter(|&u| parent[u] == FREE && u != v)
            .min_by(|&a, &b| mass[a].total_cmp(&mass[b]).then(a.cmp(&b)));
        if let Some(u) = partner {
            let g = group_mass.len() as u32;
            parent[v] = g;
            parent[u] = g;
            group_mass.push(mass[v] + mass[u]);
        }
    }
    for &v in &order {
        if parent[v] != FREE {
            continue;
        }
        let host = neighbours(v)
            .filter(|&u| parent[u] != FREE)
            .map(|u| parent[u])
            .min_by(|&a, &b| {
                group_mass[a as usize]
                    .total_cmp(&group_mass[b as usize])
                    .then(a.cmp(&b))
            });
        let g = host.unwrap_or_else(|| {
            group_mass.push(0.0);
            group_mass.len() as u32 - 1
        });
        parent[v] = g;
        group_mass[g as usize] += mass[v];
    }
    let mut pairs: Vec<(u32, u32)> = edges
        .chunks_exact(2)
        .map(|e| (parent[e[0] as usize], parent[e[1] as usize]))
        .filter(|(a, b)| a != b)
        .map(|(a, b)| (a.min(b), a.max(b)))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    Level {
        parent,
        node_count: group_mass.len(),
        edges: pairs.iter().flat_map(|&(a, b)| [a, b]).collect(),
        mass: group_mass,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: u32) -> Vec<u32> {
        (0..n).flat_map(|i| [i, (i + 1) % n]).collect()
    }

    #[test]
    fn coarsening_shrinks_and_keeps_every_node_mapped() {
        let edges = ring(1000);
        let levels = coarsen(1000, &edges, 3);
        assert!(levels.len() >= 3, "{} levels", levels.len());
        let mut finer = 1000;
        for level in &levels {
            assert_eq!(level.parent.len(), finer);
            assert!(level
                .parent
                .iter()
                .all(|&p| (p as usize) < level.node_count));
            assert!(level.node_count as f64 <= MIN_SHRINK * finer as f64);
            let total: f32 = level.mass.iter().sum();
            assert_eq!(total, 1000.0);
            finer = level.node_count;
        }
        assert!(finer <= COARSEST);
    }

    #[test]
    fn isolated_nodes_stop_coarsening_without_looping() {
        let levels = coarsen(500, &[], 1);
        assert!(levels.is_empty());
    }
}
