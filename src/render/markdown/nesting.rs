//! Limits on what one text's events can make the writers produce, so that both outputs stay
//! linear in the size of the input.
//!
//! - Containers nest at most [`MAX_BLOCK_DEPTH`] deep (block quotes and lists; a list's items
//!   go with it) and inline markup at most [`MAX_INLINE_DEPTH`] deep (emphasis, strong,
//!   strikethrough, links, images). A deeper container loses its Start and End events and
//!   keeps its content: pulldown-cmark-to-cmark writes one prefix per level on every line, so
//!   `'>' * 20000 + " x"` would otherwise become hundreds of megabytes of `handbook.md`, and
//!   deep `<blockquote>` nesting hurts browsers and validators. The text of a dropped list
//!   item becomes a paragraph of its own, so items do not run together.
//! - Empty cells at the end of a table's body row (pulldown-cmark fills short rows up to the
//!   header's width) are kept only while their total stays within the length of the source:
//!   a wide header over many one-character rows would otherwise multiply the output.

use pulldown_cmark::{Event, Tag, TagEnd};

/// The deepest nesting of block quotes and lists that is written.
pub(crate) const MAX_BLOCK_DEPTH: usize = 8;
/// The deepest nesting of emphasis, strong, strikethrough, links and images that is written.
pub(crate) const MAX_INLINE_DEPTH: usize = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Block,
    Item,
    Inline,
    Other,
}

fn role(tag: &Tag<'_>) -> Role {
    match tag {
        Tag::BlockQuote(_) | Tag::List(_) => Role::Block,
        Tag::Item => Role::Item,
        Tag::Emphasis
        | Tag::Strong
        | Tag::Strikethrough
        | Tag::Superscript
        | Tag::Subscript
        | Tag::Link { .. }
        | Tag::Image { .. } => Role::Inline,
        _ => Role::Other,
    }
}

/// Whether `event` is phrasing content (it belongs inside a paragraph).
fn is_inline(event: &Event<'_>) -> bool {
    match event {
        Event::Start(tag) => role(tag) == Role::Inline,
        Event::End(end) => matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Html(_) | Event::DisplayMath(_) | Event::Rule => false,
    }
}

