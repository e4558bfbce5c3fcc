//! Check: what `sok check` runs and every other command starts from: discover → parse →
//! resolve → validate, plus lint's check of its own configuration.
//!
//! The result keeps everything a later stage needs (the sources for positions, the model,
//! the id index, the world to read templates and assets from) with every problem found.

use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::Diagnostics;
use crate::error::Error;
use crate::load::{self, Loaded};
use crate::model::Handbook;
use crate::resolve::{self, Index};
use crate::source::Sources;
use crate::world::World;
use crate::{lint, validate};

/// A handbook after the checks: the model, its index, and every problem found.
#[derive(Debug)]
pub struct Checked {
    pub sources: Sources,
    pub handbook: Handbook,
    pub index: Index,
    pub diagnostics: Diagnostics,
    pub templates: Vec<String>,
    /// Where the sources were read from, for the templates and assets a build reads.
    pub world: Arc<dyn World>,
}

/// Runs discover → parse → resolve → validate on the handbook at `root`.
pub fn check_dir(root: &Path) -> Result<Checked, Error> {
    load::load_dir(root).map(check_loaded)
}

/// Runs resolve → validate on a loaded handbook.
pub fn check_loaded(loaded: Loaded) -> Checked {
    let Loaded {
        sources,
        handbook,
        mut diagnostics,
        templates,
        world,
    } = loaded;
    let index = resolve::resolve(&handbook, &mut diagnostics);
    validate::validate(&handbook, &sources, &mut diagnostics);
    lint::config::check(&handbook, &mut diagnostics);
    Checked {
        sources,
        handbook,
        index,
        diagnostics,
        templates,
        world,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::MemoryWorld;

    /// A link inside an escaped TOML string is reported at the link itself.
    #[test]
    fn a_missing_link_in_an_escaped_string_is_pointed_at_exactly() {
        let principles = "[[principle]]\ntitle = \"Zasada\"\ntext = \"Mówimy \\\"dzień dobry\\\" i [regulamin](brak.md).\"\n";
        let mut world = MemoryWorld::default();
        world.files.insert(
            "sok.toml".into(),
            b"[handbook]\ntitle = \"T\"\nlanguage = \"pl\"\nversion = \"1.0.0\"\n".to_vec(),
        );
        world
            .files
            .insert("principles.toml".into(), principles.as_bytes().to_vec());
        let checked = check_loaded(load::load_from(world.paths(), Arc::new(world)));
        let diagnostics: Vec<_> = checked.diagnostics.iter().collect();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let span = diagnostics[0].span;
        assert_eq!(
            diagnostics[0].code,
            crate::diagnostics::codes::LINK_MISSING.name
        );
        assert_eq!(&principles[span.start..span.end], "brak.md");
    }
}
