//! `docs/rules.md`, generated from [`super::RULES`] so the documentation cannot drift from
//! the code. A test compares the file with this text (and rewrites it with `UPDATE_DOCS=1`).

use super::{RULES, Rule, level_name};

/// The whole of `docs/rules.md`.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "# Lint rules\n\n\
         <!-- Generated from src/lint/rules/ by `UPDATE_DOCS=1 cargo test`; do not edit. -->\n\n\
         `sok lint` checks a handbook against the method of the seeds. Each rule has a default\n\
         level; `[lint]` in `sok.toml` changes it (`\"long-sentence\" = \"off\"`), and an entity's\n\
         `lint.allow = [\"rule\"]` switches a rule off for that entity. `sok explain RULE` prints a\n\
         rule's section below, `sok rules` lists them. See [lint.md](lint.md) for the command.\n\n\
         | rule | default level | what it reports |\n| --- | --- | --- |\n",
    );
    for rule in RULES {
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} |\n",
            rule.name,
            rule.name,
            level_name(rule.default_level),
            rule.summary
        ));
    }
    for rule in RULES {
        out.push('\n');
        out.push_str(&section(rule));
    }
    out
}

/// One rule's section: its name, summary, level and docs with headings one level down.
fn section(rule: &Rule) -> String {
    let mut out = format!(
        "## {}\n\n{}. Default level: **{}**.\n\n",
        rule.name,
        capitalize(rule.summary),
        level_name(rule.default_level)
    );
    let mut in_code = false;
    for line in rule.docs.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if !in_code && line.starts_with('#') {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// `text` with its first letter in uppercase.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn code_comments_keep_their_hash() {
        let text = super::rules_markdown();
        assert!(text.contains("### What it does"));
        assert!(text.contains("last_reviewed = 2025-01-10   # due"));
        assert!(!text.contains("\n## What it does"));
    }
}
