//! Output formats for diagnostics: human (miette), json, and the one-line concise form.
//! The pull-request formats (SARIF, GitHub workflow commands) live in `lint::output`.

use serde::Serialize;

use super::miette_view::View;
use super::{Diagnostic, summary};
use crate::source::{Sources, Span};

/// How the human format looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

/// miette's graphical report for each diagnostic, then the summary line.
pub fn human(diagnostics: &[Diagnostic], sources: &Sources, style: Style) -> String {
    let theme = if style.color {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    };
    let handler = miette::GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(1);
    let mut out = String::new();
    for d in diagnostics {
        if d.record.is_some() {
            out.push_str(&record_report(d, sources));
        } else {
            let view = View::new(d, sources);
            if handler.render_report(&mut out, &view).is_err() {
                out.push_str(&concise_line(d, sources));
            }
        }
        out.push('\n');
    }
    if let Some(line) = summary(diagnostics) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `file:line:col: severity[code] message`, one line per diagnostic.
pub fn concise(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&concise_line(d, sources));
        out.push('\n');
    }
    if let Some(line) = summary(diagnostics) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// A diagnostic about a row of a data file: no snippet (the file is not kept), its place as
/// file, line and column name.
fn record_report(d: &Diagnostic, sources: &Sources) -> String {
    let at = Position::of_diagnostic(d, sources);
    let mut out = format!(
        "{}[{}]: {}\n  --> {}:{}",
        d.severity.as_str(),
        d.code,
        d.message,
        at.file,
        at.line
    );
    if let Some(field) = &at.field {
        out.push_str(&format!(", column `{field}`"));
    }
    out.push('\n');
    if let Some(help) = &d.help {
        out.push_str(&format!("  help: {help}\n"));
    }
    out
}

fn concise_line(d: &Diagnostic, sources: &Sources) -> String {
    let at = Position::of_diagnostic(d, sources);
    format!(
        "{}:{}:{}: {}[{}] {}",
        at.file,
        at.line,
        at.column,
        d.severity.as_str(),
        d.code,
        d.message
    )
}

/// A span as file, line and column (1-based, columns in characters).
#[derive(Debug, Clone, Serialize)]
pub struct Position {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The column's name, for a row of a data file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl Position {
    pub fn of(span: Span, sources: &Sources) -> Position {
        let file = sources.get(span.file);
        let (line, column) = file.line_col(span.start);
        let (end_line, end_column) = file.line_col(span.end.max(span.start));
        Position {
            file: file.path.clone(),
            line,
            column,
            end_line,
            end_column,
            field: None,
        }
    }

    /// Where `d` points: its span, or the row of a data file it names.
    pub fn of_diagnostic(d: &Diagnostic, sources: &Sources) -> Position {
        match &d.record {
            Some(record) => {
                let line = usize::try_from(record.line).unwrap_or(usize::MAX);
                Position {
                    file: sources.get(d.span.file).path.clone(),
                    line,
                    column: 1,
                    end_line: line,
                    end_column: 1,
                    field: record.column.clone(),
                }
            }
            None => Position::of(d.span, sources),
        }
    }
}

#[derive(Serialize)]
struct JsonRelated {
    #[serde(flatten)]
    position: Position,
    label: String,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    severity: &'a str,
    #[serde(flatten)]
    position: Position,
    message: &'a str,
    label: Option<&'a str>,
    help: Option<&'a str>,
    related: Vec<JsonRelated>,
}

/// A JSON array with one object per diagnostic (documented in `docs/diagnostics.md`).
pub fn json(diagnostics: &[Diagnostic], sources: &Sources) -> String {
    let items: Vec<JsonDiagnostic<'_>> = diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            code: d.code,
            severity: d.severity.as_str(),
            position: Position::of_diagnostic(d, sources),
            message: &d.message,
            label: d.label.as_deref(),
            help: d.help.as_deref(),
            related: d
                .related
                .iter()
                .map(|r| JsonRelated {
                    position: Position::of(r.span, sources),
                    label: r.label.clone(),
                })
                .collect(),
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".to_string());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Record;
    use crate::diagnostics::codes;
    use crate::source::SourceFile;

    /// A row of a data file is named by file, line and column name in every format.
    #[test]
    fn a_row_of_a_data_file_is_reported_by_line_and_column_name() {
        let mut sources = Sources::default();
        let file = sources.add(SourceFile::new("events/calls.csv", ""));
        let record = Record {
            line: 12,
            column: Some("start".into()),
        };
        let d = Diagnostic::at_record(
            &codes::VALUE_DATE,
            file,
            record,
            "`start` is not a timestamp",
        )
        .help("write it like `2026-10-01T09:00:03+02:00`");
        let style = Style {
            color: false,
            width: 80,
        };
        let human = human(std::slice::from_ref(&d), &sources, style);
        assert!(
            human.starts_with(
                "error[sok::value::date]: `start` is not a timestamp\n  --> events/calls.csv:12, column `start`\n  help: write it like"
            ),
            "{human}"
        );
        assert_eq!(
            concise(std::slice::from_ref(&d), &sources).lines().next(),
            Some("events/calls.csv:12:1: error[sok::value::date] `start` is not a timestamp")
        );
        let json = json(std::slice::from_ref(&d), &sources);
        assert!(json.contains("\"line\": 12"), "{json}");
        assert!(json.contains("\"field\": \"start\""), "{json}");
    }

    #[test]
    fn a_huge_line_is_not_copied_into_the_report() {
        let mut sources = Sources::default();
        let text = format!("a = \"{}\"\n", "x".repeat(100_000));
        let file = sources.add(SourceFile::new("big.toml", text));
        let d = Diagnostic::error(&codes::PARSE_TOML, Span::new(file, 5, 6), "too long");
        let out = human(
            &[d],
            &sources,
            Style {
                color: false,
                width: 80,
            },
        );
        assert!(out.len() < 1_000, "{} bytes", out.len());
        assert!(out.contains("big.toml:1:6: too long"), "{out}");
    }
}
