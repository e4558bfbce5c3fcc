//! The renderer's view of one page or document: the handbook, its lookups, the language,
//! where links go, and whether text is written as HTML or as Markdown. The view models in
//! `entities` and `structure` are built through it, so every text field is sanitized and
//! every reference becomes a link the same way in every output.

use serde::Serialize;

pub(crate) use super::format::Format;
use super::lookups::{Lookups, StepPos};
use super::memo::Use;
use crate::check::Checked;
use crate::i18n::Catalog;
use crate::model::{Handbook, Kind, Text};
use crate::render::address::linker::{Linker, Mode, Targets};
use crate::render::address::target::Target;
use crate::render::markdown::events::TextCtx;
use crate::render::markdown::{to_html, to_markdown};
use crate::resolve::Index;
use crate::source::Sources;
use crate::values::Date;

/// A link with its text already rendered (HTML or Markdown).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct LinkView {
    pub href: String,
    pub text: String,
    /// Context shown next to the link (the journey of a step, the team of an owner).
    pub note: Option<String>,
}

/// An enum value with its key (for CSS classes) and its label in the handbook's language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Label {
    pub key: &'static str,
    pub label: String,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub hb: &'a Handbook,
    pub index: &'a Index,
    pub sources: &'a Sources,
    pub look: &'a Lookups,
    pub cat: &'a Catalog,
    pub linker: Linker<'a>,
    pub format: Format,
    /// The date review banners compare against ([`Date::build_today`]).
    pub today: Date,
}

