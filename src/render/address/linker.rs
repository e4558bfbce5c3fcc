//! How one place in the output links to another.
//!
//! The site has one page per entity (standards, situations, touchpoints, owners, journeys,
//! chapters) and one page per section; print.html and handbook.md hold everything, so there
//! an entity is an anchor prefixed by its kind (`standard-phone-answer`). Every link in every
//! output goes through [`Linker::href`], so the two layouts can never disagree; the links
//! inside a text are rewritten here too, as the [`Links`] of the Markdown pipeline.

use std::collections::{HashMap, HashSet};

use super::target::{Section, Target, section_of};
use crate::links::{self, LinkTarget};
use crate::model::{Handbook, Kind};
use crate::render::markdown::events::Links;
use crate::render::markdown::headings::heading_ids;
use crate::source::Sources;

/// How links are written on the page being rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A page of the site, `depth` folders below its root.
    Page { depth: usize },
    /// print.html or handbook.md: everything is an anchor in one document.
    Single,
}

/// What the renderer knows about the sources' files, for rewriting Markdown links.
#[derive(Debug, Default)]
pub(crate) struct Targets {
    /// Root-relative source path → what its page is.
    files: HashMap<String, Target>,
    /// Source path → the ids of the headings in its body (see [`heading_ids`]).
    headings: HashMap<String, HashSet<String>>,
    assets: HashSet<String>,
}

impl Targets {
    pub(crate) fn new(hb: &Handbook, sources: &Sources) -> Targets {
        let path_of = |file| sources.get(file).path.clone();
        let mut files = HashMap::new();
        let mut headings = HashMap::new();
        let mut own = |kind: Kind, meta: &crate::model::Meta, body: Option<&crate::model::Text>| {
            let path = path_of(meta.file);
            let target = if path.contains('/') {
                if let Some(body) = body {
                    headings.insert(path.clone(), heading_ids(&body.value));
                }
                Target::Entity(kind, meta.id.value.clone())
            } else {
                Target::Section(section_of(kind))
            };
            files.entry(path).or_insert(target);
        };
        for e in hb.entities() {
            // A term's definition is no body of a file of its own.
            own(e.kind, e.meta, e.main_text.filter(|_| e.kind != Kind::Term));
        }
        files.insert("sok.toml".into(), Target::Section(Section::Cover));
        Targets {
            files,
            headings,
            assets: hb.assets.iter().cloned().collect(),
        }
    }
}

/// Writes links for one page (or for a single document).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Linker<'a> {
    pub targets: &'a Targets,
    pub mode: Mode,
}

impl Linker<'_> {
    /// The href of `target` from the page being rendered.
    pub(crate) fn href(&self, target: &Target) -> String {
        match (self.mode, target) {
            (Mode::Page { depth }, _) => format!("{}{}", "../".repeat(depth), target.page_path()),
            (Mode::Single, Target::Asset(_)) => target.page_path(),
            (Mode::Single, Target::Section(Section::Search | Section::Print | Section::Tags)) => {
                target.page_path()
            }
            (Mode::Single, _) => format!("#{}", target.single_anchor()),
        }
    }

    /// The prefix of heading ids (and footnote ids) inside the main text of `target`.
    pub(crate) fn heading_prefix(&self, target: &Target, page_level: bool) -> String {
        match self.mode {
            Mode::Page { .. } if page_level => String::new(),
            Mode::Page { .. } => match target {
                Target::Step(_, step) => format!("{step}--"),
                Target::Entity(_, id) => format!("{id}--"),
                other => format!("{}--", other.single_anchor()),
            },
            Mode::Single => format!("{}--", target.single_anchor()),
        }
    }
}

impl Links for Linker<'_> {
    fn rewrite(
        &self,
        from: &str,
        url: &str,
        own: &HashSet<String>,
        prefix: &str,
    ) -> Option<String> {
        match links::classify(from, url) {
            LinkTarget::External => external(url.trim()),
            LinkTarget::OutsideRoot => None,
            LinkTarget::Fragment => {
                let slug = crate::values::slugify(url.trim().trim_start_matches('#'));
                own.contains(&slug).then(|| format!("#{prefix}{slug}"))
            }
            LinkTarget::File { path, fragment } => {
                if self.targets.assets.contains(&path) {
                    return Some(self.href(&Target::Asset(path)));
                }
                let target = self.targets.files.get(&path)?;
                let mut href = self.href(target);
                let slug = fragment
                    .map(|f| crate::values::slugify(&f))
                    .unwrap_or_default();
                let known = self
                    .targets
                    .headings
                    .get(&path)
                    .is_some_and(|h| h.contains(&slug));
                if known && !href.contains('#') {
                    let prefix = self.heading_prefix(target, true);
                    if self.mode == Mode::Single {
                        href = format!("#{prefix}{slug}");
                    } else {
                        href = format!("{href}#{prefix}{slug}");
                    }
                }
                Some(href)
            }
        }
    }

    /// Only files under `assets/` are shown.
    fn image(&self, from: &str, url: &str) -> Option<String> {
        match links::classify(from, url) {
            LinkTarget::File { path, .. } if self.targets.assets.contains(&path) => {
                Some(self.href(&Target::Asset(path)))
            }
            _ => None,
        }
    }
}

/// Keeps web, mail and phone links; every other scheme (`javascript:`, `data:`...) is dropped.
fn external(url: &str) -> Option<String> {
    if let Some(rest) = url.strip_prefix("//") {
        return Some(format!("https://{rest}"));
    }
    let (scheme, _) = url.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    ["http", "https", "mailto", "tel"]
        .contains(&scheme.as_str())
        .then(|| url.chars().filter(|c| !c.is_control()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_schemes_are_dropped() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert_eq!(external(bad), None, "{bad}");
        }
        assert_eq!(
            external("https://kwiatek.pl").as_deref(),
            Some("https://kwiatek.pl")
        );
        assert_eq!(
            external("MAILTO:bok@kwiatek.pl").as_deref(),
            Some("MAILTO:bok@kwiatek.pl")
        );
        assert_eq!(
            external("//example.com/x").as_deref(),
            Some("https://example.com/x")
        );
    }

    #[test]
    fn hrefs_in_both_layouts() {
        let targets = Targets::default();
        let page = Linker {
            targets: &targets,
            mode: Mode::Page { depth: 1 },
        };
        let single = Linker {
            targets: &targets,
            mode: Mode::Single,
        };
        let step = Target::Step("online-order".into(), "callback".into());
        assert_eq!(page.href(&step), "../journeys/online-order.html#callback");
        assert_eq!(single.href(&step), "#step-online-order-callback");
        let term = Target::Entity(Kind::Term, "tainyi-pokupatel".into());
        assert_eq!(single.href(&term), "#term-tainyi-pokupatel");
        assert_eq!(
            page.href(&Target::Asset("assets/a b.svg".into())),
            "../assets/a%20b.svg"
        );
    }
}
