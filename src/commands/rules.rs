//! `sok rules`: every lint rule with its default level and summary.

use super::{Fatal, Outcome, print};
use crate::lint::RULES;

pub(super) fn execute() -> Result<Outcome, Fatal> {
    let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in RULES {
        out.push_str(&format!(
            "{:width$}  {:7}  {}\n",
            rule.name,
            rule.default_level.keyword(),
            rule.summary
        ));
    }
    print(&out)?;
    Ok(Outcome::Clean)
}
