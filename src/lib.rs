//! sok compiles customer-service standards kept as TOML and Markdown into a checked,
//! linted, rendered handbook.
//!
//! The pipeline, one module per stage, each using only the stages before it:
//!
//! 1. `discover`: which files make up the handbook and what each one holds (`layout`);
//! 2. `parse`: each file into typed entities (`model`) with absolute spans, in parallel;
//! 3. `resolve`: the id index, duplicate ids and unknown references;
//! 4. `validate`: stages, escalation ladders, links;
//! 5. `lint`: the method's rules, at configurable levels;
//! 6. `render` / `diff` / `measure`: the handbook as HTML and Markdown, what changed, or
//!    whether each standard held on real event data.
//!
//! `load` drives discover and parse through a `world` (a directory, a git revision, memory)
//! and `check` runs the checks; every stage pushes into one `diagnostics` sink and nothing
//! stops at the first problem. Every word a reader sees comes from `i18n`. The CLI (`cli`,
//! `commands`) only parses arguments and prints. Modules are public only where the binary or
//! the integration tests use them.

// The developer docs are built with `--document-private-items`, where a public item's docs
// may name the private module that does the work.
#![allow(rustdoc::private_intra_doc_links)]

// The stages and what they share; public where the tests drive them.
mod audit;
pub mod check;
pub mod diagnostics;
pub mod diff;
pub mod discover;
mod error;
mod export;
mod git;
mod i18n;
mod layout;
mod links;
pub mod lint;
pub mod load;
mod markdown;
pub mod measure;
mod metrics;
pub mod model;
mod parse;
pub mod render;
mod resolve;
mod role;
mod scaffold;
pub mod schema;
mod serve;
pub mod source;
mod texts;
mod validate;
pub mod values;
pub mod world;

// The command line, for the binary.
pub mod cli;
pub mod commands;

pub use check::{Checked, check_dir, check_loaded};
pub use commands::run;
pub use error::Error;
