//! `sok build`: check, then render the handbook atomically into its output directory.

use std::path::Path;

use super::{Fatal, Outcome, print};
use crate::check::Checked;
use crate::cli::{BuildArgs, BuildFormat, DenyLint};
use crate::diagnostics::emit::{self, Style};
use crate::diagnostics::{Severity, codes};
use crate::diff;
use crate::i18n::Catalog;
use crate::lint;
use crate::measure;
use crate::model::{Handbook, Level};
use crate::render::view::context::plain;
use crate::render::{self, Audience, BuildOptions, ExtraChapter, output};
use crate::role::{self, Scope};
use crate::values::{Date, slugify};

pub(super) fn execute(args: BuildArgs, root: &Path, style: Style) -> Result<Outcome, Fatal> {
    let checked = crate::check_dir(root)?;
    let failed = checked.diagnostics.has_errors();
    let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
    if !diagnostics.is_empty() {
        super::print_err(&emit::human(&diagnostics, &checked.sources, style));
    }
    if failed {
        super::print_err("build stopped: fix the errors above; nothing was written\n");
        return Ok(Outcome::Problems);
    }
    if lint_stops(&checked, args.deny_lint) {
        return Ok(Outcome::Problems);
    }
    let scope = match (&args.role, &args.team) {
        (Some(role), _) => Some(Scope::Role(role.clone())),
        (None, Some(team)) => Some(Scope::Team(team.clone())),
        (None, None) => None,
    };
    let cut = match &scope {
        Some(scope) => Some(role::subset(&checked, scope).map_err(|message| {
            Fatal::new(message)
                .with_help("`sok build --role` takes an owner's id, `--team` the `team` of owners")
        })?),
        None => None,
    };
    let out = match args.out {
        Some(out) => out,
        None => {
            let configured = checked
                .handbook
                .settings
                .as_ref()
                .and_then(|s| s.build_out.as_ref());
            let base = configured
                .map_or("build", |o| o.value.as_str())
                .trim_end_matches('/');
            // A role's handbook goes beside the whole one, so neither build replaces the other.
            match &scope {
                Some(Scope::Role(id)) => root.join(format!("{base}-{id}")),
                Some(Scope::Team(team)) => root.join(format!("{base}-team-{}", slugify(team))),
                None => root.join(base),
            }
        }
    };
    output::check(root, &out)?;
    let theme = match render::Theme::load(&checked) {
        Ok(theme) => theme,
        Err(error) => return stopped(error),
    };
    let mut extras = Vec::new();
    if let Some(spec) = &args.changes_since {
        extras.push(change_notice(
            spec,
            root,
            &checked.handbook,
            &theme.catalog,
        )?);
    }
    if let Some(path) = &args.measurements {
        let report = measure::output::load::read(path)?;
        if let Some(warning) = measure::output::load::mismatch(&report, &checked.handbook) {
            super::print_err(&format!("warning: {warning}\n"));
        }
        extras.push(measure::output::results_chapter(
            &report,
            &checked,
            &theme.catalog,
        ));
    }
    let audience = cut
        .as_ref()
        .map(|(_, members)| audience(&checked, members, &scope));
    let options = BuildOptions {
        out: out.clone(),
        html: args.format != BuildFormat::Markdown,
        markdown: args.format != BuildFormat::Html,
        extras,
        audience,
    };
    let built = cut.as_ref().map_or(&checked, |(cut, _)| cut);
    match render::build_with(built, &options, &theme) {
        Ok(built) => {
            let shown = display(&out);
            let mut parts = Vec::new();
            if options.html {
                parts.push(format!("{shown}/html/ ({} pages)", built.pages));
            }
            if built.markdown {
                parts.push(format!("{shown}/handbook.md"));
            }
            print(&format!("built {}\n", parts.join(" and ")))?;
            Ok(Outcome::Clean)
        }
        Err(error) => stopped(error),
    }
}

/// Lints the handbook and prints one line of what lint found, so a handbook is not published
/// with findings unawares; whether they reach the level `--deny-lint` (or else
/// `[build].deny_lint`) names, which stops the build before anything is written.
fn lint_stops(checked: &Checked, flag: Option<DenyLint>) -> bool {
    let options = lint::Options::new(Date::build_today());
    let findings = lint::lint(
        &checked.handbook,
        &checked.sources,
        &checked.index,
        &options,
    );
    if let Some(line) = lint::summary_line(&findings) {
        super::print_err(&format!("{line}\n"));
    }
    let (deny, from) = match flag {
        Some(DenyLint::Error) => (Level::Error, "`--deny-lint error`".to_string()),
        Some(DenyLint::Warning) => (Level::Warning, "`--deny-lint warning`".to_string()),
        None => checked
            .handbook
            .settings
            .as_ref()
            .and_then(|s| s.build_deny_lint.as_ref())
            .map_or((Level::Off, String::new()), |l| {
                let setting = format!("`[build] deny_lint = \"{}\"`", l.value.keyword());
                (l.value, setting)
            }),
    };
    let denied = findings.iter().any(|d| match deny {
        Level::Off => false,
        Level::Warning => true,
        Level::Error => d.severity == Severity::Error,
    });
    if denied {
        let what = match deny {
            Level::Error => "errors",
            _ => "errors or warnings",
        };
        super::print_err(&format!(
            "build stopped: {from} refuses a handbook with lint {what}; nothing was written\n"
        ));
    }
    denied
}

/// Reports why the build stopped; nothing was written. A broken template is a problem in
/// the handbook's sources (exit 1); anything else is an error (exit 2).
fn stopped(error: Fatal) -> Result<Outcome, Fatal> {
    if !error.is(&codes::BUILD_TEMPLATE) {
        return Err(error);
    }
    super::report(&error);
    Ok(Outcome::Problems)
}

/// The chapter "what changed in this edition" for staff, in the words of the handbook's
/// catalogue; the version warnings of `sok diff` are printed on the way.
fn change_notice(
    spec: &str,
    root: &Path,
    handbook: &Handbook,
    catalog: &Catalog,
) -> Result<ExtraChapter, Fatal> {
    let diff = diff::editions::diff_since(spec, root, handbook)?;
    for warning in &diff.warnings {
        super::print_err(&format!("warning[{}]: {}\n", warning.code, warning.message));
    }
    let notice = diff::change_notice_in(&diff, handbook, catalog);
    Ok(ExtraChapter {
        id: "changes".into(),
        title: notice.title,
        markdown: notice.markdown,
    })
}

/// Whom a cut-down handbook is for, as its cover says: the role's name, or the team's.
fn audience(full: &Checked, members: &[usize], scope: &Option<Scope>) -> Audience {
    let owners = &full.handbook.owners;
    let name = match scope {
        Some(Scope::Team(team)) => owners[members[0]]
            .team
            .as_ref()
            .map_or_else(|| team.clone(), |t| plain(&t.value)),
        _ => plain(&owners[members[0]].name.value),
    };
    Audience {
        name,
        members: members
            .iter()
            .map(|&m| owners[m].meta.id.value.clone())
            .collect(),
    }
}

fn display(path: &Path) -> String {
    path.display().to_string().trim_end_matches('/').to_string()
}
