//! d3's seeded linear congruential generator: the only source of randomness in the layouts.

/// Multiplier, increment and modulus (2^32, implicit in `u32` wrapping) from d3-force's `lcg.js`.
const A: u32 = 1_664_525;
const C: u32 = 1_013_904_223;
const M: f64 = 4_294_967_296.0;

/// A tiny deterministic generator: the same seed always yields the same sequence.
#[derive(Debug, Clone)]
pub(crate) struct Lcg {
    state: u32,
}

impl Lcg {
    /// Starts a sequence at `seed` (d3 starts at 1; any value is fine).
    pub(crate) fn new(seed: u32) -> Self {
        Self { state: seed }
    }

    /// The next value in `[0, 1)`.
    pub(crate) fn next_f64(&mut self) -> f64 {
        self.state = self.state.wrapping_mul(A).wrapping_add(C);
        f64::from(self.state) / M
    }

    /// The next index in `0..bound` (`bound` must be non-zero).
    pub(crate) fn below(&mut self, bound: usize) -> usize {
        ((self.next_f64() * bound as f64) as usize).min(bound - 1)
    }

    /// d3's `jiggle`: a tiny non-zero offset that breaks ties between coincident points.
    pub(crate) fn jiggle(&mut self) -> f32 {
        ((self.next_f64() - 0.5) * 1e-6) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_d3_sequence_from_seed_one() {
        let mut lcg = Lcg::new(1);
        let expected = [
            0.236_455_525_271_594_52,
            0.369_270_673_720_166_1,
            0.504_242_032_300_680_9,
            0.704_883_263_679_221_3,
        ];
        for want in expected {
            assert_eq!(lcg.next_f64(), want);
        }
    }

    #[test]
    fn jiggle_is_tiny_and_seeded() {
        let (mut a, mut b) = (Lcg::new(7), Lcg::new(7));
        for _ in 0..100 {
            let j = a.jiggle();
            assert!(j.abs() <= 5e-7);
            assert_eq!(j.to_bits(), b.jiggle().to_bits());
        }
    }

    #[test]
    fn below_stays_in_bounds() {
        let mut lcg = Lcg::new(3);
        assert!((0..1000).all(|_| lcg.below(5) < 5));
    }
}
