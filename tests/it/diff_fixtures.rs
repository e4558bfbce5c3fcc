//! One fixture per kind of change: `tests/fixtures/diff/<case>/{old,new}/` are two editions of
//! a small handbook. Each case is checked for the classes it must produce, then snapshotted in
//! all three formats (human without colour, markdown, json).

use std::collections::BTreeSet;
use std::path::Path;

use sok::diff::{self, Class, HandbookDiff, output};

use crate::common;

fn load(dir: &Path) -> sok::Checked {
    let checked = sok::check_dir(dir).unwrap();
    assert!(
        !checked.diagnostics.has_errors(),
        "{} has problems: {:?}",
        dir.display(),
        checked.diagnostics
    );
    checked
}

fn diff_case(case: &str) -> HandbookDiff {
    let dir = common::fixture("diff").join(case);
    let (old, new) = (load(&dir.join("old")), load(&dir.join("new")));
    let mut diff = diff::diff(&old.handbook, &new.handbook);
    diff.old.label = "old".to_string();
    diff.new.label = "new".to_string();
    diff
}

/// Every case, with the classes that must occur in it (at any level) and no others.
const CASES: &[(&str, &[Class])] = &[
    ("added", &[Class::Added]),
    ("changed-field", &[Class::Changed]),
    (
        "journey-steps",
        &[
            Class::Added,
            Class::Removed,
            Class::Reassigned,
            Class::Changed,
        ],
    ),
    ("loosened", &[Class::Loosened]),
    ("measure-changed", &[Class::Changed]),
    ("measure-mixed", &[Class::Changed]),
    ("moved-file-no-change", &[]),
    ("prose", &[Class::Changed]),
    ("reassigned", &[Class::Reassigned]),
    ("removed", &[Class::Removed]),
    ("tightened", &[Class::Tightened]),
    ("version-unchanged", &[Class::Changed]),
];

#[test]
fn every_fixture_is_listed() {
    let dir = common::fixture("diff");
    let mut found: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let listed: Vec<&str> = CASES.iter().map(|(case, _)| *case).collect();
    assert_eq!(found, listed);
}

#[test]
fn classes_per_case() {
    for (case, expected) in CASES {
        let diff = diff_case(case);
        let expected: BTreeSet<Class> = expected.iter().copied().collect();
        assert_eq!(diff.classes(), expected, "{case}");
    }
}

#[test]
fn snapshots_in_every_format() {
    for (case, _) in CASES {
        let diff = diff_case(case);
        insta::assert_snapshot!(format!("{case}.json"), output::json(&diff));
        insta::assert_snapshot!(format!("{case}.human"), output::human(&diff, false));
        insta::assert_snapshot!(format!("{case}.md"), output::markdown(&diff));
    }
}

#[test]
fn json_is_valid_and_sorted_by_kind_then_id() {
    for (case, _) in CASES {
        let diff = diff_case(case);
        let value: serde_json::Value = serde_json::from_str(&output::json(&diff)).unwrap();
        let kinds = [
            "term",
            "principle",
            "owner",
            "touchpoint",
            "journey",
            "situation",
        ];
        let kinds = [&kinds[..], &["standard", "chapter"]].concat();
        let keys: Vec<(usize, String)> = value["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                let kind = kinds.iter().position(|k| c["kind"] == *k).unwrap();
                (kind, c["id"].as_str().unwrap().to_string())
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{case}");
    }
}

#[test]
fn moving_and_reformatting_files_is_no_change() {
    let diff = diff_case("moved-file-no-change");
    assert!(diff.is_empty(), "{diff:#?}");
    assert!(diff.warnings.is_empty());
    assert!(output::human(&diff, false).contains("no changes"));
}

#[test]
fn version_warnings() {
    let codes = |case| -> Vec<&str> { diff_case(case).warnings.iter().map(|w| w.code).collect() };
    assert_eq!(
        codes("version-unchanged"),
        ["version-unchanged", "effective-unchanged"]
    );
    // The fixtures keep one `effective` date across editions, which is a warning too.
    assert_eq!(codes("loosened"), ["patch-bump", "effective-unchanged"]);
    assert_eq!(codes("removed"), ["patch-bump", "effective-unchanged"]);
    assert_eq!(codes("tightened"), ["effective-unchanged"]);
    assert_eq!(codes("added"), ["effective-unchanged"]);
    assert!(codes("moved-file-no-change").is_empty());
}
