//! The field tables of the entity kinds, in the order a manager writes a handbook: owners,
//! touchpoints, journeys and their steps, situations, standards, terms, principles, chapters.

use super::{Diff, Field, Type, field};
use crate::model::{Channel, Hours, Kind, Period, Severity, Status};

/// `lint = { allow = [...] }` on an entity or a step.
pub const LINT_ALLOW: &[Field] = &[field(
    "allow",
    Type::Texts,
    "lint rules switched off for this entity",
)
.diff(Diff::Ignored)
.example("[\"long-sentence\"]")];

const ID: Field = field(
    "id",
    Type::Id,
    "the entity's id; required in a collection file",
)
.default("the file's name without its extension");
const TAGS: Field = field("tags", Type::Texts, "free labels, in any language")
    .example("[\"complaints\", \"phone\"]");
const LINT: Field = field("lint", Type::Table(LINT_ALLOW), "lint opt-outs")
    .diff(Diff::Ignored)
    .example("{ allow = [\"long-sentence\"] }");

pub const OWNER: &[Field] = &[
    ID,
    field("name", Type::Text, "the role's title")
        .required()
        .example("\"Shift lead\""),
    field("team", Type::Text, "the team or department").example("\"Customer service\""),
    field("person", Type::Text, "who holds the role now").example("\"Anna Nowak\""),
    field("contact", Type::Text, "how to reach the role").example("\"ext. 204\""),
    field(
        "reports_to",
        Type::Ref(Kind::Owner),
        "the owner this role reports to",
    )
    .diff(Diff::Ref)
    .example("\"head-of-service\""),
    field("description", Type::Markdown, "what the role does")
        .example("\"Runs the shift and takes escalations.\""),
    TAGS,
    LINT,
];

pub const TOUCHPOINT: &[Field] = &[
    ID,
    field("name", Type::Text, "the touchpoint's name")
        .required()
        .example("\"Hotline\""),
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
        "opening hours; in the schedule form they are also its business hours",
    )
    .example("\"Mon–Fri 8–18, Sat 9–14\""),
    field("description", Type::Markdown, "what happens there")
        .example("\"Orders, deliveries and complaints by phone.\""),
    TAGS,
    LINT,
];

pub const STEP: &[Field] = &[
    field("id", Type::Id, "the step's id, unique within its journey")
        .required()
        .example("\"acknowledge\""),
    field("name", Type::Text, "the step's name")
        .required()
        .example("\"Acknowledge the complaint\""),
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
    field("instruction", Type::Markdown, "what to do at this step")
        .example("\"Confirm receipt and give the case number.\""),
    // Accepted for symmetry with entities; a step keeps no tags of its own yet.
    TAGS.diff(Diff::Ignored),
    LINT,
];

pub const JOURNEY: &[Field] = &[
    ID,
    field("name", Type::Text, "the journey's name")
        .required()
        .example("\"Complaint\""),
    field(
        "owner",
        Type::Ref(Kind::Owner),
        "who is responsible for the journey",
    )
    .diff(Diff::Owner),
    field("description", Type::Markdown, "what the journey covers")
        .example("\"From the first contact to the refund.\""),
    field(
        "stages",
        Type::Stages,
        "the stages this journey goes through, in the handbook's order",
    ),
    field("step", Type::Tables(STEP), "the journey's steps, in order").example("[[journey.step]]"),
    TAGS,
    LINT,
];

pub const ESCALATION: &[Field] = &[
    field(
        "after",
        Type::Duration,
        "when to escalate, counted from the start of the situation",
    )
    .required()
    .example("\"30 min\""),
    field("to", Type::Ref(Kind::Owner), "whom to escalate to").required(),
];

pub const SITUATION: &[Field] = &[
    ID,
    field("name", Type::Text, "the situation's name")
        .required()
        .example("\"Angry customer\""),
    field("trigger", Type::Markdown, "how it is recognised")
        .example("\"The customer raises their voice or threatens to leave.\""),
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
    .diff(Diff::Deadline)
    .example("\"15 min\""),
    field("say", Type::Texts, "phrases to use")
        .example("[\"I understand. Let me sort this out now.\"]"),
    field(
        "never_say",
        Type::Texts,
        "phrases or actions that are forbidden",
    )
    .example("[\"Calm down.\"]"),
    field(
        "escalation",
        Type::Tables(ESCALATION),
        "whom to involve and when, in increasing `after`",
    )
    .example("[[situation.escalation]]"),
    field("procedure", Type::Markdown, "what to do, step by step")
        .example("\"1. Listen. 2. Apologise. 3. Offer a solution.\""),
    TAGS,
    LINT,
];

