//! `sok diff OLD [NEW]`: load and check both editions, print what changed, and gate CI with
//! `--fail-on`. Exit 0: compared (and no `--fail-on` class present); 1: a `--fail-on` class
//! is present, or an edition has problems in its sources (printed to stderr, no diff);
//! 2: no diff was possible (bad revision, not a handbook, bad arguments).

use std::io::Write;
use std::path::Path;

use super::{Fatal, Outcome, print};
use crate::cli::{DiffArgs, DiffFormat, FailOn};
use crate::diagnostics::emit::{self, Style};
use crate::diff::editions::{self, Side};
use crate::diff::{Class, HandbookDiff, output};

/// `base` is the folder editions are read from (`super::diff_base`): the current directory,
/// or the handbook root above it.
pub(super) fn execute(args: DiffArgs, base: &Path, style: Style) -> Result<Outcome, Fatal> {
    let (old, new) =
        editions::load_pair(&args.old, args.new.as_deref(), args.path.as_deref(), base)?;
    let problems = [("old", &old), ("new", &new)]
        .into_iter()
        .filter(|(which, side)| report_problems(which, side, style))
        .count();
    if problems > 0 {
        return Ok(Outcome::Problems);
    }
    let diff = editions::compare(&old, &new);
    let text = match args.format {
        DiffFormat::Human => output::human(&diff, style.color),
        DiffFormat::Markdown => output::markdown(&diff),
        DiffFormat::Json => output::json(&diff),
    };
    print(&text)?;
    let hits = gate(&diff, &args.fail_on);
    if hits.is_empty() {
        return Ok(Outcome::Clean);
    }
    let names: Vec<&str> = hits.iter().map(|c| c.name()).collect();
    let _ = writeln!(
        std::io::stderr(),
        "sok diff: failing because of {} changes (--fail-on)",
        names.join(", ")
    );
    Ok(Outcome::Problems)
}

/// Prints an edition's problems to stderr; whether there were any at error level.
fn report_problems(which: &str, side: &Side, style: Style) -> bool {
    let checked = &side.checked;
    if !checked.diagnostics.has_errors() {
        return false;
    }
    let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
    let mut err = std::io::stderr().lock();
    let _ = writeln!(
        err,
        "error: the {which} edition (`{}`) has problems in its sources; fix them to compare it\n",
        side.edition.label
    );
    let _ = err.write_all(emit::human(&diagnostics, &checked.sources, style).as_bytes());
    true
}

/// The classes `--fail-on` asked for that the diff has (`any`: every class present).
fn gate(diff: &HandbookDiff, fail_on: &[FailOn]) -> Vec<Class> {
    let present = diff.classes();
    present
        .into_iter()
        .filter(|class| {
            fail_on.iter().any(|f| match f {
                FailOn::Any => true,
                FailOn::Added => *class == Class::Added,
                FailOn::Removed => *class == Class::Removed,
                FailOn::Tightened => *class == Class::Tightened,
                FailOn::Loosened => *class == Class::Loosened,
                FailOn::Reassigned => *class == Class::Reassigned,
                FailOn::Changed => *class == Class::Changed,
            })
        })
        .collect()
}
