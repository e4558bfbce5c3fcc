//! The scorecard as a printable, self-contained HTML form: inline CSS, real form controls
//! with labels, A4 portrait without a row cut across pages. The handbook may replace the
//! built-in template with its own `templates/audit/scorecard.html.tera`, as it replaces the
//! site's templates.

use serde::Serialize;

use super::items::Scorecard;
use crate::error::Error;
use crate::i18n::Catalog;
use crate::render::templates::{describe, template_error};
use crate::world::World;

/// The template's path under the handbook's root, and the built-in one.
pub(crate) const TEMPLATE: &str = "templates/audit/scorecard.html.tera";
const BUILTIN: &str = include_str!("../../templates/audit/scorecard.html.tera");

#[derive(Serialize)]
struct Field {
    id: &'static str,
    label: String,
}

/// A compiled template: the handbook's own, or the built-in one.
pub(crate) struct Html {
    tera: tera::Tera,
}

impl Html {
    /// Loads the template; `files` are the handbook's template files (`Checked::templates`).
    pub(crate) fn load(world: &dyn World, files: &[String]) -> Result<Html, Error> {
        let fail = |message: String| template_error(TEMPLATE, message);
        let text = match files.iter().any(|f| f == TEMPLATE) {
            true => {
                let bytes = world
                    .read(TEMPLATE)
                    .map_err(|e| fail(format!("cannot read: {e}")))?;
                String::from_utf8(bytes).map_err(|_| fail("not valid UTF-8".into()))?
            }
            false => BUILTIN.to_string(),
        };
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![".html.tera"]);
        // As the site's templates: `/` stays readable in the item ids of `name`.
        tera.set_escape_fn(crate::render::markdown::to_html::escape_attr);
        tera.add_raw_template("scorecard.html.tera", &text)
            .map_err(|e| fail(describe(&e)))?;
        Ok(Html { tera })
    }

    pub(crate) fn render(&self, card: &Scorecard, cat: &Catalog) -> Result<String, Error> {
        let mut context = tera::Context::new();
        context.insert("language", card.language);
        context.insert("title", &card.title);
        context.insert(
            "edition",
            &cat.fill(
                "audit.handbook",
                &[("title", &card.handbook), ("version", &card.version)],
            ),
        );
        let fields: Vec<Field> = [
            ("audit-at", "audit.at"),
            ("audit-auditor", "audit.auditor"),
            ("audit-agent", "audit.agent"),
            ("audit-team", "audit.team"),
            ("audit-id", "audit.id"),
        ]
        .into_iter()
        .map(|(id, key)| Field {
            id,
            label: cat.get(key).to_string(),
        })
        .collect();
        context.insert("fields", &fields);
        let mut labels = std::collections::BTreeMap::new();
        for key in [
            "item",
            "weight",
            "answer",
            "evidence",
            "yes",
            "no",
            "na",
            "critical",
            "critical_note",
            "scoring",
            "score",
            "empty",
        ] {
            labels.insert(key, cat.get(&format!("audit.{key}")).to_string());
        }
        context.insert("labels", &labels);
        let sections: Vec<serde_json::Value> = card
            .sections
            .iter()
            .map(|s| {
                serde_json::json!({
                    "id": s.id,
                    "title": s.title,
                    "critical": s.critical,
                    "items": s.items.iter().map(|i| serde_json::json!({
                        "id": i.id,
                        "text": i.text,
                        "weight": i.weight,
                        "critical": i.critical,
                        "kind": i.kind.word(),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        context.insert("sections", &sections);
        self.tera
            .render("scorecard.html.tera", &context)
            .map_err(|e| template_error(TEMPLATE, describe(&e)))
    }
}
