//! Editions: where the two sides of a diff come from, and loading them.
//!
//! An argument that is an existing directory is a handbook directory; anything else is a git
//! revision of the repository sok runs in (`main`, `v1.0`, `HEAD~3`), read through [`git`]
//! without touching the working tree. `A..B` names both sides in one argument, `A...B`
//! compares B with the merge base of A and B (what a pull request changes), and a single
//! argument is compared with the working tree. Revisions are read at the handbook's folder
//! inside the repository: `--path`, else the folder of a directory given as the other side,
//! else the current directory.
//!
//! Each side is loaded and checked like `sok check` would; the caller decides what to do
//! with a side that has problems.

use std::path::{Component, Path};

use super::{Edition, HandbookDiff};
use crate::check::{Checked, check_dir, check_loaded};
use crate::diagnostics::codes;
use crate::error::Error;
use crate::git;
use crate::load;
use crate::model::Handbook;
use crate::world::MemoryWorld;

/// An error before any handbook could be compared: `message` and `help`.
fn error(message: impl Into<String>, help: impl Into<String>) -> Error {
    Error::new(message).with_help(help)
}

/// One side as the user named it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Spec {
    Dir(String),
    Rev(String),
    /// The merge base of two revisions (`A...B`).
    Base(String, String),
    WorkingTree,
}

/// A loaded and checked edition.
#[derive(Debug)]
pub(crate) struct Side {
    /// Label, commit, version and effective date.
    pub edition: Edition,
    pub checked: Checked,
}

/// Loads both sides of `sok diff OLD [NEW] [--path PATH]`, relative to `cwd`.
pub(crate) fn load_pair(
    old: &str,
    new: Option<&str>,
    path: Option<&str>,
    cwd: &Path,
) -> Result<(Side, Side), Error> {
    let is_dir = |arg: &str| cwd.join(arg).is_dir();
    let range = (!is_dir(old)).then(|| split_range(old)).flatten();
    let (old_spec, new_spec) = match (range, new) {
        (Some(_), Some(_)) => {
            return Err(error(
                format!("`{old}` is a range and already names both editions"),
                "write `sok diff A..B` or `sok diff A B`, not both",
            ));
        }
        (Some(pair), None) => pair,
        (None, new) => {
            let spec = |arg: &str| match is_dir(arg) {
                true => Spec::Dir(arg.to_string()),
                false => Spec::Rev(arg.to_string()),
            };
            (spec(old), new.map_or(Spec::WorkingTree, spec))
        }
    };
    let path = path.map(clean_path).transpose()?;
    let needs_git = [&old_spec, &new_spec]
        .iter()
        .any(|s| matches!(s, Spec::Rev(_) | Spec::Base(..)));
    let toplevel = (needs_git || path.is_some()).then(|| git::toplevel(cwd));
    let repo = match toplevel {
        None => None,
        Some(Ok(repo)) => Some(repo),
        Some(Err(_)) if !needs_git => None,
        Some(Err(e)) => {
            let names: Vec<String> = [&old_spec, &new_spec]
                .iter()
                .filter_map(|s| match s {
                    Spec::Rev(r) | Spec::Base(r, _) => Some(format!("`{r}`")),
                    _ => None,
                })
                .collect();
            let message = match names.len() {
                1 => format!(
                    "{} is not a directory, and there is no git repository here to read it \
                     as a revision",
                    names.join("")
                ),
                _ => format!(
                    "{} are not directories, and there is no git repository here to read them \
                     as revisions",
                    names.join(" and ")
                ),
            };
            return Err(Error { message, ..e });
        }
    };
    let folder = match (&path, &repo) {
        (Some(p), _) => p.clone(),
        (None, Some(repo)) => default_folder(repo, cwd, [&old_spec, &new_spec])?,
        (None, None) => String::new(),
    };
    let working_tree = match (&path, &repo) {
        (Some(p), Some(repo)) => repo.join(p),
        (Some(p), None) => cwd.join(p),
        (None, _) => cwd.to_path_buf(),
    };
    let load = |spec: &Spec| -> Result<Side, Error> {
        match (spec, &repo) {
            (Spec::Dir(dir), _) => load_dir(&cwd.join(dir), dir),
            (Spec::WorkingTree, Some(_)) => load_dir(&working_tree, "working tree"),
            (Spec::WorkingTree, None) => load_dir(&working_tree, path.as_deref().unwrap_or(".")),
            (Spec::Rev(rev), Some(repo)) => load_rev(repo, rev, rev, &folder),
            (Spec::Base(a, b), Some(repo)) => {
                let base = git::merge_base(repo, a, b)?;
                load_rev(repo, &base, &format!("merge base of {a} and {b}"), &folder)
            }
            (_, None) => Err(error("no git repository", "run sok inside one")),
        }
    };
    Ok((load(&old_spec)?, load(&new_spec)?))
}

