//! The site's pages: the context each template gets ([`Site`]), and rendering every page
//! (listed in `address::layout`) in parallel into the sink. Every page carries only its own
//! entity and links; the catalogue, the search index and print.html are the only pages that
//! span the whole handbook.

use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Error;
use crate::render::address::layout::{Page, page_tag, pages, place};
use crate::render::address::linker::Mode;
use crate::render::address::target::{Section, Target, encode_path};
use crate::render::error;
use crate::render::markdown::to_html::escape_attr;
use crate::render::output::Sink;
use crate::render::single;
use crate::render::templates::Templates;
use crate::render::view::context::{Ctx, plain};
use crate::render::view::document::{self, ExtraChapter, SectionEntry};
use crate::render::view::entities;
use crate::render::view::structure;
use crate::render::view::tags;

use super::{catalogue, outline, pager, rows};

#[derive(Debug, Clone, Serialize)]
struct NavItem {
    key: String,
    title: String,
    href: String,
    current: bool,
}

#[derive(Debug, Clone, Serialize)]
struct SiteView<'a> {
    lang: &'static str,
    title: String,
    title_text: String,
    organization: Option<String>,
    version_line: String,
    root: String,
    nav: Vec<NavItem>,
    search_href: String,
    print_href: String,
    home_href: String,
    /// The tag index, when the handbook has tags.
    tags_href: Option<String>,
    /// "Handbook for: …" in a role's or team's handbook.
    audience: Option<String>,
    /// The catalogue, `site.t` in templates: put in by [`Site::render`] from its pool.
    #[serde(skip)]
    t: std::marker::PhantomData<&'a ()>,
}

/// What every page needs, computed once per build.
pub(crate) struct Site<'a> {
    pub ctx: Ctx<'a>,
    pub templates: &'a Templates,
    pub extras: &'a [ExtraChapter],
    /// Their ids, for the pages' places.
    pub extra_ids: Vec<String>,
    pub catalog_json: serde_json::Value,
    /// The sections as seen from depth 0 and depth 1.
    pub nav: [Vec<SectionEntry>; 2],
    pub audience: Option<&'a str>,
    /// Copies of `catalog_json` that no page is using. The catalogue is a few hundred texts
    /// that every page reads as `site.t`; copying it into each page's context and freeing it
    /// again cost a tenth of a large build, so each thread takes a copy and gives it back.
    catalogs: Mutex<Vec<serde_json::Value>>,
    /// Every tag by its slug (when there is any, there is a tag index).
    tags: std::collections::BTreeMap<String, tags::TagGroup<'a>>,
    /// The pages in reading order, for the previous / next links, and where each is in it.
    pub order: Vec<Page>,
    positions: std::collections::HashMap<Page, usize>,
}

