//! `unused-allow`: a `lint.allow` entry that switches nothing off.

use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Level, Sp};

pub(crate) static RULE: Rule = Rule {
    name: "unused-allow",
    summary: "a `lint.allow` entry that suppresses nothing",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports an entry of an entity's `lint.allow` list that switched off no finding of its rule on
that entity. Only rules that ran are judged: an allow for a rule that `[lint]` sets to `"off"`
is not reported. A journey step is an entity of its own, with its own `lint.allow`. An
`unused-allow` entry in the same list silences this rule for that entity.

## Why is this bad?
An opt-out outlives its reason: the long sentence was split, the phrase reworded, but the
allow stays and will hide the next real finding in the same place. Removing unused allows
keeps every opt-out deliberate.

## Example
```toml
title = "We answer e-mails within 4 hours"
lint.allow = ["long-sentence"]   # the text has no long sentence any more
```

Use instead:
```toml
title = "We answer e-mails within 4 hours"
```"#,
    check,
};

/// Runs after every other rule: `cx.rules_run` and `cx.allows_used` are filled by then.
fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let hb = cx.handbook;
    let lists = hb.lint_allow_lists();
    let mut out = Vec::new();
    for list in lists {
        out.extend(
            list.iter()
                .filter(|entry| is_unused(cx, entry))
                .map(|entry| {
                    Finding::new(
                        entry.span,
                        format!("`lint.allow` of `{}` suppresses nothing", entry.value),
                    )
                    .label("no finding of this rule here")
                    .help("remove the entry")
                    .allowed_by(list)
                }),
        );
    }
    out
}

fn is_unused(cx: &LintContext<'_>, entry: &Sp<String>) -> bool {
    entry.value != RULE.name
        && cx.rules_run.contains(&entry.value.as_str())
        && !cx.allows_used.contains(&entry.span)
}
