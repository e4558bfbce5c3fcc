//! Adapts a [`Diagnostic`] to miette's `Diagnostic` trait for the graphical report.

use std::fmt;
use std::sync::Arc;

use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceSpan, SpanContents};

use super::{Diagnostic, Severity};
use crate::source::{Sources, Span};

pub(super) struct View {
    code: &'static str,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    source: Option<Source>,
    labels: Vec<LabeledSpan>,
    related: Vec<View>,
}

impl View {
    pub(super) fn new(d: &Diagnostic, sources: &Sources) -> View {
        let file = sources.get(d.span.file);
        // A snippet of a huge line (minified or generated text) would be copied into every
        // report: such diagnostics show their position instead.
        let has_text = !file.text.is_empty() && !on_long_line(&file.text, d.span.start);
        let mut labels = Vec::new();
        let mut related = Vec::new();
        if has_text {
            labels.push(LabeledSpan::new_primary_with_span(
                d.label.clone(),
                source_span(d.span),
            ));
        }
        for r in &d.related {
            if r.span.file == d.span.file && has_text {
                labels.push(LabeledSpan::new_with_span(
                    Some(r.label.clone()),
                    source_span(r.span),
                ));
            } else {
                let other = Diagnostic {
                    code: "",
                    severity: d.severity,
                    message: r.label.clone(),
                    span: r.span,
                    label: None,
                    help: None,
                    related: Vec::new(),
                    record: None,
                };
                let mut view = View::new(&other, sources);
                view.severity = miette::Severity::Advice;
                related.push(view);
            }
        }
        View {
            code: d.code,
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
            },
            message: if has_text {
                d.message.clone()
            } else if file.text.is_empty() {
                format!("{}: {}", file.path, d.message)
            } else {
                let (line, column) = file.line_col(d.span.start);
                format!("{}:{line}:{column}: {}", file.path, d.message)
            },
            help: d.help.clone(),
            source: has_text.then(|| Source {
                name: file.path.clone(),
                text: file.text.clone(),
            }),
            labels,
            related,
        }
    }
}

/// A file's text for miette. miette counts the column of its `[file:line:column]` header in
/// bytes; this counts it in characters, like the JSON and concise formats, so that a line of
/// Polish or Russian text gives the same position in every format.
struct Source {
    name: String,
    text: Arc<str>,
}

impl miette::SourceCode for Source {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let start = inner.span().offset();
        let column = start
            .checked_sub(inner.column())
            .and_then(|line_start| self.text.get(line_start..start))
            .map_or(inner.column(), |before| before.chars().count());
        let contents = MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )
        .with_language("toml");
        Ok(Box::new(contents))
    }
}

fn source_span(span: Span) -> SourceSpan {
    SourceSpan::from(span.start..span.end.max(span.start))
}

impl fmt::Debug for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for View {}

impl miette::Diagnostic for View {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.code.is_empty()).then(|| Box::new(self.code) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        (!self.labels.is_empty())
            .then(|| Box::new(self.labels.iter().cloned()) as Box<dyn Iterator<Item = LabeledSpan>>)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        (!self.related.is_empty()).then(|| {
            Box::new(self.related.iter().map(|r| r as &dyn miette::Diagnostic))
                as Box<dyn Iterator<Item = _>>
        })
    }
}

/// Whether the line holding `offset` is longer than a snippet should show.
fn on_long_line(text: &str, offset: usize) -> bool {
    const LONGEST_SHOWN: usize = 2_000;
    let offset = offset.min(text.len());
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    end - start > LONGEST_SHOWN
}
