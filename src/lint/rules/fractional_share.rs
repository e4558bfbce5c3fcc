//! `fractional-share`: a `share` written as a fraction (`0.9`) where sok reads a percent.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Level, Status};

pub(crate) static RULE: Rule = Rule {
    name: "fractional-share",
    summary: "a `share` between 0 and 1, a fraction where sok expects a percent",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a `share` in a standard's `[measure]` that is above 0 and below 1, such as
`share = 0.9`.

## Why is this bad?
`share` is a percent of events, from 0 to 100. A spreadsheet or a BI tool writes 90% as
`0.9`, and sok accepts it as a valid percent: the handbook then publishes "0.9% of customers
wait no longer than 10 min", a promise nobody meant. A real floor below 1% is all but never
what a standard wants.

## Example
```toml
[measure]
metric = "answer_time"
max = "10 min"
share = 0.9
```

Use instead:
```toml
[measure]
metric = "answer_time"
max = "10 min"
share = 90
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let mut out = Vec::new();
    for standard in &cx.handbook.standards {
        let Some(share) = standard.measure.as_ref().and_then(|m| m.share.as_ref()) else {
            continue;
        };
        if standard.status.value == Status::Retired || !(share.value > 0.0 && share.value < 1.0) {
            continue;
        }
        let percent = percent_of(share.value);
        out.push(
            Finding::new(
                share.span,
                format!("`share = {}` is {}% of events", share.value, share.value),
            )
            .label("a fraction, but `share` is a percent")
            .help(format!(
                "did you mean {percent}? write `share = {percent}` for {percent}% of events"
            ))
            .allowed_by(&standard.meta.lint_allow),
        );
    }
    out
}

/// The percent a fraction stands for, without the float noise of `0.07 * 100`.
pub(super) fn percent_of(fraction: f64) -> String {
    let text = format!("{:.4}", fraction * 100.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn percents_read_plainly() {
        assert_eq!(super::percent_of(0.9), "90");
        assert_eq!(super::percent_of(0.07), "7");
        assert_eq!(super::percent_of(0.955), "95.5");
    }
}
