//! The typed handbook: every entity of FORMAT.md §5 as plain data.
//!
//! Values keep the span they were read from wherever a later stage (resolve, validate, lint,
//! diff) may need to point at them; rendering ignores the spans.

use std::collections::BTreeMap;

use std::sync::Arc;

use crate::source::{FileId, OffsetMap, Span};
use crate::values::{Date, Duration, Version};

/// An enum whose values are written as fixed words in the sources (`channel = "phone"`):
/// the one place that spells them, for the parser, the renderer and the diff.
macro_rules! keyword_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $word:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($variant),*
        }

        impl $name {
            /// Every value with its word, in the order help lines list them.
            pub const KEYWORDS: &'static [(&'static str, $name)] = &[$(($word, $name::$variant)),*];

            /// The word the sources use for this value.
            pub fn keyword(self) -> &'static str {
                match self {
                    $($name::$variant => $word),*
                }
            }
        }
    };
}

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

#[derive(Debug, Clone, PartialEq)]
pub struct Owner {
    pub meta: Meta,
    pub name: Text,
    pub team: Option<Text>,
    pub person: Option<Text>,
    pub contact: Option<Text>,
    pub reports_to: Option<Ref>,
    pub description: Option<Text>,
}

keyword_enum!(Channel {
    Phone = "phone",
    Email = "email",
    Chat = "chat",
    Social = "social",
    Store = "store",
    Web = "web",
    Mail = "mail",
    Other = "other",
});

#[derive(Debug, Clone, PartialEq)]
pub struct Touchpoint {
    pub meta: Meta,
    pub name: Text,
    pub channel: Sp<Channel>,
    pub owner: Ref,
    pub hours: Option<Text>,
    pub description: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    pub meta: Meta,
    pub name: Text,
    pub owner: Option<Ref>,
    pub description: Option<Text>,
    /// The journey's own stage list, if it narrows the handbook's.
    pub stages: Option<Vec<Sp<String>>>,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: Sp<String>,
    pub anchor: Span,
    pub name: Text,
    pub stage: Sp<String>,
    pub owner: Ref,
    pub touchpoints: Vec<Ref>,
    pub standards: Vec<Ref>,
    pub instruction: Option<Text>,
    pub lint_allow: Vec<Sp<String>>,
}

keyword_enum!(Severity {
    Low = "low",
    Medium = "medium",
    High = "high",
    Critical = "critical",
});

#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    pub after: Sp<Duration>,
    pub to: Ref,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Situation {
    pub meta: Meta,
    pub name: Text,
    pub trigger: Option<Text>,
    pub touchpoints: Vec<Ref>,
    pub owner: Ref,
    pub severity: Option<Sp<Severity>>,
    pub respond_within: Option<Sp<Duration>>,
    pub say: Vec<Text>,
    pub never_say: Vec<Text>,
    pub escalation: Vec<Escalation>,
    pub procedure: Option<Text>,
}

keyword_enum!(Status {
    Draft = "draft",
    Active = "active",
    Retired = "retired",
});

