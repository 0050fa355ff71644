//! Entente's core: the dataset of ties and their evidence, its loaders, filters and layouts.
//!
//! Everything here compiles and is tested natively; only [`wasm`] knows about wasm-bindgen.

/// The allocator of the wasm modules: talc, smaller than the standard library's dlmalloc
/// (README, Page weight) and as fast for the loader's many small strings.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

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
