//! Helpers shared by the integration tests: where the fixtures are, running the checker and
//! the linter as a library, and the invariants every diagnostic must keep.

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};
use std::process::Command;

use sok::Checked;
use sok::diagnostics::Diagnostic;
use sok::diagnostics::emit::{self, Style};
use sok::lint::{self, Options};
use sok::source::{Sources, Span};
use sok::values::Date;

/// The style of every human-format snapshot: no colour, 80 columns (STYLE.md, Tests).
pub const SNAPSHOT_STYLE: Style = Style {
    color: false,
    width: 80,
};

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<relative>`.
pub fn fixture(relative: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures").join(relative)
}

/// `examples/<name>`.
pub fn example(name: &str) -> PathBuf {
    manifest_dir().join("examples").join(name)
}

/// A handbook after `sok::check_dir`, with its diagnostics sorted as the CLI prints them.
pub struct Report {
    pub checked: Checked,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn human(&self) -> String {
        emit::human(&self.diagnostics, &self.checked.sources, SNAPSHOT_STYLE)
    }

    pub fn json(&self) -> String {
        emit::json(&self.diagnostics, &self.checked.sources)
    }

    pub fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.code).collect()
    }

    /// `(file, line, column, code)` of every diagnostic, in output order.
    pub fn positions(&self) -> Vec<(String, usize, usize, &'static str)> {
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
pub fn check(dir: &Path) -> Report {
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
pub fn span_violation(diagnostics: &[Diagnostic], sources: &Sources) -> Option<String> {
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
pub fn redact_root(text: &str, root: &Path) -> String {
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
pub fn write_files(root: &Path, files: &[(&str, &[u8])]) {
    for (path, contents) in files {
        let path = root.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create directory");
        }
        std::fs::write(&path, contents).expect("write file");
    }
}

/// The fixed date every lint test runs at.
pub const TODAY: &str = "2026-11-24";

pub fn today() -> Date {
    Date::parse(TODAY).expect("a valid date")
}

pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A handbook after the checks and lint, with its findings sorted.
pub struct Linted {
    pub checked: sok::Checked,
    pub findings: Vec<Diagnostic>,
}

impl Linted {
    /// Findings as `(rule, file, line)`.
    pub fn places(&self) -> Vec<(String, String, usize)> {
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
    pub fn human(&self) -> String {
        let style = Style {
            color: false,
            width: 80,
        };
        emit::human(&self.findings, &self.checked.sources, style)
    }
}

/// Checks and lints the handbook at `dir`, reporting only `select` (all rules when empty).
/// Panics when the checks fail: a lint fixture must be a valid handbook.
pub fn lint_dir(dir: &Path, select: &[&str]) -> Linted {
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
    let mut findings = lint::lint_checked(&checked, &options);
    findings.sort_by(|a, b| {
        a.sort_key(&checked.sources)
            .cmp(&b.sort_key(&checked.sources))
    });
    Linted { checked, findings }
}

// Helpers of the diff tests: editing a copied handbook and running git.

/// The repository's root (where `Cargo.toml` is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies the directory `from` to `to` (created if needed), recursively.
pub fn copy_dir(from: &Path, to: &Path) {
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
pub fn edit(path: &Path, old: &str, new: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains(old),
        "{} does not contain {old:?}",
        path.display()
    );
    std::fs::write(path, text.replacen(old, new, 1)).unwrap();
}

/// Writes a file, creating its folders.
pub fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Runs git in `dir` with a fixed identity and no signing, isolated from the user's setup.
pub fn git(dir: &Path, args: &[&str]) -> String {
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
