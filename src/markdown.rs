//! The one place that configures pulldown-cmark, so validation, lint and rendering read
//! Markdown the same way.

use pulldown_cmark::{Options, Parser};

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

pub(crate) fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, options())
}
