//! The field table of `sok.toml`: `[handbook]`, `[journey]`, the parameters of `[lint]` and
//! `[build]`.

use super::{Diff, Field, Type, field};
use crate::model::{Kind, Language};

pub const HANDBOOK: &[Field] = &[
    field("title", Type::Text, "the handbook's title").required(),
    field("organization", Type::Text, "the company it is for"),
    field(
        "language",
        Type::Choice(Language::WORDS),
        "the language of its UI, dates and lint phrases",
    )
    .required(),
    field(
        "version",
        Type::Version,
        "the edition, as a semantic version",
    )
    .required()
    .diff(Diff::Ignored),
    field(
        "effective",
        Type::Date,
        "the date this edition takes effect",
    ),
    field(
        "owner",
        Type::Ref(Kind::Owner),
        "who is accountable for the whole handbook",
    )
    .diff(Diff::Owner),
    field(
        "review_every",
        Type::Duration,
        "how often the whole handbook is reviewed",
    ),
    field("last_reviewed", Type::Date, "when it was last reviewed"),
];

pub const JOURNEY_SETTINGS: &[Field] = &[
    field(
        "stages",
        Type::Stages,
        "the journey's stages (default awareness, consideration, decision, post-purchase)",
    ),
    field("stage_names", Type::TextMap, "display names of the stages"),
];

pub const LINT_PARAMETERS: &[Field] = &[
    field(
        "max_sentence_words",
        Type::Integer,
        "the longest sentence `long-sentence` allows (default 25)",
    )
    .diff(Diff::Ignored),
    field(
        "extra_vague_phrases",
        Type::Texts,
        "phrases `vague-wording` reports besides the built-in ones",
    )
    .diff(Diff::Ignored),
];

pub const BUILD: &[Field] = &[field(
    "out",
    Type::Text,
    "the output directory, relative to the root",
)
.diff(Diff::Ignored)];

pub const SETTINGS: &[Field] = &[
    field("handbook", Type::Table(HANDBOOK), "the handbook itself")
        .required()
        .diff(Diff::Set),
    field(
        "journey",
        Type::Table(JOURNEY_SETTINGS),
        "the journey's stages",
    )
    .diff(Diff::Set),
    field("lint", Type::LintLevels, "lint rule levels and parameters").diff(Diff::Ignored),
    field("build", Type::Table(BUILD), "build settings").diff(Diff::Ignored),
];
