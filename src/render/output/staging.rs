//! Committing a build: it is written into a hidden staging directory beside OUT (inside OUT
//! when OUT is a mount point), and only when everything is written is it put in place of the
//! old OUT (`swap`), so that a reader never sees half a build and a failed build leaves the
//! previous one exactly as it was. One build at a time holds OUT's lock (`lock`), and it
//! deletes what killed builds left behind before it starts.

use std::io;
use std::path::{Path, PathBuf};

use super::absolute::absolute;
use super::lock::{self, OutLock};
use super::swap::{self, Probe, Swapped};
use crate::error::Error;
use crate::layout::OUTPUT_MARKER;

/// The content of the marker file every build leaves in OUT.
pub(crate) const MARKER_TEXT: &str = "This directory was written by `sok build`.\n\
It is replaced as a whole on every build: do not keep your own files here.\n";

/// A build being written next to its final place.
pub struct Staging {
    dir: tempfile::TempDir,
    out: PathBuf,
    /// The staging directory is inside OUT, which is a mount point.
    inside: bool,
    _lock: OutLock,
}

impl Staging {
    /// Takes OUT's lock, deletes the debris of killed builds, and creates the staging
    /// directory with the marker file in it (creating OUT's parents as needed).
    pub fn new(out: &Path) -> Result<Staging, Error> {
        let out = absolute(out).map_err(|e| cannot("resolve", out, &e))?;
        let parent = out
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        std::fs::create_dir_all(&parent).map_err(|e| cannot("create", &parent, &e))?;
        let lock = lock::lock(&out, lock::WAIT)?;
        remove_debris(&out);
        let inside = is_mount_point(&out);
        let dir = if inside {
            tempfile::Builder::new()
                .prefix(".sok-staging-")
                .tempdir_in(&out)
        } else {
            tempfile::Builder::new()
                .prefix(&format!(".{}.tmp-", name_of(&out)))
                .tempdir_in(&parent)
        }
        .map_err(|e| cannot("write into", &parent, &e))?;
        std::fs::write(dir.path().join(OUTPUT_MARKER), MARKER_TEXT)
            .map_err(|e| cannot("write into", dir.path(), &e))?;
        Ok(Staging {
            dir,
            out,
            inside,
            _lock: lock,
        })
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Commits as into a mount point (replacing OUT's entries), wherever the staging is.
    #[cfg(test)]
    pub(crate) fn pretend_mounted(mut self) -> Staging {
        self.inside = true;
        self
    }

    /// Puts the new build in place of the old one (if any) and deletes the old one.
    pub fn commit(self) -> Result<PathBuf, Error> {
        self.commit_probed(&|_| Ok(()))
    }

    /// [`Staging::commit`], calling `probe` after each step that changes the file system, so a
    /// test can look at OUT at that instant or stop there as a killed build would.
    pub(crate) fn commit_probed(self, probe: Probe<'_>) -> Result<PathBuf, Error> {
        let Staging {
            dir,
            out,
            inside,
            _lock,
        } = self;
        let failed = |e: io::Error| cannot("replace", &out, &e);
        let new = dir.path().to_path_buf();
        if inside {
            let swapped = swap::replace_contents(&new, &out, probe).map_err(failed)?;
            finish(dir, swapped);
            return Ok(out);
        }
        if std::fs::symlink_metadata(&out).is_err() {
            std::fs::rename(&new, &out).map_err(failed)?;
            let _ = dir.keep();
            return Ok(out);
        }
        let aside = out.with_file_name(format!(".{}.old-{}", name_of(&out), std::process::id()));
        let swapped = swap::swap(&new, &out, &aside, probe).map_err(failed)?;
        finish(dir, swapped);
        Ok(out)
    }
}

/// Deletes the previous build once the new one is in place. A failure here loses nothing
/// (the new build is complete), and the next build deletes what is left.
fn finish(dir: tempfile::TempDir, swapped: Swapped) {
    match swapped {
        // The staging path now holds the old build: TempDir's drop deletes it.
        Swapped::Exchanged => drop(dir),
        Swapped::Renamed(old) => {
            let _ = dir.keep();
            let _ = std::fs::remove_dir_all(old);
        }
        // The staging directory is empty now: its drop deletes it.
        Swapped::Contents(old) => {
            let _ = std::fs::remove_dir_all(old);
            drop(dir);
        }
    }
}

fn name_of(out: &Path) -> String {
    out.file_name()
        .map_or_else(|| "build".into(), |n| n.to_string_lossy().into_owned())
}

fn cannot(what: &str, path: &Path, e: &io::Error) -> Error {
    Error::new(format!("cannot {what} `{}`: {e}", path.display()))
}

/// What builds killed before their end left: `.OUT.tmp-*` and `.OUT.old-*` beside OUT,
/// `.sok-staging-*` and `.sok-old-*` inside it. Only called with OUT's lock held, so none of
/// them belongs to a build that is still running.
fn remove_debris(out: &Path) {
    let name = name_of(out);
    let beside = [format!(".{name}.tmp-"), format!(".{name}.old-")];
    let within = [".sok-staging-".to_string(), ".sok-old-".to_string()];
    let sweep = |dir: &Path, prefixes: &[String]| {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let file_name = entry.file_name();
            let file_name = file_name.to_string_lossy();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    };
    if let Some(parent) = out.parent() {
        sweep(parent, &beside);
    }
    sweep(out, &within);
}

/// Whether `out` is a directory on another file system than its parent (a mounted volume),
/// which cannot be renamed and so gets its contents replaced.
#[cfg(unix)]
fn is_mount_point(out: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Ok(meta), Some(parent)) = (std::fs::symlink_metadata(out), out.parent()) else {
        return false;
    };
    meta.is_dir() && std::fs::metadata(parent).is_ok_and(|p| p.dev() != meta.dev())
}

#[cfg(not(unix))]
fn is_mount_point(_: &Path) -> bool {
    false
}
