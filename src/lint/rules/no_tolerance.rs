//! `no-tolerance`: a per-event measure that every single event must meet.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Level, Status};

pub(crate) static RULE: Rule = Rule {
    name: "no-tolerance",
    summary: "a per-event measure whose share is 100%, stated or by default",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a measure of single events (a duration such as `answer_time`, or a custom metric with a
`share`) whose `share` is 100, either written or left out (the default is 100).

## Why is this bad?
No team answers every call within 2 minutes: a sick day or a storm of calls breaks a 100% rule
in the first week, and a rule that is always broken stops being read. The method recommends a
realistic floor, such as 90% of events in a month, and a separate rule for the rest.

## Example
```toml
[measure]
metric = "answer_time"
max = "2 min"
```

Use instead:
```toml
[measure]
metric = "answer_time"
max = "2 min"
share = 90
period = "month"
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let mut out = Vec::new();
    for standard in &cx.handbook.standards {
        let Some(measure) = &standard.measure else {
            continue;
        };
        if standard.status.value == Status::Retired
            || !measure.per_event
            || measure.effective_share() < 100.0
        {
            continue;
        }
        let finding = match &measure.share {
            Some(share) => Finding::new(
                share.span,
                format!(
                    "`{}` must hold for every single event",
                    measure.metric.value
                ),
            )
            .label("100% leaves no tolerance"),
            None => Finding::new(
                measure.span,
                format!(
                    "`{}` has no `share`, so it must hold for every single event",
                    measure.metric.value
                ),
            )
            .label("`share` defaults to 100"),
        };
        out.push(
            finding
                .help("state a realistic floor, such as `share = 90`, and handle the rest in a situation")
                .allowed_by(&standard.meta.lint_allow),
        );
    }
    out
}
