//! `docs/diagnostics.md` is generated from the registry of diagnostic codes
//! (`sok::diagnostics::codes::CODES`), so the documentation can never miss a code.
//!
//! So is the key reference in `docs/format.md`, from the field table (`sok::schema`).
//!
//! `cargo test --test it docs::` fails when either is out of date;
//! `UPDATE_DOCS=1 cargo test --test it docs::` rewrites it (and the generated lint docs).

use sok::diagnostics::codes::CODES;

use crate::common;

const DIAGNOSTICS_MD: &str = "docs/diagnostics.md";

/// The fixture whose JSON report is shown as the example in `docs/diagnostics.md`.
const JSON_EXAMPLE_FIXTURE: &str = "invalid/id-duplicate";

/// The whole of `docs/diagnostics.md`: the output formats, then every code with its docs.
fn diagnostic_codes_markdown() -> String {
    let mut out = String::new();
    out.push_str(
        "<!-- Generated from src/diagnostics/codes.rs by tests/it/docs.rs: do not edit by hand.
     Update with `UPDATE_DOCS=1 cargo test --test it docs::`. -->

# Diagnostics

`sok check` reports every problem it finds in a handbook in one run, each with a stable
code such as `sok::ref::unknown`, the file, line and column it points at, and a help line
that says how to fix it. `sok explain CODE` prints the documentation of a code (the `sok::`
prefix may be left out: `sok explain ref::unknown`); this page lists them all.

Exit codes: `0` when nothing is reported at error level, `1` when the handbook has problems,
`2` for a usage or I/O error (an unknown flag, a directory that does not exist or has no
`sok.toml`), which is printed on standard error instead of as a diagnostic.

## Output formats

`--format human` (the default) shows each problem with the lines of source it points at,
then a summary such as `3 errors in 3 files`. `--color auto|always|never` controls colour;
`auto` colours a terminal unless the `NO_COLOR` environment variable is set.

`--format json` prints one JSON array with an object per problem, sorted by file and
position (an empty array for a clean handbook). Every object has these fields:

| field | type | meaning |
| --- | --- | --- |
| `code` | string | the diagnostic code, such as `sok::ref::unknown` (see below) |
| `severity` | string | `error` or `warning` |
| `file` | string | the file, relative to the handbook root, with `/` separators |
| `line` | number | the line where the problem starts, from 1 |
| `column` | number | the column where it starts, from 1, counted in characters (not bytes) |
| `end_line` | number | the line where the marked text ends |
| `end_column` | number | the column just after the marked text (equal to `column` for an empty mark) |
| `field` | string | only for a row of a data file (an events export): the name of the column at fault; `line` is then the row's line in the file and `column` is 1 |
| `message` | string | what is wrong, in one line |
| `label` | string or null | the short text shown under the marked source |
| `help` | string or null | how to fix it, often with a suggestion (\"did you mean ...?\") |
| `related` | array | other places that explain this one, such as where a duplicate id was first defined; each has `file`, `line`, `column`, `end_line`, `end_column` and `label` |

Lines and columns are positions in the file itself, also inside the `+++` front matter of a
Markdown file. A problem with a file as a whole (one that cannot be read, or is not UTF-8)
points at line 1, column 1.

For example, `sok check --format json` on a handbook that defines one owner twice:

```json
",
    );
    out.push_str(&json_example());
    out.push_str("```\n\n## Codes\n\n");
    for code in CODES {
        out.push_str(&format!(
            "- [`{}`](#{}): {}\n",
            code.name,
            anchor(code.name),
            code.summary
        ));
    }
    for code in CODES {
        out.push_str(&format!(
            "\n### `{}`\n\n{}.\n\n{}\n",
            code.name,
            sentence(code.summary),
            demote_headings(code.docs.trim_end())
        ));
    }
    out
}

fn json_example() -> String {
    let dir = common::fixture(JSON_EXAMPLE_FIXTURE);
    let report = common::check(&dir);
    assert!(!report.diagnostics.is_empty());
    report.json()
}

/// The anchor GitHub gives the heading `` `sok::ref::unknown` ``: `sokrefunknown`.
fn anchor(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

/// The summary as a sentence: capitalised (its trailing period is added by the caller).
fn sentence(summary: &str) -> String {
    let mut chars = summary.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Moves the docs' `## What it means` headings below the code's own `###` heading,
/// leaving `#` lines inside code blocks alone.
fn demote_headings(docs: &str) -> String {
    let mut in_code = false;
    let mut out = Vec::new();
    for line in docs.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && line.starts_with('#') {
            out.push(format!("##{line}"));
        } else {
            out.push(line.to_string());
        }
    }
    out.join("\n")
}

#[test]
fn diagnostics_md_is_up_to_date() {
    let path = common::manifest_dir().join(DIAGNOSTICS_MD);
    let expected = diagnostic_codes_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().expect("docs/")).expect("create docs/");
        std::fs::write(&path, &expected).expect("write docs/diagnostics.md");
        return;
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        let diff = similar::TextDiff::from_lines(&actual, &expected)
            .unified_diff()
            .header(DIAGNOSTICS_MD, "generated")
            .to_string();
        panic!(
            "{DIAGNOSTICS_MD} is out of date; run `UPDATE_DOCS=1 cargo test --test it docs::` \
             and commit it:\n{diff}"
        );
    }
}

#[test]
fn diagnostics_md_documents_every_code_and_json_field() {
    let doc = diagnostic_codes_markdown();
    for code in CODES {
        assert!(doc.contains(&format!("\n### `{}`\n", code.name)));
        assert!(doc.contains(code.summary));
    }
    let example: serde_json::Value = serde_json::from_str(&json_example()).expect("JSON");
    let first = &example[0];
    let fields = first.as_object().expect("an object").keys();
    for field in fields {
        assert!(
            doc.contains(&format!("| `{field}` |")),
            "`{field}` undocumented"
        );
    }
    for field in first["related"][0].as_object().expect("related").keys() {
        assert!(
            doc.contains(&format!("`{field}`")),
            "`{field}` undocumented"
        );
    }
    // Only the docs' own headings move; `#` comments in code blocks stay.
    let stage_order = doc
        .split("### `sok::journey::stage_order`")
        .nth(1)
        .expect("section");
    assert!(stage_order.contains("\n#### What it means\n"));
    assert!(stage_order.contains("\n# sok.toml: stages"));
}

const FORMAT_MD: &str = "docs/format.md";
const REFERENCE_BEGIN: &str = "<!-- Generated from the field table (src/model/fields/) by tests/it/docs.rs down to the\n     end marker: do not edit by hand. Update with `UPDATE_DOCS=1 cargo test --test it docs::`. -->\n";
const REFERENCE_END: &str = "<!-- End of the generated reference. -->\n";

/// docs/format.md's key reference is generated from the field table: stale, the test fails;
/// with `UPDATE_DOCS=1` the marked region is rewritten and the prose around it kept.
#[test]
fn format_md_reference_is_up_to_date() {
    let path = common::manifest_dir().join(FORMAT_MD);
    let actual = std::fs::read_to_string(&path).expect("read docs/format.md");
    let (before, rest) = actual
        .split_once(REFERENCE_BEGIN)
        .expect("docs/format.md has the reference's begin marker");
    let (_, after) = rest
        .split_once(REFERENCE_END)
        .expect("docs/format.md has the reference's end marker");
    let expected = format!(
        "{before}{REFERENCE_BEGIN}\n{}\n{REFERENCE_END}{after}",
        sok::schema::format_reference()
    );
    if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &expected).expect("write docs/format.md");
        return;
    }
    if actual != expected {
        let diff = similar::TextDiff::from_lines(&actual, &expected)
            .unified_diff()
            .header(FORMAT_MD, "generated")
            .to_string();
        panic!(
            "{FORMAT_MD} is out of date; run `UPDATE_DOCS=1 cargo test --test it docs::` \
             and commit it:\n{diff}"
        );
    }
}
