//! Render: the checked handbook as a static HTML site (`OUT/html/`) and one PDF-ready
//! Markdown file (`OUT/handbook.md` with `OUT/assets/`).
//!
//! This file is the orchestration only. [`render`] loads the [`Theme`] (templates and catalogue),
//! precomputes the reverse lookups and the link targets once, then renders every page in
//! parallel and hands each file to an [`output::Sink`] as soon as it is made: a directory
//! or memory, never the disk unless the sink is a directory. [`build`] renders into a
//! staging directory beside OUT and commits it in one step (`output::staging`). Templates
//! and assets are read only through the handbook's [`World`](crate::world::World). Docs:
//! docs/build.md and docs/templates.md.

pub(crate) mod address;
pub(crate) mod cards;
pub(crate) mod error;
pub(crate) mod handbook_md;
pub(crate) mod markdown;
pub mod output;
pub(crate) mod single;
pub(crate) mod site;
pub(crate) mod templates;
pub(crate) mod view;

use std::path::PathBuf;

pub use handbook_md::PAGEBREAK;
pub use view::document::ExtraChapter;

use crate::check::Checked;
use crate::error::Error;
use crate::i18n::Catalog;
use crate::model::Language;
use address::linker::Targets;
use output::{DirSink, Sink, Staging};
use site::{pages::Site, search};
use templates::{Templates, template_error};
use view::context::Ctx;
use view::lookups::Lookups;

/// What to build and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildOptions {
    /// The output directory (already resolved; checked with [`output::check`]). Only
    /// [`build`] uses it: [`render`] writes wherever its sink puts files.
    pub out: PathBuf,
    pub html: bool,
    pub markdown: bool,
    /// Chapters that are not in the sources (`sok build --changes-since`, `--measurements`),
    /// in this order after the handbook's own: each gets its own page, a navigation entry,
    /// a section of print.html and one at the end of handbook.md.
    pub extras: Vec<ExtraChapter>,
    /// Whom the handbook is for, when it is cut down to one role or team (`sok build
    /// --role`).
    pub audience: Option<Audience>,
}

/// The role or team a cut-down handbook is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audience {
    /// Its name as the cover shows it ("Konsultant infolinii i czatu").
    pub name: String,
    /// The owner ids it was cut for: only they get a pocket card and "in daily work" lists,
    /// since what others apply is only partly in this handbook.
    pub members: Vec<String>,
}

/// What a build wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    pub out: PathBuf,
    pub pages: usize,
    pub markdown: bool,
}

/// What a render produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The pages of the HTML site (0 without `html`).
    pub pages: usize,
}

/// Renders the handbook `checked` into `sink`: `html/…`, `handbook.md` and `assets/…` as
/// `options` asks (`options.out` is not used). Nothing is read from or written to the disk
/// beyond what the handbook's world and the sink do.
pub fn render(
    checked: &Checked,
    options: &BuildOptions,
    sink: &dyn Sink,
) -> Result<Rendered, Error> {
    render_with(checked, &Theme::load(checked)?, options, sink)
}

/// Builds the handbook `checked` into `options.out`: renders into a staging directory beside
/// it and puts that in place of the old OUT only once everything is written.
pub fn build(checked: &Checked, options: &BuildOptions) -> Result<Built, Error> {
    // A template that does not compile stops the build before anything is created on disk.
    build_with(checked, options, &Theme::load(checked)?)
}

/// [`build`] with a theme already loaded.
pub fn build_with(
    checked: &Checked,
    options: &BuildOptions,
    theme: &Theme,
) -> Result<Built, Error> {
    let staging = Staging::new(&options.out)?;
    let sink = DirSink::new(staging.path());
    let rendered = render_with(checked, theme, options, &sink)?;
    let out = staging.commit()?;
    Ok(Built {
        out,
        pages: rendered.pages,
        markdown: options.markdown,
    })
}

/// What a build draws with: the templates and the catalogue of the handbook's language, each
/// the built-in one with the handbook's overrides laid over it, read through its world.
/// `sok build --changes-since` writes its change notice with the same catalogue.
pub struct Theme {
    pub templates: Templates,
    pub catalog: Catalog,
}

impl Theme {
    /// Loads the theme of the handbook `checked`.
    pub fn load(checked: &Checked) -> Result<Theme, Error> {
        let language = checked
            .handbook
            .settings
            .as_ref()
            .map_or(Language::En, |s| s.language.value);
        let templates = Templates::load(
            checked.world.as_ref(),
            &checked.templates,
            language.keyword(),
        )?;
        let catalog = match &templates.i18n {
            Some((path, text)) => Catalog::load(language, Some(text))
                .map_err(|message| template_error(path, message))?,
            None => Catalog::builtin(language),
        };
        Ok(Theme { templates, catalog })
    }
}

/// [`render`] with a theme already loaded: compiling the templates costs more than
/// rendering a small handbook, so a caller that renders many loads it once.
pub fn render_with(
    checked: &Checked,
    theme: &Theme,
    options: &BuildOptions,
    sink: &dyn Sink,
) -> Result<Rendered, Error> {
    let Theme { templates, catalog } = theme;
    let hb = &checked.handbook;
    let mut look = Lookups::new(hb, &checked.index);
    if let Some(audience) = &options.audience {
        look.keep_applies_of(hb, &audience.members);
    }
    let targets = Targets::new(hb, &checked.sources);
    let ctx = Ctx::site_root(checked, &look, &targets, catalog);
    let extras = options.extras.as_slice();
    let mut pages = 0;
    let mut asset_dirs = Vec::new();
    if options.html {
        pages = Site::new(
            ctx,
            templates,
            extras,
            options.audience.as_ref().map(|a| a.name.as_str()),
        )
        .render_all(sink)?;
        let mut entries = search::entries(&ctx, extras);
        write(
            sink,
            "html/search-index.js",
            search::script(&mut entries, &ctx).as_bytes(),
        )?;
        for (name, bytes) in &templates.statics {
            write(sink, &format!("html/static/{name}"), bytes)?;
        }
        cards::render_all(&ctx, templates, sink)?;
        asset_dirs.push("html/");
    }
    if options.markdown {
        handbook_md::render(
            &ctx,
            templates,
            extras,
            options.audience.as_ref().map(|a| a.name.as_str()),
            sink,
        )?;
        asset_dirs.push("");
    }
    for asset in &hb.assets {
        if asset_dirs.is_empty() {
            break;
        }
        let bytes = checked
            .world
            .read(asset)
            .map_err(|e| error::reading(asset, &e))?;
        for dir in &asset_dirs {
            write(sink, &format!("{dir}{asset}"), &bytes)?;
        }
    }
    Ok(Rendered { pages })
}

fn write(sink: &dyn Sink, path: &str, bytes: &[u8]) -> Result<(), Error> {
    sink.write(path, bytes)
        .map_err(|error| error::writing(path, &error))
}
