//! Where a link or image in Markdown points (FORMAT.md §7): relative to the file that holds
//! it, as on a git hosting site. Validation reports bad targets; the renderer rewrites good
//! ones, so both share this one classification.

use std::ops::Range;

use pulldown_cmark::{Event, Tag};

/// What a link destination refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LinkTarget {
    /// A URL with a scheme (`https:`, `mailto:`...) or `//host`.
    External,
    /// `#fragment` within the same page.
    Fragment,
    /// A file inside the handbook: its root-relative path and the `#fragment`, if any.
    File {
        path: String,
        fragment: Option<String>,
    },
    /// A relative path that climbs out of the handbook root.
    OutsideRoot,
}

pub(crate) fn classify(from_file: &str, url: &str) -> LinkTarget {
    let url = url.trim();
    if url.is_empty() {
        return LinkTarget::Fragment;
    }
    if url.starts_with('#') {
        return LinkTarget::Fragment;
    }
    if url.starts_with("//") || has_scheme(url) {
        return LinkTarget::External;
    }
    let (path, fragment) = match url.split_once('#') {
        Some((p, f)) => (p, Some(f.to_string())),
        None => (url, None),
    };
    let path = path.split('?').next().unwrap_or("");
    let path = percent_decode(path);
    let mut parts: Vec<&str> = if path.starts_with('/') {
        Vec::new()
    } else {
        let mut dir: Vec<&str> = from_file.split('/').collect();
        dir.pop();
        dir
    };
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return LinkTarget::OutsideRoot;
                }
            }
            other => parts.push(other),
        }
    }
    LinkTarget::File {
        path: parts.join("/"),
        fragment,
    }
}

fn has_scheme(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _)) => {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
                && scheme.len() > 1
        }
        None => false,
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Some(b) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// A link or image found in Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Link {
    pub url: String,
    pub is_image: bool,
    /// Byte range of the destination in the text (the whole link if it cannot be found).
    pub range: Range<usize>,
}

/// Every link and image destination in `text`.
pub(crate) fn links_in(text: &str) -> Vec<Link> {
    let mut out = Vec::new();
    for (event, range) in crate::markdown::parser(text).into_offset_iter() {
        let (url, is_image) = match event {
            Event::Start(Tag::Link { dest_url, .. }) => (dest_url, false),
            Event::Start(Tag::Image { dest_url, .. }) => (dest_url, true),
            _ => continue,
        };
        let raw = &text[range.clone()];
        let range = match raw.rfind(url.as_ref()) {
            Some(at) if !url.is_empty() => range.start + at..range.start + at + url.len(),
            _ => range,
        };
        out.push(Link {
            url: url.to_string(),
            is_image,
            range,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_relative_to_the_file() {
        assert_eq!(
            classify("chapters/look.md", "../assets/logo.png"),
            LinkTarget::File {
                path: "assets/logo.png".into(),
                fragment: None
            }
        );
        assert_eq!(
            classify("chapters/look.md", "other.md#top"),
            LinkTarget::File {
                path: "chapters/other.md".into(),
                fragment: Some("top".into())
            }
        );
        assert_eq!(
            classify("chapters/look.md", "../../etc/passwd"),
            LinkTarget::OutsideRoot
        );
        assert_eq!(
            classify("chapters/look.md", "https://example.com"),
            LinkTarget::External
        );
        assert_eq!(
            classify("chapters/look.md", "javascript:alert(1)"),
            LinkTarget::External
        );
        assert_eq!(
            classify("chapters/look.md", "#section"),
            LinkTarget::Fragment
        );
        assert_eq!(
            classify("chapters/look.md", "/assets/a%20b.png"),
            LinkTarget::File {
                path: "assets/a b.png".into(),
                fragment: None
            }
        );
    }

    #[test]
    fn finds_destinations() {
        let text = "See ![logo](../assets/logo.png) and [x](https://e.com).";
        let links = links_in(text);
        assert_eq!(links.len(), 2);
        assert_eq!(&text[links[0].range.clone()], "../assets/logo.png");
        assert!(links[0].is_image);
    }
}
