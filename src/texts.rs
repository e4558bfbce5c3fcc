//! Every piece of text in a handbook, with what it belongs to.
//!
//! Link checks, `vague-wording`, `long-sentence` and the diff's word-level prose all walk the
//! same list, so a field added to the model is covered everywhere once it is listed here.

use crate::model::{Handbook, Kind, Sp, Text};
use crate::source::Span;

/// One text field of one entity.
#[derive(Debug, Clone, Copy)]
pub struct TextField<'a> {
    pub kind: Kind,
    /// The entity's id; `journey/step` for a step.
    pub id: &'a str,
    /// Where to point for the entity as a whole.
    pub anchor: Span,
    /// The field's key, `body` for a Markdown body.
    pub field: &'static str,
    pub text: &'a Text,
    /// Whether the field is prose (sentences) rather than a name, phrase or label.
    pub prose: bool,
    pub lint_allow: &'a [Sp<String>],
}

/// All text fields, in handbook order. `ids` holds the `journey/step` ids of steps, which
/// are not stored in the model.
pub fn text_fields<'a>(hb: &'a Handbook, step_ids: &'a [Vec<String>]) -> Vec<TextField<'a>> {
    let mut out = Vec::new();
    let mut push = |kind,
                    id: &'a str,
                    anchor,
                    allow: &'a [Sp<String>],
                    fields: &[(&'static str, Option<&'a Text>, bool)]| {
        for (field, text, prose) in fields {
            if let Some(text) = text {
                out.push(TextField {
                    kind,
                    id,
                    anchor,
                    field,
                    text,
                    prose: *prose,
                    lint_allow: allow,
                });
            }
        }
    };
    for e in &hb.terms {
        let mut fields = vec![
            ("term", Some(&e.term), false),
            ("definition", Some(&e.definition), true),
            ("not", e.not.as_ref(), true),
        ];
        fields.extend(e.aka.iter().map(|a| ("aka", Some(a), false)));
        push(
            Kind::Term,
            &e.meta.id.value,
            e.meta.anchor,
            &e.meta.lint_allow,
            &fields,
        );
    }
    for e in &hb.principles {
        push(
            Kind::Principle,
            &e.meta.id.value,
            e.meta.anchor,
            &e.meta.lint_allow,
            &[
                ("title", Some(&e.title), false),
                ("text", e.text.as_ref(), true),
            ],
        );
    }
    for e in &hb.owners {
        push(
            Kind::Owner,
            &e.meta.id.value,
            e.meta.anchor,
            &e.meta.lint_allow,
            &[
                ("name", Some(&e.name), false),
                ("team", e.team.as_ref(), false),
                ("description", e.description.as_ref(), true),
            ],
        );
    }
    for e in &hb.touchpoints {
        push(
            Kind::Touchpoint,
            &e.meta.id.value,
            e.meta.anchor,
            &e.meta.lint_allow,
            &[
                ("name", Some(&e.name), false),
                ("hours", e.hours.as_ref(), false),
                ("description", e.description.as_ref(), true),
            ],
        );
    }
    for (j, e) in hb.journeys.iter().enumerate() {
        push(
            Kind::Journey,
            &e.meta.id.value,
            e.meta.anchor,
            &e.meta.lint_allow,
            &[
                ("name", Some(&e.name), false),
                ("description", e.description.as_ref(), true),
            ],
        );
        for (s, step) in e.steps.iter().enumerate() {
            let id = step_ids
                .get(j)
                .and_then(|ids| ids.get(s))
                .map_or("", String::as_str);
            push(
                Kind::Journey,
                id,
                step.anchor,
                &step.lint_allow,
                &[
                    ("name", Some(&step.name), false),
                    ("instruction", step.instruction.as_ref(), true),
                ],
            );
        }
    }
    for e in &hb.situations {
        let mut fields = vec![
            ("name", Some(&e.name), false),
            ("trigger", e.trigger.as_ref(), true),
            ("procedure", e.procedure.as_ref(), true),
        ];
        fields.extend(e.say.iter().map(|t| ("say", Some(t), false)));
        fields.extend(e.never_say.iter().map(|t| ("never_say", Some(t), false)));
        push(
            Kind::Situation,
            &e.meta.id.value,
            e.meta.anchor,
            &e.meta.lint_allow,
            &fields,
        );
    }
    for e in &hb.standards {
        let mut fields = vec![
            ("title", Some(&e.title), false),
            ("text", e.text.as_ref(), true),
        ];
        fields.extend(e.say.iter().map(|t| ("say", Some(t), false)));
        fields.extend(e.never_say.iter().map(|t| ("never_say", Some(t), false)));
        push(
            Kind::Standard,
            &e.meta.id.value,
            e.meta.anchor,
            &e.meta.lint_allow,
            &fields,
        );
    }
    for e in &hb.chapters {
        push(
            Kind::Chapter,
            &e.meta.id.value,
            e.meta.anchor,
            &e.meta.lint_allow,
            &[
                ("title", Some(&e.title), false),
                ("body", Some(&e.body), true),
            ],
        );
    }
    out
}

/// `journey/step` ids for every step, in the shape `text_fields` takes.
pub fn step_ids(hb: &Handbook) -> Vec<Vec<String>> {
    hb.journeys
        .iter()
        .map(|j| {
            j.steps
                .iter()
                .map(|s| format!("{}/{}", j.meta.id.value, s.id.value))
                .collect()
        })
        .collect()
}

/// `text` with its first letter in uppercase ("the rule" → "The rule").
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
