//! The static HTML site: every page rendered from its template in parallel (`pages`) and
//! the client-side search index (`search`).

pub(crate) mod pages;
pub(crate) mod search;
mod search_words;
