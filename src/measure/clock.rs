//! The business clock of a touchpoint, and the local date of every moment.
//!
//! Both are tables per UTC day (design note: measure.md), so the Rust evaluation and the SQL
//! that `sok measure --sql` writes compute the same figures from the same rows: a duration in
//! business hours is `B(end) − B(start)`, where `B(t)` counts the open seconds of the schedule
//! up to `t`, and an event's local date is the one before or after the single moment of its
//! UTC day where the local date changes. Every local-time conversion happens here, once per
//! day and opening range, never per event.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::{AmbiguousOffset, TimeZone};

use crate::values::{Date, Schedule};

pub(crate) const DAY: i64 = 86_400;

/// The UTC day of a moment given in seconds since the Unix epoch.
pub(crate) fn utc_day(second: i64) -> i64 {
    second.div_euclid(DAY)
}

/// The first moment at which the wall clock shows at least `minutes` after local midnight of
/// `date` (`minutes` may run into the next day). That is the ordinary reading of an opening or
/// closing time: in a fold (fall back) it is the earlier of the two moments, and a time in a
/// gap (spring forward) happens when the gap ends, because the clock jumps past it.
pub(crate) fn local_to_second(tz: &TimeZone, date: Date, minutes: u32) -> i64 {
    let date = Date::from_days(date.to_days() + i64::from(minutes / 1440));
    let minutes = minutes % 1440;
    let Ok(wall) = DateTime::new(
        date.year as i16,
        date.month as i8,
        date.day as i8,
        (minutes / 60) as i8,
        (minutes % 60) as i8,
        0,
        0,
    ) else {
        return clamped(date);
    };
    let ambiguous = tz.to_ambiguous_timestamp(wall);
    let Ok(moment) = ambiguous.compatible() else {
        return clamped(date);
    };
    match ambiguous.offset() {
        // `compatible` reads a time in a gap with the offset before it, which lands after
        // the jump; the jump itself is the latest transition up to that moment.
        AmbiguousOffset::Gap { .. } => moment
            .checked_add(jiff::SignedDuration::from_secs(1))
            .ok()
            .and_then(|after| tz.preceding(after).next())
            .map_or(moment.as_second(), |t| t.timestamp().as_second()),
        _ => moment.as_second(),
    }
}

/// Dates beyond jiff's range (before year -9999 or after 9999) are far outside any event's;
/// they clamp to the nearest representable moment.
fn clamped(date: Date) -> i64 {
    if date.year < 0 {
        Timestamp::MIN.as_second()
    } else {
        Timestamp::MAX.as_second()
    }
}

/// The local date of a moment, as days since 1970-01-01.
fn local_days(tz: &TimeZone, second: i64) -> i64 {
    let moment = Timestamp::from_second(second).unwrap_or(Timestamp::UNIX_EPOCH);
    let date = tz.to_datetime(moment).date();
    Date::new(
        i32::from(date.year()),
        date.month() as u32,
        date.day() as u32,
    )
    .map_or(0, Date::to_days)
}

/// The local dates of one UTC day: `before` until `split` seconds after 00:00 UTC, `after`
/// from then on (`split` is 86,400 when the local date does not change within the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LocalDay {
    pub split: u32,
    pub before: i64,
    pub after: i64,
}

impl LocalDay {
    pub(crate) fn of(tz: &TimeZone, day: i64) -> LocalDay {
        let start = day * DAY;
        let before = local_days(tz, start);
        let after = local_days(tz, start + DAY - 1);
        if before == after {
            return LocalDay {
                split: DAY as u32,
                before,
                after,
            };
        }
        // The first moment of the later local date; a midnight in a gap starts at the gap's
        // end, which `compatible` gives.
        let midnight = local_to_second(tz, Date::from_days(after), 0);
        LocalDay {
            split: (midnight - start).clamp(0, DAY) as u32,
            before,
            after,
        }
    }

    /// The local date (days since 1970-01-01) at `second_of_day` seconds after 00:00 UTC.
    pub(crate) fn date_at(&self, second_of_day: u32) -> i64 {
        if second_of_day < self.split {
            self.before
        } else {
            self.after
        }
    }
}

/// A table over a range of UTC days that grows to cover whatever day it is asked about.
#[derive(Debug, Clone)]
struct Days<T> {
    first: i64,
    rows: Vec<T>,
}

impl<T> Days<T> {
    fn covers(&self, day: i64) -> bool {
        day >= self.first && day < self.first + self.rows.len() as i64
    }

    /// The range to rebuild so that it holds `day`: the old range and `day`, with a year's
    /// margin, so that a stream of events grows it a few times at most.
    fn widened(&self, day: i64) -> (i64, i64) {
        if self.rows.is_empty() {
            return (day - 31, day + 366);
        }
        let last = self.first + self.rows.len() as i64;
        (self.first.min(day - 366), last.max(day + 366))
    }
}

/// The local date of any moment in the calendar's time zone.
#[derive(Debug, Clone)]
pub(crate) struct LocalCalendar {
    tz: TimeZone,
    days: Days<LocalDay>,
}

impl LocalCalendar {
    pub(crate) fn new(tz: TimeZone) -> LocalCalendar {
        LocalCalendar {
            tz,
            days: Days {
                first: 0,
                rows: Vec::new(),
            },
        }
    }

