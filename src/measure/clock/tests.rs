use std::collections::HashMap;

use jiff::tz::TimeZone;
use proptest::prelude::*;

use super::*;

fn zone(name: &str) -> TimeZone {
    TimeZone::get(name).unwrap()
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

/// Seconds since the epoch of a UTC wall time `YYYY-MM-DD HH:MM`.
fn utc(text: &str) -> i64 {
    let (d, t) = text.split_once(' ').unwrap();
    let (h, m) = t.split_once(':').unwrap();
    date(d).to_days() * DAY + h.parse::<i64>().unwrap() * 3600 + m.parse::<i64>().unwrap() * 60
}

fn weekdays(open: u32, close: u32) -> Schedule {
    let mut s = Schedule::default();
    for day in 0..5 {
        s.days[day] = vec![(open * 60, close * 60)];
    }
    s
}

fn all_week(ranges: &[(u32, u32)]) -> Schedule {
    let mut s = Schedule::default();
    for day in 0..7 {
        s.days[day] = ranges.to_vec();
    }
    s
}

/// The reference: every minute of `[from, to)` looked at one by one. A minute is open when,
/// for its local date or the day before (not a holiday), one of that weekday's ranges has
/// begun and not yet ended, where a range begins at the first minute whose wall clock shows
/// at least its start: found by walking minutes forward and reading the wall clock, the
/// direction of conversion that is never ambiguous.
struct Naive<'a> {
    schedule: &'a Schedule,
    tz: &'a TimeZone,
    holidays: &'a [Date],
    first: HashMap<(i64, u32), i64>,
}

impl Naive<'_> {
    /// Local wall time of a minute, as minutes since local 1970-01-01 00:00.
    fn wall(&self, minute: i64) -> i64 {
        let dt = self
            .tz
            .to_datetime(jiff::Timestamp::from_second(minute * 60).unwrap());
        let d = Date::new(i32::from(dt.year()), dt.month() as u32, dt.day() as u32).unwrap();
        d.to_days() * 1440 + i64::from(dt.hour()) * 60 + i64::from(dt.minute())
    }

    fn first_minute(&mut self, local: i64, minutes: u32) -> i64 {
        if let Some(&m) = self.first.get(&(local, minutes)) {
            return m;
        }
        let target = local * 1440 + i64::from(minutes);
        let mut m = target - 16 * 60;
        while self.wall(m) < target {
            m += 1;
        }
        self.first.insert((local, minutes), m);
        m
    }

    fn open_minute(&mut self, minute: i64) -> bool {
        let today = self.wall(minute).div_euclid(1440);
        for local in [today - 1, today] {
            if self.holidays.iter().any(|h| h.to_days() == local) {
                continue;
            }
            let weekday = (local + 3).rem_euclid(7) as usize;
            for &(s, e) in &self.schedule.days[weekday].clone() {
                if self.first_minute(local, s) <= minute && minute < self.first_minute(local, e) {
                    return true;
                }
            }
        }
        false
    }

    fn open_seconds(&mut self, from: i64, to: i64) -> i64 {
        let (a, b) = (from / 60, to / 60);
        (a..b).filter(|&m| self.open_minute(m)).count() as i64 * 60
    }
}

#[test]
fn an_email_opened_friday_before_closing_is_not_late_over_the_weekend() {
    let mut clock = BusinessClock::new(weekdays(8, 18), zone("Europe/Warsaw"), &[]);
    // 2026-10-16 is a Friday; 17:59 local is 15:59 UTC (CEST).
    let opened = utc("2026-10-16 15:59");
    let monday = utc("2026-10-19 06:01");
    assert_eq!(clock.open_seconds(opened, monday), 2 * 60);
}

#[test]
fn a_holiday_does_not_count() {
    let holidays = [date("2026-11-11")];
    let mut clock = BusinessClock::new(weekdays(8, 18), zone("Europe/Warsaw"), &holidays);
    // Tuesday 17:00 local (16:00 UTC, CET) to Thursday 9:00 local, over Wednesday 11 November.
    let from = utc("2026-11-10 16:00");
    let to = utc("2026-11-12 08:00");
    assert_eq!(clock.open_seconds(from, to), 2 * 3600);
}

