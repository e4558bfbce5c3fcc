//! The fields of every kind, written once: key, type, whether it is required, whether it is
//! prose, how `sok diff` compares it, and a line of documentation.
//!
//! Parse takes each table's allowed keys from here, the text registry (`texts`) its prose
//! flags, the diff its comparison rules, and the format reference and the editor schema
//! are generated from it, so none of them can name a key the others do not know.

mod settings;

pub use settings::*;

use super::{Channel, Hours, Kind, Period, Severity, Status};

/// What a field's value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    /// A short text: a name, a title, a phrase.
    Text,
    /// Markdown: sentences, lists, links.
    Markdown,
    /// A list of short texts.
    Texts,
    /// An id of this entity: lowercase kebab-case.
    Id,
    /// The id of an entity of that kind.
    Ref(Kind),
    /// A list of ids of entities of that kind.
    Refs(Kind),
    /// A list of journey steps, each `journey-id/step-id`.
    StepRefs,
    /// A journey stage, one of the handbook's stages.
    Stage,
    /// A list of journey stages.
    Stages,
    /// A duration such as `"2 min"` or `"3 business days"`.
    Duration,
    /// A TOML local date (`2026-03-01`).
    Date,
    /// A list of TOML local dates.
    Dates,
    /// An IANA time zone name (`"Europe/Warsaw"`).
    TimeZone,
    /// A moment in an events file: RFC 3339, or a local date-time in the calendar's zone.
    Timestamp,
    /// Any number (an event's `value`).
    Number,
    /// `[events.columns]`: event column names to the export's header names.
    Columns,
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Integer,
    /// A number from 0 to 100.
    Percent,
    /// A number, or a duration for time-valued metrics.
    Bound,
    /// A semantic version such as `"2.1.0"`.
    Version,
    /// One of the given words.
    Choice(&'static [&'static str]),
    /// A table with its own fields (`[measure]`).
    Table(&'static [Field]),
    /// An array of tables (`[[step]]`, `[[escalation]]`).
    Tables(&'static [Field]),
    /// A table from names to texts (`stage_names`).
    TextMap,
    /// A table from touchpoint ids to what the touchpoint is called in a tool (`[export]`).
    TouchpointMap,
    /// `[lint]`: rule names to levels, plus parameters.
    LintLevels,
}

/// How `sok diff` compares two values of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Diff {
    /// A short text: compared with whitespace collapsed.
    Text,
    /// A typed value (a word from a fixed set, a date, a duration, a number): compared as
    /// its type; a standard's `status` leaving force is `loosened`, entering it `tightened`.
    Plain,
    /// Sentences: like `Text`, shown as a word-level diff.
    Prose,
    /// A list whose order carries no meaning.
    Set,
    /// A list whose order matters (stages).
    Sequence,
    /// The responsible owner: a different id is `reassigned`.
    Owner,
    /// Another reference shown with its name (`reports_to`).
    Ref,
    /// A standard's `[measure]`: `tightened`, `loosened` or `changed`.
    Measure,
    /// A response deadline: shorter is `tightened`.
    Deadline,
    /// Not content (ids, lint opt-outs, build settings): never a change.
    Ignored,
}

/// One key of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub ty: Type,
    pub required: bool,
    /// Sentences rather than a name or label: the prose lint rules read it.
    pub prose: bool,
    pub diff: Diff,
    /// One line for the format reference and the editor schema.
    pub doc: &'static str,
}

const fn field(key: &'static str, ty: Type, doc: &'static str) -> Field {
    let (prose, diff) = match ty {
        Type::Markdown => (true, Diff::Prose),
        Type::Texts
        | Type::Refs(_)
        | Type::StepRefs
        | Type::Tables(_)
        | Type::TextMap
        | Type::TouchpointMap => (false, Diff::Set),
        Type::Stages => (false, Diff::Sequence),
        Type::Id | Type::LintLevels => (false, Diff::Ignored),
        Type::Table(_) => (false, Diff::Measure),
        Type::Text => (false, Diff::Text),
        _ => (false, Diff::Plain),
    };
    Field {
        key,
        ty,
        required: false,
        prose,
        diff,
        doc,
    }
}

impl Field {
    const fn required(mut self) -> Field {
        self.required = true;
        self
    }

    const fn diff(mut self, diff: Diff) -> Field {
        self.diff = diff;
        self
    }
}

