//! Tables as JSON Schema objects, built from the field table (`model::fields`): every key
//! with its type and hover text, the required ones, and no other key.

use serde_json::{Map, Value, json};

use super::types;
use crate::lint;
use crate::model::fields::{self, Field};
use crate::model::{Kind, Level};

/// The object of a table with `fields`; `also_required` names keys that the context
/// requires although the table does not (an `id` in a collection file).
pub(super) fn object(fields: &'static [Field], also_required: &[&str]) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields {
        let is_required = field.required || also_required.contains(&field.key);
        let mut schema = types::value(field.ty);
        schema["description"] = types::describe(field, is_required).into();
        properties.insert(field.key.to_string(), schema);
        if is_required {
            required.push(field.key);
        }
    }
    let mut object = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        object["required"] = json!(required);
    }
    object
}

/// `[lint]` of `sok.toml`: the lint parameters from the field table, and every rule of the
/// lint registry with its levels; any other key is an unknown rule.
pub(super) fn lint_levels() -> Value {
    let mut object = object(fields::LINT_PARAMETERS, &[]);
    for rule in lint::RULES {
        object["properties"][rule.name] = json!({
            "type": "string",
            "enum": Level::WORDS,
            "description": format!(
                "{} The level of the rule `{}`: default `\"{}\"`.",
                types::sentence(rule.summary),
                rule.name,
                rule.default_level.keyword()
            ),
        });
    }
    object
}

/// Whether a `[[kind]]` table in a collection file must give its `id`: there is no file
/// name to take it from, and only terms and principles derive one from their text.
pub(super) fn id_required_in_collection(kind: Kind) -> bool {
    !matches!(kind, Kind::Term | Kind::Principle)
}

/// The kinds a collection file may list: all but chapters, which are Markdown only.
pub(super) fn collection_kinds() -> impl Iterator<Item = Kind> {
    Kind::ALL.into_iter().filter(|k| *k != Kind::Chapter)
}

/// An entity of `kind` as one table of a collection file.
pub(super) fn collection_item(kind: Kind) -> Value {
    let fields = fields::of(kind);
    if !id_required_in_collection(kind) {
        return object(fields, &[]);
    }
    let mut item = object(fields, &["id"]);
    item["properties"]["id"]["description"] = format!(
        "The {}'s id, in lowercase kebab-case like `shift-lead`; a collection file has no file name to take it from. Required.",
        kind.name()
    )
    .into();
    item
}

/// A collection file: `[[owner]]`, `[[standard]]`... arrays, nothing else.
pub(super) fn collection() -> Value {
    let mut properties = Map::new();
    for kind in collection_kinds() {
        let mut description = format!(
            "The {name}s of this file, one `[[{name}]]` table each.",
            name = kind.name()
        );
        if kind == Kind::Journey {
            description.push_str(" Its steps are `[[journey.step]]` tables.");
        }
        properties.insert(
            kind.name().to_string(),
            json!({
                "type": "array",
                "items": collection_item(kind),
                "description": description,
            }),
        );
    }
    json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}
