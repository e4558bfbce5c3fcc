//! When contacts arrive: a daily curve with a morning and an afternoon peak, a weekly rhythm
//! (busy Monday, quiet weekend), inside a touchpoint's open hours, plus a trickle outside
//! them for channels a customer can write to at any time. One local day becomes a list of
//! bins (instant, length, cumulative weight); a Poisson process in weight space then gives
//! arrivals in time order without holding them.

use super::hours::{Calendar, weekday};
use crate::values::Schedule;

/// Contacts per weekday relative to each other, Monday first.
pub(super) const WEEKLY: [f64; 7] = [1.25, 1.05, 1.0, 1.0, 0.9, 0.55, 0.4];

/// The weight of a closed minute, for channels that take messages when closed.
const CLOSED: f64 = 0.06;

/// Closed minutes that still get messages: 6:00 to 23:00 local.
const AWAKE: (u32, u32) = (6 * 60, 23 * 60);

/// Bins are at most this many minutes long.
const BIN: u32 = 15;

/// Arrivals per minute at a local time of day (minutes after midnight), relative.
pub(super) fn curve(minute: f64) -> f64 {
    let hour = (minute / 60.0).rem_euclid(24.0);
    let peak = |at: f64, width: f64| (-((hour - at) / width).powi(2) / 2.0).exp();
    let daytime = if (7.5..19.5).contains(&hour) {
        0.15
    } else {
        0.0
    };
    0.08 + daytime + peak(10.5, 1.3) + 0.85 * peak(14.5, 1.5)
}

/// The curve's mean over a typical working day (8 to 18), against which a bin's load is
/// judged.
pub(super) fn working_mean() -> f64 {
    (8 * 60..18 * 60).map(|m| curve(f64::from(m))).sum::<f64>() / 600.0
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Bin {
    /// The bin's first instant and its length, in seconds.
    pub(super) start: i64,
    pub(super) length: i64,
    /// The total weight of the day up to the end of this bin.
    pub(super) until: f64,
    /// How busy the bin is against the working mean (1 = average), for queueing waits.
    pub(super) load: f64,
    pub(super) open: bool,
}

/// The weighted minutes of one local day: `(from, to, open)` pieces in order, split at bin
/// boundaries.
fn pieces(open: &[(u32, u32)], closed_too: bool, out: &mut Vec<(u32, u32, bool)>) {
    out.clear();
    let push = |from: u32, to: u32, is_open: bool, out: &mut Vec<(u32, u32, bool)>| {
        let mut m = from;
        while m < to {
            let end = to.min((m / BIN + 1) * BIN);
            out.push((m, end, is_open));
            m = end;
        }
    };
    let mut cursor = AWAKE.0;
    for &(from, to) in open {
        if closed_too && cursor < from.min(AWAKE.1) {
            push(cursor, from.min(AWAKE.1), false, out);
        }
        push(from, to, true, out);
        cursor = cursor.max(to);
    }
    if closed_too && cursor < AWAKE.1 {
        push(cursor, AWAKE.1, false, out);
    }
}

/// The weight of one piece of a day.
fn weight(from: u32, to: u32, open: bool, weekday: usize) -> f64 {
    let mid = f64::from(from + to) / 2.0;
    let closed = if open { 1.0 } else { CLOSED };
    curve(mid) * f64::from(to - from) * WEEKLY[weekday] * closed
}

/// The mean weight of an open day of `schedule` (holidays and daylight saving aside), so that
/// a rate per unit of weight gives `per_day` arrivals on an average open day.
pub(super) fn open_day_weight(schedule: &Schedule) -> f64 {
    let mut scratch = Vec::new();
    let mut total = 0.0;
    let mut open_days = 0;
    for (wd, ranges) in schedule.days.iter().enumerate() {
        if ranges.is_empty() {
            continue;
        }
        open_days += 1;
        pieces(ranges, false, &mut scratch);
        total += scratch
            .iter()
            .map(|&(f, t, o)| weight(f, t, o, wd))
            .sum::<f64>();
    }
    if open_days == 0 || total <= 0.0 {
        1.0
    } else {
        total / f64::from(open_days)
    }
}

/// The bins of one local day of one place, refilled day after day.
#[derive(Debug, Clone, Default)]
pub(super) struct Bins {
    pub(super) bins: Vec<Bin>,
    /// The day's total weight.
    pub(super) total: f64,
    scratch: Vec<(u32, u32, bool)>,
}

impl Bins {
    /// The bins of local `day` for a touchpoint with `schedule`, cut at `horizon`.
    /// `closed_too`: messages also arrive outside the open hours; `mean` is
    /// [`working_mean`].
    pub(super) fn fill(
        &mut self,
        calendar: &Calendar,
        schedule: &Schedule,
        day: i64,
        closed_too: bool,
        horizon: i64,
        mean: f64,
    ) {
        self.bins.clear();
        pieces(
            calendar.open_minutes(schedule, day),
            closed_too,
            &mut self.scratch,
        );
        let wd = weekday(day);
        let mut total = 0.0;
        for &(from, to, open) in &self.scratch {
            let start = calendar.instant(day, from);
            let end = calendar.instant(day, to).min(horizon);
            if end <= start {
                continue;
            }
            let full = f64::from(to - from) * 60.0;
            total += weight(from, to, open, wd) * (end - start) as f64 / full.max(1.0);
            self.bins.push(Bin {
                start,
                length: end - start,
                until: total,
                load: (curve(f64::from(from + to) / 2.0) / mean).powf(0.6),
                open,
            });
        }
        self.total = total;
    }
}

/// Walks the bins of one day in time order for a rising position in weight space.
pub(super) struct Cursor<'b> {
    bins: &'b [Bin],
    at: usize,
}

impl<'b> Cursor<'b> {
    pub(super) fn new(bins: &'b [Bin]) -> Cursor<'b> {
        Cursor { bins, at: 0 }
    }

    /// The instant at weight `x` (not less than the last one asked) and its bin.
    pub(super) fn locate(&mut self, x: f64) -> Option<(i64, &'b Bin)> {
        while self.bins.get(self.at)?.until <= x {
            self.at += 1;
        }
        let bin = &self.bins[self.at];
        let before = if self.at == 0 {
            0.0
        } else {
            self.bins[self.at - 1].until
        };
        let share = ((x - before) / (bin.until - before)).clamp(0.0, 1.0);
        let offset = ((bin.length as f64) * share) as i64;
        Some((bin.start + offset.min(bin.length - 1), bin))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curve_peaks_in_the_morning_and_afternoon() {
        let at = |h: f64| curve(h * 60.0);
        assert!(at(10.5) > at(12.5) && at(14.5) > at(12.5));
        assert!(at(12.5) > at(8.0) && at(3.0) < 0.1);
    }

    #[test]
    fn pieces_cover_open_hours_and_the_awake_rest() {
        let mut out = Vec::new();
        pieces(&[(8 * 60, 8 * 60 + 20)], true, &mut out);
        assert_eq!(out[0], (360, 375, false));
        assert!(out.contains(&(480, 495, true)) && out.contains(&(495, 500, true)));
        assert_eq!(out.last(), Some(&(1365, 1380, false)));
        let minutes: u32 = out.iter().map(|(f, t, _)| t - f).sum();
        assert_eq!(minutes, 17 * 60);
        pieces(&[(22 * 60, 26 * 60)], false, &mut out);
        assert_eq!(out.last(), Some(&(1545, 1560, true)));
    }
}
