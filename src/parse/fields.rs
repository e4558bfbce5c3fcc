//! Typed reading of one TOML table, reporting every problem instead of stopping at the first.
//!
//! serde's derive stops at the first error; a manager fixing a file wants all of them. So the
//! spanned tree from `toml::de::DeTable` is read field by field here: each accessor reports
//! wrong types and bad values at the value's exact span and returns `None`, and the caller
//! builds the entity only when every required field was readable.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostics::{Diagnostic, Diagnostics, codes, did_you_mean};
use crate::model::{Ref, Sp, Text};
use crate::source::{FileId, Span};
use crate::values::{Date, Duration, is_valid_id};

pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// Where the TOML being read sits: its file, its offset in that file (front matter starts
/// after `+++`), and the diagnostics collected so far.
pub(crate) struct Ctx<'s> {
    pub(crate) file: FileId,
    pub(crate) offset: usize,
    /// The TOML text itself, to tell whether a string has escapes.
    pub(crate) toml: &'s str,
    pub(crate) diags: Diagnostics,
    /// Missing required fields, held back until the whole file is read: a misspelt or
    /// misplaced key found later may be the one that is missing (see `meant`).
    pub(crate) missing: Vec<(Span, String, Diagnostic)>,
    /// `(table header, key)`: a key an unknown key most likely meant, so that one mistake
    /// gives one error and not also "missing `key`".
    pub(crate) meant: Vec<(Span, String)>,
}

impl Ctx<'_> {
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        Span::new(
            self.file,
            range.start + self.offset,
            range.end + self.offset,
        )
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }

    /// The diagnostics of the file, with the missing fields that no unknown key stands for.
    pub(crate) fn finish(self) -> Diagnostics {
        let mut diags = self.diags;
        for (header, key, d) in self.missing {
            if !self.meant.iter().any(|(h, k)| *h == header && *k == key) {
                diags.push(d);
            }
        }
        diags
    }

    fn wrong_type(&mut self, key: &str, value: &Value<'_>, expected: &str, example: &str) {
        let found = value.get_ref().type_str();
        let d = Diagnostic::error(
            &codes::SCHEMA_WRONG_TYPE,
            self.span(value.span()),
            format!("`{key}` must be {expected}, found {found}"),
        )
        .label(format!("expected {expected}"))
        .help(format!("write it like `{key} = {example}`"));
        self.push(d);
    }

    /// Text of a string value, with where each of its bytes was written.
    pub(crate) fn text(&self, value: &str, range: Range<usize>) -> Text {
        let raw = self.toml.get(range.clone()).unwrap_or("");
        let delimiter = ["\"\"\"", "'''", "\"", "'"]
            .into_iter()
            .find(|d| raw.starts_with(d) && raw.ends_with(d) && raw.len() >= 2 * d.len());
        if let Some(d) = delimiter {
            let mut start = d.len();
            if d.len() == 3 {
                if raw[start..].starts_with("\r\n") {
                    start += 2;
                } else if raw[start..].starts_with('\n') {
                    start += 1;
                }
            }
            let inner = &raw[start.min(raw.len() - d.len())..raw.len() - d.len()];
            if inner == value {
                let begin = range.start + start;
                return Text::exact(value.to_string(), self.span(begin..begin + inner.len()));
            }
        }
        match super::locate::value_offsets(raw, value) {
            Some(map) => Text::mapped(value.to_string(), self.span(range), map),
            None => Text::whole(value.to_string(), self.span(range)),
        }
    }
}

/// One TOML table being read as an entity (or part of one).
pub(crate) struct Table<'t, 'i> {
    pub(crate) entries: &'t DeTable<'i>,
    /// Where to point when a required key is missing.
    pub(crate) header: Span,
    /// How to name the table in messages: "owner", "step", "`[measure]`".
    pub(crate) what: &'static str,
    /// The table this one is written inside, for keys that belong above its header.
    pub(crate) parent: Option<Parent>,
}

/// The table a sub-table such as `[measure]` sits in: TOML gives every key after a header to
/// that header's table, so a parent key written below it lands in the sub-table.
#[derive(Debug, Clone)]
pub(crate) struct Parent {
    pub(crate) header: Span,
    pub(crate) what: &'static str,
    pub(crate) keys: Vec<&'static str>,
    pub(crate) present: Vec<String>,
}

