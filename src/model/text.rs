//! What every entity is made of: spanned values, text, references, the kinds and their
//! common data.

use std::sync::Arc;

use crate::source::{FileId, OffsetMap, Span};

/// A value and the place it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Sp<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Span) -> Sp<T> {
        Sp { value, span }
    }
}

/// Text from a TOML string or a Markdown body.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub value: String,
    pub span: Span,
    /// How a byte of `value` maps to a byte of the file, so that a phrase or a link inside
    /// the text can be pointed at exactly.
    place: Place,
}

#[derive(Debug, Clone, PartialEq)]
enum Place {
    /// Byte `i` of the value is byte `span.start + i` of the file (no escapes in between).
    Exact,
    /// A string literal with escapes: its bytes, relative to `span.start`, byte by byte.
    Mapped(Arc<OffsetMap>),
    /// Only the whole span is known.
    Whole,
}

impl Text {
    /// A text whose bytes are the file's bytes from `span.start` on.
    pub fn exact(value: String, span: Span) -> Text {
        Text {
            value,
            span,
            place: Place::Exact,
        }
    }

    /// A text written as the string literal at `span`, decoded as `map` says.
    pub fn mapped(value: String, span: Span, map: OffsetMap) -> Text {
        Text {
            value,
            span,
            place: Place::Mapped(Arc::new(map)),
        }
    }

    /// A text known only to come from `span` as a whole.
    pub fn whole(value: String, span: Span) -> Text {
        Text {
            value,
            span,
            place: Place::Whole,
        }
    }

    /// The span of `range` (byte offsets into the value) in the file, or of the whole text
    /// when offsets do not map.
    pub fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        let file = self.span.file;
        let base = self.span.start;
        match &self.place {
            Place::Exact => Span::new(file, base + range.start, base + range.end),
            Place::Mapped(map) => {
                let start = map.start_of(range.start);
                let end = map.end_of(range.end).max(start);
                Span::new(file, base + start, base + end)
            }
            Place::Whole => self.span,
        }
    }

    /// Whether [`Text::span_of`] points inside the text rather than at all of it.
    pub fn is_mapped(&self) -> bool {
        !matches!(self.place, Place::Whole)
    }

    pub fn as_str(&self) -> &str {
        &self.value
    }
}

/// An id written in a field that refers to another entity.
pub type Ref = Sp<String>;

/// The kinds of entity, in the order the handbook presents them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Term,
    Principle,
    Owner,
    Touchpoint,
    Journey,
    Situation,
    Standard,
    Chapter,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Term,
        Kind::Principle,
        Kind::Owner,
        Kind::Touchpoint,
        Kind::Journey,
        Kind::Situation,
        Kind::Standard,
        Kind::Chapter,
    ];

    /// The name used in `[[kind]]` arrays and messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Term => "term",
            Kind::Principle => "principle",
            Kind::Owner => "owner",
            Kind::Touchpoint => "touchpoint",
            Kind::Journey => "journey",
            Kind::Situation => "situation",
            Kind::Standard => "standard",
            Kind::Chapter => "chapter",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// What every entity has: its id, where it was defined, and its lint opt-outs.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub id: Sp<String>,
    /// The file that defines the entity.
    pub file: FileId,
    /// Where to point for problems with the entity as a whole (its header or title).
    pub anchor: Span,
    pub tags: Vec<Text>,
    /// Lint rules switched off for this entity (`lint.allow = [...]`).
    pub lint_allow: Vec<Sp<String>>,
}
