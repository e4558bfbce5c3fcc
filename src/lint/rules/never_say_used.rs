//! `never-say-used`: a forbidden phrase in the script or instruction that should avoid it.

use std::collections::BTreeSet;

use crate::lint::words::{Matching, Phrase, words};
use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Kind, Level, Sp, Text};

pub(crate) static RULE: Rule = Rule {
    name: "never-say-used",
    summary: "a `never_say` phrase used in a `say` phrase or a step instruction",
    default_level: Level::Error,
    docs: r#"## What it does
Reports a `never_say` phrase of a standard or situation that appears (whole words, any case)
in a `say` phrase of the same standard or situation, or in the `instruction` of a journey
step the standard applies to (a step in the standard's `steps`, or a step that lists the
standard). The finding points at the occurrence, with the forbidden entry as related.

## Why is this bad?
The handbook contradicts itself: the script tells staff to say what the same page forbids.
Whoever reads the script first will follow it. This rule is an error by default because the
contradiction is certain, not guessed.

## Example
```toml
say = ["I don't know, please call again tomorrow"]
never_say = ["I don't know"]
```

Use instead:
```toml
say = ["I will check it and call you back by 4 pm"]
never_say = ["I don't know"]
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let mut out = Vec::new();
    for situation in &cx.handbook.situations {
        let allow = [&situation.meta.lint_allow[..]];
        for text in &situation.say {
            search(&situation.never_say, text, "`say` phrase", &allow, &mut out);
        }
    }
    for (position, standard) in cx.handbook.standards.iter().enumerate() {
        let allow = [&standard.meta.lint_allow[..]];
        for text in &standard.say {
            search(&standard.never_say, text, "`say` phrase", &allow, &mut out);
        }
        if standard.never_say.is_empty() {
            continue;
        }
        let mut steps: BTreeSet<(usize, usize)> = standard
            .steps
            .iter()
            .filter_map(|r| cx.index.step(&r.journey, &r.step))
            .collect();
        for (j, journey) in cx.handbook.journeys.iter().enumerate() {
            for (s, step) in journey.steps.iter().enumerate() {
                let lists = step.standards.iter().any(|r| {
                    cx.index.of(Kind::Standard).get(&r.value) == Some(&position)
                        || r.value == standard.meta.id.value
                });
                if lists {
                    steps.insert((j, s));
                }
            }
        }
        for (j, s) in steps {
            let Some(journey) = cx.handbook.journeys.get(j) else {
                continue;
            };
            let Some(step) = journey.steps.get(s) else {
                continue;
            };
            if let Some(instruction) = &step.instruction {
                let allow = [&standard.meta.lint_allow[..], &step.lint_allow[..]];
                let what = format!(
                    "instruction of step `{}/{}`",
                    journey.meta.id.value, step.id.value
                );
                search(&standard.never_say, instruction, &what, &allow, &mut out);
            }
        }
    }
    out
}

/// Pushes a finding for every `never_say` entry that occurs in `text`.
fn search<'a>(
    never_say: &'a [Text],
    text: &'a Text,
    what: &str,
    allow: &[&'a [Sp<String>]],
    out: &mut Vec<Finding<'a>>,
) {
    if never_say.is_empty() {
        return;
    }
    let tokens = words(&text.value);
    for forbidden in never_say {
        let Some(phrase) = Phrase::new(&forbidden.value) else {
            continue;
        };
        for range in phrase.find(&text.value, &tokens, Matching::Exact) {
            let mut finding = Finding::new(
                text.span_of(range.clone()),
                format!("the {what} uses the forbidden phrase `{}`", phrase.text),
            )
            .label("forbidden by `never_say`")
            .related(forbidden.span, "forbidden here")
            .help("reword the phrase, or remove the entry from `never_say` if it is allowed after all");
            for list in allow {
                finding = finding.allowed_by(list);
            }
            out.push(finding);
        }
    }
}