#[test]
fn both_daylight_saving_changes_keep_the_opening_hours_local() {
    let tz = zone("Europe/Warsaw");
    let mut clock = BusinessClock::new(all_week(&[(0, 1440)]), tz.clone(), &[]);
    // Sunday 29 March 2026 has 23 hours, Sunday 25 October 25.
    let march = clock.open_seconds(utc("2026-03-28 23:00"), utc("2026-03-29 22:00"));
    assert_eq!(march, 23 * 3600);
    let october = clock.open_seconds(utc("2026-10-24 22:00"), utc("2026-10-25 23:00"));
    assert_eq!(october, 25 * 3600);
    // 8–18 on those days is ten hours of real time either way.
    let mut office = BusinessClock::new(all_week(&[(480, 1080)]), tz, &[]);
    let day = office.open_seconds(utc("2026-03-28 23:00"), utc("2026-03-29 22:00"));
    assert_eq!(day, 10 * 3600);
}

#[test]
fn an_opening_time_in_the_gap_opens_when_the_clock_jumps() {
    // 02:30 does not exist in Warsaw on 29 March 2026: the clock goes from 02:00 to 03:00.
    let mut clock = BusinessClock::new(all_week(&[(150, 240)]), zone("Europe/Warsaw"), &[]);
    let open = clock.open_seconds(utc("2026-03-28 23:00"), utc("2026-03-29 22:00"));
    assert_eq!(open, 3600, "03:00 to 04:00 CEST");
}

#[test]
fn an_overnight_range_belongs_to_the_day_it_starts() {
    let mut schedule = Schedule::default();
    schedule.days[0] = vec![(22 * 60, 30 * 60)]; // Monday 22–6
    let holidays = [date("2026-10-12")]; // a Monday
    let mut clock = BusinessClock::new(schedule.clone(), TimeZone::UTC, &holidays);
    let week = (utc("2026-10-12 00:00"), utc("2026-10-27 00:00"));
    // Mondays 12, 19 and 26 October, the first a holiday: 19–20 October 22:00–06:00 and
    // 26 October from 22:00 to the end of the range are open, and none of 13 October.
    assert_eq!(clock.open_seconds(week.0, week.1), 10 * 3600);
    let mut plain = BusinessClock::new(schedule, TimeZone::UTC, &[]);
    assert_eq!(plain.open_seconds(week.0, week.1), 18 * 3600);
}

#[test]
fn half_hour_and_quarter_hour_zones() {
    for (name, offset) in [("Asia/Kolkata", 330), ("Asia/Kathmandu", 345)] {
        let mut clock = BusinessClock::new(weekdays(9, 17), zone(name), &[]);
        // Monday 2026-10-19, 9:00 local.
        let nine = utc("2026-10-19 09:00") - offset * 60;
        assert_eq!(clock.open_seconds(nine - 3600, nine + 3600), 3600, "{name}");
    }
}

#[test]
fn the_local_date_of_a_moment() {
    let mut calendar = LocalCalendar::new(zone("Europe/Warsaw"));
    // 2026-10-31 23:30 UTC is 2026-11-01 00:30 in Warsaw (CET).
    assert_eq!(
        calendar.date_of(utc("2026-10-31 23:30")),
        date("2026-11-01").to_days()
    );
    assert_eq!(
        calendar.date_of(utc("2026-10-31 22:59")),
        date("2026-10-31").to_days()
    );
    let mut moscow = LocalCalendar::new(zone("America/New_York"));
    assert_eq!(
        moscow.date_of(utc("2027-01-01 04:59")),
        date("2026-12-31").to_days()
    );
}

