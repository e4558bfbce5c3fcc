//! `review-overdue`: the handbook or a standard was due for review before today.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Level, Sp, Status};
use crate::values::{Date, Duration};

pub(crate) static RULE: Rule = Rule {
    name: "review-overdue",
    summary: "`last_reviewed` plus `review_every` is before today",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports the handbook, or a standard that is not retired, whose `last_reviewed` date plus its
`review_every` cycle is before today. A standard with `last_reviewed` but no `review_every`
follows the handbook's cycle. Months and years are calendar months (2026-03-15 plus
`"6 months"` is due on 2026-09-15); a review due today is not yet late.

`sok lint --today YYYY-MM-DD` fixes the date, so results are reproducible in tests and CI.

## Why is this bad?
A review cycle that is not kept is a promise broken in the handbook itself. Overdue standards
are the ones most likely to describe channels, hours and people that no longer exist.

This rule is a warning by default because it changes with the calendar: an error would fail
a build that changed nothing.

## Example
```toml
[handbook]
review_every = "6 months"
last_reviewed = 2025-01-10   # due 2025-07-10
```

Use instead: review the handbook, announce the changes, and record the date:
```toml
[handbook]
review_every = "6 months"
last_reviewed = 2026-02-10
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let Some(settings) = cx.settings() else {
        return Vec::new();
    };
    let handbook_every = settings.review_every.as_ref();
    let mut out = Vec::new();
    if let (Some(last), Some(every)) = (&settings.last_reviewed, handbook_every) {
        out.extend(overdue(cx, "the handbook", last, every));
    }
    for standard in &cx.handbook.standards {
        if standard.status.value == Status::Retired {
            continue;
        }
        let every = standard.review_every.as_ref().or(handbook_every);
        if let (Some(last), Some(every)) = (&standard.last_reviewed, every) {
            let what = format!("standard `{}`", standard.meta.id.value);
            out.extend(
                overdue(cx, &what, last, every).map(|f| f.allowed_by(&standard.meta.lint_allow)),
            );
        }
    }
    out
}

fn overdue<'a>(
    cx: &LintContext<'a>,
    what: &str,
    last: &Sp<Date>,
    every: &Sp<Duration>,
) -> Option<Finding<'a>> {
    let due = last.value.review_due(&every.value)?;
    (due < cx.today).then(|| {
        let days = cx.today.to_days() - due.to_days();
        Finding::new(
            last.span,
            format!("{what} was due for review on {due}, {days} days before {}", cx.today),
        )
        .label(format!("last reviewed {}", last.value))
        .related(every.span, format!("reviewed every {}", every.value))
        .help("review it, announce the changes in writing, and set `last_reviewed` to the review's date")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absurd_cycles_never_fall_due() {
        let last = Date::parse("2026-01-31").unwrap();
        let huge = Duration::parse("99999999999999999999 years").unwrap();
        assert_eq!(last.review_due(&huge), None);
        let month = Duration::parse("1 month").unwrap();
        assert_eq!(last.review_due(&month), Date::parse("2026-02-28"));
    }
}
