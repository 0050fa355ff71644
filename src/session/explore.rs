//! What the exploring page asks of a session: evidence per tie, the table of ties, neighbourhoods and events per year.

use super::{Session, SessionError};
use crate::chart::{events_per_year, YearCounts};
use crate::evidence::{citations_in, hops, single_sourced, tie_detail, TieDetail, TieRow};
use std::fmt::Write as _;

/// The table of ties in columns ([`Session::tie_columns`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieColumns {
    pub events: Vec<u32>,
    pub citations: Vec<u32>,
    /// One line per visible tie: the first and last dates shown, apart by a space (an empty
    /// line for a tie with none).
    pub dates: String,
}

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

    /// The table of ties in columns, for a page that has each visible tie's actors, kinds and
    /// tone already: per visible tie, in their order, the number of events shown, the distinct
    /// reports they cite, and the dates of the first and last of them (`dates`: one line per tie,
    /// `first last`). The same figures as [`Session::tie_table`], without a record per row.
    ///
    /// # Complexity
    /// O(events of the visible ties).
    pub fn tie_columns(&self) -> TieColumns {
        let ties = &self.shown.visible.ties;
        let mut out = TieColumns {
            events: Vec::with_capacity(ties.len()),
            citations: Vec::with_capacity(ties.len()),
            dates: String::with_capacity(ties.len() * 16),
        };
        // What `tie_detail` would count, without making each tie's record: the visible ties'
        // actors are admitted already, and a tie's events are in date order.
        let mut scratch = Vec::new();
        for &t in ties {
            let admitted = || {
                self.network
                    .tie(t)
                    .events
                    .iter()
                    .filter(|e| self.filter.admits(e))
            };
            let (mut events, mut span) = (0usize, None);
            for e in admitted() {
                events += 1;
                span = Some(span.map_or((e.date, e.date), |(first, _)| (first, e.date)));
            }
            let citations = citations_in(admitted(), &mut scratch);
            out.events.push(u32::try_from(events).unwrap_or(u32::MAX));
            out.citations
                .push(u32::try_from(citations).unwrap_or(u32::MAX));
            if let Some((first, last)) = span {
                // Writing to a String cannot fail.
                let _ = write!(out.dates, "{first} {last}");
            }
            out.dates.push('\n');
        }
        out
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
