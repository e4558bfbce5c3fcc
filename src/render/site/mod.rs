//! The static HTML site: every page rendered from its template in parallel (`pages`) and
//! the client-side search index (`search`); `pager` links each page to the previous and
//! next in reading order; `outline` adds heading anchors and the in-page contents list;
//! `catalogue` cuts the standards catalogue into pages.

pub(crate) mod catalogue;
pub(crate) mod outline;
pub(crate) mod pager;
pub(crate) mod pages;
pub(crate) mod rows;
pub(crate) mod search;
mod search_words;
