//! The words `sok new` writes into a file, in the handbook's language: a few lines of its
//! own (`[ui]`) and the one-line documentation of every field.
//!
//! English field docs are the `doc` of `model::fields`; `words/<language>.toml` translates
//! them table by table (`[standard]`, `[step]`, `[measure]`...), with `[common]` for keys
//! every table shares. A test fails when a field `sok new` writes has no translation.

use std::cell::RefCell;

use crate::model::Language;
use crate::model::fields::Field;

const EN: &str = include_str!("words/en.toml");
const PL: &str = include_str!("words/pl.toml");
const RU: &str = include_str!("words/ru.toml");
const SL: &str = include_str!("words/sl.toml");

pub(super) struct Words {
    language: Language,
    table: toml::Table,
    english: toml::Table,
    /// `table.key` of every doc looked up and not found, for the test.
    missing: RefCell<Vec<String>>,
}

impl Words {
    pub(super) fn new(language: Language) -> Words {
        let parse = |text: &str| text.parse::<toml::Table>().unwrap_or_default();
        let text = match language {
            Language::En => EN,
            Language::Pl => PL,
            Language::Ru => RU,
            Language::Sl => SL,
        };
        Words {
            language,
            table: parse(text),
            english: parse(EN),
            missing: RefCell::default(),
        }
    }

    /// A line of `[ui]`, in English when the language lacks it.
    pub(super) fn ui(&self, key: &str) -> String {
        let find = |table: &toml::Table| {
            table
                .get("ui")
                .and_then(|ui| ui.get(key))
                .and_then(|value| value.as_str())
                .map(str::to_string)
        };
        find(&self.table)
            .or_else(|| find(&self.english))
            .unwrap_or_else(|| {
                self.missing.borrow_mut().push(format!("ui.{key}"));
                key.to_string()
            })
    }

    /// The documentation of `field` of the table `table` (a kind's name, or the key of a
    /// nested table such as `step` or `measure`).
    pub(super) fn doc(&self, table: &str, field: &Field) -> String {
        if self.language == Language::En {
            return match field.default {
                Some(default) => format!("{} (default {})", field.doc, default.replace('"', "")),
                None => field.doc.to_string(),
            };
        }
        let find = |section: &str| {
            self.table
                .get(section)
                .and_then(|t| t.get(field.key))
                .and_then(|value| value.as_str())
        };
        match find(table).or_else(|| find("common")) {
            Some(doc) => doc.to_string(),
            None => {
                self.missing
                    .borrow_mut()
                    .push(format!("{table}.{}", field.key));
                field.doc.to_string()
            }
        }
    }

    #[cfg(test)]
    pub(super) fn missing(&self) -> Vec<String> {
        self.missing.borrow().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_parses() {
        for (name, text) in [("en", EN), ("pl", PL), ("ru", RU), ("sl", SL)] {
            if let Err(error) = text.parse::<toml::Table>() {
                panic!("src/scaffold/words/{name}.toml: {error}");
            }
        }
    }
}
