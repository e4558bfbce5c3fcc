//! Command-line arguments. The doc comments are the help text.

use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum, ValueHint};

use crate::model::{Kind, Language};

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
pub struct MeasureArgs {
    /// The handbook root, the folder that holds `sok.toml`
    /// [default: the nearest folder at or above the current one that holds `sok.toml`].
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

    /// Event files (CSV, JSON Lines, Parquet, by extension), folders of them, glob patterns,
    /// or `-` for CSV on standard input.
    #[arg(long, value_name = "PATH", num_args = 1.., required_unless_present = "sql")]
    pub events: Vec<String>,

    /// The moment events without `end` are judged at: RFC 3339, a local date-time, or a
    /// date (its end) in the calendar's time zone [default: now].
    #[arg(long, value_name = "TIMESTAMP")]
    pub as_of: Option<String>,

    /// Only events that start on or after this local date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only events that start on or before this local date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// How to write the report.
    #[arg(long, value_enum, default_value_t = MeasureFormat::Human)]
    pub format: MeasureFormat,

    /// Write the report to this file instead of standard output (replaced atomically).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Exit 1 also when a standard missed its target in its latest complete period.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<MeasureFailOn>,

    /// Print one SQL program that computes the report in a warehouse, instead of reading
    /// events.
    #[arg(long, value_enum, value_name = "DIALECT", conflicts_with = "events")]
    pub sql: Option<SqlDialect>,

