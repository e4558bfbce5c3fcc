//! Where everything lives in the output and how one place links to another: what a link
//! can point at (`target`), the pages of the site (`layout`) and the hrefs between them
//! (`linker`). Every link of every output is written here, so the site, print.html and
//! handbook.md can never disagree.

pub(crate) mod layout;
pub(crate) mod linker;
pub(crate) mod target;
