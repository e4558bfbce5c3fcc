//! Watching the handbook's folder and deciding which events are edits of the sources. The
//! events come from `notify` (inotify, FSEvents, ReadDirectoryChangesW); the debouncing is
//! here, because it has to see each event's kind: a build opens and reads every source, and
//! inotify reports those reads, so a debouncer that forgets the kind (`notify-debouncer-mini`)
//! would rebuild after every rebuild, forever. An edit is a creation, a modification or a
//! removal of a file that is not in the output directory (`sok build` writing there is no
//! edit), not hidden (`.git`, an editor's `.swp`) and not an editor backup (`a.md~`, `#a.md#`).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

/// A running watcher; dropping it stops the watching (and ends [`next_edit`]).
pub(crate) type Watcher = RecommendedWatcher;

/// An event from the watcher.
pub(crate) type Raw = notify::Result<Event>;

/// Watches `root` recursively, sending every event to `events`.
pub(crate) fn watch(root: &Path, events: Sender<Raw>) -> notify::Result<Watcher> {
    let mut watcher = notify::recommended_watcher(events)?;
    watcher.watch(root, RecursiveMode::Recursive)?;
    Ok(watcher)
}

/// Blocks until the sources were edited and then stayed quiet for `quiet`; `false` when the
/// watcher is gone. `edits` decides which events are edits.
pub(crate) fn next_edit(
    events: &Receiver<Raw>,
    quiet: Duration,
    edits: impl Fn(&Raw) -> bool,
) -> bool {
    loop {
        match events.recv() {
            Ok(event) if edits(&event) => break,
            Ok(_) => {}
            Err(_) => return false,
        }
    }
    let mut deadline = Instant::now() + quiet;
    loop {
        match events.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(event) if edits(&event) => deadline = Instant::now() + quiet,
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

/// Which events are edits of the handbook at `root` (absolute, as watched).
pub(crate) struct Filter {
    pub(crate) root: PathBuf,
    /// The output directory (absolute).
    pub(crate) out_dir: PathBuf,
}

impl Filter {
    pub(crate) fn is_edit(&self, event: &Raw) -> bool {
        let Ok(event) = event else {
            // The watcher lost track (an overflowing queue): rebuild to be sure.
            return true;
        };
        if event.need_rescan() {
            return true;
        }
        let writes = match event.kind {
            EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
            EventKind::Access(_) => false,
            EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) => true,
            EventKind::Remove(_) | EventKind::Other => true,
        };
        writes && event.paths.iter().any(|path| self.is_source(path))
    }

    /// Whether `path` (absolute) may be a source of the handbook.
    pub(crate) fn is_source(&self, path: &Path) -> bool {
        if path.starts_with(&self.out_dir) {
            return false;
        }
        let Ok(inside) = path.strip_prefix(&self.root) else {
            return false;
        };
        let mut components = inside.components().peekable();
        if components.peek().is_none() {
            return false;
        }
        components.all(|component| {
            let name = component.as_os_str().to_string_lossy();
            !(name.starts_with('.') || name.ends_with('~') || name.starts_with('#'))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use notify::event::{CreateKind, DataChange, ModifyKind};

    use super::*;

    fn filter() -> Filter {
        Filter {
            root: "/hb".into(),
            out_dir: "/hb/build".into(),
        }
    }

    fn event(kind: EventKind, path: &str) -> Raw {
        Ok(Event::new(kind).add_path(path.into()))
    }

    #[test]
    fn the_output_hidden_files_and_backups_are_not_sources() {
        let yes = |p: &str| filter().is_source(Path::new(p));
        assert!(yes("/hb/standards/a.md"));
        assert!(yes("/hb/sok.toml"));
        assert!(yes("/hb/builder/a.md"));
        assert!(!yes("/hb/build/html/index.html"));
        assert!(!yes("/hb/build"));
        assert!(!yes("/hb/.git/index"));
        assert!(!yes("/hb/standards/.a.md.swp"));
        assert!(!yes("/hb/standards/a.md~"));
        assert!(!yes("/hb/standards/#a.md#"));
        assert!(!yes("/elsewhere/a.md"));
        assert!(!yes("/hb"));
    }

    #[test]
    fn reading_a_file_is_no_edit() {
        let f = filter();
        let modify = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        assert!(f.is_edit(&event(modify, "/hb/standards/a.md")));
        assert!(f.is_edit(&event(EventKind::Create(CreateKind::File), "/hb/a.md")));
        assert!(!f.is_edit(&event(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            "/hb/a.md"
        )));
        assert!(!f.is_edit(&event(
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            "/hb/a.md"
        )));
        assert!(!f.is_edit(&event(modify, "/hb/build/html/index.html")));
    }

    #[test]
    fn edits_are_taken_together_once_quiet() {
        let (tx, rx) = mpsc::channel();
        let modify = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        for _ in 0..3 {
            tx.send(event(modify, "/hb/a.md")).unwrap();
        }
        let f = filter();
        assert!(next_edit(&rx, Duration::from_millis(5), |e| f.is_edit(e)));
        tx.send(event(
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            "/hb/a.md",
        ))
        .unwrap();
        drop(tx);
        assert!(!next_edit(&rx, Duration::from_millis(5), |e| f.is_edit(e)));
    }
}
