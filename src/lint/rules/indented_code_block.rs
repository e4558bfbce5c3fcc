//! `indented-code-block`: prose indented by a tab or four spaces, which Markdown shows as code.

use pulldown_cmark::{CodeBlockKind, Event, Tag};

use crate::lint::{Finding, LintContext, Rule};
use crate::model::Level;

pub(crate) static RULE: Rule = Rule {
    name: "indented-code-block",
    summary: "a line indented by a tab or 4 spaces that the handbook shows as code",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports the first line of every indented code block in a prose field: a Markdown body (the
text after a `.md` file's front matter), `text`, `description`, `instruction`, `procedure`,
`trigger`, a term's `definition` and `not`. Markdown reads a paragraph whose lines start with
a tab or with four or more spaces (outside a list) as a code block. Fenced code blocks
(```` ``` ````) are written on purpose and are not reported.

## Why is this bad?
Indentation that looks tidy in an editor, or that an editor added on its own, turns the
standard's text into a grey box in a fixed-width font, without line wrapping, links or
emphasis: on a phone the rule runs off the screen, and nothing warns the author.

## Example
```markdown
	We answer every call within 20 seconds.
```

Use instead:
```markdown
We answer every call within 20 seconds.
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let mut out = Vec::new();
    for field in cx.text_fields() {
        if !field.prose {
            continue;
        }
        let text = field.text.as_str();
        for (event, range) in crate::markdown::parser(text).into_offset_iter() {
            if !matches!(event, Event::Start(Tag::CodeBlock(CodeBlockKind::Indented))) {
                continue;
            }
            let line = first_line(text, range.start);
            let indent = &text[line.clone()];
            let indent = &indent[..indent.len() - indent.trim_start().len()];
            let how = if indent.contains('\t') {
                "a tab"
            } else {
                "4 or more spaces"
            };
            out.push(
                Finding::new(
                    field.text.span_of(line),
                    "this text will show as code, not as a paragraph",
                )
                .label(format!("indented by {how}"))
                .help("remove the indentation at the start of the line; for code on purpose, fence it with ```")
                .allowed_by(field.lint_allow),
            );
        }
    }
    out
}

/// The line that holds byte `at` of `text`, without its line break.
fn first_line(text: &str, at: usize) -> std::ops::Range<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[start..]
        .find(['\n', '\r'])
        .map_or(text.len(), |i| start + i);
    start..end
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_whole_line_is_taken() {
        let text = "a\n\tb c\nd";
        assert_eq!(&text[super::first_line(text, 3)], "\tb c");
        assert_eq!(&text[super::first_line(text, 0)], "a");
    }
}
