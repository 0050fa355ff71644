//! One dataset on screen: the network, the filter, what it leaves visible (cached once per filter change) and the force layout.
//!
//! The page's `Entente` handle (`src/wasm/`) only converts types and errors around a
//! [`Session`]; everything it answers is computed here and tested natively (`tests/session.rs`).

mod error;
mod explore;
mod layouts;

pub use error::SessionError;
pub use explore::TieColumns;
pub use layouts::map_layout;

use crate::hit;
use crate::layout::{ForceLayout, ForceOptions};
use crate::network::{Filter, Network, TieView, Visible};
use serde::Serialize;

/// What the filter leaves, with what is derived from it for drawing and hit-testing.
#[derive(Debug, Clone)]
struct Shown {
    visible: Visible,
    /// Endpoints of the visible ties, `[s0, t0, s1, t1, ...]`.
    edges: Vec<u32>,
    /// For each visible tie: how many parallel lines it is drawn with (one per kind).
    lines: Vec<u8>,
    /// For each tie of the dataset: whether it is visible.
    tie_shown: Vec<bool>,
    /// For each actor: whether it has a visible tie (is drawn).
    actor_shown: Vec<bool>,
}

impl Shown {
    fn new(network: &Network, filter: &Filter) -> Shown {
        let visible = network.visible(filter);
        let edges = visible.ties.iter().flat_map(|&t| network.ends(t)).collect();
        let lines = visible
            .kinds
            .iter()
            .map(|k| k.0.count_ones() as u8)
            .collect();
        let mut tie_shown = vec![false; network.tie_count()];
        for &t in &visible.ties {
            tie_shown[t as usize] = true;
        }
        let actor_shown = visible.degree.iter().map(|&d| d > 0).collect();
        Shown {
            visible,
            edges,
            lines,
            tie_shown,
            actor_shown,
        }
    }
}

/// The dataset's title, description, provenance, date range and centre actor.
#[derive(Debug, Clone, Serialize)]
pub struct Meta<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub provenance: Option<&'a crate::model::Provenance>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub centre: Option<u32>,
}

/// A loaded dataset, what the filter shows of it, and its force layout.
#[derive(Debug)]
pub struct Session {
    network: Network,
    filter: Filter,
    shown: Shown,
    layout: ForceLayout,
    radii: Vec<f32>,
    centre: Option<u32>,
}

/// Layout settings for the page's network: long springs so labels have room.
fn page_options() -> ForceOptions {
    ForceOptions {
        seed: 1,
        link_distance: 90.0,
        charge: -260.0,
        gravity: 0.04,
        collide_radius: 18.0,
        ..ForceOptions::default()
    }
}

/// The actor the picture is centred on: the one with the most ties (first on a tie).
fn centre_of(network: &Network) -> Option<u32> {
    (0..network.actor_count() as u32).max_by_key(|&a| (network.ties_of(a).len(), u32::MAX - a))
}

impl Session {
    /// Parses, validates (once) and indexes an Entente JSON dataset, and lays it out with the
    /// centre actor pinned at the origin.
    ///
    /// # Errors
    /// The located error of [`crate::load::from_json`].
    pub fn from_json(json: &str) -> Result<Session, SessionError> {
        Session::new(Network::from_json(json)?)
    }

    /// A session of a network, everything shown.
    ///
    /// # Errors
    /// Only a layout refusing the network's size ([`crate::layout::LayoutError::TooManyNodes`]).
    pub fn new(network: Network) -> Result<Session, SessionError> {
        let filter = Filter::default();
        let shown = Shown::new(&network, &filter);
        let mut layout =
            ForceLayout::new(network.actor_count(), &shown.edges, None, page_options())?;
        let centre = centre_of(&network);
        if let Some(c) = centre {
            layout.pin(c as usize, 0.0, 0.0);
        }
        let radii = vec![8.0; network.actor_count()];
        let mut session = Session {
            network,
            filter,
            shown,
            layout,
            radii,
            centre,
        };
        session.apply_visibility()?;
        Ok(session)
    }

    /// The network with an editor's patch applied ([`Network::apply_patch`]), then laid out
    /// and filtered as a new session is (the page sets its filter and warm start after).
    ///
    /// # Errors
    /// The patch refused; nothing changes then. (A new session's only error, a layout refusing
    /// more than [`crate::layout::MAX_NODES`] actors, cannot follow: a valid dataset has at most
    /// [`crate::load::limits::MAX_ACTORS`].)
    pub fn apply_patch(&mut self, patch: Vec<crate::edit::Change>) -> Result<(), SessionError> {
        self.network.apply_patch(patch)?;
        let network = std::mem::replace(&mut self.network, Network::empty());
        *self = Session::new(network)?;
        Ok(())
    }

