//! `sok check`: load, resolve and validate; print every problem.

use std::path::Path;

use super::{Fatal, Outcome, print};
use crate::cli::{CheckArgs, CheckFormat};
use crate::diagnostics::emit::{self, Style};

pub(super) fn execute(args: CheckArgs, root: &Path, style: Style) -> Result<Outcome, Fatal> {
    let checked = crate::check_dir(root)?;
    let failed = checked.diagnostics.has_errors();
    let diagnostics = checked.diagnostics.into_sorted(&checked.sources);
    let text = match args.format {
        CheckFormat::Json => emit::json(&diagnostics, &checked.sources),
        CheckFormat::Human if diagnostics.is_empty() => "no problems found\n".to_string(),
        CheckFormat::Human => emit::human(&diagnostics, &checked.sources, style),
    };
    print(&text)?;
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}
