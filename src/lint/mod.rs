//! Lint: the method's rules, each in its own file under `rules/`.

/// Names of every lint rule.
static NAMES: &[&str] = &[
    "long-sentence",
    "missing-review-cycle",
    "never-say-used",
    "no-tolerance",
    "principles-count",
    "review-overdue",
    "situation-without-deadline",
    "situation-without-escalation",
    "social-without-situation",
    "stage-not-covered",
    "touchpoint-without-standard",
    "unmeasurable-standard",
    "unused-allow",
    "unused-owner",
    "vague-wording",
];

pub fn find(name: &str) -> Option<&'static str> {
    NAMES.iter().copied().find(|n| *n == name)
}

pub fn names() -> impl Iterator<Item = &'static str> {
    NAMES.iter().copied()
}
