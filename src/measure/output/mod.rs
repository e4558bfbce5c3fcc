//! Every output of `sok measure` but JSON (`Report::to_json`): pure functions from a
//! [`Report`](super::Report) and the checked handbook (for its words, titles and names) to text.
//!
//! `view.rs` reads the report once (each standard's status in its latest complete period,
//! the standards by owner, missed first), `words.rs` writes every figure in the handbook's
//! words; `human.rs` (the terminal), `markdown.rs` (a pull-request comment or an e-mail) and
//! `html.rs` (a standalone page, with `chart.rs` drawing one SVG chart per standard and
//! `report.css` the styles it adds to the site's) draw them. `chapter.rs` is the results
//! chapter of `sok build --measurements`, and `load.rs` reads a JSON report back for it.
//! Docs: docs/measure-output.md.

mod chapter;
mod chart;
mod html;
mod human;
pub mod load;
mod markdown;
mod view;
mod words;

pub use chapter::{ID as CHAPTER_ID, results_chapter};
pub use html::html;
pub use human::human;
pub use markdown::markdown;
