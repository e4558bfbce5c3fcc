//! sok compiles customer-service standards kept as TOML and Markdown into a checked,
//! linted, rendered handbook.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`discover`]: which files make up the handbook and what each one holds;
//! 2. [`parse`]: each file into typed entities with absolute spans (in parallel);
//! 3. [`resolve`]: the id index, duplicate ids and unknown references;
//! 4. [`validate`]: stages, escalation ladders, links;
//! 5. [`lint`]: the method's rules, at configurable levels;
//! 6. render / diff: the handbook as HTML and Markdown, or what changed.
//!
//! Every stage pushes into one [`diagnostics::Diagnostics`] sink; nothing stops at the first
//! problem. The CLI (`cli`, `commands`) only parses arguments and prints.

pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod diff;
pub mod discover;
pub mod git;
pub mod i18n;
pub mod links;
pub mod lint;
pub mod load;
pub mod markdown;
pub mod metrics;
pub mod model;
pub mod parse;
pub mod render;
pub mod resolve;
pub mod source;
pub mod texts;
pub mod validate;
pub mod values;

use std::path::Path;

use diagnostics::Diagnostics;
use load::{LoadError, Loaded};
use model::Handbook;
use resolve::Index;
use source::Sources;

/// A handbook after the checks: the model, its index, and every problem found.
#[derive(Debug, Default)]
pub struct Checked {
    pub sources: Sources,
    pub handbook: Handbook,
    pub index: Index,
    pub diagnostics: Diagnostics,
    pub templates: Vec<String>,
}

/// Runs discover → parse → resolve → validate on the handbook at `root`.
pub fn check_dir(root: &Path) -> Result<Checked, LoadError> {
    load::load_dir(root).map(check_loaded)
}

/// Runs resolve → validate on a loaded handbook.
pub fn check_loaded(loaded: Loaded) -> Checked {
    let Loaded {
        sources,
        handbook,
        mut diagnostics,
        templates,
    } = loaded;
    let index = resolve::resolve(&handbook, &mut diagnostics);
    validate::validate(&handbook, &sources, &mut diagnostics);
    Checked {
        sources,
        handbook,
        index,
        diagnostics,
        templates,
    }
}

pub use commands::run;
