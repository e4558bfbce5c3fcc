//! Command-line arguments. The doc comments are the help text.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum, ValueHint};

use crate::model::{Kind, Language};

mod audit;
mod examples;
mod export;
mod measure;

pub use audit::{AuditArgs, AuditFormat};
pub use export::{ExportArgs, ExportTarget};
pub use measure::{
    MeasureArgs, MeasureFailOn, MeasureFormat, SampleEventsArgs, SampleFormat, SqlDialect,
};

/// Compile customer-service standards kept as code: check, lint, build and diff a handbook.
#[derive(Debug, Parser)]
#[command(
    name = "sok",
    version,
    about,
    max_term_width = 100,
    after_help = examples::SOK
)]
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
    /// Start a handbook from a starter one in English, Polish, Russian or Slovenian.
    #[command(after_help = examples::INIT)]
    Init(InitArgs),
    /// Add a standard, situation, touchpoint, owner, journey or chapter to fill in.
    #[command(after_help = examples::NEW)]
    New(NewArgs),
    /// Load a handbook and report every problem in its sources.
    #[command(after_help = examples::CHECK)]
    Check(CheckArgs),
    /// Print the documentation of a diagnostic code or a lint rule.
    #[command(after_help = examples::EXPLAIN)]
    Explain(ExplainArgs),
    /// Check a handbook against the method's rules (after the checks of `sok check`).
    #[command(after_help = examples::LINT)]
    Lint(LintArgs),
    /// List the lint rules with their default levels.
    #[command(after_help = examples::RULES)]
    Rules,
    /// Render the handbook as an HTML site and one PDF-ready Markdown file.
    #[command(after_help = examples::BUILD)]
    Build(BuildArgs),
    /// Show what changed between two editions: directories or git revisions.
    #[command(after_help = examples::DIFF)]
    Diff(DiffArgs),
    /// Compute from event data whether each standard held, per period, agent and team.
    #[command(after_help = examples::MEASURE)]
    Measure(MeasureArgs),
    /// Write the standards' targets as help desk and contact center JSON.
    #[command(after_help = examples::EXPORT)]
    Export(ExportArgs),
    /// Write QA and mystery-shopper scorecards, or score filled ones into events.
    #[command(after_help = examples::AUDIT)]
    Audit(AuditArgs),
    /// Print a completion script for a shell: bash, zsh, fish, powershell or elvish.
    #[command(after_help = examples::COMPLETIONS)]
    Completions(CompletionsArgs),
    /// Print sok's manual page (roff), to install as `sok.1`.
    #[command(after_help = examples::MAN)]
    Man(ManArgs),
    /// Write JSON Schemas of the TOML sources, for taplo and editors (docs/editor.md).
    #[command(after_help = examples::SCHEMA)]
    Schema(SchemaArgs),
    /// Serve the handbook live on 127.0.0.1, rebuilt and reloaded on every change.
    #[command(after_help = examples::SERVE)]
    Serve(ServeArgs),
    /// Write seeded sample events for the measurable standards, for tests and benches.
    #[command(after_help = examples::SAMPLE_EVENTS)]
    SampleEvents(SampleEventsArgs),
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder to write the handbook into; created if missing.
    #[arg(default_value = ".", value_hint = ValueHint::DirPath)]
    pub dir: PathBuf,

    /// The language of the starter handbook: its texts, labels and lint phrases.
    #[arg(long, default_value = "en", value_parser = language_parser())]
    pub language: Language,

    /// Write the starter files that do not exist yet into a folder that is not empty,
    /// keeping every file that is there.
    #[arg(long)]
    pub fill: bool,

    /// The date taken as today, for the review dates written (tests only).
    #[arg(long, hide = true, value_parser = parse_date)]
    pub today: Option<crate::values::Date>,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// What to add.
    #[arg(value_name = "KIND", value_parser = kind_parser())]
    pub kind: Kind,

    /// Its id, in lowercase kebab-case (`callback-time`): the file is named after it.
    pub id: String,

    /// The handbook root [default: the folder at or above the current one that holds
    /// `sok.toml`].
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

    /// The title (or name) to write instead of a placeholder.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// The date taken as today, for the dates written (tests only).
    #[arg(long, hide = true, value_parser = parse_date)]
    pub today: Option<crate::values::Date>,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// One command's page (`sok-check(1)`) instead of sok's.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// `en`, `pl`, `ru`, `sl`: the languages of `model::Language`.
fn language_parser() -> impl TypedValueParser<Value = Language> {
    PossibleValuesParser::new(Language::WORDS).map(|word| {
        Language::KEYWORDS
            .iter()
            .find(|(w, _)| *w == word)
            .map_or(Language::En, |(_, language)| *language)
    })
}

/// The kinds that have a folder of one-entity files (`layout::kind_folder`).
fn kind_parser() -> impl TypedValueParser<Value = Kind> {
    let names = Kind::ALL
        .into_iter()
        .filter(|&kind| crate::layout::kind_folder(kind).is_some())
        .map(Kind::name);
    PossibleValuesParser::new(names).map(|name| Kind::from_name(&name).unwrap_or(Kind::Standard))
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
    /// The handbook root, the folder that holds `sok.toml` (naming `sok.toml` works too)
    /// [default: the nearest folder at or above the current one that holds `sok.toml`].
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// A code such as `sok::ref::unknown` (or `ref::unknown`), or a lint rule name.
    pub code: String,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// The handbook root, where `--taplo` writes `.taplo.toml`.
    #[arg(default_value = ".")]
    pub dir: PathBuf,

    /// The directory to write the schemas to (created if missing). Inside the handbook it
    /// must be a hidden folder, such as `.sok/schema`.
    #[arg(long)]
    pub out: PathBuf,

    /// Also write DIR/.taplo.toml, which maps the handbook's TOML files to the schemas
    /// (refused if DIR holds a `.taplo.toml` that sok did not write).
    #[arg(long)]
    pub taplo: bool,
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
    /// The handbook root, the folder that holds `sok.toml` (naming `sok.toml` works too)
    /// [default: the nearest folder at or above the current one that holds `sok.toml`].
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

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
    /// The handbook root, the folder that holds `sok.toml` (naming `sok.toml` works too)
    /// [default: the nearest folder at or above the current one that holds `sok.toml`].
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

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

    /// Add the chapter with the results of the standards, from a JSON report written by
    /// `sok measure --format json`.
    #[arg(long, value_name = "REPORT.json", value_hint = ValueHint::FilePath)]
    pub measurements: Option<PathBuf>,

    /// Refuse to build (exit 1, nothing written) when lint finds problems at this level or
    /// above [default: `[build].deny_lint`, else build anyway].
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny_lint: Option<DenyLint>,

    /// Build the handbook of one role: what this owner applies and is accountable for, with
    /// the glossary, principles and chapters [default OUT: the usual one, `-OWNER` appended].
    #[arg(long, value_name = "OWNER", conflicts_with = "team")]
    pub role: Option<String>,

    /// Build the handbook of one team: what every owner whose `team` is TEAM applies and is
    /// accountable for [default OUT: the usual one, `-team-TEAM` appended].
    #[arg(long, value_name = "TEAM")]
    pub team: Option<String>,
}

/// The lint level at which `sok build` refuses to publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DenyLint {
    /// Lint errors stop the build.
    Error,
    /// Lint errors and warnings stop the build.
    Warning,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The handbook root, the folder that holds `sok.toml` [default: the nearest folder at or
    /// above the current one that holds `sok.toml`].
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

    /// The port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 3000)]
    pub port: u16,

    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
}
