//! SARIF 2.1.0, the format GitHub code scanning (and other review tools) import.
//!
//! The log has one run: the tool with every lint rule (its descriptions, help and default
//! level), and one result per diagnostic with its region. Check errors (codes `sok::…`) carry
//! no `ruleIndex`, since they are not lint rules. Columns count Unicode code points, as the
//! other formats do; `endColumn` is exclusive, as SARIF defines it.

use serde_json::{Value, json};

use crate::diagnostics::emit::Position;
use crate::diagnostics::{Diagnostic, Severity};
use crate::i18n::format::capitalize;
use crate::lint::{RULES, Rule, position};
use crate::model::Level;
use crate::source::{Sources, Span};

/// The `uriBaseId` of every location: the root GitHub checks the repository out to.
pub(crate) const URI_BASE_ID: &str = "%SRCROOT%";

/// The SARIF log for `diagnostics`; `prefix` is the handbook root relative to the repository.
pub(crate) fn sarif(diagnostics: &[Diagnostic], sources: &Sources, prefix: &str) -> String {
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| result(d, sources, prefix))
        .collect();
    log(json!({
        "tool": tool(),
        "columnKind": "unicodeCodePoints",
        "results": results,
    }))
}

/// The log of a run that could not lint at all (exit 2: no handbook, a bad revision...), so
/// that an upload step after `sok lint --format sarif > sok.sarif` reads a valid file that
/// says what went wrong instead of an empty one.
pub(crate) fn sarif_failure(message: &str) -> String {
    log(json!({
        "tool": tool(),
        "invocations": [{
            "executionSuccessful": false,
            "toolExecutionNotifications": [{
                "level": "error",
                "message": { "text": message },
            }],
        }],
        "results": [],
    }))
}

fn tool() -> Value {
    json!({
        "driver": {
            "name": "sok",
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": RULES.iter().map(|r| rule(r)).collect::<Vec<_>>(),
        }
    })
}

fn log(run: Value) -> String {
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_default();
    out.push('\n');
    out
}

fn rule(rule: &Rule) -> Value {
    json!({
        "id": rule.name,
        "shortDescription": { "text": capitalize(rule.summary) },
        "fullDescription": { "text": what_it_does(rule.docs) },
        "help": { "text": rule.docs, "markdown": rule.docs },
        "defaultConfiguration": { "level": sarif_level(rule.default_level) },
    })
}

/// The first paragraph under "## What it does", on one line.
fn what_it_does(docs: &str) -> String {
    let after = docs.split("## What it does").nth(1).unwrap_or(docs);
    let paragraph = after.trim_start().split("\n\n").next().unwrap_or(after);
    paragraph.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Off => "none",
        other => other.keyword(),
    }
}

fn result(d: &Diagnostic, sources: &Sources, prefix: &str) -> Value {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut result = json!({
        "ruleId": d.code,
        "level": match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        },
        "message": { "text": message },
        "locations": [ location(d.span, sources, prefix) ],
    });
    if let Some(index) = position(d.code) {
        result["ruleIndex"] = json!(index);
    }
    if !d.related.is_empty() {
        result["relatedLocations"] = d
            .related
            .iter()
            .enumerate()
            .map(|(id, r)| {
                let mut related = location(r.span, sources, prefix);
                related["id"] = json!(id);
                related["message"] = json!({ "text": r.label });
                related
            })
            .collect();
    }
    result
}

fn location(span: Span, sources: &Sources, prefix: &str) -> Value {
    let at = Position::of(span, sources);
    json!({
        "physicalLocation": {
            "artifactLocation": {
                "uri": super::uri_path(&format!("{prefix}{}", at.file)),
                "uriBaseId": URI_BASE_ID,
            },
            "region": {
                "startLine": at.line,
                "startColumn": at.column,
                "endLine": at.end_line,
                "endColumn": at.end_column,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_descriptions() {
        let log: Value = serde_json::from_str(&sarif(&[], &Sources::default(), "")).unwrap();
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), RULES.len());
        for r in rules {
            assert!(!r["fullDescription"]["text"].as_str().unwrap().is_empty());
            assert!(r["fullDescription"]["text"].as_str().unwrap().len() < 1000);
        }
    }
}
