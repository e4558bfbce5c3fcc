//! Diagnostics: every problem sok finds, from a TOML syntax error to a lint finding.
//!
//! One plain data type serves every stage so that all problems can be collected, sorted by
//! file and position, and printed together in any output format (typst's approach: gather
//! everything, fail once at the end).

pub mod codes;
pub mod emit;
mod miette_view;

use crate::source::{Sources, Span};
pub use codes::Code;

/// How serious a diagnostic is. Checks are always errors; lint levels are configurable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// A secondary place that explains the primary one ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub label: String,
}

/// A row of a data file (an events export), where a diagnostic about it points: data files
/// can be gigabytes, so they are not kept as source text; the diagnostic names the file (a
/// `SourceFile` without text), the line, and the column by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based line of the file (the header is line 1 of a CSV file).
    pub line: u64,
    /// The column's name in the file's header, or the JSON key.
    pub column: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code such as `sok::ref::unknown`, or a lint rule's name.
    pub code: &'static str,
    pub severity: Severity,
    /// Lowercase, no trailing period, identifiers in backticks.
    pub message: String,
    /// The exact offending text.
    pub span: Span,
    /// Short text under the primary span.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
    pub related: Vec<Related>,
    /// Set for a diagnostic about a row of a data file; `span` then names only the file.
    pub record: Option<Record>,
}

impl Diagnostic {
    pub fn error(code: &'static Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: code.name,
            severity: Severity::Error,
            message: message.into(),
            span,
            label: None,
            help: None,
            related: Vec::new(),
            record: None,
        }
    }

    /// An error about a row of the data file `file` (registered in `Sources` without text).
    pub fn at_record(
        code: &'static Code,
        file: crate::source::FileId,
        record: Record,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            record: Some(record),
            ..Diagnostic::error(code, Span::file_start(file), message)
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn maybe_help(mut self, help: Option<String>) -> Diagnostic {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    pub fn related(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        self.related.push(Related {
            span,
            label: label.into(),
        });
        self
    }

    /// Sort key: file path, position, then code, so output never depends on discovery order.
    pub fn sort_key<'a>(&'a self, sources: &'a Sources) -> (&'a str, usize, usize, &'a str) {
        let (start, end) = match &self.record {
            Some(record) => (record.line as usize, record.line as usize),
            None => (self.span.start, self.span.end),
        };
        (&sources.get(self.span.file).path, start, end, self.code)
    }
}

/// The sink every stage pushes into.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.items.retain(keep);
    }

    /// Sorted by file and position, exact duplicates removed.
    pub fn into_sorted(mut self, sources: &Sources) -> Vec<Diagnostic> {
        self.items
            .sort_by(|a, b| a.sort_key(sources).cmp(&b.sort_key(sources)));
        self.items.dedup();
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// "3 errors and 1 warning in 2 files", or `None` when there is nothing to report.
pub fn summary(diagnostics: &[Diagnostic]) -> Option<String> {
    if diagnostics.is_empty() {
        return None;
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    let mut files: Vec<_> = diagnostics.iter().map(|d| d.span.file).collect();
    files.sort();
    files.dedup();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let counts = match (errors, warnings) {
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{} and {}", plural(e, "error"), plural(w, "warning")),
    };
    Some(format!("{counts} in {}", plural(files.len(), "file")))
}

/// The closest candidate to `wanted`, for "did you mean" help lines.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted_chars = wanted.chars().count();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        if !comparable(wanted_chars, candidate.chars().count()) {
            continue;
        }
        let score = strsim::jaro_winkler(wanted, candidate);
        if score >= 0.8 && best.is_none_or(|(b, c)| score > b || (score == b && candidate < c)) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Whether two texts of these lengths (in chars) can score 0.8: Jaro similarity is at most
/// `(short / long + 2) / 3`, so at over ten times the length it stays at or below 0.7 and
/// Winkler's prefix bonus (only above 0.7) never applies. Scoring costs the product of the
/// lengths, so a 64 KB unknown word is not scored against every spelling.
fn comparable(a: usize, b: usize) -> bool {
    a <= 10 * b && b <= 10 * a
}

/// `help` text suggesting the closest candidate, if any is close enough.
pub fn did_you_mean<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(wanted, candidates).map(|c| format!("did you mean `{c}`?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_over_ten_times_as_long_never_score_as_close() {
        let shorts = [
            "a",
            "ab",
            "min",
            "godz.",
            "minutes",
            "business days",
            "shift-lead",
        ];
        for short in shorts {
            let n = short.chars().count();
            for long in [
                short.repeat(11),
                format!("{short}{}", "x".repeat(10 * n + 1)),
                format!("{}{short}", " ".repeat(10 * n + 1)),
            ] {
                assert!(!comparable(long.chars().count(), n), "{long}");
                assert!(strsim::jaro_winkler(&long, short) < 0.8, "{long} ~ {short}");
                assert!(strsim::jaro_winkler(short, &long) < 0.8, "{short} ~ {long}");
            }
        }
        assert_eq!(closest("minuts", ["min", "minutes"]), Some("minutes"));
    }
}
