//! The ids of a text's headings: ASCII slugs, unique within the text. Link checks, link
//! rewriting and the writers all take them from here, so a `#fragment` always names the id
//! the heading was given.

use std::collections::HashSet;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::values::slugify;

/// The ids of the headings of `text`, in order, each unique within the text.
pub(crate) fn heading_list(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut seen = HashSet::new();
    let mut current: Option<(Option<String>, String)> = None;
    for event in crate::markdown::parser(text) {
        match event {
            Event::Start(Tag::Heading { id, .. }) => {
                current = Some((id.map(|i| i.to_string()), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, plain)) = &mut current {
                    plain.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((explicit, plain)) = current.take() {
                    let mut slug = slugify(explicit.as_deref().unwrap_or(&plain));
                    if slug.is_empty() {
                        slug = "section".into();
                    }
                    let mut unique = slug.clone();
                    let mut n = 2;
                    while !seen.insert(unique.clone()) {
                        unique = format!("{slug}-{n}");
                        n += 1;
                    }
                    ids.push(unique);
                }
            }
            _ => {}
        }
    }
    ids
}

/// Whether the first block of `text` is a heading (so the template need not add its own).
pub(crate) fn starts_with_heading(text: &str) -> bool {
    matches!(
        crate::markdown::parser(text).next(),
        Some(Event::Start(Tag::Heading { .. }))
    )
}

/// The heading ids of `text` as a set, for link checks.
pub(crate) fn heading_ids(text: &str) -> HashSet<String> {
    heading_list(text).into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_ids_are_ascii_and_unique() {
        assert_eq!(
            heading_list("## Cel standardu\n\n## Процедура\n\n## Cel standardu\n\n## Own {#x-y}"),
            ["cel-standardu", "protsedura", "cel-standardu-2", "x-y"]
        );
    }
}
