//! What a text is written as: HTML for the site and print.html, Markdown for handbook.md.
//! Its own file because the view and the memo of rendered texts both key on it.

/// What text fields are written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Format {
    Html,
    Markdown,
}