impl<'t, 'i> Table<'t, 'i> {
    pub(crate) fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.entries.get(key)
    }

    pub(crate) fn has(&self, key: &str) -> bool {
        self.entries.get(key).is_some()
    }

    pub(crate) fn text(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Text> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(cx.text(s, value.span())),
            _ => {
                cx.wrong_type(key, value, "a string", "\"...\"");
                None
            }
        }
    }

    pub(crate) fn req_text(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Text> {
        if !self.has(key) {
            self.missing(cx, key, "\"...\"");
        }
        self.text(cx, key)
    }

    pub(crate) fn texts(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<Text> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            cx.wrong_type(key, value, "a list of strings", "[\"...\"]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(cx.text(s, item.span())),
                _ => cx.wrong_type(key, item, "a list of strings", "[\"...\"]"),
            }
        }
        out
    }

    /// An id or a reference to one: a string in lowercase kebab-case.
    pub(crate) fn id(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<String>> {
        let value = self.get(key)?;
        let DeValue::String(s) = value.get_ref() else {
            cx.wrong_type(key, value, "an id string", "\"shift-lead\"");
            return None;
        };
        check_id(cx, s, cx.span(value.span()))
    }

    pub(crate) fn req_id(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<String>> {
        if !self.has(key) {
            self.missing(cx, key, "\"some-id\"");
        }
        self.id(cx, key)
    }

    pub(crate) fn ids(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<Ref> {
        self.strings(cx, key, "[\"some-id\"]")
            .into_iter()
            .filter_map(|s| check_id(cx, &s.value, s.span))
            .collect()
    }

    /// A list of plain strings with their spans (ids, stage names, `journey/step`).
    pub(crate) fn strings(&self, cx: &mut Ctx<'_>, key: &str, example: &str) -> Vec<Sp<String>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            cx.wrong_type(key, value, "a list of strings", example);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Sp::new(s.to_string(), cx.span(item.span()))),
                _ => cx.wrong_type(key, item, "a list of strings", example),
            }
        }
        out
    }

    pub(crate) fn string(&self, cx: &mut Ctx<'_>, key: &str, example: &str) -> Option<Sp<String>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Sp::new(s.to_string(), cx.span(value.span()))),
            _ => {
                cx.wrong_type(key, value, "a string", example);
                None
            }
        }
    }

    pub(crate) fn duration(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<Duration>> {
        let value = self.get(key)?;
        let DeValue::String(s) = value.get_ref() else {
            cx.wrong_type(key, value, "a duration string", "\"2 min\"");
            return None;
        };
        let span = cx.span(value.span());
        match Duration::parse(s) {
            Ok(d) => Some(Sp::new(d, span)),
            Err(help) => {
                cx.push(
                    Diagnostic::error(
                        &codes::VALUE_DURATION,
                        span,
                        format!("`{key}` is not a duration: `{s}`"),
                    )
                    .label("not a duration")
                    .help(help),
                );
                None
            }
        }
    }

    pub(crate) fn date(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<Date>> {
        date_of(cx, key, self.get(key)?)
    }

    /// A list of dates (`holidays`), each checked like `date`.
    pub(crate) fn dates(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<Sp<Date>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        match value.get_ref() {
            DeValue::Array(items) => items.iter().filter_map(|i| date_of(cx, key, i)).collect(),
            _ => {
                cx.wrong_type(key, value, "a list of dates", "[2026-12-25]");
                Vec::new()
            }
        }
    }
}

fn date_of(cx: &mut Ctx<'_>, key: &str, value: &Value<'_>) -> Option<Sp<Date>> {
    let span = cx.span(value.span());
    match value.get_ref() {
        DeValue::Datetime(dt) => {
            let date = dt
                .date
                .filter(|_| dt.time.is_none() && dt.offset.is_none())
                .and_then(|d| Date::new(i32::from(d.year), u32::from(d.month), u32::from(d.day)));
            if date.is_none() {
                cx.push(
                    Diagnostic::error(
                        &codes::VALUE_DATE,
                        span,
                        format!("`{key}` must be a date without a time"),
                    )
                    .label("not a plain date")
                    .help(format!("write only the date, like `{key} = 2026-03-01`")),
                );
            }
            date.map(|d| Sp::new(d, span))
        }
        DeValue::String(s) if Date::parse(s).is_some() => {
            cx.push(
                Diagnostic::error(
                    &codes::SCHEMA_WRONG_TYPE,
                    span,
                    format!("`{key}` must be a TOML date, found a string"),
                )
                .label("a quoted date")
                .help(format!("remove the quotes: `{key} = {s}`")),
            );
            None
        }
        _ => {
            cx.wrong_type(key, value, "a date", "2026-03-01");
            None
        }
    }
}

impl<'t, 'i> Table<'t, 'i> {
    pub(crate) fn bool(&self, cx: &mut Ctx<'_>, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                cx.wrong_type(key, value, "true or false", "true");
                None
            }
        }
    }

    pub(crate) fn integer(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<i64>> {
        let value = self.get(key)?;
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix()).ok(),
            _ => None,
        };
        if parsed.is_none() {
            cx.wrong_type(key, value, "a whole number", "1");
        }
        parsed.map(|n| Sp::new(n, cx.span(value.span())))
    }

    /// An integer or a float.
    pub(crate) fn number(&self, cx: &mut Ctx<'_>, key: &str) -> Option<Sp<f64>> {
        let value = self.get(key)?;
        let parsed = number_of(value.get_ref());
        if parsed.is_none() {
            cx.wrong_type(key, value, "a number", "90");
        }
        parsed.map(|n| Sp::new(n, cx.span(value.span())))
    }

    /// One word from a fixed list.
    pub(crate) fn choice<T: Copy>(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        options: &[(&str, T)],
    ) -> Option<Sp<T>> {
        let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
        let value = self.get(key)?;
        let DeValue::String(s) = value.get_ref() else {
            cx.wrong_type(key, value, "a string", &format!("\"{}\"", words[0]));
            return None;
        };
        let span = cx.span(value.span());
        if let Some((_, v)) = options.iter().find(|(w, _)| *w == s.as_ref()) {
            return Some(Sp::new(*v, span));
        }
        let help = match did_you_mean(s, words.iter().copied()) {
            Some(hint) => format!("{hint} `{key}` is one of: {}", words.join(", ")),
            None => format!("`{key}` is one of: {}", words.join(", ")),
        };
        cx.push(
            Diagnostic::error(
                &codes::VALUE_CHOICE,
                span,
                format!("`{s}` is not a valid `{key}`"),
            )
            .label("not allowed here")
            .help(help),
        );
        None
    }

    pub(crate) fn req_choice<T: Copy>(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        options: &[(&str, T)],
    ) -> Option<Sp<T>> {
        if !self.has(key) {
            self.missing(cx, key, &format!("\"{}\"", options[0].0));
        }
        self.choice(cx, key, options)
    }

    /// A sub-table such as `[measure]`.
    pub(crate) fn table(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        what: &'static str,
    ) -> Option<Table<'t, 'i>> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Table(entries) => Some(Table {
                entries,
                header: header_span(cx, value.span()),
                what,
                parent: None,
            }),
            _ => {
                cx.wrong_type(key, value, "a table", "{ ... }");
                None
            }
        }
    }

    /// An array of tables such as `[[step]]`.
    pub(crate) fn tables(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        what: &'static str,
    ) -> Vec<Table<'t, 'i>> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        tables_of(cx, key, value, what)
    }
}

