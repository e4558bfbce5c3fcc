//! The `.taplo.toml` of a handbook: which schema each of its TOML files is checked against,
//! so that `taplo check` and the Even Better TOML extension find them.
//!
//! taplo reads the globs and the schema paths relative to the folder it runs in (the
//! editor's workspace), so the file belongs in the handbook root and names the schema
//! folder relative to it.

use super::Target;

/// The first line of a `.taplo.toml` that sok wrote and may write again.
const MARKER: &str = "# Written by `sok schema --taplo`.";

/// Whether `text` (an existing `.taplo.toml`) was written by sok, and so may be replaced.
pub(crate) fn written_by_sok(text: &str) -> bool {
    text.trim_start_matches('\u{feff}').starts_with(MARKER)
}

/// The `.taplo.toml` for a handbook whose schemas are in `schema_dir`, a path relative to
/// the handbook root with `/` separators (or an absolute one).
pub(crate) fn taplo_config(schema_dir: &str) -> String {
    let dir = schema_dir.trim_end_matches('/');
    let mut out = format!(
        "{MARKER} sok replaces this file when it runs again;
# delete this first line to keep your own version (sok then leaves it alone).
#
# Maps the handbook's TOML files to the JSON Schemas in `{dir}/`, which
# `sok schema --out {dir}` generates from the fields sok reads, so that `taplo check`
# and the Even Better TOML editor extension check keys and values as you type.
# Markdown front matter is not checked by taplo; `sok check` checks everything.
# In overlapping rules, the last one wins.
"
    );
    for target in Target::all_for_taplo() {
        out.push('\n');
        out.push_str(&format!("# {}\n", target.comment()));
        out.push_str("[[rule]]\n");
        out.push_str(&format!("include = {}\n", list(&target.include())));
        let exclude = target.exclude();
        if !exclude.is_empty() {
            out.push_str(&format!("exclude = {}\n", list(&exclude)));
        }
        out.push_str(&format!(
            "schema.path = {}\n",
            quote(&format!("{dir}/{}", target.file_name()))
        ));
    }
    out
}

impl Target {
    /// The rules in the order taplo needs them: the catch-all collection rule first.
    fn all_for_taplo() -> Vec<Target> {
        let mut all = Target::all();
        all.retain(|t| *t != Target::Collection);
        all.insert(0, Target::Collection);
        all
    }

    fn comment(self) -> String {
        match self {
            Target::Settings => "The handbook settings.".into(),
            Target::Entity(kind) => format!(
                "One {} per file, its fields as top-level keys.",
                kind.name()
            ),
            Target::Collection => {
                "Any other TOML file holds [[owner]], [[standard]]... arrays.".into()
            }
        }
    }
}

/// A TOML string.
fn quote(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A TOML array of strings, on one line.
fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| quote(i)).collect();
    format!("[{}]", items.join(", "))
}
