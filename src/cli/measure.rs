//! The arguments of `sok measure` and `sok sample-events`: the commands of event data.

use std::path::PathBuf;

use clap::{ValueEnum, ValueHint};

use super::parse_date;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SqlDialect {
    Postgres,
    Duckdb,
    Bigquery,
    Snowflake,
    Spark,
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
