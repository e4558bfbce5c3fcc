//! Lint: the method's rules, at levels the handbook configures.
//!
//! The checks (`resolve`, `validate`) reject handbooks sok cannot read; lint judges handbooks
//! it can read against the method of the seeds: measurable standards, plain and time-bound
//! wording, every stage and touchpoint covered, reviews on time. Each rule is a static
//! [`Rule`] in its own file under `rules/`, listed once in [`RULES`]; `sok explain`,
//! `sok rules`, `docs/rules.md` and the SARIF rule table are all generated from that list.

pub(crate) mod config;
mod context;
pub mod docs;
mod matching;
pub(crate) mod output;
mod phrase_set;
mod phrases;
mod rules;
mod sentences;
mod words;

use rayon::prelude::*;
use std::collections::HashSet;

pub use context::{Finding, LintContext};

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Handbook, Level, Settings};
use crate::resolve::Index;
use crate::source::{Sources, Span};
use crate::values::Date;

/// One lint rule: its name (what `[lint]`, `lint.allow`, `--select` and `sok explain` take),
/// its documentation and level, and the function that finds violations.
#[derive(Debug)]
pub struct Rule {
    pub name: &'static str,
    /// Lowercase, no trailing period: what the rule reports.
    pub summary: &'static str,
    pub default_level: Level,
    /// Markdown with the sections "What it does", "Why is this bad?" and "Example".
    pub docs: &'static str,
    pub check: for<'a> fn(&LintContext<'a>) -> Vec<Finding<'a>>,
}

/// Every rule, sorted by name.
pub static RULES: &[&Rule] = &[
    &rules::business_hours_without_schedule::RULE,
    &rules::fractional_percent::RULE,
    &rules::fractional_share::RULE,
    &rules::indented_code_block::RULE,
    &rules::long_sentence::RULE,
    &rules::missing_review_cycle::RULE,
    &rules::never_say_used::RULE,
    &rules::no_tolerance::RULE,
    &rules::principles_count::RULE,
    &rules::review_overdue::RULE,
    &rules::situation_without_deadline::RULE,
    &rules::situation_without_escalation::RULE,
    &rules::social_without_situation::RULE,
    &rules::stage_not_covered::RULE,
    &rules::touchpoint_without_standard::RULE,
    &rules::unmeasurable_standard::RULE,
    &rules::unused_allow::RULE,
    &rules::unused_owner::RULE,
    &rules::vague_wording::RULE,
];

/// The rule with this name, if any.
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}

/// Names of every rule, sorted.
pub fn names() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|r| r.name)
}

/// The position of a rule in [`RULES`] (SARIF's `ruleIndex`).
pub fn position(name: &str) -> Option<usize> {
    RULES.iter().position(|r| r.name == name)
}

/// What a lint run reports, beyond the handbook's own `[lint]` settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// The date review rules compare against.
    pub today: Date,
    /// Report only these rules (empty: all). A selected rule that `sok.toml` switches off
    /// runs at its default level.
    pub select: Vec<&'static Rule>,
    /// Never report these rules.
    pub ignore: Vec<&'static Rule>,
}

impl Options {
    pub fn new(today: Date) -> Options {
        Options {
            today,
            select: Vec::new(),
            ignore: Vec::new(),
        }
    }
}

/// The level a rule runs at: `sok.toml`'s `[lint]` if it names the rule, else the default.
pub fn configured_level(rule: &Rule, settings: Option<&Settings>) -> Level {
    settings
        .and_then(|s| {
            s.lint
                .levels
                .iter()
                .rev()
                .find(|(name, _)| name.value == rule.name)
        })
        .map_or(rule.default_level, |(_, level)| level.value)
}

fn run_level(rule: &Rule, settings: Option<&Settings>, options: &Options) -> Level {
    let level = configured_level(rule, settings);
    let selected = options.select.iter().any(|r| r.name == rule.name);
    match level {
        Level::Off if selected => match rule.default_level {
            Level::Off => Level::Warning,
            default => default,
        },
        level => level,
    }
}