/// Loads the edition `spec` names: an existing directory (relative to the current directory),
/// else a revision of the repository that holds `root`, read at `root`'s folder. The old side
/// for `sok build --changes-since`.
pub(crate) fn load_since(spec: &str, root: &Path) -> Result<Side, Error> {
    if Path::new(spec).is_dir() {
        return load_dir(Path::new(spec), spec);
    }
    let repo = git::toplevel(root)?;
    let folder = git::prefix(root)?;
    load_rev(&repo, spec, spec, &folder)
}

/// What changed from the edition `spec` names to `new` (the handbook at `root`), for
/// `sok build --changes-since SPEC`. An old edition with problems in its sources is an error.
pub fn diff_since(spec: &str, root: &Path, new: &Handbook) -> Result<HandbookDiff, Error> {
    let old = load_since(spec, root)?;
    if old.checked.diagnostics.has_errors() {
        return Err(error(
            format!("the edition `{spec}` has problems in its sources"),
            format!("run `sok diff {spec}` to see them, or compare with another edition"),
        ));
    }
    let mut diff = super::diff(&old.checked.handbook, new);
    diff.old.label = old.edition.label;
    diff.old.commit = old.edition.commit;
    diff.new.label = "working tree".to_string();
    Ok(diff)
}

/// The diff of two loaded sides, labelled with where they came from.
pub(crate) fn compare(old: &Side, new: &Side) -> HandbookDiff {
    let mut diff = super::diff(&old.checked.handbook, &new.checked.handbook);
    for (to, from) in [(&mut diff.old, &old.edition), (&mut diff.new, &new.edition)] {
        to.label = from.label.clone();
        to.commit = from.commit.clone();
    }
    diff
}

fn split_range(arg: &str) -> Option<(Spec, Spec)> {
    let head = |s: &str| {
        if s.is_empty() {
            "HEAD".to_string()
        } else {
            s.to_string()
        }
    };
    if let Some((a, b)) = arg.split_once("...").filter(|(_, b)| !b.starts_with('/')) {
        return Some((Spec::Base(head(a), head(b)), Spec::Rev(head(b))));
    }
    let (a, b) = arg.split_once("..")?;
    // `../old` is a path that does not exist, not a range: no revision starts with `/`.
    if b.starts_with('/') {
        return None;
    }
    Some((Spec::Rev(head(a)), Spec::Rev(head(b))))
}

/// `--path` as a clean relative folder: `./hb/` → `hb`; `..` is refused.
fn clean_path(path: &str) -> Result<String, Error> {
    let mut parts = Vec::new();
    for c in Path::new(path).components() {
        match c {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::CurDir => {}
            _ => {
                return Err(error(
                    format!("`--path {path}` must be a folder inside the repository"),
                    "give it relative to the repository's root, like `--path handbook`",
                ));
            }
        }
    }
    Ok(parts.join("/"))
}

/// The folder of a directory side inside the same repository, else the current directory.
fn default_folder(repo: &Path, cwd: &Path, specs: [&Spec; 2]) -> Result<String, Error> {
    let same = |a: &Path, b: &Path| a.canonicalize().ok() == b.canonicalize().ok();
    for spec in specs {
        if let Spec::Dir(dir) = spec {
            let dir = cwd.join(dir);
            if git::toplevel(&dir).is_ok_and(|top| same(&top, repo)) {
                return git::prefix(&dir);
            }
        }
    }
    git::prefix(cwd)
}

fn load_dir(dir: &Path, label: &str) -> Result<Side, Error> {
    let checked =
        check_dir(dir).map_err(|e| e.with_help("name the directory that holds `sok.toml`"))?;
    Ok(Side {
        edition: Edition {
            label: label.to_string(),
            ..Edition::default()
        },
        checked,
    })
}

fn load_rev(repo: &Path, rev: &str, label: &str, folder: &str) -> Result<Side, Error> {
    let wanted = |p: &str| p.ends_with(".toml") || p.ends_with(".md");
    let tree = git::read_tree_filtered(repo, rev, folder, &wanted)?;
    if !tree.paths.iter().any(|p| p == "sok.toml") {
        let at = if folder.is_empty() {
            String::new()
        } else {
            format!("{folder}/")
        };
        return Err(error(
            format!("`{at}sok.toml` does not exist at `{label}`"),
            "name the handbook's folder inside the repository with `--path`",
        )
        .with_code(&codes::DISCOVER_NO_HANDBOOK));
    }
    let world = MemoryWorld { files: tree.files };
    let checked = check_loaded(load::load_from(tree.paths, std::sync::Arc::new(world)));
    Ok(Side {
        edition: Edition {
            label: label.to_string(),
            commit: Some(tree.commit.clone()),
            ..Edition::default()
        },
        checked,
    })
}
