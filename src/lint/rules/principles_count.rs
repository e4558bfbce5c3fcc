//! `principles-count`: fewer than 10 or more than 20 principles.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::Level;

/// The range the method recommends.
const FEWEST: usize = 10;
const MOST: usize = 20;

pub(crate) static RULE: Rule = Rule {
    name: "principles-count",
    summary: "fewer than 10 or more than 20 principles",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a handbook with fewer than 10 or more than 20 `[[principle]]` entries, at the first
principle (or at `[handbook]` in `sok.toml` when there are none).

## Why is this bad?
The company's core principles are what staff fall back on when no standard fits. The method
keeps them between 10 and 20: fewer leave common situations without guidance, more are too
many to remember, so none of them is.

## Example
```toml
[[principle]]
title = "We keep our promises"

[[principle]]
title = "We speak plainly"
```
(2 principles)

Use instead: write the 10 to 20 principles your service stands on, one `[[principle]]` each,
or merge overlapping ones when there are more than 20."#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let principles = &cx.handbook.principles;
    let count = principles.len();
    if (FEWEST..=MOST).contains(&count) {
        return Vec::new();
    }
    let (span, allow) = match principles.first() {
        Some(first) => (first.meta.anchor, Some(&first.meta.lint_allow)),
        None => match cx.settings() {
            Some(settings) => (settings.anchor, None),
            None => return Vec::new(),
        },
    };
    let (message, help) = if count == 0 {
        (
            format!("the handbook has no principles; the method asks for {FEWEST} to {MOST}"),
            format!("write {FEWEST} to {MOST} principles, one `[[principle]]` each"),
        )
    } else if count < FEWEST {
        (
            format!("only {count} principles, fewer than {FEWEST}"),
            format!("write {FEWEST} to {MOST} principles, one `[[principle]]` each"),
        )
    } else {
        (
            format!("{count} principles, more than {MOST}"),
            "merge overlapping principles: more than 20 are too many to remember".to_string(),
        )
    };
    let finding = Finding::new(span, message)
        .label(format!("the method keeps {FEWEST} to {MOST}"))
        .help(help);
    vec![match allow {
        Some(list) => finding.allowed_by(list),
        None => finding,
    }]
}
