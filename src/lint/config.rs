//! The lint configuration a handbook writes: rule names in `[lint]` of `sok.toml` and in
//! every `lint.allow` list.
//!
//! Parse reads these as plain names; only lint knows its rules, so the check that each name
//! is one lives here, beside the registry, and runs with the other checks (`sok check`
//! reports a misspelt rule even when nobody lints).

use crate::diagnostics::{Diagnostic, Diagnostics, codes, did_you_mean};
use crate::model::{Handbook, Sp};

/// The `[lint]` keys that are parameters rather than rule names.
pub(crate) const PARAMETERS: [&str; 2] = ["max_sentence_words", "extra_vague_phrases"];

/// Reports every rule name in `[lint]` and `lint.allow` that names no rule.
pub(crate) fn check(hb: &Handbook, diags: &mut Diagnostics) {
    if let Some(settings) = &hb.settings {
        for (name, _) in &settings.lint.levels {
            unknown_rule(name, super::names().chain(PARAMETERS), diags);
        }
    }
    for name in hb.lint_allow_lists().flatten() {
        unknown_rule(name, super::names(), diags);
    }
}

fn unknown_rule<'a>(
    name: &Sp<String>,
    candidates: impl Iterator<Item = &'a str>,
    diags: &mut Diagnostics,
) {
    if super::find(&name.value).is_some() {
        return;
    }
    diags.push(
        Diagnostic::error(
            &codes::LINT_UNKNOWN_RULE,
            name.span,
            format!("unknown lint rule `{}`", name.value),
        )
        .label("no such rule")
        .help(
            did_you_mean(&name.value, candidates)
                .unwrap_or_else(|| "`sok rules` lists the rules".to_string()),
        ),
    );
}
