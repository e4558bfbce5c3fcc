//! The registry of diagnostic codes: one entry per kind of problem, with its documentation.
//!
//! Codes are stable: once published a code is never reused or removed, only marked retired.
//! `sok explain CODE` and `docs/diagnostics.md` are both generated from this list; each code's
//! documentation is a Markdown file in `diagnostics/docs/`, named after the code.

/// A diagnostic code and the documentation `sok explain` prints for it.
#[derive(Debug)]
pub struct Code {
    pub name: &'static str,
    pub summary: &'static str,
    /// Markdown with the sections "What it means", "Example" and "How to fix".
    pub docs: &'static str,
}

macro_rules! codes {
    ($($ident:ident = $name:literal, $summary:literal, $docs:literal;)*) => {
        $(pub static $ident: Code = Code { name: $name, summary: $summary, docs: include_str!($docs) };)*
        /// Every code, sorted by name.
        pub static CODES: &[&Code] = &[$(&$ident),*];
    };
}

codes! {
    BUILD_EDIT_URL = "sok::build::edit_url", "`[build] edit_url` is not an address with `{path}`", "docs/build-edit_url.md";

    BUILD_OUT_DIR = "sok::build::out_dir", "the output directory would overwrite the sources", "docs/build-out_dir.md";

    BUILD_TEMPLATE = "sok::build::template", "a template of the handbook does not work", "docs/build-template.md";

    DISCOVER_NO_HANDBOOK = "sok::discover::no_handbook", "the directory is not a handbook", "docs/discover-no_handbook.md";

    DISCOVER_STRAY_FILE = "sok::discover::stray_file", "a file outside the places sok reads", "docs/discover-stray_file.md";

    EVENT_COLUMN_MISSING = "sok::event::column_missing", "an events file lacks a required column", "docs/event-column_missing.md";

    EVENT_DUPLICATE_ID = "sok::event::duplicate_id", "two events share an id", "docs/event-duplicate_id.md";

    EVENT_EMPTY = "sok::event::empty", "an event without its metric, start or score", "docs/event-empty.md";

    EVENT_MALFORMED = "sok::event::malformed", "a row of an events file that cannot be read", "docs/event-malformed.md";

    EVENT_NO_SCHEDULE = "sok::event::no_schedule", "an event counted in business hours where there are none", "docs/event-no_schedule.md";

    EVENT_NUMBER = "sok::event::number", "an event's value is not a number", "docs/event-number.md";

    EVENT_ORDER = "sok::event::order", "an event ends or is abandoned before it starts", "docs/event-order.md";

    EVENT_TIMESTAMP = "sok::event::timestamp", "an event's time is not a date and time", "docs/event-timestamp.md";

    EVENT_UNKNOWN_TOUCHPOINT = "sok::event::unknown_touchpoint", "an event at a touchpoint the handbook does not have", "docs/event-unknown_touchpoint.md";

    EVENT_VALUE_RANGE = "sok::event::value_range", "an event's value outside its metric's range", "docs/event-value_range.md";

    EXPORT_UNKNOWN_TOUCHPOINT = "sok::export::unknown_touchpoint", "an `[export]` entry for a touchpoint the handbook does not have", "docs/export-unknown_touchpoint.md";

    ID_DUPLICATE = "sok::id::duplicate", "two entities of one kind share an id", "docs/id-duplicate.md";

    IO_ENCODING = "sok::io::encoding", "a file is not valid UTF-8", "docs/io-encoding.md";

    IO_READ = "sok::io::read", "a file or folder could not be read", "docs/io-read.md";

    JOURNEY_STAGE_ORDER = "sok::journey::stage_order", "a journey lists its stages out of order", "docs/journey-stage_order.md";

    JOURNEY_UNKNOWN_STAGE = "sok::journey::unknown_stage", "a stage that is not in the stage list", "docs/journey-unknown_stage.md";

    LINK_MISSING = "sok::link::missing", "a link or image points at a file that does not exist", "docs/link-missing.md";

    LINK_OUTSIDE_ROOT = "sok::link::outside_root", "a link or image points outside the handbook", "docs/link-outside_root.md";

    LINT_UNKNOWN_RULE = "sok::lint::unknown_rule", "a lint rule name that does not exist", "docs/lint-unknown_rule.md";

    MEASURE_BOUND = "sok::measure::bound", "a measure needs exactly one bound", "docs/measure-bound.md";

    MEASURE_BOUND_KIND = "sok::measure::bound_kind", "a bound of the wrong kind for its metric", "docs/measure-bound_kind.md";

    MEASURE_DIRECTION = "sok::measure::direction", "a bound in the wrong direction for its metric", "docs/measure-direction.md";

    MEASURE_SHARE = "sok::measure::share", "`share` on a metric that is one figure per period", "docs/measure-share.md";

    MEASURE_UNIT_MISSING = "sok::measure::unit_missing", "a custom metric without a unit", "docs/measure-unit_missing.md";

    PARSE_FRONT_MATTER = "sok::parse::front_matter", "a Markdown file without valid `+++` front matter", "docs/parse-front_matter.md";

    PARSE_TOML = "sok::parse::toml", "TOML syntax error", "docs/parse-toml.md";

    REF_CYCLE = "sok::ref::cycle", "reporting lines that go round in a circle", "docs/ref-cycle.md";

    REF_UNKNOWN = "sok::ref::unknown", "a reference to an id that does not exist", "docs/ref-unknown.md";

    SCHEMA_MISSING_FIELD = "sok::schema::missing_field", "a required field is missing", "docs/schema-missing_field.md";

    SCHEMA_TEXT_TWICE = "sok::schema::text_twice", "both a body and its key in one Markdown file", "docs/schema-text_twice.md";

    SCHEMA_UNKNOWN_KEY = "sok::schema::unknown_key", "a key the format does not define", "docs/schema-unknown_key.md";

    SCHEMA_UNKNOWN_KIND = "sok::schema::unknown_kind", "a top-level key that names no kind", "docs/schema-unknown_kind.md";

    SCHEMA_WRONG_TYPE = "sok::schema::wrong_type", "a value of the wrong TOML type", "docs/schema-wrong_type.md";

    SITUATION_ESCALATION_ORDER = "sok::situation::escalation_order", "an escalation ladder out of order", "docs/situation-escalation_order.md";

    VALUE_CHOICE = "sok::value::choice", "a value that is not one of the allowed words", "docs/value-choice.md";

    VALUE_DATE = "sok::value::date", "a date that is not a plain calendar date", "docs/value-date.md";

    VALUE_DURATION = "sok::value::duration", "a duration sok cannot read", "docs/value-duration.md";

    VALUE_ID = "sok::value::id", "an id that is not lowercase kebab-case", "docs/value-id.md";

    VALUE_NUMBER = "sok::value::number", "a number outside its range", "docs/value-number.md";

    VALUE_PERCENT = "sok::value::percent", "a percentage outside 0..100", "docs/value-percent.md";

    VALUE_TIMEZONE = "sok::value::timezone", "a time zone name that does not exist", "docs/value-timezone.md";

    VALUE_VERSION = "sok::value::version", "a version that is not a semantic version", "docs/value-version.md";
}

impl Code {
    /// The code without `sok::` and with `::` as `-` (`ref-unknown`): the name of its docs
    /// file in `diagnostics/docs/` and of its fixture folder under `tests/fixtures/invalid/`.
    pub fn slug(&self) -> String {
        self.name.trim_start_matches("sok::").replace("::", "-")
    }
}

/// The code with this name, if any.
pub fn find(name: &str) -> Option<&'static Code> {
    CODES.iter().copied().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_docs_file_belongs_to_a_code() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/diagnostics/docs");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("the docs folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        files.sort();
        let mut expected: Vec<String> = CODES.iter().map(|c| format!("{}.md", c.slug())).collect();
        expected.sort();
        assert_eq!(files, expected);
    }

    #[test]
    fn codes_are_sorted_unique_and_documented() {
        for pair in CODES.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for code in CODES {
            assert!(code.name.starts_with("sok::"), "{}", code.name);
            for section in ["## What it means", "## Example", "## How to fix"] {
                assert!(code.docs.contains(section), "{} lacks {section}", code.name);
            }
            assert!(!code.summary.ends_with('.'), "{}", code.name);
        }
    }
}
