//! The handbook as one document, in the method's order: title page, glossary, general
//! provisions, principles, journeys, touchpoints, situations, standards, owners, the other
//! chapters and the extra chapters. print.html and handbook.md are both drawn from its
//! [`frame`] and the pieces of `parts`; the site's navigation uses the same [`sections`]
//! list.

use serde::Serialize;

use super::context::Ctx;
use super::entities::ChapterView;
use super::structure::{self, CoverView, TreeNode};
use crate::model::{Handbook, Kind};
use crate::render::address::target::{Section, Target};

/// A chapter that is not in the sources, such as the change notice or the results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtraChapter {
    /// Its page is `<id>.html` and its anchor `section-<id>` (`changes`, `results`); the ids
    /// of one build's extra chapters differ, and differ from the sections' page names.
    pub id: String,
    pub title: String,
    /// Markdown; links are relative to the handbook root.
    pub markdown: String,
}

/// One top-level part of the handbook, for navigation and contents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct SectionEntry {
    pub key: String,
    pub anchor: String,
    pub href: String,
    pub title: String,
    #[serde(skip)]
    pub target: Target,
}

/// Chapter positions sorted by `order`, then path; chapters without `order` last.
pub(crate) fn chapter_order(hb: &Handbook) -> Vec<usize> {
    let mut order: Vec<usize> = (0..hb.chapters.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |i: usize| {
            let c = &hb.chapters[i];
            (
                c.order.is_none(),
                c.order.as_ref().map_or(0, |o| o.value),
                c.path.clone(),
            )
        };
        key(a).cmp(&key(b))
    });
    order
}

/// The top-level sections present in this handbook, in order (the title page first).
pub(crate) fn sections(ctx: &Ctx<'_>, extras: &[ExtraChapter]) -> Vec<SectionEntry> {
    let hb = ctx.hb;
    let chapters = chapter_order(hb);
    let mut out = Vec::new();
    let push_section = |section: Section, present: bool, out: &mut Vec<SectionEntry>| {
        if present {
            let target = Target::Section(section);
            out.push(SectionEntry {
                key: section.key().to_string(),
                anchor: target.single_anchor(),
                href: ctx.linker.href(&target),
                title: ctx.plain_text(ctx.cat.get(&format!("section.{}", section.key()))),
                target,
            });
        }
    };
    let chapter = |i: usize| {
        let c = &hb.chapters[i];
        let target = Target::Entity(Kind::Chapter, c.meta.id.value.clone());
        SectionEntry {
            key: format!("chapter-{}", c.meta.id.value),
            anchor: target.single_anchor(),
            href: ctx.linker.href(&target),
            title: ctx.name(&c.title),
            target,
        }
    };
    push_section(Section::Cover, true, &mut out);
    push_section(Section::Glossary, !hb.terms.is_empty(), &mut out);
    if let Some(&first) = chapters.first() {
        out.push(chapter(first));
    }
    push_section(Section::Principles, !hb.principles.is_empty(), &mut out);
    push_section(Section::Journeys, !hb.journeys.is_empty(), &mut out);
    push_section(Section::Touchpoints, !hb.touchpoints.is_empty(), &mut out);
    push_section(Section::Situations, !hb.situations.is_empty(), &mut out);
    push_section(Section::Standards, !hb.standards.is_empty(), &mut out);
    push_section(Section::Owners, !hb.owners.is_empty(), &mut out);
    out.extend(chapters.iter().skip(1).map(|&i| chapter(i)));
    for extra in extras {
        let target = Target::Extra(extra.id.clone());
        out.push(SectionEntry {
            key: extra.id.clone(),
            anchor: target.single_anchor(),
            href: ctx.linker.href(&target),
            title: ctx.markdown(&extra.title, "", "", 0, true),
            target,
        });
    }
    out
}

/// An extra chapter, rendered like a chapter whose file is at the handbook root.
pub(crate) fn extra_chapter(ctx: &Ctx<'_>, extra: &ExtraChapter) -> ChapterView {
    let target = Target::Extra(extra.id.clone());
    let prefix = ctx.linker.heading_prefix(&target, !ctx.single());
    let from = format!("{}.md", extra.id);
    ChapterView {
        id: extra.id.clone(),
        anchor: ctx.anchor(&target, true),
        title: ctx.markdown(&extra.title, &from, "", 0, true),
        body: ctx.markdown(&extra.markdown, &from, &prefix, 1, false),
    }
}

/// One line of the reporting tree in a flat list (for handbook.md's nested bullets).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TreeLine {
    pub indent: String,
    pub link: super::context::LinkView,
    pub team: Option<String>,
}

pub(crate) fn flatten(nodes: &[TreeNode], depth: usize, out: &mut Vec<TreeLine>) {
    for node in nodes {
        out.push(TreeLine {
            indent: "  ".repeat(depth),
            link: node.link.clone(),
            team: node.team.clone(),
        });
        flatten(&node.children, depth + 1, out);
    }
}

/// The frame of print.html and handbook.md: what the title page and contents show. The
/// sections themselves are drawn piece by piece ([`super::parts`]) where the frame's
/// template writes `sections`.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FrameView {
    pub cover: CoverView,
    /// The edition line at the foot of every printed page, as a CSS string.
    pub page_footer: String,
    pub sections: Vec<SectionEntry>,
    /// Whether there is a pocket-cards section (it is not one of the `sections`).
    pub has_cards: bool,
}

/// "Standardy obsługi — Kwiatek · Wersja 1.2.0" as a CSS string literal: the page margin
/// boxes of print take only generated text, so the handbook's words are escaped for CSS:
/// every character but ASCII letters, digits and spaces is written as a code point, so that
/// nothing in a title (`"`, `\`, `</style>`) can end the string or the style element.
pub(crate) fn page_footer(ctx: &Ctx<'_>) -> String {
    let Some(s) = &ctx.hb.settings else {
        return "\"\"".to_string();
    };
    let version = ctx.cat.try_get("label.version").unwrap_or("Version");
    let title = super::context::plain(&s.title.value);
    let text = format!("{title} · {version} {}", s.version.value);
    css_string(&text)
}

fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | ' ' => out.push(c),
            _ => out.push_str(&format!("\\{:x} ", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// The frame of the whole document; `ctx` must be in single-document mode.
pub(crate) fn frame(ctx: &Ctx<'_>, extras: &[ExtraChapter]) -> FrameView {
    FrameView {
        cover: structure::cover(ctx),
        page_footer: page_footer(ctx),
        sections: sections(ctx, extras),
        has_cards: super::card::any_card(ctx),
    }
}

#[cfg(test)]
mod footer_tests {
    #[test]
    fn the_footer_is_a_css_string_whatever_the_title() {
        assert_eq!(
            super::css_string("Kwiatek \"A\\B\" · </style>"),
            "\"Kwiatek \\22 A\\5c B\\22  \\b7  \\3c \\2f style\\3e \""
        );
        assert_eq!(
            super::css_string("Книга"),
            "\"\\41a \\43d \\438 \\433 \\430 \""
        );
    }
}
