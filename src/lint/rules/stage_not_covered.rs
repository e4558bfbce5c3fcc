//! `stage-not-covered`: a journey stage without a single step.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::Level;

pub(crate) static RULE: Rule = Rule {
    name: "stage-not-covered",
    summary: "a journey with no step in one of its stages",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports each stage of a journey (the handbook's `[journey].stages`, or the journey's own
`stages`) that none of the journey's steps belongs to. One finding per missing stage, at the
journey's name.

## Why is this bad?
The method maps the whole customer journey, from awareness to after the purchase, down to
small steps, each with one owner. A stage without steps is a part of the journey nobody
prepared for: often the post-purchase stage, where complaints and repeat purchases happen.

## Example
```toml
name = "Online order"

[[step]]
id = "checkout"
name = "The customer pays"
stage = "decision"
owner = "shop-team"
```

Use instead: add the missing steps, or narrow the journey to the stages it has:
```toml
name = "Online order"
stages = ["decision", "post-purchase"]

[[step]]
id = "checkout"
name = "The customer pays"
stage = "decision"
owner = "shop-team"

[[step]]
id = "follow-up"
name = "We ask how the flowers arrived"
stage = "post-purchase"
owner = "hotline"
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let mut out = Vec::new();
    for journey in &cx.handbook.journeys {
        for stage in cx.handbook.stages_of(journey) {
            if journey.steps.iter().any(|s| s.stage.value == stage) {
                continue;
            }
            let mut finding = Finding::new(
                journey.name.span,
                format!("journey `{}` has no step in stage `{stage}`", journey.meta.id.value),
            )
            .label(format!("nothing happens in `{stage}`"))
            .help(format!(
                "add a step with `stage = \"{stage}\"`, or list only the journey's stages in its `stages`"
            ))
            .allowed_by(&journey.meta.lint_allow);
            if let Some(own) = journey.stages.iter().flatten().find(|s| s.value == stage) {
                finding = finding.related(own.span, "listed here");
            }
            out.push(finding);
        }
    }
    out
}
