//! What the exploring page asks of a session: evidence per tie, the table of ties, neighbourhoods and events per year.

use super::{Session, SessionError};
use crate::chart::{events_per_year, YearCounts};
use crate::evidence::{hops, single_sourced, tie_detail, TieDetail, TieRow};

impl Session {
    /// For each visible tie, whether the events shown rest on a single report.
    pub fn single_sourced(&self) -> Vec<bool> {
        single_sourced(&self.network, &self.shown.visible, &self.filter)
    }

    /// One tie as the evidence panel shows it, or `None` when the filter leaves nothing of it.
    ///
    /// # Errors
    /// [`SessionError::NoTie`].
    pub fn tie_detail(&self, tie: u32) -> Result<Option<TieDetail<'_>>, SessionError> {
        if tie as usize >= self.network.tie_count() {
            return Err(SessionError::NoTie(tie));
        }
        Ok(tie_detail(&self.network, tie, &self.filter))
    }

    /// Every visible tie's row, in the order of the visible ties.
    ///
    /// # Complexity
    /// O(events of the visible ties).
    pub fn tie_table(&self) -> Vec<TieRow<'_>> {
        self.shown
            .visible
            .ties
            .iter()
            .filter_map(|&t| TieRow::of(tie_detail(&self.network, t, &self.filter)?))
            .collect()
    }

    /// Hop distance of every actor from `actor` over the visible ties, up to `max_hops`
    /// (255 beyond).
    ///
    /// # Errors
    /// [`SessionError::NoActor`].
    pub fn hops(&self, actor: u32, max_hops: u8) -> Result<Vec<u8>, SessionError> {
        self.check(actor)?;
        let shown = &self.shown.tie_shown;
        Ok(hops(&self.network, actor, max_hops, |t| shown[t as usize]))
    }

    /// Events per year by kind under the filter, its date limit aside.
    pub fn events_per_year(&self) -> YearCounts {
        events_per_year(&self.network, &self.filter)
    }
}
