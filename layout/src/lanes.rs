//! Four `f32` lanes: a wasm SIMD vector where the module is built with `simd128` (the standalone
//! layout module, `scripts/lib.sh`), a plain array elsewhere (natively LLVM may or may not
//! vectorize it: the majorization's loop stays scalar).
//! Every operation is the same IEEE operation on each lane in both, so both give the same bits.
//!
//! Used by the inner loops that dominate a layout's time: the charge force's groups
//! (`many_body.rs`) and the majorization's pivot terms (`majorize.rs`).

/// Number of lanes.
pub const LANES: usize = 4;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    use core::arch::wasm32::{
        f32x4, f32x4_add, f32x4_div, f32x4_extract_lane as lane, f32x4_mul, f32x4_splat,
        f32x4_sqrt, f32x4_sub, v128,
    };

    pub type Quad = v128;

    #[inline(always)]
    pub fn quad(a: [f32; 4]) -> Quad {
        f32x4(a[0], a[1], a[2], a[3])
    }

    #[inline(always)]
    pub fn array(q: Quad) -> [f32; 4] {
        [lane::<0>(q), lane::<1>(q), lane::<2>(q), lane::<3>(q)]
    }

    #[inline(always)]
    pub fn splat(v: f32) -> Quad {
        f32x4_splat(v)
    }

    #[inline(always)]
    pub fn add(a: Quad, b: Quad) -> Quad {
        f32x4_add(a, b)
    }

    #[inline(always)]
    pub fn sub(a: Quad, b: Quad) -> Quad {
        f32x4_sub(a, b)
    }

    #[inline(always)]
    pub fn mul(a: Quad, b: Quad) -> Quad {
        f32x4_mul(a, b)
    }

    #[inline(always)]
    pub fn div(a: Quad, b: Quad) -> Quad {
        f32x4_div(a, b)
    }

    #[inline(always)]
    pub fn sqrt(a: Quad) -> Quad {
        f32x4_sqrt(a)
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod imp {
    pub type Quad = [f32; 4];

    #[inline(always)]
    pub fn quad(a: [f32; 4]) -> Quad {
        a
    }

    #[inline(always)]
    pub fn array(q: Quad) -> [f32; 4] {
        q
    }

    #[inline(always)]
    pub fn splat(v: f32) -> Quad {
        [v; 4]
    }

    #[inline(always)]
    fn each(a: Quad, b: Quad, f: impl Fn(f32, f32) -> f32) -> Quad {
        [f(a[0], b[0]), f(a[1], b[1]), f(a[2], b[2]), f(a[3], b[3])]
    }

    #[inline(always)]
    pub fn add(a: Quad, b: Quad) -> Quad {
        each(a, b, |a, b| a + b)
    }

    #[inline(always)]
    pub fn sub(a: Quad, b: Quad) -> Quad {
        each(a, b, |a, b| a - b)
    }

    #[inline(always)]
    pub fn mul(a: Quad, b: Quad) -> Quad {
        each(a, b, |a, b| a * b)
    }

    #[inline(always)]
    pub fn div(a: Quad, b: Quad) -> Quad {
        each(a, b, |a, b| a / b)
    }

    #[inline(always)]
    pub fn sqrt(a: Quad) -> Quad {
        a.map(f32::sqrt)
    }
}

pub use imp::*;

/// The four lanes added in a fixed order, the same on every target.
#[inline(always)]
pub fn total(q: Quad) -> f32 {
    let [a, b, c, d] = array(q);
    (a + b) + (c + d)
}

/// `values` packed four to a quad, the last filled with `pad`.
pub fn packed(values: &[f32], pad: f32) -> impl Iterator<Item = Quad> + '_ {
    values
        .chunks(LANES)
        .map(move |c| quad([0, 1, 2, 3].map(|k| c.get(k).copied().unwrap_or(pad))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_operation_acts_lane_by_lane() {
        let a = quad([1.0, -4.0, 9.0, 0.0]);
        let b = quad([2.0, 2.0, 3.0, f32::NAN]);
        assert_eq!(array(add(a, b))[..3], [3.0, -2.0, 12.0]);
        assert_eq!(array(sub(a, b))[..3], [-1.0, -6.0, 6.0]);
        assert_eq!(array(mul(a, b))[..3], [2.0, -8.0, 27.0]);
        assert_eq!(array(div(a, b))[..3], [0.5, -2.0, 3.0]);
        assert_eq!(
            array(sqrt(quad([4.0, 9.0, 0.25, 0.0]))),
            [2.0, 3.0, 0.5, 0.0]
        );
        assert_eq!(total(quad([1.0, 2.0, 3.0, 4.0])), 10.0);
        assert_eq!(array(splat(7.5)), [7.5; 4]);
    }

    #[test]
    fn packing_pads_the_last_quad() {
        let q: Vec<Quad> = packed(&[1.0, 2.0, 3.0, 4.0, 5.0], -1.0).collect();
        assert_eq!(q.len(), 2);
        assert_eq!(array(q[0]), [1.0, 2.0, 3.0, 4.0]);
        assert_eq!(array(q[1]), [5.0, -1.0, -1.0, -1.0]);
        assert_eq!(packed(&[], 0.0).count(), 0);
    }
}
