//! The files `--events` names: files, folders (every events file inside, at any depth),
//! shell patterns, and `-` for CSV on standard input. Hidden files and folders (`.name`) are
//! left out of folders and patterns unless the pattern itself starts with a dot.

use std::path::{Path, PathBuf};

use super::pattern::{is_pattern, matches};
use super::{Format, Input};
use crate::diagnostics::codes;
use crate::error::Error;

const KINDS: &str = "CSV (`.csv`), JSON Lines (`.jsonl`, `.ndjson`) or Parquet (`.parquet`)";

/// Expands `--events` arguments relative to `cwd`. Sorted by path and without repeats (a
/// file named twice, or by a pattern and its folder, is read once); standard input last.
pub(crate) fn inputs(args: &[String], cwd: &Path) -> Result<Vec<Input>, Error> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stdin = false;
    for arg in args {
        if arg == "-" {
            if stdin {
                return Err(Error::new("`-` (standard input) is given twice").with_help(
                    "standard input can be read once; save one of the exports to a file",
                ));
            }
            stdin = true;
            continue;
        }
        let path = cwd.join(arg);
        if path.is_dir() {
            let found = folder(&path, arg)?;
            if found.is_empty() {
                return Err(
                    Error::new(format!("the folder `{arg}` holds no events file")).with_help(
                        format!("sok reads {KINDS} files; export the data in one of them"),
                    ),
                );
            }
            files.extend(found);
        } else if path.is_file() {
            files.push(events_file(path, arg)?);
        } else if is_pattern(arg) {
            let mut found = Vec::new();
            expand(cwd, arg, &mut found)?;
            if found.is_empty() {
                return Err(Error::new(format!("no file matches `{arg}`")).with_help(
                    "check the pattern: `*` stands for any text in a name, `?` for one \
                     character, `**` for any folders",
                ));
            }
            for path in found {
                if path.is_dir() {
                    let display = path.display().to_string();
                    files.extend(folder(&path, &display)?);
                } else {
                    let display = path.display().to_string();
                    files.push(events_file(path, &display)?);
                }
            }
        } else {
            return Err(
                Error::new(format!("`{arg}` does not exist")).with_help(format!(
                    "give an events file, a folder of them or a pattern like \
                     `exports/*.csv`; a path is relative to {}",
                    cwd.display()
                )),
            );
        }
    }
    files.sort();
    let mut seen = std::collections::HashSet::new();
    files.retain(|path| seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())));
    let mut out: Vec<Input> = files.into_iter().map(Input::File).collect();
    if stdin {
        out.push(Input::Stdin);
    }
    Ok(out)
}

/// A file given by name (or matched by a pattern): an events file by its extension.
fn events_file(path: PathBuf, shown: &str) -> Result<PathBuf, Error> {
    if Format::of(&path).is_some() {
        return Ok(path);
    }
    Err(
        Error::new(format!("`{shown}` is not an events file")).with_help(format!(
            "sok reads {KINDS}; export the data in one of them, or rename a CSV file to end \
             in `.csv`"
        )),
    )
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

/// Every events file in a folder and its subfolders, sorted by path.
fn folder(dir: &Path, shown: &str) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    let walk = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !hidden(e.file_name()));
    for entry in walk {
        let entry = entry.map_err(|e| {
            Error::new(format!("cannot read the folder `{shown}`: {e}"))
                .with_code(&codes::IO_READ)
                .with_help("check the folder's permissions and that it still exists")
        })?;
        let path = entry.path();
        if entry.depth() > 0 && path.is_file() && Format::of(path).is_some() {
            out.push(path.to_path_buf());
        }
    }
    Ok(out)
}

/// Every path under `cwd` that matches `pattern`, component by component, sorted.
fn expand(cwd: &Path, pattern: &str, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let (base, rest) = if let Some(rest) = pattern.strip_prefix('/') {
        (PathBuf::from("/"), rest)
    } else {
        (cwd.to_path_buf(), pattern)
    };
    let parts: Vec<&str> = rest
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    walk(&base, &parts, out)?;
    out.sort();
    out.dedup();
    Ok(())
}