/// Applies both limits (see the module docs); `source_len` is the length of the text.
pub(crate) fn limit(events: Vec<Event<'static>>, source_len: usize) -> Vec<Event<'static>> {
    trim_table_padding(cap_depth(events), source_len)
}

/// Drops the Start and End of containers nested deeper than the limits.
fn cap_depth(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    let mut out = Vec::with_capacity(events.len());
    // One entry per open tag: its role and whether its Start was written.
    let mut open: Vec<(Role, bool)> = Vec::new();
    let mut block = 0;
    let mut inline = 0;
    let mut paragraph = false;
    for event in events {
        if paragraph && !is_inline(&event) {
            out.push(Event::End(TagEnd::Paragraph));
            paragraph = false;
        }
        match event {
            Event::Start(tag) => {
                let role = role(&tag);
                let kept = match role {
                    Role::Block => block < MAX_BLOCK_DEPTH,
                    Role::Item => open.last().is_none_or(|(_, kept)| *kept),
                    Role::Inline => inline < MAX_INLINE_DEPTH,
                    Role::Other => true,
                };
                if role == Role::Inline {
                    open_paragraph(&open, &mut paragraph, &mut out);
                }
                match (role, kept) {
                    (Role::Block, true) => block += 1,
                    (Role::Inline, true) => inline += 1,
                    _ => {}
                }
                open.push((role, kept));
                if kept {
                    out.push(Event::Start(tag));
                }
            }
            Event::End(end) => match open.pop() {
                Some((role, kept)) => {
                    if kept {
                        match role {
                            Role::Block => block = block.saturating_sub(1),
                            Role::Inline => inline = inline.saturating_sub(1),
                            Role::Item | Role::Other => {}
                        }
                        out.push(Event::End(end));
                    }
                }
                None => out.push(Event::End(end)),
            },
            other => {
                if is_inline(&other) {
                    open_paragraph(&open, &mut paragraph, &mut out);
                }
                out.push(other);
            }
        }
    }
    if paragraph {
        out.push(Event::End(TagEnd::Paragraph));
    }
    out
}

/// Opens a paragraph for phrasing content that sits directly in a dropped list item.
fn open_paragraph(open: &[(Role, bool)], paragraph: &mut bool, out: &mut Vec<Event<'static>>) {
    if !*paragraph && open.last() == Some(&(Role::Item, false)) {
        out.push(Event::Start(Tag::Paragraph));
        *paragraph = true;
    }
}

/// Drops the empty cells at the end of body rows once their total passes `budget`.
fn trim_table_padding(events: Vec<Event<'static>>, budget: usize) -> Vec<Event<'static>> {
    let mut out: Vec<Event<'static>> = Vec::with_capacity(events.len());
    let mut used = 0;
    let mut row_start: Option<usize> = None;
    for event in events {
        match &event {
            Event::Start(Tag::TableRow) => row_start = Some(out.len()),
            Event::End(TagEnd::TableRow) => {
                if let Some(start) = row_start.take() {
                    let cells = (out.len() - start - 1) / 2;
                    let mut empty = 0;
                    while empty + 1 < cells
                        && matches!(
                            out.get(out.len() - 2 * empty - 2..out.len() - 2 * empty),
                            Some([Event::Start(Tag::TableCell), Event::End(TagEnd::TableCell)])
                        )
                    {
                        empty += 1;
                    }
                    if used + empty > budget {
                        out.truncate(out.len() - 2 * empty);
                    } else {
                        used += empty;
                    }
                }
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        let events: Vec<Event<'static>> = crate::markdown::parser(text)
            .map(Event::into_static)
            .collect();
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, limit(events, text.len()).into_iter());
        out
    }

    #[test]
    fn deep_block_quotes_are_capped() {
        let out = html(&format!("{} x", ">".repeat(1000)));
        assert_eq!(out.matches("<blockquote>").count(), MAX_BLOCK_DEPTH);
        assert_eq!(out.matches("</blockquote>").count(), MAX_BLOCK_DEPTH);
        assert!(out.contains("<p>x</p>"), "{out}");
    }

    #[test]
    fn deep_lists_keep_their_items_apart() {
        let items: String = (0..20)
            .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
            .collect();
        let out = html(&items);
        assert_eq!(out.matches("<ul>").count(), MAX_BLOCK_DEPTH);
        assert_eq!(out.matches("<li>").count(), MAX_BLOCK_DEPTH);
        assert_eq!(out.matches("</li>").count(), MAX_BLOCK_DEPTH);
        assert!(out.contains("<p>item 12</p>\n<p>item 13</p>"), "{out}");
        let out = html(&format!("{}x", "- ".repeat(1000)));
        assert_eq!(out.matches("<li>").count(), MAX_BLOCK_DEPTH, "{out}");
    }

    #[test]
    fn deep_emphasis_is_capped() {
        let out = html(&format!("{}x{}", "*".repeat(200), "*".repeat(200)));
        let tags = out.matches("<em>").count() + out.matches("<strong>").count();
        assert!(tags <= MAX_INLINE_DEPTH, "{out}");
        assert!(out.contains('x'), "{out}");
    }

    #[test]
    fn table_padding_stays_within_the_source_length() {
        let cols = 100;
        let mut text = format!("{}|\n{}|\n", "|h".repeat(cols), "|-".repeat(cols));
        text.push_str(&"x\n".repeat(500));
        let out = html(&text);
        assert!(
            out.len() < 20 * text.len(),
            "{} from {}",
            out.len(),
            text.len()
        );
        let small = html("| a | b | c |\n|---|---|---|\n| 1 |\n");
        assert_eq!(small.matches("<td>").count(), 3, "{small}");
    }
}
