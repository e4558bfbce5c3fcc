//! One row of an events file, read and typed: what the evaluation counts.

use std::sync::Arc;

use jiff::Timestamp;

use crate::source::FileId;

/// A measured event (FORMAT.md §8). Readers fill it from CSV, JSON Lines or Parquet; the
/// evaluation decides what it counts for. The texts that repeat from row to row are shared
/// (`Arc<str>`), so a row allocates at most its id.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub metric: Arc<str>,
    /// Empty in the file means `None`: an event at no touchpoint.
    pub touchpoint: Option<Arc<str>>,
    pub start: Timestamp,
    pub end: Option<Timestamp>,
    pub value: Option<f64>,
    pub abandoned: Option<Timestamp>,
    pub agent: Option<Arc<str>>,
    pub team: Option<Arc<str>>,
    pub id: Option<String>,
    /// Where it was read, for a rejection found after reading.
    pub file: FileId,
    /// 1-based line (CSV counts its header as line 1; Parquet counts rows from 1).
    pub line: u64,
}