pub const MEASURE: &[Field] = &[
    field(
        "metric",
        Type::Text,
        "what is measured: a built-in metric such as `answer_time`, or a custom one",
    )
    .required()
    .example("\"answer_time\""),
    field(
        "max",
        Type::Bound,
        "each event (or the period's figure) at most this",
    )
    .example("\"2 min\""),
    field(
        "min",
        Type::Bound,
        "each event (or the period's figure) at least this",
    )
    .example("85"),
    field(
        "share",
        Type::Percent,
        "percent of events that must meet the bound; per-event metrics only",
    )
    .default("100"),
    field(
        "period",
        Type::Choice(Period::WORDS),
        "the evaluation window of `sok measure`",
    )
    .default("\"month\""),
    field(
        "hours",
        Type::Choice(Hours::WORDS),
        "business hours (the touchpoint's `hours`) or calendar time",
    )
    .default("\"calendar\""),
    field("unit", Type::Text, "the unit of a custom metric; required for one")
        .example("\"PLN\""),
    field(
        "name",
        Type::Text,
        "the metric's name in words, as staff read it; sok's extension",
    )
    .default("the built-in metric's name in the handbook's language, or a custom metric's key with spaces")
    .example("\"Wartość rekompensaty\""),
];

/// A standard's `audit = { ... }`: how its scorecard items count (`sok audit`).
pub const AUDIT: &[Field] = &[
    field(
        "weight",
        Type::Integer,
        "a positive whole number: how much each item counts",
    )
    .default("1"),
    field(
        "critical",
        Type::Bool,
        "a \"no\" on any of its items scores the whole audit 0",
    )
    .default("false"),
];

pub const STANDARD: &[Field] = &[
    ID,
    field("title", Type::Text, "the rule in a few words")
        .required()
        .example("\"Answer calls within 2 minutes\""),
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
        "whether it is in force",
    )
    .default("\"active\""),
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
    field("say", Type::Texts, "phrases to use")
        .example("[\"Good morning, Example Ltd, Anna speaking.\"]"),
    field(
        "never_say",
        Type::Texts,
        "phrases or actions that are forbidden",
    )
    .example("[\"That's not my department.\"]"),
    field("review_every", Type::Duration, "how often it is reviewed").example("\"6 months\""),
    field("last_reviewed", Type::Date, "when it was last reviewed"),
    field("text", Type::Markdown, "the rule in plain language")
        .example("\"Answer every call before the fourth ring.\""),
    field(
        "measure",
        Type::Table(MEASURE),
        "what makes the standard checkable",
    )
    .example("{ metric = \"answer_time\", max = \"2 min\", share = 90 }"),
    field(
        "audit",
        Type::Table(AUDIT),
        "how its items count on a QA scorecard (`sok audit`)",
    )
    .diff(Diff::Plain)
    .example("{ weight = 3, critical = true }"),
    TAGS,
    LINT,
];

pub const TERM: &[Field] = &[
    field("id", Type::Id, "the term's id").default("a slug of `term`"),
    field("term", Type::Text, "the word or phrase")
        .required()
        .example("\"Complaint\""),
    field("definition", Type::Markdown, "what it means here")
        .required()
        .example("\"A customer's report that a product or service failed.\""),
    field("aka", Type::Texts, "other words for it").example("[\"grievance\"]"),
    field(
        "ambiguous",
        Type::Bool,
        "whether the word has a double meaning",
    )
    .default("false"),
    field("not", Type::Markdown, "what it does not mean").example("\"A question about an order.\""),
    TAGS,
    LINT,
];

pub const PRINCIPLE: &[Field] = &[
    field("id", Type::Id, "the principle's id").default("a slug of `title`"),
    field("title", Type::Text, "the principle in a few words")
        .required()
        .example("\"Own the problem\""),
    field("text", Type::Markdown, "what it means in practice")
        .example("\"Whoever takes the call sees it through.\""),
    TAGS,
    LINT,
];

pub const CHAPTER: &[Field] = &[
    ID,
    field("title", Type::Text, "the chapter's title")
        .required()
        .example("\"General provisions\""),
    field(
        "order",
        Type::Integer,
        "sorts the chapters; the first is the general provisions",
    ),
    TAGS,
    LINT,
];
