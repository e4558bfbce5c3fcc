//! Raw HTML in a text reduced to its plain text: tags removed, the content of elements that
//! are never text for a reader dropped. Ammonia does it for ordinary fragments; a fragment
//! with thousands of tags is reduced by a plain scan first, since html5ever's tree builder
//! looks through the stack of open elements at each tag, which is quadratic for `<div>`
//! nested ten thousand deep.

use std::borrow::Cow;

/// Elements whose content is dropped with them.
const CONTENT_TAGS: [&str; 5] = ["script", "style", "iframe", "object", "template"];

/// More tags than this and the fragment is scanned without html5ever.
const MAX_PARSED_TAGS: usize = 1_000;

/// Plain text of an HTML fragment: tags removed, `<script>`/`<style>` content dropped.
pub(crate) fn strip_html(html: &str) -> String {
    let html = match html.matches('<').count() > MAX_PARSED_TAGS {
        true => Cow::Owned(drop_tags(html)),
        false => Cow::Borrowed(html),
    };
    let clean = ammonia::Builder::empty()
        .clean_content_tags(CONTENT_TAGS.into())
        .clean(&html)
        .to_string();
    clean
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// The fragment without its tags and comments, and without the content of `CONTENT_TAGS`
/// up to their first closing tag; a `<` that starts no tag stays. Linear in its length.
fn drop_tags(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let open = at + found;
        out.push_str(&html[at..open]);
        let rest = &lower[open + 1..];
        if let Some(comment) = rest.strip_prefix("!--") {
            at = comment
                .find("-->")
                .map_or(html.len(), |end| open + 4 + end + 3);
        } else if rest.starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c)) {
            let name: String = rest
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            at = tag_end(bytes, open + 1);
            if CONTENT_TAGS.contains(&name.as_str()) {
                let close = format!("</{name}");
                at = lower[at..]
                    .find(&close)
                    .map_or(html.len(), |end| tag_end(bytes, at + end + 1));
            }
        } else {
            out.push('<');
            at = open + 1;
        }
    }
    out.push_str(&html[at..]);
    out
}

/// Just past the `>` that ends the tag whose name starts at `from`, outside quotes.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return from + i + 1,
            None => {}
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fragment_with_thousands_of_tags_gives_the_text_ammonia_gives() {
        let fragment = "<p class=\"a>b\">Hi &amp; <b>there</b> 1 < 2</p>\
                        <script>x</script><!-- note --><STYLE>p{}</STYLE><br/>";
        let one = strip_html(fragment);
        assert_eq!(one, "Hi & there 1 < 2");
        let many = fragment.repeat(MAX_PARSED_TAGS / 4);
        assert!(many.matches('<').count() > MAX_PARSED_TAGS);
        assert_eq!(strip_html(&many), one.repeat(MAX_PARSED_TAGS / 4));
    }

    #[test]
    fn deep_nesting_reaches_html5ever_without_tags() {
        for n in [10_000, 40_000] {
            let deep = format!("{}text{}", "<div>".repeat(n), "</div>".repeat(n));
            assert_eq!(drop_tags(&deep), "text");
            assert_eq!(strip_html(&deep), "text");
        }
    }
}
