//! Which output directories `sok build` may replace: never the handbook root or one of its
//! parents, never a file, and never a non-empty directory that sok did not write (it has no
//! `.sok-output` marker). Nothing sok did not write is ever deleted.

use std::path::Path;

use super::absolute::absolute;
use crate::diagnostics::codes;
use crate::error::Error;
use crate::layout::OUTPUT_MARKER;

/// Why an output directory is refused: `sok::build::out_dir`.
fn refusal(message: impl Into<String>, help: impl Into<String>) -> Error {
    Error::new(message)
        .with_code(&codes::BUILD_OUT_DIR)
        .with_help(help)
}

/// Checks that `out` may be (re)written for the handbook at `root`.
pub fn check(root: &Path, out: &Path) -> Result<(), Error> {
    let shown = out.display();
    let (Ok(root_abs), Ok(out_abs)) = (absolute(root), absolute(out)) else {
        return Err(refusal(
            format!("cannot resolve the output directory `{shown}`"),
            "check that the current directory exists",
        ));
    };
    if root_abs.starts_with(&out_abs) {
        return Err(refusal(
            format!("the output directory `{shown}` is the handbook root or contains it"),
            "choose a directory inside or beside the handbook, for example `--out build`",
        ));
    }
    if let Some(link) = looping_link(&out_abs) {
        return Err(refusal(
            format!(
                "the output directory `{shown}` goes through `{}`, a symbolic link that points back to itself",
                link.display()
            ),
            "fix or remove the link, or choose another `--out`",
        ));
    }
    if out_abs.parent().is_none() {
        return Err(refusal(
            format!("the output directory `{shown}` is a file-system root"),
            "choose a directory such as `build`",
        ));
    }
    match std::fs::symlink_metadata(&out_abs) {
        Err(_) => Ok(()),
        Ok(meta) if !meta.is_dir() => Err(refusal(
            format!("the output path `{shown}` exists and is not a directory"),
            "remove it or choose another `--out`",
        )),
        Ok(_) => {
            let marked = out_abs.join(OUTPUT_MARKER).is_file();
            let empty = std::fs::read_dir(&out_abs).is_ok_and(|mut d| d.next().is_none());
            if marked || empty {
                Ok(())
            } else {
                Err(refusal(
                    format!(
                        "the output directory `{shown}` is not empty and was not written by `sok build`"
                    ),
                    format!(
                        "sok replaces its output as a whole and will not delete files it did not write; \
                         choose an empty or new directory (a previous build holds `{OUTPUT_MARKER}`)"
                    ),
                ))
            }
        }
    }
}

/// The first of `path` and its parents that is a symbolic link that cannot be resolved
/// because it loops (`ELOOP`).
fn looping_link(path: &Path) -> Option<&Path> {
    let mut found = None;
    for at in path.ancestors() {
        let is_link = std::fs::symlink_metadata(at).is_ok_and(|m| m.file_type().is_symlink());
        // ELOOP: too many levels of symbolic links.
        if is_link && std::fs::metadata(at).is_err_and(|e| e.raw_os_error() == Some(40)) {
            found = Some(at);
        }
    }
    found
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
}
