//! The machine format, documented field by field in `docs/diff.md`. Its shape is stable:
//! fields are only ever added, and `schema` changes if one is removed or changes meaning.
//! Entities come sorted by kind (handbook order) and id, so two runs give identical bytes.

use serde::Serialize;

use crate::diff::{Class, Edition, EntityChange, FieldChange, HandbookDiff, Warning};

#[derive(Serialize)]
struct Document<'a> {
    schema: u32,
    old: JsonEdition<'a>,
    new: JsonEdition<'a>,
    /// Entities per headline class.
    summary: Summary,
    /// Every class that occurs at any level (what `--fail-on` looks at).
    classes: Vec<Class>,
    warnings: &'a [Warning],
    handbook: &'a [FieldChange],
    changes: &'a [EntityChange],
}

#[derive(Serialize)]
struct JsonEdition<'a> {
    source: &'a str,
    commit: Option<&'a str>,
    version: Option<String>,
    effective: Option<String>,
}

#[derive(Serialize)]
struct Summary {
    added: usize,
    removed: usize,
    tightened: usize,
    loosened: usize,
    reassigned: usize,
    changed: usize,
}

fn edition(e: &Edition) -> JsonEdition<'_> {
    JsonEdition {
        source: &e.label,
        commit: e.commit.as_deref(),
        version: e.version.as_ref().map(ToString::to_string),
        effective: e.effective.as_ref().map(ToString::to_string),
    }
}

/// The diff as pretty-printed JSON, with a final newline.
pub fn json(diff: &HandbookDiff) -> String {
    let count = |class: Class| diff.entities.iter().filter(|e| e.class == class).count();
    let document = Document {
        schema: 1,
        old: edition(&diff.old),
        new: edition(&diff.new),
        summary: Summary {
            added: count(Class::Added),
            removed: count(Class::Removed),
            tightened: count(Class::Tightened),
            loosened: count(Class::Loosened),
            reassigned: count(Class::Reassigned),
            changed: count(Class::Changed),
        },
        classes: diff.classes().into_iter().collect(),
        warnings: &diff.warnings,
        handbook: &diff.handbook,
        changes: &diff.entities,
    };
    let mut out = serde_json::to_string_pretty(&document).unwrap_or_else(|_| "{}".to_string());
    out.push('\n');
    out
}
