//! `long-sentence`: a sentence in prose longer than `max_sentence_words`.

use crate::lint::sentences::sentences;
use crate::lint::{Finding, LintContext, Rule};
use crate::model::Level;

pub(crate) static RULE: Rule = Rule {
    name: "long-sentence",
    summary: "a sentence longer than `max_sentence_words` (default 25) words",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a sentence with more words than `[lint].max_sentence_words` in `sok.toml` (default 25)
in a prose field: a Markdown body, `text`, `description`, `instruction`, `procedure`,
`trigger`, a term's `definition` and `not`. Markdown is read as text (markup, links and code
blocks do not count). A word is a run of characters between spaces that holds a letter or a
digit. A sentence ends at `.`, `!`, `?` or `…` before a space, and at the end of a paragraph,
list item, heading or table cell; a full stop after an abbreviation such as `np.`, `т.е.` or
`e.g.`, or before a lowercase word, does not end it.

## Why is this bad?
Standards are read by people at work, often in a hurry, and in a language that may not be
their first. The method asks for plain language: one instruction per sentence. A long
sentence hides conditions and exceptions that a reader skips.

## Example
```markdown
When a customer calls about an order that has not arrived and the courier's tracking shows
no update since yesterday, the consultant apologises, checks the order in the system, calls
the courier company and calls the customer back with the new delivery time.
```

Use instead:
```markdown
A customer calls about an order that has not arrived. Check the courier's tracking. If it has
not changed since yesterday, call the courier company. Call the customer back within 1 hour
with the new delivery time.
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let max = cx.max_sentence_words();
    let mut out = Vec::new();
    for field in cx.text_fields().into_iter().filter(|f| f.prose) {
        for sentence in sentences(&field.text.value) {
            if sentence.words <= max {
                continue;
            }
            out.push(
                Finding::new(
                    field.text.span_of(sentence.range),
                    format!("sentence of {} words, more than {max}", sentence.words),
                )
                .label(format!("{} words", sentence.words))
                .help("split it into shorter sentences, one instruction each")
                .allowed_by(field.lint_allow),
            );
        }
    }
    out
}
