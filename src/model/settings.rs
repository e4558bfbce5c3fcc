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
    /// `[build].deny_lint`: the lint level at which `sok build` refuses to publish.
    pub build_deny_lint: Option<Sp<Level>>,
    /// `[build].edit_url`: where a page's source is edited, `{path}` standing for the
    /// source's root-relative path (checked: an http(s) address with `{path}`).
    pub build_edit_url: Option<Sp<String>>,
    pub calendar: Calendar,
    pub events: EventSettings,
    pub export: ExportSettings,
}

/// `[calendar]`: the time zone and holidays that business hours and periods are counted in
/// (FORMAT.md §8).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    /// An IANA name, checked to exist; `None` means UTC.
    pub timezone: Option<Sp<String>>,
    /// Days on which business hours do not run, sorted, without repeats.
    pub holidays: Vec<Sp<Date>>,
}

impl Calendar {
    pub fn timezone_name(&self) -> &str {
        self.timezone.as_ref().map_or("UTC", |t| t.value.as_str())
    }
}

keyword_enum!(
    /// What an abandoned event (one whose `abandoned` column is set) counts as when it was
    /// abandoned within the standard's bound; one abandoned later has failed in every policy.
    AbandonedPolicy {
        Failed = "failed",
        Met = "met",
        Excluded = "excluded",
    }
);

/// `[events]`: how event exports are read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventSettings {
    /// The header name in the export for each column of the format (`start` → `Created at`).
    pub columns: BTreeMap<String, Sp<String>>,
    /// Abandons within the bound: failed (the default, as the format counts), met, or left
    /// out.
    pub abandoned: Option<Sp<AbandonedPolicy>>,
    /// Abandons at most this long after `start` are left out whatever the policy (a
    /// contact center's "short abandon": a misdial or a hang-up before the queue).
    pub short_abandon: Option<Sp<Duration>>,
}

impl EventSettings {
    pub fn abandoned_policy(&self) -> AbandonedPolicy {
        self.abandoned
            .as_ref()
            .map_or(AbandonedPolicy::Failed, |p| p.value)
    }
}

/// `[export]`: where each touchpoint's work lives in the tools `sok export` writes for, as
/// the filter of a policy or the queue a service level is set on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportSettings {
    /// Touchpoint id → Zendesk group id (digits).
    pub zendesk_group: Vec<TouchpointTarget>,
    /// Touchpoint id → Freshdesk group id (digits).
    pub freshdesk_group: Vec<TouchpointTarget>,
    /// Touchpoint id → Genesys Cloud queue id.
    pub genesys_queue: Vec<TouchpointTarget>,
    /// Touchpoint id → ServiceNow assignment group (sys_id or name).
    pub servicenow_group: Vec<TouchpointTarget>,
}

/// One entry of an `[export]` table: a touchpoint id and what it is called in the tool.
#[derive(Debug, Clone, PartialEq)]
pub struct TouchpointTarget {
    pub touchpoint: Sp<String>,
    pub value: Sp<String>,
}

impl ExportSettings {
    /// Every table with its key in `sok.toml`, in the order of the field table.
    pub fn tables(&self) -> [(&'static str, &[TouchpointTarget]); 4] {
        [
            ("zendesk_group", &self.zendesk_group),
            ("freshdesk_group", &self.freshdesk_group),
            ("genesys_queue", &self.genesys_queue),
            ("servicenow_group", &self.servicenow_group),
        ]
    }
}

pub const DEFAULT_STAGES: [&str; 4] = ["awareness", "consideration", "decision", "post-purchase"];
