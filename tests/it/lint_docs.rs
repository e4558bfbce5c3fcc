//! The files that describe lint to its users stay true: `docs/rules.md` is generated from
//! the registry, `docs/vague-phrases.md` from the built-in phrase lists, and the pre-commit
//! hook runs a command that works.

use std::process::Command;

use assert_cmd::prelude::*;

use crate::common::{self, repo_path};

/// `docs/<name>` must be `generated`; with `UPDATE_DOCS=1` it is rewritten instead.
fn assert_generated(name: &str, generated: &str) {
    let path = repo_path(&format!("docs/{name}"));
    if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
        std::fs::write(&path, generated).expect("docs/ is writable");
        return;
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == generated,
        "docs/{name} is out of date: run `UPDATE_DOCS=1 cargo test --test it lint_docs`"
    );
}

#[test]
fn rules_md_is_generated_from_the_registry() {
    assert_generated("rules.md", &sok::lint::docs::rules_markdown());
}

#[test]
fn vague_phrases_md_is_generated_from_the_lists() {
    assert_generated(
        "vague-phrases.md",
        &sok::lint::docs::vague_phrases_markdown(),
    );
}

/// The value of `key` in the one hook of `.pre-commit-hooks.yaml` (a flat YAML list item).
fn hook_value(yaml: &str, key: &str) -> Option<String> {
    yaml.lines()
        .map(|l| l.trim_start_matches("- ").trim())
        .find_map(|l| l.strip_prefix(&format!("{key}:")))
        .map(|v| v.trim().to_string())
}

#[test]
fn the_pre_commit_hook_runs_sok_lint() {
    let yaml = std::fs::read_to_string(repo_path(".pre-commit-hooks.yaml")).unwrap();
    let items = yaml.lines().filter(|l| l.starts_with("- ")).count();
    assert_eq!(items, 1, "one hook");
    assert!(yaml.lines().any(|l| l == "- id: sok-lint"));
    assert_eq!(hook_value(&yaml, "language").as_deref(), Some("rust"));
    assert_eq!(
        hook_value(&yaml, "pass_filenames").as_deref(),
        Some("false")
    );
    let entry = hook_value(&yaml, "entry").expect("an entry");
    let mut words = entry.split_whitespace();
    assert_eq!(words.next(), Some("sok"));
    let args: Vec<&str> = words.collect();
    assert_eq!(args, ["lint"]);
    // pre-commit runs the entry in the repository root; here, in a handbook's root.
    let status = Command::cargo_bin("sok")
        .unwrap()
        .current_dir(repo_path("examples/avtosalon"))
        .args(&args)
        .args(["--today", common::TODAY])
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
}
