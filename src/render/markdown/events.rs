//! One text field's Markdown, made safe and placed in the output, as a list of events that
//! both writers (HTML and handbook.md) consume.
//!
//! - raw HTML becomes its plain text (tags removed by ammonia, `<script>` content dropped);
//! - links and images are rewritten by the caller's [`Links`] (sok's addressing); one the
//!   caller drops (a dangerous scheme, an unknown target, an image outside `assets/`) keeps
//!   its text or alt;
//! - body headings get stable ids (`prefix` + ASCII slug) and are shifted below the entity's
//!   own heading; footnote labels get the same prefix, so ids stay unique in print.html;
//! - `inline` fields (titles, names, say phrases) lose every block wrapper;
//! - nesting and table padding are limited so the output stays linear in the input
//!   (see [`super::nesting`]).
//!
//! Nothing here knows where pages live: that is asked of [`Links`], so the Markdown
//! pipeline sits below the addressing and can be tested on its own.

use std::collections::HashSet;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::headings::ids_of;
use super::strip::strip_html;
use crate::values::slugify;

/// Where the links and images of a text point: the caller decides, the pipeline only asks.
pub(crate) trait Links {
    /// The href of a link to `url` found in the file `from`; `None` drops the link (its text
    /// stays). `own` holds the heading ids of the text itself, `prefix` their prefix.
    fn rewrite(&self, from: &str, url: &str, own: &HashSet<String>, prefix: &str)
    -> Option<String>;

    /// The `src` of an image in the file `from`; `None` keeps only its alt text.
    fn image(&self, from: &str, url: &str) -> Option<String>;
}

/// Where a text is rendered.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TextCtx<'a> {
    /// The root-relative path of the file the text was written in.
    pub from: &'a str,
    /// Prefix of heading and footnote ids.
    pub prefix: &'a str,
    /// The heading level of the entity the text belongs to; body headings start one below.
    pub level: u8,
    pub inline: bool,
    /// Whether links are kept; names shown inside a link of sok's own drop theirs (an
    /// `<a>` may not contain another).
    pub links: bool,
}

