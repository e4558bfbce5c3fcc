//! `business-hours-without-schedule`: a standard counted in business hours on a touchpoint
//! whose `hours` give no schedule to count them on.

use std::collections::HashSet;

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Hours, Kind, Level, Status};
use crate::values::{parse_schedule, schedule_example};

pub(crate) static RULE: Rule = Rule {
    name: "business-hours-without-schedule",
    summary: "a standard measured in business hours on a touchpoint whose hours are not a schedule",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports a standard that is not retired, whose `[measure]` has `hours = "business"`, and that
lists a touchpoint whose `hours` are missing or are not written as a schedule in the
handbook's language or English (`pon.–pt. 8–18, sob. 9–14`, `Mon–Fri 8:00–17:30`,
`ежедневно 9–21`; docs/format.md, "Schedules"). The finding points at the touchpoint's
`hours`, or at the standard's reference to the touchpoint when it has none, and its help
names the part of the text that is not a schedule.

It also reports a business-hours standard that lists no touchpoints: it counts the events of
every touchpoint, and those at no touchpoint (a survey answer, an audit) have no hours to be
counted in.

## Why is this bad?
Business time is counted only inside a touchpoint's opening hours: an e-mail that arrives on
Friday at 17:59 is not late on Monday morning. Hours that are display text ("odpowiedzi
pon.–pt. 8–20", "by appointment") cannot be counted on, so `sok measure` cannot tell whether
the standard held. A `hours` text that is not a schedule is fine for a touchpoint that no
business-hours standard measures.

## Example
```toml
[[touchpoint]]
id = "email"
name = "E-mail"
channel = "email"
owner = "lead"
hours = "replies on working days"
```
with a standard that lists `touchpoints = ["email"]` and has `hours = "business"`.

Use instead: write the days, then the times:
```toml
hours = "Mon–Fri 8–18, Sat 9–14"
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let hb = cx.handbook;
    let language = cx.language();
    let example = schedule_example(language);
    let touchpoints = cx.index.of(Kind::Touchpoint);
    let mut out = Vec::new();
    for standard in &hb.standards {
        let Some(measure) = &standard.measure else {
            continue;
        };
        if standard.status.value == Status::Retired || measure.hours != Hours::Business {
            continue;
        }
        let id = &standard.meta.id.value;
        let hours_key = measure.hours_span.unwrap_or(measure.span);
        if standard.touchpoints.is_empty() {
            out.push(
                Finding::new(
                    hours_key,
                    format!("standard `{id}` counts business hours but lists no touchpoints"),
                )
                .label("whose business hours?")
                .help("events at no touchpoint cannot be counted in business hours: list the touchpoints whose hours apply in `touchpoints`")
                .allowed_by(&standard.meta.lint_allow),
            );
            continue;
        }
        let mut seen = HashSet::new();
        for reference in &standard.touchpoints {
            let Some(&position) = touchpoints.get(&reference.value) else {
                continue;
            };
            if !seen.insert(position) {
                continue;
            }
            let touchpoint = &hb.touchpoints[position];
            let tp = &touchpoint.meta.id.value;
            let finding = match &touchpoint.hours {
                None => Finding::new(
                    reference.span,
                    format!(
                        "standard `{id}` counts business hours, but touchpoint `{tp}` has no `hours`"
                    ),
                )
                .label("no hours to count in")
                .help(format!(
                    "give touchpoint `{tp}` its hours as a schedule, like `hours = \"{example}\"`"
                )),
                Some(hours) => match parse_schedule(&hours.value, language) {
                    Ok(_) => continue,
                    Err(help) => Finding::new(
                        hours.span,
                        format!(
                            "the hours of touchpoint `{tp}` are not a schedule, but standard `{id}` counts business hours on them"
                        ),
                    )
                    .label("not a schedule")
                    .help(help),
                },
            };
            out.push(
                finding
                    .related(hours_key, "measured in business hours")
                    .allowed_by(&touchpoint.meta.lint_allow)
                    .allowed_by(&standard.meta.lint_allow),
            );
        }
    }
    out
}
