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

pub(crate) mod catalog;
pub(crate) mod format;
pub(crate) mod measure;
pub(crate) mod plural;

pub(crate) use catalog::{Catalog, fill};
pub(crate) use format::Form;
