//! The typed handbook: every entity of FORMAT.md §5 as plain data.
//!
//! Values keep the span they were read from wherever a later stage (resolve, validate, lint,
//! diff) may need to point at them; rendering ignores the spans. The kinds' fields are
//! described once in [`fields`], which drives key checking, the text registry, the diff and
//! the reference docs.

#[macro_use]
mod keyword;
mod entities;
pub mod fields;
mod handbook;
mod measure;
mod settings;
mod text;

pub use entities::*;
pub use handbook::*;
pub use measure::*;
pub use settings::*;
pub use text::*;