/// `lint = { allow = [...] }` on an entity or a step.
pub const LINT_ALLOW: &[Field] = &[field(
    "allow",
    Type::Texts,
    "lint rules switched off for this entity",
)
.diff(Diff::Ignored)];

const ID: Field = field("id", Type::Id, "the entity's id; defaults to the file name");
const TAGS: Field = field("tags", Type::Texts, "free labels, in any language");
const LINT: Field = field("lint", Type::Table(LINT_ALLOW), "lint opt-outs").diff(Diff::Ignored);

pub const OWNER: &[Field] = &[
    ID,
    field("name", Type::Text, "the role's title").required(),
    field("team", Type::Text, "the team or department"),
    field("person", Type::Text, "who holds the role now"),
    field("contact", Type::Text, "how to reach the role"),
    field(
        "reports_to",
        Type::Ref(Kind::Owner),
        "the owner this role reports to",
    )
    .diff(Diff::Ref),
    field("description", Type::Markdown, "what the role does"),
    TAGS,
    LINT,
];

pub const TOUCHPOINT: &[Field] = &[
    ID,
    field("name", Type::Text, "the touchpoint's name").required(),
    field(
        "channel",
        Type::Choice(Channel::WORDS),
        "how the customer reaches it",
    )
    .required(),
    field("owner", Type::Ref(Kind::Owner), "who is responsible for it")
        .required()
        .diff(Diff::Owner),
    field(
        "hours",
        Type::Text,
        "opening hours, e.g. \"Mon–Fri 8–18, Sat 9–14\"",
    ),
    field("description", Type::Markdown, "what happens there"),
    TAGS,
    LINT,
];

pub const STEP: &[Field] = &[
    field("id", Type::Id, "the step's id, unique within its journey").required(),
    field("name", Type::Text, "the step's name").required(),
    field("stage", Type::Stage, "the journey stage it belongs to").required(),
    field(
        "owner",
        Type::Ref(Kind::Owner),
        "the one owner responsible for the step",
    )
    .required()
    .diff(Diff::Owner),
    field(
        "touchpoints",
        Type::Refs(Kind::Touchpoint),
        "where the step happens",
    ),
    field(
        "standards",
        Type::Refs(Kind::Standard),
        "the standards that apply",
    ),
    field("instruction", Type::Markdown, "what to do at this step"),
    // Accepted for symmetry with entities; a step keeps no tags of its own yet.
    TAGS.diff(Diff::Ignored),
    LINT,
];

pub const JOURNEY: &[Field] = &[
    ID,
    field("name", Type::Text, "the journey's name").required(),
    field(
        "owner",
        Type::Ref(Kind::Owner),
        "who is responsible for the journey",
    )
    .diff(Diff::Owner),
    field("description", Type::Markdown, "what the journey covers"),
    field(
        "stages",
        Type::Stages,
        "the stages this journey goes through, in the handbook's order",
    ),
    field("step", Type::Tables(STEP), "the journey's steps, in order"),
    TAGS,
    LINT,
];

pub const ESCALATION: &[Field] = &[
    field(
        "after",
        Type::Duration,
        "when to escalate, counted from the start of the situation",
    )
    .required(),
    field("to", Type::Ref(Kind::Owner), "whom to escalate to").required(),
];

pub const SITUATION: &[Field] = &[
    ID,
    field("name", Type::Text, "the situation's name").required(),
    field("trigger", Type::Markdown, "how it is recognised"),
    field(
        "touchpoints",
        Type::Refs(Kind::Touchpoint),
        "where it happens",
    ),
    field("owner", Type::Ref(Kind::Owner), "who is responsible for it")
        .required()
        .diff(Diff::Owner),
    field(
        "severity",
        Type::Choice(Severity::WORDS),
        "how serious it is",
    ),
    field(
        "respond_within",
        Type::Duration,
        "the first response deadline",
    )
    .diff(Diff::Deadline),
    field("say", Type::Texts, "phrases to use"),
    field(
        "never_say",
        Type::Texts,
        "phrases or actions that are forbidden",
    ),
    field(
        "escalation",
        Type::Tables(ESCALATION),
        "whom to involve and when, in increasing `after`",
    ),
    field("procedure", Type::Markdown, "what to do, step by step"),
    TAGS,
    LINT,
];

