//! What the server serves right now, shared between the request threads, the event streams
//! and the rebuild thread. A build replaces the whole [`Snapshot`] at once (one `Arc`
//! swapped under a lock), so a request sees either the old state or the new one, never a
//! mix, and a request never waits for a build.
//!
//! Each page has a version: a hash of what the browser shows for it (the page, the overlay,
//! the stylesheets, scripts and images every page uses). A page carries its version, and its
//! event stream sends `reload` only when the version changes, so an edit reloads the pages
//! it changed and leaves the other open tabs alone.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock, PoisonError, RwLock};

use super::open_pages::Pages;
use super::overlay::{self, Problem};
use super::rebuild::{self, Files};
use crate::check::Checked;
use crate::i18n::Catalog;

/// The search index, which only search.html uses: it counts in that page's version alone.
const SEARCH_INDEX: &str = "search-index.js";
const SEARCH_PAGE: &str = "search.html";

/// One state of the server: the last good pages and the problems of the latest build.
pub(crate) struct Snapshot {
    /// Counts the states, for the terminal.
    pub(crate) generation: u64,
    /// The pages of the last build that succeeded; `None` until one has.
    pub(crate) files: Option<Arc<Files>>,
    /// The overlay's HTML when the latest build has errors.
    pub(crate) overlay: Option<String>,
    /// The lint summary's HTML when the latest build of the site has lint findings.
    pub(crate) lint: Option<String>,
    pub(crate) catalog: Catalog,
    /// A hash of every file that is no page (stylesheets, scripts, images), the search
    /// index aside.
    resources: u64,
    /// The handbook of the last good build, for handbook.md, made when it is asked for.
    checked: Option<Arc<Checked>>,
    markdown: OnceLock<Option<Arc<[u8]>>>,
}

impl Snapshot {
    /// The version of the page at `key` (`standards/a.html`; one that does not exist has a
    /// version too: the 404 page's).
    pub(crate) fn version(&self, key: &str) -> String {
        let mut hasher = DefaultHasher::new();
        self.overlay.hash(&mut hasher);
        self.lint.hash(&mut hasher);
        match &self.files {
            Some(files) => {
                files.get(key).map(|bytes| &bytes[..]).hash(&mut hasher);
                self.resources.hash(&mut hasher);
                if key == SEARCH_PAGE {
                    files.get(SEARCH_INDEX).map(|b| &b[..]).hash(&mut hasher);
                }
            }
            None => 0u8.hash(&mut hasher),
        }
        format!("{:016x}", hasher.finish())
    }

