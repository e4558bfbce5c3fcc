//! Every piece of text in a handbook, with what it belongs to.
//!
//! Link checks, `vague-wording` and `long-sentence` all walk the same list, so a text field
//! added to the model is checked everywhere once it is listed here.

/// Sentence case lives with the other formatters of the vocabulary.
pub use crate::i18n::format::capitalize;
use crate::model::{Handbook, Kind, Sp, Text};

/// One text field of one entity.
#[derive(Debug, Clone, Copy)]
pub struct TextField<'a> {
    /// The kind of the entity it belongs to (a journey for a step).
    pub kind: Kind,
    /// The field's key, `body` for a Markdown body.
    pub field: &'static str,
    pub text: &'a Text,
    /// Whether the field is prose (sentences) rather than a name, phrase or label.
    pub prose: bool,
    pub lint_allow: &'a [Sp<String>],
}

fn push<'a>(
    out: &mut Vec<TextField<'a>>,
    kind: Kind,
    lint_allow: &'a [Sp<String>],
    fields: &[(&'static str, Option<&'a Text>, bool)],
) {
    for &(field, text, prose) in fields {
        if let Some(text) = text {
            out.push(TextField {
                kind,
                field,
                text,
                prose,
                lint_allow,
            });
        }
    }
}

/// All text fields, in handbook order.
pub fn text_fields(hb: &Handbook) -> Vec<TextField<'_>> {
    let mut out = Vec::new();
    for e in &hb.terms {
        let mut fields = vec![
            ("term", Some(&e.term), false),
            ("definition", Some(&e.definition), true),
            ("not", e.not.as_ref(), true),
        ];
        fields.extend(e.aka.iter().map(|a| ("aka", Some(a), false)));
        push(&mut out, Kind::Term, &e.meta.lint_allow, &fields);
    }
    for e in &hb.principles {
        push(
            &mut out,
            Kind::Principle,
            &e.meta.lint_allow,
            &[
                ("title", Some(&e.title), false),
                ("text", e.text.as_ref(), true),
            ],
        );
    }
    for e in &hb.owners {
        push(
            &mut out,
            Kind::Owner,
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
            &mut out,
            Kind::Touchpoint,
            &e.meta.lint_allow,
            &[
                ("name", Some(&e.name), false),
                ("hours", e.hours.as_ref(), false),
                ("description", e.description.as_ref(), true),
            ],
        );
    }
    for e in &hb.journeys {
        push(
            &mut out,
            Kind::Journey,
            &e.meta.lint_allow,
            &[
                ("name", Some(&e.name), false),
                ("description", e.description.as_ref(), true),
            ],
        );
        for step in &e.steps {
            push(
                &mut out,
                Kind::Journey,
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
        push(&mut out, Kind::Situation, &e.meta.lint_allow, &fields);
    }
    for e in &hb.standards {
        let mut fields = vec![
            ("title", Some(&e.title), false),
            ("text", e.text.as_ref(), true),
        ];
        fields.extend(e.say.iter().map(|t| ("say", Some(t), false)));
        fields.extend(e.never_say.iter().map(|t| ("never_say", Some(t), false)));
        push(&mut out, Kind::Standard, &e.meta.lint_allow, &fields);
    }
    for e in &hb.chapters {
        push(
            &mut out,
            Kind::Chapter,
            &e.meta.lint_allow,
            &[
                ("title", Some(&e.title), false),
                ("body", Some(&e.body), true),
            ],
        );
    }
    out
}
