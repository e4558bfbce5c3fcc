//! The handbook's folder layout (FORMAT.md §1): the settings file, the kind folders, the
//! special folders and the marker that names an output directory.
//!
//! A leaf that every stage may read: discovery classifies paths by it, parse is told each
//! file's [`Role`] from it, render marks its output with [`OUTPUT_MARKER`].

use crate::model::Kind;

/// The file that makes a folder a handbook root.
pub(crate) const SETTINGS_FILE: &str = "sok.toml";

/// Images and files copied to the output as they are.
pub(crate) const ASSETS_FOLDER: &str = "assets";

/// The handbook's overrides of the built-in templates.
pub(crate) const TEMPLATES_FOLDER: &str = "templates";

/// Event data for `sok measure` kept with the handbook (`events/*.csv`): neither sources nor
/// output, so discovery skips it as it skips a build and nothing renders it.
pub(crate) const EVENTS_FOLDER: &str = "events";

/// Folders whose files are not sources.
pub(crate) const SPECIAL_FOLDERS: [&str; 2] = [ASSETS_FOLDER, TEMPLATES_FOLDER];

/// The hidden file `sok build` leaves in its output, so that discovery skips any output
/// directory wherever `--out` put it.
pub(crate) const OUTPUT_MARKER: &str = ".sok-output";

/// What a file holds, decided by discovery from its place in the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `sok.toml`.
    Settings,
    /// A `.toml` file outside the kind folders: `[[kind]]` arrays.
    Collection,
    /// A `.toml` file under a kind folder: one entity as top-level keys.
    EntityToml(Kind),
    /// A `.md` file under a kind folder: front matter and body.
    EntityMarkdown(Kind),
}

/// The folder whose files hold one entity of `kind` each.
pub(crate) fn kind_folder(kind: Kind) -> Option<&'static str> {
    Some(match kind {
        Kind::Owner => "owners",
        Kind::Touchpoint => "touchpoints",
        Kind::Journey => "journeys",
        Kind::Situation => "situations",
        Kind::Standard => "standards",
        Kind::Chapter => "chapters",
        Kind::Term | Kind::Principle => return None,
    })
}

/// The kind whose folder is `folder`.
pub(crate) fn kind_of_folder(folder: &str) -> Option<Kind> {
    Kind::ALL
        .into_iter()
        .find(|&k| kind_folder(k) == Some(folder))
}
