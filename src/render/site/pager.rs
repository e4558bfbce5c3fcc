//! Previous and next links at the foot of a page, in the handbook's reading order: the order
//! of the navigation and of print.html, with each section's entity pages after its index
//! page. Search, print, the tag index and the catalogue's further pages are outside it.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Handbook, Kind};
use crate::render::address::layout::Page;
use crate::render::address::target::{Section, Target};
use crate::render::view::context::{Ctx, LinkView};
use crate::render::view::document::{ExtraChapter, chapter_order};

/// The links at the foot of one page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Pager {
    pub prev: Option<LinkView>,
    pub next: Option<LinkView>,
}

/// Every page of the reading order, first to last.
pub(crate) fn reading_order(hb: &Handbook, extras: usize) -> Vec<Page> {
    let chapters = chapter_order(hb);
    let mut out = vec![Page::Cover];
    if !hb.terms.is_empty() {
        out.push(Page::Glossary);
    }
    out.extend(chapters.first().map(|&i| Page::Chapter(i)));
    if !hb.principles.is_empty() {
        out.push(Page::Principles);
    }
    let mut section = |n: usize, index: Page, one: fn(usize) -> Page| {
        if n > 0 {
            out.push(index);
            out.extend((0..n).map(one));
        }
    };
    section(hb.journeys.len(), Page::Journeys, Page::Journey);
    section(hb.touchpoints.len(), Page::Touchpoints, Page::Touchpoint);
    section(hb.situations.len(), Page::Situations, Page::Situation);
    section(hb.standards.len(), Page::Standards, Page::Standard);
    section(hb.owners.len(), Page::Owners, Page::Owner);
    out.extend(chapters.iter().skip(1).map(|&i| Page::Chapter(i)));
    out.extend((0..extras).map(Page::Extra));
    out
}

/// Where each page of `order` is in it, so that a page finds its neighbours without
/// scanning the whole order.
pub(crate) fn positions(order: &[Page]) -> HashMap<Page, usize> {
    order.iter().enumerate().map(|(i, &p)| (p, i)).collect()
}

/// The neighbours of `page` in `order` (whose `positions` are given), linked from `ctx`'s
/// page; `None` for a page outside the order.
pub(crate) fn pager(
    ctx: &Ctx<'_>,
    order: &[Page],
    positions: &HashMap<Page, usize>,
    extras: &[ExtraChapter],
    page: Page,
) -> Option<Pager> {
    let at = *positions.get(&page)?;
    let link = |i: Option<usize>| {
        i.and_then(|i| order.get(i))
            .and_then(|&p| link(ctx, extras, p))
    };
    Some(Pager {
        prev: link(at.checked_sub(1)),
        next: link(Some(at + 1)),
    })
}

fn link(ctx: &Ctx<'_>, extras: &[ExtraChapter], page: Page) -> Option<LinkView> {
    let hb = ctx.hb;
    let section = |s: Section| {
        let title = ctx.plain_text(ctx.cat.get(&format!("section.{}", s.key())));
        Some(ctx.link(&Target::Section(s), title))
    };
    let entity = |kind: Kind, id: Option<&String>| id.map(|id| ctx.entity_link(kind, id));
    match page {
        Page::Cover => section(Section::Cover),
        Page::Glossary => section(Section::Glossary),
        Page::Principles => section(Section::Principles),
        Page::Journeys => section(Section::Journeys),
        Page::Touchpoints => section(Section::Touchpoints),
        Page::Situations => section(Section::Situations),
        Page::Standards => section(Section::Standards),
        Page::Owners => section(Section::Owners),
        Page::Journey(i) => entity(Kind::Journey, hb.journeys.get(i).map(|e| &e.meta.id.value)),
        Page::Touchpoint(i) => entity(
            Kind::Touchpoint,
            hb.touchpoints.get(i).map(|e| &e.meta.id.value),
        ),
        Page::Situation(i) => entity(
            Kind::Situation,
            hb.situations.get(i).map(|e| &e.meta.id.value),
        ),
        Page::Standard(i) => entity(
            Kind::Standard,
            hb.standards.get(i).map(|e| &e.meta.id.value),
        ),
        Page::Owner(i) => entity(Kind::Owner, hb.owners.get(i).map(|e| &e.meta.id.value)),
        Page::Chapter(i) => entity(Kind::Chapter, hb.chapters.get(i).map(|e| &e.meta.id.value)),
        Page::Extra(i) => extras.get(i).map(|e| {
            let title = ctx.markdown(&e.title, "", "", 0, true);
            ctx.link(&Target::Extra(e.id.clone()), title)
        }),
        Page::Search | Page::Print | Page::Tags | Page::Tag(..) | Page::Catalogue(_) => None,
    }
}
