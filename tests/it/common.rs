//! Helpers shared by the integration tests: where the fixtures are, running the checker and
//! the linter as a library, and the invariants every diagnostic must keep.

use std::path::{Path, PathBuf};
use std::process::Command;

use sok::Checked;
use sok::diagnostics::Diagnostic;
use sok::diagnostics::emit::{self, Style};
use sok::lint::{self, Options};
use sok::source::{Sources, Span};
use sok::values::Date;

/// The style of every human-format snapshot: no colour, 80 columns (STYLE.md, Tests).
pub(crate) const SNAPSHOT_STYLE: Style = Style {
    color: false,
    width: 80,
};

pub(crate) fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<relative>`.
pub(crate) fn fixture(relative: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures").join(relative)
}

/// `examples/<name>`.
pub(crate) fn example(name: &str) -> PathBuf {
    manifest_dir().join("examples").join(name)
}

/// A handbook after `sok::check_dir`, with its diagnostics sorted as the CLI prints them.
pub(crate) struct Report {
    pub(crate) checked: Checked,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub(crate) fn human(&self) -> String {
        emit::human(&self.diagnostics, &self.checked.sources, SNAPSHOT_STYLE)
    }

    pub(crate) fn json(&self) -> String {
        emit::json(&self.diagnostics, &self.checked.sources)
    }

    pub(crate) fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.code).collect()
    }

    /// `(file, line, column, code)` of every diagnostic, in output order.
    pub(crate) fn positions(&self) -> Vec<(String, usize, usize, &'static str)> {
        self.diagnostics
            .iter()
            .map(|d| {
                let at = emit::Position::of(d.span, &self.checked.sources);
                (at.file, at.line, at.column, d.code)
            })
            .collect()
    }
}

/// Runs the checker on `dir`, which must be a handbook root.
pub(crate) fn check(dir: &Path) -> Report {
    let checked =
        sok::check_dir(dir).unwrap_or_else(|e| panic!("{} is not a handbook: {e}", dir.display()));
    let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
    Report {
        checked,
        diagnostics,
    }
}

/// Every span (primary and related) lies within its file and starts and ends on a character
/// boundary, so that miette can show it. Returns the first violation.
pub(crate) fn span_violation(diagnostics: &[Diagnostic], sources: &Sources) -> Option<String> {
    let check = |d: &Diagnostic, span: Span| -> Option<String> {
        if span.file.0 as usize >= sources.len() {
            return Some(format!("{}: span in unknown file {:?}", d.code, span.file));
        }
        let file = sources.get(span.file);
        let text = &file.text;
        let ok = span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        (!ok).then(|| {
            format!(
                "{} `{}` in {}: span {}..{} is not valid in a file of {} bytes",
                d.code,
                d.message,
                file.path,
                span.start,
                span.end,
                text.len()
            )
        })
    };
    diagnostics
        .iter()
        .find_map(|d| check(d, d.span).or_else(|| d.related.iter().find_map(|r| check(d, r.span))))
}

/// Replaces every occurrence of `root` (and its canonical form) with `[ROOT]`.
pub(crate) fn redact_root(text: &str, root: &Path) -> String {
    let mut out = text.to_string();
    let mut roots = vec![root.to_path_buf()];
    if let Ok(canonical) = root.canonicalize() {
        roots.push(canonical);
    }
    for root in roots {
        let root = root.display().to_string();
        let root = root.trim_end_matches('/');
        if !root.is_empty() {
            out = out.replace(root, "[ROOT]");
        }
    }
    out
}

/// Writes `files` (relative path, contents) under `root`, creating folders as needed.
pub(crate) fn write_files(root: &Path, files: &[(&str, &[u8])]) {
    for (path, contents) in files {
        let path = root.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create directory");
        }
        std::fs::write(&path, contents).expect("write file");
    }
}

/// The fixed date every lint test runs at.
pub(crate) const TODAY: &str = "2026-11-24";

pub(crate) fn today() -> Date {
    Date::parse(TODAY).expect("a valid date")
}

/// `<relative>` in the repository (the crate root, where `Cargo.toml` is).
pub(crate) fn repo_path(relative: &str) -> PathBuf {
    manifest_dir().join(relative)
}

/// A handbook after the checks and lint, with its findings sorted.
pub(crate) struct Linted {
    pub(crate) checked: Checked,
    pub(crate) findings: Vec<Diagnostic>,
}

impl Linted {
    /// Findings as `(rule, file, line)`.
    pub(crate) fn places(&self) -> Vec<(String, String, usize)> {
        self.findings
            .iter()
            .map(|d| {
                let file = self.checked.sources.get(d.span.file);
                (
                    d.code.to_string(),
                    file.path.clone(),
                    file.line_col(d.span.start).0,
                )
            })
            .collect()
    }

    /// The human format, as a terminal without colours at width 80 shows it.
    pub(crate) fn human(&self) -> String {
        emit::human(&self.findings, &self.checked.sources, SNAPSHOT_STYLE)
    }
}

/// Checks and lints the handbook at `dir`, reporting only `select` (all rules when empty).
/// Panics when the checks fail: a lint fixture must be a valid handbook.
pub(crate) fn lint_dir(dir: &Path, select: &[&str]) -> Linted {
    let checked = sok::check_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert!(
        errors.is_empty(),
        "{}: the checks fail: {errors:#?}",
        dir.display()
    );
    let mut options = Options::new(today());
    options.select = select
        .iter()
        .map(|name| lint::find(name).unwrap_or_else(|| panic!("no rule {name}")))
        .collect();
    let mut findings = lint::lint(
        &checked.handbook,
        &checked.sources,
        &checked.index,
        &options,
    );
    findings.sort_by(|a, b| {
        a.sort_key(&checked.sources)
            .cmp(&b.sort_key(&checked.sources))
    });
    Linted { checked, findings }
}

// Editing a copied handbook, running git, and external tools.

/// Copies the directory `from` to `to` (created if needed), recursively.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Replaces `old` with `new` in the file at `path`, which must contain `old`.
pub(crate) fn edit(path: &Path, old: &str, new: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains(old),
        "{} does not contain {old:?}",
        path.display()
    );
    std::fs::write(path, text.replacen(old, new, 1)).unwrap();
}

/// Writes a file, creating its folders.
pub(crate) fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Runs git in `dir` with a fixed identity and no signing, isolated from the user's setup.
pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .unwrap();
    assert!(output.status.success(), "git {args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

/// Whether this is a CI run (`CI=true`, as CI services set it), where a test must not skip.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|value| value.eq_ignore_ascii_case("true") || value == "1")
}

/// Gives up on a test that needs something this machine does not have: prints `why` and lets
/// the caller return, or fails the test under `CI=true`, where everything must be installed
/// (`.ci/install-tools`).
#[track_caller]
pub(crate) fn skip(why: &str) {
    assert!(
        !in_ci(),
        "{why}; CI=true is set, so the test fails instead of skipping (install it with \
         `.ci/install-tools`)"
    );
    eprintln!("note: {why}; skipping the test");
}

/// Whether the external tool `name` is installed (`name --version` runs and succeeds). When
/// it is not, the test that asked may skip, except under `CI=true`, where this panics.
#[track_caller]
pub(crate) fn tool_available(name: &str) -> bool {
    let found = Command::new(name)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    if !found {
        skip(&format!("`{name}` is not installed"));
    }
    found
}

/// Runs the `sok` binary with `args` (no colour, 80 columns); returns the exit code, stdout and
/// stderr.
pub(crate) fn sok(args: &[&str]) -> (i32, String, String) {
    use assert_cmd::prelude::*;
    let output = Command::cargo_bin("sok")
        .expect("the sok binary")
        .env("COLUMNS", "80")
        .args(["--color", "never"])
        .args(args)
        .output()
        .expect("sok runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Runs `program` with `node -e` and parses what it prints as JSON; `None` (a failure under
/// `CI=true`) when node is not installed.
pub(crate) fn node_json(program: &str) -> Option<serde_json::Value> {
    if !tool_available("node") {
        skip("node is not installed");
        return None;
    }
    let output = std::process::Command::new("node")
        .arg("-e")
        .arg(program)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).expect("node prints JSON"))
}
