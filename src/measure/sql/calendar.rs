//! The calendar as data: per UTC day its local dates and period keys (`calendar_day`), and
//! per touchpoint with a schedule and UTC day its open seconds (`open_day`), written from
//! the same `LocalCalendar` and `BusinessClock` rows the evaluation counts with.
//!
//! An event then finds its local date and its business clock by equality on the UTC day
//! number; the SQL never converts a time zone itself.

use std::collections::BTreeMap;

use jiff::tz::TimeZone;

use super::dialect::{Dialect, Type};
use crate::measure::clock::{BusinessClock, DAY, LocalCalendar, OpenDay};
use crate::measure::period;
use crate::model::Period;
use crate::values::{Date, Schedule};

/// The periods whose keys `calendar_day` carries besides the local date (a day period's key
/// is the date).
pub(super) const KEYED: [Period; 4] = [Period::Week, Period::Month, Period::Quarter, Period::Year];

/// `calendar_day` for the UTC days `[first, last]`: the local date before and after the
/// moment its date changes, and the period keys on either side.
pub(super) fn calendar_day(
    d: Dialect,
    tz: &TimeZone,
    first: i64,
    last: i64,
    periods: &[Period],
) -> String {
    let mut columns = vec![
        ("utc_day", Type::Int),
        ("local_split", Type::Int),
        ("local_before", Type::Int),
        ("local_after", Type::Int),
    ];
    let keyed: Vec<Period> = KEYED.into_iter().filter(|p| periods.contains(p)).collect();
    let names: Vec<(String, String)> = keyed
        .iter()
        .map(|p| {
            (
                format!("{}_before", p.keyword()),
                format!("{}_after", p.keyword()),
            )
        })
        .collect();
    for (before, after) in &names {
        columns.push((before, Type::Int));
        columns.push((after, Type::Int));
    }
    let mut calendar = LocalCalendar::new(tz.clone());
    let rows: Vec<Vec<String>> = (first..=last)
        .map(|day| {
            let local = calendar.day(day);
            let mut row = vec![
                day.to_string(),
                local.split.to_string(),
                local.before.to_string(),
                local.after.to_string(),
            ];
            for &p in &keyed {
                row.push(period::start_of(p, local.before).to_string());
                row.push(period::start_of(p, local.after).to_string());
            }
            row
        })
        .collect();
    d.inline_table("calendar_day", &columns, &rows)
}

/// The business clocks of the touchpoints that business-hours standards measure, over one
/// range of UTC days.
pub(super) struct OpenDays {
    pub first: i64,
    pub last: i64,
    /// Per touchpoint, the rows of `[first, last]`.
    pub rows: BTreeMap<String, Vec<OpenDay>>,
}

impl OpenDays {
    /// Clocks for `schedules` covering the UTC days from `first` to at least `end`, and
    /// further until every clock has been open for more than `bound` seconds after `end`
    /// (at most a year more): an event that starts by `end` and ends later then has, at
    /// the table's last second, already passed any business-hours bound, so reading a
    /// later moment as that last second changes no result.
    pub(super) fn new(
        schedules: &BTreeMap<String, Schedule>,
        tz: &TimeZone,
        holidays: &[Date],
        first: i64,
        end: i64,
        bound: f64,
    ) -> OpenDays {
        let most = end + 366;
        let mut clocks: BTreeMap<String, Vec<OpenDay>> = BTreeMap::new();
        let mut last = end + 7;
        for (touchpoint, schedule) in schedules {
            let mut clock = BusinessClock::new(schedule.clone(), tz.clone(), holidays);
            clock.cover(first * DAY, (most + 1) * DAY);
            let rows = clock.rows(first, most + 1).to_vec();
            let mut open = 0i64;
            let mut day = end;
            while day < most && (open as f64) <= bound {
                day += 1;
                open += open_seconds(&rows[(day - first) as usize]);
            }
            last = last.max(day);
            clocks.insert(touchpoint.clone(), rows);
        }
        for rows in clocks.values_mut() {
            rows.truncate((last - first + 1) as usize);
        }
        OpenDays {
            first,
            last,
            rows: clocks,
        }
    }

    /// The most open intervals in one row: the number of interval columns.
    pub(super) fn width(&self) -> usize {
        self.rows
            .values()
            .flatten()
            .map(|r| r.intervals.len())
            .max()
            .unwrap_or(0)
            .max(1)
    }

    /// `B(t)` of `touchpoint` as the SQL reads it: a moment before the table counts as its
    /// first second, one after it as its last.
    pub(super) fn open_until(&self, touchpoint: &str, second: i64) -> i64 {
        let Some(rows) = self.rows.get(touchpoint) else {
            return 0;
        };
        let raw = second.div_euclid(DAY);
        let day = raw.clamp(self.first, self.last);
        let within = if raw > self.last {
            DAY
        } else if raw < self.first {
            0
        } else {
            second - raw * DAY
        };
        let row = &rows[(day - self.first) as usize];
        row.open_before
            + row
                .intervals
                .iter()
                .map(|&(s, e)| (i64::from(e).min(within) - i64::from(s)).max(0))
                .sum::<i64>()
    }

    /// `open_day`: one row per touchpoint and UTC day.
    pub(super) fn table(&self, d: Dialect) -> String {
        let width = self.width();
        let names: Vec<(String, String)> = (1..=width)
            .map(|i| (format!("s{i}"), format!("e{i}")))
            .collect();
        let mut columns = vec![
            ("touchpoint", Type::Text),
            ("utc_day", Type::Int),
            ("open_before", Type::Int),
        ];
        for (s, e) in &names {
            columns.push((s, Type::Int));
            columns.push((e, Type::Int));
        }
        let mut rows = Vec::new();
        for (touchpoint, days) in &self.rows {
            for (offset, row) in days.iter().enumerate() {
                let mut cells = vec![
                    d.string(touchpoint),
                    (self.first + offset as i64).to_string(),
                    row.open_before.to_string(),
                ];
                for i in 0..width {
                    let (s, e) = row.intervals.get(i).copied().unwrap_or((0, 0));
                    cells.push(s.to_string());
                    cells.push(e.to_string());
                }
                rows.push(cells);
            }
        }
        d.inline_table("open_day", &columns, &rows)
    }
}

fn open_seconds(row: &OpenDay) -> i64 {
    row.intervals.iter().map(|&(s, e)| i64::from(e - s)).sum()
}
