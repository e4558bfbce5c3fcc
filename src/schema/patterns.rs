//! The regular expressions of the schema: ids, step references, durations and versions,
//! each written to accept what the parser in `values` accepts (the tests hold them to it).
//!
//! They use only what both ECMA-262 (editors) and Rust's `regex` (taplo) read alike:
//! classes, groups, `\s` and anchors; no flags, so case is spelt out in classes.

/// An id: lowercase kebab-case ASCII (`values::is_valid_id`).
pub(crate) const ID: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// A journey step: `journey-id/step-id`.
pub(crate) const STEP_REF: &str = "^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$";

/// A semantic version as `values::Version::parse` reads it: three numbers without leading
/// zeros, then an optional `-` and any pre-release text.
pub(crate) const VERSION: &str = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[\s\S]+)?$";

/// The units of `values::Duration::parse`, in lowercase: every spelling of its table, longest
/// first so that `min.` is not cut at `min`, with any white space between words.
fn duration_units() -> String {
    let mut words = crate::values::duration_spellings();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let alternatives: Vec<String> = words
        .iter()
        .map(|w| w.replace('.', r"\.").replace(' ', r"\s+"))
        .collect();
    format!("({})", alternatives.join("|"))
}

/// A duration as `values::Duration::parse` reads it: white space around it, a number
/// (`2`, `1.5`, `.5`), an optional space and a unit in any case.
pub(crate) fn duration() -> String {
    format!(
        r"^\s*([0-9]+(\.[0-9]+)?|\.[0-9]+)\s*{}\s*$",
        any_case(&duration_units())
    )
}

/// `pattern` with each letter outside an escape matching both cases, as the parser's
/// `to_lowercase` does (which also folds the Kelvin sign `K` into `k`).
fn any_case(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() * 4);
    let mut escaped = false;
    for c in pattern.chars() {
        match c {
            _ if escaped => {
                out.push(c);
                escaped = false;
            }
            '\\' => {
                out.push(c);
                escaped = true;
            }
            'k' => out.push_str("[kK\u{212A}]"),
            c if c.is_lowercase() && c.to_uppercase().count() == 1 => {
                out.push('[');
                out.push(c);
                out.extend(c.to_uppercase());
                out.push(']');
            }
            c => out.push(c),
        }
    }
    out
}
