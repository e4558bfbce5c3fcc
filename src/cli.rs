//! Command-line arguments. The doc comments are the help text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Compile customer-service standards kept as code: check, lint, build and diff a handbook.
#[derive(Debug, Parser)]
#[command(name = "sok", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to use colours (also honours NO_COLOR).
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load a handbook and report every problem in its sources.
    Check(CheckArgs),
    /// Print the documentation of a diagnostic code or a lint rule.
    Explain(ExplainArgs),
    /// Check a handbook against the method's rules (after the checks of `sok check`).
    Lint(LintArgs),
    /// List the lint rules with their default levels.
    Rules,
    /// Render the handbook as an HTML site and one PDF-ready Markdown file.
    Build(BuildArgs),
    /// Show what changed between two editions: directories or git revisions.
    Diff(DiffArgs),
    /// Serve the handbook on 127.0.0.1, rebuilding and reloading the pages on every change.
    Serve(ServeArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics with the source lines they point at.
    Human,
    /// One JSON object per diagnostic, in an array.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The handbook root: the directory that holds `sok.toml`.
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A code such as `sok::ref::unknown` (or `ref::unknown`), or a lint rule name.
    pub code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// Findings with the source lines they point at.
    Human,
    /// One line per finding: `file:line:col: level[rule] message`.
    Concise,
    /// One JSON object per finding, in an array (see docs/lint.md).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Exit 1 on warnings too.
    Warnings,
}

#[derive(Debug, clap::Args)]
pub struct LintArgs {
    /// The handbook root: the directory that holds `sok.toml`.
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,

    /// Fail (exit 1) on warnings as well as errors.
    #[arg(long, value_enum, value_name = "warnings")]
    pub deny: Option<Deny>,

    /// Report only these rules (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,..")]
    pub select: Vec<String>,

    /// Do not report these rules (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE,..")]
    pub ignore: Vec<String>,

    /// The date review rules compare against, YYYY-MM-DD (default: today, UTC).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub today: Option<crate::values::Date>,

    /// Report only findings in files changed since this git revision (and untracked files).
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
}

fn parse_date(text: &str) -> Result<crate::values::Date, String> {
    crate::values::Date::parse(text)
        .ok_or_else(|| format!("`{text}` is not a date like 2026-11-24"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Grouped by kind, prose as a word diff; coloured on a terminal.
    Human,
    /// GitHub-flavoured Markdown for a pull-request comment.
    Markdown,
    /// A stable JSON document (see docs/diff.md).
    Json,
}

/// A class of change for `--fail-on`, or `any`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Any,
    Added,
    Removed,
    Tightened,
    Loosened,
    Reassigned,
    Changed,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The old edition: a handbook directory, a git revision, or `A..B` / `A...B` for both.
    pub old: String,

    /// The new edition: a directory or a revision [default: the working tree].
    pub new: Option<String>,

    /// The handbook's folder inside the repository, for revisions [default: the current
    /// directory, or the folder of a directory given as the other edition].
    #[arg(long)]
    pub path: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,

    /// Exit 1 when the diff has a change of one of these classes (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "CLASS,..")]
    pub fail_on: Vec<FailOn>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BuildFormat {
    /// The static site in `OUT/html/`.
    Html,
    /// `OUT/handbook.md` (with `OUT/assets/`), ready for pandoc.
    Markdown,
    /// Both.
    All,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The handbook root: the directory that holds `sok.toml`.
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// The output directory [default: `[build].out` relative to DIR, or DIR/build].
    #[arg(long)]
    pub out: Option<PathBuf>,

    /// What to build.
    #[arg(long, value_enum, default_value_t = BuildFormat::All)]
    pub format: BuildFormat,

    /// Add the chapter "what changed in this edition", compared with an earlier edition: a
    /// git revision (read at DIR's folder) or a handbook directory.
    #[arg(long, value_name = "REV|DIR")]
    pub changes_since: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The handbook root: the directory that holds `sok.toml`.
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,

    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
}
