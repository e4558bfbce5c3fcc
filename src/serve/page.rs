//! The HTML that only the live server adds: the live script and the overlay, put into every
//! served page just before `</body>`, and the two pages the site itself does not have (no
//! page at this address; nothing built yet). The built site stays exactly what `sok build`
//! writes; these additions exist only on the way out of the server.

use super::state::Snapshot;
use crate::render::markdown::to_html::escape_attr as escape;

/// The live script (`templates/serve/live.js`), served at [`SCRIPT_PATH`].
pub(crate) const SCRIPT: &str = include_str!("../../templates/serve/live.js");
/// The overlay's stylesheet (`templates/serve/overlay.css`), served at [`STYLE_PATH`].
pub(crate) const STYLE: &str = include_str!("../../templates/serve/overlay.css");

pub(crate) const SCRIPT_PATH: &str = "/__sok/live.js";
pub(crate) const STYLE_PATH: &str = "/__sok/overlay.css";
pub(crate) const EVENTS_PATH: &str = "/__sok/events";

/// `html`, the page at `key`, with the overlay (when the latest build has errors), the lint
/// summary (when it found something) and the live script before its last `</body>` (at the end when it has none).
pub(crate) fn inject(html: &[u8], key: &str, snapshot: &Snapshot) -> Vec<u8> {
    let addition = addition(key, snapshot);
    let at = rfind_ignore_case(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + addition.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(addition.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn addition(key: &str, snapshot: &Snapshot) -> String {
    let mut out = String::new();
    if snapshot.overlay.is_some() || snapshot.lint.is_some() {
        out.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{STYLE_PATH}\">\n"
        ));
    }
    for html in [&snapshot.overlay, &snapshot.lint].into_iter().flatten() {
        out.push_str(html);
    }
    out.push_str(&format!(
        "<script src=\"{SCRIPT_PATH}\" data-version=\"{}\"></script>\n",
        snapshot.version(key)
    ));
    out
}

/// The page for the address `path` (the page `key`) that has no page, in the handbook's
/// language.
pub(crate) fn not_found(path: &str, key: &str, snapshot: &Snapshot) -> Vec<u8> {
    let cat = &snapshot.catalog;
    let title = escape(cat.get("serve.not_found_title"));
    let text = escape(&cat.fill("serve.not_found", &[("path", path)]));
    let home = escape(cat.get("serve.home"));
    let stylesheet = if snapshot.files.is_some() {
        "<link rel=\"stylesheet\" href=\"/static/sok.css\">\n"
    } else {
        ""
    };
    let body = format!(
        "<main id=\"main\" class=\"not-found\">\n<h1>{title}</h1>\n<p>{text}</p>\n\
         <p><a href=\"/\">{home}</a></p>\n</main>\n"
    );
    let page = document(&title, stylesheet, &body, snapshot);
    inject(page.as_bytes(), key, snapshot)
}

/// The page served at every address while no build has succeeded: the overlay alone.
pub(crate) fn overlay_only(key: &str, snapshot: &Snapshot) -> Vec<u8> {
    let title = escape(snapshot.catalog.get("serve.title"));
    inject(document(&title, "", "", snapshot).as_bytes(), key, snapshot)
}

fn document(title: &str, head: &str, body: &str, snapshot: &Snapshot) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n{head}</head>\n<body>\n{body}</body>\n</html>\n",
        snapshot.catalog.language.keyword()
    )
}

fn rfind_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len())
        .rev()
        .find(|&i| haystack[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::i18n::Catalog;
    use crate::model::Language;
    use crate::serve::state::State;

    fn snapshot(overlay: Option<&str>) -> Arc<Snapshot> {
        let state = State::new(Catalog::builtin(Language::Sl));
        match overlay {
            Some(_) => state.publish_problems(&[], Catalog::builtin(Language::Sl)),
            None => state.current(),
        }
    }

    #[test]
    fn the_script_goes_before_the_last_body_end() {
        let page = b"<html><body><p>a</p></BODY></html>";
        let plain = snapshot(None);
        let out = String::from_utf8(inject(page, "a.html", &plain)).unwrap();
        let version = plain.version("a.html");
        assert_eq!(
            out,
            format!(
                "<html><body><p>a</p><script src=\"/__sok/live.js\" data-version=\"{version}\"></script>\n</BODY></html>"
            )
        );
        let broken = snapshot(Some(""));
        let out = String::from_utf8(inject(b"<p>no end", "a.html", &broken)).unwrap();
        assert!(
            out.starts_with(
                "<p>no end<link rel=\"stylesheet\" href=\"/__sok/overlay.css\">\n<section id=\"sok-overlay\""
            ),
            "{out}"
        );
        assert!(
            out.contains("</section>\n<script src=\"/__sok/live.js\" data-version=\""),
            "{out}"
        );
    }

    #[test]
    fn the_not_found_page_escapes_the_address_and_speaks_the_language() {
        let out = String::from_utf8(not_found("/<x>.html", "<x>.html", &snapshot(None))).unwrap();
        assert!(out.contains("<html lang=\"sl\">"), "{out}");
        assert!(
            out.contains("Na naslovu /&lt;x&gt;.html ni strani."),
            "{out}"
        );
        assert!(!out.contains("<x>"), "{out}");
    }
}
