//! The kinds of entity a handbook holds (FORMAT.md §5).

use super::{Measure, Meta, Ref, Sp, Text};
use crate::source::Span;
use crate::values::{Date, Duration};

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
    /// How its items count on a QA scorecard (`sok audit`); `None` when `audit` is left out.
    pub audit: Option<AuditWeight>,
}

/// A standard's `audit = { weight, critical }`: a sok extension of the format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditWeight {
    /// A positive whole number; 1 when left out.
    pub weight: u32,
    /// A "no" on one of its items fails the whole audit.
    pub critical: bool,
    pub span: Span,
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
