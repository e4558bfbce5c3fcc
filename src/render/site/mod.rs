//! The static HTML site: every page rendered from its template in parallel (`pages`) and
//! the client-side search index (`search`).

pub mod pages;
pub mod search;
