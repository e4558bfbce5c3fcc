//! Render: the checked handbook as a static HTML site (`OUT/html/`) and one PDF-ready
//! Markdown file (`OUT/handbook.md` with `OUT/assets/`), written atomically.
//!
//! The flow: load the templates and the catalogue (the [`Theme`]), precompute the reverse lookups and the
//! link targets once, then render every page in parallel into a staging directory beside OUT
//! and swap it into place (see `output`). Docs: docs/build.md and docs/templates.md.

pub mod context;
pub mod document;
pub mod html;
pub mod lookups;
pub mod markdown_html;
pub mod markdown_out;
pub mod md_events;
pub mod nesting;
pub mod output;
pub mod pages;
pub mod search;
pub mod site;
pub mod structure;
pub mod templates;
pub mod views;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use document::ExtraChapter;

use crate::Checked;
use crate::i18n::Catalog;
use crate::model::Language;
use context::{Ctx, Format, plain};
use site::{Linker, Mode, Targets};
use templates::{TemplateError, Templates};

/// A page break that both PDF paths honour: weasyprint (HTML) and LaTeX.
pub const PAGEBREAK: &str = "```{=html}\n<div style=\"page-break-after: always;\"></div>\n```\n\n```{=latex}\n\\newpage\n```";

/// What to build and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildOptions {
    /// The output directory (already resolved; checked with [`output::check`]).
    pub out: PathBuf,
    pub html: bool,
    pub markdown: bool,
    /// A chapter that is not in the sources (e.g. `sok build --changes-since`): it gets its
    /// own page, a navigation entry and a section at the end of handbook.md.
    pub extra: Option<ExtraChapter>,
}

/// Why a build stopped (nothing was written to OUT).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// A template (or a UI catalogue override) of the handbook does not work.
    Template(TemplateError),
    Io(String),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Template(e) => e.fmt(f),
            BuildError::Io(message) => f.write_str(message),
        }
    }
}

impl From<std::io::Error> for BuildError {
    fn from(error: std::io::Error) -> BuildError {
        BuildError::Io(error.to_string())
    }
}

/// What a build wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    pub out: PathBuf,
    pub pages: usize,
    pub markdown: bool,
}

#[derive(Debug, Serialize)]
struct MarkdownMeta {
    title: String,
    subtitle: String,
    date: String,
    lang: &'static str,
}

fn write_file(dir: &Path, path: &str, content: &[u8]) -> std::io::Result<()> {
    let target = dir.join(path);
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(target, content)
}

fn copy_assets(root: &Path, assets: &[String], to: &Path) -> Result<(), BuildError> {
    for asset in assets {
        let bytes = std::fs::read(root.join(asset))
            .map_err(|e| BuildError::Io(format!("reading `{asset}`: {e}")))?;
        write_file(to, asset, &bytes)?;
    }
    Ok(())
}

/// What a build draws with: the templates and the catalogue of the handbook's language, each
/// the built-in one with the handbook's overrides laid over it. `sok build --changes-since`
/// writes its change notice with the same catalogue.
pub struct Theme {
    pub templates: Templates,
    pub catalog: Catalog,
}

impl Theme {
    /// Loads the theme of the handbook `checked` (read from `root`).
    pub fn load(checked: &Checked, root: &Path) -> Result<Theme, BuildError> {
        let language = checked
            .handbook
            .settings
            .as_ref()
            .map_or(Language::En, |s| s.language.value);
        let templates = Templates::load(root, &checked.templates, language.keyword())
            .map_err(BuildError::Template)?;
        let catalog = match &templates.i18n {
            Some((path, text)) => Catalog::load(language, Some(text)).map_err(|message| {
                BuildError::Template(TemplateError {
                    template: path.clone(),
                    message,
                })
            })?,
            None => Catalog::builtin(language),
        };
        Ok(Theme { templates, catalog })
    }
}

/// Builds the handbook `checked` (read from `root`) into `options.out`.
pub fn build(checked: &Checked, root: &Path, options: &BuildOptions) -> Result<Built, BuildError> {
    build_with(checked, root, options, &Theme::load(checked, root)?)
}

/// Builds with a theme already loaded.
pub fn build_with(
    checked: &Checked,
    root: &Path,
    options: &BuildOptions,
    theme: &Theme,
) -> Result<Built, BuildError> {
    let hb = &checked.handbook;
    let Theme { templates, catalog } = theme;
    let language = catalog.language;
    let look = lookups::Lookups::new(hb, &checked.index);
    let targets = Targets::new(hb, &checked.sources);
    let ctx = Ctx {
        hb,
        index: &checked.index,
        sources: &checked.sources,
        look: &look,
        cat: catalog,
        linker: Linker {
            targets: &targets,
            mode: Mode::Page { depth: 0 },
        },
        format: Format::Html,
    };
    let staging = output::Staging::new(&options.out)?;
    let dir = staging.path();
    let mut pages = 0;
    if options.html {
        let html_dir = dir.join("html");
        let site = html::Site::new(ctx, templates, options.extra.as_ref());
        let write = |path: &str, text: &str| write_file(&html_dir, path, text.as_bytes());
        pages = site.render_all(&write)?;
        let extra = options
            .extra
            .as_ref()
            .map(|e| (e.title.as_str(), e.markdown.as_str()));
        let entries = search::entries(&ctx, extra);
        write_file(
            &html_dir,
            "search-index.js",
            search::script(&entries, &ctx).as_bytes(),
        )?;
        for (name, bytes) in &templates.statics {
            write_file(&html_dir.join("static"), name, bytes)?;
        }
        copy_assets(root, &hb.assets, &html_dir)?;
    }
    if options.markdown {
        let md = Ctx {
            format: Format::Markdown,
            ..ctx.with_mode(Mode::Single)
        };
        let doc = document::document(&md, options.extra.as_ref());
        let settings = hb.settings.as_ref();
        let text = |t: Option<&crate::model::Text>| t.map(|t| plain(&t.value)).unwrap_or_default();
        let meta = MarkdownMeta {
            title: markdown_out::yaml_string(&text(settings.map(|s| &s.title))),
            subtitle: markdown_out::yaml_string(&text(
                settings.and_then(|s| s.organization.as_ref()),
            )),
            date: markdown_out::yaml_string(
                &settings
                    .and_then(|s| s.effective.as_ref())
                    .map(|d| catalog.date(d.value))
                    .unwrap_or_default(),
            ),
            lang: language.keyword(),
        };
        let mut context = tera::Context::new();
        context.insert("doc", &doc);
        context.insert("meta", &meta);
        context.insert("t", &catalog.to_json());
        context.insert("pagebreak", PAGEBREAK);
        let text = templates
            .render("markdown/handbook.md.tera", &context)
            .map_err(BuildError::Template)?;
        write_file(dir, "handbook.md", text.as_bytes())?;
        copy_assets(root, &hb.assets, dir)?;
    }
    let out = staging.commit()?;
    Ok(Built {
        out,
        pages,
        markdown: options.markdown,
    })
}