    /// The local date of `second` (seconds since the epoch), as days since 1970-01-01.
    pub(crate) fn date_of(&mut self, second: i64) -> i64 {
        let day = utc_day(second);
        self.ensure(day);
        let row = &self.days.rows[(day - self.days.first) as usize];
        row.date_at((second - day * DAY) as u32)
    }

    /// The row of one UTC day (for the SQL calendar table).
    pub(crate) fn day(&mut self, day: i64) -> LocalDay {
        self.ensure(day);
        self.days.rows[(day - self.days.first) as usize]
    }

    fn ensure(&mut self, day: i64) {
        if self.days.covers(day) {
            return;
        }
        let (first, last) = self.days.widened(day);
        let rows = (first..last).map(|d| LocalDay::of(&self.tz, d)).collect();
        self.days = Days { first, rows };
    }
}

/// The open intervals of one UTC day, as seconds after 00:00 UTC, and the open seconds of
/// the table's days before it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct OpenDay {
    pub open_before: i64,
    pub intervals: Vec<(u32, u32)>,
}

/// A touchpoint's business clock: its schedule in the calendar's zone, holidays excluded.
#[derive(Debug, Clone)]
pub(crate) struct BusinessClock {
    schedule: Schedule,
    tz: TimeZone,
    /// Sorted days (since 1970-01-01) on which the schedule does not run.
    holidays: Vec<i64>,
    days: Days<OpenDay>,
}

impl BusinessClock {
    pub(crate) fn new(schedule: Schedule, tz: TimeZone, holidays: &[Date]) -> BusinessClock {
        let mut holidays: Vec<i64> = holidays.iter().map(|d| d.to_days()).collect();
        holidays.sort_unstable();
        holidays.dedup();
        BusinessClock {
            schedule,
            tz,
            holidays,
            days: Days {
                first: 0,
                rows: Vec::new(),
            },
        }
    }

    /// Open seconds in `[from, to)`; zero when `to` is not after `from`.
    pub(crate) fn open_seconds(&mut self, from: i64, to: i64) -> i64 {
        if to <= from {
            return 0;
        }
        self.cover(from, to);
        self.open_until(to) - self.open_until(from)
    }

    /// `B(t)`: open seconds from the start of the table to `t`. Only differences of two
    /// values read without the table growing in between mean anything, which
    /// `open_seconds` guarantees by covering both ends first.
    fn open_until(&mut self, second: i64) -> i64 {
        let day = utc_day(second);
        let row = &self.days.rows[(day - self.days.first) as usize];
        let within = (second - day * DAY) as u32;
        let open_today: i64 = row
            .intervals
            .iter()
            .map(|&(s, e)| i64::from(e.min(within).saturating_sub(s)))
            .sum();
        row.open_before + open_today
    }

    /// Makes the table cover the UTC days of both moments.
    pub(crate) fn cover(&mut self, from: i64, to: i64) {
        let (a, b) = (utc_day(from), utc_day(to));
        if self.days.covers(a) && self.days.covers(b) {
            return;
        }
        let (first, last) = self.days.widened(a.min(b));
        let (first, last) = (first.min(b - 366), last.max(b + 366));
        self.rebuild(first, last);
    }

    /// The rows of the table for the UTC days `[first, last)` (for the SQL calendar table).
    pub(crate) fn rows(&mut self, first: i64, last: i64) -> &[OpenDay] {
        if !(self.days.covers(first) && self.days.covers(last - 1)) {
            let first = match self.days.rows.is_empty() {
                true => first,
                false => first.min(self.days.first),
            };
            let last = last.max(self.days.first + self.days.rows.len() as i64);
            self.rebuild(first, last);
        }
        let start = (first - self.days.first) as usize;
        &self.days.rows[start..start + (last - first) as usize]
    }

    fn rebuild(&mut self, first: i64, last: i64) {
        let mut spans = Vec::new();
        // Local dates whose opening hours can reach into the range: offsets are within ±1
        // day and a range runs at most into the next day.
        for local in (first - 2)..(last + 2) {
            if self.holidays.binary_search(&local).is_ok() {
                continue;
            }
            let weekday = (local + 3).rem_euclid(7) as usize;
            let date = Date::from_days(local);
            for &(open, close) in &self.schedule.days[weekday] {
                let s = local_to_second(&self.tz, date, open);
                let e = local_to_second(&self.tz, date, close);
                if e > s {
                    spans.push((s, e));
                }
            }
        }
        spans.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(spans.len());
        for (s, e) in spans {
            match merged.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        let mut rows = Vec::with_capacity((last - first) as usize);
        let mut open_before = 0;
        let mut next = 0;
        for day in first..last {
            let (start, end) = (day * DAY, day * DAY + DAY);
            while next < merged.len() && merged[next].1 <= start {
                next += 1;
            }
            let mut intervals = Vec::new();
            let mut i = next;
            while i < merged.len() && merged[i].0 < end {
                let (s, e) = (merged[i].0.max(start), merged[i].1.min(end));
                if e > s {
                    intervals.push(((s - start) as u32, (e - start) as u32));
                }
                i += 1;
            }
            let open: i64 = intervals.iter().map(|&(s, e)| i64::from(e - s)).sum();
            rows.push(OpenDay {
                open_before,
                intervals,
            });
            open_before += open;
        }
        self.days = Days { first, rows };
    }
}

#[cfg(test)]
mod tests;
