//! `sok new KIND ID [DIR]`: write one new entity file, in its kind's folder, for a manager
//! to fill in (`scaffold::new_entity`). It never replaces a file or reuses an id.

use std::path::Path;

use super::{Fatal, Outcome, print};
use crate::cli::NewArgs;
use crate::diagnostics::codes;
use crate::layout::{self, SETTINGS_FILE};
use crate::model::{Handbook, Kind, Language, Meta};
use crate::scaffold::{self, NewEntity};
use crate::values::{Date, is_valid_id, slugify};

pub(super) fn execute(args: NewArgs, root: &Path) -> Result<Outcome, Fatal> {
    let id = args.id.as_str();
    if !is_valid_id(id) {
        let slug = slugify(id);
        let help = match slug.is_empty() {
            true => {
                "ids are lowercase ASCII words joined by hyphens, like `callback-time`".to_string()
            }
            false => format!("ids are lowercase ASCII words joined by hyphens: try `{slug}`"),
        };
        return Err(Fatal::new(format!("`{id}` is not a valid id"))
            .with_code(&codes::VALUE_ID)
            .with_help(help));
    }
    if !root.join(SETTINGS_FILE).is_file() {
        return Err(crate::load::no_handbook(root));
    }
    let Some(folder) = layout::kind_folder(args.kind) else {
        return Err(Fatal::new(format!(
            "a {} has no folder of its own",
            args.kind.name()
        )));
    };
    let relative = format!("{folder}/{id}.md");
    let path = root.join(&relative);
    let shown = shown(root, &relative);
    for other in [relative.clone(), format!("{folder}/{id}.toml")] {
        if root.join(&other).exists() {
            return Err(exists(format!(
                "`{}` exists already",
                self::shown(root, &other)
            )));
        }
    }
    let checked = crate::check_dir(root)?;
    if let Some(meta) = find(&checked.handbook, args.kind, id) {
        let file = checked.sources.get(meta.file);
        let (line, _) = file.line_col(meta.anchor.start);
        return Err(exists(format!(
            "the {} `{id}` exists already, in {}:{line}",
            args.kind.name(),
            file.path
        )));
    }
    let language = checked
        .handbook
        .settings
        .as_ref()
        .map_or(Language::En, |s| s.language.value);
    let order = match args.kind {
        Kind::Chapter => checked
            .handbook
            .chapters
            .iter()
            .filter_map(|c| c.order.as_ref().map(|o| o.value))
            .max()
            .map(|last| last + 1),
        _ => None,
    };
    let stages = checked
        .handbook
        .handbook_stages()
        .into_iter()
        .map(str::to_string)
        .collect();
    let text = scaffold::new_entity(&NewEntity {
        kind: args.kind,
        language,
        title: args.title.as_deref(),
        order,
        stages,
        today: args.today.unwrap_or_else(Date::today),
    });
    match scaffold::write_new(&path, &text) {
        Ok(true) => {}
        Ok(false) => return Err(exists(format!("`{shown}` exists already"))),
        Err(error) => {
            return Err(Fatal::new(format!("I/O error writing `{shown}`: {error}")));
        }
    }
    print(&format!(
        "created {shown}\nnext: replace each TODO in it, then run `sok check`\n"
    ))?;
    Ok(Outcome::Clean)
}

fn exists(message: String) -> Fatal {
    Fatal::new(message).with_help("choose another id, or edit the entity that is there")
}

/// `relative` under `root`, without a leading `./`.
fn shown(root: &Path, relative: &str) -> String {
    match root == Path::new(".") {
        true => relative.to_string(),
        false => root.join(relative).display().to_string(),
    }
}

/// The entity of `kind` with `id`, wherever it is defined.
fn find<'a>(handbook: &'a Handbook, kind: Kind, id: &str) -> Option<&'a Meta> {
    let metas: Vec<&Meta> = match kind {
        Kind::Owner => handbook.owners.iter().map(|e| &e.meta).collect(),
        Kind::Touchpoint => handbook.touchpoints.iter().map(|e| &e.meta).collect(),
        Kind::Journey => handbook.journeys.iter().map(|e| &e.meta).collect(),
        Kind::Situation => handbook.situations.iter().map(|e| &e.meta).collect(),
        Kind::Standard => handbook.standards.iter().map(|e| &e.meta).collect(),
        Kind::Chapter => handbook.chapters.iter().map(|e| &e.meta).collect(),
        Kind::Term => handbook.terms.iter().map(|e| &e.meta).collect(),
        Kind::Principle => handbook.principles.iter().map(|e| &e.meta).collect(),
    };
    metas.into_iter().find(|meta| meta.id.value == id)
}
