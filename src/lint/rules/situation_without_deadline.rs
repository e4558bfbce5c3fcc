//! `situation-without-deadline`: a difficult situation with no time for the first response.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::Level;

pub(crate) static RULE: Rule = Rule {
    name: "situation-without-deadline",
    summary: "a situation without `respond_within`",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a situation that has no `respond_within`: no time by which the customer gets a first
response.

## Why is this bad?
Difficult situations (a complaint, a bad review, a hater) get worse with every hour of
silence. A prepared response without a deadline lets the answer wait for a quiet moment,
which in a difficult situation never comes.

## Example
```toml
name = "A negative review"
owner = "social-media"
```

Use instead:
```toml
name = "A negative review"
owner = "social-media"
respond_within = "2 h"
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    cx.handbook
        .situations
        .iter()
        .filter(|s| s.respond_within.is_none())
        .map(|s| {
            Finding::new(
                s.name.span,
                format!("situation `{}` has no response deadline", s.meta.id.value),
            )
            .label("no `respond_within`")
            .help("add `respond_within = \"1 h\"` (the time to the first response)")
            .allowed_by(&s.meta.lint_allow)
        })
        .collect()
}
