//! `sok build --changes-since`: the chapter "what changed in this edition" for staff.

use assert_cmd::Command;

use crate::common::{copy_dir, edit, example, git};

fn sok() -> Command {
    Command::cargo_bin("sok").expect("the sok binary")
}

#[test]
fn a_directory_edition_adds_the_chapter_to_both_outputs() {
    let temp = tempfile::tempdir().unwrap();
    let new = temp.path().join("new");
    copy_dir(&example("sklep-kwiatek"), &new);
    edit(
        &new.join("standards/phone-answer.md"),
        "max = \"2 min\"",
        "max = \"3 min\"",
    );
    edit(
        &new.join("sok.toml"),
        "version = \"2.1.0\"",
        "version = \"2.2.0\"",
    );
    edit(
        &new.join("sok.toml"),
        "effective = 2026-03-01",
        "effective = 2026-12-01",
    );
    let out = temp.path().join("out");
    let assert = sok()
        .arg("build")
        .arg(&new)
        .arg("--out")
        .arg(&out)
        .arg("--changes-since")
        .arg(example("sklep-kwiatek"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.is_empty(), "{stderr}");
    let page = std::fs::read_to_string(out.join("html/changes.html")).unwrap();
    assert!(page.contains("Co zmieniło się w tym wydaniu"), "{page}");
    assert!(page.contains("Złagodziliśmy"), "{page}");
    let markdown = std::fs::read_to_string(out.join("handbook.md")).unwrap();
    assert!(markdown.contains("# Co zmieniło się w tym wydaniu {#section-changes}"));
    assert!(
        markdown.contains("najwyżej 3 minuty"),
        "the new target is announced"
    );
}

#[test]
fn a_git_revision_edition_and_the_version_warning() {
    let temp = tempfile::tempdir().unwrap();
    let repo = temp.path();
    let handbook = repo.join("handbook");
    copy_dir(&example("sklep-kwiatek"), &handbook);
    git(repo, &["init", "-q"]);
    git(repo, &["add", "."]);
    git(repo, &["commit", "-q", "-m", "first edition"]);
    edit(
        &handbook.join("standards/phone-answer.md"),
        "share = 90",
        "share = 80",
    );
    let out = temp.path().join("out");
    let assert = sok()
        .current_dir(&handbook)
        .args(["build", ".", "--changes-since", "HEAD", "--out"])
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("warning[version-unchanged]"), "{stderr}");
    let page = std::fs::read_to_string(out.join("html/changes.html")).unwrap();
    assert!(page.contains("80%"), "{page}");
}

#[test]
fn an_unknown_revision_is_a_usage_error_and_writes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let out = temp.path().join("out");
    sok()
        .arg("build")
        .arg(example("sklep-kwiatek"))
        .arg("--out")
        .arg(&out)
        .args(["--changes-since", "no-such-revision-xyz"])
        .assert()
        .code(2);
    assert!(!out.exists());
}

#[test]
fn a_retired_standard_is_announced_as_no_longer_applying() {
    let temp = tempfile::tempdir().unwrap();
    let new = temp.path().join("new");
    copy_dir(&example("sklep-kwiatek"), &new);
    edit(
        &new.join("standards/phone-answer.md"),
        "owner = \"shift-lead\"",
        "owner = \"shift-lead\"\nstatus = \"retired\"",
    );
    let out = temp.path().join("out");
    sok()
        .arg("build")
        .arg(&new)
        .arg("--out")
        .arg(&out)
        .arg("--format")
        .arg("markdown")
        .arg("--changes-since")
        .arg(example("sklep-kwiatek"))
        .assert()
        .success();
    let markdown = std::fs::read_to_string(out.join("handbook.md")).unwrap();
    let notice = &markdown[markdown.find("{#section-changes}").unwrap()..];
    assert!(
        notice.contains("„Odbieramy telefon w ciągu 2 minut”. Przestaje obowiązywać."),
        "{notice}"
    );
    assert!(!notice.contains("Zmiany: status"), "{notice}");
}
