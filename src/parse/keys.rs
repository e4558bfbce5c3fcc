//! The keys of a table: unknown ones, misplaced ones and required ones that are missing.
//!
//! These decide how many errors one slip gives: a misspelt `ownr` or an `owner` written below
//! `[measure]` is one error, not also "missing `owner`", so missing fields wait in `Ctx`
//! until the file is read and are dropped when an unknown key stands for them.

use super::fields::{Ctx, Parent, Table};
use crate::diagnostics::{Diagnostic, codes, did_you_mean};
use crate::model::fields::Field;
use crate::source::Span;

impl Table<'_, '_> {
    /// This table as written inside `parent`, whose keys are `fields`.
    pub(crate) fn inside(mut self, parent: &Table<'_, '_>, fields: &[Field]) -> Self {
        self.parent = Some(Parent {
            header: parent.header,
            what: parent.what,
            keys: crate::model::fields::keys(fields),
            present: parent
                .entries
                .iter()
                .map(|(k, _)| k.get_ref().to_string())
                .collect(),
        });
        self
    }

    /// Reports every key not in `allowed`, suggesting the closest allowed one.
    pub(crate) fn check_keys(&self, cx: &mut Ctx<'_>, allowed: &[&str]) {
        for (key, _) in self.entries.iter() {
            let name: &str = key.get_ref();
            if !allowed.contains(&name) {
                if self.misplaced(cx, name, cx.span(key.span())) {
                    continue;
                }
                if let Some(guess) = crate::diagnostics::closest(name, allowed.iter().copied()) {
                    cx.meant.push((self.header, guess.to_string()));
                }
                let help = did_you_mean(name, allowed.iter().copied())
                    .unwrap_or_else(|| format!("a {} takes: {}", self.what, allowed.join(", ")));
                cx.push(
                    Diagnostic::error(
                        &codes::SCHEMA_UNKNOWN_KEY,
                        cx.span(key.span()),
                        format!("unknown key `{name}` in {}", self.what),
                    )
                    .label("unknown key")
                    .help(help),
                );
            }
        }
    }

    /// A key of the parent table written below this table's header: reported as misplaced,
    /// and not as missing from the parent.
    fn misplaced(&self, cx: &mut Ctx<'_>, name: &str, span: Span) -> bool {
        let Some(parent) = &self.parent else {
            return false;
        };
        if !parent.keys.contains(&name) || parent.present.iter().any(|k| k == name) {
            return false;
        }
        let header = cx
            .toml
            .get(self.header.start - cx.offset..self.header.end - cx.offset)
            .unwrap_or("")
            .to_string();
        cx.meant.push((parent.header, name.to_string()));
        cx.push(
            Diagnostic::error(
                &codes::SCHEMA_UNKNOWN_KEY,
                span,
                format!(
                    "`{name}` belongs to the {}, not to {}",
                    parent.what, self.what
                ),
            )
            .label(format!("below the `{header}` line"))
            .help(format!(
                "move the `{name} = ...` line above the `{header}` line: every key after a table \
                 header belongs to that table"
            )),
        );
        true
    }

    pub(crate) fn missing(&self, cx: &mut Ctx<'_>, key: &str, example: &str) {
        let d = Diagnostic::error(
            &codes::SCHEMA_MISSING_FIELD,
            self.header,
            format!("{} is missing required field `{key}`", self.what),
        )
        .label(format!("`{key}` is required here"))
        .help(format!("add `{key} = {example}`"));
        cx.missing.push((self.header, key.to_string(), d));
    }
}
