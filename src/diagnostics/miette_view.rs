//! Adapts a [`Diagnostic`] to miette's `Diagnostic` trait for the graphical report.

use std::fmt;

use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceSpan, SpanContents};

use super::{Diagnostic, Severity};
use crate::source::{SourceFile, Sources, Span};

pub(super) struct View<'s> {
    code: &'static str,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    source: Option<Source<'s>>,
    labels: Vec<LabeledSpan>,
    related: Vec<View<'s>>,
}

impl<'s> View<'s> {
    pub(super) fn new(d: &Diagnostic, sources: &'s Sources) -> View<'s> {
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
            source: has_text.then_some(Source { file }),
            labels,
            related,
        }
    }
}

/// A file's text for miette. miette counts the column of its `[file:line:column]` header in
/// bytes; this counts it in characters, like the JSON and concise formats, so that a line of
/// Polish or Russian text gives the same position in every format.
///
/// miette finds a span's lines by reading the text from its first byte, which for a file
/// with a diagnostic on each of its thousands of lines costs the square of its size; it gets
/// only the lines around the span, and the lines before them come from the file's line index.
struct Source<'s> {
    file: &'s SourceFile,
}

impl miette::SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &str = &self.file.text;
        let (start, end) = (span.offset(), span.offset() + span.len());
        if end > text.len() {
            return Err(MietteError::OutOfBounds);
        }
        // From a line earlier: miette looks one byte before an empty span.
        let from = lines_back(text, start.saturating_sub(1), context_lines_before + 1);
        let to = lines_on(text, end, context_lines_after);
        let inner = text[from..to].read_span(
            &SourceSpan::from(start - from..end - from),
            context_lines_before,
            context_lines_after,
        )?;
        let lines_before = self.file.line_col(from).0 - 1;
        let data = SourceSpan::from(
            inner.span().offset() + from..inner.span().offset() + from + inner.span().len(),
        );
        let start = data.offset();
        let column = start
            .checked_sub(inner.column())
            .and_then(|line_start| text.get(line_start..start))
            .map_or(inner.column(), |before| before.chars().count());
        let contents = MietteSpanContents::new_named(
            self.file.path.clone(),
            inner.data(),
            data,
            lines_before + inner.line(),
            column,
            lines_before + inner.line_count(),
        )
        .with_language("toml");
        Ok(Box::new(contents))
    }
}

/// The start of the line `lines` lines above the one holding `offset`.
fn lines_back(text: &str, offset: usize, lines: usize) -> usize {
    let mut at = offset;
    for _ in 0..=lines {
        match text.as_bytes()[..at].iter().rposition(|&b| b == b'\n') {
            Some(newline) => at = newline,
            None => return 0,
        }
    }
    at + 1
}

/// The end of the line `lines` lines below the one holding `offset`, and one more, past
/// its line break: all miette reads after the span.
fn lines_on(text: &str, offset: usize, lines: usize) -> usize {
    let mut at = offset;
    for _ in 0..=lines + 1 {
        match text.as_bytes()[at..].iter().position(|&b| b == b'\n') {
            Some(newline) => at += newline + 1,
            None => return text.len(),
        }
    }
    at
}

fn source_span(span: Span) -> SourceSpan {
    SourceSpan::from(span.start..span.end.max(span.start))
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for View<'_> {}

impl miette::Diagnostic for View<'_> {
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

/// Whether the line holding `offset` is longer than a snippet should show. Only that many
/// bytes either side are looked at, so a long line with a diagnostic on every word is not
/// read once per diagnostic.
fn on_long_line(text: &str, offset: usize) -> bool {
    const LONGEST_SHOWN: usize = 2_000;
    let bytes = text.as_bytes();
    let offset = offset.min(bytes.len());
    let from = offset.saturating_sub(LONGEST_SHOWN + 1);
    let start = match bytes[from..offset].iter().rposition(|&b| b == b'\n') {
        Some(newline) => from + newline + 1,
        None if from == 0 => 0,
        None => return true,
    };
    let to = (start + LONGEST_SHOWN + 1).min(bytes.len());
    let end = bytes[offset.min(to)..to]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(to, |newline| offset.min(to) + newline);
    end - start > LONGEST_SHOWN
}

#[cfg(test)]
mod tests {
    use super::*;
    use miette::SourceCode;

    /// What miette reads for `span` from the whole text, as `Source` did before it cut out
    /// the lines around the span.
    fn whole(
        text: &str,
        span: SourceSpan,
        before: usize,
        after: usize,
    ) -> (String, usize, usize, usize, usize) {
        let inner = text.read_span(&span, before, after).expect("in bounds");
        let data = String::from_utf8_lossy(inner.data()).into_owned();
        (
            data,
            inner.span().offset(),
            inner.span().len(),
            inner.line(),
            inner.line_count(),
        )
    }

    #[test]
    fn the_lines_around_a_span_read_as_from_the_whole_text() {
        let text = "[a]\nb = 1\r\n\nc = \"żółw\"\nd = [\n  1,\n]\ne";
        let file = SourceFile::new("x.toml", text);
        let source = Source { file: &file };
        for start in 0..=text.len() {
            for end in start..=text.len().min(start + 12) {
                for (before, after) in [(0, 0), (1, 1), (2, 3)] {
                    let span = SourceSpan::from(start..end);
                    let inner = source.read_span(&span, before, after).expect("in bounds");
                    let got = (
                        String::from_utf8_lossy(inner.data()).into_owned(),
                        inner.span().offset(),
                        inner.span().len(),
                        inner.line(),
                        inner.line_count(),
                    );
                    assert_eq!(
                        got,
                        whole(text, span, before, after),
                        "{start}..{end} ±{before},{after}"
                    );
                }
            }
        }
    }

    #[test]
    fn only_the_lines_around_a_span_are_handed_to_miette() {
        let text = "key = 1\n".repeat(10_000);
        let middle = text.len() / 2;
        let (from, to) = (lines_back(&text, middle, 1), lines_on(&text, middle + 3, 1));
        assert!(to - from <= 4 * "key = 1\n".len(), "{from}..{to}");
        let long = "word ".repeat(20_000);
        assert!(on_long_line(&long, long.len() / 2));
        assert!(!on_long_line("short\nline", 7));
    }
}
