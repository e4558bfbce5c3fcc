//! The key reference of docs/format.md: one table per kind and settings table, generated from
//! the field table (`model::fields`) like the JSON schemas beside it, so the page cannot name a
//! key sok does not read or miss one it does. `tests/it/docs.rs` keeps the page's marked
//! region equal to `format_reference()`.

use crate::lint;
use crate::model::Kind;
use crate::model::fields::{self, Field, Type};

use super::{patterns, types};

/// One table of the reference: where it is written and its fields.
struct Section {
    title: &'static str,
    intro: &'static str,
    fields: &'static [Field],
    /// The example of its `id` key, where it has one.
    id_example: &'static str,
}

/// The tables in the order a manager writes a handbook: the settings that every handbook
/// needs, the entities from who is responsible to what is promised, then the settings that
/// only measuring, exporting and building read.
const SECTIONS: &[Section] = &[
    Section {
        title: "`sok.toml`: `[handbook]`",
        intro: "The handbook itself; `sok.toml` at the root is required and so is this table.",
        fields: fields::HANDBOOK,
        id_example: "",
    },
    Section {
        title: "`sok.toml`: `[journey]`",
        intro: "The stages every journey is drawn on.",
        fields: fields::JOURNEY_SETTINGS,
        id_example: "",
    },
    Section {
        title: "Owner",
        intro: "A role that is responsible for something: a file under `owners/`, or an `[[owner]]` table in a collection file. The body of an `.md` file is its `description`.",
        fields: fields::OWNER,
        id_example: "shift-lead",
    },
    Section {
        title: "Touchpoint",
        intro: "Where customers meet the organization: a file under `touchpoints/`, or a `[[touchpoint]]` table. The body of an `.md` file is its `description`.",
        fields: fields::TOUCHPOINT,
        id_example: "hotline",
    },
    Section {
        title: "Journey",
        intro: "A customer's path through the stages: a file under `journeys/`, or a `[[journey]]` table. The body of an `.md` file is its `description`.",
        fields: fields::JOURNEY,
        id_example: "complaint",
    },
    Section {
        title: "Journey step: `[[step]]`",
        intro: "One step of a journey: `[[step]]` in the journey's own file (in the front matter of an `.md` file), `[[journey.step]]` in a collection file.",
        fields: fields::STEP,
        id_example: "acknowledge",
    },
    Section {
        title: "Situation",
        intro: "A recurring case staff must recognise and handle: a file under `situations/`, or a `[[situation]]` table. The body of an `.md` file is its `procedure`.",
        fields: fields::SITUATION,
        id_example: "angry-customer",
    },
    Section {
        title: "Situation escalation: `[[escalation]]`",
        intro: "One rung of a situation's escalation ladder, `[[escalation]]` in its own file, `[[situation.escalation]]` in a collection file.",
        fields: fields::ESCALATION,
        id_example: "",
    },
    Section {
        title: "Standard",
        intro: "A rule staff follow: a file under `standards/`, or a `[[standard]]` table. The body of an `.md` file is its `text`.",
        fields: fields::STANDARD,
        id_example: "phone-answer",
    },
    Section {
        title: "Standard: `[measure]`",
        intro: "What makes a standard checkable (see *Measures* above): exactly one of `min` and `max`.",
        fields: fields::MEASURE,
        id_example: "",
    },
    Section {
        title: "Standard: `audit`",
        intro: "How a standard counts on a QA scorecard (`sok audit`, docs/audit.md).",
        fields: fields::AUDIT,
        id_example: "",
    },
    Section {
        title: "Term",
        intro: "A word of the glossary: a `[[term]]` table in a collection file.",
        fields: fields::TERM,
        id_example: "complaint",
    },
    Section {
        title: "Principle",
        intro: "A value the standards follow from: a `[[principle]]` table in a collection file.",
        fields: fields::PRINCIPLE,
        id_example: "own-the-problem",
    },
    Section {
        title: "Chapter",
        intro: "A prose chapter: an `.md` file under `chapters/` whose body is its text; its id is the file name.",
        fields: fields::CHAPTER,
        id_example: "general-provisions",
    },
    Section {
        title: "Lint opt-outs: `lint`",
        intro: "On any entity and any journey step: rules that do not apply to it.",
        fields: fields::LINT_ALLOW,
        id_example: "",
    },
    Section {
        title: "`sok.toml`: `[lint]`",
        intro: "Rule levels and the lint parameters (docs/lint.md).",
        fields: fields::LINT_PARAMETERS,
        id_example: "",
    },
    Section {
        title: "`sok.toml`: `[calendar]`",
        intro: "The calendar business hours and measure periods are counted in.",
        fields: fields::CALENDAR,
        id_example: "",
    },
    Section {
        title: "`sok.toml`: `[events]`",
        intro: "How `sok measure` reads event exports (docs/measure.md).",
        fields: fields::EVENTS,
        id_example: "",
    },
    Section {
        title: "Event columns",
        intro: "The columns of an events file, as CSV headers or JSON Lines keys (the examples are as JSON Lines would hold them); `[events.columns]` maps each to the export's own header.",
        fields: fields::EVENT_COLUMNS,
        id_example: "",
    },
    Section {
        title: "`sok.toml`: `[export]`",
        intro: "Where each touchpoint lives in the help-desk and contact-center tools (docs/export.md); each key maps touchpoint ids to the tool's ids.",
        fields: fields::EXPORT,
        id_example: "",
    },
    Section {
        title: "`sok.toml`: `[build]`",
        intro: "What `sok build` writes and when it refuses (docs/build.md).",
        fields: fields::BUILD,
        id_example: "",
    },
];

