//! Entente's core: the dataset of ties and their evidence, its loaders, filters and layouts.
//!
//! Everything here compiles and is tested natively; only [`wasm`] knows about wasm-bindgen.

pub mod chart;
pub mod compare;
pub mod date;
pub mod edit;
pub mod error;
pub mod evidence;
pub mod export;
pub mod hit;
pub use entente_layout as layout;
pub mod load;
pub mod model;
pub mod network;
pub mod origin;
pub mod session;
pub mod story;
pub mod style;

#[cfg(target_arch = "wasm32")]
pub mod wasm;
