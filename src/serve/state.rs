//! What the server serves right now, shared between the request threads and the rebuild
//! thread. A build replaces the whole [`Snapshot`] at once (one `Arc` swapped under a lock),
//! so a request sees either the old build or the new one, never a mix, and a request never
//! waits for a build.

use std::sync::{Arc, PoisonError, RwLock};

use super::overlay::{self, Problem};
use super::rebuild::{Build, Files};
use crate::i18n::Catalog;

/// One state of the server: the last good pages and the problems of the latest build.
pub(crate) struct Snapshot {
    /// Counts the builds; a page carries the number it was served with, so that it reloads
    /// when the server has a newer one.
    pub(crate) generation: u64,
    /// The pages of the last build that succeeded; `None` until one has.
    pub(crate) files: Option<Arc<Files>>,
    /// The overlay's HTML when the latest build has errors.
    pub(crate) overlay: Option<String>,
    pub(crate) catalog: Catalog,
}

/// The current snapshot.
pub(crate) struct State {
    current: RwLock<Arc<Snapshot>>,
}

impl State {
    pub(crate) fn new(catalog: Catalog) -> State {
        State {
            current: RwLock::new(Arc::new(Snapshot {
                generation: 0,
                files: None,
                overlay: None,
                catalog,
            })),
        }
    }

    pub(crate) fn current(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// Makes `build` the current state: its pages if it has any (else the last good ones),
    /// its problems in the overlay. Returns the new generation.
    pub(crate) fn publish(&self, build: &mut Build) -> u64 {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        let files = match build.files.take() {
            Some(files) => Some(Arc::new(files)),
            None => current.files.clone(),
        };
        let overlay = overlay_html(&build.problems, &build.catalog, files.is_none());
        let generation = current.generation + 1;
        *current = Arc::new(Snapshot {
            generation,
            files,
            overlay,
            catalog: build.catalog.clone(),
        });
        generation
    }
}

fn overlay_html(problems: &[Problem], catalog: &Catalog, only: bool) -> Option<String> {
    (!problems.is_empty()).then(|| overlay::render(problems, catalog, only))
}
