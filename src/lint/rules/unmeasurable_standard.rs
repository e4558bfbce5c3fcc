//! `unmeasurable-standard`: an active standard without a `[measure]`.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Level, Status};

pub(crate) static RULE: Rule = Rule {
    name: "unmeasurable-standard",
    summary: "an active standard without a measure",
    default_level: Level::Error,
    docs: r#"## What it does
Reports an active standard (`status = "active"`, the default) that has no `[measure]` table.

## Why is this bad?
The method asks for standards that are measurable, specific and time-bound. A standard
without a measure cannot be checked by a mystery shopper, a report or a manager, so nobody
can tell whether it is kept. Every standard can be measured by something: a time, a rate, a
score, or an audit result (`audit_score`) from a control such as a mystery shopper.

This rule is an error by default: it is certain (no guessing from wording), and it is the
core of the method.

## Example
```toml
title = "We answer the phone quickly"
owner = "shift-lead"
```

Use instead:
```toml
title = "We answer the phone within 2 minutes"
owner = "shift-lead"

[measure]
metric = "answer_time"
max = "2 min"
share = 90
period = "month"
```

A standard that is still being written can be `status = "draft"`."#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    cx.handbook
        .standards
        .iter()
        .filter(|s| s.status.value == Status::Active && s.measure.is_none())
        .map(|s| {
            Finding::new(
                s.title.span,
                format!("active standard `{}` has no measure", s.meta.id.value),
            )
            .label("nothing here says how to check it")
            .help("add a `[measure]` table with a `metric` and a bound (`max` or `min`), or set `status = \"draft\"`")
            .allowed_by(&s.meta.lint_allow)
        })
        .collect()
}
