//! Output: a [`HandbookDiff`] as text for a terminal, a pull-request comment, or a program.
//!
//! All three formats walk the same sorted data, so they always agree; the helpers here give
//! values one written form. Reviewers read English labels (field keys as in the sources);
//! the staff-facing text in the handbook's language is [`super::notice`].

mod human;
mod json;
mod markdown;

pub use human::human;
pub use json::json;
pub(crate) use markdown::escape;
pub use markdown::markdown;

use std::collections::HashSet;

use super::{Class, Edition, FieldChange, HandbookDiff, Value};
use crate::i18n::measure;
use crate::model::Kind;

/// The heading of a kind's group.
pub(crate) fn kind_title(kind: Kind) -> &'static str {
    match kind {
        Kind::Term => "Terms",
        Kind::Principle => "Principles",
        Kind::Owner => "Owners",
        Kind::Touchpoint => "Touchpoints",
        Kind::Journey => "Journeys",
        Kind::Situation => "Situations",
        Kind::Standard => "Standards",
        Kind::Chapter => "Chapters",
    }
}

/// A value on one line, a single value in quotes.
pub(crate) fn show(value: Option<&Value>) -> String {
    match value.and_then(Value::written) {
        Some(text) => format!("\"{}\"", text.replace('\n', " ")),
        None => show_raw(value),
    }
}

/// A value on one line, a single value as it is (for code spans).
pub(crate) fn show_raw(value: Option<&Value>) -> String {
    match value {
        None => "(none)".to_string(),
        Some(Value::List(items)) => items.join(", "),
        Some(Value::Owner(owner)) => owner.display(),
        Some(Value::Measure(m)) => measure::summary(m),
        Some(single) => single.written().unwrap_or_default().replace('\n', " "),
    }
}

/// Items only in the old list and items only in the new one, each in its list's order.
pub(crate) fn list_changes(field: &FieldChange) -> Option<(Vec<&str>, Vec<&str>)> {
    fn items(v: &Option<Value>) -> Option<Vec<&str>> {
        match v {
            Some(Value::List(items)) => Some(items.iter().map(String::as_str).collect()),
            None => Some(Vec::new()),
            _ => None,
        }
    }
    let (old, new) = (items(&field.old)?, items(&field.new)?);
    if field.old.is_none() && field.new.is_none() {
        return None;
    }
    // Sets, so that two long lists (thousands of tags) compare in linear time.
    let (in_old, in_new): (HashSet<&str>, HashSet<&str>) =
        (old.iter().copied().collect(), new.iter().copied().collect());
    let removed: Vec<&str> = old
        .iter()
        .copied()
        .filter(|i| !in_new.contains(i))
        .collect();
    let added: Vec<&str> = new
        .iter()
        .copied()
        .filter(|i| !in_old.contains(i))
        .collect();
    (!removed.is_empty() || !added.is_empty()).then_some((removed, added))
}

/// `main (2.1.0, effective 2026-03-01)`.
pub(crate) fn edition(e: &Edition) -> String {
    let mut facts = Vec::new();
    if let Some(v) = &e.version {
        facts.push(v.to_string());
    }
    if let Some(d) = &e.effective {
        facts.push(format!("effective {d}"));
    }
    match facts.is_empty() {
        true => e.label.clone(),
        false => format!("{} ({})", e.label, facts.join(", ")),
    }
}

/// `1 added, 2 changed` over the entities' headlines, or `None` without changes.
pub(crate) fn summary(diff: &HandbookDiff) -> Option<String> {
    let mut parts: Vec<String> = Class::ALL
        .into_iter()
        .map(|c| (c, diff.entities.iter().filter(|e| e.class == c).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(c, n)| format!("{n} {}", c.name()))
        .collect();
    if !diff.handbook.is_empty() {
        parts.push("handbook settings changed".to_string());
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// A change a reviewer must look at: a loosened or removed entity, step or field.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Attention {
    pub class: Class,
    /// The field, when the item is one field of an entity.
    pub field: Option<&'static str>,
    /// `standard`, `step`, `handbook`.
    pub kind: &'static str,
    /// The entity's id, `journey/step` for a step, empty for the handbook.
    pub id: String,
    pub name: String,
    /// The field's values, for a field.
    pub old: Option<Value>,
    pub new: Option<Value>,
}

impl Attention {
    /// `measure of standard phone-answer “Odbieramy telefon”` (plain text).
    pub(crate) fn what(&self) -> String {
        let field = self.field.map(|f| format!("{f} of ")).unwrap_or_default();
        match self.id.is_empty() {
            true => format!("{field}{}", self.kind),
            false => format!("{field}{} {} “{}”", self.kind, self.id, self.name),
        }
    }
}

/// Every loosened or removed item at any level, in diff order.
pub(crate) fn attention(diff: &HandbookDiff) -> Vec<Attention> {
    let mut out = Vec::new();
    let mut push = |class, field: Option<&FieldChange>, kind, id: &str, name: &str| {
        out.push(Attention {
            class,
            field: field.map(|f| f.field),
            kind,
            id: id.to_string(),
            name: name.to_string(),
            old: field.and_then(|f| f.old.clone()),
            new: field.and_then(|f| f.new.clone()),
        })
    };
    let flagged = |fields: &[FieldChange]| -> Vec<FieldChange> {
        fields
            .iter()
            .filter(|f| f.class.needs_attention())
            .cloned()
            .collect()
    };
    for f in flagged(&diff.handbook) {
        push(f.class, Some(&f), "handbook", "", "");
    }
    for e in &diff.entities {
        if e.class == Class::Removed {
            push(e.class, None, e.kind.name(), &e.id, &e.name);
        }
        // The targets listed with an added or removed entity are part of it, not news.
        if matches!(e.class, Class::Added | Class::Removed) {
            continue;
        }
        for f in flagged(&e.fields) {
            push(f.class, Some(&f), e.kind.name(), &e.id, &e.name);
        }
        for s in &e.steps {
            let id = format!("{}/{}", e.id, s.id);
            if s.class.needs_attention() && s.fields.is_empty() {
                push(s.class, None, "step", &id, &s.name);
            }
            for f in flagged(&s.fields) {
                push(f.class, Some(&f), "step", &id, &s.name);
            }
        }
    }
    out
}
