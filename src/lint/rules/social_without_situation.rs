//! `social-without-situation`: a social-media touchpoint with no prepared difficult situation.

use std::collections::HashSet;

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Channel, Level};

pub(crate) static RULE: Rule = Rule {
    name: "social-without-situation",
    summary: "a social-media touchpoint that no situation lists",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a touchpoint with `channel = "social"` that no situation lists in its `touchpoints`.

## Why is this bad?
Social media is where difficult situations happen in public: a bad review, an angry thread, a
hater. The method prepares a response for them before they happen (who answers, how fast,
what to say and what never to say), because a public answer written in a hurry is the one
that gets shared.

## Example
```toml
[[touchpoint]]
id = "instagram"
name = "Instagram profile"
channel = "social"
owner = "social-media"
```
and no situation lists `instagram`.

Use instead:
```toml
name = "A negative comment on social media"
owner = "social-media"
touchpoints = ["instagram"]
respond_within = "1 h"
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let listed: HashSet<&str> = cx
        .handbook
        .situations
        .iter()
        .flat_map(|s| s.touchpoints.iter().map(|t| t.value.as_str()))
        .collect();
    cx.handbook
        .touchpoints
        .iter()
        .filter(|t| {
            t.channel.value == Channel::Social && !listed.contains(t.meta.id.value.as_str())
        })
        .map(|t| {
            Finding::new(
                t.channel.span,
                format!(
                    "no situation prepares for trouble on social touchpoint `{}`",
                    t.meta.id.value
                ),
            )
            .label("a social channel without a difficult situation")
            .help(format!(
                "write a situation (a bad review, a hater) that lists `{}` in its `touchpoints`",
                t.meta.id.value
            ))
            .allowed_by(&t.meta.lint_allow)
        })
        .collect()
}
