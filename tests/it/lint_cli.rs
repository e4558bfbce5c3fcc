//! `sok lint`, `sok rules` and `sok explain RULE` as a user runs them: exit codes, every
//! output format (snapshotted on the planted handbook), `--changed-since`, and rule levels
//! set in `sok.toml`.

use std::process::Command;

use assert_cmd::prelude::*;

use crate::common::{TODAY, copy_dir, edit, git, repo_path};

/// Runs `sok` in the repository root; returns the exit code, stdout and stderr.
fn sok(args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("sok")
        .expect("the sok binary")
        .current_dir(repo_path(""))
        .env("COLUMNS", "80")
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("sok runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn lint(dir: &str, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["--color", "never", "lint", dir, "--today", TODAY];
    args.extend_from_slice(extra);
    sok(&args)
}

#[test]
fn a_clean_handbook_exits_0() {
    let (code, stdout, _) = lint("examples/sklep-kwiatek", &[]);
    assert_eq!((code, stdout.as_str()), (0, "no problems found\n"));
    let (code, _, _) = lint("examples/avtosalon", &["--deny", "warnings"]);
    assert_eq!(code, 0);
}

#[test]
fn an_error_level_finding_exits_1() {
    let (code, stdout, _) = lint("tests/fixtures/lint/unmeasurable-standard/bad", &[]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("unmeasurable-standard"));
}

#[test]
fn warnings_fail_only_with_deny_warnings() {
    let dir = "tests/fixtures/lint/no-tolerance/bad";
    assert_eq!(lint(dir, &["--select", "no-tolerance"]).0, 0);
    assert_eq!(
        lint(dir, &["--select", "no-tolerance", "--deny", "warnings"]).0,
        1
    );
    let ignored = lint(
        dir,
        &[
            "--ignore",
            "no-tolerance,principles-count",
            "--deny",
            "warnings",
        ],
    );
    assert!(!ignored.1.contains("no-tolerance"), "{}", ignored.1);
}

#[test]
fn an_unknown_rule_is_a_usage_error() {
    let (code, stdout, stderr) = lint("examples/sklep-kwiatek", &["--select", "vague-wordin"]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    insta::assert_snapshot!(stderr, @r"
    error[sok::lint::unknown_rule]: unknown lint rule `vague-wordin` in `--select`
      help: did you mean `vague-wording`?
    ");
    assert_eq!(lint("examples/sklep-kwiatek", &["--ignore", "zzz"]).0, 2);
}

#[test]
fn check_errors_stop_lint() {
    let dir = "tests/fixtures/lint/check-errors";
    let (code, stdout, _) = lint(dir, &["--format", "concise"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("error[sok::ref::unknown]"), "{stdout}");
    assert!(
        !stdout.contains("vague-wording"),
        "lint must not run: {stdout}"
    );
    let (_, sarif, _) = lint(dir, &["--format", "sarif"]);
    assert!(
        sarif.contains("\"ruleId\": \"sok::ref::unknown\""),
        "{sarif}"
    );
}

#[test]
fn every_format_on_the_planted_handbook() {
    for format in ["human", "concise", "json", "sarif", "github"] {
        let (code, stdout, stderr) = lint("tests/fixtures/lint/planted", &["--format", format]);
        assert_eq!(code, 1, "{format}: {stderr}");
        insta::assert_snapshot!(format!("format_{format}"), stdout);
    }
}

#[test]
fn sarif_is_well_formed_and_points_into_the_repository() {
    let (_, stdout, _) = lint("tests/fixtures/lint/planted", &["--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&stdout).expect("valid JSON");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        let uri = location["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("tests/fixtures/lint/planted/"), "{uri}");
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
    }
}

/// `(code, severity)` of every finding in `sok lint --format json` output.
fn severities(json: &str) -> Vec<(String, String)> {
    let findings: Vec<serde_json::Value> = serde_json::from_str(json).expect("a JSON array");
    findings
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().into(),
                f["severity"].as_str().unwrap().into(),
            )
        })
        .collect()
}

/// Rule levels in a real `sok.toml`, written as users write them (`"vague-wording" = "off"`,
/// a quoted key): `tests/fixtures/lint/levels` switches `vague-wording` off in a handbook where
/// it fires. Without that line the rule warns; with `"error"` its finding is an error.
#[test]
fn levels_in_sok_toml_switch_a_rule_off_or_make_it_an_error() {
    let fixture = "tests/fixtures/lint/levels";
    let (code, stdout, stderr) = lint(fixture, &["--format", "json", "--deny", "warnings"]);
    assert_eq!((code, stdout.as_str()), (0, "[]\n"), "{stderr}");

    let temp = tempfile::tempdir().unwrap();
    copy_dir(&repo_path(fixture), temp.path());
    let sok_toml = temp.path().join("sok.toml");
    let dir = temp.path().to_str().unwrap();
    edit(&sok_toml, "\"vague-wording\" = \"off\"\n", "");
    let (code, stdout, stderr) = lint(dir, &["--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let warning = ("vague-wording".to_string(), "warning".to_string());
    assert_eq!(severities(&stdout), [warning], "{stdout}");

    edit(
        &sok_toml,
        "[lint]\n",
        "[lint]\n\"vague-wording\" = \"error\"\n",
    );
    let (code, stdout, stderr) = lint(dir, &["--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let error = ("vague-wording".to_string(), "error".to_string());
    assert_eq!(severities(&stdout), [error], "{stdout}");
}

#[test]
fn rules_and_explain() {
    let (code, stdout, _) = sok(&["rules"]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), sok::lint::RULES.len());
    assert!(stdout.contains("vague-wording"));
    let (code, stdout, _) = sok(&["explain", "never-say-used"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("# never-say-used\n"));
    for section in ["## What it does", "## Why is this bad?", "## Example"] {
        assert!(stdout.contains(section));
    }
    let (code, stdout, _) = sok(&["explain", "vague-wording"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("docs/vague-phrases.md"), "{stdout}");
    assert!(repo_path("docs/vague-phrases.md").is_file());
    let (code, _, stderr) = sok(&["explain", "never-say-use"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("did you mean `never-say-used`?"),
        "{stderr}"
    );
}

#[test]
fn changed_since_reports_only_changed_and_untracked_files() {
    let repo = tempfile::tempdir().unwrap();
    let handbook = repo.path().join("handbook");
    copy_dir(&repo_path("tests/fixtures/lint/planted"), &handbook);
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-q", "-m", "planted"]);
    let nps = handbook.join("standards/nps.md");
    let text = std::fs::read_to_string(&nps).unwrap();
    std::fs::write(&nps, text.replace("Wynik wynosi", "Wynik zawsze wynosi")).unwrap();
    std::fs::write(
        handbook.join("chapters/09-nowy.md"),
        "+++\ntitle = \"Nowy\"\n+++\n\nOdpowiadamy jak najszybciej.\n",
    )
    .unwrap();
    let dir = handbook.to_str().unwrap();
    let (code, stdout, stderr) = lint(dir, &["--format", "concise", "--changed-since", "HEAD"]);
    assert_eq!(code, 1, "{stderr}");
    let files: Vec<&str> = stdout.lines().filter_map(|l| l.split(':').next()).collect();
    assert_eq!(
        files,
        [
            "chapters/09-nowy.md",
            "standards/nps.md",
            "1 error and 1 warning in 2 files"
        ],
        "{stdout}"
    );
    let (_, github, _) = lint(dir, &["--format", "github", "--changed-since", "HEAD"]);
    assert!(
        github.contains("file=handbook/standards/nps.md,"),
        "{github}"
    );
    let (code, _, stderr) = lint(dir, &["--changed-since", "no-such-revision"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no-such-revision"), "{stderr}");
}

#[test]
fn a_run_that_cannot_lint_still_writes_a_valid_sarif_log() {
    let output = assert_cmd::Command::cargo_bin("sok")
        .unwrap()
        .args([
            "lint",
            "tests/fixtures/invalid/discover-no_handbook",
            "--format",
            "sarif",
        ])
        .current_dir(repo_path(""))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("SARIF on stdout");
    let run = &log["runs"][0];
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    assert!(run["results"].as_array().unwrap().is_empty());
    let message = run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(message.contains("sok.toml"), "{message}");
}
