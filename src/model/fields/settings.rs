//! The field table of `sok.toml`: `[handbook]`, `[journey]`, the parameters of `[lint]` and
//! `[build]`.

use super::{Diff, Field, Type, field};
use crate::model::{AbandonedPolicy, Kind, Language, Level};

pub const HANDBOOK: &[Field] = &[
    field("title", Type::Text, "the handbook's title")
        .required()
        .example("\"Customer service standards\""),
    field("organization", Type::Text, "the company it is for").example("\"Example Ltd\""),
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
    )
    .example("\"1 year\""),
    field("last_reviewed", Type::Date, "when it was last reviewed"),
];

pub const JOURNEY_SETTINGS: &[Field] = &[
    field("stages", Type::Stages, "the journey's stages, in order")
        .default("[\"awareness\", \"consideration\", \"decision\", \"post-purchase\"]"),
    field("stage_names", Type::TextMap, "display names of the stages"),
];

pub const LINT_PARAMETERS: &[Field] = &[
    field(
        "max_sentence_words",
        Type::Integer,
        "the longest sentence `long-sentence` allows, from 1 to 1000 words",
    )
    .diff(Diff::Ignored)
    .default("25")
    .example("30"),
    field(
        "extra_vague_phrases",
        Type::Texts,
        "phrases `vague-wording` reports besides the built-in ones",
    )
    .diff(Diff::Ignored)
    .example("[\"as a rule\"]"),
];

pub const BUILD: &[Field] = &[
    field(
        "out",
        Type::Text,
        "the output directory, relative to the root",
    )
    .diff(Diff::Ignored)
    .default("\"build\"")
    .example("\"site\""),
    field(
        "deny_lint",
        Type::Choice(Level::WORDS),
        "refuse to build when lint finds problems at this level or above",
    )
    .diff(Diff::Ignored)
    .default("\"off\""),
    field(
        "edit_url",
        Type::Text,
        "the address of a page's source in its repository's editor, with `{path}` for the file's path from the root; the site links \"Edit this page\" to it",
    )
    .diff(Diff::Ignored)
    .example("\"https://git.example.com/hb/edit/main/{path}\""),
];

pub const CALENDAR: &[Field] = &[
    field(
        "timezone",
        Type::TimeZone,
        "the IANA time zone business hours and periods are counted in",
    )
    .default("\"UTC\""),
    field(
        "holidays",
        Type::Dates,
        "days on which business hours do not run",
    ),
];

/// The columns of an events file (FORMAT.md §8), in the order reports and generated files
/// list them.
pub const EVENT_COLUMNS: &[Field] = &[
    field(
        "id",
        Type::Text,
        "the event's id in its source system; a repeated id is reported",
    )
    .example("\"T-1042\""),
    field(
        "metric",
        Type::Text,
        "the metric name, as in a standard's `[measure]`",
    )
    .required()
    .example("\"answer_time\""),
    field(
        "touchpoint",
        Type::Ref(Kind::Touchpoint),
        "where it happened; empty for none",
    ),
    field(
        "start",
        Type::Timestamp,
        "when the measured interval starts",
    )
    .required(),
    field(
        "end",
        Type::Timestamp,
        "when it ended; empty when it has not",
    ),
    field(
        "value",
        Type::Number,
        "the answer or score, for metrics scored per answer",
    ),
    field(
        "abandoned",
        Type::Timestamp,
        "when the customer gave up, for an event without `end`",
    ),
    field(
        "agent",
        Type::Text,
        "who handled it, for results per employee",
    )
    .example("\"anna.nowak\""),
    field(
        "team",
        Type::Text,
        "the team that handled it, for results per department",
    )
    .example("\"Phone team\""),
];

pub const EVENTS: &[Field] = &[
    field(
        "columns",
        Type::Columns,
        "the export's header name for each event column, like `start = \"Created at\"`",
    ),
    field(
        "abandoned",
        Type::Choice(AbandonedPolicy::WORDS),
        "what an event abandoned within its bound counts as",
    )
    .default("\"failed\""),
    field(
        "short_abandon",
        Type::Duration,
        "abandons at most this long after the start are left out",
    )
    .example("\"5 s\""),
];

pub const EXPORT: &[Field] = &[
    field(
        "zendesk_group",
        Type::TouchpointMap,
        "the Zendesk group id of each touchpoint's tickets, for the SLA policy's filter",
    ),
    field(
        "freshdesk_group",
        Type::TouchpointMap,
        "the Freshdesk group id of each touchpoint's tickets, for the SLA policy's groups",
    ),
    field(
        "genesys_queue",
        Type::TouchpointMap,
        "the Genesys Cloud queue id of each touchpoint, whose service level is set",
    ),
    field(
        "servicenow_group",
        Type::TouchpointMap,
        "the ServiceNow assignment group of each touchpoint, for the SLA's start condition",
    ),
];

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
    field(
        "calendar",
        Type::Table(CALENDAR),
        "the time zone and holidays of business hours",
    )
    .diff(Diff::Set),
    field("events", Type::Table(EVENTS), "how event exports are read").diff(Diff::Ignored),
    field(
        "export",
        Type::Table(EXPORT),
        "where each touchpoint lives in the help desk and contact-center tools",
    )
    .diff(Diff::Ignored),
];
