//! The catalogues: one TOML table of strings per language, built into the binary from
//! `templates/i18n/{en,pl,ru,sl}.toml` and overridable key by key from the handbook's own
//! `templates/i18n/<lang>.toml`. Lookup by dotted key, `{name}` placeholders, and the plural
//! tables (`{ one, few, many, other }`) that [`super::plural`] picks from.

use super::plural;
use crate::model::Language;

const BUILTIN: [(Language, &str); 4] = [
    (Language::En, include_str!("../../templates/i18n/en.toml")),
    (Language::Pl, include_str!("../../templates/i18n/pl.toml")),
    (Language::Ru, include_str!("../../templates/i18n/ru.toml")),
    (Language::Sl, include_str!("../../templates/i18n/sl.toml")),
];

/// The keys a plural table may have: the CLDR categories, and `fraction` for a number with a
/// decimal part where the language's CLDR category would give a form that does not fit.
const PLURAL_KEYS: [&str; 7] = ["zero", "one", "two", "few", "many", "other", "fraction"];

/// One language's strings.
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

    pub(super) fn value(&self, key: &str) -> Option<&toml::Value> {
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

    /// The list of strings at `key` (month names), if the catalogue has one.
    pub fn try_list(&self, key: &str) -> Option<Vec<String>> {
        let items = self.value(key)?.as_array()?;
        Some(
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        )
    }

    /// The string at `key` with each `{name}` replaced.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }

    /// The pattern at `key` for the count `n`: a plain string, or the form of a plural table
    /// that the language's plural rules choose (`other` when the table lacks that form).
    pub(super) fn counted(&self, key: &str, n: f64) -> Option<&str> {
        match self.value(key)? {
            toml::Value::String(s) => Some(s),
            toml::Value::Table(forms) => {
                let fraction = (n.fract() != 0.0).then(|| forms.get("fraction")).flatten();
                let category = plural::category(self.language, n).keyword();
                fraction
                    .or_else(|| forms.get(category))
                    .or_else(|| forms.get("other"))
                    .and_then(|v| v.as_str())
            }
            _ => None,
        }
    }

    /// The form at `key` for the count `n` (see [`Catalog::counted`]) with `{n}` written in
    /// the language's digits and each of `args` filled in: "3 standardy spełnione".
    pub fn count(&self, key: &str, n: f64, args: &[(&str, &str)]) -> String {
        let number = self.number(n);
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        fill(self.counted(key, n).unwrap_or(key), &all)
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
    table.contains_key("other") && table.keys().all(|k| PLURAL_KEYS.contains(&k.as_str()))
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
pub(crate) fn fill(pattern: &str, args: &[(&str, &str)]) -> String {
    let mut out = pattern.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings<'a>(value: &'a toml::Value, out: &mut Vec<&'a str>) {
        match value {
            toml::Value::String(s) => out.push(s),
            toml::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
            toml::Value::Table(table) => table.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }

    #[test]
    fn every_language_has_every_key() {
        let english = Catalog::load(Language::En, None).unwrap().keys();
        assert!(english.len() > 100);
        for table in ["notice.", "notice.kind.", "field.", "duration.words."] {
            assert!(english.iter().any(|k| k.starts_with(table)), "{table}");
        }
        for &(_, language) in Language::KEYWORDS {
            let keys = Catalog::load(language, None).unwrap().keys();
            assert_eq!(keys, english, "{}", language.keyword());
        }
    }

    #[test]
    fn no_string_is_empty() {
        for &(_, language) in Language::KEYWORDS {
            let catalog = Catalog::builtin(language);
            let mut all = Vec::new();
            catalog.table.values().for_each(|v| strings(v, &mut all));
            assert!(all.len() > 100);
            for text in all {
                assert!(!text.trim().is_empty(), "an empty string in {language:?}");
            }
        }
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
