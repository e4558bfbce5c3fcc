//! `unused-owner`: an owner nothing refers to.

use std::collections::HashSet;

use crate::lint::{Finding, LintContext, Rule};
use crate::model::Level;

pub(crate) static RULE: Rule = Rule {
    name: "unused-owner",
    summary: "an owner who is responsible for nothing",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports an owner that nothing refers to: not the handbook's `owner`, no touchpoint, journey,
step, situation or standard `owner`, no escalation's `to`, and nobody `reports_to` them.

## Why is this bad?
An owner is a role that answers for part of the service. A role that answers for nothing is
either left over from an old edition (and confuses readers looking for who is responsible) or
a sign that the steps it should own were never written.

## Example
```toml
[[owner]]
id = "night-shift"
name = "Night shift lead"
```
and no entity names `night-shift`.

Use instead: give the role its work, or remove it:
```toml
[[escalation]]
after = "30 min"
to = "night-shift"
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let hb = cx.handbook;
    let mut used: HashSet<&str> = HashSet::new();
    used.extend(
        cx.settings()
            .and_then(|s| s.owner.as_ref())
            .map(|o| o.value.as_str()),
    );
    used.extend(
        hb.owners
            .iter()
            .filter_map(|o| o.reports_to.as_ref())
            .map(|r| r.value.as_str()),
    );
    used.extend(hb.touchpoints.iter().map(|t| t.owner.value.as_str()));
    for journey in &hb.journeys {
        used.extend(journey.owner.as_ref().map(|o| o.value.as_str()));
        used.extend(journey.steps.iter().map(|s| s.owner.value.as_str()));
    }
    for situation in &hb.situations {
        used.insert(situation.owner.value.as_str());
        used.extend(situation.escalation.iter().map(|e| e.to.value.as_str()));
    }
    used.extend(hb.standards.iter().map(|s| s.owner.value.as_str()));
    hb.owners
        .iter()
        .filter(|o| !used.contains(o.meta.id.value.as_str()))
        .map(|o| {
            Finding::new(o.name.span, format!("owner `{}` is responsible for nothing", o.meta.id.value))
                .label("no entity names this owner")
                .help("make the role the `owner` of a step, touchpoint, situation or standard, or remove it")
                .allowed_by(&o.meta.lint_allow)
        })
        .collect()
}
