//! The view models the templates draw (documented in docs/templates.md): what one page or
//! the whole document shows, with every text already rendered and sanitized and every
//! reference already a link. `context` is the renderer's view of one page; `lookups` holds
//! the reverse relations, computed once; `entities` and `structure` build the views of
//! single entities and of what connects them; `card` a role's pocket card; `tags` the tags
//! of an entity and the tag index; `document` puts everything in the method's order for
//! print.html and handbook.md, and `parts` cuts that document into pieces drawn one by one.

pub(crate) mod card;
pub(crate) mod context;
pub(crate) mod document;
pub(crate) mod entities;
pub(crate) mod format;
pub(crate) mod lookups;
pub(crate) mod memo;
pub(crate) mod parts;
pub(crate) mod structure;
pub(crate) mod tags;