#[test]
fn the_table_grows_backwards_and_forwards() {
    let mut clock = BusinessClock::new(weekdays(8, 18), TimeZone::UTC, &[]);
    let week = 5 * 10 * 3600;
    let a = utc("2026-10-19 00:00");
    assert_eq!(clock.open_seconds(a, a + 7 * DAY), week);
    let past = utc("2020-10-19 00:00");
    assert_eq!(clock.open_seconds(past, past + 7 * DAY), week);
    let future = utc("2031-10-20 00:00");
    assert_eq!(clock.open_seconds(future, future + 7 * DAY), week);
    assert_eq!(clock.open_seconds(a, a + 7 * DAY), week);
}

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Warsaw",
    "Europe/Ljubljana",
    "Europe/Moscow",
    "America/New_York",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
];

/// Mondays of weeks with a daylight-saving change in one of the zones, and ordinary ones.
const WEEKS: &[&str] = &[
    "2026-03-23",
    "2026-10-19",
    "2026-03-02",
    "2026-10-26",
    "2026-03-30",
    "2026-09-28",
    "2026-06-15",
    "2026-12-28",
];

fn schedule_strategy() -> impl Strategy<Value = Schedule> {
    let range = (0u32..48, 1u32..40).prop_map(|(start, len)| (start * 30, (start + len) * 30));
    let day = prop::collection::vec(range, 0..3);
    prop::array::uniform7(day).prop_map(|days| {
        let mut schedule = Schedule::default();
        for (i, mut ranges) in days.into_iter().enumerate() {
            ranges.retain(|&(_, e)| e <= 2880);
            ranges.sort_unstable();
            let mut merged: Vec<(u32, u32)> = Vec::new();
            for (s, e) in ranges {
                match merged.last_mut() {
                    Some(last) if s <= last.1 => last.1 = last.1.max(e),
                    _ => merged.push((s, e)),
                }
            }
            schedule.days[i] = merged;
        }
        schedule
    })
}

fn case() -> impl Strategy<Value = (Schedule, usize, usize, i64, i64, Vec<i64>)> {
    (
        schedule_strategy(),
        0..ZONES.len(),
        0..WEEKS.len(),
        0i64..(9 * 1440),
        0i64..(3 * 1440),
        prop::collection::vec(0i64..9, 0..3),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn business_time_matches_a_minute_by_minute_count(
        (schedule, z, w, start, length, holiday_offsets) in case()
    ) {
        let tz = zone(ZONES[z]);
        let monday = date(WEEKS[w]).to_days();
        let holidays: Vec<Date> = holiday_offsets.iter().map(|o| Date::from_days(monday + o)).collect();
        let from = (monday * 1440 + start) * 60 - 12 * 3600;
        let to = from + length * 60;
        let mut clock = BusinessClock::new(schedule.clone(), tz.clone(), &holidays);
        let mut naive = Naive { schedule: &schedule, tz: &tz, holidays: &holidays, first: HashMap::new() };
        let fast = clock.open_seconds(from, to);
        prop_assert_eq!(fast, naive.open_seconds(from, to));
        prop_assert!(fast >= 0 && fast <= to - from);
        let middle = from + (to - from) / 3;
        prop_assert_eq!(fast, clock.open_seconds(from, middle) + clock.open_seconds(middle, to));
    }

    #[test]
    fn a_clock_open_all_the_time_counts_elapsed_time(
        z in 0..ZONES.len(), w in 0..WEEKS.len(), start in 0i64..(9 * 86400), length in 0i64..(20 * 86400)
    ) {
        let mut clock = BusinessClock::new(all_week(&[(0, 1440)]), zone(ZONES[z]), &[]);
        let from = date(WEEKS[w]).to_days() * DAY + start;
        prop_assert_eq!(clock.open_seconds(from, from + length), length);
    }

    #[test]
    fn the_local_date_matches_the_time_zone(z in 0..ZONES.len(), second in 1_700_000_000i64..1_900_000_000) {
        let tz = zone(ZONES[z]);
        let mut calendar = LocalCalendar::new(tz.clone());
        let dt = tz.to_datetime(jiff::Timestamp::from_second(second).unwrap());
        let expected = Date::new(i32::from(dt.year()), dt.month() as u32, dt.day() as u32).unwrap();
        prop_assert_eq!(calendar.date_of(second), expected.to_days());
    }
}
