//! `sok.toml`: the handbook's settings.

use std::collections::BTreeMap;

use super::{Ref, Sp, Text};
use crate::source::{FileId, Span};
use crate::values::{Date, Duration, Version};

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