pub const MEASURE: &[Field] = &[
    field(
        "metric",
        Type::Text,
        "what is measured, e.g. \"answer_time\"",
    )
    .required(),
    field(
        "max",
        Type::Bound,
        "each event (or the period's figure) at most this",
    ),
    field(
        "min",
        Type::Bound,
        "each event (or the period's figure) at least this",
    ),
    field(
        "share",
        Type::Percent,
        "percent of events that must meet the bound (default 100)",
    ),
    field(
        "period",
        Type::Choice(Period::WORDS),
        "the evaluation window",
    ),
    field(
        "hours",
        Type::Choice(Hours::WORDS),
        "business or calendar time (default calendar)",
    ),
    field("unit", Type::Text, "the unit of a custom metric"),
    field(
        "name",
        Type::Text,
        "the metric's name in words, as staff read it (sok's extension; default: the built-in metric's name, or a custom metric's key with spaces)",
    ),
];

/// A standard's `audit = { ... }`: how its scorecard items count (`sok audit`).
pub const AUDIT: &[Field] = &[
    field(
        "weight",
        Type::Integer,
        "a positive whole number: how much each item counts (default 1)",
    ),
    field(
        "critical",
        Type::Bool,
        "a \"no\" on any of its items scores the whole audit 0 (default false)",
    ),
];

pub const STANDARD: &[Field] = &[
    ID,
    field("title", Type::Text, "the rule in a few words").required(),
    field(
        "owner",
        Type::Ref(Kind::Owner),
        "who is responsible for the standard",
    )
    .required()
    .diff(Diff::Owner),
    field(
        "status",
        Type::Choice(Status::WORDS),
        "whether it is in force (default active)",
    ),
    field(
        "touchpoints",
        Type::Refs(Kind::Touchpoint),
        "where it applies",
    ),
    field("steps", Type::StepRefs, "the journey steps it applies to"),
    field(
        "situations",
        Type::Refs(Kind::Situation),
        "the situations it applies to",
    ),
    field("say", Type::Texts, "phrases to use"),
    field(
        "never_say",
        Type::Texts,
        "phrases or actions that are forbidden",
    ),
    field("review_every", Type::Duration, "how often it is reviewed"),
    field("last_reviewed", Type::Date, "when it was last reviewed"),
    field("text", Type::Markdown, "the rule in plain language"),
    field(
        "measure",
        Type::Table(MEASURE),
        "what makes the standard checkable",
    ),
    field(
        "audit",
        Type::Table(AUDIT),
        "how its items count on a QA scorecard (`sok audit`)",
    )
    .diff(Diff::Plain),
    TAGS,
    LINT,
];

pub const TERM: &[Field] = &[
    field(
        "id",
        Type::Id,
        "the term's id; defaults to a slug of `term`",
    ),
    field("term", Type::Text, "the word or phrase").required(),
    field("definition", Type::Markdown, "what it means here").required(),
    field("aka", Type::Texts, "other words for it"),
    field(
        "ambiguous",
        Type::Bool,
        "whether the word has a double meaning",
    ),
    field("not", Type::Markdown, "what it does not mean"),
    TAGS,
    LINT,
];

pub const PRINCIPLE: &[Field] = &[
    field(
        "id",
        Type::Id,
        "the principle's id; defaults to a slug of `title`",
    ),
    field("title", Type::Text, "the principle in a few words").required(),
    field("text", Type::Markdown, "what it means in practice"),
    TAGS,
    LINT,
];

pub const CHAPTER: &[Field] = &[
    ID,
    field("title", Type::Text, "the chapter's title").required(),
    field(
        "order",
        Type::Integer,
        "sorts the chapters; the first is the general provisions",
    ),
    TAGS,
    LINT,
];

/// The top-level fields of an entity of `kind`.
pub fn of(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Term => TERM,
        Kind::Principle => PRINCIPLE,
        Kind::Owner => OWNER,
        Kind::Touchpoint => TOUCHPOINT,
        Kind::Journey => JOURNEY,
        Kind::Situation => SITUATION,
        Kind::Standard => STANDARD,
        Kind::Chapter => CHAPTER,
    }
}

/// The keys of `fields`, in order.
pub fn keys(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|f| f.key).collect()
}

/// The field `key` of `fields`.
pub fn find(fields: &'static [Field], key: &str) -> Option<&'static Field> {
    fields.iter().find(|f| f.key == key)
}
