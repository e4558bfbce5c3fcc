//! The overlay: the problems of the sources as a panel over the last good pages, in the
//! handbook's language. It exists so that an author who saves a broken file sees what is
//! wrong (file, line, column, message, help) in the browser they are looking at, instead of
//! a page that silently stops changing. Every piece of text is escaped here: a message may
//! quote the author's source, and the source is not trusted to be HTML.

use crate::diagnostics::Severity;
use crate::i18n::Catalog;
use crate::render::markdown::to_html::escape_attr as escape;

/// One problem as the overlay shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) severity: Severity,
    /// The diagnostic code (`sok::ref::unknown`), when there is one.
    pub(crate) code: Option<String>,
    /// The file, relative to the handbook root, when the problem is in one.
    pub(crate) file: Option<String>,
    /// Line and column, from 1, when the problem points into the file.
    pub(crate) at: Option<(usize, usize)>,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

/// The id of the overlay element, which the live script looks for.
pub(crate) const ID: &str = "sok-overlay";

/// The overlay's HTML: a labelled region with a heading, one list item per problem.
/// `only` is the page that shows nothing else (no build has succeeded yet).
pub(crate) fn render(problems: &[Problem], catalog: &Catalog, only: bool) -> String {
    let mut out = String::new();
    let class = if only {
        " class=\"sok-overlay--only\""
    } else {
        ""
    };
    out.push_str(&format!(
        "<section id=\"{ID}\"{class} role=\"region\" aria-labelledby=\"sok-overlay-title\" lang=\"{}\">\n",
        catalog.language.keyword()
    ));
    if !only {
        out.push_str(&format!(
            "<button type=\"button\" class=\"sok-overlay__hide\" hidden>{}</button>\n",
            escape(catalog.get("serve.hide"))
        ));
    }
    out.push_str(&format!(
        "<h2 id=\"sok-overlay-title\">{}</h2>\n",
        escape(catalog.get("serve.title"))
    ));
    let intro = if only { "serve.first" } else { "serve.stale" };
    out.push_str(&format!("<p>{}</p>\n", escape(catalog.get(intro))));
    out.push_str(&format!(
        "<p>{}</p>\n<ol>\n",
        escape(&catalog.fill("serve.count", &[("n", &problems.len().to_string())]))
    ));
    for problem in problems {
        out.push_str(&item(problem, catalog));
    }
    out.push_str("</ol>\n</section>\n");
    out
}

/// The id of the lint summary, which the live script looks for.
pub(crate) const LINT_ID: &str = "sok-lint";

/// The lint summary of the latest build, `line` as `sok build` prints it: a small status bar
/// over the pages, with a button to hide it.
pub(crate) fn lint(line: &str, catalog: &Catalog) -> String {
    format!(
        "<aside id=\"{LINT_ID}\" role=\"status\" aria-label=\"{label}\" lang=\"{lang}\">\n\
         <p>{text}</p>\n\
         <button type=\"button\" class=\"sok-lint__hide\" hidden>{hide}</button>\n\
         </aside>\n",
        label = escape(catalog.get("serve.lint")),
        lang = catalog.language.keyword(),
        text = with_code(line),
        hide = escape(catalog.get("serve.hide")),
    )
}

fn item(problem: &Problem, catalog: &Catalog) -> String {
    let severity = match problem.severity {
        Severity::Error => catalog.get("serve.error"),
        Severity::Warning => catalog.get("serve.warning"),
    };
    let mut out = String::from("<li>\n<p class=\"sok-overlay__where\">");
    out.push_str(&format!(
        "<span class=\"sok-overlay__severity\">{}</span>",
        escape(severity)
    ));
    if let Some(file) = &problem.file {
        let file = format!("<code>{}</code>", escape(file));
        let place = match problem.at {
            Some((line, column)) => {
                // The pattern is the catalogue's (trusted, but escaped all the same); the file
                // is put in after escaping so its <code> survives.
                let pattern = escape(catalog.get("serve.at"));
                crate::i18n::fill(
                    &pattern,
                    &[
                        ("file", &file),
                        ("line", &line.to_string()),
                        ("column", &column.to_string()),
                    ],
                )
            }
            None => file,
        };
        out.push_str(": ");
        out.push_str(&place);
    }
    if let Some(code) = &problem.code {
        out.push_str(&format!(" <code>{}</code>", escape(code)));
    }
    out.push_str("</p>\n");
    out.push_str(&format!(
        "<p class=\"sok-overlay__message\">{}</p>\n",
        with_code(&problem.message)
    ));
    if let Some(help) = &problem.help {
        out.push_str(&format!(
            "<p class=\"sok-overlay__help\"><strong>{}</strong> {}</p>\n",
            escape(catalog.get("serve.help")),
            with_code(help)
        ));
    }
    out.push_str("</li>\n");
    out
}

/// `text` escaped, with `identifiers in backticks` (the style of every diagnostic) shown as
/// code. Unpaired backticks are left as they are.
fn with_code(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    if parts.len() % 2 == 0 {
        return escape(text);
    }
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{}</code>", escape(part)));
        } else {
            out.push_str(&escape(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn problem(message: &str) -> Problem {
        Problem {
            severity: Severity::Error,
            code: Some("sok::ref::unknown".into()),
            file: Some("standards/<a>.md".into()),
            at: Some((3, 7)),
            message: message.into(),
            help: Some("did you mean `shift-lead`?".into()),
        }
    }

    #[test]
    fn everything_is_escaped() {
        let html = render(
            &[problem("unknown owner `<script>alert(1)</script>` & \"x\"")],
            &Catalog::builtin(Language::En),
            false,
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<a>"), "{html}");
        assert!(
            html.contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code> &amp; &quot;x&quot;"),
            "{html}"
        );
        assert!(
            html.contains("<code>standards/&lt;a&gt;.md</code>, line 3, column 7"),
            "{html}"
        );
        assert!(
            html.contains("did you mean <code>shift-lead</code>?"),
            "{html}"
        );
    }

    #[test]
    fn it_speaks_the_handbook_language_and_is_a_labelled_region() {
        let html = render(&[problem("x")], &Catalog::builtin(Language::Pl), true);
        assert!(html.contains("role=\"region\""), "{html}");
        assert!(
            html.contains("aria-labelledby=\"sok-overlay-title\""),
            "{html}"
        );
        assert!(html.contains("<h2 id=\"sok-overlay-title\">W podręczniku są błędy</h2>"));
        assert!(html.contains("wiersz 3, kolumna 7"), "{html}");
        assert!(html.contains("Problemy: 1"), "{html}");
        assert!(html.contains("lang=\"pl\""), "{html}");
    }

    #[test]
    fn the_lint_summary_is_a_status_in_the_handbook_language() {
        let html = lint(
            "lint: 2 warnings in 1 file — run `sok lint` for details <b>",
            &Catalog::builtin(Language::Ru),
        );
        assert!(html.contains("id=\"sok-lint\" role=\"status\""), "{html}");
        assert!(html.contains("aria-label=\"Проверка стиля\""), "{html}");
        assert!(
            html.contains("run <code>sok lint</code> for details &lt;b&gt;"),
            "{html}"
        );
    }

    #[test]
    fn an_unpaired_backtick_is_plain_text() {
        assert_eq!(with_code("a `b` c"), "a <code>b</code> c");
        assert_eq!(with_code("a ` b"), "a ` b");
    }
}
