//! sok's integration tests, in one test binary (as mdBook does): one link of the crate
//! instead of one per file, and one `cargo test` process that runs them all in parallel.
//! Each module is one area; `tests/README.md` says what each covers. Run one area with
//! `cargo test --test it <module>`, e.g. `cargo test --test it check_fixtures`.

mod common;

mod architecture;
mod audit;
mod audit_score;
mod authoring;
mod build_changes;
mod build_lint;
mod check_cascade;
mod check_fixtures;
mod cli_build;
mod cli_check;
mod diff_cli;
mod diff_fixtures;
mod diff_git;
mod diff_notice;
mod docs;
mod export;
mod faults;
mod fuzz_regressions;
mod lint_cli;
mod lint_docs;
mod lint_planted;
mod lint_rules;
mod lint_vague;
mod measure_cli;
mod measure_output;
mod measure_sql;
mod render_memory;
mod render_output;
mod robustness;
mod roles;
mod sample_events;
mod schema;
mod search;
mod serve;
mod site_nav;
