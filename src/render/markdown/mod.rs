//! One text field's Markdown on its way into an output: parsed, sanitized and placed once
//! (`events`, with the heading ids of `headings`), kept linear in size (`nesting`), then
//! written as HTML (`to_html`) or as pandoc-safe Markdown (`to_markdown`). Both outputs
//! share the same events, so a text is made safe in one place whatever it becomes. Where
//! links point is asked of the caller ([`events::Links`]): this layer knows no addresses.

pub mod events;
pub mod headings;
pub mod nesting;
pub mod to_html;
pub mod to_markdown;
