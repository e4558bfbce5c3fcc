//! `sok measure`: whether each standard held, computed from event data by the definitions
//! the handbook itself states (FORMAT.md §8).
//!
//! The stage after `check`: events are read as a stream (`read`), each is given its period
//! and, for business hours, its duration on the touchpoint's business clock (`clock`), and
//! counted into tallies per standard, period, agent, team and touchpoint (`evaluate`); the
//! `report` is plain data that every output format renders and `sok build --measurements`
//! reads back. `sql` writes the same computation for a warehouse.

mod clock;
mod evaluate;
pub mod event;
pub(crate) mod generate;
pub mod report;

pub use event::Event;
pub use report::Report;
