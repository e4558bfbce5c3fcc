//! `sok export TARGET`: check the handbook, write the tool's JSON (or compare it with a
//! committed file), and warn about every standard the tool cannot hold.

use std::path::Path;

use super::{Fatal, Outcome, print_err};
use crate::cli::{ExportArgs, ExportTarget};
use crate::diagnostics::emit::{self, Style};
use crate::export::{self, Options, Tool};

/// Lines of a `--check` diff shown before the rest is counted.
const DIFF_LINES: usize = 40;

pub(super) fn execute(args: ExportArgs, root: &Path, style: Style) -> Result<Outcome, Fatal> {
    let checked = crate::check_dir(root)?;
    if checked.diagnostics.has_errors() {
        let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
        print_err(&emit::human(&diagnostics, &checked.sources, style));
        print_err("export stopped: fix the errors above; nothing was exported\n");
        return Ok(Outcome::Problems);
    }
    let ids: Vec<&str> = checked
        .handbook
        .touchpoints
        .iter()
        .map(|t| t.meta.id.value.as_str())
        .collect();
    for wanted in &args.touchpoints {
        if !ids.contains(&wanted.as_str()) {
            return Err(Fatal::new(format!(
                "`--touchpoint {wanted}`: the handbook has no such touchpoint"
            ))
            .with_help(
                crate::diagnostics::did_you_mean(wanted, ids.iter().copied())
                    .unwrap_or_else(|| format!("the touchpoints are: {}", ids.join(", "))),
            ));
        }
    }
    let tool = tool(args.target);
    let options = Options {
        touchpoints: args.touchpoints.clone(),
    };
    let exported = export::export(&checked, tool, &options);
    let mut warnings = String::new();
    for lost in &exported.unmappable {
        warnings.push_str(&format!(
            "warning: `{}` in {}: {}\n",
            lost.standard,
            lost.tool.name(),
            lost.reason
        ));
    }
    print_err(&warnings);
    let unmappable = args.strict && !exported.unmappable.is_empty();
    if unmappable {
        print_err(&format!(
            "--strict: {} cannot hold everything the handbook says ({} above)\n",
            tool.name(),
            count(exported.unmappable.len())
        ));
    }
    if let Some(file) = &args.check {
        let committed = std::fs::read_to_string(file).map_err(|e| {
            Fatal::new(format!("cannot read `{}`: {e}", file.display())).with_help(format!(
                "write it first: `sok export {} --out {}`",
                target_word(args.target),
                file.display()
            ))
        })?;
        if committed == exported.json {
            return Ok(if unmappable {
                Outcome::Problems
            } else {
                Outcome::Clean
            });
        }
        print_err(&diff(
            &committed,
            &exported.json,
            &file.display().to_string(),
        ));
        print_err(&format!(
            "`{}` does not match the handbook: run `sok export {} --out {}`\n",
            file.display(),
            target_word(args.target),
            file.display()
        ));
        return Ok(Outcome::Problems);
    }
    match &args.out {
        Some(out) => {
            let protected: Vec<std::path::PathBuf> = checked
                .sources
                .iter()
                .flat_map(|(_, f)| [root.join(&f.path), std::path::PathBuf::from(&f.path)])
                .collect();
            super::write_report(out, &protected, &exported.json)?;
        }
        None => super::print(&exported.json)?,
    }
    Ok(if unmappable {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

fn tool(target: ExportTarget) -> Tool {
    match target {
        ExportTarget::Zendesk => Tool::Zendesk,
        ExportTarget::Freshdesk => Tool::Freshdesk,
        ExportTarget::Genesys => Tool::Genesys,
        ExportTarget::Servicenow => Tool::Servicenow,
    }
}

fn target_word(target: ExportTarget) -> &'static str {
    match target {
        ExportTarget::Zendesk => "zendesk",
        ExportTarget::Freshdesk => "freshdesk",
        ExportTarget::Genesys => "genesys",
        ExportTarget::Servicenow => "servicenow",
    }
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 warning".into()
    } else {
        format!("{n} warnings")
    }
}

/// A unified diff from the committed file to the export, cut after `DIFF_LINES` lines.
fn diff(committed: &str, exported: &str, name: &str) -> String {
    let text = similar::TextDiff::from_lines(committed, exported)
        .unified_diff()
        .context_radius(2)
        .header(name, "sok export")
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    let mut out: String = lines
        .iter()
        .take(DIFF_LINES)
        .map(|l| format!("{l}\n"))
        .collect();
    if lines.len() > DIFF_LINES {
        out.push_str(&format!(
            "… {} more lines of diff\n",
            lines.len() - DIFF_LINES
        ));
    }
    out
}
