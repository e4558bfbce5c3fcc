//! Heading anchors and the in-page contents list, added to a page once it is rendered: the
//! headings that have ids come both from the templates and from the Markdown of several
//! fields, so the finished HTML is the one place that sees them all. Every `h2`/`h3` with an
//! id gets a `#` link to itself (shown on hover and focus, hidden on paper); an entity or
//! chapter page with two or more of them gets an "On this page" list after its header.

/// A heading with an id, as the contents list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Heading {
    level: u8,
    id: String,
    /// Its text, HTML-escaped, without markup.
    text: String,
}

/// The labels of a page's outline, in the handbook's language, escaped for HTML.
pub(crate) struct Labels<'a> {
    /// The accessible name of a heading's anchor ("Link to this section").
    pub anchor: &'a str,
    /// The title of the contents list, or `None` on a page that gets none.
    pub contents: Option<&'a str>,
}

/// `html` with anchors on its headings and, where `labels.contents` asks, a contents list.
/// Only the part from `<main` on is touched.
pub(crate) fn outline(html: &str, labels: &Labels<'_>) -> String {
    let Some(main) = html.find("<main") else {
        return html.to_string();
    };
    let mut out = String::with_capacity(html.len() + 1024);
    out.push_str(&html[..main]);
    let headings = add_anchors(&html[main..], labels.anchor, &mut out);
    match labels.contents {
        Some(title) if headings.len() >= 2 => insert_contents(&out, main, title, &headings),
        _ => out,
    }
}

/// A piece of a page's main part (print.html is written piece by piece) with anchors on its
/// headings, as [`outline`] puts them.
pub(crate) fn anchors(piece: &str, anchor: &str) -> String {
    let mut out = String::with_capacity(piece.len() + 256);
    add_anchors(piece, anchor, &mut out);
    out
}

/// Appends `html` to `out` with an anchor link in each heading that has an id; returns those
/// headings.
fn add_anchors(html: &str, anchor: &str, out: &mut String) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut rest = html;
    while let Some((heading, close)) = next_heading(rest) {
        out.push_str(&rest[..close]);
        out.push_str(&format!(
            "<a class=\"heading-anchor\" href=\"#{}\" aria-label=\"{}: {}\">#</a>",
            heading.id, anchor, heading.text
        ));
        headings.push(heading);
        rest = &rest[close..];
    }
    out.push_str(rest);
    headings
}

/// The next `<h2 id="…">` or `<h3 id="…">` in `html`, and where its closing tag starts.
fn next_heading(html: &str) -> Option<(Heading, usize)> {
    let mut from = 0;
    loop {
        let at = from + html[from..].find("<h")?;
        let tag = &html[at..];
        let level = match tag.as_bytes().get(2) {
            Some(b'2') => 2,
            Some(b'3') => 3,
            _ => {
                from = at + 2;
                continue;
            }
        };
        let Some(attrs) = tag.get(3..).filter(|t| t.starts_with(" id=\"")) else {
            from = at + 2;
            continue;
        };
        let id_end = attrs[5..].find('"')?;
        let id = attrs[5..5 + id_end].to_string();
        let open_end = at + 3 + attrs.find('>')? + 1;
        let close = open_end + html[open_end..].find(&format!("</h{level}>"))?;
        let text = text_of(&html[open_end..close]);
        return Some((Heading { level, id, text }, close));
    }
}

/// The text of a heading's HTML: tags dropped, spaces collapsed, `"` escaped for attributes.
fn text_of(inner: &str) -> String {
    let mut text = String::with_capacity(inner.len());
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            '"' if !in_tag => text.push_str("&quot;"),
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Puts the contents list after the page's entity header, or else after its `h1`.
fn insert_contents(html: &str, main: usize, title: &str, headings: &[Heading]) -> String {
    let body = &html[main..];
    let after = body
        .find("class=\"entity__header\"")
        .and_then(|h| {
            body[h..]
                .find("</header>")
                .map(|e| h + e + "</header>".len())
        })
        .or_else(|| body.find("</h1>").map(|e| e + "</h1>".len()));
    let Some(after) = after.map(|a| main + a) else {
        return html.to_string();
    };
    let mut list = format!(
        "\n<nav class=\"page-toc\" aria-labelledby=\"page-toc-title\"><p class=\"page-toc__title\" id=\"page-toc-title\">{title}</p><ul>"
    );
    for h in headings {
        let class = if h.level > 2 {
            " class=\"page-toc__sub\""
        } else {
            ""
        };
        list.push_str(&format!(
            "<li{class}><a href=\"#{}\">{}</a></li>",
            h.id, h.text
        ));
    }
    list.push_str("</ul></nav>");
    let mut out = String::with_capacity(html.len() + list.len());
    out.push_str(&html[..after]);
    out.push_str(&list);
    out.push_str(&html[after..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<header><h2 id=\"x\">Site</h2></header><main><article>\
        <header class=\"entity__header\"><h1>T</h1></header>\
        <div class=\"prose\"><h2 id=\"cel\">Cel <em>\"A\"</em></h2><p>x</p>\
        <h3 id=\"kroki\">Kroki</h3><h4 id=\"deep\">Deep</h4><h2>No id</h2></div></article></main>";

    #[test]
    fn headings_with_ids_get_anchors_and_a_contents_list() {
        let labels = Labels {
            anchor: "Link",
            contents: Some("On this page"),
        };
        let out = outline(PAGE, &labels);
        assert!(
            out.starts_with("<header><h2 id=\"x\">Site</h2></header>"),
            "{out}"
        );
        assert!(out.contains(
            "<h2 id=\"cel\">Cel <em>\"A\"</em><a class=\"heading-anchor\" href=\"#cel\" aria-label=\"Link: Cel &quot;A&quot;\">#</a></h2>"
        ), "{out}");
        assert!(out.contains("href=\"#kroki\" aria-label=\"Link: Kroki\">#</a></h3>"));
        assert!(!out.contains("href=\"#deep\""));
        assert!(out.contains(
            "</header>\n<nav class=\"page-toc\" aria-labelledby=\"page-toc-title\"><p class=\"page-toc__title\" id=\"page-toc-title\">On this page</p><ul><li><a href=\"#cel\">Cel &quot;A&quot;</a></li><li class=\"page-toc__sub\"><a href=\"#kroki\">Kroki</a></li></ul></nav><div class=\"prose\">"
        ), "{out}");
    }

    #[test]
    fn one_heading_or_no_label_gives_no_list() {
        let one = "<main><h1>T</h1><h2 id=\"a\">A</h2></main>";
        let labels = Labels {
            anchor: "Link",
            contents: Some("On this page"),
        };
        assert!(!outline(one, &labels).contains("page-toc"));
        let none = Labels {
            anchor: "Link",
            contents: None,
        };
        assert!(!outline(PAGE, &none).contains("page-toc"));
        assert_eq!(outline("<p>no main</p>", &labels), "<p>no main</p>");
    }
}
