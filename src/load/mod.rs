//! Reading datasets: each format's reader builds a [`Dataset`], then one validator checks it.

mod bytes;
mod json;
pub mod limits;
mod validate;

pub use bytes::{from_json_bytes, text_from_bytes};
pub use json::from_json;
pub use validate::validate;

/// Inputs larger than this are refused before parsing.
pub const MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;
