//! Markdown → Markdown for handbook.md, written for pandoc.
//!
//! The events come from [`events::prepare`] (raw HTML already reduced to text, links
//! rewritten to `#anchors` and `assets/`), and pulldown-cmark-to-cmark writes them back.
//! Pandoc reads more than CommonMark: `{=html}` raw attributes, `{onclick=...}` attributes,
//! `:::` divs, raw TeX and `$math$`. So every `{ } $ ^ @ \` in text, and a `:` that starts a
//! text, is written backslash-escaped; nothing a handbook author writes becomes raw output.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::events::{self, Links, TextCtx};

/// Renders `text` as pandoc-safe Markdown: a block, or for `ctx.inline` a one-line phrase.
pub(crate) fn render(text: &str, ctx: TextCtx<'_>, linker: &dyn Links) -> String {
    let mut events = heading_ids(pandoc_escapes(events::prepare(text, ctx, linker)));
    if ctx.inline {
        events.insert(0, Event::Start(Tag::Paragraph));
        events.push(Event::End(TagEnd::Paragraph));
    }
    let mut out = String::with_capacity(text.len() + 16);
    let options = pulldown_cmark_to_cmark::Options {
        list_token: '-',
        increment_ordered_list_bullets: true,
        ..Default::default()
    };
    let written = pulldown_cmark_to_cmark::cmark_with_options(
        events.iter(),
        &mut out,
        crate::markdown::options(),
        options,
    );
    if written.is_err() {
        // The event stream is always well formed; fall back to escaped plain text anyway.
        return escape_plain(text);
    }
    if ctx.inline {
        out.trim().replace('\n', " ")
    } else {
        out.trim_end().to_string()
    }
}

/// Writes heading ids as `{#id}` itself, the style of handbook.md's own headings
/// (pulldown-cmark-to-cmark would write `{ #id }`).
fn heading_ids(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    let mut out = Vec::with_capacity(events.len());
    let mut ids = Vec::new();
    for event in events {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                ids.push(id);
                out.push(Event::Start(Tag::Heading {
                    level,
                    id: None,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(Some(id)) = ids.pop() {
                    out.push(Event::InlineHtml(format!(" {{#{id}}}").into()));
                }
                out.push(Event::End(TagEnd::Heading(level)));
            }
            other => out.push(other),
        }
    }
    out
}

fn pandoc_escapes(events: Vec<Event<'static>>) -> Vec<Event<'static>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_code = false;
    for event in events {
        match event {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                out.push(event);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push(event);
            }
            Event::Text(text) if !in_code => {
                let mut run = String::new();
                for (i, c) in text.char_indices() {
                    if matches!(c, '{' | '}' | '$' | '^' | '@' | '\\') || (c == ':' && i == 0) {
                        if !run.is_empty() {
                            out.push(Event::Text(std::mem::take(&mut run).into()));
                        }
                        out.push(Event::InlineHtml(format!("\\{c}").into()));
                    } else {
                        run.push(c);
                    }
                }
                if !run.is_empty() {
                    out.push(Event::Text(run.into()));
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Plain text for handbook.md: whitespace collapsed, and every character that Markdown or
/// pandoc could read as markup backslash-escaped (pandoc reads it literally).
pub(crate) fn escape_plain(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let digits = flat.bytes().take_while(u8::is_ascii_digit).count();
    let mut out = String::with_capacity(flat.len() + 8);
    for (i, c) in flat.char_indices() {
        let special = matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '|'
                | '~'
                | '^'
                | '$'
                | '@'
                | '&'
        );
        let leading = i == 0 && matches!(c, '-' | '+' | '=' | ':' | '%');
        let list_number = i == digits && digits > 0 && matches!(c, '.' | ')');
        if special || leading || list_number {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A YAML single-quoted scalar whose content pandoc reads as (escaped) Markdown.
pub(crate) fn yaml_string(text: &str) -> String {
    format!("'{}'", escape_plain(text).replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::address::linker::{Linker, Mode, Targets};

    fn md(text: &str, inline: bool) -> String {
        let targets = Targets::default();
        let linker = Linker {
            targets: &targets,
            mode: Mode::Single,
        };
        let ctx = TextCtx {
            from: "standards/x.md",
            prefix: "standard-x--",
            level: 2,
            inline,
            links: true,
        };
        render(text, ctx, &linker)
    }

    #[test]
    fn nothing_raw_reaches_pandoc() {
        let cases = [
            ("<script>alert(1)</script>", "<script"),
            ("a <img src=x onerror=alert(1)> b", "onerror"),
            ("[x](javascript:alert(1))", "javascript:"),
            ("<iframe src=x></iframe>", "<iframe"),
            ("`<b>`{=html}", "{=html}"),
            ("::: {onclick=\"alert(1)\"}\ndiv\n:::", "{onclick"),
            ("\\input{/etc/passwd}", "{/etc"),
            ("[x](https://e.com){onclick=alert(1)}", "{onclick"),
            ("$x$ and ^sup^", "$x"),
        ];
        for (payload, bad) in cases {
            for inline in [true, false] {
                let out = md(payload, inline);
                let raw = out
                    .match_indices(bad)
                    .any(|(i, _)| !out[..i].ends_with('\\'));
                assert!(!raw, "{payload:?} gave {out:?}");
            }
        }
    }

    #[test]
    fn headings_get_ids_and_sit_below_the_entity() {
        let out = md("## Procedura\n\nTekst *ważny*.\n\n- a\n- b", false);
        assert!(
            out.starts_with("### Procedura {#standard-x--procedura}\n"),
            "{out}"
        );
        assert!(out.contains("Tekst *ważny*."), "{out}");
        assert!(out.contains("- a\n- b"), "{out}");
        assert_eq!(yaml_string("Kwiatek's <b>"), "'Kwiatek''s \\<b\\>'");
        assert_eq!(escape_plain("1. maja, 90 %"), "1\\. maja, 90 %");
    }
}
