//! handbook.md: the whole document drawn by `markdown/handbook.md.tera` for pandoc, with
//! its YAML metadata block and the page break that both PDF paths honour.

use serde::Serialize;

use crate::error::Error;
use crate::model::Text;
use crate::render::address::linker::Mode;
use crate::render::markdown::to_markdown::yaml_string;
use crate::render::templates::Templates;
use crate::render::view::context::{Ctx, Format, plain};
use crate::render::view::document::{self, ExtraChapter};

/// A page break that both PDF paths honour: weasyprint (HTML) and LaTeX.
pub const PAGEBREAK: &str = "```{=html}\n<div style=\"page-break-after: always;\"></div>\n```\n\n```{=latex}\n\\newpage\n```";

/// pandoc's metadata, each value a quoted YAML scalar.
#[derive(Debug, Serialize)]
struct MarkdownMeta {
    title: String,
    subtitle: String,
    date: String,
    lang: &'static str,
}

/// Renders handbook.md; `ctx` is any context of the build (its mode and format are set here).
pub(crate) fn render(
    ctx: &Ctx<'_>,
    templates: &Templates,
    extras: &[ExtraChapter],
    audience: Option<&str>,
) -> Result<String, Error> {
    let md = Ctx {
        format: Format::Markdown,
        ..ctx.with_mode(Mode::Single)
    };
    let settings = ctx.hb.settings.as_ref();
    let text = |t: Option<&Text>| t.map(|t| plain(&t.value)).unwrap_or_default();
    let meta = MarkdownMeta {
        title: yaml_string(&text(settings.map(|s| &s.title))),
        subtitle: yaml_string(&match audience {
            Some(a) => ctx.cat.fill("ui.handbook_for", &[("audience", a)]),
            None => text(settings.and_then(|s| s.organization.as_ref())),
        }),
        date: yaml_string(
            &settings
                .and_then(|s| s.effective.as_ref())
                .map(|d| ctx.cat.date(d.value))
                .unwrap_or_default(),
        ),
        lang: ctx.cat.language.keyword(),
    };
    let mut context = tera::Context::new();
    // A temporary, so that the view is freed before the template is drawn: only its copy in
    // the context is needed then.
    context.insert("doc", &document::document(&md, extras));
    context.insert("meta", &meta);
    context.insert("t", &ctx.cat.to_json());
    context.insert("pagebreak", PAGEBREAK);
    templates.render("markdown/handbook.md.tera", &context)
}
