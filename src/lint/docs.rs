//! `docs/rules.md`, generated from [`super::RULES`], and `docs/vague-phrases.md`, generated
//! from the built-in lists of `vague-wording`, so the documentation cannot drift from the
//! code. A test compares the files with these texts (and rewrites them with `UPDATE_DOCS=1`).

use super::phrases::{slogans, vague_phrases};
use super::{RULES, Rule};
use crate::i18n::format::capitalize;
use crate::model::Language;

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
            rule.default_level.keyword(),
            rule.summary
        ));
    }
    for rule in RULES {
        out.push('\n');
        out.push_str(&section(rule));
    }
    out
}

/// The whole of `docs/vague-phrases.md`: the built-in phrases of `vague-wording`, one list
/// per handbook language.
pub fn vague_phrases_markdown() -> String {
    let mut out = String::from(
        "# Vague phrases\n\n\
         <!-- Generated from src/lint/phrases.rs by `UPDATE_DOCS=1 cargo test`; do not edit. -->\n\n\
         The built-in phrases that [`vague-wording`](rules.md#vague-wording) reports, one list\n\
         per handbook `language`. `[lint].extra_vague_phrases` in `sok.toml` adds your own.\n\n\
         Case does not matter, and words must be whole, in order and adjacent. In Polish, Russian\n\
         and Slovenian, a phrase of two or more words is also found with other endings\n\
         (\"klienci zawsze mają rację\", \"клиенты всегда правы\"); a phrase of one word must\n\
         match exactly. English words match exactly, except that in a phrase of two or more words\n\
         a word of four or more letters may take `-s`, `-es`, `-d`, `-ed` or `-ing` (\"making\n\
         every effort\"). A phrase quoted as a whole (`„jak najszybciej”`) is a mention and is\n\
         not reported.\n",
    );
    let languages = [
        (Language::En, "English"),
        (Language::Pl, "Polish"),
        (Language::Ru, "Russian"),
        (Language::Sl, "Slovenian"),
    ];
    for (language, name) in languages {
        let list = vague_phrases(language);
        out.push_str(&format!(
            "\n## {name} (`language = \"{}\"`, {} phrases)\n\n",
            language.keyword(),
            list.len()
        ));
        for phrase in list {
            out.push_str(&format!("- `{phrase}`\n"));
        }
        out.push_str(
            "\nSlogans, reported with the help to write what the customer can see instead:\n\n",
        );
        for phrase in slogans(language) {
            out.push_str(&format!("- `{phrase}`\n"));
        }
    }
    out
}

/// One rule's section: its name, summary, level and docs with headings one level down.
fn section(rule: &Rule) -> String {
    let mut out = format!(
        "## {}\n\n{}. Default level: **{}**.\n\n",
        rule.name,
        capitalize(rule.summary),
        rule.default_level.keyword()
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

#[cfg(test)]
mod tests {
    #[test]
    fn code_comments_keep_their_hash() {
        let text = super::rules_markdown();
        assert!(text.contains("### What it does"));
        assert!(text.contains("last_reviewed = 2025-01-10   # due"));
        assert!(!text.contains("\n## What it does"));
    }

    #[test]
    fn rules_link_the_phrase_lists() {
        assert!(super::rules_markdown().contains("](vague-phrases.md)"));
        let phrases = super::vague_phrases_markdown();
        assert!(phrases.contains("- `as soon as possible`\n"));
        assert!(phrases.contains("- `как можно быстрее`\n"));
    }
}
