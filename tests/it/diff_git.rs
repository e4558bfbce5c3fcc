//! `sok diff` on git revisions: a throw-away repository with a handbook in `hb/`, edition 1
//! tagged `v1`, edition 2 tagged `v2`, then a commit that only moves a file (`v3`).

use std::path::Path;

use assert_cmd::Command;

use crate::common::{self, copy_dir, git};

/// The repository; its tempdir must outlive the test.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let fixture = common::fixture("diff/tightened");
    git(repo, &["init", "-q"]);
    std::fs::write(repo.join("README.md"), "not a handbook\n").unwrap();
    copy_dir(&fixture.join("old"), &repo.join("hb"));
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "edition 1"]);
    git(repo, &["tag", "v1"]);
    std::fs::remove_dir_all(repo.join("hb")).unwrap();
    copy_dir(&fixture.join("new"), &repo.join("hb"));
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "edition 2"]);
    git(repo, &["tag", "v2"]);
    std::fs::create_dir_all(repo.join("hb/standards/phone")).unwrap();
    git(
        repo,
        &[
            "mv",
            "hb/standards/phone-answer.md",
            "hb/standards/phone/phone-answer.md",
        ],
    );
    git(repo, &["commit", "-q", "-m", "move a file"]);
    git(repo, &["tag", "v3"]);
    dir
}

fn sok(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::cargo_bin("sok")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let mut args = args.to_vec();
    args.extend(["--format", "json"]);
    let (code, stdout, stderr) = sok(dir, &args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn two_revisions_and_a_range_give_the_same_diff() {
    let repo = repository();
    let (code, two, stderr) = sok(repo.path(), &["diff", "v1", "v2", "--path", "hb"]);
    assert_eq!(code, 0, "{stderr}");
    let (_, range, _) = sok(repo.path(), &["diff", "v1..v2", "--path", "hb"]);
    assert_eq!(two, range);
    insta::assert_snapshot!("git_v1_v2", two);
    let value = json(repo.path(), &["diff", "v1", "v2", "--path", "./hb/"]);
    assert_eq!(value["old"]["source"], "v1");
    assert_eq!(value["old"]["commit"].as_str().unwrap().len(), 40);
    assert_eq!(value["classes"], serde_json::json!(["tightened"]));
}

#[test]
fn the_folder_defaults_to_the_current_directory() {
    let repo = repository();
    let inside = json(&repo.path().join("hb"), &["diff", "v1", "v2"]);
    let outside = json(repo.path(), &["diff", "v1", "v2", "--path", "hb"]);
    assert_eq!(inside["changes"], outside["changes"]);
    // A directory as the other side names the folder too.
    let mixed = json(repo.path(), &["diff", "v1", "hb"]);
    assert_eq!(mixed["changes"], outside["changes"]);
}

#[test]
fn one_revision_is_compared_with_the_working_tree() {
    let repo = repository();
    let unchanged = json(repo.path(), &["diff", "HEAD", "--path", "hb"]);
    assert_eq!(unchanged["changes"], serde_json::json!([]));
    assert_eq!(unchanged["new"]["source"], "working tree");
    common::edit(
        &repo.path().join("hb/standards/phone/phone-answer.md"),
        "share = 90",
        "share = 85",
    );
    let value = json(repo.path(), &["diff", "HEAD", "--path", "hb"]);
    assert_eq!(value["classes"], serde_json::json!(["loosened"]));
    // The working tree was only read: git sees the edit and nothing else.
    let status = git(repo.path(), &["status", "--porcelain"]);
    assert_eq!(status, "M hb/standards/phone/phone-answer.md");
}

#[test]
fn moving_a_file_between_commits_is_no_change() {
    let repo = repository();
    let (code, stdout, stderr) = sok(repo.path(), &["diff", "v2", "v3", "--path", "hb"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("no changes"), "{stdout}");
    let (code, _, _) = sok(
        repo.path(),
        &["diff", "v2..v3", "--path", "hb", "--fail-on", "any"],
    );
    assert_eq!(code, 0);
}

#[test]
fn merge_base_range() {
    let repo = repository();
    let value = json(repo.path(), &["diff", "v1...v2", "--path", "hb"]);
    assert_eq!(value["old"]["source"], "merge base of v1 and v2");
    assert_eq!(value["classes"], serde_json::json!(["tightened"]));
}

#[test]
fn bad_revisions_and_folders_are_errors() {
    let repo = repository();
    let (code, _, stderr) = sok(repo.path(), &["diff", "no-such-tag", "v2", "--path", "hb"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`no-such-tag` is neither a directory nor a git revision"),
        "{stderr}"
    );
    let (code, _, stderr) = sok(repo.path(), &["diff", "v1", "v2"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("`sok.toml` does not exist at `v1`"),
        "{stderr}"
    );
    assert!(stderr.contains("--path"), "{stderr}");
    let (code, _, stderr) = sok(repo.path(), &["diff", "v1", "v2", "--path", "../hb"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, stderr) = sok(repo.path(), &["diff", "v1..v2", "v3", "--path", "hb"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("range"), "{stderr}");
}

#[test]
fn revisions_outside_a_repository_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, stderr) = sok(dir.path(), &["diff", "main", "HEAD"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no git repository"), "{stderr}");
}

/// The library entry point `sok build --changes-since REV|DIR` uses.
#[test]
fn diff_since_for_the_build_command() {
    use sok::diff::{Class, change_notice, diff_since};
    use sok::model::Language;
    let repo = repository();
    let hb = repo.path().join("hb");
    let new = sok::check_dir(&hb).unwrap();
    let diff = diff_since("v1", &hb, &new.handbook).unwrap();
    assert_eq!(diff.old.label, "v1");
    assert_eq!(diff.old.commit.as_deref().map(str::len), Some(40));
    assert!(diff.classes().contains(&Class::Tightened));
    let notice = change_notice(&diff, &new.handbook, Language::En);
    assert_eq!(notice.title, "What changed in this edition");
    assert!(
        notice.markdown.contains("We tightened the standard"),
        "{}",
        notice.markdown
    );
    let old_dir = common::fixture("diff/tightened/old");
    let from_dir = diff_since(old_dir.to_str().unwrap(), &hb, &new.handbook).unwrap();
    assert_eq!(from_dir.entities, diff.entities);
    let error = diff_since("no-such-tag", &hb, &new.handbook).unwrap_err();
    assert!(error.message.contains("no-such-tag"), "{error}");
}
