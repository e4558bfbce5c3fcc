//! A path made absolute the way the output checks and the staging directory both need it:
//! free of `.` and `..`, with symbolic links resolved as far as the path exists, so that
//! "is OUT inside the handbook?" is answered for the directory that will really be written.

use std::io;
use std::path::{Component, Path, PathBuf};

/// `path` made absolute and free of `.`/`..`, with symbolic links resolved as far as the
/// path exists.
pub(crate) fn absolute(path: &Path) -> io::Result<PathBuf> {
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