/// Escapes what would turn a one-line field into a block (`1. `, `# `, `- `...).
fn inline_source(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let digits = flat.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && matches!(flat.as_bytes().get(digits), Some(b'.' | b')')) {
        return format!("{}\\{}", &flat[..digits], &flat[digits..]);
    }
    let marker = |m: &str| {
        flat.strip_prefix(m)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    let block = ["#", "##", "###", "####", "#####", "######", "-", "+", "*"]
        .into_iter()
        .any(marker)
        || flat.starts_with('>')
        || flat.starts_with("```")
        || flat.starts_with("~~~");
    if block { format!("\\{flat}") } else { flat }
}

fn level_of(n: u8) -> HeadingLevel {
    match n {
        0 | 1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The element an inline HTML fragment opens whose content is never text for a reader
/// (`<script>alert(1)</script>` inside a sentence), if it is not closed in the fragment.
fn opens_raw_element(html: &str) -> Option<&'static str> {
    let lower = html.trim_start().to_ascii_lowercase();
    [
        "script", "style", "iframe", "object", "template", "textarea", "noscript",
    ]
    .into_iter()
    .find(|tag| {
        lower
            .strip_prefix('<')
            .and_then(|rest| rest.strip_prefix(tag))
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
            && !lower.contains(&format!("</{tag}"))
    })
}

/// The events of `text`, safe and placed (see the module docs).
pub(crate) fn prepare(text: &str, ctx: TextCtx<'_>, linker: &dyn Links) -> Vec<Event<'static>> {
    prepare_source(text, ctx, linker, 0)
}

/// `depth` 1 is the plain text of a raw HTML block, read again as Markdown so that link
/// syntax in it goes through the same rewriting; any HTML left there is dropped.
fn prepare_source(
    text: &str,
    ctx: TextCtx<'_>,
    linker: &dyn Links,
    depth: u8,
) -> Vec<Event<'static>> {
    let source = if ctx.inline {
        inline_source(text)
    } else {
        text.to_string()
    };
    let events: Vec<Event<'_>> = crate::markdown::parser(&source).collect();
    let ids = ids_of(&events);
    let own: HashSet<String> = ids.iter().cloned().collect();
    let min_level = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as u8),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut out: Vec<Event<'static>> = Vec::with_capacity(events.len());
    let mut links: Vec<bool> = Vec::new();
    let mut heading = 0;
    let mut levels: Vec<HeadingLevel> = Vec::new();
    let mut html_block: Option<String> = None;
    let mut skip: Option<&'static str> = None;
    for event in events {
        if let Some(tag) = skip {
            match &event {
                Event::InlineHtml(html) => {
                    if html.to_ascii_lowercase().contains(&format!("</{tag}")) {
                        skip = None;
                    }
                    continue;
                }
                Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => continue,
                _ => skip = None,
            }
        }
        match event {
            Event::Start(Tag::HtmlBlock) => html_block = Some(String::new()),
            Event::Html(html) => {
                if let Some(block) = &mut html_block {
                    block.push_str(&html);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                let plain = strip_html(&html_block.take().unwrap_or_default());
                if depth == 0 && !plain.trim().is_empty() {
                    let inner = TextCtx {
                        inline: true,
                        ..ctx
                    };
                    let events = prepare_source(&plain, inner, linker, depth + 1);
                    if ctx.inline {
                        out.push(Event::Text(" ".into()));
                        out.extend(events);
                    } else {
                        out.push(Event::Start(Tag::Paragraph));
                        out.extend(events);
                        out.push(Event::End(TagEnd::Paragraph));
                    }
                }
            }
            Event::InlineHtml(html) => {
                skip = opens_raw_element(&html);
                let plain = strip_html(&html);
                if depth == 0 && !plain.trim().is_empty() {
                    out.push(Event::Text(plain.into()));
                }
            }
            Event::Start(Tag::Heading { level, .. }) if !ctx.inline => {
                let shifted = (level as u8).saturating_sub(min_level) + ctx.level + 1;
                let id = ids
                    .get(heading)
                    .map_or_else(String::new, |i| format!("{}{i}", ctx.prefix));
                heading += 1;
                levels.push(level_of(shifted));
                out.push(Event::Start(Tag::Heading {
                    level: level_of(shifted),
                    id: Some(id.into()),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(_)) if !ctx.inline => {
                let level = levels.pop().unwrap_or(HeadingLevel::H6);
                out.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let href = if !ctx.links {
                    None
                } else if link_type == LinkType::Email {
                    Some(format!("mailto:{dest_url}"))
                } else {
                    linker.rewrite(ctx.from, &dest_url, &own, ctx.prefix)
                };
                links.push(href.is_some());
                if let Some(href) = href {
                    out.push(Event::Start(Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url: href.into(),
                        title: title.into_static(),
                        id: "".into(),
                    }));
                }
            }
            Event::End(TagEnd::Link) => {
                if links.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Link));
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let href = linker.image(ctx.from, &dest_url);
                links.push(href.is_some());
                if let Some(href) = href {
                    out.push(Event::Start(Tag::Image {
                        link_type: LinkType::Inline,
                        dest_url: href.into(),
                        title: title.into_static(),
                        id: "".into(),
                    }));
                }
            }
            Event::End(TagEnd::Image) => {
                if links.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Image));
                }
            }
            Event::FootnoteReference(label) => {
                out.push(Event::FootnoteReference(
                    format!("{}fn-{}", ctx.prefix, slugify(&label)).into(),
                ));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                out.push(Event::Start(Tag::FootnoteDefinition(
                    format!("{}fn-{}", ctx.prefix, slugify(&label)).into(),
                )));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let lang: String = info
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || "_+-".contains(*c))
                    .collect();
                out.push(Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(
                    lang.into(),
                ))));
            }
            Event::Start(tag) if ctx.inline => {
                if matches!(tag, Tag::Emphasis | Tag::Strong | Tag::Strikethrough) {
                    out.push(Event::Start(tag.into_static()));
                }
            }
            Event::End(tag) if ctx.inline => {
                if matches!(
                    tag,
                    TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough
                ) {
                    out.push(Event::End(tag));
                }
            }
            Event::SoftBreak | Event::HardBreak if ctx.inline => out.push(Event::Text(" ".into())),
            other => out.push(other.into_static()),
        }
    }
    super::nesting::limit(drop_empty_paragraphs(out), source.len())
}

fn drop_empty_paragraphs(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    let mut out: Vec<Event<'static>> = Vec::with_capacity(events.len());
    for event in events {
        if matches!(event, Event::End(TagEnd::Paragraph))
            && matches!(out.last(), Some(Event::Start(Tag::Paragraph)))
        {
            out.pop();
            continue;
        }
        out.push(event);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_becomes_text() {
        assert_eq!(strip_html("<script>alert(1)</script>"), "");
        assert_eq!(
            strip_html("<b onclick=\"x\">bold &amp; safe</b>"),
            "bold & safe"
        );
        assert_eq!(strip_html("<img src=x onerror=alert(1)>"), "");
    }

    #[test]
    fn inline_fields_stay_inline() {
        assert_eq!(inline_source("1. Szacunek"), "1\\. Szacunek");
        assert_eq!(
            inline_source("# Tytuł\nz nową linią"),
            "\\# Tytuł z nową linią"
        );
    }
}
