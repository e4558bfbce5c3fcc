//! `fractional-percent`: a percent metric's bound written as a fraction (`min = 0.9` on
//! `csat`), the `[measure]` slip beside `fractional-share`.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{BoundValue, Direction, Level, Measure, MetricKind, Status};

use super::fractional_share::percent_of;

pub(crate) static RULE: Rule = Rule {
    name: "fractional-percent",
    summary: "a percent metric's `min` or `max` between 0 and 1, a fraction where sok expects a percent",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a `min` or `max` above 0 and below 1 on a metric whose value is a percent: the
built-in `csat`, `fcr_rate`, `audit_score`, `abandonment_rate` and `complaint_rate`, and a
custom metric with `unit = "%"`.

## Why is this bad?
These metrics are percents, from 0 to 100. A report or a BI tool writes 90% as `0.9`, and
sok accepts it as a valid percent: the handbook then promises "first-contact resolution at
least 0.9%", a floor any team meets. A floor below 1% is never what a standard wants. A
ceiling below 1% can be (a complaint rate of at most 0.5%): then keep it and say so with
`lint.allow = ["fractional-percent"]` on the standard.

## Example
```toml
[measure]
metric = "fcr_rate"
min = 0.8
period = "month"
```

Use instead:
```toml
[measure]
metric = "fcr_rate"
min = 80
period = "month"
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let mut out = Vec::new();
    for standard in &cx.handbook.standards {
        let Some(measure) = standard.measure.as_ref() else {
            continue;
        };
        let BoundValue::Number(value) = measure.bound.value else {
            continue;
        };
        if standard.status.value == Status::Retired
            || !is_percent(measure)
            || !(value > 0.0 && value < 1.0)
        {
            continue;
        }
        let key = match measure.bound.direction {
            Direction::Min => "min",
            Direction::Max => "max",
        };
        let percent = percent_of(value);
        let mut help = format!("did you mean {percent}? write `{key} = {percent}` for {percent}%");
        if measure.bound.direction == Direction::Max {
            help.push_str(
                "; if a ceiling below 1% is meant, allow `fractional-percent` on this standard",
            );
        }
        out.push(
            Finding::new(
                measure.bound.span,
                format!(
                    "`{key} = {value}` on `{}` is {value}%, not {percent}%",
                    measure.metric.value
                ),
            )
            .label(format!(
                "a fraction, but `{}` is a percent",
                measure.metric.value
            ))
            .help(help)
            .allowed_by(&standard.meta.lint_allow),
        );
    }
    out
}

/// Whether the metric's value is a percent: a built-in rate or score, or a custom metric
/// counted in `%`.
fn is_percent(measure: &Measure) -> bool {
    match measure.kind {
        MetricKind::Percent => true,
        MetricKind::Custom => measure
            .unit
            .as_ref()
            .is_some_and(|unit| unit.value.trim() == "%"),
        MetricKind::Duration | MetricKind::Score => false,
    }
}