/// The tables of an array-of-tables value, reporting items that are not tables.
pub(crate) fn tables_of<'t, 'i>(
    cx: &mut Ctx<'_>,
    key: &str,
    value: &'t Value<'i>,
    what: &'static str,
) -> Vec<Table<'t, 'i>> {
    let DeValue::Array(items) = value.get_ref() else {
        cx.wrong_type(key, value, "an array of tables", &format!("[[{key}]]"));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items.iter() {
        match item.get_ref() {
            DeValue::Table(entries) => out.push(Table {
                entries,
                header: header_span(cx, item.span()),
                what,
                parent: None,
            }),
            _ => cx.wrong_type(key, item, "an array of tables", &format!("[[{key}]]")),
        }
    }
    out
}

pub(crate) fn number_of(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(i.as_str(), i.radix())
            .ok()
            .map(|n| n as f64),
        DeValue::Float(f) => f
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite()),
        _ => None,
    }
}

/// The first line of a table's span: its `[[header]]`, or the `{` of an inline table.
fn header_span(cx: &Ctx<'_>, range: Range<usize>) -> Span {
    let text = cx.toml.get(range.clone()).unwrap_or("");
    let line = text.find(['\n', '\r']).unwrap_or(text.len());
    let trimmed = text[..line].trim_end();
    cx.span(range.start..range.start + trimmed.len())
}

pub(crate) fn check_id(cx: &mut Ctx<'_>, id: &str, span: Span) -> Option<Sp<String>> {
    if is_valid_id(id) {
        return Some(Sp::new(id.to_string(), span));
    }
    let suggestion = crate::values::slugify(id);
    let help = if suggestion.is_empty() {
        "ids are lowercase ASCII words joined by hyphens, like `shift-lead`".to_string()
    } else {
        format!("ids are lowercase ASCII words joined by hyphens: try `{suggestion}`")
    };
    cx.push(
        Diagnostic::error(&codes::VALUE_ID, span, format!("`{id}` is not a valid id"))
            .label("not lowercase kebab-case")
            .help(help),
    );
    None
}
