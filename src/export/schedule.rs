//! A touchpoint's schedule in the shapes the tools take: minutes since Sunday 00:00, split at
//! midnight (Zendesk's intervals cannot span calendar days), and the calendar's holidays as
//! runs of consecutive days.
//!
//! sok's `Schedule` counts an overnight range (`Fri 22–02`) as part of the day it starts on,
//! so a holiday on Friday closes all of it; the tools close a holiday's calendar date only.
//! `overnight` tells the caller when that difference can arise, so it is reported.

use crate::values::{Date, Schedule};

const DAY: u32 = 1440;
const WEEK: u32 = 7 * DAY;

/// An open interval `[start, end)` in minutes since Sunday 00:00, within one calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Interval {
    pub start: u32,
    pub end: u32,
}

/// The weekly open intervals, sorted, each within one day; touching parts of one day are
/// joined, and an overnight range is split at midnight into the next day (Saturday's into
/// Sunday, at the start of the week).
pub(crate) fn week_intervals(schedule: &Schedule) -> Vec<Interval> {
    let mut pieces: Vec<(u32, u32)> = Vec::new();
    for (monday_based, ranges) in schedule.days.iter().enumerate() {
        // Monday is day 1 of a week that starts on Sunday.
        let base = ((monday_based as u32 + 1) % 7) * DAY;
        for &(start, end) in ranges {
            let (start, end) = (base + start, base + end);
            if end <= base + DAY {
                pieces.push((start, end));
            } else {
                pieces.push((start, base + DAY));
                let (next, rest) = ((base + DAY) % WEEK, end - (base + DAY));
                pieces.push((next, next + rest));
            }
        }
    }
    pieces.sort_unstable();
    let mut out: Vec<Interval> = Vec::with_capacity(pieces.len());
    for (start, end) in pieces {
        match out.last_mut() {
            // Joined only within a day: the tools want every interval inside one day.
            Some(last) if start <= last.end && start / DAY == last.start / DAY => {
                last.end = last.end.max(end);
            }
            _ => out.push(Interval { start, end }),
        }
    }
    out
}

/// Whether some range runs past midnight, where a holiday means something else in sok.
pub(crate) fn overnight(schedule: &Schedule) -> bool {
    schedule.days.iter().flatten().any(|&(_, end)| end > DAY)
}

/// A run of consecutive holidays, first and last day included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HolidayRun {
    pub first: Date,
    pub last: Date,
}

/// The holidays (sorted, without repeats, as `[calendar]` keeps them) as runs of days.
pub(crate) fn holiday_runs(holidays: &[Date]) -> Vec<HolidayRun> {
    let mut out: Vec<HolidayRun> = Vec::new();
    for &day in holidays {
        match out.last_mut() {
            Some(run) if run.last.to_days() + 1 == day.to_days() => run.last = day,
            _ => out.push(HolidayRun {
                first: day,
                last: day,
            }),
        }
    }
    out
}

/// `08:00` for 480 minutes into a day.
pub(crate) fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::values::parse_schedule;

    fn intervals(text: &str) -> Vec<(u32, u32)> {
        let schedule = parse_schedule(text, Language::En).unwrap();
        week_intervals(&schedule)
            .iter()
            .map(|i| (i.start, i.end))
            .collect()
    }

    #[test]
    fn weekdays_count_from_sunday() {
        // Monday 9–17 is day 1.
        assert_eq!(intervals("Mon 9–17"), vec![(1440 + 540, 1440 + 1020)]);
        assert_eq!(intervals("Sun 10–14"), vec![(600, 840)]);
    }

    #[test]
    fn an_overnight_range_is_split_at_midnight() {
        // Friday is day 5, Saturday day 6.
        let fri = 5 * 1440;
        assert_eq!(
            intervals("Fri 22–02"),
            vec![(fri + 1320, fri + 1440), (fri + 1440, fri + 1440 + 120)]
        );
    }

    #[test]
    fn saturday_night_runs_into_sunday_at_the_start_of_the_week() {
        let sat = 6 * 1440;
        assert_eq!(
            intervals("Sat 22–6"),
            vec![(0, 360), (sat + 1320, sat + 1440)]
        );
    }

    #[test]
    fn the_overnight_part_joins_the_next_days_own_range() {
        // Tue 0–2 from Monday's night and Tue 1–8 overlap: one interval on Tuesday.
        let tue = 2 * 1440;
        assert_eq!(
            intervals("Mon 22–2, Tue 1–8"),
            vec![(1440 + 1320, 1440 + 1440), (tue, tue + 480)]
        );
    }

    #[test]
    fn around_the_clock_is_one_interval_per_day() {
        let all = intervals("24/7");
        assert_eq!(all.len(), 7);
        assert!(all.iter().all(|&(s, e)| e - s == 1440 && s % 1440 == 0));
    }

    #[test]
    fn overnight_is_told() {
        let night = parse_schedule("Fri 22–02", Language::En).unwrap();
        let day = parse_schedule("Mon–Fri 8–18", Language::En).unwrap();
        assert!(overnight(&night));
        assert!(!overnight(&day));
    }

    #[test]
    fn consecutive_holidays_make_one_run() {
        let d = |s| Date::parse(s).unwrap();
        let runs = holiday_runs(&[d("2026-01-01"), d("2026-01-02"), d("2026-01-06")]);
        assert_eq!(
            runs,
            vec![
                HolidayRun {
                    first: d("2026-01-01"),
                    last: d("2026-01-02")
                },
                HolidayRun {
                    first: d("2026-01-06"),
                    last: d("2026-01-06")
                },
            ]
        );
        // Across a month's end.
        assert_eq!(holiday_runs(&[d("2026-12-31"), d("2027-01-01")]).len(), 1);
    }

    #[test]
    fn clock_writes_hours_and_minutes() {
        assert_eq!(clock(480), "08:00");
        assert_eq!(clock(1290), "21:30");
        assert_eq!(clock(1440), "00:00");
    }
}
