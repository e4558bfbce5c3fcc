//! When a touchpoint is open, as instants: the open intervals of one local day (its
//! schedule, less the calendar's holidays, in the calendar's time zone), and the business
//! clock the generator uses to place an `end` a number of business seconds after `start`.
//! Deliberately simple (a walk over days): the evaluation's own clock is `measure::clock`.

use super::zone::Zone;
use crate::values::Schedule;

/// The weekday of a day number (days since 1970-01-01, a Thursday), Monday = 0.
pub(super) fn weekday(day: i64) -> usize {
    (day + 3).rem_euclid(7) as usize
}

/// The schedule used where a touchpoint's `hours` is not a schedule: Monday to Friday,
/// 8 to 18.
pub(super) fn fallback() -> Schedule {
    let mut schedule = Schedule::default();
    for day in &mut schedule.days[..5] {
        day.push((8 * 60, 18 * 60));
    }
    schedule
}

/// The time zone and the holidays (as day numbers, sorted).
#[derive(Debug, Clone)]
pub(super) struct Calendar {
    pub(super) zone: Zone,
    pub(super) holidays: Vec<i64>,
}

impl Calendar {
    pub(super) fn is_holiday(&self, day: i64) -> bool {
        self.holidays.binary_search(&day).is_ok()
    }

    /// The local open ranges (minutes after local midnight, possibly past 1440) that start
    /// on `day`: none on a holiday.
    pub(super) fn open_minutes<'s>(&self, schedule: &'s Schedule, day: i64) -> &'s [(u32, u32)] {
        match self.is_holiday(day) {
            true => &[],
            false => &schedule.days[weekday(day)],
        }
    }

    /// The instant of `minute` after the local midnight of `day`.
    pub(super) fn instant(&self, day: i64, minute: u32) -> i64 {
        self.zone
            .local_to_utc(day * 86_400 + i64::from(minute) * 60)
    }

    /// The instant `seconds` of open time after `start`, or `None` when that is after
    /// `horizon` (or the schedule never opens).
    pub(super) fn advance(
        &self,
        schedule: &Schedule,
        start: i64,
        seconds: i64,
        horizon: i64,
    ) -> Option<i64> {
        let mut left = seconds;
        // The day before, for a range that runs overnight into the start's day.
        let mut day = self.zone.utc_to_local(start).div_euclid(86_400) - 1;
        loop {
            if self.instant(day, 0) > horizon {
                return None;
            }
            for &(from, to) in self.open_minutes(schedule, day) {
                let (open, close) = (self.instant(day, from), self.instant(day, to));
                if close <= start {
                    continue;
                }
                let at = open.max(start);
                if left <= close - at {
                    return Some(at + left).filter(|end| *end <= horizon);
                }
                left -= close - at;
            }
            day += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc_calendar(holidays: Vec<i64>) -> Calendar {
        let tz = jiff::tz::TimeZone::UTC;
        Calendar {
            zone: Zone::new(&tz, 0, 4_000_000_000),
            holidays,
        }
    }

    #[test]
    fn business_time_skips_nights_weekends_and_holidays() {
        // 2026-10-02 is a Friday: day 20_728.
        let friday = crate::values::Date::new(2026, 10, 2).unwrap().to_days();
        assert_eq!(weekday(friday), 4);
        let schedule = fallback();
        let calendar = utc_calendar(vec![]);
        let at = |day: i64, h: i64| day * 86_400 + h * 3600;
        // Friday 17:00 + 2 business hours = Monday 9:00.
        assert_eq!(
            calendar.advance(&schedule, at(friday, 17), 7_200, i64::MAX),
            Some(at(friday + 3, 9))
        );
        // Saturday 12:00 + 1 h = Monday 9:00.
        assert_eq!(
            calendar.advance(&schedule, at(friday + 1, 12), 3_600, i64::MAX),
            Some(at(friday + 3, 9))
        );
        // With Monday a holiday: Tuesday 9:00.
        let calendar = utc_calendar(vec![friday + 3]);
        assert_eq!(
            calendar.advance(&schedule, at(friday, 17), 7_200, i64::MAX),
            Some(at(friday + 4, 9))
        );
        // Beyond the horizon: open.
        assert_eq!(
            calendar.advance(&schedule, at(friday, 17), 7_200, at(friday + 2, 0)),
            None
        );
    }

    #[test]
    fn an_overnight_range_counts_after_midnight() {
        let schedule = Schedule {
            days: std::array::from_fn(|_| vec![(22 * 60, 30 * 60)]),
        };
        let calendar = utc_calendar(vec![]);
        let day = 20_000;
        // 01:00 is inside the previous day's 22–6.
        assert_eq!(
            calendar.advance(&schedule, day * 86_400 + 3_600, 3_600, i64::MAX),
            Some(day * 86_400 + 7_200)
        );
    }
}
