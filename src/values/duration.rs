//! Durations such as `"2 min"` or `"3 business days"`.

use std::fmt;

use super::duration_words::SPELLINGS;

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
        SPELLINGS
            .iter()
            .find(|(_, words)| words.iter().any(|w| w.contains(&word)))
            .map(|(unit, _)| *unit)
    }

    /// The unit's name in the help of a misspelt unit.
    fn plural(self) -> &'static str {
        match self {
            DurationUnit::Second => "Seconds",
            DurationUnit::Minute => "Minutes",
            DurationUnit::Hour => "Hours",
            DurationUnit::Day => "Days",
            DurationUnit::BusinessDay => "Business days",
            DurationUnit::Week => "Weeks",
            DurationUnit::Month => "Months",
            DurationUnit::Year => "Years",
        }
    }

    /// Every spelling of the unit, in all languages, each once.
    fn spellings(self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for (_, words) in SPELLINGS.iter().filter(|(unit, _)| *unit == self) {
            for word in words.iter().flat_map(|w| w.iter()) {
                if !out.contains(word) {
                    out.push(word);
                }
            }
        }
        out
    }
}

/// Every spelling of every unit, for the schema's pattern.
pub(crate) fn all_spellings() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (unit, _) in SPELLINGS {
        out.extend(
            unit.spellings()
                .into_iter()
                .filter(|w| !out.contains(w))
                .collect::<Vec<_>>(),
        );
    }
    out
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

    /// Parses `"2 min"`, `"30s"`, `"3 business days"`, `"2 godz."`; the error is a help line.
    pub fn parse(text: &str) -> Result<Duration, String> {
        const UNITS: &str = "use a number and a unit: s, min, h, d, business days, weeks, months or years (e.g. \"2 min\"); the words of every handbook language are listed in docs/format.md";
        let text = text.trim();
        let split = text
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let amount: f64 = match number.parse() {
            Ok(n) if !number.is_empty() && !number.ends_with('.') => n,
            _ => return Err(UNITS.to_string()),
        };
        if let Some(help) = decimal_comma(number, unit) {
            return Err(help);
        }
        let unit = unit.trim().to_lowercase();
        let unit = unit.split_whitespace().collect::<Vec<_>>().join(" ");
        if unit == "m" {
            return Err(
                "`m` is ambiguous: write \"min\" for minutes or \"months\" for months".into(),
            );
        }
        match DurationUnit::from_word(&unit) {
            Some(unit) if amount.is_finite() => Ok(Duration { amount, unit }),
            Some(_) => Err(UNITS.to_string()),
            None => Err(unknown_unit(&unit).unwrap_or_else(|| UNITS.to_string())),
        }
    }
}

/// `"1,5 h"`: a decimal comma, as Polish, Russian and Slovenian write numbers. The help shows
/// the decimal point and, where it comes out whole, the same length in a smaller unit.
fn decimal_comma(number: &str, rest: &str) -> Option<String> {
    let fraction = rest.strip_prefix(',')?;
    let digits = fraction
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(fraction.len());
    if digits == 0 || number.contains('.') {
        return None;
    }
    let with_point = format!("{number}.{fraction}");
    let duration = Duration::parse(&with_point).ok()?;
    let point = with_point.trim().to_string();
    let smaller = [
        (DurationUnit::Minute, DurationUnit::Second, 60.0),
        (DurationUnit::Hour, DurationUnit::Minute, 60.0),
        (DurationUnit::Day, DurationUnit::Hour, 24.0),
        (DurationUnit::Week, DurationUnit::Day, 7.0),
        (DurationUnit::Year, DurationUnit::Month, 12.0),
    ]
    .into_iter()
    .find(|(from, _, _)| *from == duration.unit)
    .map(|(_, to, factor)| Duration {
        amount: duration.amount * factor,
        unit: to,
    })
    .filter(|d| d.amount.fract() == 0.0);
    Some(match smaller {
        Some(d) => format!(
            "a duration is written with a decimal point, not a comma: write \"{point}\" or \"{d}\""
        ),
        None => {
            format!("a duration is written with a decimal point, not a comma: write \"{point}\"")
        }
    })
}

/// A unit close to a known spelling: the help names that unit's spellings.
fn unknown_unit(word: &str) -> Option<String> {
    let spellings = all_spellings();
    let guess = crate::diagnostics::closest(word, spellings.iter().copied())?;
    let unit = DurationUnit::from_word(guess)?;
    Some(format!(
        "`{word}` is not a unit sok reads; did you mean `{guess}`? {} are written: {}",
        unit.plural(),
        unit.spellings().join(", ")
    ))
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
        for bad in [
            "",
            "min",
            "2",
            "-2 min",
            "2 minutky",
            "1. h",
            "two min",
            "2 h.",
        ] {
            assert!(Duration::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_the_common_spellings_of_every_language() {
        for (text, seconds) in [
            ("2 hrs", 7_200.0),
            ("1 wk", 604_800.0),
            ("1 working day", 86_400.0),
            ("2 godz.", 7_200.0),
            ("30 minut", 1_800.0),
            ("1 dzień roboczy", 86_400.0),
            ("2 Tygodnie", 2.0 * 604_800.0),
            ("1.5 godziny", 5_400.0),
            ("30 мин.", 1_800.0),
            ("2 ЧАСА", 7_200.0),
            ("3 рабочих дня", 3.0 * 86_400.0),
            ("1 год", 365.0 * 86_400.0),
            ("2 uri", 7_200.0),
            ("3 delovnih   dni", 3.0 * 86_400.0),
            ("1 teden", 604_800.0),
            ("6 mesecev", 6.0 * 30.0 * 86_400.0),
        ] {
            assert_eq!(
                Duration::parse(text).map(|d| d.nominal_seconds()),
                Ok(seconds),
                "{text}"
            );
        }
        assert_eq!(
            Duration::parse("1 working day").unwrap().unit,
            DurationUnit::BusinessDay
        );
    }

    #[test]
    fn no_spelling_names_two_units() {
        for (unit, words) in SPELLINGS {
            for word in words.iter().flat_map(|w| w.iter()) {
                assert_eq!(DurationUnit::from_word(word), Some(*unit), "{word}");
                assert_eq!(word.to_lowercase(), *word, "{word}");
                assert_ne!(*word, "m");
            }
        }
    }

    #[test]
    fn a_decimal_comma_is_named() {
        let help = Duration::parse("1,5 h").unwrap_err();
        assert!(help.contains("decimal point"), "{help}");
        assert!(help.contains("\"1.5 h\" or \"90 min\""), "{help}");
        let help = Duration::parse("2,5 godz.").unwrap_err();
        assert!(help.contains("\"2.5 godz.\" or \"150 min\""), "{help}");
        let help = Duration::parse("1,3 months").unwrap_err();
        assert!(help.contains("write \"1.3 months\""), "{help}");
    }

    #[test]
    fn a_misspelt_unit_names_the_spellings_of_its_unit() {
        let help = Duration::parse("2 hourz").unwrap_err();
        assert!(help.contains("did you mean `hour`?"), "{help}");
        assert!(help.contains("h, hr, hrs, hour, hours, godz"), "{help}");
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
