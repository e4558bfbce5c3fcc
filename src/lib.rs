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

pub mod check;
pub mod cli;
pub mod commands;
pub mod diagnostics;
pub mod diff;
pub mod discover;
pub mod git;
pub mod i18n;
pub mod layout;
pub mod links;
pub mod lint;
pub mod load;
pub mod markdown;
pub mod metrics;
pub mod model;
pub mod parse;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod source;
pub mod texts;
pub mod validate;
pub mod values;
pub mod world;

pub use check::{Checked, check_dir, check_loaded};
pub use commands::run;
