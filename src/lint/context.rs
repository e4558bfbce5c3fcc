//! What a rule sees ([`LintContext`]) and what it returns ([`Finding`]).
//!
//! Rules are plain functions over the checked handbook; the context adds the few things they
//! share: the settings with their defaults filled in, today's date and every text field.

use std::collections::HashSet;

use crate::diagnostics::{Diagnostic, Related};
use crate::model::{Handbook, Language, Level, Settings, Sp, Text};
use crate::resolve::Index;
use crate::source::{Sources, Span};
use crate::texts::{TextField, text_fields};
use crate::values::Date;

/// The default of `[lint].max_sentence_words`.
pub(crate) const DEFAULT_MAX_SENTENCE_WORDS: usize = 25;

/// Everything a rule may read.
#[derive(Debug)]
pub struct LintContext<'a> {
    pub handbook: &'a Handbook,
    pub sources: &'a Sources,
    pub index: &'a Index,
    /// The date `review-overdue` compares against (`--today`).
    pub today: Date,
    /// Rules that ran before this one (read by `unused-allow`, which runs last).
    pub rules_run: Vec<&'static str>,
    /// `lint.allow` entries that switched at least one finding off (spans of the entries).
    pub allows_used: HashSet<Span>,
}

impl<'a> LintContext<'a> {
    pub fn new(
        handbook: &'a Handbook,
        sources: &'a Sources,
        index: &'a Index,
        today: Date,
    ) -> LintContext<'a> {
        LintContext {
            handbook,
            sources,
            index,
            today,
            rules_run: Vec::new(),
            allows_used: HashSet::new(),
        }
    }

    pub fn settings(&self) -> Option<&'a Settings> {
        self.handbook.settings.as_ref()
    }

    /// The handbook's language (English when `sok.toml` could not be read).
    pub fn language(&self) -> Language {
        self.settings().map_or(Language::En, |s| s.language.value)
    }

    pub fn max_sentence_words(&self) -> usize {
        self.settings()
            .and_then(|s| s.lint.max_sentence_words.as_ref())
            .map_or(DEFAULT_MAX_SENTENCE_WORDS, |m| m.value as usize)
    }

    pub fn extra_vague_phrases(&self) -> &'a [Text] {
        self.settings()
            .map_or(&[][..], |s| s.lint.extra_vague_phrases.as_slice())
    }

    /// Every text field of the handbook, in handbook order.
    pub fn text_fields(&self) -> Vec<TextField<'a>> {
        text_fields(self.handbook)
    }
}

/// One violation found by a rule, before its level is applied.
#[derive(Debug, Clone)]
pub struct Finding<'a> {
    pub span: Span,
    /// Lowercase, no trailing period, identifiers in backticks.
    pub message: String,
    pub label: Option<String>,
    pub help: Option<String>,
    pub related: Vec<Related>,
    /// The `lint.allow` lists that can switch this finding off: the entity it is about (a
    /// journey step is an entity of its own), and any other entity it involves.
    pub allow: Vec<&'a [Sp<String>]>,
}

impl<'a> Finding<'a> {
    pub fn new(span: Span, message: impl Into<String>) -> Finding<'a> {
        Finding {
            span,
            message: message.into(),
            label: None,
            help: None,
            related: Vec::new(),
            allow: Vec::new(),
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Finding<'a> {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding<'a> {
        self.help = Some(help.into());
        self
    }

    pub fn related(mut self, span: Span, label: impl Into<String>) -> Finding<'a> {
        self.related.push(Related {
            span,
            label: label.into(),
        });
        self
    }

    /// Lets an entity's `lint.allow` list switch the finding off.
    pub fn allowed_by(mut self, list: &'a [Sp<String>]) -> Finding<'a> {
        self.allow.push(list);
        self
    }

    pub(super) fn into_diagnostic(self, rule: &'static str, level: Level) -> Diagnostic {
        Diagnostic {
            code: rule,
            severity: super::severity(level),
            message: self.message,
            span: self.span,
            label: self.label,
            help: self.help,
            related: self.related,
            record: None,
        }
    }
}
