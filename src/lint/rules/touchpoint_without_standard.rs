//! `touchpoint-without-standard`: a touchpoint no active standard applies to.

use std::collections::HashSet;

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Level, Status};

pub(crate) static RULE: Rule = Rule {
    name: "touchpoint-without-standard",
    summary: "a touchpoint that no active standard covers",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a touchpoint that no active standard covers. A standard covers a touchpoint when it
lists it in `touchpoints`, or through a journey step that lists the touchpoint and the
standard (the step's `standards`, or the standard's `steps`).

## Why is this bad?
Customers meet the company at every touchpoint, and they judge it by the worst one. A channel
without a standard (often the newest: a chat, a messenger, a marketplace) is served however
the person on duty sees fit, and nobody can tell whether it is served well.

## Example
```toml
[[touchpoint]]
id = "chat"
name = "Chat on the website"
channel = "chat"
owner = "hotline"
```
and no standard lists `chat`.

Use instead: write the standard for it:
```toml
title = "We answer on the chat within 1 minute"
owner = "hotline"
touchpoints = ["chat"]

[measure]
metric = "first_response_time"
max = "1 min"
share = 90
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let hb = cx.handbook;
    let active: Vec<_> = hb
        .standards
        .iter()
        .filter(|s| s.status.value == Status::Active)
        .collect();
    let mut covered: HashSet<&str> = active
        .iter()
        .flat_map(|s| s.touchpoints.iter().map(|t| t.value.as_str()))
        .collect();
    let active_ids: HashSet<&str> = active.iter().map(|s| s.meta.id.value.as_str()).collect();
    let steps_with_standard: HashSet<(&str, &str)> = active
        .iter()
        .flat_map(|s| {
            s.steps
                .iter()
                .map(|r| (r.journey.as_str(), r.step.as_str()))
        })
        .collect();
    for journey in &hb.journeys {
        for step in &journey.steps {
            let applies = step
                .standards
                .iter()
                .any(|s| active_ids.contains(s.value.as_str()))
                || steps_with_standard
                    .contains(&(journey.meta.id.value.as_str(), step.id.value.as_str()));
            if applies {
                covered.extend(step.touchpoints.iter().map(|t| t.value.as_str()));
            }
        }
    }
    hb.touchpoints
        .iter()
        .filter(|t| !covered.contains(t.meta.id.value.as_str()))
        .map(|t| {
            Finding::new(
                t.name.span,
                format!("no active standard covers touchpoint `{}`", t.meta.id.value),
            )
            .label("customers meet us here without a standard")
            .help(format!(
                "list `{}` in an active standard's `touchpoints`, or in a step that lists a standard",
                t.meta.id.value
            ))
            .allowed_by(&t.meta.lint_allow)
        })
        .collect()
}