impl<'a> Ctx<'a> {
    /// The context of an HTML page at the site's root, for the handbook `checked`.
    pub(crate) fn site_root(
        checked: &'a Checked,
        look: &'a Lookups,
        targets: &'a Targets,
        cat: &'a Catalog,
    ) -> Ctx<'a> {
        Ctx {
            hb: &checked.handbook,
            index: &checked.index,
            sources: &checked.sources,
            look,
            cat,
            linker: Linker {
                targets,
                mode: Mode::Page { depth: 0 },
            },
            format: Format::Html,
            today: Date::build_today(),
        }
    }

    pub(crate) fn with_mode(self, mode: Mode) -> Ctx<'a> {
        Ctx {
            linker: Linker {
                targets: self.linker.targets,
                mode,
            },
            ..self
        }
    }

    pub(crate) fn single(&self) -> bool {
        self.linker.mode == Mode::Single
    }

    /// The heading level of an entity that has its own page (1 there, 2 in one document).
    pub(crate) fn entity_level(&self) -> u8 {
        if self.single() { 2 } else { 1 }
    }

    /// The id to put on an entity's heading; empty for the page's own entity.
    pub(crate) fn anchor(&self, target: &Target, page_level: bool) -> String {
        match (self.linker.mode, target) {
            (Mode::Single, t) => t.single_anchor(),
            (Mode::Page { .. }, _) if page_level => String::new(),
            (Mode::Page { .. }, Target::Step(_, step)) => step.clone(),
            (Mode::Page { .. }, Target::Entity(_, id)) => id.clone(),
            (Mode::Page { .. }, t) => t.single_anchor(),
        }
    }

    /// Renders Markdown written in the file `from`.
    pub(crate) fn markdown(
        &self,
        text: &str,
        from: &str,
        prefix: &str,
        level: u8,
        inline: bool,
    ) -> String {
        let ctx = TextCtx {
            from,
            prefix,
            level,
            inline,
            links: true,
        };
        self.render_text(ctx, text)
    }

    fn render_text(&self, ctx: TextCtx<'_>, text: &str) -> String {
        match self.format {
            Format::Html => to_html::render(text, ctx, &self.linker, self.cat.get("ui.table")),
            Format::Markdown => to_markdown::render(text, ctx, &self.linker),
        }
    }

    fn path_of(&self, text: &Text) -> &'a str {
        if (text.span.file.0 as usize) < self.sources.len() {
            &self.sources.get(text.span.file).path
        } else {
            ""
        }
    }

    /// A name, title or phrase: inline Markdown.
    pub(crate) fn inline(&self, text: &Text) -> String {
        self.markdown(&text.value, self.path_of(text), "", 0, true)
    }

    /// A name shown inside a link: inline Markdown without its own links.
    pub(crate) fn name(&self, text: &Text) -> String {
        self.look.memo.get(text.span, self.format, Use::Name, || {
            let ctx = TextCtx {
                from: self.path_of(text),
                prefix: "",
                level: 0,
                inline: true,
                links: false,
            };
            self.render_text(ctx, &text.value)
        })
    }

    pub(crate) fn inline_opt(&self, text: Option<&Text>) -> Option<String> {
        text.map(|t| self.inline(t)).filter(|s| !s.is_empty())
    }

    /// The main text of the entity `target`, whose heading has level `level`.
    pub(crate) fn block(
        &self,
        text: &Text,
        target: &Target,
        page_level: bool,
        level: u8,
    ) -> String {
        let prefix = self.linker.heading_prefix(target, page_level);
        self.markdown(&text.value, self.path_of(text), &prefix, level, false)
    }

    pub(crate) fn block_opt(
        &self,
        text: Option<&Text>,
        target: &Target,
        page_level: bool,
        level: u8,
    ) -> Option<String> {
        text.map(|t| self.block(t, target, page_level, level))
            .filter(|s| !s.trim().is_empty())
    }

    pub(crate) fn link(&self, target: &Target, text: String) -> LinkView {
        LinkView {
            href: self.linker.href(target),
            text,
            note: None,
        }
    }

    /// A link to the entity `id` of `kind`, named as the handbook names it.
    pub(crate) fn entity_link(&self, kind: Kind, id: &str) -> LinkView {
        let hb = self.hb;
        let at = self.index.of(kind).get(id).copied();
        let name = at.and_then(|i| match kind {
            Kind::Owner => hb.owners.get(i).map(|e| &e.name),
            Kind::Touchpoint => hb.touchpoints.get(i).map(|e| &e.name),
            Kind::Journey => hb.journeys.get(i).map(|e| &e.name),
            Kind::Situation => hb.situations.get(i).map(|e| &e.name),
            Kind::Standard => hb.standards.get(i).map(|e| &e.title),
            Kind::Term => hb.terms.get(i).map(|e| &e.term),
            Kind::Principle => hb.principles.get(i).map(|e| &e.title),
            Kind::Chapter => hb.chapters.get(i).map(|e| &e.title),
        });
        match name {
            Some(name) => self.link(&Target::Entity(kind, id.to_string()), self.name(name)),
            // Not in this build (a role's handbook leaves it out): its id, as plain text.
            None => LinkView {
                href: String::new(),
                text: self.plain_text(id),
                note: None,
            },
        }
    }

    pub(crate) fn links(
        &self,
        kind: Kind,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Vec<LinkView> {
        ids.into_iter()
            .map(|id| self.entity_link(kind, id))
            .collect()
    }

    /// A link to a step, with its journey as the note.
    pub(crate) fn step_link(&self, (j, s): StepPos) -> Option<LinkView> {
        let journey = self.hb.journeys.get(j)?;
        let step = journey.steps.get(s)?;
        let target = Target::Step(journey.meta.id.value.clone(), step.id.value.clone());
        let mut link = self.link(&target, self.name(&step.name));
        link.note = Some(self.inline(&journey.name));
        Some(link)
    }

    /// Plain text (an id, a number) escaped for the output format.
    pub(crate) fn plain_text(&self, text: &str) -> String {
        match self.format {
            Format::Html => to_html::escape_attr(text),
            Format::Markdown => to_markdown::escape_plain(text),
        }
    }

    pub(crate) fn label(&self, group: &str, key: &'static str) -> Label {
        Label {
            key,
            label: self.plain_text(self.cat.get(&format!("{group}.{key}"))),
        }
    }

    /// The display name of a journey stage: `[journey].stage_names`, then the catalogue.
    pub(crate) fn stage_name(&self, stage: &str) -> String {
        let custom = self
            .hb
            .settings
            .as_ref()
            .and_then(|s| s.stage_names.get(stage));
        match custom {
            Some(name) => self.inline(name),
            None => self.plain_text(self.cat.try_get(&format!("stage.{stage}")).unwrap_or(stage)),
        }
    }
}

/// The text of inline Markdown without markup, for `<title>`, YAML metadata and the search
/// index. It goes through the same sanitizing as rendered text, so nothing from raw HTML or
/// a dropped link survives here either.
pub(crate) fn plain(text: &str) -> String {
    use pulldown_cmark::Event;
    let targets = Targets::default();
    let linker = Linker {
        targets: &targets,
        mode: Mode::Single,
    };
    let ctx = TextCtx {
        from: "",
        prefix: "",
        level: 0,
        inline: true,
        links: true,
    };
    let mut out = String::new();
    for event in crate::render::markdown::events::prepare(text, ctx, &linker) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
