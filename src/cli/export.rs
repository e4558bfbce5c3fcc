//! The arguments of `sok export`.

use std::path::PathBuf;

use clap::{ValueEnum, ValueHint};

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
