//! `sok diff` as a CI gate: exit codes with `--fail-on`, formats, colour, and editions with
//! problems. Exit 0: compared; 1: a `--fail-on` class is present or an edition has problems
//! in its sources; 2: no diff was possible.

use std::path::PathBuf;

use assert_cmd::Command;

use crate::common;

fn case(name: &str) -> (PathBuf, PathBuf) {
    let dir = common::fixture("diff").join(name);
    (dir.join("old"), dir.join("new"))
}

fn run(args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("sok")
        .unwrap()
        .current_dir(common::manifest_dir())
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn diff_case(name: &str, extra: &[&str]) -> (i32, String, String) {
    let (old, new) = case(name);
    let mut args = vec!["diff", old.to_str().unwrap(), new.to_str().unwrap()];
    args.extend(extra);
    run(&args)
}

#[test]
fn a_handbook_against_itself_has_no_changes() {
    let dir = "examples/sklep-kwiatek";
    let (code, stdout, _) = run(&["diff", dir, dir, "--fail-on", "any"]);
    assert_eq!(code, 0);
    assert!(stdout.ends_with("\nno changes\n"), "{stdout}");
    let (code, stdout, _) = run(&["diff", dir, dir, "--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("No changes."), "{stdout}");
    let (_, stdout, _) = run(&["diff", dir, dir, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(value["changes"], serde_json::json!([]));
}

#[test]
fn fail_on_gates_the_classes_asked_for() {
    let cases: &[(&str, &str, i32)] = &[
        ("loosened", "loosened", 1),
        ("loosened", "removed", 0),
        ("loosened", "removed,loosened", 1),
        ("tightened", "loosened,removed", 0),
        ("tightened", "tightened", 1),
        ("removed", "removed", 1),
        ("journey-steps", "removed", 1),
        ("journey-steps", "reassigned", 1),
        ("added", "added", 1),
        ("added", "changed", 0),
        ("prose", "changed", 1),
        ("added", "any", 1),
        ("moved-file-no-change", "any", 0),
    ];
    for (name, classes, expected) in cases {
        let (code, _, stderr) = diff_case(name, &["--fail-on", classes]);
        assert_eq!(code, *expected, "{name} --fail-on {classes}: {stderr}");
        if *expected == 1 {
            assert!(stderr.contains("(--fail-on)"), "{stderr}");
        }
    }
    let (code, _, _) = diff_case("loosened", &[]);
    assert_eq!(code, 0, "without --fail-on every diff exits 0");
}

#[test]
fn unknown_classes_and_bad_arguments_exit_2() {
    let (code, _, stderr) = diff_case("loosened", &["--fail-on", "loose"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("loosened"),
        "suggests the right word: {stderr}"
    );
    let (code, _, stderr) = run(&["diff", "tests/fixtures", "examples/sklep-kwiatek"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("sok::discover::no_handbook"), "{stderr}");
    let (code, _, _) = diff_case("added", &["--format", "yaml"]);
    assert_eq!(code, 2);
}

#[test]
fn an_edition_with_problems_is_reported_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let (old, _) = case("added");
    let broken = dir.path().join("broken");
    common::copy_dir(&old, &broken);
    common::edit(
        &broken.join("standards/phone-answer.md"),
        "owner = \"shift-lead\"",
        "owner = \"nobody\"",
    );
    let (code, stdout, stderr) = run(&[
        "diff",
        old.to_str().unwrap(),
        broken.to_str().unwrap(),
        "--color",
        "never",
    ]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty(), "no diff of a broken edition: {stdout}");
    assert!(stderr.contains("the new edition"), "{stderr}");
    assert!(stderr.contains("unknown owner `nobody`"), "{stderr}");
}

#[test]
fn colour_is_on_only_when_asked() {
    let (_, plain, _) = diff_case("tightened", &[]);
    assert!(!plain.contains('\u{1b}'), "not a terminal: no colour");
    let (_, always, _) = diff_case("tightened", &["--color", "always"]);
    assert!(always.contains("\u{1b}[36mtightened\u{1b}[0m"), "{always}");
    let (_, never, _) = diff_case("prose", &["--color", "never"]);
    assert!(never.contains("[-5-]{+3+}"), "{never}");
}

#[test]
fn formats() {
    let (_, markdown, _) = diff_case("loosened", &["--format", "markdown"]);
    assert!(
        markdown.starts_with("## Handbook changes 1.0.0 → 1.0.1\n"),
        "{markdown}"
    );
    assert!(markdown.contains("**Loosened or removed**"));
    assert!(markdown.contains("<details>"));
    let (_, json, _) = diff_case("loosened", &["--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema"], 1);
    assert_eq!(value["warnings"][0]["code"], "patch-bump");
    assert_eq!(value["changes"][1]["fields"][0]["class"], "loosened");
    assert_eq!(value["changes"][1]["fields"][0]["new"]["share"], 80);
}

#[test]
fn help_mentions_diff() {
    let (code, stdout, _) = run(&["diff", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("--fail-on"), "{stdout}");
}
