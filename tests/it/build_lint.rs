//! `sok build` and lint: a one-line summary of the findings on stderr, and `--deny-lint` or
//! `[build] deny_lint` refusing to publish a handbook with findings at that level.

use std::path::Path;
use std::process::Output;

use crate::common::{self, copy_dir, fixture};

fn build(dir: &Path, out: &Path, extra: &[&str]) -> Output {
    assert_cmd::cargo::cargo_bin_cmd!("sok")
        .current_dir(common::manifest_dir())
        .env("COLUMNS", "80")
        .arg("build")
        .arg(dir)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .expect("sok runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Two standards whose `share` is a fraction and no principles: lint warnings, no error.
fn warnings_only() -> std::path::PathBuf {
    fixture("lint/fractional-share/bad")
}

#[test]
fn build_prints_a_one_line_lint_summary_and_publishes() {
    let out = tempfile::tempdir().unwrap();
    let output = build(&warnings_only(), &out.path().join("site"), &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert_eq!(
        err,
        "lint: 3 warnings in 3 files — run `sok lint` for details\n"
    );
    assert!(out.path().join("site/html/index.html").is_file());
}

#[test]
fn deny_lint_refuses_to_publish_at_its_level() {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let output = build(&warnings_only(), &site, &["--deny-lint", "warning"]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(err.starts_with("lint: 3 warnings in 3 files"), "{err}");
    assert!(
        err.contains(
            "build stopped: `--deny-lint warning` refuses a handbook with lint errors or warnings; nothing was written"
        ),
        "{err}"
    );
    assert!(!site.exists());
    let output = build(&warnings_only(), &site, &["--deny-lint", "error"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(site.join("html/index.html").is_file());
}

#[test]
fn deny_lint_in_sok_toml_refuses_lint_errors() {
    let root = tempfile::tempdir().unwrap();
    copy_dir(&fixture("lint/unmeasurable-standard/bad"), root.path());
    let settings = root.path().join("sok.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        format!("{text}\n[build]\ndeny_lint = \"error\"\n"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let output = build(root.path(), &site, &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "build stopped: `[build] deny_lint = \"error\"` refuses a handbook with lint errors; nothing was written"
        ),
        "{err}"
    );
    assert!(!site.exists());
}

#[test]
fn deny_lint_takes_only_lint_levels() {
    let root = tempfile::tempdir().unwrap();
    copy_dir(&warnings_only(), root.path());
    let settings = root.path().join("sok.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        format!("{text}\n[build]\ndeny_lint = \"warnings\"\n"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let output = build(root.path(), &out.path().join("site"), &[]);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains("`warnings` is not a valid `deny_lint`"),
        "{err}"
    );
}
