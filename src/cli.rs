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
    /// Render the handbook as an HTML site and one PDF-ready Markdown file.
    Build(BuildArgs),
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
}
