//! New sources for a manager to fill in: the starter handbook of `sok init` (`starter`) and
//! the one-entity files of `sok new` (`entity`), both in the handbook's language (`words`).
//!
//! Nothing here ever replaces a file: [`write_new`] creates a file or leaves the one there.

mod entity;
mod starter;
mod words;

use std::io::{self, Write};
use std::path::Path;

pub(crate) use entity::{NewEntity, new_entity};
pub(crate) use starter::starter;

/// Writes `text` to a new file at `path`, creating its folders. A file already at `path` is
/// kept as it is: `Ok(false)`. The file is created with `create_new`, so not even a file
/// that appears meanwhile is overwritten.
pub(crate) fn write_new(path: &Path, text: &str) -> io::Result<bool> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(e),
    };
    file.write_all(text.as_bytes())?;
    Ok(true)
}
