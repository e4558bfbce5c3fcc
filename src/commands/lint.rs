//! `sok lint`: run the checks, then the method's rules; print findings in the chosen format.

use std::path::Path;

use super::{Fatal, Outcome, print};
use crate::cli::{LintArgs, LintFormat};
use crate::diagnostics::emit::{self, Style};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity, codes, did_you_mean};
use crate::lint::{self, Options, Rule, output};
use crate::source::Sources;
use crate::values::Date;

pub(super) fn execute(args: LintArgs, root: &Path, style: Style) -> Result<Outcome, Fatal> {
    let sarif = args.format == LintFormat::Sarif;
    let outcome = lint(args, root, style);
    if let (true, Err(fatal)) = (sarif, &outcome) {
        // CI redirects SARIF into a file that an upload step reads: keep it a valid log.
        print(&output::sarif::sarif_failure(&fatal.message))?;
    }
    outcome
}

fn lint(args: LintArgs, root: &Path, style: Style) -> Result<Outcome, Fatal> {
    let select = rules_named(&args.select, "--select")?;
    let ignore = rules_named(&args.ignore, "--ignore")?;
    let checked = crate::check_dir(root)?;
    let changed = match &args.changed_since {
        Some(revision) => Some(changed_files(root, revision).map_err(|error| {
            Fatal::new(error.to_string()).with_help(format!(
                "`--changed-since` takes a git revision such as `origin/main` or `HEAD~1`, in the repository of `{}`",
                root.display()
            ))
        })?),
        None => None,
    };
    let prefix = match args.format {
        LintFormat::Sarif | LintFormat::Github => repository_prefix(root),
        _ => String::new(),
    };
    let blocked = checked.diagnostics.has_errors();
    let mut found = Diagnostics::default();
    if !blocked {
        let options = Options {
            today: args.today.unwrap_or_else(Date::today),
            select,
            ignore,
        };
        found.extend(lint::lint(
            &checked.handbook,
            &checked.sources,
            &checked.index,
            &options,
        ));
        if let Some(changed) = &changed {
            found.retain(|d| changed.contains(&checked.sources.get(d.span.file).path));
        }
    }
    found.extend(checked.diagnostics);
    let diagnostics = found.into_sorted(&checked.sources);
    print(&render(
        args.format,
        &diagnostics,
        &checked.sources,
        style,
        &prefix,
    ))?;
    let counts = |d: &&Diagnostic| d.severity == Severity::Error || args.deny.is_some();
    Ok(if diagnostics.iter().any(|d| counts(&d)) {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

fn render(
    format: LintFormat,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    style: Style,
    prefix: &str,
) -> String {
    match format {
        LintFormat::Human | LintFormat::Concise if diagnostics.is_empty() => {
            "no problems found\n".to_string()
        }
        LintFormat::Human => emit::human(diagnostics, sources, style),
        LintFormat::Concise => emit::concise(diagnostics, sources),
        LintFormat::Json => emit::json(diagnostics, sources),
        LintFormat::Sarif => output::sarif::sarif(diagnostics, sources, prefix),
        LintFormat::Github => output::github::github(diagnostics, sources, prefix),
    }
}

/// The rules named on the command line; an unknown name is a usage error (exit 2).
fn rules_named(names: &[String], option: &str) -> Result<Vec<&'static Rule>, Fatal> {
    names
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|name| {
            lint::find(name).ok_or_else(|| {
                Fatal::new(format!("unknown lint rule `{name}` in `{option}`"))
                    .with_code(&codes::LINT_UNKNOWN_RULE)
                    .with_help(
                        did_you_mean(name, lint::names())
                            .unwrap_or_else(|| "`sok rules` lists the rules".to_string()),
                    )
            })
        })
        .collect()
}

/// Files of the handbook at `dir` changed since `revision`, or untracked, relative to `dir`.
fn changed_files(
    dir: &std::path::Path,
    revision: &str,
) -> Result<std::collections::BTreeSet<String>, crate::error::Error> {
    let top = crate::git::toplevel(dir)?;
    let prefix = crate::git::prefix(dir)?;
    Ok(crate::git::changed_paths(&top, revision, &prefix)?
        .into_iter()
        .collect())
}

/// The handbook root relative to its repository's top (`"examples/shop/"`), or `""` when it
/// is the top or not in a repository, so SARIF and GitHub paths match the pull request.
fn repository_prefix(dir: &std::path::Path) -> String {
    match crate::git::prefix(dir) {
        Ok(prefix) if !prefix.is_empty() => format!("{prefix}/"),
        _ => String::new(),
    }
}
