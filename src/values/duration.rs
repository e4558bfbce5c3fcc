//! Durations such as `"2 min"` or `"3 business days"`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DurationUnit {
    Second,
    Minute,
    Hour,
    Day,
    BusinessDay,
    Week,
    Month,
    Year,
}

impl DurationUnit {
    /// Nominal length in seconds; a business day counts as a day (FORMAT.md §7).
    pub fn seconds(self) -> f64 {
        match self {
            DurationUnit::Second => 1.0,
            DurationUnit::Minute => 60.0,
            DurationUnit::Hour => 3600.0,
            DurationUnit::Day | DurationUnit::BusinessDay => 86_400.0,
            DurationUnit::Week => 7.0 * 86_400.0,
            DurationUnit::Month => 30.0 * 86_400.0,
            DurationUnit::Year => 365.0 * 86_400.0,
        }
    }

    /// The canonical short spelling used when a duration is written back.
    pub fn symbol(self) -> &'static str {
        match self {
            DurationUnit::Second => "s",
            DurationUnit::Minute => "min",
            DurationUnit::Hour => "h",
            DurationUnit::Day => "d",
            DurationUnit::BusinessDay => "business days",
            DurationUnit::Week => "weeks",
            DurationUnit::Month => "months",
            DurationUnit::Year => "years",
        }
    }

    fn from_word(word: &str) -> Option<DurationUnit> {
        Some(match word {
            "s" | "sec" | "secs" | "second" | "seconds" => DurationUnit::Second,
            "min" | "mins" | "minute" | "minutes" => DurationUnit::Minute,
            "h" | "hour" | "hours" => DurationUnit::Hour,
            "d" | "day" | "days" => DurationUnit::Day,
            "business day" | "business days" => DurationUnit::BusinessDay,
            "w" | "week" | "weeks" => DurationUnit::Week,
            "month" | "months" => DurationUnit::Month,
            "year" | "years" => DurationUnit::Year,
            _ => return None,
        })
    }
}

/// A length of time as written: an amount and a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    pub amount: f64,
    pub unit: DurationUnit,
}

impl Duration {
    pub fn nominal_seconds(&self) -> f64 {
        self.amount * self.unit.seconds()
    }

    /// Parses `"2 min"`, `"30s"`, `"3 business days"`; the error is a help line.
    pub fn parse(text: &str) -> Result<Duration, String> {
        const UNITS: &str = "use a number and a unit: s, min, h, d, business days, weeks, months or years (e.g. \"2 min\")";
        let text = text.trim();
        let split = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let amount: f64 = match number.parse() {
            Ok(n) if !number.is_empty() && !number.ends_with('.') => n,
            _ => return Err(UNITS.to_string()),
        };
        let unit = unit.trim().to_lowercase();
        let unit = unit.split_whitespace().collect::<Vec<_>>().join(" ");
        if unit == "m" {
            return Err(
                "`m` is ambiguous: write \"min\" for minutes or \"months\" for months".into(),
            );
        }
        match DurationUnit::from_word(&unit) {
            Some(unit) if amount.is_finite() => Ok(Duration { amount, unit }),
            _ => Err(UNITS.to_string()),
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let amount = super::format_number(self.amount);
        let symbol = match (self.unit, self.amount == 1.0) {
            (DurationUnit::BusinessDay, true) => "business day",
            (DurationUnit::Week, true) => "week",
            (DurationUnit::Month, true) => "month",
            (DurationUnit::Year, true) => "year",
            (unit, _) => unit.symbol(),
        };
        write!(f, "{amount} {symbol}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_spec_examples() {
        for (text, seconds) in [
            ("30 s", 30.0),
            ("2 min", 120.0),
            ("2min", 120.0),
            ("4 h", 14_400.0),
            ("1 d", 86_400.0),
            ("2 days", 172_800.0),
            ("1 week", 604_800.0),
            ("3 business days", 259_200.0),
            ("6 months", 6.0 * 30.0 * 86_400.0),
            ("1 year", 365.0 * 86_400.0),
            ("1.5 h", 5_400.0),
        ] {
            assert_eq!(
                Duration::parse(text).unwrap().nominal_seconds(),
                seconds,
                "{text}"
            );
        }
    }

    #[test]
    fn rejects_bare_m_and_junk() {
        assert!(Duration::parse("2 m").unwrap_err().contains("ambiguous"));
        for bad in ["", "min", "2", "-2 min", "2 minuty", "1. h", "two min"] {
            assert!(Duration::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn displays_canonically() {
        assert_eq!(Duration::parse("2 minutes").unwrap().to_string(), "2 min");
        assert_eq!(
            Duration::parse("1 business day").unwrap().to_string(),
            "1 business day"
        );
    }
}
