//! The options object of `new ForceLayout(..)`, read through serde-wasm-bindgen: every field typed, an unknown or mistyped one refused with its name.

use crate::layout::refine::Refinement;
use crate::layout::ForceOptions;
use crate::load::records::MapOnly;
use serde::de::{self, Deserializer, Unexpected, Visitor};
use serde::Deserialize;
use std::fmt;
use wasm_bindgen::prelude::*;

/// The options object of `new ForceLayout(..)`, as JS writes it; any other field is refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase", default)]
struct Options {
    seed: Option<Finite>,
    link_distance: Option<Finite>,
    link_strength: Option<Finite>,
    charge: Option<Finite>,
    theta: Option<Finite>,
    gravity: Option<Finite>,
    alpha: Option<Finite>,
    alpha_min: Option<Finite>,
    alpha_decay: Option<Finite>,
    alpha_target: Option<Finite>,
    velocity_decay: Option<Finite>,
    collide_radius: Option<Finite>,
    multilevel: Option<Flag>,
    refine: Option<Flag>,
    refine_at_once: Option<Flag>,
    polish_ticks: Option<Finite>,
    polish_anchor: Option<Finite>,
}

/// What JS's `typeof` says of a value that is not the expected one.
fn type_name(unexpected: Unexpected<'_>) -> &'static str {
    match unexpected {
        Unexpected::Str(_) | Unexpected::Char(_) => "string",
        Unexpected::Bool(_) => "boolean",
        Unexpected::Float(_) | Unexpected::Signed(_) | Unexpected::Unsigned(_) => "number",
        _ => "object",
    }
}

/// A finite number; anything else is refused with what it is.
#[derive(Debug, Clone, Copy)]
struct Finite(f64);

impl<'de> Deserialize<'de> for Finite {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Finite, D::Error> {
        d.deserialize_any(FiniteVisitor)
    }
}

/// Reads a [`Finite`] from whatever JS gave.
struct FiniteVisitor;

fn not_a_number<E: de::Error>(unexpected: Unexpected<'_>) -> E {
    E::custom(format!("must be a number, got {}", type_name(unexpected)))
}

impl<'de> Visitor<'de> for FiniteVisitor {
    type Value = Finite;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a finite number")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Finite, E> {
        if v.is_finite() {
            Ok(Finite(v))
        } else {
            Err(E::custom(format!("must be a finite number, got {v}")))
        }
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Finite, E> {
        Ok(Finite(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Finite, E> {
        Ok(Finite(v as f64))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Finite, E> {
        Err(not_a_number(Unexpected::Str(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Finite, E> {
        Err(not_a_number(Unexpected::Bool(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Finite, E> {
        Err(not_a_number(Unexpected::Unit))
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Finite, A::Error> {
        Err(not_a_number(Unexpected::Seq))
    }
    fn visit_map<A: de::MapAccess<'de>>(self, _: A) -> Result<Finite, A::Error> {
        Err(not_a_number(Unexpected::Map))
    }
}

/// `true` or `false`; anything else is refused.
#[derive(Debug, Clone, Copy)]
struct Flag(bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Flag, D::Error> {
        bool::deserialize(d)
            .map(Flag)
            .map_err(|_| de::Error::custom("must be true or false"))
    }
}

/// A refused options object as an `Error` naming the field: `options.theta must be a number,
/// got string`, `options.chrage is not an option (known: seed, ...)`.
fn options_error(e: serde_path_to_error::Error<serde_wasm_bindgen::Error>) -> JsError {
    let path = e.path().to_string();
    // serde-wasm-bindgen's errors are JS `Error`s; their message is the text.
    let inner = JsValue::from(e.into_inner());
    let inner = super::thrown_message(&inner);
    // serde's own message for a field `deny_unknown_fields` refuses:
    // "unknown field `x`, expected one of `seed`, `linkDistance`, ...".
    if let Some(rest) = inner.strip_prefix("unknown field `") {
        let (name, known) = rest.split_once('`').unwrap_or((rest, ""));
        let known = known
            .trim_start_matches(", expected one of ")
            .replace('`', "");
        return JsError::new(&format!("options.{name} is not an option (known: {known})"));
    }
    if path == "." || path.is_empty() {
        JsError::new(&format!("options must be an object: {inner}"))
    } else {
        JsError::new(&format!("options.{path} {inner}"))
    }
}

/// Builds [`ForceOptions`] from a JS object (or `undefined`), naming the first unknown or
/// mistyped field. Also returns `multilevel` (false unless set) and the refinement: `None`
/// unless `refine` (which follows `multilevel` or `refineAtOnce` unless set), its polish from
/// `polishTicks`, at once with `refineAtOnce`.
pub(super) fn parse_options(
    options: JsValue,
) -> Result<(ForceOptions, bool, Option<Refinement>), JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok((ForceOptions::default(), false, None));
    }
    let de = MapOnly(serde_wasm_bindgen::Deserializer::from(options));
    let js: Options = serde_path_to_error::deserialize(de).map_err(options_error)?;
    let mut o = ForceOptions::default();
    if let Some(Finite(seed)) = js.seed {
        if !(0.0..=f64::from(u32::MAX)).contains(&seed) || seed.fract() != 0.0 {
            return Err(JsError::new(&format!(
                "options.seed must be an integer from 0 to 4294967295, got {seed}"
            )));
        }
        o.seed = seed as u32;
    }
    for (given, field) in [
        (js.link_distance, &mut o.link_distance),
        (js.charge, &mut o.charge),
        (js.theta, &mut o.theta),
        (js.gravity, &mut o.gravity),
        (js.alpha, &mut o.alpha),
        (js.alpha_min, &mut o.alpha_min),
        (js.alpha_decay, &mut o.alpha_decay),
        (js.alpha_target, &mut o.alpha_target),
        (js.velocity_decay, &mut o.velocity_decay),
        (js.collide_radius, &mut o.collide_radius),
    ] {
        if let Some(Finite(v)) = given {
            *field = v as f32;
        }
    }
    o.link_strength = js.link_strength.map(|Finite(v)| v as f32);
    let multilevel = js.multilevel.is_some_and(|Flag(on)| on);
    let mut refinement = Refinement::default();
    if let Some(Finite(ticks)) = js.polish_ticks {
        if !(0.0..=10_000.0).contains(&ticks) || ticks.fract() != 0.0 {
            return Err(JsError::new(&format!(
                "options.polishTicks must be a whole number from 0 to 10000, got {ticks}"
            )));
        }
        refinement.polish_ticks = ticks as u32;
    }
    if let Some(Finite(strength)) = js.polish_anchor {
        if !(0.0..=1e6).contains(&strength) {
            return Err(JsError::new(&format!(
                "options.polishAnchor must be a number from 0 to 1000000, got {strength}"
            )));
        }
        refinement.anchor = strength as f32;
    }
    refinement.at_once = js.refine_at_once.is_some_and(|Flag(on)| on);
    let refine = js
        .refine
        .map_or(multilevel || refinement.at_once, |Flag(on)| on);
    Ok((o, multilevel, refine.then_some(refinement)))
}