/// The generated region of docs/format.md, markers excluded: an introduction and one table
/// per section.
pub fn format_reference() -> String {
    let mut out = String::from(
        "## Reference: every key\n\n\
         One table per kind of entity and per table of `sok.toml`, in the order a handbook is \
         usually written. *Required* keys must be given; an optional key left out means its \
         default, or nothing. Examples are TOML as it is written in the file.\n",
    );
    for section in SECTIONS {
        out.push_str(&format!("\n### {}\n\n{}\n\n", section.title, section.intro));
        out.push_str(
            "| key | type | required | allowed values | default | what it is | example |\n\
             | --- | --- | --- | --- | --- | --- | --- |\n",
        );
        for field in section.fields {
            out.push_str(&row(field, section.id_example));
        }
        if section.fields == fields::LINT_PARAMETERS {
            out.push_str(&cells(&[
                "*a rule name*",
                "word",
                "no",
                &quoted(crate::model::Level::WORDS),
                "the rule's own level (docs/rules.md)",
                &format!("the level of that rule; the rules: {}", rule_names()),
                "`long-sentence = \"off\"`",
            ]));
        }
    }
    out
}

fn row(field: &Field, id_example: &str) -> String {
    cells(&[
        &format!("`{}`", field.key),
        type_name(field.ty),
        if field.required { "**yes**" } else { "no" },
        &allowed(field.ty),
        &field.default.map_or_else(|| "–".to_string(), code_or_words),
        &types::sentence(field.doc),
        &format!("`{}`", example(field, id_example)),
    ])
}

/// One table row; `|` inside a cell is escaped so that it stays one cell.
fn cells(cells: &[&str]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
    format!("| {} |\n", cells.join(" | "))
}

/// A default in code quotes when it is a value, in words when it says where it comes from.
fn code_or_words(default: &str) -> String {
    let is_value = default.starts_with(['"', '['])
        || default.parse::<f64>().is_ok()
        || matches!(default, "true" | "false");
    match default.split_once(" (") {
        Some((value, rest)) if is_value => format!("`{value}` ({rest}"),
        _ if is_value => format!("`{default}`"),
        _ => default.to_string(),
    }
}

/// The type in a word or two.
fn type_name(ty: Type) -> &'static str {
    match ty {
        Type::Text => "text",
        Type::Markdown => "Markdown",
        Type::Texts => "list of texts",
        Type::Id => "id",
        Type::Ref(_) => "reference",
        Type::Refs(_) | Type::StepRefs => "list of references",
        Type::Stage => "stage",
        Type::Stages => "list of stages",
        Type::Duration => "duration",
        Type::Date => "date",
        Type::Dates => "list of dates",
        Type::TimeZone => "time zone",
        Type::Timestamp => "timestamp",
        Type::Number => "number",
        Type::Columns | Type::TextMap | Type::TouchpointMap => "table of texts",
        Type::Bool => "boolean",
        Type::Integer => "whole number",
        Type::Percent => "percent",
        Type::Bound => "number or duration",
        Type::Version => "version",
        Type::Choice(_) => "word",
        Type::Table(_) => "table",
        Type::Tables(_) => "array of tables",
        Type::LintLevels => "table",
    }
}

