//! `sok sample-events` as a command: the same bytes for the same seed, an atomic `--out`
//! that never replaces a source, and the written `events/` file leaving the handbook clean.

use assert_cmd::Command;

use crate::common::example;

fn sok() -> Command {
    assert_cmd::cargo::cargo_bin_cmd!("sok")
}

/// A copy of the Polish example in a temporary folder.
fn handbook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = example("sklep-kwiatek");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let relative = entry.path().strip_prefix(&from).unwrap();
        if relative.starts_with("build") || relative.starts_with("events") {
            continue;
        }
        let to = dir.path().join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

fn stderr(assert: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

const ARGS: [&str; 8] = [
    "--from",
    "2026-10-01",
    "--days",
    "14",
    "--per-day",
    "5",
    "--bad-rows",
    "5",
];

#[test]
fn stdout_is_deterministic_and_starts_with_the_columns() {
    let run = |seed: &str| {
        sok()
            .arg("sample-events")
            .arg(example("sklep-kwiatek"))
            .args(ARGS)
            .args(["--seed", seed])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("9");
    assert!(one.starts_with(b"id,metric,touchpoint,start,end,value,abandoned,agent,team\n"));
    assert!(one.len() > 20_000);
    assert_eq!(one, run("9"));
    assert_ne!(one, run("10"));
}

#[test]
fn out_into_events_leaves_the_handbook_clean_and_refuses_sources() {
    let dir = handbook();
    let out = dir.path().join("events/sample.jsonl");
    sok()
        .arg("sample-events")
        .arg(dir.path())
        .args(ARGS)
        .args(["--format", "jsonl", "--out"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().all(|l| l.starts_with("{\"id\":")));
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(out.parent().unwrap()).unwrap().count(), 1);
    sok().arg("check").arg(dir.path()).assert().success();

    // A plain existing file is replaced.
    std::fs::write(&out, "old").unwrap();
    sok()
        .arg("sample-events")
        .arg(dir.path())
        .args(["--days", "1", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().starts_with("id,"));

    for source in [
        "sok.toml",
        "owners.toml",
        "standards/nps.md",
        "assets/logo.svg",
    ] {
        let path = dir.path().join(source);
        let before = std::fs::read(&path).unwrap();
        let assert = sok()
            .arg("sample-events")
            .arg(dir.path())
            .args(["--days", "1", "--out"])
            .arg(&path)
            .assert()
            .code(2);
        assert!(stderr(&assert).contains("part of the handbook's sources"));
        assert_eq!(std::fs::read(&path).unwrap(), before, "{source}");
    }
    let assert = sok()
        .arg("sample-events")
        .arg(dir.path())
        .args(["--out"])
        .arg(dir.path())
        .assert()
        .code(2);
    assert!(stderr(&assert).contains("is a folder"));
}
