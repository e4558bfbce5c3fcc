//! Tags, the free labels of `tags = [...]`: on an entity's page they link to the tag's own
//! page (`tags/<slug>.html`), which lists the entities that carry it; the tag index
//! (`tags.html`) lists every tag with its count. Two spellings with one slug ("Reklamacja",
//! "reklamacja") are one tag, shown as first written. A page per tag keeps each page small:
//! in a large handbook a few tags carry thousands of standards.

use std::collections::BTreeMap;

use serde::Serialize;

use super::context::{Ctx, LinkView, plain};
use crate::model::{Handbook, Kind, Text};
use crate::render::address::target::{Target, tag_slug};

/// One tag: its name as first written and the entities that carry it, in the handbook's
/// order of kinds.
#[derive(Debug)]
pub(crate) struct TagGroup<'h> {
    name: &'h Text,
    sort: String,
    members: Vec<(Kind, &'h str)>,
}

/// Every tag of the handbook by its slug, gathered once per build.
pub(crate) fn groups(hb: &Handbook) -> BTreeMap<String, TagGroup<'_>> {
    let mut groups: BTreeMap<String, TagGroup<'_>> = BTreeMap::new();
    for e in hb.entities() {
        for tag in &e.meta.tags {
            let group = groups
                .entry(tag_slug(&tag.value))
                .or_insert_with(|| TagGroup {
                    name: tag,
                    sort: sort_key(&plain(&tag.value)),
                    members: Vec::new(),
                });
            let member = (e.kind, e.meta.id.value.as_str());
            // One entity may write a tag twice, in two spellings; its tags are read together.
            if group.members.last() != Some(&member) {
                group.members.push(member);
            }
        }
    }
    groups
}

/// A tag on the index, or on its own page with the entities that carry it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TagView {
    pub name: String,
    pub href: String,
    pub count: usize,
    pub entities: Vec<LinkView>,
}

/// An entity's tags: links to their pages, plain text in one document (print.html and
/// handbook.md have no tag pages).
pub(crate) fn links(ctx: &Ctx<'_>, tags: &[Text]) -> Vec<LinkView> {
    tags.iter()
        .map(|t| LinkView {
            href: if ctx.single() {
                String::new()
            } else {
                ctx.linker.href(&Target::Tag(tag_slug(&t.value)))
            },
            text: ctx.name(t),
            note: None,
        })
        .collect()
}

fn view(ctx: &Ctx<'_>, slug: &str, group: &TagGroup<'_>) -> TagView {
    TagView {
        name: ctx.name(group.name),
        href: ctx.linker.href(&Target::Tag(slug.to_string())),
        count: group.members.len(),
        entities: Vec::new(),
    }
}

/// Every tag, sorted by its name without case or marks, with how many entities carry it.
pub(crate) fn index(ctx: &Ctx<'_>, groups: &BTreeMap<String, TagGroup<'_>>) -> Vec<TagView> {
    let mut list: Vec<(&String, &TagGroup<'_>)> = groups.iter().collect();
    list.sort_by(|a, b| {
        (a.1.sort.as_str(), a.1.name.value.as_str()).cmp(&(b.1.sort.as_str(), &b.1.name.value))
    });
    list.into_iter()
        .map(|(slug, group)| view(ctx, slug, group))
        .collect()
}

/// The page of the tag `slug`: the entities that carry it, each with its kind.
pub(crate) fn page(
    ctx: &Ctx<'_>,
    groups: &BTreeMap<String, TagGroup<'_>>,
    slug: &str,
) -> Option<TagView> {
    let group = groups.get(slug)?;
    let mut tag = view(ctx, slug, group);
    tag.entities = group
        .members
        .iter()
        .map(|&(kind, id)| {
            let mut link = ctx.entity_link(kind, id);
            link.note = Some(ctx.plain_text(ctx.cat.get(&format!("kind.{}", kind.name()))));
            link
        })
        .collect();
    Some(tag)
}

/// A tag's place in the index: lowercase, Latin letters without their marks (`ś` with `s`,
/// `č` with `c`), Cyrillic as it is (its code points are in alphabetical order but `ё`).
fn sort_key(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ё' => "е".to_string(),
            'а'..='я' => c.to_string(),
            c if c.is_ascii() => c.to_string(),
            c => deunicode::deunicode_char(c)
                .filter(|s| !s.is_empty())
                .map_or_else(|| c.to_string(), str::to_lowercase),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::render::address::target::{Target, tag_slug};

    #[test]
    fn two_spellings_are_one_tag_page_and_a_tag_without_letters_has_one_too() {
        assert_eq!(tag_slug("Reklamacja"), tag_slug("reklamacja"));
        assert_eq!(tag_slug("Jakość produktu"), "jakosc-produktu");
        assert_eq!(tag_slug("Жалоба"), "zhaloba");
        assert_eq!(tag_slug("!!!"), "_");
        assert_eq!(Target::Tag(tag_slug("!!!")).page_path(), "tags/_.html");
    }

    #[test]
    fn tags_sort_as_readers_expect() {
        let mut names = [
            "środa",
            "Zamówienie",
            "sklep",
            "łąka",
            "čas",
            "ёлка",
            "жалоба",
            "лес",
        ];
        names.sort_by_key(|n| super::sort_key(n));
        assert_eq!(
            names,
            [
                "čas",
                "łąka",
                "sklep",
                "środa",
                "Zamówienie",
                "ёлка",
                "жалоба",
                "лес"
            ]
        );
    }
}