fn shown(rule: &Rule, options: &Options) -> bool {
    (options.select.is_empty() || options.select.iter().any(|r| r.name == rule.name))
        && !options.ignore.iter().any(|r| r.name == rule.name)
}

/// Runs every rule on a checked handbook and returns its findings as diagnostics (unsorted).
pub fn lint(hb: &Handbook, sources: &Sources, index: &Index, options: &Options) -> Vec<Diagnostic> {
    let mut cx = LintContext::new(hb, sources, index, options.today);
    let settings = hb.settings.as_ref();
    let mut out = Vec::new();
    let mut used: HashSet<Span> = HashSet::new();
    let last = &rules::unused_allow::RULE;
    let ordered = RULES
        .iter()
        .copied()
        .filter(|r| r.name != last.name)
        .chain([last]);
    let ordered: Vec<(&'static Rule, Level)> = ordered
        .map(|rule| (rule, run_level(rule, settings, options)))
        .filter(|(_, level)| *level != Level::Off)
        .collect();
    let (last_run, others): (Vec<_>, Vec<_>) = ordered
        .into_iter()
        .partition(|(rule, _)| rule.name == last.name);
    // The rules are independent of each other, so they run in parallel; their findings are
    // taken in the registry's order, whatever the threads. `unused-allow` runs after them,
    // since it reads which allows they used.
    let findings: Vec<Vec<Finding<'_>>> = others
        .par_iter()
        .map(|(rule, _)| (rule.check)(&cx))
        .collect();
    let mut take = |rule: &'static Rule,
                    level: Level,
                    findings: Vec<Finding<'_>>,
                    used: &mut HashSet<Span>| {
        for finding in findings {
            let allowed = finding
                .allow
                .iter()
                .flat_map(|list| list.iter())
                .find(|entry| entry.value == rule.name);
            if let Some(entry) = allowed {
                used.insert(entry.span);
            } else if shown(rule, options) {
                out.push(finding.into_diagnostic(rule.name, level));
            }
        }
    };
    for ((rule, level), findings) in others.iter().zip(findings) {
        cx.rules_run.push(rule.name);
        take(rule, *level, findings, &mut used);
    }
    for (rule, level) in last_run {
        cx.allows_used = std::mem::take(&mut used);
        let findings = (rule.check)(&cx);
        cx.rules_run.push(rule.name);
        take(rule, level, findings, &mut used);
    }
    out
}

/// The one line `sok build` and `sok serve` print of what lint found, or `None` when it
/// found nothing: `lint: 2 warnings in 2 files — run `sok lint` for details`.
pub(crate) fn summary_line(findings: &[Diagnostic]) -> Option<String> {
    crate::diagnostics::summary(findings)
        .map(|summary| format!("lint: {summary} — run `sok lint` for details"))
}

/// The severity a finding gets at `level` (`Off` never reaches output).
pub fn severity(level: Level) -> Severity {
    match level {
        Level::Error => Severity::Error,
        Level::Warning | Level::Off => Severity::Warning,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_sorted_unique_and_documented() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for rule in RULES {
            for section in ["## What it does", "## Why is this bad?", "## Example"] {
                assert!(rule.docs.contains(section), "{} lacks {section}", rule.name);
            }
            assert!(!rule.summary.ends_with('.'), "{}", rule.name);
            assert!(crate::values::is_valid_id(rule.name), "{}", rule.name);
        }
    }

    #[test]
    fn each_rule_lives_in_the_file_named_after_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lint/rules");
        let mut stems: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().replace(".rs", ""))
            .filter(|stem| stem != "mod")
            .collect();
        stems.sort();
        let names: Vec<String> = names().map(|n| n.replace('-', "_")).collect();
        assert_eq!(stems, names);
    }

    #[test]
    fn select_switches_an_off_rule_back_on() {
        let rule = find("long-sentence").unwrap();
        let mut options = Options::new(Date::today());
        assert_eq!(run_level(rule, None, &options), rule.default_level);
        options.select.push(rule);
        assert!(shown(rule, &options));
        assert!(!shown(find("unused-owner").unwrap(), &options));
    }
}
