//! The one vocabulary: every word a reader of the handbook sees, in its language (en, pl, ru,
//! sl). Pages, handbook.md and the staff change notice all speak through a [`Catalog`], so two
//! parts of the program never say the same thing differently, and a handbook that overrides
//! a string in its `templates/i18n/<lang>.toml` changes it everywhere.
//!
//! - [`catalog`]: the built-in TOML catalogues and the handbook's overrides, key lookup and
//!   `{placeholder}` filling;
//! - [`plural`]: the CLDR plural category of a number;
//! - [`format`](mod@format): numbers, percentages, dates and durations;
//! - [`measure`]: a standard's target in words.
//!
//! A leaf: it depends on `model` and `values` only.

pub mod catalog;
pub mod format;
pub mod measure;
pub mod plural;

pub use catalog::{Catalog, fill};
pub use format::Form;