/// What a value may be: the words, pattern or range `sok check` holds it to.
fn allowed(ty: Type) -> String {
    match ty {
        Type::Text | Type::Texts => "any text".into(),
        Type::Markdown => "Markdown; links relative to the file".into(),
        Type::Id => format!("lowercase kebab-case: `{}`", patterns::ID),
        Type::Ref(kind) => format!("the id of {}", types::a(kind)),
        Type::Refs(kind) => format!("{} ids", kind.name()),
        Type::StepRefs => format!("`journey-id/step-id`: `{}`", patterns::STEP_REF),
        Type::Stage => "a stage id of `[journey].stages`".into(),
        Type::Stages => "stage ids, each once; a journey's from `[journey].stages`".into(),
        Type::Duration => "a number and a unit (*Durations* above)".into(),
        Type::Date | Type::Dates => "TOML dates without quotes: `YYYY-MM-DD`".into(),
        Type::TimeZone => "an IANA time zone name".into(),
        Type::Timestamp => "RFC 3339, or a local date-time in `[calendar].timezone`".into(),
        Type::Number => "any number".into(),
        Type::Columns => format!(
            "keys: {}; values: header names",
            quoted_keys(fields::EVENT_COLUMNS)
        ),
        Type::Bool => "`true`, `false`".into(),
        Type::Integer => "a whole number".into(),
        Type::Percent => "0 to 100, without `%`".into(),
        Type::Bound => "a number; a duration for time metrics".into(),
        Type::Version => "`MAJOR.MINOR.PATCH`, optional `-prerelease`".into(),
        Type::Choice(words) => quoted(words),
        Type::Table(fields) | Type::Tables(fields) => match section_of(fields) {
            Some(section) => format!("the keys of *{}*", section.title.replace('`', "")),
            None => quoted_keys(fields),
        },
        Type::TextMap => "stage ids to display names".into(),
        Type::TouchpointMap => "touchpoint ids to the tool's ids".into(),
        Type::LintLevels => "the keys of *sok.toml: [lint]*".into(),
    }
}

fn section_of(fields: &'static [Field]) -> Option<&'static Section> {
    SECTIONS.iter().find(|s| s.fields == fields)
}

/// A value as written in TOML: the field's own example, or one that fits its type.
fn example(field: &Field, id_example: &str) -> String {
    if let Some(example) = field.example {
        if example.starts_with("[[") {
            return example.into();
        }
        return format!("{} = {example}", field.key);
    }
    let ty = match field.ty {
        Type::Ref(Kind::Owner) => "\"shift-lead\"",
        Type::Ref(Kind::Touchpoint) => "\"hotline\"",
        Type::Ref(_) => "\"phone-answer\"",
        Type::Id => return format!("id = \"{}\"", id_example),
        Type::Refs(Kind::Touchpoint) => "[\"hotline\", \"email\"]",
        Type::Refs(Kind::Standard) => "[\"phone-answer\"]",
        Type::Refs(_) => "[\"angry-customer\"]",
        Type::StepRefs => "[\"complaint/acknowledge\"]",
        Type::Stage => "\"decision\"",
        Type::Stages => "[\"decision\", \"post-purchase\"]",
        Type::Duration => "\"3 business days\"",
        Type::Date => "2026-03-01",
        Type::Dates => "[2026-12-25, 2026-12-26]",
        Type::TimeZone => "\"Europe/Warsaw\"",
        Type::Timestamp => "\"2026-10-01T09:00:03+02:00\"",
        Type::Number => "4",
        Type::Columns => "{ start = \"Created at\", end = \"Solved at\" }",
        Type::Bool => "true",
        Type::Integer => "3",
        Type::Percent => "90",
        Type::Bound => "\"2 min\"",
        Type::Version => "\"2.1.0\"",
        Type::Choice(words) => {
            // A word other than the default, which nobody needs to write.
            let word = words
                .iter()
                .find(|w| field.default != Some(&format!("\"{w}\"")))
                .unwrap_or(&words[0]);
            return format!("{} = \"{word}\"", field.key);
        }
        Type::TextMap => "{ decision = \"Choosing\" }",
        Type::TouchpointMap => "{ hotline = \"360001234567\" }",
        Type::Table(_) | Type::LintLevels => return format!("[{}]", field.key),
        Type::Tables(_) => return format!("[[{}]]", field.key),
        Type::Text | Type::Markdown | Type::Texts => "\"…\"",
    };
    format!("{} = {ty}", field.key)
}

/// `"a"`, `"b"` as code.
fn quoted(words: &[&str]) -> String {
    let words: Vec<String> = words.iter().map(|w| format!("`\"{w}\"`")).collect();
    words.join(", ")
}

fn quoted_keys(fields: &[Field]) -> String {
    let keys: Vec<String> = fields.iter().map(|f| format!("`{}`", f.key)).collect();
    keys.join(", ")
}

fn rule_names() -> String {
    let names: Vec<String> = lint::RULES
        .iter()
        .map(|r| format!("`{}`", r.name))
        .collect();
    names.join(", ")
}

#[cfg(test)]
mod tests;
