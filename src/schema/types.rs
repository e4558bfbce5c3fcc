//! One field as a JSON Schema: its TOML type with the pattern, range or words `sok check`
//! holds it to, and a description for the editor's hover.
//!
//! TOML dates reach the validator as strings, so a date is `"format": "date"`; taplo cannot
//! tell `2026-03-01` from `"2026-03-01"` (sok check can, and reports the quotes).

use serde_json::{Value, json};

use super::{patterns, tables};
use crate::model::Kind;
use crate::model::fields::{Field, Type};

/// The schema of a value of type `ty`, without a description.
pub(super) fn value(ty: Type) -> Value {
    let string = |pattern: &str| json!({ "type": "string", "pattern": pattern });
    let array = |items: Value| json!({ "type": "array", "items": items });
    match ty {
        Type::Text | Type::Markdown => json!({ "type": "string" }),
        Type::Texts => array(json!({ "type": "string" })),
        Type::Id | Type::Ref(_) | Type::Stage => string(patterns::ID),
        Type::Refs(_) | Type::Stages => array(string(patterns::ID)),
        Type::StepRefs => array(string(patterns::STEP_REF)),
        Type::Duration => string(&patterns::duration()),
        Type::Date => json!({ "type": "string", "format": "date" }),
        Type::Dates => array(json!({ "type": "string", "format": "date" })),
        Type::TimeZone | Type::Timestamp => json!({ "type": "string" }),
        Type::Number => json!({ "type": "number" }),
        Type::Columns => json!({
            "type": "object",
            "propertyNames": { "enum": crate::model::fields::keys(crate::model::fields::EVENT_COLUMNS) },
            "additionalProperties": { "type": "string" },
        }),
        Type::Bool => json!({ "type": "boolean" }),
        Type::Integer => json!({ "type": "integer" }),
        Type::Percent => json!({ "type": "number", "minimum": 0, "maximum": 100 }),
        Type::Bound => json!({ "anyOf": [{ "type": "number" }, string(&patterns::duration())] }),
        Type::Version => string(patterns::VERSION),
        Type::Choice(words) => json!({ "type": "string", "enum": words }),
        Type::Table(fields) => tables::object(fields, &[]),
        Type::Tables(fields) => array(tables::object(fields, &[])),
        Type::TextMap | Type::TouchpointMap => json!({
            "type": "object",
            "propertyNames": { "pattern": patterns::ID },
            "additionalProperties": { "type": "string" },
        }),
        Type::LintLevels => tables::lint_levels(),
    }
}

/// The hover text of `field`: its documentation line, what its value is, and whether it
/// is required (which a collection file may decide differently from the table).
pub(super) fn describe(field: &Field, required: bool) -> String {
    let mut text = sentence(field.doc);
    text.push(' ');
    text.push_str(&sentence(&what(field)));
    if let Some(default) = field.default {
        text.push_str(&format!(" Default: {default}."));
    }
    if required {
        text.push_str(" Required.");
    }
    text
}

/// What a value of `field` is, in words.
fn what(field: &Field) -> String {
    match field.ty {
        Type::Text => "text".into(),
        Type::Markdown => "Markdown text".into(),
        Type::Texts => "a list of texts".into(),
        Type::Id => "an id in lowercase kebab-case, like `shift-lead`".into(),
        Type::Ref(kind) => format!("the id of {}", a(kind)),
        Type::Refs(kind) => format!("a list of {} ids", kind.name()),
        Type::StepRefs => "a list of journey steps, each `journey-id/step-id`".into(),
        Type::Stage => "one of the journey stages of `sok.toml`".into(),
        Type::Stages => "a list of journey stages, each an id".into(),
        Type::Duration => {
            "a duration: a number and a unit, like `\"2 min\"` or `\"3 business days\"`".into()
        }
        Type::Date => "a TOML date without quotes, like `2026-03-01`".into(),
        Type::Dates => "a list of TOML dates without quotes, like `[2026-12-25]`".into(),
        Type::TimeZone => "an IANA time zone name, like `\"Europe/Warsaw\"`".into(),
        Type::Timestamp => {
            "a timestamp: RFC 3339 like `2026-10-01T09:00:03+02:00`, or a local date-time".into()
        }
        Type::Number => "a number".into(),
        Type::Columns => "a table from event column names to the export's header names".into(),
        Type::Bool => "`true` or `false`".into(),
        Type::Integer => "a whole number".into(),
        Type::Percent => "a number from 0 to 100, without `%`".into(),
        Type::Bound => "a number, or a duration like `\"2 min\"` for a time metric".into(),
        Type::Version => "a semantic version, like `\"2.1.0\"`".into(),
        Type::Choice(words) => format!("one of: {}", quoted(words)),
        Type::Table(_) => format!("a table: `[{}]`", field.key),
        Type::Tables(_) => format!("an array of tables: `[[{}]]`", field.key),
        Type::TextMap => "a table from stage ids to display names".into(),
        Type::TouchpointMap => {
            "a table from touchpoint ids to the tool's ids, like `email = \"360001234567\"`".into()
        }
        Type::LintLevels => {
            "lint rule names set to `\"error\"`, `\"warning\"` or `\"off\"`, and the lint parameters"
                .into()
        }
    }
}

/// `an owner`, `a standard`.
pub(super) fn a(kind: Kind) -> String {
    let name = kind.name();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

/// `"a"`, `"b"` as code.
fn quoted(words: &[&str]) -> String {
    let words: Vec<String> = words.iter().map(|w| format!("`\"{w}\"`")).collect();
    words.join(", ")
}

/// `text` with a capital first letter and a full stop.
pub(super) fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}