/// A reference to a journey step, written `journey/step`.
#[derive(Debug, Clone, PartialEq)]
pub struct StepRef {
    pub journey: String,
    pub step: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Standard {
    pub meta: Meta,
    pub title: Text,
    pub owner: Ref,
    pub status: Sp<Status>,
    pub touchpoints: Vec<Ref>,
    pub steps: Vec<StepRef>,
    pub situations: Vec<Ref>,
    pub say: Vec<Text>,
    pub never_say: Vec<Text>,
    pub review_every: Option<Sp<Duration>>,
    pub last_reviewed: Option<Sp<Date>>,
    pub text: Option<Text>,
    pub measure: Option<Measure>,
}

/// How a metric's value is read and which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MetricKind {
    /// A time per event (`answer_time`), bounded with `max`.
    Duration,
    /// One percentage per period (`csat`, `complaint_rate`).
    Percent,
    /// Net Promoter Score, -100..100.
    Score,
    /// A custom metric in its own unit.
    Custom,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Max,
    Min,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BoundValue {
    Duration(Duration),
    Number(f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub direction: Direction,
    pub value: BoundValue,
    pub span: Span,
}

keyword_enum!(Period {
    Day = "day",
    Week = "week",
    Month = "month",
    Quarter = "quarter",
    Year = "year",
});

keyword_enum!(Hours {
    Calendar = "calendar",
    Business = "business",
});

#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub metric: Sp<String>,
    pub kind: MetricKind,
    /// Whether `share` applies: durations, and custom metrics that give a share.
    pub per_event: bool,
    pub unit: Option<Text>,
    pub bound: Bound,
    /// Percent of events that must meet the bound; `None` means the default, 100.
    pub share: Option<Sp<f64>>,
    pub period: Option<Sp<Period>>,
    pub hours: Hours,
    pub span: Span,
}

impl Measure {
    pub fn effective_share(&self) -> f64 {
        self.share.as_ref().map_or(100.0, |s| s.value)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub meta: Meta,
    pub term: Text,
    pub definition: Text,
    pub aka: Vec<Text>,
    pub ambiguous: bool,
    pub not: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Principle {
    pub meta: Meta,
    pub title: Text,
    pub text: Option<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    pub meta: Meta,
    pub title: Text,
    pub order: Option<Sp<i64>>,
    pub body: Text,
    /// Path of the chapter's file, for the sort tie-break and relative links.
    pub path: String,
}

keyword_enum!(
    /// The handbook's language: its UI strings, dates and vague-phrase list.
    Language {
        En = "en",
        Pl = "pl",
        Ru = "ru",
        Sl = "sl",
    }
);

keyword_enum!(
    /// A lint level from `sok.toml`, ordered from least to most severe.
    Level {
        Off = "off",
        Warning = "warning",
        Error = "error",
    }
);

/// `[lint]` of `sok.toml`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LintSettings {
    pub levels: Vec<(Sp<String>, Sp<Level>)>,
    pub max_sentence_words: Option<Sp<u32>>,
    pub extra_vague_phrases: Vec<Text>,
}

/// `sok.toml`.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub file: FileId,
    /// The `[handbook]` header, for handbook-wide findings.
    pub anchor: Span,
    pub title: Text,
    pub organization: Option<Text>,
    pub language: Sp<Language>,
    pub version: Sp<Version>,
    pub effective: Option<Sp<Date>>,
    pub owner: Option<Ref>,
    pub review_every: Option<Sp<Duration>>,
    pub last_reviewed: Option<Sp<Date>>,
    pub stages: Vec<Sp<String>>,
    pub stage_names: BTreeMap<String, Text>,
    pub lint: LintSettings,
    pub build_out: Option<Sp<String>>,
}

pub const DEFAULT_STAGES: [&str; 4] = ["awareness", "consideration", "decision", "post-purchase"];

/// Everything read from one handbook directory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Handbook {
    /// `None` when `sok.toml` itself could not be read; other files are still checked.
    pub settings: Option<Settings>,
    pub owners: Vec<Owner>,
    pub touchpoints: Vec<Touchpoint>,
    pub journeys: Vec<Journey>,
    pub situations: Vec<Situation>,
    pub standards: Vec<Standard>,
    pub terms: Vec<Term>,
    pub principles: Vec<Principle>,
    pub chapters: Vec<Chapter>,
    /// Files under `assets/`, relative to the root with `/` separators, sorted.
    pub assets: Vec<String>,
    /// Entities whose file failed to load, by kind and the id their file name gives. Their
    /// problem is reported already, so references to them are not reported again.
    pub unloaded: Vec<(Kind, String)>,
}

impl Handbook {
    /// The stage list steps are checked against for `journey`.
    pub fn stages_of<'a>(&'a self, journey: &'a Journey) -> Vec<&'a str> {
        match &journey.stages {
            Some(own) => own.iter().map(|s| s.value.as_str()).collect(),
            None => self.handbook_stages(),
        }
    }

    /// The common data of every entity, kind by kind.
    pub fn metas(&self) -> impl Iterator<Item = &Meta> {
        (self.terms.iter().map(|e| &e.meta))
            .chain(self.principles.iter().map(|e| &e.meta))
            .chain(self.owners.iter().map(|e| &e.meta))
            .chain(self.touchpoints.iter().map(|e| &e.meta))
            .chain(self.journeys.iter().map(|e| &e.meta))
            .chain(self.situations.iter().map(|e| &e.meta))
            .chain(self.standards.iter().map(|e| &e.meta))
            .chain(self.chapters.iter().map(|e| &e.meta))
    }

    /// Every `lint.allow` list: the entities' and the journey steps'.
    pub fn lint_allow_lists(&self) -> impl Iterator<Item = &[Sp<String>]> {
        self.metas().map(|m| &m.lint_allow[..]).chain(
            self.journeys
                .iter()
                .flat_map(|j| j.steps.iter().map(|s| &s.lint_allow[..])),
        )
    }

    /// How many entities of `kind` were read.
    pub fn count(&self, kind: Kind) -> usize {
        match kind {
            Kind::Term => self.terms.len(),
            Kind::Principle => self.principles.len(),
            Kind::Owner => self.owners.len(),
            Kind::Touchpoint => self.touchpoints.len(),
            Kind::Journey => self.journeys.len(),
            Kind::Situation => self.situations.len(),
            Kind::Standard => self.standards.len(),
            Kind::Chapter => self.chapters.len(),
        }
    }

    pub fn handbook_stages(&self) -> Vec<&str> {
        match &self.settings {
            Some(s) => s.stages.iter().map(|s| s.value.as_str()).collect(),
            None => DEFAULT_STAGES.to_vec(),
        }
    }
}
