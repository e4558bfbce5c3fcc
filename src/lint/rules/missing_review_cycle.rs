//! `missing-review-cycle`: the handbook never says when it is reviewed.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::Level;

pub(crate) static RULE: Rule = Rule {
    name: "missing-review-cycle",
    summary: "the handbook has no `review_every`",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a handbook whose `[handbook]` table in `sok.toml` has no `review_every`.

## Why is this bad?
Standards age: channels change, customers expect faster answers, and a rule nobody revisits
turns into a rule nobody follows. The method reviews the whole standard on a fixed cycle and
announces every change in writing; `review_every` states that cycle, and `review-overdue`
then tells when a review is late.

## Example
```toml
[handbook]
title = "Customer service standards"
language = "en"
version = "1.0.0"
```

Use instead:
```toml
[handbook]
title = "Customer service standards"
language = "en"
version = "1.0.0"
review_every = "6 months"
last_reviewed = 2026-02-10
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let Some(settings) = cx.settings() else {
        return Vec::new();
    };
    if settings.review_every.is_some() {
        return Vec::new();
    }
    vec![
        Finding::new(settings.anchor, "the handbook has no review cycle")
            .label("no `review_every` in `[handbook]`")
            .help("add `review_every = \"6 months\"` (or `\"1 year\"`) and `last_reviewed = YYYY-MM-DD`"),
    ]
}
