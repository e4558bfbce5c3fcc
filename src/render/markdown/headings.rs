//! The ids of a text's headings: ASCII slugs, unique within the text. Link checks, link
//! rewriting and the writers all take them from here, so a `#fragment` always names the id
//! the heading was given.

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::values::slugify;

/// The ids of the headings of `text`, in order, each unique within the text.
pub(crate) fn heading_list(text: &str) -> Vec<String> {
    ids_of(crate::markdown::parser(text))
}

/// [`heading_list`] of a text already parsed into `events`, so that a renderer that holds
/// them does not parse the text twice.
pub(crate) fn ids_of<'e, E: Borrow<Event<'e>>>(events: impl IntoIterator<Item = E>) -> Vec<String> {
    let mut ids = Vec::new();
    let mut seen = HashSet::new();
    // Where the search for a free `slug-N` resumes, per slug: 20,000 headings with one title
    // cost 20,000 steps, not 20,000² / 2.
    let mut next: HashMap<String, usize> = HashMap::new();
    let mut current: Option<(Option<String>, String)> = None;
    for event in events {
        match event.borrow() {
            Event::Start(Tag::Heading { id, .. }) => {
                current = Some((id.as_ref().map(|i| i.to_string()), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, plain)) = &mut current {
                    plain.push_str(t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((explicit, plain)) = current.take() {
                    let mut slug = slugify(explicit.as_deref().unwrap_or(&plain));
                    if slug.is_empty() {
                        slug = "section".into();
                    }
                    let mut unique = slug.clone();
                    let mut n = next.get(&slug).copied().unwrap_or(2);
                    while !seen.insert(unique.clone()) {
                        unique = format!("{slug}-{n}");
                        n += 1;
                    }
                    next.insert(slug, n);
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

    /// Repeated titles get `-2`, `-3`… in order, also around a title that looks numbered.
    #[test]
    fn repeated_headings_are_numbered_in_order() {
        let text = "# A\n\n# A-2\n\n# A\n\n# A\n";
        assert_eq!(heading_list(text), ["a", "a-2", "a-3", "a-4"]);
        let many = "## Procedura\n\n".repeat(20_000);
        let ids = heading_list(&many);
        assert_eq!(ids.len(), 20_000);
        assert_eq!(ids[19_999], "procedura-20000");
    }

    #[test]
    fn heading_ids_are_ascii_and_unique() {
        assert_eq!(
            heading_list("## Cel standardu\n\n## Процедура\n\n## Cel standardu\n\n## Own {#x-y}"),
            ["cel-standardu", "protsedura", "cel-standardu-2", "x-y"]
        );
    }
}
