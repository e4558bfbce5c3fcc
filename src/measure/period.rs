//! Evaluation periods: which day, ISO week, month, quarter or year holds a local date, and
//! how each is written (`2026-10-01`, `2026-W40`, `2026-10`, `2026-Q4`, `2026`).
//!
//! A period is identified by its first local date, as days since 1970-01-01, so periods sort
//! and follow each other as numbers.

use crate::model::Period;
use crate::values::Date;

/// The first date of the period of `period` that holds `local`.
pub(crate) fn start_of(period: Period, local: i64) -> i64 {
    let date = Date::from_days(local);
    let first = |month: u32| Date::new(date.year, month, 1).map_or(local, Date::to_days);
    match period {
        Period::Day => local,
        Period::Week => local - weekday(local),
        Period::Month => first(date.month),
        Period::Quarter => first((date.month - 1) / 3 * 3 + 1),
        Period::Year => first(1),
    }
}

/// The first date of the period after the one that starts on `start`.
pub(crate) fn next(period: Period, start: i64) -> i64 {
    let date = Date::from_days(start);
    match period {
        Period::Day => start + 1,
        Period::Week => start + 7,
        Period::Month => date.add_months(1).to_days(),
        Period::Quarter => date.add_months(3).to_days(),
        Period::Year => date.add_months(12).to_days(),
    }
}

/// Monday is 0.
pub(crate) fn weekday(local: i64) -> i64 {
    (local + 3).rem_euclid(7)
}

/// The period's key as reports write it.
pub(crate) fn label(period: Period, start: i64) -> String {
    let date = Date::from_days(start);
    match period {
        Period::Day => date.to_string(),
        Period::Week => {
            // The ISO week belongs to the year of its Thursday.
            let thursday = Date::from_days(start + 3);
            let jan1 = Date::new(thursday.year, 1, 1).map_or(start, Date::to_days);
            let week = (start + 3 - jan1) / 7 + 1;
            format!("{}-W{week:02}", thursday.year)
        }
        Period::Month => format!("{}-{:02}", date.year, date.month),
        Period::Quarter => format!("{}-Q{}", date.year, (date.month - 1) / 3 + 1),
        Period::Year => date.year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(text: &str) -> i64 {
        Date::parse(text).unwrap().to_days()
    }

    fn key(period: Period, date: &str) -> String {
        label(period, start_of(period, days(date)))
    }

    #[test]
    fn keys_of_each_period() {
        assert_eq!(key(Period::Day, "2026-10-01"), "2026-10-01");
        assert_eq!(key(Period::Week, "2026-10-01"), "2026-W40");
        assert_eq!(key(Period::Month, "2026-10-01"), "2026-10");
        assert_eq!(key(Period::Quarter, "2026-11-30"), "2026-Q4");
        assert_eq!(key(Period::Year, "2026-10-01"), "2026");
    }

    #[test]
    fn iso_weeks_at_the_turn_of_the_year() {
        assert_eq!(key(Period::Week, "2026-12-31"), "2026-W53");
        assert_eq!(key(Period::Week, "2027-01-03"), "2026-W53");
        assert_eq!(key(Period::Week, "2027-01-04"), "2027-W01");
        assert_eq!(key(Period::Week, "2024-12-30"), "2025-W01");
    }

    #[test]
    fn periods_follow_each_other() {
        for period in [
            Period::Day,
            Period::Week,
            Period::Month,
            Period::Quarter,
            Period::Year,
        ] {
            let mut start = start_of(period, days("2025-11-17"));
            for _ in 0..30 {
                let following = next(period, start);
                assert!(following > start);
                assert_eq!(start_of(period, following - 1), start);
                assert_eq!(start_of(period, following), following);
                start = following;
            }
        }
    }

    #[test]
    fn iso_weeks_agree_with_jiff() {
        for local in days("2020-01-01")..days("2032-01-01") {
            let d = Date::from_days(local);
            let iso = jiff::civil::date(d.year as i16, d.month as i8, d.day as i8).iso_week_date();
            let expected = format!("{}-W{:02}", iso.year(), iso.week());
            assert_eq!(key(Period::Week, &d.to_string()), expected);
        }
    }
}
