//! Every piece of text in a handbook, with what it belongs to.
//!
//! Link checks, `vague-wording` and `long-sentence` all walk the same list, so a text field
//! added to the model is checked everywhere once it is listed here.

use crate::model::fields::{self, Field};
use crate::model::{Handbook, Kind, Sp, Text};

/// One text field of one entity.
#[derive(Debug, Clone, Copy)]
pub struct TextField<'a> {
    /// The kind of the entity it belongs to (a journey for a step).
    pub kind: Kind,
    /// The field's key, `body` for a Markdown body.
    pub field: &'static str,
    pub text: &'a Text,
    /// Whether the field is prose (sentences) rather than a name, phrase or label: a body,
    /// or a Markdown field of the kind's field table.
    pub prose: bool,
    pub lint_allow: &'a [Sp<String>],
}

fn push<'a>(
    out: &mut Vec<TextField<'a>>,
    kind: Kind,
    lint_allow: &'a [Sp<String>],
    fields: &[(&'static str, Option<&'a Text>)],
) {
    push_in(out, kind, fields::of(kind), lint_allow, fields);
}

fn push_in<'a>(
    out: &mut Vec<TextField<'a>>,
    kind: Kind,
    table: &'static [Field],
    lint_allow: &'a [Sp<String>],
    texts: &[(&'static str, Option<&'a Text>)],
) {
    for &(field, text) in texts {
        if let Some(text) = text {
            let prose = field == "body" || fields::find(table, field).is_some_and(|f| f.prose);
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
pub(crate) fn text_fields(hb: &Handbook) -> Vec<TextField<'_>> {
    let mut out = Vec::new();
    for e in &hb.terms {
        let mut fields = vec![
            ("term", Some(&e.term)),
            ("definition", Some(&e.definition)),
            ("not", e.not.as_ref()),
        ];
        fields.extend(e.aka.iter().map(|a| ("aka", Some(a))));
        push(&mut out, Kind::Term, &e.meta.lint_allow, &fields);
    }
    for e in &hb.principles {
        push(
            &mut out,
            Kind::Principle,
            &e.meta.lint_allow,
            &[("title", Some(&e.title)), ("text", e.text.as_ref())],
        );
    }
    for e in &hb.owners {
        push(
            &mut out,
            Kind::Owner,
            &e.meta.lint_allow,
            &[
                ("name", Some(&e.name)),
                ("team", e.team.as_ref()),
                ("description", e.description.as_ref()),
            ],
        );
    }
    for e in &hb.touchpoints {
        push(
            &mut out,
            Kind::Touchpoint,
            &e.meta.lint_allow,
            &[
                ("name", Some(&e.name)),
                ("hours", e.hours.as_ref()),
                ("description", e.description.as_ref()),
            ],
        );
    }
    for e in &hb.journeys {
        push(
            &mut out,
            Kind::Journey,
            &e.meta.lint_allow,
            &[
                ("name", Some(&e.name)),
                ("description", e.description.as_ref()),
            ],
        );
        for step in &e.steps {
            push_in(
                &mut out,
                Kind::Journey,
                fields::STEP,
                &step.lint_allow,
                &[
                    ("name", Some(&step.name)),
                    ("instruction", step.instruction.as_ref()),
                ],
            );
        }
    }
    for e in &hb.situations {
        let mut fields = vec![
            ("name", Some(&e.name)),
            ("trigger", e.trigger.as_ref()),
            ("procedure", e.procedure.as_ref()),
        ];
        fields.extend(e.say.iter().map(|t| ("say", Some(t))));
        fields.extend(e.never_say.iter().map(|t| ("never_say", Some(t))));
        push(&mut out, Kind::Situation, &e.meta.lint_allow, &fields);
    }
    for e in &hb.standards {
        let mut fields = vec![("title", Some(&e.title)), ("text", e.text.as_ref())];
        fields.extend(e.say.iter().map(|t| ("say", Some(t))));
        fields.extend(e.never_say.iter().map(|t| ("never_say", Some(t))));
        push(&mut out, Kind::Standard, &e.meta.lint_allow, &fields);
    }
    for e in &hb.chapters {
        push(
            &mut out,
            Kind::Chapter,
            &e.meta.lint_allow,
            &[("title", Some(&e.title)), ("body", Some(&e.body))],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text the registry lists is a text key of its kind's field table.
    #[test]
    fn every_listed_text_is_a_field_of_its_kind() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        for example in ["sklep-kwiatek", "avtosalon"] {
            let checked = crate::check::check_dir(&root.join(example)).unwrap();
            for text in text_fields(&checked.handbook) {
                let known = text.field == "body"
                    || [fields::of(text.kind), fields::STEP]
                        .iter()
                        .any(|table| fields::find(table, text.field).is_some());
                assert!(known, "{:?} `{}`", text.kind, text.field);
            }
        }
    }
}
