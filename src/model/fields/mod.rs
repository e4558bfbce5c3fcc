//! The fields of every kind, written once: key, type, whether it is required, whether it is
//! prose, how `sok diff` compares it, and a line of documentation.
//!
//! Parse takes each table's allowed keys from here, the text registry (`texts`) its prose
//! flags, the diff its comparison rules, and the format reference and the editor schema
//! are generated from it, so none of them can name a key the others do not know.

mod entities;
mod settings;

pub use entities::*;
pub use settings::*;

use super::Kind;

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
    /// What a missing optional key means, as the reference writes it (`100`, `"calendar"`).
    pub default: Option<&'static str>,
    /// A value as a manager would write it, in TOML; `None` takes the type's own example
    /// (`schema::reference`), which only the free-text types lack.
    pub example: Option<&'static str>,
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
        default: None,
        example: None,
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

    const fn default(mut self, default: &'static str) -> Field {
        self.default = Some(default);
        self
    }

    const fn example(mut self, example: &'static str) -> Field {
        self.example = Some(example);
        self
    }
}

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
