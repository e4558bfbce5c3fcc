//! The pages of the site: which exist, where each lives and which template draws it.

use super::target::{Section, Target, tag_slug};
use crate::model::{Handbook, Kind};

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Page {
    Cover,
    Glossary,
    Principles,
    Journeys,
    Journey(usize),
    Touchpoints,
    Touchpoint(usize),
    Situations,
    Situation(usize),
    Standards,
    /// Page `k + 1` of the standards catalogue (k ≥ 1); its first page is `Standards`.
    Catalogue(usize),
    Standard(usize),
    Owners,
    Owner(usize),
    Chapter(usize),
    /// The extra chapter at this position of `BuildOptions::extras`.
    Extra(usize),
    Search,
    Print,
    /// Every tag, each linking to its own page.
    Tags,
    /// The page of one tag, named by where it is first written: the entity of `kind` at
    /// this index and the tag at this position of its `tags`.
    Tag(Kind, usize, usize),
}

/// Rows per page of the standards catalogue: a page of a thousand rows is about half a
/// megabyte, and a phone still scrolls it.
pub(crate) const CATALOGUE_ROWS: usize = 1000;

/// How many pages the standards catalogue has (at least one).
pub(crate) fn catalogue_pages(hb: &Handbook) -> usize {
    hb.standards.len().div_ceil(CATALOGUE_ROWS).max(1)
}

/// Every page of the handbook, in a fixed order; `extras` is how many extra chapters there are.
pub(crate) fn pages(hb: &Handbook, extras: usize) -> Vec<Page> {
    let mut out = vec![Page::Cover, Page::Search, Page::Print];
    let mut add = |present: bool, index: Page, one: fn(usize) -> Page, n: usize| {
        if present {
            out.push(index);
            out.extend((0..n).map(one));
        }
    };
    add(!hb.terms.is_empty(), Page::Glossary, |_| Page::Glossary, 0);
    add(
        !hb.principles.is_empty(),
        Page::Principles,
        |_| Page::Principles,
        0,
    );
    add(
        !hb.journeys.is_empty(),
        Page::Journeys,
        Page::Journey,
        hb.journeys.len(),
    );
    add(
        !hb.touchpoints.is_empty(),
        Page::Touchpoints,
        Page::Touchpoint,
        hb.touchpoints.len(),
    );
    add(
        !hb.situations.is_empty(),
        Page::Situations,
        Page::Situation,
        hb.situations.len(),
    );
    add(
        !hb.standards.is_empty(),
        Page::Standards,
        Page::Standard,
        hb.standards.len(),
    );
    add(
        !hb.owners.is_empty(),
        Page::Owners,
        Page::Owner,
        hb.owners.len(),
    );
    out.extend((0..hb.chapters.len()).map(Page::Chapter));
    out.extend((0..extras).map(Page::Extra));
    if !hb.standards.is_empty() {
        out.extend((1..catalogue_pages(hb)).map(Page::Catalogue));
    }
    let tags = tag_pages(hb);
    if !tags.is_empty() {
        out.push(Page::Tags);
        out.extend(tags);
    }
    out
}

/// A page per tag, in the order of their slugs, each named by where the tag is first written.
fn tag_pages(hb: &Handbook) -> Vec<Page> {
    let mut first = std::collections::BTreeMap::new();
    for kind in Kind::ALL {
        for (i, e) in hb.entities_of(kind).enumerate() {
            for (t, tag) in e.meta.tags.iter().enumerate() {
                first
                    .entry(tag_slug(&tag.value))
                    .or_insert(Page::Tag(kind, i, t));
            }
        }
    }
    first.into_values().collect()
}

/// The slug of the tag that `Page::Tag(kind, i, t)` shows.
pub(crate) fn page_tag(hb: &Handbook, kind: Kind, i: usize, t: usize) -> Option<String> {
    let entity = hb.entities_of(kind).nth(i)?;
    entity.meta.tags.get(t).map(|tag| tag_slug(&tag.value))
}

