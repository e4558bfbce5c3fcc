//! Tags, the free labels of `tags = [...]`: on an entity's page they link to the tag index
//! (`tags.html`), which lists each tag with the entities that carry it. Two spellings with
//! one slug ("Reklamacja", "reklamacja") are one tag, shown as first written.

use std::collections::BTreeMap;

use serde::Serialize;

use super::context::{Ctx, LinkView, plain};
use crate::model::Text;
use crate::render::address::target::{Section, Target};
use crate::values::slugify;

/// One tag of the index, with its entities in the handbook's order of kinds.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TagView {
    pub anchor: String,
    pub name: String,
    pub entities: Vec<LinkView>,
}

/// The id of a tag on the index page.
fn anchor(tag: &str) -> String {
    format!("tag-{}", slugify(&plain(tag)))
}

/// An entity's tags: links to their places on the index page, plain text in one document
/// (print.html and handbook.md have no index).
pub(crate) fn links(ctx: &Ctx<'_>, tags: &[Text]) -> Vec<LinkView> {
    let index = (!ctx.single()).then(|| ctx.linker.href(&Target::Section(Section::Tags)));
    tags.iter()
        .map(|t| LinkView {
            href: index
                .as_ref()
                .map_or_else(String::new, |i| format!("{i}#{}", anchor(&t.value))),
            text: ctx.name(t),
            note: None,
        })
        .collect()
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

/// Every tag, sorted by its name without case or marks, with the entities that carry it.
pub(crate) fn index(ctx: &Ctx<'_>) -> Vec<TagView> {
    let mut tags: BTreeMap<String, (String, TagView)> = BTreeMap::new();
    for e in ctx.hb.entities() {
        for tag in &e.meta.tags {
            let anchor = anchor(&tag.value);
            let entry = tags.entry(anchor.clone()).or_insert_with(|| {
                let sort = sort_key(&plain(&tag.value));
                let view = TagView {
                    anchor,
                    name: ctx.name(tag),
                    entities: Vec::new(),
                };
                (sort, view)
            });
            let mut link = ctx.entity_link(e.kind, &e.meta.id.value);
            link.note = Some(ctx.plain_text(ctx.cat.get(&format!("kind.{}", e.kind.name()))));
            if !entry.1.entities.contains(&link) {
                entry.1.entities.push(link);
            }
        }
    }
    let mut list: Vec<(String, TagView)> = tags.into_values().collect();
    list.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    list.into_iter().map(|(_, view)| view).collect()
}

#[cfg(test)]
mod tests {
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