    /// handbook.md of the last good build, rendered on the first request for it.
    pub(crate) fn handbook_md(&self) -> Option<Arc<[u8]>> {
        self.markdown
            .get_or_init(|| self.checked.as_deref().and_then(rebuild::render_markdown))
            .clone()
    }
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
                lint: None,
                catalog,
                resources: 0,
                checked: None,
                markdown: OnceLock::new(),
            })),
        }
    }

    pub(crate) fn current(&self) -> Arc<Snapshot> {
        Arc::clone(&self.current.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// A build that failed: the last good pages stay, with the problems over them.
    pub(crate) fn publish_problems(&self, problems: &[Problem], catalog: Catalog) -> Arc<Snapshot> {
        self.replace(|old| Snapshot {
            generation: old.generation + 1,
            files: old.files.clone(),
            overlay: Some(overlay::render(problems, &catalog, old.files.is_none())),
            lint: None,
            catalog,
            resources: old.resources,
            checked: old.checked.clone(),
            markdown: OnceLock::new(),
        })
    }

    /// Some pages of a build that succeeded, ahead of the rest, with the build's lint summary:
    /// they replace their old
    /// versions, every other file stays as it was until [`State::publish_site`].
    pub(crate) fn publish_pages(
        &self,
        pages: Pages,
        catalog: Catalog,
        checked: &Arc<Checked>,
        lint: Option<&str>,
    ) -> Arc<Snapshot> {
        let lint = lint.map(|line| overlay::lint(line, &catalog));
        self.replace(|old| {
            let mut files = old.files.as_deref().cloned().unwrap_or_default();
            for (key, bytes) in pages {
                files.insert(key, Arc::from(bytes));
            }
            Snapshot {
                generation: old.generation + 1,
                files: Some(Arc::new(files)),
                overlay: None,
                lint,
                catalog,
                resources: old.resources,
                checked: Some(Arc::clone(checked)),
                markdown: OnceLock::new(),
            }
        })
    }

    /// The whole site of a build that succeeded, with the lint summary of `sok build`.
    pub(crate) fn publish_site(
        &self,
        files: Files,
        catalog: Catalog,
        checked: Arc<Checked>,
        lint: Option<&str>,
    ) -> Arc<Snapshot> {
        let resources = resources(&files);
        let lint = lint.map(|line| overlay::lint(line, &catalog));
        self.replace(|old| Snapshot {
            generation: old.generation + 1,
            files: Some(Arc::new(files)),
            overlay: None,
            lint,
            catalog,
            resources,
            checked: Some(checked),
            markdown: OnceLock::new(),
        })
    }

    fn replace(&self, make: impl FnOnce(&Snapshot) -> Snapshot) -> Arc<Snapshot> {
        let mut current = self.current.write().unwrap_or_else(PoisonError::into_inner);
        let new = Arc::new(make(&current));
        *current = Arc::clone(&new);
        new
    }
}

/// The hash of every file that is no page, the search index aside, in a fixed order.
fn resources(files: &Files) -> u64 {
    let mut keys: Vec<&String> = files
        .keys()
        .filter(|key| !key.ends_with(".html") && key.as_str() != SEARCH_INDEX)
        .collect();
    keys.sort();
    let mut hasher = DefaultHasher::new();
    for key in keys {
        key.hash(&mut hasher);
        files[key].hash(&mut hasher);
    }
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    fn files(pairs: &[(&str, &str)]) -> Files {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Arc::from(v.as_bytes())))
            .collect()
    }

    #[test]
    fn a_version_changes_with_its_page_the_overlay_and_the_resources_only() {
        let state = State::new(Catalog::builtin(Language::En));
        let checked = Arc::new(crate::check_loaded(crate::load::load_from(
            Vec::new(),
            Arc::new(crate::world::MemoryWorld::default()),
        )));
        let cat = || Catalog::builtin(Language::En);
        let site = [
            ("a.html", "a"),
            ("b.html", "b"),
            ("static/x.css", "x"),
            (SEARCH_INDEX, "1"),
        ];
        let one = state.publish_site(files(&site), cat(), Arc::clone(&checked), None);
        let mut edited = site;
        edited[0].1 = "a2";
        edited[3].1 = "2";
        let two = state.publish_site(files(&edited), cat(), Arc::clone(&checked), None);
        assert_ne!(one.version("a.html"), two.version("a.html"));
        assert_eq!(one.version("b.html"), two.version("b.html"));
        assert_ne!(one.version(SEARCH_PAGE), two.version(SEARCH_PAGE));
        let mut styled = edited;
        styled[2].1 = "y";
        let three = state.publish_site(files(&styled), cat(), Arc::clone(&checked), None);
        assert_ne!(two.version("b.html"), three.version("b.html"));
        let broken = state.publish_problems(&[], cat());
        assert_ne!(three.version("b.html"), broken.version("b.html"));
        assert!(broken.files.is_some());
        let ahead = state.publish_pages(
            vec![("a.html".into(), b"a3".to_vec())],
            cat(),
            &checked,
            None,
        );
        assert_eq!(&ahead.files.as_ref().unwrap()["b.html"][..], b"b");
        assert_eq!(ahead.version("b.html"), three.version("b.html"));
        // A new lint summary is a new version of every page: they reload to show it.
        let linted = state.publish_site(
            files(&styled),
            cat(),
            Arc::clone(&checked),
            Some("lint: 1 warning in 1 file"),
        );
        assert_ne!(linted.version("b.html"), three.version("b.html"));
        assert!(
            linted
                .lint
                .as_deref()
                .is_some_and(|l| l.contains("1 warning"))
        );
    }
}
