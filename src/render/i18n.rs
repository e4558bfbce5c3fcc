//! The handbook's UI strings, numbers, dates and durations in its own language.
//!
//! Catalogues live in `templates/i18n/{en,pl,ru,sl}.toml` (embedded in the binary, and
//! overridable key by key from the handbook's own `templates/i18n/`), so a Polish handbook
//! shows no English UI text. Plural forms follow the CLDR rules of each language.

use crate::model::Language;
use crate::values::{Date, Duration, DurationUnit, format_number};

const BUILTIN: [(Language, &str); 4] = [
    (Language::En, include_str!("../../templates/i18n/en.toml")),
    (Language::Pl, include_str!("../../templates/i18n/pl.toml")),
    (Language::Ru, include_str!("../../templates/i18n/ru.toml")),
    (Language::Sl, include_str!("../../templates/i18n/sl.toml")),
];

/// The grammatical form a duration is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Standalone, as in "review cycle: 6 months".
    Count,
    /// After the language's "within" (genitive in pl and ru: "w ciągu 2 dni").
    Within,
}

/// One language's UI strings.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub language: Language,
    table: toml::Table,
}

impl Catalog {
    /// The built-in catalogue, with the keys of `user` (a TOML text) laid over it.
    pub fn load(language: Language, user: Option<&str>) -> Result<Catalog, String> {
        let text = BUILTIN
            .iter()
            .find(|(l, _)| *l == language)
            .map_or(BUILTIN[0].1, |(_, t)| t);
        let mut table: toml::Table = text
            .parse()
            .map_err(|e| format!("built-in catalogue: {e}"))?;
        if let Some(user) = user {
            let over: toml::Table = user.parse().map_err(|e| format!("{e}"))?;
            merge(&mut table, over);
        }
        Ok(Catalog { language, table })
    }

    /// The built-in catalogue of `language`.
    pub fn builtin(language: Language) -> Catalog {
        Catalog::load(language, None).unwrap_or(Catalog {
            language,
            table: toml::Table::new(),
        })
    }

    fn value(&self, key: &str) -> Option<&toml::Value> {
        let mut parts = key.split('.');
        let mut value = self.table.get(parts.next()?)?;
        for part in parts {
            value = value.get(part)?;
        }
        Some(value)
    }

    /// The string at a dotted key; a missing key shows as the key itself, never a panic.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.value(key).and_then(|v| v.as_str()).unwrap_or(key)
    }

    /// The string at `key`, if the catalogue has one.
    pub fn try_get(&self, key: &str) -> Option<&str> {
        self.value(key).and_then(|v| v.as_str())
    }

    /// The string at `key` with each `{name}` replaced.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// A number with the language's decimal separator (`99,5`).
    pub fn number(&self, n: f64) -> String {
        format_number(n).replace('.', self.get("format.decimal"))
    }

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
        let unit = match duration.unit {
            DurationUnit::Second => "second",
            DurationUnit::Minute => "minute",
            DurationUnit::Hour => "hour",
            DurationUnit::Day => "day",
            DurationUnit::BusinessDay => "business_day",
            DurationUnit::Week => "week",
            DurationUnit::Month => "month",
            DurationUnit::Year => "year",
        };
        let form = match form {
            Form::Count => "count",
            Form::Within => "within",
        };
        let key = format!("duration.{form}.{unit}");
        let pattern = match self.value(&key) {
            Some(toml::Value::String(s)) => s.as_str(),
            Some(toml::Value::Table(forms)) => {
                let category = plural_category(self.language, duration.amount);
                forms
                    .get(category)
                    .or_else(|| forms.get("other"))
                    .and_then(|v| v.as_str())
                    .unwrap_or("{n}")
            }
            _ => "{n}",
        };
        fill(pattern, &[("n", &self.number(duration.amount))])
    }

    /// The catalogue as JSON, for the templates (`t.section.glossary`).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(&self.table).unwrap_or_default()
    }

    /// Every key path; a plural table (`{ one, few, ... }`) counts as one key.
    pub fn keys(&self) -> Vec<String> {
        let mut out = Vec::new();
        collect_keys(&self.table, "", &mut out);
        out.sort();
        out
    }
}

