//! The output directory: which directories `sok build` may replace, and replacing one as a
//! whole so that a reader never sees half a build and a failed build leaves the previous
//! one exactly as it was.
//!
//! A build is written into a sibling `OUT.tmp-*` directory; only when everything is written
//! is the old OUT renamed away, the new one renamed into place, and the old one deleted.

use std::io;
use std::path::{Component, Path, PathBuf};

use crate::discover::OUTPUT_MARKER;

/// The content of the marker file every build leaves in OUT.
pub const MARKER_TEXT: &str = "This directory was written by `sok build`.\n\
It is replaced as a whole on every build: do not keep your own files here.\n";

/// Why an output directory is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub message: String,
    pub help: String,
}

/// `path` made absolute and free of `.`/`..`, with symbolic links resolved as far as the
/// path exists.
pub fn absolute(path: &Path) -> io::Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    let mut clean = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                clean.pop();
            }
            other => clean.push(other),
        }
    }
    let mut existing = clean.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(name) => rest.push(name.to_os_string()),
            None => break,
        }
        existing.pop();
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        resolved.push(name);
    }
    Ok(resolved)
}

/// Checks that `out` may be (re)written for the handbook at `root`.
pub fn check(root: &Path, out: &Path) -> Result<(), Refusal> {
    let shown = out.display();
    let (Ok(root_abs), Ok(out_abs)) = (absolute(root), absolute(out)) else {
        return Err(Refusal {
            message: format!("cannot resolve the output directory `{shown}`"),
            help: "check that the current directory exists".into(),
        });
    };
    if root_abs.starts_with(&out_abs) {
        return Err(Refusal {
            message: format!("the output directory `{shown}` is the handbook root or contains it"),
            help: "choose a directory inside or beside the handbook, for example `--out build`"
                .into(),
        });
    }
    if out_abs.parent().is_none() {
        return Err(Refusal {
            message: format!("the output directory `{shown}` is a file-system root"),
            help: "choose a directory such as `build`".into(),
        });
    }
    match std::fs::symlink_metadata(&out_abs) {
        Err(_) => Ok(()),
        Ok(meta) if !meta.is_dir() => Err(Refusal {
            message: format!("the output path `{shown}` exists and is not a directory"),
            help: "remove it or choose another `--out`".into(),
        }),
        Ok(_) => {
            let marked = out_abs.join(OUTPUT_MARKER).is_file();
            let empty = std::fs::read_dir(&out_abs).is_ok_and(|mut d| d.next().is_none());
            if marked || empty {
                Ok(())
            } else {
                Err(Refusal {
                    message: format!(
                        "the output directory `{shown}` is not empty and was not written by `sok build`"
                    ),
                    help: format!(
                        "sok replaces its output as a whole and will not delete files it did not write; \
                         choose an empty or new directory (a previous build holds `{OUTPUT_MARKER}`)"
                    ),
                })
            }
        }
    }
}

/// A build being written next to its final place.
pub struct Staging {
    dir: tempfile::TempDir,
    out: PathBuf,
}

impl Staging {
    /// Creates `OUT.tmp-*` beside `out` (and `out`'s parents) with the marker file in it.
    pub fn new(out: &Path) -> io::Result<Staging> {
        let out = absolute(out)?;
        let parent = out
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name = out
            .file_name()
            .map_or_else(|| "build".into(), |n| n.to_string_lossy().into_owned());
        std::fs::create_dir_all(&parent)?;
        let dir = tempfile::Builder::new()
            .prefix(&format!("{name}.tmp-"))
            .tempdir_in(&parent)?;
        std::fs::write(dir.path().join(OUTPUT_MARKER), MARKER_TEXT)?;
        Ok(Staging { dir, out })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Puts the new build in place of the old one (if any) and deletes the old one.
    pub fn commit(self) -> io::Result<PathBuf> {
        let Staging { dir, out } = self;
        let old = if std::fs::symlink_metadata(&out).is_ok() {
            let name = out
                .file_name()
                .map_or_else(|| "build".into(), |n| n.to_string_lossy().into_owned());
            let mut n = 0u32;
            let old = loop {
                let candidate =
                    out.with_file_name(format!("{name}.old-{}-{n}", std::process::id()));
                if std::fs::symlink_metadata(&candidate).is_err() {
                    break candidate;
                }
                n += 1;
            };
            std::fs::rename(&out, &old)?;
            Some(old)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(dir.path(), &out) {
            if let Some(old) = &old {
                let _ = std::fs::rename(old, &out);
            }
            return Err(e);
        }
        let _ = dir.keep();
        if let Some(old) = old {
            std::fs::remove_dir_all(old)?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_root_its_parents_and_foreign_directories() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("hb");
        std::fs::create_dir_all(root.join("standards")).unwrap();
        std::fs::write(root.join("standards/a.md"), "x").unwrap();
        assert!(check(&root, &root).is_err());
        assert!(check(&root, tmp.path()).is_err());
        assert!(check(&root, &root.join("standards")).is_err());
        assert!(check(&root, &root.join("standards/a.md")).is_err());
        assert!(check(&root, &root.join("build")).is_ok());
        std::fs::create_dir_all(root.join("empty")).unwrap();
        assert!(check(&root, &root.join("empty")).is_ok());
        assert!(check(&root, &root.join("standards/..")).is_err());
    }

    #[test]
    fn commit_replaces_the_old_build() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        for content in ["one", "two"] {
            let staging = Staging::new(&out).unwrap();
            std::fs::write(staging.path().join("page.html"), content).unwrap();
            staging.commit().unwrap();
            assert_eq!(
                std::fs::read_to_string(out.join("page.html")).unwrap(),
                content
            );
        }
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["site"]);
        assert!(out.join(OUTPUT_MARKER).is_file());
    }
}
