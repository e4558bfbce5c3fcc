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
