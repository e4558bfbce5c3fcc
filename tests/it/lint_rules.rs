//! Every lint rule on its fixtures: `tests/fixtures/lint/<rule>/bad` has exactly the expected
//! findings of that rule (snapshotted in the human format), `good` has none of them.

use crate::common::{self, lint_dir, repo_path};

/// Each rule and how many findings its `bad` fixture has.
const CASES: &[(&str, usize)] = &[
    ("business-hours-without-schedule", 3),
    ("fractional-percent", 4),
    ("fractional-share", 2),
    ("indented-code-block", 3),
    ("long-sentence", 2),
    ("missing-review-cycle", 1),
    ("never-say-used", 4),
    ("no-tolerance", 2),
    ("principles-count", 1),
    ("review-overdue", 2),
    ("situation-without-deadline", 1),
    ("situation-without-escalation", 2),
    ("social-without-situation", 1),
    ("stage-not-covered", 2),
    ("touchpoint-without-standard", 2),
    ("unmeasurable-standard", 1),
    ("unused-allow", 2),
    ("unused-owner", 1),
    ("vague-wording", 4),
];

#[test]
fn every_rule_has_fixtures() {
    let cased: Vec<&str> = CASES.iter().map(|(rule, _)| *rule).collect();
    let rules: Vec<&str> = sok::lint::names().collect();
    assert_eq!(cased, rules);
    for rule in rules {
        for kind in ["bad", "good"] {
            let dir = repo_path(&format!("tests/fixtures/lint/{rule}/{kind}"));
            assert!(dir.join("sok.toml").is_file(), "missing {}", dir.display());
        }
    }
}

#[test]
fn bad_fixtures_have_exactly_their_findings() {
    for (rule, count) in CASES {
        let linted = lint_dir(
            &repo_path(&format!("tests/fixtures/lint/{rule}/bad")),
            &[rule],
        );
        let codes: Vec<&str> = linted.findings.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec![*rule; *count], "{rule}: {:#?}", linted.places());
        insta::assert_snapshot!(*rule, linted.human());
    }
}

#[test]
fn good_fixtures_have_none_of_their_rule() {
    for (rule, _) in CASES {
        let linted = lint_dir(&repo_path(&format!("tests/fixtures/lint/{rule}/good")), &[]);
        let of_rule: Vec<_> = linted
            .places()
            .into_iter()
            .filter(|(code, ..)| code == rule)
            .collect();
        assert!(of_rule.is_empty(), "{rule}: {of_rule:#?}");
    }
}

#[test]
fn a_rule_switched_off_in_sok_toml_reports_nothing() {
    let dir = repo_path("tests/fixtures/lint/vague-wording/bad");
    let linted = lint_dir(&dir, &[]);
    assert!(linted.findings.iter().any(|d| d.code == "vague-wording"));
    let checked = sok::check_dir(&dir).unwrap();
    let mut handbook = checked.handbook.clone();
    let settings = handbook.settings.as_mut().unwrap();
    let span = settings.anchor;
    settings.lint.levels.push((
        sok::model::Sp::new("vague-wording".to_string(), span),
        sok::model::Sp::new(sok::model::Level::Off, span),
    ));
    let options = sok::lint::Options::new(common::today());
    let findings = sok::lint::lint(&handbook, &checked.sources, &checked.index, &options);
    assert!(findings.iter().all(|d| d.code != "vague-wording"));
}