    /// The events table the SQL reads.
    #[arg(long, value_name = "NAME", default_value = "events", requires = "sql")]
    pub table: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MeasureFormat {
    /// Tables per owner for the terminal, missed standards first.
    Human,
    /// The report as JSON (schema 1, docs/measure.md).
    Json,
    /// Markdown, for a pull request or an e-mail.
    Markdown,
    /// A standalone accessible page with a chart per standard.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MeasureFailOn {
    /// A standard that missed its target in its latest complete period.
    Missed,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The tool to write configuration for.
    #[arg(value_enum)]
    pub target: ExportTarget,

    /// The handbook root, the folder that holds `sok.toml`
    /// [default: the nearest folder at or above the current one that holds `sok.toml`].
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub out: Option<PathBuf>,

    /// Only this touchpoint's targets (repeat for several) [default: every touchpoint].
    #[arg(long = "touchpoint", value_name = "ID")]
    pub touchpoints: Vec<String>,

    /// Exit 1 when a standard, or part of one, cannot be expressed in the tool.
    #[arg(long)]
    pub strict: bool,

    /// Write nothing; exit 0 when FILE holds what would be written, 1 (with a diff) when not.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath, conflicts_with = "out")]
    pub check: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportTarget {
    /// SLA policies and schedules.
    Zendesk,
    /// SLA policies.
    Freshdesk,
    /// Queue service levels per media type.
    Genesys,
    /// SLA definitions and schedules.
    Servicenow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SqlDialect {
    Postgres,
    Duckdb,
    Bigquery,
    Snowflake,
    Spark,
}

/// The "Examples:" section of every command's `--help`.
mod examples {
    pub(super) const SOK: &str = "\
Examples:
  sok init shop --language pl   start a Polish handbook in the folder shop/
  sok check                     check the handbook of the current folder
  sok build                     render it into build/
  sok help new                  the help of one command";

    pub(super) const INIT: &str = "\
Examples:
  sok init                        a starter handbook in English, in the current folder
  sok init shop --language pl     a Polish one in shop/ (created if missing)
  sok init shop --fill            add only the starter files that shop/ does not have yet";

    pub(super) const NEW: &str = "\
Examples:
  sok new standard callback-time                        standards/callback-time.md
  sok new owner night-shift --title \"Night shift lead\"  owners/night-shift.md, named
  sok new chapter uniforms path/to/handbook             in the handbook at path/to/handbook";

    pub(super) const MEASURE: &str = "\
Examples:
  sok measure --events events/                  every events file in events/, as tables
  sok measure --events calls.csv --format json  the report as JSON, for a script
  sok measure --events x.csv --fail-on missed   exit 1 when a standard missed its target
  sok measure --sql postgres > measure.sql      the same report as SQL for a warehouse";

    pub(super) const EXPORT: &str = "\
Examples:
  sok export zendesk --out zendesk.json      Zendesk SLA policies and schedules
  sok export genesys --touchpoint hotline    one touchpoint's queue service levels
  sok export freshdesk --check freshdesk.json   exit 1 when the committed file is stale";

    pub(super) const CHECK: &str = "\"
Examples:
  sok check                 the handbook that holds the current folder
  sok check examples/shop   the handbook in examples/shop
  sok check --format json   every problem as JSON, for an editor or a script";

    pub(super) const EXPLAIN: &str = "\
Examples:
  sok explain ref::unknown   what an unknown reference means and how to fix it
  sok explain vague-wording  the lint rule vague-wording";

    pub(super) const LINT: &str = "\
Examples:
  sok lint                                 the method's rules on the current handbook
  sok lint --deny warnings                 fail on warnings too, as CI does
  sok lint --format sarif > lint.sarif     for GitHub code scanning
  sok lint --changed-since origin/main     only the files a pull request changed";

    pub(super) const RULES: &str = "\
Examples:
  sok rules                   every rule with its default level
  sok explain long-sentence   the documentation of one rule";

    pub(super) const BUILD: &str = "\
Examples:
  sok build                                 render into build/ (or [build].out)
  sok build --out /tmp/site --format html   only the site, elsewhere
  sok build --changes-since v1.0.0          add the chapter \"what changed\" since a git tag
  sok build --measurements report.json      add the chapter with the standards' results";

    pub(super) const DIFF: &str = "\
Examples:
  sok diff v1.0.0                              the working tree against a git tag
  sok diff main HEAD --format markdown         a comment for a pull request
  sok diff old-edition/ new-edition/           two directories
  sok diff origin/main.. --fail-on loosened    fail CI when a standard got weaker";

    pub(super) const COMPLETIONS: &str = "\
Examples:
  sok completions bash > ~/.local/share/bash-completion/completions/sok
  sok completions zsh > ~/.zfunc/_sok
  sok completions fish > ~/.config/fish/completions/sok.fish";

    pub(super) const MAN: &str = "\
Examples:
  sok man > sok.1 && man ./sok.1               read it
  sok man > /usr/local/share/man/man1/sok.1    install it
  sok man check > sok-check.1                  the page of one command";

    pub(super) const SCHEMA: &str = "\
Examples:
  sok schema --out .sok/schema --taplo   schemas for the editor, and the .taplo.toml that uses them
  sok schema --out /tmp/schema           the schemas alone, for taplo in CI";

    pub(super) const SERVE: &str = "\
Examples:
  sok serve                       serve the handbook of this folder on http://127.0.0.1:3000/
  sok serve --port 8080 --open    another port, and open the browser";

    pub(super) const SAMPLE_EVENTS: &str = "\
Examples:
  sok sample-events > events.csv                     91 days up to yesterday, as CSV
  sok sample-events --seed 7 --from 2026-09-01 --days 30 --out events/september.csv
  sok sample-events --per-day 500 --bad-rows 2 --format jsonl --out /tmp/events.jsonl";
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SampleFormat {
    /// CSV with a header line.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

#[derive(Debug, clap::Args)]
pub struct SampleEventsArgs {
    /// The handbook root [default: the nearest folder at or above the current one that holds
    /// `sok.toml`].
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

    /// The seed: the same seed and options always write the same bytes.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,

    /// The first day, YYYY-MM-DD, in the calendar's time zone [default: 91 days before today].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<crate::values::Date>,

    /// How many days.
    #[arg(long, default_value_t = 91)]
    pub days: u32,

    /// Mean contacts per touchpoint per open day (surveys and audits are a share of them).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub per_day: u32,

    /// Rows in a thousand to make bad on purpose, one rejection kind after another.
    #[arg(long, value_name = "PER_MILLE", default_value_t = 0)]
    pub bad_rows: u32,

    /// Output format.
    #[arg(long, value_enum, default_value_t = SampleFormat::Csv)]
    pub format: SampleFormat,

    /// Write to FILE (atomically) instead of stdout.
    #[arg(long, value_name = "FILE", value_hint = ValueHint::FilePath)]
    pub out: Option<PathBuf>,
}
