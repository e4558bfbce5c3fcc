//! GitHub Actions workflow commands: one `::error`/`::warning` annotation per diagnostic,
//! escaped as the Actions toolkit escapes them, then a plain summary line.

use crate::diagnostics::emit::Position;
use crate::diagnostics::{Diagnostic, summary};
use crate::source::Sources;

/// The annotations for `diagnostics`, with `prefix` put before every path.
pub(crate) fn github(diagnostics: &[Diagnostic], sources: &Sources, prefix: &str) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let at = Position::of_diagnostic(d, sources);
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        out.push_str(&format!(
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            d.severity.as_str(),
            escape_property(&format!("{prefix}{}", at.file)),
            at.line,
            at.column,
            at.end_line,
            at.end_column,
            escape_property(d.code),
            escape_data(&message),
        ));
    }
    out.push_str("sok lint: ");
    out.push_str(&summary(diagnostics).unwrap_or_else(|| "no problems found".to_string()));
    out.push('\n');
    out
}

/// The toolkit's `escapeData`: `%`, `\r` and `\n`.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The toolkit's `escapeProperty`: as data, plus `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_toolkit() {
        assert_eq!(escape_data("100%\r\nok: a,b"), "100%25%0D%0Aok: a,b");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