impl<'a> Site<'a> {
    pub(crate) fn new(
        ctx: Ctx<'a>,
        templates: &'a Templates,
        extras: &'a [ExtraChapter],
        audience: Option<&'a str>,
    ) -> Site<'a> {
        let order = pager::reading_order(ctx.hb, extras.len());
        let nav =
            [0, 1].map(|depth| document::sections(&ctx.with_mode(Mode::Page { depth }), extras));
        Site {
            catalog_json: ctx.cat.to_json(),
            ctx,
            templates,
            extras,
            extra_ids: extras.iter().map(|e| e.id.clone()).collect(),
            nav,
            audience,
            catalogs: Mutex::new(Vec::new()),
            tags: tags::groups(ctx.hb),
            positions: pager::positions(&order),
            order,
        }
    }

    fn site_view(&self, ctx: &Ctx<'_>, depth: usize, current: &str) -> SiteView<'_> {
        let settings = ctx.hb.settings.as_ref();
        let cat = ctx.cat;
        let date = settings
            .and_then(|s| s.effective.as_ref())
            .map(|d| cat.date(d.value))
            .unwrap_or_default();
        let version = settings
            .map(|s| s.version.value.to_string())
            .unwrap_or_default();
        let nav = self.nav[depth.min(1)]
            .iter()
            .map(|s| NavItem {
                key: s.key.clone(),
                title: s.title.clone(),
                href: s.href.clone(),
                current: s.key == current,
            })
            .collect();
        SiteView {
            lang: cat.language.keyword(),
            title: settings.map(|s| ctx.name(&s.title)).unwrap_or_default(),
            title_text: settings.map(|s| plain(&s.title.value)).unwrap_or_default(),
            organization: settings
                .and_then(|s| s.organization.as_ref())
                .map(|o| ctx.name(o)),
            version_line: cat.fill("ui.version_line", &[("version", &version), ("date", &date)]),
            root: "../".repeat(depth),
            nav,
            search_href: ctx.linker.href(&Target::Section(Section::Search)),
            print_href: ctx.linker.href(&Target::Section(Section::Print)),
            home_href: ctx.linker.href(&Target::Section(Section::Cover)),
            tags_href: (!self.tags.is_empty())
                .then(|| ctx.linker.href(&Target::Section(Section::Tags))),
            audience: self
                .audience
                .map(|a| ctx.plain_text(&cat.fill("ui.handbook_for", &[("audience", a)]))),
            t: std::marker::PhantomData,
        }
    }

    /// Renders one page: its path under `html/` and its HTML.
    pub(crate) fn render(&self, page: Page) -> Result<(String, String), Error> {
        if page == Page::Print {
            let mut bytes = Vec::new();
            let path = self.write_print(&mut bytes)?;
            let html = String::from_utf8(bytes)
                .map_err(|_| Error::new("print.html is not valid UTF-8"))?;
            return Ok((path, html));
        }
        let (path, template, mut context) = self.page_context(page);
        let html = self.templates.render(template, &context);
        self.give_back(&mut context);
        let html = html?;
        let own_contents = matches!(
            page,
            Page::Journey(_)
                | Page::Touchpoint(_)
                | Page::Situation(_)
                | Page::Standard(_)
                | Page::Owner(_)
                | Page::Chapter(_)
                | Page::Extra(_)
        );
        let anchor = self.anchor_label();
        let contents = escape_attr(self.ctx.cat.get("ui.on_this_page"));
        let labels = outline::Labels {
            anchor: &anchor,
            contents: own_contents.then_some(contents.as_str()),
        };
        Ok((path, outline::outline(&html, &labels)))
    }

    /// Writes print.html into `out`: its frame with the sections drawn piece by piece in
    /// between; returns its path under `html/`.
    fn write_print(&self, out: &mut dyn std::io::Write) -> Result<String, Error> {
        let (path, template, mut context) = self.page_context(Page::Print);
        context.insert("sections", single::SECTIONS);
        let frame = self.templates.render(template, &context);
        let mut common = tera::Context::new();
        if let Some(site) = context.get("site") {
            common.insert("site", site);
        }
        self.give_back(&mut context);
        let anchor = self.anchor_label();
        let labels = outline::Labels {
            anchor: &anchor,
            contents: None,
        };
        let frame = outline::outline(&frame?, &labels);
        let finish = |piece: String| outline::anchors(&piece, &anchor);
        let document = single::Single {
            ctx: self.ctx.with_mode(Mode::Single),
            templates: self.templates,
            extras: self.extras,
            parts: "html/print/",
            extension: ".html.tera",
            common,
            finish: &finish,
        };
        document.write(template, &frame, &format!("html/{path}"), out)?;
        Ok(path)
    }

    /// The page's path under `html/`, its template and its context.
    fn page_context(&self, page: Page) -> (String, &'static str, tera::Context) {
        let (path, template, section) = place(self.ctx.hb, &self.extra_ids, page);
        let depth = path.matches('/').count();
        let mode = if page == Page::Print {
            Mode::Single
        } else {
            Mode::Page { depth }
        };
        let ctx = self.ctx.with_mode(mode);
        let mut context = tera::Context::new();
        let title = self.fill(&mut context, &ctx, page);
        let title_text = if title.is_empty() {
            plain(
                &ctx.hb
                    .settings
                    .as_ref()
                    .map(|s| s.title.value.clone())
                    .unwrap_or_default(),
            )
        } else {
            plain(&title)
        };
        let view = self.site_view(&self.ctx.with_mode(Mode::Page { depth }), depth, &section);
        let mut site = match serde_json::to_value(&view) {
            Ok(serde_json::Value::Object(site)) => site,
            _ => serde_json::Map::new(),
        };
        site.insert("t".into(), self.take_catalog());
        let mut frame = serde_json::Map::new();
        frame.insert("site".into(), serde_json::Value::Object(site));
        if let Ok(frame) = tera::Context::from_value(serde_json::Value::Object(frame)) {
            context.extend(frame);
        }
        context.insert("page_title", &title_text);
        let crumb = match page {
            Page::Journey(_) => Some(Section::Journeys),
            Page::Touchpoint(_) => Some(Section::Touchpoints),
            Page::Situation(_) => Some(Section::Situations),
            Page::Standard(_) => Some(Section::Standards),
            Page::Owner(_) => Some(Section::Owners),
            _ => None,
        }
        .map(|s| {
            let label = ctx.cat.get(&format!("section.{}", s.key())).to_string();
            ctx.link(&Target::Section(s), label)
        });
        context.insert("crumb", &crumb);
        context.insert(
            "pager",
            &pager::pager(&ctx, &self.order, &self.positions, self.extras, page),
        );
        context.insert("edit_href", &self.edit_href(page));
        (path, template, context)
    }

    /// The accessible name of heading anchors, escaped.
    fn anchor_label(&self) -> String {
        escape_attr(self.ctx.cat.get("ui.anchor"))
    }

    /// Returns the page's copy of the catalogue to the pool.
    fn give_back(&self, context: &mut tera::Context) {
        if let Some(serde_json::Value::Object(mut site)) = context.remove("site") {
            if let Some(t) = site.remove("t") {
                self.give_back_catalog(t);
            }
        }
    }

    fn take_catalog(&self) -> serde_json::Value {
        let spare = self.catalogs.lock().ok().and_then(|mut pool| pool.pop());
        spare.unwrap_or_else(|| self.catalog_json.clone())
    }

    fn give_back_catalog(&self, catalog: serde_json::Value) {
        if let Ok(mut pool) = self.catalogs.lock() {
            pool.push(catalog);
        }
    }

    /// The "edit this page" address of a page drawn from one source file, when `[build]
    /// edit_url` is set: `{path}` replaced by the file's root-relative path, percent-encoded.
    fn edit_href(&self, page: Page) -> Option<String> {
        let hb = self.ctx.hb;
        let template = hb.settings.as_ref()?.build_edit_url.as_ref()?;
        let file = match page {
            Page::Cover => return Some(template.value.replace("{path}", "sok.toml")),
            Page::Glossary => one_file(hb.terms.iter().map(|e| &e.meta)),
            Page::Principles => one_file(hb.principles.iter().map(|e| &e.meta)),
            Page::Journey(i) => hb.journeys.get(i).map(|e| e.meta.file),
            Page::Touchpoint(i) => hb.touchpoints.get(i).map(|e| e.meta.file),
            Page::Situation(i) => hb.situations.get(i).map(|e| e.meta.file),
            Page::Standard(i) => hb.standards.get(i).map(|e| e.meta.file),
            Page::Owner(i) => hb.owners.get(i).map(|e| e.meta.file),
            Page::Chapter(i) => hb.chapters.get(i).map(|e| e.meta.file),
            _ => None,
        }?;
        let sources = self.ctx.sources;
        let path = ((file.0 as usize) < sources.len()).then(|| &sources.get(file).path)?;
        Some(template.value.replace("{path}", &encode_path(path)))
    }

    /// Inserts the page's own data; returns its title as inline Markdown or HTML.
    fn fill(&self, c: &mut tera::Context, ctx: &Ctx<'_>, page: Page) -> String {
        let hb = ctx.hb;
        let cat = ctx.cat;
        let section_title = |s: Section| cat.get(&format!("section.{}", s.key())).to_string();
        match page {
            Page::Cover => {
                c.insert("cover", &structure::cover(ctx));
                let contents: Vec<&SectionEntry> = self.nav[0].iter().skip(1).collect();
                c.insert("contents", &contents);
                String::new()
            }
            Page::Glossary => {
                c.insert(
                    "terms",
                    &(0..hb.terms.len())
                        .filter_map(|i| entities::term(ctx, i))
                        .collect::<Vec<_>>(),
                );
                section_title(Section::Glossary)
            }
            Page::Principles => {
                c.insert(
                    "principles",
                    &(0..hb.principles.len())
                        .filter_map(|i| entities::principle(ctx, i))
                        .collect::<Vec<_>>(),
                );
                section_title(Section::Principles)
            }
            Page::Journeys => {
                c.insert("rows", &rows::journeys(ctx));
                section_title(Section::Journeys)
            }
            Page::Touchpoints => {
                c.insert("rows", &rows::touchpoints(ctx));
                section_title(Section::Touchpoints)
            }
            Page::Situations => {
                c.insert("rows", &rows::situations(ctx));
                section_title(Section::Situations)
            }
            Page::Standards => catalogue::fill(c, ctx, 0),
            Page::Catalogue(k) => catalogue::fill(c, ctx, k),
            Page::Owners => {
                c.insert("tree", &structure::owner_tree(ctx));
                c.insert("responsibility", &structure::responsibility(ctx));
                c.insert("coverage", &structure::coverage(ctx));
                section_title(Section::Owners)
            }
            Page::Journey(i) => {
                insert(c, "journey", structure::journey(ctx, i), |v| v.name.clone())
            }
            Page::Touchpoint(i) => insert(c, "touchpoint", entities::touchpoint(ctx, i), |v| {
                v.name.clone()
            }),
            Page::Situation(i) => insert(c, "situation", entities::situation(ctx, i), |v| {
                v.name.clone()
            }),
            Page::Standard(i) => insert(c, "standard", entities::standard(ctx, i), |v| {
                v.title.clone()
            }),
            Page::Owner(i) => insert(c, "owner", structure::owner(ctx, i), |v| v.name.clone()),
            Page::Chapter(i) => {
                insert(c, "chapter", entities::chapter(ctx, i), |v| v.title.clone())
            }
            Page::Extra(i) => match self.extras.get(i) {
                Some(extra) => insert(
                    c,
                    "chapter",
                    Some(document::extra_chapter(ctx, extra)),
                    |v| v.title.clone(),
                ),
                None => String::new(),
            },
            Page::Search => section_title(Section::Search),
            Page::Tags => {
                c.insert("tags", &tags::index(ctx, &self.tags));
                section_title(Section::Tags)
            }
            Page::Tag(kind, i, t) => {
                let slug = page_tag(ctx.hb, kind, i, t).unwrap_or_default();
                insert(c, "tag", tags::page(ctx, &self.tags, &slug), |v| {
                    v.name.clone()
                })
            }
            Page::Print => {
                c.insert("doc", &document::frame(ctx, self.extras));
                section_title(Section::Print)
            }
        }
    }

    /// Renders every page in parallel and hands each to `sink` as soon as it is rendered, as
    /// `html/<path>`; returns how many pages there are.
    pub(crate) fn render_all(&self, sink: &dyn Sink) -> Result<usize, Error> {
        let pages = pages(self.ctx.hb, self.extras.len());
        pages.par_iter().try_for_each(|&page| {
            if page == Page::Print {
                return single::stream(sink, "html/print.html", |out| {
                    self.write_print(out).map(drop)
                });
            }
            let (path, html) = self.render(page)?;
            let path = format!("html/{path}");
            sink.write(&path, html.as_bytes())
                .map_err(|error| error::writing(&path, &error))
        })?;
        Ok(pages.len())
    }
}

/// The file all of `metas` come from, if they come from one.
fn one_file<'m>(
    mut metas: impl Iterator<Item = &'m crate::model::Meta>,
) -> Option<crate::source::FileId> {
    let first = metas.next()?.file;
    metas.all(|m| m.file == first).then_some(first)
}

fn insert<T: Serialize>(
    c: &mut tera::Context,
    key: &str,
    view: Option<T>,
    title: impl Fn(&T) -> String,
) -> String {
    match view {
        Some(v) => {
            let t = title(&v);
            c.insert(key, &v);
            t
        }
        None => String::new(),
    }
}
