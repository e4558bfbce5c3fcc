//! `sok schema`: the JSON Schemas of the handbook's TOML files, and with `--taplo` the
//! `.taplo.toml` that maps the files to them (docs/editor.md).

use std::path::{Component, Path, PathBuf};

use super::{Fatal, Outcome, print};
use crate::cli::SchemaArgs;
use crate::layout;
use crate::schema::{self, taplo_config, written_by_sok};

/// The name taplo looks for first, in the folder it runs in.
const TAPLO_FILE: &str = ".taplo.toml";

/// The name it looks for next, which a `.taplo.toml` would hide.
const TAPLO_FILE_PLAIN: &str = "taplo.toml";

pub(super) fn execute(args: SchemaArgs) -> Result<Outcome, Fatal> {
    // Every refusal comes before anything is written.
    let taplo = match args.taplo {
        true => Some(taplo_file(&args.dir, &args.out)?),
        false => None,
    };
    let written = schema::write(&args.out).map_err(|error| {
        Fatal::new(format!(
            "cannot write the schemas to `{}`: {error}",
            args.out.display()
        ))
    })?;
    let mut report = String::new();
    for (target, path) in &written {
        report.push_str(&format!(
            "wrote {}  for {}\n",
            path.display(),
            target.include().join(", ")
        ));
    }
    if let Some((path, text)) = taplo {
        std::fs::write(&path, text)
            .map_err(|error| Fatal::new(format!("cannot write `{}`: {error}", path.display())))?;
        report.push_str(&format!("wrote {}\n", path.display()));
    }
    print(&report)?;
    Ok(Outcome::Clean)
}

/// Where `.taplo.toml` goes and what it says, or why sok will not write it.
fn taplo_file(root: &Path, out: &Path) -> Result<(PathBuf, String), Fatal> {
    if !root.join(layout::SETTINGS_FILE).is_file() {
        return Err(crate::load::no_handbook(root));
    }
    let path = root.join(TAPLO_FILE);
    let ours = std::fs::read_to_string(&path).is_ok_and(|text| written_by_sok(&text));
    if path.exists() && !ours {
        return Err(Fatal::new(format!(
            "`{}` exists and was not written by sok",
            path.display()
        ))
        .with_help(
            "move it away to let sok write its own, or add the rules of docs/editor.md to it by hand",
        ));
    }
    let plain = root.join(TAPLO_FILE_PLAIN);
    if plain.exists() {
        return Err(Fatal::new(format!(
            "`{}` exists, and taplo would read a `.taplo.toml` instead of it",
            plain.display()
        ))
        .with_help("add the rules of docs/editor.md to it by hand, or remove it"));
    }
    let schema_dir = schema_dir(root, out)?;
    Ok((path, taplo_config(&schema_dir)))
}

/// How `.taplo.toml` names `out`: relative to the root with `/` separators when it is
/// inside, which must then be in a hidden folder that discovery skips; else absolute.
fn schema_dir(root: &Path, out: &Path) -> Result<String, Fatal> {
    let root = resolved(root)?;
    let out_resolved = resolved(out)?;
    let Ok(relative) = out_resolved.strip_prefix(&root) else {
        return Ok(out_resolved.to_string_lossy().into_owned());
    };
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if !parts.iter().any(|p| p.starts_with('.')) {
        return Err(Fatal::new(format!(
            "`{}` is inside the handbook, where `sok check` would report the schemas as stray files",
            out.display()
        ))
        .with_help(
            "write them to a hidden folder, which sok skips: `sok schema --out .sok/schema --taplo`",
        ));
    }
    Ok(parts.join("/"))
}

/// `path` made absolute, with links resolved as far as it exists (the rest is created).
fn resolved(path: &Path) -> Result<PathBuf, Fatal> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return Ok(normal(&absolute)),
        }
    }
    let mut out = existing.canonicalize()?;
    out.extend(rest.iter().rev());
    Ok(normal(&out))
}

/// `path` without `.` and `..` components.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
