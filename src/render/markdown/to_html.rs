//! Markdown → sanitized HTML for the site and print.html.
//!
//! The events come from [`events::prepare`] (raw HTML already reduced to text, links
//! already rewritten); ammonia then cleans the HTML pulldown-cmark wrote, as a second line of
//! defence, and tables get a focusable scrolling wrapper so wide tables work on phones.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::events::{self, Links, TextCtx};

/// ammonia's default allow-list of HTML tags (no `script`, `style`, `iframe`, `form`; no SVG or
/// MathML, whose elements carry scripts, styles and links of their own) with the few
/// attributes sok writes: `id`, `class`, a cell's `text-align`, `ol start`, and URLs of four
/// schemes only (docs/security.md).
fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_generic_attributes(["id", "class"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"])
            .add_tag_attributes("ol", ["start"])
            .url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
            .link_rel(None)
            .attribute_filter(|element, attribute, value| match (element, attribute) {
                ("th" | "td", "style") => {
                    let ok = [
                        "text-align: left",
                        "text-align: center",
                        "text-align: right",
                    ]
                    .contains(&value.trim());
                    ok.then(|| value.into())
                }
                _ => Some(value.into()),
            });
        builder
    })
}

/// Cleans HTML written by sok itself from trusted events (second line of defence).
pub(crate) fn sanitize(html: &str) -> String {
    cleaner().clean(html).to_string()
}

/// Renders `text` as HTML: a block (paragraphs, lists...) or, for `ctx.inline`, a phrase.
pub(crate) fn render(
    text: &str,
    ctx: TextCtx<'_>,
    linker: &dyn Links,
    table_label: &str,
) -> String {
    let events = events::prepare(text, ctx, linker);
    let mut html = String::with_capacity(text.len() + text.len() / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    let clean = sanitize(&html);
    if clean.contains("<table>") {
        let open = format!(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table>",
            escape_attr(table_label)
        );
        clean
            .replace("<table>", &open)
            .replace("</table>", "</table></div>")
    } else if ctx.inline {
        clean.trim().to_string()
    } else {
        clean
    }
}

/// Escapes text for an HTML attribute or element. Most texts need nothing escaped, and the
/// runs between the characters that do are copied whole.
pub(crate) fn escape_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for (at, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[from..at]);
        out.push_str(entity);
        from = at + 1;
    }
    out.push_str(&text[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn escaping_copies_runs_as_escaping_each_character_would(text in "[a-zśжč&<>\"' ]{0,40}") {
            let naive: String = text
                .chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    c => c.to_string(),
                })
                .collect();
            proptest::prop_assert_eq!(escape_attr(&text), naive);
        }
    }
    use crate::render::address::linker::{Linker, Mode, Targets};

    fn html(text: &str, inline: bool) -> String {
        let targets = Targets::default();
        let linker = Linker {
            targets: &targets,
            mode: Mode::Page { depth: 1 },
        };
        let ctx = TextCtx {
            from: "standards/x.md",
            prefix: "",
            level: 1,
            inline,
            links: true,
        };
        render(text, ctx, &linker, "Tabela")
    }

    #[test]
    fn nothing_executable_survives() {
        let payloads = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[x](javascript:alert(1))",
            "<iframe src=\"https://evil\"></iframe>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "[y](JaVaScRiPt:alert(1))",
            "<svg onload=alert(1)>",
            "![i](javascript:alert(1))",
        ];
        for payload in payloads {
            for inline in [true, false] {
                let out = html(payload, inline).to_lowercase();
                for bad in [
                    "<script",
                    "onerror",
                    "javascript:",
                    "<iframe",
                    "onload",
                    "<svg",
                ] {
                    assert!(!out.contains(bad), "{payload} gave {out}");
                }
            }
        }
    }

    #[test]
    fn headings_shift_and_tables_scroll() {
        let out = html("# A\n\n## B\n\n| a | b |\n|---|--:|\n| 1 | 2 |", false);
        assert!(out.contains("<h2 id=\"a\">A</h2>"), "{out}");
        assert!(out.contains("<h3 id=\"b\">B</h3>"), "{out}");
        assert!(out.contains("class=\"table-wrap\""), "{out}");
        assert!(out.contains("style=\"text-align: right\""), "{out}");
        assert_eq!(
            html("1. Szacunek *dla* klienta", true),
            "1. Szacunek <em>dla</em> klienta"
        );
    }
}
