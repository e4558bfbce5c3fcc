//! `situation-without-escalation`: a high or critical situation nobody escalates.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Level, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "situation-without-escalation",
    summary: "a high or critical situation with no escalation",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a situation with `severity = "high"` or `"critical"` that has no `[[escalation]]`.

## Why is this bad?
A serious situation that the first person cannot resolve needs someone with more authority,
and the handbook should say who and after how long. Without an escalation ladder, the
situation stays with whoever picked it up, however long it takes.

## Example
```toml
name = "A post about us goes viral"
owner = "social-media"
severity = "critical"
respond_within = "1 h"
```

Use instead:
```toml
name = "A post about us goes viral"
owner = "social-media"
severity = "critical"
respond_within = "1 h"

[[escalation]]
after = "2 h"
to = "cx-manager"
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let mut out = Vec::new();
    for situation in &cx.handbook.situations {
        let Some(severity) = &situation.severity else {
            continue;
        };
        let name = match severity.value {
            Severity::High => "high",
            Severity::Critical => "critical",
            Severity::Low | Severity::Medium => continue,
        };
        if situation.escalation.is_empty() {
            out.push(
                Finding::new(
                    severity.span,
                    format!(
                        "{name}-severity situation `{}` has no escalation",
                        situation.meta.id.value
                    ),
                )
                .label(format!("`{name}` but nobody to escalate to"))
                .help("add `[[escalation]]` with `after = \"2 h\"` and `to = \"<owner>\"`")
                .allowed_by(&situation.meta.lint_allow),
            );
        }
    }
    out
}