/// The path under `html/` of page `k + 1` of the catalogue: `_` is in no id, so no
/// standard's page can have this name.
pub(crate) fn catalogue_path(k: usize) -> String {
    if k == 0 {
        Target::Section(Section::Standards).page_path()
    } else {
        format!("standards/index_{}.html", k + 1)
    }
}

/// The path of `page` under `html/`, its template and its section.
/// `extras` are the ids of the extra chapters.
pub(crate) fn place(
    hb: &Handbook,
    extras: &[String],
    page: Page,
) -> (String, &'static str, String) {
    let id = |kind: Kind, i: usize| -> String {
        let meta = match kind {
            Kind::Journey => hb.journeys.get(i).map(|e| &e.meta),
            Kind::Touchpoint => hb.touchpoints.get(i).map(|e| &e.meta),
            Kind::Situation => hb.situations.get(i).map(|e| &e.meta),
            Kind::Standard => hb.standards.get(i).map(|e| &e.meta),
            Kind::Owner => hb.owners.get(i).map(|e| &e.meta),
            _ => hb.chapters.get(i).map(|e| &e.meta),
        };
        meta.map_or_else(String::new, |m| m.id.value.clone())
    };
    let entity = |kind: Kind, i: usize, template: &'static str, section: Section| {
        let target = Target::Entity(kind, id(kind, i));
        (target.page_path(), template, section.key().to_string())
    };
    let section = |s: Section, template: &'static str| {
        (
            Target::Section(s).page_path(),
            template,
            s.key().to_string(),
        )
    };
    match page {
        Page::Cover => section(Section::Cover, "html/index.html.tera"),
        Page::Glossary => section(Section::Glossary, "html/glossary.html.tera"),
        Page::Principles => section(Section::Principles, "html/principles.html.tera"),
        Page::Journeys => section(Section::Journeys, "html/journeys.html.tera"),
        Page::Touchpoints => section(Section::Touchpoints, "html/touchpoints.html.tera"),
        Page::Situations => section(Section::Situations, "html/situations.html.tera"),
        Page::Standards => section(Section::Standards, "html/standards.html.tera"),
        Page::Catalogue(k) => (
            catalogue_path(k),
            "html/standards.html.tera",
            Section::Standards.key().to_string(),
        ),
        Page::Owners => section(Section::Owners, "html/owners.html.tera"),
        Page::Search => section(Section::Search, "html/search.html.tera"),
        Page::Print => section(Section::Print, "html/print.html.tera"),
        Page::Tags => section(Section::Tags, "html/tags.html.tera"),
        Page::Tag(kind, i, t) => {
            let slug = page_tag(hb, kind, i, t).unwrap_or_else(|| "_".to_string());
            (
                Target::Tag(slug).page_path(),
                "html/tag.html.tera",
                Section::Tags.key().to_string(),
            )
        }
        Page::Journey(i) => entity(
            Kind::Journey,
            i,
            "html/journey.html.tera",
            Section::Journeys,
        ),
        Page::Touchpoint(i) => entity(
            Kind::Touchpoint,
            i,
            "html/touchpoint.html.tera",
            Section::Touchpoints,
        ),
        Page::Situation(i) => entity(
            Kind::Situation,
            i,
            "html/situation.html.tera",
            Section::Situations,
        ),
        Page::Standard(i) => entity(
            Kind::Standard,
            i,
            "html/standard.html.tera",
            Section::Standards,
        ),
        Page::Owner(i) => entity(Kind::Owner, i, "html/owner.html.tera", Section::Owners),
        Page::Chapter(i) => {
            let (path, template, _) =
                entity(Kind::Chapter, i, "html/chapter.html.tera", Section::Cover);
            (path, template, format!("chapter-{}", id(Kind::Chapter, i)))
        }
        Page::Extra(i) => {
            let id = extras.get(i).map_or("", String::as_str);
            (
                Target::Extra(id.to_string()).page_path(),
                "html/chapter.html.tera",
                id.to_string(),
            )
        }
    }
}
