//! Texts rendered once per build and reused: an owner's page, its pocket card, print.html
//! and handbook.md each list hundreds of standards by title and measure, and at 10,000
//! standards rendering those again for every list was a fifth of the build.
//!
//! Only what does not depend on where it is shown is kept: a name without links, a measure
//! sentence, each per output format. Entries are keyed by the text's place in its source, so
//! two texts never share one; the lock is split in shards so that the pool's threads seldom
//! wait for each other.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use super::format::Format;
use crate::source::Span;

/// What a memo entry holds for its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Use {
    /// The text as a name: inline, no links.
    Name,
    /// A standard's measure as a sentence (keyed by the standard's title).
    Measure,
}

type Key = (Span, Format, Use);

const SHARDS: usize = 16;

/// Rendered texts by where they come from.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    shards: [Mutex<HashMap<Key, String>>; SHARDS],
}

impl Clone for Memo {
    /// A copy starts empty: it is a cache, and what it would hold can be made again.
    fn clone(&self) -> Memo {
        Memo::default()
    }
}

impl Memo {
    /// The text kept for `span` in `format` for `purpose`, made by `make` the first time.
    /// A span that covers nothing names no text of the sources (a text sok made itself), so
    /// it is not kept.
    pub(crate) fn get(
        &self,
        span: Span,
        format: Format,
        purpose: Use,
        make: impl FnOnce() -> String,
    ) -> String {
        if span.start == span.end {
            return make();
        }
        let key = (span, format, purpose);
        let shard = &self.shards[shard_of(&key)];
        if let Some(text) = shard.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return text;
        }
        // Made outside the lock: two threads may both make it, and both get the same text.
        let text = make();
        if let Ok(mut map) = shard.lock() {
            map.entry(key).or_insert_with(|| text.clone());
        }
        text
    }
}

fn shard_of(key: &Key) -> usize {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut hasher);
    hasher.finish() as usize % SHARDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    #[test]
    fn a_text_is_made_once_per_format_and_use() {
        let memo = Memo::default();
        let span = Span::new(FileId(0), 3, 9);
        let made = std::cell::Cell::new(0);
        let make = |s: &str| {
            made.set(made.get() + 1);
            s.to_string()
        };
        assert_eq!(memo.get(span, Format::Html, Use::Name, || make("a")), "a");
        assert_eq!(memo.get(span, Format::Html, Use::Name, || make("b")), "a");
        assert_eq!(
            memo.get(span, Format::Markdown, Use::Name, || make("c")),
            "c"
        );
        assert_eq!(
            memo.get(span, Format::Html, Use::Measure, || make("d")),
            "d"
        );
        assert_eq!(made.get(), 3);
        let empty = Span::new(FileId(0), 4, 4);
        memo.get(empty, Format::Html, Use::Name, || make("e"));
        assert_eq!(memo.get(empty, Format::Html, Use::Name, || make("f")), "f");
    }
}
