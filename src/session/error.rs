//! Why a session refused a call: a located load error, a layout error, or an index or value it has no use for.

use crate::error::LoadError;
use crate::layout::LayoutError;
use std::fmt;

/// Why a session refused a call; nothing changed.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionError {
    /// The dataset could not be read (a located error).
    Load(LoadError),
    /// The layout refused its input.
    Layout(LayoutError),
    /// No actor has this index.
    NoActor(u32),
    /// No tie has this index.
    NoTie(u32),
    /// A per-actor array has `got` values instead of one per actor.
    PerActor { expected: usize, got: usize },
    /// A coordinate is not a finite number.
    NotFinite,
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SessionError::Load(e) => e.fmt(f),
            SessionError::Layout(e) => e.fmt(f),
            SessionError::NoActor(i) => write!(f, "no actor has index {i}"),
            SessionError::NoTie(i) => write!(f, "no tie has index {i}"),
            SessionError::PerActor { expected, got } => {
                write!(f, "expected {expected} radii, got {got}")
            }
            SessionError::NotFinite => write!(f, "coordinates must be finite numbers"),
        }
    }
}

impl std::error::Error for SessionError {}

impl From<LoadError> for SessionError {
    fn from(e: LoadError) -> SessionError {
        SessionError::Load(e)
    }
}

impl From<LayoutError> for SessionError {
    fn from(e: LayoutError) -> SessionError {
        SessionError::Layout(e)
    }
}
