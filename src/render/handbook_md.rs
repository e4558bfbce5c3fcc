//! handbook.md: the whole document for pandoc, its frame drawn by `markdown/handbook.md.tera`
//! (with its YAML metadata block) and its sections by `markdown/handbook/*.md.tera`, and the
//! page break that both PDF paths honour.

use serde::Serialize;

use crate::error::Error;
use crate::model::Text;
use crate::render::address::linker::Mode;
use crate::render::markdown::to_markdown::yaml_string;
use crate::render::output::Sink;
use crate::render::single::{self, Single};
use crate::render::templates::Templates;
use crate::render::view::context::{Ctx, Format, plain};
use crate::render::view::document::{self, ExtraChapter};

/// Where handbook.md goes in the output.
const PATH: &str = "handbook.md";

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

/// Writes handbook.md into `sink`; `ctx` is any context of the build (its mode and format are
/// set here).
pub(crate) fn render(
    ctx: &Ctx<'_>,
    templates: &Templates,
    extras: &[ExtraChapter],
    audience: Option<&str>,
    sink: &dyn Sink,
) -> Result<(), Error> {
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
    let mut common = tera::Context::new();
    common.insert("meta", &meta);
    common.insert("t", &ctx.cat.to_json());
    common.insert("pagebreak", PAGEBREAK);
    let mut context = common.clone();
    context.insert("doc", &document::frame(&md, extras));
    context.insert("sections", single::SECTIONS);
    let template = "markdown/handbook.md.tera";
    let frame = templates.render(template, &context)?;
    let document = Single {
        ctx: md,
        templates,
        extras,
        parts: "markdown/handbook/",
        extension: ".md.tera",
        common,
        finish: &|piece| piece,
    };
    single::stream(sink, PATH, |out| {
        document.write(template, &frame, PATH, out)
    })
}
