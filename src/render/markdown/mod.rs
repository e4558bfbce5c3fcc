//! One text field's Markdown on its way into an output: parsed, sanitized and placed once
//! (`events`, with the heading ids of `headings` and raw HTML reduced to text by `strip`), kept linear in size (`nesting`), then
//! written as HTML (`to_html`) or as pandoc-safe Markdown (`to_markdown`). Both outputs
//! share the same events, so a text is made safe in one place whatever it becomes. Where
//! links point is asked of the caller ([`events::Links`]): this layer knows no addresses.

pub(crate) mod events;
pub(crate) mod headings;
pub(crate) mod nesting;
mod strip;
pub(crate) mod to_html;
pub(crate) mod to_markdown;
