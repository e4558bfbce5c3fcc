//! Helpers shared by the lint tests: load a fixture, lint it, render findings.

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};

use sok::diagnostics::Diagnostic;
use sok::diagnostics::emit::{self, Style};
use sok::lint::{self, Options};
use sok::values::Date;

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
