//! `sok measure`: whether each standard held, computed from event data by the definitions
//! the handbook itself states (FORMAT.md §8).
//!
//! The stage after `check`: events are read as a stream (`read`), each is given its period
//! and, for business hours, its duration on the touchpoint's business clock (`clock`), and
//! counted into tallies per standard, period, agent, team and touchpoint (`evaluate`); the
//! `report` is plain data that every output format renders and `sok build --measurements`
//! reads back. `sql` writes the same computation for a warehouse.

mod as_of;
mod clock;
mod evaluate;
pub mod event;
mod fast_hash;
pub(crate) mod generate;
pub mod output;
mod period;
pub(crate) mod read;
pub mod report;
mod results;
pub(crate) mod rule;
pub(crate) mod sql;
mod tally;

pub use event::Event;
pub use report::Report;

pub(crate) use as_of::{parse_as_of, timezone};
pub(crate) use evaluate::{Evaluation, Options};

/// The events of one CSV or (`json_lines`) JSON Lines file held in memory, and a diagnostic
/// per rejected row; for the fuzz targets and their regression tests, not a stable API.
#[doc(hidden)]
pub fn read_events(
    bytes: &[u8],
    json_lines: bool,
) -> Result<(Vec<Event>, Vec<crate::diagnostics::Diagnostic>), crate::Error> {
    read::read_bytes(bytes, json_lines).map(|batch| (batch.events, batch.rejected))
}
