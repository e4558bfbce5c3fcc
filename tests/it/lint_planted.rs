//! A realistic handbook with planted problems: `tests/fixtures/lint/planted` is a copy of
//! `examples/sklep-kwiatek` with eight problems added. The linter must find exactly those,
//! and the untouched example must lint clean.

use crate::common::{lint_dir, repo_path};

#[test]
fn finds_exactly_the_planted_problems() {
    let linted = lint_dir(&repo_path("tests/fixtures/lint/planted"), &[]);
    let expected = [
        // "klienci zawsze mają rację": an inflected vague phrase in a chapter body
        ("vague-wording", "chapters/01-postanowienia-ogolne.md", 37),
        // the `reviews` step moved from awareness to consideration
        ("stage-not-covered", "journeys/store-pickup.md", 2),
        // share = 100
        ("no-tolerance", "standards/callback.md", 15),
        // a draft without a measure made active
        ("unmeasurable-standard", "standards/corporate-orders.md", 2),
        // a 33-word sentence appended to the body
        ("long-sentence", "standards/email-response.md", 27),
        // last_reviewed moved a year back
        ("review-overdue", "standards/nps.md", 9),
        // "Halo?" is in the standard's never_say
        ("never-say-used", "standards/phone-answer.md", 6),
        // `instagram` removed from the only situation that listed it
        ("social-without-situation", "touchpoints.toml", 50),
    ];
    let found = linted.places();
    let expected: Vec<(String, String, usize)> = expected
        .iter()
        .map(|(rule, file, line)| (rule.to_string(), file.to_string(), *line))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn the_examples_lint_clean() {
    for example in ["examples/sklep-kwiatek", "examples/avtosalon"] {
        let linted = lint_dir(&repo_path(example), &[]);
        assert!(
            linted.findings.is_empty(),
            "{example}: {:#?}",
            linted.places()
        );
    }
}