    pub fn network(&self) -> &Network {
        &self.network
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// What the filter leaves on screen.
    pub fn visible(&self) -> &Visible {
        &self.shown.visible
    }

    /// Endpoints of the visible ties, `[s0, t0, s1, t1, ...]`.
    pub fn visible_edges(&self) -> &[u32] {
        &self.shown.edges
    }

    /// The actor the layout is centred on (the one with the most ties), if any.
    pub fn centre(&self) -> Option<u32> {
        self.centre
    }

    pub fn meta(&self) -> Meta<'_> {
        let d = self.network.dataset();
        let range = self.network.date_range();
        Meta {
            title: &d.title,
            description: d.description.as_deref(),
            provenance: d.provenance.as_ref(),
            first: range.map(|r| r.0.to_string()),
            last: range.map(|r| r.1.to_string()),
            centre: self.centre,
        }
    }

    /// Sets the filter and recomputes what it leaves; the layout continues from the current
    /// positions with the visible ties as springs.
    ///
    /// # Errors
    /// None in practice (the visible ties are the network's own); on error nothing changes.
    pub fn set_filter(&mut self, filter: Filter) -> Result<(), SessionError> {
        let shown = Shown::new(&self.network, &filter);
        self.layout.set_edges(&shown.edges, 0.3)?;
        self.filter = filter;
        self.shown = shown;
        self.apply_visibility()
    }

    /// Hidden actors (no visible tie) neither push nor are pushed.
    fn apply_visibility(&mut self) -> Result<(), SessionError> {
        let weights: Vec<f32> = self
            .shown
            .actor_shown
            .iter()
            .map(|&s| if s { 1.0 } else { 0.0 })
            .collect();
        Ok(self.layout.set_weights(&weights)?)
    }

    /// Advances the layout by up to `iterations` ticks; true while it is still moving.
    pub fn step(&mut self, iterations: u32) -> bool {
        self.layout.step(iterations)
    }

    /// Reheats the layout so it moves again; `alpha` is kept within 0..=1.
    pub fn reheat(&mut self, alpha: f32) {
        self.layout.set_alpha(alpha.clamp(0.0, 1.0));
    }

    /// The positions `[x0, y0, ...]`, two per actor.
    pub fn positions(&self) -> &[f32] {
        self.layout.positions()
    }

    /// Address of the positions, for a `Float32Array` view in wasm memory.
    pub fn positions_ptr(&self) -> *const f32 {
        self.layout.positions_ptr()
    }

    /// Sets the drawn radii in layout units (hit-testing and collision); a negative or
    /// non-finite radius counts as 0.
    ///
    /// # Errors
    /// [`SessionError::PerActor`] unless there is one radius per actor.
    pub fn set_radii(&mut self, radii: &[f32]) -> Result<(), SessionError> {
        let expected = self.network.actor_count();
        if radii.len() != expected {
            return Err(SessionError::PerActor {
                expected,
                got: radii.len(),
            });
        }
        self.radii = radii
            .iter()
            .map(|r| if r.is_finite() { r.max(0.0) } else { 0.0 })
            .collect();
        Ok(self.layout.set_radii(&self.radii)?)
    }

    /// The drawn actor under the layout point `(x, y)`, within `slop`.
    pub fn node_at(&self, x: f32, y: f32, slop: f32) -> Option<u32> {
        let shown = &self.shown.actor_shown;
        hit::node_at(self.layout.positions(), &self.radii, shown, x, y, slop)
    }

    /// The visible tie under the layout point `(x, y)`, as a dataset tie index: `spacing` is
    /// the distance between a tie's parallel lines and `slop` the reach beyond them.
    ///
    /// # Complexity
    /// O(visible ties), over the edges cached at the last filter change.
    pub fn tie_at(&self, x: f32, y: f32, spacing: f32, slop: f32) -> Option<u32> {
        let (edges, lines) = (&self.shown.edges, &self.shown.lines);
        hit::tie_at(self.layout.positions(), edges, lines, x, y, spacing, slop)
            .map(|k| self.shown.visible.ties[k as usize])
    }

    /// The ties of `actor` as the tooltip lists them.
    ///
    /// # Errors
    /// [`SessionError::NoActor`].
    pub fn ties_of(&self, actor: u32) -> Result<Vec<TieView<'_>>, SessionError> {
        self.check(actor)?;
        Ok(self.network.tie_views(actor, &self.filter))
    }

    /// Pins an actor at a layout point (it stays there while the others move).
    ///
    /// # Errors
    /// [`SessionError::NoActor`], [`SessionError::NotFinite`].
    pub fn pin(&mut self, actor: u32, x: f32, y: f32) -> Result<(), SessionError> {
        self.check(actor)?;
        if !(x.is_finite() && y.is_finite()) {
            return Err(SessionError::NotFinite);
        }
        self.layout.pin(actor as usize, x, y);
        Ok(())
    }

    /// # Errors
    /// [`SessionError::NoActor`].
    pub fn unpin(&mut self, actor: u32) -> Result<(), SessionError> {
        self.check(actor)?;
        self.layout.unpin(actor as usize);
        Ok(())
    }

    /// Whether `actor` is pinned (false for an index that is no actor).
    pub fn is_pinned(&self, actor: u32) -> bool {
        self.layout.is_pinned(actor as usize)
    }

    fn check(&self, actor: u32) -> Result<(), SessionError> {
        if (actor as usize) < self.network.actor_count() {
            Ok(())
        } else {
            Err(SessionError::NoActor(actor))
        }
    }
}
