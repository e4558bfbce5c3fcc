//! The arguments of `sok audit`.

use std::path::PathBuf;

use clap::{ValueEnum, ValueHint};

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// The handbook root, the folder that holds `sok.toml`
    /// [default: the nearest folder at or above the current one that holds `sok.toml`].
    #[arg(value_hint = ValueHint::DirPath)]
    pub dir: Option<PathBuf>,

    /// The touchpoint to write the scorecard of (repeat for several) [default: every
    /// touchpoint, or the role's].
    #[arg(long = "touchpoint", value_name = "ID", conflicts_with = "score")]
    pub touchpoints: Vec<String>,

    /// Only what this owner applies: its touchpoints and the standards it carries out.
    #[arg(long, value_name = "OWNER", conflicts_with = "score")]
    pub role: Option<String>,

    /// The form's format.
    #[arg(long, value_enum, default_value_t = AuditFormat::Html, conflicts_with = "score")]
    pub format: AuditFormat,

    /// Write to FILE (one scorecard, or the events of --score) or into DIR as
    /// `<touchpoint>.<ext>` (several scorecards) instead of standard output.
    #[arg(short, long, value_name = "FILE|DIR", value_hint = ValueHint::AnyPath)]
    pub out: Option<PathBuf>,

    /// Score filled CSV or JSON forms and write one `audit_score` event per form (CSV
    /// events that `sok measure` reads), instead of writing blank forms.
    #[arg(long, value_name = "FILLED", num_args = 1.., value_hint = ValueHint::FilePath)]
    pub score: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuditFormat {
    /// A printable, self-contained HTML form.
    Html,
    /// Markdown tables.
    Markdown,
    /// A JSON evaluation form (docs/audit.schema.json).
    Json,
    /// One row per item, answers in one column.
    Csv,
}
