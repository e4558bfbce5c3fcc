//! The "Examples:" section of every command's `--help`: what a user types first.

pub(super) const SOK: &str = "\
Examples:
  sok init shop --language pl   start a Polish handbook in the folder shop/
  sok check                     check the handbook of the current folder
  sok build                     render it into build/
  sok help new                  the help of one command";

pub(super) const INIT: &str = "\
Examples:
  sok init                        a starter handbook in English, in the current folder
  sok init shop --language pl     a Polish one in shop/ (created if missing)
  sok init shop --fill            add only the starter files that shop/ does not have yet";

pub(super) const NEW: &str = "\
Examples:
  sok new standard callback-time                        standards/callback-time.md
  sok new owner night-shift --title \"Night shift lead\"  owners/night-shift.md, named
  sok new chapter uniforms path/to/handbook             in the handbook at path/to/handbook";

pub(super) const MEASURE: &str = "\
Examples:
  sok measure --events events/                  every events file in events/, as tables
  sok measure --events calls.csv --format json  the report as JSON, for a script
  sok measure --events x.csv --fail-on missed   exit 1 when a standard missed its target
  sok measure --sql postgres > measure.sql      the same report as SQL for a warehouse";

pub(super) const EXPORT: &str = "\
Examples:
  sok export zendesk --out zendesk.json      Zendesk SLA policies and schedules
  sok export genesys --touchpoint hotline    one touchpoint's queue service levels
  sok export freshdesk --check freshdesk.json   exit 1 when the committed file is stale";

pub(super) const AUDIT: &str = "\
Examples:
  sok audit --touchpoint hotline > hotline.html   one touchpoint's printable scorecard
  sok audit --format csv -o forms/                every touchpoint's form as forms/<id>.csv
  sok audit --score forms/filled/*.csv -o events/audits.csv   filled forms to audit_score events";

pub(super) const CHECK: &str = "\"
Examples:
  sok check                 the handbook that holds the current folder
  sok check examples/shop   the handbook in examples/shop
  sok check --format json   every problem as JSON, for an editor or a script";

pub(super) const EXPLAIN: &str = "\
Examples:
  sok explain ref::unknown   what an unknown reference means and how to fix it
  sok explain vague-wording  the lint rule vague-wording";

pub(super) const LINT: &str = "\
Examples:
  sok lint                                 the method's rules on the current handbook
  sok lint --deny warnings                 fail on warnings too, as CI does
  sok lint --format sarif > lint.sarif     for GitHub code scanning
  sok lint --changed-since origin/main     only the files a pull request changed";

pub(super) const RULES: &str = "\
Examples:
  sok rules                   every rule with its default level
  sok explain long-sentence   the documentation of one rule";

pub(super) const BUILD: &str = "\
Examples:
  sok build                                 render into build/ (or [build].out)
  sok build --out /tmp/site --format html   only the site, elsewhere
  sok build --changes-since v1.0.0          add the chapter \"what changed\" since a git tag
  sok build --measurements report.json      add the chapter with the standards' results";

pub(super) const DIFF: &str = "\
Examples:
  sok diff v1.0.0                              the working tree against a git tag
  sok diff main HEAD --format markdown         a comment for a pull request
  sok diff old-edition/ new-edition/           two directories
  sok diff origin/main.. --fail-on loosened    fail CI when a standard got weaker";

pub(super) const COMPLETIONS: &str = "\
Examples:
  sok completions bash > ~/.local/share/bash-completion/completions/sok
  sok completions zsh > ~/.zfunc/_sok
  sok completions fish > ~/.config/fish/completions/sok.fish";

pub(super) const MAN: &str = "\
Examples:
  sok man > sok.1 && man ./sok.1               read it
  sok man > /usr/local/share/man/man1/sok.1    install it
  sok man check > sok-check.1                  the page of one command";

pub(super) const SCHEMA: &str = "\
Examples:
  sok schema --out .sok/schema --taplo   schemas for the editor, and the .taplo.toml that uses them
  sok schema --out /tmp/schema           the schemas alone, for taplo in CI";

pub(super) const SERVE: &str = "\
Examples:
  sok serve                       serve the handbook of this folder on http://127.0.0.1:3000/
  sok serve --port 8080 --open    another port, and open the browser";

pub(super) const SAMPLE_EVENTS: &str = "\
Examples:
  sok sample-events > events.csv                     91 days up to yesterday, as CSV
  sok sample-events --seed 7 --from 2026-09-01 --days 30 --out events/september.csv
  sok sample-events --per-day 500 --bad-rows 2 --format jsonl --out /tmp/events.jsonl";