fn collect_keys(table: &toml::Table, prefix: &str, out: &mut Vec<String>) {
    for (key, value) in table {
        let path = format!("{prefix}{key}");
        match value {
            toml::Value::Table(inner) if !is_plural(inner) => {
                collect_keys(inner, &format!("{path}."), out);
            }
            _ => out.push(path),
        }
    }
}

fn is_plural(table: &toml::Table) -> bool {
    table.contains_key("other")
        && table
            .keys()
            .all(|k| ["zero", "one", "two", "few", "many", "other"].contains(&k.as_str()))
}

fn merge(into: &mut toml::Table, from: toml::Table) {
    for (key, value) in from {
        match (into.get_mut(&key), value) {
            (Some(toml::Value::Table(a)), toml::Value::Table(b)) if !is_plural(&b) => merge(a, b),
            (_, value) => {
                into.insert(key, value);
            }
        }
    }
}

/// Replaces each `{name}` in `pattern`.
pub fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = pattern.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The CLDR plural category of `n` for cardinal numbers.
pub fn plural_category(language: Language, n: f64) -> &'static str {
    let integer = n.fract() == 0.0 && n.is_finite();
    let i = n.abs().trunc() as u64;
    match language {
        Language::En => {
            if integer && i == 1 {
                "one"
            } else {
                "other"
            }
        }
        Language::Pl => match (integer, i % 10, i % 100) {
            (false, _, _) => "other",
            _ if i == 1 => "one",
            (true, 2..=4, m) if !(12..=14).contains(&m) => "few",
            _ => "many",
        },
        Language::Ru => match (integer, i % 10, i % 100) {
            (false, _, _) => "other",
            (true, 1, m) if m != 11 => "one",
            (true, 2..=4, m) if !(12..=14).contains(&m) => "few",
            _ => "many",
        },
        Language::Sl => match (integer, i % 100) {
            (false, _) => "few",
            (true, 1) => "one",
            (true, 2) => "two",
            (true, 3..=4) => "few",
            _ => "other",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key() {
        let english = Catalog::load(Language::En, None).unwrap().keys();
        assert!(english.len() > 100);
        for &(_, language) in Language::KEYWORDS {
            let keys = Catalog::load(language, None).unwrap().keys();
            assert_eq!(keys, english, "{}", language.keyword());
        }
    }

    #[test]
    fn plural_rules_follow_cldr() {
        let cases = [
            (
                Language::Pl,
                [1.0, 2.0, 5.0, 22.0, 12.0, 1.5],
                ["one", "few", "many", "few", "many", "other"],
            ),
            (
                Language::Ru,
                [1.0, 3.0, 5.0, 21.0, 11.0, 1.5],
                ["one", "few", "many", "one", "many", "other"],
            ),
            (
                Language::Sl,
                [1.0, 2.0, 3.0, 5.0, 101.0, 1.5],
                ["one", "two", "few", "other", "one", "few"],
            ),
            (
                Language::En,
                [1.0, 2.0, 0.0, 5.0, 21.0, 1.5],
                ["one", "other", "other", "other", "other", "other"],
            ),
        ];
        for (language, numbers, categories) in cases {
            for (n, c) in numbers.into_iter().zip(categories) {
                assert_eq!(
                    plural_category(language, n),
                    c,
                    "{} {n}",
                    language.keyword()
                );
            }
        }
    }

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

    #[test]
    fn user_keys_override_and_missing_keys_do_not_panic() {
        let pl = Catalog::load(Language::Pl, Some("[section]\nglossary = \"Słowniczek\"")).unwrap();
        assert_eq!(pl.get("section.glossary"), "Słowniczek");
        assert_eq!(pl.get("section.standards"), "Standardy");
        assert_eq!(pl.get("no.such.key"), "no.such.key");
        assert!(Catalog::load(Language::Pl, Some("= broken")).is_err());
    }
}
