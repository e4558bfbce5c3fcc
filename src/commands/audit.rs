//! `sok audit`: check the handbook, then write blank scorecards or score filled ones.

use std::path::{Path, PathBuf};

use super::{Fatal, Outcome, print_err};
use crate::audit::{self, Format};
use crate::cli::{AuditArgs, AuditFormat};
use crate::diagnostics::emit::{self, Style};

pub(super) fn execute(args: AuditArgs, root: &Path, style: Style) -> Result<Outcome, Fatal> {
    let checked = crate::check_dir(root)?;
    if checked.diagnostics.has_errors() {
        let diagnostics = checked.diagnostics.clone().into_sorted(&checked.sources);
        print_err(&emit::human(&diagnostics, &checked.sources, style));
        print_err("audit stopped: fix the errors above; nothing was written\n");
        return Ok(Outcome::Problems);
    }
    let protected: Vec<PathBuf> = checked
        .sources
        .iter()
        .flat_map(|(_, f)| [root.join(&f.path), PathBuf::from(&f.path)])
        .chain(args.score.iter().cloned())
        .collect();
    let cat = audit::catalog(&checked);
    if !args.score.is_empty() {
        let mut forms = Vec::new();
        for path in &args.score {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Fatal::new(format!("cannot read `{}`: {e}", path.display())))?;
            forms.push((path.display().to_string(), text));
        }
        return match audit::score(&checked, &cat, &forms) {
            Err(problems) => {
                let mut text = String::new();
                for p in &problems {
                    text.push_str(&format!("error: {}: {}\n", p.at, p.message));
                }
                text.push_str("audit --score stopped: fix the forms above; no event was written\n");
                print_err(&text);
                Ok(Outcome::Problems)
            }
            Ok(scored) => {
                for w in &scored.warnings {
                    print_err(&format!("warning: {w}\n"));
                }
                match &args.out {
                    Some(out) => super::write_report(out, &protected, &scored.csv)?,
                    None => super::print(&scored.csv)?,
                }
                Ok(Outcome::Clean)
            }
        };
    }
    let format = match args.format {
        AuditFormat::Html => Format::Html,
        AuditFormat::Markdown => Format::Markdown,
        AuditFormat::Json => Format::Json,
        AuditFormat::Csv => Format::Csv,
    };
    let cards = audit::cards(&checked, &cat, &args.touchpoints, args.role.as_deref())?;
    let renderer = audit::Renderer::new(&checked, &cat, format)?;
    match (&args.out, cards.as_slice()) {
        (_, []) => {
            print_err("no scorecard: the role works at no touchpoint\n");
            Ok(Outcome::Clean)
        }
        (None, [card]) => {
            super::print(&renderer.render(card)?)?;
            Ok(Outcome::Clean)
        }
        (Some(out), [card]) if !out.is_dir() => {
            super::write_report(out, &protected, &renderer.render(card)?)?;
            Ok(Outcome::Clean)
        }
        (None, several) if format == Format::Json => {
            super::print(&audit::json_array(several, &cat))?;
            Ok(Outcome::Clean)
        }
        (None, several) => Err(Fatal::new(format!(
            "{} scorecards (one per touchpoint) cannot go to standard output as one {} file",
            several.len(),
            format.extension()
        ))
        .with_help("write them into a folder with `-o DIR`, or name one `--touchpoint`")),
        (Some(dir), several) => {
            std::fs::create_dir_all(dir).map_err(|e| {
                Fatal::new(format!("cannot create the folder `{}`: {e}", dir.display()))
            })?;
            for card in several {
                let file = dir.join(format!("{}.{}", card.touchpoint, format.extension()));
                super::write_report(&file, &protected, &renderer.render(card)?)?;
            }
            print_err(&format!(
                "wrote {} scorecards into {}\n",
                several.len(),
                dir.display()
            ));
            Ok(Outcome::Clean)
        }
    }
}
