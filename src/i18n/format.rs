//! The one set of formatters: numbers with the language's decimal mark, percentages, dates
//! with the month's name, and durations with the unit in the grammatical form its place in
//! the sentence needs.

use super::Catalog;
use super::catalog::fill;
use crate::values::{Date, Duration, DurationUnit, format_number};

/// The grammatical form a duration is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Standalone, as in "review cycle: 6 months".
    Count,
    /// After the language's "within" (genitive in pl and ru: "w ciągu 2 dni").
    Within,
}

impl Form {
    fn key(self) -> &'static str {
        match self {
            Form::Count => "count",
            Form::Within => "within",
        }
    }
}

fn unit_key(unit: DurationUnit) -> &'static str {
    match unit {
        DurationUnit::Second => "second",
        DurationUnit::Minute => "minute",
        DurationUnit::Hour => "hour",
        DurationUnit::Day => "day",
        DurationUnit::BusinessDay => "business_day",
        DurationUnit::Week => "week",
        DurationUnit::Month => "month",
        DurationUnit::Year => "year",
    }
}

impl Catalog {
    /// A number with the language's decimal separator (`99,5`).
    pub fn number(&self, n: f64) -> String {
        format_number(n).replace('.', self.get("format.decimal"))
    }

    /// `90%`, `92,5 %`.
    pub fn percent(&self, n: f64) -> String {
        fill(self.get("format.percent"), &[("n", &self.number(n))])
    }

    /// "1 marca 2026", "1 марта 2026 г.", "1. marca 2026", "1 March 2026".
    pub fn date(&self, date: Date) -> String {
        let month = self
            .value("format.months")
            .and_then(|m| m.as_array())
            .and_then(|m| m.get(date.month.saturating_sub(1) as usize))
            .and_then(|m| m.as_str())
            .map_or_else(|| format!("{:02}", date.month), str::to_string);
        fill(
            self.get("format.date"),
            &[
                ("day", &date.day.to_string()),
                ("month", &month),
                ("year", &date.year.to_string()),
            ],
        )
    }

    /// A duration with the unit in the right plural form: "3 dni robocze", "5 рабочих дней".
    pub fn duration(&self, duration: &Duration, form: Form) -> String {
        let key = format!("duration.{}.{}", form.key(), unit_key(duration.unit));
        let pattern = self.counted(&key, duration.amount).unwrap_or("{n}");
        fill(pattern, &[("n", &self.number(duration.amount))])
    }
}

/// `text` with its first letter in uppercase ("the rule" → "The rule").
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn durations_and_dates_read_naturally() {
        let d = |s: &str| Duration::parse(s).unwrap();
        let pl = Catalog::builtin(Language::Pl);
        assert_eq!(
            pl.duration(&d("3 business days"), Form::Count),
            "3 dni robocze"
        );
        assert_eq!(
            pl.duration(&d("1 business day"), Form::Within),
            "1 dnia roboczego"
        );
        assert_eq!(pl.duration(&d("6 months"), Form::Count), "6 miesięcy");
        assert_eq!(pl.duration(&d("2 min"), Form::Within), "2 min");
        let ru = Catalog::builtin(Language::Ru);
        assert_eq!(
            ru.duration(&d("5 business days"), Form::Count),
            "5 рабочих дней"
        );
        assert_eq!(ru.duration(&d("21 days"), Form::Count), "21 день");
        assert_eq!(ru.duration(&d("1.5 h"), Form::Count), "1,5 ч");
        let sl = Catalog::builtin(Language::Sl);
        assert_eq!(sl.duration(&d("2 days"), Form::Count), "2 dneva");
        let date = Date::new(2026, 3, 1).unwrap();
        assert_eq!(pl.date(date), "1 marca 2026");
        assert_eq!(ru.date(date), "1 марта 2026 г.");
        assert_eq!(sl.date(date), "1. marca 2026");
        assert_eq!(Catalog::builtin(Language::En).date(date), "1 March 2026");
    }
}
