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
    /// Standalone in full words, for prose: "at most 2 minutes" in the change notice.
    Words,
}

impl Form {
    fn key(self) -> &'static str {
        match self {
            Form::Count => "count",
            Form::Within => "within",
            Form::Words => "words",
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
pub(crate) fn capitalize(text: &str) -> String {
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
        assert_eq!(
            sl.duration(&d("5 business days"), Form::Words),
            "5 delovnih dni"
        );
        let date = Date::new(2026, 3, 1).unwrap();
        assert_eq!(pl.date(date), "1 marca 2026");
        assert_eq!(ru.date(date), "1 марта 2026 г.");
        assert_eq!(sl.date(date), "1. marca 2026");
        assert_eq!(Catalog::builtin(Language::En).date(date), "1 March 2026");
    }

    #[test]
    fn plural_forms_in_words() {
        let minutes = |language, n: f64| {
            let d = Duration::parse(&format!("{n} min")).unwrap();
            Catalog::builtin(language).duration(&d, Form::Words)
        };
        assert_eq!(minutes(Language::Pl, 1.0), "1 minuta");
        assert_eq!(minutes(Language::Pl, 2.0), "2 minuty");
        assert_eq!(minutes(Language::Pl, 5.0), "5 minut");
        assert_eq!(minutes(Language::Pl, 22.0), "22 minuty");
        assert_eq!(minutes(Language::Pl, 12.0), "12 minut");
        assert_eq!(minutes(Language::Ru, 21.0), "21 минута");
        assert_eq!(minutes(Language::Ru, 11.0), "11 минут");
        assert_eq!(minutes(Language::Ru, 1.5), "1,5 минуты");
        assert_eq!(minutes(Language::Sl, 2.0), "2 minuti");
        assert_eq!(minutes(Language::Sl, 3.0), "3 minute");
        assert_eq!(minutes(Language::Sl, 102.0), "102 minuti");
        assert_eq!(minutes(Language::En, 1.0), "1 minute");
        assert_eq!(minutes(Language::En, 0.5), "0.5 minutes");
    }

    /// A decimal takes the genitive singular in Slovenian ("1,5 dneva"), on a page and in the
    /// change notice alike; Polish and Russian have a CLDR category of their own for it.
    #[test]
    fn decimals_agree_everywhere() {
        let d = Duration::parse("1.5 d").unwrap();
        let cases = [
            (Language::Sl, ["1,5 dneva", "1,5 dneva", "1,5 dneva"]),
            (Language::Pl, ["1,5 dnia", "1,5 dnia", "1,5 dnia"]),
            (Language::Ru, ["1,5 дня", "1,5 дня", "1,5 дня"]),
            (Language::En, ["1.5 days", "1.5 days", "1.5 days"]),
        ];
        for (language, expected) in cases {
            let cat = Catalog::builtin(language);
            let forms = [Form::Count, Form::Within, Form::Words].map(|f| cat.duration(&d, f));
            assert_eq!(forms, expected, "{language:?}");
        }
        let sl = Catalog::builtin(Language::Sl);
        let weeks = Duration::parse("2.5 weeks").unwrap();
        assert_eq!(sl.duration(&weeks, Form::Count), "2,5 tedna");
        assert_eq!(
            sl.duration(&Duration::parse("3 weeks").unwrap(), Form::Count),
            "3 tedni"
        );
    }
}
