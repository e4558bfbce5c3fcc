//! Calendar dates without a time zone, with the arithmetic review cycles need.

use std::fmt;

use super::{Duration, DurationUnit};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (1..=12).contains(&month).then_some(())?;
        (1..=days_in_month(year, month))
            .contains(&day)
            .then_some(())?;
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`: four, two and two ASCII digits (not `565666-6-6` or
    /// `+202-01-01`, which are ten bytes long too).
    pub fn parse(text: &str) -> Option<Date> {
        let shaped = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        shaped.then_some(())?;
        Date::new(
            text[..4].parse().ok()?,
            text[5..7].parse().ok()?,
            text[8..].parse().ok()?,
        )
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }

    /// The day a build renders as "today": `SOURCE_DATE_EPOCH` (seconds since 1970, the
    /// reproducible-builds convention) when it is set and valid, else [`Date::today`]. Two
    /// builds on one day, or with one `SOURCE_DATE_EPOCH`, write the same review banners.
    pub fn build_today() -> Date {
        std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .map_or_else(Date::today, |secs| Date::from_days(secs.div_euclid(86_400)))
    }

    /// The date a review cycle of `every` after `self` falls due, or `None` for a cycle
    /// longer than 1000 years (which never falls due, and would overflow the calendar).
    pub fn review_due(self, every: &Duration) -> Option<Date> {
        let years = every.nominal_seconds() / (365.0 * 86_400.0);
        (years <= 1000.0).then(|| self.after(every))
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Adds calendar months, clamping the day to the month's end (Jan 31 + 1 month = Feb 28).
    pub fn add_months(self, months: i64) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + months;
        let year = index.div_euclid(12) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// The date a review cycle of `every` after `self` falls due (FORMAT.md §7: months and
    /// years are calendar months, weeks and days add days).
    pub fn after(self, every: &Duration) -> Date {
        let whole = every.amount.trunc() as i64;
        match every.unit {
            DurationUnit::Year => self.add_months(whole * 12),
            DurationUnit::Month => self.add_months(whole),
            _ => {
                let days = (every.nominal_seconds() / 86_400.0).ceil() as i64;
                Date::from_days(self.to_days() + days)
            }
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_four_two_and_two_digits_parse() {
        assert_eq!(Date::parse("2026-03-01"), Date::new(2026, 3, 1));
        for bad in [
            "565666-6-6",
            "+202-01-01",
            "2026-3-001",
            "2026-03-1 ",
            "２０２６-03-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn days_round_trip() {
        for (date, days) in [
            ((1970, 1, 1), 0),
            ((2026, 3, 15), 20_527),
            ((2000, 2, 29), 11_016),
        ] {
            let date = Date::new(date.0, date.1, date.2).unwrap();
            assert_eq!(date.to_days(), days);
            assert_eq!(Date::from_days(days), date);
        }
    }

    #[test]
    fn review_cycles_add_calendar_months() {
        let date = Date::parse("2026-03-15").unwrap();
        let six_months = Duration::parse("6 months").unwrap();
        assert_eq!(date.after(&six_months).to_string(), "2026-09-15");
        let jan31 = Date::parse("2026-01-31").unwrap();
        assert_eq!(jan31.add_months(1).to_string(), "2026-02-28");
        let year = Duration::parse("1 year").unwrap();
        assert_eq!(date.after(&year).to_string(), "2027-03-15");
        let weeks = Duration::parse("2 weeks").unwrap();
        assert_eq!(date.after(&weeks).to_string(), "2026-03-29");
    }

    #[test]
    fn parse_rejects_invalid_dates() {
        assert!(Date::parse("2026-02-30").is_none());
        assert!(Date::parse("2026-2-3").is_none());
        assert!(Date::parse("junk").is_none());
    }
}