fn walk(dir: &Path, parts: &[&str], out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let Some((&part, rest)) = parts.split_first() else {
        out.push(dir.to_path_buf());
        return Ok(());
    };
    if !is_pattern(part) {
        let next = dir.join(part);
        if rest.is_empty() && next.exists() || next.is_dir() {
            walk(&next, rest, out)?;
        }
        return Ok(());
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(_) => return Ok(()),
    };
    let mut names: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .filter(|(name, _)| !name.starts_with('.') || part.starts_with('.'))
        .collect();
    names.sort();
    if part == "**" {
        walk(dir, rest, out)?;
        for (_, path) in &names {
            if path.is_dir() {
                walk(path, parts, out)?;
            }
        }
        return Ok(());
    }
    for (name, path) in names {
        if matches(part, &name) && (rest.is_empty() || path.is_dir()) {
            walk(&path, rest, out)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for file in files {
            let path = dir.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "metric,start\n").unwrap();
        }
        dir
    }

    fn names(inputs: &[Input], root: &Path) -> Vec<String> {
        inputs
            .iter()
            .map(|i| match i {
                Input::File(path) => path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
                Input::Stdin => "-".to_string(),
            })
            .collect()
    }

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn files_folders_patterns_and_stdin_sorted_once() {
        let dir = tree(&[
            "a/calls.csv",
            "a/sub/chats.JSONL",
            "a/sub/audits.parquet",
            "a/notes.txt",
            "a/.hidden/x.csv",
            "a/.draft.csv",
            "b/2026-10.ndjson",
            "b/2026-11.ndjson",
            "b/2025-12.ndjson",
            "top.csv",
        ]);
        let got = inputs(
            &args(&[
                "-",
                "b/2026-*.ndjson",
                "a",
                "top.csv",
                "a/calls.csv",
                "./top.csv",
            ]),
            dir.path(),
        )
        .unwrap();
        assert_eq!(
            names(&got, dir.path()),
            [
                "a/calls.csv",
                "a/sub/audits.parquet",
                "a/sub/chats.JSONL",
                "b/2026-10.ndjson",
                "b/2026-11.ndjson",
                "top.csv",
                "-"
            ]
        );
    }

    #[test]
    fn patterns_across_folders() {
        let dir = tree(&[
            "x/2026-10/calls.csv",
            "x/2026-11/calls.csv",
            "x/deep/er/c.csv",
        ]);
        let got = inputs(&args(&["x/*/calls.csv"]), dir.path()).unwrap();
        assert_eq!(
            names(&got, dir.path()),
            ["x/2026-10/calls.csv", "x/2026-11/calls.csv"]
        );
        let got = inputs(&args(&["x/**/c*.csv"]), dir.path()).unwrap();
        assert_eq!(
            names(&got, dir.path()),
            [
                "x/2026-10/calls.csv",
                "x/2026-11/calls.csv",
                "x/deep/er/c.csv"
            ]
        );
        let got = inputs(&args(&["x/2026-1?"]), dir.path()).unwrap();
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn what_is_refused() {
        let dir = tree(&["notes.txt", "empty/readme.md", "calls.csv"]);
        let err = |list: &[&str]| inputs(&args(list), dir.path()).unwrap_err();
        let e = err(&["missing.csv"]);
        assert_eq!(e.message, "`missing.csv` does not exist");
        assert!(e.help.is_some());
        let e = err(&["*.json"]);
        assert_eq!(e.message, "no file matches `*.json`");
        let e = err(&["notes.txt"]);
        assert_eq!(e.message, "`notes.txt` is not an events file");
        assert!(e.help.unwrap().contains(".parquet"));
        let e = err(&["*"]);
        assert!(e.message.contains("is not an events file"), "{}", e.message);
        let e = err(&["empty"]);
        assert_eq!(e.message, "the folder `empty` holds no events file");
        let e = err(&["-", "calls.csv", "-"]);
        assert_eq!(e.message, "`-` (standard input) is given twice");
    }
}
