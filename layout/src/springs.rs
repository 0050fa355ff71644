//! The link force: a spring per edge pulling its ends toward `link_distance` (d3's `link.js`).

use super::lcg::Lcg;

/// One edge's spring, packed so the hot loop reads a single 16-byte record.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Spring {
    pub source: u32,
    pub target: u32,
    pub strength: f32,
    /// Share of the correction applied to the target: deg(source) / (deg(source) + deg(target)),
    /// so a hub moves less than its leaves.
    pub bias: f32,
}

/// Refills `springs` from a checked flat edge list, skipping self-loops.
/// `strength: None` is d3's default 1 / min(deg(source), deg(target)).
/// `degree` is scratch space of at least `node_count` entries.
///
/// Complexity: O(n + m); reuses the buffers' capacity.
pub(crate) fn rebuild(
    springs: &mut Vec<Spring>,
    degree: &mut Vec<u32>,
    node_count: usize,
    edges: &[u32],
    strength: Option<f32>,
) {
    degree.clear();
    degree.resize(node_count, 0);
    let pairs = || edges.chunks_exact(2).filter(|e| e[0] != e[1]);
    for e in pairs() {
        degree[e[0] as usize] += 1;
        degree[e[1] as usize] += 1;
    }
    springs.clear();
    springs.extend(pairs().map(|e| {
        let (ds, dt) = (degree[e[0] as usize] as f32, degree[e[1] as usize] as f32);
        Spring {
            source: e[0],
            target: e[1],
            strength: strength.unwrap_or(1.0 / ds.min(dt)),
            bias: ds / (ds + dt),
        }
    }));
}

/// Adds the spring forces to `vel`, edge by edge in list order (Gauss–Seidel, like d3).
/// Ends are compared at their predicted positions `x + v`; coincident ends are jiggled apart.
pub(crate) fn apply(
    springs: &[Spring],
    xy: &[f32],
    vel: &mut [f32],
    distance: f32,
    alpha: f32,
    rng: &mut Lcg,
) {
    for spring in springs {
        let (s, t) = (2 * spring.source as usize, 2 * spring.target as usize);
        let mut dx = xy[t] + vel[t] - xy[s] - vel[s];
        let mut dy = xy[t + 1] + vel[t + 1] - xy[s + 1] - vel[s + 1];
        if dx == 0.0 {
            dx = rng.jiggle();
        }
        if dy == 0.0 {
            dy = rng.jiggle();
        }
        let len = (dx * dx + dy * dy).sqrt();
        let k = (len - distance) / len * alpha * spring.strength;
        let (fx, fy) = (dx * k, dy * k);
        let b = spring.bias;
        vel[t] -= fx * b;
        vel[t + 1] -= fy * b;
        vel[s] += fx * (1.0 - b);
        vel[s + 1] += fy * (1.0 - b);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_strength_and_bias_follow_degrees() {
        // star: 0 is the hub of 1, 2, 3; plus a self-loop on 3 that must be ignored
        let (mut springs, mut degree) = (vec![], vec![]);
        rebuild(
            &mut springs,
            &mut degree,
            4,
            &[0, 1, 0, 2, 0, 3, 3, 3],
            None,
        );
        assert_eq!(springs.len(), 3);
        assert_eq!(degree, [3, 1, 1, 1]);
        assert_eq!(springs[0].strength, 1.0);
        assert_eq!(springs[0].bias, 0.75);
    }

    #[test]
    fn a_stretched_spring_pulls_its_ends_together() {
        let (mut springs, mut degree) = (vec![], vec![]);
        rebuild(&mut springs, &mut degree, 2, &[0, 1], Some(1.0));
        let mut vel = [0.0; 4];
        apply(
            &springs,
            &[0.0, 0.0, 100.0, 0.0],
            &mut vel,
            30.0,
            1.0,
            &mut Lcg::new(1),
        );
        assert!(vel[0] > 0.0 && vel[2] < 0.0);
        assert_eq!(vel[0] - vel[2], 70.0);
    }
}
